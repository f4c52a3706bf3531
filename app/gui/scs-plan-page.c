/* scs-plan-page.c — the improvement plan (改善計画書)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expert's evaluation summary, who wrote the plan and when it was agreed, and its
 * items: what, why (the criteria, picked by id), urgency, importance and difficulty, who,
 * when, and how far along. Below, the criteria that do not conform and that no item names
 * yet, each with a button that starts an item for it. In a company copy the company drafts
 * its items here (apply_mode).
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "scs-plan-page.h"
#include "scs-bind.h"
#include "scs-status.h"

struct _ScsPlanPage
{
  GtkWidget      parent_instance;

  GtkWidget     *page;
  GtkTextView   *summary_view;
  AdwEntryRow   *author_title_row;
  AdwEntryRow   *author_name_row;
  AdwEntryRow   *date_row;
  AdwEntryRow   *agreed_row;
  GtkListBox    *items_list;
  GtkListBox    *uncovered_list;
  AdwPreferencesGroup *uncovered_group;
  GtkSwitch     *sort_switch;

  ScsEngagement *engagement;
  ScsHistory    *history;
  GBindingGroup *plan_bindings;
  GtkSortListModel *sorted;
  guint          refresh_id;
  gboolean       company_mode;
  gboolean       editable;
};

G_DEFINE_FINAL_TYPE (ScsPlanPage, scs_plan_page, GTK_TYPE_WIDGET)

static void apply_mode (gpointer view);

static const char * const level_ids[] = { "high", "mid", "low", NULL };
static const char *level_titles[] = { N_("High"), N_("Medium"), N_("Low") };
static const char * const status_ids[] = { "planned", "in_progress", "done", NULL };
static const char *status_titles[] = { N_("Planned"), N_("In progress"), N_("Done") };

static ScsRecord *
plan (ScsPlanPage *self)
{
  return SCS_RECORD (scs_engagement_get_plan (self->engagement));
}

static GListStore *
items (ScsPlanPage *self)
{
  return G_LIST_STORE (scs_record_get_list (plan (self), SCS_M_PLAN_ITEMS));
}

/* priority --------------------------------------------------------------------------------- */

static int
level_rank (const char *id)
{
  for (guint i = 0; level_ids[i] != NULL; i++)
    if (g_strcmp0 (id, level_ids[i]) == 0)
      return i;
  return G_N_ELEMENTS (level_ids) - 1;
}

static int
rank_of (ScsRecord  *item,
         const char *member)
{
  return level_rank (scs_record_get_string (item, member));
}

static int
compare_priority (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  ScsRecord *x = (ScsRecord *) a, *y = (ScsRecord *) b;
  int d;

  if ((d = rank_of (x, SCS_M_PLAN_ITEM_URGENCY) - rank_of (y, SCS_M_PLAN_ITEM_URGENCY)) != 0)
    return d;
  if ((d = rank_of (x, SCS_M_PLAN_ITEM_IMPORTANCE) - rank_of (y, SCS_M_PLAN_ITEM_IMPORTANCE)) != 0)
    return d;
  /* Among equals, the easier first: quick wins. */
  return rank_of (y, SCS_M_PLAN_ITEM_DIFFICULTY) - rank_of (x, SCS_M_PLAN_ITEM_DIFFICULTY);
}

void
scs_plan_page_set_sorted (ScsPlanPage *self,
                          gboolean     by_priority)
{
  GtkSorter *sorter = by_priority ? GTK_SORTER (gtk_custom_sorter_new (compare_priority, NULL, NULL)) : NULL;

  if (gtk_switch_get_active (self->sort_switch) != by_priority)
    gtk_switch_set_active (self->sort_switch, by_priority);
  gtk_sort_list_model_set_sorter (self->sorted, sorter);
  g_clear_object (&sorter);
}

static gboolean
on_sort_switch (ScsPlanPage *self,
                gboolean     state)
{
  scs_plan_page_set_sorted (self, state);
  return FALSE;
}

/* uncovered criteria ----------------------------------------------------------------------- */

GPtrArray *
scs_plan_page_uncovered (ScsEngagement *engagement)
{
  ScsFramework *framework = scs_engagement_get_framework (engagement);
  GListModel *criteria = scs_framework_get_assessables (framework, scs_engagement_get_level (engagement));
  GListModel *plan_items = scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (engagement)),
                                                SCS_M_PLAN_ITEMS);
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *uncovered = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (plan_items); i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (plan_items, i);
      const char * const *ids = scs_record_get_strv (item, SCS_M_PLAN_ITEM_CRITERIA);

      for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
        g_hash_table_add (named, (gpointer) ids[k]);
    }
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(ScsNode) c = g_list_model_get_item (criteria, i);

      /* A failing verdict still awaiting follow-up is worth planning for already. */
      if (scs_engagement_get_conformance (engagement, scs_node_get_id (c), SCS_COUNT_WITH_FOLLOW_UP)
          == SCS_CONFORMANCE_NOT_CONFORMING &&
          !g_hash_table_contains (named, scs_node_get_id (c)))
        g_ptr_array_add (uncovered, g_object_ref (c));
    }
  return uncovered;
}

static void
create_for_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScsPlanPage *self = SCS_PLAN_PAGE (widget);
  ScsNode *criterion = scs_framework_lookup (scs_engagement_get_framework (self->engagement),
                                             scs_engagement_get_level (self->engagement),
                                             g_variant_get_string (parameter, NULL));

  if (criterion != NULL)
    scs_plan_page_add_item (self, criterion);
}

static void
fill_uncovered (ScsPlanPage *self)
{
  g_autoptr(GPtrArray) uncovered = scs_plan_page_uncovered (self->engagement);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->uncovered_list))) != NULL)
    gtk_list_box_remove (self->uncovered_list, child);
  for (guint i = 0; i < uncovered->len; i++)
    {
      ScsNode *c = g_ptr_array_index (uncovered, i);
      g_autofree char *short_title = scs_status_short_title (c);
      g_autofree char *title = g_strdup_printf ("%s  %s", scs_node_get_id (c), short_title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (_("Create Plan Item"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", scs_node_get_id (c));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan.create-for");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->uncovered_list, row);
    }
  adw_preferences_group_set_description (self->uncovered_group,
                                         uncovered->len == 0
                                         ? _("Every criterion that does not conform has a plan item.")
                                         : _("These do not conform and no plan item names them yet."));
  gtk_widget_set_visible (GTK_WIDGET (self->uncovered_list), uncovered->len > 0);
}

/* item rows -------------------------------------------------------------------------------- */

static GtkWidget *
choice_row (ScsRecord          *item,
            const char         *property,
            const char         *title,
            const char * const *ids,
            const char        **titles)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (list, _(titles[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  scs_bind_choice (item, property, row, ids);
  return row;
}
static char *
item_subtitle (ScsRecord *item)
{
  const char * const *criteria = scs_record_get_strv (item, SCS_M_PLAN_ITEM_CRITERIA);
  g_autofree char *linked = criteria != NULL ? g_strjoinv (", ", (char **) criteria) : g_strdup ("");
  g_autofree char *summary = NULL;
  guint status = 0;

  for (guint i = 0; status_ids[i] != NULL; i++)
    if (g_str_equal (scs_record_get_string (item, SCS_M_PLAN_ITEM_STATUS), status_ids[i]))
      status = i;

  /* TRANSLATORS: a plan item's summary: urgency, importance, difficulty (each high, medium
   * or low), status, due date, criteria */
  summary = g_strdup_printf (_("Urgency: %s · importance: %s · difficulty: %s · %s · due %s · %s"),
                             _(level_titles[MIN (rank_of (item, SCS_M_PLAN_ITEM_URGENCY), 2)]),
                             _(level_titles[MIN (rank_of (item, SCS_M_PLAN_ITEM_IMPORTANCE), 2)]),
                             _(level_titles[MIN (rank_of (item, SCS_M_PLAN_ITEM_DIFFICULTY), 2)]),
                             _(status_titles[status]),
                             scs_record_get_string (item, SCS_M_PLAN_ITEM_DUE_DATE)[0] != '\0'
                             ? scs_record_get_string (item, SCS_M_PLAN_ITEM_DUE_DATE) : "—",
                             linked);
  if (g_str_equal (scs_record_get_string (item, SCS_M_PLAN_ITEM_PROPOSED_BY), "company"))
    /* TRANSLATORS: a plan item's summary (above), for an item the company proposed */
    return g_strdup_printf (_("Proposed by the company · %s"), summary);
  return g_steal_pointer (&summary);
}

static void
update_item_row (GtkWidget *row,
                 ScsRecord *item)
{
  g_autofree char *title = g_strdup_printf ("%s  %s", scs_record_get_string (item, SCS_M_PLAN_ITEM_ID),
                                            scs_record_get_string (item, SCS_M_PLAN_ITEM_TITLE));
  g_autofree char *subtitle = item_subtitle (item);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static void
on_item_notify (ScsRecord  *item,
                GParamSpec *pspec,
                GtkWidget  *row)
{
  update_item_row (row, item);
}

/* The row's item is the one at its place in the order on show. */
static void
on_remove_item (GtkListBoxRow *row)
{
  ScsPlanPage *self = SCS_PLAN_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), SCS_TYPE_PLAN_PAGE));
  ScsRecord *item = scs_plan_page_get_item_at (self, gtk_list_box_row_get_index (row));
  guint position;

  if (item != NULL && g_list_store_find (items (self), item, &position))
    {
      scs_history_seal (self->history);
      scs_history_remove (self->history, plan (self), items (self), position);
    }
}

ScsRecord *
scs_plan_page_get_item_at (ScsPlanPage *self,
                           guint        position)
{
  g_autoptr(ScsRecord) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  return item;   /* the plan's list holds it */
}

/* Criteria as a comma-separated list of ids: each must be a criterion of the level. */
static gboolean
criteria_from_entry (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  ScsPlanPage *self = user_data;
  g_auto(GStrv) commas = g_strsplit (g_value_get_string (from), "、", -1);   /* the Japanese comma */
  g_autofree char *joined = g_strjoinv (",", commas);
  g_auto(GStrv) parts = g_strsplit_set (joined, ", ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  ScsFramework *framework = scs_engagement_get_framework (self->engagement);
  int level = scs_engagement_get_level (self->engagement);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      ScsNode *node;

      if (parts[i][0] == '\0')
        continue;
      node = scs_framework_lookup (framework, level, parts[i]);
      if (node == NULL || scs_node_get_kind (node) != SCS_NODE_CRITERION)
        return FALSE;   /* not (yet) a criterion: the entry keeps the text, the file waits */
      g_strv_builder_add (builder, parts[i]);
    }
  g_value_take_boxed (to, g_strv_builder_end (builder));
  return TRUE;
}

static gboolean
criteria_to_entry (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  char **ids = g_value_get_boxed (from);

  g_value_take_string (to, ids != NULL ? g_strjoinv (", ", ids) : g_strdup (""));
  return TRUE;
}

static GtkWidget *
create_item_row (gpointer data,
                 gpointer user_data)
{
  ScsPlanPage *self = user_data;
  ScsRecord *item = data;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *criteria = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            scs_bind_entry_row (item, SCS_M_PLAN_ITEM_TITLE, _("What is to be done"), NULL));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            scs_bind_entry_row (item, SCS_M_PLAN_ITEM_DETAILS, _("Details"), NULL));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (criteria), _("Criteria (ids, separated by commas)"));
  gtk_editable_set_enable_undo (GTK_EDITABLE (criteria), FALSE);
  g_object_bind_property_full (item, SCS_P_PLAN_ITEM_CRITERIA, criteria, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               criteria_to_entry, criteria_from_entry, self, NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), criteria);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            choice_row (item, SCS_M_PLAN_ITEM_URGENCY, _("Urgency"), level_ids, level_titles));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            choice_row (item, SCS_M_PLAN_ITEM_IMPORTANCE, _("Importance"), level_ids, level_titles));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            choice_row (item, SCS_M_PLAN_ITEM_DIFFICULTY, _("Difficulty"), level_ids, level_titles));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), scs_bind_entry_row (item, SCS_M_PLAN_ITEM_OWNER, _("Who"), NULL));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), scs_bind_entry_row (item, SCS_M_PLAN_ITEM_TIMING, _("Timing"), NULL));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            scs_bind_entry_row (item, SCS_M_PLAN_ITEM_DUE_DATE, _("Due date (YYYY-MM-DD)"), scs_normalize_date));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            choice_row (item, SCS_M_PLAN_ITEM_STATUS, _("Status"), status_ids, status_titles));

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove this plan item"));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_item), row, G_CONNECT_SWAPPED);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

  g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify), row, 0);
  update_item_row (row, item);
  return row;
}

ScsRecord *
scs_plan_page_find_item (ScsEngagement *engagement,
                         const char    *criterion_id)
{
  GListModel *list = scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (engagement)), SCS_M_PLAN_ITEMS);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (list, i);
      const char * const *ids = scs_record_get_strv (item, SCS_M_PLAN_ITEM_CRITERIA);

      if (ids != NULL && g_strv_contains (ids, criterion_id))
        return item;   /* the plan's list holds it */
    }
  return NULL;
}

/* Opens the row of item and puts the focus on it, wherever the order puts it. */
static void
open_item (ScsPlanPage *self,
           ScsRecord   *item)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sorted)); i++)
    if (scs_plan_page_get_item_at (self, i) == item)
      {
        GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->items_list, i));

        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
        gtk_widget_grab_focus (row);
      }
}

ScsRecord *
scs_plan_page_add_item (ScsPlanPage *self,
                        ScsNode     *criterion)
{
  GListStore *list = items (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(ScsRecord) item = NULL;
  g_autofree char *id = NULL;
  ScsRecord *existing_item;

  if (criterion != NULL &&
      (existing_item = scs_plan_page_find_item (self->engagement, scs_node_get_id (criterion))) != NULL)
    {
      open_item (self, existing_item);
      return existing_item;
    }
  item = g_object_new (SCS_TYPE_PLAN_ITEM, NULL);
  id = scs_plan_new_item_id (self->engagement);
  scs_record_set_string (item, SCS_M_PLAN_ITEM_ID, id);
  scs_record_set_string (item, SCS_M_PLAN_ITEM_URGENCY, "mid");
  scs_record_set_string (item, SCS_M_PLAN_ITEM_IMPORTANCE, "mid");
  scs_record_set_string (item, SCS_M_PLAN_ITEM_DIFFICULTY, "mid");
  scs_record_set_string (item, SCS_M_PLAN_ITEM_STATUS, "planned");
  if (criterion != NULL)
    {
      const char *ids[] = { scs_node_get_id (criterion), NULL };
      g_autofree char *title = scs_status_short_title (criterion);

      scs_record_set_strv (item, SCS_M_PLAN_ITEM_CRITERIA, ids);
      scs_record_set_string (item, SCS_M_PLAN_ITEM_TITLE, title);
    }
  scs_history_seal (self->history);
  scs_history_insert (self->history, plan (self), list, n, item);
  open_item (self, item);
  return item;
}

static void
on_add_item (ScsPlanPage *self)
{
  if (self->engagement != NULL)
    scs_plan_page_add_item (self, NULL);
}

/* refreshing ------------------------------------------------------------------------------- */

static gboolean
on_refresh_timeout (gpointer user_data)
{
  ScsPlanPage *self = user_data;

  self->refresh_id = 0;
  fill_uncovered (self);
  /* A changed urgency or importance moves the item in priority order. */
  if (gtk_sort_list_model_get_sorter (self->sorted) != NULL)
    gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->sorted), GTK_SORTER_CHANGE_DIFFERENT);
  return G_SOURCE_REMOVE;
}

static void
on_engagement_changed (ScsPlanPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (300, on_refresh_timeout, self);
}

void
scs_plan_page_set_context (ScsPlanPage   *self,
                           ScsEngagement *engagement,
                           ScsHistory    *history)
{
  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_data (self->engagement, self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_binding_group_set_source (self->plan_bindings, NULL);
  gtk_list_box_bind_model (self->items_list, NULL, NULL, NULL, NULL);
  gtk_sort_list_model_set_model (self->sorted, NULL);
  g_set_object (&self->engagement, engagement);
  g_set_object (&self->history, history);
  if (engagement == NULL)
    return;
  g_binding_group_set_source (self->plan_bindings, plan (self));
  gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (items (self)));
  gtk_list_box_bind_model (self->items_list, G_LIST_MODEL (self->sorted), create_item_row, self, NULL);
  g_signal_connect_swapped (engagement, "changed", G_CALLBACK (on_engagement_changed), self);
  fill_uncovered (self);
  apply_mode (self);
}

/* The company edits its own draft only: the items and who wrote it, while no agreed plan
 * is there (an agreed one is the expert's, shown read-only). The evaluation summary and
 * the agreed date are the expert's, and the list of criteria that do not conform is the
 * expert's working list: not in the company's view. */
static void
apply_mode (gpointer view)
{
  ScsPlanPage *self = view;
  gboolean company = self->company_mode;
  gboolean agreed = self->engagement != NULL && scs_engagement_plan_is_agreed (self->engagement);

  gtk_widget_set_sensitive (self->page, self->editable && !(company && agreed));
  gtk_text_view_set_editable (self->summary_view, !company);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->summary_view), ADW_TYPE_PREFERENCES_GROUP),
                          !company);
  gtk_widget_set_sensitive (GTK_WIDGET (self->agreed_row), !company);
  gtk_widget_set_visible (GTK_WIDGET (self->uncovered_group), !company);
}

static const ScsViewFields view_fields = {
  G_STRUCT_OFFSET (ScsPlanPage, company_mode),
  G_STRUCT_OFFSET (ScsPlanPage, editable),
  apply_mode,
  apply_mode,
};

static void
scs_plan_page_dispose (GObject *object)
{
  ScsPlanPage *self = SCS_PLAN_PAGE (object);

  if (self->engagement != NULL)
    scs_plan_page_set_context (self, NULL, NULL);
  g_clear_object (&self->plan_bindings);
  g_clear_object (&self->sorted);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_PLAN_PAGE);
  G_OBJECT_CLASS (scs_plan_page_parent_class)->dispose (object);
}

static void
scs_plan_page_class_init (ScsPlanPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_plan_page_dispose;
  scs_view_class_install (G_OBJECT_CLASS (klass), &view_fields);
  gtk_widget_class_set_template_from_resource (widget_class, SCS_RESOURCE_PREFIX "/ui/scs-plan-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, ScsPlanPage, name)
  CHILD (page); CHILD (summary_view); CHILD (author_title_row); CHILD (author_name_row);
  CHILD (date_row); CHILD (agreed_row); CHILD (items_list); CHILD (uncovered_list);
  CHILD (uncovered_group); CHILD (sort_switch);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_add_item);
  gtk_widget_class_install_action (widget_class, "plan.create-for", "s", create_for_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_switch);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
scs_plan_page_init (ScsPlanPage *self)
{
  GBindingGroup *p;

  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->sorted = gtk_sort_list_model_new (NULL, NULL);
  p = self->plan_bindings = g_binding_group_new ();
  scs_bind_group_text_view (p, SCS_P_PLAN_SUMMARY, self->summary_view);
  scs_bind_group_checked_text (p, SCS_P_PLAN_AUTHOR_TITLE, self->author_title_row, NULL);
  scs_bind_group_checked_text (p, SCS_P_PLAN_AUTHOR_NAME, self->author_name_row, NULL);
  scs_bind_group_checked_text (p, SCS_P_PLAN_DATE, self->date_row, scs_normalize_date);
  scs_bind_group_checked_text (p, SCS_P_PLAN_AGREED_DATE, self->agreed_row, scs_normalize_date);
}
