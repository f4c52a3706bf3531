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
 */
#include <adwaita.h>

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
  g_set_object (&self->engagement, engagement);
  g_set_object (&self->history, history);
  g_set_object (&self->catalog, catalog);
  apply_plan_mode (self);
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
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    g_signal_connect (child, "map", G_CALLBACK (on_section_map), self);
}
