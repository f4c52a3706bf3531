/* scs-record-private.h — what scs-record.c (the class, its properties and accessors) and
 * scs-record-json.c (loading and saving) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scs-record.h"

G_BEGIN_DECLS

/* Where field's value lives in the record's instance struct. */
#define SCS_RECORD_FIELD_PTR(self, field, type) \
  ((type *) (gpointer) (((guint8 *) (self)) + (field)->offset))

/* The members this version does not know, read from the file and written back on save
 * (NULL while there are none). */
JsonObject **scs_record_get_extra         (ScsRecord      *self);
/* Whether value is one of a choice field's choices (blank always is); TRUE for others. */
gboolean     scs_record_choice_allowed    (const ScsField *f,
                                           const char     *value);
/* Whether value may be stored in text field f (its kind's form, a choice, a length),
 * naming path in the error. */
gboolean     scs_record_check_text_value  (const ScsField *f,
                                           const char     *value,
                                           const char     *path,
                                           GError        **error);

G_END_DECLS
