/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <locale.h>

#include "scs-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScsApplication) app = NULL;
  /* Lets tests and a build-tree run use the freshly built translations. */
  const char *localedir = g_getenv ("SCS_ASSESSOR_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = scs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
