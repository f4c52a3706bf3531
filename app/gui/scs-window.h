/* scs-window.h — the main window: one engagement, its requirement tree and pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-application.h"
#include "scs-criterion-page.h"
#include "scs-dashboard-page.h"
#include "scs-engagement-page.h"
#include "scs-node-page.h"
#include "scs-sidebar.h"

G_BEGIN_DECLS

#define SCS_TYPE_WINDOW (scs_window_get_type ())
G_DECLARE_FINAL_TYPE (ScsWindow, scs_window, SCS, WINDOW, AdwApplicationWindow)

ScsWindow        *scs_window_new               (ScsApplication *application);
/* Gives the window's actions their shortcuts, in the application's startup. */
void              scs_window_set_accels        (GtkApplication *application);
/* No engagement yet: a file opened from elsewhere may use this window. */
gboolean          scs_window_is_empty          (ScsWindow      *self);
void              scs_window_open_file         (ScsWindow      *self,
                                                GFile          *file);
/* Shows engagement; file is where it saves (NULL: ask on save). */
void              scs_window_set_engagement    (ScsWindow      *self,
                                                ScsEngagement  *engagement,
                                                GFile          *file,
                                                gboolean        read_only);
void              scs_window_offer_recovery    (ScsWindow      *self,
                                                GPtrArray      *recoveries);
/* Saves to file (NULL: the current file) off the main loop; a toast tells the outcome. */
void              scs_window_save_to           (ScsWindow      *self,
                                                GFile          *file);

/* The window that has file open, by its identity on disk (links followed); NULL if none. */
ScsWindow        *scs_window_find_for_file     (ScsApplication *application,
                                                GFile          *file);
void              scs_window_prepare_exit      (ScsWindow      *self);
ScsEngagement    *scs_window_get_engagement    (ScsWindow      *self);
ScsHistory       *scs_window_get_history       (ScsWindow      *self);
ScsAutosave      *scs_window_get_autosave      (ScsWindow      *self);
GFile            *scs_window_get_file          (ScsWindow      *self);
gboolean          scs_window_is_modified       (ScsWindow      *self);
gboolean          scs_window_is_read_only      (ScsWindow      *self);
gboolean          scs_window_is_saving         (ScsWindow      *self);
/* TRUE while a protected self-assessment is being opened for import (in a worker
 * thread: its key takes about a second to derive). */
gboolean          scs_window_is_importing      (ScsWindow      *self);
ScsSidebar       *scs_window_get_sidebar       (ScsWindow      *self);
ScsCriterionPage *scs_window_get_criterion_page (ScsWindow     *self);
ScsNodePage      *scs_window_get_node_page     (ScsWindow      *self);
ScsDashboardPage *scs_window_get_dashboard_page (ScsWindow     *self);
ScsEngagementPage *scs_window_get_engagement_page (ScsWindow    *self);
/* Compares the self-assessment in file with the open engagement and shows the import
 * dialog (or why the file cannot be read). */
void              scs_window_import_file       (ScsWindow      *self,
                                                GFile          *file);
/* Writes the company copy of the open engagement to file, off the main loop, read back
 * first as opening would read it; never over the engagement's own file. A toast names the
 * file; a dialog (scs_window_get_dialog) says why nothing was written. */
void              scs_window_write_company_copy (ScsWindow                   *self,
                                                 const ScsCompanyCopyOptions *options,
                                                 GFile                       *file);
/* The same, sealed with key (NULL: plain): a copy mailed to the company can be protected by
 * a passphrase agreed with it. */
void              scs_window_write_company_copy_full (ScsWindow                   *self,
                                                      const ScsCompanyCopyOptions *options,
                                                      ScsProtectKey               *key,
                                                      GFile                       *file);
/* The import dialog last shown (it may be closed), or NULL. */
struct _ScsImportDialog *scs_window_get_import_dialog (ScsWindow  *self);
struct _ScsExportDialog *scs_window_get_export_dialog (ScsWindow  *self);
/* F5: the slides, fullscreen on another monitor when there is one. */
struct _ScsPresentation *scs_window_present_slides    (ScsWindow  *self);
/* Opens the Export window, or with print the same window offering Print first. */
struct _ScsExportDialog *scs_window_show_export       (ScsWindow  *self,
                                                       gboolean    print);
/* The dialog on show (unsaved changes, recovery …), or NULL; tests answer it. */
AdwMessageDialog *scs_window_get_dialog        (ScsWindow      *self);
/* The passphrase key the open file is protected with (NULL: not protected). Setting it
 * makes later saves to the file and its recovery copies sealed with it. */
void              scs_window_set_key           (ScsWindow      *self,
                                                ScsProtectKey  *key);
ScsProtectKey    *scs_window_get_key           (ScsWindow      *self);
/* What Save As does with “Protect with a passphrase” ticked: asks for a new passphrase
 * twice (the dialog is scs_window_get_dialog), then saves to file protected by it. */
void              scs_window_ask_protect       (ScsWindow      *self,
                                                GFile          *file);
/* What Save As does once a file is chosen: with protect, scs_window_ask_protect; without,
 * saves to file unprotected (and the window's later saves and recovery copies are too). */
void              scs_window_save_as_chosen    (ScsWindow      *self,
                                                GFile          *file,
                                                gboolean        protect);
/* Whether the window shows the company's view: a company copy, or the expert's preview
 * (the "company-preview" property, action win.company-preview). The views bind to it as
 * the read-only property "company-mode", and to "editable" (not scs_window_is_read_only);
 * any view shows a node of the framework with action win.show-node (its id). */
gboolean          scs_window_is_company_mode   (ScsWindow      *self);
/* The engagement outputs are made from: the engagement itself in the expert's view, else a
 * company copy of it holding what the company may be given. */
ScsEngagement    *scs_window_dup_output_engagement (ScsWindow  *self,
                                                    GError    **error);
/* The node on show. */
ScsNode          *scs_window_get_node          (ScsWindow      *self);

G_END_DECLS
