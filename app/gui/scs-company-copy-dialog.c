/* scs-company-copy-dialog.c — what goes into the company's copy, asked before it is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two choices are read from settings when the dialog opens and written back only when
 * the expert goes on, so a cancelled dialog changes nothing. A plan without an agreed date
 * is a draft, and a company copy holds only what it was given: a choice that cannot be
 * made stays off and insensitive, with the reason beneath it, and the choice remembered
 * for when it can is left as it was.
 */
#include <glib/gi18n.h>

#include "scs-company-copy-dialog.h"

struct _ScsCompanyCopyDialog
{
  AdwMessageDialog parent_instance;

  GSettings       *settings;
  GtkCheckButton  *plan_check;
  GtkCheckButton  *verdicts_check;
  GtkLabel        *plan_why;
  GtkLabel        *verdicts_why;
  gboolean         plan_possible;
  gboolean         verdicts_possible;
};

G_DEFINE_FINAL_TYPE (ScsCompanyCopyDialog, scs_company_copy_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* A choice that cannot be made is off and insensitive, with the reason beneath it. */
static void
set_choice (GtkCheckButton *check,
            GtkLabel       *why,
            const char     *reason,
            gboolean        remembered)
{
  gboolean possible = reason == NULL;

  gtk_check_button_set_active (check, possible && remembered);
  gtk_widget_set_sensitive (GTK_WIDGET (check), possible);
  if (possible)
    return;
  gtk_label_set_text (why, reason);
  gtk_widget_set_visible (GTK_WIDGET (why), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason, -1);
}

ScsCompanyCopyDialog *
scs_company_copy_dialog_new (GtkWindow     *parent,
                             ScsEngagement *engagement,
                             GSettings     *settings)
{
  ScsCompanyCopyDialog *self;
  const char *plan_why = NULL;
  const char *verdicts_why = NULL;

  g_return_val_if_fail (SCS_IS_ENGAGEMENT (engagement), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SCS_TYPE_COMPANY_COPY_DIALOG, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  /* A company copy passes on no more than it was given (scs_company_copy_new). */
  if (scs_engagement_is_company_copy (engagement))
    {
      ScsRecord *origin = SCS_RECORD (scs_engagement_get_copy_origin (engagement));

      if (!scs_record_get_boolean (origin, SCS_M_COPY_ORIGIN_PLAN))
        plan_why = _("This file is itself a company copy, made without the plan.");
      if (!scs_record_get_boolean (origin, SCS_M_COPY_ORIGIN_VERDICTS))
        verdicts_why = _("This file is itself a company copy, made without the verdicts.");
    }
  if (plan_why == NULL && !scs_engagement_plan_is_agreed (engagement))
    plan_why = _("The plan has no agreed date yet, so it is a draft: enter the date it was agreed "
                 "with the company in the plan to include it.");
  self->plan_possible = plan_why == NULL;
  self->verdicts_possible = verdicts_why == NULL;

  set_choice (self->plan_check, self->plan_why, plan_why,
              g_settings_get_boolean (settings, "company-copy-plan"));
  set_choice (self->verdicts_check, self->verdicts_why, verdicts_why,
              g_settings_get_boolean (settings, "company-copy-verdicts"));
  return self;
}

void
scs_company_copy_dialog_get_options (ScsCompanyCopyDialog  *self,
                                     ScsCompanyCopyOptions *options)
{
  g_return_if_fail (SCS_IS_COMPANY_COPY_DIALOG (self));

  options->plan = self->plan_possible && gtk_check_button_get_active (self->plan_check);
  options->verdicts = self->verdicts_possible && gtk_check_button_get_active (self->verdicts_check);
}

void
scs_company_copy_dialog_remember (ScsCompanyCopyDialog *self)
{
  g_return_if_fail (SCS_IS_COMPANY_COPY_DIALOG (self));

  if (self->plan_possible)
    g_settings_set_boolean (self->settings, "company-copy-plan",
                            gtk_check_button_get_active (self->plan_check));
  if (self->verdicts_possible)
    g_settings_set_boolean (self->settings, "company-copy-verdicts",
                            gtk_check_button_get_active (self->verdicts_check));
}

GtkCheckButton *
scs_company_copy_dialog_get_plan_check (ScsCompanyCopyDialog *self)
{
  return self->plan_check;
}

GtkCheckButton *
scs_company_copy_dialog_get_verdicts_check (ScsCompanyCopyDialog *self)
{
  return self->verdicts_check;
}

static void
scs_company_copy_dialog_dispose (GObject *object)
{
  ScsCompanyCopyDialog *self = SCS_COMPANY_COPY_DIALOG (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), SCS_TYPE_COMPANY_COPY_DIALOG);
  G_OBJECT_CLASS (scs_company_copy_dialog_parent_class)->dispose (object);
}

static void
scs_company_copy_dialog_class_init (ScsCompanyCopyDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_company_copy_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SCS_RESOURCE_PREFIX "/ui/scs-company-copy-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsCompanyCopyDialog, plan_check);
  gtk_widget_class_bind_template_child (widget_class, ScsCompanyCopyDialog, verdicts_check);
  gtk_widget_class_bind_template_child (widget_class, ScsCompanyCopyDialog, plan_why);
  gtk_widget_class_bind_template_child (widget_class, ScsCompanyCopyDialog, verdicts_why);
}

static void
scs_company_copy_dialog_init (ScsCompanyCopyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
