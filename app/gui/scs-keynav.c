/* scs-keynav.c — groups of controls that are one stop for Tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 stops Tab at every row of a list view (the requirement tree has ~130), at each
 * chip of a flow box and at each toggle of a row of choices. A capture-phase key
 * controller on the group takes Tab before the group's own handling and moves the focus
 * on as if the group had nothing more to focus; the arrows move inside it.
 */
#include "scs-keynav.h"

static gboolean
is_tab (guint           keyval,
        GdkModifierType state)
{
  return (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab) &&
         (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0;
}

/* The window moves the focus on from where it is; a group that cannot take the focus is
 * passed over, wrapping round at the end as Tab does. */
static void
leave (GtkWidget        *group,
       GtkDirectionType  direction)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (group));

  gtk_widget_set_can_focus (group, FALSE);
  gtk_widget_child_focus (root, direction);
  gtk_widget_set_can_focus (group, TRUE);
}

/* Moves the focus to the next child in direction that takes it (a chip hidden inside its
 * flow box child does not); at either end the focus stays. */
static gboolean
step (GtkWidget *group,
      int        direction)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (group));
  GtkWidget *current = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (group); child != NULL && current == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (focus != NULL && (focus == child || gtk_widget_is_ancestor (focus, child)))
      current = child;
  if (current == NULL)
    return FALSE;
  for (GtkWidget *child = direction < 0 ? gtk_widget_get_prev_sibling (current)
                                        : gtk_widget_get_next_sibling (current);
       child != NULL;
       child = direction < 0 ? gtk_widget_get_prev_sibling (child) : gtk_widget_get_next_sibling (child))
    if (gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD))
      return TRUE;
  gtk_widget_error_bell (current);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               arrows)
{
  GtkWidget *group = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (is_tab (keyval, state))
    {
      leave (group, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK)
                    ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
      return TRUE;
    }
  if (!GPOINTER_TO_INT (arrows) || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: case GDK_KEY_Up: case GDK_KEY_KP_Up:
      return step (group, -1);
    case GDK_KEY_Right: case GDK_KEY_KP_Right: case GDK_KEY_Down: case GDK_KEY_KP_Down:
      return step (group, 1);
    default:
      return FALSE;
    }
}

void
scs_keynav_group (GtkWidget *group,
                  gboolean   arrows)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), GINT_TO_POINTER (arrows));
  gtk_widget_add_controller (group, controller);
}
