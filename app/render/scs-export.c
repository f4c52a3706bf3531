/* scs-export.c — CSV and XLSX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>
#include "scs-engagement-radar.h"
#include "scs-export.h"
#include "scs-radar.h"
#include "scs-report-private.h"

/* The confidentiality mark the options ask for, or NULL for none: blank counts as none,
 * as it does on the PDF's pages. */
static char *
export_mark (const ScsReportOptions *options)
{
  g_autofree char *mark = g_strstrip (g_strdup (options->mark != NULL ? options->mark : ""));

  return *mark != '\0' ? g_steal_pointer (&mark) : NULL;
}

/* CSV ---------------------------------------------------------------------------------- */

/* Whether a spreadsheet opening the CSV could take the text for a formula. Excel evaluates
 * a cell that starts with = + - or @, and OWASP adds a leading tab or carriage return;
 * LibreOffice 7.4 evaluates only =, and neither after leading spaces nor in full-width
 * forms (＝＋－＠), which are left alone: they are ordinary Japanese punctuation. Texts are
 * also caught after leading white space, which Excel's import may drop. */
static gboolean
csv_is_live (const char *text)
{
  const char *p = text;

  if (*p == '\t' || *p == '\r')
    return TRUE;
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
    p++;
  return *p == '=' || *p == '+' || *p == '-' || *p == '@';
}

static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  g_autofree char *inert = NULL;

  text = text != NULL ? text : "";
  /* An apostrophe in front makes it text, as OWASP recommends: the spreadsheet shows it. */
  if (csv_is_live (text))
    text = inert = g_strconcat ("'", text, NULL);
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          /* Line breaks inside a field are CRLF too: Excel keeps them as one break. */
          if (*p == '\n' && (p == text || p[-1] != '\r'))
            g_string_append_c (out, '\r');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

enum {
  C_CATEGORY_ID, C_CATEGORY, C_SUBCATEGORY_ID, C_SUBCATEGORY, C_REQUIREMENT_ID,
  C_REQUIREMENT_TITLE, C_REQUIREMENT, C_CRITERION_ID, C_CRITERION, C_STATUS, C_COMMENT,
  C_PROC, C_VERDICT = C_PROC + SCS_N_PROCEDURES, C_EXPERT, C_N
};

static void
csv_titles (const char **titles)
{
  titles[C_CATEGORY_ID] = _("Category No.");
  titles[C_CATEGORY] = _("Category");
  titles[C_SUBCATEGORY_ID] = _("Subcategory No.");
  titles[C_SUBCATEGORY] = _("Subcategory");
  titles[C_REQUIREMENT_ID] = _("Requirement No.");
  titles[C_REQUIREMENT_TITLE] = _("Requirement title");
  titles[C_REQUIREMENT] = _("Requirement");
  titles[C_CRITERION_ID] = _("Criterion No.");
  titles[C_CRITERION] = _("Evaluation criterion");
  titles[C_STATUS] = _("Company's result");
  titles[C_COMMENT] = _("Company's comment");
  for (guint p = 0; p < SCS_N_PROCEDURES; p++)
    titles[C_PROC + p] = scs_report_procedure_title (p);
  titles[C_VERDICT] = _("Evaluation (expert)");
  titles[C_EXPERT] = _("Expert's comment");
}

static void
csv_values (const ScsReportCriterion *c,
            const char              **values)
{
  values[C_CATEGORY_ID] = c->category != NULL ? scs_node_get_id (c->category) : "";
  values[C_CATEGORY] = c->category != NULL ? scs_node_get_title (c->category) : "";
  values[C_SUBCATEGORY_ID] = c->subcategory != NULL ? scs_node_get_id (c->subcategory) : "";
  values[C_SUBCATEGORY] = c->subcategory != NULL ? scs_node_get_title (c->subcategory) : "";
  values[C_REQUIREMENT_ID] = scs_node_get_id (c->requirement);
  values[C_REQUIREMENT_TITLE] = scs_node_get_title (c->requirement);
  values[C_REQUIREMENT] = scs_node_get_text (c->requirement);
  values[C_CRITERION_ID] = scs_node_get_id (c->criterion);
  values[C_CRITERION] = c->criterion != c->requirement ? scs_node_get_text (c->criterion) : "";
  values[C_STATUS] = c->company_status;
  values[C_COMMENT] = c->company_comment;
  for (guint p = 0; p < SCS_N_PROCEDURES; p++)
    values[C_PROC + p] = c->performed[p] ? "○" : "";
  values[C_VERDICT] = c->verdict;
  values[C_EXPERT] = c->expert_comment;
}

GBytes *
scs_export_csv (ScsEngagement          *engagement,
                const ScsReportOptions *options)
{
  g_autoptr(GArray) rows = scs_report_list_criteria (engagement, options);
  g_autofree char *mark = export_mark (options);
  GString *out = g_string_new ("\xEF\xBB\xBF");
  const char *fields[C_N];

  /* The mark, when there is one, is a last column on every row: a CSV has no page to print
   * it on, a row copied or filtered out of it keeps it, and a script that reads columns by
   * position or by title finds the others where they always were. */
  csv_titles (fields);
  for (guint i = 0; i < C_N; i++)
    csv_field (out, fields[i], i + 1 == C_N && mark == NULL);
  if (mark != NULL)
    /* TRANSLATORS: the title of the CSV's last column, which holds the confidentiality
     * mark (社外秘) on every row */
    csv_field (out, _("Classification"), TRUE);
  for (guint r = 0; r < rows->len; r++)
    {
      csv_values (&g_array_index (rows, ScsReportCriterion, r), fields);
      for (guint i = 0; i < C_N; i++)
        csv_field (out, fields[i], i + 1 == C_N && mark == NULL);
      if (mark != NULL)
        csv_field (out, mark, TRUE);
    }
  return g_string_free_to_bytes (out);
}

gboolean
scs_export_csv_file (ScsEngagement          *engagement,
                     const ScsReportOptions *options,
                     const char             *path,
                     GError                **error)
{
  g_autoptr(GBytes) bytes = scs_export_csv (engagement, options);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return scs_storage_write_file (bytes, file, error);
}

/* XLSX --------------------------------------------------------------------------------- */

typedef struct {
  lxw_workbook *book;
  lxw_format   *title, *head, *cell, *center, *label, *bold_cell, *mark_cell;
  const char   *path;
  GError       *error;   /* the first text that could not be written; nothing is saved then */
  char         *mark;    /* NULL for none */
  char         *header;  /* every sheet's printed page header and footer, in Excel's codes */
  char         *footer;
  guint8        paper;   /* Excel's paper code */
} Book;

/* Where a text in the workbook comes from, for a message that names it. */
typedef struct {
  const char *field;      /* the column's or box's title */
  const char *criterion;  /* a criterion's number, or NULL */
  guint       item;       /* an improvement plan item's number from 1, or 0 */
} Origin;

/* Excel's limit on a cell, in UTF-16 code units as Excel counts. libxlsxwriter 1.1.4 counts
 * code points (a text of emoji passes it and Excel then cuts it) and, past its count,
 * writes nothing and returns an error: every text goes through put_range, which checks
 * first, and the export fails with a message rather than lose a word. */
#define CELL_MAX 32767

static gsize
cell_length (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
  return n;
}

static void
text_too_long (Book         *b,
               const Origin *o,
               gsize         length)
{
  const char *field = o != NULL ? o->field : "";

  if (o != NULL && o->criterion != NULL)
    g_set_error (&b->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 /* TRANSLATORS: %s: a file; “%s”: a column such as "Company's comment"; %s: a
                  * criterion number such as 1-2-1-1; %lu: a number of characters */
                 _("%s: the workbook was not written: “%s” of criterion %s has %lu characters, "
                   "and a spreadsheet cell holds at most 32,767. Shorten it, or export a PDF or "
                   "CSV instead."),
                 b->path, field, o->criterion, (gulong) length);
  else if (o != NULL && o->item > 0)
    g_set_error (&b->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("%s: the workbook was not written: “%s” of item %u of the improvement plan has "
                   "%lu characters, and a spreadsheet cell holds at most 32,767. Shorten it, or "
                   "export a PDF or CSV instead."),
                 b->path, field, o->item, (gulong) length);
  else
    g_set_error (&b->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("%s: the workbook was not written: “%s” has %lu characters, and a spreadsheet "
                   "cell holds at most 32,767. Shorten it, or export a PDF or CSV instead."),
                 b->path, field, (gulong) length);
}

static gboolean
xlsx_error (lxw_error   status,
            const char *path,
            GError    **error)
{
  if (status == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the workbook could not be written: %s"),
               path, lxw_strerror (status));
  return FALSE;
}

/* Writes text into a cell, or into a merged range when it covers more than one. */
static void
put_range (Book          *b,
           lxw_worksheet *sheet,
           lxw_row_t      row0,
           lxw_col_t      col0,
           lxw_row_t      row1,
           lxw_col_t      col1,
           const char    *text,
           lxw_format    *format,
           const Origin  *origin)
{
  gsize length;
  lxw_error status;

  text = text != NULL ? text : "";
  if (b->error != NULL)
    return;
  length = cell_length (text);
  if (length > CELL_MAX)
    {
      text_too_long (b, origin, length);
      return;
    }
  if (row1 > row0 || col1 > col0)
    status = worksheet_merge_range (sheet, row0, col0, row1, col1, text, format);
  else
    status = worksheet_write_string (sheet, row0, col0, text, format);
  xlsx_error (status, b->path, &b->error);
}

static void
put (Book          *b,
     lxw_worksheet *sheet,
     lxw_row_t      row,
     lxw_col_t      col,
     const char    *text,
     lxw_format    *format,
     const Origin  *origin)
{
  put_range (b, sheet, row, col, row, col, text, format, origin);
}

/* Printed page header and footer ----------------------------------------------------------- */

/* Excel's limit on a page header or footer, its codes included. */
#define HEADER_MAX 255

/* text as one section of a page header or footer, in at most max characters as Excel counts
 * them (UTF-16 units): a literal & is written && there, as a lone one starts a code, line
 * breaks become spaces, and a text too long is cut with an ellipsis — never inside a &&. */
static char *
header_text (const char *text,
             gsize       max)
{
  GString *out = g_string_new ("");
  gsize used = 0, total = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    total += *p == '&' ? 2 : g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize n = c == '&' ? 2 : c > 0xFFFF ? 2 : 1;

      if (total > max && used + n + 1 > max)
        {
          if (max > 0)
            g_string_append (out, "…");
          break;
        }
      used += n;
      if (c == '&')
        g_string_append (out, "&&");
      else if (c == '\n' || c == '\r' || c == '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The company on the left, the mark on the right in bold; the mark keeps what it needs up to
 * a third of the room, the company has the rest. */
static char *
page_header (const char *company,
             const char *mark)
{
  g_autofree char *right = mark != NULL ? header_text (mark, HEADER_MAX / 3) : NULL;
  gsize room = HEADER_MAX - strlen ("&L");
  g_autofree char *left = NULL;

  if (right != NULL)
    room -= strlen ("&R&B") + cell_length (right);
  left = header_text (company, room);
  return g_strconcat ("&L", left, right != NULL ? "&R&B" : "", right, NULL);
}

/* The sheet's name, the day the workbook was written and "page x / y". A report's date
 * (--date, the export window's) is the PDF's: a workbook is a living copy, dated by when it
 * was made, as the file's own time says. */
static char *
page_footer (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *long_date = scs_report_format_long_date (today);
  g_autofree char *date = header_text (long_date, 60);

  /* TRANSLATORS: the page number at the foot of every printed page of the workbook; &P is
   * the page's number and &N the number of pages, codes the spreadsheet replaces: keep them
   * as they are and write no other & */
  return g_strconcat ("&L&A&C", date, "&R", _("Page &P of &N"), NULL);
}

/* Every sheet prints the same way: A4 (or A3) landscape, one page wide, the page header and
 * footer, and a print area over the data from the top left to last_row, last_col. */
static void
page_setup (Book          *b,
            lxw_worksheet *sheet,
            lxw_row_t      last_row,
            lxw_col_t      last_col)
{
  lxw_error status;

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, b->paper);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_print_area (sheet, 0, 0, last_row, last_col);
  status = worksheet_set_header (sheet, b->header);
  if (status == LXW_NO_ERROR)
    status = worksheet_set_footer (sheet, b->footer);
  if (b->error == NULL)
    xlsx_error (status, b->path, &b->error);
}

/* The mark in a sheet's title row, from col0 to col1, so that the workbook on screen says
 * it too; nothing when there is none. */
static void
put_mark (Book          *b,
          lxw_worksheet *sheet,
          lxw_row_t      row,
          lxw_col_t      col0,
          lxw_col_t      col1)
{
  if (b->mark != NULL)
    put_range (b, sheet, row, col0, row, col1, b->mark, b->mark_cell,
               &(Origin) { _("Confidentiality mark") });
}

static lxw_format *
new_format (lxw_workbook *book,
            gboolean      border,
            gboolean      bold,
            guint32       fill,
            guint8        align)
{
  lxw_format *f = workbook_add_format (book);

  format_set_text_wrap (f);
  format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
  format_set_font_name (f, "Noto Sans CJK JP");
  format_set_font_size (f, 10);
  if (align != LXW_ALIGN_NONE)
    format_set_align (f, align);
  if (border)
    format_set_border (f, LXW_BORDER_THIN);
  if (bold)
    format_set_bold (f);
  if (fill != 0)
    format_set_bg_color (f, fill);
  return f;
}

static void
set_widths (lxw_worksheet *sheet,
            const double  *widths,
            guint          n)
{
  for (guint i = 0; i < n; i++)
    worksheet_set_column (sheet, i, i, widths[i], NULL);
}

/* A drop-down list of a scale's titles over a column of rows first..last. */
static void
validate_list (lxw_worksheet   *sheet,
               lxw_row_t        first,
               lxw_row_t        last,
               lxw_col_t        col,
               const char     **values,
               const char      *title,
               const char      *message)
{
  lxw_data_validation v = { 0 };

  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.value_list = (char **) values;
  v.input_title = (char *) title;
  v.input_message = (char *) message;
  v.error_title = (char *) title;
  v.error_message = (char *) message;
  worksheet_data_validation_range (sheet, first, col, last, col, &v);
}

static const char **
scale_titles (const ScsScale *scale)
{
  const char **titles = g_new0 (const char *, scale != NULL ? scale->values->len + 1 : 1);

  for (guint i = 0; scale != NULL && i < scale->values->len; i++)
    titles[i] = scs_scale_value_get_title (g_ptr_array_index (scale->values, i));
  return titles;
}

/* How many lines text takes in a column width wide (Excel's units, about one digit; a
 * Japanese character takes two). libxlsxwriter cannot measure text, and spreadsheets do
 * not grow rows written by it: rows are given a height from this. */
static guint
estimate_lines (const char *text,
                double      width)
{
  g_auto(GStrv) paras = g_strsplit (text != NULL ? text : "", "\n", -1);
  guint lines = 0;

  for (guint i = 0; paras[i] != NULL; i++)
    {
      double used = 0;

      for (const char *p = paras[i]; *p != '\0'; p = g_utf8_next_char (p))
        used += g_unichar_iswide (g_utf8_get_char (p)) ? 2.0 : 1.1;
      lines += MAX (1, (guint) (used / MAX (width - 1, 1)) + 1);
    }
  return MAX (lines, 1);
}

static void
fit_row (lxw_worksheet *sheet,
         lxw_row_t      row,
         guint          lines)
{
  worksheet_set_row (sheet, row, MIN (409, 15.0 * lines), NULL);
}

enum {
  X_CATEGORY, X_SUBCATEGORY, X_REQUIREMENT_ID, X_REQUIREMENT, X_CRITERION_ID, X_CRITERION,
  X_STATUS, X_COMMENT, X_PROC, X_VERDICT = X_PROC + SCS_N_PROCEDURES, X_EXPERT, X_N
};

/* A COUNTIF criterion that matches the cells equal to text and nothing else: a scale's
 * title may come from a framework file a user added, and a quote in it must not end the
 * string and let the rest be read as formula; "=" keeps a leading < > from comparing, and
 * ~ keeps * ? ~ from being wildcards. */
static char *
countif_literal (const char *text)
{
  GString *out = g_string_new ("\"=");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      else if (*p == '*' || *p == '?' || *p == '~')
        g_string_append_c (out, '~');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static void
sheet_assessment (Book                   *b,
                  ScsEngagement          *engagement,
                  const ScsReportOptions *options,
                  GArray                 *rows)
{
  static const double widths[X_N] = { 12, 16, 8, 30, 9, 44, 11, 32, 7, 7, 7, 7, 11, 32 };
  lxw_worksheet *sheet = workbook_add_worksheet (b->book, _("Assessment Sheet"));
  ScsFramework *fw = scs_engagement_get_framework (engagement);
  ScsRecord *company = scs_record_get_object (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_COMPANY);
  g_autofree const char **statuses = scale_titles (scs_framework_get_company_scale (fw));
  g_autofree const char **verdicts = scale_titles (scs_engagement_get_verdict_scale (engagement));
  const char *marks[] = { "○", NULL };
  const char *titles[X_N] = {
    _("Category"), _("Subcategory"), _("Requirement No."), _("Requirement"), _("Criterion No."),
    _("Evaluation criterion"), _("Company's result"), _("Company's comment"),
    scs_report_procedure_title (0), scs_report_procedure_title (1),
    scs_report_procedure_title (2), scs_report_procedure_title (3),
    _("Evaluation (expert)"), _("Expert's comment"),
  };
  g_autofree char *heading = g_strdup_printf ("%s — %s ★%d", _("Security Assessment Sheet"),
                                              str (company, SCS_M_COMPANY_NAME),
                                              scs_engagement_get_level (engagement));
  const lxw_row_t top = 3;
  lxw_row_t last = top + (rows->len > 0 ? rows->len - 1 : 0);
  guint n_conforming = 0;
  g_autoptr(GString) formula = g_string_new ("");
  const ScsScale *vscale = scs_engagement_get_verdict_scale (engagement);

  set_widths (sheet, widths, X_N);
  page_setup (b, sheet, last + 3, X_N - 1);
  worksheet_repeat_rows (sheet, 1, 2);
  put_range (b, sheet, 0, 0, 0, b->mark != NULL ? X_N - 3 : X_N - 1, heading, b->title,
             &(Origin) { _("Company") });
  put_mark (b, sheet, 0, X_N - 2, X_N - 1);
  worksheet_set_row (sheet, 0, 24, NULL);
  put_range (b, sheet, 1, 0, 1, X_CRITERION, "", b->head, NULL);
  put_range (b, sheet, 1, X_STATUS, 1, X_COMMENT, _("Filled in by the company"), b->head, NULL);
  put_range (b, sheet, 1, X_PROC, 1, X_PROC + SCS_N_PROCEDURES - 1,
             _("Evaluation procedures (○ where performed)"), b->head, NULL);
  put_range (b, sheet, 1, X_VERDICT, 1, X_EXPERT, _("Filled in by the expert"), b->head, NULL);
  for (guint i = 0; i < X_N; i++)
    put (b, sheet, 2, i, titles[i], b->head, NULL);
  worksheet_set_row (sheet, 2, 30, NULL);
  worksheet_freeze_panes (sheet, top, 0);

  for (guint r = 0; r < rows->len; r++)
    {
      const ScsReportCriterion *c = &g_array_index (rows, ScsReportCriterion, r);
      lxw_row_t row = top + r;
      const char *id = scs_node_get_id (c->criterion);
      guint end;

      /* Category, subcategory and requirement each span their criteria, as on paper. */
      if (r == 0 || g_array_index (rows, ScsReportCriterion, r - 1).category != c->category)
        {
          for (end = r; end + 1 < rows->len
               && g_array_index (rows, ScsReportCriterion, end + 1).category == c->category; end++)
            ;
          put_range (b, sheet, row, X_CATEGORY, top + end, X_CATEGORY,
                     c->category != NULL ? scs_node_get_title (c->category) : "", b->cell,
                     &(Origin) { titles[X_CATEGORY], id });
        }
      if (r == 0 || g_array_index (rows, ScsReportCriterion, r - 1).subcategory != c->subcategory)
        {
          g_autofree char *sub = c->subcategory == NULL ? g_strdup ("")
                                 : g_strdup_printf ("%s %s", scs_node_get_id (c->subcategory),
                                                    scs_node_get_title (c->subcategory));

          for (end = r; end + 1 < rows->len
               && g_array_index (rows, ScsReportCriterion, end + 1).subcategory == c->subcategory; end++)
            ;
          put_range (b, sheet, row, X_SUBCATEGORY, top + end, X_SUBCATEGORY, sub, b->cell,
                     &(Origin) { titles[X_SUBCATEGORY], id });
        }
      if (r == 0 || g_array_index (rows, ScsReportCriterion, r - 1).requirement != c->requirement)
        {
          g_autofree char *req = g_strdup_printf ("%s\n%s", scs_node_get_title (c->requirement),
                                                  scs_node_get_text (c->requirement));

          for (end = r; end + 1 < rows->len
               && g_array_index (rows, ScsReportCriterion, end + 1).requirement == c->requirement; end++)
            ;
          put_range (b, sheet, row, X_REQUIREMENT_ID, top + end, X_REQUIREMENT_ID,
                     scs_node_get_id (c->requirement), b->cell,
                     &(Origin) { titles[X_REQUIREMENT_ID], id });
          put_range (b, sheet, row, X_REQUIREMENT, top + end, X_REQUIREMENT, req, b->cell,
                     &(Origin) { titles[X_REQUIREMENT], id });
        }
      put (b, sheet, row, X_CRITERION_ID, id, b->cell, &(Origin) { titles[X_CRITERION_ID], id });
      put (b, sheet, row, X_CRITERION,
           c->criterion != c->requirement ? scs_node_get_text (c->criterion) : "", b->cell,
           &(Origin) { titles[X_CRITERION], id });
      put (b, sheet, row, X_STATUS, c->company_status, b->cell, &(Origin) { titles[X_STATUS], id });
      put (b, sheet, row, X_COMMENT, c->company_comment, b->cell,
           &(Origin) { titles[X_COMMENT], id });
      for (guint p = 0; p < SCS_N_PROCEDURES; p++)
        put (b, sheet, row, X_PROC + p, c->performed[p] ? "○" : "", b->center, NULL);
      put (b, sheet, row, X_VERDICT, c->verdict, b->bold_cell, &(Origin) { titles[X_VERDICT], id });
      put (b, sheet, row, X_EXPERT, c->expert_comment, b->cell, &(Origin) { titles[X_EXPERT], id });
      fit_row (sheet, row, MAX (MAX (estimate_lines (scs_node_get_text (c->criterion), widths[X_CRITERION]),
                                     estimate_lines (c->company_comment, widths[X_COMMENT])),
                                estimate_lines (c->expert_comment, widths[X_EXPERT])));
    }

  validate_list (sheet, top, last, X_STATUS, statuses, _("Company's result"),
                 _("Pick one of the answers from the list."));
  validate_list (sheet, top, last, X_VERDICT, verdicts, _("Evaluation (expert)"),
                 _("Pick one of the answers from the list."));
  for (guint p = 0; p < SCS_N_PROCEDURES; p++)
    validate_list (sheet, top, last, X_PROC + p, marks, scs_report_procedure_title (p),
                   _("Enter ○ where the procedure was performed."));

  /* A live count of conforming criteria — every conforming value of the scale — with its
   * value for readers that do not compute. */
  for (guint i = 0; vscale != NULL && i < vscale->values->len; i++)
    {
      const ScsScaleValue *v = g_ptr_array_index (vscale->values, i);
      g_autofree char *criteria = NULL;

      if (scs_verdict_conformance (v) != SCS_CONFORMANCE_CONFORMS)
        continue;
      criteria = countif_literal (scs_scale_value_get_title (v));
      g_string_append_printf (formula, "%sCOUNTIF(M%u:M%u,%s)", formula->len > 0 ? "+" : "=",
                              top + 1, last + 1, criteria);
      for (guint r = 0; r < rows->len; r++)
        if (g_str_equal (g_array_index (rows, ScsReportCriterion, r).verdict,
                         scs_scale_value_get_title (v)))
          n_conforming++;
    }
  if (formula->len > 0 && rows->len > 0)
    {
      g_autofree char *follow_up = scs_report_describe_follow_up (engagement, options);

      put (b, sheet, last + 2, X_CRITERION, _("Criteria that conform"), b->label, NULL);
      worksheet_write_formula_num (sheet, last + 2, X_STATUS, formula->str, b->cell, n_conforming);
      if (follow_up != NULL)
        put (b, sheet, last + 3, X_CRITERION, follow_up, b->label, NULL);
    }
}

static void
sheet_plan (Book          *b,
            ScsEngagement *engagement)
{
  static const double widths[9] = { 22, 40, 18, 10, 10, 10, 22, 12, 16 };
  lxw_worksheet *sheet = workbook_add_worksheet (b->book, _("Improvement Plan"));
  ScsRecord *eng = SCS_RECORD (engagement);
  ScsRecord *company = scs_record_get_object (eng, SCS_M_ENGAGEMENT_COMPANY);
  ScsRecord *expert = scs_record_get_object (eng, SCS_M_ENGAGEMENT_EXPERT);
  ScsRecord *plan = SCS_RECORD (scs_engagement_get_plan (engagement));
  GListModel *visits = scs_record_get_list (eng, SCS_M_ENGAGEMENT_VISITS);
  GListModel *items = scs_record_get_list (plan, SCS_M_PLAN_ITEMS);
  g_autofree char *author = g_strstrip (g_strjoin (" ", str (plan, SCS_M_PLAN_AUTHOR_TITLE),
                                                   str (plan, SCS_M_PLAN_AUTHOR_NAME), NULL));
  const char *titles[9] = {
    _("No."), _("Content"), _("Criteria"), _("Urgency"), _("Importance"), _("Difficulty"),
    _("Timing"), _("Due date"), _("Owner"),
  };
  lxw_row_t row = 0;

  set_widths (sheet, widths, 9);
  put_range (b, sheet, row, 0, row, b->mark != NULL ? 6 : 8, _("Improvement Plan"), b->title, NULL);
  put_mark (b, sheet, row, 7, 8);
  worksheet_set_row (sheet, row++, 26, NULL);
  put (b, sheet, row, 6, _("Written"), b->label, NULL);
  put_range (b, sheet, row, 7, row, 8, str (plan, SCS_M_PLAN_DATE), b->cell,
             &(Origin) { _("Written") });
  row += 2;
  put_range (b, sheet, row, 0, row, 8, _("1. What was done (company)"), b->label, NULL);
  row++;
  put (b, sheet, row, 0, C_("report", "Company"), b->head, NULL);
  put_range (b, sheet, row, 1, row, 2, str (company, SCS_M_COMPANY_NAME), b->cell,
             &(Origin) { C_("report", "Company") });
  put_range (b, sheet, row, 3, row, 5, _("Responsible (title and name)"), b->head, NULL);
  put_range (b, sheet, row, 6, row, 8, author, b->cell,
             &(Origin) { _("Responsible (title and name)") });
  row++;
  put (b, sheet, row, 0, C_("report", "Expert name"), b->head, NULL);
  put_range (b, sheet, row, 1, row, 8, str (expert, SCS_M_EXPERT_NAME), b->cell,
             &(Origin) { C_("report", "Expert name") });
  row++;
  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(ScsRecord) v = g_list_model_get_item (visits, i);
      GListModel *attendees = scs_record_get_list (v, SCS_M_VISIT_ATTENDEES);
      g_autofree char *people = scs_report_join_attendees (attendees, "company",
                                                           str (company, SCS_M_COMPANY_NAME));
      g_autofree char *when = g_strdup_printf ("%s %s–%s", str (v, SCS_M_VISIT_DATE),
                                               str (v, SCS_M_VISIT_START),
                                               str (v, SCS_M_VISIT_END));

      put (b, sheet, row, 0, i == 0 ? _("Meetings (attendees)") : "", b->head, NULL);
      put_range (b, sheet, row, 1, row, 2, g_strstrip (when), b->cell,
                 &(Origin) { _("Meetings (attendees)") });
      put_range (b, sheet, row, 3, row, 8, people, b->cell, &(Origin) { _("Meetings (attendees)") });
      fit_row (sheet, row, estimate_lines (people, 80));
      row++;
    }
  row++;
  put_range (b, sheet, row, 0, row, 8, _("2. Evaluation result (expert)"), b->label, NULL);
  row++;
  put_range (b, sheet, row, 0, row, 8, str (plan, SCS_M_PLAN_SUMMARY), b->cell,
             &(Origin) { _("2. Evaluation result (expert)") });
  fit_row (sheet, row++, estimate_lines (str (plan, SCS_M_PLAN_SUMMARY), 150) + 1);
  row++;
  put_range (b, sheet, row, 0, row, 8, _("3. Improvement plan (company)"), b->label, NULL);
  row++;
  for (guint i = 0; i < 9; i++)
    put (b, sheet, row, i, titles[i], b->head, NULL);
  row++;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (items, i);
      const char * const *criteria = scs_record_get_strv (item, SCS_M_PLAN_ITEM_CRITERIA);
      g_autofree char *linked = criteria != NULL ? g_strjoinv (", ", (char **) criteria) : g_strdup ("");
      g_autofree char *content = g_strstrip (g_strjoin ("\n", str (item, SCS_M_PLAN_ITEM_TITLE),
                                                        str (item, SCS_M_PLAN_ITEM_DETAILS), NULL));
      const char *levels[3] = {
        SCS_M_PLAN_ITEM_URGENCY, SCS_M_PLAN_ITEM_IMPORTANCE, SCS_M_PLAN_ITEM_DIFFICULTY,
      };

      worksheet_write_number (sheet, row, 0, i + 1, b->cell);
      put (b, sheet, row, 1, content, b->cell, &(Origin) { titles[1], NULL, i + 1 });
      put (b, sheet, row, 2, linked, b->cell, &(Origin) { titles[2], NULL, i + 1 });
      for (guint k = 0; k < 3; k++)
        put (b, sheet, row, 3 + k, scs_report_level_title (str (item, levels[k])), b->cell,
             &(Origin) { titles[3 + k], NULL, i + 1 });
      put (b, sheet, row, 6, str (item, SCS_M_PLAN_ITEM_TIMING), b->cell,
           &(Origin) { titles[6], NULL, i + 1 });
      put (b, sheet, row, 7, str (item, SCS_M_PLAN_ITEM_DUE_DATE), b->cell,
           &(Origin) { titles[7], NULL, i + 1 });
      put (b, sheet, row, 8, str (item, SCS_M_PLAN_ITEM_OWNER), b->cell,
           &(Origin) { titles[8], NULL, i + 1 });
      fit_row (sheet, row, MAX (estimate_lines (content, widths[1]), estimate_lines (linked, widths[2])));
      row++;
    }
  page_setup (b, sheet, row - 1, 8);
}

enum {
  K_CRITERION_ID, K_CSF, K_CATEGORY, K_SUBCATEGORY_ID, K_SUBCATEGORY, K_REQUIREMENT_ID,
  K_REQUIREMENT_TITLE, K_CRITERION, K_STATUS, K_COMMENT, K_PROC,
  K_VERDICT = K_PROC + SCS_N_PROCEDURES, K_EXPERT, K_EVIDENCE, K_N
};

static void
sheet_criteria (Book          *b,
                ScsEngagement *engagement,
                GArray        *rows)
{
  static const double widths[K_N] = { 10, 7, 16, 9, 22, 10, 22, 60, 13, 36, 7, 7, 7, 7, 13, 36, 30 };
  lxw_worksheet *sheet = workbook_add_worksheet (b->book, _("Criteria"));
  const char *titles[K_N] = {
    _("Criterion No."), _("NIST CSF"), _("Category"), _("Subcategory No."), _("Subcategory"),
    _("Requirement No."), _("Requirement title"), _("Evaluation criterion"), _("Company's result"),
    _("Company's comment"), scs_report_procedure_title (0), scs_report_procedure_title (1),
    scs_report_procedure_title (2), scs_report_procedure_title (3), _("Evaluation (expert)"),
    _("Expert's comment"), _("Evidence"),
  };

  set_widths (sheet, widths, K_N);
  page_setup (b, sheet, MAX (rows->len, 1), K_N - 1);
  worksheet_repeat_rows (sheet, 0, 0);
  for (guint i = 0; i < K_N; i++)
    put (b, sheet, 0, i, titles[i], b->head, NULL);
  worksheet_freeze_panes (sheet, 1, 1);
  for (guint r = 0; r < rows->len; r++)
    {
      const ScsReportCriterion *c = &g_array_index (rows, ScsReportCriterion, r);
      g_autofree char *evidence = scs_report_criterion_evidence (engagement, c->assessment);
      const char *values[K_N] = {
        scs_node_get_id (c->criterion),
        c->category != NULL ? scs_node_get_csf_function (c->category) : "",
        c->category != NULL ? scs_node_get_title (c->category) : "",
        c->subcategory != NULL ? scs_node_get_id (c->subcategory) : "",
        c->subcategory != NULL ? scs_node_get_title (c->subcategory) : "",
        scs_node_get_id (c->requirement),
        scs_node_get_title (c->requirement),
        c->criterion != c->requirement ? scs_node_get_text (c->criterion) : "",
        c->company_status, c->company_comment,
        c->performed[0] ? "○" : "", c->performed[1] ? "○" : "",
        c->performed[2] ? "○" : "", c->performed[3] ? "○" : "",
        c->verdict, c->expert_comment, evidence,
      };

      guint lines = 1;

      for (guint i = 0; i < K_N; i++)
        {
          put (b, sheet, r + 1, i, values[i], i >= K_PROC && i < K_VERDICT ? b->center : b->cell,
               &(Origin) { titles[i], values[K_CRITERION_ID] });
          lines = MAX (lines, estimate_lines (values[i], widths[i]));
        }
      fit_row (sheet, r + 1, lines);
    }
  worksheet_autofilter (sheet, 0, 0, rows->len, K_N - 1);
}

/* The radar image's size in pixels. */
#define RADAR_WIDTH  1200
#define RADAR_HEIGHT 900

static GByteArray *
radar_png (ScsEngagement *engagement,
           ScsCount       count,
           int            width,
           int            height)
{
  g_autoptr(ScsRadarData) data = scs_engagement_radar_new (engagement, SCS_RADAR_ALL, count, TRUE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();
  ScsRadarStyle style;

  scs_radar_style_init_light (&style);
  style.show_values = TRUE;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  scs_radar_draw (cr, data, &style, width, height);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, scs_cairo_append_bytes, png);
  cairo_surface_destroy (surface);
  return png;
}

/* A text as a formula's string literal: quoted, its quotes doubled, so that a title from a
 * user's framework file is never read as formula. */
static char *
formula_string (const char *text)
{
  GString *out = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* SUMPRODUCT terms that are 1 where range equals one of the verdict scale's values that
 * pick says, e.g. ((R="適合")+(R="…")); "0" when none does. Plain equality, not COUNTIF
 * criteria, so that an id such as 2-1 is never taken for a date. */
static char *
verdict_match (const ScsScale *scale,
               const char     *range,
               gboolean        not_applicable)
{
  GString *out = g_string_new ("");

  for (guint i = 0; scale != NULL && i < scale->values->len; i++)
    {
      const ScsScaleValue *v = g_ptr_array_index (scale->values, i);
      g_autofree char *literal = NULL;

      if (scs_verdict_conformance (v) != (not_applicable ? SCS_CONFORMANCE_NOT_APPLICABLE : SCS_CONFORMANCE_CONFORMS))
        continue;
      literal = formula_string (scs_scale_value_get_title (v));
      g_string_append_printf (out, "%s(%s=%s)", out->len > 0 ? "+" : "", range, literal);
    }
  if (out->len == 0)
    g_string_append_c (out, '0');
  return g_string_free (out, FALSE);
}

/* The radar's figures, each a formula over the Criteria sheet's rows — the rows this
 * workbook prints — with the value core's tally gives under the same count, so a reader
 * that does not compute shows what one that does would. */
static void
sheet_radar (Book                   *b,
             ScsEngagement          *engagement,
             const ScsReportOptions *options,
             guint                   n_rows,
             GByteArray             *png)
{
  static const double widths[] = { 12, 40, 11, 11, 11 };
  lxw_worksheet *sheet = workbook_add_worksheet (b->book, _("Radar"));
  guint figures = 0;
  GListModel *subs = scs_framework_get_subcategories (scs_engagement_get_framework (engagement),
                                                      scs_engagement_get_level (engagement));
  const ScsScale *vscale = scs_engagement_get_verdict_scale (engagement);
  const char *titles[5] = { _("Subcategory No."), _("Subcategory"), _("Conforming"),
                            _("Applicable"), _("Rate") };
  lxw_format *percent = workbook_add_format (b->book);
  lxw_row_t first = 1, row;
  g_autofree char *follow_up = scs_report_describe_follow_up (engagement, options);
  g_autoptr(GString) sheet_name = g_string_new ("'");
  g_autofree char *ids = NULL, *verdicts = NULL, *conforms = NULL, *not_applicable = NULL;

  /* The Criteria sheet's name, quoted as a reference wants it. */
  for (const char *p = _("Criteria"); *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (sheet_name, '\'');
      g_string_append_c (sheet_name, *p);
    }
  g_string_append (sheet_name, "'!");
  ids = g_strdup_printf ("%s$%c$2:$%c$%u", sheet_name->str, 'A' + K_SUBCATEGORY_ID,
                         'A' + K_SUBCATEGORY_ID, MAX (n_rows, 1) + 1);
  verdicts = g_strdup_printf ("%s$%c$2:$%c$%u", sheet_name->str, 'A' + K_VERDICT, 'A' + K_VERDICT,
                              MAX (n_rows, 1) + 1);
  conforms = verdict_match (vscale, verdicts, FALSE);
  not_applicable = verdict_match (vscale, verdicts, TRUE);

  format_set_num_format (percent, "0%");
  format_set_border (percent, LXW_BORDER_THIN);
  set_widths (sheet, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < 5; i++)
    put (b, sheet, 0, i, titles[i], b->head, NULL);
  for (row = first; row - first < g_list_model_get_n_items (subs); row++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, row - first);
      g_autofree char *rate = g_strdup_printf ("=IF(D%u>0,C%u/D%u,\"\")", row + 1, row + 1, row + 1);
      g_autofree char *id = formula_string (scs_node_get_id (sub));
      g_autofree char *conforming = g_strdup_printf ("=SUMPRODUCT((%s=%s)*(%s))", ids, id, conforms);
      g_autofree char *applicable_f = g_strdup_printf ("=SUMPRODUCT((%s=%s)*(1-(%s)))", ids, id,
                                                       not_applicable);
      ScsTally tally;
      guint applicable;

      scs_engagement_tally (engagement, sub, scs_report_options_get_count (options), &tally);
      applicable = tally.n_criteria - tally.n_not_applicable;
      put (b, sheet, row, 0, scs_node_get_id (sub), b->cell, &(Origin) { titles[0] });
      put (b, sheet, row, 1, scs_node_get_title (sub), b->cell, &(Origin) { titles[1] });
      worksheet_write_formula_num (sheet, row, 2, conforming, b->cell, tally.n_conforming);
      worksheet_write_formula_num (sheet, row, 3, applicable_f, b->cell, applicable);
      worksheet_write_formula_num (sheet, row, 4, rate, percent,
                                   applicable > 0 ? (double) tally.n_conforming / applicable : 0);
    }
  /* Under the figures, above the chart: both include them. */
  if (follow_up != NULL)
    put (b, sheet, row++, 0, follow_up, b->label, NULL);
  worksheet_insert_image_buffer (sheet, row + 1, 0, png->data, png->len);
  /* The print area takes in the chart, which lies over the figures' columns and on over
   * columns of the default width (64 pixels), and over rows of the default height (20
   * pixels); one page for all. */
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    figures += (guint) (widths[i] * 7 + 0.5) + 5;
  page_setup (b, sheet, row + 1 + (RADAR_HEIGHT + 19) / 20,
              G_N_ELEMENTS (widths) - 1 + (MAX (RADAR_WIDTH, figures) - figures + 63) / 64);
  worksheet_fit_to_pages (sheet, 1, 1);
}

gboolean
scs_export_xlsx_file (ScsEngagement          *engagement,
                      const ScsReportOptions *options,
                      const char             *path,
                      GError                **error)
{
  g_autoptr(GArray) rows = scs_report_list_criteria (engagement, options);
  g_autofree char *dir = g_dir_make_tmp ("scs-xlsx-XXXXXX", error);
  g_autofree char *tmp = NULL;
  g_autoptr(GByteArray) png = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  lxw_workbook_options book_options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  ScsRecord *company = scs_record_get_object (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_COMPANY);
  lxw_doc_properties properties = { 0 };
  char *contents = NULL;
  gsize length = 0;
  gboolean ok;
  g_autofree char *mark = export_mark (options);
  g_autofree char *header = page_header (str (company, SCS_M_COMPANY_NAME), mark);
  g_autofree char *footer = page_footer ();
  Book b = {
    .path = path, .mark = mark, .header = header, .footer = footer,
    .paper = options->paper == SCS_PAPER_A3 ? 8 : 9,
  };

  if (dir == NULL)
    return FALSE;
  /* libxlsxwriter writes under a name of its own: a private directory, then one atomic
   * write under the final name. */
  tmp = g_build_filename (dir, "out.xlsx", NULL);
  book_options.tmpdir = dir;
  b.book = workbook_new_opt (tmp, &book_options);
  if (b.book == NULL)
    {
      g_rmdir (dir);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the workbook could not be started"), path);
      return FALSE;
    }
  b.title = new_format (b.book, FALSE, TRUE, 0, LXW_ALIGN_NONE);
  format_set_font_size (b.title, 14);
  b.head = new_format (b.book, TRUE, TRUE, 0xE0E0E0, LXW_ALIGN_CENTER);
  format_set_align (b.head, LXW_ALIGN_VERTICAL_CENTER);
  b.cell = new_format (b.book, TRUE, FALSE, 0, LXW_ALIGN_NONE);
  b.bold_cell = new_format (b.book, TRUE, TRUE, 0, LXW_ALIGN_NONE);
  b.center = new_format (b.book, TRUE, FALSE, 0, LXW_ALIGN_CENTER);
  b.label = new_format (b.book, FALSE, TRUE, 0, LXW_ALIGN_NONE);
  /* As the PDF's pages show it: dark red, bold, framed. */
  b.mark_cell = new_format (b.book, TRUE, TRUE, 0, LXW_ALIGN_CENTER);
  format_set_align (b.mark_cell, LXW_ALIGN_VERTICAL_CENTER);
  format_set_font_size (b.mark_cell, 12);
  format_set_font_color (b.mark_cell, 0xB30D0D);
  format_set_border_color (b.mark_cell, 0xB30D0D);
  properties.title = (char *) _("Security Assessment Sheet");
  properties.company = (char *) str (company, SCS_M_COMPANY_NAME);
  properties.comments = (char *) "SCS Assessor " SCS_VERSION;
  workbook_set_properties (b.book, &properties);

  sheet_assessment (&b, engagement, options, rows);
  sheet_plan (&b, engagement);
  sheet_criteria (&b, engagement, rows);
  png = radar_png (engagement, scs_report_options_get_count (options), RADAR_WIDTH, RADAR_HEIGHT);
  sheet_radar (&b, engagement, options, rows->len, png);
  if (b.error != NULL)
    {
      lxw_workbook_free (b.book);
      g_rmdir (dir);
      g_propagate_error (error, b.error);
      return FALSE;
    }

  ok = xlsx_error (workbook_close (b.book), path, error)
       && g_file_get_contents (tmp, &contents, &length, error);
  g_unlink (tmp);
  g_rmdir (dir);
  if (!ok)
    return FALSE;
  bytes = g_bytes_new_take (contents, length);
  file = g_file_new_for_path (path);
  return scs_storage_write_file (bytes, file, error);
}
