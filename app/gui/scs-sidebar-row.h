/* scs-sidebar-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_SIDEBAR_ROW (scs_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (ScsSidebarRow, scs_sidebar_row, SCS, SIDEBAR_ROW, GtkWidget)

GtkWidget *scs_sidebar_row_new  (void);
/* Shows node with its live status in engagement; NULLs unbind. */
void       scs_sidebar_row_bind (ScsSidebarRow *self,
                                 ScsNode       *node,
                                 ScsEngagement *engagement,
                                 gboolean       company_mode);
/* What assistive technology reads for the row (also used by tests). */
const char *scs_sidebar_row_get_summary (ScsSidebarRow *self);
/* How it stands, the end of the summary: its accessible description. */
const char *scs_sidebar_row_get_status  (ScsSidebarRow *self);

G_END_DECLS
