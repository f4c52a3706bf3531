/* test-dashboard.c — the dashboard of the example, its radar widget and its table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "scs-radar-view.h"
#include "scs-ui-test.h"

static ScsApplication *app;

static ScsWindow *
open_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                            "example-aaa.scsa", NULL);
  ScsWindow *window = scs_ui_test_open_copy (app, path, NULL);
  AdwViewStack *stack = scs_ui_test_child (window, SCS_TYPE_WINDOW, "view_stack");

  adw_view_stack_set_visible_child_name (stack, "dashboard");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  scs_ui_test_flush ();
  return window;
}

static gpointer
dashboard_child (ScsWindow  *window,
                 const char *name)
{
  return scs_ui_test_child (scs_window_get_dashboard_page (window), SCS_TYPE_DASHBOARD_PAGE, name);
}

/* The texts of the labels under widget, in order. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, texts);
}

static gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      return TRUE;
  return FALSE;
}

static const char *
grid_text (GtkGrid *grid,
           int      column,
           int      row)
{
  GtkWidget *cell = gtk_grid_get_child_at (grid, column, row);

  g_assert_true (GTK_IS_LABEL (cell));
  return gtk_label_get_text (GTK_LABEL (cell));
}

/* The cards and the table say what core computes; the radar draws the same data. */
static void
test_figures (void)
{
  ScsWindow *window = open_example ();
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsFramework *framework = scs_engagement_get_framework (engagement);
  GListModel *subs = scs_framework_get_subcategories (framework, scs_engagement_get_level (engagement));
  GtkGrid *table = dashboard_child (window, "table");
  ScsRadarView *radar = dashboard_child (window, "radar");
  const ScsRadarData *data = scs_radar_view_get_data (radar);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autofree char *answered = NULL;
  g_autofree char *inflated = NULL;
  ScsTally total;

  scs_engagement_tally (engagement, NULL, SCS_COUNT_CONFIRMED, &total);
  collect_labels (dashboard_child (window, "cards"), cards);
  answered = g_strdup_printf ("%u/%u", total.n_answered, total.n_criteria);
  inflated = g_strdup_printf ("%u", total.n_inflated);
  g_assert_true (has_text (cards, answered));
  g_assert_true (has_text (cards, inflated));
  g_assert_true (has_text (cards, "rated higher by the company than by the expert"));
  /* The example's two verdicts marked for follow-up (2-1-1-1 conforms, 4-3-4-2 does not)
   * are not counted, and a card says so. */
  g_assert_cmpuint (total.n_uncounted, ==, 2);
  g_assert_true (has_text (cards, "79/81"));
  g_assert_true (has_text (cards, "verdicts marked for follow-up, not counted until confirmed"));

  g_assert_nonnull (data);
  g_assert_cmpuint (data->axes->len, ==, g_list_model_get_n_items (subs));
  g_assert_cmpstr (grid_text (table, 1, 0), ==, "Expert: conformance");
  g_assert_cmpstr (grid_text (table, 2, 0), ==, "Company: self-assessment");
  for (guint i = 0; i < g_list_model_get_n_items (subs); i++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, i);
      g_autofree char *rate = NULL;
      g_autofree char *company = NULL;
      ScsTally t;

      scs_engagement_tally (engagement, sub, SCS_COUNT_CONFIRMED, &t);
      rate = g_strdup_printf ("%.0f%%", scs_tally_get_rate (&t) * 100);
      company = scs_tally_get_company_rate (&t) >= 0
                ? g_strdup_printf ("%.0f%%", scs_tally_get_company_rate (&t) * 100)
                : g_strdup ("n/a");
      g_assert_true (g_str_has_prefix (grid_text (table, 0, i + 1), scs_node_get_id (sub)));
      g_assert_cmpstr (grid_text (table, 1, i + 1), ==, rate);
      g_assert_cmpstr (grid_text (table, 2, i + 1), ==, company);
      if (g_str_equal (scs_node_get_id (sub), "2-1"))
        g_assert_cmpstr (rate, ==, "50%");
    }
  scs_ui_test_destroy (window);
}

/* An image to assistive technology, described with every axis and value; every axis can
 * be hit with the pointer, and a hit opens the subcategory in the workspace. */
static void
test_radar_widget (void)
{
  ScsWindow *window = open_example ();
  ScsRadarView *radar = dashboard_child (window, "radar");
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsFramework *framework = scs_engagement_get_framework (engagement);
  GListModel *subs = scs_framework_get_subcategories (framework, scs_engagement_get_level (engagement));
  g_autofree char *description = scs_radar_data_describe (scs_radar_view_get_data (radar));
  int width = gtk_widget_get_width (GTK_WIDGET (radar));
  int height = gtk_widget_get_height (GTK_WIDGET (radar));
  g_autofree gboolean *hit = g_new0 (gboolean, g_list_model_get_n_items (subs));
  AdwViewStack *stack = scs_ui_test_child (window, SCS_TYPE_WINDOW, "view_stack");

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (radar), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (radar), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);
  for (guint i = 0; i < g_list_model_get_n_items (subs); i++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, i);
      g_autofree char *named = g_strdup_printf ("%s %s:", scs_node_get_id (sub), scs_node_get_title (sub));

      g_assert_nonnull (strstr (description, named));
    }
  g_assert_nonnull (strstr (description, "Expert: conformance 100%"));

  g_assert_cmpint (width, >, 300);
  for (int y = 0; y < height; y += 3)
    for (int x = 0; x < width; x += 3)
      {
        int axis = scs_radar_view_axis_at (radar, x, y);

        if (axis >= 0)
          hit[axis] = TRUE;
      }
  for (guint i = 0; i < g_list_model_get_n_items (subs); i++)
    g_assert_true (hit[i]);
  g_assert_cmpint (scs_radar_view_axis_at (radar, width / 2.0, height / 2.0 + 2), ==, -1);

  g_signal_emit_by_name (radar, "axis-activated", "4-3");
  SCS_UI_TEST_WAIT_FOR (g_str_equal (adw_view_stack_get_visible_child_name (stack), "assessment"),
                        "the criteria view");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "assessment");
  g_assert_cmpstr (scs_node_get_id (scs_window_get_node (window)), ==, "4-3");
  scs_ui_test_destroy (window);
}

/* An edit redraws the series it changes over the frame and series kept from before; a
 * change of the legend or of the size lays the frame out again. */
static void
test_radar_redraws_values_only (void)
{
  ScsWindow *window = open_example ();
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsRadarView *radar = dashboard_child (window, "radar");
  GtkWidget *series_box = dashboard_child (window, "series_box");
  GtkWidget *peers = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (series_box), 4));
  const ScsRadarData *before = scs_radar_view_get_data (radar);
  guint n_series = before->series->len;
  guint frames, series, frames_after, series_after;
  int width, height;

  SCS_UI_TEST_WAIT_FOR ((scs_radar_view_get_draw_counts (radar, &frames, &series),
                         frames >= 1 && series >= n_series), "the radar to be drawn");
  g_assert_cmpuint (frames, >=, 1);
  g_assert_cmpuint (series, >=, n_series);

  /* A verdict changes: new values for the expert's series, the same axes and legend. */
  scs_record_set_string (SCS_RECORD (scs_engagement_ensure_assessment (engagement, "1-2-1-1")),
                         SCS_M_ASSESSMENT_VERDICT, "needs-improvement");
  SCS_UI_TEST_WAIT_FOR ((scs_radar_view_get_draw_counts (radar, &frames_after, &series_after),
                         scs_radar_view_get_data (radar) != before && series_after > series),
                        "the radar to draw the new values");
  g_assert_true (scs_radar_view_get_data (radar) != before);
  scs_radar_view_get_draw_counts (radar, &frames_after, &series_after);
  g_assert_cmpuint (frames_after, ==, frames);
  g_assert_cmpuint (series_after, >, series);
  g_assert_cmpuint (series_after - series, <, n_series);

  /* The peers off: the legend changes, so does the frame, and every series is drawn. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (peers), FALSE);
  SCS_UI_TEST_WAIT_FOR ((scs_radar_view_get_draw_counts (radar, &frames, &series),
                         frames > frames_after), "the radar without the peers");
  g_assert_cmpuint (frames, ==, frames_after + 1);
  g_assert_cmpuint (series - series_after, ==, n_series - 1);

  /* Another size: laid out again. */
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), width - 200, height);
  SCS_UI_TEST_WAIT_FOR ((scs_radar_view_get_draw_counts (radar, &frames_after, &series_after),
                         frames_after > frames), "the radar laid out at the new size");
  g_assert_cmpuint (frames_after, >, frames);
  scs_ui_test_destroy (window);
}

/* The criterion a row of the blockers list opens. */
static ScsNode *
row_node (ScsWindow     *window,
          GtkListBoxRow *row)
{
  return scs_dashboard_page_get_row_node (scs_window_get_dashboard_page (window), row);
}

/* The criterion the first row of the blockers list opens. */
static const char *
first_blocker (ScsWindow  *window,
               GtkListBox *blockers)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (blockers, 0);

  return first != NULL ? scs_node_get_id (row_node (window, first)) : NULL;
}

/* A blocker opens its criterion; an edit reaches the figures; series can be switched
 * off; the exported image has the size chosen. */
static void
test_blockers_edits_export (void)
{
  ScsWindow *window = open_example ();
  ScsEngagement *engagement = scs_window_get_engagement (window);
  GtkListBox *blockers = dashboard_child (window, "blockers_list");
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (blockers, 0);
  ScsNode *node = row_node (window, first);
  g_autofree char *id = g_strdup (scs_node_get_id (node));
  AdwViewStack *stack = scs_ui_test_child (window, SCS_TYPE_WINDOW, "view_stack");
  ScsRadarView *radar = dashboard_child (window, "radar");
  GtkGrid *table = dashboard_child (window, "table");
  g_autofree char *dir = g_dir_make_tmp ("scs-dash-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "radar.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (png);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  ScsAssessment *a;
  guint row = 0;

  g_signal_emit_by_name (blockers, "row-activated", first);
  SCS_UI_TEST_WAIT_FOR (g_str_equal (adw_view_stack_get_visible_child_name (stack), "assessment"),
                        "the criteria view");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "assessment");
  g_assert_cmpstr (scs_node_get_id (scs_window_get_node (window)), ==, id);

  /* The blocker conforms now: back on the dashboard, it is no longer listed. The example's
   * first blocker is 2-1-1-1, which conforms already but is marked for follow-up: the
   * dashboard counts confirmed verdicts only, so it stays listed until confirmed. */
  a = scs_engagement_get_assessment (engagement, id);
  g_assert_cmpstr (id, ==, "2-1-1-1");
  g_assert_true (scs_record_get_boolean (SCS_RECORD (a), SCS_M_ASSESSMENT_FOLLOW_UP));
  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_VERDICT, "conforms");
  adw_view_stack_set_visible_child_name (stack, "dashboard");
  SCS_UI_TEST_WAIT_FOR (g_strcmp0 (first_blocker (window, blockers), id) == 0, "the blocker still listed");
  first = gtk_list_box_get_row_at_index (blockers, 0);
  g_assert_cmpstr (scs_node_get_id (row_node (window, first)), ==, id);
  scs_record_set_boolean (SCS_RECORD (a), SCS_M_ASSESSMENT_FOLLOW_UP, FALSE);
  SCS_UI_TEST_WAIT_FOR (g_strcmp0 (first_blocker (window, blockers), id) != 0, "the blocker to go");
  first = gtk_list_box_get_row_at_index (blockers, 0);
  g_assert_cmpstr (scs_node_get_id (row_node (window, first)), !=, id);
  {
    ScsNode *sub = scs_node_get_ancestor (scs_ui_test_node (window, id), SCS_NODE_SUBCATEGORY);
    g_autofree char *rate = NULL;
    ScsTally t;

    scs_engagement_tally (engagement, sub, SCS_COUNT_CONFIRMED, &t);
    rate = g_strdup_printf ("%.0f%%", scs_tally_get_rate (&t) * 100);
    for (guint i = 1; gtk_grid_get_child_at (table, 0, i) != NULL; i++)
      if (g_str_has_prefix (grid_text (table, 0, i), scs_node_get_id (sub)))
        row = i;
    g_assert_cmpuint (row, >, 0);
    g_assert_cmpstr (grid_text (table, 1, row), ==, rate);
  }

  /* Switching the peers off leaves four series on the chart, five in the table. */
  {
    GtkWidget *series_box = dashboard_child (window, "series_box");
    GtkWidget *peers = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (series_box), 4));

    g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (peers)), ==, "2025 peers");
    gtk_check_button_set_active (GTK_CHECK_BUTTON (peers), FALSE);
    g_assert_cmpuint (scs_radar_view_get_data (radar)->series->len, ==, 4);
    g_assert_nonnull (gtk_grid_get_child_at (table, 5, 0));
  }

  g_assert_true (scs_dashboard_page_export_radar (scs_window_get_dashboard_page (window), file, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1080);
  cairo_surface_destroy (image);
  g_unlink (png);
  g_rmdir (dir);
  scs_ui_test_destroy (window);
}

/* In company mode only the company's own view and the peers are shown. */
static void
test_company_mode (void)
{
  ScsWindow *window;
  ScsRadarView *radar;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  window = open_example ();
  g_object_set (window, "company-preview", TRUE, NULL);
  scs_ui_test_flush ();
  radar = dashboard_child (window, "radar");
  g_assert_cmpuint (scs_radar_view_get_data (radar)->series->len, ==, 2);
  collect_labels (dashboard_child (window, "cards"), cards);
  g_assert_false (has_text (cards, "conform"));
  g_assert_true (has_text (cards, "criteria self-assessed"));
  g_assert_false (gtk_widget_get_visible (dashboard_child (window, "readiness_group")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.company-preview", NULL));
  scs_ui_test_flush ();
  g_assert_cmpuint (scs_radar_view_get_data (radar)->series->len, ==, 5);
  scs_ui_test_destroy (window);
}

int
main (int argc, char *argv[])
{
  app = scs_ui_test_init (&argc, &argv);
  g_test_add_func ("/dashboard/figures", test_figures);
  g_test_add_func ("/dashboard/radar-widget", test_radar_widget);
  g_test_add_func ("/dashboard/radar-redraws-values-only", test_radar_redraws_values_only);
  g_test_add_func ("/dashboard/blockers-edits-export", test_blockers_edits_export);
  g_test_add_func ("/dashboard/company-mode", test_company_mode);
  return g_test_run ();
}
