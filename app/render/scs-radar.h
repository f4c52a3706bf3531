/* scs-radar.h — the maturity radar: geometry, data and drawing over cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No GTK: the same drawing goes into the dashboard's widget, PNG, SVG and PDF files and
 * report pages. The drawing never paints the whole target; the caller owns the background.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* A value that is not available: nothing applies, or nothing was recorded. */
#define SCS_RADAR_NA (-1.0)
#define SCS_RADAR_MIN_AXES 3
#define SCS_RADAR_MAX_AXES 16
#define SCS_RADAR_N_COLORS 5

typedef enum {
  SCS_RADAR_MARKER_CIRCLE,
  SCS_RADAR_MARKER_SQUARE,
  SCS_RADAR_MARKER_TRIANGLE,
  SCS_RADAR_MARKER_DIAMOND,
  SCS_RADAR_MARKER_CROSS,
} ScsRadarMarker;

typedef enum {
  SCS_RADAR_DASH_SOLID,
  SCS_RADAR_DASH_DASHED,
  SCS_RADAR_DASH_DOTTED,
  SCS_RADAR_DASH_DASH_DOT,
  SCS_RADAR_DASH_LONG,
} ScsRadarDash;

typedef struct {
  double red, green, blue, alpha;
} ScsRadarColor;

/* Geometry ------------------------------------------------------------------------------- */

typedef struct {
  double width, height;
} ScsRadarSize;

typedef struct {
  double angle;                 /* radians, 0 up, clockwise */
  double x, y;                  /* the end of the spoke: value 1 */
  double label_x, label_y;      /* top left of the label's box */
  double label_width, label_height;
} ScsRadarAxisGeometry;

typedef struct {
  double                cx, cy, radius;
  guint                 n_axes;
  ScsRadarAxisGeometry *axes;
  gboolean              fits;   /* labels inside the bounds, apart, off the plot */
} ScsRadarGeometry;

/* Places n_axes spokes (3 to 16) and their labels (of the given sizes, gap away from the
 * spoke's end) in the rectangle x, y, width, height: the largest radius at which every
 * label stays inside. Pure: no drawing, no text measuring. fits says whether the labels
 * also keep clear of each other and of the plot. */
void     scs_radar_geometry_compute (ScsRadarGeometry   *geometry,
                                     guint               n_axes,
                                     const ScsRadarSize *labels,
                                     double              gap,
                                     double              x,
                                     double              y,
                                     double              width,
                                     double              height);
void     scs_radar_geometry_clear   (ScsRadarGeometry   *geometry);
/* Where value (0..1) lies on axis. */
void     scs_radar_geometry_point   (const ScsRadarGeometry *geometry,
                                     guint                   axis,
                                     double                  value,
                                     double                 *x,
                                     double                 *y);

/* Data ----------------------------------------------------------------------------------- */

typedef struct {
  char *id;        /* always shown */
  char *title;     /* wrapped or shortened as room allows */
} ScsRadarAxis;

typedef struct {
  char          *name;
  double        *values;   /* one per axis: 0..1, or SCS_RADAR_NA */
  ScsRadarMarker marker;
  ScsRadarDash   dash;
  guint          color;    /* index into the style's palette */
  gboolean       filled;
  gboolean       reference; /* a comparison (the peers): alone, it does not make a chart */
  int            maximum;   /* values print as a count out of maximum; 0: as percent */
} ScsRadarSeries;

typedef struct {
  char      *title;        /* above the chart, may be NULL */
  char      *footnote;     /* below the legend (the benchmark's source), may be NULL */
  char      *empty_text;   /* shown over the axes when no series has a value */
  GPtrArray *axes;         /* ScsRadarAxis */
  GPtrArray *series;       /* ScsRadarSeries */
} ScsRadarData;

ScsRadarData   *scs_radar_data_new        (void);
void            scs_radar_data_free       (ScsRadarData *data);
void            scs_radar_data_add_axis   (ScsRadarData *data,
                                           const char   *id,
                                           const char   *title);
/* Add the axes first: the series gets one value per axis, all SCS_RADAR_NA. */
ScsRadarSeries *scs_radar_data_add_series (ScsRadarData  *data,
                                           const char    *name,
                                           ScsRadarMarker marker,
                                           ScsRadarDash   dash,
                                           guint          color);
/* Whether any series other than a reference has a value: if not, the chart says that
 * nothing was recorded yet. */
gboolean        scs_radar_data_has_values (const ScsRadarData *data);

/* A value as people read it: "67%", "3/5", or "n/a". */
char           *scs_radar_format_value    (const ScsRadarSeries *series,
                                           guint                 axis);
/* Every axis with every series' value, in words, for assistive technology. */
char           *scs_radar_data_describe   (const ScsRadarData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsRadarData, scs_radar_data_free)

/* Style and drawing ---------------------------------------------------------------------- */

typedef struct {
  ScsRadarColor background;               /* behind notes drawn over the plot; exports */
  ScsRadarColor foreground;               /* texts */
  ScsRadarColor grid;                     /* rings and spokes */
  ScsRadarColor palette[SCS_RADAR_N_COLORS];
  const char   *font_family;
  double        font_size;                /* in the target's units; 0: from the size */
  double        line_width;               /* 0: from the size */
  gboolean      show_values;              /* print each value by its vertex */
  double        min_font_size;            /* no text smaller, in the target's units; 0: any */
  gboolean      whole_labels;             /* a page's: titles never shortened, but wrapped
                                           * between words onto as many lines as they need,
                                           * at a smaller size (down to min_font_size) and
                                           * round a smaller plot */
} ScsRadarStyle;

/* Colour-blind-safe palettes (Okabe and Ito) with the text and grid colours of a light or
 * a dark background. */
void     scs_radar_style_init_light (ScsRadarStyle *style);
void     scs_radar_style_init_dark  (ScsRadarStyle *style);

/* Lays the chart out for a target of width × height: the geometry and, per axis, the label
 * text chosen (wrapped, then shortened, then the id alone, until the labels fit). */
typedef struct {
  ScsRadarGeometry geometry;
  GPtrArray       *labels;                /* markup per axis */
  GPtrArray       *label_layouts;         /* PangoLayout per axis, as measured */
  double          *label_offsets;         /* per axis, x and y of the text in its box */
  double           font_size;
  double           line_width;
  double           legend_y;              /* top of the legend */
  guint            fashion;               /* how the labels are written, 0 the fullest */
} ScsRadarLayout;

void     scs_radar_layout_compute   (ScsRadarLayout      *layout,
                                     PangoContext        *context,
                                     const ScsRadarData  *data,
                                     const ScsRadarStyle *style,
                                     double               width,
                                     double               height);
void     scs_radar_layout_clear     (ScsRadarLayout      *layout);

/* Draws the chart into cr over the rectangle 0, 0, width, height. */
void     scs_radar_draw             (cairo_t             *cr,
                                     const ScsRadarData  *data,
                                     const ScsRadarStyle *style,
                                     double               width,
                                     double               height);
/* The same, and hands over the layout drawn (the caller clears it): a widget finds what
 * lies under the pointer in it. */
void     scs_radar_draw_with_layout (cairo_t             *cr,
                                     const ScsRadarData  *data,
                                     const ScsRadarStyle *style,
                                     double               width,
                                     double               height,
                                     ScsRadarLayout      *layout);

/* The chart in two layers, for a widget that keeps the first while only the values
 * change: the frame (title, grid, axis labels, legend, footnote), laid out by
 * scs_radar_layout_compute(), and the values (the series, or the note that there are none)
 * drawn over it. scs_radar_draw() is the one over the other. The frame key names everything
 * the frame is drawn from: while it stays the same, so do the layout and the frame. */
char    *scs_radar_frame_key        (const ScsRadarData   *data,
                                     const ScsRadarStyle  *style,
                                     double                width,
                                     double                height);
void     scs_radar_draw_frame       (cairo_t              *cr,
                                     const ScsRadarLayout *layout,
                                     const ScsRadarData   *data,
                                     const ScsRadarStyle  *style,
                                     double                width);
void     scs_radar_draw_values      (cairo_t              *cr,
                                     const ScsRadarLayout *layout,
                                     const ScsRadarData   *data,
                                     const ScsRadarStyle  *style);
/* The values layer a series at a time, for a widget that keeps each series' drawing while
 * its key stays the same; and the note over an empty chart, which draws nothing when there
 * are values. */
char    *scs_radar_series_key       (const ScsRadarData   *data,
                                     const ScsRadarStyle  *style,
                                     guint                 index);
/* The rectangle a series' drawing stays within (empty when it has no value). */
void     scs_radar_series_extents   (const ScsRadarLayout *layout,
                                     const ScsRadarData   *data,
                                     const ScsRadarStyle  *style,
                                     guint                 index,
                                     double               *x,
                                     double               *y,
                                     double               *width,
                                     double               *height);
void     scs_radar_draw_series      (cairo_t              *cr,
                                     const ScsRadarLayout *layout,
                                     const ScsRadarData   *data,
                                     const ScsRadarStyle  *style,
                                     guint                 index);
void     scs_radar_draw_empty_note  (cairo_t              *cr,
                                     const ScsRadarLayout *layout,
                                     const ScsRadarData   *data,
                                     const ScsRadarStyle  *style);

/* A cairo write function (cairo_*_create_for_stream, cairo_surface_write_to_png_stream)
 * that appends to the GByteArray given as closure: files are made in memory, then written
 * whole under a temporary name and renamed (scs_storage_write). */
cairo_status_t scs_cairo_append_bytes (void                *closure,
                                       const unsigned char *data,
                                       unsigned int         length);

/* Writes the chart to path as PNG, SVG or PDF (by the extension), width × height, on the
 * style's background, atomically: a failed export leaves no partial file. */
gboolean scs_radar_export           (const ScsRadarData  *data,
                                     const ScsRadarStyle *style,
                                     const char          *path,
                                     int                  width,
                                     int                  height,
                                     GError             **error);

G_END_DECLS
