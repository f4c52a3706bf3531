/* scs-dashboard-page.h — the engagement at a glance: key figures, readiness, the radar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_DASHBOARD_PAGE (scs_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsDashboardPage, scs_dashboard_page, SCS, DASHBOARD_PAGE, GtkWidget)

/* Property "company-mode" (see scs_view_bind). */

/* checklist: the five-minute diagnosis, or NULL. */
void scs_dashboard_page_set_engagement   (ScsDashboardPage *self,
                                          ScsEngagement    *engagement,
                                          ScsFramework     *checklist);
/* Brings the figures up to date now (they follow edits by themselves, shortly after). */
void scs_dashboard_page_refresh          (ScsDashboardPage *self);
/* Writes the radar image as the Export button does, at the size chosen there. */
gboolean scs_dashboard_page_export_radar (ScsDashboardPage *self,
                                          GFile            *file,
                                          GError          **error);
/* The criterion a row of the readiness list leads to; NULL for the row that says how many
 * more there are. */
ScsNode *scs_dashboard_page_get_row_node (ScsDashboardPage *self,
                                          GtkListBoxRow    *row);

G_END_DECLS
