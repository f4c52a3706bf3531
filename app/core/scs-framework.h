/* scs-framework.h — a criteria framework or checklist, loaded from data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCS_FRAMEWORK_FORMAT "scs-assessor-framework"
#define SCS_FRAMEWORK_FORMAT_VERSION 1
/* A criteria file is about 100 KB; one over this is refused unread. */
#define SCS_FRAMEWORK_MAX_SIZE (16 * 1024 * 1024)

/* The frameworks the app knows by id (every edition of one shares its id), and the kinds a
 * framework file can be. */
#define SCS_FRAMEWORK_ID_CRITERIA   "scs"
#define SCS_FRAMEWORK_ID_DIAGNOSIS  "five-minute-diagnosis"
#define SCS_FRAMEWORK_ID_CSM        "csm-guidelines-v2"
#define SCS_FRAMEWORK_KIND_CRITERIA  "criteria"
#define SCS_FRAMEWORK_KIND_CHECKLIST "checklist"

/* The levels an engagement is assessed at. Every ★3 criterion is a ★4 one too, so the ★4
 * tree holds every criterion of a framework. */
typedef enum {
  SCS_LEVEL_3 = 3,
  SCS_LEVEL_4 = 4,
} ScsLevel;

#define SCS_LEVEL_LOWEST  SCS_LEVEL_3
#define SCS_LEVEL_HIGHEST SCS_LEVEL_4
#define SCS_N_LEVELS      (SCS_LEVEL_HIGHEST - SCS_LEVEL_LOWEST + 1)

/* Whether level (as read from a file or typed) is one of ScsLevel. */
gboolean scs_level_is_valid (gint64 level);

typedef enum {
  SCS_NODE_CATEGORY,
  SCS_NODE_SUBCATEGORY,
  SCS_NODE_REQUIREMENT,
  SCS_NODE_CRITERION,
  SCS_NODE_GROUP,       /* a checklist's group of items */
  SCS_NODE_ITEM,        /* a checklist item */
} ScsNodeKind;

#define SCS_TYPE_NODE (scs_node_get_type ())
G_DECLARE_FINAL_TYPE (ScsNode, scs_node, SCS, NODE, GObject)

ScsNodeKind  scs_node_get_kind         (ScsNode *self);
const char  *scs_node_get_id           (ScsNode *self);
/* The title in the user's language where the framework has one (categories,
 * subcategories, groups); requirement titles and all texts are Japanese only. */
const char  *scs_node_get_title        (ScsNode *self);
const char  *scs_node_get_title_ja     (ScsNode *self);
const char  *scs_node_get_title_en     (ScsNode *self);
/* The official text, verbatim (requirements, criteria, checklist items). */
const char  *scs_node_get_text         (ScsNode *self);
int          scs_node_get_level        (ScsNode *self);
const char  *scs_node_get_csf_function (ScsNode *self);
const char * const *scs_node_get_refs  (ScsNode *self);
ScsNode     *scs_node_get_parent       (ScsNode *self);
GListModel  *scs_node_get_children     (ScsNode *self);
/* The category, subcategory or requirement above this node, or NULL. */
ScsNode     *scs_node_get_ancestor     (ScsNode    *self,
                                        ScsNodeKind kind);

typedef struct {
  char    *id;
  char    *title_ja;
  char    *title_en;
  char    *hint_ja;
  char    *hint_en;
  gboolean conforming;
  gboolean not_applicable;
  gboolean comment_required;
  gboolean follow_up;
  gboolean has_credit;
  double   credit;      /* company scale: weight toward the self-assessed rate */
  gboolean has_points;
  int      points;      /* checklist answers */
} ScsScaleValue;

/* The values of the built-in scales the app gives a meaning beyond their flags: the
 * company's “done” and “partly” (a claim the expert's verdict can contradict), and the
 * verdict the views mark as the severe kind of not conforming. */
#define SCS_COMPANY_STATUS_DONE   "done"
#define SCS_COMPANY_STATUS_PARTLY "partly"
#define SCS_VERDICT_NONCONFORMING "nonconforming"

typedef struct {
  char          *id;
  char          *title_ja;
  char          *title_en;
  GPtrArray     *values;  /* ScsScaleValue */
} ScsScale;

typedef struct {
  int   level;
  char *title_ja;
  char *title_en;
  char *description_ja;
  char *description_en;
} ScsMaturityLevel;

typedef struct {
  char  *id;
  gint64 min;
  gint64 max;           /* G_MAXINT64 when open-ended */
  char  *title_ja;
  char  *title_en;
} ScsBand;

const char *scs_scale_value_get_title (const ScsScaleValue *value);
const char *scs_scale_value_get_hint  (const ScsScaleValue *value);
const ScsScaleValue *scs_scale_lookup (const ScsScale *scale,
                                       const char     *id);
const char *scs_scale_get_title       (const ScsScale *scale);
const char *scs_band_get_title        (const ScsBand  *band);

/* Where a framework came from. Only what is compiled into the app can be official: a file
 * can say anything about itself. */
typedef enum {
  SCS_FRAMEWORK_USER_PROVIDED,   /* read from a file or from bytes of unknown origin */
  SCS_FRAMEWORK_BUILTIN,         /* read from the app's own compiled-in resources */
} ScsFrameworkProvenance;

#define SCS_TYPE_FRAMEWORK (scs_framework_get_type ())
G_DECLARE_FINAL_TYPE (ScsFramework, scs_framework, SCS, FRAMEWORK, GObject)

/* Both give a user-provided framework. */
ScsFramework *scs_framework_new_from_bytes (GBytes     *bytes,
                                            const char *origin,
                                            GError    **error);
ScsFramework *scs_framework_new_from_file  (GFile      *file,
                                            GError    **error);
/* A built-in framework, from the compiled-in resource at path. */
ScsFramework *scs_framework_new_from_resource (const char *path,
                                               GError    **error);

const char  *scs_framework_get_id            (ScsFramework *self);
const char  *scs_framework_get_kind          (ScsFramework *self);
const char  *scs_framework_get_edition       (ScsFramework *self);
/* What the file's status member says ("official" or "draft"), whoever wrote it. */
const char  *scs_framework_get_status        (ScsFramework *self);
/* TRUE only for a built-in edition whose status is official. */
gboolean     scs_framework_is_official       (ScsFramework *self);
ScsFrameworkProvenance scs_framework_get_provenance (ScsFramework *self);
gboolean     scs_framework_is_builtin        (ScsFramework *self);
const char  *scs_framework_get_title         (ScsFramework *self);
const char  *scs_framework_get_source_url    (ScsFramework *self);
const char  *scs_framework_get_source_sha256 (ScsFramework *self);
const char  *scs_framework_get_origin        (ScsFramework *self);
/* SHA-256 over the ids, levels, titles and texts: two files with the same hash show the
 * same criteria. Recorded in engagements to notice silent rewording. */
const char  *scs_framework_get_content_hash  (ScsFramework *self);

/* Criteria frameworks. level is 3 or 4; a node tree is made per level, holding only the
 * subcategories, requirements and criteria that belong to it. */
gboolean     scs_framework_has_level         (ScsFramework *self,
                                              ScsLevel      level);
GListModel  *scs_framework_get_categories    (ScsFramework *self,
                                              ScsLevel      level);
GListModel  *scs_framework_get_subcategories (ScsFramework *self,
                                              ScsLevel      level);
GListModel  *scs_framework_get_requirements  (ScsFramework *self,
                                              ScsLevel      level);
/* What an expert gives a verdict on: the criteria, or in an edition without criteria (the
 * December 2025 draft) the requirements themselves. */
GListModel  *scs_framework_get_assessables   (ScsFramework *self,
                                              ScsLevel      level);
ScsNode     *scs_framework_lookup            (ScsFramework *self,
                                              ScsLevel      level,
                                              const char   *id);

const ScsScale *scs_framework_get_company_scale (ScsFramework *self);
GPtrArray      *scs_framework_get_verdict_scales (ScsFramework *self);
const ScsScale *scs_framework_get_verdict_scale  (ScsFramework *self,
                                                  const char   *id);
const char     *scs_framework_get_default_verdict_scale (ScsFramework *self);
GPtrArray      *scs_framework_get_maturity_levels (ScsFramework *self);
GPtrArray      *scs_framework_get_employee_bands  (ScsFramework *self);
const ScsBand  *scs_framework_get_employee_band   (ScsFramework *self,
                                                   const char   *id);

/* The 2025 demonstration's conformance rate (percent) for subcategory_id, or for the
 * whole when subcategory_id is NULL, among companies of the employee band; -1 when the
 * benchmark has no such figure. source, when not NULL, receives the citation. */
int          scs_framework_get_benchmark     (ScsFramework *self,
                                              ScsLevel      level,
                                              const char   *subcategory_id,
                                              const char   *band_id,
                                              const char  **source);

/* Checklists: groups of items, answers with points, and score bands. */
GListModel     *scs_framework_get_groups       (ScsFramework *self);
GListModel     *scs_framework_get_items        (ScsFramework *self);
const ScsScale *scs_framework_get_answers      (ScsFramework *self);
GPtrArray      *scs_framework_get_score_bands  (ScsFramework *self);

G_END_DECLS
