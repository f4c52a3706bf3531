/* scs-node-page.c — a category, subcategory or requirement: its roll-up and parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows link to the parts (action win.show-node). A subcategory also carries its maturity, current
 * and target, with the model's level descriptions beside the choice.
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "scs-bind.h"
#include "scs-node-page.h"
#include "scs-node-row.h"
#include "scs-status.h"

struct _ScsNodePage
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkLabel      *path_label;
  GtkLabel      *title_label;
  GtkLabel      *text_label;
  GtkImage      *rollup_image;
  GtkLabel      *rollup_label;
  AdwPreferencesGroup *children_group;
  GtkListBox    *children_list;
  GtkWidget     *maturity_group;
  AdwComboRow   *current_row;
  AdwComboRow   *target_row;
  AdwEntryRow   *maturity_note_row;
  GtkLabel      *levels_label;

  ScsEngagement *engagement;
  ScsNode       *node;
  GBindingGroup *maturity_bindings;
  GtkStringList *levels;
  gboolean       company_mode;
  gboolean       editable;
};

G_DEFINE_FINAL_TYPE (ScsNodePage, scs_node_page, GTK_TYPE_WIDGET)

static char *
rollup_text (ScsNodePage    *self,
             const ScsTally *tally)
{
  GString *text = g_string_new (NULL);
  guint applicable = tally->n_criteria - tally->n_not_applicable;

  if (self->company_mode)
    {
      g_string_append_printf (text, _("%u of %u criteria answered by the company"),
                              tally->n_company_answered, tally->n_criteria);
      return g_string_free (text, FALSE);
    }
  g_string_append_printf (text, _("%u of %u applicable criteria conform"),
                          tally->n_conforming, applicable);
  if (tally->n_not_conforming > 0)
    g_string_append_printf (text, _(" · %u need improvement"), tally->n_not_conforming);
  if (tally->n_unanswered > 0)
    g_string_append_printf (text, _(" · %u not assessed"), tally->n_unanswered);
  if (tally->n_missing_comment > 0)
    g_string_append_printf (text, _(" · %u without the required comment"),
                            tally->n_missing_comment);
  return g_string_free (text, FALSE);
}

static void
update_rollup (ScsNodePage *self)
{
  ScsTally tally;
  ScsStatusLook look = { 0 };

  /* Like the sidebar, the pages of the workspace count every verdict they show. */
  scs_engagement_tally (self->engagement, self->node, SCS_COUNT_WITH_FOLLOW_UP, &tally);
  scs_status_look_tally (&tally, &look);
  g_free (look.text);
  look.text = rollup_text (self, &tally);
  if (self->company_mode)
    look.icon_name = NULL, look.css_class = NULL;
  scs_status_look_apply (&look, self->rollup_image, self->rollup_label);
  scs_status_look_clear (&look);
}

static void
describe_child (ScsNodePage *self,
                ScsNodeRow  *row)
{
  ScsNode *child = scs_node_row_get_node (row);
  ScsStatusLook look = { 0 };

  if (scs_node_get_kind (child) == SCS_NODE_CRITERION)
    {
      ScsAssessment *a = scs_engagement_get_assessment (self->engagement, scs_node_get_id (child));

      if (self->company_mode)
        {
          const char *company = scs_status_company_title (self->engagement, a);

          look.text = g_strdup (company[0] != '\0' ? company : _("Not answered"));
        }
      else
        scs_status_look_verdict (self->engagement, a, &look);
    }
  else
    {
      ScsTally tally;

      scs_engagement_tally (self->engagement, child, SCS_COUNT_WITH_FOLLOW_UP, &tally);
      scs_status_look_tally (&tally, &look);
      if (self->company_mode)
        {
          g_free (look.text);
          look.text = g_strdup_printf (C_("count", "%u/%u"), tally.n_company_answered,
                                       tally.n_criteria);
          look.icon_name = NULL;
          look.css_class = NULL;
        }
    }
  scs_node_row_show_status (row, &look);
  scs_status_look_clear (&look);
}

static void
update_children (ScsNodePage *self)
{
  GtkWidget *row;

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->children_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    describe_child (self, SCS_NODE_ROW (row));
}

static void
on_engagement_changed (ScsNodePage *self)
{
  if (self->node == NULL)
    return;
  update_rollup (self);
  update_children (self);
}

static void
on_child_activated (ScsNodePage   *self,
                    GtkListBoxRow *row)
{
  ScsNode *node = scs_node_row_get_node (SCS_NODE_ROW (row));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-node", "s", scs_node_get_id (node));
}

static void
fill_children (ScsNodePage *self)
{
  GListModel *children = scs_node_get_children (self->node);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->children_list))) != NULL)
    gtk_list_box_remove (self->children_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(ScsNode) node = g_list_model_get_item (children, i);
      g_autofree char *title = scs_status_short_title (node);
      GtkWidget *row = scs_node_row_new (node, TRUE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scs_node_get_id (node));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), title);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_append (self->children_list, row);
    }
  update_children (self);
}

static void
fill_levels (ScsNodePage *self)
{
  GPtrArray *levels = scs_framework_get_maturity_levels (scs_engagement_get_framework (self->engagement));
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  gboolean ja = g_str_equal (scs_locale_pick ("ja", "en"), "ja");

  g_ptr_array_add (titles, g_strdup (_("Not set")));
  for (guint i = 0; i < levels->len; i++)
    {
      const ScsMaturityLevel *level = g_ptr_array_index (levels, i);
      const char *title = ja ? level->title_ja : level->title_en;
      g_autofree char *escaped = g_markup_escape_text (ja ? level->description_ja
                                                          : level->description_en, -1);

      g_ptr_array_add (titles, g_strdup_printf ("%d — %s", level->level, title));
      g_string_append_printf (description, "%s<b>%d %s</b>  %s", i > 0 ? "\n" : "",
                              level->level, title, escaped);
    }
  g_ptr_array_add (titles, NULL);
  gtk_string_list_splice (self->levels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->levels)),
                          (const char * const *) titles->pdata);
  gtk_label_set_markup (self->levels_label, description->str);
}

void
scs_node_page_show (ScsNodePage *self,
                    ScsNode     *node)
{
  ScsNodeKind kind = scs_node_get_kind (node);
  g_autofree char *title = g_strdup_printf ("%s  %s", scs_node_get_id (node), scs_node_get_title (node));
  g_autoptr(GString) path = g_string_new (NULL);
  static const char *parts_titles[] = {
    N_("Subcategories"), N_("Requirements"), N_("Criteria"),
  };

  g_set_object (&self->node, node);
  for (ScsNode *p = scs_node_get_parent (node); p != NULL; p = scs_node_get_parent (p))
    {
      g_autofree char *part = g_strdup_printf ("%s %s", scs_node_get_id (p), scs_node_get_title (p));

      g_string_prepend (path, path->len > 0 ? "  ›  " : "");
      g_string_prepend (path, part);
    }
  gtk_label_set_text (self->path_label, path->str);
  gtk_widget_set_visible (GTK_WIDGET (self->path_label), path->len > 0);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->text_label, scs_node_get_text (node));
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), scs_node_get_text (node)[0] != '\0');
  adw_preferences_group_set_title (self->children_group,
                                   kind <= SCS_NODE_REQUIREMENT ? _(parts_titles[kind]) : "");
  fill_children (self);
  update_rollup (self);

  if (kind == SCS_NODE_SUBCATEGORY)
    {
      ScsMaturity *maturity = scs_engagement_ensure_maturity (self->engagement, scs_node_get_id (node));

      g_binding_group_set_source (self->maturity_bindings, maturity);
    }
  else
    g_binding_group_set_source (self->maturity_bindings, NULL);
  gtk_widget_set_visible (self->maturity_group, kind == SCS_NODE_SUBCATEGORY && !self->company_mode);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                            0);
}

void
scs_node_page_set_engagement (ScsNodePage   *self,
                              ScsEngagement *engagement)
{
  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_data (self->engagement, self);
  g_binding_group_set_source (self->maturity_bindings, NULL);
  g_clear_object (&self->node);
  g_set_object (&self->engagement, engagement);
  if (engagement == NULL)
    return;
  g_signal_connect_swapped (engagement, "changed", G_CALLBACK (on_engagement_changed), self);
  fill_levels (self);
}

static gboolean
level_to_row (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  g_value_set_uint (to, (guint) (g_value_get_int64 (from) + 1));
  return TRUE;
}

static gboolean
row_to_level (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected == GTK_INVALID_LIST_POSITION || selected > 6)
    return FALSE;
  g_value_set_int64 (to, (gint64) selected - 1);
  return TRUE;
}

static void
reshow (gpointer view)
{
  ScsNodePage *self = view;

  if (self->node != NULL)
    scs_node_page_show (self, self->node);
}

static void
sync_editable (gpointer view)
{
  ScsNodePage *self = view;

  gtk_widget_set_sensitive (self->maturity_group, self->editable);
}

static const ScsViewFields view_fields = {
  G_STRUCT_OFFSET (ScsNodePage, company_mode),
  G_STRUCT_OFFSET (ScsNodePage, editable),
  reshow,
  sync_editable,
};

static void
scs_node_page_dispose (GObject *object)
{
  ScsNodePage *self = SCS_NODE_PAGE (object);

  if (self->engagement != NULL)
    scs_node_page_set_engagement (self, NULL);
  g_clear_object (&self->maturity_bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_NODE_PAGE);

  G_OBJECT_CLASS (scs_node_page_parent_class)->dispose (object);
}

static void
scs_node_page_class_init (ScsNodePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_node_page_dispose;
  scs_view_class_install (G_OBJECT_CLASS (klass), &view_fields);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SCS_RESOURCE_PREFIX "/ui/scs-node-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, ScsNodePage, name)
  CHILD (scroller); CHILD (path_label); CHILD (title_label); CHILD (text_label);
  CHILD (rollup_image); CHILD (rollup_label); CHILD (children_group); CHILD (children_list);
  CHILD (maturity_group); CHILD (current_row); CHILD (target_row); CHILD (maturity_note_row);
  CHILD (levels_label);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_child_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
scs_node_page_init (ScsNodePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->editable = TRUE;
  self->levels = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->current_row, G_LIST_MODEL (self->levels));
  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (self->levels));
  g_object_unref (self->levels);

  self->maturity_bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->maturity_bindings, SCS_P_MATURITY_CURRENT, self->current_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             level_to_row, row_to_level, NULL, NULL);
  g_binding_group_bind_full (self->maturity_bindings, SCS_P_MATURITY_TARGET, self->target_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             level_to_row, row_to_level, NULL, NULL);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->maturity_note_row), FALSE);
  g_binding_group_bind (self->maturity_bindings, SCS_P_MATURITY_NOTE, self->maturity_note_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}
