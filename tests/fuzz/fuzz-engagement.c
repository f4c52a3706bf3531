/* fuzz-engagement.c — the engagement loader on any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "scs-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static ScsCatalog *catalog;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(ScsEditionReport) report = NULL;
  g_autoptr(ScsEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;

  if (catalog == NULL)
    catalog = scs_catalog_new_default ();
  engagement = scs_storage_load_bytes_full (catalog, bytes, SCS_LOAD_ALLOW_NEWER, &report, &error);
  /* Refused with a message, or loaded and serializable again. */
  if (engagement == NULL)
    g_assert (error != NULL && error->message[0] != '\0');
  else
    {
      g_autoptr(GBytes) again = scs_storage_serialize (engagement);

      g_assert (g_bytes_get_size (again) > 0);
    }
  return 0;
}
