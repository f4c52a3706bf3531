/* scs-error-private.h — making ScsFormatErrors, for the core library only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "scs-error.h"

G_BEGIN_DECLS

/* Sets error (when not NULL) to an SCS_FORMAT_ERROR of code with the formatted message;
 * FALSE, so that a check can `return scs_fail (…)`. */
gboolean scs_fail    (GError         **error,
                      ScsFormatError   code,
                      const char      *format,
                      ...) G_GNUC_PRINTF (3, 4);
/* The same for a failure the system gave a reason for: io_code is kept with the error
 * (scs_format_error_get_io_code); g_io_error_from_errno or scs_format_error_get_io_code
 * of the GIO error it came from. */
gboolean scs_fail_io (GError         **error,
                      ScsFormatError   code,
                      GIOErrorEnum     io_code,
                      const char      *format,
                      ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
