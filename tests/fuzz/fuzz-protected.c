/* fuzz-protected.c — opening passphrase-protected bytes, and sealing any bytes back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input that starts with the protected magic is opened with the seeds' passphrase
 * ("fuzz"): refused with a message, or opened into an engagement. Any other input is
 * sealed and must open back to the same bytes. The seeds (seeds-protected/) are sealed at
 * Argon2id's lowest cost, so that a run is not all key derivation; a header asking for
 * more is refused before deriving, and its checksum keeps mutations from getting there.
 */

#include "scs-core.h"
#include "scs-protect-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static ScsCatalog *catalog;
  static ScsProtectKey *key;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;

  if (catalog == NULL)
    {
      catalog = scs_catalog_new_default ();
      scs_protect_set_kdf_limits (1, 8192);
      /* Kept: its derivation is reused while the salt stays the seeds'. */
      key = scs_protect_key_new ("fuzz");
    }
  if (scs_protect_is_sealed (data, size))
    {
      g_autoptr(ScsEngagement) engagement =
        scs_storage_open_bytes (catalog, bytes, SCS_LOAD_ALLOW_NEWER, key, NULL, &error);

      g_assert ((engagement == NULL) == (error != NULL));
      if (engagement == NULL)
        g_assert (error->message[0] != '\0');
    }
  else
    {
      g_autoptr(GBytes) sealed = scs_protect_seal (key, bytes, &error);
      g_autoptr(GBytes) opened = NULL;

      g_assert (sealed != NULL);
      g_assert (g_bytes_get_size (sealed) == size + scs_protect_overhead (size));
      opened = scs_protect_open (sealed, key, G_MAXSIZE, &error);
      g_assert (opened != NULL && g_bytes_equal (opened, bytes));
    }
  return 0;
}
