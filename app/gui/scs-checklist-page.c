/* scs-checklist-page.c — a checklist answered item by item: the five-minute diagnosis,
 * the CSM Guidelines check sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each item shows its official text verbatim, the checklist's answers as linked toggles
 * and a note. The summary (score and band where the checklist has them, and the items
 * that need a follow-up) comes from core and follows every answer.
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "scs-bind.h"
#include "scs-checklist-page.h"
#include "scs-record-row.h"

struct _ScsChecklistPage
{
  GtkWidget            parent_instance;

  AdwPreferencesPage  *page;
  AdwPreferencesGroup *summary_group;
  GtkLabel            *summary_label;
  GtkListBox          *follow_up_list;
  GPtrArray           *groups;        /* AdwPreferencesGroup of the items */
  GHashTable          *rows;          /* item id → row widget */

  char                *list_name;
  ScsEngagement       *engagement;
  ScsHistory          *history;
  ScsFramework        *checklist;
  char                *summary;
  gboolean             read_only;
};

G_DEFINE_FINAL_TYPE (ScsChecklistPage, scs_checklist_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_LIST_NAME, PROP_EDITABLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* summary ---------------------------------------------------------------------------------- */

static void
update_summary (ScsChecklistPage *self)
{
  ScsDiagnosisResult result;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->follow_up_list))) != NULL)
    gtk_list_box_remove (self->follow_up_list, child);
  g_clear_pointer (&self->summary, g_free);
  if (self->engagement == NULL || self->checklist == NULL)
    return;

  scs_engagement_score_checklist (self->engagement, self->checklist, self->list_name, &result);
  if (result.complete && result.band != NULL)
    self->summary = g_strdup_printf (_("Score %d: %s"), result.score, scs_band_get_title (result.band));
  else if (result.complete)
    self->summary = g_strdup_printf (_("All %u items answered."), result.n_items);
  else
    self->summary = g_strdup_printf (_("%u of %u items answered."), result.n_answered, result.n_items);
  gtk_label_set_text (self->summary_label, self->summary);

  for (guint i = 0; i < result.follow_up->len; i++)
    {
      ScsNode *item = g_ptr_array_index (result.follow_up, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scs_node_get_text (item));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_label_new (scs_node_get_id (item)));
      gtk_list_box_append (self->follow_up_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->follow_up_list), result.follow_up->len > 0);
  scs_diagnosis_result_clear (&result);
}

/* items ------------------------------------------------------------------------------------ */

static GtkWidget *
item_row (ScsChecklistPage *self,
          ScsNode          *item)
{
  const ScsScale *scale = scs_framework_get_answers (self->checklist);
  ScsRecord *answer = scs_engagement_ensure_checklist_answer (self->engagement, self->list_name,
                                                              scs_node_get_id (item));
  ScsRecordRow *row = scs_record_row_new (answer, self->history, NULL);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *answers;
  GtkWidget *note = gtk_entry_new ();
  g_autofree char *line = g_strdup_printf ("%s  %s", scs_node_get_id (item), scs_node_get_text (item));
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  g_auto(GStrv) id_list = NULL;
  g_auto(GStrv) title_list = NULL;

  scs_record_row_set_spacious (row, TRUE);
  gtk_label_set_text (GTK_LABEL (text), line);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  scs_record_row_add_below (row, text);
  for (guint i = 0; scale != NULL && i < scale->values->len; i++)
    {
      const ScsScaleValue *value = g_ptr_array_index (scale->values, i);

      g_strv_builder_add (ids, value->id);
      g_strv_builder_add (titles, scs_scale_value_get_title (value));
    }
  id_list = g_strv_builder_end (ids);
  title_list = g_strv_builder_end (titles);
  /* One answer is always chosen once one is: a checklist has no "open again". */
  answers = scs_record_row_choice_toggles (row, SCS_M_CHECKLIST_ANSWER_ANSWER, (const char * const *) id_list,
                                           (const char * const *) title_list, TRUE);
  gtk_widget_set_halign (answers, GTK_ALIGN_START);
  scs_record_row_add_below (row, answers);
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note"));
  gtk_editable_set_enable_undo (GTK_EDITABLE (note), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  g_object_bind_property (answer, SCS_P_CHECKLIST_ANSWER_NOTE, note, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  scs_record_row_add_below (row, note);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, line, -1);
  return GTK_WIDGET (row);
}

static void
clear_items (ScsChecklistPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->rows);
}

static void
build_items (ScsChecklistPage *self)
{
  GListModel *groups = scs_framework_get_groups (self->checklist);

  for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
    {
      g_autoptr(ScsNode) group = g_list_model_get_item (groups, g);
      GListModel *items = scs_node_get_children (group);
      GtkWidget *prefs = adw_preferences_group_new ();
      GtkWidget *list = gtk_list_box_new ();
      g_autofree char *title = g_strdup_printf ("%s  %s", scs_node_get_id (group), scs_node_get_title (group));

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prefs), title);
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(ScsNode) item = g_list_model_get_item (items, i);
          GtkWidget *row = item_row (self, item);

          gtk_list_box_append (GTK_LIST_BOX (list), row);
          g_hash_table_insert (self->rows, g_strdup (scs_node_get_id (item)), row);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), list);
      /* Items built after the page was made read-only are read-only too. */
      gtk_widget_set_sensitive (prefs, !self->read_only);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (prefs));
      g_ptr_array_add (self->groups, prefs);
    }
}

/* api -------------------------------------------------------------------------------------- */

gboolean
scs_checklist_page_answer (ScsChecklistPage *self,
                           const char       *item_id,
                           guint             index)
{
  ScsRecordRow *row = g_hash_table_lookup (self->rows, item_id);

  return row != NULL && !self->read_only && scs_record_row_choose (row, index);
}

const char *
scs_checklist_page_get_summary (ScsChecklistPage *self)
{
  return self->summary != NULL ? self->summary : "";
}

void
scs_checklist_page_set_context (ScsChecklistPage *self,
                                ScsEngagement    *engagement,
                                ScsHistory       *history,
                                ScsFramework     *checklist)
{
  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_data (self->engagement, self);
  clear_items (self);
  g_set_object (&self->engagement, engagement);
  g_set_object (&self->history, history);
  g_set_object (&self->checklist, checklist);
  if (engagement == NULL || checklist == NULL)
    {
      update_summary (self);
      return;
    }
  adw_preferences_group_set_title (self->summary_group, scs_framework_get_title (checklist));
  build_items (self);
  g_signal_connect_swapped (engagement, "changed", G_CALLBACK (update_summary), self);
  update_summary (self);
}

static void
set_editable (ScsChecklistPage *self,
              gboolean          editable)
{
  if (self->read_only == !editable)
    return;
  self->read_only = !editable;
  for (guint i = 0; i < self->groups->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->groups, i), editable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

GtkWidget *
scs_checklist_page_new (const char *list_name)
{
  return g_object_new (SCS_TYPE_CHECKLIST_PAGE, "list-name", list_name, NULL);
}

static void
scs_checklist_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ScsChecklistPage *self = SCS_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIST_NAME:
      /* Named in the engagement page's template, where the compiler cannot check it:
       * only these two lists of the engagement hold checklist answers. */
      g_return_if_fail (g_strcmp0 (g_value_get_string (value), SCS_M_ENGAGEMENT_DIAGNOSIS) == 0 ||
                        g_strcmp0 (g_value_get_string (value), SCS_M_ENGAGEMENT_CSM_CHECK) == 0);
      g_free (self->list_name);
      self->list_name = g_value_dup_string (value);
      break;
    case PROP_EDITABLE:
      set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_checklist_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScsChecklistPage *self = SCS_CHECKLIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIST_NAME:
      g_value_set_string (value, self->list_name);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, !self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_checklist_page_dispose (GObject *object)
{
  ScsChecklistPage *self = SCS_CHECKLIST_PAGE (object);

  if (self->engagement != NULL)
    scs_checklist_page_set_context (self, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_CHECKLIST_PAGE);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->list_name, g_free);
  g_clear_pointer (&self->summary, g_free);
  G_OBJECT_CLASS (scs_checklist_page_parent_class)->dispose (object);
}

static void
scs_checklist_page_class_init (ScsChecklistPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_checklist_page_dispose;
  G_OBJECT_CLASS (klass)->set_property = scs_checklist_page_set_property;
  G_OBJECT_CLASS (klass)->get_property = scs_checklist_page_get_property;
  /* The engagement's list the answers go to: SCS_M_ENGAGEMENT_DIAGNOSIS or _CSM_CHECK. */
  properties[PROP_LIST_NAME] = g_param_spec_string ("list-name", NULL, NULL, SCS_M_ENGAGEMENT_DIAGNOSIS,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                    G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] = scs_view_param_editable ();
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class, SCS_RESOURCE_PREFIX "/ui/scs-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, page);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, summary_group);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScsChecklistPage, follow_up_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
scs_checklist_page_init (ScsChecklistPage *self)
{
  self->groups = g_ptr_array_new ();
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}
