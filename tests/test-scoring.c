/* test-scoring.c — scoring on small hand-made engagements with known answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "scs-core.h"
#include "scs-test.h"

typedef struct {
  ScsCatalog    *catalog;
  ScsFramework  *fw;
  ScsEngagement *e;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->catalog = scs_test_catalog ();
  f->fw = scs_catalog_get_latest (f->catalog, "scs");
  f->e = scs_engagement_new (f->fw, GPOINTER_TO_INT (data));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->e);
  g_clear_object (&f->catalog);
}

static void
answer (Fixture    *f,
        const char *criterion,
        const char *company,
        const char *verdict,
        const char *comment)
{
  ScsRecord *a = SCS_RECORD (scs_engagement_ensure_assessment (f->e, criterion));

  scs_record_set_string (a, SCS_M_ASSESSMENT_COMPANY_STATUS, company);
  scs_record_set_string (a, SCS_M_ASSESSMENT_VERDICT, verdict);
  scs_record_set_string (a, SCS_M_ASSESSMENT_EXPERT_COMMENT, comment);
}

/* The ids of the criteria under node id, in order. */
static GPtrArray *
criteria_of (Fixture    *f,
             const char *id)
{
  ScsNode *node = scs_framework_lookup (f->fw, scs_engagement_get_level (f->e), id);
  GListModel *children = scs_node_get_children (node);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(ScsNode) c = g_list_model_get_item (children, i);

      g_ptr_array_add (ids, (gpointer) scs_node_get_id (c));
    }
  return ids;
}

static void
tally (Fixture    *f,
       const char *id,
       ScsTally   *t)
{
  scs_engagement_tally (f->e, id != NULL ? scs_framework_lookup (f->fw, scs_engagement_get_level (f->e), id)
                                         : NULL, SCS_COUNT_WITH_FOLLOW_UP, t);
}

static void
test_requirement_is_strict (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = criteria_of (f, "1-2-1");
  ScsTally t;

  g_assert_cmpuint (ids->len, >=, 3);

  tally (f, "1-2-1", &t);
  g_assert_cmpint (t.conformance, ==, SCS_CONFORMANCE_UNANSWERED);
  g_assert_cmpuint (t.n_criteria, ==, ids->len);
  g_assert_cmpuint (t.n_unanswered, ==, ids->len);
  g_assert_cmpfloat (scs_tally_get_rate (&t), ==, 0.0);

  answer (f, ids->pdata[0], "done", "conforms", "");
  tally (f, "1-2-1", &t);
  g_assert_cmpint (t.conformance, ==, SCS_CONFORMANCE_INCOMPLETE);
  g_assert_cmpfloat_with_epsilon (scs_tally_get_rate (&t), 1.0 / ids->len, 1e-9);

  for (guint i = 0; i < ids->len; i++)
    answer (f, ids->pdata[i], "done", "conforms", "");
  tally (f, "1-2-1", &t);
  g_assert_cmpint (t.conformance, ==, SCS_CONFORMANCE_CONFORMS);
  g_assert_cmpfloat (scs_tally_get_rate (&t), ==, 1.0);

  /* One failing criterion fails the requirement, the subcategory and the whole. */
  answer (f, ids->pdata[1], "done", "needs_improvement", "連絡先リストが未整備");
  tally (f, "1-2-1", &t);
  g_assert_cmpint (t.conformance, ==, SCS_CONFORMANCE_NOT_CONFORMING);
  g_assert_cmpuint (t.n_not_conforming, ==, 1);
  tally (f, "1-2", &t);
  g_assert_cmpint (t.conformance, ==, SCS_CONFORMANCE_NOT_CONFORMING);
  tally (f, NULL, &t);
  g_assert_cmpint (t.conformance, ==, SCS_CONFORMANCE_NOT_CONFORMING);
  g_assert_cmpuint (t.n_criteria, ==, 81);

  /* Not applicable is left out of the rate. */
  answer (f, ids->pdata[1], "na", "na", "該当する業務なし");
  tally (f, "1-2-1", &t);
  g_assert_cmpint (t.conformance, ==, SCS_CONFORMANCE_CONFORMS);
  g_assert_cmpuint (t.n_not_applicable, ==, 1);
  g_assert_cmpfloat (scs_tally_get_rate (&t), ==, 1.0);

  for (guint i = 0; i < ids->len; i++)
    answer (f, ids->pdata[i], "na", "na", "理由");
  tally (f, "1-2-1", &t);
  g_assert_cmpint (t.conformance, ==, SCS_CONFORMANCE_NOT_APPLICABLE);
  g_assert_cmpfloat (scs_tally_get_rate (&t), ==, -1.0);
  g_assert_cmpfloat (scs_tally_get_company_rate (&t), ==, -1.0);
}

static void
requirement_verdict (Fixture               *f,
                     const char            *id,
                     ScsCount               count,
                     ScsRequirementVerdict *r)
{
  scs_engagement_get_requirement_verdict (f->e, scs_framework_lookup (f->fw, 3, id), count, r);
}

/* The sheet's one evaluation per requirement: every criterion conforms or the requirement
 * does not; the criteria that fail, are not evaluated or lack a comment are named. */
static void
test_requirement_verdict (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = criteria_of (f, "1-2-1");
  ScsRequirementVerdict r;

  requirement_verdict (f, "1-2-1", SCS_COUNT_CONFIRMED, &r);
  g_assert_cmpint (r.conformance, ==, SCS_CONFORMANCE_UNANSWERED);
  g_assert_null (r.verdict);
  g_assert_cmpuint (r.unanswered->len, ==, ids->len);
  scs_requirement_verdict_clear (&r);

  /* Some evaluated, none failing: not yet evaluated, naming which. */
  answer (f, ids->pdata[0], "done", "conforms", "");
  requirement_verdict (f, "1-2-1", SCS_COUNT_CONFIRMED, &r);
  g_assert_cmpint (r.conformance, ==, SCS_CONFORMANCE_INCOMPLETE);
  g_assert_null (r.verdict);
  g_assert_cmpuint (r.unanswered->len, ==, ids->len - 1);
  g_assert_cmpstr (scs_node_get_id (r.unanswered->pdata[0]), ==, ids->pdata[1]);
  scs_requirement_verdict_clear (&r);

  for (guint i = 0; i < ids->len; i++)
    answer (f, ids->pdata[i], "done", "conforms", "");
  requirement_verdict (f, "1-2-1", SCS_COUNT_CONFIRMED, &r);
  g_assert_cmpint (r.conformance, ==, SCS_CONFORMANCE_CONFORMS);
  g_assert_cmpstr (r.verdict->id, ==, "conforms");
  g_assert_cmpuint (r.failing->len + r.unanswered->len + r.missing_comment->len, ==, 0);
  scs_requirement_verdict_clear (&r);

  /* One needing improvement, without its comment: the whole needs improvement. */
  answer (f, ids->pdata[1], "done", "needs_improvement", "");
  requirement_verdict (f, "1-2-1", SCS_COUNT_CONFIRMED, &r);
  g_assert_cmpint (r.conformance, ==, SCS_CONFORMANCE_NOT_CONFORMING);
  g_assert_cmpstr (r.verdict->id, ==, "needs_improvement");
  g_assert_cmpuint (r.failing->len, ==, 1);
  g_assert_cmpstr (scs_node_get_id (r.failing->pdata[0]), ==, ids->pdata[1]);
  g_assert_cmpuint (r.missing_comment->len, ==, 1);
  scs_requirement_verdict_clear (&r);

  /* … also beside a criterion not yet evaluated; with its comment nothing is missing. */
  answer (f, ids->pdata[1], "done", "needs_improvement", "連絡先リストが未整備");
  answer (f, ids->pdata[2], "", "", "");
  requirement_verdict (f, "1-2-1", SCS_COUNT_CONFIRMED, &r);
  g_assert_cmpint (r.conformance, ==, SCS_CONFORMANCE_NOT_CONFORMING);
  g_assert_cmpuint (r.unanswered->len, ==, 1);
  g_assert_cmpuint (r.missing_comment->len, ==, 0);
  scs_requirement_verdict_clear (&r);

  /* A verdict marked for follow-up is not counted unless asked for. */
  scs_record_set_boolean (SCS_RECORD (scs_engagement_ensure_assessment (f->e, ids->pdata[1])),
                          SCS_M_ASSESSMENT_FOLLOW_UP, TRUE);
  answer (f, ids->pdata[2], "done", "conforms", "");
  requirement_verdict (f, "1-2-1", SCS_COUNT_CONFIRMED, &r);
  g_assert_cmpint (r.conformance, ==, SCS_CONFORMANCE_INCOMPLETE);
  g_assert_cmpuint (r.failing->len, ==, 0);
  g_assert_cmpstr (scs_node_get_id (r.unanswered->pdata[0]), ==, ids->pdata[1]);
  scs_requirement_verdict_clear (&r);
  requirement_verdict (f, "1-2-1", SCS_COUNT_WITH_FOLLOW_UP, &r);
  g_assert_cmpint (r.conformance, ==, SCS_CONFORMANCE_NOT_CONFORMING);
  scs_requirement_verdict_clear (&r);

  /* Not applicable ones aside, the rest conform; all not applicable: not applicable. */
  answer (f, ids->pdata[1], "na", "na", "該当する業務なし");
  requirement_verdict (f, "1-2-1", SCS_COUNT_WITH_FOLLOW_UP, &r);
  g_assert_cmpint (r.conformance, ==, SCS_CONFORMANCE_CONFORMS);
  g_assert_cmpstr (r.verdict->id, ==, "conforms");
  scs_requirement_verdict_clear (&r);
  for (guint i = 0; i < ids->len; i++)
    answer (f, ids->pdata[i], "na", "na", "理由");
  requirement_verdict (f, "1-2-1", SCS_COUNT_WITH_FOLLOW_UP, &r);
  g_assert_cmpint (r.conformance, ==, SCS_CONFORMANCE_NOT_APPLICABLE);
  g_assert_cmpstr (r.verdict->id, ==, "na");
  scs_requirement_verdict_clear (&r);
  g_assert_null (r.failing);
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = criteria_of (f, "6-1-1");
  ScsTally t;

  g_assert_cmpuint (ids->len, ==, 6);
  answer (f, ids->pdata[0], "done", "needs_improvement", "");          /* missing, inflated */
  answer (f, ids->pdata[1], "partly", "needs_improvement", "　 \n");  /* blanks only: missing */
  answer (f, ids->pdata[2], "not_done", "needs_improvement", "手順書が未作成");
  answer (f, ids->pdata[3], "partly", "na", "");                       /* n/a needs a reason */
  answer (f, ids->pdata[4], "done", "conforms", "");
  scs_record_set_boolean (SCS_RECORD (scs_engagement_get_assessment (f->e, ids->pdata[4])),
                          SCS_M_ASSESSMENT_FOLLOW_UP, TRUE);

  tally (f, "6-1", &t);
  g_assert_cmpuint (t.n_criteria, ==, 6);
  g_assert_cmpuint (t.n_answered, ==, 5);
  g_assert_cmpuint (t.n_unanswered, ==, 1);
  g_assert_cmpuint (t.n_conforming, ==, 1);
  g_assert_cmpuint (t.n_not_conforming, ==, 3);
  g_assert_cmpuint (t.n_not_applicable, ==, 1);
  g_assert_cmpuint (t.n_missing_comment, ==, 3);
  g_assert_cmpuint (t.n_inflated, ==, 2);
  g_assert_cmpuint (t.n_follow_up, ==, 1);
  g_assert_cmpuint (t.n_company_answered, ==, 5);
  /* done 1 + partly 0.5 + not done 0 + partly 0.5 + done 1 over five weighed answers;
   * n/a (company) would be left out, but here the company said partly. */
  g_assert_cmpfloat_with_epsilon (scs_tally_get_company_rate (&t), 3.0 / 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (scs_tally_get_rate (&t), 1.0 / 5, 1e-9);

  answer (f, ids->pdata[5], "na", "conforms", "");
  tally (f, "6-1", &t);
  g_assert_cmpuint (t.n_company_answered, ==, 6);
  g_assert_cmpfloat_with_epsilon (scs_tally_get_company_rate (&t), 3.0 / 5, 1e-9);
}

static void
test_readiness (Fixture       *f,
                gconstpointer  data)
{
  GListModel *all = scs_framework_get_assessables (f->fw, 3);
  g_autoptr(GPtrArray) blockers = NULL;
  const ScsBlocker *b;

  g_assert_false (scs_engagement_get_readiness (f->e, SCS_COUNT_WITH_FOLLOW_UP, &blockers));
  g_assert_cmpuint (blockers->len, ==, 81);
  g_assert_cmpint (((ScsBlocker *) blockers->pdata[0])->reason, ==, SCS_BLOCKER_UNANSWERED);
  g_clear_pointer (&blockers, g_ptr_array_unref);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScsNode) n = g_list_model_get_item (all, i);

      answer (f, scs_node_get_id (n), "done", "conforms", "");
    }
  answer (f, "4-3-4-2", "done", "needs_improvement", "オフライン保管なし");
  answer (f, "7-1-1-1", "na", "na", "");

  g_assert_false (scs_engagement_get_readiness (f->e, SCS_COUNT_WITH_FOLLOW_UP, &blockers));
  g_assert_cmpuint (blockers->len, ==, 2);
  b = blockers->pdata[0];
  g_assert_cmpstr (scs_node_get_id (b->criterion), ==, "4-3-4-2");
  g_assert_cmpint (b->reason, ==, SCS_BLOCKER_NOT_CONFORMING);
  /* Named as the scale in use names the verdict, not by a word of the app's own. */
  g_assert_cmpstr (scs_blocker_describe (b), ==,
                   scs_scale_value_get_title (scs_scale_lookup (scs_engagement_get_verdict_scale (f->e),
                                                                "needs_improvement")));
  b = blockers->pdata[1];
  g_assert_cmpstr (scs_node_get_id (b->criterion), ==, "7-1-1-1");
  g_assert_cmpint (b->reason, ==, SCS_BLOCKER_MISSING_REASON);
  g_clear_pointer (&blockers, g_ptr_array_unref);

  /* Fixed and accepted by the expert, and the n/a explained: ready. */
  answer (f, "4-3-4-2", "done", "conforms", "");
  answer (f, "7-1-1-1", "na", "na", "事業上重要なシステムを持たない");
  g_assert_true (scs_engagement_get_readiness (f->e, SCS_COUNT_WITH_FOLLOW_UP, &blockers));
  g_assert_cmpuint (blockers->len, ==, 0);
  g_clear_pointer (&blockers, g_ptr_array_unref);

  /* On the official scale, which has no n/a, a re-check blocks too. */
  answer (f, "7-1-1-1", "done", "conforms", "");
  scs_record_set_string (SCS_RECORD (f->e), SCS_M_ENGAGEMENT_VERDICT_SCALE, "official");
  g_assert_true (scs_engagement_get_readiness (f->e, SCS_COUNT_WITH_FOLLOW_UP, NULL));
  answer (f, "1-3-1-1", "done", "recheck", "改定版を確認する");
  g_assert_false (scs_engagement_get_readiness (f->e, SCS_COUNT_WITH_FOLLOW_UP, &blockers));
  g_assert_cmpuint (blockers->len, ==, 1);
  b = blockers->pdata[0];
  g_assert_cmpstr (scs_blocker_describe (b), ==,
                   scs_scale_value_get_title (scs_scale_lookup (scs_engagement_get_verdict_scale (f->e), "recheck")));
  g_assert_cmpstr (scs_blocker_describe (b), !=,
                   scs_scale_value_get_title (scs_scale_lookup (scs_engagement_get_verdict_scale (f->e),
                                                                "nonconforming")));
}

static void
test_level_four (Fixture       *f,
                 gconstpointer  data)
{
  ScsTally t;

  tally (f, NULL, &t);
  g_assert_cmpuint (t.n_criteria, ==, 153);
  tally (f, "1-2", &t);
  g_assert_cmpuint (t.n_criteria, >, 5);
}

static void
set_diagnosis (Fixture    *f,
               const char *answers)
{
  GListStore *list = G_LIST_STORE (scs_record_get_list (SCS_RECORD (f->e), SCS_M_ENGAGEMENT_DIAGNOSIS));

  g_list_store_remove_all (list);
  for (guint i = 0; answers[i] != '\0'; i++)
    {
      g_autoptr(ScsChecklistAnswer) a = g_object_new (SCS_TYPE_CHECKLIST_ANSWER, NULL);
      g_autofree char *item = g_strdup_printf ("%u", i + 1);
      const char *value = answers[i] == 'y' ? "yes" : answers[i] == 'p' ? "partly"
                        : answers[i] == 'n' ? "no" : "unknown";

      scs_record_set_string (SCS_RECORD (a), SCS_M_CHECKLIST_ANSWER_ITEM, item);
      scs_record_set_string (SCS_RECORD (a), SCS_M_CHECKLIST_ANSWER_ANSWER, value);
      g_list_store_append (list, a);
    }
}

static void
test_diagnosis (Fixture       *f,
                gconstpointer  data)
{
  ScsFramework *five = scs_catalog_get_latest (f->catalog, "five-minute-diagnosis");
  ScsDiagnosisResult r;

  set_diagnosis (f, "yyyyyyyyyyyyyyyyyyyyyyyyy");
  scs_engagement_score_diagnosis (f->e, five, &r);
  g_assert_true (r.complete);
  g_assert_cmpint (r.score, ==, 100);
  g_assert_cmpstr (r.band->title_ja, ==, "入門レベルは達成");
  scs_diagnosis_result_clear (&r);

  set_diagnosis (f, "yyyyyyyyyyyyyyyyyyyyyyyyp");
  scs_engagement_score_diagnosis (f->e, five, &r);
  g_assert_cmpint (r.score, ==, 98);
  g_assert_cmpstr (r.band->title_ja, ==, "部分的に不十分");
  scs_diagnosis_result_clear (&r);

  /* 12×4 + 6×2 + 5×0 + 2×(−1) = 58 */
  set_diagnosis (f, "yyyyyyyyyyyyppppppnnnnnuu");
  scs_engagement_score_diagnosis (f->e, five, &r);
  g_assert_cmpint (r.score, ==, 58);
  g_assert_cmpstr (r.band->title_ja, ==, "対策が不十分");
  g_assert_cmpuint (r.follow_up->len, ==, 2);
  g_assert_cmpstr (scs_node_get_id (r.follow_up->pdata[0]), ==, "24");
  scs_diagnosis_result_clear (&r);

  set_diagnosis (f, "uuuuuuuuuuuuuuuuuuuuuuuuu");
  scs_engagement_score_diagnosis (f->e, five, &r);
  g_assert_cmpint (r.score, ==, -25);
  g_assert_cmpstr (r.band->title_ja, ==, "事故がいつ起きても不思議ではない");
  scs_diagnosis_result_clear (&r);

  /* Unfinished: no band yet. */
  set_diagnosis (f, "yyyy");
  scs_engagement_score_diagnosis (f->e, five, &r);
  g_assert_false (r.complete);
  g_assert_cmpuint (r.n_answered, ==, 4);
  g_assert_null (r.band);
  scs_diagnosis_result_clear (&r);
}

static void
test_benchmark (Fixture       *f,
                gconstpointer  data)
{
  ScsRecord *company = SCS_RECORD (scs_engagement_get_company (f->e));

  g_assert_cmpint (scs_engagement_get_benchmark (f->e, "4-3", NULL), ==, 61);
  scs_record_set_string (company, SCS_M_COMPANY_EMPLOYEE_BAND, "101-500");
  g_assert_cmpint (scs_engagement_get_benchmark (f->e, "4-3", NULL), ==, 43);
  g_assert_cmpint (scs_engagement_get_benchmark (f->e, NULL, NULL), ==, 73);
}

static void
count_signal (ScsEngagement *e,
              guint         *count)
{
  (*count)++;
}

static void
test_change_tracking (Fixture       *f,
                      gconstpointer  data)
{
  guint changes = 0;
  ScsAssessment *a;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_signal_connect (f->e, "changed", G_CALLBACK (count_signal), &changes);
  scs_record_set_string (SCS_RECORD (f->e), SCS_M_ENGAGEMENT_MODIFIED, "2020-01-01T00:00:00Z");
  before = scs_storage_serialize (f->e);

  /* Showing a criterion makes its (empty) assessment: not an edit, and not saved. */
  a = scs_engagement_ensure_assessment (f->e, "4-2-2-1");
  g_assert_nonnull (a);
  g_assert_true (scs_engagement_ensure_assessment (f->e, "4-2-2-1") == a);
  g_assert_cmpuint (changes, ==, 0);
  after = scs_storage_serialize (f->e);
  g_assert_true (g_bytes_equal (before, after));

  /* An edit deep down reaches the engagement and stamps the assessment. */
  scs_record_set_boolean (scs_record_get_object (SCS_RECORD (a), SCS_M_ASSESSMENT_INTERVIEW), SCS_M_PROCEDURE_PERFORMED, TRUE);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (a), SCS_M_ASSESSMENT_CHANGED), !=, "");
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (f->e), SCS_M_ENGAGEMENT_MODIFIED), !=, "2020-01-01T00:00:00Z");

  /* Setting the same value is no change. */
  scs_record_set_boolean (scs_record_get_object (SCS_RECORD (a), SCS_M_ASSESSMENT_INTERVIEW), SCS_M_PROCEDURE_PERFORMED, TRUE);
  g_assert_cmpuint (changes, ==, 1);

  /* Through GObject properties, as views will bind them. */
  g_object_set (a, SCS_P_ASSESSMENT_EXPERT_COMMENT, "訓練計画が必要", NULL);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpstr (scs_assessment_get_expert_comment (a), ==, "訓練計画が必要");

  /* Adding to a list is an edit too. */
  {
    g_autoptr(ScsDocument) doc = g_object_new (SCS_TYPE_DOCUMENT, NULL);

    g_list_store_append (G_LIST_STORE (scs_record_get_list (SCS_RECORD (f->e), SCS_M_ENGAGEMENT_DOCUMENTS)), doc);
    g_assert_cmpuint (changes, ==, 3);
    scs_record_set_string (SCS_RECORD (doc), SCS_M_DOCUMENT_TITLE, "規程");
    g_assert_cmpuint (changes, ==, 4);
  }

  /* New assessments keep the framework's order. */
  scs_engagement_ensure_assessment (f->e, "1-2-1-1");
  scs_engagement_ensure_assessment (f->e, "7-1-1-1");
  scs_engagement_ensure_assessment (f->e, "4-1-1-1");
  {
    GListModel *list = scs_engagement_get_assessments (f->e);
    static const char * const order[] = { "1-2-1-1", "4-1-1-1", "4-2-2-1", "7-1-1-1" };

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
    for (guint i = 0; i < 4; i++)
      {
        g_autoptr(ScsAssessment) item = g_list_model_get_item (list, i);

        g_assert_cmpstr (scs_assessment_get_criterion (item), ==, order[i]);
      }
  }
  g_signal_handlers_disconnect_by_func (f->e, count_signal, &changes);
}

static void
flag (Fixture    *f,
      const char *criterion,
      gboolean    follow_up)
{
  scs_record_set_boolean (SCS_RECORD (scs_engagement_ensure_assessment (f->e, criterion)),
                          SCS_M_ASSESSMENT_FOLLOW_UP, follow_up);
}

/* A verdict marked for follow-up counts only when the output asks for it; otherwise it is
 * no verdict at all, in the tally, the conformance, readiness, inflation and missing
 * comments alike. */
static void
test_follow_up_counted_when_asked (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = criteria_of (f, "6-1-1");
  GListModel *all = scs_framework_get_assessables (f->fw, 3);
  ScsNode *sub = scs_framework_lookup (f->fw, 3, "6-1");
  ScsAssessment *inflated, *missing;
  g_autoptr(GPtrArray) blockers = NULL;
  ScsTally t;

  g_assert_cmpuint (ids->len, ==, 6);
  answer (f, ids->pdata[0], "done", "conforms", "");
  answer (f, ids->pdata[1], "done", "conforms", "");
  answer (f, ids->pdata[2], "done", "needs_improvement", "");   /* inflated, missing comment */
  answer (f, ids->pdata[3], "partly", "needs_improvement", "手順書が未作成");  /* inflated */
  answer (f, ids->pdata[4], "not_done", "na", "対象外");
  flag (f, ids->pdata[1], TRUE);
  flag (f, ids->pdata[2], TRUE);
  flag (f, ids->pdata[4], TRUE);
  flag (f, ids->pdata[5], TRUE);  /* flagged with no verdict: nothing to leave out */
  inflated = scs_engagement_get_assessment (f->e, ids->pdata[2]);
  missing = inflated;

  /* Not asked: NULL has nothing that counts, an unflagged verdict always counts. */
  g_assert_false (scs_assessment_counts (NULL, SCS_COUNT_WITH_FOLLOW_UP));
  g_assert_true (scs_assessment_counts (scs_engagement_get_assessment (f->e, ids->pdata[0]),
                                        SCS_COUNT_CONFIRMED));
  g_assert_false (scs_assessment_counts (inflated, SCS_COUNT_CONFIRMED));
  g_assert_true (scs_assessment_counts (inflated, SCS_COUNT_WITH_FOLLOW_UP));
  g_assert_null (scs_engagement_get_counted_verdict (f->e, inflated, SCS_COUNT_CONFIRMED));
  g_assert_nonnull (scs_engagement_get_counted_verdict (f->e, inflated, SCS_COUNT_WITH_FOLLOW_UP));

  /* Conformance. */
  g_assert_cmpint (scs_engagement_get_conformance (f->e, ids->pdata[1], SCS_COUNT_WITH_FOLLOW_UP), ==,
                   SCS_CONFORMANCE_CONFORMS);
  g_assert_cmpint (scs_engagement_get_conformance (f->e, ids->pdata[1], SCS_COUNT_CONFIRMED), ==,
                   SCS_CONFORMANCE_UNANSWERED);
  g_assert_cmpint (scs_engagement_get_conformance (f->e, ids->pdata[2], SCS_COUNT_CONFIRMED), ==,
                   SCS_CONFORMANCE_UNANSWERED);
  g_assert_cmpint (scs_engagement_get_conformance (f->e, ids->pdata[4], SCS_COUNT_CONFIRMED), ==,
                   SCS_CONFORMANCE_UNANSWERED);
  g_assert_cmpint (scs_engagement_get_conformance (f->e, ids->pdata[0], SCS_COUNT_CONFIRMED), ==,
                   SCS_CONFORMANCE_CONFORMS);

  /* Inflation and missing comments. */
  g_assert_true (scs_engagement_is_inflated (f->e, inflated, SCS_COUNT_WITH_FOLLOW_UP));
  g_assert_false (scs_engagement_is_inflated (f->e, inflated, SCS_COUNT_CONFIRMED));
  g_assert_true (scs_engagement_is_missing_comment (f->e, missing, SCS_COUNT_WITH_FOLLOW_UP));
  g_assert_false (scs_engagement_is_missing_comment (f->e, missing, SCS_COUNT_CONFIRMED));

  /* The tally, with every verdict … */
  scs_engagement_tally (f->e, sub, SCS_COUNT_WITH_FOLLOW_UP, &t);
  g_assert_cmpuint (t.n_criteria, ==, 6);
  g_assert_cmpuint (t.n_answered, ==, 5);
  g_assert_cmpuint (t.n_conforming, ==, 2);
  g_assert_cmpuint (t.n_not_conforming, ==, 2);
  g_assert_cmpuint (t.n_not_applicable, ==, 1);
  g_assert_cmpuint (t.n_unanswered, ==, 1);
  g_assert_cmpuint (t.n_inflated, ==, 2);
  g_assert_cmpuint (t.n_missing_comment, ==, 1);
  g_assert_cmpuint (t.n_follow_up, ==, 4);
  g_assert_cmpuint (t.n_uncounted, ==, 0);
  g_assert_cmpfloat_with_epsilon (scs_tally_get_rate (&t), 2.0 / 5, 1e-9);

  /* … and with the confirmed ones: the three flagged verdicts are unanswered, the n/a
   * among them now counts against the rate as no verdict does. */
  scs_engagement_tally (f->e, sub, SCS_COUNT_CONFIRMED, &t);
  g_assert_cmpuint (t.n_criteria, ==, 6);
  g_assert_cmpuint (t.n_answered, ==, 2);
  g_assert_cmpuint (t.n_conforming, ==, 1);
  g_assert_cmpuint (t.n_not_conforming, ==, 1);
  g_assert_cmpuint (t.n_not_applicable, ==, 0);
  g_assert_cmpuint (t.n_unanswered, ==, 4);
  g_assert_cmpuint (t.n_inflated, ==, 1);
  g_assert_cmpuint (t.n_missing_comment, ==, 0);
  g_assert_cmpuint (t.n_follow_up, ==, 4);
  g_assert_cmpuint (t.n_uncounted, ==, 3);
  g_assert_cmpint (t.conformance, ==, SCS_CONFORMANCE_NOT_CONFORMING);
  g_assert_cmpfloat_with_epsilon (scs_tally_get_rate (&t), 1.0 / 6, 1e-9);
  /* The company's own answers are not the expert's verdicts: both counts see them all. */
  g_assert_cmpuint (t.n_company_answered, ==, 5);

  /* Readiness: everything conforms, one conforming verdict still awaits follow-up. */
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScsNode) n = g_list_model_get_item (all, i);

      answer (f, scs_node_get_id (n), "done", "conforms", "");
      flag (f, scs_node_get_id (n), FALSE);
    }
  flag (f, "5-1-1-1", TRUE);
  g_assert_true (scs_engagement_get_readiness (f->e, SCS_COUNT_WITH_FOLLOW_UP, &blockers));
  g_assert_cmpuint (blockers->len, ==, 0);
  g_clear_pointer (&blockers, g_ptr_array_unref);
  g_assert_false (scs_engagement_get_readiness (f->e, SCS_COUNT_CONFIRMED, &blockers));
  g_assert_cmpuint (blockers->len, ==, 1);
  g_assert_cmpstr (scs_node_get_id (((ScsBlocker *) blockers->pdata[0])->criterion), ==, "5-1-1-1");
  g_assert_cmpint (((ScsBlocker *) blockers->pdata[0])->reason, ==, SCS_BLOCKER_UNANSWERED);
  g_clear_pointer (&blockers, g_ptr_array_unref);

  /* A failing verdict awaiting follow-up blocks either way, for a different reason. */
  answer (f, "5-1-1-1", "done", "needs_improvement", "未整備");
  g_assert_false (scs_engagement_get_readiness (f->e, SCS_COUNT_WITH_FOLLOW_UP, &blockers));
  g_assert_cmpint (((ScsBlocker *) blockers->pdata[0])->reason, ==, SCS_BLOCKER_NOT_CONFORMING);
  g_clear_pointer (&blockers, g_ptr_array_unref);
  g_assert_false (scs_engagement_get_readiness (f->e, SCS_COUNT_CONFIRMED, &blockers));
  g_assert_cmpint (((ScsBlocker *) blockers->pdata[0])->reason, ==, SCS_BLOCKER_UNANSWERED);

  /* Confirmed: both counts agree again. */
  flag (f, "5-1-1-1", FALSE);
  scs_engagement_tally (f->e, NULL, SCS_COUNT_CONFIRMED, &t);
  {
    ScsTally with;

    scs_engagement_tally (f->e, NULL, SCS_COUNT_WITH_FOLLOW_UP, &with);
    g_assert_cmpmem (&t, sizeof t, &with, sizeof with);
  }
}

int
main (int   argc,
      char *argv[])
{
  scs_test_init (&argc, &argv);

#define ADD(path, level, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (level), fixture_setup, func, fixture_teardown)
  ADD ("/scoring/requirement-is-strict", 3, test_requirement_is_strict);
  ADD ("/scoring/requirement-verdict", 3, test_requirement_verdict);
  ADD ("/scoring/counts", 3, test_counts);
  ADD ("/scoring/readiness", 3, test_readiness);
  ADD ("/scoring/follow-up-counted-when-asked", 3, test_follow_up_counted_when_asked);
  ADD ("/scoring/level-four", 4, test_level_four);
  ADD ("/scoring/diagnosis", 3, test_diagnosis);
  ADD ("/scoring/benchmark", 3, test_benchmark);
  ADD ("/scoring/change-tracking", 3, test_change_tracking);
#undef ADD

  return g_test_run ();
}
