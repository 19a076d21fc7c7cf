/* test-words.c: the probability that confidence words imply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "test-utils.h"

typedef struct
{
  const char *words;
  double      probability;   /* NAN: no phrase of the scale */
  const char *phrase;
  gboolean    negated;
} MatchCase;

static void
assert_matches (const MatchCase *cases,
                guint            n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      const MatchCase *c = &cases[i];
      HsWordsMatch match = { 0 };
      gboolean found = hs_words_scale_match (HS_WORDS_SCALE_ESTIMATIVE, c->words, &match);
      g_autofree char *shown = g_utf8_make_valid (c->words ? c->words : "(null)", -1);

      g_test_message ("“%s”", shown);
      if (isnan (c->probability))
        {
          g_assert_false (found);
          continue;
        }
      g_assert_true (found);
      g_assert_cmpfloat_with_epsilon (match.probability, c->probability, 1e-12);
      g_assert_cmpstr (match.phrase, ==, c->phrase);
      g_assert_cmpint (match.negated, ==, c->negated);
      g_assert_nonnull (match.step);
    }
}

/* The words of the bundled dataset, as published. */
static void
test_english (void)
{
  static const MatchCase cases[] = {
    { "very likely", 0.9, "very likely", FALSE },
    { "Very Likely", 0.9, "very likely", FALSE },
    { "likely", 0.7, "likely", FALSE },
    { "most likely", 0.7, "most likely", FALSE },
    { "Probably", 0.7, "probably", FALSE },
    { "more likely", 0.6, "more likely", FALSE },
    { "perhaps", 0.4, "perhaps", FALSE },
    { "perhaps one day", 0.4, "perhaps", FALSE },
    { "might", 0.4, "might", FALSE },
    { "maybe", 0.4, "maybe", FALSE },
    { "may be", 0.4, "may be", FALSE },
    { "has a chance", 0.4, "has a chance", FALSE },
    { "It’s possible", 0.4, "it's possible", FALSE },
    { "very high probability", 0.9, "very high probability", FALSE },
    { "no matter what", 0.95, "no matter what", FALSE },
    { "will definitely be a gradual process", 0.95, "will definitely", FALSE },
    { "I’m very confident … will definitely emerge", 0.95, "will definitely", FALSE },
    { "the probability is actually quite high. I’m fairly optimistic.", 0.7, "fairly optimistic", FALSE },
    { "could happen quite quickly", 0.4, "could", FALSE },
    { "we increasingly expect", 0.7, "expect", FALSE },
    { "I’m willing to believe", 0.6, "willing to believe", FALSE },
    /* Spaces of any kind and width are one space. */
    { "  very\u00a0 \tlikely ", 0.9, "very likely", FALSE },
  };

  assert_matches (cases, G_N_ELEMENTS (cases));
}

static void
test_chinese (void)
{
  static const MatchCase cases[] = {
    { "很可能", 0.9, "很可能", FALSE },
    { "可能", 0.4, "可能", FALSE },
    { "一定", 0.95, "一定", FALSE },
    { "也许", 0.4, "也许", FALSE },
    { "我觉得今年大概率会发生", 0.7, "大概率", FALSE },
    { "可能性不大", 0.2, "可能性不大", FALSE },
    { "不太可能", 0.2, "不太可能", FALSE },
    { "几乎不可能", 0.1, "几乎不可能", FALSE },
    { "不一定", 0.5, "不一定", FALSE },
  };

  assert_matches (cases, G_N_ELEMENTS (cases));
}

static void
test_negation (void)
{
  static const MatchCase cases[] = {
    /* Listed as phrases of their own. */
    { "not likely", 0.2, "not likely", FALSE },
    { "not very likely", 0.2, "not very likely", FALSE },
    { "The probability isn’t very large, but it is real.", 0.2, "isn't very large", FALSE },
    { "probably not", 0.2, "probably not", FALSE },
    { "not certain", 0.5, "not certain", FALSE },
    { "不可能", 0.05, "不可能", FALSE },
    /* Not listed: the step's negated probability. */
    { "it is not probable", 0.2, "probable", TRUE },
    { "this isn't certain", 0.5, "certain", TRUE },
    { "never expected", 0.2, "expected", TRUE },
    { "not possible", 0.05, "possible", TRUE },
    { "not impossible", 0.4, "impossible", TRUE },
    { "not unlikely", 0.6, "unlikely", TRUE },
    { "不是很可能", 0.2, "很可能", TRUE },
    { "没有可能", 0.05, "有可能", TRUE },
    /* A negation elsewhere does not count. */
    { "not now, but likely", 0.7, "likely", FALSE },
    { "nothing likely", 0.7, "likely", FALSE },
  };

  assert_matches (cases, G_N_ELEMENTS (cases));
}

static void
test_no_match (void)
{
  static const MatchCase cases[] = {
    { NULL, NAN, NULL, FALSE },
    { "", NAN, NULL, FALSE },
    { "   ", NAN, NULL, FALSE },
    { "People will see", NAN, NULL, FALSE },
    /* Whole words only. */
    { "the mayor said", NAN, NULL, FALSE },
    { "a mighty model", NAN, NULL, FALSE },
    { "unexpectedly", NAN, NULL, FALSE },
    { "<b>certainly</b>", 0.95, "certainly", FALSE },
    { "\xff\xfe not UTF-8 likely", NAN, NULL, FALSE },
  };

  assert_matches (cases, G_N_ELEMENTS (cases));

  /* Stated numbers only: words never match. */
  g_assert_false (hs_words_scale_match (HS_WORDS_SCALE_NONE, "very likely", NULL));
}

/* The most specific phrase wins, the earliest on a tie. */
static void
test_longest (void)
{
  static const MatchCase cases[] = {
    { "very unlikely", 0.1, "very unlikely", FALSE },
    { "highly unlikely, though possible", 0.1, "highly unlikely", FALSE },
    { "likely, or very likely", 0.9, "very likely", FALSE },
    { "more likely than not", 0.6, "more likely than not", FALSE },
    { "maybe, perhaps", 0.4, "perhaps", FALSE },  /* 7 characters beat 5 */
    { "might, could", 0.4, "might", FALSE },      /* a tie: the first */
    { "likely? unlikely!", 0.2, "unlikely", FALSE },
  };

  assert_matches (cases, G_N_ELEMENTS (cases));
}

/* The table a person reads in Preferences is the one the matcher uses,
 * ordered from most to least probable, every phrase in the form the
 * matcher looks for, and no phrase in two steps. */
static void
test_table (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const HsWordsStep *steps;
  guint n_steps;

  steps = hs_words_scale_get_steps (HS_WORDS_SCALE_NONE, &n_steps);
  g_assert_null (steps);
  g_assert_cmpuint (n_steps, ==, 0);

  steps = hs_words_scale_get_steps (HS_WORDS_SCALE_ESTIMATIVE, &n_steps);
  g_assert_cmpuint (n_steps, >=, 5);
  for (guint i = 0; i < n_steps; i++)
    {
      g_assert_true (steps[i].probability > 0 && steps[i].probability < 1);
      g_assert_true (steps[i].negated > 0 && steps[i].negated < 1);
      if (i > 0)
        g_assert_cmpfloat (steps[i].probability, <, steps[i - 1].probability);
      g_assert_nonnull (steps[i].name);
      for (const char *const *phrase = steps[i].phrases; *phrase; phrase++)
        {
          g_autofree char *lower = g_utf8_strdown (*phrase, -1);
          HsWordsMatch match;

          g_test_message ("“%s”", *phrase);
          g_assert_cmpstr (lower, ==, *phrase);
          g_assert_false (g_hash_table_contains (seen, *phrase));
          g_hash_table_add (seen, (gpointer) *phrase);

          /* Each phrase alone is found as itself. */
          g_assert_true (hs_words_scale_match (HS_WORDS_SCALE_ESTIMATIVE, *phrase, &match));
          g_assert_cmpstr (match.phrase, ==, *phrase);
          g_assert_true (match.step == &steps[i]);
          g_assert_false (match.negated);
          g_assert_cmpfloat (match.probability, ==, steps[i].probability);
        }
    }
}

static void
test_names (void)
{
  HsWordsScale scale = HS_WORDS_SCALE_ESTIMATIVE;

  for (guint i = 0; i < HS_N_WORDS_SCALES; i++)
    {
      const char *name = hs_words_scale_to_string (i);

      g_assert_true (hs_words_scale_from_string (name, &scale));
      g_assert_cmpint (scale, ==, i);
      g_assert_nonnull (strstr (hs_words_scale_names (), name));
      g_assert_nonnull (hs_words_scale_get_title (i));
    }
  g_assert_false (hs_words_scale_from_string ("kent", &scale));
  g_assert_false (hs_words_scale_from_string (NULL, &scale));
  g_assert_cmpint (scale, ==, HS_N_WORDS_SCALES - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  test_init_environment ();

  g_test_add_func ("/core/words/english", test_english);
  g_test_add_func ("/core/words/chinese", test_chinese);
  g_test_add_func ("/core/words/negation", test_negation);
  g_test_add_func ("/core/words/no-match", test_no_match);
  g_test_add_func ("/core/words/longest", test_longest);
  g_test_add_func ("/core/words/table", test_table);
  g_test_add_func ("/core/words/names", test_names);

  return g_test_run ();
}
