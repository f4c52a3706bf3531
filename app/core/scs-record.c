/* scs-record.c — base class of the engagement's records: fields, properties, typed accessors,
 * the changed() and edited() class hooks (JSON is scs-record-json.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <math.h>
#include <string.h>

#include "scs-error.h"
#include "scs-record-private.h"

typedef struct
{
  GWeakRef    parent;
  JsonObject *extra;   /* members unknown to this version, written back on save */
  guint       freeze;
} ScsRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ScsRecord, scs_record, G_TYPE_OBJECT)

JsonObject **
scs_record_get_extra (ScsRecord *self)
{
  ScsRecordPrivate *priv = scs_record_get_instance_private (self);

  return &priv->extra;
}

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
  value = *SCS_RECORD_FIELD_PTR (self, f, char *);
  return value != NULL ? value : "";
}

gboolean
scs_record_choice_allowed (const ScsField *f,
                           const char     *value)
{
  if (f->kind != SCS_FIELD_CHOICE || value[0] == '\0')
    return TRUE;
  for (guint i = 0; f->choices[i] != NULL; i++)
    if (g_str_equal (f->choices[i], value))
      return TRUE;
  return FALSE;
}

/* Stores value, which the caller has checked and made valid UTF-8. */
static void
store_string_field (ScsRecord      *self,
                    const ScsField *f,
                    const char     *value)
{
  char **slot = SCS_RECORD_FIELD_PTR (self, f, char *);
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
  if (!scs_record_check_text_value (f, valid, f->name, &error))
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
  return scs_record_check_text_value (f, valid, f->name, error);
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
  return *SCS_RECORD_FIELD_PTR (self, f, gboolean);
}

/* Booleans and integers: the one place either is stored, with the notifications every
 * change gives. An integer out of its field's range is a programming error. */
static void
set_scalar_field (ScsRecord      *self,
                  const ScsField *f,
                  gint64          value)
{
  GValue old = G_VALUE_INIT;

  if (f->kind == SCS_FIELD_BOOLEAN)
    {
      gboolean *slot = SCS_RECORD_FIELD_PTR (self, f, gboolean);

      if (*slot == !!value)
        return;
      field_value (self, f, &old);
      *slot = !!value;
    }
  else
    {
      gint64 *slot = SCS_RECORD_FIELD_PTR (self, f, gint64);

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
    }
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
    set_scalar_field (self, f, value);
}

gint64
scs_record_get_int (ScsRecord  *self,
                    const char *name)
{
  const ScsField *f;

  g_return_val_if_fail (SCS_IS_RECORD (self), 0);
  if ((f = lookup (self, name, is_int_kind)) == NULL)
    return 0;
  return *SCS_RECORD_FIELD_PTR (self, f, gint64);
}

void
scs_record_set_int (ScsRecord  *self,
                    const char *name,
                    gint64      value)
{
  const ScsField *f;

  g_return_if_fail (SCS_IS_RECORD (self));
  if ((f = lookup (self, name, is_int_kind)) != NULL)
    set_scalar_field (self, f, value);
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
  value = *SCS_RECORD_FIELD_PTR (self, f, char **);
  return value != NULL ? (const char * const *) value : empty_strv;
}

static void
set_strv_field (ScsRecord           *self,
                const ScsField      *f,
                const char * const  *value)
{
  char ***slot = SCS_RECORD_FIELD_PTR (self, f, char **);
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
  return *SCS_RECORD_FIELD_PTR (self, f, gpointer);
}

GListModel *
scs_record_get_list (ScsRecord  *self,
                     const char *name)
{
  const ScsField *f;

  g_return_val_if_fail (SCS_IS_RECORD (self), NULL);
  if ((f = lookup (self, name, is_list_kind)) == NULL)
    return NULL;
  return *SCS_RECORD_FIELD_PTR (self, f, GListModel *);
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
            char *v = *SCS_RECORD_FIELD_PTR (self, f, char *);
            if (v != NULL && v[0] != '\0')
              return FALSE;
          }
          break;
        case SCS_FIELD_BOOLEAN:
          if (*SCS_RECORD_FIELD_PTR (self, f, gboolean))
            return FALSE;
          break;
        case SCS_FIELD_INT:
          if (*SCS_RECORD_FIELD_PTR (self, f, gint64) != f->fallback)
            return FALSE;
          break;
        case SCS_FIELD_STRV:
          {
            char **v = *SCS_RECORD_FIELD_PTR (self, f, char **);
            if (v != NULL && v[0] != NULL)
              return FALSE;
          }
          break;
        case SCS_FIELD_OBJECT:
          if (!scs_record_is_blank (*SCS_RECORD_FIELD_PTR (self, f, ScsRecord *)))
            return FALSE;
          break;
        case SCS_FIELD_LIST:
          if (g_list_model_get_n_items (*SCS_RECORD_FIELD_PTR (self, f, GListModel *)) > 0)
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
          *SCS_RECORD_FIELD_PTR (self, f, gint64) = f->fallback;
          break;
        case SCS_FIELD_OBJECT:
          {
            ScsRecord *child = g_object_new (f->child_type (), NULL);
            set_parent (child, self);
            *SCS_RECORD_FIELD_PTR (self, f, ScsRecord *) = child;
          }
          break;
        case SCS_FIELD_LIST:
          {
            GListStore *store = g_list_store_new (f->child_type ());
            g_signal_connect_object (store, "items-changed",
                                     G_CALLBACK (on_list_items_changed), self, 0);
            *SCS_RECORD_FIELD_PTR (self, f, GListStore *) = store;
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
        g_clear_pointer (SCS_RECORD_FIELD_PTR (self, f, char *), g_free);
      else if (f->kind == SCS_FIELD_STRV)
        g_clear_pointer (SCS_RECORD_FIELD_PTR (self, f, char **), g_strfreev);
      else if (f->kind == SCS_FIELD_OBJECT || f->kind == SCS_FIELD_LIST)
        g_clear_object (SCS_RECORD_FIELD_PTR (self, f, GObject *));
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

  if (is_text_kind (f->kind))
    {
      g_value_set_string (value, scs_record_get_string (self, f->name));
      return;
    }
  switch (f->kind)
    {
    case SCS_FIELD_BOOLEAN:
      g_value_set_boolean (value, *SCS_RECORD_FIELD_PTR (self, f, gboolean));
      break;
    case SCS_FIELD_INT:
      g_value_set_int64 (value, *SCS_RECORD_FIELD_PTR (self, f, gint64));
      break;
    case SCS_FIELD_STRV:
      g_value_set_boxed (value, scs_record_get_strv (self, f->name));
      break;
    case SCS_FIELD_OBJECT:
    case SCS_FIELD_LIST:
      g_value_set_object (value, *SCS_RECORD_FIELD_PTR (self, f, GObject *));
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

  if (is_text_kind (f->kind))
    {
      set_string_field (self, f, g_value_get_string (value));
      return;
    }
  switch (f->kind)
    {
    case SCS_FIELD_BOOLEAN:
      set_scalar_field (self, f, g_value_get_boolean (value));
      break;
    case SCS_FIELD_INT:
      set_scalar_field (self, f, g_value_get_int64 (value));
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
