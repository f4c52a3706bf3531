/* bench-protect.c — what opening a passphrase-protected engagement costs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures, asserts nothing. The file is sealed here at the cost the app writes
 * (Argon2id MODERATE), then, in the same run, medians of: the key derivation alone
 * (crypto_pwhash with the file's parameters), opening the protected file with a key not
 * yet derived (what opening it in the app costs), the same with the key already derived
 * (the open minus the KDF: read, decrypt, check), and the plain file's load (read, check).
 * The goal: the open minus the KDF at most 1.2× the plain load.
 * Usage: bench-protect FILE [ROUNDS] [KDF_ROUNDS]
 */
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>

#include "scs-core.h"

#define PASSPHRASE "benchmark passphrase"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(ScsEngagement) plain = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(ScsProtectKey) warm = NULL;
  g_autoptr(GArray) kdf = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cold = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = g_dir_make_tmp ("scs-bench-XXXXXX", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "plain.scsa", NULL);
  g_autofree char *sealed_path = g_build_filename (dir, "protected.scsa", NULL);
  g_autoptr(GFile) plain_file = g_file_new_for_path (plain_path);
  g_autoptr(GFile) sealed_file = g_file_new_for_path (sealed_path);
  g_autoptr(GError) error = NULL;
  int rounds = argc > 2 ? atoi (argv[2]) : 30;
  int kdf_rounds = argc > 3 ? atoi (argv[3]) : 3;
  const guint8 *header;
  double t_kdf, t_cold, t_open, t_load;
  gint64 t0, t1;

  if (argc < 2 || rounds < 1 || kdf_rounds < 1)
    {
      fputs ("usage: bench-protect FILE [ROUNDS] [KDF_ROUNDS]\n", stderr);
      return 2;
    }
  if (sodium_init () < 0)
    return 1;
  catalog = scs_catalog_new ();
  scs_catalog_add_builtin (catalog);
  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

    plain = scs_storage_load (catalog, file, NULL, &error);
    g_assert_no_error (error);
  }
  /* Both files as the app writes them: the same JSON, plain and sealed. */
  json = scs_storage_serialize (plain);
  warm = scs_protect_key_new (PASSPHRASE);
  sealed = scs_storage_protect (json, warm, &error);
  g_assert_no_error (error);
  g_assert_true (scs_storage_write (json, plain_file, &error));
  g_assert_true (scs_storage_write (sealed, sealed_file, &error));
  header = g_bytes_get_data (sealed, NULL);

  for (int i = 0; i < kdf_rounds; i++)
    {
      guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
      g_autoptr(ScsProtectKey) fresh = scs_protect_key_new (PASSPHRASE);
      g_autoptr(ScsEngagement) e = NULL;
      double ms;

      t0 = g_get_monotonic_time ();
      g_assert_true (crypto_pwhash (key, sizeof key, PASSPHRASE, strlen (PASSPHRASE), header + 32,
                                    get_u64 (header + 16), get_u64 (header + 24),
                                    crypto_pwhash_ALG_ARGON2ID13) == 0);
      t1 = g_get_monotonic_time ();
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (kdf, ms);

      t0 = g_get_monotonic_time ();
      e = scs_storage_load_full (catalog, sealed_file, SCS_LOAD_DEFAULT, fresh, NULL, &error);
      t1 = g_get_monotonic_time ();
      g_assert_no_error (error);
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (cold, ms);
    }

  for (int i = 0; i < rounds; i++)
    {
      g_autoptr(ScsEngagement) a = NULL;
      g_autoptr(ScsEngagement) b = NULL;
      double ms;

      /* warm was derived for this file's salt when it sealed it: no Argon2id here. */
      t0 = g_get_monotonic_time ();
      a = scs_storage_load_full (catalog, sealed_file, SCS_LOAD_DEFAULT, warm, NULL, &error);
      t1 = g_get_monotonic_time ();
      g_assert_no_error (error);
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (open, ms);

      t0 = g_get_monotonic_time ();
      b = scs_storage_load (catalog, plain_file, NULL, &error);
      t1 = g_get_monotonic_time ();
      g_assert_no_error (error);
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (load, ms);
    }

  t_kdf = median (kdf);
  t_cold = median (cold);
  t_open = median (open);
  t_load = median (load);
  printf ("file: %s, %zu bytes of JSON, %zu protected; Argon2id %llu passes over %llu MiB\n",
          argv[1], g_bytes_get_size (json), g_bytes_get_size (sealed),
          (unsigned long long) get_u64 (header + 16),
          (unsigned long long) (get_u64 (header + 24) / (1024 * 1024)));
  printf ("medians of %d rounds (KDF and cold open: %d)\n", rounds, kdf_rounds);
  printf ("KDF (Argon2id alone):             %9.3f ms\n", t_kdf);
  printf ("protected open, key not derived:  %9.3f ms  (minus the KDF: %.3f ms)\n",
          t_cold, t_cold - t_kdf);
  printf ("protected open, key derived:      %9.3f ms\n", t_open);
  printf ("plain load:                       %9.3f ms\n", t_load);
  printf ("protected open minus KDF / plain: %9.2f×  (goal ≤ 1.2×)\n", t_open / t_load);

  g_unlink (plain_path);
  g_unlink (sealed_path);
  g_rmdir (dir);
  return 0;
}
