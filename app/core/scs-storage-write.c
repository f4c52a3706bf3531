/* scs-storage-write.c — writing engagement files and exports: serializing, sealing, where a
 * write lands (links, read-only files, the input itself), atomic durable writes, and
 * writing in a worker thread after reading the bytes back as opening would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* realpath, lstat, st_mtim: POSIX 2008 and XSI, beyond C11. */
#define _XOPEN_SOURCE 700

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scs-error-private.h"
#include "scs-storage.h"
#include "scs-storage-private.h"

/* json-glib 1.6 writes U+001F inside a text as the raw byte, which JSON does not allow and
 * the app's own loader refuses (every other control character it escapes). The byte can
 * only be inside a text there, and never part of a longer UTF-8 sequence, so it is
 * replaced wherever it is. The result ends with a newline. */
static GBytes *
finish_text (const char *text,
             gsize       length)
{
  GString *out = g_string_sized_new (length + 2);
  const char *p = text;
  const char *end = text + length;
  const char *unit;

  while ((unit = memchr (p, 0x1f, end - p)) != NULL)
    {
      g_string_append_len (out, p, unit - p);
      g_string_append (out, "\\u001f");
      p = unit + 1;
    }
  g_string_append_len (out, p, end - p);
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}

GBytes *
scs_storage_serialize (ScsEngagement *engagement)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = scs_record_to_node (SCS_RECORD (engagement));
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  bytes = finish_text (text, length);
  /* Indentation can make a large engagement half again as big: rather than write a file
   * that opening would refuse as too large, drop it. */
  if (g_bytes_get_size (bytes) > scs_storage_get_max_size ())
    {
      g_clear_pointer (&text, g_free);
      g_clear_pointer (&bytes, g_bytes_unref);
      json_generator_set_pretty (generator, FALSE);
      text = json_generator_to_data (generator, &length);
      bytes = finish_text (text, length);
    }
  return g_steal_pointer (&bytes);
}

gboolean
scs_storage_save (ScsEngagement *engagement,
                  GFile         *file,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = scs_storage_serialize (engagement);

  return scs_storage_write (bytes, file, error);
}

/* Where a write to path lands: the file at the end of its chain of symbolic links, so that
 * saving through a link replaces the link's target and keeps the link. A link to a file
 * not there yet resolves to that file's name. */
/* path with its folder resolved as the kernel resolves it — links followed, then "..",
 * never ".." first as text — and its last part kept as it is (it may be a link, or not be
 * there yet). */
static char *
with_real_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  char *real = realpath (dir, NULL);
  char *joined;

  if (real == NULL)
    return g_strdup (path);
  joined = g_build_filename (real, base, NULL);
  free (real);
  return joined;
}

char *
scs_storage_resolve_target (const char  *path,
                            GError     **error)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *absolute = g_path_is_absolute (path) ? g_strdup (path)
                                                       : g_build_filename (cwd, path, NULL);
  g_autofree char *current = with_real_folder (absolute);

  /* As many hops as the kernel allows (MAXSYMLINKS), then a loop is assumed. */
  for (int hops = 0; hops < 40; hops++)
    {
      g_autofree char *link = NULL;
      g_autofree char *next = NULL;
      struct stat st;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      link = g_file_read_link (current, error);
      if (link == NULL)
        return NULL;
      if (g_path_is_absolute (link))
        next = g_steal_pointer (&link);
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);

          next = g_build_filename (dir, link, NULL);
        }
      g_free (current);
      current = with_real_folder (next);
    }
  scs_fail_io (error, SCS_FORMAT_ERROR_WRITE, G_IO_ERROR_TOO_MANY_LINKS,
               _("%s: too many levels of symbolic links"), path);
  return NULL;
}

gboolean
scs_storage_same_file (const char *a,
                       const char *b)
{
  struct stat sa, sb;

  if (a == NULL || b == NULL || stat (a, &sa) != 0 || stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Refused before anything is made: an output that would replace the input it is made
 * from, or a file the user has made read-only. */
gboolean
scs_storage_check_output (const char  *output,
                          const char  *input,
                          GError     **error)
{
  g_autofree char *target = NULL;
  struct stat st;

  if (input != NULL && scs_storage_same_file (output, input))
    return scs_fail_io (error, SCS_FORMAT_ERROR_WRITE, G_IO_ERROR_EXISTS,
                        _("%s is the engagement file itself; choose another name for the output"), output);
  target = scs_storage_resolve_target (output, error);
  if (target == NULL)
    return FALSE;
  /* No write bit at all is the owner's “do not touch”, which holds even for root. */
  if (stat (target, &st) == 0 && S_ISREG (st.st_mode) &&
      ((st.st_mode & 0222) == 0 || (access (target, W_OK) != 0 && errno == EACCES)))
    return scs_fail_io (error, SCS_FORMAT_ERROR_WRITE, G_IO_ERROR_READ_ONLY,
                        _("%s is read-only; it was not replaced"), output);
  return TRUE;
}

void
scs_file_stamp_take (ScsFileStamp *stamp,
                     const char   *path)
{
  struct stat st;

  memset (stamp, 0, sizeof *stamp);
  if (path == NULL || stat (path, &st) != 0)
    return;
  stamp->exists = TRUE;
  stamp->device = st.st_dev;
  stamp->inode = st.st_ino;
  stamp->size = st.st_size;
  stamp->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
}

gboolean
scs_file_stamp_equal (const ScsFileStamp *a,
                      const ScsFileStamp *b)
{
  return a->exists == b->exists && a->device == b->device && a->inode == b->inode
         && a->size == b->size && a->mtime_ns == b->mtime_ns;
}

static gboolean
too_large_to_save (GError **error,
                   gsize    size)
{
  return scs_fail (error, SCS_FORMAT_ERROR_TOO_LARGE,
                   _("The engagement is too large to be saved (%lu MB; the limit is %lu MB): "
                     "the app would refuse to open the file. Nothing was written."),
                   (unsigned long) (size / (1024 * 1024)),
                   (unsigned long) (scs_storage_get_max_size () / (1024 * 1024)));
}

GBytes *
scs_storage_protect (GBytes        *json,
                     ScsProtectKey *key,
                     GError       **error)
{
  if (g_bytes_get_size (json) > scs_storage_get_max_size ())
    return too_large_to_save (error, g_bytes_get_size (json)), NULL;
  return scs_protect_seal (key, json, error);
}

gboolean
scs_storage_write (GBytes  *bytes,
                   GFile   *file,
                   GError **error)
{
  if (scs_storage_is_protected (bytes))
    {
      if (g_bytes_get_size (bytes) > scs_storage_max_file_size ())
        return too_large_to_save (error, g_bytes_get_size (bytes));
      return scs_storage_write_file (bytes, file, error);
    }
  if (g_bytes_get_size (bytes) > scs_storage_get_max_size ())
    return too_large_to_save (error, g_bytes_get_size (bytes));
  return scs_storage_write_file (bytes, file, error);
}

gboolean
scs_storage_write_file (GBytes  *bytes,
                        GFile   *file,
                        GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *target = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  if (path == NULL)
    return scs_fail_io (error, SCS_FORMAT_ERROR_WRITE, G_IO_ERROR_NOT_SUPPORTED,
                        _("Only local files can be saved."));

  data = g_bytes_get_data (bytes, &size);
  /* The temporary file goes beside the target, so the final rename stays on its file
   * system. Engagement files hold a company's findings, and so do their exports: 0600
   * whatever the file had. */
  if (!scs_storage_check_output (path, NULL, error) ||
      (target = scs_storage_resolve_target (path, error)) == NULL)
    return FALSE;
  if (!g_file_set_contents_full (target, data, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    return scs_fail_io (error, SCS_FORMAT_ERROR_WRITE, scs_format_error_get_io_code (local_error),
                                                       "%s", local_error->message);
  return TRUE;
}

typedef struct {
  ScsCatalog    *catalog;   /* NULL: written without being read back first */
  GBytes        *bytes;
  ScsProtectKey *key;       /* NULL: written as it is */
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_clear_object (&job->catalog);
  g_clear_pointer (&job->key, scs_protect_key_unref);
  g_bytes_unref (job->bytes);
  g_free (job);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr(GError) verify_error = NULL;
  GError *error = NULL;

  /* The catalog is only read once the app has started, so a worker may load with it. */
  if (job->catalog != NULL && !scs_storage_verify (job->catalog, job->bytes, &verify_error))
    {
      g_task_return_new_error (task, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_NOT_WRITTEN,
                               _("the app could not open the file it was about to write "
                                 "(%s), so nothing was written"), verify_error->message);
      return;
    }
  /* Sealed here, after the check and off the main loop: a new passphrase's first seal
   * runs Argon2id. The plaintext never reaches the disk. */
  if (job->key != NULL)
    {
      g_autoptr(GBytes) sealed = scs_storage_protect (job->bytes, job->key, &error);

      if (sealed == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_bytes_unref (job->bytes);
      job->bytes = g_steal_pointer (&sealed);
    }
  if (scs_storage_write (job->bytes, G_FILE (source), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
scs_storage_write_async (ScsCatalog         *verify_with,
                         GBytes             *bytes,
                         GFile              *file,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  scs_storage_write_async_full (verify_with, bytes, NULL, file, cancellable, callback,
                                user_data);
}

void
scs_storage_write_async_full (ScsCatalog         *verify_with,
                              GBytes             *bytes,
                              ScsProtectKey      *key,
                              GFile              *file,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (file, cancellable, callback, user_data);
  WriteJob *job = g_new0 (WriteJob, 1);

  job->catalog = verify_with != NULL ? g_object_ref (verify_with) : NULL;
  job->bytes = g_bytes_ref (bytes);
  job->key = key != NULL ? scs_protect_key_ref (key) : NULL;
  g_task_set_source_tag (task, scs_storage_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
scs_storage_write_finish (GAsyncResult *result,
                          GError      **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
