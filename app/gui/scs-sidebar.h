/* scs-sidebar.h — the requirement tree with search and filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_SIDEBAR (scs_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (ScsSidebar, scs_sidebar, SCS, SIDEBAR, GtkBox)

typedef enum {
  SCS_SIDEBAR_FILTER_UNANSWERED   = 1 << 0,
  SCS_SIDEBAR_FILTER_IMPROVEMENT  = 1 << 1,
  SCS_SIDEBAR_FILTER_COMMENT      = 1 << 2,
  SCS_SIDEBAR_FILTER_DISAGREEMENT = 1 << 3,
  SCS_SIDEBAR_FILTER_FLAGGED      = 1 << 4,
} ScsSidebarFilter;

/* Property "company-mode" (see scs_view_bind): the company's answers stand where the
 * verdicts do, and the filters by what only the expert has are not offered.
 * Signal "activated" (ScsNode *criterion): Enter in the search field (on the first match,
 * which it selects) or on a criterion's row: the user wants to work on it. */
void      scs_sidebar_set_engagement (ScsSidebar    *self,
                                      ScsEngagement *engagement);
/* The node shown in the workspace; it stays listed whatever the filters. */
ScsNode  *scs_sidebar_get_selected   (ScsSidebar    *self);
void      scs_sidebar_select         (ScsSidebar    *self,
                                      ScsNode       *node);
/* The next (+1) or previous (-1) criterion that the filters show; NULL at the end. */
ScsNode  *scs_sidebar_step           (ScsSidebar    *self,
                                      int            direction);
void      scs_sidebar_focus_search   (ScsSidebar    *self);
void      scs_sidebar_set_search     (ScsSidebar    *self,
                                      const char    *text);
void      scs_sidebar_set_filters    (ScsSidebar    *self,
                                      ScsSidebarFilter filters);
/* The rows now listed (tests read them). */
GListModel *scs_sidebar_get_model    (ScsSidebar    *self);
/* Scans the visible criteria; the live status is refreshed after a short pause. */
void      scs_sidebar_refilter       (ScsSidebar    *self);

G_END_DECLS
