/* scs-history.h — undo and redo of every edit of an engagement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history listens to the engagement's "edited" signal, so every member set by a view
 * (a choice, a flag, a text) becomes a step without the view doing anything. Items added
 * to or removed from a list go through scs_history_insert/remove. Consecutive edits of the
 * same text member coalesce into one step, as typing a sentence is one edit to undo.
 */
#pragma once

#include "scs-engagement.h"

G_BEGIN_DECLS

#define SCS_TYPE_HISTORY (scs_history_get_type ())
G_DECLARE_FINAL_TYPE (ScsHistory, scs_history, SCS, HISTORY, GObject)

ScsHistory *scs_history_new       (ScsEngagement *engagement);
gboolean    scs_history_can_undo  (ScsHistory    *self);
gboolean    scs_history_can_redo  (ScsHistory    *self);
/* Each returns the record the step changed (borrowed), or NULL when there was none. */
ScsRecord  *scs_history_undo      (ScsHistory    *self);
ScsRecord  *scs_history_redo      (ScsHistory    *self);
/* Ends coalescing: the next edit of the same text starts a new step. */
void        scs_history_seal      (ScsHistory    *self);
void        scs_history_clear     (ScsHistory    *self);
/* The edits between these two calls (they nest) undo and redo as one step. */
void        scs_history_begin_group (ScsHistory  *self);
void        scs_history_end_group   (ScsHistory  *self);
/* List edits that can be undone. owner is the record that holds the list. */
void        scs_history_insert    (ScsHistory    *self,
                                   ScsRecord     *owner,
                                   GListStore    *list,
                                   guint          position,
                                   ScsRecord     *item);
void        scs_history_remove    (ScsHistory    *self,
                                   ScsRecord     *owner,
                                   GListStore    *list,
                                   guint          position);

/* Cites the document titled title (blanks around it dropped) in procedure's references,
 * as one step: the inventory entry with exactly that title is cited when there is one;
 * otherwise a new entry (a fresh id, kind "other") is added to the inventory and cited,
 * and undoing the step removes both. Returns the new reference (borrowed), or NULL with
 * error set when title is blank. */
ScsRecord  *scs_history_cite_document_title (ScsHistory  *self,
                                             ScsRecord   *procedure,
                                             const char  *title,
                                             GError     **error);

/* Sets the engagement's level as one step. No answer is removed: those to criteria the new
 * level leaves out stay in the engagement and its file, hidden (see
 * scs_engagement_count_hidden_answers); criteria the level adds start unanswered. Returns
 * how many answers the new level hides. */
guint       scs_history_set_level (ScsHistory    *self,
                                   ScsLevel       level);
/* Sets the verdict scale (an id of the framework's verdict scales) and carries every
 * verdict over with scs_verdict_carry_over, as one step. A verdict with no counterpart is
 * kept as it is (shown as no verdict, saved, back when the scale is). Returns how many
 * verdicts were changed; kept, when not NULL, receives how many are now kept so. */
guint       scs_history_set_verdict_scale (ScsHistory *self,
                                           const char *scale_id,
                                           guint      *kept);

G_END_DECLS
