/* scs-export-dialog.c — choose a report and its options, then print it or write a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window for paper and files: the same report, the same options, printed through
 * GtkPrintOperation (with its preview) or written as PDF; or the engagement as an Excel
 * workbook or CSV. Internal notes are never part of any of them.
 */

#include <glib/gi18n.h>

#include "scs-export.h"
#include "scs-export-dialog.h"

struct _ScsExportDialog
{
  AdwWindow      parent_instance;
  ScsEngagement *engagement;
  AdwComboRow   *format_row;
  AdwComboRow   *kind_row;
  AdwComboRow   *visit_row;
  AdwComboRow   *paper_row;
  GtkSwitch     *details_switch;
  GtkSwitch     *comments_switch;
  GtkSwitch     *unconfirmed_switch;
  AdwEntryRow   *mark_row;
  AdwEntryRow   *date_row;
  GtkLabel      *date_note;
  GtkWidget     *print_button;
  GtkWidget     *export_button;
  AdwHeaderBar  *header;
  AdwPreferencesGroup *content_group;
  GtkWidget     *unconfirmed_row;
  GArray        *visit_numbers;   /* int, for the visit row's items after "All" */
  char          *mark;
  char          *date;            /* the one typed, as YYYY-MM-DD; NULL: none or not a date */
  gboolean       date_typed;      /* else the row shows the report's own date */
  gboolean       filling_date;
  char          *source;          /* the engagement's own file: never an output */
};

G_DEFINE_FINAL_TYPE (ScsExportDialog, scs_export_dialog, ADW_TYPE_WINDOW)

enum { EXPORTED, FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *format_titles[] = { N_("PDF document"), N_("Excel workbook (.xlsx)"), N_("CSV (one row per criterion)") };
static const char *format_extensions[] = { "pdf", "xlsx", "csv" };

void
scs_export_dialog_get_options (ScsExportDialog  *self,
                               ScsReportOptions *options)
{
  guint visit = adw_combo_row_get_selected (self->visit_row);

  scs_report_options_init (options);
  options->kind = adw_combo_row_get_selected (self->kind_row);
  options->paper = adw_combo_row_get_selected (self->paper_row) == 1 ? SCS_PAPER_A3 : SCS_PAPER_A4;
  options->visit = visit > 0 && visit <= self->visit_numbers->len
                   ? g_array_index (self->visit_numbers, int, visit - 1) : 0;
  options->details = gtk_switch_get_active (self->details_switch);
  options->company_comments = gtk_switch_get_active (self->comments_switch);
  options->unconfirmed = gtk_switch_get_active (self->unconfirmed_switch);
  g_free (self->mark);
  self->mark = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->mark_row))));
  options->mark = self->mark;
  /* Untyped, the report takes its own: for the reports of every visit, each visit's. */
  options->date = self->date_typed ? self->date : NULL;
}

static ScsExportFormat
get_format (ScsExportDialog *self)
{
  return adw_combo_row_get_selected (self->format_row);
}

/* dates ------------------------------------------------------------------------------------- */

/* Where the date a report takes by itself comes from, beside it in the date row. */
static const char *
describe_default_date (ScsExportDialog        *self,
                       const ScsReportOptions *options)
{
  ScsRecord *plan = scs_record_get_object (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_PLAN);
  gboolean is_plan = options->kind == SCS_REPORT_PLAN;
  g_autofree char *date = NULL;

  if (is_plan && *scs_record_get_string (plan, SCS_M_PLAN_AGREED_DATE) != '\0')
    return _("The plan’s agreed date");
  if (is_plan && *scs_record_get_string (plan, SCS_M_PLAN_DATE) != '\0')
    return _("The day the plan was written");
  if (options->kind == SCS_REPORT_VISITS && options->visit == 0)
    /* TRANSLATORS: beside the date row of the export window, left empty for the reports of
     * every visit */
    return _("Each visit’s own date");
  date = scs_report_get_default_date (self->engagement, options);
  if (options->kind == SCS_REPORT_VISITS)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      if (g_strcmp0 (date, today) != 0)
        return _("The visit’s date");
    }
  return _("Today");
}

/* Says beside the date what it is: the report's own, or not a date (why, in red). */
static void
set_date_note (ScsExportDialog *self,
               const char      *text,
               gboolean         error)
{
  gtk_label_set_text (self->date_note, text);
  if (error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_note), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->date_note), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->date_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_note), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_note), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->date_row), GTK_ACCESSIBLE_STATE_INVALID);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* Until one is typed, the row shows the date the chosen report takes by itself. */
static void
fill_date (ScsExportDialog *self)
{
  ScsReportOptions options;
  g_autofree char *date = NULL;

  if (self->engagement == NULL || self->date_typed)
    return;
  scs_export_dialog_get_options (self, &options);
  options.date = NULL;
  date = scs_report_get_default_date (self->engagement, &options);
  self->filling_date = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date != NULL ? date : "");
  self->filling_date = FALSE;
  set_date_note (self, describe_default_date (self, &options), FALSE);
}

static void
update (ScsExportDialog *self)
{
  gboolean pdf = get_format (self) == SCS_EXPORT_PDF;
  ScsReportKind kind = adw_combo_row_get_selected (self->kind_row);
  /* A date that is no date would print as typed: nothing is made until it is one. */
  gboolean ready = !pdf || !self->date_typed || self->date != NULL;

  /* Workbooks and CSV hold the whole engagement; only paper has reports to choose. The
   * mark goes on every format: pages, the workbook's sheets and every CSV row. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), pdf);
  gtk_widget_set_visible (GTK_WIDGET (self->visit_row), pdf && kind == SCS_REPORT_VISITS);
  /* The workbook prints on the paper chosen too; a CSV has no pages. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row), get_format (self) != SCS_EXPORT_CSV);
  gtk_widget_set_sensitive (GTK_WIDGET (self->details_switch),
                            pdf && (kind == SCS_REPORT_FULL || kind == SCS_REPORT_SHEET));
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_row), pdf);
  gtk_widget_set_sensitive (self->print_button, pdf && ready);
  gtk_widget_set_sensitive (self->export_button, ready);
}

/* Another report or visit: its own date, unless one was typed. */
static void
on_report_changed (ScsExportDialog *self)
{
  fill_date (self);
  update (self);
}

static void
on_date_changed (ScsExportDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GError) error = NULL;

  if (self->filling_date)
    return;
  g_clear_pointer (&self->date, g_free);
  self->date = scs_normalize_date (text, &error);
  /* Emptied, the report takes its own date again. */
  self->date_typed = self->date == NULL || *self->date != '\0';
  if (self->date != NULL && *self->date == '\0')
    g_clear_pointer (&self->date, g_free);
  if (self->date_typed)
    set_date_note (self, error != NULL ? error->message : "", error != NULL);
  else
    {
      ScsReportOptions options;

      scs_export_dialog_get_options (self, &options);
      set_date_note (self, describe_default_date (self, &options), FALSE);
    }
  update (self);
}

void
scs_export_dialog_set_kind (ScsExportDialog *self,
                            ScsReportKind    kind)
{
  adw_combo_row_set_selected (self->kind_row, kind);
}

void
scs_export_dialog_set_unconfirmed (ScsExportDialog *self,
                                   gboolean         unconfirmed)
{
  gtk_switch_set_active (self->unconfirmed_switch,
                         unconfirmed && scs_export_dialog_offers_unconfirmed (self));
}

gboolean
scs_export_dialog_offers_unconfirmed (ScsExportDialog *self)
{
  return !scs_engagement_is_company_copy (self->engagement);
}

ScsEngagement *
scs_export_dialog_get_engagement (ScsExportDialog *self)
{
  return self->engagement;
}

void
scs_export_dialog_set_format (ScsExportDialog *self,
                              ScsExportFormat  format)
{
  adw_combo_row_set_selected (self->format_row, format);
}

/* What a write needs, read from the window beforehand: a worker thread must not touch
 * widgets. */
typedef struct {
  ScsEngagement   *engagement;
  ScsExportFormat  format;
  ScsReportOptions options;
  char            *mark;
  char            *source;
  GFile           *file;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->engagement);
  g_object_unref (job->file);
  g_free (job->mark);
  g_free (job->source);
  g_free (job);
}

static Job *
job_new (ScsExportDialog *self,
         GFile           *file)
{
  Job *job = g_new0 (Job, 1);

  job->engagement = g_object_ref (self->engagement);
  job->format = get_format (self);
  job->file = g_object_ref (file);
  job->source = g_strdup (self->source);
  scs_export_dialog_get_options (self, &job->options);
  job->mark = g_strdup (job->options.mark);
  job->options.mark = job->mark;
  return job;
}

static gboolean
job_run (Job     *job,
         GError **error)
{
  g_autofree char *path = g_file_get_path (job->file);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Reports can only be written to a local folder."));
      return FALSE;
    }
  if (!scs_storage_check_output (path, job->source, error))
    return FALSE;
  switch (job->format)
    {
    case SCS_EXPORT_XLSX:
      return scs_export_xlsx_file (job->engagement, &job->options, path, error);
    case SCS_EXPORT_CSV:
      return scs_export_csv_file (job->engagement, &job->options, path, error);
    case SCS_EXPORT_PDF:
    default:
      return scs_report_export_pdf (job->engagement, &job->options, path, error);
    }
}

gboolean
scs_export_dialog_write (ScsExportDialog *self,
                         GFile           *file,
                         GError         **error)
{
  Job *job = job_new (self, file);
  gboolean ok = job_run (job, error);

  job_free (job);
  return ok;
}

/* printing ---------------------------------------------------------------------------------- */

static void
on_begin_print (GtkPrintOperation *op,
                GtkPrintContext   *context,
                ScsReport         *report)
{
  gtk_print_operation_set_n_pages (op, scs_report_get_n_pages (report));
}

static void
on_request_page_setup (GtkPrintOperation *op,
                       GtkPrintContext   *context,
                       int                page,
                       GtkPageSetup      *setup,
                       ScsReport         *report)
{
  gtk_page_setup_set_orientation (setup, scs_report_page_is_landscape (report, page)
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
on_draw_page (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page,
              ScsReport         *report)
{
  scs_report_draw_page (report, gtk_print_context_get_cairo_context (context), page);
}

GtkPrintOperation *
scs_export_dialog_new_print_operation (ScsExportDialog *self)
{
  GtkPrintOperation *op = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  ScsReportOptions options;
  ScsReport *report;
  const char *company = scs_record_get_string (SCS_RECORD (scs_engagement_get_company (self->engagement)), SCS_M_COMPANY_NAME);

  scs_export_dialog_get_options (self, &options);
  report = scs_report_new (self->engagement, &options);
  paper = gtk_paper_size_new (options.paper == SCS_PAPER_A3 ? GTK_PAPER_NAME_A3 : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, scs_report_get_n_pages (report) > 0
                                         && scs_report_page_is_landscape (report, 0)
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (op, setup);
  /* The report has its own margins: the whole sheet, in points. */
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (op, company[0] != '\0' ? company : scs_report_kind_get_title (options.kind));
  gtk_print_operation_set_embed_page_setup (op, FALSE);
  g_object_set_data_full (G_OBJECT (op), "scs-report", report, (GDestroyNotify) scs_report_free);
  g_signal_connect (op, "begin-print", G_CALLBACK (on_begin_print), report);
  g_signal_connect (op, "request-page-setup", G_CALLBACK (on_request_page_setup), report);
  g_signal_connect (op, "draw-page", G_CALLBACK (on_draw_page), report);
  return op;
}

static void
on_print (ScsExportDialog *self)
{
  g_autoptr(GtkPrintOperation) op = scs_export_dialog_new_print_operation (self);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  /* The print dialog takes this window's place; the window stays alive to report. */
  g_object_ref (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_signal_emit (self, signals[FAILED], 0, error->message);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/* files ------------------------------------------------------------------------------------- */

/* Writing runs in a worker thread: a long ★4 report takes a second or two, and the window
 * must not freeze meanwhile. The engagement is only read there; this window is modal, so
 * nothing edits it until the write is done. */
static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (job_run (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  ScsExportDialog *self = SCS_EXPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_signal_emit (self, signals[EXPORTED], 0, ((Job *) g_task_get_task_data (G_TASK (result)))->file);
      gtk_window_close (GTK_WINDOW (self));
    }
  else
    g_signal_emit (self, signals[FAILED], 0, error->message);
}

void
scs_export_dialog_write_async (ScsExportDialog *self,
                               GFile           *file)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_written, NULL);

  g_task_set_task_data (task, job_new (self, file), (GDestroyNotify) job_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "wait");
  g_task_run_in_thread (task, write_in_thread);
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                ScsExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      scs_export_dialog_write_async (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_export (ScsExportDialog *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  ScsExportFormat format = get_format (self);
  ScsReportKind kind = adw_combo_row_get_selected (self->kind_row);
  const char *company = scs_record_get_string (SCS_RECORD (scs_engagement_get_company (self->engagement)), SCS_M_COMPANY_NAME);
  g_autofree char *pattern = g_strdup_printf ("*.%s", format_extensions[format]);
  g_autofree char *suggested = NULL;

  /* TRANSLATORS: a report's suggested file name: company, report, extension */
  suggested = g_strdup_printf (_("%s – %s.%s"), company[0] != '\0' ? company : _("engagement"),
                               format == SCS_EXPORT_PDF ? scs_report_kind_get_title (kind)
                                                        : _("Assessment"),
                               format_extensions[format]);
  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_filter_set_name (filter, _(format_titles[format]));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* building ---------------------------------------------------------------------------------- */

static void
set_strings (AdwComboRow        *row,
             const char * const *items)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (items);

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

ScsExportDialog *
scs_export_dialog_new (GtkWindow     *parent,
                       ScsEngagement *engagement,
                       gboolean       print)
{
  ScsExportDialog *self = g_object_new (SCS_TYPE_EXPORT_DIALOG,
                                        "transient-for", parent,
                                        "title", print ? _("Print") : _("Export"),
                                        NULL);
  GListModel *visits = scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_VISITS);
  g_autoptr(GPtrArray) visit_titles = g_ptr_array_new_with_free_func (g_free);
  const char *kinds[SCS_REPORT_N_KINDS + 1] = { NULL };
  GtkWidget *main_button = print ? self->print_button : self->export_button;
  ScsReportOptions defaults;

  self->engagement = g_object_ref (engagement);
  scs_report_options_init (&defaults);
  for (guint i = 0; i < SCS_REPORT_N_KINDS; i++)
    kinds[i] = scs_report_kind_get_title (i);
  set_strings (self->kind_row, kinds);
  g_ptr_array_add (visit_titles, g_strdup (_("Every visit with a record")));
  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(ScsRecord) v = g_list_model_get_item (visits, i);
      int number = scs_record_get_int (v, SCS_M_VISIT_NUMBER);

      g_array_append_val (self->visit_numbers, number);
      /* TRANSLATORS: a visit in the export window's list; %d is its number */
      g_ptr_array_add (visit_titles, g_strdup_printf (_("Visit %d"), number));
    }
  g_ptr_array_add (visit_titles, NULL);
  set_strings (self->visit_row, (const char * const *) visit_titles->pdata);

  gtk_switch_set_active (self->details_switch, defaults.details);
  gtk_switch_set_active (self->comments_switch, defaults.company_comments);
  /* Off in every new window, whatever was chosen last: an output is confidential unless
   * the expert asks otherwise each time, and never by a choice made for another engagement. */
  gtk_switch_set_active (self->unconfirmed_switch, defaults.unconfirmed);
  /* A company copy has no verdict awaiting follow-up and says so by what it is. */
  if (scs_engagement_is_company_copy (engagement))
    {
      gtk_switch_set_active (self->unconfirmed_switch, FALSE);
      gtk_widget_set_visible (self->unconfirmed_row, FALSE);
      adw_preferences_group_set_description (self->content_group,
                                             _("Made from the company’s copy: only what the "
                                               "company may see is printed or exported."));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->mark_row), defaults.mark);

  /* The window's own action is the suggested one, at the end of the header bar. */
  if (print)
    {
      g_object_ref (self->print_button);
      g_object_ref (self->export_button);
      adw_header_bar_remove (self->header, self->print_button);
      adw_header_bar_remove (self->header, self->export_button);
      adw_header_bar_pack_end (self->header, self->print_button);
      adw_header_bar_pack_start (self->header, self->export_button);
      g_object_unref (self->print_button);
      g_object_unref (self->export_button);
    }
  gtk_widget_add_css_class (main_button, "suggested-action");
  gtk_window_set_default_widget (GTK_WINDOW (self), main_button);
  on_report_changed (self);
  return self;
}
void
scs_export_dialog_set_source (ScsExportDialog *self,
                              GFile           *source)
{
  g_free (self->source);
  self->source = source != NULL ? g_file_get_path (source) : NULL;
}

static void
scs_export_dialog_finalize (GObject *object)
{
  ScsExportDialog *self = SCS_EXPORT_DIALOG (object);

  g_clear_object (&self->engagement);
  g_array_unref (self->visit_numbers);
  g_free (self->mark);
  g_free (self->date);
  g_free (self->source);
  G_OBJECT_CLASS (scs_export_dialog_parent_class)->finalize (object);
}

static void
scs_export_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SCS_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (scs_export_dialog_parent_class)->dispose (object);
}

static void
scs_export_dialog_class_init (ScsExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_export_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = scs_export_dialog_finalize;
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SCS_RESOURCE_PREFIX "/ui/scs-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, header);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, visit_row);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, content_group);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, details_switch);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, comments_switch);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, unconfirmed_row);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, unconfirmed_switch);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, mark_row);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ScsExportDialog, date_note);
  gtk_widget_class_bind_template_callback (widget_class, update);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_report_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_print);
  gtk_widget_class_bind_template_callback (widget_class, on_export);
}

static void
scs_export_dialog_init (ScsExportDialog *self)
{
  self->visit_numbers = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_init_template (GTK_WIDGET (self));
}
