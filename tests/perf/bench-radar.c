/* bench-radar.c — a full redraw of the radar: 16 axes, 4 series, 1600 × 1600
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures, asserts nothing about speed. Each round lays the chart out and draws it
 * into an image surface, as an export or a resized widget does. Two baselines in the same
 * run: clearing the surface (every pixel touched once), and cairo alone stroking the same
 * rings and spokes as the chart's grid — the least any cairo drawing of a radar costs.
 * Goal: 2 ms median.
 */
#include <math.h>
#include <stdio.h>

#include <pango/pangocairo.h>

#include "scs-radar.h"

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Five rings of n sides and n spokes, radius r about the centre, as the chart's grid. */
static void
stroke_grid (cairo_t *cr,
             double   cx,
             double   cy,
             double   r,
             guint    n)
{
  cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.28);
  cairo_set_line_width (cr, 2);
  for (int ring = 1; ring <= 5; ring++)
    {
      for (guint i = 0; i < n; i++)
        {
          double a = 2 * G_PI * i / n;

          if (i == 0)
            cairo_move_to (cr, cx + r * ring / 5 * sin (a), cy - r * ring / 5 * cos (a));
          else
            cairo_line_to (cr, cx + r * ring / 5 * sin (a), cy - r * ring / 5 * cos (a));
        }
      cairo_close_path (cr);
    }
  for (guint i = 0; i < n; i++)
    {
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, cx + r * sin (2 * G_PI * i / n), cy - r * cos (2 * G_PI * i / n));
    }
  cairo_stroke (cr);
}

static double
median (GArray *ms)
{
  g_array_sort (ms, compare);
  return g_array_index (ms, double, ms->len / 2);
}

int
main (int argc, char *argv[])
{
  const int size = 1600, rounds = 200;
  g_autoptr(ScsRadarData) data = scs_radar_data_new ();
  g_autoptr(GArray) draw = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) clear = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) grid = g_array_new (FALSE, FALSE, sizeof (double));
  double radius;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  ScsRadarStyle style;

  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u-%u", i / 3 + 1, i % 3 + 1);

      scs_radar_data_add_axis (data, id, i % 2 ? "アイデンティティ管理、認証、アクセス制御" : "資産管理");
    }
  for (guint s = 0; s < 4; s++)
    {
      ScsRadarSeries *series = scs_radar_data_add_series (data, "series", s, s, s);

      series->filled = s == 0;
      for (guint i = 0; i < 16; i++)
        series->values[i] = ((i * 7 + s * 3) % 11) / 10.0;
    }
  scs_radar_style_init_light (&style);
  {
    cairo_t *cr = cairo_create (surface);
    PangoContext *context = pango_cairo_create_context (cr);
    ScsRadarLayout layout;

    scs_radar_layout_compute (&layout, context, data, &style, size, size);
    radius = layout.geometry.radius;
    scs_radar_layout_clear (&layout);
    g_object_unref (context);
    cairo_destroy (cr);
  }

  for (int r = 0; r < rounds + 10; r++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 t0, t1, t2, t3;
      double ms;

      t0 = g_get_monotonic_time ();
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      cairo_surface_flush (surface);
      t1 = g_get_monotonic_time ();
      scs_radar_draw (cr, data, &style, size, size);
      cairo_surface_flush (surface);
      t2 = g_get_monotonic_time ();
      stroke_grid (cr, size / 2.0, size / 2.0, radius, 16);
      cairo_surface_flush (surface);
      t3 = g_get_monotonic_time ();
      cairo_destroy (cr);
      if (r < 10)
        continue;   /* warm the font caches */
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (clear, ms);
      ms = (t2 - t1) / 1000.0;
      g_array_append_val (draw, ms);
      ms = (t3 - t2) / 1000.0;
      g_array_append_val (grid, ms);
    }

  printf ("radar, 16 axes, 4 series, %d×%d image, %d rounds\n", size, size, rounds);
  printf ("full redraw (layout + draw)   median %7.3f ms\n", median (draw));
  printf ("baseline: clear the surface   median %7.3f ms\n", median (clear));
  printf ("baseline: cairo strokes the grid median %7.3f ms   (radius %.0f)\n", median (grid), radius);
  printf ("ratio redraw/clear: %.1f, redraw/grid: %.1f\n", median (draw) / median (clear),
          median (draw) / median (grid));
  printf ("goal: redraw within 2 ms: %s\n", median (draw) <= 2.0 ? "met" : "not met");
  cairo_surface_destroy (surface);
  return 0;
}
