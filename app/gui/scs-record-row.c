/* scs-record-row.c — one record of a list as a row of fields with a remove button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages make one for each attendee, agenda row, exclusion, site, scope question and
 * checklist item, and fill it with fields bound to the record (scs-bind.h). The row keeps
 * the record; its remove button activates "record-row.remove", which the row passes on as
 * its "remove" signal: the page decides whether and how the record leaves its list. The
 * row also carries the one thing the fields alone cannot: a choice shown as linked toggle
 * buttons that follow the record both ways.
 */
#include "scs-record-row.h"

struct _ScsRecordRow
{
  GtkListBoxRow  parent_instance;

  GtkBox        *line;           /* the first line: fields, then the remove button */
  GtkBox        *column;         /* the lines, once one is added below; else NULL */
  GtkWidget     *remove_button;
  GtkWidget     *first_field;
  gboolean       spacious;

  ScsRecord     *record;
  ScsHistory    *history;

  /* the choice toggles, if the page made them */
  char          *member;
  GStrv          ids;
  GPtrArray     *toggles;
  gboolean       grouped;
  gboolean       syncing;
};

G_DEFINE_FINAL_TYPE (ScsRecordRow, scs_record_row, GTK_TYPE_LIST_BOX_ROW)

enum { PROP_0, PROP_RECORD, PROP_HISTORY, PROP_REMOVE_TOOLTIP, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SIGNAL_REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

ScsRecordRow *
scs_record_row_new (ScsRecord  *record,
                    ScsHistory *history,
                    const char *remove_tooltip)
{
  return g_object_new (SCS_TYPE_RECORD_ROW, "record", record, "history", history,
                       "remove-tooltip", remove_tooltip, NULL);
}

static void
take_field (ScsRecordRow *self,
            GtkWidget    *field)
{
  if (self->first_field == NULL)
    self->first_field = field;
}

/* The margins go round the row's child: the line alone, or the column of lines. A line
 * with nothing to show is hidden, so that it takes no room and no reader announces it. */
static void
update_layout (ScsRecordRow *self)
{
  GtkWidget *outer = self->column != NULL ? GTK_WIDGET (self->column) : GTK_WIDGET (self->line);
  GtkWidget *line = GTK_WIDGET (self->line);

  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, self->spacious ? 12 : 6);
  gtk_widget_set_margin_top (outer, self->spacious ? 10 : 6);
  gtk_widget_set_margin_bottom (outer, self->spacious ? 10 : 6);
  gtk_box_set_spacing (self->line, self->spacious ? 12 : 6);
  if (self->column != NULL)
    {
      gtk_box_set_spacing (self->column, self->spacious ? 8 : 6);
      gtk_widget_set_margin_start (line, 0);
      gtk_widget_set_margin_end (line, 0);
      gtk_widget_set_margin_top (line, 0);
      gtk_widget_set_margin_bottom (line, 0);
    }
  gtk_widget_set_visible (line, gtk_widget_get_first_child (line) != self->remove_button ||
                                gtk_widget_get_visible (self->remove_button));
}

void
scs_record_row_add (ScsRecordRow *self,
                    GtkWidget    *field)
{
  g_return_if_fail (SCS_IS_RECORD_ROW (self));
  gtk_box_insert_child_after (self->line, field, gtk_widget_get_prev_sibling (self->remove_button));
  take_field (self, field);
  update_layout (self);
}

void
scs_record_row_add_below (ScsRecordRow *self,
                          GtkWidget    *field)
{
  g_return_if_fail (SCS_IS_RECORD_ROW (self));
  if (self->column == NULL)
    {
      GtkWidget *line = g_object_ref (GTK_WIDGET (self->line));

      self->column = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), GTK_WIDGET (self->column));
      gtk_box_append (self->column, line);
      g_object_unref (line);
    }
  gtk_box_append (self->column, field);
  take_field (self, field);
  update_layout (self);
}

void
scs_record_row_set_spacious (ScsRecordRow *self,
                             gboolean      spacious)
{
  g_return_if_fail (SCS_IS_RECORD_ROW (self));
  self->spacious = spacious;
  update_layout (self);
}

void
scs_record_row_focus (ScsRecordRow *self)
{
  g_return_if_fail (SCS_IS_RECORD_ROW (self));
  gtk_widget_grab_focus (self->first_field != NULL ? self->first_field : GTK_WIDGET (self));
}

/* choice toggles --------------------------------------------------------------------------- */

static void
sync_toggles (ScsRecordRow *self)
{
  const char *value;

  if (self->toggles == NULL)   /* disposed, not yet finalized */
    return;
  value = scs_record_get_string (self->record, self->member);
  self->syncing = TRUE;
  for (guint i = 0; i < self->toggles->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->toggles, i), g_str_equal (self->ids[i], value));
  self->syncing = FALSE;
}

static void
on_toggled (GtkToggleButton *toggle,
            ScsRecordRow    *self)
{
  guint index;

  if (self->syncing || !g_ptr_array_find (self->toggles, toggle, &index))
    return;
  if (gtk_toggle_button_get_active (toggle))
    {
      if (self->history != NULL)
        scs_history_seal (self->history);
      scs_record_set_string (self->record, self->member, self->ids[index]);
    }
  /* Pressing the chosen one again takes it back, where nothing need be chosen. */
  else if (!self->grouped && g_str_equal (scs_record_get_string (self->record, self->member), self->ids[index]))
    {
      if (self->history != NULL)
        scs_history_seal (self->history);
      scs_record_set_string (self->record, self->member, "");
    }
}

GtkWidget *
scs_record_row_choice_toggles (ScsRecordRow       *self,
                               const char         *member,
                               const char * const *ids,
                               const char * const *titles,
                               gboolean            grouped)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *detail = NULL;

  g_return_val_if_fail (SCS_IS_RECORD_ROW (self), NULL);
  g_return_val_if_fail (self->toggles == NULL, NULL);
  self->member = g_strdup (member);
  self->ids = g_strdupv ((char **) ids);
  self->grouped = grouped;
  self->toggles = g_ptr_array_new ();
  gtk_widget_add_css_class (box, "linked");
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (titles[i]);

      if (grouped && i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), g_ptr_array_index (self->toggles, 0));
      g_signal_connect (toggle, "toggled", G_CALLBACK (on_toggled), self);
      gtk_box_append (GTK_BOX (box), toggle);
      g_ptr_array_add (self->toggles, toggle);
    }
  detail = g_strconcat ("notify::", member, NULL);
  g_strdelimit (detail, "_", '-');
  g_signal_connect_object (self->record, detail, G_CALLBACK (sync_toggles), self, G_CONNECT_SWAPPED);
  sync_toggles (self);
  return box;
}

gboolean
scs_record_row_choose (ScsRecordRow *self,
                       guint         index)
{
  g_return_val_if_fail (SCS_IS_RECORD_ROW (self), FALSE);
  if (self->toggles == NULL || index >= self->toggles->len)
    return FALSE;
  gtk_toggle_button_set_active (g_ptr_array_index (self->toggles, index), TRUE);
  return TRUE;
}

/* class ------------------------------------------------------------------------------------ */

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_REMOVE], 0, SCS_RECORD_ROW (widget)->record);
}

static void
scs_record_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScsRecordRow *self = SCS_RECORD_ROW (object);
  const char *tooltip;

  switch (prop_id)
    {
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_REMOVE_TOOLTIP:
      tooltip = g_value_get_string (value);
      gtk_widget_set_tooltip_text (self->remove_button, tooltip);
      gtk_widget_set_visible (self->remove_button, tooltip != NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "record-row.remove", tooltip != NULL);
      update_layout (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_record_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScsRecordRow *self = SCS_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_REMOVE_TOOLTIP:
      g_value_set_string (value, gtk_widget_get_tooltip_text (self->remove_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_record_row_dispose (GObject *object)
{
  ScsRecordRow *self = SCS_RECORD_ROW (object);

  /* The list box row drops its child itself: the template's widgets go with it. */
  self->first_field = NULL;
  self->column = NULL;
  g_clear_pointer (&self->toggles, g_ptr_array_unref);
  g_clear_object (&self->record);
  g_clear_object (&self->history);
  G_OBJECT_CLASS (scs_record_row_parent_class)->dispose (object);
}

static void
scs_record_row_finalize (GObject *object)
{
  ScsRecordRow *self = SCS_RECORD_ROW (object);

  g_free (self->member);
  g_strfreev (self->ids);
  G_OBJECT_CLASS (scs_record_row_parent_class)->finalize (object);
}

static void
scs_record_row_class_init (ScsRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = scs_record_row_set_property;
  object_class->get_property = scs_record_row_get_property;
  object_class->dispose = scs_record_row_dispose;
  object_class->finalize = scs_record_row_finalize;

  properties[PROP_RECORD] = g_param_spec_object ("record", NULL, NULL, SCS_TYPE_RECORD,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, SCS_TYPE_HISTORY,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  /* What the remove button says; none: the record stays, and there is no button. */
  properties[PROP_REMOVE_TOOLTIP] = g_param_spec_string ("remove-tooltip", NULL, NULL, NULL,
                                                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The remove button was pressed: the page takes the record out (or not). */
  signals[SIGNAL_REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, SCS_TYPE_RECORD);

  gtk_widget_class_install_action (widget_class, "record-row.remove", NULL, remove_activated);
  gtk_widget_class_set_template_from_resource (widget_class, SCS_RESOURCE_PREFIX "/ui/scs-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsRecordRow, line);
  gtk_widget_class_bind_template_child (widget_class, ScsRecordRow, remove_button);
}

static void
scs_record_row_init (ScsRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
