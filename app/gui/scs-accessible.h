/* scs-accessible.h — names a screen reader can say, where GTK 4.8 gives none or two
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Once per process: buttons and check buttons with a mnemonic are named by their label
 * alone, every one, libadwaita's dialog responses included. */
void scs_accessible_install           (void);
/* Names the switch of a row made with show-enable-switch, which libadwaita 1.2 leaves
 * unnamed ("GtkSwitch"): name is what it switches on. */
void scs_accessible_name_enable_switch (AdwExpanderRow *row,
                                        const char     *name);

G_END_DECLS
