/* scs-cli.h — the headless command-line actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each returns the process exit status: 0 success, 1 the file is bad, 2 usage. */
int scs_cli_validate    (const char *path);
int scs_cli_summary     (const char *path);
int scs_cli_new         (int         level,
                         const char *company,
                         const char *path);
int scs_cli_usage_error (const char *message);

G_END_DECLS
