/* scs-resave.c — load an engagement and save it again (a test helper)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: scs-resave IN OUT. Exit 1 with the load error when IN is refused.
 */
#include <stdio.h>

#include "scs-core.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(ScsEngagement) engagement = NULL;
  g_autoptr(GFile) in = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      fputs ("usage: scs-resave IN OUT\n", stderr);
      return 2;
    }
  catalog = scs_catalog_new_default ();
  in = g_file_new_for_commandline_arg (argv[1]);
  out = g_file_new_for_commandline_arg (argv[2]);
  engagement = scs_storage_load (catalog, in, NULL, &error);
  if (engagement != NULL)
    bytes = scs_storage_serialize (engagement);
  /* As the app saves: never what it would refuse to open. */
  if (engagement == NULL || !scs_storage_verify (catalog, bytes, &error) ||
      !scs_storage_write (bytes, out, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  return 0;
}
