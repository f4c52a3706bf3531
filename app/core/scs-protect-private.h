/* scs-protect-private.h — for tests and benchmarks of protected files only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the Argon2id cost of files sealed from now on (a key already derived keeps its
 * own); 0 puts the default back. Tests that open hundreds of damaged files lower it. */
void scs_protect_set_kdf_limits (guint64 opslimit,
                                 gsize   memlimit);

G_END_DECLS
