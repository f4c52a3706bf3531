/* scs-record-row.h — one record of a list as a row of fields with a remove button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_RECORD_ROW (scs_record_row_get_type ())
G_DECLARE_FINAL_TYPE (ScsRecordRow, scs_record_row, SCS, RECORD_ROW, GtkListBoxRow)

/* A row editing record; its edits seal history's step first (history may be NULL).
 * remove_tooltip NULL: a row that cannot be removed (no button). */
ScsRecordRow *scs_record_row_new           (ScsRecord    *record,
                                            ScsHistory   *history,
                                            const char   *remove_tooltip);
/* A field on the first line, before the remove button; the first field added takes the
 * focus in scs_record_row_focus. */
void          scs_record_row_add           (ScsRecordRow *self,
                                            GtkWidget    *field);
/* A field on a line of its own, below the first. */
void          scs_record_row_add_below     (ScsRecordRow *self,
                                            GtkWidget    *field);
/* Linked toggle buttons titled titles for the choice member of the record (ids ends with
 * NULL); the toggle of the record's value is down. grouped: one stays chosen; otherwise
 * pressing the chosen one again clears the member. Returns the box, for the page to place. */
GtkWidget    *scs_record_row_choice_toggles (ScsRecordRow       *self,
                                             const char         *member,
                                             const char * const *ids,
                                             const char * const *titles,
                                             gboolean            grouped);
/* Presses the index-th toggle, as a click does; FALSE when there is none. */
gboolean      scs_record_row_choose        (ScsRecordRow *self,
                                            guint         index);
/* More room around and between the fields: for rows that carry a question's text. */
void          scs_record_row_set_spacious  (ScsRecordRow *self,
                                            gboolean      spacious);
void          scs_record_row_focus         (ScsRecordRow *self);

G_END_DECLS
