/* scs-storage-private.h — for tests of the storage layer only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the size limit of engagement files (reading, writing, choosing the compact form) in
 * place of SCS_STORAGE_MAX_SIZE; 0 puts SCS_STORAGE_MAX_SIZE back. */
void scs_storage_set_max_size (gsize max);

G_END_DECLS
