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

static void
test_case_free (gpointer data)
{
  ScsTestCase *c = data;

  g_free (c->name);
  g_free (c->path);
  g_free (c->message);
  g_free (c);
}

GPtrArray *
scs_test_read_cases (const char *folder)
{
  g_autofree char *dir = scs_test_data_path (folder);
  g_autofree char *index_path = g_build_filename (dir, "EXPECTED.tsv", NULL);
  g_autofree char *index = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (test_case_free);

  g_assert_true (g_file_get_contents (index_path, &index, NULL, NULL));
  lines = g_strsplit (index, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      ScsTestCase *c;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", 2);
      g_assert_nonnull (cols[1]);
      c = g_new0 (ScsTestCase, 1);
      c->name = g_strdup (cols[0]);
      c->path = g_build_filename (dir, cols[0], NULL);
      c->message = g_strdup (cols[1]);
      g_ptr_array_add (cases, c);
    }
  return cases;
}
