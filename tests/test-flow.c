/* test-flow.c — the visit's workflow across pages: documents, plan items, attendees,
 * interviewees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "scs-ui-test.h"
#include "scs-test.h"

static ScsApplication *app;

static ScsWindow *
open_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                            "example-aaa.scsa", NULL);

  return scs_ui_test_open_copy (app, path, NULL);
}

static void
show_criterion (ScsWindow  *window,
                const char *id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-node", "s", id));
  SCS_UI_TEST_WAIT_FOR (g_strcmp0 (scs_node_get_id (scs_window_get_node (window)), id) == 0,
                        "the criterion to be shown");
}

static gpointer
section (ScsWindow  *window,
         const char *name,
         const char *child)
{
  ScsEngagementPage *page = scs_window_get_engagement_page (window);

  scs_engagement_page_show_section (page, name);
  scs_ui_test_flush ();
  return scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, child);
}

static void
undo (ScsWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  scs_ui_test_flush ();
}

/* A document added on the Documents page is in the criterion page's picker at once, by
 * its id and the title as typed; cited, its row follows a rename. */
static void
test_picker_live (void)
{
  ScsWindow *window = open_example ();
  ScsCriterionPage *criterion_page = scs_window_get_criterion_page (window);
  AdwComboRow *picker = scs_ui_test_child (criterion_page, SCS_TYPE_CRITERION_PAGE, "inventory_row");
  GtkListBox *cited = scs_ui_test_child (criterion_page, SCS_TYPE_CRITERION_PAGE, "documents_list");
  GtkWidget *cite = scs_ui_test_child (criterion_page, SCS_TYPE_CRITERION_PAGE, "inventory_add_button");
  ScsDocumentsPage *documents_page;
  GListModel *titles;
  ScsRecord *doc;
  GtkWidget *row;
  guint n, n_cited;
  g_autofree char *expected = NULL;

  show_criterion (window, "5-1-1-1");
  titles = adw_combo_row_get_model (picker);
  n = g_list_model_get_n_items (titles);
  g_assert_cmpuint (n, >, 0);
  /* Every entry starts with its document's id. */
  {
    g_autoptr(ScsRecord) first = g_list_model_get_item (scs_record_get_list (SCS_RECORD (scs_window_get_engagement (window)),
                                                                             SCS_M_ENGAGEMENT_DOCUMENTS), 0);

    g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (titles), 0),
                                     scs_record_get_string (first, SCS_M_DOCUMENT_ID)));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "engagement"));
  documents_page = section (window, "documents", "documents_page");
  doc = scs_documents_page_add_document (documents_page);
  scs_record_set_string (doc, SCS_M_DOCUMENT_TITLE, "入退室管理規程");
  scs_record_set_string (doc, SCS_M_DOCUMENT_VERSION, "2.1");
  scs_ui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (titles), ==, n + 1);
  expected = g_strdup_printf ("%s 入退室管理規程 (2.1)", scs_record_get_string (doc, SCS_M_DOCUMENT_ID));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (titles), n), ==, expected);

  /* Cited, then renamed on the Documents page: the cited row follows. */
  n_cited = g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (scs_assessment_get_procedure (scs_criterion_page_get_assessment (criterion_page), 0)),
                                                           SCS_M_PROCEDURE_REFS));
  adw_combo_row_set_selected (picker, n);
  g_signal_emit_by_name (cite, "clicked");
  scs_ui_test_flush ();
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (cited, n_cited));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected);
  scs_record_set_string (doc, SCS_M_DOCUMENT_TITLE, "入退室管理規程（改）");
  scs_ui_test_flush ();
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s 入退室管理規程（改） (2.1)", scs_record_get_string (doc, SCS_M_DOCUMENT_ID));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (titles), n), ==, expected);
  /* The choice stays where it was while labels change. */
  g_assert_cmpuint (adw_combo_row_get_selected (picker), ==, n);
  /* ... and follows its document when one before it goes. */
  g_list_store_remove (G_LIST_STORE (scs_record_get_list (SCS_RECORD (scs_window_get_engagement (window)),
                                                          SCS_M_ENGAGEMENT_DOCUMENTS)), 0);
  scs_ui_test_flush ();
  g_assert_cmpuint (adw_combo_row_get_selected (picker), ==, n - 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (titles), n - 1), ==, expected);
  scs_ui_test_destroy (window);
}

/* 「改善計画の項目を作成」 twice (a double-click) makes one item; the criterion page's
 * button then opens it rather than making another. */
static void
test_one_plan_item (void)
{
  ScsWindow *window = open_example ();
  ScsEngagement *engagement = scs_window_get_engagement (window);
  GListModel *items = scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (engagement)), SCS_M_PLAN_ITEMS);
  ScsPlanPage *plan_page;
  g_autoptr(GPtrArray) uncovered = scs_plan_page_uncovered (engagement);
  const char *id;
  guint n = g_list_model_get_n_items (items);
  GtkButton *button;

  g_assert_cmpuint (uncovered->len, >, 0);
  id = scs_node_get_id (g_ptr_array_index (uncovered, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "engagement"));
  plan_page = section (window, "plan", "plan_page");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page), "plan.create-for", "s", id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page), "plan.create-for", "s", id));
  scs_ui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n + 1);
  g_assert_nonnull (scs_plan_page_find_item (engagement, id));

  /* From the criterion: the same item, not another. */
  show_criterion (window, id);
  button = scs_ui_test_child (scs_window_get_criterion_page (window), SCS_TYPE_CRITERION_PAGE, "plan_item_button");
  g_assert_cmpstr (gtk_button_get_label (button), ==, "Open the _Plan Item");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.plan-item", NULL));
  scs_ui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n + 1);

  /* Undone, the criterion can have its item made again. */
  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n);
  g_assert_null (scs_plan_page_find_item (engagement, id));
  /* The criterion on show follows the plan without being shown again. */
  g_assert_cmpstr (gtk_button_get_label (button), ==, "Create a _Plan Item");
  scs_ui_test_destroy (window);
}

static ScsRecord *
attendee_at (ScsRecord *visit,
             guint      i)
{
  g_autoptr(ScsRecord) attendee = g_list_model_get_item (scs_record_get_list (visit, SCS_M_VISIT_ATTENDEES), i);

  return attendee;   /* the visit holds it */
}

/* A visit the app makes has the expert among its attendees, named from the expert's
 * details: one added on demand (gone with one undo) and the first three of an engagement
 * that had none. */
static void
test_expert_attendee (void)
{
  ScsWindow *window = open_example ();
  ScsEngagement *engagement = scs_window_get_engagement (window);
  GListModel *visits = scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_VISITS);
  const char *expert = scs_record_get_string (scs_record_get_object (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_EXPERT),
                                              SCS_M_EXPERT_NAME);
  ScsVisitsPage *visits_page;
  ScsRecord *added;

  g_assert_cmpstr (expert, !=, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "engagement"));
  visits_page = section (window, "visits", "visits_page");
  added = scs_visits_page_add_visit (visits_page);
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (added, SCS_M_VISIT_ATTENDEES)), ==, 1);
  g_assert_cmpstr (scs_record_get_string (attendee_at (added, 0), SCS_M_ATTENDEE_SIDE), ==, "expert");
  g_assert_cmpstr (scs_record_get_string (attendee_at (added, 0), SCS_M_ATTENDEE_NAME), ==, expert);
  g_assert_cmpstr (scs_record_get_string (attendee_at (added, 0), SCS_M_ATTENDEE_TITLE), !=, "");
  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (visits), ==, 3);

  /* Without visits, the page shows three, blank: looking at a file changes nothing in it. */
  g_list_store_remove_all (G_LIST_STORE (visits));
  scs_ui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (visits), ==, 3);
  for (int n = 1; n <= 3; n++)
    g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (scs_engagement_ensure_visit (engagement, n),
                                                                     SCS_M_VISIT_ATTENDEES)), ==, 0);
  scs_ui_test_destroy (window);
}

/* The interview panel offers the interviewee named last on another criterion, then the
 * company's attendees of today's visit; choosing one fills title and name and switches
 * the interview on, undone in one step. */
static void
test_interviewee (void)
{
  ScsWindow *window = open_example ();
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsCriterionPage *page = scs_window_get_criterion_page (window);
  ScsRecord *visit = scs_engagement_ensure_visit (engagement, 2);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GPtrArray) choices = NULL;
  ScsRecord *interview;
  ScsRecord *choice;

  scs_record_set_string (visit, SCS_M_VISIT_DATE, today);
  show_criterion (window, "1-2-1-1");
  interview = SCS_RECORD (scs_assessment_get_procedure (scs_criterion_page_get_assessment (page), 3));
  scs_record_set_string (interview, SCS_M_PROCEDURE_INTERVIEWEE_TITLE, "総務課長");
  scs_record_set_string (interview, SCS_M_PROCEDURE_INTERVIEWEE_NAME, "鈴木花子");

  show_criterion (window, "5-1-1-2");
  interview = SCS_RECORD (scs_assessment_get_procedure (scs_criterion_page_get_assessment (page), 3));
  scs_record_set_string (interview, SCS_M_PROCEDURE_INTERVIEWEE_TITLE, "");
  scs_record_set_string (interview, SCS_M_PROCEDURE_INTERVIEWEE_NAME, "");
  scs_record_set_boolean (interview, SCS_M_PROCEDURE_PERFORMED, FALSE);
  choices = scs_criterion_page_interviewee_choices (page);
  /* The last interviewee, then the visit's two company attendees (not the expert). */
  g_assert_cmpuint (choices->len, ==, 3);
  g_assert_cmpstr (scs_record_get_string (g_ptr_array_index (choices, 0), SCS_M_ATTENDEE_NAME), ==, "鈴木花子");
  g_assert_cmpstr (scs_record_get_string (g_ptr_array_index (choices, 0), SCS_M_ATTENDEE_TITLE), ==, "総務課長");
  g_assert_cmpstr (scs_record_get_string (g_ptr_array_index (choices, 1), SCS_M_ATTENDEE_NAME), ==, "情報太郎");
  g_assert_cmpstr (scs_record_get_string (g_ptr_array_index (choices, 2), SCS_M_ATTENDEE_NAME), ==, "佐藤一郎");

  choice = g_ptr_array_index (choices, 2);
  scs_criterion_page_choose_interviewee (page, choice);
  scs_ui_test_flush ();
  g_assert_cmpstr (scs_record_get_string (interview, SCS_M_PROCEDURE_INTERVIEWEE_NAME), ==, "佐藤一郎");
  g_assert_cmpstr (scs_record_get_string (interview, SCS_M_PROCEDURE_INTERVIEWEE_TITLE), ==, "管理部情報システム部 部長");
  g_assert_true (scs_record_get_boolean (interview, SCS_M_PROCEDURE_PERFORMED));
  g_assert_cmpstr (gtk_editable_get_text (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "interviewee_name_row")),
                   ==, "佐藤一郎");
  undo (window);
  g_assert_cmpstr (scs_record_get_string (interview, SCS_M_PROCEDURE_INTERVIEWEE_NAME), ==, "");
  g_assert_cmpstr (scs_record_get_string (interview, SCS_M_PROCEDURE_INTERVIEWEE_TITLE), ==, "");
  g_assert_false (scs_record_get_boolean (interview, SCS_M_PROCEDURE_PERFORMED));
  scs_ui_test_destroy (window);
}

/* The company drafts its plan items in its company copy (no agreed plan shared): the plan
 * is there and editable in its view, without the expert's summary or list of criteria
 * that do not conform; the expert's import brings the draft in as the company's proposal. */
static void
test_company_plan_draft (void)
{
  ScsWindow *expert_window = open_example ();
  ScsEngagement *expert = scs_window_get_engagement (expert_window);
  ScsCompanyCopyOptions options = { FALSE, FALSE };
  g_autoptr(ScsEngagement) copy = scs_company_copy_new (expert, &options, NULL);
  g_autoptr(GBytes) bytes = scs_storage_serialize (copy);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "scs-flow-company-XXXXXX.scsa", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_default ();
  g_autoptr(ScsEngagement) incoming = NULL;
  g_autoptr(ScsImportPlan) plan = NULL;
  GListModel *expert_items = scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (expert)), SCS_M_PLAN_ITEMS);
  guint n_expert = g_list_model_get_n_items (expert_items);
  ScsWindow *company_window;
  ScsEngagement *company;
  ScsPlanPage *plan_page;
  ScsRecord *item;
  int fd;

  fd = g_mkstemp (path);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  company_window = scs_ui_test_open_copy (app, path, NULL);
  company = scs_window_get_engagement (company_window);
  g_assert_true (scs_engagement_is_company_copy (company));
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (company)),
                                                                   SCS_M_PLAN_ITEMS)), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (company_window), "win.view", "s", "engagement"));
  plan_page = section (company_window, "plan", "plan_page");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (plan_page)));
  g_assert_true (gtk_widget_get_sensitive (scs_ui_test_child (plan_page, SCS_TYPE_PLAN_PAGE, "page")));
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (plan_page, SCS_TYPE_PLAN_PAGE, "uncovered_group")));
  g_assert_false (gtk_text_view_get_editable (scs_ui_test_child (plan_page, SCS_TYPE_PLAN_PAGE, "summary_view")));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (scs_ui_test_child (plan_page, SCS_TYPE_PLAN_PAGE, "summary_view"),
                                                                   ADW_TYPE_PREFERENCES_GROUP)));
  item = scs_plan_page_add_item (plan_page, NULL);
  scs_record_set_string (item, SCS_M_PLAN_ITEM_TITLE, "取引先との役割分担を文書化する");
  scs_record_set_string (item, SCS_M_PLAN_ITEM_TIMING, "次回訪問まで");
  scs_ui_test_flush ();

  /* Sent back and imported: one proposal. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = scs_storage_serialize (company);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  file = g_file_new_for_path (path);
  incoming = scs_import_load (catalog, expert, file, &error);
  g_assert_no_error (error);
  plan = scs_import_compare (expert, incoming);
  g_assert_cmpuint (plan->plan_items->len, ==, 1);
  scs_import_apply (expert, plan, NULL, scs_window_get_history (expert_window));
  g_assert_cmpuint (g_list_model_get_n_items (expert_items), ==, n_expert + 1);
  {
    g_autoptr(ScsRecord) added = g_list_model_get_item (expert_items, n_expert);

    g_assert_cmpstr (scs_record_get_string (added, SCS_M_PLAN_ITEM_TITLE), ==, "取引先との役割分担を文書化する");
    g_assert_cmpstr (scs_record_get_string (added, SCS_M_PLAN_ITEM_PROPOSED_BY), ==, "company");
  }

  /* The expert's preview of their own file still shows no plan. */
  g_object_set (expert_window, "company-preview", TRUE, NULL);
  scs_ui_test_flush ();
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (scs_window_get_engagement_page (expert_window),
                                                             SCS_TYPE_ENGAGEMENT_PAGE, "plan_page")));
  g_object_set (expert_window, "company-preview", FALSE, NULL);
  scs_ui_test_destroy (company_window);
  scs_ui_test_destroy (expert_window);
  g_unlink (path);
}

int
main (int argc, char *argv[])
{
  app = scs_ui_test_init (&argc, &argv);
  g_test_add_func ("/flow/picker-live", test_picker_live);
  g_test_add_func ("/flow/one-plan-item", test_one_plan_item);
  g_test_add_func ("/flow/expert-attendee", test_expert_attendee);
  g_test_add_func ("/flow/interviewee", test_interviewee);
  g_test_add_func ("/flow/company-plan-draft", test_company_plan_draft);
  return g_test_run ();
}
