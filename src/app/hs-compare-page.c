/* hs-compare-page.c: speakers compared: a stance matrix, claims side by side,
 * and every prediction in one sortable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three views of one question, who said what about what:
 *
 * - the stance matrix counts claims and predictions for each topic (rows)
 *   and speaker (columns); a cell lays its claims out below the matrix;
 * - side by side puts two to four speakers in columns, topic by topic,
 *   and marks a claim that supports, contradicts or revises one in another
 *   column, in words and with an icon;
 * - the predictions table lists every prediction in a column view, sorted
 *   by any column, searched and filtered, and exported as CSV.
 *
 * Each view is built when it is first shown and again when it is shown
 * after the data changed, so a change costs nothing for views not looked at.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "hs-claim-row.h"
#include "hs-column-headers.h"
#include "hs-compare-page.h"
#include "hs-format.h"
#include "hs-reverse-list-model.h"
#include "hs-window.h"

/* A matrix wider than this is not read but scrolled: with more speakers
 * the matrix shows those with the most claims, and says so. */
#define MATRIX_MAX_SPEAKERS 12

/* Side by side reads a speaker's claims in full; one with more than this
 * many shows the newest. */
#define SIDE_MAX_CLAIMS 300

/* The claims a matrix cell lays out. */
#define CELL_MAX_CLAIMS 60

#define MAX_SLOTS 4

/* Sorting by a column the store cannot sort by (speaker, probability,
 * status, …) happens in a GtkSortListModel, which loads every prediction
 * of the list (each a few queries) to compare them. It sorts incrementally,
 * so the window keeps responding, but it takes time: about 20 s for
 * 100,000 predictions on two cores, a few seconds for 25,000. Above this
 * many, such a sort is refused until a search or filter narrows the list;
 * stated date and resolve-by date sort in SQL at any size. Sort keys in
 * the core's query (speaker name, probability, status, horizon, last
 * evidence) would lift the limit. */
#define SORT_IN_MEMORY_LIMIT 25000

typedef enum
{
  COLUMN_NONE,
  COLUMN_SPEAKER,
  COLUMN_PREDICTION,
  COLUMN_STATED,
  COLUMN_HORIZON,
  COLUMN_DUE,
  COLUMN_PROBABILITY,
  COLUMN_STATUS,
  COLUMN_EVIDENCE,
} Column;

typedef struct
{
  GPtrArray *speakers;      /* HsSpeaker, the matrix's columns */
  GPtrArray *topics;        /* HsTopic, the matrix's rows: those with claims */
  guint      n_speakers;    /* speakers in the store */
  gint64    *claims;        /* [topic × n_columns + speaker] */
  gint64    *predictions;
  char     **previews;      /* the newest claim of each cell, or NULL */
  guint      n_cells;       /* as allocated: every topic of the store, before empty rows are dropped */
} MatrixData;

struct _HsComparePage
{
  GtkWidget           parent_instance;

  HsStore            *store;
  GHashTable         *topic_names;
  GStrv               speaker_ids;      /* behind each speaker choice, "" for none */
  gboolean            speakers_stale;   /* the choices are filled when the page is shown */

  /* Stance matrix */
  GCancellable       *matrix_cancellable;
  MatrixData         *matrix;
  GtkWidget          *selected_cell;
  gboolean            matrix_stale;

  /* Side by side */
  GtkDropDown        *slots[MAX_SLOTS];
  gboolean            side_stale;

  /* Predictions */
  HsClaimList        *predictions;
  HsReverseListModel *reversible;
  HsQuerySort         sort;
  gboolean            sort_refused;
  gint64              total_predictions;
  gboolean            predictions_stale;
  GPtrArray          *status_values;
  GtkFileChooserNative *chooser;
  GCancellable       *export_cancellable;
  gboolean            updating;

  /* Template children */
  GtkWidget          *switcher;
  GtkStack           *views;
  GtkPaned           *matrix_paned;
  GtkLabel           *matrix_caption;
  GtkStack           *matrix_stack;
  GtkSpinner         *matrix_spinner;
  GtkGrid            *matrix_grid;
  GtkWidget          *cell_panel;
  GtkLabel           *cell_title;
  GtkFlowBox         *cell_claims;
  GtkFlowBox         *speaker_choices;
  GtkStack           *parallel_stack;
  GtkBox             *parallel_header;
  GtkBox             *parallel_box;
  GtkSearchEntry     *predictions_search;
  GtkDropDown        *speaker_filter;
  GtkDropDown        *status_filter;
  GtkColumnView      *predictions_view;
  GtkSingleSelection *predictions_selection;
  GtkSortListModel   *predictions_sort;
  GtkLabel           *predictions_count;
  GtkColumnViewColumn *stated_column;
};

G_DEFINE_FINAL_TYPE (HsComparePage, hs_compare_page, GTK_TYPE_WIDGET)

enum {
  SHOW_CLAIM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------- */
/* The cells and sort keys of the predictions table                         */

/* GTK 4.8 does not say which column a GtkColumnViewSorter sorts by first
 * (gtk_column_view_sorter_get_primary_sort_column() is 4.10). The page asks
 * it by comparing two probe claims: the sorter consults its columns in
 * order and stops at the first that tells them apart, and every sort key
 * below tells the probes apart and notes its column. The result's sign is
 * the direction. */
static HsClaim *probe_first;
static HsClaim *probe_second;
static Column   probed_column;

static int
probe_side (HsClaim *claim,
            Column   column)
{
  if (G_LIKELY (claim != probe_first && claim != probe_second))
    return 0;
  probed_column = column;
  return claim == probe_first ? 1 : 2;
}

static char *
probe_string (int side)
{
  return g_strdup (side == 1 ? "a" : "b");
}

/* A date as a number that sorts: 20260325, a coarse date at its start (or
 * end, for a resolve-by date). */
static gint64
date_key (const HsDate *date,
          gboolean      last)
{
  HsDate day;

  if (!hs_date_is_set (date))
    return G_MAXINT64;
  day = last ? hs_date_last_day (date) : hs_date_first_day (date);
  return (gint64) day.year * 10000 + day.month * 100 + day.day;
}

static const char *
current_evidence (HsClaim *claim)
{
  HsPrediction *prediction = claim ? hs_claim_get_prediction (claim) : NULL;
  HsResolution *current = prediction ? hs_prediction_get_current (prediction) : NULL;

  return current ? hs_resolution_get_evidence (current) : NULL;
}

static char *
speaker_key (HsClaim *claim)
{
  int side = probe_side (claim, COLUMN_SPEAKER);

  if (side)
    return probe_string (side);
  return hs_format_speaker_name (hs_claim_get_speaker (claim));
}

static char *
text_key (HsClaim *claim)
{
  int side = probe_side (claim, COLUMN_PREDICTION);

  if (side)
    return probe_string (side);
  return g_strdup (hs_claim_get_text (claim));
}

static gint64
stated_key (HsClaim *claim)
{
  int side = probe_side (claim, COLUMN_STATED);
  HsDate stated;

  if (side)
    return side;
  stated = hs_claim_get_stated_on (claim);
  return date_key (&stated, FALSE);
}

/* A horizon sorts by how far ahead it reaches: from the stated date to the
 * last resolve-by day; open-ended ones reach furthest. */
static gint64
horizon_key (HsClaim *claim)
{
  int side = probe_side (claim, COLUMN_HORIZON);
  HsPrediction *prediction;
  HsDate stated, latest, from, to;

  if (side)
    return side;
  prediction = hs_claim_get_prediction (claim);
  if (prediction == NULL)
    return -1;
  stated = hs_claim_get_stated_on (claim);
  latest = hs_prediction_get_latest (prediction);
  if (!hs_date_is_set (&latest) || !hs_date_is_set (&stated))
    return G_MAXINT64;
  from = hs_date_first_day (&stated);
  to = hs_date_last_day (&latest);
  return hs_date_days_between (&from, &to);
}

static gint64
due_key (HsClaim *claim)
{
  int side = probe_side (claim, COLUMN_DUE);
  HsPrediction *prediction;
  HsDate latest;

  if (side)
    return side;
  prediction = hs_claim_get_prediction (claim);
  if (prediction == NULL)
    return G_MAXINT64;
  latest = hs_prediction_get_latest (prediction);
  return date_key (&latest, TRUE);
}

/* A stated probability; words without a number sort below every number. */
static double
probability_key (HsClaim *claim)
{
  int side = probe_side (claim, COLUMN_PROBABILITY);
  HsPrediction *prediction;

  if (side)
    return side;
  prediction = hs_claim_get_prediction (claim);
  if (prediction == NULL)
    return -1.0;
  if (!hs_prediction_has_probability (prediction))
    return hs_prediction_get_confidence (prediction) ? -0.5 : -1.0;
  return hs_prediction_get_probability (prediction);
}

static int
status_key (HsClaim *claim)
{
  int side = probe_side (claim, COLUMN_STATUS);
  HsPrediction *prediction;

  if (side)
    return side;
  prediction = hs_claim_get_prediction (claim);
  return prediction ? (int) hs_prediction_get_status (prediction) : -1;
}

static char *
evidence_key (HsClaim *claim)
{
  int side = probe_side (claim, COLUMN_EVIDENCE);

  if (side)
    return probe_string (side);
  return g_strdup (current_evidence (claim) ? current_evidence (claim) : "");
}

/* The cells' text. @item is NULL while a row is being recycled. */

static char *
speaker_text (GtkListItem *list_item,
              HsClaim     *claim)
{
  return claim ? hs_format_speaker_name (hs_claim_get_speaker (claim)) : NULL;
}

static char *
text_text (GtkListItem *list_item,
           HsClaim     *claim)
{
  return claim ? g_strdup (hs_claim_get_text (claim)) : NULL;
}

static char *
stated_text (GtkListItem *list_item,
             HsClaim     *claim)
{
  HsDate stated;

  if (claim == NULL)
    return NULL;
  stated = hs_claim_get_stated_on (claim);
  return hs_format_date (&stated);
}

static char *
horizon_text (GtkListItem *list_item,
              HsClaim     *claim)
{
  HsPrediction *prediction = claim ? hs_claim_get_prediction (claim) : NULL;
  const char *horizon = prediction ? hs_prediction_get_horizon (prediction) : NULL;

  if (prediction == NULL)
    return NULL;
  return g_strdup (horizon && *horizon ? horizon : _("Unspecified"));
}

static char *
due_text (GtkListItem *list_item,
          HsClaim     *claim)
{
  HsPrediction *prediction = claim ? hs_claim_get_prediction (claim) : NULL;
  HsDate latest;

  if (prediction == NULL)
    return NULL;
  latest = hs_prediction_get_latest (prediction);
  if (!hs_date_is_set (&latest))
    return g_strdup (_("Open-ended"));
  return hs_format_date (&latest);
}

static char *
probability_text (GtkListItem *list_item,
                  HsClaim     *claim)
{
  HsPrediction *prediction = claim ? hs_claim_get_prediction (claim) : NULL;
  char *text;

  if (prediction == NULL)
    return NULL;
  text = hs_format_probability (prediction);
  return text ? text : g_strdup ("—");
}

static char *
status_text (GtkListItem *list_item,
             HsClaim     *claim)
{
  HsPrediction *prediction = claim ? hs_claim_get_prediction (claim) : NULL;

  return prediction ? g_strdup (hs_format_status (hs_prediction_get_status (prediction))) : NULL;
}

/* The status reads as a badge: its words, and a colour from its class. */
static GStrv
status_classes (GtkListItem *list_item,
                HsClaim     *claim)
{
  HsPrediction *prediction = claim ? hs_claim_get_prediction (claim) : NULL;
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv classes;

  g_strv_builder_add (builder, "status-badge");
  if (prediction != NULL)
    g_strv_builder_add (builder, hs_format_status_class (hs_prediction_get_status (prediction)));
  classes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return classes;
}

static char *
evidence_text (GtkListItem *list_item,
               HsClaim     *claim)
{
  const char *evidence = current_evidence (claim);

  if (claim == NULL)
    return NULL;
  return g_strdup (evidence && *evidence ? evidence : "—");
}

/* ---------------------------------------------------------------------- */
/* The stance matrix                                                       */

static void
matrix_data_free (MatrixData *data)
{
  if (data == NULL)
    return;
  if (data->previews != NULL)
    {
      guint cells = data->n_cells;

      for (guint i = 0; i < cells; i++)
        g_free (data->previews[i]);
      g_free (data->previews);
    }
  g_free (data->claims);
  g_free (data->predictions);
  g_clear_pointer (&data->speakers, g_ptr_array_unref);
  g_clear_pointer (&data->topics, g_ptr_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MatrixData, matrix_data_free)

/* The speakers the matrix shows: all when they fit, else those with the
 * most claims (counted in one query), then by name. */
static GPtrArray *
matrix_speakers (HsStore       *store,
                 guint         *n_speakers,
                 GError       **error)
{
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GHashTable) taken = NULL;
  gint64 n;

  if ((n = hs_store_count (store, HS_OBJECT_SPEAKER, error)) < 0)
    return NULL;
  *n_speakers = (guint) MIN (n, G_MAXUINT);
  if (n <= MATRIX_MAX_SPEAKERS)
    return hs_store_list_speakers (store, NULL, error);

  if (!(counts = hs_store_count_by_speaker (store, NULL, error)))
    return NULL;
  chosen = g_ptr_array_new_with_free_func (g_object_unref);
  taken = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < counts->len && chosen->len < MATRIX_MAX_SPEAKERS; i++)
    {
      HsClaimCount *count = g_ptr_array_index (counts, i);
      HsSpeaker *speaker = hs_store_get_speaker (store, count->speaker_id, error);

      if (speaker == NULL)
        return NULL;
      g_ptr_array_add (chosen, speaker);
      g_hash_table_add (taken, (gpointer) hs_speaker_get_id (speaker));
    }

  /* Fewer speakers with claims than columns: the others by name, as empty
   * columns, as when every speaker fits. */
  if (chosen->len < MATRIX_MAX_SPEAKERS)
    {
      g_autoptr(GPtrArray) all = hs_store_list_speakers (store, NULL, error);

      if (all == NULL)
        return NULL;
      for (guint i = 0; i < all->len && chosen->len < MATRIX_MAX_SPEAKERS; i++)
        {
          HsSpeaker *speaker = g_ptr_array_index (all, i);

          if (!g_hash_table_contains (taken, hs_speaker_get_id (speaker)))
            g_ptr_array_add (chosen, g_object_ref (speaker));
        }
    }
  return g_steal_pointer (&chosen);
}

/* Counts the matrix on a connection of its own, off the main thread: one
 * grouped query for the speakers' totals and one for the cells, then the
 * newest claim of each cell for its preview. */
static void
matrix_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(MatrixData) data = NULL;
  gint64 started = g_get_monotonic_time ();
  guint n_speakers = 0;
  guint n;

  if (!(store = hs_store_open (path, &error)) ||
      !(topics = hs_store_list_topics (store, &error)) ||
      !(speakers = matrix_speakers (store, &n_speakers, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  for (guint s = 0; s < speakers->len; s++)
    g_ptr_array_add (ids, (gpointer) hs_speaker_get_id (g_ptr_array_index (speakers, s)));
  g_ptr_array_add (ids, NULL);
  if (!(counts = hs_store_count_by_speaker_and_topic (store, NULL, (const char * const *) ids->pdata,
                                                      &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < counts->len; i++)
    {
      HsClaimCount *count = g_ptr_array_index (counts, i);

      g_hash_table_insert (cells, g_strdup_printf ("%s\t%s", count->speaker_id, count->topic_id), count);
    }

  n = speakers->len;
  data = g_new0 (MatrixData, 1);
  data->speakers = g_steal_pointer (&speakers);
  data->topics = g_ptr_array_new_with_free_func (g_object_unref);
  data->n_speakers = n_speakers;
  data->n_cells = topics->len * n;
  data->claims = g_new0 (gint64, data->n_cells);
  data->predictions = g_new0 (gint64, data->n_cells);
  data->previews = g_new0 (char *, data->n_cells);

  for (guint t = 0; t < topics->len; t++)
    {
      HsTopic *topic = g_ptr_array_index (topics, t);
      guint row = data->topics->len;
      gboolean any = FALSE;

      if (g_task_return_error_if_cancelled (task))
        return;

      for (guint s = 0; s < n; s++)
        {
          guint cell = row * n + s;
          g_autofree char *key = g_strdup_printf ("%s\t%s", hs_speaker_get_id (g_ptr_array_index (data->speakers, s)),
                                                  hs_topic_get_id (topic));
          HsClaimCount *count = g_hash_table_lookup (cells, key);
          g_autoptr(HsClaim) newest = NULL;

          if (count == NULL || count->claims == 0)
            continue;
          any = TRUE;
          data->claims[cell] = count->claims;
          data->predictions[cell] = count->predictions;
          if (!(newest = hs_store_get_claim_at (store, count->newest, &error)))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          data->previews[cell] = g_strdup (hs_claim_get_text (newest));
        }

      /* A topic no one shown spoke on is not a row: its cells were all
       * zero, and the next topic takes its place. */
      if (any)
        g_ptr_array_add (data->topics, g_object_ref (topic));
    }

  g_debug ("Stance matrix: %u speakers × %u topics counted in %.1f ms", n, data->topics->len,
           (g_get_monotonic_time () - started) / 1000.0);
  g_task_return_pointer (task, g_steal_pointer (&data), (GDestroyNotify) matrix_data_free);
}

static char *
cell_counts (gint64 claims,
             gint64 predictions)
{
  /* Translators: in a stance matrix cell, "3 claims"; predictions are
   * claims too, and "3 claims · 1 prediction" says how many of them are */
  g_autofree char *claims_text = g_strdup_printf (ngettext ("%'" PRId64 " claim",
                                                            "%'" PRId64 " claims", claims),
                                                  claims);

  if (predictions == 0)
    return g_steal_pointer (&claims_text);
  /* Translators: "3 claims · 1 prediction" */
  return g_strdup_printf (ngettext ("%s · %'" PRId64 " prediction",
                                    "%s · %'" PRId64 " predictions", predictions),
                          claims_text, predictions);
}

static char *
cell_sentence (HsSpeaker *speaker,
               HsTopic   *topic,
               gint64     claims,
               gint64     predictions)
{
  g_autofree char *who = hs_format_speaker_name (speaker);
  const char *what = hs_format_topic_name (topic);
  g_autofree char *claims_text = NULL;
  g_autofree char *predictions_text = NULL;
  g_autofree char *counts = NULL;

  if (claims == 0)
    /* Translators: a stance matrix cell for screen readers, "Tang Jie 唐杰 on Open source: no claims" */
    return g_strdup_printf (_("%s on %s: no claims"), who, what);

  claims_text = g_strdup_printf (ngettext ("%'" PRId64 " claim", "%'" PRId64 " claims",
                                           claims), claims);
  if (predictions > 0)
    {
      predictions_text = g_strdup_printf (ngettext ("%'" PRId64 " prediction",
                                                    "%'" PRId64 " predictions", predictions),
                                          predictions);
      /* Translators: "3 claims, 1 prediction" */
      counts = g_strdup_printf (_("%s, %s"), claims_text, predictions_text);
    }
  else
    counts = g_steal_pointer (&claims_text);
  /* Translators: a stance matrix cell for screen readers, "Tang Jie 唐杰 on Open source: 3 claims, 1 prediction" */
  return g_strdup_printf (_("%s on %s: %s"), who, what, counts);
}

static void
select_cell (HsComparePage *self,
             GtkWidget     *cell)
{
  if (self->selected_cell != NULL)
    gtk_widget_remove_css_class (self->selected_cell, "selected-cell");
  self->selected_cell = cell;
  if (cell != NULL)
    gtk_widget_add_css_class (cell, "selected-cell");
}

static void
clear_cell_claims (HsComparePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cell_claims))))
    gtk_flow_box_remove (self->cell_claims, child);
}

static gboolean
add_cell_claim_cb (HsClaim  *claim,
                   gpointer  user_data)
{
  HsComparePage *self = user_data;
  GtkWidget *row = hs_claim_row_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *child = gtk_flow_box_child_new ();

  /* A claim's text would take a whole line if it could; clamped, a few
   * claims sit side by side and each wraps its text. */
  hs_claim_row_bind (HS_CLAIM_ROW (row), claim, self->topic_names);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 420);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 420);
  adw_clamp_set_child (ADW_CLAMP (clamp), row);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), clamp);
  gtk_widget_add_css_class (child, "card");
  gtk_widget_add_css_class (child, "cell-claim");
  gtk_widget_set_tooltip_text (child, _("Open this claim on the Claims page"));
  g_object_set_data_full (G_OBJECT (child), "claim-id", g_strdup (hs_claim_get_id (claim)), g_free);
  gtk_flow_box_append (self->cell_claims, child);
  return TRUE;
}

/* Lays out the claims of one cell below the matrix, side by side. */
static void
show_cell (HsComparePage *self,
           GtkWidget     *cell,
           HsSpeaker     *speaker,
           HsTopic       *topic,
           gint64         claims,
           gint64         predictions)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *who = hs_format_speaker_name (speaker);
  g_autofree char *counts = cell_counts (claims, predictions);
  g_autofree char *title = NULL;
  HsQuery query;

  select_cell (self, cell);
  clear_cell_claims (self);

  hs_query_init (&query);
  query.speaker_id = hs_speaker_get_id (speaker);
  query.topic_id = hs_topic_get_id (topic);
  query.limit = CELL_MAX_CLAIMS;
  if (!hs_store_foreach_claim (self->store, &query, add_cell_claim_cb, self, &error))
    g_warning ("Cannot list the claims of %s on %s: %s", query.speaker_id, query.topic_id, error->message);

  if (claims > CELL_MAX_CLAIMS)
    /* Translators: "Tang Jie 唐杰 on Open source: 3 claims · 1 prediction, the newest 60 shown" */
    title = g_strdup_printf (_("%s on %s: %s, the newest %d shown"), who, hs_format_topic_name (topic),
                             counts, CELL_MAX_CLAIMS);
  else
    /* Translators: "Tang Jie 唐杰 on Open source: 3 claims · 1 prediction" */
    title = g_strdup_printf (_("%s on %s: %s"), who, hs_format_topic_name (topic), counts);
  gtk_label_set_text (self->cell_title, title);

  if (!gtk_widget_get_visible (self->cell_panel))
    {
      int height = gtk_widget_get_height (GTK_WIDGET (self->matrix_paned));

      gtk_widget_set_visible (self->cell_panel, TRUE);
      if (height > 0)
        gtk_paned_set_position (self->matrix_paned, MAX (height / 2, height - 420));
    }
}

static void
cell_clicked_cb (GtkButton     *button,
                 HsComparePage *self)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "row"));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "column"));
  MatrixData *data = self->matrix;
  guint cell;

  if (data == NULL || row >= data->topics->len || column >= data->speakers->len)
    return;
  cell = row * data->speakers->len + column;
  show_cell (self, GTK_WIDGET (button), g_ptr_array_index (data->speakers, column),
             g_ptr_array_index (data->topics, row), data->claims[cell], data->predictions[cell]);
}

static void
cell_claim_activated_cb (GtkFlowBox      *box,
                         GtkFlowBoxChild *child,
                         HsComparePage   *self)
{
  const char *claim_id = g_object_get_data (G_OBJECT (child), "claim-id");

  if (claim_id != NULL)
    g_signal_emit (self, signals[SHOW_CLAIM], 0, claim_id);
}

static void
close_cell_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HsComparePage *self = HS_COMPARE_PAGE (widget);
  GtkWidget *cell = self->selected_cell;

  gtk_widget_set_visible (self->cell_panel, FALSE);
  select_cell (self, NULL);
  clear_cell_claims (self);
  if (cell != NULL)
    gtk_widget_grab_focus (cell);
}

static GtkWidget *
matrix_cell (HsComparePage *self,
             MatrixData    *data,
             guint          row,
             guint          column)
{
  guint cell = row * data->speakers->len + column;
  HsSpeaker *speaker = g_ptr_array_index (data->speakers, column);
  HsTopic *topic = g_ptr_array_index (data->topics, row);
  g_autofree char *sentence = cell_sentence (speaker, topic, data->claims[cell], data->predictions[cell]);
  g_autofree char *counts = NULL;
  GtkWidget *button, *box, *counts_label, *preview;

  if (data->claims[cell] == 0)
    {
      GtkWidget *empty = gtk_label_new ("—");

      gtk_widget_add_css_class (empty, "matrix-cell-empty");
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (empty), GTK_ACCESSIBLE_PROPERTY_LABEL, sentence, -1);
      return empty;
    }

  counts = cell_counts (data->claims[cell], data->predictions[cell]);
  button = gtk_button_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  counts_label = gtk_label_new (counts);
  preview = gtk_label_new (data->previews[cell] ? data->previews[cell] : "");

  gtk_label_set_xalign (GTK_LABEL (counts_label), 0);
  gtk_widget_add_css_class (counts_label, "matrix-counts");
  gtk_label_set_xalign (GTK_LABEL (preview), 0);
  gtk_label_set_ellipsize (GTK_LABEL (preview), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (preview), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (preview), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (preview), 22);
  gtk_widget_add_css_class (preview, "dim-label");
  gtk_widget_add_css_class (preview, "caption");
  gtk_box_append (GTK_BOX (box), counts_label);
  gtk_box_append (GTK_BOX (box), preview);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "matrix-cell");

  /* A screen reader hears who, on what, and how many; the preview (the
   * newest claim) is the description, heard after a pause. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sentence,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  data->previews[cell] ? data->previews[cell] : "",
                                  -1);
  gtk_widget_set_tooltip_text (button, data->previews[cell]);
  g_object_set_data (G_OBJECT (button), "row", GUINT_TO_POINTER (row));
  g_object_set_data (G_OBJECT (button), "column", GUINT_TO_POINTER (column));
  g_signal_connect (button, "clicked", G_CALLBACK (cell_clicked_cb), self);
  return button;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))))
    gtk_grid_remove (grid, child);
}

static void
show_matrix (HsComparePage *self,
             MatrixData    *data)
{
  guint n = data->speakers->len;

  g_clear_pointer (&self->matrix, matrix_data_free);
  self->matrix = data;
  self->selected_cell = NULL;
  clear_grid (self->matrix_grid);
  gtk_widget_set_visible (self->cell_panel, FALSE);
  clear_cell_claims (self);

  if (n == 0 || data->topics->len == 0)
    {
      gtk_label_set_text (self->matrix_caption, "");
      gtk_stack_set_visible_child_name (self->matrix_stack, "empty");
      return;
    }

  if (data->n_speakers > n)
    {
      g_autofree char *caption =
        /* Translators: above the stance matrix when not every speaker fits */
        g_strdup_printf (ngettext ("The %u speakers with the most claims, of %u. Choose others side by side.",
                                   "The %u speakers with the most claims, of %u. Choose others side by side.",
                                   n), n, data->n_speakers);
      gtk_label_set_text (self->matrix_caption, caption);
    }
  else
    gtk_label_set_text (self->matrix_caption,
                        _("Claims by topic and speaker. Choose a cell to read its claims."));

  {
    GtkWidget *corner = gtk_label_new (_("Topic"));

    gtk_label_set_xalign (GTK_LABEL (corner), 0);
    gtk_widget_add_css_class (corner, "dim-label");
    gtk_widget_add_css_class (corner, "caption-heading");
    gtk_grid_attach (self->matrix_grid, corner, 0, 0, 1, 1);
  }

  for (guint s = 0; s < n; s++)
    {
      g_autofree char *name = hs_format_speaker_name (g_ptr_array_index (data->speakers, s));
      GtkWidget *header = gtk_label_new (name);

      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_justify (GTK_LABEL (header), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (header), 16);
      gtk_widget_set_valign (header, GTK_ALIGN_END);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "matrix-header");
      gtk_grid_attach (self->matrix_grid, header, s + 1, 0, 1, 1);
    }

  for (guint t = 0; t < data->topics->len; t++)
    {
      GtkWidget *topic = gtk_label_new (hs_format_topic_name (g_ptr_array_index (data->topics, t)));

      gtk_label_set_xalign (GTK_LABEL (topic), 0);
      gtk_label_set_wrap (GTK_LABEL (topic), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (topic), 18);
      gtk_widget_add_css_class (topic, "heading");
      gtk_grid_attach (self->matrix_grid, topic, 0, t + 1, 1, 1);

      for (guint s = 0; s < n; s++)
        gtk_grid_attach (self->matrix_grid, matrix_cell (self, data, t, s), s + 1, t + 1, 1, 1);
    }

  gtk_stack_set_visible_child_name (self->matrix_stack, "grid");
}

static void
matrix_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HsComparePage) self = user_data;
  g_autoptr(GError) error = NULL;
  MatrixData *data = g_task_propagate_pointer (G_TASK (result), &error);

  if (data == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot count the claims for the stance matrix: %s", error->message);
      return;
    }
  if (self->store == NULL)
    {
      matrix_data_free (data);
      return;
    }
  gtk_spinner_stop (self->matrix_spinner);
  show_matrix (self, data);
}

static void
update_matrix (HsComparePage *self)
{
  g_autoptr(GTask) task = NULL;

  self->matrix_stale = FALSE;
  g_cancellable_cancel (self->matrix_cancellable);
  g_clear_object (&self->matrix_cancellable);
  self->matrix_cancellable = g_cancellable_new ();

  /* The old matrix stays until the new one is counted, unless there is
   * none yet. */
  if (self->matrix == NULL)
    {
      gtk_spinner_start (self->matrix_spinner);
      gtk_stack_set_visible_child_name (self->matrix_stack, "loading");
    }

  task = g_task_new (NULL, self->matrix_cancellable, matrix_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, update_matrix);
  g_task_set_task_data (task, g_strdup (hs_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, matrix_thread);
}

/* ---------------------------------------------------------------------- */
/* Side by side                                                            */

/* A relation from a claim to one in another column. */
typedef struct
{
  HsRelated *related;   /* borrowed from the entry's list */
  guint      column;    /* where the other claim is */
} Mark;

typedef struct
{
  HsClaim   *claim;
  guint      column;
  GPtrArray *related;   /* HsRelated, every relation of the claim */
  GArray    *marks;     /* Mark, those to another column */
} Entry;

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->claim);
  g_clear_pointer (&entry->related, g_ptr_array_unref);
  g_clear_pointer (&entry->marks, g_array_unref);
  g_free (entry);
}

static gboolean
collect_claim_cb (HsClaim  *claim,
                  gpointer  user_data)
{
  GPtrArray *claims = user_data;

  g_ptr_array_add (claims, g_object_ref (claim));
  return TRUE;
}

static const char *
relation_icon (HsRelationKind kind)
{
  switch (kind)
    {
    case HS_RELATION_SUPPORTS:
      return "object-select-symbolic";
    case HS_RELATION_CONTRADICTS:
      return "action-unavailable-symbolic";
    case HS_RELATION_REVISES:
      return "document-edit-symbolic";
    case HS_RELATION_SAME_AS:
    default:
      return "edit-copy-symbolic";
    }
}

static const char *
relation_class (HsRelationKind kind)
{
  switch (kind)
    {
    case HS_RELATION_SUPPORTS:
      return "relation-supports";
    case HS_RELATION_CONTRADICTS:
      return "relation-contradicts";
    case HS_RELATION_REVISES:
      return "relation-revises";
    case HS_RELATION_SAME_AS:
    default:
      return "relation-same";
    }
}

/* "Contradicts Tang Jie 唐杰 ←": the relation, who, and which way their
 * column is. */
static char *
mark_text (HsComparePage *self,
           const Mark    *mark,
           guint          from_column)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  gboolean right = (mark->column > from_column) != rtl;
  g_autofree char *who = hs_format_speaker_name (hs_claim_get_speaker (mark->related->claim));

  /* Translators: a mark on a claim side by side, "Contradicts Tang Jie 唐杰 →";
   * the arrow points at the other speaker's column */
  return g_strdup_printf (C_("relation mark", "%s %s %s"),
                          hs_format_relation (mark->related->kind, mark->related->incoming),
                          who, right ? "→" : "←");
}

static GtkWidget *
mark_widget (HsComparePage *self,
             const Mark    *mark,
             guint          from_column)
{
  g_autofree char *text = mark_text (self, mark, from_column);
  g_autoptr(GString) tooltip = g_string_new (hs_claim_get_text (mark->related->claim));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (relation_icon (mark->related->kind));
  GtkWidget *label = gtk_label_new (text);

  if (mark->related->note != NULL)
    g_string_append_printf (tooltip, "\n\n%s", mark->related->note);
  gtk_widget_set_tooltip_text (box, tooltip->str);
  /* The words carry the meaning; the icon repeats it for the eye. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (box, "relation-mark");
  gtk_widget_add_css_class (box, relation_class (mark->related->kind));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static GtkWidget *
entry_row (HsComparePage *self,
           Entry         *entry)
{
  HsClaim *claim = entry->claim;
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  HsDate stated = hs_claim_get_stated_on (claim);
  g_autofree char *date = hs_format_date (&stated);
  g_autoptr(GString) accessible = g_string_new (NULL);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *text = gtk_label_new (hs_claim_get_text (claim));
  GtkWidget *meta = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *date_label = gtk_label_new (date);

  /* Four columns share a narrow window: the date gives way first. */
  gtk_label_set_ellipsize (GTK_LABEL (date_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (date_label), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (date_label, "dim-label");
  gtk_widget_add_css_class (date_label, "caption");
  gtk_box_append (GTK_BOX (meta), date_label);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), meta);

  {
    g_autofree char *what = g_strdup (hs_claim_get_text (claim));
    gsize length = strlen (what);

    /* The sentence ends once, whether or not the statement has a full stop. */
    while (length > 0 && (what[length - 1] == '.' || g_ascii_isspace (what[length - 1])))
      what[--length] = '\0';
    /* Translators: a claim side by side for screen readers, "10 January 2026: the statement." */
    g_string_append_printf (accessible, _("%s: %s."), date, what);
  }
  if (prediction != NULL)
    {
      GtkWidget *badge = gtk_label_new (NULL);

      hs_set_status_badge (GTK_LABEL (badge), hs_prediction_get_status (prediction));
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_label_set_ellipsize (GTK_LABEL (badge), PANGO_ELLIPSIZE_END);
      gtk_box_prepend (GTK_BOX (meta), badge);
      g_string_append_c (accessible, ' ');
      /* Translators: "Prediction, Open." */
      g_string_append_printf (accessible, _("Prediction, %s."),
                              hs_format_status (hs_prediction_get_status (prediction)));
    }

  for (guint i = 0; i < entry->marks->len; i++)
    {
      const Mark *mark = &g_array_index (entry->marks, Mark, i);
      g_autofree char *words = mark_text (self, mark, entry->column);

      gtk_box_append (GTK_BOX (box), mark_widget (self, mark, entry->column));
      g_string_append_printf (accessible, " %s.", words);
    }

  gtk_widget_add_css_class (box, "side-claim");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str, -1);
  gtk_widget_set_tooltip_text (row, _("Open this claim on the Claims page"));
  g_object_set_data_full (G_OBJECT (row), "claim-id", g_strdup (hs_claim_get_id (claim)), g_free);
  return row;
}

static void
side_row_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       HsComparePage *self)
{
  const char *claim_id = g_object_get_data (G_OBJECT (row), "claim-id");

  if (claim_id != NULL)
    g_signal_emit (self, signals[SHOW_CLAIM], 0, claim_id);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

/* Whether the entry belongs under @topic_id; NULL is "no topic". */
static gboolean
entry_has_topic (Entry      *entry,
                 const char *topic_id)
{
  const char * const *topics = hs_claim_get_topics (entry->claim);

  if (topic_id == NULL)
    return topics == NULL || topics[0] == NULL;
  return topics != NULL && g_strv_contains (topics, topic_id);
}

static GtkWidget *
topic_column (HsComparePage *self,
              HsSpeaker     *speaker,
              const char    *title,
              const char    *topic_id,
              guint          column,
              GPtrArray     *entries)
{
  g_autofree char *who = hs_format_speaker_name (speaker);
  g_autofree char *name = NULL;
  GtkWidget *list = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (entry->column != column || !entry_has_topic (entry, topic_id))
        continue;
      if (list == NULL)
        {
          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");
          gtk_widget_set_valign (list, GTK_ALIGN_START);
          g_signal_connect (list, "row-activated", G_CALLBACK (side_row_activated_cb), self);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), entry_row (self, entry));
    }

  if (list == NULL)
    {
      GtkWidget *none = gtk_label_new (_("Nothing on this topic"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_valign (none, GTK_ALIGN_START);
      gtk_widget_set_margin_top (none, 12);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      return none;
    }

  /* Translators: a list of claims side by side, "Tang Jie 唐杰 on Open source" */
  name = g_strdup_printf (_("%s on %s"), who, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return list;
}

/* One topic that any of the speakers spoke on: a heading, then a column
 * for each speaker. */
static void
add_topic_section (HsComparePage *self,
                   const char    *title,
                   const char    *topic_id,
                   GPtrArray     *speakers,
                   GPtrArray     *entries)
{
  GtkWidget *section, *heading, *grid;
  gboolean any = FALSE;

  for (guint i = 0; i < entries->len && !any; i++)
    any = entry_has_topic (g_ptr_array_index (entries, i), topic_id);
  if (!any)
    return;

  section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  heading = gtk_label_new (title);
  grid = gtk_grid_new ();
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  for (guint c = 0; c < speakers->len; c++)
    gtk_grid_attach (GTK_GRID (grid),
                     topic_column (self, g_ptr_array_index (speakers, c), title, topic_id, c, entries),
                     c, 0, 1, 1);

  gtk_box_append (GTK_BOX (section), heading);
  gtk_box_append (GTK_BOX (section), grid);
  gtk_box_append (self->parallel_box, section);
}

/* Finds, for every claim, the relations to claims in other columns. */
static void
find_marks (HsComparePage *self,
            GPtrArray     *entries,
            GHashTable    *columns)
{
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GError) error = NULL;

      entry->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
      entry->related = hs_store_list_related (self->store, hs_claim_get_id (entry->claim), &error);
      if (entry->related == NULL)
        {
          g_warning ("Cannot read the relations of %s: %s", hs_claim_get_id (entry->claim), error->message);
          continue;
        }
      for (guint k = 0; k < entry->related->len; k++)
        {
          HsRelated *related = g_ptr_array_index (entry->related, k);
          gpointer column;
          Mark mark;

          if (!g_hash_table_lookup_extended (columns, hs_claim_get_speaker_id (related->claim), NULL, &column) ||
              GPOINTER_TO_UINT (column) == entry->column)
            continue;
          mark.related = related;
          mark.column = GPOINTER_TO_UINT (column);
          g_array_append_val (entry->marks, mark);
        }
    }
}

static void
update_side (HsComparePage *self)
{
  g_autoptr(GPtrArray) speakers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  gboolean truncated = FALSE;

  self->side_stale = FALSE;
  clear_box (self->parallel_box);
  clear_box (self->parallel_header);

  for (guint i = 0; i < MAX_SLOTS; i++)
    {
      guint selected = gtk_drop_down_get_selected (self->slots[i]);
      const char *id = (self->speaker_ids && selected != GTK_INVALID_LIST_POSITION &&
                        selected < g_strv_length (self->speaker_ids)) ? self->speaker_ids[selected] : "";
      HsSpeaker *speaker;

      /* The same person chosen twice is one column. */
      if (*id == '\0' || g_hash_table_contains (columns, id))
        continue;
      if (!(speaker = hs_store_get_speaker (self->store, id, &error)))
        {
          g_warning ("Cannot read the speaker %s: %s", id, error->message);
          g_clear_error (&error);
          continue;
        }
      g_hash_table_insert (columns, g_strdup (id), GUINT_TO_POINTER (speakers->len));
      g_ptr_array_add (speakers, speaker);
    }

  if (speakers->len < 2)
    {
      gtk_stack_set_visible_child_name (self->parallel_stack, "choose");
      return;
    }

  for (guint c = 0; c < speakers->len; c++)
    {
      g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *name = hs_format_speaker_name (g_ptr_array_index (speakers, c));
      GtkWidget *header = gtk_label_new (name);
      HsQuery query;

      hs_query_init (&query);
      query.speaker_id = hs_speaker_get_id (g_ptr_array_index (speakers, c));
      query.limit = SIDE_MAX_CLAIMS;
      if (!hs_store_foreach_claim (self->store, &query, collect_claim_cb, claims, &error))
        {
          g_warning ("Cannot list the claims of %s: %s", query.speaker_id, error->message);
          g_clear_error (&error);
        }
      truncated |= claims->len >= SIDE_MAX_CLAIMS;

      for (guint i = 0; i < claims->len; i++)
        {
          Entry *entry = g_new0 (Entry, 1);

          entry->claim = g_object_ref (g_ptr_array_index (claims, i));
          entry->column = c;
          g_ptr_array_add (entries, entry);
        }

      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "heading");
      gtk_box_append (self->parallel_header, header);
    }

  find_marks (self, entries, columns);

  if (!(topics = hs_store_list_topics (self->store, &error)))
    {
      g_warning ("Cannot list the topics: %s", error->message);
      return;
    }
  for (guint t = 0; t < topics->len; t++)
    add_topic_section (self, hs_format_topic_name (g_ptr_array_index (topics, t)),
                       hs_topic_get_id (g_ptr_array_index (topics, t)), speakers, entries);
  add_topic_section (self, _("No topic"), NULL, speakers, entries);

  if (truncated)
    {
      g_autofree char *note =
        g_strdup_printf (_("A speaker with more than %d claims shows the newest %d."), SIDE_MAX_CLAIMS,
                         SIDE_MAX_CLAIMS);
      GtkWidget *label = gtk_label_new (note);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (self->parallel_box, label);
    }

  gtk_stack_set_visible_child_name (self->parallel_stack,
                                    gtk_widget_get_first_child (GTK_WIDGET (self->parallel_box))
                                    ? "columns" : "nothing");
}

static void
slot_changed_cb (GtkDropDown   *dropdown,
                 GParamSpec    *pspec,
                 HsComparePage *self)
{
  if (self->updating)
    return;
  update_side (self);
}

/* ---------------------------------------------------------------------- */
/* Predictions                                                             */

static void
update_predictions_count (HsComparePage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->predictions));
  g_autofree char *count = NULL;

  if (shown == self->total_predictions)
    count = g_strdup_printf (ngettext ("%'u prediction", "%'u predictions", shown), shown);
  else
    /* Translators: "3 of 54 predictions" */
    count = g_strdup_printf (ngettext ("%'u of %'" PRId64 " prediction",
                                       "%'u of %'" PRId64 " predictions", self->total_predictions),
                             shown, self->total_predictions);

  if (self->sort_refused)
    {
      g_autofree char *text =
        /* Translators: under the predictions table; %s is "54 predictions" */
        g_strdup_printf (_("%s. Too many to sort by this column: search or filter to narrow them first."),
                         count);
      gtk_label_set_text (self->predictions_count, text);
    }
  else
    gtk_label_set_text (self->predictions_count, count);
}

static void
build_predictions_query (HsComparePage *self,
                         HsQuery       *query)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->predictions_search));
  guint speaker = gtk_drop_down_get_selected (self->speaker_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);

  hs_query_init (query);
  query->kind = HS_QUERY_KIND_PREDICTIONS;
  query->sort = self->sort;
  query->search = (search != NULL && *search != '\0') ? search : NULL;
  if (self->speaker_ids != NULL && speaker != GTK_INVALID_LIST_POSITION && speaker > 0 &&
      speaker < g_strv_length (self->speaker_ids))
    query->speaker_id = self->speaker_ids[speaker];
  if (self->status_values != NULL && status != GTK_INVALID_LIST_POSITION && status > 0 &&
      status < self->status_values->len)
    query->status = GPOINTER_TO_INT (g_ptr_array_index (self->status_values, status));
}

/* Which column the table sorts by first, and which way: see probe_side(). */
static Column
primary_sort (HsComparePage *self,
              GtkSortType   *order)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->predictions_view);
  GtkOrdering ordering;

  probed_column = COLUMN_NONE;
  ordering = gtk_sorter_compare (sorter, probe_first, probe_second);
  *order = ordering == GTK_ORDERING_LARGER ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING;
  return ordering == GTK_ORDERING_EQUAL ? COLUMN_NONE : probed_column;
}

/* Stated and resolve-by dates sort in the store's query, so that the list
 * stays lazy at any size; every other column sorts in the sort model. */
static void
apply_sort (HsComparePage *self)
{
  g_autoptr(GError) error = NULL;
  GtkSortType order;
  Column column = primary_sort (self, &order);
  HsQuerySort sort = HS_QUERY_SORT_NEWEST;
  gboolean reversed = FALSE;
  gboolean in_memory = FALSE;
  HsQuery query;

  switch (column)
    {
    case COLUMN_STATED:
      sort = order == GTK_SORT_ASCENDING ? HS_QUERY_SORT_OLDEST : HS_QUERY_SORT_NEWEST;
      break;
    case COLUMN_DUE:
      /* Soonest first, open-ended last; read backwards for latest first. */
      sort = HS_QUERY_SORT_DUE;
      reversed = order == GTK_SORT_DESCENDING;
      break;
    case COLUMN_NONE:
      break;
    case COLUMN_SPEAKER:
    case COLUMN_PREDICTION:
    case COLUMN_HORIZON:
    case COLUMN_PROBABILITY:
    case COLUMN_STATUS:
    case COLUMN_EVIDENCE:
    default:
      in_memory = TRUE;
      break;
    }

  if (self->sort != sort)
    {
      self->sort = sort;
      build_predictions_query (self, &query);
      if (!hs_claim_list_set_query (self->predictions, &query, &error))
        g_warning ("Cannot sort the predictions: %s", error->message);
    }
  hs_reverse_list_model_set_reversed (self->reversible, reversed);

  self->sort_refused = in_memory &&
                       g_list_model_get_n_items (G_LIST_MODEL (self->predictions)) > SORT_IN_MEMORY_LIMIT;
  gtk_sort_list_model_set_sorter (self->predictions_sort,
                                  in_memory && !self->sort_refused
                                  ? gtk_column_view_get_sorter (self->predictions_view) : NULL);
  update_predictions_count (self);
}

static void
sort_changed_cb (GtkSorter       *sorter,
                 GtkSorterChange  change,
                 HsComparePage   *self)
{
  if (self->predictions != NULL)
    apply_sort (self);
}

static void
update_predictions (HsComparePage *self)
{
  g_autoptr(GError) error = NULL;
  HsQuery query;

  if (self->predictions == NULL)
    return;
  self->predictions_stale = FALSE;

  /* The total changes with the data, not with the search: it is counted
   * again only after a reload (a count of a million rows takes a while). */
  if (self->total_predictions < 0)
    {
      hs_query_init (&query);
      query.kind = HS_QUERY_KIND_PREDICTIONS;
      self->total_predictions = hs_store_count_claims (self->store, &query, NULL);
    }

  build_predictions_query (self, &query);
  if (!hs_claim_list_set_query (self->predictions, &query, &error))
    g_warning ("Cannot list the predictions: %s", error->message);
  /* How many there are now decides whether a sort in memory is allowed. */
  apply_sort (self);
}

static void
predictions_search_cb (GtkSearchEntry *entry,
                       HsComparePage  *self)
{
  update_predictions (self);
}

static void
predictions_stop_search_cb (GtkSearchEntry *entry,
                            HsComparePage  *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
predictions_filter_cb (GtkDropDown   *dropdown,
                       GParamSpec    *pspec,
                       HsComparePage *self)
{
  if (!self->updating)
    update_predictions (self);
}

static void
prediction_activated_cb (GtkColumnView *view,
                         guint          position,
                         HsComparePage *self)
{
  g_autoptr(HsClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->predictions_selection), position);

  if (claim != NULL)
    g_signal_emit (self, signals[SHOW_CLAIM], 0, hs_claim_get_id (claim));
}

/* Export runs on a connection of its own, off the main thread, so that a
 * million rows do not stop the window. */
typedef struct
{
  char        *db_path;
  char        *speaker_id;
  char        *search;
  int          status;
  HsQuerySort  sort;
  GFile       *file;
  guint        count;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_free (job->speaker_id);
  g_free (job->search);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsStore) store = hs_store_open (job->db_path, &error);
  HsQuery query;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  hs_query_init (&query);
  query.kind = HS_QUERY_KIND_PREDICTIONS;
  query.speaker_id = job->speaker_id;
  query.search = job->search;
  query.status = job->status;
  query.sort = job->sort;
  if (!hs_store_export_file (store, job->file, HS_EXPORT_FORMAT_CSV, &query, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
toast (HsComparePage *self,
       const char    *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (HS_IS_WINDOW (root))
    hs_window_toast (HS_WINDOW (root), text);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HsComparePage) self = user_data;
  g_autoptr(GError) error = NULL;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-csv", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: a toast; %s says why */
      text = g_strdup_printf (_("Cannot export the predictions: %s"), error->message);
    }
  else
    /* Translators: a toast, "Exported 54 predictions to predictions.csv" */
    text = g_strdup_printf (ngettext ("Exported %u prediction to %s", "Exported %u predictions to %s",
                                      job->count), job->count, name);
  toast (self, text);
}

static void
start_export (HsComparePage *self,
              GFile         *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);
  HsQuery query;

  build_predictions_query (self, &query);
  job->db_path = g_strdup (hs_store_get_path (self->store));
  job->speaker_id = g_strdup (query.speaker_id);
  job->search = g_strdup (query.search);
  job->status = query.status;
  job->sort = query.sort;
  job->file = g_object_ref (file);
  job->count = g_list_model_get_n_items (G_LIST_MODEL (self->predictions));

  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-csv", FALSE);

  task = g_task_new (NULL, self->export_cancellable, export_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    HsComparePage   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL)
    start_export (self, file);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HsComparePage *self = HS_COMPARE_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->store == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Predictions as CSV"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "predictions.csv");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---------------------------------------------------------------------- */
/* The page                                                                */

static void fill_speakers (HsComparePage *self);

static void
update_visible_view (HsComparePage *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->views);

  if (self->store == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  /* Every speaker in five drop-downs is 12 MB and a moment at ten
   * thousand speakers: only for a page someone looks at. */
  if (self->speakers_stale)
    {
      self->speakers_stale = FALSE;
      fill_speakers (self);
    }
  if (g_strcmp0 (name, "matrix") == 0 && self->matrix_stale)
    update_matrix (self);
  else if (g_strcmp0 (name, "side-by-side") == 0 && self->side_stale)
    update_side (self);
  else if (g_strcmp0 (name, "predictions") == 0 && self->predictions_stale)
    update_predictions (self);
}

static void
visible_view_cb (GtkStack      *stack,
                 GParamSpec    *pspec,
                 HsComparePage *self)
{
  update_visible_view (self);
}

static void
hs_compare_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hs_compare_page_parent_class)->map (widget);
  update_visible_view (HS_COMPARE_PAGE (widget));
}

static void
hs_compare_page_dispose (GObject *object)
{
  HsComparePage *self = (HsComparePage *) object;

  g_cancellable_cancel (self->matrix_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->predictions_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->predictions_view),
                                          sort_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_COMPARE_PAGE);
  /* dispose_template() unparents the children it named; the others too. */
  hs_widget_unparent_children (GTK_WIDGET (self));

  g_clear_object (&self->matrix_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->matrix, matrix_data_free);
  g_clear_object (&self->reversible);
  g_clear_object (&self->predictions);
  g_clear_object (&self->store);
  g_clear_pointer (&self->topic_names, g_hash_table_unref);
  g_clear_pointer (&self->speaker_ids, g_strfreev);
  g_clear_pointer (&self->status_values, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_compare_page_parent_class)->dispose (object);
}

static void
hs_compare_page_class_init (HsComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_compare_page_dispose;
  widget_class->map = hs_compare_page_map;

  /* A claim is read in full on the Claims page. */
  signals[SHOW_CLAIM] = g_signal_new ("show-claim", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  probe_first = hs_claim_new ("hs-sort-probe-1", NULL, NULL);
  probe_second = hs_claim_new ("hs-sort-probe-2", NULL, NULL);

  g_type_ensure (HS_TYPE_CLAIM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, switcher);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, views);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, matrix_paned);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, matrix_caption);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, matrix_stack);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, matrix_spinner);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, matrix_grid);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, cell_panel);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, cell_title);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, cell_claims);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, speaker_choices);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, parallel_stack);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, parallel_header);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, parallel_box);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, predictions_search);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, speaker_filter);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, predictions_view);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, predictions_selection);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, predictions_sort);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, predictions_count);
  gtk_widget_class_bind_template_child (widget_class, HsComparePage, stated_column);

  gtk_widget_class_bind_template_callback (widget_class, speaker_key);
  gtk_widget_class_bind_template_callback (widget_class, text_key);
  gtk_widget_class_bind_template_callback (widget_class, stated_key);
  gtk_widget_class_bind_template_callback (widget_class, horizon_key);
  gtk_widget_class_bind_template_callback (widget_class, due_key);
  gtk_widget_class_bind_template_callback (widget_class, probability_key);
  gtk_widget_class_bind_template_callback (widget_class, status_key);
  gtk_widget_class_bind_template_callback (widget_class, evidence_key);
  gtk_widget_class_bind_template_callback (widget_class, speaker_text);
  gtk_widget_class_bind_template_callback (widget_class, text_text);
  gtk_widget_class_bind_template_callback (widget_class, stated_text);
  gtk_widget_class_bind_template_callback (widget_class, horizon_text);
  gtk_widget_class_bind_template_callback (widget_class, due_text);
  gtk_widget_class_bind_template_callback (widget_class, probability_text);
  gtk_widget_class_bind_template_callback (widget_class, status_text);
  gtk_widget_class_bind_template_callback (widget_class, status_classes);
  gtk_widget_class_bind_template_callback (widget_class, evidence_text);

  gtk_widget_class_install_action (widget_class, "compare.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "compare.close-cell", NULL, close_cell_action);
}

static void
hs_compare_page_init (HsComparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->matrix_stale = self->side_stale = self->predictions_stale = TRUE;
  self->total_predictions = -1;

  /* The switcher's buttons are as wide as their words, not all as wide as
   * the widest: so the three fit a phone-width window. */
  if (GTK_IS_BOX_LAYOUT (gtk_widget_get_layout_manager (self->switcher)))
    gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (self->switcher)), FALSE);

  g_signal_connect (self->views, "notify::visible-child-name", G_CALLBACK (visible_view_cb), self);
  g_signal_connect (self->cell_claims, "child-activated", G_CALLBACK (cell_claim_activated_cb), self);
  g_signal_connect (self->predictions_search, "search-changed", G_CALLBACK (predictions_search_cb), self);
  g_signal_connect (self->predictions_search, "stop-search", G_CALLBACK (predictions_stop_search_cb), self);
  g_signal_connect (self->predictions_view, "activate", G_CALLBACK (prediction_activated_cb), self);
  g_signal_connect (gtk_column_view_get_sorter (self->predictions_view), "changed",
                    G_CALLBACK (sort_changed_cb), self);
  hs_column_headers_watch (self->predictions_view);
}

GtkWidget *
hs_compare_page_new (void)
{
  return g_object_new (HS_TYPE_COMPARE_PAGE, NULL);
}

static GtkExpression *
string_expression (void)
{
  return gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
}

/* The speakers to choose from, side by side and in the table's filter;
 * the choices made are kept when the speaker is still there. */
static void
fill_speakers (HsComparePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) speakers = hs_store_list_speakers (self->store, NULL, &error);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GtkStringList) slot_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) filter_labels = gtk_string_list_new (NULL);
  char *kept[MAX_SLOTS + 1] = { NULL };
  GStrv new_ids;

  if (speakers == NULL)
    {
      g_warning ("Cannot list the speakers: %s", error->message);
      return;
    }

  for (guint i = 0; i < MAX_SLOTS + 1; i++)
    {
      GtkDropDown *dropdown = i < MAX_SLOTS ? self->slots[i] : self->speaker_filter;
      guint selected = gtk_drop_down_get_selected (dropdown);

      if (self->speaker_ids != NULL && selected != GTK_INVALID_LIST_POSITION &&
          selected < g_strv_length (self->speaker_ids))
        kept[i] = g_strdup (self->speaker_ids[selected]);
    }

  g_strv_builder_add (ids, "");
  gtk_string_list_append (slot_labels, _("None"));
  gtk_string_list_append (filter_labels, _("All speakers"));
  for (guint i = 0; i < speakers->len; i++)
    {
      g_autofree char *name = hs_format_speaker_name (g_ptr_array_index (speakers, i));

      g_strv_builder_add (ids, hs_speaker_get_id (g_ptr_array_index (speakers, i)));
      gtk_string_list_append (slot_labels, name);
      gtk_string_list_append (filter_labels, name);
    }
  new_ids = g_strv_builder_end (ids);

  self->updating = TRUE;
  for (guint i = 0; i < MAX_SLOTS + 1; i++)
    {
      GtkDropDown *dropdown = i < MAX_SLOTS ? self->slots[i] : self->speaker_filter;
      guint selected = 0;

      gtk_drop_down_set_model (dropdown, G_LIST_MODEL (i < MAX_SLOTS ? slot_labels : filter_labels));
      if (kept[i] != NULL)
        {
          for (guint k = 0; new_ids[k] != NULL; k++)
            if (g_strcmp0 (new_ids[k], kept[i]) == 0)
              selected = k;
        }
      else if (self->speaker_ids == NULL && i < 2 && speakers->len >= 2)
        /* First time: the first two speakers, so that the view shows
         * something to read at once. */
        selected = i + 1;
      gtk_drop_down_set_selected (dropdown, selected);
      g_free (kept[i]);
    }
  self->updating = FALSE;

  g_strfreev (self->speaker_ids);
  self->speaker_ids = new_ids;
}

static void
build_slots (HsComparePage *self)
{
  for (guint i = 0; i < MAX_SLOTS; i++)
    {
      g_autofree char *name = g_strdup_printf (_("Speaker %u"), i + 1);
      g_autoptr(GtkExpression) expression = string_expression ();
      GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);
      /* The flow box only lays the choices out: it is a group for screen
       * readers, not a grid of cells. */
      GtkWidget *child = g_object_new (GTK_TYPE_FLOW_BOX_CHILD,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_GENERIC,
                                       NULL);

      gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown), expression);
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), dropdown);
      gtk_widget_set_focusable (child, FALSE);
      gtk_flow_box_append (self->speaker_choices, child);
      self->slots[i] = GTK_DROP_DOWN (dropdown);
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (slot_changed_cb), self);
    }
}

static void
build_status_filter (HsComparePage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->status_values = g_ptr_array_new ();
  gtk_string_list_append (labels, _("Any status"));
  g_ptr_array_add (self->status_values, GINT_TO_POINTER (-1));
  for (HsStatus status = HS_STATUS_OPEN; status <= HS_STATUS_AMBIGUOUS; status++)
    {
      gtk_string_list_append (labels, hs_format_status (status));
      g_ptr_array_add (self->status_values, GINT_TO_POINTER (status));
    }
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (labels));
}

void
hs_compare_page_set_store (HsComparePage *self,
                           HsStore       *store)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GtkExpression) expression = string_expression ();

  g_return_if_fail (HS_IS_COMPARE_PAGE (self));
  g_return_if_fail (HS_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->topic_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if ((topics = hs_store_list_topics (store, NULL)))
    for (guint i = 0; i < topics->len; i++)
      g_hash_table_insert (self->topic_names, g_strdup (hs_topic_get_id (g_ptr_array_index (topics, i))),
                           g_strdup (hs_format_topic_name (g_ptr_array_index (topics, i))));

  build_slots (self);
  build_status_filter (self);
  gtk_drop_down_set_expression (self->speaker_filter, expression);
  self->speakers_stale = TRUE;
  g_signal_connect (self->speaker_filter, "notify::selected", G_CALLBACK (predictions_filter_cb), self);
  g_signal_connect (self->status_filter, "notify::selected", G_CALLBACK (predictions_filter_cb), self);

  self->predictions = hs_claim_list_new (store);
  self->reversible = hs_reverse_list_model_new (G_LIST_MODEL (self->predictions));
  gtk_sort_list_model_set_model (self->predictions_sort, G_LIST_MODEL (self->reversible));
  /* Newest first, shown on the Stated header. */
  self->updating = TRUE;
  gtk_column_view_sort_by_column (self->predictions_view, self->stated_column, GTK_SORT_DESCENDING);
  self->updating = FALSE;

  update_visible_view (self);
}

/* The data changed: each view is built again when it is next shown. */
void
hs_compare_page_reload (HsComparePage *self)
{
  g_return_if_fail (HS_IS_COMPARE_PAGE (self));

  if (self->store == NULL)
    return;
  self->speakers_stale = TRUE;
  self->matrix_stale = self->side_stale = self->predictions_stale = TRUE;
  self->total_predictions = -1;
  update_visible_view (self);
}
