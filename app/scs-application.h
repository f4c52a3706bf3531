/* scs-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "scs-core.h"

G_BEGIN_DECLS

#define SCS_TYPE_APPLICATION (scs_application_get_type ())
G_DECLARE_FINAL_TYPE (ScsApplication, scs_application, SCS, APPLICATION, AdwApplication)

ScsApplication *scs_application_new          (void);
ScsCatalog     *scs_application_get_catalog  (ScsApplication *self);
GSettings      *scs_application_get_settings (ScsApplication *self);
/* Where recovery copies go; tests point it elsewhere with SCS_ASSESSOR_RECOVERY_DIR. */
const char     *scs_application_get_recovery_dir (ScsApplication *self);

G_END_DECLS
