/* test-crash-consistency.c — a writer killed at random moments never leaves a broken file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process saves an engagement that grows with every round, and reports each round
 * it finished through a pipe; the parent kills it with SIGKILL after a random delay, 200
 * times. After every kill the file on disk must load and hold either the last round the
 * child reported or the one it was writing. The same for the autosave's recovery copy.
 */

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "scs-core.h"

#define KILLS 200

static ScsCatalog *catalog;

static ScsEngagement *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return scs_storage_load (catalog, file, NULL, NULL);
}

/* The round a file holds, from the company name "round-N"; -1 when it does not load. */
static int
round_of (const char *path,
          gsize      *summary_length)
{
  g_autoptr(ScsEngagement) engagement = load (path);
  ScsRecord *company;
  const char *name;

  if (engagement == NULL)
    return -1;
  company = scs_record_get_object (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_COMPANY);
  name = scs_record_get_string (company, SCS_M_COMPANY_NAME);
  if (summary_length != NULL)
    *summary_length = strlen (scs_record_get_string (SCS_RECORD (scs_engagement_get_plan (engagement)),
                                                     SCS_M_PLAN_SUMMARY));
  return g_str_has_prefix (name, "round-") ? atoi (name + 6) : 0;
}

/* Each round a bigger file: the plan's summary grows (and wraps at about 200 KB). */
static gsize
summary_length_of (int round)
{
  return (gsize) (round * 997) % 200000;
}

static void
set_round (ScsEngagement *engagement,
           int            round)
{
  g_autofree char *name = g_strdup_printf ("round-%d", round);
  g_autofree char *summary = g_strnfill (summary_length_of (round), 'x');

  scs_record_set_string (scs_record_get_object (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_COMPANY), SCS_M_COMPANY_NAME, name);
  scs_record_set_string (SCS_RECORD (scs_engagement_get_plan (engagement)), SCS_M_PLAN_SUMMARY, summary);
}

static void
report (int fd,
        int round)
{
  if (write (fd, &round, sizeof round) != sizeof round)
    _exit (3);
}

/* The child: saves round after round until killed. */
G_GNUC_NORETURN static void
writer (int         fd,
        const char *path,
        const char *autosave_dir)
{
  g_autoptr(ScsEngagement) engagement = load (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ScsAutosave) autosave = NULL;
  int round = engagement != NULL ? round_of (path, NULL) : 0;

  if (engagement == NULL)
    engagement = scs_engagement_new (scs_catalog_get_latest (catalog, "scs"), 3);
  if (autosave_dir != NULL)
    {
      const char *copy;
      int length;

      autosave = scs_autosave_new (autosave_dir, engagement, 1);
      copy = scs_autosave_get_copy_path (autosave);
      length = strlen (copy);
      if (write (fd, &length, sizeof length) != sizeof length || write (fd, copy, length) != length)
        _exit (3);
    }
  for (;;)
    {
      round++;
      set_round (engagement, round);
      if (autosave == NULL)
        {
          if (!scs_storage_save (engagement, file, NULL))
            _exit (4);
        }
      else
        {
          guint before = scs_autosave_get_n_written (autosave);

          scs_autosave_schedule (autosave);
          scs_autosave_flush (autosave);
          while (scs_autosave_get_n_written (autosave) == before)
            g_main_context_iteration (NULL, TRUE);
        }
      report (fd, round);
    }
}

/* The rounds the child reported; the copy's path first when there is an autosave. */
static int
read_reports (int    fd,
              char **copy_path)
{
  int last = -1, value, length;

  if (copy_path != NULL)
    {
      if (read (fd, &length, sizeof length) != sizeof length || length <= 0 || length > 4096)
        return -2;   /* killed before it said where the copy goes */
      *copy_path = g_malloc0 (length + 1);
      if (read (fd, *copy_path, length) != length)
        return -2;
    }
  while (read (fd, &value, sizeof value) == sizeof value)
    last = value;
  return last;
}

static void
kill_loop (gboolean autosave)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "engagement.scsa", NULL);
  g_autofree char *copies = g_build_filename (dir, "recovery", NULL);
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());
  int floor = 0;
  guint checked = 0;
  /* Kills come 2 ms to `reach` after the start. A slower build (sanitizers, valgrind)
   * takes longer to finish a round: each kill that lands before the first widens it. */
  gint32 reach = 60000;

  for (guint k = 0; k < KILLS; k++)
    {
      int fds[2];
      pid_t pid;
      int status, last;
      g_autofree char *copy = NULL;
      const char *target;
      int held;
      gsize summary = 0;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          writer (fds[1], path, autosave ? copies : NULL);
        }
      close (fds[1]);
      g_usleep (g_rand_int_range (rand, 2000, reach));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      last = read_reports (fds[0], autosave ? &copy : NULL);
      close (fds[0]);
      if (last < 0)
        reach = MIN (reach + reach / 4, 2000000);
      if (last == -2)
        continue;   /* the autosave child died before it named its copy */

      target = autosave ? copy : path;
      if (!g_file_test (target, G_FILE_TEST_EXISTS))
        {
          /* Nothing was finished, and nothing half-done stands under the name. */
          g_assert_cmpint (last, ==, -1);
          continue;
        }
      held = round_of (target, &summary);
      /* The file loads, and holds the last round reported or the one being written. */
      g_assert_cmpint (held, >=, 0);
      if (last >= 0)
        g_assert_true (held == last || held == last + 1);
      g_assert_cmpint (held, >=, floor);
      g_assert_cmpuint (summary, ==, summary_length_of (held));
      checked++;
      if (!autosave)
        floor = held;
      else
        g_unlink (copy);   /* the next child's copy has another name */
    }
  /* Most kills landed after at least one round. */
  g_assert_cmpuint (checked, >, KILLS / 2);
  g_rand_free (rand);
  g_test_message ("%u kills checked, the latest up to %d ms after the start", checked, reach / 1000);
}

static void
test_save (void)
{
  kill_loop (FALSE);
}

static void
test_autosave (void)
{
  kill_loop (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  catalog = scs_catalog_new_default ();
  g_test_add_func ("/crash/save", test_save);
  g_test_add_func ("/crash/autosave", test_autosave);
  return g_test_run ();
}
