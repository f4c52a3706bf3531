/* scs-scoring.c — conformance, counts, readiness, inflation, diagnosis and benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n-lib.h>

#include "scs-scoring.h"

const ScsScaleValue *
scs_engagement_get_verdict_value (ScsEngagement *self,
                                  ScsAssessment *assessment)
{
  if (assessment == NULL)
    return NULL;
  return scs_scale_lookup (scs_engagement_get_verdict_scale (self),
                           scs_assessment_get_verdict (assessment));
}

gboolean
scs_assessment_counts (ScsAssessment *assessment,
                       ScsCount       count)
{
  if (assessment == NULL)
    return FALSE;
  return count == SCS_COUNT_WITH_FOLLOW_UP
         || !scs_record_get_boolean (SCS_RECORD (assessment), SCS_M_ASSESSMENT_FOLLOW_UP);
}

const ScsScaleValue *
scs_engagement_get_counted_verdict (ScsEngagement *self,
                                    ScsAssessment *assessment,
                                    ScsCount       count)
{
  if (!scs_assessment_counts (assessment, count))
    return NULL;
  return scs_engagement_get_verdict_value (self, assessment);
}

ScsConformance
scs_verdict_conformance (const ScsScaleValue *v)
{
  if (v == NULL)
    return SCS_CONFORMANCE_UNANSWERED;
  if (v->not_applicable)
    return SCS_CONFORMANCE_NOT_APPLICABLE;
  return v->conforming ? SCS_CONFORMANCE_CONFORMS : SCS_CONFORMANCE_NOT_CONFORMING;
}

const ScsScaleValue *
scs_engagement_get_company_value (ScsEngagement *self,
                                  ScsAssessment *assessment)
{
  ScsFramework *framework = scs_engagement_get_framework (self);

  if (assessment == NULL || framework == NULL)
    return NULL;
  return scs_scale_lookup (scs_framework_get_company_scale (framework),
                           scs_assessment_get_company_status (assessment));
}

static ScsConformance
conformance_of (ScsEngagement *self,
                ScsAssessment *assessment,
                ScsCount       count)
{
  return scs_verdict_conformance (scs_engagement_get_counted_verdict (self, assessment, count));
}

ScsConformance
scs_engagement_get_conformance (ScsEngagement *self,
                                const char    *criterion_id,
                                ScsCount       count)
{
  return conformance_of (self, scs_engagement_get_assessment (self, criterion_id), count);
}

static gboolean
is_blank_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* U+3000, the ideographic space, counts as a blank too. */
      if (!g_unichar_isspace (c) && c != 0x3000)
        return FALSE;
    }
  return TRUE;
}

gboolean
scs_engagement_is_missing_comment (ScsEngagement *self,
                                   ScsAssessment *assessment,
                                   ScsCount       count)
{
  const ScsScaleValue *v = scs_engagement_get_counted_verdict (self, assessment, count);

  return v != NULL && v->comment_required &&
         is_blank_text (scs_assessment_get_expert_comment (assessment));
}

void
scs_engagement_get_requirement_verdict (ScsEngagement         *self,
                                        ScsNode               *requirement,
                                        ScsCount               count,
                                        ScsRequirementVerdict *r)
{
  GListModel *criteria = scs_node_get_children (requirement);
  guint n = g_list_model_get_n_items (criteria);
  const ScsScaleValue *conforming = NULL, *not_applicable = NULL;

  *r = (ScsRequirementVerdict) {
    .failing = g_ptr_array_new (),
    .unanswered = g_ptr_array_new (),
    .missing_comment = g_ptr_array_new (),
  };
  for (guint i = 0; i < MAX (n, 1); i++)
    {
      g_autoptr(ScsNode) c = n > 0 ? g_list_model_get_item (criteria, i) : g_object_ref (requirement);
      ScsAssessment *a = scs_engagement_get_assessment (self, scs_node_get_id (c));
      const ScsScaleValue *v = scs_engagement_get_counted_verdict (self, a, count);

      if (a != NULL && scs_engagement_is_missing_comment (self, a, count))
        g_ptr_array_add (r->missing_comment, c);
      switch (scs_verdict_conformance (v))
        {
        case SCS_CONFORMANCE_CONFORMS:
          conforming = conforming != NULL ? conforming : v;
          break;
        case SCS_CONFORMANCE_NOT_APPLICABLE:
          not_applicable = not_applicable != NULL ? not_applicable : v;
          break;
        case SCS_CONFORMANCE_NOT_CONFORMING:
          g_ptr_array_add (r->failing, c);
          /* The severe kind of not conforming, where the scale has it, names the whole. */
          if (r->verdict == NULL || g_str_equal (v->id, SCS_VERDICT_NONCONFORMING))
            r->verdict = v;
          break;
        case SCS_CONFORMANCE_UNANSWERED:
        case SCS_CONFORMANCE_INCOMPLETE:
        default:
          g_ptr_array_add (r->unanswered, c);
          break;
        }
    }
  if (r->failing->len > 0)
    r->conformance = SCS_CONFORMANCE_NOT_CONFORMING;
  else if (r->unanswered->len > 0)
    r->conformance = r->unanswered->len == MAX (n, 1) ? SCS_CONFORMANCE_UNANSWERED
                                                      : SCS_CONFORMANCE_INCOMPLETE;
  else if (conforming != NULL)
    {
      r->conformance = SCS_CONFORMANCE_CONFORMS;
      r->verdict = conforming;
    }
  else
    {
      r->conformance = SCS_CONFORMANCE_NOT_APPLICABLE;
      r->verdict = not_applicable;
    }
}

void
scs_requirement_verdict_clear (ScsRequirementVerdict *r)
{
  g_clear_pointer (&r->failing, g_ptr_array_unref);
  g_clear_pointer (&r->unanswered, g_ptr_array_unref);
  g_clear_pointer (&r->missing_comment, g_ptr_array_unref);
  r->verdict = NULL;
}

gboolean
scs_engagement_is_inflated (ScsEngagement *self,
                            ScsAssessment *assessment,
                            ScsCount       count)
{
  const char *status;

  if (conformance_of (self, assessment, count) != SCS_CONFORMANCE_NOT_CONFORMING)
    return FALSE;
  status = scs_assessment_get_company_status (assessment);
  return g_str_equal (status, SCS_COMPANY_STATUS_DONE) || g_str_equal (status, SCS_COMPANY_STATUS_PARTLY);
}

gboolean
scs_engagement_disagrees (ScsEngagement *self,
                          ScsAssessment *assessment,
                          ScsCount       count)
{
  const ScsScaleValue *verdict = scs_engagement_get_counted_verdict (self, assessment, count);
  const ScsScaleValue *company = scs_engagement_get_company_value (self, assessment);

  if (verdict == NULL || company == NULL)
    return FALSE;
  /* The company's “not applicable” is the value that carries no credit. */
  if (!company->has_credit || verdict->not_applicable)
    return (!company->has_credit) != (!!verdict->not_applicable);
  /* Done against a verdict that does not conform, or anything less against one that does. */
  return g_str_equal (company->id, SCS_COMPANY_STATUS_DONE) != verdict->conforming;
}

static void
tally_assessable (ScsEngagement *self,
                  ScsNode       *node,
                  ScsCount       count,
                  ScsTally      *t)
{
  ScsAssessment *a = scs_engagement_get_assessment (self, scs_node_get_id (node));
  const ScsScaleValue *company = NULL;

  t->n_criteria++;
  switch (conformance_of (self, a, count))
    {
    case SCS_CONFORMANCE_CONFORMS:
      t->n_answered++;
      t->n_conforming++;
      break;
    case SCS_CONFORMANCE_NOT_CONFORMING:
      t->n_answered++;
      t->n_not_conforming++;
      break;
    case SCS_CONFORMANCE_NOT_APPLICABLE:
      t->n_answered++;
      t->n_not_applicable++;
      break;
    case SCS_CONFORMANCE_UNANSWERED:
    case SCS_CONFORMANCE_INCOMPLETE:
    default:
      t->n_unanswered++;
      break;
    }
  if (a == NULL)
    return;

  if (scs_engagement_is_missing_comment (self, a, count))
    t->n_missing_comment++;
  if (scs_engagement_is_inflated (self, a, count))
    t->n_inflated++;
  if (scs_record_get_boolean (SCS_RECORD (a), SCS_M_ASSESSMENT_FOLLOW_UP))
    t->n_follow_up++;
  if (!scs_assessment_counts (a, count) && scs_engagement_get_verdict_value (self, a) != NULL)
    t->n_uncounted++;

  company = scs_engagement_get_company_value (self, a);
  if (company != NULL)
    {
      t->n_company_answered++;
      if (company->has_credit)
        {
          t->n_company_weighed++;
          t->company_credit += company->credit;
        }
    }
}

static void
tally_node (ScsEngagement *self,
            ScsNode       *node,
            ScsCount       count,
            ScsTally      *t)
{
  GListModel *children = scs_node_get_children (node);
  guint n = g_list_model_get_n_items (children);

  if (scs_node_get_kind (node) == SCS_NODE_CRITERION ||
      (scs_node_get_kind (node) == SCS_NODE_REQUIREMENT && n == 0))
    {
      tally_assessable (self, node, count, t);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsNode) child = g_list_model_get_item (children, i);

      tally_node (self, child, count, t);
    }
}

void
scs_engagement_tally (ScsEngagement *self,
                      ScsNode       *node,
                      ScsCount       count,
                      ScsTally      *t)
{
  ScsFramework *fw = scs_engagement_get_framework (self);

  memset (t, 0, sizeof *t);
  if (node != NULL)
    tally_node (self, node, count, t);
  else
    {
      GListModel *cats = scs_framework_get_categories (fw, scs_engagement_get_level (self));

      for (guint i = 0; cats != NULL && i < g_list_model_get_n_items (cats); i++)
        {
          g_autoptr(ScsNode) cat = g_list_model_get_item (cats, i);

          tally_node (self, cat, count, t);
        }
    }

  /* Strict: one failing criterion makes the whole group fail (「全評価項目への適合」). */
  if (t->n_not_conforming > 0)
    t->conformance = SCS_CONFORMANCE_NOT_CONFORMING;
  else if (t->n_answered == 0)
    t->conformance = SCS_CONFORMANCE_UNANSWERED;
  else if (t->n_unanswered > 0)
    t->conformance = SCS_CONFORMANCE_INCOMPLETE;
  else if (t->n_conforming == 0)
    t->conformance = SCS_CONFORMANCE_NOT_APPLICABLE;
  else
    t->conformance = SCS_CONFORMANCE_CONFORMS;
}

double
scs_tally_get_rate (const ScsTally *t)
{
  guint applicable = t->n_criteria - t->n_not_applicable;

  if (applicable == 0)
    return -1;
  return (double) t->n_conforming / applicable;
}

double
scs_tally_get_company_rate (const ScsTally *t)
{
  if (t->n_company_weighed == 0)
    return -1;
  return t->company_credit / t->n_company_weighed;
}

gboolean
scs_engagement_get_readiness (ScsEngagement *self,
                              ScsCount       count,
                              GPtrArray    **blockers)
{
  ScsFramework *fw = scs_engagement_get_framework (self);
  GListModel *all = scs_framework_get_assessables (fw, scs_engagement_get_level (self));
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; all != NULL && i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScsNode) node = g_list_model_get_item (all, i);
      ScsAssessment *a = scs_engagement_get_assessment (self, scs_node_get_id (node));
      ScsBlocker *b;
      ScsBlockerReason reason;
      const ScsScaleValue *verdict = NULL;

      switch (conformance_of (self, a, count))
        {
        case SCS_CONFORMANCE_CONFORMS:
          continue;
        case SCS_CONFORMANCE_NOT_APPLICABLE:
          if (!scs_engagement_is_missing_comment (self, a, count))
            continue;
          reason = SCS_BLOCKER_MISSING_REASON;
          break;
        case SCS_CONFORMANCE_NOT_CONFORMING:
          reason = SCS_BLOCKER_NOT_CONFORMING;
          verdict = scs_engagement_get_counted_verdict (self, a, count);
          break;
        case SCS_CONFORMANCE_UNANSWERED:
        case SCS_CONFORMANCE_INCOMPLETE:
        default:
          reason = SCS_BLOCKER_UNANSWERED;
          break;
        }
      b = g_new0 (ScsBlocker, 1);
      b->criterion = node;   /* the framework keeps its nodes alive */
      b->reason = reason;
      b->verdict = verdict;   /* so are its scales' values */
      g_ptr_array_add (out, b);
    }

  {
    gboolean ready = out->len == 0;

    if (blockers != NULL)
      *blockers = out;
    else
      g_ptr_array_unref (out);
    return ready;
  }
}

void
scs_engagement_score_diagnosis (ScsEngagement      *self,
                                ScsFramework       *checklist,
                                ScsDiagnosisResult *r)
{
  scs_engagement_score_checklist (self, checklist, SCS_M_ENGAGEMENT_DIAGNOSIS, r);
}

void
scs_engagement_score_checklist (ScsEngagement      *self,
                                ScsFramework       *checklist,
                                const char         *list_name,
                                ScsDiagnosisResult *r)
{
  GListModel *answers = scs_record_get_list (SCS_RECORD (self), list_name);
  GListModel *items = scs_framework_get_items (checklist);
  const ScsScale *scale = scs_framework_get_answers (checklist);
  GPtrArray *bands = scs_framework_get_score_bands (checklist);

  memset (r, 0, sizeof *r);
  r->follow_up = g_ptr_array_new_with_free_func (g_object_unref);
  r->n_items = g_list_model_get_n_items (items);

  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(ScsRecord) answer = g_list_model_get_item (answers, i);
      ScsNode *item = scs_framework_lookup (checklist, SCS_LEVEL_HIGHEST,
                                            scs_record_get_string (answer, SCS_M_CHECKLIST_ANSWER_ITEM));
      const ScsScaleValue *v = scs_scale_lookup (scale, scs_record_get_string (answer, SCS_M_CHECKLIST_ANSWER_ANSWER));

      if (item == NULL || v == NULL)
        continue;
      r->n_answered++;
      if (v->has_points)
        r->score += v->points;
      if (v->follow_up)
        g_ptr_array_add (r->follow_up, g_object_ref (item));
    }

  r->complete = r->n_items > 0 && r->n_answered == r->n_items;
  for (guint i = 0; r->complete && i < bands->len; i++)
    {
      const ScsBand *band = g_ptr_array_index (bands, i);

      if (r->score >= band->min && r->score <= band->max)
        r->band = band;
    }
}

void
scs_diagnosis_result_clear (ScsDiagnosisResult *r)
{
  g_clear_pointer (&r->follow_up, g_ptr_array_unref);
}

int
scs_engagement_get_benchmark (ScsEngagement *self,
                              const char    *subcategory_id,
                              const char   **source)
{
  const char *band = scs_record_get_string (SCS_RECORD (scs_engagement_get_company (self)),
                                            "employee_band");

  return scs_framework_get_benchmark (scs_engagement_get_framework (self),
                                      scs_engagement_get_level (self), subcategory_id,
                                      band[0] != '\0' ? band : NULL, source);
}

const char *
scs_blocker_describe (const ScsBlocker *blocker)
{
  switch (blocker->reason)
    {
    case SCS_BLOCKER_UNANSWERED:
      return _("no verdict yet");
    case SCS_BLOCKER_NOT_CONFORMING:
      if (blocker->verdict != NULL)
        return scs_scale_value_get_title (blocker->verdict);
      return _("does not conform");
    case SCS_BLOCKER_MISSING_REASON:
      return _("not applicable, but no reason given");
    default:
      g_return_val_if_reached ("");
    }
}

guint
scs_engagement_count_hidden_answers (ScsEngagement *self,
                                     ScsLevel       level)
{
  ScsFramework *fw = scs_engagement_get_framework (self);
  GListModel *list = scs_engagement_get_assessments (self);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (list, i);

      if (!scs_record_is_blank (SCS_RECORD (a)) && !scs_engagement_is_orphan (self, a) &&
          scs_framework_lookup (fw, level, scs_assessment_get_criterion (a)) == NULL)
        n++;
    }
  return n;
}

guint
scs_engagement_count_foreign_verdicts (ScsEngagement *self)
{
  GListModel *list = scs_engagement_get_assessments (self);
  const ScsScale *scale = scs_engagement_get_verdict_scale (self);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (list, i);
      const char *verdict = scs_assessment_get_verdict (a);

      if (verdict[0] != '\0' && scs_scale_lookup (scale, verdict) == NULL)
        n++;
    }
  return n;
}

/* The one value of scale with the meaning of these flags: the severe kind of not conforming
 * when the scale has it among several, else the only one, else NULL. */
static const ScsScaleValue *
meaning_value (const ScsScale *scale,
               gboolean        conforming,
               gboolean        not_applicable)
{
  const ScsScaleValue *found = NULL;
  guint n = 0;

  for (guint i = 0; i < scale->values->len; i++)
    {
      const ScsScaleValue *v = g_ptr_array_index (scale->values, i);

      if (!v->conforming != !conforming || !v->not_applicable != !not_applicable)
        continue;
      if (g_str_equal (v->id, SCS_VERDICT_NONCONFORMING))
        return v;
      found = v;
      n++;
    }
  return n == 1 ? found : NULL;
}

const char *
scs_verdict_carry_over (ScsFramework   *framework,
                        const char     *verdict,
                        const ScsScale *to)
{
  GPtrArray *scales = scs_framework_get_verdict_scales (framework);

  if (scs_scale_lookup (to, verdict) != NULL)
    return verdict;
  for (guint i = 0; i < scales->len; i++)
    {
      const ScsScale *from = g_ptr_array_index (scales, i);
      const ScsScaleValue *v = scs_scale_lookup (from, verdict);
      const ScsScaleValue *counterpart;

      if (v == NULL)
        continue;
      if (meaning_value (from, v->conforming, v->not_applicable) != v)
        return NULL;
      counterpart = meaning_value (to, v->conforming, v->not_applicable);
      return counterpart != NULL ? counterpart->id : NULL;
    }
  return NULL;
}
