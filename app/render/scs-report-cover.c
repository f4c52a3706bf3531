/* scs-report-cover.c — the full report's cover: who, what level, which edition, the result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include "scs-report-private.h"

static void
layout_cover (ScsFlow                *flow,
              const ScsReportContext *ctx)
{
  ScsRecord *eng = SCS_RECORD (ctx->engagement);
  ScsRecord *company = scs_record_get_object (eng, SCS_M_ENGAGEMENT_COMPANY);
  ScsRecord *expert = scs_record_get_object (eng, SCS_M_ENGAGEMENT_EXPERT);
  ScsFramework *fw = scs_engagement_get_framework (ctx->engagement);
  ScsTable plain = scs_flow_plain_table (flow);
  static const double form_parts[2] = { 150, 373 };
  ScsTable form = { .borders = TRUE, .pad = 5 };
  ScsTally tally;
  g_autofree char *level = NULL, *result = NULL;
  g_autofree char *date = scs_report_format_long_date (flow->report->date);
  g_autofree char *edition = NULL, *people = NULL;
  g_autofree char *follow_up = scs_report_describe_follow_up (ctx->engagement, ctx->options);
  g_autoptr(GPtrArray) blockers = NULL;
  ScsCount count = scs_report_options_get_count (ctx->options);
  gboolean ready = scs_engagement_get_readiness (ctx->engagement, count, &blockers);
  const char *texts[2];
  ScsRow *row;

  scs_table_set_widths (&form, flow, form_parts, 2);
  scs_engagement_tally (ctx->engagement, NULL, count, &tally);
  flow->y = flow->top + (flow->bottom - flow->top) * 0.2;
  row = scs_row_new (1);
  row->cells[0].layout = scs_flow_layout (flow, _("Security Assessment Report"),
                                          scs_table_inner_width (&plain, 0), 24, TRUE,
                                          PANGO_ALIGN_CENTER);
  scs_flow_place_row (flow, &plain, row);
  scs_flow_skip (flow, 8);
  scs_flow_paragraph (flow, &plain, scs_framework_get_title (fw), 11, PANGO_ALIGN_CENTER);
  scs_flow_skip (flow, 40);

  level = g_strdup_printf ("★%d", scs_engagement_get_level (ctx->engagement));
  edition = g_strdup_printf ("%s (%s)", scs_framework_get_edition (fw),
                             scs_framework_is_official (fw) ? _("official")
                             : scs_framework_is_builtin (fw) ? _("draft")
                             /* TRANSLATORS: on the report's cover, after the criteria edition */
                             : _("user-provided edition, not the official text"));
  /* TRANSLATORS: on the cover: conforming criteria out of those that apply */
  result = g_strdup_printf (_("%u of %u applicable criteria conform; %u need improvement; %u not yet evaluated"),
                            tally.n_conforming, tally.n_criteria - tally.n_not_applicable,
                            tally.n_not_conforming, tally.n_unanswered);
  /* In the result's own cell, so the figures are never read without it. */
  if (follow_up != NULL)
    {
      char *both = g_strconcat (result, "\n", follow_up, NULL);

      g_free (result);
      result = both;
    }
  people = g_strstrip (g_strjoin (" ", str (expert, SCS_M_EXPERT_NAME),
                                  str (expert, SCS_M_EXPERT_REGISTRATION_NUMBER), NULL));
  {
    struct { const char *label; const char *value; } parts[] = {
      { C_("report", "Company"), str (company, SCS_M_COMPANY_NAME) },
      { _("Level"), level },
      { _("Criteria edition"), edition },
      { _("Expert"), people },
      { _("Result"), result },
      { _("Readiness"), ready ? _("Every criterion of the level conforms.") : _("Not yet ready: some criteria block the level.") },
      { _("Date"), date },
    };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        texts[0] = parts[i].label;
        texts[1] = parts[i].value;
        scs_flow_place_row (flow, &form, scs_flow_form_row (flow, &form, texts));
      }
  }
  scs_flow_close_table (flow);
}

void
scs_report_add_cover (ScsFlow                *flow,
                      const ScsReportContext *ctx)
{
  scs_flow_new_page (flow, FALSE, _("Security Assessment Report"));
  layout_cover (flow, ctx);
}
