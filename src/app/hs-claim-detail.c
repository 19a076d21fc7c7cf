/* hs-claim-detail.c: one claim, read in full
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>

#include "hs-claim-detail.h"
#include "hs-format.h"
#include "hs-resolve-dialog.h"

struct _HsClaimDetail
{
  GtkWidget     parent_instance;

  HsStore      *store;
  HsClaim      *claim;
  GPtrArray    *history;   /* ids of the claims shown before, for Back */
  GHashTable   *topic_names;
  gboolean      folded;

  /* Template children */
  GtkWidget    *back_to_list_button;
  GtkWidget    *speaker_button;
  GtkWidget    *history_back_button;
  GtkStack     *stack;
  GtkScrolledWindow *scrolled;
  AdwAvatar    *speaker_avatar;
  GtkLabel     *speaker_label;
  GtkLabel     *role_label;
  GtkLabel     *text_label;
  GtkLabel     *stated_label;
  GtkWidget    *prediction_box;
  GtkGrid      *prediction_grid;
  GtkWidget    *quote_box;
  GtkLabel     *quote_label;
  GtkWidget    *original_box;
  GtkLabel     *original_heading;
  GtkLabel     *original_label;
  GtkWidget    *source_box;
  GtkLabel     *source_title_label;
  GtkLabel     *source_meta_label;
  GtkLabel     *locator_label;
  GtkLabel     *date_note_label;
  GtkWidget    *open_source_button;
  GtkWidget    *topics_box;
  GtkFlowBox   *topics_flow;
  GtkWidget    *related_box;
  GtkListBox   *related_list;
  GtkWidget    *history_box;
  GtkListBox   *history_list;
  GtkWidget    *resolve_button;
  GtkWidget    *record_buttons;
  GtkWidget    *edit_button;
  GtkWidget    *delete_button;
};

G_DEFINE_FINAL_TYPE (HsClaimDetail, hs_claim_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

enum {
  SHOW_SPEAKER,
  FILTER_TOPIC,
  BACK_TO_LIST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void show_claim (HsClaimDetail *self,
                        const char    *claim_id,
                        gboolean       remember);

/* The name of a language tag in the reader's language, for the heading of
 * an original text: "Original (Chinese)". */
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

  if (tag == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_has_prefix (tag, names[i].tag))
      return _(names[i].name);
  return tag;
}

/* A reader of the original's language (a Chinese interface and a Chinese
 * original) reads it first, above the English statement; everyone else
 * reads it after the quote it was translated into. */
static void
place_original (HsClaimDetail *self,
                gboolean       first)
{
  GtkBox *box = GTK_BOX (gtk_widget_get_parent (self->original_box));
  GtkWidget *before_text = gtk_widget_get_prev_sibling (GTK_WIDGET (self->text_label));

  if (first && before_text != self->original_box)
    gtk_box_reorder_child_after (box, self->original_box, before_text);
  else if (!first && gtk_widget_get_prev_sibling (self->original_box) != self->quote_box)
    gtk_box_reorder_child_after (box, self->original_box, self->quote_box);
}

static void
clear_container (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)))
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else if (GTK_IS_FLOW_BOX (container))
        gtk_flow_box_remove (GTK_FLOW_BOX (container), child);
      else if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else
        gtk_widget_unparent (child);
    }
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

static void
add_fact (GtkGrid    *grid,
          int         row,
          const char *key,
          GtkWidget  *value)
{
  GtkWidget *label = gtk_label_new (key);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, value, 1, row, 1, 1);
}

static void
fill_prediction (HsClaimDetail *self,
                 HsPrediction  *prediction)
{
  g_autofree char *window = hs_format_window (prediction);
  g_autofree char *probability = hs_format_probability (prediction);
  GtkWidget *status = gtk_label_new (NULL);
  HsDate today = hs_date_today ();
  int row = 0;

  clear_container (GTK_WIDGET (self->prediction_grid));
  add_fact (self->prediction_grid, row++, _("Horizon"),
            value_label (hs_prediction_get_horizon (prediction)));
  add_fact (self->prediction_grid, row++, _("Resolves"), value_label (window));
  if (probability != NULL)
    add_fact (self->prediction_grid, row++,
              hs_prediction_has_probability (prediction) ? _("Probability") : _("Confidence"),
              value_label (probability));

  hs_set_status_badge (GTK_LABEL (status), hs_prediction_get_status (prediction));
  gtk_widget_set_halign (status, GTK_ALIGN_START);
  add_fact (self->prediction_grid, row++, _("Status"), status);
  if (hs_prediction_is_overdue (prediction, &today))
    add_fact (self->prediction_grid, row++, "",
              value_label (_("Overdue: still open after its latest resolve date")));
}

static void
fill_history (HsClaimDetail *self,
              HsPrediction  *prediction)
{
  GListModel *history = hs_prediction_get_resolutions (prediction);
  guint n = g_list_model_get_n_items (history);

  clear_container (GTK_WIDGET (self->history_list));
  gtk_widget_set_visible (self->history_box, n > 0);

  /* Newest first: the entry on top is the current status. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(HsResolution) entry = g_list_model_get_item (history, i - 1);
      HsDate on = hs_resolution_get_on (entry);
      g_autofree char *date = hs_format_date (&on);
      g_autofree char *heading = g_strdup_printf (_("%s from %s"),
                                                  hs_format_status (hs_resolution_get_status (entry)),
                                                  date);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *title = value_label (heading);
      const char *evidence = hs_resolution_get_evidence (entry);
      const char *url = hs_resolution_get_url (entry);

      gtk_widget_add_css_class (box, "history-row");
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (box), title);
      if (evidence != NULL)
        gtk_box_append (GTK_BOX (box), value_label (evidence));
      if (url != NULL && hs_url_is_web (url))
        {
          /* GtkLinkButton opens http(s) only here: the URL was checked. */
          GtkWidget *link = gtk_link_button_new_with_label (url, url);

          gtk_widget_set_halign (link, GTK_ALIGN_START);
          gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (link))),
                                   PANGO_ELLIPSIZE_MIDDLE);
          gtk_box_append (GTK_BOX (box), link);
        }
      if (i == n)
        {
          GtkWidget *current = gtk_label_new (_("Current status"));

          gtk_widget_add_css_class (current, "dim-label");
          gtk_widget_add_css_class (current, "caption");
          gtk_widget_set_halign (current, GTK_ALIGN_START);
          gtk_box_append (GTK_BOX (box), current);
        }
      gtk_list_box_append (self->history_list, box);
    }
}

static void
related_activated_cb (GtkListBox    *list,
                      GtkListBoxRow *row,
                      HsClaimDetail *self)
{
  const char *claim_id = g_object_get_data (G_OBJECT (row), "claim-id");

  if (claim_id != NULL)
    show_claim (self, claim_id, TRUE);
}

static void
fill_related (HsClaimDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) related = hs_store_list_related (self->store, hs_claim_get_id (self->claim),
                                                        &error);

  clear_container (GTK_WIDGET (self->related_list));
  if (related == NULL)
    {
      g_warning ("Cannot list related claims: %s", error->message);
      gtk_widget_set_visible (self->related_box, FALSE);
      return;
    }

  gtk_widget_set_visible (self->related_box, related->len > 0);
  for (guint i = 0; i < related->len; i++)
    {
      HsRelated *item = g_ptr_array_index (related, i);
      HsSpeaker *speaker = hs_claim_get_speaker (item->claim);
      g_autofree char *name = hs_format_speaker_name (speaker);
      g_autofree char *heading = g_strdup_printf ("%s · %s",
                                                  hs_format_relation (item->kind, item->incoming),
                                                  name);
      g_autofree char *accessible = g_strdup_printf (_("%s: %s"), heading,
                                                     hs_claim_get_text (item->claim));
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *title = value_label (heading);
      GtkWidget *text = value_label (hs_claim_get_text (item->claim));

      gtk_label_set_selectable (GTK_LABEL (title), FALSE);
      gtk_label_set_selectable (GTK_LABEL (text), FALSE);
      gtk_widget_add_css_class (title, "caption-heading");
      gtk_widget_add_css_class (box, "related-row");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), text);
      if (item->note != NULL)
        {
          GtkWidget *note = value_label (item->note);

          gtk_label_set_selectable (GTK_LABEL (note), FALSE);
          gtk_widget_add_css_class (note, "dim-label");
          gtk_widget_add_css_class (note, "caption");
          gtk_box_append (GTK_BOX (box), note);
        }
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "claim-id", g_strdup (hs_claim_get_id (item->claim)),
                              g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      gtk_list_box_append (self->related_list, row);
    }
}

static void
fill_topics (HsClaimDetail *self)
{
  const char * const *topics = hs_claim_get_topics (self->claim);

  clear_container (GTK_WIDGET (self->topics_flow));
  gtk_widget_set_visible (self->topics_box, topics != NULL && topics[0] != NULL);

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      const char *name = self->topic_names ? g_hash_table_lookup (self->topic_names, topics[i]) : NULL;
      g_autofree char *tooltip = g_strdup_printf (_("Show Claims on “%s”"), name ? name : topics[i]);
      GtkWidget *button = gtk_button_new_with_label (name ? name : topics[i]);

      gtk_widget_add_css_class (button, "topic-chip");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "detail.filter-topic");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", topics[i]);
      gtk_flow_box_append (self->topics_flow, button);
    }
}

static void
fill_source (HsClaimDetail *self)
{
  HsSource *source = hs_claim_get_source (self->claim);
  const char *locator = hs_claim_get_locator (self->claim);
  g_autoptr(GString) meta = g_string_new (NULL);
  HsDate published, event_date;
  const char *url;

  gtk_widget_set_visible (self->source_box, source != NULL);
  if (source == NULL)
    return;

  published = hs_source_get_published (source);
  event_date = hs_source_get_event_date (source);
  url = hs_source_get_url (source);

  gtk_label_set_text (self->source_title_label, hs_source_get_title (source));

  g_string_append (meta, hs_format_source_kind (hs_source_get_kind (source)));
  if (hs_source_get_publisher (source) != NULL)
    g_string_append_printf (meta, " · %s", hs_source_get_publisher (source));
  if (hs_date_is_set (&published))
    {
      g_autofree char *date = hs_format_date (&published);
      g_string_append_printf (meta, " · %s", date);
    }
  if (hs_source_get_event (source) != NULL)
    {
      g_string_append_printf (meta, "\n%s", hs_source_get_event (source));
      if (hs_date_is_set (&event_date))
        {
          g_autofree char *date = hs_format_date (&event_date);
          g_string_append_printf (meta, ", %s", date);
        }
    }
  gtk_label_set_text (self->source_meta_label, meta->str);

  if (locator != NULL)
    {
      g_autofree char *at = g_strdup_printf (_("At %s"), locator);
      gtk_label_set_text (self->locator_label, at);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->locator_label), locator != NULL);

  gtk_label_set_text (self->date_note_label, hs_source_get_date_note (source));
  gtk_widget_set_visible (GTK_WIDGET (self->date_note_label),
                          hs_source_get_date_note (source) != NULL);

  /* Only web links are offered; anything else in the data is never opened. */
  gtk_widget_set_visible (self->open_source_button, url != NULL && hs_url_is_web (url));
  gtk_widget_set_tooltip_text (self->open_source_button, url);
}

static void
update_back_buttons (HsClaimDetail *self)
{
  gtk_widget_set_visible (self->history_back_button, self->history->len > 0);
  gtk_widget_set_visible (self->back_to_list_button, self->folded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.back", self->history->len > 0);
}

static void
fill (HsClaimDetail *self)
{
  HsSpeaker *speaker = hs_claim_get_speaker (self->claim);
  HsPrediction *prediction = hs_claim_get_prediction (self->claim);
  HsDate stated_on = hs_claim_get_stated_on (self->claim);
  g_autofree char *name = hs_format_speaker_name (speaker);
  g_autofree char *role = speaker ? hs_format_current_role (speaker) : NULL;
  g_autofree char *date = hs_format_date (&stated_on);
  g_autofree char *stated = NULL;
  const char *quote = hs_claim_get_quote (self->claim);
  const char *original = hs_claim_get_original_text (self->claim);

  adw_avatar_set_text (self->speaker_avatar, speaker ? hs_speaker_get_name (speaker) : name);
  gtk_label_set_text (self->speaker_label, name);
  {
    g_autofree char *show = g_strdup_printf (_("Show the profile of %s"), name);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->speaker_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, show, -1);
  }
  gtk_label_set_text (self->role_label, role ? role : "");
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), role != NULL);

  gtk_label_set_text (self->text_label, hs_claim_get_text (self->claim));
  stated = prediction ? g_strdup_printf (_("Predicted on %s"), date)
                      : g_strdup_printf (_("Said on %s"), date);
  gtk_label_set_text (self->stated_label, stated);

  gtk_widget_set_visible (self->prediction_box, prediction != NULL);
  if (prediction != NULL)
    fill_prediction (self, prediction);

  gtk_widget_set_visible (self->quote_box, quote != NULL);
  gtk_label_set_text (self->quote_label, quote ? quote : "");

  gtk_widget_set_visible (self->original_box, original != NULL);
  place_original (self, original != NULL
                        && hs_format_interface_speaks (hs_claim_get_original_language (self->claim)));
  if (original != NULL)
    {
      const char *language = language_name (hs_claim_get_original_language (self->claim));
      g_autofree char *heading = language ? g_strdup_printf (_("Original (%s)"), language)
                                          : g_strdup (_("Original"));

      gtk_label_set_text (self->original_heading, heading);
      gtk_label_set_text (self->original_label, original);
    }

  fill_source (self);
  fill_topics (self);
  fill_related (self);
  if (prediction != NULL)
    fill_history (self, prediction);
  else
    gtk_widget_set_visible (self->history_box, FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.show-speaker", speaker != NULL);
  /* Edit and Delete are the window's actions, for the claim shown. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s", hs_claim_get_id (self->claim));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s", hs_claim_get_id (self->claim));
  gtk_widget_set_visible (self->record_buttons, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.resolve",
                                 prediction != NULL && !hs_store_is_read_only (self->store));
  gtk_stack_set_visible_child_name (self->stack, "claim");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
}

static void
show_claim (HsClaimDetail *self,
            const char    *claim_id,
            gboolean       remember)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsClaim) claim = NULL;

  if (self->store == NULL)
    return;

  if (!(claim = hs_store_get_claim (self->store, claim_id, &error)))
    {
      g_warning ("Cannot show claim %s: %s", claim_id, error->message);
      return;
    }

  if (remember && self->claim != NULL)
    g_ptr_array_add (self->history, g_strdup (hs_claim_get_id (self->claim)));
  g_set_object (&self->claim, claim);
  fill (self);
  update_back_buttons (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HsClaimDetail *self = HS_CLAIM_DETAIL (widget);
  g_autofree char *previous = NULL;

  if (self->history->len == 0)
    return;
  previous = g_ptr_array_steal_index (self->history, self->history->len - 1);
  show_claim (self, previous, FALSE);
}

static void
back_to_list_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK_TO_LIST], 0);
}

static void
open_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HsClaimDetail *self = HS_CLAIM_DETAIL (widget);
  HsSource *source = self->claim ? hs_claim_get_source (self->claim) : NULL;
  const char *url = source ? hs_source_get_url (source) : NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (url == NULL || !hs_url_is_web (url))
    return;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static void
show_speaker_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HsClaimDetail *self = HS_CLAIM_DETAIL (widget);

  if (self->claim != NULL)
    g_signal_emit (self, signals[SHOW_SPEAKER], 0, hs_claim_get_speaker_id (self->claim));
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HsClaimDetail *self = HS_CLAIM_DETAIL (widget);

  if (self->claim != NULL && hs_claim_is_prediction (self->claim))
    hs_resolve_dialog_open (widget, hs_claim_get_id (self->claim));
}

static void
filter_topic_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[FILTER_TOPIC], 0, g_variant_get_string (parameter, NULL));
}

static void
hs_claim_detail_dispose (GObject *object)
{
  HsClaimDetail *self = (HsClaimDetail *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_CLAIM_DETAIL);
  /* dispose_template() unparents the children it named; the others too. */
  hs_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->claim);
  g_clear_object (&self->store);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->topic_names, g_hash_table_unref);

  G_OBJECT_CLASS (hs_claim_detail_parent_class)->dispose (object);
}

static void
hs_claim_detail_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HsClaimDetail *self = HS_CLAIM_DETAIL (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_claim_detail_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HsClaimDetail *self = HS_CLAIM_DETAIL (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      hs_claim_detail_set_folded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_claim_detail_class_init (HsClaimDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_claim_detail_dispose;
  object_class->get_property = hs_claim_detail_get_property;
  object_class->set_property = hs_claim_detail_set_property;

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_SPEAKER] = g_signal_new ("show-speaker", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[FILTER_TOPIC] = g_signal_new ("filter-topic", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[BACK_TO_LIST] = g_signal_new ("back-to-list", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-claim-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, back_to_list_button);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, history_back_button);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, scrolled);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, speaker_avatar);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, speaker_button);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, role_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, text_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, stated_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, prediction_box);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, prediction_grid);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, quote_box);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, quote_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, original_box);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, original_heading);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, original_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, source_box);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, source_title_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, source_meta_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, locator_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, date_note_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, open_source_button);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, topics_box);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, topics_flow);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, related_box);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, related_list);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, history_box);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, history_list);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, resolve_button);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, record_buttons);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, edit_button);
  gtk_widget_class_bind_template_child (widget_class, HsClaimDetail, delete_button);

  gtk_widget_class_install_action (widget_class, "detail.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "detail.back-to-list", NULL, back_to_list_action);
  gtk_widget_class_install_action (widget_class, "detail.open-source", NULL, open_source_action);
  gtk_widget_class_install_action (widget_class, "detail.show-speaker", NULL, show_speaker_action);
  gtk_widget_class_install_action (widget_class, "detail.filter-topic", "s", filter_topic_action);
  gtk_widget_class_install_action (widget_class, "detail.resolve", NULL, resolve_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "detail.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "detail.back", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hs_claim_detail_init (HsClaimDetail *self)
{
  self->history = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 would name it twice, as written and as shown ("_Resolve… Resolve…"). */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->resolve_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_signal_connect (self->related_list, "row-activated", G_CALLBACK (related_activated_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.back", FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Claim details"), -1);
}

GtkWidget *
hs_claim_detail_new (void)
{
  return g_object_new (HS_TYPE_CLAIM_DETAIL, NULL);
}

/**
 * hs_claim_detail_set_store:
 * @topic_names: topic id → name to show on topic chips
 */
void
hs_claim_detail_set_store (HsClaimDetail *self,
                           HsStore       *store,
                           GHashTable    *topic_names)
{
  g_return_if_fail (HS_IS_CLAIM_DETAIL (self));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->topic_names, g_hash_table_unref);
  if (topic_names != NULL)
    self->topic_names = g_hash_table_ref (topic_names);
}

/**
 * hs_claim_detail_show:
 * @claim_id: (nullable): the claim to show, or %NULL for none
 *
 * Shows a claim picked from a list: the Back history starts anew.
 */
void
hs_claim_detail_show (HsClaimDetail *self,
                      const char    *claim_id)
{
  g_return_if_fail (HS_IS_CLAIM_DETAIL (self));

  g_ptr_array_set_size (self->history, 0);
  if (claim_id == NULL)
    {
      g_clear_object (&self->claim);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_visible (self->record_buttons, FALSE);
      update_back_buttons (self);
      return;
    }
  show_claim (self, claim_id, FALSE);
}

/* Reloads the claim shown, after the store changed. */
void
hs_claim_detail_refresh (HsClaimDetail *self)
{
  g_autofree char *id = NULL;

  g_return_if_fail (HS_IS_CLAIM_DETAIL (self));

  if (self->claim == NULL)
    return;

  /* Claims deleted meanwhile are no longer shown, nor gone back to. */
  for (guint i = self->history->len; i > 0; i--)
    if (hs_store_find_id (self->store, g_ptr_array_index (self->history, i - 1), NULL) != HS_OBJECT_CLAIM)
      g_ptr_array_remove_index (self->history, i - 1);
  id = g_strdup (hs_claim_get_id (self->claim));
  if (hs_store_find_id (self->store, id, NULL) != HS_OBJECT_CLAIM)
    {
      hs_claim_detail_show (self, NULL);
      return;
    }
  show_claim (self, id, FALSE);
  update_back_buttons (self);
}

const char *
hs_claim_detail_get_claim_id (HsClaimDetail *self)
{
  g_return_val_if_fail (HS_IS_CLAIM_DETAIL (self), NULL);
  return self->claim ? hs_claim_get_id (self->claim) : NULL;
}

void
hs_claim_detail_set_folded (HsClaimDetail *self,
                            gboolean       folded)
{
  g_return_if_fail (HS_IS_CLAIM_DETAIL (self));

  folded = !!folded;
  if (self->folded == folded)
    return;
  self->folded = folded;
  update_back_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}
