/* scs-ui-test.h — helpers for tests and benchmarks that drive real windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scs-window.h"

G_BEGIN_DECLS

/* gtk_test_init + adw_init, and an application that has run its startup. */
ScsApplication *scs_ui_test_init         (int         *argc,
                                          char      ***argv);
/* A new, presented window with a private copy of the file at path opened in it. */
ScsWindow      *scs_ui_test_open_copy    (ScsApplication *app,
                                          const char     *path,
                                          char          **copy_path);
void            scs_ui_test_iterate      (guint           msec);
gpointer        scs_ui_test_child        (gpointer        widget,
                                          GType           type,
                                          const char     *name);
ScsNode        *scs_ui_test_node         (ScsWindow      *window,
                                          const char     *id);
/* The first button under root (root included) showing the icon icon_name, or NULL. */
GtkWidget      *scs_ui_test_icon_button  (gpointer        root,
                                          const char     *icon_name);

G_END_DECLS
