/* scs-lock.h — a lock file beside an open engagement, as office suites keep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * “.~lock.NAME#” in the engagement's folder says who has NAME open: user, host, process
 * and since when. Another copy of the app (or another user on a shared folder) reads it
 * before opening the file and asks. A lock left by a process that is gone, on this host,
 * is taken over without asking.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char      *user;    /* real name, or the login when there is none */
  char      *host;
  gint64     pid;
  GDateTime *since;
} ScsLockOwner;

void          scs_lock_owner_free (ScsLockOwner *owner);
/* Whether process pid of this host still runs (one of another user counts). */
gboolean      scs_process_alive   (gint64        pid);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsLockOwner, scs_lock_owner_free)

typedef struct _ScsLock ScsLock;

/* The lock file's name for the engagement at path (links followed to the file itself). */
char         *scs_lock_path_for   (const char    *path);
/* Who holds a live lock on path other than this process; NULL when nobody does. */
ScsLockOwner *scs_lock_get_holder (const char    *path);
/* Writes this process's lock for path. Unless force, a live lock of someone else is left
 * alone and NULL returned with *holder set. NULL with error when the folder takes no lock
 * file (a read-only medium): the file can still be opened. */
ScsLock      *scs_lock_acquire    (const char    *path,
                                   gboolean       force,
                                   ScsLockOwner **holder,
                                   GError       **error);
/* Removes the lock file if it is still this process's, and frees lock. */
void          scs_lock_release    (ScsLock       *lock);
const char   *scs_lock_get_file   (ScsLock       *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsLock, scs_lock_release)

G_END_DECLS
