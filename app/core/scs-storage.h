/* scs-storage.h — reading and writing engagement files (.scsa, JSON)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scs-catalog.h"
#include "scs-engagement.h"
#include "scs-protect.h"

G_BEGIN_DECLS

/* What opening a file made with another edition of the criteria did. */
typedef struct {
  char      *recorded_id;
  char      *recorded_edition;
  char      *attached_edition;
  gboolean   edition_changed;     /* attached to another edition than the one recorded */
  gboolean   recorded_installed;  /* the recorded edition is known, so changes are listed */
  gboolean   texts_differ;        /* same edition name, but other texts than recorded */
  GPtrArray *changes;             /* ScsChange; empty when none or not computable */
  guint      n_orphans;           /* answers whose criterion the attached edition lacks */
  gint64     newer_format;        /* SCS_LOAD_ALLOW_NEWER: the file's newer format, else 0 */
} ScsEditionReport;

typedef enum {
  SCS_LOAD_DEFAULT = 0,
  /* Reads a file of a newer format as far as this version understands it, for showing
   * read-only; the caller must not save it. */
  SCS_LOAD_ALLOW_NEWER = 1 << 0,
} ScsLoadFlags;

void           scs_edition_report_free (ScsEditionReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsEditionReport, scs_edition_report_free)

/* An engagement file is at most this big: the example is 136 KB, and a ★4 engagement with
 * ten thousand evidence references a few megabytes. Larger files are refused unread. */
#define SCS_STORAGE_MAX_SIZE (64 * 1024 * 1024)

/* Reads at most max bytes of a file the user chose: only a regular file (a FIFO, a device
 * or a folder is refused at once, without waiting or reading), and only up to max bytes
 * (more is refused, even when the file grows while it is read). On failure returns NULL
 * with an SCS_FORMAT_ERROR: _IO with the system's reason in its message and its code
 * (scs_format_error_get_io_code: G_IO_ERROR_IS_DIRECTORY, _NOT_REGULAR_FILE, _NOT_FOUND,
 * _PERMISSION_DENIED …), or _TOO_LARGE; size, when not NULL, is then the size seen (at
 * least max + 1). */
GBytes        *scs_storage_read_file   (GFile             *file,
                                        gsize              max,
                                        goffset           *size,
                                        GError           **error);

/* Reads an engagement file as every way of opening one does: scs_storage_read_file up to
 * scs_storage_max_file_size, a file over it refused with SCS_FORMAT_ERROR_TOO_LARGE and a
 * message about engagements. The bytes open with scs_storage_open_bytes, plain or
 * protected (scs_storage_is_protected). Failures to read are SCS_FORMAT_ERROR_IO with the
 * system's reason (scs_format_error_get_io_code). */
GBytes        *scs_storage_read_engagement (GFile          *file,
                                            GError        **error);

/* Reads an engagement, checking every member. On failure returns NULL with an
 * SCS_FORMAT_ERROR whose message names the JSON path; nothing half-built is returned.
 * The engagement is attached to scs_catalog_get_for_engagement's edition: the newest
 * official one, or the user-provided edition it was made with when that is installed. */
ScsEngagement *scs_storage_load        (ScsCatalog        *catalog,
                                        GFile             *file,
                                        ScsEditionReport **report,
                                        GError           **error);
ScsEngagement *scs_storage_load_bytes  (ScsCatalog        *catalog,
                                        GBytes            *bytes,
                                        ScsEditionReport **report,
                                        GError           **error);

ScsEngagement *scs_storage_load_bytes_full (ScsCatalog        *catalog,
                                           GBytes            *bytes,
                                           ScsLoadFlags       flags,
                                           ScsEditionReport **report,
                                           GError           **error);
/* As the above, for plain and passphrase-protected files alike (told apart by the magic
 * at the start, scs-protect.h). key opens a protected file and is then derived for its
 * salt, so sealing with it again costs no Argon2id; NULL: a protected file is refused with
 * SCS_FORMAT_ERROR_PASSPHRASE_NEEDED (which the functions without key give too). A plain
 * file opens as without key. SCS_STORAGE_MAX_SIZE bounds the JSON inside. */
ScsEngagement *scs_storage_load_full   (ScsCatalog        *catalog,
                                        GFile             *file,
                                        ScsLoadFlags       flags,
                                        ScsProtectKey     *key,
                                        ScsEditionReport **report,
                                        GError           **error);
ScsEngagement *scs_storage_open_bytes  (ScsCatalog        *catalog,
                                        GBytes            *bytes,
                                        ScsLoadFlags       flags,
                                        ScsProtectKey     *key,
                                        ScsEditionReport **report,
                                        GError           **error);
/* Judges the header of a protected file as opening would (checksum, version, KDF cost,
 * the JSON's length against SCS_STORAGE_MAX_SIZE) without deriving a key: FALSE, with the
 * reason opening would give, for a file no passphrase could open. */
gboolean       scs_storage_check_protected (GBytes        *bytes,
                                            GError       **error);
/* TRUE when bytes are a passphrase-protected file (they start with its magic). */
gboolean       scs_storage_is_protected (GBytes           *bytes);
/* The most an engagement file can hold: SCS_STORAGE_MAX_SIZE of JSON and what sealing
 * adds. Read at most this much before opening. */
gsize          scs_storage_max_file_size (void);
/* JSON made by scs_storage_serialize (and checked with scs_storage_verify) sealed with
 * key, ready for scs_storage_write. Over SCS_STORAGE_MAX_SIZE it is refused
 * (SCS_FORMAT_ERROR_TOO_LARGE), as opening would refuse it. Runs Argon2id when key has
 * not been derived yet. */
GBytes        *scs_storage_protect     (GBytes            *json,
                                        ScsProtectKey     *key,
                                        GError           **error);
/* Pretty-printed UTF-8 JSON with a final newline, members in a fixed order: the same
 * engagement always gives the same bytes. When the pretty form would be larger than
 * SCS_STORAGE_MAX_SIZE, the compact form (no indentation) instead. */
GBytes        *scs_storage_serialize   (ScsEngagement     *engagement);
/* Reads bytes made by scs_storage_serialize exactly as opening the file would, and drops
 * the result: FALSE, with the reason opening would give, when the app would refuse to open
 * what it is about to write. */
gboolean       scs_storage_verify      (ScsCatalog        *catalog,
                                        GBytes            *bytes,
                                        GError           **error);
/* Writes atomically and durably (temporary file, fsync, rename), mode 0600. Bytes larger
 * than SCS_STORAGE_MAX_SIZE are refused (SCS_FORMAT_ERROR_TOO_LARGE), as opening would
 * refuse them. */
gboolean       scs_storage_save        (ScsEngagement     *engagement,
                                        GFile             *file,
                                        GError           **error);

/* Writes bytes made by scs_storage_serialize as scs_storage_save does (refused over
 * SCS_STORAGE_MAX_SIZE, which opening would refuse), through scs_storage_write_file; or
 * bytes sealed by scs_storage_protect. */
gboolean       scs_storage_write       (GBytes            *bytes,
                                        GFile             *file,
                                        GError           **error);
/* Writes any file atomically and durably (temporary file beside it, fsync, rename), mode
 * 0600; safe to call from a worker thread. Through a symbolic link it replaces the link's
 * target; an existing file the user may not write is refused. Every export writes here.
 * Failures are SCS_FORMAT_ERROR_WRITE with the system's reason in the message and as
 * scs_format_error_get_io_code (G_IO_ERROR_NO_SPACE, _PERMISSION_DENIED, _READ_ONLY …). */
gboolean       scs_storage_write_file  (GBytes            *bytes,
                                        GFile             *file,
                                        GError           **error);
/* The file a write to path replaces: path with its symbolic links followed to the end. */
char          *scs_storage_resolve_target (const char    *path,
                                           GError       **error);
/* Same device and inode, whatever links lead to each; FALSE when either is missing. */
gboolean       scs_storage_same_file   (const char        *a,
                                        const char        *b);
/* Refuses to write output when it is the input file itself (through symbolic or hard
 * links) or an existing file the user may not write (SCS_FORMAT_ERROR_WRITE). input may be
 * NULL. */
gboolean       scs_storage_check_output (const char       *output,
                                         const char       *input,
                                         GError          **error);

/* What a file on disk is now, to tell whether someone else changed it since. */
typedef struct {
  gboolean exists;
  guint64  device;
  guint64  inode;
  guint64  size;
  gint64   mtime_ns;
} ScsFileStamp;

void           scs_file_stamp_take     (ScsFileStamp       *stamp,
                                        const char         *path);
gboolean       scs_file_stamp_equal    (const ScsFileStamp *a,
                                        const ScsFileStamp *b);

/* scs_storage_write in a worker thread. With verify_with, the bytes are first read back as
 * opening would read them (scs_storage_verify), and nothing is written when that fails
 * (SCS_FORMAT_ERROR_NOT_WRITTEN): the app never writes a file it would refuse to open. */
void           scs_storage_write_async (ScsCatalog         *verify_with,
                                        GBytes             *bytes,
                                        GFile              *file,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
/* The same, sealing the verified JSON with key (NULL: plain) in the worker thread. */
void           scs_storage_write_async_full (ScsCatalog         *verify_with,
                                             GBytes             *bytes,
                                             ScsProtectKey      *key,
                                             GFile              *file,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
gboolean       scs_storage_write_finish (GAsyncResult      *result,
                                         GError           **error);

G_END_DECLS
