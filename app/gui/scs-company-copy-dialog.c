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
  gboolean         plan_possible;
  gboolean         verdicts_possible;
};

G_DEFINE_FINAL_TYPE (ScsCompanyCopyDialog, scs_company_copy_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GtkCheckButton *
check_with_caption (GtkBox     *box,
                    const char *label,
                    const char *caption)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);
  GtkWidget *choice = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (box, choice);
  gtk_box_append (GTK_BOX (choice), check);
  if (caption != NULL)
    {
      GtkWidget *why = gtk_label_new (caption);

      gtk_label_set_wrap (GTK_LABEL (why), TRUE);
      gtk_label_set_xalign (GTK_LABEL (why), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (why), 40);
      /* Lined up with the check button's label, under the box. */
      gtk_widget_set_margin_start (why, 30);
      gtk_widget_add_css_class (why, "dim-label");
      gtk_widget_add_css_class (why, "caption");
      gtk_box_append (GTK_BOX (choice), why);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption, -1);
    }
  return GTK_CHECK_BUTTON (check);
}

ScsCompanyCopyDialog *
scs_company_copy_dialog_new (GtkWindow     *parent,
                             ScsEngagement *engagement,
                             GSettings     *settings)
{
  ScsCompanyCopyDialog *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  const char *plan_why = NULL;
  const char *verdicts_why = NULL;

  g_return_val_if_fail (SCS_IS_ENGAGEMENT (engagement), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SCS_TYPE_COMPANY_COPY_DIALOG, "transient-for", parent, "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "heading", _("Make Company Copy"),
                       "body", _("The company receives its profile, the scope, the visits, the "
                                 "document inventory, the five-minute diagnosis and its own "
                                 "answers and comments. It never receives your internal notes, "
                                 "evidence notes, maturity, verdicts awaiting follow-up or a "
                                 "draft plan."),
                       NULL);
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

  self->plan_check = check_with_caption (GTK_BOX (box), _("Include the agreed improvement _plan"),
                                         plan_why);
  self->verdicts_check = check_with_caption (
    GTK_BOX (box), _("Include the confirmed _verdicts with their comments"), verdicts_why);
  gtk_check_button_set_active (self->plan_check,
                               self->plan_possible &&
                               g_settings_get_boolean (settings, "company-copy-plan"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->plan_check), self->plan_possible);
  gtk_check_button_set_active (self->verdicts_check,
                               self->verdicts_possible &&
                               g_settings_get_boolean (settings, "company-copy-verdicts"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->verdicts_check), self->verdicts_possible);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
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
  G_OBJECT_CLASS (scs_company_copy_dialog_parent_class)->dispose (object);
}

static void
scs_company_copy_dialog_class_init (ScsCompanyCopyDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = scs_company_copy_dialog_dispose;
}

static void
scs_company_copy_dialog_init (ScsCompanyCopyDialog *self)
{
}
