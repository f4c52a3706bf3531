/* scs-seal.c — protect an engagement file with a passphrase (a test helper)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: scs-seal IN OUT PASSPHRASE. The JSON of IN, as the app would save it, sealed at
 * the lowest Argon2id cost so that the tests that open it stay quick; the app opens any
 * cost within its bounds. Exit 1 with the error when IN is refused.
 */
#include <stdio.h>

#include "scs-core.h"
#include "scs-protect-private.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(ScsEngagement) engagement = NULL;
  g_autoptr(ScsProtectKey) key = NULL;
  g_autoptr(GFile) in = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 4 || argv[3][0] == '\0')
    {
      fputs ("usage: scs-seal IN OUT PASSPHRASE\n", stderr);
      return 2;
    }
  /* Argon2id's minimum: 1 pass over 8 KiB. */
  scs_protect_set_kdf_limits (1, 8192);
  catalog = scs_catalog_new_default ();
  in = g_file_new_for_commandline_arg (argv[1]);
  out = g_file_new_for_commandline_arg (argv[2]);
  key = scs_protect_key_new (argv[3]);
  engagement = scs_storage_load (catalog, in, NULL, &error);
  if (engagement != NULL)
    bytes = scs_storage_serialize (engagement);
  if (engagement == NULL || !scs_storage_verify (catalog, bytes, &error) ||
      (sealed = scs_storage_protect (bytes, key, &error)) == NULL ||
      !scs_storage_write (sealed, out, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  return 0;
}
