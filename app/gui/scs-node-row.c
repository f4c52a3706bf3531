/* scs-node-row.c — a row that leads to a node of the framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The node page lists its parts and the dashboard the criteria that block readiness with
 * it; activating one shows the node (win.show-node). The row keeps the node it leads to
 * and, on the node page, the icon and label of its status.
 */
#include "scs-node-row.h"

struct _ScsNodeRow
{
  AdwActionRow  parent_instance;

  ScsNode      *node;
  GtkImage     *status_image;    /* NULL without status */
  GtkLabel     *status_label;
};

G_DEFINE_FINAL_TYPE (ScsNodeRow, scs_node_row, ADW_TYPE_ACTION_ROW)

GtkWidget *
scs_node_row_new (ScsNode  *node,
                  gboolean  with_status)
{
  ScsNodeRow *self;

  g_return_val_if_fail (SCS_IS_NODE (node), NULL);
  self = g_object_new (SCS_TYPE_NODE_ROW, "activatable", TRUE, NULL);
  self->node = g_object_ref (node);
  if (with_status)
    {
      self->status_image = GTK_IMAGE (gtk_image_new ());
      self->status_label = GTK_LABEL (gtk_label_new (NULL));
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->status_image));
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->status_label));
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return GTK_WIDGET (self);
}

ScsNode *
scs_node_row_get_node (ScsNodeRow *self)
{
  g_return_val_if_fail (SCS_IS_NODE_ROW (self), NULL);
  return self->node;
}

void
scs_node_row_show_status (ScsNodeRow          *self,
                          const ScsStatusLook *look)
{
  g_return_if_fail (SCS_IS_NODE_ROW (self));
  g_return_if_fail (self->status_image != NULL);
  scs_status_look_apply (look, self->status_image, self->status_label);
}

static void
scs_node_row_finalize (GObject *object)
{
  ScsNodeRow *self = SCS_NODE_ROW (object);

  g_clear_object (&self->node);
  G_OBJECT_CLASS (scs_node_row_parent_class)->finalize (object);
}

static void
scs_node_row_class_init (ScsNodeRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scs_node_row_finalize;
}

static void
scs_node_row_init (ScsNodeRow *self)
{
}
