/* scs-crash-helper.c — the app's own code in a process that a test kills and restarts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   scs-crash-helper edit FILE     opens FILE, sets a verdict, a comment and an internal note
 *                                  through the window's actions and widgets, waits until the
 *                                  recovery copy is written, prints READY and waits to be killed.
 *   scs-crash-helper restore FILE  starts as the app does with no file, accepts the offer to
 *                                  restore, checks the edits are back, saves and quits.
 *   scs-crash-helper offered FILE  starts as the app does with no file, prints the text of the
 *                                  offer to restore (exit 0), or exits 1 when none comes.
 */
#include <stdio.h>

#include "scs-ui-test.h"

#define COMMENT "再起動後も残るコメント"

static int status = 1;
static gboolean done;

static gboolean
wait_for_copy (gpointer user_data)
{
  ScsWindow *window = user_data;

  if (scs_autosave_get_n_written (scs_window_get_autosave (window)) == 0)
    return G_SOURCE_CONTINUE;
  printf ("READY\n");
  fflush (stdout);
  return G_SOURCE_REMOVE;
}

static int
edit (ScsApplication *app,
      const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ScsWindow *window = scs_window_new (app);
  ScsCriterionPage *page;
  GtkTextView *view;

  gtk_window_present (GTK_WINDOW (window));
  scs_window_open_file (window, file);
  page = scs_window_get_criterion_page (window);
  scs_sidebar_select (scs_window_get_sidebar (window), scs_ui_test_node (window, "4-3-4-2"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.verdict", "i", 3);
  view = scs_ui_test_child (page, SCS_TYPE_CRITERION_PAGE, "expert_comment_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), COMMENT, -1);
  g_timeout_add (50, wait_for_copy, window);
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static gboolean
answer_offer (gpointer user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *active = gtk_application_get_active_window (app);
  ScsWindow *window;
  ScsAssessment *a;

  for (GList *l = gtk_application_get_windows (app); l != NULL && active == NULL; l = l->next)
    active = l->data;
  if (active == NULL || !SCS_IS_WINDOW (active))
    return G_SOURCE_CONTINUE;
  window = SCS_WINDOW (active);
  if (scs_window_get_dialog (window) != NULL)
    {
      adw_message_dialog_response (scs_window_get_dialog (window), "restore");
      return G_SOURCE_CONTINUE;
    }
  if (scs_window_get_engagement (window) == NULL)
    return G_SOURCE_CONTINUE;
  if (scs_window_is_saving (window))
    return G_SOURCE_CONTINUE;
  if (scs_window_is_modified (window))
    {
      a = scs_engagement_get_assessment (scs_window_get_engagement (window), "4-3-4-2");
      if (a == NULL || g_strcmp0 (scs_assessment_get_expert_comment (a), COMMENT) != 0 ||
          g_strcmp0 (scs_assessment_get_verdict (a), "na") != 0)
        {
          fprintf (stderr, "restored engagement lacks the edits\n");
          done = TRUE;
          return G_SOURCE_REMOVE;
        }
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      return G_SOURCE_CONTINUE;
    }
  status = 0;
  done = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
print_offer (gpointer user_data)
{
  GtkApplication *app = user_data;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (SCS_IS_WINDOW (l->data) && scs_window_get_dialog (l->data) != NULL)
      {
        AdwMessageDialog *dialog = scs_window_get_dialog (l->data);

        printf ("%s\n%s\n", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
        fflush (stdout);
        adw_message_dialog_response (dialog, "later");
        status = 0;
        done = TRUE;
        return G_SOURCE_REMOVE;
      }
  return G_SOURCE_CONTINUE;
}

static gboolean
give_up (gpointer user_data)
{
  done = TRUE;
  return G_SOURCE_REMOVE;
}

int
main (int argc, char *argv[])
{
  ScsApplication *app;

  if (argc != 3)
    return 2;
  app = scs_ui_test_init (&argc, &argv);
  if (g_str_equal (argv[1], "edit"))
    return edit (app, argv[2]);

  if (g_str_equal (argv[1], "offered"))
    {
      g_timeout_add (50, print_offer, app);
      g_timeout_add_seconds (20, give_up, app);
    }
  else
    g_timeout_add (50, answer_offer, app);
  g_signal_emit_by_name (app, "activate");
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return status;
}
