/* scs-window-open.c — the main window's opening of files: locked, protected, imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every engagement file is read through the storage layer's checks
 * (scs_storage_read_engagement), opened once per process (one file, one window), after its lock is had or asked about; a
 * protected one asks its passphrase and is opened in a worker thread. The company's
 * self-assessment is opened the same way for the import dialog.
 */
#include <glib/gi18n.h>

#include "scs-passphrase.h"
#include "scs-window-private.h"

#define EXAMPLE_RESOURCE SCS_RESOURCE_PREFIX "/samples/example-aaa.scsa"

ScsWindow *
scs_window_target (ScsWindow *self)
{
  return scs_window_is_empty (self) ? self : scs_window_new (self->application);
}

/* A window made by scs_window_target is not on screen yet: unshown, it would hold the
 * application up after the last visible window closed. */
ScsWindow *
scs_window_show_engagement (ScsWindow     *self,
                            ScsEngagement *engagement,
                            GFile         *file,
                            gboolean       read_only)
{
  ScsWindow *window = scs_window_target (self);

  scs_window_set_engagement (window, engagement, file, read_only);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
scs_window_show_file_error (ScsWindow  *self,
                            const char *heading,
                            const char *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
scs_window_show_open_error (ScsWindow  *self,
                            GFile      *file,
                            const char *message)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Opened"), name);

  scs_window_show_file_error (self, heading, message);
}

/* The window of this process that has the same file open, whatever name or link it
 * was opened by. */
ScsWindow *
scs_window_find_for_file (ScsApplication *application,
                          GFile          *file)
{
  g_autofree char *path = g_file_get_path (file);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    {
      ScsWindow *other = l->data;
      g_autofree char *other_path = NULL;

      if (!SCS_IS_WINDOW (other) || other->file == NULL)
        continue;
      if (g_file_equal (other->file, file))
        return other;
      other_path = g_file_get_path (other->file);
      if (path != NULL && other_path != NULL && scs_storage_same_file (path, other_path))
        return other;
    }
  return NULL;
}

typedef struct {
  GFile            *file;
  ScsEngagement    *engagement;
  ScsEditionReport *report;
  ScsFileStamp      stamp;
  ScsProtectKey    *key;
} PendingOpen;

static void
pending_open_free (PendingOpen *pending)
{
  g_clear_pointer (&pending->key, scs_protect_key_unref);
  g_object_unref (pending->file);
  g_object_unref (pending->engagement);
  scs_edition_report_free (pending->report);
  g_free (pending);
}

static void
finish_open (ScsWindow        *self,
             PendingOpen      *pending,
             gboolean          read_only,
             ScsLock          *lock,
             const char       *read_only_reason)
{
  ScsEditionReport *report = pending->report;
  ScsWindow *window = scs_window_show_engagement (self, pending->engagement, pending->file,
                                                  read_only);

  if (pending->key != NULL)
    scs_window_set_key (window, pending->key);
  window->lock = lock;
  /* Taken before the read: a change made while reading shows at the next save. */
  window->stamp = pending->stamp;
  if (report->newer_format != 0)
    {
      g_autofree char *text =
        g_strdup_printf (_("Read-only: this file was made by a newer version of SCS Assessor "
                           "(format %d). Update the app to edit it; the file is left as it is."),
                         (int) report->newer_format);

      gtk_label_set_text (window->banner_label, text);
    }
  else if (read_only_reason != NULL)
    gtk_label_set_text (window->banner_label, read_only_reason);
  else if (report->edition_changed)
    {
      g_autofree char *text =
        g_strdup_printf (_("Made with edition %s of the criteria, opened with edition %s."),
                         report->recorded_edition, report->attached_edition);

      scs_window_toast (window, text);
    }
}

char *
scs_window_describe_holder (const ScsLockOwner *holder)
{
  g_autoptr(GDateTime) local = holder->since != NULL ? g_date_time_to_local (holder->since) : NULL;
  g_autofree char *since = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("?");

  /* TRANSLATORS: who has a file open: user, computer, since when */
  return g_strdup_printf (_("%s on %s, since %s"), holder->user, holder->host, since);
}

/* Two windows, or two copies of the app, writing one file would overwrite each other's
 * saves. */
char *
scs_window_describe_taken (ScsWindow *self,
                           GFile     *file,
                           gboolean   mine_too)
{
  ScsWindow *other = scs_window_find_for_file (self->application, file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(ScsLockOwner) holder = NULL;

  if (other != NULL && (mine_too || other != self))
    return g_strdup_printf (_("“%s” is open in another window; close it there or choose another name."),
                            name);
  if (path != NULL && (holder = scs_lock_get_holder (path)) != NULL)
    {
      g_autofree char *who = scs_window_describe_holder (holder);

      return g_strdup_printf (_("“%s” is open elsewhere (%s); choose another name."), name, who);
    }
  return NULL;
}

static void
on_locked_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ScsWindow        *self)
{
  PendingOpen *pending = g_object_get_data (G_OBJECT (dialog), "pending");
  ScsLockOwner *holder = g_object_get_data (G_OBJECT (dialog), "holder");

  self->dialog = NULL;
  /* Opened in another window while the question was on show: one file, one window. */
  if (!g_str_equal (response, "cancel"))
    {
      ScsWindow *open_in = scs_window_find_for_file (self->application, pending->file);

      if (open_in != NULL && open_in != self)
        {
          gtk_window_present (GTK_WINDOW (open_in));
          return;
        }
    }
  if (g_str_equal (response, "read-only"))
    {
      g_autofree char *who = scs_window_describe_holder (holder);
      g_autofree char *text = g_strdup_printf (_("Read-only: this file is open elsewhere (%s), "
                                                 "so this window cannot change it."), who);

      finish_open (self, pending, TRUE, NULL, text);
    }
  else if (g_str_equal (response, "anyway"))
    {
      g_autofree char *path = g_file_get_path (pending->file);

      finish_open (self, pending, FALSE, scs_lock_acquire (path, TRUE, NULL, NULL), NULL);
    }
}

static void
ask_locked (ScsWindow    *self,
            PendingOpen  *pending,
            ScsLockOwner *holder)
{
  g_autofree char *name = g_file_get_basename (pending->file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Is Open Elsewhere"), name);
  g_autofree char *who = scs_window_describe_holder (holder);
  g_autofree char *body = g_strdup_printf (_("%s has this file open. If you both save it, one "
                                             "of you loses the other’s edits."), who);
  AdwMessageDialog *dialog;

  dialog = scs_window_ask (self, heading, body, "anyway", "read-only", G_CALLBACK (on_locked_response),
                           "cancel", _("_Cancel"),
                           "anyway", _("Open _Anyway"),
                           "read-only", _("Open _Read-Only"),
                           NULL);
  g_object_set_data_full (G_OBJECT (dialog), "pending", pending, (GDestroyNotify) pending_open_free);
  g_object_set_data_full (G_OBJECT (dialog), "holder", holder, (GDestroyNotify) scs_lock_owner_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens bytes as the app opens a file: a newer format read-only, as far as it is
 * understood. Safe in a worker thread (the catalog is only read once the app runs). On
 * failure the first error is kept: a newer file's refusal says more than the retry's. */
static ScsEngagement *
load_for_window (ScsCatalog        *catalog,
                 GBytes            *bytes,
                 ScsProtectKey     *key,
                 ScsEditionReport **report,
                 GError           **error)
{
  g_autoptr(GError) first = NULL;
  ScsEngagement *engagement;

  engagement = scs_storage_open_bytes (catalog, bytes, SCS_LOAD_DEFAULT, key, report, &first);
  if (engagement == NULL && g_error_matches (first, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_NEWER))
    /* Show what can be shown, and touch nothing. */
    engagement = scs_storage_open_bytes (catalog, bytes, SCS_LOAD_ALLOW_NEWER, key, report, NULL);
  if (engagement == NULL)
    g_propagate_error (error, g_steal_pointer (&first));
  return engagement;
}

static void open_loaded (ScsWindow        *self,
                         GFile            *file,
                         ScsFileStamp     *stamp,
                         ScsEngagement    *engagement,
                         ScsEditionReport *report,
                         ScsProtectKey    *key);

/* A protected file: the passphrase asked in the window, and the key derived and the file
 * opened in a worker thread (Argon2id takes about a second), then asked again when it was
 * wrong. Cancel opens nothing and changes nothing. */
typedef struct {
  /* Weak: while the passphrase is asked, the dialog holds this, and a strong reference
   * would keep the window (and so the dialog, destroyed with it) alive for ever once the
   * window is destroyed. While unsealing, the task holds the window. */
  ScsWindow        *window;
  GFile            *file;
  GBytes           *bytes;
  ScsFileStamp      stamp;
  /* What to do with the opened engagement: open it as the file (recovery NULL), or
   * restore the recovery copy. */
  ScsRecovery      *recovery;
  ScsProtectKey    *key;
  ScsEngagement    *engagement;
  ScsEditionReport *report;
  char             *origin_problem;  /* a recovery copy's sealed origin did not open */
} Unseal;

static void
unseal_free (Unseal *u)
{
  g_clear_weak_pointer (&u->window);
  g_clear_object (&u->file);
  g_clear_pointer (&u->bytes, g_bytes_unref);
  g_clear_pointer (&u->recovery, scs_recovery_free);
  g_clear_pointer (&u->key, scs_protect_key_unref);
  g_clear_object (&u->engagement);
  g_clear_pointer (&u->report, scs_edition_report_free);
  g_free (u->origin_problem);
  g_free (u);
}

static void ask_passphrase (Unseal     *u,
                            const char *problem);

static void
unseal_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Unseal *u = task_data;
  GError *error = NULL;

  u->engagement = load_for_window (scs_application_get_catalog (u->window->application),
                                   u->bytes, u->key, &u->report, &error);
  if (u->engagement == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* A recovery copy's file name was sealed beside it with the same key: opened here, as
   * the copy was, and shown only now that the passphrase has been given. */
  if (u->recovery != NULL && !scs_recovery_unseal_origin (u->recovery, u->key, &error))
    {
      u->origin_problem = g_strdup (error->message);
      g_clear_error (&error);
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_unsealed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Unseal *u = g_task_get_task_data (G_TASK (result));
  ScsWindow *self = u->window;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_PASSPHRASE))
        {
          /* Asked again, with what went wrong; the task keeps its data, so a new one. */
          Unseal *again = g_new0 (Unseal, 1);

          g_set_weak_pointer (&again->window, self);
          again->file = g_object_ref (u->file);
          again->bytes = g_bytes_ref (u->bytes);
          again->stamp = u->stamp;
          again->recovery = g_steal_pointer (&u->recovery);
          ask_passphrase (again, error->message);
        }
      else
        scs_window_show_open_error (self, u->file, error->message);
      return;
    }
  if (u->recovery != NULL)
    {
      scs_window_restore_opened (self, u->recovery, u->engagement, u->key);
      /* Restored all the same, as a new engagement: the edits matter more than where. */
      if (u->origin_problem != NULL)
        scs_window_toast (self, u->origin_problem);
    }
  else
    open_loaded (self, u->file, &u->stamp, g_steal_pointer (&u->engagement),
                 g_steal_pointer (&u->report), u->key);
}

static void
unseal (Unseal        *u,
        ScsProtectKey *key)
{
  g_autoptr(GTask) task = g_task_new (u->window, NULL, on_unsealed, NULL);
  g_autoptr(GdkCursor) busy = gdk_cursor_new_from_name ("wait", NULL);

  u->key = scs_protect_key_ref (key);
  gtk_widget_set_cursor (GTK_WIDGET (u->window), busy);
  g_task_set_source_tag (task, unseal);
  g_task_set_task_data (task, u, (GDestroyNotify) unseal_free);
  g_task_run_in_thread (task, unseal_in_thread);
}

static void
on_passphrase_response (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  /* Taken from the dialog, which frees it when it goes unanswered (its window closed). */
  Unseal *u = g_object_steal_data (G_OBJECT (dialog), "unseal");
  const char *text = gtk_editable_get_text (scs_passphrase_dialog_get_entry (dialog, 0));

  /* Once: closing the dialog afterwards answers its close response too. */
  g_signal_handlers_disconnect_by_func (dialog, on_passphrase_response, user_data);
  if (u == NULL)
    return;
  if (u->window == NULL)
    {
      unseal_free (u);
      return;
    }
  u->window->dialog = NULL;
  if (g_str_equal (response, "open") && text[0] != '\0')
    {
      g_autoptr(ScsProtectKey) key = scs_protect_key_new (text);

      /* The entry's own copy goes with the dialog; ours is in guarded memory. */
      gtk_editable_set_text (scs_passphrase_dialog_get_entry (dialog, 0), "");
      unseal (u, key);
      return;
    }
  unseal_free (u);
}

static void
ask_passphrase (Unseal     *u,
                const char *problem)
{
  g_autofree char *name = g_file_get_basename (u->file);
  AdwMessageDialog *dialog = scs_passphrase_dialog_new_ask (GTK_WINDOW (u->window), name, problem);

  g_object_set_data_full (G_OBJECT (dialog), "unseal", u, (GDestroyNotify) unseal_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_passphrase_response), NULL);
  scs_window_track_dialog (u->window, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens a protected file's bytes: with known (the key this window had for it, on a
 * reload) first, else asking. */
void
scs_window_open_protected (ScsWindow     *self,
                           GFile         *file,
                           GBytes        *bytes,
                           ScsFileStamp  *stamp,
                           ScsRecovery   *recovery,
                           ScsProtectKey *known)
{
  g_autoptr(GError) error = NULL;
  Unseal *u;

  /* A newer, damaged or cut header is told at once, before asking anything. */
  if (!scs_storage_check_protected (bytes, &error))
    {
      scs_window_show_open_error (self, file, error->message);
      scs_recovery_free (recovery);
      return;
    }
  u = g_new0 (Unseal, 1);
  g_set_weak_pointer (&u->window, self);
  u->file = g_object_ref (file);
  u->bytes = g_bytes_ref (bytes);
  if (stamp != NULL)
    u->stamp = *stamp;
  u->recovery = recovery;
  if (known != NULL)
    unseal (u, known);
  else
    ask_passphrase (u, NULL);
}

void
scs_window_open_file_full (ScsWindow     *self,
                           GFile         *file,
                           ScsProtectKey *known)
{
  ScsCatalog *catalog = scs_application_get_catalog (self->application);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ScsEditionReport) report = NULL;
  g_autoptr(ScsEngagement) engagement = NULL;
  g_autofree char *path = g_file_get_path (file);
  ScsWindow *open_in;
  ScsFileStamp stamp;

  /* One file, one window: two windows saving one file would undo each other. */
  open_in = scs_window_find_for_file (self->application, file);
  if (open_in != NULL)
    {
      gtk_window_present (GTK_WINDOW (open_in));
      return;
    }
  scs_file_stamp_take (&stamp, path);

  bytes = scs_storage_read_engagement (file, &error);
  if (bytes == NULL)
    {
      scs_window_show_open_error (self, file, error->message);
      return;
    }
  if (scs_storage_is_protected (bytes))
    {
      scs_window_open_protected (self, file, bytes, &stamp, NULL, known);
      return;
    }
  engagement = load_for_window (catalog, bytes, NULL, &report, &error);
  if (engagement == NULL)
    {
      scs_window_show_open_error (self, file, error->message);
      return;
    }
  open_loaded (self, file, &stamp, g_steal_pointer (&engagement), g_steal_pointer (&report),
               NULL);
}

void
scs_window_open_file (ScsWindow *self,
                      GFile     *file)
{
  scs_window_open_file_full (self, file, NULL);
}

/* The engagement read from file, to a window: after the lock is had or asked about. */
static void
open_loaded (ScsWindow        *self,
             GFile            *file,
             ScsFileStamp     *stamp,
             ScsEngagement    *engagement,
             ScsEditionReport *report,
             ScsProtectKey    *key)
{
  g_autofree char *path = g_file_get_path (file);
  ScsLockOwner *holder = NULL;
  ScsLock *lock = NULL;
  ScsWindow *open_in;
  PendingOpen *pending;

  pending = g_new0 (PendingOpen, 1);
  pending->file = g_object_ref (file);
  pending->engagement = engagement;
  pending->report = report;
  pending->stamp = *stamp;
  pending->key = key != NULL ? scs_protect_key_ref (key) : NULL;
  /* Opened in another window while the passphrase was asked: one file, one window. */
  open_in = scs_window_find_for_file (self->application, file);
  if (open_in != NULL)
    {
      gtk_window_present (GTK_WINDOW (open_in));
      pending_open_free (pending);
      return;
    }
  /* A folder that takes no lock file (a read-only medium) still opens the file. */
  if (pending->report->newer_format == 0 && path != NULL)
    lock = scs_lock_acquire (path, FALSE, &holder, NULL);
  if (holder != NULL)
    {
      ask_locked (self, pending, holder);
      return;
    }
  finish_open (self, pending, pending->report->newer_format != 0, lock, NULL);
  pending_open_free (pending);
}

void
scs_window_open_example (ScsWindow *self)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsEngagement) engagement = NULL;

  engagement = scs_storage_load_bytes (scs_application_get_catalog (self->application), bytes,
                                       NULL, &error);
  if (engagement == NULL)
    {
      scs_window_toast (self, error->message);
      return;
    }
  /* Untitled: saving asks where, so the bundled example is never overwritten. */
  scs_window_show_engagement (self, engagement, NULL, FALSE);
}

/* import ---------------------------------------------------------------------------------- */

static void import_with (ScsWindow     *self,
                         GFile         *file,
                         ScsProtectKey *key);

static void
on_import_passphrase_response (AdwMessageDialog *dialog,
                               const char       *response,
                               ScsWindow        *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  GtkEditable *entry = scs_passphrase_dialog_get_entry (dialog, 0);
  const char *text = gtk_editable_get_text (entry);

  g_signal_handlers_disconnect_by_func (dialog, on_import_passphrase_response, self);
  self->dialog = NULL;
  if (g_str_equal (response, "open") && text[0] != '\0' && self->engagement != NULL)
    {
      g_autoptr(ScsProtectKey) key = scs_protect_key_new (text);

      gtk_editable_set_text (entry, "");
      import_with (self, file, key);
    }
}

/* What opening the company's file gave: the import dialog, the passphrase question
 * (again, with why, when a passphrase was given), or the error. */
static void
import_loaded (ScsWindow     *self,
               GFile         *file,
               ScsEngagement *incoming,
               gboolean       with_key,
               GError        *error)
{
  ScsImportDialog *dialog;

  if (incoming == NULL &&
      (g_error_matches (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_PASSPHRASE_NEEDED) ||
       g_error_matches (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_PASSPHRASE)))
    {
      g_autofree char *name = g_file_get_basename (file);
      AdwMessageDialog *ask = scs_passphrase_dialog_new_ask (
        GTK_WINDOW (self), name, with_key ? error->message : NULL);

      g_object_set_data_full (G_OBJECT (ask), "file", g_object_ref (file), g_object_unref);
      g_signal_connect (ask, "response", G_CALLBACK (on_import_passphrase_response), self);
      scs_window_track_dialog (self, ask);
      gtk_window_present (GTK_WINDOW (ask));
      return;
    }
  if (incoming == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Imported"), name);

      scs_window_show_file_error (self, heading, error->message);
      return;
    }
  dialog = scs_import_dialog_new (GTK_WINDOW (self), self->engagement, incoming, self->history, file);
  g_clear_object (&self->import_dialog);
  self->import_dialog = g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  GFile         *file;
  ScsProtectKey *key;
  ScsEngagement *current;    /* the engagement it is imported into, when it began */
  ScsEngagement *incoming;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_object_unref (job->file);
  scs_protect_key_unref (job->key);
  g_object_unref (job->current);
  g_clear_object (&job->incoming);
  g_free (job);
}

static void
import_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportJob *job = task_data;
  ScsWindow *self = source;
  GError *error = NULL;

  /* Only the framework of the current engagement is read here, and it never changes. */
  job->incoming = scs_import_load_full (scs_application_get_catalog (self->application),
                                        job->current, job->file, job->key, &error);
  if (job->incoming == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ScsWindow *self = SCS_WINDOW (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->n_importing--;
  if (self->n_importing == 0)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  g_task_propagate_boolean (G_TASK (result), &error);
  /* Another engagement took the window meanwhile: this import was for the one before. */
  if (self->engagement != job->current)
    return;
  import_loaded (self, job->file, job->incoming, TRUE, error);
}

/* The company's file, protected or not. Without a key it is read here (a protected one
 * then asks for its passphrase); with one, Argon2id derives the key for about a second,
 * so the file is opened in a worker thread while the window stays responsive. */
static void
import_with (ScsWindow     *self,
             GFile         *file,
             ScsProtectKey *key)
{
  ScsCatalog *catalog = scs_application_get_catalog (self->application);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsEngagement) incoming = NULL;

  g_return_if_fail (self->engagement != NULL);
  if (key != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, on_imported, NULL);
      g_autoptr(GdkCursor) busy = gdk_cursor_new_from_name ("wait", NULL);
      ImportJob *job = g_new0 (ImportJob, 1);

      job->file = g_object_ref (file);
      job->key = scs_protect_key_ref (key);
      job->current = g_object_ref (self->engagement);
      g_task_set_source_tag (task, import_with);
      g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
      self->n_importing++;
      gtk_widget_set_cursor (GTK_WIDGET (self), busy);
      g_task_run_in_thread (task, import_in_thread);
      return;
    }
  incoming = scs_import_load_full (catalog, self->engagement, file, NULL, &error);
  import_loaded (self, file, incoming, FALSE, error);
}

void
scs_window_import_file (ScsWindow *self,
                        GFile     *file)
{
  import_with (self, file, NULL);
}
