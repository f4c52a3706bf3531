/* fuzz-import.c — importing a company's self-assessment made of any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The current engagement is the bundled example; the incoming one is the input.
 */

#include "scs-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static ScsCatalog *catalog;
  static GBytes *example;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(ScsEngagement) current = NULL;
  g_autoptr(ScsEngagement) incoming = NULL;
  g_autoptr(ScsImportPlan) plan = NULL;

  if (catalog == NULL)
    {
      const char *path = g_getenv ("SCS_FUZZ_EXAMPLE");
      char *contents = NULL;
      gsize length = 0;

      catalog = scs_catalog_new_default ();
      g_assert (path != NULL && g_file_get_contents (path, &contents, &length, NULL));
      example = g_bytes_new_take (contents, length);
    }
  incoming = scs_storage_load_bytes (catalog, bytes, NULL, NULL);
  if (incoming == NULL)
    return 0;
  current = scs_storage_load_bytes (catalog, example, NULL, NULL);
  g_assert (current != NULL);
  plan = scs_import_compare (current, incoming);
  g_assert (plan != NULL);
  scs_import_apply (current, plan, NULL, NULL);
  return 0;
}
