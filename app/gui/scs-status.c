/* scs-status.c — how statuses look
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "scs-status.h"

static const char * const status_classes[] = { "success", "warning", "error", "dim-label", "accent" };

void
scs_status_look_clear (ScsStatusLook *look)
{
  g_clear_pointer (&look->text, g_free);
}

void
scs_status_look_verdict (ScsEngagement *engagement,
                         ScsAssessment *assessment,
                         ScsStatusLook *look)
{
  const ScsScaleValue *value = assessment != NULL
                               ? scs_engagement_get_verdict_value (engagement, assessment)
                               : NULL;

  scs_status_look_clear (look);
  switch (scs_verdict_conformance (value))
    {
    case SCS_CONFORMANCE_CONFORMS:
      look->icon_name = "emblem-ok-symbolic";
      look->css_class = "success";
      break;
    case SCS_CONFORMANCE_NOT_APPLICABLE:
      look->icon_name = "action-unavailable-symbolic";
      look->css_class = "dim-label";
      break;
    case SCS_CONFORMANCE_NOT_CONFORMING:
      {
        gboolean severe = g_str_equal (value->id, SCS_VERDICT_NONCONFORMING);

        look->icon_name = severe ? "dialog-error-symbolic" : "dialog-warning-symbolic";
        look->css_class = severe ? "error" : "warning";
      }
      break;
    case SCS_CONFORMANCE_UNANSWERED:
    case SCS_CONFORMANCE_INCOMPLETE:
    default:
      look->icon_name = NULL;
      look->css_class = "dim-label";
      look->text = g_strdup (_("Not assessed"));
      return;
    }
  look->text = g_strdup (scs_scale_value_get_title (value));
}

void
scs_status_look_tally (const ScsTally *tally,
                       ScsStatusLook  *look)
{
  guint applicable = tally->n_criteria - tally->n_not_applicable;

  scs_status_look_clear (look);
  /* TRANSLATORS: conforming criteria of the applicable ones, e.g. “5/8” */
  look->text = g_strdup_printf (C_("count", "%u/%u"), tally->n_conforming, applicable);
  switch (tally->conformance)
    {
    case SCS_CONFORMANCE_CONFORMS:
      look->icon_name = "emblem-ok-symbolic";
      look->css_class = "success";
      break;
    case SCS_CONFORMANCE_NOT_CONFORMING:
      look->icon_name = "dialog-warning-symbolic";
      look->css_class = "warning";
      break;
    case SCS_CONFORMANCE_NOT_APPLICABLE:
      look->icon_name = "action-unavailable-symbolic";
      look->css_class = "dim-label";
      break;
    case SCS_CONFORMANCE_UNANSWERED:
    case SCS_CONFORMANCE_INCOMPLETE:
    default:
      look->icon_name = NULL;
      look->css_class = "dim-label";
      break;
    }
}

void
scs_status_look_apply (const ScsStatusLook *look,
                       GtkImage            *image,
                       GtkLabel            *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    {
      if (image != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (image), status_classes[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (label), status_classes[i]);
    }
  if (image != NULL)
    {
      gtk_image_set_from_icon_name (image, look->icon_name);
      gtk_widget_set_visible (GTK_WIDGET (image), look->icon_name != NULL);
      if (look->css_class != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (image), look->css_class);
    }
  gtk_label_set_text (label, look->text != NULL ? look->text : "");
  if (look->css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), look->css_class);
}

const char *
scs_status_company_title (ScsEngagement *engagement,
                          ScsAssessment *assessment)
{
  const ScsScaleValue *value = scs_engagement_get_company_value (engagement, assessment);

  return value != NULL ? scs_scale_value_get_title (value) : "";
}

char *
scs_status_short_title (ScsNode *node)
{
  const char *text = scs_node_get_kind (node) == SCS_NODE_CRITERION ? scs_node_get_text (node)
                                                                      : scs_node_get_title (node);
  const char *end;

  if (g_str_has_prefix (text, "・"))
    text += strlen ("・");
  end = strchr (text, '\n');
  return end != NULL ? g_strndup (text, end - text) : g_strdup (text);
}
