/* hs-words-scale.h: the probability that confidence words imply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How predictions stated in words, not numbers, are scored. */
typedef enum
{
  HS_WORDS_SCALE_NONE,        /* stated numbers only: words are not scored */
  HS_WORDS_SCALE_ESTIMATIVE,  /* words of estimative probability, after Kent and the IPCC */
} HsWordsScale;

#define HS_N_WORDS_SCALES 2

/* One step of a scale: the phrases that mean about @probability. The
 * phrases are lower case, English first, then Chinese. */
typedef struct
{
  double             probability;
  double             negated;   /* what a phrase of the step means after "not" */
  const char        *name;      /* "Very likely": untranslated, marked with N_() */
  const char *const *phrases;   /* NULL-terminated */
} HsWordsStep;

/* What the matcher found in a prediction's words. */
typedef struct
{
  double       probability;  /* implied by the words */
  const char  *phrase;       /* the listed phrase found */
  const HsWordsStep *step;   /* the step the phrase belongs to */
  gboolean     negated;      /* after "not", "n't", "never" or 不: the step's negated probability */
} HsWordsMatch;

const char        *hs_words_scale_to_string   (HsWordsScale   scale);
gboolean           hs_words_scale_from_string (const char    *text,
                                               HsWordsScale  *scale);
const char        *hs_words_scale_names       (void);
const char        *hs_words_scale_get_title   (HsWordsScale   scale);
const HsWordsStep *hs_words_scale_get_steps   (HsWordsScale   scale,
                                               guint         *n_steps);
gboolean           hs_words_scale_match       (HsWordsScale   scale,
                                               const char    *words,
                                               HsWordsMatch  *match);

G_END_DECLS
