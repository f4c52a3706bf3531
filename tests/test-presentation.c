/* test-presentation.c — the slides: what reaches the wall, the clicker's keys, live edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With SCS_TEST_WM set (a window manager runs: tests/with-wm.sh), also checks that the
 * slides go fullscreen.
 */

#include <string.h>
#include "scs-presentation.h"
#include "scs-radar-view.h"
#include "scs-ui-test.h"

#define CANARY "CANARY-INTERNAL-93c1"

static ScsApplication *app;

static ScsWindow *
open_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                            "example-aaa.scsa", NULL);
  GSettings *settings = scs_application_get_settings (app);

  g_settings_reset (settings, "presentation-company-comments");
  g_settings_reset (settings, "presentation-scale");
  return scs_ui_test_open_copy (app, path, NULL);
}

/* Every text a slide shows: labels, tooltips and the radar's description. */
static void
collect (GtkWidget *widget,
         GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append_printf (out, "%s\n", gtk_widget_get_tooltip_text (widget));
  if (SCS_IS_RADAR_VIEW (widget) && scs_radar_view_get_data (SCS_RADAR_VIEW (widget)) != NULL)
    {
      g_autofree char *text = scs_radar_data_describe (scs_radar_view_get_data (SCS_RADAR_VIEW (widget)));

      g_string_append_printf (out, "%s\n", text);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect (c, out);
}

/* The whole deck's text, slide by slide. */
static char *
deck_text (ScsPresentation *deck)
{
  GString *all = g_string_new ("");

  for (guint i = 0; i < scs_presentation_get_n_slides (deck); i++)
    {
      scs_presentation_go_to (deck, i);
      scs_ui_test_flush ();
      collect (GTK_WIDGET (deck), all);
    }
  return g_string_free (all, FALSE);
}

static gboolean
deck_says (ScsPresentation *deck,
           const char      *text)
{
  g_autofree char *all = deck_text (deck);

  return strstr (all, text) != NULL;
}

/* Whether the slide shown says text. */
static gboolean
slide_says (ScsPresentation *deck,
            const char      *text)
{
  g_autoptr(GString) shown = g_string_new ("");

  collect (scs_presentation_get_slide (deck), shown);
  return strstr (shown->str, text) != NULL;
}

static void
plant_canaries (ScsEngagement *engagement)
{
  GListModel *lists[] = {
    scs_engagement_get_assessments (engagement),
    scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_VISITS),
    scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_MATURITY),
    scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_DIAGNOSIS),
    scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_CSM_CHECK),
  };
  const char *fields[] = { SCS_M_ASSESSMENT_INTERNAL_NOTE, SCS_M_VISIT_NOTES, SCS_M_MATURITY_NOTE,
                           SCS_M_CHECKLIST_ANSWER_NOTE, SCS_M_CHECKLIST_ANSWER_NOTE };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(ScsRecord) r = g_list_model_get_item (lists[l], i);

        scs_record_set_string (r, fields[l], CANARY);
        if (l == 0)
          for (guint p = 0; p < SCS_N_PROCEDURES; p++)
            scs_record_set_string (SCS_RECORD (scs_assessment_get_procedure (SCS_ASSESSMENT (r), p)),
                                   SCS_M_PROCEDURE_NOTES, CANARY);
      }
}

/* A criterion that does not conform and has an expert's comment. */
static ScsAssessment *
failing (ScsEngagement *engagement)
{
  GListModel *all = scs_engagement_get_assessments (engagement);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (all, i);

      if (scs_engagement_get_conformance (engagement, scs_assessment_get_criterion (a),
                                          SCS_COUNT_CONFIRMED)
          == SCS_CONFORMANCE_NOT_CONFORMING && *scs_assessment_get_expert_comment (a) != '\0')
        return a;
    }
  g_assert_not_reached ();
}

static void
test_no_internal_note (void)
{
  ScsWindow *window = open_example ();
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsAssessment *a = failing (engagement);
  ScsPresentation *deck;
  g_autofree char *all = NULL;

  plant_canaries (engagement);
  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_EXPERT_COMMENT, "EXPERT-SAYS-FIX-THIS");
  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_COMPANY_COMMENT, "COMPANY-SAYS-SOON");
  deck = scs_window_present_slides (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (deck));
  g_assert_cmpuint (scs_presentation_get_n_slides (deck), >=, 12 + 7);
  all = deck_text (deck);
  g_assert_null (strstr (all, CANARY));
  /* The walk did read the slides: the client's comments are there. */
  g_assert_nonnull (strstr (all, "EXPERT-SAYS-FIX-THIS"));
  g_assert_nonnull (strstr (all, "COMPANY-SAYS-SOON"));
  g_assert_nonnull (strstr (all, "AAA株式会社"));
  scs_ui_test_destroy (deck);
  scs_ui_test_destroy (window);
}

static void
test_options (void)
{
  ScsWindow *window = open_example ();
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsAssessment *a = failing (engagement);
  GSettings *settings = scs_application_get_settings (app);
  ScsPresentation *deck;
  g_autofree char *before = NULL, *hidden = NULL;

  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_EXPERT_COMMENT, "NOT-YET-CONFIRMED");
  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_COMPANY_COMMENT, "OWN-WORDS");
  deck = scs_window_present_slides (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (deck));
  before = deck_text (deck);
  g_assert_nonnull (strstr (before, "NOT-YET-CONFIRMED"));
  g_assert_nonnull (strstr (before, "OWN-WORDS"));

  /* Marked for follow-up: off the wall by default; company comments off by the setting. */
  scs_record_set_boolean (SCS_RECORD (a), SCS_M_ASSESSMENT_FOLLOW_UP, TRUE);
  g_settings_set_boolean (settings, "presentation-company-comments", FALSE);
  SCS_UI_TEST_WAIT_FOR (!deck_says (deck, "NOT-YET-CONFIRMED") && !deck_says (deck, "OWN-WORDS"),
                        "the slides without the follow-up verdict and the company's comment");
  hidden = deck_text (deck);
  g_assert_null (strstr (hidden, "NOT-YET-CONFIRMED"));
  g_assert_null (strstr (hidden, "OWN-WORDS"));

  /* There is no setting that brings it back: with the company's comments on again, the
   * verdict and its comment stay off every slide. */
  {
    g_autoptr(GtkWidget) shown = g_object_ref (scs_presentation_get_slide (deck));

    g_settings_set_boolean (settings, "presentation-company-comments", TRUE);
    /* The slide on show is made anew when the deck is. */
    SCS_UI_TEST_WAIT_FOR (scs_presentation_get_slide (deck) != shown, "the slides made again");
  }
  g_clear_pointer (&hidden, g_free);
  hidden = deck_text (deck);
  g_assert_null (strstr (hidden, "NOT-YET-CONFIRMED"));
  scs_ui_test_destroy (deck);
  scs_ui_test_destroy (window);
}

/* The labels of the slide on show, in order, tooltips left out. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *out)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (out, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, out);
}

static GtkWidget *
find_radar (GtkWidget *widget)
{
  if (SCS_IS_RADAR_VIEW (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_radar (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
find_slide (ScsPresentation *deck,
            ScsSlideKind     kind)
{
  for (guint i = 0; i < scs_presentation_get_n_slides (deck); i++)
    if (scs_presentation_get_kind (deck, i) == kind)
      return i;
  g_assert_not_reached ();
}

/* The wall counts what it shows: with verdicts marked for follow-up in several
 * subcategories, conforming and not, the radar and the comparison give the confirmed
 * figure of every subcategory (2-1 of the example: 50 %, not the 75 % its follow-up
 * verdict would make). */
static void
test_counted (void)
{
  ScsWindow *window = open_example ();
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsFramework *fw = scs_engagement_get_framework (engagement);
  GListModel *subs = scs_framework_get_subcategories (fw, scs_engagement_get_level (engagement));
  const char *flagged[] = { "1-2-1-1", "3-1-1-1", "4-2-2-1", "6-1-1-1" };
  ScsPresentation *deck;
  const ScsRadarData *data;
  const ScsRadarSeries *expert;
  guint differ = 0;

  for (guint i = 0; i < G_N_ELEMENTS (flagged); i++)
    scs_record_set_boolean (SCS_RECORD (scs_engagement_ensure_assessment (engagement, flagged[i])),
                            SCS_M_ASSESSMENT_FOLLOW_UP, TRUE);
  deck = scs_window_present_slides (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (deck));

  scs_presentation_go_to (deck, find_slide (deck, SCS_SLIDE_RADAR));
  scs_ui_test_flush ();
  {
    GtkWidget *view = find_radar (scs_presentation_get_slide (deck));

    g_assert_nonnull (view);
    data = scs_radar_view_get_data (SCS_RADAR_VIEW (view));
  }
  expert = g_ptr_array_index (data->series, 0);
  g_assert_cmpuint (data->axes->len, ==, g_list_model_get_n_items (subs));
  for (guint i = 0; i < g_list_model_get_n_items (subs); i++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, i);
      ScsTally confirmed, all;

      scs_engagement_tally (engagement, sub, SCS_COUNT_CONFIRMED, &confirmed);
      scs_engagement_tally (engagement, sub, SCS_COUNT_WITH_FOLLOW_UP, &all);
      if (scs_tally_get_rate (&confirmed) != scs_tally_get_rate (&all))
        differ++;
      g_assert_cmpfloat_with_epsilon (expert->values[i], scs_tally_get_rate (&confirmed), 1e-9);
    }
  /* The follow-up verdicts do move the figures, or this test would prove nothing. */
  g_assert_cmpuint (differ, >=, 3);

  scs_presentation_go_to (deck, find_slide (deck, SCS_SLIDE_COMPARISON));
  scs_ui_test_flush ();
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

    collect_labels (scs_presentation_get_slide (deck), labels);
    for (guint i = 0; i < g_list_model_get_n_items (subs); i++)
      {
        g_autoptr(ScsNode) sub = g_list_model_get_item (subs, i);
        g_autofree char *name = g_strdup_printf ("%s %s", scs_node_get_id (sub), scs_node_get_title (sub));
        g_autofree char *rate = NULL;
        ScsTally confirmed;
        guint at;

        scs_engagement_tally (engagement, sub, SCS_COUNT_CONFIRMED, &confirmed);
        rate = g_strdup_printf ("%.0f%%", scs_tally_get_rate (&confirmed) * 100);
        g_assert_true (g_ptr_array_find_with_equal_func (labels, name, g_str_equal, &at));
        g_assert_cmpuint (at + 2, <, labels->len);
        g_assert_cmpstr (g_ptr_array_index (labels, at + 2), ==, rate);
        /* 2-1: two of its four criteria conform once 2-1-1-1's unconfirmed verdict counts
         * as none (the 67 % is two of the three confirmed verdicts; a criterion
         * with no verdict counts against the rate, as everywhere). */
        if (g_str_equal (scs_node_get_id (sub), "2-1"))
          g_assert_cmpstr (rate, ==, "50%");
      }
  }
  scs_ui_test_destroy (deck);
  scs_ui_test_destroy (window);
}

static void
press (ScsPresentation *deck,
       guint            keyval)
{
  g_assert_true (scs_presentation_handle_key (deck, keyval, 0));
  scs_ui_test_flush ();
}

static void
test_keys (void)
{
  ScsWindow *window = open_example ();
  ScsPresentation *deck = scs_window_present_slides (window);
  guint last;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (deck));
  last = scs_presentation_get_n_slides (deck) - 1;
  g_assert_cmpuint (scs_presentation_get_current (deck), ==, 0);
  g_assert_cmpint (scs_presentation_get_kind (deck, 0), ==, SCS_SLIDE_TITLE);
  press (deck, GDK_KEY_Right);
  press (deck, GDK_KEY_Page_Down);
  press (deck, GDK_KEY_space);
  g_assert_cmpuint (scs_presentation_get_current (deck), ==, 3);
  press (deck, GDK_KEY_Left);
  press (deck, GDK_KEY_Page_Up);
  g_assert_cmpuint (scs_presentation_get_current (deck), ==, 1);
  press (deck, GDK_KEY_End);
  g_assert_cmpuint (scs_presentation_get_current (deck), ==, last);
  press (deck, GDK_KEY_Right);
  g_assert_cmpuint (scs_presentation_get_current (deck), ==, last);
  press (deck, GDK_KEY_Home);
  g_assert_cmpuint (scs_presentation_get_current (deck), ==, 0);
  /* A number, then Enter. */
  press (deck, GDK_KEY_1);
  press (deck, GDK_KEY_2);
  g_assert_cmpuint (scs_presentation_get_current (deck), ==, 0);
  press (deck, GDK_KEY_Return);
  g_assert_cmpuint (scs_presentation_get_current (deck), ==, 11);
  g_assert_cmpint (scs_presentation_get_kind (deck, 11), ==, SCS_SLIDE_SUBCATEGORY);
  /* Blank and back. */
  press (deck, GDK_KEY_b);
  g_assert_true (scs_presentation_is_blank (deck));
  press (deck, GDK_KEY_b);
  g_assert_false (scs_presentation_is_blank (deck));
  press (deck, GDK_KEY_b);
  press (deck, GDK_KEY_Escape);
  g_assert_false (scs_presentation_is_blank (deck));
  /* The overview, and a slide picked from it. */
  press (deck, GDK_KEY_g);
  g_assert_true (scs_presentation_is_overview (deck));
  press (deck, GDK_KEY_Escape);
  g_assert_false (scs_presentation_is_overview (deck));
  g_assert_cmpuint (scs_presentation_get_current (deck), ==, 11);
  /* Type size: larger and smaller, kept in the settings. */
  {
    double size = scs_presentation_get_font_size (deck);

    press (deck, GDK_KEY_plus);
    g_assert_cmpfloat (scs_presentation_get_font_size (deck), >, size * 1.05);
    press (deck, GDK_KEY_minus);
    g_assert_cmpfloat_with_epsilon (scs_presentation_get_font_size (deck), size, 0.01);
  }
  /* Esc leaves. */
  g_object_add_weak_pointer (G_OBJECT (deck), (gpointer *) &deck);
  press (deck, GDK_KEY_Escape);
  SCS_UI_TEST_WAIT_FOR (deck == NULL, "the slides to close");
  g_assert_null (deck);
  scs_ui_test_destroy (window);
}

/* Type sized for the back of the room: at 1080 lines, no text under 24 px. */
static void
test_type_size (void)
{
  ScsWindow *window = open_example ();
  ScsPresentation *deck = scs_window_present_slides (window);
  GdkMonitor *monitor = scs_presentation_pick_monitor (GTK_WINDOW (window));
  GdkRectangle geometry;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (deck));
  gdk_monitor_get_geometry (monitor, &geometry);
  /* The smallest text is 0.8 of the body size. */
  g_assert_cmpfloat (scs_presentation_get_font_size (deck) * 0.8, >=, 24.0 * geometry.height / 1080.0);
  scs_ui_test_destroy (deck);
  scs_ui_test_destroy (window);
}

/* The size a label's text is drawn at, in pixels. */
static double
label_pixels (GtkWidget *label)
{
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (label));
  double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

  return pango_font_description_get_size_is_absolute (font) ? size : size * 96.0 / 72.0;
}

/* The smallest text under widget: labels, and the radar's texts as last drawn. */
static double
smallest_text (GtkWidget *widget)
{
  double smallest = G_MAXDOUBLE;

  if (!gtk_widget_get_visible (widget))
    return smallest;
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    smallest = label_pixels (widget);
  if (SCS_IS_RADAR_VIEW (widget))
    {
      const ScsRadarLayout *layout;

      SCS_UI_TEST_WAIT_FOR ((layout = scs_radar_view_get_layout (SCS_RADAR_VIEW (widget))) != NULL,
                            "the radar drawn");
      smallest = MIN (smallest, layout->font_size);
      for (guint i = 0; i < layout->label_layouts->len; i++)
        {
          const PangoFontDescription *font = pango_layout_get_font_description (g_ptr_array_index (layout->label_layouts, i));

          smallest = MIN (smallest, pango_font_description_get_size (font) / (double) PANGO_SCALE);
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    smallest = MIN (smallest, smallest_text (c));
  return smallest;
}

/* The README's promise: no text under 24 px on any slide, on an old 1024×768 projector as
 * on a 1080-line one (the radar's labels were 12–14 px). */
static void
test_smallest_text (void)
{
  static const int heights[] = { 768, 1080 };
  ScsWindow *window = open_example ();
  ScsPresentation *deck = scs_window_present_slides (window);

  for (guint h = 0; h < G_N_ELEMENTS (heights); h++)
    {
      scs_presentation_size_for (deck, heights[h]);
      for (guint i = 0; i < scs_presentation_get_n_slides (deck); i++)
        {
          GtkWidget *slide;
          double smallest;

          scs_presentation_go_to (deck, i);
          gtk_test_widget_wait_for_draw (GTK_WIDGET (deck));
          scs_ui_test_flush ();
          slide = scs_presentation_get_slide (deck);
          smallest = smallest_text (slide);
          if (smallest < SCS_SLIDE_MIN_TEXT_PX - 0.01)
            g_test_fail_printf ("slide %u (kind %d) at %d lines has text of %g px", i,
                                scs_presentation_get_kind (deck, i), heights[h], smallest);
        }
    }
  scs_ui_test_destroy (deck);
  scs_ui_test_destroy (window);
}

/* An edit in the main window is on the wall at once. */
static void
test_live (void)
{
  ScsWindow *window = open_example ();
  ScsEngagement *engagement = scs_window_get_engagement (window);
  ScsAssessment *a = failing (engagement);
  ScsNode *criterion = scs_ui_test_node (window, scs_assessment_get_criterion (a));
  ScsNode *sub = scs_node_get_ancestor (criterion, SCS_NODE_SUBCATEGORY);
  ScsPresentation *deck = scs_window_present_slides (window);
  g_autoptr(GString) text = g_string_new ("");
  guint index = G_MAXUINT;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (deck));
  for (guint i = 0; i < scs_presentation_get_n_slides (deck); i++)
    {
      g_autoptr(GString) t = g_string_new ("");

      scs_presentation_go_to (deck, i);
      collect (scs_presentation_get_slide (deck), t);
      if (scs_presentation_get_kind (deck, i) == SCS_SLIDE_SUBCATEGORY
          && strstr (t->str, scs_node_get_title (sub)) != NULL)
        index = i;
    }
  g_assert_cmpuint (index, !=, G_MAXUINT);
  scs_presentation_go_to (deck, index);
  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_EXPERT_COMMENT, "SAID-DURING-THE-MEETING");
  SCS_UI_TEST_WAIT_FOR (slide_says (deck, "SAID-DURING-THE-MEETING"), "the slide with the new comment");
  g_assert_cmpuint (scs_presentation_get_current (deck), ==, index);
  collect (scs_presentation_get_slide (deck), text);
  g_assert_nonnull (strstr (text->str, "SAID-DURING-THE-MEETING"));
  scs_ui_test_destroy (deck);
  scs_ui_test_destroy (window);
}

static void
test_fullscreen (void)
{
  ScsWindow *window = open_example ();
  ScsPresentation *deck = scs_window_present_slides (window);

  GdkMonitor *monitor = scs_presentation_pick_monitor (GTK_WINDOW (window));
  GdkRectangle geometry;

  /* Covering the whole monitor is what the window manager does for fullscreen; without
   * one the window keeps its 800×600. */
  gdk_monitor_get_geometry (monitor, &geometry);
  GdkSurface *surface;

  SCS_UI_TEST_WAIT_FOR ((surface = gtk_native_get_surface (GTK_NATIVE (deck))) != NULL &&
                        gdk_surface_get_width (surface) == geometry.width,
                        "the slides to cover the monitor");
  surface = gtk_native_get_surface (GTK_NATIVE (deck));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (deck)));
  g_assert_cmpint (gdk_surface_get_width (surface), ==, geometry.width);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, geometry.height);
  /* The main window is not covered for good: leaving brings it back. */
  gtk_window_close (GTK_WINDOW (deck));
  SCS_UI_TEST_WAIT_FOR (gtk_widget_get_visible (GTK_WIDGET (window)), "the main window back");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  scs_ui_test_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  app = scs_ui_test_init (&argc, &argv);
  g_test_add_func ("/presentation/no-internal-note", test_no_internal_note);
  g_test_add_func ("/presentation/options", test_options);
  g_test_add_func ("/presentation/counted", test_counted);
  g_test_add_func ("/presentation/keys", test_keys);
  g_test_add_func ("/presentation/type-size", test_type_size);
  g_test_add_func ("/presentation/smallest-text", test_smallest_text);
  g_test_add_func ("/presentation/live", test_live);
  if (g_getenv ("SCS_TEST_WM") != NULL)
    g_test_add_func ("/presentation/fullscreen", test_fullscreen);
  return g_test_run ();
}
