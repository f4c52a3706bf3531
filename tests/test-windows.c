/* test-windows.c — windows come and go: New and Open from any window, switchers, quitting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every window made is on screen (a hidden one would keep the process alive after the
 * last the user can see is closed), each has a view switcher that works once it has an
 * engagement, the header names the company and level, and the process ends with its last
 * window.
 */
#include <string.h>

#include <glib/gstdio.h>

#include "scs-new-dialog.h"
#include "scs-test.h"
#include "scs-ui-test.h"

static ScsApplication *app;
static char *tmp_dir;

/* A private copy of the example under a name of its own. */
static GFile *
example_copy (const char *name)
{
  g_autofree char *source = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                              "example-aaa.scsa", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

static guint
n_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    n += SCS_IS_WINDOW (l->data);
  return n;
}

/* Main windows on screen, and that no main window of the application is hidden. */
static guint
n_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (SCS_IS_WINDOW (w) && gtk_widget_get_visible (w))
        n++;
    }
  g_assert_cmpuint (n, ==, n_windows ());
  return n;
}

static ScsWindow *
welcome_window (void)
{
  ScsWindow *window = scs_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (scs_window_is_empty (window));
  return window;
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  GtkWidget *found = NULL;

  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL && found == NULL; c = gtk_widget_get_next_sibling (c))
    found = find_action_button (c, action);
  return found;
}

/* New… from window, answered Create: the window the engagement went to. From the welcome
 * page by its button's mnemonic (Alt+N), as a person would: the switcher failed to come
 * that way only. */
static ScsWindow *
create_new (ScsWindow *window)
{
  AdwMessageDialog *dialog;
  guint before = n_windows ();

  if (scs_window_is_empty (window))
    gtk_widget_mnemonic_activate (find_action_button (GTK_WIDGET (window), "win.new"), FALSE);
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  SCS_UI_TEST_WAIT_FOR (SCS_IS_NEW_DIALOG (scs_window_get_dialog (window)), "the New dialog");
  dialog = scs_window_get_dialog (window);
  adw_message_dialog_response (dialog, "create");
  gtk_window_destroy (GTK_WINDOW (dialog));
  scs_ui_test_flush ();
  if (scs_window_get_engagement (window) != NULL && n_windows () == before)
    return window;
  g_assert_cmpuint (n_windows (), ==, before + 1);
  return SCS_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_buttons (c, buttons);
}

/* The buttons of whichever switcher is on screen: the header's, or the bottom bar's. */
static GPtrArray *
switcher_buttons (ScsWindow *window)
{
  AdwViewSwitcherTitle *title = scs_ui_test_child (window, SCS_TYPE_WINDOW, "switcher_title");
  GtkWidget *bar = scs_ui_test_child (window, SCS_TYPE_WINDOW, "switcher_bar");
  GPtrArray *buttons = g_ptr_array_new ();

  collect_buttons (adw_view_switcher_title_get_title_visible (title) ? bar : GTK_WIDGET (title), buttons);
  return buttons;
}

static gboolean
has_switcher (ScsWindow *window)
{
  g_autoptr(GPtrArray) buttons = switcher_buttons (window);

  return buttons->len == 3;
}

/* The window's switcher is on screen and each of its buttons shows its view; the company
 * and level stay in sight whichever is shown. */
static void
assert_switcher_works (ScsWindow *window)
{
  static const char *views[] = { "assessment", "engagement", "dashboard" };
  AdwViewStack *stack = scs_ui_test_child (window, SCS_TYPE_WINDOW, "view_stack");
  AdwViewSwitcherTitle *title = scs_ui_test_child (window, SCS_TYPE_WINDOW, "switcher_title");
  AdwWindowTitle *header = scs_ui_test_child (window, SCS_TYPE_WINDOW, "header_title");
  ScsRecord *company = scs_record_get_object (SCS_RECORD (scs_window_get_engagement (window)),
                                              SCS_M_ENGAGEMENT_COMPANY);
  g_autofree char *level = g_strdup_printf ("★%d", scs_engagement_get_level (scs_window_get_engagement (window)));
  g_autoptr(GPtrArray) buttons = NULL;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  /* 1280 pixels (the default width) have room for it in the header. */
  if (gtk_widget_get_width (GTK_WIDGET (window)) >= 1280 &&
      adw_view_switcher_title_get_view_switcher_enabled (title))
    SCS_UI_TEST_WAIT_FOR (!adw_view_switcher_title_get_title_visible (title),
                          "the view switcher in the header");
  SCS_UI_TEST_WAIT_FOR (has_switcher (window), "a view switcher with three views");
  buttons = switcher_buttons (window);
  for (int i = G_N_ELEMENTS (views) - 1; i >= 0; i--)
    {
      GtkWidget *shown_title;

      /* As Space on it does: the button is clicked a moment later. */
      gtk_widget_activate (g_ptr_array_index (buttons, i));
      SCS_UI_TEST_WAIT_FOR (g_str_equal (adw_view_stack_get_visible_child_name (stack), views[i]),
                            "the view of the switcher's button");
      shown_title = adw_view_switcher_title_get_title_visible (title) ? GTK_WIDGET (title)
                                                                      : GTK_WIDGET (header);
      SCS_UI_TEST_WAIT_FOR (gtk_widget_get_mapped (shown_title), "the company and level in the header");
      g_assert_nonnull (strstr (adw_window_title_get_title (header),
                                scs_record_get_string (company, SCS_M_COMPANY_NAME)));
      g_assert_nonnull (strstr (adw_window_title_get_title (header), level));
    }
}

static void
close_window (ScsWindow *window)
{
  guint before = n_windows ();

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  /* Edits made by the test are kept, so that closing asks nothing. */
  if (scs_window_is_modified (window))
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
      SCS_UI_TEST_WAIT_FOR (!scs_window_is_modified (window) && !scs_window_is_saving (window),
                            "the window's file to be saved");
    }
  gtk_window_close (GTK_WINDOW (window));
  SCS_UI_TEST_WAIT_FOR (window == NULL, "the window to go");
  g_assert_cmpuint (n_windows (), ==, before - 1);
}

/* Welcome → New, then New from the window that has it: two windows on screen, each with
 * its switcher; closing the first, then the last. */
static void
test_welcome_new_then_new (void)
{
  ScsWindow *first = welcome_window ();
  ScsWindow *second;

  g_assert_true (create_new (first) == first);
  g_assert_cmpuint (n_shown (), ==, 1);
  assert_switcher_works (first);

  second = create_new (first);
  g_assert_true (second != first);
  g_assert_nonnull (scs_window_get_engagement (second));
  g_assert_cmpuint (n_shown (), ==, 2);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (second));
  assert_switcher_works (second);

  close_window (first);
  g_assert_cmpuint (n_shown (), ==, 1);
  close_window (second);
  g_assert_cmpuint (n_shown (), ==, 0);
}

/* Welcome → Open, then Open of another file and of the example from it; closing the last
 * one made first. */
static void
test_welcome_open_then_open (void)
{
  g_autoptr(GFile) a = example_copy ("a.scsa");
  g_autoptr(GFile) b = example_copy ("b.scsa");
  ScsWindow *first = welcome_window ();
  ScsWindow *second, *third;

  scs_window_open_file (first, a);
  SCS_UI_TEST_WAIT_FOR (!scs_window_is_empty (first), "the file to open");
  g_assert_cmpuint (n_shown (), ==, 1);
  assert_switcher_works (first);

  scs_window_open_file (first, b);
  SCS_UI_TEST_WAIT_FOR (n_windows () == 2, "a window for the second file");
  second = SCS_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_true (g_file_equal (scs_window_get_file (second), b));
  g_assert_cmpuint (n_shown (), ==, 2);
  assert_switcher_works (second);

  /* The same file again comes forward in its window: no third. */
  scs_window_open_file (second, a);
  scs_ui_test_flush ();
  g_assert_cmpuint (n_shown (), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "win.open-example", NULL));
  SCS_UI_TEST_WAIT_FOR (n_windows () == 3, "a window for the example");
  third = SCS_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_null (scs_window_get_file (third));
  g_assert_cmpuint (n_shown (), ==, 3);
  assert_switcher_works (third);

  close_window (third);
  close_window (first);
  g_assert_cmpuint (n_shown (), ==, 1);
  close_window (second);
  g_assert_cmpuint (n_shown (), ==, 0);
}

/* The welcome page's Open the Example, by its mnemonic (Alt+E): the switcher comes. */
static void
test_welcome_example (void)
{
  ScsWindow *window = welcome_window ();
  GtkWidget *button = find_action_button (GTK_WIDGET (window), "win.open-example");

  g_assert_nonnull (button);
  gtk_widget_mnemonic_activate (button, FALSE);
  SCS_UI_TEST_WAIT_FOR (!scs_window_is_empty (window), "the example to open");
  g_assert_cmpuint (n_shown (), ==, 1);
  assert_switcher_works (window);
  close_window (window);
}

/* A window too narrow for the header's switcher has it at the bottom. */
static void
test_narrow_switcher_bar (void)
{
  g_autoptr(GFile) a = example_copy ("narrow.scsa");
  ScsWindow *window = welcome_window ();
  AdwViewSwitcherTitle *title = scs_ui_test_child (window, SCS_TYPE_WINDOW, "switcher_title");
  AdwViewSwitcherBar *bar = scs_ui_test_child (window, SCS_TYPE_WINDOW, "switcher_bar");

  /* The welcome page has one view: no switcher anywhere. */
  g_assert_false (adw_view_switcher_bar_get_reveal (bar) && has_switcher (window));
  scs_window_open_file (window, a);
  SCS_UI_TEST_WAIT_FOR (!scs_window_is_empty (window), "the file to open");
  SCS_UI_TEST_WAIT_FOR (!adw_view_switcher_title_get_title_visible (title), "the header's switcher");
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));
  /* As when the header has no room for it: the title takes its place, the bar shows. */
  adw_view_switcher_title_set_view_switcher_enabled (title, FALSE);
  SCS_UI_TEST_WAIT_FOR (adw_view_switcher_title_get_title_visible (title), "the title in the header");
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  assert_switcher_works (window);
  adw_view_switcher_title_set_view_switcher_enabled (title, TRUE);
  close_window (window);
}

/* The header follows the company's name and says whose and which level while assessing. */
static void
test_title_follows_company (void)
{
  g_autoptr(GFile) a = example_copy ("title.scsa");
  ScsWindow *window = welcome_window ();
  AdwWindowTitle *header = scs_ui_test_child (window, SCS_TYPE_WINDOW, "header_title");
  ScsRecord *company;

  scs_window_open_file (window, a);
  SCS_UI_TEST_WAIT_FOR (!scs_window_is_empty (window), "the file to open");
  SCS_UI_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (header)), "the title beside the switcher");
  g_assert_cmpstr (adw_window_title_get_title (header), ==, "AAA株式会社 — ★3");
  company = scs_record_get_object (SCS_RECORD (scs_window_get_engagement (window)), SCS_M_ENGAGEMENT_COMPANY);
  scs_record_set_string (company, SCS_M_COMPANY_NAME, "BBB株式会社");
  g_assert_cmpstr (adw_window_title_get_title (header), ==, "BBB株式会社 — ★3");
  scs_record_set_string (company, SCS_M_COMPANY_NAME, "CCC株式会社");
  g_assert_cmpstr (adw_window_title_get_title (header), ==, "CCC株式会社 — ★3");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "CCC株式会社 — ★3");
  close_window (window);
}

/* The process ends when the user closes the last window they can see: run in a child,
 * welcome → New → New from it, then every window on screen closed. */
static gboolean
close_all_shown (gpointer data)
{
  ScsWindow *welcome;
  GListModel *toplevels;
  GList *shown = NULL;

  g_assert_cmpuint (n_windows (), ==, 1);
  welcome = SCS_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (welcome));
  /* As the app runs them: each window has its switcher once it has an engagement. */
  g_assert_true (create_new (welcome) == welcome);
  assert_switcher_works (welcome);
  assert_switcher_works (create_new (welcome));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (SCS_IS_WINDOW (w) && gtk_widget_get_visible (w))
        shown = g_list_prepend (shown, w);
    }
  for (GList *l = shown; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (shown);
  return G_SOURCE_REMOVE;
}

static void
test_last_window_quits (void)
{
  if (g_test_subprocess ())
    {
      g_idle_add (close_all_shown, NULL);
      g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
      g_assert_cmpuint (n_windows (), ==, 0);
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char *argv[])
{
  int status;

  tmp_dir = g_dir_make_tmp ("scs-windows-XXXXXX", NULL);
  app = scs_ui_test_init (&argc, &argv);
  g_test_add_func ("/windows/last-window-quits", test_last_window_quits);
  g_test_add_func ("/windows/welcome-new-then-new", test_welcome_new_then_new);
  g_test_add_func ("/windows/welcome-open-then-open", test_welcome_open_then_open);
  g_test_add_func ("/windows/welcome-example", test_welcome_example);
  g_test_add_func ("/windows/narrow-switcher-bar", test_narrow_switcher_bar);
  g_test_add_func ("/windows/title-follows-company", test_title_follows_company);
  status = g_test_run ();
  scs_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
