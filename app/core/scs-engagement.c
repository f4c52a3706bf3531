/* scs-engagement.c — an assessment engagement and its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each record is a struct of members and a table describing them; ScsRecord does the
 * rest. The order of a table is the order of the members in a saved file.
 */
#include "scs-engagement.h"

#define STR(T, m)      { #m, SCS_FIELD_STRING, G_STRUCT_OFFSET (T, m), NULL, NULL, 0, 0, 0, 0 }
#define ID(T, m)       { #m, SCS_FIELD_ID, G_STRUCT_OFFSET (T, m), NULL, NULL, 0, 0, 0, SCS_FIELD_REQUIRED }
#define CHOICE(T, m, c) { #m, SCS_FIELD_CHOICE, G_STRUCT_OFFSET (T, m), NULL, c, 0, 0, 0, 0 }
#define DATE(T, m)     { #m, SCS_FIELD_DATE, G_STRUCT_OFFSET (T, m), NULL, NULL, 0, 0, 0, 0 }
#define TIME(T, m)     { #m, SCS_FIELD_TIME, G_STRUCT_OFFSET (T, m), NULL, NULL, 0, 0, 0, 0 }
#define BOOL(T, m)     { #m, SCS_FIELD_BOOLEAN, G_STRUCT_OFFSET (T, m), NULL, NULL, 0, 0, 0, 0 }
#define INT(T, m, lo, hi, fb) { #m, SCS_FIELD_INT, G_STRUCT_OFFSET (T, m), NULL, NULL, lo, hi, fb, 0 }
#define STRV(T, m)     { #m, SCS_FIELD_STRV, G_STRUCT_OFFSET (T, m), NULL, NULL, 0, 0, 0, 0 }
#define OBJECT(T, m, t) { #m, SCS_FIELD_OBJECT, G_STRUCT_OFFSET (T, m), t, NULL, 0, 0, 0, 0 }
#define LIST(T, m, t)  { #m, SCS_FIELD_LIST, G_STRUCT_OFFSET (T, m), t, NULL, 0, 0, 0, 0 }

#define SCS_DEFINE_RECORD_FULL(TypeName, type_name, fields, omit_blank) \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, SCS_TYPE_RECORD) \
  static void \
  type_name##_class_init (TypeName##Class *klass) \
  { \
    scs_record_class_set_fields (SCS_RECORD_CLASS (klass), fields, G_N_ELEMENTS (fields)); \
    SCS_RECORD_CLASS (klass)->omit_when_blank = (omit_blank); \
  } \
  static void \
  type_name##_init (TypeName *self) \
  { \
  }
#define SCS_DEFINE_RECORD(TypeName, type_name, fields) \
  SCS_DEFINE_RECORD_FULL (TypeName, type_name, fields, FALSE)
/* A record made when a page is shown, which is not worth saving until something is set. */
#define SCS_DEFINE_BLANK_RECORD(TypeName, type_name, fields) \
  SCS_DEFINE_RECORD_FULL (TypeName, type_name, fields, TRUE)

static const char * const yes_no[] = { "yes", "no", NULL };
static const char * const sides[] = { "company", "expert", NULL };
static const char * const modes[] = { "on_site", "online", NULL };
static const char * const judgements[] = { "valid", "not_valid", "to_confirm", NULL };
static const char * const document_kinds[] = { "policy", "procedure", "record", "other", NULL };
static const char * const high_mid_low[] = { "high", "mid", "low", NULL };
static const char * const plan_states[] = { "planned", "in_progress", "done", NULL };
static const char * const proposers[] = { "company", NULL };
/* The six questions of the scope questionnaire (seed 001), in its order. */
const char * const scs_scope_question_ids[] = {
  "whole_company", "boundary", "separation", "boundary_devices", "cloud_byod_home", "sites", NULL
};
#define scope_questions scs_scope_question_ids

const char * const scs_procedure_names[] = { "documents", "system", "site", "interview", NULL };
const char * const scs_qualification_ids[] = {
  "riss", "certified_auditor", "cissp", "cism", "cisa", "iso27001_lead_auditor", "other", NULL
};

/* framework reference */
struct _ScsFrameworkRef { ScsRecord parent_instance; char *id, *edition, *content_hash; };
static const ScsField framework_ref_fields[] = {
  ID (ScsFrameworkRef, id),
  { "edition", SCS_FIELD_STRING, G_STRUCT_OFFSET (ScsFrameworkRef, edition), NULL, NULL, 0, 0, 0,
    SCS_FIELD_REQUIRED },
  STR (ScsFrameworkRef, content_hash),
};
SCS_DEFINE_RECORD (ScsFrameworkRef, scs_framework_ref, framework_ref_fields)

/* company */
struct _ScsSite { ScsRecord parent_instance; char *name, *address; };
static const ScsField site_fields[] = { STR (ScsSite, name), STR (ScsSite, address) };
SCS_DEFINE_RECORD (ScsSite, scs_site, site_fields)

struct _ScsCompany
{
  ScsRecord parent_instance;
  char *name, *industry, *employee_band;
  GListStore *sites;
  char *business, *it_environment, *responsible_title, *responsible_name;
};
static const ScsField company_fields[] = {
  STR (ScsCompany, name),
  STR (ScsCompany, industry),
  STR (ScsCompany, employee_band),
  LIST (ScsCompany, sites, scs_site_get_type),
  STR (ScsCompany, business),
  STR (ScsCompany, it_environment),
  STR (ScsCompany, responsible_title),
  STR (ScsCompany, responsible_name),
};
SCS_DEFINE_RECORD (ScsCompany, scs_company, company_fields)

struct _ScsExpert
{
  ScsRecord parent_instance;
  char *name;
  char **qualifications;
  char *qualification_other, *registration_number;
};
static const ScsField expert_fields[] = {
  STR (ScsExpert, name),
  STRV (ScsExpert, qualifications),
  STR (ScsExpert, qualification_other),
  STR (ScsExpert, registration_number),
};
SCS_DEFINE_RECORD (ScsExpert, scs_expert, expert_fields)

/* Where a company copy came from (blank in the expert's own file). */
struct _ScsCopyOrigin
{
  ScsRecord parent_instance;
  char *source, *source_created, *source_company, *made;
  gboolean plan, verdicts;
};
static const ScsField copy_origin_fields[] = {
  STR (ScsCopyOrigin, source),
  { "source_created", SCS_FIELD_DATETIME, G_STRUCT_OFFSET (ScsCopyOrigin, source_created), NULL,
    NULL, 0, 0, 0, 0 },
  STR (ScsCopyOrigin, source_company),
  { "made", SCS_FIELD_DATETIME, G_STRUCT_OFFSET (ScsCopyOrigin, made), NULL, NULL, 0, 0, 0, 0 },
  BOOL (ScsCopyOrigin, plan),
  BOOL (ScsCopyOrigin, verdicts),
};
SCS_DEFINE_RECORD (ScsCopyOrigin, scs_copy_origin, copy_origin_fields)

/* scope */
struct _ScsScopeAnswer { ScsRecord parent_instance; char *question, *answer, *text; };
static const ScsField scope_answer_fields[] = {
  { "question", SCS_FIELD_CHOICE, G_STRUCT_OFFSET (ScsScopeAnswer, question), NULL,
    scope_questions, 0, 0, 0, SCS_FIELD_REQUIRED | SCS_FIELD_KEY },
  CHOICE (ScsScopeAnswer, answer, yes_no),
  STR (ScsScopeAnswer, text),
};
/* Made when the scope page is shown; not worth saving until answered. */
SCS_DEFINE_BLANK_RECORD (ScsScopeAnswer, scs_scope_answer, scope_answer_fields)

struct _ScsExclusion { ScsRecord parent_instance; char *what, *reason, *judgement; };
static const ScsField exclusion_fields[] = {
  STR (ScsExclusion, what),
  STR (ScsExclusion, reason),
  CHOICE (ScsExclusion, judgement, judgements),
};
SCS_DEFINE_RECORD (ScsExclusion, scs_exclusion, exclusion_fields)

struct _ScsScope { ScsRecord parent_instance; GListStore *answers, *exclusions; };
static const ScsField scope_fields[] = {
  LIST (ScsScope, answers, scs_scope_answer_get_type),
  LIST (ScsScope, exclusions, scs_exclusion_get_type),
};
SCS_DEFINE_RECORD (ScsScope, scs_scope, scope_fields)

/* visits */
struct _ScsAttendee { ScsRecord parent_instance; char *title, *name, *organisation, *side; };
static const ScsField attendee_fields[] = {
  STR (ScsAttendee, title),
  STR (ScsAttendee, name),
  STR (ScsAttendee, organisation),
  CHOICE (ScsAttendee, side, sides),
};
SCS_DEFINE_RECORD (ScsAttendee, scs_attendee, attendee_fields)

struct _ScsAgendaRow { ScsRecord parent_instance; char *time; gint64 minutes; char *topic, *points; };
static const ScsField agenda_row_fields[] = {
  TIME (ScsAgendaRow, time),
  INT (ScsAgendaRow, minutes, 0, 24 * 60, 0),
  STR (ScsAgendaRow, topic),
  STR (ScsAgendaRow, points),
};
SCS_DEFINE_RECORD (ScsAgendaRow, scs_agenda_row, agenda_row_fields)

struct _ScsVisit
{
  ScsRecord parent_instance;
  gint64 number;
  char *date, *start, *end, *mode, *place, *author;
  GListStore *attendees, *agenda;
  char *done, *requests, *next_steps, *notes;
};
static const ScsField visit_fields[] = {
  { "number", SCS_FIELD_INT, G_STRUCT_OFFSET (ScsVisit, number), NULL, NULL, 1, 99, 1,
    SCS_FIELD_REQUIRED },
  DATE (ScsVisit, date),
  TIME (ScsVisit, start),
  TIME (ScsVisit, end),
  CHOICE (ScsVisit, mode, modes),
  /* Printed in the visit report's header (seed 000's 実施報告書); files before them lack them. */
  { "place", SCS_FIELD_STRING, G_STRUCT_OFFSET (ScsVisit, place), NULL, NULL, 0, 0, 0,
    SCS_FIELD_OMIT_BLANK },
  { "author", SCS_FIELD_STRING, G_STRUCT_OFFSET (ScsVisit, author), NULL, NULL, 0, 0, 0,
    SCS_FIELD_OMIT_BLANK },
  LIST (ScsVisit, attendees, scs_attendee_get_type),
  LIST (ScsVisit, agenda, scs_agenda_row_get_type),
  STR (ScsVisit, done),
  STR (ScsVisit, requests),
  STR (ScsVisit, next_steps),
  STR (ScsVisit, notes),
};
SCS_DEFINE_RECORD (ScsVisit, scs_visit, visit_fields)

/* document inventory */
struct _ScsDocument
{
  ScsRecord parent_instance;
  char *id, *title, *kind, *version, *date, *owner, *location;
};
static const ScsField document_fields[] = {
  ID (ScsDocument, id),
  STR (ScsDocument, title),
  CHOICE (ScsDocument, kind, document_kinds),
  STR (ScsDocument, version),
  DATE (ScsDocument, date),
  STR (ScsDocument, owner),
  STR (ScsDocument, location),
};
SCS_DEFINE_RECORD (ScsDocument, scs_document, document_fields)

/* checklists */
struct _ScsChecklistAnswer { ScsRecord parent_instance; char *item, *answer, *note; };
static const ScsField checklist_answer_fields[] = {
  ID (ScsChecklistAnswer, item),
  STR (ScsChecklistAnswer, answer),
  STR (ScsChecklistAnswer, note),
};
/* Made when a checklist page is shown; not worth saving until answered or noted. */
SCS_DEFINE_BLANK_RECORD (ScsChecklistAnswer, scs_checklist_answer, checklist_answer_fields)

/* assessment of one criterion */
struct _ScsReference
{
  ScsRecord parent_instance;
  char *document, *file;
  gint64 size;
  char *sha256, *version, *date;
};
static const ScsField reference_fields[] = {
  STR (ScsReference, document),
  STR (ScsReference, file),
  INT (ScsReference, size, -1, G_MAXINT64, -1),
  STR (ScsReference, sha256),
  STR (ScsReference, version),
  DATE (ScsReference, date),
};
SCS_DEFINE_RECORD (ScsReference, scs_reference, reference_fields)

struct _ScsProcedure
{
  ScsRecord parent_instance;
  gboolean performed;
  char *notes, *checked, *place, *date, *interviewee_title, *interviewee_name;
  GListStore *refs;
};
static const ScsField procedure_fields[] = {
  BOOL (ScsProcedure, performed),
  STR (ScsProcedure, notes),
  STR (ScsProcedure, checked),
  STR (ScsProcedure, place),
  DATE (ScsProcedure, date),
  STR (ScsProcedure, interviewee_title),
  STR (ScsProcedure, interviewee_name),
  LIST (ScsProcedure, refs, scs_reference_get_type),
};
SCS_DEFINE_RECORD (ScsProcedure, scs_procedure, procedure_fields)

struct _ScsAssessment
{
  ScsRecord parent_instance;
  char *criterion, *company_status, *company_comment;
  ScsProcedure *documents, *system, *site, *interview;
  char *verdict, *expert_comment, *internal_note;
  gboolean follow_up;
  char *changed;
  char *edition;
  gboolean orphan;    /* not saved: whether the attached framework lacks the criterion */
};
static const ScsField assessment_fields[] = {
  ID (ScsAssessment, criterion),
  STR (ScsAssessment, company_status),
  STR (ScsAssessment, company_comment),
  OBJECT (ScsAssessment, documents, scs_procedure_get_type),
  OBJECT (ScsAssessment, system, scs_procedure_get_type),
  OBJECT (ScsAssessment, site, scs_procedure_get_type),
  OBJECT (ScsAssessment, interview, scs_procedure_get_type),
  STR (ScsAssessment, verdict),
  STR (ScsAssessment, expert_comment),
  STR (ScsAssessment, internal_note),
  BOOL (ScsAssessment, follow_up),
  { "changed", SCS_FIELD_DATETIME, G_STRUCT_OFFSET (ScsAssessment, changed), NULL, NULL, 0, 0, 0,
    SCS_FIELD_TRANSIENT },
  /* Set on an answer kept from an edition that had its criterion, when the engagement
   * moved to one that does not: it tells a kept answer from a mistyped id. */
  { "edition", SCS_FIELD_STRING, G_STRUCT_OFFSET (ScsAssessment, edition), NULL, NULL, 0, 0, 0,
    SCS_FIELD_TRANSIENT },
};

G_DEFINE_FINAL_TYPE (ScsAssessment, scs_assessment, SCS_TYPE_RECORD)

static void
scs_assessment_changed (ScsRecord *record)
{
  g_autofree char *now = scs_now_datetime ();

  /* changed is transient: setting it does not come back here. */
  scs_record_set_string (record, SCS_M_ASSESSMENT_CHANGED, now);
}

static void
scs_assessment_class_init (ScsAssessmentClass *klass)
{
  ScsRecordClass *record_class = SCS_RECORD_CLASS (klass);

  scs_record_class_set_fields (record_class, assessment_fields, G_N_ELEMENTS (assessment_fields));
  record_class->changed = scs_assessment_changed;
  record_class->omit_when_blank = TRUE;
}

static void
scs_assessment_init (ScsAssessment *self)
{
}

const char *scs_assessment_get_criterion (ScsAssessment *self) { return self->criterion ? self->criterion : ""; }
const char *scs_assessment_get_verdict (ScsAssessment *self) { return self->verdict ? self->verdict : ""; }
const char *scs_assessment_get_company_status (ScsAssessment *self) { return self->company_status ? self->company_status : ""; }
const char *scs_assessment_get_expert_comment (ScsAssessment *self) { return self->expert_comment ? self->expert_comment : ""; }

ScsProcedure *
scs_assessment_get_procedure (ScsAssessment *self,
                              guint          index)
{
  g_return_val_if_fail (index < SCS_N_PROCEDURES, NULL);
  return scs_record_get_object (SCS_RECORD (self), scs_procedure_names[index]);
}

/* maturity and plan */
struct _ScsMaturity { ScsRecord parent_instance; char *subcategory; gint64 current, target; char *note; };
static const ScsField maturity_fields[] = {
  ID (ScsMaturity, subcategory),
  INT (ScsMaturity, current, -1, 5, -1),
  INT (ScsMaturity, target, -1, 5, -1),
  STR (ScsMaturity, note),
};
/* Made when a subcategory page is shown; not worth saving until something is set. */
SCS_DEFINE_BLANK_RECORD (ScsMaturity, scs_maturity, maturity_fields)

struct _ScsPlanItem
{
  ScsRecord parent_instance;
  char *id, *title, *details;
  char **criteria;
  char *urgency, *importance, *difficulty, *owner, *timing, *due_date, *status, *proposed_by;
};
static const ScsField plan_item_fields[] = {
  ID (ScsPlanItem, id),
  STR (ScsPlanItem, title),
  STR (ScsPlanItem, details),
  STRV (ScsPlanItem, criteria),
  CHOICE (ScsPlanItem, urgency, high_mid_low),
  CHOICE (ScsPlanItem, importance, high_mid_low),
  CHOICE (ScsPlanItem, difficulty, high_mid_low),
  STR (ScsPlanItem, owner),
  STR (ScsPlanItem, timing),
  DATE (ScsPlanItem, due_date),
  CHOICE (ScsPlanItem, status, plan_states),
  /* "company": taken in from the company's draft plan (scs_import_apply). */
  { "proposed_by", SCS_FIELD_CHOICE, G_STRUCT_OFFSET (ScsPlanItem, proposed_by), NULL, proposers, 0, 0, 0,
    SCS_FIELD_OMIT_BLANK },
};
SCS_DEFINE_RECORD (ScsPlanItem, scs_plan_item, plan_item_fields)

struct _ScsPlan
{
  ScsRecord parent_instance;
  char *summary, *author_title, *author_name, *date, *agreed_date;
  GListStore *items;
};
static const ScsField plan_fields[] = {
  STR (ScsPlan, summary),
  STR (ScsPlan, author_title),
  STR (ScsPlan, author_name),
  DATE (ScsPlan, date),
  DATE (ScsPlan, agreed_date),
  LIST (ScsPlan, items, scs_plan_item_get_type),
};
SCS_DEFINE_RECORD (ScsPlan, scs_plan, plan_fields)

/* the engagement */
struct _ScsEngagement
{
  ScsRecord parent_instance;
  char *format;
  gint64 schema_version;
  char *created, *modified;
  char *id;
  ScsCopyOrigin *company_copy;
  ScsFrameworkRef *framework;
  gint64 level;
  char *verdict_scale;
  ScsCompany *company;
  ScsExpert *expert;
  ScsScope *scope;
  GListStore *visits, *documents, *diagnosis, *csm_check, *assessments, *maturity;
  ScsPlan *plan;

  ScsFramework *attached;
  GHashTable *by_criterion;   /* criterion id → ScsAssessment (borrowed) */
  GHashTable *order;          /* assessable id of the attached framework → its position + 1 */
};

static const ScsField engagement_fields[] = {
  { "format", SCS_FIELD_STRING, G_STRUCT_OFFSET (ScsEngagement, format), NULL, NULL, 0, 0, 0,
    SCS_FIELD_REQUIRED | SCS_FIELD_TRANSIENT },
  { "schema_version", SCS_FIELD_INT, G_STRUCT_OFFSET (ScsEngagement, schema_version), NULL, NULL,
    1, G_MAXINT64, SCS_ENGAGEMENT_SCHEMA_VERSION, SCS_FIELD_REQUIRED | SCS_FIELD_TRANSIENT },
  { "created", SCS_FIELD_DATETIME, G_STRUCT_OFFSET (ScsEngagement, created), NULL, NULL, 0, 0, 0,
    SCS_FIELD_TRANSIENT },
  { "modified", SCS_FIELD_DATETIME, G_STRUCT_OFFSET (ScsEngagement, modified), NULL, NULL, 0, 0,
    0, SCS_FIELD_TRANSIENT },
  /* Random, given at creation; files made before it existed have none. */
  { "id", SCS_FIELD_STRING, G_STRUCT_OFFSET (ScsEngagement, id), NULL, NULL, 0, 0, 0,
    SCS_FIELD_TRANSIENT | SCS_FIELD_OMIT_BLANK },
  { "company_copy", SCS_FIELD_OBJECT, G_STRUCT_OFFSET (ScsEngagement, company_copy),
    scs_copy_origin_get_type, NULL, 0, 0, 0, SCS_FIELD_OMIT_BLANK },
  { "framework", SCS_FIELD_OBJECT, G_STRUCT_OFFSET (ScsEngagement, framework),
    scs_framework_ref_get_type, NULL, 0, 0, 0, SCS_FIELD_REQUIRED },
  { "level", SCS_FIELD_INT, G_STRUCT_OFFSET (ScsEngagement, level), NULL, NULL,
    SCS_LEVEL_LOWEST, SCS_LEVEL_HIGHEST, SCS_LEVEL_3,
    SCS_FIELD_REQUIRED },
  { "verdict_scale", SCS_FIELD_STRING, G_STRUCT_OFFSET (ScsEngagement, verdict_scale), NULL, NULL,
    0, 0, 0, SCS_FIELD_REQUIRED },
  OBJECT (ScsEngagement, company, scs_company_get_type),
  OBJECT (ScsEngagement, expert, scs_expert_get_type),
  OBJECT (ScsEngagement, scope, scs_scope_get_type),
  LIST (ScsEngagement, visits, scs_visit_get_type),
  LIST (ScsEngagement, documents, scs_document_get_type),
  LIST (ScsEngagement, diagnosis, scs_checklist_answer_get_type),
  LIST (ScsEngagement, csm_check, scs_checklist_answer_get_type),
  LIST (ScsEngagement, assessments, scs_assessment_get_type),
  LIST (ScsEngagement, maturity, scs_maturity_get_type),
  OBJECT (ScsEngagement, plan, scs_plan_get_type),
};

G_DEFINE_FINAL_TYPE (ScsEngagement, scs_engagement, SCS_TYPE_RECORD)

enum {
  SIGNAL_CHANGED,
  SIGNAL_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
scs_engagement_changed (ScsRecord *record)
{
  ScsEngagement *self = SCS_ENGAGEMENT (record);
  g_autofree char *now = scs_now_datetime ();

  scs_record_set_string (record, SCS_M_ENGAGEMENT_MODIFIED, now);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
scs_engagement_edited (ScsRecord    *root,
                       ScsRecord    *record,
                       const char   *property,
                       const GValue *old_value)
{
  g_signal_emit (root, signals[SIGNAL_EDITED], 0, record, property, old_value);
}

static void
rebuild_index (ScsEngagement *self)
{
  GListModel *list = G_LIST_MODEL (self->assessments);

  g_hash_table_remove_all (self->by_criterion);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (list, i);

      /* The first wins; storage refuses files with two assessments of one criterion. */
      if (!g_hash_table_contains (self->by_criterion, scs_assessment_get_criterion (a)))
        g_hash_table_insert (self->by_criterion, (gpointer) scs_assessment_get_criterion (a), a);
    }
}

static void
on_assessments_changed (GListModel    *list,
                        guint          position,
                        guint          removed,
                        guint          added,
                        ScsEngagement *self)
{
  rebuild_index (self);
}

static void
scs_engagement_constructed (GObject *object)
{
  ScsEngagement *self = SCS_ENGAGEMENT (object);

  G_OBJECT_CLASS (scs_engagement_parent_class)->constructed (object);

  self->format = g_strdup (SCS_ENGAGEMENT_FORMAT);
  g_signal_connect_object (self->assessments, "items-changed",
                           G_CALLBACK (on_assessments_changed), self, 0);
}

static void
scs_engagement_finalize (GObject *object)
{
  ScsEngagement *self = SCS_ENGAGEMENT (object);

  g_clear_object (&self->attached);
  g_clear_pointer (&self->by_criterion, g_hash_table_unref);
  g_clear_pointer (&self->order, g_hash_table_unref);

  G_OBJECT_CLASS (scs_engagement_parent_class)->finalize (object);
}

static void
scs_engagement_class_init (ScsEngagementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ScsRecordClass *record_class = SCS_RECORD_CLASS (klass);

  object_class->constructed = scs_engagement_constructed;
  object_class->finalize = scs_engagement_finalize;
  scs_record_class_set_fields (record_class, engagement_fields, G_N_ELEMENTS (engagement_fields));
  record_class->changed = scs_engagement_changed;
  record_class->edited = scs_engagement_edited;

  /* Emitted after any user edit anywhere in the engagement. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  /* Emitted after a member of a record of the engagement was set by an edit: the record,
   * the property's name, and a GValue* with the value before (see ScsHistory). */
  signals[SIGNAL_EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 3, SCS_TYPE_RECORD, G_TYPE_STRING,
                                         G_TYPE_POINTER);
}

static void
scs_engagement_init (ScsEngagement *self)
{
  self->by_criterion = g_hash_table_new (g_str_hash, g_str_equal);
  self->order = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

ScsEngagement *
scs_engagement_new (ScsFramework *framework,
                    ScsLevel      level)
{
  ScsEngagement *self;
  ScsRecord *record;
  g_autofree char *now = scs_now_datetime ();
  g_autofree char *id = g_uuid_string_random ();

  g_return_val_if_fail (SCS_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (scs_framework_has_level (framework, level), NULL);

  self = g_object_new (SCS_TYPE_ENGAGEMENT, NULL);
  record = SCS_RECORD (self);
  scs_record_freeze_changes (record);
  scs_record_set_string (record, SCS_M_ENGAGEMENT_CREATED, now);
  scs_record_set_string (record, SCS_M_ENGAGEMENT_MODIFIED, now);
  scs_record_set_string (record, SCS_M_ENGAGEMENT_ID, id);
  scs_record_set_int (record, SCS_M_ENGAGEMENT_LEVEL, level);
  scs_record_set_string (record, SCS_M_ENGAGEMENT_VERDICT_SCALE,
                         scs_framework_get_default_verdict_scale (framework));

  /* The standard engagement has three visits (seed 000). */
  for (int i = 1; i <= 3; i++)
    {
      g_autoptr(ScsVisit) visit = g_object_new (SCS_TYPE_VISIT, NULL);

      scs_record_set_int (SCS_RECORD (visit), SCS_M_VISIT_NUMBER, i);
      g_list_store_append (self->visits, visit);
    }

  scs_engagement_attach (self, framework);
  scs_record_thaw_changes (record);
  return self;
}

ScsFramework *scs_engagement_get_framework (ScsEngagement *self) { return self->attached; }
ScsLevel scs_engagement_get_level (ScsEngagement *self) { return (ScsLevel) self->level; }
ScsCompany *scs_engagement_get_company (ScsEngagement *self) { return self->company; }
ScsPlan *scs_engagement_get_plan (ScsEngagement *self) { return self->plan; }
GListModel *scs_engagement_get_assessments (ScsEngagement *self) { return G_LIST_MODEL (self->assessments); }

const ScsScale *
scs_engagement_get_verdict_scale (ScsEngagement *self)
{
  if (self->attached == NULL)
    return NULL;
  return scs_framework_get_verdict_scale (self->attached, self->verdict_scale);
}

/* Where criterion_id stands in the attached framework's order (from 1), or 0 when the
 * framework has no such criterion: then its assessment is an orphan. */
static guint
position_of (ScsEngagement *self,
             const char    *criterion_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->order, criterion_id));
}

/* Framework order first, orphans after in the order they had. */
static int
compare_assessments (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  ScsEngagement *self = user_data;
  guint pa = position_of (self, scs_assessment_get_criterion ((ScsAssessment *) a));
  guint pb = position_of (self, scs_assessment_get_criterion ((ScsAssessment *) b));

  if (pa == 0 || pb == 0)
    return (pa == 0) - (pb == 0);
  return (pa > pb) - (pa < pb);
}

static int
compare_assessment_ptrs (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return compare_assessments (*(gconstpointer *) a, *(gconstpointer *) b, user_data);
}

void
scs_engagement_attach (ScsEngagement *self,
                       ScsFramework  *framework)
{
  GListModel *list = G_LIST_MODEL (self->assessments);
  GListModel *assessables = scs_framework_get_assessables (framework, SCS_LEVEL_HIGHEST);
  ScsRecord *ref = SCS_RECORD (self->framework);
  g_autofree char *previous = g_strdup (scs_record_get_string (ref, SCS_M_FRAMEWORK_REF_EDITION));
  g_autoptr(GPtrArray) attached = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func (g_object_unref);

  g_set_object (&self->attached, framework);
  g_hash_table_remove_all (self->order);
  for (guint i = 0; i < g_list_model_get_n_items (assessables); i++)
    {
      g_autoptr(ScsNode) node = g_list_model_get_item (assessables, i);

      g_hash_table_insert (self->order, g_strdup (scs_node_get_id (node)), GUINT_TO_POINTER (i + 1));
    }

  scs_record_freeze_changes (SCS_RECORD (self));
  scs_record_set_string (ref, SCS_M_FRAMEWORK_REF_ID, scs_framework_get_id (framework));
  scs_record_set_string (ref, SCS_M_FRAMEWORK_REF_EDITION, scs_framework_get_edition (framework));
  scs_record_set_string (ref, SCS_M_FRAMEWORK_REF_CONTENT_HASH, scs_framework_get_content_hash (framework));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      ScsAssessment *a = g_list_model_get_item (list, i);
      ScsRecord *record = SCS_RECORD (a);

      a->orphan = position_of (self, scs_assessment_get_criterion (a)) == 0;
      if (a->orphan && scs_record_get_string (record, SCS_M_ASSESSMENT_EDITION)[0] == '\0')
        scs_record_set_string (record, SCS_M_ASSESSMENT_EDITION, previous);
      else if (!a->orphan &&
               g_strcmp0 (scs_record_get_string (record, SCS_M_ASSESSMENT_EDITION),
                          scs_framework_get_edition (framework)) == 0)
        scs_record_set_string (record, SCS_M_ASSESSMENT_EDITION, "");
      g_ptr_array_add (a->orphan ? orphans : attached, a);
    }
  /* Framework positions are unique (storage refuses two assessments of one criterion), so
   * this order is total; orphans follow in the order they had. */
  g_ptr_array_sort_with_data (attached, compare_assessment_ptrs, self);
  g_ptr_array_extend_and_steal (attached, g_steal_pointer (&orphans));
  g_list_store_splice (self->assessments, 0, g_list_model_get_n_items (list),
                       attached->pdata, attached->len);
  scs_record_thaw_changes (SCS_RECORD (self));
}

ScsAssessment *
scs_engagement_get_assessment (ScsEngagement *self,
                               const char    *criterion_id)
{
  g_return_val_if_fail (SCS_IS_ENGAGEMENT (self), NULL);
  return g_hash_table_lookup (self->by_criterion, criterion_id);
}

ScsAssessment *
scs_engagement_ensure_assessment (ScsEngagement *self,
                                  const char    *criterion_id)
{
  ScsAssessment *a = scs_engagement_get_assessment (self, criterion_id);
  GListModel *list = G_LIST_MODEL (self->assessments);
  guint n = g_list_model_get_n_items (list);
  guint position = 0;

  if (a != NULL)
    return a;
  g_return_val_if_fail (position_of (self, criterion_id) > 0, NULL);

  a = g_object_new (SCS_TYPE_ASSESSMENT, NULL);
  scs_record_freeze_changes (SCS_RECORD (a));
  scs_record_set_string (SCS_RECORD (a), SCS_M_ASSESSMENT_CRITERION, criterion_id);
  scs_record_thaw_changes (SCS_RECORD (a));

  /* Before the first assessment that comes later in the framework, or the first orphan. */
  while (position < n)
    {
      g_autoptr(ScsAssessment) item = g_list_model_get_item (list, position);

      if (compare_assessments (item, a, self) > 0)
        break;
      position++;
    }

  scs_record_freeze_changes (SCS_RECORD (self));
  g_list_store_insert (self->assessments, position, a);
  scs_record_thaw_changes (SCS_RECORD (self));
  g_object_unref (a);
  return a;
}

char *
scs_engagement_new_document_id (ScsEngagement *self)
{
  GListModel *documents;
  guint64 number = 1;

  g_return_val_if_fail (SCS_IS_ENGAGEMENT (self), NULL);
  documents = scs_record_get_list (SCS_RECORD (self), SCS_M_ENGAGEMENT_DOCUMENTS);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(ScsRecord) d = g_list_model_get_item (documents, i);
      const char *existing = scs_record_get_string (d, SCS_M_DOCUMENT_ID);

      if (g_str_has_prefix (existing, "DOC-") && g_ascii_isdigit (existing[4]))
        number = MAX (number, g_ascii_strtoull (existing + 4, NULL, 10) + 1);
    }
  /* Past what a file could plausibly hold, step over ids in use one by one rather than
   * wrap: an id must stay unique whatever the others look like. */
  for (;; number++)
    {
      g_autofree char *id = g_strdup_printf ("DOC-%02" G_GUINT64_FORMAT, number);
      gboolean used = FALSE;

      for (guint i = 0; !used && i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(ScsRecord) d = g_list_model_get_item (documents, i);

          used = g_str_equal (scs_record_get_string (d, SCS_M_DOCUMENT_ID), id);
        }
      if (!used)
        return g_steal_pointer (&id);
    }
}

ScsRecord *
scs_engagement_find_document_by_title (ScsEngagement *self,
                                       const char    *title)
{
  GListModel *documents;

  g_return_val_if_fail (SCS_IS_ENGAGEMENT (self), NULL);
  documents = scs_record_get_list (SCS_RECORD (self), SCS_M_ENGAGEMENT_DOCUMENTS);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(ScsRecord) d = g_list_model_get_item (documents, i);

      if (g_str_equal (scs_record_get_string (d, SCS_M_DOCUMENT_TITLE), title))
        return d;
    }
  return NULL;
}

gboolean
scs_engagement_is_orphan (ScsEngagement *self,
                          ScsAssessment *assessment)
{
  return assessment->orphan;
}

GPtrArray *
scs_engagement_list_orphans (ScsEngagement *self)
{
  GListModel *list = G_LIST_MODEL (self->assessments);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      ScsAssessment *a = g_list_model_get_item (list, i);

      if (a->orphan)
        g_ptr_array_add (out, a);
      else
        g_object_unref (a);
    }
  return out;
}

/* The record of list whose key (a string property) is value, made when missing: blank,
 * of type, and not an edit (such records are left out of the file while blank). */
static ScsRecord *
ensure_keyed (ScsEngagement *self,
              GListStore    *list,
              GType          type,
              const char    *key,
              const char    *value)
{
  ScsRecord *record;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (scs_record_get_string (item, key), value) == 0)
        return item;
    }

  record = g_object_new (type, NULL);
  scs_record_freeze_changes (SCS_RECORD (self));
  scs_record_set_string (record, key, value);
  g_list_store_append (list, record);
  scs_record_thaw_changes (SCS_RECORD (self));
  g_object_unref (record);
  return record;
}

ScsRecord *
scs_engagement_ensure_checklist_answer (ScsEngagement *self,
                                        const char    *list_name,
                                        const char    *item_id)
{
  GListStore *list = G_LIST_STORE (scs_record_get_list (SCS_RECORD (self), list_name));

  g_return_val_if_fail (list != NULL, NULL);
  return ensure_keyed (self, list, SCS_TYPE_CHECKLIST_ANSWER, SCS_M_CHECKLIST_ANSWER_ITEM, item_id);
}

ScsRecord *
scs_engagement_ensure_scope_answer (ScsEngagement *self,
                                    const char    *question)
{
  ScsRecord *scope = scs_record_get_object (SCS_RECORD (self), SCS_M_ENGAGEMENT_SCOPE);

  return ensure_keyed (self, G_LIST_STORE (scs_record_get_list (scope, SCS_M_SCOPE_ANSWERS)),
                       SCS_TYPE_SCOPE_ANSWER, SCS_M_SCOPE_ANSWER_QUESTION, question);
}

/* The visit under way: the one dated today, else the latest one held before today; NULL
 * when no visit is dated on or before today. */
ScsRecord *
scs_engagement_get_current_visit (ScsEngagement *self)
{
  GListModel *visits = scs_record_get_list (SCS_RECORD (self), SCS_M_ENGAGEMENT_VISITS);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  ScsRecord *best = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(ScsRecord) visit = g_list_model_get_item (visits, i);
      const char *date = scs_record_get_string (visit, SCS_M_VISIT_DATE);

      if (date[0] != '\0' && strcmp (date, today) <= 0 &&
          (best == NULL || strcmp (date, scs_record_get_string (best, SCS_M_VISIT_DATE)) > 0))
        best = visit;   /* the engagement's list holds it */
    }
  return best;
}

ScsRecord *
scs_engagement_ensure_visit (ScsEngagement *self,
                             int            number)
{
  GListModel *list = G_LIST_MODEL (self->visits);
  ScsRecord *visit;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ScsRecord) item = g_list_model_get_item (list, i);

      if (scs_record_get_int (item, SCS_M_VISIT_NUMBER) == number)
        return item;
    }
  visit = g_object_new (SCS_TYPE_VISIT, NULL);
  scs_record_freeze_changes (SCS_RECORD (self));
  scs_record_set_int (visit, SCS_M_VISIT_NUMBER, number);
  g_list_store_append (self->visits, visit);
  scs_record_thaw_changes (SCS_RECORD (self));
  g_object_unref (visit);
  return visit;
}

ScsMaturity *
scs_engagement_ensure_maturity (ScsEngagement *self,
                                const char    *subcategory_id)
{
  return SCS_MATURITY (ensure_keyed (self, self->maturity, SCS_TYPE_MATURITY, SCS_M_MATURITY_SUBCATEGORY,
                                     subcategory_id));
}
