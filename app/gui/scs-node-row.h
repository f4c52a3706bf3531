/* scs-node-row.h — a row that leads to a node of the framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-core.h"
#include "scs-status.h"

G_BEGIN_DECLS

#define SCS_TYPE_NODE_ROW (scs_node_row_get_type ())
G_DECLARE_FINAL_TYPE (ScsNodeRow, scs_node_row, SCS, NODE_ROW, AdwActionRow)

/* An activatable row for node ending in an arrow; with_status: an icon and a label
 * before the arrow, for scs_node_row_show_status. */
GtkWidget *scs_node_row_new         (ScsNode             *node,
                                     gboolean             with_status);
ScsNode   *scs_node_row_get_node    (ScsNodeRow          *self);
void       scs_node_row_show_status (ScsNodeRow          *self,
                                     const ScsStatusLook *look);

G_END_DECLS
