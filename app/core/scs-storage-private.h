/* scs-storage-private.h — shared by the storage layer's files (scs-storage.c reads,
 * scs-storage-write.c writes) and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the size limit of engagement files (reading, writing, choosing the compact form) in
 * place of SCS_STORAGE_MAX_SIZE; 0 puts SCS_STORAGE_MAX_SIZE back. */
void  scs_storage_set_max_size (gsize max);
/* The limit now: SCS_STORAGE_MAX_SIZE unless a test lowered it. */
gsize scs_storage_get_max_size (void);

G_END_DECLS
