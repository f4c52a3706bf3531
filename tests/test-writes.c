/* test-writes.c — where writes land and what they refuse: links, read-only files, locks,
 * stale temporaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* symlink, link, utimes: POSIX beyond C11. */
#define _XOPEN_SOURCE 700

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scs-core.h"
#include "scs-test.h"

static char *
new_dir (void)
{
  return g_dir_make_tmp ("scs-writes-XXXXXX", NULL);
}

static gboolean
write_text (const char *path,
            const char *text,
            GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return scs_storage_write (bytes, file, error);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Through a chain of links, relative and absolute, the final target is written; the
 * links stay links; a new target gets 0600; the temporary goes in the target's folder. */
static void
test_write_through_links (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *target = g_build_filename (sub, "real.scsa", NULL);
  g_autofree char *first = g_build_filename (dir, "first.scsa", NULL);
  g_autofree char *second = g_build_filename (dir, "second.scsa", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.scsa", NULL);
  g_autofree char *dangling_target = g_build_filename (sub, "new.scsa", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.scsa", NULL);
  g_autofree char *resolved = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "old\n", -1, NULL));
  g_assert_cmpint (symlink ("sub/real.scsa", first), ==, 0);
  g_assert_cmpint (symlink (first, second), ==, 0);

  resolved = scs_storage_resolve_target (second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (resolved, ==, target);

  g_assert_true (write_text (second, "new\n", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_SYMLINK));
  text = read_text (target);
  g_assert_cmpstr (text, ==, "new\n");
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A link to a file not there yet makes that file. */
  g_assert_cmpint (symlink ("sub/new.scsa", dangling), ==, 0);
  g_assert_true (write_text (dangling, "made\n", &error));
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  g_clear_pointer (&text, g_free);
  text = read_text (dangling_target);
  g_assert_cmpstr (text, ==, "made\n");

  /* A loop is an error, not a hang, and nothing is written. */
  g_assert_cmpint (symlink (loop, loop), ==, 0);
  g_assert_false (write_text (loop, "x", &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (loop, G_FILE_TEST_IS_SYMLINK));
  scs_test_remove_tree (dir);
}

/* An output that is the input — by name, by symbolic link, by hard link — is refused, and
 * so is a file without write permission; other files pass. */
static void
test_check_output (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *input = g_build_filename (dir, "in.scsa", NULL);
  g_autofree char *sym = g_build_filename (dir, "sym.pdf", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.csv", NULL);
  g_autofree char *other = g_build_filename (dir, "other.pdf", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.pdf", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (input, "engagement\n", -1, NULL));
  g_assert_true (g_file_set_contents (other, "other\n", -1, NULL));
  g_assert_true (g_file_set_contents (locked, "keep\n", -1, NULL));
  g_assert_cmpint (g_chmod (locked, 0444), ==, 0);
  g_assert_cmpint (symlink (input, sym), ==, 0);
  g_assert_cmpint (link (input, hard), ==, 0);

  g_assert_true (scs_storage_same_file (sym, input));
  g_assert_true (scs_storage_same_file (hard, input));
  g_assert_false (scs_storage_same_file (other, input));
  g_assert_false (scs_storage_same_file (fresh, input));

  g_assert_false (scs_storage_check_output (input, input, &error));
  g_assert_nonnull (strstr (error->message, "engagement file itself"));
  g_clear_error (&error);
  g_assert_false (scs_storage_check_output (sym, input, &error));
  g_clear_error (&error);
  g_assert_false (scs_storage_check_output (hard, input, &error));
  g_clear_error (&error);
  g_assert_true (scs_storage_check_output (other, input, &error));
  g_assert_true (scs_storage_check_output (fresh, input, &error));
  g_assert_no_error (error);

  /* Read-only: refused by the check and by every write. */
  g_assert_false (scs_storage_check_output (locked, NULL, &error));
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRITE);
  g_assert_cmpint (scs_format_error_get_io_code (error), ==, G_IO_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (write_text (locked, "replaced\n", &error));
  g_assert_nonnull (error);
  text = read_text (locked);
  g_assert_cmpstr (text, ==, "keep\n");
  g_clear_pointer (&text, g_free);
  text = read_text (input);
  g_assert_cmpstr (text, ==, "engagement\n");
  g_assert_cmpint (g_chmod (locked, 0600), ==, 0);
  scs_test_remove_tree (dir);
}

/* Stamps tell a file rewritten, replaced or removed from the one read. */
static void
test_stamps (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "f.scsa", NULL);
  ScsFileStamp a, b;

  g_assert_true (g_file_set_contents (path, "one\n", -1, NULL));
  scs_file_stamp_take (&a, path);
  scs_file_stamp_take (&b, path);
  g_assert_true (a.exists);
  g_assert_true (scs_file_stamp_equal (&a, &b));
  /* Same size, another inode (how every atomic writer replaces a file). */
  g_assert_true (write_text (path, "two\n", NULL));
  scs_file_stamp_take (&b, path);
  g_assert_false (scs_file_stamp_equal (&a, &b));
  g_assert_cmpint (g_unlink (path), ==, 0);
  scs_file_stamp_take (&a, path);
  g_assert_false (a.exists);
  g_assert_false (scs_file_stamp_equal (&a, &b));
  scs_test_remove_tree (dir);
}

/* Lock files: the name, who holds them, stale ones taken over, release only of our own. */
static mode_t
current_umask (void)
{
  mode_t mask = umask (0);

  umask (mask);
  return mask;
}

static void
test_locks (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "e.scsa", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.scsa", NULL);
  g_autofree char *lock_path = g_build_filename (dir, ".~lock.e.scsa#", NULL);
  g_autofree char *theirs = g_strdup_printf ("[lock]\nuser=Other\nhost=%s\npid=%d\nsince=2026-12-01T09:00:00Z\n",
                                             g_get_host_name (), (int) getppid ());
  g_autofree char *elsewhere = g_strdup ("[lock]\nuser=Far\nhost=far-away.example\npid=1\n");
  g_autoptr(ScsLockOwner) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path_of_link = NULL;
  ScsLock *lock;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "{}\n", -1, NULL));
  g_assert_cmpint (symlink ("e.scsa", link_path), ==, 0);
  path_of_link = scs_lock_path_for (link_path);
  g_assert_cmpstr (path_of_link, ==, lock_path);

  lock = scs_lock_acquire (path, FALSE, &holder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lock);
  g_assert_null (holder);
  g_assert_cmpint (g_stat (lock_path, &st), ==, 0);
  /* Readable by others: a colleague is told who has the file. */
  g_assert_cmpint (st.st_mode & 0777, ==, 0644 & ~current_umask ());
  g_assert_null (scs_lock_get_holder (path));
  scs_lock_release (lock);
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));

  /* A live process of this host, and any process of another host, hold it. */
  g_assert_true (g_file_set_contents (lock_path, theirs, -1, NULL));
  g_assert_null (scs_lock_acquire (path, FALSE, &holder, &error));
  g_assert_no_error (error);
  g_assert_nonnull (holder);
  g_assert_cmpstr (holder->user, ==, "Other");
  g_assert_nonnull (holder->since);
  g_clear_pointer (&holder, scs_lock_owner_free);
  g_assert_true (g_file_set_contents (lock_path, elsewhere, -1, NULL));
  holder = scs_lock_get_holder (link_path);
  g_assert_nonnull (holder);
  g_assert_cmpstr (holder->host, ==, "far-away.example");
  g_clear_pointer (&holder, scs_lock_owner_free);

  /* Forced: ours now; then someone else takes it over and our release leaves theirs. */
  lock = scs_lock_acquire (path, TRUE, &holder, &error);
  g_assert_nonnull (lock);
  g_assert_null (scs_lock_get_holder (path));
  g_assert_true (g_file_set_contents (lock_path, elsewhere, -1, NULL));
  scs_lock_release (lock);
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_EXISTS));

  /* Unreadable junk counts as no lock. */
  g_assert_true (g_file_set_contents (lock_path, "\x01garbage", -1, NULL));
  lock = scs_lock_acquire (path, FALSE, &holder, &error);
  g_assert_nonnull (lock);
  g_assert_null (holder);
  scs_lock_release (lock);
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));

  /* A lock this user may not read (another user's, in a shared folder) is held by someone
   * unknown: told, never taken over unasked. Run as another user when the test is root. */
  g_assert_true (g_file_set_contents (lock_path, theirs, -1, NULL));
  g_assert_cmpint (g_chmod (lock_path, 0600), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  {
    pid_t child = fork ();
    int status = 0;

    if (child == 0)
      {
        g_autoptr(ScsLockOwner) unknown = NULL;
        ScsLock *taken;

        if (getuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
          _exit (3);
        if (getuid () != 0)
          {
            if (access (lock_path, R_OK) == 0 && g_chmod (lock_path, 0) != 0)
              _exit (4);
          }
        unknown = scs_lock_get_holder (path);
        if (unknown == NULL || strcmp (unknown->user, "Another user") != 0)
          _exit (1);
        taken = scs_lock_acquire (path, FALSE, NULL, NULL);
        _exit (taken == NULL ? 0 : 2);
      }
    g_assert_cmpint (waitpid (child, &status, 0), ==, child);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  }
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *still = NULL;

    g_assert_cmpint (g_chmod (lock_path, 0600), ==, 0);
    g_assert_true (g_file_get_contents (lock_path, &still, NULL, NULL));
    g_assert_cmpstr (still, ==, theirs);
  }
  scs_test_remove_tree (dir);
}

static void
make_old (const char *path,
          gint64      age_s)
{
  struct timeval times[2];

  times[0].tv_sec = times[1].tv_sec = g_get_real_time () / G_USEC_PER_SEC - age_s;
  times[0].tv_usec = times[1].tv_usec = 0;
  g_assert_cmpint (utimes (path, times), ==, 0);
}

/* Temporaries of killed writes older than the limit go; young ones, copies, key files and
 * anything else stay. */
static void
test_clean_temporaries (void)
{
  g_autofree char *dir = new_dir ();
  const char *names[] = { "a.scsa.Ab12Cd", "b.ini.XyZ789", "young.scsa.QWERTY", "c.scsa", "c.ini",
                          "notes.txt.ABCDEF", "old.scsa" };
  const gboolean gone[] = { TRUE, TRUE, FALSE, FALSE, FALSE, FALSE, FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_assert_true (g_file_set_contents (path, "x", -1, NULL));
      if (!g_str_has_prefix (names[i], "young"))
        make_old (path, 7200);
    }
  scs_autosave_clean_temporaries (dir, 3600);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, !gone[i]);
    }
  scs_test_remove_tree (dir);
}

/* A relative link with ".." inside a folder reached through a link is followed as the
 * kernel follows it: the write lands on the file that was read, nowhere else. */
static void
test_link_in_linked_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-linked-folder-XXXXXX", NULL);
  g_autofree char *real_docs = g_build_filename (dir, "real", "docs", NULL);
  g_autofree char *real_common = g_build_filename (dir, "real", "common", NULL);
  g_autofree char *home = g_build_filename (dir, "home", NULL);
  g_autofree char *home_docs = g_build_filename (home, "docs", NULL);
  g_autofree char *decoy_dir = g_build_filename (home, "common", NULL);
  g_autofree char *engagement = g_build_filename (real_common, "eng.scsa", NULL);
  g_autofree char *decoy = g_build_filename (decoy_dir, "eng.scsa", NULL);
  g_autofree char *link_in_docs = g_build_filename (real_docs, "eng.scsa", NULL);
  g_autofree char *opened = g_build_filename (home_docs, "eng.scsa", NULL);
  g_autofree char *target = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (opened);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new\n", 4);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (real_docs, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (real_common, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (decoy_dir, 0700), ==, 0);
  g_assert_cmpint (symlink (real_docs, home_docs), ==, 0);
  g_assert_cmpint (symlink ("../common/eng.scsa", link_in_docs), ==, 0);
  g_assert_true (g_file_set_contents (engagement, "old\n", -1, NULL));
  g_assert_true (g_file_set_contents (decoy, "decoy\n", -1, NULL));

  target = scs_storage_resolve_target (opened, &error);
  g_assert_no_error (error);
  expected = realpath (engagement, NULL);
  g_assert_cmpstr (target, ==, expected);
  g_assert_true (scs_storage_write_file (bytes, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (engagement, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "new\n");
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (decoy, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "decoy\n");
  g_assert_true (g_file_test (link_in_docs, G_FILE_TEST_IS_SYMLINK));
  free (g_steal_pointer (&expected));
  scs_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  scs_test_init (&argc, &argv);
  g_test_add_func ("/writes/through-links", test_write_through_links);
  g_test_add_func ("/writes/check-output", test_check_output);
  g_test_add_func ("/writes/stamps", test_stamps);
  g_test_add_func ("/writes/locks", test_locks);
  g_test_add_func ("/writes/clean-temporaries", test_clean_temporaries);
  g_test_add_func ("/writes/link-in-linked-folder", test_link_in_linked_folder);
  return g_test_run ();
}
