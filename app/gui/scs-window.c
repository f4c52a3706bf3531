/* scs-window.c — the main window: one engagement, its requirement tree and pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns the engagement, its undo history and its recovery copy. Everything the
 * user can do goes through the window's actions (see scs_window_class_init), which the
 * menu, the shortcuts and the tests all use.
 */
#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "scs-bind.h"
#include "scs-company-copy-dialog.h"
#include "scs-new-dialog.h"
#include "scs-passphrase.h"
#include "scs-window.h"
#include "scs-export-dialog.h"
#include "scs-presentation.h"
#include "scs-import-dialog.h"

#define EXAMPLE_RESOURCE SCS_RESOURCE_PREFIX "/samples/example-aaa.scsa"
#define RECENT_MIME "application/x-scs-assessor"
#define MAX_RECENT 8

struct _ScsWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay  *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget        *unsaved_label;
  GtkRevealer      *banner_revealer;
  GtkLabel         *banner_label;
  GtkRevealer      *company_revealer;
  GtkLabel         *company_label;
  GtkWidget        *company_back_button;
  GtkWidget        *company_copy_button;
  GtkRevealer      *edition_revealer;
  GtkLabel         *edition_label;
  GtkRevealer      *frameworks_revealer;
  GtkLabel         *frameworks_label;
  GtkLabel         *frameworks_details_label;
  GtkToggleButton  *frameworks_details_button;
  GtkRevealer      *frameworks_details_revealer;
  GtkWidget        *frameworks_dismiss_button;
  GtkStack         *main_stack;
  GtkStack         *page_stack;
  ScsSidebar       *sidebar;
  ScsCriterionPage *criterion_page;
  GtkPaned         *paned;
  ScsNodePage      *node_page;
  AdwBin           *dashboard_bin;
  AdwBin           *engagement_bin;
  ScsDashboardPage *dashboard_page;    /* made when first shown or asked for */
  ScsEngagementPage *engagement_page;
  ScsImportDialog  *import_dialog;    /* the last one shown, for tests */
  guint             n_importing;      /* protected imports unsealing in a worker thread */
  ScsExportDialog  *export_dialog;    /* the last one shown, for tests */
  ScsPresentation  *presentation;     /* while one is open (weak) */
  AdwViewStackPage *engagement_stack_page;
  AdwViewStackPage *dashboard_stack_page;
  AdwViewStack     *view_stack;
  GMenu            *file_section;

  ScsApplication   *application;
  ScsEngagement    *engagement;
  ScsHistory       *history;
  ScsAutosave      *autosave;
  GFile            *file;
  ScsProtectKey    *key;          /* the file's passphrase, for this window; NULL: plain */
  ScsLock          *lock;         /* NULL when the folder takes none, or read-only */
  ScsFileStamp      stamp;        /* the file as it was read or last written here */
  gboolean          save_again;   /* a save back to the file asked while one was running */
  ScsNode          *node;
  AdwMessageDialog *dialog;
  gboolean          read_only;
  gboolean          preview;      /* the expert looks at the company's view of their file */
  gboolean          modified;
  gboolean          close_after_save;
  gboolean          closing;
  guint             n_saving;
  guint64           edits;        /* bumped by every edit, to tell a save from later edits */
};

G_DEFINE_FINAL_TYPE (ScsWindow, scs_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_COMPANY_PREVIEW, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void update_actions (ScsWindow *self);
static void track_dialog (ScsWindow        *self,
                          AdwMessageDialog *dialog);
static void save_as (ScsWindow *self);

static void
toast (ScsWindow  *self,
       const char *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* The file decides who is at the keyboard: a company copy holds nothing of the expert's, so
 * it is always shown as the company sees it; the expert's own file only while previewing. */
static gboolean
company_mode (ScsWindow *self)
{
  return self->engagement != NULL &&
         (self->preview || scs_engagement_is_company_copy (self->engagement));
}

/* title and state ------------------------------------------------------------------- */

static void
update_title (ScsWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->engagement != NULL)
    {
      ScsRecord *company = scs_record_get_object (SCS_RECORD (self->engagement), "company");
      const char *name = scs_record_get_string (company, "name");

      /* TRANSLATORS: window title: company name and level, e.g. “AAA株式会社 — ★3” */
      title = g_strdup_printf (_("%s — ★%d"), name[0] != '\0' ? name : _("Untitled Engagement"),
                               scs_engagement_get_level (self->engagement));
      g_autofree char *where = self->file != NULL ? g_file_get_basename (self->file)
                                                  : g_strdup (_("Not saved yet"));

      if (!scs_engagement_is_company_copy (self->engagement))
        subtitle = g_steal_pointer (&where);
      else if (!scs_engagement_is_own_self_assessment (self->engagement))
        /* TRANSLATORS: window subtitle of a company copy; %s is the file's name */
        subtitle = g_strdup_printf (_("Company copy · %s"), where);
      else
        /* TRANSLATORS: window subtitle of a company's own self-assessment; %s is the file's name */
        subtitle = g_strdup_printf (_("Self-assessment · %s"), where);
      if (self->key != NULL)
        {
          g_autofree char *plain = g_steal_pointer (&subtitle);

          /* TRANSLATORS: window subtitle of a passphrase-protected file: its name */
          subtitle = g_strdup_printf (_("%s — protected by a passphrase"), plain);
        }
    }
  else
    title = g_strdup (_("SCS Assessor"));

  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle != NULL ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_set_visible (self->unsaved_label, self->modified);
}

static void
set_modified (ScsWindow *self,
              gboolean   modified)
{
  self->modified = modified;
  update_title (self);
}

static void
on_engagement_changed (ScsEngagement *engagement,
                       ScsWindow     *self)
{
  self->edits++;
  if (!self->modified)
    set_modified (self, TRUE);
  else
    update_title (self);
}

static void
on_history_notify (ScsWindow *self)
{
  update_actions (self);
}

static void
on_autosave_failed (ScsAutosave  *autosave,
                    const GError *error,
                    ScsWindow    *self)
{
  g_autofree char *message = g_strdup_printf (_("The recovery copy could not be written: %s"),
                                              error->message);

  toast (self, message);
}

static void
update_actions (ScsWindow *self)
{
  GtkWidget *w = GTK_WIDGET (self);
  gboolean have = self->engagement != NULL;
  gboolean editable = have && !self->read_only;

  gtk_widget_action_set_enabled (w, "win.save", editable);
  /* The expert's preview saves the expert's whole file, not what the company sees: Ctrl+S
   * goes on saving the engagement, and a file for the company is made by Make Company
   * Copy…, never by a Save As that would look like one. */
  gtk_widget_action_set_enabled (w, "win.save-as", editable && !self->preview);
  gtk_widget_action_set_enabled (w, "win.import", editable && !company_mode (self));
  gtk_widget_action_set_enabled (w, "win.plan-item", editable && !company_mode (self));
  gtk_widget_action_set_enabled (w, "win.undo", editable && scs_history_can_undo (self->history));
  gtk_widget_action_set_enabled (w, "win.redo", editable && scs_history_can_redo (self->history));
  gtk_widget_action_set_enabled (w, "win.search", have);
  gtk_widget_action_set_enabled (w, "win.export", have);
  /* Offered to the expert, in the preview too (it is the expert's file, and what the copy
   * holds is what the preview shows); a company's file holds no more than the company's. */
  gtk_widget_action_set_enabled (w, "win.company-copy",
                                 have && !scs_engagement_is_company_copy (self->engagement));
  gtk_widget_action_set_enabled (w, "win.print", have);
  gtk_widget_action_set_enabled (w, "win.present", have);
  gtk_widget_action_set_enabled (w, "win.next", have);
  gtk_widget_action_set_enabled (w, "win.previous", have);
  gtk_widget_action_set_enabled (w, "win.company-status", editable);
  gtk_widget_action_set_enabled (w, "win.verdict", editable && !company_mode (self));
  /* No way from a company copy to an expert view: there is nothing of the expert in it. */
  gtk_widget_action_set_enabled (w, "win.company-preview",
                                 have && !scs_engagement_is_company_copy (self->engagement));
}

static void get_copy_options (ScsWindow             *self,
                              ScsCompanyCopyOptions *options);

static void
apply_role (ScsWindow *self)
{
  gboolean company = company_mode (self);
  ScsCompanyCopyOptions shared = { FALSE, FALSE };

  /* The company's view shows what a company copy holds: for the expert's preview, what
   * the expert chose to share. */
  if (company)
    get_copy_options (self, &shared);
  scs_sidebar_set_company_mode (self->sidebar, company);
  scs_criterion_page_set_shared_verdicts (self->criterion_page, shared.verdicts);
  scs_criterion_page_set_company_mode (self->criterion_page, company);
  scs_node_page_set_company_mode (self->node_page, company);
  if (self->dashboard_page != NULL)
    scs_dashboard_page_set_company_mode (self->dashboard_page, company);
  if (self->engagement_page != NULL)
    {
      scs_engagement_page_set_shared (self->engagement_page, shared.plan, shared.verdicts);
      scs_engagement_page_set_company_mode (self->engagement_page, company);
    }
  /* Whose view this is stays in sight: the expert's preview with its way back; a company's
   * file with what it is for. */
  if (self->preview)
    gtk_label_set_text (self->company_label,
                        _("Previewing what the company sees: verdicts, comments and notes it is not "
                          "given are hidden, and reports, images and slides hold only what a company "
                          "copy would. Saving keeps the whole engagement; the file to give the company "
                          "is made with Make Company Copy…"));
  else if (company && !scs_engagement_is_own_self_assessment (self->engagement))
    gtk_label_set_text (self->company_label,
                        _("The company’s copy of the engagement: fill in the self-assessment and "
                          "send this file back to the expert."));
  else if (company)
    gtk_label_set_text (self->company_label,
                        _("Your company’s own self-assessment: an expert can import it into their "
                          "engagement later."));
  /* The slides on the wall show what the company is given, as the window does. */
  if (company && self->presentation != NULL && scs_presentation_is_company_view (self->presentation))
    scs_presentation_set_company_view (self->presentation, &shared);
  gtk_widget_set_visible (self->company_back_button, self->preview);
  gtk_widget_set_visible (self->company_copy_button, self->preview);
  gtk_revealer_set_reveal_child (self->company_revealer, company);
  update_actions (self);
  update_title (self);
}

static void
set_preview (ScsWindow *self,
             gboolean   preview)
{
  preview = preview && self->engagement != NULL && !scs_engagement_is_company_copy (self->engagement);
  if (self->preview == preview)
    return;
  self->preview = preview;
  /* The slides on the wall were made for the other view: they close rather than show it. */
  if (self->presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presentation));
  apply_role (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY_PREVIEW]);
}

/* What the company may be given of this engagement: what a company copy says it holds, or
 * for the expert's own file what the expert chose to share in company copies (a plan only
 * once agreed, as a draft is never shared). */
static void
get_copy_options (ScsWindow             *self,
                  ScsCompanyCopyOptions *options)
{
  GSettings *settings = scs_application_get_settings (self->application);

  if (scs_engagement_is_company_copy (self->engagement))
    {
      ScsRecord *origin = SCS_RECORD (scs_engagement_get_copy_origin (self->engagement));

      options->plan = scs_record_get_boolean (origin, "plan");
      options->verdicts = scs_record_get_boolean (origin, "verdicts");
    }
  else
    {
      options->plan = g_settings_get_boolean (settings, "company-copy-plan") &&
                      scs_engagement_plan_is_agreed (self->engagement);
      options->verdicts = g_settings_get_boolean (settings, "company-copy-verdicts");
    }
}

ScsEngagement *
scs_window_dup_output_engagement (ScsWindow *self,
                                  GError   **error)
{
  ScsCompanyCopyOptions options;

  g_return_val_if_fail (self->engagement != NULL, NULL);
  if (!company_mode (self))
    return g_object_ref (self->engagement);
  /* Outputs of the company's view are made from a company copy, so that nothing the copy
   * leaves out can reach them, whatever a report or a slide would print. */
  get_copy_options (self, &options);
  return scs_company_copy_new (self->engagement, &options, error);
}

/* navigation -------------------------------------------------------------------------- */

static void
show_node (ScsWindow *self,
           ScsNode   *node)
{
  g_set_object (&self->node, node);
  if (node == NULL)
    return;
  if (scs_node_get_kind (node) == SCS_NODE_CRITERION)
    {
      scs_criterion_page_show (self->criterion_page, node);
      gtk_stack_set_visible_child_name (self->page_stack, "criterion");
    }
  else
    {
      scs_node_page_show (self->node_page, node);
      gtk_stack_set_visible_child_name (self->page_stack, "node");
    }
  if (self->history != NULL)
    scs_history_seal (self->history);
}

static void
on_sidebar_selected (ScsWindow *self)
{
  ScsNode *node = scs_sidebar_get_selected (self->sidebar);

  if (node != NULL && node != self->node)
    show_node (self, node);
}

static void
on_open_node (ScsWindow *self,
              ScsNode   *node)
{
  scs_sidebar_select (self->sidebar, node);
}

/* From the dashboard or the engagement's pages: back to the assessment, on the node. */
static void
on_dashboard_open_node (ScsWindow *self,
                        ScsNode   *node)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "assessment");
  scs_sidebar_select (self->sidebar, node);
}

static void
go_to (ScsWindow *self,
       ScsNode   *node,
       gboolean   focus_input)
{
  if (node == NULL)
    return;
  scs_sidebar_select (self->sidebar, node);
  if (focus_input && scs_node_get_kind (node) == SCS_NODE_CRITERION)
    scs_criterion_page_focus_input (self->criterion_page);
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
        return scs_framework_lookup (framework, level, scs_record_get_string (r, "subcategory"));
    }
  return NULL;
}

/* engagement ------------------------------------------------------------------------- */

static void
add_recent (ScsWindow *self,
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

static void
clear_engagement (ScsWindow *self)
{
  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_data (self->engagement, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  if (self->autosave != NULL)
    g_signal_handlers_disconnect_by_data (self->autosave, self);
  scs_sidebar_set_engagement (self->sidebar, NULL);
  scs_criterion_page_set_context (self->criterion_page, NULL, NULL);
  scs_node_page_set_engagement (self->node_page, NULL);
  if (self->dashboard_page != NULL)
    scs_dashboard_page_set_engagement (self->dashboard_page, NULL, NULL);
  adw_view_stack_page_set_visible (self->dashboard_stack_page, FALSE);
  if (self->engagement_page != NULL)
    scs_engagement_page_set_context (self->engagement_page, NULL, NULL, NULL);
  adw_view_stack_page_set_visible (self->engagement_stack_page, FALSE);
  g_clear_object (&self->node);
  g_clear_object (&self->autosave);
  g_clear_object (&self->history);
  g_clear_object (&self->engagement);
  g_clear_object (&self->file);
  g_clear_pointer (&self->key, scs_protect_key_unref);
  g_clear_pointer (&self->lock, scs_lock_release);
  memset (&self->stamp, 0, sizeof self->stamp);
}

/* pages made when first needed ----------------------------------------------------------- */

/* The Engagement and Dashboard views are made the first time they are shown or asked for,
 * and then given what the window has: a file opens without building views not on screen. */

static void
give_dashboard_page_engagement (ScsWindow *self)
{
  scs_dashboard_page_set_engagement (self->dashboard_page, self->engagement,
                                     scs_catalog_get_latest (scs_application_get_catalog (self->application),
                                                             "five-minute-diagnosis"));
}

static void
give_engagement_page_engagement (ScsWindow *self)
{
  scs_engagement_page_set_context (self->engagement_page, self->engagement, self->history,
                                   scs_application_get_catalog (self->application));
  scs_engagement_page_set_editable (self->engagement_page, !self->read_only);
}

static ScsDashboardPage *
ensure_dashboard_page (ScsWindow *self)
{
  if (self->dashboard_page == NULL)
    {
      self->dashboard_page = g_object_new (SCS_TYPE_DASHBOARD_PAGE, NULL);
      g_signal_connect_swapped (self->dashboard_page, "open-node", G_CALLBACK (on_dashboard_open_node), self);
      scs_dashboard_page_set_company_mode (self->dashboard_page, company_mode (self));
      if (self->engagement != NULL)
        give_dashboard_page_engagement (self);
      adw_bin_set_child (self->dashboard_bin, GTK_WIDGET (self->dashboard_page));
    }
  return self->dashboard_page;
}

static ScsEngagementPage *
ensure_engagement_page (ScsWindow *self)
{
  if (self->engagement_page == NULL)
    {
      self->engagement_page = g_object_new (SCS_TYPE_ENGAGEMENT_PAGE, NULL);
      g_signal_connect_swapped (self->engagement_page, "open-node", G_CALLBACK (on_dashboard_open_node), self);
      if (self->engagement != NULL)
        give_engagement_page_engagement (self);
      apply_role (self);
      adw_bin_set_child (self->engagement_bin, GTK_WIDGET (self->engagement_page));
    }
  return self->engagement_page;
}

static void
on_view_shown (ScsWindow *self)
{
  GtkWidget *shown = adw_view_stack_get_visible_child (self->view_stack);

  if (shown == GTK_WIDGET (self->dashboard_bin))
    ensure_dashboard_page (self);
  else if (shown == GTK_WIDGET (self->engagement_bin))
    ensure_engagement_page (self);
}

/* frameworks banners -------------------------------------------------------------------- */

/* Criteria from a file are never taken for the official texts, on screen either. */
static void
show_edition (ScsWindow *self)
{
  ScsFramework *framework = self->engagement != NULL ? scs_engagement_get_framework (self->engagement)
                                                     : NULL;
  gboolean user = framework != NULL && !scs_framework_is_builtin (framework);

  if (user)
    {
      g_autofree char *text =
        g_strdup_printf (_("This engagement uses user-provided criteria (edition %s), not the "
                           "official text."), scs_framework_get_edition (framework));

      gtk_label_set_text (self->edition_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->edition_label),
                                   scs_framework_get_origin (framework));
    }
  gtk_revealer_set_reveal_child (self->edition_revealer, user);
}

/* Criteria files in the user's folder that could not be used: how many at once, which and
 * why on demand. The app works on without them. */
static void
show_catalog_errors (ScsWindow *self)
{
  GPtrArray *errors = scs_catalog_get_errors (scs_application_get_catalog (self->application));
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *summary = NULL;

  if (errors->len == 0)
    return;
  for (guint i = 0; i < errors->len; i++)
    {
      if (i > 0)
        g_string_append_c (details, '\n');
      g_string_append (details, ((const GError *) g_ptr_array_index (errors, i))->message);
    }
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u criteria file could not be used; the app works without it.",
                                          "%u criteria files could not be used; the app works without them.",
                                          errors->len),
                             errors->len);
  gtk_label_set_text (self->frameworks_label, summary);
  gtk_label_set_text (self->frameworks_details_label, details->str);
  gtk_revealer_set_reveal_child (self->frameworks_revealer, TRUE);
}

static void
on_frameworks_dismiss (ScsWindow *self)
{
  gtk_revealer_set_reveal_child (self->frameworks_revealer, FALSE);
}

void
scs_window_set_engagement (ScsWindow     *self,
                           ScsEngagement *engagement,
                           GFile         *file,
                           gboolean       read_only)
{
  GSettings *settings = scs_application_get_settings (self->application);
  GListModel *criteria;

  clear_engagement (self);
  self->engagement = g_object_ref (engagement);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      scs_file_stamp_take (&self->stamp, path);
    }
  self->read_only = read_only;
  self->modified = FALSE;
  /* Every file opens in the view it is for. */
  if (self->preview)
    {
      self->preview = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY_PREVIEW]);
    }
  self->history = scs_history_new (engagement);
  self->autosave = scs_autosave_new (scs_application_get_recovery_dir (self->application), engagement,
                                     g_settings_get_uint (settings, "autosave-delay"));
  scs_autosave_set_origin (self->autosave, file);

  g_signal_connect (engagement, "changed", G_CALLBACK (on_engagement_changed), self);
  g_signal_connect_swapped (self->history, "notify", G_CALLBACK (on_history_notify), self);
  g_signal_connect (self->autosave, "failed", G_CALLBACK (on_autosave_failed), self);

  scs_sidebar_set_engagement (self->sidebar, engagement);
  scs_criterion_page_set_context (self->criterion_page, engagement, self->history);
  scs_node_page_set_engagement (self->node_page, engagement);
  if (self->dashboard_page != NULL)
    give_dashboard_page_engagement (self);
  adw_view_stack_page_set_visible (self->dashboard_stack_page, TRUE);
  if (self->engagement_page != NULL)
    give_engagement_page_engagement (self);
  adw_view_stack_page_set_visible (self->engagement_stack_page, TRUE);
  scs_criterion_page_set_editable (self->criterion_page, !read_only);
  scs_node_page_set_editable (self->node_page, !read_only);
  gtk_revealer_set_reveal_child (self->banner_revealer, read_only);
  show_edition (self);
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
  apply_role (self);

  criteria = scs_framework_get_assessables (scs_engagement_get_framework (engagement),
                                            scs_engagement_get_level (engagement));
  if (g_list_model_get_n_items (criteria) > 0)
    {
      g_autoptr(ScsNode) first = g_list_model_get_item (criteria, 0);

      go_to (self, first, FALSE);
    }
  if (file != NULL && !read_only)
    add_recent (self, file);
}

static ScsWindow *
target_window (ScsWindow *self)
{
  return scs_window_is_empty (self) ? self : scs_window_new (self->application);
}

static void
show_file_error (ScsWindow  *self,
                 const char *heading,
                 const char *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_open_error (ScsWindow  *self,
                 GFile      *file,
                 const char *message)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Opened"), name);

  show_file_error (self, heading, message);
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
  ScsWindow *window = target_window (self);

  scs_window_set_engagement (window, pending->engagement, pending->file, read_only);
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

      toast (window, text);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static char *
describe_holder (const ScsLockOwner *holder)
{
  g_autoptr(GDateTime) local = holder->since != NULL ? g_date_time_to_local (holder->since) : NULL;
  g_autofree char *since = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("?");

  /* TRANSLATORS: who has a file open: user, computer, since when */
  return g_strdup_printf (_("%s on %s, since %s"), holder->user, holder->host, since);
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
      g_autofree char *who = describe_holder (holder);
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
  g_autofree char *who = describe_holder (holder);
  g_autofree char *body = g_strdup_printf (_("%s has this file open. If you both save it, one "
                                             "of you loses the other’s edits."), who);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "anyway", _("Open _Anyway"),
                                    "read-only", _("Open _Read-Only"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "anyway", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "read-only", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "read-only");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pending", pending, (GDestroyNotify) pending_open_free);
  g_object_set_data_full (G_OBJECT (dialog), "holder", holder, (GDestroyNotify) scs_lock_owner_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_locked_response), self);
  track_dialog (self, dialog);
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
  g_clear_object (&u->window);
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
static void restore_opened (ScsWindow     *self,
                            ScsRecovery   *recovery,
                            ScsEngagement *engagement,
                            ScsProtectKey *key);

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

          again->window = g_object_ref (self);
          again->file = g_object_ref (u->file);
          again->bytes = g_bytes_ref (u->bytes);
          again->stamp = u->stamp;
          again->recovery = g_steal_pointer (&u->recovery);
          ask_passphrase (again, error->message);
        }
      else
        show_open_error (self, u->file, error->message);
      return;
    }
  if (u->recovery != NULL)
    {
      restore_opened (self, u->recovery, u->engagement, u->key);
      /* Restored all the same, as a new engagement: the edits matter more than where. */
      if (u->origin_problem != NULL)
        toast (self, u->origin_problem);
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
  track_dialog (u->window, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens a protected file's bytes: with known (the key this window had for it, on a
 * reload) first, else asking. */
static void
open_protected (ScsWindow     *self,
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
      show_open_error (self, file, error->message);
      scs_recovery_free (recovery);
      return;
    }
  u = g_new0 (Unseal, 1);
  u->window = g_object_ref (self);
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

static void
open_file (ScsWindow     *self,
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

  bytes = scs_storage_read_file (file, scs_storage_max_file_size (), NULL, &error);
  if (bytes == NULL)
    {
      show_open_error (self, file, error->message);
      return;
    }
  if (scs_storage_is_protected (bytes))
    {
      open_protected (self, file, bytes, &stamp, NULL, known);
      return;
    }
  engagement = load_for_window (catalog, bytes, NULL, &report, &error);
  if (engagement == NULL)
    {
      show_open_error (self, file, error->message);
      return;
    }
  open_loaded (self, file, &stamp, g_steal_pointer (&engagement), g_steal_pointer (&report),
               NULL);
}

void
scs_window_open_file (ScsWindow *self,
                      GFile     *file)
{
  open_file (self, file, NULL);
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

static void
open_example (ScsWindow *self)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsEngagement) engagement = NULL;

  engagement = scs_storage_load_bytes (scs_application_get_catalog (self->application), bytes,
                                       NULL, &error);
  if (engagement == NULL)
    {
      toast (self, error->message);
      return;
    }
  /* Untitled: saving asks where, so the bundled example is never overwritten. */
  scs_window_set_engagement (target_window (self), engagement, NULL, FALSE);
}

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
      toast (self, message);
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
  add_recent (self, file);
  /* Edits typed while the file was being written are still unsaved. */
  if (job->edits == self->edits)
    {
      scs_autosave_discard (self->autosave);
      set_modified (self, FALSE);
    }
  else
    update_title (self);
  message = g_strdup_printf (_("Saved “%s”"), name);
  toast (self, message);
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
      toast (self, message);
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
      show_open_error (self, file, g_strerror (ENOENT));
      return;
    }
  if (self->modified && !scs_autosave_write_now (self->autosave, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The recovery copy could not be written: %s"),
                                                  error->message);

      toast (self, message);
      return;
    }
  clear_engagement (self);
  self->modified = FALSE;
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  update_title (self);
  update_actions (self);
  open_file (self, file, key);
  if (self->engagement != NULL)
    toast (self, _("Reloaded. The edits made here are kept in a recovery copy, offered when the app next starts."));
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
    save_as (self);
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

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  adw_message_dialog_set_body (dialog,
                               vanished
                               ? _("The file was removed or renamed since it was opened here. "
                                   "Nothing was saved.")
                               : _("Another program or person changed the file since it was "
                                   "opened here. Nothing was saved: overwriting replaces their "
                                   "changes with yours."));
  /* The last response is the one that has the focus when the dialog opens, so Enter
   * pressed by reflex saves a copy rather than overwriting someone else's changes. */
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "overwrite", _("_Overwrite"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_changed_response), self);
  track_dialog (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Save As never lands on a file another window or another copy of the app has open: the
 * two would overwrite each other's saves. */
static gboolean
may_save_as (ScsWindow *self,
             GFile     *file)
{
  ScsWindow *other = scs_window_find_for_file (self->application, file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(ScsLockOwner) holder = NULL;
  g_autofree char *message = NULL;

  if (other != NULL && other != self)
    message = g_strdup_printf (_("“%s” is open in another window; close it there or choose another name."),
                               name);
  else if (path != NULL && (holder = scs_lock_get_holder (path)) != NULL)
    {
      g_autofree char *who = describe_holder (holder);

      message = g_strdup_printf (_("“%s” is open elsewhere (%s); choose another name."), name, who);
    }
  if (message == NULL)
    return TRUE;
  show_file_error (self, _("Not Saved"), message);
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

static GtkFileFilter *
engagement_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("SCS Assessor engagements (*.scsa)"));
  gtk_file_filter_add_pattern (filter, "*.scsa");
  return filter;
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
  track_dialog (self, dialog);
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
static GFile *
chosen_engagement_file (GtkNativeDialog *chooser)
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
      g_autoptr(GFile) file = chosen_engagement_file (chooser);

      scs_window_save_as_chosen (self, file,
                                 g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser),
                                                                         "protect"), "true") == 0);
    }
  else
    self->close_after_save = FALSE;
  g_object_unref (chooser);
}

static void
save_as (ScsWindow *self)
{
  GtkFileChooserNative *chooser;
  ScsRecord *company = scs_record_get_object (SCS_RECORD (self->engagement), "company");
  const char *name = scs_record_get_string (company, "name");
  g_autofree char *suggested = g_strdup_printf ("%s.scsa", name[0] != '\0' ? name : _("engagement"));
  g_autoptr(GtkFileFilter) filter = engagement_filter ();

  chooser = gtk_file_chooser_native_new (_("Save Engagement"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
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

static void
save (ScsWindow *self)
{
  if (self->file != NULL)
    scs_window_save_to (self, NULL);
  else
    save_as (self);
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
on_dialog_destroyed (AdwMessageDialog *dialog,
                     ScsWindow        *self)
{
  /* Only its own: a response may already have put up the next one (a passphrase asked
   * again) before this one is gone. */
  if (self->dialog == dialog)
    self->dialog = NULL;
}

static void
track_dialog (ScsWindow        *self,
              AdwMessageDialog *dialog)
{
  self->dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_dialog_destroyed), self, 0);
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
      save (self);
    }
}

static gboolean
scs_window_close_request (GtkWindow *window)
{
  ScsWindow *self = SCS_WINDOW (window);
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
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"), NULL));
      adw_message_dialog_set_body (dialog,
                                   _("The engagement has changes that are not saved to its file. "
                                     "Unsaved edits are lost if you discard them."));
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "save");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response), self);
      track_dialog (self, dialog);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }
  if (self->n_saving > 0)
    {
      self->close_after_save = TRUE;
      return TRUE;
    }
  remember_size (self);
  if (self->autosave != NULL && !self->modified)
    scs_autosave_discard (self->autosave);
  return GTK_WINDOW_CLASS (scs_window_parent_class)->close_request (window);
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

  bytes = scs_storage_read_file (copy_file, scs_storage_max_file_size (), NULL, &error);
  if (bytes != NULL && scs_storage_is_protected (bytes))
    {
      /* Sealed like the engagement it keeps: restored once its passphrase is given. */
      open_protected (self, copy_file, bytes, NULL, recovery_copy (recovery), NULL);
      return;
    }
  if (bytes != NULL)
    engagement = scs_storage_load_bytes (catalog, bytes, NULL, &error);
  if (engagement == NULL)
    {
      toast (self, error->message);
      return;
    }
  restore_opened (self, recovery, engagement, NULL);
}

static void
restore_opened (ScsWindow     *self,
                ScsRecovery   *recovery,
                ScsEngagement *engagement,
                ScsProtectKey *key)
{
  g_autoptr(GFile) origin = NULL;
  ScsWindow *window;

  if (recovery->origin_uri != NULL)
    origin = g_file_new_for_uri (recovery->origin_uri);
  window = target_window (self);
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
          g_autofree char *who = describe_holder (holder);
          g_autofree char *text = g_strdup_printf (_("The file is open elsewhere (%s). Save "
                                                     "the restored edits with Save As… to keep "
                                                     "both."), who);

          toast (window, text);
        }
    }
  set_modified (window, TRUE);
  /* This process keeps its own copy from now on; the old one goes once it is written. */
  scs_autosave_schedule (window->autosave);
  scs_autosave_flush (window->autosave);
  scs_recovery_discard (recovery);
  gtk_window_present (GTK_WINDOW (window));
  toast (window, _("Unsaved edits restored. Save to keep them in the file."));
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

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Edits?"),
                                                      body->str));
  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Ask Next Time"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "later");
  g_object_set_data_full (G_OBJECT (dialog), "recoveries", g_ptr_array_ref (recoveries),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response), self);
  track_dialog (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* actions ----------------------------------------------------------------------------- */

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
  scs_window_set_engagement (target_window (self), engagement, NULL, FALSE);
}

static void
action_new (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  ScsFramework *framework = scs_catalog_get_latest (scs_application_get_catalog (self->application),
                                                    "scs");
  ScsNewDialog *dialog;

  if (framework == NULL)
    {
      toast (self, _("No SCS criteria are installed."));
      return;
    }
  dialog = scs_new_dialog_new (GTK_WINDOW (self), framework,
                               scs_application_get_settings (self->application));
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_response), self);
  track_dialog (self, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  ScsWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      scs_window_open_file (self, file);
    }
  g_object_unref (chooser);
}

static void
action_open (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = engagement_filter ();

  chooser = gtk_file_chooser_native_new (_("Open Engagement"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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
      track_dialog (self, ask);
      gtk_window_present (GTK_WINDOW (ask));
      return;
    }
  if (incoming == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Imported"), name);

      show_file_error (self, heading, error->message);
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

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    ScsWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      scs_window_import_file (self, file);
    }
  g_object_unref (chooser);
}

static void
action_import (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = engagement_filter ();

  chooser = gtk_file_chooser_native_new (_("Import the Company’s Self-Assessment"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
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
  track_dialog (self, dialog);
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
  toast (self, text);
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

  g_return_if_fail (self->engagement != NULL);

  /* The copy never replaces the expert's own file, whatever name or link leads to it. */
  if (path != NULL && !scs_storage_check_output (path, source, &error))
    {
      company_copy_not_written (self, name, error->message);
      return;
    }
  /* Nor an engagement open in another window or another copy of the app. */
  {
    ScsWindow *other = scs_window_find_for_file (self->application, file);
    g_autoptr(ScsLockOwner) holder = NULL;
    g_autofree char *message = NULL;

    if (other != NULL)
      message = g_strdup_printf (_("“%s” is open in another window; close it there or choose another name."),
                                 name);
    else if (path != NULL && (holder = scs_lock_get_holder (path)) != NULL)
      {
        g_autofree char *who = describe_holder (holder);

        message = g_strdup_printf (_("“%s” is open elsewhere (%s); choose another name."), name, who);
      }
    if (message != NULL)
      {
        company_copy_not_written (self, name, message);
        return;
      }
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
  track_dialog (self, dialog);
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
      g_autoptr(GFile) file = chosen_engagement_file (chooser);

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
  ScsRecord *company;
  const char *name;
  g_autofree char *suggested = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;
  ScsCompanyCopyOptions *options;

  if (!g_str_equal (response, "save") || self->engagement == NULL)
    return;
  scs_company_copy_dialog_remember (dialog);
  options = g_new0 (ScsCompanyCopyOptions, 1);
  scs_company_copy_dialog_get_options (dialog, options);

  company = scs_record_get_object (SCS_RECORD (self->engagement), "company");
  name = scs_record_get_string (company, "name");
  /* TRANSLATORS: the suggested name of a company copy; %s is the company's name */
  suggested = g_strdup_printf (_("%s_company-copy.scsa"), name[0] != '\0' ? name : _("engagement"));
  filter = engagement_filter ();
  chooser = gtk_file_chooser_native_new (_("Save Company Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  g_object_set_data_full (G_OBJECT (chooser), "options", options, g_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
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
  track_dialog (self, ADW_MESSAGE_DIALOG (dialog));
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
      toast (self, error->message);
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

/* presentation ------------------------------------------------------------------------------ */

/* Opens the slides fullscreen on another monitor when there is one, or brings back the
 * open ones. */
ScsPresentation *
scs_window_present_slides (ScsWindow *self)
{
  ScsFramework *diagnosis;

  g_return_val_if_fail (self->engagement != NULL, NULL);
  if (self->presentation != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->presentation));
      return self->presentation;
    }
  diagnosis = scs_catalog_get_latest (scs_application_get_catalog (self->application),
                                      "five-minute-diagnosis");
  self->presentation = scs_presentation_new (GTK_APPLICATION (self->application), self->engagement,
                                             diagnosis,
                                             scs_application_get_settings (self->application));
  if (company_mode (self))
    {
      ScsCompanyCopyOptions options;

      get_copy_options (self, &options);
      scs_presentation_set_company_view (self->presentation, &options);
    }
  g_object_add_weak_pointer (G_OBJECT (self->presentation), (gpointer *) &self->presentation);
  scs_presentation_start (self->presentation, scs_presentation_pick_monitor (GTK_WINDOW (self)));
  return self->presentation;
}

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
  scs_engagement_page_show_section (ensure_engagement_page (self), "plan");
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

static void
action_open_example (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  open_example (SCS_WINDOW (widget));
}

static void
action_save (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  save (SCS_WINDOW (widget));
}

static void
action_save_as (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  save_as (SCS_WINDOW (widget));
}

static void
action_close (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
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
    go_to (self, node, FALSE);
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

  go_to (self, scs_sidebar_step (self->sidebar, g_str_equal (name, "win.next") ? 1 : -1), TRUE);
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
    g_menu_append_submenu (self->file_section, _("Open _Recent"), G_MENU_MODEL (recent));
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

/* class ---------------------------------------------------------------------------------- */

static void
scs_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ScsWindow *self = SCS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COMPANY_PREVIEW:
      g_value_set_boolean (value, self->preview);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ScsWindow *self = SCS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COMPANY_PREVIEW:
      set_preview (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_window_dispose (GObject *object)
{
  ScsWindow *self = SCS_WINDOW (object);

  g_clear_object (&self->export_dialog);
  g_clear_object (&self->import_dialog);
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (scs_application_get_settings (self->application), self);
  clear_engagement (self);
  /* The views made on first show go with the template's bins. */
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->view_stack, on_view_shown, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_WINDOW);
  self->dashboard_page = NULL;
  self->engagement_page = NULL;
  g_clear_object (&self->application);

  G_OBJECT_CLASS (scs_window_parent_class)->dispose (object);
}

static void
scs_window_class_init (ScsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_window_dispose;
  G_OBJECT_CLASS (klass)->get_property = scs_window_get_property;
  G_OBJECT_CLASS (klass)->set_property = scs_window_set_property;
  /* The expert's look at what the company will see; the file, not this, decides for a
   * company copy. */
  properties[PROP_COMPANY_PREVIEW] =
    g_param_spec_boolean ("company-preview", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  GTK_WINDOW_CLASS (klass)->close_request = scs_window_close_request;

  g_type_ensure (SCS_TYPE_SIDEBAR);
  g_type_ensure (SCS_TYPE_CRITERION_PAGE);
  g_type_ensure (SCS_TYPE_NODE_PAGE);
  g_type_ensure (SCS_TYPE_DASHBOARD_PAGE);
  g_type_ensure (SCS_TYPE_ENGAGEMENT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, SCS_RESOURCE_PREFIX "/ui/scs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, unsaved_label);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, company_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, company_label);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, company_back_button);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, company_copy_button);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, edition_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, edition_label);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, frameworks_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, frameworks_label);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, frameworks_details_label);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, frameworks_details_button);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, frameworks_details_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, frameworks_dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, criterion_page);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, node_page);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, dashboard_bin);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, dashboard_stack_page);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, engagement_bin);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, engagement_stack_page);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, file_section);
  gtk_widget_class_bind_template_callback (widget_class, on_open_node);
  gtk_widget_class_bind_template_callback (widget_class, on_frameworks_dismiss);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, action_open_example);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, action_save_as);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, action_close);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, action_undo_redo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, action_undo_redo);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "win.next", NULL, action_step);
  gtk_widget_class_install_action (widget_class, "win.view", "s", action_view);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, action_import);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "win.company-copy", NULL, action_company_copy);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", action_open_export);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, action_present);
  gtk_widget_class_install_action (widget_class, "win.plan-item", NULL, action_plan_item);
  gtk_widget_class_install_action (widget_class, "win.previous", NULL, action_step);
  gtk_widget_class_install_action (widget_class, "win.company-status", "i", action_choose);
  gtk_widget_class_install_action (widget_class, "win.verdict", "i", action_choose);
  gtk_widget_class_install_property_action (widget_class, "win.company-preview", "company-preview");
}

static void
scs_window_init (ScsWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->sidebar, "notify::selected", G_CALLBACK (on_sidebar_selected), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child", G_CALLBACK (on_view_shown), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed",
                            G_CALLBACK (update_recent_menu), self);
  update_recent_menu (self);
}

ScsWindow *
scs_window_new (ScsApplication *application)
{
  ScsWindow *self = g_object_new (SCS_TYPE_WINDOW, "application", application, NULL);
  GSettings *settings = scs_application_get_settings (application);

  self->application = g_object_ref (application);
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* The preview follows what the expert chooses to share. */
  g_signal_connect_swapped (settings, "changed::company-copy-plan", G_CALLBACK (apply_role), self);
  g_signal_connect_swapped (settings, "changed::company-copy-verdicts", G_CALLBACK (apply_role), self);
  g_settings_bind (settings, "sidebar-width", self->paned, "position", G_SETTINGS_BIND_DEFAULT);
  scs_criterion_page_bind_settings (self->criterion_page, settings);
  show_catalog_errors (self);
  update_title (self);
  update_actions (self);
  return self;
}

/* The process is about to end on a signal: unsaved edits go to the recovery copy now,
 * and the lock file goes. */
void
scs_window_prepare_exit (ScsWindow *self)
{
  g_autoptr(GError) error = NULL;

  /* Dates and times typed and not yet taken go into the recovery copy too. */
  if (self->engagement != NULL && !self->read_only)
    g_ptr_array_unref (scs_bind_commit_all (GTK_WIDGET (self)));
  if (self->engagement != NULL && self->modified && self->autosave != NULL &&
      !scs_autosave_write_now (self->autosave, &error))
    g_printerr ("%s\n", error->message);
  g_clear_pointer (&self->lock, scs_lock_release);
}

gboolean scs_window_is_empty (ScsWindow *self) { return self->engagement == NULL; }
ScsEngagement *scs_window_get_engagement (ScsWindow *self) { return self->engagement; }
ScsHistory *scs_window_get_history (ScsWindow *self) { return self->history; }
ScsAutosave *scs_window_get_autosave (ScsWindow *self) { return self->autosave; }
GFile *scs_window_get_file (ScsWindow *self) { return self->file; }
gboolean scs_window_is_modified (ScsWindow *self) { return self->modified; }
gboolean scs_window_is_read_only (ScsWindow *self) { return self->read_only; }
gboolean scs_window_is_saving (ScsWindow *self) { return self->n_saving > 0; }
gboolean scs_window_is_importing (ScsWindow *self) { return self->n_importing > 0; }
ScsSidebar *scs_window_get_sidebar (ScsWindow *self) { return self->sidebar; }
ScsCriterionPage *scs_window_get_criterion_page (ScsWindow *self) { return self->criterion_page; }
ScsNodePage *scs_window_get_node_page (ScsWindow *self) { return self->node_page; }
ScsDashboardPage *scs_window_get_dashboard_page (ScsWindow *self) { return ensure_dashboard_page (self); }
ScsEngagementPage *scs_window_get_engagement_page (ScsWindow *self) { return ensure_engagement_page (self); }
ScsImportDialog *scs_window_get_import_dialog (ScsWindow *self) { return self->import_dialog; }
ScsExportDialog *scs_window_get_export_dialog (ScsWindow *self) { return self->export_dialog; }
AdwMessageDialog *scs_window_get_dialog (ScsWindow *self) { return self->dialog; }

void
scs_window_set_key (ScsWindow     *self,
                    ScsProtectKey *key)
{
  if (key != NULL)
    scs_protect_key_ref (key);
  g_clear_pointer (&self->key, scs_protect_key_unref);
  self->key = key;
  if (self->autosave != NULL)
    scs_autosave_set_key (self->autosave, key);
  update_title (self);
}

ScsProtectKey *scs_window_get_key (ScsWindow *self) { return self->key; }
ScsNode *scs_window_get_node (ScsWindow *self) { return self->node; }
gboolean scs_window_is_company_mode (ScsWindow *self) { return company_mode (self); }
