/* hs-bench.c: the measured steps of the benchmark, one per process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   hs-bench import DB FILE          a fresh DB, FILE imported into it
 *   hs-bench open DB                 what the window does to show its first page
 *   hs-bench step DB NAME            one list, search, filter or score step
 *   hs-bench chart DB KIND OUT.png   one chart, rendered at 1200×700
 *   hs-bench steps                   the names of the steps
 *
 * Each prints one JSON object on standard output: the times in seconds,
 * what the step found, and (with --profile) where SQLite spent the time,
 * statement by statement, with the query plans of the slow ones. tools/bench
 * runs every step in a process of its own, so the peak memory the kernel
 * reports for the process is the step's; it also reads it here from
 * /proc/self/status, before and after, so the step's own share shows.
 *
 * The steps call the same core functions, in the same order, as the window
 * and hindsight-cli do; where those change, these must follow.
 */

#define G_LOG_DOMAIN "hs-bench"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hindsight-core.h"
#include "hs-store-private.h"

#ifdef HS_BENCH_CHARTS
#include "hindsight-chart.h"
#endif

#ifdef HS_BENCH_GTK
#include <gtk/gtk.h>
#endif

/* A list shows this many rows on its first page: what a view asks the
 * model for when it first appears (a tall window shows about 25). */
#define FIRST_PAGE 50

/* ---------------------------------------------------------------------- */
/* Output                                                                  */

static HsJsonWriter *out;
static GOutputStream *out_stream;

static void
out_begin (void)
{
  out_stream = g_memory_output_stream_new_resizable ();
  out = hs_json_writer_new (out_stream, FALSE);
  hs_json_writer_begin_object (out);
}

static int
out_end (void)
{
  g_autoptr(GError) error = NULL;

  hs_json_writer_end_object (out);
  if (!hs_json_writer_finish (out, NULL, &error))
    g_error ("%s", error->message);
  g_output_stream_write_all (out_stream, "\n", 2, NULL, NULL, NULL);
  /* UTF-8 as it is, whatever the locale: g_print() would convert it. */
  fputs (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out_stream)), stdout);
  hs_json_writer_free (out);
  g_object_unref (out_stream);
  return 0;
}

static void
out_number (const char *name,
            double      value)
{
  hs_json_writer_member (out, name);
  hs_json_writer_number (out, value);
}

static void
out_int (const char *name,
         gint64      value)
{
  hs_json_writer_member (out, name);
  hs_json_writer_int (out, value);
}

static G_GNUC_NORETURN void
die (const char *doing,
     GError     *error)
{
  g_printerr ("hs-bench: %s: %s\n", doing, error != NULL ? error->message : "failed");
  exit (1);
}

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* CPU time of this thread: on a busy machine it moves much less than the
 * wall clock, which also counts the time spent waiting for a core. */
static double
now_cpu (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The process's peak and current resident memory, in KiB. */
static gint64
proc_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field) + 1, NULL, 10);
}

static void
out_memory (const char *prefix)
{
  g_autofree char *hwm = g_strdup_printf ("%s_peak_kib", prefix);
  g_autofree char *rss = g_strdup_printf ("%s_rss_kib", prefix);

  out_int (hwm, proc_status_kib ("VmHWM:"));
  out_int (rss, proc_status_kib ("VmRSS:"));
}

/* ---------------------------------------------------------------------- */
/* Where SQLite spends the time: every statement that runs is timed by
 * SQLite itself (SQLITE_TRACE_PROFILE) and summed by its SQL text. The
 * timed runs go without this; one more run with it says where the time
 * went. */

typedef struct
{
  char   *sql;        /* as prepared, with its parameters */
  char   *expanded;   /* the first run's, with the values */
  guint   count;
  gint64  ns;
} Statement;

static GHashTable *statements;

static void
statement_free (Statement *s)
{
  g_free (s->sql);
  g_free (s->expanded);
  g_free (s);
}

static int
profile_cb (unsigned  type,
            void     *context,
            void     *p,
            void     *x)
{
  sqlite3_stmt *stmt = p;
  const char *sql = sqlite3_sql (stmt);
  Statement *s;

  if (type != SQLITE_TRACE_PROFILE || sql == NULL)
    return 0;
  if (!(s = g_hash_table_lookup (statements, sql)))
    {
      char *expanded = sqlite3_expanded_sql (stmt);

      s = g_new0 (Statement, 1);
      s->sql = g_strdup (sql);
      s->expanded = g_strdup (expanded);
      sqlite3_free (expanded);
      g_hash_table_insert (statements, s->sql, s);
    }
  s->count++;
  s->ns += *(sqlite3_int64 *) x;
  return 0;
}

static void
profile_start (HsStore *store)
{
  statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) statement_free);
  sqlite3_trace_v2 (hs_store_get_db (store), SQLITE_TRACE_PROFILE, profile_cb, NULL);
}

static int
by_time (gconstpointer a,
         gconstpointer b)
{
  const Statement *x = *(Statement * const *) a;
  const Statement *y = *(Statement * const *) b;

  return (x->ns < y->ns) - (x->ns > y->ns);
}

/* The plan SQLite picks for @sql, one line per step, indented by depth. */
static void
write_plan (sqlite3    *db,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GHashTable) depth = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt = NULL;

  hs_json_writer_member (out, "plan");
  hs_json_writer_begin_array (out);
  if (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        int id = sqlite3_column_int (stmt, 0);
        int parent = sqlite3_column_int (stmt, 1);
        guint level = GPOINTER_TO_UINT (g_hash_table_lookup (depth, GINT_TO_POINTER (parent)));
        g_autofree char *line = NULL;

        g_hash_table_insert (depth, GINT_TO_POINTER (id), GUINT_TO_POINTER (level + 1));
        line = g_strdup_printf ("%*s%s", (int) (2 * level), "",
                                (const char *) sqlite3_column_text (stmt, 3));
        hs_json_writer_string (out, line);
      }
  sqlite3_finalize (stmt);
  hs_json_writer_end_array (out);
}

/* Writes the statements that took the most time, with the plans of those
 * that took more than a millisecond, and stops profiling. */
static void
profile_finish (HsStore *store,
                double   elapsed)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;
  gint64 total = 0;
  guint n_runs = 0;

  sqlite3_trace_v2 (hs_store_get_db (store), 0, NULL, NULL);

  g_hash_table_iter_init (&iter, statements);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Statement *s = value;

      g_ptr_array_add (sorted, s);
      total += s->ns;
      n_runs += s->count;
    }
  g_ptr_array_sort (sorted, by_time);

  hs_json_writer_member (out, "profile");
  hs_json_writer_begin_object (out);
  out_number ("elapsed_s", elapsed);
  out_number ("sqlite_s", total / 1e9);
  out_int ("statement_runs", n_runs);
  out_int ("distinct_statements", sorted->len);
  hs_json_writer_member (out, "statements");
  hs_json_writer_begin_array (out);
  for (guint i = 0; i < sorted->len && i < 15; i++)
    {
      Statement *s = g_ptr_array_index (sorted, i);

      hs_json_writer_begin_object (out);
      hs_json_writer_member_string (out, "sql", s->sql);
      out_int ("runs", s->count);
      out_number ("s", s->ns / 1e9);
      if (s->ns / MAX (s->count, 1) > 1000000 && s->expanded != NULL &&
          g_str_has_prefix (s->expanded, "SELECT"))
        {
          hs_json_writer_member_string (out, "example", s->expanded);
          write_plan (hs_store_get_db (store), s->expanded);
        }
      hs_json_writer_end_object (out);
    }
  hs_json_writer_end_array (out);
  hs_json_writer_end_object (out);

  g_clear_pointer (&statements, g_hash_table_unref);
}

/* ---------------------------------------------------------------------- */
/* Import                                                                  */

static void
remove_db (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_remove (name);
    }
}

static int
cmd_import (const char *db_path,
            const char *file_path,
            gboolean    profile)
{
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  HsStore *store;
  HsImportReport report;
  double t0, t1, t2, t3, c0;

  remove_db (db_path);
  out_begin ();

  c0 = now_cpu ();
  t0 = now ();
  if (!(store = hs_store_open (db_path, &error)))
    die ("opening the database", error);
  t1 = now ();
  if (profile)
    profile_start (store);
  if (!hs_store_import_file (store, file, HS_IMPORT_FORMAT_AUTO, HS_CONFLICT_FAIL, &report, NULL,
                             &error))
    die ("importing", error);
  t2 = now ();
  if (profile)
    profile_finish (store, t2 - t1);
  out_memory ("before_close");
  /* Closing checkpoints the write-ahead log into the database file: part of
   * the cost of an import, as it is of SQLite's shell loading the same. */
  g_object_unref (store);
  t3 = now ();

  out_number ("open_s", t1 - t0);
  out_number ("import_s", t2 - t1);
  out_number ("close_s", t3 - t2);
  out_number ("total_s", t3 - t0);
  out_number ("total_cpu_s", now_cpu () - c0);
  out_int ("claims", report.counts[HS_RECORD_CLAIM][HS_OUTCOME_ADDED]);
  out_int ("predictions", report.predictions_added);
  out_int ("resolutions", report.counts[HS_RECORD_RESOLUTION][HS_OUTCOME_ADDED]);
  out_int ("speakers", report.counts[HS_RECORD_SPEAKER][HS_OUTCOME_ADDED]);
  out_int ("sources", report.counts[HS_RECORD_SOURCE][HS_OUTCOME_ADDED]);
  out_memory ("end");
  return out_end ();
}

/* ---------------------------------------------------------------------- */
/* Opening, as the window does                                             */

static HsStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  HsStore *store = hs_store_open (path, &error);

  if (store == NULL)
    die ("opening the database", error);
  return store;
}

/* What the list view does when a list appears: it asks for the rows it
 * shows. */
static guint
materialise_first_page (GListModel *model)
{
  guint n = MIN (g_list_model_get_n_items (model), FIRST_PAGE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_assert (item != NULL);
    }
  return n;
}

/* The claims page at start (src/app/hs-application.c open_store(), then
 * hs-claims-page.c hs_claims_page_set_store()): open, check for an empty
 * store, the topics' names, the total, every speaker, topic and source for
 * the filters, then the list with the default query and its first page. */
static int
cmd_open (const char *db_path,
          gboolean    profile)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsStore) store = NULL;
  g_autoptr(HsClaimList) list = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) filter_topics = NULL;
  HsQuery query;
  gint64 total;
  double t[10], c0;
  guint shown;

  out_begin ();
  out_memory ("start");

  c0 = now_cpu ();
  t[0] = now ();
  store = open_store (db_path);
  t[1] = now ();
  if (profile)
    profile_start (store);
  hs_store_is_empty (store, &error);
  if (error != NULL)
    die ("checking for an empty store", error);
  t[2] = now ();
  if (!(topics = hs_store_list_topics (store, &error)))
    die ("listing topics", error);
  total = hs_store_count (store, HS_OBJECT_CLAIM, NULL);
  t[3] = now ();
  if (!(speakers = hs_store_list_speakers (store, NULL, &error)))
    die ("listing speakers", error);
  t[4] = now ();
  if (!(filter_topics = hs_store_list_topics (store, &error)))
    die ("listing topics", error);
  if (!(sources = hs_store_list_sources (store, NULL, &error)))
    die ("listing sources", error);
  t[5] = now ();
  list = hs_claim_list_new (store);
  hs_query_init (&query);
  if (!hs_claim_list_set_query (list, &query, &error))
    die ("listing claims", error);
  t[6] = now ();
  shown = materialise_first_page (G_LIST_MODEL (list));
  t[7] = now ();
  if (profile)
    profile_finish (store, t[7] - t[1]);

  out_number ("open_s", t[1] - t[0]);
  out_number ("is_empty_s", t[2] - t[1]);
  out_number ("topics_and_count_s", t[3] - t[2]);
  out_number ("speakers_s", t[4] - t[3]);
  out_number ("sources_s", t[5] - t[4]);
  out_number ("query_s", t[6] - t[5]);
  out_number ("first_page_s", t[7] - t[6]);
  out_number ("total_s", t[7] - t[0]);
  out_number ("total_cpu_s", now_cpu () - c0);
  out_int ("claims", total);
  out_int ("speakers", speakers->len);
  out_int ("sources", sources->len);
  out_int ("rows", g_list_model_get_n_items (G_LIST_MODEL (list)));
  out_int ("shown", shown);
  out_memory ("end");
  return out_end ();
}

/* ---------------------------------------------------------------------- */
/* Steps                                                                   */

typedef enum
{
  STEP_LIST,        /* the claims list with a query, to its first page */
  STEP_SCORECARD,
  STEP_CALIBRATION,
  STEP_DUE,         /* as hindsight-cli due: every overdue and upcoming prediction */
  STEP_MATRIX,      /* the Compare page's stance matrix */
  STEP_TRACKER,     /* the Tracker page's four counts */
  STEP_TIMELINE,    /* the Timeline page's spans */
} StepKind;

typedef struct
{
  const char *name;
  StepKind    kind;
  const char *what;
} Step;

static const Step steps[] = {
  { "first-page", STEP_LIST, "claims list, default query (all, newest first) → first page" },
  { "search-en", STEP_LIST, "search “reinforcement” (English word) → first page" },
  { "search-zh3", STEP_LIST, "search “强化学” (3 Chinese characters) → first page" },
  { "search-zh2", STEP_LIST, "search “范式” (2 Chinese characters) → first page" },
  { "filter-speaker", STEP_LIST, "filter by a speaker → first page" },
  { "filter-topic", STEP_LIST, "filter by topic “agents” → first page" },
  { "filter-source", STEP_LIST, "filter by a source → first page" },
  { "filter-status", STEP_LIST, "filter by status confirmed → first page" },
  { "filter-kind", STEP_LIST, "filter predictions only → first page" },
  { "filter-dates", STEP_LIST, "filter stated 2025-01-01 to 2025-03-31 → first page" },
  { "due-page", STEP_LIST, "overdue predictions, soonest first → first page" },
  { "scorecard", STEP_SCORECARD, "scorecard of all speakers" },
  { "calibration", STEP_CALIBRATION, "calibration, 10 bins" },
  { "due", STEP_DUE, "due list as hindsight-cli due (every overdue and upcoming claim loaded)" },
  { "compare-matrix", STEP_MATRIX, "stance matrix: the 12 speakers with most claims × topics, counts and newest claims" },
  { "tracker-counts", STEP_TRACKER, "tracker: open predictions counted as overdue, due in 30 days, later, open-ended" },
  { "timeline-data", STEP_TIMELINE, "timeline: every prediction as a span in its speaker's lane, with its resolutions" },
};

typedef struct
{
  HsStore     *store;
  HsClaimList *list;
  const Step  *step;
  char        *speaker_id;
  char        *source_id;
  guint        rows;       /* what the step found */
  guint        loaded;     /* objects it made */
} Run;

static void
build_query (Run     *run,
             HsQuery *query)
{
  const char *name = run->step->name;
  HsDate from = hs_date_new_day (2025, 1, 1);
  HsDate to = hs_date_new_day (2025, 3, 31);

  hs_query_init (query);
  if (strcmp (name, "search-en") == 0)
    query->search = "reinforcement";
  else if (strcmp (name, "search-zh3") == 0)
    query->search = "强化学";
  else if (strcmp (name, "search-zh2") == 0)
    query->search = "范式";
  else if (strcmp (name, "filter-speaker") == 0)
    query->speaker_id = run->speaker_id;
  else if (strcmp (name, "filter-topic") == 0)
    query->topic_id = "agents";
  else if (strcmp (name, "filter-source") == 0)
    query->source_id = run->source_id;
  else if (strcmp (name, "filter-status") == 0)
    query->status = HS_STATUS_CONFIRMED;
  else if (strcmp (name, "filter-kind") == 0)
    query->kind = HS_QUERY_KIND_PREDICTIONS;
  else if (strcmp (name, "filter-dates") == 0)
    {
      query->stated_from = from;
      query->stated_to = to;
    }
  else if (strcmp (name, "due-page") == 0)
    {
      query->kind = HS_QUERY_KIND_PREDICTIONS;
      query->status = HS_STATUS_OPEN;
      query->sort = HS_QUERY_SORT_DUE;
      query->due_before = hs_date_today ();
    }
}

/* hindsight-cli due (src/cli/hindsight-cli.c cmd_due()), without the
 * printing: overdue, then due within 30 days, each claim loaded in full. */
static void
run_due (Run *run)
{
  g_autoptr(GError) error = NULL;
  HsDate today = hs_date_today ();
  HsDate horizon = hs_date_add_days (&today, 30 + 1);

  run->rows = run->loaded = 0;
  for (guint part = 0; part < 2; part++)
    {
      g_autoptr(GArray) rows = NULL;
      HsQuery query;

      hs_query_init (&query);
      query.kind = HS_QUERY_KIND_PREDICTIONS;
      query.status = HS_STATUS_OPEN;
      query.sort = HS_QUERY_SORT_DUE;
      query.due_before = part == 0 ? today : horizon;
      if (!(rows = hs_store_query_claims (run->store, &query, &error)))
        die ("listing due predictions", error);
      for (guint i = 0; i < rows->len; i++)
        {
          g_autoptr(HsClaim) claim = hs_store_get_claim_at (run->store,
                                                            g_array_index (rows, gint64, i), &error);
          HsDate latest;

          if (claim == NULL)
            die ("loading a due prediction", error);
          latest = hs_prediction_get_latest (hs_claim_get_prediction (claim));
          run->loaded++;
          if (part == 1 && hs_date_compare (&latest, &today) < 0)
            continue;
          run->rows++;
        }
    }
}

/* The Compare page's stance matrix (src/app/hs-compare-page.c
 * matrix_thread()): the speakers with the most claims, their counts by
 * topic, and the newest claim of each cell for its preview. */
static void
run_matrix (Run *run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) by_speaker = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (!(by_speaker = hs_store_count_by_speaker (run->store, NULL, &error)))
    die ("counting claims by speaker", error);
  for (guint i = 0; i < by_speaker->len && i < 12; i++)
    {
      HsClaimCount *count = g_ptr_array_index (by_speaker, i);
      g_autoptr(HsSpeaker) speaker = hs_store_get_speaker (run->store, count->speaker_id, &error);

      if (speaker == NULL)
        die ("loading a speaker", error);
      g_ptr_array_add (ids, g_strdup (count->speaker_id));
    }
  g_ptr_array_add (ids, NULL);
  if (!(cells = hs_store_count_by_speaker_and_topic (run->store, NULL,
                                                     (const char * const *) ids->pdata, &error)))
    die ("counting claims by speaker and topic", error);
  run->rows = cells->len;
  run->loaded = 0;
  for (guint i = 0; i < cells->len; i++)
    {
      HsClaimCount *count = g_ptr_array_index (cells, i);
      g_autoptr(HsClaim) claim = hs_store_get_claim_at (run->store, count->newest, &error);

      if (claim == NULL)
        die ("loading a cell's newest claim", error);
      run->loaded++;
    }
}

/* The Tracker page's counts (src/app/hs-tracker-page.c count_groups()). */
static void
run_tracker (Run *run)
{
  g_autoptr(GError) error = NULL;
  HsDate today = hs_date_today ();
  HsDate before[3] = { today, hs_date_add_days (&today, 30 + 1), hs_date_new_day (9999, 12, 31) };
  gint64 counts[4];
  HsQuery query;

  hs_query_init (&query);
  query.kind = HS_QUERY_KIND_PREDICTIONS;
  query.status = HS_STATUS_OPEN;
  query.sort = HS_QUERY_SORT_DUE;
  if (!hs_store_count_due_before (run->store, &query, before, 3, counts, &error))
    die ("counting due predictions", error);
  run->rows = (guint) counts[3];
  run->loaded = 0;
}

/* The Timeline page's data, with the Claims page's default query. */
static void
run_timeline (Run *run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsTimelineData) data = hs_store_timeline_data (run->store, NULL, HS_LANES_BY_SPEAKER, &error);

  if (data == NULL)
    die ("reading the timeline", error);
  run->rows = data->items->len;
  run->loaded = data->marks->len;
}

static void
run_step (Run *run)
{
  g_autoptr(GError) error = NULL;

  switch (run->step->kind)
    {
    case STEP_LIST:
      {
        HsQuery query;

        build_query (run, &query);
        if (!hs_claim_list_set_query (run->list, &query, &error))
          die ("setting the query", error);
        run->rows = g_list_model_get_n_items (G_LIST_MODEL (run->list));
        run->loaded = materialise_first_page (G_LIST_MODEL (run->list));
      }
      break;
    case STEP_SCORECARD:
      {
        g_autoptr(GPtrArray) rows = hs_store_scorecard (run->store, NULL, &error);

        if (rows == NULL)
          die ("scoring", error);
        run->rows = rows->len;
      }
      break;
    case STEP_CALIBRATION:
      {
        g_autoptr(GArray) bins = hs_store_calibration (run->store, NULL, 10, &error);

        if (bins == NULL)
          die ("calibrating", error);
        run->rows = 0;
        for (guint i = 0; i < bins->len; i++)
          run->rows += g_array_index (bins, HsCalibrationBin, i).count;
      }
      break;
    case STEP_DUE:
      run_due (run);
      break;
    case STEP_MATRIX:
      run_matrix (run);
      break;
    case STEP_TRACKER:
      run_tracker (run);
      break;
    case STEP_TIMELINE:
      run_timeline (run);
      break;
    default:
      g_assert_not_reached ();
    }
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Opens the store and shows the default list, as the window has when a
 * person starts typing or picks a filter; then runs the step once (the
 * figure a person meets first), @repeat more times (the median of those is
 * the steady figure), and once more profiled when asked. */
static int
cmd_step (const char *db_path,
          const char *name,
          guint       repeat,
          gboolean    profile,
          gboolean    with_selection)
{
  GObject *selection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsStore) store = NULL;
  g_autoptr(HsClaimList) list = NULL;
  g_autoptr(HsClaim) first = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  const Step *step = NULL;
  HsQuery query;
  Run run = { 0 };
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  double t0, c0, first_time, first_cpu, spent = 0;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (strcmp (steps[i].name, name) == 0)
      step = &steps[i];
  if (step == NULL)
    {
      g_printerr ("hs-bench: no step “%s”; hs-bench steps lists them\n", name);
      return 2;
    }

  out_begin ();
  store = open_store (db_path);
  list = hs_claim_list_new (store);
#ifdef HS_BENCH_GTK
  /* As the Claims page holds the list: behind a GtkSingleSelection, which
   * selects the first row and, when the list changes, looks for the
   * selected item among the new rows. */
  if (with_selection)
    selection = G_OBJECT (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (list))));
#else
  if (with_selection)
    {
      g_printerr ("hs-bench: --selection needs a build with GTK\n");
      return 3;
    }
#endif
  hs_query_init (&query);
  if (!hs_claim_list_set_query (list, &query, &error))
    die ("listing claims", error);
  materialise_first_page (G_LIST_MODEL (list));
  out_memory ("ready");

  /* A speaker and a source as typical as any: those of the first claim. */
  if (!(first = hs_store_get_claim_at (store, 1, &error)))
    die ("reading the first claim", error);
  run.store = store;
  run.list = list;
  run.step = step;
  run.speaker_id = g_strdup (hs_claim_get_speaker_id (first));
  run.source_id = g_strdup (hs_claim_get_source_id (first));

  c0 = now_cpu ();
  t0 = now ();
  run_step (&run);
  first_time = spent = now () - t0;
  first_cpu = now_cpu () - c0;
  /* A slow step is not repeated past ten seconds in all. */
  for (guint i = 0; i < repeat && (i == 0 || spent < 10); i++)
    {
      double t;

      double c;

      c0 = now_cpu ();
      t0 = now ();
      run_step (&run);
      t = now () - t0;
      c = now_cpu () - c0;
      spent += t;
      g_array_append_val (times, t);
      g_array_append_val (cpu_times, c);
    }
  g_array_sort (times, compare_double);
  g_array_sort (cpu_times, compare_double);

  hs_json_writer_member_string (out, "step", step->name);
  hs_json_writer_member_string (out, "what", step->what);
  out_number ("first_s", first_time);
  if (times->len > 0)
    {
      out_number ("median_s", g_array_index (times, double, times->len / 2));
      out_number ("min_s", g_array_index (times, double, 0));
      out_number ("max_s", g_array_index (times, double, times->len - 1));
      out_number ("median_cpu_s", g_array_index (cpu_times, double, cpu_times->len / 2));
    }
  out_number ("first_cpu_s", first_cpu);
  out_int ("repeat", times->len);
  out_int ("rows", run.rows);
  out_int ("loaded", run.loaded);
  out_memory ("end");

  if (profile)
    {
      profile_start (store);
      t0 = now ();
      run_step (&run);
      profile_finish (store, now () - t0);
    }

  hs_json_writer_member (out, "selection");
  hs_json_writer_boolean (out, with_selection);
  g_free (run.speaker_id);
  g_free (run.source_id);
  g_clear_object (&selection);
  return out_end ();
}

/* ---------------------------------------------------------------------- */
/* Charts                                                                  */

static int
cmd_chart (const char *db_path,
           const char *kind,
           const char *png,
           gboolean    profile)
{
#ifdef HS_BENCH_CHARTS
  g_autoptr(GError) error = NULL;
  g_autoptr(HsStore) store = NULL;
  g_autoptr(HsChart) chart = NULL;
  HsQuery query;
  double t0, t1, t2, t3, c1;

  out_begin ();
  t0 = now ();
  store = open_store (db_path);
  c1 = now_cpu ();
  t1 = now ();
  if (profile)
    profile_start (store);
  hs_query_init (&query);
  if (!(chart = hs_chart_new_for_kind (kind, store, &query, &error)))
    die ("making the chart", error);
  t2 = now ();
  if (profile)
    profile_finish (store, t2 - t1);
  if (!hs_chart_export (chart, HS_CHART_FORMAT_PNG, png, 1200, 700, 1, &error))
    die ("rendering the chart", error);
  t3 = now ();

  hs_json_writer_member_string (out, "chart", kind);
  out_number ("open_s", t1 - t0);
  out_number ("data_s", t2 - t1);
  out_number ("render_s", t3 - t2);
  out_number ("total_s", t3 - t1);
  out_number ("total_cpu_s", now_cpu () - c1);
  out_memory ("end");
  return out_end ();
#else
  g_printerr ("hs-bench: this build has no charts (src/chart)\n");
  return 3;
#endif
}

/* ---------------------------------------------------------------------- */

static int
usage (void)
{
  g_printerr ("usage: hs-bench [--profile] import DB FILE | open DB | step DB NAME [--repeat N]"
              " | chart DB KIND OUT.png | steps | charts\n");
  return 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean profile = FALSE;
  gboolean with_selection = FALSE;
  gint repeat = 5;
  const GOptionEntry entries[] = {
    { "profile", 0, 0, G_OPTION_ARG_NONE, &profile,
      "Also say where SQLite spent the time, statement by statement", NULL },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs of a step after the first (default 5)", "N" },
    { "selection", 0, 0, G_OPTION_ARG_NONE, &with_selection,
      "Hold the list in a GtkSingleSelection, as the Claims page does", NULL },
    { NULL },
  };

  context = g_option_context_new ("COMMAND … - the measured steps of the benchmark");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("hs-bench: %s\n", error->message);
      return 2;
    }
  if (argc < 2)
    return usage ();

  /* "Today" is pinned, as in the tests, so that what is overdue does not
   * drift with the day the benchmark runs. */
  if (g_getenv ("HINDSIGHT_TODAY") == NULL)
    g_setenv ("HINDSIGHT_TODAY", "2026-11-22", TRUE);

  if (strcmp (argv[1], "import") == 0 && argc == 4)
    return cmd_import (argv[2], argv[3], profile);
  if (strcmp (argv[1], "open") == 0 && argc == 3)
    return cmd_open (argv[2], profile);
  if (strcmp (argv[1], "step") == 0 && argc == 4)
    return cmd_step (argv[2], argv[3], (guint) MAX (repeat, 0), profile, with_selection);
  if (strcmp (argv[1], "chart") == 0 && argc == 5)
    return cmd_chart (argv[2], argv[3], argv[4], profile);
  if (strcmp (argv[1], "steps") == 0 && argc == 2)
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        g_print ("%s\t%s\n", steps[i].name, steps[i].what);
      return 0;
    }
  if (strcmp (argv[1], "charts") == 0 && argc == 2)
    {
#ifdef HS_BENCH_CHARTS
      g_auto(GStrv) kinds = g_strsplit (hs_chart_kind_names (), ", ", -1);

      for (guint i = 0; kinds[i] != NULL; i++)
        g_print ("%s\n", kinds[i]);
#endif
      return 0;
    }
  return usage ();
}
