/* bench-storage.c — how long loading and saving an engagement takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures, asserts nothing: the median time of a full validated load, a save to
 * memory and an atomic durable save of an engagement, each also as a ratio to a bare
 * json-glib parse of the same bytes measured in the same run, so the ratios can be compared
 * across machines. Usage: bench-storage FILE [ROUNDS]
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "scs-core.h"
#include "scs-json-scan.h"

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScsCatalog) catalog = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) parse = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) serialize = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = g_dir_make_tmp ("scs-bench-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (dir, "out.scsa", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  int rounds = argc > 2 ? atoi (argv[2]) : 50;
  double t_parse, t_scan, t_load, t_serialize, t_save;
  gint64 t0, t1;

  if (argc < 2 || rounds < 1)
    {
      fputs ("usage: bench-storage FILE [ROUNDS]\n", stderr);
      return 2;
    }

  t0 = g_get_monotonic_time ();
  catalog = scs_catalog_new ();
  scs_catalog_add_builtin (catalog);
  t1 = g_get_monotonic_time ();
  printf ("catalog: %.2f ms to load the compiled-in frameworks\n", (t1 - t0) / 1000.0);

  file = g_file_new_for_commandline_arg (argv[1]);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);

  for (int i = 0; i < rounds; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(ScsEngagement) e = NULL;
      g_autoptr(GBytes) text = NULL;
      double ms;

      t0 = g_get_monotonic_time ();
      json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &error);
      t1 = g_get_monotonic_time ();
      g_assert_no_error (error);
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (parse, ms);

      /* The strict pre-scan alone; the validated load below includes it. */
      t0 = g_get_monotonic_time ();
      g_assert_true (scs_json_scan (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    &error));
      t1 = g_get_monotonic_time ();
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (scan, ms);

      t0 = g_get_monotonic_time ();
      e = scs_storage_load_bytes (catalog, bytes, NULL, &error);
      t1 = g_get_monotonic_time ();
      g_assert_no_error (error);
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (load, ms);

      t0 = g_get_monotonic_time ();
      text = scs_storage_serialize (e);
      t1 = g_get_monotonic_time ();
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (serialize, ms);

      t0 = g_get_monotonic_time ();
      scs_storage_save (e, out, &error);
      t1 = g_get_monotonic_time ();
      g_assert_no_error (error);
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (save, ms);
    }

  t_parse = median (parse);
  t_scan = median (scan);
  t_load = median (load);
  t_serialize = median (serialize);
  t_save = median (save);
  printf ("file: %s, %zu bytes, %d rounds, medians\n", argv[1], g_bytes_get_size (bytes), rounds);
  printf ("json-glib parse (baseline): %8.3f ms\n", t_parse);
  printf ("strict pre-scan:            %8.3f ms  %5.1f× baseline\n", t_scan, t_scan / t_parse);
  printf ("validated load:             %8.3f ms  %5.1f× baseline\n", t_load, t_load / t_parse);
  printf ("serialize:                  %8.3f ms  %5.1f× baseline\n", t_serialize, t_serialize / t_parse);
  printf ("atomic durable save:        %8.3f ms  %5.1f× baseline\n", t_save, t_save / t_parse);

  g_unlink (out_path);
  g_rmdir (dir);
  return 0;
}
