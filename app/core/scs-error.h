/* scs-error.h — error domains of the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCS_FORMAT_ERROR (scs_format_error_quark ())

/* Why a framework or engagement file could not be read or written. Every message names the
 * file's JSON path where one applies, so the user can find the fault. */
typedef enum {
  SCS_FORMAT_ERROR_IO,                 /* the file could not be read: the system's reason is
                                        * kept, see scs_format_error_get_io_code */
  SCS_FORMAT_ERROR_EMPTY,
  SCS_FORMAT_ERROR_ENCODING,
  SCS_FORMAT_ERROR_SYNTAX,
  SCS_FORMAT_ERROR_NOT_OURS,
  SCS_FORMAT_ERROR_NEWER,
  SCS_FORMAT_ERROR_WRONG_TYPE,
  SCS_FORMAT_ERROR_MISSING,
  SCS_FORMAT_ERROR_INVALID_VALUE,
  SCS_FORMAT_ERROR_DUPLICATE,
  SCS_FORMAT_ERROR_UNKNOWN_REFERENCE,
  SCS_FORMAT_ERROR_UNKNOWN_FRAMEWORK,
  SCS_FORMAT_ERROR_TOO_LARGE,
  /* Not a read error: what the app was about to save would not open again. */
  SCS_FORMAT_ERROR_NOT_WRITTEN,
  /* A passphrase-protected file (scs-protect.h): */
  SCS_FORMAT_ERROR_PASSPHRASE_NEEDED,  /* protected, and no passphrase was given */
  SCS_FORMAT_ERROR_WRONG_PASSPHRASE,   /* the first part does not open with it */
  SCS_FORMAT_ERROR_DAMAGED,            /* header, a later part, or bytes after the end */
  SCS_FORMAT_ERROR_TRUNCATED,          /* ends before its final part */
  /* Writing: the file could not be written, or writing it was refused (it is the input
   * itself, or read-only). The system's reason is kept as for _IO. */
  SCS_FORMAT_ERROR_WRITE,
} ScsFormatError;

GQuark       scs_format_error_quark       (void);
/* The system's reason behind error as a GIOErrorEnum code: for an SCS_FORMAT_ERROR the
 * reason of the GIO error or errno it was made from (G_IO_ERROR_FAILED when it had none),
 * for a G_IO_ERROR its code, for a G_FILE_ERROR its GIO equivalent. */
GIOErrorEnum scs_format_error_get_io_code (const GError *error);

G_END_DECLS
