/* scs-paned-share.h — a pane that gives way when its window is small
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Keeps paned's start child at the position asked for (by the person dragging, or by a
 * setting) but never more than share (0…1) of the paned's length: on a laptop or a
 * projector the sidebar or the pinned texts yield space to the form. The wanted position
 * comes back when the window grows again. */
void scs_paned_limit_share (GtkPaned *paned,
                            double    share);
void scs_paned_limit_share_bind (GtkPaned   *paned,
                                 GSettings  *settings,
                                 const char *key);

G_END_DECLS
