/* scs-application.c — the application object and its command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line actions run in handle-local-options, in the calling process, before
 * any display is needed, so they work on a headless machine and in scripts.
 */
#include <glib/gi18n.h>

#include "scs-application.h"
#include "scs-cli.h"

struct _ScsApplication
{
  GApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (ScsApplication, scs_application, G_TYPE_APPLICATION)

static int
scs_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  g_autofree char *validate = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *company = NULL;
  g_autofree const char **rest = NULL;
  gboolean new_file = FALSE;
  int level = 0;

  g_variant_dict_lookup (options, "validate", "^ay", &validate);
  g_variant_dict_lookup (options, "summary", "^ay", &summary);
  g_variant_dict_lookup (options, "new", "b", &new_file);
  g_variant_dict_lookup (options, "level", "i", &level);
  g_variant_dict_lookup (options, "company", "s", &company);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &rest);

  if ((validate != NULL) + (summary != NULL) + (new_file != FALSE) > 1)
    return scs_cli_usage_error (_("Give only one of --validate, --summary and --new."));

  if (validate != NULL)
    return scs_cli_validate (validate);
  if (summary != NULL)
    return scs_cli_summary (summary);
  if (new_file)
    {
      if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
        return scs_cli_usage_error (_("--new needs exactly one output file."));
      return scs_cli_new (level != 0 ? level : 3, company, rest[0]);
    }
  if (level != 0 || company != NULL)
    return scs_cli_usage_error (_("--level and --company go with --new."));

  /* The window arrives with the workspace; until then the files given are summarised. */
  if (rest != NULL && rest[0] != NULL)
    {
      int status = 0;

      for (guint i = 0; rest[i] != NULL; i++)
        status = MAX (status, scs_cli_summary (rest[i]));
      return status;
    }
  return scs_cli_usage_error (_("Name an engagement file, or see --help."));
}

static void
scs_application_class_init (ScsApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->handle_local_options = scs_application_handle_local_options;
}

static void
scs_application_init (ScsApplication *self)
{
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Check an engagement file and report what is wrong with it"), N_("FILE") },
    { "summary", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Print conformance per subcategory and readiness for the level"), N_("FILE") },
    { "new", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Create a new engagement file"), NULL },
    { "level", 0, 0, G_OPTION_ARG_INT, NULL,
      N_("Level of a new engagement: 3 or 4"), N_("LEVEL") },
    { "company", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Company name of a new engagement"), N_("NAME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (
    G_APPLICATION (self),
    _("Assess a company against the SCS scheme (★3, ★4) and keep the engagement in one file."));
}

ScsApplication *
scs_application_new (void)
{
  return g_object_new (SCS_TYPE_APPLICATION,
                       "application-id", SCS_APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}
