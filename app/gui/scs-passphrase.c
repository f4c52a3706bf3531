/* scs-passphrase.c — asking for a passphrase, to open a protected file or to protect one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "scs-passphrase.h"

/* A GtkEntry that hides what is typed, not a GtkPasswordEntry: with GTK 4.8 here,
 * closing a dialog that held one ran one of its callbacks on a freed entry (an invalid
 * cast, fatal in the tests; seen at the first Cancel). */
static GtkWidget *
password_entry (const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  return entry;
}

GtkEditable *
scs_passphrase_dialog_get_entry (AdwMessageDialog *dialog,
                                 guint             index)
{
  return g_object_get_data (G_OBJECT (dialog), index == 0 ? "entry" : "repeat");
}

static void
on_ask_activate (GtkWidget        *entry,
                 AdwMessageDialog *dialog)
{
  /* As the button does: answer, then close (a response alone leaves the dialog up). */
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    {
      adw_message_dialog_response (dialog, "open");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
on_ask_changed (GtkEditable      *entry,
                AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "open", gtk_editable_get_text (entry)[0] != '\0');
}

AdwMessageDialog *
scs_passphrase_dialog_new_ask (GtkWindow  *parent,
                               const char *name,
                               const char *problem)
{
  g_autofree char *heading = g_strdup_printf (_("“%s” Is Protected"), name);
  AdwMessageDialog *dialog;
  GtkWidget *entry = password_entry (_("Passphrase"));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, NULL));
  /* Its window closed, it has nothing left to open. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_set_body (dialog,
                               problem != NULL ? problem
                                               : _("Enter the passphrase the file was protected "
                                                   "with."));
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "open", _("_Open"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "open", FALSE);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_ask_changed), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_ask_activate), dialog);
  gtk_widget_grab_focus (entry);
  return dialog;
}

static void
on_choose_changed (GtkEditable      *editable,
                   AdwMessageDialog *dialog)
{
  const char *first = gtk_editable_get_text (scs_passphrase_dialog_get_entry (dialog, 0));
  const char *second = gtk_editable_get_text (scs_passphrase_dialog_get_entry (dialog, 1));
  GtkLabel *hint = g_object_get_data (G_OBJECT (dialog), "hint");
  gboolean same = g_str_equal (first, second);

  adw_message_dialog_set_response_enabled (dialog, "protect", first[0] != '\0' && same);
  /* Told only once the second has been typed as far as the first. */
  gtk_widget_set_visible (GTK_WIDGET (hint),
                          !same && second[0] != '\0' && g_utf8_strlen (second, -1) >= g_utf8_strlen (first, -1));
}

AdwMessageDialog *
scs_passphrase_dialog_new_choose (GtkWindow  *parent,
                                  const char *name)
{
  g_autofree char *heading = g_strdup_printf (_("Protect “%s”"), name);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = password_entry (_("Passphrase"));
  GtkWidget *repeat = password_entry (_("Passphrase again"));
  GtkWidget *hint = gtk_label_new (_("The two passphrases differ."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, NULL));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_set_body (dialog,
                               _("Whoever has the passphrase can open the file; without it nobody "
                                 "can, not even you. Use at least four unrelated words or 16 "
                                 "characters, and tell it by another way than the file travels "
                                 "(by phone, not in the same e-mail)."));
  gtk_widget_add_css_class (hint, "error");
  gtk_widget_set_visible (hint, FALSE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), repeat);
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "protect", _("_Protect"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "protect", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "protect", FALSE);
  adw_message_dialog_set_default_response (dialog, "protect");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "repeat", repeat);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);
  g_signal_connect (entry, "changed", G_CALLBACK (on_choose_changed), dialog);
  g_signal_connect (repeat, "changed", G_CALLBACK (on_choose_changed), dialog);
  /* Enter in the second field saves, once the two match (the response is enabled). */
  gtk_entry_set_activates_default (GTK_ENTRY (repeat), TRUE);
  gtk_widget_grab_focus (entry);
  return dialog;
}

ScsProtectKey *
scs_passphrase_dialog_take_chosen (AdwMessageDialog *dialog,
                                   const char       *response)
{
  GtkEditable *entry = scs_passphrase_dialog_get_entry (dialog, 0);
  GtkEditable *again = scs_passphrase_dialog_get_entry (dialog, 1);
  const char *text = gtk_editable_get_text (entry);
  ScsProtectKey *key = NULL;

  if (g_str_equal (response, "protect") && text[0] != '\0' &&
      g_str_equal (text, gtk_editable_get_text (again)))
    key = scs_protect_key_new (text);
  /* The key holds its own copy, in locked memory; the widgets keep none. */
  gtk_editable_set_text (entry, "");
  gtk_editable_set_text (again, "");
  return key;
}
