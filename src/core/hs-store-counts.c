/* hs-store-counts.c: claims counted in groups, one query per table of counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page that shows counts for many groups (a matrix of speakers and
 * topics, the Tracker's due ranges) could ask hs_store_count_claims() once
 * per group; with ten thousand speakers that is ten thousand queries and
 * seconds. Here each table of counts is one GROUP BY (or one pass of sums)
 * over the same filters the lists use, so the counts always agree with the
 * lists they summarise.
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <string.h>

#include "hs-store-counts.h"
#include "hs-store-private.h"

/* The joins hs_store_build_claim_filter() writes. When a count needs
 * nothing of the joined table, dropping the join saves a lookup per row (a
 * million of them for a whole store); if the filter's text ever changes,
 * the replacement finds nothing and the count stays right, only slower. */
#define PREDICTIONS_JOIN " LEFT JOIN predictions p ON p.claim_id = c.id"
#define CLAIMS_JOIN      " JOIN claims c ON c.id = p.claim_id"

void
hs_claim_count_free (HsClaimCount *count)
{
  if (count == NULL)
    return;
  g_free (count->speaker_id);
  g_free (count->topic_id);
  g_free (count);
}

/* Whether the query's filters read the prediction of a claim. */
static gboolean
filters_predictions (const HsQuery *query)
{
  return query != NULL &&
         (query->kind != HS_QUERY_KIND_ALL || query->status >= 0 ||
          hs_date_is_set (&query->due_before) || hs_date_is_set (&query->due_from));
}

/* Whether the query's filters read the claim of a prediction. */
static gboolean
filters_claims (const HsQuery *query)
{
  return query != NULL &&
         (query->speaker_id != NULL || query->source_id != NULL || query->topic_id != NULL ||
          query->search != NULL || hs_date_is_set (&query->stated_from) ||
          hs_date_is_set (&query->stated_to));
}

/* Inserts @join just before the filter's WHERE. */
static void
insert_join (HsClause   *clause,
             const char *join)
{
  const char *where = strstr (clause->sql->str, " WHERE ");

  g_string_insert (clause->sql, where - clause->sql->str, join);
}

/**
 * hs_store_count_by_speaker:
 * @query: (nullable): which claims (its order and page are ignored)
 *
 * Counts the claims @query selects for each speaker, in one query.
 * Predictions are not told apart (@predictions is -1) nor the newest
 * looked for: this is for choosing speakers by how much they said.
 *
 * Returns: (transfer full) (element-type HsClaimCount): a count for every
 *   speaker with at least one claim, most claims first, then by name
 */
GPtrArray *
hs_store_count_by_speaker (HsStore        *self,
                           const HsQuery  *query,
                           GError        **error)
{
  g_auto(HsClause) clause = { NULL, NULL };
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_claim_count_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);

  hs_clause_init (&clause, "SELECT c.speaker_id AS speaker_id, count(*) AS n");
  hs_store_build_claim_filter (query, &clause, FALSE);
  if (!filters_predictions (query))
    g_string_replace (clause.sql, PREDICTIONS_JOIN, "", 1);
  g_string_append (clause.sql, " GROUP BY c.speaker_id");
  g_string_prepend (clause.sql, "SELECT g.speaker_id, g.n FROM (");
  g_string_append (clause.sql, ") g JOIN speakers s ON s.id = g.speaker_id ORDER BY g.n DESC, s.name, s.id");

  if (!(stmt = hs_store_prepare_clause (self, &clause, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsClaimCount *count = g_new0 (HsClaimCount, 1);

      count->speaker_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      count->claims = sqlite3_column_int64 (stmt, 1);
      count->predictions = -1;
      g_ptr_array_add (counts, count);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return hs_store_set_sqlite_error (self, error, "counting claims by speaker"), NULL;

  return g_steal_pointer (&counts);
}

/**
 * hs_store_count_by_speaker_and_topic:
 * @query: (nullable): which claims (its order and page are ignored)
 * @speaker_ids: (nullable) (array zero-terminated=1): only these speakers;
 *   %NULL for all
 *
 * Counts the claims @query selects for each speaker and each of their
 * topics (a claim on two topics counts in both), how many of those are
 * predictions, and finds the newest of each group, in one query.
 *
 * Returns: (transfer full) (element-type HsClaimCount): a count for every
 *   speaker and topic with at least one claim, by speaker id, then topic id
 */
GPtrArray *
hs_store_count_by_speaker_and_topic (HsStore             *self,
                                     const HsQuery       *query,
                                     const char * const  *speaker_ids,
                                     GError             **error)
{
  g_auto(HsClause) clause = { NULL, NULL };
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_claim_count_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);

  if (speaker_ids != NULL && speaker_ids[0] == NULL)
    return g_steal_pointer (&counts);

  /* The newest claim of a group is the first a list of it shows (newest
   * first, then by id): numbered within the group in that order. */
  hs_clause_init (&clause,
                  "SELECT c.speaker_id AS speaker_id, ct.topic_id AS topic_id, c.rowid AS row,"
                  " p.claim_id AS prediction,"
                  " row_number () OVER (PARTITION BY c.speaker_id, ct.topic_id"
                  " ORDER BY c.stated_day DESC, c.id ASC) AS place");
  hs_store_build_claim_filter (query, &clause, FALSE);
  insert_join (&clause, " JOIN claim_topics ct ON ct.claim_id = c.id");
  if (speaker_ids != NULL)
    {
      g_string_append (clause.sql, " AND c.speaker_id IN (");
      for (guint i = 0; speaker_ids[i] != NULL; i++)
        {
          g_string_append (clause.sql, i > 0 ? ", ?" : "?");
          g_ptr_array_add (clause.texts, g_strdup (speaker_ids[i]));
        }
      g_string_append_c (clause.sql, ')');
    }
  g_string_prepend (clause.sql,
                    "SELECT speaker_id, topic_id, count(*), count(prediction),"
                    " max(CASE WHEN place = 1 THEN row END) FROM (");
  g_string_append (clause.sql, ") GROUP BY speaker_id, topic_id ORDER BY speaker_id, topic_id");

  if (!(stmt = hs_store_prepare_clause (self, &clause, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsClaimCount *count = g_new0 (HsClaimCount, 1);

      count->speaker_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      count->topic_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      count->claims = sqlite3_column_int64 (stmt, 2);
      count->predictions = sqlite3_column_int64 (stmt, 3);
      count->newest = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (counts, count);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return hs_store_set_sqlite_error (self, error, "counting claims by speaker and topic"), NULL;

  return g_steal_pointer (&counts);
}

/**
 * hs_store_count_due_before:
 * @query: (nullable): which predictions (its order and page are ignored)
 * @before: (array length=n_before): dates
 * @counts: (out caller-allocates) (array fixed-size=n_before+1): for each
 *   date, the predictions whose latest resolve date is before it; then all
 *   the predictions @query selects, open-ended ones included
 *
 * Counts the predictions @query selects in ranges of their latest resolve
 * date, in one pass.
 */
gboolean
hs_store_count_due_before (HsStore        *self,
                           const HsQuery  *query,
                           const HsDate   *before,
                           guint           n_before,
                           gint64         *counts,
                           GError        **error)
{
  g_auto(HsClause) clause = { NULL, NULL };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_before == 0 || before != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  /* The dates are the first parameters: they come before the filter's. */
  hs_clause_init (&clause, "SELECT count(*)");
  for (guint i = 0; i < n_before; i++)
    {
      HsDate day = hs_date_first_day (&before[i]);
      char buf[HS_DATE_BUFSIZE];

      g_string_append (clause.sql, ", coalesce(sum(p.due_day < ?), 0)");
      g_ptr_array_add (clause.texts, g_strdup (hs_date_to_buffer (&day, buf)));
    }
  hs_store_build_claim_filter (query, &clause, TRUE);
  if (!filters_claims (query))
    g_string_replace (clause.sql, CLAIMS_JOIN, "", 1);

  if (!(stmt = hs_store_prepare_clause (self, &clause, error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      for (guint i = 0; i < n_before; i++)
        counts[i] = sqlite3_column_int64 (stmt, i + 1);
      counts[n_before] = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return hs_store_set_sqlite_error (self, error, "counting predictions by due date"), FALSE;
  return TRUE;
}
