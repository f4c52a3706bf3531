/* scs-sidebar-row.c — one line of the requirement tree with its live status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "scs-sidebar-row.h"
#include "scs-status.h"

struct _ScsSidebarRow
{
  GtkWidget      parent_instance;
  GtkWidget     *box;
  GtkLabel      *id_label;
  GtkLabel      *title_label;
  GtkImage      *inflation_image;
  GtkImage      *comment_image;
  GtkLabel      *comment_count_label;
  GtkImage      *flag_image;
  GtkLabel      *company_label;
  GtkImage      *status_image;
  GtkLabel      *status_label;

  ScsNode       *node;
  ScsEngagement *engagement;
  gboolean       company_mode;
  char          *summary;
};

G_DEFINE_FINAL_TYPE (ScsSidebarRow, scs_sidebar_row, GTK_TYPE_WIDGET)

static void
update_criterion (ScsSidebarRow *self,
                  GString       *summary)
{
  ScsAssessment *a = scs_engagement_get_assessment (self->engagement, scs_node_get_id (self->node));
  ScsStatusLook look = { 0 };
  const char *company = scs_status_company_title (self->engagement, a);
  gboolean missing = a != NULL && scs_engagement_is_missing_comment (self->engagement, a);
  gboolean inflated = a != NULL && scs_engagement_is_inflated (self->engagement, a);
  gboolean flagged = a != NULL && scs_record_get_boolean (SCS_RECORD (a), "follow_up");

  if (self->company_mode)
    {
      /* The company sees its own answer where the expert sees the verdict. */
      look.text = g_strdup (company[0] != '\0' ? company : _("Not answered"));
      look.css_class = company[0] != '\0' ? NULL : "dim-label";
      scs_status_look_apply (&look, self->status_image, self->status_label);
      gtk_widget_set_visible (GTK_WIDGET (self->company_label), FALSE);
      g_string_append_printf (summary, ", %s: %s", _("Self-assessment"), look.text);
      missing = inflated = flagged = FALSE;
    }
  else
    {
      scs_status_look_verdict (self->engagement, a, &look);
      scs_status_look_apply (&look, self->status_image, self->status_label);
      gtk_label_set_text (self->company_label, company);
      gtk_widget_set_visible (GTK_WIDGET (self->company_label), company[0] != '\0');
      g_string_append_printf (summary, ", %s: %s", _("Verdict"), look.text);
      if (company[0] != '\0')
        g_string_append_printf (summary, ", %s: %s", _("Self-assessment"), company);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->comment_image), missing);
  gtk_widget_set_visible (GTK_WIDGET (self->comment_count_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->inflation_image), inflated);
  gtk_widget_set_visible (GTK_WIDGET (self->flag_image), flagged);
  if (missing)
    g_string_append_printf (summary, ", %s", _("comment missing"));
  if (inflated)
    g_string_append_printf (summary, ", %s", _("self-assessment higher than the verdict"));
  if (flagged)
    g_string_append_printf (summary, ", %s", _("follow-up"));
  scs_status_look_clear (&look);
}

static void
update_group (ScsSidebarRow *self,
              GString       *summary)
{
  ScsTally tally;
  ScsStatusLook look = { 0 };

  scs_engagement_tally (self->engagement, self->node, &tally);
  if (self->company_mode)
    {
      look.text = g_strdup_printf (C_("count", "%u/%u"), tally.n_company_answered,
                                   tally.n_criteria);
      look.css_class = "dim-label";
      tally.n_missing_comment = tally.n_inflated = tally.n_follow_up = 0;
      g_string_append_printf (summary, ", %s", _("answered by the company"));
    }
  else
    scs_status_look_tally (&tally, &look);
  scs_status_look_apply (&look, self->status_image, self->status_label);
  g_string_append_printf (summary, ", %s %s", look.text,
                          self->company_mode ? "" : _("conforming"));
  gtk_widget_set_visible (GTK_WIDGET (self->company_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->comment_image), tally.n_missing_comment > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->comment_count_label), tally.n_missing_comment > 0);
  if (tally.n_missing_comment > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", tally.n_missing_comment);

      gtk_label_set_text (self->comment_count_label, count);
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE, ", %u comment missing",
                                           ", %u comments missing", tally.n_missing_comment),
                              tally.n_missing_comment);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->inflation_image), tally.n_inflated > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->flag_image), tally.n_follow_up > 0);
  scs_status_look_clear (&look);
}

static void
update (ScsSidebarRow *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);

  if (self->node == NULL || self->engagement == NULL)
    return;
  g_string_append_printf (summary, "%s %s", scs_node_get_id (self->node),
                          scs_node_get_title (self->node));
  if (scs_node_get_kind (self->node) == SCS_NODE_CRITERION)
    update_criterion (self, summary);
  else
    update_group (self, summary);

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->summary, -1);
}

static void
on_engagement_changed (ScsEngagement *engagement,
                       ScsSidebarRow *self)
{
  update (self);
}

/* The whole title, asked for only when the pointer rests on the row: setting a tooltip
 * at bind time costs a round trip to the display server for every row bound. */
static gboolean
on_title_query_tooltip (GtkWidget     *label,
                        int            x,
                        int            y,
                        gboolean       keyboard,
                        GtkTooltip    *tooltip,
                        ScsSidebarRow *self)
{
  if (self->node == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, scs_node_get_title (self->node));
  return TRUE;
}

void
scs_sidebar_row_bind (ScsSidebarRow *self,
                      ScsNode       *node,
                      ScsEngagement *engagement,
                      gboolean       company_mode)
{
  g_autofree char *title = NULL;

  /* GTK 4.8 unbinds and binds every row between the old and the new selection; a row
   * that gets its own node back is already up to date, since it follows "changed". */
  if (node != NULL && node == self->node && engagement == self->engagement &&
      company_mode == self->company_mode)
    return;
  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_func (self->engagement, on_engagement_changed, self);
  g_set_object (&self->node, node);
  g_set_object (&self->engagement, engagement);
  self->company_mode = company_mode;
  if (node == NULL || engagement == NULL)
    return;

  g_signal_connect (engagement, "changed", G_CALLBACK (on_engagement_changed), self);
  title = scs_status_short_title (node);
  gtk_label_set_text (self->id_label, scs_node_get_id (node));
  gtk_label_set_text (self->title_label, title);
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "heading");
  if (scs_node_get_kind (node) <= SCS_NODE_SUBCATEGORY)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  update (self);
}

const char *
scs_sidebar_row_get_summary (ScsSidebarRow *self)
{
  return self->summary != NULL ? self->summary : "";
}

static void
scs_sidebar_row_dispose (GObject *object)
{
  ScsSidebarRow *self = SCS_SIDEBAR_ROW (object);

  scs_sidebar_row_bind (self, NULL, NULL, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_SIDEBAR_ROW);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (scs_sidebar_row_parent_class)->dispose (object);
}

static void
scs_sidebar_row_class_init (ScsSidebarRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_sidebar_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SCS_RESOURCE_PREFIX "/ui/scs-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsSidebarRow, box);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebarRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebarRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebarRow, inflation_image);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebarRow, comment_image);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebarRow, comment_count_label);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebarRow, flag_image);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebarRow, company_label);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebarRow, status_image);
  gtk_widget_class_bind_template_child (widget_class, ScsSidebarRow, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_title_query_tooltip);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
scs_sidebar_row_init (ScsSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
scs_sidebar_row_new (void)
{
  return g_object_new (SCS_TYPE_SIDEBAR_ROW, NULL);
}
