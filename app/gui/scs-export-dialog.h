/* scs-export-dialog.h — choose a report and its options, then print it or write a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-core.h"
#include "scs-report.h"

G_BEGIN_DECLS

typedef enum {
  SCS_EXPORT_PDF,
  SCS_EXPORT_XLSX,
  SCS_EXPORT_CSV,
} ScsExportFormat;

#define SCS_TYPE_EXPORT_DIALOG (scs_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScsExportDialog, scs_export_dialog, SCS, EXPORT_DIALOG, AdwWindow)

/* print: Print is the suggested button rather than Export. Emits "exported" (GFile) after
 * a file was written, "failed" (message) when it could not be. */
ScsExportDialog *scs_export_dialog_new         (GtkWindow        *parent,
                                                ScsEngagement    *engagement,
                                                gboolean          print);
/* The engagement's file, which no export may replace. */
void             scs_export_dialog_set_source  (ScsExportDialog  *self,
                                                GFile            *source);
void             scs_export_dialog_get_options (ScsExportDialog  *self,
                                                ScsReportOptions *options);
void             scs_export_dialog_set_kind    (ScsExportDialog  *self,
                                                ScsReportKind     kind);
void             scs_export_dialog_set_format  (ScsExportDialog  *self,
                                                ScsExportFormat   format);
/* Whether verdicts marked for follow-up are printed; a company copy has none to offer. */
void             scs_export_dialog_set_unconfirmed (ScsExportDialog *self,
                                                    gboolean         unconfirmed);
gboolean         scs_export_dialog_offers_unconfirmed (ScsExportDialog *self);
/* What the outputs are made from: in the company's view, a company copy. */
ScsEngagement   *scs_export_dialog_get_engagement (ScsExportDialog *self);
/* Writes the chosen output to file, as the Export button does after asking where. */
gboolean         scs_export_dialog_write       (ScsExportDialog  *self,
                                                GFile            *file,
                                                GError          **error);
/* The same in a worker thread, the window insensitive meanwhile; when done, emits
 * "exported" and closes, or emits "failed". */
void             scs_export_dialog_write_async (ScsExportDialog *self,
                                                GFile           *file);
/* The print operation the Print button runs, set up with the chosen report. */
GtkPrintOperation *scs_export_dialog_new_print_operation (ScsExportDialog *self);

G_END_DECLS
