/* scs-test.c — helpers shared by the unit tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <locale.h>

#include "scs-test.h"

void
scs_test_init (int    *argc,
               char ***argv)
{
  /* Messages are checked in English; the Japanese ones are checked by the CLI test. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

ScsCatalog *
scs_test_catalog (void)
{
  ScsCatalog *catalog = scs_catalog_new ();

  scs_catalog_add_builtin (catalog);
  g_assert_cmpuint (scs_catalog_get_errors (catalog)->len, ==, 0);
  return catalog;
}

char *
scs_test_data_path (const char *name)
{
  return g_build_filename (g_getenv ("SCS_TEST_DATA"), name, NULL);
}

ScsEngagement *
scs_test_load (ScsCatalog *catalog,
               const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ScsEngagement *engagement = scs_storage_load (catalog, file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (engagement);
  return engagement;
}

char *
scs_test_sha256_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &data, &size, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
}

void
scs_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        scs_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
