/* scs-dashboard-page.c — the engagement at a glance: key figures, readiness, the radar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure comes from core's scoring; the radar, its table and the exported image are
 * made from one ScsRadarData, so they cannot disagree. A criterion or subcategory
 * activated is shown in the workspace (action win.show-node).
 *
 * The dashboard says where the engagement stands, so it counts confirmed verdicts only
 * (SCS_COUNT_CONFIRMED): a verdict still marked for follow-up is not yet a result. A card
 * says how many are left out, so the expert knows the figures will move.
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "scs-bind.h"
#include "scs-dashboard-page.h"
#include "scs-engagement-radar.h"
#include "scs-node-row.h"
#include "scs-radar-view.h"
#include "scs-status.h"
#include "scs-window.h"

#define MAX_BLOCKERS_LISTED 30

static const struct {
  ScsRadarSeriesSet flag;
  const char       *label;
  gboolean          expert_only;
} series_toggles[] = {
  { SCS_RADAR_EXPERT, N_("Expert: conformance"), TRUE },
  { SCS_RADAR_COMPANY, N_("Company: self-assessment"), FALSE },
  { SCS_RADAR_MATURITY_CURRENT, N_("Maturity now (0–5)"), TRUE },
  { SCS_RADAR_MATURITY_TARGET, N_("Maturity target (0–5)"), TRUE },
  { SCS_RADAR_BENCHMARK, N_("2025 peers"), FALSE },
};

struct _ScsDashboardPage
{
  GtkWidget          parent_instance;

  GtkWidget         *scroller;
  GtkLabel          *title_label;
  GtkFlowBox        *cards;
  AdwPreferencesGroup *readiness_group;
  GtkListBox        *blockers_list;
  ScsRadarView      *radar;
  GtkFlowBox        *series_box;
  GtkWidget         *series_checks[G_N_ELEMENTS (series_toggles)];  /* one per series_toggles */
  GtkDropDown       *size_dropdown;
  GtkGrid           *table;

  ScsEngagement     *engagement;
  ScsFramework      *checklist;
  gboolean           company_mode;
  ScsRadarSeriesSet  shown;
  gboolean           show_values;
  guint              refresh_id;
};

G_DEFINE_FINAL_TYPE (ScsDashboardPage, scs_dashboard_page, GTK_TYPE_WIDGET)


static const int export_sizes[][2] = {
  { 1920, 1080 }, { 1280, 720 }, { 1600, 1600 }, { 3840, 2160 },
};

static ScsRadarSeriesSet
allowed (ScsDashboardPage *self)
{
  return self->company_mode ? SCS_RADAR_COMPANY | SCS_RADAR_BENCHMARK : SCS_RADAR_ALL;
}

/* cards ------------------------------------------------------------------------------------ */

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_grid_remove (GTK_GRID (box), child);
    }
}

static void
add_card (ScsDashboardPage *self,
          const char       *value,
          const char       *caption,
          const char       *style_class)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *number = gtk_label_new (value);
  GtkWidget *words = gtk_label_new (caption);
  g_autofree char *summary = g_strdup_printf ("%s: %s", caption, value);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "dashboard-card");
  gtk_widget_add_css_class (number, "title-1");
  if (style_class != NULL)
    gtk_widget_add_css_class (number, style_class);
  gtk_label_set_wrap (GTK_LABEL (words), TRUE);
  gtk_label_set_justify (GTK_LABEL (words), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (words, "caption");
  gtk_box_append (GTK_BOX (card), number);
  gtk_box_append (GTK_BOX (card), words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
  gtk_flow_box_append (self->cards, card);
}

static void
add_count_card (ScsDashboardPage *self,
                guint             count,
                const char       *caption,
                const char       *style_class)
{
  g_autofree char *value = g_strdup_printf ("%u", count);

  add_card (self, value, caption, count > 0 ? style_class : NULL);
}

static void
fill_cards (ScsDashboardPage *self)
{
  ScsTally tally;
  g_autofree char *answered = NULL;

  clear_box (GTK_WIDGET (self->cards));
  scs_engagement_tally (self->engagement, NULL, SCS_COUNT_CONFIRMED, &tally);
  if (self->company_mode)
    {
      answered = g_strdup_printf ("%u/%u", tally.n_company_answered, tally.n_criteria);
      add_card (self, answered, _("criteria self-assessed"), NULL);
    }
  else
    {
      answered = g_strdup_printf ("%u/%u", tally.n_answered, tally.n_criteria);
      add_card (self, answered, _("criteria with a verdict"), NULL);
      add_count_card (self, tally.n_conforming, _("conform"), "success");
      add_count_card (self, tally.n_not_conforming, _("need improvement"), "warning");
      add_count_card (self, tally.n_missing_comment, _("verdicts without the required comment"), "error");
      add_count_card (self, tally.n_inflated, _("rated higher by the company than by the expert"), "warning");
      if (tally.n_uncounted > 0)
        add_count_card (self, tally.n_uncounted,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "verdict marked for follow-up, not counted until confirmed",
                                     "verdicts marked for follow-up, not counted until confirmed",
                                     tally.n_uncounted),
                        "warning");
    }

  if (self->checklist != NULL)
    {
      ScsDiagnosisResult result;

      scs_engagement_score_diagnosis (self->engagement, self->checklist, &result);
      if (result.complete && result.band != NULL)
        {
          g_autofree char *score = g_strdup_printf ("%d", result.score);
          g_autofree char *caption = g_strdup_printf (_("five-minute diagnosis: %s"),
                                                      scs_band_get_title (result.band));

          add_card (self, score, caption, NULL);
        }
      else if (result.n_answered > 0)
        {
          g_autofree char *count = g_strdup_printf ("%u/%u", result.n_answered, result.n_items);

          add_card (self, count, _("five-minute diagnosis questions answered"), NULL);
        }
      scs_diagnosis_result_clear (&result);
    }
}

/* readiness -------------------------------------------------------------------------------- */

static void
fill_readiness (ScsDashboardPage *self)
{
  g_autoptr(GPtrArray) blockers = NULL;
  gboolean ready;
  g_autofree char *title = NULL;
  int level = scs_engagement_get_level (self->engagement);

  clear_box (GTK_WIDGET (self->blockers_list));
  gtk_widget_set_visible (GTK_WIDGET (self->readiness_group), !self->company_mode);
  if (self->company_mode)
    return;

  ready = scs_engagement_get_readiness (self->engagement, SCS_COUNT_CONFIRMED, &blockers);
  title = g_strdup_printf (_("Readiness for ★%d"), level);
  adw_preferences_group_set_title (self->readiness_group, title);
  if (ready)
    adw_preferences_group_set_description (self->readiness_group,
                                           _("Ready: every criterion conforms or is justified as not applicable."));
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Not ready: %u criterion blocks it.",
                                                            "Not ready: %u criteria block it.",
                                                            blockers->len),
                                               blockers->len);

      adw_preferences_group_set_description (self->readiness_group, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->blockers_list), !ready);

  for (guint i = 0; blockers != NULL && i < blockers->len && i < MAX_BLOCKERS_LISTED; i++)
    {
      const ScsBlocker *b = g_ptr_array_index (blockers, i);
      GtkWidget *row = scs_node_row_new (b->criterion, FALSE);
      g_autofree char *short_title = scs_status_short_title (b->criterion);
      g_autofree char *row_title = g_strdup_printf ("%s  %s", scs_node_get_id (b->criterion),
                                                    short_title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), scs_blocker_describe (b));
      gtk_list_box_append (self->blockers_list, row);
    }
  if (blockers != NULL && blockers->len > MAX_BLOCKERS_LISTED)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (_("And %u more: the sidebar's filters list them all."),
                                               blockers->len - MAX_BLOCKERS_LISTED);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->blockers_list, row);
    }
}

ScsNode *
scs_dashboard_page_get_row_node (ScsDashboardPage *self,
                                 GtkListBoxRow    *row)
{
  g_return_val_if_fail (SCS_IS_DASHBOARD_PAGE (self), NULL);
  return SCS_IS_NODE_ROW (row) ? scs_node_row_get_node (SCS_NODE_ROW (row)) : NULL;
}

static void
on_blocker_activated (ScsDashboardPage *self,
                      GtkListBoxRow    *row)
{
  ScsNode *node = scs_dashboard_page_get_row_node (self, row);

  if (node != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-node", "s", scs_node_get_id (node));
}

/* radar and table -------------------------------------------------------------------------- */

static GtkWidget *
cell (const char *text,
      float       xalign,
      const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  return label;
}

static void
fill_table (ScsDashboardPage   *self,
            const ScsRadarData *data)
{
  clear_box (GTK_WIDGET (self->table));
  gtk_grid_attach (self->table, cell (_("Subcategory"), 0, "heading"), 0, 0, 1, 1);
  for (guint s = 0; s < data->series->len; s++)
    {
      const ScsRadarSeries *series = g_ptr_array_index (data->series, s);

      gtk_grid_attach (self->table, cell (series->name, 1, "heading"), s + 1, 0, 1, 1);
    }
  for (guint i = 0; i < data->axes->len; i++)
    {
      const ScsRadarAxis *axis = g_ptr_array_index (data->axes, i);
      g_autofree char *name = g_strdup_printf ("%s  %s", axis->id, axis->title);
      GtkWidget *first = cell (name, 0, NULL);

      gtk_widget_set_hexpand (first, TRUE);
      gtk_grid_attach (self->table, first, 0, i + 1, 1, 1);
      for (guint s = 0; s < data->series->len; s++)
        {
          g_autofree char *value = scs_radar_format_value (g_ptr_array_index (data->series, s), i);

          gtk_grid_attach (self->table, cell (value, 1, "numeric"), s + 1, i + 1, 1, 1);
        }
    }
}

static void
fill_radar (ScsDashboardPage *self)
{
  ScsRadarSeriesSet set = allowed (self);
  g_autoptr(ScsRadarData) all = scs_engagement_radar_new (self->engagement, set,
                                                          SCS_COUNT_CONFIRMED, FALSE);

  fill_table (self, all);
  scs_radar_view_set_data (self->radar,
                           scs_engagement_radar_new (self->engagement, set & self->shown,
                                                     SCS_COUNT_CONFIRMED, FALSE));
}

static void
on_series_toggled (GtkCheckButton   *check,
                   ScsDashboardPage *self)
{
  ScsRadarSeriesSet flag = 0;

  for (guint i = 0; i < G_N_ELEMENTS (series_toggles); i++)
    if (self->series_checks[i] == GTK_WIDGET (check))
      flag = series_toggles[i].flag;
  if (flag == 0)
    {
      self->show_values = gtk_check_button_get_active (check);
      scs_radar_view_set_show_values (self->radar, self->show_values);
      return;
    }
  if (gtk_check_button_get_active (check))
    self->shown |= flag;
  else
    self->shown &= ~flag;
  if (self->engagement != NULL)
    fill_radar (self);
}

static void
build_series_toggles (ScsDashboardPage *self)
{
  GtkWidget *values;

  for (guint i = 0; i < G_N_ELEMENTS (series_toggles); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (_(series_toggles[i].label));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      self->series_checks[i] = check;
      g_signal_connect (check, "toggled", G_CALLBACK (on_series_toggled), self);
      gtk_flow_box_append (self->series_box, check);
    }
  values = gtk_check_button_new_with_label (_("Print the values"));
  g_signal_connect (values, "toggled", G_CALLBACK (on_series_toggled), self);
  gtk_flow_box_append (self->series_box, values);
}

static void
on_axis_activated (ScsDashboardPage *self,
                   const char       *id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-node", "s", id);
}

/* refreshing ------------------------------------------------------------------------------- */

void
scs_dashboard_page_refresh (ScsDashboardPage *self)
{
  const char *company;
  g_autofree char *title = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->engagement == NULL)
    return;
  company = scs_record_get_string (SCS_RECORD (scs_engagement_get_company (self->engagement)), SCS_M_COMPANY_NAME);
  /* TRANSLATORS: the dashboard's heading: company name and level */
  title = g_strdup_printf (_("%s — ★%d"), company[0] != '\0' ? company : _("(no company name)"),
                           scs_engagement_get_level (self->engagement));
  gtk_label_set_text (self->title_label, title);
  fill_cards (self);
  fill_readiness (self);
  fill_radar (self);
}

static gboolean
on_refresh_timeout (gpointer user_data)
{
  ScsDashboardPage *self = user_data;

  self->refresh_id = 0;
  scs_dashboard_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Edits come in bursts (typing): the figures follow a moment later, and only while the
 * page is on screen; it catches up when it is shown. */
static void
on_engagement_changed (ScsDashboardPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_id == 0)
    self->refresh_id = g_timeout_add (250, on_refresh_timeout, self);
}

static void
scs_dashboard_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (scs_dashboard_page_parent_class)->map (widget);
  scs_dashboard_page_refresh (SCS_DASHBOARD_PAGE (widget));
}

void
scs_dashboard_page_set_engagement (ScsDashboardPage *self,
                                   ScsEngagement    *engagement,
                                   ScsFramework     *checklist)
{
  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_data (self->engagement, self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_set_object (&self->engagement, engagement);
  g_set_object (&self->checklist, checklist);
  if (engagement == NULL)
    {
      scs_radar_view_set_data (self->radar, NULL);
      return;
    }
  g_signal_connect_swapped (engagement, "changed", G_CALLBACK (on_engagement_changed), self);
  /* Off screen, the page is filled when it is mapped. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    scs_dashboard_page_refresh (self);
}

static void
apply_company_mode (gpointer view)
{
  ScsDashboardPage *self = view;
  gboolean company_mode = self->company_mode;

  /* The flow box child around the check is what takes room. */
  for (guint i = 0; i < G_N_ELEMENTS (series_toggles); i++)
    gtk_widget_set_visible (gtk_widget_get_parent (self->series_checks[i]),
                            !(company_mode && series_toggles[i].expert_only));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    scs_dashboard_page_refresh (self);
}

/* export ----------------------------------------------------------------------------------- */

gboolean
scs_dashboard_page_export_radar (ScsDashboardPage *self,
                                 GFile            *file,
                                 GError          **error)
{
  guint size = MIN (gtk_drop_down_get_selected (self->size_dropdown), G_N_ELEMENTS (export_sizes) - 1);
  g_autoptr(ScsEngagement) drawn = NULL;
  g_autoptr(ScsRadarData) data = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *source = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ScsRadarStyle style;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Reports can only be written to a local folder."));
      return FALSE;
    }
  if (SCS_IS_WINDOW (root) && scs_window_get_file (SCS_WINDOW (root)) != NULL)
    source = g_file_get_path (scs_window_get_file (SCS_WINDOW (root)));
  if (!scs_storage_check_output (path, source, error))
    return FALSE;
  /* The company's image is drawn from a company copy, which holds its answers and nothing
   * of the expert's, so no series could show more. */
  if (self->company_mode)
    {
      static const ScsCompanyCopyOptions answers_only = { FALSE, FALSE };

      drawn = scs_company_copy_new (self->engagement, &answers_only, error);
      if (drawn == NULL)
        return FALSE;
    }
  else
    drawn = g_object_ref (self->engagement);
  /* The image may end up in front of the company: confirmed verdicts, as on screen. */
  data = scs_engagement_radar_new (drawn, allowed (self) & self->shown, SCS_COUNT_CONFIRMED, TRUE);
  /* Images go on slides and paper: the light style, whatever the app's. */
  scs_radar_style_init_light (&style);
  style.show_values = self->show_values;
  return scs_radar_export (data, &style, path, export_sizes[size][0], export_sizes[size][1], error);
}

static void
toast (ScsDashboardPage *self,
       const char       *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
on_export_response (GtkNativeDialog  *dialog,
                    int               response,
                    ScsDashboardPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (file);

      if (scs_dashboard_page_export_radar (self, file, &error))
        {
          g_autofree char *text = g_strdup_printf (_("Radar image written to %s"), name);

          toast (self, text);
        }
      else
        toast (self, error->message);
    }
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

static void
action_export_radar (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  ScsDashboardPage *self = SCS_DASHBOARD_PAGE (widget);
  GtkFileChooserNative *chooser;
  const char *company;
  g_autofree char *suggested = NULL;

  if (self->engagement == NULL)
    return;
  company = scs_record_get_string (SCS_RECORD (scs_engagement_get_company (self->engagement)), SCS_M_COMPANY_NAME);
  /* TRANSLATORS: file name suggested for the radar image; %s is the company */
  suggested = g_strdup_printf (_("%s radar.png"), company[0] != '\0' ? company : _("engagement"));
  chooser = gtk_file_chooser_native_new (_("Export the Radar Image"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  add_filter (GTK_FILE_CHOOSER (chooser), _("PNG image"), "*.png");
  add_filter (GTK_FILE_CHOOSER (chooser), _("SVG image"), "*.svg");
  add_filter (GTK_FILE_CHOOSER (chooser), _("PDF document"), "*.pdf");
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* class ------------------------------------------------------------------------------------ */

static const ScsViewFields view_fields = {
  G_STRUCT_OFFSET (ScsDashboardPage, company_mode),
  -1,
  apply_company_mode,
  NULL,
};

static void
scs_dashboard_page_dispose (GObject *object)
{
  ScsDashboardPage *self = SCS_DASHBOARD_PAGE (object);

  scs_dashboard_page_set_engagement (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_DASHBOARD_PAGE);
  G_OBJECT_CLASS (scs_dashboard_page_parent_class)->dispose (object);
}

static void
scs_dashboard_page_class_init (ScsDashboardPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SCS_TYPE_RADAR_VIEW);
  G_OBJECT_CLASS (klass)->dispose = scs_dashboard_page_dispose;
  widget_class->map = scs_dashboard_page_map;
  scs_view_class_install (G_OBJECT_CLASS (klass), &view_fields);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SCS_RESOURCE_PREFIX "/ui/scs-dashboard-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, ScsDashboardPage, name)
  CHILD (scroller); CHILD (title_label); CHILD (cards); CHILD (readiness_group);
  CHILD (blockers_list); CHILD (radar); CHILD (series_box); CHILD (size_dropdown); CHILD (table);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_blocker_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_axis_activated);
  gtk_widget_class_install_action (widget_class, "dashboard.export-radar", NULL, action_export_radar);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
scs_dashboard_page_init (ScsDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown = SCS_RADAR_ALL;
  build_series_toggles (self);
}
