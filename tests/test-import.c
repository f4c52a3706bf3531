/* test-import.c — taking in a company's self-assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

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

/* Every file of the refused-import corpus gives its message, and neither it nor the
 * engagement it was to go into changes. */
static void
test_refused_files (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autofree char *base_path = scs_test_data_path ("base.scsa");
  g_autoptr(ScsEngagement) current = scs_test_load (catalog, base_path);
  g_autoptr(GBytes) current_before = scs_storage_serialize (current);
  g_autoptr(GPtrArray) cases = scs_test_read_cases ("bad-imports");
  guint n = cases->len;

  for (guint i = 0; i < cases->len; i++)
    {
      ScsTestCase *c = g_ptr_array_index (cases, i);
      g_autofree char *before = NULL, *after = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (c->path);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsEngagement) incoming = NULL;
      g_autoptr(GBytes) current_after = NULL;
      gsize before_length, after_length;

      g_assert_true (g_file_get_contents (c->path, &before, &before_length, NULL));
      incoming = scs_import_load (catalog, current, file, &error);
      if (incoming != NULL)
        g_error ("%s: accepted for import", c->name);
      if (strstr (error->message, c->message) == NULL)
        g_error ("%s: the message was “%s”", c->name, error->message);
      g_assert_true (g_file_get_contents (c->path, &after, &after_length, NULL));
      g_assert_cmpmem (before, before_length, after, after_length);
      current_after = scs_storage_serialize (current);
      g_assert_true (g_bytes_equal (current_before, current_after));
    }
  g_assert_cmpuint (n, >=, 8);
}

/* A self-assessment made for another set of criteria, installed here too, is refused; one
 * made with the engagement's own edition is taken. */
static void
test_other_framework (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-import-fw-XXXXXX", NULL);
  g_autofree char *fw_path = g_build_filename (dir, "other.json", NULL);
  g_autofree char *file_path = g_build_filename (dir, "other.scsa", NULL);
  g_autofree char *base_path = scs_test_data_path ("base.scsa");
  g_autofree char *base_text = NULL;
  g_autoptr(GBytes) shipped = g_resources_lookup_data (
    SCS_RESOURCE_PREFIX "/frameworks/scs-2026-03-27.json", 0, NULL);
  g_autoptr(GString) other = g_string_new_len (g_bytes_get_data (shipped, NULL),
                                               g_bytes_get_size (shipped));
  g_autoptr(GString) text = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new ();
  g_autoptr(ScsEngagement) current = NULL;
  g_autoptr(ScsEngagement) incoming = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GFile) same = g_file_new_for_path (base_path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_string_replace (other, "\"id\": \"scs\"", "\"id\": \"scs-other\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (fw_path, other->str, other->len, NULL));
  scs_catalog_add_builtin (catalog);
  scs_catalog_add_directory (catalog, dir);
  g_assert_cmpuint (scs_catalog_get_errors (catalog)->len, ==, 0);
  current = scs_test_load (catalog, base_path);
  g_assert_true (g_file_get_contents (base_path, &base_text, NULL, NULL));
  text = g_string_new (base_text);
  g_assert_cmpuint (g_string_replace (text, "\"id\" : \"scs\",", "\"id\" : \"scs-other\",", 1), ==, 1);
  g_assert_true (g_file_set_contents (file_path, text->str, text->len, NULL));

  g_assert_null (scs_import_load (catalog, current, file, &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_UNKNOWN_FRAMEWORK);
  g_assert_nonnull (strstr (error->message, "made for the criteria “scs-other”"));
  incoming = scs_import_load (catalog, current, same, NULL);
  g_assert_nonnull (incoming);
  scs_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  scs_test_init (&argc, &argv);
  g_test_add_func ("/import/compare-and-apply", test_compare_and_apply);
  g_test_add_func ("/import/mismatch", test_mismatch);
  g_test_add_func ("/import/refused-files", test_refused_files);
  g_test_add_func ("/import/other-framework", test_other_framework);
  return g_test_run ();
}
