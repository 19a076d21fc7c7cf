/* test-scoring.c: hit rates, Wilson intervals, Brier scores, calibration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "test-utils.h"

/* A small scorecard worked out by hand.
 *
 * Alice, nine predictions:
 *   a1 p=0.9  confirmed        (0.9 − 1)²   = 0.01
 *   a2 p=0.6  partial          (0.6 − 0.5)² = 0.01
 *   a3 p=0.2  refuted          (0.2 − 0)²   = 0.04
 *   a4 —      confirmed
 *   a5 p=0.5  ambiguous        left out of hit rate and Brier
 *   a6 p=1.0  open, due 2026-06-30             overdue on 2026-11-22
 *   a7 —      open, due 2027-12-31
 *   a8 —      open-ended
 *   a9 —      confirmed, then reopened; due 2026-01-31   overdue
 *   hit rate (2 + ½) / 4 = 0.625, Brier 0.06 / 3 = 0.02
 * Bob, two open predictions: no hit rate, no Brier.
 * Dan, four:
 *   d1 p=1.0 confirmed 0, d2 p=0.95 refuted 0.9025, d3 p=0.25 confirmed 0.5625,
 *   d4 p=0.0 refuted 0: hit rate 0.5, Brier 1.465 / 4 = 0.36625
 * Carol said something, but predicted nothing: she has no row.
 */
static const char scorecard_json[] =
  "{ \"format\": \"hindsight\", \"version\": 1,\n"
  "  \"speakers\": [ { \"id\": \"alice\", \"name\": \"Alice\" }, { \"id\": \"bob\", \"name\": \"Bob\" },\n"
  "                { \"id\": \"carol\", \"name\": \"Carol\" }, { \"id\": \"dan\", \"name\": \"Dan\" } ],\n"
  "  \"topics\": [ { \"id\": \"agents\", \"name\": \"Agents\" }, { \"id\": \"compute\", \"name\": \"Compute\" } ],\n"
  "  \"claims\": [\n"
  "    { \"id\": \"a1\", \"speaker\": \"alice\", \"text\": \"a1\", \"stated_on\": \"2025-03-01\", \"topics\": [\"agents\"],\n"
  "      \"prediction\": { \"horizon\": \"this year\", \"probability\": 0.9,\n"
  "        \"resolutions\": [ { \"status\": \"confirmed\", \"on\": \"2025-12-01\" } ] } },\n"
  "    { \"id\": \"a2\", \"speaker\": \"alice\", \"text\": \"a2\", \"stated_on\": \"2025-03-01\", \"topics\": [\"agents\"],\n"
  "      \"prediction\": { \"horizon\": \"this year\", \"probability\": 0.6,\n"
  "        \"resolutions\": [ { \"status\": \"partial\", \"on\": \"2025-12-01\" } ] } },\n"
  "    { \"id\": \"a3\", \"speaker\": \"alice\", \"text\": \"a3\", \"stated_on\": \"2025-03-01\", \"topics\": [\"compute\"],\n"
  "      \"prediction\": { \"horizon\": \"this year\", \"probability\": 0.2,\n"
  "        \"resolutions\": [ { \"status\": \"refuted\", \"on\": \"2025-12-01\" } ] } },\n"
  "    { \"id\": \"a4\", \"speaker\": \"alice\", \"text\": \"a4\", \"stated_on\": \"2025-06-01\",\n"
  "      \"prediction\": { \"horizon\": \"this year\",\n"
  "        \"resolutions\": [ { \"status\": \"confirmed\", \"on\": \"2025-12-01\" } ] } },\n"
  "    { \"id\": \"a5\", \"speaker\": \"alice\", \"text\": \"a5\", \"stated_on\": \"2025-06-01\",\n"
  "      \"prediction\": { \"horizon\": \"this year\", \"probability\": 0.5,\n"
  "        \"resolutions\": [ { \"status\": \"ambiguous\", \"on\": \"2025-12-01\" } ] } },\n"
  "    { \"id\": \"a6\", \"speaker\": \"alice\", \"text\": \"a6\", \"stated_on\": \"2026-01-01\",\n"
  "      \"prediction\": { \"horizon\": \"by mid-year\", \"earliest\": \"2026-01-01\", \"latest\": \"2026-06-30\",\n"
  "                      \"probability\": 1.0 } },\n"
  "    { \"id\": \"a7\", \"speaker\": \"alice\", \"text\": \"a7\", \"stated_on\": \"2026-01-01\",\n"
  "      \"prediction\": { \"horizon\": \"next year\" } },\n"
  "    { \"id\": \"a8\", \"speaker\": \"alice\", \"text\": \"a8\", \"stated_on\": \"2026-01-01\",\n"
  "      \"prediction\": { \"horizon\": \"eventually\" } },\n"
  "    { \"id\": \"a9\", \"speaker\": \"alice\", \"text\": \"a9\", \"stated_on\": \"2026-01\",\n"
  "      \"prediction\": { \"horizon\": \"this month\",\n"
  "        \"resolutions\": [ { \"status\": \"confirmed\", \"on\": \"2026-01-20\" },\n"
  "                           { \"status\": \"open\", \"on\": \"2026-02-01\" } ] } },\n"
  "    { \"id\": \"b1\", \"speaker\": \"bob\", \"text\": \"b1\", \"stated_on\": \"2026-01-01\", \"topics\": [\"agents\"],\n"
  "      \"prediction\": { \"horizon\": \"next year\", \"probability\": 0.3 } },\n"
  "    { \"id\": \"b2\", \"speaker\": \"bob\", \"text\": \"b2\", \"stated_on\": \"2026-01-01\",\n"
  "      \"prediction\": { \"horizon\": \"eventually\" } },\n"
  "    { \"id\": \"c1\", \"speaker\": \"carol\", \"text\": \"c1\", \"stated_on\": \"2026-01-01\" },\n"
  "    { \"id\": \"d1\", \"speaker\": \"dan\", \"text\": \"d1\", \"stated_on\": \"2025-01-01\",\n"
  "      \"prediction\": { \"horizon\": \"this year\", \"probability\": 1.0,\n"
  "        \"resolutions\": [ { \"status\": \"confirmed\", \"on\": \"2025-06-01\" } ] } },\n"
  "    { \"id\": \"d2\", \"speaker\": \"dan\", \"text\": \"d2\", \"stated_on\": \"2025-01-01\",\n"
  "      \"prediction\": { \"horizon\": \"this year\", \"probability\": 0.95,\n"
  "        \"resolutions\": [ { \"status\": \"refuted\", \"on\": \"2025-06-01\" } ] } },\n"
  "    { \"id\": \"d3\", \"speaker\": \"dan\", \"text\": \"d3\", \"stated_on\": \"2025-01-01\",\n"
  "      \"prediction\": { \"horizon\": \"this year\", \"probability\": 0.25,\n"
  "        \"resolutions\": [ { \"status\": \"confirmed\", \"on\": \"2025-06-01\" } ] } },\n"
  "    { \"id\": \"d4\", \"speaker\": \"dan\", \"text\": \"d4\", \"stated_on\": \"2025-01-01\",\n"
  "      \"prediction\": { \"horizon\": \"this year\", \"probability\": 0.0,\n"
  "        \"resolutions\": [ { \"status\": \"refuted\", \"on\": \"2025-06-01\" } ] } }\n"
  "  ] }\n";

typedef struct
{
  char    *dir;
  HsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_make_tmp_dir ();
  fixture->store = test_open_store (fixture->dir, "scorecard.db");
}

static void
fixture_set_up_scores (Fixture       *fixture,
                       gconstpointer  data)
{
  fixture_set_up (fixture, data);
  test_import_json (fixture->store, scorecard_json);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store != NULL)
    test_assert_finalize (&fixture->store);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

#define EPSILON 1e-9

/* Expected ratios; NAN where there must be none. */
static void
assert_ratio (double actual,
              double expected,
              double epsilon)
{
  if (isnan (expected))
    g_assert_true (isnan (actual));
  else
    g_assert_cmpfloat_with_epsilon (actual, expected, epsilon);
}

/* ---------------------------------------------------------------------- */
/* The Wilson interval and outcomes                                        */

static void
test_wilson (void)
{
  static const struct
  {
    double   successes;
    double   trials;
    double   z;
    gboolean ok;
    double   low;
    double   high;
  } cases[] = {
    { 5, 10, 1.96, TRUE, 0.236590, 0.763410 },
    { 10, 10, 1.96, TRUE, 0.722460, 1.0 },
    { 0, 10, 1.96, TRUE, 0.0, 0.277540 },
    { 1, 1, 1.96, TRUE, 0.206543, 1.0 },
    /* Half successes: partial hits count half. */
    { 2.5, 4, 1.959963984540054, TRUE, 0.219427, 0.908101 },
    { 1.5, 2, 1.959963984540054, TRUE, 0.197867, 0.973323 },
    { 2, 4, 1.959963984540054, TRUE, 0.150039, 0.849961 },
    /* Nothing to say. */
    { 0, 0, 1.96, FALSE, NAN, NAN },
    { 1, 0, 1.96, FALSE, NAN, NAN },
    { -1, 4, 1.96, FALSE, NAN, NAN },
    { 5, 4, 1.96, FALSE, NAN, NAN },
    { 1, NAN, 1.96, FALSE, NAN, NAN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double low = 42, high = 42;
      gboolean ok;

      g_test_message ("%g of %g", cases[i].successes, cases[i].trials);
      ok = hs_scoring_wilson (cases[i].successes, cases[i].trials, cases[i].z, &low, &high);
      g_assert_cmpint (ok, ==, cases[i].ok);
      assert_ratio (low, cases[i].low, 1e-6);
      assert_ratio (high, cases[i].high, 1e-6);
      if (ok)
        {
          /* The interval holds the observed rate and stays inside [0, 1]. */
          g_assert_cmpfloat (low, <=, cases[i].successes / cases[i].trials);
          g_assert_cmpfloat (high, >=, cases[i].successes / cases[i].trials);
          g_assert_cmpfloat (low, >=, 0.0);
          g_assert_cmpfloat (high, <=, 1.0);
        }
    }

  /* Rounded as a person reads it off a table. */
  {
    double low, high;

    g_assert_true (hs_scoring_wilson (5, 10, 1.96, &low, &high));
    g_assert_cmpfloat_with_epsilon (low, 0.2366, 1e-3);
    g_assert_cmpfloat_with_epsilon (high, 0.7634, 1e-3);
  }
}

static void
test_outcome (void)
{
  g_assert_cmpfloat (hs_scoring_outcome (HS_STATUS_CONFIRMED), ==, 1.0);
  g_assert_cmpfloat (hs_scoring_outcome (HS_STATUS_PARTIAL), ==, 0.5);
  g_assert_cmpfloat (hs_scoring_outcome (HS_STATUS_REFUTED), ==, 0.0);
  g_assert_true (isnan (hs_scoring_outcome (HS_STATUS_OPEN)));
  g_assert_true (isnan (hs_scoring_outcome (HS_STATUS_AMBIGUOUS)));
}

static void
test_row_finish (void)
{
  HsSpeaker *speaker = hs_speaker_new ("s", "S");
  HsScoreRow *row = hs_score_row_new (speaker);
  HsScoreRow *copy;

  g_assert_true (isnan (row->hit_rate));
  g_assert_true (isnan (row->brier));

  /* Ambiguous and open are counted but not scored. */
  row->ambiguous = 3;
  row->open = 2;
  hs_score_row_finish (row, 0.0);
  g_assert_true (isnan (row->hit_rate));
  g_assert_true (isnan (row->hit_low));
  g_assert_true (isnan (row->hit_high));
  g_assert_true (isnan (row->brier));

  row->confirmed = 1;
  row->partial = 1;
  row->refuted = 2;
  row->brier_count = 2;
  hs_score_row_finish (row, 0.5);
  g_assert_cmpfloat_with_epsilon (row->hit_rate, 1.5 / 4, EPSILON);
  g_assert_cmpfloat_with_epsilon (row->brier, 0.25, EPSILON);
  g_assert_cmpfloat (row->hit_low, <, row->hit_rate);
  g_assert_cmpfloat (row->hit_high, >, row->hit_rate);

  copy = hs_score_row_copy (row);
  g_assert_true (copy->speaker == speaker);
  g_assert_cmpfloat (copy->hit_rate, ==, row->hit_rate);
  hs_score_row_free (row);
  hs_score_row_free (copy);
  test_assert_finalize (&speaker);
}

/* ---------------------------------------------------------------------- */
/* Scorecards                                                              */

typedef struct
{
  const char *speaker;
  guint       predictions;
  guint       resolved;
  guint       confirmed;
  guint       partial;
  guint       refuted;
  guint       ambiguous;
  guint       open;
  guint       overdue;
  double      hit_rate;
  double      hit_low;
  double      hit_high;
  double      brier;
  guint       brier_count;
} ExpectedRow;

static void
assert_scorecard (HsStore           *store,
                  const HsQuery     *query,
                  const ExpectedRow *expected,
                  guint              n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = hs_store_scorecard (store, query, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      const HsScoreRow *row = g_ptr_array_index (rows, i);
      const ExpectedRow *e = &expected[i];

      g_test_message ("row of %s", e->speaker);
      g_assert_cmpstr (hs_speaker_get_id (row->speaker), ==, e->speaker);
      g_assert_cmpuint (row->predictions, ==, e->predictions);
      g_assert_cmpuint (row->resolved, ==, e->resolved);
      g_assert_cmpuint (row->confirmed, ==, e->confirmed);
      g_assert_cmpuint (row->partial, ==, e->partial);
      g_assert_cmpuint (row->refuted, ==, e->refuted);
      g_assert_cmpuint (row->ambiguous, ==, e->ambiguous);
      g_assert_cmpuint (row->open, ==, e->open);
      g_assert_cmpuint (row->overdue, ==, e->overdue);
      assert_ratio (row->hit_rate, e->hit_rate, EPSILON);
      assert_ratio (row->hit_low, e->hit_low, 1e-6);
      assert_ratio (row->hit_high, e->hit_high, 1e-6);
      assert_ratio (row->brier, e->brier, EPSILON);
      g_assert_cmpuint (row->brier_count, ==, e->brier_count);
    }
}

static void
test_scorecard (Fixture       *fixture,
                gconstpointer  data)
{
  static const ExpectedRow expected[] = {
    { "alice", 9, 5, 2, 1, 1, 1, 4, 2, 0.625, 0.219427, 0.908101, 0.02, 3 },
    { "bob", 2, 0, 0, 0, 0, 0, 2, 0, NAN, NAN, NAN, NAN, 0 },
    { "dan", 4, 4, 2, 0, 2, 0, 0, 0, 0.5, 0.150039, 0.849961, 0.36625, 4 },
  };
  HsQuery query;

  assert_scorecard (fixture->store, NULL, expected, G_N_ELEMENTS (expected));

  /* Filters that would cut away what is counted do not apply. */
  hs_query_init (&query);
  query.status = HS_STATUS_CONFIRMED;
  query.kind = HS_QUERY_KIND_CLAIMS;
  query.search = "a1";
  query.due_before = test_date ("2000-01-01");
  assert_scorecard (fixture->store, &query, expected, G_N_ELEMENTS (expected));

  /* One speaker. */
  hs_query_init (&query);
  query.speaker_id = "dan";
  assert_scorecard (fixture->store, &query, &expected[2], 1);
}

static void
test_scorecard_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = hs_store_scorecard (fixture->store, NULL, &error);
  g_autoptr(GArray) bins = hs_store_calibration (fixture->store, NULL, 10, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpuint (bins->len, ==, 10);
  for (guint i = 0; i < bins->len; i++)
    {
      HsCalibrationBin *bin = &g_array_index (bins, HsCalibrationBin, i);

      g_assert_cmpuint (bin->count, ==, 0);
      g_assert_true (isnan (bin->mean_probability));
      g_assert_true (isnan (bin->observed));
    }
}

static void
test_scorecard_cuts (Fixture       *fixture,
                     gconstpointer  data)
{
  /* On agents: a1 confirmed, a2 partial; b1 open. Dan said nothing on it. */
  static const ExpectedRow agents[] = {
    { "alice", 2, 2, 1, 1, 0, 0, 0, 0, 0.75, 0.197867, 0.973323, 0.01, 2 },
    { "bob", 1, 0, 0, 0, 0, 0, 1, 0, NAN, NAN, NAN, NAN, 0 },
  };
  /* Stated in 2026: a6–a9 and Bob's two. */
  static const ExpectedRow in_2026[] = {
    { "alice", 4, 0, 0, 0, 0, 0, 4, 2, NAN, NAN, NAN, NAN, 0 },
    { "bob", 2, 0, 0, 0, 0, 0, 2, 0, NAN, NAN, NAN, NAN, 0 },
  };
  /* Stated from March to June 2025: a1–a5. */
  static const ExpectedRow spring_2025[] = {
    { "alice", 5, 5, 2, 1, 1, 1, 0, 0, 0.625, 0.219427, 0.908101, 0.02, 3 },
  };
  HsQuery query;

  hs_query_init (&query);
  query.topic_id = "agents";
  assert_scorecard (fixture->store, &query, agents, G_N_ELEMENTS (agents));

  hs_query_init (&query);
  query.stated_from = test_date ("2026");
  assert_scorecard (fixture->store, &query, in_2026, G_N_ELEMENTS (in_2026));

  hs_query_init (&query);
  query.stated_from = test_date ("2025-03");
  query.stated_to = test_date ("2025-06");
  assert_scorecard (fixture->store, &query, spring_2025, G_N_ELEMENTS (spring_2025));

  hs_query_init (&query);
  query.topic_id = "nothing";
  assert_scorecard (fixture->store, &query, NULL, 0);
}

/* What is overdue depends on today, which the environment pins. */
static void
test_scorecard_overdue (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct
  {
    const char *today;
    guint       overdue;
  } cases[] = {
    { "2026-11-22", 2 },  /* a6 (due 2026-06-30) and the reopened a9 (2026-01-31) */
    { "2026-06-30", 1 },  /* a6 is due today: not overdue yet */
    { "2026-07-01", 2 },
    { "2026-01-31", 0 },
    { "2028-01-01", 3 },  /* a7 too (2027-12-31); a8 never */
  };
  g_autofree char *saved = g_strdup (g_getenv ("HINDSIGHT_TODAY"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      HsScoreRow *alice;

      g_test_message ("today %s", cases[i].today);
      g_setenv ("HINDSIGHT_TODAY", cases[i].today, TRUE);
      rows = hs_store_scorecard (fixture->store, NULL, &error);
      g_assert_no_error (error);
      alice = g_ptr_array_index (rows, 0);
      g_assert_cmpstr (hs_speaker_get_id (alice->speaker), ==, "alice");
      g_assert_cmpuint (alice->overdue, ==, cases[i].overdue);
    }

  g_setenv ("HINDSIGHT_TODAY", saved, TRUE);
}

/* ---------------------------------------------------------------------- */
/* Calibration                                                             */

typedef struct
{
  guint  index;
  guint  count;
  double mean;
  double observed;
} ExpectedBin;

static void
assert_calibration (HsStore           *store,
                    const HsQuery     *query,
                    guint              n_bins,
                    const ExpectedBin *expected,
                    guint              n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) bins = hs_store_calibration (store, query, n_bins, &error);
  guint total = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (bins->len, ==, n_bins);

  for (guint i = 0; i < n_bins; i++)
    {
      HsCalibrationBin *bin = &g_array_index (bins, HsCalibrationBin, i);
      const ExpectedBin *e = NULL;

      g_assert_cmpfloat_with_epsilon (bin->lower, (double) i / n_bins, EPSILON);
      g_assert_cmpfloat_with_epsilon (bin->upper, (double) (i + 1) / n_bins, EPSILON);

      for (guint k = 0; k < n_expected; k++)
        if (expected[k].index == i)
          e = &expected[k];

      g_test_message ("bin %u", i);
      if (e == NULL)
        {
          g_assert_cmpuint (bin->count, ==, 0);
          g_assert_true (isnan (bin->mean_probability));
          g_assert_true (isnan (bin->observed));
          continue;
        }
      g_assert_cmpuint (bin->count, ==, e->count);
      g_assert_cmpfloat_with_epsilon (bin->mean_probability, e->mean, EPSILON);
      g_assert_cmpfloat_with_epsilon (bin->observed, e->observed, EPSILON);
      total += bin->count;
    }

  /* Nothing was counted twice or in a bin not expected. */
  for (guint k = 0; k < n_expected; k++)
    total -= expected[k].count;
  g_assert_cmpuint (total, ==, 0);
}

static void
test_calibration (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Resolved with a probability, ambiguous (a5) and open (a6, b1) left out;
   * p = 1.0 (d1) lands in the last bin, p = 0.0 (d4) in the first. */
  static const ExpectedBin ten[] = {
    { 0, 1, 0.0, 0.0 },                 /* d4 */
    { 2, 2, 0.225, 0.5 },               /* a3 0.2 refuted, d3 0.25 confirmed */
    { 6, 1, 0.6, 0.5 },                 /* a2 partial */
    { 9, 3, 0.95, 2.0 / 3.0 },          /* a1 0.9, d1 1.0 confirmed; d2 0.95 refuted */
  };
  static const ExpectedBin two[] = {
    { 0, 3, (0.0 + 0.2 + 0.25) / 3, 1.0 / 3.0 },
    { 1, 4, (0.6 + 0.9 + 1.0 + 0.95) / 4, 2.5 / 4 },
  };
  static const ExpectedBin one[] = {
    { 0, 7, (0.0 + 0.2 + 0.25 + 0.6 + 0.9 + 1.0 + 0.95) / 7, 3.5 / 7 },
  };
  static const ExpectedBin alice[] = {
    { 2, 1, 0.2, 0.0 },
    { 6, 1, 0.6, 0.5 },
    { 9, 1, 0.9, 1.0 },
  };
  static const ExpectedBin spring_2025_agents[] = {
    { 6, 1, 0.6, 0.5 },
    { 9, 1, 0.9, 1.0 },
  };
  HsQuery query;

  assert_calibration (fixture->store, NULL, 10, ten, G_N_ELEMENTS (ten));
  assert_calibration (fixture->store, NULL, 2, two, G_N_ELEMENTS (two));
  assert_calibration (fixture->store, NULL, 1, one, G_N_ELEMENTS (one));

  hs_query_init (&query);
  query.speaker_id = "alice";
  assert_calibration (fixture->store, &query, 10, alice, G_N_ELEMENTS (alice));

  hs_query_init (&query);
  query.topic_id = "agents";
  query.stated_to = test_date ("2025");
  assert_calibration (fixture->store, &query, 10, spring_2025_agents,
                      G_N_ELEMENTS (spring_2025_agents));

  /* A status filter would leave only one outcome: it does not apply. */
  hs_query_init (&query);
  query.status = HS_STATUS_CONFIRMED;
  query.search = "a1";
  assert_calibration (fixture->store, &query, 10, ten, G_N_ELEMENTS (ten));
}

/* Resolving changes the score at once: a person resolving a prediction sees
 * the scorecard move. */
static void
test_scorecard_follows_history (Fixture       *fixture,
                                gconstpointer  data)
{
  static const ExpectedRow before[] = {
    { "bob", 2, 0, 0, 0, 0, 0, 2, 0, NAN, NAN, NAN, NAN, 0 },
  };
  static const ExpectedRow after[] = {
    /* b1 p=0.3 refuted: (0.3 − 0)² = 0.09 */
    { "bob", 2, 1, 0, 0, 1, 0, 1, 0, 0.0, 0.0, 0.793451, 0.09, 1 },
  };
  g_autoptr(GError) error = NULL;
  HsDate on = test_date ("2026-10-01");
  HsResolution *resolution = hs_resolution_new ("b1-refuted", HS_STATUS_REFUTED, &on);
  HsQuery query;

  hs_query_init (&query);
  query.speaker_id = "bob";
  assert_scorecard (fixture->store, &query, before, G_N_ELEMENTS (before));

  g_assert_true (hs_store_add_resolution (fixture->store, "b1", resolution, &error));
  g_assert_no_error (error);
  assert_scorecard (fixture->store, &query, after, G_N_ELEMENTS (after));

  g_assert_true (hs_store_undo_resolution (fixture->store, "b1-refuted", &error));
  g_assert_no_error (error);
  assert_scorecard (fixture->store, &query, before, G_N_ELEMENTS (before));

  test_assert_finalize (&resolution);
}

/* ---------------------------------------------------------------------- */
/* Scoring by confidence words                                             */

/* Eve and Frank gave words, mostly:
 *   w1 "very likely"        confirmed  0.9   (0.9 − 1)²   = 0.01
 *   w2 "probably not"       refuted    0.2   (0.2 − 0)²   = 0.04
 *   w3 p=0.6, "certain"     partial    the number wins: (0.6 − 0.5)² = 0.01
 *   w4 "who knows"          confirmed  no phrase of the scale: not scored
 *   w5 "很可能"              ambiguous  left out
 *   w6 "perhaps"            open       left out
 *   f1 "不太可能"            confirmed  0.2   (0.2 − 1)²   = 0.64
 *   f2 "not certain"        partial    0.5   (0.5 − 0.5)² = 0
 * Numbers only: Eve 0.01 over 1, Frank none. With the scale: Eve
 * 0.06 / 3 = 0.02 (two from words), Frank 0.64 / 2 = 0.32 (both). */
static const char words_json[] =
  "{ \"format\": \"hindsight\", \"version\": 1,\n"
  "  \"speakers\": [ { \"id\": \"eve\", \"name\": \"Eve\" }, { \"id\": \"frank\", \"name\": \"Frank\" } ],\n"
  "  \"topics\": [ { \"id\": \"agents\", \"name\": \"Agents\" } ],\n"
  "  \"claims\": [\n"
  "    { \"id\": \"w1\", \"speaker\": \"eve\", \"text\": \"w1\", \"stated_on\": \"2025-03-01\", \"topics\": [\"agents\"],\n"
  "      \"prediction\": { \"horizon\": \"this year\", \"confidence\": \"very likely\",\n"
  "        \"resolutions\": [ { \"status\": \"confirmed\", \"on\": \"2025-12-01\" } ] } },\n"
  "    { \"id\": \"w2\", \"speaker\": \"eve\", \"text\": \"w2\", \"stated_on\": \"2025-03-01\",\n"
  "      \"prediction\": { \"horizon\": \"this year\", \"confidence\": \"probably not\",\n"
  "        \"resolutions\": [ { \"status\": \"refuted\", \"on\": \"2025-12-01\" } ] } },\n"
  "    { \"id\": \"w3\", \"speaker\": \"eve\", \"text\": \"w3\", \"stated_on\": \"2025-03-01\",\n"
  "      \"prediction\": { \"horizon\": \"this year\", \"probability\": 0.6, \"confidence\": \"certain\",\n"
  "        \"resolutions\": [ { \"status\": \"partial\", \"on\": \"2025-12-01\" } ] } },\n"
  "    { \"id\": \"w4\", \"speaker\": \"eve\", \"text\": \"w4\", \"stated_on\": \"2025-03-01\",\n"
  "      \"prediction\": { \"horizon\": \"this year\", \"confidence\": \"who knows\",\n"
  "        \"resolutions\": [ { \"status\": \"confirmed\", \"on\": \"2025-12-01\" } ] } },\n"
  "    { \"id\": \"w5\", \"speaker\": \"eve\", \"text\": \"w5\", \"stated_on\": \"2025-03-01\",\n"
  "      \"prediction\": { \"horizon\": \"this year\", \"confidence\": \"很可能\",\n"
  "        \"resolutions\": [ { \"status\": \"ambiguous\", \"on\": \"2025-12-01\" } ] } },\n"
  "    { \"id\": \"w6\", \"speaker\": \"eve\", \"text\": \"w6\", \"stated_on\": \"2025-03-01\",\n"
  "      \"prediction\": { \"horizon\": \"next year\", \"confidence\": \"perhaps\" } },\n"
  "    { \"id\": \"f1\", \"speaker\": \"frank\", \"text\": \"f1\", \"stated_on\": \"2026-01-01\", \"topics\": [\"agents\"],\n"
  "      \"prediction\": { \"horizon\": \"this month\", \"confidence\": \"不太可能\",\n"
  "        \"resolutions\": [ { \"status\": \"confirmed\", \"on\": \"2026-01-20\" } ] } },\n"
  "    { \"id\": \"f2\", \"speaker\": \"frank\", \"text\": \"f2\", \"stated_on\": \"2026-01-01\",\n"
  "      \"prediction\": { \"horizon\": \"this month\", \"confidence\": \"not certain\",\n"
  "        \"resolutions\": [ { \"status\": \"partial\", \"on\": \"2026-01-20\" } ] } }\n"
  "  ] }\n";

static void
fixture_set_up_words (Fixture       *fixture,
                      gconstpointer  data)
{
  fixture_set_up (fixture, data);
  test_import_json (fixture->store, words_json);
}

static void
assert_brier (HsStore       *store,
              const HsQuery *query,
              const char    *speaker,
              double         brier,
              guint          count,
              guint          words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = hs_store_scorecard (store, query, &error);
  const HsScoreRow *row = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (hs_speaker_get_id (((HsScoreRow *) g_ptr_array_index (rows, i))->speaker), speaker) == 0)
      row = g_ptr_array_index (rows, i);
  g_test_message ("row of %s", speaker);
  g_assert_nonnull (row);
  assert_ratio (row->brier, brier, EPSILON);
  g_assert_cmpuint (row->brier_count, ==, count);
  g_assert_cmpuint (row->brier_words, ==, words);
}

static void
test_scorecard_words (Fixture       *fixture,
                      gconstpointer  data)
{
  HsQuery query;

  /* Off, as by default: the design's contract, Brier from numbers only. */
  hs_query_init (&query);
  g_assert_cmpint (query.words_scale, ==, HS_WORDS_SCALE_NONE);
  assert_brier (fixture->store, &query, "eve", 0.01, 1, 0);
  assert_brier (fixture->store, &query, "frank", NAN, 0, 0);

  query.words_scale = HS_WORDS_SCALE_ESTIMATIVE;
  assert_brier (fixture->store, &query, "eve", 0.02, 3, 2);
  assert_brier (fixture->store, &query, "frank", 0.32, 2, 2);

  /* Words leave the counts and the hit rate alone. */
  {
    g_autoptr(GPtrArray) off = NULL;
    g_autoptr(GPtrArray) on = hs_store_scorecard (fixture->store, &query, NULL);

    query.words_scale = HS_WORDS_SCALE_NONE;
    off = hs_store_scorecard (fixture->store, &query, NULL);
    g_assert_cmpuint (on->len, ==, off->len);
    for (guint i = 0; i < on->len; i++)
      {
        HsScoreRow *a = g_ptr_array_index (on, i), *b = g_ptr_array_index (off, i);

        g_assert_cmpuint (a->resolved, ==, b->resolved);
        g_assert_cmpuint (a->open, ==, b->open);
        assert_ratio (a->hit_rate, b->hit_rate, EPSILON);
      }
  }

  /* The cuts apply to words too: on agents, w1 and f1 only. */
  hs_query_init (&query);
  query.words_scale = HS_WORDS_SCALE_ESTIMATIVE;
  query.topic_id = "agents";
  assert_brier (fixture->store, &query, "eve", 0.01, 1, 1);
  assert_brier (fixture->store, &query, "frank", 0.64, 1, 1);

  hs_query_init (&query);
  query.words_scale = HS_WORDS_SCALE_ESTIMATIVE;
  query.speaker_id = "frank";
  assert_brier (fixture->store, &query, "frank", 0.32, 2, 2);
}

static void
test_calibration_words (Fixture       *fixture,
                        gconstpointer  data)
{
  static const ExpectedBin off[] = {
    { 6, 1, 0.6, 0.5 },   /* w3 */
  };
  static const ExpectedBin on[] = {
    { 2, 2, 0.2, 0.5 },   /* w2 refuted, f1 confirmed */
    { 5, 1, 0.5, 0.5 },   /* f2 */
    { 6, 1, 0.6, 0.5 },   /* w3, by its number */
    { 9, 1, 0.9, 1.0 },   /* w1 */
  };
  static const ExpectedBin on_two[] = {
    { 0, 2, 0.2, 0.5 },
    { 1, 3, (0.5 + 0.6 + 0.9) / 3, 2.0 / 3.0 },
  };
  g_autoptr(GArray) bins = NULL;
  HsQuery query;

  hs_query_init (&query);
  assert_calibration (fixture->store, &query, 10, off, G_N_ELEMENTS (off));
  query.words_scale = HS_WORDS_SCALE_ESTIMATIVE;
  assert_calibration (fixture->store, &query, 10, on, G_N_ELEMENTS (on));
  assert_calibration (fixture->store, &query, 2, on_two, G_N_ELEMENTS (on_two));

  /* Each bin says how many of its predictions were scored from words. */
  bins = hs_store_calibration (fixture->store, &query, 10, NULL);
  g_assert_cmpuint (g_array_index (bins, HsCalibrationBin, 2).words, ==, 2);
  g_assert_cmpuint (g_array_index (bins, HsCalibrationBin, 5).words, ==, 1);
  g_assert_cmpuint (g_array_index (bins, HsCalibrationBin, 6).words, ==, 0);
  g_assert_cmpuint (g_array_index (bins, HsCalibrationBin, 9).words, ==, 1);
}

/* The scorecard of predictions given only with numbers does not change
 * when the scale is on. */
static void
test_scorecard_words_no_words (Fixture       *fixture,
                               gconstpointer  data)
{
  static const ExpectedRow expected[] = {
    { "alice", 9, 5, 2, 1, 1, 1, 4, 2, 0.625, 0.219427, 0.908101, 0.02, 3 },
    { "bob", 2, 0, 0, 0, 0, 0, 2, 0, NAN, NAN, NAN, NAN, 0 },
    { "dan", 4, 4, 2, 0, 2, 0, 0, 0, 0.5, 0.150039, 0.849961, 0.36625, 4 },
  };
  HsQuery query;

  hs_query_init (&query);
  query.words_scale = HS_WORDS_SCALE_ESTIMATIVE;
  assert_scorecard (fixture->store, &query, expected, G_N_ELEMENTS (expected));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  test_init_environment ();

  g_test_add_func ("/core/scoring/wilson", test_wilson);
  g_test_add_func ("/core/scoring/outcome", test_outcome);
  g_test_add_func ("/core/scoring/row-finish", test_row_finish);

#define ADD(path, setup, func) \
  g_test_add (path, Fixture, NULL, setup, func, fixture_tear_down)

  ADD ("/core/scoring/scorecard/speakers", fixture_set_up_scores, test_scorecard);
  ADD ("/core/scoring/scorecard/empty", fixture_set_up, test_scorecard_empty);
  ADD ("/core/scoring/scorecard/cuts", fixture_set_up_scores, test_scorecard_cuts);
  ADD ("/core/scoring/scorecard/overdue", fixture_set_up_scores, test_scorecard_overdue);
  ADD ("/core/scoring/scorecard/follows-history", fixture_set_up_scores,
       test_scorecard_follows_history);
  ADD ("/core/scoring/calibration", fixture_set_up_scores, test_calibration);
  ADD ("/core/scoring/words/scorecard", fixture_set_up_words, test_scorecard_words);
  ADD ("/core/scoring/words/calibration", fixture_set_up_words, test_calibration_words);
  ADD ("/core/scoring/words/numbers-only", fixture_set_up_scores, test_scorecard_words_no_words);

#undef ADD

  return g_test_run ();
}
