/* scs-edition-diff.h — what changed between two editions of a framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scs-framework.h"

G_BEGIN_DECLS

typedef enum {
  SCS_CHANGE_ADDED,
  SCS_CHANGE_REMOVED,
  SCS_CHANGE_REWORDED,  /* the official text differs */
  SCS_CHANGE_RETITLED,  /* the title differs */
  SCS_CHANGE_LEVEL,     /* moved between ★3 and ★4 */
} ScsChangeKind;

typedef struct {
  ScsChangeKind kind;
  ScsNodeKind   node_kind;
  char         *id;
  char         *old_text;   /* or title; NULL for ADDED */
  char         *new_text;   /* NULL for REMOVED */
  int           old_level;
  int           new_level;
} ScsChange;

/* The changes of subcategories, requirements and criteria from one edition to another,
 * in the order of the newer edition, then what it removed. */
GPtrArray  *scs_edition_diff             (ScsFramework *from,
                                          ScsFramework *to);
guint       scs_edition_diff_count       (GPtrArray    *changes,
                                          ScsChangeKind kind,
                                          ScsNodeKind   node_kind);
const char *scs_change_kind_to_string    (ScsChangeKind kind);

G_END_DECLS
