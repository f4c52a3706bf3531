/* scs-window-actions.c — the main window's actions and their shortcuts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the menus, the shortcuts and the tests do to the window: new, open, import, the
 * company's copy, export and print, the slides, navigation and the choice keys; the table
 * that installs them with their shortcuts (at the end); the recent files menu and files
 * dropped on the window.
 */
#include <glib/gi18n.h>

#include "scs-bind.h"
#include "scs-company-copy-dialog.h"
#include "scs-new-dialog.h"
#include "scs-passphrase.h"
#include "scs-window-private.h"

#define RECENT_MIME "application/x-scs-assessor"
#define MAX_RECENT 8

/* new, open, import -------------------------------------------------------------------- */

static void
on_new_response (AdwMessageDialog *dialog,
                 const char       *response,
                 ScsWindow        *self)
{
  g_autoptr(ScsEngagement) engagement = NULL;

  self->dialog = NULL;
  if (!g_str_equal (response, "create"))
    return;
  engagement = scs_new_dialog_create (SCS_NEW_DIALOG (dialog));
  scs_window_show_engagement (self, engagement, NULL, FALSE);
}

static void
action_new (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  ScsFramework *framework = scs_catalog_get_latest (scs_application_get_catalog (self->application),
                                                    SCS_FRAMEWORK_ID_CRITERIA);
  ScsNewDialog *dialog;

  if (framework == NULL)
    {
      scs_window_toast (self, _("No SCS criteria are installed."));
      return;
    }
  dialog = scs_new_dialog_new (GTK_WINDOW (self), framework,
                               scs_application_get_settings (self->application));
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_response), self);
  scs_window_track_dialog (self, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Hands the file chosen to then, and lets the chooser go. */
static void
take_chosen (GtkNativeDialog *chooser,
             int              response,
             ScsWindow       *self,
             void           (*then) (ScsWindow *self,
                                     GFile     *file))
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      then (self, file);
    }
  g_object_unref (chooser);
}

static void
on_open_chosen (GtkNativeDialog *chooser,
                int              response,
                ScsWindow       *self)
{
  take_chosen (chooser, response, self, scs_window_open_file);
}

static void
on_import_chosen (GtkNativeDialog *chooser,
                  int              response,
                  ScsWindow       *self)
{
  take_chosen (chooser, response, self, scs_window_import_file);
}

/* Open… and Import…: a file to read, an engagement or the company's self-assessment. */
static void
action_choose_file (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  gboolean import = g_str_equal (name, "win.import");
  GtkFileChooserNative *chooser;

  chooser = scs_window_new_chooser (SCS_WINDOW (widget),
                                    import ? _("Import the Company’s Self-Assessment")
                                           : _("Open Engagement"),
                                    GTK_FILE_CHOOSER_ACTION_OPEN, import ? _("Co_mpare") : _("_Open"));
  g_signal_connect (chooser, "response",
                    import ? G_CALLBACK (on_import_chosen) : G_CALLBACK (on_open_chosen), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* the company's copy ------------------------------------------------------------------------ */

static void
company_copy_not_written (ScsWindow  *self,
                          const char *name,
                          const char *message)
{
  g_autofree char *heading = g_strdup_printf (_("“%s” Was Not Written"), name);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                                         message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  scs_window_track_dialog (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_company_copy_written (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(ScsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  g_autofree char *text = NULL;

  if (!scs_storage_write_finish (result, &error))
    {
      company_copy_not_written (self, name, error->message);
      return;
    }
  /* TRANSLATORS: a toast; %s is the file's name */
  text = g_strdup_printf (_("Company copy “%s” written"), name);
  scs_window_toast (self, text);
}

void
scs_window_write_company_copy (ScsWindow                   *self,
                               const ScsCompanyCopyOptions *options,
                               GFile                       *file)
{
  scs_window_write_company_copy_full (self, options, NULL, file);
}

void
scs_window_write_company_copy_full (ScsWindow                   *self,
                                    const ScsCompanyCopyOptions *options,
                                    ScsProtectKey               *key,
                                    GFile                       *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *source = self->file != NULL ? g_file_get_path (self->file) : NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(ScsEngagement) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (self->engagement != NULL);

  /* The copy never replaces the expert's own file, whatever name or link leads to it. */
  if (path != NULL && !scs_storage_check_output (path, source, &error))
    {
      company_copy_not_written (self, name, error->message);
      return;
    }
  /* Nor an engagement open in another window or another copy of the app. */
  message = scs_window_describe_taken (self, file, TRUE);
  if (message != NULL)
    {
      company_copy_not_written (self, name, message);
      return;
    }
  /* A date typed and not yet left is part of what the expert sees, so of the copy too. */
  if (!self->read_only)
    g_ptr_array_unref (scs_bind_commit_all (GTK_WIDGET (self)));
  copy = scs_company_copy_new (self->engagement, options, &error);
  if (copy == NULL)
    {
      company_copy_not_written (self, name, error->message);
      return;
    }
  bytes = scs_storage_serialize (copy);
  /* Read back as opening would read it before anything is written. */
  scs_storage_write_async_full (scs_application_get_catalog (self->application), bytes, key,
                                file, NULL, on_company_copy_written, g_object_ref (self));
}

static void
on_company_copy_protect (AdwMessageDialog *dialog,
                         const char       *response,
                         ScsWindow        *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  ScsCompanyCopyOptions *options = g_object_get_data (G_OBJECT (dialog), "options");
  g_autoptr(ScsProtectKey) key = scs_passphrase_dialog_take_chosen (dialog, response);

  g_signal_handlers_disconnect_by_func (dialog, on_company_copy_protect, self);
  self->dialog = NULL;
  if (key != NULL && self->engagement != NULL)
    scs_window_write_company_copy_full (self, options, key, file);
}

/* Asks the passphrase the company will open its copy with, then writes it sealed. */
static void
ask_company_copy_passphrase (ScsWindow                   *self,
                             const ScsCompanyCopyOptions *options,
                             GFile                       *file)
{
  g_autofree char *name = g_file_get_basename (file);
  AdwMessageDialog *dialog = scs_passphrase_dialog_new_choose (GTK_WINDOW (self), name);

  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "options", g_memdup2 (options, sizeof *options),
                          g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_company_copy_protect), self);
  scs_window_track_dialog (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_company_copy_file (GtkNativeDialog *chooser,
                      int              response,
                      ScsWindow       *self)
{
  ScsCompanyCopyOptions *options = g_object_get_data (G_OBJECT (chooser), "options");

  if (response == GTK_RESPONSE_ACCEPT && self->engagement != NULL)
    {
      g_autoptr(GFile) file = scs_window_chosen_file (chooser);

      if (g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "protect"),
                     "true") == 0)
        ask_company_copy_passphrase (self, options, file);
      else
        scs_window_write_company_copy (self, options, file);
    }
  g_object_unref (chooser);
}

static void
on_company_copy_response (ScsCompanyCopyDialog *dialog,
                          const char           *response,
                          ScsWindow            *self)
{
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;
  ScsCompanyCopyOptions *options;

  if (!g_str_equal (response, "save") || self->engagement == NULL)
    return;
  scs_company_copy_dialog_remember (dialog);
  options = g_new0 (ScsCompanyCopyOptions, 1);
  scs_company_copy_dialog_get_options (dialog, options);

  /* TRANSLATORS: the suggested name of a company copy; %s is the company's name */
  suggested = g_strdup_printf (_("%s_company-copy.scsa"), scs_window_get_file_stem (self));
  chooser = scs_window_new_chooser (self, _("Save Company Copy"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                    _("_Save"));
  g_object_set_data_full (G_OBJECT (chooser), "options", options, g_free);
  /* Beside the engagement, under a name that is not the engagement's. */
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  /* Off by default: the company needs the passphrase too, agreed by other means. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "protect",
                               _("Protect with a passphrase"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "protect", "false");
  g_signal_connect (chooser, "response", G_CALLBACK (on_company_copy_file), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_company_copy (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  ScsCompanyCopyDialog *dialog;

  g_return_if_fail (self->engagement != NULL);
  dialog = scs_company_copy_dialog_new (GTK_WINDOW (self), self->engagement,
                                        scs_application_get_settings (self->application));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_company_copy_response), self, 0);
  scs_window_track_dialog (self, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* export and print ---------------------------------------------------------------------- */

static void
on_exported (ScsExportDialog *dialog,
             GFile           *file,
             ScsWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  /* TRANSLATORS: a toast after an export; %s is the file's name */
  g_autofree char *text = g_strdup_printf (_("%s written"), name);
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 6);
  adw_toast_set_button_label (t, _("_Open"));
  adw_toast_set_action_name (t, "win.open-export");
  adw_toast_set_action_target_value (t, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
on_export_failed (ScsExportDialog *dialog,
                  const char      *message,
                  ScsWindow       *self)
{
  GtkWidget *alert = adw_message_dialog_new (gtk_widget_get_visible (GTK_WIDGET (dialog))
                                             ? GTK_WINDOW (dialog) : GTK_WINDOW (self),
                                             _("Nothing Was Written"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (alert));
}

/* Opens the export (or print) window; it is kept for tests. */
ScsExportDialog *
scs_window_show_export (ScsWindow *self,
                        gboolean   print)
{
  ScsExportDialog *dialog;
  g_autoptr(ScsEngagement) shown = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (self->engagement != NULL, NULL);
  shown = scs_window_dup_output_engagement (self, &error);
  if (shown == NULL)
    {
      scs_window_toast (self, error->message);
      return NULL;
    }
  dialog = scs_export_dialog_new (GTK_WINDOW (self), shown, print);
  scs_export_dialog_set_source (dialog, self->file);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, 0);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (on_export_failed), self, 0);
  g_set_object (&self->export_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
action_export (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  scs_window_show_export (SCS_WINDOW (widget), g_str_equal (name, "win.print"));
}

static void
action_open_export (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  /* Opened by the desktop's own viewer, on this machine. */
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* navigation and the choice keys -------------------------------------------------------- */

static void
action_present (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  scs_window_present_slides (SCS_WINDOW (widget));
}

/* The criterion on show gets an item in the improvement plan, which opens on it. */
static void
action_plan_item (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);

  if (self->node == NULL || scs_node_get_kind (self->node) != SCS_NODE_CRITERION)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "engagement");
  scs_engagement_page_show_section (scs_window_get_engagement_page (self), "plan");
  scs_plan_page_add_item (scs_engagement_page_get_plan_page (self->engagement_page), self->node);
}

static void
action_open_recent (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  scs_window_open_file (SCS_WINDOW (widget), file);
}

/* What the window does with its file. */
static void
action_file (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);

  if (g_str_equal (name, "win.save"))
    scs_window_save (self);
  else if (g_str_equal (name, "win.save-as"))
    scs_window_save_as (self);
  else if (g_str_equal (name, "win.open-example"))
    scs_window_open_example (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* The criterion or subcategory an edited record belongs to, to show what undo changed. */
static ScsNode *
node_of_record (ScsWindow *self,
                ScsRecord *record)
{
  ScsFramework *framework = scs_engagement_get_framework (self->engagement);
  int level = scs_engagement_get_level (self->engagement);

  for (ScsRecord *r = record; r != NULL; r = scs_record_get_parent (r))
    {
      if (SCS_IS_ASSESSMENT (r))
        return scs_framework_lookup (framework, level, scs_assessment_get_criterion (SCS_ASSESSMENT (r)));
      if (SCS_IS_MATURITY (r))
        return scs_framework_lookup (framework, level, scs_record_get_string (r, SCS_M_MATURITY_SUBCATEGORY));
    }
  return NULL;
}

static void
action_undo_redo (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  ScsRecord *record = g_str_equal (name, "win.undo") ? scs_history_undo (self->history)
                                                     : scs_history_redo (self->history);
  ScsNode *node = record != NULL ? node_of_record (self, record) : NULL;

  if (node != NULL && node != self->node)
    scs_window_go_to (self, node, FALSE);
}

static void
action_search (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  scs_sidebar_focus_search (SCS_WINDOW (widget)->sidebar);
}

static void
action_step (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);

  scs_window_go_to (self, scs_sidebar_step (self->sidebar, g_str_equal (name, "win.next") ? 1 : -1), TRUE);
}

/* The views of the switcher, from the keyboard; a view not on offer (no engagement
 * open) is left alone. */
static void
action_view (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  const char *view = g_variant_get_string (parameter, NULL);
  AdwViewStackPage *page = adw_view_stack_get_page (self->view_stack,
                                                    adw_view_stack_get_child_by_name (self->view_stack, view));

  if (page != NULL && adw_view_stack_page_get_visible (page))
    adw_view_stack_set_visible_child_name (self->view_stack, view);
}

static void
action_choose (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  guint index = (guint) g_variant_get_int32 (parameter);

  if (self->node == NULL || scs_node_get_kind (self->node) != SCS_NODE_CRITERION)
    return;
  if (g_str_equal (name, "win.verdict"))
    scs_criterion_page_choose_verdict (self->criterion_page, index);
  else
    scs_criterion_page_choose_company_status (self->criterion_page, index);
}

/* recent files menu -------------------------------------------------------------------- */

void
scs_window_add_recent (ScsWindow *self,
                       GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) RECENT_MIME,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "scs-assessor %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *tb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (tb, ta);
}

static void
update_recent_menu (ScsWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();
  g_autoptr(GMenu) recent = g_menu_new ();

  for (GList *l = items; l != NULL; l = l->next)
    if (g_str_has_suffix (gtk_recent_info_get_uri (l->data), ".scsa") &&
        gtk_recent_info_exists (l->data))
      g_ptr_array_add (ours, l->data);
  g_ptr_array_sort (ours, newest_first);
  for (guint i = 0; i < MIN (ours->len, MAX_RECENT); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (recent, item);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  /* The submenu is there only when it has something in it. */
  while (g_menu_model_get_n_items (G_MENU_MODEL (self->file_section)) > 2)
    g_menu_remove (self->file_section, 2);
  if (g_menu_model_get_n_items (G_MENU_MODEL (recent)) > 0)
    g_menu_append_submenu (self->file_section, _("Open Recen_t"), G_MENU_MODEL (recent));
}

/* drag and drop ------------------------------------------------------------------------ */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ScsWindow     *self)
{
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    scs_window_open_file (self, l->data);
  return files != NULL;
}

void
scs_window_init_actions (ScsWindow *self)
{
  GtkDropTarget *drop;

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed",
                            G_CALLBACK (update_recent_menu), self);
  update_recent_menu (self);
}

/* installed -------------------------------------------------------------------------------- */

/* The window's actions, each with its shortcuts. The shortcuts are the application's
 * (scs_window_set_accels), not bindings of the class, so that menus show them too. */
static const struct {
  const char                  *name;
  const char                  *parameter_type;
  GtkWidgetActionActivateFunc  activate;
  const char                  *accels[3];
} actions[] = {
  { "win.new", NULL, action_new, { "<Control>n" } },
  { "win.open", NULL, action_choose_file, { "<Control>o" } },
  { "win.open-recent", "s", action_open_recent },
  { "win.open-example", NULL, action_file },
  { "win.save", NULL, action_file, { "<Control>s" } },
  { "win.save-as", NULL, action_file, { "<Control><Shift>s" } },
  { "win.close", NULL, action_file, { "<Control>w" } },
  { "win.undo", NULL, action_undo_redo, { "<Control>z" } },
  { "win.redo", NULL, action_undo_redo, { "<Control><Shift>z", "<Control>y" } },
  { "win.search", NULL, action_search, { "<Control>f" } },
  { "win.next", NULL, action_step, { "<Alt>Down", "<Control>Page_Down" } },
  { "win.view", "s", action_view },
  { "win.import", NULL, action_choose_file },
  { "win.export", NULL, action_export, { "<Control>e" } },
  { "win.company-copy", NULL, action_company_copy },
  { "win.print", NULL, action_export, { "<Control>p" } },
  { "win.open-export", "s", action_open_export },
  { "win.present", NULL, action_present, { "F5" } },
  { "win.plan-item", NULL, action_plan_item },
  { "win.previous", NULL, action_step, { "<Alt>Up", "<Control>Page_Up" } },
  { "win.company-status", "i", action_choose },
  { "win.verdict", "i", action_choose },
};

/* The shortcuts of one value of an action's parameter. */
static const struct {
  const char *detailed_name;
  const char *accels[2];
} value_accels[] = {
  { "win.company-status(1)", { "<Control>1" } },
  { "win.company-status(2)", { "<Control>2" } },
  { "win.company-status(3)", { "<Control>3" } },
  { "win.company-status(4)", { "<Control>4" } },
  { "win.company-status(5)", { "<Control>5" } },
  { "win.verdict(1)", { "<Alt>1" } },
  { "win.verdict(2)", { "<Alt>2" } },
  { "win.verdict(3)", { "<Alt>3" } },
  { "win.view('assessment')", { "<Control><Alt>1" } },
  { "win.view('engagement')", { "<Control><Alt>2" } },
  { "win.view('dashboard')", { "<Control><Alt>3" } },
  /* GtkApplicationWindow's own, which shows ui/gtk/help-overlay.ui */
  { "win.show-help-overlay", { "<Control>question" } },
};

void
scs_window_class_install_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type,
                                     actions[i].activate);
  gtk_widget_class_install_property_action (widget_class, "win.company-preview", "company-preview");
}

void
scs_window_set_accels (GtkApplication *application)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (actions[i].accels[0] != NULL)
      gtk_application_set_accels_for_action (application, actions[i].name, actions[i].accels);
  for (guint i = 0; i < G_N_ELEMENTS (value_accels); i++)
    gtk_application_set_accels_for_action (application, value_accels[i].detailed_name,
                                           value_accels[i].accels);
}
