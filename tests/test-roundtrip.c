/* test-roundtrip.c — whatever the model accepts, the file keeps and the loader accepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Random sequences of edits through the public API, over every record kind and every
 * member (found by walking each class's field table), with texts from all of Unicode and
 * some byte strings that are not UTF-8 at all. After each sequence the engagement is saved,
 * loaded and saved again: it must load, and the two files must be the same bytes.
 *
 * SCS_ROUNDTRIP_SEED=n replays one run; SCS_ROUNDTRIP_ROUNDS=n changes how many rounds.
 */
#include <string.h>

#include "scs-test.h"

/* texts ----------------------------------------------------------------------------- */

static const char * const pieces[] = {
  "a", "Z", "0", " ", "\t", "\n", "\"", "\\", "/", "<tag>", "&amp;", "%s", "{}", "[]",
  "情報セキュリティ", "基本方針", "㈱", "ｶﾀｶﾅ", "　",              /* Japanese, U+3000 */
  "🔒", "👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇯🇵",                        /* emoji, ZWJ, flags */
  "\u200f", "\u200e", "\u202e", "\u2066", "\u2069", "\u061c",  /* RTL and bidi controls */
  "עברית", "العربية",
  "\ufeff", "\ufffe", "\uffff", "\ufdd0", "\U0010ffff", "\U0001fffe",  /* BOM, nonchars */
  "\x01", "\x1b", "\x1f", "\x7f", "\xc2\x80", "\xc2\x85", "\xc2\x9f",  /* C0, C1 */
  "\u2028", "\u2029", "e\u0301", "\U0001d11e",
  /* Not UTF-8: an encoded surrogate, overlong forms, a lone continuation byte, a truncated
   * sequence, bytes never used, a code point past U+10FFFF. */
  "\xed\xa0\x80", "\xed\xbf\xbf", "\xc0\xaf", "\xe0\x80\xaf", "\xc1\xbf", "\x80", "\xe3\x81",
  "\xff", "\xfe", "\xf4\x90\x80\x80",
};

static char *
random_text (GRand *rand)
{
  GString *out = g_string_new (NULL);
  guint shape = (guint) g_rand_int_range (rand, 0, 10);
  guint n;

  switch (shape)
    {
    case 0:
      break;                                                       /* empty */
    case 1:
      n = (guint) g_rand_int_range (rand, 1, 6);                   /* blanks only */
      for (guint i = 0; i < n; i++)
        g_string_append (out, (const char *[]) { " ", "\t", "\n", "　", "\u00a0" }
                                [g_rand_int_range (rand, 0, 5)]);
      break;
    case 2:
      if (g_rand_int_range (rand, 0, 8) > 0)                       /* very long, now and then */
        {
          g_string_append (out, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          break;
        }
      n = (guint) g_rand_int_range (rand, 2000, 20000);
      for (guint i = 0; i < n; i++)
        g_string_append (out, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      break;
    case 3:
      {
        /* A text with a NUL in it: through a C string, the API sees what comes before. */
        const char with_nul[] = "前\0後";

        g_string_append_len (out, with_nul, sizeof with_nul - 1);
      }
      break;
    default:
      n = (guint) g_rand_int_range (rand, 1, 12);
      for (guint i = 0; i < n; i++)
        g_string_append (out, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
    }
  return g_string_free (out, FALSE);
}

/* What a member of text kind could be set to: mostly well-formed, often not. */
static char *
random_value (GRand          *rand,
              const ScsField *f)
{
  static const char * const dates[] = {
    "2026-04-15", "2024-02-29", "0001-01-01", "9999-12-31", "2026-02-30", "2025-02-29",
    "2026/4/15", "2026-4-15", "20260415", " 2026-04-15", "2026-04-15 ", "２０２６-04-15",
  };
  static const char * const times[] = {
    "13:30", "00:00", "23:59", "24:00", "12:60", "1330", "9:05", "09:05 ", "13時30分",
  };
  static const char * const datetimes[] = {
    "2026-04-15T13:30:00Z", "2026-04-15T13:30:00+09:00", "2026-04-15T13:30:00",
    "2026-02-30T00:00:00Z", "2026-04-15",
  };

  switch (f->kind)
    {
    case SCS_FIELD_DATE:
      if (g_rand_boolean (rand))
        return g_strdup (dates[g_rand_int_range (rand, 0, G_N_ELEMENTS (dates))]);
      break;
    case SCS_FIELD_TIME:
      if (g_rand_boolean (rand))
        return g_strdup (times[g_rand_int_range (rand, 0, G_N_ELEMENTS (times))]);
      break;
    case SCS_FIELD_DATETIME:
      if (g_rand_boolean (rand))
        return g_strdup (datetimes[g_rand_int_range (rand, 0, G_N_ELEMENTS (datetimes))]);
      break;
    case SCS_FIELD_CHOICE:
      if (g_rand_int_range (rand, 0, 4) > 0)
        {
          guint n = g_strv_length ((char **) f->choices);
          guint i = (guint) g_rand_int_range (rand, 0, (gint32) n + 1);

          return g_strdup (i < n ? f->choices[i] : "");
        }
      break;
    case SCS_FIELD_STRING:
    case SCS_FIELD_ID:
    case SCS_FIELD_BOOLEAN:
    case SCS_FIELD_INT:
    case SCS_FIELD_STRV:
    case SCS_FIELD_OBJECT:
    case SCS_FIELD_LIST:
    default:
      break;
    }
  return random_text (rand);
}

/* the model ------------------------------------------------------------------------- */

typedef struct {
  GRand         *rand;
  ScsCatalog    *catalog;
  ScsEngagement *engagement;
  ScsHistory    *history;
  guint          edits;
  guint          refused;
  guint          counter;    /* for ids that must be unique */
} Run;

static void
collect_records (ScsRecord *record,
                 GPtrArray *out)
{
  ScsRecordClass *klass = SCS_RECORD_GET_CLASS (record);

  g_ptr_array_add (out, record);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ScsField *f = &klass->fields[i];

      if (f->kind == SCS_FIELD_OBJECT)
        collect_records (scs_record_get_object (record, f->name), out);
      else if (f->kind == SCS_FIELD_LIST)
        {
          GListModel *list = scs_record_get_list (record, f->name);

          for (guint j = 0; j < g_list_model_get_n_items (list); j++)
            {
              g_autoptr(ScsRecord) item = g_list_model_get_item (list, j);

              collect_records (item, out);
            }
        }
    }
}

static gboolean
is (ScsRecord  *record,
    GType       type,
    const char *field,
    const char *name)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (record, type) && g_str_equal (field, name);
}

static const char *
pick_scale_value (Run            *run,
                  const ScsScale *scale)
{
  guint n = scale != NULL ? scale->values->len : 0;
  guint i = (guint) g_rand_int_range (run->rand, 0, (gint32) n + 1);

  return i < n ? ((ScsScaleValue *) g_ptr_array_index (scale->values, i))->id : "";
}

static ScsFramework *
framework (Run *run)
{
  return scs_engagement_get_framework (run->engagement);
}

static char *
random_document_id (Run *run)
{
  GListModel *docs = scs_record_get_list (SCS_RECORD (run->engagement), SCS_M_ENGAGEMENT_DOCUMENTS);
  guint n = g_list_model_get_n_items (docs);
  guint i = (guint) g_rand_int_range (run->rand, 0, (gint32) n + 1);
  g_autoptr(ScsRecord) doc = NULL;

  if (i == n)
    return g_strdup ("");
  doc = g_list_model_get_item (docs, i);
  return g_strdup (scs_record_get_string (doc, SCS_M_DOCUMENT_ID));
}

/* Members whose values the loader checks against other records or the framework. The
 * window sets them only from lists of what is allowed, and so does this test: a random
 * text there is a test that says nothing. Returns TRUE when it handled the edit. */
static gboolean
edit_constrained (Run            *run,
                  ScsRecord      *record,
                  const ScsField *f)
{
  const char *name = f->name;

  if ((f->flags & SCS_FIELD_TRANSIENT) ||
      G_TYPE_CHECK_INSTANCE_TYPE (record, SCS_TYPE_FRAMEWORK_REF) ||
      is (record, SCS_TYPE_DOCUMENT, name, SCS_M_DOCUMENT_ID) ||
      is (record, SCS_TYPE_PLAN_ITEM, name, SCS_M_PLAN_ITEM_ID) ||
      is (record, SCS_TYPE_MATURITY, name, SCS_M_MATURITY_SUBCATEGORY) ||
      is (record, SCS_TYPE_ASSESSMENT, name, SCS_M_ASSESSMENT_CRITERION) ||
      is (record, SCS_TYPE_CHECKLIST_ANSWER, name, SCS_M_CHECKLIST_ANSWER_ITEM) ||
      is (record, SCS_TYPE_SCOPE_ANSWER, name, SCS_M_SCOPE_ANSWER_QUESTION) ||
      is (record, SCS_TYPE_VISIT, name, SCS_M_VISIT_NUMBER))
    return TRUE;   /* keys: made unique when the item is made, never edited */

  if (is (record, SCS_TYPE_ENGAGEMENT, name, SCS_M_ENGAGEMENT_VERDICT_SCALE))
    {
      GPtrArray *scales = scs_framework_get_verdict_scales (framework (run));
      ScsScale *scale = g_ptr_array_index (scales, g_rand_int_range (run->rand, 0, (gint32) scales->len));

      scs_record_set_string (record, name, scale->id);
    }
  else if (is (record, SCS_TYPE_ENGAGEMENT, name, SCS_M_ENGAGEMENT_LEVEL))
    {
      int level = g_rand_boolean (run->rand) ? 3 : 4;

      if (scs_framework_has_level (framework (run), level))
        scs_record_set_int (record, name, level);
    }
  else if (is (record, SCS_TYPE_COMPANY, name, SCS_M_COMPANY_EMPLOYEE_BAND))
    {
      GPtrArray *bands = scs_framework_get_employee_bands (framework (run));
      guint i = (guint) g_rand_int_range (run->rand, 0, (gint32) bands->len + 1);

      scs_record_set_string (record, name,
                             i < bands->len ? ((ScsBand *) g_ptr_array_index (bands, i))->id : "");
    }
  else if (is (record, SCS_TYPE_EXPERT, name, SCS_M_EXPERT_QUALIFICATIONS))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) quals = NULL;

      for (guint i = 0; scs_qualification_ids[i] != NULL; i++)
        if (g_rand_boolean (run->rand))
          g_strv_builder_add (builder, scs_qualification_ids[i]);
      quals = g_strv_builder_end (builder);
      scs_record_set_strv (record, name, (const char * const *) quals);
    }
  else if (is (record, SCS_TYPE_ASSESSMENT, name, SCS_M_ASSESSMENT_COMPANY_STATUS))
    scs_record_set_string (record, name,
                           pick_scale_value (run, scs_framework_get_company_scale (framework (run))));
  else if (is (record, SCS_TYPE_ASSESSMENT, name, SCS_M_ASSESSMENT_VERDICT))
    scs_record_set_string (record, name,
                           pick_scale_value (run, scs_engagement_get_verdict_scale (run->engagement)));
  else if (is (record, SCS_TYPE_CHECKLIST_ANSWER, name, SCS_M_CHECKLIST_ANSWER_ANSWER))
    {
      GListStore *csm = G_LIST_STORE (scs_record_get_list (SCS_RECORD (run->engagement), SCS_M_ENGAGEMENT_CSM_CHECK));
      const char *id = g_list_store_find (csm, record, NULL) ? "csm-guidelines-v2"
                                                             : "five-minute-diagnosis";
      ScsFramework *checklist = scs_catalog_get_latest (run->catalog, id);

      scs_record_set_string (record, name, pick_scale_value (run, scs_framework_get_answers (checklist)));
    }
  else if (is (record, SCS_TYPE_REFERENCE, name, SCS_M_REFERENCE_DOCUMENT))
    {
      g_autofree char *id = random_document_id (run);

      scs_record_set_string (record, name, id);
    }
  else if (is (record, SCS_TYPE_REFERENCE, name, SCS_M_REFERENCE_SHA256))
    {
      g_autofree char *text = random_text (run->rand);
      g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

      scs_record_set_string (record, name, g_rand_boolean (run->rand) ? sha : "");
    }
  else
    return FALSE;
  run->edits++;
  return TRUE;
}

static void
edit_text (Run            *run,
           ScsRecord      *record,
           const ScsField *f)
{
  g_autofree char *value = random_value (run->rand, f);
  g_autofree char *repaired = g_utf8_make_valid (value, -1);
  g_autofree char *before = g_strdup (scs_record_get_string (record, f->name));
  g_autoptr(GError) error = NULL;
  gboolean valid;

  valid = scs_record_check_string (record, f->name, value, NULL);
  if (scs_record_try_set_string (record, f->name, value, &error))
    {
      g_assert_true (valid);
      /* Taken as given, or with the bytes that are not UTF-8 replaced. */
      g_assert_cmpstr (scs_record_get_string (record, f->name), ==, repaired);
      run->edits++;
    }
  else
    {
      g_assert_false (valid);
      g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE);
      g_assert_cmpstr (scs_record_get_string (record, f->name), ==, before);
      run->refused++;
    }

  /* Dates and times as typed: whatever the reader gives, the member takes. */
  if (f->kind == SCS_FIELD_DATE || f->kind == SCS_FIELD_TIME)
    {
      g_autofree char *iso = f->kind == SCS_FIELD_DATE ? scs_normalize_date (value, NULL)
                                                       : scs_normalize_time (value, NULL);

      if (iso != NULL)
        {
          g_assert_true (scs_record_try_set_string (record, f->name, iso, NULL));
          run->edits++;
        }
    }
}

static void
edit_strv (Run            *run,
           ScsRecord      *record,
           const ScsField *f)
{
  guint n = (guint) g_rand_int_range (run->rand, 0, 4);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (texts, random_text (run->rand));
  g_ptr_array_add (texts, NULL);
  scs_record_set_strv (record, f->name, (const char * const *) texts->pdata);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *repaired = g_utf8_make_valid (g_ptr_array_index (texts, i), -1);

      g_assert_cmpstr (scs_record_get_strv (record, f->name)[i], ==, repaired);
    }
  run->edits++;
}

static gboolean
document_is_cited (Run        *run,
                   const char *id)
{
  GListModel *assessments = scs_engagement_get_assessments (run->engagement);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (assessments, i);

      for (guint p = 0; p < SCS_N_PROCEDURES; p++)
        {
          GListModel *refs = scs_record_get_list (SCS_RECORD (scs_assessment_get_procedure (a, p)), SCS_M_PROCEDURE_REFS);

          for (guint r = 0; r < g_list_model_get_n_items (refs); r++)
            {
              g_autoptr(ScsRecord) ref = g_list_model_get_item (refs, r);

              if (g_str_equal (scs_record_get_string (ref, SCS_M_REFERENCE_DOCUMENT), id))
                return TRUE;
            }
        }
    }
  return FALSE;
}

/* A new item of the list's kind, made as the window makes one: keys unique, references to
 * what exists. NULL when the list is made only through its own operation. */
static ScsRecord *
new_item (Run            *run,
          ScsRecord      *owner,
          const ScsField *f)
{
  GType type = f->child_type ();
  ScsRecord *item;

  if (type == SCS_TYPE_ASSESSMENT || type == SCS_TYPE_CHECKLIST_ANSWER ||
      type == SCS_TYPE_SCOPE_ANSWER || type == SCS_TYPE_VISIT || type == SCS_TYPE_MATURITY)
    return NULL;
  item = g_object_new (type, NULL);
  if (type == SCS_TYPE_DOCUMENT)
    {
      g_autofree char *id = scs_engagement_new_document_id (run->engagement);

      scs_record_set_string (item, SCS_M_DOCUMENT_ID, id);
      scs_record_set_string (item, SCS_M_DOCUMENT_KIND, "other");
    }
  else if (type == SCS_TYPE_PLAN_ITEM)
    {
      g_autofree char *id = g_strdup_printf ("T%u", ++run->counter);

      scs_record_set_string (item, SCS_M_PLAN_ITEM_ID, id);
    }
  else if (type == SCS_TYPE_REFERENCE)
    {
      g_autofree char *id = random_document_id (run);

      scs_record_set_string (item, SCS_M_REFERENCE_DOCUMENT, id);
    }
  return item;
}

/* The lists whose items are made by the engagement's own operations. */
static void
ensure_item (Run *run)
{
  ScsFramework *fw = framework (run);
  int level = scs_engagement_get_level (run->engagement);

  switch (g_rand_int_range (run->rand, 0, 5))
    {
    case 0:
      {
        GListModel *assessables = scs_framework_get_assessables (fw, level);
        g_autoptr(ScsNode) node = g_list_model_get_item (
          assessables, (guint) g_rand_int_range (run->rand, 0, (gint32) g_list_model_get_n_items (assessables)));

        scs_engagement_ensure_assessment (run->engagement, scs_node_get_id (node));
      }
      break;
    case 1:
      {
        gboolean csm = g_rand_boolean (run->rand);
        ScsFramework *checklist = scs_catalog_get_latest (run->catalog, csm ? "csm-guidelines-v2"
                                                                            : "five-minute-diagnosis");
        GListModel *items = scs_framework_get_items (checklist);
        g_autoptr(ScsNode) node = g_list_model_get_item (
          items, (guint) g_rand_int_range (run->rand, 0, (gint32) g_list_model_get_n_items (items)));

        scs_engagement_ensure_checklist_answer (run->engagement, csm ? "csm_check" : "diagnosis",
                                                scs_node_get_id (node));
      }
      break;
    case 2:
      scs_engagement_ensure_scope_answer (run->engagement,
                                          scs_scope_question_ids[g_rand_int_range (
                                            run->rand, 0, (gint32) g_strv_length ((char **) scs_scope_question_ids))]);
      break;
    case 3:
      scs_engagement_ensure_visit (run->engagement, g_rand_int_range (run->rand, 1, 100));
      break;
    default:
      {
        GListModel *subs = scs_framework_get_subcategories (fw, level);
        g_autoptr(ScsNode) node = g_list_model_get_item (
          subs, (guint) g_rand_int_range (run->rand, 0, (gint32) g_list_model_get_n_items (subs)));

        scs_engagement_ensure_maturity (run->engagement, scs_node_get_id (node));
      }
    }
  run->edits++;
}

static void
edit_list (Run            *run,
           ScsRecord      *owner,
           const ScsField *f)
{
  GListStore *list = G_LIST_STORE (scs_record_get_list (owner, f->name));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint action = (guint) g_rand_int_range (run->rand, 0, 3);

  if (action == 0 || n == 0)
    {
      g_autoptr(ScsRecord) item = new_item (run, owner, f);

      if (item == NULL)
        return;
      scs_history_insert (run->history, owner, list,
                          (guint) g_rand_int_range (run->rand, 0, (gint32) n + 1), item);
    }
  else if (action == 1)
    {
      guint position = (guint) g_rand_int_range (run->rand, 0, (gint32) n);
      g_autoptr(ScsRecord) item = g_list_model_get_item (G_LIST_MODEL (list), position);

      /* As the Documents page: a cited document stays. Assessments are never removed. */
      if (f->child_type () == SCS_TYPE_ASSESSMENT ||
          (SCS_IS_DOCUMENT (item) && document_is_cited (run, scs_record_get_string (item, SCS_M_DOCUMENT_ID))))
        return;
      scs_history_remove (run->history, owner, list, position);
    }
  else
    {
      guint from = (guint) g_rand_int_range (run->rand, 0, (gint32) n);
      guint to = (guint) g_rand_int_range (run->rand, 0, (gint32) n);
      g_autoptr(ScsRecord) item = g_list_model_get_item (G_LIST_MODEL (list), from);

      /* The loader puts assessments in the framework's order; the window never moves them. */
      if (f->child_type () == SCS_TYPE_ASSESSMENT)
        return;
      scs_history_begin_group (run->history);
      scs_history_remove (run->history, owner, list, from);
      scs_history_insert (run->history, owner, list, to, item);
      scs_history_end_group (run->history);
    }
  run->edits++;
}

static void
random_edit (Run *run)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  ScsRecord *record;
  ScsRecordClass *klass;
  const ScsField *f;
  guint what = (guint) g_rand_int_range (run->rand, 0, 100);

  if (what < 5)
    {
      ensure_item (run);
      return;
    }
  if (what < 8)
    {
      /* A document typed on a criterion page. */
      GListModel *assessments = scs_engagement_get_assessments (run->engagement);
      guint n = g_list_model_get_n_items (assessments);
      g_autoptr(ScsAssessment) a = NULL;
      g_autofree char *title = random_text (run->rand);

      if (n == 0)
        return;
      a = g_list_model_get_item (assessments, (guint) g_rand_int_range (run->rand, 0, (gint32) n));
      if (scs_history_cite_document_title (run->history, SCS_RECORD (scs_assessment_get_procedure (a, 0)),
                                           title, NULL) != NULL)
        run->edits++;
      else
        run->refused++;
      return;
    }
  if (what < 11)
    {
      if (scs_history_can_undo (run->history) && g_rand_boolean (run->rand))
        scs_history_undo (run->history);
      else if (scs_history_can_redo (run->history))
        scs_history_redo (run->history);
      run->edits++;
      return;
    }

  collect_records (SCS_RECORD (run->engagement), records);
  record = g_ptr_array_index (records, g_rand_int_range (run->rand, 0, (gint32) records->len));
  klass = SCS_RECORD_GET_CLASS (record);
  f = &klass->fields[g_rand_int_range (run->rand, 0, (gint32) klass->n_fields)];

  if (edit_constrained (run, record, f))
    return;
  switch (f->kind)
    {
    case SCS_FIELD_STRING:
    case SCS_FIELD_ID:
    case SCS_FIELD_CHOICE:
    case SCS_FIELD_DATE:
    case SCS_FIELD_TIME:
    case SCS_FIELD_DATETIME:
      edit_text (run, record, f);
      break;
    case SCS_FIELD_BOOLEAN:
      scs_record_set_boolean (record, f->name, g_rand_boolean (run->rand));
      run->edits++;
      break;
    case SCS_FIELD_INT:
      scs_record_set_int (record, f->name, g_rand_boolean (run->rand)
                          ? f->min + g_rand_int_range (run->rand, 0, 3)
                          : f->max - g_rand_int_range (run->rand, 0, 3));
      run->edits++;
      break;
    case SCS_FIELD_STRV:
      edit_strv (run, record, f);
      break;
    case SCS_FIELD_LIST:
      edit_list (run, record, f);
      break;
    case SCS_FIELD_OBJECT:
    default:
      break;
    }
}

static guint
count_filled (GListModel *list)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (list, i);

      n += !scs_record_is_blank (item);
    }
  return n;
}

/* Saves, loads and saves again; returns the loaded engagement. */
static ScsEngagement *
round_trip (Run   *run,
            guint  round)
{
  g_autoptr(GBytes) first = scs_storage_serialize (run->engagement);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  ScsEngagement *loaded = scs_storage_load_bytes (run->catalog, first, NULL, &error);
  ScsRecord *a = SCS_RECORD (run->engagement), *b;

  if (loaded == NULL)
    g_error ("round %u: the file the model made does not load: %s", round, error->message);
  b = SCS_RECORD (loaded);
  second = scs_storage_serialize (loaded);
  if (!g_bytes_equal (first, second))
    g_error ("round %u: saving the loaded file gives other bytes", round);

  g_assert_cmpstr (scs_record_get_string (scs_record_get_object (a, SCS_M_ENGAGEMENT_COMPANY), SCS_M_COMPANY_NAME), ==,
                   scs_record_get_string (scs_record_get_object (b, SCS_M_ENGAGEMENT_COMPANY), SCS_M_COMPANY_NAME));
  g_assert_cmpstr (scs_record_get_string (scs_record_get_object (a, SCS_M_ENGAGEMENT_PLAN), SCS_M_PLAN_DATE), ==,
                   scs_record_get_string (scs_record_get_object (b, SCS_M_ENGAGEMENT_PLAN), SCS_M_PLAN_DATE));
  g_assert_cmpuint (g_list_model_get_n_items (scs_record_get_list (a, SCS_M_ENGAGEMENT_DOCUMENTS)), ==,
                    g_list_model_get_n_items (scs_record_get_list (b, SCS_M_ENGAGEMENT_DOCUMENTS)));
  /* Assessments nobody filled in are left out of the file. */
  g_assert_cmpuint (count_filled (scs_engagement_get_assessments (run->engagement)), ==,
                    g_list_model_get_n_items (scs_engagement_get_assessments (loaded)));
  return loaded;
}

static guint64
seed_from_env (void)
{
  const char *env = g_getenv ("SCS_ROUNDTRIP_SEED");

  if (env != NULL)
    return g_ascii_strtoull (env, NULL, 10);
  return (guint64) g_get_real_time ();
}

static void
run_rounds (const char *start,
            guint       default_rounds)
{
  g_autoptr(ScsCatalog) catalog = scs_test_catalog ();
  const char *rounds_env = g_getenv ("SCS_ROUNDTRIP_ROUNDS");
  guint rounds = rounds_env != NULL ? (guint) g_ascii_strtoull (rounds_env, NULL, 10) : default_rounds;
  guint64 seed = seed_from_env ();
  Run run = { 0 };
  g_autoptr(GTimer) timer = g_timer_new ();

  g_test_message ("seed %" G_GUINT64_FORMAT " (replay with SCS_ROUNDTRIP_SEED=%" G_GUINT64_FORMAT ")",
                  seed, seed);
  run.rand = g_rand_new_with_seed_array ((const guint32[]) { (guint32) seed, (guint32) (seed >> 32) }, 2);
  run.catalog = catalog;

  for (guint round = 0; round < rounds; round++)
    {
      guint n_edits = (guint) g_rand_int_range (run.rand, 1, 30);
      g_autoptr(ScsEngagement) loaded = NULL;

      /* Start afresh now and then; otherwise go on from what was loaded, so that loaded
       * engagements are edited too. */
      if (run.engagement == NULL || g_rand_int_range (run.rand, 0, 20) == 0)
        {
          g_clear_object (&run.history);
          g_clear_object (&run.engagement);
          if (start == NULL)
            run.engagement = scs_engagement_new (scs_catalog_get_latest (catalog, "scs"), 3);
          else
            run.engagement = scs_test_load (catalog, start);
          run.history = scs_history_new (run.engagement);
        }
      for (guint i = 0; i < n_edits; i++)
        random_edit (&run);

      loaded = round_trip (&run, round);
      if (g_rand_boolean (run.rand))
        {
          g_clear_object (&run.history);
          g_set_object (&run.engagement, loaded);
          run.history = scs_history_new (run.engagement);
        }
    }
  g_test_message ("%u rounds, %u edits made, %u refused, %.1f s", rounds, run.edits, run.refused,
                  g_timer_elapsed (timer, NULL));
  g_clear_object (&run.history);
  g_clear_object (&run.engagement);
  g_rand_free (run.rand);
}

static void
test_from_new (void)
{
  run_rounds (NULL, 1600);
}

static void
test_from_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                            "example-aaa.scsa", NULL);

  /* Fewer: each round saves and loads the 140 KB example twice. */
  run_rounds (path, 120);
}

/* setters ---------------------------------------------------------------------------- */

/* What a member's kind forbids is refused with a message and leaves the record as it was;
 * text that is not UTF-8 is repaired. */
static void
test_try_set (void)
{
  g_autoptr(ScsRecord) visit = g_object_new (SCS_TYPE_VISIT, NULL);
  g_autoptr(ScsRecord) doc = g_object_new (SCS_TYPE_DOCUMENT, NULL);
  g_autoptr(ScsRecord) item = g_object_new (SCS_TYPE_PLAN_ITEM, NULL);
  g_autoptr(GError) error = NULL;
  const char *strv[] = { "ok", "\xed\xa0\x80", NULL };

  g_assert_true (scs_record_try_set_string (visit, SCS_M_VISIT_DATE, "2026-04-15", &error));
  g_assert_no_error (error);
  g_assert_false (scs_record_try_set_string (visit, SCS_M_VISIT_DATE, "2026/4/15", &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
  g_clear_error (&error);
  g_assert_cmpstr (scs_record_get_string (visit, SCS_M_VISIT_DATE), ==, "2026-04-15");
  g_assert_false (scs_record_try_set_string (visit, SCS_M_VISIT_START, "1330", &error));
  g_clear_error (&error);
  g_assert_false (scs_record_try_set_string (visit, SCS_M_VISIT_MODE, "by carrier pigeon", &error));
  g_clear_error (&error);
  g_assert_true (scs_record_try_set_string (visit, SCS_M_VISIT_MODE, "", &error));

  g_assert_true (scs_record_try_set_string (doc, SCS_M_DOCUMENT_ID, "DOC-01", NULL));
  g_assert_false (scs_record_try_set_string (doc, SCS_M_DOCUMENT_ID, "", &error));
  g_clear_error (&error);
  g_assert_false (scs_record_try_set_string (doc, SCS_M_DOCUMENT_ID, " DOC-02", &error));
  g_clear_error (&error);
  g_assert_cmpstr (scs_record_get_string (doc, SCS_M_DOCUMENT_ID), ==, "DOC-01");

  g_assert_true (scs_record_try_set_string (doc, SCS_M_DOCUMENT_TITLE, "方針\xed\xa0\x80\xc0\xaf", NULL));
  g_assert_true (g_utf8_validate (scs_record_get_string (doc, SCS_M_DOCUMENT_TITLE), -1, NULL));
  g_assert_true (g_str_has_prefix (scs_record_get_string (doc, SCS_M_DOCUMENT_TITLE), "方針"));
  scs_record_set_string (doc, SCS_M_DOCUMENT_OWNER, "\xff総務");
  g_assert_cmpstr (scs_record_get_string (doc, SCS_M_DOCUMENT_OWNER), ==, "\xef\xbf\xbd総務");

  scs_record_set_strv (item, SCS_M_PLAN_ITEM_CRITERIA, strv);
  g_assert_cmpstr (scs_record_get_strv (item, SCS_M_PLAN_ITEM_CRITERIA)[1], ==, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
}

/* A programmer's invalid value through the plain setter is reported and not stored. */
static void
test_plain_setter_refuses (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ScsRecord) visit = g_object_new (SCS_TYPE_VISIT, NULL);

      scs_record_set_string (visit, SCS_M_VISIT_DATE, "2026/4/15");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*is not a date of the form YYYY-MM-DD*");
}

static void
test_plain_setter_refuses_blank_id (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ScsRecord) doc = g_object_new (SCS_TYPE_DOCUMENT, NULL);

      scs_record_set_string (doc, SCS_M_DOCUMENT_ID, "DOC-01 ");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*has blanks around it*");
}

static void
test_plain_setter_refuses_int (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ScsRecord) maturity = g_object_new (SCS_TYPE_MATURITY, NULL);

      scs_record_set_int (maturity, SCS_M_MATURITY_TARGET, 6);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*out of range*");
}

/* dates and times as typed ---------------------------------------------------------------- */

static void
test_normalize_date (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "2026-04-15", "2026-04-15" },
    { "2026/4/15", "2026-04-15" },
    { "2026.4.15", "2026-04-15" },
    { "2026年4月15日", "2026-04-15" },
    { "2026年4月15", "2026-04-15" },
    { "R8.4.15", "2026-04-15" },
    { "r8.4.15", "2026-04-15" },
    { "R8/4/15", "2026-04-15" },
    { "令和8年4月15日", "2026-04-15" },
    { "令和元年5月1日", "2019-05-01" },
    { "R1.5.1", "2019-05-01" },
    { "２０２６／４／１５", "2026-04-15" },
    { "Ｒ８．４．１５", "2026-04-15" },
    { "令和８年４月１５日", "2026-04-15" },
    { " 2026-04-15\t", "2026-04-15" },
    { "2024/2/29", "2024-02-29" },
    { "", "" },
    { "  　", "" },
    /* refused */
    { "2026-02-30", NULL },
    { "2025/2/29", NULL },
    { "R1.4.30", NULL },
    { "令和元年4月30日", NULL },
    { "2026/13/1", NULL },
    { "2026/4/0", NULL },
    { "26/4/15", NULL },
    { "2026/4-15", NULL },
    { "2026/4/15/1", NULL },
    { "2026年4月", NULL },
    { "R0.4.15", NULL },
    { "平成30年4月1日", NULL },
    { "tomorrow", NULL },
    { "2026-04-15T10:00", NULL },
    { "\xed\xa0\x80", NULL },
    { "20260415", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = scs_normalize_date (cases[i].in, &error);

      g_test_message ("%s → %s", cases[i].in, out != NULL ? out : "(refused)");
      g_assert_cmpstr (out, ==, cases[i].out);
      if (cases[i].out == NULL)
        {
          g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE);
          /* Every refusal shows the form to type. */
          g_assert_nonnull (strstr (error->message, "2026-04-15"));
        }
      else
        g_assert_no_error (error);
    }
}

static void
test_normalize_time (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "13:30", "13:30" },
    { "1330", "13:30" },
    { "930", "09:30" },
    { "13時30分", "13:30" },
    { "13時", "13:00" },
    { "9時5分", "09:05" },
    { "9:05", "09:05" },
    { "０９：０５", "09:05" },
    { "１３時３０分", "13:30" },
    { "0:00", "00:00" },
    { "23:59", "23:59" },
    { "", "" },
    /* refused */
    { "24:00", NULL },
    { "12:60", NULL },
    { "9:5", NULL },
    { "13", NULL },
    { "13:30:00", NULL },
    { "13時30", NULL },
    { "2460", NULL },
    { "午後1時", NULL },
    { "12345", NULL },
    { "noon", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = scs_normalize_time (cases[i].in, &error);

      g_test_message ("%s → %s", cases[i].in, out != NULL ? out : "(refused)");
      g_assert_cmpstr (out, ==, cases[i].out);
      if (cases[i].out == NULL)
        g_assert_nonnull (strstr (error->message, "13:30"));
      else
        g_assert_no_error (error);
    }
}

/* The generated name constants (scs-members.h) and the records' tables agree both ways:
 * every listed member is a field of its class, and every field of every class is listed. */
typedef struct { GType (*get_type) (void); const char *name; } MemberEntry;

static void
test_member_constants (void)
{
#define MEMBER_ENTRY(get_type, name) { get_type, name },
  static const MemberEntry members[] = { SCS_MEMBER_LIST (MEMBER_ENTRY) };
#undef MEMBER_ENTRY
  g_autoptr(GHashTable) classes = g_hash_table_new (NULL, NULL);
  guint n_fields = 0;

  g_assert_cmpstr (SCS_M_ASSESSMENT_EXPERT_COMMENT, ==, "expert_comment");
  g_assert_cmpstr (SCS_P_ASSESSMENT_EXPERT_COMMENT, ==, "expert-comment");
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(ScsRecord) record = g_object_new (members[i].get_type (), NULL);

      g_assert_nonnull (scs_record_find_field (record, members[i].name));
      if (!g_hash_table_contains (classes, GSIZE_TO_POINTER (members[i].get_type ())))
        {
          g_hash_table_add (classes, GSIZE_TO_POINTER (members[i].get_type ()));
          n_fields += SCS_RECORD_GET_CLASS (record)->n_fields;
        }
    }
  g_assert_cmpuint (n_fields, ==, G_N_ELEMENTS (members));
  /* Every record class is one the engagement reaches, and the list names them all. */
  g_assert_cmpuint (g_hash_table_size (classes), ==, 20);
}

int
main (int argc, char *argv[])
{
  scs_test_init (&argc, &argv);
  g_test_add_func ("/roundtrip/member-constants", test_member_constants);
  g_test_add_func ("/roundtrip/normalize-date", test_normalize_date);
  g_test_add_func ("/roundtrip/normalize-time", test_normalize_time);
  g_test_add_func ("/roundtrip/try-set", test_try_set);
  g_test_add_func ("/roundtrip/plain-setter-refuses", test_plain_setter_refuses);
  g_test_add_func ("/roundtrip/plain-setter-refuses-blank-id", test_plain_setter_refuses_blank_id);
  g_test_add_func ("/roundtrip/plain-setter-refuses-int", test_plain_setter_refuses_int);
  g_test_add_func ("/roundtrip/random-edits-new", test_from_new);
  g_test_add_func ("/roundtrip/random-edits-example", test_from_example);
  return g_test_run ();
}
