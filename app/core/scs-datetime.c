/* scs-datetime.c — dates and times as people type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "scs-datetime.h"
#include "scs-error.h"

/* Reiwa 1 is 2019, from 1 May 2019. */
#define REIWA_OFFSET 2018

/* Folds what people type into a few ASCII marks the parsers read: full-width forms become
 * ASCII, blanks go, and the Japanese units become letters (年 Y, 月 M, 日 D, 時 h, 分 m,
 * 令和 R, 元 G). Anything else becomes '?', which no form accepts. */
static char *
fold (const char *text)
{
  GString *out = g_string_new (NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_string_append_c (out, '?');
      return g_string_free (out, FALSE);
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      if (g_unichar_isspace (c))
        continue;
      switch (c)
        {
        case 0x5E74: g_string_append_c (out, 'Y'); break;   /* 年 */
        case 0x6708: g_string_append_c (out, 'M'); break;   /* 月 */
        case 0x65E5: g_string_append_c (out, 'D'); break;   /* 日 */
        case 0x6642: g_string_append_c (out, 'h'); break;   /* 時 */
        case 0x5206: g_string_append_c (out, 'm'); break;   /* 分 */
        case 0x5143: g_string_append_c (out, 'G'); break;   /* 元 */
        case 0x4EE4:                                        /* 令 of 令和 */
          if (g_utf8_get_char (g_utf8_next_char (p)) == 0x548C)
            {
              p = g_utf8_next_char (p);
              g_string_append_c (out, 'R');
            }
          else
            g_string_append_c (out, '?');
          break;
        case 'r':
        case 'R':
          g_string_append_c (out, 'R');
          break;
        default:
          if (c < 0x80 && (g_ascii_isdigit (c) || strchr ("-/.:", (int) c) != NULL))
            g_string_append_c (out, (char) c);
          else
            g_string_append_c (out, '?');
        }
    }
  return g_string_free (out, FALSE);
}

/* Reads 1 to max_digits digits at *p. */
static gboolean
read_number (const char **p,
             guint        max_digits,
             guint       *value,
             guint       *n_digits)
{
  guint n = 0, v = 0;

  while (g_ascii_isdigit ((*p)[n]) && n < max_digits)
    {
      v = v * 10 + (guint) ((*p)[n] - '0');
      n++;
    }
  if (n == 0 || g_ascii_isdigit ((*p)[n]))
    return FALSE;
  *p += n;
  *value = v;
  if (n_digits != NULL)
    *n_digits = n;
  return TRUE;
}

static gboolean
parse_date (const char *s,
            guint      *year,
            guint      *month,
            guint      *day,
            gboolean   *reiwa)
{
  const char *p = s;
  guint digits = 0;
  char sep;

  *reiwa = *p == 'R';
  if (*reiwa)
    p++;
  if (*reiwa && *p == 'G')
    {
      *year = 1;
      p++;
    }
  else if (!read_number (&p, *reiwa ? 2 : 4, year, &digits) || (!*reiwa && digits != 4))
    return FALSE;

  sep = *p;
  if (sep == '-' || sep == '/' || sep == '.')
    {
      p++;
      if (!read_number (&p, 2, month, NULL) || *p != sep)
        return FALSE;
      p++;
      return read_number (&p, 2, day, NULL) && *p == '\0';
    }
  if (sep == 'Y')
    {
      p++;
      if (!read_number (&p, 2, month, NULL) || *p != 'M')
        return FALSE;
      p++;
      if (!read_number (&p, 2, day, NULL))
        return FALSE;
      if (*p == 'D')
        p++;
      return *p == '\0';
    }
  return FALSE;
}

char *
scs_normalize_date (const char  *text,
                    GError     **error)
{
  g_autofree char *s = NULL;
  guint year, month, day;
  gboolean reiwa;

  g_return_val_if_fail (text != NULL, NULL);

  s = fold (text);
  if (s[0] == '\0')
    return g_strdup ("");
  if (!parse_date (s, &year, &month, &day, &reiwa) || year == 0)
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                   _("Not readable as a date. Type it like 2026-04-15 or 2026/4/15."));
      return NULL;
    }
  if (reiwa)
    year += REIWA_OFFSET;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) || year > 9999)
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                   _("There is no day %u-%02u-%02u in the calendar. Type a date like "
                     "2026-04-15 or 2026/4/15."), year, month, day);
      return NULL;
    }
  if (reiwa && (year == REIWA_OFFSET + 1) && month < 5)
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                   _("The Reiwa era began on 2019-05-01. Type a date like 2026-04-15 or "
                     "R8.4.15."));
      return NULL;
    }
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

static gboolean
parse_time (const char *s,
            guint      *hour,
            guint      *minute)
{
  const char *p = s;
  guint digits;

  if (!read_number (&p, 4, hour, &digits))
    return FALSE;
  if (*p == '\0')
    {
      /* 930 and 1330: the last two digits are the minutes. */
      if (digits < 3)
        return FALSE;
      *minute = *hour % 100;
      *hour /= 100;
      return TRUE;
    }
  if (digits > 2)
    return FALSE;
  if (*p == ':')
    {
      p++;
      return read_number (&p, 2, minute, &digits) && digits == 2 && *p == '\0';
    }
  if (*p == 'h')
    {
      p++;
      *minute = 0;
      if (*p == '\0')
        return TRUE;
      if (!read_number (&p, 2, minute, NULL) || *p != 'm')
        return FALSE;
      return p[1] == '\0';
    }
  return FALSE;
}

char *
scs_normalize_time (const char  *text,
                    GError     **error)
{
  g_autofree char *s = NULL;
  guint hour, minute;

  g_return_val_if_fail (text != NULL, NULL);

  s = fold (text);
  if (s[0] == '\0')
    return g_strdup ("");
  if (!parse_time (s, &hour, &minute) || hour > 23 || minute > 59)
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                   _("Not readable as a time. Type it like 13:30 or 1330."));
      return NULL;
    }
  return g_strdup_printf ("%02u:%02u", hour, minute);
}
