/* scs-radar-draw.c — the radar drawn with cairo: frame, series, legend and notes, in layers
 * for a widget that keeps what has not changed; and exported as PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "scs-radar-private.h"
#include "scs-storage.h"

#define N_RINGS 5

/* drawing --------------------------------------------------------------------------------- */

static void
set_color (cairo_t             *cr,
           const ScsRadarColor *color,
           double               alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
set_dash (cairo_t     *cr,
          ScsRadarDash dash,
          double       line_width)
{
  static const double patterns[][4] = {
    [SCS_RADAR_DASH_SOLID] = { 0 },
    [SCS_RADAR_DASH_DASHED] = { 4, 2.5 },
    [SCS_RADAR_DASH_DOTTED] = { 0, 2.2 },
    [SCS_RADAR_DASH_DASH_DOT] = { 5, 2, 0, 2 },
    [SCS_RADAR_DASH_LONG] = { 9, 3 },
  };
  static const int lengths[] = { 0, 2, 2, 4, 2 };
  double scaled[4];

  for (int i = 0; i < lengths[dash]; i++)
    scaled[i] = patterns[dash][i] * line_width;
  cairo_set_line_cap (cr, dash == SCS_RADAR_DASH_SOLID ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, scaled, lengths[dash], 0);
}

/* A marker's half size: it grows with the lines. */
static double
marker_size (const ScsRadarLayout *layout)
{
  return layout->line_width * 1.3 + 2;
}

/* Adds the marker's outline to the path; the caller fills. */
static void
add_marker (cairo_t       *cr,
            ScsRadarMarker marker,
            double         x,
            double         y,
            double         size)
{
  switch (marker)
    {
    case SCS_RADAR_MARKER_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, size, 0, 2 * G_PI);
      break;
    case SCS_RADAR_MARKER_SQUARE:
      cairo_rectangle (cr, x - size * 0.9, y - size * 0.9, size * 1.8, size * 1.8);
      break;
    case SCS_RADAR_MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - size * 1.25);
      cairo_line_to (cr, x + size * 1.1, y + size * 0.75);
      cairo_line_to (cr, x - size * 1.1, y + size * 0.75);
      cairo_close_path (cr);
      break;
    case SCS_RADAR_MARKER_DIAMOND:
      cairo_move_to (cr, x, y - size * 1.3);
      cairo_line_to (cr, x + size * 1.1, y);
      cairo_line_to (cr, x, y + size * 1.3);
      cairo_line_to (cr, x - size * 1.1, y);
      cairo_close_path (cr);
      break;
    case SCS_RADAR_MARKER_CROSS:
      cairo_rectangle (cr, x - size * 1.2, y - size * 0.35, size * 2.4, size * 0.7);
      cairo_rectangle (cr, x - size * 0.35, y - size * 1.2, size * 0.7, size * 2.4);
      break;
    }
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_grid (cairo_t              *cr,
           const ScsRadarLayout *layout,
           const ScsRadarStyle  *style,
           PangoContext         *context)
{
  const ScsRadarGeometry *g = &layout->geometry;

  cairo_save (cr);
  set_color (cr, &style->grid, 1);
  cairo_set_line_width (cr, MAX (layout->line_width / 2, 1));
  for (int ring = 1; ring <= N_RINGS; ring++)
    {
      for (guint i = 0; i < g->n_axes; i++)
        {
          double x, y;

          scs_radar_geometry_point (g, i, (double) ring / N_RINGS, &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
  for (guint i = 0; i < g->n_axes; i++)
    {
      cairo_move_to (cr, g->cx, g->cy);
      cairo_line_to (cr, g->axes[i].x, g->axes[i].y);
    }
  cairo_stroke (cr);

  /* The rings' values, up the first spoke, each on a patch of the background so that no
   * line runs through it; where they are taller than the rings are apart (a slide's least
   * text size on a small plot), only every second or third, from the outer ring in. */
  for (int ring = N_RINGS, free_below = G_MININT; ring >= 1; ring--)
    {
      g_autofree char *text = g_strdup_printf ("%d%%", ring * 100 / N_RINGS);
      g_autoptr(PangoLayout) label = scs_radar_text_layout (context, style,
                                                            layout->font_size * 0.65, text);
      ScsRadarExtent e = scs_radar_layout_extent (label);
      double x, y, pad = MAX (layout->font_size * 0.1, 1);

      scs_radar_geometry_point (g, 0, (double) ring / N_RINGS, &x, &y);
      /* From the outer ring in, the figures go down the spoke. */
      if (y - e.height / 2 - pad < free_below)
        continue;
      free_below = (int) ceil (y + e.height / 2 + pad);
      set_color (cr, &style->background, 0.85);
      cairo_rectangle (cr, x + layout->font_size * 0.3 - pad, y - e.height / 2 - pad,
                       e.width + 2 * pad, e.height + 2 * pad);
      cairo_fill (cr);
      set_color (cr, &style->foreground, 0.7);
      show_layout_at (cr, label, x + layout->font_size * 0.3, y - e.height / 2);
    }
  cairo_restore (cr);
}

static void
draw_series (cairo_t              *cr,
             const ScsRadarLayout *layout,
             const ScsRadarStyle  *style,
             const ScsRadarSeries *series,
             PangoContext         *context)
{
  const ScsRadarGeometry *g = &layout->geometry;
  const ScsRadarColor *color = &style->palette[series->color % SCS_RADAR_N_COLORS];
  guint n = g->n_axes;
  gboolean complete = TRUE;

  for (guint i = 0; i < n; i++)
    complete = complete && series->values[i] >= 0;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (complete)
    {
      for (guint i = 0; i < n; i++)
        {
          double x, y;

          scs_radar_geometry_point (g, i, MIN (series->values[i], 1), &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
      if (series->filled)
        {
          set_color (cr, color, 0.14);
          cairo_fill_preserve (cr);
        }
    }
  else
    /* A value that is not available breaks the outline: only neighbours are joined. */
    for (guint i = 0; i < n; i++)
      {
        guint j = (i + 1) % n;
        double x0, y0, x1, y1;

        if (series->values[i] < 0 || series->values[j] < 0)
          continue;
        scs_radar_geometry_point (g, i, MIN (series->values[i], 1), &x0, &y0);
        scs_radar_geometry_point (g, j, MIN (series->values[j], 1), &x1, &y1);
        cairo_move_to (cr, x0, y0);
        cairo_line_to (cr, x1, y1);
      }
  set_color (cr, color, 1);
  cairo_set_line_width (cr, layout->line_width);
  set_dash (cr, series->dash, layout->line_width);
  cairo_stroke (cr);

  /* The markers in one fill: one colour, opaque, so overlaps look the same. */
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      if (series->values[i] < 0)
        continue;
      scs_radar_geometry_point (g, i, MIN (series->values[i], 1), &x, &y);
      add_marker (cr, series->marker, x, y, marker_size (layout));
    }
  cairo_fill (cr);
  for (guint i = 0; i < n && style->show_values; i++)
    {
      double value = MIN (series->values[i], 1);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) label = NULL;
      double x, y;
      ScsRadarExtent e;

      if (series->values[i] < 0)
        continue;
      scs_radar_geometry_point (g, i, value, &x, &y);
      text = series->maximum > 0 ? g_strdup_printf ("%.0f", series->values[i] * series->maximum)
                                 : g_strdup_printf ("%.0f", series->values[i] * 100);
      label = scs_radar_text_layout (context, style, layout->font_size * 0.6, text);
      e = scs_radar_layout_extent (label);
      if (value >= 0.75)
        {
          /* Near the rim the axis label is close by: the value goes on the side of the
           * vertex that faces the centre. */
          double dx = g->cx - x, dy = g->cy - y, d = hypot (dx, dy);
          double reach = marker_size (layout) + MAX (e.width, e.height) / 2 + 1;

          show_layout_at (cr, label, x + dx / d * reach - e.width / 2, y + dy / d * reach - e.height / 2);
        }
      else
        show_layout_at (cr, label, x + layout->font_size * 0.35, y - e.height - 1);
    }
  cairo_restore (cr);
}

static void
draw_labels (cairo_t              *cr,
             const ScsRadarLayout *layout,
             const ScsRadarStyle  *style)
{
  const ScsRadarGeometry *g = &layout->geometry;

  cairo_save (cr);
  set_color (cr, &style->foreground, 1);
  for (guint i = 0; i < g->n_axes; i++)
    {
      const ScsRadarAxisGeometry *a = &g->axes[i];

      /* The layouts were made with the target's own context: drawn as they were measured. */
      show_layout_at (cr, g_ptr_array_index (layout->label_layouts, i),
                      a->label_x - layout->label_offsets[2 * i],
                      a->label_y - layout->label_offsets[2 * i + 1]);
    }
  cairo_restore (cr);
}

static void
draw_legend (cairo_t              *cr,
             const ScsRadarLayout *layout,
             const ScsRadarData   *data,
             const ScsRadarStyle  *style,
             PangoContext         *context,
             double                width)
{
  double fs = layout->font_size, margin = fs, row = fs * 1.6;
  double x = margin, y = layout->legend_y;

  cairo_save (cr);
  for (guint s = 0; s < data->series->len; s++)
    {
      const ScsRadarSeries *series = g_ptr_array_index (data->series, s);
      const ScsRadarColor *color = &style->palette[series->color % SCS_RADAR_N_COLORS];
      g_autofree char *markup = g_markup_escape_text (series->name, -1);
      g_autoptr(PangoLayout) name = scs_radar_text_layout (context, style, fs * 0.85, markup);
      ScsRadarExtent e = scs_radar_layout_extent (name);
      double entry = fs * 3.5 + e.width + fs * 1.5;

      if (x > margin && x + entry > width - margin)
        {
          x = margin;
          y += row;
        }
      set_color (cr, color, 1);
      cairo_set_line_width (cr, layout->line_width);
      set_dash (cr, series->dash, layout->line_width);
      cairo_move_to (cr, x, y + row / 2);
      cairo_line_to (cr, x + fs * 3, y + row / 2);
      cairo_stroke (cr);
      add_marker (cr, series->marker, x + fs * 1.5, y + row / 2, marker_size (layout));
      cairo_fill (cr);
      set_color (cr, &style->foreground, 1);
      show_layout_at (cr, name, x + fs * 3.5, y + (row - e.height) / 2);
      x += entry;
    }
  if (data->footnote != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (data->footnote, -1);
      g_autoptr(PangoLayout) note = scs_radar_wrapped_layout (context, style, fs * 0.7, markup,
                                                              width - 2 * margin);

      set_color (cr, &style->foreground, 0.75);
      show_layout_at (cr, note, margin, y + (data->series->len > 0 ? row : 0) + fs * 0.4);
    }
  cairo_restore (cr);
}

static void
draw_empty_note (cairo_t              *cr,
                 const ScsRadarLayout *layout,
                 const ScsRadarData   *data,
                 const ScsRadarStyle  *style,
                 PangoContext         *context)
{
  const ScsRadarGeometry *g = &layout->geometry;
  g_autofree char *markup = g_markup_escape_text (data->empty_text, -1);
  g_autoptr(PangoLayout) note = scs_radar_wrapped_layout (context, style, layout->font_size, markup,
                                                          g->radius * 1.4);
  double pad = layout->font_size * 0.6;
  ScsRadarExtent e;

  pango_layout_set_alignment (note, PANGO_ALIGN_CENTER);
  e = scs_radar_layout_extent (note);

  /* A plate of the background behind the note, so that the spokes do not cross it. */
  cairo_save (cr);
  set_color (cr, &style->background, 0.92);
  cairo_rectangle (cr, g->cx - e.width / 2 - pad, g->cy - e.height / 2 - pad,
                   e.width + 2 * pad, e.height + 2 * pad);
  cairo_fill (cr);
  set_color (cr, &style->foreground, 1);
  show_layout_at (cr, note, g->cx - e.width / 2, g->cy - e.height / 2);
  cairo_restore (cr);
}

char *
scs_radar_frame_key (const ScsRadarData  *data,
                     const ScsRadarStyle *style,
                     double               width,
                     double               height)
{
  GString *key = g_string_new (NULL);
  const ScsRadarColor *colors[] = { &style->background, &style->foreground, &style->grid };

  /* Everything the frame is drawn from, and nothing it is not: values, show_values and the
   * empty chart's note are the values layer's. Fields are parted by a control character no
   * text contains. */
  g_string_append_printf (key, "%a\x1f%a\x1f%a\x1f%a\x1f%a\x1f%d\x1f%s\x1f%s\x1f%s", width, height,
                          style->font_size, style->min_font_size, style->line_width,
                          style->whole_labels,
                          style->font_family != NULL ? style->font_family : "",
                          data->title != NULL ? data->title : "\x1e",
                          data->footnote != NULL ? data->footnote : "\x1e");
  for (guint c = 0; c < G_N_ELEMENTS (colors); c++)
    g_string_append_printf (key, "\x1f%a,%a,%a,%a", colors[c]->red, colors[c]->green,
                            colors[c]->blue, colors[c]->alpha);
  for (guint c = 0; c < SCS_RADAR_N_COLORS; c++)
    g_string_append_printf (key, "\x1f%a,%a,%a,%a", style->palette[c].red, style->palette[c].green,
                            style->palette[c].blue, style->palette[c].alpha);
  for (guint i = 0; i < data->axes->len; i++)
    {
      const ScsRadarAxis *axis = g_ptr_array_index (data->axes, i);

      g_string_append_printf (key, "\x1d%s\x1f%s", axis->id, axis->title);
    }
  for (guint s = 0; s < data->series->len; s++)
    {
      const ScsRadarSeries *series = g_ptr_array_index (data->series, s);

      g_string_append_printf (key, "\x1c%s\x1f%d\x1f%d\x1f%u", series->name, (int) series->marker,
                              (int) series->dash, series->color);
    }
  return g_string_free (key, FALSE);
}

void
scs_radar_draw_frame (cairo_t              *cr,
                      const ScsRadarLayout *layout,
                      const ScsRadarData   *data,
                      const ScsRadarStyle  *style,
                      double                width)
{
  PangoContext *context = pango_cairo_create_context (cr);

  cairo_save (cr);
  if (data->title != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", data->title);
      g_autoptr(PangoLayout) title = scs_radar_wrapped_layout (context, style,
                                                               layout->font_size * 1.3, markup,
                                                               width - 2 * layout->font_size);

      set_color (cr, &style->foreground, 1);
      show_layout_at (cr, title, layout->font_size, layout->font_size);
    }
  draw_grid (cr, layout, style, context);
  draw_labels (cr, layout, style);
  draw_legend (cr, layout, data, style, context, width);
  cairo_restore (cr);
  g_object_unref (context);
}

char *
scs_radar_series_key (const ScsRadarData  *data,
                      const ScsRadarStyle *style,
                      guint                index)
{
  const ScsRadarSeries *series = g_ptr_array_index (data->series, index);
  const ScsRadarColor *color = &style->palette[series->color % SCS_RADAR_N_COLORS];
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%d\x1f%d\x1f%u\x1f%d\x1f%d\x1f%a,%a,%a,%a\x1f%a\x1f%a\x1f%s\x1f%d",
                          (int) series->marker, (int) series->dash, series->color, series->filled,
                          series->maximum, color->red, color->green, color->blue, color->alpha,
                          style->font_size, style->line_width,
                          style->font_family != NULL ? style->font_family : "", style->show_values);
  if (style->show_values)
    g_string_append_printf (key, "\x1f%a,%a,%a,%a", style->foreground.red, style->foreground.green,
                            style->foreground.blue, style->foreground.alpha);
  for (guint i = 0; i < data->axes->len; i++)
    g_string_append_printf (key, "\x1f%a", series->values[i]);
  return g_string_free (key, FALSE);
}

void
scs_radar_series_extents (const ScsRadarLayout *layout,
                          const ScsRadarData   *data,
                          const ScsRadarStyle  *style,
                          guint                 index,
                          double               *x,
                          double               *y,
                          double               *width,
                          double               *height)
{
  const ScsRadarSeries *series = g_ptr_array_index (data->series, index);
  const ScsRadarGeometry *g = &layout->geometry;
  /* The marker and the line's half width past a vertex; a printed value, a few digits of
   * 0.6 em beside it. */
  double reach = marker_size (layout) + layout->line_width + 1;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  if (style->show_values)
    reach += layout->font_size * 2.5;
  for (guint i = 0; i < g->n_axes; i++)
    {
      double px, py;

      if (series->values[i] < 0)
        continue;
      scs_radar_geometry_point (g, i, MIN (series->values[i], 1), &px, &py);
      x0 = MIN (x0, px);
      y0 = MIN (y0, py);
      x1 = MAX (x1, px);
      y1 = MAX (y1, py);
    }
  if (x0 > x1)
    {
      *x = *y = *width = *height = 0;
      return;
    }
  *x = floor (x0 - reach);
  *y = floor (y0 - reach);
  *width = ceil (x1 + reach) - *x;
  *height = ceil (y1 + reach) - *y;
}

void
scs_radar_draw_series (cairo_t              *cr,
                       const ScsRadarLayout *layout,
                       const ScsRadarData   *data,
                       const ScsRadarStyle  *style,
                       guint                 index)
{
  PangoContext *context = pango_cairo_create_context (cr);

  g_return_if_fail (index < data->series->len);
  draw_series (cr, layout, style, g_ptr_array_index (data->series, index), context);
  g_object_unref (context);
}

void
scs_radar_draw_empty_note (cairo_t              *cr,
                           const ScsRadarLayout *layout,
                           const ScsRadarData   *data,
                           const ScsRadarStyle  *style)
{
  PangoContext *context;

  if (scs_radar_data_has_values (data) || data->empty_text == NULL)
    return;
  context = pango_cairo_create_context (cr);
  draw_empty_note (cr, layout, data, style, context);
  g_object_unref (context);
}

void
scs_radar_draw_values (cairo_t              *cr,
                       const ScsRadarLayout *layout,
                       const ScsRadarData   *data,
                       const ScsRadarStyle  *style)
{
  for (guint s = 0; s < data->series->len; s++)
    scs_radar_draw_series (cr, layout, data, style, s);
  scs_radar_draw_empty_note (cr, layout, data, style);
}

void
scs_radar_draw_with_layout (cairo_t             *cr,
                            const ScsRadarData  *data,
                            const ScsRadarStyle *style,
                            double               width,
                            double               height,
                            ScsRadarLayout      *out)
{
  PangoContext *context = pango_cairo_create_context (cr);
  ScsRadarLayout layout;

  g_return_if_fail (data->axes->len >= SCS_RADAR_MIN_AXES &&
                    data->axes->len <= SCS_RADAR_MAX_AXES);

  scs_radar_layout_compute (&layout, context, data, style, width, height);
  g_object_unref (context);
  scs_radar_draw_frame (cr, &layout, data, style, width);
  scs_radar_draw_values (cr, &layout, data, style);
  if (out != NULL)
    *out = layout;
  else
    scs_radar_layout_clear (&layout);
}

void
scs_radar_draw (cairo_t             *cr,
                const ScsRadarData  *data,
                const ScsRadarStyle *style,
                double               width,
                double               height)
{
  scs_radar_draw_with_layout (cr, data, style, width, height, NULL);
}

/* export ---------------------------------------------------------------------------------- */

cairo_status_t
scs_cairo_append_bytes (void                *closure,
                        const unsigned char *data,
                        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Drawn in memory, then written as every file of the app is (temporary name, rename): a
 * failed export leaves no partial image and an earlier one untouched. */
gboolean
scs_radar_export (const ScsRadarData  *data,
                  const ScsRadarStyle *style,
                  const char          *path,
                  int                  width,
                  int                  height,
                  GError             **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean png = g_str_has_suffix (lower, ".png");

  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create_for_stream (scs_cairo_append_bytes, out, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create_for_stream (scs_cairo_append_bytes, out, width, height);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: the file name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }

  cr = cairo_create (surface);
  /* The export's own page: its background is part of the picture. */
  set_color (cr, &style->background, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  scs_radar_draw (cr, data, style, width, height);
  cairo_destroy (cr);
  if (png)
    status = cairo_surface_write_to_png_stream (surface, scs_cairo_append_bytes, out);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&out));
  file = g_file_new_for_path (path);
  return scs_storage_write_file (bytes, file, error);
}
