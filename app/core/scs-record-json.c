/* scs-record-json.c — reading and writing records as JSON: the checks every member passes
 * on the way in (with the JSON path of what is wrong), and the fixed member order, blank
 * members left out, and unknown members kept on the way out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <math.h>
#include <string.h>

#include "scs-error.h"
#include "scs-record-private.h"

/* JSON ------------------------------------------------------------------------------ */

char *
scs_json_member_path (const char *path,
                      const char *member)
{
  return g_strdup_printf ("%s.%s", path, member);
}

char *
scs_json_element_path (const char *path,
                       guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

gboolean
scs_json_check_object (JsonNode   *node,
                       const char *path,
                       GError    **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_TYPE,
               _("%s: expected an object"), path);
  return FALSE;
}

gboolean
scs_json_check_array (JsonNode   *node,
                      const char *path,
                      GError    **error)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;
  g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_TYPE,
               _("%s: expected a list"), path);
  return FALSE;
}

gboolean
scs_json_check_string (JsonNode   *node,
                       const char *path,
                       GError    **error)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return TRUE;
  g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_TYPE,
               _("%s: expected text"), path);
  return FALSE;
}

gboolean
scs_json_check_int (JsonNode   *node,
                    const char *path,
                    GError    **error)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return TRUE;
  /* Integers beyond 64 bits never get here (scs_json_scan refuses them, as json-glib would
   * wrap them); 1e19 written with an exponent does. */
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE &&
      fabs (json_node_get_double (node)) >= 0x1p63)
    {
      char shown[G_ASCII_DTOSTR_BUF_SIZE];

      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE,
                   _("%s: %s is too large a number"), path,
                   g_ascii_formatd (shown, sizeof shown, "%g", json_node_get_double (node)));
      return FALSE;
    }
  g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_TYPE,
               _("%s: expected a whole number"), path);
  return FALSE;
}

gboolean
scs_json_check_boolean (JsonNode   *node,
                        const char *path,
                        GError    **error)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return TRUE;
  g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_TYPE,
               _("%s: expected true or false"), path);
  return FALSE;
}

JsonNode *
scs_json_require_member (JsonObject *object,
                         const char *member,
                         const char *path,
                         GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      g_autofree char *member_path = scs_json_member_path (path, member);

      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_MISSING,
                   _("%s: this required member is missing"), member_path);
    }
  return node;
}

gboolean
scs_is_valid_date (const char *text)
{
  unsigned y, m, d;
  char tail;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return y >= 1 && g_date_valid_dmy (d, m, y);
}

gboolean
scs_is_valid_time (const char *text)
{
  if (strlen (text) != 5 || text[2] != ':')
    return FALSE;
  if (!g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;
  return (text[0] - '0') * 10 + (text[1] - '0') < 24 && text[3] - '0' < 6;
}

gboolean
scs_is_valid_datetime (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  char date[11];

  /* Written as UTC with a Z; an explicit offset is read too, but a time without a zone is
   * refused, since it would mean different moments on different machines. */
  if (strlen (text) < 20 || text[10] != 'T')
    return FALSE;
  memcpy (date, text, 10);
  date[10] = '\0';
  if (!scs_is_valid_date (date))
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

char *
scs_now_datetime (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
scs_json_check_id (const char *value,
                   const char *path,
                   GError    **error)
{
  gsize len = strlen (value);

  if (len == 0)
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                   _("%s: must not be empty"), path);
      return FALSE;
    }
  if (g_ascii_isspace (value[0]) || g_ascii_isspace (value[len - 1]))
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                   _("%s: “%s” has blanks around it"), path, value);
      return FALSE;
    }
  return TRUE;
}

/* What a member of kind f->kind may hold; path names it in the message. */
gboolean
scs_record_check_text_value (const ScsField *f,
                             const char     *value,
                             const char     *path,
                             GError        **error)
{
  switch (f->kind)
    {
    case SCS_FIELD_ID:
      return scs_json_check_id (value, path, error);
    case SCS_FIELD_CHOICE:
      if (!scs_record_choice_allowed (f, value))
        {
          g_autofree char *allowed = g_strjoinv (", ", (char **) f->choices);

          g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                       _("%s: “%s” is not one of: %s"), path, value, allowed);
          return FALSE;
        }
      return TRUE;
    case SCS_FIELD_DATE:
      if (value[0] != '\0' && !scs_is_valid_date (value))
        {
          g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                       _("%s: “%s” is not a date of the form YYYY-MM-DD"), path, value);
          return FALSE;
        }
      return TRUE;
    case SCS_FIELD_TIME:
      if (value[0] != '\0' && !scs_is_valid_time (value))
        {
          g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                       _("%s: “%s” is not a time of the form HH:MM"), path, value);
          return FALSE;
        }
      return TRUE;
    case SCS_FIELD_DATETIME:
      if (value[0] != '\0' && !scs_is_valid_datetime (value))
        {
          g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                       _("%s: “%s” is not a date and time with a time zone"), path, value);
          return FALSE;
        }
      return TRUE;
    case SCS_FIELD_STRING:
    case SCS_FIELD_BOOLEAN:
    case SCS_FIELD_INT:
    case SCS_FIELD_STRV:
    case SCS_FIELD_OBJECT:
    case SCS_FIELD_LIST:
    default:
      return TRUE;
    }
}

static gboolean
load_text_field (ScsRecord      *self,
                 const ScsField *f,
                 JsonNode       *member,
                 const char     *path,
                 GError        **error)
{
  const char *value;

  if (!scs_json_check_string (member, path, error))
    return FALSE;
  value = json_node_get_string (member);
  if (!scs_record_check_text_value (f, value, path, error))
    return FALSE;

  g_free (*SCS_RECORD_FIELD_PTR (self, f, char *));
  *SCS_RECORD_FIELD_PTR (self, f, char *) = g_strdup (value);
  return TRUE;
}

static gboolean
load_list_field (ScsRecord      *self,
                 const ScsField *f,
                 JsonNode       *member,
                 const char     *path,
                 GError        **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  if (!scs_json_check_array (member, path, error))
    return FALSE;
  array = json_node_get_array (member);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = scs_json_element_path (path, i);
      ScsRecord *item = g_object_new (f->child_type (), NULL);

      g_ptr_array_add (items, item);
      if (!scs_record_load (item, json_array_get_element (array, i), item_path, error))
        return FALSE;
    }
  g_list_store_splice (*SCS_RECORD_FIELD_PTR (self, f, GListStore *), 0,
                       g_list_model_get_n_items (*SCS_RECORD_FIELD_PTR (self, f, GListModel *)),
                       items->pdata, items->len);
  return TRUE;
}

static gboolean
load_field (ScsRecord      *self,
            const ScsField *f,
            JsonNode       *member,
            const char     *path,
            GError        **error)
{
  switch (f->kind)
    {
    case SCS_FIELD_STRING:
    case SCS_FIELD_ID:
    case SCS_FIELD_CHOICE:
    case SCS_FIELD_DATE:
    case SCS_FIELD_TIME:
    case SCS_FIELD_DATETIME:
      return load_text_field (self, f, member, path, error);

    case SCS_FIELD_BOOLEAN:
      if (!scs_json_check_boolean (member, path, error))
        return FALSE;
      *SCS_RECORD_FIELD_PTR (self, f, gboolean) = json_node_get_boolean (member);
      return TRUE;

    case SCS_FIELD_INT:
      {
        gint64 v;

        if (!scs_json_check_int (member, path, error))
          return FALSE;
        v = json_node_get_int (member);
        if (v < f->min || v > f->max)
          {
            /* Plain %lld: xgettext cannot see through G_GINT64_FORMAT. */
            g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                         _("%s: %lld is outside %lld–%lld"), path, (long long) v,
                         (long long) f->min, (long long) f->max);
            return FALSE;
          }
        *SCS_RECORD_FIELD_PTR (self, f, gint64) = v;
        return TRUE;
      }

    case SCS_FIELD_STRV:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        JsonArray *array;

        if (!scs_json_check_array (member, path, error))
          return FALSE;
        array = json_node_get_array (member);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autofree char *item_path = scs_json_element_path (path, i);
            JsonNode *element = json_array_get_element (array, i);

            if (!scs_json_check_string (element, item_path, error))
              return FALSE;
            g_strv_builder_add (builder, json_node_get_string (element));
          }
        g_strfreev (*SCS_RECORD_FIELD_PTR (self, f, char **));
        *SCS_RECORD_FIELD_PTR (self, f, char **) = g_strv_builder_end (builder);
        return TRUE;
      }

    case SCS_FIELD_OBJECT:
      return scs_record_load (*SCS_RECORD_FIELD_PTR (self, f, ScsRecord *), member, path, error);

    case SCS_FIELD_LIST:
      return load_list_field (self, f, member, path, error);

    default:
      g_assert_not_reached ();
    }
}

gboolean
scs_record_load (ScsRecord  *self,
                 JsonNode   *node,
                 const char *path,
                 GError    **error)
{
  ScsRecordClass *klass = SCS_RECORD_GET_CLASS (self);
  JsonObject **extra = scs_record_get_extra (self);
  JsonObject *object;
  g_autoptr(GList) members = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SCS_IS_RECORD (self), FALSE);

  if (!scs_json_check_object (node, path, error))
    return FALSE;
  object = json_node_get_object (node);

  scs_record_freeze_changes (self);

  for (guint i = 0; ok && i < klass->n_fields; i++)
    {
      const ScsField *f = &klass->fields[i];
      g_autofree char *member_path = scs_json_member_path (path, f->name);
      JsonNode *member = json_object_get_member (object, f->name);

      if (member == NULL)
        {
          if (f->flags & SCS_FIELD_REQUIRED)
            ok = scs_json_require_member (object, f->name, path, error) != NULL;
          continue;
        }
      ok = load_field (self, f, member, member_path, error);
    }

  members = json_object_get_members (object);
  for (GList *l = members; ok && l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (scs_record_find_field (self, name) != NULL)
        continue;
      if (*extra == NULL)
        *extra = json_object_new ();
      json_object_set_member (*extra, name,
                              json_node_copy (json_object_get_member (object, name)));
    }

  scs_record_thaw_changes (self);
  return ok;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
field_is_blank (ScsRecord      *self,
                const ScsField *f)
{
  switch (f->kind)
    {
    case SCS_FIELD_STRING:
    case SCS_FIELD_ID:
    case SCS_FIELD_CHOICE:
    case SCS_FIELD_DATE:
    case SCS_FIELD_TIME:
    case SCS_FIELD_DATETIME:
      return scs_record_get_string (self, f->name)[0] == '\0';
    case SCS_FIELD_OBJECT:
      return scs_record_is_blank (*SCS_RECORD_FIELD_PTR (self, f, ScsRecord *));
    case SCS_FIELD_BOOLEAN:
    case SCS_FIELD_INT:
    case SCS_FIELD_STRV:
    case SCS_FIELD_LIST:
    default:
      return FALSE;
    }
}

void
scs_record_save (ScsRecord   *self,
                 JsonBuilder *builder)
{
  ScsRecordClass *klass = SCS_RECORD_GET_CLASS (self);
  JsonObject **extra = scs_record_get_extra (self);

  json_builder_begin_object (builder);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ScsField *f = &klass->fields[i];

      if ((f->flags & SCS_FIELD_OMIT_BLANK) && field_is_blank (self, f))
        continue;
      json_builder_set_member_name (builder, f->name);
      switch (f->kind)
        {
        case SCS_FIELD_STRING:
        case SCS_FIELD_ID:
        case SCS_FIELD_CHOICE:
        case SCS_FIELD_DATE:
        case SCS_FIELD_TIME:
        case SCS_FIELD_DATETIME:
          json_builder_add_string_value (builder, scs_record_get_string (self, f->name));
          break;
        case SCS_FIELD_BOOLEAN:
          json_builder_add_boolean_value (builder, *SCS_RECORD_FIELD_PTR (self, f, gboolean));
          break;
        case SCS_FIELD_INT:
          json_builder_add_int_value (builder, *SCS_RECORD_FIELD_PTR (self, f, gint64));
          break;
        case SCS_FIELD_STRV:
          {
            const char * const *v = scs_record_get_strv (self, f->name);

            json_builder_begin_array (builder);
            for (guint j = 0; v[j] != NULL; j++)
              json_builder_add_string_value (builder, v[j]);
            json_builder_end_array (builder);
          }
          break;
        case SCS_FIELD_OBJECT:
          scs_record_save (*SCS_RECORD_FIELD_PTR (self, f, ScsRecord *), builder);
          break;
        case SCS_FIELD_LIST:
          {
            GListModel *list = *SCS_RECORD_FIELD_PTR (self, f, GListModel *);

            json_builder_begin_array (builder);
            for (guint j = 0; j < g_list_model_get_n_items (list); j++)
              {
                g_autoptr(ScsRecord) item = g_list_model_get_item (list, j);

                /* A record the app made but nobody filled in is not worth a line. */
                if (!SCS_RECORD_GET_CLASS (item)->omit_when_blank || !scs_record_is_blank (item))
                  scs_record_save (item, builder);
              }
            json_builder_end_array (builder);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* Unknown members go after the known ones, sorted, so the output does not depend on
   * the order the file had. */
  if (*extra != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (*extra);
      g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

      for (GList *l = names; l != NULL; l = l->next)
        g_ptr_array_add (sorted, l->data);
      g_ptr_array_sort (sorted, compare_strings);
      for (guint i = 0; i < sorted->len; i++)
        {
          const char *name = g_ptr_array_index (sorted, i);

          json_builder_set_member_name (builder, name);
          json_builder_add_value (builder,
                                  json_node_copy (json_object_get_member (*extra, name)));
        }
    }

  json_builder_end_object (builder);
}

JsonNode *
scs_record_to_node (ScsRecord *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  scs_record_save (self, builder);
  return json_builder_get_root (builder);
}
