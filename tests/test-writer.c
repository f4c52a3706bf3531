/* test-writer.c — one file, one writer: real windows opening, locking and saving files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* symlink, link, waitpid: POSIX beyond C11. */
#define _XOPEN_SOURCE 700

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scs-ui-test.h"

static ScsApplication *app;

static char *
example_path (void)
{
  return g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples", "example-aaa.scsa", NULL);
}

/* A private copy of the example in a folder of its own, not opened. */
static char *
make_copy (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-writer-XXXXXX", NULL);
  g_autofree char *source = example_path ();
  g_autofree char *contents = NULL;
  char *copy = g_build_filename (dir, "example.scsa", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  return copy;
}

static ScsWindow *
open_in_new_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ScsWindow *window = scs_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  scs_window_open_file (window, file);
  scs_ui_test_flush ();
  return window;
}

static guint
n_windows_with (GFile *file)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (SCS_IS_WINDOW (l->data) && scs_window_get_file (l->data) != NULL &&
        g_file_equal (scs_window_get_file (l->data), file))
      n++;
  return n;
}

static void
wait_saved (ScsWindow *window)
{
  SCS_UI_TEST_WAIT_FOR (!scs_window_is_saving (window), "the save to finish");
  g_assert_false (scs_window_is_saving (window));
}

static void
edit (ScsWindow *window,
      int        status)
{
  ScsNode *node = scs_ui_test_node (window, "7-1-1-1");

  scs_sidebar_select (scs_window_get_sidebar (window), node);
  scs_ui_test_flush ();
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.company-status",
                                                     g_variant_new_int32 (status)));
  scs_ui_test_flush ();
  g_assert_true (scs_window_is_modified (window));
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
write_lock (const char *copy,
            const char *host,
            gint64      pid)
{
  g_autofree char *lock = scs_lock_path_for (copy);
  g_autofree char *text = g_strdup_printf ("[lock]\nuser=Hanako Sato\nlogin=hanako\nhost=%s\n"
                                           "pid=%" G_GINT64_FORMAT "\nsince=2026-12-01T09:30:00+09:00\n",
                                           host, pid);

  g_assert_true (g_file_set_contents (lock, text, -1, NULL));
}

/* The same file by its name, a symbolic link, a hard link and the application's open:
 * always the one window that has it, never a second copy. */
static void
test_same_file_raises (void)
{
  g_autofree char *copy = make_copy ();
  g_autofree char *other_dir = g_dir_make_tmp ("scs-writer-links-XXXXXX", NULL);
  g_autofree char *symlink_path = g_build_filename (other_dir, "link.scsa", NULL);
  g_autofree char *hardlink_path = g_build_filename (other_dir, "hard.scsa", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  g_autoptr(GFile) by_symlink = g_file_new_for_path (symlink_path);
  g_autoptr(GFile) by_hardlink = g_file_new_for_path (hardlink_path);
  ScsWindow *first = open_in_new_window (copy);
  ScsWindow *second;
  guint n_windows;

  g_assert_cmpint (symlink (copy, symlink_path), ==, 0);
  g_assert_cmpint (link (copy, hardlink_path), ==, 0);
  g_assert_false (scs_window_is_empty (first));
  g_assert_true (scs_window_find_for_file (app, by_symlink) == first);
  g_assert_true (scs_window_find_for_file (app, by_hardlink) == first);

  second = scs_window_new (app);
  gtk_window_present (GTK_WINDOW (second));
  scs_window_open_file (second, file);
  scs_window_open_file (second, by_symlink);
  scs_window_open_file (second, by_hardlink);
  scs_ui_test_flush ();
  g_assert_true (scs_window_is_empty (second));
  g_assert_null (scs_window_get_dialog (second));
  g_assert_cmpuint (n_windows_with (file), ==, 1);

  /* From the command line or the desktop: no new window at all. */
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_application_open (G_APPLICATION (app), &by_symlink, 1, "");
  scs_ui_test_flush ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);
  g_assert_cmpuint (n_windows_with (file), ==, 1);
  scs_ui_test_destroy (second);
  scs_ui_test_destroy (first);
}

/* The lock file: written at open, readable by others (0644), naming this process; gone when the window closes. */
static void
test_lock_written_and_removed (void)
{
  g_autofree char *copy = make_copy ();
  g_autofree char *lock = scs_lock_path_for (copy);
  g_autofree char *dir = g_path_get_dirname (copy);
  g_autofree char *expected = g_build_filename (dir, ".~lock.example.scsa#", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pid = g_strdup_printf ("pid=%d\n", (int) getpid ());
  ScsWindow *window;
  GStatBuf st;

  g_assert_cmpstr (lock, ==, expected);
  window = open_in_new_window (copy);
  g_assert_false (scs_window_is_read_only (window));
  g_assert_cmpint (g_stat (lock, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777 & ~0022, ==, 0644 & ~0022);
  text = read_text (lock);
  g_assert_nonnull (strstr (text, pid));
  g_assert_nonnull (strstr (text, g_get_host_name ()));
  g_assert_nonnull (strstr (text, "since="));
  /* Nobody else holds it: the lock of this very process is no one's to ask about. */
  g_assert_null (scs_lock_get_holder (copy));

  scs_ui_test_destroy (window);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
}

/* Someone else's live lock (another host; or a live process here, the test's parent)
 * asks: Cancel opens nothing, Read-Only opens without the right to save and leaves their
 * lock, Open Anyway takes the lock. A dead process's lock on this host is taken silently. */
static void
test_lock_held (void)
{
  g_autofree char *copy = make_copy ();
  g_autofree char *lock = scs_lock_path_for (copy);
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  g_autofree char *before = read_text (copy);
  g_autofree char *our_pid = g_strdup_printf ("pid=%d\n", (int) getpid ());
  AdwMessageDialog *dialog;
  GtkLabel *banner;
  ScsWindow *window;
  GPid dead;
  int status;

  write_lock (copy, "other-host.example", 4242);
  theirs = read_text (lock);
  window = open_in_new_window (copy);
  dialog = scs_window_get_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (scs_window_is_empty (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Hanako Sato"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "other-host.example"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2026-12-01"));
  adw_message_dialog_response (dialog, "cancel");
  scs_ui_test_flush ();
  g_assert_true (scs_window_is_empty (window));
  {
    g_autofree char *now = read_text (lock);

    g_assert_cmpstr (now, ==, theirs);
  }

  /* Read-only: the window's read-only mode, its banner saying why, their lock kept. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (copy);

    scs_window_open_file (window, file);
  }
  SCS_UI_TEST_WAIT_FOR (scs_window_get_dialog (window) != NULL, "the question about the lock");
  dialog = scs_window_get_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "read-only");
  SCS_UI_TEST_WAIT_FOR (!scs_window_is_empty (window), "the file to open read-only");
  g_assert_false (scs_window_is_empty (window));
  g_assert_true (scs_window_is_read_only (window));
  banner = scs_ui_test_child (window, SCS_TYPE_WINDOW, "banner_label");
  g_assert_nonnull (strstr (gtk_label_get_text (banner), "open elsewhere"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_false (scs_window_is_saving (window));
  scs_ui_test_destroy (window);
  after = read_text (lock);
  g_assert_cmpstr (after, ==, theirs);
  g_clear_pointer (&after, g_free);
  after = read_text (copy);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* A live process on this host: the test's parent. Open Anyway takes the lock over. */
  write_lock (copy, g_get_host_name (), getppid ());
  window = open_in_new_window (copy);
  dialog = scs_window_get_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "anyway");
  SCS_UI_TEST_WAIT_FOR (!scs_window_is_empty (window), "the file to open");
  g_assert_false (scs_window_is_empty (window));
  g_assert_false (scs_window_is_read_only (window));
  after = read_text (lock);
  g_assert_nonnull (strstr (after, our_pid));
  g_clear_pointer (&after, g_free);
  scs_ui_test_destroy (window);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  /* A dead process's lock on this host: taken over without a word. */
  {
    char *child_argv[] = { (char *) "/bin/true", NULL };

    g_assert_true (g_spawn_async (NULL, child_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                  &dead, NULL));
    g_assert_cmpint (waitpid (dead, &status, 0), ==, dead);
  }
  write_lock (copy, g_get_host_name (), dead);
  window = open_in_new_window (copy);
  g_assert_null (scs_window_get_dialog (window));
  g_assert_false (scs_window_is_empty (window));
  g_assert_false (scs_window_is_read_only (window));
  after = read_text (lock);
  g_assert_nonnull (strstr (after, our_pid));
  scs_ui_test_destroy (window);
}

/* Where no lock file can be made (a read-only medium; for root, who writes anywhere, a
 * folder in the lock's place) the file still opens, with no question. */
static void
test_lock_unwritable (void)
{
  g_autofree char *copy = make_copy ();
  g_autofree char *dir = g_path_get_dirname (copy);
  g_autofree char *lock = scs_lock_path_for (copy);
  g_autofree char *inside = g_build_filename (lock, "keep", NULL);
  ScsWindow *window;

  g_assert_cmpint (g_mkdir (lock, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "", 0, NULL));
  window = open_in_new_window (copy);
  g_assert_null (scs_window_get_dialog (window));
  g_assert_false (scs_window_is_empty (window));
  g_assert_false (scs_window_is_read_only (window));
  g_assert_true (g_file_test (lock, G_FILE_TEST_IS_DIR));
  scs_ui_test_destroy (window);
  g_assert_cmpint (g_unlink (inside), ==, 0);
  g_assert_cmpint (g_rmdir (lock), ==, 0);

  if (geteuid () == 0)
    return;
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  window = open_in_new_window (copy);
  g_assert_null (scs_window_get_dialog (window));
  g_assert_false (scs_window_is_empty (window));
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  scs_ui_test_destroy (window);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
}

/* Rewrites the file as another program would: other bytes, so its stamp differs. */
static void
change_on_disk (const char *path,
                const char *company)
{
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_default ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ScsEngagement) engagement = scs_storage_load (catalog, file, NULL, NULL);

  g_assert_nonnull (engagement);
  scs_record_set_string (SCS_RECORD (scs_engagement_get_company (engagement)), SCS_M_COMPANY_NAME, company);
  g_assert_true (scs_storage_save (engagement, file, NULL));
}

static void
save_and_expect_question (ScsWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  scs_ui_test_flush ();
  g_assert_false (scs_window_is_saving (window));
  g_assert_nonnull (scs_window_get_dialog (window));
}

/* A file changed by someone else since it was read is not written until the user says
 * what to do, and each answer does what it says. */
static void
test_changed_on_disk (void)
{
  g_autofree char *copy = make_copy ();
  g_autofree char *theirs = NULL;
  g_autofree char *now = NULL;
  ScsWindow *window = open_in_new_window (copy);
  ScsAutosave *autosave;
  const char *recovery;

  /* An ordinary save asks nothing. */
  edit (window, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_saved (window);
  g_assert_null (scs_window_get_dialog (window));
  g_assert_false (scs_window_is_modified (window));

  /* Cancel: nothing written, the edit still unsaved. */
  edit (window, 2);
  change_on_disk (copy, "Changed Elsewhere Ltd");
  theirs = read_text (copy);
  save_and_expect_question (window);
  /* What Enter presses when the question opens is the safe choice, not Overwrite. */
  {
    GtkWidget *focus;

    SCS_UI_TEST_WAIT_FOR (GTK_IS_BUTTON (gtk_window_get_focus (GTK_WINDOW (scs_window_get_dialog (window)))),
                          "a button of the question to have the focus");
    focus = gtk_window_get_focus (GTK_WINDOW (scs_window_get_dialog (window)));
    g_assert_true (GTK_IS_BUTTON (focus));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "Save _As…");
  }
  adw_message_dialog_response (scs_window_get_dialog (window), "cancel");
  scs_ui_test_flush ();
  now = read_text (copy);
  g_assert_cmpstr (now, ==, theirs);
  g_assert_true (scs_window_is_modified (window));
  g_clear_pointer (&now, g_free);

  /* Overwrite: this window's engagement replaces theirs; the next save asks nothing. */
  save_and_expect_question (window);
  adw_message_dialog_response (scs_window_get_dialog (window), "overwrite");
  scs_ui_test_flush ();
  wait_saved (window);
  g_assert_false (scs_window_is_modified (window));
  now = read_text (copy);
  g_assert_null (strstr (now, "Changed Elsewhere Ltd"));
  g_clear_pointer (&now, g_free);
  edit (window, 3);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_saved (window);
  g_assert_null (scs_window_get_dialog (window));

  /* Reload: the file as it is now comes in; the edits made here stay in the recovery copy. */
  edit (window, 4);
  change_on_disk (copy, "Reloaded Company KK");
  save_and_expect_question (window);
  autosave = scs_window_get_autosave (window);
  recovery = scs_autosave_get_copy_path (autosave);
  {
    g_autofree char *kept = g_strdup (recovery);
    g_autofree char *copy_text = NULL;

    adw_message_dialog_response (scs_window_get_dialog (window), "reload");
    scs_ui_test_flush ();
    g_assert_false (scs_window_is_empty (window));
    g_assert_false (scs_window_is_modified (window));
    g_assert_cmpstr (scs_record_get_string (SCS_RECORD (scs_engagement_get_company (scs_window_get_engagement (window))), SCS_M_COMPANY_NAME),
                     ==, "Reloaded Company KK");
    g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
    copy_text = read_text (kept);
    g_assert_null (strstr (copy_text, "Reloaded Company KK"));
  }

  /* A file removed since: asked too; Overwrite writes it again. */
  edit (window, 1);
  g_assert_cmpint (g_unlink (copy), ==, 0);
  save_and_expect_question (window);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  /* Reload with nothing to read keeps the window's engagement and its edit. */
  adw_message_dialog_response (scs_window_get_dialog (window), "reload");
  scs_ui_test_flush ();
  g_assert_false (scs_window_is_empty (window));
  g_assert_true (scs_window_is_modified (window));
  save_and_expect_question (window);
  adw_message_dialog_response (scs_window_get_dialog (window), "overwrite");
  scs_ui_test_flush ();
  wait_saved (window);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  scs_ui_test_destroy (window);
}

/* Saving a file opened through a symbolic link writes the link's target and keeps the link. */
static void
test_save_through_symlink (void)
{
  g_autofree char *copy = make_copy ();
  g_autofree char *other_dir = g_dir_make_tmp ("scs-writer-links-XXXXXX", NULL);
  g_autofree char *link_path = g_build_filename (other_dir, "link.scsa", NULL);
  g_autofree char *before = read_text (copy);
  g_autofree char *after = NULL;
  g_autofree char *target = NULL;
  ScsWindow *window;
  GStatBuf st;

  g_assert_cmpint (symlink (copy, link_path), ==, 0);
  window = open_in_new_window (link_path);
  edit (window, 5);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_saved (window);
  g_assert_null (scs_window_get_dialog (window));
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link_path, NULL);
  g_assert_cmpstr (target, ==, copy);
  after = read_text (copy);
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  scs_ui_test_destroy (window);
}

/* Save As onto a file another window has open, or another copy of the app holds, writes
 * nothing; onto a free name it writes, and the lock moves with the window. */
static void
test_save_as_refuses_open_files (void)
{
  g_autofree char *a_path = make_copy ();
  g_autofree char *b_path = make_copy ();
  g_autofree char *c_path = make_copy ();
  g_autofree char *b_dir = g_path_get_dirname (b_path);
  g_autofree char *d_path = g_build_filename (b_dir, "renamed.scsa", NULL);
  g_autofree char *a_before = read_text (a_path);
  g_autofree char *c_before = read_text (c_path);
  g_autofree char *now = NULL;
  g_autofree char *b_lock = scs_lock_path_for (b_path);
  g_autofree char *d_lock = scs_lock_path_for (d_path);
  g_autoptr(GFile) a_file = g_file_new_for_path (a_path);
  g_autoptr(GFile) b_file = g_file_new_for_path (b_path);
  g_autoptr(GFile) c_file = g_file_new_for_path (c_path);
  g_autoptr(GFile) d_file = g_file_new_for_path (d_path);
  ScsWindow *a = open_in_new_window (a_path);
  ScsWindow *b = open_in_new_window (b_path);

  edit (b, 2);
  scs_window_save_to (b, a_file);
  scs_ui_test_flush ();
  g_assert_false (scs_window_is_saving (b));
  now = read_text (a_path);
  g_assert_cmpstr (now, ==, a_before);
  g_clear_pointer (&now, g_free);
  g_assert_true (g_file_equal (scs_window_get_file (b), b_file));

  write_lock (c_path, "other-host.example", 99);
  scs_window_save_to (b, c_file);
  scs_ui_test_flush ();
  g_assert_false (scs_window_is_saving (b));
  now = read_text (c_path);
  g_assert_cmpstr (now, ==, c_before);
  g_assert_true (scs_window_is_modified (b));

  g_assert_true (g_file_test (b_lock, G_FILE_TEST_EXISTS));
  scs_window_save_to (b, d_file);
  wait_saved (b);
  g_assert_true (g_file_equal (scs_window_get_file (b), d_file));
  g_assert_false (scs_window_is_modified (b));
  g_assert_false (g_file_test (b_lock, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (d_lock, G_FILE_TEST_EXISTS));
  scs_ui_test_destroy (b);
  scs_ui_test_destroy (a);
  g_assert_false (g_file_test (d_lock, G_FILE_TEST_EXISTS));
}

/* A model the loader would refuse — here a citation of a document the inventory lacks, put
 * in behind the window's back — is never written: the file keeps its bytes and the window
 * keeps its edits as unsaved. */
static void
test_never_writes_what_it_would_refuse (void)
{
  g_autofree char *copy = make_copy ();
  g_autofree char *before = read_text (copy);
  g_autofree char *after = NULL;
  g_autoptr(ScsRecord) reference = g_object_new (SCS_TYPE_REFERENCE, NULL);
  ScsWindow *window = open_in_new_window (copy);
  ScsAssessment *assessment;
  ScsRecord *documents;

  edit (window, 5);
  assessment = scs_engagement_get_assessment (scs_window_get_engagement (window), "7-1-1-1");
  documents = SCS_RECORD (scs_assessment_get_procedure (assessment, 0));
  scs_record_set_string (reference, SCS_M_REFERENCE_DOCUMENT, "一覧にない文書");
  g_list_store_append (G_LIST_STORE (scs_record_get_list (documents, SCS_M_PROCEDURE_REFS)), reference);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_saved (window);
  after = read_text (copy);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (scs_window_is_modified (window));

  /* Taken out again, the same save writes. */
  g_list_store_remove (G_LIST_STORE (scs_record_get_list (documents, SCS_M_PROCEDURE_REFS)),
                       g_list_model_get_n_items (scs_record_get_list (documents, SCS_M_PROCEDURE_REFS)) - 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_saved (window);
  g_clear_pointer (&after, g_free);
  after = read_text (copy);
  g_assert_cmpstr (after, !=, before);
  g_assert_false (scs_window_is_modified (window));
  scs_ui_test_destroy (window);
}

/* A save asked for while one is still being written waits for it, is checked against the
 * file then, and writes the later edits: nothing is lost, nothing is asked. */
static void
test_save_during_save (void)
{
  g_autofree char *copy = make_copy ();
  g_autofree char *text = NULL;
  ScsWindow *window = open_in_new_window (copy);
  g_autoptr(ScsEngagement) saved = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_default ();
  g_autoptr(GFile) file = g_file_new_for_path (copy);

  edit (window, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (scs_window_is_saving (window));
  edit (window, 4);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_saved (window);
  g_assert_null (scs_window_get_dialog (window));
  g_assert_false (scs_window_is_modified (window));
  saved = scs_storage_load (catalog, file, NULL, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (scs_assessment_get_company_status (scs_engagement_get_assessment (saved, "7-1-1-1")),
                   ==, scs_assessment_get_company_status (
                         scs_engagement_get_assessment (scs_window_get_engagement (window), "7-1-1-1")));
  scs_ui_test_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  app = scs_ui_test_init (&argc, &argv);
  g_test_add_func ("/writer/same-file-raises", test_same_file_raises);
  g_test_add_func ("/writer/lock-written-and-removed", test_lock_written_and_removed);
  g_test_add_func ("/writer/lock-held", test_lock_held);
  g_test_add_func ("/writer/lock-unwritable", test_lock_unwritable);
  g_test_add_func ("/writer/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/writer/save-through-symlink", test_save_through_symlink);
  g_test_add_func ("/writer/save-as-refuses-open-files", test_save_as_refuses_open_files);
  g_test_add_func ("/writer/save-during-save", test_save_during_save);
  g_test_add_func ("/writer/never-writes-what-it-would-refuse",
                   test_never_writes_what_it_would_refuse);
  return g_test_run ();
}
