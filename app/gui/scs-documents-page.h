/* scs-documents-page.h — the company's document inventory, and where each is cited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_DOCUMENTS_PAGE (scs_documents_page_get_type ())
G_DECLARE_FINAL_TYPE (ScsDocumentsPage, scs_documents_page, SCS, DOCUMENTS_PAGE, GtkWidget)

/* Property "editable" (see scs_view_bind). A criterion cited is shown in the workspace
 * (action win.show-node). */
void  scs_documents_page_set_context  (ScsDocumentsPage *self,
                                       ScsEngagement    *engagement,
                                       ScsHistory       *history);
/* A new document at the end of the inventory, with the next free id (DOC-nn); its row
 * opens with the title entry focused. Returns it (borrowed). */
ScsRecord *scs_documents_page_add_document (ScsDocumentsPage *self);
/* The criteria whose documents evidence cites the document id, in framework order. */
GPtrArray *scs_documents_page_citations    (ScsEngagement    *engagement,
                                            const char       *document_id);
/* How a picker names a document: its id first, so that titles cut short or alike are
 * still told apart ("DOC-03 情報セキュリティ基本方針 (1.2)"); an untitled one says so. */
char      *scs_documents_page_label        (ScsRecord        *document);

G_END_DECLS
