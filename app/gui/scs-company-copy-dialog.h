/* scs-company-copy-dialog.h — what goes into the company's copy, asked before it is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_COMPANY_COPY_DIALOG (scs_company_copy_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScsCompanyCopyDialog, scs_company_copy_dialog, SCS, COMPANY_COPY_DIALOG,
                      AdwMessageDialog)

/* Says what the company receives and never receives, and offers the agreed plan and the
 * confirmed verdicts, ticked as last chosen in settings (company-copy-plan,
 * company-copy-verdicts). The plan cannot be ticked while it has no agreed date, nor
 * either choice when the engagement is a company copy made without it. Responses:
 * "cancel" and "save". */
ScsCompanyCopyDialog *scs_company_copy_dialog_new         (GtkWindow             *parent,
                                                           ScsEngagement         *engagement,
                                                           GSettings             *settings);
/* The choices as ticked now. */
void                  scs_company_copy_dialog_get_options (ScsCompanyCopyDialog  *self,
                                                           ScsCompanyCopyOptions *options);
/* Keeps the choices in settings for next time, each only when it could be ticked. */
void                  scs_company_copy_dialog_remember    (ScsCompanyCopyDialog  *self);
GtkCheckButton       *scs_company_copy_dialog_get_plan_check     (ScsCompanyCopyDialog *self);
GtkCheckButton       *scs_company_copy_dialog_get_verdicts_check (ScsCompanyCopyDialog *self);

G_END_DECLS
