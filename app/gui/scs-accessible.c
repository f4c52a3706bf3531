/* scs-accessible.c — names a screen reader can say, where GTK 4.8 gives none or two
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 joins a widget's label property and the names of the widgets labelling it. A
 * button with a mnemonic gets both from GTK itself: its label with the mark ("_Open…")
 * and its child label's text ("Open…"), so Orca reads "underscore Open… Open…". Without
 * the property, the child label (marks removed) is the name. GTK sets the property again
 * whenever the label changes: each button is followed from the first time it is shown.
 */
#include "scs-accessible.h"

static GQuark tidy_quark;

/* Without a mnemonic no label names the button: the property is then its only name. */
static void
drop_marked_name (GtkWidget *widget)
{
  gboolean mnemonic;
  const char *label;

  if (GTK_IS_BUTTON (widget))
    {
      mnemonic = gtk_button_get_use_underline (GTK_BUTTON (widget));
      label = gtk_button_get_label (GTK_BUTTON (widget));
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      mnemonic = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
    }
  else
    return;
  if (mnemonic && label != NULL && label[0] != '\0')
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* The tooltip of an icon without words, less the shortcut it ends with: "Save (Ctrl+S)"
 * is named "Save", and the tooltip stays its description. */
static char *
name_from_tooltip (GtkWidget *widget)
{
  const char *tip = gtk_widget_get_tooltip_text (widget);
  const char *cut;

  if (tip == NULL || tip[0] == '\0')
    return NULL;
  cut = g_strrstr (tip, " (");
  if (cut != NULL && cut != tip && g_str_has_suffix (tip, ")"))
    return g_strndup (tip, cut - tip);
  return g_strdup (tip);
}

/* GTK 4.8 names an icon button, a menu button, a drop-down or an expander by its class
 * ("GtkImage"). They get their tooltip or their title, unless the app named them itself.
 * The button inside a menu button is labelled by it already. */
static void
name_wordless (GtkWidget *widget)
{
  g_autofree char *name = NULL;
  GtkWidget *inner = NULL;

  if (GTK_IS_EXPANDER (widget))
    {
      GtkWidget *label = gtk_expander_get_label_widget (GTK_EXPANDER (widget));

      if (GTK_IS_LABEL (label) && gtk_label_get_text (GTK_LABEL (label))[0] != '\0')
        name = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
    }
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL &&
           GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))))
    name = name_from_tooltip (widget);
  else if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL)
    name = name_from_tooltip (widget);
  else if (GTK_IS_DROP_DOWN (widget))
    {
      /* Its button, which takes the focus, is named by the drop-down, however that is. */
      inner = gtk_widget_get_first_child (widget);
      if (GTK_IS_BUTTON (inner))
        gtk_accessible_update_relation (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        widget, NULL, -1);
      name = name_from_tooltip (widget);
    }
  if (name == NULL)
    return;
  /* A name the app gave stays. */
  if (g_object_get_qdata (G_OBJECT (widget), tidy_quark) != GINT_TO_POINTER (2) &&
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return;
  g_object_set_qdata (G_OBJECT (widget), tidy_quark, GINT_TO_POINTER (2));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
on_label_notify (GtkWidget  *widget,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  drop_marked_name (widget);
  name_wordless (widget);
}

static void
tidy (GtkWidget *widget)
{
  if (!GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget) &&
      !GTK_IS_DROP_DOWN (widget) && !GTK_IS_EXPANDER (widget))
    return;
  if (g_object_get_qdata (G_OBJECT (widget), tidy_quark) == NULL)
    {
      g_object_set_qdata (G_OBJECT (widget), tidy_quark, GINT_TO_POINTER (1));
      g_signal_connect (widget, "notify::label", G_CALLBACK (on_label_notify), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (on_label_notify), NULL);
      g_signal_connect (widget, "notify::tooltip-text", G_CALLBACK (on_label_notify), NULL);
    }
  on_label_notify (widget, NULL, NULL);
}

static void
tidy_tree (GtkWidget *widget)
{
  tidy (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tidy_tree (child);
}

/* A window shown: every button in it, the pages not on show included (a screen reader
 * lists them too). A widget shown later: itself, as pages made on demand appear. */
static gboolean
on_map (GSignalInvocationHint *hint,
        guint                  n_values,
        const GValue          *values,
        gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (GTK_IS_ROOT (widget))
    tidy_tree (widget);
  else
    tidy (widget);
  return TRUE;
}

void
scs_accessible_install (void)
{
  static gsize installed = 0;

  if (!g_once_init_enter (&installed))
    return;
  tidy_quark = g_quark_from_static_string ("scs-accessible-tidy");
  /* A class's signals exist once the class does. */
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_map, NULL, NULL);
  g_once_init_leave (&installed, 1);
}

static GtkWidget *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_switch (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
scs_accessible_name_enable_switch (AdwExpanderRow *row,
                                   const char     *name)
{
  GtkWidget *toggle = find_switch (GTK_WIDGET (row));

  if (toggle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
