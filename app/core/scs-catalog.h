/* scs-catalog.h — the frameworks and checklists the app knows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scs-framework.h"

G_BEGIN_DECLS

#define SCS_TYPE_CATALOG (scs_catalog_get_type ())
G_DECLARE_FINAL_TYPE (ScsCatalog, scs_catalog, SCS, CATALOG, GObject)

/* The compiled-in frameworks, then those in $XDG_DATA_HOME/scs-assessor/frameworks. */
ScsCatalog   *scs_catalog_new_default   (void);
/* An empty catalog, for tests and tools. */
ScsCatalog   *scs_catalog_new           (void);
void          scs_catalog_add_builtin   (ScsCatalog   *self);
/* Loads every *.json in directory, as user-provided frameworks (never official, whatever
 * they say). A file that is not a regular file (after links), cannot be read or fails to
 * load is recorded in the errors and the others still load; a file with the same id and
 * edition as one already known is refused, so the shipped texts cannot be replaced. */
void          scs_catalog_add_directory (ScsCatalog   *self,
                                         const char   *directory);
gboolean      scs_catalog_add           (ScsCatalog   *self,
                                         ScsFramework *framework,
                                         GError      **error);

GListModel   *scs_catalog_get_frameworks (ScsCatalog  *self);
/* GError of every file that could not be loaded, each naming the file (and the JSON path
 * where there is one); each message is one line without control characters. */
GPtrArray    *scs_catalog_get_errors    (ScsCatalog   *self);
ScsFramework *scs_catalog_lookup        (ScsCatalog   *self,
                                         const char   *id,
                                         const char   *edition);
/* The newest official edition of id; without one, the newest built-in draft; a
 * user-provided edition only when nothing built in has this id. What new engagements use. */
ScsFramework *scs_catalog_get_latest    (ScsCatalog   *self,
                                         const char   *id);
/* The edition an engagement recorded with (id, edition) opens with: the recorded edition
 * when it is a user-provided one that is installed, else scs_catalog_get_latest (id). */
ScsFramework *scs_catalog_get_for_engagement (ScsCatalog *self,
                                              const char *id,
                                              const char *edition);

G_END_DECLS
