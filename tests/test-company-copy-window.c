/* test-company-copy-window.c — the company's copy made from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog behind win.company-copy (its choices, the draft plan, the settings it keeps)
 * and the window's writing path, with a marker in every expert-only field of the open
 * engagement: the file written holds none of them.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "scs-company-copy-dialog.h"
#include "scs-import-dialog.h"
#include "scs-protect-private.h"
#include "scs-test.h"
#include "scs-ui-test.h"

static ScsApplication *app;

static ScsWindow *
open_example (char **copy)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                            "example-aaa.scsa", NULL);

  return scs_ui_test_open_copy (app, path, copy);
}

static ScsCompanyCopyDialog *
open_dialog (ScsWindow *window)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.company-copy", NULL));
  SCS_UI_TEST_WAIT_FOR (scs_window_get_dialog (window) != NULL, "the company copy dialog");
  dialog = scs_window_get_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (SCS_IS_COMPANY_COPY_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  return SCS_COMPANY_COPY_DIALOG (dialog);
}

static void
close_dialog (ScsWindow        *window,
              AdwMessageDialog *dialog,
              const char       *response)
{
  /* As a click on its button: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, response);
  scs_ui_test_destroy (dialog);
  g_assert_null (scs_window_get_dialog (window));
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Waits for the file that is written off the main loop: it appears whole (renamed into
 * place), or a dialog says why it was not written. */
static gboolean
wait_written (ScsWindow  *window,
              const char *path)
{
  SCS_UI_TEST_WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS) || scs_window_get_dialog (window) != NULL,
                        "the company copy written, or a dialog saying why not");
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The choices start as last kept; Cancel keeps nothing; a plan without an agreed date
 * cannot be ticked and leaves the choice kept for agreed plans alone. */
static void
test_dialog (void)
{
  ScsWindow *window = open_example (NULL);
  GSettings *settings = scs_application_get_settings (app);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsRecord *plan = SCS_RECORD (scs_engagement_get_plan (engagement));
  ScsCompanyCopyDialog *dialog;
  ScsCompanyCopyOptions options = { TRUE, TRUE };

  g_settings_set_boolean (settings, "company-copy-plan", FALSE);
  g_settings_set_boolean (settings, "company-copy-verdicts", TRUE);
  g_assert_true (scs_engagement_plan_is_agreed (engagement));

  dialog = open_dialog (window);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (scs_company_copy_dialog_get_plan_check (dialog))));
  g_assert_false (gtk_check_button_get_active (scs_company_copy_dialog_get_plan_check (dialog)));
  g_assert_true (gtk_check_button_get_active (scs_company_copy_dialog_get_verdicts_check (dialog)));
  gtk_check_button_set_active (scs_company_copy_dialog_get_plan_check (dialog), TRUE);
  gtk_check_button_set_active (scs_company_copy_dialog_get_verdicts_check (dialog), FALSE);
  scs_company_copy_dialog_get_options (dialog, &options);
  g_assert_true (options.plan);
  g_assert_false (options.verdicts);
  close_dialog (window, ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_false (g_settings_get_boolean (settings, "company-copy-plan"));
  g_assert_true (g_settings_get_boolean (settings, "company-copy-verdicts"));

  /* What Save As… keeps before it asks where. */
  dialog = open_dialog (window);
  gtk_check_button_set_active (scs_company_copy_dialog_get_plan_check (dialog), TRUE);
  scs_company_copy_dialog_remember (dialog);
  g_assert_true (g_settings_get_boolean (settings, "company-copy-plan"));
  close_dialog (window, ADW_MESSAGE_DIALOG (dialog), "cancel");

  /* The plan back to a draft. */
  scs_record_set_string (plan, SCS_M_PLAN_AGREED_DATE, "");
  dialog = open_dialog (window);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (scs_company_copy_dialog_get_plan_check (dialog))));
  g_assert_false (gtk_check_button_get_active (scs_company_copy_dialog_get_plan_check (dialog)));
  gtk_check_button_set_active (scs_company_copy_dialog_get_verdicts_check (dialog), FALSE);
  scs_company_copy_dialog_get_options (dialog, &options);
  g_assert_false (options.plan);
  scs_company_copy_dialog_remember (dialog);
  g_assert_true (g_settings_get_boolean (settings, "company-copy-plan"));
  g_assert_false (g_settings_get_boolean (settings, "company-copy-verdicts"));
  close_dialog (window, ADW_MESSAGE_DIALOG (dialog), "cancel");

  /* The expert's file, in the expert's preview of the company's view too: that is where
   * its banner sends the expert to make the company's file. */
  g_object_set (window, "company-preview", TRUE, NULL);
  scs_ui_test_flush ();
  dialog = open_dialog (window);
  close_dialog (window, ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set (window, "company-preview", FALSE, NULL);
  scs_ui_test_flush ();

  scs_ui_test_destroy (window);
}

/* A copy made from a company copy can hold no more than it does, so the choices it was
 * made without cannot be ticked, whatever was kept. (The dialog is made directly: whether
 * a company copy's window offers the action at all is the role's business.) */
static void
test_copy_of_copy (void)
{
  ScsWindow *window = open_example (NULL);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsCompanyCopyOptions options = { .plan = TRUE, .verdicts = FALSE };
  g_autoptr(ScsEngagement) copy = scs_company_copy_new (engagement, &options, NULL);
  GSettings *settings = scs_application_get_settings (app);
  ScsCompanyCopyDialog *dialog;

  g_settings_set_boolean (settings, "company-copy-plan", TRUE);
  g_settings_set_boolean (settings, "company-copy-verdicts", TRUE);
  dialog = scs_company_copy_dialog_new (GTK_WINDOW (window), copy, settings);
  gtk_window_present (GTK_WINDOW (dialog));
  scs_ui_test_flush ();
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (scs_company_copy_dialog_get_plan_check (dialog))));
  g_assert_true (gtk_check_button_get_active (scs_company_copy_dialog_get_plan_check (dialog)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (scs_company_copy_dialog_get_verdicts_check (dialog))));
  g_assert_false (gtk_check_button_get_active (scs_company_copy_dialog_get_verdicts_check (dialog)));
  scs_company_copy_dialog_get_options (dialog, &options);
  g_assert_true (options.plan);
  g_assert_false (options.verdicts);
  scs_company_copy_dialog_remember (dialog);
  g_assert_true (g_settings_get_boolean (settings, "company-copy-verdicts"));
  scs_ui_test_destroy (dialog);

  scs_ui_test_destroy (window);
}

/* The window writes the copy of what it shows, markers and all in the engagement, and the
 * file holds none of them; never over the engagement's own file; a draft plan asked for
 * writes nothing and says why. */
static void
test_write (void)
{
  g_autofree char *source = NULL;
  ScsWindow *window = open_example (&source);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  g_autoptr(GPtrArray) markers = scs_test_plant_expert_markers (engagement);
  g_autofree char *dir = g_path_get_dirname (source);
  g_autofree char *out = g_build_filename (dir, "company.scsa", NULL);
  g_autofree char *draft_out = g_build_filename (dir, "draft.scsa", NULL);
  g_autofree char *before = read_text (source);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) copy = NULL;
  g_autoptr(GError) error = NULL;
  ScsCompanyCopyOptions options = { .plan = TRUE, .verdicts = TRUE };

  g_assert_cmpuint (markers->len, >, 100);
  scs_window_write_company_copy (window, &options, file);
  g_assert_true (wait_written (window, out));
  text = read_text (out);
  for (guint i = 0; i < markers->len; i++)
    if (strstr (text, g_ptr_array_index (markers, i)) != NULL)
      g_error ("the company copy holds the marker %s", (char *) g_ptr_array_index (markers, i));

  copy = scs_storage_load (catalog, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (scs_engagement_is_company_copy (copy));
  g_assert_true (scs_company_copy_is_from (copy, engagement));
  /* A confirmed verdict is in it; the follow-up ones planted are not. */
  g_assert_cmpstr (scs_assessment_get_verdict (scs_engagement_get_assessment (copy, "1-2-1-1")), ==,
                   scs_assessment_get_verdict (scs_engagement_get_assessment (engagement, "1-2-1-1")));
  g_assert_cmpstr (scs_assessment_get_verdict (scs_engagement_get_assessment (copy, "1-2-1-1")), !=, "");
  for (guint i = 0; i < 3; i++)
    {
      static const char * const follow_up[] = { "1-1-1-1", "2-1-1-1", "4-3-4-2" };
      ScsAssessment *a = scs_engagement_get_assessment (copy, follow_up[i]);

      g_assert_true (a == NULL || scs_assessment_get_verdict (a)[0] == '\0');
    }
  g_assert_true (scs_engagement_plan_is_agreed (copy));

  /* Protected by a passphrase agreed with the company: sealed on disk, and what opens is
   * the same copy, markers still absent. */
  {
    g_autofree char *sealed_path = g_build_filename (dir, "sealed.scsa", NULL);
    g_autoptr(GFile) sealed = g_file_new_for_path (sealed_path);
    g_autoptr(ScsProtectKey) key = NULL;
    g_autoptr(ScsProtectKey) again = NULL;
    g_autoptr(ScsEngagement) opened = NULL;
    g_autoptr(GBytes) json = NULL;
    g_autofree char *raw = NULL;
    gsize size;

    scs_protect_set_kdf_limits (1, 8192);
    key = scs_protect_key_new ("お茶の時間 🍵");
    again = scs_protect_key_new ("お茶の時間 🍵");
    scs_window_write_company_copy_full (window, &options, key, sealed);
    g_assert_true (wait_written (window, sealed_path));
    g_assert_true (g_file_get_contents (sealed_path, &raw, &size, NULL));
    g_assert_true (scs_protect_is_sealed ((const guint8 *) raw, size));
    g_assert_null (g_strstr_len (raw, size, "AAA"));
    g_assert_null (scs_storage_load (catalog, sealed, NULL, &error));
    g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_PASSPHRASE_NEEDED);
    g_clear_error (&error);
    opened = scs_storage_load_full (catalog, sealed, SCS_LOAD_DEFAULT, again, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (scs_engagement_is_company_copy (opened));
    json = scs_storage_serialize (opened);
    for (guint i = 0; i < markers->len; i++)
      g_assert_null (g_strstr_len (g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                                   g_ptr_array_index (markers, i)));
    scs_protect_set_kdf_limits (0, 0);
  }

  /* Onto the engagement itself: refused with a dialog, the file untouched. */
  {
    g_autoptr(GFile) itself = g_file_new_for_path (source);
    g_autofree char *after = NULL;
    AdwMessageDialog *dialog;

    scs_window_write_company_copy (window, &options, itself);
    SCS_UI_TEST_WAIT_FOR (scs_window_get_dialog (window) != NULL, "the dialog saying why not");
    dialog = scs_window_get_dialog (window);
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "engagement file itself"));
    close_dialog (window, dialog, "close");
    after = read_text (source);
    g_assert_cmpstr (after, ==, before);
  }

  /* Onto an engagement open in another window: refused, that file untouched. */
  {
    g_autofree char *open_elsewhere = NULL;
    ScsWindow *second = open_example (&open_elsewhere);
    g_autoptr(GFile) target = g_file_new_for_path (open_elsewhere);
    g_autofree char *kept = read_text (open_elsewhere);
    g_autofree char *after = NULL;
    g_autofree char *second_dir = g_path_get_dirname (open_elsewhere);
    AdwMessageDialog *dialog;

    scs_window_write_company_copy (window, &options, target);
    SCS_UI_TEST_WAIT_FOR (scs_window_get_dialog (window) != NULL, "the dialog saying why not");
    dialog = scs_window_get_dialog (window);
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "open in another window"));
    close_dialog (window, dialog, "close");
    after = read_text (open_elsewhere);
    g_assert_cmpstr (after, ==, kept);
    scs_ui_test_destroy (second);
    scs_test_remove_tree (second_dir);
  }

  /* The plan asked for while it is a draft. */
  {
    g_autoptr(GFile) draft = g_file_new_for_path (draft_out);
    AdwMessageDialog *dialog;

    scs_record_set_string (SCS_RECORD (scs_engagement_get_plan (engagement)), SCS_M_PLAN_AGREED_DATE, "");
    scs_window_write_company_copy (window, &options, draft);
    g_assert_false (wait_written (window, draft_out));
    dialog = scs_window_get_dialog (window);
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "no agreed date"));
    close_dialog (window, dialog, "close");
    g_assert_false (g_file_test (draft_out, G_FILE_TEST_EXISTS));
  }

  scs_ui_test_destroy (window);
  g_unlink (out);
  scs_test_remove_tree (dir);
}

/* The file chooser the window opened (GtkFileChooserNative's own dialog when no portal is
 * used), or NULL. */
static GtkFileChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (w) && gtk_widget_get_visible (w))
        return GTK_FILE_CHOOSER (w);
    }
  return NULL;
}

/* In the expert's preview of the company's view, Save As (which would write the expert's
 * whole file under a name of the user's choosing, as if it were the company's) is not
 * offered, Ctrl+S still saves the engagement, and the banner offers Make Company Copy…;
 * in a company copy's window Make Company Copy… is not offered at all. */
static void
test_preview_saving (void)
{
  g_autofree char *source = NULL;
  ScsWindow *window = open_example (&source);
  GtkWidget *copy_button = scs_ui_test_child (window, SCS_TYPE_WINDOW, "company_copy_button");
  GtkWidget *back_button = scs_ui_test_child (window, SCS_TYPE_WINDOW, "company_back_button");
  g_autofree char *dir = g_path_get_dirname (source);
  g_autofree char *out = g_build_filename (dir, "copy.scsa", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(ScsEngagement) copy = NULL;
  ScsWindow *company;
  GtkFileChooser *chooser;

  /* Save As is there in the expert's view (the check below is worth something). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  SCS_UI_TEST_WAIT_FOR (find_chooser () != NULL, "the Save As chooser");
  chooser = find_chooser ();
  g_assert_nonnull (chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  scs_ui_test_flush ();
  g_assert_null (find_chooser ());
  g_assert_false (gtk_widget_get_visible (copy_button));

  g_object_set (window, "company-preview", TRUE, NULL);
  scs_ui_test_flush ();
  g_assert_true (gtk_widget_get_mapped (back_button));
  g_assert_true (gtk_widget_get_mapped (copy_button));
  g_assert_true (gtk_widget_is_sensitive (copy_button));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  scs_ui_test_flush ();
  g_assert_null (find_chooser ());
  /* Ctrl+S saves the expert's file, whole. */
  scs_record_set_string (SCS_RECORD (scs_engagement_get_company (scs_window_get_engagement (window))),
                         SCS_M_COMPANY_BUSINESS, "精密部品の製造と販売（保存の確認）");
  scs_record_set_string (SCS_RECORD (scs_engagement_ensure_assessment (scs_window_get_engagement (window),
                                                                     "1-2-1-1")),
                         SCS_M_ASSESSMENT_INTERNAL_NOTE, "内部メモ（保存の確認）");
  g_assert_true (scs_window_is_modified (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  SCS_UI_TEST_WAIT_FOR (!scs_window_is_modified (window) && !scs_window_is_saving (window), "the save to finish");
  g_assert_false (scs_window_is_modified (window));
  {
    g_autofree char *text = read_text (source);

    g_assert_nonnull (strstr (text, "精密部品の製造と販売（保存の確認）"));
    g_assert_nonnull (strstr (text, "内部メモ（保存の確認）"));
  }
  /* The banner's button is the menu's Make Company Copy…. */
  gtk_widget_activate (copy_button);
  SCS_UI_TEST_WAIT_FOR (scs_window_get_dialog (window) != NULL, "the company copy dialog");
  g_assert_true (SCS_IS_COMPANY_COPY_DIALOG (scs_window_get_dialog (window)));
  close_dialog (window, scs_window_get_dialog (window), "cancel");

  /* Back in the expert's view, Save As is offered again. */
  g_object_set (window, "company-preview", FALSE, NULL);
  scs_ui_test_flush ();
  g_assert_false (gtk_widget_get_visible (copy_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  SCS_UI_TEST_WAIT_FOR (find_chooser () != NULL, "the Save As chooser");
  chooser = find_chooser ();
  g_assert_nonnull (chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  scs_ui_test_flush ();

  /* A company copy: no Make Company Copy…, in the menu or on the banner. */
  copy = scs_company_copy_new (scs_window_get_engagement (window), &(ScsCompanyCopyOptions) { 0 }, NULL);
  g_assert_true (scs_storage_save (copy, file, NULL));
  company = scs_window_new (app);
  gtk_window_present (GTK_WINDOW (company));
  scs_window_open_file (company, file);
  scs_ui_test_flush ();
  g_assert_true (scs_window_is_company_mode (company));
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (company, SCS_TYPE_WINDOW, "company_copy_button")));
  gtk_widget_activate_action (GTK_WIDGET (company), "win.company-copy", NULL);
  scs_ui_test_flush ();
  g_assert_null (scs_window_get_dialog (company));

  scs_ui_test_destroy (company);
  scs_ui_test_destroy (window);
  scs_test_remove_tree (dir);
}

/* The whole way a user goes: the menu's action, the dialog's Save As…, the file chooser
 * (with the suggested name, beside the engagement), and the copy written under the name
 * given with .scsa added; the choices kept for next time. */
static void
test_save_as (void)
{
  g_autofree char *source = NULL;
  ScsWindow *window = open_example (&source);
  GSettings *settings = scs_application_get_settings (app);
  g_autofree char *dir = g_path_get_dirname (source);
  g_autofree char *out = g_build_filename (dir, "for the company.scsa", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) chosen_folder = NULL;
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) copy = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (out);
  ScsCompanyCopyDialog *dialog;
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  g_settings_set_boolean (settings, "company-copy-plan", FALSE);
  g_settings_set_boolean (settings, "company-copy-verdicts", FALSE);
  dialog = open_dialog (window);
  gtk_check_button_set_active (scs_company_copy_dialog_get_verdicts_check (dialog), TRUE);
  close_dialog (window, ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_true (g_settings_get_boolean (settings, "company-copy-verdicts"));
  g_assert_false (g_settings_get_boolean (settings, "company-copy-plan"));

  chooser = find_chooser ();
  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "AAA株式会社_company-copy.scsa");
  chosen_folder = gtk_file_chooser_get_current_folder (chooser);
  g_assert_true (g_file_equal (chosen_folder, folder));
  gtk_file_chooser_set_current_name (chooser, "for the company");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  g_assert_true (wait_written (window, out));
  copy = scs_storage_load (catalog, file, NULL, NULL);
  g_assert_nonnull (copy);
  g_assert_true (scs_engagement_is_company_copy (copy));
  g_assert_true (scs_record_get_boolean (SCS_RECORD (scs_engagement_get_copy_origin (copy)), SCS_M_COPY_ORIGIN_VERDICTS));
  g_assert_false (scs_record_get_boolean (SCS_RECORD (scs_engagement_get_copy_origin (copy)), SCS_M_COPY_ORIGIN_PLAN));
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (copy)), SCS_M_PLAN_ITEMS)), ==, 0);

  scs_ui_test_destroy (window);
  scs_test_remove_tree (dir);
}

/* A label under widget whose text holds part, or NULL. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *part)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A company copy made from another engagement, sent back: the import dialog warns before
 * anything is taken, and none of its answers is ticked; one made from the open engagement
 * comes in as any self-assessment. */
static void
test_import_back (void)
{
  g_autofree char *source = NULL;
  ScsWindow *window = open_example (&source);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  g_autofree char *dir = g_path_get_dirname (source);
  g_autofree char *other_path = g_build_filename (dir, "other.scsa", NULL);
  g_autofree char *own_path = g_build_filename (dir, "own.scsa", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  g_autoptr(GFile) own_file = g_file_new_for_path (own_path);
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) other = scs_test_load (catalog, source);
  g_autoptr(ScsEngagement) other_copy = NULL;
  g_autoptr(ScsEngagement) own_copy = NULL;
  ScsCompanyCopyOptions options = { 0 };
  const char *before = scs_assessment_get_company_status (scs_engagement_get_assessment (engagement, "4-2-2-1"));
  g_autofree char *status = g_strdup (before);
  ScsImportDialog *dialog;

  g_assert_cmpstr (status, !=, "done");
  /* The same company, assessed again a year later: another engagement. */
  scs_record_set_string (SCS_RECORD (other), SCS_M_ENGAGEMENT_CREATED, "2026-11-01T00:00:00Z");
  scs_record_set_string (SCS_RECORD (scs_engagement_ensure_assessment (other, "4-2-2-1")),
                         SCS_M_ASSESSMENT_COMPANY_STATUS, "done");
  other_copy = scs_company_copy_new (other, &options, NULL);
  g_assert_true (scs_storage_save (other_copy, other_file, NULL));

  scs_window_import_file (window, other_file);
  scs_ui_test_flush ();
  dialog = scs_window_get_import_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (scs_import_dialog_get_plan (dialog)->other_engagement);
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "from another engagement"));
  g_assert_cmpuint (scs_import_dialog_get_plan (dialog)->changes->len, >=, 1);
  g_assert_cmpuint (scs_import_dialog_take (dialog), ==, 0);
  g_assert_cmpstr (scs_assessment_get_company_status (scs_engagement_get_assessment (engagement, "4-2-2-1")),
                   ==, status);

  own_copy = scs_company_copy_new (engagement, &options, NULL);
  scs_record_set_string (SCS_RECORD (scs_engagement_ensure_assessment (own_copy, "4-2-2-1")),
                         SCS_M_ASSESSMENT_COMPANY_STATUS, "done");
  g_assert_true (scs_storage_save (own_copy, own_file, NULL));
  scs_window_import_file (window, own_file);
  scs_ui_test_flush ();
  dialog = scs_window_get_import_dialog (window);
  g_assert_false (scs_import_dialog_get_plan (dialog)->other_engagement);
  g_assert_null (find_label (GTK_WIDGET (dialog), "from another engagement"));
  g_assert_cmpuint (scs_import_dialog_take (dialog), ==, 1);
  g_assert_cmpstr (scs_assessment_get_company_status (scs_engagement_get_assessment (engagement, "4-2-2-1")),
                   ==, "done");

  scs_ui_test_destroy (window);
  scs_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  app = scs_ui_test_init (&argc, &argv);
  g_test_add_func ("/company-copy-window/dialog", test_dialog);
  g_test_add_func ("/company-copy-window/copy-of-copy", test_copy_of_copy);
  g_test_add_func ("/company-copy-window/write", test_write);
  g_test_add_func ("/company-copy-window/import-back", test_import_back);
  g_test_add_func ("/company-copy-window/save-as", test_save_as);
  g_test_add_func ("/company-copy-window/preview-saving", test_preview_saving);
  return g_test_run ();
}
