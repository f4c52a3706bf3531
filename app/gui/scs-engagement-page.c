/* scs-engagement-page.c — the engagement beyond the criteria, a section at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of sections beside the section on show. The sections follow the page's
 * "company-mode" and "editable" through bindings in the template; the expert's sections
 * (the improvement plan, the CSM check sheet) are read-only in the company's view.
 *
 * A section is given the engagement only when it is first shown (mapped, or named by
 * scs_engagement_page_show_section()), so that opening a file builds only what is on screen.
 *
 * The level and the verdict scale are the page's own section: two choices, the expert's
 * only, set through the history (scs_history_set_level/_verdict_scale) so that Ctrl+Z takes
 * them back; the window rebuilds the criteria views when they change. What a change leaves
 * hidden (★4-only answers at ★3, verdicts the scale lacks) is said under the choices.
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "scs-bind.h"
#include "scs-engagement-page.h"

struct _ScsEngagementPage
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  GtkStack         *sections;
  ScsCompanyPage   *company_page;
  ScsDocumentsPage *documents_page;
  ScsScopePage     *scope_page;
  ScsPlanPage      *plan_page;
  ScsVisitsPage    *visits_page;
  ScsChecklistPage *diagnosis_page;
  ScsChecklistPage *csm_page;
  AdwToastOverlay  *level_toasts;
  AdwComboRow      *level_row;
  AdwComboRow      *scale_row;
  GtkLabel         *hidden_label;
  GtkLabel         *foreign_label;
  gboolean          syncing;   /* the choices are being set from the engagement */

  /* The context the sections are to have, and which of them have it already. */
  ScsEngagement    *engagement;
  ScsHistory       *history;
  ScsCatalog       *catalog;
  GHashTable       *ready;
  gboolean          editable;
  gboolean          company_mode;
  gboolean          shared_plan;
  gboolean          shared_verdicts;
};

G_DEFINE_FINAL_TYPE (ScsEngagementPage, scs_engagement_page, GTK_TYPE_WIDGET)

static void apply_plan_mode (gpointer view);

static gboolean
expert_editable (gpointer unused,
                 gboolean editable,
                 gboolean company_mode)
{
  return editable && !company_mode;
}

/* Gives SECTION a context: the page's, or none (engagement NULL). */
static void
give (ScsEngagementPage *self,
      GtkWidget         *section,
      ScsEngagement     *engagement)
{
  ScsHistory *history = engagement != NULL ? self->history : NULL;
  ScsCatalog *catalog = engagement != NULL ? self->catalog : NULL;
  ScsFramework *diagnosis = catalog != NULL ? scs_catalog_get_latest (catalog, SCS_FRAMEWORK_ID_DIAGNOSIS) : NULL;
  ScsFramework *csm = catalog != NULL ? scs_catalog_get_latest (catalog, SCS_FRAMEWORK_ID_CSM) : NULL;

  if (section == GTK_WIDGET (self->company_page))
    scs_company_page_set_context (self->company_page, engagement, history);
  else if (section == GTK_WIDGET (self->documents_page))
    scs_documents_page_set_context (self->documents_page, engagement, history);
  else if (section == GTK_WIDGET (self->scope_page))
    scs_scope_page_set_context (self->scope_page, engagement, history);
  else if (section == GTK_WIDGET (self->plan_page))
    scs_plan_page_set_context (self->plan_page, engagement, history);
  else if (section == GTK_WIDGET (self->visits_page))
    scs_visits_page_set_context (self->visits_page, engagement, history);
  else if (section == GTK_WIDGET (self->diagnosis_page))
    scs_checklist_page_set_context (self->diagnosis_page, engagement, history, diagnosis);
  else if (section == GTK_WIDGET (self->csm_page))
    scs_checklist_page_set_context (self->csm_page, engagement, history, csm);
}

/* Gives SECTION the page's context if it does not have it yet. */
static void
prepare (ScsEngagementPage *self,
         GtkWidget         *section)
{
  if (self->engagement == NULL || g_hash_table_contains (self->ready, section))
    return;
  g_hash_table_add (self->ready, section);
  give (self, section, self->engagement);
}

static void
on_section_map (GtkWidget         *section,
                ScsEngagementPage *self)
{
  prepare (self, section);
}

/* level and verdict scale ------------------------------------------------------------- */

static const ScsScale *
scale_at (ScsEngagementPage *self,
          guint              index)
{
  GPtrArray *scales = scs_framework_get_verdict_scales (scs_engagement_get_framework (self->engagement));

  return index < scales->len ? g_ptr_array_index (scales, index) : NULL;
}

static void
set_note (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* The choices follow the engagement (an undo, another file); the notes say what the level
 * and scale leave unseen. */
static void
sync_level (ScsEngagementPage *self)
{
  GPtrArray *scales;
  const char *scale_id;
  g_autofree char *hidden = NULL;
  g_autofree char *foreign = NULL;
  guint n;

  if (self->engagement == NULL)
    return;
  scales = scs_framework_get_verdict_scales (scs_engagement_get_framework (self->engagement));
  scale_id = scs_record_get_string (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_VERDICT_SCALE);
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->level_row, scs_engagement_get_level (self->engagement) == SCS_LEVEL_4 ? 1 : 0);
  for (guint i = 0; i < scales->len; i++)
    if (g_str_equal (((ScsScale *) g_ptr_array_index (scales, i))->id, scale_id))
      adw_combo_row_set_selected (self->scale_row, i);
  self->syncing = FALSE;

  n = scs_engagement_count_hidden_answers (self->engagement, scs_engagement_get_level (self->engagement));
  if (n > 0)
    hidden = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u answer to a ★4-only criterion is kept in the file but hidden at ★3; it shows again at ★4.",
                                           "%u answers to ★4-only criteria are kept in the file but hidden at ★3; they show again at ★4.",
                                           n),
                              n);
  set_note (self->hidden_label, hidden);
  n = scs_engagement_count_foreign_verdicts (self->engagement);
  if (n > 0)
    foreign = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u verdict has no value on this scale that means the same: it is kept in the file, shown as no verdict, and back when the scale is changed back.",
                                            "%u verdicts have no value on this scale that means the same: they are kept in the file, shown as no verdict, and back when the scale is changed back.",
                                            n),
                               n);
  set_note (self->foreign_label, foreign);
}

static void
toast (ScsEngagementPage *self,
       char              *message)
{
  adw_toast_overlay_add_toast (self->level_toasts, adw_toast_new (message));
  g_free (message);
}

static void
on_level_selected (ScsEngagementPage *self)
{
  ScsLevel level = adw_combo_row_get_selected (self->level_row) == 1 ? SCS_LEVEL_4 : SCS_LEVEL_3;
  ScsFramework *framework;
  guint before, after, hidden, shown;

  if (self->syncing || self->engagement == NULL || self->history == NULL ||
      level == scs_engagement_get_level (self->engagement))
    return;
  framework = scs_engagement_get_framework (self->engagement);
  if (!scs_framework_has_level (framework, level))
    {
      sync_level (self);
      return;
    }
  before = g_list_model_get_n_items (scs_framework_get_assessables (framework, scs_engagement_get_level (self->engagement)));
  after = g_list_model_get_n_items (scs_framework_get_assessables (framework, level));
  shown = scs_engagement_count_hidden_answers (self->engagement, scs_engagement_get_level (self->engagement));
  hidden = scs_history_set_level (self->history, level);
  /* Answers kept while hidden are back: the criteria are added, but not all unanswered. */
  if (after > before && shown > hidden)
    toast (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "★%d: %u criterion added; kept answers to %u of them shown again",
                                               "★%d: %u criteria added; kept answers to %u of them shown again",
                                               after - before),
                                  level, after - before, shown - hidden));
  else if (after > before)
    toast (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "★%d: %u criterion added, not yet answered",
                                               "★%d: %u criteria added, not yet answered",
                                               after - before),
                                  level, after - before));
  else if (hidden > 0)
    toast (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "★%d: %u answer kept but hidden",
                                               "★%d: %u answers kept but hidden",
                                               hidden),
                                  level, hidden));
}

static void
on_scale_selected (ScsEngagementPage *self)
{
  const ScsScale *scale;
  guint changed;

  if (self->syncing || self->engagement == NULL || self->history == NULL)
    return;
  scale = scale_at (self, adw_combo_row_get_selected (self->scale_row));
  if (scale == NULL || scale == scs_engagement_get_verdict_scale (self->engagement))
    return;
  changed = scs_history_set_verdict_scale (self->history, scale->id, NULL);
  if (changed > 0)
    toast (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u verdict moved to the new scale",
                                               "%u verdicts moved to the new scale",
                                               changed),
                                  changed));
}

/* The level section has no page of its own: the page gives it the engagement. */
static void
give_level (ScsEngagementPage *self,
            ScsEngagement     *engagement)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_func (self->engagement, sync_level, self);
  if (engagement != NULL)
    {
      GPtrArray *scales = scs_framework_get_verdict_scales (scs_engagement_get_framework (engagement));

      for (guint i = 0; i < scales->len; i++)
        gtk_string_list_append (titles, scs_scale_get_title (g_ptr_array_index (scales, i)));
      g_signal_connect_swapped (engagement, "changed", G_CALLBACK (sync_level), self);
    }
  self->syncing = TRUE;
  adw_combo_row_set_model (self->scale_row, G_LIST_MODEL (titles));
  self->syncing = FALSE;
}

void
scs_engagement_page_set_context (ScsEngagementPage *self,
                                 ScsEngagement     *engagement,
                                 ScsHistory        *history,
                                 ScsCatalog        *catalog)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->sections);
  GHashTableIter iter;
  gpointer section;

  /* The sections that had the old context let it go now, not when next shown. */
  g_hash_table_iter_init (&iter, self->ready);
  while (g_hash_table_iter_next (&iter, &section, NULL))
    give (self, section, NULL);
  g_hash_table_remove_all (self->ready);
  give_level (self, engagement);
  g_set_object (&self->engagement, engagement);
  g_set_object (&self->history, history);
  g_set_object (&self->catalog, catalog);
  apply_plan_mode (self);
  sync_level (self);
  if (visible != NULL && gtk_widget_get_mapped (visible))
    prepare (self, visible);
}

/* Shows or hides a section, and its entry in the sections' list with it. */
static void
show_in_list (ScsEngagementPage *self,
              GtkWidget         *section,
              gboolean           shown)
{
  GtkWidget *child = section;

  /* The section's stack page, so that the sections' list leaves it out too. */
  while (gtk_widget_get_parent (child) != NULL && gtk_widget_get_parent (child) != GTK_WIDGET (self->sections))
    child = gtk_widget_get_parent (child);
  gtk_widget_set_visible (section, shown);
  gtk_stack_page_set_visible (gtk_stack_get_page (self->sections, child), shown);
}

/* In the company's view the plan is there when a company copy holds the agreed one, and
 * then read-only: it is the expert's proposal, not the company's form; and in a company
 * copy without it, for the company's own draft (改善計画書 3.), which the import brings
 * back as its proposals. The expert's preview of their own file shows no plan. The CSM
 * Guidelines check sheet is the expert's working sheet and never in a company copy: not
 * there at all. */
static void
apply_plan_mode (gpointer view)
{
  ScsEngagementPage *self = view;

  show_in_list (self, GTK_WIDGET (self->plan_page),
                !self->company_mode || self->shared_plan ||
                (self->engagement != NULL && scs_engagement_is_company_copy (self->engagement)));
  show_in_list (self, GTK_WIDGET (self->csm_page), !self->company_mode);
}

void
scs_engagement_page_set_shared (ScsEngagementPage *self,
                                gboolean           plan,
                                gboolean           verdicts)
{
  self->shared_plan = plan;
  self->shared_verdicts = verdicts;
  apply_plan_mode (self);
  scs_scope_page_set_shared_judgements (self->scope_page, verdicts);
}

ScsPlanPage *
scs_engagement_page_get_plan_page (ScsEngagementPage *self)
{
  prepare (self, GTK_WIDGET (self->plan_page));
  return self->plan_page;
}

void
scs_engagement_page_show_section (ScsEngagementPage *self,
                                  const char        *name)
{
  GtkWidget *section = gtk_stack_get_child_by_name (self->sections, name);

  g_return_if_fail (section != NULL);
  /* A section this view leaves out (the check sheet, a plan not given) stays out. */
  if (!gtk_widget_get_visible (section))
    return;
  prepare (self, section);
  gtk_stack_set_visible_child (self->sections, section);
}

static const ScsViewFields view_fields = {
  G_STRUCT_OFFSET (ScsEngagementPage, company_mode),
  G_STRUCT_OFFSET (ScsEngagementPage, editable),
  apply_plan_mode,
  NULL,
};

static void
scs_engagement_page_dispose (GObject *object)
{
  ScsEngagementPage *self = SCS_ENGAGEMENT_PAGE (object);

  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_func (self->engagement, sync_level, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), SCS_TYPE_ENGAGEMENT_PAGE);
  g_clear_object (&self->engagement);
  g_clear_object (&self->history);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->ready, g_hash_table_unref);
  G_OBJECT_CLASS (scs_engagement_page_parent_class)->dispose (object);
}

static void
scs_engagement_page_class_init (ScsEngagementPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SCS_TYPE_COMPANY_PAGE);
  g_type_ensure (SCS_TYPE_DOCUMENTS_PAGE);
  g_type_ensure (SCS_TYPE_CHECKLIST_PAGE);
  g_type_ensure (SCS_TYPE_SCOPE_PAGE);
  g_type_ensure (SCS_TYPE_PLAN_PAGE);
  g_type_ensure (SCS_TYPE_VISITS_PAGE);
  G_OBJECT_CLASS (klass)->dispose = scs_engagement_page_dispose;
  scs_view_class_install (G_OBJECT_CLASS (klass), &view_fields);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SCS_RESOURCE_PREFIX "/ui/scs-engagement-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsEngagementPage, box);
  gtk_widget_class_bind_template_child (widget_class, ScsEngagementPage, sections);
  gtk_widget_class_bind_template_child (widget_class, ScsEngagementPage, company_page);
  gtk_widget_class_bind_template_child (widget_class, ScsEngagementPage, documents_page);
  gtk_widget_class_bind_template_child (widget_class, ScsEngagementPage, diagnosis_page);
  gtk_widget_class_bind_template_child (widget_class, ScsEngagementPage, scope_page);
  gtk_widget_class_bind_template_child (widget_class, ScsEngagementPage, plan_page);
  gtk_widget_class_bind_template_child (widget_class, ScsEngagementPage, visits_page);
  gtk_widget_class_bind_template_child (widget_class, ScsEngagementPage, csm_page);
  gtk_widget_class_bind_template_child (widget_class, ScsEngagementPage, level_toasts);
  gtk_widget_class_bind_template_child (widget_class, ScsEngagementPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, ScsEngagementPage, scale_row);
  gtk_widget_class_bind_template_child (widget_class, ScsEngagementPage, hidden_label);
  gtk_widget_class_bind_template_child (widget_class, ScsEngagementPage, foreign_label);
  gtk_widget_class_bind_template_callback (widget_class, on_level_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_scale_selected);
  gtk_widget_class_bind_template_callback (widget_class, expert_editable);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
scs_engagement_page_init (ScsEngagementPage *self)
{
  /* Before the template: its sections are bound to it. */
  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->ready = g_hash_table_new (NULL, NULL);
  scs_combo_row_show_choices_whole (self->level_row);
  scs_combo_row_show_choices_whole (self->scale_row);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    g_signal_connect (child, "map", G_CALLBACK (on_section_map), self);
}
