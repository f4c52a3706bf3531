/* bare-window.c — the baseline of the start-up benchmark: a GTK 4 application whose window
 * holds one label, quitting once the window has drawn its first frame, as the app does with
 * SCS_ASSESSOR_QUIT_AFTER_FIRST_FRAME. With --adwaita, the same as a libadwaita application
 * (its style sheet and an AdwApplicationWindow): what the app's toolkit costs by itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

static void
on_first_paint (GdkFrameClock *clock,
                GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, app);
  g_application_quit (app);
}

static void
on_realize (GtkWidget    *window,
            GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_paint), app);
}

static gboolean adwaita;

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window;

  if (adwaita)
    {
      window = adw_application_window_new (app);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("SCS"));
    }
  else
    {
      window = gtk_application_window_new (app);
      gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("SCS"));
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  /* Its only option, taken before GApplication sees (and refuses) it. */
  adwaita = argc > 1 && g_str_equal (argv[1], "--adwaita");
  if (adwaita)
    argc = 1;
  app = adwaita ? GTK_APPLICATION (adw_application_new ("org.example.BareWindow", G_APPLICATION_NON_UNIQUE))
                : gtk_application_new ("org.example.BareWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
