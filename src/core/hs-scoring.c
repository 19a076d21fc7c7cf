/* hs-scoring.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <math.h>

#include "hs-scoring.h"

G_DEFINE_BOXED_TYPE (HsScoreRow, hs_score_row, hs_score_row_copy, hs_score_row_free)

HsScoreRow *
hs_score_row_new (HsSpeaker *speaker)
{
  HsScoreRow *self = g_new0 (HsScoreRow, 1);

  self->speaker = speaker != NULL ? g_object_ref (speaker) : NULL;
  self->hit_rate = self->hit_low = self->hit_high = self->brier = NAN;

  return self;
}

HsScoreRow *
hs_score_row_copy (const HsScoreRow *self)
{
  HsScoreRow *copy = g_memdup2 (self, sizeof *self);

  if (copy->speaker != NULL)
    g_object_ref (copy->speaker);
  return copy;
}

void
hs_score_row_free (HsScoreRow *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->speaker);
  g_free (self);
}

/* Fills in the ratios from the counts, once the counts are final. */
void
hs_score_row_finish (HsScoreRow *self,
                     double      brier_sum)
{
  double scored = self->confirmed + self->partial + self->refuted;
  double hits = self->confirmed + 0.5 * self->partial;

  self->hit_rate = self->hit_low = self->hit_high = NAN;
  if (scored > 0)
    {
      self->hit_rate = hits / scored;
      hs_scoring_wilson (hits, scored, 1.959963984540054, &self->hit_low, &self->hit_high);
    }
  self->brier = self->brier_count > 0 ? brier_sum / self->brier_count : NAN;
}

/* What a resolution counts as when scored: NAN for what is not scored. */
double
hs_scoring_outcome (HsStatus status)
{
  switch (status)
    {
    case HS_STATUS_CONFIRMED:
      return 1.0;
    case HS_STATUS_PARTIAL:
      return 0.5;
    case HS_STATUS_REFUTED:
      return 0.0;
    case HS_STATUS_OPEN:
    case HS_STATUS_AMBIGUOUS:
    default:
      return NAN;
    }
}

/* The Wilson score interval: unlike the normal approximation it stays inside
 * [0, 1] and is honest about how little three resolved predictions say,
 * which is the usual case for one speaker. Partial hits count as half a
 * success, so @successes need not be whole. */
gboolean
hs_scoring_wilson (double  successes,
                   double  trials,
                   double  z,
                   double *low,
                   double *high)
{
  double p, z2, denominator, centre, margin;

  if (!(trials > 0) || successes < 0 || successes > trials)
    {
      *low = *high = NAN;
      return FALSE;
    }

  p = successes / trials;
  z2 = z * z;
  denominator = 1.0 + z2 / trials;
  centre = (p + z2 / (2.0 * trials)) / denominator;
  margin = z * sqrt (p * (1.0 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;

  *low = MAX (0.0, centre - margin);
  *high = MIN (1.0, centre + margin);
  return TRUE;
}
