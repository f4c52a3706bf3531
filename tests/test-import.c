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

  scs_record_set_string (doc, SCS_M_DOCUMENT_ID, id);
  scs_record_set_string (doc, SCS_M_DOCUMENT_TITLE, title);
  scs_record_set_string (doc, SCS_M_DOCUMENT_KIND, "record");
  g_list_store_append (G_LIST_STORE (scs_record_get_list (SCS_RECORD (e), SCS_M_ENGAGEMENT_DOCUMENTS)), doc);
}

/* The company changed two answers and one comment, tried to change a verdict, an expert
 * comment and an internal note, and listed one new document and one it already had
 * (in full-width letters). */
static void
test_compare_and_apply (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) current = load_example (catalog);
  ScsCompanyCopyOptions bare = { FALSE, FALSE };
  g_autoptr(ScsEngagement) incoming = scs_company_copy_new (current, &bare, NULL);
  g_autoptr(ScsEngagement) expert_file = load_example (catalog);
  g_autoptr(ScsImportPlan) from_expert = NULL;
  g_autoptr(ScsRecord) done = NULL;
  g_autoptr(ScsHistory) history = scs_history_new (current);
  g_autoptr(ScsImportPlan) plan = NULL;
  ScsRecord *a1 = SCS_RECORD (scs_engagement_get_assessment (incoming, "4-2-2-1"));
  ScsRecord *a2 = SCS_RECORD (scs_engagement_get_assessment (incoming, "4-3-4-2"));
  ScsRecord *a3 = SCS_RECORD (scs_engagement_get_assessment (incoming, "1-2-1-1"));
  GListModel *documents = scs_record_get_list (SCS_RECORD (current), SCS_M_ENGAGEMENT_DOCUMENTS);
  g_autofree char *verdict = g_strdup (scs_assessment_get_verdict (scs_engagement_get_assessment (current, "1-2-1-1")));
  g_autofree char *expert_comment = g_strdup (scs_assessment_get_expert_comment (scs_engagement_get_assessment (current, "1-2-1-1")));
  guint n_docs = g_list_model_get_n_items (documents);
  gboolean accepted[8] = { FALSE };
  ScsImportChange *change;

  scs_record_set_string (a1, SCS_M_ASSESSMENT_COMPANY_STATUS, "done");
  scs_record_set_string (a2, SCS_M_ASSESSMENT_COMPANY_STATUS, "not_done");
  scs_record_set_string (a2, SCS_M_ASSESSMENT_COMPANY_COMMENT, "遠隔地保管は未実施");
  scs_record_set_string (a3, SCS_M_ASSESSMENT_VERDICT, "needs_improvement");
  scs_record_set_string (a3, SCS_M_ASSESSMENT_EXPERT_COMMENT, "書き換え");
  scs_record_set_string (a3, SCS_M_ASSESSMENT_INTERNAL_NOTE, "見えてはいけない");
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

    g_assert_cmpstr (scs_record_get_string (added, SCS_M_DOCUMENT_ID), ==, next);
    g_assert_cmpstr (scs_record_get_string (added, SCS_M_DOCUMENT_TITLE), ==, "ログ管理手順書");
  }
  /* Expert fields are never taken. */
  g_assert_cmpstr (scs_assessment_get_verdict (scs_engagement_get_assessment (current, "1-2-1-1")), ==, verdict);
  g_assert_cmpstr (scs_assessment_get_expert_comment (scs_engagement_get_assessment (current, "1-2-1-1")), ==,
                   expert_comment);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (scs_engagement_get_assessment (current, "1-2-1-1")),
                                          SCS_M_ASSESSMENT_INTERNAL_NOTE), !=, "見えてはいけない");

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

  scs_record_set_string (SCS_RECORD (scs_engagement_get_company (incoming)), SCS_M_COMPANY_NAME, "BBB株式会社");
  plan = scs_import_compare (current, incoming);
  g_assert_true (plan->company_differs);
  g_assert_true (plan->level_differs);
  g_assert_cmpstr (plan->their_company, ==, "BBB株式会社");
  g_assert_cmpint (plan->their_level, ==, 4);
  /* A plain engagement file, not a company copy: nothing says it came from elsewhere. */
  g_assert_false (plan->other_engagement);
}

/* The copy as the company sends it back: written and read again as a file. */
static ScsEngagement *
through_file (ScsCatalog    *catalog,
              ScsEngagement *current,
              ScsEngagement *copy)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-import-copy-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "company.scsa", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ScsEngagement *incoming;

  g_assert_true (scs_storage_save (copy, file, &error));
  g_assert_no_error (error);
  incoming = scs_import_load (catalog, current, file, &error);
  g_assert_no_error (error);
  scs_test_remove_tree (dir);
  return incoming;
}

/* The company filled in its company copy (with the verdicts in it) and sent it back: its
 * answers, comments and new documents come in; the expert's verdicts, comments and notes
 * stay as they are, and nothing is flagged. */
static void
test_company_copy_back (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) current = load_example (catalog);
  ScsCompanyCopyOptions options = { .plan = TRUE, .verdicts = TRUE };
  g_autoptr(ScsEngagement) copy = scs_company_copy_new (current, &options, NULL);
  g_autoptr(ScsEngagement) incoming = NULL;
  g_autoptr(ScsImportPlan) plan = NULL;
  ScsAssessment *mine = scs_engagement_get_assessment (current, "4-2-2-1");
  g_autofree char *verdict = g_strdup (scs_assessment_get_verdict (mine));
  g_autofree char *comment = g_strdup (scs_assessment_get_expert_comment (mine));
  g_autofree char *note = g_strdup (scs_record_get_string (SCS_RECORD (mine), SCS_M_ASSESSMENT_INTERNAL_NOTE));
  GListModel *documents = scs_record_get_list (SCS_RECORD (current), SCS_M_ENGAGEMENT_DOCUMENTS);
  guint n_docs = g_list_model_get_n_items (documents);
  ScsRecord *theirs;

  g_assert_nonnull (copy);
  theirs = SCS_RECORD (scs_engagement_ensure_assessment (copy, "4-2-2-1"));
  g_assert_cmpstr (scs_record_get_string (theirs, SCS_M_ASSESSMENT_COMPANY_STATUS), !=, "done");
  scs_record_set_string (theirs, SCS_M_ASSESSMENT_COMPANY_STATUS, "done");
  scs_record_set_string (theirs, SCS_M_ASSESSMENT_COMPANY_COMMENT, "訓練を実施した");
  /* What the company may not change, changed anyway: never read. */
  scs_record_set_string (theirs, SCS_M_ASSESSMENT_VERDICT, "na");
  scs_record_set_string (theirs, SCS_M_ASSESSMENT_EXPERT_COMMENT, "書き換え");
  add_document (copy, "DOC-99", "訓練記録");

  incoming = through_file (catalog, current, copy);
  g_assert_true (scs_engagement_is_company_copy (incoming));
  plan = scs_import_compare (current, incoming);
  g_assert_false (plan->other_engagement);
  g_assert_false (plan->company_differs);
  g_assert_cmpuint (plan->changes->len, ==, 1);
  g_assert_cmpstr (((ScsImportChange *) g_ptr_array_index (plan->changes, 0))->criterion, ==,
                   "4-2-2-1");
  g_assert_cmpuint (plan->documents->len, ==, 1);
  g_assert_cmpuint (scs_import_apply (current, plan, NULL, NULL), ==, 1);

  mine = scs_engagement_get_assessment (current, "4-2-2-1");
  g_assert_cmpstr (scs_assessment_get_company_status (mine), ==, "done");
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (mine), SCS_M_ASSESSMENT_COMPANY_COMMENT), ==, "訓練を実施した");
  g_assert_cmpstr (scs_assessment_get_verdict (mine), ==, verdict);
  g_assert_cmpstr (scs_assessment_get_expert_comment (mine), ==, comment);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (mine), SCS_M_ASSESSMENT_INTERNAL_NOTE), ==, note);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n_docs + 1);

  /* Importing it again changes nothing more. */
  {
    g_autoptr(ScsImportPlan) again = scs_import_compare (current, incoming);

    g_assert_cmpuint (again->changes->len, ==, 0);
    g_assert_cmpuint (again->documents->len, ==, 0);
  }
}

/* A company copy made from another engagement (of the same company, even): the plan says
 * so and names the engagement it came from; one made from this engagement before it had
 * an id is told by its creation time. */
static void
test_company_copy_from_elsewhere (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) current = load_example (catalog);
  g_autoptr(ScsEngagement) other = load_example (catalog);
  ScsCompanyCopyOptions options = { 0 };
  g_autoptr(ScsEngagement) copy = NULL;
  g_autoptr(ScsEngagement) incoming = NULL;
  g_autoptr(ScsImportPlan) plan = NULL;
  g_autoptr(ScsEngagement) fresh = NULL;
  g_autoptr(ScsEngagement) fresh_copy = NULL;
  g_autoptr(ScsImportPlan) fresh_plan = NULL;

  scs_record_set_string (SCS_RECORD (current), SCS_M_ENGAGEMENT_ID, "11111111-1111-4111-8111-111111111111");
  scs_record_set_string (SCS_RECORD (other), SCS_M_ENGAGEMENT_ID, "22222222-2222-4222-8222-222222222222");
  scs_record_set_string (SCS_RECORD (other), SCS_M_ENGAGEMENT_CREATED, "2024-04-01T00:00:00Z");
  scs_record_set_string (SCS_RECORD (scs_engagement_get_company (other)), SCS_M_COMPANY_NAME, "AAA株式会社 旧");
  scs_record_set_string (SCS_RECORD (scs_engagement_ensure_assessment (other, "4-2-2-1")),
                         SCS_M_ASSESSMENT_COMPANY_STATUS, "done");
  copy = scs_company_copy_new (other, &options, NULL);
  incoming = through_file (catalog, current, copy);
  plan = scs_import_compare (current, incoming);
  g_assert_true (plan->other_engagement);
  g_assert_cmpstr (plan->origin_company, ==, "AAA株式会社 旧");
  g_assert_cmpstr (plan->origin_created, ==, "2024-04-01T00:00:00Z");
  g_assert_cmpstr (plan->copy_made, !=, "");
  /* The answers are still listed, for the expert to take if they are sure. */
  g_assert_cmpuint (plan->changes->len, >=, 1);

  /* The example predates ids: a copy of it made now is from it, by its creation time … */
  g_assert_true (scs_company_copy_is_from (copy, other));
  scs_record_set_string (SCS_RECORD (current), SCS_M_ENGAGEMENT_ID, "");
  {
    g_autoptr(ScsEngagement) own = scs_company_copy_new (current, &options, NULL);
    g_autoptr(ScsImportPlan) own_plan = scs_import_compare (current, own);

    g_assert_false (own_plan->other_engagement);
  }
  /* … and a new engagement, created at another time, is another one. */
  fresh = scs_engagement_new (scs_engagement_get_framework (current), 3);
  scs_record_set_string (SCS_RECORD (fresh), SCS_M_ENGAGEMENT_CREATED, "2026-01-01T00:00:00Z");
  fresh_copy = scs_company_copy_new (fresh, &options, NULL);
  fresh_plan = scs_import_compare (current, fresh_copy);
  g_assert_true (fresh_plan->other_engagement);
}

/* A company that started its own self-assessment (New Engagement, for my own company) sends
 * it to the expert: it comes from no engagement, so it is not flagged as from another one,
 * and its answers are ticked; another company's is still flagged as another company's. */
static void
test_own_self_assessment (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) current = load_example (catalog);
  g_autoptr(ScsEngagement) own = scs_engagement_new (scs_engagement_get_framework (current), 3);
  g_autoptr(ScsEngagement) incoming = NULL;
  g_autoptr(ScsImportPlan) plan = NULL;
  g_autofree char *now = scs_now_datetime ();
  const char *ours = scs_record_get_string (SCS_RECORD (scs_engagement_get_company (current)), SCS_M_COMPANY_NAME);
  ScsRecord *origin = SCS_RECORD (scs_engagement_get_copy_origin (own));

  /* As the New Engagement dialog makes it: a company copy made now, from nothing. */
  scs_record_set_string (origin, SCS_M_COPY_ORIGIN_MADE, now);
  scs_record_set_string (SCS_RECORD (scs_engagement_get_company (own)), SCS_M_COMPANY_NAME, ours);
  scs_record_set_string (SCS_RECORD (scs_engagement_ensure_assessment (own, "4-2-2-1")),
                         SCS_M_ASSESSMENT_COMPANY_STATUS, "done");
  g_assert_true (scs_engagement_is_company_copy (own));
  g_assert_true (scs_engagement_is_own_self_assessment (own));
  g_assert_false (scs_engagement_is_own_self_assessment (current));

  incoming = through_file (catalog, current, own);
  g_assert_true (scs_engagement_is_own_self_assessment (incoming));
  g_assert_true (scs_company_copy_is_from (incoming, current));
  plan = scs_import_compare (current, incoming);
  g_assert_false (plan->other_engagement);
  g_assert_null (plan->origin_company);
  g_assert_false (plan->company_differs);
  g_assert_cmpuint (plan->changes->len, >=, 1);

  /* Another company's own self-assessment: not from another engagement, but another
   * company's, and said to be. */
  scs_record_set_string (SCS_RECORD (scs_engagement_get_company (own)), SCS_M_COMPANY_NAME, "BBB株式会社");
  {
    g_autoptr(ScsEngagement) theirs = through_file (catalog, current, own);
    g_autoptr(ScsImportPlan) their_plan = scs_import_compare (current, theirs);

    g_assert_false (their_plan->other_engagement);
    g_assert_true (their_plan->company_differs);
  }

  /* A company copy made from an expert's engagement is none. */
  {
    ScsCompanyCopyOptions options = { 0 };
    g_autoptr(ScsEngagement) copy = scs_company_copy_new (current, &options, NULL);

    g_assert_false (scs_engagement_is_own_self_assessment (copy));
  }
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

static ScsRecord *
add_plan_item (ScsEngagement      *e,
               const char         *id,
               const char         *title,
               const char * const *criteria)
{
  g_autoptr(ScsRecord) item = g_object_new (SCS_TYPE_PLAN_ITEM, NULL);

  scs_record_set_string (item, SCS_M_PLAN_ITEM_ID, id);
  scs_record_set_string (item, SCS_M_PLAN_ITEM_TITLE, title);
  scs_record_set_strv (item, SCS_M_PLAN_ITEM_CRITERIA, criteria);
  scs_record_set_string (item, SCS_M_PLAN_ITEM_URGENCY, "high");
  scs_record_set_string (item, SCS_M_PLAN_ITEM_TIMING, "2026年3月まで");
  g_list_store_append (G_LIST_STORE (scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (e)), SCS_M_PLAN_ITEMS)),
                       item);
  return item;
}

/* The company drafted its plan (改善計画書 3.) in its copy: an item the expert's plan
 * already has (its title in full-width letters) stays out; a new one comes in at the end,
 * with the next free id, marked as the company's proposal, keeping only criteria of the
 * open level; one undo takes it back with the answers; saved, it reads back. */
static void
test_plan_draft (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) current = load_example (catalog);
  ScsCompanyCopyOptions bare = { FALSE, FALSE };
  g_autoptr(ScsEngagement) incoming = scs_company_copy_new (current, &bare, NULL);
  g_autoptr(ScsEngagement) expert_file = load_example (catalog);
  g_autoptr(ScsImportPlan) from_expert = NULL;
  g_autoptr(ScsRecord) done = NULL;
  g_autoptr(ScsHistory) history = scs_history_new (current);
  g_autoptr(ScsImportPlan) plan = NULL;
  g_autoptr(ScsRecord) first = NULL;
  g_autoptr(ScsRecord) added = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ScsEngagement) reread = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items = scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (current)), SCS_M_PLAN_ITEMS);
  guint n_items = g_list_model_get_n_items (items);
  const char * const criteria[] = { "5-1-1-2", "9-9-9-9", NULL };
  g_autofree char *next_id = NULL;
  g_autofree char *known_title = NULL;
  g_autofree char *wide = NULL;

  g_assert_cmpuint (n_items, >, 0);
  first = g_list_model_get_item (items, 0);
  known_title = g_strdup (scs_record_get_string (first, SCS_M_PLAN_ITEM_TITLE));
  /* The same title with a full-width space in front is the same item. */
  wide = g_strconcat ("　", known_title, NULL);
  add_plan_item (incoming, "P90", wide, NULL);
  done = add_plan_item (incoming, "P91", "バックアップの復元手順を作成し訓練する", criteria);
  scs_record_set_string (done, SCS_M_PLAN_ITEM_STATUS, "done");
  g_object_ref (done);
  /* In the expert's own file a title the plan lacks is the expert's, not a proposal. */
  add_plan_item (expert_file, "P92", "社外からのアクセスを多要素認証にする", criteria);
  from_expert = scs_import_compare (current, expert_file);
  g_assert_cmpuint (from_expert->plan_items->len, ==, 0);
  scs_record_set_string (SCS_RECORD (scs_engagement_get_assessment (incoming, "4-2-2-1")),
                         SCS_M_ASSESSMENT_COMPANY_STATUS, "done");
  next_id = scs_plan_new_item_id (current);

  plan = scs_import_compare (current, incoming);
  g_assert_cmpuint (plan->plan_items->len, ==, 1);
  g_assert_cmpstr (scs_record_get_string (g_ptr_array_index (plan->plan_items, 0), SCS_M_PLAN_ITEM_ID), ==, "P91");

  g_assert_cmpuint (scs_import_apply (current, plan, NULL, history), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_items + 1);
  added = g_list_model_get_item (items, n_items);
  g_assert_cmpstr (scs_record_get_string (added, SCS_M_PLAN_ITEM_ID), ==, next_id);
  g_assert_cmpstr (scs_record_get_string (added, SCS_M_PLAN_ITEM_TITLE), ==, "バックアップの復元手順を作成し訓練する");
  g_assert_cmpstr (scs_record_get_string (added, SCS_M_PLAN_ITEM_PROPOSED_BY), ==, "company");
  g_assert_cmpstr (scs_record_get_string (added, SCS_M_PLAN_ITEM_STATUS), !=, "done");
  g_assert_cmpstr (scs_record_get_string (added, SCS_M_PLAN_ITEM_URGENCY), ==, "high");
  g_assert_cmpstr (scs_record_get_string (added, SCS_M_PLAN_ITEM_TIMING), ==, "2026年3月まで");
  g_assert_cmpuint (g_strv_length ((char **) scs_record_get_strv (added, SCS_M_PLAN_ITEM_CRITERIA)), ==, 1);
  g_assert_cmpstr (scs_record_get_strv (added, SCS_M_PLAN_ITEM_CRITERIA)[0], ==, "5-1-1-2");

  /* It is saved and read back as the company's proposal. */
  bytes = scs_storage_serialize (current);
  {
    gsize size;
    const char *data = g_bytes_get_data (bytes, &size);
    g_autofree char *text = g_strndup (data, size);

    g_assert_nonnull (strstr (text, "\"proposed_by\" : \"company\""));
  }
  reread = scs_storage_open_bytes (catalog, bytes, SCS_LOAD_DEFAULT, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    GListModel *reread_items = scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (reread)), SCS_M_PLAN_ITEMS);
    g_autoptr(ScsRecord) item = g_list_model_get_item (reread_items, n_items);

    g_assert_cmpstr (scs_record_get_string (item, SCS_M_PLAN_ITEM_PROPOSED_BY), ==, "company");
  }

  /* One step: answers and plan item go back together. */
  scs_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_items);
  g_assert_cmpstr (scs_assessment_get_company_status (scs_engagement_get_assessment (current, "4-2-2-1")), !=, "done");
}

int
main (int argc, char *argv[])
{
  scs_test_init (&argc, &argv);
  g_test_add_func ("/import/compare-and-apply", test_compare_and_apply);
  g_test_add_func ("/import/mismatch", test_mismatch);
  g_test_add_func ("/import/refused-files", test_refused_files);
  g_test_add_func ("/import/other-framework", test_other_framework);
  g_test_add_func ("/import/company-copy-back", test_company_copy_back);
  g_test_add_func ("/import/company-copy-from-elsewhere", test_company_copy_from_elsewhere);
  g_test_add_func ("/import/own-self-assessment", test_own_self_assessment);
  g_test_add_func ("/import/plan-draft", test_plan_draft);
  return g_test_run ();
}
