/* scs-passphrase.h — asking for a passphrase, to open a protected file or to protect one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-protect.h"

G_BEGIN_DECLS

/* Asks for the passphrase of the file called name, with responses "cancel" and "open";
 * problem (NULL: none) says why it asks again, e.g. that the last one was wrong. */
AdwMessageDialog *scs_passphrase_dialog_new_ask    (GtkWindow        *parent,
                                                    const char       *name,
                                                    const char       *problem);
/* Asks for a new passphrase twice, with responses "cancel" and "protect"; "protect" is
 * enabled only while both are the same and not empty. */
AdwMessageDialog *scs_passphrase_dialog_new_choose (GtkWindow        *parent,
                                                    const char       *name);
/* The dialog's entries: 0 the passphrase, 1 its repetition (choose only). */
GtkEditable      *scs_passphrase_dialog_get_entry  (AdwMessageDialog *dialog,
                                                    guint             index);

/* For a choose dialog that answered response: the key of the passphrase typed twice alike
 * ("protect" with both entries equal and not empty), or NULL. The entries are emptied. */
ScsProtectKey    *scs_passphrase_dialog_take_chosen (AdwMessageDialog *dialog,
                                                     const char       *response);

G_END_DECLS
