/* scs-report-visits.c — the visit reports (実施報告書), one per visit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include "scs-report-private.h"

/* "9:05", "09:05", "13:30" → minutes after midnight; -1 for an empty or unreadable time. */
static int
parse_clock (const char *time)
{
  unsigned h, m;
  char end;

  if (time == NULL || sscanf (time, "%2u:%2u%c", &h, &m, &end) != 2 || h > 23 || m > 59)
    return -1;
  return (int) (h * 60 + m);
}

static char *
format_clock (int minutes)
{
  minutes %= 24 * 60;
  return g_strdup_printf ("%d:%02d", minutes / 60, minutes % 60);
}

char *
scs_report_format_time_range (const char *start,
                              const char *end,
                              gboolean    schedule)
{
  if (start == NULL || *start == '\0')
    return g_strdup (end != NULL ? end : "");
  if (end == NULL || *end == '\0')
    return g_strdup (start);
  /* The guide writes a meeting's hours 14:00~17:00 and a schedule's slots 13:30-13:40. */
  return g_strdup_printf (schedule
                          /* TRANSLATORS: a slot of a visit's time schedule, from %s to %s */
                          ? C_("schedule", "%s–%s")
                          /* TRANSLATORS: a meeting's hours, from %s to %s */
                          : C_("meeting", "%s–%s"), start, end);
}

/* An agenda row's slot: from its start to start + minutes, else to the next row's start;
 * the start alone when neither is known. */
static char *
agenda_slot (GListModel *rows,
             guint       i)
{
  g_autoptr(ScsRecord) a = g_list_model_get_item (rows, i);
  int start = parse_clock (str (a, SCS_M_AGENDA_ROW_TIME));
  gint64 length = scs_record_get_int (a, SCS_M_AGENDA_ROW_MINUTES);
  g_autofree char *from = NULL, *to = NULL;

  if (start < 0)
    return g_strdup (str (a, SCS_M_AGENDA_ROW_TIME));
  from = format_clock (start);
  if (length > 0)
    to = format_clock (start + (int) length);
  else if (i + 1 < g_list_model_get_n_items (rows))
    {
      g_autoptr(ScsRecord) next = g_list_model_get_item (rows, i + 1);
      int after = parse_clock (str (next, SCS_M_AGENDA_ROW_TIME));

      if (after >= 0)
        to = format_clock (after);
    }
  return scs_report_format_time_range (from, to, TRUE);
}

static gboolean
visit_has_content (ScsRecord *v)
{
  return *str (v, SCS_M_VISIT_DATE) != '\0' || *str (v, SCS_M_VISIT_DONE) != '\0'
         || g_list_model_get_n_items (scs_record_get_list (v, SCS_M_VISIT_AGENDA)) > 0;
}

static void
layout_visit (ScsFlow                *flow,
              const ScsReportContext *ctx,
              ScsRecord              *v)
{
  static const double form_parts[2] = { 110, 413 };
  static const double agenda_parts[4] = { 66, 38, 182, 237 };
  ScsTable plain = scs_flow_plain_table (flow);
  ScsTable form = { .borders = TRUE, .pad = 4 }, agenda = { .borders = TRUE, .pad = 3.5 };
  /* The guide's schedule: the slot, its length, the topic, what to keep in mind. */
  const char *agenda_titles[4] = { C_("schedule", "Time"), C_("schedule", "Duration"), _("Topic"),
                                   _("Points to consider") };
  ScsRecord *company = scs_record_get_object (SCS_RECORD (ctx->engagement),
                                              SCS_M_ENGAGEMENT_COMPANY);
  GListModel *rows = scs_record_get_list (v, SCS_M_VISIT_AGENDA);
  GListModel *attendees = scs_record_get_list (v, SCS_M_VISIT_ATTENDEES);
  g_autofree char *title = NULL, *when = scs_report_visit_when (v);
  g_autofree char *ours = scs_report_join_attendees (attendees, "company",
                                                     str (company, SCS_M_COMPANY_NAME));
  g_autofree char *theirs = scs_report_join_attendees (attendees, "expert", NULL);
  const char *mode = str (v, SCS_M_VISIT_MODE);
  ScsRecord *expert = scs_record_get_object (SCS_RECORD (ctx->engagement),
                                             SCS_M_ENGAGEMENT_EXPERT);
  /* The report is the expert's: written by them unless the visit names someone else. */
  const char *author = *str (v, SCS_M_VISIT_AUTHOR) != '\0' ? str (v, SCS_M_VISIT_AUTHOR)
                                                            : str (expert, SCS_M_EXPERT_NAME);
  const char *texts[2];
  struct { const char *label; const char *value; } parts[] = {
    { C_("report", "Company"), str (company, SCS_M_COMPANY_NAME) },
    { _("Date and time"), when },
    { _("Form"), g_str_equal (mode, "online") ? _("Online")
                 : g_str_equal (mode, "on_site") ? _("On site") : "" },
    { _("Place"), str (v, SCS_M_VISIT_PLACE) },
    { _("Attendees (company)"), ours },
    { _("Attendees (expert)"), theirs },
    /* TRANSLATORS: in a visit report's header, who wrote the report */
    { C_("visit report", "Author"), author },
  };
  struct { const char *label; const char *field; } texts_after[] = {
    { N_("What was done"), SCS_M_VISIT_DONE },
    { N_("Requests to the company"), SCS_M_VISIT_REQUESTS },
    { N_("Next steps"), SCS_M_VISIT_NEXT_STEPS },
  };
  ScsRow *row;

  scs_table_set_widths (&form, flow, form_parts, 2);
  scs_table_set_widths (&agenda, flow, agenda_parts, 4);
  /* TRANSLATORS: the title of a visit report; %d is the visit's number */
  title = g_strdup_printf (_("Visit Report — Visit %d"),
                           (int) scs_record_get_int (v, SCS_M_VISIT_NUMBER));
  row = scs_row_new (1);
  row->cells[0].layout = scs_flow_layout (flow, title, scs_table_inner_width (&plain, 0), 18, TRUE,
                                          PANGO_ALIGN_CENTER);
  scs_flow_place_row (flow, &plain, row);
  scs_flow_skip (flow, 6);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      texts[0] = parts[i].label;
      texts[1] = *parts[i].value != '\0' ? parts[i].value : "—";
      scs_flow_place_row (flow, &form, scs_flow_form_row (flow, &form, texts));
    }
  scs_flow_close_table (flow);
  scs_flow_skip (flow, 10);

  scs_flow_heading (flow, &plain, _("Agenda"), 11);
  agenda.header = scs_flow_header_row (flow, &agenda, agenda_titles);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ScsRecord) a = g_list_model_get_item (rows, i);
      gint64 length = scs_record_get_int (a, SCS_M_AGENDA_ROW_MINUTES);
      g_autofree char *slot = agenda_slot (rows, i);
      /* TRANSLATORS: an agenda row's length in the visit report's schedule */
      g_autofree char *minutes = length > 0 ? g_strdup_printf (_("%d min"), (int) length)
                                            : g_strdup ("");
      const char *cells[4] = {
        slot, minutes, str (a, SCS_M_AGENDA_ROW_TOPIC),
        str (a, SCS_M_AGENDA_ROW_POINTS),
      };

      row = scs_row_new (4);
      for (guint c = 0; c < 4; c++)
        row->cells[c].layout = scs_flow_cell_layout (flow, cells[c],
                                                     scs_table_inner_width (&agenda, c), 8.5, FALSE,
                                                     PANGO_ALIGN_LEFT);
      scs_flow_place_row (flow, &agenda, row);
    }
  if (g_list_model_get_n_items (rows) == 0)
    scs_flow_paragraph (flow, &plain, _("No agenda recorded."), 9, PANGO_ALIGN_LEFT);
  scs_flow_close_table (flow);
  scs_row_free (agenda.header);

  for (guint i = 0; i < G_N_ELEMENTS (texts_after); i++)
    {
      ScsTable box = { .n = 1, .x = flow->left, .widths = { flow->right - flow->left },
                       .borders = TRUE, .pad = 6 };
      const char *text = str (v, texts_after[i].field);

      scs_flow_skip (flow, 10);
      scs_flow_heading (flow, &plain, _(texts_after[i].label), 11);
      row = scs_row_new (1);
      row->cells[0].layout = scs_flow_layout (flow, *text != '\0' ? text : "–",
                                              scs_table_inner_width (&box, 0), 9, FALSE,
                                              PANGO_ALIGN_LEFT);
      scs_flow_place_row (flow, &box, row);
      scs_flow_close_table (flow);
    }
}

void
scs_report_add_visits (ScsFlow                *flow,
                       const ScsReportContext *ctx,
                       gboolean                placeholder)
{
  GListModel *visits = scs_record_get_list (SCS_RECORD (ctx->engagement), SCS_M_ENGAGEMENT_VISITS);
  guint n_pages = flow->report->pages->len;

  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(ScsRecord) v = g_list_model_get_item (visits, i);
      guint first;

      if (ctx->options->visit > 0
          && scs_record_get_int (v, SCS_M_VISIT_NUMBER) != ctx->options->visit)
        continue;
      if (ctx->options->visit == 0 && !visit_has_content (v))
        continue;
      first = flow->report->pages->len;
      scs_flow_new_page (flow, FALSE, _("Visit Report"));
      layout_visit (flow, ctx, v);
      scs_report_date_pages (flow->report, first, str (v, SCS_M_VISIT_DATE));
    }
  if (placeholder && flow->report->pages->len == n_pages)
    {
      ScsTable plain;

      scs_flow_new_page (flow, FALSE, _("Visit Report"));
      plain = scs_flow_plain_table (flow);
      scs_flow_paragraph (flow, &plain, _("No visit has been recorded yet."), 11, PANGO_ALIGN_LEFT);
      scs_flow_close_table (flow);
    }
}
