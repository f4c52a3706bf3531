/* bench-radar.c — redrawing the radar: 16 axes, 4 series
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures, asserts nothing about speed. At the widget's natural size, a maximised
 * dashboard's and an export's, each round draws the chart into an image surface twice: in
 * full (layout, frame and every series, as a resize or an export does), and as the widget
 * redraws when one series' values change (the frame and the other series kept as images,
 * that series drawn anew, all composed). Two baselines in the same run: clearing the surface
 * (every pixel touched once), and cairo alone stroking the same rings and spokes as the
 * chart's grid. Goal: the widget's redraw within 2 ms, median.
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

typedef struct {
  double full, one, one_draw, clear, grid;
} Figures;

typedef struct {
  double x, y, width, height;
} Rect;

static cairo_surface_t *
layer_surface (const Rect *rect)
{
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX ((int) rect->width, 1),
                                     MAX ((int) rect->height, 1));
}

/* Medians over rounds at width × height: a full redraw (layout, frame and every series, as
 * a resize or an export does), and the redraw when one series' values change as the widget
 * does it — the frame and the other series kept as images, the one series drawn anew into
 * its image, and all composed; and the two baselines. */
static Figures
measure (const ScsRadarData *data,
         int                 width,
         int                 height,
         int                 rounds)
{
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) one_draw = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) clear = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) grid = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_t *frame = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_t *layers[8];
  Rect rects[8];
  guint n = data->series->len;
  ScsRadarStyle style;
  ScsRadarLayout layout;
  Figures f;

  g_assert (n <= G_N_ELEMENTS (layers));
  scs_radar_style_init_light (&style);
  {
    cairo_t *cr = cairo_create (frame);
    PangoContext *context = pango_cairo_create_context (cr);

    scs_radar_layout_compute (&layout, context, data, &style, width, height);
    scs_radar_draw_frame (cr, &layout, data, &style, width);
    g_object_unref (context);
    cairo_destroy (cr);
    cairo_surface_flush (frame);
  }
  /* Each series as an image of its own extent, as the widget keeps it. */
  for (guint s = 0; s < n; s++)
    {
      Rect *r = &rects[s];
      cairo_t *cr;

      scs_radar_series_extents (&layout, data, &style, s, &r->x, &r->y, &r->width, &r->height);
      layers[s] = layer_surface (r);
      cr = cairo_create (layers[s]);
      cairo_translate (cr, -r->x, -r->y);
      scs_radar_draw_series (cr, &layout, data, &style, s);
      cairo_destroy (cr);
      cairo_surface_flush (layers[s]);
    }

  for (int r = 0; r < rounds + 10; r++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 t0, t1, t2, t2b, t3, t4;
      double ms;

      t0 = g_get_monotonic_time ();
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      cairo_surface_flush (surface);
      t1 = g_get_monotonic_time ();
      scs_radar_draw (cr, data, &style, width, height);
      cairo_surface_flush (surface);
      t2 = g_get_monotonic_time ();
      {
        /* The first series changed: drawn anew into its image. */
        cairo_t *layer = cairo_create (layers[0]);

        cairo_set_operator (layer, CAIRO_OPERATOR_CLEAR);
        cairo_paint (layer);
        cairo_set_operator (layer, CAIRO_OPERATOR_OVER);
        cairo_translate (layer, -rects[0].x, -rects[0].y);
        scs_radar_draw_series (layer, &layout, data, &style, 0);
        cairo_destroy (layer);
        cairo_surface_flush (layers[0]);
      }
      t2b = g_get_monotonic_time ();
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source_surface (cr, frame, 0, 0);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      for (guint s = 0; s < n; s++)
        {
          cairo_set_source_surface (cr, layers[s], rects[s].x, rects[s].y);
          cairo_paint (cr);
        }
      cairo_surface_flush (surface);
      t3 = g_get_monotonic_time ();
      stroke_grid (cr, width / 2.0, height / 2.0, layout.geometry.radius, data->axes->len);
      cairo_surface_flush (surface);
      t4 = g_get_monotonic_time ();
      cairo_destroy (cr);
      if (r < 10)
        continue;   /* warm the font caches */
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (clear, ms);
      ms = (t2 - t1) / 1000.0;
      g_array_append_val (full, ms);
      ms = (t3 - t2) / 1000.0;
      g_array_append_val (one, ms);
      ms = (t2b - t2) / 1000.0;
      g_array_append_val (one_draw, ms);
      ms = (t4 - t3) / 1000.0;
      g_array_append_val (grid, ms);
    }
  f.full = median (full);
  f.one = median (one);
  f.one_draw = median (one_draw);
  f.clear = median (clear);
  f.grid = median (grid);
  for (guint s = 0; s < n; s++)
    cairo_surface_destroy (layers[s]);
  scs_radar_layout_clear (&layout);
  cairo_surface_destroy (frame);
  cairo_surface_destroy (surface);
  return f;
}

int
main (int argc, char *argv[])
{
  const int sizes[][2] = { { 720, 560 }, { 1200, 900 }, { 1600, 1600 } }, rounds = 200;
  g_autoptr(ScsRadarData) data = scs_radar_data_new ();

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

  printf ("radar, 16 axes, 4 series, %d rounds per size, medians\n", rounds);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Figures f = measure (data, sizes[i][0], sizes[i][1], rounds);

      printf ("%d×%d%s:\n", sizes[i][0], sizes[i][1],
              i == 0 ? " (the widget's natural size)" : i == 1 ? " (a maximised dashboard)" : " (an export)");
      printf ("  redraw when one series changes           %7.3f ms\n", f.one);
      printf ("    of which drawing the series            %7.3f ms (the rest: composing the images,\n"
              "    which in the widget is the renderer's work on textures)\n", f.one_draw);
      printf ("  full redraw (layout, frame, all series)  %7.3f ms\n", f.full);
      printf ("  baseline: clear the surface              %7.3f ms\n", f.clear);
      printf ("  baseline: cairo strokes the grid         %7.3f ms\n", f.grid);
      printf ("  ratio one-series/clear %.1f×, one-series/grid %.1f×, full/clear %.1f×\n",
              f.one / f.clear, f.one / f.grid, f.full / f.clear);
      if (i < 2)
        printf ("  goal: the widget redraws within 2 ms when values change: %s\n",
                f.one <= 2.0 ? "met" : "not met");
    }
  return 0;
}
