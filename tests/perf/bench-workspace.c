/* bench-workspace.c — selecting another criterion until its page is drawn, ★4 loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures, asserts nothing about speed. For each switch, in one run:
 *   select   the call that selects the criterion (sidebar and page take the new node);
 *   frame    the next frame of the window, from the frame clock's "before-paint" to the end
 *            of its paint (layout of what changed, snapshot, rendering);
 *   work     select + frame: the time spent on the switch, the figure the goal is for
 *            (within one frame, 16 ms);
 *   wall     from the call to the end of the paint, with the wait for the frame clock's
 *            tick; each switch starts after 20 ms idle, as a key press would.
 * The baseline is the frame of a plain redraw of the same window with no switch.
 */
#include <stdio.h>

#include "scs-ui-test.h"

typedef struct {
  const char *name;
  GArray     *ms;
} Series;

static gint64 frame_start;

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
}

/* The main loop running with nothing to do for msec: a pause on purpose, not a wait. */
static void
idle_for (guint msec)
{
  gint64 until = g_get_monotonic_time () + (gint64) msec * 1000;

  SCS_UI_TEST_WAIT_FOR (g_get_monotonic_time () >= until, "the pause to end");
  scs_ui_test_flush ();
}

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *ms)
{
  g_array_sort (ms, compare);
  return g_array_index (ms, double, ms->len / 2);
}

static void
report (const char *what,
        GArray     *ms)
{
  double mid = median (ms);

  printf ("%-32s median %6.2f ms   p95 %6.2f ms   max %6.2f ms   (n=%u)\n", what, mid,
          g_array_index (ms, double, (ms->len * 95) / 100),
          g_array_index (ms, double, ms->len - 1), ms->len);
}

static void
add (GArray *ms,
     gint64  from,
     gint64  to)
{
  double value = (to - from) / 1000.0;

  g_array_append_val (ms, value);
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
  const char *rounds[] = { NULL, "next criterion", "jump across the tree" };
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  double work_next = 0, work_jump = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  scs_window_set_engagement (window, engagement, NULL, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint",
                    G_CALLBACK (on_before_paint), NULL);
  printf ("★4 engagement, %u criteria, window 1366×768, GSK_RENDERER=%s\n", n,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");

  /* Round 0 warms caches; round 1 steps to the next criterion as Alt+Down does; round 2
   * jumps across the tree (stride 37), as a click on a far row or a search result does. */
  for (guint round = 0; round < G_N_ELEMENTS (rounds); round++)
    {
      g_autoptr(GArray) select = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *label = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ScsNode) node = g_list_model_get_item (criteria,
                                                           round == 2 ? (i * 37) % n : i);
          gint64 t0, t1, t2, f2, t3, f4;
          double sum;

          /* A key press comes while the window is idle, not right after a frame. */
          idle_for (20);
          t0 = g_get_monotonic_time ();
          scs_sidebar_select (scs_window_get_sidebar (window), node);
          t1 = g_get_monotonic_time ();
          gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
          t2 = g_get_monotonic_time ();
          f2 = frame_start;
          gtk_widget_queue_draw (GTK_WIDGET (window));
          gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
          t3 = g_get_monotonic_time ();
          f4 = frame_start;

          add (select, t0, t1);
          add (frame, f2, t2);
          sum = (t1 - t0 + t2 - f2) / 1000.0;
          g_array_append_val (work, sum);
          add (wall, t0, t2);
          if (round > 0)
            add (baseline, f4, t3);
        }
      if (rounds[round] == NULL)
        continue;
      label = g_strconcat (rounds[round], ": select", NULL);
      report (label, select);
      g_free (label);
      label = g_strconcat (rounds[round], ": frame", NULL);
      report (label, frame);
      g_free (label);
      label = g_strconcat (rounds[round], ": work", NULL);
      report (label, work);
      g_free (label);
      label = g_strconcat (rounds[round], ": wall", NULL);
      report (label, wall);
      *(round == 1 ? &work_next : &work_jump) = median (work);
    }

  report ("baseline: frame of a redraw", baseline);
  printf ("ratio work/baseline frame (medians): next %.1f, jump %.1f\n",
          work_next / median (baseline), work_jump / median (baseline));
  printf ("goal: work within one frame (16 ms): next %s, jump %s\n",
          work_next <= 16.0 ? "met" : "not met", work_jump <= 16.0 ? "met" : "not met");
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
