/* scs-engagement.h — an assessment engagement and its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Members are reached through ScsRecord's accessors and GObject properties, named as in
 * the file (see data/scs-engagement.schema.json). Lists are GListModels of records.
 */
#pragma once

#include "scs-framework.h"
#include "scs-members.h"
#include "scs-record.h"

G_BEGIN_DECLS

#define SCS_ENGAGEMENT_FORMAT "scs-assessor-engagement"
#define SCS_ENGAGEMENT_SCHEMA_VERSION 1

#define SCS_DECLARE_RECORD(TypeName, type_name, TYPE_NAME) \
  G_DECLARE_FINAL_TYPE (TypeName, type_name, SCS, TYPE_NAME, ScsRecord)

#define SCS_TYPE_FRAMEWORK_REF (scs_framework_ref_get_type ())
SCS_DECLARE_RECORD (ScsFrameworkRef, scs_framework_ref, FRAMEWORK_REF)
#define SCS_TYPE_COPY_ORIGIN (scs_copy_origin_get_type ())
SCS_DECLARE_RECORD (ScsCopyOrigin, scs_copy_origin, COPY_ORIGIN)
#define SCS_TYPE_SITE (scs_site_get_type ())
SCS_DECLARE_RECORD (ScsSite, scs_site, SITE)
#define SCS_TYPE_COMPANY (scs_company_get_type ())
SCS_DECLARE_RECORD (ScsCompany, scs_company, COMPANY)
#define SCS_TYPE_EXPERT (scs_expert_get_type ())
SCS_DECLARE_RECORD (ScsExpert, scs_expert, EXPERT)
#define SCS_TYPE_SCOPE_ANSWER (scs_scope_answer_get_type ())
SCS_DECLARE_RECORD (ScsScopeAnswer, scs_scope_answer, SCOPE_ANSWER)
#define SCS_TYPE_EXCLUSION (scs_exclusion_get_type ())
SCS_DECLARE_RECORD (ScsExclusion, scs_exclusion, EXCLUSION)
#define SCS_TYPE_SCOPE (scs_scope_get_type ())
SCS_DECLARE_RECORD (ScsScope, scs_scope, SCOPE)
#define SCS_TYPE_ATTENDEE (scs_attendee_get_type ())
SCS_DECLARE_RECORD (ScsAttendee, scs_attendee, ATTENDEE)
#define SCS_TYPE_AGENDA_ROW (scs_agenda_row_get_type ())
SCS_DECLARE_RECORD (ScsAgendaRow, scs_agenda_row, AGENDA_ROW)
#define SCS_TYPE_VISIT (scs_visit_get_type ())
SCS_DECLARE_RECORD (ScsVisit, scs_visit, VISIT)
#define SCS_TYPE_DOCUMENT (scs_document_get_type ())
SCS_DECLARE_RECORD (ScsDocument, scs_document, DOCUMENT)
#define SCS_TYPE_CHECKLIST_ANSWER (scs_checklist_answer_get_type ())
SCS_DECLARE_RECORD (ScsChecklistAnswer, scs_checklist_answer, CHECKLIST_ANSWER)
#define SCS_TYPE_REFERENCE (scs_reference_get_type ())
SCS_DECLARE_RECORD (ScsReference, scs_reference, REFERENCE)
#define SCS_TYPE_PROCEDURE (scs_procedure_get_type ())
SCS_DECLARE_RECORD (ScsProcedure, scs_procedure, PROCEDURE)
#define SCS_TYPE_ASSESSMENT (scs_assessment_get_type ())
SCS_DECLARE_RECORD (ScsAssessment, scs_assessment, ASSESSMENT)
#define SCS_TYPE_MATURITY (scs_maturity_get_type ())
SCS_DECLARE_RECORD (ScsMaturity, scs_maturity, MATURITY)
#define SCS_TYPE_PLAN_ITEM (scs_plan_item_get_type ())
SCS_DECLARE_RECORD (ScsPlanItem, scs_plan_item, PLAN_ITEM)
#define SCS_TYPE_PLAN (scs_plan_get_type ())
SCS_DECLARE_RECORD (ScsPlan, scs_plan, PLAN)
#define SCS_TYPE_ENGAGEMENT (scs_engagement_get_type ())
SCS_DECLARE_RECORD (ScsEngagement, scs_engagement, ENGAGEMENT)

/* The four evaluation procedures, in the order of the assessment sheet's columns. */
extern const char * const scs_procedure_names[];
#define SCS_N_PROCEDURES 4

/* The six questions of the scope questionnaire, in its order. */
extern const char * const scs_scope_question_ids[];

/* The expert's qualifications the app knows, as stored in expert.qualifications. */
extern const char * const scs_qualification_ids[];

ScsEngagement *scs_engagement_new              (ScsFramework  *framework,
                                                ScsLevel       level);
ScsFramework  *scs_engagement_get_framework    (ScsEngagement *self);
/* Attaches the engagement to framework: assessments whose criterion exists there are put
 * in the framework's order, the others are kept, after them, as orphans. */
void           scs_engagement_attach           (ScsEngagement *self,
                                                ScsFramework  *framework);
ScsLevel       scs_engagement_get_level        (ScsEngagement *self);
const ScsScale *scs_engagement_get_verdict_scale (ScsEngagement *self);
ScsCompany    *scs_engagement_get_company      (ScsEngagement *self);
ScsPlan       *scs_engagement_get_plan         (ScsEngagement *self);
GListModel    *scs_engagement_get_assessments  (ScsEngagement *self);

ScsAssessment *scs_engagement_get_assessment   (ScsEngagement *self,
                                                const char    *criterion_id);
/* The assessment of criterion_id, made (empty, and not counted as an edit) when missing. */
ScsAssessment *scs_engagement_ensure_assessment (ScsEngagement *self,
                                                 const char    *criterion_id);
/* The answer to checklist item item_id in the list "diagnosis" or "csm_check", made
 * (blank, not an edit, not saved while blank) when missing. */
ScsRecord     *scs_engagement_ensure_checklist_answer (ScsEngagement *self,
                                                       const char    *list_name,
                                                       const char    *item_id);
/* The answer to a scope question (scs_scope_question_ids), made like the above. */
ScsRecord     *scs_engagement_ensure_scope_answer (ScsEngagement *self,
                                                   const char    *question);
/* Visit number (1…99), made when missing without counting as an edit (a new engagement
 * has three; a file without them gets them when its visits are shown). */
ScsRecord     *scs_engagement_get_current_visit (ScsEngagement *self);
ScsRecord     *scs_engagement_ensure_visit     (ScsEngagement *self,
                                                int            number);
/* The maturity record of a subcategory, made (blank, not an edit) when missing. */
ScsMaturity   *scs_engagement_ensure_maturity  (ScsEngagement *self,
                                                const char    *subcategory_id);
/* An id for a new entry of the document inventory: DOC-nn, one past the highest in use. */
char          *scs_engagement_new_document_id  (ScsEngagement *self);
/* The inventory entry titled exactly title, or NULL (borrowed). */
ScsRecord     *scs_engagement_find_document_by_title (ScsEngagement *self,
                                                      const char    *title);
gboolean       scs_engagement_is_orphan        (ScsEngagement *self,
                                                ScsAssessment *assessment);
/* The assessments whose criterion the attached framework does not have. */
GPtrArray     *scs_engagement_list_orphans     (ScsEngagement *self);

const char    *scs_assessment_get_criterion    (ScsAssessment *self);
const char    *scs_assessment_get_verdict      (ScsAssessment *self);
const char    *scs_assessment_get_company_status (ScsAssessment *self);
const char    *scs_assessment_get_expert_comment (ScsAssessment *self);
ScsProcedure  *scs_assessment_get_procedure    (ScsAssessment *self,
                                                guint          index);

G_END_DECLS
