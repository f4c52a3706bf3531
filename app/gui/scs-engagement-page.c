/* scs-engagement-page.c — the engagement beyond the criteria, a section at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of sections beside the section on show; signal "open-node" passes on a
 * section's request to show a criterion in the workspace.
 *
 * A section is given the engagement only when it is first shown (mapped, or named by
 * scs_engagement_page_show_section()), so that opening a file builds only what is on screen.
 */
#include <adwaita.h>

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

static void apply_plan_mode (ScsEngagementPage *self);

enum { OPEN_NODE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_open_node (ScsEngagementPage *self,
              ScsNode           *node)
{
  g_signal_emit (self, signals[OPEN_NODE], 0, node);
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

/* In the company's view the plan is there only when a company copy holds the agreed one,
 * and then read-only: it is the expert's proposal, not the company's form. The CSM
 * Guidelines check sheet is the expert's working sheet and never in a company copy: not
 * there at all. */
static void
apply_plan_mode (ScsEngagementPage *self)
{
  show_in_list (self, GTK_WIDGET (self->plan_page), !self->company_mode || self->shared_plan);
  scs_plan_page_set_editable (self->plan_page, self->editable && !self->company_mode);
  show_in_list (self, GTK_WIDGET (self->csm_page), !self->company_mode);
  scs_checklist_page_set_editable (self->csm_page, self->editable && !self->company_mode);
}

void
scs_engagement_page_set_editable (ScsEngagementPage *self,
                                  gboolean           editable)
{
  self->editable = editable;
  scs_company_page_set_editable (self->company_page, editable);
  scs_documents_page_set_editable (self->documents_page, editable);
  scs_scope_page_set_editable (self->scope_page, editable);
  apply_plan_mode (self);
  scs_visits_page_set_editable (self->visits_page, editable);
  scs_checklist_page_set_editable (self->diagnosis_page, editable);
}

void
scs_engagement_page_set_company_mode (ScsEngagementPage *self,
                                      gboolean           company_mode)
{
  self->company_mode = company_mode;
  apply_plan_mode (self);
  scs_visits_page_set_company_mode (self->visits_page, company_mode);
  scs_scope_page_set_company_mode (self->scope_page, company_mode, self->shared_verdicts);
  scs_company_page_set_company_mode (self->company_page, company_mode);
}

void
scs_engagement_page_set_shared (ScsEngagementPage *self,
                                gboolean           plan,
                                gboolean           verdicts)
{
  self->shared_plan = plan;
  self->shared_verdicts = verdicts;
  apply_plan_mode (self);
  scs_scope_page_set_company_mode (self->scope_page, self->company_mode, verdicts);
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
  signals[OPEN_NODE] = g_signal_new ("open-node", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, SCS_TYPE_NODE);
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
  gtk_widget_class_bind_template_callback (widget_class, on_open_node);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
scs_engagement_page_init (ScsEngagementPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->editable = TRUE;
  self->ready = g_hash_table_new (NULL, NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    g_signal_connect (child, "map", G_CALLBACK (on_section_map), self);
}
