/* scs-checklist-page.h — a checklist answered item by item: the five-minute diagnosis,
 * the CSM Guidelines check sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_CHECKLIST_PAGE (scs_checklist_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsChecklistPage, scs_checklist_page, SCS, CHECKLIST_PAGE, GtkWidget)

/* Property "editable" (see scs_view_bind). */
GtkWidget *scs_checklist_page_new          (const char       *list_name);
/* checklist: the framework of the items and answers (NULL: none installed). */
void       scs_checklist_page_set_context  (ScsChecklistPage *self,
                                            ScsEngagement    *engagement,
                                            ScsHistory       *history,
                                            ScsFramework     *checklist);
/* Answers item item_id with the answer at index (0 the first of the scale), as a click
 * on its button does: FALSE, and nothing changes, when the page is not editable. */
gboolean   scs_checklist_page_answer       (ScsChecklistPage *self,
                                            const char       *item_id,
                                            guint             index);
/* The summary as shown: score and band, or how many are answered. */
const char *scs_checklist_page_get_summary (ScsChecklistPage *self);

G_END_DECLS
