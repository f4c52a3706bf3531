/* scs-catalog.c — the frameworks and checklists the app knows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "scs-catalog.h"
#include "scs-error.h"
#include "scs-error-private.h"
#include "scs-framework-resources.h"

#define BUILTIN_PATH SCS_RESOURCE_PREFIX "/frameworks/"

struct _ScsCatalog
{
  GObject     parent_instance;
  GListStore *frameworks;
  GPtrArray  *errors;
};

G_DEFINE_FINAL_TYPE (ScsCatalog, scs_catalog, G_TYPE_OBJECT)

static void
scs_catalog_finalize (GObject *object)
{
  ScsCatalog *self = SCS_CATALOG (object);

  g_clear_object (&self->frameworks);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  G_OBJECT_CLASS (scs_catalog_parent_class)->finalize (object);
}

static void
scs_catalog_class_init (ScsCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = scs_catalog_finalize;
}

static void
scs_catalog_init (ScsCatalog *self)
{
  self->frameworks = g_list_store_new (SCS_TYPE_FRAMEWORK);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

ScsCatalog *
scs_catalog_new (void)
{
  return g_object_new (SCS_TYPE_CATALOG, NULL);
}

ScsCatalog *
scs_catalog_new_default (void)
{
  ScsCatalog *self = scs_catalog_new ();
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "scs-assessor",
                                            "frameworks", NULL);

  scs_catalog_add_builtin (self);
  scs_catalog_add_directory (self, user);
  return self;
}

static void
register_resources_once (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      scs_frameworks_register_resource ();
      g_once_init_leave (&done, 1);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

gboolean
scs_catalog_add (ScsCatalog   *self,
                 ScsFramework *framework,
                 GError      **error)
{
  if (scs_catalog_lookup (self, scs_framework_get_id (framework),
                          scs_framework_get_edition (framework)) != NULL)
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_DUPLICATE,
                   _("%s: edition “%s” of “%s” is already installed; this copy was ignored"),
                   scs_framework_get_origin (framework), scs_framework_get_edition (framework),
                   scs_framework_get_id (framework));
      return FALSE;
    }
  g_list_store_append (self->frameworks, framework);
  return TRUE;
}

/* Each message is shown as one line, in a window or on a terminal: a line break or a
 * control character from a file name or from the file's text would break the line or send
 * a terminal escape sequence. */
static void
record (ScsCatalog *self,
        GError     *error)
{
  g_autofree char *valid = g_utf8_make_valid (error->message, -1);
  GString *line = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (line, g_unichar_iscntrl (c) ? ' ' : c);
    }
  g_free (error->message);
  error->message = g_string_free (line, FALSE);
  g_ptr_array_add (self->errors, error);
}

static void
add_or_record (ScsCatalog   *self,
               ScsFramework *framework,
               GError       *error)
{
  if (framework == NULL || !scs_catalog_add (self, framework, &error))
    record (self, error);
  g_clear_object (&framework);
}

void
scs_catalog_add_builtin (ScsCatalog *self)
{
  g_auto(GStrv) names = NULL;

  register_resources_once ();
  names = g_resources_enumerate_children (BUILTIN_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (names == NULL)
    return;
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (BUILTIN_PATH, names[i], NULL);
      GError *error = NULL;
      ScsFramework *framework;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      framework = scs_framework_new_from_resource (path, &error);
      add_or_record (self, framework, error);
    }
}

/* Only a regular file, after following links, is read: a pipe or a device (or a link to
 * /dev/zero) would block or never end, and a folder cannot be read at all. */
static gboolean
check_regular_file (GFile   *file,
                    GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  g_autofree char *name = g_file_get_parse_name (file);

  if (info == NULL)
    {
      return scs_fail_io (error, SCS_FORMAT_ERROR_IO, scs_format_error_get_io_code (local_error),
                          "%s: %s", name, local_error->message);
    }
  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      return TRUE;
    case G_FILE_TYPE_DIRECTORY:
      return scs_fail_io (error, SCS_FORMAT_ERROR_IO, G_IO_ERROR_IS_DIRECTORY,
                          _("%s: this is a folder, not a criteria file; it was skipped"), name);
    case G_FILE_TYPE_SYMBOLIC_LINK:
      /* What a link still is after following it: one to nothing. */
      return scs_fail_io (error, SCS_FORMAT_ERROR_IO, G_IO_ERROR_NOT_FOUND,
                          _("%s: a link to a file that does not exist; it was skipped"), name);
    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SPECIAL:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      return scs_fail_io (error, SCS_FORMAT_ERROR_IO, G_IO_ERROR_NOT_REGULAR_FILE,
                          _("%s: not a regular file (a device, a pipe or a link to one); it was skipped"),
                          name);
    }
}

void
scs_catalog_add_directory (ScsCatalog *self,
                           const char *directory)
{
  g_autoptr(GError) dir_error = NULL;
  g_autoptr(GDir) dir = g_dir_open (directory, 0, &dir_error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  /* A missing directory is the usual case: nobody has dropped a newer edition in. Any other
   * reason (a file in its place, no permission) is worth telling. */
  if (dir == NULL)
    {
      if (!g_error_matches (dir_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_autofree char *display = g_filename_display_name (directory);
          GError *folder_error = NULL;

          scs_fail_io (&folder_error, SCS_FORMAT_ERROR_IO, scs_format_error_get_io_code (dir_error),
                       _("%s: the frameworks folder could not be read: %s"), display,
                       dir_error->message);
          record (self, folder_error);
        }
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (directory, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      GError *error = NULL;
      ScsFramework *framework = NULL;

      if (check_regular_file (file, &error))
        framework = scs_framework_new_from_file (file, &error);
      add_or_record (self, framework, error);
    }
}

GListModel *
scs_catalog_get_frameworks (ScsCatalog *self)
{
  return G_LIST_MODEL (self->frameworks);
}

GPtrArray *
scs_catalog_get_errors (ScsCatalog *self)
{
  return self->errors;
}

ScsFramework *
scs_catalog_lookup (ScsCatalog *self,
                    const char *id,
                    const char *edition)
{
  GListModel *list = G_LIST_MODEL (self->frameworks);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsFramework) fw = g_list_model_get_item (list, i);

      if (g_strcmp0 (scs_framework_get_id (fw), id) == 0 &&
          g_strcmp0 (scs_framework_get_edition (fw), edition) == 0)
        return fw;
    }
  return NULL;
}

/* Official first, then what else is compiled in (a draft), and a user-provided edition
 * only when nothing built in has this id: a file in the user's folder never takes the
 * place of the official texts, whatever edition or status it claims. */
static int
rank (ScsFramework *framework)
{
  if (scs_framework_is_official (framework))
    return 2;
  return scs_framework_is_builtin (framework) ? 1 : 0;
}

ScsFramework *
scs_catalog_get_latest (ScsCatalog *self,
                        const char *id)
{
  GListModel *list = G_LIST_MODEL (self->frameworks);
  ScsFramework *best = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsFramework) fw = g_list_model_get_item (list, i);

      if (g_strcmp0 (scs_framework_get_id (fw), id) != 0)
        continue;
      /* Editions are ISO dates (or their year-month prefix), so they sort as text. */
      if (best == NULL || rank (fw) > rank (best) ||
          (rank (fw) == rank (best) &&
           g_strcmp0 (scs_framework_get_edition (fw), scs_framework_get_edition (best)) > 0))
        best = fw;
    }
  return best;
}

ScsFramework *
scs_catalog_get_for_engagement (ScsCatalog *self,
                                const char *id,
                                const char *edition)
{
  ScsFramework *recorded = scs_catalog_lookup (self, id, edition);

  /* Made with a user-provided edition on purpose: it stays with it. A built-in edition
   * goes on to the newest official one, as it always has. */
  if (recorded != NULL && !scs_framework_is_builtin (recorded))
    return recorded;
  return scs_catalog_get_latest (self, id);
}
