/* scs-record.c — base class of the engagement's records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <math.h>
#include <string.h>

#include "scs-error.h"
#include "scs-record.h"

typedef struct
{
  GWeakRef    parent;
  JsonObject *extra;   /* members unknown to this version, written back on save */
  guint       freeze;
} ScsRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ScsRecord, scs_record, G_TYPE_OBJECT)

#define FIELD_PTR(self, field, type) ((type *) (gpointer) (((guint8 *) (self)) + (field)->offset))

static const ScsField *
field_of_pspec (ScsRecord  *self,
                GParamSpec *pspec)
{
  ScsRecordClass *klass = SCS_RECORD_GET_CLASS (self);
  guint index = pspec->param_id - 1;

  g_assert (index < klass->n_fields);
  return &klass->fields[index];
}

static gboolean
is_text_kind (ScsFieldKind kind)
{
  switch (kind)
    {
    case SCS_FIELD_STRING:
    case SCS_FIELD_ID:
    case SCS_FIELD_CHOICE:
    case SCS_FIELD_DATE:
    case SCS_FIELD_TIME:
    case SCS_FIELD_DATETIME:
      return TRUE;
    case SCS_FIELD_BOOLEAN:
    case SCS_FIELD_INT:
    case SCS_FIELD_STRV:
    case SCS_FIELD_OBJECT:
    case SCS_FIELD_LIST:
    default:
      return FALSE;
    }
}

static void
set_parent (ScsRecord *child,
            ScsRecord *parent)
{
  ScsRecordPrivate *priv = scs_record_get_instance_private (child);

  g_weak_ref_set (&priv->parent, parent);
}

ScsRecord *
scs_record_get_parent (ScsRecord *self)
{
  ScsRecordPrivate *priv = scs_record_get_instance_private (self);
  ScsRecord *parent = g_weak_ref_get (&priv->parent);

  /* The parent owns the child, so a borrowed pointer is safe while the child is in it. */
  if (parent != NULL)
    g_object_unref (parent);
  return parent;
}

void
scs_record_freeze_changes (ScsRecord *self)
{
  ScsRecordPrivate *priv = scs_record_get_instance_private (self);

  priv->freeze++;
}

void
scs_record_thaw_changes (ScsRecord *self)
{
  ScsRecordPrivate *priv = scs_record_get_instance_private (self);

  g_return_if_fail (priv->freeze > 0);
  priv->freeze--;
}

static gboolean
is_frozen (ScsRecord *self)
{
  for (ScsRecord *r = self; r != NULL; r = scs_record_get_parent (r))
    {
      ScsRecordPrivate *priv = scs_record_get_instance_private (r);

      if (priv->freeze > 0)
        return TRUE;
    }
  return FALSE;
}

void
scs_record_emit_changed (ScsRecord *self)
{
  if (is_frozen (self))
    return;

  for (ScsRecord *r = self; r != NULL; r = scs_record_get_parent (r))
    {
      ScsRecordClass *klass = SCS_RECORD_GET_CLASS (r);

      if (klass->changed != NULL)
        klass->changed (r);
    }
}

static void
on_list_items_changed (GListModel *list,
                       guint       position,
                       guint       removed,
                       guint       added,
                       ScsRecord  *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (list, i);

      set_parent (item, self);
    }
  scs_record_emit_changed (self);
}

static void scs_record_get_property (GObject *, guint, GValue *, GParamSpec *);
static void scs_record_set_property (GObject *, guint, const GValue *, GParamSpec *);

void
scs_record_class_set_fields (ScsRecordClass *klass,
                             const ScsField *fields,
                             guint           n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->fields = fields;
  klass->n_fields = n_fields;
  /* GObject does not let subclasses inherit these: each class that installs properties
   * must name its own. */
  object_class->get_property = scs_record_get_property;
  object_class->set_property = scs_record_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      const ScsField *f = &fields[i];
      g_autofree char *dashed = g_strdelimit (g_strdup (f->name), "_", '-');
      const char *name = g_intern_string (dashed);
      GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
      GParamSpec *pspec = NULL;

      switch (f->kind)
        {
        case SCS_FIELD_STRING:
        case SCS_FIELD_ID:
        case SCS_FIELD_CHOICE:
        case SCS_FIELD_DATE:
        case SCS_FIELD_TIME:
        case SCS_FIELD_DATETIME:
          pspec = g_param_spec_string (name, NULL, NULL, "", rw);
          break;
        case SCS_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, rw);
          break;
        case SCS_FIELD_INT:
          pspec = g_param_spec_int64 (name, NULL, NULL, f->min, f->max, f->fallback, rw);
          break;
        case SCS_FIELD_STRV:
          pspec = g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, rw);
          break;
        case SCS_FIELD_OBJECT:
          pspec = g_param_spec_object (name, NULL, NULL, f->child_type (),
                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
          break;
        case SCS_FIELD_LIST:
          pspec = g_param_spec_object (name, NULL, NULL, G_TYPE_LIST_MODEL,
                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
          break;
        default:
          g_assert_not_reached ();
        }
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

const ScsField *
scs_record_find_field (ScsRecord  *self,
                       const char *name)
{
  ScsRecordClass *klass = SCS_RECORD_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].name, name))
      return &klass->fields[i];
  return NULL;
}

static const ScsField *
lookup (ScsRecord   *self,
        const char  *name,
        gboolean   (*kind_ok) (ScsFieldKind))
{
  const ScsField *f = scs_record_find_field (self, name);

  if (f == NULL)
    {
      g_critical ("%s has no member “%s”", G_OBJECT_TYPE_NAME (self), name);
      return NULL;
    }
  if (!kind_ok (f->kind))
    {
      g_critical ("%s.%s is not of the kind asked for", G_OBJECT_TYPE_NAME (self), name);
      return NULL;
    }
  return f;
}

static gboolean is_bool_kind (ScsFieldKind k) { return k == SCS_FIELD_BOOLEAN; }
static gboolean is_int_kind (ScsFieldKind k) { return k == SCS_FIELD_INT; }
static gboolean is_strv_kind (ScsFieldKind k) { return k == SCS_FIELD_STRV; }
static gboolean is_object_kind (ScsFieldKind k) { return k == SCS_FIELD_OBJECT; }
static gboolean is_list_kind (ScsFieldKind k) { return k == SCS_FIELD_LIST; }

static void
notify_change (ScsRecord      *self,
               const ScsField *f)
{
  ScsRecordClass *klass = SCS_RECORD_GET_CLASS (self);
  GParamSpec *pspec;

  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), f->name);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  if (!(f->flags & SCS_FIELD_TRANSIENT))
    scs_record_emit_changed (self);
}

static void
field_value (ScsRecord      *self,
             const ScsField *f,
             GValue         *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), f->name);

  g_value_init (value, pspec->value_type);
  scs_record_get_property (G_OBJECT (self), pspec->param_id, value, pspec);
}

/* Tells the root record that a member was edited, so that an undo history can hold it. */
static void
announce_edit (ScsRecord      *self,
               const ScsField *f,
               GValue         *old_value)
{
  ScsRecord *root = self, *parent;
  ScsRecordClass *klass;
  GParamSpec *pspec;

  if (!(f->flags & SCS_FIELD_TRANSIENT) && !is_frozen (self))
    {
      while ((parent = scs_record_get_parent (root)) != NULL)
        root = parent;
      klass = SCS_RECORD_GET_CLASS (root);
      if (klass->edited != NULL)
        {
          pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), f->name);
          klass->edited (root, self, pspec->name, old_value);
        }
    }
  g_value_unset (old_value);
}

const char *
scs_record_get_string (ScsRecord  *self,
                       const char *name)
{
  const ScsField *f;
  char *value;

  g_return_val_if_fail (SCS_IS_RECORD (self), "");
  if ((f = lookup (self, name, is_text_kind)) == NULL)
    return "";
  value = *FIELD_PTR (self, f, char *);
  return value != NULL ? value : "";
}

static gboolean
choice_allowed (const ScsField *f,
                const char     *value)
{
  if (f->kind != SCS_FIELD_CHOICE || value[0] == '\0')
    return TRUE;
  for (guint i = 0; f->choices[i] != NULL; i++)
    if (g_str_equal (f->choices[i], value))
      return TRUE;
  return FALSE;
}

static gboolean check_text_value (const ScsField *f,
                                  const char     *value,
                                  const char     *path,
                                  GError        **error);

/* Stores value, which the caller has checked and made valid UTF-8. */
static void
store_string_field (ScsRecord      *self,
                    const ScsField *f,
                    const char     *value)
{
  char **slot = FIELD_PTR (self, f, char *);
  GValue old = G_VALUE_INIT;

  if (g_strcmp0 (*slot != NULL ? *slot : "", value) == 0)
    return;
  field_value (self, f, &old);
  g_free (*slot);
  *slot = g_strdup (value);
  notify_change (self, f);
  announce_edit (self, f, &old);
}

/* Text from outside (a paste, an import, a file name) may hold bytes that are not UTF-8.
 * They are replaced with U+FFFD rather than refused: the rest of what was typed is worth
 * keeping, and JSON cannot hold them. */
static char *
valid_utf8 (const char *value)
{
  return g_utf8_make_valid (value != NULL ? value : "", -1);
}

static void
set_string_field (ScsRecord      *self,
                  const ScsField *f,
                  const char     *value)
{
  g_autofree char *valid = valid_utf8 (value);
  g_autoptr(GError) error = NULL;

  /* Code that sets a value the member's kind forbids has a bug; what a user typed goes
   * through scs_record_try_set_string, which says what is wrong. */
  if (!check_text_value (f, valid, f->name, &error))
    {
      g_critical ("%s: %s", G_OBJECT_TYPE_NAME (self), error->message);
      return;
    }
  store_string_field (self, f, valid);
}

void
scs_record_set_string (ScsRecord  *self,
                       const char *name,
                       const char *value)
{
  const ScsField *f;

  g_return_if_fail (SCS_IS_RECORD (self));
  if ((f = lookup (self, name, is_text_kind)) != NULL)
    set_string_field (self, f, value);
}

gboolean
scs_record_check_string (ScsRecord   *self,
                         const char  *name,
                         const char  *value,
                         GError     **error)
{
  const ScsField *f;
  g_autofree char *valid = NULL;

  g_return_val_if_fail (SCS_IS_RECORD (self), FALSE);
  if ((f = lookup (self, name, is_text_kind)) == NULL)
    return FALSE;
  valid = valid_utf8 (value);
  return check_text_value (f, valid, f->name, error);
}

gboolean
scs_record_try_set_string (ScsRecord   *self,
                           const char  *name,
                           const char  *value,
                           GError     **error)
{
  g_autofree char *valid = NULL;

  if (!scs_record_check_string (self, name, value, error))
    return FALSE;
  valid = valid_utf8 (value);
  store_string_field (self, lookup (self, name, is_text_kind), valid);
  return TRUE;
}

gboolean
scs_record_get_boolean (ScsRecord  *self,
                        const char *name)
{
  const ScsField *f;

  g_return_val_if_fail (SCS_IS_RECORD (self), FALSE);
  if ((f = lookup (self, name, is_bool_kind)) == NULL)
    return FALSE;
  return *FIELD_PTR (self, f, gboolean);
}

static void
set_boolean_field (ScsRecord      *self,
                   const ScsField *f,
                   gboolean        value)
{
  gboolean *slot = FIELD_PTR (self, f, gboolean);
  GValue old = G_VALUE_INIT;

  value = !!value;
  if (*slot == value)
    return;
  field_value (self, f, &old);
  *slot = value;
  notify_change (self, f);
  announce_edit (self, f, &old);
}

void
scs_record_set_boolean (ScsRecord  *self,
                        const char *name,
                        gboolean    value)
{
  const ScsField *f;

  g_return_if_fail (SCS_IS_RECORD (self));
  if ((f = lookup (self, name, is_bool_kind)) != NULL)
    set_boolean_field (self, f, value);
}

gint64
scs_record_get_int (ScsRecord  *self,
                    const char *name)
{
  const ScsField *f;

  g_return_val_if_fail (SCS_IS_RECORD (self), 0);
  if ((f = lookup (self, name, is_int_kind)) == NULL)
    return 0;
  return *FIELD_PTR (self, f, gint64);
}

static void
set_int_field (ScsRecord      *self,
               const ScsField *f,
               gint64          value)
{
  gint64 *slot = FIELD_PTR (self, f, gint64);
  GValue old = G_VALUE_INIT;

  if (value < f->min || value > f->max)
    {
      g_critical ("%" G_GINT64_FORMAT " is out of range for %s.%s",
                  value, G_OBJECT_TYPE_NAME (self), f->name);
      return;
    }
  if (*slot == value)
    return;
  field_value (self, f, &old);
  *slot = value;
  notify_change (self, f);
  announce_edit (self, f, &old);
}

void
scs_record_set_int (ScsRecord  *self,
                    const char *name,
                    gint64      value)
{
  const ScsField *f;

  g_return_if_fail (SCS_IS_RECORD (self));
  if ((f = lookup (self, name, is_int_kind)) != NULL)
    set_int_field (self, f, value);
}

static const char * const empty_strv[] = { NULL };

const char * const *
scs_record_get_strv (ScsRecord  *self,
                     const char *name)
{
  const ScsField *f;
  char **value;

  g_return_val_if_fail (SCS_IS_RECORD (self), empty_strv);
  if ((f = lookup (self, name, is_strv_kind)) == NULL)
    return empty_strv;
  value = *FIELD_PTR (self, f, char **);
  return value != NULL ? (const char * const *) value : empty_strv;
}

static void
set_strv_field (ScsRecord           *self,
                const ScsField      *f,
                const char * const  *value)
{
  char ***slot = FIELD_PTR (self, f, char **);
  const char * const *current = *slot != NULL ? (const char * const *) *slot : empty_strv;
  GValue old = G_VALUE_INIT;

  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) valid = NULL;

  for (guint i = 0; value != NULL && value[i] != NULL; i++)
    {
      g_autofree char *item = valid_utf8 (value[i]);

      g_strv_builder_add (builder, item);
    }
  valid = g_strv_builder_end (builder);
  if (g_strv_equal (current, (const char * const *) valid))
    return;
  field_value (self, f, &old);
  g_strfreev (*slot);
  *slot = g_steal_pointer (&valid);
  notify_change (self, f);
  announce_edit (self, f, &old);
}

void
scs_record_set_strv (ScsRecord          *self,
                     const char         *name,
                     const char * const *value)
{
  const ScsField *f;

  g_return_if_fail (SCS_IS_RECORD (self));
  if ((f = lookup (self, name, is_strv_kind)) != NULL)
    set_strv_field (self, f, value);
}

gpointer
scs_record_get_object (ScsRecord  *self,
                       const char *name)
{
  const ScsField *f;

  g_return_val_if_fail (SCS_IS_RECORD (self), NULL);
  if ((f = lookup (self, name, is_object_kind)) == NULL)
    return NULL;
  return *FIELD_PTR (self, f, gpointer);
}

GListModel *
scs_record_get_list (ScsRecord  *self,
                     const char *name)
{
  const ScsField *f;

  g_return_val_if_fail (SCS_IS_RECORD (self), NULL);
  if ((f = lookup (self, name, is_list_kind)) == NULL)
    return NULL;
  return *FIELD_PTR (self, f, GListModel *);
}

gboolean
scs_record_is_blank (ScsRecord *self)
{
  ScsRecordClass *klass = SCS_RECORD_GET_CLASS (self);
  ScsRecordPrivate *priv = scs_record_get_instance_private (self);

  if (priv->extra != NULL && json_object_get_size (priv->extra) > 0)
    return FALSE;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ScsField *f = &klass->fields[i];

      if (f->kind == SCS_FIELD_ID || (f->flags & (SCS_FIELD_TRANSIENT | SCS_FIELD_KEY)))
        continue;
      switch (f->kind)
        {
        case SCS_FIELD_STRING:
        case SCS_FIELD_CHOICE:
        case SCS_FIELD_DATE:
        case SCS_FIELD_TIME:
        case SCS_FIELD_DATETIME:
          {
            char *v = *FIELD_PTR (self, f, char *);
            if (v != NULL && v[0] != '\0')
              return FALSE;
          }
          break;
        case SCS_FIELD_BOOLEAN:
          if (*FIELD_PTR (self, f, gboolean))
            return FALSE;
          break;
        case SCS_FIELD_INT:
          if (*FIELD_PTR (self, f, gint64) != f->fallback)
            return FALSE;
          break;
        case SCS_FIELD_STRV:
          {
            char **v = *FIELD_PTR (self, f, char **);
            if (v != NULL && v[0] != NULL)
              return FALSE;
          }
          break;
        case SCS_FIELD_OBJECT:
          if (!scs_record_is_blank (*FIELD_PTR (self, f, ScsRecord *)))
            return FALSE;
          break;
        case SCS_FIELD_LIST:
          if (g_list_model_get_n_items (*FIELD_PTR (self, f, GListModel *)) > 0)
            return FALSE;
          break;
        case SCS_FIELD_ID:
        default:
          break;
        }
    }
  return TRUE;
}

static void
scs_record_constructed (GObject *object)
{
  ScsRecord *self = SCS_RECORD (object);
  ScsRecordClass *klass = SCS_RECORD_GET_CLASS (self);

  G_OBJECT_CLASS (scs_record_parent_class)->constructed (object);

  /* Done here, not in init: only now does the instance have its final class and table. */
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ScsField *f = &klass->fields[i];

      switch (f->kind)
        {
        case SCS_FIELD_INT:
          *FIELD_PTR (self, f, gint64) = f->fallback;
          break;
        case SCS_FIELD_OBJECT:
          {
            ScsRecord *child = g_object_new (f->child_type (), NULL);
            set_parent (child, self);
            *FIELD_PTR (self, f, ScsRecord *) = child;
          }
          break;
        case SCS_FIELD_LIST:
          {
            GListStore *store = g_list_store_new (f->child_type ());
            g_signal_connect_object (store, "items-changed",
                                     G_CALLBACK (on_list_items_changed), self, 0);
            *FIELD_PTR (self, f, GListStore *) = store;
          }
          break;
        case SCS_FIELD_STRING:
        case SCS_FIELD_ID:
        case SCS_FIELD_CHOICE:
        case SCS_FIELD_DATE:
        case SCS_FIELD_TIME:
        case SCS_FIELD_DATETIME:
        case SCS_FIELD_BOOLEAN:
        case SCS_FIELD_STRV:
        default:
          break;
        }
    }
}

static void
scs_record_finalize (GObject *object)
{
  ScsRecord *self = SCS_RECORD (object);
  ScsRecordClass *klass = SCS_RECORD_GET_CLASS (self);
  ScsRecordPrivate *priv = scs_record_get_instance_private (self);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ScsField *f = &klass->fields[i];

      if (is_text_kind (f->kind))
        g_clear_pointer (FIELD_PTR (self, f, char *), g_free);
      else if (f->kind == SCS_FIELD_STRV)
        g_clear_pointer (FIELD_PTR (self, f, char **), g_strfreev);
      else if (f->kind == SCS_FIELD_OBJECT || f->kind == SCS_FIELD_LIST)
        g_clear_object (FIELD_PTR (self, f, GObject *));
    }
  g_clear_pointer (&priv->extra, json_object_unref);
  g_weak_ref_clear (&priv->parent);

  G_OBJECT_CLASS (scs_record_parent_class)->finalize (object);
}

static void
scs_record_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ScsRecord *self = SCS_RECORD (object);
  const ScsField *f = field_of_pspec (self, pspec);

  switch (f->kind)
    {
    case SCS_FIELD_STRING:
    case SCS_FIELD_ID:
    case SCS_FIELD_CHOICE:
    case SCS_FIELD_DATE:
    case SCS_FIELD_TIME:
    case SCS_FIELD_DATETIME:
      g_value_set_string (value, scs_record_get_string (self, f->name));
      break;
    case SCS_FIELD_BOOLEAN:
      g_value_set_boolean (value, *FIELD_PTR (self, f, gboolean));
      break;
    case SCS_FIELD_INT:
      g_value_set_int64 (value, *FIELD_PTR (self, f, gint64));
      break;
    case SCS_FIELD_STRV:
      g_value_set_boxed (value, scs_record_get_strv (self, f->name));
      break;
    case SCS_FIELD_OBJECT:
    case SCS_FIELD_LIST:
      g_value_set_object (value, *FIELD_PTR (self, f, GObject *));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_record_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ScsRecord *self = SCS_RECORD (object);
  const ScsField *f = field_of_pspec (self, pspec);

  switch (f->kind)
    {
    case SCS_FIELD_STRING:
    case SCS_FIELD_ID:
    case SCS_FIELD_CHOICE:
    case SCS_FIELD_DATE:
    case SCS_FIELD_TIME:
    case SCS_FIELD_DATETIME:
      set_string_field (self, f, g_value_get_string (value));
      break;
    case SCS_FIELD_BOOLEAN:
      set_boolean_field (self, f, g_value_get_boolean (value));
      break;
    case SCS_FIELD_INT:
      set_int_field (self, f, g_value_get_int64 (value));
      break;
    case SCS_FIELD_STRV:
      set_strv_field (self, f, g_value_get_boxed (value));
      break;
    case SCS_FIELD_OBJECT:
    case SCS_FIELD_LIST:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_record_class_init (ScsRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = scs_record_constructed;
  object_class->finalize = scs_record_finalize;
}

static void
scs_record_init (ScsRecord *self)
{
  ScsRecordPrivate *priv = scs_record_get_instance_private (self);

  g_weak_ref_init (&priv->parent, NULL);
}

/* JSON ------------------------------------------------------------------------------ */

char *
scs_json_member_path (const char *path,
                      const char *member)
{
  return g_strdup_printf ("%s.%s", path, member);
}

char *
scs_json_element_path (const char *path,
                       guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

gboolean
scs_json_check_object (JsonNode   *node,
                       const char *path,
                       GError    **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_TYPE,
               _("%s: expected an object"), path);
  return FALSE;
}

gboolean
scs_json_check_array (JsonNode   *node,
                      const char *path,
                      GError    **error)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;
  g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_TYPE,
               _("%s: expected a list"), path);
  return FALSE;
}

gboolean
scs_json_check_string (JsonNode   *node,
                       const char *path,
                       GError    **error)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return TRUE;
  g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_TYPE,
               _("%s: expected text"), path);
  return FALSE;
}

gboolean
scs_json_check_int (JsonNode   *node,
                    const char *path,
                    GError    **error)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return TRUE;
  /* Integers beyond 64 bits never get here (scs_json_scan refuses them, as json-glib would
   * wrap them); 1e19 written with an exponent does. */
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE &&
      fabs (json_node_get_double (node)) >= 0x1p63)
    {
      char shown[G_ASCII_DTOSTR_BUF_SIZE];

      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE,
                   _("%s: %s is too large a number"), path,
                   g_ascii_formatd (shown, sizeof shown, "%g", json_node_get_double (node)));
      return FALSE;
    }
  g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_TYPE,
               _("%s: expected a whole number"), path);
  return FALSE;
}

gboolean
scs_json_check_boolean (JsonNode   *node,
                        const char *path,
                        GError    **error)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return TRUE;
  g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_TYPE,
               _("%s: expected true or false"), path);
  return FALSE;
}

JsonNode *
scs_json_require_member (JsonObject *object,
                         const char *member,
                         const char *path,
                         GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      g_autofree char *member_path = scs_json_member_path (path, member);

      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_MISSING,
                   _("%s: this required member is missing"), member_path);
    }
  return node;
}

gboolean
scs_is_valid_date (const char *text)
{
  unsigned y, m, d;
  char tail;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return y >= 1 && g_date_valid_dmy (d, m, y);
}

gboolean
scs_is_valid_time (const char *text)
{
  if (strlen (text) != 5 || text[2] != ':')
    return FALSE;
  if (!g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;
  return (text[0] - '0') * 10 + (text[1] - '0') < 24 && text[3] - '0' < 6;
}

gboolean
scs_is_valid_datetime (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  char date[11];

  /* Written as UTC with a Z; an explicit offset is read too, but a time without a zone is
   * refused, since it would mean different moments on different machines. */
  if (strlen (text) < 20 || text[10] != 'T')
    return FALSE;
  memcpy (date, text, 10);
  date[10] = '\0';
  if (!scs_is_valid_date (date))
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

char *
scs_now_datetime (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
scs_json_check_id (const char *value,
                   const char *path,
                   GError    **error)
{
  gsize len = strlen (value);

  if (len == 0)
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                   _("%s: must not be empty"), path);
      return FALSE;
    }
  if (g_ascii_isspace (value[0]) || g_ascii_isspace (value[len - 1]))
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                   _("%s: “%s” has blanks around it"), path, value);
      return FALSE;
    }
  return TRUE;
}

/* What a member of kind f->kind may hold; path names it in the message. */
static gboolean
check_text_value (const ScsField *f,
                  const char     *value,
                  const char     *path,
                  GError        **error)
{
  switch (f->kind)
    {
    case SCS_FIELD_ID:
      return scs_json_check_id (value, path, error);
    case SCS_FIELD_CHOICE:
      if (!choice_allowed (f, value))
        {
          g_autofree char *allowed = g_strjoinv (", ", (char **) f->choices);

          g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                       _("%s: “%s” is not one of: %s"), path, value, allowed);
          return FALSE;
        }
      return TRUE;
    case SCS_FIELD_DATE:
      if (value[0] != '\0' && !scs_is_valid_date (value))
        {
          g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                       _("%s: “%s” is not a date of the form YYYY-MM-DD"), path, value);
          return FALSE;
        }
      return TRUE;
    case SCS_FIELD_TIME:
      if (value[0] != '\0' && !scs_is_valid_time (value))
        {
          g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                       _("%s: “%s” is not a time of the form HH:MM"), path, value);
          return FALSE;
        }
      return TRUE;
    case SCS_FIELD_DATETIME:
      if (value[0] != '\0' && !scs_is_valid_datetime (value))
        {
          g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                       _("%s: “%s” is not a date and time with a time zone"), path, value);
          return FALSE;
        }
      return TRUE;
    case SCS_FIELD_STRING:
    case SCS_FIELD_BOOLEAN:
    case SCS_FIELD_INT:
    case SCS_FIELD_STRV:
    case SCS_FIELD_OBJECT:
    case SCS_FIELD_LIST:
    default:
      return TRUE;
    }
}

static gboolean
load_text_field (ScsRecord      *self,
                 const ScsField *f,
                 JsonNode       *member,
                 const char     *path,
                 GError        **error)
{
  const char *value;

  if (!scs_json_check_string (member, path, error))
    return FALSE;
  value = json_node_get_string (member);
  if (!check_text_value (f, value, path, error))
    return FALSE;

  g_free (*FIELD_PTR (self, f, char *));
  *FIELD_PTR (self, f, char *) = g_strdup (value);
  return TRUE;
}

static gboolean
load_list_field (ScsRecord      *self,
                 const ScsField *f,
                 JsonNode       *member,
                 const char     *path,
                 GError        **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  if (!scs_json_check_array (member, path, error))
    return FALSE;
  array = json_node_get_array (member);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = scs_json_element_path (path, i);
      ScsRecord *item = g_object_new (f->child_type (), NULL);

      g_ptr_array_add (items, item);
      if (!scs_record_load (item, json_array_get_element (array, i), item_path, error))
        return FALSE;
    }
  g_list_store_splice (*FIELD_PTR (self, f, GListStore *), 0,
                       g_list_model_get_n_items (*FIELD_PTR (self, f, GListModel *)),
                       items->pdata, items->len);
  return TRUE;
}

static gboolean
load_field (ScsRecord      *self,
            const ScsField *f,
            JsonNode       *member,
            const char     *path,
            GError        **error)
{
  switch (f->kind)
    {
    case SCS_FIELD_STRING:
    case SCS_FIELD_ID:
    case SCS_FIELD_CHOICE:
    case SCS_FIELD_DATE:
    case SCS_FIELD_TIME:
    case SCS_FIELD_DATETIME:
      return load_text_field (self, f, member, path, error);

    case SCS_FIELD_BOOLEAN:
      if (!scs_json_check_boolean (member, path, error))
        return FALSE;
      *FIELD_PTR (self, f, gboolean) = json_node_get_boolean (member);
      return TRUE;

    case SCS_FIELD_INT:
      {
        gint64 v;

        if (!scs_json_check_int (member, path, error))
          return FALSE;
        v = json_node_get_int (member);
        if (v < f->min || v > f->max)
          {
            /* Plain %lld: xgettext cannot see through G_GINT64_FORMAT. */
            g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                         _("%s: %lld is outside %lld–%lld"), path, (long long) v,
                         (long long) f->min, (long long) f->max);
            return FALSE;
          }
        *FIELD_PTR (self, f, gint64) = v;
        return TRUE;
      }

    case SCS_FIELD_STRV:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        JsonArray *array;

        if (!scs_json_check_array (member, path, error))
          return FALSE;
        array = json_node_get_array (member);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autofree char *item_path = scs_json_element_path (path, i);
            JsonNode *element = json_array_get_element (array, i);

            if (!scs_json_check_string (element, item_path, error))
              return FALSE;
            g_strv_builder_add (builder, json_node_get_string (element));
          }
        g_strfreev (*FIELD_PTR (self, f, char **));
        *FIELD_PTR (self, f, char **) = g_strv_builder_end (builder);
        return TRUE;
      }

    case SCS_FIELD_OBJECT:
      return scs_record_load (*FIELD_PTR (self, f, ScsRecord *), member, path, error);

    case SCS_FIELD_LIST:
      return load_list_field (self, f, member, path, error);

    default:
      g_assert_not_reached ();
    }
}

gboolean
scs_record_load (ScsRecord  *self,
                 JsonNode   *node,
                 const char *path,
                 GError    **error)
{
  ScsRecordClass *klass = SCS_RECORD_GET_CLASS (self);
  ScsRecordPrivate *priv = scs_record_get_instance_private (self);
  JsonObject *object;
  g_autoptr(GList) members = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SCS_IS_RECORD (self), FALSE);

  if (!scs_json_check_object (node, path, error))
    return FALSE;
  object = json_node_get_object (node);

  scs_record_freeze_changes (self);

  for (guint i = 0; ok && i < klass->n_fields; i++)
    {
      const ScsField *f = &klass->fields[i];
      g_autofree char *member_path = scs_json_member_path (path, f->name);
      JsonNode *member = json_object_get_member (object, f->name);

      if (member == NULL)
        {
          if (f->flags & SCS_FIELD_REQUIRED)
            ok = scs_json_require_member (object, f->name, path, error) != NULL;
          continue;
        }
      ok = load_field (self, f, member, member_path, error);
    }

  members = json_object_get_members (object);
  for (GList *l = members; ok && l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (scs_record_find_field (self, name) != NULL)
        continue;
      if (priv->extra == NULL)
        priv->extra = json_object_new ();
      json_object_set_member (priv->extra, name,
                              json_node_copy (json_object_get_member (object, name)));
    }

  scs_record_thaw_changes (self);
  return ok;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
field_is_blank (ScsRecord      *self,
                const ScsField *f)
{
  switch (f->kind)
    {
    case SCS_FIELD_STRING:
    case SCS_FIELD_ID:
    case SCS_FIELD_CHOICE:
    case SCS_FIELD_DATE:
    case SCS_FIELD_TIME:
    case SCS_FIELD_DATETIME:
      return scs_record_get_string (self, f->name)[0] == '\0';
    case SCS_FIELD_OBJECT:
      return scs_record_is_blank (*FIELD_PTR (self, f, ScsRecord *));
    case SCS_FIELD_BOOLEAN:
    case SCS_FIELD_INT:
    case SCS_FIELD_STRV:
    case SCS_FIELD_LIST:
    default:
      return FALSE;
    }
}

void
scs_record_save (ScsRecord   *self,
                 JsonBuilder *builder)
{
  ScsRecordClass *klass = SCS_RECORD_GET_CLASS (self);
  ScsRecordPrivate *priv = scs_record_get_instance_private (self);

  json_builder_begin_object (builder);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const ScsField *f = &klass->fields[i];

      if ((f->flags & SCS_FIELD_OMIT_BLANK) && field_is_blank (self, f))
        continue;
      json_builder_set_member_name (builder, f->name);
      switch (f->kind)
        {
        case SCS_FIELD_STRING:
        case SCS_FIELD_ID:
        case SCS_FIELD_CHOICE:
        case SCS_FIELD_DATE:
        case SCS_FIELD_TIME:
        case SCS_FIELD_DATETIME:
          json_builder_add_string_value (builder, scs_record_get_string (self, f->name));
          break;
        case SCS_FIELD_BOOLEAN:
          json_builder_add_boolean_value (builder, *FIELD_PTR (self, f, gboolean));
          break;
        case SCS_FIELD_INT:
          json_builder_add_int_value (builder, *FIELD_PTR (self, f, gint64));
          break;
        case SCS_FIELD_STRV:
          {
            const char * const *v = scs_record_get_strv (self, f->name);

            json_builder_begin_array (builder);
            for (guint j = 0; v[j] != NULL; j++)
              json_builder_add_string_value (builder, v[j]);
            json_builder_end_array (builder);
          }
          break;
        case SCS_FIELD_OBJECT:
          scs_record_save (*FIELD_PTR (self, f, ScsRecord *), builder);
          break;
        case SCS_FIELD_LIST:
          {
            GListModel *list = *FIELD_PTR (self, f, GListModel *);

            json_builder_begin_array (builder);
            for (guint j = 0; j < g_list_model_get_n_items (list); j++)
              {
                g_autoptr(ScsRecord) item = g_list_model_get_item (list, j);

                /* A record the app made but nobody filled in is not worth a line. */
                if (!SCS_RECORD_GET_CLASS (item)->omit_when_blank || !scs_record_is_blank (item))
                  scs_record_save (item, builder);
              }
            json_builder_end_array (builder);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* Unknown members go after the known ones, sorted, so the output does not depend on
   * the order the file had. */
  if (priv->extra != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (priv->extra);
      g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

      for (GList *l = names; l != NULL; l = l->next)
        g_ptr_array_add (sorted, l->data);
      g_ptr_array_sort (sorted, compare_strings);
      for (guint i = 0; i < sorted->len; i++)
        {
          const char *name = g_ptr_array_index (sorted, i);

          json_builder_set_member_name (builder, name);
          json_builder_add_value (builder,
                                  json_node_copy (json_object_get_member (priv->extra, name)));
        }
    }

  json_builder_end_object (builder);
}

JsonNode *
scs_record_to_node (ScsRecord *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  scs_record_save (self, builder);
  return json_builder_get_root (builder);
}
