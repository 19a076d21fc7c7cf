/* hs-scorecard-page.c: each speaker's record, cut by topic and date, with charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table and both charts show one cut of the scorecard: a topic (or
 * all) and a range of stated dates. Counting and scoring are the store's
 * SQL (hs_store_scorecard), so the page costs the same for eight speakers
 * as for ten thousand, apart from the rows the table draws.
 *
 * Brier scores and calibration count predictions given in words too when
 * the words-scale setting asks for it (Preferences); the page follows the
 * setting as it changes and says how many were scored from their words.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>

#include "hs-adaptive-box.h"
#include "hs-chart-export-dialog.h"
#include "hs-chart-view.h"
#include "hs-column-headers.h"
#include "hs-format.h"
#include "hs-score-item.h"
#include "hs-scorecard-page.h"

struct _HsScorecardPage
{
  GtkWidget          parent_instance;

  HsStore           *store;
  GPtrArray         *topic_ids;      /* the id behind each dropdown item; NULL for all */
  HsDate             from;
  HsDate             to;
  gboolean           stale;          /* the store or the cut changed while the page was hidden */
  gboolean           updating;
  guint              fit_tick;
  GCancellable      *cancellable;
  GSettings         *settings;
  HsWordsScale       words_scale;

  /* Template children */
  GtkDropDown       *topic_dropdown;
  GtkEntry          *from_entry;
  GtkEntry          *to_entry;
  GtkScrolledWindow *table_scroller;
  GtkColumnView     *table;
  GListStore        *rows;
  GtkStack          *table_stack;
  GtkLabel          *count_label;
  GtkLabel          *words_label;
  HsChartView       *scorecard_chart;
  HsChartView       *calibration_chart;
};

G_DEFINE_FINAL_TYPE (HsScorecardPage, hs_scorecard_page, GTK_TYPE_WIDGET)

static void
build_query (HsScorecardPage *self,
             HsQuery         *query)
{
  guint selected = gtk_drop_down_get_selected (self->topic_dropdown);

  hs_query_init (query);
  query->kind = HS_QUERY_KIND_PREDICTIONS;
  if (self->topic_ids != NULL && selected != GTK_INVALID_LIST_POSITION && selected < self->topic_ids->len)
    query->topic_id = g_ptr_array_index (self->topic_ids, selected);
  query->stated_from = self->from;
  query->stated_to = self->to;
  query->words_scale = self->words_scale;
}

/* Words for those who cannot see the charts: what each one counts. */
static void
summarize_charts (HsScorecardPage *self,
                  GPtrArray       *rows)
{
  guint predictions = 0, resolved = 0, with_probability = 0;
  g_autofree char *scorecard = NULL;
  g_autofree char *calibration = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      HsScoreRow *row = g_ptr_array_index (rows, i);

      predictions += row->predictions;
      resolved += row->resolved;
      with_probability += row->brier_count;
    }

  /* Translators: the description of the scorecard chart for screen readers */
  scorecard = g_strdup_printf (_("%u speakers, %u predictions, %u of them resolved, stacked by status"),
                               rows->len, predictions, resolved);
  calibration = g_strdup_printf (ngettext ("%u resolved prediction with a stated probability",
                                           "%u resolved predictions with a stated probability",
                                           with_probability),
                                 with_probability);
  hs_chart_view_set_summary (self->scorecard_chart, scorecard);
  hs_chart_view_set_summary (self->calibration_chart, calibration);
}

static GtkWidget *
child_named (GtkWidget  *widget,
             const char *css_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), css_name) == 0)
      return child;
  return NULL;
}

/* The table is as tall as its rows, up to a point, so that the page reads
 * on without an inner scrollbar for a few dozen speakers. (In GTK 4.8 a
 * column view's natural height counts only the rows it has made, which
 * are those its current height shows: it cannot ask to grow.) The height
 * of a row is read once one is drawn. */
#define TABLE_MAX_HEIGHT 560

static gboolean
fit_table_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  HsScorecardPage *self = user_data;
  GtkWidget *header = child_named (widget, "header");
  GtkWidget *list = child_named (widget, "listview");
  GtkWidget *row = list ? child_named (list, "row") : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  int height;

  if (header == NULL || row == NULL || gtk_widget_get_height (row) <= 0)
    return G_SOURCE_CONTINUE;

  /* Each row but the first has a separator above it. */
  height = gtk_widget_get_height (header) + (int) MIN (n, 1000) * (gtk_widget_get_height (row) + 1) + 2;
  gtk_scrolled_window_set_min_content_height (self->table_scroller, CLAMP (height, 120, TABLE_MAX_HEIGHT));
  self->fit_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
fit_table (HsScorecardPage *self)
{
  if (self->fit_tick == 0)
    self->fit_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->table), fit_table_cb, self, NULL);
}

/* Scoring is the store's SQL, but with a million predictions it takes a
 * while (the table and each chart run their own aggregation): it runs off
 * the main thread, on a connection of its own, and the page shows the
 * previous cut until the new one is ready. */
typedef struct
{
  char   *db_path;
  char   *topic_id;
  HsDate  from;
  HsDate  to;
  HsWordsScale words_scale;
} ScoreJob;

typedef struct
{
  GPtrArray *rows;          /* HsScoreRow */
  HsWordsScale words_scale; /* what the rows were scored with */
  HsChart   *scorecard;
  HsChart   *calibration;
} ScoreResult;

static void
score_job_free (ScoreJob *job)
{
  g_free (job->db_path);
  g_free (job->topic_id);
  g_free (job);
}

static void
score_result_free (ScoreResult *result)
{
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_clear_object (&result->scorecard);
  g_clear_object (&result->calibration);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScoreResult, score_result_free)

static void
score_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ScoreJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsStore) store = hs_store_open (job->db_path, &error);
  g_autoptr(ScoreResult) result = g_new0 (ScoreResult, 1);
  HsQuery query;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  hs_query_init (&query);
  query.kind = HS_QUERY_KIND_PREDICTIONS;
  query.topic_id = job->topic_id;
  query.stated_from = job->from;
  query.stated_to = job->to;
  query.words_scale = job->words_scale;
  result->words_scale = job->words_scale;

  if (!(result->rows = hs_store_scorecard (store, &query, &error)) ||
      g_task_return_error_if_cancelled (task) ||
      !(result->scorecard = hs_chart_new_for_kind ("scorecard", store, &query, &error)) ||
      g_task_return_error_if_cancelled (task) ||
      !(result->calibration = hs_chart_new_for_kind ("calibration", store, &query, &error)))
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) score_result_free);
}

/* With a words scale, the Brier scores and calibration are not only the
 * speakers' own numbers: say so, and how many came from words. */
static void
show_words_note (HsScorecardPage *self,
                 ScoreResult     *result)
{
  g_autofree char *text = NULL;
  guint words = 0;

  for (guint i = 0; i < result->rows->len; i++)
    words += ((HsScoreRow *) g_ptr_array_index (result->rows, i))->brier_words;

  if (result->words_scale == HS_WORDS_SCALE_NONE)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->words_label), FALSE);
      return;
    }
  /* Translators: under the scorecard table when confidence words are
   * scored; the last %s is the scale's name */
  text = g_strdup_printf (ngettext ("Brier scores and calibration include %u prediction scored from its "
                                    "words (%s).",
                                    "Brier scores and calibration include %u predictions scored from their "
                                    "words (%s).", words),
                          words, _(hs_words_scale_get_title (result->words_scale)));
  gtk_label_set_text (self->words_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->words_label), TRUE);
}

static void
show_scores (HsScorecardPage *self,
             ScoreResult     *result)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *count = NULL;
  GPtrArray *rows = result->rows;
  guint predictions = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      HsScoreRow *row = g_ptr_array_index (rows, i);

      g_ptr_array_add (items, hs_score_item_new (row));
      predictions += row->predictions;
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->table_stack, rows->len > 0 ? "table" : "empty");
  if (rows->len > 0)
    fit_table (self);
  /* Translators: under the scorecard table, "54 predictions by 8 speakers" */
  count = g_strdup_printf (ngettext ("%'u prediction", "%'u predictions", predictions), predictions);
  if (rows->len > 0)
    {
      g_autofree char *by = g_strdup_printf (ngettext ("%s by %u speaker", "%s by %u speakers", rows->len),
                                             count, rows->len);
      gtk_label_set_text (self->count_label, by);
    }
  else
    gtk_label_set_text (self->count_label, count);

  show_words_note (self, result);
  hs_chart_view_set_chart (self->scorecard_chart, result->scorecard);
  hs_chart_view_set_chart (self->calibration_chart, result->calibration);
  summarize_charts (self, rows);
}

static void
score_done_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(HsScorecardPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScoreResult) result = g_task_propagate_pointer (G_TASK (res), &error);

  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot score the predictions: %s", error->message);
      return;
    }
  if (self->store != NULL)
    show_scores (self, result);
}

static void
update (HsScorecardPage *self)
{
  g_autoptr(GTask) task = NULL;
  ScoreJob *job;
  HsQuery query;

  if (self->store == NULL)
    return;
  /* A hidden page waits until it is shown: the cut may change many times
   * (every keystroke of a date) before anyone looks at it. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  /* A newer cut replaces one still being scored. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  build_query (self, &query);
  job = g_new0 (ScoreJob, 1);
  job->db_path = g_strdup (hs_store_get_path (self->store));
  job->topic_id = g_strdup (query.topic_id);
  job->from = query.stated_from;
  job->to = query.stated_to;
  job->words_scale = query.words_scale;

  task = g_task_new (NULL, self->cancellable, score_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, update);
  g_task_set_task_data (task, job, (GDestroyNotify) score_job_free);
  g_task_run_in_thread (task, score_thread);
}

static void
topic_changed_cb (GtkDropDown     *dropdown,
                  GParamSpec      *pspec,
                  HsScorecardPage *self)
{
  if (!self->updating)
    update (self);
}

/* A date applies once it is a date; until then the entry says what is
 * wrong and the scorecard stays as it was. */
static void
date_changed_cb (GtkEditable     *editable,
                 HsScorecardPage *self)
{
  HsDate *date = GTK_ENTRY (editable) == self->from_entry ? &self->from : &self->to;
  HsDate before = *date;

  if (hs_date_entry_read (editable, date) && !hs_date_equal (date, &before))
    update (self);
}

static void
words_scale_changed_cb (GSettings       *settings,
                        const char      *key,
                        HsScorecardPage *self)
{
  g_autofree char *name = g_settings_get_string (settings, key);
  HsWordsScale scale = HS_WORDS_SCALE_NONE;

  hs_words_scale_from_string (name, &scale);
  if (scale == self->words_scale)
    return;
  self->words_scale = scale;
  update (self);
}

static HsChartView *
chart_view_for (HsScorecardPage *self,
                GVariant        *parameter)
{
  const char *kind = g_variant_get_string (parameter, NULL);

  if (g_strcmp0 (kind, "calibration") == 0)
    return self->calibration_chart;
  return self->scorecard_chart;
}

/* "scorecard-open-source-2026", so that exports of several cuts do not
 * overwrite each other by default. */
static char *
suggested_name (HsScorecardPage *self,
                const char      *kind)
{
  GString *name = g_string_new (kind);
  HsQuery query;

  build_query (self, &query);
  if (query.topic_id != NULL)
    g_string_append_printf (name, "-%s", query.topic_id);
  if (hs_date_is_set (&self->from))
    {
      g_autofree char *from = hs_date_to_string (&self->from);
      g_string_append_printf (name, "-from-%s", from);
    }
  if (hs_date_is_set (&self->to))
    {
      g_autofree char *to = hs_date_to_string (&self->to);
      g_string_append_printf (name, "-to-%s", to);
    }
  return g_string_free (name, FALSE);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HsScorecardPage *self = HS_SCORECARD_PAGE (widget);
  HsChart *chart = hs_chart_view_get_chart (chart_view_for (self, parameter));
  g_autofree char *name = suggested_name (self, g_variant_get_string (parameter, NULL));

  if (chart == NULL)
    return;
  hs_chart_export_dialog_present (GTK_WINDOW (gtk_widget_get_root (widget)), chart, name);
}

static void
copy_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HsScorecardPage *self = HS_SCORECARD_PAGE (widget);
  HsChartView *view = chart_view_for (self, parameter);
  HsChart *chart = hs_chart_view_get_chart (view);

  if (chart == NULL)
    return;
  /* The image is the chart as it is on screen: its size and theme. */
  hs_chart_copy_image (GTK_WIDGET (view), chart,
                       MAX (gtk_widget_get_width (GTK_WIDGET (view)), HS_CHART_MIN_WIDTH),
                       MAX (gtk_widget_get_height (GTK_WIDGET (view)), HS_CHART_MIN_HEIGHT),
                       gtk_widget_get_scale_factor (GTK_WIDGET (view)) > 1 ? 2 : 1);
}

static void
hs_scorecard_page_map (GtkWidget *widget)
{
  HsScorecardPage *self = HS_SCORECARD_PAGE (widget);

  GTK_WIDGET_CLASS (hs_scorecard_page_parent_class)->map (widget);
  if (self->stale)
    update (self);
}

static void
hs_scorecard_page_dispose (GObject *object)
{
  HsScorecardPage *self = (HsScorecardPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->fit_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->table), self->fit_tick);
  self->fit_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_SCORECARD_PAGE);
  /* dispose_template() unparents the children it named; the others too. */
  hs_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->topic_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_scorecard_page_parent_class)->dispose (object);
}

static void
hs_scorecard_page_class_init (HsScorecardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_scorecard_page_dispose;
  widget_class->map = hs_scorecard_page_map;

  g_type_ensure (HS_TYPE_ADAPTIVE_BOX);
  g_type_ensure (HS_TYPE_CHART_VIEW);
  g_type_ensure (HS_TYPE_SCORE_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-scorecard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsScorecardPage, topic_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HsScorecardPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, HsScorecardPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, HsScorecardPage, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, HsScorecardPage, table);
  gtk_widget_class_bind_template_child (widget_class, HsScorecardPage, rows);
  gtk_widget_class_bind_template_child (widget_class, HsScorecardPage, table_stack);
  gtk_widget_class_bind_template_child (widget_class, HsScorecardPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HsScorecardPage, words_label);
  gtk_widget_class_bind_template_child (widget_class, HsScorecardPage, scorecard_chart);
  gtk_widget_class_bind_template_child (widget_class, HsScorecardPage, calibration_chart);

  gtk_widget_class_install_action (widget_class, "scorecard.export-chart", "s", export_chart_action);
  gtk_widget_class_install_action (widget_class, "scorecard.copy-chart", "s", copy_chart_action);
}

static void
hs_scorecard_page_init (HsScorecardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->topic_dropdown, "notify::selected", G_CALLBACK (topic_changed_cb), self);
  g_signal_connect (self->from_entry, "changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect (self->to_entry, "changed", G_CALLBACK (date_changed_cb), self);
  hs_column_headers_watch (self->table);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect (self->settings, "changed::words-scale", G_CALLBACK (words_scale_changed_cb), self);
  self->words_scale = HS_WORDS_SCALE_NONE;
  words_scale_changed_cb (self->settings, "words-scale", self);
}

GtkWidget *
hs_scorecard_page_new (void)
{
  return g_object_new (HS_TYPE_SCORECARD_PAGE, NULL);
}

/* The topics, in the interface's language, behind "All topics". */
static void
fill_topics (HsScorecardPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = hs_store_list_topics (self->store, &error);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;
  const char *selected_id = NULL;
  guint selected = 0;

  if (self->topic_ids != NULL)
    {
      guint position = gtk_drop_down_get_selected (self->topic_dropdown);

      if (position != GTK_INVALID_LIST_POSITION && position < self->topic_ids->len)
        selected_id = g_ptr_array_index (self->topic_ids, position);
    }

  if (topics == NULL)
    {
      g_warning ("Cannot list the topics: %s", error->message);
      return;
    }

  {
    g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

    gtk_string_list_append (labels, _("All topics"));
    g_ptr_array_add (ids, NULL);
    for (guint i = 0; i < topics->len; i++)
      {
        HsTopic *topic = g_ptr_array_index (topics, i);

        gtk_string_list_append (labels, hs_format_topic_name (topic));
        g_ptr_array_add (ids, g_strdup (hs_topic_get_id (topic)));
        if (g_strcmp0 (selected_id, hs_topic_get_id (topic)) == 0)
          selected = ids->len - 1;
      }

    g_clear_pointer (&self->topic_ids, g_ptr_array_unref);
    self->topic_ids = g_steal_pointer (&ids);
  }

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  self->updating = TRUE;
  gtk_drop_down_set_expression (self->topic_dropdown, expression);
  gtk_drop_down_set_model (self->topic_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->topic_dropdown, selected);
  self->updating = FALSE;
}

void
hs_scorecard_page_set_store (HsScorecardPage *self,
                             HsStore         *store)
{
  g_return_if_fail (HS_IS_SCORECARD_PAGE (self));
  g_return_if_fail (HS_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  fill_topics (self);
  update (self);
}

/* The scorecard changed (a resolution, an edit, an import): score again,
 * now if the page is shown, else when it is. */
void
hs_scorecard_page_reload (HsScorecardPage *self)
{
  g_return_if_fail (HS_IS_SCORECARD_PAGE (self));

  if (self->store == NULL)
    return;
  fill_topics (self);
  update (self);
}
