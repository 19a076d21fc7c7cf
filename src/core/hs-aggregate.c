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

/**
 * hs_store_timeline_data:
 * @query: (nullable): which predictions (the status and search filters
 *   apply too)
 *
 * Returns: (transfer full): the predictions as spans from the stated day to
 *   the latest resolve day, in lanes, with their resolutions as marks
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
  g_autoptr(GHashTable) by_rowid = g_hash_table_new (g_int64_hash, g_int64_equal);
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

  if (lanes == HS_LANES_BY_TOPIC)
    hs_clause_init (&clause,
                    "SELECT c.rowid, coalesce(t.id, ''), coalesce(t.name, ''), "
                    TO_DAY ("c.stated_day") ", " TO_DAY ("p.due_day") ", "
                    STATUS_NUMBER ("p.status"));
  else
    hs_clause_init (&clause,
                    "SELECT c.rowid, s.id, s.name || coalesce(' ' || s.native_name, ''), "
                    TO_DAY ("c.stated_day") ", " TO_DAY ("p.due_day") ", "
                    STATUS_NUMBER ("p.status"));
  hs_store_build_claim_filter (&cut, &clause, TRUE);

  /* The lane joins go into the FROM of the filter: insert them before WHERE. */
  {
    const char *join = lanes == HS_LANES_BY_TOPIC
      ? " LEFT JOIN claim_topics ct ON ct.claim_id = c.id AND ct.position = 0"
        " LEFT JOIN topics t ON t.id = ct.topic_id"
      : " JOIN speakers s ON s.id = c.speaker_id";
    char *where = strstr (clause.sql->str, " WHERE ");

    g_string_insert (clause.sql, where - clause.sql->str, join);
  }
  g_string_append (clause.sql, lanes == HS_LANES_BY_TOPIC
                               ? " ORDER BY t.name IS NULL, t.name, c.stated_day, c.rowid"
                               : " ORDER BY s.name, s.id, c.stated_day, c.rowid");

  if (!(stmt = hs_store_prepare_clause (self, &clause, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *lane_id = (const char *) sqlite3_column_text (stmt, 1);
      gpointer found;
      HsTimelineItem item = { 0 };

      if (!g_hash_table_lookup_extended (lane_index, lane_id, NULL, &found))
        {
          HsTimelineLane *lane = g_new0 (HsTimelineLane, 1);

          lane->id = g_strdup (lane_id);
          lane->label = g_strdup (*lane_id ? (const char *) sqlite3_column_text (stmt, 2) : "—");
          found = GUINT_TO_POINTER (data->lanes->len);
          g_ptr_array_add (data->lanes, lane);
          g_hash_table_insert (lane_index, lane->id, found);
        }

      item.rowid = sqlite3_column_int64 (stmt, 0);
      item.lane = GPOINTER_TO_UINT (found);
      item.start = sqlite3_column_int (stmt, 3);
      item.end = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? HS_DAY_OPEN
                                                             : sqlite3_column_int (stmt, 4);
      item.status = sqlite3_column_int (stmt, 5);
      data->first_day = MIN (data->first_day, item.start);
      data->last_day = MAX (data->last_day, item.end == HS_DAY_OPEN ? item.start : item.end);
      g_array_append_val (data->items, item);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return hs_store_set_sqlite_error (self, error, "reading the timeline"), NULL;

  /* The marks: every history entry of the predictions listed, in order. */
  for (guint i = 0; i < data->items->len; i++)
    g_hash_table_insert (by_rowid, &g_array_index (data->items, HsTimelineItem, i).rowid,
                         GUINT_TO_POINTER (i + 1));

  if (!(stmt = hs_store_prepare (self,
                                 "SELECT c.rowid, " TO_DAY ("r.on_day") ", " STATUS_NUMBER ("r.status")
                                 " FROM resolutions r JOIN claims c ON c.id = r.claim_id"
                                 " ORDER BY c.rowid, r.on_day, r.recorded_at, r.seq", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_rowid, &rowid));
      HsTimelineItem *item;
      HsTimelineMark mark;

      if (index == 0)
        continue;
      item = &g_array_index (data->items, HsTimelineItem, index - 1);
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
