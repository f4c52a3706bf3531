/* test-confidential.c — canaries: a marker in every expert-only field of the example, and
 * every output of the company's view (reports, workbook, CSV, radar files, slides, the
 * window itself) searched for each of them; the expert's own reports too
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include "scs-export-dialog.h"
#include "scs-new-dialog.h"
#include "scs-presentation.h"
#include "scs-radar-view.h"
#include "scs-test.h"
#include "scs-ui-test.h"

static ScsApplication *app;
static char *cli;   /* the app's executable, beside the tests */

typedef enum {
  COMPANY,             /* the expert's preview of the company's view */
  EXPERT,              /* follow-up verdicts left out */
  EXPERT_FOLLOW_UP,    /* follow-up verdicts printed: their markers may show, no other */
  COMPANY_PLAN,        /* the company's view when given the agreed plan */
} Role;

static const char *role_names[] = { "company view", "expert", "expert with follow-up",
                                     "company view with the plan" };

typedef struct {
  ScsWindow *window;
  GPtrArray *markers;
  char      *dir;
  GPtrArray *follow_up;        /* the criteria (at the level) whose verdict awaits follow-up */
  GPtrArray *verdict_titles;   /* every title of the engagement's verdict scale */
} Fixture;

/* The example as a newer version might write it: a member this version does not know at
 * the top and in every assessment, each holding a marker. Nothing reads them, so nothing
 * may print or copy them. */
static char *
write_with_unknown_members (const char *path,
                            const char *dir,
                            GPtrArray  *markers)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);
  char *out = g_build_filename (dir, base, NULL);
  JsonObject *root;
  JsonArray *assessments;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "x_secret", "MARK-UNKNOWN-TOP");
  g_ptr_array_add (markers, g_strdup ("MARK-UNKNOWN-TOP"));
  assessments = json_object_get_array_member (root, "assessments");
  for (guint i = 0; i < json_array_get_length (assessments); i++)
    {
      JsonObject *a = json_array_get_object_element (assessments, i);
      char *marker = g_strdup_printf ("MARK-UNKNOWN-%s", json_object_get_string_member (a, "criterion"));

      json_object_set_string_member (a, "x_secret", marker);
      g_ptr_array_add (markers, marker);
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  g_assert_true (json_generator_to_file (generator, out, &error));
  g_assert_no_error (error);
  return out;
}

/* The plan: the expert's own outputs show it, the company's view only once given. */
static void
plant_plan_markers (ScsEngagement *engagement,
                    GPtrArray     *markers)
{
  ScsRecord *plan = SCS_RECORD (scs_engagement_get_plan (engagement));
  GListModel *items = scs_record_get_list (plan, SCS_M_PLAN_ITEMS);

  g_assert_true (scs_engagement_plan_is_agreed (engagement));
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
  scs_record_set_string (plan, SCS_M_PLAN_SUMMARY, "MARK-PLAN-SUMMARY");
  g_ptr_array_add (markers, g_strdup ("MARK-PLAN-SUMMARY"));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (items, i);
      char *marker = g_strdup_printf ("MARK-PLAN-ITEM-%u", i + 1);

      scs_record_set_string (item, SCS_M_PLAN_ITEM_TITLE, marker);
      g_ptr_array_add (markers, marker);
    }
}

static void
fixture_open (Fixture *f)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                            "example-aaa.scsa", NULL);
  g_autofree char *marked = NULL;
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  ScsEngagement *engagement;
  ScsFramework *fw;
  GListModel *assessments;
  const ScsScale *scale;

  f->dir = g_dir_make_tmp ("scs-confidential-XXXXXX", NULL);
  marked = write_with_unknown_members (path, f->dir, unknown);
  f->window = scs_ui_test_open_copy (app, marked, NULL);
  engagement = scs_window_get_engagement (f->window);
  f->markers = scs_test_plant_expert_markers (engagement);
  g_assert_cmpuint (f->markers->len, >, 100);
  for (guint i = 0; i < unknown->len; i++)
    g_ptr_array_add (f->markers, g_strdup (g_ptr_array_index (unknown, i)));
  plant_plan_markers (engagement, f->markers);

  fw = scs_engagement_get_framework (engagement);
  assessments = scs_engagement_get_assessments (engagement);
  f->follow_up = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (assessments, i);
      const char *id = scs_assessment_get_criterion (a);
      ScsNode *node = scs_framework_lookup (fw, scs_engagement_get_level (engagement), id);

      if (scs_record_get_boolean (SCS_RECORD (a), SCS_M_ASSESSMENT_FOLLOW_UP) && scs_assessment_get_verdict (a)[0] != '\0' &&
          node != NULL && scs_node_get_kind (node) == SCS_NODE_CRITERION)
        g_ptr_array_add (f->follow_up, (gpointer) g_intern_string (id));
    }
  g_assert_cmpuint (f->follow_up->len, >=, 2);
  scale = scs_engagement_get_verdict_scale (engagement);
  f->verdict_titles = g_ptr_array_new ();
  for (guint i = 0; i < scale->values->len; i++)
    g_ptr_array_add (f->verdict_titles,
                     (gpointer) g_intern_string (scs_scale_value_get_title (g_ptr_array_index (scale->values, i))));
}

static void
fixture_close (Fixture *f)
{
  scs_ui_test_destroy (f->window);
  g_ptr_array_unref (f->markers);
  g_ptr_array_unref (f->follow_up);
  g_ptr_array_unref (f->verdict_titles);
  scs_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Whether role may show the marker at the start of text: follow-up comments only in the
 * expert's outputs that print them; the plan in the expert's and, once given, the
 * company's; nothing else of the expert's anywhere. */
static gboolean
may_show (Role        role,
          const char *marker)
{
  if (g_str_has_prefix (marker, "MARK-FOLLOWUP-"))
    return role == EXPERT_FOLLOW_UP;
  if (g_str_has_prefix (marker, "MARK-PLAN-"))
    return role != COMPANY;
  return FALSE;
}

/* Fails naming the first marker in text that role may not show. Whitespace is ignored, as
 * a report may break a long marker over two lines. */
static void
assert_no_marker (Fixture    *f,
                  Role        role,
                  const char *what,
                  const char *text)
{
  g_autoptr(GString) joined = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (joined, *p);
  for (guint i = 0; i < f->markers->len; i++)
    {
      const char *marker = g_ptr_array_index (f->markers, i);

      if (!may_show (role, marker) && strstr (joined->str, marker) != NULL)
        g_error ("%s (%s) shows %s", what, role_names[role], marker);
    }
  /* And nothing of the kind at all, whole or broken by a line (a report may hyphenate a
   * long word): every "MARK-" must be one the role may show. */
  for (const char *hit = strstr (joined->str, "MARK-"); hit != NULL; hit = strstr (hit + 1, "MARK-"))
    if (!may_show (role, hit))
      g_error ("%s (%s) shows a marker: …%.40s", what, role_names[role], hit);
}

static char *
run (const char * const *argv)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

/* The text a reader can get from a file: a PDF's text, every XML part of a workbook, a
 * CSV or SVG as it is. */
static char *
file_text (const char *path)
{
  char *text = NULL;

  if (g_str_has_suffix (path, ".pdf"))
    {
      const char *argv[] = { "pdftotext", "-q", "-enc", "UTF-8", path, "-", NULL };

      return run (argv);
    }
  if (g_str_has_suffix (path, ".xlsx"))
    {
      const char *argv[] = { "unzip", "-p", path, NULL };

      return run (argv);
    }
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The rows of a CSV file (RFC 4180 quoting, a UTF-8 BOM first), each a GStrv. */
static GPtrArray *
csv_rows (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE;
  const char *p = g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text;

  for (; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (cell, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (cell, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
        }
      else if (*p == '\n' || *p == '\r')
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
        }
      else
        g_string_append_c (cell, *p);
    }
  g_assert_false (quoted);
  return rows;
}

static int
column (GStrv        header,
        const char  *name)
{
  for (int i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return i;
  g_error ("no column “%s”", name);
}

/* A follow-up verdict is a choice of the scale, not a text that can hold a marker: the
 * rows of the criteria awaiting follow-up show none of the scale's titles, unless role
 * prints follow-up verdicts, when they show the verdict planted. */
static void
assert_follow_up_rows (Fixture    *f,
                       Role        role,
                       const char *what,
                       const char *text)
{
  g_autoptr(GPtrArray) rows = csv_rows (text);
  GStrv header = g_ptr_array_index (rows, 0);
  int criterion = column (header, "Criterion No.");
  int verdict = column (header, "Evaluation (expert)");
  int company = column (header, "Company's result");
  ScsEngagement *engagement = scs_window_get_engagement (f->window);

  for (guint c = 0; c < f->follow_up->len; c++)
    {
      const char *id = g_ptr_array_index (f->follow_up, c);
      guint found = 0;

      for (guint r = 1; r < rows->len; r++)
        {
          GStrv cells = g_ptr_array_index (rows, r);

          if ((int) g_strv_length (cells) <= verdict || !g_str_equal (cells[criterion], id))
            continue;
          found++;
          if (role == EXPERT_FOLLOW_UP)
            {
              const ScsScaleValue *v = scs_scale_lookup (scs_engagement_get_verdict_scale (engagement),
                                                         scs_assessment_get_verdict (scs_engagement_get_assessment (engagement, id)));

              g_assert_cmpstr (cells[verdict], ==, scs_scale_value_get_title (v));
              continue;
            }
          for (int k = 0; cells[k] != NULL; k++)
            if (k != company)
              for (guint t = 0; t < f->verdict_titles->len; t++)
                if (g_str_equal (cells[k], g_ptr_array_index (f->verdict_titles, t)))
                  g_error ("%s (%s): the row of %s shows the verdict “%s”", what, role_names[role],
                           id, cells[k]);
        }
      g_assert_cmpuint (found, ==, 1);
    }
}

static void
set_role (Fixture *f,
          Role     role)
{
  gboolean company = role == COMPANY || role == COMPANY_PLAN;

  g_object_set (f->window, "company-preview", company, NULL);
  scs_ui_test_flush ();
  g_assert_true (scs_window_is_company_mode (f->window) == company);
}

/* Every report kind as PDF, the workbook and the CSV, from the Export window. */
static void
check_exports (Fixture *f,
               Role     role)
{
  ScsExportDialog *dialog;
  const char *formats[] = { "pdf", "xlsx", "csv" };

  set_role (f, role);
  dialog = scs_window_show_export (f->window, FALSE);
  g_assert_nonnull (dialog);
  scs_ui_test_flush ();
  /* The company's view is printed from a company copy, which has no follow-up to offer. */
  g_assert_true (scs_engagement_is_company_copy (scs_export_dialog_get_engagement (dialog)) == (role == COMPANY));
  g_assert_true (scs_export_dialog_offers_unconfirmed (dialog) == (role != COMPANY));
  scs_export_dialog_set_unconfirmed (dialog, role == EXPERT_FOLLOW_UP);
  for (guint format = 0; format < G_N_ELEMENTS (formats); format++)
    for (guint kind = 0; kind < (format == SCS_EXPORT_PDF ? SCS_REPORT_N_KINDS : 1); kind++)
      {
        g_autofree char *name = g_strdup_printf ("%s-%u-%s.%s", role == COMPANY ? "company" : "expert",
                                                 role, scs_report_kind_to_string (kind), formats[format]);
        g_autofree char *path = g_build_filename (f->dir, name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(GError) error = NULL;
        g_autofree char *text = NULL;

        scs_export_dialog_set_format (dialog, format);
        scs_export_dialog_set_kind (dialog, kind);
        g_assert_true (scs_export_dialog_write (dialog, file, &error));
        g_assert_no_error (error);
        text = file_text (path);
        /* Something was read, so that finding nothing means something. */
        g_assert_cmpuint (strlen (text), >, 200);
        assert_no_marker (f, role, name, text);
        if (role == EXPERT_FOLLOW_UP && format == SCS_EXPORT_PDF && kind == SCS_REPORT_SHEET)
          g_assert_nonnull (strstr (text, "MARK-FOLLOWUP-"));
        /* The plan is there to be found where it may be shown. */
        if (role == EXPERT && format == SCS_EXPORT_PDF && kind == SCS_REPORT_FULL)
          g_assert_nonnull (strstr (text, "MARK-PLAN-"));
        if (format == SCS_EXPORT_CSV)
          assert_follow_up_rows (f, role, name, text);
      }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_exports (void)
{
  Fixture f;

  fixture_open (&f);
  check_exports (&f, COMPANY);
  check_exports (&f, EXPERT);
  check_exports (&f, EXPERT_FOLLOW_UP);
  fixture_close (&f);
}

/* The radar image as SVG and PDF (a PNG holds no text), in either view. */
static void
test_radar_files (void)
{
  Fixture f;

  fixture_open (&f);
  for (Role role = COMPANY; role <= EXPERT; role++)
    {
      ScsDashboardPage *page;

      set_role (&f, role);
      page = scs_window_get_dashboard_page (f.window);
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *name = g_strdup_printf ("radar-%u.%s", role, i == 0 ? "svg" : "pdf");
          g_autofree char *path = g_build_filename (f.dir, name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;

          g_assert_true (scs_dashboard_page_export_radar (page, file, &error));
          g_assert_no_error (error);
          text = file_text (path);
          g_assert_cmpuint (strlen (text), >, 20);
          assert_no_marker (&f, role, name, text);
        }
    }
  fixture_close (&f);
}

/* Every label and tooltip of w and what it holds, and the radar's description. */
static void
collect (GtkWidget *w,
         GString   *out,
         gboolean   mapped_only)
{
  if (mapped_only && !gtk_widget_get_mapped (w))
    return;
  if (GTK_IS_LABEL (w))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (w)));
  if (GTK_IS_EDITABLE (w))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (w)));
  if (GTK_IS_TEXT_VIEW (w))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (w));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      g_string_append_printf (out, "%s\n", text);
    }
  if (gtk_widget_get_tooltip_text (w) != NULL)
    g_string_append_printf (out, "%s\n", gtk_widget_get_tooltip_text (w));
  if (SCS_IS_RADAR_VIEW (w) && scs_radar_view_get_data (SCS_RADAR_VIEW (w)) != NULL)
    {
      g_autofree char *text = scs_radar_data_describe (scs_radar_view_get_data (SCS_RADAR_VIEW (w)));

      g_string_append_printf (out, "%s\n", text);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect (c, out, mapped_only);
}

/* The expert comments of the engagement, before any marker: what the wall may not show
 * the company unless the verdicts are given to it. */
static GPtrArray *
expert_comments (ScsEngagement *engagement)
{
  GPtrArray *comments = g_ptr_array_new ();
  GListModel *assessments = scs_engagement_get_assessments (engagement);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (assessments, i);
      const char *comment = scs_assessment_get_expert_comment (a);

      if (strlen (comment) > 8 && !g_str_has_prefix (comment, "MARK-"))
        g_ptr_array_add (comments, (gpointer) g_intern_string (comment));
    }
  return comments;
}

static char *
deck_text (ScsPresentation *deck)
{
  GString *all = g_string_new ("");

  for (guint i = 0; i < scs_presentation_get_n_slides (deck); i++)
    {
      scs_presentation_go_to (deck, i);
      scs_ui_test_flush ();
      collect (scs_presentation_get_slide (deck), all, FALSE);
    }
  return g_string_free (all, FALSE);
}

static gboolean
has_slide (ScsPresentation *deck,
           ScsSlideKind     kind)
{
  for (guint i = 0; i < scs_presentation_get_n_slides (deck); i++)
    if (scs_presentation_get_kind (deck, i) == kind)
      return TRUE;
  return FALSE;
}

static void
test_presentation (void)
{
  Fixture f;
  GSettings *settings = scs_application_get_settings (app);
  g_autoptr(GPtrArray) comments = NULL;
  g_autofree char *given = NULL, *expert = NULL;
  ScsPresentation *deck;
  char *text;

  g_settings_set_boolean (settings, "presentation-company-comments", TRUE);
  fixture_open (&f);
  comments = expert_comments (scs_window_get_engagement (f.window));
  g_assert_cmpuint (comments->len, >, 3);

  /* The expert's own slides show their confirmed comments, what the company's must not;
   * slides are shown to the company, so even the expert's never show a follow-up verdict. */
  set_role (&f, EXPERT);
  deck = scs_window_present_slides (f.window);
  expert = deck_text (deck);
  assert_no_marker (&f, EXPERT, "the expert's slides", expert);
  scs_ui_test_destroy (deck);

  set_role (&f, COMPANY);
  deck = scs_window_present_slides (f.window);
  g_assert_true (scs_presentation_is_company_view (deck));
  text = deck_text (deck);
  assert_no_marker (&f, COMPANY, "the slides", text);
  for (guint i = 0; i < comments->len; i++)
    {
      const char *comment = g_ptr_array_index (comments, i);

      /* The check is worth something only for comments the expert's slides do show. */
      if (strstr (expert, comment) != NULL)
        g_assert_null (strstr (text, comment));
    }
  /* No verdict, rate or maturity of the expert's: no slide of theirs. */
  for (guint i = 0; i < scs_presentation_get_n_slides (deck); i++)
    {
      ScsSlideKind kind = scs_presentation_get_kind (deck, i);

      g_assert_true (kind != SCS_SLIDE_READINESS && kind != SCS_SLIDE_COMPARISON &&
                     kind != SCS_SLIDE_MATURITY && kind != SCS_SLIDE_PLAN);
    }
  g_free (text);

  /* The expert shares the verdicts, then the agreed plan, while the slides are on the
   * wall: they follow at once, as the window does; and when taken back, go at once. */
  g_assert_false (has_slide (deck, SCS_SLIDE_READINESS));
  g_settings_set_boolean (settings, "company-copy-verdicts", TRUE);
  scs_ui_test_flush ();
  g_assert_true (scs_window_present_slides (f.window) == deck);
  g_assert_true (scs_presentation_is_company_view (deck));
  g_assert_true (has_slide (deck, SCS_SLIDE_READINESS));
  g_assert_true (has_slide (deck, SCS_SLIDE_COMPARISON));
  g_assert_false (has_slide (deck, SCS_SLIDE_PLAN));
  text = deck_text (deck);
  assert_no_marker (&f, COMPANY, "the slides once verdicts are given", text);
  g_assert_nonnull (strstr (text, "Needs improvement"));
  g_free (text);
  g_settings_set_boolean (settings, "company-copy-plan", TRUE);
  scs_ui_test_flush ();
  g_assert_true (has_slide (deck, SCS_SLIDE_PLAN));
  g_assert_false (has_slide (deck, SCS_SLIDE_MATURITY));
  text = deck_text (deck);
  assert_no_marker (&f, COMPANY_PLAN, "the slides once the plan is given", text);
  g_assert_nonnull (strstr (text, "MARK-PLAN-"));
  g_free (text);
  g_settings_reset (settings, "company-copy-verdicts");
  g_settings_reset (settings, "company-copy-plan");
  scs_ui_test_flush ();
  for (guint i = 0; i < scs_presentation_get_n_slides (deck); i++)
    {
      ScsSlideKind kind = scs_presentation_get_kind (deck, i);

      g_assert_true (kind != SCS_SLIDE_READINESS && kind != SCS_SLIDE_COMPARISON &&
                     kind != SCS_SLIDE_MATURITY && kind != SCS_SLIDE_PLAN);
    }
  text = deck_text (deck);
  for (guint i = 0; i < comments->len; i++)
    if (strstr (expert, g_ptr_array_index (comments, i)) != NULL)
      g_assert_null (strstr (text, g_ptr_array_index (comments, i)));
  g_free (text);
  scs_ui_test_destroy (deck);

  /* Given the confirmed verdicts, the company sees them, and still no follow-up. */
  g_settings_set_boolean (settings, "company-copy-verdicts", TRUE);
  deck = scs_window_present_slides (f.window);
  given = deck_text (deck);
  assert_no_marker (&f, COMPANY, "the slides with verdicts given", given);
  g_assert_true (strstr (given, "Needs improvement") != NULL);
  scs_ui_test_destroy (deck);
  g_settings_reset (settings, "company-copy-verdicts");
  g_settings_reset (settings, "presentation-company-comments");
  fixture_close (&f);
}

/* The page of a criterion whose verdict awaits follow-up shows no verdict of the scale
 * (titles the company's own answers share aside, as its answer is on the page). */
static void
assert_no_verdict_title (Fixture    *f,
                         const char *where,
                         GtkWidget  *page)
{
  ScsFramework *fw = scs_engagement_get_framework (scs_window_get_engagement (f->window));
  const ScsScale *company = scs_framework_get_company_scale (fw);
  g_autoptr(GString) text = g_string_new ("");
  g_auto(GStrv) lines = NULL;

  collect (page, text, TRUE);
  lines = g_strsplit (text->str, "\n", -1);
  for (guint t = 0; t < f->verdict_titles->len; t++)
    {
      const char *title = g_ptr_array_index (f->verdict_titles, t);
      gboolean shared = FALSE;

      for (guint c = 0; c < company->values->len; c++)
        shared |= g_str_equal (title, scs_scale_value_get_title (g_ptr_array_index (company->values, c)));
      if (!shared && g_strv_contains ((const char * const *) lines, title))
        g_error ("%s shows the verdict “%s”", where, title);
    }
}

/* What the window shows, every page of it: nothing mapped may show a marker. */
static void
check_window (Fixture    *f,
              const char *what)
{
  ScsWindow *window = f->window;
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsFramework *fw = scs_engagement_get_framework (engagement);
  GListModel *subs = scs_framework_get_subcategories (fw, scs_engagement_get_level (engagement));
  GListModel *criteria = scs_framework_get_assessables (fw, scs_engagement_get_level (engagement));
  const char *sections[] = { "company", "scope", "visits", "documents", "diagnosis", "csm", "plan" };
  GtkWidget *root = GTK_WIDGET (window);
  guint walked = 0;

  gtk_widget_activate_action (root, "win.view", "s", "assessment");
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(ScsNode) node = g_list_model_get_item (criteria, i);
      g_autoptr(GString) text = g_string_new ("");
      g_autofree char *where = g_strdup_printf ("%s, criterion %s", what, scs_node_get_id (node));

      scs_sidebar_select (scs_window_get_sidebar (window), node);
      scs_ui_test_flush ();
      collect (root, text, TRUE);
      assert_no_marker (f, COMPANY, where, text->str);
      if (g_ptr_array_find (f->follow_up, g_intern_string (scs_node_get_id (node)), NULL))
        assert_no_verdict_title (f, where, GTK_WIDGET (scs_window_get_criterion_page (window)));
      walked++;
    }
  for (guint i = 0; i < g_list_model_get_n_items (subs); i++)
    {
      g_autoptr(ScsNode) node = g_list_model_get_item (subs, i);
      g_autoptr(GString) text = g_string_new ("");
      g_autofree char *where = g_strdup_printf ("%s, subcategory %s", what, scs_node_get_id (node));

      scs_sidebar_select (scs_window_get_sidebar (window), node);
      scs_ui_test_flush ();
      collect (root, text, TRUE);
      assert_no_marker (f, COMPANY, where, text->str);
    }
  gtk_widget_activate_action (root, "win.view", "s", "engagement");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autoptr(GString) text = g_string_new ("");
      g_autofree char *where = g_strdup_printf ("%s, section %s", what, sections[i]);
      GtkWidget *section;

      scs_engagement_page_show_section (scs_window_get_engagement_page (window), sections[i]);
      scs_ui_test_flush ();
      section = gtk_stack_get_visible_child (scs_ui_test_child (scs_window_get_engagement_page (window),
                                                                SCS_TYPE_ENGAGEMENT_PAGE, "sections"));
      collect (root, text, TRUE);
      /* A section on show, or (the plan, not given) none mapped. */
      g_assert_true (gtk_widget_get_mapped (section) || g_str_equal (sections[i], "plan"));
      assert_no_marker (f, COMPANY, where, text->str);
    }
  {
    g_autoptr(GString) text = g_string_new ("");

    gtk_widget_activate_action (root, "win.view", "s", "dashboard");
    scs_ui_test_flush ();
    collect (root, text, TRUE);
    assert_no_marker (f, COMPANY, "the dashboard", text->str);
  }
  g_assert_cmpuint (walked, >, 50);
}

/* The CSM Guidelines check sheet is the expert's working sheet: in the company's view it
 * is neither listed nor shown, and its answers cannot be changed. */
static void
assert_no_check_sheet (ScsWindow *window)
{
  ScsEngagementPage *page = scs_window_get_engagement_page (window);
  GtkStack *sections = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "sections");
  ScsChecklistPage *csm = scs_ui_test_child (page, SCS_TYPE_ENGAGEMENT_PAGE, "csm_page");
  ScsRecord *answer = scs_engagement_ensure_checklist_answer (scs_window_get_engagement (window),
                                                              "csm_check", "1-1");
  g_autofree char *before = g_strdup (scs_record_get_string (answer, SCS_M_CHECKLIST_ANSWER_ANSWER));
  guint other = g_str_equal (before, "yes") ? 2 : 0;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (csm)));
  g_assert_false (gtk_stack_page_get_visible (gtk_stack_get_page (sections, GTK_WIDGET (csm))));
  scs_engagement_page_show_section (page, "csm");
  scs_ui_test_flush ();
  g_assert_true (gtk_stack_get_visible_child (sections) != GTK_WIDGET (csm));
  g_assert_false (scs_checklist_page_answer (csm, "1-1", other));
  g_assert_cmpstr (scs_record_get_string (answer, SCS_M_CHECKLIST_ANSWER_ANSWER), ==, before);
}

/* The expert's preview holds the markers and must show none; so must a company copy. */
static void
test_window (void)
{
  Fixture f;
  g_autoptr(GString) text = g_string_new ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsEngagement) copy = NULL;
  g_autofree char *copy_path = NULL;
  g_autoptr(GFile) copy_file = NULL;
  ScsWindow *expert;

  fixture_open (&f);
  /* The markers are on screen in the expert's view: the walk can find them. 2-1-1-1 is
   * one of the follow-up verdicts planted at ★3. */
  scs_sidebar_select (scs_window_get_sidebar (f.window), scs_ui_test_node (f.window, "2-1-1-1"));
  scs_ui_test_flush ();
  collect (GTK_WIDGET (f.window), text, TRUE);
  g_assert_nonnull (strstr (text->str, "MARK-INTERNAL-2-1-1-1"));
  g_assert_nonnull (strstr (text->str, "MARK-FOLLOWUP-2-1-1-1"));
  g_assert_nonnull (strstr (text->str, "MARK-NOTES-2-1-1-1-"));
  /* And the check sheet's notes, on its page, which the expert can answer. */
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.view", "s", "engagement");
  scs_engagement_page_show_section (scs_window_get_engagement_page (f.window), "csm");
  scs_ui_test_flush ();
  g_string_truncate (text, 0);
  collect (GTK_WIDGET (f.window), text, TRUE);
  g_assert_nonnull (strstr (text->str, "MARK-CSM-1-1"));
  {
    ScsChecklistPage *csm = scs_ui_test_child (scs_window_get_engagement_page (f.window),
                                               SCS_TYPE_ENGAGEMENT_PAGE, "csm_page");
    ScsRecord *answer = scs_engagement_ensure_checklist_answer (scs_window_get_engagement (f.window),
                                                                "csm_check", "1-1");
    g_autofree char *before = g_strdup (scs_record_get_string (answer, SCS_M_CHECKLIST_ANSWER_ANSWER));

    g_assert_true (scs_checklist_page_answer (csm, "1-1", 1));
    g_assert_true (scs_checklist_page_answer (csm, "1-1", 0));
    g_assert_cmpstr (scs_record_get_string (answer, SCS_M_CHECKLIST_ANSWER_ANSWER), !=, "");
    scs_record_set_string (answer, SCS_M_CHECKLIST_ANSWER_ANSWER, before);
  }
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.view", "s", "assessment");
  scs_ui_test_flush ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.company-preview", NULL));
  scs_ui_test_flush ();
  g_assert_true (scs_window_is_company_mode (f.window));
  /* Nothing of the expert's can be done there: Alt+1 changes no verdict. */
  {
    ScsAssessment *a = scs_criterion_page_get_assessment (scs_window_get_criterion_page (f.window));
    g_autofree char *before = g_strdup (scs_assessment_get_verdict (a));

    gtk_widget_activate_action (GTK_WIDGET (f.window), "win.verdict", "i", 1);
    gtk_widget_activate_action (GTK_WIDGET (f.window), "win.verdict", "i", 2);
    g_assert_cmpstr (scs_assessment_get_verdict (a), ==, before);
  }
  check_window (&f, "the preview");
  assert_no_check_sheet (f.window);

  /* A company copy of it, opened as a company opens it. */
  copy = scs_company_copy_new (scs_window_get_engagement (f.window),
                               &(ScsCompanyCopyOptions) { FALSE, TRUE }, &error);
  g_assert_no_error (error);
  copy_path = g_build_filename (f.dir, "company.scsa", NULL);
  copy_file = g_file_new_for_path (copy_path);
  g_assert_true (scs_storage_save (copy, copy_file, &error));
  g_assert_no_error (error);
  {
    g_autofree char *saved = file_text (copy_path);
    g_autoptr(ScsEngagement) with_plan = scs_company_copy_new (scs_window_get_engagement (f.window),
                                                               &(ScsCompanyCopyOptions) { TRUE, TRUE }, &error);
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *planned = NULL;

    g_assert_no_error (error);
    assert_no_marker (&f, COMPANY, "the company copy", saved);
    /* Given the plan, it holds the plan and still nothing else of the expert's. */
    bytes = scs_storage_serialize (with_plan);
    planned = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    assert_no_marker (&f, COMPANY_PLAN, "the company copy with the plan", planned);
    g_assert_nonnull (strstr (planned, "MARK-PLAN-SUMMARY"));
  }
  expert = f.window;
  f.window = scs_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f.window), 1366, 768);
  gtk_window_present (GTK_WINDOW (f.window));
  scs_window_open_file (f.window, copy_file);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  g_assert_true (scs_engagement_is_company_copy (scs_window_get_engagement (f.window)));
  g_assert_true (scs_window_is_company_mode (f.window));
  /* No way to an expert view. */
  g_object_set (f.window, "company-preview", FALSE, NULL);
  g_assert_true (scs_window_is_company_mode (f.window));
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.company-preview", NULL);
  scs_ui_test_flush ();
  g_assert_true (scs_window_is_company_mode (f.window));
  {
    ScsAssessment *a = scs_criterion_page_get_assessment (scs_window_get_criterion_page (f.window));
    g_autofree char *before = g_strdup (scs_assessment_get_verdict (a));
    GListModel *items = scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (scs_window_get_engagement (f.window))),
                                             SCS_M_PLAN_ITEMS);

    gtk_widget_activate_action (GTK_WIDGET (f.window), "win.verdict", "i", 2);
    g_assert_cmpstr (scs_assessment_get_verdict (a), ==, before);
    gtk_widget_activate_action (GTK_WIDGET (f.window), "win.plan-item", NULL);
    scs_ui_test_flush ();
    g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
    gtk_widget_activate_action (GTK_WIDGET (f.window), "win.import", NULL);
    scs_ui_test_flush ();
    g_assert_null (scs_window_get_import_dialog (f.window));
  }
  check_window (&f, "the company copy");
  assert_no_check_sheet (f.window);
  /* A confirmed verdict given to the company does show on its page, so that the walk's
   * finding none on the follow-up criteria' pages means something. */
  {
    g_autoptr(GString) page = g_string_new ("");
    ScsAssessment *confirmed = scs_engagement_get_assessment (scs_window_get_engagement (f.window), "1-2-1-1");
    const ScsScaleValue *v = scs_scale_lookup (scs_engagement_get_verdict_scale (scs_window_get_engagement (f.window)),
                                               scs_assessment_get_verdict (confirmed));
    g_autofree char *line = NULL;

    g_assert_nonnull (v);
    gtk_widget_activate_action (GTK_WIDGET (f.window), "win.view", "s", "assessment");
    scs_sidebar_select (scs_window_get_sidebar (f.window), scs_ui_test_node (f.window, "1-2-1-1"));
    scs_ui_test_flush ();
    collect (GTK_WIDGET (scs_window_get_criterion_page (f.window)), page, TRUE);
    line = g_strdup_printf ("\n%s\n", scs_scale_value_get_title (v));
    g_assert_nonnull (strstr (page->str, line));
  }
  scs_ui_test_destroy (expert);
  fixture_close (&f);
}

/* In the company's view a shared verdict is shown read-only, the expert's evidence cannot
 * be touched, and the company's own answer still can. */
static void
test_read_only (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsEngagement) copy = NULL;
  ScsCriterionPage *page;
  ScsAssessment *a;
  GListModel *assessments;
  const char *given = NULL, *not_given = NULL;

  fixture_open (&f);
  copy = scs_company_copy_new (scs_window_get_engagement (f.window),
                               &(ScsCompanyCopyOptions) { FALSE, TRUE }, &error);
  g_assert_no_error (error);
  /* A confirmed verdict the copy was given, and a criterion without one. */
  assessments = scs_engagement_get_assessments (copy);
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(ScsAssessment) each = g_list_model_get_item (assessments, i);

      if (given == NULL && scs_assessment_get_verdict (each)[0] != '\0')
        given = g_intern_string (scs_assessment_get_criterion (each));
    }
  not_given = "2-1-1-1";   /* marked for follow-up: never in a copy */
  g_assert_nonnull (given);
  g_assert_true (scs_engagement_get_assessment (copy, not_given) == NULL ||
                 scs_assessment_get_verdict (scs_engagement_get_assessment (copy, not_given))[0] == '\0');
  page = scs_window_get_criterion_page (f.window);

  /* The expert's preview shows what sharing the verdicts gives the company, as it is set. */
  g_object_set (f.window, "company-preview", TRUE, NULL);
  scs_sidebar_select (scs_window_get_sidebar (f.window), scs_ui_test_node (f.window, given));
  scs_ui_test_flush ();
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_group")));
  g_settings_set_boolean (scs_application_get_settings (app), "company-copy-verdicts", TRUE);
  scs_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_group")));
  g_assert_false (gtk_widget_is_sensitive (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_box")));
  scs_sidebar_select (scs_window_get_sidebar (f.window), scs_ui_test_node (f.window, not_given));
  scs_ui_test_flush ();
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_group")));
  g_settings_reset (scs_application_get_settings (app), "company-copy-verdicts");

  scs_window_set_engagement (f.window, copy, NULL, FALSE);
  scs_ui_test_flush ();
  scs_sidebar_select (scs_window_get_sidebar (f.window), scs_ui_test_node (f.window, given));
  scs_ui_test_flush ();
  a = scs_criterion_page_get_assessment (page);
  g_assert_cmpstr (scs_assessment_get_verdict (a), !=, "");
  g_assert_true (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_group")));
  g_assert_false (gtk_widget_is_sensitive (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_box")));
  g_assert_false (gtk_text_view_get_editable (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE,
                                                                 "expert_comment_view")));
  g_assert_false (gtk_widget_is_sensitive (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "evidence_group")));
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "follow_up_check")));
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "guide_expander")));
  g_assert_true (gtk_widget_is_sensitive (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "company_group")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.company-status", "i", 2));
  g_assert_cmpstr (scs_assessment_get_company_status (a), ==, "partly");
  /* A criterion with no verdict given shows no verdict or evidence at all. */
  scs_sidebar_select (scs_window_get_sidebar (f.window), scs_ui_test_node (f.window, not_given));
  scs_ui_test_flush ();
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_group")));
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "evidence_group")));
  g_clear_object (&copy);   /* the window's own now, to be freed with it */
  fixture_close (&f);
}

/* A company with no expert yet starts its own self-assessment, in the company's view. */
static void
test_own_self_assessment (void)
{
  ScsWindow *window = scs_window_new (app);
  ScsFramework *fw = scs_catalog_get_latest (scs_application_get_catalog (app), "scs");
  ScsNewDialog *dialog = scs_new_dialog_new (GTK_WINDOW (window), fw, NULL);
  g_autoptr(ScsEngagement) own = NULL;

  scs_new_dialog_set_values (dialog, "自社株式会社", 3, "three", "");
  scs_new_dialog_set_own (dialog, TRUE);
  own = scs_new_dialog_create (dialog);
  g_assert_true (scs_engagement_is_company_copy (own));
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (scs_engagement_get_copy_origin (own)), SCS_M_COPY_ORIGIN_SOURCE), ==, "");
  scs_window_set_engagement (window, own, NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  scs_ui_test_flush ();
  g_assert_true (scs_window_is_company_mode (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.company-preview", NULL);
  scs_ui_test_flush ();
  g_assert_true (scs_window_is_company_mode (window));
  scs_ui_test_destroy (dialog);
  g_clear_object (&own);   /* the window's own now, to be freed with it */
  scs_ui_test_destroy (window);
}

/* The command line in each role: the expert's file with and without follow-up verdicts,
 * and a company copy of it, which is what a company has. */
static void
test_cli (void)
{
  Fixture f;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsEngagement) copy = NULL;
  g_autofree char *own = NULL, *theirs = NULL;
  g_autoptr(GFile) own_file = NULL, their_file = NULL;

  fixture_open (&f);
  own = g_build_filename (f.dir, "expert.scsa", NULL);
  own_file = g_file_new_for_path (own);
  g_assert_true (scs_storage_save (scs_window_get_engagement (f.window), own_file, &error));
  g_assert_no_error (error);
  /* The members this version does not know are kept in the expert's own file, so they
   * are there to leak. */
  {
    g_autofree char *text = file_text (own);

    g_assert_nonnull (strstr (text, "MARK-UNKNOWN-TOP"));
    g_assert_nonnull (strstr (text, "MARK-UNKNOWN-1-2-1-1"));
    g_assert_nonnull (strstr (text, "MARK-PLAN-SUMMARY"));
  }
  copy = scs_company_copy_new (scs_window_get_engagement (f.window),
                               &(ScsCompanyCopyOptions) { FALSE, TRUE }, &error);
  g_assert_no_error (error);
  theirs = g_build_filename (f.dir, "company.scsa", NULL);
  their_file = g_file_new_for_path (theirs);
  g_assert_true (scs_storage_save (copy, their_file, &error));
  g_assert_no_error (error);

  for (Role role = COMPANY; role <= EXPERT_FOLLOW_UP; role++)
    {
      const char *input = role == COMPANY ? theirs : own;
      /* Follow-up verdicts are left out by default: the expert's own draft asks for them. */
      const char *follow_up = role == EXPERT_FOLLOW_UP ? "--unconfirmed" : NULL;
      const char *outputs[] = { "--export-csv", "--export-xlsx", "--export-radar", "--export-radar" };
      const char *suffixes[] = { "csv", "xlsx", "svg", "pdf" };

      /* The full report holds every other kind's pages; each kind on its own is made by the
       * same code from the Export window (/confidential/exports). */
      for (guint kind = SCS_REPORT_FULL; kind <= SCS_REPORT_FULL; kind++)
        {
          g_autofree char *name = g_strdup_printf ("cli-%u-%s.pdf", role, scs_report_kind_to_string (kind));
          g_autofree char *path = g_build_filename (f.dir, name, NULL);
          const char *argv[] = { cli, "--export-pdf", path, "--report", scs_report_kind_to_string (kind),
                                 input, follow_up, NULL };
          g_autofree char *out = run (argv);
          g_autofree char *text = file_text (path);

          g_assert_cmpuint (strlen (text), >, 200);
          assert_no_marker (&f, role, name, text);
        }
      for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
        {
          g_autofree char *name = g_strdup_printf ("cli-%u.%s", role, suffixes[i]);
          g_autofree char *path = g_build_filename (f.dir, name, NULL);
          /* The radar has no follow-up option: it is drawn alike in either role. */
          const char *argv[] = { cli, outputs[i], path, input, i < 2 ? follow_up : NULL, NULL };
          g_autofree char *out = run (argv);
          g_autofree char *text = file_text (path);

          g_assert_cmpuint (strlen (text), >, 20);
          assert_no_marker (&f, role, name, text);
          /* Follow-up printed or not by default is another matter: the roles that hide it. */
          if (g_str_equal (suffixes[i], "csv") && role != EXPERT_FOLLOW_UP)
            assert_follow_up_rows (&f, role, name, text);
        }
    }
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *here = g_path_get_dirname (argv[0]);

  cli = g_build_filename (here, "..", "app", "scs-assessor", NULL);
  app = scs_ui_test_init (&argc, &argv);
  g_test_add_func ("/confidential/cli", test_cli);
  g_test_add_func ("/confidential/exports", test_exports);
  g_test_add_func ("/confidential/radar-files", test_radar_files);
  g_test_add_func ("/confidential/presentation", test_presentation);
  g_test_add_func ("/confidential/window", test_window);
  g_test_add_func ("/confidential/read-only", test_read_only);
  g_test_add_func ("/confidential/own-self-assessment", test_own_self_assessment);
  return g_test_run ();
}
