/* scs-lock.c — a lock file beside an open engagement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* lstat, link, st_mtim: POSIX beyond C11. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

#include "scs-lock.h"
#include "scs-storage.h"

#define GROUP "lock"

struct _ScsLock
{
  char *lock_path;
};

void
scs_lock_owner_free (ScsLockOwner *owner)
{
  if (owner == NULL)
    return;
  g_free (owner->user);
  g_free (owner->host);
  g_clear_pointer (&owner->since, g_date_time_unref);
  g_free (owner);
}

char *
scs_lock_path_for (const char *path)
{
  g_autofree char *target = scs_storage_resolve_target (path, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (target == NULL)
    target = g_strdup (path);
  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  name = g_strconcat (".~lock.", base, "#", NULL);
  return g_build_filename (dir, name, NULL);
}

/* NULL when there is no lock, or only junk that no copy of the app wrote (it counts as no
 * lock). A lock that is there but cannot be read — another user's, in a shared folder —
 * is held by someone unknown, and never taken over unasked. */
static ScsLockOwner *
read_owner (const char *lock_path)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;
  ScsLockOwner *owner;

  if (!g_key_file_load_from_file (file, lock_path, G_KEY_FILE_NONE, &error))
    {
      if (error->domain != G_FILE_ERROR || error->code == G_FILE_ERROR_NOENT ||
          error->code == G_FILE_ERROR_ISDIR)
        return NULL;
      owner = g_new0 (ScsLockOwner, 1);
      owner->user = g_strdup (_("Another user"));
      owner->host = g_strdup (_("an unknown computer"));
      return owner;
    }
  owner = g_new0 (ScsLockOwner, 1);
  owner->user = g_key_file_get_string (file, GROUP, "user", NULL);
  owner->host = g_key_file_get_string (file, GROUP, "host", NULL);
  owner->pid = g_key_file_get_int64 (file, GROUP, "pid", NULL);
  since = g_key_file_get_string (file, GROUP, "since", NULL);
  if (since != NULL)
    owner->since = g_date_time_new_from_iso8601 (since, NULL);
  if (owner->user == NULL)
    owner->user = g_strdup ("");
  if (owner->host == NULL)
    owner->host = g_strdup ("");
  return owner;
}

static gboolean
on_this_host (const ScsLockOwner *owner)
{
  return g_strcmp0 (owner->host, g_get_host_name ()) == 0;
}

static gboolean
is_ours (const ScsLockOwner *owner)
{
  return on_this_host (owner) && owner->pid == getpid ();
}

gboolean
scs_process_alive (gint64 pid)
{
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  if ((pid_t) pid == getpid ())
    return TRUE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

/* Only a lock of this host can be known dead; one from elsewhere counts as live. */
static gboolean
is_live (const ScsLockOwner *owner)
{
  return !on_this_host (owner) || scs_process_alive (owner->pid);
}

ScsLockOwner *
scs_lock_get_holder (const char *path)
{
  g_autofree char *lock_path = scs_lock_path_for (path);
  g_autoptr(ScsLockOwner) owner = read_owner (lock_path);

  if (owner == NULL || is_ours (owner) || !is_live (owner))
    return NULL;
  return g_steal_pointer (&owner);
}

static char *
lock_text (void)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *since = g_date_time_format_iso8601 (now);
  const char *real = g_get_real_name ();

  g_key_file_set_string (file, GROUP, "user",
                         real != NULL && real[0] != '\0' && !g_str_equal (real, "Unknown")
                         ? real : g_get_user_name ());
  g_key_file_set_string (file, GROUP, "login", g_get_user_name ());
  g_key_file_set_string (file, GROUP, "host", g_get_host_name ());
  g_key_file_set_int64 (file, GROUP, "pid", getpid ());
  g_key_file_set_string (file, GROUP, "since", since);
  return g_key_file_to_data (file, NULL, NULL);
}

ScsLock *
scs_lock_acquire (const char    *path,
                  gboolean       force,
                  ScsLockOwner **holder,
                  GError       **error)
{
  g_autofree char *lock_path = scs_lock_path_for (path);
  g_autofree char *text = lock_text ();
  g_autofree char *tmp = g_strconcat (lock_path, ".XXXXXX", NULL);
  ScsLock *lock;
  int fd;

  if (holder != NULL)
    *holder = NULL;
  /* Written whole under a temporary name, then linked into place: link() fails when a
   * lock is there already, so two copies starting at once cannot both take it. Readable by
   * others (it holds no findings), so a colleague opening the file from a shared folder is
   * told who has it. */
  fd = g_mkstemp_full (tmp, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("%s: the lock file could not be written: %s"), lock_path, g_strerror (saved));
      return NULL;
    }
  if (!g_file_set_contents_full (tmp, text, -1, G_FILE_SET_CONTENTS_NONE, 0644, error))
    {
      close (fd);
      g_unlink (tmp);
      return NULL;
    }
  close (fd);

  if (link (tmp, lock_path) != 0)
    {
      /* EEXIST: a lock is there. Anything else: a file system without hard links (FAT on a
       * USB stick), where the lock is looked at first and then renamed into place. */
      g_autoptr(ScsLockOwner) owner = read_owner (lock_path);
      g_autoptr(ScsLockOwner) now = NULL;

      if (!force && owner != NULL && !is_ours (owner) && is_live (owner))
        {
          g_unlink (tmp);
          if (holder != NULL)
            *holder = g_steal_pointer (&owner);
          return NULL;
        }
      /* Ours, stale, junk or taken over on purpose: replaced in one step. */
      if (g_rename (tmp, lock_path) != 0)
        {
          int saved = errno;

          g_unlink (tmp);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("%s: the lock file could not be written: %s"), lock_path,
                       g_strerror (saved));
          return NULL;
        }
      /* Two copies taking over the same stale lock at once both rename: the last one wins,
       * and the other learns it here. */
      now = read_owner (lock_path);
      if (!force && (now == NULL || !is_ours (now)))
        {
          if (holder != NULL && now != NULL)
            *holder = g_steal_pointer (&now);
          return NULL;
        }
    }
  g_unlink (tmp);
  lock = g_new0 (ScsLock, 1);
  lock->lock_path = g_steal_pointer (&lock_path);
  return lock;
}

void
scs_lock_release (ScsLock *lock)
{
  g_autoptr(ScsLockOwner) owner = NULL;

  if (lock == NULL)
    return;
  /* Someone who opened the file anyway since has their own lock there now. */
  owner = read_owner (lock->lock_path);
  if (owner != NULL && is_ours (owner))
    g_unlink (lock->lock_path);
  g_free (lock->lock_path);
  g_free (lock);
}

const char *
scs_lock_get_file (ScsLock *lock)
{
  return lock->lock_path;
}
