/* scs-ui-test.c — helpers for tests and benchmarks that drive real windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "scs-ui-test.h"

ScsApplication *
scs_ui_test_init (int    *argc,
                  char ***argv)
{
  ScsApplication *app;
  g_autoptr(GError) error = NULL;
  /* Tests never touch the user's recovery copies. */
  if (g_getenv ("SCS_ASSESSOR_RECOVERY_DIR") == NULL)
    {
      g_autofree char *recovery = g_dir_make_tmp ("scs-recovery-XXXXXX", NULL);

      g_setenv ("SCS_ASSESSOR_RECOVERY_DIR", recovery, TRUE);
    }
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  app = scs_application_new ();
  /* Tests drive windows of their own, whatever copy of the app runs in the session. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("register: %s", error->message);
  return app;
}

void
scs_ui_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

gint64
scs_ui_test_deadline (void)
{
  const char *scale = g_getenv ("SCS_TEST_TIMEOUT_SCALE");
  double factor = scale != NULL ? g_ascii_strtod (scale, NULL) : 1.0;

  return g_get_monotonic_time () + (gint64) (MAX (factor, 1.0) * SCS_UI_TEST_TIMEOUT * G_USEC_PER_SEC);
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
scs_ui_test_turn (gint64      deadline,
                  const char *what,
                  const char *where)
{
  GSource *alarm;

  if (g_get_monotonic_time () > deadline)
    g_error ("%s: waited %d s (times $SCS_TEST_TIMEOUT_SCALE) for %s, in vain",
             where, SCS_UI_TEST_TIMEOUT, what);
  /* Blocks until something happens, and the alarm makes something happen now and then:
   * a condition on a file or a clock is looked at again even when no event comes. */
  alarm = g_timeout_source_new (10);
  g_source_set_callback (alarm, wake, NULL, NULL);
  g_source_attach (alarm, NULL);
  g_main_context_iteration (NULL, TRUE);
  g_source_destroy (alarm);
  g_source_unref (alarm);
}

void
scs_ui_test_wait (gboolean  (*done) (gpointer data),
                  gpointer    data,
                  const char *what)
{
  SCS_UI_TEST_WAIT_FOR (done (data), what);
}

ScsWindow *
scs_ui_test_open_copy (ScsApplication *app,
                       const char     *path,
                       char          **copy_path)
{
  g_autofree char *dir = g_dir_make_tmp ("scs-ui-XXXXXX", NULL);
  g_autofree char *base = g_path_get_basename (path);
  char *copy = g_build_filename (dir, base, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  ScsWindow *window = scs_window_new (app);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  scs_window_open_file (window, file);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  if (copy_path != NULL)
    *copy_path = copy;
  else
    g_free (copy);
  return window;
}

void
scs_ui_test_destroy_at (gpointer    window,
                        const char *where)
{
  ScsEngagement *engagement = SCS_IS_WINDOW (window) ? scs_window_get_engagement (window) : NULL;
  const char *type = G_OBJECT_TYPE_NAME (window);

  if (engagement != NULL)
    g_object_add_weak_pointer (G_OBJECT (engagement), (gpointer *) &engagement);
  g_object_add_weak_pointer (G_OBJECT (window), &window);
  gtk_window_destroy (GTK_WINDOW (window));
  scs_ui_test_flush ();
  /* As g_assert_finalize_object, saying which. */
  if (window != NULL)
    g_error ("%s: the %s destroyed is still alive, %u references held", where, type,
             G_OBJECT (window)->ref_count);
  if (engagement != NULL)
    g_error ("%s: the engagement of the %s destroyed is still alive, %u references held",
             where, type, G_OBJECT (engagement)->ref_count);
}

gpointer
scs_ui_test_child (gpointer    widget,
                   GType       type,
                   const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

ScsNode *
scs_ui_test_node (ScsWindow  *window,
                  const char *id)
{
  ScsEngagement *engagement = scs_window_get_engagement (window);

  return scs_framework_lookup (scs_engagement_get_framework (engagement),
                               scs_engagement_get_level (engagement), id);
}

GtkWidget *
scs_ui_test_icon_button (gpointer    root,
                         const char *icon_name)
{
  GtkWidget *found = NULL;

  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (root), icon_name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL && found == NULL; c = gtk_widget_get_next_sibling (c))
    found = scs_ui_test_icon_button (c, icon_name);
  return found;
}
