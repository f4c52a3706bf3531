/* scs-report.c — the printed forms: options, the report as a whole, its pages drawn into
 * any cairo context, and the PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * scs_report_new() lays a report out once through the flow engine (scs-report-flow.c), one
 * form after another (scs-report-cover.c, -radar.c, -sheet.c, -plan.c, -visits.c); drawing
 * a page replays its operations with the running head and foot around them.
 */

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include "scs-report-private.h"

/* texts ------------------------------------------------------------------------------------ */

/* A YYYY-MM-DD date, or NULL when it is not one. */
static GDateTime *
parse_date (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

static char *
format_date (const char *date)
{
  g_autoptr(GDateTime) dt = parse_date (date);
  /* The weekday in the report's language, whatever LC_TIME says. */
  static const char *days[] = {
    NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
    NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
  };
  g_autofree char *format = NULL;
  const char *day;
  char *at;

  if (dt == NULL)
    return g_strdup (date != NULL ? date : "");
  /* TRANSLATORS: a date in reports, strftime format; %a is the weekday */
  format = g_strdup (_("%a %-d %b %Y"));
  day = g_dpgettext2 (NULL, "weekday", days[g_date_time_get_day_of_week (dt) - 1]);
  at = strstr (format, "%a");
  if (at != NULL)
    {
      g_autofree char *before = g_strndup (format, at - format);
      char *whole = g_strconcat (before, day, at + 2, NULL);

      g_free (format);
      format = whole;
    }
  return g_date_time_format (dt, format);
}

char *
scs_report_format_long_date (const char *date)
{
  g_autoptr(GDateTime) dt = parse_date (date);

  if (dt == NULL)
    return g_strdup (date != NULL ? date : "");
  /* TRANSLATORS: a date written out in reports, strftime format */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

char *
scs_report_join_attendees (GListModel *attendees,
                           const char *side,
                           const char *company)
{
  g_autoptr(GString) s = g_string_new ("");

  for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(ScsRecord) a = g_list_model_get_item (attendees, i);
      g_autofree char *who = NULL;
      const char *organisation;

      if (side != NULL && !g_str_equal (str (a, SCS_M_ATTENDEE_SIDE), side))
        continue;
      /* The company's own people need not be told they work there. */
      organisation = str (a, SCS_M_ATTENDEE_ORGANISATION);
      who = g_strstrip (g_strjoin (" ", g_strcmp0 (organisation, company) == 0 ? "" : organisation,
                                   str (a, SCS_M_ATTENDEE_TITLE), str (a, SCS_M_ATTENDEE_NAME),
                                   NULL));
      if (*who == '\0')
        continue;
      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, who);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
scs_report_visit_when (ScsRecord *visit)
{
  g_autofree char *date = format_date (str (visit, SCS_M_VISIT_DATE));
  const char *start = str (visit, SCS_M_VISIT_START), *end = str (visit, SCS_M_VISIT_END);
  g_autofree char *hours = scs_report_format_time_range (start, end, FALSE);

  if (*hours == '\0')
    return g_steal_pointer (&date);
  return g_strdup_printf ("%s %s", date, hours);
}

/* dates ------------------------------------------------------------------------------------ */

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The date of the visit numbered number; "" when it has none or there is no such visit. */
static const char *
visit_date (ScsEngagement *engagement,
            gint64         number)
{
  GListModel *visits = scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_VISITS);

  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(ScsRecord) v = g_list_model_get_item (visits, i);

      /* The list keeps the record: its string outlives the reference dropped here. */
      if (scs_record_get_int (v, SCS_M_VISIT_NUMBER) == number)
        return str (v, SCS_M_VISIT_DATE);
    }
  return "";
}

char *
scs_report_get_default_date (ScsEngagement          *engagement,
                             const ScsReportOptions *options)
{
  ScsRecord *plan = scs_record_get_object (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_PLAN);
  const char *date = "";

  switch (options->kind)
    {
    case SCS_REPORT_PLAN:
      /* The plan is the one the company agreed to on that day; a draft, the day it was
       * written. */
      date = str (plan, SCS_M_PLAN_AGREED_DATE);
      if (*date == '\0')
        date = str (plan, SCS_M_PLAN_DATE);
      break;
    case SCS_REPORT_VISITS:
      if (options->visit == 0)
        return NULL;
      date = visit_date (engagement, options->visit);
      break;
    default:
      break;
    }
  return *date != '\0' ? g_strdup (date) : today ();
}

void
scs_report_date_pages (ScsReport  *report,
                       guint       first,
                       const char *date)
{
  const char *kept;

  /* The full report is one document handed over on one day: one date throughout, as a
   * date chosen for the whole report is. */
  if (report->options.kind != SCS_REPORT_VISITS || report->options.date != NULL
      || date == NULL || *date == '\0')
    return;
  kept = g_string_chunk_insert_const (report->page_dates, date);
  for (guint i = first; i < report->pages->len; i++)
    ((ScsPage *) g_ptr_array_index (report->pages, i))->date = kept;
}

/* the report ------------------------------------------------------------------------------- */

void
scs_report_options_init (ScsReportOptions *options)
{
  *options = (ScsReportOptions) {
    .kind = SCS_REPORT_FULL,
    .paper = SCS_PAPER_A4,
    .details = TRUE,
    .company_comments = TRUE,
    .unconfirmed = FALSE,
    /* TRANSLATORS: the confidentiality mark printed on every report page */
    .mark = _("Confidential"),
  };
}

ScsCount
scs_report_options_get_count (const ScsReportOptions *options)
{
  return options->unconfirmed ? SCS_COUNT_WITH_FOLLOW_UP : SCS_COUNT_CONFIRMED;
}

char *
scs_report_describe_follow_up (ScsEngagement          *engagement,
                               const ScsReportOptions *options)
{
  ScsTally confirmed;

  if (scs_report_options_get_count (options) == SCS_COUNT_CONFIRMED)
    return NULL;
  /* What the confirmed count leaves out is exactly what this one adds. */
  scs_engagement_tally (engagement, NULL, SCS_COUNT_CONFIRMED, &confirmed);
  if (confirmed.n_uncounted == 0)
    return NULL;
  /* TRANSLATORS: beside the figures of a report or workbook made with the switch “Verdicts
   * marked for follow-up” on */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Including %u verdict still marked for follow-up.",
                                       "Including %u verdicts still marked for follow-up.",
                                       confirmed.n_uncounted),
                          confirmed.n_uncounted);
}

static const char *kind_names[SCS_REPORT_N_KINDS] = { "full", "sheet", "plan", "visits", "radar" };
static const char *kind_titles[SCS_REPORT_N_KINDS] = {
  N_("Full Report"), N_("Security Assessment Sheet"), N_("Improvement Plan"),
  N_("Visit Reports"), N_("Radar Chart"),
};

const char *
scs_report_kind_to_string (ScsReportKind kind)
{
  g_return_val_if_fail (kind < SCS_REPORT_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
scs_report_kind_from_string (const char    *text,
                             ScsReportKind *kind)
{
  for (guint i = 0; i < SCS_REPORT_N_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
scs_report_kind_get_title (ScsReportKind kind)
{
  g_return_val_if_fail (kind < SCS_REPORT_N_KINDS, NULL);
  return _(kind_titles[kind]);
}

ScsReport *
scs_report_new (ScsEngagement          *engagement,
                const ScsReportOptions *options)
{
  ScsReport *report = g_new0 (ScsReport, 1);
  ScsRecord *company = scs_record_get_object (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_COMPANY);
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *font_options = cairo_font_options_create ();
  ScsReportContext ctx = { engagement, &report->options };
  ScsFlow flow = { .report = report };

  report->options = *options;
  report->mark = g_strdup (options->mark != NULL ? options->mark : "");
  report->date = options->date != NULL ? g_strdup (options->date)
                                        : scs_report_get_default_date (engagement, options);
  if (report->date == NULL)
    report->date = today ();
  report->page_dates = g_string_chunk_new (64);
  report->options.mark = report->mark;
  /* Still NULL when none was chosen: the reports of every visit date each visit's pages. */
  report->options.date = options->date != NULL ? report->date : NULL;
  report->company = g_strdup (str (company, SCS_M_COMPANY_NAME));
  if (!scs_framework_is_builtin (scs_engagement_get_framework (engagement)))
    /* TRANSLATORS: at the foot of every report page when the criteria came from a file */
    report->edition_note = g_strdup_printf (_("Criteria texts: user-provided edition %s, not the official text"),
                                            scs_framework_get_edition (scs_engagement_get_framework (engagement)));
  report->pages = g_ptr_array_new_with_free_func (scs_page_free);
  report->pango = pango_font_map_create_context (map);
  report->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  pango_cairo_context_set_resolution (report->pango, 72);
  /* Measured once for every target: hinted metrics would make a printer's lines differ. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (report->pango, font_options);
  cairo_font_options_destroy (font_options);
  flow.pending = g_ptr_array_new_with_free_func (scs_row_free);

  switch (options->kind)
    {
    case SCS_REPORT_FULL:
      scs_report_add_cover (&flow, &ctx);
      scs_report_add_radar (&flow, &ctx);
      scs_report_add_sheet (&flow, &ctx);
      scs_report_add_plan (&flow, &ctx);
      scs_report_add_visits (&flow, &ctx, FALSE);
      break;
    case SCS_REPORT_SHEET:
      scs_report_add_sheet (&flow, &ctx);
      break;
    case SCS_REPORT_PLAN:
      scs_report_add_plan (&flow, &ctx);
      break;
    case SCS_REPORT_VISITS:
      scs_report_add_visits (&flow, &ctx, TRUE);
      break;
    case SCS_REPORT_RADAR:
    default:
      scs_report_add_radar (&flow, &ctx);
      break;
    }
  scs_flow_flush_pending (&flow);
  scs_flow_close_table (&flow);
  g_ptr_array_unref (flow.pending);
  return report;
}

void
scs_report_free (ScsReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->pages);
  g_clear_pointer (&report->layouts, g_hash_table_unref);
  g_clear_object (&report->pango);
  g_clear_pointer (&report->radar, scs_radar_data_free);
  g_free (report->mark);
  g_free (report->date);
  g_string_chunk_free (report->page_dates);
  g_free (report->foot_company);
  g_free (report->company);
  g_free (report->edition_note);
  g_free (report);
}

guint
scs_report_get_n_pages (ScsReport *report)
{
  return report->pages->len;
}

void
scs_report_get_page_size (ScsReport *report,
                          guint      page,
                          double    *width,
                          double    *height)
{
  ScsPage *p = g_ptr_array_index (report->pages, page);

  *width = p->width;
  *height = p->height;
}

gboolean
scs_report_page_is_landscape (ScsReport *report,
                              guint      page)
{
  ScsPage *p = g_ptr_array_index (report->pages, page);

  return p->landscape;
}

/* drawing ---------------------------------------------------------------------------------- */

static void
show_text (ScsReport     *report,
           cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           double         width,
           double         size,
           gboolean       bold,
           PangoAlignment align)
{
  ScsFlow flow = { .report = report, .scale = 1 };
  g_autoptr(PangoLayout) layout = scs_flow_new_layout (&flow, text, width, size, bold, align);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The first chars characters of text, its trailing blanks cut, and "…". */
static char *
shorten (const char *text,
         int         chars)
{
  g_autofree char *start = g_strndup (text, g_utf8_offset_to_pointer (text, chars) - text);

  return g_strconcat (g_strchomp (start), "…", NULL);
}

/* The company's name as it fits in room on one line: whole, or cut between two characters
 * with "…" after. Cut here rather than by Pango's ellipsis, whose glyph stands in the PDF's
 * text for everything it hides: a search or a copy would find a name the page does not show. */
static char *
fit_company (ScsReport *report,
             double     room)
{
  ScsFlow flow = { .report = report, .scale = 1 };
  g_autofree char *name = g_strdelimit (g_strdup (report->company), "\r\n\t", ' ');
  g_autoptr(PangoLayout) layout = scs_flow_new_layout (&flow, name, -1, 7.5, FALSE,
                                                       PANGO_ALIGN_LEFT);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (int));
  const PangoLogAttr *attrs;
  guint lo = 0, hi;
  int width, n_attrs;

  pango_layout_get_size (layout, &width, NULL);
  if (width <= room * PANGO_SCALE)
    return g_steal_pointer (&name);
  /* Never inside a character as people see one: an emoji sequence, a letter and its marks. */
  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  for (int i = 0; i < n_attrs - 1; i++)
    if (attrs[i].is_cursor_position)
      g_array_append_val (cuts, i);
  /* The longest start that fits with its ellipsis, the first cut (none of the name) always
   * fitting: widths grow with the start. */
  hi = cuts->len;
  while (lo + 1 < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autofree char *fitted = shorten (name, g_array_index (cuts, int, mid));

      pango_layout_set_text (layout, fitted, -1);
      pango_layout_get_size (layout, &width, NULL);
      if (width <= room * PANGO_SCALE)
        lo = mid;
      else
        hi = mid;
    }
  return shorten (name, cuts->len > 0 ? g_array_index (cuts, int, lo) : 0);
}

/* The company's name at the left of the foot, on one line whatever its length, in the room
 * the date in the middle leaves. Fitted once for a room: most pages of a report share it. */
static void
draw_foot_company (ScsReport  *report,
                   cairo_t    *cr,
                   const char *date,
                   double      foot,
                   double      w)
{
  ScsFlow flow = { .report = report, .scale = 1 };
  g_autoptr(PangoLayout) middle = scs_flow_new_layout (&flow, date, -1, 7.5, FALSE,
                                                       PANGO_ALIGN_LEFT);
  int date_width;
  double room;

  pango_layout_get_size (middle, &date_width, NULL);
  room = MAX (w / 2 - (double) date_width / PANGO_SCALE / 2 - 12, 24);
  if (report->foot_company == NULL || report->foot_room != room)
    {
      g_free (report->foot_company);
      report->foot_company = fit_company (report, room);
      report->foot_room = room;
    }
  show_text (report, cr, report->foot_company, SCS_REPORT_MARGIN, foot, -1, 7.5, FALSE,
             PANGO_ALIGN_LEFT);
}

static void
draw_running_head (ScsReport *report,
                   cairo_t   *cr,
                   guint      index)
{
  ScsPage *page = g_ptr_array_index (report->pages, index);
  double w = page->width - 2 * SCS_REPORT_MARGIN;
  double foot = page->height - SCS_REPORT_MARGIN - 10;
  g_autofree char *date = scs_report_format_long_date (page->date != NULL ? page->date
                                                                          : report->date);
  g_autofree char *number = NULL;

  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  show_text (report, cr, page->title, SCS_REPORT_MARGIN, SCS_REPORT_MARGIN, w * 0.7, 8, FALSE,
             PANGO_ALIGN_LEFT);
  if (*report->mark != '\0')
    {
      ScsFlow flow = { .report = report, .scale = 1 };
      g_autoptr(PangoLayout) layout = scs_flow_new_layout (&flow, report->mark, -1, 9, TRUE,
                                                           PANGO_ALIGN_LEFT);
      int lw, lh;

      pango_layout_set_width (layout, -1);
      pango_layout_get_size (layout, &lw, &lh);
      cairo_set_source_rgb (cr, 0.7, 0.05, 0.05);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, page->width - SCS_REPORT_MARGIN - (double) lw / PANGO_SCALE - 8,
                       SCS_REPORT_MARGIN - 3, (double) lw / PANGO_SCALE + 8,
                       (double) lh / PANGO_SCALE + 4);
      cairo_stroke (cr);
      cairo_move_to (cr, page->width - SCS_REPORT_MARGIN - (double) lw / PANGO_SCALE - 4,
                     SCS_REPORT_MARGIN - 1);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  /* TRANSLATORS: page numbers at the foot of every report page */
  number = g_strdup_printf (_("Page %u / %u"), index + 1, report->pages->len);
  draw_foot_company (report, cr, date, foot, w);
  show_text (report, cr, date, SCS_REPORT_MARGIN + w / 3, foot, w / 3, 7.5, FALSE,
             PANGO_ALIGN_CENTER);
  show_text (report, cr, number, SCS_REPORT_MARGIN + 2 * w / 3, foot, w / 3, 7.5, FALSE,
             PANGO_ALIGN_RIGHT);
  /* In the margin below the foot, where no content goes: every page, even one torn out of
   * the report, says its criteria texts are not the official ones. */
  if (report->edition_note != NULL)
    {
      cairo_set_source_rgb (cr, 0.7, 0.05, 0.05);
      show_text (report, cr, report->edition_note, SCS_REPORT_MARGIN, foot + 11, w, 7.5, TRUE,
                 PANGO_ALIGN_CENTER);
    }
}

/* Glyphs gathered across the runs and lines of a text, shown with one call per font.
 * Japanese text is itemized at every change between kanji and kana, so a line holds a dozen
 * runs of two or three glyphs, and cairo's PDF surface spends far more on each call — it
 * records it, analyses it and writes its operators — than on its glyphs. The glyphs, their
 * positions and the text each stands for are what pango_cairo_show_layout_line() gives. */
typedef struct {
  cairo_t   *cr;
  PangoFont *font;        /* of the glyphs gathered; NULL before any */
  GArray    *glyphs;      /* cairo_glyph_t */
  GArray    *clusters;    /* cairo_text_cluster_t */
  GString   *text;
} GlyphBatch;

static void
batch_flush (GlyphBatch *batch)
{
  if (batch->glyphs->len == 0)
    {
      /* Text with no glyph to show (white space pango drew nothing for) */
      g_array_set_size (batch->clusters, 0);
      g_string_truncate (batch->text, 0);
      return;
    }
  cairo_set_scaled_font (batch->cr, pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (batch->font)));
  cairo_show_text_glyphs (batch->cr, batch->text->str, (int) batch->text->len,
                          (cairo_glyph_t *) (gpointer) batch->glyphs->data, (int) batch->glyphs->len,
                          (cairo_text_cluster_t *) (gpointer) batch->clusters->data,
                          (int) batch->clusters->len, 0);
  g_array_set_size (batch->glyphs, 0);
  g_array_set_size (batch->clusters, 0);
  g_string_truncate (batch->text, 0);
}

/* Whether a line is plain text left to right, which is all reports set: anything else (a
 * glyph the font lacks, drawn as a box; a font cairo could not load; attributes drawn
 * around the glyphs) goes through pango's own renderer. */
static gboolean
line_is_plain (PangoLayoutLine *line)
{
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if ((run->item->analysis.level & 1) != 0
          || (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_CENTERED_BASELINE) != 0
          || !PANGO_IS_CAIRO_FONT (run->item->analysis.font)
          || pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font)) == NULL)
        return FALSE;
      for (GSList *a = run->item->analysis.extra_attrs; a != NULL; a = a->next)
        if (((PangoAttribute *) a->data)->klass->type != PANGO_ATTR_FALLBACK)
          return FALSE;
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        if ((run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0)
          return FALSE;
    }
  return TRUE;
}

/* A line whose baseline starts at x, y: its glyphs where pango would draw them. */
static void
batch_add_line (GlyphBatch      *batch,
                PangoLayoutLine *line,
                double           x,
                double           y)
{
  const char *text = pango_layout_get_text (line->layout);
  int x_off = 0;

  if (!line_is_plain (line))
    {
      batch_flush (batch);
      cairo_move_to (batch->cr, x, y);
      pango_cairo_show_layout_line (batch->cr, line);
      return;
    }
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      PangoGlyphString *glyphs = run->glyphs;
      PangoGlyphItemIter iter;
      int width = pango_glyph_string_get_width (glyphs), position = 0;
      double base_x, base_y;

      if (run->item->analysis.font != batch->font)
        {
          batch_flush (batch);
          batch->font = run->item->analysis.font;
        }
      x_off += run->start_x_offset;
      base_x = x + (double) x_off / PANGO_SCALE;
      base_y = y - (double) run->y_offset / PANGO_SCALE;
      for (int i = 0; i < glyphs->num_glyphs; i++)
        {
          PangoGlyphInfo *gi = &glyphs->glyphs[i];

          if (gi->glyph != PANGO_GLYPH_EMPTY)
            {
              cairo_glyph_t g = {
                .index = gi->glyph,
                .x = base_x + (double) (position + gi->geometry.x_offset) / PANGO_SCALE,
                .y = base_y + (double) gi->geometry.y_offset / PANGO_SCALE,
              };

              g_array_append_val (batch->glyphs, g);
            }
          position += gi->geometry.width;
        }
      /* Each cluster: the bytes of text and the glyphs drawn for them. */
      if (pango_glyph_item_iter_init_start (&iter, run, text))
        do
          {
            cairo_text_cluster_t c = { .num_bytes = iter.end_index - iter.start_index, .num_glyphs = 0 };

            for (int i = iter.start_glyph; i < iter.end_glyph; i++)
              if (glyphs->glyphs[i].glyph != PANGO_GLYPH_EMPTY)
                c.num_glyphs++;
            g_array_append_val (batch->clusters, c);
          }
        while (pango_glyph_item_iter_next_cluster (&iter));
      g_string_append_len (batch->text, text + run->item->offset, run->item->length);
      x_off += width + run->end_x_offset;
    }
}

/* A text; of a row cut between pages, only the lines that lie within the part shown, so
 * that no hidden text is left on a page for search or copy to find. */
static void
show_lines (GlyphBatch  *batch,
            const ScsOp *op)
{
  GArray *lines = scs_flow_layout_lines (op->layout);
  guint lo = 0, hi = lines->len;

  if (!op->clip)
    {
      for (guint k = 0; k < lines->len; k++)
        {
          const ScsLineBox *box = &g_array_index (lines, ScsLineBox, k);

          batch_add_line (batch, box->line, op->x + box->x, op->y + box->baseline);
        }
      return;
    }
  /* The first line at or below the cut: lines lie in order down the layout. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (lines, ScsLineBox, mid).y0 < op->clip0 - 0.01)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint k = lo; k < lines->len; k++)
    {
      const ScsLineBox *box = &g_array_index (lines, ScsLineBox, k);

      if (box->y1 > op->clip0 + op->h + 0.01)
        break;
      batch_add_line (batch, box->line, op->x + box->x, op->y - op->clip0 + box->baseline);
    }
}

void
scs_report_draw_page (ScsReport *report,
                      cairo_t   *cr,
                      guint      index)
{
  ScsPage *page;
  GlyphBatch batch = { .cr = cr };

  g_return_if_fail (index < report->pages->len);
  batch.glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  batch.clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  batch.text = g_string_new (NULL);
  page = g_ptr_array_index (report->pages, index);
  cairo_save (cr);
  draw_running_head (report, cr, index);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  /* Backgrounds, then every rule as one path, then the texts: a few hundred strokes a
   * page drawn one by one cost the PDF surface more than all its text. */
  for (guint i = 0; i < page->ops->len; i++)
    {
      ScsOp *op = &g_array_index (page->ops, ScsOp, i);

      if (op->kind != OP_FILL)
        continue;
      cairo_set_source_rgb (cr, op->gray, op->gray, op->gray);
      cairo_rectangle (cr, op->x, op->y, op->w, op->h);
      cairo_fill (cr);
    }
  cairo_new_path (cr);
  for (guint i = 0; i < page->ops->len; i++)
    {
      ScsOp *op = &g_array_index (page->ops, ScsOp, i);

      if (op->kind != OP_LINE)
        continue;
      cairo_move_to (cr, op->x, op->y);
      cairo_rel_line_to (cr, op->w, op->h);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < page->ops->len; i++)
    {
      ScsOp *op = &g_array_index (page->ops, ScsOp, i);

      switch (op->kind)
        {
        case OP_FILL:
        case OP_LINE:
          break;
        case OP_TEXT:
          show_lines (&batch, op);
          break;
        case OP_RADAR:
          {
            ScsRadarStyle style;

            batch_flush (&batch);
            scs_report_radar_style (&style);
            cairo_save (cr);
            cairo_translate (cr, op->x, op->y);
            scs_radar_draw (cr, report->radar, &style, op->w, op->h);
            cairo_restore (cr);
            cairo_set_source_rgb (cr, 0, 0, 0);
          }
          break;
        }
    }
  batch_flush (&batch);
  g_array_unref (batch.glyphs);
  g_array_unref (batch.clusters);
  g_string_free (batch.text, TRUE);
  cairo_restore (cr);
}

GBytes *
scs_report_to_pdf (ScsReport *report,
                   GError   **error)
{
  GByteArray *buffer = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h;

  scs_report_get_page_size (report, 0, &w, &h);
  surface = cairo_pdf_surface_create_for_stream (scs_cairo_append_bytes, buffer, w, h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  ((ScsPage *) g_ptr_array_index (report->pages, 0))->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "SCS Assessor " SCS_VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < report->pages->len; i++)
    {
      scs_report_get_page_size (report, i, &w, &h);
      cairo_pdf_surface_set_size (surface, w, h);
      scs_report_draw_page (report, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (buffer);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be made: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (buffer);
}

gboolean
scs_report_export_pdf (ScsEngagement          *engagement,
                       const ScsReportOptions *options,
                       const char             *path,
                       GError                **error)
{
  g_autoptr(ScsReport) report = scs_report_new (engagement, options);
  g_autoptr(GBytes) bytes = scs_report_to_pdf (report, error);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return bytes != NULL && scs_storage_write_file (bytes, file, error);
}
