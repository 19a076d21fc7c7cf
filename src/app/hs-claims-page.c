/* hs-claims-page.c: every claim and prediction, searched and filtered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "hs-claim-detail.h"
#include "hs-claim-row.h"
#include "hs-claims-page.h"
#include "hs-format.h"

/* The rows of the list at start: more than a screen (a row is at least 60
 * pixels high), a quarter of what GTK 4.8's list view would make at once. */
#define FIRST_ROWS 50

/* The filters a person can combine; each has a dropdown in the popover and
 * a chip under the search entry while it is set. */
typedef enum
{
  FILTER_SPEAKER,
  FILTER_TOPIC,
  FILTER_SOURCE,
  FILTER_KIND,
  FILTER_STATUS,
  N_DROPDOWN_FILTERS,
  FILTER_FROM = N_DROPDOWN_FILTERS,
  FILTER_TO,
  N_FILTERS
} Filter;

struct _HsClaimsPage
{
  GtkWidget           parent_instance;

  HsStore            *store;
  HsClaimList        *claims;
  GtkSingleSelection *selection;
  GHashTable         *topic_names;
  gint64              total;
  HsQuerySort         sort;
  gboolean            updating;
  char               *searched;  /* the search text the list shows */

  GtkDropDown        *dropdowns[N_DROPDOWN_FILTERS];
  GPtrArray          *values[N_DROPDOWN_FILTERS];  /* the id (or name) behind each item */
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  HsDate              from;
  HsDate              to;

  /* Template children */
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkGrid            *filter_grid;
  GtkFlowBox         *chips;
  GtkStack           *list_stack;
  GtkListView        *claims_view;
  AdwStatusPage      *empty_page;
  GtkLabel           *count_label;
  HsClaimDetail      *detail;
};

G_DEFINE_FINAL_TYPE (HsClaimsPage, hs_claims_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SORT,
  N_PROPS
};

enum {
  SHOW_SPEAKER,
  QUERY_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
filter_name (Filter filter)
{
  switch (filter)
    {
    case FILTER_SPEAKER:
      return _("Speaker");
    case FILTER_TOPIC:
      return _("Topic");
    case FILTER_SOURCE:
      return _("Source");
    case FILTER_KIND:
      return _("Kind");
    case FILTER_STATUS:
      return _("Status");
    case FILTER_FROM:
      return _("From");
    case FILTER_TO:
      return _("To");
    case N_FILTERS:
    default:
      return "";
    }
}

static const char *
dropdown_value (HsClaimsPage *self,
                Filter        filter)
{
  guint selected = gtk_drop_down_get_selected (self->dropdowns[filter]);

  /* Item 0 is always "any". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected >= self->values[filter]->len)
    return NULL;
  return g_ptr_array_index (self->values[filter], selected);
}

static char *
dropdown_label (HsClaimsPage *self,
                Filter        filter)
{
  GListModel *model = gtk_drop_down_get_model (self->dropdowns[filter]);
  guint selected = gtk_drop_down_get_selected (self->dropdowns[filter]);

  return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (model), selected));
}

static void update_list (HsClaimsPage *self);

static void
remove_chip_cb (GtkButton    *button,
                HsClaimsPage *self)
{
  Filter filter = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "filter"));

  if (filter < N_DROPDOWN_FILTERS)
    gtk_drop_down_set_selected (self->dropdowns[filter], 0);
  else
    gtk_editable_set_text (GTK_EDITABLE (filter == FILTER_FROM ? self->from_entry : self->to_entry), "");
  update_list (self);
}

static void
add_chip (HsClaimsPage *self,
          Filter        filter,
          const char   *value)
{
  g_autofree char *label = g_strdup_printf ("%s: %s", filter_name (filter), value);
  g_autofree char *accessible = g_strdup_printf (_("Remove the filter %s"), label);
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *button = gtk_button_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "window-close-symbolic");
  gtk_button_set_child (GTK_BUTTON (button), content);
  /* The chip's own words name it; what a click does is its description. */
  gtk_widget_add_css_class (button, "filter-chip");
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  accessible, -1);
  g_object_set_data (G_OBJECT (button), "filter", GINT_TO_POINTER (filter));
  g_signal_connect (button, "clicked", G_CALLBACK (remove_chip_cb), self);
  gtk_flow_box_append (self->chips, button);
}

static void
update_chips (HsClaimsPage *self)
{
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips))))
    gtk_flow_box_remove (self->chips, child);

  for (Filter filter = 0; filter < N_DROPDOWN_FILTERS; filter++)
    if (dropdown_value (self, filter) != NULL)
      {
        g_autofree char *label = dropdown_label (self, filter);
        add_chip (self, filter, label);
        n++;
      }
  if (hs_date_is_set (&self->from))
    {
      add_chip (self, FILTER_FROM, gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
      n++;
    }
  if (hs_date_is_set (&self->to))
    {
      add_chip (self, FILTER_TO, gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
      n++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->chips), n > 0);
  if (n > 0)
    {
      g_autofree char *label = g_strdup_printf (ngettext ("_Filters (%u)", "_Filters (%u)", n), n);
      gtk_menu_button_set_label (self->filter_button, label);
    }
  else
    gtk_menu_button_set_label (self->filter_button, _("_Filters"));
}

static void
update_count (HsClaimsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  g_autofree char *text = NULL;

  if (hs_claim_list_is_loading (self->claims))
    /* Translators: while a long list is still being read, "12,000 so far…" */
    text = g_strdup_printf (_("%'u so far…"), shown);
  else if (shown == self->total)
    text = g_strdup_printf (ngettext ("%'u claim", "%'u claims", shown), shown);
  else
    /* Translators: "12 of 128 claims" */
    text = g_strdup_printf (ngettext ("%'u of %'" PRId64 " claim",
                                      "%'u of %'" PRId64 " claims", self->total),
                            shown, (int64_t) self->total);
  gtk_label_set_text (self->count_label, text);
}

/* The query the search entry and the filters describe; its strings are
 * the page's own. */
static void
build_query (HsClaimsPage *self,
             HsQuery      *query)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *kind = NULL, *status = NULL;
  HsStatus status_value;

  hs_query_init (query);
  if (self->store == NULL)
    return;
  query->speaker_id = dropdown_value (self, FILTER_SPEAKER);
  query->topic_id = dropdown_value (self, FILTER_TOPIC);
  query->source_id = dropdown_value (self, FILTER_SOURCE);
  query->search = (search != NULL && *search != '\0') ? search : NULL;
  query->stated_from = self->from;
  query->stated_to = self->to;
  query->sort = self->sort;

  kind = dropdown_value (self, FILTER_KIND);
  if (g_strcmp0 (kind, "claim") == 0)
    query->kind = HS_QUERY_KIND_CLAIMS;
  else if (g_strcmp0 (kind, "prediction") == 0)
    query->kind = HS_QUERY_KIND_PREDICTIONS;

  status = dropdown_value (self, FILTER_STATUS);
  if (status != NULL && hs_status_from_string (status, &status_value))
    query->status = status_value;
}

/* Builds the query the search entry and the filters describe, and shows
 * its result. */
static void
update_list (HsClaimsPage *self)
{
  g_autoptr(GError) error = NULL;
  HsQuery query;

  if (self->store == NULL || self->updating)
    return;

  build_query (self, &query);
  g_free (self->searched);
  self->searched = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  /* The selection is cleared before the rows change: with a row selected,
   * GTK 4.8's single selection looks for that item among all the new rows,
   * which loads every claim of the list (a million of them at worst). The
   * first row is selected again after; that is not a person's choice. */
  self->updating = TRUE;
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (!hs_claim_list_set_query (self->claims, &query, &error))
    g_warning ("Cannot search: %s", error->message);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  self->updating = FALSE;

  update_chips (self);
  update_count (self);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->claims)) == 0)
    {
      gboolean filtered = query.search || query.speaker_id || query.topic_id || query.source_id ||
                          query.kind != HS_QUERY_KIND_ALL || query.status >= 0 ||
                          hs_date_is_set (&self->from) || hs_date_is_set (&self->to);

      adw_status_page_set_title (self->empty_page,
                                 filtered ? _("No Matching Claims") : _("No Claims Yet"));
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("Try other words, or remove a filter")
                                                : _("Import a file of claims to begin"));
      gtk_widget_set_visible (adw_status_page_get_child (self->empty_page), filtered);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      hs_claim_detail_show (self->detail, NULL);
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  g_signal_emit (self, signals[QUERY_CHANGED], 0);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   HsClaimsPage   *self)
{
  /* GTK 4.8's search entry may say its search changed with the text as
   * the list shows it (it does once, just after the window opens): the
   * same query again would read the list, and make its rows, twice before
   * the first frame. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), self->searched) == 0)
    return;
  update_list (self);
}

static void
stop_search_cb (GtkSearchEntry *entry,
                HsClaimsPage   *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
dropdown_changed_cb (GtkDropDown  *dropdown,
                     GParamSpec   *pspec,
                     HsClaimsPage *self)
{
  update_list (self);
}

/* A date filter applies once it is a date; until then the entry says
 * what is wrong and the list stays as it was. */
static void
date_changed_cb (GtkEditable  *editable,
                 HsClaimsPage *self)
{
  HsDate *date = GTK_ENTRY (editable) == self->from_entry ? &self->from : &self->to;

  if (hs_date_entry_read (editable, date))
    update_list (self);
}

/* A click selects (in GTK 4.8 a single-click-activate list would select
 * whatever row the pointer rests on, changing the detail under it). When
 * the page is folded, a selection a person made also opens the detail. */
static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      HsClaimsPage       *self)
{
  HsClaim *claim = gtk_single_selection_get_selected_item (selection);

  hs_claim_detail_show (self->detail, claim ? hs_claim_get_id (claim) : NULL);
  if (claim != NULL && !self->updating && adw_leaflet_get_folded (self->leaflet) &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

static void
activate_cb (GtkListView  *view,
             guint         position,
             HsClaimsPage *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

static void
folded_cb (AdwLeaflet   *leaflet,
           GParamSpec   *pspec,
           HsClaimsPage *self)
{
  hs_claim_detail_set_folded (self->detail, adw_leaflet_get_folded (leaflet));
}

static void
back_to_list_cb (HsClaimDetail *detail,
                 HsClaimsPage  *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_speaker_cb (HsClaimDetail *detail,
                 const char    *speaker_id,
                 HsClaimsPage  *self)
{
  g_signal_emit (self, signals[SHOW_SPEAKER], 0, speaker_id);
}

static gboolean
select_value (HsClaimsPage *self,
              Filter        filter,
              const char   *value)
{
  for (guint i = 1; i < self->values[filter]->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->values[filter], i), value) == 0)
      {
        gtk_drop_down_set_selected (self->dropdowns[filter], i);
        return TRUE;
      }
  return FALSE;
}

static void
filter_topic_cb (HsClaimDetail *detail,
                 const char    *topic_id,
                 HsClaimsPage  *self)
{
  self->updating = TRUE;
  select_value (self, FILTER_TOPIC, topic_id);
  self->updating = FALSE;
  update_list (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HsClaimsPage             *self)
{
  gtk_list_item_set_child (item, hs_claim_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             HsClaimsPage             *self)
{
  hs_claim_row_bind (HS_CLAIM_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item),
                     self->topic_names);
}

static const char *
sort_name (HsQuerySort sort)
{
  switch (sort)
    {
    case HS_QUERY_SORT_OLDEST:
      return "oldest";
    case HS_QUERY_SORT_DUE:
      return "due";
    case HS_QUERY_SORT_NEWEST:
    case HS_QUERY_SORT_STORED:
    default:
      return "newest";
    }
}

static void
set_sort (HsClaimsPage *self,
          const char   *sort)
{
  HsQuerySort value = HS_QUERY_SORT_NEWEST;

  if (g_strcmp0 (sort, "oldest") == 0)
    value = HS_QUERY_SORT_OLDEST;
  else if (g_strcmp0 (sort, "due") == 0)
    value = HS_QUERY_SORT_DUE;
  if (self->sort == value)
    return;
  self->sort = value;
  update_list (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

static void
clear_filters (HsClaimsPage *self)
{
  self->updating = TRUE;
  for (Filter filter = 0; filter < N_DROPDOWN_FILTERS; filter++)
    if (self->dropdowns[filter] != NULL)
      gtk_drop_down_set_selected (self->dropdowns[filter], 0);
  if (self->from_entry != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating = FALSE;
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HsClaimsPage *self = HS_CLAIMS_PAGE (widget);

  clear_filters (self);
  update_list (self);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  hs_claims_page_focus_search (HS_CLAIMS_PAGE (widget));
}

static void
hs_claims_page_dispose (GObject *object)
{
  HsClaimsPage *self = (HsClaimsPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_CLAIMS_PAGE);
  /* dispose_template() unparents the children it named; the others too. */
  hs_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->claims);
  g_clear_object (&self->store);
  g_clear_pointer (&self->topic_names, g_hash_table_unref);
  g_clear_pointer (&self->searched, g_free);
  for (guint i = 0; i < N_DROPDOWN_FILTERS; i++)
    g_clear_pointer (&self->values[i], g_ptr_array_unref);

  G_OBJECT_CLASS (hs_claims_page_parent_class)->dispose (object);
}

static void
hs_claims_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HsClaimsPage *self = HS_CLAIMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT:
      g_value_set_string (value, sort_name (self->sort));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_claims_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HsClaimsPage *self = HS_CLAIMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT:
      set_sort (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_claims_page_class_init (HsClaimsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_claims_page_dispose;
  object_class->get_property = hs_claims_page_get_property;
  object_class->set_property = hs_claims_page_set_property;

  /* newest, oldest or due: a property, so the sort menu shows its state. */
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL, "newest",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_SPEAKER] = g_signal_new ("show-speaker", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* The search or a filter changed and the list shows the new result:
   * other views that share the filters (the Timeline) follow it. */
  signals[QUERY_CHANGED] = g_signal_new ("query-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (HS_TYPE_CLAIM_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-claims-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsClaimsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HsClaimsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HsClaimsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, HsClaimsPage, filter_grid);
  gtk_widget_class_bind_template_child (widget_class, HsClaimsPage, chips);
  gtk_widget_class_bind_template_child (widget_class, HsClaimsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HsClaimsPage, claims_view);
  gtk_widget_class_bind_template_child (widget_class, HsClaimsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HsClaimsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimsPage, detail);

  gtk_widget_class_install_property_action (widget_class, "claims.sort", "sort");
  gtk_widget_class_install_action (widget_class, "claims.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "claims.focus-search", NULL, focus_search_action);
}

static void
hs_claims_page_init (HsClaimsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_DROPDOWN_FILTERS; i++)
    self->values[i] = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->claims_view, factory);
  g_object_unref (factory);

  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  g_signal_connect (self->claims_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self);
  g_signal_connect (self->detail, "back-to-list", G_CALLBACK (back_to_list_cb), self);
  g_signal_connect (self->detail, "show-speaker", G_CALLBACK (show_speaker_cb), self);
  g_signal_connect (self->detail, "filter-topic", G_CALLBACK (filter_topic_cb), self);
}

/* Adds a labelled dropdown for @filter to the popover. */
static void
add_dropdown (HsClaimsPage *self,
              Filter        filter,
              GtkStringList *labels)
{
  GtkWidget *label = gtk_label_new (filter_name (filter));
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);

  /* The label names the dropdown for screen readers too (labelled-by);
   * naming it again would be heard twice. */
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), filter == FILTER_SPEAKER ||
                                                           filter == FILTER_SOURCE ||
                                                           filter == FILTER_TOPIC);
  gtk_widget_set_size_request (dropdown, 240, -1);
  gtk_grid_attach (self->filter_grid, label, 0, filter, 1, 1);
  gtk_grid_attach (self->filter_grid, dropdown, 1, filter, 1, 1);
  self->dropdowns[filter] = GTK_DROP_DOWN (dropdown);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (dropdown_changed_cb), self);
}

static GtkStringList *
start_choices (HsClaimsPage *self,
               Filter        filter,
               const char   *any)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->values[filter], 0);
  gtk_string_list_append (labels, any);
  g_ptr_array_add (self->values[filter], NULL);
  return labels;
}

static void
add_choice (HsClaimsPage  *self,
            Filter         filter,
            GtkStringList *labels,
            const char    *label,
            const char    *value)
{
  gtk_string_list_append (labels, label);
  g_ptr_array_add (self->values[filter], g_strdup (value));
}

static GtkWidget *
add_date_entry (HsClaimsPage *self,
                Filter        filter)
{
  GtkWidget *label = gtk_label_new (filter == FILTER_FROM ? _("Stated from") : _("Stated to"));
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY, YYYY-MM or YYYY-MM-DD"));
  gtk_grid_attach (self->filter_grid, label, 0, filter, 1, 1);
  gtk_grid_attach (self->filter_grid, entry, 1, filter, 1, 1);
  g_signal_connect (entry, "changed", G_CALLBACK (date_changed_cb), self);
  return entry;
}

/* The speakers, topics and sources to choose from, as the store holds them
 * now, with the labels each is known by. */
static gboolean
list_choices (HsClaimsPage   *self,
              GtkStringList **labels)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) speakers = hs_store_list_speakers (self->store, NULL, &error);
  g_autoptr(GPtrArray) topics = speakers ? hs_store_list_topics (self->store, &error) : NULL;
  g_autoptr(GPtrArray) sources = topics ? hs_store_list_sources (self->store, NULL, &error) : NULL;

  if (sources == NULL)
    {
      g_warning ("Cannot list the filters' choices: %s", error->message);
      return FALSE;
    }

  labels[FILTER_SPEAKER] = start_choices (self, FILTER_SPEAKER, _("Any speaker"));
  for (guint i = 0; i < speakers->len; i++)
    {
      g_autofree char *name = hs_format_speaker_name (g_ptr_array_index (speakers, i));
      add_choice (self, FILTER_SPEAKER, labels[FILTER_SPEAKER], name,
                  hs_speaker_get_id (g_ptr_array_index (speakers, i)));
    }

  /* The rows and the detail name topics through the same table. */
  g_hash_table_remove_all (self->topic_names);
  labels[FILTER_TOPIC] = start_choices (self, FILTER_TOPIC, _("Any topic"));
  for (guint i = 0; i < topics->len; i++)
    {
      HsTopic *topic = g_ptr_array_index (topics, i);

      add_choice (self, FILTER_TOPIC, labels[FILTER_TOPIC], hs_format_topic_name (topic),
                  hs_topic_get_id (topic));
      g_hash_table_insert (self->topic_names, g_strdup (hs_topic_get_id (topic)),
                           g_strdup (hs_format_topic_name (topic)));
    }

  labels[FILTER_SOURCE] = start_choices (self, FILTER_SOURCE, _("Any source"));
  for (guint i = 0; i < sources->len; i++)
    add_choice (self, FILTER_SOURCE, labels[FILTER_SOURCE], hs_source_get_title (g_ptr_array_index (sources, i)),
                hs_source_get_id (g_ptr_array_index (sources, i)));
  return TRUE;
}

/* The data changed (an edit, a deletion, an import): the speaker, topic
 * and source dropdowns list what the store holds now. A choice that is
 * still there stays chosen; one that is gone falls back to "any". The
 * caller runs the query again. */
static void
refresh_choices (HsClaimsPage *self)
{
  static const Filter stored[] = { FILTER_SPEAKER, FILTER_TOPIC, FILTER_SOURCE };
  GtkStringList *labels[N_DROPDOWN_FILTERS] = { NULL, };
  char *chosen[N_DROPDOWN_FILTERS] = { NULL, };

  if (self->dropdowns[FILTER_SPEAKER] == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (stored); i++)
    chosen[stored[i]] = g_strdup (dropdown_value (self, stored[i]));

  if (list_choices (self, labels))
    {
      self->updating = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (stored); i++)
        {
          Filter filter = stored[i];

          gtk_drop_down_set_model (self->dropdowns[filter], G_LIST_MODEL (labels[filter]));
          g_object_unref (labels[filter]);
          gtk_drop_down_set_selected (self->dropdowns[filter], 0);
          if (chosen[filter] != NULL)
            select_value (self, filter, chosen[filter]);
        }
      self->updating = FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (stored); i++)
    g_free (chosen[stored[i]]);
}

static void
build_filters (HsClaimsPage *self)
{
  GtkStringList *labels[N_DROPDOWN_FILTERS] = { NULL, };
  GtkWidget *clear;

  if (!list_choices (self, labels))
    return;

  add_dropdown (self, FILTER_SPEAKER, labels[FILTER_SPEAKER]);
  add_dropdown (self, FILTER_TOPIC, labels[FILTER_TOPIC]);
  add_dropdown (self, FILTER_SOURCE, labels[FILTER_SOURCE]);

  labels[FILTER_KIND] = start_choices (self, FILTER_KIND, _("Claims and predictions"));
  add_choice (self, FILTER_KIND, labels[FILTER_KIND], _("Claims only"), "claim");
  add_choice (self, FILTER_KIND, labels[FILTER_KIND], _("Predictions only"), "prediction");
  add_dropdown (self, FILTER_KIND, labels[FILTER_KIND]);

  labels[FILTER_STATUS] = start_choices (self, FILTER_STATUS, _("Any status"));
  for (HsStatus status = HS_STATUS_OPEN; status <= HS_STATUS_AMBIGUOUS; status++)
    add_choice (self, FILTER_STATUS, labels[FILTER_STATUS], hs_format_status (status),
                hs_status_to_string (status));
  add_dropdown (self, FILTER_STATUS, labels[FILTER_STATUS]);

  self->from_entry = GTK_ENTRY (add_date_entry (self, FILTER_FROM));
  self->to_entry = GTK_ENTRY (add_date_entry (self, FILTER_TO));

  clear = gtk_button_new_with_mnemonic (_("_Clear All"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "claims.clear-filters");
  gtk_widget_set_halign (clear, GTK_ALIGN_END);
  gtk_grid_attach (self->filter_grid, clear, 1, N_FILTERS, 1, 1);
}

GtkWidget *
hs_claims_page_new (void)
{
  return g_object_new (HS_TYPE_CLAIMS_PAGE, NULL);
}

void
hs_claims_page_set_store (HsClaimsPage *self,
                          HsStore      *store)
{
  g_return_if_fail (HS_IS_CLAIMS_PAGE (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  /* Filled with the filters' choices, below. */
  self->topic_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->total = hs_store_count (store, HS_OBJECT_CLAIM, NULL);
  self->claims = hs_claim_list_new (store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->claims)));
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  /* Long lists arrive in batches; the count follows them. */
  g_signal_connect_swapped (self->claims, "notify::loading", G_CALLBACK (update_count), self);
  gtk_list_view_set_model (self->claims_view, GTK_SELECTION_MODEL (self->selection));
  hs_claim_detail_set_store (self->detail, store, self->topic_names);

  build_filters (self);
  /* The window's first frame waits for the rows the list makes: GTK 4.8's
   * list view makes one for each item up to 200, and a claim's wrapped
   * text takes milliseconds to lay out. The first list holds
   * FIRST_ROWS; the rest arrive in the list's idle batches, after the
   * first frame. Later queries read their usual first page. */
  hs_claim_list_set_first_page (self->claims, FIRST_ROWS);
  update_list (self);
  hs_claim_list_set_first_page (self->claims, 0);
}

/* Shows the claim @claim_id, clearing search and filters if they hide it. */
void
hs_claims_page_show_claim (HsClaimsPage *self,
                           const char   *claim_id)
{
  guint position;

  g_return_if_fail (HS_IS_CLAIMS_PAGE (self));

  position = hs_claim_list_find (self->claims, claim_id);
  if (position == G_MAXUINT)
    {
      clear_filters (self);
      update_list (self);
      position = hs_claim_list_find (self->claims, claim_id);
    }
  if (position == G_MAXUINT)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->claims_view), "list.scroll-to-item", "u", position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

void
hs_claims_page_filter_speaker (HsClaimsPage *self,
                               const char   *speaker_id)
{
  g_return_if_fail (HS_IS_CLAIMS_PAGE (self));

  self->updating = TRUE;
  select_value (self, FILTER_SPEAKER, speaker_id);
  self->updating = FALSE;
  update_list (self);
}

void
hs_claims_page_focus_search (HsClaimsPage *self)
{
  g_return_if_fail (HS_IS_CLAIMS_PAGE (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, gtk_widget_get_first_child (GTK_WIDGET (self->leaflet)));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Puts the keyboard in the list, so arrows move through claims at once
 * and typing still searches (the entry captures keys). */
void
hs_claims_page_focus_list (HsClaimsPage *self)
{
  g_return_if_fail (HS_IS_CLAIMS_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->claims_view));
}

/**
 * hs_claims_page_get_search_entry:
 *
 * Returns: (transfer none): the entry, for the window's type-to-search
 */
GtkSearchEntry *
hs_claims_page_get_search_entry (HsClaimsPage *self)
{
  g_return_val_if_fail (HS_IS_CLAIMS_PAGE (self), NULL);
  return self->search_entry;
}

/**
 * hs_claims_page_get_query:
 * @query: (out caller-allocates): the query the search and the filters
 *   describe now; its strings belong to the page and last until the next
 *   "query-changed", so copy what you keep
 */
void
hs_claims_page_get_query (HsClaimsPage *self,
                          HsQuery      *query)
{
  g_return_if_fail (HS_IS_CLAIMS_PAGE (self));
  g_return_if_fail (query != NULL);

  build_query (self, query);
}

/* Runs the query again and reloads the claim shown: the data changed. */
void
hs_claims_page_reload (HsClaimsPage *self)
{
  g_autofree char *shown = NULL;
  guint position;

  g_return_if_fail (HS_IS_CLAIMS_PAGE (self));

  if (self->store == NULL)
    return;
  /* The claim being read stays in the detail pane: a change made to it
   * (a resolve, an undo) must not replace it with the first row. */
  shown = g_strdup (hs_claim_detail_get_claim_id (self->detail));
  self->total = hs_store_count (self->store, HS_OBJECT_CLAIM, NULL);
  refresh_choices (self);
  update_list (self);
  if (shown == NULL || g_strcmp0 (shown, hs_claim_detail_get_claim_id (self->detail)) == 0)
    {
      hs_claim_detail_refresh (self->detail);
      return;
    }
  if (hs_store_find_id (self->store, shown, NULL) != HS_OBJECT_CLAIM)
    return;
  position = hs_claim_list_find (self->claims, shown);
  self->updating = TRUE;
  if (position != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, position);
  else
    hs_claim_detail_show (self->detail, shown);
  self->updating = FALSE;
}
