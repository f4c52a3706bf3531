/* test-frameworks-folder.c — the window with a user's frameworks folder that holds files it
 * cannot use and an edition that calls itself official
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "scs-new-dialog.h"
#include "scs-presentation.h"
#include "scs-test.h"
#include "scs-ui-test.h"

#define OFFICIAL_TEXT "リアルタイム検知・遮断する仕組みを導入すること"
#define USER_TEXT "リアルタイム検知・遮断する仕組みを導入しなくてもよい"

static ScsApplication *app;
static char *data_home;

static char *
folder_path (const char *name)
{
  return g_build_filename (data_home, "scs-assessor", "frameworks", name, NULL);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Before the application reads the folder: a broken file, a pipe, a folder named *.json,
 * and the shipped edition as a later "official" one with a criterion reworded. */
static void
fill_folder (void)
{
  g_autofree char *folder = folder_path (NULL);
  g_autofree char *shipped_path = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "frameworks",
                                                    "scs-2026-03-27.json", NULL);
  g_autofree char *broken = folder_path ("broken.json");
  g_autofree char *pipe = folder_path ("pipe.json");
  g_autofree char *dir = folder_path ("folder.json");
  g_autofree char *user = folder_path ("scs-2027-01-01.json");
  g_autofree char *shipped = NULL;
  g_autoptr(GString) text = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  write_text (broken, "{ \"format\": \"scs-assessor-framework\", \"id\": ");
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (shipped_path, &shipped, NULL, NULL));
  text = g_string_new (shipped);
  g_assert_cmpuint (g_string_replace (text, "\"edition\": \"2026-03-27\"", "\"edition\": \"2027-01-01\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, OFFICIAL_TEXT, USER_TEXT, 1), ==, 1);
  write_text (user, text->str);
}

/* An image of the window for a person to look at, when SCS_TEST_SCREENSHOTS names a folder. */
static void
screenshot (gpointer    window,
            const char *name)
{
  const char *dir = g_getenv ("SCS_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static char *
engagement_with_edition (const char *edition)
{
  g_autofree char *example = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                               "example-aaa.scsa", NULL);
  g_autofree char *dir = g_dir_make_tmp ("scs-ui-edition-XXXXXX", NULL);
  g_autofree char *text = NULL;
  g_autofree char *member = g_strdup_printf ("\"edition\" : \"%s\"", edition);
  g_autoptr(GString) copy = NULL;
  char *path = g_build_filename (dir, "edition.scsa", NULL);

  g_assert_true (g_file_get_contents (example, &text, NULL, NULL));
  copy = g_string_new (text);
  g_assert_cmpuint (g_string_replace (copy, "\"edition\" : \"2026-03-27\"", member, 1), ==, 1);
  write_text (path, copy->str);
  return path;
}

static const char *
label_text (ScsWindow  *window,
            const char *name)
{
  return gtk_label_get_text (scs_ui_test_child (window, SCS_TYPE_WINDOW, name));
}

static gboolean
revealed (ScsWindow  *window,
          const char *name)
{
  GtkRevealer *revealer = scs_ui_test_child (window, SCS_TYPE_WINDOW, name);

  return gtk_revealer_get_reveal_child (revealer) &&
         gtk_widget_get_mapped (gtk_revealer_get_child (revealer));
}

/* The app starts with the folder's unusable files: a banner says how many, Details shows
 * each file and why, Dismiss puts it away; the app works on with the official criteria. */
static void
test_banner (void)
{
  ScsWindow *window = scs_window_new (app);
  GtkToggleButton *details = scs_ui_test_child (window, SCS_TYPE_WINDOW, "frameworks_details_button");
  const char *text;
  static const struct { const char *name; const char *reason; } unusable[] = {
    { "broken.json", "not a readable JSON file" },
    { "folder.json", "this is a folder" },
    { "pipe.json", "not a regular file" },
  };

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  SCS_UI_TEST_WAIT_FOR (revealed (window, "frameworks_revealer"), "the banner about the criteria files");

  g_assert_true (revealed (window, "frameworks_revealer"));
  g_assert_cmpstr (label_text (window, "frameworks_label"), ==,
                   "3 criteria files could not be used; the app works without them.");
  g_assert_false (gtk_revealer_get_reveal_child (scs_ui_test_child (window, SCS_TYPE_WINDOW,
                                                                    "frameworks_details_revealer")));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (details), GTK_ACCESSIBLE_ROLE_BUTTON);

  gtk_toggle_button_set_active (details, TRUE);
  SCS_UI_TEST_WAIT_FOR (revealed (window, "frameworks_details_revealer"), "the banner's details");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (details), GTK_ACCESSIBLE_STATE_PRESSED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);
  g_assert_true (revealed (window, "frameworks_details_revealer"));
  text = label_text (window, "frameworks_details_label");
  for (guint i = 0; i < G_N_ELEMENTS (unusable); i++)
    {
      g_autofree char *path = folder_path (unusable[i].name);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      gboolean found = FALSE;

      for (guint l = 0; lines[l] != NULL; l++)
        found |= strstr (lines[l], path) != NULL && strstr (lines[l], unusable[i].reason) != NULL;
      if (!found)
        g_error ("%s is not told: “%s”", unusable[i].name, text);
    }
  screenshot (window, "frameworks-banner.png");

  /* The app works: the example opens with the official criteria, and says nothing more. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  SCS_UI_TEST_WAIT_FOR (scs_window_get_engagement (window) != NULL, "the example to open");
  g_assert_nonnull (scs_window_get_engagement (window));
  g_assert_true (scs_framework_is_official (scs_engagement_get_framework (scs_window_get_engagement (window))));
  g_assert_false (gtk_revealer_get_reveal_child (scs_ui_test_child (window, SCS_TYPE_WINDOW,
                                                                    "edition_revealer")));

  gtk_widget_activate (GTK_WIDGET (scs_ui_test_child (window, SCS_TYPE_WINDOW, "frameworks_dismiss_button")));
  SCS_UI_TEST_WAIT_FOR (!gtk_revealer_get_reveal_child (scs_ui_test_child (window, SCS_TYPE_WINDOW,
                                                                           "frameworks_revealer")),
                        "the banner to be dismissed");
  g_assert_false (gtk_revealer_get_reveal_child (scs_ui_test_child (window, SCS_TYPE_WINDOW,
                                                                    "frameworks_revealer")));
  scs_ui_test_destroy (window);
}

/* An engagement made with the user-provided edition opens with it, and the window says the
 * texts are not the official ones; the example beside it keeps the official texts. */
static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_label_containing (c, needle))
      return TRUE;
  return FALSE;
}

static void
test_user_edition (void)
{
  g_autofree char *path = engagement_with_edition ("2027-01-01");
  g_autofree char *copy = NULL;
  g_autofree char *example = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                               "example-aaa.scsa", NULL);
  ScsWindow *window = scs_ui_test_open_copy (app, path, &copy);
  ScsWindow *official = NULL;
  ScsFramework *fw = scs_engagement_get_framework (scs_window_get_engagement (window));
  ScsNode *node;

  SCS_UI_TEST_WAIT_FOR (revealed (window, "edition_revealer"), "the banner about the edition");
  g_assert_false (scs_framework_is_builtin (fw));
  g_assert_cmpstr (scs_framework_get_edition (fw), ==, "2027-01-01");
  node = scs_ui_test_node (window, "5-1-1-1");
  g_assert_nonnull (strstr (scs_node_get_text (node), USER_TEXT));
  g_assert_true (revealed (window, "edition_revealer"));
  g_assert_cmpstr (label_text (window, "edition_label"), ==,
                   "This engagement uses user-provided criteria (edition 2027-01-01), not the official text.");
  screenshot (window, "frameworks-user-edition.png");

  /* The slides say so too: on the title and on every subcategory slide. */
  {
    ScsPresentation *deck = scs_window_present_slides (window);
    guint marked = 0, subcategories = 0;

    gtk_test_widget_wait_for_draw (GTK_WIDGET (deck));
    for (guint i = 0; i < scs_presentation_get_n_slides (deck); i++)
      {
        ScsSlideKind kind = scs_presentation_get_kind (deck, i);
        gboolean mark;

        scs_presentation_go_to (deck, i);
        scs_ui_test_flush ();
        mark = has_label_containing (scs_presentation_get_slide (deck),
                                     "user-provided edition 2027-01-01, not the official text");
        if (kind == SCS_SLIDE_SUBCATEGORY && subcategories++ == 0)
          screenshot (deck, "frameworks-user-edition-slide.png");
        if ((kind == SCS_SLIDE_TITLE || kind == SCS_SLIDE_SUBCATEGORY) && mark)
          marked++;
      }
    g_assert_cmpuint (subcategories, >, 0);
    g_assert_cmpuint (marked, ==, subcategories + 1);
    scs_ui_test_destroy (deck);
  }

  official = scs_ui_test_open_copy (app, example, NULL);
  scs_ui_test_flush ();
  fw = scs_engagement_get_framework (scs_window_get_engagement (official));
  g_assert_true (scs_framework_is_official (fw));
  g_assert_nonnull (strstr (scs_node_get_text (scs_ui_test_node (official, "5-1-1-1")), OFFICIAL_TEXT));
  g_assert_false (gtk_revealer_get_reveal_child (scs_ui_test_child (official, SCS_TYPE_WINDOW,
                                                                    "edition_revealer")));
  scs_ui_test_destroy (official);
  scs_ui_test_destroy (window);
}

/* The New dialog makes engagements with the newest official edition, though a
 * user-provided one with a later edition that calls itself official is installed. */
static void
test_new_uses_official (void)
{
  ScsWindow *window = scs_window_new (app);
  g_autoptr(ScsEngagement) engagement = NULL;
  AdwMessageDialog *dialog;
  ScsFramework *fw;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (scs_catalog_lookup (scs_application_get_catalog (app), "scs", "2027-01-01"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  SCS_UI_TEST_WAIT_FOR (SCS_IS_NEW_DIALOG (scs_window_get_dialog (window)), "the New dialog");
  dialog = scs_window_get_dialog (window);
  g_assert_true (SCS_IS_NEW_DIALOG (dialog));
  engagement = scs_new_dialog_create (SCS_NEW_DIALOG (dialog));
  fw = scs_engagement_get_framework (engagement);
  g_assert_cmpstr (scs_framework_get_edition (fw), ==, "2026-03-27");
  g_assert_true (scs_framework_is_official (fw));
  scs_ui_test_destroy (dialog);
  scs_ui_test_destroy (window);
}

int
main (int argc, char *argv[])
{
  int status;

  /* Before anything asks GLib for the data folder, which it remembers. */
  data_home = g_dir_make_tmp ("scs-xdg-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  fill_folder ();
  app = scs_ui_test_init (&argc, &argv);
  g_assert_cmpstr (g_get_user_data_dir (), ==, data_home);
  g_test_add_func ("/frameworks-folder/banner", test_banner);
  g_test_add_func ("/frameworks-folder/user-edition", test_user_edition);
  g_test_add_func ("/frameworks-folder/new-uses-official", test_new_uses_official);
  status = g_test_run ();
  scs_test_remove_tree (data_home);
  return status;
}
