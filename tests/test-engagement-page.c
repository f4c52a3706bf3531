/* test-engagement-page.c — the Engagement view: company and expert, document inventory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "scs-import-dialog.h"
#include "scs-ui-test.h"

static ScsApplication *app;

static ScsWindow *
open_example (char **copy)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                            "example-aaa.scsa", NULL);
  ScsWindow *window = scs_ui_test_open_copy (app, path, copy);
  AdwViewStack *stack = scs_ui_test_child (window, SCS_TYPE_WINDOW, "view_stack");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "engagement"));
  scs_ui_test_flush ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "engagement");
  return window;
}

static gpointer
company_child (ScsWindow  *window,
               const char *name)
{
  ScsEngagementPage *page = scs_window_get_engagement_page (window);
  ScsCompanyPage *company = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "company_page");

  return scs_ui_test_child (company, SCS_TYPE_COMPANY_PAGE, name);
}

static GtkDropDown *
find_drop_down (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget))
    return GTK_DROP_DOWN (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkDropDown *found = find_drop_down (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
undo (ScsWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  scs_ui_test_flush ();
}

static ScsEngagement *
reload (const char *path)
{
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_default ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ScsEngagement *engagement = scs_storage_load (catalog, file, NULL, &error);

  g_assert_no_error (error);
  return engagement;
}

static void
save_and_wait (ScsWindow *window)
{
  scs_window_save_to (window, NULL);
  SCS_UI_TEST_WAIT_FOR (!scs_window_is_saving (window), "the save to finish");
  g_assert_false (scs_window_is_saving (window));
}

/* The example's company and expert are on show; every field edits the engagement, undo
 * takes it back, and a save keeps it. */
static void
test_company (void)
{
  g_autofree char *copy = NULL;
  ScsWindow *window = open_example (&copy);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsRecord *company = SCS_RECORD (scs_engagement_get_company (engagement));
  ScsRecord *expert = scs_record_get_object (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_EXPERT);
  AdwEntryRow *name = company_child (window, "name_row");
  AdwComboRow *band = company_child (window, "band_row");
  AdwPreferencesGroup *qualifications = company_child (window, "qualifications_group");
  GtkListBox *sites = company_child (window, "sites_list");
  GListModel *site_list = scs_record_get_list (company, SCS_M_COMPANY_SITES);
  GtkWidget *cissp = NULL;
  g_autoptr(ScsEngagement) saved = NULL;
  ScsRecord *saved_company;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "AAA株式会社");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (company_child (window, "responsible_name_row"))), ==,
                   "鈴木次郎");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (company_child (window, "expert_name_row"))), ==,
                   "応援太郎");
  g_assert_nonnull (gtk_list_box_get_row_at_index (sites, 1));
  g_assert_null (gtk_list_box_get_row_at_index (sites, 2));

  /* The name, through the entry; the window's title follows; undo brings it back. */
  gtk_editable_set_text (GTK_EDITABLE (name), "BBB株式会社");
  g_assert_cmpstr (scs_record_get_string (company, SCS_M_COMPANY_NAME), ==, "BBB株式会社");
  scs_ui_test_flush ();
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "BBB株式会社"));
  undo (window);
  g_assert_cmpstr (scs_record_get_string (company, SCS_M_COMPANY_NAME), ==, "AAA株式会社");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "AAA株式会社");

  /* The industry: picked from the JSIC middle divisions, or typed. */
  {
    AdwEntryRow *industry = company_child (window, "industry_row");
    GtkDropDown *divisions = find_drop_down (GTK_WIDGET (industry));

    g_assert_nonnull (divisions);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (divisions)), ==, 99);
    g_assert_cmpuint (gtk_drop_down_get_selected (divisions), ==, 25);   /* 26 生産用機械器具製造業 */
    gtk_drop_down_set_selected (divisions, 38);                           /* 39 情報サービス業 */
    g_assert_cmpstr (scs_record_get_string (company, SCS_M_COMPANY_INDUSTRY), ==, "情報サービス業");
    gtk_editable_set_text (GTK_EDITABLE (industry), "精密部品の受託加工");
    g_assert_cmpstr (scs_record_get_string (company, SCS_M_COMPANY_INDUSTRY), ==, "精密部品の受託加工");
    g_assert_cmpuint (gtk_drop_down_get_selected (divisions), ==, GTK_INVALID_LIST_POSITION);
  }

  /* The employee band: "Not set" first, then the framework's bands. */
  g_assert_cmpstr (scs_record_get_string (company, SCS_M_COMPANY_EMPLOYEE_BAND), ==, "51-100");
  adw_combo_row_set_selected (band, 1);
  g_assert_cmpstr (scs_record_get_string (company, SCS_M_COMPANY_EMPLOYEE_BAND), ==, "1-50");
  adw_combo_row_set_selected (band, 0);
  g_assert_cmpstr (scs_record_get_string (company, SCS_M_COMPANY_EMPLOYEE_BAND), ==, "");

  /* A site added, named; undone and redone. */
  scs_company_page_add_site (scs_ui_test_child (scs_window_get_engagement_page (window),
                                                SCS_TYPE_ENGAGEMENT_PAGE, "company_page"));
  g_assert_cmpuint (g_list_model_get_n_items (site_list), ==, 3);
  g_assert_nonnull (gtk_list_box_get_row_at_index (sites, 2));
  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (site_list), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (site_list), ==, 3);

  /* Qualifications are check rows; CISSP is the third. */
  {
    GtkWidget *listbox = gtk_widget_get_first_child (GTK_WIDGET (qualifications));
    guint index = 0;

    for (GtkWidget *w = listbox; w != NULL && cissp == NULL; w = gtk_widget_get_next_sibling (w))
      {
        g_autoptr(GPtrArray) stack = g_ptr_array_new ();

        g_ptr_array_add (stack, w);
        while (stack->len > 0 && cissp == NULL)
          {
            GtkWidget *x = g_ptr_array_steal_index (stack, stack->len - 1);

            if (GTK_IS_CHECK_BUTTON (x) && index++ == 2)
              cissp = x;
            for (GtkWidget *c = gtk_widget_get_last_child (x); c != NULL; c = gtk_widget_get_prev_sibling (c))
              g_ptr_array_add (stack, c);
          }
      }
  }
  g_assert_nonnull (cissp);
  /* Named by its row's title, which labels it: a name of its own would be said twice. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (cissp, ADW_TYPE_ACTION_ROW))),
                   ==, "CISSP");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (cissp), GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (cissp), TRUE);
  g_assert_true (g_strv_contains (scs_record_get_strv (expert, SCS_M_EXPERT_QUALIFICATIONS), "cissp"));
  g_assert_true (g_strv_contains (scs_record_get_strv (expert, SCS_M_EXPERT_QUALIFICATIONS), "riss"));
  undo (window);
  g_assert_false (g_strv_contains (scs_record_get_strv (expert, SCS_M_EXPERT_QUALIFICATIONS), "cissp"));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (cissp)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (cissp), TRUE);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (company_child (window, "it_view")), "クラウドのみ", -1);
  g_assert_cmpstr (scs_record_get_string (company, SCS_M_COMPANY_IT_ENVIRONMENT), ==, "クラウドのみ");

  save_and_wait (window);
  saved = reload (copy);
  saved_company = SCS_RECORD (scs_engagement_get_company (saved));
  g_assert_cmpstr (scs_record_get_string (saved_company, SCS_M_COMPANY_IT_ENVIRONMENT), ==, "クラウドのみ");
  g_assert_cmpstr (scs_record_get_string (saved_company, SCS_M_COMPANY_EMPLOYEE_BAND), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (saved_company, SCS_M_COMPANY_SITES)), ==, 3);
  g_assert_true (g_strv_contains (scs_record_get_strv (scs_record_get_object (SCS_RECORD (saved), SCS_M_ENGAGEMENT_EXPERT),
                                                       SCS_M_EXPERT_QUALIFICATIONS), "cissp"));
  scs_ui_test_destroy (window);
  g_unlink (copy);
}

static GtkWidget *
document_row (ScsWindow *window,
              guint      index)
{
  ScsEngagementPage *page = scs_window_get_engagement_page (window);
  ScsDocumentsPage *documents = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "documents_page");
  GtkListBox *list = scs_ui_test_child (documents, SCS_TYPE_DOCUMENTS_PAGE, "documents_list");

  return GTK_WIDGET (gtk_list_box_get_row_at_index (list, index));
}

/* The Engagement and Dashboard views are made only when first shown, and then show the
 * engagement open in the window. */
static void
test_views_made_when_shown (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                            "example-aaa.scsa", NULL);
  g_autofree char *copy = NULL;
  ScsWindow *window = scs_ui_test_open_copy (app, path, &copy);
  AdwBin *engagement_bin = scs_ui_test_child (window, SCS_TYPE_WINDOW, "engagement_bin");
  AdwBin *dashboard_bin = scs_ui_test_child (window, SCS_TYPE_WINDOW, "dashboard_bin");
  GtkLabel *title;

  scs_ui_test_flush ();
  g_assert_null (adw_bin_get_child (engagement_bin));
  g_assert_null (adw_bin_get_child (dashboard_bin));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "dashboard"));
  scs_ui_test_flush ();
  g_assert_true (SCS_IS_DASHBOARD_PAGE (adw_bin_get_child (dashboard_bin)));
  g_assert_null (adw_bin_get_child (engagement_bin));
  title = scs_ui_test_child (adw_bin_get_child (dashboard_bin), SCS_TYPE_DASHBOARD_PAGE, "title_label");
  g_assert_nonnull (strstr (gtk_label_get_text (title), "AAA株式会社"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "engagement"));
  scs_ui_test_flush ();
  g_assert_true (SCS_IS_ENGAGEMENT_PAGE (adw_bin_get_child (engagement_bin)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (company_child (window, "name_row"))), ==, "AAA株式会社");
  scs_ui_test_destroy (window);
  g_unlink (copy);
}

static guint
n_document_rows (ScsWindow *window)
{
  guint n = 0;

  while (document_row (window, n) != NULL)
    n++;
  return n;
}

/* Opening a file builds only the section on show: the inventory has no rows until the
 * Documents section is shown, and a section shown again after another engagement was set
 * shows that engagement, not the old one. */
static void
test_sections_built_when_shown (void)
{
  g_autofree char *copy = NULL;
  ScsWindow *window = open_example (&copy);
  g_autoptr(ScsEngagement) example = g_object_ref (scs_window_get_engagement (window));
  ScsEngagementPage *page = scs_window_get_engagement_page (window);
  g_autoptr(ScsEngagement) fresh = scs_engagement_new (scs_engagement_get_framework (example), 3);

  g_assert_cmpuint (n_document_rows (window), ==, 0);
  scs_engagement_page_show_section (page, "documents");
  SCS_UI_TEST_WAIT_FOR (n_document_rows (window) == 6, "the inventory's rows");
  g_assert_cmpuint (n_document_rows (window), ==, 6);

  /* Another engagement, with Documents the section on show: rebuilt when the view is back. */
  scs_window_set_engagement (window, fresh, NULL, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "engagement");
  scs_ui_test_flush ();
  g_assert_cmpuint (n_document_rows (window), ==, 0);

  /* And back to the example with another section on show: rebuilt when shown again. */
  scs_engagement_page_show_section (page, "company");
  scs_window_set_engagement (window, example, NULL, FALSE);
  scs_ui_test_flush ();
  g_assert_cmpuint (n_document_rows (window), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "engagement");
  scs_engagement_page_show_section (page, "documents");
  SCS_UI_TEST_WAIT_FOR (n_document_rows (window) == 6, "the inventory's rows");
  g_assert_cmpuint (n_document_rows (window), ==, 6);
  g_clear_object (&example);   /* the window's own now, to be freed with it */
  scs_ui_test_destroy (window);
  g_unlink (copy);
}

/* The inventory lists every document with where it is cited; a cited document cannot be
 * removed, an uncited one can (and comes back with undo); a new one gets the next id and
 * is offered to the Documents evidence at once; citations follow the evidence. */
static void
test_documents (void)
{
  ScsWindow *window = open_example (NULL);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsEngagementPage *page = scs_window_get_engagement_page (window);
  ScsDocumentsPage *documents = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "documents_page");
  GListModel *list = scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_DOCUMENTS);
  g_autoptr(GPtrArray) citing = scs_documents_page_citations (engagement, "DOC-02");
  GtkWidget *row, *remove;
  ScsRecord *added;
  AdwComboRow *inventory;

  scs_engagement_page_show_section (page, "documents");
  scs_ui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 6);
  g_assert_cmpuint (citing->len, >, 0);

  /* DOC-02 is cited: its row says so and keeps it. */
  row = document_row (window, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "情報セキュリティ管理規程");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "DOC-02"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "cited by"));
  remove = scs_ui_test_icon_button (row, "user-trash-symbolic");
  g_assert_false (gtk_widget_get_sensitive (remove));

  /* DOC-06 is not: removed, then back with undo. */
  row = document_row (window, 5);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "not cited"));
  remove = scs_ui_test_icon_button (row, "user-trash-symbolic");
  g_assert_true (gtk_widget_get_sensitive (remove));
  gtk_widget_activate (remove);
  /* A button clicks once its press is shown. */
  SCS_UI_TEST_WAIT_FOR (g_list_model_get_n_items (list) != 6, "the document removed by its button");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 6);

  /* A new document: DOC-07, offered by the criterion page's inventory list. */
  added = scs_documents_page_add_document (documents);
  g_assert_cmpstr (scs_record_get_string (added, SCS_M_DOCUMENT_ID), ==, "DOC-07");
  scs_record_set_string (added, SCS_M_DOCUMENT_TITLE, "ログ管理手順書");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 7);
  inventory = scs_ui_test_child (scs_window_get_criterion_page (window), SCS_TYPE_CRITERION_PAGE,
                                 "inventory_row");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (inventory)), ==, 7);

  /* Cited from a criterion's evidence: the row follows, and the document is kept. */
  {
    ScsAssessment *a = scs_engagement_ensure_assessment (engagement, "5-1-1-1");
    ScsRecord *owner = SCS_RECORD (scs_assessment_get_procedure (a, 0));
    g_autoptr(ScsRecord) ref = g_object_new (SCS_TYPE_REFERENCE, NULL);

    scs_record_set_string (ref, SCS_M_REFERENCE_DOCUMENT, "DOC-07");
    scs_history_insert (scs_window_get_history (window), owner,
                        G_LIST_STORE (scs_record_get_list (owner, SCS_M_PROCEDURE_REFS)), 0, ref);
  }
  SCS_UI_TEST_WAIT_FOR (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (document_row (window, 6))),
                                "cited by 1 criterion") != NULL,
                        "the new document's row to count its citation");
  row = document_row (window, 6);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "cited by 1 criterion"));
  g_assert_false (gtk_widget_get_sensitive (scs_ui_test_icon_button (row, "user-trash-symbolic")));
  scs_ui_test_destroy (window);
}

/* The five-minute diagnosis and the CSM check sheet: answers by their buttons, the score
 * and follow-ups as core computes them, undo, and only answered items in the file. */
static void
test_checklists (void)
{
  g_autofree char *copy = NULL;
  ScsWindow *window = open_example (&copy);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsEngagementPage *page = scs_window_get_engagement_page (window);
  ScsChecklistPage *diagnosis = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "diagnosis_page");
  ScsChecklistPage *csm = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "csm_page");
  ScsFramework *checklist = scs_catalog_get_latest (scs_application_get_catalog (app), "five-minute-diagnosis");
  ScsDiagnosisResult before, after;
  g_autofree char *expected = NULL;
  g_autoptr(ScsEngagement) saved = NULL;

  scs_engagement_page_show_section (page, "diagnosis");
  scs_ui_test_flush ();
  scs_engagement_score_checklist (engagement, checklist, "diagnosis", &before);
  g_assert_true (before.complete);
  expected = g_strdup_printf ("Score %d: %s", before.score, scs_band_get_title (before.band));
  g_assert_cmpstr (scs_checklist_page_get_summary (diagnosis), ==, expected);
  g_assert_cmpuint (before.follow_up->len, >, 0);

  /* The first item answered "Don't know" (the fourth answer) becomes "In place". */
  g_assert_true (scs_checklist_page_answer (diagnosis,
                                            scs_node_get_id (g_ptr_array_index (before.follow_up, 0)), 0));
  scs_engagement_score_checklist (engagement, checklist, "diagnosis", &after);
  g_assert_cmpint (after.score, >, before.score);
  g_assert_cmpuint (after.follow_up->len, ==, before.follow_up->len - 1);
  g_free (expected);
  expected = after.band != NULL ? g_strdup_printf ("Score %d: %s", after.score, scs_band_get_title (after.band))
                                : NULL;
  if (expected != NULL)
    g_assert_cmpstr (scs_checklist_page_get_summary (diagnosis), ==, expected);
  scs_diagnosis_result_clear (&after);
  undo (window);
  scs_engagement_score_checklist (engagement, checklist, "diagnosis", &after);
  g_assert_cmpint (after.score, ==, before.score);
  scs_diagnosis_result_clear (&after);
  scs_diagnosis_result_clear (&before);

  /* The CSM sheet: all answered in the example; a "no" adds a follow-up; a sheet left
   * unanswered is not saved, item by item. */
  scs_engagement_page_show_section (page, "csm");
  scs_ui_test_flush ();
  g_assert_cmpstr (scs_checklist_page_get_summary (csm), ==, "All 41 items answered.");
  {
    ScsFramework *sheet = scs_catalog_get_latest (scs_application_get_catalog (app), "csm-guidelines-v2");
    ScsDiagnosisResult r1, r2;

    scs_engagement_score_checklist (engagement, sheet, "csm_check", &r1);
    g_assert_true (scs_checklist_page_answer (csm, "1-1", 2));   /* "No" */
    scs_engagement_score_checklist (engagement, sheet, "csm_check", &r2);
    g_assert_cmpuint (r2.follow_up->len, ==, r1.follow_up->len + 1);
    scs_diagnosis_result_clear (&r1);
    scs_diagnosis_result_clear (&r2);
  }
  g_assert_false (scs_checklist_page_answer (csm, "99-9", 0));
  g_list_store_remove_all (G_LIST_STORE (scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_CSM_CHECK)));
  scs_checklist_page_set_context (csm, engagement, scs_window_get_history (window),
                                  scs_catalog_get_latest (scs_application_get_catalog (app), "csm-guidelines-v2"));
  g_assert_cmpstr (scs_checklist_page_get_summary (csm), ==, "0 of 41 items answered.");
  g_assert_true (scs_checklist_page_answer (csm, "1-1", 0));
  g_assert_cmpstr (scs_checklist_page_get_summary (csm), ==, "1 of 41 items answered.");

  save_and_wait (window);
  saved = reload (copy);
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (saved), SCS_M_ENGAGEMENT_CSM_CHECK)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (saved), SCS_M_ENGAGEMENT_DIAGNOSIS)), ==, 25);
  scs_ui_test_destroy (window);
  g_unlink (copy);
}

/* The scope: the example's answers on show, a new answer and an exclusion, undo, and only
 * answered questions in the file. A question that asks how or which has no yes or no,
 * unless the file already gives it one (the example's sites), which stays to be read. */
static void
test_scope (void)
{
  g_autofree char *copy = NULL;
  ScsWindow *window = open_example (&copy);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsEngagementPage *page = scs_window_get_engagement_page (window);
  ScsScopePage *scope_page = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "scope_page");
  ScsRecord *scope = scs_record_get_object (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_SCOPE);
  GListModel *exclusions = scs_record_get_list (scope, SCS_M_SCOPE_EXCLUSIONS);
  ScsRecord *boundary = scs_engagement_ensure_scope_answer (engagement, "boundary_devices");
  ScsRecord *sites = scs_engagement_ensure_scope_answer (engagement, "sites");
  ScsRecord *exclusion;
  g_autoptr(ScsEngagement) saved = NULL;
  GListModel *saved_answers;

  scs_engagement_page_show_section (page, "scope");
  scs_ui_test_flush ();
  g_assert_cmpstr (scs_record_get_string (scs_engagement_ensure_scope_answer (engagement, "whole_company"), SCS_M_SCOPE_ANSWER_ANSWER),
                   ==, "yes");
  g_assert_cmpstr (scs_record_get_string (boundary, SCS_M_SCOPE_ANSWER_ANSWER), ==, "");
  g_assert_true (scs_scope_page_answer (scope_page, "boundary_devices", FALSE));
  g_assert_cmpstr (scs_record_get_string (boundary, SCS_M_SCOPE_ANSWER_ANSWER), ==, "no");
  undo (window);
  g_assert_cmpstr (scs_record_get_string (boundary, SCS_M_SCOPE_ANSWER_ANSWER), ==, "");
  g_assert_true (scs_scope_page_answer (scope_page, "boundary_devices", TRUE));
  scs_record_set_string (boundary, SCS_M_SCOPE_ANSWER_TEXT, "VLANで分離");
  g_assert_false (scs_scope_page_answer (scope_page, "no_such_question", TRUE));
  g_assert_false (scs_scope_page_answer (scope_page, "boundary", TRUE));
  g_assert_false (scs_scope_page_answer (scope_page, "separation", FALSE));
  g_assert_cmpstr (scs_record_get_string (sites, SCS_M_SCOPE_ANSWER_ANSWER), ==, "yes");
  g_assert_true (scs_scope_page_answer (scope_page, "sites", FALSE));
  g_assert_cmpstr (scs_record_get_string (sites, SCS_M_SCOPE_ANSWER_ANSWER), ==, "no");
  undo (window);

  g_assert_cmpuint (g_list_model_get_n_items (exclusions), ==, 1);
  exclusion = scs_scope_page_add_exclusion (scope_page);
  g_assert_cmpuint (g_list_model_get_n_items (exclusions), ==, 2);
  g_assert_cmpstr (scs_record_get_string (exclusion, SCS_M_EXCLUSION_JUDGEMENT), ==, "to_confirm");
  scs_record_set_string (exclusion, SCS_M_EXCLUSION_WHAT, "来客用Wi-Fi");

  save_and_wait (window);
  saved = reload (copy);
  saved_answers = scs_record_get_list (scs_record_get_object (SCS_RECORD (saved), SCS_M_ENGAGEMENT_SCOPE), SCS_M_SCOPE_ANSWERS);
  g_assert_cmpuint (g_list_model_get_n_items (saved_answers), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (scs_record_get_object (SCS_RECORD (saved), SCS_M_ENGAGEMENT_SCOPE),
                                                                   SCS_M_SCOPE_EXCLUSIONS)), ==, 2);
  g_assert_cmpstr (scs_record_get_string (scs_engagement_ensure_scope_answer (saved, "boundary_devices"), SCS_M_SCOPE_ANSWER_TEXT), ==,
                   "VLANで分離");
  scs_ui_test_destroy (window);
  g_unlink (copy);
}

static ScsRecord *
first_plan_row_item (ScsPlanPage *plan_page)
{
  return scs_plan_page_get_item_at (plan_page, 0);
}

/* The plan: the example's two items, the criteria no item names yet, an item made for one
 * of them, the order by priority, and criteria typed by id. */
static void
test_plan (void)
{
  ScsWindow *window = open_example (NULL);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsEngagementPage *page = scs_window_get_engagement_page (window);
  ScsPlanPage *plan_page = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "plan_page");
  GListModel *items = scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (engagement)), SCS_M_PLAN_ITEMS);
  GListModel *criteria = scs_framework_get_assessables (scs_engagement_get_framework (engagement), 3);
  g_autoptr(GPtrArray) uncovered = scs_plan_page_uncovered (engagement);
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  guint expected = 0;
  ScsRecord *added, *p2;
  GtkWidget *row;

  scs_engagement_page_show_section (page, "plan");
  scs_ui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);

  /* Uncovered: every criterion that does not conform and that neither item names. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (items, i);
      const char * const *ids = scs_record_get_strv (item, SCS_M_PLAN_ITEM_CRITERIA);

      for (guint k = 0; ids[k] != NULL; k++)
        g_hash_table_add (named, (gpointer) ids[k]);
    }
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(ScsNode) c = g_list_model_get_item (criteria, i);

      if (scs_engagement_get_conformance (engagement, scs_node_get_id (c), SCS_COUNT_WITH_FOLLOW_UP)
          == SCS_CONFORMANCE_NOT_CONFORMING &&
          !g_hash_table_contains (named, scs_node_get_id (c)))
        {
          g_assert_cmpstr (scs_node_get_id (g_ptr_array_index (uncovered, expected)), ==, scs_node_get_id (c));
          expected++;
        }
    }
  g_assert_cmpuint (uncovered->len, ==, expected);
  g_assert_cmpuint (expected, >, 0);

  /* An item for the first of them: P3, titled after it, and it is covered now. */
  added = scs_plan_page_add_item (plan_page, g_ptr_array_index (uncovered, 0));
  g_assert_cmpstr (scs_record_get_string (added, SCS_M_PLAN_ITEM_ID), ==, "P3");
  g_assert_cmpstr (scs_record_get_strv (added, SCS_M_PLAN_ITEM_CRITERIA)[0], ==, scs_node_get_id (g_ptr_array_index (uncovered, 0)));
  g_assert_cmpstr (scs_record_get_string (added, SCS_M_PLAN_ITEM_TITLE), !=, "");
  {
    g_autoptr(GPtrArray) now = scs_plan_page_uncovered (engagement);

    g_assert_cmpuint (now->len, ==, uncovered->len - 1);
  }
  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);

  /* By priority: both are urgent and important; P2 is the easier, so it comes first. */
  g_assert_cmpstr (scs_record_get_string (first_plan_row_item (plan_page), SCS_M_PLAN_ITEM_ID), ==, "P1");
  scs_plan_page_set_sorted (plan_page, TRUE);
  g_assert_cmpstr (scs_record_get_string (first_plan_row_item (plan_page), SCS_M_PLAN_ITEM_ID), ==, "P2");
  p2 = first_plan_row_item (plan_page);
  scs_record_set_string (p2, SCS_M_PLAN_ITEM_URGENCY, "low");
  SCS_UI_TEST_WAIT_FOR (g_str_equal (scs_record_get_string (first_plan_row_item (plan_page), SCS_M_PLAN_ITEM_ID), "P1"),
                        "the plan sorted again");
  g_assert_cmpstr (scs_record_get_string (first_plan_row_item (plan_page), SCS_M_PLAN_ITEM_ID), ==, "P1");
  scs_plan_page_set_sorted (plan_page, FALSE);
  g_assert_cmpstr (scs_record_get_string (first_plan_row_item (plan_page), SCS_M_PLAN_ITEM_ID), ==, "P1");

  /* Criteria typed by id: kept only when each is a criterion of the level. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (scs_ui_test_child (plan_page, SCS_TYPE_PLAN_PAGE, "items_list"), 0));
  {
    GtkWidget *entry = NULL;
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    /* The third row inside the item: its criteria. */
    g_ptr_array_add (stack, row);
    while (stack->len > 0 && entry == NULL)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (ADW_IS_ENTRY_ROW (w) && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), "Criteria"))
          entry = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "4-2-2-1, 9-9-9-9");
    g_assert_cmpuint (g_strv_length ((char **) scs_record_get_strv (first_plan_row_item (plan_page), SCS_M_PLAN_ITEM_CRITERIA)), ==, 3);
    gtk_editable_set_text (GTK_EDITABLE (entry), "4-2-2-1、1-2-1-1");
    g_assert_cmpuint (g_strv_length ((char **) scs_record_get_strv (first_plan_row_item (plan_page), SCS_M_PLAN_ITEM_CRITERIA)), ==, 2);
    g_assert_cmpstr (scs_record_get_strv (first_plan_row_item (plan_page), SCS_M_PLAN_ITEM_CRITERIA)[1], ==, "1-2-1-1");
  }
  scs_ui_test_destroy (window);
}

/* Visits: three at least, one more on demand (and gone with undo), attendees that take the
 * company's name, the standard first-visit schedule in one step. */
static void
test_visits (void)
{
  ScsWindow *window = open_example (NULL);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsEngagementPage *page = scs_window_get_engagement_page (window);
  ScsVisitsPage *visits_page = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "visits_page");
  GListModel *visits = scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_VISITS);
  ScsRecord *third = scs_engagement_ensure_visit (engagement, 3);
  GListModel *agenda = scs_record_get_list (third, SCS_M_VISIT_AGENDA);
  ScsRecord *added, *attendee;
  guint before;

  scs_engagement_page_show_section (page, "visits");
  scs_ui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (visits), ==, 3);
  g_assert_cmpstr (scs_record_get_string (scs_engagement_ensure_visit (engagement, 1), SCS_M_VISIT_DATE), ==, "2025-11-11");

  added = scs_visits_page_add_visit (visits_page);
  g_assert_cmpint (scs_record_get_int (added, SCS_M_VISIT_NUMBER), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (visits), ==, 4);
  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (visits), ==, 3);

  before = g_list_model_get_n_items (scs_record_get_list (third, SCS_M_VISIT_ATTENDEES));
  attendee = scs_visits_page_add_attendee (visits_page, third, "company");
  g_assert_cmpstr (scs_record_get_string (attendee, SCS_M_ATTENDEE_ORGANISATION), ==, "AAA株式会社");
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (third, SCS_M_VISIT_ATTENDEES)), ==, before + 1);

  /* The standard schedule: seven rows from 13:30, undone in one step. */
  g_list_store_remove_all (G_LIST_STORE (agenda));
  scs_visits_page_fill_agenda (visits_page, third);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 7);
  {
    g_autoptr(ScsRecord) first = g_list_model_get_item (agenda, 0);

    g_assert_cmpstr (scs_record_get_string (first, SCS_M_AGENDA_ROW_TIME), ==, "13:30");
    g_assert_cmpint (scs_record_get_int (first, SCS_M_AGENDA_ROW_MINUTES), ==, 10);
  }
  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 0);
  scs_ui_test_destroy (window);
}

static void
collect_entry_rows (GtkWidget  *widget,
                    const char *title,
                    GPtrArray  *out)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_entry_rows (c, title, out);
}

/* The entry row titled title of visit number (1, 2, 3 …, in the page's order). */
static GtkWidget *
visit_row (ScsVisitsPage *page,
           const char    *title,
           guint          number)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_entry_rows (GTK_WIDGET (page), title, rows);
  g_assert_cmpuint (rows->len, >=, number);
  return g_ptr_array_index (rows, number - 1);
}

/* Dates and times as people type them: 2026/4/15 on Enter and 1330 on saving reach the
 * file as 2026-04-15 and 13:30; a date that is not in the calendar marks its field with
 * the form to type, leaves the saved value as it was, and goes once corrected. */
static void
test_visit_dates_as_typed (void)
{
  g_autofree char *copy = NULL;
  ScsWindow *window = open_example (&copy);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsEngagementPage *page = scs_window_get_engagement_page (window);
  ScsVisitsPage *visits_page = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "visits_page");
  ScsRecord *second = scs_engagement_ensure_visit (engagement, 2);
  ScsRecord *third = scs_engagement_ensure_visit (engagement, 3);
  g_autofree char *second_date = g_strdup (scs_record_get_string (second, SCS_M_VISIT_DATE));
  g_autofree char *third_start = g_strdup (scs_record_get_string (third, SCS_M_VISIT_START));
  g_autoptr(ScsEngagement) saved = NULL;
  GtkWidget *date, *start, *bad;
  const char *title;

  scs_engagement_page_show_section (page, "visits");
  scs_ui_test_flush ();
  date = visit_row (visits_page, "Date (YYYY-MM-DD)", 3);
  start = visit_row (visits_page, "From (HH:MM)", 3);
  bad = visit_row (visits_page, "Date (YYYY-MM-DD)", 2);
  g_assert_cmpstr (second_date, !=, "");

  /* Typed, not yet taken: the record waits for Enter or for the field to be left. */
  gtk_editable_set_text (GTK_EDITABLE (date), "2026/4/15");
  g_assert_cmpstr (scs_record_get_string (third, SCS_M_VISIT_DATE), !=, "2026-04-15");
  g_signal_emit_by_name (date, "entry-activated");
  g_assert_cmpstr (scs_record_get_string (third, SCS_M_VISIT_DATE), ==, "2026-04-15");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2026-04-15");
  g_assert_false (gtk_widget_has_css_class (date, "error"));

  /* 1330 is read when the window saves. */
  gtk_editable_set_text (GTK_EDITABLE (start), "1330");
  g_assert_cmpstr (scs_record_get_string (third, SCS_M_VISIT_START), ==, third_start);

  /* Not a day of the calendar: marked at the field, the record keeps what it had, also
   * through the empty text that typing over a selection passes through. */
  gtk_editable_set_text (GTK_EDITABLE (bad), "");
  g_assert_cmpstr (scs_record_get_string (second, SCS_M_VISIT_DATE), ==, second_date);
  gtk_editable_set_text (GTK_EDITABLE (bad), "2026-02-30");
  g_signal_emit_by_name (bad, "entry-activated");
  g_assert_true (gtk_widget_has_css_class (bad, "error"));
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (bad));
  g_assert_nonnull (strstr (title, "2026/4/15"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (bad), second_date));
  g_assert_cmpstr (scs_record_get_string (second, SCS_M_VISIT_DATE), ==, second_date);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bad)), ==, "2026-02-30");

  save_and_wait (window);
  g_assert_cmpstr (scs_record_get_string (third, SCS_M_VISIT_START), ==, "13:30");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "13:30");
  g_assert_true (gtk_widget_has_css_class (bad, "error"));
  saved = reload (copy);
  g_assert_cmpstr (scs_record_get_string (scs_engagement_ensure_visit (saved, 3), SCS_M_VISIT_DATE), ==, "2026-04-15");
  g_assert_cmpstr (scs_record_get_string (scs_engagement_ensure_visit (saved, 3), SCS_M_VISIT_START), ==, "13:30");
  g_assert_cmpstr (scs_record_get_string (scs_engagement_ensure_visit (saved, 2), SCS_M_VISIT_DATE), ==, second_date);

  /* Corrected, in the era's form: taken, and the mark goes. */
  gtk_editable_set_text (GTK_EDITABLE (bad), "令和8年2月28日");
  g_assert_false (gtk_widget_has_css_class (bad, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (bad)), ==, "Date (YYYY-MM-DD)");
  g_signal_emit_by_name (bad, "entry-activated");
  g_assert_cmpstr (scs_record_get_string (second, SCS_M_VISIT_DATE), ==, "2026-02-28");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bad)), ==, "2026-02-28");

  /* Undo takes a typed date back like any edit. */
  undo (window);
  g_assert_cmpstr (scs_record_get_string (second, SCS_M_VISIT_DATE), ==, second_date);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bad)), ==, second_date);

  /* Leaving a field reads it too: a time in Japanese, then the focus moves on. */
  gtk_editable_set_text (GTK_EDITABLE (start), "9時5分");
  g_assert_true (gtk_widget_grab_focus (start));
  scs_ui_test_flush ();
  g_assert_cmpstr (scs_record_get_string (third, SCS_M_VISIT_START), ==, "13:30");
  g_assert_true (gtk_widget_grab_focus (date));
  scs_ui_test_flush ();
  g_assert_cmpstr (scs_record_get_string (third, SCS_M_VISIT_START), ==, "09:05");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "09:05");

  /* Emptied on purpose and left with Enter: the date is cleared. */
  gtk_editable_set_text (GTK_EDITABLE (bad), "");
  g_signal_emit_by_name (bad, "entry-activated");
  g_assert_cmpstr (scs_record_get_string (second, SCS_M_VISIT_DATE), ==, "");
  scs_ui_test_destroy (window);
  g_unlink (copy);
}

/* Closing a window with a date typed as 2026/4/15 and not yet left takes the date and asks
 * to save; with a date that cannot be read it asks too, rather than closing unasked. */
static void
test_close_takes_typed_dates (void)
{
  const char *typed[] = { "2026/4/15", "2026/2/30" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *copy = NULL;
      ScsWindow *window = open_example (&copy);
      /* Discarding destroys the window inside the dialog's response: held here, as a
       * click's event handling holds it in the app. */
      g_autoptr(GtkWidget) guard = g_object_ref (GTK_WIDGET (window));
      ScsEngagement *engagement = scs_window_get_engagement (window);
      ScsEngagementPage *page = scs_window_get_engagement_page (window);
      ScsVisitsPage *visits_page = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "visits_page");
      ScsRecord *third = scs_engagement_ensure_visit (engagement, 3);
      g_autofree char *before = g_strdup (scs_record_get_string (third, SCS_M_VISIT_DATE));
      AdwMessageDialog *dialog;
      GtkWidget *date;

      scs_engagement_page_show_section (page, "visits");
      scs_ui_test_flush ();
      g_assert_false (scs_window_is_modified (window));
      date = visit_row (visits_page, "Date (YYYY-MM-DD)", 3);
      gtk_widget_grab_focus (date);
      scs_ui_test_flush ();
      gtk_editable_set_text (GTK_EDITABLE (date), typed[i]);
      scs_ui_test_flush ();
      gtk_window_close (GTK_WINDOW (window));
      SCS_UI_TEST_WAIT_FOR (scs_window_get_dialog (window) != NULL, "the unsaved changes dialog");
      dialog = scs_window_get_dialog (window);
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
      g_assert_cmpstr (scs_record_get_string (third, SCS_M_VISIT_DATE), ==, i == 0 ? "2026-04-15" : before);
      adw_message_dialog_response (dialog, "discard");
      SCS_UI_TEST_WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (window)), "the window to close");
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
    }
}

static void
collect_warning_texts (GtkWidget *widget,
                       GString   *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "warning"))
    g_string_append (texts, gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_warning_texts (c, texts);
}

/* A company's file: the differences listed, one of two taken, expert fields untouched, one
 * undo for the whole import; another company's file is said to be one. */
static void
test_import (void)
{
  ScsWindow *window = open_example (NULL);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  g_autoptr(ScsEngagement) theirs = NULL;
  g_autofree char *dir = g_dir_make_tmp ("scs-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "company.scsa", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *verdict = g_strdup (scs_assessment_get_verdict (scs_engagement_get_assessment (engagement, "4-2-2-1")));
  g_autofree char *status = g_strdup (scs_assessment_get_company_status (scs_engagement_get_assessment (engagement, "4-2-2-1")));
  ScsImportDialog *dialog;
  g_autoptr(GString) warnings = g_string_new (NULL);

  bytes = scs_storage_serialize (engagement);
  theirs = scs_storage_load_bytes (scs_application_get_catalog (app), bytes, NULL, &error);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_assert_no_error (error);
  scs_record_set_string (SCS_RECORD (scs_engagement_get_assessment (theirs, "4-2-2-1")), SCS_M_ASSESSMENT_COMPANY_STATUS, "done");
  scs_record_set_string (SCS_RECORD (scs_engagement_get_assessment (theirs, "4-2-2-1")), SCS_M_ASSESSMENT_VERDICT, "conforms");
  scs_record_set_string (SCS_RECORD (scs_engagement_get_assessment (theirs, "4-3-4-2")), SCS_M_ASSESSMENT_COMPANY_COMMENT, "未実施");
  bytes = scs_storage_serialize (theirs);
  g_assert_true (scs_storage_write (bytes, file, &error));

  scs_window_import_file (window, file);
  dialog = scs_window_get_import_dialog (window);
  g_assert_nonnull (dialog);
  scs_ui_test_flush ();
  if (g_getenv ("SCS_TEST_PAUSE") != NULL)
    {
      /* Time to look at the dialog: a pause on purpose, not a wait. */
      gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

      SCS_UI_TEST_WAIT_FOR (g_get_monotonic_time () > until, "the pause to end");
    }
  g_assert_cmpuint (scs_import_dialog_get_plan (dialog)->changes->len, ==, 2);
  collect_warning_texts (GTK_WIDGET (dialog), warnings);
  g_assert_cmpstr (warnings->str, ==, "");

  scs_import_dialog_set_accepted (dialog, 0, FALSE);
  g_assert_cmpuint (scs_import_dialog_take (dialog), ==, 1);
  scs_ui_test_flush ();
  g_assert_cmpstr (scs_assessment_get_company_status (scs_engagement_get_assessment (engagement, "4-2-2-1")), ==, status);
  g_assert_cmpstr (scs_assessment_get_verdict (scs_engagement_get_assessment (engagement, "4-2-2-1")), ==, verdict);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (scs_engagement_get_assessment (engagement, "4-3-4-2")),
                                          SCS_M_ASSESSMENT_COMPANY_COMMENT), ==, "未実施");
  undo (window);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (scs_engagement_get_assessment (engagement, "4-3-4-2")),
                                          SCS_M_ASSESSMENT_COMPANY_COMMENT), !=, "未実施");

  /* Another company's file. */
  scs_record_set_string (SCS_RECORD (scs_engagement_get_company (theirs)), SCS_M_COMPANY_NAME, "BBB株式会社");
  g_bytes_unref (bytes);
  bytes = scs_storage_serialize (theirs);
  g_assert_true (scs_storage_write (bytes, file, &error));
  scs_window_import_file (window, file);
  dialog = scs_window_get_import_dialog (window);
  scs_ui_test_flush ();
  g_string_truncate (warnings, 0);
  collect_warning_texts (GTK_WIDGET (dialog), warnings);
  g_assert_nonnull (strstr (warnings->str, "BBB株式会社"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_unlink (path);
  g_rmdir (dir);
  scs_ui_test_destroy (window);
}

/* From a criterion that does not conform, one click starts a plan item for it; a criterion
 * that conforms offers none. */
static void
test_plan_item_from_criterion (void)
{
  ScsWindow *window = open_example (NULL);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  GListModel *items = scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (engagement)), SCS_M_PLAN_ITEMS);
  GtkWidget *button = scs_ui_test_child (scs_window_get_criterion_page (window), SCS_TYPE_CRITERION_PAGE,
                                         "plan_item_button");
  AdwViewStack *stack = scs_ui_test_child (window, SCS_TYPE_WINDOW, "view_stack");
  g_autoptr(ScsRecord) added = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "assessment"));
  scs_sidebar_select (scs_window_get_sidebar (window), scs_ui_test_node (window, "1-2-1-1"));
  scs_ui_test_flush ();
  g_assert_false (gtk_widget_get_visible (button));
  scs_sidebar_select (scs_window_get_sidebar (window), scs_ui_test_node (window, "5-1-1-2"));
  scs_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.plan-item", NULL));
  scs_ui_test_flush ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "engagement");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  added = g_list_model_get_item (items, 2);
  g_assert_cmpstr (scs_record_get_strv (added, SCS_M_PLAN_ITEM_CRITERIA)[0], ==, "5-1-1-2");

  /* In company mode neither the plan nor the button is offered. */
  {
    ScsEngagementPage *page = scs_window_get_engagement_page (window);

    g_object_set (window, "company-preview", TRUE, NULL);
    scs_ui_test_flush ();
    g_assert_false (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "plan_page")));
    g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.plan-item", NULL) &&
                    g_list_model_get_n_items (items) == 4);
    g_object_set (window, "company-preview", FALSE, NULL);
    scs_ui_test_flush ();
    g_assert_true (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "plan_page")));
  }
  scs_ui_test_destroy (window);
}

/* The criteria the sidebar lists. */
static guint
n_sidebar_criteria (ScsWindow *window)
{
  GListModel *rows = scs_sidebar_get_model (scs_window_get_sidebar (window));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);
      g_autoptr(GObject) node = GTK_IS_TREE_LIST_ROW (item) ? gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item))
                                                             : g_object_ref (item);

      n += SCS_IS_NODE (node) && scs_node_get_kind (SCS_NODE (node)) == SCS_NODE_CRITERION;
    }
  return n;
}

/* ★3→★4 from the Engagement view: every answer kept, the 72 ★4 criteria listed unanswered;
 * ★4→★3: a ★4-only answer hidden, said so, kept through a save; undo brings the level
 * back; the scale carries the verdicts over and back; the company's view cannot change
 * either. */
static void
test_level_and_scale (void)
{
  g_autofree char *copy = NULL;
  ScsWindow *window = open_example (&copy);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsEngagementPage *page = scs_window_get_engagement_page (window);
  AdwComboRow *level_row = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "level_row");
  AdwComboRow *scale_row = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "scale_row");
  GtkWidget *hidden_label = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "hidden_label");
  GtkWidget *foreign_label = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "foreign_label");
  ScsAssessment *improve = scs_engagement_get_assessment (engagement, "2-1-4-1");
  g_autoptr(ScsEngagement) saved = NULL;
  ScsNode *node;
  ScsTally at3, at4;

  scs_engagement_page_show_section (page, "level");
  scs_ui_test_flush ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (level_row)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (level_row)));
  g_assert_cmpuint (adw_combo_row_get_selected (level_row), ==, 0);
  g_assert_false (gtk_widget_get_visible (hidden_label));
  g_assert_cmpuint (n_sidebar_criteria (window), ==, 81);
  scs_engagement_tally (engagement, NULL, SCS_COUNT_WITH_FOLLOW_UP, &at3);
  g_assert_cmpstr (scs_assessment_get_verdict (improve), ==, "needs_improvement");

  /* ★4: the sidebar lists the 72 more, the answers are all there, the title says ★4. */
  adw_combo_row_set_selected (level_row, 1);
  scs_ui_test_flush ();
  g_assert_cmpint (scs_engagement_get_level (engagement), ==, SCS_LEVEL_4);
  g_assert_cmpuint (n_sidebar_criteria (window), ==, 153);
  scs_engagement_tally (engagement, NULL, SCS_COUNT_WITH_FOLLOW_UP, &at4);
  g_assert_cmpuint (at4.n_criteria, ==, at3.n_criteria + 72);
  g_assert_cmpuint (at4.n_answered, ==, at3.n_answered);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "★4"));

  /* A ★4-only criterion answered in the window, then ★3: hidden, and said so. */
  node = scs_ui_test_node (window, "1-1-1-1");
  g_assert_nonnull (node);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-node", "s", "1-1-1-1"));
  scs_ui_test_flush ();
  g_assert_true (scs_sidebar_get_selected (scs_window_get_sidebar (window)) == node);
  g_assert_true (scs_criterion_page_choose_verdict (scs_window_get_criterion_page (window), 1));
  g_assert_cmpstr (scs_assessment_get_verdict (scs_engagement_get_assessment (engagement, "1-1-1-1")), ==, "conforms");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "engagement"));
  adw_combo_row_set_selected (level_row, 0);
  scs_ui_test_flush ();
  g_assert_cmpint (scs_engagement_get_level (engagement), ==, SCS_LEVEL_3);
  g_assert_cmpuint (n_sidebar_criteria (window), ==, 81);
  g_assert_null (scs_ui_test_node (window, "1-1-1-1"));
  g_assert_true (gtk_widget_get_visible (hidden_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hidden_label)), "1 answer"));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "★3"));

  /* Kept on save. */
  save_and_wait (window);
  saved = reload (copy);
  g_assert_cmpint (scs_engagement_get_level (saved), ==, SCS_LEVEL_3);
  g_assert_cmpstr (scs_assessment_get_verdict (scs_engagement_get_assessment (saved, "1-1-1-1")), ==, "conforms");
  g_clear_object (&saved);

  /* Undo: ★4 again, the choice and the note follow. */
  undo (window);
  g_assert_cmpint (scs_engagement_get_level (engagement), ==, SCS_LEVEL_4);
  g_assert_cmpuint (adw_combo_row_get_selected (level_row), ==, 1);
  g_assert_false (gtk_widget_get_visible (hidden_label));
  g_assert_cmpuint (n_sidebar_criteria (window), ==, 153);

  /* The other scale: 改善要 becomes 不適合, and back with one undo. */
  g_assert_cmpuint (adw_combo_row_get_selected (scale_row), ==, 0);
  adw_combo_row_set_selected (scale_row, 1);
  scs_ui_test_flush ();
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_VERDICT_SCALE), ==, "official");
  g_assert_cmpstr (scs_assessment_get_verdict (improve), ==, "nonconforming");
  /* The criterion page offers the new scale's values. */
  {
    GtkWidget *verdicts = scs_ui_test_child (scs_window_get_criterion_page (window), SCS_TYPE_CRITERION_PAGE,
                                             "verdict_box");
    GtkWidget *last = gtk_widget_get_last_child (verdicts);

    g_assert_true (GTK_IS_TOGGLE_BUTTON (last));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (last)), ==, "Non-conforming");
  }
  g_assert_cmpuint (gtk_widget_get_visible (foreign_label), ==, scs_engagement_count_foreign_verdicts (engagement) > 0);
  undo (window);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_VERDICT_SCALE), ==, "assessment");
  g_assert_cmpstr (scs_assessment_get_verdict (improve), ==, "needs_improvement");
  g_assert_cmpuint (adw_combo_row_get_selected (scale_row), ==, 0);
  g_assert_false (gtk_widget_get_visible (foreign_label));

  /* The company's view shows both, changes neither. */
  g_object_set (page, "company-mode", TRUE, NULL);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (level_row)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (scale_row)));
  g_object_set (page, "company-mode", FALSE, NULL);

  scs_ui_test_destroy (window);
  g_unlink (copy);
}

int
main (int argc, char *argv[])
{
  app = scs_ui_test_init (&argc, &argv);
  g_test_add_func ("/engagement-page/company", test_company);
  g_test_add_func ("/engagement-page/documents", test_documents);
  g_test_add_func ("/engagement-page/sections-built-when-shown", test_sections_built_when_shown);
  g_test_add_func ("/engagement-page/views-made-when-shown", test_views_made_when_shown);
  g_test_add_func ("/engagement-page/checklists", test_checklists);
  g_test_add_func ("/engagement-page/scope", test_scope);
  g_test_add_func ("/engagement-page/plan", test_plan);
  g_test_add_func ("/engagement-page/visits", test_visits);
  g_test_add_func ("/engagement-page/visit-dates-as-typed", test_visit_dates_as_typed);
  g_test_add_func ("/engagement-page/close-takes-typed-dates", test_close_takes_typed_dates);
  g_test_add_func ("/engagement-page/import", test_import);
  g_test_add_func ("/engagement-page/plan-item-from-criterion", test_plan_item_from_criterion);
  g_test_add_func ("/engagement-page/level-and-scale", test_level_and_scale);
  return g_test_run ();
}
