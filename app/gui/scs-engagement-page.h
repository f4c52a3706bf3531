/* scs-engagement-page.h — the engagement beyond the criteria, a section at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-checklist-page.h"
#include "scs-company-page.h"
#include "scs-documents-page.h"
#include "scs-plan-page.h"
#include "scs-scope-page.h"
#include "scs-visits-page.h"

G_BEGIN_DECLS

#define SCS_TYPE_ENGAGEMENT_PAGE (scs_engagement_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsEngagementPage, scs_engagement_page, SCS, ENGAGEMENT_PAGE, GtkWidget)

/* Properties "company-mode" and "editable" (see scs_view_bind); in company mode the CSM
 * check sheet is not offered, nor the improvement plan unless the company is given it. */

/* catalog gives the checklists (the five-minute diagnosis, the CSM check sheet). */
void scs_engagement_page_set_context  (ScsEngagementPage *self,
                                       ScsEngagement     *engagement,
                                       ScsHistory        *history,
                                       ScsCatalog        *catalog);
/* Shows the section named: "company", "scope", "visits", "documents",
 * "diagnosis", "csm" or "plan". */
void scs_engagement_page_show_section (ScsEngagementPage *self,
                                       const char        *name);

ScsPlanPage *scs_engagement_page_get_plan_page (ScsEngagementPage *self);
/* In company mode, what the company is given: the agreed plan (shown read-only), the
 * confirmed verdicts and the judgements of scope exclusions. */
void scs_engagement_page_set_shared       (ScsEngagementPage *self,
                                           gboolean           plan,
                                           gboolean           verdicts);

G_END_DECLS
