/* scs-window-private.h — what the files of the main window share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is one class in four files: scs-window.c (the class, its role and views),
 * scs-window-open.c (opening and importing files), scs-window-save.c (saving, closing and
 * recovery) and scs-window-actions.c (the actions, their shortcuts, the recent files menu and
 * drag and drop). They share the instance and the few steps below; nothing outside them
 * includes this header.
 */
#pragma once

#include "scs-export-dialog.h"
#include "scs-import-dialog.h"
#include "scs-presentation.h"
#include "scs-window.h"

G_BEGIN_DECLS

struct _ScsWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay  *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  AdwWindowTitle   *header_title;
  GtkStack         *header_title_stack;
  guint             place_title_idle;
  GtkWidget        *unsaved_label;
  GtkRevealer      *banner_revealer;
  GtkLabel         *banner_label;
  GtkRevealer      *company_revealer;
  GtkLabel         *company_label;
  GtkWidget        *company_back_button;
  GtkWidget        *company_copy_button;
  GtkRevealer      *edition_revealer;
  GtkLabel         *edition_label;
  GtkRevealer      *frameworks_revealer;
  GtkLabel         *frameworks_label;
  GtkLabel         *frameworks_details_label;
  GtkToggleButton  *frameworks_details_button;
  GtkRevealer      *frameworks_details_revealer;
  GtkWidget        *frameworks_dismiss_button;
  GtkStack         *main_stack;
  GtkStack         *page_stack;
  ScsSidebar       *sidebar;
  ScsCriterionPage *criterion_page;
  GtkPaned         *paned;
  ScsNodePage      *node_page;
  AdwBin           *dashboard_bin;
  AdwBin           *engagement_bin;
  ScsDashboardPage *dashboard_page;    /* made when first shown or asked for */
  ScsEngagementPage *engagement_page;
  ScsImportDialog  *import_dialog;    /* the last one shown, for tests */
  guint             n_importing;      /* protected imports unsealing in a worker thread */
  ScsExportDialog  *export_dialog;    /* the last one shown, for tests */
  ScsPresentation  *presentation;     /* while one is open (weak) */
  AdwViewStackPage *engagement_stack_page;
  AdwViewStackPage *dashboard_stack_page;
  AdwViewStack     *view_stack;
  GMenu            *file_section;

  ScsApplication   *application;
  ScsEngagement    *engagement;
  ScsHistory       *history;
  ScsAutosave      *autosave;
  GFile            *file;
  ScsProtectKey    *key;          /* the file's passphrase, for this window; NULL: plain */
  ScsLock          *lock;         /* NULL when the folder takes none, or read-only */
  ScsFileStamp      stamp;        /* the file as it was read or last written here */
  gboolean          save_again;   /* a save back to the file asked while one was running */
  ScsNode          *node;
  AdwMessageDialog *dialog;
  gboolean          read_only;
  gboolean          preview;      /* the expert looks at the company's view of their file */
  gboolean          company_view; /* company_mode () as the views were last told it */
  gboolean          modified;
  gboolean          close_after_save;
  gboolean          closing;
  guint             n_saving;
  guint64           edits;        /* bumped by every edit, to tell a save from later edits */
};

/* scs-window.c */
void              scs_window_toast               (ScsWindow        *self,
                                                  const char       *message);
/* The dialog on show, forgotten when it goes (scs_window_get_dialog). */
void              scs_window_track_dialog        (ScsWindow        *self,
                                                  AdwMessageDialog *dialog);
AdwMessageDialog *scs_window_ask                 (ScsWindow        *self,
                                                  const char       *heading,
                                                  const char       *body,
                                                  const char       *destructive,
                                                  const char       *suggested,
                                                  GCallback         on_response,
                                                  const char       *first_id,
                                                  ...) G_GNUC_NULL_TERMINATED;
void              scs_window_set_modified        (ScsWindow        *self,
                                                  gboolean          modified);
/* Back to the welcome page with no engagement: before a file is read again. */
void              scs_window_clear               (ScsWindow        *self);
/* Shows node, its input focused when asked. */
void              scs_window_go_to               (ScsWindow        *self,
                                                  ScsNode          *node,
                                                  gboolean          focus_input);

/* scs-window-open.c */
/* This window when it is empty, else a new one: where an engagement opened from here goes. */
ScsWindow        *scs_window_target              (ScsWindow        *self);
/* Gives the engagement to scs_window_target's window and presents that: New, Open and the
 * example from a window that has one open come up in a window of their own. */
ScsWindow        *scs_window_show_engagement     (ScsWindow        *self,
                                                  ScsEngagement    *engagement,
                                                  GFile            *file,
                                                  gboolean          read_only);
void              scs_window_show_file_error     (ScsWindow        *self,
                                                  const char       *heading,
                                                  const char       *message);
void              scs_window_show_open_error     (ScsWindow        *self,
                                                  GFile            *file,
                                                  const char       *message);
/* Who holds a lock: user, computer, since when. */
char             *scs_window_describe_holder     (const ScsLockOwner *holder);
/* Why file may not be written by this window (open in another window, or locked by someone
 * else), or NULL when it may; with mine_too, open in this window is taken too. */
char             *scs_window_describe_taken      (ScsWindow        *self,
                                                  GFile            *file,
                                                  gboolean          mine_too);
/* scs_window_open_file with known, the passphrase this window had for the file (on a
 * reload), tried before asking. */
void              scs_window_open_file_full      (ScsWindow        *self,
                                                  GFile            *file,
                                                  ScsProtectKey    *known);
/* Opens a protected file's bytes, asking its passphrase unless known opens it; with
 * recovery (taken), restores that recovery copy instead of opening the file. */
void              scs_window_open_protected      (ScsWindow        *self,
                                                  GFile            *file,
                                                  GBytes           *bytes,
                                                  ScsFileStamp     *stamp,
                                                  ScsRecovery      *recovery,
                                                  ScsProtectKey    *known);
void              scs_window_open_example        (ScsWindow        *self);

/* scs-window-save.c */
/* Whether the window may close now: FALSE while it asks about unsaved changes or waits
 * for a save to end (which closes it then). */
gboolean          scs_window_may_close           (ScsWindow        *self);
void              scs_window_save                (ScsWindow        *self);
void              scs_window_save_as             (ScsWindow        *self);
void              scs_window_restore_opened      (ScsWindow        *self,
                                                  ScsRecovery      *recovery,
                                                  ScsEngagement    *engagement,
                                                  ScsProtectKey    *key);
/* A file chooser saving or opening engagements: .scsa files, and modal. */
GtkFileChooserNative *scs_window_new_chooser     (ScsWindow        *self,
                                                  const char       *title,
                                                  GtkFileChooserAction action,
                                                  const char       *accept_label);
/* The company's name, or “engagement”: what a file of this engagement is named after. */
const char       *scs_window_get_file_stem       (ScsWindow        *self);
/* The file chosen to save an engagement in, with .scsa added when missing. */
GFile            *scs_window_chosen_file         (GtkNativeDialog  *chooser);

/* scs-window-actions.c */
void              scs_window_class_install_actions (GtkWidgetClass *widget_class);
/* Files dropped on the window open; the recent files menu follows the desktop's list. */
void              scs_window_init_actions        (ScsWindow        *self);
void              scs_window_add_recent          (ScsWindow        *self,
                                                  GFile            *file);

G_END_DECLS
