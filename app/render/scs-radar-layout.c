/* scs-radar-layout.c — the radar laid out for a size: the plot's geometry and how its axis
 * labels are written so that they fit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "scs-radar-private.h"

PangoLayout *
scs_radar_text_layout (PangoContext        *context,
                       const ScsRadarStyle *style,
                       double               size,
                       const char          *markup)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style->font_family);

  /* Every text of the chart is made here: the one place that keeps a slide's minimum. */
  pango_font_description_set_absolute_size (font, MAX (size, style->min_font_size) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

PangoLayout *
scs_radar_wrapped_layout (PangoContext        *context,
                          const ScsRadarStyle *style,
                          double               size,
                          const char          *markup,
                          double               width)
{
  PangoLayout *layout = scs_radar_text_layout (context, style, size, markup);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static char *
axis_markup (const ScsRadarAxis *axis,
             gboolean            with_title)
{
  g_autofree char *id = g_markup_escape_text (axis->id, -1);
  g_autofree char *title = g_markup_escape_text (axis->title, -1);

  if (!with_title || axis->title[0] == '\0')
    return g_strdup_printf ("<b>%s</b>", id);
  return g_strdup_printf ("<b>%s</b> %s", id, title);
}

/* One way of writing the labels: wrapped to max_width in at most lines lines, shortened
 * with an ellipsis beyond that. max_width 0: the id alone. */
typedef struct {
  double width_share;   /* of the plot's width */
  int    lines;
} LabelFashion;

static const LabelFashion fashions[] = {
  { 0.22, 3 }, { 0.16, 3 }, { 0.13, 2 }, { 0.11, 1 }, { 0, 1 },
};

static void
configure_label (PangoLayout        *layout,
                 const LabelFashion *fashion,
                 double              plot_width)
{
  if (fashion->width_share > 0)
    {
      pango_layout_set_width (layout, (int) (fashion->width_share * plot_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -fashion->lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
}

ScsRadarExtent
scs_radar_layout_extent (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return (ScsRadarExtent) { logical.width, logical.height };
}

/* The legend's entries flow into rows: the height they take at width. */
static double
legend_height (PangoContext        *context,
               const ScsRadarData  *data,
               const ScsRadarStyle *style,
               double               font_size,
               double               width)
{
  double row = font_size * 1.6, x = 0, height = data->series->len > 0 ? row : 0;

  for (guint s = 0; s < data->series->len; s++)
    {
      const ScsRadarSeries *series = g_ptr_array_index (data->series, s);
      g_autofree char *markup = g_markup_escape_text (series->name, -1);
      g_autoptr(PangoLayout) layout = scs_radar_text_layout (context, style, font_size * 0.85,
                                                             markup);
      double entry = font_size * 3.5 + scs_radar_layout_extent (layout).width + font_size * 1.5;

      if (x > 0 && x + entry > width)
        {
          x = 0;
          height += row;
        }
      x += entry;
    }
  if (data->footnote != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (data->footnote, -1);
      g_autoptr(PangoLayout) layout = scs_radar_wrapped_layout (context, style, font_size * 0.7,
                                                                markup, width);

      height += scs_radar_layout_extent (layout).height + font_size * 0.4;
    }
  return height;
}

static double
title_height (PangoContext        *context,
              const ScsRadarData  *data,
              const ScsRadarStyle *style,
              double               font_size,
              double               width)
{
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (data->title == NULL)
    return 0;
  markup = g_markup_printf_escaped ("<b>%s</b>", data->title);
  layout = scs_radar_wrapped_layout (context, style, font_size * 1.3, markup, width);
  return scs_radar_layout_extent (layout).height + font_size * 0.6;
}

void
scs_radar_layout_compute (ScsRadarLayout      *layout,
                          PangoContext        *context,
                          const ScsRadarData  *data,
                          const ScsRadarStyle *style,
                          double               width,
                          double               height)
{
  guint n = data->axes->len;
  double shorter = MIN (width, height);
  double margin, top, plot_height, gap;
  g_autofree ScsRadarSize *sizes = g_new0 (ScsRadarSize, MAX (n, 1));

  g_return_if_fail (n >= SCS_RADAR_MIN_AXES && n <= SCS_RADAR_MAX_AXES);

  memset (layout, 0, sizeof *layout);
  layout->font_size = style->font_size > 0 ? style->font_size : CLAMP (shorter / 45, 11, 40);
  layout->line_width = style->line_width > 0 ? style->line_width : CLAMP (shorter / 400, 1.5, 4);
  margin = layout->font_size;
  gap = layout->font_size * 0.6;
  top = margin + title_height (context, data, style, layout->font_size, width - 2 * margin);
  layout->legend_y = height - margin -
                     legend_height (context, data, style, layout->font_size, width - 2 * margin);
  plot_height = MAX (layout->legend_y - margin - top, 1);
  layout->labels = g_ptr_array_new_with_free_func (g_free);
  layout->label_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  layout->label_offsets = g_new0 (double, 2 * n);

  /* The first way of writing the labels that fits, down to the ids alone. */
  for (guint f = 0; f < G_N_ELEMENTS (fashions); f++)
    {
      const LabelFashion *fashion = &fashions[f];
      gboolean last = f + 1 == G_N_ELEMENTS (fashions);

      g_ptr_array_set_size (layout->labels, 0);
      g_ptr_array_set_size (layout->label_layouts, 0);
      for (guint i = 0; i < n; i++)
        {
          const ScsRadarAxis *axis = g_ptr_array_index (data->axes, i);
          char *markup = axis_markup (axis, fashion->width_share > 0);
          PangoLayout *label = scs_radar_text_layout (context, style, layout->font_size, markup);
          double s = sin (2 * G_PI * i / n);
          PangoRectangle logical;

          /* Measured as drawn: a label leans away from the plot within its box. */
          configure_label (label, fashion, width);
          pango_layout_set_alignment (label, s > 0.3 ? PANGO_ALIGN_LEFT
                                             : s < -0.3 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
          pango_layout_get_pixel_extents (label, NULL, &logical);
          sizes[i] = (ScsRadarSize) { logical.width, logical.height };
          layout->label_offsets[2 * i] = logical.x;
          layout->label_offsets[2 * i + 1] = logical.y;
          g_ptr_array_add (layout->labels, markup);
          g_ptr_array_add (layout->label_layouts, label);
        }
      scs_radar_geometry_clear (&layout->geometry);
      scs_radar_geometry_compute (&layout->geometry, n, sizes, gap, margin, top,
                                  width - 2 * margin, plot_height);
      if (last || (layout->geometry.fits &&
                   layout->geometry.radius >= 0.3 * MIN (width - 2 * margin, plot_height)))
        {
          layout->fashion = f;
          break;
        }
    }
}

void
scs_radar_layout_clear (ScsRadarLayout *layout)
{
  scs_radar_geometry_clear (&layout->geometry);
  g_clear_pointer (&layout->labels, g_ptr_array_unref);
  g_clear_pointer (&layout->label_layouts, g_ptr_array_unref);
  g_clear_pointer (&layout->label_offsets, g_free);
}

