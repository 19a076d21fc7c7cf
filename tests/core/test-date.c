/* test-date.c: dates that carry their precision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <string.h>

#include "hs-date.h"

static HsDate
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  HsDate date;

  if (text == NULL)
    return (HsDate) { 0 };

  hs_date_parse (text, &date, &error);
  g_assert_no_error (error);

  return date;
}

/* Results are compared as canonical text so a failure shows the dates. */
static void
assert_date (HsDate      date,
             const char *expected)
{
  char buf[HS_DATE_BUFSIZE];

  g_assert_cmpstr (hs_date_to_buffer (&date, buf), ==, expected);
}

/* On a mismatch, comparing the strings shows both in the failure. */
static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_assert_cmpstr (haystack, ==, needle);
}

static void
test_parse (void)
{
  static const struct {
    const char *text;
    guint       year, month, day;
    HsDatePrecision precision;
    gboolean    approximate;
  } cases[] = {
    { "2026",        2026, 0,  0,  HS_DATE_PRECISION_YEAR,  FALSE },
    { "2026-03",     2026, 3,  0,  HS_DATE_PRECISION_MONTH, FALSE },
    { "2026-03-25",  2026, 3,  25, HS_DATE_PRECISION_DAY,   FALSE },
    { "~2024-10",    2024, 10, 0,  HS_DATE_PRECISION_MONTH, TRUE },
    { "~2026",       2026, 0,  0,  HS_DATE_PRECISION_YEAR,  TRUE },
    { "~2026-01-10", 2026, 1,  10, HS_DATE_PRECISION_DAY,   TRUE },
    { "1000",        1000, 0,  0,  HS_DATE_PRECISION_YEAR,  FALSE },
    { "1000-01-01",  1000, 1,  1,  HS_DATE_PRECISION_DAY,   FALSE },
    { "9999-12-31",  9999, 12, 31, HS_DATE_PRECISION_DAY,   FALSE },
    { "2024-02-29",  2024, 2,  29, HS_DATE_PRECISION_DAY,   FALSE },
    { "2026-12",     2026, 12, 0,  HS_DATE_PRECISION_MONTH, FALSE },
    { "2026-04-30",  2026, 4,  30, HS_DATE_PRECISION_DAY,   FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *string = NULL;
      char buf[HS_DATE_BUFSIZE];
      HsDate date;
      gboolean ok;

      ok = hs_date_parse (cases[i].text, &date, &error);
      g_assert_no_error (error);
      g_assert_true (ok);

      g_assert_cmpuint (date.year, ==, cases[i].year);
      g_assert_cmpuint (date.month, ==, cases[i].month);
      g_assert_cmpuint (date.day, ==, cases[i].day);
      g_assert_cmpuint (date.precision, ==, cases[i].precision);
      g_assert_cmpuint (date.approximate, ==, cases[i].approximate);
      g_assert_true (hs_date_is_set (&date));
      g_assert_true (hs_date_is_valid (&date));

      /* Canonical text reads back as what was parsed. */
      g_assert_cmpstr (hs_date_to_buffer (&date, buf), ==, cases[i].text);
      string = hs_date_to_string (&date);
      g_assert_cmpstr (string, ==, cases[i].text);
    }
}

static void
test_constructors (void)
{
  HsDate unset = { 0 };
  HsDate date;
  char buf[HS_DATE_BUFSIZE];

  assert_date (hs_date_new_year (2026), "2026");
  assert_date (hs_date_new_month (2026, 3), "2026-03");
  assert_date (hs_date_new_day (2026, 3, 25), "2026-03-25");

  g_assert_false (hs_date_is_set (&unset));
  g_assert_false (hs_date_is_valid (&unset));
  g_assert_cmpstr (hs_date_to_buffer (&unset, buf), ==, "");
  g_assert_null (hs_date_to_string (&unset));

  /* Structs filled by hand are checked field by field. */
  date = (HsDate) { 2026, 2, 30, HS_DATE_PRECISION_DAY, FALSE };
  g_assert_false (hs_date_is_valid (&date));
  date = (HsDate) { 2026, 1, 0, HS_DATE_PRECISION_YEAR, FALSE };
  g_assert_false (hs_date_is_valid (&date));
  date = (HsDate) { 2026, 1, 5, HS_DATE_PRECISION_MONTH, FALSE };
  g_assert_false (hs_date_is_valid (&date));
  date = (HsDate) { 999, 0, 0, HS_DATE_PRECISION_YEAR, FALSE };
  g_assert_false (hs_date_is_valid (&date));
  date = (HsDate) { 2026, 13, 0, HS_DATE_PRECISION_MONTH, FALSE };
  g_assert_false (hs_date_is_valid (&date));
  date = (HsDate) { 2026, 1, 1, 7, FALSE };
  g_assert_false (hs_date_is_valid (&date));
  date = (HsDate) { 2024, 2, 29, HS_DATE_PRECISION_DAY, TRUE };
  g_assert_true (hs_date_is_valid (&date));

  /* Impossible arguments are programmer errors, caught loudly. */
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*day <= hs_date_days_in_month*");
  date = hs_date_new_day (2026, 2, 29);
  g_test_assert_expected_messages ();
  g_assert_false (hs_date_is_set (&date));

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*year >= MIN_YEAR*");
  date = hs_date_new_year (999);
  g_test_assert_expected_messages ();
  g_assert_false (hs_date_is_set (&date));
}

static void
test_boxed (void)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(HsDate) copy = NULL;
  HsDate date = parse ("~2026-03-25");
  const HsDate *held;

  g_assert_true (G_TYPE_IS_BOXED (HS_TYPE_DATE));

  copy = hs_date_copy (&date);
  g_assert_true (copy != &date);
  g_assert_true (hs_date_equal (copy, &date));

  g_value_init (&value, HS_TYPE_DATE);
  g_value_set_boxed (&value, &date);
  held = g_value_get_boxed (&value);
  g_assert_true (held != &date);
  assert_date (*held, "~2026-03-25");
}

typedef struct
{
  const char *text;
  const char *message;  /* the whole message, or a part of it */
} ErrorCase;

static void
test_parse_errors (void)
{
  static const ErrorCase cases[] = {
    { "2026-02-30", "\"2026-02-30\" is not a date: February 2026 has 28 days" },
    { "2026-13", "\"2026-13\" is not a date: there is no month 13" },
    { "26-01-01", "\"26-01-01\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "0000-00-00", "\"0000-00-00\" is not a date: years run from 1000 to 9999" },
    { "0999", "\"0999\" is not a date: years run from 1000 to 9999" },
    { "~0999-01", "\"~0999-01\" is not a date: years run from 1000 to 9999" },
    { "2026-00", "\"2026-00\" is not a date: there is no month 0" },
    { "2026-00-10", "\"2026-00-10\" is not a date: there is no month 0" },
    { "2026-01-00", "\"2026-01-00\" is not a date: there is no day 0" },
    { "2026-04-31", "\"2026-04-31\" is not a date: April 2026 has 30 days" },
    { "2026-01-32", "\"2026-01-32\" is not a date: January 2026 has 31 days" },
    { "2023-02-29", "\"2023-02-29\" is not a date: February 2023 has 28 days" },
    { "~2026-09-31", "\"~2026-09-31\" is not a date: September 2026 has 30 days" },
    { "2026-1-01", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "2026-01-1", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { " 2026", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "2026 ", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "2026-01-01T00:00", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "2026-01-01x", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "2026/01/01", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "2026-01-", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "2026-", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "20261", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "10000", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "+2026", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "-2026", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "abcd", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "~", "\"~\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "~~2026", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "2026~", "expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "２０２６", "\"２０２６\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { "2026\n", "\"2026\\n\" is not a date" },
    { "\"2026\"", "\"\\\"2026\\\"\" is not a date" },
    { "\xff\xfe" "2026", "\"\xef\xbf\xbd\xef\xbf\xbd" "2026\" is not a date" },
    { "", "no date given" },
    { NULL, "no date given" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      HsDate date = { 2026, 1, 1, HS_DATE_PRECISION_DAY, TRUE };

      g_assert_false (hs_date_parse (cases[i].text, &date, &error));
      g_assert_error (error, HS_DATE_ERROR, HS_DATE_ERROR_INVALID);
      assert_contains (error->message, cases[i].message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));

      /* A failed parse leaves no half-filled date behind. */
      g_assert_false (hs_date_is_set (&date));
    }
}

static void
test_parse_hostile (void)
{
  const gsize size = 10 * 1024 * 1024;
  g_autofree char *huge = g_malloc (size + 1);
  g_autoptr(GError) error = NULL;
  HsDate date;

  /* A 10 MB field is quoted in forty characters, not ten megabytes. */
  memset (huge, '7', size);
  huge[size] = '\0';
  g_assert_false (hs_date_parse (huge, &date, &error));
  g_assert_error (error, HS_DATE_ERROR, HS_DATE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "\"7777777777777777777777777777777777777777…\" is not a date: "
                   "expected YYYY, YYYY-MM or YYYY-MM-DD");
  g_clear_error (&error);

  /* Forty characters of four bytes each survive whole. */
  memset (huge, 0, size);
  for (guint i = 0; i < 50; i++)
    memcpy (huge + i * 4, "\xf0\x9f\x93\x85", 4);  /* U+1F4C5 CALENDAR */
  g_assert_false (hs_date_parse (huge, &date, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (strchr (error->message, '"') + 1,
                                   strstr (error->message, "…") - error->message - 1), ==, 40);
  g_clear_error (&error);

  /* Invisible characters are shown, not obeyed: a right-to-left override
   * must not reorder the rest of the message. */
  g_assert_false (hs_date_parse ("\xe2\x80\xae" "2026", &date, &error));
  g_assert_cmpstr (error->message, ==,
                   "\"\\u202E2026\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD");
  g_clear_error (&error);

  g_assert_false (hs_date_parse ("2026-0\x01", &date, &error));
  assert_contains (error->message, "\"2026-0\\u0001\"");
  g_clear_error (&error);
}

static void
test_first_last_day (void)
{
  static const struct {
    const char *date;
    const char *first;
    const char *last;
  } cases[] = {
    { "2026",       "2026-01-01", "2026-12-31" },
    { "2026-02",    "2026-02-01", "2026-02-28" },
    { "2024-02",    "2024-02-01", "2024-02-29" },
    { "2026-04",    "2026-04-01", "2026-04-30" },
    { "~2026-03",   "2026-03-01", "2026-03-31" },
    { "~2026",      "2026-01-01", "2026-12-31" },
    { "2026-01-10", "2026-01-10", "2026-01-10" },
    { "~2026-01-10", "2026-01-10", "2026-01-10" },
    { NULL,         "",           "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HsDate date = parse (cases[i].date);

      assert_date (hs_date_first_day (&date), cases[i].first);
      assert_date (hs_date_last_day (&date), cases[i].last);
    }
}

typedef enum
{
  ADD_DAYS,
  ADD_MONTHS,
  ADD_YEARS,
} AddKind;

typedef struct
{
  const char *from;
  AddKind     kind;
  int         amount;
  const char *expected;
} AddCase;

static HsDate
apply (const AddCase *c)
{
  HsDate from = parse (c->from);

  switch (c->kind)
    {
    case ADD_DAYS:
      return hs_date_add_days (&from, c->amount);
    case ADD_MONTHS:
      return hs_date_add_months (&from, c->amount);
    case ADD_YEARS:
      return hs_date_add_years (&from, c->amount);
    default:
      g_assert_not_reached ();
    }
}

static void
check_add_cases (const AddCase *cases,
                 guint          n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      char buf[HS_DATE_BUFSIZE];
      g_autofree char *got = NULL;
      g_autofree char *expected = NULL;
      static const char * const kinds[] = { "days", "months", "years" };
      HsDate result = apply (&cases[i]);

      got = g_strdup_printf ("%s %+d %s = %s", cases[i].from, cases[i].amount,
                             kinds[cases[i].kind], hs_date_to_buffer (&result, buf));
      expected = g_strdup_printf ("%s %+d %s = %s", cases[i].from, cases[i].amount,
                                  kinds[cases[i].kind], cases[i].expected);
      g_assert_cmpstr (got, ==, expected);
      g_assert_cmpuint (result.precision, ==, HS_DATE_PRECISION_DAY);
    }
}

static void
test_arithmetic (void)
{
  static const AddCase cases[] = {
    { "2026-01-10", ADD_DAYS, 0, "2026-01-10" },
    { "2026-01-10", ADD_DAYS, 21, "2026-01-31" },
    { "2026-01-10", ADD_DAYS, 22, "2026-02-01" },
    { "2026-01-10", ADD_DAYS, -10, "2025-12-31" },
    { "2026-01-10", ADD_DAYS, 365, "2027-01-10" },
    { "2026-01-10", ADD_DAYS, 1000, "2028-10-06" },
    { "2026-12-31", ADD_DAYS, 1, "2027-01-01" },
    { "~2026-01-10", ADD_DAYS, 1, "~2026-01-11" },
    { "1000-01-01", ADD_DAYS, -1, "1000-01-01" },
    { "9999-12-31", ADD_DAYS, 1, "9999-12-31" },
    { "2026-01-10", ADD_DAYS, G_MAXINT, "9999-12-31" },
    { "2026-01-10", ADD_DAYS, G_MININT, "1000-01-01" },

    { "2026-01-31", ADD_MONTHS, 1, "2026-02-28" },
    { "2026-01-31", ADD_MONTHS, 2, "2026-03-31" },
    { "2026-05-31", ADD_MONTHS, 1, "2026-06-30" },
    { "2026-03-31", ADD_MONTHS, -1, "2026-02-28" },
    { "2026-01-15", ADD_MONTHS, 12, "2027-01-15" },
    { "2026-01-15", ADD_MONTHS, -13, "2024-12-15" },
    { "2026-11-30", ADD_MONTHS, 3, "2027-02-28" },
    { "2026-12-15", ADD_MONTHS, 1, "2027-01-15" },
    { "~2026-01-31", ADD_MONTHS, 1, "~2026-02-28" },
    { "9999-11-15", ADD_MONTHS, 1, "9999-12-15" },
    { "9999-12-15", ADD_MONTHS, 1, "9999-12-31" },
    { "1000-01-15", ADD_MONTHS, -1, "1000-01-01" },
    { "2026-01-10", ADD_MONTHS, G_MAXINT, "9999-12-31" },
    { "2026-01-10", ADD_MONTHS, G_MININT, "1000-01-01" },

    { "2026-06-15", ADD_YEARS, 10, "2036-06-15" },
    { "2026-06-15", ADD_YEARS, -1026, "1000-06-15" },
    { "2026-06-15", ADD_YEARS, -1027, "1000-01-01" },
    { "9990-06-01", ADD_YEARS, 20, "9999-12-31" },
    { "2026-01-10", ADD_YEARS, G_MAXINT, "9999-12-31" },
    { "2026-01-10", ADD_YEARS, G_MININT, "1000-01-01" },
  };
  static const struct {
    const char *from;
    const char *to;
    int         days;
  } between[] = {
    { "2026-01-01", "2026-12-31", 364 },
    { "2024-01-01", "2025-01-01", 366 },
    { "2026-03-01", "2026-02-01", -28 },
    { "2026-01-10", "2026-01-10", 0 },
    { "~2026-01-10", "2026-01-11", 1 },
    { "1000-01-01", "9999-12-31", 3287181 },
    { "1000-01-01", "2024-01-01", 374008 },
  };
  HsDate month, result;

  check_add_cases (cases, G_N_ELEMENTS (cases));

  for (guint i = 0; i < G_N_ELEMENTS (between); i++)
    {
      HsDate from = parse (between[i].from);
      HsDate to = parse (between[i].to);

      g_assert_cmpint (hs_date_days_between (&from, &to), ==, between[i].days);
      g_assert_cmpint (hs_date_days_between (&to, &from), ==, -between[i].days);
    }

  /* Arithmetic is defined on days; a month is a programmer error. */
  month = parse ("2026-01");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*is_day*");
  result = hs_date_add_days (&month, 1);
  g_test_assert_expected_messages ();
  g_assert_false (hs_date_is_set (&result));
}

static void
test_leap_years (void)
{
  static const struct {
    guint year, month, days;
  } months[] = {
    { 2026, 1, 31 }, { 2026, 2, 28 }, { 2026, 4, 30 }, { 2026, 12, 31 },
    { 2024, 2, 29 }, { 2023, 2, 28 },
    { 1900, 2, 28 }, { 2100, 2, 28 }, { 1700, 2, 28 },
    { 2000, 2, 29 }, { 2400, 2, 29 }, { 1600, 2, 29 },
  };
  static const AddCase cases[] = {
    { "2024-02-29", ADD_YEARS, 1, "2025-02-28" },
    { "2024-02-29", ADD_YEARS, 4, "2028-02-29" },
    { "2024-02-29", ADD_YEARS, -4, "2020-02-29" },
    { "2024-02-29", ADD_YEARS, -1, "2023-02-28" },
    { "2024-02-29", ADD_MONTHS, 12, "2025-02-28" },
    { "2000-02-29", ADD_YEARS, 100, "2100-02-28" },
    { "2000-02-29", ADD_YEARS, 400, "2400-02-29" },
    { "2024-01-31", ADD_MONTHS, 1, "2024-02-29" },
    { "1900-01-31", ADD_MONTHS, 1, "1900-02-28" },
    { "2000-01-31", ADD_MONTHS, 1, "2000-02-29" },
    { "2024-02-28", ADD_DAYS, 1, "2024-02-29" },
    { "2023-02-28", ADD_DAYS, 1, "2023-03-01" },
    { "1900-02-28", ADD_DAYS, 1, "1900-03-01" },
    { "2000-02-28", ADD_DAYS, 1, "2000-02-29" },
    { "2100-02-28", ADD_DAYS, 1, "2100-03-01" },
    { "2024-03-01", ADD_DAYS, -1, "2024-02-29" },
  };
  static const struct {
    const char *from;
    const char *to;
    int         days;
  } years[] = {
    { "1900-01-01", "1901-01-01", 365 },
    { "2000-01-01", "2001-01-01", 366 },
    { "2100-01-01", "2101-01-01", 365 },
    { "2000-01-01", "2400-01-01", 146097 },
  };
  g_autoptr(GError) error = NULL;
  HsDate date;

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    g_assert_cmpuint (hs_date_days_in_month (months[i].year, months[i].month), ==, months[i].days);

  check_add_cases (cases, G_N_ELEMENTS (cases));

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      HsDate from = parse (years[i].from);
      HsDate to = parse (years[i].to);

      g_assert_cmpint (hs_date_days_between (&from, &to), ==, years[i].days);
    }

  g_assert_true (hs_date_parse ("2000-02-29", &date, &error));
  g_assert_no_error (error);

  g_assert_false (hs_date_parse ("1900-02-29", &date, &error));
  g_assert_error (error, HS_DATE_ERROR, HS_DATE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "\"1900-02-29\" is not a date: February 1900 has 28 days");
  g_clear_error (&error);

  g_assert_false (hs_date_parse ("2100-02-29", &date, &error));
  g_assert_error (error, HS_DATE_ERROR, HS_DATE_ERROR_INVALID);
  g_clear_error (&error);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b)
{
  return hs_date_compare (a, b);
}

static void
test_compare (void)
{
  /* In order: by first day, then coarser before finer, then exact before
   * approximate, and no date at all last. */
  static const char * const ordered[] = {
    "1999-12-31",
    "2026",
    "~2026",
    "2026-01",
    "~2026-01",
    "2026-01-01",
    "~2026-01-01",
    "2026-01-02",
    "2026-02",
    "2026-02-01",
    "2027",
    NULL,
  };
  HsDate dates[G_N_ELEMENTS (ordered)];
  HsDate shuffled[G_N_ELEMENTS (ordered)];
  HsDate unset = { 0 };
  HsDate stale = { 2026, 1, 1, HS_DATE_PRECISION_NONE, TRUE };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    dates[i] = parse (ordered[i]);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    for (guint j = 0; j < G_N_ELEMENTS (dates); j++)
      {
        int cmp = hs_date_compare (&dates[i], &dates[j]);

        if (i < j)
          g_assert_cmpint (cmp, <, 0);
        else if (i > j)
          g_assert_cmpint (cmp, >, 0);
        else
          g_assert_cmpint (cmp, ==, 0);

        g_assert_cmpint (hs_date_equal (&dates[i], &dates[j]), ==, i == j);
      }

  /* Sorting a shuffled copy gives the order back. */
  memcpy (shuffled, dates, sizeof dates);
  for (guint i = G_N_ELEMENTS (shuffled) - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      HsDate tmp = shuffled[i];

      shuffled[i] = shuffled[j];
      shuffled[j] = tmp;
    }
  qsort (shuffled, G_N_ELEMENTS (shuffled), sizeof (HsDate), compare_cb);
  for (guint i = 0; i < G_N_ELEMENTS (shuffled); i++)
    g_assert_true (hs_date_equal (&shuffled[i], &dates[i]));

  /* An unset date is unset whatever its other fields hold. */
  g_assert_true (hs_date_equal (&unset, &stale));
  g_assert_cmpint (hs_date_compare (&unset, &stale), ==, 0);
  g_assert_false (hs_date_equal (&unset, &dates[0]));
}

static void
test_today (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("HINDSIGHT_TODAY"));
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  char buf[HS_DATE_BUFSIZE];
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  HsDate today;

  g_assert_true (g_setenv ("HINDSIGHT_TODAY", "2026-03-15", TRUE));
  assert_date (hs_date_today (), "2026-03-15");

  /* Read on every call, so a test can move "today" as it goes. */
  g_assert_true (g_setenv ("HINDSIGHT_TODAY", "2024-02-29", TRUE));
  assert_date (hs_date_today (), "2024-02-29");

  g_unsetenv ("HINDSIGHT_TODAY");
  before = g_date_time_new_now_local ();
  today = hs_date_today ();
  after = g_date_time_new_now_local ();
  before_text = g_date_time_format (before, "%Y-%m-%d");
  after_text = g_date_time_format (after, "%Y-%m-%d");
  hs_date_to_buffer (&today, buf);
  g_assert_true (g_str_equal (buf, before_text) || g_str_equal (buf, after_text));

  /* A pin that is not a day is a mistake worth a warning, not a silent
   * fall back that makes a test depend on the day it runs. */
  g_assert_true (g_setenv ("HINDSIGHT_TODAY", "2026-03", TRUE));
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*HINDSIGHT_TODAY*");
  today = hs_date_today ();
  g_test_assert_expected_messages ();
  g_assert_cmpuint (today.precision, ==, HS_DATE_PRECISION_DAY);
  g_assert_cmpuint (today.year, ==, (guint) g_date_time_get_year (after));

  if (saved != NULL)
    g_setenv ("HINDSIGHT_TODAY", saved, TRUE);
  else
    g_unsetenv ("HINDSIGHT_TODAY");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/date/parse", test_parse);
  g_test_add_func ("/core/date/parse-errors", test_parse_errors);
  g_test_add_func ("/core/date/parse-hostile", test_parse_hostile);
  g_test_add_func ("/core/date/constructors", test_constructors);
  g_test_add_func ("/core/date/boxed", test_boxed);
  g_test_add_func ("/core/date/first-last-day", test_first_last_day);
  g_test_add_func ("/core/date/arithmetic", test_arithmetic);
  g_test_add_func ("/core/date/leap-years", test_leap_years);
  g_test_add_func ("/core/date/compare", test_compare);
  g_test_add_func ("/core/date/today", test_today);

  return g_test_run ();
}
