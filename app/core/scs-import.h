/* scs-import.h — taking in the self-assessment a company filled in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The company works on its company copy of the engagement (or, from older versions, the
 * engagement file itself) in company mode and sends it back. Only
 * what the company may change comes in: its status and comment per criterion, the
 * documents it listed and the items of its draft improvement plan, which come in as the
 * company's proposals. Expert fields are never read from the incoming file.
 */
#pragma once

#include "scs-engagement.h"
#include "scs-history.h"
#include "scs-storage.h"

G_BEGIN_DECLS

typedef struct {
  char *criterion;      /* id */
  char *old_status;     /* "" when none */
  char *new_status;
  char *old_comment;
  char *new_comment;
} ScsImportChange;

typedef struct {
  GPtrArray *changes;        /* ScsImportChange, in the framework's order */
  GPtrArray *documents;      /* ScsRecord (ScsDocument) the current inventory lacks */
  GPtrArray *plan_items;     /* ScsRecord (ScsPlanItem) of the company's draft plan (改善計画書
                              * 3.) whose title the current plan lacks */
  char      *their_company;  /* the incoming file's company name */
  ScsLevel   their_level;
  gboolean   company_differs;
  gboolean   level_differs;
  /* The incoming file is a company copy made from another engagement than current: the
   * company and creation time of the engagement it came from, and when it was made. */
  gboolean   other_engagement;
  char      *origin_company;
  char      *origin_created;
  char      *copy_made;
} ScsImportPlan;

/* Reads the company's file for importing into current: as opening would, and refused also
 * when it was made for another framework, or with an edition of the criteria this app does
 * not have (its answers could not be matched to criteria safely). The file is only read. */
ScsEngagement *scs_import_load    (ScsCatalog    *catalog,
                                   ScsEngagement *current,
                                   GFile         *file,
                                   GError       **error);
/* The same for a file that may be protected by a passphrase: key opens it (NULL: a
 * protected file is refused with SCS_FORMAT_ERROR_PASSPHRASE_NEEDED). */
ScsEngagement *scs_import_load_full (ScsCatalog    *catalog,
                                     ScsEngagement *current,
                                     GFile         *file,
                                     ScsProtectKey *key,
                                     GError       **error);
/* What taking incoming into current would change. */
ScsImportPlan *scs_import_compare (ScsEngagement *current,
                                   ScsEngagement *incoming);
/* Takes the changes whose index is in accepted (NULL: all), the new documents and the
 * company's plan items (each with a new id, proposed_by "company", and only the criteria
 * the current level has), as one step of history (NULL: none). Returns how many criteria
 * changed. */
guint          scs_import_apply   (ScsEngagement *current,
                                   ScsImportPlan *plan,
                                   const gboolean *accepted,
                                   ScsHistory    *history);
void           scs_import_plan_free (ScsImportPlan *plan);
/* The id for a new item of engagement's improvement plan: P1, P2, … after the greatest
 * in use, and unique whatever the others look like. */
char          *scs_plan_new_item_id (ScsEngagement *engagement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsImportPlan, scs_import_plan_free)

G_END_DECLS
