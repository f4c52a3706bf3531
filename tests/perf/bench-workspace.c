/* bench-workspace.c — selecting another criterion until its page is drawn, ★4 loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures, asserts nothing about speed. Three measures per criterion, all in one
 * run: the page update alone (select → widgets hold the new criterion), the update until
 * the next frame is drawn, and — the baseline — a redraw of the same window with no switch.
 * The goal is that the update fits in one frame (16 ms).
 */
#include <stdio.h>

#include "scs-ui-test.h"

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *ms)
{
  g_array_sort (ms, compare);
  printf ("%-38s median %6.2f ms   p95 %6.2f ms   max %6.2f ms   (n=%u)\n", what,
          g_array_index (ms, double, ms->len / 2),
          g_array_index (ms, double, (ms->len * 95) / 100),
          g_array_index (ms, double, ms->len - 1), ms->len);
}

int
main (int argc, char *argv[])
{
  ScsApplication *app = scs_ui_test_init (&argc, &argv);
  ScsFramework *framework = scs_catalog_get_latest (scs_application_get_catalog (app), "scs");
  g_autoptr(ScsEngagement) engagement = scs_engagement_new (framework, 4);
  ScsWindow *window = scs_window_new (app);
  GListModel *criteria = scs_framework_get_assessables (framework, 4);
  guint n = g_list_model_get_n_items (criteria);
  g_autoptr(GArray) update = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  double median_drawn, median_base;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  scs_window_set_engagement (window, engagement, NULL, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  printf ("★4 engagement, %u criteria, window 1366×768, GSK_RENDERER=%s\n", n,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");

  /* Round 0 warms caches; round 1 steps to the next criterion as Alt+Down does; round 2
   * jumps across the tree (stride 37), as a click on a far row or a search result does. */
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(ScsNode) node = g_list_model_get_item (criteria, round == 2 ? (i * 37) % n : i);
        gint64 t0, t1, t2, t3, t4;
        double ms;

        t0 = g_get_monotonic_time ();
        scs_sidebar_select (scs_window_get_sidebar (window), node);
        t1 = g_get_monotonic_time ();
        gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
        t2 = g_get_monotonic_time ();
        gtk_widget_queue_draw (GTK_WIDGET (window));
        t3 = g_get_monotonic_time ();
        gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
        t4 = g_get_monotonic_time ();
        if (round == 0)
          continue;
        if (round == 2 && i == 0)
          {
            report ("next criterion: page update", update);
            report ("next criterion: until drawn", drawn);
            g_array_set_size (update, 0);
            g_array_set_size (drawn, 0);
          }
        ms = (t1 - t0) / 1000.0;
        g_array_append_val (update, ms);
        ms = (t2 - t0) / 1000.0;
        g_array_append_val (drawn, ms);
        ms = (t4 - t3) / 1000.0;
        g_array_append_val (baseline, ms);
      }

  report ("jump across the tree: page update", update);
  report ("jump across the tree: until drawn", drawn);
  report ("baseline: redraw without a switch", baseline);
  median_drawn = g_array_index (drawn, double, drawn->len / 2);
  median_base = g_array_index (baseline, double, baseline->len / 2);
  printf ("ratio jump/baseline redraw (medians): %.1f\n", median_drawn / median_base);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
