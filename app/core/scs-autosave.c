/* scs-autosave.c — recovery copies of unsaved edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* lstat, link, st_mtim: POSIX beyond C11. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "scs-autosave.h"
#include "scs-error.h"
#include "scs-lock.h"
#include "scs-storage.h"

#define INFO_GROUP "recovery"
/* A sealed origin is a URI: a path of a few KiB, escaped. Anything longer is not one. */
#define ORIGIN_MAX (64 * 1024)

struct _ScsAutosave
{
  GObject        parent_instance;
  char          *dir;
  char          *copy_path;
  char          *info_path;
  char          *origin_uri;
  ScsEngagement *engagement;
  ScsProtectKey *key;          /* NULL: the engagement is not protected */
  guint          delay_ms;
  guint          timeout_id;
  guint          generation;   /* bumped by discard: a write still running is then undone */
  guint          n_written;
  guint          n_running;    /* writes in worker threads not finished yet */
  gboolean       exists;
};

G_DEFINE_FINAL_TYPE (ScsAutosave, scs_autosave, G_TYPE_OBJECT)

enum { SIGNAL_FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

void
scs_recovery_free (ScsRecovery *recovery)
{
  if (recovery == NULL)
    return;
  g_free (recovery->copy_path);
  g_free (recovery->info_path);
  g_free (recovery->origin_uri);
  g_free (recovery->origin_sealed);
  g_free (recovery->company);
  g_clear_pointer (&recovery->written, g_date_time_unref);
  g_free (recovery);
}

gboolean
scs_recovery_unseal_origin (ScsRecovery   *recovery,
                            ScsProtectKey *key,
                            GError       **error)
{
  const char *hex = recovery->origin_sealed;
  gsize size = hex != NULL ? strlen (hex) / 2 : 0;
  g_autofree guint8 *raw = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autofree char *uri = NULL;

  if (hex == NULL)
    return TRUE;
  raw = g_malloc (size + 1);
  for (gsize i = 0; i < size; i++)
    {
      int hi = g_ascii_xdigit_value (hex[2 * i]), lo = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (hi < 0 || lo < 0)
        {
          size = 0;
          break;
        }
      raw[i] = (guint8) (hi << 4 | lo);
    }
  /* Anything but hexadecimal digits reads as no protected file at all. */
  sealed = g_bytes_new_take (g_steal_pointer (&raw), size);
  plain = scs_protect_open (sealed, key, ORIGIN_MAX, error);
  if (plain == NULL)
    {
      g_prefix_error (error, _("The recovery copy’s key file %s does not give the file it "
                               "belongs to: "), recovery->info_path);
      return FALSE;
    }
  uri = g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  if (strlen (uri) != g_bytes_get_size (plain) || !g_utf8_validate (uri, -1, NULL) ||
      g_uri_peek_scheme (uri) == NULL)
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                   _("The recovery copy’s key file %s does not give the file it belongs to: "
                     "what it holds is not a file’s address."), recovery->info_path);
      return FALSE;
    }
  g_free (recovery->origin_uri);
  recovery->origin_uri = g_steal_pointer (&uri);
  return TRUE;
}

char *
scs_autosave_default_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "scs-assessor", "recovery", NULL);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const ScsRecovery *ra = *(ScsRecovery * const *) a;
  const ScsRecovery *rb = *(ScsRecovery * const *) b;

  return g_date_time_compare (rb->written, ra->written);
}

GPtrArray *
scs_autosave_list_orphans (const char *dir)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) scs_recovery_free);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return result;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autofree char *info_path = NULL;
      g_autofree char *copy_path = NULL;
      g_autofree char *stem = NULL;
      ScsRecovery *recovery;
      gint64 written;

      if (!g_str_has_suffix (name, ".ini"))
        continue;
      info_path = g_build_filename (dir, name, NULL);
      stem = g_strndup (name, strlen (name) - strlen (".ini"));
      copy_path = g_strconcat (dir, G_DIR_SEPARATOR_S, stem, ".scsa", NULL);
      if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL) ||
          scs_process_alive (g_key_file_get_int64 (info, INFO_GROUP, "pid", NULL)) ||
          !g_file_test (copy_path, G_FILE_TEST_IS_REGULAR))
        continue;

      recovery = g_new0 (ScsRecovery, 1);
      recovery->info_path = g_steal_pointer (&info_path);
      recovery->copy_path = g_steal_pointer (&copy_path);
      recovery->origin_uri = g_key_file_get_string (info, INFO_GROUP, "origin", NULL);
      if (recovery->origin_uri != NULL && recovery->origin_uri[0] == '\0')
        g_clear_pointer (&recovery->origin_uri, g_free);
      recovery->protected = g_key_file_get_boolean (info, INFO_GROUP, "protected", NULL);
      /* Only a protected copy's origin is sealed; a plain one's never is. */
      if (recovery->protected)
        {
          recovery->origin_sealed = g_key_file_get_string (info, INFO_GROUP, "origin-sealed",
                                                           NULL);
          if (recovery->origin_sealed != NULL && recovery->origin_sealed[0] == '\0')
            g_clear_pointer (&recovery->origin_sealed, g_free);
        }
      recovery->company = g_key_file_get_string (info, INFO_GROUP, "company", NULL);
      if (recovery->company == NULL)
        recovery->company = g_strdup ("");
      written = g_key_file_get_int64 (info, INFO_GROUP, "written", NULL);
      recovery->written = g_date_time_new_from_unix_local (written);
      g_ptr_array_add (result, recovery);
    }
  g_ptr_array_sort (result, newest_first);
  return result;
}

void
scs_recovery_discard (ScsRecovery *recovery)
{
  g_unlink (recovery->copy_path);
  g_unlink (recovery->info_path);
}

typedef struct {
  GBytes        *bytes;
  ScsProtectKey *key;
  char          *copy_path;
  char          *info_path;
  GKeyFile      *info;         /* handed to the writing thread whole */
  char          *origin_uri;   /* sealed into info by the writing thread */
  guint          generation;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_bytes_unref (job->bytes);
  g_clear_pointer (&job->key, scs_protect_key_unref);
  g_free (job->copy_path);
  g_free (job->info_path);
  g_key_file_unref (job->info);
  g_free (job->origin_uri);
  g_free (job);
}

/* A protected engagement's copy is sealed with its key before anything is written: its
 * plaintext never reaches the disk, not even as a temporary file. */
static gboolean
write_copy_file (WriteJob *job,
                 GError  **error)
{
  g_autoptr(GFile) copy = g_file_new_for_path (job->copy_path);
  g_autoptr(GBytes) sealed = NULL;

  if (job->key != NULL && (sealed = scs_storage_protect (job->bytes, job->key, error)) == NULL)
    return FALSE;
  return scs_storage_write (sealed != NULL ? sealed : job->bytes, copy, error);
}

/* The key file's text. A protected engagement's origin is sealed with its key, as its copy
 * is: a file is often named after the company (Save As suggests it), and the key file is
 * plain text in the user's state folder. Sealing may derive the key, so this runs where
 * the copy is sealed. */
static char *
info_text (WriteJob *job,
           GError  **error)
{
  if (job->key != NULL && job->origin_uri != NULL)
    {
      g_autoptr(GBytes) uri = g_bytes_new (job->origin_uri, strlen (job->origin_uri));
      g_autoptr(GBytes) sealed = scs_protect_seal (job->key, uri, error);
      g_autoptr(GString) text = NULL;
      const guint8 *data;
      gsize size;

      if (sealed == NULL)
        return NULL;
      /* Lower-case hexadecimal: base64 of the header's zero bytes reads "AAAA", which a
       * search of the key file for a company's name such as "AAA株式会社" would find. */
      data = g_bytes_get_data (sealed, &size);
      text = g_string_sized_new (2 * size);
      for (gsize i = 0; i < size; i++)
        g_string_append_printf (text, "%02x", data[i]);
      g_key_file_set_string (job->info, INFO_GROUP, "origin-sealed", text->str);
    }
  return g_key_file_to_data (job->info, NULL, NULL);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;
  g_autofree char *info = NULL;

  /* The copy first, then the key file that makes it visible to a later start. */
  if (!write_copy_file (job, &error) || (info = info_text (job, &error)) == NULL ||
      !g_file_set_contents_full (job->info_path, info, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ScsAutosave *self = SCS_AUTOSAVE (source);
  WriteJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->n_running--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
      return;
    }
  if (job->generation != self->generation)
    {
      /* Discarded while the write ran: the copy must not survive the save. */
      g_unlink (job->info_path);
      g_unlink (job->copy_path);
      return;
    }
  self->exists = TRUE;
  self->n_written++;
}

static WriteJob *
make_job (ScsAutosave *self,
          GError     **error)
{
  GKeyFile *info;
  ScsRecord *company = scs_record_get_object (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_COMPANY);
  WriteJob *job;

  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", self->dir, g_strerror (saved_errno));
      return NULL;
    }
  info = g_key_file_new ();
  g_key_file_set_int64 (info, INFO_GROUP, "pid", getpid ());
  /* The key file is plain text: for a protected engagement it says only that, and the
   * company's name stays inside the sealed copy, its file's name sealed beside it
   * (info_text). */
  if (self->key != NULL)
    g_key_file_set_boolean (info, INFO_GROUP, "protected", TRUE);
  else
    {
      g_key_file_set_string (info, INFO_GROUP, "origin", self->origin_uri ? self->origin_uri : "");
      g_key_file_set_string (info, INFO_GROUP, "company",
                             scs_record_get_string (company, SCS_M_COMPANY_NAME));
    }
  g_key_file_set_int64 (info, INFO_GROUP, "written", g_get_real_time () / G_USEC_PER_SEC);

  job = g_new0 (WriteJob, 1);
  job->bytes = scs_storage_serialize (self->engagement);
  job->key = self->key != NULL ? scs_protect_key_ref (self->key) : NULL;
  job->copy_path = g_strdup (self->copy_path);
  job->info_path = g_strdup (self->info_path);
  job->info = info;
  job->origin_uri = self->key != NULL ? g_strdup (self->origin_uri) : NULL;
  job->generation = self->generation;
  return job;
}

static void
write_copy (ScsAutosave *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  WriteJob *job = make_job (self, &error);

  if (job == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
      return;
    }
  task = g_task_new (self, NULL, on_written, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  self->n_running++;
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
scs_autosave_write_now (ScsAutosave *self,
                        GError     **error)
{
  WriteJob *job;
  g_autofree char *info = NULL;
  gboolean ok;

  g_return_val_if_fail (SCS_IS_AUTOSAVE (self), FALSE);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* A write still running holds older bytes: let it land first, or it would replace the
   * copy made here. */
  while (self->n_running > 0)
    g_main_context_iteration (NULL, TRUE);
  job = make_job (self, error);
  if (job == NULL)
    return FALSE;
  ok = write_copy_file (job, error) && (info = info_text (job, error)) != NULL &&
       g_file_set_contents_full (job->info_path, info, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error);
  write_job_free (job);
  if (ok)
    {
      self->exists = TRUE;
      self->n_written++;
    }
  return ok;
}

/* g_file_set_contents writes NAME.XXXXXX and renames it; a writer killed in between
 * leaves that behind. Only old ones go: a young one may be another copy's write. */
void
scs_autosave_clean_temporaries (const char *dir,
                                gint64      older_than_s)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GRegex) pattern = g_regex_new ("^.+\\.(scsa|ini)\\.[A-Za-z0-9]{6}$", 0, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_regex_match (pattern, name, 0, NULL))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - (gint64) st.st_mtime >= older_than_s)
        g_unlink (path);
    }
}

static gboolean
on_timeout (gpointer user_data)
{
  ScsAutosave *self = user_data;

  self->timeout_id = 0;
  write_copy (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed (ScsEngagement *engagement,
            ScsAutosave   *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->delay_ms, on_timeout, self);
}

void
scs_autosave_schedule (ScsAutosave *self)
{
  g_return_if_fail (SCS_IS_AUTOSAVE (self));
  on_changed (self->engagement, self);
}

void
scs_autosave_flush (ScsAutosave *self)
{
  g_return_if_fail (SCS_IS_AUTOSAVE (self));
  if (self->timeout_id == 0)
    return;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  write_copy (self);
}

void
scs_autosave_discard (ScsAutosave *self)
{
  g_return_if_fail (SCS_IS_AUTOSAVE (self));
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->generation++;
  g_unlink (self->info_path);
  g_unlink (self->copy_path);
  self->exists = FALSE;
}

void
scs_autosave_set_key (ScsAutosave   *self,
                      ScsProtectKey *key)
{
  g_return_if_fail (SCS_IS_AUTOSAVE (self));
  if (key != NULL)
    scs_protect_key_ref (key);
  g_clear_pointer (&self->key, scs_protect_key_unref);
  self->key = key;
}

void
scs_autosave_set_origin (ScsAutosave *self,
                         GFile       *origin)
{
  g_return_if_fail (SCS_IS_AUTOSAVE (self));
  g_free (self->origin_uri);
  self->origin_uri = origin != NULL ? g_file_get_uri (origin) : NULL;
}

guint
scs_autosave_get_n_written (ScsAutosave *self)
{
  return self->n_written;
}

const char *
scs_autosave_get_copy_path (ScsAutosave *self)
{
  return self->copy_path;
}

static void
scs_autosave_dispose (GObject *object)
{
  ScsAutosave *self = SCS_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_data (self->engagement, self);
  g_clear_object (&self->engagement);
  g_clear_pointer (&self->key, scs_protect_key_unref);

  G_OBJECT_CLASS (scs_autosave_parent_class)->dispose (object);
}

static void
scs_autosave_finalize (GObject *object)
{
  ScsAutosave *self = SCS_AUTOSAVE (object);

  g_free (self->dir);
  g_free (self->copy_path);
  g_free (self->info_path);
  g_free (self->origin_uri);

  G_OBJECT_CLASS (scs_autosave_parent_class)->finalize (object);
}

static void
scs_autosave_class_init (ScsAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = scs_autosave_dispose;
  object_class->finalize = scs_autosave_finalize;

  /* A recovery copy could not be written (GError*): the window says so. */
  signals[SIGNAL_FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
scs_autosave_init (ScsAutosave *self)
{
}

ScsAutosave *
scs_autosave_new (const char    *dir,
                  ScsEngagement *engagement,
                  guint          delay_ms)
{
  ScsAutosave *self = g_object_new (SCS_TYPE_AUTOSAVE, NULL);
  g_autofree char *id = g_uuid_string_random ();

  self->dir = g_strdup (dir);
  self->copy_path = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%s.scsa", dir, id);
  self->info_path = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%s.ini", dir, id);
  self->engagement = g_object_ref (engagement);
  self->delay_ms = delay_ms;
  g_signal_connect (engagement, "changed", G_CALLBACK (on_changed), self);
  return self;
}
