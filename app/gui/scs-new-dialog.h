/* scs-new-dialog.h — asks what a new engagement needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_NEW_DIALOG (scs_new_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScsNewDialog, scs_new_dialog, SCS, NEW_DIALOG, AdwMessageDialog)

/* settings (may be NULL) holds default-verdict-scale: the scale offered first, and where the
 * one chosen is remembered. */
ScsNewDialog  *scs_new_dialog_new      (GtkWindow    *parent,
                                        ScsFramework *framework,
                                        GSettings    *settings);
void           scs_new_dialog_set_values (ScsNewDialog *self,
                                          const char   *company,
                                          int           level,
                                          const char   *scale_id,
                                          const char   *expert);
/* Whether the new engagement is the company's own self-assessment (a company copy made
 * from no expert's engagement). */
void           scs_new_dialog_set_own  (ScsNewDialog *self,
                                        gboolean      own);
/* The engagement the dialog describes, not yet edited by anyone. */
ScsEngagement *scs_new_dialog_create   (ScsNewDialog *self);

G_END_DECLS
