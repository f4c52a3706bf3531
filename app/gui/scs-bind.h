/* scs-bind.h — the ways the pages tie widgets to engagement records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every binding is both ways and starts from the record. Edits go through the record, so
 * the engagement's history records them; the widgets' own undo is switched off so that
 * Ctrl+Z always means the engagement's.
 */
#pragma once

#include <adwaita.h>

#include "scs-core.h"

G_BEGIN_DECLS

/* Reads what a person typed into the file's form (scs_normalize_date, scs_normalize_time). */
typedef char *(*ScsTextNormalize) (const char *text, GError **error);

/* An entry with a placeholder (also its accessible label), bound to property of record;
 * width_chars 0: it takes the room there is. normalize as for scs_bind_checked_text. */
GtkWidget *scs_bind_entry        (ScsRecord        *record,
                                  const char       *property,
                                  const char       *placeholder,
                                  int               width_chars,
                                  ScsTextNormalize  normalize);
/* An AdwEntryRow titled title, bound to property of record, normalize as below. */
GtkWidget *scs_bind_entry_row    (ScsRecord        *record,
                                  const char       *property,
                                  const char       *title,
                                  ScsTextNormalize  normalize);
/* The "text" of target (an editable or an entry row) and property of record. With
 * normalize (NULL: none), text already in the file's form reaches the record as it is
 * typed; other forms (2026/4/15, 1330 …) are read when the field is left, on Enter, and by
 * scs_bind_commit_all, then written to the record and shown in the file's form. Text that
 * cannot be read leaves the record as it was and marks the field: the "error" style, the
 * reason with the form expected (an entry row's title, the tooltip, the accessible
 * description), until it is corrected. */
void       scs_bind_checked_text (ScsRecord        *record,
                                  const char       *property,
                                  gpointer          target,
                                  ScsTextNormalize  normalize);
/* The same through a binding group, whose source changes as the page moves on. */
void       scs_bind_group_checked_text (GBindingGroup    *group,
                                        const char       *property,
                                        gpointer          target,
                                        ScsTextNormalize  normalize);
/* Reads target's text as above; FALSE when it could not be read (target is then marked). */
gboolean   scs_bind_commit       (GtkWidget        *target);
/* scs_bind_commit on every field under root; the names of the fields whose text could not
 * be read (free with g_ptr_array_unref). Called before saving. */
GPtrArray *scs_bind_commit_all   (GtkWidget        *root);
void       scs_bind_group_text_view    (GBindingGroup *group,
                                        const char    *property,
                                        GtkTextView   *view);
/* The "selected" of target (a drop-down or combo row) and a choice property of record:
 * position i is ids[i] (ids ends with NULL); a value not in ids selects nothing. */
void       scs_bind_choice       (ScsRecord          *record,
                                  const char         *property,
                                  gpointer            target,
                                  const char * const *ids);

/* What a view of the engagement follows its window by, the window's properties of the same
 * names: "company-mode", the company's view, where nothing of the expert's can be edited
 * and most of it is not shown; "editable", the file may be changed. A view has those it
 * uses as properties of its own, never pushed into it but bound (scs_view_bind). */
#define SCS_VIEW_COMPANY_MODE "company-mode"
#define SCS_VIEW_EDITABLE     "editable"

/* Where a view keeps them: the offsets of two gboolean fields of its instance
 * (G_STRUCT_OFFSET; -1: not a property of this view), and what it does when one has
 * changed (NULL: nothing more). */
typedef struct {
  glong   company_mode;
  glong   editable;
  void  (*company_mode_changed) (gpointer view);
  void  (*editable_changed)     (gpointer view);
} ScsViewFields;

/* Installs the properties of fields on klass, with get_property and set_property that
 * keep them there (notified only when they change); for a class that has no other
 * properties. fields lives as long as the class (a static). */
void        scs_view_class_install      (GObjectClass        *klass,
                                         const ScsViewFields *fields);
/* The same properties, for a class that installs them with properties of its own. */
GParamSpec *scs_view_param_company_mode (void);
GParamSpec *scs_view_param_editable     (void);
/* Binds those of view's company-mode and editable it has to source's, from now on. */
void        scs_view_bind               (gpointer             source,
                                         gpointer             view);

void scs_combo_row_show_choices_whole (AdwComboRow *row);

G_END_DECLS
