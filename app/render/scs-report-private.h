/* scs-report-private.h — the report's flow engine, as the forms use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report is a list of pages, each a list of drawing operations in points, made once by
 * the flow engine (scs-report-flow.c) and drawn as often as asked (scs-report.c). The forms
 * (scs-report-cover.c, -radar.c, -sheet.c, -plan.c, -visits.c) lay themselves out as rows of
 * tables that the flow places: a heading is a borderless table of one column, a form a
 * bordered table of labels and values. Rows handed over together are kept on one page when
 * they fit on one; a row taller than a page is cut between lines of text; a table that goes
 * on to a new page repeats its header. Nothing here is for callers outside app/render.
 */
#pragma once

#include <pango/pangocairo.h>
#include "scs-radar.h"
#include "scs-report.h"

G_BEGIN_DECLS

#define SCS_REPORT_MAX_COLUMNS 16
#define SCS_REPORT_MARGIN 36.0   /* half an inch */
#define SCS_REPORT_HEADER 22.0   /* running head and foot, inside the margin */

/* page model ------------------------------------------------------------------------------- */

typedef enum { OP_TEXT, OP_LINE, OP_FILL, OP_RADAR } ScsOpKind;

typedef struct {
  ScsOpKind    kind;
  double       x, y, w, h;
  PangoLayout *layout;    /* OP_TEXT */
  double       clip0;     /* OP_TEXT: the part of the layout shown, from clip0 to clip0 + h */
  gboolean     clip;      /* OP_TEXT: only part of the layout is shown */
  double       gray;      /* OP_FILL, OP_LINE */
  double       width;     /* OP_LINE */
} ScsOp;

typedef struct {
  double     width, height;
  gboolean   landscape;
  char      *title;
  GArray    *ops;          /* ScsOp */
  const char *date;        /* in the foot, YYYY-MM-DD: NULL for the report's; else kept in
                            * the report's page_dates */
} ScsPage;

struct _ScsReport {
  ScsReportOptions options;
  char            *mark;
  char            *date;
  GStringChunk    *page_dates;    /* ScsPage's own dates */
  char            *company;
  char            *foot_company;  /* the company as it fits in foot_room, for the foot */
  double           foot_room;
  char            *edition_note;  /* on every page when the criteria are user-provided */
  PangoContext    *pango;
  GHashTable      *layouts;   /* "width|size|bold|align|text" → PangoLayout, shared by cells */
  GPtrArray       *pages;     /* ScsPage */
  ScsRadarData    *radar;
};

void         scs_page_free            (gpointer data);

/* tables ----------------------------------------------------------------------------------- */

typedef struct {
  PangoLayout *layout;    /* NULL: empty */
  gboolean     span;      /* continues the cell above: no line between, no text */
  PangoLayout *span_text; /* a span's text, repeated when its group goes on to a new page */
  double       shade;     /* 0: none; else the gray of its background */
  guint        cols;      /* a header band's cell: the columns it stands over, from its own */
} ScsCell;

typedef struct {
  guint    n;
  gboolean full;          /* the first cell spans the whole table (a band) */
  ScsCell  cells[SCS_REPORT_MAX_COLUMNS];
} ScsRow;

typedef struct {
  guint    n;
  double   x;
  double   widths[SCS_REPORT_MAX_COLUMNS];
  gboolean borders;
  double   pad;
  ScsRow  *header;       /* repeated at the top of each page; may be NULL */
  ScsRow  *band;         /* over the header, titles over groups of columns (cells with cols);
                          * the title of a column under no band reaches up beside them */
} ScsTable;

typedef struct {
  ScsReport      *report;
  ScsPage        *page;
  double          y;
  double          top, bottom, left, right;
  double          scale;          /* 1 on A4, larger on A3 */
  const ScsTable *table;          /* the table being placed, for its header on a new page */
  GPtrArray      *pending;        /* ScsRow: headings kept with what follows */
  const ScsTable *pending_table;
} ScsFlow;

/* A line of a laid out text and where it lies, for cutting a row between pages. */
typedef struct {
  double           y0, y1;     /* from the layout's top */
  double           x;          /* of the line's logical extents */
  double           baseline;
  PangoLayoutLine *line;       /* the layout's own */
} ScsLineBox;

ScsRow      *scs_row_new              (guint             n);
void         scs_row_free             (gpointer          data);
double       scs_table_width          (const ScsTable   *table);
/* A column's width inside its padding: what its text is laid out to. */
double       scs_table_inner_width    (const ScsTable   *table,
                                       guint             column);
/* n columns across the flow's page in the proportions of parts. */
void         scs_table_set_widths     (ScsTable         *table,
                                       ScsFlow          *flow,
                                       const double     *parts,
                                       guint             n);

/* layouts ---------------------------------------------------------------------------------- */

/* The families every report text is set in: IPAex Gothic, or Noto Sans CJK when IPAex is
 * missing (said once on stderr). */
const char  *scs_report_font_family   (void);
/* A layout of its own, which the caller may change. */
PangoLayout *scs_flow_new_layout      (ScsFlow          *flow,
                                       const char       *text,
                                       double            width,
                                       double            size,
                                       gboolean          bold,
                                       PangoAlignment    align);
/* Shared with every cell of the same text, width and font: never changed. */
PangoLayout *scs_flow_layout          (ScsFlow          *flow,
                                       const char       *text,
                                       double            width,
                                       double            size,
                                       gboolean          bold,
                                       PangoAlignment    align);
/* The same, NULL for an empty text. */
PangoLayout *scs_flow_cell_layout     (ScsFlow          *flow,
                                       const char       *text,
                                       double            width,
                                       double            size,
                                       gboolean          bold,
                                       PangoAlignment    align);
/* A bold first line (a title) over a plain text; either may be empty. */
PangoLayout *scs_flow_titled_layout   (ScsFlow          *flow,
                                       const char       *title,
                                       const char       *text,
                                       double            width,
                                       double            size);
/* ScsLineBox per line, measured once and kept with the layout. */
GArray      *scs_flow_layout_lines    (PangoLayout      *layout);

/* flow ------------------------------------------------------------------------------------- */

void         scs_flow_new_page        (ScsFlow          *flow,
                                       gboolean          landscape,
                                       const char       *title);
void         scs_flow_add_op          (ScsFlow          *flow,
                                       ScsOp             op);
/* Places rows (taking them over). keep: on one page when they fit on one. */
void         scs_flow_place_rows      (ScsFlow          *flow,
                                       const ScsTable   *table,
                                       GPtrArray        *rows,
                                       gboolean          keep);
void         scs_flow_place_row       (ScsFlow          *flow,
                                       const ScsTable   *table,
                                       ScsRow           *row);
/* Rules off the table being placed; the next row starts a table anew. */
void         scs_flow_close_table     (ScsFlow          *flow);
/* Places the headings kept for what follows them. */
void         scs_flow_flush_pending   (ScsFlow          *flow);
/* White space, none at the top of a page. */
void         scs_flow_skip            (ScsFlow          *flow,
                                       double            points);
/* A table of one borderless column, across the page. */
ScsTable     scs_flow_plain_table     (ScsFlow          *flow);
/* A heading, kept on the page of what follows it. */
void         scs_flow_heading         (ScsFlow          *flow,
                                       const ScsTable   *plain,
                                       const char       *text,
                                       double            size);
/* A paragraph under a heading, kept with it on the page of what follows. */
void         scs_flow_lead            (ScsFlow          *flow,
                                       const ScsTable   *plain,
                                       const char       *text,
                                       double            size);
void         scs_flow_paragraph       (ScsFlow          *flow,
                                       const ScsTable   *plain,
                                       const char       *text,
                                       double            size,
                                       PangoAlignment    align);
/* A table's header: bold titles, centred, shaded, each line of a title kept whole (a
 * title breaks at its line breaks and spaces only) by a smaller font where it is wider
 * than its column. */
ScsRow      *scs_flow_header_row      (ScsFlow          *flow,
                                       const ScsTable   *table,
                                       const char      **titles);
/* A band over a table's header: titles[i], when not NULL, stands over cols[i] columns
 * from column i. */
ScsRow      *scs_flow_band_row        (ScsFlow          *flow,
                                       const ScsTable   *table,
                                       const char      **titles,
                                       const guint      *cols);
/* A form: label, value, label, value… per row, the labels shaded. */
ScsRow      *scs_flow_form_row        (ScsFlow          *flow,
                                       const ScsTable   *table,
                                       const char      **texts);

/* texts ------------------------------------------------------------------------------------ */

/* A member's text; "" when record is NULL. */
static inline const char *
str (ScsRecord  *record,
     const char *name)
{
  return record != NULL ? scs_record_get_string (record, name) : "";
}

char        *scs_report_format_long_date (const char *date);
/* A visit's date with its start and end times. */
char        *scs_report_visit_when       (ScsRecord  *visit);
/* Dates the pages from first on with a visit's date (YYYY-MM-DD), for their foot: in the
 * reports of every visit, when no date was chosen for the whole report. Else, or when date
 * is empty, the pages keep the report's date. */
void         scs_report_date_pages       (ScsReport  *report,
                                          guint       first,
                                          const char *date);
/* From start to end as the guide writes it: a meeting's hours 14:00~17:00, a schedule's
 * slot (schedule) 13:30-13:40 in Japanese; either alone when the other is empty. */
char        *scs_report_format_time_range (const char *start,
                                           const char *end,
                                           gboolean    schedule);

/* forms ------------------------------------------------------------------------------------ */

/* What every form reads: the engagement and the options applied. */
typedef struct {
  ScsEngagement          *engagement;
  const ScsReportOptions *options;
} ScsReportContext;

/* Each starts its own pages and lays its form out on them. */
void         scs_report_add_cover     (ScsFlow                *flow,
                                       const ScsReportContext *ctx);
void         scs_report_add_radar     (ScsFlow                *flow,
                                       const ScsReportContext *ctx);
/* How the radar page's chart is drawn: its titles whole, no text under 7 pt. */
void         scs_report_radar_style   (ScsRadarStyle          *style);
/* The sheet, followed by its section per criterion when the options ask for details. */
void         scs_report_add_sheet     (ScsFlow                *flow,
                                       const ScsReportContext *ctx);
void         scs_report_add_plan      (ScsFlow                *flow,
                                       const ScsReportContext *ctx);
/* A report per visit with content, or the one the options name; with placeholder, a page
 * that says there is none when none is printed. */
void         scs_report_add_visits    (ScsFlow                *flow,
                                       const ScsReportContext *ctx,
                                       gboolean                placeholder);

G_END_DECLS
