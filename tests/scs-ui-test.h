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
/* Runs the main loop until nothing is pending: what an action queued as idles has done by
 * then. Waits for no timer: use scs_ui_test_wait for what comes later. */
void            scs_ui_test_flush        (void);
/* Runs the main loop until done (data) holds. After SCS_UI_TEST_TIMEOUT seconds (times
 * $SCS_TEST_TIMEOUT_SCALE, for slow runs under sanitizers) the test fails naming what. */
void            scs_ui_test_wait         (gboolean      (*done) (gpointer data),
                                          gpointer        data,
                                          const char     *what);
/* As scs_ui_test_wait, with an expression evaluated at every turn of the main loop. */
#define SCS_UI_TEST_WAIT_FOR(expr, what)                                        \
  G_STMT_START {                                                                \
    gint64 scs_ui_test_deadline_ = scs_ui_test_deadline ();                     \
    while (!(expr))                                                             \
      scs_ui_test_turn (scs_ui_test_deadline_, (what), G_STRLOC);              \
  } G_STMT_END
#define SCS_UI_TEST_TIMEOUT 10
/* For SCS_UI_TEST_WAIT_FOR: when a wait must give up, and one turn of the main loop before. */
gint64          scs_ui_test_deadline     (void);
void            scs_ui_test_turn         (gint64          deadline,
                                          const char     *what,
                                          const char     *where);
/* Destroys a window (or dialog) the test made and asserts it is freed, and with a
 * ScsWindow the engagement it had open too: nothing else may still hold them. */
#define scs_ui_test_destroy(window) scs_ui_test_destroy_at ((window), G_STRLOC)
void            scs_ui_test_destroy_at   (gpointer        window,
                                          const char     *where);
gpointer        scs_ui_test_child        (gpointer        widget,
                                          GType           type,
                                          const char     *name);
ScsNode        *scs_ui_test_node         (ScsWindow      *window,
                                          const char     *id);
/* The first button under root (root included) showing the icon icon_name, or NULL. */
GtkWidget      *scs_ui_test_icon_button  (gpointer        root,
                                          const char     *icon_name);

G_END_DECLS
