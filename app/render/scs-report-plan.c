/* scs-report-plan.c — the improvement plan (改善計画書)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include "scs-report-private.h"

static const char *level_titles[] = { N_("High"), N_("Medium"), N_("Low") };

const char *
scs_report_level_title (const char *id)
{
  if (g_strcmp0 (id, "high") == 0)
    return _(level_titles[0]);
  if (g_strcmp0 (id, "mid") == 0)
    return _(level_titles[1]);
  if (g_strcmp0 (id, "low") == 0)
    return _(level_titles[2]);
  return "–";
}

static const char *circled[] = { "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩" };

/* The guide's form has no empty box: what is not known yet prints as a dash. */
static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static void
layout_plan (ScsFlow                *flow,
             const ScsReportContext *ctx)
{
  ScsRecord *eng = SCS_RECORD (ctx->engagement);
  ScsRecord *company = scs_record_get_object (eng, SCS_M_ENGAGEMENT_COMPANY);
  ScsRecord *expert = scs_record_get_object (eng, SCS_M_ENGAGEMENT_EXPERT);
  ScsRecord *plan = SCS_RECORD (scs_engagement_get_plan (ctx->engagement));
  GListModel *visits = scs_record_get_list (eng, SCS_M_ENGAGEMENT_VISITS);
  GListModel *items = scs_record_get_list (plan, SCS_M_PLAN_ITEMS);
  ScsTable plain = scs_flow_plain_table (flow);
  static const double form_parts[4] = { 104, 156, 104, 156 };
  /* The expert's name runs to the end of its row, as in the guide. */
  static const double expert_parts[2] = { 104, 416 };
  static const double meeting_parts[3] = { 104, 156, 260 };
  static const double item_parts[5] = { 24, 250, 72, 120, 70 };
  ScsTable form = { .borders = TRUE, .pad = 4 }, meetings = { .borders = TRUE, .pad = 4 };
  ScsTable expert_form = { .borders = TRUE, .pad = 4 };
  ScsTable summary = { .borders = TRUE, .pad = 6 }, item_table = { .borders = TRUE, .pad = 4 };
  const char *item_titles[5] = { _("No."), _("Content"), _("Priority"),
                                  /* TRANSLATORS: the plan's column of when an item is done */
                                  C_("plan", "Timing"), _("Owner") };
  g_autofree char *author = g_strstrip (g_strjoin (" ", str (plan, SCS_M_PLAN_AUTHOR_TITLE),
                                                   str (plan, SCS_M_PLAN_AUTHOR_NAME), NULL));
  const char *date = str (plan, SCS_M_PLAN_DATE);
  g_autofree char *made = NULL, *made_date = scs_report_format_long_date (date);
  g_autofree char *previous = NULL;
  const char *texts[4];
  guint placed = 0;
  ScsRow *row;

  scs_table_set_widths (&form, flow, form_parts, 4);
  scs_table_set_widths (&expert_form, flow, expert_parts, 2);
  scs_table_set_widths (&meetings, flow, meeting_parts, 3);
  scs_table_set_widths (&item_table, flow, item_parts, 5);
  summary.n = 1;
  summary.x = flow->left;
  summary.widths[0] = flow->right - flow->left;

  row = scs_row_new (1);
  row->cells[0].layout = scs_flow_layout (flow, _("Improvement Plan"),
                                          scs_table_inner_width (&plain, 0), 18, TRUE,
                                          PANGO_ALIGN_CENTER);
  scs_flow_place_row (flow, &plain, row);
  if (*date != '\0')
    {
      /* TRANSLATORS: the date the plan was written, top right of the plan */
      made = g_strdup_printf (_("Written %s"), made_date);
      scs_flow_paragraph (flow, &plain, made, 9, PANGO_ALIGN_RIGHT);
    }
  scs_flow_skip (flow, 6);

  scs_flow_heading (flow, &plain, _("1. What was done (company)"), 11);
  texts[0] = C_("report", "Company");
  texts[1] = or_dash (str (company, SCS_M_COMPANY_NAME));
  texts[2] = _("Responsible (title and name)");
  texts[3] = or_dash (author);
  scs_flow_place_row (flow, &form, scs_flow_form_row (flow, &form, texts));
  texts[0] = C_("report", "Expert name");
  texts[1] = or_dash (str (expert, SCS_M_EXPERT_NAME));
  scs_flow_place_row (flow, &expert_form, scs_flow_form_row (flow, &expert_form, texts));

  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(ScsRecord) v = g_list_model_get_item (visits, i);
      gint64 number = scs_record_get_int (v, SCS_M_VISIT_NUMBER);
      g_autofree char *when = scs_report_visit_when (v);
      GListModel *attendees = scs_record_get_list (v, SCS_M_VISIT_ATTENDEES);
      g_autofree char *who = scs_report_join_attendees (attendees, "company",
                                                        str (company, SCS_M_COMPANY_NAME));
      g_autofree char *label = NULL, *date_line = NULL;

      if (*str (v, SCS_M_VISIT_DATE) == '\0' && *who == '\0')
        continue;
      label = placed == 0 ? g_strdup (_("Meetings (attendees)")) : g_strdup ("");
      date_line = number >= 1 && number <= 10
                  ? g_strdup_printf ("%s %s", circled[number - 1], or_dash (when))
                  : g_strdup (or_dash (when));
      texts[0] = label;
      texts[1] = date_line;
      /* TRANSLATORS: in the plan's list of meetings, attendees the same as the meeting above */
      texts[2] = previous != NULL && *who != '\0' && g_str_equal (previous, who)
                 ? _("Same as above") : or_dash (who);
      row = scs_flow_form_row (flow, &meetings, texts);
      if (placed++ > 0)
        {
          row->cells[0].span = TRUE;
          g_clear_object (&row->cells[0].layout);
          row->cells[0].span_text = scs_flow_layout (flow, _("Meetings (attendees)"),
                                                     scs_table_inner_width (&meetings, 0), 8.5,
                                                     TRUE, PANGO_ALIGN_LEFT);
        }
      scs_flow_place_row (flow, &meetings, row);
      g_free (previous);
      previous = g_strdup (who);
    }
  if (placed == 0)
    {
      texts[0] = _("Meetings (attendees)");
      texts[1] = "—";
      texts[2] = "—";
      scs_flow_place_row (flow, &meetings, scs_flow_form_row (flow, &meetings, texts));
    }
  scs_flow_close_table (flow);
  scs_flow_skip (flow, 10);

  scs_flow_heading (flow, &plain, _("2. Evaluation result (expert)"), 11);
  row = scs_row_new (1);
  row->cells[0].layout = scs_flow_layout (flow, or_dash (str (plan, SCS_M_PLAN_SUMMARY)),
                                          scs_table_inner_width (&summary, 0), 9, FALSE,
                                          PANGO_ALIGN_LEFT);
  scs_flow_place_row (flow, &summary, row);
  scs_flow_close_table (flow);
  scs_flow_skip (flow, 10);

  scs_flow_heading (flow, &plain, _("3. Improvement plan (company)"), 11);
  item_table.header = scs_flow_header_row (flow, &item_table, item_titles);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (items, i);
      const char * const *criteria = scs_record_get_strv (item, SCS_M_PLAN_ITEM_CRITERIA);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      g_autofree char *linked = criteria != NULL && criteria[0] != NULL
                                ? g_strjoinv (", ", (char **) criteria) : NULL;
      g_autofree char *body = NULL, *priority = NULL, *timing = NULL;
      g_autofree char *due = scs_report_format_long_date (str (item, SCS_M_PLAN_ITEM_DUE_DATE));
      const char *details = str (item, SCS_M_PLAN_ITEM_DETAILS);
      const char *when = str (item, SCS_M_PLAN_ITEM_TIMING);

      /* TRANSLATORS: under a plan item, the criteria it fixes */
      body = linked != NULL ? g_strdup_printf (_("%s\nCriteria: %s"), details, linked)
                            : g_strdup (details);
      /* TRANSLATORS: a plan item's priority: urgency, importance, difficulty */
      priority = g_strdup_printf (_("Urgency: %s\nImportance: %s\nDifficulty: %s"),
                                  scs_report_level_title (str (item, SCS_M_PLAN_ITEM_URGENCY)),
                                  scs_report_level_title (str (item, SCS_M_PLAN_ITEM_IMPORTANCE)),
                                  scs_report_level_title (str (item, SCS_M_PLAN_ITEM_DIFFICULTY)));
      timing = *due != '\0' && *when != '\0'
               /* TRANSLATORS: a plan item's timing and its due date */
               ? g_strdup_printf (_("%s\n(due %s)"), when, due)
               : g_strdup (*due != '\0' ? due : when);
      row = scs_row_new (5);
      row->cells[0].layout = scs_flow_layout (flow, number, scs_table_inner_width (&item_table, 0),
                                              8.5, FALSE, PANGO_ALIGN_LEFT);
      g_strstrip (body);
      row->cells[1].layout = scs_flow_titled_layout (flow, str (item, SCS_M_PLAN_ITEM_TITLE),
                                                     *str (item, SCS_M_PLAN_ITEM_TITLE) != '\0'
                                                     ? body : or_dash (body),
                                                     scs_table_inner_width (&item_table, 1), 8.5);
      row->cells[2].layout = scs_flow_layout (flow, priority,
                                              scs_table_inner_width (&item_table, 2), 7.5, FALSE,
                                              PANGO_ALIGN_LEFT);
      row->cells[3].layout = scs_flow_layout (flow, or_dash (timing),
                                              scs_table_inner_width (&item_table, 3), 8.5, FALSE,
                                              PANGO_ALIGN_LEFT);
      row->cells[4].layout = scs_flow_layout (flow, or_dash (str (item, SCS_M_PLAN_ITEM_OWNER)),
                                              scs_table_inner_width (&item_table, 4), 8.5, FALSE,
                                              PANGO_ALIGN_LEFT);
      scs_flow_place_row (flow, &item_table, row);
    }
  if (g_list_model_get_n_items (items) == 0)
    scs_flow_paragraph (flow, &plain, _("No plan items yet."), 9, PANGO_ALIGN_LEFT);
  scs_flow_close_table (flow);
  if (*str (plan, SCS_M_PLAN_AGREED_DATE) != '\0')
    {
      g_autofree char *agreed_date =
        scs_report_format_long_date (str (plan, SCS_M_PLAN_AGREED_DATE));
      g_autofree char *agreed = g_strdup_printf (_("Agreed %s"), agreed_date);

      scs_flow_skip (flow, 8);
      scs_flow_paragraph (flow, &plain, agreed, 9, PANGO_ALIGN_RIGHT);
    }
  /* plain is this function's: it may not stay the flow's open table once it returns. */
  scs_flow_close_table (flow);
  scs_row_free (item_table.header);
}

void
scs_report_add_plan (ScsFlow                *flow,
                     const ScsReportContext *ctx)
{
  scs_flow_new_page (flow, FALSE, _("Improvement Plan"));
  layout_plan (flow, ctx);
}
