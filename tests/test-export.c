/* test-export.c — the Export window of a real window: PDF, workbook and CSV files, and the
 * print path drawing the same pages; the date row: the report's own date until one is typed,
 * a date typed as people type it, and no export while it is not a date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* link, symlink: POSIX beyond C11. */
#define _XOPEN_SOURCE 700

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "scs-export-dialog.h"
#include "scs-import-dialog.h"
#include "scs-new-dialog.h"
#include "scs-test.h"
#include "scs-ui-test.h"

static ScsApplication *app;

static ScsWindow *
open_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                            "example-aaa.scsa", NULL);
  ScsWindow *window = scs_ui_test_open_copy (app, path, NULL);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static guint
count_pdf_pages (const char *data,
                 gsize       length)
{
  static const char key[] = "/Type /Page";
  gsize k = sizeof key - 1;
  guint n = 0;

  /* Page objects, not the Pages tree: the key followed by anything but "s". PDF holds
   * binary streams, so no string functions. */
  for (gsize i = 0; i + k < length; i++)
    if (memcmp (data + i, key, k) == 0 && data[i + k] != 's')
      n++;
  return n;
}

static void
test_export_formats (void)
{
  ScsWindow *window = open_example ();
  g_autofree char *dir = g_dir_make_tmp ("scs-export-XXXXXX", NULL);
  const char *names[] = { "r.pdf", "r.xlsx", "r.csv" };
  const char *magic[] = { "%PDF-", "PK\x03\x04", "\xEF\xBB\xBF" };
  ScsExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  SCS_UI_TEST_WAIT_FOR (scs_window_get_export_dialog (window) != NULL &&
                        gtk_widget_get_visible (GTK_WIDGET (scs_window_get_export_dialog (window))),
                        "the Export window");
  dialog = scs_window_get_export_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autofree char *path = g_build_filename (dir, names[f], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize length = 0;

      scs_export_dialog_set_format (dialog, f);
      g_assert_true (scs_export_dialog_write (dialog, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (memcmp (data, magic[f], strlen (magic[f])) == 0);
      g_unlink (path);
    }
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (dialog));
  scs_ui_test_destroy (window);
}

/* The confidentiality mark applies to every format: its row stays editable for the workbook
 * and the CSV, and the CSV written from the window carries what was typed on every row. The
 * paper applies to the PDF and the workbook, which prints on it. */
static void
test_mark_on_every_format (void)
{
  ScsWindow *window = open_example ();
  ScsExportDialog *dialog = scs_window_show_export (window, FALSE);
  GtkWidget *mark_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                   SCS_TYPE_EXPORT_DIALOG,
                                                                   "mark_row"));
  GtkWidget *paper_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                    SCS_TYPE_EXPORT_DIALOG,
                                                                    "paper_row"));
  g_autofree char *dir = g_dir_make_tmp ("scs-mark-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "marked.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GArray) rows = NULL;
  ScsReportOptions options;
  guint n = 0;

  g_assert_nonnull (mark_row);
  for (ScsExportFormat f = SCS_EXPORT_PDF; f <= SCS_EXPORT_CSV; f++)
    {
      scs_export_dialog_set_format (dialog, f);
      g_assert_true (gtk_widget_get_sensitive (mark_row));
      g_assert_true (gtk_widget_get_visible (mark_row));
      g_assert_true (gtk_widget_get_sensitive (paper_row) == (f != SCS_EXPORT_CSV));
    }
  gtk_editable_set_text (GTK_EDITABLE (mark_row), " 部外秘テスト ");
  g_assert_true (scs_export_dialog_write (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  scs_export_dialog_get_options (dialog, &options);
  rows = scs_report_list_criteria (scs_window_get_engagement (window), &options);
  g_assert_true (g_str_has_prefix (strstr (data, "\r\n") - strlen (",Classification"),
                                   ",Classification\r\n"));
  for (const char *p = data; (p = strstr (p, ",部外秘テスト\r\n")) != NULL; p++)
    n++;
  g_assert_cmpuint (rows->len, >, 50);
  g_assert_cmpuint (n, ==, rows->len);

  /* Emptied, the mark leaves the CSV as it always was. */
  gtk_editable_set_text (GTK_EDITABLE (mark_row), "");
  g_clear_pointer (&data, g_free);
  g_assert_true (scs_export_dialog_write (dialog, file, &error));
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_null (strstr (data, "Classification"));
  g_assert_null (strstr (data, "部外秘テスト"));
  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (dialog));
  scs_ui_test_destroy (window);
}

/* The print path (GtkPrintOperation, here exporting to a file) gets the report's pages. */
static void
test_print_operation (void)
{
  ScsWindow *window = open_example ();
  ScsExportDialog *dialog = scs_window_show_export (window, TRUE);
  g_autofree char *dir = g_dir_make_tmp ("scs-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) op = NULL;
  gsize length = 0;
  ScsReportOptions options;
  g_autoptr(ScsReport) report = NULL;

  scs_export_dialog_set_kind (dialog, SCS_REPORT_PLAN);
  scs_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.kind, ==, SCS_REPORT_PLAN);
  report = scs_report_new (scs_window_get_engagement (window), &options);
  op = scs_export_dialog_new_print_operation (dialog);
  gtk_print_operation_set_export_filename (op, path);
  g_assert_cmpint (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (count_pdf_pages (data, length), ==, scs_report_get_n_pages (report));
  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (dialog));
  scs_ui_test_destroy (window);
}

static void
on_exported (ScsExportDialog *dialog,
             GFile           *file,
             GFile          **out)
{
  *out = g_object_ref (file);
}

/* The Export button's path: written in a worker thread, then "exported" and a toast. */
static void
test_export_in_thread (void)
{
  ScsWindow *window = open_example ();
  ScsExportDialog *dialog = scs_window_show_export (window, FALSE);
  g_autofree char *dir = g_dir_make_tmp ("scs-async-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) done = NULL;
  guint n_maturity = g_list_model_get_n_items (
    scs_record_get_list (SCS_RECORD (scs_window_get_engagement (window)), SCS_M_ENGAGEMENT_MATURITY));

  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &done);
  scs_export_dialog_write_async (dialog, file);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dialog)));
  SCS_UI_TEST_WAIT_FOR (done != NULL, "the export to be written");
  g_assert_nonnull (done);
  g_assert_true (g_file_equal (done, file));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* Laying the report out made no record. */
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (scs_window_get_engagement (window)),
                                                                   SCS_M_ENGAGEMENT_MATURITY)), ==, n_maturity);
  g_assert_false (scs_window_is_modified (window));
  g_unlink (path);
  g_rmdir (dir);
  scs_ui_test_destroy (window);
}

/* A write that fails leaves the file under the name as it was, and says why. */
static void
test_failed_export_keeps_file (void)
{
  ScsWindow *window = open_example ();
  ScsExportDialog *dialog = scs_window_show_export (window, FALSE);
  g_autofree char *dir = g_dir_make_tmp ("scs-fail-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "r.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;

  g_assert_false (scs_export_dialog_write (dialog, file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (dialog));
  scs_ui_test_destroy (window);
}

static void
on_failed (ScsExportDialog *dialog,
           const char      *message,
           char           **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

/* The Export window and the dashboard's radar image never write over the engagement they
 * show, whatever name leads to it, and say so; the file keeps its bytes. */
static void
test_export_onto_engagement (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                              "example-aaa.scsa", NULL);
  g_autofree char *copy = NULL;
  ScsWindow *window = scs_ui_test_open_copy (app, source, &copy);
  ScsExportDialog *dialog = scs_window_show_export (window, FALSE);
  g_autofree char *dir = g_path_get_dirname (copy);
  g_autofree char *hard_path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *sym_path = g_build_filename (dir, "radar.png", NULL);
  g_autoptr(GFile) own = g_file_new_for_path (copy);
  g_autoptr(GFile) hard = g_file_new_for_path (hard_path);
  g_autoptr(GFile) sym = g_file_new_for_path (sym_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *failed = NULL;

  g_assert_true (g_file_get_contents (copy, &before, NULL, NULL));
  g_assert_cmpint (link (copy, hard_path), ==, 0);
  g_assert_cmpint (symlink (copy, sym_path), ==, 0);

  g_assert_false (scs_export_dialog_write (dialog, own, &error));
  g_assert_nonnull (strstr (error->message, "engagement file itself"));
  g_clear_error (&error);
  g_assert_false (scs_export_dialog_write (dialog, hard, &error));
  g_assert_nonnull (strstr (error->message, "engagement file itself"));
  g_clear_error (&error);

  /* The Export button's path: "failed" with the message, nothing "exported". */
  g_signal_connect (dialog, "failed", G_CALLBACK (on_failed), &failed);
  scs_export_dialog_write_async (dialog, own);
  SCS_UI_TEST_WAIT_FOR (failed != NULL, "the export to fail");
  g_assert_nonnull (failed);
  g_assert_nonnull (strstr (failed, "engagement file itself"));

  g_assert_false (scs_dashboard_page_export_radar (scs_window_get_dashboard_page (window), sym, &error));
  g_assert_nonnull (strstr (error->message, "engagement file itself"));
  g_assert_true (g_file_test (sym_path, G_FILE_TEST_IS_SYMLINK));

  g_assert_true (g_file_get_contents (copy, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  gtk_window_destroy (GTK_WINDOW (dialog));
  scs_ui_test_destroy (window);
}

/* The CSV the Export window writes for dialog, as text. */
static char *
export_csv (ScsExportDialog *dialog,
            const char      *dir,
            const char      *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  scs_export_dialog_set_format (dialog, SCS_EXPORT_CSV);
  g_assert_true (scs_export_dialog_write (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_unlink (path);
  return text;
}

/* Confidential by default: the report options, and so every output, leave verdicts marked
 * for follow-up out unless asked; the Export window's switch for them starts off in every
 * new window, whatever was chosen in the last one or for another engagement. */
static void
test_follow_up_off_by_default (void)
{
  ScsWindow *window = open_example ();
  ScsWindow *other = open_example ();
  ScsEngagement *engagement = scs_window_get_engagement (window);
  GListModel *assessments = scs_engagement_get_assessments (engagement);
  g_autofree char *dir = g_dir_make_tmp ("scs-follow-up-XXXXXX", NULL);
  g_autofree char *off = NULL, *on = NULL, *again = NULL, *note = NULL;
  ScsExportDialog *dialog;
  ScsReportOptions options;
  const char *comment = NULL;
  guint n_flagged = 0;

  scs_report_options_init (&options);
  g_assert_false (options.unconfirmed);
  g_assert_cmpint (scs_report_options_get_count (&options), ==, SCS_COUNT_CONFIRMED);
  g_assert_null (scs_report_describe_follow_up (engagement, &options));

  /* The example flags verdicts for follow-up; a comment of one found nowhere else shows
   * whether they print (the example's own comments repeat). */
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (assessments, i);

      if (!scs_record_get_boolean (SCS_RECORD (a), SCS_M_ASSESSMENT_FOLLOW_UP)
          || scs_assessment_get_verdict (a)[0] == '\0')
        continue;
      if (n_flagged++ == 0)
        {
          scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_EXPERT_COMMENT, "FOLLOW-UP-COMMENT-CANARY");
          comment = scs_assessment_get_expert_comment (a);
        }
    }
  g_assert_cmpuint (n_flagged, >, 0);
  g_assert_cmpstr (comment, ==, "FOLLOW-UP-COMMENT-CANARY");
  options.unconfirmed = TRUE;
  note = scs_report_describe_follow_up (engagement, &options);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "still marked for follow-up"));
  {
    g_autofree char *count = g_strdup_printf (" %u ", n_flagged);

    g_assert_nonnull (strstr (note, count));
  }

  dialog = scs_window_show_export (window, FALSE);
  g_assert_true (scs_export_dialog_offers_unconfirmed (dialog));
  scs_export_dialog_get_options (dialog, &options);
  g_assert_false (options.unconfirmed);
  off = export_csv (dialog, dir, "off.csv");
  g_assert_null (strstr (off, comment));
  scs_export_dialog_set_unconfirmed (dialog, TRUE);
  scs_export_dialog_get_options (dialog, &options);
  g_assert_true (options.unconfirmed);
  on = export_csv (dialog, dir, "on.csv");
  g_assert_nonnull (strstr (on, comment));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Not remembered: off again in the next window, for this engagement or another. */
  dialog = scs_window_show_export (window, FALSE);
  scs_export_dialog_get_options (dialog, &options);
  g_assert_false (options.unconfirmed);
  again = export_csv (dialog, dir, "again.csv");
  g_assert_cmpstr (again, ==, off);
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = scs_window_show_export (other, TRUE);
  scs_export_dialog_get_options (dialog, &options);
  g_assert_false (options.unconfirmed);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_rmdir (dir);
  scs_ui_test_destroy (other);
  scs_ui_test_destroy (window);
}

static GtkWindow *
find_toplevel (GType       type,
               const char *title)
{
  GListModel *all = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (all, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type)
          && (title == NULL || g_strcmp0 (gtk_window_get_title (w), title) == 0)
          && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

/* A workbook that cannot hold a text: nothing is written, and the window names the text. */
static void
test_overlong_text_refuses_workbook (void)
{
  ScsWindow *window = open_example ();
  ScsExportDialog *dialog = scs_window_show_export (window, FALSE);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsAssessment *a = g_list_model_get_item (scs_engagement_get_assessments (engagement), 0);
  g_autofree char *dir = g_dir_make_tmp ("scs-long-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "book.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *id = g_strdup (scs_record_get_string (SCS_RECORD (a), SCS_M_ASSESSMENT_CRITERION));
  GtkWindow *alert = NULL;
  const char *body;

  while (g_utf8_strlen (text->str, -1) < 40000)
    g_string_append (text, "情報資産の台帳");
  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_COMPANY_COMMENT, text->str);
  g_object_unref (a);
  scs_export_dialog_set_format (dialog, SCS_EXPORT_XLSX);
  scs_export_dialog_write_async (dialog, file);
  SCS_UI_TEST_WAIT_FOR ((alert = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL)) != NULL,
                        "the alert saying the export failed");
  g_assert_nonnull (alert);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (alert));
  g_assert_nonnull (strstr (body, id));
  g_assert_nonnull (strstr (body, "32,767"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  scs_ui_test_destroy (alert);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (dialog));
  scs_ui_test_destroy (window);
}

/* The main menu's About and Help (F1) open their windows. */
static void
test_about_and_help (void)
{
  ScsWindow *window = open_example ();
  GtkWindow *about, *help;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  SCS_UI_TEST_WAIT_FOR ((about = find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL)) != NULL,
                        "the About window");
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, SCS_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  scs_ui_test_destroy (about);
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  SCS_UI_TEST_WAIT_FOR ((help = find_toplevel (ADW_TYPE_WINDOW, "Help")) != NULL, "the Help window");
  g_assert_nonnull (help);
  scs_ui_test_destroy (help);
  scs_ui_test_destroy (window);
}

/* The New dialog offers the verdict scale chosen last time (a setting). */
static void
test_default_verdict_scale (void)
{
  GSettings *settings = scs_application_get_settings (app);
  ScsFramework *fw = scs_catalog_get_latest (scs_application_get_catalog (app), "scs");
  GPtrArray *scales = scs_framework_get_verdict_scales (fw);
  const char *other = NULL;
  ScsNewDialog *dialog;
  g_autoptr(ScsEngagement) first = NULL, second = NULL;
  g_autofree char *remembered = NULL;

  g_assert_cmpuint (scales->len, >=, 2);
  for (guint i = 0; i < scales->len; i++)
    if (!g_str_equal (((ScsScale *) g_ptr_array_index (scales, i))->id,
                      scs_framework_get_default_verdict_scale (fw)))
      other = ((ScsScale *) g_ptr_array_index (scales, i))->id;
  g_settings_reset (settings, "default-verdict-scale");
  dialog = scs_new_dialog_new (NULL, fw, settings);
  first = scs_new_dialog_create (dialog);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (first), SCS_M_ENGAGEMENT_VERDICT_SCALE), ==,
                   scs_framework_get_default_verdict_scale (fw));
  scs_new_dialog_set_values (dialog, "X", 3, other, "");
  g_clear_object (&first);
  first = scs_new_dialog_create (dialog);
  scs_ui_test_destroy (dialog);
  remembered = g_settings_get_string (settings, "default-verdict-scale");
  g_assert_cmpstr (remembered, ==, other);
  dialog = scs_new_dialog_new (NULL, fw, settings);
  second = scs_new_dialog_create (dialog);
  scs_ui_test_destroy (dialog);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (second), SCS_M_ENGAGEMENT_VERDICT_SCALE), ==, other);
  g_settings_reset (settings, "default-verdict-scale");
}

/* Every file of the malformed corpus opened in a window: a message naming the fault, no
 * engagement shown, no crash, the file as it was. */
static void
test_malformed_files_show_a_message (void)
{
  g_autoptr(GPtrArray) cases = scs_test_read_cases ("bad");
  guint n = 0;

  for (guint i = 0; i < cases->len; i++)
    {
      ScsTestCase *c = g_ptr_array_index (cases, i);
      g_autofree char *before = NULL, *after = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (c->path);
      GtkWindow *dialog;
      ScsWindow *window;

      window = scs_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      g_file_get_contents (c->path, &before, NULL, NULL);
      scs_window_open_file (window, file);
      scs_ui_test_flush ();
      if (strstr (c->message, "newer version") != NULL)
        {
          /* A newer format opens read-only, with the message on a banner. */
          g_assert_nonnull (scs_window_get_engagement (window));
          g_assert_true (scs_window_is_read_only (window));
          g_file_get_contents (c->path, &after, NULL, NULL);
          g_assert_cmpstr (before, ==, after);
          scs_ui_test_destroy (window);
          n++;
          continue;
        }
      dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
      g_assert_nonnull (dialog);
      if (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), c->message) == NULL)
        g_error ("%s: the window said “%s”", c->name, adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
      g_assert_null (scs_window_get_engagement (window));
      scs_ui_test_destroy (dialog);
      g_file_get_contents (c->path, &after, NULL, NULL);
      g_assert_cmpstr (before, ==, after);
      scs_ui_test_destroy (window);
      n++;
    }
  g_assert_cmpuint (n, >=, 40);
}

/* Every file of the refused-import corpus imported into an open engagement: a message, no
 * import window, the engagement and the file as they were. */
static void
test_refused_imports_show_a_message (void)
{
  g_autoptr(GPtrArray) cases = scs_test_read_cases ("bad-imports");
  g_autofree char *base_path = scs_test_data_path ("base.scsa");
  g_autoptr(GFile) base = g_file_new_for_path (base_path);
  ScsWindow *window = scs_window_new (app);
  g_autoptr(GBytes) engagement_before = NULL;
  guint n = cases->len;

  gtk_window_present (GTK_WINDOW (window));
  scs_window_open_file (window, base);
  scs_ui_test_flush ();
  g_assert_nonnull (scs_window_get_engagement (window));
  engagement_before = scs_storage_serialize (scs_window_get_engagement (window));
  for (guint i = 0; i < cases->len; i++)
    {
      ScsTestCase *c = g_ptr_array_index (cases, i);
      g_autofree char *before = NULL, *after = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (c->path);
      g_autoptr(GBytes) engagement_after = NULL;
      GtkWindow *dialog;

      g_file_get_contents (c->path, &before, NULL, NULL);
      scs_window_import_file (window, file);
      scs_ui_test_flush ();
      g_assert_null (find_toplevel (SCS_TYPE_IMPORT_DIALOG, NULL));
      dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
      g_assert_nonnull (dialog);
      g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                                "Could Not Be Imported"));
      if (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), c->message) == NULL)
        g_error ("%s: the window said “%s”", c->name, adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
      scs_ui_test_destroy (dialog);
      engagement_after = scs_storage_serialize (scs_window_get_engagement (window));
      g_assert_true (g_bytes_equal (engagement_before, engagement_after));
      g_file_get_contents (c->path, &after, NULL, NULL);
      g_assert_cmpstr (before, ==, after);
    }
  g_assert_cmpuint (n, >=, 8);
  scs_ui_test_destroy (window);
}

/* the date row ------------------------------------------------------------------------------ */

static GtkWidget *
date_row (ScsExportDialog *dialog)
{
  return scs_ui_test_child (dialog, SCS_TYPE_EXPORT_DIALOG, "date_row");
}

/* What the row says beside the date. */
static const char *
note (ScsExportDialog *dialog)
{
  return gtk_label_get_text (scs_ui_test_child (dialog, SCS_TYPE_EXPORT_DIALOG, "date_note"));
}

static const char *
row_text (ScsExportDialog *dialog)
{
  return gtk_editable_get_text (GTK_EDITABLE (date_row (dialog)));
}

static void
type_date (ScsExportDialog *dialog,
           const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (date_row (dialog)), text);
}

static gboolean
can_export (ScsExportDialog *dialog)
{
  return gtk_widget_get_sensitive (scs_ui_test_child (dialog, SCS_TYPE_EXPORT_DIALOG,
                                                      "export_button"));
}

/* The words pdftotext reads in a PDF. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                               | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
count (const char *haystack,
       const char *needle)
{
  g_auto(GStrv) parts = g_strsplit (haystack, needle, -1);

  return g_strv_length (parts) - 1;
}

/* Each report shows the date it takes by itself; typed, a date stays through a change of
 * report and is what the PDF carries on every page. */
static void
test_date_row (void)
{
  ScsWindow *window = open_example ();
  ScsExportDialog *dialog = scs_window_show_export (window, FALSE);
  AdwComboRow *visit_row = scs_ui_test_child (dialog, SCS_TYPE_EXPORT_DIALOG, "visit_row");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *dir = g_dir_make_tmp ("scs-date-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ScsReportOptions options;
  guint n_pages;

  /* The full report: today; the plan: its agreed date; a visit: that visit's. */
  g_assert_cmpstr (row_text (dialog), ==, today);
  scs_export_dialog_set_kind (dialog, SCS_REPORT_PLAN);
  g_assert_cmpstr (row_text (dialog), ==, "2025-12-16");
  g_assert_cmpstr (note (dialog), ==, "The plan’s agreed date");
  scs_export_dialog_get_options (dialog, &options);
  g_assert_null (options.date);
  scs_export_dialog_set_kind (dialog, SCS_REPORT_VISITS);
  g_assert_cmpstr (row_text (dialog), ==, "");
  adw_combo_row_set_selected (visit_row, 2);
  g_assert_cmpstr (row_text (dialog), ==, "2025-12-02");
  scs_export_dialog_set_kind (dialog, SCS_REPORT_PLAN);
  g_assert_cmpstr (row_text (dialog), ==, "2025-12-16");

  /* Not a date: marked, and nothing can be made of it. */
  type_date (dialog, "2026/2/30");
  g_assert_true (gtk_widget_has_css_class (date_row (dialog), "error"));
  g_assert_nonnull (strstr (note (dialog), "2026-02-30"));
  g_assert_false (can_export (dialog));
  type_date (dialog, "2026/4/15");
  g_assert_false (gtk_widget_has_css_class (date_row (dialog), "error"));
  g_assert_true (can_export (dialog));
  scs_export_dialog_get_options (dialog, &options);
  g_assert_cmpstr (options.date, ==, "2026-04-15");

  /* Typed, it stays when the report changes. */
  scs_export_dialog_set_kind (dialog, SCS_REPORT_SHEET);
  scs_export_dialog_set_kind (dialog, SCS_REPORT_PLAN);
  g_assert_cmpstr (row_text (dialog), ==, "2026/4/15");

  g_assert_true (scs_export_dialog_write (dialog, file, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  /* Once in every page's foot, and the plan's own agreed date no longer there. */
  n_pages = count (text, "\f");
  g_assert_cmpuint (n_pages, >=, 1);
  g_assert_cmpuint (count (text, "15 April 2026"), ==, n_pages);
  g_assert_cmpuint (count (text, "Page 1 / "), ==, 1);

  /* Emptied, the report takes its own date again, shown after the next change. */
  type_date (dialog, "");
  g_assert_true (can_export (dialog));
  scs_export_dialog_get_options (dialog, &options);
  g_assert_null (options.date);
  scs_export_dialog_set_kind (dialog, SCS_REPORT_SHEET);
  g_assert_cmpstr (row_text (dialog), ==, today);

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (dialog));
  scs_ui_test_destroy (window);
}

/* The visit list offers the engagement's visits and no other. */
static void
test_visit_choices (void)
{
  ScsWindow *window = open_example ();
  ScsExportDialog *dialog = scs_window_show_export (window, FALSE);
  AdwComboRow *visit_row = scs_ui_test_child (dialog, SCS_TYPE_EXPORT_DIALOG, "visit_row");
  GListModel *visits = scs_record_get_list (SCS_RECORD (scs_window_get_engagement (window)),
                                            SCS_M_ENGAGEMENT_VISITS);
  GListModel *items = adw_combo_row_get_model (visit_row);
  ScsReportOptions options;

  scs_export_dialog_set_kind (dialog, SCS_REPORT_VISITS);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1 + g_list_model_get_n_items (visits));
  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(ScsRecord) v = g_list_model_get_item (visits, i);

      adw_combo_row_set_selected (visit_row, i + 1);
      scs_export_dialog_get_options (dialog, &options);
      g_assert_cmpint (options.visit, ==, scs_record_get_int (v, SCS_M_VISIT_NUMBER));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  scs_ui_test_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  app = scs_ui_test_init (&argc, &argv);
  g_test_add_func ("/export/formats", test_export_formats);
  g_test_add_func ("/export/print-operation", test_print_operation);
  g_test_add_func ("/export/mark-on-every-format", test_mark_on_every_format);
  g_test_add_func ("/export/failed-export-keeps-file", test_failed_export_keeps_file);
  g_test_add_func ("/export/in-thread", test_export_in_thread);
  g_test_add_func ("/export/overlong-text-refuses-workbook", test_overlong_text_refuses_workbook);
  g_test_add_func ("/export/onto-engagement", test_export_onto_engagement);
  g_test_add_func ("/export/follow-up-off-by-default", test_follow_up_off_by_default);
  g_test_add_func ("/export/date-row", test_date_row);
  g_test_add_func ("/export/visit-choices", test_visit_choices);
  g_test_add_func ("/app/about-and-help", test_about_and_help);
  g_test_add_func ("/app/default-verdict-scale", test_default_verdict_scale);
  g_test_add_func ("/app/malformed-files-show-a-message", test_malformed_files_show_a_message);
  g_test_add_func ("/app/refused-imports-show-a-message", test_refused_imports_show_a_message);
  return g_test_run ();
}
