/* scs-report.c — the printed forms, laid out in points and drawn into any cairo context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything on a page is a row of a table: a heading is a borderless table of one column,
 * a form is a bordered table of labels and values. Rows of a group (a subcategory of the
 * sheet) are kept on one page when they fit on one; a row taller than a page is cut
 * between lines of text, each cell going on where it stopped. A table that goes on to a
 * new page repeats its header.
 */

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include "scs-engagement-radar.h"
#include "scs-report.h"

/* Named so that every machine prints the same Japanese glyphs; the others are fallbacks
 * when Noto is missing. */
#define FONT_FAMILY "Noto Sans CJK JP, Noto Sans JP, IPAexGothic, IPAGothic, sans-serif"
#define MAX_COLUMNS 16

/* page model ---------------------------------------------------------------------------- */

typedef enum { OP_TEXT, OP_LINE, OP_FILL, OP_RADAR } OpKind;

typedef struct {
  OpKind       kind;
  double       x, y, w, h;
  PangoLayout *layout;    /* OP_TEXT */
  double       clip0;     /* OP_TEXT: the part of the layout shown, from clip0 to clip0 + h */
  gboolean     clip;      /* OP_TEXT: only part of the layout is shown */
  double       gray;      /* OP_FILL, OP_LINE */
  double       width;     /* OP_LINE */
} Op;

typedef struct {
  double     width, height;
  gboolean   landscape;
  char      *title;
  GArray    *ops;          /* Op */
} Page;

struct _ScsReport {
  ScsReportOptions options;
  char            *mark;
  char            *date;
  char            *company;
  char            *edition_note;  /* on every page when the criteria are user-provided */
  PangoContext    *pango;
  GHashTable      *layouts;   /* "width|size|bold|align|text" → PangoLayout, shared by cells */
  GPtrArray       *pages;  /* Page */
  ScsRadarData    *radar;
};

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->layout);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->ops);
  g_free (page->title);
  g_free (page);
}

/* tables ---------------------------------------------------------------------------------- */

typedef struct {
  PangoLayout *layout;    /* NULL: empty */
  gboolean     span;      /* continues the cell above: no line between, no text */
  PangoLayout *span_text; /* a span's text, repeated when its group goes on to a new page */
  double       shade;     /* 0: none; else the gray of its background */
} Cell;

typedef struct {
  guint    n;
  gboolean full;          /* the first cell spans the whole table (a band) */
  Cell     cells[MAX_COLUMNS];
} Row;

typedef struct {
  guint    n;
  double   x;
  double   widths[MAX_COLUMNS];
  gboolean borders;
  double   pad;
  Row     *header;       /* repeated at the top of each page; may be NULL */
} Table;

typedef struct {
  ScsReport *report;
  Page      *page;
  double     y;
  double     top, bottom, left, right;
  double     scale;       /* 1 on A4, larger on A3 */
  const Table *table;     /* the table being placed, for its header on a new page */
  GPtrArray *pending;     /* Row: headings kept with what follows */
  const Table *pending_table;
} Flow;

static const double MARGIN = 36;   /* half an inch */
static const double HEADER = 22;   /* running head and foot, inside the margin */

static void
flow_new_page (Flow      *flow,
               gboolean   landscape,
               const char *title)
{
  ScsReport *report = flow->report;
  Page *page = g_new0 (Page, 1);
  double a = report->options.paper == SCS_PAPER_A3 ? 841.89 : 595.28;
  double b = report->options.paper == SCS_PAPER_A3 ? 1190.55 : 841.89;

  page->landscape = landscape;
  page->width = landscape ? b : a;
  page->height = landscape ? a : b;
  page->title = g_strdup (title);
  page->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (page->ops, op_clear);
  g_ptr_array_add (report->pages, page);
  flow->page = page;
  flow->left = MARGIN;
  flow->right = page->width - MARGIN;
  flow->top = MARGIN + HEADER;
  flow->bottom = page->height - MARGIN - HEADER;
  flow->y = flow->top;
  flow->scale = report->options.paper == SCS_PAPER_A3 ? 1.3 : 1.0;
}

/* Pango 1.50 shapes the rest of an item again for every line it breaks off it, so laying
 * out a paragraph that is one item takes time in the square of its length: a comment of
 * 100 000 'x' took 49 s, 200 000 took 175 s. Items end where attributes change, so a long
 * paragraph gets an attribute that changes nothing (font fallback on, the default) on every
 * other stretch of about SEGMENT bytes, and each stretch is shaped on its own. A stretch
 * ends after white space when there is some near, and otherwise between two clusters, never
 * inside one: a character keeps its marks, and only a kerning pair or ligature that a cut
 * falls into in a word over 512 bytes long is lost. Shorter paragraphs are left alone. */
#define SEGMENT 1024

static void
bound_items (PangoLayout *layout,
             const char  *text)
{
  gsize length = strlen (text);
  glong n_chars;
  g_autofree PangoLogAttr *log = NULL;
  PangoAttrList *attrs;
  const char *p, *start, *space = NULL;
  glong i;
  gboolean on = TRUE, long_paragraph = FALSE;

  start = text;
  for (p = text; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r')
      start = p + 1;
    else if ((gsize) (p - start) > SEGMENT)
      {
        long_paragraph = TRUE;
        break;
      }
  if (!long_paragraph)
    return;

  n_chars = g_utf8_strlen (text, length);
  log = g_new0 (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, length, -1, pango_language_get_default (), log, n_chars + 1);
  attrs = pango_attr_list_new ();
  start = text;
  for (p = text, i = 0; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == 0x2029)
        {
          start = g_utf8_next_char (p);
          space = NULL;
          continue;
        }
      if (i > 0 && log[i - 1].is_white && !log[i].is_white && log[i].is_cursor_position)
        space = p;
      if ((gsize) (p - start) >= SEGMENT && log[i].is_cursor_position)
        {
          const char *cut = space != NULL && space - start >= SEGMENT / 2 ? space : p;

          if (on)
            {
              PangoAttribute *a = pango_attr_fallback_new (TRUE);

              a->start_index = start - text;
              a->end_index = cut - text;
              pango_attr_list_insert (attrs, a);
            }
          on = !on;
          start = cut;
          space = NULL;
        }
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static PangoLayout *
new_layout (Flow       *flow,
            const char *text,
            double      width,
            double      size,
            gboolean    bold,
            PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (flow->report->pango);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * flow->scale * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  bound_items (layout, text != NULL ? text : "");
  return layout;
}

/* A layout of text, shared with every other cell of the same text, width and font: the
 * sheet repeats its statuses, verdicts, marks and often its comments, and shaping is what
 * laying out costs. Shared layouts are never changed; the caller owns a reference. */
static PangoLayout *
text_layout (Flow       *flow,
             const char *text,
             double      width,
             double      size,
             gboolean    bold,
             PangoAlignment align)
{
  g_autofree char *key = g_strdup_printf ("%d|%d|%d|%d|%s", (int) (width * PANGO_SCALE),
                                          (int) (size * flow->scale * PANGO_SCALE), bold, align,
                                          text != NULL ? text : "");
  PangoLayout *layout = g_hash_table_lookup (flow->report->layouts, key);

  if (layout == NULL)
    {
      layout = new_layout (flow, text, width, size, bold, align);
      g_hash_table_insert (flow->report->layouts, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

/* A bold first line (a title) over a plain text; either may be empty. */
static PangoLayout *
titled_layout (Flow       *flow,
               const char *title,
               const char *text,
               double      width,
               double      size)
{
  g_autoptr(GString) all = g_string_new (title);
  PangoLayout *layout;
  PangoAttrList *attrs;
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  if (title != NULL && *title != '\0' && text != NULL && *text != '\0')
    g_string_append_c (all, '\n');
  g_string_append (all, text);
  layout = new_layout (flow, all->str, width, size, FALSE, PANGO_ALIGN_LEFT);
  attrs = pango_layout_get_attributes (layout) != NULL
          ? pango_attr_list_copy (pango_layout_get_attributes (layout)) : pango_attr_list_new ();
  bold->start_index = 0;
  bold->end_index = title != NULL ? strlen (title) : 0;
  pango_attr_list_insert (attrs, bold);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h = 0;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* A table cell's text: none for an empty one, which saves a layout per empty cell. */
static PangoLayout *
cell_layout (Flow       *flow,
             const char *text,
             double      width,
             double      size,
             gboolean    bold,
             PangoAlignment align)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return text_layout (flow, text, width, size, bold, align);
}

static Row *
row_new (guint n)
{
  Row *row = g_new0 (Row, 1);

  row->n = n;
  return row;
}

static void
row_free (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < row->n; i++)
    {
      g_clear_object (&row->cells[i].layout);
      g_clear_object (&row->cells[i].span_text);
    }
  g_free (row);
}

static double
column_x (const Table *table,
          guint        column)
{
  double x = table->x;

  for (guint i = 0; i < column; i++)
    x += table->widths[i];
  return x;
}

static double
table_width (const Table *table)
{
  return column_x (table, table->n) - table->x;
}

static double
inner_width (const Table *table,
             guint        column)
{
  return table->widths[column] - 2 * table->pad;
}

/* A cell's text: what it shows at the top of a page, a span's repeated there. */
static PangoLayout *
cell_text (const Cell *cell,
           gboolean    first_on_page)
{
  if (cell->span)
    return first_on_page ? cell->span_text : NULL;
  return cell->layout;
}

static double
row_height (const Table *table,
            const Row   *row,
            gboolean     first_on_page)
{
  double h = 0;

  for (guint i = 0; i < row->n; i++)
    h = MAX (h, layout_height (cell_text (&row->cells[i], first_on_page)));
  return h + 2 * table->pad;
}

static void
add_op (Flow *flow,
        Op    op)
{
  if (op.layout != NULL)
    g_object_ref (op.layout);
  g_array_append_val (flow->page->ops, op);
}

static void
add_line (Flow  *flow,
          double x0,
          double y0,
          double x1,
          double y1,
          double width)
{
  add_op (flow, (Op) { .kind = OP_LINE, .x = x0, .y = y0, .w = x1 - x0, .h = y1 - y0,
                       .gray = 0, .width = width });
}

/* Draws part of a row: from each cell's offset, h points high. */
static void
emit_row (Flow        *flow,
          const Table *table,
          const Row   *row,
          double       h,
          const double *offsets,
          gboolean     first_on_page)
{
  double y = flow->y;
  guint n = row->full ? 1 : row->n;

  for (guint i = 0; i < n; i++)
    {
      const Cell *cell = &row->cells[i];
      PangoLayout *layout = cell_text (cell, first_on_page);
      double x = column_x (table, i);
      double w = row->full ? table_width (table) : table->widths[i];
      double off = offsets != NULL ? offsets[i] : 0;
      double shown = MIN (layout_height (layout) - off, h - 2 * table->pad);

      if (cell->shade > 0)
        add_op (flow, (Op) { .kind = OP_FILL, .x = x, .y = y, .w = w, .h = h,
                             .gray = cell->shade });
      if (layout != NULL && shown > 0)
        add_op (flow, (Op) { .kind = OP_TEXT, .x = x + table->pad, .y = y + table->pad,
                             .w = w - table->pad, .h = shown, .layout = layout, .clip0 = off,
                             .clip = off > 0 || shown < layout_height (layout) - 0.01 });
      if (table->borders)
        {
          if (!cell->span || first_on_page)
            add_line (flow, x, y, x + w, y, 0.5);
          add_line (flow, x, y, x, y + h, 0.5);
        }
    }
  if (table->borders)
    {
      double right = table->x + table_width (table);

      add_line (flow, right, y, right, y + h, 0.5);
    }
  flow->y += h;
}

static void
close_table (Flow *flow)
{
  if (flow->table != NULL && flow->table->borders && flow->y > flow->top)
    add_line (flow, flow->table->x, flow->y, flow->table->x + table_width (flow->table), flow->y,
              0.5);
  flow->table = NULL;
}

static void
begin_table (Flow        *flow,
             const Table *table)
{
  if (flow->table == table)
    return;
  close_table (flow);
  flow->table = table;
  if (table->header != NULL)
    emit_row (flow, table, table->header, row_height (table, table->header, FALSE), NULL, FALSE);
}

static void
break_page (Flow *flow)
{
  const Table *table = flow->table;
  Page *old = flow->page;

  close_table (flow);
  flow_new_page (flow, old->landscape, old->title);
  if (table != NULL)
    begin_table (flow, table);
}

typedef struct {
  double           y0, y1;     /* from the layout's top */
  double           x;          /* of the line's logical extents */
  double           baseline;
  PangoLayoutLine *line;       /* the layout's own */
} LineBox;

/* A layout's lines and where they lie, measured once: a PangoLayoutIter measures all the
 * lines of its layout when it is made, and a cell cut over hundreds of pages would make one
 * per page. Layouts are never changed once laid out, so the lines stay valid. */
static GArray *
layout_lines (PangoLayout *layout)
{
  GArray *lines = g_object_get_data (G_OBJECT (layout), "scs-report-lines");
  PangoLayoutIter *iter;

  if (lines != NULL)
    return lines;
  lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  iter = pango_layout_get_iter (layout);
  do
    {
      int y0, y1;
      PangoRectangle logical;
      LineBox box;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      box.y0 = (double) y0 / PANGO_SCALE;
      box.y1 = (double) y1 / PANGO_SCALE;
      box.x = (double) logical.x / PANGO_SCALE;
      box.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      box.line = pango_layout_iter_get_line_readonly (iter);
      g_array_append_val (lines, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_object_set_data_full (G_OBJECT (layout), "scs-report-lines", lines,
                          (GDestroyNotify) g_array_unref);
  return lines;
}

/* A row taller than the room left on a fresh page: cut between lines of each cell. */
static void
place_split_row (Flow        *flow,
                 const Table *table,
                 const Row   *row)
{
  double offsets[MAX_COLUMNS] = { 0 };
  GArray *lines[MAX_COLUMNS] = { NULL };
  guint from[MAX_COLUMNS] = { 0 };   /* each cell's first line not yet placed */
  gboolean first = flow->y <= flow->top + 0.01;

  for (guint i = 0; i < row->n; i++)
    {
      PangoLayout *layout = cell_text (&row->cells[i], TRUE);

      lines[i] = layout != NULL ? layout_lines (layout) : NULL;
    }
  for (;;)
    {
      double room = flow->bottom - flow->y - 2 * table->pad;
      double h = 0;
      double next[MAX_COLUMNS] = { 0 };
      gboolean more = FALSE;

      for (guint i = 0; i < row->n; i++)
        {
          double reach = offsets[i];
          guint k;

          for (k = from[i]; lines[i] != NULL && k < lines[i]->len; k++)
            {
              double end = g_array_index (lines[i], LineBox, k).y1;

              if (end <= offsets[i] + 0.01)
                continue;
              if (end - offsets[i] > room && reach > offsets[i])
                break;
              reach = end;
              if (end - offsets[i] > room)
                {
                  k++;
                  break;   /* a single line taller than the room: shown cut */
                }
            }
          from[i] = k;
          next[i] = reach;
          h = MAX (h, reach - offsets[i]);
          if (lines[i] != NULL && lines[i]->len > 0
              && reach < g_array_index (lines[i], LineBox, lines[i]->len - 1).y1 - 0.01)
            more = TRUE;
        }
      emit_row (flow, table, row, h + 2 * table->pad, offsets, first);
      memcpy (offsets, next, sizeof next);
      if (!more)
        break;
      break_page (flow);
      first = TRUE;
    }
}

static double
header_height (const Table *table)
{
  return table->header != NULL ? row_height (table, table->header, FALSE) : 0;
}

static double
room_on_fresh_page (Flow        *flow,
                    const Table *table)
{
  return flow->bottom - flow->top - header_height (table);
}

static double
pending_height (Flow *flow)
{
  double h = 0;

  for (guint i = 0; i < flow->pending->len; i++)
    h += row_height (flow->pending_table, g_ptr_array_index (flow->pending, i), FALSE);
  return h;
}

static void
flush_pending (Flow *flow)
{
  for (guint i = 0; i < flow->pending->len; i++)
    {
      Row *row = g_ptr_array_index (flow->pending, i);

      begin_table (flow, flow->pending_table);
      emit_row (flow, flow->pending_table, row, row_height (flow->pending_table, row, FALSE),
                NULL, FALSE);
    }
  g_ptr_array_set_size (flow->pending, 0);
}

/* Places rows (taking them over). keep: on one page when they fit on one. */
static void
place_rows (Flow        *flow,
            const Table *table,
            GPtrArray   *rows,
            gboolean     keep)
{
  double total = 0, first = 0, need, headers;

  for (guint i = 0; i < rows->len; i++)
    {
      double h = row_height (table, g_ptr_array_index (rows, i), i == 0);

      total += h;
      if (i < 2)
        first += h;   /* a group's first rows stay together: no lone band at a page's foot */
    }
  headers = pending_height (flow) + (flow->table != table ? header_height (table) : 0);
  need = keep && total <= room_on_fresh_page (flow, table) ? total : first;
  /* Rows taller than a page are cut wherever they start: a few lines' room will do. */
  if (need > room_on_fresh_page (flow, table))
    need = 60 * flow->scale;
  need += headers;
  if (flow->y + need > flow->bottom + 0.01 && flow->y > flow->top + 0.01)
    {
      close_table (flow);
      flow_new_page (flow, flow->page->landscape, flow->page->title);
    }
  flush_pending (flow);
  begin_table (flow, table);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      gboolean top = flow->y <= flow->top + header_height (table) + 0.01;
      double h = row_height (table, row, top);

      /* A row taller than a whole page is cut anyway: it starts below what precedes it,
       * its heading above all, rather than leave that alone on a page, unless only a few
       * lines' room is left. */
      gboolean cut_anyway = row_height (table, row, TRUE) > room_on_fresh_page (flow, table) + 0.01;

      if (flow->y + h > flow->bottom + 0.01 && !top
          && (!cut_anyway || flow->bottom - flow->y < 60 * flow->scale))
        {
          break_page (flow);
          top = TRUE;
          h = row_height (table, row, TRUE);
        }
      if (flow->y + h > flow->bottom + 0.01)
        place_split_row (flow, table, row);
      else
        emit_row (flow, table, row, h, NULL, top);
    }
  g_ptr_array_unref (rows);
}

static void
place_row (Flow        *flow,
           const Table *table,
           Row         *row)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);

  g_ptr_array_add (rows, row);
  place_rows (flow, table, rows, TRUE);
}

static void
skip (Flow  *flow,
      double points)
{
  close_table (flow);
  if (flow->y > flow->top + 0.01)
    flow->y = MIN (flow->y + points * flow->scale, flow->bottom);
}

/* A table of one borderless column, across the page. */
static Table
plain_table (Flow *flow)
{
  return (Table) { .n = 1, .x = flow->left, .widths = { flow->right - flow->left },
                   .borders = FALSE, .pad = 1 };
}

/* A heading, kept on the page of what follows it. */
static void
heading (Flow       *flow,
         const Table *plain,
         const char *text,
         double      size)
{
  Row *row = row_new (1);

  row->cells[0].layout = text_layout (flow, text, inner_width (plain, 0), size, TRUE,
                                      PANGO_ALIGN_LEFT);
  close_table (flow);
  flow->pending_table = plain;
  g_ptr_array_add (flow->pending, row);
}

static void
paragraph (Flow        *flow,
           const Table *plain,
           const char  *text,
           double       size,
           PangoAlignment align)
{
  Row *row = row_new (1);

  row->cells[0].layout = text_layout (flow, text, inner_width (plain, 0), size, FALSE, align);
  place_row (flow, plain, row);
}

/* texts ------------------------------------------------------------------------------------ */

/* A YYYY-MM-DD date, or NULL when it is not one. */
static GDateTime *
parse_date (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

static char *
format_date (const char *date)
{
  g_autoptr(GDateTime) dt = parse_date (date);
  /* The weekday in the report's language, whatever LC_TIME says. */
  static const char *days[] = {
    NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
    NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
  };
  g_autofree char *format = NULL;
  const char *day;
  char *at;

  if (dt == NULL)
    return g_strdup (date != NULL ? date : "");
  /* TRANSLATORS: a date in reports, strftime format; %a is the weekday */
  format = g_strdup (_("%a %-d %b %Y"));
  day = g_dpgettext2 (NULL, "weekday", days[g_date_time_get_day_of_week (dt) - 1]);
  at = strstr (format, "%a");
  if (at != NULL)
    {
      g_autofree char *before = g_strndup (format, at - format);
      char *whole = g_strconcat (before, day, at + 2, NULL);

      g_free (format);
      format = whole;
    }
  return g_date_time_format (dt, format);
}

static char *
format_long_date (const char *date)
{
  g_autoptr(GDateTime) dt = parse_date (date);

  if (dt == NULL)
    return g_strdup (date != NULL ? date : "");
  /* TRANSLATORS: a date written out in reports, strftime format */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

static const char *
str (ScsRecord  *record,
     const char *name)
{
  return record != NULL ? scs_record_get_string (record, name) : "";
}

char *
scs_report_join_attendees (GListModel *attendees,
                           const char *side,
                           const char *company)
{
  g_autoptr(GString) s = g_string_new ("");

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(ScsRecord) a = g_list_model_get_item (attendees, i);
      g_autofree char *who = NULL;

      if (side != NULL && !g_str_equal (str (a, "side"), side))
        continue;
      /* The company's own people need not be told they work there. */
      who = g_strstrip (g_strjoin (" ", g_strcmp0 (str (a, "organisation"), company) == 0
                                        ? "" : str (a, "organisation"),
                                   str (a, "title"), str (a, "name"), NULL));
      if (*who == '\0')
        continue;
      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, who);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
visit_when (ScsRecord *visit)
{
  g_autofree char *date = format_date (str (visit, "date"));
  const char *start = str (visit, "start"), *end = str (visit, "end");

  if (*start == '\0' && *end == '\0')
    return g_steal_pointer (&date);
  return g_strdup_printf ("%s %s–%s", date, start, end);
}

/* the assessment sheet -------------------------------------------------------------------- */

typedef struct {
  ScsEngagement *engagement;
  const ScsReportOptions *options;
} Ctx;

static gboolean
verdict_shown (const Ctx     *ctx,
               ScsAssessment *a)
{
  return scs_assessment_counts (a, scs_report_options_get_count (ctx->options));
}

static const char *
company_status_title (ScsEngagement *engagement,
                      ScsAssessment *a)
{
  const ScsScale *scale = scs_framework_get_company_scale (scs_engagement_get_framework (engagement));
  const ScsScaleValue *v;

  if (a == NULL || scale == NULL)
    return NULL;
  v = scs_scale_lookup (scale, scs_assessment_get_company_status (a));
  return v != NULL ? scs_scale_value_get_title (v) : NULL;
}

static const char *
verdict_title (const Ctx     *ctx,
               ScsAssessment *a)
{
  const ScsScaleValue *v;

  v = scs_engagement_get_counted_verdict (ctx->engagement, a,
                                          scs_report_options_get_count (ctx->options));
  return v != NULL ? scs_scale_value_get_title (v) : NULL;
}

static void
fill_criterion (ScsReportCriterion *row,
                const Ctx          *ctx,
                ScsNode            *node)
{
  ScsAssessment *a = scs_engagement_get_assessment (ctx->engagement, scs_node_get_id (node));
  gboolean shown = verdict_shown (ctx, a);
  const char *status = company_status_title (ctx->engagement, a);
  const char *verdict = verdict_title (ctx, a);

  *row = (ScsReportCriterion) {
    .category = scs_node_get_ancestor (node, SCS_NODE_CATEGORY),
    .subcategory = scs_node_get_ancestor (node, SCS_NODE_SUBCATEGORY),
    .requirement = scs_node_get_kind (node) == SCS_NODE_REQUIREMENT
                   ? node : scs_node_get_ancestor (node, SCS_NODE_REQUIREMENT),
    .criterion = node,
    .assessment = a,
    .company_status = status != NULL ? status : "",
    .company_comment = a != NULL && ctx->options->company_comments
                       ? str (SCS_RECORD (a), "company_comment") : "",
    .verdict = verdict != NULL ? verdict : "",
    .expert_comment = shown ? scs_assessment_get_expert_comment (a) : "",
  };
  for (guint p = 0; a != NULL && p < SCS_N_PROCEDURES; p++)
    row->performed[p] = scs_record_get_boolean (SCS_RECORD (scs_assessment_get_procedure (a, p)),
                                                "performed");
}

GArray *
scs_report_list_criteria (ScsEngagement          *engagement,
                          const ScsReportOptions *options)
{
  GListModel *all = scs_framework_get_assessables (scs_engagement_get_framework (engagement),
                                                   scs_engagement_get_level (engagement));
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (ScsReportCriterion));
  Ctx ctx = { engagement, options };

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScsNode) node = g_list_model_get_item (all, i);
      ScsReportCriterion row;

      fill_criterion (&row, &ctx, node);
      g_array_append_val (rows, row);
    }
  return rows;
}

/* Values of the criteria of a requirement in one cell: the value alone when all agree,
 * else each value with the criteria that have it ("一部対応済 (4-3-4-1)"). */
static char *
summarise_values (GPtrArray *ids,
                  GPtrArray *values)
{
  g_autoptr(GString) s = g_string_new ("");
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  guint n_with = 0;
  gboolean uniform = TRUE;

  for (guint i = 0; i < values->len; i++)
    {
      const char *v = g_ptr_array_index (values, i);

      if (v == NULL)
        continue;
      n_with++;
      if (!g_ptr_array_find_with_equal_func (seen, v, g_str_equal, NULL))
        g_ptr_array_add (seen, (gpointer) v);
    }
  uniform = seen->len == 1 && n_with == values->len;
  if (uniform)
    return g_strdup (g_ptr_array_index (seen, 0));
  for (guint k = 0; k < seen->len; k++)
    {
      const char *v = g_ptr_array_index (seen, k);

      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, v);
      g_string_append (s, " (");
      for (guint i = 0, first = 1; i < values->len; i++)
        if (g_strcmp0 (g_ptr_array_index (values, i), v) == 0)
          {
            const char *id = g_ptr_array_index (ids, i);

            if (!first)
              g_string_append (s, ", ");
            /* The criterion's last number is enough beside its requirement's. */
            g_string_append (s, strrchr (id, '-') != NULL ? strrchr (id, '-') + 1 : id);
            first = 0;
          }
      g_string_append_c (s, ')');
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
shared_by_all (GPtrArray  *comments,
               const char *c)
{
  for (guint k = 0; k < comments->len; k++)
    if (g_strcmp0 (g_ptr_array_index (comments, k), c) != 0)
      return FALSE;
  return TRUE;
}

/* Comments of the criteria of a requirement: each different text once, under the numbers
 * of the criteria that have it when the requirement has more than one criterion. */
static char *
join_comments (GPtrArray *ids,
               GPtrArray *comments)
{
  g_autoptr(GString) s = g_string_new ("");

  for (guint i = 0; i < comments->len; i++)
    {
      const char *c = g_ptr_array_index (comments, i);
      g_autoptr(GString) who = g_string_new ("");
      gboolean said = FALSE;

      if (c == NULL || *c == '\0')
        continue;
      for (guint k = 0; k < i && !said; k++)
        said = g_strcmp0 (g_ptr_array_index (comments, k), c) == 0;
      if (said)
        continue;
      for (guint k = i; k < comments->len; k++)
        if (g_strcmp0 (g_ptr_array_index (comments, k), c) == 0)
          {
            const char *id = g_ptr_array_index (ids, k);

            g_string_append (who, who->len > 0 ? ", " : "");
            g_string_append (who, strrchr (id, '-') != NULL ? strrchr (id, '-') + 1 : id);
          }
      if (s->len > 0)
        g_string_append_c (s, '\n');
      /* A comment that every criterion shares needs no numbers. */
      if (ids->len > 1 && !shared_by_all (comments, c))
        g_string_append_printf (s, "[%s] ", who->str);
      g_string_append (s, c);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

enum { S_CATEGORY, S_SUBCATEGORY, S_NUMBER, S_REQUIREMENT, S_STATUS, S_COMMENT,
       S_PROC, S_VERDICT = S_PROC + SCS_N_PROCEDURES, S_EXPERT, S_N };

static const char *procedure_titles[SCS_N_PROCEDURES] = {
  N_("Documents"), N_("System function"), N_("Site observation"), N_("Interview"),
};
/* The same over the sheet's narrow columns. */
static const char *procedure_short[SCS_N_PROCEDURES] = {
  NC_("sheet column", "Docs"), NC_("sheet column", "System"), NC_("sheet column", "Site"),
  NC_("sheet column", "Inter­view"),
};

const char *
scs_report_procedure_title (guint index)
{
  g_return_val_if_fail (index < SCS_N_PROCEDURES, NULL);
  return _(procedure_titles[index]);
}

static Row *
header_row (Flow        *flow,
            const Table *table,
            const char **titles)
{
  Row *row = row_new (table->n);

  for (guint i = 0; i < table->n; i++)
    {
      row->cells[i].layout = text_layout (flow, titles[i], inner_width (table, i), 6.5, TRUE,
                                          PANGO_ALIGN_CENTER);
      row->cells[i].shade = 0.88;
    }
  return row;
}

static Row *
sheet_requirement_row (Flow        *flow,
                       const Table *table,
                       const Ctx   *ctx,
                       ScsNode     *requirement,
                       gboolean     first_in_group,
                       ScsNode     *subcategory)
{
  Row *row = row_new (S_N);
  GListModel *criteria = scs_node_get_children (requirement);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) statuses = g_ptr_array_new ();
  g_autoptr(GPtrArray) comments = g_ptr_array_new ();
  g_autoptr(GPtrArray) verdicts = g_ptr_array_new ();
  g_autoptr(GPtrArray) expert = g_ptr_array_new ();
  gboolean done[SCS_N_PROCEDURES] = { FALSE };
  g_autofree char *status_text = NULL, *comment_text = NULL, *verdict_text = NULL;
  g_autofree char *expert_text = NULL, *sub_title = NULL;
  guint n = g_list_model_get_n_items (criteria);
  ScsNode *category = scs_node_get_ancestor (requirement, SCS_NODE_CATEGORY);

  if (n == 0)
    {
      /* An edition without criteria: the requirement is what was assessed. */
      g_ptr_array_add (ids, (gpointer) scs_node_get_id (requirement));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsNode) c = g_list_model_get_item (criteria, i);
      g_ptr_array_add (ids, (gpointer) scs_node_get_id (c));
    }
  for (guint i = 0; i < ids->len; i++)
    {
      ScsAssessment *a = scs_engagement_get_assessment (ctx->engagement, g_ptr_array_index (ids, i));
      gboolean shown = verdict_shown (ctx, a);

      g_ptr_array_add (statuses, (gpointer) company_status_title (ctx->engagement, a));
      g_ptr_array_add (comments, a != NULL && ctx->options->company_comments
                                 ? (gpointer) str (SCS_RECORD (a), "company_comment") : NULL);
      g_ptr_array_add (verdicts, (gpointer) verdict_title (ctx, a));
      g_ptr_array_add (expert, shown ? (gpointer) scs_assessment_get_expert_comment (a) : NULL);
      for (guint p = 0; a != NULL && p < SCS_N_PROCEDURES; p++)
        if (scs_record_get_boolean (SCS_RECORD (scs_assessment_get_procedure (a, p)), "performed"))
          done[p] = TRUE;
    }
  status_text = summarise_values (ids, statuses);
  comment_text = join_comments (ids, comments);
  verdict_text = summarise_values (ids, verdicts);
  expert_text = join_comments (ids, expert);
  sub_title = g_strdup_printf ("%s\n%s", scs_node_get_id (subcategory), scs_node_get_title (subcategory));

  if (first_in_group)
    {
      row->cells[S_CATEGORY].layout = text_layout (flow, scs_node_get_title (category),
                                                   inner_width (table, S_CATEGORY), 7, FALSE,
                                                   PANGO_ALIGN_LEFT);
      row->cells[S_SUBCATEGORY].layout = text_layout (flow, sub_title,
                                                      inner_width (table, S_SUBCATEGORY), 7,
                                                      FALSE, PANGO_ALIGN_LEFT);
    }
  else
    {
      row->cells[S_CATEGORY].span = TRUE;
      row->cells[S_CATEGORY].span_text = text_layout (flow, scs_node_get_title (category),
                                                      inner_width (table, S_CATEGORY), 7, FALSE,
                                                      PANGO_ALIGN_LEFT);
      row->cells[S_SUBCATEGORY].span = TRUE;
      row->cells[S_SUBCATEGORY].span_text = text_layout (flow, sub_title,
                                                         inner_width (table, S_SUBCATEGORY), 7,
                                                         FALSE, PANGO_ALIGN_LEFT);
    }
  row->cells[S_NUMBER].layout = text_layout (flow, scs_node_get_id (requirement),
                                             inner_width (table, S_NUMBER), 7, FALSE,
                                             PANGO_ALIGN_LEFT);
  row->cells[S_REQUIREMENT].layout = titled_layout (flow, scs_node_get_title (requirement),
                                                    scs_node_get_text (requirement),
                                                    inner_width (table, S_REQUIREMENT), 7);
  row->cells[S_STATUS].layout = cell_layout (flow, status_text, inner_width (table, S_STATUS), 7,
                                             FALSE, PANGO_ALIGN_LEFT);
  row->cells[S_COMMENT].layout = cell_layout (flow, comment_text, inner_width (table, S_COMMENT),
                                              7, FALSE, PANGO_ALIGN_LEFT);
  for (guint p = 0; p < SCS_N_PROCEDURES; p++)
    if (done[p])
      row->cells[S_PROC + p].layout = text_layout (flow, "○", inner_width (table, S_PROC + p), 9,
                                                   FALSE, PANGO_ALIGN_CENTER);
  row->cells[S_VERDICT].layout = cell_layout (flow, verdict_text, inner_width (table, S_VERDICT),
                                              7, TRUE, PANGO_ALIGN_LEFT);
  row->cells[S_EXPERT].layout = cell_layout (flow, expert_text, inner_width (table, S_EXPERT), 7,
                                             FALSE, PANGO_ALIGN_LEFT);
  return row;
}

static void
set_widths (Table        *table,
            Flow         *flow,
            const double *parts,
            guint         n)
{
  double sum = 0, room = flow->right - flow->left;

  for (guint i = 0; i < n; i++)
    sum += parts[i];
  table->n = n;
  table->x = flow->left;
  for (guint i = 0; i < n; i++)
    table->widths[i] = parts[i] * room / sum;
}

static void
layout_sheet (Flow      *flow,
              const Ctx *ctx)
{
  static const double parts[S_N] = { 52, 64, 40, 166, 54, 132, 34, 34, 34, 34, 50, 130 };
  const char *titles[S_N] = {
    _("Category"), _("Subcategory"), _("No."), _("Requirement"),
    _("Company's result"), _("Company's comment"),
    g_dpgettext2 (NULL, "sheet column", procedure_short[0]),
    g_dpgettext2 (NULL, "sheet column", procedure_short[1]),
    g_dpgettext2 (NULL, "sheet column", procedure_short[2]),
    g_dpgettext2 (NULL, "sheet column", procedure_short[3]),
    _("Evaluation (expert)"), _("Expert's comment"),
  };
  GListModel *subs = scs_framework_get_subcategories (scs_engagement_get_framework (ctx->engagement),
                                                      scs_engagement_get_level (ctx->engagement));
  Table plain = plain_table (flow);
  Table table = { .borders = TRUE, .pad = 2.5 };
  g_autofree char *intro = NULL;
  ScsRecord *company = scs_record_get_object (SCS_RECORD (ctx->engagement), "company");
  ScsRecord *expert = scs_record_get_object (SCS_RECORD (ctx->engagement), "expert");

  set_widths (&table, flow, parts, S_N);
  table.header = header_row (flow, &table, titles);
  heading (flow, &plain, _("Security Assessment Sheet"), 14);
  /* TRANSLATORS: under the sheet's title: company, level (★3), expert */
  intro = g_strdup_printf (_("%s · ★%d · Expert: %s · Evaluation procedures performed are marked ○."),
                           str (company, "name"), scs_engagement_get_level (ctx->engagement),
                           str (expert, "name"));
  paragraph (flow, &plain, intro, 8, PANGO_ALIGN_LEFT);
  skip (flow, 4);

  for (guint s = 0; s < g_list_model_get_n_items (subs); s++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, s);
      GListModel *reqs = scs_node_get_children (sub);
      GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);

      for (guint r = 0; r < g_list_model_get_n_items (reqs); r++)
        {
          g_autoptr(ScsNode) req = g_list_model_get_item (reqs, r);

          g_ptr_array_add (rows, sheet_requirement_row (flow, &table, ctx, req, r == 0, sub));
        }
      place_rows (flow, &table, rows, TRUE);
    }
  close_table (flow);
  row_free (table.header);
}

/* the sheet's section per criterion ------------------------------------------------------ */

static char *
evidence_text (ScsAssessment *a)
{
  g_autoptr(GString) s = g_string_new ("");

  for (guint p = 0; p < SCS_N_PROCEDURES; p++)
    {
      ScsRecord *proc = SCS_RECORD (scs_assessment_get_procedure (a, p));
      GListModel *refs = scs_record_get_list (proc, "refs");

      if (!scs_record_get_boolean (proc, "performed"))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
        {
          g_autoptr(ScsRecord) ref = g_list_model_get_item (refs, i);
          const char *name = *str (ref, "document") != '\0' ? str (ref, "document") : str (ref, "file");

          if (*name == '\0')
            continue;
          if (s->len > 0)
            g_string_append_c (s, '\n');
          g_string_append (s, name);
          if (*str (ref, "version") != '\0')
            g_string_append_printf (s, " %s", str (ref, "version"));
          if (*str (ref, "date") != '\0')
            g_string_append_printf (s, " (%s)", str (ref, "date"));
        }
      if (p == 3 && *str (proc, "interviewee_name") != '\0')
        {
          if (s->len > 0)
            g_string_append_c (s, '\n');
          /* TRANSLATORS: who was interviewed, in the sheet's detail section */
          g_string_append_printf (s, _("Interviewed: %s %s"), str (proc, "interviewee_title"),
                                  str (proc, "interviewee_name"));
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
document_titles (ScsEngagement *engagement,
                 const char    *text)
{
  /* Evidence references name documents of the inventory by id: show their titles. */
  GListModel *docs = scs_record_get_list (SCS_RECORD (engagement), "documents");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
      {
        g_autoptr(ScsRecord) d = g_list_model_get_item (docs, i);
        const char *id = str (d, "id");

        if (*id != '\0' && g_str_has_prefix (lines[l], id)
            && (lines[l][strlen (id)] == '\0' || lines[l][strlen (id)] == ' '))
          {
            char *t = g_strconcat (str (d, "title"), lines[l] + strlen (id), NULL);

            g_free (lines[l]);
            lines[l] = t;
            break;
          }
      }
  return g_strjoinv ("\n", lines);
}

char *
scs_report_criterion_evidence (ScsEngagement *engagement,
                               ScsAssessment *assessment)
{
  g_autofree char *evidence = NULL;

  if (assessment == NULL)
    return g_strdup ("");
  evidence = evidence_text (assessment);
  return document_titles (engagement, evidence);
}

enum { D_NUMBER, D_CRITERION, D_STATUS, D_COMMENT, D_PROC,
       D_VERDICT = D_PROC + SCS_N_PROCEDURES, D_EXPERT, D_EVIDENCE, D_N };

static void
layout_details (Flow      *flow,
                const Ctx *ctx)
{
  static const double parts[D_N] = { 44, 190, 54, 124, 34, 34, 34, 34, 50, 124, 96 };
  const char *titles[D_N] = {
    _("No."), _("Evaluation criterion"), _("Company's result"), _("Company's comment"),
    g_dpgettext2 (NULL, "sheet column", procedure_short[0]),
    g_dpgettext2 (NULL, "sheet column", procedure_short[1]),
    g_dpgettext2 (NULL, "sheet column", procedure_short[2]),
    g_dpgettext2 (NULL, "sheet column", procedure_short[3]),
    _("Evaluation (expert)"), _("Expert's comment"), _("Evidence"),
  };
  ScsFramework *fw = scs_engagement_get_framework (ctx->engagement);
  GListModel *reqs = scs_framework_get_requirements (fw, scs_engagement_get_level (ctx->engagement));
  Table plain = plain_table (flow);
  Table table = { .borders = TRUE, .pad = 2.5 };

  set_widths (&table, flow, parts, D_N);
  table.header = header_row (flow, &table, titles);
  heading (flow, &plain, _("Assessment by Evaluation Criterion"), 14);

  for (guint r = 0; r < g_list_model_get_n_items (reqs); r++)
    {
      g_autoptr(ScsNode) req = g_list_model_get_item (reqs, r);
      GListModel *criteria = scs_node_get_children (req);
      g_autofree char *title = g_strdup_printf ("%s %s", scs_node_get_id (req), scs_node_get_title (req));
      GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);
      Row *head = row_new (D_N);

      head->full = TRUE;
      head->cells[0].layout = titled_layout (flow, title, scs_node_get_text (req),
                                             table_width (&table) - 2 * table.pad, 7.5);
      head->cells[0].shade = 0.94;
      g_ptr_array_add (rows, head);
      for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
        {
          g_autoptr(ScsNode) crit = g_list_model_get_item (criteria, c);
          ScsReportCriterion c_row;
          Row *row = row_new (D_N);
          g_autofree char *evidence_named = NULL;
          const char *texts[D_N] = { NULL };

          fill_criterion (&c_row, ctx, crit);
          evidence_named = scs_report_criterion_evidence (ctx->engagement, c_row.assessment);
          texts[D_NUMBER] = scs_node_get_id (crit);
          texts[D_CRITERION] = scs_node_get_text (crit);
          texts[D_STATUS] = c_row.company_status;
          texts[D_COMMENT] = c_row.company_comment;
          texts[D_VERDICT] = c_row.verdict;
          texts[D_EXPERT] = c_row.expert_comment;
          texts[D_EVIDENCE] = evidence_named;
          for (guint p = 0; p < SCS_N_PROCEDURES; p++)
            texts[D_PROC + p] = c_row.performed[p] ? "○" : NULL;
          for (guint k = 0; k < D_N; k++)
            if (texts[k] != NULL && *texts[k] != '\0')
              {
                gboolean mark = k >= D_PROC && k < D_VERDICT;

                row->cells[k].layout = text_layout (flow, texts[k], inner_width (&table, k),
                                                    mark ? 9 : k == D_EVIDENCE ? 6.5 : 7,
                                                    k == D_VERDICT,
                                                    mark ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
              }
          g_ptr_array_add (rows, row);
        }
      place_rows (flow, &table, rows, TRUE);
    }
  close_table (flow);
  row_free (table.header);
}

/* the improvement plan -------------------------------------------------------------------- */

static const char *level_titles[] = { N_("High"), N_("Medium"), N_("Low") };

const char *
scs_report_level_title (const char *id)
{
  if (g_strcmp0 (id, "high") == 0)
    return _(level_titles[0]);
  if (g_strcmp0 (id, "mid") == 0)
    return _(level_titles[1]);
  if (g_strcmp0 (id, "low") == 0)
    return _(level_titles[2]);
  return "–";
}

/* A form: label, value, label, value… per row, the labels shaded. */
static Row *
form_row (Flow        *flow,
          const Table *table,
          const char **texts)
{
  Row *row = row_new (table->n);

  for (guint i = 0; i < table->n; i++)
    {
      /* Forms of 2 or 4 columns alternate label and value; others have one label first. */
      gboolean label = (table->n % 2 == 0 ? i % 2 == 0 : i == 0) && texts[i] != NULL;

      row->cells[i].layout = cell_layout (flow, texts[i], inner_width (table, i), 8.5, label,
                                          PANGO_ALIGN_LEFT);
      if (label)
        row->cells[i].shade = 0.92;
    }
  return row;
}

static const char *circled[] = { "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩" };

static void
layout_plan (Flow      *flow,
             const Ctx *ctx)
{
  ScsRecord *eng = SCS_RECORD (ctx->engagement);
  ScsRecord *company = scs_record_get_object (eng, "company");
  ScsRecord *expert = scs_record_get_object (eng, "expert");
  ScsRecord *plan = SCS_RECORD (scs_engagement_get_plan (ctx->engagement));
  GListModel *visits = scs_record_get_list (eng, "visits");
  GListModel *items = scs_record_get_list (plan, "items");
  Table plain = plain_table (flow);
  static const double form_parts[4] = { 90, 170, 90, 170 };
  static const double meeting_parts[3] = { 90, 170, 260 };
  static const double item_parts[5] = { 24, 250, 72, 120, 70 };
  Table form = { .borders = TRUE, .pad = 4 }, meetings = { .borders = TRUE, .pad = 4 };
  Table summary = { .borders = TRUE, .pad = 6 }, item_table = { .borders = TRUE, .pad = 4 };
  const char *item_titles[5] = { _("No."), _("Content"), _("Priority"), _("Timing"), _("Owner") };
  g_autofree char *author = g_strstrip (g_strjoin (" ", str (plan, "author_title"),
                                                   str (plan, "author_name"), NULL));
  g_autofree char *made = NULL, *made_date = format_long_date (str (plan, "date"));
  g_autofree char *previous = NULL;
  const char *texts[4];
  Row *row;

  set_widths (&form, flow, form_parts, 4);
  set_widths (&meetings, flow, meeting_parts, 3);
  set_widths (&item_table, flow, item_parts, 5);
  summary.n = 1;
  summary.x = flow->left;
  summary.widths[0] = flow->right - flow->left;

  row = row_new (1);
  row->cells[0].layout = text_layout (flow, _("Improvement Plan"), inner_width (&plain, 0), 18,
                                      TRUE, PANGO_ALIGN_CENTER);
  place_row (flow, &plain, row);
  if (*str (plan, "date") != '\0')
    {
      /* TRANSLATORS: the date the plan was written, top right of the plan */
      made = g_strdup_printf (_("Written %s"), made_date);
      paragraph (flow, &plain, made, 9, PANGO_ALIGN_RIGHT);
    }
  skip (flow, 6);

  heading (flow, &plain, _("1. What was done (company)"), 11);
  texts[0] = C_("report", "Company");
  texts[1] = str (company, "name");
  texts[2] = _("Responsible (title and name)");
  texts[3] = author;
  place_row (flow, &form, form_row (flow, &form, texts));
  texts[0] = C_("report", "Expert name");
  texts[1] = str (expert, "name");
  texts[2] = NULL;
  texts[3] = NULL;
  place_row (flow, &form, form_row (flow, &form, texts));
  close_table (flow);

  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(ScsRecord) v = g_list_model_get_item (visits, i);
      gint64 number = scs_record_get_int (v, "number");
      g_autofree char *when = visit_when (v);
      g_autofree char *who = scs_report_join_attendees (scs_record_get_list (v, "attendees"), "company",
                                         str (company, "name"));
      g_autofree char *label = NULL, *date_line = NULL;

      if (*str (v, "date") == '\0' && *who == '\0')
        continue;
      label = i == 0 ? g_strdup (_("Meetings (attendees)")) : g_strdup ("");
      date_line = g_strdup_printf ("%s %s", number >= 1 && number <= 10 ? circled[number - 1] : "",
                                   when);
      texts[0] = label;
      texts[1] = date_line;
      /* TRANSLATORS: in the plan's list of meetings, attendees the same as the meeting above */
      texts[2] = previous != NULL && *who != '\0' && g_str_equal (previous, who) ? _("Same as above") : who;
      row = form_row (flow, &meetings, texts);
      if (i > 0)
        {
          row->cells[0].span = TRUE;
          g_clear_object (&row->cells[0].layout);
          row->cells[0].span_text = text_layout (flow, _("Meetings (attendees)"),
                                                 inner_width (&meetings, 0), 8.5, TRUE,
                                                 PANGO_ALIGN_LEFT);
        }
      place_row (flow, &meetings, row);
      g_free (previous);
      previous = g_strdup (who);
    }
  close_table (flow);
  skip (flow, 10);

  heading (flow, &plain, _("2. Evaluation result (expert)"), 11);
  row = row_new (1);
  row->cells[0].layout = text_layout (flow, str (plan, "summary"), inner_width (&summary, 0), 9,
                                      FALSE, PANGO_ALIGN_LEFT);
  place_row (flow, &summary, row);
  close_table (flow);
  skip (flow, 10);

  heading (flow, &plain, _("3. Improvement plan (company)"), 11);
  item_table.header = header_row (flow, &item_table, item_titles);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (items, i);
      const char * const *criteria = scs_record_get_strv (item, "criteria");
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      g_autofree char *linked = criteria != NULL && criteria[0] != NULL
                                ? g_strjoinv (", ", (char **) criteria) : NULL;
      g_autofree char *body = NULL, *priority = NULL, *timing = NULL;
      g_autofree char *due = format_long_date (str (item, "due_date"));

      /* TRANSLATORS: under a plan item, the criteria it fixes */
      body = linked != NULL ? g_strdup_printf (_("%s\nCriteria: %s"), str (item, "details"), linked)
                            : g_strdup (str (item, "details"));
      /* TRANSLATORS: a plan item's priority: urgency, importance, difficulty */
      priority = g_strdup_printf (_("Urgency: %s\nImportance: %s\nDifficulty: %s"),
                                  scs_report_level_title (str (item, "urgency")),
                                  scs_report_level_title (str (item, "importance")),
                                  scs_report_level_title (str (item, "difficulty")));
      timing = *due != '\0' && *str (item, "timing") != '\0'
               /* TRANSLATORS: a plan item's timing and its due date */
               ? g_strdup_printf (_("%s\n(due %s)"), str (item, "timing"), due)
               : g_strdup (*due != '\0' ? due : str (item, "timing"));
      row = row_new (5);
      row->cells[0].layout = text_layout (flow, number, inner_width (&item_table, 0), 8.5, FALSE,
                                          PANGO_ALIGN_LEFT);
      row->cells[1].layout = titled_layout (flow, str (item, "title"), g_strstrip (body),
                                            inner_width (&item_table, 1), 8.5);
      row->cells[2].layout = text_layout (flow, priority, inner_width (&item_table, 2), 7.5, FALSE,
                                          PANGO_ALIGN_LEFT);
      row->cells[3].layout = text_layout (flow, timing, inner_width (&item_table, 3), 8.5, FALSE,
                                          PANGO_ALIGN_LEFT);
      row->cells[4].layout = text_layout (flow, str (item, "owner"), inner_width (&item_table, 4),
                                          8.5, FALSE, PANGO_ALIGN_LEFT);
      place_row (flow, &item_table, row);
    }
  if (g_list_model_get_n_items (items) == 0)
    paragraph (flow, &plain, _("No plan items yet."), 9, PANGO_ALIGN_LEFT);
  close_table (flow);
  if (*str (plan, "agreed_date") != '\0')
    {
      g_autofree char *agreed_date = format_long_date (str (plan, "agreed_date"));
      g_autofree char *agreed = g_strdup_printf (_("Agreed %s"), agreed_date);

      skip (flow, 8);
      paragraph (flow, &plain, agreed, 9, PANGO_ALIGN_RIGHT);
    }
  row_free (item_table.header);
}

/* visit reports ---------------------------------------------------------------------------- */

static gboolean
visit_has_content (ScsRecord *v)
{
  return *str (v, "date") != '\0' || *str (v, "done") != '\0'
         || g_list_model_get_n_items (scs_record_get_list (v, "agenda")) > 0;
}

static void
layout_visit (Flow      *flow,
              const Ctx *ctx,
              ScsRecord *v)
{
  static const double form_parts[2] = { 110, 413 };
  static const double agenda_parts[4] = { 50, 40, 190, 243 };
  Table plain = plain_table (flow);
  Table form = { .borders = TRUE, .pad = 4 }, agenda = { .borders = TRUE, .pad = 3.5 };
  const char *agenda_titles[4] = { _("Time"), _("Minutes"), _("Topic"), _("Points to consider") };
  ScsRecord *company = scs_record_get_object (SCS_RECORD (ctx->engagement), "company");
  GListModel *rows = scs_record_get_list (v, "agenda");
  g_autofree char *title = NULL, *when = visit_when (v);
  g_autofree char *ours = scs_report_join_attendees (scs_record_get_list (v, "attendees"), "company",
                                      str (company, "name"));
  g_autofree char *theirs = scs_report_join_attendees (scs_record_get_list (v, "attendees"), "expert", NULL);
  const char *mode = str (v, "mode");
  const char *texts[2];
  struct { const char *label; const char *value; } parts[] = {
    { C_("report", "Company"), str (company, "name") },
    { _("Date and time"), when },
    { _("Form"), g_str_equal (mode, "online") ? _("Online") : g_str_equal (mode, "on_site") ? _("On site") : "" },
    { _("Attendees (company)"), ours },
    { _("Attendees (expert)"), theirs },
  };
  struct { const char *label; const char *field; } texts_after[] = {
    { N_("What was done"), "done" },
    { N_("Requests to the company"), "requests" },
    { N_("Next steps"), "next_steps" },
  };
  Row *row;

  set_widths (&form, flow, form_parts, 2);
  set_widths (&agenda, flow, agenda_parts, 4);
  /* TRANSLATORS: the title of a visit report; %d is the visit's number */
  title = g_strdup_printf (_("Visit Report — Visit %d"), (int) scs_record_get_int (v, "number"));
  row = row_new (1);
  row->cells[0].layout = text_layout (flow, title, inner_width (&plain, 0), 18, TRUE,
                                      PANGO_ALIGN_CENTER);
  place_row (flow, &plain, row);
  skip (flow, 6);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      texts[0] = parts[i].label;
      texts[1] = parts[i].value;
      place_row (flow, &form, form_row (flow, &form, texts));
    }
  close_table (flow);
  skip (flow, 10);

  heading (flow, &plain, _("Agenda"), 11);
  agenda.header = header_row (flow, &agenda, agenda_titles);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ScsRecord) a = g_list_model_get_item (rows, i);
      g_autofree char *minutes = scs_record_get_int (a, "minutes") > 0
                                 ? g_strdup_printf ("%d", (int) scs_record_get_int (a, "minutes"))
                                 : g_strdup ("");
      const char *cells[4] = { str (a, "time"), minutes, str (a, "topic"), str (a, "points") };

      row = row_new (4);
      for (guint c = 0; c < 4; c++)
        row->cells[c].layout = cell_layout (flow, cells[c], inner_width (&agenda, c), 8.5, FALSE,
                                            PANGO_ALIGN_LEFT);
      place_row (flow, &agenda, row);
    }
  if (g_list_model_get_n_items (rows) == 0)
    paragraph (flow, &plain, _("No agenda recorded."), 9, PANGO_ALIGN_LEFT);
  close_table (flow);
  row_free (agenda.header);

  for (guint i = 0; i < G_N_ELEMENTS (texts_after); i++)
    {
      Table box = { .n = 1, .x = flow->left, .widths = { flow->right - flow->left },
                    .borders = TRUE, .pad = 6 };
      const char *text = str (v, texts_after[i].field);

      skip (flow, 10);
      heading (flow, &plain, _(texts_after[i].label), 11);
      row = row_new (1);
      row->cells[0].layout = text_layout (flow, *text != '\0' ? text : "–", inner_width (&box, 0),
                                          9, FALSE, PANGO_ALIGN_LEFT);
      place_row (flow, &box, row);
      close_table (flow);
    }
}

/* radar and cover -------------------------------------------------------------------------- */

/* Reports only read: no record is made for a subcategory without one (reports are also
 * laid out in a worker thread). */
static ScsRecord *
find_maturity (ScsEngagement *engagement,
               const char    *subcategory)
{
  GListModel *list = scs_record_get_list (SCS_RECORD (engagement), "maturity");

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsRecord) m = g_list_model_get_item (list, i);

      if (g_strcmp0 (scs_record_get_string (m, "subcategory"), subcategory) == 0)
        return m;   /* the list keeps it */
    }
  return NULL;
}

static void
layout_radar (Flow      *flow,
              const Ctx *ctx)
{
  ScsReport *report = flow->report;
  GListModel *subs = scs_framework_get_subcategories (scs_engagement_get_framework (ctx->engagement),
                                                      scs_engagement_get_level (ctx->engagement));
  Table plain = plain_table (flow);
  double chart_w = (flow->right - flow->left) * 0.62;
  Table values = { .borders = TRUE, .pad = 2.5 };
  const char *titles[4] = { _("Subcategory"), _("Conforming"), _("Self-assessed"), _("Maturity") };
  double top;
  g_autofree char *follow_up = scs_report_describe_follow_up (ctx->engagement, ctx->options);

  heading (flow, &plain, _("Conformance and Maturity"), 14);
  flush_pending (flow);
  if (follow_up != NULL)
    paragraph (flow, &plain, follow_up, 9, PANGO_ALIGN_LEFT);
  close_table (flow);
  top = flow->y + 4;
  if (report->radar == NULL)
    report->radar = scs_engagement_radar_new (ctx->engagement, SCS_RADAR_ALL,
                                              scs_report_options_get_count (ctx->options), FALSE);
  add_op (flow, (Op) { .kind = OP_RADAR, .x = flow->left, .y = top, .w = chart_w,
                       .h = flow->bottom - top });

  values.n = 4;
  values.x = flow->left + chart_w + 12;
  values.widths[0] = flow->right - values.x - 3 * 44;
  values.widths[1] = values.widths[2] = values.widths[3] = 44;
  values.header = header_row (flow, &values, titles);
  flow->y = top;
  for (guint s = 0; s < g_list_model_get_n_items (subs); s++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, s);
      ScsTally tally;
      ScsRecord *m = find_maturity (ctx->engagement, scs_node_get_id (sub));
      gint64 cur = m != NULL ? scs_record_get_int (m, "current") : -1;
      gint64 target = m != NULL ? scs_record_get_int (m, "target") : -1;
      double rate, own;
      g_autofree char *name = g_strdup_printf ("%s %s", scs_node_get_id (sub), scs_node_get_title (sub));
      g_autofree char *a = NULL, *b = NULL, *c = NULL;
      Row *row = row_new (4);

      scs_engagement_tally (ctx->engagement, sub, scs_report_options_get_count (ctx->options), &tally);
      rate = scs_tally_get_rate (&tally);
      own = scs_tally_get_company_rate (&tally);
      a = rate < 0 ? g_strdup ("–") : g_strdup_printf ("%d/%u", tally.n_conforming,
                                                       tally.n_criteria - tally.n_not_applicable);
      b = own < 0 ? g_strdup ("–") : g_strdup_printf ("%.0f%%", own * 100);
      c = g_strdup_printf ("%s → %s", cur < 0 ? "–" : (char[]) { '0' + (char) cur, 0 },
                           target < 0 ? "–" : (char[]) { '0' + (char) target, 0 });
      row->cells[0].layout = text_layout (flow, name, inner_width (&values, 0), 7, FALSE, PANGO_ALIGN_LEFT);
      row->cells[1].layout = text_layout (flow, a, inner_width (&values, 1), 7, FALSE, PANGO_ALIGN_RIGHT);
      row->cells[2].layout = text_layout (flow, b, inner_width (&values, 2), 7, FALSE, PANGO_ALIGN_RIGHT);
      row->cells[3].layout = text_layout (flow, c, inner_width (&values, 3), 7, FALSE, PANGO_ALIGN_CENTER);
      place_row (flow, &values, row);
    }
  close_table (flow);
  row_free (values.header);
}

static void
layout_cover (Flow      *flow,
              const Ctx *ctx)
{
  ScsRecord *eng = SCS_RECORD (ctx->engagement);
  ScsRecord *company = scs_record_get_object (eng, "company");
  ScsRecord *expert = scs_record_get_object (eng, "expert");
  ScsFramework *fw = scs_engagement_get_framework (ctx->engagement);
  Table plain = plain_table (flow);
  static const double form_parts[2] = { 150, 373 };
  Table form = { .borders = TRUE, .pad = 5 };
  ScsTally tally;
  g_autofree char *level = NULL, *result = NULL, *date = format_long_date (flow->report->date);
  g_autofree char *edition = NULL, *people = NULL;
  g_autofree char *follow_up = scs_report_describe_follow_up (ctx->engagement, ctx->options);
  g_autoptr(GPtrArray) blockers = NULL;
  ScsCount count = scs_report_options_get_count (ctx->options);
  gboolean ready = scs_engagement_get_readiness (ctx->engagement, count, &blockers);
  const char *texts[2];
  Row *row;

  set_widths (&form, flow, form_parts, 2);
  scs_engagement_tally (ctx->engagement, NULL, count, &tally);
  flow->y = flow->top + (flow->bottom - flow->top) * 0.2;
  row = row_new (1);
  row->cells[0].layout = text_layout (flow, _("Security Assessment Report"), inner_width (&plain, 0),
                                      24, TRUE, PANGO_ALIGN_CENTER);
  place_row (flow, &plain, row);
  skip (flow, 8);
  paragraph (flow, &plain, scs_framework_get_title (fw), 11, PANGO_ALIGN_CENTER);
  skip (flow, 40);

  level = g_strdup_printf ("★%d", scs_engagement_get_level (ctx->engagement));
  edition = g_strdup_printf ("%s (%s)", scs_framework_get_edition (fw),
                             scs_framework_is_official (fw) ? _("official")
                             : scs_framework_is_builtin (fw) ? _("draft")
                             /* TRANSLATORS: on the report's cover, after the criteria edition */
                             : _("user-provided edition, not the official text"));
  /* TRANSLATORS: on the cover: conforming criteria out of those that apply */
  result = g_strdup_printf (_("%u of %u applicable criteria conform; %u need improvement; %u not yet evaluated"),
                            tally.n_conforming, tally.n_criteria - tally.n_not_applicable,
                            tally.n_not_conforming, tally.n_unanswered);
  /* In the result's own cell, so the figures are never read without it. */
  if (follow_up != NULL)
    {
      char *both = g_strconcat (result, "\n", follow_up, NULL);

      g_free (result);
      result = both;
    }
  people = g_strstrip (g_strjoin (" ", str (expert, "name"), str (expert, "registration_number"), NULL));
  {
    struct { const char *label; const char *value; } parts[] = {
      { C_("report", "Company"), str (company, "name") },
      { _("Level"), level },
      { _("Criteria edition"), edition },
      { _("Expert"), people },
      { _("Result"), result },
      { _("Readiness"), ready ? _("Every criterion of the level conforms.") : _("Not yet ready: some criteria block the level.") },
      { _("Date"), date },
    };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        texts[0] = parts[i].label;
        texts[1] = parts[i].value;
        place_row (flow, &form, form_row (flow, &form, texts));
      }
  }
  close_table (flow);
}

/* the report -------------------------------------------------------------------------------- */

void
scs_report_options_init (ScsReportOptions *options)
{
  *options = (ScsReportOptions) {
    .kind = SCS_REPORT_FULL,
    .paper = SCS_PAPER_A4,
    .details = TRUE,
    .company_comments = TRUE,
    .unconfirmed = FALSE,
    /* TRANSLATORS: the confidentiality mark printed on every report page */
    .mark = _("Confidential"),
  };
}

ScsCount
scs_report_options_get_count (const ScsReportOptions *options)
{
  return options->unconfirmed ? SCS_COUNT_WITH_FOLLOW_UP : SCS_COUNT_CONFIRMED;
}

char *
scs_report_describe_follow_up (ScsEngagement          *engagement,
                               const ScsReportOptions *options)
{
  ScsTally confirmed;

  if (scs_report_options_get_count (options) == SCS_COUNT_CONFIRMED)
    return NULL;
  /* What the confirmed count leaves out is exactly what this one adds. */
  scs_engagement_tally (engagement, NULL, SCS_COUNT_CONFIRMED, &confirmed);
  if (confirmed.n_uncounted == 0)
    return NULL;
  /* TRANSLATORS: beside the figures of a report or workbook made with the switch “Verdicts
   * marked for follow-up” on */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Including %u verdict still marked for follow-up.",
                                       "Including %u verdicts still marked for follow-up.",
                                       confirmed.n_uncounted),
                          confirmed.n_uncounted);
}

static const char *kind_names[SCS_REPORT_N_KINDS] = { "full", "sheet", "plan", "visits", "radar" };
static const char *kind_titles[SCS_REPORT_N_KINDS] = {
  N_("Full Report"), N_("Security Assessment Sheet"), N_("Improvement Plan"),
  N_("Visit Reports"), N_("Radar Chart"),
};

const char *
scs_report_kind_to_string (ScsReportKind kind)
{
  g_return_val_if_fail (kind < SCS_REPORT_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
scs_report_kind_from_string (const char    *text,
                             ScsReportKind *kind)
{
  for (guint i = 0; i < SCS_REPORT_N_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
scs_report_kind_get_title (ScsReportKind kind)
{
  g_return_val_if_fail (kind < SCS_REPORT_N_KINDS, NULL);
  return _(kind_titles[kind]);
}

static void
sheet_pages (Flow      *flow,
             const Ctx *ctx)
{
  flow_new_page (flow, TRUE, _("Security Assessment Sheet"));
  layout_sheet (flow, ctx);
  if (ctx->options->details)
    {
      skip (flow, 14);
      layout_details (flow, ctx);
    }
}

static void
visit_pages (Flow      *flow,
             const Ctx *ctx,
             gboolean   only_with_content)
{
  GListModel *visits = scs_record_get_list (SCS_RECORD (ctx->engagement), "visits");

  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(ScsRecord) v = g_list_model_get_item (visits, i);

      if (ctx->options->visit > 0 && scs_record_get_int (v, "number") != ctx->options->visit)
        continue;
      if (only_with_content && ctx->options->visit == 0 && !visit_has_content (v))
        continue;
      flow_new_page (flow, FALSE, _("Visit Report"));
      layout_visit (flow, ctx, v);
    }
}

ScsReport *
scs_report_new (ScsEngagement          *engagement,
                const ScsReportOptions *options)
{
  ScsReport *report = g_new0 (ScsReport, 1);
  ScsRecord *company = scs_record_get_object (SCS_RECORD (engagement), "company");
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *font_options = cairo_font_options_create ();
  Ctx ctx = { engagement, &report->options };
  Flow flow = { .report = report };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  report->options = *options;
  report->mark = g_strdup (options->mark != NULL ? options->mark : "");
  report->date = options->date != NULL ? g_strdup (options->date)
                                        : g_date_time_format (now, "%Y-%m-%d");
  report->options.mark = report->mark;
  report->options.date = report->date;
  report->company = g_strdup (str (company, "name"));
  if (!scs_framework_is_builtin (scs_engagement_get_framework (engagement)))
    /* TRANSLATORS: at the foot of every report page when the criteria came from a file */
    report->edition_note = g_strdup_printf (_("Criteria texts: user-provided edition %s, not the official text"),
                                            scs_framework_get_edition (scs_engagement_get_framework (engagement)));
  report->pages = g_ptr_array_new_with_free_func (page_free);
  report->pango = pango_font_map_create_context (map);
  report->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  pango_cairo_context_set_resolution (report->pango, 72);
  /* Measured once for every target: hinted metrics would make a printer's lines differ. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (report->pango, font_options);
  cairo_font_options_destroy (font_options);
  flow.pending = g_ptr_array_new_with_free_func (row_free);

  switch (options->kind)
    {
    case SCS_REPORT_FULL:
      flow_new_page (&flow, FALSE, _("Security Assessment Report"));
      layout_cover (&flow, &ctx);
      flow_new_page (&flow, TRUE, _("Radar Chart"));
      layout_radar (&flow, &ctx);
      sheet_pages (&flow, &ctx);
      flow_new_page (&flow, FALSE, _("Improvement Plan"));
      layout_plan (&flow, &ctx);
      visit_pages (&flow, &ctx, TRUE);
      break;
    case SCS_REPORT_SHEET:
      sheet_pages (&flow, &ctx);
      break;
    case SCS_REPORT_PLAN:
      flow_new_page (&flow, FALSE, _("Improvement Plan"));
      layout_plan (&flow, &ctx);
      break;
    case SCS_REPORT_VISITS:
      visit_pages (&flow, &ctx, TRUE);
      if (report->pages->len == 0)
        {
          flow_new_page (&flow, FALSE, _("Visit Report"));
          paragraph (&flow, &(Table) { .n = 1, .x = flow.left, .widths = { flow.right - flow.left },
                                       .pad = 1 },
                     _("No visit has been recorded yet."), 11, PANGO_ALIGN_LEFT);
        }
      break;
    case SCS_REPORT_RADAR:
    default:
      flow_new_page (&flow, TRUE, _("Radar Chart"));
      layout_radar (&flow, &ctx);
      break;
    }
  flush_pending (&flow);
  close_table (&flow);
  g_ptr_array_unref (flow.pending);
  return report;
}

void
scs_report_free (ScsReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->pages);
  g_clear_pointer (&report->layouts, g_hash_table_unref);
  g_clear_object (&report->pango);
  g_clear_pointer (&report->radar, scs_radar_data_free);
  g_free (report->mark);
  g_free (report->date);
  g_free (report->company);
  g_free (report->edition_note);
  g_free (report);
}

guint
scs_report_get_n_pages (ScsReport *report)
{
  return report->pages->len;
}

void
scs_report_get_page_size (ScsReport *report,
                          guint      page,
                          double    *width,
                          double    *height)
{
  Page *p = g_ptr_array_index (report->pages, page);

  *width = p->width;
  *height = p->height;
}

gboolean
scs_report_page_is_landscape (ScsReport *report,
                              guint      page)
{
  Page *p = g_ptr_array_index (report->pages, page);

  return p->landscape;
}

static void
show_text (ScsReport  *report,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      size,
           gboolean    bold,
           PangoAlignment align)
{
  Flow flow = { .report = report, .scale = 1 };
  g_autoptr(PangoLayout) layout = new_layout (&flow, text, width, size, bold, align);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_running_head (ScsReport *report,
                   cairo_t   *cr,
                   guint      index)
{
  Page *page = g_ptr_array_index (report->pages, index);
  double w = page->width - 2 * MARGIN;
  double foot = page->height - MARGIN - 10;
  g_autofree char *date = format_long_date (report->date);
  g_autofree char *number = NULL;

  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  show_text (report, cr, page->title, MARGIN, MARGIN, w * 0.7, 8, FALSE, PANGO_ALIGN_LEFT);
  if (*report->mark != '\0')
    {
      Flow flow = { .report = report, .scale = 1 };
      g_autoptr(PangoLayout) layout = new_layout (&flow, report->mark, -1, 9, TRUE, PANGO_ALIGN_LEFT);
      int lw, lh;

      pango_layout_set_width (layout, -1);
      pango_layout_get_size (layout, &lw, &lh);
      cairo_set_source_rgb (cr, 0.7, 0.05, 0.05);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, page->width - MARGIN - (double) lw / PANGO_SCALE - 8, MARGIN - 3,
                       (double) lw / PANGO_SCALE + 8, (double) lh / PANGO_SCALE + 4);
      cairo_stroke (cr);
      cairo_move_to (cr, page->width - MARGIN - (double) lw / PANGO_SCALE - 4, MARGIN - 1);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  /* TRANSLATORS: page numbers at the foot of every report page */
  number = g_strdup_printf (_("Page %u / %u"), index + 1, report->pages->len);
  show_text (report, cr, report->company, MARGIN, foot, w / 3, 7.5, FALSE, PANGO_ALIGN_LEFT);
  show_text (report, cr, date, MARGIN + w / 3, foot, w / 3, 7.5, FALSE, PANGO_ALIGN_CENTER);
  show_text (report, cr, number, MARGIN + 2 * w / 3, foot, w / 3, 7.5, FALSE, PANGO_ALIGN_RIGHT);
  /* In the margin below the foot, where no content goes: every page, even one torn out of
   * the report, says its criteria texts are not the official ones. */
  if (report->edition_note != NULL)
    {
      cairo_set_source_rgb (cr, 0.7, 0.05, 0.05);
      show_text (report, cr, report->edition_note, MARGIN, foot + 11, w, 7.5, TRUE,
                 PANGO_ALIGN_CENTER);
    }
}

/* Part of a layout, a row cut between pages: only the lines that lie within it, so that
 * no hidden text is left on a page for search or copy to find. */
static void
show_lines (cairo_t  *cr,
            const Op *op)
{
  GArray *lines = layout_lines (op->layout);
  guint lo = 0, hi = lines->len;

  /* The first line at or below the cut: lines lie in order down the layout. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (lines, LineBox, mid).y0 < op->clip0 - 0.01)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint k = lo; k < lines->len; k++)
    {
      const LineBox *box = &g_array_index (lines, LineBox, k);

      if (box->y1 > op->clip0 + op->h + 0.01)
        break;
      cairo_move_to (cr, op->x + box->x, op->y - op->clip0 + box->baseline);
      pango_cairo_show_layout_line (cr, box->line);
    }
}

void
scs_report_draw_page (ScsReport *report,
                      cairo_t   *cr,
                      guint      index)
{
  Page *page;

  g_return_if_fail (index < report->pages->len);
  page = g_ptr_array_index (report->pages, index);
  cairo_save (cr);
  draw_running_head (report, cr, index);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  /* Backgrounds, then every rule as one path, then the texts: a few hundred strokes a
   * page drawn one by one cost the PDF surface more than all its text. */
  for (guint i = 0; i < page->ops->len; i++)
    {
      Op *op = &g_array_index (page->ops, Op, i);

      if (op->kind != OP_FILL)
        continue;
      cairo_set_source_rgb (cr, op->gray, op->gray, op->gray);
      cairo_rectangle (cr, op->x, op->y, op->w, op->h);
      cairo_fill (cr);
    }
  cairo_new_path (cr);
  for (guint i = 0; i < page->ops->len; i++)
    {
      Op *op = &g_array_index (page->ops, Op, i);

      if (op->kind != OP_LINE)
        continue;
      cairo_move_to (cr, op->x, op->y);
      cairo_rel_line_to (cr, op->w, op->h);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
  for (guint i = 0; i < page->ops->len; i++)
    {
      Op *op = &g_array_index (page->ops, Op, i);

      switch (op->kind)
        {
        case OP_FILL:
        case OP_LINE:
          break;
        case OP_TEXT:
          cairo_set_source_rgb (cr, 0, 0, 0);
          if (op->clip)
            show_lines (cr, op);
          else
            {
              cairo_move_to (cr, op->x, op->y);
              pango_cairo_show_layout (cr, op->layout);
            }
          break;
        case OP_RADAR:
          {
            ScsRadarStyle style;

            scs_radar_style_init_light (&style);
            style.show_values = TRUE;
            cairo_save (cr);
            cairo_translate (cr, op->x, op->y);
            scs_radar_draw (cr, report->radar, &style, op->w, op->h);
            cairo_restore (cr);
          }
          break;
        }
    }
  cairo_restore (cr);
}

GBytes *
scs_report_to_pdf (ScsReport *report,
                   GError   **error)
{
  GByteArray *buffer = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h;

  scs_report_get_page_size (report, 0, &w, &h);
  surface = cairo_pdf_surface_create_for_stream (scs_cairo_append_bytes, buffer, w, h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  ((Page *) g_ptr_array_index (report->pages, 0))->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "SCS Assessor " SCS_VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < report->pages->len; i++)
    {
      scs_report_get_page_size (report, i, &w, &h);
      cairo_pdf_surface_set_size (surface, w, h);
      scs_report_draw_page (report, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (buffer);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be made: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (buffer);
}

gboolean
scs_report_export_pdf (ScsEngagement          *engagement,
                       const ScsReportOptions *options,
                       const char             *path,
                       GError                **error)
{
  g_autoptr(ScsReport) report = scs_report_new (engagement, options);
  g_autoptr(GBytes) bytes = scs_report_to_pdf (report, error);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return bytes != NULL && scs_storage_write_file (bytes, file, error);
}
