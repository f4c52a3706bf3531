/* scs-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCS_TYPE_APPLICATION (scs_application_get_type ())
G_DECLARE_FINAL_TYPE (ScsApplication, scs_application, SCS, APPLICATION, GApplication)

ScsApplication *scs_application_new (void);

G_END_DECLS
