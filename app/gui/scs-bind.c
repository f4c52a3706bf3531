/* scs-bind.c — the ways the pages tie widgets to engagement records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "scs-bind.h"

static gboolean
checked_text (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  ScsTextCheck check = (ScsTextCheck) user_data;
  const char *text = g_value_get_string (from);

  /* A half-typed value stays in the widget and reaches the record once it is whole. */
  if (text != NULL && text[0] != '\0' && !check (text))
    return FALSE;
  g_value_set_string (to, text);
  return TRUE;
}

void
scs_bind_checked_text (ScsRecord    *record,
                       const char   *property,
                       gpointer      target,
                       ScsTextCheck  check)
{
  gtk_editable_set_enable_undo (GTK_EDITABLE (target), FALSE);
  g_object_bind_property_full (record, property, target, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               NULL, check != NULL ? checked_text : NULL, (gpointer) check, NULL);
}

void
scs_bind_group_checked_text (GBindingGroup *group,
                             const char    *property,
                             gpointer       target,
                             ScsTextCheck   check)
{
  gtk_editable_set_enable_undo (GTK_EDITABLE (target), FALSE);
  g_binding_group_bind_full (group, property, target, "text",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             NULL, check != NULL ? checked_text : NULL, (gpointer) check, NULL);
}

void
scs_bind_group_text_view (GBindingGroup *group,
                          const char    *property,
                          GtkTextView   *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_binding_group_bind (group, property, buffer, "text", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

GtkWidget *
scs_bind_entry (ScsRecord  *record,
                const char *property,
                const char *placeholder,
                int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  if (width_chars > 0)
    gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  else
    gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  scs_bind_checked_text (record, property, entry, NULL);
  return entry;
}

GtkWidget *
scs_bind_entry_row (ScsRecord    *record,
                    const char   *property,
                    const char   *title,
                    ScsTextCheck  check)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  scs_bind_checked_text (record, property, row, check);
  return row;
}

static gboolean
choice_to_position (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  const char * const *ids = user_data;
  const char *value = g_value_get_string (from);

  g_value_set_uint (to, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (value, ids[i]) == 0)
      g_value_set_uint (to, i);
  return TRUE;
}

static gboolean
position_to_choice (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  const char * const *ids = user_data;
  guint position = g_value_get_uint (from);

  if (position >= g_strv_length ((char **) ids))
    return FALSE;
  g_value_set_string (to, ids[position]);
  return TRUE;
}

void
scs_bind_choice (ScsRecord          *record,
                 const char         *property,
                 gpointer            target,
                 const char * const *ids)
{
  g_object_bind_property_full (record, property, target, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               choice_to_position, position_to_choice, (gpointer) ids, NULL);
}
