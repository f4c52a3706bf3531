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

void scs_node_page_set_engagement   (ScsNodePage   *self,
                                     ScsEngagement *engagement);
void scs_node_page_show             (ScsNodePage   *self,
                                     ScsNode       *node);
void scs_node_page_set_company_mode (ScsNodePage   *self,
                                     gboolean       company_mode);
void scs_node_page_set_editable     (ScsNodePage   *self,
                                     gboolean       editable);

G_END_DECLS
