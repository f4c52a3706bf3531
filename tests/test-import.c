/* test-import.c — taking in a company's self-assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "scs-test.h"

static ScsEngagement *
load_example (ScsCatalog *catalog)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_TEST_DATA"), "..", "..", "data", "samples",
                                            "example-aaa.scsa", NULL);

  return scs_test_load (catalog, path);
}

static void
add_document (ScsEngagement *e,
              const char    *id,
              const char    *title)
{
  g_autoptr(ScsRecord) doc = g_object_new (SCS_TYPE_DOCUMENT, NULL);

  scs_record_set_string (doc, "id", id);
  scs_record_set_string (doc, "title", title);
  scs_record_set_string (doc, "kind", "record");
  g_list_store_append (G_LIST_STORE (scs_record_get_list (SCS_RECORD (e), "documents")), doc);
}

/* The company changed two answers and one comment, tried to change a verdict, an expert
 * comment and an internal note, and listed one new document and one it already had
 * (in full-width letters). */
static void
test_compare_and_apply (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) current = load_example (catalog);
  g_autoptr(ScsEngagement) incoming = load_example (catalog);
  g_autoptr(ScsHistory) history = scs_history_new (current);
  g_autoptr(ScsImportPlan) plan = NULL;
  ScsRecord *a1 = SCS_RECORD (scs_engagement_get_assessment (incoming, "4-2-2-1"));
  ScsRecord *a2 = SCS_RECORD (scs_engagement_get_assessment (incoming, "4-3-4-2"));
  ScsRecord *a3 = SCS_RECORD (scs_engagement_get_assessment (incoming, "1-2-1-1"));
  GListModel *documents = scs_record_get_list (SCS_RECORD (current), "documents");
  g_autofree char *verdict = g_strdup (scs_assessment_get_verdict (scs_engagement_get_assessment (current, "1-2-1-1")));
  g_autofree char *expert_comment = g_strdup (scs_assessment_get_expert_comment (scs_engagement_get_assessment (current, "1-2-1-1")));
  guint n_docs = g_list_model_get_n_items (documents);
  gboolean accepted[8] = { FALSE };
  ScsImportChange *change;

  scs_record_set_string (a1, "company_status", "done");
  scs_record_set_string (a2, "company_status", "not_done");
  scs_record_set_string (a2, "company_comment", "遠隔地保管は未実施");
  scs_record_set_string (a3, "verdict", "needs_improvement");
  scs_record_set_string (a3, "expert_comment", "書き換え");
  scs_record_set_string (a3, "internal_note", "見えてはいけない");
  add_document (incoming, "DOC-01", "ログ管理手順書");
  add_document (incoming, "X-9", "情報セキュリティ基本方針");   /* already listed */

  plan = scs_import_compare (current, incoming);
  g_assert_false (plan->company_differs);
  g_assert_false (plan->level_differs);
  g_assert_cmpuint (plan->changes->len, ==, 2);
  change = g_ptr_array_index (plan->changes, 0);
  g_assert_cmpstr (change->criterion, ==, "4-2-2-1");
  g_assert_cmpstr (change->new_status, ==, "done");
  change = g_ptr_array_index (plan->changes, 1);
  g_assert_cmpstr (change->criterion, ==, "4-3-4-2");
  g_assert_cmpstr (change->new_comment, ==, "遠隔地保管は未実施");
  g_assert_cmpuint (plan->documents->len, ==, 1);

  /* Only the second change is accepted. */
  accepted[1] = TRUE;
  g_assert_cmpuint (scs_import_apply (current, plan, accepted, history), ==, 1);
  g_assert_cmpstr (scs_assessment_get_company_status (scs_engagement_get_assessment (current, "4-2-2-1")), !=, "done");
  g_assert_cmpstr (scs_assessment_get_company_status (scs_engagement_get_assessment (current, "4-3-4-2")), ==, "not_done");
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n_docs + 1);
  {
    g_autoptr(ScsRecord) added = g_list_model_get_item (documents, n_docs);
    g_autofree char *next = g_strdup_printf ("DOC-%02u", n_docs + 1);

    g_assert_cmpstr (scs_record_get_string (added, "id"), ==, next);
    g_assert_cmpstr (scs_record_get_string (added, "title"), ==, "ログ管理手順書");
  }
  /* Expert fields are never taken. */
  g_assert_cmpstr (scs_assessment_get_verdict (scs_engagement_get_assessment (current, "1-2-1-1")), ==, verdict);
  g_assert_cmpstr (scs_assessment_get_expert_comment (scs_engagement_get_assessment (current, "1-2-1-1")), ==,
                   expert_comment);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (scs_engagement_get_assessment (current, "1-2-1-1")),
                                          "internal_note"), !=, "見えてはいけない");

  /* One undo takes the whole import back. */
  scs_history_undo (history);
  g_assert_cmpstr (scs_assessment_get_company_status (scs_engagement_get_assessment (current, "4-3-4-2")), !=, "not_done");
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n_docs);
  g_assert_false (scs_history_can_undo (history));

  /* All at once. */
  g_assert_cmpuint (scs_import_apply (current, plan, NULL, NULL), ==, 2);
  g_assert_cmpstr (scs_assessment_get_company_status (scs_engagement_get_assessment (current, "4-2-2-1")), ==, "done");
}

/* Another company, another level: flagged. */
static void
test_mismatch (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) current = load_example (catalog);
  g_autoptr(ScsEngagement) incoming = scs_engagement_new (scs_engagement_get_framework (current), 4);
  g_autoptr(ScsImportPlan) plan = NULL;

  scs_record_set_string (SCS_RECORD (scs_engagement_get_company (incoming)), "name", "BBB株式会社");
  plan = scs_import_compare (current, incoming);
  g_assert_true (plan->company_differs);
  g_assert_true (plan->level_differs);
  g_assert_cmpstr (plan->their_company, ==, "BBB株式会社");
  g_assert_cmpint (plan->their_level, ==, 4);
}

int
main (int argc, char *argv[])
{
  scs_test_init (&argc, &argv);
  g_test_add_func ("/import/compare-and-apply", test_compare_and_apply);
  g_test_add_func ("/import/mismatch", test_mismatch);
  return g_test_run ();
}
