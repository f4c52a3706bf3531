/* scs-radar.c — the maturity radar: geometry, data and style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart is laid out in scs-radar-layout.c and drawn (and exported) in scs-radar-draw.c.
 */
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-radar.h"

#define EPSILON 1e-9

/* geometry -------------------------------------------------------------------------------- */

/* A spoke counts as vertical when its end is this close to the centre's vertical. */
#define VERTICAL 0.05

/* The label's box for a spoke end at distance reach from the centre: beside the anchor on
 * the right and left sides, centred above the top spoke and below the bottom one; from
 * top to bottom, the box slides from above its anchor to below it. */
static void
place_label (ScsRadarAxisGeometry *axis,
             double                cx,
             double                cy,
             double                reach,
             double                width,
             double                height)
{
  double s = sin (axis->angle), c = cos (axis->angle);
  double ax = cx + reach * s, ay = cy - reach * c;

  axis->label_width = width;
  axis->label_height = height;
  axis->label_x = s > VERTICAL ? ax : s < -VERTICAL ? ax - width : ax - width / 2;
  axis->label_y = ay - height * (1 + c) / 2;
}

static gboolean
boxes_meet (const ScsRadarAxisGeometry *a,
            const ScsRadarAxisGeometry *b,
            double                      pad)
{
  return a->label_x < b->label_x + b->label_width + pad &&
         b->label_x < a->label_x + a->label_width + pad &&
         a->label_y < b->label_y + b->label_height + pad &&
         b->label_y < a->label_y + a->label_height + pad;
}

void
scs_radar_geometry_compute (ScsRadarGeometry   *geometry,
                            guint               n_axes,
                            const ScsRadarSize *labels,
                            double              gap,
                            double              x,
                            double              y,
                            double              width,
                            double              height)
{
  double cx = x + width / 2, cy = y + height / 2;
  double radius = MIN (width, height) / 2 - gap;
  gboolean inside = TRUE;

  g_return_if_fail (n_axes >= SCS_RADAR_MIN_AXES && n_axes <= SCS_RADAR_MAX_AXES);

  geometry->n_axes = n_axes;
  geometry->axes = g_new0 (ScsRadarAxisGeometry, n_axes);
  geometry->cx = cx;
  geometry->cy = cy;

  /* Each edge of each label's box moves linearly with the radius: the largest radius is
   * the least of the limits the four sides of the rectangle set. */
  for (guint i = 0; i < n_axes; i++)
    {
      double angle = 2 * G_PI * i / n_axes;
      double s = sin (angle), c = cos (angle);
      double lw = labels[i].width, lh = labels[i].height;

      if (s < -VERTICAL)
        radius = MIN (radius, (cx - x - lw) / -s - gap);
      else if (s > VERTICAL)
        radius = MIN (radius, (x + width - cx - lw) / s - gap);
      if (c > EPSILON)
        radius = MIN (radius, (cy - y - lh * (1 + c) / 2) / c - gap);
      else if (c < -EPSILON)
        radius = MIN (radius, (y + height - cy - lh * (1 - c) / 2) / -c - gap);
    }
  radius = MAX (radius, 0);
  geometry->radius = radius;

  for (guint i = 0; i < n_axes; i++)
    {
      ScsRadarAxisGeometry *axis = &geometry->axes[i];

      axis->angle = 2 * G_PI * i / n_axes;
      axis->x = cx + radius * sin (axis->angle);
      axis->y = cy - radius * cos (axis->angle);
      place_label (axis, cx, cy, radius + gap, labels[i].width, labels[i].height);
      inside = inside &&
               axis->label_x >= x - EPSILON && axis->label_y >= y - EPSILON &&
               axis->label_x + axis->label_width <= x + width + EPSILON &&
               axis->label_y + axis->label_height <= y + height + EPSILON;
    }

  geometry->fits = inside && radius > 0;
  for (guint i = 0; i < n_axes && geometry->fits; i++)
    {
      const ScsRadarAxisGeometry *a = &geometry->axes[i];
      double nx = CLAMP (cx, a->label_x, a->label_x + a->label_width);
      double ny = CLAMP (cy, a->label_y, a->label_y + a->label_height);

      /* Off the plot: the box's nearest point is outside the outer ring. */
      if (hypot (nx - cx, ny - cy) < radius - EPSILON)
        geometry->fits = FALSE;
      for (guint j = i + 1; j < n_axes && geometry->fits; j++)
        if (boxes_meet (a, &geometry->axes[j], gap / 4))
          geometry->fits = FALSE;
    }
}

void
scs_radar_geometry_clear (ScsRadarGeometry *geometry)
{
  g_clear_pointer (&geometry->axes, g_free);
  geometry->n_axes = 0;
}

void
scs_radar_geometry_point (const ScsRadarGeometry *geometry,
                          guint                   axis,
                          double                  value,
                          double                 *x,
                          double                 *y)
{
  const ScsRadarAxisGeometry *a = &geometry->axes[axis];

  *x = geometry->cx + (a->x - geometry->cx) * value;
  *y = geometry->cy + (a->y - geometry->cy) * value;
}

/* data ------------------------------------------------------------------------------------ */

static void
axis_free (gpointer p)
{
  ScsRadarAxis *axis = p;

  g_free (axis->id);
  g_free (axis->title);
  g_free (axis);
}

static void
series_free (gpointer p)
{
  ScsRadarSeries *series = p;

  g_free (series->name);
  g_free (series->values);
  g_free (series);
}

ScsRadarData *
scs_radar_data_new (void)
{
  ScsRadarData *data = g_new0 (ScsRadarData, 1);

  data->axes = g_ptr_array_new_with_free_func (axis_free);
  data->series = g_ptr_array_new_with_free_func (series_free);
  return data;
}

void
scs_radar_data_free (ScsRadarData *data)
{
  if (data == NULL)
    return;
  g_ptr_array_unref (data->axes);
  g_ptr_array_unref (data->series);
  g_free (data->title);
  g_free (data->footnote);
  g_free (data->empty_text);
  g_free (data);
}

void
scs_radar_data_add_axis (ScsRadarData *data,
                         const char   *id,
                         const char   *title)
{
  ScsRadarAxis *axis = g_new0 (ScsRadarAxis, 1);

  g_return_if_fail (data->series->len == 0);
  axis->id = g_strdup (id);
  axis->title = g_strdup (title != NULL ? title : "");
  g_ptr_array_add (data->axes, axis);
}

ScsRadarSeries *
scs_radar_data_add_series (ScsRadarData  *data,
                           const char    *name,
                           ScsRadarMarker marker,
                           ScsRadarDash   dash,
                           guint          color)
{
  ScsRadarSeries *series = g_new0 (ScsRadarSeries, 1);

  series->name = g_strdup (name);
  series->values = g_new (double, MAX (data->axes->len, 1));
  for (guint i = 0; i < data->axes->len; i++)
    series->values[i] = SCS_RADAR_NA;
  series->marker = marker;
  series->dash = dash;
  series->color = color % SCS_RADAR_N_COLORS;
  g_ptr_array_add (data->series, series);
  return series;
}

gboolean
scs_radar_data_has_values (const ScsRadarData *data)
{
  for (guint s = 0; s < data->series->len; s++)
    {
      const ScsRadarSeries *series = g_ptr_array_index (data->series, s);

      for (guint i = 0; i < data->axes->len && !series->reference; i++)
        if (series->values[i] >= 0)
          return TRUE;
    }
  return FALSE;
}

char *
scs_radar_format_value (const ScsRadarSeries *series,
                        guint                 axis)
{
  double value = series->values[axis];

  if (value < 0)
    /* TRANSLATORS: a value the radar does not have (nothing recorded or applicable) */
    return g_strdup (_("n/a"));
  if (series->maximum > 0)
    return g_strdup_printf ("%.0f/%d", value * series->maximum, series->maximum);
  return g_strdup_printf ("%.0f%%", value * 100);
}

char *
scs_radar_data_describe (const ScsRadarData *data)
{
  GString *text = g_string_new (NULL);

  if (!scs_radar_data_has_values (data) && data->empty_text != NULL)
    g_string_append_printf (text, "%s ", data->empty_text);
  for (guint i = 0; i < data->axes->len; i++)
    {
      const ScsRadarAxis *axis = g_ptr_array_index (data->axes, i);

      g_string_append_printf (text, "%s%s %s:", i > 0 ? "; " : "", axis->id, axis->title);
      for (guint s = 0; s < data->series->len; s++)
        {
          const ScsRadarSeries *series = g_ptr_array_index (data->series, s);
          g_autofree char *value = scs_radar_format_value (series, i);

          g_string_append_printf (text, "%s %s %s", s > 0 ? "," : "", series->name, value);
        }
    }
  if (data->axes->len > 0)
    g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

/* style ----------------------------------------------------------------------------------- */

static void
set_hex (ScsRadarColor *color,
         guint32        rgb,
         double         alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = alpha;
}

void
scs_radar_style_init_light (ScsRadarStyle *style)
{
  /* Okabe–Ito: blue, vermillion, bluish green, reddish purple, orange — told apart with
   * any colour vision, and each series also has its own dashes and markers. */
  static const guint32 palette[SCS_RADAR_N_COLORS] = {
    0x0072b2, 0xd55e00, 0x009e73, 0xcc79a7, 0xb07800,
  };

  memset (style, 0, sizeof *style);
  set_hex (&style->background, 0xffffff, 1);
  set_hex (&style->foreground, 0x1e1e1e, 1);
  set_hex (&style->grid, 0x1e1e1e, 0.28);
  for (guint i = 0; i < SCS_RADAR_N_COLORS; i++)
    set_hex (&style->palette[i], palette[i], 1);
  style->font_family = "Noto Sans CJK JP, Noto Sans, sans-serif";
}

void
scs_radar_style_init_dark (ScsRadarStyle *style)
{
  /* The same hues, lighter, so that they stand out from a dark background. */
  static const guint32 palette[SCS_RADAR_N_COLORS] = {
    0x56b4e9, 0xff8c42, 0x2ed3a0, 0xe89bc8, 0xf0c040,
  };

  scs_radar_style_init_light (style);
  set_hex (&style->background, 0x242424, 1);
  set_hex (&style->foreground, 0xf0f0f0, 1);
  set_hex (&style->grid, 0xf0f0f0, 0.32);
  for (guint i = 0; i < SCS_RADAR_N_COLORS; i++)
    set_hex (&style->palette[i], palette[i], 1);
}

