/* test-new-dialog.c — the New dialog's choices can be read whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "scs-new-dialog.h"
#include "scs-ui-test.h"

static ScsApplication *app;

static GtkWidget *
find_popover (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_popover (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The mapped label under widget that shows text, or NULL. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Each scale's title ends with its values, which is what tells the scales apart: the list
 * the verdict scale row opens shows every title whole, not cut off at the dialog's width,
 * and marks the one chosen. */
static void
test_scale_titles_whole (void)
{
  ScsFramework *fw = scs_catalog_get_latest (scs_application_get_catalog (app), "scs");
  GPtrArray *scales = scs_framework_get_verdict_scales (fw);
  ScsNewDialog *dialog = scs_new_dialog_new (NULL, fw, NULL);
  AdwComboRow *row = scs_ui_test_child (dialog, SCS_TYPE_NEW_DIALOG, "scale_row");
  GtkWidget *popover;

  g_assert_cmpuint (scales->len, >=, 2);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  adw_combo_row_set_selected (row, 1);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  SCS_UI_TEST_WAIT_FOR ((popover = find_popover (GTK_WIDGET (row))) != NULL && gtk_widget_get_mapped (popover),
                        "the list of scales");
  for (guint i = 0; i < scales->len; i++)
    {
      const char *title = scs_scale_get_title (g_ptr_array_index (scales, i));
      GtkLabel *label = NULL;
      GtkWidget *check;

      SCS_UI_TEST_WAIT_FOR ((label = find_label (popover, title)) != NULL
                            && gtk_widget_get_width (GTK_WIDGET (label)) > 0,
                            "the scale's title in the list");
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
      check = gtk_widget_get_next_sibling (GTK_WIDGET (label));
      g_assert_nonnull (check);
      g_assert_cmpfloat (gtk_widget_get_opacity (check), ==, i == 1 ? 1.0 : 0.0);
    }
  scs_ui_test_destroy (dialog);
}

int
main (int argc, char *argv[])
{
  app = scs_ui_test_init (&argc, &argv);
  g_test_add_func ("/new-dialog/scale-titles-whole", test_scale_titles_whole);
  return g_test_run ();
}
