/* scs-bind.c — the ways the pages tie widgets to engagement records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "scs-bind.h"

#include <glib/gi18n-lib.h>

/* A date or time field: what it reads typed text with, and where its record is. */
typedef struct {
  ScsTextNormalize  normalize;
  char             *property;   /* as the record's member: '_' for '-' */
  GWeakRef          record;     /* a direct binding's record */
  GBindingGroup    *group;      /* or the group whose source is the record (not owned) */
  char             *title;      /* the entry row's own title, shown again once readable */
  gboolean          in_error;
} Field;

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->property);
  g_weak_ref_clear (&field->record);
  g_free (field->title);
  g_free (field);
}

#define FIELD_KEY "scs-bind-field"

static gboolean
checked_text (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  ScsTextNormalize normalize = (ScsTextNormalize) user_data;
  const char *text = g_value_get_string (from);
  g_autofree char *normal = NULL;

  /* While typing, only text already in the file's form reaches the record; other forms
   * are read when the field is left or Enter is pressed. An empty field waits too: it is
   * what selecting all and typing over passes through, and must not wipe the saved value
   * if what is typed next cannot be read. */
  if (text == NULL || text[0] == '\0')
    return FALSE;
  normal = normalize (text, NULL);
  if (normal == NULL || !g_str_equal (normal, text))
    return FALSE;
  g_value_set_string (to, text);
  return TRUE;
}

static ScsRecord *
field_dup_record (Field *field)
{
  if (field->group != NULL)
    return g_binding_group_dup_source (field->group);
  return g_weak_ref_get (&field->record);
}

static void
show_error (GtkWidget  *target,
            Field      *field,
            const char *message,
            const char *kept)
{
  g_autofree char *tip = NULL;

  /* TRANSLATORS: after why a typed date or time was not taken; %s is the value kept */
  tip = kept[0] != '\0' ? g_strdup_printf (_("%s The engagement keeps %s."), message, kept)
                        : g_strdup_printf (_("%s Nothing is kept for this field until it can be read."),
                                           message);
  gtk_widget_add_css_class (target, "error");
  gtk_widget_set_tooltip_text (target, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tip, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  /* An entry row shows its title above the text: the message goes there, in sight. */
  if (ADW_IS_ENTRY_ROW (target))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (target), message);
  field->in_error = TRUE;
}

static void
clear_error (GtkWidget *target,
             Field     *field)
{
  if (!field->in_error)
    return;
  gtk_widget_remove_css_class (target, "error");
  gtk_widget_set_tooltip_text (target, NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_STATE_INVALID);
  if (ADW_IS_ENTRY_ROW (target))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (target), field->title);
  field->in_error = FALSE;
}

gboolean
scs_bind_commit (GtkWidget *target)
{
  Field *field = g_object_get_data (G_OBJECT (target), FIELD_KEY);
  g_autoptr(ScsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *normal = NULL;
  const char *text;

  if (field == NULL || (record = field_dup_record (field)) == NULL)
    return TRUE;
  text = gtk_editable_get_text (GTK_EDITABLE (target));
  normal = field->normalize (text, &error);
  if (normal == NULL)
    {
      show_error (target, field, error->message, scs_record_get_string (record, field->property));
      return FALSE;
    }
  if (!scs_record_try_set_string (record, field->property, normal, &error))
    {
      show_error (target, field, error->message, scs_record_get_string (record, field->property));
      return FALSE;
    }
  if (!g_str_equal (text, normal))
    gtk_editable_set_text (GTK_EDITABLE (target), normal);
  clear_error (target, field);
  return TRUE;
}

static void
on_field_changed (GtkEditable *editable)
{
  Field *field = g_object_get_data (G_OBJECT (editable), FIELD_KEY);
  g_autofree char *normal = NULL;

  /* Once what is there can be read, the complaint goes; it comes back on leaving if not. */
  if (field != NULL && field->in_error &&
      (normal = field->normalize (gtk_editable_get_text (editable), NULL)) != NULL)
    clear_error (GTK_WIDGET (editable), field);
}

static void
on_field_leave (GtkEventControllerFocus *controller)
{
  scs_bind_commit (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
on_field_activate (GtkWidget *target)
{
  scs_bind_commit (target);
}

static Field *
attach_field (gpointer          target,
              const char       *property,
              ScsTextNormalize  normalize)
{
  Field *field = g_new0 (Field, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  field->normalize = normalize;
  field->property = g_strdelimit (g_strdup (property), "-", '_');
  g_weak_ref_init (&field->record, NULL);
  if (ADW_IS_ENTRY_ROW (target))
    {
      field->title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (target)));
      g_signal_connect (target, "entry-activated", G_CALLBACK (on_field_activate), NULL);
    }
  else if (GTK_IS_ENTRY (target))
    g_signal_connect (target, "activate", G_CALLBACK (on_field_activate), NULL);
  g_object_set_data_full (G_OBJECT (target), FIELD_KEY, field, field_free);
  g_signal_connect (target, "changed", G_CALLBACK (on_field_changed), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (on_field_leave), NULL);
  gtk_widget_add_controller (GTK_WIDGET (target), focus);
  return field;
}

void
scs_bind_checked_text (ScsRecord        *record,
                       const char       *property,
                       gpointer          target,
                       ScsTextNormalize  normalize)
{
  gtk_editable_set_enable_undo (GTK_EDITABLE (target), FALSE);
  g_object_bind_property_full (record, property, target, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               NULL, normalize != NULL ? checked_text : NULL, (gpointer) normalize, NULL);
  if (normalize != NULL)
    g_weak_ref_set (&attach_field (target, property, normalize)->record, record);
}

void
scs_bind_group_checked_text (GBindingGroup    *group,
                             const char       *property,
                             gpointer          target,
                             ScsTextNormalize  normalize)
{
  gtk_editable_set_enable_undo (GTK_EDITABLE (target), FALSE);
  g_binding_group_bind_full (group, property, target, "text",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             NULL, normalize != NULL ? checked_text : NULL, (gpointer) normalize, NULL);
  if (normalize != NULL)
    attach_field (target, property, normalize)->group = group;
}

static void
commit_tree (GtkWidget *widget,
             GPtrArray *refused)
{
  Field *field = g_object_get_data (G_OBJECT (widget), FIELD_KEY);

  if (field != NULL && !scs_bind_commit (widget))
    {
      const char *name = field->title;

      if (name == NULL && GTK_IS_ENTRY (widget))
        name = gtk_entry_get_placeholder_text (GTK_ENTRY (widget));
      g_ptr_array_add (refused, g_strdup (name != NULL ? name : ""));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    commit_tree (child, refused);
}

GPtrArray *
scs_bind_commit_all (GtkWidget *root)
{
  GPtrArray *refused = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (GTK_IS_WIDGET (root), refused);
  commit_tree (root, refused);
  return refused;
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
scs_bind_entry (ScsRecord        *record,
                const char       *property,
                const char       *placeholder,
                int               width_chars,
                ScsTextNormalize  normalize)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  if (width_chars > 0)
    gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  else
    gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  scs_bind_checked_text (record, property, entry, normalize);
  return entry;
}

GtkWidget *
scs_bind_entry_row (ScsRecord        *record,
                    const char       *property,
                    const char       *title,
                    ScsTextNormalize  normalize)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  scs_bind_checked_text (record, property, row, normalize);
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

/* views -------------------------------------------------------------------------------- */

GParamSpec *
scs_view_param_company_mode (void)
{
  return g_param_spec_boolean (SCS_VIEW_COMPANY_MODE, NULL, NULL, FALSE,
                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

/* A view is editable until told otherwise: a new engagement is. */
GParamSpec *
scs_view_param_editable (void)
{
  return g_param_spec_boolean (SCS_VIEW_EDITABLE, NULL, NULL, TRUE,
                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static GQuark
view_fields_quark (void)
{
  return g_quark_from_static_string ("scs-view-fields");
}

/* The field pspec is kept in, and what follows its change. */
static gboolean *
view_field (GObject     *object,
            GParamSpec  *pspec,
            void       (**changed) (gpointer view))
{
  const ScsViewFields *fields = g_type_get_qdata (pspec->owner_type, view_fields_quark ());
  gboolean company_mode = g_str_equal (pspec->name, SCS_VIEW_COMPANY_MODE);

  *changed = company_mode ? fields->company_mode_changed : fields->editable_changed;
  return G_STRUCT_MEMBER_P (object, company_mode ? fields->company_mode : fields->editable);
}

static void
view_get_property (GObject    *object,
                   guint       prop_id,
                   GValue     *value,
                   GParamSpec *pspec)
{
  void (*changed) (gpointer view);

  g_value_set_boolean (value, *view_field (object, pspec, &changed));
}

static void
view_set_property (GObject      *object,
                   guint         prop_id,
                   const GValue *value,
                   GParamSpec   *pspec)
{
  void (*changed) (gpointer view);
  gboolean *field = view_field (object, pspec, &changed);

  if (*field == g_value_get_boolean (value))
    return;
  *field = g_value_get_boolean (value);
  if (changed != NULL)
    changed (object);
  g_object_notify_by_pspec (object, pspec);
}

void
scs_view_class_install (GObjectClass        *klass,
                        const ScsViewFields *fields)
{
  guint prop_id = 0;

  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), view_fields_quark (), (gpointer) fields);
  klass->get_property = view_get_property;
  klass->set_property = view_set_property;
  if (fields->company_mode >= 0)
    g_object_class_install_property (klass, ++prop_id, scs_view_param_company_mode ());
  if (fields->editable >= 0)
    g_object_class_install_property (klass, ++prop_id, scs_view_param_editable ());
}

void
scs_view_bind (gpointer source,
               gpointer view)
{
  static const char * const names[] = { SCS_VIEW_COMPANY_MODE, SCS_VIEW_EDITABLE };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_object_class_find_property (G_OBJECT_GET_CLASS (view), names[i]) != NULL)
      g_object_bind_property (source, names[i], view, names[i], G_BINDING_SYNC_CREATE);
}

/* choices --------------------------------------------------------------------------------- */

/* A combo row's popup that shows each choice whole, wrapped, with the check on the chosen one:
 * the level's and the scale's titles say what they mean in a sentence an ellipsis would cut. */
/* The choices' list shows each title whole, wrapped: a scale's title ends with its values
 * (適合・改善要・対象外), which is what tells the scales apart, and the default list cut it
 * off at the dialog's width. The check marks the chosen one, as the default list does. */
static void
sync_check (AdwComboRow *row,
            GParamSpec  *pspec,
            GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_widget_set_opacity (gtk_widget_get_last_child (box),
                          gtk_list_item_get_position (item) == adw_combo_row_get_selected (row));
}

static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AdwComboRow              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (sync_check), item, 0);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkStringObject *choice = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), gtk_string_object_get_string (choice));
  sync_check (row, NULL, item);
}

void
scs_combo_row_show_choices_whole (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), row);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), row);
  adw_combo_row_set_list_factory (row, factory);
}
