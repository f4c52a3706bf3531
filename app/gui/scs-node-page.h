/* scs-node-page.h — a category, subcategory or requirement: its roll-up and parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_NODE_PAGE (scs_node_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsNodePage, scs_node_page, SCS, NODE_PAGE, GtkWidget)

/* Properties "company-mode" and "editable" (see scs_view_bind). A part activated asks
 * the window to show it (win.show-node). */

void scs_node_page_set_engagement   (ScsNodePage   *self,
                                     ScsEngagement *engagement);
void scs_node_page_show             (ScsNodePage   *self,
                                     ScsNode       *node);

G_END_DECLS
