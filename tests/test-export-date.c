/* test-export-date.c — the Export window's date row: the report's own date until one is
 * typed, a date typed as people type it, and no export while it is not a date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <glib/gstdio.h>
#include "scs-export-dialog.h"
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
  g_test_add_func ("/export-date/row", test_date_row);
  g_test_add_func ("/export-date/visit-choices", test_visit_choices);
  return g_test_run ();
}
