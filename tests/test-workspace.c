/* test-workspace.c — the main window driven through its actions, as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scs-ui-test.h"
#include "scs-sidebar-row.h"
#include "scs-test.h"

static ScsApplication *app;

static char *
example_path (void)
{
  return g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples", "example-aaa.scsa", NULL);
}

static ScsWindow *
open_example (char **copy)
{
  g_autofree char *path = example_path ();

  return scs_ui_test_open_copy (app, path, copy);
}

static void
select_node (ScsWindow  *window,
             const char *id)
{
  scs_sidebar_select (scs_window_get_sidebar (window), scs_ui_test_node (window, id));
  SCS_UI_TEST_WAIT_FOR (g_strcmp0 (scs_node_get_id (scs_window_get_node (window)), id) == 0,
                        "the node selected in the sidebar to be shown");
  /* The sidebar scrolls to the row as it lays out: a frame later. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (scs_node_get_id (scs_window_get_node (window)), ==, id);
}

static void
activate (ScsWindow  *window,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  scs_ui_test_flush ();
}

static void
set_text_view (ScsCriterionPage *page,
               const char       *name,
               const char       *text)
{
  GtkTextView *view = scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, name);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
wait_saved (ScsWindow *window)
{
  SCS_UI_TEST_WAIT_FOR (!scs_window_is_saving (window), "the save to finish");
  g_assert_false (scs_window_is_saving (window));
}

/* Status, verdict, comment and evidence by actions and widgets; undo, redo, save,
 * reopen: the file holds exactly what the window showed. */
static void
test_edit_save_reopen (void)
{
  g_autofree char *copy = NULL;
  ScsWindow *window = open_example (&copy);
  ScsCriterionPage *page = scs_window_get_criterion_page (window);
  ScsAssessment *a;
  ScsRecord *site;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_default ();
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  g_autoptr(ScsEngagement) reopened = NULL;
  g_autoptr(GBytes) shown = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (scs_window_is_modified (window));
  select_node (window, "5-1-1-1");
  a = scs_criterion_page_get_assessment (page);
  g_assert_cmpstr (scs_assessment_get_criterion (a), ==, "5-1-1-1");

  activate (window, "win.company-status", g_variant_new_int32 (4));
  g_assert_cmpstr (scs_assessment_get_company_status (a), ==, "not_done");
  activate (window, "win.verdict", g_variant_new_int32 (2));
  g_assert_cmpstr (scs_assessment_get_verdict (a), ==, "needs_improvement");
  g_assert_true (scs_window_is_modified (window));

  set_text_view (page, "expert_comment_view", "EDR導入は計画中。2026年度上期に導入予定。");
  g_assert_cmpstr (scs_assessment_get_expert_comment (a), ==, "EDR導入は計画中。2026年度上期に導入予定。");
  g_assert_false (scs_engagement_is_missing_comment (scs_window_get_engagement (window), a,
                                                     SCS_COUNT_WITH_FOLLOW_UP));
  set_text_view (page, "internal_note_view", "CANARY-INTERNAL-NOTE");

  /* The site observation: switch, place and date, starting from what the example has. */
  site = SCS_RECORD (scs_assessment_get_procedure (a, 2));
  {
    gboolean performed = scs_record_get_boolean (site, SCS_M_PROCEDURE_PERFORMED);
    g_autofree char *place = g_strdup (scs_record_get_string (site, SCS_M_PROCEDURE_PLACE));
    g_autofree char *date = g_strdup (scs_record_get_string (site, SCS_M_PROCEDURE_DATE));
    AdwEntryRow *place_row = scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "site_place_row");
    AdwEntryRow *date_row = scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "site_date_row");

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place_row)), ==, place);
    adw_expander_row_set_enable_expansion (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "site_row"),
                                           !performed);
    g_assert_cmpint (scs_record_get_boolean (site, SCS_M_PROCEDURE_PERFORMED), ==, !performed);
    gtk_editable_set_text (GTK_EDITABLE (place_row), "サーバー室");
    g_assert_cmpstr (scs_record_get_string (site, SCS_M_PROCEDURE_PLACE), ==, "サーバー室");
    gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-01");
    g_assert_cmpstr (scs_record_get_string (site, SCS_M_PROCEDURE_DATE), ==, date);   /* half-typed: kept out */
    gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-01-15");
    g_assert_cmpstr (scs_record_get_string (site, SCS_M_PROCEDURE_DATE), ==, "2026-01-15");

    /* Undo walks back through the date, the place and the switch; redo brings them back. */
    activate (window, "win.undo", NULL);
    g_assert_cmpstr (scs_record_get_string (site, SCS_M_PROCEDURE_DATE), ==, date);
    activate (window, "win.undo", NULL);
    g_assert_cmpstr (scs_record_get_string (site, SCS_M_PROCEDURE_PLACE), ==, place);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place_row)), ==, place);
    activate (window, "win.undo", NULL);
    g_assert_cmpint (scs_record_get_boolean (site, SCS_M_PROCEDURE_PERFORMED), ==, performed);
    activate (window, "win.redo", NULL);
    activate (window, "win.redo", NULL);
    activate (window, "win.redo", NULL);
    g_assert_cmpint (scs_record_get_boolean (site, SCS_M_PROCEDURE_PERFORMED), ==, !performed);
    g_assert_cmpstr (scs_record_get_string (site, SCS_M_PROCEDURE_DATE), ==, "2026-01-15");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2026-01-15");
  }

  /* Undo of an edit on another criterion shows that criterion. */
  select_node (window, "1-2-1-1");
  activate (window, "win.undo", NULL);
  g_assert_cmpstr (scs_node_get_id (scs_window_get_node (window)), ==, "5-1-1-1");
  activate (window, "win.redo", NULL);

  activate (window, "win.save", NULL);
  wait_saved (window);
  g_assert_false (scs_window_is_modified (window));

  reopened = scs_storage_load (catalog, file, NULL, &error);
  g_assert_no_error (error);
  shown = scs_storage_serialize (scs_window_get_engagement (window));
  saved = scs_storage_serialize (reopened);
  g_assert_true (g_bytes_equal (shown, saved));
  a = scs_engagement_get_assessment (reopened, "5-1-1-1");
  g_assert_cmpstr (scs_assessment_get_verdict (a), ==, "needs_improvement");
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (scs_assessment_get_procedure (a, 2)), SCS_M_PROCEDURE_PLACE), ==, "サーバー室");
  scs_ui_test_destroy (window);
}

static GtkWidget *
find_expander_titled (GtkWidget  *widget,
                      const char *title)
{
  if (ADW_IS_EXPANDER_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_expander_titled (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A document named on a criterion page becomes an entry of the inventory, cited by its id:
 * the file the window saves loads, the Documents page lists the entry with the criterion
 * that cites it, and one undo takes back both the citation and the entry. */
static void
test_cite_typed_document (void)
{
  const char *title = "情報セキュリティ基本方針🔒";
  g_autofree char *copy = NULL;
  ScsWindow *window = open_example (&copy);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsCriterionPage *page = scs_window_get_criterion_page (window);
  AdwEntryRow *new_document = scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "new_document_row");
  GListModel *documents = scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_DOCUMENTS);
  guint n_documents = g_list_model_get_n_items (documents);
  g_autoptr(ScsCatalog) catalog = scs_catalog_new_default ();
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  g_autoptr(ScsEngagement) reopened = NULL;
  g_autoptr(GError) error = NULL;
  ScsEngagementPage *engagement_page;
  ScsRecord *proc, *doc;
  GListModel *refs;
  guint n_refs;
  GtkWidget *row;
  g_autofree char *id = NULL;

  select_node (window, "5-1-1-1");
  proc = SCS_RECORD (scs_assessment_get_procedure (scs_criterion_page_get_assessment (page), 0));
  refs = scs_record_get_list (proc, SCS_M_PROCEDURE_REFS);
  n_refs = g_list_model_get_n_items (refs);

  gtk_editable_set_text (GTK_EDITABLE (new_document), title);
  g_signal_emit_by_name (new_document, "apply");
  scs_ui_test_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_document)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n_documents + 1);
  g_assert_cmpuint (g_list_model_get_n_items (refs), ==, n_refs + 1);
  doc = scs_engagement_find_document_by_title (engagement, title);
  g_assert_nonnull (doc);
  id = g_strdup (scs_record_get_string (doc, SCS_M_DOCUMENT_ID));
  {
    g_autoptr(ScsRecord) ref = g_list_model_get_item (refs, n_refs);

    g_assert_cmpstr (scs_record_get_string (ref, SCS_M_REFERENCE_DOCUMENT), ==, id);
  }

  activate (window, "win.save", NULL);
  wait_saved (window);
  reopened = scs_storage_load (catalog, file, NULL, &error);
  g_assert_no_error (error);
  {
    ScsAssessment *a = scs_engagement_get_assessment (reopened, "5-1-1-1");
    GListModel *saved_refs = scs_record_get_list (SCS_RECORD (scs_assessment_get_procedure (a, 0)), SCS_M_PROCEDURE_REFS);
    g_autoptr(ScsRecord) ref = g_list_model_get_item (saved_refs, n_refs);
    ScsRecord *entry = scs_engagement_find_document_by_title (reopened, title);

    g_assert_nonnull (entry);
    g_assert_cmpstr (scs_record_get_string (ref, SCS_M_REFERENCE_DOCUMENT), ==, scs_record_get_string (entry, SCS_M_DOCUMENT_ID));
  }

  /* The Documents page lists it, cited by this criterion. */
  activate (window, "win.view", g_variant_new_string ("engagement"));
  engagement_page = scs_window_get_engagement_page (window);
  scs_engagement_page_show_section (engagement_page, "documents");
  SCS_UI_TEST_WAIT_FOR ((row = find_expander_titled (GTK_WIDGET (engagement_page), title)) != NULL,
                        "the new document's row on the Documents section");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), id));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "cited by 1 criterion"));
  g_assert_false (gtk_widget_get_sensitive (scs_ui_test_icon_button (row, "user-trash-symbolic")));

  /* One undo: the citation and the entry go together. */
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (refs), ==, n_refs);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n_documents);
  g_assert_null (scs_engagement_find_document_by_title (engagement, title));
  activate (window, "win.redo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n_documents + 1);
  g_assert_cmpuint (g_list_model_get_n_items (refs), ==, n_refs + 1);
  scs_ui_test_destroy (window);
  g_unlink (copy);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (SCS_IS_SIDEBAR_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_rows (c, rows);
}

/* The row of node, and whether it is on screen from top to bottom. Every row on screen
 * shows its own node: rows the selection passes over are not left with stale content. */
static gboolean
row_in_view (ScsWindow  *window,
             const char *id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gboolean found = FALSE;

  collect_rows (GTK_WIDGET (scs_window_get_sidebar (window)), rows);
  g_assert_cmpuint (rows->len, >, 5);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *view = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_VIEW);
      GtkWidget *expander = gtk_widget_get_ancestor (row, GTK_TYPE_TREE_EXPANDER);
      GtkTreeListRow *list_row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
      g_autoptr(ScsNode) node = NULL;
      g_autofree char *prefix = NULL;
      graphene_rect_t bounds;

      if (list_row == NULL || !gtk_widget_get_child_visible (gtk_widget_get_parent (expander)))
        continue;
      node = gtk_tree_list_row_get_item (list_row);
      prefix = g_strconcat (scs_node_get_id (node), " ", NULL);
      g_assert_true (g_str_has_prefix (scs_sidebar_row_get_summary (SCS_SIDEBAR_ROW (row)), prefix));
      if (!g_str_equal (scs_node_get_id (node), id))
        continue;
      g_assert_true (gtk_widget_compute_bounds (row, view, &bounds));
      found = bounds.origin.y >= 0 &&
              bounds.origin.y + bounds.size.height <= gtk_widget_get_height (view);
    }
  return found;
}

/* The selected row is always brought into view, past it by half a screen so that the
 * next steps do not scroll; a row already in view does not move the list. */
static void
test_sidebar_follows (void)
{
  ScsWindow *window = open_example (NULL);
  GtkWidget *sidebar = GTK_WIDGET (scs_window_get_sidebar (window));
  GtkWidget *view = scs_ui_test_child (sidebar, SCS_TYPE_SIDEBAR, "list_view");
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  double before;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  select_node (window, "1-2-1-1");
  SCS_UI_TEST_WAIT_FOR (row_in_view (window, "1-2-1-1"), "the selected row in view");
  g_assert_true (row_in_view (window, "1-2-1-1"));
  g_assert_false (row_in_view (window, "5-1-1-1"));

  select_node (window, "5-1-1-1");
  SCS_UI_TEST_WAIT_FOR (row_in_view (window, "5-1-1-1"), "the selected row in view");
  g_assert_true (row_in_view (window, "5-1-1-1"));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  /* Stepping on: the rows after 5-1-1-1 were scrolled into view with it. */
  before = gtk_adjustment_get_value (adjustment);
  activate (window, "win.next", NULL);
  SCS_UI_TEST_WAIT_FOR (row_in_view (window, scs_node_get_id (scs_window_get_node (window))),
                        "the next row in view");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (scs_node_get_id (scs_window_get_node (window)), !=, "5-1-1-1");
  g_assert_true (row_in_view (window, scs_node_get_id (scs_window_get_node (window))));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, before);

  /* And back to the top. */
  select_node (window, "1-2-1-1");
  SCS_UI_TEST_WAIT_FOR (row_in_view (window, "1-2-1-1"), "the selected row in view");
  g_assert_true (row_in_view (window, "1-2-1-1"));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, before);
  scs_ui_test_destroy (window);
}

/* The submenu "Open Recent" of the file section, or NULL. */
static GMenuModel *
recent_submenu (ScsWindow *window)
{
  GMenuModel *section = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), SCS_TYPE_WINDOW,
                                                                     "file_section"));

  for (int i = 0; i < g_menu_model_get_n_items (section); i++)
    {
      GMenuModel *submenu = g_menu_model_get_item_link (section, i, G_MENU_LINK_SUBMENU);

      if (submenu != NULL)
        {
          g_object_unref (submenu);   /* the section keeps it */
          return submenu;
        }
    }
  return NULL;
}

static gboolean
menu_has_target (GMenuModel *menu,
                 const char *uri)
{
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                           G_VARIANT_TYPE_STRING);

      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), uri))
        return TRUE;
    }
  return FALSE;
}

static GtkDropTarget *
drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* A file opened once is offered under Open Recent, and opens from there; a file dropped
 * on an empty window opens in it. */
static void
test_recent_and_drop (void)
{
  g_autofree char *copy = NULL;
  ScsWindow *first = open_example (&copy);
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  g_autofree char *uri = g_file_get_uri (file);
  ScsWindow *second, *third;
  GtkDropTarget *target;
  GValue value = G_VALUE_INIT;
  GSList *files;
  gboolean accepted = FALSE;

  SCS_UI_TEST_WAIT_FOR (menu_has_target (recent_submenu (first), uri),
                        "the file to be listed in the recent files menu");
  g_assert_true (menu_has_target (recent_submenu (first), uri));
  scs_ui_test_destroy (first);

  second = scs_window_new (app);
  gtk_window_present (GTK_WINDOW (second));
  g_assert_true (scs_window_is_empty (second));
  SCS_UI_TEST_WAIT_FOR (menu_has_target (recent_submenu (second), uri),
                        "the file to be listed in a new window's recent files menu");
  g_assert_true (menu_has_target (recent_submenu (second), uri));
  activate (second, "win.open-recent", g_variant_new_string (uri));
  g_assert_false (scs_window_is_empty (second));
  g_assert_true (g_file_equal (scs_window_get_file (second), file));
  scs_ui_test_destroy (second);

  third = scs_window_new (app);
  gtk_window_present (GTK_WINDOW (third));
  target = drop_target (GTK_WIDGET (third));
  g_assert_nonnull (target);
  files = g_slist_prepend (NULL, g_object_ref (file));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  SCS_UI_TEST_WAIT_FOR (!scs_window_is_empty (third), "the dropped file to open");
  g_assert_true (accepted);
  g_assert_false (scs_window_is_empty (third));
  g_assert_true (g_file_equal (scs_window_get_file (third), file));
  scs_ui_test_destroy (third);
}

/* Sidebar rows and verdict buttons say what they are to assistive technology. */
static void
test_accessibility (void)
{
  ScsWindow *window = open_example (NULL);
  ScsCriterionPage *page = scs_window_get_criterion_page (window);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *verdicts = scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_box");
  gboolean found_missing = FALSE;
  guint n_buttons = 0;

  /* 4-2-2-1 needs improvement; make its comment missing so the row must say so. */
  select_node (window, "4-2-2-1");
  set_text_view (page, "expert_comment_view", "");
  scs_ui_test_flush ();
  collect_rows (GTK_WIDGET (scs_window_get_sidebar (window)), rows);
  g_assert_cmpuint (rows->len, >, 5);
  for (guint i = 0; i < rows->len; i++)
    {
      ScsSidebarRow *row = g_ptr_array_index (rows, i);
      const char *summary = scs_sidebar_row_get_summary (row);
      const char *status = scs_sidebar_row_get_status (row);
      /* The name: the id and the words; the description: how it stands. */
      g_autofree char *label = g_strndup (summary, strlen (summary) - strlen (status) - 2);

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status);
      if (g_str_has_prefix (summary, "4-2-2-1 "))
        {
          g_assert_nonnull (strstr (summary, "Verdict: Needs improvement"));
          /* The criterion's words, not only its id; the status apart from them. */
          g_assert_cmpuint (g_utf8_strlen (label, -1), >, strlen ("4-2-2-1 ") + 10);
          g_assert_true (g_str_has_prefix (status, "Verdict: Needs improvement"));
          g_assert_nonnull (strstr (summary, "comment missing"));
          found_missing = TRUE;
        }
    }
  g_assert_true (found_missing);

  /* GTK 4.8 exposes toggle buttons as buttons with a pressed state. */
  for (GtkWidget *b = gtk_widget_get_first_child (verdicts); b != NULL; b = gtk_widget_get_next_sibling (b))
    {
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (b), GTK_ACCESSIBLE_ROLE_BUTTON);
      if (n_buttons == 1)   /* “Needs improvement”, the verdict of 4-2-2-1 */
        gtk_test_accessible_assert_state (GTK_ACCESSIBLE (b), GTK_ACCESSIBLE_STATE_PRESSED,
                                          GTK_ACCESSIBLE_TRISTATE_TRUE);
      n_buttons++;
    }
  g_assert_cmpuint (n_buttons, ==, 3);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_widget_get_first_child (verdicts))), ==, "Conforms");
  g_assert_true (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "missing_comment_box")));
  scs_ui_test_destroy (window);
}

static GPtrArray *
listed_ids (ScsWindow *window)
{
  GListModel *model = scs_sidebar_get_model (scs_window_get_sidebar (window));
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(ScsNode) node = gtk_tree_list_row_get_item (row);

      g_ptr_array_add (ids, (gpointer) scs_node_get_id (node));
    }
  return ids;
}

static gboolean
has_id (GPtrArray  *ids,
        const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), id))
      return TRUE;
  return FALSE;
}

/* Search by id and by Japanese text, status filters, and a selection that survives. */
static void
test_filtering (void)
{
  ScsWindow *window = open_example (NULL);
  ScsSidebar *sidebar = scs_window_get_sidebar (window);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) by_id = NULL;
  g_autoptr(GPtrArray) by_text = NULL;
  g_autoptr(GPtrArray) improving = NULL;

  select_node (window, "1-2-1-1");
  all = listed_ids (window);
  g_assert_cmpuint (all->len, ==, 7 + 12 + 26 + 81);

  scs_sidebar_set_search (sidebar, "4-3-4");
  by_id = listed_ids (window);
  g_assert_true (has_id (by_id, "4-3-4-1"));
  g_assert_true (has_id (by_id, "4-3"));
  g_assert_false (has_id (by_id, "4-2-2-1"));
  /* The criterion on show stays listed and selected. */
  g_assert_true (has_id (by_id, "1-2-1-1"));
  g_assert_cmpstr (scs_node_get_id (scs_sidebar_get_selected (sidebar)), ==, "1-2-1-1");

  scs_sidebar_set_search (sidebar, "バックアップ");
  by_text = listed_ids (window);
  for (guint i = 0; i < by_text->len; i++)
    {
      const char *id = g_ptr_array_index (by_text, i);
      ScsNode *node = scs_ui_test_node (window, id);

      if (scs_node_get_kind (node) == SCS_NODE_CRITERION && !g_str_equal (id, "1-2-1-1"))
        {
          gboolean hit = FALSE;

          for (ScsNode *n = node; n != NULL; n = scs_node_get_parent (n))
            hit |= strstr (scs_node_get_text (n), "バックアップ") != NULL ||
                   strstr (scs_node_get_title (n), "バックアップ") != NULL;
          g_assert_true (hit);
        }
    }
  g_assert_cmpuint (by_text->len, <, all->len);
  g_assert_cmpuint (by_text->len, >, 1);

  scs_sidebar_set_search (sidebar, "");
  scs_sidebar_set_filters (sidebar, SCS_SIDEBAR_FILTER_IMPROVEMENT);
  improving = listed_ids (window);
  g_assert_true (has_id (improving, "4-2-2-1"));
  for (guint i = 0; i < improving->len; i++)
    {
      const char *id = g_ptr_array_index (improving, i);
      ScsNode *node = scs_ui_test_node (window, id);

      if (scs_node_get_kind (node) == SCS_NODE_CRITERION && !g_str_equal (id, "1-2-1-1"))
        g_assert_cmpint (scs_engagement_get_conformance (engagement, id, SCS_COUNT_WITH_FOLLOW_UP), ==,
                         SCS_CONFORMANCE_NOT_CONFORMING);
    }

  /* Next and previous step through what the filter shows, and focus the top of the form
   * (the company's status), not the comment further down. */
  select_node (window, "4-2-2-1");
  SCS_UI_TEST_WAIT_FOR (row_in_view (window, "4-2-2-1"), "the selected row in view");
  activate (window, "win.next", NULL);
  g_assert_cmpstr (scs_node_get_id (scs_window_get_node (window)), ==, "4-2-2-2");
  activate (window, "win.previous", NULL);
  g_assert_cmpstr (scs_node_get_id (scs_window_get_node (window)), ==, "4-2-2-1");
  {
    GtkWidget *status = scs_ui_test_child (scs_window_get_criterion_page (window),
                                           SCS_TYPE_CRITERION_PAGE, "company_box");

    /* On a loaded machine the window may become active (and show focus) a moment later. */
    SCS_UI_TEST_WAIT_FOR (gtk_widget_has_focus (gtk_widget_get_first_child (status)) ||
                          gtk_widget_get_focus_child (status) != NULL,
                          "the company's status to take the focus");
  }
  scs_sidebar_set_filters (sidebar, 0);
  scs_ui_test_destroy (window);
}

/* Closing with unsaved edits asks; Cancel keeps the window, Discard drops the edits and
 * the recovery copy, and the file stays as it was. */
static void
test_unsaved_dialog (void)
{
  g_autofree char *copy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ScsWindow *window = open_example (&copy);
  g_autoptr(GtkWidget) guard = g_object_ref (GTK_WIDGET (window));
  const char *recovery;

  g_assert_true (g_file_get_contents (copy, &before, NULL, NULL));
  select_node (window, "7-1-1-1");
  activate (window, "win.company-status", g_variant_new_int32 (1));
  scs_autosave_flush (scs_window_get_autosave (window));
  recovery = scs_autosave_get_copy_path (scs_window_get_autosave (window));
  SCS_UI_TEST_WAIT_FOR (g_file_test (recovery, G_FILE_TEST_EXISTS), "the recovery copy");
  g_assert_true (g_file_test (recovery, G_FILE_TEST_EXISTS));

  gtk_window_close (GTK_WINDOW (window));
  SCS_UI_TEST_WAIT_FOR (scs_window_get_dialog (window) != NULL, "the unsaved changes dialog");
  g_assert_nonnull (scs_window_get_dialog (window));
  adw_message_dialog_response (scs_window_get_dialog (window), "cancel");
  scs_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (scs_window_is_modified (window));

  gtk_window_close (GTK_WINDOW (window));
  SCS_UI_TEST_WAIT_FOR (scs_window_get_dialog (window) != NULL, "the unsaved changes dialog");
  adw_message_dialog_response (scs_window_get_dialog (window), "discard");
  SCS_UI_TEST_WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (window)), "the window to close");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (copy, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

/* A file from a newer version opens read-only, says why, and is never written. */
static void
test_newer_read_only (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_TEST_DATA"), "bad", "newer-version.scsa", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ScsWindow *window = scs_ui_test_open_copy (app, path, &copy);
  GtkLabel *banner = scs_ui_test_child (window, SCS_TYPE_WINDOW, "banner_label");

  g_assert_true (g_file_get_contents (copy, &before, NULL, NULL));
  g_assert_true (scs_window_is_read_only (window));
  g_assert_nonnull (strstr (gtk_label_get_text (banner), "newer version"));
  /* Disabled actions do nothing: no save starts, no verdict changes. */
  select_node (window, "1-2-1-1");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_false (scs_window_is_saving (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.verdict", "i", 2);
  scs_ui_test_flush ();
  g_assert_cmpstr (scs_assessment_get_verdict (scs_criterion_page_get_assessment (scs_window_get_criterion_page (window))),
                   !=, "needs_improvement");
  g_assert_false (scs_window_is_modified (window));
  gtk_window_close (GTK_WINDOW (window));
  scs_ui_test_flush ();
  g_assert_true (g_file_get_contents (copy, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

/* The message dialog on top of window, or NULL. */
static AdwMessageDialog *
message_dialog_of (ScsWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel)
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/* A file over the engagement limit is refused by the storage layer's check before it is
 * read, with its message; the window stays empty and the file as it was. */
static void
test_open_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-too-large-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.scsa", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ScsWindow *window = scs_window_new (app);
  AdwMessageDialog *dialog;
  FILE *f;

  /* Sparse: its size says 100 MB, and that is all that is looked at. */
  f = fopen (path, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 100 * 1024 * 1024 - 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', f), ==, '\n');
  g_assert_cmpint (fclose (f), ==, 0);

  gtk_window_present (GTK_WINDOW (window));
  scs_window_open_file (window, file);
  SCS_UI_TEST_WAIT_FOR (message_dialog_of (window) != NULL, "the dialog saying why the file was not opened");
  dialog = message_dialog_of (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "huge.scsa"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "too large to be an engagement (100 MB"));
  g_assert_true (scs_window_is_empty (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  scs_ui_test_destroy (window);
  scs_test_remove_tree (dir);
}

/* In company mode the verdict, comments and internal note are out of sight and reach. */
static void
test_company_mode (void)
{
  ScsWindow *window = open_example (NULL);
  ScsCriterionPage *page = scs_window_get_criterion_page (window);

  select_node (window, "4-2-2-1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.company-preview", NULL));
  scs_ui_test_flush ();
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_group")));
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "internal_box")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.verdict", "i", 1);
  scs_ui_test_flush ();
  g_assert_cmpstr (scs_assessment_get_verdict (scs_criterion_page_get_assessment (page)), ==, "needs_improvement");
  activate (window, "win.company-status", g_variant_new_int32 (2));
  g_assert_cmpstr (scs_assessment_get_company_status (scs_criterion_page_get_assessment (page)), ==, "partly");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.company-preview", NULL));
  scs_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_group")));
  scs_ui_test_destroy (window);
}

/* Group pages: a requirement lists its criteria; a subcategory keeps its maturity. */
static void
test_group_pages (void)
{
  ScsWindow *window = open_example (NULL);
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsNodePage *page = scs_window_get_node_page (window);
  AdwComboRow *current = scs_ui_test_child (page, SCS_TYPE_NODE_PAGE, "current_row");
  ScsMaturity *maturity;

  select_node (window, "4-3");
  maturity = scs_engagement_ensure_maturity (engagement, "4-3");
  {
    gint64 before = scs_record_get_int (SCS_RECORD (maturity), SCS_M_MATURITY_CURRENT);
    gint64 wanted = before == 2 ? 3 : 2;

    g_assert_cmpuint (adw_combo_row_get_selected (current), ==, before + 1);  /* “Not set” first */
    adw_combo_row_set_selected (current, wanted + 1);
    g_assert_cmpint (scs_record_get_int (SCS_RECORD (maturity), SCS_M_MATURITY_CURRENT), ==, wanted);
    activate (window, "win.undo", NULL);
    g_assert_cmpint (scs_record_get_int (SCS_RECORD (maturity), SCS_M_MATURITY_CURRENT), ==, before);
    g_assert_cmpuint (adw_combo_row_get_selected (current), ==, before + 1);
  }

  select_node (window, "4-3-4");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "win.show-node", "s", "4-3-4-2"));
  scs_ui_test_flush ();
  g_assert_cmpstr (scs_node_get_id (scs_window_get_node (window)), ==, "4-3-4-2");
  scs_ui_test_destroy (window);
}

/* Evidence files: a regular one is hashed and cited; a pipe, a device and a folder are
 * refused at once, never waited on or read for ever, and nothing is cited. */
static void
test_evidence_files (void)
{
  g_autofree char *copy = NULL;
  ScsWindow *window = open_example (&copy);
  ScsCriterionPage *page = scs_window_get_criterion_page (window);
  g_autofree char *dir = g_dir_make_tmp ("scs-evidence-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.log", NULL);
  g_autofree char *log = g_build_filename (dir, "firewall.log", NULL);
  const char *refused[] = { fifo, "/dev/zero", dir };
  ScsRecord *system;
  GListModel *refs;
  guint n;

  select_node (window, "5-1-1-1");
  system = SCS_RECORD (scs_assessment_get_procedure (scs_criterion_page_get_assessment (page), 1));
  refs = scs_record_get_list (system, SCS_M_PROCEDURE_REFS);
  n = g_list_model_get_n_items (refs);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (log, "deny 10.0.0.1\n", -1, NULL));

  alarm (60);   /* a regression waits on the pipe or reads /dev/zero for ever: fail */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (refused[i]);

      scs_criterion_page_add_file (page, file);
      SCS_UI_TEST_WAIT_FOR (scs_criterion_page_get_n_hashing (page) == 0, "the file to be hashed");
      g_assert_cmpuint (scs_criterion_page_get_n_hashing (page), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (refs), ==, n);
    }
  {
    g_autoptr(GFile) file = g_file_new_for_path (log);
    g_autoptr(ScsRecord) ref = NULL;

    scs_criterion_page_add_file (page, file);
    SCS_UI_TEST_WAIT_FOR (g_list_model_get_n_items (refs) != n, "the file to be cited");
    g_assert_cmpuint (g_list_model_get_n_items (refs), ==, n + 1);
    ref = g_list_model_get_item (refs, n);
    g_assert_cmpint (scs_record_get_int (ref, SCS_M_REFERENCE_SIZE), ==, 14);
    g_assert_cmpuint (strlen (scs_record_get_string (ref, SCS_M_REFERENCE_SHA256)), ==, 64);
  }
  alarm (0);
  g_unlink (fifo);
  g_unlink (log);
  g_rmdir (dir);
  scs_ui_test_destroy (window);
}

int
main (int argc, char *argv[])
{
  app = scs_ui_test_init (&argc, &argv);
  g_test_add_func ("/workspace/edit-save-reopen", test_edit_save_reopen);
  g_test_add_func ("/workspace/cite-typed-document", test_cite_typed_document);
  g_test_add_func ("/workspace/evidence-files", test_evidence_files);
  g_test_add_func ("/workspace/accessibility", test_accessibility);
  g_test_add_func ("/workspace/filtering", test_filtering);
  g_test_add_func ("/workspace/sidebar-follows", test_sidebar_follows);
  g_test_add_func ("/workspace/unsaved-dialog", test_unsaved_dialog);
  g_test_add_func ("/workspace/recent-and-drop", test_recent_and_drop);
  g_test_add_func ("/workspace/newer-read-only", test_newer_read_only);
  g_test_add_func ("/workspace/open-too-large", test_open_too_large);
  g_test_add_func ("/workspace/company-mode", test_company_mode);
  g_test_add_func ("/workspace/group-pages", test_group_pages);
  return g_test_run ();
}
