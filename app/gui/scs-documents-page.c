/* scs-documents-page.c — the company's document inventory, and where each is cited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Documents evidence panels cite these by id. A document that is cited cannot be
 * removed until its citations are; the row says where it is cited, each a link (action
 * win.show-node).
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "scs-documents-page.h"
#include "scs-bind.h"

struct _ScsDocumentsPage
{
  GtkWidget      parent_instance;

  GtkWidget     *page;
  GtkListBox    *documents_list;

  ScsEngagement *engagement;
  ScsHistory    *history;
  guint          citations_id;
  GHashTable    *citations;     /* document id → GListStore, see citations_of */
  gboolean       editable;
};

G_DEFINE_FINAL_TYPE (ScsDocumentsPage, scs_documents_page, GTK_TYPE_WIDGET)

static const char * const kind_ids[] = { "policy", "procedure", "record", "other", NULL };
static const char *kind_titles[] = { N_("Policy"), N_("Procedure"), N_("Record"), N_("Other") };

GPtrArray *
scs_documents_page_citations (ScsEngagement *engagement,
                              const char    *document_id)
{
  GListModel *assessments = scs_engagement_get_assessments (engagement);
  GPtrArray *citing = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(ScsAssessment) a = g_list_model_get_item (assessments, i);
      GListModel *refs = scs_record_get_list (SCS_RECORD (scs_assessment_get_procedure (a, 0)), SCS_M_PROCEDURE_REFS);

      for (guint r = 0; r < g_list_model_get_n_items (refs); r++)
        {
          g_autoptr(ScsRecord) ref = g_list_model_get_item (refs, r);

          if (g_str_equal (scs_record_get_string (ref, SCS_M_REFERENCE_DOCUMENT), document_id))
            {
              g_ptr_array_add (citing, g_strdup (scs_assessment_get_criterion (a)));
              break;
            }
        }
    }
  return citing;
}

char *
scs_documents_page_label (ScsRecord *document)
{
  const char *id = scs_record_get_string (document, SCS_M_DOCUMENT_ID);
  const char *title = scs_record_get_string (document, SCS_M_DOCUMENT_TITLE);
  const char *version = scs_record_get_string (document, SCS_M_DOCUMENT_VERSION);

  if (title[0] == '\0')
    title = _("(untitled)");
  if (version[0] != '\0')
    /* TRANSLATORS: a document in a picker: its id, title and (version) */
    return g_strdup_printf (_("%s %s (%s)"), id, title, version);
  return g_strdup_printf ("%s %s", id, title);
}

/* rows ------------------------------------------------------------------------------------- */

static void
on_cited_clicked (GtkButton        *button,
                  ScsDocumentsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-node", "s", gtk_button_get_label (button));
}

static char *
row_subtitle (ScsRecord *doc,
              guint      n_cited)
{
  guint kind = 3;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint k = 0; kind_ids[k] != NULL; k++)
    if (g_str_equal (scs_record_get_string (doc, SCS_M_DOCUMENT_KIND), kind_ids[k]))
      kind = k;
  g_string_append_printf (text, "%s · %s", scs_record_get_string (doc, SCS_M_DOCUMENT_ID), _(kind_titles[kind]));
  if (scs_record_get_string (doc, SCS_M_DOCUMENT_VERSION)[0] != '\0')
    g_string_append_printf (text, " · %s", scs_record_get_string (doc, SCS_M_DOCUMENT_VERSION));
  if (scs_record_get_string (doc, SCS_M_DOCUMENT_DATE)[0] != '\0')
    g_string_append_printf (text, " · %s", scs_record_get_string (doc, SCS_M_DOCUMENT_DATE));
  g_string_append (text, " · ");
  if (n_cited == 0)
    g_string_append (text, _("not cited"));
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "cited by %u criterion",
                                               "cited by %u criteria", n_cited), n_cited);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The criteria citing the document with id (GtkStringObjects), one list per id that the
 * rows' links, remove button and "Cited by" line follow. */
static GListStore *
citations_of (ScsDocumentsPage *self,
              const char       *id)
{
  GListStore *store = g_hash_table_lookup (self->citations, id);

  if (store == NULL)
    {
      store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
      g_hash_table_insert (self->citations, g_strdup (id), store);
    }
  return store;
}

/* Brings a row's subtitle and its citations up to date. */
static void
update_row (ScsDocumentsPage *self,
            GtkWidget        *row,
            ScsRecord        *doc)
{
  const char *id = scs_record_get_string (doc, SCS_M_DOCUMENT_ID);
  g_autoptr(GPtrArray) citing = scs_documents_page_citations (self->engagement, id);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store = citations_of (self, id);
  g_autofree char *subtitle = row_subtitle (doc, citing->len);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  for (guint i = 0; i < citing->len; i++)
    g_ptr_array_add (strings, gtk_string_object_new (g_ptr_array_index (citing, i)));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), strings->pdata, strings->len);
}

static ScsRecord *
row_document (ScsDocumentsPage *self,
              GtkWidget        *row)
{
  g_autoptr(ScsRecord) doc = g_list_model_get_item (scs_record_get_list (SCS_RECORD (self->engagement),
                                                                         SCS_M_ENGAGEMENT_DOCUMENTS),
                                                    gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));

  return doc;   /* the engagement's list holds it */
}

static void
update_rows (ScsDocumentsPage *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_EXPANDER_ROW (row))
      update_row (self, row, row_document (self, row));
}

static gboolean
on_citations_timeout (gpointer user_data)
{
  ScsDocumentsPage *self = user_data;

  self->citations_id = 0;
  update_rows (self);
  return G_SOURCE_REMOVE;
}

static void
on_engagement_changed (ScsDocumentsPage *self)
{
  if (self->citations_id == 0)
    self->citations_id = g_timeout_add (300, on_citations_timeout, self);
}

static void
on_remove (GtkWidget *row)
{
  ScsDocumentsPage *self = SCS_DOCUMENTS_PAGE (gtk_widget_get_ancestor (row, SCS_TYPE_DOCUMENTS_PAGE));
  ScsRecord *doc = row_document (self, row);
  GListStore *documents = G_LIST_STORE (scs_record_get_list (SCS_RECORD (self->engagement),
                                                             SCS_M_ENGAGEMENT_DOCUMENTS));
  guint position;

  g_autoptr(GPtrArray) citing = scs_documents_page_citations (self->engagement,
                                                              scs_record_get_string (doc, SCS_M_DOCUMENT_ID));

  /* The button is made insensitive a moment after a citation is added; a click in
   * between must not leave references to a document the inventory no longer has. */
  if (citing->len == 0 && g_list_store_find (documents, doc, &position))
    {
      scs_history_seal (self->history);
      scs_history_remove (self->history, SCS_RECORD (self->engagement), documents, position);
    }
}

static GtkWidget *
create_link (gpointer item,
             gpointer user_data)
{
  GtkWidget *link = gtk_button_new_with_label (gtk_string_object_get_string (item));

  gtk_widget_add_css_class (link, "pill-small");
  gtk_widget_set_tooltip_text (link, _("Open this criterion"));
  g_signal_connect (link, "clicked", G_CALLBACK (on_cited_clicked), user_data);
  return link;
}

static gboolean
none_to_sensitive (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_uint (from) == 0);
  return TRUE;
}

static gboolean
some_to_visible (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_uint (from) > 0);
  return TRUE;
}

static gboolean
count_to_tooltip (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_string (to, g_value_get_uint (from) == 0
                          ? _("Remove this document")
                          : _("Cited as evidence: remove the citations first"));
  return TRUE;
}

static GtkWidget *
create_document_row (gpointer item,
                     gpointer user_data)
{
  ScsDocumentsPage *self = user_data;
  ScsRecord *doc = item;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *kind = adw_combo_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *cited_row = adw_action_row_new ();
  GtkWidget *links = gtk_flow_box_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GListStore *citing = citations_of (self, scs_record_get_string (doc, SCS_M_DOCUMENT_ID));

  g_object_bind_property (doc, SCS_P_DOCUMENT_TITLE, row, "title", G_BINDING_SYNC_CREATE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), scs_bind_entry_row (doc, SCS_M_DOCUMENT_TITLE, _("Title"), NULL));
  for (guint k = 0; k < G_N_ELEMENTS (kind_titles); k++)
    gtk_string_list_append (kinds, _(kind_titles[k]));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (kinds));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Kind"));
  scs_bind_choice (doc, SCS_M_DOCUMENT_KIND, kind, kind_ids);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), kind);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            scs_bind_entry_row (doc, SCS_M_DOCUMENT_VERSION, _("Version"), NULL));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            scs_bind_entry_row (doc, SCS_M_DOCUMENT_DATE, _("Last updated (YYYY-MM-DD)"),
                                                scs_normalize_date));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), scs_bind_entry_row (doc, SCS_M_DOCUMENT_OWNER, _("Owner"), NULL));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            scs_bind_entry_row (doc, SCS_M_DOCUMENT_LOCATION, _("Where it is kept"), NULL));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (cited_row), _("Cited by"));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (links), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (links), 8);
  gtk_widget_set_valign (links, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (links, TRUE);
  gtk_flow_box_bind_model (GTK_FLOW_BOX (links), G_LIST_MODEL (citing), create_link, self, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (cited_row), links);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), cited_row);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove), row, G_CONNECT_SWAPPED);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

  /* A cited document stays: its button says why. */
  g_object_bind_property_full (citing, "n-items", gtk_widget_get_parent (links), "visible", G_BINDING_SYNC_CREATE,
                               some_to_visible, NULL, NULL, NULL);
  g_object_bind_property_full (citing, "n-items", remove, "sensitive", G_BINDING_SYNC_CREATE,
                               none_to_sensitive, NULL, NULL, NULL);
  g_object_bind_property_full (citing, "n-items", remove, "tooltip-text", G_BINDING_SYNC_CREATE,
                               count_to_tooltip, NULL, NULL, NULL);
  if (self->engagement != NULL)
    update_row (self, row, doc);
  return row;
}

ScsRecord *
scs_documents_page_add_document (ScsDocumentsPage *self)
{
  GListStore *documents;
  g_autoptr(ScsRecord) doc = NULL;
  g_autofree char *id = NULL;
  GtkListBoxRow *row;
  guint n;

  g_return_val_if_fail (self->engagement != NULL, NULL);
  documents = G_LIST_STORE (scs_record_get_list (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_DOCUMENTS));
  n = g_list_model_get_n_items (G_LIST_MODEL (documents));
  id = scs_engagement_new_document_id (self->engagement);
  doc = g_object_new (SCS_TYPE_DOCUMENT, NULL);
  scs_record_set_string (doc, SCS_M_DOCUMENT_ID, id);
  scs_record_set_string (doc, SCS_M_DOCUMENT_KIND, "policy");
  scs_history_seal (self->history);
  scs_history_insert (self->history, SCS_RECORD (self->engagement), documents, n, doc);
  row = gtk_list_box_get_row_at_index (self->documents_list, n);
  if (row != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  return doc;
}

static void
on_add (ScsDocumentsPage *self)
{
  if (self->engagement != NULL)
    scs_documents_page_add_document (self);
}

void
scs_documents_page_set_context (ScsDocumentsPage *self,
                                ScsEngagement    *engagement,
                                ScsHistory       *history)
{
  if (self->engagement != NULL)
    g_signal_handlers_disconnect_by_data (self->engagement, self);
  g_clear_handle_id (&self->citations_id, g_source_remove);
  gtk_list_box_bind_model (self->documents_list, NULL, NULL, NULL, NULL);
  if (self->citations != NULL)
    g_hash_table_remove_all (self->citations);
  g_set_object (&self->engagement, engagement);
  g_set_object (&self->history, history);
  if (engagement == NULL)
    return;
  gtk_list_box_bind_model (self->documents_list,
                           scs_record_get_list (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_DOCUMENTS),
                           create_document_row, self, NULL);
  g_signal_connect_swapped (engagement, "changed", G_CALLBACK (on_engagement_changed), self);
}

static void
sync_editable (gpointer view)
{
  ScsDocumentsPage *self = view;

  gtk_widget_set_sensitive (self->page, self->editable);
}

static const ScsViewFields view_fields = {
  -1,
  G_STRUCT_OFFSET (ScsDocumentsPage, editable),
  NULL,
  sync_editable,
};

static void
scs_documents_page_dispose (GObject *object)
{
  ScsDocumentsPage *self = SCS_DOCUMENTS_PAGE (object);

  scs_documents_page_set_context (self, NULL, NULL);
  g_clear_pointer (&self->citations, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_DOCUMENTS_PAGE);
  G_OBJECT_CLASS (scs_documents_page_parent_class)->dispose (object);
}

static void
scs_documents_page_class_init (ScsDocumentsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_documents_page_dispose;
  scs_view_class_install (G_OBJECT_CLASS (klass), &view_fields);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SCS_RESOURCE_PREFIX "/ui/scs-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsDocumentsPage, page);
  gtk_widget_class_bind_template_child (widget_class, ScsDocumentsPage, documents_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
scs_documents_page_init (ScsDocumentsPage *self)
{
  self->citations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}
