/* scs-keynav.h — groups of controls that are one stop for Tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes group one stop for Tab: Tab and Shift+Tab leave it at once, wherever in it the
 * focus is. With arrows, Left/Up and Right/Down move the focus to the previous or next
 * shown child of group (into a child that is not focusable itself, as a flow box's). */
void scs_keynav_group (GtkWidget *group,
                       gboolean   arrows);

G_END_DECLS
