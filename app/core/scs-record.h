/* scs-record.h — base class of the engagement's records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every record of an engagement (the company, a visit, a criterion's assessment …) is an
 * ScsRecord subclass that describes its members once, in a table of ScsField. From that
 * table the base class installs GObject properties (so views can bind to them), frees the
 * members, tracks changes, and reads and writes JSON: reading checks every member's type
 * and names the JSON path of what is wrong; writing keeps the table's order so files diff
 * well. Members this version does not know are kept and written back.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  SCS_FIELD_STRING,   /* free text; never NULL to callers ("" when unset) */
  SCS_FIELD_ID,       /* non-empty identifier without surrounding blanks */
  SCS_FIELD_CHOICE,   /* one of a fixed set of words, or "" */
  SCS_FIELD_DATE,     /* YYYY-MM-DD, or "" */
  SCS_FIELD_TIME,     /* HH:MM, or "" */
  SCS_FIELD_DATETIME, /* YYYY-MM-DDTHH:MM:SSZ, or "" */
  SCS_FIELD_BOOLEAN,
  SCS_FIELD_INT,      /* gint64 within [min, max] */
  SCS_FIELD_STRV,     /* list of strings */
  SCS_FIELD_OBJECT,   /* one child record, always present */
  SCS_FIELD_LIST,     /* GListStore of child records */
} ScsFieldKind;

typedef enum {
  SCS_FIELD_REQUIRED = 1 << 0, /* a file without this member is refused */
  SCS_FIELD_TRANSIENT = 1 << 1, /* not a user edit: changing it does not mark the record changed */
  SCS_FIELD_KEY = 1 << 2,       /* names the record in its list: a record with only this is blank */
  SCS_FIELD_OMIT_BLANK = 1 << 3, /* not written while "" (texts) or blank (objects): members added
                                  * later that most files never set leave those files' bytes alone */
} ScsFieldFlags;

typedef struct {
  const char          *name;       /* JSON member; the property is the same with '-' for '_' */
  ScsFieldKind         kind;
  gsize                offset;     /* of the member in the instance struct */
  GType              (*child_type) (void); /* OBJECT and LIST */
  const char * const  *choices;    /* CHOICE: NULL-terminated */
  gint64               min;        /* INT */
  gint64               max;        /* INT */
  gint64               fallback;   /* INT: the value of a new record */
  ScsFieldFlags        flags;
} ScsField;

#define SCS_TYPE_RECORD (scs_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (ScsRecord, scs_record, SCS, RECORD, GObject)

struct _ScsRecordClass
{
  GObjectClass parent_class;

  const ScsField *fields;
  guint           n_fields;

  /* Items of this class that are blank are left out when their list is saved. */
  gboolean        omit_when_blank;

  /* Called on the record that changed and then on each of its ancestors. */
  void (*changed) (ScsRecord *self);
  /* Called on the root record (the one without a parent) when a member of record, at any
   * depth, is set by a user edit: not while frozen, not for transient members. old_value
   * holds what the member was; the record already holds the new value. */
  void (*edited)  (ScsRecord    *root,
                   ScsRecord    *record,
                   const char   *property,
                   const GValue *old_value);

  gpointer padding[7];
};

void            scs_record_class_set_fields  (ScsRecordClass *klass,
                                              const ScsField *fields,
                                              guint           n_fields);

const ScsField *scs_record_find_field        (ScsRecord      *self,
                                              const char     *name);
ScsRecord      *scs_record_get_parent        (ScsRecord      *self);

const char     *scs_record_get_string        (ScsRecord      *self,
                                              const char     *name);
void            scs_record_set_string        (ScsRecord      *self,
                                              const char     *name,
                                              const char     *value);
/* What a user typed: refused with a message naming the member when its kind forbids it
 * (an ID empty or with blanks around it, a word not among the choices, a date, time or
 * date-time not in the file's form); the record is then unchanged. Bytes that are not
 * UTF-8 are replaced with U+FFFD, here and in every setter, so a record always holds
 * valid UTF-8. scs_record_set_string is for values the code knows to be valid: an invalid
 * one is a programmer error, reported with g_critical and not stored. */
gboolean        scs_record_try_set_string    (ScsRecord      *self,
                                              const char     *name,
                                              const char     *value,
                                              GError        **error);
/* The check scs_record_try_set_string makes, without setting anything. */
gboolean        scs_record_check_string      (ScsRecord      *self,
                                              const char     *name,
                                              const char     *value,
                                              GError        **error);
gboolean        scs_record_get_boolean       (ScsRecord      *self,
                                              const char     *name);
void            scs_record_set_boolean       (ScsRecord      *self,
                                              const char     *name,
                                              gboolean        value);
gint64          scs_record_get_int           (ScsRecord      *self,
                                              const char     *name);
void            scs_record_set_int           (ScsRecord      *self,
                                              const char     *name,
                                              gint64          value);
const char * const *scs_record_get_strv      (ScsRecord      *self,
                                              const char     *name);
void            scs_record_set_strv          (ScsRecord      *self,
                                              const char     *name,
                                              const char * const *value);
gpointer        scs_record_get_object        (ScsRecord      *self,
                                              const char     *name);
GListModel     *scs_record_get_list          (ScsRecord      *self,
                                              const char     *name);

/* TRUE when every member is at its initial value and no unknown member is kept. */
gboolean        scs_record_is_blank          (ScsRecord      *self);

/* Changes made between freeze and thaw do not call changed(): used while loading and for
 * records the app makes on its own (an empty assessment created when a criterion is shown). */
void            scs_record_freeze_changes    (ScsRecord      *self);
void            scs_record_thaw_changes      (ScsRecord      *self);
void            scs_record_emit_changed      (ScsRecord      *self);

gboolean        scs_record_load              (ScsRecord      *self,
                                              JsonNode       *node,
                                              const char     *path,
                                              GError        **error);
void            scs_record_save              (ScsRecord      *self,
                                              JsonBuilder    *builder);
JsonNode       *scs_record_to_node           (ScsRecord      *self);

/* Helpers for the checks that subclasses and the storage layer make. */
gboolean        scs_json_check_object        (JsonNode       *node,
                                              const char     *path,
                                              GError        **error);
gboolean        scs_json_check_array         (JsonNode       *node,
                                              const char     *path,
                                              GError        **error);
gboolean        scs_json_check_string        (JsonNode       *node,
                                              const char     *path,
                                              GError        **error);
gboolean        scs_json_check_int           (JsonNode       *node,
                                              const char     *path,
                                              GError        **error);
gboolean        scs_json_check_boolean       (JsonNode       *node,
                                              const char     *path,
                                              GError        **error);
JsonNode       *scs_json_require_member      (JsonObject     *object,
                                              const char     *member,
                                              const char     *path,
                                              GError        **error);
/* An identifier as records hold one: not empty, no blanks around it. */
gboolean        scs_json_check_id            (const char     *value,
                                              const char     *path,
                                              GError        **error);
char           *scs_json_member_path         (const char     *path,
                                              const char     *member);
char           *scs_json_element_path        (const char     *path,
                                              guint           index);

gboolean        scs_is_valid_date            (const char     *text);
gboolean        scs_is_valid_time            (const char     *text);
gboolean        scs_is_valid_datetime        (const char     *text);
char           *scs_now_datetime             (void);

G_END_DECLS
