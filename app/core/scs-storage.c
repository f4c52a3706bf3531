/* scs-storage.c — reading engagement files (.scsa, JSON): bounded reads of what the user
 * chose, every member checked, protected files opened (writing is scs-storage-write.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* O_CLOEXEC, O_NOCTTY, lstat, link, st_mtim: POSIX 2008 and XSI, beyond C11. */
#define _XOPEN_SOURCE 700

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scs-edition-diff.h"
#include "scs-error.h"
#include "scs-error-private.h"
#include "scs-json-scan.h"
#include "scs-protect.h"
#include "scs-storage.h"
#include "scs-storage-private.h"

/* SCS_STORAGE_MAX_SIZE, lowered by tests only, so that the switch to the compact form and
 * the refusal to write can be tried on a small engagement. */
static gsize max_size = SCS_STORAGE_MAX_SIZE;

gsize
scs_storage_get_max_size (void)
{
  return max_size;
}

void
scs_storage_set_max_size (gsize max)
{
  max_size = max != 0 ? max : SCS_STORAGE_MAX_SIZE;
}

void
scs_edition_report_free (ScsEditionReport *report)
{
  if (report == NULL)
    return;
  g_free (report->recorded_id);
  g_free (report->recorded_edition);
  g_free (report->attached_edition);
  g_clear_pointer (&report->changes, g_ptr_array_unref);
  g_free (report);
}

/* Checks that run over a whole list: unique keys, and values drawn from elsewhere. */

typedef struct {
  GHashTable *seen;    /* key → path of its first use */
} Unique;

static void
unique_init (Unique *u)
{
  u->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
unique_clear (Unique *u)
{
  g_clear_pointer (&u->seen, g_hash_table_unref);
}

static gboolean
unique_add (Unique     *u,
            const char *key,
            const char *path,
            GError    **error)
{
  const char *first = g_hash_table_lookup (u->seen, key);

  if (first != NULL)
    return scs_fail (error, SCS_FORMAT_ERROR_DUPLICATE,
                     _("%s: “%s” appears twice (first at %s)"), path, key, first);
  g_hash_table_insert (u->seen, g_strdup (key), g_strdup (path));
  return TRUE;
}

static char *
item_path (const char *list,
           guint       index,
           const char *member)
{
  g_autofree char *element = g_strdup_printf ("$.%s[%u]", list, index);

  return member != NULL ? scs_json_member_path (element, member) : g_steal_pointer (&element);
}

static gboolean
check_choice_in_scale (const ScsScale *scale,
                       const char     *value,
                       const char     *path,
                       GError        **error)
{
  g_autoptr(GString) allowed = NULL;

  if (value[0] == '\0' || scs_scale_lookup (scale, value) != NULL)
    return TRUE;
  allowed = g_string_new (NULL);
  for (guint i = 0; scale != NULL && i < scale->values->len; i++)
    {
      const ScsScaleValue *v = g_ptr_array_index (scale->values, i);

      g_string_append_printf (allowed, "%s%s", i > 0 ? ", " : "", v->id);
    }
  return scs_fail (error, SCS_FORMAT_ERROR_INVALID_VALUE, _("%s: “%s” is not one of: %s"),
                   path, value, allowed->str);
}

/* A verdict from another of the framework's scales is kept: the expert may switch scales
 * mid-engagement, and scoring counts such a verdict as not given until it is re-rated. */
static gboolean
check_verdict (ScsFramework   *framework,
               const ScsScale *current,
               const char     *value,
               const char     *path,
               GError        **error)
{
  GPtrArray *scales = scs_framework_get_verdict_scales (framework);

  for (guint i = 0; i < scales->len; i++)
    if (scs_scale_lookup (g_ptr_array_index (scales, i), value) != NULL)
      return TRUE;
  return check_choice_in_scale (current, value, path, error);
}

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_checklist (ScsEngagement *engagement,
                 ScsCatalog    *catalog,
                 const char    *list_name,
                 const char    *checklist_id,
                 GError       **error)
{
  GListModel *list = scs_record_get_list (SCS_RECORD (engagement), list_name);
  ScsFramework *checklist = scs_catalog_get_latest (catalog, checklist_id);
  Unique items;
  gboolean ok = TRUE;

  unique_init (&items);
  for (guint i = 0; ok && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsRecord) answer = g_list_model_get_item (list, i);
      g_autofree char *ipath = item_path (list_name, i, SCS_M_CHECKLIST_ANSWER_ITEM);
      g_autofree char *apath = item_path (list_name, i, SCS_M_CHECKLIST_ANSWER_ANSWER);
      const char *item = scs_record_get_string (answer, SCS_M_CHECKLIST_ANSWER_ITEM);

      ok = unique_add (&items, item, ipath, error);
      if (ok && checklist != NULL && scs_framework_lookup (checklist, SCS_LEVEL_HIGHEST, item) == NULL)
        ok = scs_fail (error, SCS_FORMAT_ERROR_UNKNOWN_REFERENCE,
                       _("%s: the checklist has no item “%s”"), ipath, item);
      if (ok && checklist != NULL)
        ok = check_choice_in_scale (scs_framework_get_answers (checklist),
                                    scs_record_get_string (answer, SCS_M_CHECKLIST_ANSWER_ANSWER), apath, error);
    }
  unique_clear (&items);
  return ok;
}

static gboolean
check_unique_member (ScsRecord  *owner,
                     const char *owner_path,
                     const char *list_name,
                     const char *member,
                     GError    **error)
{
  GListModel *list = scs_record_get_list (owner, list_name);
  Unique keys;
  gboolean ok = TRUE;

  unique_init (&keys);
  for (guint i = 0; ok && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (list, i);
      g_autofree char *path = g_strdup_printf ("%s.%s[%u].%s", owner_path, list_name, i, member);
      const ScsField *f = scs_record_find_field (item, member);
      g_autofree char *key = f->kind == SCS_FIELD_INT
        ? g_strdup_printf ("%" G_GINT64_FORMAT, scs_record_get_int (item, member))
        : g_strdup (scs_record_get_string (item, member));

      ok = unique_add (&keys, key, path, error);
    }
  unique_clear (&keys);
  return ok;
}

static gboolean
check_references (ScsRecord  *assessment,
                  GHashTable *documents,
                  const char *path,
                  GError    **error)
{
  for (guint p = 0; p < SCS_N_PROCEDURES; p++)
    {
      ScsRecord *procedure = scs_record_get_object (assessment, scs_procedure_names[p]);
      GListModel *refs = scs_record_get_list (procedure, SCS_M_PROCEDURE_REFS);

      for (guint r = 0; r < g_list_model_get_n_items (refs); r++)
        {
          g_autoptr(ScsRecord) ref = g_list_model_get_item (refs, r);
          const char *doc = scs_record_get_string (ref, SCS_M_REFERENCE_DOCUMENT);
          const char *sha = scs_record_get_string (ref, SCS_M_REFERENCE_SHA256);
          g_autofree char *rpath = g_strdup_printf ("%s.%s.refs[%u]", path,
                                                    scs_procedure_names[p], r);

          if (doc[0] != '\0' && !g_hash_table_contains (documents, doc))
            return scs_fail (error, SCS_FORMAT_ERROR_UNKNOWN_REFERENCE,
                             _("%s.document: the document inventory has no “%s”"), rpath, doc);
          if (sha[0] != '\0' && !is_sha256 (sha))
            return scs_fail (error, SCS_FORMAT_ERROR_INVALID_VALUE,
                             _("%s.sha256: “%s” is not a SHA-256 in lower-case hex"), rpath, sha);
        }
    }
  return TRUE;
}

static gboolean
check_assessments (ScsEngagement *engagement,
                   ScsFramework  *target,
                   ScsFramework  *recorded,
                   GError       **error)
{
  GListModel *list = scs_engagement_get_assessments (engagement);
  GListModel *docs = scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_DOCUMENTS);
  const ScsScale *verdicts = scs_framework_get_verdict_scale (
    target, scs_record_get_string (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_VERDICT_SCALE));
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Unique criteria;
  gboolean ok = TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(ScsRecord) doc = g_list_model_get_item (docs, i);

      g_hash_table_add (documents, g_strdup (scs_record_get_string (doc, SCS_M_DOCUMENT_ID)));
    }

  unique_init (&criteria);
  for (guint i = 0; ok && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsRecord) a = g_list_model_get_item (list, i);
      g_autofree char *path = item_path (SCS_M_ENGAGEMENT_ASSESSMENTS, i, NULL);
      g_autofree char *cpath = scs_json_member_path (path, SCS_M_ASSESSMENT_CRITERION);
      g_autofree char *spath = scs_json_member_path (path, SCS_M_ASSESSMENT_COMPANY_STATUS);
      g_autofree char *vpath = scs_json_member_path (path, SCS_M_ASSESSMENT_VERDICT);
      const char *id = scs_record_get_string (a, SCS_M_ASSESSMENT_CRITERION);
      ScsNode *node;

      ok = unique_add (&criteria, id, cpath, error);
      /* Against the edition the file was made with, when we have it, unless the answer says
       * it was kept from another edition; otherwise answers to unknown criteria are kept as
       * orphans. */
      if (ok && recorded != NULL && scs_record_get_string (a, SCS_M_ASSESSMENT_EDITION)[0] == '\0')
        {
          node = scs_framework_lookup (recorded, SCS_LEVEL_HIGHEST, id);
          if (node == NULL ||
              (scs_node_get_kind (node) != SCS_NODE_CRITERION &&
               g_list_model_get_n_items (scs_node_get_children (node)) > 0))
            ok = scs_fail (error, SCS_FORMAT_ERROR_UNKNOWN_REFERENCE,
                           _("%s: “%s” is not a criterion of %s edition %s"), cpath, id,
                           scs_framework_get_id (recorded), scs_framework_get_edition (recorded));
        }
      ok = ok && check_choice_in_scale (scs_framework_get_company_scale (target),
                                        scs_record_get_string (a, SCS_M_ASSESSMENT_COMPANY_STATUS), spath, error);
      ok = ok && check_verdict (target, verdicts, scs_record_get_string (a, SCS_M_ASSESSMENT_VERDICT),
                                vpath, error);
      ok = ok && check_references (a, documents, path, error);
    }
  unique_clear (&criteria);
  return ok;
}

static gboolean
check_engagement (ScsEngagement *engagement,
                  ScsCatalog    *catalog,
                  ScsFramework  *target,
                  ScsFramework  *recorded,
                  GError       **error)
{
  ScsRecord *root = SCS_RECORD (engagement);
  ScsRecord *company = scs_record_get_object (root, SCS_M_ENGAGEMENT_COMPANY);
  ScsRecord *expert = scs_record_get_object (root, SCS_M_ENGAGEMENT_EXPERT);
  ScsRecord *scope = scs_record_get_object (root, SCS_M_ENGAGEMENT_SCOPE);
  const char *scale = scs_record_get_string (root, SCS_M_ENGAGEMENT_VERDICT_SCALE);
  const char *band = scs_record_get_string (company, SCS_M_COMPANY_EMPLOYEE_BAND);
  const char * const *quals = scs_record_get_strv (expert, SCS_M_EXPERT_QUALIFICATIONS);
  int level = (int) scs_record_get_int (root, SCS_M_ENGAGEMENT_LEVEL);

  if (!scs_framework_has_level (target, level))
    return scs_fail (error, SCS_FORMAT_ERROR_INVALID_VALUE,
                     _("$.level: %s edition %s has no level %d"), scs_framework_get_id (target),
                     scs_framework_get_edition (target), level);
  if (scs_framework_get_verdict_scale (target, scale) == NULL)
    return scs_fail (error, SCS_FORMAT_ERROR_INVALID_VALUE,
                     _("$.verdict_scale: “%s” is not a verdict scale of this framework"), scale);
  if (band[0] != '\0' && scs_framework_get_employee_band (target, band) == NULL)
    return scs_fail (error, SCS_FORMAT_ERROR_INVALID_VALUE,
                     _("$.company.employee_band: “%s” is not a known employee band"), band);
  for (guint i = 0; quals[i] != NULL; i++)
    if (!g_strv_contains (scs_qualification_ids, quals[i]))
      return scs_fail (error, SCS_FORMAT_ERROR_INVALID_VALUE,
                       _("$.expert.qualifications[%u]: “%s” is not a known qualification"),
                       i, quals[i]);

  if (!check_unique_member (scope, "$.scope", SCS_M_SCOPE_ANSWERS, SCS_M_SCOPE_ANSWER_QUESTION, error) ||
      !check_unique_member (root, "$", SCS_M_ENGAGEMENT_VISITS, SCS_M_VISIT_NUMBER, error) ||
      !check_unique_member (root, "$", SCS_M_ENGAGEMENT_DOCUMENTS, SCS_M_DOCUMENT_ID, error) ||
      !check_unique_member (root, "$", SCS_M_ENGAGEMENT_MATURITY, SCS_M_MATURITY_SUBCATEGORY, error) ||
      !check_unique_member (scs_record_get_object (root, SCS_M_ENGAGEMENT_PLAN), "$.plan",
                            SCS_M_PLAN_ITEMS, SCS_M_PLAN_ITEM_ID, error) ||
      !check_checklist (engagement, catalog, SCS_M_ENGAGEMENT_DIAGNOSIS, SCS_FRAMEWORK_ID_DIAGNOSIS, error) ||
      !check_checklist (engagement, catalog, SCS_M_ENGAGEMENT_CSM_CHECK, SCS_FRAMEWORK_ID_CSM, error))
    return FALSE;

  /* Maturity rows of a subcategory the attached edition lacks are kept, like answers to
   * removed criteria: refusing them would make a migrated file unreadable. */

  return check_assessments (engagement, target, recorded, error);
}

static guint
line_of (const char *data,
         const char *at)
{
  guint line = 1;

  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

ScsEngagement *
scs_storage_load_bytes (ScsCatalog        *catalog,
                        GBytes            *bytes,
                        ScsEditionReport **report,
                        GError           **error)
{
  return scs_storage_load_bytes_full (catalog, bytes, SCS_LOAD_DEFAULT, report, error);
}

static void
too_large (GError **error,
           gint64   size)
{
  scs_fail (error, SCS_FORMAT_ERROR_TOO_LARGE,
            _("The file is too large to be an engagement (%lld MB; the limit is %d MB)."),
            (long long) (size / (1024 * 1024)), (int) (max_size / (1024 * 1024)));
}

static ScsEngagement *
load_json (ScsCatalog        *catalog,
           GBytes            *bytes,
           ScsLoadFlags       flags,
           ScsEditionReport **report,
           GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(ScsEngagement) engagement = NULL;
  g_autoptr(ScsEditionReport) rep = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end;
  JsonNode *root, *member, *fw_node;
  JsonObject *object, *fw_object;
  ScsFramework *target, *recorded;
  const char *fw_id, *fw_edition, *fw_hash;
  gint64 version;
  gboolean blank = TRUE;

  if (size > max_size)
    return too_large (error, size), NULL;
  for (gsize i = 0; i < size && blank; i++)
    blank = g_ascii_isspace (data[i]);
  if (blank)
    return scs_fail (error, SCS_FORMAT_ERROR_EMPTY, _("The file is empty.")), NULL;

  if (!g_utf8_validate (data, size, &end))
    return scs_fail (error, SCS_FORMAT_ERROR_ENCODING,
                     _("The file is not valid UTF-8 text (line %u, byte %lu)."),
                     line_of (data, end), (unsigned long) (end - data)), NULL;

  /* Before json-glib: it recurses without bound and lets through what we would not
   * write back the same. */
  if (!scs_json_scan (data, size, &parse_error))
    {
      if (g_error_matches (parse_error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_SYNTAX))
        return scs_fail (error, SCS_FORMAT_ERROR_SYNTAX,
                         _("The file is not valid JSON, or is cut short: %s"),
                         parse_error->message), NULL;
      return g_propagate_error (error, g_steal_pointer (&parse_error)), NULL;
    }
  if (!json_parser_load_from_data (parser, data, size, &parse_error))
    return scs_fail (error, SCS_FORMAT_ERROR_SYNTAX,
                     _("The file is not valid JSON, or is cut short: %s"), parse_error->message), NULL;
  root = json_parser_get_root (parser);
  if (root == NULL)
    return scs_fail (error, SCS_FORMAT_ERROR_EMPTY, _("The file is empty.")), NULL;
  if (!scs_json_check_object (root, "$", error))
    return NULL;
  object = json_node_get_object (root);

  /* Is it ours, and not from a newer version, before anything else is judged. */
  member = json_object_get_member (object, "format");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (member), SCS_ENGAGEMENT_FORMAT))
    return scs_fail (error, SCS_FORMAT_ERROR_NOT_OURS,
                     _("$.format: this is not an SCS Assessor engagement file.")), NULL;
  if ((member = scs_json_require_member (object, "schema_version", "$", error)) == NULL ||
      !scs_json_check_int (member, "$.schema_version", error))
    return NULL;
  version = json_node_get_int (member);
  if (version > SCS_ENGAGEMENT_SCHEMA_VERSION && !(flags & SCS_LOAD_ALLOW_NEWER))
    return scs_fail (error, SCS_FORMAT_ERROR_NEWER,
                     _("$.schema_version: the file was made by a newer version of SCS Assessor "
                       "(format %lld; this version reads up to %d). Update the app to open it; "
                       "the file was not changed."),
                     (long long) version, SCS_ENGAGEMENT_SCHEMA_VERSION), NULL;

  if ((fw_node = scs_json_require_member (object, "framework", "$", error)) == NULL ||
      !scs_json_check_object (fw_node, "$.framework", error))
    return NULL;
  fw_object = json_node_get_object (fw_node);
  if ((member = scs_json_require_member (fw_object, "id", "$.framework", error)) == NULL ||
      !scs_json_check_string (member, "$.framework.id", error))
    return NULL;
  fw_id = json_node_get_string (member);
  if ((member = scs_json_require_member (fw_object, "edition", "$.framework", error)) == NULL ||
      !scs_json_check_string (member, "$.framework.edition", error))
    return NULL;
  fw_edition = json_node_get_string (member);

  target = scs_catalog_get_for_engagement (catalog, fw_id, fw_edition);
  if (target == NULL || g_strcmp0 (scs_framework_get_kind (target), SCS_FRAMEWORK_KIND_CRITERIA) != 0)
    return scs_fail (error, SCS_FORMAT_ERROR_UNKNOWN_FRAMEWORK,
                     _("$.framework.id: no criteria framework “%s” is installed"), fw_id), NULL;
  recorded = scs_catalog_lookup (catalog, fw_id, fw_edition);

  engagement = g_object_new (SCS_TYPE_ENGAGEMENT, NULL);
  scs_record_freeze_changes (SCS_RECORD (engagement));
  if (!scs_record_load (SCS_RECORD (engagement), root, "$", error) ||
      !check_engagement (engagement, catalog, target, recorded, error))
    return NULL;

  fw_hash = scs_record_get_string (scs_record_get_object (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_FRAMEWORK),
                                   SCS_M_FRAMEWORK_REF_CONTENT_HASH);
  rep = g_new0 (ScsEditionReport, 1);
  rep->recorded_id = g_strdup (fw_id);
  rep->recorded_edition = g_strdup (fw_edition);
  rep->attached_edition = g_strdup (scs_framework_get_edition (target));
  rep->edition_changed = recorded != target;
  rep->recorded_installed = recorded != NULL;
  rep->texts_differ = recorded != NULL && fw_hash[0] != '\0' &&
                      !g_str_equal (fw_hash, scs_framework_get_content_hash (recorded));
  rep->changes = rep->edition_changed && recorded != NULL
                 ? scs_edition_diff (recorded, target)
                 : g_ptr_array_new ();

  rep->newer_format = version > SCS_ENGAGEMENT_SCHEMA_VERSION ? version : 0;

  scs_engagement_attach (engagement, target);
  if (rep->newer_format == 0)
    scs_record_set_int (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_SCHEMA_VERSION, SCS_ENGAGEMENT_SCHEMA_VERSION);
  {
    g_autoptr(GPtrArray) orphans = scs_engagement_list_orphans (engagement);

    rep->n_orphans = orphans->len;
  }
  scs_record_thaw_changes (SCS_RECORD (engagement));

  if (report != NULL)
    *report = g_steal_pointer (&rep);
  return g_steal_pointer (&engagement);
}

ScsEngagement *
scs_storage_load_bytes_full (ScsCatalog        *catalog,
                             GBytes            *bytes,
                             ScsLoadFlags       flags,
                             ScsEditionReport **report,
                             GError           **error)
{
  return scs_storage_open_bytes (catalog, bytes, flags, NULL, report, error);
}

ScsEngagement *
scs_storage_open_bytes (ScsCatalog        *catalog,
                        GBytes            *bytes,
                        ScsLoadFlags       flags,
                        ScsProtectKey     *key,
                        ScsEditionReport **report,
                        GError           **error)
{
  g_autoptr(GBytes) plain = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if (!scs_protect_is_sealed (data, size))
    return load_json (catalog, bytes, flags, report, error);
  /* The limit is the JSON's, as for a plain file. */
  plain = scs_protect_open (bytes, key, max_size, error);
  if (plain == NULL)
    return NULL;
  return load_json (catalog, plain, flags, report, error);
}

gboolean
scs_storage_check_protected (GBytes  *bytes,
                             GError **error)
{
  return scs_protect_check_header (bytes, max_size, error);
}

gboolean
scs_storage_is_protected (GBytes *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return scs_protect_is_sealed (data, size);
}

static GBytes *
read_too_large (GError    **error,
                const char *name,
                goffset     seen,
                gsize       max,
                goffset    *size)
{
  if (size != NULL)
    *size = seen;
  scs_fail (error, SCS_FORMAT_ERROR_TOO_LARGE,
            _("“%s” is too large to be read (%lld MB or more; the limit is %lu MB)."),
            name, (long long) (seen / (1024 * 1024)), (unsigned long) (max / (1024 * 1024)));
  return NULL;
}

/* A file that is not local (a GVfs location) cannot be a FIFO or a device: read through
 * GIO, still bounded. */
static GBytes *
read_stream (GFile      *file,
             const char *name,
             gsize       max,
             goffset    *size,
             GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &local_error);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];

  if (stream == NULL)
    return scs_fail_io (error, SCS_FORMAT_ERROR_IO, scs_format_error_get_io_code (local_error),
                        _("“%s” could not be read: %s"), name,
                        local_error->message), NULL;
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL,
                                      &local_error);

      if (n < 0)
        return scs_fail_io (error, SCS_FORMAT_ERROR_IO, scs_format_error_get_io_code (local_error),
                            _("“%s” could not be read: %s"), name,
                            local_error->message), NULL;
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, n);
      if (data->len > max)
        return read_too_large (error, name, data->len, max, size);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

GBytes *
scs_storage_read_file (GFile   *file,
                       gsize    max,
                       goffset *size,
                       GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree guint8 *data = NULL;
  struct stat st;
  gsize length = 0, allocated;
  int fd, saved;

  if (path == NULL)
    return read_stream (file, name, max, size, error);

  /* O_NONBLOCK: opening a FIFO for reading must not wait for a writer. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved = errno;
      return scs_fail_io (error, SCS_FORMAT_ERROR_IO, g_io_error_from_errno (saved),
                          _("“%s” could not be opened: %s"), name,
                          g_strerror (saved)), NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      saved = errno;
      close (fd);
      return scs_fail_io (error, SCS_FORMAT_ERROR_IO, g_io_error_from_errno (saved),
                          _("“%s” could not be read: %s"), name,
                          g_strerror (saved)), NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return scs_fail_io (error, SCS_FORMAT_ERROR_IO,
                          S_ISDIR (st.st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                          S_ISDIR (st.st_mode) ? _("“%s” is a folder, not a file.")
                                               : _("“%s” is not a regular file (it is a device, a "
                                                   "pipe or a socket), so it is not read."),
                          name), NULL;
    }
  /* Not even read when it is already too big. */
  if ((guint64) st.st_size > max)
    {
      close (fd);
      return read_too_large (error, name, st.st_size, max, size);
    }

  /* Up to max + 1 bytes, whatever the size said: the file may grow while it is read. */
  allocated = MIN ((gsize) st.st_size, max) + 1;
  data = g_malloc (allocated);
  for (;;)
    {
      gssize n;

      if (length == allocated)
        {
          allocated = MIN (allocated * 2, max + 1);
          data = g_realloc (data, allocated);
        }
      n = read (fd, data + length, allocated - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          close (fd);
          return scs_fail_io (error, SCS_FORMAT_ERROR_IO, g_io_error_from_errno (saved),
                              _("“%s” could not be read: %s"), name,
                              g_strerror (saved)), NULL;
        }
      if (n == 0)
        break;
      length += n;
      if (length > max)
        {
          close (fd);
          return read_too_large (error, name, length, max, size);
        }
    }
  close (fd);
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

gsize
scs_storage_max_file_size (void)
{
  return max_size + scs_protect_overhead (max_size);
}

ScsEngagement *
scs_storage_load (ScsCatalog        *catalog,
                  GFile             *file,
                  ScsEditionReport **report,
                  GError           **error)
{
  return scs_storage_load_full (catalog, file, SCS_LOAD_DEFAULT, NULL, report, error);
}

GBytes *
scs_storage_read_engagement (GFile   *file,
                             GError **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;
  goffset size = 0;

  /* A protected file is its JSON and a little more: the limit stays the JSON's. */
  bytes = scs_storage_read_file (file, scs_storage_max_file_size (), &size, &local_error);
  if (bytes == NULL && g_error_matches (local_error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE))
    return too_large (error, size), NULL;
  if (bytes == NULL)
    return g_propagate_error (error, g_steal_pointer (&local_error)), NULL;
  return bytes;
}

ScsEngagement *
scs_storage_load_full (ScsCatalog        *catalog,
                       GFile             *file,
                       ScsLoadFlags       flags,
                       ScsProtectKey     *key,
                       ScsEditionReport **report,
                       GError           **error)
{
  g_autoptr(GBytes) bytes = scs_storage_read_engagement (file, error);

  if (bytes == NULL)
    return NULL;
  return scs_storage_open_bytes (catalog, bytes, flags, key, report, error);
}

gboolean
scs_storage_verify (ScsCatalog *catalog,
                    GBytes     *bytes,
                    GError    **error)
{
  g_autoptr(ScsEngagement) engagement = NULL;

  /* The JSON itself, never sealed bytes: what is checked is what gets sealed. */
  engagement = load_json (catalog, bytes, SCS_LOAD_DEFAULT, NULL, error);
  return engagement != NULL;
}
