/* scs-cli.h — the headless command-line actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "scs-core.h"

G_BEGIN_DECLS

/* Each returns the process exit status: 0 success, 1 the file is bad, 2 usage. */
int scs_cli_validate    (const char *path);
/* With unconfirmed FALSE, verdicts marked for follow-up count as not yet evaluated. */
int scs_cli_summary     (const char *path,
                         gboolean    unconfirmed);
int scs_cli_new         (int         level,
                         const char *company,
                         const char *path);
/* Writes the radar of the engagement in path to out (.png, .svg or .pdf); size is
 * "WIDTHxHEIGHT" (NULL: 1920x1080), style "light" or "dark" (NULL: light); unconfirmed as
 * for the summary. */
int scs_cli_export_radar (const char *out,
                          const char *path,
                          const char *size,
                          const char *style,
                          gboolean    unconfirmed);
/* The options an export takes, as given (NULL or 0 when not). */
typedef struct {
  char    *report;
  char    *paper;
  char    *mark;
  char    *date;            /* --date, as typed */
  int      visit;
  gboolean no_details;
  gboolean no_company_comments;
  gboolean unconfirmed;     /* --unconfirmed: follow-up verdicts printed and counted */
  gboolean no_unconfirmed;  /* the default, still accepted so that scripts keep working */
} ScsCliExport;

void scs_cli_export_clear (ScsCliExport *options);
/* format is "pdf", "csv" or "xlsx". */
int scs_cli_export       (const char         *format,
                          const char         *out,
                          const char         *path,
                          const ScsCliExport *options);
/* Writes to out the company copy of the engagement in path (scs_company_copy_new): with the
 * agreed improvement plan when plan, with the confirmed verdicts when verdicts. The
 * passphrase file's key only opens path; the copy is protected with the passphrase in
 * copy_passphrase_file (a key and salt of its own) or, when NULL, written unprotected. */
int scs_cli_company_copy (const char *out,
                          const char *path,
                          gboolean    plan,
                          gboolean    verdicts,
                          const char *copy_passphrase_file);
int scs_cli_usage_error (const char *message);

/* --passphrase-file (or another option, named in errors): the first line of path (one line
 * break, LF or CRLF, taken off; it must be UTF-8 and not empty) as a key, its text wiped
 * once copied. Never printed. */
gboolean       scs_cli_read_passphrase     (const char        *option,
                                            const char        *path,
                                            ScsProtectKey    **key,
                                            GError           **error);
/* Reads path with scs_cli_read_passphrase for the rest of this command: every engagement
 * the command opens may be protected with it, and --new protects what it writes with it
 * (a company copy has its own, scs_cli_company_copy).
 * Returns 0, or 1 after saying why on stderr. */
int            scs_cli_use_passphrase_file (const char        *path);
/* The key of scs_cli_use_passphrase_file, or NULL. */
ScsProtectKey *scs_cli_get_key             (void);
/* Opens an engagement for a command, protected or not (with the passphrase file's key);
 * on failure says why on stderr (naming --passphrase-file when a passphrase is needed)
 * and returns NULL. */
ScsEngagement *scs_cli_open_engagement     (ScsCatalog        *catalog,
                                            const char        *path,
                                            ScsEditionReport **report);
/* Writes an engagement as a command's output: checked as opening would check it, sealed
 * with key unless NULL, written atomically. On failure says why on stderr. */
gboolean       scs_cli_write_engagement    (ScsCatalog        *catalog,
                                            ScsEngagement     *engagement,
                                            ScsProtectKey     *key,
                                            const char        *path);

/* text with what could drive or reorder a terminal made visible: C0/C1 controls and DEL
 * as \x1b, the bidirectional overrides and isolates as \u202e, bytes that are not UTF-8 as
 * \xff; line breaks and tabs kept when keep_lines. For whatever from a file, a path or an
 * error message is printed. */
char *scs_cli_escape (const char *text,
                      gboolean    keep_lines);

G_END_DECLS
