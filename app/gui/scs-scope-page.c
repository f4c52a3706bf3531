/* scs-scope-page.c — the scope (適用範囲): six questions and the exclusions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The questions are those of the scope questionnaire the expert goes through at the first
 * visit. Those that ask whether have a yes or no and details; those that ask how or which
 * have words only. Each exclusion says what is left out, why, and
 * whether the expert accepts it. Servers that can be reached from the internet are always
 * in scope: the page says so where exclusions are made.
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "scs-scope-page.h"
#include "scs-bind.h"
#include "scs-record-row.h"

struct _ScsScopePage
{
  GtkWidget            parent_instance;

  GtkWidget           *page;
  AdwPreferencesGroup *questions_group;
  GtkListBox          *questions_list;
  GtkListBox          *exclusions_list;

  GHashTable          *rows;           /* question id → row */
  ScsEngagement       *engagement;
  ScsHistory          *history;
  gboolean             company_mode;
  gboolean             shared_judgements;
  gboolean             editable;
};

G_DEFINE_FINAL_TYPE (ScsScopePage, scs_scope_page, GTK_TYPE_WIDGET)

/* In scs_scope_question_ids' order. A question that asks how or which has no yes or no to
 * offer: its answer is the text. */
static const struct {
  const char *text;
  gboolean    yes_no;
} questions[] = {
  { N_("Is the whole company (or group) in scope?"), TRUE },
  { N_("If not, how is the scope drawn?"), FALSE },
  { N_("How are the parts left out separated (firewall, VLAN, a network of their own)?"), FALSE },
  { N_("Are the devices on the boundary to group companies or customers included, and how are they protected?"), TRUE },
  { N_("Are cloud services, personal devices (BYOD) and home-office devices included?"), TRUE },
  { N_("Which sites (addresses) are in scope?"), FALSE },
};

static const char * const judgement_ids[] = { "valid", "not_valid", "to_confirm", NULL };
static const char *judgement_titles[] = { N_("Valid"), N_("Not valid"), N_("To confirm") };

/* questions -------------------------------------------------------------------------------- */

static const char * const answer_ids[] = { "yes", "no", NULL };

static GtkWidget *
question_row (ScsScopePage *self,
              guint         index)
{
  const char *id = scs_scope_question_ids[index];
  ScsRecord *answer = scs_engagement_ensure_scope_answer (self->engagement, id);
  ScsRecordRow *row = scs_record_row_new (answer, self->history, NULL);
  g_autofree char *text = g_strdup_printf ("%u. %s", index + 1, _(questions[index].text));
  GtkWidget *label = gtk_label_new (text);
  const char *answer_titles[] = { _("Yes"), _("No"), NULL };
  GtkWidget *entry = gtk_entry_new ();

  scs_record_row_set_spacious (row, TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  scs_record_row_add (row, label);
  /* A file from before the questions had their own kinds of answer may say yes or no to a
   * question that asks how: that answer is shown, so it can be read and taken back. */
  if (questions[index].yes_no || scs_record_get_string (answer, SCS_M_SCOPE_ANSWER_ANSWER)[0] != '\0')
    {
      /* Pressing the chosen answer again takes it back: the question is open again. */
      GtkWidget *choices = scs_record_row_choice_toggles (row, SCS_M_SCOPE_ANSWER_ANSWER, answer_ids,
                                                          answer_titles, FALSE);

      gtk_widget_set_valign (choices, GTK_ALIGN_START);
      scs_record_row_add (row, choices);
    }
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), questions[index].yes_no ? _("Details") : _("Answer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  scs_bind_checked_text (answer, SCS_M_SCOPE_ANSWER_TEXT, entry, NULL);
  scs_record_row_add_below (row, entry);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return GTK_WIDGET (row);
}

gboolean
scs_scope_page_answer (ScsScopePage *self,
                       const char   *question,
                       gboolean      yes)
{
  ScsRecordRow *row = g_hash_table_lookup (self->rows, question);

  return row != NULL && scs_record_row_choose (row, yes ? 0 : 1);
}

/* exclusions ------------------------------------------------------------------------------- */

static ScsRecord *
scope (ScsScopePage *self)
{
  return scs_record_get_object (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_SCOPE);
}

static GListStore *
exclusions (ScsScopePage *self)
{
  return G_LIST_STORE (scs_record_get_list (scope (self), SCS_M_SCOPE_EXCLUSIONS));
}

static void
on_remove_exclusion (ScsRecordRow *row,
                     ScsRecord    *exclusion,
                     ScsScopePage *self)
{
  guint position;

  if (g_list_store_find (exclusions (self), exclusion, &position))
    {
      scs_history_seal (self->history);
      scs_history_remove (self->history, scope (self), exclusions (self), position);
    }
}

static GtkWidget *
create_exclusion_row (gpointer item,
                      gpointer user_data)
{
  ScsScopePage *self = user_data;
  ScsRecord *exclusion = item;
  ScsRecordRow *row = scs_record_row_new (exclusion, self->history, _("Remove this exclusion"));
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GtkWidget *judgement;

  for (guint i = 0; i < G_N_ELEMENTS (judgement_titles); i++)
    gtk_string_list_append (titles, _(judgement_titles[i]));
  judgement = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (titles)), NULL);
  gtk_widget_set_tooltip_text (judgement, _("The expert’s judgement of the exclusion"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (judgement), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The expert’s judgement of the exclusion"), -1);
  scs_bind_choice (exclusion, SCS_M_EXCLUSION_JUDGEMENT, judgement, judgement_ids);
  /* The judgement is the expert's: the company sees it only in a copy that was given it. */
  if (self->company_mode)
    {
      gtk_widget_set_sensitive (judgement, FALSE);
      gtk_widget_set_visible (judgement, self->shared_judgements);
    }
  scs_record_row_add (row, scs_bind_entry (exclusion, SCS_M_EXCLUSION_WHAT, _("What is left out"), 0, NULL));
  scs_record_row_add (row, scs_bind_entry (exclusion, SCS_M_EXCLUSION_REASON, _("Reason"), 0, NULL));
  scs_record_row_add (row, judgement);
  g_signal_connect (row, "remove", G_CALLBACK (on_remove_exclusion), self);
  return GTK_WIDGET (row);
}

ScsRecord *
scs_scope_page_add_exclusion (ScsScopePage *self)
{
  g_autoptr(ScsRecord) exclusion = g_object_new (SCS_TYPE_EXCLUSION, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (exclusions (self)));
  GtkListBoxRow *row;

  scs_record_set_string (exclusion, SCS_M_EXCLUSION_JUDGEMENT, "to_confirm");
  scs_history_seal (self->history);
  scs_history_insert (self->history, scope (self), exclusions (self), n, exclusion);
  row = gtk_list_box_get_row_at_index (self->exclusions_list, n);
  if (row != NULL)
    scs_record_row_focus (SCS_RECORD_ROW (row));
  return exclusion;
}

static void
on_add_exclusion (ScsScopePage *self)
{
  if (self->engagement != NULL)
    scs_scope_page_add_exclusion (self);
}

/* context ---------------------------------------------------------------------------------- */

void
scs_scope_page_set_context (ScsScopePage  *self,
                            ScsEngagement *engagement,
                            ScsHistory    *history)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_list))) != NULL)
    gtk_list_box_remove (self->questions_list, child);
  g_hash_table_remove_all (self->rows);
  gtk_list_box_bind_model (self->exclusions_list, NULL, NULL, NULL, NULL);
  g_set_object (&self->engagement, engagement);
  g_set_object (&self->history, history);
  if (engagement == NULL)
    return;
  for (guint i = 0; scs_scope_question_ids[i] != NULL && i < G_N_ELEMENTS (questions); i++)
    {
      GtkWidget *row = question_row (self, i);

      gtk_list_box_append (self->questions_list, row);
      g_hash_table_insert (self->rows, g_strdup (scs_scope_question_ids[i]), row);
    }
  gtk_list_box_bind_model (self->exclusions_list, G_LIST_MODEL (exclusions (self)),
                           create_exclusion_row, self, NULL);
}

/* The exclusions' rows show the judgements as the mode and what is shared have them. */
static void
rebind_exclusions (gpointer view)
{
  ScsScopePage *self = view;

  if (self->engagement != NULL)
    gtk_list_box_bind_model (self->exclusions_list, G_LIST_MODEL (exclusions (self)),
                             create_exclusion_row, self, NULL);
}

void
scs_scope_page_set_shared_judgements (ScsScopePage *self,
                                      gboolean      shared)
{
  if (self->shared_judgements == shared)
    return;
  self->shared_judgements = shared;
  rebind_exclusions (self);
}

static void
sync_editable (gpointer view)
{
  ScsScopePage *self = view;

  gtk_widget_set_sensitive (self->page, self->editable);
}

static const ScsViewFields view_fields = {
  G_STRUCT_OFFSET (ScsScopePage, company_mode),
  G_STRUCT_OFFSET (ScsScopePage, editable),
  rebind_exclusions,
  sync_editable,
};

static void
scs_scope_page_dispose (GObject *object)
{
  ScsScopePage *self = SCS_SCOPE_PAGE (object);

  if (self->engagement != NULL)
    scs_scope_page_set_context (self, NULL, NULL);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_SCOPE_PAGE);
  G_OBJECT_CLASS (scs_scope_page_parent_class)->dispose (object);
}

static void
scs_scope_page_class_init (ScsScopePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_scope_page_dispose;
  scs_view_class_install (G_OBJECT_CLASS (klass), &view_fields);
  gtk_widget_class_set_template_from_resource (widget_class, SCS_RESOURCE_PREFIX "/ui/scs-scope-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsScopePage, page);
  gtk_widget_class_bind_template_child (widget_class, ScsScopePage, questions_group);
  gtk_widget_class_bind_template_child (widget_class, ScsScopePage, questions_list);
  gtk_widget_class_bind_template_child (widget_class, ScsScopePage, exclusions_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add_exclusion);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
scs_scope_page_init (ScsScopePage *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}
