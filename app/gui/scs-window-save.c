/* scs-window-save.c — the main window's saving, closing and recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving serializes on the main loop and writes in a worker thread, back to the file only if
 * nobody changed it since it was read (else it asks); Save As and its passphrase; the
 * question about unsaved changes on closing; and the recovery copies offered after a crash.
 */
#include <errno.h>
#include <glib/gi18n.h>

#include "scs-bind.h"
#include "scs-passphrase.h"
#include "scs-window-private.h"

/* saving ------------------------------------------------------------------------------ */

typedef struct {
  ScsWindow     *window;
  guint64        edits;    /* the edit count when the bytes were made */
  ScsProtectKey *key;      /* what the file is sealed with; NULL: plain */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_pointer (&job->key, scs_protect_key_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GFile *file = G_FILE (source);
  g_autoptr(SaveJob) job = user_data;
  g_autoptr(ScsWindow) self = job->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  self->n_saving--;
  if (!scs_storage_write_finish (result, &error))
    {
      message = g_strdup_printf (_("“%s” was not saved: %s. Your edits are kept."), name,
                                 error->message);
      self->close_after_save = FALSE;
      self->save_again = FALSE;
      scs_window_toast (self, message);
      return;
    }
  if (self->engagement == NULL)
    return;

  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      g_autofree char *new_path = g_file_get_path (file);

      /* Saved under another name: the lock goes with the window to the new file. */
      g_clear_pointer (&self->lock, scs_lock_release);
      self->lock = scs_lock_acquire (new_path, FALSE, NULL, NULL);
    }
  g_set_object (&self->file, file);
  /* Save As may have protected the file, changed its passphrase or taken it off: the
   * window and its recovery copies follow what was written. */
  if (job->key != self->key)
    scs_window_set_key (self, job->key);
  {
    g_autofree char *saved_path = g_file_get_path (file);

    scs_file_stamp_take (&self->stamp, saved_path);
  }
  scs_autosave_set_origin (self->autosave, file);
  scs_window_add_recent (self, file);
  /* Edits typed while the file was being written are still unsaved. */
  if (job->edits == self->edits)
    {
      scs_autosave_discard (self->autosave);
      scs_window_set_modified (self, FALSE);
    }
  else
    scs_window_set_modified (self, self->modified);  /* the title counts them */
  message = g_strdup_printf (_("Saved “%s”"), name);
  scs_window_toast (self, message);
  /* The save asked for meanwhile, now that the file's stamp is ours again: checked like
   * any other before it writes. */
  if (self->save_again)
    {
      self->save_again = FALSE;
      if (self->modified && !self->read_only)
        {
          scs_window_save_to (self, NULL);
          return;
        }
    }
  if (self->close_after_save && !self->modified)
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
write_to (ScsWindow     *self,
          GFile         *file,
          ScsProtectKey *key)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  SaveJob *job;

  /* A date or time typed as 2026/4/15 and not yet left is read now. One that cannot be
   * read is not saved: the engagement keeps its last good value, the field stays marked,
   * and the toast names it. */
  refused = scs_bind_commit_all (GTK_WIDGET (self));
  if (refused->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *message = NULL;

      g_ptr_array_add (refused, NULL);
      /* TRANSLATORS: between the names of fields in a list */
      names = g_strjoinv (_(", "), (char **) refused->pdata);
      /* TRANSLATORS: %s names the fields, e.g. “Date (YYYY-MM-DD)” */
      message = g_strdup_printf (_("Not taken, as it cannot be read: %s. The last good value was saved."),
                                 names);
      scs_window_toast (self, message);
    }

  /* Serialized here, written off the main loop: typing goes on while the disk works. */
  bytes = scs_storage_serialize (self->engagement);
  job = g_new0 (SaveJob, 1);
  job->window = g_object_ref (self);
  job->edits = self->edits;
  job->key = key != NULL ? scs_protect_key_ref (key) : NULL;
  self->n_saving++;
  /* Sealed in the worker after the JSON is checked: nothing plain reaches the disk. */
  scs_storage_write_async_full (scs_application_get_catalog (self->application), bytes, key,
                                file, NULL, on_saved, job);
}

/* The file is read again into this window. The edits made here are not thrown away
 * unseen: their recovery copy is written now and kept, and offered at the next start. */
static void
reload (ScsWindow *self)
{
  g_autoptr(GFile) file = g_object_ref (self->file);
  g_autoptr(ScsProtectKey) key = self->key != NULL ? scs_protect_key_ref (self->key) : NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing to read: the window keeps its engagement rather than closing it for nothing. */
  if (!g_file_query_exists (file, NULL))
    {
      scs_window_show_open_error (self, file, g_strerror (ENOENT));
      return;
    }
  if (self->modified && !scs_autosave_write_now (self->autosave, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The recovery copy could not be written: %s"),
                                                  error->message);

      scs_window_toast (self, message);
      return;
    }
  scs_window_clear (self);
  scs_window_open_file_full (self, file, key);
  if (self->engagement != NULL)
    scs_window_toast (self, _("Reloaded. The edits made here are kept in a recovery copy, offered when the app next starts."));
}

static void
on_changed_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ScsWindow        *self)
{
  self->dialog = NULL;
  if (self->engagement == NULL)
    return;
  if (g_str_equal (response, "overwrite"))
    write_to (self, self->file, self->key);
  else if (g_str_equal (response, "save-as"))
    scs_window_save_as (self);
  else if (g_str_equal (response, "reload"))
    {
      self->close_after_save = FALSE;
      reload (self);
    }
  else
    self->close_after_save = FALSE;
}

static void
ask_changed (ScsWindow *self,
             gboolean   vanished)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *heading = g_strdup_printf (vanished ? _("“%s” Was Removed") : _("“%s” Changed on Disk"), name);
  AdwMessageDialog *dialog;

  /* The last response is the one that has the focus when the dialog opens, so Enter
   * pressed by reflex saves a copy rather than overwriting someone else's changes. */
  dialog = scs_window_ask (self, heading,
                           vanished
                           ? _("The file was removed or renamed since it was opened here. "
                               "Nothing was saved.")
                           : _("Another program or person changed the file since it was "
                               "opened here. Nothing was saved: overwriting replaces their "
                               "changes with yours."),
                           "overwrite", "save-as", G_CALLBACK (on_changed_response),
                           "cancel", _("_Cancel"),
                           "reload", _("_Reload"),
                           "overwrite", _("_Overwrite"),
                           "save-as", _("Save _As…"),
                           NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Save As never lands on a file another window or another copy of the app has open: the
 * two would overwrite each other's saves. */
static gboolean
may_save_as (ScsWindow *self,
             GFile     *file)
{
  g_autofree char *message = scs_window_describe_taken (self, file, FALSE);

  if (message == NULL)
    return TRUE;
  scs_window_show_file_error (self, _("Not Saved"), message);
  return FALSE;
}

static void save_to (ScsWindow     *self,
                     GFile         *file,
                     ScsProtectKey *key);

void
scs_window_save_to (ScsWindow *self,
                    GFile     *file)
{
  save_to (self, file, self->key);
}

static void
save_to (ScsWindow     *self,
         GFile         *file,
         ScsProtectKey *key)
{
  g_return_if_fail (self->engagement != NULL && !self->read_only);
  if (file == NULL)
    file = self->file;
  g_return_if_fail (file != NULL);

  if ((self->file == NULL || !g_file_equal (file, self->file)) && !may_save_as (self, file))
    {
      self->close_after_save = FALSE;
      return;
    }
  /* Back to the file it came from: only if nobody changed it since. A save of this
   * window still running changes it too, so this one waits for it and is checked then. */
  if (self->file != NULL && g_file_equal (file, self->file) && self->n_saving > 0)
    {
      self->save_again = TRUE;
      return;
    }
  if (self->file != NULL && g_file_equal (file, self->file))
    {
      g_autofree char *path = g_file_get_path (file);
      ScsFileStamp now;

      scs_file_stamp_take (&now, path);
      if (path != NULL && !scs_file_stamp_equal (&now, &self->stamp))
        {
          ask_changed (self, !now.exists);
          return;
        }
    }
  write_to (self, file, key);
}

GtkFileChooserNative *
scs_window_new_chooser (ScsWindow           *self,
                        const char          *title,
                        GtkFileChooserAction action,
                        const char          *accept_label)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept_label, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("SCS Assessor engagements (*.scsa)"));
  gtk_file_filter_add_pattern (filter, "*.scsa");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}

/* What a file of this engagement is named after, in the name a chooser suggests. */
const char *
scs_window_get_file_stem (ScsWindow *self)
{
  ScsRecord *company = scs_record_get_object (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_COMPANY);
  const char *name = scs_record_get_string (company, SCS_M_COMPANY_NAME);

  return name[0] != '\0' ? name : _("engagement");
}

static void
on_protect_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ScsWindow        *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  g_autoptr(ScsProtectKey) key = scs_passphrase_dialog_take_chosen (dialog, response);

  g_signal_handlers_disconnect_by_func (dialog, on_protect_response, self);
  self->dialog = NULL;
  if (key != NULL && self->engagement != NULL)
    save_to (self, file, key);
  else
    self->close_after_save = FALSE;
}

void
scs_window_ask_protect (ScsWindow *self,
                        GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  AdwMessageDialog *dialog = scs_passphrase_dialog_new_choose (GTK_WINDOW (self), name);

  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_protect_response), self);
  scs_window_track_dialog (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
scs_window_save_as_chosen (ScsWindow *self,
                           GFile     *file,
                           gboolean   protect)
{
  if (protect)
    scs_window_ask_protect (self, file);
  else
    save_to (self, file, NULL);
}

/* The file chosen to save an engagement in, with .scsa added when missing: the suffix is
 * what lets a desktop open it with this app. */
GFile *
scs_window_chosen_file (GtkNativeDialog *chooser)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = g_file_get_path (chosen);

  if (path != NULL && !g_str_has_suffix (path, ".scsa"))
    {
      g_autofree char *with_suffix = g_strconcat (path, ".scsa", NULL);

      return g_file_new_for_path (with_suffix);
    }
  return g_steal_pointer (&chosen);
}

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     ScsWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->engagement != NULL)
    {
      g_autoptr(GFile) file = scs_window_chosen_file (chooser);

      scs_window_save_as_chosen (self, file,
                                 g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser),
                                                                         "protect"), "true") == 0);
    }
  else
    self->close_after_save = FALSE;
  g_object_unref (chooser);
}

void
scs_window_save_as (ScsWindow *self)
{
  g_autofree char *suggested = g_strdup_printf ("%s.scsa", scs_window_get_file_stem (self));
  GtkFileChooserNative *chooser = scs_window_new_chooser (self, _("Save Engagement"),
                                                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));

  /* Ticked while the engagement is protected: Save As keeps it so unless told not to. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "protect",
                               _("Protect with a passphrase"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "protect",
                               self->key != NULL ? "true" : "false");
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
scs_window_save (ScsWindow *self)
{
  if (self->file != NULL)
    scs_window_save_to (self, NULL);
  else
    scs_window_save_as (self);
}

/* closing ----------------------------------------------------------------------------- */

static void
remember_size (ScsWindow *self)
{
  GSettings *settings = scs_application_get_settings (self->application);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ScsWindow        *self)
{
  self->dialog = NULL;
  if (g_str_equal (response, "discard"))
    {
      scs_autosave_discard (self->autosave);
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      scs_window_save (self);
    }
}

gboolean
scs_window_may_close (ScsWindow *self)
{
  AdwMessageDialog *dialog;
  gboolean unreadable = FALSE;

  /* A date typed as 2026/4/15 and not yet left is an edit too: taken now, and a field
   * that cannot be read keeps the window from closing unasked. */
  if (!self->closing && self->engagement != NULL && !self->read_only)
    {
      g_autoptr(GPtrArray) refused = scs_bind_commit_all (GTK_WIDGET (self));

      unreadable = refused->len > 0;
    }
  if (!self->closing && (self->modified || unreadable) && !self->read_only)
    {
      dialog = scs_window_ask (self, _("Save Changes?"),
                               _("The engagement has changes that are not saved to its file. "
                                 "Unsaved edits are lost if you discard them."),
                               "discard", "save", G_CALLBACK (on_unsaved_response),
                               "cancel", _("_Cancel"),
                               "discard", _("_Discard"),
                               "save", _("_Save"),
                               NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }
  if (self->n_saving > 0)
    {
      self->close_after_save = TRUE;
      return FALSE;
    }
  remember_size (self);
  if (self->autosave != NULL && !self->modified)
    scs_autosave_discard (self->autosave);
  return TRUE;
}

/* recovery --------------------------------------------------------------------------- */

/* Criteria whose answers differ between the recovered copy and the file it belongs to. */
static char *
describe_changes (ScsWindow   *self,
                  ScsRecovery *recovery)
{
  ScsCatalog *catalog = scs_application_get_catalog (self->application);
  g_autoptr(GFile) copy_file = g_file_new_for_path (recovery->copy_path);
  g_autoptr(ScsEngagement) copy = scs_storage_load (catalog, copy_file, NULL, NULL);
  g_autoptr(ScsEngagement) origin = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  GListModel *assessments;

  /* Not opened just to be listed: that needs the passphrase. */
  if (recovery->protected)
    return g_strdup (_("Protected by a passphrase: what changed shows once it is restored."));
  if (copy == NULL)
    return g_strdup (_("The copy cannot be read."));
  if (recovery->origin_uri != NULL)
    {
      g_autoptr(GFile) origin_file = g_file_new_for_uri (recovery->origin_uri);

      origin = scs_storage_load (catalog, origin_file, NULL, NULL);
    }
  assessments = scs_engagement_get_assessments (copy);
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (assessments, i);
      ScsAssessment *b = origin ? scs_engagement_get_assessment (origin, scs_assessment_get_criterion (a))
                                : NULL;
      g_autoptr(JsonNode) na = scs_record_to_node (SCS_RECORD (a));
      g_autoptr(JsonNode) nb = b != NULL ? scs_record_to_node (SCS_RECORD (b)) : NULL;

      if (scs_record_is_blank (SCS_RECORD (a)) && b == NULL)
        continue;
      if (nb == NULL || !json_node_equal (na, nb))
        g_ptr_array_add (changed, (gpointer) scs_assessment_get_criterion (a));
    }
  if (changed->len == 0)
    return g_strdup (_("No criterion answer differs from the saved file; other details may."));
  g_ptr_array_add (changed, NULL);
  {
    g_autofree char *list = g_strjoinv (", ", (char **) changed->pdata);

    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u criterion changed: %s",
                                         "%u criteria changed: %s", changed->len - 1),
                            changed->len - 1, list);
  }
}

static ScsRecovery *
recovery_copy (const ScsRecovery *r)
{
  ScsRecovery *copy = g_new0 (ScsRecovery, 1);

  copy->copy_path = g_strdup (r->copy_path);
  copy->info_path = g_strdup (r->info_path);
  copy->origin_uri = g_strdup (r->origin_uri);
  copy->origin_sealed = g_strdup (r->origin_sealed);
  copy->company = g_strdup (r->company);
  copy->protected = r->protected;
  copy->written = r->written != NULL ? g_date_time_ref (r->written) : NULL;
  return copy;
}

static void
restore (ScsWindow   *self,
         ScsRecovery *recovery)
{
  ScsCatalog *catalog = scs_application_get_catalog (self->application);
  g_autoptr(GFile) copy_file = g_file_new_for_path (recovery->copy_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ScsEngagement) engagement = NULL;

  bytes = scs_storage_read_engagement (copy_file, &error);
  if (bytes != NULL && scs_storage_is_protected (bytes))
    {
      /* Sealed like the engagement it keeps: restored once its passphrase is given. */
      scs_window_open_protected (self, copy_file, bytes, NULL, recovery_copy (recovery), NULL);
      return;
    }
  if (bytes != NULL)
    engagement = scs_storage_load_bytes (catalog, bytes, NULL, &error);
  if (engagement == NULL)
    {
      scs_window_toast (self, error->message);
      return;
    }
  scs_window_restore_opened (self, recovery, engagement, NULL);
}

void
scs_window_restore_opened (ScsWindow     *self,
                           ScsRecovery   *recovery,
                           ScsEngagement *engagement,
                           ScsProtectKey *key)
{
  g_autoptr(GFile) origin = NULL;
  ScsWindow *window;

  if (recovery->origin_uri != NULL)
    origin = g_file_new_for_uri (recovery->origin_uri);
  window = scs_window_target (self);
  scs_window_set_engagement (window, engagement, origin, FALSE);
  /* Before its copy is written again: still sealed, with the passphrase just given. */
  if (key != NULL)
    scs_window_set_key (window, key);
  if (origin != NULL)
    {
      g_autofree char *origin_path = g_file_get_path (origin);

      g_autoptr(ScsLockOwner) holder = NULL;

      if (origin_path != NULL)
        window->lock = scs_lock_acquire (origin_path, FALSE, &holder, NULL);
      /* Someone else has the file open now: the restored edits are kept here, and a save
       * onto the file asks first if they save it meanwhile (its stamp is taken now). */
      if (holder != NULL)
        {
          g_autofree char *who = scs_window_describe_holder (holder);
          g_autofree char *text = g_strdup_printf (_("The file is open elsewhere (%s). Save "
                                                     "the restored edits with Save As… to keep "
                                                     "both."), who);

          scs_window_toast (window, text);
        }
    }
  scs_window_set_modified (window, TRUE);
  /* This process keeps its own copy from now on; the old one goes once it is written. */
  scs_autosave_schedule (window->autosave);
  scs_autosave_flush (window->autosave);
  scs_recovery_discard (recovery);
  gtk_window_present (GTK_WINDOW (window));
  scs_window_toast (window, _("Unsaved edits restored. Save to keep them in the file."));
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      ScsWindow        *self)
{
  GPtrArray *recoveries = g_object_get_data (G_OBJECT (dialog), "recoveries");

  /* Once, and only its own: restoring a protected copy puts up the passphrase question
   * as this one closes (which would answer its close response too). */
  g_signal_handlers_disconnect_by_func (dialog, on_recovery_response, self);
  if (self->dialog == dialog)
    self->dialog = NULL;

  for (guint i = 0; i < recoveries->len; i++)
    {
      ScsRecovery *recovery = g_ptr_array_index (recoveries, i);

      if (g_str_equal (response, "restore"))
        restore (self, recovery);
      else if (g_str_equal (response, "discard"))
        scs_recovery_discard (recovery);
    }
}

void
scs_window_offer_recovery (ScsWindow *self,
                           GPtrArray *recoveries)
{
  AdwMessageDialog *dialog;
  g_autoptr(GString) body = g_string_new (NULL);

  g_string_append (body, _("SCS Assessor did not close properly. These edits were not saved:"));
  for (guint i = 0; i < recoveries->len; i++)
    {
      ScsRecovery *r = g_ptr_array_index (recoveries, i);
      g_autofree char *when = g_date_time_format (r->written, "%Y-%m-%d %H:%M");
      g_autofree char *where = NULL;
      g_autofree char *what = describe_changes (self, r);

      if (r->origin_uri != NULL)
        {
          g_autoptr(GFile) f = g_file_new_for_uri (r->origin_uri);

          where = g_file_get_parse_name (f);
        }
      g_string_append_printf (body, "\n\n• %s — %s (%s)\n  %s",
                              r->protected ? _("Protected engagement")
                              : r->company[0] != '\0' ? r->company : _("Untitled Engagement"),
                              where != NULL ? where
                              : r->origin_sealed != NULL ? _("its file name is protected too")
                              : _("never saved"), when, what);
    }

  dialog = scs_window_ask (self, _("Restore Unsaved Edits?"), body->str,
                           "discard", "restore", G_CALLBACK (on_recovery_response),
                           "later", _("_Ask Next Time"),
                           "discard", _("_Discard"),
                           "restore", _("_Restore"),
                           NULL);
  g_object_set_data_full (G_OBJECT (dialog), "recoveries", g_ptr_array_ref (recoveries),
                          (GDestroyNotify) g_ptr_array_unref);
  gtk_window_present (GTK_WINDOW (dialog));
}

