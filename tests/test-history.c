/* test-history.c — undo and redo of edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
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
  ScsRecord *company = scs_record_get_object (SCS_RECORD (engagement), "company");
  const char *quals[] = { "cissp", NULL };

  g_assert_false (scs_history_can_undo (history));
  scs_record_set_string (SCS_RECORD (a), "verdict", "needs_improvement");
  scs_record_set_boolean (doc, "performed", TRUE);
  scs_record_set_string (company, "name", "変更後株式会社");
  scs_record_set_strv (scs_record_get_object (SCS_RECORD (engagement), "expert"),
                       "qualifications", quals);
  g_assert_true (scs_history_can_undo (history));

  for (int i = 0; i < 4; i++)
    g_assert_nonnull (scs_history_undo (history));
  g_assert_false (scs_history_can_undo (history));
  g_assert_null (scs_history_undo (history));
  g_assert_true (scs_history_can_redo (history));
  g_assert_cmpstr (scs_assessment_get_verdict (a), ==, "");
  g_assert_false (scs_record_get_boolean (doc, "performed"));
  undone = serialize (engagement);
  g_assert_cmpstr (strstr (undone, "変更後株式会社"), ==, NULL);

  for (int i = 0; i < 4; i++)
    g_assert_nonnull (scs_history_redo (history));
  g_assert_false (scs_history_can_redo (history));
  redone = serialize (engagement);
  g_assert_cmpstr (scs_assessment_get_verdict (a), ==, "needs_improvement");
  g_assert_true (scs_record_get_boolean (doc, "performed"));
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
  const char *old = g_strdup (scs_record_get_string (a, "expert_comment"));

  scs_record_set_string (a, "expert_comment", "訓");
  scs_record_set_string (a, "expert_comment", "訓練");
  scs_record_set_string (a, "expert_comment", "訓練を");
  scs_record_set_string (a, "company_comment", "x");
  scs_history_seal (history);
  scs_record_set_string (a, "company_comment", "xy");

  g_assert_true (scs_history_undo (history) == a);
  g_assert_cmpstr (scs_record_get_string (a, "company_comment"), ==, "x");
  scs_history_undo (history);
  g_assert_cmpstr (scs_record_get_string (a, "company_comment"), ==, "");
  scs_history_undo (history);
  g_assert_cmpstr (scs_record_get_string (a, "expert_comment"), ==, old);
  g_assert_false (scs_history_can_undo (history));
  scs_history_redo (history);
  g_assert_cmpstr (scs_record_get_string (a, "expert_comment"), ==, "訓練を");
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
  GListStore *refs = G_LIST_STORE (scs_record_get_list (doc, "refs"));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (refs));
  g_autoptr(ScsRecord) ref = g_object_new (SCS_TYPE_REFERENCE, NULL);

  scs_record_set_string (ref, "document", "情報セキュリティ基本方針");
  scs_history_insert (history, doc, refs, n, ref);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, n + 1);
  scs_record_set_string (ref, "version", "2.1");
  scs_history_remove (history, doc, refs, n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, n);

  scs_history_undo (history);   /* the removal */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, n + 1);
  scs_history_undo (history);   /* the version */
  g_assert_cmpstr (scs_record_get_string (ref, "version"), ==, "");
  scs_history_undo (history);   /* the insertion */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, n);
  g_assert_true (scs_history_can_redo (history));

  scs_record_set_boolean (doc, "performed", !scs_record_get_boolean (doc, "performed"));
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
  GListStore *refs = G_LIST_STORE (scs_record_get_list (doc, "refs"));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (refs));
  gboolean performed = scs_record_get_boolean (doc, "performed");

  scs_record_set_boolean (doc, "performed", !performed);
  scs_history_begin_group (history);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ScsRecord) ref = g_object_new (SCS_TYPE_REFERENCE, NULL);

      scs_history_insert (history, doc, refs, n + i, ref);
    }
  scs_history_begin_group (history);   /* nested: still the same group */
  scs_record_set_string (SCS_RECORD (a), "expert_comment", "まとめて");
  scs_history_end_group (history);
  scs_history_end_group (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, n + 3);

  scs_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, n);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (a), "expert_comment"), !=, "まとめて");
  g_assert_cmpint (scs_record_get_boolean (doc, "performed"), ==, !performed);
  scs_history_redo (history);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (refs)), ==, n + 3);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (a), "expert_comment"), ==, "まとめて");
  scs_history_undo (history);
  scs_history_undo (history);
  g_assert_cmpint (scs_record_get_boolean (doc, "performed"), ==, performed);
  g_assert_false (scs_history_can_undo (history));
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
  scs_record_set_string (a, "internal_note", "auto");
  scs_record_thaw_changes (a);
  g_assert_false (scs_history_can_undo (history));
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
  return g_test_run ();
}
