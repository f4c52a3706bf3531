/* test-radar.c — the radar's geometry, drawing, exports and the engagement's series
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "scs-engagement-radar.h"
#include "scs-radar-private.h"
#include "scs-report-private.h"
#include "scs-test.h"

#define CLOSE(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-6)

/* A title long enough to need wrapping, as the real subcategories have. */
static const char *long_title = "サイバーセキュリティサプライチェーンリスクマネジメント";

/* Known sizes give known coordinates: four spokes in a 200 × 200 square. */
static void
test_geometry_known (void)
{
  ScsRadarSize none[4] = { { 0, 0 } };
  ScsRadarSize labels[4] = { { 20, 10 }, { 20, 10 }, { 20, 10 }, { 20, 10 } };
  ScsRadarGeometry g = { 0 };
  double x, y;

  scs_radar_geometry_compute (&g, 4, none, 0, 0, 0, 200, 200);
  CLOSE (g.cx, 100);
  CLOSE (g.cy, 100);
  CLOSE (g.radius, 100);
  CLOSE (g.axes[0].x, 100);
  CLOSE (g.axes[0].y, 0);
  CLOSE (g.axes[1].x, 200);
  CLOSE (g.axes[1].y, 100);
  CLOSE (g.axes[2].x, 100);
  CLOSE (g.axes[2].y, 200);
  CLOSE (g.axes[3].x, 0);
  CLOSE (g.axes[3].y, 100);
  scs_radar_geometry_clear (&g);

  /* Labels 20 × 10, 5 away from the spokes' ends: the side labels set the radius,
   * (200 − 100 − 20) − 5 = 75. */
  scs_radar_geometry_compute (&g, 4, labels, 5, 0, 0, 200, 200);
  CLOSE (g.radius, 75);
  CLOSE (g.axes[1].label_x, 180);   /* right of the anchor at 100 + 80 */
  CLOSE (g.axes[1].label_y, 95);    /* centred on it */
  CLOSE (g.axes[3].label_x, 0);     /* left of the anchor at 100 − 80 */
  CLOSE (g.axes[0].label_x, 90);    /* centred above the top anchor at y = 20 */
  CLOSE (g.axes[0].label_y, 10);
  CLOSE (g.axes[2].label_y, 180);   /* below the bottom anchor */
  scs_radar_geometry_point (&g, 1, 0.5, &x, &y);
  CLOSE (x, 137.5);
  CLOSE (y, 100);
  scs_radar_geometry_point (&g, 0, 0, &x, &y);
  CLOSE (x, 100);
  CLOSE (y, 100);
  g_assert_true (g.fits);
  scs_radar_geometry_clear (&g);

  /* Six spokes: the first up, then clockwise every 60°. */
  scs_radar_geometry_compute (&g, 6, (ScsRadarSize[6]) { { 0, 0 } }, 0, 0, 0, 200, 200);
  CLOSE (g.axes[1].x, 100 + 100 * sin (G_PI / 3));
  CLOSE (g.axes[1].y, 100 - 100 * cos (G_PI / 3));
  scs_radar_geometry_clear (&g);
}

/* Labels too big for the space are reported, not drawn over each other. */
static void
test_geometry_overlap (void)
{
  ScsRadarSize wide[16];
  ScsRadarGeometry g = { 0 };

  for (guint i = 0; i < 16; i++)
    wide[i] = (ScsRadarSize) { 120, 60 };
  scs_radar_geometry_compute (&g, 16, wide, 4, 0, 0, 600, 600);
  g_assert_false (g.fits);
  scs_radar_geometry_clear (&g);

  for (guint i = 0; i < 16; i++)
    wide[i] = (ScsRadarSize) { 40, 14 };
  scs_radar_geometry_compute (&g, 16, wide, 4, 0, 0, 1600, 1200);
  g_assert_true (g.fits);
  scs_radar_geometry_clear (&g);
}

static ScsRadarData *
make_data (guint  n_axes,
           double value)
{
  ScsRadarData *data = scs_radar_data_new ();
  ScsRadarSeries *series;

  for (guint i = 0; i < n_axes; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u-%u", i / 4 + 1, i % 4 + 1);

      scs_radar_data_add_axis (data, id, i % 3 == 0 ? long_title : "ポリシー");
    }
  series = scs_radar_data_add_series (data, "expert", SCS_RADAR_MARKER_SQUARE,
                                      SCS_RADAR_DASH_SOLID, 0);
  for (guint i = 0; i < n_axes; i++)
    series->values[i] = value;
  data->empty_text = g_strdup ("No answers yet");
  return data;
}

/* 3, 12 and 16 axes with long Japanese titles, on a slide, a square and a small widget:
 * the labels fit, apart and off the plot, and each starts with its id. */
static void
test_layout_fits (void)
{
  const guint counts[] = { 3, 12, 16 };
  const int sizes[][2] = { { 1920, 1080 }, { 800, 800 }, { 520, 420 } };
  ScsRadarStyle style;

  scs_radar_style_init_light (&style);
  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(ScsRadarData) data = make_data (counts[c], 0.5);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
        cairo_t *cr = cairo_create (surface);
        PangoContext *context = pango_cairo_create_context (cr);
        ScsRadarLayout layout;

        scs_radar_layout_compute (&layout, context, data, &style, sizes[s][0], sizes[s][1]);
        if (!layout.geometry.fits)
          g_error ("%u axes at %d×%d: the labels do not fit", counts[c], sizes[s][0], sizes[s][1]);
        g_assert_cmpfloat (layout.geometry.radius, >, 0.2 * MIN (sizes[s][0], sizes[s][1]));
        for (guint i = 0; i < counts[c]; i++)
          {
            const ScsRadarAxis *axis = g_ptr_array_index (data->axes, i);
            g_autofree char *start = g_strdup_printf ("<b>%s</b>", axis->id);

            g_assert_true (g_str_has_prefix (g_ptr_array_index (layout.labels, i), start));
          }
        /* Where there is room, the titles are there too. */
        if (sizes[s][0] >= 800 && counts[c] <= 12)
          g_assert_nonnull (strstr (g_ptr_array_index (layout.labels, 1), "ポリシー"));
        scs_radar_layout_clear (&layout);
        g_object_unref (context);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

static double
font_pixels (PangoLayout *layout)
{
  return pango_font_description_get_size (pango_layout_get_font_description (layout)) / (double) PANGO_SCALE;
}

/* A slide's minimum holds for every text of the chart, its labels measured for the layout
 * and the smaller texts (scale, values, legend, notes) alike; the labels still fit. */
static void
test_min_font_size (void)
{
  g_autoptr(ScsRadarData) data = make_data (12, 0.5);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  ScsRadarStyle style;
  ScsRadarLayout layout;
  g_autoptr(PangoLayout) small = NULL;
  g_autoptr(PangoLayout) wrapped = NULL;

  scs_radar_style_init_light (&style);
  style.font_size = 10;
  small = scs_radar_text_layout (context, &style, style.font_size * 0.6, "50%");
  CLOSE (font_pixels (small), 6);
  style.min_font_size = 24;
  g_clear_object (&small);
  small = scs_radar_text_layout (context, &style, style.font_size * 0.6, "50%");
  wrapped = scs_radar_wrapped_layout (context, &style, style.font_size * 0.7, "note", 300);
  CLOSE (font_pixels (small), 24);
  CLOSE (font_pixels (wrapped), 24);
  /* A 1024×768 slide's radar: what is left under the title. */
  scs_radar_layout_compute (&layout, context, data, &style, 960, 560);
  g_assert_true (layout.geometry.fits);
  for (guint i = 0; i < layout.label_layouts->len; i++)
    g_assert_cmpfloat (font_pixels (g_ptr_array_index (layout.label_layouts, i)), >=, 24);
  scs_radar_layout_clear (&layout);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Titles each axis of data in Japanese or English, from the framework's subcategories. */
static void
title_axes (ScsRadarData *data,
            GListModel   *subs,
            gboolean      japanese)
{
  for (guint i = 0; i < data->axes->len; i++)
    {
      ScsRadarAxis *axis = g_ptr_array_index (data->axes, i);

      for (guint n = 0; n < g_list_model_get_n_items (subs); n++)
        {
          g_autoptr(ScsNode) sub = g_list_model_get_item (subs, n);

          if (g_str_equal (scs_node_get_id (sub), axis->id))
            {
              g_free (axis->title);
              axis->title = g_strdup (japanese ? scs_node_get_title_ja (sub)
                                               : scs_node_get_title_en (sub));
            }
        }
      g_assert_cmpstr (axis->title, !=, "");
    }
}

/* The example's radar as its slide shows it, at a projector's 768 lines and at 1080, in
 * both languages: every label says what its axis is, its id and its whole title or enough
 * of it to tell (a dozen letters, or five Japanese characters), and the labels still fit.
 * Before the slide's labels took their own room, 768 lines left one character: 「1-2 役…」. */
static void
test_slide_labels_whole (void)
{
  /* The chart's room under the slide's title, and the slide's label size there. */
  const struct { double width, height, font_size; } slides[] = {
    { 936, 580, 24 }, { 1796, 790, 33.2 },
  };
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autofree char *example = g_build_filename (g_getenv ("SCS_TEST_DATA"), "..", "..", "data",
                                               "samples", "example-aaa.scsa", NULL);
  g_autoptr(ScsEngagement) engagement = scs_test_load (catalog, example);
  ScsFramework *framework = scs_engagement_get_framework (engagement);
  GListModel *subs = scs_framework_get_subcategories (framework, scs_engagement_get_level (engagement));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(GString) cut = g_string_new (NULL);

  for (int japanese = 0; japanese <= 1; japanese++)
    for (guint s = 0; s < G_N_ELEMENTS (slides); s++)
      {
        /* The series of the expert's slide. */
        g_autoptr(ScsRadarData) data = scs_engagement_radar_new (engagement,
                                                                 SCS_RADAR_EXPERT | SCS_RADAR_COMPANY
                                                                 | SCS_RADAR_MATURITY_CURRENT
                                                                 | SCS_RADAR_MATURITY_TARGET,
                                                                 SCS_COUNT_CONFIRMED, FALSE);
        ScsRadarStyle style;
        ScsRadarLayout layout;

        g_assert_cmpuint (data->axes->len, >=, 12);
        /* Each axis titled in the language tried. */
        title_axes (data, subs, japanese);
        scs_radar_style_init_light (&style);
        style.font_size = style.min_font_size = slides[s].font_size;
        scs_radar_layout_compute (&layout, context, data, &style, slides[s].width, slides[s].height);
        g_assert_true (layout.geometry.fits);
        g_assert_cmpfloat (layout.geometry.radius, >=, 0.2 * slides[s].height);
        for (guint i = 0; i < data->axes->len; i++)
          {
            const ScsRadarAxis *axis = g_ptr_array_index (data->axes, i);
            glong least = MIN (g_utf8_strlen (axis->title, -1), japanese ? 5 : 12);
            g_autofree char *start = g_utf8_substring (axis->title, 0, least);
            g_autofree char *escaped = g_markup_escape_text (start, -1);
            g_autofree char *expected = g_strdup_printf ("<b>%s</b> %s", axis->id, escaped);
            const char *label = g_ptr_array_index (layout.labels, i);

            if (!g_str_has_prefix (label, expected) ||
                pango_layout_is_ellipsized (g_ptr_array_index (layout.label_layouts, i)))
              g_string_append_printf (cut, "%s at %g×%g: %s\n", japanese ? "Japanese" : "English",
                                      slides[s].width, slides[s].height, label);
          }
        scs_radar_layout_clear (&layout);
      }
  if (cut->len > 0)
    g_error ("labels that do not say what their axis is:\n%s", cut->str);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The report's radar page, ★3 and ★4, in both languages, in the chart's room on A4 and A3
 * landscape (with and without the paragraph on follow-up verdicts): every label is its id
 * and its whole title, nothing ellipsized, no text under 7 pt, the labels apart, off the
 * plot and inside the room, and the plot not tiny. In the same room the dashboard's way
 * shortens some title: 「2-1 サイバーセキュリティサプライチェーンリスクマ…」 before the page
 * asked for whole titles. */
static void
test_page_labels_whole (void)
{
  const struct { double width, height; } rooms[] = {
    { 477, 445 }, { 477, 400 }, { 693, 690 },
  };
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  ScsFramework *framework = scs_catalog_get_latest (catalog, "scs");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(GString) cut = g_string_new (NULL);
  guint shortened = 0;

  for (int level = 3; level <= 4; level++)
    for (int japanese = 0; japanese <= 1; japanese++)
      for (guint r = 0; r < G_N_ELEMENTS (rooms); r++)
        {
          g_autoptr(ScsEngagement) engagement = scs_engagement_new (framework, level);
          g_autoptr(ScsRadarData) data = scs_engagement_radar_new (engagement, SCS_RADAR_ALL,
                                                                   SCS_COUNT_CONFIRMED, FALSE);
          ScsRadarStyle style;
          ScsRadarLayout layout;

          title_axes (data, scs_framework_get_subcategories (framework, level), japanese);
          g_assert_cmpuint (data->axes->len, ==, level == 3 ? 12 : 16);
          scs_report_radar_style (&style);
          g_assert_true (style.whole_labels);
          scs_radar_layout_compute (&layout, context, data, &style, rooms[r].width, rooms[r].height);
          if (!layout.geometry.fits)
            g_string_append_printf (cut, "★%d %s %g×%g: the labels do not fit\n", level,
                                    japanese ? "ja" : "en", rooms[r].width, rooms[r].height);
          g_assert_cmpfloat (layout.geometry.radius, >=, 0.15 * MIN (rooms[r].width, rooms[r].height));
          for (guint i = 0; i < data->axes->len; i++)
            {
              const ScsRadarAxis *axis = g_ptr_array_index (data->axes, i);
              g_autofree char *title = g_markup_escape_text (axis->title, -1);
              g_autofree char *whole = g_strdup_printf ("<b>%s</b> %s", axis->id, title);
              PangoLayout *label = g_ptr_array_index (layout.label_layouts, i);
              const ScsRadarAxisGeometry *a = &layout.geometry.axes[i];

              if (!g_str_equal (g_ptr_array_index (layout.labels, i), whole) ||
                  pango_layout_is_ellipsized (label))
                g_string_append_printf (cut, "★%d %s %g×%g: %s\n", level, japanese ? "ja" : "en",
                                        rooms[r].width, rooms[r].height,
                                        (char *) g_ptr_array_index (layout.labels, i));
              g_assert_cmpfloat (font_pixels (label), >=, 7);
              g_assert_true (a->label_x >= 0 && a->label_y >= 0 &&
                             a->label_x + a->label_width <= rooms[r].width &&
                             a->label_y + a->label_height <= rooms[r].height);
            }
          scs_radar_layout_clear (&layout);

          /* What the page had before: the first fashion that fits, titles shortened. */
          style.whole_labels = FALSE;
          scs_radar_layout_compute (&layout, context, data, &style, rooms[r].width, rooms[r].height);
          for (guint i = 0; i < layout.labels->len; i++)
            shortened += g_str_has_suffix (g_ptr_array_index (layout.labels, i), "…");
          scs_radar_layout_clear (&layout);
        }
  if (cut->len > 0)
    g_error ("labels not whole on the report's radar page:\n%s", cut->str);
  g_assert_cmpuint (shortened, >, 0);

  /* A room too small for whole titles even at 7 pt: the labels are shortened as elsewhere,
   * each still led by its id, rather than drawn over each other. */
  {
    g_autoptr(ScsEngagement) engagement = scs_engagement_new (framework, 4);
    g_autoptr(ScsRadarData) data = scs_engagement_radar_new (engagement, SCS_RADAR_ALL,
                                                             SCS_COUNT_CONFIRMED, FALSE);
    ScsRadarStyle style;
    ScsRadarLayout layout;

    scs_report_radar_style (&style);
    scs_radar_layout_compute (&layout, context, data, &style, 220, 180);
    g_assert_cmpuint (layout.labels->len, ==, 16);
    for (guint i = 0; i < layout.labels->len; i++)
      {
        const ScsRadarAxis *axis = g_ptr_array_index (data->axes, i);
        g_autofree char *start = g_strdup_printf ("<b>%s</b>", axis->id);

        g_assert_true (g_str_has_prefix (g_ptr_array_index (layout.labels, i), start));
      }
    scs_radar_layout_clear (&layout);
  }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  unsigned char *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);

  return ((guint32 *) row)[x];
}

static double
channel (guint32 argb,
         int     shift)
{
  return ((argb >> shift) & 0xff) / 255.0;
}

/* Drawn on a transparent image: the series' colour at its vertices, nothing at the
 * corners (the routine does not paint the whole target). */
static void
test_pixels (void)
{
  const int w = 600, h = 600;
  g_autoptr(ScsRadarData) data = make_data (6, 0.6);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  ScsRadarStyle style;
  ScsRadarLayout layout;

  scs_radar_style_init_light (&style);
  scs_radar_layout_compute (&layout, context, data, &style, w, h);
  scs_radar_draw (cr, data, &style, w, h);
  cairo_surface_flush (surface);

  g_assert_cmpuint (pixel_at (surface, 0, 0), ==, 0);
  g_assert_cmpuint (pixel_at (surface, w - 1, h - 1), ==, 0);
  for (guint i = 0; i < 6; i++)
    {
      double x, y;
      guint32 p;

      scs_radar_geometry_point (&layout.geometry, i, 0.6, &x, &y);
      p = pixel_at (surface, (int) round (x), (int) round (y));
      /* Opaque, and the palette's first colour (premultiplied at alpha 1: as is). */
      g_assert_cmpfloat (channel (p, 24), >, 0.99);
      g_assert_cmpfloat (fabs (channel (p, 16) - style.palette[0].red), <, 0.02);
      g_assert_cmpfloat (fabs (channel (p, 8) - style.palette[0].green), <, 0.02);
      g_assert_cmpfloat (fabs (channel (p, 0) - style.palette[0].blue), <, 0.02);
    }
  scs_radar_layout_clear (&layout);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The series layer never covers an axis label: printed values at the rim go on the side
 * of the vertex facing the centre, and the frame drawn alone is the same as under the
 * full chart. */
static void
test_values_clear_of_labels (void)
{
  const int w = 700, h = 600;
  g_autoptr(ScsRadarData) data = make_data (12, 1.0);
  cairo_surface_t *values = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (values);
  PangoContext *context = pango_cairo_create_context (cr);
  ScsRadarStyle style;
  ScsRadarLayout layout;
  guint checked = 0;

  scs_radar_style_init_light (&style);
  style.show_values = TRUE;
  scs_radar_layout_compute (&layout, context, data, &style, w, h);
  scs_radar_draw_values (cr, &layout, data, &style);
  cairo_surface_flush (values);
  g_assert_cmpuint (pixel_at (values, w / 2, 1), ==, 0);
  for (guint i = 0; i < layout.geometry.n_axes; i++)
    {
      const ScsRadarAxisGeometry *a = &layout.geometry.axes[i];

      for (int y = (int) ceil (a->label_y); y < (int) floor (a->label_y + a->label_height); y++)
        for (int x = (int) ceil (a->label_x); x < (int) floor (a->label_x + a->label_width); x++)
          {
            g_assert_cmpuint (pixel_at (values, x, y) >> 24, <, 0x20);
            checked++;
          }
    }
  g_assert_cmpuint (checked, >, 1000);
  /* And the values are drawn: the first vertex is the series' colour. */
  {
    double x, y;

    scs_radar_geometry_point (&layout.geometry, 0, 1.0, &x, &y);
    g_assert_cmpuint (pixel_at (values, (int) round (x), (int) round (y)) >> 24, ==, 0xff);
  }
  scs_radar_layout_clear (&layout);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (values);
}

/* No values at all: the rings and spokes are drawn, and the note sits on a plate in
 * the middle. */
static void
test_empty (void)
{
  const int w = 500, h = 500;
  g_autoptr(ScsRadarData) data = make_data (12, SCS_RADAR_NA);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  ScsRadarStyle style;
  ScsRadarLayout layout;
  double x, y;

  g_assert_false (scs_radar_data_has_values (data));
  scs_radar_style_init_light (&style);
  scs_radar_layout_compute (&layout, context, data, &style, w, h);
  scs_radar_draw (cr, data, &style, w, h);
  cairo_surface_flush (surface);

  /* The outer ring, half way between two spokes' ends. */
  x = (layout.geometry.axes[3].x + layout.geometry.axes[4].x) / 2;
  y = (layout.geometry.axes[3].y + layout.geometry.axes[4].y) / 2;
  g_assert_cmpfloat (channel (pixel_at (surface, (int) x, (int) y), 24), >, 0.1);
  /* The plate under the note, opaque enough to hide the spokes. */
  g_assert_cmpfloat (channel (pixel_at (surface, (int) layout.geometry.cx + 1,
                                        (int) layout.geometry.cy + 1), 24), >, 0.9);
  scs_radar_layout_clear (&layout);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static double
luminance (const ScsRadarColor *c)
{
  double v[3] = { c->red, c->green, c->blue };

  for (int i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double
contrast (const ScsRadarColor *a,
          const ScsRadarColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Both styles: texts at 7:1 on their background, every series at 3:1 (WCAG's figures
 * for text and for graphics). */
static void
test_contrast (void)
{
  ScsRadarStyle styles[2];

  scs_radar_style_init_light (&styles[0]);
  scs_radar_style_init_dark (&styles[1]);
  for (guint s = 0; s < 2; s++)
    {
      g_assert_cmpfloat (contrast (&styles[s].foreground, &styles[s].background), >=, 7);
      for (guint i = 0; i < SCS_RADAR_N_COLORS; i++)
        if (contrast (&styles[s].palette[i], &styles[s].background) < 3)
          g_error ("style %u, colour %u: contrast %.2f", s, i,
                   contrast (&styles[s].palette[i], &styles[s].background));
    }
}

/* GMarkup accepts it and its root is <svg>. */
static void
svg_start (GMarkupParseContext *context,
           const char          *element,
           const char         **names,
           const char         **values,
           gpointer             user_data,
           GError             **error)
{
  char **root = user_data;

  if (*root == NULL)
    *root = g_strdup (element);
}

/* PNG, SVG and PDF exports of the example: the files are what they say, and the PDF's
 * text holds every axis id. */
static void
test_exports (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autofree char *example = g_build_filename (g_getenv ("SCS_TEST_DATA"), "..", "..", "data",
                                               "samples", "example-aaa.scsa", NULL);
  g_autoptr(ScsEngagement) engagement = scs_test_load (catalog, example);
  g_autoptr(ScsRadarData) data = scs_engagement_radar_new (engagement, SCS_RADAR_ALL, SCS_COUNT_WITH_FOLLOW_UP, TRUE);
  g_autofree char *dir = g_dir_make_tmp ("scs-radar-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "radar.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "radar.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "radar.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "radar.gif", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *root = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GMarkupParser parser = { .start_element = svg_start };
  GMarkupParseContext *markup;
  cairo_surface_t *image;
  ScsRadarStyle style;
  gsize length;
  int status;
  const char *argv[] = { "pdftotext", "-q", pdf, "-", NULL };

  scs_radar_style_init_light (&style);
  g_assert_cmpuint (data->axes->len, ==, 12);
  g_assert_true (scs_radar_export (data, &style, png, 1920, 1080, &error));
  g_assert_no_error (error);
  g_assert_true (scs_radar_export (data, &style, svg, 1920, 1080, &error));
  g_assert_true (scs_radar_export (data, &style, pdf, 1920, 1080, &error));
  g_assert_false (scs_radar_export (data, &style, bad, 100, 100, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1080);
  /* An export has its own background: white in the light style. */
  g_assert_cmphex (pixel_at (image, 0, 0), ==, 0xffffffff);
  cairo_surface_destroy (image);

  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  markup = g_markup_parse_context_new (&parser, 0, &root, NULL);
  g_assert_true (g_markup_parse_context_parse (markup, contents, length, NULL));
  g_assert_true (g_markup_parse_context_end_parse (markup, NULL));
  g_markup_parse_context_free (markup);
  g_assert_cmpstr (root, ==, "svg");

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (guint i = 0; i < data->axes->len; i++)
    {
      const ScsRadarAxis *axis = g_ptr_array_index (data->axes, i);

      if (strstr (text, axis->id) == NULL)
        g_error ("pdftotext does not find axis %s in:\n%s", axis->id, text);
    }

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

static ScsAssessment *
assess (ScsEngagement *engagement,
        const char    *id,
        const char    *verdict,
        const char    *company)
{
  ScsAssessment *a = scs_engagement_ensure_assessment (engagement, id);

  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_VERDICT, verdict);
  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_COMPANY_STATUS, company);
  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_EXPERT_COMMENT, "理由");
  return a;
}

/* The peers' figure for subcategory at band, read from the source TSV in data/frameworks/sources. */
static int
reference_benchmark (const char *subcategory,
                     const char *column)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_REFERENCE_DIR"),
                                            "star3-benchmark-2025.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  int col = -1;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      if (lines[i][0] == '#' || cells[0] == NULL || cells[1] == NULL)
        continue;
      if (header == NULL)
        {
          header = g_strdupv (cells);
          for (guint c = 0; header[c] != NULL; c++)
            if (g_str_equal (header[c], column))
              col = c;
          g_assert_cmpint (col, >=, 0);
          continue;
        }
      if (g_str_equal (cells[1], subcategory))
        return atoi (cells[col]);
    }
  return -1;
}

/* A fresh ★3 engagement: the series hold what was recorded, worked out here by hand, and
 * nothing where nothing was recorded. */
static void
test_engagement_series (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  ScsFramework *framework = scs_catalog_get_latest (catalog, "scs");
  g_autoptr(ScsEngagement) engagement = scs_engagement_new (framework, 3);
  g_autoptr(ScsRadarData) data = NULL;
  ScsRadarSeries *expert, *company, *current, *target, *peers;
  ScsMaturity *maturity;
  guint at = G_MAXUINT;

  /* 1-3 has the criteria 1-3-1-1, 1-3-1-2, 1-3-1-3 at ★3. */
  assess (engagement, "1-3-1-1", "conforms", "done");
  assess (engagement, "1-3-1-2", "conforms", "partly");
  assess (engagement, "1-3-1-3", "needs_improvement", "done");
  maturity = scs_engagement_ensure_maturity (engagement, "1-3");
  scs_record_set_int (SCS_RECORD (maturity), SCS_M_MATURITY_CURRENT, 2);
  scs_record_set_int (SCS_RECORD (maturity), SCS_M_MATURITY_TARGET, 4);
  scs_record_set_string (SCS_RECORD (scs_engagement_get_company (engagement)), SCS_M_COMPANY_EMPLOYEE_BAND,
                         "51-100");

  data = scs_engagement_radar_new (engagement, SCS_RADAR_ALL, SCS_COUNT_WITH_FOLLOW_UP, FALSE);
  g_assert_true (scs_radar_data_has_values (data));
  {
    /* The peers alone do not make a chart: a new engagement shows the empty note. */
    g_autoptr(ScsEngagement) fresh = scs_engagement_new (framework, 3);
    g_autoptr(ScsRadarData) empty = scs_engagement_radar_new (fresh, SCS_RADAR_ALL, SCS_COUNT_WITH_FOLLOW_UP, FALSE);
    ScsRadarSeries *fresh_peers = g_ptr_array_index (empty->series, 4);

    g_assert_cmpfloat (fresh_peers->values[0], >=, 0);
    g_assert_false (scs_radar_data_has_values (empty));
  }
  g_assert_cmpuint (data->axes->len, ==, 12);
  g_assert_cmpuint (data->series->len, ==, 5);
  for (guint i = 0; i < data->axes->len; i++)
    if (g_str_equal (((ScsRadarAxis *) g_ptr_array_index (data->axes, i))->id, "1-3"))
      at = i;
  g_assert_cmpuint (at, <, 12);
  expert = g_ptr_array_index (data->series, 0);
  company = g_ptr_array_index (data->series, 1);
  current = g_ptr_array_index (data->series, 2);
  target = g_ptr_array_index (data->series, 3);
  peers = g_ptr_array_index (data->series, 4);

  CLOSE (expert->values[at], 2.0 / 3);
  CLOSE (company->values[at], (1 + 0.5 + 1) / 3);
  CLOSE (current->values[at], 2.0 / 5);
  CLOSE (target->values[at], 4.0 / 5);
  CLOSE (peers->values[at], reference_benchmark ("1-3", "emp_51_100") / 100.0);
  g_assert_nonnull (data->footnote);
  for (guint i = 0; i < data->axes->len; i++)
    {
      const char *id = ((ScsRadarAxis *) g_ptr_array_index (data->axes, i))->id;
      int figure = reference_benchmark (id, "emp_51_100");

      if (i == at)
        continue;
      g_assert_cmpfloat (expert->values[i], ==, SCS_RADAR_NA);
      g_assert_cmpfloat (company->values[i], ==, SCS_RADAR_NA);
      g_assert_cmpfloat (current->values[i], ==, SCS_RADAR_NA);
      if (figure >= 0)
        CLOSE (peers->values[i], figure / 100.0);
      else
        g_assert_cmpfloat (peers->values[i], ==, SCS_RADAR_NA);
    }
}

int
main (int argc, char *argv[])
{
  scs_test_init (&argc, &argv);
  g_test_add_func ("/radar/geometry-known", test_geometry_known);
  g_test_add_func ("/radar/geometry-overlap", test_geometry_overlap);
  g_test_add_func ("/radar/layout-fits", test_layout_fits);
  g_test_add_func ("/radar/min-font-size", test_min_font_size);
  g_test_add_func ("/radar/slide-labels-whole", test_slide_labels_whole);
  g_test_add_func ("/radar/page-labels-whole", test_page_labels_whole);
  g_test_add_func ("/radar/pixels", test_pixels);
  g_test_add_func ("/radar/values-clear-of-labels", test_values_clear_of_labels);
  g_test_add_func ("/radar/empty", test_empty);
  g_test_add_func ("/radar/contrast", test_contrast);
  g_test_add_func ("/radar/exports", test_exports);
  g_test_add_func ("/radar/engagement-series", test_engagement_series);
  return g_test_run ();
}
