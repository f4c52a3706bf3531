/* scs-sidebar-row.c — one line of the requirement tree with its live status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built in code, not from a template: GTK 4.8's list view makes up to 200 rows at once,
 * all before the first frame. The marks (a rating higher than the verdict, a missing
 * comment, a flag, the company's answer) are made the first time a row shows them.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "scs-sidebar-row.h"
#include "scs-status.h"

/* The marks between the title and the status, in this order. */
enum { MARK_INFLATION, MARK_COMMENT, MARK_COMMENT_COUNT, MARK_FLAG, MARK_COMPANY, N_MARKS };

static const struct {
  const char *icon;             /* an image; NULL: a label */
  const char *tooltip;
  const char *classes[3];
} mark_specs[N_MARKS] = {
  [MARK_INFLATION] = { "emblem-important-symbolic",
                       N_("The company rates itself higher than the expert"), { "warning" } },
  [MARK_COMMENT] = { "document-edit-symbolic", N_("A comment is required for this verdict"),
                     { "error" } },
  [MARK_COMMENT_COUNT] = { NULL, N_("Verdicts without the required comment"),
                           { "error", "caption" } },
  [MARK_FLAG] = { "emoji-flags-symbolic", N_("Marked for follow-up"), { "accent" } },
  [MARK_COMPANY] = { NULL, N_("The company’s self-assessment"), { "caption", "dim-label" } },
};

struct _ScsSidebarRow
{
  GtkWidget      parent_instance;
  GtkWidget     *box;
  GtkLabel      *id_label;
  GtkLabel      *title_label;
  GtkWidget     *marks[N_MARKS];  /* NULL until first shown */
  GtkImage      *status_image;
  GtkLabel      *status_label;

  ScsNode       *node;
  ScsEngagement *engagement;
  gboolean       company_mode;
  char          *summary;
  const char    *status;   /* the end of summary */
};

G_DEFINE_FINAL_TYPE (ScsSidebarRow, scs_sidebar_row, GTK_TYPE_WIDGET)

/* Shows or hides a mark, making it the first time it is shown; returns it, or NULL when
 * hidden and never made. */
static GtkWidget *
show_mark (ScsSidebarRow *self,
           guint          which,
           gboolean       visible)
{
  GtkWidget *after = GTK_WIDGET (self->title_label);
  GtkWidget *mark = self->marks[which];

  if (mark == NULL && !visible)
    return NULL;
  if (mark == NULL)
    {
      mark = mark_specs[which].icon != NULL ? gtk_image_new_from_icon_name (mark_specs[which].icon)
                                            : gtk_label_new (NULL);
      gtk_widget_set_tooltip_text (mark, _(mark_specs[which].tooltip));
      /* A word (the company's answer) gives way as the status does. */
      if (GTK_IS_LABEL (mark))
        {
          gtk_label_set_ellipsize (GTK_LABEL (mark), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (mark), 2);
          gtk_label_set_max_width_chars (GTK_LABEL (mark), 8);
        }
      for (guint c = 0; c < G_N_ELEMENTS (mark_specs[which].classes) && mark_specs[which].classes[c]; c++)
        gtk_widget_add_css_class (mark, mark_specs[which].classes[c]);
      for (guint m = 0; m < which; m++)
        if (self->marks[m] != NULL)
          after = self->marks[m];
      gtk_box_insert_child_after (GTK_BOX (self->box), mark, after);
      self->marks[which] = mark;
    }
  gtk_widget_set_visible (mark, visible);
  return mark;
}

static void
set_mark_text (ScsSidebarRow *self,
               guint          which,
               const char    *text)
{
  GtkWidget *mark = show_mark (self, which, text != NULL && text[0] != '\0');

  if (mark != NULL)
    gtk_label_set_text (GTK_LABEL (mark), text != NULL ? text : "");
}

static void
update_criterion (ScsSidebarRow *self,
                  GString       *summary)
{
  ScsAssessment *a = scs_engagement_get_assessment (self->engagement, scs_node_get_id (self->node));
  ScsStatusLook look = { 0 };
  const char *company = scs_status_company_title (self->engagement, a);
  /* The expert's working view shows every verdict, flagged ones with their flag: its marks
   * and counts take them all in. */
  gboolean missing = a != NULL && scs_engagement_is_missing_comment (self->engagement, a,
                                                                     SCS_COUNT_WITH_FOLLOW_UP);
  gboolean inflated = a != NULL && scs_engagement_is_inflated (self->engagement, a,
                                                               SCS_COUNT_WITH_FOLLOW_UP);
  gboolean flagged = a != NULL && scs_record_get_boolean (SCS_RECORD (a), SCS_M_ASSESSMENT_FOLLOW_UP);

  if (self->company_mode)
    {
      /* The company sees its own answer where the expert sees the verdict. */
      look.text = g_strdup (company[0] != '\0' ? company : _("Not answered"));
      look.css_class = company[0] != '\0' ? NULL : "dim-label";
      scs_status_look_apply (&look, self->status_image, self->status_label);
      set_mark_text (self, MARK_COMPANY, NULL);
      g_string_append_printf (summary, ", %s: %s", _("Self-assessment"), look.text);
      missing = inflated = flagged = FALSE;
    }
  else
    {
      scs_status_look_verdict (self->engagement, a, &look);
      scs_status_look_apply (&look, self->status_image, self->status_label);
      set_mark_text (self, MARK_COMPANY, company);
      g_string_append_printf (summary, ", %s: %s", _("Verdict"), look.text);
      if (company[0] != '\0')
        g_string_append_printf (summary, ", %s: %s", _("Self-assessment"), company);
    }
  show_mark (self, MARK_COMMENT, missing);
  set_mark_text (self, MARK_COMMENT_COUNT, NULL);
  show_mark (self, MARK_INFLATION, inflated);
  show_mark (self, MARK_FLAG, flagged);
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

  scs_engagement_tally (self->engagement, self->node, SCS_COUNT_WITH_FOLLOW_UP, &tally);
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
  set_mark_text (self, MARK_COMPANY, NULL);
  show_mark (self, MARK_COMMENT, tally.n_missing_comment > 0);
  set_mark_text (self, MARK_COMMENT_COUNT, NULL);
  if (tally.n_missing_comment > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", tally.n_missing_comment);

      set_mark_text (self, MARK_COMMENT_COUNT, count);
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE, ", %u comment missing",
                                           ", %u comments missing", tally.n_missing_comment),
                              tally.n_missing_comment);
    }
  show_mark (self, MARK_INFLATION, tally.n_inflated > 0);
  show_mark (self, MARK_FLAG, tally.n_follow_up > 0);
  scs_status_look_clear (&look);
}

/* The name says which requirement (its id and words), the description how it stands: a
 * screen reader says the one, then the other. */
static void
update (ScsSidebarRow *self)
{
  g_autoptr(GString) status = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  if (self->node == NULL || self->engagement == NULL)
    return;
  title = scs_status_short_title (self->node);
  label = g_strdup_printf ("%s %s", scs_node_get_id (self->node), title);
  if (scs_node_get_kind (self->node) == SCS_NODE_CRITERION)
    update_criterion (self, status);
  else
    update_group (self, status);

  g_free (self->summary);
  self->summary = g_strconcat (label, status->str, NULL);
  /* Each part was appended after ", ". */
  self->status = self->summary + strlen (label) + MIN (status->len, 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->status, -1);
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

/* The status word in full, when the row had to cut it. */
static gboolean
on_status_query_tooltip (GtkWidget  *label,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip,
                         gpointer    data)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (GTK_LABEL (label)));
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

const char *
scs_sidebar_row_get_status (ScsSidebarRow *self)
{
  return self->status != NULL ? self->status : "";
}

static void
scs_sidebar_row_dispose (GObject *object)
{
  ScsSidebarRow *self = SCS_SIDEBAR_ROW (object);

  scs_sidebar_row_bind (self, NULL, NULL, FALSE);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->summary, g_free);
  self->status = NULL;

  G_OBJECT_CLASS (scs_sidebar_row_parent_class)->dispose (object);
}

static void
scs_sidebar_row_class_init (ScsSidebarRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_sidebar_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
scs_sidebar_row_init (ScsSidebarRow *self)
{
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *id = gtk_label_new (NULL);
  GtkWidget *status_label = gtk_label_new (NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_label_set_xalign (GTK_LABEL (id), 0);
  gtk_label_set_width_chars (GTK_LABEL (id), 8);
  gtk_widget_add_css_class (id, "numeric");
  gtk_widget_add_css_class (id, "caption-heading");
  gtk_box_append (GTK_BOX (self->box), id);
  self->id_label = GTK_LABEL (id);

  /* The whole title as a tooltip, asked for only when the pointer rests on it. */
  gtk_widget_set_has_tooltip (title, TRUE);
  g_signal_connect (title, "query-tooltip", G_CALLBACK (on_title_query_tooltip), self);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (title), 8);
  gtk_box_append (GTK_BOX (self->box), title);
  self->title_label = GTK_LABEL (title);

  self->status_image = GTK_IMAGE (gtk_image_new ());
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->status_image));
  gtk_widget_add_css_class (status_label, "caption-heading");
  /* The status gives way before the title does: in English "Needs improvement" left the
   * title two characters. The icon stays; the whole word is in the tooltip and in the
   * row's accessible label. */
  gtk_label_set_ellipsize (GTK_LABEL (status_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (status_label), 2);
  gtk_label_set_max_width_chars (GTK_LABEL (status_label), 10);
  gtk_widget_set_has_tooltip (status_label, TRUE);
  g_signal_connect (status_label, "query-tooltip", G_CALLBACK (on_status_query_tooltip), NULL);
  gtk_box_append (GTK_BOX (self->box), status_label);
  self->status_label = GTK_LABEL (status_label);
}

GtkWidget *
scs_sidebar_row_new (void)
{
  return g_object_new (SCS_TYPE_SIDEBAR_ROW, NULL);
}
