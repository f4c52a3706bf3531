/* scs-presentation.c — the engagement as slides, fullscreen on the projector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dark text on white, sized from the screen's height (a 1080-line screen gets 42 px body
 * text, nothing under 33 px), so that the back of a meeting room can read it. Each slide
 * is built afresh from the engagement when shown or when the engagement changes. Nothing
 * here reads an internal note.
 */

#include <glib/gi18n.h>

#include "scs-engagement-radar.h"
#include "scs-presentation.h"
#include "scs-radar-view.h"
#include "scs-status.h"

typedef struct {
  ScsSlideKind kind;
  ScsNode     *node;     /* the subcategory of a subcategory slide */
} Slide;

struct _ScsPresentation
{
  AdwWindow       parent_instance;

  ScsEngagement  *engagement;  /* what the slides show */
  ScsEngagement  *source;      /* in the company's view: the engagement it is copied from */
  ScsCompanyCopyOptions copy_options;
  gboolean        company_view;
  ScsFramework   *diagnosis;
  GSettings      *settings;
  GArray         *slides;
  guint           current;
  GtkStack       *stack;
  GtkWidget      *holder;      /* the slide on show goes in here */
  GtkWidget      *overview;    /* GtkFlowBox of every slide */
  GtkWidget      *counter;
  GtkCssProvider *css;
  GString        *number;      /* digits typed, for a number and Enter */
  double          screen_height;
  double          font_size;
  guint           refresh_id;
};

G_DEFINE_FINAL_TYPE (ScsPresentation, scs_presentation, ADW_TYPE_WINDOW)

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
show_company_comments (ScsPresentation *self)
{
  return g_settings_get_boolean (self->settings, "presentation-company-comments");
}

/* The slides are shown to the company: every chip, comment and figure on them counts
 * confirmed verdicts only, and one marked for follow-up is not yet evaluated. */
#define SLIDE_COUNT SCS_COUNT_CONFIRMED

/* In the company's view, verdicts are on the wall only when the company is given them. */
static gboolean
show_verdicts (ScsPresentation *self)
{
  return !self->company_view || self->copy_options.verdicts;
}

static ScsConformance
shown_conformance (ScsPresentation *self,
                   ScsNode         *criterion)
{
  return scs_engagement_get_conformance (self->engagement, scs_node_get_id (criterion), SLIDE_COUNT);
}

static ScsConformance
requirement_conformance (ScsPresentation *self,
                         ScsNode         *requirement)
{
  GListModel *criteria = scs_node_get_children (requirement);
  guint n = g_list_model_get_n_items (criteria);
  gboolean open = FALSE, any = FALSE, all_na = TRUE;

  if (n == 0)
    return shown_conformance (self, requirement);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsNode) c = g_list_model_get_item (criteria, i);
      ScsConformance k = shown_conformance (self, c);

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
  GListModel *visits = scs_record_get_list (SCS_RECORD (engagement), "visits");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  ScsRecord *best = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(ScsRecord) v = g_list_model_get_item (visits, i);
      const char *date = scs_record_get_string (v, "date");

      if (best == NULL)
        best = v;
      if (*date != '\0' && strcmp (date, today) <= 0
          && strcmp (date, scs_record_get_string (best, "date")) >= 0)
        best = v;
    }
  return best;
}

/* A user-provided edition's texts are never shown as if they were the official ones. */
static void
append_edition_mark (ScsPresentation *self,
                     GtkWidget       *box)
{
  ScsFramework *fw = scs_engagement_get_framework (self->engagement);
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
build_title (ScsPresentation *self)
{
  GtkWidget *box = slide_box (NULL);
  ScsRecord *company = record (self->engagement, "company");
  ScsRecord *expert = record (self->engagement, "expert");
  ScsRecord *visit = current_visit (self->engagement);
  g_autofree char *level = g_strdup_printf (_("★%d Security Assessment"),
                                            scs_engagement_get_level (self->engagement));
  const char *name = scs_record_get_string (company, "name");

  gtk_widget_add_css_class (box, "title-slide");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text (*name != '\0' ? name : _("Company"), "slide-huge"));
  gtk_box_append (GTK_BOX (box), text (level, "slide-subtitle"));
  if (visit != NULL)
    {
      const char *date = scs_record_get_string (visit, "date");
      /* TRANSLATORS: on the title slide: the visit's number and its date */
      g_autofree char *line = g_strdup_printf (_("Visit %d · %s"), (int) scs_record_get_int (visit, "number"),
                                               *date != '\0' ? date : _("date not set"));

      gtk_box_append (GTK_BOX (box), text (line, "slide-body"));
    }
  if (*scs_record_get_string (expert, "name") != '\0')
    {
      /* TRANSLATORS: on the title slide */
      g_autofree char *line = g_strdup_printf (_("Expert: %s"), scs_record_get_string (expert, "name"));

      gtk_box_append (GTK_BOX (box), text (line, "slide-small"));
    }
  append_edition_mark (self, box);
  return box;
}

/* The company's view has no maturity, and conformance only when given the verdicts. */
static const char *
radar_title (ScsPresentation *self)
{
  return !self->company_view ? _("Conformance and Maturity")
         : show_verdicts (self) ? _("Conformance and Self-Assessment")
         : _("Self-Assessment by Subcategory");
}

static GtkWidget *
build_radar (ScsPresentation *self)
{
  GtkWidget *box = slide_box (radar_title (self));
  GtkWidget *view = scs_radar_view_new ();
  /* The company's view has no maturity, and the expert's rates only from verdicts given. */
  ScsRadarSeriesSet series = !self->company_view ? SCS_RADAR_EXPERT | SCS_RADAR_COMPANY
                                                   | SCS_RADAR_MATURITY_CURRENT
                                                   | SCS_RADAR_MATURITY_TARGET
                             : show_verdicts (self) ? SCS_RADAR_EXPERT | SCS_RADAR_COMPANY
                             : SCS_RADAR_COMPANY;
  g_autoptr(ScsRadarData) data = scs_engagement_radar_new (self->engagement, series,
                                                           SLIDE_COUNT, FALSE);

  scs_radar_view_set_light (SCS_RADAR_VIEW (view), TRUE);
  /* Labels as large as the slides' smallest text; the chart shortens them to fit. */
  scs_radar_view_set_font_size (SCS_RADAR_VIEW (view), self->font_size * 0.6);
  scs_radar_view_set_data (SCS_RADAR_VIEW (view), g_steal_pointer (&data));
  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  return box;
}

static GtkWidget *
build_readiness (ScsPresentation *self)
{
  GtkWidget *box = slide_box (_("Where the Company Stands"));
  GListModel *subs = scs_framework_get_subcategories (scs_engagement_get_framework (self->engagement),
                                                      scs_engagement_get_level (self->engagement));
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
              ScsConformance k = shown_conformance (self, crit);

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
build_subcategory (ScsPresentation *self,
                   ScsNode         *sub)
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
  gboolean comments = show_company_comments (self);
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

      if (show_verdicts (self))
        gtk_grid_attach (GTK_GRID (grid), conformance_chip (requirement_conformance (self, req)), 0, r, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), text_lines (name, dense ? "slide-small" : "slide-body", dense ? 1 : 2),
                       1, r, 1, 1);
      for (guint c = 0; c < g_list_model_get_n_items (criteria); c++)
        {
          g_autoptr(ScsNode) crit = g_list_model_get_item (criteria, c);
          ScsAssessment *a = scs_engagement_get_assessment (self->engagement, scs_node_get_id (crit));
          const char *status = scs_status_company_title (self->engagement, a);

          if (*status != '\0' && !g_ptr_array_find_with_equal_func (statuses, status, g_str_equal, NULL))
            g_ptr_array_add (statuses, (gpointer) status);
          /* What does not conform, in the expert's words meant for the client, and in the
           * company's own when the setting allows. */
          if (a == NULL || shown_conformance (self, crit) != SCS_CONFORMANCE_NOT_CONFORMING)
            continue;
          gather (expert, expert_ids, scs_assessment_get_expert_comment (a), scs_node_get_id (crit));
          if (comments)
            gather (own, own_ids, scs_record_get_string (SCS_RECORD (a), "company_comment"),
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
  append_edition_mark (self, box);
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
build_comparison (ScsPresentation *self)
{
  GtkWidget *box = slide_box (_("Self-Assessment and Expert Evaluation"));
  GListModel *subs = scs_framework_get_subcategories (scs_engagement_get_framework (self->engagement),
                                                      scs_engagement_get_level (self->engagement));
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
      scs_engagement_tally (self->engagement, sub, SLIDE_COUNT, &tally);
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
build_plan (ScsPresentation *self)
{
  GtkWidget *box = slide_box (_("Improvement Plan"));
  GListModel *items = scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (self->engagement)), "items");
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < MIN (n, 5); i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (items, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
      GtkWidget *col = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      const char *timing = scs_record_get_string (item, "timing");
      const char *due = scs_record_get_string (item, "due_date");
      g_autofree char *when = NULL;

      /* TRANSLATORS: on the plan slide: an item's timing and due date */
      when = *timing != '\0' && *due != '\0' ? g_strdup_printf (_("%s (by %s)"), timing, due)
                                             : g_strdup (*timing != '\0' ? timing : due);
      gtk_widget_add_css_class (row, "slide-item");
      gtk_box_append (GTK_BOX (row), gtk_label_new (number));
      gtk_widget_add_css_class (gtk_widget_get_last_child (row), "slide-body");
      gtk_widget_set_valign (gtk_widget_get_last_child (row), GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (col), text_lines (scs_record_get_string (item, "title"), "slide-body", 2));
      if (*when != '\0')
        gtk_box_append (GTK_BOX (col), text_lines (when, "slide-small", 2));
      gtk_widget_set_hexpand (col, TRUE);
      gtk_box_append (GTK_BOX (row), col);
      if (g_str_equal (scs_record_get_string (item, "urgency"), "high"))
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
build_maturity (ScsPresentation *self)
{
  GtkWidget *box = slide_box (_("The Maturity Model"));
  ScsFramework *fw = scs_engagement_get_framework (self->engagement);
  GPtrArray *levels = scs_framework_get_maturity_levels (fw);
  GListModel *subs = scs_framework_get_subcategories (fw, scs_engagement_get_level (self->engagement));
  GListModel *maturity = scs_record_get_list (SCS_RECORD (self->engagement), "maturity");
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

              if (g_str_equal (scs_record_get_string (rec, "subcategory"), scs_node_get_id (sub))
                  && scs_record_get_int (rec, "current") == level->level)
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
build_diagnosis (ScsPresentation *self)
{
  GtkWidget *box = slide_box (_("Five-Minute Self-Diagnosis"));
  ScsDiagnosisResult result = { 0 };
  g_autofree char *score = NULL, *answered = NULL;

  scs_engagement_score_checklist (self->engagement, self->diagnosis, "diagnosis", &result);
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
diagnosis_answered (ScsPresentation *self)
{
  ScsDiagnosisResult result = { 0 };
  gboolean answered;

  if (self->diagnosis == NULL)
    return FALSE;
  scs_engagement_score_checklist (self->engagement, self->diagnosis, "diagnosis", &result);
  answered = result.n_answered > 0;
  scs_diagnosis_result_clear (&result);
  return answered;
}

static GtkWidget *
build_slide (ScsPresentation *self,
             guint            index)
{
  Slide *slide = &g_array_index (self->slides, Slide, index);

  switch (slide->kind)
    {
    case SCS_SLIDE_TITLE: return build_title (self);
    case SCS_SLIDE_RADAR: return build_radar (self);
    case SCS_SLIDE_READINESS: return build_readiness (self);
    case SCS_SLIDE_SUBCATEGORY: return build_subcategory (self, slide->node);
    case SCS_SLIDE_COMPARISON: return build_comparison (self);
    case SCS_SLIDE_PLAN: return build_plan (self);
    case SCS_SLIDE_MATURITY: return build_maturity (self);
    case SCS_SLIDE_DIAGNOSIS:
    default: return build_diagnosis (self);
    }
}

static char *
slide_title (ScsPresentation *self,
             guint            index)
{
  Slide *slide = &g_array_index (self->slides, Slide, index);

  switch (slide->kind)
    {
    case SCS_SLIDE_TITLE: return g_strdup (_("Title"));
    case SCS_SLIDE_RADAR: return g_strdup (radar_title (self));
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

/* the deck ------------------------------------------------------------------------------------ */

static void
add_slide (ScsPresentation *self,
           ScsSlideKind     kind,
           ScsNode         *node)
{
  Slide slide = { kind, node };

  g_array_append_val (self->slides, slide);
}

static void
make_deck (ScsPresentation *self)
{
  GListModel *subs = scs_framework_get_subcategories (scs_engagement_get_framework (self->engagement),
                                                      scs_engagement_get_level (self->engagement));

  g_array_set_size (self->slides, 0);
  add_slide (self, SCS_SLIDE_TITLE, NULL);
  if (diagnosis_answered (self))
    add_slide (self, SCS_SLIDE_DIAGNOSIS, NULL);
  add_slide (self, SCS_SLIDE_RADAR, NULL);
  /* The company's view shows what the company is given: its answers, and only when it
   * has them the verdicts and the agreed plan; never maturity. */
  if (show_verdicts (self))
    add_slide (self, SCS_SLIDE_READINESS, NULL);
  for (guint s = 0; s < g_list_model_get_n_items (subs); s++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, s);

      add_slide (self, SCS_SLIDE_SUBCATEGORY, sub);   /* the framework keeps it */
    }
  if (show_verdicts (self))
    add_slide (self, SCS_SLIDE_COMPARISON, NULL);
  if (!self->company_view || self->copy_options.plan)
    add_slide (self, SCS_SLIDE_PLAN, NULL);
  if (!self->company_view)
    add_slide (self, SCS_SLIDE_MATURITY, NULL);
}

static void
fill_overview (ScsPresentation *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->overview)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->overview), child);
  for (guint i = 0; i < self->slides->len; i++)
    {
      g_autofree char *title = slide_title (self, i);
      g_autofree char *line = g_strdup_printf ("%u  %s", i + 1, title);
      GtkWidget *label = text_lines (line, "slide-small", 2);

      gtk_widget_add_css_class (label, "overview-card");
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      if (i == self->current)
        gtk_widget_add_css_class (label, "current");
      gtk_flow_box_append (GTK_FLOW_BOX (self->overview), label);
    }
}

static void
show_current (ScsPresentation *self)
{
  GtkWidget *child;
  g_autofree char *count = g_strdup_printf ("%u / %u", self->current + 1, self->slides->len);

  while ((child = gtk_widget_get_first_child (self->holder)) != NULL)
    gtk_box_remove (GTK_BOX (self->holder), child);
  gtk_box_append (GTK_BOX (self->holder), build_slide (self, self->current));
  gtk_label_set_text (GTK_LABEL (self->counter), count);
}

/* The company's view is a company copy made afresh from the engagement, so that what a
 * copy leaves out never reaches a slide, whatever the slide would print. */
static void
copy_source (ScsPresentation *self)
{
  g_autoptr(GError) error = NULL;
  ScsEngagement *copy = scs_company_copy_new (self->source, &self->copy_options, &error);

  if (copy == NULL)
    {
      /* The plan's agreed date was cleared meanwhile: it is a draft again, not shown. */
      ScsCompanyCopyOptions without_plan = { FALSE, self->copy_options.verdicts };

      copy = scs_company_copy_new (self->source, &without_plan, NULL);
    }
  g_clear_object (&self->engagement);
  self->engagement = copy;
}

static gboolean refresh (gpointer data);

void
scs_presentation_set_company_view (ScsPresentation             *self,
                                   const ScsCompanyCopyOptions *options)
{
  g_return_if_fail (SCS_IS_PRESENTATION (self));
  g_return_if_fail (options != NULL);

  if (self->company_view)
    {
      /* What the company is given changed (the expert's sharing settings): the wall
       * follows at once, on the same slide where it is still there. */
      if (!self->copy_options.plan == !options->plan && !self->copy_options.verdicts == !options->verdicts)
        return;
      self->copy_options = *options;
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      refresh (self);
      return;
    }
  self->company_view = TRUE;
  self->copy_options = *options;
  /* The engagement stays what is listened to for edits; the slides show its copy. */
  self->source = g_steal_pointer (&self->engagement);
  copy_source (self);
  make_deck (self);
  self->current = 0;
  show_current (self);
}

gboolean
scs_presentation_is_company_view (ScsPresentation *self)
{
  return self->company_view;
}

static gboolean
refresh (gpointer data)
{
  ScsPresentation *self = data;
  ScsSlideKind kind = g_array_index (self->slides, Slide, self->current).kind;
  ScsNode *node = g_array_index (self->slides, Slide, self->current).node;

  self->refresh_id = 0;
  if (self->company_view)
    copy_source (self);
  /* The deck may change (the diagnosis slide comes with its first answer): stay on the
   * same slide. */
  make_deck (self);
  for (guint i = 0; i < self->slides->len; i++)
    if (g_array_index (self->slides, Slide, i).kind == kind
        && g_array_index (self->slides, Slide, i).node == node)
      self->current = i;
  self->current = MIN (self->current, self->slides->len - 1);
  show_current (self);
  if (scs_presentation_is_overview (self))
    fill_overview (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (ScsPresentation *self)
{
  /* A burst of edits (typing) redraws once. */
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (150, refresh, self);
}

/* type size ----------------------------------------------------------------------------------- */

static void
update_css (ScsPresentation *self)
{
  double base = MAX (self->screen_height, 480) / 26.0 * g_settings_get_double (self->settings,
                                                                                "presentation-scale");
  g_autofree char *css = NULL;
  char b[6][G_ASCII_DTOSTR_BUF_SIZE];

  self->font_size = base;
  g_ascii_dtostr (b[0], sizeof b[0], base);
  g_ascii_dtostr (b[1], sizeof b[1], base * 1.5);
  g_ascii_dtostr (b[2], sizeof b[2], base * 2.4);
  g_ascii_dtostr (b[3], sizeof b[3], base * 0.8);
  g_ascii_dtostr (b[4], sizeof b[4], base * 1.15);
  g_ascii_dtostr (b[5], sizeof b[5], base * 0.9);
  css = g_strdup_printf (
    "window.presentation, window.presentation .slide-holder { background: #ffffff; color: #111111; }\n"
    "window.presentation .slide { padding: %spx %spx; }\n"
    "window.presentation .slide-title { font-size: %spx; font-weight: 800; margin-bottom: %spx; }\n"
    "window.presentation .slide-huge { font-size: %spx; font-weight: 800; }\n"
    "window.presentation .slide-subtitle { font-size: %spx; font-weight: 700; margin: 12px 0; }\n"
    "window.presentation .slide-heading { font-size: %spx; font-weight: 700; margin-top: %spx; }\n"
    "window.presentation .slide-body { font-size: %spx; }\n"
    "window.presentation .slide-table { font-size: %spx; }\n"
    "window.presentation .slide-small { font-size: %spx; }\n"
    "window.presentation .dim { color: #3d3d3d; }\n"
    "window.presentation .slide-strong { font-weight: 700; }\n"
    "window.presentation .chip { font-size: %spx; font-weight: 700; padding: 2px 14px; border-radius: 8px; color: #ffffff; background: #4d4d4d; }\n"
    "window.presentation .chip.success { background: #1a7335; }\n"
    "window.presentation .chip.warning { background: #a14f00; }\n"
    "window.presentation .chip.error { background: #b3261e; }\n"
    "window.presentation .slide-item { margin: 8px 0; }\n"
    "window.presentation .counter { font-size: %spx; color: #3d3d3d; margin: 8px 24px; }\n"
    "window.presentation .overview-card { font-size: %spx; padding: 16px; margin: 8px; border: 2px solid #777777; border-radius: 8px; min-width: 10em; }\n"
    "window.presentation .overview-card.current { border: 4px solid #1c5bbf; }\n"
    "window.presentation .blank { background: #000000; }\n",
    b[0], b[1], b[1], b[0], b[2], b[1], b[4], b[0], b[0], b[5], b[3], b[3], b[3], b[3]);
  gtk_css_provider_load_from_data (self->css, css, -1);
}

double
scs_presentation_get_font_size (ScsPresentation *self)
{
  return self->font_size;
}

static void
set_scale (ScsPresentation *self,
           double           factor)
{
  double scale = CLAMP (g_settings_get_double (self->settings, "presentation-scale") * factor, 0.6, 2.0);

  g_settings_set_double (self->settings, "presentation-scale", scale);
  update_css (self);
}

/* navigation ------------------------------------------------------------------------------------ */

void
scs_presentation_go_to (ScsPresentation *self,
                        guint            index)
{
  self->current = MIN (index, self->slides->len - 1);
  gtk_stack_set_visible_child_name (self->stack, "slide");
  show_current (self);
}

/* M: the slides go to the next monitor (when the automatic pick was the wrong one). */
static void
move_to_next_monitor (ScsPresentation *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *now = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  guint n = g_list_model_get_n_items (monitors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) m = g_list_model_get_item (monitors, i);

      if (m == now || now == NULL)
        {
          g_autoptr(GdkMonitor) next = g_list_model_get_item (monitors, (i + 1) % n);

          scs_presentation_start (self, next);
          return;
        }
    }
}

gboolean
scs_presentation_handle_key (ScsPresentation *self,
                             guint            keyval,
                             GdkModifierType  state)
{
  guint digit = G_MAXUINT;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    digit = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_0;
  if (digit != G_MAXUINT)
    {
      if (self->number->len < 4)
        g_string_append_c (self->number, '0' + digit);
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->number->len > 0)
        {
          guint n = atoi (self->number->str);

          g_string_truncate (self->number, 0);
          if (n >= 1 && n <= self->slides->len)
            scs_presentation_go_to (self, n - 1);
          return TRUE;
        }
      if (scs_presentation_is_overview (self))
        return FALSE;   /* the flow box activates the slide under focus */
      scs_presentation_go_to (self, MIN (self->current + 1, self->slides->len - 1));
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_Down:
      if (scs_presentation_is_overview (self) && keyval == GDK_KEY_Down)
        return FALSE;
      scs_presentation_go_to (self, MIN (self->current + 1, self->slides->len - 1));
      break;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Up:
      if (scs_presentation_is_overview (self) && keyval == GDK_KEY_Up)
        return FALSE;
      scs_presentation_go_to (self, self->current > 0 ? self->current - 1 : 0);
      break;
    case GDK_KEY_Home:
      scs_presentation_go_to (self, 0);
      break;
    case GDK_KEY_End:
      scs_presentation_go_to (self, self->slides->len - 1);
      break;
    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:   /* what clickers send for a blank screen */
      gtk_stack_set_visible_child_name (self->stack, scs_presentation_is_blank (self) ? "slide" : "blank");
      break;
    case GDK_KEY_g:
    case GDK_KEY_G:
    case GDK_KEY_Tab:
      if (scs_presentation_is_overview (self))
        gtk_stack_set_visible_child_name (self->stack, "slide");
      else
        {
          fill_overview (self);
          gtk_stack_set_visible_child_name (self->stack, "overview");
          gtk_widget_grab_focus (gtk_widget_get_first_child (self->overview));
        }
      break;
    case GDK_KEY_m:
    case GDK_KEY_M:
      move_to_next_monitor (self);
      break;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      set_scale (self, 1.1);
      break;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      set_scale (self, 1 / 1.1);
      break;
    case GDK_KEY_Escape:
      if (scs_presentation_is_blank (self) || scs_presentation_is_overview (self))
        gtk_stack_set_visible_child_name (self->stack, "slide");
      else
        {
          /* Closing may finalize the window: nothing of it is touched after. */
          gtk_window_close (GTK_WINDOW (self));
          return TRUE;
        }
      break;
    default:
      return FALSE;
    }
  g_string_truncate (self->number, 0);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ScsPresentation       *self)
{
  return scs_presentation_handle_key (self, keyval, state);
}

static void
on_overview_activated (GtkFlowBox      *box,
                       GtkFlowBoxChild *child,
                       ScsPresentation *self)
{
  scs_presentation_go_to (self, gtk_flow_box_child_get_index (child));
}

static void
on_click (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          ScsPresentation *self)
{
  /* A click on the slide moves on, as on any projector. */
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_SECONDARY)
    scs_presentation_handle_key (self, GDK_KEY_Left, 0);
  else
    scs_presentation_handle_key (self, GDK_KEY_Right, 0);
}

/* public --------------------------------------------------------------------------------------- */

guint scs_presentation_get_n_slides (ScsPresentation *self) { return self->slides->len; }
guint scs_presentation_get_current (ScsPresentation *self) { return self->current; }

ScsSlideKind
scs_presentation_get_kind (ScsPresentation *self,
                           guint            index)
{
  g_return_val_if_fail (index < self->slides->len, SCS_SLIDE_TITLE);
  return g_array_index (self->slides, Slide, index).kind;
}

GtkWidget *
scs_presentation_get_slide (ScsPresentation *self)
{
  return gtk_widget_get_first_child (self->holder);
}

gboolean
scs_presentation_is_blank (ScsPresentation *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "blank") == 0;
}

gboolean
scs_presentation_is_overview (ScsPresentation *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "overview") == 0;
}

GdkMonitor *
scs_presentation_pick_monitor (GtkWindow *main)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (main));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (main));
  GdkMonitor *own = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  GdkMonitor *pick = own;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) m = g_list_model_get_item (monitors, i);

      if (m != own)
        {
          pick = m;
          break;
        }
    }
  if (pick == NULL && g_list_model_get_n_items (monitors) > 0)
    {
      g_autoptr(GdkMonitor) first = g_list_model_get_item (monitors, 0);

      pick = first;
    }
  return pick;
}

void
scs_presentation_start (ScsPresentation *self,
                        GdkMonitor      *monitor)
{
  if (monitor != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      self->screen_height = geometry.height;
      update_css (self);
      /* With one monitor, plain fullscreen: not every window manager knows of monitors. */
      if (g_list_model_get_n_items (gdk_display_get_monitors (gdk_monitor_get_display (monitor))) > 1)
        gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
      else
        gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

static void
on_settings_changed (ScsPresentation *self,
                     const char      *key)
{
  if (g_str_equal (key, "presentation-scale"))
    update_css (self);
  if (g_str_has_prefix (key, "presentation-"))
    schedule_refresh (self);   /* the radar's labels follow the type size too */
}

ScsPresentation *
scs_presentation_new (GtkApplication *application,
                      ScsEngagement  *engagement,
                      ScsFramework   *diagnosis,
                      GSettings      *settings)
{
  ScsPresentation *self = g_object_new (SCS_TYPE_PRESENTATION, "application", application,
                                        "title", _("Presentation"), NULL);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *blank = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->engagement = g_object_ref (engagement);
  self->diagnosis = diagnosis != NULL ? g_object_ref (diagnosis) : NULL;
  self->settings = g_object_ref (settings);
  self->screen_height = 1080;
  /* Until the window manager makes it fullscreen. */
  gtk_window_set_default_size (GTK_WINDOW (self), 800, 600);

  self->stack = GTK_STACK (gtk_stack_new ());
  self->holder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->holder, "slide-holder");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (self->holder, GTK_EVENT_CONTROLLER (click));
  gtk_stack_add_named (self->stack, self->holder, "slide");
  self->overview = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->overview), GTK_SELECTION_NONE);
  gtk_flow_box_set_activate_on_single_click (GTK_FLOW_BOX (self->overview), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->overview), 4);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->overview), TRUE);
  gtk_widget_set_valign (self->overview, GTK_ALIGN_START);
  g_signal_connect (self->overview, "child-activated", G_CALLBACK (on_overview_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->overview);
  gtk_stack_add_named (self->stack, scroller, "overview");
  gtk_widget_add_css_class (blank, "blank");
  gtk_stack_add_named (self->stack, blank, "blank");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->stack));
  self->counter = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->counter, "counter");
  gtk_widget_set_halign (self->counter, GTK_ALIGN_END);
  gtk_widget_set_valign (self->counter, GTK_ALIGN_END);
  gtk_widget_set_can_target (self->counter, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->counter);
  adw_window_set_content (ADW_WINDOW (self), overlay);
  gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  update_css (self);
  g_signal_connect_swapped (engagement, "changed", G_CALLBACK (schedule_refresh), self);
  g_signal_connect_swapped (settings, "changed", G_CALLBACK (on_settings_changed), self);
  make_deck (self);
  show_current (self);
  return self;
}

static void
scs_presentation_dispose (GObject *object)
{
  ScsPresentation *self = SCS_PRESENTATION (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_data (self->engagement, self);
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->css));
  g_clear_object (&self->css);
  g_clear_object (&self->engagement);
  g_clear_object (&self->source);
  g_clear_object (&self->diagnosis);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (scs_presentation_parent_class)->dispose (object);
}

static void
scs_presentation_finalize (GObject *object)
{
  ScsPresentation *self = SCS_PRESENTATION (object);

  g_array_unref (self->slides);
  g_string_free (self->number, TRUE);
  G_OBJECT_CLASS (scs_presentation_parent_class)->finalize (object);
}

static void
scs_presentation_class_init (ScsPresentationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = scs_presentation_dispose;
  G_OBJECT_CLASS (klass)->finalize = scs_presentation_finalize;
}

static void
scs_presentation_init (ScsPresentation *self)
{
  self->slides = g_array_new (FALSE, TRUE, sizeof (Slide));
  self->number = g_string_new ("");
}
