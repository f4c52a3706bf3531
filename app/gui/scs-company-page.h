/* scs-company-page.h — who is assessed and by whom: company, sites, expert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_COMPANY_PAGE (scs_company_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsCompanyPage, scs_company_page, SCS, COMPANY_PAGE, GtkWidget)

/* Properties "company-mode" and "editable" (see scs_view_bind). Every field edits the engagement at once, through history (undo and redo). */
void scs_company_page_set_context  (ScsCompanyPage *self,
                                    ScsEngagement  *engagement,
                                    ScsHistory     *history);
/* The sites' list gets a new, empty site; its name entry takes the focus. */
void scs_company_page_add_site     (ScsCompanyPage *self);

G_END_DECLS
