/* test-company-copy.c — what the company's copy of an engagement holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "scs-test.h"

static ScsEngagement *
load_example (ScsCatalog *catalog)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_TEST_DATA"), "..", "..", "data",
                                            "samples", "example-aaa.scsa", NULL);

  return scs_test_load (catalog, path);
}

static char *
serialize (ScsEngagement *e)
{
  g_autoptr(GBytes) bytes = scs_storage_serialize (e);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_no_marker (const char *text,
                  GPtrArray  *markers)
{
  for (guint i = 0; i < markers->len; i++)
    if (strstr (text, g_ptr_array_index (markers, i)) != NULL)
      g_error ("the company copy holds %s", (char *) g_ptr_array_index (markers, i));
}

static ScsEngagement *
round_trip (ScsCatalog    *catalog,
            ScsEngagement *e)
{
  g_autoptr(GBytes) bytes = scs_storage_serialize (e);
  g_autoptr(GError) error = NULL;
  ScsEngagement *loaded = scs_storage_load_bytes (catalog, bytes, NULL, &error);

  g_assert_no_error (error);
  return loaded;
}

/* With every expert-only field marked, neither copy (with or without the verdicts and
 * plan) holds a marker, nor does the file it saves to. */
static void
test_no_expert_data (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) source = load_example (catalog);
  g_autoptr(GPtrArray) markers = scs_test_plant_expert_markers (source);
  g_autofree char *original = serialize (source);

  g_assert_cmpuint (markers->len, >, 300);
  /* The markers are there to be found: the expert's file holds every one. */
  for (guint i = 0; i < markers->len; i++)
    g_assert_nonnull (strstr (original, g_ptr_array_index (markers, i)));

  for (int plan = 0; plan <= 1; plan++)
    for (int verdicts = 0; verdicts <= 1; verdicts++)
      {
        ScsCompanyCopyOptions options = { plan, verdicts };
        g_autoptr(GError) error = NULL;
        g_autoptr(ScsEngagement) copy = scs_company_copy_new (source, &options, &error);
        g_autoptr(ScsEngagement) reloaded = NULL;
        g_autofree char *text = NULL;
        g_autofree char *again = NULL;

        g_assert_no_error (error);
        text = serialize (copy);
        assert_no_marker (text, markers);
        reloaded = round_trip (catalog, copy);
        g_assert_true (scs_engagement_is_company_copy (reloaded));
        again = serialize (reloaded);
        g_assert_cmpstr (text, ==, again);
      }
}

/* What the copy does hold: the company's answers everywhere; the confirmed verdicts with
 * their comments only when asked, never one marked for follow-up; the agreed plan only
 * when asked; visits without their notes. */
static void
test_contents (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) source = load_example (catalog);
  ScsCompanyCopyOptions bare = { FALSE, FALSE };
  ScsCompanyCopyOptions full = { TRUE, TRUE };
  g_autoptr(ScsEngagement) a = scs_company_copy_new (source, &bare, NULL);
  g_autoptr(ScsEngagement) b = scs_company_copy_new (source, &full, NULL);
  GListModel *assessments = scs_engagement_get_assessments (source);
  guint n_confirmed = 0, n_follow_up = 0;
  GListModel *visits_source = scs_record_get_list (SCS_RECORD (source), SCS_M_ENGAGEMENT_VISITS);
  GListModel *visits_copy = scs_record_get_list (SCS_RECORD (a), SCS_M_ENGAGEMENT_VISITS);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(ScsAssessment) s = g_list_model_get_item (assessments, i);
      const char *id = scs_assessment_get_criterion (s);
      ScsAssessment *in_a = scs_engagement_get_assessment (a, id);
      ScsAssessment *in_b = scs_engagement_get_assessment (b, id);

      if (scs_assessment_get_company_status (s)[0] != '\0')
        {
          g_assert_nonnull (in_a);
          g_assert_cmpstr (scs_assessment_get_company_status (in_a), ==,
                           scs_assessment_get_company_status (s));
          g_assert_cmpstr (scs_record_get_string (SCS_RECORD (in_a), SCS_M_ASSESSMENT_COMPANY_COMMENT), ==,
                           scs_record_get_string (SCS_RECORD (s), SCS_M_ASSESSMENT_COMPANY_COMMENT));
        }
      if (in_a != NULL)
        {
          g_assert_cmpstr (scs_assessment_get_verdict (in_a), ==, "");
          g_assert_cmpstr (scs_assessment_get_expert_comment (in_a), ==, "");
        }
      if (scs_assessment_is_confirmed (s))
        {
          n_confirmed++;
          g_assert_nonnull (in_b);
          g_assert_cmpstr (scs_assessment_get_verdict (in_b), ==, scs_assessment_get_verdict (s));
          g_assert_cmpstr (scs_assessment_get_expert_comment (in_b), ==,
                           scs_assessment_get_expert_comment (s));
          for (guint p = 0; p < SCS_N_PROCEDURES; p++)
            g_assert_cmpint (scs_record_get_boolean (SCS_RECORD (scs_assessment_get_procedure (in_b, p)), SCS_M_PROCEDURE_PERFORMED),
                             ==,
                             scs_record_get_boolean (SCS_RECORD (scs_assessment_get_procedure (s, p)), SCS_M_PROCEDURE_PERFORMED));
        }
      else if (scs_assessment_get_verdict (s)[0] != '\0')
        {
          n_follow_up++;
          g_assert_true (in_b == NULL || scs_assessment_get_verdict (in_b)[0] == '\0');
          g_assert_true (in_b == NULL || scs_assessment_get_expert_comment (in_b)[0] == '\0');
        }
      if (in_b != NULL)
        g_assert_false (scs_record_get_boolean (SCS_RECORD (in_b), SCS_M_ASSESSMENT_FOLLOW_UP));
    }
  g_assert_cmpuint (n_confirmed, >, 50);
  g_assert_cmpuint (n_follow_up, ==, 2);

  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (a)), SCS_M_PLAN_ITEMS)), ==, 0);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (scs_engagement_get_plan (a)), SCS_M_PLAN_SUMMARY), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (b)), SCS_M_PLAN_ITEMS)), ==,
                    g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (source)), SCS_M_PLAN_ITEMS)));

  g_assert_cmpuint (g_list_model_get_n_items (visits_copy), ==, g_list_model_get_n_items (visits_source));
  for (guint i = 0; i < g_list_model_get_n_items (visits_copy); i++)
    {
      g_autoptr(ScsRecord) vs = g_list_model_get_item (visits_source, i);
      g_autoptr(ScsRecord) vc = g_list_model_get_item (visits_copy, i);

      g_assert_cmpstr (scs_record_get_string (vc, SCS_M_VISIT_DATE), ==, scs_record_get_string (vs, SCS_M_VISIT_DATE));
      g_assert_cmpstr (scs_record_get_string (vc, SCS_M_VISIT_DONE), ==, scs_record_get_string (vs, SCS_M_VISIT_DONE));
      g_assert_cmpstr (scs_record_get_string (vc, SCS_M_VISIT_NOTES), ==, "");
    }

  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (scs_engagement_get_company (a)), SCS_M_COMPANY_NAME), ==,
                   scs_record_get_string (SCS_RECORD (scs_engagement_get_company (source)), SCS_M_COMPANY_NAME));
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (a), SCS_M_ENGAGEMENT_DOCUMENTS)), ==,
                    g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (source), SCS_M_ENGAGEMENT_DOCUMENTS)));
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (a), SCS_M_ENGAGEMENT_MATURITY)), ==, 0);
  g_assert_cmpint (scs_engagement_get_level (a), ==, scs_engagement_get_level (source));
}

/* The copy says where it came from; a copy of it keeps that and holds no more. */
static void
test_origin (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) source = load_example (catalog);
  g_autoptr(ScsEngagement) other = load_example (catalog);
  g_autoptr(ScsEngagement) fresh = scs_engagement_new (scs_engagement_get_framework (source), 3);
  ScsCompanyCopyOptions bare = { FALSE, FALSE };
  ScsCompanyCopyOptions full = { TRUE, TRUE };
  g_autoptr(ScsEngagement) copy = scs_company_copy_new (source, &bare, NULL);
  g_autoptr(ScsEngagement) of_fresh = scs_company_copy_new (fresh, &bare, NULL);
  g_autoptr(ScsEngagement) copy_of_copy = scs_company_copy_new (copy, &full, NULL);
  ScsRecord *origin = SCS_RECORD (scs_engagement_get_copy_origin (copy));

  g_assert_false (scs_engagement_is_company_copy (source));
  g_assert_true (scs_engagement_is_company_copy (copy));
  g_assert_cmpstr (scs_record_get_string (origin, SCS_M_COPY_ORIGIN_SOURCE_COMPANY), ==, "AAA株式会社");
  g_assert_cmpstr (scs_record_get_string (origin, SCS_M_COPY_ORIGIN_SOURCE_CREATED), ==,
                   scs_record_get_string (SCS_RECORD (source), SCS_M_ENGAGEMENT_CREATED));
  g_assert_cmpstr (scs_record_get_string (origin, SCS_M_COPY_ORIGIN_MADE), !=, "");

  /* The example predates ids: its creation time tells it apart. */
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (source), SCS_M_ENGAGEMENT_ID), ==, "");
  g_assert_true (scs_company_copy_is_from (copy, source));
  scs_record_set_string (SCS_RECORD (other), SCS_M_ENGAGEMENT_CREATED, "2026-01-05T00:00:00Z");
  g_assert_false (scs_company_copy_is_from (copy, other));

  /* New engagements have a random id, which the copy names. */
  g_assert_cmpuint (strlen (scs_record_get_string (SCS_RECORD (fresh), SCS_M_ENGAGEMENT_ID)), ==, 36);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (scs_engagement_get_copy_origin (of_fresh)), SCS_M_COPY_ORIGIN_SOURCE), ==,
                   scs_record_get_string (SCS_RECORD (fresh), SCS_M_ENGAGEMENT_ID));
  g_assert_true (scs_company_copy_is_from (of_fresh, fresh));
  g_assert_false (scs_company_copy_is_from (of_fresh, source));

  /* A copy of a copy: same origin, and asking for more than the first held gives nothing. */
  g_assert_true (scs_company_copy_is_from (copy_of_copy, source));
  g_assert_false (scs_record_get_boolean (SCS_RECORD (scs_engagement_get_copy_origin (copy_of_copy)), SCS_M_COPY_ORIGIN_VERDICTS));
  for (guint i = 0; i < g_list_model_get_n_items (scs_engagement_get_assessments (copy_of_copy)); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (scs_engagement_get_assessments (copy_of_copy), i);

      g_assert_cmpstr (scs_assessment_get_verdict (a), ==, "");
    }
  g_assert_cmpuint (g_list_model_get_n_items (scs_engagement_get_assessments (copy_of_copy)), ==,
                    g_list_model_get_n_items (scs_engagement_get_assessments (copy)));

  /* The expert's own file saves without the new members while it has no id. */
  {
    g_autofree char *text = serialize (source);

    g_assert_null (strstr (text, "\"id\" : \"\""));
    g_assert_null (strstr (text, "company_copy"));
  }
}

/* A plan is only shared once agreed. */
static void
test_draft_plan (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) source = load_example (catalog);
  ScsCompanyCopyOptions with_plan = { TRUE, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsEngagement) copy = NULL;

  scs_record_set_string (SCS_RECORD (scs_engagement_get_plan (source)), SCS_M_PLAN_AGREED_DATE, "");
  scs_record_set_string (SCS_RECORD (scs_engagement_get_plan (source)), SCS_M_PLAN_SUMMARY, "MARK-DRAFT");
  copy = scs_company_copy_new (source, &with_plan, &error);
  g_assert_null (copy);
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_NOT_WRITTEN);
  g_assert_nonnull (strstr (error->message, "agreed"));
}

/* A verdict the expert no longer sees — kept for a criterion the level hides (★4-only at ★3)
 * or one the scale in use has no word for (再確認 on the assessment scale) — is not given
 * with the verdicts either. */
static void
test_hidden_verdicts (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) source = load_example (catalog);
  ScsCompanyCopyOptions verdicts = { FALSE, TRUE };
  ScsRecord *hidden, *foreign, *shown;
  g_autoptr(ScsEngagement) copy = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (scs_engagement_get_level (source), ==, SCS_LEVEL_3);
  g_assert_null (scs_framework_lookup (scs_engagement_get_framework (source), SCS_LEVEL_3, "1-1-1-1"));
  hidden = SCS_RECORD (scs_engagement_ensure_assessment (source, "1-1-1-1"));
  scs_record_set_string (hidden, SCS_M_ASSESSMENT_VERDICT, "conforms");
  scs_record_set_string (hidden, SCS_M_ASSESSMENT_EXPERT_COMMENT, "HIDDEN-AT-LEVEL-3");
  foreign = SCS_RECORD (scs_engagement_ensure_assessment (source, "1-2-1-2"));
  scs_record_set_string (foreign, SCS_M_ASSESSMENT_VERDICT, "recheck");
  scs_record_set_string (foreign, SCS_M_ASSESSMENT_EXPERT_COMMENT, "NOT-ON-THIS-SCALE");
  shown = SCS_RECORD (scs_engagement_ensure_assessment (source, "1-2-1-3"));
  scs_record_set_string (shown, SCS_M_ASSESSMENT_EXPERT_COMMENT, "SHOWN-VERDICT");

  copy = scs_company_copy_new (source, &verdicts, NULL);
  g_assert_nonnull (copy);
  text = serialize (copy);
  g_assert_null (strstr (text, "HIDDEN-AT-LEVEL-3"));
  g_assert_null (strstr (text, "NOT-ON-THIS-SCALE"));
  /* ... while a verdict the expert sees still goes. */
  g_assert_nonnull (strstr (text, "SHOWN-VERDICT"));
}

int
main (int   argc,
      char *argv[])
{
  scs_test_init (&argc, &argv);

  g_test_add_func ("/company-copy/no-expert-data", test_no_expert_data);
  g_test_add_func ("/company-copy/contents", test_contents);
  g_test_add_func ("/company-copy/origin", test_origin);
  g_test_add_func ("/company-copy/draft-plan", test_draft_plan);
  g_test_add_func ("/company-copy/hidden-verdicts", test_hidden_verdicts);
  return g_test_run ();
}
