/* scs-new-dialog.c — asks what a new engagement needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "scs-new-dialog.h"
#include "scs-bind.h"

struct _ScsNewDialog
{
  AdwMessageDialog parent_instance;
  AdwEntryRow     *company_row;
  AdwComboRow     *level_row;
  AdwComboRow     *scale_row;
  AdwEntryRow     *expert_row;
  GtkSwitch       *own_switch;
  ScsFramework    *framework;
  GSettings       *settings;   /* may be NULL */
};

G_DEFINE_FINAL_TYPE (ScsNewDialog, scs_new_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const ScsScale *
scale_at (ScsNewDialog *self,
          guint         index)
{
  GPtrArray *scales = scs_framework_get_verdict_scales (self->framework);

  return index < scales->len ? g_ptr_array_index (scales, index) : NULL;
}

void
scs_new_dialog_set_values (ScsNewDialog *self,
                           const char   *company,
                           int           level,
                           const char   *scale_id,
                           const char   *expert)
{
  GPtrArray *scales = scs_framework_get_verdict_scales (self->framework);

  gtk_editable_set_text (GTK_EDITABLE (self->company_row), company);
  adw_combo_row_set_selected (self->level_row, level == SCS_LEVEL_4 ? 1 : 0);
  for (guint i = 0; i < scales->len; i++)
    if (g_str_equal (((ScsScale *) g_ptr_array_index (scales, i))->id, scale_id))
      adw_combo_row_set_selected (self->scale_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->expert_row), expert);
}

void
scs_new_dialog_set_own (ScsNewDialog *self,
                        gboolean      own)
{
  gtk_switch_set_active (self->own_switch, own);
}

ScsEngagement *
scs_new_dialog_create (ScsNewDialog *self)
{
  int level = adw_combo_row_get_selected (self->level_row) == 1 ? SCS_LEVEL_4 : SCS_LEVEL_3;
  const ScsScale *scale = scale_at (self, adw_combo_row_get_selected (self->scale_row));
  ScsEngagement *engagement = scs_engagement_new (self->framework, level);
  ScsRecord *record = SCS_RECORD (engagement);
  g_autofree char *company = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->company_row))));
  g_autofree char *expert = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->expert_row))));

  /* What the dialog asked is the starting point, not an edit to undo or to ask about. */
  scs_record_freeze_changes (record);
  scs_record_set_string (scs_record_get_object (record, SCS_M_ENGAGEMENT_COMPANY), SCS_M_COMPANY_NAME, company);
  if (gtk_switch_get_active (self->own_switch))
    {
      /* A company starting on its own: its file is of the company-copy kind from the
       * start (made now, from no engagement of an expert), so it opens in the company's
       * view and an expert imports it as any company copy. */
      g_autofree char *now = scs_now_datetime ();

      scs_record_set_string (SCS_RECORD (scs_engagement_get_copy_origin (engagement)), SCS_M_COPY_ORIGIN_MADE, now);
    }
  else
    scs_record_set_string (scs_record_get_object (record, SCS_M_ENGAGEMENT_EXPERT), SCS_M_EXPERT_NAME, expert);
  if (scale != NULL)
    {
      scs_record_set_string (record, SCS_M_ENGAGEMENT_VERDICT_SCALE, scale->id);
      /* The next engagement starts with the scale chosen this time. */
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "default-verdict-scale", scale->id);
    }
  scs_record_thaw_changes (record);
  return engagement;
}

static void
scs_new_dialog_dispose (GObject *object)
{
  ScsNewDialog *self = SCS_NEW_DIALOG (object);

  g_clear_object (&self->framework);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_NEW_DIALOG);
  G_OBJECT_CLASS (scs_new_dialog_parent_class)->dispose (object);
}

static void
scs_new_dialog_class_init (ScsNewDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_new_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SCS_RESOURCE_PREFIX "/ui/scs-new-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsNewDialog, company_row);
  gtk_widget_class_bind_template_child (widget_class, ScsNewDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, ScsNewDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, ScsNewDialog, expert_row);
  gtk_widget_class_bind_template_child (widget_class, ScsNewDialog, own_switch);
}

static void
scs_new_dialog_init (ScsNewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  scs_combo_row_show_choices_whole (self->level_row);
  scs_combo_row_show_choices_whole (self->scale_row);
  /* The company's own self-assessment has no expert yet. */
  g_object_bind_property (self->own_switch, "active", self->expert_row, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
}

ScsNewDialog *
scs_new_dialog_new (GtkWindow    *parent,
                    ScsFramework *framework,
                    GSettings    *settings)
{
  ScsNewDialog *self = g_object_new (SCS_TYPE_NEW_DIALOG, "transient-for", parent, "modal", TRUE,
                                     NULL);
  GPtrArray *scales = scs_framework_get_verdict_scales (framework);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  const char *default_id = scs_framework_get_default_verdict_scale (framework);
  g_autofree char *chosen = settings != NULL ? g_settings_get_string (settings, "default-verdict-scale")
                                             : NULL;

  self->framework = g_object_ref (framework);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  /* The scale last chosen, when this framework has it; else the framework's default. */
  if (chosen != NULL && scs_framework_get_verdict_scale (framework, chosen) != NULL)
    default_id = chosen;
  for (guint i = 0; i < scales->len; i++)
    gtk_string_list_append (titles, scs_scale_get_title (g_ptr_array_index (scales, i)));
  adw_combo_row_set_model (self->scale_row, G_LIST_MODEL (titles));
  for (guint i = 0; i < scales->len; i++)
    if (g_str_equal (((ScsScale *) g_ptr_array_index (scales, i))->id, default_id))
      adw_combo_row_set_selected (self->scale_row, i);
  return self;
}
