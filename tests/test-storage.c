/* test-storage.c — reading and writing engagement files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* memmem, symlink, mkfifo, alarm */
#define _GNU_SOURCE

#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scs-core.h"
#include "scs-json-scan.h"
#include "scs-storage-private.h"
#include "scs-test.h"

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* Equal texts; on a difference, show where it starts rather than both files whole. */
static void
assert_same_text (const char *what,
                  const char *a,
                  const char *b)
{
  gsize i = 0;

  while (a[i] != '\0' && a[i] == b[i])
    i++;
  if (a[i] == b[i])
    return;
  g_error ("%s differ at byte %" G_GSIZE_FORMAT ": “%.60s” vs “%.60s”", what, i,
           a + (i > 20 ? i - 20 : 0), b + (i > 20 ? i - 20 : 0));
}

static void
save (ScsEngagement *e,
      const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (scs_storage_save (e, file, &error));
  g_assert_no_error (error);
}

static void
assert_same_model (ScsEngagement *a,
                   ScsEngagement *b)
{
  g_autoptr(JsonNode) na = scs_record_to_node (SCS_RECORD (a));
  g_autoptr(JsonNode) nb = scs_record_to_node (SCS_RECORD (b));

  g_assert_true (json_node_equal (na, nb));
}

static void
test_round_trip (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autofree char *example = scs_test_data_path ("../../data/samples/example-aaa.scsa");
  g_autofree char *dir = g_dir_make_tmp ("scs-storage-XXXXXX", NULL);
  g_autofree char *first = g_build_filename (dir, "first.scsa", NULL);
  g_autofree char *second = g_build_filename (dir, "second.scsa", NULL);
  g_autoptr(ScsEngagement) e1 = scs_test_load (catalog, example);
  g_autoptr(ScsEngagement) e2 = NULL;
  g_autofree char *t0 = read_text (example);
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  GStatBuf st;

  save (e1, first);
  e2 = scs_test_load (catalog, first);
  assert_same_model (e1, e2);
  save (e2, second);

  t1 = read_text (first);
  t2 = read_text (second);
  /* Saving twice gives the same bytes, and the shipped sample is already in that form. */
  assert_same_text ("first and second save", t1, t2);
  assert_same_text ("the shipped sample and its save", t0, t1);
  g_assert_true (g_str_has_suffix (t1, "}\n"));
  g_assert_true (g_str_has_prefix (t1, "{\n  \"format\" : \"scs-assessor-engagement\",\n"));
  g_assert_true (g_utf8_validate (t1, -1, NULL));

  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The example is the engagement DOMAIN.md describes. */
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (scs_engagement_get_company (e1)), SCS_M_COMPANY_NAME),
                   ==, "AAA株式会社");
  g_assert_cmpint (scs_engagement_get_level (e1), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (e1), SCS_M_ENGAGEMENT_VISITS)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (e1)), SCS_M_PLAN_ITEMS)), ==, 2);
  g_assert_cmpstr (scs_assessment_get_verdict (scs_engagement_get_assessment (e1, "4-2-2-1")),
                   ==, "needs_improvement");

  scs_test_remove_tree (dir);
}

static void
test_unknown_members_kept (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autofree char *base = scs_test_data_path ("base.scsa");
  g_autofree char *dir = g_dir_make_tmp ("scs-storage-XXXXXX", NULL);
  g_autofree char *in = g_build_filename (dir, "in.scsa", NULL);
  g_autofree char *out = g_build_filename (dir, "out.scsa", NULL);
  g_autofree char *text = read_text (base);
  g_autoptr(GString) s = g_string_new (text);
  g_autoptr(ScsEngagement) e = NULL;
  g_autofree char *saved = NULL;

  /* Members a later version might add, at the top and deep inside. */
  g_string_replace (s, "\"level\" : 3,", "\"level\" : 3,\n  \"zz_future\" : {\"a\" : [1, 2]},", 1);
  g_string_replace (s, "\"follow_up\" : true,", "\"follow_up\" : true,\n      \"aa_photo\" : \"x.jpg\",", 1);
  g_assert_true (g_file_set_contents (in, s->str, -1, NULL));

  e = scs_test_load (catalog, in);
  save (e, out);
  saved = read_text (out);
  g_assert_nonnull (strstr (saved, "\"zz_future\" : {"));
  g_assert_nonnull (strstr (saved, "\"aa_photo\" : \"x.jpg\""));

  scs_test_remove_tree (dir);
}

static void
test_malformed_files (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autofree char *index_path = scs_test_data_path ("bad/EXPECTED.tsv");
  g_autofree char *index = read_text (index_path);
  g_auto(GStrv) lines = g_strsplit (index, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      g_autofree char *path = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ScsEditionReport) report = NULL;
      ScsEngagement *e;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (cols), ==, 2);
      path = g_build_filename (g_getenv ("SCS_TEST_DATA"), "bad", cols[0], NULL);
      file = g_file_new_for_path (path);

      before = scs_test_sha256_file (path);
      e = scs_storage_load (catalog, file, &report, &error);
      after = scs_test_sha256_file (path);

      g_test_message ("%s: %s", cols[0], error != NULL ? error->message : "(loaded)");
      g_assert_null (e);
      g_assert_null (report);
      g_assert_error (error, SCS_FORMAT_ERROR, error->code);
      if (strstr (error->message, cols[1]) == NULL)
        g_error ("%s: got “%s”, expected it to contain “%s”", cols[0], error->message, cols[1]);
      g_assert_cmpstr (before, ==, after);
      n++;
    }
  g_assert_cmpuint (n, >=, 25);
}

static void
test_error_codes (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  static const struct { const char *file; ScsFormatError code; } cases[] = {
    { "empty.scsa", SCS_FORMAT_ERROR_EMPTY },
    { "bad-utf8.scsa", SCS_FORMAT_ERROR_ENCODING },
    { "truncated.scsa", SCS_FORMAT_ERROR_SYNTAX },
    { "wrong-format.scsa", SCS_FORMAT_ERROR_NOT_OURS },
    { "newer-version.scsa", SCS_FORMAT_ERROR_NEWER },
    { "level-as-text.scsa", SCS_FORMAT_ERROR_WRONG_TYPE },
    { "missing-level.scsa", SCS_FORMAT_ERROR_MISSING },
    { "duplicate-criterion.scsa", SCS_FORMAT_ERROR_DUPLICATE },
    { "unknown-criterion.scsa", SCS_FORMAT_ERROR_UNKNOWN_REFERENCE },
    { "unknown-framework.scsa", SCS_FORMAT_ERROR_UNKNOWN_FRAMEWORK },
    { "bad-date.scsa", SCS_FORMAT_ERROR_INVALID_VALUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("SCS_TEST_DATA"), "bad", cases[i].file, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_null (scs_storage_load (catalog, file, NULL, &error));
      g_assert_error (error, SCS_FORMAT_ERROR, (int) cases[i].code);
    }
}

static void
test_missing_file (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/engagement.scsa");
  g_autoptr(GError) error = NULL;

  g_assert_null (scs_storage_load (catalog, file, NULL, &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_IO);
  g_assert_cmpint (scs_format_error_get_io_code (error), ==, G_IO_ERROR_NOT_FOUND);
}

static void
assert_answer_kept (ScsEngagement *e,
                    const char    *id,
                    const char    *status,
                    const char    *verdict)
{
  GListModel *list = scs_engagement_get_assessments (e);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (list, i);

      if (!g_str_equal (scs_assessment_get_criterion (a), id))
        continue;
      g_assert_cmpstr (scs_assessment_get_company_status (a), ==, status);
      g_assert_cmpstr (scs_assessment_get_verdict (a), ==, verdict);
      g_assert_true (scs_engagement_is_orphan (e, a));
      return;
    }
  g_error ("the answer to %s was lost", id);
}

static void
test_draft_to_official (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autofree char *path = scs_test_data_path ("draft-engagement.scsa");
  g_autofree char *dir = g_dir_make_tmp ("scs-storage-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.scsa", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsEditionReport) report = NULL;
  g_autoptr(ScsEngagement) e = scs_storage_load (catalog, file, &report, &error);
  g_autoptr(ScsEngagement) again = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(ScsEditionReport) report2 = NULL;
  g_autoptr(GFile) out_file = NULL;

  g_assert_no_error (error);
  g_assert_true (report->edition_changed);
  g_assert_true (report->recorded_installed);
  g_assert_cmpstr (report->recorded_edition, ==, "2025-12");
  g_assert_cmpstr (report->attached_edition, ==, "2026-03-27");
  g_assert_cmpuint (scs_edition_diff_count (report->changes, SCS_CHANGE_ADDED, SCS_NODE_CRITERION), ==, 153);
  g_assert_cmpuint (scs_edition_diff_count (report->changes, SCS_CHANGE_REMOVED, SCS_NODE_REQUIREMENT), ==, 1);
  g_assert_cmpuint (report->n_orphans, ==, 5);
  g_assert_true (scs_engagement_get_framework (e) == scs_catalog_get_latest (catalog, "scs"));

  orphans = scs_engagement_list_orphans (e);
  g_assert_cmpuint (orphans->len, ==, 5);
  assert_answer_kept (e, "1-2-1", "done", "conforms");
  assert_answer_kept (e, "4-5-2", "partly", "needs_improvement");
  assert_answer_kept (e, "5-2-1", "preparing", "");

  /* Saved with the new edition, every answer is still there, byte for byte. */
  save (e, out);
  out_file = g_file_new_for_path (out);
  again = scs_storage_load (catalog, out_file, &report2, &error);
  g_assert_no_error (error);
  g_assert_false (report2->edition_changed);
  g_assert_cmpuint (report2->n_orphans, ==, 5);
  assert_same_model (e, again);
  assert_answer_kept (again, "4-2-2", "not_done", "needs_improvement");
  {
    g_autofree char *text = read_text (out);

    g_assert_nonnull (strstr (text, "\"edition\" : \"2026-03-27\""));
    g_assert_nonnull (strstr (text, "草案時の回答 4-5-2"));
  }

  /* Answering the new criteria does not disturb the kept ones. */
  scs_record_set_string (SCS_RECORD (scs_engagement_ensure_assessment (again, "1-2-1-1")),
                         SCS_M_ASSESSMENT_VERDICT, "conforms");
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = scs_engagement_list_orphans (again);
  g_assert_cmpuint (orphans->len, ==, 5);
  scs_test_remove_tree (dir);
}

/* base.scsa with each (from, to) pair of edits made once, loaded from memory. */
static ScsEngagement *
load_edited_base (ScsCatalog        *catalog,
                  ScsEditionReport **report,
                  ...)
{
  g_autofree char *path = scs_test_data_path ("base.scsa");
  g_autofree char *text = read_text (path);
  g_autoptr(GString) s = g_string_new (text);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ScsEngagement *e;
  const char *from;
  va_list args;

  va_start (args, report);
  while ((from = va_arg (args, const char *)) != NULL)
    g_assert_cmpuint (g_string_replace (s, from, va_arg (args, const char *), 1), ==, 1);
  va_end (args);

  bytes = g_bytes_new (s->str, s->len);
  e = scs_storage_load_bytes (catalog, bytes, report, &error);
  g_assert_no_error (error);
  return e;
}

static void
test_unknown_edition (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEditionReport) report = NULL;
  g_autoptr(ScsEngagement) e = NULL;

  /* An engagement from an edition this machine does not have: opened with the newest
   * one, answers matched by id, nothing refused or lost. */
  e = load_edited_base (catalog, &report,
                        "\"edition\" : \"2026-03-27\"", "\"edition\" : \"2027-09-01\"",
                        "\"criterion\" : \"1-2-1-2\"", "\"criterion\" : \"1-2-1-9\"",
                        NULL);
  g_assert_true (report->edition_changed);
  g_assert_false (report->recorded_installed);
  g_assert_cmpuint (report->changes->len, ==, 0);
  g_assert_cmpuint (report->n_orphans, ==, 1);
  g_assert_false (scs_engagement_is_orphan (e, scs_engagement_get_assessment (e, "1-2-1-1")));
}

static void
test_reworded_same_edition (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEditionReport) report = NULL;
  g_autoptr(ScsEngagement) e = NULL;
  const char *hash = scs_framework_get_content_hash (scs_catalog_get_latest (catalog, "scs"));

  e = load_edited_base (catalog, &report,
                        hash, "0000000000000000000000000000000000000000000000000000000000000000",
                        NULL);
  g_assert_false (report->edition_changed);
  g_assert_true (report->texts_differ);
}

static void
test_scale_switch_keeps_file_readable (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  ScsFramework *fw = scs_catalog_get_latest (catalog, "scs");
  g_autoptr(ScsEngagement) e = scs_engagement_new (fw, 3);
  g_autoptr(ScsEngagement) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ScsRecord *a = SCS_RECORD (scs_engagement_ensure_assessment (e, "7-1-1-1"));
  ScsMaturity *m = g_object_new (SCS_TYPE_MATURITY, NULL);

  scs_record_set_string (a, SCS_M_ASSESSMENT_VERDICT, "na");
  scs_record_set_string (a, SCS_M_ASSESSMENT_EXPERT_COMMENT, "対象システムなし");
  /* The official scale has no n/a; the answer stays, counted as not yet rated. */
  scs_record_set_string (SCS_RECORD (e), SCS_M_ENGAGEMENT_VERDICT_SCALE, "official");
  g_assert_cmpint (scs_engagement_get_conformance (e, "7-1-1-1", SCS_COUNT_WITH_FOLLOW_UP), ==, SCS_CONFORMANCE_UNANSWERED);
  /* A maturity row for a subcategory a later edition might drop. */
  scs_record_set_string (SCS_RECORD (m), SCS_M_MATURITY_SUBCATEGORY, "9-9");
  g_list_store_append (G_LIST_STORE (scs_record_get_list (SCS_RECORD (e), SCS_M_ENGAGEMENT_MATURITY)), m);
  g_object_unref (m);

  bytes = scs_storage_serialize (e);
  back = scs_storage_load_bytes (catalog, bytes, NULL, &error);
  g_assert_no_error (error);
  assert_same_model (e, back);
  g_assert_cmpstr (scs_assessment_get_verdict (scs_engagement_get_assessment (back, "7-1-1-1")), ==, "na");
}

static void
test_new_engagement (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  ScsFramework *fw = scs_catalog_get_latest (catalog, "scs");
  g_autoptr(ScsEngagement) e = scs_engagement_new (fw, 4);
  g_autoptr(GBytes) bytes = scs_storage_serialize (e);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsEngagement) back = scs_storage_load_bytes (catalog, bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (scs_engagement_get_level (back), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (SCS_RECORD (back), SCS_M_ENGAGEMENT_VISITS)), ==, 3);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (back), SCS_M_ENGAGEMENT_VERDICT_SCALE), ==, "assessment");
  assert_same_model (e, back);
}

/* Inputs too big to keep in tests/data/: made here, refused with a message, left as they
 * were. */
static void
check_refused (ScsCatalog *catalog,
               const char *path,
               int         code,
               const char *message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = scs_test_sha256_file (path);
  g_autofree char *after = NULL;
  ScsEngagement *e = scs_storage_load (catalog, file, NULL, &error);

  after = scs_test_sha256_file (path);
  g_assert_null (e);
  g_assert_error (error, SCS_FORMAT_ERROR, code);
  if (strstr (error->message, message) == NULL)
    g_error ("%s: got “%s”, expected it to contain “%s”", path, error->message, message);
  g_assert_cmpstr (before, ==, after);
}

static void
test_extreme_inputs (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autofree char *dir = g_dir_make_tmp ("scs-extreme-XXXXXX", NULL);
  g_autofree char *base_path = scs_test_data_path ("base.scsa");
  g_autofree char *base = read_text (base_path);
  g_autofree char *huge_path = g_build_filename (dir, "huge-string.scsa", NULL);
  g_autofree char *deep_path = g_build_filename (dir, "deep.scsa", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *name = strstr (base, "\"name\"");
  FILE *f;

  /* A 100 MB company name: refused unread, as too large to be an engagement. */
  g_assert_nonnull (name);
  f = fopen (huge_path, "w");
  g_assert_nonnull (f);
  fwrite (base, 1, name - base, f);
  fputs ("\"name\": \"", f);
  for (guint i = 0; i < 100 * 1024; i++)
    {
      static char block[1024];

      memset (block, 'x', sizeof block);
      fwrite (block, 1, sizeof block, f);
    }
  fputs ("\", \"x_", f);
  fputs (name + 1, f);
  fclose (f);
  check_refused (catalog, huge_path, SCS_FORMAT_ERROR_TOO_LARGE, "The file is too large to be an engagement");
  {
    /* The same refusal from bytes already in memory. */
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (SCS_STORAGE_MAX_SIZE + 1), SCS_STORAGE_MAX_SIZE + 1);
    g_autoptr(GError) error = NULL;

    g_assert_null (scs_storage_load_bytes (catalog, bytes, NULL, &error));
    g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE);
  }

  /* 10 000 levels of nesting where the company belongs: refused before json-glib recurses;
   * 100 levels (within the limit) reach the member checks. */
  for (guint depth = 10000; depth >= 100; depth /= 100)
    {
      g_string_truncate (text, 0);
      g_string_append_len (text, base, strstr (base, "\"company\"") - base);
      g_string_append (text, "\"company\": ");
      for (guint i = 0; i < depth; i++)
        g_string_append_c (text, '[');
      for (guint i = 0; i < depth; i++)
        g_string_append_c (text, ']');
      g_string_append (text, ", \"x_company\"");
      g_string_append (text, strstr (base, "\"company\"") + strlen ("\"company\""));
      g_assert_true (g_file_set_contents (deep_path, text->str, text->len, NULL));
      if (depth > SCS_JSON_MAX_DEPTH)
        check_refused (catalog, deep_path, SCS_FORMAT_ERROR_TOO_LARGE,
                       "line 13, column 141: the data is nested more than 128 levels deep");
      else
        check_refused (catalog, deep_path, SCS_FORMAT_ERROR_WRONG_TYPE,
                       "$.company: expected an object");
    }

  g_unlink (huge_path);
  g_unlink (deep_path);
  g_rmdir (dir);
}

/* What is not a regular file is refused at once, whatever its name: a FIFO would block a
 * plain open() until a writer came, /dev/zero never ends, and a folder is no file. */
static void
test_not_regular_files (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autofree char *dir = g_dir_make_tmp ("scs-special-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.scsa", NULL);
  g_autofree char *link = g_build_filename (dir, "zero.scsa", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.scsa", NULL);
  struct {
    const char *path;
    const char *message;
  } cases[] = {
    { fifo, "is not a regular file" },
    { "/dev/zero", "is not a regular file" },
    { link, "is not a regular file" },
    { folder, "is a folder, not a file" },
  };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) read_error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 start = g_get_monotonic_time ();

      /* A regression hangs or reads forever: the alarm kills the test instead. */
      alarm (20);
      g_assert_null (scs_storage_load (catalog, file, NULL, &error));
      bytes = scs_storage_read_file (file, 1024, NULL, &read_error);
      alarm (0);
      g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_IO);
      if (strstr (error->message, cases[i].message) == NULL ||
          strstr (error->message, cases[i].path) == NULL)
        g_error ("%s: got “%s”", cases[i].path, error->message);
      g_assert_null (bytes);
      g_assert_error (read_error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_IO);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
    }
  {
    /* The system's reason is kept. */
    g_autofree char *missing = g_build_filename (dir, "missing.scsa", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (missing);
    g_autoptr(GError) error = NULL;

    g_assert_null (scs_storage_read_file (file, 1024, NULL, &error));
    g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_IO);
    g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
    g_assert_cmpint (scs_format_error_get_io_code (error), ==, G_IO_ERROR_NOT_FOUND);
  }
  scs_test_remove_tree (dir);
}

/* A regular file is read whole up to the limit, and refused one byte beyond it, with the
 * size it has or, when its size does not tell, after reading one byte more than the limit. */
static void
test_read_limit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-limit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ten.scsa", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  goffset size = 0;

  g_assert_true (g_file_set_contents (path, "0123456789", 10, NULL));
  bytes = scs_storage_read_file (file, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "0123456789", 10);
  g_assert_null (scs_storage_read_file (file, 9, &size, &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpint (size, ==, 10);
  g_clear_error (&error);
  {
    /* A file whose size says 0 but that holds more (as one still growing would): the
     * reading itself stops one byte past the limit. */
    g_autoptr(GFile) proc = g_file_new_for_path ("/proc/self/maps");
    struct stat st;

    g_assert_cmpint (stat ("/proc/self/maps", &st), ==, 0);
    g_assert_true (S_ISREG (st.st_mode));
    g_assert_cmpint (st.st_size, ==, 0);
    g_assert_null (scs_storage_read_file (proc, 16, &size, &error));
    g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE);
    g_assert_cmpint (size, ==, 17);
  }
  scs_test_remove_tree (dir);
}

/* The app never writes what it would refuse to open: past the size limit the compact form
 * is written, which opens to the same engagement; past it even compact, nothing is written.
 * The limit is lowered to the base file's sizes so that this runs on a small engagement. */
static void
test_never_write_too_large (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autofree char *base_path = scs_test_data_path ("base.scsa");
  g_autoptr(GFile) base_file = g_file_new_for_path (base_path);
  g_autofree char *dir = g_dir_make_tmp ("scs-compact-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (dir, "out.scsa", NULL);
  g_autoptr(GFile) out_file = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsEngagement) e = scs_storage_load (catalog, base_file, NULL, &error);
  g_autoptr(ScsEngagement) again = NULL;
  g_autoptr(GBytes) pretty = NULL;
  g_autoptr(GBytes) compact = NULL;
  g_autoptr(GBytes) compact_again = NULL;
  g_autoptr(GBytes) pretty_again = NULL;
  g_autofree char *compact_text = NULL;

  g_assert_no_error (error);
  pretty = scs_storage_serialize (e);
  g_assert_nonnull (memmem (g_bytes_get_data (pretty, NULL), g_bytes_get_size (pretty), "\n  \"", 4));
  g_assert_true (scs_storage_verify (catalog, pretty, &error));

  /* One byte short of the pretty form: the compact one. */
  scs_storage_set_max_size (g_bytes_get_size (pretty) - 1);
  compact = scs_storage_serialize (e);
  compact_text = g_strndup (g_bytes_get_data (compact, NULL), g_bytes_get_size (compact));
  g_assert_cmpuint (g_bytes_get_size (compact), <, g_bytes_get_size (pretty));
  g_assert_null (strstr (compact_text, "\n  "));
  g_assert_true (g_str_has_suffix (compact_text, "}\n"));
  g_assert_true (scs_storage_verify (catalog, compact, &error));
  g_assert_no_error (error);
  g_assert_true (scs_storage_write (compact, out_file, &error));
  g_assert_no_error (error);
  again = scs_storage_load (catalog, out_file, NULL, &error);
  g_assert_no_error (error);
  compact_again = scs_storage_serialize (again);
  g_assert_true (g_bytes_equal (compact, compact_again));
  /* Under the real limit the same engagement is pretty again, byte for byte. */
  scs_storage_set_max_size (0);
  pretty_again = scs_storage_serialize (again);
  g_assert_true (g_bytes_equal (pretty, pretty_again));

  /* One byte short of the compact form: refused by the check and by the writer, and the
   * file there is left as it was. */
  scs_storage_set_max_size (g_bytes_get_size (compact) - 1);
  g_clear_pointer (&compact_again, g_bytes_unref);
  compact_again = scs_storage_serialize (again);
  g_assert_true (g_bytes_equal (compact, compact_again));
  g_assert_false (scs_storage_verify (catalog, compact_again, &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_false (scs_storage_write (pretty, out_file, &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too large to be saved"));
  g_clear_error (&error);
  {
    g_autofree char *on_disk = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (out_path, &on_disk, &length, NULL));
    g_assert_cmpmem (on_disk, length, g_bytes_get_data (compact, NULL), g_bytes_get_size (compact));
  }
  scs_storage_set_max_size (0);
  scs_test_remove_tree (dir);
}

/* Every number the scan lets through is written back as JSON the app opens again: an
 * unknown member holding doubles survives a save. */
static void
test_doubles_round_trip (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autofree char *base_path = scs_test_data_path ("base.scsa");
  g_autofree char *base = read_text (base_path);
  g_autoptr(GString) text = g_string_new (base);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsEngagement) e = NULL;

  g_assert_cmpuint (g_string_replace (text, "{", "{\"x_future\": [1.5e20, 100.0, 0.1, "
                                      "-2.5e-300, 1e16, 12345678901234567890.5],", 1), ==, 1);
  bytes = g_bytes_new (text->str, text->len);
  e = scs_storage_load_bytes (catalog, bytes, NULL, &error);
  g_assert_no_error (error);
  saved = scs_storage_serialize (e);
  g_assert_true (scs_storage_verify (catalog, saved, &error));
  g_assert_no_error (error);
}

/* The pre-scan's verdicts, one class each, on small documents. */
static void
test_json_scan (void)
{
  struct {
    const char *json;
    int         code;       /* -1: accepted */
    const char *message;
  } cases[] = {
    { "{\"a\": [1, 2.5e3, -0, true, false, null, \"\\ud83d\\ude00\\n\"]}", -1, NULL },
    { "\xef\xbb\xbf{}\n", -1, NULL },
    { "{\"a\": 9223372036854775807, \"b\": -9223372036854775808}", -1, NULL },
    { "{\"a\": 9223372036854775808}", SCS_FORMAT_ERROR_TOO_LARGE, "$.a: 9223372036854775808 is too large a number" },
    { "[0, -9223372036854775809]", SCS_FORMAT_ERROR_TOO_LARGE, "$[1]: -9223372036854775809 is too large" },
    { "[1e400]", SCS_FORMAT_ERROR_TOO_LARGE, "$[0]: 1e400 is too large a number" },
    /* json-glib would write it back as 1e+20.0, which is not JSON */
    { "{\"x\": 1e20}", SCS_FORMAT_ERROR_TOO_LARGE, "$.x: 1e20 is too large a number" },
    { "[1.5e20, 100.0, 1e16, 2.5e-300]", -1, NULL },
    { "{\"a\": {\"b\": 1, \"c\": 2, \"b\": 3}}", SCS_FORMAT_ERROR_DUPLICATE, "$.a.b: this member is given twice" },
    { "{\"a\": 1, \"\\u0061\": 2}", SCS_FORMAT_ERROR_DUPLICATE, "$.\\u0061: this member is given twice" },
    { "[{\"a\": 1}, {\"a\": 1}]", -1, NULL },
    { "{\"a\": \"x\\u0000\"}", SCS_FORMAT_ERROR_ENCODING, "$.a: the text holds a NUL character" },
    { "{\"k\\u0000\": 1}", SCS_FORMAT_ERROR_ENCODING, "$.k\\u0000: the text holds a NUL character" },
    { "[\"\\ud800\"]", SCS_FORMAT_ERROR_ENCODING, "$[0]: the text holds an unpaired surrogate escape (\\ud800)" },
    { "[\"\\uDC00\"]", SCS_FORMAT_ERROR_ENCODING, "$[0]: the text holds an unpaired surrogate escape (\\uDC00)" },
    { "[\"\\ud800\\ud800\"]", SCS_FORMAT_ERROR_ENCODING, "unpaired surrogate escape (\\ud800)" },
    { "{} {}", SCS_FORMAT_ERROR_SYNTAX, "line 1, column 4: more follows the end of the JSON document" },
    { "{}\n x", SCS_FORMAT_ERROR_SYNTAX, "line 2, column 2: more follows the end" },
    { "[1,]", SCS_FORMAT_ERROR_SYNTAX, "line 1, column 4: unexpected “]”" },
    { "[0x10]", SCS_FORMAT_ERROR_SYNTAX, "line 1, column 3: unexpected “x”" },
    { "['a']", SCS_FORMAT_ERROR_SYNTAX, "line 1, column 2: unexpected “'”" },
    { "[\"a\tb\"]", SCS_FORMAT_ERROR_SYNTAX, "a control character inside a text" },
    { "[\"\\x41\"]", SCS_FORMAT_ERROR_SYNTAX, "starts no valid escape" },
    { "{\"a\": [1, 2", SCS_FORMAT_ERROR_SYNTAX, "the file ends too early" },
    { "[\"abc", SCS_FORMAT_ERROR_SYNTAX, "a text is not closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = scs_json_scan (cases[i].json, strlen (cases[i].json), &error);

      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          continue;
        }
      g_assert_false (ok);
      g_assert_error (error, SCS_FORMAT_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: got “%s”", cases[i].json, error->message);
    }

  /* Nesting: the limit itself is fine, one more is not. */
  for (guint depth = SCS_JSON_MAX_DEPTH; depth <= SCS_JSON_MAX_DEPTH + 1; depth++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < depth; i++)
        g_string_append (text, i % 2 ? "{\"k\": " : "[");
      g_string_append_c (text, '0');
      for (guint i = depth; i-- > 0;)
        g_string_append (text, i % 2 ? "}" : "]");
      if (depth == SCS_JSON_MAX_DEPTH)
        g_assert_true (scs_json_scan (text->str, text->len, &error));
      else
        {
          g_assert_false (scs_json_scan (text->str, text->len, &error));
          g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE);
        }
    }

  {
    /* An object of 100 000 members, each once, then one again: found, in linear time. */
    g_autoptr(GString) text = g_string_new ("{");
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < 100000; i++)
      g_string_append_printf (text, "\"m%u\": %u, ", i, i);
    g_string_append (text, "\"m0\": 0}");
    g_assert_false (scs_json_scan (text->str, text->len, &error));
    g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_DUPLICATE);
    g_assert_nonnull (strstr (error->message, "$.m0: this member"));
  }
}

/* Every control character a text can hold is written as an escape, U+001F included, which
 * json-glib 1.6 alone leaves raw; the saved file loads and holds the same text. */
static void
test_control_characters_saved_as_escapes (void)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  g_autoptr(ScsEngagement) e = scs_engagement_new (scs_catalog_get_latest (catalog, "scs"), 3);
  g_autoptr(ScsEngagement) again = NULL;
  g_autoptr(GString) text = g_string_new ("株式会社");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GError) error = NULL;
  ScsRecord *company = SCS_RECORD (scs_engagement_get_company (e));
  const char *data;
  gsize size;

  for (int c = 1; c < 0x20; c++)
    g_string_append_c (text, (char) c);
  g_string_append (text, "\x7f\xc2\x85末尾");
  scs_record_set_string (company, SCS_M_COMPANY_NAME, text->str);
  bytes = scs_storage_serialize (e);
  data = g_bytes_get_data (bytes, &size);
  for (gsize i = 0; i + 1 < size; i++)
    if ((guchar) data[i] < 0x20)
      g_assert_true (data[i] == '\n');
  g_assert_nonnull (strstr (data, "\\u001f"));
  again = scs_storage_load_bytes (catalog, bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scs_record_get_string (SCS_RECORD (scs_engagement_get_company (again)), SCS_M_COMPANY_NAME),
                   ==, text->str);
  bytes_again = scs_storage_serialize (again);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
}

/* The engagement's size limit is the engagement's: an export of any size is written. */
static void
test_size_limit_is_the_engagements (void)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-limit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *data = g_strnfill (4096, 'x');
  g_autoptr(GBytes) bytes = g_bytes_new (data, 4096);
  g_autoptr(GError) error = NULL;

  scs_storage_set_max_size (1024);
  g_assert_false (scs_storage_write (bytes, file, &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (scs_storage_write_file (bytes, file, NULL));
  scs_storage_set_max_size (0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  scs_test_remove_tree (dir);
}

static GString *
object_of_keys (guint        n_blocks,
                gboolean     colliding)
{
  GString *json = g_string_new ("{");

  for (guint k = 0; k < (1u << n_blocks); k++)
    {
      g_string_append (json, k > 0 ? ",\"" : "\"");
      for (guint b = 0; b < n_blocks; b++)
        if (colliding)
          /* g_str_hash (djb2) gives "AA" and "B " the same value, and so every string
           * made of them, block by block. */
          g_string_append (json, (k >> b) & 1 ? "B " : "AA");
        else
          g_string_append_printf (json, "%c%c", 'a' + (k >> b) % 26, 'a' + (b % 26));
      g_string_append (json, "\":0");
    }
  g_string_append (json, "}");
  return json;
}

static double
best_scan_time (GString *json)
{
  double best = G_MAXDOUBLE;

  for (int round = 0; round < 3; round++)
    {
      gint64 start = g_get_monotonic_time ();

      g_assert_true (scs_json_scan (json->str, json->len, NULL));
      best = MIN (best, (g_get_monotonic_time () - start) / 1e6);
    }
  return best;
}

/* Member names made to collide under a fixed string hash do not make the duplicate check
 * quadratic: 16 384 such names take about as long as as many ordinary ones. */
static void
test_scan_colliding_names (void)
{
  g_autoptr(GString) colliding = object_of_keys (14, TRUE);
  g_autoptr(GString) plain = object_of_keys (14, FALSE);
  double t_colliding, t_plain;

  g_assert_cmpuint (g_str_hash ("AAAA"), ==, g_str_hash ("B B "));
  t_colliding = best_scan_time (colliding);
  t_plain = best_scan_time (plain);
  g_test_message ("16 384 names: colliding %.4f s, ordinary %.4f s", t_colliding, t_plain);
  g_assert_cmpfloat (t_colliding, <, 10 * t_plain + 0.01);
}

int
main (int   argc,
      char *argv[])
{
  scs_test_init (&argc, &argv);

  g_test_add_func ("/storage/round-trip", test_round_trip);
  g_test_add_func ("/storage/unknown-members-kept", test_unknown_members_kept);
  g_test_add_func ("/storage/malformed-files", test_malformed_files);
  g_test_add_func ("/storage/extreme-inputs", test_extreme_inputs);
  g_test_add_func ("/storage/error-codes", test_error_codes);
  g_test_add_func ("/storage/missing-file", test_missing_file);
  g_test_add_func ("/storage/draft-to-official", test_draft_to_official);
  g_test_add_func ("/storage/unknown-edition", test_unknown_edition);
  g_test_add_func ("/storage/reworded-same-edition", test_reworded_same_edition);
  g_test_add_func ("/storage/scale-switch-keeps-file-readable", test_scale_switch_keeps_file_readable);
  g_test_add_func ("/storage/new-engagement", test_new_engagement);
  g_test_add_func ("/storage/not-regular-files", test_not_regular_files);
  g_test_add_func ("/storage/read-limit", test_read_limit);
  g_test_add_func ("/storage/never-write-too-large", test_never_write_too_large);
  g_test_add_func ("/storage/json-scan", test_json_scan);
  g_test_add_func ("/storage/doubles-round-trip", test_doubles_round_trip);
  g_test_add_func ("/storage/control-characters-escaped", test_control_characters_saved_as_escapes);
  g_test_add_func ("/storage/size-limit-is-the-engagements", test_size_limit_is_the_engagements);
  g_test_add_func ("/storage/scan-colliding-names", test_scan_colliding_names);

  return g_test_run ();
}
