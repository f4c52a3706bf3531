/* scs-plan-page.h — the improvement plan (改善計画書)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_PLAN_PAGE (scs_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsPlanPage, scs_plan_page, SCS, PLAN_PAGE, GtkWidget)

/* Property "editable" (see scs_view_bind). */
void       scs_plan_page_set_context  (ScsPlanPage   *self,
                                       ScsEngagement *engagement,
                                       ScsHistory    *history);
/* A new plan item (the next id, P1, P2, …), linked to criterion when not NULL and then
 * titled after it; its row opens. Returns it (borrowed). One criterion, one item made for
 * it: when an item already names criterion, that item's row opens and it is returned, so
 * a second click (a double-click, the criterion page's button again) adds nothing. */
ScsRecord *scs_plan_page_add_item     (ScsPlanPage   *self,
                                       ScsNode       *criterion);
/* Orders the rows by priority (urgency, then importance, high first; then the easier
 * first) or as written. */
void       scs_plan_page_set_sorted   (ScsPlanPage   *self,
                                       gboolean       by_priority);
/* The item shown at position, in the order on show (borrowed); NULL past the end. */
ScsRecord *scs_plan_page_get_item_at  (ScsPlanPage   *self,
                                       guint          position);
/* The first plan item naming the criterion with id criterion_id (borrowed), or NULL. */
ScsRecord *scs_plan_page_find_item    (ScsEngagement *engagement,
                                       const char    *criterion_id);
/* The criteria that do not conform and no plan item names, in framework order. */
GPtrArray *scs_plan_page_uncovered    (ScsEngagement *engagement);

G_END_DECLS
