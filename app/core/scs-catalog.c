/* scs-catalog.c — the frameworks and checklists the app knows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "scs-catalog.h"
#include "scs-error.h"
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

static void
add_or_record (ScsCatalog   *self,
               ScsFramework *framework,
               GError       *error)
{
  if (framework == NULL || !scs_catalog_add (self, framework, &error))
    g_ptr_array_add (self->errors, error);
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
      g_autoptr(GBytes) bytes = NULL;
      GError *error = NULL;
      ScsFramework *framework = NULL;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        framework = scs_framework_new_from_bytes (bytes, path, &error);
      add_or_record (self, framework, error);
    }
}

void
scs_catalog_add_directory (ScsCatalog *self,
                           const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  /* A missing directory is the usual case: nobody has dropped a newer edition in. */
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (directory, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      GError *error = NULL;
      ScsFramework *framework = scs_framework_new_from_file (file, &error);

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
      if (best == NULL ||
          (scs_framework_is_official (fw) && !scs_framework_is_official (best)) ||
          (scs_framework_is_official (fw) == scs_framework_is_official (best) &&
           g_strcmp0 (scs_framework_get_edition (fw), scs_framework_get_edition (best)) > 0))
        best = fw;
    }
  return best;
}
