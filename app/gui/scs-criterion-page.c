/* scs-criterion-page.c — one criterion: texts, self-assessment, evidence, verdict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Widgets are bound to the records through GBindingGroups, one for the assessment and one
 * per procedure, so switching criteria is re-pointing five sources, and every edit lands in
 * the model (and its undo history) as it is typed.
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "scs-criterion-page.h"
#include "scs-accessible.h"
#include "scs-bind.h"
#include "scs-keynav.h"
#include "scs-paned-share.h"
#include "scs-documents-page.h"
#include "scs-plan-page.h"

struct _ScsCriterionPage
{
  GtkWidget        parent_instance;

  guint            n_hashing;   /* files being hashed in a worker */
  GtkWidget       *paned;
  GtkWidget       *plan_item_button;
  GtkWidget       *text_scroller;
  GtkWidget       *scroller;
  GtkLabel        *path_label;
  GtkLabel        *title_label;
  GtkLabel        *requirement_label;
  GtkLabel        *criterion_heading;
  GtkLabel        *criterion_label;
  GtkWidget       *guide_expander;
  GtkLabel        *guide_label;
  GtkWidget       *company_group;
  GtkBox          *company_box;
  GtkLabel        *hint_label;
  GtkTextView     *company_comment_view;
  GtkWidget       *evidence_group;
  AdwExpanderRow  *documents_row;
  GtkListBox      *documents_list;
  AdwComboRow     *inventory_row;
  GtkWidget       *inventory_add_button;
  AdwEntryRow     *new_document_row;
  GtkTextView     *documents_notes_view;
  AdwExpanderRow  *system_row;
  AdwEntryRow     *system_checked_row;
  GtkListBox      *files_list;
  GtkTextView     *system_notes_view;
  AdwExpanderRow  *site_row;
  AdwEntryRow     *site_place_row;
  AdwEntryRow     *site_date_row;
  GtkTextView     *site_notes_view;
  AdwExpanderRow  *interview_row;
  AdwEntryRow     *interviewee_title_row;
  AdwEntryRow     *interviewee_name_row;
  GtkTextView     *interview_notes_view;
  GtkWidget       *verdict_group;
  GtkBox          *verdict_box;
  GtkWidget       *missing_comment_box;
  GtkTextView     *expert_comment_view;
  GtkCheckButton  *follow_up_check;
  GtkWidget       *internal_box;
  GtkTextView     *internal_note_view;

  ScsEngagement   *engagement;
  ScsHistory      *history;
  ScsNode         *criterion;
  ScsAssessment   *assessment;
  GBindingGroup   *assessment_bindings;
  GBindingGroup   *procedure_bindings[SCS_N_PROCEDURES];
  GPtrArray       *company_toggles;
  GPtrArray       *verdict_toggles;
  GStrv            company_values;   /* the scale value id of each toggle */
  GStrv            verdict_values;
  GtkStringList   *inventory_titles;
  gboolean         updating;
  gboolean         company_mode;
  gboolean         shared_verdicts;   /* the company is given the confirmed verdicts */
  gboolean         editable;
  GtkWidget       *reveal_target;   /* weak: the field to scroll into view */
  guint            reveal_id;
  guint            reveal_frames;
};

G_DEFINE_FINAL_TYPE (ScsCriterionPage, scs_criterion_page, GTK_TYPE_WIDGET)

static void apply_mode (gpointer view);

static ScsRecord *
procedure (ScsCriterionPage *self,
           guint             index)
{
  return SCS_RECORD (scs_assessment_get_procedure (self->assessment, index));
}

/* choices ---------------------------------------------------------------------------- */

/* The scale value a choice toggle stands for, and in member the assessment's member it sets. */
static const char *
toggle_value (ScsCriterionPage *self,
              GtkToggleButton  *toggle,
              const char      **member)
{
  guint i;

  if (self->company_toggles != NULL && g_ptr_array_find (self->company_toggles, toggle, &i))
    {
      if (member != NULL)
        *member = SCS_M_ASSESSMENT_COMPANY_STATUS;
      return self->company_values[i];
    }
  if (self->verdict_toggles != NULL && g_ptr_array_find (self->verdict_toggles, toggle, &i))
    {
      if (member != NULL)
        *member = SCS_M_ASSESSMENT_VERDICT;
      return self->verdict_values[i];
    }
  g_return_val_if_reached (NULL);
}

/* win.plan-item opens the item a criterion already has rather than making another; the label
 * follows the plan as it changes, whichever view the item was made in. */
static void
sync_plan_button (ScsCriterionPage *self)
{
  if (self->criterion == NULL || self->engagement == NULL)
    return;
  gtk_button_set_label (GTK_BUTTON (self->plan_item_button),
                        scs_plan_page_find_item (self->engagement, scs_node_get_id (self->criterion)) != NULL
                        ? _("Open the _Plan Item") : _("Create a _Plan Item"));
}

static void
sync_choices (ScsCriterionPage *self)
{
  const char *status = self->assessment ? scs_assessment_get_company_status (self->assessment) : "";
  const char *verdict = self->assessment ? scs_assessment_get_verdict (self->assessment) : "";
  ScsFramework *framework = scs_engagement_get_framework (self->engagement);
  const ScsScaleValue *value = scs_scale_lookup (scs_framework_get_company_scale (framework), status);

  self->updating = TRUE;
  for (guint i = 0; i < self->company_toggles->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->company_toggles, i),
                                  g_str_equal (self->company_values[i], status));
  for (guint i = 0; i < self->verdict_toggles->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->verdict_toggles, i),
                                  g_str_equal (self->verdict_values[i], verdict));
  self->updating = FALSE;

  gtk_label_set_text (self->hint_label,
                      value != NULL ? scs_scale_value_get_hint (value)
                                    : _("Choose the status that fits the weakest department."));
  gtk_widget_set_visible (self->missing_comment_box,
                          !self->company_mode && self->assessment != NULL &&
                          scs_engagement_is_missing_comment (self->engagement, self->assessment,
                                                             SCS_COUNT_WITH_FOLLOW_UP));
  /* A criterion that does not conform is what the improvement plan is for; the page is
   * where the expert edits the verdict, so one awaiting follow-up counts here. */
  gtk_widget_set_visible (self->plan_item_button,
                          !self->company_mode && self->criterion != NULL &&
                          scs_engagement_get_conformance (self->engagement, scs_node_get_id (self->criterion),
                                                          SCS_COUNT_WITH_FOLLOW_UP)
                          == SCS_CONFORMANCE_NOT_CONFORMING);
  sync_plan_button (self);
}

static void
on_assessment_notify (ScsCriterionPage *self)
{
  sync_choices (self);
}

static void
on_choice_toggled (GtkToggleButton  *toggle,
                   ScsCriterionPage *self)
{
  const char *member = NULL;
  const char *value;

  if (self->updating || self->assessment == NULL || !gtk_toggle_button_get_active (toggle))
    return;
  value = toggle_value (self, toggle, &member);
  scs_history_seal (self->history);
  scs_record_set_string (SCS_RECORD (self->assessment), member, value);
}

/* One toggle per value of scale in box; values: their ids, in the same order. */
static GPtrArray *
build_choices (ScsCriterionPage *self,
               GtkBox           *box,
               const ScsScale   *scale,
               const char       *modifier,
               GStrv            *values)
{
  GPtrArray *toggles = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  GtkWidget *child;
  GtkToggleButton *group = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
  for (guint i = 0; scale != NULL && i < scale->values->len; i++)
    {
      const ScsScaleValue *value = g_ptr_array_index (scale->values, i);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (scs_scale_value_get_title (value));
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (toggle));
      g_autofree char *tip = g_strdup_printf ("%s+%u", modifier, i + 1);

      /* A narrow form (1024 px with the sidebar) wraps "In preparation" rather than cut
       * the row of choices off on the right. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_hexpand (toggle, TRUE);

      g_strv_builder_add (ids, value->id);
      gtk_widget_set_tooltip_text (toggle, tip);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), group);
      else
        group = GTK_TOGGLE_BUTTON (toggle);
      g_signal_connect (toggle, "toggled", G_CALLBACK (on_choice_toggled), self);
      gtk_box_append (box, toggle);
      g_ptr_array_add (toggles, toggle);
    }
  g_strfreev (*values);
  *values = g_strv_builder_end (ids);
  return toggles;
}

static gboolean
choose (ScsCriterionPage *self,
        GPtrArray        *toggles,
        const char       *member,
        guint             index)
{
  GtkToggleButton *toggle;
  const char *value;

  if (self->assessment == NULL || !self->editable || index < 1 || index > toggles->len)
    return FALSE;
  toggle = g_ptr_array_index (toggles, index - 1);
  value = toggle_value (self, toggle, NULL);
  scs_history_seal (self->history);
  /* Choosing the value already set clears it: the only way back to “unanswered”. */
  if (g_str_equal (scs_record_get_string (SCS_RECORD (self->assessment), member), value))
    scs_record_set_string (SCS_RECORD (self->assessment), member, "");
  else
    scs_record_set_string (SCS_RECORD (self->assessment), member, value);
  return TRUE;
}

/* focus ----------------------------------------------------------------------------- */

/* Scrolls the scrolled window around widget so that the widget shows whole (its top,
 * when it is taller than the window). */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page, top, bottom;

  if (scroller == NULL)
    return;
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL || !gtk_widget_compute_bounds (widget, content, &bounds))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = MAX (bounds.origin.y - 12, 0);
  bottom = bounds.origin.y + bounds.size.height + 12;
  if (top < value || bottom - top > page)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, bottom - page);
}

static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  ScsCriterionPage *self = SCS_CRITERION_PAGE (widget);

  /* A criterion just shown is laid out in the next frame: scroll after it. */
  if (++self->reveal_frames < 2)
    return G_SOURCE_CONTINUE;
  self->reveal_id = 0;
  if (self->reveal_target != NULL)
    scroll_to (self->reveal_target);
  g_clear_weak_pointer (&self->reveal_target);
  return G_SOURCE_REMOVE;
}

/* Puts the keyboard focus on widget and scrolls it into view, typing never goes into a
 * field out of sight. */
static void
focus_and_reveal (ScsCriterionPage *self,
                  GtkWidget        *widget)
{
  gtk_widget_grab_focus (widget);
  scroll_to (widget);
  g_set_weak_pointer (&self->reveal_target, widget);
  self->reveal_frames = 0;
  if (self->reveal_id == 0)
    self->reveal_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick, NULL, NULL);
}

gboolean
scs_criterion_page_choose_company_status (ScsCriterionPage *self,
                                          guint             index)
{
  if (!choose (self, self->company_toggles, SCS_M_ASSESSMENT_COMPANY_STATUS, index))
    return FALSE;
  /* The company's answer comes with its comment, next. */
  if (self->company_mode)
    focus_and_reveal (self, GTK_WIDGET (self->company_comment_view));
  return TRUE;
}

gboolean
scs_criterion_page_choose_verdict (ScsCriterionPage *self,
                                   guint             index)
{
  if (self->company_mode || !choose (self, self->verdict_toggles, SCS_M_ASSESSMENT_VERDICT, index))
    return FALSE;
  /* Whichever the verdict, its reason is typed next. */
  focus_and_reveal (self, GTK_WIDGET (self->expert_comment_view));
  return TRUE;
}

/* references ----------------------------------------------------------------------- */

static ScsRecord *
inventory_document (ScsCriterionPage *self,
                    const char       *id)
{
  GListModel *documents = scs_record_get_list (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_DOCUMENTS);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(ScsRecord) doc = g_list_model_get_item (documents, i);

      if (g_str_equal (scs_record_get_string (doc, SCS_M_DOCUMENT_ID), id))
        return doc;
    }
  return NULL;
}

/* What a reference's remove button needs: the button lives in the page, the records as
 * long as the button holds them. */
typedef struct {
  ScsCriterionPage *page;
  ScsRecord        *owner;      /* the procedure whose references list holds reference */
  ScsRecord        *reference;
} RemoveContext;

static void
remove_context_free (gpointer data,
                     GClosure *closure)
{
  RemoveContext *context = data;

  g_object_unref (context->owner);
  g_object_unref (context->reference);
  g_free (context);
}

static void
on_remove_reference (GtkButton     *button,
                     RemoveContext *context)
{
  GListStore *list = G_LIST_STORE (scs_record_get_list (context->owner, SCS_M_PROCEDURE_REFS));
  guint position;

  if (g_list_store_find (list, context->reference, &position))
    scs_history_remove (context->page->history, context->owner, list, position);
}

static GtkWidget *
remove_button (ScsCriterionPage *self,
               ScsRecord        *owner,
               ScsRecord        *reference)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  RemoveContext *context = g_new (RemoveContext, 1);

  context->page = self;
  context->owner = g_object_ref (owner);
  context->reference = g_object_ref (reference);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove this reference"));
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_remove_reference), context,
                         remove_context_free, 0);
  return button;
}

static void
on_cited_document_notify (ScsRecord  *doc,
                          GParamSpec *pspec,
                          GtkWidget  *row)
{
  g_autofree char *label = scs_documents_page_label (doc);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
}

static GtkWidget *
create_document_row (gpointer item,
                     gpointer user_data)
{
  ScsCriterionPage *self = user_data;
  ScsRecord *reference = item;
  const char *cited = scs_record_get_string (reference, SCS_M_REFERENCE_DOCUMENT);
  ScsRecord *doc = inventory_document (self, cited);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (doc != NULL)
    {
      /* Renamed on the Documents page, it is renamed here at once. */
      g_signal_connect_object (doc, "notify", G_CALLBACK (on_cited_document_notify), row, 0);
      on_cited_document_notify (doc, NULL, row);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cited);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               doc != NULL ? _("From the document inventory")
                                           : _("Not in the document inventory"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             scs_bind_entry (reference, SCS_M_REFERENCE_VERSION, _("Version"), 6, NULL));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             scs_bind_entry (reference, SCS_M_REFERENCE_DATE, _("Date"), 10, scs_normalize_date));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             remove_button (self, procedure (self, 0), reference));
  return row;
}

static GtkWidget *
create_file_row (gpointer item,
                 gpointer user_data)
{
  ScsCriterionPage *self = user_data;
  ScsRecord *reference = item;
  g_autofree char *base = g_path_get_basename (scs_record_get_string (reference, SCS_M_REFERENCE_FILE));
  g_autofree char *size = g_format_size (MAX (0, scs_record_get_int (reference, SCS_M_REFERENCE_SIZE)));
  g_autofree char *subtitle = g_strdup_printf ("%s · SHA-256 %s", size,
                                               scs_record_get_string (reference, SCS_M_REFERENCE_SHA256));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), base);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, scs_record_get_string (reference, SCS_M_REFERENCE_FILE));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             remove_button (self, procedure (self, 1), reference));
  return row;
}

static void
add_reference (ScsCriterionPage *self,
               guint             procedure_index,
               ScsRecord        *reference)
{
  ScsRecord *owner = procedure (self, procedure_index);
  GListStore *refs = G_LIST_STORE (scs_record_get_list (owner, SCS_M_PROCEDURE_REFS));

  scs_history_seal (self->history);
  scs_history_insert (self->history, owner, refs,
                      g_list_model_get_n_items (G_LIST_MODEL (refs)), reference);
}

static void
on_inventory_add (ScsCriterionPage *self)
{
  GListModel *documents = scs_record_get_list (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_DOCUMENTS);
  guint selected = adw_combo_row_get_selected (self->inventory_row);
  g_autoptr(ScsRecord) doc = NULL;
  g_autoptr(ScsRecord) reference = NULL;

  if (self->assessment == NULL || selected >= g_list_model_get_n_items (documents))
    return;
  doc = g_list_model_get_item (documents, selected);
  reference = g_object_new (SCS_TYPE_REFERENCE, NULL);
  scs_record_set_string (reference, SCS_M_REFERENCE_DOCUMENT, scs_record_get_string (doc, SCS_M_DOCUMENT_ID));
  scs_record_set_string (reference, SCS_M_REFERENCE_VERSION, scs_record_get_string (doc, SCS_M_DOCUMENT_VERSION));
  scs_record_set_string (reference, SCS_M_REFERENCE_DATE, scs_record_get_string (doc, SCS_M_DOCUMENT_DATE));
  add_reference (self, 0, reference);
}

static void
on_new_document_apply (ScsCriterionPage *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->new_document_row));
  g_autofree char *stripped = g_strstrip (g_strdup (title));

  if (self->assessment == NULL || stripped[0] == '\0')
    return;
  /* The file cites documents by their inventory id, so a typed name becomes (or finds)
   * an inventory entry; the history makes both one step. */
  if (scs_history_cite_document_title (self->history, procedure (self, 0), stripped, NULL) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->new_document_row), "");
}

/* The inventory picker lists every document by scs_documents_page_label, kept up to date
 * as documents are added, renamed or removed anywhere: a document added on the Documents
 * page is blank at first and gets its title a keystroke at a time. The list is only
 * replaced when a label differs, and the choice stays on the same place. */
static void
refresh_inventory (ScsCriterionPage *self)
{
  GListModel *documents = scs_record_get_list (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_DOCUMENTS);
  GListModel *shown = G_LIST_MODEL (self->inventory_titles);
  guint n = g_list_model_get_n_items (documents);
  guint selected = adw_combo_row_get_selected (self->inventory_row);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gboolean same = g_list_model_get_n_items (shown) == n;
  g_autofree char *chosen_id = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScsRecord) doc = g_list_model_get_item (documents, i);
      char *label = scs_documents_page_label (doc);

      same = same && g_str_equal (label, gtk_string_list_get_string (self->inventory_titles, i));
      g_ptr_array_add (labels, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->inventory_row), n > 0 && !self->company_mode);
  if (same)
    return;
  /* The choice follows its document, not its place: one added, removed or moved before it
   * must not turn the choice into another document. Labels start with the document's id. */
  if (selected < g_list_model_get_n_items (shown))
    {
      const char *label = gtk_string_list_get_string (self->inventory_titles, selected);
      const char *space = strchr (label, ' ');

      chosen_id = g_strndup (label, space != NULL ? (gsize) (space - label) : strlen (label));
    }
  selected = GTK_INVALID_LIST_POSITION;
  for (guint i = 0; chosen_id != NULL && i < n && selected == GTK_INVALID_LIST_POSITION; i++)
    {
      const char *label = g_ptr_array_index (labels, i);

      if (g_str_has_prefix (label, chosen_id) &&
          (label[strlen (chosen_id)] == ' ' || label[strlen (chosen_id)] == '\0'))
        selected = i;
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->inventory_titles, 0, g_list_model_get_n_items (shown),
                          (const char * const *) labels->pdata);
  if (chosen_id != NULL)
    adw_combo_row_set_selected (self->inventory_row, selected);
}

/* files ----------------------------------------------------------------------------- */

typedef struct {
  char   *path;
  gint64  size;
  char   *sha256;
} FileFacts;

static void
file_facts_free (FileFacts *facts)
{
  g_free (facts->path);
  g_free (facts->sha256);
  g_free (facts);
}

static void
hash_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GError *error = NULL;
  guint8 buffer[65536];
  gssize got;
  FileFacts *facts = g_new0 (FileFacts, 1);

  facts->path = g_file_get_path (file);
  /* Only a regular file is read: a pipe would wait for a writer for ever and a device
   * (/dev/zero) never ends. Links are followed to what they name. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &error);
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
                   ? _("“%s” is a folder, not a file.")
                   : _("“%s” is not a regular file (it is a device, a pipe or a socket), so it "
                       "is not read."),
                   name);
    }
  if (error != NULL || (in = g_file_read (file, cancellable, &error)) == NULL)
    {
      file_facts_free (facts);
      g_task_return_error (task, error);
      return;
    }
  while ((got = g_input_stream_read (G_INPUT_STREAM (in), buffer, sizeof buffer, cancellable,
                                     &error)) > 0)
    {
      g_checksum_update (checksum, buffer, got);
      facts->size += got;
    }
  if (got < 0)
    {
      file_facts_free (facts);
      g_task_return_error (task, error);
      return;
    }
  facts->sha256 = g_strdup (g_checksum_get_string (checksum));
  g_task_return_pointer (task, facts, (GDestroyNotify) file_facts_free);
}

static void
on_hashed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ScsCriterionPage *self = SCS_CRITERION_PAGE (source);
  g_autoptr(ScsAssessment) target = user_data;
  g_autoptr(GError) error = NULL;
  FileFacts *facts = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(ScsRecord) reference = NULL;
  ScsRecord *owner;

  self->n_hashing--;
  if (facts == NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      return;
    }
  reference = g_object_new (SCS_TYPE_REFERENCE, NULL);
  scs_record_set_string (reference, SCS_M_REFERENCE_FILE, facts->path);
  scs_record_set_int (reference, SCS_M_REFERENCE_SIZE, facts->size);
  scs_record_set_string (reference, SCS_M_REFERENCE_SHA256, facts->sha256);
  file_facts_free (facts);

  /* The reference goes to the criterion that was on show when the file was chosen. */
  owner = SCS_RECORD (scs_assessment_get_procedure (target, 1));
  scs_history_seal (self->history);
  scs_history_insert (self->history, owner, G_LIST_STORE (scs_record_get_list (owner, SCS_M_PROCEDURE_REFS)),
                      g_list_model_get_n_items (scs_record_get_list (owner, SCS_M_PROCEDURE_REFS)), reference);
}

void
scs_criterion_page_add_file (ScsCriterionPage *self,
                             GFile            *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (self->assessment != NULL);
  task = g_task_new (self, NULL, on_hashed, g_object_ref (self->assessment));
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  self->n_hashing++;
  g_task_run_in_thread (task, hash_in_thread);
}

guint
scs_criterion_page_get_n_hashing (ScsCriterionPage *self)
{
  return self->n_hashing;
}

static void
on_file_chosen (GtkNativeDialog  *dialog,
                int               response,
                ScsCriterionPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->assessment != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      scs_criterion_page_add_file (self, file);
    }
  g_object_unref (dialog);
}

static void
on_add_file (ScsCriterionPage *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Refer to a File"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Refer"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* interviewee ----------------------------------------------------------------------- */

/* The interview of another criterion changed last that names someone, or NULL. */
static ScsRecord *
last_interview (ScsCriterionPage *self)
{
  GListModel *assessments = scs_engagement_get_assessments (self->engagement);
  g_autoptr(GDateTime) latest = NULL;
  ScsRecord *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (assessments, i);
      ScsRecord *interview = SCS_RECORD (scs_assessment_get_procedure (a, 3));
      const char *changed = scs_record_get_string (SCS_RECORD (a), SCS_M_ASSESSMENT_CHANGED);
      g_autoptr(GDateTime) when = NULL;

      if (a == self->assessment ||
          scs_record_get_string (interview, SCS_M_PROCEDURE_INTERVIEWEE_NAME)[0] == '\0' ||
          changed[0] == '\0' || (when = g_date_time_new_from_iso8601 (changed, NULL)) == NULL)
        continue;
      if (latest == NULL || g_date_time_compare (when, latest) > 0)
        {
          g_clear_pointer (&latest, g_date_time_unref);
          latest = g_steal_pointer (&when);
          found = interview;   /* the assessment, held by the engagement, holds it */
        }
    }
  return found;
}

static void
add_choice (GPtrArray  *choices,
            const char *title,
            const char *name)
{
  ScsRecord *choice;

  if (name[0] == '\0')
    return;
  for (guint i = 0; i < choices->len; i++)
    {
      ScsRecord *other = g_ptr_array_index (choices, i);

      if (g_str_equal (scs_record_get_string (other, SCS_M_ATTENDEE_NAME), name) &&
          g_str_equal (scs_record_get_string (other, SCS_M_ATTENDEE_TITLE), title))
        return;
    }
  choice = g_object_new (SCS_TYPE_ATTENDEE, NULL);
  scs_record_set_string (choice, SCS_M_ATTENDEE_TITLE, title);
  scs_record_set_string (choice, SCS_M_ATTENDEE_NAME, name);
  g_ptr_array_add (choices, choice);
}

GPtrArray *
scs_criterion_page_interviewee_choices (ScsCriterionPage *self)
{
  GPtrArray *choices = g_ptr_array_new_with_free_func (g_object_unref);
  ScsRecord *last, *visit;

  if (self->engagement == NULL)
    return choices;
  if ((last = last_interview (self)) != NULL)
    add_choice (choices, scs_record_get_string (last, SCS_M_PROCEDURE_INTERVIEWEE_TITLE),
                scs_record_get_string (last, SCS_M_PROCEDURE_INTERVIEWEE_NAME));
  if ((visit = scs_engagement_get_current_visit (self->engagement)) != NULL)
    {
      GListModel *attendees = scs_record_get_list (visit, SCS_M_VISIT_ATTENDEES);

      for (guint i = 0; i < g_list_model_get_n_items (attendees); i++)
        {
          g_autoptr(ScsRecord) attendee = g_list_model_get_item (attendees, i);

          if (g_str_equal (scs_record_get_string (attendee, SCS_M_ATTENDEE_SIDE), "company"))
            add_choice (choices, scs_record_get_string (attendee, SCS_M_ATTENDEE_TITLE),
                        scs_record_get_string (attendee, SCS_M_ATTENDEE_NAME));
        }
    }
  return choices;
}

void
scs_criterion_page_choose_interviewee (ScsCriterionPage *self,
                                       ScsRecord        *choice)
{
  ScsRecord *interview;

  g_return_if_fail (self->assessment != NULL);
  interview = procedure (self, 3);
  scs_history_seal (self->history);
  scs_history_begin_group (self->history);
  scs_record_set_string (interview, SCS_M_PROCEDURE_INTERVIEWEE_TITLE,
                         scs_record_get_string (choice, SCS_M_ATTENDEE_TITLE));
  scs_record_set_string (interview, SCS_M_PROCEDURE_INTERVIEWEE_NAME,
                         scs_record_get_string (choice, SCS_M_ATTENDEE_NAME));
  scs_record_set_boolean (interview, SCS_M_PROCEDURE_PERFORMED, TRUE);
  scs_history_end_group (self->history);
  scs_history_seal (self->history);
}

static void
on_interviewee_clicked (GtkButton        *button,
                        ScsCriterionPage *self)
{
  ScsRecord *choice = g_object_get_data (G_OBJECT (button), "scs-choice");

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  if (self->assessment != NULL)
    scs_criterion_page_choose_interviewee (self, choice);
}

/* The menu is made as it opens, so it lists the attendees and interviewee of now. */
static void
fill_interviewee_menu (GtkMenuButton *menu_button,
                       gpointer       user_data)
{
  ScsCriterionPage *self = user_data;
  g_autoptr(GPtrArray) choices = scs_criterion_page_interviewee_choices (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *popover = gtk_popover_new ();

  for (guint i = 0; i < choices->len; i++)
    {
      ScsRecord *choice = g_ptr_array_index (choices, i);
      const char *title = scs_record_get_string (choice, SCS_M_ATTENDEE_TITLE);
      g_autofree char *text = title[0] != '\0'
                              ? g_strdup_printf ("%s  %s", scs_record_get_string (choice, SCS_M_ATTENDEE_NAME), title)
                              : g_strdup (scs_record_get_string (choice, SCS_M_ATTENDEE_NAME));
      GtkWidget *button = gtk_button_new_with_label (text);

      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "scs-choice", g_object_ref (choice), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (on_interviewee_clicked), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  if (choices->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No one to choose yet: the company’s attendees of "
                                          "today’s visit, and whoever was interviewed last, "
                                          "are offered here."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (menu_button, popover);
}

static void
add_interviewee_menu (ScsCriterionPage *self)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "system-users-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose the interviewee from the visit’s attendees"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the interviewee"), -1);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), fill_interviewee_menu, self, NULL);
  adw_entry_row_add_suffix (self->interviewee_name_row, button);
}

/* showing a criterion ---------------------------------------------------------------- */

static void
set_text_and_visibility (GtkLabel   *label,
                         const char *text)
{
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

void
scs_criterion_page_show (ScsCriterionPage *self,
                         ScsNode          *criterion)
{
  ScsNode *requirement, *subcategory, *category;
  const char *company;
  g_autofree char *context = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;

  g_return_if_fail (criterion == NULL || self->engagement != NULL);
  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_func (self->assessment, on_assessment_notify, self);
  g_set_object (&self->criterion, criterion);
  g_clear_object (&self->assessment);
  if (criterion == NULL)
    {
      g_binding_group_set_source (self->assessment_bindings, NULL);
      for (guint i = 0; i < SCS_N_PROCEDURES; i++)
        g_binding_group_set_source (self->procedure_bindings[i], NULL);
      return;
    }

  self->assessment = g_object_ref (scs_engagement_ensure_assessment (self->engagement,
                                                                     scs_node_get_id (criterion)));
  requirement = scs_node_get_parent (criterion);
  subcategory = scs_node_get_ancestor (criterion, SCS_NODE_SUBCATEGORY);
  category = scs_node_get_ancestor (criterion, SCS_NODE_CATEGORY);

  /* The company and level lead the path: a wide window's header shows the view switcher
   * in their place. */
  company = scs_record_get_string (scs_record_get_object (SCS_RECORD (self->engagement),
                                                          SCS_M_ENGAGEMENT_COMPANY),
                                   SCS_M_COMPANY_NAME);
  context = g_strdup_printf (_("%s — ★%d"), company[0] != '\0' ? company : _("Untitled Engagement"),
                             scs_engagement_get_level (self->engagement));
  path = g_strdup_printf ("%s  ·  %s %s  ›  %s %s", context,
                          scs_node_get_id (category), scs_node_get_title (category),
                          scs_node_get_id (subcategory), scs_node_get_title (subcategory));
  title = g_strdup_printf ("%s  %s", scs_node_get_id (requirement), scs_node_get_title (requirement));
  /* TRANSLATORS: heading of the criterion's text, with its id */
  heading = g_strdup_printf (_("Criterion %s"), scs_node_get_id (criterion));
  gtk_label_set_text (self->path_label, path);
  gtk_label_set_text (self->title_label, title);
  set_text_and_visibility (self->requirement_label, scs_node_get_text (requirement));
  gtk_label_set_text (self->criterion_heading, heading);
  gtk_label_set_text (self->criterion_label, scs_node_get_text (criterion));

  g_binding_group_set_source (self->assessment_bindings, self->assessment);
  for (guint i = 0; i < SCS_N_PROCEDURES; i++)
    g_binding_group_set_source (self->procedure_bindings[i], procedure (self, i));
  gtk_list_box_bind_model (self->documents_list, scs_record_get_list (procedure (self, 0), SCS_M_PROCEDURE_REFS),
                           create_document_row, self, NULL);
  gtk_list_box_bind_model (self->files_list, scs_record_get_list (procedure (self, 1), SCS_M_PROCEDURE_REFS),
                           create_file_row, self, NULL);
  g_signal_connect_swapped (self->assessment, "notify", G_CALLBACK (on_assessment_notify), self);
  sync_choices (self);
  apply_mode (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->text_scroller)),
                            0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                            0);
}

void
scs_criterion_page_bind_settings (ScsCriterionPage *self,
                                  GSettings        *settings)
{
  scs_paned_limit_share_bind (GTK_PANED (self->paned), settings, "criterion-text-height");
}

ScsAssessment *
scs_criterion_page_get_assessment (ScsCriterionPage *self)
{
  return self->assessment;
}

void
scs_criterion_page_set_context (ScsCriterionPage *self,
                                ScsEngagement    *engagement,
                                ScsHistory       *history)
{
  ScsFramework *framework;

  scs_criterion_page_show (self, NULL);
  if (self->engagement != NULL)
    {
      g_signal_handlers_disconnect_by_func (scs_record_get_list (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_DOCUMENTS),
                                            refresh_inventory, self);
      g_signal_handlers_disconnect_by_func (self->engagement, refresh_inventory, self);
      g_signal_handlers_disconnect_by_func (self->engagement, sync_plan_button, self);
    }
  g_set_object (&self->engagement, engagement);
  g_set_object (&self->history, history);
  if (engagement == NULL)
    return;

  framework = scs_engagement_get_framework (engagement);
  g_clear_pointer (&self->company_toggles, g_ptr_array_unref);
  g_clear_pointer (&self->verdict_toggles, g_ptr_array_unref);
  self->company_toggles = build_choices (self, self->company_box,
                                         scs_framework_get_company_scale (framework),
                                         "Ctrl", &self->company_values);
  self->verdict_toggles = build_choices (self, self->verdict_box,
                                         scs_engagement_get_verdict_scale (engagement),
                                         "Alt", &self->verdict_values);
  g_signal_connect_swapped (scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_DOCUMENTS),
                            "items-changed", G_CALLBACK (refresh_inventory), self);
  g_signal_connect_swapped (engagement, "changed", G_CALLBACK (refresh_inventory), self);
  g_signal_connect_swapped (engagement, "changed", G_CALLBACK (sync_plan_button), self);
  refresh_inventory (self);
}

/* Whether the verdict on show is one the company is given: a confirmed one, when the
 * expert shares them (a company copy holds no other). */
static gboolean
shared_verdict (ScsCriterionPage *self)
{
  return self->shared_verdicts && self->assessment != NULL &&
         scs_assessment_is_confirmed (self->assessment);
}

/* In the company's view nothing of the expert's can be edited: what the company was given
 * (a shared verdict, its comment and the ○ of its procedures) is shown read-only, the rest
 * (the follow-up flag, the notes, the interview guide, the internal note) not at all. */
static void
apply_mode (gpointer view)
{
  ScsCriterionPage *self = view;
  gboolean company = self->company_mode;
  gboolean shown = !company || shared_verdict (self);
  GtkWidget *notes[] = { GTK_WIDGET (self->documents_notes_view), GTK_WIDGET (self->system_notes_view),
                         GTK_WIDGET (self->site_notes_view), GTK_WIDGET (self->interview_notes_view) };

  gtk_widget_set_visible (self->verdict_group, shown);
  gtk_widget_set_visible (self->evidence_group, shown);
  gtk_widget_set_visible (self->internal_box, !company);
  gtk_widget_set_visible (self->guide_expander, !company);
  gtk_widget_set_visible (GTK_WIDGET (self->follow_up_check), !company);
  gtk_widget_set_visible (GTK_WIDGET (self->system_checked_row), !company);
  gtk_widget_set_visible (GTK_WIDGET (self->inventory_row), !company);
  gtk_widget_set_visible (GTK_WIDGET (self->new_document_row), !company);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    gtk_widget_set_visible (gtk_widget_get_parent (notes[i]), !company);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->evidence_group),
                                         company ? _("The procedures the expert performed, as the "
                                                     "assessment sheet prints them.")
                                                 : _("Switch on each procedure performed; it prints "
                                                     "as ○ on the assessment sheet."));
  /* The shortcuts do nothing where the verdict is only shown. */
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->verdict_group),
                                         company ? NULL : _("Alt+1 … Alt+3"));
  gtk_widget_set_sensitive (self->company_group, self->editable);
  gtk_widget_set_sensitive (self->evidence_group, self->editable && !company);
  gtk_widget_set_sensitive (GTK_WIDGET (self->verdict_box), self->editable && !company);
  gtk_text_view_set_editable (self->expert_comment_view, self->editable && !company);
  gtk_text_view_set_cursor_visible (self->expert_comment_view, !company);
  gtk_widget_set_sensitive (self->internal_box, self->editable && !company);
  if (company)
    {
      gtk_widget_set_visible (self->plan_item_button, FALSE);
      gtk_widget_set_visible (self->missing_comment_box, FALSE);
    }
}

void
scs_criterion_page_set_shared_verdicts (ScsCriterionPage *self,
                                        gboolean          shared)
{
  self->shared_verdicts = shared;
  apply_mode (self);
}

void
scs_criterion_page_focus_input (ScsCriterionPage *self)
{
  GtkWidget *target = NULL;

  /* The top of the form, the company's status: the one chosen, else the first. */
  for (guint i = 0; i < self->company_toggles->len; i++)
    {
      GtkWidget *toggle = g_ptr_array_index (self->company_toggles, i);

      if (target == NULL || gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)))
        target = toggle;
    }
  if (target == NULL || !gtk_widget_is_sensitive (target))
    target = GTK_WIDGET (self->company_mode ? self->company_comment_view : self->expert_comment_view);
  focus_and_reveal (self, target);
}

/* Enter or Space on an evidence panel's header opens or closes it; on a procedure not
 * yet performed it switches it on, which opens it, as its switch would. */
static gboolean
on_evidence_key (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 gpointer               user_data)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  GtkWidget *header = g_object_get_data (G_OBJECT (row), "scs-header");
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (row)));

  if (focus == NULL || focus != header ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 ||
      (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter &&
       keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space))
    return FALSE;
  if (!adw_expander_row_get_enable_expansion (row))
    adw_expander_row_set_enable_expansion (row, TRUE);
  else
    adw_expander_row_set_expanded (row, !adw_expander_row_get_expanded (row));
  return TRUE;
}

/* The panel is one stop for Tab, at its header row (AdwExpanderRow is a list row that
 * takes focus itself without doing anything on Enter). */
static void
setup_evidence_keys (AdwExpanderRow *row)
{
  GtkEventController *controller = gtk_event_controller_key_new ();
  GtkWidget *header = NULL;
  GPtrArray *queue = g_ptr_array_new ();

  g_ptr_array_add (queue, row);
  for (guint i = 0; i < queue->len && header == NULL; i++)
    for (GtkWidget *child = gtk_widget_get_first_child (g_ptr_array_index (queue, i));
         child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_LIST_BOX_ROW (child))
        {
          header = child;
          break;
        }
      else
        g_ptr_array_add (queue, child);
  g_ptr_array_unref (queue);

  gtk_widget_set_focusable (GTK_WIDGET (row), FALSE);
  g_object_set_data (G_OBJECT (row), "scs-header", header);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_evidence_key), NULL);
  gtk_widget_add_controller (GTK_WIDGET (row), controller);
}

/* construction ------------------------------------------------------------------------- */

static void
bind_performed (GBindingGroup  *group,
                AdwExpanderRow *row)
{
  g_binding_group_bind (group, SCS_P_PROCEDURE_PERFORMED, row, "enable-expansion",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  scs_accessible_name_enable_switch (row, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static const char *guide_markup =
  N_("<b>Interview flow</b>\n"
     "1. Is there a plan or rule?  2. Is it documented?  3. Who is responsible?  "
     "4. Does practice match the rule?\n"
     "Mix closed questions with open ones (who, what, when, where, why, how).\n\n"
     "<b>The seven viewpoints</b>\n"
     "1. Effective for this business\n"
     "2. Applied without exceptions\n"
     "3. Sustainable for the company’s size\n"
     "4. Items in preparation done within months\n"
     "5. Priorities clear by urgency, importance and difficulty\n"
     "6. Maturity can keep rising\n"
     "7. Management understands and leads");

static const ScsViewFields view_fields = {
  G_STRUCT_OFFSET (ScsCriterionPage, company_mode),
  G_STRUCT_OFFSET (ScsCriterionPage, editable),
  apply_mode,
  apply_mode,
};

static void
scs_criterion_page_dispose (GObject *object)
{
  ScsCriterionPage *self = SCS_CRITERION_PAGE (object);

  if (self->engagement != NULL)
    scs_criterion_page_set_context (self, NULL, NULL);
  if (self->reveal_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_id);
  self->reveal_id = 0;
  g_clear_weak_pointer (&self->reveal_target);
  g_clear_object (&self->assessment_bindings);
  for (guint i = 0; i < SCS_N_PROCEDURES; i++)
    g_clear_object (&self->procedure_bindings[i]);
  g_clear_pointer (&self->company_toggles, g_ptr_array_unref);
  g_clear_pointer (&self->verdict_toggles, g_ptr_array_unref);
  g_clear_pointer (&self->company_values, g_strfreev);
  g_clear_pointer (&self->verdict_values, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_CRITERION_PAGE);

  G_OBJECT_CLASS (scs_criterion_page_parent_class)->dispose (object);
}

static void
scs_criterion_page_class_init (ScsCriterionPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_criterion_page_dispose;
  scs_view_class_install (G_OBJECT_CLASS (klass), &view_fields);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SCS_RESOURCE_PREFIX "/ui/scs-criterion-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, ScsCriterionPage, name)
  CHILD (paned); CHILD (text_scroller); CHILD (scroller); CHILD (path_label); CHILD (title_label); CHILD (requirement_label);
  CHILD (criterion_heading); CHILD (criterion_label); CHILD (guide_expander); CHILD (guide_label);
  CHILD (company_group); CHILD (company_box); CHILD (hint_label); CHILD (company_comment_view);
  CHILD (evidence_group); CHILD (documents_row); CHILD (documents_list); CHILD (inventory_row);
  CHILD (inventory_add_button); CHILD (new_document_row); CHILD (documents_notes_view);
  CHILD (system_row); CHILD (system_checked_row); CHILD (files_list); CHILD (system_notes_view);
  CHILD (site_row); CHILD (site_place_row); CHILD (site_date_row); CHILD (site_notes_view);
  CHILD (interview_row); CHILD (interviewee_title_row); CHILD (interviewee_name_row);
  CHILD (interview_notes_view); CHILD (verdict_group); CHILD (verdict_box);
  CHILD (missing_comment_box); CHILD (expert_comment_view); CHILD (follow_up_check);
  CHILD (internal_box); CHILD (internal_note_view); CHILD (plan_item_button);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_inventory_add);
  gtk_widget_class_bind_template_callback (widget_class, on_new_document_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_add_file);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
scs_criterion_page_init (ScsCriterionPage *self)
{
  GBindingGroup *a, **p;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The texts pinned above never take the room the verdict needs (the texts scroll). */
  scs_paned_limit_share (GTK_PANED (self->paned), 0.25);
  self->editable = TRUE;
  self->company_toggles = g_ptr_array_new ();
  self->verdict_toggles = g_ptr_array_new ();
  gtk_label_set_markup (self->guide_label, _(guide_markup));

  self->inventory_titles = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->inventory_row, G_LIST_MODEL (self->inventory_titles));
  g_object_unref (self->inventory_titles);

  a = self->assessment_bindings = g_binding_group_new ();
  scs_bind_group_text_view (a, SCS_M_ASSESSMENT_COMPANY_COMMENT, self->company_comment_view);
  scs_bind_group_text_view (a, SCS_M_ASSESSMENT_EXPERT_COMMENT, self->expert_comment_view);
  scs_bind_group_text_view (a, SCS_M_ASSESSMENT_INTERNAL_NOTE, self->internal_note_view);
  g_binding_group_bind (a, SCS_P_ASSESSMENT_FOLLOW_UP, self->follow_up_check, "active",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  p = self->procedure_bindings;
  for (guint i = 0; i < SCS_N_PROCEDURES; i++)
    p[i] = g_binding_group_new ();
  /* A row of choices is one stop for Tab, arrows move along it, Space chooses. */
  scs_keynav_group (GTK_WIDGET (self->company_box), TRUE);
  scs_keynav_group (GTK_WIDGET (self->verdict_box), TRUE);
  bind_performed (p[0], self->documents_row);
  scs_bind_group_text_view (p[0], SCS_M_PROCEDURE_NOTES, self->documents_notes_view);
  bind_performed (p[1], self->system_row);
  scs_bind_group_checked_text (p[1], SCS_M_PROCEDURE_CHECKED, self->system_checked_row, NULL);
  scs_bind_group_text_view (p[1], SCS_M_PROCEDURE_NOTES, self->system_notes_view);
  bind_performed (p[2], self->site_row);
  scs_bind_group_checked_text (p[2], SCS_M_PROCEDURE_PLACE, self->site_place_row, NULL);
  scs_bind_group_checked_text (p[2], SCS_M_PROCEDURE_DATE, self->site_date_row, scs_normalize_date);
  scs_bind_group_text_view (p[2], SCS_M_PROCEDURE_NOTES, self->site_notes_view);
  bind_performed (p[3], self->interview_row);
  setup_evidence_keys (self->documents_row);
  setup_evidence_keys (self->system_row);
  setup_evidence_keys (self->site_row);
  setup_evidence_keys (self->interview_row);
  scs_bind_group_checked_text (p[3], SCS_M_PROCEDURE_INTERVIEWEE_TITLE, self->interviewee_title_row, NULL);
  scs_bind_group_checked_text (p[3], SCS_M_PROCEDURE_INTERVIEWEE_NAME, self->interviewee_name_row, NULL);
  add_interviewee_menu (self);
  scs_bind_group_text_view (p[3], SCS_M_PROCEDURE_NOTES, self->interview_notes_view);
}
