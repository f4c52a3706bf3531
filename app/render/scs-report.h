/* scs-report.h — the printed forms: assessment sheet, improvement plan, visit reports,
 * radar page and the full report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report is laid out once, in points, with its own Pango context (72 dpi, no hinting of
 * metrics), so that the PDF file and a printer get the same pages. Each page is then drawn
 * into whatever cairo context the caller has: a PDF surface or a GtkPrintContext. Internal
 * notes are never read.
 */
#pragma once

#include <cairo.h>
#include "scs-core.h"

G_BEGIN_DECLS

typedef enum {
  SCS_REPORT_FULL,      /* cover, radar, sheet, plan and the visit reports */
  SCS_REPORT_SHEET,     /* セキュリティアセスメントシート */
  SCS_REPORT_PLAN,      /* 改善計画書 */
  SCS_REPORT_VISITS,    /* 実施報告書, one per visit */
  SCS_REPORT_RADAR,
  SCS_REPORT_N_KINDS,
} ScsReportKind;

typedef enum {
  SCS_PAPER_A4,
  SCS_PAPER_A3,
} ScsReportPaper;

typedef struct {
  ScsReportKind  kind;
  ScsReportPaper paper;
  int            visit;            /* SCS_REPORT_VISITS: 0 every visit with content, else one */
  gboolean       details;          /* the sheet is followed by a section per criterion */
  gboolean       company_comments; /* the company's comments are printed */
  gboolean       unconfirmed;      /* verdicts marked for follow-up are printed and counted:
                                    * for the expert's own drafts, never the company's */
  const char    *mark;             /* confidentiality mark (社外秘); NULL or "" for none */
  const char    *date;             /* YYYY-MM-DD on the cover and every page's foot; NULL:
                                    * scs_report_get_default_date() */
} ScsReportOptions;

/* A4, the full report with details and the company's comments, marked 社外秘 in the user's
 * language; confirmed verdicts only, as the dashboard and the slides count them: a caller
 * that wants the ones marked for follow-up says so. */
void         scs_report_options_init      (ScsReportOptions *options);

/* Which verdicts the output's figures count: the ones it prints, no more. */
ScsCount     scs_report_options_get_count (const ScsReportOptions *options);
/* When options count verdicts marked for follow-up and engagement's level has any, a
 * sentence saying how many its figures include, for beside them; else NULL. */
char        *scs_report_describe_follow_up (ScsEngagement          *engagement,
                                            const ScsReportOptions *options);

/* The date a report of options' kind carries when options->date is NULL, as YYYY-MM-DD: the
 * plan's agreed date for the plan (else the date it was written, else today), the visit's
 * date for one visit's report, today for the others. NULL for the reports of every visit:
 * each visit's pages carry their own visit's date. */
char        *scs_report_get_default_date  (ScsEngagement          *engagement,
                                           const ScsReportOptions *options);

/* "full", "sheet", "plan", "visits", "radar" */
const char  *scs_report_kind_to_string    (ScsReportKind     kind);
gboolean     scs_report_kind_from_string  (const char       *text,
                                           ScsReportKind    *kind);
/* In words, for menus. */
const char  *scs_report_kind_get_title    (ScsReportKind     kind);

typedef struct _ScsReport ScsReport;

ScsReport   *scs_report_new               (ScsEngagement          *engagement,
                                           const ScsReportOptions *options);
void         scs_report_free              (ScsReport              *report);
guint        scs_report_get_n_pages       (ScsReport              *report);
/* In points. */
void         scs_report_get_page_size     (ScsReport              *report,
                                           guint                   page,
                                           double                 *width,
                                           double                 *height);
gboolean     scs_report_page_is_landscape (ScsReport              *report,
                                           guint                   page);
/* Draws page into cr, whose user space is in points with the page's top left at 0, 0.
 * Paints no background. */
void         scs_report_draw_page         (ScsReport              *report,
                                           cairo_t                *cr,
                                           guint                   page);
/* The whole report as a PDF document with its fonts embedded. */
GBytes      *scs_report_to_pdf            (ScsReport              *report,
                                           GError                **error);
/* Lays out and writes the PDF atomically: on any error the file under path is untouched. */
gboolean     scs_report_export_pdf        (ScsEngagement          *engagement,
                                           const ScsReportOptions *options,
                                           const char             *path,
                                           GError                **error);

/* One criterion as every output shows it, the options applied. Strings are borrowed from
 * the engagement and its framework, "" when empty or left out. */
typedef struct {
  ScsNode       *category;
  ScsNode       *subcategory;
  ScsNode       *requirement;
  ScsNode       *criterion;      /* in an edition without criteria, the requirement */
  ScsAssessment *assessment;     /* may be NULL */
  const char    *company_status; /* the scale value's title */
  const char    *company_comment;
  gboolean       performed[SCS_N_PROCEDURES];
  const char    *verdict;        /* the scale value's title */
  const char    *expert_comment;
} ScsReportCriterion;

/* Every assessable of the engagement's level, in the framework's order. */
GArray      *scs_report_list_criteria     (ScsEngagement          *engagement,
                                           const ScsReportOptions *options);
/* The evidence named for a criterion: referenced documents (by their inventory titles),
 * versions and dates, and who was interviewed; one per line. Never the notes. */
char        *scs_report_criterion_evidence (ScsEngagement         *engagement,
                                           ScsAssessment          *assessment);
/* The attendees of side ("company", "expert"; NULL: both), one a line as organisation, title
 * and name; the organisation is left out where it is company. */
char        *scs_report_join_attendees    (GListModel             *attendees,
                                           const char             *side,
                                           const char             *company);
/* A plan item's urgency, importance or difficulty ("high", "mid", "low") in words; "–"
 * when unset. */
const char  *scs_report_level_title       (const char             *id);
/* The four procedures' titles, as the sheet's columns name them. */
const char  *scs_report_procedure_title   (guint                   index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsReport, scs_report_free)

G_END_DECLS
