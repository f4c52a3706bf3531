/* scs-test.c — helpers shared by the unit tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <locale.h>

#include "scs-test.h"

void
scs_test_init (int    *argc,
               char ***argv)
{
  /* Messages are checked in English; the Japanese ones are checked by the CLI test. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

ScsCatalog *
scs_test_catalog (void)
{
  ScsCatalog *catalog = scs_catalog_new ();

  scs_catalog_add_builtin (catalog);
  g_assert_cmpuint (scs_catalog_get_errors (catalog)->len, ==, 0);
  return catalog;
}

char *
scs_test_data_path (const char *name)
{
  return g_build_filename (g_getenv ("SCS_TEST_DATA"), name, NULL);
}

ScsEngagement *
scs_test_load (ScsCatalog *catalog,
               const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ScsEngagement *engagement = scs_storage_load (catalog, file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (engagement);
  return engagement;
}

char *
scs_test_sha256_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &data, &size, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
}

void
scs_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        scs_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_case_free (gpointer data)
{
  ScsTestCase *c = data;

  g_free (c->name);
  g_free (c->path);
  g_free (c->message);
  g_free (c);
}

GPtrArray *
scs_test_read_cases (const char *folder)
{
  g_autofree char *dir = scs_test_data_path (folder);
  g_autofree char *index_path = g_build_filename (dir, "EXPECTED.tsv", NULL);
  g_autofree char *index = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (test_case_free);

  g_assert_true (g_file_get_contents (index_path, &index, NULL, NULL));
  lines = g_strsplit (index, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      ScsTestCase *c;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", 2);
      g_assert_nonnull (cols[1]);
      c = g_new0 (ScsTestCase, 1);
      c->name = g_strdup (cols[0]);
      c->path = g_build_filename (dir, cols[0], NULL);
      c->message = g_strdup (cols[1]);
      g_ptr_array_add (cases, c);
    }
  return cases;
}

static void
plant (GPtrArray  *markers,
       ScsRecord  *record,
       const char *member,
       const char *kind,
       const char *where)
{
  char *marker = g_strdup_printf ("MARK-%s-%s", kind, where);

  scs_record_set_string (record, member, marker);
  g_ptr_array_add (markers, marker);
}

/* A verdict of the engagement's own scale (so that the file still saves and opens):
 * 0 conforming, 1 needing improvement, 2 not applicable. */
static const char *
verdict_of_kind (ScsEngagement *engagement,
                 guint          kind)
{
  const ScsScale *scale = scs_engagement_get_verdict_scale (engagement);

  for (guint i = 0; i < scale->values->len; i++)
    {
      const ScsScaleValue *v = g_ptr_array_index (scale->values, i);

      if ((kind == 0 && v->conforming) || (kind == 2 && v->not_applicable) ||
          (kind == 1 && !v->conforming && !v->not_applicable))
        return v->id;
    }
  g_assert_not_reached ();
}

GPtrArray *
scs_test_plant_expert_markers (ScsEngagement *engagement)
{
  GPtrArray *markers = g_ptr_array_new_with_free_func (g_free);
  GListModel *assessments = scs_engagement_get_assessments (engagement);
  GListModel *visits = scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_VISITS);
  GListModel *csm = scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_CSM_CHECK);
  GListModel *subcategories = NULL;
  ScsFramework *fw = scs_engagement_get_framework (engagement);
  GListModel *categories = scs_framework_get_categories (fw, scs_engagement_get_level (engagement));
  static const char * const follow_up[] = { "1-1-1-1", "2-1-1-1", "4-3-4-2" };
  /* The sheet prints the documents and files cited, the place and who was interviewed:
   * only the expert's notes and what was checked stay with the expert. */
  static const char * const evidence[] = { SCS_M_PROCEDURE_NOTES, SCS_M_PROCEDURE_CHECKED };

  /* Follow-up verdicts of every kind: conforming, needing improvement, not applicable. */
  for (guint i = 0; i < G_N_ELEMENTS (follow_up); i++)
    {
      ScsRecord *a = SCS_RECORD (scs_engagement_ensure_assessment (engagement, follow_up[i]));

      scs_record_set_string (a, SCS_M_ASSESSMENT_VERDICT, verdict_of_kind (engagement, i));
      scs_record_set_boolean (a, SCS_M_ASSESSMENT_FOLLOW_UP, TRUE);
      plant (markers, a, SCS_M_ASSESSMENT_EXPERT_COMMENT, "FOLLOWUP", follow_up[i]);
    }

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (assessments, i);
      const char *id = scs_assessment_get_criterion (a);

      plant (markers, SCS_RECORD (a), SCS_M_ASSESSMENT_INTERNAL_NOTE, "INTERNAL", id);
      for (guint p = 0; p < SCS_N_PROCEDURES; p++)
        {
          ScsRecord *procedure = SCS_RECORD (scs_assessment_get_procedure (a, p));
          g_autofree char *where = g_strdup_printf ("%s-%s", id, scs_procedure_names[p]);

          for (guint e = 0; e < G_N_ELEMENTS (evidence); e++)
            {
              g_autofree char *kind = g_ascii_strup (evidence[e], -1);

              plant (markers, procedure, evidence[e], kind, where);
            }
        }
    }

  for (guint c = 0; categories != NULL && c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(ScsNode) category = g_list_model_get_item (categories, c);

      subcategories = scs_node_get_children (category);
      for (guint s = 0; s < g_list_model_get_n_items (subcategories); s++)
        {
          g_autoptr(ScsNode) sub = g_list_model_get_item (subcategories, s);
          ScsRecord *m = SCS_RECORD (scs_engagement_ensure_maturity (engagement,
                                                                     scs_node_get_id (sub)));

          plant (markers, m, SCS_M_MATURITY_NOTE, "MATURITY", scs_node_get_id (sub));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(ScsRecord) visit = g_list_model_get_item (visits, i);
      g_autofree char *where = g_strdup_printf ("%u", i + 1);

      plant (markers, visit, SCS_M_VISIT_NOTES, "VISIT", where);
    }

  /* The CSM Guidelines check sheet is the expert's: every note of it, and one at least. */
  scs_engagement_ensure_checklist_answer (engagement, "csm_check", "1-1");
  for (guint i = 0; i < g_list_model_get_n_items (csm); i++)
    {
      g_autoptr(ScsRecord) answer = g_list_model_get_item (csm, i);

      plant (markers, answer, SCS_M_CHECKLIST_ANSWER_NOTE, "CSM", scs_record_get_string (answer, SCS_M_CHECKLIST_ANSWER_ITEM));
    }
  return markers;
}
