/* scs-paned-share.c — a pane that gives way when its window is small
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkPaned keeps its position in pixels whatever its size, so a sidebar sized on a wide
 * screen took half of a 1024-pixel window. GtkPaned cannot be subclassed; its
 * max-position changes on every allocation of a new size, which is when the limit is
 * applied again.
 */
#include "scs-paned-share.h"

typedef struct {
  double share;
  int    wanted;    /* the position asked for, before the limit */
  int    applied;   /* the last position this helper set, -1: none */
} Limit;

static int
paned_length (GtkPaned *paned)
{
  GtkWidget *widget = GTK_WIDGET (paned);

  return gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)) == GTK_ORIENTATION_HORIZONTAL
         ? gtk_widget_get_width (widget) : gtk_widget_get_height (widget);
}

static void
apply (GtkPaned *paned,
       Limit    *limit)
{
  int length = paned_length (paned);
  int position, least = 0;

  if (length <= 0 || limit->wanted < 0)
    return;
  /* Below the start child's minimum GtkPaned would move it back anyway. */
  g_object_get (paned, "min-position", &least, NULL);
  position = MAX (MIN (limit->wanted, (int) (length * limit->share)), least);
  if (position == gtk_paned_get_position (paned))
    return;
  limit->applied = position;
  gtk_paned_set_position (paned, position);
}

static void
on_position (GtkPaned   *paned,
             GParamSpec *pspec,
             Limit      *limit)
{
  int position = gtk_paned_get_position (paned);

  /* Our own change, or a setting bound to the position echoing it, is not a wish. */
  if (position == limit->applied)
    return;
  limit->wanted = position;
  limit->applied = -1;
  apply (paned, limit);
}

static void
on_length (GtkPaned   *paned,
           GParamSpec *pspec,
           Limit      *limit)
{
  apply (paned, limit);
}

void
scs_paned_limit_share (GtkPaned *paned,
                       double    share)
{
  Limit *limit = g_new0 (Limit, 1);

  g_return_if_fail (GTK_IS_PANED (paned));
  g_return_if_fail (share > 0 && share <= 1);

  limit->share = share;
  limit->wanted = gtk_paned_get_position (paned);
  limit->applied = -1;
  g_object_set_data_full (G_OBJECT (paned), "scs-paned-share", limit, g_free);
  g_signal_connect (paned, "notify::position", G_CALLBACK (on_position), limit);
  g_signal_connect (paned, "notify::max-position", G_CALLBACK (on_length), limit);
}
