/* test-layout.c — every view in a 1024×600 window: nothing scrolls sideways, the window
 * asks for no more width than it has, the sidebar and the criterion's texts give way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Failures are gathered, so one run names every view that does not fit.
 */
#include "scs-engagement-page.h"
#include "scs-sidebar-row.h"
#include "scs-ui-test.h"

#define FAIL(...) G_STMT_START { g_test_message (__VA_ARGS__); g_test_fail (); } G_STMT_END

#define WIDTH 1024
#define HEIGHT 600

static ScsApplication *app;

/* The example, copied, in a window made at 1024×600 (scs_ui_test_open_copy makes 1366×768). */
static ScsWindow *
open_small (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                            "example-aaa.scsa", NULL);
  g_autofree char *dir = g_dir_make_tmp ("scs-layout-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "example-aaa.scsa", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  gsize length;
  ScsWindow *window = scs_window_new (app);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  scs_window_open_file (window, file);
  SCS_UI_TEST_WAIT_FOR (scs_window_get_engagement (window) != NULL, "the example open");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
settle (ScsWindow *window)
{
  scs_ui_test_flush ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  scs_ui_test_flush ();
}

/* The chain of widgets that asks for the most width, for the failure message. */
static void
describe_widest (GtkWidget *widget,
                 GString   *out)
{
  while (widget != NULL)
    {
      GtkWidget *widest = NULL;
      int widest_min = -1;

      for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
        {
          int minimum = 0;

          if (!gtk_widget_get_visible (c))
            continue;
          gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
          if (minimum > widest_min)
            widest = c, widest_min = minimum;
        }
      if (widest != NULL)
        g_string_append_printf (out, " > %s%s%s %d", G_OBJECT_TYPE_NAME (widest),
                                gtk_widget_get_name (widest)[0] != '\0' ? "#" : "",
                                gtk_widget_get_name (widest), widest_min);
      widget = widest;
    }
}

/* Whether widget got less width than it asks for: cut off on the right. */
static void
check_cut (GtkWidget  *widget,
           const char *view)
{
  int minimum = 0;

  if (widget == NULL || !gtk_widget_get_mapped (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (gtk_widget_get_width (widget) + gtk_widget_get_margin_start (widget) +
      gtk_widget_get_margin_end (widget) < minimum)
    {
      g_autoptr(GString) chain = g_string_new (NULL);

      describe_widest (widget, chain);
      FAIL ("%s: a %s is cut off (%d px for %d):%s", view, G_OBJECT_TYPE_NAME (widget),
            gtk_widget_get_width (widget), minimum, chain->str);
    }
}

/* Every scrolled window on show under widget whose content is wider than its view, and
 * every pane's side and scrolled content given less width than it needs: a pane that may
 * shrink its child cuts it off instead of scrolling, as bad. */
static void
check_sideways (GtkWidget  *widget,
                const char *view)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_PANED (widget))
    {
      GtkWidget *end = gtk_paned_get_end_child (GTK_PANED (widget));
      graphene_rect_t bounds;

      check_cut (gtk_paned_get_start_child (GTK_PANED (widget)), view);
      check_cut (end, view);
      /* GtkPaned gives a child its minimum even past its own right edge. */
      if (gtk_widget_get_mapped (end) && gtk_widget_compute_bounds (end, widget, &bounds) &&
          bounds.origin.x + bounds.size.width > gtk_widget_get_width (widget) + 0.5)
        FAIL ("%s: a pane's %s runs %g px off its right edge", view, G_OBJECT_TYPE_NAME (end),
              bounds.origin.x + bounds.size.width - gtk_widget_get_width (widget));
    }
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget));

      check_cut (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget)), view);
      if (gtk_adjustment_get_upper (h) > gtk_adjustment_get_page_size (h) + 0.5)
        FAIL ("%s: a %s under %s scrolls sideways (%g px of content in %g)", view,
              G_OBJECT_TYPE_NAME (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget))),
              G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
              gtk_adjustment_get_upper (h), gtk_adjustment_get_page_size (h));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    check_sideways (c, view);
}

static void
check_view (ScsWindow  *window,
            const char *view)
{
  int minimum = 0, natural = 0;

  settle (window);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  if (minimum > WIDTH)
    {
      g_autoptr(GString) chain = g_string_new (NULL);

      describe_widest (GTK_WIDGET (window), chain);
      FAIL ("%s: the window needs %d px of width:%s", view, minimum, chain->str);
    }
  if (gtk_widget_get_width (GTK_WIDGET (window)) > WIDTH)
    FAIL ("%s: the window grew to %d px", view, gtk_widget_get_width (GTK_WIDGET (window)));
  check_sideways (GTK_WIDGET (window), view);
}

/* Rows of the sidebar on show whose title got less room than their status. */
static guint
count_crushed_rows (GtkWidget *widget)
{
  guint crushed = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  if (SCS_IS_SIDEBAR_ROW (widget))
    {
      GtkWidget *box = gtk_widget_get_first_child (widget);
      /* id, title, marks…, status image, status label */
      GtkWidget *title = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
      GtkWidget *status = gtk_widget_get_last_child (box);

      return gtk_widget_get_width (title) < gtk_widget_get_width (status) ? 1 : 0;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    crushed += count_crushed_rows (c);
  return crushed;
}

static void
test_no_sideways_scrolling (void)
{
  static const char *sections[] = { "company", "scope", "visits", "documents", "diagnosis", "csm",
                                    "plan" };
  ScsWindow *window = open_small ();
  AdwViewStack *stack = scs_ui_test_child (window, SCS_TYPE_WINDOW, "view_stack");
  ScsEngagementPage *engagement_page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-node", "s", "1-2-1-1"));
  check_view (window, "criterion");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-node", "s", "1"));
  check_view (window, "category");

  adw_view_stack_set_visible_child_name (stack, "engagement");
  engagement_page = scs_window_get_engagement_page (window);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      scs_engagement_page_show_section (engagement_page, sections[i]);
      check_view (window, sections[i]);
    }
  adw_view_stack_set_visible_child_name (stack, "dashboard");
  check_view (window, "dashboard");
  adw_view_stack_set_visible_child_name (stack, "assessment");
  scs_ui_test_destroy (window);
}

/* The form a criterion is assessed in gets the room: the sidebar yields width, the pinned
 * texts height, and the statuses leave the sidebar's titles readable. */
static void
test_room_for_the_form (void)
{
  ScsWindow *window = open_small ();
  GtkPaned *paned = scs_ui_test_child (window, SCS_TYPE_WINDOW, "paned");
  ScsCriterionPage *page = scs_window_get_criterion_page (window);
  GtkPaned *texts = scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "paned");
  GtkWidget *sidebar = scs_ui_test_child (window, SCS_TYPE_WINDOW, "sidebar");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-node", "s", "1-2-1-1"));
  settle (window);
  /* The remembered widths (460 px by default) are wishes a small window does not grant. */
  g_assert_cmpint (gtk_paned_get_position (paned), <=, 0.4 * gtk_widget_get_width (GTK_WIDGET (paned)));
  /* ... and not forgotten: a wide window opened later has them back. */
  g_assert_cmpint (g_settings_get_int (scs_application_get_settings (app), "sidebar-width"), >,
                   gtk_paned_get_position (paned));
  g_assert_cmpint (g_settings_get_int (scs_application_get_settings (app), "criterion-text-height"), >,
                   gtk_paned_get_position (texts));
  /* A width the user drags to is a wish, and kept. */
  gtk_paned_set_position (paned, 300);
  g_assert_cmpint (g_settings_get_int (scs_application_get_settings (app), "sidebar-width"), ==, 300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), >=, 600);
  g_assert_cmpint (gtk_paned_get_position (texts), <=, MAX (0.25 * gtk_widget_get_height (GTK_WIDGET (texts)), 168) + 1);
  /* ... but not so little that the criterion's first line is cut off. */
  {
    GtkWidget *criterion = scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "criterion_label");
    double x, y;
    int line = 0;

    pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (criterion)), NULL, &line);
    line /= MAX (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (criterion))), 1);
    g_assert_true (gtk_widget_translate_coordinates (criterion, GTK_WIDGET (texts), 0, 0, &x, &y));
    g_assert_cmpint (line, >, 0);
    g_assert_cmpfloat (y + line, <=, gtk_paned_get_position (texts));
  }
  g_assert_cmpuint (count_crushed_rows (sidebar), ==, 0);
  scs_ui_test_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  app = scs_ui_test_init (&argc, &argv);
  g_test_add_func ("/layout/no-sideways-scrolling", test_no_sideways_scrolling);
  g_test_add_func ("/layout/room-for-the-form", test_room_for_the_form);
  return g_test_run ();
}
