/* hs-speakers-page.c: every speaker, with a profile, a record and claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The record's Brier score is the Scorecard page's: it counts predictions
 * given in words too when the words-scale setting asks for it, follows the
 * setting as it changes, and says how many were scored from their words.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>

#include "hs-claim-row.h"
#include "hs-format.h"
#include "hs-speaker-row.h"
#include "hs-speakers-page.h"

/* A list view makes row widgets for at most 200 rows around what it shows,
 * and the profile scrolls as a whole, so its list of claims is as tall as
 * all its rows: a speaker's claims are shown a page at a time. */
#define CLAIMS_PER_PAGE 100

typedef struct
{
  gint64 claims;
  gint64 predictions;
} Counts;

struct _HsSpeakersPage
{
  GtkWidget           parent_instance;

  HsStore            *store;
  GSettings          *settings;
  HsWordsScale        words_scale;
  gboolean            loaded;
  gboolean            updating;
  gboolean            stale;         /* the selection changed while the profile was out of sight */
  gint64              total;
  GListStore         *speakers;      /* HsSpeaker: those the search finds, by name */
  char               *search;        /* the search they were found with */
  GtkSingleSelection *selection;
  GHashTable         *counts;        /* speaker id → Counts, as rows are shown */
  GHashTable         *topic_names;
  HsSpeaker          *speaker;       /* the one whose profile is shown */
  HsClaimList        *claims;
  GtkSliceListModel  *claims_slice;

  /* Template children */
  AdwLeaflet         *leaflet;
  GtkWidget          *profile_pane;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *speakers_view;
  AdwStatusPage      *empty_page;
  GtkWidget          *clear_search_button;
  GtkLabel           *count_label;
  GtkWidget          *toolbar;
  GtkStack           *profile_stack;
  GtkScrolledWindow  *profile_scrolled;
  AdwAvatar          *avatar;
  GtkLabel           *name_label;
  GtkLabel           *native_label;
  GtkLabel           *role_label;
  GtkLabel           *aliases_label;
  GtkLabel           *bio_label;
  GtkFlowBox         *record_flow;
  GtkLabel           *hit_rate_label;
  GtkLabel           *brier_label;
  GtkWidget          *affiliations_box;
  GtkListBox         *affiliations_list;
  GtkLabel           *claims_heading;
  GtkWidget          *pager;
  GtkLabel           *pager_label;
  GtkListView        *claims_view;
  GtkWidget          *no_claims_label;
  GtkWidget          *edit_button;
  GtkWidget          *delete_button;
};

G_DEFINE_FINAL_TYPE (HsSpeakersPage, hs_speakers_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPEAKER_ID,
  N_PROPS
};

enum {
  SHOW_CLAIM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const Counts *
lookup_counts (HsSpeakersPage *self,
               HsSpeaker      *speaker)
{
  g_autoptr(GError) error = NULL;
  const char *id = hs_speaker_get_id (speaker);
  Counts *counts;
  HsQuery query;

  if ((counts = g_hash_table_lookup (self->counts, id)))
    return counts;

  counts = g_new (Counts, 1);
  hs_query_init (&query);
  query.speaker_id = id;
  counts->claims = hs_store_count_claims (self->store, &query, &error);
  query.kind = HS_QUERY_KIND_PREDICTIONS;
  counts->predictions = counts->claims >= 0 ? hs_store_count_claims (self->store, &query, &error) : -1;
  if (error != NULL)
    g_warning ("Cannot count the claims of %s: %s", id, error->message);

  g_hash_table_insert (self->counts, g_strdup (id), counts);
  return counts;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
clear_flow_box (GtkFlowBox *flow)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (flow))))
    gtk_flow_box_remove (flow, child);
}

/* One figure of the record: a number over what it counts. A status is
 * shown as its badge, in words as well as in colour. */
static void
add_figure (HsSpeakersPage *self,
            guint           value,
            const char     *what,
            int             status)
{
  g_autofree char *number = g_strdup_printf ("%u", value);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *what_label = gtk_label_new (what);
  GtkWidget *child;

  gtk_widget_add_css_class (number_label, "title-2");
  gtk_widget_add_css_class (number_label, "numeric");
  if (status >= 0)
    hs_set_status_badge (GTK_LABEL (what_label), status);
  else
    {
      gtk_widget_add_css_class (what_label, "dim-label");
      gtk_widget_add_css_class (what_label, "caption");
    }
  gtk_label_set_wrap (GTK_LABEL (what_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (what_label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_halign (what_label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), what_label);

  gtk_flow_box_append (self->record_flow, box);
  /* The figures are read, not chosen: they take no keyboard focus. */
  child = gtk_widget_get_parent (box);
  gtk_widget_set_focusable (child, FALSE);
}

static void
fill_record (HsSpeakersPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  HsScoreRow *row = NULL;
  HsQuery query;

  clear_flow_box (self->record_flow);

  hs_query_init (&query);
  query.speaker_id = hs_speaker_get_id (self->speaker);
  query.words_scale = self->words_scale;
  if (!(rows = hs_store_scorecard (self->store, &query, &error)))
    g_warning ("Cannot score %s: %s", query.speaker_id, error->message);
  else if (rows->len > 0)
    row = g_ptr_array_index (rows, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->record_flow), row != NULL && row->predictions > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->brier_label), FALSE);
  if (row == NULL || row->predictions == 0)
    {
      gtk_label_set_text (self->hit_rate_label, _("No predictions recorded"));
      return;
    }

  add_figure (self, row->predictions, ngettext ("Prediction", "Predictions", row->predictions), -1);
  add_figure (self, row->resolved, _("Resolved"), -1);
  add_figure (self, row->confirmed, hs_format_status (HS_STATUS_CONFIRMED), HS_STATUS_CONFIRMED);
  add_figure (self, row->partial, hs_format_status (HS_STATUS_PARTIAL), HS_STATUS_PARTIAL);
  add_figure (self, row->refuted, hs_format_status (HS_STATUS_REFUTED), HS_STATUS_REFUTED);
  add_figure (self, row->ambiguous, hs_format_status (HS_STATUS_AMBIGUOUS), HS_STATUS_AMBIGUOUS);
  add_figure (self, row->open, hs_format_status (HS_STATUS_OPEN), HS_STATUS_OPEN);
  if (row->overdue > 0)
    add_figure (self, row->overdue, _("Overdue"), -1);

  if (row->resolved == 0)
    gtk_label_set_text (self->hit_rate_label, _("No resolved predictions yet"));
  else if (isnan (row->hit_rate))
    gtk_label_set_text (self->hit_rate_label,
                        _("No hit rate yet: every resolved prediction is ambiguous"));
  else
    {
      guint scored = row->confirmed + row->partial + row->refuted;
      g_autofree char *text =
        /* Translators: "Hit rate 67%, 95% interval 21–94%, from 3 predictions
         * confirmed, partially confirmed or refuted" */
        g_strdup_printf (ngettext ("Hit rate %.0f%%, 95%% interval %.0f–%.0f%%, from %u prediction "
                                   "confirmed, partially confirmed or refuted",
                                   "Hit rate %.0f%%, 95%% interval %.0f–%.0f%%, from %u predictions "
                                   "confirmed, partially confirmed or refuted", scored),
                         row->hit_rate * 100.0, row->hit_low * 100.0, row->hit_high * 100.0, scored);

      gtk_label_set_text (self->hit_rate_label, text);
    }

  if (row->brier_count > 0 && !isnan (row->brier) && self->words_scale == HS_WORDS_SCALE_NONE)
    {
      g_autofree char *text =
        /* Translators: "Brier score 0.180 over 2 predictions with a stated probability" */
        g_strdup_printf (ngettext ("Brier score %.3f over %u prediction with a stated probability "
                                   "(0 is perfect; always saying 50%% scores 0.25)",
                                   "Brier score %.3f over %u predictions with a stated probability "
                                   "(0 is perfect; always saying 50%% scores 0.25)", row->brier_count),
                         row->brier, row->brier_count);

      gtk_label_set_text (self->brier_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->brier_label), TRUE);
    }
  else if (row->brier_count > 0 && !isnan (row->brier))
    {
      g_autofree char *score =
        /* Translators: "Brier score 0.500 over 2 predictions with a stated or
         * implied probability", when confidence words are scored too */
        g_strdup_printf (ngettext ("Brier score %.3f over %u prediction with a stated or implied probability "
                                   "(0 is perfect; always saying 50%% scores 0.25).",
                                   "Brier score %.3f over %u predictions with a stated or implied probability "
                                   "(0 is perfect; always saying 50%% scores 0.25).", row->brier_count),
                         row->brier, row->brier_count);
      g_autofree char *words =
        /* Translators: follows the Brier score on a speaker's record; the
         * %s is the words scale's name */
        g_strdup_printf (ngettext ("It includes %u prediction scored from its words (%s).",
                                   "It includes %u predictions scored from their words (%s).",
                                   row->brier_words),
                         row->brier_words, _(hs_words_scale_get_title (self->words_scale)));
      g_autofree char *text = g_strconcat (score, " ", words, NULL);

      gtk_label_set_text (self->brier_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->brier_label), TRUE);
    }
}

/* When a position was held, as precisely as the data knows: "approx. 2023
 * – now", "until approx. 2023", or NULL when no date is known. */
static char *
format_tenure (HsAffiliation *affiliation)
{
  g_autofree char *from = NULL, *to = NULL;

  if (hs_date_is_set (&affiliation->from))
    from = hs_format_date (&affiliation->from);
  if (hs_date_is_set (&affiliation->to))
    to = hs_format_date (&affiliation->to);

  if (from != NULL && to != NULL)
    /* Translators: the years a position was held, "2019 – 2023" */
    return g_strdup_printf (_("%s – %s"), from, to);
  if (from != NULL)
    /* Translators: a position still held, "approx. 2023 – now" */
    return g_strdup_printf (_("%s – now"), from);
  if (to != NULL)
    /* Translators: a position left at a known date, "until approx. 2023" */
    return g_strdup_printf (_("until %s"), to);
  return NULL;
}

static void
fill_affiliations (HsSpeakersPage *self)
{
  GPtrArray *affiliations = hs_speaker_get_affiliations (self->speaker);

  clear_list_box (self->affiliations_list);
  gtk_widget_set_visible (self->affiliations_box, affiliations->len > 0);

  for (guint i = 0; i < affiliations->len; i++)
    {
      HsAffiliation *affiliation = g_ptr_array_index (affiliations, i);
      g_autofree char *position = NULL;
      g_autofree char *tenure = format_tenure (affiliation);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title, *dates;

      if (affiliation->role != NULL)
        position = g_strdup_printf ("%s, %s", affiliation->organization, affiliation->role);
      else
        position = g_strdup (affiliation->organization);

      title = gtk_label_new (position);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), title);

      dates = gtk_label_new (tenure ? tenure : _("Dates not known"));
      gtk_label_set_xalign (GTK_LABEL (dates), 0);
      gtk_label_set_wrap (GTK_LABEL (dates), TRUE);
      gtk_widget_add_css_class (dates, "dim-label");
      gtk_widget_add_css_class (dates, "caption");
      gtk_box_append (GTK_BOX (box), dates);

      gtk_widget_add_css_class (box, "affiliation-row");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      /* Text to read, not to act on: no stop for the keyboard. */
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->affiliations_list, row);
    }
}

static void
update_pager (HsSpeakersPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  guint offset = gtk_slice_list_model_get_offset (self->claims_slice);
  g_autofree char *heading = NULL;

  /* Translators: the heading of a speaker's claims, with how many there are */
  heading = g_strdup_printf (_("Claims and Predictions (%u)"), n);
  gtk_label_set_text (self->claims_heading, heading);

  gtk_widget_set_visible (GTK_WIDGET (self->claims_view), n > 0);
  gtk_widget_set_visible (self->no_claims_label, n == 0);
  gtk_widget_set_visible (self->pager, n > CLAIMS_PER_PAGE);
  if (n > CLAIMS_PER_PAGE)
    {
      /* Translators: which claims of how many are shown: "101–200 of 312" */
      g_autofree char *range = g_strdup_printf (_("%u–%u of %u"), offset + 1,
                                                MIN (offset + CLAIMS_PER_PAGE, n), n);

      gtk_label_set_text (self->pager_label, range);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "speakers.newer-claims", offset > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "speakers.older-claims",
                                 offset + CLAIMS_PER_PAGE < n);
}

static void
fill_claims (HsSpeakersPage *self)
{
  g_autoptr(GError) error = NULL;
  HsQuery query;

  hs_query_init (&query);
  query.speaker_id = hs_speaker_get_id (self->speaker);
  query.sort = HS_QUERY_SORT_NEWEST;
  if (!hs_claim_list_set_query (self->claims, &query, &error))
    g_warning ("Cannot list the claims of %s: %s", query.speaker_id, error->message);
  gtk_slice_list_model_set_offset (self->claims_slice, 0);
  update_pager (self);
}

static void
show_profile (HsSpeakersPage *self,
              HsSpeaker      *speaker)
{
  g_autofree char *role = NULL;
  const char * const *aliases;
  const char *native, *bio;
  gboolean changed;

  changed = g_strcmp0 (self->speaker ? hs_speaker_get_id (self->speaker) : NULL,
                       speaker ? hs_speaker_get_id (speaker) : NULL) != 0;
  g_set_object (&self->speaker, speaker);

  if (speaker == NULL)
    {
      gtk_stack_set_visible_child_name (self->profile_stack, "empty");
      if (changed)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKER_ID]);
      return;
    }

  role = hs_format_current_role (speaker);
  aliases = hs_speaker_get_aliases (speaker);
  native = hs_speaker_get_native_name (speaker);
  bio = hs_speaker_get_bio (speaker);

  adw_avatar_set_text (self->avatar, hs_speaker_get_name (speaker));
  gtk_label_set_text (self->name_label, hs_speaker_get_name (speaker));
  gtk_label_set_text (self->native_label, native ? native : "");
  gtk_widget_set_visible (GTK_WIDGET (self->native_label), native != NULL && *native != '\0');
  gtk_label_set_text (self->role_label, role ? role : "");
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), role != NULL);

  if (aliases != NULL && aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) aliases);
      /* Translators: the other names of a speaker, "Also known as Zhilin Yang" */
      g_autofree char *text = g_strdup_printf (_("Also known as %s"), joined);

      gtk_label_set_text (self->aliases_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->aliases_label), aliases != NULL && aliases[0] != NULL);

  gtk_label_set_text (self->bio_label, bio ? bio : "");
  gtk_widget_set_visible (GTK_WIDGET (self->bio_label), bio != NULL && *bio != '\0');

  /* Edit and Delete are the window's actions, for the speaker shown. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s", hs_speaker_get_id (speaker));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s", hs_speaker_get_id (speaker));

  fill_record (self);
  fill_affiliations (self);
  fill_claims (self);

  gtk_stack_set_visible_child_name (self->profile_stack, "profile");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->profile_scrolled), 0);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKER_ID]);
}

/* Shows what is selected, or only remembers to when it would be out of
 * sight: a folded leaflet showing the list. */
static void
follow_selection (HsSpeakersPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) != self->profile_pane)
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  show_profile (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
update_count (HsSpeakersPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->speakers));
  g_autofree char *text = NULL;

  if (shown == self->total)
    text = g_strdup_printf (ngettext ("%'u speaker", "%'u speakers", shown), shown);
  else
    /* Translators: "2 of 10 speakers" */
    text = g_strdup_printf (ngettext ("%'u of %'" PRId64 " speaker",
                                      "%'u of %'" PRId64 " speakers", self->total),
                            shown, self->total);
  gtk_label_set_text (self->count_label, text);
}

/* Lists the speakers the search finds, keeping the one shown selected if
 * it is among them. With @refill, its profile is read again even then. */
static void
update_list (HsSpeakersPage *self,
             gboolean        refill)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *kept = self->speaker ? g_strdup (hs_speaker_get_id (self->speaker)) : NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint position = GTK_INVALID_LIST_POSITION;
  HsSpeaker *selected;
  HsQuery query;

  if (self->store == NULL || !self->loaded)
    return;

  hs_query_init (&query);
  query.search = *search != '\0' ? search : NULL;
  if (!(found = hs_store_list_speakers (self->store, &query, &error)))
    {
      g_warning ("Cannot list speakers: %s", error->message);
      return;
    }

  for (guint i = 0; kept != NULL && i < found->len; i++)
    if (g_strcmp0 (hs_speaker_get_id (g_ptr_array_index (found, i)), kept) == 0)
      {
        position = i;
        break;
      }

  self->updating = TRUE;
  g_list_store_splice (self->speakers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->speakers)),
                       found->pdata, found->len);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
  self->updating = FALSE;

  g_free (self->search);
  self->search = g_strdup (search);

  update_count (self);
  if (found->len == 0)
    {
      gboolean searching = query.search != NULL;

      adw_status_page_set_icon_name (self->empty_page,
                                     searching ? "edit-find-symbolic" : "system-users-symbolic");
      adw_status_page_set_title (self->empty_page,
                                 searching ? _("No Matching Speakers") : _("No Speakers Yet"));
      adw_status_page_set_description (self->empty_page,
                                       searching ? _("Try another name, a native name or an alias")
                                                 : _("Import a file of claims to begin"));
      gtk_widget_set_visible (self->clear_search_button, searching);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  selected = gtk_single_selection_get_selected_item (self->selection);
  if (refill || selected == NULL || position == GTK_INVALID_LIST_POSITION)
    follow_selection (self);
  else
    /* The same speaker, freshly read: the profile on screen is theirs. */
    g_set_object (&self->speaker, selected);
}

static void
ensure_loaded (HsSpeakersPage *self)
{
  if (self->loaded || self->store == NULL)
    return;

  self->loaded = TRUE;
  self->total = hs_store_count (self->store, HS_OBJECT_SPEAKER, NULL);
  update_list (self, TRUE);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   HsSpeakersPage *self)
{
  /* The entry also reports a search it was already showing; listing ten
   * thousand speakers again for it would be wasted. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), self->search) == 0)
    return;
  update_list (self, FALSE);
}

static void
stop_search_cb (GtkSearchEntry *entry,
                HsSpeakersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      HsSpeakersPage     *self)
{
  if (!self->updating)
    follow_selection (self);
}

/* Side by side, a click selects a row and shows it at once. Folded, the
 * list is alone: hovering a row selects it, as in any single-click list,
 * and a click or Enter opens it. */
static void
speaker_activated_cb (GtkListView    *view,
                      guint           position,
                      HsSpeakersPage *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->profile_pane);
}

static void
claim_activated_cb (GtkListView    *view,
                    guint           position,
                    HsSpeakersPage *self)
{
  g_autoptr(HsClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims_slice), position);

  if (claim != NULL)
    g_signal_emit (self, signals[SHOW_CLAIM], 0, hs_claim_get_id (claim));
}

static void
folded_cb (AdwLeaflet     *leaflet,
           GParamSpec     *pspec,
           HsSpeakersPage *self)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);

  gtk_widget_set_visible (self->toolbar, folded);
  gtk_list_view_set_single_click_activate (self->speakers_view, folded);
  if (self->stale)
    follow_selection (self);
}

static void
visible_child_cb (AdwLeaflet     *leaflet,
                  GParamSpec     *pspec,
                  HsSpeakersPage *self)
{
  if (self->stale)
    follow_selection (self);
}

static void
setup_speaker_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  HsSpeakersPage           *self)
{
  gtk_list_item_set_child (item, hs_speaker_row_new ());
}

static void
bind_speaker_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 HsSpeakersPage           *self)
{
  HsSpeaker *speaker = gtk_list_item_get_item (item);
  const Counts *counts = lookup_counts (self, speaker);

  hs_speaker_row_bind (HS_SPEAKER_ROW (gtk_list_item_get_child (item)), speaker,
                       counts->claims, counts->predictions);
}

static void
setup_claim_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                HsSpeakersPage           *self)
{
  gtk_list_item_set_child (item, hs_claim_row_new ());
}

static void
bind_claim_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               HsSpeakersPage           *self)
{
  hs_claim_row_bind (HS_CLAIM_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item),
                     self->topic_names);
}

static void
back_to_list_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HsSpeakersPage *self = HS_SPEAKERS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
clear_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HsSpeakersPage *self = HS_SPEAKERS_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  hs_speakers_page_focus_search (HS_SPEAKERS_PAGE (widget));
}

static void
turn_page (HsSpeakersPage *self,
           int             direction)
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
newer_claims_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  turn_page (HS_SPEAKERS_PAGE (widget), -1);
}

static void
older_claims_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  turn_page (HS_SPEAKERS_PAGE (widget), 1);
}

static void
words_scale_changed_cb (GSettings      *settings,
                        const char     *key,
                        HsSpeakersPage *self)
{
  g_autofree char *name = g_settings_get_string (settings, key);
  HsWordsScale scale = HS_WORDS_SCALE_NONE;

  hs_words_scale_from_string (name, &scale);
  if (scale == self->words_scale)
    return;
  self->words_scale = scale;
  if (self->store != NULL && self->speaker != NULL)
    fill_record (self);
}

static void
hs_speakers_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hs_speakers_page_parent_class)->map (widget);

  /* Ten thousand speakers are read only once someone looks at them. */
  ensure_loaded (HS_SPEAKERS_PAGE (widget));
}

static void
hs_speakers_page_dispose (GObject *object)
{
  HsSpeakersPage *self = (HsSpeakersPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_SPEAKERS_PAGE);
  /* dispose_template() unparents the children it named; the others too. */
  hs_widget_unparent_children (GTK_WIDGET (self));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->speakers);
  g_clear_object (&self->claims_slice);
  g_clear_object (&self->claims);
  g_clear_object (&self->speaker);
  g_clear_object (&self->store);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->topic_names, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (hs_speakers_page_parent_class)->dispose (object);
}

static void
hs_speakers_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HsSpeakersPage *self = HS_SPEAKERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SPEAKER_ID:
      g_value_set_string (value, hs_speakers_page_get_speaker_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_speakers_page_class_init (HsSpeakersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_speakers_page_dispose;
  object_class->get_property = hs_speakers_page_get_property;
  widget_class->map = hs_speakers_page_map;

  /* The id of the speaker whose profile is shown, or %NULL. */
  properties[PROP_SPEAKER_ID] =
    g_param_spec_string ("speaker-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Asks for the claim with this id to be shown in full, on the Claims page. */
  signals[SHOW_CLAIM] = g_signal_new ("show-claim", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-speakers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, profile_pane);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, speakers_view);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, clear_search_button);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, profile_stack);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, profile_scrolled);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, native_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, role_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, aliases_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, bio_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, record_flow);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, hit_rate_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, brier_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, affiliations_box);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, affiliations_list);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, claims_heading);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, pager);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, pager_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, claims_view);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, no_claims_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakersPage, delete_button);

  gtk_widget_class_install_action (widget_class, "speakers.back-to-list", NULL, back_to_list_action);
  gtk_widget_class_install_action (widget_class, "speakers.clear-search", NULL, clear_search_action);
  gtk_widget_class_install_action (widget_class, "speakers.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "speakers.newer-claims", NULL, newer_claims_action);
  gtk_widget_class_install_action (widget_class, "speakers.older-claims", NULL, older_claims_action);
}

static void
hs_speakers_page_init (HsSpeakersPage *self)
{
  g_autoptr(GtkListItemFactory) speaker_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) claim_factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->speakers = g_list_store_new (HS_TYPE_SPEAKER);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->speakers)));
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  gtk_list_view_set_model (self->speakers_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (speaker_factory, "setup", G_CALLBACK (setup_speaker_cb), self);
  g_signal_connect (speaker_factory, "bind", G_CALLBACK (bind_speaker_cb), self);
  gtk_list_view_set_factory (self->speakers_view, speaker_factory);

  g_signal_connect (claim_factory, "setup", G_CALLBACK (setup_claim_cb), self);
  g_signal_connect (claim_factory, "bind", G_CALLBACK (bind_claim_cb), self);
  gtk_list_view_set_factory (self->claims_view, claim_factory);

  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  g_signal_connect (self->speakers_view, "activate", G_CALLBACK (speaker_activated_cb), self);
  g_signal_connect (self->claims_view, "activate", G_CALLBACK (claim_activated_cb), self);
  g_signal_connect (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self);
  g_signal_connect (self->leaflet, "notify::visible-child", G_CALLBACK (visible_child_cb), self);
  folded_cb (self->leaflet, NULL, self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "speakers.newer-claims", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "speakers.older-claims", FALSE);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect (self->settings, "changed::words-scale", G_CALLBACK (words_scale_changed_cb), self);
  self->words_scale = HS_WORDS_SCALE_NONE;
  words_scale_changed_cb (self->settings, "words-scale", self);
}

GtkWidget *
hs_speakers_page_new (void)
{
  return g_object_new (HS_TYPE_SPEAKERS_PAGE, NULL);
}

void
hs_speakers_page_set_store (HsSpeakersPage *self,
                            HsStore        *store)
{
  g_autoptr(GtkNoSelection) claims_model = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HS_IS_SPEAKERS_PAGE (self));
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

  self->claims = hs_claim_list_new (store);
  self->claims_slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->claims)), 0,
                                                 CLAIMS_PER_PAGE);
  claims_model = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->claims_slice)));
  gtk_list_view_set_model (self->claims_view, GTK_SELECTION_MODEL (claims_model));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_loaded (self);
}

/* Shows the profile of @speaker_id, clearing the search if it hides them. */
void
hs_speakers_page_show_speaker (HsSpeakersPage *self,
                               const char     *speaker_id)
{
  guint position = GTK_INVALID_LIST_POSITION;
  guint n;

  g_return_if_fail (HS_IS_SPEAKERS_PAGE (self));
  g_return_if_fail (speaker_id != NULL);

  ensure_loaded (self);

  for (guint pass = 0; pass < 2 && position == GTK_INVALID_LIST_POSITION; pass++)
    {
      if (pass == 1)
        {
          /* Not found: perhaps the search hides them. */
          if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
            break;
          gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
          update_list (self, FALSE);
        }

      n = g_list_model_get_n_items (G_LIST_MODEL (self->speakers));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HsSpeaker) speaker = g_list_model_get_item (G_LIST_MODEL (self->speakers), i);

          if (g_strcmp0 (hs_speaker_get_id (speaker), speaker_id) == 0)
            {
              position = i;
              break;
            }
        }
    }

  if (position == GTK_INVALID_LIST_POSITION)
    {
      g_debug ("No speaker %s to show", speaker_id);
      return;
    }

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->speakers_view), "list.scroll-to-item", "u", position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->profile_pane);
}

/**
 * hs_speakers_page_get_speaker_id:
 *
 * Returns: (nullable): the id of the speaker whose profile is shown
 */
const char *
hs_speakers_page_get_speaker_id (HsSpeakersPage *self)
{
  g_return_val_if_fail (HS_IS_SPEAKERS_PAGE (self), NULL);
  return self->speaker ? hs_speaker_get_id (self->speaker) : NULL;
}

void
hs_speakers_page_focus_search (HsSpeakersPage *self)
{
  g_return_if_fail (HS_IS_SPEAKERS_PAGE (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, gtk_widget_get_first_child (GTK_WIDGET (self->leaflet)));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * hs_speakers_page_get_search_entry:
 *
 * Returns: (transfer none): the entry, for the window's type-to-search
 */
GtkSearchEntry *
hs_speakers_page_get_search_entry (HsSpeakersPage *self)
{
  g_return_val_if_fail (HS_IS_SPEAKERS_PAGE (self), NULL);
  return self->search_entry;
}

/* Reads the speakers, their counts and the profile shown again: the data
 * changed (an import, a resolution). */
void
hs_speakers_page_reload (HsSpeakersPage *self)
{
  g_return_if_fail (HS_IS_SPEAKERS_PAGE (self));

  if (self->store == NULL || !self->loaded)
    return;
  g_hash_table_remove_all (self->counts);
  self->total = hs_store_count (self->store, HS_OBJECT_SPEAKER, NULL);
  update_list (self, TRUE);
}
