/* scs-edition-diff.c — what changed between two editions of a framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "scs-edition-diff.h"

static void
change_free (gpointer data)
{
  ScsChange *c = data;

  g_free (c->id);
  g_free (c->old_text);
  g_free (c->new_text);
  g_free (c);
}

static void
add_change (GPtrArray    *out,
            ScsChangeKind kind,
            ScsNode      *old_node,
            ScsNode      *new_node,
            const char   *old_text,
            const char   *new_text)
{
  ScsChange *c = g_new0 (ScsChange, 1);
  ScsNode *any = new_node != NULL ? new_node : old_node;

  c->kind = kind;
  c->node_kind = scs_node_get_kind (any);
  c->id = g_strdup (scs_node_get_id (any));
  c->old_text = g_strdup (old_text);
  c->new_text = g_strdup (new_text);
  c->old_level = old_node != NULL ? scs_node_get_level (old_node) : 0;
  c->new_level = new_node != NULL ? scs_node_get_level (new_node) : 0;
  g_ptr_array_add (out, c);
}

static void
collect (ScsNode   *node,
         GPtrArray *nodes)
{
  GListModel *children = scs_node_get_children (node);

  if (scs_node_get_kind (node) != SCS_NODE_CATEGORY)
    g_ptr_array_add (nodes, node);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(ScsNode) child = g_list_model_get_item (children, i);

      collect (child, nodes);
    }
}

static GPtrArray *
all_nodes (ScsFramework *fw)
{
  GListModel *cats = scs_framework_get_categories (fw, SCS_LEVEL_HIGHEST);
  GPtrArray *nodes = g_ptr_array_new ();

  for (guint i = 0; cats != NULL && i < g_list_model_get_n_items (cats); i++)
    {
      g_autoptr(ScsNode) cat = g_list_model_get_item (cats, i);

      collect (cat, nodes);
    }
  return nodes;
}

GPtrArray *
scs_edition_diff (ScsFramework *from,
                  ScsFramework *to)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (change_free);
  g_autoptr(GPtrArray) new_nodes = all_nodes (to);
  g_autoptr(GPtrArray) old_nodes = all_nodes (from);

  for (guint i = 0; i < new_nodes->len; i++)
    {
      ScsNode *n = g_ptr_array_index (new_nodes, i);
      ScsNode *o = scs_framework_lookup (from, SCS_LEVEL_HIGHEST, scs_node_get_id (n));

      if (o == NULL || scs_node_get_kind (o) != scs_node_get_kind (n))
        {
          add_change (out, SCS_CHANGE_ADDED, NULL, n, NULL, scs_node_get_text (n));
          continue;
        }
      if (g_strcmp0 (scs_node_get_text (o), scs_node_get_text (n)) != 0)
        add_change (out, SCS_CHANGE_REWORDED, o, n, scs_node_get_text (o), scs_node_get_text (n));
      if (g_strcmp0 (scs_node_get_title_ja (o), scs_node_get_title_ja (n)) != 0)
        add_change (out, SCS_CHANGE_RETITLED, o, n, scs_node_get_title_ja (o),
                    scs_node_get_title_ja (n));
      if (scs_node_get_kind (n) != SCS_NODE_SUBCATEGORY &&
          scs_node_get_level (o) != scs_node_get_level (n))
        add_change (out, SCS_CHANGE_LEVEL, o, n, NULL, NULL);
    }
  for (guint i = 0; i < old_nodes->len; i++)
    {
      ScsNode *o = g_ptr_array_index (old_nodes, i);
      ScsNode *n = scs_framework_lookup (to, SCS_LEVEL_HIGHEST, scs_node_get_id (o));

      if (n == NULL || scs_node_get_kind (o) != scs_node_get_kind (n))
        add_change (out, SCS_CHANGE_REMOVED, o, NULL, scs_node_get_text (o), NULL);
    }
  return out;
}

guint
scs_edition_diff_count (GPtrArray    *changes,
                        ScsChangeKind kind,
                        ScsNodeKind   node_kind)
{
  guint n = 0;

  for (guint i = 0; i < changes->len; i++)
    {
      const ScsChange *c = g_ptr_array_index (changes, i);

      if (c->kind == kind && c->node_kind == node_kind)
        n++;
    }
  return n;
}

const char *
scs_change_kind_to_string (ScsChangeKind kind)
{
  switch (kind)
    {
    case SCS_CHANGE_ADDED:
      return _("added");
    case SCS_CHANGE_REMOVED:
      return _("removed");
    case SCS_CHANGE_REWORDED:
      return _("reworded");
    case SCS_CHANGE_RETITLED:
      return _("retitled");
    case SCS_CHANGE_LEVEL:
      return _("moved to another level");
    default:
      g_assert_not_reached ();
    }
}
