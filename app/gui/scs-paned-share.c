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
  double     share;
  int        wanted;    /* the position asked for, before the limit */
  int        applied;   /* the last position this helper set, -1: none */
  GSettings *settings;  /* where the wish is kept, or NULL */
  char      *key;
} Limit;

static void
limit_free (Limit *limit)
{
  g_clear_object (&limit->settings);
  g_free (limit->key);
  g_free (limit);
}

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
  /* The wish is what is remembered, never the limit a small window put on it: a wide
   * window opened later gets the width the user chose. */
  if (limit->settings != NULL && g_settings_get_int (limit->settings, limit->key) != position)
    g_settings_set_int (limit->settings, limit->key, position);
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
  g_object_set_data_full (G_OBJECT (paned), "scs-paned-share", limit, (GDestroyNotify) limit_free);
  g_signal_connect (paned, "notify::position", G_CALLBACK (on_position), limit);
  g_signal_connect (paned, "notify::max-position", G_CALLBACK (on_length), limit);
}

/* Keeps the position the user asks for in KEY of SETTINGS, and starts from it; the limit
 * itself is never written back. Call after scs_paned_limit_share(). */
void
scs_paned_limit_share_bind (GtkPaned   *paned,
                            GSettings  *settings,
                            const char *key)
{
  Limit *limit = g_object_get_data (G_OBJECT (paned), "scs-paned-share");

  g_return_if_fail (limit != NULL);
  g_set_object (&limit->settings, settings);
  g_free (limit->key);
  limit->key = g_strdup (key);
  g_settings_bind (settings, key, paned, "position", G_SETTINGS_BIND_GET);
}
