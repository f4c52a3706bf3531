/* scs-import-dialog.h — what a company's self-assessment would change, to accept or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_IMPORT_DIALOG (scs_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScsImportDialog, scs_import_dialog, SCS, IMPORT_DIALOG, AdwWindow)

/* Shows the differences between current and incoming (from file); "Take" applies those
 * ticked through history and closes. */
ScsImportDialog *scs_import_dialog_new     (GtkWindow     *parent,
                                            ScsEngagement *current,
                                            ScsEngagement *incoming,
                                            ScsHistory    *history,
                                            GFile         *file);
ScsImportPlan   *scs_import_dialog_get_plan (ScsImportDialog *self);
/* Ticks or unticks change index, as its check button does. */
void             scs_import_dialog_set_accepted (ScsImportDialog *self,
                                                 guint            index,
                                                 gboolean         accepted);
/* Takes what is ticked, as the Take button does; returns the criteria changed. */
guint            scs_import_dialog_take     (ScsImportDialog *self);

G_END_DECLS
