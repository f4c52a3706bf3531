/* fuzz-framework.c — the framework loader on any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "scs-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsFramework) framework = scs_framework_new_from_bytes (bytes, "fuzz", &error);

  if (framework == NULL)
    g_assert (error != NULL && error->message[0] != '\0');
  else
    for (int level = 3; level <= 4; level++)
      if (scs_framework_has_level (framework, level))
        {
          GListModel *all = scs_framework_get_assessables (framework, level);

          for (guint i = 0; i < g_list_model_get_n_items (all); i++)
            {
              g_autoptr(ScsNode) node = g_list_model_get_item (all, i);

              g_assert (scs_framework_lookup (framework, level, scs_node_get_id (node)) == node);
            }
        }
  return 0;
}
