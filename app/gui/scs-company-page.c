/* scs-company-page.c — who is assessed and by whom: company, sites, expert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "scs-company-page.h"
#include "scs-bind.h"
#include "scs-record-row.h"

struct _ScsCompanyPage
{
  GtkWidget            parent_instance;

  GtkWidget           *page;
  GtkWidget           *expert_group;
  gboolean             editable;
  gboolean             company_mode;
  AdwEntryRow         *name_row;
  AdwEntryRow         *industry_row;
  AdwComboRow         *band_row;
  AdwEntryRow         *responsible_title_row;
  AdwEntryRow         *responsible_name_row;
  GtkTextView         *business_view;
  GtkTextView         *it_view;
  GtkListBox          *sites_list;
  AdwEntryRow         *expert_name_row;
  AdwEntryRow         *registration_row;
  AdwPreferencesGroup *qualifications_group;

  ScsEngagement       *engagement;
  ScsHistory          *history;
  GBindingGroup       *company_bindings;
  GBindingGroup       *expert_bindings;
  GPtrArray           *qualification_checks;
  AdwEntryRow         *other_row;
  GPtrArray           *band_ids;       /* ids in the combo's order; "" first: not set */
  GtkDropDown         *industry_list;  /* JSIC middle divisions */
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (ScsCompanyPage, scs_company_page, GTK_TYPE_WIDGET)

/* The qualifications the app knows, in scs_qualification_ids' order. */
static const char *qualification_titles[] = {
  N_("Registered Information Security Specialist"),
  N_("Certified Information Security Auditor"),
  "CISSP",
  "CISM",
  "CISA",
  N_("ISO/IEC 27001 lead auditor"),
  N_("Other"),
};

/* helpers ---------------------------------------------------------------------------------- */

/* employee band ---------------------------------------------------------------------------- */

static gboolean
band_to_selected (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  ScsCompanyPage *self = user_data;
  const char *id = g_value_get_string (from);

  for (guint i = 0; self->band_ids != NULL && i < self->band_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->band_ids, i), id != NULL ? id : "") == 0)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }
  g_value_set_uint (to, 0);
  return TRUE;
}

static gboolean
selected_to_band (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  ScsCompanyPage *self = user_data;
  guint selected = g_value_get_uint (from);

  if (self->band_ids == NULL || selected >= self->band_ids->len)
    return FALSE;
  g_value_set_string (to, g_ptr_array_index (self->band_ids, selected));
  return TRUE;
}

static void
fill_bands (ScsCompanyPage *self)
{
  GPtrArray *bands = scs_framework_get_employee_bands (scs_engagement_get_framework (self->engagement));
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  g_clear_pointer (&self->band_ids, g_ptr_array_unref);
  self->band_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->band_ids, g_strdup (""));
  gtk_string_list_append (titles, _("Not set"));
  for (guint i = 0; bands != NULL && i < bands->len; i++)
    {
      const ScsBand *band = g_ptr_array_index (bands, i);

      g_ptr_array_add (self->band_ids, g_strdup (band->id));
      gtk_string_list_append (titles, scs_band_get_title (band));
    }
  adw_combo_row_set_model (self->band_row, G_LIST_MODEL (titles));
}

/* sites ------------------------------------------------------------------------------------ */

static void
on_remove_site (ScsRecordRow   *row,
                ScsRecord      *site,
                ScsCompanyPage *self)
{
  ScsCompany *company = scs_engagement_get_company (self->engagement);
  GListStore *sites = G_LIST_STORE (scs_record_get_list (SCS_RECORD (company), SCS_M_COMPANY_SITES));
  guint position;

  if (g_list_store_find (sites, site, &position))
    {
      scs_history_seal (self->history);
      scs_history_remove (self->history, SCS_RECORD (company), sites, position);
    }
}

static GtkWidget *
create_site_row (gpointer item,
                 gpointer user_data)
{
  ScsCompanyPage *self = user_data;
  ScsRecord *site = item;
  ScsRecordRow *row = scs_record_row_new (site, self->history, _("Remove this site"));

  scs_record_row_add (row, scs_bind_entry (site, SCS_M_SITE_NAME, _("Site name"), 14, NULL));
  scs_record_row_add (row, scs_bind_entry (site, SCS_M_SITE_ADDRESS, _("Address"), 0, NULL));
  g_signal_connect (row, "remove", G_CALLBACK (on_remove_site), self);
  return GTK_WIDGET (row);
}

void
scs_company_page_add_site (ScsCompanyPage *self)
{
  ScsCompany *company;
  GListStore *sites;
  g_autoptr(ScsRecord) site = NULL;
  GtkListBoxRow *row;
  guint n;

  g_return_if_fail (self->engagement != NULL);
  company = scs_engagement_get_company (self->engagement);
  sites = G_LIST_STORE (scs_record_get_list (SCS_RECORD (company), SCS_M_COMPANY_SITES));
  n = g_list_model_get_n_items (G_LIST_MODEL (sites));
  site = g_object_new (SCS_TYPE_SITE, NULL);
  scs_history_seal (self->history);
  scs_history_insert (self->history, SCS_RECORD (company), sites, n, site);
  row = gtk_list_box_get_row_at_index (self->sites_list, n);
  if (row != NULL)
    scs_record_row_focus (SCS_RECORD_ROW (row));
}

static void
on_add_site (ScsCompanyPage *self)
{
  if (self->engagement != NULL)
    scs_company_page_add_site (self);
}

/* industry --------------------------------------------------------------------------------- */

/* The JSIC middle divisions, "01 農業" and so on, from the resource. */
static GtkStringList *
jsic_divisions (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SCS_RESOURCE_PREFIX "/jsic-middle-divisions.txt", 0, NULL);
  GtkStringList *list = gtk_string_list_new (NULL);
  g_auto(GStrv) lines = NULL;

  if (bytes == NULL)
    return list;
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", 2);

      if (lines[i][0] == '#' || cells[0] == NULL || cells[1] == NULL)
        continue;
      gtk_string_list_append (list, cells[1]);
    }
  return list;
}

static void
on_industry_picked (ScsCompanyPage *self)
{
  GtkStringObject *picked = gtk_drop_down_get_selected_item (self->industry_list);
  const char *text;

  if (self->updating || picked == NULL)
    return;
  text = gtk_string_object_get_string (picked);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->industry_row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->industry_row), text);
}

/* The list shows the division typed, or nothing for free text. */
static void
on_industry_text (ScsCompanyPage *self)
{
  GListModel *model = gtk_drop_down_get_model (self->industry_list);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->industry_row));
  guint found = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (model) && found == GTK_INVALID_LIST_POSITION; i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text))
      found = i;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->industry_list, found);
  self->updating = FALSE;
}

static void
setup_division (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_division (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
build_industry_list (ScsCompanyPage *self)
{
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkListItemFactory *button_factory = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *list_factory = gtk_signal_list_item_factory_new ();

  self->industry_list = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (jsic_divisions ()), expression));
  /* The button is an arrow only: the entry beside it already shows the division. */
  gtk_drop_down_set_factory (self->industry_list, button_factory);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_division), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_division), NULL);
  gtk_drop_down_set_list_factory (self->industry_list, list_factory);
  g_object_unref (button_factory);
  g_object_unref (list_factory);
  gtk_drop_down_set_enable_search (self->industry_list, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->industry_list), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->industry_list), _("Pick a JSIC middle division"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->industry_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pick a JSIC middle division"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->industry_list), "flat");
  adw_entry_row_add_suffix (self->industry_row, GTK_WIDGET (self->industry_list));
  g_signal_connect_swapped (self->industry_list, "notify::selected", G_CALLBACK (on_industry_picked), self);
  g_signal_connect_swapped (self->industry_row, "changed", G_CALLBACK (on_industry_text), self);
}

/* qualifications --------------------------------------------------------------------------- */

static void
sync_qualifications (ScsCompanyPage *self)
{
  ScsRecord *expert = SCS_RECORD (scs_record_get_object (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_EXPERT));
  const char * const *held = scs_record_get_strv (expert, SCS_M_EXPERT_QUALIFICATIONS);

  self->updating = TRUE;
  for (guint i = 0; i < self->qualification_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->qualification_checks, i),
                                 held != NULL && g_strv_contains (held, scs_qualification_ids[i]));
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->other_row),
                            held != NULL && g_strv_contains (held, "other"));
}

static void
on_qualification_toggled (ScsCompanyPage *self)
{
  ScsRecord *expert;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) held = NULL;

  if (self->updating || self->engagement == NULL)
    return;
  expert = SCS_RECORD (scs_record_get_object (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_EXPERT));
  for (guint i = 0; i < self->qualification_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->qualification_checks, i)))
      g_strv_builder_add (builder, scs_qualification_ids[i]);
  held = g_strv_builder_end (builder);
  scs_history_seal (self->history);
  scs_record_set_strv (expert, SCS_M_EXPERT_QUALIFICATIONS, (const char * const *) held);
}

static void
build_qualifications (ScsCompanyPage *self)
{
  self->qualification_checks = g_ptr_array_new ();
  for (guint i = 0; scs_qualification_ids[i] != NULL && i < G_N_ELEMENTS (qualification_titles); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(qualification_titles[i]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_qualification_toggled), self);
      g_ptr_array_add (self->qualification_checks, check);
      adw_preferences_group_add (self->qualifications_group, row);
    }
  self->other_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->other_row), _("Other qualification"));
  adw_preferences_group_add (self->qualifications_group, GTK_WIDGET (self->other_row));
}

/* context ---------------------------------------------------------------------------------- */

void
scs_company_page_set_context (ScsCompanyPage *self,
                              ScsEngagement  *engagement,
                              ScsHistory     *history)
{
  ScsRecord *expert;

  if (self->engagement != NULL)
    {
      expert = SCS_RECORD (scs_record_get_object (SCS_RECORD (self->engagement), SCS_M_ENGAGEMENT_EXPERT));
      g_signal_handlers_disconnect_by_data (expert, self);
    }
  g_binding_group_set_source (self->company_bindings, NULL);
  g_binding_group_set_source (self->expert_bindings, NULL);
  gtk_list_box_bind_model (self->sites_list, NULL, NULL, NULL, NULL);
  g_set_object (&self->engagement, engagement);
  g_set_object (&self->history, history);
  if (engagement == NULL)
    return;

  fill_bands (self);
  expert = SCS_RECORD (scs_record_get_object (SCS_RECORD (engagement), SCS_M_ENGAGEMENT_EXPERT));
  g_binding_group_set_source (self->company_bindings, scs_engagement_get_company (engagement));
  g_binding_group_set_source (self->expert_bindings, expert);
  gtk_list_box_bind_model (self->sites_list,
                           scs_record_get_list (SCS_RECORD (scs_engagement_get_company (engagement)), SCS_M_COMPANY_SITES),
                           create_site_row, self, NULL);
  g_signal_connect_swapped (expert, "notify::" SCS_P_EXPERT_QUALIFICATIONS, G_CALLBACK (sync_qualifications), self);
  sync_qualifications (self);
}

/* Who the expert is, is the expert's to say. */
static void
apply_mode (gpointer view)
{
  ScsCompanyPage *self = view;

  gtk_widget_set_sensitive (self->page, self->editable);
  gtk_widget_set_sensitive (self->expert_group, self->editable && !self->company_mode);
}

static const ScsViewFields view_fields = {
  G_STRUCT_OFFSET (ScsCompanyPage, company_mode),
  G_STRUCT_OFFSET (ScsCompanyPage, editable),
  apply_mode,
  apply_mode,
};

static void
scs_company_page_dispose (GObject *object)
{
  ScsCompanyPage *self = SCS_COMPANY_PAGE (object);

  if (self->engagement != NULL)
    scs_company_page_set_context (self, NULL, NULL);
  g_clear_object (&self->company_bindings);
  g_clear_object (&self->expert_bindings);
  g_clear_pointer (&self->qualification_checks, g_ptr_array_unref);
  g_clear_pointer (&self->band_ids, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_COMPANY_PAGE);
  G_OBJECT_CLASS (scs_company_page_parent_class)->dispose (object);
}

static void
scs_company_page_class_init (ScsCompanyPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_company_page_dispose;
  scs_view_class_install (G_OBJECT_CLASS (klass), &view_fields);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SCS_RESOURCE_PREFIX "/ui/scs-company-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, ScsCompanyPage, name)
  CHILD (page); CHILD (expert_group); CHILD (name_row); CHILD (industry_row); CHILD (band_row);
  CHILD (responsible_title_row); CHILD (responsible_name_row); CHILD (business_view);
  CHILD (it_view); CHILD (sites_list); CHILD (expert_name_row); CHILD (registration_row);
  CHILD (qualifications_group);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_add_site);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
scs_company_page_init (ScsCompanyPage *self)
{
  GBindingGroup *c, *e;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->editable = TRUE;
  build_qualifications (self);
  build_industry_list (self);

  c = self->company_bindings = g_binding_group_new ();
  scs_bind_group_checked_text (c, SCS_M_COMPANY_NAME, self->name_row, NULL);
  scs_bind_group_checked_text (c, SCS_M_COMPANY_INDUSTRY, self->industry_row, NULL);
  scs_bind_group_checked_text (c, SCS_M_COMPANY_RESPONSIBLE_TITLE, self->responsible_title_row, NULL);
  scs_bind_group_checked_text (c, SCS_M_COMPANY_RESPONSIBLE_NAME, self->responsible_name_row, NULL);
  scs_bind_group_text_view (c, SCS_M_COMPANY_BUSINESS, self->business_view);
  scs_bind_group_text_view (c, SCS_M_COMPANY_IT_ENVIRONMENT, self->it_view);
  g_binding_group_bind_full (c, SCS_P_COMPANY_EMPLOYEE_BAND, self->band_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             band_to_selected, selected_to_band, self, NULL);

  e = self->expert_bindings = g_binding_group_new ();
  scs_bind_group_checked_text (e, SCS_M_EXPERT_NAME, self->expert_name_row, NULL);
  scs_bind_group_checked_text (e, SCS_M_EXPERT_REGISTRATION_NUMBER, self->registration_row, NULL);
  scs_bind_group_checked_text (e, SCS_M_EXPERT_QUALIFICATION_OTHER, self->other_row, NULL);
}
