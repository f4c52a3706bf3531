/* scs-error.c — the core library's error domain, whose IO errors keep the system's reason
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScsFormatError is an extended GError domain: every error of it carries the GIOErrorEnum
 * code of the system error it came from (G_IO_ERROR_FAILED when none). So reading and
 * writing failures stay SCS_FORMAT_ERROR_IO and _WRITE, which callers check, with the
 * message the user reads, and still tell a missing file from a refused one.
 */
#include <gio/gio.h>

#include "scs-error.h"
#include "scs-error-private.h"

typedef struct {
  GIOErrorEnum io_code;
} ScsFormatErrorPrivate;

/* The private data is always there for errors of the domain; the checks are for the
 * compiler, which sees that G_DEFINE_EXTENDED_ERROR's getter can return NULL. */
static void
scs_format_error_private_init (ScsFormatErrorPrivate *priv)
{
  if (priv != NULL)
    priv->io_code = G_IO_ERROR_FAILED;
}

static void
scs_format_error_private_copy (const ScsFormatErrorPrivate *src,
                               ScsFormatErrorPrivate       *dest)
{
  if (src != NULL && dest != NULL)
    dest->io_code = src->io_code;
}

static void
scs_format_error_private_clear (ScsFormatErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (ScsFormatError, scs_format_error)

GIOErrorEnum
scs_format_error_get_io_code (const GError *error)
{
  if (error == NULL)
    return G_IO_ERROR_FAILED;
  if (error->domain == SCS_FORMAT_ERROR)
    {
      ScsFormatErrorPrivate *priv = scs_format_error_get_private (error);

      return priv != NULL ? priv->io_code : G_IO_ERROR_FAILED;
    }
  if (error->domain == G_IO_ERROR)
    return (GIOErrorEnum) error->code;
  if (error->domain == G_FILE_ERROR)
    return g_io_error_from_file_error ((GFileError) error->code);
  return G_IO_ERROR_FAILED;
}

static void
set_valist (GError        **error,
            ScsFormatError  code,
            GIOErrorEnum    io_code,
            const char     *format,
            va_list         args) G_GNUC_PRINTF (4, 0);

static void
set_valist (GError        **error,
            ScsFormatError  code,
            GIOErrorEnum    io_code,
            const char     *format,
            va_list         args)
{
  GError *made;
  ScsFormatErrorPrivate *priv;

  if (error == NULL)
    return;
  made = g_error_new_valist (SCS_FORMAT_ERROR, code, format, args);
  priv = scs_format_error_get_private (made);
  if (priv != NULL)
    priv->io_code = io_code;
  g_propagate_error (error, made);
}

gboolean
scs_fail (GError         **error,
          ScsFormatError   code,
          const char      *format,
          ...)
{
  va_list args;

  va_start (args, format);
  set_valist (error, code, G_IO_ERROR_FAILED, format, args);
  va_end (args);
  return FALSE;
}

gboolean
scs_fail_io (GError         **error,
             ScsFormatError   code,
             GIOErrorEnum     io_code,
             const char      *format,
             ...)
{
  va_list args;

  va_start (args, format);
  set_valist (error, code, io_code, format, args);
  va_end (args);
  return FALSE;
}
