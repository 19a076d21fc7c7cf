/* hs-words-scoring.c: scoring predictions by their confidence words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a query asks for a words scale, the scorecard and the calibration
 * also count the resolved predictions that came with confidence words but
 * no number, at the probability the scale gives their words. The store's
 * SQL scores the numbers as before; this adds the words on top, matching
 * each distinct wording once (a million predictions share a few hundred).
 *
 * The worded predictions are read row by row and added up here rather than
 * grouped in SQL: at a million predictions a GROUP BY walks the speaker
 * index and looks every row up (0.8 s), where a plain scan takes 0.2 s.
 * For the same reason the status is tested with <>, not IN (…), which
 * SQLite answers through the status index, row by row (1.2 s).
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <math.h>

#include "hs-scoring.h"
#include "hs-store-private.h"

#define WORDS_SELECT(speaker) \
  "SELECT " speaker ", p.confidence, p.status"

/* Resolved (confirmed, partial or refuted), with words and no number. */
#define WORDS_CONDITION \
  " AND p.probability IS NULL AND p.confidence IS NOT NULL" \
  " AND p.status <> 'open' AND p.status <> 'ambiguous'"

/* Reads the worded predictions of @cut and calls @add with the probability
 * their words imply, for each whose words the scale knows. */
typedef void (*AddFunc) (gpointer    data,
                         const char *speaker_id,
                         double      probability,
                         double      outcome,
                         guint       count);

static gboolean
for_each_worded (HsStore       *self,
                 const HsQuery *cut,
                 AddFunc        add,
                 gpointer       data,
                 GError       **error)
{
  g_auto(HsClause) clause = { NULL, NULL };
  g_autoptr(GHashTable) implied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  /* Without a cut by topic, source or date the claims are not needed:
   * the predictions hold the speaker, as the scorecard's own query reads
   * them. */
  if (cut->topic_id == NULL && cut->source_id == NULL && !hs_date_is_set (&cut->stated_from) &&
      !hs_date_is_set (&cut->stated_to) && !hs_date_is_set (&cut->due_before) &&
      !hs_date_is_set (&cut->due_from) && cut->search == NULL && cut->kind != HS_QUERY_KIND_CLAIMS)
    {
      hs_clause_init (&clause, WORDS_SELECT ("p.speaker_id") " FROM predictions p WHERE 1");
      if (cut->speaker_id != NULL)
        hs_clause_add (&clause, "p.speaker_id = ?", cut->speaker_id);
    }
  else
    {
      hs_clause_init (&clause, WORDS_SELECT ("c.speaker_id"));
      hs_store_build_claim_filter (cut, &clause, TRUE);
    }
  g_string_append (clause.sql, WORDS_CONDITION);

  if (!(stmt = hs_store_prepare_clause (self, &clause, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *speaker_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *words = (const char *) sqlite3_column_text (stmt, 1);
      const char *status_text = (const char *) sqlite3_column_text (stmt, 2);
      double *probability;
      HsStatus status;

      if (speaker_id == NULL || words == NULL || !hs_status_from_string (status_text, &status) ||
          isnan (hs_scoring_outcome (status)))
        continue;
      if (!(probability = g_hash_table_lookup (implied, words)))
        {
          HsWordsMatch match;

          probability = g_new (double, 1);
          *probability = hs_words_scale_match (cut->words_scale, words, &match) ? match.probability
                                                                               : NAN;
          g_hash_table_insert (implied, g_strdup (words), probability);
        }
      if (!isnan (*probability))
        add (data, speaker_id, *probability, hs_scoring_outcome (status), 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return hs_store_set_sqlite_error (self, error, "scoring predictions by their words");
  return TRUE;
}

typedef struct
{
  GHashTable *rows;   /* speaker id → HsScoreRow */
  GHashTable *sums;   /* HsScoreRow → the Brier sum of its words, a double */
} ScoreData;

static void
add_to_row (gpointer    user_data,
            const char *speaker_id,
            double      probability,
            double      outcome,
            guint       count)
{
  ScoreData *data = user_data;
  HsScoreRow *row = g_hash_table_lookup (data->rows, speaker_id);
  double *sum;

  if (row == NULL)
    return;
  if (!(sum = g_hash_table_lookup (data->sums, row)))
    {
      sum = g_new0 (double, 1);
      g_hash_table_insert (data->sums, row, sum);
    }
  *sum += count * (probability - outcome) * (probability - outcome);
  row->brier_words += count;
}

/**
 * hs_store_score_words:
 * @cut: the scorecard's query, with its words scale
 * @rows: (element-type HsScoreRow): the scorecard from the numbers, to
 *   which the predictions scored from their words are added
 */
gboolean
hs_store_score_words (HsStore        *self,
                      const HsQuery  *cut,
                      GPtrArray      *rows,
                      GError        **error)
{
  g_autoptr(GHashTable) by_speaker = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) sums = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  ScoreData data = { by_speaker, sums };
  GHashTableIter iter;
  gpointer key, value;

  if (cut->words_scale == HS_WORDS_SCALE_NONE)
    return TRUE;

  for (guint i = 0; i < rows->len; i++)
    {
      HsScoreRow *row = g_ptr_array_index (rows, i);
      g_hash_table_insert (by_speaker, (gpointer) hs_speaker_get_id (row->speaker), row);
    }
  if (!for_each_worded (self, cut, add_to_row, &data, error))
    return FALSE;

  /* The mean over numbers and words together. */
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      HsScoreRow *row = key;
      double numbers = row->brier_count > 0 ? row->brier * row->brier_count : 0;

      row->brier_count += row->brier_words;
      row->brier = (numbers + *(double *) value) / row->brier_count;
    }
  return TRUE;
}

typedef struct
{
  GArray *bins;
  double *probability_sums;
  double *outcome_sums;
} CalibrationData;

static void
add_to_bin (gpointer    user_data,
            const char *speaker_id,
            double      probability,
            double      outcome,
            guint       count)
{
  CalibrationData *data = user_data;
  guint n_bins = data->bins->len;
  /* As the SQL bins numbers: min(CAST(probability * n AS INTEGER), n − 1). */
  guint index = MIN ((guint) (probability * n_bins), n_bins - 1);
  HsCalibrationBin *bin = &g_array_index (data->bins, HsCalibrationBin, index);

  bin->count += count;
  bin->words += count;
  data->probability_sums[index] += count * probability;
  data->outcome_sums[index] += count * outcome;
}

/**
 * hs_store_calibrate_words:
 * @cut: the calibration's query, with its words scale
 * @bins: (element-type HsCalibrationBin): the bins from the numbers, to
 *   which the predictions scored from their words are added
 */
gboolean
hs_store_calibrate_words (HsStore        *self,
                          const HsQuery  *cut,
                          GArray         *bins,
                          GError        **error)
{
  g_autofree double *probability_sums = NULL;
  g_autofree double *outcome_sums = NULL;
  CalibrationData data;

  if (cut->words_scale == HS_WORDS_SCALE_NONE || bins->len == 0)
    return TRUE;

  probability_sums = g_new0 (double, bins->len);
  outcome_sums = g_new0 (double, bins->len);
  for (guint i = 0; i < bins->len; i++)
    {
      HsCalibrationBin *bin = &g_array_index (bins, HsCalibrationBin, i);

      if (bin->count > 0)
        {
          probability_sums[i] = bin->mean_probability * bin->count;
          outcome_sums[i] = bin->observed * bin->count;
        }
    }

  data = (CalibrationData) { bins, probability_sums, outcome_sums };
  if (!for_each_worded (self, cut, add_to_bin, &data, error))
    return FALSE;

  for (guint i = 0; i < bins->len; i++)
    {
      HsCalibrationBin *bin = &g_array_index (bins, HsCalibrationBin, i);

      if (bin->words > 0)
        {
          bin->mean_probability = probability_sums[i] / bin->count;
          bin->observed = outcome_sums[i] / bin->count;
        }
    }
  return TRUE;
}
