/* scs-framework-load.c — reading a framework from its JSON file: every member checked, every
 * error naming the JSON path of what is wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "scs-error.h"
#include "scs-framework-private.h"
#include "scs-json-scan.h"
#include "scs-storage.h"

/* Reading helpers: each names the JSON path of what is wrong. */

static JsonObject *
member_object (JsonObject *o,
               const char *path,
               const char *member,
               GError    **error)
{
  g_autofree char *p = scs_json_member_path (path, member);
  JsonNode *n = scs_json_require_member (o, member, path, error);

  if (n == NULL || !scs_json_check_object (n, p, error))
    return NULL;
  return json_node_get_object (n);
}

static JsonArray *
member_array (JsonObject *o,
              const char *path,
              const char *member,
              GError    **error)
{
  g_autofree char *p = scs_json_member_path (path, member);
  JsonNode *n = scs_json_require_member (o, member, path, error);

  if (n == NULL || !scs_json_check_array (n, p, error))
    return NULL;
  return json_node_get_array (n);
}

/* A string member; with nullable, JSON null is read as NULL. */
static gboolean
member_string (JsonObject *o,
               const char *path,
               const char *member,
               gboolean    nullable,
               char      **out,
               GError    **error)
{
  g_autofree char *p = scs_json_member_path (path, member);
  JsonNode *n = scs_json_require_member (o, member, path, error);

  if (n == NULL)
    return FALSE;
  if (nullable && JSON_NODE_HOLDS_NULL (n))
    {
      *out = NULL;
      return TRUE;
    }
  if (!scs_json_check_string (n, p, error))
    return FALSE;
  *out = g_strdup (json_node_get_string (n));
  return TRUE;
}

static gboolean
member_int (JsonObject *o,
            const char *path,
            const char *member,
            gboolean    nullable,
            gboolean   *is_null,
            gint64     *out,
            GError    **error)
{
  g_autofree char *p = scs_json_member_path (path, member);
  JsonNode *n = scs_json_require_member (o, member, path, error);

  if (n == NULL)
    return FALSE;
  if (is_null != NULL)
    *is_null = FALSE;
  if (nullable && JSON_NODE_HOLDS_NULL (n))
    {
      *is_null = TRUE;
      return TRUE;
    }
  if (!scs_json_check_int (n, p, error))
    return FALSE;
  *out = json_node_get_int (n);
  return TRUE;
}

static gboolean
member_bool (JsonObject *o,
             const char *path,
             const char *member,
             gboolean   *out,
             GError    **error)
{
  g_autofree char *p = scs_json_member_path (path, member);
  JsonNode *n = scs_json_require_member (o, member, path, error);

  if (n == NULL || !scs_json_check_boolean (n, p, error))
    return FALSE;
  *out = json_node_get_boolean (n);
  return TRUE;
}

/* {"ja": …, "en": …}: Japanese is required, English optional. */
static gboolean
member_localized (JsonObject *o,
                  const char *path,
                  const char *member,
                  char      **ja,
                  char      **en,
                  GError    **error)
{
  g_autofree char *p = scs_json_member_path (path, member);
  JsonObject *t = member_object (o, path, member, error);

  if (t == NULL || !member_string (t, p, "ja", FALSE, ja, error))
    return FALSE;
  if (json_object_has_member (t, "en"))
    return member_string (t, p, "en", FALSE, en, error);
  *en = NULL;
  return TRUE;
}

static gboolean
invalid (GError    **error,
         const char *path,
         const char *member,
         const char *value)
{
  g_autofree char *p = scs_json_member_path (path, member);

  g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
               _("%s: “%s” is not allowed here"), p, value);
  return FALSE;
}

static gboolean
register_id (ScsFramework *self,
             ScsNode      *node,
             const char   *path,
             GError      **error)
{
  GHashTable *index = self->index[SCS_N_LEVELS - 1];

  /* An engagement records answers by these ids, under the same rule. */
  if (node->id[0] != '\0')
    {
      g_autofree char *p = scs_json_member_path (path, "id");

      if (!scs_json_check_id (node->id, p, error))
        return FALSE;
    }
  if (node->id[0] == '\0' || g_hash_table_contains (index, node->id))
    {
      g_autofree char *p = scs_json_member_path (path, "id");

      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_DUPLICATE,
                   _("%s: the id “%s” is empty or used twice"), p, node->id);
      return FALSE;
    }
  g_hash_table_insert (index, node->id, node);
  return TRUE;
}

static gboolean
read_scale_value (JsonObject    *o,
                  const char    *path,
                  gboolean       verdict,
                  ScsScaleValue *v,
                  GError       **error)
{
  if (!member_string (o, path, "id", FALSE, &v->id, error) ||
      !member_localized (o, path, "title", &v->title_ja, &v->title_en, error))
    return FALSE;
  if (json_object_has_member (o, "hint") &&
      !member_localized (o, path, "hint", &v->hint_ja, &v->hint_en, error))
    return FALSE;
  if (verdict &&
      (!member_bool (o, path, "conforming", &v->conforming, error) ||
       !member_bool (o, path, "not_applicable", &v->not_applicable, error) ||
       !member_bool (o, path, "comment_required", &v->comment_required, error)))
    return FALSE;
  if (json_object_has_member (o, "credit"))
    {
      JsonNode *n = json_object_get_member (o, "credit");

      if (!JSON_NODE_HOLDS_NULL (n))
        {
          g_autofree char *p = scs_json_member_path (path, "credit");

          if (!JSON_NODE_HOLDS_VALUE (n) ||
              (json_node_get_value_type (n) != G_TYPE_DOUBLE &&
               json_node_get_value_type (n) != G_TYPE_INT64))
            {
              g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_TYPE,
                           _("%s: expected a number"), p);
              return FALSE;
            }
          v->has_credit = TRUE;
          v->credit = json_node_get_double (n);
        }
    }
  if (json_object_has_member (o, "points"))
    {
      gboolean is_null;
      gint64 points = 0;

      if (!member_int (o, path, "points", TRUE, &is_null, &points, error))
        return FALSE;
      v->has_points = !is_null;
      v->points = (int) points;
    }
  if (json_object_has_member (o, "follow_up") &&
      !member_bool (o, path, "follow_up", &v->follow_up, error))
    return FALSE;
  return TRUE;
}

static ScsScale *
read_scale (JsonArray  *values,
            const char *path,
            gboolean    verdict,
            GError    **error)
{
  ScsScale *scale = g_new0 (ScsScale, 1);

  scale->values = g_ptr_array_new_with_free_func (scs_scale_value_free);
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      g_autofree char *p = scs_json_element_path (path, i);
      JsonNode *n = json_array_get_element (values, i);
      ScsScaleValue *v = g_new0 (ScsScaleValue, 1);

      g_ptr_array_add (scale->values, v);
      if (!scs_json_check_object (n, p, error) ||
          !read_scale_value (json_node_get_object (n), p, verdict, v, error))
        {
          scs_scale_free (scale);
          return NULL;
        }
      if (scs_scale_lookup (scale, v->id) != v)
        {
          invalid (error, p, "id", v->id);
          scs_scale_free (scale);
          return NULL;
        }
    }
  if (scale->values->len == 0)
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                   _("%s: the list is empty"), path);
      scs_scale_free (scale);
      return NULL;
    }
  return scale;
}

static gboolean
read_band (JsonObject *o,
           const char *path,
           gboolean    with_id,
           ScsBand    *band,
           GError    **error)
{
  gboolean min_null, max_null;

  if (with_id && !member_string (o, path, "id", FALSE, &band->id, error))
    return FALSE;
  if (!member_int (o, path, "min", TRUE, &min_null, &band->min, error) ||
      !member_int (o, path, "max", TRUE, &max_null, &band->max, error))
    return FALSE;
  if (min_null)
    band->min = G_MININT64;
  if (max_null)
    band->max = G_MAXINT64;
  if (band->min > band->max)
    return invalid (error, path, "min", "min > max");
  if (json_object_has_member (o, "title") &&
      !member_localized (o, path, "title", &band->title_ja, &band->title_en, error))
    return FALSE;
  return TRUE;
}

static gboolean
read_bands (JsonArray  *array,
            const char *path,
            gboolean    with_id,
            GPtrArray  *out,
            GError    **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = scs_json_element_path (path, i);
      JsonNode *n = json_array_get_element (array, i);
      ScsBand *band = g_new0 (ScsBand, 1);

      g_ptr_array_add (out, band);
      if (!scs_json_check_object (n, p, error) ||
          !read_band (json_node_get_object (n), p, with_id, band, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_scales (ScsFramework *self,
             JsonObject   *root,
             GError      **error)
{
  const char *path = "$.scales";
  JsonObject *scales = member_object (root, "$", "scales", error);
  JsonArray *array;

  if (scales == NULL)
    return FALSE;

  if ((array = member_array (scales, path, "company", error)) == NULL ||
      (self->company_scale = read_scale (array, "$.scales.company", FALSE, error)) == NULL)
    return FALSE;

  if ((array = member_array (scales, path, "verdict", error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = scs_json_element_path ("$.scales.verdict", i);
      g_autofree char *vp = NULL;
      JsonNode *n = json_array_get_element (array, i);
      JsonObject *o;
      JsonArray *values;
      ScsScale *scale;
      char *id = NULL, *ja = NULL, *en = NULL;

      if (!scs_json_check_object (n, p, error))
        return FALSE;
      o = json_node_get_object (n);
      if (!member_string (o, p, "id", FALSE, &id, error) ||
          !member_localized (o, p, "title", &ja, &en, error) ||
          (values = member_array (o, p, "values", error)) == NULL)
        {
          g_free (id);
          g_free (ja);
          g_free (en);
          return FALSE;
        }
      vp = scs_json_member_path (p, "values");
      scale = read_scale (values, vp, TRUE, error);
      if (scale == NULL)
        {
          g_free (id);
          g_free (ja);
          g_free (en);
          return FALSE;
        }
      scale->id = id;
      scale->title_ja = ja;
      scale->title_en = en;
      if (scs_framework_get_verdict_scale (self, id) != NULL)
        {
          scs_scale_free (scale);
          return invalid (error, p, "id", id);
        }
      g_ptr_array_add (self->verdict_scales, scale);
    }

  if (!member_string (scales, path, "default_verdict", FALSE, &self->default_verdict, error))
    return FALSE;
  if (scs_framework_get_verdict_scale (self, self->default_verdict) == NULL)
    return invalid (error, path, "default_verdict", self->default_verdict);

  if ((array = member_array (scales, path, "maturity", error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = scs_json_element_path ("$.scales.maturity", i);
      JsonNode *n = json_array_get_element (array, i);
      ScsMaturityLevel *m = g_new0 (ScsMaturityLevel, 1);
      gint64 level;

      g_ptr_array_add (self->maturity, m);
      if (!scs_json_check_object (n, p, error) ||
          !member_int (json_node_get_object (n), p, "level", FALSE, NULL, &level, error) ||
          !member_localized (json_node_get_object (n), p, "title",
                             &m->title_ja, &m->title_en, error) ||
          !member_localized (json_node_get_object (n), p, "description",
                             &m->description_ja, &m->description_en, error))
        return FALSE;
      if (level != i)
        return invalid (error, p, "level", "order");
      m->level = (int) level;
    }
  return TRUE;
}

static gboolean
read_benchmarks (ScsFramework *self,
                 JsonObject   *root,
                 GError      **error)
{
  JsonArray *array = member_array (root, "$", "benchmarks", error);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = scs_json_element_path ("$.benchmarks", i);
      g_autofree char *bp = NULL;
      g_autofree char *rp = NULL;
      JsonNode *n = json_array_get_element (array, i);
      Benchmark *b = g_new0 (Benchmark, 1);
      JsonObject *o;
      JsonArray *bands, *rows;
      gint64 level;

      b->bands = g_ptr_array_new_with_free_func (scs_band_free);
      b->rows = g_ptr_array_new_with_free_func (scs_benchmark_row_free);
      g_ptr_array_add (self->benchmarks, b);

      if (!scs_json_check_object (n, p, error))
        return FALSE;
      o = json_node_get_object (n);
      bp = scs_json_member_path (p, "bands");
      rp = scs_json_member_path (p, "rows");
      if (!member_int (o, p, "level", FALSE, NULL, &level, error) ||
          !member_localized (o, p, "source", &b->source_ja, &b->source_en, error) ||
          (bands = member_array (o, p, "bands", error)) == NULL ||
          !read_bands (bands, bp, TRUE, b->bands, error) ||
          (rows = member_array (o, p, "rows", error)) == NULL)
        return FALSE;
      b->level = (int) level;

      for (guint j = 0; j < json_array_get_length (rows); j++)
        {
          g_autofree char *rowp = scs_json_element_path (rp, j);
          g_autofree char *vp = scs_json_member_path (rowp, "values");
          JsonNode *rn = json_array_get_element (rows, j);
          BenchmarkRow *row = g_new0 (BenchmarkRow, 1);
          JsonObject *ro, *values;
          gint64 all;

          row->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_ptr_array_add (b->rows, row);
          if (!scs_json_check_object (rn, rowp, error))
            return FALSE;
          ro = json_node_get_object (rn);
          if (!member_string (ro, rowp, "label", FALSE, &row->label, error) ||
              !member_string (ro, rowp, "subcategory", TRUE, &row->subcategory, error) ||
              !member_bool (ro, rowp, "overall", &row->overall, error) ||
              !member_int (ro, rowp, "all", FALSE, NULL, &all, error) ||
              (values = member_object (ro, rowp, "values", error)) == NULL)
            return FALSE;
          row->all = (int) all;
          for (guint k = 0; k < b->bands->len; k++)
            {
              ScsBand *band = g_ptr_array_index (b->bands, k);
              gint64 v;

              if (!member_int (values, vp, band->id, FALSE, NULL, &v, error))
                return FALSE;
              if (v < 0 || v > 100)
                return invalid (error, vp, band->id, "percent");
              g_hash_table_insert (row->values, g_strdup (band->id), GINT_TO_POINTER (v + 1));
            }
        }
    }
  return TRUE;
}

static gboolean
read_criteria_tree (ScsFramework *self,
                    JsonObject   *root,
                    GError      **error)
{
  const int top = SCS_N_LEVELS - 1;
  JsonArray *cats = member_array (root, "$", "categories", error);

  if (cats == NULL)
    return FALSE;

  for (guint ci = 0; ci < json_array_get_length (cats); ci++)
    {
      g_autofree char *cp = scs_json_element_path ("$.categories", ci);
      g_autofree char *sp = scs_json_member_path (cp, "subcategories");
      JsonNode *cn = json_array_get_element (cats, ci);
      g_autoptr(ScsNode) cat = scs_node_new_child (SCS_NODE_CATEGORY, NULL);
      JsonObject *co;
      JsonArray *subs;

      if (!scs_json_check_object (cn, cp, error))
        return FALSE;
      co = json_node_get_object (cn);
      if (!member_string (co, cp, "id", FALSE, &cat->id, error) ||
          !member_localized (co, cp, "title", &cat->title_ja, &cat->title_en, error) ||
          !member_string (co, cp, "csf_function", FALSE, &cat->csf_function, error) ||
          !register_id (self, cat, cp, error) ||
          (subs = member_array (co, cp, "subcategories", error)) == NULL)
        return FALSE;
      g_list_store_append (self->categories[top], cat);

      for (guint si = 0; si < json_array_get_length (subs); si++)
        {
          g_autofree char *ssp = scs_json_element_path (sp, si);
          g_autofree char *rp = scs_json_member_path (ssp, "requirements");
          JsonNode *sn = json_array_get_element (subs, si);
          g_autoptr(ScsNode) sub = scs_node_new_child (SCS_NODE_SUBCATEGORY, cat);
          JsonObject *so;
          JsonArray *reqs;

          if (!scs_json_check_object (sn, ssp, error))
            return FALSE;
          so = json_node_get_object (sn);
          if (!member_string (so, ssp, "id", FALSE, &sub->id, error) ||
              !member_localized (so, ssp, "title", &sub->title_ja, &sub->title_en, error) ||
              !register_id (self, sub, ssp, error) ||
              (reqs = member_array (so, ssp, "requirements", error)) == NULL)
            return FALSE;
          if (!g_str_has_prefix (sub->id, cat->id) || sub->id[strlen (cat->id)] != '-')
            return invalid (error, ssp, "id", sub->id);

          for (guint ri = 0; ri < json_array_get_length (reqs); ri++)
            {
              g_autofree char *rrp = scs_json_element_path (rp, ri);
              g_autofree char *kp = scs_json_member_path (rrp, "criteria");
              JsonNode *rn = json_array_get_element (reqs, ri);
              g_autoptr(ScsNode) req = scs_node_new_child (SCS_NODE_REQUIREMENT, sub);
              JsonObject *ro;
              JsonArray *crits;
              gint64 level;
              int lowest = G_MAXINT;

              if (!scs_json_check_object (rn, rrp, error))
                return FALSE;
              ro = json_node_get_object (rn);
              if (!member_string (ro, rrp, "id", FALSE, &req->id, error) ||
                  !member_string (ro, rrp, "title", FALSE, &req->title_ja, error) ||
                  !member_string (ro, rrp, "text", FALSE, &req->text, error) ||
                  !member_int (ro, rrp, "level", FALSE, NULL, &level, error) ||
                  !register_id (self, req, rrp, error) ||
                  (crits = member_array (ro, rrp, "criteria", error)) == NULL)
                return FALSE;
              if (!scs_level_is_valid (level))
                return invalid (error, rrp, "level", "level");
              if (!g_str_has_prefix (req->id, sub->id) || req->id[strlen (sub->id)] != '-')
                return invalid (error, rrp, "id", req->id);
              req->level = (int) level;
              g_list_store_append (self->requirements[top], req);

              for (guint ki = 0; ki < json_array_get_length (crits); ki++)
                {
                  g_autofree char *kkp = scs_json_element_path (kp, ki);
                  JsonNode *kn = json_array_get_element (crits, ki);
                  g_autoptr(ScsNode) crit = scs_node_new_child (SCS_NODE_CRITERION, req);
                  JsonObject *ko;
                  gint64 klevel;

                  if (!scs_json_check_object (kn, kkp, error))
                    return FALSE;
                  ko = json_node_get_object (kn);
                  if (!member_string (ko, kkp, "id", FALSE, &crit->id, error) ||
                      !member_string (ko, kkp, "text", FALSE, &crit->text, error) ||
                      !member_int (ko, kkp, "level", FALSE, NULL, &klevel, error) ||
                      !register_id (self, crit, kkp, error))
                    return FALSE;
                  if (!scs_level_is_valid (klevel))
                    return invalid (error, kkp, "level", "level");
                  if (!g_str_has_prefix (crit->id, req->id) || crit->id[strlen (req->id)] != '-')
                    return invalid (error, kkp, "id", crit->id);
                  crit->level = (int) klevel;
                  lowest = MIN (lowest, crit->level);
                  g_list_store_append (self->assessables[top], crit);
                }
              if (json_array_get_length (crits) == 0)
                g_list_store_append (self->assessables[top], req);
              else if (lowest != req->level)
                return invalid (error, rrp, "level", "level");
            }
          if (g_list_model_get_n_items (G_LIST_MODEL (sub->children)) == 0)
            return invalid (error, ssp, "requirements", "[]");
          g_list_store_append (self->subcategories[top], sub);
        }
    }
  return TRUE;
}


static gboolean
read_checklist (ScsFramework *self,
                JsonObject   *root,
                GError      **error)
{
  JsonArray *answers, *bands, *groups;
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean ok = FALSE;

  if ((answers = member_array (root, "$", "answers", error)) == NULL ||
      (self->answers = read_scale (answers, "$.answers", FALSE, error)) == NULL ||
      (bands = member_array (root, "$", "bands", error)) == NULL ||
      !read_bands (bands, "$.bands", FALSE, self->score_bands, error) ||
      (groups = member_array (root, "$", "groups", error)) == NULL)
    goto out;

  for (guint gi = 0; gi < json_array_get_length (groups); gi++)
    {
      g_autofree char *gp = scs_json_element_path ("$.groups", gi);
      g_autofree char *ip = scs_json_member_path (gp, "items");
      JsonNode *gn = json_array_get_element (groups, gi);
      g_autoptr(ScsNode) group = scs_node_new_child (SCS_NODE_GROUP, NULL);
      JsonObject *go;
      JsonArray *items;

      if (!scs_json_check_object (gn, gp, error))
        goto out;
      go = json_node_get_object (gn);
      if (!member_string (go, gp, "id", FALSE, &group->id, error) ||
          !member_localized (go, gp, "title", &group->title_ja, &group->title_en, error) ||
          (items = member_array (go, gp, "items", error)) == NULL)
        goto out;
      g_list_store_append (self->groups, group);

      for (guint ii = 0; ii < json_array_get_length (items); ii++)
        {
          g_autofree char *iip = scs_json_element_path (ip, ii);
          g_autofree char *refp = scs_json_member_path (iip, "refs");
          JsonNode *in = json_array_get_element (items, ii);
          g_autoptr(ScsNode) item = scs_node_new_child (SCS_NODE_ITEM, group);
          g_autoptr(GStrvBuilder) refs = g_strv_builder_new ();
          JsonObject *io;
          JsonArray *ra;

          if (!scs_json_check_object (in, iip, error))
            goto out;
          io = json_node_get_object (in);
          if (!member_string (io, iip, "id", FALSE, &item->id, error) ||
              !member_string (io, iip, "text", FALSE, &item->text, error) ||
              (ra = member_array (io, iip, "refs", error)) == NULL)
            goto out;
          for (guint k = 0; k < json_array_get_length (ra); k++)
            {
              g_autofree char *kp = scs_json_element_path (refp, k);
              JsonNode *kn = json_array_get_element (ra, k);

              if (!scs_json_check_string (kn, kp, error))
                goto out;
              g_strv_builder_add (refs, json_node_get_string (kn));
            }
          item->refs = g_strv_builder_end (refs);
          if (!g_hash_table_add (seen, item->id))
            {
              invalid (error, iip, "id", item->id);
              goto out;
            }
          g_hash_table_insert (self->index[SCS_N_LEVELS - 1], item->id, item);
          g_list_store_append (self->items, item);
        }
    }
  scs_framework_compute_content_hash (self, G_LIST_MODEL (self->groups));
  ok = TRUE;

out:
  g_hash_table_unref (seen);
  return ok;
}

static gboolean
read_framework (ScsFramework *self,
                JsonObject   *root,
                GError      **error)
{
  g_autofree char *format = NULL;
  JsonObject *source;
  gint64 version;

  if (!member_string (root, "$", "format", FALSE, &format, error))
    return FALSE;
  if (!g_str_equal (format, SCS_FRAMEWORK_FORMAT))
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_NOT_OURS,
                   _("$.format: “%s” is not a framework file"), format);
      return FALSE;
    }
  if (!member_int (root, "$", "format_version", FALSE, NULL, &version, error))
    return FALSE;
  if (version > SCS_FRAMEWORK_FORMAT_VERSION)
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_NEWER,
                   _("$.format_version: version %lld is newer than this app reads (%d)"),
                   (long long) version, SCS_FRAMEWORK_FORMAT_VERSION);
      return FALSE;
    }

  if (!member_string (root, "$", "kind", FALSE, &self->kind, error) ||
      !member_string (root, "$", "id", FALSE, &self->id, error) ||
      !member_string (root, "$", "edition", TRUE, &self->edition, error) ||
      !member_string (root, "$", "status", FALSE, &self->status, error) ||
      !member_localized (root, "$", "title", &self->title_ja, &self->title_en, error) ||
      (source = member_object (root, "$", "source", error)) == NULL ||
      !member_string (source, "$.source", "url", TRUE, &self->source_url, error) ||
      !member_string (source, "$.source", "sha256", TRUE, &self->source_sha256, error))
    return FALSE;

  if (self->id[0] == '\0')
    return invalid (error, "$", "id", self->id);
  if (!g_str_equal (self->status, "official") && !g_str_equal (self->status, "draft"))
    return invalid (error, "$", "status", self->status);
  if (self->edition == NULL)
    self->edition = g_strdup ("");

  if (g_str_equal (self->kind, SCS_FRAMEWORK_KIND_CHECKLIST))
    return read_checklist (self, root, error);
  if (!g_str_equal (self->kind, SCS_FRAMEWORK_KIND_CRITERIA))
    return invalid (error, "$", "kind", self->kind);

  {
    JsonArray *levels = member_array (root, "$", "levels", error);
    JsonArray *bands;

    if (levels == NULL)
      return FALSE;
    for (guint i = 0; i < json_array_get_length (levels); i++)
      {
        g_autofree char *p = scs_json_element_path ("$.levels", i);
        JsonNode *n = json_array_get_element (levels, i);
        gint64 level;

        if (!scs_json_check_object (n, p, error) ||
            !member_int (json_node_get_object (n), p, "level", FALSE, NULL, &level, error))
          return FALSE;
        if (!scs_level_is_valid (level))
          {
            g_autofree char *text = g_strdup_printf ("%lld", (long long) level);

            return invalid (error, p, "level", text);
          }
        self->has_level[LEVEL_INDEX (level)] = TRUE;
      }
    if (!self->has_level[SCS_N_LEVELS - 1])
      {
        g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_MISSING,
                     _("$.levels: ★4 is missing (every criterion has a level up to ★4)"));
        return FALSE;
      }

    if (!read_scales (self, root, error) ||
        (bands = member_array (root, "$", "employee_bands", error)) == NULL ||
        !read_bands (bands, "$.employee_bands", TRUE, self->employee_bands, error) ||
        !read_benchmarks (self, root, error) ||
        !read_criteria_tree (self, root, error))
      return FALSE;
  }

  scs_framework_build_lower_levels (self);
  scs_framework_compute_content_hash (self, G_LIST_MODEL (self->categories[SCS_N_LEVELS - 1]));
  return TRUE;
}

static void
too_large (GError    **error,
           const char *origin,
           gint64      size)
{
  g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE,
               _("%s: the file is too large to be a criteria file (%lld MB; the limit is %d MB)"),
               origin, (long long) (size / (1024 * 1024)), SCS_FRAMEWORK_MAX_SIZE / (1024 * 1024));
}

ScsFramework *
scs_framework_new_from_bytes (GBytes     *bytes,
                              const char *origin,
                              GError    **error)
{
  g_autoptr(ScsFramework) self = g_object_new (SCS_TYPE_FRAMEWORK, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end;
  gboolean blank = TRUE;
  JsonNode *root;

  self->origin = g_strdup (origin);

  if (size > SCS_FRAMEWORK_MAX_SIZE)
    return too_large (error, origin, size), NULL;
  for (gsize i = 0; i < size && blank; i++)
    blank = g_ascii_isspace (data[i]);
  if (blank)
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_EMPTY,
                   _("%s: the file is empty"), origin);
      return NULL;
    }
  if (!g_utf8_validate (data, size, &end))
    {
      guint line = 1;

      for (const char *p = data; p < end; p++)
        line += *p == '\n';
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_ENCODING,
                   _("%s: not valid UTF-8 text (line %u, byte %lu)"), origin, line,
                   (unsigned long) (end - data));
      return NULL;
    }
  if (!scs_json_scan (data, size, &local_error))
    {
      if (g_error_matches (local_error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_SYNTAX))
        g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_SYNTAX,
                     _("%s: not a readable JSON file: %s"), origin, local_error->message);
      else
        g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                     origin, local_error->message);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, size, &local_error) ||
      (root = json_parser_get_root (parser)) == NULL)
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_SYNTAX,
                   _("%s: not a readable JSON file: %s"), origin,
                   local_error != NULL ? local_error->message : _("empty or not UTF-8"));
      return NULL;
    }
  if (!scs_json_check_object (root, "$", &local_error) ||
      !read_framework (self, json_node_get_object (root), &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                   origin, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&self);
}

ScsFramework *
scs_framework_new_from_file (GFile   *file,
                             GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) local_error = NULL;
  goffset size = 0;

  /* Only a regular file, and not even read when it is too big to be one. */
  bytes = scs_storage_read_file (file, SCS_FRAMEWORK_MAX_SIZE, &size, &local_error);
  if (bytes == NULL && g_error_matches (local_error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE))
    return too_large (error, name, size), NULL;
  if (bytes == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return scs_framework_new_from_bytes (bytes, name, error);
}

/* The same reading as for a file: only the trust differs. */
ScsFramework *
scs_framework_new_from_resource (const char *path,
                                 GError    **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  ScsFramework *self;

  if (bytes == NULL)
    return NULL;
  self = scs_framework_new_from_bytes (bytes, path, error);
  if (self != NULL)
    self->provenance = SCS_FRAMEWORK_BUILTIN;
  return self;
}
