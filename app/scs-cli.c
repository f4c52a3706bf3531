/* scs-cli.c — the headless command-line actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "scs-cli.h"
#include "scs-engagement-radar.h"
#include "scs-export.h"
#include "scs-core.h"

/* Characters a terminal acts on or that reorder what is shown: C0 and C1 controls, DEL,
 * and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069). */
static gboolean
is_unsafe (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069);
}

char *
scs_cli_escape (const char *text,
                gboolean    keep_lines)
{
  GString *s = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8 (a path given on the command line): the byte, visibly. */
          g_string_append_printf (s, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (keep_lines && (c == '\n' || c == '\t'))
        g_string_append_unichar (s, c);
      else if (is_unsafe (c) && c < 0x100)
        g_string_append_printf (s, "\\x%02x", c);
      else if (is_unsafe (c))
        g_string_append_printf (s, "\\u%04x", c);
      else
        g_string_append_unichar (s, c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (s, FALSE);
}

/* Output is UTF-8 whatever the locale: the data is Japanese, and g_print would escape it
 * under the C locale. Texts from a file, a path or an error (which may quote the file) go
 * in through text() (one line); whatever else a file put there still cannot drive the
 * terminal. */
static void
out (FILE       *stream,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static void
out (FILE       *stream,
     const char *format,
     ...)
{
  g_autofree char *text = NULL;
  g_autofree char *safe = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  safe = scs_cli_escape (text, TRUE);
  fputs (safe, stream);
}

/* A text from outside shown on one line: its line breaks and tabs escaped too. The
 * result lives until the next few calls (enough for one out()). */
static const char *
one_line (const char *value)
{
  static char *ring[8];
  static guint next;
  char *escaped = scs_cli_escape (value != NULL ? value : "", FALSE);

  g_free (ring[next]);
  ring[next] = escaped;
  next = (next + 1) % G_N_ELEMENTS (ring);
  return escaped;
}

int
scs_cli_usage_error (const char *message)
{
  out (stderr, "%s\n", message);
  return 2;
}

/* Columns on a terminal: East Asian wide characters take two. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* text cut to at most width columns (with an ellipsis when cut), padded with spaces. */
static char *
fit (const char *value,
     guint       width)
{
  g_autofree char *text = scs_cli_escape (value, FALSE);
  GString *s = g_string_new (NULL);
  guint used = 0;

  if (display_width (text) <= width)
    {
      g_string_append (s, text);
      used = display_width (text);
    }
  else
    {
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          guint w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

          if (used + w + 1 > width)
            break;
          g_string_append_unichar (s, c);
          used += w;
        }
      g_string_append (s, "…");
      used++;
    }
  while (used++ < width)
    g_string_append_c (s, ' ');
  return g_string_free (s, FALSE);
}

static char *
percent (double rate)
{
  if (rate < 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.0f%%", rate * 100);
}

static const char *
node_kind_name (ScsNodeKind kind)
{
  switch (kind)
    {
    case SCS_NODE_SUBCATEGORY:
      return _("subcategories");
    case SCS_NODE_REQUIREMENT:
      return _("requirements");
    case SCS_NODE_CRITERION:
      return _("criteria");
    case SCS_NODE_CATEGORY:
    case SCS_NODE_GROUP:
    case SCS_NODE_ITEM:
    default:
      return _("items");
    }
}

static void
print_edition_report (const ScsEditionReport *report)
{
  static const ScsChangeKind kinds[] = {
    SCS_CHANGE_ADDED, SCS_CHANGE_REMOVED, SCS_CHANGE_REWORDED, SCS_CHANGE_RETITLED,
    SCS_CHANGE_LEVEL,
  };
  static const ScsNodeKind nodes[] = {
    SCS_NODE_SUBCATEGORY, SCS_NODE_REQUIREMENT, SCS_NODE_CRITERION,
  };

  if (report->texts_differ)
    out (stdout, _("The criteria texts of edition %s differ from those this engagement was "
                   "made with.\n"), one_line (report->recorded_edition));
  if (!report->edition_changed)
    return;

  if (!report->recorded_installed)
    out (stdout, _("Made with edition %s, which is not installed; opened with edition %s. "
                   "Answers were matched by id.\n"),
         one_line (report->recorded_edition), one_line (report->attached_edition));
  else
    {
      out (stdout, _("Made with edition %s; opened with edition %s. Changes:\n"),
           one_line (report->recorded_edition), one_line (report->attached_edition));
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        for (guint n = 0; n < G_N_ELEMENTS (nodes); n++)
          {
            guint count = scs_edition_diff_count (report->changes, kinds[k], nodes[n]);

            if (count > 0)
              out (stdout, "  %s, %s: %u\n", node_kind_name (nodes[n]),
                   scs_change_kind_to_string (kinds[k]), count);
          }
    }
  if (report->n_orphans > 0)
    out (stdout, g_dngettext (GETTEXT_PACKAGE,
                              "%u answer has no criterion in this edition; it is kept.\n",
                              "%u answers have no criterion in this edition; they are kept.\n",
                              report->n_orphans),
         report->n_orphans);
}

/* The installed frameworks. A criteria file in the user's folder that could not be used is
 * told on stderr, one line each (file and reason), and the command goes on without it. */
static ScsCatalog *
load_catalog (void)
{
  ScsCatalog *catalog = scs_catalog_new_default ();
  GPtrArray *errors = scs_catalog_get_errors (catalog);

  for (guint i = 0; i < errors->len; i++)
    out (stderr, _("Criteria file not used: %s\n"),
         one_line (((const GError *) g_ptr_array_index (errors, i))->message));
  return catalog;
}

/* The passphrase of --passphrase-file, for this one command (the process runs one). */
static ScsProtectKey *cli_key;

/* A passphrase file is a line of text; anything much longer is not one. */
#define PASSPHRASE_FILE_MAX 4096

gboolean
scs_cli_read_passphrase (const char     *option,
                         const char     *path,
                         ScsProtectKey **key,
                         GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size, length;
  const char *data;
  const char *newline;
  char *line;

  bytes = scs_storage_read_file (file, PASSPHRASE_FILE_MAX, NULL, &local_error);
  if (bytes == NULL &&
      g_error_matches (local_error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE))
    {
      /* TRANSLATORS: the first %s is a command-line option, such as --passphrase-file. */
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE,
                   _("%s: %s is larger than a passphrase file can be (%d bytes)."), option,
                   path, PASSPHRASE_FILE_MAX);
      return FALSE;
    }
  if (bytes == NULL)
    {
      /* The same error, its cause kept (scs_format_error_get_io_code), named by the option. */
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", option);
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &size);
  /* The first line, without its line break (one; a CR before it is part of the break). */
  newline = memchr (data, '\n', size);
  length = newline != NULL ? (gsize) (newline - data) : size;
  if (newline != NULL && length > 0 && data[length - 1] == '\r')
    length--;
  if (length == 0 || memchr (data, '\0', length) != NULL || !g_utf8_validate (data, length, NULL))
    {
      /* TRANSLATORS: the first %s is a command-line option, such as --passphrase-file. */
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                   _("%s: the first line of %s must be the passphrase, as UTF-8 text, and "
                     "not empty."), option, path);
      return FALSE;
    }
  line = g_strndup (data, length);
  *key = scs_protect_key_new (line);
  /* Wiped: the key holds its own guarded copy. */
  sodium_memzero (line, length);
  g_free (line);
  return TRUE;
}

int
scs_cli_use_passphrase_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  ScsProtectKey *key = NULL;

  if (!scs_cli_read_passphrase ("--passphrase-file", path, &key, &error))
    {
      out (stderr, "%s\n", one_line (error->message));
      return 1;
    }
  g_clear_pointer (&cli_key, scs_protect_key_unref);
  cli_key = key;
  return 0;
}

ScsProtectKey *
scs_cli_get_key (void)
{
  return cli_key;
}

ScsEngagement *
scs_cli_open_engagement (ScsCatalog        *catalog,
                         const char        *path,
                         ScsEditionReport **report)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  ScsEngagement *engagement = scs_storage_load_full (catalog, file, SCS_LOAD_DEFAULT, cli_key,
                                                     report, &error);

  if (engagement == NULL &&
      g_error_matches (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_PASSPHRASE_NEEDED))
    out (stderr, _("%s: %s Give it with --passphrase-file FILE (its first line).\n"),
         one_line (path), one_line (error->message));
  else if (engagement == NULL)
    out (stderr, "%s: %s\n", one_line (path), one_line (error->message));
  return engagement;
}

gboolean
scs_cli_write_engagement (ScsCatalog    *catalog,
                          ScsEngagement *engagement,
                          ScsProtectKey *key,
                          const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = scs_storage_serialize (engagement);
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GError) error = NULL;

  /* Never write what opening would refuse; what is checked is the JSON that gets sealed. */
  if (!scs_storage_verify (catalog, bytes, &error))
    {
      out (stderr, _("%s: not written, as the app could not open it again: %s\n"),
           one_line (path), one_line (error->message));
      return FALSE;
    }
  if (key != NULL && (sealed = scs_storage_protect (bytes, key, &error)) == NULL)
    {
      out (stderr, "%s: %s\n", one_line (path), one_line (error->message));
      return FALSE;
    }
  if (!scs_storage_write (sealed != NULL ? sealed : bytes, file, &error))
    {
      out (stderr, "%s: %s\n", one_line (path), one_line (error->message));
      return FALSE;
    }
  return TRUE;
}

int
scs_cli_validate (const char *path)
{
  g_autoptr(ScsCatalog) catalog = load_catalog ();
  g_autoptr(ScsEditionReport) report = NULL;
  g_autoptr(ScsEngagement) engagement = scs_cli_open_engagement (catalog, path, &report);

  if (engagement == NULL)
    return 1;
  out (stdout, _("%s: valid\n"), one_line (path));
  print_edition_report (report);
  return 0;
}

int
scs_cli_summary (const char *path,
                 gboolean    unconfirmed)
{
  /* The same rule as the exports and the dashboard: confirmed verdicts only, unless
   * --unconfirmed counts those marked for follow-up too. A line below the table says which. */
  ScsCount counted = unconfirmed ? SCS_COUNT_WITH_FOLLOW_UP : SCS_COUNT_CONFIRMED;
  ScsTally confirmed;
  g_autoptr(ScsCatalog) catalog = load_catalog ();
  g_autoptr(ScsEditionReport) report = NULL;
  g_autoptr(ScsEngagement) engagement = scs_cli_open_engagement (catalog, path, &report);
  g_autoptr(GPtrArray) blockers = NULL;
  g_autofree char *overall_rate = NULL;
  g_autofree char *overall_company = NULL;
  ScsFramework *fw;
  GListModel *subs;
  const char *company;
  const char *source = NULL;
  ScsTally total;
  gboolean ready;
  int level;

  if (engagement == NULL)
    return 1;

  fw = scs_engagement_get_framework (engagement);
  level = scs_engagement_get_level (engagement);
  company = scs_record_get_string (SCS_RECORD (scs_engagement_get_company (engagement)), SCS_M_COMPANY_NAME);
  subs = scs_framework_get_subcategories (fw, level);

  out (stdout, "%s — ★%d\n", company[0] != '\0' ? one_line (company) : _("(no company name)"),
       level);
  out (stdout, _("Criteria: %s, edition %s (%s)\n"), one_line (scs_framework_get_title (fw)),
       one_line (scs_framework_get_edition (fw)),
       scs_framework_is_official (fw) ? _("official")
       : scs_framework_is_builtin (fw) ? _("draft")
       : _("user-provided, not the official text"));
  if (!scs_framework_is_builtin (fw))
    out (stdout, _("User-provided criteria file: %s\n"), one_line (scs_framework_get_origin (fw)));
  print_edition_report (report);
  out (stdout, "\n");

  {
    g_autofree char *h_id = fit (_("ID"), 5);
    g_autofree char *h_title = fit (_("Subcategory"), 44);
    g_autofree char *h_conf = fit (_("Conforming"), 11);
    g_autofree char *h_rate = fit (_("Rate"), 6);
    g_autofree char *h_company = fit (C_("summary column", "Company"), 9);

    out (stdout, "%s %s %s %s %s %s\n", h_id, h_title, h_conf, h_rate, h_company,
         _("Peers 2025"));
  }

  for (guint i = 0; i < g_list_model_get_n_items (subs); i++)
    {
      g_autoptr(ScsNode) sub = g_list_model_get_item (subs, i);
      g_autofree char *id = fit (scs_node_get_id (sub), 5);
      g_autofree char *title = fit (scs_node_get_title (sub), 44);
      g_autofree char *count = NULL;
      g_autofree char *count_col = NULL;
      g_autofree char *rate = NULL;
      g_autofree char *rate_col = NULL;
      g_autofree char *company_rate = NULL;
      g_autofree char *company_col = NULL;
      g_autofree char *peer = NULL;
      int benchmark = scs_engagement_get_benchmark (engagement, scs_node_get_id (sub), &source);
      ScsTally t;

      scs_engagement_tally (engagement, sub, counted, &t);
      count = g_strdup_printf ("%u/%u", t.n_conforming, t.n_criteria - t.n_not_applicable);
      count_col = fit (count, 11);
      rate = percent (scs_tally_get_rate (&t));
      rate_col = fit (rate, 6);
      company_rate = percent (scs_tally_get_company_rate (&t));
      company_col = fit (company_rate, 9);
      peer = benchmark >= 0 ? g_strdup_printf ("%d%%", benchmark) : g_strdup ("—");
      out (stdout, "%s %s %s %s %s %s\n", id, title, count_col, rate_col, company_col, peer);
    }

  scs_engagement_tally (engagement, NULL, counted, &total);
  scs_engagement_tally (engagement, NULL, SCS_COUNT_CONFIRMED, &confirmed);
  overall_rate = percent (scs_tally_get_rate (&total));
  overall_company = percent (scs_tally_get_company_rate (&total));
  {
    g_autofree char *label = fit (_("Overall"), 50);
    g_autofree char *count = g_strdup_printf ("%u/%u", total.n_conforming,
                                              total.n_criteria - total.n_not_applicable);
    g_autofree char *count_col = fit (count, 11);
    g_autofree char *rate_col = fit (overall_rate, 6);
    g_autofree char *company_col = fit (overall_company, 9);
    int benchmark = scs_engagement_get_benchmark (engagement, NULL, &source);
    g_autofree char *peer = benchmark >= 0 ? g_strdup_printf ("%d%%", benchmark) : g_strdup ("—");

    out (stdout, "%s %s %s %s %s\n", label, count_col, rate_col, company_col, peer);
  }
  if (source != NULL)
    out (stdout, _("Peers 2025: %s\n"), one_line (source));
  out (stdout, "\n");

  out (stdout, _("Answered %u of %u criteria: %u conform, %u do not, %u not applicable.\n"),
       total.n_answered, total.n_criteria, total.n_conforming, total.n_not_conforming,
       total.n_not_applicable);
  out (stdout, _("Missing required comments: %u. Self-assessment higher than the verdict: %u.\n"),
       total.n_missing_comment, total.n_inflated);
  if (unconfirmed)
    out (stdout, g_dngettext (GETTEXT_PACKAGE,
                              "Counted: every verdict, including %u still marked for follow-up (--unconfirmed).\n",
                              "Counted: every verdict, including %u still marked for follow-up (--unconfirmed).\n",
                              confirmed.n_uncounted),
         confirmed.n_uncounted);
  else
    out (stdout, g_dngettext (GETTEXT_PACKAGE,
                              "Counted: confirmed verdicts only; %u marked for follow-up counts as not yet evaluated (--unconfirmed counts it).\n",
                              "Counted: confirmed verdicts only; %u marked for follow-up count as not yet evaluated (--unconfirmed counts them).\n",
                              confirmed.n_uncounted),
         confirmed.n_uncounted);

  ready = scs_engagement_get_readiness (engagement, counted, &blockers);
  if (ready)
    out (stdout, _("Readiness for ★%d: ready.\n"), level);
  else
    {
      out (stdout, g_dngettext (GETTEXT_PACKAGE,
                                "Readiness for ★%d: not ready — %u criterion blocks it:\n",
                                "Readiness for ★%d: not ready — %u criteria block it:\n",
                                blockers->len),
           level, blockers->len);
      for (guint i = 0; i < blockers->len; i++)
        {
          const ScsBlocker *b = g_ptr_array_index (blockers, i);
          g_autofree char *id = fit (scs_node_get_id (b->criterion), 9);

          out (stdout, "  %s %s\n", id, scs_blocker_describe (b));
        }
    }
  return 0;
}

int
scs_cli_new (int         level,
             const char *company,
             const char *path)
{
  g_autoptr(ScsCatalog) catalog = load_catalog ();
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(ScsEngagement) engagement = NULL;
  ScsFramework *fw = scs_catalog_get_latest (catalog, SCS_FRAMEWORK_ID_CRITERIA);

  if (!scs_level_is_valid (level))
    return scs_cli_usage_error (_("The level must be 3 or 4."));
  if (fw == NULL || !scs_framework_has_level (fw, level))
    {
      out (stderr, _("No SCS criteria with level %d are installed.\n"), level);
      return 1;
    }
  /* Never write over an existing file: it may be someone's engagement. */
  if (g_file_query_exists (file, NULL))
    {
      out (stderr, _("%s already exists; choose another name.\n"), one_line (path));
      return 1;
    }

  engagement = scs_engagement_new (fw, level);
  scs_record_set_string (SCS_RECORD (scs_engagement_get_company (engagement)), SCS_M_COMPANY_NAME,
                         company != NULL ? company : "");
  if (!scs_cli_write_engagement (catalog, engagement, cli_key, path))
    return 1;
  if (cli_key != NULL)
    out (stdout, _("Created %s (★%d, edition %s), protected by the passphrase.\n"),
         one_line (path), level, one_line (scs_framework_get_edition (fw)));
  else
    out (stdout, _("Created %s (★%d, edition %s).\n"), one_line (path), level,
         one_line (scs_framework_get_edition (fw)));
  return 0;
}

int
scs_cli_export_radar (const char *out_path,
                      const char *path,
                      const char *size,
                      const char *style_name,
                      gboolean    unconfirmed)
{
  g_autoptr(ScsCatalog) catalog = load_catalog ();
  g_autoptr(ScsEditionReport) report = NULL;
  g_autoptr(ScsEngagement) engagement = NULL;
  g_autoptr(ScsRadarData) data = NULL;
  g_autoptr(GError) error = NULL;
  ScsRadarStyle style;
  int width = 1920, height = 1080;

  if (size != NULL)
    {
      char *end = NULL;
      gint64 w = g_ascii_strtoll (size, &end, 10), h = 0;

      if (end != NULL && (*end == 'x' || *end == 'X'))
        h = g_ascii_strtoll (end + 1, &end, 10);
      if (end == NULL || *end != '\0' || w < 200 || h < 200 || w > 10000 || h > 10000)
        return scs_cli_usage_error (_("--size takes WIDTHxHEIGHT, each from 200 to 10000, such as 1920x1080."));
      width = w;
      height = h;
    }
  if (style_name != NULL && !g_str_equal (style_name, "light") && !g_str_equal (style_name, "dark"))
    return scs_cli_usage_error (_("--style takes light or dark."));

  /* Checked before the engagement is even read: an output must never replace its input. */
  if (!scs_storage_check_output (out_path, path, &error))
    {
      out (stderr, "%s\n", error->message);
      return 1;
    }
  engagement = scs_cli_open_engagement (catalog, path, &report);
  if (engagement == NULL)
    return 1;
  if (g_strcmp0 (style_name, "dark") == 0)
    scs_radar_style_init_dark (&style);
  else
    scs_radar_style_init_light (&style);
  data = scs_engagement_radar_new (engagement, SCS_RADAR_ALL,
                                   unconfirmed ? SCS_COUNT_WITH_FOLLOW_UP : SCS_COUNT_CONFIRMED, TRUE);
  if (!scs_radar_export (data, &style, out_path, width, height, &error))
    {
      out (stderr, "%s\n", one_line (error->message));
      return 1;
    }
  out (stdout, _("%s: radar written, %d×%d\n"), one_line (out_path), width, height);
  return 0;
}

void
scs_cli_export_clear (ScsCliExport *options)
{
  g_clear_pointer (&options->report, g_free);
  g_clear_pointer (&options->paper, g_free);
  g_clear_pointer (&options->mark, g_free);
  g_clear_pointer (&options->date, g_free);
}

/* The engagement's visit numbered number, or a message saying it has none of that number. */
static char *
check_visit (ScsEngagement *engagement,
             int            number)
{
  GListModel *visits = scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_VISITS);
  guint n = g_list_model_get_n_items (visits);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsRecord) v = g_list_model_get_item (visits, i);

      if (scs_record_get_int (v, SCS_M_VISIT_NUMBER) == number)
        return NULL;
    }
  /* TRANSLATORS: --visit N named a visit the engagement does not have */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "There is no visit %d: the engagement has %u visit.",
                                       "There is no visit %d: the engagement has %u visits.", n),
                          number, n);
}

int
scs_cli_export (const char         *format,
                const char         *out_path,
                const char         *path,
                const ScsCliExport *given)
{
  g_autoptr(ScsCatalog) catalog = load_catalog ();
  g_autoptr(ScsEditionReport) report = NULL;
  g_autoptr(ScsEngagement) engagement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL, *no_visit = NULL;
  ScsReportOptions options;
  gboolean ok;

  scs_report_options_init (&options);
  if (given->report != NULL && !scs_report_kind_from_string (given->report, &options.kind))
    return scs_cli_usage_error (_("--report takes full, sheet, plan, visits or radar."));
  if (given->paper != NULL)
    {
      if (g_ascii_strcasecmp (given->paper, "a4") == 0)
        options.paper = SCS_PAPER_A4;
      else if (g_ascii_strcasecmp (given->paper, "a3") == 0)
        options.paper = SCS_PAPER_A3;
      else
        return scs_cli_usage_error (_("--paper takes a4 or a3."));
    }
  if (given->visit < 0 || given->visit > 99)
    return scs_cli_usage_error (_("--visit takes a visit's number, from 1 to 99."));
  if (given->visit != 0 && (given->report == NULL || options.kind != SCS_REPORT_VISITS))
    return scs_cli_usage_error (_("--visit goes with --export-pdf and --report visits."));
  if (given->date != NULL && !g_str_equal (format, "pdf"))
    return scs_cli_usage_error (_("--date goes with --export-pdf."));
  if (given->date != NULL)
    {
      g_autoptr(GError) bad = NULL;
      g_autofree char *message = NULL;

      date = scs_normalize_date (given->date, &bad);
      if (date == NULL || *date == '\0')
        {
          /* TRANSLATORS: %s is the text given, then why it is not a date */
          message = g_strdup_printf (_("--date “%s” is not a date. %s"), one_line (given->date),
                                     bad != NULL ? bad->message
                                                 : _("Type it like 2026-04-15."));
          return scs_cli_usage_error (message);
        }
      options.date = date;
    }
  if (given->mark != NULL)
    options.mark = given->mark;
  options.visit = given->visit;
  options.details = !given->no_details;
  options.company_comments = !given->no_company_comments;
  options.unconfirmed = given->unconfirmed;

  /* Checked before the engagement is even read: an output must never replace its input. */
  if (!scs_storage_check_output (out_path, path, &error))
    {
      out (stderr, "%s\n", error->message);
      return 1;
    }
  engagement = scs_cli_open_engagement (catalog, path, &report);
  if (engagement == NULL)
    return 1;
  /* An empty report of a visit that is not there would pass for one. */
  if (options.visit != 0 && (no_visit = check_visit (engagement, options.visit)) != NULL)
    {
      out (stderr, _("%s: not written: %s\n"), one_line (out_path), no_visit);
      return 1;
    }
  if (g_str_equal (format, "pdf"))
    ok = scs_report_export_pdf (engagement, &options, out_path, &error);
  else if (g_str_equal (format, "csv"))
    ok = scs_export_csv_file (engagement, &options, out_path, &error);
  else
    ok = scs_export_xlsx_file (engagement, &options, out_path, &error);
  if (!ok)
    {
      out (stderr, "%s\n", one_line (error->message));
      return 1;
    }
  out (stdout, _("%s: written\n"), one_line (out_path));
  return 0;
}

int
scs_cli_company_copy (const char *out_path,
                      const char *path,
                      gboolean    plan,
                      gboolean    verdicts,
                      const char *copy_passphrase_file)
{
  g_autoptr(ScsCatalog) catalog = load_catalog ();
  g_autoptr(ScsEditionReport) report = NULL;
  g_autoptr(ScsEngagement) engagement = NULL;
  g_autoptr(ScsEngagement) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsProtectKey) copy_key = NULL;
  ScsCompanyCopyOptions options = { .plan = plan, .verdicts = verdicts };
  ScsRecord *origin;

  /* Checked before the engagement is even read: the copy must never replace the expert's
   * own file. */
  if (!scs_storage_check_output (out_path, path, &error))
    {
      out (stderr, "%s\n", error->message);
      return 1;
    }
  /* The copy's own passphrase, agreed with the company: never the expert's, which only
   * opens the engagement (a key of its own also means a salt of its own). */
  if (copy_passphrase_file != NULL &&
      !scs_cli_read_passphrase ("--copy-passphrase-file", copy_passphrase_file, &copy_key,
                                &error))
    {
      out (stderr, "%s\n", one_line (error->message));
      return 1;
    }
  engagement = scs_cli_open_engagement (catalog, path, &report);
  if (engagement == NULL)
    return 1;
  copy = scs_company_copy_new (engagement, &options, &error);
  if (copy == NULL)
    {
      out (stderr, _("%s: not written: %s\n"), one_line (out_path), one_line (error->message));
      return 1;
    }
  if (!scs_cli_write_engagement (catalog, copy, copy_key, out_path))
    return 1;

  /* Told from the copy itself: a copy of a company copy holds no more than it was given. */
  origin = SCS_RECORD (scs_engagement_get_copy_origin (copy));
  plan = scs_record_get_boolean (origin, SCS_M_COPY_ORIGIN_PLAN);
  verdicts = scs_record_get_boolean (origin, SCS_M_COPY_ORIGIN_VERDICTS);
  if (plan && verdicts)
    out (stdout, _("%s: company copy written, with the agreed improvement plan and the "
                   "confirmed verdicts.\n"), one_line (out_path));
  else if (plan)
    out (stdout, _("%s: company copy written, with the agreed improvement plan.\n"),
         one_line (out_path));
  else if (verdicts)
    out (stdout, _("%s: company copy written, with the confirmed verdicts.\n"),
         one_line (out_path));
  else
    out (stdout, _("%s: company copy written, without the improvement plan or verdicts.\n"),
         one_line (out_path));
  if (copy_key != NULL)
    out (stdout, _("%s: protected by the passphrase in --copy-passphrase-file.\n"),
         one_line (out_path));
  else if (cli_key != NULL)
    /* The expert's passphrase opened the engagement; saying so keeps a user who expected
     * it on the copy too from sending it believing it sealed. */
    out (stdout, _("%s: not protected by a passphrase (the expert's passphrase only opened "
                   "the engagement; give --copy-passphrase-file FILE to protect the copy).\n"),
         one_line (out_path));
  return 0;
}
