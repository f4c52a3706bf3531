/* scs-locale.h — which of a framework's ja/en texts to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    scs_locale_prefers_japanese (void);
const char *scs_locale_pick             (const char *ja,
                                         const char *en);

G_END_DECLS
