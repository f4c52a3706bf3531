/* scs-company-copy.c — the engagement as the company may have it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "scs-company-copy.h"
#include "scs-error.h"
#include "scs-scoring.h"

ScsCopyOrigin *
scs_engagement_get_copy_origin (ScsEngagement *self)
{
  g_return_val_if_fail (SCS_IS_ENGAGEMENT (self), NULL);
  return scs_record_get_object (SCS_RECORD (self), SCS_M_ENGAGEMENT_COMPANY_COPY);
}

gboolean
scs_engagement_is_company_copy (ScsEngagement *self)
{
  return !scs_record_is_blank (SCS_RECORD (scs_engagement_get_copy_origin (self)));
}

gboolean
scs_engagement_is_own_self_assessment (ScsEngagement *self)
{
  ScsRecord *origin = SCS_RECORD (scs_engagement_get_copy_origin (self));

  return scs_engagement_is_company_copy (self) &&
         scs_record_get_string (origin, SCS_M_COPY_ORIGIN_SOURCE)[0] == '\0' &&
         scs_record_get_string (origin, SCS_M_COPY_ORIGIN_SOURCE_CREATED)[0] == '\0';
}

gboolean
scs_engagement_plan_is_agreed (ScsEngagement *self)
{
  return scs_record_get_string (SCS_RECORD (scs_engagement_get_plan (self)), SCS_M_PLAN_AGREED_DATE)[0] != '\0';
}

gboolean
scs_assessment_is_confirmed (ScsAssessment *a)
{
  /* The rule of the figures: a verdict marked for follow-up is not one yet. */
  return a != NULL && scs_assessment_get_verdict (a)[0] != '\0' &&
         scs_assessment_counts (a, SCS_COUNT_CONFIRMED);
}

static void copy_record (ScsRecord *from, ScsRecord *to);

/* Copies one known member, whole: for records and lists, every known member of theirs
 * (never the unknown members a file may carry, which could hold anything). */
static void
copy_field (ScsRecord      *from,
            ScsRecord      *to,
            const ScsField *f)
{
  switch (f->kind)
    {
    case SCS_FIELD_STRING:
    case SCS_FIELD_ID:
    case SCS_FIELD_CHOICE:
    case SCS_FIELD_DATE:
    case SCS_FIELD_TIME:
    case SCS_FIELD_DATETIME:
      scs_record_set_string (to, f->name, scs_record_get_string (from, f->name));
      break;
    case SCS_FIELD_BOOLEAN:
      scs_record_set_boolean (to, f->name, scs_record_get_boolean (from, f->name));
      break;
    case SCS_FIELD_INT:
      scs_record_set_int (to, f->name, scs_record_get_int (from, f->name));
      break;
    case SCS_FIELD_STRV:
      scs_record_set_strv (to, f->name, scs_record_get_strv (from, f->name));
      break;
    case SCS_FIELD_OBJECT:
      copy_record (scs_record_get_object (from, f->name), scs_record_get_object (to, f->name));
      break;
    case SCS_FIELD_LIST:
      {
        GListModel *items = scs_record_get_list (from, f->name);
        GListStore *into = G_LIST_STORE (scs_record_get_list (to, f->name));

        g_list_store_remove_all (into);
        for (guint i = 0; i < g_list_model_get_n_items (items); i++)
          {
            g_autoptr(ScsRecord) item = g_list_model_get_item (items, i);
            g_autoptr(ScsRecord) copy = g_object_new (G_OBJECT_TYPE (item), NULL);

            copy_record (item, copy);
            g_list_store_append (into, copy);
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
copy_record (ScsRecord *from,
             ScsRecord *to)
{
  ScsRecordClass *klass = SCS_RECORD_GET_CLASS (from);

  for (guint i = 0; i < klass->n_fields; i++)
    copy_field (from, to, &klass->fields[i]);
}

/* Copies the named members of from, each whole. */
static void
copy_members (ScsRecord          *from,
              ScsRecord          *to,
              const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      const ScsField *f = scs_record_find_field (from, names[i]);

      g_assert (f != NULL);
      copy_field (from, to, f);
    }
}

static void
copy_scope (ScsEngagement *source,
            ScsEngagement *copy,
            gboolean       verdicts)
{
  ScsRecord *from = scs_record_get_object (SCS_RECORD (source), SCS_M_ENGAGEMENT_SCOPE);
  ScsRecord *to = scs_record_get_object (SCS_RECORD (copy), SCS_M_ENGAGEMENT_SCOPE);
  GListModel *exclusions = scs_record_get_list (from, SCS_M_SCOPE_EXCLUSIONS);
  GListStore *into = G_LIST_STORE (scs_record_get_list (to, SCS_M_SCOPE_EXCLUSIONS));
  static const char * const answers[] = { SCS_M_SCOPE_ANSWERS, NULL };

  copy_members (from, to, answers);
  for (guint i = 0; i < g_list_model_get_n_items (exclusions); i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (exclusions, i);
      g_autoptr(ScsRecord) exclusion = g_object_new (G_OBJECT_TYPE (item), NULL);
      static const char * const company[] = { SCS_M_EXCLUSION_WHAT, SCS_M_EXCLUSION_REASON,
                                              NULL };
      static const char * const expert[] = { SCS_M_EXCLUSION_JUDGEMENT, NULL };

      copy_members (item, exclusion, company);
      if (verdicts)
        copy_members (item, exclusion, expert);
      g_list_store_append (into, exclusion);
    }
}

static void
copy_visits (ScsEngagement *source,
             ScsEngagement *copy)
{
  GListModel *visits = scs_record_get_list (SCS_RECORD (source), SCS_M_ENGAGEMENT_VISITS);
  GListStore *into = G_LIST_STORE (scs_record_get_list (SCS_RECORD (copy), SCS_M_ENGAGEMENT_VISITS));
  /* Everything but the expert's notes. */
  static const char * const shared[] = { SCS_M_VISIT_NUMBER, SCS_M_VISIT_DATE, SCS_M_VISIT_START,
                                         SCS_M_VISIT_END, SCS_M_VISIT_MODE, SCS_M_VISIT_PLACE,
                                         SCS_M_VISIT_AUTHOR, SCS_M_VISIT_ATTENDEES,
                                         SCS_M_VISIT_AGENDA, SCS_M_VISIT_DONE,
                                         SCS_M_VISIT_REQUESTS, SCS_M_VISIT_NEXT_STEPS, NULL };

  g_list_store_remove_all (into);
  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (visits, i);
      g_autoptr(ScsRecord) visit = g_object_new (G_OBJECT_TYPE (item), NULL);

      copy_members (item, visit, shared);
      g_list_store_append (into, visit);
    }
}

/* What the assessment sheet prints of each procedure: its ○, the documents and files
 * cited, where and when, and who was interviewed. Never the expert's notes or what was
 * checked. */
static void
copy_procedures (ScsAssessment *from,
                 ScsAssessment *to)
{
  static const char * const printed[] = { SCS_M_PROCEDURE_PERFORMED, SCS_M_PROCEDURE_PLACE,
                                          SCS_M_PROCEDURE_DATE, SCS_M_PROCEDURE_INTERVIEWEE_TITLE,
                                          SCS_M_PROCEDURE_INTERVIEWEE_NAME, SCS_M_PROCEDURE_REFS,
                                          NULL };

  for (guint p = 0; p < SCS_N_PROCEDURES; p++)
    copy_members (SCS_RECORD (scs_assessment_get_procedure (from, p)),
                  SCS_RECORD (scs_assessment_get_procedure (to, p)), printed);
}

static void
copy_assessments (ScsEngagement *source,
                  ScsEngagement *copy,
                  gboolean       verdicts)
{
  GListModel *assessments = scs_engagement_get_assessments (source);
  static const char * const company[] = { SCS_M_ASSESSMENT_COMPANY_STATUS,
                                          SCS_M_ASSESSMENT_COMPANY_COMMENT, NULL };
  static const char * const expert[] = { SCS_M_ASSESSMENT_VERDICT,
                                         SCS_M_ASSESSMENT_EXPERT_COMMENT, NULL };

  ScsFramework *framework = scs_engagement_get_framework (source);
  ScsLevel level = scs_engagement_get_level (source);
  const ScsScale *scale = scs_engagement_get_verdict_scale (source);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (assessments, i);
      /* Only what the expert sees is given: a verdict kept for a criterion the level hides
       * (★4-only at ★3) or one the scale in use has no word for (再確認 after a change to
       * the assessment scale) is the expert's until shown again. */
      gboolean with_verdict = verdicts && scs_assessment_is_confirmed (a) &&
                              scs_framework_lookup (framework, level,
                                                    scs_assessment_get_criterion (a)) != NULL &&
                              scs_scale_lookup (scale, scs_assessment_get_verdict (a)) != NULL;
      ScsAssessment *into;

      if (!with_verdict && scs_assessment_get_company_status (a)[0] == '\0' &&
          scs_record_get_string (SCS_RECORD (a), SCS_M_ASSESSMENT_COMPANY_COMMENT)[0] == '\0')
        continue;
      into = scs_engagement_ensure_assessment (copy, scs_assessment_get_criterion (a));
      copy_members (SCS_RECORD (a), SCS_RECORD (into), company);
      if (with_verdict)
        {
          copy_members (SCS_RECORD (a), SCS_RECORD (into), expert);
          copy_procedures (a, into);
        }
    }
}

ScsEngagement *
scs_company_copy_new (ScsEngagement               *source,
                      const ScsCompanyCopyOptions *options,
                      GError                     **error)
{
  g_autoptr(ScsEngagement) copy = NULL;
  ScsCopyOrigin *origin;
  ScsRecord *record;
  gboolean plan, verdicts;
  g_autofree char *now = scs_now_datetime ();
  static const char * const top[] = { SCS_M_ENGAGEMENT_VERDICT_SCALE, SCS_M_ENGAGEMENT_COMPANY,
                                      SCS_M_ENGAGEMENT_EXPERT, SCS_M_ENGAGEMENT_DOCUMENTS,
                                      SCS_M_ENGAGEMENT_DIAGNOSIS, NULL };
  static const char * const framework[] = { SCS_M_FRAMEWORK_REF_ID, SCS_M_FRAMEWORK_REF_EDITION,
                                            SCS_M_FRAMEWORK_REF_CONTENT_HASH, NULL };

  g_return_val_if_fail (SCS_IS_ENGAGEMENT (source), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  /* A company copy passes on no more than it was given. */
  plan = options->plan;
  verdicts = options->verdicts;
  if (scs_engagement_is_company_copy (source))
    {
      ScsRecord *theirs = SCS_RECORD (scs_engagement_get_copy_origin (source));

      plan = plan && scs_record_get_boolean (theirs, SCS_M_COPY_ORIGIN_PLAN);
      verdicts = verdicts && scs_record_get_boolean (theirs, SCS_M_COPY_ORIGIN_VERDICTS);
    }
  if (plan && !scs_engagement_plan_is_agreed (source))
    {
      g_set_error_literal (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_NOT_WRITTEN,
                           _("The improvement plan has no agreed date, so it is still a draft: "
                             "set the date it was agreed with the company to include it."));
      return NULL;
    }

  copy = scs_engagement_new (scs_engagement_get_framework (source),
                             scs_engagement_get_level (source));
  record = SCS_RECORD (copy);
  scs_record_freeze_changes (record);

  copy_members (SCS_RECORD (source), record, top);
  copy_members (scs_record_get_object (SCS_RECORD (source), SCS_M_ENGAGEMENT_FRAMEWORK),
                scs_record_get_object (record, SCS_M_ENGAGEMENT_FRAMEWORK), framework);
  copy_visits (source, copy);

  origin = scs_engagement_get_copy_origin (copy);
  if (scs_engagement_is_company_copy (source))
    copy_record (SCS_RECORD (scs_engagement_get_copy_origin (source)), SCS_RECORD (origin));
  else
    {
      const char *id = scs_record_get_string (SCS_RECORD (source), SCS_M_ENGAGEMENT_ID);
      const char *company = scs_record_get_string (
        SCS_RECORD (scs_engagement_get_company (source)), SCS_M_COMPANY_NAME);

      scs_record_set_string (SCS_RECORD (origin), SCS_M_COPY_ORIGIN_SOURCE, id);
      scs_record_set_string (SCS_RECORD (origin), SCS_M_COPY_ORIGIN_SOURCE_CREATED,
                             scs_record_get_string (SCS_RECORD (source), SCS_M_ENGAGEMENT_CREATED));
      scs_record_set_string (SCS_RECORD (origin), SCS_M_COPY_ORIGIN_SOURCE_COMPANY, company);
    }
  scs_record_set_string (SCS_RECORD (origin), SCS_M_COPY_ORIGIN_MADE, now);
  scs_record_set_boolean (SCS_RECORD (origin), SCS_M_COPY_ORIGIN_PLAN, plan);
  scs_record_set_boolean (SCS_RECORD (origin), SCS_M_COPY_ORIGIN_VERDICTS, verdicts);

  copy_scope (source, copy, verdicts);
  copy_assessments (source, copy, verdicts);
  if (plan)
    copy_record (SCS_RECORD (scs_engagement_get_plan (source)),
                 SCS_RECORD (scs_engagement_get_plan (copy)));

  scs_record_thaw_changes (record);
  return g_steal_pointer (&copy);
}

gboolean
scs_company_copy_is_from (ScsEngagement *copy,
                          ScsEngagement *engagement)
{
  ScsRecord *origin;
  const char *source, *id;

  /* A company's own self-assessment names no engagement: comparing its blank source
   * with the engagement's would call every one of them another engagement's. */
  if (!scs_engagement_is_company_copy (copy) || scs_engagement_is_own_self_assessment (copy))
    return TRUE;
  origin = SCS_RECORD (scs_engagement_get_copy_origin (copy));
  source = scs_record_get_string (origin, SCS_M_COPY_ORIGIN_SOURCE);
  id = scs_record_get_string (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_ID);
  if (source[0] != '\0' && id[0] != '\0')
    return g_str_equal (source, id);
  /* One of them predates ids: the creation time is as particular, to the second. */
  return g_str_equal (scs_record_get_string (origin, SCS_M_COPY_ORIGIN_SOURCE_CREATED),
                      scs_record_get_string (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_CREATED));
}
