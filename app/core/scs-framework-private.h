/* scs-framework-private.h — what scs-framework.c (the objects, their tree and lookups) and
 * scs-framework-load.c (reading them from JSON) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scs-framework.h"

G_BEGIN_DECLS

struct _ScsNode
{
  GObject      parent_instance;
  ScsNodeKind  kind;
  char        *id;
  char        *title_ja;
  char        *title_en;
  char        *text;
  int          level;
  char        *csf_function;
  char       **refs;
  ScsNode     *parent;    /* not a reference: the parent owns its children */
  GListStore  *children;
};

typedef struct {
  char       *label;
  char       *subcategory;
  gboolean    overall;
  int         all;
  GHashTable *values;   /* band id → GINT_TO_POINTER (percent + 1) */
} BenchmarkRow;

typedef struct {
  int        level;
  char      *source_ja;
  char      *source_en;
  GPtrArray *bands;     /* ScsBand */
  GPtrArray *rows;      /* BenchmarkRow */
} Benchmark;

#define LEVEL_INDEX(level) ((level) - SCS_LEVEL_LOWEST)

struct _ScsFramework
{
  GObject     parent_instance;

  char       *id;
  char       *kind;
  char       *edition;
  char       *status;
  char       *title_ja;
  char       *title_en;
  char       *source_url;
  char       *source_sha256;
  char       *origin;
  char       *content_hash;
  ScsFrameworkProvenance provenance;

  /* criteria */
  gboolean    has_level[SCS_N_LEVELS];
  GListStore *categories[SCS_N_LEVELS];
  GListStore *subcategories[SCS_N_LEVELS];
  GListStore *requirements[SCS_N_LEVELS];
  GListStore *assessables[SCS_N_LEVELS];
  GHashTable *index[SCS_N_LEVELS];
  ScsScale   *company_scale;
  GPtrArray  *verdict_scales;
  char       *default_verdict;
  GPtrArray  *maturity;
  GPtrArray  *employee_bands;
  GPtrArray  *benchmarks;

  /* checklists */
  GListStore *groups;
  GListStore *items;
  ScsScale   *answers;
  GPtrArray  *score_bands;
};

/* A new node of kind, appended to parent's children when parent is not NULL. */
ScsNode *scs_node_new_child                 (ScsNodeKind   kind,
                                             ScsNode      *parent);

/* GDestroyNotify for the framework's arrays. */
void     scs_scale_value_free               (gpointer      data);
void     scs_scale_free                     (gpointer      data);
void     scs_maturity_level_free            (gpointer      data);
void     scs_band_free                      (gpointer      data);
void     scs_benchmark_row_free             (gpointer      data);
void     scs_benchmark_free                 (gpointer      data);

/* After reading the ★4 tree: the trees of the lower levels, copied from it. */
void     scs_framework_build_lower_levels   (ScsFramework *self);
/* content_hash over the ids, levels, titles and texts under roots. */
void     scs_framework_compute_content_hash (ScsFramework *self,
                                             GListModel   *roots);

G_END_DECLS
