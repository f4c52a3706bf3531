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

typedef struct {
  guint          n_criteria;        /* in the engagement's level */
  guint          n_answered;        /* with a verdict */
  guint          n_conforming;
  guint          n_not_conforming;
  guint          n_not_applicable;
  guint          n_unanswered;
  guint          n_missing_comment; /* verdict needs a comment and has none */
  guint          n_inflated;        /* company says done or partly, expert does not agree */
  guint          n_follow_up;
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
  ScsNode         *criterion;
  ScsBlockerReason reason;
} ScsBlocker;

typedef struct {
  int              score;           /* sum of points; meaningful when complete */
  guint            n_items;
  guint            n_answered;
  gboolean         complete;
  const ScsBand   *band;            /* when complete */
  GPtrArray       *follow_up;       /* ScsNode items answered “don't know” */
} ScsDiagnosisResult;

const ScsScaleValue *scs_engagement_get_verdict_value (ScsEngagement *self,
                                                       ScsAssessment *assessment);
ScsConformance scs_engagement_get_conformance   (ScsEngagement *self,
                                                 const char    *criterion_id);
gboolean       scs_engagement_is_missing_comment (ScsEngagement *self,
                                                  ScsAssessment *assessment);
gboolean       scs_engagement_is_inflated       (ScsEngagement *self,
                                                 ScsAssessment *assessment);

/* Counts over node (a category, subcategory, requirement or criterion of the engagement's
 * level), or over the whole level when node is NULL. */
void           scs_engagement_tally             (ScsEngagement *self,
                                                 ScsNode       *node,
                                                 ScsTally      *tally);
/* Conforming criteria over applicable ones (unanswered count as not conforming), 0..1;
 * -1 when nothing applies. */
double         scs_tally_get_rate               (const ScsTally *tally);
/* The company's own view: done 1, partly 0.5, the rest 0, n/a left out; -1 when none. */
double         scs_tally_get_company_rate       (const ScsTally *tally);

/* Whether every criterion of the level conforms (or is justified n/a). blockers receives
 * a new array of ScsBlocker in the framework's order. */
gboolean       scs_engagement_get_readiness     (ScsEngagement *self,
                                                 GPtrArray    **blockers);

/* Why a criterion blocks readiness, in words (“no verdict yet”). */
const char    *scs_blocker_reason_describe      (ScsBlockerReason reason);

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

/* The 2025 demonstration's rate for the subcategory (NULL: overall) among companies of
 * the engagement's employee band; -1 where there is no figure. */
int            scs_engagement_get_benchmark     (ScsEngagement *self,
                                                 const char    *subcategory_id,
                                                 const char   **source);

G_END_DECLS
