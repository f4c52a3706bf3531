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

/* The id, and as much of the title as room_chars characters (-1: all of it), shortened
 * with an ellipsis. */
static char *
axis_markup (const ScsRadarAxis *axis,
             glong               room_chars)
{
  g_autofree char *id = g_markup_escape_text (axis->id, -1);
  g_autofree char *title = NULL;
  glong length = g_utf8_strlen (axis->title, -1);

  if (room_chars == 0 || length == 0)
    return g_strdup_printf ("<b>%s</b>", id);
  if (room_chars < 0 || room_chars >= length)
    title = g_markup_escape_text (axis->title, -1);
  else
    {
      g_autofree char *start = g_utf8_substring (axis->title, 0, room_chars);
      g_autofree char *escaped = NULL;

      /* Not "Roles, …": the cut ends on a letter. */
      while (*start != '\0')
        {
          char *last = g_utf8_find_prev_char (start, start + strlen (start));
          gunichar c = g_utf8_get_char (last);

          if (!g_unichar_isspace (c) && !g_unichar_ispunct (c))
            break;
          *last = '\0';
        }
      escaped = g_markup_escape_text (start, -1);
      title = g_strconcat (escaped, "…", NULL);
    }
  return g_strdup_printf ("<b>%s</b> %s", id, title);
}

/* One way of writing the labels: wrapped to max_width in at most lines lines, the title
 * shortened with an ellipsis beyond that. max_width 0: the id alone. */
typedef struct {
  double width_share;   /* of the plot's width */
  int    lines;
} LabelFashion;

static const LabelFashion fashions[] = {
  { 0.22, 3 }, { 0.16, 3 }, { 0.13, 2 }, { 0.11, 1 }, { 0, 1 },
};

/* Writes axis into label, wrapped at width: whole if it takes no more than lines lines,
 * else with the longest start of its title that does. Returns the markup; shown counts the
 * title's characters kept. width 0: the id alone. */
static char *
write_label (PangoLayout        *label,
             const ScsRadarAxis *axis,
             double              width,
             int                 lines,
             PangoWrapMode       wrap,
             glong              *shown)
{
  char *markup;
  glong low = 0, high;

  *shown = 0;
  if (width <= 0)
    {
      markup = axis_markup (axis, 0);
      pango_layout_set_markup (label, markup, -1);
      return markup;
    }
  pango_layout_set_width (label, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (label, wrap);
  markup = axis_markup (axis, -1);
  pango_layout_set_markup (label, markup, -1);
  if (pango_layout_get_line_count (label) <= lines)
    {
      *shown = g_utf8_strlen (axis->title, -1);
      return markup;
    }
  g_free (markup);

  /* The longest start that fits: the lines taken grow with the characters kept. */
  high = g_utf8_strlen (axis->title, -1) - 1;
  while (low < high)
    {
      glong middle = (low + high + 1) / 2;
      g_autofree char *tried = axis_markup (axis, middle);

      pango_layout_set_markup (label, tried, -1);
      if (pango_layout_get_line_count (label) <= lines)
        low = middle;
      else
        high = middle - 1;
    }
  markup = axis_markup (axis, low);
  pango_layout_set_markup (label, markup, -1);
  *shown = low;
  return markup;
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

/* What the layout's computation goes by. */
typedef struct {
  PangoContext        *context;
  const ScsRadarData  *data;
  const ScsRadarStyle *style;
  double               margin, top, gap, plot_width, plot_height;
  ScsRadarSize        *sizes;
  PangoWrapMode        wrap;   /* of the labels */
} LayoutRoom;

/* The room left to the plot and its labels at the layout's font size: under the title,
 * above the legend, within a margin. */
static void
measure_room (ScsRadarLayout *layout,
              LayoutRoom     *room,
              double          width,
              double          height)
{
  room->margin = layout->font_size;
  room->gap = layout->font_size * 0.6;
  room->top = room->margin + title_height (room->context, room->data, room->style,
                                           layout->font_size, width - 2 * room->margin);
  layout->legend_y = height - room->margin -
                     legend_height (room->context, room->data, room->style, layout->font_size,
                                    width - 2 * room->margin);
  room->plot_width = width - 2 * room->margin;
  room->plot_height = MAX (layout->legend_y - room->margin - room->top, 1);
}

/* The width each label has when the spokes reach radius: across to the side of the target
 * beside the plot, or, above and below it, between the neighbours' spokes. */
static void
room_widths (const LayoutRoom *room,
             double            radius,
             double           *widths)
{
  guint n = room->data->axes->len;
  double reach = radius + room->gap;

  for (guint i = 0; i < n; i++)
    {
      double s = fabs (sin (2 * G_PI * i / n));

      widths[i] = s > 0.05 ? room->plot_width / 2 - reach * s
                           : MIN (2 * reach * sin (2 * G_PI / n) - room->gap, room->plot_width);
    }
}

/* Writes every label at its width (widths[i], or width for all when widths is NULL) in at
 * most lines lines, then places the plot and the labels. Returns the title characters shown. */
static glong
lay_labels (ScsRadarLayout   *layout,
            const LayoutRoom *room,
            const double     *widths,
            double            width,
            int               lines,
            int               vertical_lines)
{
  guint n = room->data->axes->len;
  glong total = 0;

  g_ptr_array_set_size (layout->labels, 0);
  g_ptr_array_set_size (layout->label_layouts, 0);
  for (guint i = 0; i < n; i++)
    {
      const ScsRadarAxis *axis = g_ptr_array_index (room->data->axes, i);
      PangoLayout *label = scs_radar_text_layout (room->context, room->style, layout->font_size, "");
      double s = sin (2 * G_PI * i / n);
      glong shown;
      char *markup = write_label (label, axis, widths != NULL ? widths[i] : width,
                                  fabs (s) > 0.05 ? lines : vertical_lines, room->wrap, &shown);
      PangoRectangle logical;

      /* Measured as drawn: a label leans away from the plot within its box. */
      pango_layout_set_alignment (label, s > 0.3 ? PANGO_ALIGN_LEFT
                                         : s < -0.3 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_extents (label, NULL, &logical);
      room->sizes[i] = (ScsRadarSize) { logical.width, logical.height };
      layout->label_offsets[2 * i] = logical.x;
      layout->label_offsets[2 * i + 1] = logical.y;
      g_ptr_array_add (layout->labels, markup);
      g_ptr_array_add (layout->label_layouts, label);
      total += shown;
    }
  scs_radar_geometry_clear (&layout->geometry);
  scs_radar_geometry_compute (&layout->geometry, n, room->sizes, room->gap, room->margin,
                              room->top, room->plot_width, room->plot_height);
  return total;
}

/* A slide's labels are large: rather than one width for all, each label gets the room it
 * has at a radius tried, across to the side of the target beside the plot, between the
 * neighbours' spokes above and below it, on one line (two above and below). From a large
 * radius down, the first that shows every title whole, or else the one that shows the most
 * of them, down to least_radius. Returns whether any fitted. */
static gboolean
lay_labels_in_room (ScsRadarLayout   *layout,
                    const LayoutRoom *room,
                    double            least_radius)
{
  guint n = room->data->axes->len;
  g_autofree double *widths = g_new0 (double, n);
  glong whole = 0, best = -1;
  double best_radius = 0;
  int best_lines = 1;

  for (guint i = 0; i < n; i++)
    whole += g_utf8_strlen (((ScsRadarAxis *) g_ptr_array_index (room->data->axes, i))->title, -1);
  /* The last pass lays out again the best found. */
  for (int lines = 2; lines >= 0; lines--)
    for (double radius = 0.48 * MIN (room->plot_width, room->plot_height);
         radius >= least_radius; radius *= 0.93)
      {
        glong shown;

        if (lines == 0 && fabs (radius - best_radius) > 1e-6)
          continue;
        room_widths (room, radius, widths);
        shown = lay_labels (layout, room, widths, 0, lines > 0 ? lines : best_lines, 2);
        if (lines == 0)
          return TRUE;
        if (layout->geometry.fits && layout->geometry.radius >= least_radius && shown > best)
          {
            best = shown;
            best_radius = radius;
            best_lines = lines;
            if (shown == whole)
              return TRUE;
          }
      }
  return FALSE;
}

/* A wrapped label's lines as even as they go: each at the narrowest width that keeps its
 * number of lines, so that no word is left alone on the last. Kept only while the labels
 * still fit at least_radius or more. */
static void
balance_labels (ScsRadarLayout   *layout,
                const LayoutRoom *room,
                const double     *widths,
                int               lines,
                double            least_radius)
{
  guint n = room->data->axes->len;
  g_autofree double *narrow = g_memdup2 (widths, n * sizeof *widths);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *label = g_ptr_array_index (layout->label_layouts, i);
      int count = pango_layout_get_line_count (label);
      double low = 0, high = widths[i];

      if (count < 2)
        continue;
      for (int step = 0; step < 10; step++)
        {
          double middle = (low + high) / 2;

          pango_layout_set_width (label, (int) (middle * PANGO_SCALE));
          if (pango_layout_get_line_count (label) <= count)
            high = middle;
          else
            low = middle;
        }
      narrow[i] = high;
      any = TRUE;
    }
  if (!any)
    return;
  lay_labels (layout, room, narrow, 0, lines, lines);
  if (!layout->geometry.fits || layout->geometry.radius < least_radius)
    lay_labels (layout, room, widths, 0, lines, lines);
}

/* A page's labels are never shortened: each wraps between words in the room it has at a
 * radius tried (as a slide's). First on at most three lines, then on as many as it needs;
 * at the font size given, then smaller ones down to the style's least: the largest plot at
 * which every label fits whole, down to least_share of the room (a fifth at the least
 * size). Returns whether one did; if not, the room is measured again at the size given. */
static gboolean
lay_labels_whole (ScsRadarLayout *layout,
                  LayoutRoom     *room,
                  double          width,
                  double          height,
                  double          least_share)
{
  guint n = room->data->axes->len;
  g_autofree double *widths = g_new0 (double, n);
  double given = layout->font_size;
  double least_size = MIN (given, room->style->min_font_size > 0 ? room->style->min_font_size
                                                                 : given * 0.6);
  glong whole = 0;

  for (guint i = 0; i < n; i++)
    whole += g_utf8_strlen (((ScsRadarAxis *) g_ptr_array_index (room->data->axes, i))->title, -1);
  room->wrap = PANGO_WRAP_WORD;
  for (int lines = 3; lines > 0; lines = lines == 3 ? G_MAXINT : 0)
    for (double size = given; ; size = MAX (size * 0.92, least_size))
      {
        gboolean last = size <= least_size + 1e-6;
        double shorter, least_radius;

        layout->font_size = size;
        measure_room (layout, room, width, height);
        shorter = MIN (room->plot_width, room->plot_height);
        least_radius = (last ? 0.2 : least_share) * shorter;
        for (double radius = 0.48 * shorter; radius >= least_radius; radius *= 0.95)
          {
            glong shown;

            room_widths (room, radius, widths);
            /* Narrower is not worth measuring: a short word a line. */
            for (guint i = 0; i < n; i++)
              widths[i] = MAX (widths[i], size * 4);
            shown = lay_labels (layout, room, widths, 0, lines, lines);
            if (shown == whole && layout->geometry.fits && layout->geometry.radius >= least_radius)
              {
                balance_labels (layout, room, widths, lines, least_radius);
                return TRUE;
              }
          }
        if (last)
          break;
      }
  room->wrap = PANGO_WRAP_WORD_CHAR;
  layout->font_size = given;
  measure_room (layout, room, width, height);
  return FALSE;
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
  double least_radius;
  g_autofree ScsRadarSize *sizes = g_new0 (ScsRadarSize, MAX (n, 1));
  LayoutRoom room = { context, data, style, .wrap = PANGO_WRAP_WORD_CHAR };

  g_return_if_fail (n >= SCS_RADAR_MIN_AXES && n <= SCS_RADAR_MAX_AXES);

  memset (layout, 0, sizeof *layout);
  layout->font_size = style->font_size > 0 ? style->font_size : CLAMP (shorter / 45, 11, 40);
  layout->line_width = style->line_width > 0 ? style->line_width : CLAMP (shorter / 400, 1.5, 4);
  measure_room (layout, &room, width, height);
  room.sizes = sizes;
  layout->labels = g_ptr_array_new_with_free_func (g_free);
  layout->label_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  layout->label_offsets = g_new0 (double, 2 * n);
  least_radius = 0.3 * MIN (room.plot_width, room.plot_height);

  /* A page's titles are whole, or else (no room even at the least size) shortened below. */
  if (style->whole_labels && lay_labels_whole (layout, &room, width, height, 0.3))
    {
      layout->fashion = G_N_ELEMENTS (fashions);
      return;
    }

  /* A slide (which has a least text size) may give its labels more of it: a smaller plot. */
  if (style->min_font_size > 0 &&
      lay_labels_in_room (layout, &room, 0.22 * MIN (room.plot_width, room.plot_height)))
    {
      layout->fashion = G_N_ELEMENTS (fashions);
      return;
    }

  /* The first way of writing the labels that fits, down to the ids alone. */
  for (guint f = 0; f < G_N_ELEMENTS (fashions); f++)
    {
      const LabelFashion *fashion = &fashions[f];

      lay_labels (layout, &room, NULL, fashion->width_share * width, fashion->lines,
                  fashion->lines);
      if (f + 1 == G_N_ELEMENTS (fashions) ||
          (layout->geometry.fits && layout->geometry.radius >= least_radius))
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

