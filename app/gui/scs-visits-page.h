/* scs-visits-page.h — the visits: when, who, the agenda, what was done and asked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_VISITS_PAGE (scs_visits_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsVisitsPage, scs_visits_page, SCS, VISITS_PAGE, GtkWidget)

/* Properties "company-mode" and "editable" (see scs_view_bind); in company mode the
 * expert's notes of each visit are left out. */
void       scs_visits_page_set_context  (ScsVisitsPage *self,
                                         ScsEngagement *engagement,
                                         ScsHistory    *history);
/* A visit after the last one (three are always there), or in the first free number once
 * 99 is used; returns it (borrowed), or NULL when all 99 are taken. */
ScsRecord *scs_visits_page_add_visit    (ScsVisitsPage *self);
/* Fills the agenda of visit (empty so far) with the standard first-visit schedule of the
 * support programme's guide; one step of undo. */
void       scs_visits_page_fill_agenda  (ScsVisitsPage *self,
                                         ScsRecord     *visit);
/* Adds an attendee (side "company" or "expert") or an agenda row to visit. */
ScsRecord *scs_visits_page_add_attendee (ScsVisitsPage *self,
                                         ScsRecord     *visit,
                                         const char    *side);

G_END_DECLS
