/* scs-export.h — the engagement as a table: CSV and an Excel workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both honour the report options that decide what may be shown (company comments,
 * unconfirmed verdicts); internal notes are never read. Files are written atomically:
 * on any error the file under the final name is untouched.
 */
#pragma once

#include "scs-report.h"

G_BEGIN_DECLS

/* One row per criterion after a header: ids, texts, statuses, the procedures (○),
 * verdict and comments. UTF-8 with a byte order mark and CRLF line ends, quoted as
 * RFC 4180 says, so that Excel in Japanese opens it as it is. */
GBytes   *scs_export_csv       (ScsEngagement          *engagement,
                                const ScsReportOptions *options);
gboolean  scs_export_csv_file  (ScsEngagement          *engagement,
                                const ScsReportOptions *options,
                                const char             *path,
                                GError                **error);

/* The assessment sheet with drop-down lists for the company's status and the verdict,
 * the improvement plan, the criteria in detail, and the radar as an image. */
gboolean  scs_export_xlsx_file (ScsEngagement          *engagement,
                                const ScsReportOptions *options,
                                const char             *path,
                                GError                **error);

G_END_DECLS
