/* scs-criterion-page.h — one criterion: texts, self-assessment, evidence, verdict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_CRITERION_PAGE (scs_criterion_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsCriterionPage, scs_criterion_page, SCS, CRITERION_PAGE, GtkWidget)

/* Properties "company-mode" and "editable" (see scs_view_bind). */

void           scs_criterion_page_set_context  (ScsCriterionPage *self,
                                                ScsEngagement    *engagement,
                                                ScsHistory       *history);
void           scs_criterion_page_show         (ScsCriterionPage *self,
                                                ScsNode          *criterion);
ScsAssessment *scs_criterion_page_get_assessment (ScsCriterionPage *self);
/* In company mode, whether the company is given the confirmed verdicts: they then show
 * read-only with the ○ of their procedures. */
void           scs_criterion_page_set_shared_verdicts (ScsCriterionPage *self,
                                                       gboolean          shared);
/* index counts from 1 in the scale's order; choosing the value already set clears it. */
gboolean       scs_criterion_page_choose_company_status (ScsCriterionPage *self,
                                                         guint             index);
gboolean       scs_criterion_page_choose_verdict (ScsCriterionPage *self,
                                                  guint             index);
/* Puts the focus at the top of the form, on the company's status (the comment of the
 * user's side when that cannot be edited), and scrolls it into view. The choose
 * functions put it on the comment that goes with the choice. */
void           scs_criterion_page_focus_input  (ScsCriterionPage *self);
/* Adds a reference to a file to the system-function evidence (size and SHA-256 are
 * computed off the main loop); used by the file chooser and by tests. */
void           scs_criterion_page_add_file     (ScsCriterionPage *self,
                                                GFile            *file);
/* How many files given to scs_criterion_page_add_file are still being read. */
guint          scs_criterion_page_get_n_hashing (ScsCriterionPage *self);
/* Who the interview evidence may name without retyping, as attendee records (title and
 * name; new references): the interviewee last entered on another criterion, then the
 * company's attendees of the visit under way (dated today, else the latest one held). */
GPtrArray     *scs_criterion_page_interviewee_choices (ScsCriterionPage *self);
/* Names choice (one of the above) as the interviewee and switches the interview on, as
 * one step of history. */
void           scs_criterion_page_choose_interviewee  (ScsCriterionPage *self,
                                                       ScsRecord        *choice);
/* The height of the pane with the criterion's texts follows the setting
 * "criterion-text-height" both ways. */
void           scs_criterion_page_bind_settings (ScsCriterionPage *self,
                                                 GSettings        *settings);

G_END_DECLS
