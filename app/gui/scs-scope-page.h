/* scs-scope-page.h — the scope (適用範囲): six questions and the exclusions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_SCOPE_PAGE (scs_scope_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsScopePage, scs_scope_page, SCS, SCOPE_PAGE, GtkWidget)

/* Properties "company-mode" and "editable" (see scs_view_bind). In company mode the
 * expert's judgement of each exclusion is read-only, and shown only when the company is
 * given it (scs_scope_page_set_shared_judgements). */
void       scs_scope_page_set_context  (ScsScopePage  *self,
                                        ScsEngagement *engagement,
                                        ScsHistory    *history);
void       scs_scope_page_set_shared_judgements (ScsScopePage *self,
                                                 gboolean      shared);
/* Answers question (an id of scs_scope_question_ids) yes or no, as its buttons do; FALSE
 * for a question that has no such buttons (it asks how or which). */
gboolean   scs_scope_page_answer       (ScsScopePage  *self,
                                        const char    *question,
                                        gboolean       yes);
/* A new exclusion at the end of the list (its first entry takes the focus). */
ScsRecord *scs_scope_page_add_exclusion (ScsScopePage *self);

G_END_DECLS
