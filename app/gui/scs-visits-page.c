/* scs-visits-page.c — the visits: when, who, the agenda, what was done and asked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One group per visit, three at least: date and times, on site or online, the place and
 * who writes its report, the attendees of both sides, the agenda as a timetable, and what
 * the visit report needs — what was done, the requests to the company, the next steps, notes.
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "scs-visits-page.h"
#include "scs-bind.h"
#include "scs-record-row.h"

struct _ScsVisitsPage
{
  GtkWidget      parent_instance;

  AdwPreferencesPage *page;
  GPtrArray     *groups;

  ScsEngagement *engagement;
  ScsHistory    *history;
  gboolean       rebuilding;
  gboolean       company_mode;   /* the expert's notes are not the company's to see */
  gboolean       editable;
};

G_DEFINE_FINAL_TYPE (ScsVisitsPage, scs_visits_page, GTK_TYPE_WIDGET)

/* The standard schedule of a first visit, from the guide of the support programme (seed
 * 000, 当日タイムスケジュール（例）): start, minutes, topics, points to consider. It is the
 * company's meeting, so it stays in Japanese. */
static const struct {
  const char *time;
  int         minutes;
  const char *topic;
  const char *points;
} first_visit[] = {
  { "13:30", 10, "自己紹介と当事業内容全体の説明/確認\n当日の進め方と準備資料についての説明と合意\n情報の取り扱い",
    "セキュリティマネジメント指導の目的と、目標とする成果物を明確に伝える" },
  { "13:40", 60, "企業の事業（業務）内容と情報システム環境の理解",
    "企業ホームページ等での事前確認を踏まえて、効率的にヒアリングを進める" },
  { "14:40", 10, "休憩", "" },
  { "14:50", 20, "情報セキュリティ規定類の整備状況の確認",
    "セキュリティアセスメントシートの評価の際に関係書類として利用できるドキュメントの一覧を確認する" },
  { "15:30", 60, "セキュリティアセスメントシートの要求事項についての説明",
    "企業側がセキュリティアセスメントシート記入に際して留意するポイントについて説明する" },
  { "16:10", 10, "追加で必要となる情報の提供依頼",
    "第2回の準備作業に間に合うように、できる限り早めの対応を依頼する" },
  { "16:20", 10, "全体を通してのQ&A\n次回以降の日程と準備事項の確認", "第2回目の冒頭で前回の振り返りを行う" },
};

static const char * const mode_ids[] = { "on_site", "online", NULL };
static const char *mode_titles[] = { N_("On site"), N_("Online") };
static const char * const side_ids[] = { "company", "expert", NULL };
static const char *side_titles[] = { NC_("attendee side", "Company"), NC_("attendee side", "Expert") };

static void rebuild (ScsVisitsPage *self);

/* bindings --------------------------------------------------------------------------------- */

static GtkWidget *
drop_down (ScsRecord          *record,
           const char         *property,
           const char * const *ids,
           const char **titles,
           const char  *context,
           const char  *label)
{
  const char *translated[3] = { g_dpgettext2 (GETTEXT_PACKAGE, context, titles[0]),
                                g_dpgettext2 (GETTEXT_PACKAGE, context, titles[1]), NULL };
  GtkWidget *dd = gtk_drop_down_new_from_strings (translated);

  gtk_accessible_update_property (GTK_ACCESSIBLE (dd), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  scs_bind_choice (record, property, dd, ids);
  return dd;
}

/* A multi-line text with its label; grows with the text, then scrolls. */
static GtkWidget *
text_box (ScsRecord  *record,
          const char *property,
          const char *label_text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (label_text);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_add_css_class (view, "note-view");
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_object_bind_property (record, property, buffer, "text", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 72);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_widget_set_margin_top (box, 12);
  return box;
}

/* lists inside a visit --------------------------------------------------------------------- */

/* The rows of one of a visit's lists know where their records are. */
typedef struct {
  ScsVisitsPage *page;
  ScsRecord     *visit;
  const char    *list;   /* the visit's member */
} RowContext;

static void
on_remove_from_list (ScsRecordRow *row,
                     ScsRecord    *item,
                     RowContext   *ctx)
{
  GListStore *list = G_LIST_STORE (scs_record_get_list (ctx->visit, ctx->list));
  guint position;

  if (g_list_store_find (list, item, &position))
    {
      scs_history_seal (ctx->page->history);
      scs_history_remove (ctx->page->history, ctx->visit, list, position);
    }
}

/* Two lines a row: the page is narrow and Japanese titles are long. The first line has
 * the remove button, the second what the page adds below. */
static ScsRecordRow *
list_row (RowContext *ctx,
          ScsRecord  *item,
          const char *remove_tooltip)
{
  ScsRecordRow *row = scs_record_row_new (item, ctx->page->history, remove_tooltip);

  g_signal_connect (row, "remove", G_CALLBACK (on_remove_from_list), ctx);
  return row;
}

static GtkWidget *
create_attendee_row (gpointer item,
                     gpointer user_data)
{
  ScsRecord *attendee = item;
  ScsRecordRow *row = list_row (user_data, attendee, _("Remove this attendee"));
  GtkWidget *second = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  scs_record_row_add (row, scs_bind_entry (attendee, SCS_M_ATTENDEE_TITLE, C_("attendee", "Title"), 0, NULL));
  scs_record_row_add (row, scs_bind_entry (attendee, SCS_M_ATTENDEE_NAME, _("Name"), 0, NULL));
  gtk_box_append (GTK_BOX (second), scs_bind_entry (attendee, SCS_M_ATTENDEE_ORGANISATION, _("Organisation"), 0, NULL));
  gtk_box_append (GTK_BOX (second), drop_down (attendee, SCS_M_ATTENDEE_SIDE, side_ids, side_titles,
                                               "attendee side", _("Side")));
  scs_record_row_add_below (row, second);
  return GTK_WIDGET (row);
}

static GtkWidget *
create_agenda_row (gpointer item,
                   gpointer user_data)
{
  ScsRecord *agenda = item;
  ScsRecordRow *row = list_row (user_data, agenda, _("Remove this agenda row"));
  GtkWidget *second = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *time = gtk_entry_new ();
  GtkWidget *minutes = gtk_spin_button_new_with_range (0, 24 * 60, 5);
  GtkWidget *unit = gtk_label_new (_("min"));

  gtk_entry_set_placeholder_text (GTK_ENTRY (time), _("Start"));
  gtk_editable_set_width_chars (GTK_EDITABLE (time), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (time), 5);
  gtk_accessible_update_property (GTK_ACCESSIBLE (time), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Start"), -1);
  scs_bind_checked_text (agenda, SCS_M_AGENDA_ROW_TIME, time, scs_normalize_time);
  gtk_accessible_update_property (GTK_ACCESSIBLE (minutes), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minutes"), -1);
  gtk_widget_set_valign (minutes, GTK_ALIGN_CENTER);
  g_object_bind_property (agenda, SCS_P_AGENDA_ROW_MINUTES,
                          gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (minutes)), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_widget_add_css_class (unit, "dim-label");
  gtk_widget_set_hexpand (unit, TRUE);
  gtk_widget_set_halign (unit, GTK_ALIGN_START);
  scs_record_row_add (row, time);
  scs_record_row_add (row, minutes);
  scs_record_row_add (row, unit);
  /* Topics and points are sentences: each gets the whole width. */
  gtk_box_append (GTK_BOX (second), scs_bind_entry (agenda, SCS_M_AGENDA_ROW_TOPIC, _("Topic"), 0, NULL));
  gtk_box_append (GTK_BOX (second), scs_bind_entry (agenda, SCS_M_AGENDA_ROW_POINTS, _("Points to consider"), 0, NULL));
  scs_record_row_add_below (row, second);
  return GTK_WIDGET (row);
}

/* adding ----------------------------------------------------------------------------------- */

static ScsRecord *
append (ScsVisitsPage *self,
        ScsRecord     *visit,
        const char    *list_name,
        ScsRecord     *item)
{
  GListStore *list = G_LIST_STORE (scs_record_get_list (visit, list_name));

  scs_history_insert (self->history, visit, list, g_list_model_get_n_items (G_LIST_MODEL (list)), item);
  return item;
}

ScsRecord *
scs_visits_page_add_attendee (ScsVisitsPage *self,
                              ScsRecord     *visit,
                              const char    *side)
{
  g_autoptr(ScsRecord) attendee = g_object_new (SCS_TYPE_ATTENDEE, NULL);

  scs_record_set_string (attendee, SCS_M_ATTENDEE_SIDE, side);
  if (g_str_equal (side, "company"))
    scs_record_set_string (attendee, SCS_M_ATTENDEE_ORGANISATION,
                           scs_record_get_string (SCS_RECORD (scs_engagement_get_company (self->engagement)),
                                                  SCS_M_COMPANY_NAME));
  scs_history_seal (self->history);
  return append (self, visit, SCS_M_VISIT_ATTENDEES, attendee);
}

void
scs_visits_page_fill_agenda (ScsVisitsPage *self,
                             ScsRecord     *visit)
{
  scs_history_begin_group (self->history);
  for (guint i = 0; i < G_N_ELEMENTS (first_visit); i++)
    {
      g_autoptr(ScsRecord) row = g_object_new (SCS_TYPE_AGENDA_ROW, NULL);

      scs_record_set_string (row, SCS_M_AGENDA_ROW_TIME, first_visit[i].time);
      scs_record_set_int (row, SCS_M_AGENDA_ROW_MINUTES, first_visit[i].minutes);
      scs_record_set_string (row, SCS_M_AGENDA_ROW_TOPIC, first_visit[i].topic);
      scs_record_set_string (row, SCS_M_AGENDA_ROW_POINTS, first_visit[i].points);
      append (self, visit, SCS_M_VISIT_AGENDA, row);
    }
  scs_history_end_group (self->history);
}

static void
on_add_company_attendee (RowContext *ctx)
{
  scs_visits_page_add_attendee (ctx->page, ctx->visit, "company");
}

static void
on_add_expert_attendee (RowContext *ctx)
{
  scs_visits_page_add_attendee (ctx->page, ctx->visit, "expert");
}

static void
on_add_agenda_row (RowContext *ctx)
{
  g_autoptr(ScsRecord) row = g_object_new (SCS_TYPE_AGENDA_ROW, NULL);

  scs_history_seal (ctx->page->history);
  append (ctx->page, ctx->visit, SCS_M_VISIT_AGENDA, row);
}

static void
on_fill_agenda (RowContext *ctx)
{
  scs_visits_page_fill_agenda (ctx->page, ctx->visit);
}

static void
action_button (GtkWidget  *buttons,
               RowContext *ctx,
               const char *label,
               GCallback   callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect_swapped (button, "clicked", callback, ctx);
  gtk_box_append (GTK_BOX (buttons), button);
}

/* a visit ---------------------------------------------------------------------------------- */

/* The list of the visit's member list, under its heading; the context it returns lives as
 * long as the list. */
static RowContext *
sub_list (GtkWidget                 *box,
          ScsVisitsPage             *self,
          ScsRecord                 *visit,
          const char                *member,
          GtkListBoxCreateWidgetFunc create,
          const char                *label)
{
  GtkWidget *heading = gtk_label_new (label);
  GtkWidget *list = gtk_list_box_new ();
  RowContext *ctx = g_new0 (RowContext, 1);

  ctx->page = self;
  ctx->visit = visit;
  ctx->list = member;
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), scs_record_get_list (visit, member), create, ctx, g_free);
  gtk_box_append (GTK_BOX (box), list);
  return ctx;
}

static GtkWidget *
visit_group (ScsVisitsPage *self,
             ScsRecord     *visit)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *details = gtk_list_box_new ();
  GtkWidget *mode = adw_combo_row_new ();
  GtkWidget *buttons;
  RowContext *ctx;
  g_autofree char *title = g_strdup_printf (_("Visit %d"), (int) scs_record_get_int (visit, SCS_M_VISIT_NUMBER));
  const char *modes[3] = { _(mode_titles[0]), _(mode_titles[1]), NULL };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (details), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (details, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (details),
                       scs_bind_entry_row (visit, SCS_M_VISIT_DATE, _("Date (YYYY-MM-DD)"), scs_normalize_date));
  gtk_list_box_append (GTK_LIST_BOX (details),
                       scs_bind_entry_row (visit, SCS_M_VISIT_START, _("From (HH:MM)"), scs_normalize_time));
  gtk_list_box_append (GTK_LIST_BOX (details),
                       scs_bind_entry_row (visit, SCS_M_VISIT_END, _("To (HH:MM)"), scs_normalize_time));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (mode), _("Where"));
  adw_combo_row_set_model (ADW_COMBO_ROW (mode), G_LIST_MODEL (gtk_string_list_new (modes)));
  g_object_unref (adw_combo_row_get_model (ADW_COMBO_ROW (mode)));
  scs_bind_choice (visit, SCS_M_VISIT_MODE, mode, mode_ids);
  gtk_list_box_append (GTK_LIST_BOX (details), mode);
  /* TRANSLATORS: where a visit is held: a meeting room, or the online service used */
  gtk_list_box_append (GTK_LIST_BOX (details),
                       scs_bind_entry_row (visit, SCS_M_VISIT_PLACE, _("Place"), NULL));
  /* TRANSLATORS: who writes the visit report; the report names the expert when empty */
  gtk_list_box_append (GTK_LIST_BOX (details),
                       scs_bind_entry_row (visit, SCS_M_VISIT_AUTHOR,
                                           _("Report Author (the expert when empty)"), NULL));
  gtk_box_append (GTK_BOX (box), details);

  ctx = sub_list (box, self, visit, SCS_M_VISIT_ATTENDEES, create_attendee_row, _("Attendees"));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  action_button (buttons, ctx, _("_Add from the Company"), G_CALLBACK (on_add_company_attendee));
  action_button (buttons, ctx, _("Add an E_xpert"), G_CALLBACK (on_add_expert_attendee));
  gtk_box_append (GTK_BOX (box), buttons);

  ctx = sub_list (box, self, visit, SCS_M_VISIT_AGENDA, create_agenda_row, _("Agenda"));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  action_button (buttons, ctx, _("Add a _Row"), G_CALLBACK (on_add_agenda_row));
  if (g_list_model_get_n_items (scs_record_get_list (visit, SCS_M_VISIT_AGENDA)) == 0)
    action_button (buttons, ctx, _("Use the Standard _First-Visit Schedule"), G_CALLBACK (on_fill_agenda));
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_box_append (GTK_BOX (box), text_box (visit, SCS_P_VISIT_DONE, _("What was done")));
  gtk_box_append (GTK_BOX (box), text_box (visit, SCS_P_VISIT_REQUESTS, _("Requests to the company")));
  gtk_box_append (GTK_BOX (box), text_box (visit, SCS_P_VISIT_NEXT_STEPS, _("Next steps")));
  if (!self->company_mode)
    gtk_box_append (GTK_BOX (box), text_box (visit, SCS_P_VISIT_NOTES, _("Notes")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  return group;
}

/* the page --------------------------------------------------------------------------------- */

static int
visit_count (ScsVisitsPage *self)
{
  GListModel *visits = scs_record_get_list (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_VISITS);
  int highest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(ScsRecord) v = g_list_model_get_item (visits, i);

      highest = MAX (highest, (int) scs_record_get_int (v, SCS_M_VISIT_NUMBER));
    }
  return highest;
}

static gboolean
visit_number_used (ScsVisitsPage *self,
                   int            number)
{
  GListModel *visits = scs_record_get_list (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_VISITS);

  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(ScsRecord) v = g_list_model_get_item (visits, i);

      if (scs_record_get_int (v, SCS_M_VISIT_NUMBER) == number)
        return TRUE;
    }
  return FALSE;
}

/* A visit the app makes starts with the expert among its attendees, named as in the
 * engagement's expert details: nobody types their own name at every visit. Nothing when
 * the name is not known yet. Called before the visit joins the engagement, or while the
 * engagement is frozen: part of making the visit, not an edit of its own. */
static void
add_expert_attendee (ScsVisitsPage *self,
                     ScsRecord     *visit)
{
  ScsRecord *expert = scs_record_get_object (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_EXPERT);
  const char *name = scs_record_get_string (expert, SCS_M_EXPERT_NAME);
  g_autoptr(ScsRecord) attendee = NULL;

  if (name[0] == '\0')
    return;
  attendee = g_object_new (SCS_TYPE_ATTENDEE, NULL);
  scs_record_set_string (attendee, SCS_M_ATTENDEE_TITLE, _("Security expert"));
  scs_record_set_string (attendee, SCS_M_ATTENDEE_NAME, name);
  scs_record_set_string (attendee, SCS_M_ATTENDEE_SIDE, "expert");
  g_list_store_append (G_LIST_STORE (scs_record_get_list (visit, SCS_M_VISIT_ATTENDEES)), attendee);
}

static void
rebuild (ScsVisitsPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  if (self->engagement == NULL)
    return;
  /* Making a missing visit changes the list: not a reason to start over. */
  self->rebuilding = TRUE;
  for (int n = 1; n <= MAX (3, visit_count (self)); n++)
    {
      /* Made by showing the page, a visit stays blank — no expert yet — so that looking at
       * a file (a read-only one, a company copy) never changes what it saves or prints. */
      ScsRecord *visit = scs_engagement_ensure_visit (self->engagement, n);
      GtkWidget *group;

      group = visit_group (self, visit);

      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }
  self->rebuilding = FALSE;
}

ScsRecord *
scs_visits_page_add_visit (ScsVisitsPage *self)
{
  GListStore *visits = G_LIST_STORE (scs_record_get_list (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_VISITS));
  g_autoptr(ScsRecord) visit = NULL;
  int number = visit_count (self) + 1;

  /* Numbers run to 99: past that, the first one free, and none when all are taken. */
  for (int n = 1; number > 99 && n <= 99; n++)
    if (!visit_number_used (self, n))
      number = n;
  if (number > 99)
    return NULL;
  visit = g_object_new (SCS_TYPE_VISIT, NULL);
  scs_record_set_int (visit, SCS_M_VISIT_NUMBER, number);
  add_expert_attendee (self, visit);
  scs_history_seal (self->history);
  scs_history_insert (self->history, SCS_RECORD (self->engagement), visits,
                      g_list_model_get_n_items (G_LIST_MODEL (visits)), visit);
  return visit;
}

static void
on_visits_changed (ScsVisitsPage *self)
{
  /* A visit added or taken back (undo): the groups follow. */
  if (!self->rebuilding)
    rebuild (self);
}

void
scs_visits_page_set_context (ScsVisitsPage *self,
                             ScsEngagement *engagement,
                             ScsHistory    *history)
{
  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_data (scs_record_get_list (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_VISITS), self);
  g_set_object (&self->engagement, engagement);
  g_set_object (&self->history, history);
  rebuild (self);
  if (engagement != NULL)
    g_signal_connect_swapped (scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_VISITS), "items-changed",
                              G_CALLBACK (on_visits_changed), self);
}

static void
on_add_visit (ScsVisitsPage *self)
{
  if (self->engagement != NULL)
    scs_visits_page_add_visit (self);
}

static void
on_company_mode_changed (gpointer view)
{
  rebuild (view);
}

static void
sync_editable (gpointer view)
{
  ScsVisitsPage *self = view;

  gtk_widget_set_sensitive (GTK_WIDGET (self->page), self->editable);
}

static const ScsViewFields view_fields = {
  G_STRUCT_OFFSET (ScsVisitsPage, company_mode),
  G_STRUCT_OFFSET (ScsVisitsPage, editable),
  on_company_mode_changed,
  sync_editable,
};

static void
scs_visits_page_dispose (GObject *object)
{
  ScsVisitsPage *self = SCS_VISITS_PAGE (object);

  if (self->engagement != NULL)
    scs_visits_page_set_context (self, NULL, NULL);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_VISITS_PAGE);
  G_OBJECT_CLASS (scs_visits_page_parent_class)->dispose (object);
}

static void
scs_visits_page_class_init (ScsVisitsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_visits_page_dispose;
  scs_view_class_install (G_OBJECT_CLASS (klass), &view_fields);
  gtk_widget_class_set_template_from_resource (widget_class, SCS_RESOURCE_PREFIX "/ui/scs-visits-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsVisitsPage, page);
  gtk_widget_class_bind_template_callback (widget_class, on_add_visit);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
scs_visits_page_init (ScsVisitsPage *self)
{
  self->groups = g_ptr_array_new ();
  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}
