/* hs-words-scale.c: the probability that confidence words imply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most speakers give words, not numbers: "very likely", "perhaps", 很可能.
 * A scale turns such words into a probability, so that their predictions
 * can be scored too, when the person asks for it (the default scores only
 * stated numbers).
 *
 * The estimative scale follows Sherman Kent's "Words of Estimative
 * Probability" (CIA, 1964) and the likelihood terms of the IPCC's guidance
 * note for its authors (2010), rounded to one figure each:
 *
 *   certain        0.95  Kent's "almost certain" is 93%; spoken "definitely"
 *                        is seldom the IPCC's 99%, so not 1.
 *   very likely    0.90  the IPCC's 90–100%, at its lower end.
 *   likely         0.70  Kent's "probable" (75%), the IPCC's 66–100%.
 *   more likely    0.60  the IPCC's "more likely than not", >50%.
 *   about even     0.50  Kent's "chances about even".
 *   possible       0.40  "may", "might", "perhaps", "has a chance": surveys
 *                        of readers (Mauboussin 2018) put them a little below
 *                        even, and a speaker who meant "likely" says so.
 *   unlikely       0.20  Kent's "probably not" (30%), the IPCC's 0–33%.
 *   very unlikely  0.10  the IPCC's 0–10%, at its upper end.
 *   impossible     0.05  the mirror of certain.
 *
 * The IPCC's Chinese reports use 可能 for "likely"; in speech it means
 * "may", which is how it is read here (很可能 is "very likely").
 *
 * The matcher looks for every listed phrase in the words, case-insensitive
 * and on word boundaries for English, and takes the longest one found (the
 * most specific: "very unlikely" over "unlikely" over "likely"), the
 * earliest on a tie. Common negations are listed as phrases of their own
 * ("not likely", "isn't very large", 不太可能); any other phrase right
 * after "not", "n't", "never", "no", 不, 没 or 未 takes its step's negated
 * probability, which is listed beside it ("not certain" means about even,
 * not almost impossible).
 */

#define G_LOG_DOMAIN "hindsight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-words-scale.h"

static const char *const certain[] = {
  "certain", "certainly", "definitely", "will definitely", "surely", "for sure", "no doubt",
  "without doubt", "without a doubt", "no matter what", "guaranteed", "inevitable", "inevitably",
  "bound to", "almost certain", "almost certainly", "virtually certain", "absolutely",
  "一定", "肯定", "必然", "必定", "必将", "注定", "毫无疑问", "毫无悬念", "几乎确定", "确定无疑",
  NULL
};
static const char *const very_likely[] = {
  "very likely", "highly likely", "extremely likely", "very probable", "very confident",
  "highly confident", "very high probability", "very high chance", "very good chance",
  "very optimistic", "almost sure",
  "很可能", "非常可能", "极有可能", "极可能", "非常有可能", "很有把握", "非常确信", "概率很高",
  "可能性非常大",
  NULL
};
static const char *const likely[] = {
  "likely", "most likely", "quite likely", "probably", "probable", "high probability",
  "probability is high", "quite high", "good chance", "fairly optimistic", "confident",
  "expect", "expects", "expected", "expecting",
  "大概率", "很有可能", "可能性很大", "可能性大", "大概", "多半", "应该会", "预计", "有望",
  NULL
};
static const char *const more_likely[] = {
  "more likely", "more likely than not", "better than even", "somewhat likely", "i believe",
  "we believe", "willing to believe", "leaning towards", "lean towards", "optimistic",
  "更可能", "更有可能", "比较可能", "相信", "倾向于",
  NULL
};
static const char *const even[] = {
  "even chance", "even odds", "50-50", "fifty-fifty", "fifty fifty", "toss-up", "coin flip",
  "about even", "not sure", "not certain", "uncertain", "unsure", "hard to say",
  "一半一半", "五五开", "不确定", "不一定", "难说", "说不准",
  NULL
};
static const char *const possible[] = {
  "possible", "possibly", "may", "may be", "maybe", "perhaps", "might", "could", "chance",
  "a chance", "has a chance", "have a chance", "real possibility", "it's possible",
  "conceivably", "potentially", "there is a chance",
  "可能", "有可能", "也许", "或许", "说不定", "有机会", "有希望", "有可能性",
  NULL
};
static const char *const unlikely[] = {
  "unlikely", "not likely", "not very likely", "isn't likely", "improbable", "probably not",
  "doubtful", "doubt", "small chance", "slim chance", "low probability", "low chance",
  "isn't very large", "is not very large", "not very large", "isn't large", "not large",
  "isn't high", "not high", "not very high",
  "不太可能", "不大可能", "可能性不大", "可能性很小", "可能性小", "概率不大", "概率很小",
  "未必", "不太会",
  NULL
};
static const char *const very_unlikely[] = {
  "very unlikely", "highly unlikely", "extremely unlikely", "almost certainly not",
  "very doubtful", "very small chance", "very low probability", "remote chance",
  "极不可能", "几乎不可能", "很不可能", "非常不可能", "可能性极小",
  NULL
};
static const char *const impossible[] = {
  "impossible", "no chance", "certainly not", "definitely not", "no way",
  "不可能", "绝不可能", "绝对不会", "绝无可能",
  NULL
};

static const HsWordsStep estimative[] = {
  { 0.95, 0.5, N_("Certain"), certain },
  { 0.90, 0.2, N_("Very likely"), very_likely },
  { 0.70, 0.2, N_("Likely"), likely },
  { 0.60, 0.4, N_("More likely than not"), more_likely },
  { 0.50, 0.5, N_("About even"), even },
  { 0.40, 0.05, N_("Possible"), possible },
  { 0.20, 0.6, N_("Unlikely"), unlikely },
  { 0.10, 0.4, N_("Very unlikely"), very_unlikely },
  { 0.05, 0.4, N_("Impossible"), impossible },
};

static const char *const scale_names[HS_N_WORDS_SCALES] = { "none", "estimative" };

const char *
hs_words_scale_to_string (HsWordsScale scale)
{
  g_return_val_if_fail (scale < HS_N_WORDS_SCALES, NULL);
  return scale_names[scale];
}

gboolean
hs_words_scale_from_string (const char   *text,
                            HsWordsScale *scale)
{
  for (guint i = 0; i < HS_N_WORDS_SCALES; i++)
    if (g_strcmp0 (text, scale_names[i]) == 0)
      {
        *scale = (HsWordsScale) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hs_words_scale_names (void)
{
  return "none, estimative";
}

/**
 * hs_words_scale_get_title:
 *
 * Returns: the scale's name for people, untranslated (marked with N_())
 */
const char *
hs_words_scale_get_title (HsWordsScale scale)
{
  switch (scale)
    {
    case HS_WORDS_SCALE_ESTIMATIVE:
      return N_("Words of estimative probability (Kent, IPCC)");
    case HS_WORDS_SCALE_NONE:
    default:
      return N_("Stated numbers only");
    }
}

/**
 * hs_words_scale_get_steps:
 * @n_steps: (out): how many
 *
 * Returns: (array length=n_steps): the steps of @scale from the most to the
 *   least probable; none for %HS_WORDS_SCALE_NONE
 */
const HsWordsStep *
hs_words_scale_get_steps (HsWordsScale  scale,
                          guint        *n_steps)
{
  if (scale != HS_WORDS_SCALE_ESTIMATIVE)
    {
      *n_steps = 0;
      return NULL;
    }
  *n_steps = G_N_ELEMENTS (estimative);
  return estimative;
}

/* Lower case, one kind of apostrophe, single spaces: the form the phrases
 * are listed in. */
static char *
normalize (const char *words)
{
  g_autofree char *lower = g_utf8_strdown (words, -1);
  GString *out = g_string_sized_new (strlen (lower));
  gboolean space = FALSE;

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07)
        g_string_append_c (out, '\'');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_word_byte (char c)
{
  return g_ascii_isalnum (c) || c == '\'';
}

/* English phrases match whole words only: "may" is not in "mayor". */
static gboolean
on_boundaries (const char *text,
               const char *at,
               gsize       length)
{
  if (at > text && g_ascii_isalnum (at[0]) && is_word_byte (at[-1]))
    return FALSE;
  if (g_ascii_isalnum (at[length - 1]) && is_word_byte (at[length]))
    return FALSE;
  return TRUE;
}

static gboolean
ends_with_word (const char *text,
                gsize       length,
                const char *word)
{
  gsize n = strlen (word);

  if (length < n || memcmp (text + length - n, word, n) != 0)
    return FALSE;
  return length == n || !g_ascii_isalnum (text[length - n - 1]);
}

/* "not", "n't", "never" or "no" as the word before, or 不, 没, 未 right
 * before. */
static gboolean
is_negated (const char *text,
            const char *at)
{
  static const char *const chinese[] = { "不", "没", "未", "并非", "不是" };
  gsize length = at - text;

  for (guint i = 0; i < G_N_ELEMENTS (chinese); i++)
    {
      gsize n = strlen (chinese[i]);

      if (length >= n && memcmp (at - n, chinese[i], n) == 0)
        return TRUE;
    }

  while (length > 0 && text[length - 1] == ' ')
    length--;
  if (length == (gsize) (at - text))
    return FALSE;  /* English negations are words of their own */
  if (length >= 3 && memcmp (text + length - 3, "n't", 3) == 0)
    return TRUE;
  return ends_with_word (text, length, "not") || ends_with_word (text, length, "never") ||
         ends_with_word (text, length, "no");
}

/**
 * hs_words_scale_match:
 * @words: (nullable): confidence words as stated
 * @match: (out caller-allocates) (optional): what was found
 *
 * Returns: whether @words hold a phrase of @scale; never for
 *   %HS_WORDS_SCALE_NONE
 */
gboolean
hs_words_scale_match (HsWordsScale  scale,
                      const char   *words,
                      HsWordsMatch *match)
{
  g_autofree char *text = NULL;
  const HsWordsStep *best = NULL;
  const char *best_phrase = NULL;
  const char *best_at = NULL;
  glong best_length = 0;

  if (scale != HS_WORDS_SCALE_ESTIMATIVE || words == NULL || !g_utf8_validate (words, -1, NULL))
    return FALSE;

  text = normalize (words);
  for (guint i = 0; i < G_N_ELEMENTS (estimative); i++)
    for (const char *const *phrase = estimative[i].phrases; *phrase; phrase++)
      {
        gsize bytes = strlen (*phrase);
        glong length = g_utf8_strlen (*phrase, -1);

        if (length < best_length)
          continue;
        for (const char *at = strstr (text, *phrase); at; at = strstr (at + 1, *phrase))
          {
            if (!on_boundaries (text, at, bytes))
              continue;
            if (length > best_length || at < best_at)
              {
                best = &estimative[i];
                best_phrase = *phrase;
                best_at = at;
                best_length = length;
              }
            break;
          }
      }

  if (best == NULL)
    return FALSE;

  if (match != NULL)
    {
      match->step = best;
      match->phrase = best_phrase;
      match->negated = is_negated (text, best_at);
      match->probability = match->negated ? best->negated : best->probability;
    }
  return TRUE;
}
