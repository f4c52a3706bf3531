/* test-history.c — undo and redo of edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "scs-test.h"

static ScsEngagement *
load_base (ScsCatalog *catalog)
{
  g_autofree char *path = scs_test_data_path ("base.scsa");

  return scs_test_load (catalog, path);
}

static char *
serialize (ScsEngagement *engagement)
{
  g_autoptr(GBytes) bytes = scs_storage_serialize (engagement);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Every kind of member goes back and forth, and the file is byte-identical afterwards. */
static void
test_undo_redo_members (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) engagement = load_base (catalog);
  g_autoptr(ScsHistory) history = scs_history_new (engagement);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  ScsAssessment *a = scs_engagement_ensure_assessment (engagement, "4-2-2-1");
  ScsRecord *doc = SCS_RECORD (scs_assessment_get_procedure (a, 0));
  ScsRecord *company = scs_record_get_object (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_COMPANY);
  const char *quals[] = { "cissp", NULL };

  g_assert_false (scs_history_can_undo (history));
  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_VERDICT, "needs_improvement");
  scs_record_set_boolean (doc, SCS_M_PROCEDURE_PERFORMED, TRUE);
  scs_record_set_string (company, SCS_M_COMPANY_NAME, "変更後株式会社");
  scs_record_set_strv (scs_record_get_object (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_EXPERT),
                       SCS_M_EXPERT_QUALIFICATIONS, quals);
  g_assert_true (scs_history_can_undo (history));

  for (int i = 0; i < 4; i++)
    g_assert_nonnull (scs_history_undo (history));
  g_assert_false (scs_history_can_undo (history));
  g_assert_null (scs_history_undo (history));
  g_assert_true (scs_history_can_redo (history));
  g_assert_cmpstr (scs_assessment_get_verdict (a), ==, "");
  g_assert_false (scs_record_get_boolean (doc, SCS_M_PROCEDURE_PERFORMED));
  undone = serialize (engagement);
  g_assert_cmpstr (strstr (undone, "変更後株式会社"), ==, NULL);

  for (int i = 0; i < 4; i++)
    g_assert_nonnull (scs_history_redo (history));
  g_assert_false (scs_history_can_redo (history));
  redone = serialize (engagement);
  g_assert_cmpstr (scs_assessment_get_verdict (a), ==, "needs_improvement");
  g_assert_true (scs_record_get_boolean (doc, SCS_M_PROCEDURE_PERFORMED));
  g_assert_nonnull (strstr (redone, "\"cissp\""));
}

/* Typing a sentence is one step; a pause, another member or a seal starts a new one. */
static void
test_coalescing (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) engagement = load_base (catalog);
  g_autoptr(ScsHistory) history = scs_history_new (engagement);
  ScsRecord *a = SCS_RECORD (scs_engagement_ensure_assessment (engagement, "4-2-2-1"));
  const char *old = g_strdup (scs_record_get_string (a, SCS_M_ASSESSMENT_EXPERT_COMMENT));

  scs_record_set_string (a, SCS_M_ASSESSMENT_EXPERT_COMMENT, "訓");
  scs_record_set_string (a, SCS_M_ASSESSMENT_EXPERT_COMMENT, "訓練");
  scs_record_set_string (a, SCS_M_ASSESSMENT_EXPERT_COMMENT, "訓練を");
  scs_record_set_string (a, SCS_M_ASSESSMENT_COMPANY_COMMENT, "x");
  scs_history_seal (history);
  scs_record_set_string (a, SCS_M_ASSESSMENT_COMPANY_COMMENT, "xy");

  g_assert_true (scs_history_undo (history) == a);
  g_assert_cmpstr (scs_record_get_string (a, SCS_M_ASSESSMENT_COMPANY_COMMENT), ==, "x");
  scs_history_undo (history);
  g_assert_cmpstr (scs_record_get_string (a, SCS_M_ASSESSMENT_COMPANY_COMMENT), ==, "");
  scs_history_undo (history);
  g_assert_cmpstr (scs_record_get_string (a, SCS_M_ASSESSMENT_EXPERT_COMMENT), ==, old);
  g_assert_false (scs_history_can_undo (history));
  scs_history_redo (history);
  g_assert_cmpstr (scs_record_get_string (a, SCS_M_ASSESSMENT_EXPERT_COMMENT), ==, "訓練を");
  g_free ((char *) old);
}

/* Adding and removing a reference are steps; a new edit drops what could be redone. */
static void
test_lists_and_branching (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) engagement = load_base (catalog);
  g_autoptr(ScsHistory) history = scs_history_new (engagement);
  ScsAssessment *a = scs_engagement_ensure_assessment (engagement, "1-2-1-1");
  ScsRecord *doc = SCS_RECORD (scs_assessment_get_procedure (a, 0));
  GListStore *refs = G_LIST_STORE (scs_record_get_list (doc, SCS_M_PROCEDURE_REFS));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (refs));
  g_autoptr(ScsRecord) ref = g_object_new (SCS_TYPE_REFERENCE, NULL);

  scs_record_set_string (ref, SCS_M_REFERENCE_DOCUMENT, "情報セキュリティ基本方針");
  scs_history_insert (history, doc, refs, n, ref);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, n + 1);
  scs_record_set_string (ref, SCS_M_REFERENCE_VERSION, "2.1");
  scs_history_remove (history, doc, refs, n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, n);

  scs_history_undo (history);   /* the removal */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, n + 1);
  scs_history_undo (history);   /* the version */
  g_assert_cmpstr (scs_record_get_string (ref, SCS_M_REFERENCE_VERSION), ==, "");
  scs_history_undo (history);   /* the insertion */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, n);
  g_assert_true (scs_history_can_redo (history));

  scs_record_set_boolean (doc, SCS_M_PROCEDURE_PERFORMED, !scs_record_get_boolean (doc, SCS_M_PROCEDURE_PERFORMED));
  g_assert_false (scs_history_can_redo (history));
  g_assert_true (scs_history_can_undo (history));
}

/* A group of edits (here three insertions and a change) undoes and redoes as one step;
 * the edit before it stays a step of its own. */
static void
test_groups (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) engagement = load_base (catalog);
  g_autoptr(ScsHistory) history = scs_history_new (engagement);
  ScsAssessment *a = scs_engagement_ensure_assessment (engagement, "1-2-1-1");
  ScsRecord *doc = SCS_RECORD (scs_assessment_get_procedure (a, 0));
  GListStore *refs = G_LIST_STORE (scs_record_get_list (doc, SCS_M_PROCEDURE_REFS));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (refs));
  gboolean performed = scs_record_get_boolean (doc, SCS_M_PROCEDURE_PERFORMED);

  scs_record_set_boolean (doc, SCS_M_PROCEDURE_PERFORMED, !performed);
  scs_history_begin_group (history);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ScsRecord) ref = g_object_new (SCS_TYPE_REFERENCE, NULL);

      scs_history_insert (history, doc, refs, n + i, ref);
    }
  scs_history_begin_group (history);   /* nested: still the same group */
  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_EXPERT_COMMENT, "まとめて");
  scs_history_end_group (history);
  scs_history_end_group (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, n + 3);

  scs_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, n);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (a), SCS_M_ASSESSMENT_EXPERT_COMMENT), !=, "まとめて");
  g_assert_cmpint (scs_record_get_boolean (doc, SCS_M_PROCEDURE_PERFORMED), ==, !performed);
  scs_history_redo (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, n + 3);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (a), SCS_M_ASSESSMENT_EXPERT_COMMENT), ==, "まとめて");
  scs_history_undo (history);
  scs_history_undo (history);
  g_assert_cmpint (scs_record_get_boolean (doc, SCS_M_PROCEDURE_PERFORMED), ==, performed);
  g_assert_false (scs_history_can_undo (history));
}

static ScsEngagement *
reload (ScsCatalog    *catalog,
        ScsEngagement *engagement)
{
  g_autoptr(GBytes) bytes = scs_storage_serialize (engagement);
  g_autoptr(GError) error = NULL;
  ScsEngagement *loaded = scs_storage_load_bytes (catalog, bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  return loaded;
}

/* The file without its edit times, which an edit and its undo move on. */
static char *
serialize_content (ScsEngagement *engagement)
{
  g_autofree char *text = serialize (engagement);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\"modified\" :") == NULL && strstr (lines[i], "\"changed\" :") == NULL)
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (out, FALSE);
}

static guint
n_items (ScsRecord  *owner,
         const char *list)
{
  return g_list_model_get_n_items (scs_record_get_list (owner, list));
}

/* A document named on a criterion page becomes an inventory entry cited by its id, so the
 * file loads; citing the same name again reuses the entry; one undo takes back both the
 * citation and the entry it made, and the file is as before. */
static void
test_cite_document_title (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) engagement = load_base (catalog);
  g_autoptr(ScsHistory) history = scs_history_new (engagement);
  ScsRecord *root = SCS_RECORD (engagement);
  ScsAssessment *a = scs_engagement_ensure_assessment (engagement, "1-2-1-1");
  ScsRecord *proc = SCS_RECORD (scs_assessment_get_procedure (a, 0));
  const char *title = "情報セキュリティ基本方針🔒";
  guint n_docs = n_items (root, SCS_M_ENGAGEMENT_DOCUMENTS), n_refs = n_items (proc, SCS_M_PROCEDURE_REFS);
  g_autofree char *before = serialize_content (engagement);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsEngagement) loaded = NULL;
  ScsRecord *ref, *doc, *again;
  g_autofree char *id = NULL;

  ref = scs_history_cite_document_title (history, proc, "  情報セキュリティ基本方針🔒 ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ref);
  g_assert_cmpuint (n_items (root, SCS_M_ENGAGEMENT_DOCUMENTS), ==, n_docs + 1);
  g_assert_cmpuint (n_items (proc, SCS_M_PROCEDURE_REFS), ==, n_refs + 1);
  doc = scs_engagement_find_document_by_title (engagement, title);
  g_assert_nonnull (doc);
  id = g_strdup (scs_record_get_string (doc, SCS_M_DOCUMENT_ID));
  g_assert_cmpstr (scs_record_get_string (ref, SCS_M_REFERENCE_DOCUMENT), ==, id);
  g_assert_true (g_str_has_prefix (id, "DOC-"));

  loaded = reload (catalog, engagement);
  g_assert_cmpuint (n_items (SCS_RECORD (loaded), SCS_M_ENGAGEMENT_DOCUMENTS), ==, n_docs + 1);
  g_assert_cmpstr (scs_record_get_string (scs_engagement_find_document_by_title (loaded, title), SCS_M_DOCUMENT_ID),
                   ==, id);

  /* The same name again: the entry is reused, not doubled. */
  again = scs_history_cite_document_title (history, SCS_RECORD (scs_assessment_get_procedure (
                                             scs_engagement_ensure_assessment (engagement, "1-1-1-1"), 0)),
                                           title, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_record_get_string (again, SCS_M_REFERENCE_DOCUMENT), ==, id);
  g_assert_cmpuint (n_items (root, SCS_M_ENGAGEMENT_DOCUMENTS), ==, n_docs + 1);

  after = serialize_content (engagement);
  scs_history_undo (history);   /* the second citation */
  g_assert_cmpuint (n_items (root, SCS_M_ENGAGEMENT_DOCUMENTS), ==, n_docs + 1);
  scs_history_undo (history);   /* the first citation and the entry, in one step */
  g_assert_cmpuint (n_items (root, SCS_M_ENGAGEMENT_DOCUMENTS), ==, n_docs);
  g_assert_cmpuint (n_items (proc, SCS_M_PROCEDURE_REFS), ==, n_refs);
  undone = serialize_content (engagement);
  g_assert_true (g_str_equal (undone, before));
  scs_history_redo (history);
  scs_history_redo (history);
  g_clear_pointer (&undone, g_free);
  undone = serialize_content (engagement);
  g_assert_true (g_str_equal (undone, after));

  /* A blank name is refused and changes nothing. */
  g_assert_null (scs_history_cite_document_title (history, proc, " \t　", &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE);
  g_clear_pointer (&undone, g_free);
  undone = serialize_content (engagement);
  g_assert_true (g_str_equal (undone, after));
}

/* A new id is unique whatever ids the inventory already has. */
static void
test_new_document_id (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) engagement = load_base (catalog);
  GListStore *docs = G_LIST_STORE (scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_DOCUMENTS));
  const char *ids[] = { "DOC-07", "DOC-x", "DOC-", "DOC-18446744073709551615", "DOC-01" };

  g_list_store_remove_all (docs);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(ScsRecord) d = g_object_new (SCS_TYPE_DOCUMENT, NULL);

      scs_record_set_string (d, SCS_M_DOCUMENT_ID, ids[i]);
      g_list_store_append (docs, d);
      for (guint j = 0; j < 3; j++)
        {
          g_autofree char *id = scs_engagement_new_document_id (engagement);

          for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (docs)); k++)
            {
              g_autoptr(ScsRecord) other = g_list_model_get_item (G_LIST_MODEL (docs), k);

              g_assert_cmpstr (scs_record_get_string (other, SCS_M_DOCUMENT_ID), !=, id);
            }
        }
    }
}

/* Records the app makes on its own (frozen) are not edits. */
static void
test_frozen_not_recorded (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) engagement = load_base (catalog);
  g_autoptr(ScsHistory) history = scs_history_new (engagement);
  ScsRecord *a = SCS_RECORD (scs_engagement_ensure_assessment (engagement, "7-1-1-1"));

  scs_record_freeze_changes (a);
  scs_record_set_string (a, SCS_M_ASSESSMENT_INTERNAL_NOTE, "auto");
  scs_record_thaw_changes (a);
  g_assert_false (scs_history_can_undo (history));
}

static ScsEngagement *
reopen (ScsCatalog    *catalog,
        ScsEngagement *engagement)
{
  g_autoptr(GBytes) bytes = scs_storage_serialize (engagement);
  g_autoptr(GError) error = NULL;
  ScsEngagement *reopened = scs_storage_open_bytes (catalog, bytes, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  return reopened;
}

/* ★3→★4 keeps every answer and adds the ★4 criteria unanswered; ★4→★3 hides the ★4-only
 * answers but keeps them, in the engagement and in its file; undo brings the level back. */
static void
test_set_level (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) engagement = load_base (catalog);
  g_autoptr(ScsHistory) history = scs_history_new (engagement);
  g_autoptr(ScsEngagement) reopened = NULL;
  ScsFramework *fw = scs_engagement_get_framework (engagement);
  ScsTally at3, at4;

  g_assert_cmpint (scs_engagement_get_level (engagement), ==, SCS_LEVEL_3);
  scs_engagement_tally (engagement, NULL, SCS_COUNT_WITH_FOLLOW_UP, &at3);
  g_assert_cmpuint (scs_history_set_level (history, SCS_LEVEL_4), ==, 0);
  g_assert_cmpint (scs_engagement_get_level (engagement), ==, SCS_LEVEL_4);
  scs_engagement_tally (engagement, NULL, SCS_COUNT_WITH_FOLLOW_UP, &at4);
  /* The 72 criteria ★4 adds, all unanswered; the ★3 answers still there. */
  g_assert_cmpuint (at4.n_criteria - at3.n_criteria, ==, 72);
  g_assert_cmpuint (at4.n_answered, ==, at3.n_answered);
  g_assert_cmpuint (at4.n_conforming, ==, at3.n_conforming);
  g_assert_cmpstr (scs_assessment_get_verdict (scs_engagement_get_assessment (engagement, "1-2-1-2")), ==,
                   "needs_improvement");

  /* A ★4-only criterion answered, then back to ★3: hidden, not gone. */
  g_assert_null (scs_framework_lookup (fw, SCS_LEVEL_3, "1-1-1-1"));
  scs_record_set_string (SCS_RECORD (scs_engagement_ensure_assessment (engagement, "1-1-1-1")),
                         SCS_M_ASSESSMENT_VERDICT, "conforms");
  g_assert_cmpuint (scs_history_set_level (history, SCS_LEVEL_3), ==, 1);
  g_assert_cmpuint (scs_engagement_count_hidden_answers (engagement, SCS_LEVEL_3), ==, 1);
  scs_engagement_tally (engagement, NULL, SCS_COUNT_WITH_FOLLOW_UP, &at3);
  g_assert_cmpuint (at3.n_criteria, ==, at4.n_criteria - 72);
  g_assert_cmpuint (at3.n_answered, ==, at4.n_answered);
  reopened = reopen (catalog, engagement);
  g_assert_cmpint (scs_engagement_get_level (reopened), ==, SCS_LEVEL_3);
  g_assert_cmpstr (scs_assessment_get_verdict (scs_engagement_get_assessment (reopened, "1-1-1-1")), ==,
                   "conforms");
  g_assert_cmpuint (scs_engagement_count_hidden_answers (reopened, SCS_LEVEL_3), ==, 1);

  /* Undo: ★4 again, the answer shown; once more: the answer undone; once more: ★3. */
  g_assert_true (scs_history_undo (history) == SCS_RECORD (engagement));
  g_assert_cmpint (scs_engagement_get_level (engagement), ==, SCS_LEVEL_4);
  g_assert_nonnull (scs_history_undo (history));
  g_assert_nonnull (scs_history_undo (history));
  g_assert_cmpint (scs_engagement_get_level (engagement), ==, SCS_LEVEL_3);
  g_assert_false (scs_history_can_undo (history));
  g_assert_nonnull (scs_history_redo (history));
  g_assert_cmpint (scs_engagement_get_level (engagement), ==, SCS_LEVEL_4);
}

/* A verdict goes to the value of the other scale that means the same; one with no
 * counterpart is kept as it is; there and back again loses nothing; one undo restores
 * the scale and every verdict. */
static void
test_set_verdict_scale (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) engagement = load_base (catalog);
  g_autoptr(ScsHistory) history = scs_history_new (engagement);
  g_autoptr(ScsEngagement) reopened = NULL;
  g_autofree char *saved = NULL;
  ScsRecord *root = SCS_RECORD (engagement);
  ScsAssessment *na = scs_engagement_ensure_assessment (engagement, "1-2-1-3");
  ScsAssessment *yes = scs_engagement_get_assessment (engagement, "1-2-1-1");
  ScsAssessment *no = scs_engagement_get_assessment (engagement, "1-2-1-2");
  guint kept = 99;

  g_assert_cmpstr (scs_record_get_string (root, SCS_M_ENGAGEMENT_VERDICT_SCALE), ==, "assessment");
  scs_record_set_string (SCS_RECORD (na), SCS_M_ASSESSMENT_VERDICT, "na");
  scs_history_seal (history);

  g_assert_cmpuint (scs_history_set_verdict_scale (history, "official", &kept), ==, 1);
  g_assert_cmpuint (kept, ==, 1);
  g_assert_cmpstr (scs_record_get_string (root, SCS_M_ENGAGEMENT_VERDICT_SCALE), ==, "official");
  g_assert_cmpstr (scs_assessment_get_verdict (yes), ==, "conforms");
  g_assert_cmpstr (scs_assessment_get_verdict (no), ==, "nonconforming");
  g_assert_cmpstr (scs_assessment_get_verdict (na), ==, "na");
  g_assert_null (scs_engagement_get_verdict_value (engagement, na));
  g_assert_cmpuint (scs_engagement_count_foreign_verdicts (engagement), ==, 1);
  /* The kept verdict survives the file. */
  reopened = reopen (catalog, engagement);
  g_assert_cmpstr (scs_assessment_get_verdict (scs_engagement_get_assessment (reopened, "1-2-1-3")), ==, "na");

  /* One step back: the scale and every verdict. */
  g_assert_nonnull (scs_history_undo (history));
  g_assert_cmpstr (scs_record_get_string (root, SCS_M_ENGAGEMENT_VERDICT_SCALE), ==, "assessment");
  g_assert_cmpstr (scs_assessment_get_verdict (no), ==, "needs_improvement");
  g_assert_cmpuint (scs_engagement_count_foreign_verdicts (engagement), ==, 0);

  /* There and back: the same verdicts; a re-check has no counterpart and is kept. */
  scs_history_redo (history);
  scs_record_set_string (SCS_RECORD (scs_engagement_ensure_assessment (engagement, "1-2-1-4")),
                         SCS_M_ASSESSMENT_VERDICT, "recheck");
  g_assert_cmpuint (scs_history_set_verdict_scale (history, "assessment", &kept), ==, 1);
  g_assert_cmpuint (kept, ==, 1);
  g_assert_cmpstr (scs_assessment_get_verdict (no), ==, "needs_improvement");
  g_assert_cmpstr (scs_assessment_get_verdict (na), ==, "na");
  g_assert_cmpstr (scs_assessment_get_verdict (scs_engagement_get_assessment (engagement, "1-2-1-4")), ==,
                   "recheck");
  g_assert_cmpuint (scs_history_set_verdict_scale (history, "official", &kept), ==, 1);
  g_assert_cmpstr (scs_assessment_get_verdict (no), ==, "nonconforming");
  g_assert_cmpstr (scs_assessment_get_verdict (scs_engagement_get_assessment (engagement, "1-2-1-4")), ==,
                   "recheck");
  saved = serialize (engagement);
  g_assert_nonnull (strstr (saved, "\"recheck\""));
}

int
main (int argc, char *argv[])
{
  scs_test_init (&argc, &argv);
  g_test_add_func ("/history/members", test_undo_redo_members);
  g_test_add_func ("/history/coalescing", test_coalescing);
  g_test_add_func ("/history/lists-and-branching", test_lists_and_branching);
  g_test_add_func ("/history/frozen-not-recorded", test_frozen_not_recorded);
  g_test_add_func ("/history/groups", test_groups);
  g_test_add_func ("/history/cite-document-title", test_cite_document_title);
  g_test_add_func ("/history/new-document-id", test_new_document_id);
  g_test_add_func ("/history/set-level", test_set_level);
  g_test_add_func ("/history/set-verdict-scale", test_set_verdict_scale);
  return g_test_run ();
}
