/* test-confidential.c — canaries: a marker in every expert-only field of the example, and
 * every output of the company's view (reports, workbook, CSV, radar files, slides, the
 * window itself) searched for each of them; the expert's own reports too
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>
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
} Role;

static const char *role_names[] = { "company view", "expert", "expert with follow-up" };

typedef struct {
  ScsWindow *window;
  GPtrArray *markers;
  char      *dir;
} Fixture;

static void
fixture_open (Fixture *f)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                            "example-aaa.scsa", NULL);

  f->window = scs_ui_test_open_copy (app, path, NULL);
  f->markers = scs_test_plant_expert_markers (scs_window_get_engagement (f->window));
  g_assert_cmpuint (f->markers->len, >, 100);
  f->dir = g_dir_make_tmp ("scs-confidential-XXXXXX", NULL);
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_ptr_array_unref (f->markers);
  scs_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gboolean
may_show (Role        role,
          const char *marker)
{
  return role == EXPERT_FOLLOW_UP && g_str_has_prefix (marker, "MARK-FOLLOWUP-");
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
    if (!(role == EXPERT_FOLLOW_UP && g_str_has_prefix (hit, "MARK-FOLLOWUP-")))
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

static void
set_role (Fixture *f,
          Role     role)
{
  g_object_set (f->window, "company-preview", role == COMPANY, NULL);
  scs_ui_test_iterate (20);
  g_assert_true (scs_window_is_company_mode (f->window) == (role == COMPANY));
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
  scs_ui_test_iterate (50);
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
      scs_ui_test_iterate (10);
      collect (scs_presentation_get_slide (deck), all, FALSE);
    }
  return g_string_free (all, FALSE);
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
  gtk_window_destroy (GTK_WINDOW (deck));

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
  gtk_window_destroy (GTK_WINDOW (deck));

  /* Given the confirmed verdicts, the company sees them, and still no follow-up. */
  g_settings_set_boolean (settings, "company-copy-verdicts", TRUE);
  deck = scs_window_present_slides (f.window);
  given = deck_text (deck);
  assert_no_marker (&f, COMPANY, "the slides with verdicts given", given);
  g_assert_true (strstr (given, "Needs improvement") != NULL);
  gtk_window_destroy (GTK_WINDOW (deck));
  g_settings_reset (settings, "company-copy-verdicts");
  g_settings_reset (settings, "presentation-company-comments");
  fixture_close (&f);
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
      scs_ui_test_iterate (5);
      collect (root, text, TRUE);
      assert_no_marker (f, COMPANY, where, text->str);
      walked++;
    }
  for (guint i = 0; i < g_list_model_get_n_items (subs); i++)
    {
      g_autoptr(ScsNode) node = g_list_model_get_item (subs, i);
      g_autoptr(GString) text = g_string_new ("");
      g_autofree char *where = g_strdup_printf ("%s, subcategory %s", what, scs_node_get_id (node));

      scs_sidebar_select (scs_window_get_sidebar (window), node);
      scs_ui_test_iterate (5);
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
      scs_ui_test_iterate (50);
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
    scs_ui_test_iterate (100);
    collect (root, text, TRUE);
    assert_no_marker (f, COMPANY, "the dashboard", text->str);
  }
  g_assert_cmpuint (walked, >, 50);
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
  scs_ui_test_iterate (20);
  collect (GTK_WIDGET (f.window), text, TRUE);
  g_assert_nonnull (strstr (text->str, "MARK-INTERNAL-2-1-1-1"));
  g_assert_nonnull (strstr (text->str, "MARK-FOLLOWUP-2-1-1-1"));
  g_assert_nonnull (strstr (text->str, "MARK-NOTES-2-1-1-1-"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.company-preview", NULL));
  scs_ui_test_iterate (20);
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

  /* A company copy of it, opened as a company opens it. */
  copy = scs_company_copy_new (scs_window_get_engagement (f.window),
                               &(ScsCompanyCopyOptions) { FALSE, TRUE }, &error);
  g_assert_no_error (error);
  copy_path = g_build_filename (f.dir, "company.scsa", NULL);
  copy_file = g_file_new_for_path (copy_path);
  g_assert_true (scs_storage_save (copy, copy_file, &error));
  g_assert_no_error (error);
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
  scs_ui_test_iterate (20);
  g_assert_true (scs_window_is_company_mode (f.window));
  {
    ScsAssessment *a = scs_criterion_page_get_assessment (scs_window_get_criterion_page (f.window));
    g_autofree char *before = g_strdup (scs_assessment_get_verdict (a));
    GListModel *items = scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (scs_window_get_engagement (f.window))),
                                             "items");

    gtk_widget_activate_action (GTK_WIDGET (f.window), "win.verdict", "i", 2);
    g_assert_cmpstr (scs_assessment_get_verdict (a), ==, before);
    gtk_widget_activate_action (GTK_WIDGET (f.window), "win.plan-item", NULL);
    scs_ui_test_iterate (20);
    g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
    gtk_widget_activate_action (GTK_WIDGET (f.window), "win.import", NULL);
    scs_ui_test_iterate (20);
    g_assert_null (scs_window_get_import_dialog (f.window));
  }
  check_window (&f, "the company copy");
  gtk_window_destroy (GTK_WINDOW (expert));
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
  scs_ui_test_iterate (20);
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_group")));
  g_settings_set_boolean (scs_application_get_settings (app), "company-copy-verdicts", TRUE);
  scs_ui_test_iterate (20);
  g_assert_true (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_group")));
  g_assert_false (gtk_widget_is_sensitive (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_box")));
  scs_sidebar_select (scs_window_get_sidebar (f.window), scs_ui_test_node (f.window, not_given));
  scs_ui_test_iterate (20);
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_group")));
  g_settings_reset (scs_application_get_settings (app), "company-copy-verdicts");

  scs_window_set_engagement (f.window, copy, NULL, FALSE);
  scs_ui_test_iterate (20);
  scs_sidebar_select (scs_window_get_sidebar (f.window), scs_ui_test_node (f.window, given));
  scs_ui_test_iterate (20);
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
  scs_ui_test_iterate (20);
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "verdict_group")));
  g_assert_false (gtk_widget_get_visible (scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "evidence_group")));
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
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (scs_engagement_get_copy_origin (own)), "source"), ==, "");
  scs_window_set_engagement (window, own, NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  scs_ui_test_iterate (20);
  g_assert_true (scs_window_is_company_mode (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.company-preview", NULL);
  scs_ui_test_iterate (20);
  g_assert_true (scs_window_is_company_mode (window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
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
