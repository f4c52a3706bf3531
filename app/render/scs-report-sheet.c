/* scs-report-sheet.c — the security assessment sheet (セキュリティアセスメントシート)
 * and its section per criterion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Also the criteria as every output lists them (scs_report_list_criteria), which the CSV and
 * the workbook share with the sheet.
 */

#include <string.h>
#include <glib/gi18n-lib.h>
#include "scs-report-private.h"

/* the criteria as every output shows them -------------------------------------------------- */

static gboolean
verdict_shown (const ScsReportContext *ctx,
               ScsAssessment          *a)
{
  return scs_assessment_counts (a, scs_report_options_get_count (ctx->options));
}

static const char *
company_status_title (ScsEngagement *engagement,
                      ScsAssessment *a)
{
  const ScsScale *scale = scs_framework_get_company_scale (scs_engagement_get_framework (engagement));
  const ScsScaleValue *v;

  if (a == NULL || scale == NULL)
    return NULL;
  v = scs_scale_lookup (scale, scs_assessment_get_company_status (a));
  return v != NULL ? scs_scale_value_get_title (v) : NULL;
}

static const char *
verdict_title (const ScsReportContext *ctx,
               ScsAssessment          *a)
{
  const ScsScaleValue *v;

  v = scs_engagement_get_counted_verdict (ctx->engagement, a,
                                          scs_report_options_get_count (ctx->options));
  return v != NULL ? scs_scale_value_get_title (v) : NULL;
}

static void
fill_criterion (ScsReportCriterion     *row,
                const ScsReportContext *ctx,
                ScsNode                *node)
{
  ScsAssessment *a = scs_engagement_get_assessment (ctx->engagement, scs_node_get_id (node));
  gboolean shown = verdict_shown (ctx, a);
  const char *status = company_status_title (ctx->engagement, a);
  const char *verdict = verdict_title (ctx, a);

  *row = (ScsReportCriterion) {
    .category = scs_node_get_ancestor (node, SCS_NODE_CATEGORY),
    .subcategory = scs_node_get_ancestor (node, SCS_NODE_SUBCATEGORY),
    .requirement = scs_node_get_kind (node) == SCS_NODE_REQUIREMENT
                   ? node : scs_node_get_ancestor (node, SCS_NODE_REQUIREMENT),
    .criterion = node,
    .assessment = a,
    .company_status = status != NULL ? status : "",
    .company_comment = a != NULL && ctx->options->company_comments
                       ? str (SCS_RECORD (a), SCS_M_ASSESSMENT_COMPANY_COMMENT) : "",
    .verdict = verdict != NULL ? verdict : "",
    .expert_comment = shown ? scs_assessment_get_expert_comment (a) : "",
  };
  for (guint p = 0; a != NULL && p < SCS_N_PROCEDURES; p++)
    row->performed[p] = scs_record_get_boolean (SCS_RECORD (scs_assessment_get_procedure (a, p)),
                                                SCS_M_PROCEDURE_PERFORMED);
}

GArray *
scs_report_list_criteria (ScsEngagement          *engagement,
                          const ScsReportOptions *options)
{
  GListModel *all = scs_framework_get_assessables (scs_engagement_get_framework (engagement),
                                                   scs_engagement_get_level (engagement));
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (ScsReportCriterion));
  ScsReportContext ctx = { engagement, options };

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScsNode) node = g_list_model_get_item (all, i);
      ScsReportCriterion row;

      fill_criterion (&row, &ctx, node);
      g_array_append_val (rows, row);
    }
  return rows;
}

/* Values of the criteria of a requirement in one cell: the value alone when all agree,
 * else each value with the criteria that have it ("一部対応済 (4-3-4-1)"). */
static char *
summarise_values (GPtrArray *ids,
                  GPtrArray *values)
{
  g_autoptr(GString) s = g_string_new ("");
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  guint n_with = 0;
  gboolean uniform = TRUE;

  for (guint i = 0; i < values->len; i++)
    {
      const char *v = g_ptr_array_index (values, i);

      if (v == NULL)
        continue;
      n_with++;
      if (!g_ptr_array_find_with_equal_func (seen, v, g_str_equal, NULL))
        g_ptr_array_add (seen, (gpointer) v);
    }
  uniform = seen->len == 1 && n_with == values->len;
  if (uniform)
    return g_strdup (g_ptr_array_index (seen, 0));
  for (guint k = 0; k < seen->len; k++)
    {
      const char *v = g_ptr_array_index (seen, k);

      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, v);
      g_string_append (s, " (");
      for (guint i = 0, first = 1; i < values->len; i++)
        if (g_strcmp0 (g_ptr_array_index (values, i), v) == 0)
          {
            const char *id = g_ptr_array_index (ids, i);

            if (!first)
              g_string_append (s, ", ");
            /* The criterion's last number is enough beside its requirement's. */
            g_string_append (s, strrchr (id, '-') != NULL ? strrchr (id, '-') + 1 : id);
            first = 0;
          }
      g_string_append_c (s, ')');
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
shared_by_all (GPtrArray  *comments,
               const char *c)
{
  for (guint k = 0; k < comments->len; k++)
    if (g_strcmp0 (g_ptr_array_index (comments, k), c) != 0)
      return FALSE;
  return TRUE;
}

/* Comments of the criteria of a requirement: each different text once, under the numbers
 * of the criteria that have it when the requirement has more than one criterion. */
static char *
join_comments (GPtrArray *ids,
               GPtrArray *comments)
{
  g_autoptr(GString) s = g_string_new ("");

  for (guint i = 0; i < comments->len; i++)
    {
      const char *c = g_ptr_array_index (comments, i);
      g_autoptr(GString) who = g_string_new ("");
      gboolean said = FALSE;

      if (c == NULL || *c == '\0')
        continue;
      for (guint k = 0; k < i && !said; k++)
        said = g_strcmp0 (g_ptr_array_index (comments, k), c) == 0;
      if (said)
        continue;
      for (guint k = i; k < comments->len; k++)
        if (g_strcmp0 (g_ptr_array_index (comments, k), c) == 0)
          {
            const char *id = g_ptr_array_index (ids, k);

            g_string_append (who, who->len > 0 ? ", " : "");
            g_string_append (who, strrchr (id, '-') != NULL ? strrchr (id, '-') + 1 : id);
          }
      if (s->len > 0)
        g_string_append_c (s, '\n');
      /* A comment that every criterion shares needs no numbers. */
      if (ids->len > 1 && !shared_by_all (comments, c))
        g_string_append_printf (s, "[%s] ", who->str);
      g_string_append (s, c);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* the sheet -------------------------------------------------------------------------------- */

enum { S_CATEGORY, S_SUBCATEGORY, S_NUMBER, S_REQUIREMENT, S_STATUS, S_COMMENT,
       S_PROC, S_VERDICT = S_PROC + SCS_N_PROCEDURES, S_EXPERT, S_N };

static const char *procedure_titles[SCS_N_PROCEDURES] = {
  N_("Documents"), N_("System function"), N_("Site observation"), N_("Interview"),
};
/* The same over the sheet's narrow columns. A header title breaks only at its spaces and
 * line breaks, and shrinks to fit its column rather than break a word. */
static const char *procedure_short[SCS_N_PROCEDURES] = {
  NC_("sheet column", "Docs"),
  /* TRANSLATORS: a title over a narrow column of the sheet; it breaks only at a space or a
   * \n (「システム\n機能」): never inside a word */
  NC_("sheet column", "System"),
  NC_("sheet column", "Site"),
  NC_("sheet column", "Inter­view"),
};

const char *
scs_report_procedure_title (guint index)
{
  g_return_val_if_fail (index < SCS_N_PROCEDURES, NULL);
  return _(procedure_titles[index]);
}

/* A line of the comment cell: a verdict and the criteria that have it, by id. */
static void
append_named (GString    *s,
              const char *what,
              GPtrArray  *nodes)
{
  g_autoptr(GString) ids = g_string_new ("");

  for (guint i = 0; i < nodes->len; i++)
    {
      g_string_append (ids, i > 0 ? ", " : "");
      g_string_append (ids, scs_node_get_id (g_ptr_array_index (nodes, i)));
    }
  /* TRANSLATORS: a line of the sheet's comment cell: a verdict, then the criteria that
   * have it ("改善要: 2-1-1-2, 2-1-1-3") */
  g_string_append_printf (s, C_("sheet comment", "%s: %s"), what, ids->str);
  g_string_append_c (s, '\n');
}

/* A comment cell: the criteria that make the requirement's evaluation what it is — those
 * that do not conform, by their verdict, and those not yet evaluated — then, in red, that a
 * verdict lacks the comment it requires (the rule of scs_engagement_is_missing_comment),
 * then the comments. several: the row stands for more than one criterion. */
static PangoLayout *
verdict_comment_layout (ScsFlow                     *flow,
                        const ScsReportContext      *ctx,
                        const ScsRequirementVerdict *verdict,
                        gboolean                     several,
                        const char                  *comments,
                        double                       width)
{
  g_autoptr(GString) s = g_string_new ("");
  g_autoptr(GPtrArray) said = g_ptr_array_new ();
  gsize mark_start = 0, mark_end = 0;
  PangoLayout *layout;
  PangoAttrList *attrs;
  PangoAttribute *attr;

  /* One criterion needs no naming: its row is itself, or its requirement's only one. */
  for (guint i = 0; several && i < verdict->failing->len; i++)
    {
      ScsCount count = scs_report_options_get_count (ctx->options);
      ScsNode *c = g_ptr_array_index (verdict->failing, i);
      const ScsScaleValue *v =
        scs_engagement_get_counted_verdict (ctx->engagement,
                                            scs_engagement_get_assessment (ctx->engagement,
                                                                           scs_node_get_id (c)),
                                            count);
      g_autoptr(GPtrArray) same = g_ptr_array_new ();

      if (g_ptr_array_find (said, v, NULL))
        continue;
      g_ptr_array_add (said, (gpointer) v);
      for (guint k = i; k < verdict->failing->len; k++)
        {
          ScsNode *o = g_ptr_array_index (verdict->failing, k);

          if (scs_engagement_get_counted_verdict (ctx->engagement,
                                                  scs_engagement_get_assessment (ctx->engagement,
                                                                                 scs_node_get_id (o)),
                                                  count) == v)
            g_ptr_array_add (same, o);
        }
      append_named (s, scs_scale_value_get_title (v), same);
    }
  if (several && verdict->unanswered->len > 0
      && verdict->conformance != SCS_CONFORMANCE_UNANSWERED)
    {
      append_named (s, C_("sheet", "Not yet evaluated"), verdict->unanswered);
    }
  /* The expert's to-do: a company's copy, given with its verdicts, does not show it. */
  if (verdict->missing_comment->len > 0 && !scs_engagement_is_company_copy (ctx->engagement))
    {
      mark_start = s->len;
      /* TRANSLATORS: in red in the sheet's comment cell, where a verdict that requires a
       * comment has none */
      g_string_append (s, _("⚠ Comment missing"));
      for (guint i = 0; several && i < verdict->missing_comment->len; i++)
        g_string_append_printf (s, "%s%s%s", i == 0 ? " (" : ", ",
                                scs_node_get_id (g_ptr_array_index (verdict->missing_comment, i)),
                                i + 1 == verdict->missing_comment->len ? ")" : "");
      mark_end = s->len;
      g_string_append_c (s, '\n');
    }
  g_string_append (s, comments);
  while (s->len > 0 && s->str[s->len - 1] == '\n')
    g_string_truncate (s, s->len - 1);
  if (mark_end == 0)
    return scs_flow_cell_layout (flow, s->str, width, 7, FALSE, PANGO_ALIGN_LEFT);

  /* A layout of its own: the shared ones are never changed. */
  layout = scs_flow_new_layout (flow, s->str, width, 7, FALSE, PANGO_ALIGN_LEFT);
  attrs = pango_layout_get_attributes (layout) != NULL
          ? pango_attr_list_copy (pango_layout_get_attributes (layout)) : pango_attr_list_new ();
  attr = pango_attr_foreground_new (0xc000, 0x1000, 0x1000);
  attr->start_index = mark_start;
  attr->end_index = mark_end;
  pango_attr_list_insert (attrs, attr);
  attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  attr->start_index = mark_start;
  attr->end_index = mark_end;
  pango_attr_list_insert (attrs, attr);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static ScsRow *
sheet_requirement_row (ScsFlow                *flow,
                       const ScsTable         *table,
                       const ScsReportContext *ctx,
                       ScsNode                *requirement,
                       gboolean                first_in_group,
                       ScsNode                *subcategory)
{
  ScsRow *row = scs_row_new (S_N);
  GListModel *criteria = scs_node_get_children (requirement);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) statuses = g_ptr_array_new ();
  g_autoptr(GPtrArray) comments = g_ptr_array_new ();
  g_autoptr(GPtrArray) expert = g_ptr_array_new ();
  g_auto(ScsRequirementVerdict) verdict = { 0 };
  const char *verdict_text = NULL;
  gboolean done[SCS_N_PROCEDURES] = { FALSE };
  g_autofree char *status_text = NULL, *comment_text = NULL;
  g_autofree char *expert_text = NULL, *sub_title = NULL;
  guint n = g_list_model_get_n_items (criteria);
  ScsNode *category = scs_node_get_ancestor (requirement, SCS_NODE_CATEGORY);

  if (n == 0)
    {
      /* An edition without criteria: the requirement is what was assessed. */
      g_ptr_array_add (ids, (gpointer) scs_node_get_id (requirement));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsNode) c = g_list_model_get_item (criteria, i);
      g_ptr_array_add (ids, (gpointer) scs_node_get_id (c));
    }
  for (guint i = 0; i < ids->len; i++)
    {
      ScsAssessment *a = scs_engagement_get_assessment (ctx->engagement, g_ptr_array_index (ids, i));
      gboolean shown = verdict_shown (ctx, a);

      g_ptr_array_add (statuses, (gpointer) company_status_title (ctx->engagement, a));
      g_ptr_array_add (comments, a != NULL && ctx->options->company_comments
                                 ? (gpointer) str (SCS_RECORD (a), SCS_M_ASSESSMENT_COMPANY_COMMENT)
                                 : NULL);
      g_ptr_array_add (expert, shown ? (gpointer) scs_assessment_get_expert_comment (a) : NULL);
      for (guint p = 0; a != NULL && p < SCS_N_PROCEDURES; p++)
        if (scs_record_get_boolean (SCS_RECORD (scs_assessment_get_procedure (a, p)),
                                    SCS_M_PROCEDURE_PERFORMED))
          done[p] = TRUE;
    }
  status_text = summarise_values (ids, statuses);
  comment_text = join_comments (ids, comments);
  scs_engagement_get_requirement_verdict (ctx->engagement, requirement,
                                          scs_report_options_get_count (ctx->options), &verdict);
  if (verdict.verdict != NULL)
    verdict_text = scs_scale_value_get_title (verdict.verdict);
  else if (verdict.conformance == SCS_CONFORMANCE_INCOMPLETE)
    verdict_text = C_("sheet", "Not yet evaluated");
  expert_text = join_comments (ids, expert);
  sub_title = g_strdup_printf ("%s\n%s", scs_node_get_id (subcategory), scs_node_get_title (subcategory));

  if (first_in_group)
    {
      row->cells[S_CATEGORY].layout =
        scs_flow_layout (flow, scs_node_get_title (category),
                         scs_table_inner_width (table, S_CATEGORY), 7, FALSE, PANGO_ALIGN_LEFT);
      row->cells[S_SUBCATEGORY].layout =
        scs_flow_layout (flow, sub_title, scs_table_inner_width (table, S_SUBCATEGORY), 7, FALSE,
                         PANGO_ALIGN_LEFT);
    }
  else
    {
      row->cells[S_CATEGORY].span = TRUE;
      row->cells[S_CATEGORY].span_text =
        scs_flow_layout (flow, scs_node_get_title (category),
                         scs_table_inner_width (table, S_CATEGORY), 7, FALSE, PANGO_ALIGN_LEFT);
      row->cells[S_SUBCATEGORY].span = TRUE;
      row->cells[S_SUBCATEGORY].span_text =
        scs_flow_layout (flow, sub_title, scs_table_inner_width (table, S_SUBCATEGORY), 7, FALSE,
                         PANGO_ALIGN_LEFT);
    }
  row->cells[S_NUMBER].layout =
    scs_flow_layout (flow, scs_node_get_id (requirement), scs_table_inner_width (table, S_NUMBER),
                     7, FALSE, PANGO_ALIGN_LEFT);
  row->cells[S_REQUIREMENT].layout =
    scs_flow_titled_layout (flow, scs_node_get_title (requirement),
                            scs_node_get_text (requirement),
                            scs_table_inner_width (table, S_REQUIREMENT), 7);
  row->cells[S_STATUS].layout =
    scs_flow_cell_layout (flow, status_text, scs_table_inner_width (table, S_STATUS), 7, FALSE,
                          PANGO_ALIGN_LEFT);
  row->cells[S_COMMENT].layout =
    scs_flow_cell_layout (flow, comment_text, scs_table_inner_width (table, S_COMMENT), 7, FALSE,
                          PANGO_ALIGN_LEFT);
  for (guint p = 0; p < SCS_N_PROCEDURES; p++)
    if (done[p])
      row->cells[S_PROC + p].layout =
        scs_flow_layout (flow, "○", scs_table_inner_width (table, S_PROC + p), 9, FALSE,
                         PANGO_ALIGN_CENTER);
  row->cells[S_VERDICT].layout =
    scs_flow_cell_layout (flow, verdict_text, scs_table_inner_width (table, S_VERDICT), 7, TRUE,
                          PANGO_ALIGN_LEFT);
  row->cells[S_EXPERT].layout =
    verdict_comment_layout (flow, ctx, &verdict, n > 1, expert_text,
                            scs_table_inner_width (table, S_EXPERT));
  return row;
}

static void
layout_sheet (ScsFlow                *flow,
              const ScsReportContext *ctx)
{
  static const double parts[S_N] = { 52, 64, 44, 150, 54, 128, 38, 38, 38, 38, 52, 128 };
  /* TRANSLATORS: the sheet's number column, the level's requirements (★3 要求事項 No.) */
  g_autofree char *number = g_strdup_printf (_("★%d requirement No."),
                                             scs_engagement_get_level (ctx->engagement));
  const char *titles[S_N] = {
    _("Category"), _("Subcategory"), number, _("Requirement"),
    _("Company's result"), _("Company's comment"),
    g_dpgettext2 (NULL, "sheet column", procedure_short[0]),
    g_dpgettext2 (NULL, "sheet column", procedure_short[1]),
    g_dpgettext2 (NULL, "sheet column", procedure_short[2]),
    g_dpgettext2 (NULL, "sheet column", procedure_short[3]),
    /* TRANSLATORS: the sheet's verdict column; its title breaks only at a space or a \n
     * (「評価結果\n（専門家記入）」) */
    C_("sheet column", "Evaluation (expert)"), _("Expert's comment"),
  };
  /* The guide's bands over the company's columns and the procedures' */
  const char *bands[S_N] = {
    [S_STATUS] = _("Filled in by the company"),
    [S_PROC] = _("Evaluation procedures (○ where performed)"),
  };
  static const guint band_cols[S_N] = { [S_STATUS] = 2, [S_PROC] = SCS_N_PROCEDURES };
  GListModel *subs = scs_framework_get_subcategories (scs_engagement_get_framework (ctx->engagement),
                                                      scs_engagement_get_level (ctx->engagement));
  ScsTable plain = scs_flow_plain_table (flow);
  ScsTable table = { .borders = TRUE, .pad = 2.5 };
  g_autofree char *intro = NULL;
  ScsRecord *eng = SCS_RECORD (ctx->engagement);
  ScsRecord *company = scs_record_get_object (eng, SCS_M_ENGAGEMENT_COMPANY);
  ScsRecord *expert = scs_record_get_object (eng, SCS_M_ENGAGEMENT_EXPERT);

  scs_table_set_widths (&table, flow, parts, S_N);
  table.header = scs_flow_header_row (flow, &table, titles);
  table.band = scs_flow_band_row (flow, &table, bands, band_cols);
  /* Title and lead wait for the first rows: their padding is the room over the table. */
  plain.pad = 2.5;
  scs_flow_heading (flow, &plain, _("Security Assessment Sheet"), 14);
  /* TRANSLATORS: under the sheet's title: company, level (★3), expert */
  intro = g_strdup_printf (_("%s · ★%d · Expert: %s · Evaluation procedures performed are marked ○."),
                           str (company, SCS_M_COMPANY_NAME),
                           scs_engagement_get_level (ctx->engagement),
                           str (expert, SCS_M_EXPERT_NAME));
  /* Kept with the first rows, so that the first page never holds the title alone. */
  scs_flow_lead (flow, &plain, intro, 8);

  for (guint s = 0; s < g_list_model_get_n_items (subs); s++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, s);
      GListModel *reqs = scs_node_get_children (sub);
      GPtrArray *rows = g_ptr_array_new_with_free_func (scs_row_free);

      for (guint r = 0; r < g_list_model_get_n_items (reqs); r++)
        {
          g_autoptr(ScsNode) req = g_list_model_get_item (reqs, r);

          g_ptr_array_add (rows, sheet_requirement_row (flow, &table, ctx, req, r == 0, sub));
        }
      scs_flow_place_rows (flow, &table, rows, TRUE);
    }
  scs_flow_close_table (flow);
  scs_row_free (table.header);
  scs_row_free (table.band);
}

/* the sheet's section per criterion -------------------------------------------------------- */

/* What the evidence column names: the documents and files cited by every procedure, where
 * the site was observed and who was interviewed. Never the expert's notes or what was
 * checked, which stay with the expert (tests/test-confidential.c plants markers in both). */
static char *
evidence_text (ScsAssessment *a)
{
  g_autoptr(GString) s = g_string_new ("");

  for (guint p = 0; p < SCS_N_PROCEDURES; p++)
    {
      ScsRecord *proc = SCS_RECORD (scs_assessment_get_procedure (a, p));
      GListModel *refs = scs_record_get_list (proc, SCS_M_PROCEDURE_REFS);

      if (!scs_record_get_boolean (proc, SCS_M_PROCEDURE_PERFORMED))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
        {
          g_autoptr(ScsRecord) ref = g_list_model_get_item (refs, i);
          const char *name = *str (ref, SCS_M_REFERENCE_DOCUMENT) != '\0'
                             ? str (ref, SCS_M_REFERENCE_DOCUMENT)
                             : str (ref, SCS_M_REFERENCE_FILE);

          if (*name == '\0')
            continue;
          if (s->len > 0)
            g_string_append_c (s, '\n');
          g_string_append (s, name);
          if (*str (ref, SCS_M_REFERENCE_VERSION) != '\0')
            g_string_append_printf (s, " %s", str (ref, SCS_M_REFERENCE_VERSION));
          if (*str (ref, SCS_M_REFERENCE_DATE) != '\0')
            g_string_append_printf (s, " (%s)", str (ref, SCS_M_REFERENCE_DATE));
        }
      if (p == 2 && *str (proc, SCS_M_PROCEDURE_PLACE) != '\0')
        {
          if (s->len > 0)
            g_string_append_c (s, '\n');
          /* TRANSLATORS: where the site was observed, in the sheet's detail section */
          g_string_append_printf (s, _("Observed at: %s"), str (proc, SCS_M_PROCEDURE_PLACE));
          if (*str (proc, SCS_M_PROCEDURE_DATE) != '\0')
            g_string_append_printf (s, " (%s)", str (proc, SCS_M_PROCEDURE_DATE));
        }
      if (p == 3 && (*str (proc, SCS_M_PROCEDURE_INTERVIEWEE_NAME) != '\0'
                     || *str (proc, SCS_M_PROCEDURE_INTERVIEWEE_TITLE) != '\0'))
        {
          g_autofree char *who = NULL;

          if (s->len > 0)
            g_string_append_c (s, '\n');
          /* TRANSLATORS: who was interviewed, in the sheet's detail section */
          who = g_strdup_printf (_("Interviewed: %s %s"),
                                 str (proc, SCS_M_PROCEDURE_INTERVIEWEE_TITLE),
                                 str (proc, SCS_M_PROCEDURE_INTERVIEWEE_NAME));
          g_string_append (s, g_strchomp (who));
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
document_titles (ScsEngagement *engagement,
                 const char    *text)
{
  /* Evidence references name documents of the inventory by id: show their titles. */
  GListModel *docs = scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_DOCUMENTS);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
      {
        g_autoptr(ScsRecord) d = g_list_model_get_item (docs, i);
        const char *id = str (d, SCS_M_DOCUMENT_ID);

        if (*id != '\0' && g_str_has_prefix (lines[l], id)
            && (lines[l][strlen (id)] == '\0' || lines[l][strlen (id)] == ' '))
          {
            char *t = g_strconcat (str (d, SCS_M_DOCUMENT_TITLE), lines[l] + strlen (id), NULL);

            g_free (lines[l]);
            lines[l] = t;
            break;
          }
      }
  return g_strjoinv ("\n", lines);
}

char *
scs_report_criterion_evidence (ScsEngagement *engagement,
                               ScsAssessment *assessment)
{
  g_autofree char *evidence = NULL;

  if (assessment == NULL)
    return g_strdup ("");
  evidence = evidence_text (assessment);
  return document_titles (engagement, evidence);
}

enum { D_NUMBER, D_CRITERION, D_STATUS, D_COMMENT, D_PROC,
       D_VERDICT = D_PROC + SCS_N_PROCEDURES, D_EXPERT, D_EVIDENCE, D_N };

static void
layout_details (ScsFlow                *flow,
                const ScsReportContext *ctx)
{
  static const double parts[D_N] = { 44, 178, 54, 116, 38, 38, 38, 38, 52, 118, 96 };
  const char *titles[D_N] = {
    _("Criterion No."), _("Evaluation criterion"), _("Company's result"), _("Company's comment"),
    g_dpgettext2 (NULL, "sheet column", procedure_short[0]),
    g_dpgettext2 (NULL, "sheet column", procedure_short[1]),
    g_dpgettext2 (NULL, "sheet column", procedure_short[2]),
    g_dpgettext2 (NULL, "sheet column", procedure_short[3]),
    C_("sheet column", "Evaluation (expert)"), _("Expert's comment"), _("Evidence"),
  };
  const char *bands[D_N] = {
    [D_STATUS] = _("Filled in by the company"),
    [D_PROC] = _("Evaluation procedures (○ where performed)"),
  };
  static const guint band_cols[D_N] = { [D_STATUS] = 2, [D_PROC] = SCS_N_PROCEDURES };
  ScsFramework *fw = scs_engagement_get_framework (ctx->engagement);
  GListModel *reqs = scs_framework_get_requirements (fw, scs_engagement_get_level (ctx->engagement));
  ScsTable plain = scs_flow_plain_table (flow);
  ScsTable table = { .borders = TRUE, .pad = 2.5 };

  scs_table_set_widths (&table, flow, parts, D_N);
  table.header = scs_flow_header_row (flow, &table, titles);
  table.band = scs_flow_band_row (flow, &table, bands, band_cols);
  scs_flow_heading (flow, &plain, _("Assessment by Evaluation Criterion"), 14);

  for (guint r = 0; r < g_list_model_get_n_items (reqs); r++)
    {
      g_autoptr(ScsNode) req = g_list_model_get_item (reqs, r);
      GListModel *criteria = scs_node_get_children (req);
      g_autofree char *title = g_strdup_printf ("%s %s", scs_node_get_id (req), scs_node_get_title (req));
      GPtrArray *rows = g_ptr_array_new_with_free_func (scs_row_free);
      ScsRow *head = scs_row_new (D_N);

      head->full = TRUE;
      head->cells[0].layout = scs_flow_titled_layout (flow, title, scs_node_get_text (req),
                                                      scs_table_width (&table) - 2 * table.pad,
                                                      7.5);
      head->cells[0].shade = 0.94;
      g_ptr_array_add (rows, head);
      for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
        {
          g_autoptr(ScsNode) crit = g_list_model_get_item (criteria, c);
          ScsReportCriterion c_row;
          ScsRow *row = scs_row_new (D_N);
          g_autofree char *evidence_named = NULL;
          const char *texts[D_N] = { NULL };
          ScsRequirementVerdict verdict;

          fill_criterion (&c_row, ctx, crit);
          evidence_named = scs_report_criterion_evidence (ctx->engagement, c_row.assessment);
          texts[D_NUMBER] = scs_node_get_id (crit);
          texts[D_CRITERION] = scs_node_get_text (crit);
          texts[D_STATUS] = c_row.company_status;
          texts[D_COMMENT] = c_row.company_comment;
          texts[D_VERDICT] = c_row.verdict;
          texts[D_EXPERT] = c_row.expert_comment;
          texts[D_EVIDENCE] = evidence_named;
          for (guint p = 0; p < SCS_N_PROCEDURES; p++)
            texts[D_PROC + p] = c_row.performed[p] ? "○" : NULL;
          scs_engagement_get_requirement_verdict (ctx->engagement, crit,
                                                  scs_report_options_get_count (ctx->options),
                                                  &verdict);
          row->cells[D_EXPERT].layout =
            verdict_comment_layout (flow, ctx, &verdict, FALSE, c_row.expert_comment,
                                    scs_table_inner_width (&table, D_EXPERT));
          scs_requirement_verdict_clear (&verdict);
          texts[D_EXPERT] = NULL;
          for (guint k = 0; k < D_N; k++)
            if (texts[k] != NULL && *texts[k] != '\0')
              {
                gboolean mark = k >= D_PROC && k < D_VERDICT;

                row->cells[k].layout = scs_flow_layout (flow, texts[k],
                                                        scs_table_inner_width (&table, k),
                                                        mark ? 9 : k == D_EVIDENCE ? 6.5 : 7,
                                                        k == D_VERDICT,
                                                        mark ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
              }
          g_ptr_array_add (rows, row);
        }
      scs_flow_place_rows (flow, &table, rows, TRUE);
    }
  scs_flow_close_table (flow);
  scs_row_free (table.header);
  scs_row_free (table.band);
}

void
scs_report_add_sheet (ScsFlow                *flow,
                      const ScsReportContext *ctx)
{
  scs_flow_new_page (flow, TRUE, _("Security Assessment Sheet"));
  layout_sheet (flow, ctx);
  if (ctx->options->details)
    {
      scs_flow_skip (flow, 14);
      layout_details (flow, ctx);
    }
}

