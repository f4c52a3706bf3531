/* test-framework.c — the shipped frameworks against the reference data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* symlink, mkfifo, alarm */
#define _GNU_SOURCE

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>
#include <sys/stat.h>

#include "scs-core.h"
#include "scs-test.h"

/* A TSV file of data/frameworks/sources as rows of named columns. */
typedef struct {
  GPtrArray *header;  /* char* */
  GPtrArray *rows;    /* GStrv */
} Tsv;

static void
tsv_free (Tsv *tsv)
{
  g_ptr_array_unref (tsv->header);
  g_ptr_array_unref (tsv->rows);
  g_free (tsv);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Tsv, tsv_free)

static Tsv *
tsv_read (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_REFERENCE_DIR"), name, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  Tsv *tsv = g_new0 (Tsv, 1);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  tsv->header = g_ptr_array_new_with_free_func (g_free);
  tsv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      if (tsv->header->len == 0)
        {
          g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);

          for (guint c = 0; cols[c] != NULL; c++)
            g_ptr_array_add (tsv->header, g_strdup (cols[c]));
          continue;
        }
      g_ptr_array_add (tsv->rows, g_strsplit (lines[i], "\t", -1));
    }
  return tsv;
}

static const char *
tsv_get (Tsv        *tsv,
         guint       row,
         const char *column)
{
  char **cells = g_ptr_array_index (tsv->rows, row);

  for (guint c = 0; c < tsv->header->len; c++)
    if (g_str_equal (g_ptr_array_index (tsv->header, c), column))
      {
        g_assert_cmpuint (c, <, g_strv_length (cells));
        return cells[c];
      }
  g_error ("no column %s", column);
}

/* The reference writes line breaks as the two characters \n; the app holds real ones.
 * Writing them back must give the reference bytes exactly. */
static char *
escape_breaks (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_string_replace (s, "\n", "\\n", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static ScsFramework *
official (ScsCatalog *catalog)
{
  ScsFramework *fw = scs_catalog_lookup (catalog, "scs", "2026-03-27");

  g_assert_nonnull (fw);
  return fw;
}

static void
test_builtin_catalog (void)
{
  g_autoptr(ScsCatalog) catalog = scs_catalog_new ();
  ScsFramework *latest;

  scs_catalog_add_builtin (catalog);
  g_assert_cmpuint (scs_catalog_get_errors (catalog)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (scs_catalog_get_frameworks (catalog)), ==, 4);
  g_assert_nonnull (scs_catalog_lookup (catalog, "scs", "2025-12"));
  g_assert_nonnull (scs_catalog_get_latest (catalog, "five-minute-diagnosis"));
  g_assert_nonnull (scs_catalog_get_latest (catalog, "csm-guidelines-v2"));

  latest = scs_catalog_get_latest (catalog, "scs");
  g_assert_cmpstr (scs_framework_get_edition (latest), ==, "2026-03-27");
  g_assert_true (scs_framework_is_official (latest));
  g_assert_cmpstr (scs_framework_get_source_sha256 (latest), ==,
                   "d4c27aa4bfed5521a98ff9ce8c042743e4204e4b8310ceb3df0c54eabfdc8dd1");
  g_assert_cmpstr (scs_framework_get_status (scs_catalog_lookup (catalog, "scs", "2025-12")),
                   ==, "draft");
}

static void
test_counts (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  ScsFramework *fw = official (catalog);
  static const char * const star3_axes[] = {
    "1-2", "1-3", "2-1", "3-1", "4-1", "4-2", "4-3", "4-4", "4-5", "5-1", "6-1", "7-1", NULL
  };
  static const char * const csf[] = { "GV", "GV", "ID", "PR", "DE", "RS", "RC" };
  GListModel *subs3;

  g_assert_cmpuint (g_list_model_get_n_items (scs_framework_get_categories (fw, 4)), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (scs_framework_get_subcategories (fw, 4)), ==, 16);
  g_assert_cmpuint (g_list_model_get_n_items (scs_framework_get_requirements (fw, 4)), ==, 43);
  g_assert_cmpuint (g_list_model_get_n_items (scs_framework_get_assessables (fw, 4)), ==, 153);

  g_assert_cmpuint (g_list_model_get_n_items (scs_framework_get_categories (fw, 3)), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (scs_framework_get_subcategories (fw, 3)), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (scs_framework_get_requirements (fw, 3)), ==, 26);
  g_assert_cmpuint (g_list_model_get_n_items (scs_framework_get_assessables (fw, 3)), ==, 81);

  subs3 = scs_framework_get_subcategories (fw, 3);
  for (guint i = 0; star3_axes[i] != NULL; i++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs3, i);

      g_assert_cmpstr (scs_node_get_id (sub), ==, star3_axes[i]);
    }

  /* ★3 ids are sparse: 1-2-2 and 4-2-1 exist only at ★4. */
  g_assert_null (scs_framework_lookup (fw, 3, "1-2-2"));
  g_assert_null (scs_framework_lookup (fw, 3, "4-2-1"));
  g_assert_nonnull (scs_framework_lookup (fw, 4, "1-2-2"));
  g_assert_nonnull (scs_framework_lookup (fw, 3, "4-2-2"));

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(ScsNode) cat = g_list_model_get_item (scs_framework_get_categories (fw, 4), i);

      g_assert_cmpstr (scs_node_get_csf_function (cat), ==, csf[i]);
      g_assert_cmpstr (scs_node_get_title_en (cat), !=, "");
    }

  /* The ★3 tree holds no ★4-only criterion, and each node knows its parents. */
  g_assert_null (scs_framework_lookup (fw, 3, "1-2-1-4"));
  g_assert_cmpint (scs_node_get_level (scs_framework_lookup (fw, 4, "1-2-1-4")), ==, 4);
  {
    ScsNode *c = scs_framework_lookup (fw, 3, "1-2-1-3");

    g_assert_nonnull (c);
    g_assert_cmpint (scs_node_get_level (c), ==, 3);
    g_assert_cmpstr (scs_node_get_id (scs_node_get_ancestor (c, SCS_NODE_SUBCATEGORY)), ==, "1-2");
    g_assert_cmpstr (scs_node_get_id (scs_node_get_ancestor (c, SCS_NODE_CATEGORY)), ==, "1");
  }
}

static void
test_texts_match_reference (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  ScsFramework *fw = official (catalog);
  g_autoptr(Tsv) tsv = tsv_read ("scs-2026-03-27-criteria.tsv");
  g_autoptr(Tsv) star3 = tsv_read ("scs-star3-2026-03-27.tsv");
  GListModel *all = scs_framework_get_assessables (fw, 4);

  g_assert_cmpuint (tsv->rows->len, ==, 153);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, tsv->rows->len);

  for (guint i = 0; i < tsv->rows->len; i++)
    {
      g_autoptr(ScsNode) crit = g_list_model_get_item (all, i);
      ScsNode *req = scs_node_get_parent (crit);
      ScsNode *sub = scs_node_get_parent (req);
      ScsNode *cat = scs_node_get_parent (sub);
      g_autofree char *crit_text = escape_breaks (scs_node_get_text (crit));
      g_autofree char *req_text = escape_breaks (scs_node_get_text (req));
      int level = g_str_equal (tsv_get (tsv, i, "level"), "★3") ? 3 : 4;

      /* Same order, same ids, same bytes. */
      g_assert_cmpstr (scs_node_get_id (crit), ==, tsv_get (tsv, i, "criterion_id"));
      g_assert_cmpstr (crit_text, ==, tsv_get (tsv, i, "criterion_text"));
      g_assert_cmpint (scs_node_get_level (crit), ==, level);
      g_assert_cmpstr (scs_node_get_id (req), ==, tsv_get (tsv, i, "requirement_id"));
      g_assert_cmpstr (req_text, ==, tsv_get (tsv, i, "requirement_text"));
      g_assert_cmpstr (scs_node_get_title_ja (req), ==, tsv_get (tsv, i, "requirement_title"));
      g_assert_cmpstr (scs_node_get_id (sub), ==, tsv_get (tsv, i, "subcategory_id"));
      g_assert_cmpstr (scs_node_get_title_ja (sub), ==, tsv_get (tsv, i, "subcategory"));
      g_assert_cmpstr (scs_node_get_id (cat), ==, tsv_get (tsv, i, "category_no"));
      g_assert_cmpstr (scs_node_get_title_ja (cat), ==, tsv_get (tsv, i, "category"));
      g_assert_cmpint ((scs_framework_lookup (fw, 3, scs_node_get_id (crit)) != NULL), ==,
                       g_str_equal (tsv_get (tsv, i, "star3"), "○"));
    }

  /* The ★3-only extract, checked against its own source hash by the reference, agrees. */
  g_assert_cmpuint (star3->rows->len, ==, 81);
  for (guint i = 0; i < star3->rows->len; i++)
    {
      ScsNode *crit = scs_framework_lookup (fw, 3, tsv_get (star3, i, "criterion_id"));
      g_autofree char *text = NULL;

      g_assert_nonnull (crit);
      text = escape_breaks (scs_node_get_text (crit));
      g_assert_cmpstr (text, ==, tsv_get (star3, i, "criterion_text"));
    }

  /* Known quirks of the source are kept, not corrected. */
  g_assert_false (g_str_has_prefix (scs_node_get_text (scs_framework_lookup (fw, 3, "3-1-3-1")), "・"));
  g_assert_nonnull (strstr (scs_node_get_text (scs_framework_lookup (fw, 4, "7-1-1-2")), "構じること"));
}

static void
test_draft_edition (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  ScsFramework *draft = scs_catalog_lookup (catalog, "scs", "2025-12");
  g_autoptr(Tsv) tsv = tsv_read ("scs-draft-2025-12-requirements.tsv");
  GListModel *reqs = scs_framework_get_requirements (draft, 4);

  g_assert_cmpuint (g_list_model_get_n_items (reqs), ==, 44);
  g_assert_cmpuint (g_list_model_get_n_items (scs_framework_get_requirements (draft, 3)), ==, 26);
  /* Without criteria, the requirements are what gets a verdict. */
  g_assert_cmpuint (g_list_model_get_n_items (scs_framework_get_assessables (draft, 4)), ==, 44);
  for (guint i = 0; i < tsv->rows->len; i++)
    {
      g_autoptr(ScsNode) req = g_list_model_get_item (reqs, i);

      g_assert_cmpstr (scs_node_get_id (req), ==, tsv_get (tsv, i, "requirement_id"));
      g_assert_cmpstr (scs_node_get_title_ja (req), ==, tsv_get (tsv, i, "name"));
      g_assert_cmpstr (scs_node_get_text (req), ==, tsv_get (tsv, i, "requirement_text"));
      g_assert_cmpint (scs_node_get_level (req), ==,
                       g_str_equal (tsv_get (tsv, i, "star3"), "yes") ? 3 : 4);
    }
}

static void
test_edition_diff (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  ScsFramework *draft = scs_catalog_lookup (catalog, "scs", "2025-12");
  ScsFramework *final = official (catalog);
  g_autoptr(GPtrArray) changes = scs_edition_diff (draft, final);
  g_autoptr(GPtrArray) none = scs_edition_diff (final, final);
  gboolean saw_4_5_2 = FALSE, saw_3_1_1 = FALSE;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (scs_edition_diff_count (changes, SCS_CHANGE_ADDED, SCS_NODE_CRITERION), ==, 153);
  g_assert_cmpuint (scs_edition_diff_count (changes, SCS_CHANGE_REMOVED, SCS_NODE_REQUIREMENT), ==, 1);
  g_assert_cmpuint (scs_edition_diff_count (changes, SCS_CHANGE_ADDED, SCS_NODE_REQUIREMENT), ==, 0);
  for (guint i = 0; i < changes->len; i++)
    {
      const ScsChange *c = g_ptr_array_index (changes, i);

      if (c->kind == SCS_CHANGE_REMOVED && g_str_equal (c->id, "4-5-2"))
        saw_4_5_2 = TRUE;
      /* 「ハードウェア、OS及びソフトウェアの把握」 became 「情報機器、OS及びソフトウェアに関する情報の把握」 */
      if (c->kind == SCS_CHANGE_RETITLED && g_str_equal (c->id, "3-1-1"))
        {
          saw_3_1_1 = TRUE;
          g_assert_cmpstr (c->old_text, ==, "ハードウェア、OS及びソフトウェアの把握");
          g_assert_cmpstr (c->new_text, ==, "情報機器、OS及びソフトウェアに関する情報の把握");
        }
    }
  g_assert_true (saw_4_5_2);
  g_assert_true (saw_3_1_1);

  /* And the other way round, everything added is removed. */
  {
    g_autoptr(GPtrArray) back = scs_edition_diff (final, draft);

    g_assert_cmpuint (scs_edition_diff_count (back, SCS_CHANGE_REMOVED, SCS_NODE_CRITERION), ==, 153);
    g_assert_cmpuint (scs_edition_diff_count (back, SCS_CHANGE_ADDED, SCS_NODE_REQUIREMENT), ==, 1);
  }
}

static void
test_scales (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  ScsFramework *fw = official (catalog);
  const ScsScale *company = scs_framework_get_company_scale (fw);
  const ScsScale *assessment = scs_framework_get_verdict_scale (fw, "assessment");
  const ScsScale *official_scale = scs_framework_get_verdict_scale (fw, "official");
  const ScsScaleValue *v;

  g_assert_cmpuint (company->values->len, ==, 5);
  g_assert_cmpstr (scs_scale_lookup (company, "done")->title_ja, ==, "対応済");
  g_assert_cmpfloat (scs_scale_lookup (company, "partly")->credit, ==, 0.5);
  g_assert_false (scs_scale_lookup (company, "na")->has_credit);
  g_assert_nonnull (scs_scale_lookup (company, "not_done")->hint_ja);

  g_assert_cmpstr (scs_framework_get_default_verdict_scale (fw), ==, "assessment");
  v = scs_scale_lookup (assessment, "conforms");
  g_assert_true (v->conforming && !v->comment_required);
  v = scs_scale_lookup (assessment, "needs_improvement");
  g_assert_true (!v->conforming && v->comment_required && !v->not_applicable);
  v = scs_scale_lookup (assessment, "na");
  g_assert_true (v->not_applicable && v->comment_required);
  g_assert_cmpstr (scs_scale_lookup (official_scale, "recheck")->title_ja, ==, "再確認");
  g_assert_true (scs_scale_lookup (official_scale, "nonconforming")->comment_required);
  g_assert_true (scs_scale_lookup (official_scale, "conforms")->conforming);

  g_assert_cmpuint (scs_framework_get_maturity_levels (fw)->len, ==, 6);
  g_assert_cmpuint (scs_framework_get_employee_bands (fw)->len, ==, 8);
}

static void
test_checklists (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  ScsFramework *five = scs_catalog_get_latest (catalog, "five-minute-diagnosis");
  ScsFramework *csm = scs_catalog_get_latest (catalog, "csm-guidelines-v2");
  g_autoptr(Tsv) five_tsv = tsv_read ("five-minute-diagnosis.tsv");
  g_autoptr(Tsv) csm_tsv = tsv_read ("csm-guidelines-v2-checksheet.tsv");
  const ScsScale *answers = scs_framework_get_answers (five);
  static const int points[] = { 4, 2, 0, -1 };

  g_assert_cmpuint (g_list_model_get_n_items (scs_framework_get_groups (five)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (scs_framework_get_items (five)), ==, 25);
  g_assert_cmpuint (answers->values->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (((ScsScaleValue *) g_ptr_array_index (answers->values, i))->points, ==, points[i]);
  g_assert_true (scs_scale_lookup (answers, "unknown")->follow_up);
  g_assert_cmpuint (scs_framework_get_score_bands (five)->len, ==, 4);
  for (guint i = 0; i < five_tsv->rows->len; i++)
    {
      ScsNode *item = scs_framework_lookup (five, 0, tsv_get (five_tsv, i, "no"));

      g_assert_nonnull (item);
      g_assert_cmpstr (scs_node_get_text (item), ==, tsv_get (five_tsv, i, "question"));
      g_assert_cmpstr (scs_node_get_title_ja (scs_node_get_parent (item)), ==,
                       tsv_get (five_tsv, i, "group"));
    }

  g_assert_cmpuint (g_list_model_get_n_items (scs_framework_get_groups (csm)), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (scs_framework_get_items (csm)), ==, 41);
  for (guint i = 0; i < csm_tsv->rows->len; i++)
    {
      ScsNode *item = scs_framework_lookup (csm, 0, tsv_get (csm_tsv, i, "item"));
      g_autofree char *refs = NULL;

      g_assert_nonnull (item);
      g_assert_cmpstr (scs_node_get_text (item), ==, tsv_get (csm_tsv, i, "item_text"));
      refs = g_strjoinv (", ", (char **) scs_node_get_refs (item));
      g_assert_cmpstr (refs, ==, g_str_equal (tsv_get (csm_tsv, i, "nist_csf"), "-")
                                   ? "" : tsv_get (csm_tsv, i, "nist_csf"));
    }
}

static void
test_benchmark (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  ScsFramework *fw = official (catalog);
  const char *source = NULL;

  /* ★3 table: 4-1 is 65 overall, 67 / 43 / 69 / 81 by band. */
  g_assert_cmpint (scs_framework_get_benchmark (fw, 3, "4-1", NULL, &source), ==, 65);
  g_assert_nonnull (strstr (source, "2.2.2"));
  g_assert_cmpint (scs_framework_get_benchmark (fw, 3, "4-1", "1-50", NULL), ==, 67);
  g_assert_cmpint (scs_framework_get_benchmark (fw, 3, "4-1", "51-100", NULL), ==, 43);
  g_assert_cmpint (scs_framework_get_benchmark (fw, 3, "4-1", "101-500", NULL), ==, 69);
  g_assert_cmpint (scs_framework_get_benchmark (fw, 3, "4-1", "501-1000", NULL), ==, 69);
  g_assert_cmpint (scs_framework_get_benchmark (fw, 3, "4-1", "10001+", NULL), ==, 81);
  g_assert_cmpint (scs_framework_get_benchmark (fw, 3, NULL, "51-100", NULL), ==, 52);
  /* No ★3 figure maps to 7-1. */
  g_assert_cmpint (scs_framework_get_benchmark (fw, 3, "7-1", NULL, NULL), ==, -1);
  /* ★4 columns are wider: 1–500 holds the three smallest bands. */
  g_assert_cmpint (scs_framework_get_benchmark (fw, 4, "2-1", "51-100", NULL), ==, 50);
  g_assert_cmpint (scs_framework_get_benchmark (fw, 4, "2-1", "501-1000", NULL), ==, 13);
  g_assert_cmpint (scs_framework_get_benchmark (fw, 4, "7-1", "1-50", NULL), ==, 100);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_user_directory (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-frameworks-XXXXXX", NULL);
  g_autoptr(ScsCatalog) catalog = scs_catalog_new ();
  g_autoptr(GBytes) shipped = g_resources_lookup_data (
    SCS_RESOURCE_PREFIX "/frameworks/scs-2026-03-27.json", 0, NULL);
  g_autoptr(GString) newer = NULL;
  g_autoptr(GString) broken = NULL;
  GPtrArray *errors;
  const GError *e;

  scs_catalog_add_builtin (catalog);
  newer = g_string_new_len (g_bytes_get_data (shipped, NULL), g_bytes_get_size (shipped));
  g_assert_cmpuint (g_string_replace (newer, "\"edition\": \"2026-03-27\"",
                                      "\"edition\": \"2027-04-01\"", 1), ==, 1);
  /* A newer edition that rewords one criterion, dropped in without a rebuild. */
  g_assert_cmpuint (g_string_replace (newer, "構じること", "講じること", 1), ==, 1);
  write_file (dir, "scs-2027-04-01.json", newer->str);

  /* A broken file: a criterion's level is text. */
  broken = g_string_new (newer->str);
  g_string_replace (broken, "\"edition\": \"2027-04-01\"", "\"edition\": \"2027-05-01\"", 1);
  g_assert_cmpuint (g_string_replace (broken, "\"level\": 4\n", "\"level\": \"4\"\n", 1), ==, 1);
  write_file (dir, "scs-broken.json", broken->str);
  /* And a copy of a shipped edition, which must not replace the official texts. */
  write_file (dir, "scs-copy.json", g_bytes_get_data (shipped, NULL));
  write_file (dir, "not-json.json", "{ \"format\": ");

  scs_catalog_add_directory (catalog, dir);
  errors = scs_catalog_get_errors (catalog);
  g_assert_cmpuint (errors->len, ==, 3);

  e = g_ptr_array_index (errors, 0);   /* files are read in name order */
  g_assert_error (e, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_SYNTAX);
  g_assert_nonnull (strstr (e->message, "not-json.json"));
  e = g_ptr_array_index (errors, 1);
  g_assert_error (e, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_TYPE);
  g_assert_nonnull (strstr (e->message, "scs-broken.json"));
  g_assert_nonnull (strstr (e->message, "$.categories[0].subcategories[0].requirements[0].criteria[0].level"));
  e = g_ptr_array_index (errors, 2);
  g_assert_error (e, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (e->message, "scs-copy.json"));

  /* The good one loaded, as a user-provided edition: it says it is official and newer, yet
   * the newest official edition stays the one new engagements get. */
  g_assert_nonnull (scs_catalog_lookup (catalog, "scs", "2027-04-01"));
  g_assert_false (scs_framework_is_builtin (scs_catalog_lookup (catalog, "scs", "2027-04-01")));
  g_assert_cmpstr (scs_framework_get_edition (scs_catalog_get_latest (catalog, "scs")), ==,
                   "2026-03-27");
  {
    g_autoptr(GPtrArray) changes = scs_edition_diff (scs_catalog_lookup (catalog, "scs", "2026-03-27"),
                                                     scs_catalog_lookup (catalog, "scs", "2027-04-01"));

    g_assert_cmpuint (changes->len, ==, 1);
    g_assert_cmpint (((ScsChange *) g_ptr_array_index (changes, 0))->kind, ==, SCS_CHANGE_REWORDED);
    g_assert_cmpstr (((ScsChange *) g_ptr_array_index (changes, 0))->id, ==, "7-1-1-2");
  }

  scs_test_remove_tree (dir);
}

/* The shipped edition with its edition and status changed and one ★3 criterion reworded:
 * what someone could drop into the frameworks folder. */
static char *
user_edition (const char *edition,
              const char *status)
{
  g_autoptr(GBytes) shipped = g_resources_lookup_data (
    SCS_RESOURCE_PREFIX "/frameworks/scs-2026-03-27.json", 0, NULL);
  GString *text = g_string_new_len (g_bytes_get_data (shipped, NULL), g_bytes_get_size (shipped));
  g_autofree char *edition_member = g_strdup_printf ("\"edition\": \"%s\"", edition);
  g_autofree char *status_member = g_strdup_printf ("\"status\": \"%s\"", status);

  g_assert_cmpuint (g_string_replace (text, "\"edition\": \"2026-03-27\"", edition_member, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"status\": \"official\"", status_member, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "リアルタイム検知・遮断する仕組みを導入すること",
                                      "リアルタイム検知・遮断する仕組みを導入しなくてもよい", 1), ==, 1);
  return g_string_free (text, FALSE);
}

static char *
example_with_edition (const char *edition)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_REFERENCE_DIR"), "..", "..", "samples",
                                            "example-aaa.scsa", NULL);
  g_autofree char *text = NULL;
  g_autofree char *member = g_strdup_printf ("\"edition\" : \"%s\"", edition);
  GString *copy;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  copy = g_string_new (text);
  g_assert_cmpuint (g_string_replace (copy, "\"edition\" : \"2026-03-27\"", member, 1), ==, 1);
  return g_string_free (copy, FALSE);
}

static ScsEngagement *
load_text (ScsCatalog        *catalog,
           const char        *text,
           ScsEditionReport **report)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  ScsEngagement *engagement = scs_storage_load_bytes (catalog, bytes, report, &error);

  g_assert_no_error (error);
  return engagement;
}

/* A file that calls itself official, with a later edition than any shipped, is
 * user-provided: not official, not what new engagements get, and an engagement made with
 * the official edition stays with the official texts. One made with the user-provided
 * edition opens with it. */
static void
test_user_edition_not_official (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-user-edition-XXXXXX", NULL);
  g_autofree char *claims = user_edition ("2027-01-01", "official");
  g_autofree char *draft = user_edition ("2026-12-01", "draft");
  g_autofree char *example = example_with_edition ("2026-03-27");
  g_autofree char *made_with_user = example_with_edition ("2027-01-01");
  g_autofree char *made_with_gone = example_with_edition ("2028-01-01");
  g_autoptr(ScsCatalog) catalog = scs_catalog_new ();
  g_autoptr(ScsEditionReport) report = NULL;
  g_autoptr(ScsEngagement) engagement = NULL;
  ScsFramework *user, *builtin, *attached;
  ScsNode *node;

  write_file (dir, "scs-2027-01-01.json", claims);
  write_file (dir, "scs-2026-12-01.json", draft);
  scs_catalog_add_builtin (catalog);
  scs_catalog_add_directory (catalog, dir);
  g_assert_cmpuint (scs_catalog_get_errors (catalog)->len, ==, 0);

  user = scs_catalog_lookup (catalog, "scs", "2027-01-01");
  builtin = scs_catalog_lookup (catalog, "scs", "2026-03-27");
  g_assert_nonnull (user);
  g_assert_cmpstr (scs_framework_get_status (user), ==, "official");   /* what it says */
  g_assert_false (scs_framework_is_official (user));                   /* what it is */
  g_assert_false (scs_framework_is_builtin (user));
  g_assert_cmpint (scs_framework_get_provenance (user), ==, SCS_FRAMEWORK_USER_PROVIDED);
  g_assert_true (scs_framework_is_official (builtin));
  g_assert_true (scs_framework_is_builtin (builtin));
  g_assert_cmpint (scs_framework_get_provenance (builtin), ==, SCS_FRAMEWORK_BUILTIN);
  /* The built-in draft is built in, and not official. */
  g_assert_true (scs_framework_is_builtin (scs_catalog_lookup (catalog, "scs", "2025-12")));
  g_assert_false (scs_framework_is_official (scs_catalog_lookup (catalog, "scs", "2025-12")));
  g_assert_true (scs_catalog_get_latest (catalog, "scs") == builtin);

  /* The example, made with the official edition: attached to it, official text. */
  engagement = load_text (catalog, example, &report);
  attached = scs_engagement_get_framework (engagement);
  g_assert_true (attached == builtin);
  g_assert_false (report->edition_changed);
  node = scs_framework_lookup (attached, 3, "5-1-1-1");
  g_assert_nonnull (strstr (scs_node_get_text (node), "仕組みを導入すること。"));
  g_assert_null (strstr (scs_node_get_text (node), "導入しなくてもよい"));
  g_clear_object (&engagement);
  g_clear_pointer (&report, scs_edition_report_free);

  /* Made with the user-provided edition, which is installed: opened with it. */
  engagement = load_text (catalog, made_with_user, &report);
  attached = scs_engagement_get_framework (engagement);
  g_assert_true (attached == user);
  g_assert_false (report->edition_changed);
  node = scs_framework_lookup (attached, 3, "5-1-1-1");
  g_assert_nonnull (strstr (scs_node_get_text (node), "導入しなくてもよい"));
  g_clear_object (&engagement);
  g_clear_pointer (&report, scs_edition_report_free);

  /* Made with an edition not installed: the newest official one, as before. */
  engagement = load_text (catalog, made_with_gone, &report);
  g_assert_true (scs_engagement_get_framework (engagement) == builtin);
  g_assert_true (report->edition_changed);
  g_assert_false (report->recorded_installed);
  g_clear_object (&engagement);

  /* A file read alone, outside any catalog, is user-provided too. */
  {
    g_autofree char *path = g_build_filename (dir, "scs-2027-01-01.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(ScsFramework) alone = scs_framework_new_from_file (file, &error);
    g_autoptr(GBytes) bytes = g_bytes_new_static (claims, strlen (claims));
    g_autoptr(ScsFramework) from_bytes = scs_framework_new_from_bytes (bytes, "memory", &error);

    g_assert_no_error (error);
    g_assert_false (scs_framework_is_official (alone));
    g_assert_false (scs_framework_is_official (from_bytes));
  }
  scs_test_remove_tree (dir);
}

static void
make_link (const char *path,
           const char *target)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_make_symbolic_link (file, target, NULL, &error);
  g_assert_no_error (error);
}

/* In a user's folder: a broken file, a pipe, a folder named *.json, a link to a device and
 * a link to nothing are each told (file and reason) without blocking; the good file loads.
 * Every message is one line. */
static void
test_unusable_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-unusable-XXXXXX", NULL);
  g_autofree char *good = user_edition ("2027-01-01", "draft");
  g_autofree char *fifo = g_build_filename (dir, "b-pipe.json", NULL);
  g_autofree char *folder = g_build_filename (dir, "c-folder.json", NULL);
  g_autofree char *zero = g_build_filename (dir, "d-zero.json", NULL);
  g_autofree char *dangling = g_build_filename (dir, "e-nothing.json", NULL);
  g_autofree char *line_break = g_build_filename (dir, "f-line\nbreak.json", NULL);
  g_autoptr(ScsCatalog) catalog = scs_catalog_new ();
  static const struct { const char *name; const char *reason; } expected[] = {
    { "a-broken.json", "not a readable JSON file" },
    { "b-pipe.json", "not a regular file" },
    { "c-folder.json", "this is a folder" },
    { "d-zero.json", "not a regular file" },
    { "e-nothing.json", "a link to a file that does not exist" },
    { "f-line%0Abreak.json", "the file is empty" },
    { "g-escape.json", "$.status: “ [2J draft ” is not allowed here" },
  };
  GPtrArray *errors;
  gint64 start = g_get_monotonic_time ();

  write_file (dir, "a-broken.json", "{ \"format\": \"scs-assessor-framework\", ");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  make_link (zero, "/dev/zero");
  make_link (dangling, "no-such-file.json");
  g_assert_true (g_file_set_contents (line_break, "", 0, NULL));
  {
    /* A status with a terminal escape and a line break: told on one line, without them. */
    g_autoptr(GString) escape = g_string_new (good);

    g_assert_cmpuint (g_string_replace (escape, "\"status\": \"draft\"",
                                        "\"status\": \"\\u001b[2J draft\\n\"", 1), ==, 1);
    g_assert_cmpuint (g_string_replace (escape, "\"edition\": \"2027-01-01\"",
                                        "\"edition\": \"2027-02-01\"", 1), ==, 1);
    write_file (dir, "g-escape.json", escape->str);
  }
  write_file (dir, "z-good.json", good);
  /* Not a *.json: never looked at. */
  write_file (dir, "notes.txt", "{");

  scs_catalog_add_builtin (catalog);
  scs_catalog_add_directory (catalog, dir);
  /* A pipe nobody writes to would have blocked for ever. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  errors = scs_catalog_get_errors (catalog);
  g_assert_cmpuint (errors->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *e = g_ptr_array_index (errors, i);

      g_assert_error (e, SCS_FORMAT_ERROR, e->code);
      if (strstr (e->message, expected[i].name) == NULL ||
          strstr (e->message, expected[i].reason) == NULL)
        g_error ("error %u: “%s”", i, e->message);
      g_assert_null (strchr (e->message, '\n'));
      g_assert_null (strchr (e->message, '\x1b'));
    }
  g_assert_nonnull (scs_catalog_lookup (catalog, "scs", "2027-01-01"));
  g_assert_true (scs_catalog_get_latest (catalog, "scs") == scs_catalog_lookup (catalog, "scs", "2026-03-27"));
  scs_test_remove_tree (dir);
}

/* A frameworks "folder" that is a file is told; a missing one is the usual case. */
static void
test_unreadable_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-folder-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "frameworks", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autoptr(ScsCatalog) catalog = scs_catalog_new ();
  GPtrArray *errors = scs_catalog_get_errors (catalog);

  scs_catalog_add_directory (catalog, missing);
  g_assert_cmpuint (errors->len, ==, 0);
  write_file (dir, "frameworks", "not a folder");
  scs_catalog_add_directory (catalog, file);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (errors, 0))->message,
                            "the frameworks folder could not be read"));
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (errors, 0))->message, file));
  scs_test_remove_tree (dir);
}

/* Every file of the malformed criteria corpus is refused with its message, which names the
 * file; the file is as it was; in a catalog folder each is one error and the rest load. */
static void
test_malformed_files (void)
{
  g_autoptr(GPtrArray) cases = scs_test_read_cases ("bad-frameworks");
  g_autofree char *folder = g_dir_make_tmp ("scs-bad-frameworks-XXXXXX", NULL);
  g_autofree char *good_path = g_build_filename (folder, "zz-good.json", NULL);
  g_autoptr(GBytes) shipped = g_resources_lookup_data (
    SCS_RESOURCE_PREFIX "/frameworks/scs-2026-03-27.json", 0, NULL);
  g_autoptr(GString) good = NULL;
  g_autoptr(ScsCatalog) catalog = scs_catalog_new ();
  GPtrArray *errors;
  guint n = cases->len;

  for (guint i = 0; i < cases->len; i++)
    {
      ScsTestCase *c = g_ptr_array_index (cases, i);
      g_autofree char *copy = NULL, *before = NULL, *after = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (c->path);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsFramework) framework = NULL;
      gsize before_length, after_length;

      g_assert_true (g_file_get_contents (c->path, &before, &before_length, NULL));
      framework = scs_framework_new_from_file (file, &error);
      if (framework != NULL)
        g_error ("%s: loaded", c->name);
      g_assert_error (error, SCS_FORMAT_ERROR, error->code);
      if (strstr (error->message, c->message) == NULL || strstr (error->message, c->name) == NULL)
        g_error ("%s: the message was “%s”", c->name, error->message);
      g_assert_true (g_file_get_contents (c->path, &after, &after_length, NULL));
      g_assert_cmpmem (before, before_length, after, after_length);
      copy = g_build_filename (folder, c->name, NULL);
      g_assert_true (g_file_set_contents (copy, before, before_length, NULL));
    }
  g_assert_cmpuint (n, >=, 20);

  /* Beside them, a good file of another edition. */
  good = g_string_new_len (g_bytes_get_data (shipped, NULL), g_bytes_get_size (shipped));
  g_assert_cmpuint (g_string_replace (good, "\"edition\": \"2026-03-27\"",
                                      "\"edition\": \"2030-01-01\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (good_path, good->str, good->len, NULL));
  scs_catalog_add_builtin (catalog);
  scs_catalog_add_directory (catalog, folder);
  errors = scs_catalog_get_errors (catalog);
  g_assert_cmpuint (errors->len, ==, n);
  g_assert_nonnull (scs_catalog_lookup (catalog, "scs", "2030-01-01"));
  g_assert_null (scs_catalog_lookup (catalog, "scs-test", "2099-01-01"));
  scs_test_remove_tree (folder);
}

/* A 100 MB string in a criteria file is refused unread, by its size. */
static void
test_huge_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-huge-framework-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bytes_error = NULL;
  g_autoptr(ScsFramework) framework = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const gsize size = 100 * 1024 * 1024;
  char *text = g_malloc (size);
  FILE *f;

  memset (text, 'a', size);
  memcpy (text, "{\"format\": \"scs-assessor-framework\", \"id\": \"", 44);
  memcpy (text + size - 3, "\"}\n", 3);
  f = fopen (path, "wb");
  g_assert_nonnull (f);
  g_assert_cmpuint (fwrite (text, 1, size, f), ==, size);
  fclose (f);
  framework = scs_framework_new_from_file (file, &error);
  g_assert_null (framework);
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too large to be a criteria file (100 MB"));
  /* The same bytes handed over in memory. */
  bytes = g_bytes_new_take (text, size);
  g_assert_null (scs_framework_new_from_bytes (bytes, "memory", &bytes_error));
  g_assert_error (bytes_error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE);
  scs_test_remove_tree (dir);
}

/* What crashed or hung every start when it lay in the user's frameworks folder: a file
 * nested 75 000 deep (json-glib's recursion ran out of stack), a FIFO (opening it waited
 * for a writer) and a link to /dev/zero (read until memory ran out). Each is one error
 * naming the file, and the good file beside them loads. */
static void
test_hostile_folder (void)
{
  g_autofree char *folder = g_dir_make_tmp ("scs-hostile-frameworks-XXXXXX", NULL);
  g_autofree char *deep_path = g_build_filename (folder, "a-deep.json", NULL);
  g_autofree char *fifo_path = g_build_filename (folder, "b-pipe.json", NULL);
  g_autofree char *zero_path = g_build_filename (folder, "c-zero.json", NULL);
  g_autofree char *good_path = g_build_filename (folder, "zz-good.json", NULL);
  g_autoptr(GBytes) shipped = g_resources_lookup_data (
    SCS_RESOURCE_PREFIX "/frameworks/scs-2026-03-27.json", 0, NULL);
  g_autoptr(GString) good = g_string_new_len (g_bytes_get_data (shipped, NULL),
                                              g_bytes_get_size (shipped));
  g_autoptr(ScsCatalog) catalog = scs_catalog_new ();
  g_autoptr(GString) deep = g_string_new ("{\"format\": ");
  const char *names[] = { "a-deep.json", "b-pipe.json", "c-zero.json" };
  const char *messages[] = { "nested more than 128 levels deep", "not a regular file",
                             "not a regular file" };
  GPtrArray *errors;

  for (guint i = 0; i < 75000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 75000; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "}\n");
  g_assert_true (g_file_set_contents (deep_path, deep->str, deep->len, NULL));
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero_path), ==, 0);
  g_assert_cmpuint (g_string_replace (good, "\"edition\": \"2026-03-27\"",
                                      "\"edition\": \"2030-01-01\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (good_path, good->str, good->len, NULL));

  alarm (20);   /* a regression hangs: fail instead */
  scs_catalog_add_builtin (catalog);
  scs_catalog_add_directory (catalog, folder);
  alarm (0);

  errors = scs_catalog_get_errors (catalog);
  g_assert_cmpuint (errors->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const GError *error = g_ptr_array_index (errors, i);

      g_assert_true (error->domain == SCS_FORMAT_ERROR);
      if (strstr (error->message, names[i]) == NULL || strstr (error->message, messages[i]) == NULL)
        g_error ("%s: the message was “%s”", names[i], error->message);
    }
  g_assert_nonnull (scs_catalog_lookup (catalog, "scs", "2030-01-01"));
  scs_test_remove_tree (folder);
}

/* A criterion id with a blank around it, which no engagement could record, refuses the
 * file when it is read rather than when an answer is given. */
static void
test_id_with_blanks (void)
{
  g_autoptr(GBytes) shipped = g_resources_lookup_data (
    "/io/github/scsassessor/ScsAssessor/frameworks/scs-2026-03-27.json", 0, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (shipped, NULL),
                                              g_bytes_get_size (shipped));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_string_replace (text, "\"id\": \"1-2-1-1\"", "\"id\": \"1-2-1-1 \"", 1), ==, 1);
  bytes = g_bytes_new (text->str, text->len);
  g_assert_null (scs_framework_new_from_bytes (bytes, "memory", &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "“1-2-1-1 ” has blanks around it"));
}

int
main (int   argc,
      char *argv[])
{
  scs_test_init (&argc, &argv);

  g_test_add_func ("/framework/builtin-catalog", test_builtin_catalog);
  g_test_add_func ("/framework/counts", test_counts);
  g_test_add_func ("/framework/texts-match-reference", test_texts_match_reference);
  g_test_add_func ("/framework/draft-edition", test_draft_edition);
  g_test_add_func ("/framework/edition-diff", test_edition_diff);
  g_test_add_func ("/framework/scales", test_scales);
  g_test_add_func ("/framework/checklists", test_checklists);
  g_test_add_func ("/framework/benchmark", test_benchmark);
  g_test_add_func ("/framework/user-directory", test_user_directory);
  g_test_add_func ("/framework/user-edition-not-official", test_user_edition_not_official);
  g_test_add_func ("/framework/unusable-files", test_unusable_files);
  g_test_add_func ("/framework/unreadable-folder", test_unreadable_folder);
  g_test_add_func ("/framework/malformed-files", test_malformed_files);
  g_test_add_func ("/framework/huge-file", test_huge_file);
  g_test_add_func ("/framework/hostile-folder", test_hostile_folder);
  g_test_add_func ("/framework/id-with-blanks", test_id_with_blanks);

  return g_test_run ();
}
