/* hs-sources-page.c: every source, and what was said in it in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-claim-row.h"
#include "hs-format.h"
#include "hs-source-row.h"
#include "hs-sources-page.h"

/* A list view makes row widgets for at most 200 rows around what it shows,
 * and the source scrolls as a whole, so its list of claims is as tall as
 * all its rows: a source's claims are shown a page at a time. */
#define CLAIMS_PER_PAGE 100

/* A claim and where it is in its source, for sorting in document order. */
typedef struct
{
  char    *key;    /* the locator's collation key, or NULL without a locator */
  HsClaim *claim;
} Placed;

struct _HsSourcesPage
{
  GtkWidget           parent_instance;

  HsStore            *store;
  gboolean            loaded;
  gboolean            updating;
  gboolean            stale;         /* the selection changed while the detail was out of sight */
  GListStore         *sources;       /* HsSource, newest first */
  GtkSingleSelection *selection;
  GHashTable         *counts;        /* source id → number of claims, as rows are shown */
  GHashTable         *topic_names;
  HsSource           *source;        /* the one shown */
  GListStore         *claims;        /* HsClaim: the source's, in document order */
  GtkSliceListModel  *claims_slice;

  /* Template children */
  AdwLeaflet         *leaflet;
  GtkWidget          *detail_pane;
  GtkStack           *list_stack;
  GtkListView        *sources_view;
  GtkLabel           *count_label;
  GtkWidget          *toolbar;
  GtkStack           *detail_stack;
  GtkScrolledWindow  *detail_scrolled;
  GtkLabel           *kind_label;
  GtkLabel           *title_label;
  GtkLabel           *publisher_label;
  GtkGrid            *facts_grid;
  GtkWidget          *notes_box;
  GtkLabel           *notes_label;
  GtkWidget          *open_button;
  GtkLabel           *claims_heading;
  GtkWidget          *pager;
  GtkLabel           *pager_label;
  GtkWidget          *order_label;
  GtkListView        *claims_view;
  GtkWidget          *no_claims_label;
  GtkWidget          *edit_button;
  GtkWidget          *delete_button;
};

G_DEFINE_FINAL_TYPE (HsSourcesPage, hs_sources_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SOURCE_ID,
  N_PROPS
};

enum {
  SHOW_CLAIM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The name of a language tag in the reader's language: "Chinese". */
static const char *
language_name (const char *tag)
{
  static const struct { const char *tag; const char *name; } names[] = {
    { "zh", N_("Chinese") },
    { "en", N_("English") },
    { "ja", N_("Japanese") },
    { "ko", N_("Korean") },
    { "fr", N_("French") },
    { "de", N_("German") },
    { "es", N_("Spanish") },
    { "ru", N_("Russian") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_has_prefix (tag, names[i].tag))
      return _(names[i].name);
  return tag;
}

static void
placed_clear (Placed *placed)
{
  g_clear_pointer (&placed->key, g_free);
  g_clear_object (&placed->claim);
}

/* Document order: timestamps as times and numbered sections by their
 * numbers (a natural comparison, as file names are compared), claims
 * without a locator last, and the id to settle ties the same way each
 * time. */
static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *x = a, *y = b;
  int order;

  if ((x->key == NULL) != (y->key == NULL))
    return x->key == NULL ? 1 : -1;
  if (x->key != NULL && (order = strcmp (x->key, y->key)) != 0)
    return order;
  return strcmp (hs_claim_get_id (x->claim), hs_claim_get_id (y->claim));
}

static gboolean
collect_claim_cb (HsClaim  *claim,
                  gpointer  user_data)
{
  GArray *placed = user_data;
  const char *locator = hs_claim_get_locator (claim);
  Placed entry = { NULL, g_object_ref (claim) };

  if (locator != NULL && *locator != '\0')
    entry.key = g_utf8_collate_key_for_filename (locator, -1);
  g_array_append_val (placed, entry);
  return TRUE;
}

static gint64
lookup_count (HsSourcesPage *self,
              HsSource      *source)
{
  g_autoptr(GError) error = NULL;
  const char *id = hs_source_get_id (source);
  gpointer value;
  gint64 *count;
  HsQuery query;

  if ((value = g_hash_table_lookup (self->counts, id)))
    return *(gint64 *) value;

  count = g_new (gint64, 1);
  hs_query_init (&query);
  query.source_id = id;
  if ((*count = hs_store_count_claims (self->store, &query, &error)) < 0)
    g_warning ("Cannot count the claims of %s: %s", id, error->message);
  g_hash_table_insert (self->counts, g_strdup (id), count);
  return *count;
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

static void
add_fact (HsSourcesPage *self,
          int            row,
          const char    *key,
          GtkWidget     *value)
{
  GtkWidget *label = gtk_label_new (key);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (self->facts_grid, label, 0, row, 1, 1);
  gtk_grid_attach (self->facts_grid, value, 1, row, 1, 1);
}

static void
fill_facts (HsSourcesPage *self)
{
  HsDate published = hs_source_get_published (self->source);
  HsDate event_date = hs_source_get_event_date (self->source);
  const char *date_note = hs_source_get_date_note (self->source);
  const char *event = hs_source_get_event (self->source);
  const char *language = hs_source_get_language (self->source);
  const char *url = hs_source_get_url (self->source);
  GtkWidget *child;
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_grid))))
    gtk_grid_remove (self->facts_grid, child);

  if (hs_date_is_set (&published) || date_note != NULL)
    {
      g_autofree char *date = hs_date_is_set (&published) ? hs_format_date (&published)
                                                          : g_strdup (_("No date"));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_box_append (GTK_BOX (box), value_label (date));
      /* An inferred date says how it was inferred. */
      if (date_note != NULL)
        {
          GtkWidget *note = value_label (date_note);

          gtk_widget_add_css_class (note, "dim-label");
          gtk_widget_add_css_class (note, "caption");
          gtk_box_append (GTK_BOX (box), note);
        }
      add_fact (self, row++, _("Published"), box);
    }
  if (event != NULL)
    add_fact (self, row++, _("Event"), value_label (event));
  if (hs_date_is_set (&event_date))
    {
      g_autofree char *date = hs_format_date (&event_date);
      add_fact (self, row++, _("Event date"), value_label (date));
    }
  if (language != NULL && *language != '\0')
    add_fact (self, row++, _("Language"), value_label (language_name (language)));
  if (url != NULL)
    {
      GtkWidget *address = value_label (url);

      gtk_label_set_wrap_mode (GTK_LABEL (address), PANGO_WRAP_CHAR);
      add_fact (self, row++, _("Address"), address);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->facts_grid), row > 0);
}

static void
update_pager (HsSourcesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  guint offset = gtk_slice_list_model_get_offset (self->claims_slice);
  g_autofree char *heading = NULL;

  /* Translators: the heading of the claims made in a source, with how many there are */
  heading = g_strdup_printf (_("Claims (%u)"), n);
  gtk_label_set_text (self->claims_heading, heading);

  gtk_widget_set_visible (GTK_WIDGET (self->claims_view), n > 0);
  gtk_widget_set_visible (self->no_claims_label, n == 0);
  gtk_widget_set_visible (self->order_label, n > 1);
  gtk_widget_set_visible (self->pager, n > CLAIMS_PER_PAGE);
  if (n > CLAIMS_PER_PAGE)
    {
      /* Translators: which claims of how many are shown: "101–200 of 312" */
      g_autofree char *range = g_strdup_printf (_("%u–%u of %u"), offset + 1,
                                                MIN (offset + CLAIMS_PER_PAGE, n), n);

      gtk_label_set_text (self->pager_label, range);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.earlier-claims", offset > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.later-claims",
                                 offset + CLAIMS_PER_PAGE < n);
}

static void
fill_claims (HsSourcesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GPtrArray) ordered = NULL;
  HsQuery query;

  g_array_set_clear_func (placed, (GDestroyNotify) placed_clear);
  hs_query_init (&query);
  query.source_id = hs_source_get_id (self->source);
  query.sort = HS_QUERY_SORT_STORED;
  if (!hs_store_foreach_claim (self->store, &query, collect_claim_cb, placed, &error))
    g_warning ("Cannot list the claims of %s: %s", query.source_id, error->message);

  g_array_sort (placed, compare_placed);
  ordered = g_ptr_array_sized_new (placed->len);
  for (guint i = 0; i < placed->len; i++)
    g_ptr_array_add (ordered, g_array_index (placed, Placed, i).claim);

  g_list_store_splice (self->claims, 0, g_list_model_get_n_items (G_LIST_MODEL (self->claims)),
                       ordered->pdata, ordered->len);
  gtk_slice_list_model_set_offset (self->claims_slice, 0);
  update_pager (self);
}

static void
show_detail (HsSourcesPage *self,
             HsSource      *source)
{
  const char *publisher, *notes, *url;
  gboolean changed;

  changed = g_strcmp0 (self->source ? hs_source_get_id (self->source) : NULL,
                       source ? hs_source_get_id (source) : NULL) != 0;
  g_set_object (&self->source, source);

  if (source == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.open", FALSE);
      if (changed)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_ID]);
      return;
    }

  publisher = hs_source_get_publisher (source);
  notes = hs_source_get_notes (source);
  url = hs_source_get_url (source);

  gtk_label_set_text (self->kind_label, hs_format_source_kind (hs_source_get_kind (source)));
  gtk_label_set_text (self->title_label, hs_source_get_title (source));
  gtk_label_set_text (self->publisher_label, publisher ? publisher : "");
  gtk_widget_set_visible (GTK_WIDGET (self->publisher_label), publisher != NULL);
  gtk_label_set_text (self->notes_label, notes ? notes : "");
  gtk_widget_set_visible (self->notes_box, notes != NULL && *notes != '\0');

  /* Only web links are offered; anything else in the data is never opened. */
  gtk_widget_set_visible (self->open_button, hs_url_is_web (url));
  gtk_widget_set_tooltip_text (self->open_button, hs_url_is_web (url) ? url : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.open", hs_url_is_web (url));

  /* Edit and Delete are the window's actions, for the source shown. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s", hs_source_get_id (source));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s", hs_source_get_id (source));

  fill_facts (self);
  fill_claims (self);

  gtk_stack_set_visible_child_name (self->detail_stack, "source");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scrolled), 0);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_ID]);
}

/* Shows what is selected, or only remembers to when it would be out of
 * sight: a folded leaflet showing the list. */
static void
follow_selection (HsSourcesPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) != self->detail_pane)
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  show_detail (self, gtk_single_selection_get_selected_item (self->selection));
}

/* Lists every source, keeping the one shown selected. With @refill, it is
 * shown again as it now is. */
static void
update_list (HsSourcesPage *self,
             gboolean       refill)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *kept = self->source ? g_strdup (hs_source_get_id (self->source)) : NULL;
  guint position = GTK_INVALID_LIST_POSITION;
  g_autofree char *count = NULL;
  HsSource *selected;

  if (self->store == NULL || !self->loaded)
    return;

  if (!(found = hs_store_list_sources (self->store, NULL, &error)))
    {
      g_warning ("Cannot list sources: %s", error->message);
      return;
    }

  for (guint i = 0; kept != NULL && i < found->len; i++)
    if (g_strcmp0 (hs_source_get_id (g_ptr_array_index (found, i)), kept) == 0)
      {
        position = i;
        break;
      }

  self->updating = TRUE;
  g_list_store_splice (self->sources, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sources)),
                       found->pdata, found->len);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
  self->updating = FALSE;

  count = g_strdup_printf (ngettext ("%'u source", "%'u sources", found->len), found->len);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->list_stack, found->len > 0 ? "list" : "empty");

  selected = gtk_single_selection_get_selected_item (self->selection);
  if (refill || selected == NULL || position == GTK_INVALID_LIST_POSITION)
    follow_selection (self);
  else
    g_set_object (&self->source, selected);
}

static void
ensure_loaded (HsSourcesPage *self)
{
  if (self->loaded || self->store == NULL)
    return;

  self->loaded = TRUE;
  update_list (self, TRUE);
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      HsSourcesPage      *self)
{
  if (!self->updating)
    follow_selection (self);
}

/* Side by side, a click selects a row and shows it at once. Folded, the
 * list is alone: hovering a row selects it, as in any single-click list,
 * and a click or Enter opens it. */
static void
source_activated_cb (GtkListView   *view,
                     guint          position,
                     HsSourcesPage *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
claim_activated_cb (GtkListView   *view,
                    guint          position,
                    HsSourcesPage *self)
{
  g_autoptr(HsClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims_slice), position);

  if (claim != NULL)
    g_signal_emit (self, signals[SHOW_CLAIM], 0, hs_claim_get_id (claim));
}

static void
folded_cb (AdwLeaflet    *leaflet,
           GParamSpec    *pspec,
           HsSourcesPage *self)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);

  gtk_widget_set_visible (self->toolbar, folded);
  gtk_list_view_set_single_click_activate (self->sources_view, folded);
  if (self->stale)
    follow_selection (self);
}

static void
visible_child_cb (AdwLeaflet    *leaflet,
                  GParamSpec    *pspec,
                  HsSourcesPage *self)
{
  if (self->stale)
    follow_selection (self);
}

static void
setup_source_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 HsSourcesPage            *self)
{
  gtk_list_item_set_child (item, hs_source_row_new ());
}

static void
bind_source_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                HsSourcesPage            *self)
{
  HsSource *source = gtk_list_item_get_item (item);

  hs_source_row_bind (HS_SOURCE_ROW (gtk_list_item_get_child (item)), source,
                      lookup_count (self, source));
}

/* A claim in a source: where in the source, over the claim's own row. */
static void
setup_claim_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                HsSourcesPage            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *locator = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (locator), 0);
  gtk_label_set_wrap (GTK_LABEL (locator), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (locator), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (locator, "caption-heading");
  gtk_widget_add_css_class (locator, "locator");
  gtk_widget_add_css_class (locator, "numeric");
  gtk_box_append (GTK_BOX (box), locator);
  gtk_box_append (GTK_BOX (box), hs_claim_row_new ());
  gtk_list_item_set_child (item, box);
}

static void
bind_claim_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               HsSourcesPage            *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *locator = gtk_widget_get_first_child (box);
  HsClaim *claim = gtk_list_item_get_item (item);
  const char *at = hs_claim_get_locator (claim);

  gtk_label_set_text (GTK_LABEL (locator), at ? at : "");
  gtk_widget_set_visible (locator, at != NULL && *at != '\0');
  hs_claim_row_bind (HS_CLAIM_ROW (gtk_widget_get_next_sibling (locator)), claim, self->topic_names);
}

static void
back_to_list_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HsSourcesPage *self = HS_SOURCES_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HsSourcesPage *self = HS_SOURCES_PAGE (widget);
  const char *url = self->source ? hs_source_get_url (self->source) : NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!hs_url_is_web (url))
    return;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static void
turn_page (HsSourcesPage *self,
           int            direction)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  gint64 offset = (gint64) gtk_slice_list_model_get_offset (self->claims_slice) +
                  direction * CLAIMS_PER_PAGE;

  if (offset < 0 || offset >= n)
    return;
  gtk_slice_list_model_set_offset (self->claims_slice, offset);
  update_pager (self);
}

static void
earlier_claims_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  turn_page (HS_SOURCES_PAGE (widget), -1);
}

static void
later_claims_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  turn_page (HS_SOURCES_PAGE (widget), 1);
}

static void
hs_sources_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hs_sources_page_parent_class)->map (widget);

  /* Sources are read only once someone looks at them. */
  ensure_loaded (HS_SOURCES_PAGE (widget));
}

static void
hs_sources_page_dispose (GObject *object)
{
  HsSourcesPage *self = (HsSourcesPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_SOURCES_PAGE);
  /* dispose_template() unparents the children it named; the others too. */
  hs_widget_unparent_children (GTK_WIDGET (self));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->sources);
  g_clear_object (&self->claims_slice);
  g_clear_object (&self->claims);
  g_clear_object (&self->source);
  g_clear_object (&self->store);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->topic_names, g_hash_table_unref);

  G_OBJECT_CLASS (hs_sources_page_parent_class)->dispose (object);
}

static void
hs_sources_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HsSourcesPage *self = HS_SOURCES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SOURCE_ID:
      g_value_set_string (value, hs_sources_page_get_source_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_sources_page_class_init (HsSourcesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_sources_page_dispose;
  object_class->get_property = hs_sources_page_get_property;
  widget_class->map = hs_sources_page_map;

  /* The id of the source shown, or %NULL. */
  properties[PROP_SOURCE_ID] =
    g_param_spec_string ("source-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Asks for the claim with this id to be shown in full, on the Claims page. */
  signals[SHOW_CLAIM] = g_signal_new ("show-claim", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-sources-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, sources_view);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, detail_scrolled);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, publisher_label);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, notes_box);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, notes_label);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, claims_heading);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, pager);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, pager_label);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, order_label);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, claims_view);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, no_claims_label);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, HsSourcesPage, delete_button);

  gtk_widget_class_install_action (widget_class, "sources.back-to-list", NULL, back_to_list_action);
  gtk_widget_class_install_action (widget_class, "sources.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "sources.earlier-claims", NULL, earlier_claims_action);
  gtk_widget_class_install_action (widget_class, "sources.later-claims", NULL, later_claims_action);
}

static void
hs_sources_page_init (HsSourcesPage *self)
{
  g_autoptr(GtkListItemFactory) source_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) claim_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) claims_model = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->sources = g_list_store_new (HS_TYPE_SOURCE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sources)));
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  gtk_list_view_set_model (self->sources_view, GTK_SELECTION_MODEL (self->selection));

  self->claims = g_list_store_new (HS_TYPE_CLAIM);
  self->claims_slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->claims)), 0,
                                                 CLAIMS_PER_PAGE);
  claims_model = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->claims_slice)));
  gtk_list_view_set_model (self->claims_view, GTK_SELECTION_MODEL (claims_model));

  g_signal_connect (source_factory, "setup", G_CALLBACK (setup_source_cb), self);
  g_signal_connect (source_factory, "bind", G_CALLBACK (bind_source_cb), self);
  gtk_list_view_set_factory (self->sources_view, source_factory);

  g_signal_connect (claim_factory, "setup", G_CALLBACK (setup_claim_cb), self);
  g_signal_connect (claim_factory, "bind", G_CALLBACK (bind_claim_cb), self);
  gtk_list_view_set_factory (self->claims_view, claim_factory);

  g_signal_connect (self->sources_view, "activate", G_CALLBACK (source_activated_cb), self);
  g_signal_connect (self->claims_view, "activate", G_CALLBACK (claim_activated_cb), self);
  g_signal_connect (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self);
  g_signal_connect (self->leaflet, "notify::visible-child", G_CALLBACK (visible_child_cb), self);
  folded_cb (self->leaflet, NULL, self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.open", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.earlier-claims", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.later-claims", FALSE);
}

GtkWidget *
hs_sources_page_new (void)
{
  return g_object_new (HS_TYPE_SOURCES_PAGE, NULL);
}

void
hs_sources_page_set_store (HsSourcesPage *self,
                           HsStore       *store)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HS_IS_SOURCES_PAGE (self));
  g_return_if_fail (HS_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);

  self->topic_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if ((topics = hs_store_list_topics (store, &error)))
    for (guint i = 0; i < topics->len; i++)
      g_hash_table_insert (self->topic_names, g_strdup (hs_topic_get_id (g_ptr_array_index (topics, i))),
                           g_strdup (hs_format_topic_name (g_ptr_array_index (topics, i))));
  else
    g_warning ("Cannot list topics: %s", error->message);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_loaded (self);
}

void
hs_sources_page_show_source (HsSourcesPage *self,
                             const char    *source_id)
{
  guint n;

  g_return_if_fail (HS_IS_SOURCES_PAGE (self));
  g_return_if_fail (source_id != NULL);

  ensure_loaded (self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HsSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (g_strcmp0 (hs_source_get_id (source), source_id) != 0)
        continue;

      gtk_single_selection_set_selected (self->selection, i);
      gtk_widget_activate_action (GTK_WIDGET (self->sources_view), "list.scroll-to-item", "u", i);
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
      return;
    }
  g_debug ("No source %s to show", source_id);
}

/**
 * hs_sources_page_get_source_id:
 *
 * Returns: (nullable): the id of the source shown
 */
const char *
hs_sources_page_get_source_id (HsSourcesPage *self)
{
  g_return_val_if_fail (HS_IS_SOURCES_PAGE (self), NULL);
  return self->source ? hs_source_get_id (self->source) : NULL;
}

/* Reads the sources, their counts and the source shown again: the data
 * changed (an import). */
void
hs_sources_page_reload (HsSourcesPage *self)
{
  g_return_if_fail (HS_IS_SOURCES_PAGE (self));

  if (self->store == NULL || !self->loaded)
    return;
  g_hash_table_remove_all (self->counts);
  update_list (self, TRUE);
}
