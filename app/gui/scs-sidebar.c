/* scs-sidebar.c — the requirement tree with search and filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListView over a GtkTreeListModel of the framework's own nodes, filtered by a
 * GtkCustomFilter that consults a set of visible nodes. The set is computed in one pass
 * whenever the search text, a filter toggle or (while a status filter is on) the answers
 * change. The node on show in the workspace is always in the set, so the selection
 * survives any filtering.
 *
 * For the keyboard the tree and the filter chips are one Tab stop each (scs_keynav_group),
 * arrows moving inside them.
 */
#include <glib/gi18n.h>

#include "scs-bind.h"
#include "scs-keynav.h"
#include "scs-sidebar.h"
#include "scs-sidebar-row.h"
#include "scs-status.h"

struct _ScsSidebar
{
  GtkBox              parent_instance;

  GtkSearchEntry     *search_entry;
  GtkFlowBox         *filter_box;
  GtkToggleButton    *unanswered_toggle;
  GtkToggleButton    *improvement_toggle;
  GtkToggleButton    *comment_toggle;
  GtkToggleButton    *disagreement_toggle;
  GtkToggleButton    *flagged_toggle;
  GtkStack           *list_stack;
  GtkListView        *list_view;

  ScsEngagement      *engagement;
  GtkTreeListModel   *tree;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  GHashTable         *haystacks;   /* ScsNode → folded id and text */
  GHashTable         *visible;     /* ScsNode set; NULL: everything */
  ScsNode            *selected;
  char               *needle;
  ScsSidebarFilter    filters;
  gboolean            company_mode;
  gboolean            selecting;
  guint               refilter_id;
  guint               track_id;    /* tick callback moving the list's focus row */
  guint               track_frames;
};

G_DEFINE_FINAL_TYPE (ScsSidebar, scs_sidebar, GTK_TYPE_BOX)

enum { PROP_0, PROP_SELECTED, PROP_COMPANY_MODE, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static const char *
haystack_of (ScsSidebar *self,
             ScsNode    *node)
{
  char *text = g_hash_table_lookup (self->haystacks, node);

  if (text == NULL)
    {
      g_autofree char *joined = g_strjoin ("\n", scs_node_get_id (node), scs_node_get_title (node),
                                           scs_node_get_title_ja (node), scs_node_get_title_en (node),
                                           scs_node_get_text (node), NULL);

      text = fold (joined);
      g_hash_table_insert (self->haystacks, node, text);
    }
  return text;
}

static gboolean
text_matches (ScsSidebar *self,
              ScsNode    *criterion)
{
  if (self->needle == NULL)
    return TRUE;
  for (ScsNode *n = criterion; n != NULL; n = scs_node_get_parent (n))
    if (strstr (haystack_of (self, n), self->needle) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
status_matches (ScsSidebar *self,
                ScsNode    *criterion)
{
  ScsAssessment *a;
  const ScsScaleValue *verdict;

  if (self->filters == 0)
    return TRUE;
  a = scs_engagement_get_assessment (self->engagement, scs_node_get_id (criterion));
  verdict = a != NULL ? scs_engagement_get_verdict_value (self->engagement, a) : NULL;

  if (self->filters & SCS_SIDEBAR_FILTER_UNANSWERED)
    {
      const char *answer = a == NULL ? "" : self->company_mode
                                             ? scs_assessment_get_company_status (a)
                                             : scs_assessment_get_verdict (a);
      if (answer[0] == '\0')
        return TRUE;
    }
  if ((self->filters & SCS_SIDEBAR_FILTER_IMPROVEMENT) && verdict != NULL &&
      scs_verdict_conformance (verdict) == SCS_CONFORMANCE_NOT_CONFORMING)
    return TRUE;
  if ((self->filters & SCS_SIDEBAR_FILTER_COMMENT) && a != NULL &&
      scs_engagement_is_missing_comment (self->engagement, a, SCS_COUNT_WITH_FOLLOW_UP))
    return TRUE;
  if ((self->filters & SCS_SIDEBAR_FILTER_DISAGREEMENT) &&
      scs_engagement_disagrees (self->engagement, a, SCS_COUNT_WITH_FOLLOW_UP))
    return TRUE;
  if ((self->filters & SCS_SIDEBAR_FILTER_FLAGGED) && a != NULL &&
      scs_record_get_boolean (SCS_RECORD (a), SCS_M_ASSESSMENT_FOLLOW_UP))
    return TRUE;
  return FALSE;
}

static void
show_with_ancestors (GHashTable *set,
                     ScsNode    *node)
{
  for (ScsNode *n = node; n != NULL; n = scs_node_get_parent (n))
    g_hash_table_add (set, n);
}

static void
compute_visible (ScsSidebar *self)
{
  GListModel *criteria;
  guint n;

  g_clear_pointer (&self->visible, g_hash_table_unref);
  if (self->engagement == NULL || (self->needle == NULL && self->filters == 0))
    return;

  self->visible = g_hash_table_new (NULL, NULL);
  criteria = scs_framework_get_assessables (scs_engagement_get_framework (self->engagement),
                                            scs_engagement_get_level (self->engagement));
  n = g_list_model_get_n_items (criteria);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsNode) c = g_list_model_get_item (criteria, i);

      if (text_matches (self, c) && status_matches (self, c))
        show_with_ancestors (self->visible, c);
    }
  if (self->selected != NULL)
    show_with_ancestors (self->visible, self->selected);
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  ScsSidebar *self = user_data;
  ScsNode *node = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item));
  gboolean shown = self->visible == NULL || g_hash_table_contains (self->visible, node);

  g_object_unref (node);
  return shown;
}

static guint
position_in (GListModel *model,
             ScsNode    *node)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(ScsNode) item = gtk_tree_list_row_get_item (row);

      if (item == node)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Brings the row at position into view. Scrolling moves every row and redraws the whole
 * sidebar, so a row already in view stays where it is; otherwise the list scrolls past
 * it by half a screen, so that stepping on through the criteria does not scroll again
 * at every step. */
static void
scroll_into_view (ScsSidebar *self,
                  guint       position)
{
  GtkWidget *view = GTK_WIDGET (self->list_view);
  int height = gtk_widget_get_height (view);
  guint first = G_MAXUINT, last = 0, shown = 0, n, target;

  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (gtk_widget_get_first_child (child)),
                                             "scs-list-item");
      graphene_rect_t bounds;
      guint at;

      if (item == NULL || !gtk_widget_get_child_visible (child) ||
          !gtk_widget_compute_bounds (child, view, &bounds) ||
          bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > height ||
          (at = gtk_list_item_get_position (item)) == GTK_INVALID_LIST_POSITION)
        continue;
      first = MIN (first, at);
      last = MAX (last, at);
      shown++;
    }
  if (shown > 0 && position >= first && position <= last)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  if (shown == 0)
    target = position;
  else if (position > last)
    target = MIN (position + shown / 2, n - 1);
  else
    target = position > shown / 2 ? position - shown / 2 : 0;
  gtk_widget_activate_action (view, "list.scroll-to-item", "u", target);
}

/* The list view enters by Tab at its "focus" row, which only list.scroll-to-item moves.
 * Once the selected row has been scrolled to and laid out (two frames on), point it
 * there, so that Tab into the tree lands on the criterion on show and the arrows go on
 * from it. Scrolling to a row in view does not move the list. */
static gboolean
track_selected (GtkWidget     *view,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  ScsSidebar *self = user_data;
  guint position;

  if (++self->track_frames < 2)
    return G_SOURCE_CONTINUE;
  self->track_id = 0;
  position = self->selected != NULL ? position_in (G_LIST_MODEL (self->filtered), self->selected)
                                    : GTK_INVALID_LIST_POSITION;
  if (position != GTK_INVALID_LIST_POSITION && !gtk_widget_has_focus (view) &&
      gtk_widget_get_focus_child (view) == NULL)
    gtk_widget_activate_action (view, "list.scroll-to-item", "u", position);
  return G_SOURCE_REMOVE;
}

static void
sync_selection (ScsSidebar *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selected != NULL)
    position = position_in (G_LIST_MODEL (self->filtered), self->selected);
  if (self->selected != NULL && position == GTK_INVALID_LIST_POSITION)
    {
      /* Open the branches above the node so that its row exists. */
      g_autoptr(GPtrArray) chain = g_ptr_array_new ();

      for (ScsNode *n = scs_node_get_parent (self->selected); n != NULL; n = scs_node_get_parent (n))
        g_ptr_array_insert (chain, 0, n);
      for (guint i = 0; i < chain->len; i++)
        {
          guint at = position_in (G_LIST_MODEL (self->tree), g_ptr_array_index (chain, i));

          if (at != GTK_INVALID_LIST_POSITION)
            {
              g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), at);

              gtk_tree_list_row_set_expanded (row, TRUE);
            }
        }
      position = position_in (G_LIST_MODEL (self->filtered), self->selected);
    }

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    {
      scroll_into_view (self, position);
      self->track_frames = 0;
      if (self->track_id == 0)
        self->track_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), track_selected,
                                                       self, NULL);
    }
}

void
scs_sidebar_refilter (ScsSidebar *self)
{
  g_clear_handle_id (&self->refilter_id, g_source_remove);
  compute_visible (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    self->engagement != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0
                                    ? "empty" : "list");
  sync_selection (self);
}

static gboolean
on_refilter_timeout (gpointer user_data)
{
  ScsSidebar *self = user_data;

  self->refilter_id = 0;
  scs_sidebar_refilter (self);
  return G_SOURCE_REMOVE;
}

static void
on_engagement_changed (ScsEngagement *engagement,
                       ScsSidebar    *self)
{
  /* Only the status filters depend on answers; wait until typing pauses. */
  if (self->filters != 0 && self->refilter_id == 0)
    self->refilter_id = g_timeout_add (400, on_refilter_timeout, self);
}

static void
on_selection_changed (ScsSidebar *self)
{
  GtkTreeListRow *row;
  g_autoptr(ScsNode) node = NULL;

  if (self->selecting)
    return;
  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return;
  node = gtk_tree_list_row_get_item (row);
  if (node != self->selected)
    {
      g_set_object (&self->selected, node);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  ScsNode *node = item;

  if (scs_node_get_kind (node) >= SCS_NODE_CRITERION)
    return NULL;
  return g_object_ref (scs_node_get_children (node));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ScsSidebar               *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), scs_sidebar_row_new ());
  gtk_list_item_set_child (item, expander);
  /* The list item tells scroll_into_view which position a row widget shows. */
  g_object_set_data (G_OBJECT (expander), "scs-list-item", item);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ScsSidebar               *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  g_autoptr(ScsNode) node = gtk_tree_list_row_get_item (row);

  /* No "unbind" handler: GTK 4.8 unbinds rows when the selection moves only to bind them
   * to the same item again, and rebuilding the expander's indentation each time made
   * moving the selection slow. A row bound to another item replaces what it shows; a
   * row that is dropped lets go of it on dispose. */
  if (gtk_tree_expander_get_list_row (expander) != row)
    gtk_tree_expander_set_list_row (expander, row);
  scs_sidebar_row_bind (SCS_SIDEBAR_ROW (gtk_tree_expander_get_child (expander)), node,
                        self->engagement, self->company_mode);
}

static void
on_search_changed (ScsSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->needle, g_free);
  if (stripped[0] != '\0')
    self->needle = fold (stripped);
  scs_sidebar_refilter (self);
}

static void
on_stop_search (ScsSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Enter in the search field opens the first criterion that matches. */
static void
on_search_activate (ScsSidebar *self)
{
  GListModel *criteria;
  guint n;

  /* The text as typed, even if the delayed search-changed has not come yet. */
  on_search_changed (self);
  if (self->engagement == NULL || self->needle == NULL)
    return;
  criteria = scs_framework_get_assessables (scs_engagement_get_framework (self->engagement),
                                            scs_engagement_get_level (self->engagement));
  n = g_list_model_get_n_items (criteria);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsNode) c = g_list_model_get_item (criteria, i);

      if (text_matches (self, c) && status_matches (self, c))
        {
          scs_sidebar_select (self, c);
          g_signal_emit (self, signals[ACTIVATED], 0, c);
          return;
        }
    }
  gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
}

static void
on_list_activate (ScsSidebar *self,
                  guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  g_autoptr(ScsNode) node = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (node != NULL && scs_node_get_kind (node) == SCS_NODE_CRITERION)
    g_signal_emit (self, signals[ACTIVATED], 0, node);
}

static void
on_filter_toggled (ScsSidebar *self)
{
  ScsSidebarFilter filters = 0;

  if (gtk_toggle_button_get_active (self->unanswered_toggle))
    filters |= SCS_SIDEBAR_FILTER_UNANSWERED;
  if (gtk_toggle_button_get_active (self->improvement_toggle))
    filters |= SCS_SIDEBAR_FILTER_IMPROVEMENT;
  if (gtk_toggle_button_get_active (self->comment_toggle))
    filters |= SCS_SIDEBAR_FILTER_COMMENT;
  if (gtk_toggle_button_get_active (self->disagreement_toggle))
    filters |= SCS_SIDEBAR_FILTER_DISAGREEMENT;
  if (gtk_toggle_button_get_active (self->flagged_toggle))
    filters |= SCS_SIDEBAR_FILTER_FLAGGED;
  if (filters == self->filters)
    return;
  self->filters = filters;
  scs_sidebar_refilter (self);
}

void
scs_sidebar_set_filters (ScsSidebar       *self,
                         ScsSidebarFilter  filters)
{
  gtk_toggle_button_set_active (self->unanswered_toggle, filters & SCS_SIDEBAR_FILTER_UNANSWERED);
  gtk_toggle_button_set_active (self->improvement_toggle, filters & SCS_SIDEBAR_FILTER_IMPROVEMENT);
  gtk_toggle_button_set_active (self->comment_toggle, filters & SCS_SIDEBAR_FILTER_COMMENT);
  gtk_toggle_button_set_active (self->disagreement_toggle,
                                filters & SCS_SIDEBAR_FILTER_DISAGREEMENT);
  gtk_toggle_button_set_active (self->flagged_toggle, filters & SCS_SIDEBAR_FILTER_FLAGGED);
}

void
scs_sidebar_set_search (ScsSidebar *self,
                        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* search-changed is delayed; apply at once so callers see the result. */
  on_search_changed (self);
}

void
scs_sidebar_focus_search (ScsSidebar *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
scs_sidebar_set_engagement (ScsSidebar    *self,
                            ScsEngagement *engagement)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  GListModel *roots;

  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_data (self->engagement, self);
  g_set_object (&self->engagement, engagement);
  g_clear_object (&self->selected);
  g_hash_table_remove_all (self->haystacks);
  g_clear_pointer (&self->visible, g_hash_table_unref);

  if (engagement != NULL)
    {
      g_signal_connect (engagement, "changed", G_CALLBACK (on_engagement_changed), self);
      roots = scs_framework_get_categories (scs_engagement_get_framework (engagement),
                                            scs_engagement_get_level (engagement));
      tree = gtk_tree_list_model_new (g_object_ref (roots), FALSE, TRUE, create_children, NULL,
                                      NULL);
    }
  g_set_object (&self->tree, tree);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (tree));
  scs_sidebar_refilter (self);
}

static void
set_company_mode (ScsSidebar *self,
                  gboolean    company_mode)
{
  if (self->company_mode == company_mode)
    return;
  self->company_mode = company_mode;
  gtk_widget_set_visible (GTK_WIDGET (self->improvement_toggle), !company_mode);
  gtk_widget_set_visible (GTK_WIDGET (self->comment_toggle), !company_mode);
  gtk_widget_set_visible (GTK_WIDGET (self->disagreement_toggle), !company_mode);
  gtk_widget_set_visible (GTK_WIDGET (self->flagged_toggle), !company_mode);
  if (company_mode)
    scs_sidebar_set_filters (self, self->filters & SCS_SIDEBAR_FILTER_UNANSWERED);
  /* Rebinding every row shows the company's answers in place of the verdicts. */
  gtk_filter_list_model_set_model (self->filtered, NULL);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->tree));
  sync_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY_MODE]);
}

ScsNode *
scs_sidebar_get_selected (ScsSidebar *self)
{
  return self->selected;
}

void
scs_sidebar_select (ScsSidebar *self,
                    ScsNode    *node)
{
  gboolean hidden = node != NULL && self->visible != NULL &&
                    !g_hash_table_contains (self->visible, node);

  if (node != self->selected)
    {
      g_set_object (&self->selected, node);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  if (hidden)
    scs_sidebar_refilter (self);
  else
    sync_selection (self);
}

ScsNode *
scs_sidebar_step (ScsSidebar *self,
                  int         direction)
{
  GListModel *criteria;
  guint n, start = 0;
  int i;
  gboolean found = FALSE;

  if (self->engagement == NULL)
    return NULL;
  criteria = scs_framework_get_assessables (scs_engagement_get_framework (self->engagement),
                                            scs_engagement_get_level (self->engagement));
  n = g_list_model_get_n_items (criteria);

  /* From a group, the first criterion inside it is “next”, the one before it “previous”. */
  for (guint k = 0; k < n && !found; k++)
    {
      g_autoptr(ScsNode) c = g_list_model_get_item (criteria, k);

      for (ScsNode *p = c; p != NULL && !found; p = scs_node_get_parent (p))
        if (p == self->selected)
          {
            found = TRUE;
            start = k;
          }
    }
  if (!found)
    i = direction > 0 ? -1 : (int) n;
  else if (self->selected != NULL && scs_node_get_kind (self->selected) != SCS_NODE_CRITERION &&
           direction > 0)
    i = (int) start - 1;
  else
    i = (int) start;

  for (i += direction; i >= 0 && i < (int) n; i += direction)
    {
      g_autoptr(ScsNode) c = g_list_model_get_item (criteria, i);

      if (self->visible == NULL || g_hash_table_contains (self->visible, c))
        return c;
    }
  return NULL;
}

GListModel *
scs_sidebar_get_model (ScsSidebar *self)
{
  return G_LIST_MODEL (self->filtered);
}

static void
scs_sidebar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ScsSidebar *self = SCS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_COMPANY_MODE:
      g_value_set_boolean (value, self->company_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_sidebar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_COMPANY_MODE:
      set_company_mode (SCS_SIDEBAR (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_sidebar_dispose (GObject *object)
{
  ScsSidebar *self = SCS_SIDEBAR (object);

  g_clear_handle_id (&self->refilter_id, g_source_remove);
  if (self->track_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->track_id);
  self->track_id = 0;
  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_data (self->engagement, self);
  g_clear_object (&self->engagement);
  g_clear_object (&self->selected);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_SIDEBAR);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_pointer (&self->haystacks, g_hash_table_unref);
  g_clear_pointer (&self->visible, g_hash_table_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (scs_sidebar_parent_class)->dispose (object);
}

static void
scs_sidebar_class_init (ScsSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = scs_sidebar_get_property;
  object_class->set_property = scs_sidebar_set_property;
  object_class->dispose = scs_sidebar_dispose;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, SCS_TYPE_NODE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COMPANY_MODE] = scs_view_param_company_mode ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A criterion chosen to work on: Enter in the search field or on a row. */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, SCS_TYPE_NODE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SCS_RESOURCE_PREFIX "/ui/scs-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebar, filter_box);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebar, unanswered_toggle);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebar, improvement_toggle);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebar, comment_toggle);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebar, disagreement_toggle);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebar, flagged_toggle);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebar, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled);
}

static void
scs_sidebar_init (ScsSidebar *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->haystacks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (factory);

  /* Arrows in the tree are the list view's own. */
  scs_keynav_group (GTK_WIDGET (self->list_view), FALSE);
  /* Each chip is focused itself, not the flow box child around it as well. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  scs_keynav_group (GTK_WIDGET (self->filter_box), TRUE);
}
