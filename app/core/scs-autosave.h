/* scs-autosave.h — recovery copies of unsaved edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While an engagement has unsaved edits, a copy of it is kept in the user's state
 * directory (…/scs-assessor/recovery): each edit restarts a short timer, and when it fires
 * the engagement is serialized and written by a worker thread, so typing never waits for
 * the disk. Beside each copy a small key file says which file it belongs to and which
 * process keeps it. Saving or discarding removes both. After a crash the copies whose
 * process is gone are offered back.
 */
#pragma once

#include "scs-engagement.h"
#include "scs-protect.h"

G_BEGIN_DECLS

#define SCS_TYPE_AUTOSAVE (scs_autosave_get_type ())
G_DECLARE_FINAL_TYPE (ScsAutosave, scs_autosave, SCS, AUTOSAVE, GObject)

typedef struct {
  char      *copy_path;   /* the recovery copy (.scsa) */
  char      *info_path;   /* its key file */
  char      *origin_uri;  /* the file it belongs to; NULL for a new engagement, and for a
                           * protected copy until scs_recovery_unseal_origin */
  char      *origin_sealed; /* a protected copy's origin, sealed with its key (hex);
                             * NULL when it has none */
  char      *company;     /* "" for a protected copy: its key file does not name it */
  gboolean   protected;   /* sealed: restoring it needs the passphrase */
  GDateTime *written;
} ScsRecovery;

void         scs_recovery_free         (ScsRecovery *recovery);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsRecovery, scs_recovery_free)
/* Opens a protected copy's sealed origin with key (the one that opened the copy: no new
 * derivation) and sets origin_uri; TRUE at once when there is none. FALSE, with the
 * reason, when key does not open it or it is not a URI. */
gboolean     scs_recovery_unseal_origin (ScsRecovery   *recovery,
                                         ScsProtectKey *key,
                                         GError       **error);

/* The recovery directory under g_get_user_state_dir(). */
char        *scs_autosave_default_dir  (void);
/* Copies left by processes that are no longer running, newest first. */
GPtrArray   *scs_autosave_list_orphans (const char    *dir);
/* Removes a copy and its key file. */
void         scs_recovery_discard      (ScsRecovery   *recovery);

ScsAutosave *scs_autosave_new          (const char    *dir,
                                        ScsEngagement *engagement,
                                        guint          delay_ms);
/* The file the engagement was opened from or saved to; NULL while untitled. */
void         scs_autosave_set_origin   (ScsAutosave   *self,
                                        GFile         *origin);
/* The key the engagement is protected with (NULL: not protected): copies written from now
 * on are sealed with it, and their key file does not name the company. */
void         scs_autosave_set_key      (ScsAutosave   *self,
                                        ScsProtectKey *key);
/* Writes a copy after the delay even without an edit (a restored engagement). */
void         scs_autosave_schedule     (ScsAutosave   *self);
/* Writes now if an edit is waiting (used before quitting with unsaved changes kept). */
void         scs_autosave_flush        (ScsAutosave   *self);
/* Writes the copy now, in this thread, whatever the timer says (before the process ends
 * on a signal). */
gboolean     scs_autosave_write_now    (ScsAutosave   *self,
                                        GError       **error);
/* Removes temporary files of interrupted writes in dir older than older_than_s seconds. */
void         scs_autosave_clean_temporaries (const char *dir,
                                             gint64      older_than_s);
/* Forgets the copy: the engagement was saved, or its edits were discarded. */
void         scs_autosave_discard      (ScsAutosave   *self);
/* Number of copies written so far; tests and benchmarks read it. */
guint        scs_autosave_get_n_written (ScsAutosave  *self);
const char  *scs_autosave_get_copy_path (ScsAutosave  *self);

G_END_DECLS
