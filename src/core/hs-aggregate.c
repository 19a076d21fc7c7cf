/* hs-aggregate.c: what the charts draw, aggregated by the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A timeline of a hundred thousand predictions is read in one query into
 * flat arrays of numbers, not into a hundred thousand objects: the chart
 * needs days, lanes and statuses, and loads a claim in full only when a
 * person points at it.
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <string.h>

#include "hs-aggregate.h"
#include "hs-store-private.h"

/* SQLite's julianday() is astronomical; GDate counts from 1 January 1. */
#define TO_DAY(column) "CAST(julianday(" column ") - 1721424.5 AS INTEGER)"

#define STATUS_NUMBER(column) \
  "(CASE " column " WHEN 'confirmed' THEN 1 WHEN 'partial' THEN 2 WHEN 'refuted' THEN 3" \
  " WHEN 'ambiguous' THEN 4 ELSE 0 END)"

gint32
hs_date_to_day (const HsDate *date)
{
  HsDate first = hs_date_first_day (date);
  GDate gdate;

  if (!hs_date_is_set (&first))
    return HS_DAY_OPEN;
  g_date_clear (&gdate, 1);
  g_date_set_dmy (&gdate, first.day, first.month, first.year);
  return (gint32) g_date_get_julian (&gdate);
}

HsDate
hs_date_from_day (gint32 day)
{
  GDate gdate;

  if (day <= 0 || !g_date_valid_julian ((guint32) day))
    return (HsDate) { 0 };
  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, (guint32) day);
  return hs_date_new_day (g_date_get_year (&gdate), g_date_get_month (&gdate),
                          g_date_get_day (&gdate));
}

static void
lane_free (HsTimelineLane *lane)
{
  g_free (lane->id);
  g_free (lane->label);
  g_free (lane);
}

void
hs_timeline_data_free (HsTimelineData *data)
{
  if (data == NULL)
    return;
  g_array_unref (data->items);
  g_array_unref (data->marks);
  g_ptr_array_unref (data->lanes);
  g_free (data);
}

/* A lane while the spans are read: the order it is drawn in comes from
 * its name, read once per lane rather than once per span. */
typedef struct
{
  HsTimelineLane *lane;
  const char     *name;   /* borrowed from names, or NULL for no topic */
  guint           rank;   /* its place once sorted */
} LaneEntry;

static int
compare_lanes (gconstpointer a,
               gconstpointer b)
{
  const LaneEntry *x = *(LaneEntry * const *) a, *y = *(LaneEntry * const *) b;
  int order;

  /* Claims without a topic last, then by name, then by id. */
  if ((x->name == NULL) != (y->name == NULL))
    return x->name == NULL ? 1 : -1;
  if (x->name != NULL && (order = strcmp (x->name, y->name)) != 0)
    return order;
  return strcmp (x->lane->id, y->lane->id);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const HsTimelineItem *items = user_data;
  const HsTimelineItem *x = &items[*(const guint *) a], *y = &items[*(const guint *) b];

  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->rowid > y->rowid) - (x->rowid < y->rowid);
}

/* Sorts the items by lane, then start, then rowid. The sort moves 4-byte
 * indices, not 32-byte items, and the items are then put in place one
 * cycle of the permutation at a time: a million items need 8 MB on top of
 * their own 32, not another 32. */
static void
sort_items (GArray *items)
{
  HsTimelineItem *item = (HsTimelineItem *) (gpointer) items->data;
  guint n = items->len;
  g_autofree guint *order = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_items, item);

  /* The item at j comes from order[j]; a slot once filled points to itself. */
  for (guint i = 0; i < n; i++)
    {
      HsTimelineItem first;
      guint j = i;

      if (order[i] == i)
        continue;
      first = item[i];
      while (order[j] != i)
        {
          guint from = order[j];

          item[j] = item[from];
          order[j] = j;
          j = from;
        }
      item[j] = first;
      order[j] = j;
    }
}

/* Names the lanes, puts them in order and the items by lane, then start. */
static gboolean
order_lanes (HsStore         *self,
             HsTimelineData  *data,
             GHashTable      *lane_index,
             HsLaneKind       lanes,
             GError         **error)
{
  g_autoptr(GStringChunk) names = g_string_chunk_new (4096);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sorted = NULL;
  g_autofree guint *rank = NULL;
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < data->lanes->len; i++)
    {
      LaneEntry *entry = g_new0 (LaneEntry, 1);

      entry->lane = g_ptr_array_index (data->lanes, i);
      g_ptr_array_add (entries, entry);
    }

  /* Every speaker or topic is read (ten thousand speakers take a few
   * milliseconds); those with a lane get their label. */
  if (!(stmt = hs_store_prepare (self, lanes == HS_LANES_BY_TOPIC
                                       ? "SELECT id, name, name FROM topics"
                                       : "SELECT id, name, name || coalesce(' ' || native_name, '') FROM speakers",
                                 error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (lane_index, sqlite3_column_text (stmt, 0)));
      LaneEntry *entry;

      if (index == 0)
        continue;
      entry = g_ptr_array_index (entries, index - 1);
      entry->name = g_string_chunk_insert (names, (const char *) sqlite3_column_text (stmt, 1));
      g_free (entry->lane->label);
      entry->lane->label = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return hs_store_set_sqlite_error (self, error, "reading the timeline"), FALSE;

  /* A second view of the same entries, which stay the first array's. */
  sorted = g_ptr_array_sized_new (entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (entries, i));
  g_ptr_array_sort (sorted, compare_lanes);
  rank = g_new (guint, MAX (entries->len, 1));
  for (guint i = 0; i < sorted->len; i++)
    ((LaneEntry *) g_ptr_array_index (sorted, i))->rank = i;
  for (guint i = 0; i < entries->len; i++)
    rank[i] = ((LaneEntry *) g_ptr_array_index (entries, i))->rank;

  /* The lanes in their order: the array's slots are rewritten in place,
   * ownership stays with it. */
  for (guint i = 0; i < sorted->len; i++)
    data->lanes->pdata[i] = ((LaneEntry *) g_ptr_array_index (sorted, i))->lane;
  for (guint i = 0; i < data->items->len; i++)
    {
      HsTimelineItem *item = &g_array_index (data->items, HsTimelineItem, i);

      item->lane = rank[item->lane];
    }
  sort_items (data->items);
  return TRUE;
}

/**
 * hs_store_timeline_data:
 * @query: (nullable): which predictions (the status and search filters
 *   apply too)
 *
 * Reads what the timeline draws in two passes over the store, with no
 * sort in SQL: lanes are named and ordered once each, items sorted here.
 * Safe to call on a connection of its own in another thread.
 *
 * Returns: (transfer full): the predictions as spans from the stated day to
 *   the latest resolve day, in lanes (by name, then id; claims without a
 *   topic last), with their resolutions as marks
 */
HsTimelineData *
hs_store_timeline_data (HsStore        *self,
                        const HsQuery  *query,
                        HsLaneKind      lanes,
                        GError        **error)
{
  g_auto(HsClause) clause = { NULL, NULL };
  g_autoptr(HsTimelineData) data = g_new0 (HsTimelineData, 1);
  g_autoptr(GHashTable) lane_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint32 *place_of = NULL;
  gint64 max_rowid = 0;
  HsQuery cut;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);

  data->items = g_array_new (FALSE, FALSE, sizeof (HsTimelineItem));
  data->marks = g_array_new (FALSE, FALSE, sizeof (HsTimelineMark));
  data->lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) lane_free);
  data->first_day = G_MAXINT32;
  data->last_day = G_MININT32;

  if (query != NULL)
    cut = *query;
  else
    hs_query_init (&cut);
  cut.kind = HS_QUERY_KIND_PREDICTIONS;
  cut.limit = cut.offset = 0;

  hs_clause_init (&clause,
                  lanes == HS_LANES_BY_TOPIC
                  ? "SELECT c.rowid, coalesce(ct.topic_id, ''), "
                    TO_DAY ("c.stated_day") ", " TO_DAY ("p.due_day") ", " STATUS_NUMBER ("p.status")
                  : "SELECT c.rowid, p.speaker_id, "
                    TO_DAY ("c.stated_day") ", " TO_DAY ("p.due_day") ", " STATUS_NUMBER ("p.status"));
  /* From the claims to their predictions: SQLite would otherwise walk the
   * predictions and look each claim up, reading the claims table in random
   * order, several times slower. Unfiltered, every column comes from an
   * index (claims_by_day, and the prediction's copy of the speaker, which
   * a trigger keeps and the scorecard reads too), not from the claims'
   * rows with their text. */
  hs_store_build_claim_filter (&cut, &clause, FALSE);

  /* The first topic's join goes into the FROM of the filter: before WHERE. */
  if (lanes == HS_LANES_BY_TOPIC)
    {
      char *where = strstr (clause.sql->str, " WHERE ");

      g_string_insert (clause.sql, where - clause.sql->str,
                       " LEFT JOIN claim_topics ct ON ct.claim_id = c.id AND ct.position = 0");
    }

  if (!(stmt = hs_store_prepare_clause (self, &clause, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *lane_id = (const char *) sqlite3_column_text (stmt, 1);
      gpointer found = g_hash_table_lookup (lane_index, lane_id);
      HsTimelineItem item = { 0 };

      if (found == NULL)
        {
          HsTimelineLane *lane = g_new0 (HsTimelineLane, 1);

          lane->id = g_strdup (lane_id);
          lane->label = g_strdup ("—");
          g_ptr_array_add (data->lanes, lane);
          found = GUINT_TO_POINTER (data->lanes->len);
          g_hash_table_insert (lane_index, lane->id, found);
        }

      item.rowid = sqlite3_column_int64 (stmt, 0);
      item.lane = GPOINTER_TO_UINT (found) - 1;
      item.start = sqlite3_column_int (stmt, 2);
      item.end = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? HS_DAY_OPEN
                                                             : sqlite3_column_int (stmt, 3);
      item.status = sqlite3_column_int (stmt, 4);
      data->first_day = MIN (data->first_day, item.start);
      data->last_day = MAX (data->last_day, item.end == HS_DAY_OPEN ? item.start : item.end);
      max_rowid = MAX (max_rowid, item.rowid);
      g_array_append_val (data->items, item);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return hs_store_set_sqlite_error (self, error, "reading the timeline"), NULL;

  if (!order_lanes (self, data, lane_index, lanes, error))
    return NULL;

  /* The marks: every history entry of the predictions listed, each
   * prediction's in order. The claims' id index gives their rowids without
   * reading the claims themselves. */
  /* Rowids are dense (claims are never renumbered, and deleted ones leave
   * a gap each): a table indexed by rowid, four bytes a claim, finds the
   * item of a resolution at once. A store whose rowids are far sparser
   * than its claims, which nothing makes, would cost more memory here. */
  place_of = g_new0 (guint32, max_rowid + 1);
  for (guint i = 0; i < data->items->len; i++)
    place_of[g_array_index (data->items, HsTimelineItem, i).rowid] = i + 1;

  if (!(stmt = hs_store_prepare (self,
                                 "SELECT c.rowid, " TO_DAY ("r.on_day") ", " STATUS_NUMBER ("r.status")
                                 " FROM resolutions r JOIN claims c ON c.id = r.claim_id"
                                 " ORDER BY r.claim_id, r.on_day, r.recorded_at, r.seq", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      HsTimelineItem *item;
      HsTimelineMark mark;

      if (rowid <= 0 || rowid > max_rowid || place_of[rowid] == 0)
        continue;
      item = &g_array_index (data->items, HsTimelineItem, place_of[rowid] - 1);
      mark.day = sqlite3_column_int (stmt, 1);
      mark.status = sqlite3_column_int (stmt, 2);
      if (item->n_marks == 0)
        item->first_mark = data->marks->len;
      item->n_marks++;
      data->last_day = MAX (data->last_day, mark.day);
      g_array_append_val (data->marks, mark);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return hs_store_set_sqlite_error (self, error, "reading the timeline"), NULL;

  if (data->items->len == 0)
    data->first_day = data->last_day = 0;

  return g_steal_pointer (&data);
}

/**
 * hs_store_due_by_quarter:
 *
 * Returns: (transfer full) (element-type HsDueBucket): predictions by the
 *   quarter of their latest resolve date, counted by status, every quarter
 *   from the first to the last included; open-ended ones are left out
 */
GArray *
hs_store_due_by_quarter (HsStore        *self,
                         const HsQuery  *query,
                         GError        **error)
{
  g_auto(HsClause) clause = { NULL, NULL };
  g_autoptr(GArray) buckets = g_array_new (FALSE, TRUE, sizeof (HsDueBucket));
  HsQuery cut;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);

  if (query != NULL)
    cut = *query;
  else
    hs_query_init (&cut);
  cut.kind = HS_QUERY_KIND_PREDICTIONS;
  cut.limit = cut.offset = 0;

  hs_clause_init (&clause,
                  "SELECT CAST(substr(p.due_day, 1, 4) AS INTEGER) AS y,"
                  " (CAST(substr(p.due_day, 6, 2) AS INTEGER) + 2) / 3 AS q, "
                  STATUS_NUMBER ("p.status") " AS st, count(*)");
  hs_store_build_claim_filter (&cut, &clause, TRUE);
  g_string_append (clause.sql, " AND p.due_day IS NOT NULL GROUP BY y, q, st ORDER BY y, q");

  if (!(stmt = hs_store_prepare_clause (self, &clause, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint year = sqlite3_column_int (stmt, 0);
      guint quarter = sqlite3_column_int (stmt, 1);
      guint status = sqlite3_column_int (stmt, 2);
      HsDueBucket *last = buckets->len ? &g_array_index (buckets, HsDueBucket, buckets->len - 1) : NULL;

      if (quarter < 1 || quarter > 4 || status >= HS_N_STATUSES)
        continue;

      /* Fill the quarters in between, so the axis has no holes. */
      while (last == NULL || last->year != year || last->quarter != quarter)
        {
          HsDueBucket next = { 0 };

          if (last == NULL)
            {
              next.year = year;
              next.quarter = quarter;
            }
          else
            {
              next.year = last->quarter == 4 ? last->year + 1 : last->year;
              next.quarter = last->quarter == 4 ? 1 : last->quarter + 1;
            }
          g_array_append_val (buckets, next);
          last = &g_array_index (buckets, HsDueBucket, buckets->len - 1);
          if (buckets->len > 4 * 400)
            break;
        }
      last->counts[status] += sqlite3_column_int (stmt, 3);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return hs_store_set_sqlite_error (self, error, "counting predictions by quarter"), NULL;

  return g_steal_pointer (&buckets);
}
