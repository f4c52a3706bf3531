/* scs-datetime.h — dates and times as people type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file holds dates as YYYY-MM-DD and times as HH:MM; people type 2026/4/15, 令和8年4月15日,
 * R8.4.15, 1330 or 13時30分, often with full-width digits. These read such input and give the
 * file's form, or refuse it with a message that shows the form expected.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The date text names as YYYY-MM-DD; "" for a text of blanks only; NULL with error set
 * when text is not a date of the calendar in one of the forms read. */
char *scs_normalize_date (const char  *text,
                          GError     **error);
/* The time text names as HH:MM, "" for blanks; NULL with error set otherwise. */
char *scs_normalize_time (const char  *text,
                          GError     **error);

G_END_DECLS
