/* test-horizon.c: resolve windows derived from stated horizons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <string.h>

#include "hs-horizon.h"

#define UNKNOWN_MESSAGE_TAIL \
  " is not a horizon Hindsight understands; use a form such as \"this year\", " \
  "\"next 4 months\", \"6–12 months\", \"3–5 years\", \"by 2030\", \"within a decade\" " \
  "or \"unspecified\""

typedef struct
{
  const char *horizon;
  const char *stated;
  const char *earliest;
  const char *latest;  /* NULL when open-ended */
} DeriveCase;

static HsDate
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  HsDate date = { 0 };

  if (text != NULL)
    {
      hs_date_parse (text, &date, &error);
      g_assert_no_error (error);
    }

  return date;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_assert_cmpstr (haystack, ==, needle);
}

/* Each row is compared as one line of text, so a failure names the horizon
 * and the stated date along with the dates that differ. */
static void
check_derive_cases (const DeriveCase *cases,
                    guint             n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      const DeriveCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *got = NULL;
      g_autofree char *expected = NULL;
      char earliest_text[HS_DATE_BUFSIZE];
      char latest_text[HS_DATE_BUFSIZE];
      HsDate stated = parse (c->stated);
      HsDate earliest, latest;
      gboolean ok;

      ok = hs_horizon_derive (c->horizon, &stated, &earliest, &latest, &error);
      if (error != NULL)
        g_error ("\"%s\" stated %s: %s", c->horizon, c->stated, error->message);
      g_assert_true (ok);

      got = g_strdup_printf ("\"%s\" stated %s: %s … %s", c->horizon, c->stated,
                             hs_date_to_buffer (&earliest, earliest_text),
                             hs_date_is_set (&latest)
                               ? hs_date_to_buffer (&latest, latest_text)
                               : "open");
      expected = g_strdup_printf ("\"%s\" stated %s: %s … %s", c->horizon, c->stated,
                                  c->earliest, c->latest != NULL ? c->latest : "open");
      g_assert_cmpstr (got, ==, expected);

      g_assert_cmpuint (earliest.precision, ==, HS_DATE_PRECISION_DAY);
      g_assert_cmpuint (earliest.approximate, ==, stated.approximate);
      if (c->latest != NULL)
        {
          g_assert_cmpuint (latest.precision, ==, HS_DATE_PRECISION_DAY);
          g_assert_cmpuint (latest.approximate, ==, stated.approximate);
          g_assert_cmpint (hs_date_compare (&earliest, &latest), <=, 0);
        }

      g_assert_cmpint (hs_horizon_is_open_ended (c->horizon), ==, c->latest == NULL);
    }
}

/* Every form of the table in docs/exchange-format.md, said on a day. */
static void
test_forms (void)
{
  static const DeriveCase cases[] = {
    /* this year */
    { "this year",               "2026-01-10", "2026-01-10", "2026-12-31" },
    { "by the end of this year", "2026-01-10", "2026-01-10", "2026-12-31" },
    { "end of this year",        "2026-01-10", "2026-01-10", "2026-12-31" },

    /* next year */
    { "next year",               "2026-01-10", "2027-01-01", "2027-12-31" },

    /* this month, this quarter */
    { "this month",              "2026-01-10", "2026-01-10", "2026-01-31" },
    { "this quarter",            "2026-01-10", "2026-01-10", "2026-03-31" },
    { "this quarter",            "2026-11-02", "2026-11-02", "2026-12-31" },

    /* next month, next quarter */
    { "next month",              "2026-01-10", "2026-02-01", "2026-02-28" },
    { "next month",              "2026-12-05", "2027-01-01", "2027-01-31" },
    { "next quarter",            "2026-01-10", "2026-04-01", "2026-06-30" },
    { "next quarter",            "2026-12-31", "2027-01-01", "2027-03-31" },

    /* spans: from the day said to N units after it */
    { "next 4 months",           "2026-01-10", "2026-01-10", "2026-05-10" },
    { "within 4 months",         "2026-01-10", "2026-01-10", "2026-05-10" },
    { "in the next four months", "2026-01-10", "2026-01-10", "2026-05-10" },
    { "over the next 4 months",  "2026-01-10", "2026-01-10", "2026-05-10" },
    { "within the next 4 months", "2026-01-10", "2026-01-10", "2026-05-10" },
    { "4 months",                "2026-01-10", "2026-01-10", "2026-05-10" },
    { "in 4 months",             "2026-01-10", "2026-01-10", "2026-05-10" },
    { "next 10 days",            "2026-01-10", "2026-01-10", "2026-01-20" },
    { "1000 days",               "2026-01-10", "2026-01-10", "2028-10-06" },
    { "a day",                   "2026-01-10", "2026-01-10", "2026-01-11" },
    { "2 weeks",                 "2026-01-10", "2026-01-10", "2026-01-24" },
    { "a week",                  "2026-01-10", "2026-01-10", "2026-01-17" },
    { "next 2 quarters",         "2026-01-10", "2026-01-10", "2026-07-10" },
    { "a quarter",               "2026-01-10", "2026-01-10", "2026-04-10" },
    { "a month",                 "2026-01-10", "2026-01-10", "2026-02-10" },
    { "an year",                 "2026-01-10", "2026-01-10", "2027-01-10" },
    { "1 year",                  "2026-01-10", "2026-01-10", "2027-01-10" },
    { "within a year",           "2026-01-10", "2026-01-10", "2027-01-10" },
    { "twenty years",            "2026-01-10", "2026-01-10", "2046-01-10" },
    { "next twelve months",      "2026-01-10", "2026-01-10", "2027-01-10" },
    { "1 month",                 "2026-01-31", "2026-01-31", "2026-02-28" },

    /* ranges: from N units after to M units after */
    { "6–12 months",             "2026-01-10", "2026-07-10", "2027-01-10" },
    { "6-12 months",             "2026-01-10", "2026-07-10", "2027-01-10" },
    { "6 - 12 months",           "2026-01-10", "2026-07-10", "2027-01-10" },
    { "6—12 months",             "2026-01-10", "2026-07-10", "2027-01-10" },
    { "6 — 12 months",           "2026-01-10", "2026-07-10", "2027-01-10" },
    { "6~12 months",             "2026-01-10", "2026-07-10", "2027-01-10" },
    { "6 to 12 months",          "2026-01-10", "2026-07-10", "2027-01-10" },
    { "six to twelve months",    "2026-01-10", "2026-07-10", "2027-01-10" },
    { "next 6–12 months",        "2026-01-10", "2026-07-10", "2027-01-10" },
    { "next 6-12 months",        "2026-01-10", "2026-07-10", "2027-01-10" },
    { "in the next 6 to 12 months", "2026-01-10", "2026-07-10", "2027-01-10" },
    { "within 6–12 months",      "2026-01-10", "2026-07-10", "2027-01-10" },
    { "in 6-12 months",          "2026-01-10", "2026-07-10", "2027-01-10" },
    { "3–5 years",               "2026-01-10", "2029-01-10", "2031-01-10" },
    { "1-2 weeks",               "2026-01-10", "2026-01-17", "2026-01-24" },
    { "2-3 quarters",            "2026-01-10", "2026-07-10", "2026-10-10" },
    { "10-20 days",              "2026-01-10", "2026-01-20", "2026-01-30" },
    { "6-6 months",              "2026-01-10", "2026-07-10", "2026-07-10" },

    /* a few: three */
    { "next few months",         "2026-01-10", "2026-01-10", "2026-04-10" },
    { "next few years",          "2026-01-10", "2026-01-10", "2029-01-10" },
    { "a few months",            "2026-01-10", "2026-01-10", "2026-04-10" },
    { "a few years",             "2026-01-10", "2026-01-10", "2029-01-10" },
    { "few years",               "2026-01-10", "2026-01-10", "2029-01-10" },
    { "in the next few weeks",   "2026-01-10", "2026-01-10", "2026-01-31" },

    /* half a year: six months */
    { "half a year",             "2026-01-10", "2026-01-10", "2026-07-10" },
    { "within half a year",      "2026-01-10", "2026-01-10", "2026-07-10" },

    /* decades and generations */
    { "within a decade",         "2026-01-10", "2026-01-10", "2036-01-10" },
    { "next decade",             "2026-01-10", "2026-01-10", "2036-01-10" },
    { "this decade",             "2026-01-10", "2026-01-10", "2029-12-31" },
    { "this decade",             "2030-01-10", "2030-01-10", "2039-12-31" },
    { "this decade",             "2029-12-31", "2029-12-31", "2029-12-31" },
    { "within a generation",     "2026-01-10", "2026-01-10", "2051-01-10" },
    { "a generation",            "2026-01-10", "2026-01-10", "2051-01-10" },

    /* calendar years */
    { "in 2027",                 "2026-01-10", "2027-01-01", "2027-12-31" },
    { "in 2026",                 "2026-01-10", "2026-01-10", "2026-12-31" },
    { "by 2030",                 "2026-01-10", "2026-01-10", "2030-12-31" },
    { "by the end of 2030",      "2026-01-10", "2026-01-10", "2030-12-31" },
    { "by end of 2030",          "2026-01-10", "2026-01-10", "2030-12-31" },
    { "by 2026",                 "2026-01-10", "2026-01-10", "2026-12-31" },
    { "before 2031",             "2026-01-10", "2026-01-10", "2030-12-31" },
    { "before 2027",             "2026-01-10", "2026-01-10", "2026-12-31" },

    /* open-ended */
    { "future",                  "2026-01-10", "2026-01-10", NULL },
    { "the future",              "2026-01-10", "2026-01-10", NULL },
    { "long term",               "2026-01-10", "2026-01-10", NULL },
    { "long-term",               "2026-01-10", "2026-01-10", NULL },
    { "eventually",              "2026-01-10", "2026-01-10", NULL },
    { "unspecified",             "2026-01-10", "2026-01-10", NULL },
    { "someday",                 "2026-01-10", "2026-01-10", NULL },

    /* Case, spacing and a full stop do not matter. */
    { "This Year",               "2026-01-10", "2026-01-10", "2026-12-31" },
    { "  NEXT   4\tMONTHS.  ",   "2026-01-10", "2026-01-10", "2026-05-10" },
    { "Next 6–12 Months.",       "2026-01-10", "2026-07-10", "2027-01-10" },
    { "next\xc2\xa0" "4 months", "2026-01-10", "2026-01-10", "2026-05-10" },
    { "this\nyear",              "2026-01-10", "2026-01-10", "2026-12-31" },
    { "BY 2030.",                "2026-01-10", "2026-01-10", "2030-12-31" },
    { "Long-Term.",              "2026-01-10", "2026-01-10", NULL },
    { "6 –12 months",            "2026-01-10", "2026-07-10", "2027-01-10" },
  };

  check_derive_cases (cases, G_N_ELEMENTS (cases));
}

/* The stated date's precision carries through: a prediction stated in
 * "2026" may have been made on any of its days, so the earliest date comes
 * from its first day and the latest from its last. */
static void
test_precision (void)
{
  static const DeriveCase cases[] = {
    /* A year: S = 2026-01-01, E = 2026-12-31. */
    { "this year",          "2026", "2026-01-01", "2026-12-31" },
    { "next year",          "2026", "2027-01-01", "2027-12-31" },
    { "this month",         "2026", "2026-01-01", "2026-12-31" },
    { "next month",         "2026", "2026-02-01", "2027-01-31" },
    { "this quarter",       "2026", "2026-01-01", "2026-12-31" },
    { "next quarter",       "2026", "2026-04-01", "2027-03-31" },
    { "next 4 months",      "2026", "2026-01-01", "2027-04-30" },
    { "10 days",            "2026", "2026-01-01", "2027-01-10" },
    { "2 weeks",            "2026", "2026-01-01", "2027-01-14" },
    { "6-12 months",        "2026", "2026-07-01", "2027-12-31" },
    { "3–5 years",          "2026", "2029-01-01", "2031-12-31" },
    { "next few months",    "2026", "2026-01-01", "2027-03-31" },
    { "half a year",        "2026", "2026-01-01", "2027-06-30" },
    { "this decade",        "2026", "2026-01-01", "2029-12-31" },
    { "within a decade",    "2026", "2026-01-01", "2036-12-31" },
    { "in 2026",            "2026", "2026-01-01", "2026-12-31" },
    { "by 2030",            "2026", "2026-01-01", "2030-12-31" },
    { "before 2027",        "2026", "2026-01-01", "2026-12-31" },
    { "eventually",         "2026", "2026-01-01", NULL },

    /* A month: S = 2026-01-01, E = 2026-01-31. */
    { "this year",          "2026-01", "2026-01-01", "2026-12-31" },
    { "next year",          "2026-01", "2027-01-01", "2027-12-31" },
    { "this month",         "2026-01", "2026-01-01", "2026-01-31" },
    { "next month",         "2026-01", "2026-02-01", "2026-02-28" },
    { "this quarter",       "2026-01", "2026-01-01", "2026-03-31" },
    { "next quarter",       "2026-01", "2026-04-01", "2026-06-30" },
    { "next 4 months",      "2026-01", "2026-01-01", "2026-05-31" },
    { "1 month",            "2026-01", "2026-01-01", "2026-02-28" },
    { "2 weeks",            "2026-01", "2026-01-01", "2026-02-14" },
    { "6-12 months",        "2026-01", "2026-07-01", "2027-01-31" },
    { "3–5 years",          "2026-01", "2029-01-01", "2031-01-31" },
    { "within a generation", "2026-01", "2026-01-01", "2051-01-31" },
    { "this decade",        "2026-01", "2026-01-01", "2029-12-31" },
    { "in 2027",            "2026-01", "2027-01-01", "2027-12-31" },
    { "by 2030",            "2026-01", "2026-01-01", "2030-12-31" },
    { "future",             "2026-01", "2026-01-01", NULL },

    /* A day: S = E = 2026-01-10. */
    { "this year",          "2026-01-10", "2026-01-10", "2026-12-31" },
    { "next month",         "2026-01-10", "2026-02-01", "2026-02-28" },
    { "next 4 months",      "2026-01-10", "2026-01-10", "2026-05-10" },
    { "6-12 months",        "2026-01-10", "2026-07-10", "2027-01-10" },
    { "in 2027",            "2026-01-10", "2027-01-01", "2027-12-31" },

    /* Approximate: both dates are approximate too. S = 2026-03-01, E = 2026-03-31. */
    { "this year",          "~2026-03", "~2026-03-01", "~2026-12-31" },
    { "next year",          "~2026-03", "~2027-01-01", "~2027-12-31" },
    { "this month",         "~2026-03", "~2026-03-01", "~2026-03-31" },
    { "next month",         "~2026-03", "~2026-04-01", "~2026-04-30" },
    { "this quarter",       "~2026-03", "~2026-03-01", "~2026-03-31" },
    { "next quarter",       "~2026-03", "~2026-04-01", "~2026-06-30" },
    { "next 4 months",      "~2026-03", "~2026-03-01", "~2026-07-31" },
    { "1 month",            "~2026-03", "~2026-03-01", "~2026-04-30" },
    { "6-12 months",        "~2026-03", "~2026-09-01", "~2027-03-31" },
    { "next few years",     "~2026-03", "~2026-03-01", "~2029-03-31" },
    { "this decade",        "~2026-03", "~2026-03-01", "~2029-12-31" },
    { "in 2027",            "~2026-03", "~2027-01-01", "~2027-12-31" },
    { "by 2026",            "~2026-03", "~2026-03-01", "~2026-12-31" },
    { "unspecified",        "~2026-03", "~2026-03-01", NULL },
    { "this year",          "~2026", "~2026-01-01", "~2026-12-31" },
    { "2 weeks",            "~2026-01-10", "~2026-01-10", "~2026-01-24" },
  };

  check_derive_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_leap_years (void)
{
  static const DeriveCase cases[] = {
    { "1 year",             "2024-02-29", "2024-02-29", "2025-02-28" },
    { "a year",             "2024-02-29", "2024-02-29", "2025-02-28" },
    { "next 12 months",     "2024-02-29", "2024-02-29", "2025-02-28" },
    { "4 years",            "2024-02-29", "2024-02-29", "2028-02-29" },
    { "1-4 years",          "2024-02-29", "2025-02-28", "2028-02-29" },
    { "next month",         "2024-01-31", "2024-02-01", "2024-02-29" },
    { "1 month",            "2024-01-31", "2024-01-31", "2024-02-29" },
    { "1 month",            "2023-01-31", "2023-01-31", "2023-02-28" },
    { "6-12 months",        "2023-08-31", "2024-02-29", "2024-08-31" },
    { "this month",         "2024-02", "2024-02-01", "2024-02-29" },
    { "a week",             "2024-02-26", "2024-02-26", "2024-03-04" },
    { "a week",             "2023-02-26", "2023-02-26", "2023-03-05" },

    /* Centuries are leap years only when divisible by 400. */
    { "this month",         "1900-02", "1900-02-01", "1900-02-28" },
    { "this month",         "2000-02", "2000-02-01", "2000-02-29" },
    { "next month",         "1900-01-15", "1900-02-01", "1900-02-28" },
    { "next month",         "2000-01-15", "2000-02-01", "2000-02-29" },
    { "2 days",             "1900-02-28", "1900-02-28", "1900-03-02" },
    { "2 days",             "2000-02-28", "2000-02-28", "2000-03-01" },
    { "a year",             "1899-02-28", "1899-02-28", "1900-02-28" },
    { "100 years",          "2000-02-29", "2000-02-29", "2100-02-28" },
    { "400 years",          "2000-02-29", "2000-02-29", "2400-02-29" },
  };

  check_derive_cases (cases, G_N_ELEMENTS (cases));
}

/* Near the ends of the years Hindsight holds, dates clamp rather than wrap. */
static void
test_limits (void)
{
  static const DeriveCase cases[] = {
    { "next year",          "9999-06-01", "9999-12-31", "9999-12-31" },
    { "next month",         "9999-12-15", "9999-12-31", "9999-12-31" },
    { "next quarter",       "9999-11", "9999-12-31", "9999-12-31" },
    { "1000 years",         "9000-01-01", "9000-01-01", "9999-12-31" },
    { "999-1000 years",     "9000", "9999-01-01", "9999-12-31" },
    { "this decade",        "9999", "9999-01-01", "9999-12-31" },
    { "in 9999",            "9999", "9999-01-01", "9999-12-31" },
    { "by 9999",            "1000", "1000-01-01", "9999-12-31" },
    { "before 1001",        "1000-01-01", "1000-01-01", "1000-12-31" },
  };

  check_derive_cases (cases, G_N_ELEMENTS (cases));
}

#define COUNT_OUT_OF_RANGE "is out of range: numbers in a horizon run from 1 to 1000"

typedef struct
{
  const char     *horizon;
  const char     *stated;
  HsHorizonError  code;
  const char     *message;  /* the whole message, or a part of it */
} ErrorCase;

static void
test_errors (void)
{
  static const ErrorCase cases[] = {
    { "whenever", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, "\"whenever\"" UNKNOWN_MESSAGE_TAIL },
    { "next 4 fortnights", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "this year this year", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "this years", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "next", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "months", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "in", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "2030", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "6-12", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "6--12 months", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "6 months to 2 years", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "next 4 months ago", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "this year..", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "this. year", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "next 1.5 years", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "twenty-one years", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "in the 2030s", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "-6 months", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "within the decade", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "eventually?", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, UNKNOWN_MESSAGE_TAIL },
    { "", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN,
      "no horizon given; use a form such as \"this year\"" },
    { "  . ", "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, "no horizon given" },
    { NULL, "2026-01-10", HS_HORIZON_ERROR_UNKNOWN, "no horizon given" },

    /* The horizon is checked first: an unknown one is reported as such. */
    { "whenever", NULL, HS_HORIZON_ERROR_UNKNOWN, "\"whenever\"" UNKNOWN_MESSAGE_TAIL },

    { "this year", NULL, HS_HORIZON_ERROR_NO_DATE,
      "a prediction needs the date it was stated to derive its resolve dates" },
    { "eventually", NULL, HS_HORIZON_ERROR_NO_DATE,
      "a prediction needs the date it was stated to derive its resolve dates" },

    { "in 2020", "2026-01-10", HS_HORIZON_ERROR_INVALID,
      "\"in 2020\" ends before the prediction was stated (2026-01-10)" },
    { "in 2025", "~2026", HS_HORIZON_ERROR_INVALID,
      "\"in 2025\" ends before the prediction was stated (~2026)" },
    { "by 2025", "2026-01-10", HS_HORIZON_ERROR_INVALID,
      "\"by 2025\" ends before the prediction was stated (2026-01-10)" },
    { "by the end of 2025", "2026-03", HS_HORIZON_ERROR_INVALID,
      "\"by the end of 2025\" ends before the prediction was stated (2026-03)" },
    { "before 2026", "2026-01-10", HS_HORIZON_ERROR_INVALID,
      "\"before 2026\" ends before the prediction was stated (2026-01-10)" },
    { "before 2026", "2026", HS_HORIZON_ERROR_INVALID, "ends before the prediction was stated" },
    { "in 99999", "2026-01-10", HS_HORIZON_ERROR_INVALID,
      "\"in 99999\" is out of range: years run from 1000 to 9999" },
    { "by 0999", "2026-01-10", HS_HORIZON_ERROR_INVALID, "years run from 1000 to 9999" },
    { "in 27", "2026-01-10", HS_HORIZON_ERROR_INVALID, "years run from 1000 to 9999" },
    { "before 10000", "2026-01-10", HS_HORIZON_ERROR_INVALID, "years run from 1000 to 9999" },

    { "12-6 months", "2026-01-10", HS_HORIZON_ERROR_INVALID,
      "\"12-6 months\" is not a range: 12 is more than 6" },
    { "next five to three years", "2026-01-10", HS_HORIZON_ERROR_INVALID,
      "is not a range: 5 is more than 3" },
    { "0 months", "2026-01-10", HS_HORIZON_ERROR_INVALID,
      "\"0 months\" is out of range: numbers in a horizon run from 1 to 1000" },
    { "0-6 months", "2026-01-10", HS_HORIZON_ERROR_INVALID, COUNT_OUT_OF_RANGE },
    { "1001 days", "2026-01-10", HS_HORIZON_ERROR_INVALID, COUNT_OUT_OF_RANGE },
    { "6-1001 days", "2026-01-10", HS_HORIZON_ERROR_INVALID, COUNT_OUT_OF_RANGE },
    { "99999999999 years", "2026-01-10", HS_HORIZON_ERROR_INVALID,
      COUNT_OUT_OF_RANGE },
    { "next 18446744073709551617 months", "2026-01-10", HS_HORIZON_ERROR_INVALID,
      COUNT_OUT_OF_RANGE },
    { "4294967297 weeks", "2026-01-10", HS_HORIZON_ERROR_INVALID,
      COUNT_OUT_OF_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ErrorCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      HsDate stated = parse (c->stated);
      HsDate earliest = { 2026, 1, 1, HS_DATE_PRECISION_DAY, FALSE };
      HsDate latest = earliest;

      g_assert_false (hs_horizon_derive (c->horizon, &stated, &earliest, &latest, &error));
      g_assert_error (error, HS_HORIZON_ERROR, (int) c->code);
      assert_contains (error->message, c->message);

      /* No half-derived window is left behind. */
      g_assert_false (hs_date_is_set (&earliest));
      g_assert_false (hs_date_is_set (&latest));
    }
}

static void
test_forms_hint (void)
{
  g_autoptr(GError) error = NULL;
  HsDate stated = parse ("2026-01-10");

  g_assert_cmpstr (hs_horizon_forms_hint (), ==,
                   "\"this year\", \"next 4 months\", \"6–12 months\", \"3–5 years\", "
                   "\"by 2030\", \"within a decade\" or \"unspecified\"");

  g_assert_false (hs_horizon_derive ("soon", &stated, NULL, NULL, &error));
  assert_contains (error->message, hs_horizon_forms_hint ());

  /* Every form the hint suggests is one Hindsight understands. */
  g_assert_true (hs_horizon_derive ("this year", &stated, NULL, NULL, NULL));
  g_assert_true (hs_horizon_derive ("next 4 months", &stated, NULL, NULL, NULL));
  g_assert_true (hs_horizon_derive ("6–12 months", &stated, NULL, NULL, NULL));
  g_assert_true (hs_horizon_derive ("3–5 years", &stated, NULL, NULL, NULL));
  g_assert_true (hs_horizon_derive ("by 2030", &stated, NULL, NULL, NULL));
  g_assert_true (hs_horizon_derive ("within a decade", &stated, NULL, NULL, NULL));
  g_assert_true (hs_horizon_derive ("unspecified", &stated, NULL, NULL, NULL));
}

static void
test_open_ended (void)
{
  static const struct {
    const char *horizon;
    gboolean    open_ended;
  } cases[] = {
    { "future", TRUE },
    { "The Future.", TRUE },
    { "long term", TRUE },
    { "long-term", TRUE },
    { "eventually", TRUE },
    { "unspecified", TRUE },
    { "someday", TRUE },
    { "this year", FALSE },
    { "within a generation", FALSE },
    { "whenever", FALSE },
    { "", FALSE },
    { NULL, FALSE },
    { "\xff", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (hs_horizon_is_open_ended (cases[i].horizon), ==, cases[i].open_ended);
}

static void
assert_error_is_presentable (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == HS_HORIZON_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), <, 512);
  g_assert_null (strchr (error->message, '\n'));
}

static void
assert_hostile_fails (const char     *horizon,
                      HsHorizonError  code)
{
  g_autoptr(GError) error = NULL;
  HsDate stated = parse ("2026-01-10");
  HsDate earliest, latest;

  g_assert_false (hs_horizon_derive (horizon, &stated, &earliest, &latest, &error));
  g_assert_error (error, HS_HORIZON_ERROR, (int) code);
  assert_error_is_presentable (error);
  g_assert_false (hs_horizon_is_open_ended (horizon));
}

static void
test_hostile (void)
{
  const gsize size = 10 * 1024 * 1024;
  g_autofree char *huge = g_malloc (size + 1);
  g_autofree char *junk = g_malloc (256);
  g_autoptr(GError) error = NULL;
  HsDate stated = parse ("2026-01-10");
  HsDate earliest, latest;

  /* 10 MB of one letter: an unknown word, quoted in forty characters. */
  memset (huge, 'a', size);
  huge[size] = '\0';
  g_assert_false (hs_horizon_derive (huge, &stated, &earliest, &latest, &error));
  g_assert_error (error, HS_HORIZON_ERROR, HS_HORIZON_ERROR_UNKNOWN);
  g_assert_cmpstr (error->message, ==,
                   "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\"" UNKNOWN_MESSAGE_TAIL);
  g_clear_error (&error);

  /* 10 MB of a known form, repeated. */
  for (gsize i = 0; i + 10 <= size; i += 10)
    memcpy (huge + i, "this year ", 10);
  assert_hostile_fails (huge, HS_HORIZON_ERROR_UNKNOWN);

  /* 10 MB of digits: a number far too large, never an overflow. */
  memset (huge, '9', size);
  memcpy (huge + size - 6, " years", 6);
  assert_hostile_fails (huge, HS_HORIZON_ERROR_INVALID);

  /* 10 MB of spaces around a form is still the form. */
  memset (huge, ' ', size);
  memcpy (huge + size / 2, "next 6-12 months.", 17);
  g_assert_true (hs_horizon_derive (huge, &stated, &earliest, &latest, &error));
  g_assert_no_error (error);

  /* Invalid UTF-8, quoted as valid UTF-8. */
  assert_hostile_fails ("\xff\xfe this year", HS_HORIZON_ERROR_UNKNOWN);
  assert_hostile_fails ("this year\xc3", HS_HORIZON_ERROR_UNKNOWN);
  assert_hostile_fails ("6\xe2\x80" "12 months", HS_HORIZON_ERROR_UNKNOWN);
  assert_hostile_fails ("6\xe2" "12 months", HS_HORIZON_ERROR_UNKNOWN);
  assert_hostile_fails ("next\xc2", HS_HORIZON_ERROR_UNKNOWN);
  assert_hostile_fails ("\xc0\xaf", HS_HORIZON_ERROR_UNKNOWN);
  g_assert_false (hs_horizon_derive ("\xff\xfe this year", &stated, NULL, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "\"\xef\xbf\xbd\xef\xbf\xbd this year\""));
  g_clear_error (&error);

  /* Markup is text: quoted as written, never interpreted or stripped. */
  g_assert_false (hs_horizon_derive ("<b>this year</b>", &stated, NULL, NULL, &error));
  g_assert_error (error, HS_HORIZON_ERROR, HS_HORIZON_ERROR_UNKNOWN);
  g_assert_cmpstr (error->message, ==, "\"<b>this year</b>\"" UNKNOWN_MESSAGE_TAIL);
  g_clear_error (&error);

  /* Control and bidirectional characters are escaped, not obeyed. */
  g_assert_false (hs_horizon_derive ("this\x01year\r", &stated, NULL, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "\"this\\u0001year\\u000D\""));
  g_clear_error (&error);
  g_assert_false (hs_horizon_derive ("\xe2\x80\xae" "this year", &stated, NULL, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "\"\\u202Ethis year\""));
  g_clear_error (&error);
  assert_hostile_fails ("%s%s%n%x", HS_HORIZON_ERROR_UNKNOWN);

  /* Every byte but NUL, in one string. */
  for (guint i = 0; i < 255; i++)
    junk[i] = (char) (i + 1);
  junk[255] = '\0';
  assert_hostile_fails (junk, HS_HORIZON_ERROR_UNKNOWN);
}

/* Random strings, half bytes and half words Hindsight knows, so that the
 * matcher sees near misses and not only noise: whatever comes back is
 * either a sane window or a presentable error. */
static void
test_random (void)
{
  static const char * const pieces[] = {
    "this", "next", "year", "years", "month", "months", "quarter", "quarters",
    "week", "weeks", "day", "days", "decade", "generation", "by", "the", "end",
    "of", "in", "within", "over", "before", "a", "an", "few", "half", "to",
    "long", "term", "future", "eventually", "unspecified", "someday",
    "0", "1", "6", "12", "1000", "1001", "2020", "2026", "2030", "9999", "99999999999",
    "six", "twelve", "twenty", "-", "–", "—", "~", ".", " ", "  ", "\xff", "\xe2\x80",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260110);
  HsDate stated_dates[] = {
    parse ("2026"), parse ("2026-01"), parse ("2026-01-10"), parse ("~2026-03"),
    parse ("9999-12-31"), parse ("1000-01-01"),
  };
  guint n_derived = 0;

  for (guint round = 0; round < 200000; round++)
    {
      g_autoptr(GError) error = NULL;
      GString *text = g_string_new (NULL);
      const HsDate *stated = &stated_dates[round % G_N_ELEMENTS (stated_dates)];
      guint n = g_rand_int_range (rand, 1, 8);
      HsDate earliest, latest;
      gboolean ok;

      for (guint i = 0; i < n; i++)
        {
          if (round % 2 == 0)
            g_string_append_c (text, (char) g_rand_int_range (rand, 1, 256));
          else
            {
              g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
              g_string_append_c (text, ' ');
            }
        }

      ok = hs_horizon_derive (text->str, stated, &earliest, &latest, &error);
      if (ok)
        {
          n_derived++;
          g_assert_no_error (error);
          g_assert_true (hs_date_is_valid (&earliest));
          g_assert_cmpuint (earliest.precision, ==, HS_DATE_PRECISION_DAY);
          g_assert_cmpint (hs_date_is_set (&latest), !=, hs_horizon_is_open_ended (text->str));
          if (hs_date_is_set (&latest))
            {
              g_assert_true (hs_date_is_valid (&latest));
              g_assert_cmpint (hs_date_compare (&earliest, &latest), <=, 0);
            }
        }
      else
        assert_error_is_presentable (error);

      g_string_free (text, TRUE);
    }

  /* The word soup must hit real forms now and then, or this tests nothing. */
  g_assert_cmpuint (n_derived, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/horizon/forms", test_forms);
  g_test_add_func ("/core/horizon/precision", test_precision);
  g_test_add_func ("/core/horizon/leap-years", test_leap_years);
  g_test_add_func ("/core/horizon/limits", test_limits);
  g_test_add_func ("/core/horizon/errors", test_errors);
  g_test_add_func ("/core/horizon/forms-hint", test_forms_hint);
  g_test_add_func ("/core/horizon/open-ended", test_open_ended);
  g_test_add_func ("/core/horizon/hostile", test_hostile);
  g_test_add_func ("/core/horizon/random", test_random);

  return g_test_run ();
}
