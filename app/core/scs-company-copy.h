/* scs-company-copy.h — the engagement as the company may have it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A company copy is built member by member from a list of what the company may see; what
 * is not on the list (internal notes, verdicts awaiting follow-up, the evidence notes,
 * maturity, visit notes, members this version does not know) never gets into it.
 */
#pragma once

#include "scs-engagement.h"

G_BEGIN_DECLS

typedef struct {
  gboolean plan;      /* the improvement plan, once agreed (plan.agreed_date set) */
  gboolean verdicts;  /* confirmed verdicts with their comments and what the sheet prints of
                       * their evidence, and the expert's judgement of scope exclusions */
} ScsCompanyCopyOptions;

/* Whether the engagement is a company copy (it names the engagement it came from). */
gboolean       scs_engagement_is_company_copy (ScsEngagement *self);
/* Whether the engagement is a company's own self-assessment: of the company-copy kind,
 * started by the company with no expert's engagement behind it (no source, no creation
 * time of one). */
gboolean       scs_engagement_is_own_self_assessment (ScsEngagement *self);
/* Blank in the expert's own file. */
ScsCopyOrigin *scs_engagement_get_copy_origin (ScsEngagement *self);
/* Whether the improvement plan has been agreed with the company (has its agreed date). */
gboolean       scs_engagement_plan_is_agreed  (ScsEngagement *self);
/* Whether the verdict of a is confirmed: given and not marked for follow-up. */
gboolean       scs_assessment_is_confirmed    (ScsAssessment *a);

/* A new engagement holding only what the company may see of source, attached to the same
 * framework. A copy of a company copy keeps its origin and holds no more than it did.
 * Fails (SCS_FORMAT_ERROR_NOT_WRITTEN) when options->plan asks for a plan not agreed yet. */
ScsEngagement *scs_company_copy_new           (ScsEngagement               *source,
                                               const ScsCompanyCopyOptions *options,
                                               GError                     **error);

/* Whether copy (a company copy) was made from engagement; TRUE when it is not a company
 * copy, or is a company's own self-assessment (made from no engagement, so from no other
 * one either). Engagements made before ids existed are told apart by their creation time. */
gboolean       scs_company_copy_is_from       (ScsEngagement *copy,
                                               ScsEngagement *engagement);

G_END_DECLS
