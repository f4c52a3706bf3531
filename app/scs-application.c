/* scs-application.c — the application object and its command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line actions run in handle-local-options, in the calling process, before
 * any display is needed, so they work on a headless machine and in scripts. Anything
 * else opens windows: one per file given, or one with the welcome page.
 */
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "scs-application.h"
#include "scs-cli.h"
#include "gui/scs-accessible.h"
#include "gui/scs-window.h"

struct _ScsApplication
{
  AdwApplication parent_instance;
  ScsCatalog    *catalog;
  GSettings     *settings;
  char          *recovery_dir;
  GPtrArray     *pending;      /* GFile: files named on the command line */
  gboolean       recovery_offered;
};

G_DEFINE_FINAL_TYPE (ScsApplication, scs_application, ADW_TYPE_APPLICATION)

static int
scs_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  g_autofree char *validate = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *company = NULL;
  g_autofree char *radar = NULL;
  g_autofree char *size = NULL;
  g_autofree char *style = NULL;
  g_autofree char *pdf = NULL, *csv = NULL, *xlsx = NULL;
  g_autofree char *company_copy = NULL;
  g_autofree char *copy_passphrase_file = NULL;
  gboolean with_plan = FALSE, with_verdicts = FALSE;
  g_autofree const char **rest = NULL;
  ScsCliExport export = { 0 };
  gboolean new_file = FALSE;
  int level = 0;

  g_variant_dict_lookup (options, "validate", "^ay", &validate);
  g_variant_dict_lookup (options, "summary", "^ay", &summary);
  g_variant_dict_lookup (options, "new", "b", &new_file);
  g_variant_dict_lookup (options, "level", "i", &level);
  g_variant_dict_lookup (options, "company", "s", &company);
  g_variant_dict_lookup (options, "export-radar", "^ay", &radar);
  g_variant_dict_lookup (options, "size", "s", &size);
  g_variant_dict_lookup (options, "style", "s", &style);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &rest);
  g_variant_dict_lookup (options, "export-pdf", "^ay", &pdf);
  g_variant_dict_lookup (options, "export-csv", "^ay", &csv);
  g_variant_dict_lookup (options, "export-xlsx", "^ay", &xlsx);
  g_variant_dict_lookup (options, "report", "s", &export.report);
  g_variant_dict_lookup (options, "paper", "s", &export.paper);
  g_variant_dict_lookup (options, "mark", "s", &export.mark);
  g_variant_dict_lookup (options, "visit", "i", &export.visit);
  g_variant_dict_lookup (options, "date", "s", &export.date);
  g_variant_dict_lookup (options, "no-details", "b", &export.no_details);
  g_variant_dict_lookup (options, "no-company-comments", "b", &export.no_company_comments);
  g_variant_dict_lookup (options, "unconfirmed", "b", &export.unconfirmed);
  g_variant_dict_lookup (options, "no-unconfirmed", "b", &export.no_unconfirmed);
  g_variant_dict_lookup (options, "company-copy", "^ay", &company_copy);
  g_variant_dict_lookup (options, "with-plan", "b", &with_plan);
  g_variant_dict_lookup (options, "with-verdicts", "b", &with_verdicts);
  g_variant_dict_lookup (options, "passphrase-file", "^ay", &passphrase_file);
  g_variant_dict_lookup (options, "copy-passphrase-file", "^ay", &copy_passphrase_file);

  if ((validate != NULL) + (summary != NULL) + (new_file != FALSE) + (radar != NULL)
      + (pdf != NULL) + (csv != NULL) + (xlsx != NULL) > 1)
    {
      scs_cli_export_clear (&export);
      return scs_cli_usage_error (_("Give only one of --validate, --summary, --new and the --export options."));
    }
  if (export.unconfirmed && export.no_unconfirmed)
    {
      scs_cli_export_clear (&export);
      return scs_cli_usage_error (_("Give either --unconfirmed or --no-unconfirmed, not both."));
    }
  if (passphrase_file != NULL)
    {
      int status;

      if (validate == NULL && summary == NULL && !new_file && radar == NULL && pdf == NULL &&
          csv == NULL && xlsx == NULL && company_copy == NULL)
        {
          scs_cli_export_clear (&export);
          return scs_cli_usage_error (_("--passphrase-file goes with --validate, --summary, "
                                        "--new, --company-copy and the --export options."));
        }
      if ((status = scs_cli_use_passphrase_file (passphrase_file)) != 0)
        {
          scs_cli_export_clear (&export);
          return status;
        }
    }
  if (copy_passphrase_file != NULL && company_copy == NULL)
    {
      scs_cli_export_clear (&export);
      return scs_cli_usage_error (_("--copy-passphrase-file goes with --company-copy."));
    }
  if (company_copy != NULL)
    {
      int status;

      if (validate != NULL || summary != NULL || new_file || radar != NULL || pdf != NULL
          || csv != NULL || xlsx != NULL)
        status = scs_cli_usage_error (_("--company-copy goes alone: give no other action with it."));
      else if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
        status = scs_cli_usage_error (_("--company-copy needs exactly one engagement file."));
      else if (export.unconfirmed)
        status = scs_cli_usage_error (_("--unconfirmed does not go with --company-copy: a company "
                                        "copy never holds verdicts marked for follow-up."));
      else
        status = scs_cli_company_copy (company_copy, rest[0], with_plan, with_verdicts,
                                       copy_passphrase_file);
      scs_cli_export_clear (&export);
      return status;
    }
  if (with_plan || with_verdicts)
    {
      scs_cli_export_clear (&export);
      return scs_cli_usage_error (_("--with-plan and --with-verdicts go with --company-copy."));
    }
  if ((size != NULL || style != NULL) && radar == NULL)
    return scs_cli_usage_error (_("--size and --style go with --export-radar."));
  if (pdf != NULL || csv != NULL || xlsx != NULL)
    {
      int status;

      if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
        status = scs_cli_usage_error (_("An export needs exactly one engagement file."));
      else
        status = scs_cli_export (pdf != NULL ? "pdf" : csv != NULL ? "csv" : "xlsx",
                                 pdf != NULL ? pdf : csv != NULL ? csv : xlsx, rest[0], &export);
      scs_cli_export_clear (&export);
      return status;
    }
  if (export.date != NULL)
    {
      scs_cli_export_clear (&export);
      return scs_cli_usage_error (_("--date goes with --export-pdf."));
    }
  if (export.report != NULL || export.paper != NULL || export.mark != NULL || export.visit != 0
      || export.no_details || export.no_company_comments)
    {
      scs_cli_export_clear (&export);
      return scs_cli_usage_error (_("--report, --paper, --mark, --visit and the --no- options go with an --export option."));
    }
  /* Whatever counts figures says which verdicts it counts. */
  if ((export.unconfirmed || export.no_unconfirmed) && radar == NULL && summary == NULL)
    return scs_cli_usage_error (_("--unconfirmed and --no-unconfirmed go with an --export option or --summary."));
  if (radar != NULL)
    {
      if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
        return scs_cli_usage_error (_("--export-radar needs exactly one engagement file."));
      return scs_cli_export_radar (radar, rest[0], size, style, export.unconfirmed);
    }

  if (validate != NULL)
    return scs_cli_validate (validate);
  if (summary != NULL)
    return scs_cli_summary (summary, export.unconfirmed);
  if (new_file)
    {
      if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
        return scs_cli_usage_error (_("--new needs exactly one output file."));
      return scs_cli_new (level != 0 ? level : 3, company, rest[0]);
    }
  if (level != 0 || company != NULL)
    return scs_cli_usage_error (_("--level and --company go with --new."));

  /* The file arguments are ours (G_OPTION_REMAINING), so activate() opens them. */
  for (guint i = 0; rest != NULL && rest[i] != NULL; i++)
    g_ptr_array_add (SCS_APPLICATION (app)->pending, g_file_new_for_commandline_arg (rest[i]));
  /* A copy already running in this session opens them instead, so a file opened twice
   * comes forward in the window that has it. Without a session bus every launch is a
   * copy of its own, and the lock file beside the engagement warns instead. */
  if (g_application_register (app, NULL, NULL) && g_application_get_is_remote (app))
    {
      GPtrArray *files = SCS_APPLICATION (app)->pending;

      if (files->len > 0)
        g_application_open (app, (GFile **) files->pdata, files->len, "");
      else
        g_application_activate (app);
      return 0;
    }
  return -1;
}

/* Looks for the settings schema where it is installed, then in the build tree, so the app
 * runs from a fresh build without an install. */
static GSettings *
make_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaSource) build_source = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCS_APP_ID, TRUE);
  if (schema == NULL)
    {
      build_source = g_settings_schema_source_new_from_directory (SCS_BUILD_SCHEMA_DIR, source,
                                                                  FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, SCS_APP_ID, TRUE);
    }
  if (schema == NULL)
    g_error ("The settings schema %s is not installed.", SCS_APP_ID);
  return g_settings_new_full (schema, NULL, NULL);
}

static ScsWindow *
reusable_window (ScsApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL && scs_window_is_empty (SCS_WINDOW (window)))
    return SCS_WINDOW (window);
  return scs_window_new (self);
}

static void
offer_recovery (ScsApplication *self,
                ScsWindow      *window)
{
  g_autoptr(GPtrArray) orphans = NULL;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  orphans = scs_autosave_list_orphans (self->recovery_dir);
  if (orphans->len > 0)
    scs_window_offer_recovery (window, orphans);
}

/* For the start-up benchmark (tests/perf/bench-startup.py): with
 * SCS_ASSESSOR_QUIT_AFTER_FIRST_FRAME set, the app quits once its window has drawn a frame. */
static void
on_first_paint (GdkFrameClock *clock,
                GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, app);
  g_application_quit (app);
}

static void
on_window_realize (GtkWidget    *window,
                   GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_paint), app);
}

static void
maybe_quit_after_first_frame (GApplication *app,
                              GtkWindow    *window)
{
  if (g_getenv ("SCS_ASSESSOR_QUIT_AFTER_FIRST_FRAME") == NULL)
    return;
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_window_realize (GTK_WIDGET (window), app);
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), app);
}

static void
scs_application_activate (GApplication *app)
{
  ScsApplication *self = SCS_APPLICATION (app);
  GtkWindow *window;

  if (self->pending->len > 0)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending);

      self->pending = g_ptr_array_new_with_free_func (g_object_unref);
      g_application_open (app, (GFile **) files->pdata, files->len, "");
      return;
    }
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (scs_window_new (self));
  maybe_quit_after_first_frame (app, window);
  gtk_window_present (window);
  offer_recovery (self, SCS_WINDOW (window));
}

static void
scs_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  ScsApplication *self = SCS_APPLICATION (app);
  ScsWindow *window = NULL;

  for (int i = 0; i < n_files; i++)
    {
      /* Opened already: that window comes forward, and no empty one is made for it. */
      window = scs_window_find_for_file (self, files[i]);
      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
          continue;
        }
      window = reusable_window (self);
      maybe_quit_after_first_frame (app, GTK_WINDOW (window));
      gtk_window_present (GTK_WINDOW (window));
      scs_window_open_file (window, files[i]);
    }
  if (window != NULL)
    offer_recovery (self, window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its own unsaved changes; one that is kept stops nothing else. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("SCS Assessor developers"), NULL };
  GtkWidget *about = adw_about_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("SCS Assessor"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), SCS_APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), SCS_VERSION);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("SCS Assessor developers"));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Assess a company against the SCS supply-chain security scheme (★3, ★4): "
                                   "criteria, evidence, radar, reports and slides. Works offline; "
                                   "nothing is sent anywhere."));
  adw_about_window_set_website (ADW_ABOUT_WINDOW (about), "https://github.com/scsassessor/scs-assessor");
  /* TRANSLATORS: credit the translators of this language, one per line */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Criteria texts"), NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("The SCS evaluation criteria (2026-03-27 edition), the five-minute "
                                        "self-diagnosis and the Cyber Security Management Guidelines check "
                                        "sheet are shown verbatim from their publishers, METI and IPA."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  /* The job in the order it is done; each paragraph a group of the page. */
  struct { const char *title; const char *body; } parts[] = {
    { N_("Before the first visit"),
      N_("Create the engagement (Ctrl+N) with the company's name and level. In the Engagement view "
         "(Ctrl+Alt+2) record the company, the scope and the five-minute self-diagnosis the company "
         "ran. For its self-assessment send the company its copy (Make Company Copy…), never "
         "the engagement file, or an Excel workbook (Export…). The copy holds the company's "
         "profile, the scope, the visits, the documents, the diagnosis and its answers, and the "
         "agreed plan and the confirmed verdicts only if you tick them; never your internal "
         "notes, evidence notes, maturity or verdicts awaiting follow-up.") },
    { N_("The visits"),
      N_("Each visit has its date, attendees, agenda, what was done, requests and next steps. "
         "Print or export its visit report (実施報告書) from Export….") },
    { N_("Evaluating"),
      N_("Step through the criteria in the sidebar (Alt+Down, Alt+Up). For each, the company's "
         "answer (Ctrl+1…5) stands beside your verdict (Alt+1…3); switch on the procedures you "
         "performed and name the evidence. A verdict other than conforms needs a comment. "
         "Internal notes are yours alone: no report, export or slide shows them.") },
    { N_("The company's self-assessment"),
      N_("Import the Company's Self-Assessment… compares the file the company sent with yours and "
         "takes only the answers you tick, in one undoable step. A company copy made from another "
         "engagement is flagged, and none of its answers is ticked.") },
    { N_("Results and the plan"),
      N_("The dashboard (Ctrl+Alt+3) shows the radar and what still blocks the level. It counts "
         "confirmed verdicts only: one marked for follow-up counts once you clear its flag. "
         "Criteria that do not conform can go into the improvement plan with one click; order its "
         "items by urgency, importance and difficulty.") },
    { N_("Meetings and paper"),
      N_("F5 shows slides on the projector. Export… (Ctrl+E) and Print… (Ctrl+P) give the "
         "assessment sheet, the improvement plan, the visit reports and the full report as PDF or "
         "on paper, and the engagement as Excel or CSV. Like the dashboard they print and count "
         "confirmed verdicts only; for a draft of your own, switch on Verdicts marked for "
         "follow-up, and the figures then say how many such verdicts they include.") },
    { N_("Your work is safe"),
      N_("Edits are saved to a recovery copy as you type, and at once when the session ends; "
         "after a crash the app offers them back. Saving replaces the file only once the new one "
         "is complete, and asks first if someone else changed it. A file open in another copy of "
         "the app, or by someone else on a shared folder, opens read-only if you wish. Exports "
         "never replace the engagement file. Nothing is ever sent over a network.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *label = gtk_label_new (_(parts[i].body));

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(parts[i].title));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("Help"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  gtk_window_set_transient_for (GTK_WINDOW (window), gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (window));
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (scs_window_new (SCS_APPLICATION (user_data))));
}

/* A logout (SIGHUP), kill (SIGTERM) or Ctrl+C (SIGINT) ends the app as a crash would,
 * except that the last edits are in the recovery copy whatever the autosave timer said. */
static gboolean
on_quit_signal (gpointer user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  /* A copy, each window held: writing a recovery copy runs the main loop, where a window
   * may close or move in the application's own list. */
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);

  for (GList *l = windows; l != NULL; l = l->next)
    if (SCS_IS_WINDOW (l->data))
      scs_window_prepare_exit (SCS_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
  g_application_quit (app);
  return G_SOURCE_CONTINUE;
}

static void
scs_application_startup (GApplication *app)
{
  ScsApplication *self = SCS_APPLICATION (app);
  static const GActionEntry entries[] = {
    { "quit", quit_activated },
    { "new-window", new_window_activated },
    { "about", about_activated },
    { "help", help_activated },
  };
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
  };

  G_APPLICATION_CLASS (scs_application_parent_class)->startup (app);
  scs_accessible_install ();

  self->settings = make_settings ();
  self->catalog = scs_catalog_new_default ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  /* Slides never show a verdict marked for follow-up: no setting for it. */
  {
    g_autoptr(GAction) toggle = g_settings_create_action (self->settings,
                                                          "presentation-company-comments");

    g_action_map_add_action (G_ACTION_MAP (app), toggle);
  }
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
  /* The window's are declared beside its actions. */
  scs_window_set_accels (GTK_APPLICATION (app));

  g_unix_signal_add (SIGTERM, on_quit_signal, app);
  g_unix_signal_add (SIGINT, on_quit_signal, app);
  g_unix_signal_add (SIGHUP, on_quit_signal, app);
  /* Writes cut short by a kill leave their temporary files; an hour is far longer than
   * any write of a live copy takes. */
  scs_autosave_clean_temporaries (self->recovery_dir, 3600);
}

static void
scs_application_finalize (GObject *object)
{
  ScsApplication *self = SCS_APPLICATION (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_free (self->recovery_dir);
  g_ptr_array_unref (self->pending);

  G_OBJECT_CLASS (scs_application_parent_class)->finalize (object);
}

static void
scs_application_class_init (ScsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = scs_application_finalize;
  app_class->handle_local_options = scs_application_handle_local_options;
  app_class->startup = scs_application_startup;
  app_class->activate = scs_application_activate;
  app_class->open = scs_application_open;
}

static void
scs_application_init (ScsApplication *self)
{
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Check an engagement file and report what is wrong with it"), N_("FILE") },
    { "summary", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Print conformance per subcategory and readiness for the level"), N_("FILE") },
    { "export-radar", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the radar of the engagement FILE as an image: .png, .svg or .pdf"), N_("OUT") },
    { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Size of the radar image (default 1920x1080)"), N_("WIDTHxHEIGHT") },
    { "style", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Colours of the radar image: light or dark"), N_("STYLE") },
    { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write a report of the engagement FILE as PDF (see --report)"), N_("OUT") },
    { "report", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Which report: full (default), sheet, plan, visits or radar"), N_("REPORT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Paper of the report: a4 (default) or a3"), N_("PAPER") },
    { "visit", 0, 0, G_OPTION_ARG_INT, NULL,
      N_("Only this visit's report (with --report visits)"), N_("NUMBER") },
    { "date", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Date on the report's cover and every page, such as 2026-04-15 (default: the plan's "
         "agreed date for the plan, the visit's date for a visit report, else today)"),
      N_("DATE") },
    { "mark", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Confidentiality mark on every page, workbook sheet and CSV row; empty for none"), N_("TEXT") },
    { "no-details", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Leave the section per criterion out of the sheet"), NULL },
    { "no-company-comments", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Leave the company's comments out"), NULL },
    { "unconfirmed", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Also print and count verdicts still marked for follow-up, for the expert's own drafts; "
         "reports, workbooks and --summary say how many (also with --export-radar)"), NULL },
    { "no-unconfirmed", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Leave out verdicts still marked for follow-up: not printed, not counted (the default)"), NULL },
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write one row per criterion of the engagement FILE as CSV"), N_("OUT") },
    { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the engagement FILE as an Excel workbook"), N_("OUT") },
    { "company-copy", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the company's copy of the engagement FILE: only what the company may see, "
         "never the expert's notes"), N_("OUT") },
    { "with-plan", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Include the improvement plan in the company copy (once it has an agreed date)"), NULL },
    { "with-verdicts", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Include the confirmed verdicts and their comments in the company copy"), NULL },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Read the passphrase of protected engagements from the first line of FILE; "
         "with --new, protect the new file with it (with --company-copy it only opens the "
         "engagement)"), N_("FILE") },
    { "copy-passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Protect the company copy with the passphrase on the first line of FILE, one agreed "
         "with the company; without it the copy, which holds only what the company may see, "
         "is written unprotected"), N_("FILE") },
    { "new", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Create a new engagement file"), NULL },
    { "level", 0, 0, G_OPTION_ARG_INT, NULL,
      N_("Level of a new engagement: 3 or 4"), N_("LEVEL") },
    { "company", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Company name of a new engagement"), N_("NAME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };
  const char *dir = g_getenv ("SCS_ASSESSOR_RECOVERY_DIR");

  self->pending = g_ptr_array_new_with_free_func (g_object_unref);

  self->recovery_dir = dir != NULL && dir[0] != '\0' ? g_strdup (dir)
                                                     : scs_autosave_default_dir ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (
    G_APPLICATION (self),
    _("Assess a company against the SCS scheme (★3, ★4) and keep the engagement in one file."));
}

ScsCatalog *
scs_application_get_catalog (ScsApplication *self)
{
  return self->catalog;
}

GSettings *
scs_application_get_settings (ScsApplication *self)
{
  return self->settings;
}

const char *
scs_application_get_recovery_dir (ScsApplication *self)
{
  return self->recovery_dir;
}

ScsApplication *
scs_application_new (void)
{
  return g_object_new (SCS_TYPE_APPLICATION,
                       "application-id", SCS_APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", SCS_RESOURCE_PREFIX,
                       NULL);
}
