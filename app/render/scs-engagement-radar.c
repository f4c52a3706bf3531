/* scs-engagement-radar.c — an engagement's scores as radar data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "scs-engagement-radar.h"

ScsRecord *
scs_engagement_radar_find_maturity (ScsEngagement *engagement,
                                    const char    *subcategory_id)
{
  GListModel *list = scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_MATURITY);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsRecord) m = g_list_model_get_item (list, i);

      if (g_strcmp0 (scs_record_get_string (m, SCS_M_MATURITY_SUBCATEGORY), subcategory_id) == 0)
        return m;   /* the list keeps it */
    }
  return NULL;
}

static double
maturity_value (ScsEngagement *engagement,
                const char    *subcategory_id,
                const char    *member)
{
  ScsRecord *m = scs_engagement_radar_find_maturity (engagement, subcategory_id);
  gint64 value = m != NULL ? scs_record_get_int (m, member) : -1;

  return value >= 0 ? value / 5.0 : SCS_RADAR_NA;
}

static char *
peers_name (ScsEngagement *engagement)
{
  ScsFramework *framework = scs_engagement_get_framework (engagement);
  const char *band_id = scs_record_get_string (SCS_RECORD (scs_engagement_get_company (engagement)),
                                               SCS_M_COMPANY_EMPLOYEE_BAND);
  const ScsBand *band = scs_framework_get_employee_band (framework, band_id);

  if (band == NULL)
    /* TRANSLATORS: the radar series of the 2025 demonstration's participants */
    return g_strdup (_("2025 peers, all sizes"));
  /* TRANSLATORS: %s is an employee band such as “51–100 employees” */
  return g_strdup_printf (_("2025 peers, %s"), scs_band_get_title (band));
}

ScsRadarData *
scs_engagement_radar_new (ScsEngagement    *engagement,
                          ScsRadarSeriesSet set,
                          ScsCount          count,
                          gboolean          title)
{
  ScsFramework *framework = scs_engagement_get_framework (engagement);
  int level = scs_engagement_get_level (engagement);
  GListModel *subs = scs_framework_get_subcategories (framework, level);
  guint n = g_list_model_get_n_items (subs);
  ScsRadarData *data = scs_radar_data_new ();
  ScsRadarSeries *expert = NULL, *company = NULL, *current = NULL, *target = NULL, *peers = NULL;
  const char *source = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, i);

      scs_radar_data_add_axis (data, scs_node_get_id (sub), scs_node_get_title (sub));
    }
  if (set & SCS_RADAR_EXPERT)
    expert = scs_radar_data_add_series (data, _("Expert: conformance"), SCS_RADAR_MARKER_CIRCLE,
                                        SCS_RADAR_DASH_SOLID, 0);
  if (set & SCS_RADAR_COMPANY)
    company = scs_radar_data_add_series (data, _("Company: self-assessment"),
                                         SCS_RADAR_MARKER_SQUARE, SCS_RADAR_DASH_DASHED, 1);
  if (set & SCS_RADAR_MATURITY_CURRENT)
    current = scs_radar_data_add_series (data, _("Maturity now (0–5)"),
                                         SCS_RADAR_MARKER_TRIANGLE, SCS_RADAR_DASH_DASH_DOT, 2);
  if (set & SCS_RADAR_MATURITY_TARGET)
    target = scs_radar_data_add_series (data, _("Maturity target (0–5)"),
                                        SCS_RADAR_MARKER_DIAMOND, SCS_RADAR_DASH_LONG, 3);
  if (set & SCS_RADAR_BENCHMARK)
    {
      g_autofree char *name = peers_name (engagement);

      peers = scs_radar_data_add_series (data, name, SCS_RADAR_MARKER_CROSS,
                                         SCS_RADAR_DASH_DOTTED, 4);
      peers->reference = TRUE;
    }
  if (expert != NULL)
    expert->filled = TRUE;
  if (current != NULL)
    current->maximum = 5;
  if (target != NULL)
    target->maximum = 5;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, i);
      const char *id = scs_node_get_id (sub);
      ScsTally tally;

      scs_engagement_tally (engagement, sub, count, &tally);
      if (expert != NULL)
        {
          double rate = scs_tally_get_rate (&tally);

          /* Nothing answered yet is no rate at all, not 0 %. */
          expert->values[i] = tally.n_answered > 0 && rate >= 0 ? rate : SCS_RADAR_NA;
        }
      if (company != NULL)
        {
          double rate = scs_tally_get_company_rate (&tally);

          company->values[i] = rate >= 0 ? rate : SCS_RADAR_NA;
        }
      if (current != NULL)
        current->values[i] = maturity_value (engagement, id, SCS_M_MATURITY_CURRENT);
      if (target != NULL)
        target->values[i] = maturity_value (engagement, id, SCS_M_MATURITY_TARGET);
      if (peers != NULL)
        {
          int percent = scs_engagement_get_benchmark (engagement, id, &source);

          peers->values[i] = percent >= 0 ? percent / 100.0 : SCS_RADAR_NA;
        }
    }

  if (peers != NULL && source != NULL)
    /* TRANSLATORS: %s cites the report the benchmark comes from */
    data->footnote = g_strdup_printf (_("2025 peers: %s. No line where the report has no figure for a subcategory."), source);
  data->empty_text = g_strdup (_("No answers yet: the chart fills in as criteria are assessed."));
  if (title)
    {
      const char *name = scs_record_get_string (SCS_RECORD (scs_engagement_get_company (engagement)),
                                                SCS_M_COMPANY_NAME);

      /* TRANSLATORS: the radar image's heading: company name, level (★3 or ★4) */
      data->title = g_strdup_printf (_("%s — ★%d, conformance and maturity by subcategory"),
                                     name[0] != '\0' ? name : _("(no company name)"), level);
    }
  return data;
}
