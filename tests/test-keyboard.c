/* test-keyboard.c — one criterion done from the keyboard alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real key presses: xdotool sends them through the X server (XTEST) to the window,
 * which has the input focus; no pointer event is made. The test waits for the window to
 * have handled each key (it counts key releases) and asserts on focus and on the model.
 */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "scs-ui-test.h"

static ScsApplication *app;
static guint n_released;
static GtkWindow *focused;   /* the window the keys go to */

static void
take_input_focus (GtkWindow *window)
{
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (
                                            gtk_native_get_surface (GTK_NATIVE (window))));
  const char *argv[] = { "xdotool", "windowfocus", "--sync", xid, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  SCS_UI_TEST_WAIT_FOR (gtk_window_is_active (window), "the window to have the input focus");
}

static gboolean
on_key_released (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state)
{
  n_released++;
  return FALSE;
}

/* Presses each key (xdotool names, "alt+Down") in turn and waits until the window has
 * seen each released: one release per key of a combination. */
static void
press (const char *first,
       ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint expected = n_released;
  int status;
  va_list args;

  g_ptr_array_add (argv, (char *) "xdotool");
  g_ptr_array_add (argv, (char *) "key");
  g_ptr_array_add (argv, (char *) "--delay");
  g_ptr_array_add (argv, (char *) "1");
  va_start (args, first);
  for (const char *key = first; key != NULL; key = va_arg (args, const char *))
    {
      g_ptr_array_add (argv, (char *) key);
      expected++;
      for (const char *p = strchr (key, '+'); p != NULL; p = strchr (p + 1, '+'))
        expected++;
    }
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (!gtk_window_is_active (focused))
    take_input_focus (focused);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  SCS_UI_TEST_WAIT_FOR (n_released >= expected, "the window to handle the keys");
  scs_ui_test_flush ();
}

/* Types ASCII text (lower case and blanks: one release per character). */
static void
type (const char *text)
{
  const char *argv[] = { "xdotool", "type", "--delay", "5", text, NULL };
  guint expected = n_released + (guint) strlen (text);
  int status;

  if (!gtk_window_is_active (focused))
    take_input_focus (focused);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  SCS_UI_TEST_WAIT_FOR (n_released >= expected, "the window to handle the typing");
  scs_ui_test_flush ();
}

static GtkWidget *
focus_of (ScsWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_in (ScsWindow *window,
          gpointer   widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Whether widget is on screen: mapped, and its top (a line of it, when it is tall)
 * inside the scrolled window around it. */
static gboolean
in_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (scroller == NULL)
    return TRUE;
  if (!gtk_widget_compute_bounds (widget, scroller, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 &&
         bounds.origin.y + MIN (bounds.size.height, 24) <= gtk_widget_get_height (scroller);
}

static char *
focus_path (ScsWindow *window)
{
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = focus_of (window); w != NULL; w = gtk_widget_get_parent (w))
    g_string_append_printf (path, "%s%s", path->len ? " < " : "", G_OBJECT_TYPE_NAME (w));
  return g_string_free (path, FALSE);
}

#define assert_focus_in(window, widget)                                          \
  G_STMT_START {                                                                 \
    if (!focus_in ((window), (widget)))                                          \
      g_error ("%s: focus not in %s but on %s", G_STRLOC, #widget, focus_path (window)); \
  } G_STMT_END

static gboolean
focus_in_view (ScsWindow *window)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && in_view (focus);
}

/* Tab until the focus is inside widget; fails after limit presses. */
static void
tab_to (ScsWindow  *window,
        gpointer    widget,
        guint       limit,
        const char *what)
{
  guint i;

  for (i = 0; i < limit && !focus_in (window, widget); i++)
    press ("Tab", NULL);
  if (!focus_in (window, widget))
    g_error ("Tab did not reach %s in %u presses (focus on %s)", what, limit,
             focus_of (window) ? G_OBJECT_TYPE_NAME (focus_of (window)) : "nothing");
  g_test_message ("Tab x %u to %s", i, what);
}

static ScsWindow *
open_focused_window (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                            "example-aaa.scsa", NULL);
  ScsWindow *window = scs_ui_test_open_copy (app, path, NULL);
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-released", G_CALLBACK (on_key_released), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  focused = GTK_WINDOW (window);
  take_input_focus (focused);
  return window;
}

/* The first criterion of the engagement's level, its answers and evidence cleared (the
 * example answers every criterion). */
static ScsNode *
blank_criterion (ScsEngagement *engagement)
{
  GListModel *criteria = scs_framework_get_assessables (scs_engagement_get_framework (engagement),
                                                        scs_engagement_get_level (engagement));
  g_autoptr(ScsNode) c = g_list_model_get_item (criteria, 0);
  ScsAssessment *a = scs_engagement_ensure_assessment (engagement, scs_node_get_id (c));

  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_COMPANY_STATUS, "");
  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_VERDICT, "");
  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_EXPERT_COMMENT, "");
  for (guint i = 0; i < SCS_N_PROCEDURES; i++)
    {
      ScsRecord *procedure = SCS_RECORD (scs_assessment_get_procedure (a, i));

      scs_record_set_boolean (procedure, SCS_M_PROCEDURE_PERFORMED, FALSE);
      scs_record_set_string (procedure, SCS_M_PROCEDURE_NOTES, "");
    }
  return c;
}

/* From the search field, Tab passes the chips once, the requirement tree once and then
 * leaves the sidebar; Shift+Tab comes back the same way. Arrows move inside each. */
static void
test_sidebar_tab_stops (void)
{
  ScsWindow *window = open_focused_window ();
  ScsSidebar *sidebar = scs_window_get_sidebar (window);
  GtkWidget *search = scs_ui_test_child (sidebar, SCS_TYPE_SIDEBAR, "search_entry");
  GtkWidget *chips = gtk_widget_get_ancestor (scs_ui_test_child (sidebar, SCS_TYPE_SIDEBAR,
                                                                 "unanswered_toggle"),
                                              GTK_TYPE_FLOW_BOX);
  GtkWidget *list = scs_ui_test_child (sidebar, SCS_TYPE_SIDEBAR, "list_view");
  guint in_chips = 0, in_list = 0, presses = 0;
  GtkWidget *chip;
  ScsNode *shown;

  scs_sidebar_select (sidebar, scs_ui_test_node (window, "1-2-1-2"));
  SCS_UI_TEST_WAIT_FOR (g_strcmp0 (scs_node_get_id (scs_window_get_node (window)), "1-2-1-2") == 0,
                        "the criterion to be shown");
  press ("ctrl+f", NULL);
  assert_focus_in (window, search);

  while (focus_in (window, sidebar) && presses++ < 20)
    {
      press ("Tab", NULL);
      in_chips += focus_in (window, chips);
      in_list += focus_in (window, list);
      if (focus_in (window, list))
        /* The tree is entered at the criterion on show. */
        g_assert_true (scs_sidebar_get_selected (sidebar) == scs_window_get_node (window));
    }
  g_assert_cmpuint (in_chips, ==, 1);
  g_assert_cmpuint (in_list, ==, 1);
  g_assert_false (focus_in (window, sidebar));

  press ("shift+Tab", NULL);
  assert_focus_in (window, list);
  shown = scs_window_get_node (window);
  g_assert_cmpstr (scs_node_get_id (shown), ==, "1-2-1-2");
  /* Down moves the selection, and the workspace follows. */
  press ("Down", NULL);
  SCS_UI_TEST_WAIT_FOR (scs_window_get_node (window) != shown, "Down in the tree to show the next row");
  assert_focus_in (window, list);

  press ("shift+Tab", NULL);
  assert_focus_in (window, chips);
  chip = focus_of (window);
  press ("Left", NULL);
  assert_focus_in (window, chips);
  g_assert_true (focus_of (window) != chip);
  press ("Right", NULL);
  g_assert_true (focus_of (window) == chip);
  press ("shift+Tab", NULL);
  assert_focus_in (window, search);

  scs_ui_test_destroy (window);
}

/* Search, Enter, then status, two evidence panels, verdict and comment, and on to the
 * next criterion, each by key. */
static void
test_criterion_by_keyboard (void)
{
  ScsWindow *window = open_focused_window ();
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsCriterionPage *page = scs_window_get_criterion_page (window);
  GtkWidget *company_box = scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "company_box");
  AdwExpanderRow *documents = scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "documents_row");
  AdwExpanderRow *site = scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "site_row");
  GtkWidget *documents_notes = scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "documents_notes_view");
  GtkWidget *site_notes = scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "site_notes_view");
  GtkWidget *comment = scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "expert_comment_view");
  ScsFramework *framework = scs_engagement_get_framework (engagement);
  const ScsScale *company_scale = scs_framework_get_company_scale (framework);
  const ScsScale *verdict_scale = scs_engagement_get_verdict_scale (engagement);
  ScsNode *target = blank_criterion (engagement);
  ScsAssessment *a;
  ScsRecord *procedure;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Ctrl+F, the criterion's id, Enter: it is shown, the focus at the top of its form. */
  press ("ctrl+f", NULL);
  type (scs_node_get_id (target));
  press ("Return", NULL);
  SCS_UI_TEST_WAIT_FOR (scs_window_get_node (window) == target, "Enter in the search to open the match");
  assert_focus_in (window, company_box);
  SCS_UI_TEST_WAIT_FOR (focus_in_view (window), "the company's status to be in view");

  /* Space chooses the focused status (the first). */
  press ("space", NULL);
  a = scs_engagement_get_assessment (engagement, scs_node_get_id (target));
  g_assert_cmpstr (scs_assessment_get_company_status (a), ==,
                   ((ScsScaleValue *) g_ptr_array_index (company_scale->values, 0))->id);

  /* The choices are one Tab stop: arrows move along them, Tab leaves them. */
  {
    GtkWidget *first = focus_of (window);

    press ("Right", NULL);
    assert_focus_in (window, company_box);
    g_assert_true (focus_of (window) != first);
    press ("Left", NULL);
    g_assert_true (focus_of (window) == first);
    press ("Tab", NULL);
    g_assert_false (focus_in (window, company_box));
  }

  /* Documents: Tab to the panel's header, Enter switches the procedure on and opens it. */
  tab_to (window, documents, 20, "the documents panel");
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus_of (window)));
  g_assert_true (focus_in_view (window));
  press ("Return", NULL);
  procedure = SCS_RECORD (scs_assessment_get_procedure (a, 0));
  g_assert_true (scs_record_get_boolean (procedure, SCS_M_PROCEDURE_PERFORMED));
  g_assert_true (adw_expander_row_get_expanded (documents));
  /* Enter closes it and opens it again. */
  press ("Return", NULL);
  g_assert_false (adw_expander_row_get_expanded (documents));
  press ("Return", NULL);
  g_assert_true (adw_expander_row_get_expanded (documents));
  tab_to (window, documents_notes, 40, "the notes on the documents");
  SCS_UI_TEST_WAIT_FOR (focus_in_view (window), "the notes on the documents to be in view");
  type ("policy reviewed");
  g_assert_cmpstr (scs_record_get_string (procedure, SCS_M_PROCEDURE_NOTES), ==, "policy reviewed");

  /* Site observation, with Space. */
  tab_to (window, site, 20, "the site panel");
  press ("space", NULL);
  procedure = SCS_RECORD (scs_assessment_get_procedure (a, 2));
  g_assert_true (scs_record_get_boolean (procedure, SCS_M_PROCEDURE_PERFORMED));
  g_assert_true (adw_expander_row_get_expanded (site));
  tab_to (window, site_notes, 40, "the notes on the site");
  type ("server room locked");
  g_assert_cmpstr (scs_record_get_string (procedure, SCS_M_PROCEDURE_NOTES), ==, "server room locked");

  /* Each verdict shortcut puts the focus in the comment, in view; Alt+1 too. */
  for (guint i = verdict_scale->values->len; i >= 1; i--)
    {
      g_autofree char *key = g_strdup_printf ("alt+%u", i);

      gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_first_child (company_box)));
      press (key, NULL);
      g_assert_cmpstr (scs_assessment_get_verdict (a), ==,
                       ((ScsScaleValue *) g_ptr_array_index (verdict_scale->values, i - 1))->id);
      g_assert_true (focus_of (window) == comment);
      SCS_UI_TEST_WAIT_FOR (in_view (comment), "the comment to be scrolled into view");
    }
  type ("rule written and followed");
  g_assert_cmpstr (scs_assessment_get_expert_comment (a), ==, "rule written and followed");

  /* Alt+Down: the next criterion, the focus at the top of its form, in view. */
  press ("alt+Down", NULL);
  g_assert_true (scs_window_get_node (window) != target);
  assert_focus_in (window, company_box);
  SCS_UI_TEST_WAIT_FOR (focus_in_view (window), "the next criterion's status to be in view");
  press ("alt+Up", NULL);
  g_assert_true (scs_window_get_node (window) == target);
  SCS_UI_TEST_WAIT_FOR (focus_in_view (window), "the status to be in view again");

  scs_ui_test_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  app = scs_ui_test_init (&argc, &argv);
  /* Real key presses go through an X server; without one this test has not run, which is
   * a failure, not a pass. */
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_printerr ("xdotool needs an X11 display: run under xvfb-run\n");
      return 1;
    }
  g_test_add_func ("/keyboard/sidebar-tab-stops", test_sidebar_tab_stops);
  g_test_add_func ("/keyboard/criterion", test_criterion_by_keyboard);
  return g_test_run ();
}
