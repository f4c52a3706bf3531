/* scs-import-dialog.c — what a company's self-assessment would change, to accept or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is a row with the criterion, the answer before and after and the comments,
 * ticked by default (unticked when the file is a company copy made from another
 * engagement); that, a different company or level is said at the top in words. Only the
 * company's answers and comments, documents the inventory lacks and the items of its
 * draft plan (as its proposals) can come in.
 */
#include <glib/gi18n.h>

#include "scs-import-dialog.h"
#include "scs-status.h"

struct _ScsImportDialog
{
  AdwWindow      parent_instance;

  ScsEngagement *current;
  ScsHistory    *history;
  ScsImportPlan *plan;
  GPtrArray     *checks;
  char          *file_name;

  GtkWidget           *take_button;
  AdwPreferencesGroup *notes_group;
  GtkLabel            *other_label;
  GtkLabel            *company_label;
  GtkLabel            *level_label;
  AdwPreferencesGroup *changes_group;
  AdwPreferencesGroup *documents_group;
  AdwPreferencesGroup *plan_group;
};

G_DEFINE_FINAL_TYPE (ScsImportDialog, scs_import_dialog, ADW_TYPE_WINDOW)

static const char *
company_title (ScsEngagement *engagement,
               const char    *status)
{
  const ScsScale *scale = scs_framework_get_company_scale (scs_engagement_get_framework (engagement));
  const ScsScaleValue *value = scs_scale_lookup (scale, status);

  return value != NULL ? scs_scale_value_get_title (value) : _("not answered");
}

static void
update_take (ScsImportDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  gtk_widget_set_sensitive (self->take_button,
                            n > 0 || self->plan->documents->len > 0 || self->plan->plan_items->len > 0);
}

guint
scs_import_dialog_take (ScsImportDialog *self)
{
  g_autofree gboolean *accepted = g_new0 (gboolean, MAX (self->checks->len, 1));
  guint n;

  for (guint i = 0; i < self->checks->len; i++)
    accepted[i] = gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  n = scs_import_apply (self->current, self->plan, accepted, self->history);
  {
    GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
    GtkWidget *overlay = parent != NULL ? gtk_widget_get_first_child (GTK_WIDGET (parent)) : NULL;
    g_autofree char *text = self->plan->plan_items->len > 0
                            /* TRANSLATORS: answers, documents, plan items, file name */
                            ? g_strdup_printf (_("Took %u answers, %u documents and %u plan items from %s."), n,
                                               self->plan->documents->len, self->plan->plan_items->len,
                                               self->file_name)
                            : g_strdup_printf (_("Took %u answers and %u documents from %s."), n,
                                               self->plan->documents->len, self->file_name);

    while (overlay != NULL && !ADW_IS_TOAST_OVERLAY (overlay))
      overlay = gtk_widget_get_first_child (overlay);
    if (overlay != NULL)
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  }
  gtk_window_destroy (GTK_WINDOW (self));
  return n;
}

void
scs_import_dialog_set_accepted (ScsImportDialog *self,
                                guint            index,
                                gboolean         accepted)
{
  g_return_if_fail (index < self->checks->len);
  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), accepted);
}

ScsImportPlan *
scs_import_dialog_get_plan (ScsImportDialog *self)
{
  return self->plan;
}

static void
tick_all (ScsImportDialog *self,
          gboolean         on)
{
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), on);
}

static void
on_all (ScsImportDialog *self)
{
  tick_all (self, TRUE);
}

static void
on_none (ScsImportDialog *self)
{
  tick_all (self, FALSE);
}

static void
on_take (ScsImportDialog *self)
{
  scs_import_dialog_take (self);
}

static GtkWidget *
change_row (ScsImportDialog *self,
            ScsImportChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *title = g_strdup_printf ("%s  %s → %s", change->criterion,
                                            company_title (self->current, change->old_status),
                                            company_title (self->current, change->new_status));
  g_autofree char *subtitle = NULL;

  if (!g_str_equal (change->old_comment, change->new_comment))
    subtitle = g_strdup_printf (_("Comment: %s"), change->new_comment[0] != '\0' ? change->new_comment : _("(none)"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_take), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->checks, check);
  return row;
}

/* The local date of a stored date and time (UTC), or "?" when there is none. */
static char *
local_date (const char *datetime)
{
  g_autoptr(GDateTime) utc = datetime[0] != '\0' ? g_date_time_new_from_iso8601 (datetime, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d") : g_strdup ("?");
}

static void
show_note (ScsImportDialog *self,
           GtkLabel        *label,
           const char      *text)
{
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), TRUE);
}

static void
build (ScsImportDialog *self)
{
  const char *our_company = scs_record_get_string (SCS_RECORD (scs_engagement_get_company (self->current)), SCS_M_COMPANY_NAME);
  g_autofree char *title = g_strdup_printf (_("Self-Assessment from %s"), self->file_name);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u criterion answered differently",
                                                         "%u criteria answered differently",
                                                         self->plan->changes->len),
                                            self->plan->changes->len);

  gtk_window_set_title (GTK_WINDOW (self), title);

  if (self->plan->other_engagement)
    {
      g_autofree char *made = local_date (self->plan->copy_made);
      g_autofree char *created = local_date (self->plan->origin_created);
      g_autofree char *text = NULL;

      /* TRANSLATORS: the first %s is a date; then the company's name and the date its
       * engagement was created */
      text = g_strdup_printf (_("This is a company copy made on %s from another engagement "
                                "(for “%s”, created %s), not from the open one. Its answers "
                                "are not ticked: take them only if they belong to this "
                                "assessment."),
                              made, self->plan->origin_company, created);
      show_note (self, self->other_label, text);
    }
  if (self->plan->company_differs)
    {
      g_autofree char *text = g_strdup_printf (_("This file is for “%s”, the open engagement for “%s”. "
                                                 "Take its answers only if it is the same company."),
                                               self->plan->their_company, our_company);

      show_note (self, self->company_label, text);
    }
  if (self->plan->level_differs)
    {
      g_autofree char *text = g_strdup_printf (_("This file assesses ★%d, the open engagement ★%d: only the "
                                                 "criteria both have are compared."),
                                               self->plan->their_level,
                                               scs_engagement_get_level (self->current));

      show_note (self, self->level_label, text);
    }

  adw_preferences_group_set_title (self->changes_group, count);
  for (guint i = 0; i < self->plan->changes->len; i++)
    adw_preferences_group_add (self->changes_group,
                               change_row (self, g_ptr_array_index (self->plan->changes, i)));
  /* Answers meant for another engagement come in only when the expert ticks them. */
  if (self->plan->other_engagement)
    tick_all (self, FALSE);

  for (guint i = 0; i < self->plan->documents->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     scs_record_get_string (g_ptr_array_index (self->plan->documents, i), SCS_M_DOCUMENT_TITLE));
      adw_preferences_group_add (self->documents_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->documents_group), self->plan->documents->len > 0);

  for (guint i = 0; i < self->plan->plan_items->len; i++)
    {
      ScsRecord *item = g_ptr_array_index (self->plan->plan_items, i);
      const char * const *criteria = scs_record_get_strv (item, SCS_M_PLAN_ITEM_CRITERIA);
      g_autofree char *linked = criteria != NULL ? g_strjoinv (", ", (char **) criteria) : g_strdup ("");
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scs_record_get_string (item, SCS_M_PLAN_ITEM_TITLE));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), linked);
      adw_preferences_group_add (self->plan_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->plan_group), self->plan->plan_items->len > 0);
  update_take (self);
}

ScsImportDialog *
scs_import_dialog_new (GtkWindow     *parent,
                       ScsEngagement *current,
                       ScsEngagement *incoming,
                       ScsHistory    *history,
                       GFile         *file)
{
  ScsImportDialog *self = g_object_new (SCS_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->current = g_object_ref (current);
  self->history = g_object_ref (history);
  self->plan = scs_import_compare (current, incoming);
  self->file_name = g_file_get_basename (file);
  build (self);
  return self;
}

static void
scs_import_dialog_dispose (GObject *object)
{
  ScsImportDialog *self = SCS_IMPORT_DIALOG (object);

  g_clear_object (&self->current);
  g_clear_object (&self->history);
  g_clear_pointer (&self->plan, scs_import_plan_free);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->file_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), SCS_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (scs_import_dialog_parent_class)->dispose (object);
}

static void
scs_import_dialog_class_init (ScsImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_import_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SCS_RESOURCE_PREFIX "/ui/scs-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsImportDialog, take_button);
  gtk_widget_class_bind_template_child (widget_class, ScsImportDialog, notes_group);
  gtk_widget_class_bind_template_child (widget_class, ScsImportDialog, other_label);
  gtk_widget_class_bind_template_child (widget_class, ScsImportDialog, company_label);
  gtk_widget_class_bind_template_child (widget_class, ScsImportDialog, level_label);
  gtk_widget_class_bind_template_child (widget_class, ScsImportDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, ScsImportDialog, documents_group);
  gtk_widget_class_bind_template_child (widget_class, ScsImportDialog, plan_group);
  gtk_widget_class_bind_template_callback (widget_class, on_take);
  gtk_widget_class_bind_template_callback (widget_class, on_all);
  gtk_widget_class_bind_template_callback (widget_class, on_none);
  gtk_widget_class_bind_template_callback_full (widget_class, "gtk_window_destroy",
                                                G_CALLBACK (gtk_window_destroy));
}

static void
scs_import_dialog_init (ScsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
}
