/* scs-import.c — taking in the self-assessment a company filled in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "scs-company-copy.h"
#include "scs-error.h"
#include "scs-import.h"

static void
change_free (gpointer data)
{
  ScsImportChange *c = data;

  g_free (c->criterion);
  g_free (c->old_status);
  g_free (c->new_status);
  g_free (c->old_comment);
  g_free (c->new_comment);
  g_free (c);
}

void
scs_import_plan_free (ScsImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->changes);
  g_ptr_array_unref (plan->documents);
  g_ptr_array_unref (plan->plan_items);
  g_free (plan->their_company);
  g_free (plan->origin_company);
  g_free (plan->origin_created);
  g_free (plan->copy_made);
  g_free (plan);
}

/* Titles compare without surrounding blanks and with NFKC, so that full-width and
 * half-width forms of the same title are one document (or plan item). */
static char *
title_key (ScsRecord *record)
{
  /* Documents and plan items both call it "title". NFKC first: it makes an ideographic
   * space a space, which stripping then takes off. */
  char *normal = g_utf8_normalize (scs_record_get_string (record, SCS_M_DOCUMENT_TITLE), -1, G_NORMALIZE_NFKC);

  return g_strstrip (normal);
}

/* The records of theirs whose title key is not blank and not among ours, each once. */
static GPtrArray *
new_by_title (GListModel *ours,
              GListModel *theirs)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (ours); i++)
    {
      g_autoptr(ScsRecord) record = g_list_model_get_item (ours, i);

      g_hash_table_add (known, title_key (record));
    }
  for (guint i = 0; i < g_list_model_get_n_items (theirs); i++)
    {
      g_autoptr(ScsRecord) record = g_list_model_get_item (theirs, i);
      char *key = title_key (record);

      if (key[0] == '\0' || g_hash_table_contains (known, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (known, key);
      g_ptr_array_add (added, g_object_ref (record));
    }
  return added;
}

char *
scs_plan_new_item_id (ScsEngagement *engagement)
{
  GListModel *list = scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (engagement)), SCS_M_PLAN_ITEMS);
  guint n = g_list_model_get_n_items (list), number = 1;
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  char *id = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsRecord) existing = g_list_model_get_item (list, i);
      const char *eid = scs_record_get_string (existing, SCS_M_PLAN_ITEM_ID);

      g_hash_table_add (used, (gpointer) eid);   /* the list holds the items */
      if (eid[0] == 'P')
        number = MAX (number, (guint) g_ascii_strtoull (eid + 1, NULL, 10) + 1);
    }
  /* P4294967295 wraps the count: then the first free one. */
  for (;; number++)
    {
      g_free (id);
      id = g_strdup_printf ("P%u", number);
      if (!g_hash_table_contains (used, id))
        return id;
    }
}

ScsEngagement *
scs_import_load (ScsCatalog    *catalog,
                 ScsEngagement *current,
                 GFile         *file,
                 GError       **error)
{
  return scs_import_load_full (catalog, current, file, NULL, error);
}

ScsEngagement *
scs_import_load_full (ScsCatalog    *catalog,
                      ScsEngagement *current,
                      GFile         *file,
                      ScsProtectKey *key,
                      GError       **error)
{
  g_autoptr(ScsEditionReport) report = NULL;
  g_autoptr(ScsEngagement) incoming = scs_storage_load_full (catalog, file, SCS_LOAD_DEFAULT,
                                                             key, &report, error);
  ScsFramework *ours = scs_engagement_get_framework (current);

  if (incoming == NULL)
    return NULL;
  if (!g_str_equal (report->recorded_id, scs_framework_get_id (ours)))
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_UNKNOWN_FRAMEWORK,
                   _("The self-assessment was made for the criteria “%s”, and this engagement "
                     "uses “%s”: its answers cannot be matched."),
                   report->recorded_id, scs_framework_get_id (ours));
      return NULL;
    }
  if (!report->recorded_installed)
    {
      g_set_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_UNKNOWN_FRAMEWORK,
                   _("The self-assessment was made with edition %s of the criteria, which this "
                     "version of SCS Assessor does not have, so its answers cannot be matched "
                     "to criteria safely. Update the app to import it."),
                   report->recorded_edition);
      return NULL;
    }
  return g_steal_pointer (&incoming);
}

ScsImportPlan *
scs_import_compare (ScsEngagement *current,
                    ScsEngagement *incoming)
{
  ScsImportPlan *plan = g_new0 (ScsImportPlan, 1);
  ScsFramework *framework = scs_engagement_get_framework (current);
  GListModel *criteria = scs_framework_get_assessables (framework, scs_engagement_get_level (current));
  GListModel *ours = scs_record_get_list (SCS_RECORD (current), SCS_M_ENGAGEMENT_DOCUMENTS);
  GListModel *theirs = scs_record_get_list (SCS_RECORD (incoming), SCS_M_ENGAGEMENT_DOCUMENTS);
  const char *our_company = scs_record_get_string (SCS_RECORD (scs_engagement_get_company (current)), SCS_M_COMPANY_NAME);

  plan->changes = g_ptr_array_new_with_free_func (change_free);
  plan->their_company = g_strdup (scs_record_get_string (SCS_RECORD (scs_engagement_get_company (incoming)), SCS_M_COMPANY_NAME));
  plan->their_level = scs_engagement_get_level (incoming);
  plan->company_differs = g_strcmp0 (our_company, plan->their_company) != 0;
  plan->level_differs = plan->their_level != scs_engagement_get_level (current);
  if (!scs_company_copy_is_from (incoming, current))
    {
      ScsRecord *origin = SCS_RECORD (scs_engagement_get_copy_origin (incoming));

      plan->other_engagement = TRUE;
      plan->origin_company = g_strdup (scs_record_get_string (origin, SCS_M_COPY_ORIGIN_SOURCE_COMPANY));
      plan->origin_created = g_strdup (scs_record_get_string (origin, SCS_M_COPY_ORIGIN_SOURCE_CREATED));
      plan->copy_made = g_strdup (scs_record_get_string (origin, SCS_M_COPY_ORIGIN_MADE));
    }

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(ScsNode) c = g_list_model_get_item (criteria, i);
      const char *id = scs_node_get_id (c);
      ScsAssessment *mine = scs_engagement_get_assessment (current, id);
      ScsAssessment *theirs_a = scs_engagement_get_assessment (incoming, id);
      const char *old_status = mine != NULL ? scs_assessment_get_company_status (mine) : "";
      const char *old_comment = mine != NULL ? scs_record_get_string (SCS_RECORD (mine), SCS_M_ASSESSMENT_COMPANY_COMMENT) : "";
      const char *new_status, *new_comment;
      ScsImportChange *change;

      if (theirs_a == NULL)
        continue;
      new_status = scs_assessment_get_company_status (theirs_a);
      new_comment = scs_record_get_string (SCS_RECORD (theirs_a), SCS_M_ASSESSMENT_COMPANY_COMMENT);
      if (g_str_equal (old_status, new_status) && g_str_equal (old_comment, new_comment))
        continue;
      change = g_new0 (ScsImportChange, 1);
      change->criterion = g_strdup (id);
      change->old_status = g_strdup (old_status);
      change->new_status = g_strdup (new_status);
      change->old_comment = g_strdup (old_comment);
      change->new_comment = g_strdup (new_comment);
      g_ptr_array_add (plan->changes, change);
    }

  plan->documents = new_by_title (ours, theirs);
  /* Plan items are the company's draft only in a copy made without the expert's plan (or
   * the company's own self-assessment): in the expert's own file, or a copy that carried the
   * agreed plan, an item the expert renamed since would come back as a "proposal". */
  if (scs_engagement_is_company_copy (incoming) &&
      !scs_record_get_boolean (SCS_RECORD (scs_engagement_get_copy_origin (incoming)), SCS_M_COPY_ORIGIN_PLAN))
    plan->plan_items = new_by_title (scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (current)), SCS_M_PLAN_ITEMS),
                                     scs_record_get_list (SCS_RECORD (scs_engagement_get_plan (incoming)), SCS_M_PLAN_ITEMS));
  else
    plan->plan_items = g_ptr_array_new_with_free_func (g_object_unref);
  return plan;
}

static void
set_string (ScsRecord  *record,
            const char *property,
            const char *value)
{
  if (g_strcmp0 (scs_record_get_string (record, property), value) != 0)
    scs_record_set_string (record, property, value);
}

/* A copy of the company's plan item theirs at the end of current's plan, marked as its
 * proposal: the expert reviews it with the company (visit 3) before the plan is agreed. */
static void
add_proposal (ScsEngagement *current,
              ScsRecord     *theirs,
              ScsHistory    *history)
{
  ScsRecord *plan = SCS_RECORD (scs_engagement_get_plan (current));
  GListStore *items = G_LIST_STORE (scs_record_get_list (plan, SCS_M_PLAN_ITEMS));
  ScsFramework *framework = scs_engagement_get_framework (current);
  ScsLevel level = scs_engagement_get_level (current);
  g_autoptr(ScsRecord) item = g_object_new (SCS_TYPE_PLAN_ITEM, NULL);
  g_autofree char *id = scs_plan_new_item_id (current);
  g_autoptr(GStrvBuilder) criteria = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  const char * const *ids = scs_record_get_strv (theirs, SCS_M_PLAN_ITEM_CRITERIA);
  const char *copied[] = { SCS_M_PLAN_ITEM_TITLE, SCS_M_PLAN_ITEM_DETAILS, SCS_M_PLAN_ITEM_URGENCY,
                           SCS_M_PLAN_ITEM_IMPORTANCE, SCS_M_PLAN_ITEM_DIFFICULTY, SCS_M_PLAN_ITEM_OWNER,
                           SCS_M_PLAN_ITEM_TIMING, SCS_M_PLAN_ITEM_DUE_DATE };

  scs_record_set_string (item, SCS_M_PLAN_ITEM_ID, id);
  /* Its status starts as the expert's: a proposal is not progress, whatever the draft says. */
  for (guint k = 0; k < G_N_ELEMENTS (copied); k++)
    scs_record_set_string (item, copied[k], scs_record_get_string (theirs, copied[k]));
  /* A criterion of a level this engagement does not assess would be a dangling link. */
  for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
    {
      ScsNode *node = scs_framework_lookup (framework, level, ids[k]);

      if (node != NULL && scs_node_get_kind (node) == SCS_NODE_CRITERION)
        g_strv_builder_add (criteria, ids[k]);
    }
  kept = g_strv_builder_end (criteria);
  scs_record_set_strv (item, SCS_M_PLAN_ITEM_CRITERIA, (const char * const *) kept);
  scs_record_set_string (item, SCS_M_PLAN_ITEM_PROPOSED_BY, "company");
  if (history != NULL)
    scs_history_insert (history, plan, items, g_list_model_get_n_items (G_LIST_MODEL (items)), item);
  else
    g_list_store_append (items, item);
}

guint
scs_import_apply (ScsEngagement  *current,
                  ScsImportPlan  *plan,
                  const gboolean *accepted,
                  ScsHistory     *history)
{
  GListStore *documents = G_LIST_STORE (scs_record_get_list (SCS_RECORD (current), SCS_M_ENGAGEMENT_DOCUMENTS));
  guint n = 0;

  if (history != NULL)
    scs_history_begin_group (history);
  for (guint i = 0; i < plan->changes->len; i++)
    {
      ScsImportChange *change = g_ptr_array_index (plan->changes, i);
      ScsRecord *a;

      if (accepted != NULL && !accepted[i])
        continue;
      a = SCS_RECORD (scs_engagement_ensure_assessment (current, change->criterion));
      set_string (a, SCS_M_ASSESSMENT_COMPANY_STATUS, change->new_status);
      set_string (a, SCS_M_ASSESSMENT_COMPANY_COMMENT, change->new_comment);
      n++;
    }
  for (guint i = 0; i < plan->documents->len; i++)
    {
      ScsRecord *theirs = g_ptr_array_index (plan->documents, i);
      g_autoptr(ScsRecord) doc = g_object_new (SCS_TYPE_DOCUMENT, NULL);
      g_autofree char *id = scs_engagement_new_document_id (current);
      const char *copied[] = { SCS_M_DOCUMENT_TITLE, SCS_M_DOCUMENT_KIND, SCS_M_DOCUMENT_VERSION,
                               SCS_M_DOCUMENT_DATE, SCS_M_DOCUMENT_OWNER, SCS_M_DOCUMENT_LOCATION };
      guint at = g_list_model_get_n_items (G_LIST_MODEL (documents));

      scs_record_set_string (doc, SCS_M_DOCUMENT_ID, id);
      for (guint k = 0; k < G_N_ELEMENTS (copied); k++)
        scs_record_set_string (doc, copied[k], scs_record_get_string (theirs, copied[k]));
      if (history != NULL)
        scs_history_insert (history, SCS_RECORD (current), documents, at, doc);
      else
        g_list_store_append (documents, doc);
    }
  for (guint i = 0; i < plan->plan_items->len; i++)
    add_proposal (current, g_ptr_array_index (plan->plan_items, i), history);
  if (history != NULL)
    scs_history_end_group (history);
  return n;
}
