/* scs-presentation-slides.c — what each slide shows, made from the engagement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The slide builders of the presentation, apart from its window and keys: each takes what
 * the slides are made from (ScsSlideSource) and returns a fresh widget tree, dark text on
 * white in the style classes the window sizes from the screen. Nothing here reads an
 * internal note, and a verdict marked for follow-up counts as not yet evaluated.
 */

#include <glib/gi18n.h>

#include "scs-engagement-radar.h"
#include "scs-presentation-slides.h"
#include "scs-radar-view.h"
#include "scs-status.h"

/* building blocks ---------------------------------------------------------------------- */

static GtkWidget *
text (const char *str,
      const char *css_class)
{
  GtkWidget *label = gtk_label_new (str);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    {
      g_auto(GStrv) classes = g_strsplit (css_class, " ", -1);

      for (guint i = 0; classes[i] != NULL; i++)
        gtk_widget_add_css_class (label, classes[i]);
    }
  return label;
}

/* A label of at most about lines lines. One line is ellipsized; longer texts are cut to what
 * two lines hold and wrapped: GTK 4.8 measures wrapped labels with a line limit
 * inconsistently (a critical warning, overlapping widgets). */
static GtkWidget *
text_lines (const char *str,
            const char *css_class,
            int         lines)
{
  GtkWidget *label;

  if (lines <= 1)
    {
      label = text (str, css_class);
      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
      gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      return label;
    }
  if (g_utf8_strlen (str, -1) > 40 * lines)
    {
      g_autofree char *cut = g_utf8_substring (str, 0, 40 * lines - 1);
      g_autofree char *shown = g_strconcat (cut, "…", NULL);

      return text (shown, css_class);
    }
  return text (str, css_class);
}

/* A status in words on a coloured chip: the words carry it, never the colour alone. */
static GtkWidget *
chip (const char *str,
      const char *css_class)
{
  GtkWidget *label = gtk_label_new (str);

  gtk_widget_add_css_class (label, "chip");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  return label;
}

static GtkWidget *
slide_box (const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (box, "slide");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_vexpand (box, TRUE);
  if (title != NULL)
    gtk_box_append (GTK_BOX (box), text (title, "slide-title"));
  return box;
}

static ScsRecord *
record (ScsEngagement *engagement,
        const char    *member)
{
  return scs_record_get_object (SCS_RECORD (engagement), member);
}

/* what may be shown ------------------------------------------------------------------------ */

static gboolean
show_company_comments (const ScsSlideSource *source)
{
  return g_settings_get_boolean (source->settings, "presentation-company-comments");
}

/* The slides are shown to the company: every chip, comment and figure on them counts
 * confirmed verdicts only, and one marked for follow-up is not yet evaluated. */
#define SLIDE_COUNT SCS_COUNT_CONFIRMED

/* In the company's view, verdicts are on the wall only when the company is given them. */
static gboolean
show_verdicts (const ScsSlideSource *source)
{
  return !source->company_view || source->copy_options.verdicts;
}

static ScsConformance
shown_conformance (const ScsSlideSource *source,
                   ScsNode              *criterion)
{
  return scs_engagement_get_conformance (source->engagement, scs_node_get_id (criterion), SLIDE_COUNT);
}

static ScsConformance
requirement_conformance (const ScsSlideSource *source,
                         ScsNode              *requirement)
{
  GListModel *criteria = scs_node_get_children (requirement);
  guint n = g_list_model_get_n_items (criteria);
  gboolean open = FALSE, any = FALSE, all_na = TRUE;

  if (n == 0)
    return shown_conformance (source, requirement);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsNode) c = g_list_model_get_item (criteria, i);
      ScsConformance k = shown_conformance (source, c);

      if (k == SCS_CONFORMANCE_NOT_CONFORMING)
        return k;
      if (k == SCS_CONFORMANCE_UNANSWERED)
        open = TRUE;
      else
        any = TRUE;
      if (k != SCS_CONFORMANCE_NOT_APPLICABLE)
        all_na = FALSE;
    }
  if (open)
    return any ? SCS_CONFORMANCE_INCOMPLETE : SCS_CONFORMANCE_UNANSWERED;
  return all_na ? SCS_CONFORMANCE_NOT_APPLICABLE : SCS_CONFORMANCE_CONFORMS;
}

static GtkWidget *
conformance_chip (ScsConformance conformance)
{
  switch (conformance)
    {
    case SCS_CONFORMANCE_CONFORMS:
      return chip (C_("slide", "Conforms"), "success");
    case SCS_CONFORMANCE_NOT_CONFORMING:
      return chip (C_("slide", "Needs improvement"), "error");
    case SCS_CONFORMANCE_NOT_APPLICABLE:
      return chip (C_("slide", "Not applicable"), "neutral");
    case SCS_CONFORMANCE_INCOMPLETE:
      return chip (C_("slide", "Being evaluated"), "warning");
    case SCS_CONFORMANCE_UNANSWERED:
    default:
      return chip (C_("slide", "Not yet evaluated"), "neutral");
    }
}

/* the slides ---------------------------------------------------------------------------------- */

/* The visit of the meeting: today's, else the last one held, else the first. */
static ScsRecord *
current_visit (ScsEngagement *engagement)
{
  GListModel *visits = scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_VISITS);
  g_autoptr(ScsRecord) first = NULL;
  ScsRecord *visit = scs_engagement_get_current_visit (engagement);

  if (visit != NULL || g_list_model_get_n_items (visits) == 0)
    return visit;
  first = g_list_model_get_item (visits, 0);
  return first;   /* the engagement's list holds it */
}

/* A user-provided edition's texts are never shown as if they were the official ones. */
static void
append_edition_mark (const ScsSlideSource *source,
                     GtkWidget            *box)
{
  ScsFramework *fw = scs_engagement_get_framework (source->engagement);
  g_autofree char *line = NULL;
  GtkWidget *label;

  if (scs_framework_is_builtin (fw))
    return;
  line = g_strdup_printf (_("Criteria texts: user-provided edition %s, not the official text"),
                          scs_framework_get_edition (fw));
  label = text (line, "slide-small");
  gtk_widget_add_css_class (label, "edition-mark");
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
}

static GtkWidget *
build_title (const ScsSlideSource *source)
{
  GtkWidget *box = slide_box (NULL);
  ScsRecord *company = record (source->engagement, SCS_M_ENGAGEMENT_COMPANY);
  ScsRecord *expert = record (source->engagement, SCS_M_ENGAGEMENT_EXPERT);
  ScsRecord *visit = current_visit (source->engagement);
  g_autofree char *level = g_strdup_printf (_("★%d Security Assessment"),
                                            scs_engagement_get_level (source->engagement));
  const char *name = scs_record_get_string (company, SCS_M_COMPANY_NAME);

  gtk_widget_add_css_class (box, "title-slide");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text (*name != '\0' ? name : _("Company"), "slide-huge"));
  gtk_box_append (GTK_BOX (box), text (level, "slide-subtitle"));
  if (visit != NULL)
    {
      const char *date = scs_record_get_string (visit, SCS_M_VISIT_DATE);
      /* TRANSLATORS: on the title slide: the visit's number and its date */
      g_autofree char *line = g_strdup_printf (_("Visit %d · %s"), (int) scs_record_get_int (visit, SCS_M_VISIT_NUMBER),
                                               *date != '\0' ? date : _("date not set"));

      gtk_box_append (GTK_BOX (box), text (line, "slide-body"));
    }
  if (*scs_record_get_string (expert, SCS_M_EXPERT_NAME) != '\0')
    {
      /* TRANSLATORS: on the title slide */
      g_autofree char *line = g_strdup_printf (_("Expert: %s"), scs_record_get_string (expert, SCS_M_EXPERT_NAME));

      gtk_box_append (GTK_BOX (box), text (line, "slide-small"));
    }
  append_edition_mark (source, box);
  return box;
}

/* The company's view has no maturity, and conformance only when given the verdicts. */
static const char *
radar_title (const ScsSlideSource *source)
{
  return !source->company_view ? _("Conformance and Maturity")
         : show_verdicts (source) ? _("Conformance and Self-Assessment")
         : _("Self-Assessment by Subcategory");
}

static GtkWidget *
build_radar (const ScsSlideSource *source)
{
  GtkWidget *box = slide_box (radar_title (source));
  GtkWidget *view = scs_radar_view_new ();
  /* The company's view has no maturity, and the expert's rates only from verdicts given. */
  ScsRadarSeriesSet series = !source->company_view ? SCS_RADAR_EXPERT | SCS_RADAR_COMPANY
                                                   | SCS_RADAR_MATURITY_CURRENT
                                                   | SCS_RADAR_MATURITY_TARGET
                             : show_verdicts (source) ? SCS_RADAR_EXPERT | SCS_RADAR_COMPANY
                             : SCS_RADAR_COMPANY;
  g_autoptr(ScsRadarData) data = scs_engagement_radar_new (source->engagement, series,
                                                           SLIDE_COUNT, FALSE);

  scs_radar_view_set_light (SCS_RADAR_VIEW (view), TRUE);
  /* Labels as large as the slides' smallest text, and no text of the chart smaller (its
   * scale and values too); the chart shortens the labels to fit. */
  scs_radar_view_set_font_size (SCS_RADAR_VIEW (view), MAX (source->font_size * 0.8,
                                                            SCS_SLIDE_MIN_TEXT_PX));
  scs_radar_view_set_data (SCS_RADAR_VIEW (view), g_steal_pointer (&data));
  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  return box;
}

static GtkWidget *
build_readiness (const ScsSlideSource *source)
{
  GtkWidget *box = slide_box (_("Where the Company Stands"));
  GListModel *subs = scs_framework_get_subcategories (scs_engagement_get_framework (source->engagement),
                                                      scs_engagement_get_level (source->engagement));
  GtkWidget *list = gtk_grid_new ();
  guint conforming = 0, failing = 0, open = 0, applicable = 0, rows = 0;
  g_autofree char *counts = NULL, *headline = NULL;

  for (guint s = 0; s < g_list_model_get_n_items (subs); s++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, s);
      GListModel *reqs = scs_node_get_children (sub);
      guint sub_failing = 0;

      for (guint r = 0; r < g_list_model_get_n_items (reqs); r++)
        {
          g_autoptr(ScsNode) req = g_list_model_get_item (reqs, r);
          GListModel *criteria = scs_node_get_children (req);

          for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
            {
              g_autoptr(ScsNode) crit = g_list_model_get_item (criteria, c);
              ScsConformance k = shown_conformance (source, crit);

              if (k == SCS_CONFORMANCE_NOT_APPLICABLE)
                continue;
              applicable++;
              if (k == SCS_CONFORMANCE_CONFORMS)
                conforming++;
              else if (k == SCS_CONFORMANCE_NOT_CONFORMING)
                failing++, sub_failing++;
              else
                open++;
            }
        }
      if (sub_failing > 0 && rows < 6)
        {
          g_autofree char *name = g_strdup_printf ("%s %s", scs_node_get_id (sub), scs_node_get_title (sub));
          /* TRANSLATORS: on the readiness slide: how many criteria of a subcategory need improvement */
          g_autofree char *n = g_strdup_printf (g_dngettext (NULL, "%u criterion", "%u criteria", sub_failing),
                                                sub_failing);

          gtk_grid_attach (GTK_GRID (list), text (name, "slide-body"), 0, rows, 1, 1);
          gtk_grid_attach (GTK_GRID (list), chip (n, "error"), 1, rows, 1, 1);
          rows++;
        }
    }
  headline = failing == 0 && open == 0 && applicable > 0
             ? g_strdup (_("Every applicable criterion conforms: ready to apply."))
             : g_strdup (_("Not ready yet: these areas need improvement first."));
  /* TRANSLATORS: on the readiness slide */
  counts = g_strdup_printf (_("%u of %u criteria conform · %u need improvement · %u not yet evaluated"),
                            conforming, applicable, failing, open);
  gtk_box_append (GTK_BOX (box), text (headline, "slide-subtitle"));
  gtk_box_append (GTK_BOX (box), text (counts, "slide-body"));
  gtk_grid_set_row_spacing (GTK_GRID (list), 12);
  gtk_grid_set_column_spacing (GTK_GRID (list), 24);
  gtk_widget_add_css_class (list, "slide-list");
  gtk_box_append (GTK_BOX (box), list);
  return box;
}

/* Texts with the criteria that share them, in order of first use: the same comment on
 * three criteria is said once. */
static void
gather (GPtrArray  *texts,
        GPtrArray  *ids,
        const char *text,
        const char *id)
{
  guint i;

  if (text == NULL || *text == '\0')
    return;
  if (g_ptr_array_find_with_equal_func (texts, text, g_str_equal, &i))
    {
      GString *who = g_ptr_array_index (ids, i);

      g_string_append_printf (who, ", %s", id);
      return;
    }
  g_ptr_array_add (texts, (gpointer) text);
  g_ptr_array_add (ids, g_string_new (id));
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static GtkWidget *
build_subcategory (const ScsSlideSource *source,
                   ScsNode              *sub)
{
  g_autofree char *title = g_strdup_printf ("%s %s", scs_node_get_id (sub), scs_node_get_title (sub));
  GtkWidget *box = slide_box (title);
  GListModel *reqs = scs_node_get_children (sub);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *notes = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  g_autoptr(GPtrArray) expert = g_ptr_array_new ();
  g_autoptr(GPtrArray) expert_ids = g_ptr_array_new_with_free_func (string_free);
  g_autoptr(GPtrArray) own = g_ptr_array_new ();
  g_autoptr(GPtrArray) own_ids = g_ptr_array_new_with_free_func (string_free);
  gboolean comments = show_company_comments (source);
  guint shown = 0;
  /* A long list (★4's 4-1 has nine requirements) takes smaller type, a line each, and
   * leaves room for one comment, so that it still fits a 768-line projector. */
  gboolean dense = g_list_model_get_n_items (reqs) > 5;
  guint room = dense ? 1 : 3;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 10);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_widget_add_css_class (grid, "slide-list");
  for (guint r = 0; r < g_list_model_get_n_items (reqs); r++)
    {
      g_autoptr(ScsNode) req = g_list_model_get_item (reqs, r);
      GListModel *criteria = scs_node_get_children (req);
      g_autofree char *name = g_strdup_printf ("%s %s", scs_node_get_id (req), scs_node_get_title (req));
      GtkWidget *company = gtk_label_new (NULL);
      g_autoptr(GPtrArray) statuses = g_ptr_array_new ();

      if (show_verdicts (source))
        gtk_grid_attach (GTK_GRID (grid), conformance_chip (requirement_conformance (source, req)), 0, r, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), text_lines (name, dense ? "slide-small" : "slide-body", dense ? 1 : 2),
                       1, r, 1, 1);
      for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
        {
          g_autoptr(ScsNode) crit = g_list_model_get_item (criteria, c);
          ScsAssessment *a = scs_engagement_get_assessment (source->engagement, scs_node_get_id (crit));
          const char *status = scs_status_company_title (source->engagement, a);

          if (*status != '\0' && !g_ptr_array_find_with_equal_func (statuses, status, g_str_equal, NULL))
            g_ptr_array_add (statuses, (gpointer) status);
          /* What does not conform, in the expert's words meant for the client, and in the
           * company's own when the setting allows. */
          if (a == NULL || shown_conformance (source, crit) != SCS_CONFORMANCE_NOT_CONFORMING)
            continue;
          gather (expert, expert_ids, scs_assessment_get_expert_comment (a), scs_node_get_id (crit));
          if (comments)
            gather (own, own_ids, scs_record_get_string (SCS_RECORD (a), SCS_M_ASSESSMENT_COMPANY_COMMENT),
                    scs_node_get_id (crit));
        }
      if (statuses->len > 0)
        {
          g_autofree char *joined = NULL, *line = NULL;

          g_ptr_array_add (statuses, NULL);
          joined = g_strjoinv (" / ", (char **) statuses->pdata);
          /* TRANSLATORS: on a slide, the company's own answer to a requirement */
          line = g_strdup_printf (_("Self: %s"), joined);
          gtk_label_set_text (GTK_LABEL (company), line);
          gtk_widget_add_css_class (company, "slide-small");
          gtk_widget_add_css_class (company, "dim");
          gtk_widget_set_valign (company, GTK_ALIGN_START);
        }
      gtk_grid_attach (GTK_GRID (grid), company, 2, r, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), grid);
  for (guint i = 0; i < expert->len && shown < room; i++, shown++)
    {
      g_autofree char *line = g_strdup_printf ("%s  %s", ((GString *) g_ptr_array_index (expert_ids, i))->str,
                                               (const char *) g_ptr_array_index (expert, i));

      gtk_box_append (GTK_BOX (notes), text_lines (line, "slide-small", 2));
    }
  for (guint i = 0; i < own->len && shown < room + 1; i++, shown++)
    {
      /* TRANSLATORS: on a slide, the company's own comment on criteria (their numbers first) */
      g_autofree char *line = g_strdup_printf (_("%s  Company: %s"),
                                               ((GString *) g_ptr_array_index (own_ids, i))->str,
                                               (const char *) g_ptr_array_index (own, i));

      gtk_box_append (GTK_BOX (notes), text_lines (line, "slide-small dim", 2));
    }
  if (expert->len + own->len > 0)
    {
      gtk_box_append (GTK_BOX (box), text (_("What needs improvement"), "slide-heading"));
      gtk_box_append (GTK_BOX (box), notes);
      if (expert->len + own->len > shown)
        {
          guint more = expert->len + own->len - shown;
          /* TRANSLATORS: on a slide, under the comments shown */
          g_autofree char *line = g_strdup_printf (g_dngettext (NULL, "…and %u more in the report",
                                                                "…and %u more in the report", more),
                                                   more);

          gtk_box_append (GTK_BOX (notes), text (line, "slide-small"));
        }
    }
  append_edition_mark (source, box);
  return box;
}

static GtkWidget *
comparison_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();
  const char *heads[3] = { _("Subcategory"), _("Self-assessed"), _("Expert") };

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_widget_set_hexpand (grid, TRUE);
  gtk_widget_add_css_class (grid, "slide-list");
  for (guint i = 0; i < 3; i++)
    gtk_grid_attach (GTK_GRID (grid), text (heads[i], "slide-small slide-strong"), i, 0, 1, 1);
  return grid;
}

static GtkWidget *
build_comparison (const ScsSlideSource *source)
{
  GtkWidget *box = slide_box (_("Self-Assessment and Expert Evaluation"));
  GListModel *subs = scs_framework_get_subcategories (scs_engagement_get_framework (source->engagement),
                                                      scs_engagement_get_level (source->engagement));
  guint n = g_list_model_get_n_items (subs);
  /* More than twelve rows (★4 has sixteen) go in two columns, to fit a 768-line screen. */
  guint per_column = n > 12 ? (n + 1) / 2 : n;
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 48);
  GtkWidget *grid = NULL;

  for (guint s = 0; s < n; s++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, s);
      g_autofree char *name = g_strdup_printf ("%s %s", scs_node_get_id (sub), scs_node_get_title (sub));
      g_autofree char *own = NULL, *expert = NULL;
      guint row = s % per_column + 1;
      ScsTally tally;
      double own_rate, rate;

      if (s % per_column == 0)
        {
          grid = comparison_grid ();
          gtk_box_append (GTK_BOX (columns), grid);
        }
      scs_engagement_tally (source->engagement, sub, SLIDE_COUNT, &tally);
      own_rate = scs_tally_get_company_rate (&tally);
      rate = scs_tally_get_rate (&tally);
      own = own_rate < 0 ? g_strdup ("–") : g_strdup_printf ("%.0f%%", own_rate * 100);
      expert = rate < 0 ? g_strdup ("–") : g_strdup_printf ("%.0f%%", rate * 100);
      gtk_grid_attach (GTK_GRID (grid), text_lines (name, "slide-small", 1), 0, row, 1, 1);
      gtk_widget_set_hexpand (gtk_grid_get_child_at (GTK_GRID (grid), 0, row), TRUE);
      gtk_grid_attach (GTK_GRID (grid), text (own, "slide-small"), 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), own_rate >= 0 && rate >= 0 && own_rate - rate > 0.25
                                        ? chip (expert, "warning") : text (expert, "slide-small"),
                       2, row, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), columns);
  gtk_box_append (GTK_BOX (box),
                  text (_("Highlighted: the company rated itself well above what the evaluation found."),
                        "slide-small dim"));
  return box;
}

static GtkWidget *
build_plan (const ScsSlideSource *source)
{
  GtkWidget *box = slide_box (_("Improvement Plan"));
  GListModel *items = scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (source->engagement)), SCS_M_PLAN_ITEMS);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < MIN (n, 5); i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (items, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
      GtkWidget *col = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      const char *timing = scs_record_get_string (item, SCS_M_PLAN_ITEM_TIMING);
      const char *due = scs_record_get_string (item, SCS_M_PLAN_ITEM_DUE_DATE);
      g_autofree char *when = NULL;

      /* TRANSLATORS: on the plan slide: an item's timing and due date */
      when = *timing != '\0' && *due != '\0' ? g_strdup_printf (_("%s (by %s)"), timing, due)
                                             : g_strdup (*timing != '\0' ? timing : due);
      gtk_widget_add_css_class (row, "slide-item");
      gtk_box_append (GTK_BOX (row), gtk_label_new (number));
      gtk_widget_add_css_class (gtk_widget_get_last_child (row), "slide-body");
      gtk_widget_set_valign (gtk_widget_get_last_child (row), GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (col), text_lines (scs_record_get_string (item, SCS_M_PLAN_ITEM_TITLE), "slide-body", 2));
      if (*when != '\0')
        gtk_box_append (GTK_BOX (col), text_lines (when, "slide-small", 2));
      gtk_widget_set_hexpand (col, TRUE);
      gtk_box_append (GTK_BOX (row), col);
      if (g_str_equal (scs_record_get_string (item, SCS_M_PLAN_ITEM_URGENCY), "high"))
        gtk_box_append (GTK_BOX (row), chip (C_("slide", "Urgent"), "error"));
      gtk_box_append (GTK_BOX (box), row);
    }
  if (n == 0)
    gtk_box_append (GTK_BOX (box), text (_("The plan has no items yet."), "slide-body"));
  else if (n > 5)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (NULL, "…and %u more in the plan",
                                                            "…and %u more in the plan", n - 5), n - 5);

      gtk_box_append (GTK_BOX (box), text (more, "slide-small"));
    }
  return box;
}

static GtkWidget *
build_maturity (const ScsSlideSource *source)
{
  GtkWidget *box = slide_box (_("The Maturity Model"));
  ScsFramework *fw = scs_engagement_get_framework (source->engagement);
  GPtrArray *levels = scs_framework_get_maturity_levels (fw);
  GListModel *subs = scs_framework_get_subcategories (fw, scs_engagement_get_level (source->engagement));
  GListModel *maturity = scs_record_get_list (SCS_RECORD (source->engagement), SCS_M_ENGAGEMENT_MATURITY);
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_widget_add_css_class (grid, "slide-list");
  for (guint i = 0; levels != NULL && i < levels->len; i++)
    {
      const ScsMaturityLevel *level = g_ptr_array_index (levels, i);
      g_autofree char *number = g_strdup_printf ("%d", level->level);
      g_autoptr(GString) here = g_string_new ("");

      for (guint s = 0; s < g_list_model_get_n_items (subs); s++)
        {
          g_autoptr(ScsNode) sub = g_list_model_get_item (subs, s);

          for (guint m = 0; m < g_list_model_get_n_items (maturity); m++)
            {
              g_autoptr(ScsRecord) rec = g_list_model_get_item (maturity, m);

              if (g_str_equal (scs_record_get_string (rec, SCS_M_MATURITY_SUBCATEGORY), scs_node_get_id (sub))
                  && scs_record_get_int (rec, SCS_M_MATURITY_CURRENT) == level->level)
                g_string_append_printf (here, "%s%s", here->len > 0 ? " " : "", scs_node_get_id (sub));
            }
        }
      gtk_grid_attach (GTK_GRID (grid), chip (number, level->level >= 3 ? "success" : "neutral"), 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid),
                       text_lines (scs_locale_pick (level->title_ja, level->title_en), "slide-table", 2),
                       1, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), text (here->str, "slide-table"), 2, i, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box),
                  text (_("Right: the subcategories at each level now. Level 3, a working improvement cycle, is what business partners expect."),
                        "slide-small"));
  return box;
}

static GtkWidget *
build_diagnosis (const ScsSlideSource *source)
{
  GtkWidget *box = slide_box (_("Five-Minute Self-Diagnosis"));
  ScsDiagnosisResult result = { 0 };
  g_autofree char *score = NULL, *answered = NULL;

  scs_engagement_score_checklist (source->engagement, source->diagnosis, SCS_M_ENGAGEMENT_DIAGNOSIS,
                                  &result);
  /* TRANSLATORS: the diagnosis score on its slide */
  score = g_strdup_printf (_("%d points of 100"), result.score);
  gtk_box_append (GTK_BOX (box), text (score, "slide-huge"));
  if (result.complete && result.band != NULL)
    gtk_box_append (GTK_BOX (box), text (scs_band_get_title (result.band), "slide-subtitle"));
  else
    {
      /* TRANSLATORS: the diagnosis is not finished */
      answered = g_strdup_printf (_("%u of %u questions answered"), result.n_answered, result.n_items);
      gtk_box_append (GTK_BOX (box), text (answered, "slide-subtitle"));
    }
  if (result.follow_up != NULL && result.follow_up->len > 0)
    {
      gtk_box_append (GTK_BOX (box), text (_("Answered “don't know”, to follow up:"), "slide-heading"));
      for (guint i = 0; i < MIN (result.follow_up->len, 4); i++)
        {
          ScsNode *item = g_ptr_array_index (result.follow_up, i);
          g_autofree char *line = g_strdup_printf ("%s  %s", scs_node_get_id (item), scs_node_get_text (item));

          gtk_box_append (GTK_BOX (box), text_lines (line, "slide-small", 1));
        }
    }
  scs_diagnosis_result_clear (&result);
  return box;
}

static gboolean
diagnosis_answered (const ScsSlideSource *source)
{
  ScsDiagnosisResult result = { 0 };
  gboolean answered;

  if (source->diagnosis == NULL)
    return FALSE;
  scs_engagement_score_checklist (source->engagement, source->diagnosis, SCS_M_ENGAGEMENT_DIAGNOSIS,
                                  &result);
  answered = result.n_answered > 0;
  scs_diagnosis_result_clear (&result);
  return answered;
}

/* the deck ------------------------------------------------------------------------------------ */

GtkWidget *
scs_slide_build (const ScsSlideSource *source,
                 const ScsSlide       *slide)
{
  switch (slide->kind)
    {
    case SCS_SLIDE_TITLE: return build_title (source);
    case SCS_SLIDE_RADAR: return build_radar (source);
    case SCS_SLIDE_READINESS: return build_readiness (source);
    case SCS_SLIDE_SUBCATEGORY: return build_subcategory (source, slide->node);
    case SCS_SLIDE_COMPARISON: return build_comparison (source);
    case SCS_SLIDE_PLAN: return build_plan (source);
    case SCS_SLIDE_MATURITY: return build_maturity (source);
    case SCS_SLIDE_DIAGNOSIS:
    default: return build_diagnosis (source);
    }
}

char *
scs_slide_title (const ScsSlideSource *source,
                 const ScsSlide       *slide)
{
  switch (slide->kind)
    {
    case SCS_SLIDE_TITLE: return g_strdup (C_("slide", "Title"));
    case SCS_SLIDE_RADAR: return g_strdup (radar_title (source));
    case SCS_SLIDE_READINESS: return g_strdup (_("Where the Company Stands"));
    case SCS_SLIDE_SUBCATEGORY:
      return g_strdup_printf ("%s %s", scs_node_get_id (slide->node), scs_node_get_title (slide->node));
    case SCS_SLIDE_COMPARISON: return g_strdup (_("Self-Assessment and Expert Evaluation"));
    case SCS_SLIDE_PLAN: return g_strdup (_("Improvement Plan"));
    case SCS_SLIDE_MATURITY: return g_strdup (_("The Maturity Model"));
    case SCS_SLIDE_DIAGNOSIS:
    default: return g_strdup (_("Five-Minute Self-Diagnosis"));
    }
}

GtkWidget *
scs_slide_overview_card (const ScsSlideSource *source,
                         const ScsSlide       *slide,
                         guint                 number,
                         gboolean              current)
{
  g_autofree char *title = scs_slide_title (source, slide);
  g_autofree char *line = g_strdup_printf ("%u  %s", number, title);
  GtkWidget *label = text_lines (line, "slide-small", 2);

  gtk_widget_add_css_class (label, "overview-card");
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  if (current)
    gtk_widget_add_css_class (label, "current");
  return label;
}

static void
add_slide (GArray       *slides,
           ScsSlideKind  kind,
           ScsNode      *node)
{
  ScsSlide slide = { kind, node };

  g_array_append_val (slides, slide);
}

void
scs_slides_make_deck (const ScsSlideSource *source,
                      GArray               *slides)
{
  GListModel *subs = scs_framework_get_subcategories (scs_engagement_get_framework (source->engagement),
                                                      scs_engagement_get_level (source->engagement));

  g_array_set_size (slides, 0);
  add_slide (slides, SCS_SLIDE_TITLE, NULL);
  if (diagnosis_answered (source))
    add_slide (slides, SCS_SLIDE_DIAGNOSIS, NULL);
  add_slide (slides, SCS_SLIDE_RADAR, NULL);
  /* The company's view shows what the company is given: its answers, and only when it
   * has them the verdicts and the agreed plan; never maturity. */
  if (show_verdicts (source))
    add_slide (slides, SCS_SLIDE_READINESS, NULL);
  for (guint s = 0; s < g_list_model_get_n_items (subs); s++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, s);

      add_slide (slides, SCS_SLIDE_SUBCATEGORY, sub);   /* the framework keeps it */
    }
  if (show_verdicts (source))
    add_slide (slides, SCS_SLIDE_COMPARISON, NULL);
  if (!source->company_view || source->copy_options.plan)
    add_slide (slides, SCS_SLIDE_PLAN, NULL);
  if (!source->company_view)
    add_slide (slides, SCS_SLIDE_MATURITY, NULL);
}
