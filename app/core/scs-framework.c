/* scs-framework.c — a criteria framework or checklist: its nodes, scales, level trees and
 * lookups (reading one from JSON is scs-framework-load.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "scs-framework-private.h"
#include "scs-locale.h"

/* ScsNode ------------------------------------------------------------------------ */

G_DEFINE_FINAL_TYPE (ScsNode, scs_node, G_TYPE_OBJECT)

enum {
  NODE_PROP_0,
  NODE_PROP_ID,
  NODE_PROP_TITLE,
  NODE_PROP_TEXT,
  NODE_PROP_LEVEL,
  NODE_N_PROPS
};

static GParamSpec *node_properties[NODE_N_PROPS];

static void
scs_node_finalize (GObject *object)
{
  ScsNode *self = SCS_NODE (object);

  g_free (self->id);
  g_free (self->title_ja);
  g_free (self->title_en);
  g_free (self->text);
  g_free (self->csf_function);
  g_strfreev (self->refs);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (scs_node_parent_class)->finalize (object);
}

static void
scs_node_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ScsNode *self = SCS_NODE (object);

  switch (prop_id)
    {
    case NODE_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case NODE_PROP_TITLE:
      g_value_set_string (value, scs_node_get_title (self));
      break;
    case NODE_PROP_TEXT:
      g_value_set_string (value, scs_node_get_text (self));
      break;
    case NODE_PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_node_class_init (ScsNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = scs_node_finalize;
  object_class->get_property = scs_node_get_property;

  node_properties[NODE_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  node_properties[NODE_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  node_properties[NODE_PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  node_properties[NODE_PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, NODE_N_PROPS, node_properties);
}

static void
scs_node_init (ScsNode *self)
{
  self->children = g_list_store_new (SCS_TYPE_NODE);
}

ScsNodeKind scs_node_get_kind (ScsNode *self) { return self->kind; }
const char *scs_node_get_id (ScsNode *self) { return self->id; }
const char *scs_node_get_title_ja (ScsNode *self) { return self->title_ja ? self->title_ja : ""; }
const char *scs_node_get_title_en (ScsNode *self) { return self->title_en ? self->title_en : ""; }
const char *scs_node_get_text (ScsNode *self) { return self->text ? self->text : ""; }
int scs_node_get_level (ScsNode *self) { return self->level; }
const char *scs_node_get_csf_function (ScsNode *self) { return self->csf_function ? self->csf_function : ""; }
ScsNode *scs_node_get_parent (ScsNode *self) { return self->parent; }
GListModel *scs_node_get_children (ScsNode *self) { return G_LIST_MODEL (self->children); }

const char *
scs_node_get_title (ScsNode *self)
{
  g_return_val_if_fail (SCS_IS_NODE (self), "");
  return scs_locale_pick (self->title_ja, self->title_en);
}

const char * const *
scs_node_get_refs (ScsNode *self)
{
  static const char * const none[] = { NULL };

  return self->refs != NULL ? (const char * const *) self->refs : none;
}

ScsNode *
scs_node_get_ancestor (ScsNode    *self,
                       ScsNodeKind kind)
{
  for (ScsNode *n = self; n != NULL; n = n->parent)
    if (n->kind == kind)
      return n;
  return NULL;
}

ScsNode *
scs_node_new_child (ScsNodeKind kind,
                    ScsNode    *parent)
{
  ScsNode *node = g_object_new (SCS_TYPE_NODE, NULL);

  node->kind = kind;
  node->parent = parent;
  if (parent != NULL)
    g_list_store_append (parent->children, node);
  return node;
}

/* Scales ------------------------------------------------------------------------- */

void
scs_scale_value_free (gpointer data)
{
  ScsScaleValue *v = data;

  g_free (v->id);
  g_free (v->title_ja);
  g_free (v->title_en);
  g_free (v->hint_ja);
  g_free (v->hint_en);
  g_free (v);
}

void
scs_scale_free (gpointer data)
{
  ScsScale *s = data;

  g_free (s->id);
  g_free (s->title_ja);
  g_free (s->title_en);
  g_ptr_array_unref (s->values);
  g_free (s);
}

void
scs_maturity_level_free (gpointer data)
{
  ScsMaturityLevel *m = data;

  g_free (m->title_ja);
  g_free (m->title_en);
  g_free (m->description_ja);
  g_free (m->description_en);
  g_free (m);
}

void
scs_band_free (gpointer data)
{
  ScsBand *b = data;

  g_free (b->id);
  g_free (b->title_ja);
  g_free (b->title_en);
  g_free (b);
}

const char *
scs_scale_value_get_title (const ScsScaleValue *value)
{
  return scs_locale_pick (value->title_ja, value->title_en);
}

const char *
scs_scale_value_get_hint (const ScsScaleValue *value)
{
  return scs_locale_pick (value->hint_ja, value->hint_en);
}

const char *
scs_scale_get_title (const ScsScale *scale)
{
  return scs_locale_pick (scale->title_ja, scale->title_en);
}

const char *
scs_band_get_title (const ScsBand *band)
{
  return scs_locale_pick (band->title_ja, band->title_en);
}

const ScsScaleValue *
scs_scale_lookup (const ScsScale *scale,
                  const char     *id)
{
  if (scale == NULL || id == NULL)
    return NULL;
  for (guint i = 0; i < scale->values->len; i++)
    {
      const ScsScaleValue *v = g_ptr_array_index (scale->values, i);

      if (g_str_equal (v->id, id))
        return v;
    }
  return NULL;
}

/* Benchmarks --------------------------------------------------------------------- */

void
scs_benchmark_row_free (gpointer data)
{
  BenchmarkRow *r = data;

  g_free (r->label);
  g_free (r->subcategory);
  g_hash_table_unref (r->values);
  g_free (r);
}

void
scs_benchmark_free (gpointer data)
{
  Benchmark *b = data;

  g_free (b->source_ja);
  g_free (b->source_en);
  g_ptr_array_unref (b->bands);
  g_ptr_array_unref (b->rows);
  g_free (b);
}

gboolean
scs_level_is_valid (gint64 level)
{
  return level >= SCS_LEVEL_LOWEST && level <= SCS_LEVEL_HIGHEST;
}

/* ScsFramework ------------------------------------------------------------------- */


G_DEFINE_FINAL_TYPE (ScsFramework, scs_framework, G_TYPE_OBJECT)

static void
scs_framework_finalize (GObject *object)
{
  ScsFramework *self = SCS_FRAMEWORK (object);

  g_free (self->id);
  g_free (self->kind);
  g_free (self->edition);
  g_free (self->status);
  g_free (self->title_ja);
  g_free (self->title_en);
  g_free (self->source_url);
  g_free (self->source_sha256);
  g_free (self->origin);
  g_free (self->content_hash);
  for (guint i = 0; i < SCS_N_LEVELS; i++)
    {
      g_clear_object (&self->categories[i]);
      g_clear_object (&self->subcategories[i]);
      g_clear_object (&self->requirements[i]);
      g_clear_object (&self->assessables[i]);
      g_clear_pointer (&self->index[i], g_hash_table_unref);
    }
  g_clear_pointer (&self->company_scale, scs_scale_free);
  g_clear_pointer (&self->verdict_scales, g_ptr_array_unref);
  g_free (self->default_verdict);
  g_clear_pointer (&self->maturity, g_ptr_array_unref);
  g_clear_pointer (&self->employee_bands, g_ptr_array_unref);
  g_clear_pointer (&self->benchmarks, g_ptr_array_unref);
  g_clear_object (&self->groups);
  g_clear_object (&self->items);
  g_clear_pointer (&self->answers, scs_scale_free);
  g_clear_pointer (&self->score_bands, g_ptr_array_unref);

  G_OBJECT_CLASS (scs_framework_parent_class)->finalize (object);
}

static void
scs_framework_class_init (ScsFrameworkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scs_framework_finalize;
}

static void
scs_framework_init (ScsFramework *self)
{
  self->verdict_scales = g_ptr_array_new_with_free_func (scs_scale_free);
  self->maturity = g_ptr_array_new_with_free_func (scs_maturity_level_free);
  self->employee_bands = g_ptr_array_new_with_free_func (scs_band_free);
  self->benchmarks = g_ptr_array_new_with_free_func (scs_benchmark_free);
  self->score_bands = g_ptr_array_new_with_free_func (scs_band_free);
  self->groups = g_list_store_new (SCS_TYPE_NODE);
  self->items = g_list_store_new (SCS_TYPE_NODE);
  for (guint i = 0; i < SCS_N_LEVELS; i++)
    {
      self->categories[i] = g_list_store_new (SCS_TYPE_NODE);
      self->subcategories[i] = g_list_store_new (SCS_TYPE_NODE);
      self->requirements[i] = g_list_store_new (SCS_TYPE_NODE);
      self->assessables[i] = g_list_store_new (SCS_TYPE_NODE);
      self->index[i] = g_hash_table_new (g_str_hash, g_str_equal);
    }
}

/* A copy of node holding only what belongs to level, or NULL when nothing does. */
static ScsNode *
clone_for_level (ScsFramework *self,
                 ScsNode      *node,
                 ScsNode      *parent,
                 int           level)
{
  int idx = LEVEL_INDEX (level);
  GListModel *children = G_LIST_MODEL (node->children);
  guint n = g_list_model_get_n_items (children);
  ScsNode *copy;

  if ((node->kind == SCS_NODE_REQUIREMENT || node->kind == SCS_NODE_CRITERION) &&
      node->level > level)
    return NULL;

  copy = g_object_new (SCS_TYPE_NODE, NULL);
  copy->kind = node->kind;
  copy->id = g_strdup (node->id);
  copy->title_ja = g_strdup (node->title_ja);
  copy->title_en = g_strdup (node->title_en);
  copy->text = g_strdup (node->text);
  copy->level = node->level;
  copy->csf_function = g_strdup (node->csf_function);
  copy->parent = parent;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsNode) child = g_list_model_get_item (children, i);
      g_autoptr(ScsNode) child_copy = clone_for_level (self, child, copy, level);

      if (child_copy != NULL)
        g_list_store_append (copy->children, child_copy);
    }

  if ((node->kind == SCS_NODE_CATEGORY || node->kind == SCS_NODE_SUBCATEGORY) &&
      g_list_model_get_n_items (G_LIST_MODEL (copy->children)) == 0)
    {
      g_object_unref (copy);
      return NULL;
    }

  g_hash_table_insert (self->index[idx], copy->id, copy);
  if (copy->kind == SCS_NODE_SUBCATEGORY)
    g_list_store_append (self->subcategories[idx], copy);
  else if (copy->kind == SCS_NODE_REQUIREMENT)
    {
      g_list_store_append (self->requirements[idx], copy);
      if (n == 0)
        g_list_store_append (self->assessables[idx], copy);
    }
  else if (copy->kind == SCS_NODE_CRITERION)
    g_list_store_append (self->assessables[idx], copy);
  return copy;
}

void
scs_framework_build_lower_levels (ScsFramework *self)
{
  GListModel *top = G_LIST_MODEL (self->categories[SCS_N_LEVELS - 1]);

  for (int level = SCS_LEVEL_LOWEST; level < SCS_LEVEL_HIGHEST; level++)
    {
      if (!self->has_level[LEVEL_INDEX (level)])
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (top); i++)
        {
          g_autoptr(ScsNode) cat = g_list_model_get_item (top, i);
          g_autoptr(ScsNode) copy = clone_for_level (self, cat, NULL, level);

          if (copy != NULL)
            g_list_store_append (self->categories[LEVEL_INDEX (level)], copy);
        }
    }
}

static void
hash_node (GChecksum *sum,
           ScsNode   *node)
{
  GListModel *children = G_LIST_MODEL (node->children);
  g_autofree char *line = g_strdup_printf ("%d\t%s\t%d\t%s\t%s\t%s\n", node->kind, node->id,
                                           node->level, node->title_ja ? node->title_ja : "",
                                           node->title_en ? node->title_en : "",
                                           node->text ? node->text : "");

  g_checksum_update (sum, (const guchar *) line, -1);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(ScsNode) child = g_list_model_get_item (children, i);

      hash_node (sum, child);
    }
}

void
scs_framework_compute_content_hash (ScsFramework *self,
                                    GListModel   *roots)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(ScsNode) node = g_list_model_get_item (roots, i);

      hash_node (sum, node);
    }
  self->content_hash = g_strdup (g_checksum_get_string (sum));
}
const char *scs_framework_get_id (ScsFramework *self) { return self->id; }
const char *scs_framework_get_kind (ScsFramework *self) { return self->kind; }
const char *scs_framework_get_edition (ScsFramework *self) { return self->edition; }
const char *scs_framework_get_status (ScsFramework *self) { return self->status; }
const char *scs_framework_get_source_url (ScsFramework *self) { return self->source_url; }
const char *scs_framework_get_source_sha256 (ScsFramework *self) { return self->source_sha256; }
const char *scs_framework_get_origin (ScsFramework *self) { return self->origin; }
const char *scs_framework_get_content_hash (ScsFramework *self) { return self->content_hash; }
const ScsScale *scs_framework_get_company_scale (ScsFramework *self) { return self->company_scale; }
GPtrArray *scs_framework_get_verdict_scales (ScsFramework *self) { return self->verdict_scales; }
const char *scs_framework_get_default_verdict_scale (ScsFramework *self) { return self->default_verdict; }
GPtrArray *scs_framework_get_maturity_levels (ScsFramework *self) { return self->maturity; }
GPtrArray *scs_framework_get_employee_bands (ScsFramework *self) { return self->employee_bands; }
GListModel *scs_framework_get_groups (ScsFramework *self) { return G_LIST_MODEL (self->groups); }
GListModel *scs_framework_get_items (ScsFramework *self) { return G_LIST_MODEL (self->items); }
const ScsScale *scs_framework_get_answers (ScsFramework *self) { return self->answers; }
GPtrArray *scs_framework_get_score_bands (ScsFramework *self) { return self->score_bands; }

ScsFrameworkProvenance
scs_framework_get_provenance (ScsFramework *self)
{
  return self->provenance;
}

gboolean
scs_framework_is_builtin (ScsFramework *self)
{
  return self->provenance == SCS_FRAMEWORK_BUILTIN;
}

gboolean
scs_framework_is_official (ScsFramework *self)
{
  return self->provenance == SCS_FRAMEWORK_BUILTIN && g_strcmp0 (self->status, "official") == 0;
}

const char *
scs_framework_get_title (ScsFramework *self)
{
  return scs_locale_pick (self->title_ja, self->title_en);
}

gboolean
scs_framework_has_level (ScsFramework *self,
                         ScsLevel      level)
{
  g_return_val_if_fail (SCS_IS_FRAMEWORK (self), FALSE);
  return scs_level_is_valid (level) && self->has_level[LEVEL_INDEX (level)];
}

#define LEVEL_OR(self, level, fallback) \
  G_STMT_START { \
    if (!scs_framework_has_level ((self), (level))) \
      return (fallback); \
  } G_STMT_END

GListModel *
scs_framework_get_categories (ScsFramework *self,
                              ScsLevel      level)
{
  LEVEL_OR (self, level, NULL);
  return G_LIST_MODEL (self->categories[LEVEL_INDEX (level)]);
}

GListModel *
scs_framework_get_subcategories (ScsFramework *self,
                                 ScsLevel      level)
{
  LEVEL_OR (self, level, NULL);
  return G_LIST_MODEL (self->subcategories[LEVEL_INDEX (level)]);
}

GListModel *
scs_framework_get_requirements (ScsFramework *self,
                                ScsLevel      level)
{
  LEVEL_OR (self, level, NULL);
  return G_LIST_MODEL (self->requirements[LEVEL_INDEX (level)]);
}

GListModel *
scs_framework_get_assessables (ScsFramework *self,
                               ScsLevel      level)
{
  LEVEL_OR (self, level, NULL);
  return G_LIST_MODEL (self->assessables[LEVEL_INDEX (level)]);
}

ScsNode *
scs_framework_lookup (ScsFramework *self,
                      ScsLevel      level,
                      const char   *id)
{
  g_return_val_if_fail (SCS_IS_FRAMEWORK (self), NULL);
  /* A checklist has no levels: its items are all in the top index. */
  if (g_strcmp0 (self->kind, SCS_FRAMEWORK_KIND_CHECKLIST) == 0)
    return g_hash_table_lookup (self->index[SCS_N_LEVELS - 1], id);
  LEVEL_OR (self, level, NULL);
  return g_hash_table_lookup (self->index[LEVEL_INDEX (level)], id);
}

const ScsScale *
scs_framework_get_verdict_scale (ScsFramework *self,
                                 const char   *id)
{
  for (guint i = 0; id != NULL && i < self->verdict_scales->len; i++)
    {
      const ScsScale *s = g_ptr_array_index (self->verdict_scales, i);

      if (g_str_equal (s->id, id))
        return s;
    }
  return NULL;
}

const ScsBand *
scs_framework_get_employee_band (ScsFramework *self,
                                 const char   *id)
{
  for (guint i = 0; id != NULL && i < self->employee_bands->len; i++)
    {
      const ScsBand *b = g_ptr_array_index (self->employee_bands, i);

      if (g_str_equal (b->id, id))
        return b;
    }
  return NULL;
}

int
scs_framework_get_benchmark (ScsFramework *self,
                             ScsLevel      level,
                             const char   *subcategory_id,
                             const char   *band_id,
                             const char  **source)
{
  const ScsBand *band = scs_framework_get_employee_band (self, band_id);

  for (guint i = 0; i < self->benchmarks->len; i++)
    {
      const Benchmark *b = g_ptr_array_index (self->benchmarks, i);
      const char *column = NULL;

      if (b->level != (int) level)
        continue;

      /* The engagement's band must fall wholly inside one of the benchmark's columns;
       * without a band the figure for all companies is given. */
      if (band != NULL)
        {
          for (guint j = 0; j < b->bands->len && column == NULL; j++)
            {
              const ScsBand *bb = g_ptr_array_index (b->bands, j);

              if (band->min >= bb->min && band->max <= bb->max)
                column = bb->id;
            }
          if (column == NULL)
            return -1;
        }

      for (guint j = 0; j < b->rows->len; j++)
        {
          const BenchmarkRow *row = g_ptr_array_index (b->rows, j);
          gboolean match = subcategory_id == NULL ? row->overall
                                                  : g_strcmp0 (row->subcategory, subcategory_id) == 0;

          if (!match)
            continue;
          if (source != NULL)
            *source = scs_locale_pick (b->source_ja, b->source_en);
          if (column == NULL)
            return row->all;
          return GPOINTER_TO_INT (g_hash_table_lookup (row->values, column)) - 1;
        }
      return -1;
    }
  return -1;
}
