/* scs-window.c — the main window: one engagement, its requirement tree and pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns the engagement, its undo history and its recovery copy. Everything the
 * user can do goes through the window's actions (installed with their shortcuts in
 * scs-window-actions.c), which the menu, the shortcuts and the tests all use.
 *
 * This file holds the class, whose view it is (the expert's, the company's, the expert's
 * preview of the company's), the title, the views made when first shown, and the
 * engagement given to them. Opening files is in scs-window-open.c, saving, closing and
 * recovery in scs-window-save.c; scs-window-private.h is what the four share.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "scs-bind.h"
#include "scs-paned-share.h"
#include "scs-window-private.h"

G_DEFINE_FINAL_TYPE (ScsWindow, scs_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_COMPANY_PREVIEW, PROP_COMPANY_MODE, PROP_EDITABLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void update_actions (ScsWindow *self);

void
scs_window_toast (ScsWindow  *self,
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

static void
on_dialog_destroyed (AdwMessageDialog *dialog,
                     ScsWindow        *self)
{
  /* Only its own: a response may already have put up the next one (a passphrase asked
   * again) before this one is gone. */
  if (self->dialog == dialog)
    self->dialog = NULL;
}

void
scs_window_track_dialog (ScsWindow        *self,
                         AdwMessageDialog *dialog)
{
  self->dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_dialog_destroyed), self, 0);
}

/* A question whose first answer leaves things as they are, and is what closing it says;
 * destructive is the answer that loses something, suggested the one Enter takes. The
 * answers are id and label pairs, then NULL. */
AdwMessageDialog *
scs_window_ask (ScsWindow  *self,
                const char *heading,
                const char *body,
                const char *destructive,
                const char *suggested,
                GCallback   on_response,
                const char *first_id,
                ...)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                                         body));
  va_list answers;

  va_start (answers, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (answers, const char *))
    adw_message_dialog_add_response (dialog, id, va_arg (answers, const char *));
  va_end (answers);
  adw_message_dialog_set_response_appearance (dialog, destructive, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, suggested, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, suggested);
  adw_message_dialog_set_close_response (dialog, first_id);
  g_signal_connect (dialog, "response", on_response, self);
  scs_window_track_dialog (self, dialog);
  return dialog;
}

/* title and state ------------------------------------------------------------------- */

static void
update_title (ScsWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->engagement != NULL)
    {
      ScsRecord *company = scs_record_get_object (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_COMPANY);
      const char *name = scs_record_get_string (company, SCS_M_COMPANY_NAME);

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
  adw_window_title_set_title (self->header_title, title);
  adw_window_title_set_subtitle (self->header_title, subtitle != NULL ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_set_visible (self->unsaved_label, self->modified);
}

static gboolean
place_title (gpointer data)
{
  ScsWindow *self = data;

  self->place_title_idle = 0;
  gtk_stack_set_visible_child_name (self->header_title_stack,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title)
                                    ? "none" : "title");
  return G_SOURCE_REMOVE;
}

/* The switcher takes the title's place in the header when it fits: the company and level
 * then go beside it. The squeezer decides while the header is being allocated, when a
 * widget may not be shown yet, so the title moves just after. */
static void
on_title_visible (ScsWindow *self)
{
  if (self->place_title_idle == 0)
    self->place_title_idle = g_idle_add (place_title, self);
}

void
scs_window_set_modified (ScsWindow *self,
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
    scs_window_set_modified (self, TRUE);
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

  scs_window_toast (self, message);
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
  scs_criterion_page_set_shared_verdicts (self->criterion_page, shared.verdicts);
  if (self->engagement_page != NULL)
    scs_engagement_page_set_shared (self->engagement_page, shared.plan, shared.verdicts);
  /* The views are bound to "company-mode" (scs_view_bind, when each is made). */
  if (self->company_view != company)
    {
      self->company_view = company;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY_MODE]);
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

      options->plan = scs_record_get_boolean (origin, SCS_M_COPY_ORIGIN_PLAN);
      options->verdicts = scs_record_get_boolean (origin, SCS_M_COPY_ORIGIN_VERDICTS);
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

/* Enter on a search match or a row: on to the criterion's form. */
static void
on_sidebar_activated (ScsWindow *self,
                      ScsNode   *node)
{
  scs_window_go_to (self, node, TRUE);
}

/* win.show-node, from any view: the assessment, on the criterion or part of the
 * framework whose id is the parameter. */
static void
action_show_node (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  ScsWindow *self = SCS_WINDOW (widget);
  ScsNode *node;

  if (self->engagement == NULL)
    return;
  node = scs_framework_lookup (scs_engagement_get_framework (self->engagement),
                               scs_engagement_get_level (self->engagement),
                               g_variant_get_string (parameter, NULL));
  if (node == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "assessment");
  scs_sidebar_select (self->sidebar, node);
}

void
scs_window_go_to (ScsWindow *self,
                  ScsNode   *node,
                  gboolean   focus_input)
{
  if (node == NULL)
    return;
  scs_sidebar_select (self->sidebar, node);
  if (focus_input && scs_node_get_kind (node) == SCS_NODE_CRITERION)
    scs_criterion_page_focus_input (self->criterion_page);
}

/* engagement ------------------------------------------------------------------------- */

/* The Engagement and Dashboard views are on offer while an engagement is open. */
static void
offer_views (ScsWindow *self,
             gboolean   offered)
{
  /* dispose may come again after the template's children are gone */
  if (self->view_stack == NULL)
    return;
  adw_view_stack_page_set_visible (self->engagement_stack_page, offered);
  adw_view_stack_page_set_visible (self->dashboard_stack_page, offered);
  /* The switcher title and bar of libadwaita 1.2 count the views on offer only when the
   * stack gains or loses one, not when one is shown or hidden: without this, a window
   * that began on the welcome page kept no switcher once a file was opened in it. */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
  adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
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
  if (self->engagement_page != NULL)
    scs_engagement_page_set_context (self->engagement_page, NULL, NULL, NULL);
  offer_views (self, FALSE);
  g_clear_object (&self->node);
  g_clear_object (&self->autosave);
  g_clear_object (&self->history);
  g_clear_object (&self->engagement);
  g_clear_object (&self->file);
  g_clear_pointer (&self->key, scs_protect_key_unref);
  g_clear_pointer (&self->lock, scs_lock_release);
  memset (&self->stamp, 0, sizeof self->stamp);
}

/* The edits are not lost here: the caller has written their recovery copy, or they are
 * none. */
void
scs_window_clear (ScsWindow *self)
{
  clear_engagement (self);
  self->modified = FALSE;
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  update_title (self);
  update_actions (self);
}

/* pages made when first needed ----------------------------------------------------------- */

/* The Engagement and Dashboard views are made the first time they are shown or asked for,
 * and then given what the window has: a file opens without building views not on screen. */

static void
give_dashboard_page_engagement (ScsWindow *self)
{
  scs_dashboard_page_set_engagement (self->dashboard_page, self->engagement,
                                     scs_catalog_get_latest (scs_application_get_catalog (self->application),
                                                             SCS_FRAMEWORK_ID_DIAGNOSIS));
}

static void
give_engagement_page_engagement (ScsWindow *self)
{
  scs_engagement_page_set_context (self->engagement_page, self->engagement, self->history,
                                   scs_application_get_catalog (self->application));
}

static ScsDashboardPage *
ensure_dashboard_page (ScsWindow *self)
{
  if (self->dashboard_page == NULL)
    {
      self->dashboard_page = g_object_new (SCS_TYPE_DASHBOARD_PAGE, NULL);
      scs_view_bind (self, self->dashboard_page);
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
      scs_view_bind (self, self->engagement_page);
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

/* The level or the verdict scale changed (the Engagement view, undo): the views that list
 * criteria or offer verdicts take the engagement again, back on the node on show when the
 * level has it, else on the first criterion. */
static void
on_level_or_scale_changed (ScsWindow *self)
{
  ScsFramework *framework = scs_engagement_get_framework (self->engagement);
  ScsLevel level = scs_engagement_get_level (self->engagement);
  g_autoptr(ScsNode) shown = g_steal_pointer (&self->node);
  ScsNode *node = shown != NULL ? scs_framework_lookup (framework, level, scs_node_get_id (shown)) : NULL;
  g_autoptr(ScsNode) first = g_list_model_get_item (scs_framework_get_assessables (framework, level), 0);

  scs_sidebar_set_engagement (self->sidebar, self->engagement);
  scs_criterion_page_set_context (self->criterion_page, self->engagement, self->history);
  scs_node_page_set_engagement (self->node_page, self->engagement);
  update_title (self);
  scs_window_go_to (self, node != NULL ? node : first, FALSE);
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
  g_signal_connect_swapped (engagement, "notify::" SCS_P_ENGAGEMENT_LEVEL,
                            G_CALLBACK (on_level_or_scale_changed), self);
  g_signal_connect_swapped (engagement, "notify::" SCS_P_ENGAGEMENT_VERDICT_SCALE,
                            G_CALLBACK (on_level_or_scale_changed), self);
  g_signal_connect_swapped (self->history, "notify", G_CALLBACK (on_history_notify), self);
  g_signal_connect (self->autosave, "failed", G_CALLBACK (on_autosave_failed), self);

  scs_sidebar_set_engagement (self->sidebar, engagement);
  scs_criterion_page_set_context (self->criterion_page, engagement, self->history);
  scs_node_page_set_engagement (self->node_page, engagement);
  if (self->dashboard_page != NULL)
    give_dashboard_page_engagement (self);
  if (self->engagement_page != NULL)
    give_engagement_page_engagement (self);
  offer_views (self, TRUE);
  if (self->read_only != read_only)
    {
      self->read_only = read_only;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, read_only);
  show_edition (self);
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
  apply_role (self);

  criteria = scs_framework_get_assessables (scs_engagement_get_framework (engagement),
                                            scs_engagement_get_level (engagement));
  if (g_list_model_get_n_items (criteria) > 0)
    {
      g_autoptr(ScsNode) first = g_list_model_get_item (criteria, 0);

      scs_window_go_to (self, first, FALSE);
    }
  if (file != NULL && !read_only)
    scs_window_add_recent (self, file);
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
                                      SCS_FRAMEWORK_ID_DIAGNOSIS);
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
    case PROP_COMPANY_MODE:
      g_value_set_boolean (value, self->company_view);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, !self->read_only);
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

  /* The header going may notify once more: no title is placed after. */
  if (self->switcher_title != NULL)
    g_signal_handlers_disconnect_by_func (self->switcher_title, on_title_visible, self);
  g_clear_handle_id (&self->place_title_idle, g_source_remove);
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

static gboolean
scs_window_close_request (GtkWindow *window)
{
  if (!scs_window_may_close (SCS_WINDOW (window)))
    return TRUE;
  return GTK_WINDOW_CLASS (scs_window_parent_class)->close_request (window);
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
  /* What the views bind to (scs_view_bind): whether they show the company's view (a
   * company copy, or the preview), and whether the file may be changed. */
  properties[PROP_COMPANY_MODE] =
    g_param_spec_boolean (SCS_VIEW_COMPANY_MODE, NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean (SCS_VIEW_EDITABLE, NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
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
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, header_title);
  gtk_widget_class_bind_template_child (widget_class, ScsWindow, header_title_stack);
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
  gtk_widget_class_bind_template_callback (widget_class, on_frameworks_dismiss);

  scs_window_class_install_actions (widget_class);
  /* Pages ask for a node through this; it has no shortcut, so it is not in the actions' table. */
  gtk_widget_class_install_action (widget_class, "win.show-node", "s", action_show_node);
}

static void
scs_window_init (ScsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* In a narrow window the sidebar yields to the form it opens. */
  scs_paned_limit_share (GTK_PANED (self->paned), 0.38);
  scs_view_bind (self, self->sidebar);
  scs_view_bind (self, self->criterion_page);
  scs_view_bind (self, self->node_page);
  g_signal_connect_swapped (self->sidebar, "notify::selected", G_CALLBACK (on_sidebar_selected), self);
  g_signal_connect_swapped (self->sidebar, "activated", G_CALLBACK (on_sidebar_activated), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child", G_CALLBACK (on_view_shown), self);
  g_signal_connect_swapped (self->switcher_title, "notify::title-visible", G_CALLBACK (on_title_visible), self);
  place_title (self);

  scs_window_init_actions (self);
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
  scs_paned_limit_share_bind (GTK_PANED (self->paned), settings, "sidebar-width");
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
