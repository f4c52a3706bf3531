/* bench-report-pdf.c — laying out and writing the full report, in process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-report-pdf FILE.scsa [RUNS]. Prints the layout and PDF writing times of the
 * first export (cold font caches), then the medians over RUNS more (default 5), and the pages.
 */

#include <stdio.h>
#include "scs-report.h"

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_default ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(ScsEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;
  int runs = argc > 2 ? atoi (argv[2]) : 5;
  double layout[64], write[64], total[64], first[2] = { 0 };
  guint pages = 0;
  gsize size = 0;
  ScsReportOptions options;

  if (argc < 2 || runs < 1 || runs > 64)
    {
      fprintf (stderr, "usage: bench-report-pdf FILE.scsa [RUNS ≤ 64]\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  engagement = scs_storage_load (catalog, file, NULL, &error);
  if (engagement == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  scs_report_options_init (&options);
  /* Every verdict printed, as the budget was set: the most a report can have to lay out. */
  options.unconfirmed = TRUE;
  for (int i = -1; i < runs; i++)
    {
      gint64 t0 = g_get_monotonic_time (), t1, t2;
      g_autoptr(ScsReport) report = scs_report_new (engagement, &options);
      g_autoptr(GBytes) pdf = NULL;

      t1 = g_get_monotonic_time ();
      pdf = scs_report_to_pdf (report, NULL);
      t2 = g_get_monotonic_time ();
      if (i < 0)
        {
          /* The first export of a process loads the fonts and fills the glyph caches. */
          first[0] = (t1 - t0) / 1000.0;
          first[1] = (t2 - t1) / 1000.0;
          continue;
        }
      layout[i] = (t1 - t0) / 1000.0;
      write[i] = (t2 - t1) / 1000.0;
      total[i] = (t2 - t0) / 1000.0;
      pages = scs_report_get_n_pages (report);
      size = g_bytes_get_size (pdf);
    }
  qsort (layout, runs, sizeof (double), compare);
  qsort (write, runs, sizeof (double), compare);
  qsort (total, runs, sizeof (double), compare);
  printf ("%s: %u pages, %zu KB; first export layout %.1f ms, PDF %.1f ms; then median layout %.1f ms, PDF %.1f ms, total %.1f ms\n",
          argv[1], pages, size / 1024, first[0], first[1], layout[runs / 2], write[runs / 2],
          total[runs / 2]);
  return 0;
}
