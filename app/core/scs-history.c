/* scs-history.c — undo and redo of every edit of an engagement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "scs-error.h"
#include "scs-history.h"
#include "scs-scoring.h"

typedef enum { STEP_SET, STEP_INSERT, STEP_REMOVE } StepKind;

typedef struct {
  StepKind    kind;
  ScsRecord  *record;     /* SET: the record; INSERT/REMOVE: the list's owner */
  char       *property;   /* SET */
  GValue      old_value;  /* SET */
  GValue      new_value;  /* SET */
  GListStore *list;       /* INSERT/REMOVE */
  guint       position;
  ScsRecord  *item;       /* INSERT/REMOVE */
  gint64      time;       /* monotonic µs, for coalescing */
  guint       group;      /* steps of one group undo and redo together; 0: alone */
} Step;

struct _ScsHistory
{
  GObject        parent_instance;
  ScsEngagement *engagement;
  GPtrArray     *undo;      /* Step, oldest first */
  GPtrArray     *redo;      /* Step, next to redo last */
  gboolean       replaying; /* edits made by undo/redo are not recorded */
  gboolean       sealed;
  guint          group_depth;
  guint          group;     /* of the open group */
  guint          last_group;
};

G_DEFINE_FINAL_TYPE (ScsHistory, scs_history, G_TYPE_OBJECT)

enum { PROP_0, PROP_CAN_UNDO, PROP_CAN_REDO, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Typing pauses longer than this start a new step. */
#define COALESCE_USEC (3 * G_USEC_PER_SEC)

static void
step_free (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->record);
  g_free (step->property);
  if (G_IS_VALUE (&step->old_value))
    g_value_unset (&step->old_value);
  if (G_IS_VALUE (&step->new_value))
    g_value_unset (&step->new_value);
  g_clear_object (&step->list);
  g_clear_object (&step->item);
  g_free (step);
}

static void
notify_state (ScsHistory *self,
              gboolean    could_undo,
              gboolean    could_redo)
{
  if (could_undo != scs_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != scs_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
push (ScsHistory *self,
      Step       *step)
{
  gboolean could_undo = scs_history_can_undo (self);
  gboolean could_redo = scs_history_can_redo (self);

  g_ptr_array_set_size (self->redo, 0);
  step->group = self->group_depth > 0 ? self->group : 0;
  g_ptr_array_add (self->undo, step);
  self->sealed = FALSE;
  notify_state (self, could_undo, could_redo);
}

static void
on_edited (ScsEngagement *engagement,
           ScsRecord     *record,
           const char    *property,
           const GValue  *old_value,
           ScsHistory    *self)
{
  Step *last = self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  gint64 now = g_get_monotonic_time ();
  Step *step;

  if (self->replaying)
    return;

  if (last != NULL && !self->sealed && last->kind == STEP_SET && last->record == record &&
      g_str_equal (last->property, property) && G_VALUE_HOLDS_STRING (old_value) &&
      now - last->time < COALESCE_USEC && self->redo->len == 0)
    {
      g_value_reset (&last->new_value);
      g_object_get_property (G_OBJECT (record), property, &last->new_value);
      last->time = now;
      return;
    }

  step = g_new0 (Step, 1);
  step->kind = STEP_SET;
  step->record = g_object_ref (record);
  step->property = g_strdup (property);
  g_value_init (&step->old_value, G_VALUE_TYPE (old_value));
  g_value_copy (old_value, &step->old_value);
  g_value_init (&step->new_value, G_VALUE_TYPE (old_value));
  g_object_get_property (G_OBJECT (record), property, &step->new_value);
  step->time = now;
  push (self, step);
}

static void
list_step (ScsHistory *self,
           StepKind    kind,
           ScsRecord  *owner,
           GListStore *list,
           guint       position,
           ScsRecord  *item)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->record = g_object_ref (owner);
  step->list = g_object_ref (list);
  step->position = position;
  step->item = g_object_ref (item);
  step->time = g_get_monotonic_time ();
  push (self, step);
}

void
scs_history_insert (ScsHistory *self,
                    ScsRecord  *owner,
                    GListStore *list,
                    guint       position,
                    ScsRecord  *item)
{
  g_return_if_fail (SCS_IS_HISTORY (self));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (list)));

  g_list_store_insert (list, position, item);
  list_step (self, STEP_INSERT, owner, list, position, item);
}

void
scs_history_remove (ScsHistory *self,
                    ScsRecord  *owner,
                    GListStore *list,
                    guint       position)
{
  g_autoptr(ScsRecord) item = NULL;

  g_return_if_fail (SCS_IS_HISTORY (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (list)));

  item = g_list_model_get_item (G_LIST_MODEL (list), position);
  g_list_store_remove (list, position);
  list_step (self, STEP_REMOVE, owner, list, position, item);
}

/* text without the blanks of any script around it (U+3000 is what a Japanese IME types). */
static char *
strip_blanks (const char *text)
{
  const char *start = text, *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, (gsize) (end - start));
}

ScsRecord *
scs_history_cite_document_title (ScsHistory  *self,
                                 ScsRecord   *procedure,
                                 const char  *title,
                                 GError     **error)
{
  g_autofree char *valid = NULL;
  g_autofree char *stripped = NULL;
  g_autoptr(ScsRecord) reference = NULL;
  ScsRecord *doc;
  GListStore *refs;

  g_return_val_if_fail (SCS_IS_HISTORY (self), NULL);
  g_return_val_if_fail (SCS_IS_PROCEDURE (procedure), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  valid = g_utf8_make_valid (title, -1);
  stripped = strip_blanks (valid);
  if (stripped[0] == '\0')
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_INVALID_VALUE,
                   _("A document to cite needs a name."));
      return NULL;
    }

  scs_history_seal (self);
  scs_history_begin_group (self);
  doc = scs_engagement_find_document_by_title (self->engagement, stripped);
  if (doc == NULL)
    {
      GListStore *documents =
        G_LIST_STORE (scs_record_get_list (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_DOCUMENTS));
      g_autofree char *id = scs_engagement_new_document_id (self->engagement);
      g_autoptr(ScsRecord) entry = g_object_new (SCS_TYPE_DOCUMENT, NULL);

      scs_record_set_string (entry, SCS_M_DOCUMENT_ID, id);
      scs_record_set_string (entry, SCS_M_DOCUMENT_TITLE, stripped);
      scs_record_set_string (entry, SCS_M_DOCUMENT_KIND, "other");
      scs_history_insert (self, SCS_RECORD (self->engagement), documents,
                          g_list_model_get_n_items (G_LIST_MODEL (documents)), entry);
      doc = entry;
    }
  reference = g_object_new (SCS_TYPE_REFERENCE, NULL);
  scs_record_set_string (reference, SCS_M_REFERENCE_DOCUMENT,
                         scs_record_get_string (doc, SCS_M_DOCUMENT_ID));
  scs_record_set_string (reference, SCS_M_REFERENCE_VERSION,
                         scs_record_get_string (doc, SCS_M_DOCUMENT_VERSION));
  scs_record_set_string (reference, SCS_M_REFERENCE_DATE,
                         scs_record_get_string (doc, SCS_M_DOCUMENT_DATE));
  refs = G_LIST_STORE (scs_record_get_list (procedure, SCS_M_PROCEDURE_REFS));
  scs_history_insert (self, procedure, refs, g_list_model_get_n_items (G_LIST_MODEL (refs)),
                      reference);
  scs_history_end_group (self);
  return reference;
}

guint
scs_history_set_level (ScsHistory *self,
                       ScsLevel    level)
{
  g_return_val_if_fail (SCS_IS_HISTORY (self), 0);
  g_return_val_if_fail (scs_framework_has_level (scs_engagement_get_framework (self->engagement), level), 0);

  scs_history_seal (self);
  scs_record_set_int (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_LEVEL, level);
  return scs_engagement_count_hidden_answers (self->engagement, level);
}

guint
scs_history_set_verdict_scale (ScsHistory *self,
                               const char *scale_id,
                               guint      *kept)
{
  ScsFramework *framework;
  const ScsScale *to;
  GListModel *list;
  guint changed = 0;

  g_return_val_if_fail (SCS_IS_HISTORY (self), 0);
  framework = scs_engagement_get_framework (self->engagement);
  to = scs_framework_get_verdict_scale (framework, scale_id);
  g_return_val_if_fail (to != NULL, 0);

  list = scs_engagement_get_assessments (self->engagement);
  scs_history_seal (self);
  scs_history_begin_group (self);
  scs_record_set_string (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_VERDICT_SCALE, scale_id);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (list, i);
      const char *verdict = scs_assessment_get_verdict (a);
      const char *carried;

      if (verdict[0] == '\0' || scs_scale_lookup (to, verdict) != NULL)
        continue;
      carried = scs_verdict_carry_over (framework, verdict, to);
      if (carried == NULL)
        continue;
      scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_VERDICT, carried);
      changed++;
    }
  scs_history_end_group (self);
  if (kept != NULL)
    *kept = scs_engagement_count_foreign_verdicts (self->engagement);
  return changed;
}

static void
apply (ScsHistory *self,
       Step       *step,
       gboolean    forward)
{
  gboolean insert;

  self->replaying = TRUE;
  switch (step->kind)
    {
    case STEP_SET:
      g_object_set_property (G_OBJECT (step->record), step->property,
                             forward ? &step->new_value : &step->old_value);
      break;
    case STEP_INSERT:
    case STEP_REMOVE:
      insert = (step->kind == STEP_INSERT) == forward;
      if (insert)
        g_list_store_insert (step->list, step->position, step->item);
      else
        g_list_store_remove (step->list, step->position);
      break;
    default:
      g_assert_not_reached ();
    }
  self->replaying = FALSE;
}

static ScsRecord *
move (ScsHistory *self,
      GPtrArray  *from,
      GPtrArray  *to,
      gboolean    forward)
{
  gboolean could_undo = scs_history_can_undo (self);
  gboolean could_redo = scs_history_can_redo (self);
  Step *step;

  if (from->len == 0)
    return NULL;
  /* A group goes back or forth as one step. */
  do
    {
      step = g_ptr_array_steal_index (from, from->len - 1);
      apply (self, step, forward);
      g_ptr_array_add (to, step);
    }
  while (step->group != 0 && from->len > 0 &&
         ((Step *) g_ptr_array_index (from, from->len - 1))->group == step->group);
  self->sealed = TRUE;
  notify_state (self, could_undo, could_redo);
  return step->record;
}

ScsRecord *
scs_history_undo (ScsHistory *self)
{
  g_return_val_if_fail (SCS_IS_HISTORY (self), NULL);
  return move (self, self->undo, self->redo, FALSE);
}

ScsRecord *
scs_history_redo (ScsHistory *self)
{
  g_return_val_if_fail (SCS_IS_HISTORY (self), NULL);
  return move (self, self->redo, self->undo, TRUE);
}

gboolean
scs_history_can_undo (ScsHistory *self)
{
  return self->undo->len > 0;
}

gboolean
scs_history_can_redo (ScsHistory *self)
{
  return self->redo->len > 0;
}

void
scs_history_seal (ScsHistory *self)
{
  g_return_if_fail (SCS_IS_HISTORY (self));
  self->sealed = TRUE;
}

void
scs_history_begin_group (ScsHistory *self)
{
  g_return_if_fail (SCS_IS_HISTORY (self));
  if (self->group_depth++ == 0)
    {
      self->group = ++self->last_group;
      self->sealed = TRUE;
    }
}

void
scs_history_end_group (ScsHistory *self)
{
  g_return_if_fail (SCS_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);
  if (--self->group_depth == 0)
    self->sealed = TRUE;
}

void
scs_history_clear (ScsHistory *self)
{
  gboolean could_undo = scs_history_can_undo (self);
  gboolean could_redo = scs_history_can_redo (self);

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
}

static void
scs_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ScsHistory *self = SCS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, scs_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, scs_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scs_history_dispose (GObject *object)
{
  ScsHistory *self = SCS_HISTORY (object);

  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_data (self->engagement, self);
  g_clear_object (&self->engagement);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (scs_history_parent_class)->dispose (object);
}

static void
scs_history_class_init (ScsHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = scs_history_get_property;
  object_class->dispose = scs_history_dispose;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
scs_history_init (ScsHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
}

ScsHistory *
scs_history_new (ScsEngagement *engagement)
{
  ScsHistory *self = g_object_new (SCS_TYPE_HISTORY, NULL);

  self->engagement = g_object_ref (engagement);
  g_signal_connect (engagement, "edited", G_CALLBACK (on_edited), self);
  return self;
}
