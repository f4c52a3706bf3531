/* scs-locale.c — which of a framework's ja/en texts to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "scs-locale.h"

/* The user's language list decides: the first of Japanese or English (or C) that appears
 * in it wins. Frameworks carry only these two languages. */
gboolean
scs_locale_prefers_japanese (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "ja"))
        return TRUE;
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        return FALSE;
    }
  return FALSE;
}

const char *
scs_locale_pick (const char *ja,
                 const char *en)
{
  if (en == NULL || en[0] == '\0')
    return ja != NULL ? ja : "";
  if (ja == NULL || ja[0] == '\0')
    return en;
  return scs_locale_prefers_japanese () ? ja : en;
}
