/* scs-report-radar.c — the report's radar page: the chart beside a table of its values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include "scs-engagement-radar.h"
#include "scs-report-private.h"

static void
layout_radar (ScsFlow                *flow,
              const ScsReportContext *ctx)
{
  ScsReport *report = flow->report;
  GListModel *subs = scs_framework_get_subcategories (scs_engagement_get_framework (ctx->engagement),
                                                      scs_engagement_get_level (ctx->engagement));
  ScsTable plain = scs_flow_plain_table (flow);
  double chart_w = (flow->right - flow->left) * 0.62;
  ScsTable values = { .borders = TRUE, .pad = 2.5 };
  const char *titles[4] = { _("Subcategory"), _("Conforming"), _("Self-assessed"), _("Maturity") };
  static const PangoAlignment aligns[4] = {
    PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_RIGHT, PANGO_ALIGN_CENTER,
  };
  const char *texts[4];
  double top;
  g_autofree char *follow_up = scs_report_describe_follow_up (ctx->engagement, ctx->options);

  scs_flow_heading (flow, &plain, _("Conformance and Maturity"), 14);
  scs_flow_flush_pending (flow);
  if (follow_up != NULL)
    scs_flow_paragraph (flow, &plain, follow_up, 9, PANGO_ALIGN_LEFT);
  scs_flow_close_table (flow);
  top = flow->y + 4;
  if (report->radar == NULL)
    report->radar = scs_engagement_radar_new (ctx->engagement, SCS_RADAR_ALL,
                                              scs_report_options_get_count (ctx->options), FALSE);
  scs_flow_add_op (flow, (ScsOp) { .kind = OP_RADAR, .x = flow->left, .y = top, .w = chart_w,
                                   .h = flow->bottom - top });

  values.n = 4;
  values.x = flow->left + chart_w + 12;
  values.widths[0] = flow->right - values.x - 3 * 44;
  values.widths[1] = values.widths[2] = values.widths[3] = 44;
  values.header = scs_flow_header_row (flow, &values, titles);
  flow->y = top;
  for (guint s = 0; s < g_list_model_get_n_items (subs); s++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, s);
      ScsTally tally;
      ScsRecord *m = scs_engagement_radar_find_maturity (ctx->engagement, scs_node_get_id (sub));
      gint64 cur = m != NULL ? scs_record_get_int (m, SCS_M_MATURITY_CURRENT) : -1;
      gint64 target = m != NULL ? scs_record_get_int (m, SCS_M_MATURITY_TARGET) : -1;
      double rate, own;
      g_autofree char *name = g_strdup_printf ("%s %s", scs_node_get_id (sub), scs_node_get_title (sub));
      g_autofree char *a = NULL, *b = NULL, *c = NULL;
      ScsRow *row = scs_row_new (4);

      scs_engagement_tally (ctx->engagement, sub, scs_report_options_get_count (ctx->options), &tally);
      rate = scs_tally_get_rate (&tally);
      own = scs_tally_get_company_rate (&tally);
      a = rate < 0 ? g_strdup ("–") : g_strdup_printf ("%d/%u", tally.n_conforming,
                                                       tally.n_criteria - tally.n_not_applicable);
      b = own < 0 ? g_strdup ("–") : g_strdup_printf ("%.0f%%", own * 100);
      c = g_strdup_printf ("%s → %s", cur < 0 ? "–" : (char[]) { '0' + (char) cur, 0 },
                           target < 0 ? "–" : (char[]) { '0' + (char) target, 0 });
      texts[0] = name;
      texts[1] = a;
      texts[2] = b;
      texts[3] = c;
      for (guint k = 0; k < 4; k++)
        row->cells[k].layout = scs_flow_layout (flow, texts[k], scs_table_inner_width (&values, k),
                                                7, FALSE, aligns[k]);
      scs_flow_place_row (flow, &values, row);
    }
  scs_flow_close_table (flow);
  scs_row_free (values.header);
}

void
scs_report_radar_style (ScsRadarStyle *style)
{
  scs_radar_style_init_light (style);
  style->show_values = TRUE;
  style->font_family = scs_report_font_family ();
  /* On paper nothing tells a shortened title: it wraps, smaller and round a smaller plot,
   * down to a size still read at arm's length. */
  style->whole_labels = TRUE;
  style->min_font_size = 7;
}

void
scs_report_add_radar (ScsFlow                *flow,
                      const ScsReportContext *ctx)
{
  scs_flow_new_page (flow, TRUE, _("Radar Chart"));
  layout_radar (flow, ctx);
}
