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

typedef gboolean (*ScsTextCheck) (const char *text);

/* An entry with a placeholder (also its accessible label), bound to property of record;
 * width_chars 0: it takes the room there is. */
GtkWidget *scs_bind_entry        (ScsRecord    *record,
                                  const char   *property,
                                  const char   *placeholder,
                                  int           width_chars);
/* An AdwEntryRow titled title, bound to property of record. With check (scs_is_valid_date,
 * scs_is_valid_time) a half-typed value stays in the row and reaches the record once whole. */
GtkWidget *scs_bind_entry_row    (ScsRecord    *record,
                                  const char   *property,
                                  const char   *title,
                                  ScsTextCheck  check);
/* The "text" of target (an editable or an entry row) and property of record, with check as
 * above (NULL: none). */
void       scs_bind_checked_text (ScsRecord    *record,
                                  const char   *property,
                                  gpointer      target,
                                  ScsTextCheck  check);
/* The same through a binding group, whose source changes as the page moves on. */
void       scs_bind_group_checked_text (GBindingGroup *group,
                                        const char    *property,
                                        gpointer       target,
                                        ScsTextCheck   check);
void       scs_bind_group_text_view    (GBindingGroup *group,
                                        const char    *property,
                                        GtkTextView   *view);
/* The "selected" of target (a drop-down or combo row) and a choice property of record:
 * position i is ids[i] (ids ends with NULL); a value not in ids selects nothing. */
void       scs_bind_choice       (ScsRecord          *record,
                                  const char         *property,
                                  gpointer            target,
                                  const char * const *ids);

G_END_DECLS
