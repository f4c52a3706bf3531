/* test-protect-window.c — protected files in the window: the passphrase asked, Save As
 * protected, Ctrl+S keeping it, the recovery copy sealed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* memmem */
#define _GNU_SOURCE

#include <string.h>

#include "scs-core.h"
#include "scs-passphrase.h"
#include "scs-protect-private.h"
#include "scs-test.h"
#include "scs-ui-test.h"

#define PASSPHRASE "tsuru kame 鶴亀 2026"
#define NEW_PASSPHRASE "another long passphrase"
#define MARKER "CANARY-NOTE-b41d"

static ScsApplication *app;

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), size);
}

static AdwMessageDialog *
wait_dialog (ScsWindow *window)
{
  SCS_UI_TEST_WAIT_FOR (scs_window_get_dialog (window) != NULL, "the window's dialog");
  g_assert_nonnull (scs_window_get_dialog (window));
  /* Shown and drawn, as a user would see it. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (scs_window_get_dialog (window)));
  return scs_window_get_dialog (window);
}

/* As a click does: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  scs_ui_test_flush ();
}

static void
answer (AdwMessageDialog *dialog,
        const char       *passphrase,
        const char       *response)
{
  gtk_editable_set_text (scs_passphrase_dialog_get_entry (dialog, 0), passphrase);
  scs_ui_test_flush ();
  respond (dialog, response);
}

/* The last of the app's windows that has an engagement open, if any. */
static ScsWindow *
window_with_engagement (void)
{
  ScsWindow *found = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (SCS_IS_WINDOW (l->data) && !scs_window_is_empty (l->data))
      found = l->data;
  return found;
}

static void
wait_saved (ScsWindow *window)
{
  SCS_UI_TEST_WAIT_FOR (!scs_window_is_saving (window), "the save to finish");
  g_assert_false (scs_window_is_saving (window));
}

/* The JSON inside a protected file, opened with passphrase; NULL with error. */
static GBytes *
unseal (const char *path,
        const char *passphrase,
        GError    **error)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(ScsProtectKey) key = scs_protect_key_new (passphrase);

  return scs_protect_open (bytes, key, SCS_STORAGE_MAX_SIZE, error);
}

static void
test_open_and_save_as (void)
{
  g_autofree char *example = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                               "example-aaa.scsa", NULL);
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) plain = scs_test_load (catalog, example);
  g_autoptr(GBytes) json = scs_storage_serialize (plain);
  g_autofree char *dir = g_dir_make_tmp ("scs-protect-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "protected.scsa", NULL);
  g_autofree char *new_path = g_build_filename (dir, "again.scsa", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ScsWindow *window;
  AdwMessageDialog *dialog;
  AdwViewSwitcherTitle *title;
  guint8 salt[16];

  /* The lowest Argon2id cost: what is tested is the window, not the KDF. */
  scs_protect_set_kdf_limits (1, 8192);
  {
    g_autoptr(ScsProtectKey) key = scs_protect_key_new (PASSPHRASE);
    g_autoptr(GBytes) sealed = scs_storage_protect (json, key, &error);

    g_assert_no_error (error);
    g_assert_true (scs_storage_write (sealed, file, &error));
    memcpy (salt, (const guint8 *) g_bytes_get_data (sealed, NULL) + 32, sizeof salt);
  }
  before = scs_test_sha256_file (path);

  window = scs_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Asked; Cancel opens nothing and changes nothing. */
  scs_window_open_file (window, file);
  dialog = wait_dialog (window);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "open"));
  respond (dialog, "cancel");
  scs_ui_test_flush ();
  g_assert_null (scs_window_get_dialog (window));
  g_assert_true (scs_window_is_empty (window));

  /* A wrong passphrase is said so, and asked again. */
  scs_window_open_file (window, file);
  answer (wait_dialog (window), "not the passphrase", "open");
  dialog = wait_dialog (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "passphrase is wrong"));
  g_assert_true (scs_window_is_empty (window));

  answer (dialog, PASSPHRASE, "open");
  SCS_UI_TEST_WAIT_FOR (!scs_window_is_empty (window), "the protected file to open");
  g_assert_false (scs_window_is_empty (window));
  g_assert_nonnull (scs_window_get_key (window));
  g_assert_true (g_file_equal (scs_window_get_file (window), file));
  {
    g_autoptr(GBytes) opened = scs_storage_serialize (scs_window_get_engagement (window));

    g_assert_true (g_bytes_equal (opened, json));
  }
  title = scs_ui_test_child (window, SCS_TYPE_WINDOW, "switcher_title");
  g_assert_nonnull (strstr (adw_view_switcher_title_get_subtitle (title), "protected"));
  after = scs_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);

  /* An edit: its recovery copy is sealed. */
  {
    ScsEngagement *e = scs_window_get_engagement (window);
    g_autoptr(ScsRecord) first = g_list_model_get_item (scs_engagement_get_assessments (e), 0);
    g_autofree char *copy = NULL;
    gsize size;

    scs_record_set_string (first, SCS_M_ASSESSMENT_INTERNAL_NOTE, MARKER);
    g_assert_true (scs_window_is_modified (window));
    g_assert_true (scs_autosave_write_now (scs_window_get_autosave (window), &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (scs_autosave_get_copy_path (scs_window_get_autosave (window)),
                                        &copy, &size, NULL));
    g_assert_true (scs_protect_is_sealed ((const guint8 *) copy, size));
    g_assert_null (memmem (copy, size, MARKER, strlen (MARKER)));
    g_assert_null (memmem (copy, size, "\"assessments\"", 13));
  }

  /* Ctrl+S keeps it protected, with the same passphrase and salt (no new prompt). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  scs_ui_test_flush ();
  wait_saved (window);
  g_assert_false (scs_window_is_modified (window));
  {
    g_autoptr(GBytes) saved = read_bytes (path);
    g_autoptr(GBytes) inside = NULL;

    g_assert_true (scs_storage_is_protected (saved));
    g_assert_cmpmem ((const guint8 *) g_bytes_get_data (saved, NULL) + 32, 16, salt, 16);
    g_assert_null (memmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), MARKER,
                           strlen (MARKER)));
    inside = unseal (path, PASSPHRASE, &error);
    g_assert_no_error (error);
    g_assert_nonnull (memmem (g_bytes_get_data (inside, NULL), g_bytes_get_size (inside), MARKER,
                              strlen (MARKER)));
  }

  /* Save As, protected with a new passphrase: asked twice; different or empty ones are
   * not taken. */
  scs_window_ask_protect (window, new_file);
  dialog = wait_dialog (window);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "protect"));
  gtk_editable_set_text (scs_passphrase_dialog_get_entry (dialog, 0), NEW_PASSPHRASE);
  gtk_editable_set_text (scs_passphrase_dialog_get_entry (dialog, 1), NEW_PASSPHRASE "x");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "protect"));
  gtk_editable_set_text (scs_passphrase_dialog_get_entry (dialog, 0), "");
  gtk_editable_set_text (scs_passphrase_dialog_get_entry (dialog, 1), "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "protect"));
  gtk_editable_set_text (scs_passphrase_dialog_get_entry (dialog, 0), NEW_PASSPHRASE);
  gtk_editable_set_text (scs_passphrase_dialog_get_entry (dialog, 1), NEW_PASSPHRASE);
  respond (dialog, "protect");
  wait_saved (window);
  g_assert_true (g_file_equal (scs_window_get_file (window), new_file));
  {
    g_autoptr(GBytes) inside = unseal (new_path, NEW_PASSPHRASE, &error);
    g_autoptr(GBytes) now = scs_storage_serialize (scs_window_get_engagement (window));
    g_autoptr(GBytes) wrong = NULL;

    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (inside, now));
    wrong = unseal (new_path, PASSPHRASE, &error);
    g_assert_null (wrong);
    g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_PASSPHRASE);
    g_clear_error (&error);
  }

  /* Save As with the box unticked: plain from now on, its recovery copies too. */
  {
    g_autofree char *plain_path = g_build_filename (dir, "plain.scsa", NULL);
    g_autoptr(GFile) plain_file = g_file_new_for_path (plain_path);
    g_autoptr(GBytes) written = NULL;
    g_autofree char *copy = NULL;
    gsize size;

    scs_window_save_as_chosen (window, plain_file, FALSE);
    scs_ui_test_flush ();
    wait_saved (window);
    g_assert_true (g_file_equal (scs_window_get_file (window), plain_file));
    g_assert_null (scs_window_get_key (window));
    g_assert_null (strstr (adw_view_switcher_title_get_subtitle (title), "protected"));
    written = read_bytes (plain_path);
    g_assert_false (scs_storage_is_protected (written));
    {
      g_autoptr(GBytes) now = scs_storage_serialize (scs_window_get_engagement (window));

      g_assert_true (g_bytes_equal (written, now));
    }
    {
      g_autoptr(ScsRecord) first = g_list_model_get_item (
        scs_engagement_get_assessments (scs_window_get_engagement (window)), 0);

      scs_record_set_string (first, SCS_M_ASSESSMENT_INTERNAL_NOTE, "after the unprotected save");
      g_assert_true (scs_autosave_write_now (scs_window_get_autosave (window), &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (scs_autosave_get_copy_path (scs_window_get_autosave (window)),
                                          &copy, &size, NULL));
      g_assert_false (scs_protect_is_sealed ((const guint8 *) copy, size));
      scs_autosave_discard (scs_window_get_autosave (window));
    }
  }

  scs_ui_test_destroy (window);

  /* A window closed while it asks: nothing opens, nothing breaks. */
  window = scs_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  scs_window_open_file (window, file);
  {
    /* The dialog goes with its window, and neither outlives it. */
    AdwMessageDialog *asking = wait_dialog (window);

    g_object_add_weak_pointer (G_OBJECT (asking), (gpointer *) &asking);
    scs_ui_test_destroy (window);
    g_assert_null (asking);
  }

  scs_test_remove_tree (dir);
  scs_protect_set_kdf_limits (0, 0);
}

/* The company's self-assessment sent back protected: importing it asks for the
 * passphrase, again when wrong, opens it off the main loop, and then compares as a plain
 * file would. */
static void
test_import_protected (void)
{
  g_autofree char *example = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                               "example-aaa.scsa", NULL);
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) theirs = scs_test_load (catalog, example);
  g_autofree char *copy = NULL;
  g_autofree char *dir = g_dir_make_tmp ("scs-protect-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "from-company.scsa", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ScsWindow *window;
  AdwMessageDialog *dialog;

  scs_protect_set_kdf_limits (1, 8192);
  {
    g_autoptr(ScsRecord) first = g_list_model_get_item (scs_engagement_get_assessments (theirs), 0);
    g_autoptr(GBytes) json = NULL;
    g_autoptr(GBytes) sealed = NULL;
    g_autoptr(ScsProtectKey) key = scs_protect_key_new (PASSPHRASE);

    scs_record_set_string (first, SCS_M_ASSESSMENT_COMPANY_COMMENT, "会社からの新しいコメント");
    json = scs_storage_serialize (theirs);
    sealed = scs_storage_protect (json, key, &error);
    g_assert_no_error (error);
    g_assert_true (scs_storage_write (sealed, file, &error));
  }

  window = scs_ui_test_open_copy (app, example, &copy);
  g_assert_null (scs_window_get_import_dialog (window));
  scs_window_import_file (window, file);
  answer (wait_dialog (window), "wrong one", "open");
  dialog = wait_dialog (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "passphrase is wrong"));
  g_assert_null (scs_window_get_import_dialog (window));
  gtk_editable_set_text (scs_passphrase_dialog_get_entry (dialog, 0), PASSPHRASE);
  scs_ui_test_flush ();
  adw_message_dialog_response (dialog, "open");
  /* The response returns at once: the key is derived and the file opened in a worker
   * thread, not on the main loop. */
  g_assert_true (scs_window_is_importing (window));
  g_assert_null (scs_window_get_import_dialog (window));
  gtk_window_close (GTK_WINDOW (dialog));
  SCS_UI_TEST_WAIT_FOR (!scs_window_is_importing (window), "the protected file to be read for import");
  g_assert_false (scs_window_is_importing (window));
  g_assert_nonnull (scs_window_get_import_dialog (window));

  gtk_window_destroy (GTK_WINDOW (scs_window_get_import_dialog (window)));
  scs_ui_test_destroy (window);
  scs_test_remove_tree (dir);
  scs_protect_set_kdf_limits (0, 0);
}

/* After a crash, a protected engagement's recovery copy is offered without being opened
 * (it says it is protected, and names no company), and restoring it asks its passphrase;
 * the restored window keeps it protected. */
static void
test_restore_protected (void)
{
  g_autofree char *example = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                               "example-aaa.scsa", NULL);
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) e = scs_test_load (catalog, example);
  g_autofree char *dir = g_dir_make_tmp ("scs-protect-recovery-XXXXXX", NULL);
  g_autoptr(ScsProtectKey) key = scs_protect_key_new (PASSPHRASE);
  g_autoptr(ScsAutosave) autosave = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GError) error = NULL;
  ScsWindow *window;
  AdwMessageDialog *dialog;
  ScsWindow *restored = NULL;

  scs_protect_set_kdf_limits (1, 8192);
  {
    g_autoptr(ScsRecord) first = g_list_model_get_item (scs_engagement_get_assessments (e), 0);

    scs_record_set_string (first, SCS_M_ASSESSMENT_INTERNAL_NOTE, MARKER);
  }
  autosave = scs_autosave_new (dir, e, 50);
  scs_autosave_set_key (autosave, key);
  g_assert_true (scs_autosave_write_now (autosave, &error));
  g_assert_no_error (error);
  {
    g_autofree char *info_path = g_strdup (scs_autosave_get_copy_path (autosave));
    g_autoptr(GKeyFile) info = g_key_file_new ();

    strcpy (info_path + strlen (info_path) - strlen ("scsa"), "ini");
    g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
    /* As if its process were gone: no process has this id (pid_max is at most 2^22). */
    g_key_file_set_int64 (info, "recovery", "pid", 1 << 23);
    g_assert_true (g_key_file_save_to_file (info, info_path, NULL));
  }
  orphans = scs_autosave_list_orphans (dir);
  g_assert_cmpuint (orphans->len, ==, 1);

  window = scs_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  scs_window_offer_recovery (window, orphans);
  dialog = wait_dialog (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Protected engagement"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "AAA"));
  respond (dialog, "restore");
  answer (wait_dialog (window), PASSPHRASE, "open");
  SCS_UI_TEST_WAIT_FOR ((restored = window_with_engagement ()) != NULL, "the restored engagement");
  g_assert_nonnull (restored);
  g_assert_nonnull (scs_window_get_key (restored));
  g_assert_true (scs_window_is_modified (restored));
  {
    ScsEngagement *back = scs_window_get_engagement (restored);
    g_autoptr(ScsRecord) first = g_list_model_get_item (scs_engagement_get_assessments (back), 0);

    g_assert_cmpstr (scs_record_get_string (first, SCS_M_ASSESSMENT_INTERNAL_NOTE), ==, MARKER);
  }
  /* Its own recovery copy, once written, is sealed too. */
  g_assert_true (scs_autosave_write_now (scs_window_get_autosave (restored), &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) copy = read_bytes (scs_autosave_get_copy_path (scs_window_get_autosave (restored)));

    g_assert_true (scs_storage_is_protected (copy));
  }

  scs_autosave_discard (scs_window_get_autosave (restored));
  if (restored != window)
    scs_ui_test_destroy (restored);
  scs_ui_test_destroy (window);
  scs_autosave_discard (autosave);
  scs_test_remove_tree (dir);
  scs_protect_set_kdf_limits (0, 0);
}

int
main (int argc, char *argv[])
{
  app = scs_ui_test_init (&argc, &argv);
  g_test_add_func ("/protect-window/open-and-save-as", test_open_and_save_as);
  g_test_add_func ("/protect-window/import-protected", test_import_protected);
  g_test_add_func ("/protect-window/restore-protected", test_restore_protected);
  return g_test_run ();
}
