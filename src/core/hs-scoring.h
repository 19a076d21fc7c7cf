/* hs-scoring.h: keeping score of predictions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hs-speaker.h"
#include "hs-types.h"

G_BEGIN_DECLS

/* One speaker's record. Ratios are NAN where there is nothing to divide. */
typedef struct
{
  HsSpeaker *speaker;
  guint      predictions;
  guint      resolved;     /* confirmed + partial + refuted + ambiguous */
  guint      confirmed;
  guint      partial;
  guint      refuted;
  guint      ambiguous;
  guint      open;
  guint      overdue;      /* open, and past the latest resolve date */
  double     hit_rate;     /* (confirmed + ½ partial) / (confirmed + partial + refuted) */
  double     hit_low;      /* 95% Wilson interval of the hit rate */
  double     hit_high;
  double     brier;        /* mean (p − outcome)² over resolved predictions with a probability */
  guint      brier_count;
  guint      brier_words;  /* of brier_count, those whose probability came from their words */
} HsScoreRow;

#define HS_TYPE_SCORE_ROW (hs_score_row_get_type ())

GType       hs_score_row_get_type (void) G_GNUC_CONST;
HsScoreRow *hs_score_row_new      (HsSpeaker        *speaker);
HsScoreRow *hs_score_row_copy     (const HsScoreRow *self);
void        hs_score_row_free     (HsScoreRow       *self);
void        hs_score_row_finish   (HsScoreRow       *self,
                                   double            brier_sum);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsScoreRow, hs_score_row_free)

/* Stated probabilities in [lower, upper), the last bin closed at 1. */
typedef struct
{
  double lower;
  double upper;
  guint  count;             /* resolved predictions (ambiguous left out) in the bin */
  double mean_probability;  /* where the bin is plotted; NAN when empty */
  double observed;          /* mean outcome: 1 confirmed, ½ partial, 0 refuted; NAN when empty */
  guint  words;             /* of count, those whose probability came from their words */
} HsCalibrationBin;

double   hs_scoring_outcome        (HsStatus  status);
gboolean hs_scoring_wilson         (double    successes,
                                    double    trials,
                                    double    z,
                                    double   *low,
                                    double   *high);

G_END_DECLS
