/* scs-scoring.h — conformance, counts, readiness, inflation, diagnosis and benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Views never compute a score: they ask here. Everything is computed on demand from the
 * engagement and its framework; nothing is cached, so nothing can go stale.
 */
#pragma once

#include "scs-engagement.h"

G_BEGIN_DECLS

typedef enum {
  SCS_CONFORMANCE_UNANSWERED,     /* no verdict yet (for groups: none of them has one) */
  SCS_CONFORMANCE_CONFORMS,
  SCS_CONFORMANCE_NOT_CONFORMING, /* needs improvement, re-check or non-conforming */
  SCS_CONFORMANCE_NOT_APPLICABLE,
  SCS_CONFORMANCE_INCOMPLETE,     /* groups: some unanswered, none failing */
} ScsConformance;

/* Which verdicts an output counts. A verdict marked for follow-up is one the expert has not
 * confirmed yet: where it does not count it is treated as no verdict at all, in every
 * figure, so that a number never contradicts the rows printed beside it. Every caller says
 * which it wants. */
typedef enum {
  SCS_COUNT_CONFIRMED,       /* verdicts marked for follow-up count as not yet evaluated */
  SCS_COUNT_WITH_FOLLOW_UP,  /* every verdict counts */
} ScsCount;

typedef struct {
  guint          n_criteria;        /* in the engagement's level */
  guint          n_answered;        /* with a verdict */
  guint          n_conforming;
  guint          n_not_conforming;
  guint          n_not_applicable;
  guint          n_unanswered;
  guint          n_missing_comment; /* verdict needs a comment and has none */
  guint          n_inflated;        /* company says done or partly, expert does not agree */
  guint          n_follow_up;       /* marked for follow-up, counted or not */
  guint          n_uncounted;       /* with a verdict that count leaves out */
  guint          n_company_answered;
  double         company_credit;    /* sum of the company scale's credits */
  guint          n_company_weighed; /* answers that carry a credit (n/a does not) */
  ScsConformance conformance;
} ScsTally;

typedef enum {
  SCS_BLOCKER_UNANSWERED,
  SCS_BLOCKER_NOT_CONFORMING,
  SCS_BLOCKER_MISSING_REASON,       /* n/a without the comment that says why */
} ScsBlockerReason;

typedef struct {
  ScsNode             *criterion;
  ScsBlockerReason     reason;
  const ScsScaleValue *verdict;     /* the counted verdict when it does not conform */
} ScsBlocker;

typedef struct {
  int              score;           /* sum of points; meaningful when complete */
  guint            n_items;
  guint            n_answered;
  gboolean         complete;
  const ScsBand   *band;            /* when complete */
  GPtrArray       *follow_up;       /* ScsNode items answered “don't know” */
} ScsDiagnosisResult;

/* What a verdict's scale value counts as — the one rule of what conforms: a value marked
 * not applicable is that whatever else it says; NULL is no verdict. */
ScsConformance scs_verdict_conformance          (const ScsScaleValue *verdict);
/* The company's status on the framework's company scale, or NULL when unanswered. */
const ScsScaleValue *scs_engagement_get_company_value (ScsEngagement *self,
                                                       ScsAssessment *assessment);
/* The verdict's scale value, counted or not (what the expert's own views show). */
const ScsScaleValue *scs_engagement_get_verdict_value (ScsEngagement *self,
                                                       ScsAssessment *assessment);
/* Whether the expert's judgement of assessment — verdict and comment — is part of an output
 * that counts count: FALSE for NULL, and for a verdict marked for follow-up when count is
 * SCS_COUNT_CONFIRMED. */
gboolean       scs_assessment_counts            (ScsAssessment *assessment,
                                                 ScsCount       count);
/* The verdict's scale value where it counts, else NULL (no verdict). */
const ScsScaleValue *scs_engagement_get_counted_verdict (ScsEngagement *self,
                                                         ScsAssessment *assessment,
                                                         ScsCount       count);
ScsConformance scs_engagement_get_conformance   (ScsEngagement *self,
                                                 const char    *criterion_id,
                                                 ScsCount       count);
gboolean       scs_engagement_is_missing_comment (ScsEngagement *self,
                                                  ScsAssessment *assessment,
                                                  ScsCount       count);
/* A requirement's one evaluation, by the guide's strict rule: it conforms only when every
 * criterion of it conforms, not-applicable ones aside; when all are not applicable it is
 * not applicable; one that does not conform makes it not conform, whatever the others say.
 * The criteria are borrowed from the framework (a requirement without criteria stands for
 * itself). */
typedef struct {
  ScsConformance       conformance;
  const ScsScaleValue *verdict;          /* the value to print; NULL while not evaluated */
  GPtrArray           *failing;          /* ScsNode: criteria that do not conform */
  GPtrArray           *unanswered;       /* ScsNode: criteria with no counted verdict */
  GPtrArray           *missing_comment;  /* ScsNode: verdict needs a comment, has none */
} ScsRequirementVerdict;

void           scs_engagement_get_requirement_verdict (ScsEngagement         *self,
                                                       ScsNode               *requirement,
                                                       ScsCount               count,
                                                       ScsRequirementVerdict *result);
void           scs_requirement_verdict_clear    (ScsRequirementVerdict *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScsRequirementVerdict, scs_requirement_verdict_clear)

/* The company says done or partly, and the expert's counted verdict does not conform. */
gboolean       scs_engagement_is_inflated       (ScsEngagement *self,
                                                 ScsAssessment *assessment,
                                                 ScsCount       count);
/* The company and the expert's counted verdict disagree: the company calls the criterion
 * done and the verdict does not conform, or the other way; or one of them calls it not
 * applicable and the other does not. FALSE while either has not answered. */
gboolean       scs_engagement_disagrees         (ScsEngagement *self,
                                                 ScsAssessment *assessment,
                                                 ScsCount       count);

/* Counts over node (a category, subcategory, requirement or criterion of the engagement's
 * level), or over the whole level when node is NULL. */
void           scs_engagement_tally             (ScsEngagement *self,
                                                 ScsNode       *node,
                                                 ScsCount       count,
                                                 ScsTally      *tally);
/* Conforming criteria over applicable ones (unanswered count as not conforming), 0..1;
 * -1 when nothing applies. */
double         scs_tally_get_rate               (const ScsTally *tally);
/* The company's own view: done 1, partly 0.5, the rest 0, n/a left out; -1 when none. */
double         scs_tally_get_company_rate       (const ScsTally *tally);

/* Whether every criterion of the level conforms (or is justified n/a), counting the
 * verdicts count counts. blockers receives a new array of ScsBlocker in the framework's
 * order; a verdict left out blocks as “no verdict yet”. */
gboolean       scs_engagement_get_readiness     (ScsEngagement *self,
                                                 ScsCount       count,
                                                 GPtrArray    **blockers);

/* Why a criterion blocks readiness, in words (“no verdict yet”); a verdict that does not
 * conform is named as the engagement's scale names it (改善要, or 不適合 on the official
 * sheet's scale), so the list reads like the verdicts the expert chose. */
const char    *scs_blocker_describe             (const ScsBlocker *blocker);

/* The five-minute diagnosis, scored with checklist's answer points and bands. */
void           scs_engagement_score_diagnosis   (ScsEngagement      *self,
                                                 ScsFramework       *checklist,
                                                 ScsDiagnosisResult *result);
/* The same for the answers in list_name ("diagnosis" or "csm_check"), scored with
 * checklist's points and bands where it has them; follow_up lists the items whose answer
 * asks for one. */
void           scs_engagement_score_checklist   (ScsEngagement      *self,
                                                 ScsFramework       *checklist,
                                                 const char         *list_name,
                                                 ScsDiagnosisResult *result);
void           scs_diagnosis_result_clear       (ScsDiagnosisResult *result);

/* Answers the engagement keeps for criteria that level leaves out (the ★4-only ones at ★3):
 * not blank, not orphans, hidden from every view and output of that level but saved. */
guint          scs_engagement_count_hidden_answers (ScsEngagement *self,
                                                    ScsLevel       level);
/* Verdicts that are not values of the engagement's scale (kept from another scale of the
 * framework when the scale was changed): shown as no verdict, saved as they are. */
guint          scs_engagement_count_foreign_verdicts (ScsEngagement *self);
/* The value of to that verdict (a value of any verdict scale of framework) is carried to
 * when the scale changes: itself when to has it; else the value of to that means the same
 * (conforms, not applicable, or the severe kind of not conforming); NULL when to has no
 * such value or when verdict is not its scale's one value of that meaning (a “re-check”
 * beside “non-conforming”), so that switching back and forth loses nothing. */
const char    *scs_verdict_carry_over           (ScsFramework   *framework,
                                                 const char     *verdict,
                                                 const ScsScale *to);

/* The 2025 demonstration's rate for the subcategory (NULL: overall) among companies of
 * the engagement's employee band; -1 where there is no figure. */
int            scs_engagement_get_benchmark     (ScsEngagement *self,
                                                 const char    *subcategory_id,
                                                 const char   **source);

G_END_DECLS
