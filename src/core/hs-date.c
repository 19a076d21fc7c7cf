/* hs-date.c: calendar dates that carry their precision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <string.h>

#include "hs-date.h"

#define MIN_YEAR 1000
#define MAX_YEAR 9999

/* Quoted input is cut to this many characters: a 10 MB field must not turn
 * into a 10 MB error message. */
#define QUOTE_MAX_CHARS 40

static const HsDate unset_date = { 0 };

/* Error messages are English, like the rest of the core's messages; the
 * month is named because "February 2026 has 28 days" is what a person
 * checks against a calendar. */
static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

G_DEFINE_QUARK (hs-date-error-quark, hs_date_error)

G_DEFINE_BOXED_TYPE (HsDate, hs_date, hs_date_copy, hs_date_free)

HsDate *
hs_date_copy (const HsDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_memdup2 (date, sizeof *date);
}

void
hs_date_free (HsDate *date)
{
  g_free (date);
}

static gboolean
is_leap_year (guint year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

guint
hs_date_days_in_month (guint year,
                       guint month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  if (month == 2 && is_leap_year (year))
    return 29;

  return days[month - 1];
}

static HsDate
make_day (guint    year,
          guint    month,
          guint    day,
          gboolean approximate)
{
  HsDate date = { 0 };

  date.year = year;
  date.month = month;
  date.day = day;
  date.precision = HS_DATE_PRECISION_DAY;
  date.approximate = !!approximate;

  return date;
}

/* Used only in preconditions, so inline to build without warnings when
 * G_DISABLE_CHECKS removes them. */
static inline gboolean
is_day (const HsDate *date)
{
  return date != NULL &&
         date->precision == HS_DATE_PRECISION_DAY &&
         hs_date_is_valid (date);
}

/* Day numbers count days from 1970-01-01 in the proleptic Gregorian
 * calendar (Howard Hinnant's days_from_civil). Working in whole days keeps
 * day arithmetic free of month-by-month loops and of overflow: every date
 * Hindsight can hold is a few million days from the epoch. */
static gint64
day_number (guint year,
            guint month,
            guint day)
{
  gint64 y = (gint64) year - (month <= 2);
  gint64 era = y / 400;
  gint64 year_of_era = y - era * 400;
  gint64 day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * 146097 + day_of_era - 719468;
}

static HsDate
date_from_day_number (gint64   number,
                      gboolean approximate)
{
  gint64 z, era, day_of_era, year_of_era, day_of_year, mp, year;
  guint month, day;

  /* Clamping first keeps the result inside 1000..9999 whatever was added,
   * which is what callers that add "1000 years" to 9500 expect: the latest
   * date Hindsight can hold, not an error and not a wrapped year. */
  number = CLAMP (number,
                  day_number (MIN_YEAR, 1, 1),
                  day_number (MAX_YEAR, 12, 31));

  z = number + 719468;
  era = z / 146097;
  day_of_era = z - era * 146097;
  year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  year = year_of_era + era * 400;
  day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  mp = (5 * day_of_year + 2) / 153;
  day = day_of_year - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year += month <= 2;

  return make_day (year, month, day, approximate);
}

/* Characters that would break the line a message is shown on, or hide or
 * reorder what it shows (right-to-left overrides, zero-width spaces). */
static gboolean
is_invisible (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_CONTROL ||
         type == G_UNICODE_FORMAT ||
         type == G_UNICODE_LINE_SEPARATOR ||
         type == G_UNICODE_PARAGRAPH_SEPARATOR;
}

/* Quoting what a file contained into a message: the message must stay
 * short, be valid UTF-8 whatever the input was, and keep to one line, so
 * control and invisible formatting characters are written as escapes. */
static char *
quote_input (const char *text)
{
  /* No character takes more than four bytes, so this many bytes always hold
   * the characters that will be shown; the rest of a huge input is never read. */
  const gsize max_bytes = QUOTE_MAX_CHARS * 4;
  g_autofree char *valid = NULL;
  GString *quoted;
  gsize n_bytes;
  const char *p;
  guint n_chars = 0;

  n_bytes = strnlen (text, max_bytes + 1);
  valid = g_utf8_make_valid (text, MIN (n_bytes, max_bytes));
  quoted = g_string_new ("\"");

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars++ == QUOTE_MAX_CHARS)
        break;

      if (is_invisible (c))
        {
          if (c == '\n')
            g_string_append (quoted, "\\n");
          else if (c == '\t')
            g_string_append (quoted, "\\t");
          else
            g_string_append_printf (quoted, "\\u%04X", c);
        }
      else
        {
          if (c == '"' || c == '\\')
            g_string_append_c (quoted, '\\');
          g_string_append_unichar (quoted, c);
        }
    }

  if (*p != '\0' || n_bytes > max_bytes)
    g_string_append (quoted, "…");

  g_string_append_c (quoted, '"');

  return g_string_free (quoted, FALSE);
}

static gboolean
parse_digits (const char *p,
              guint       n_digits,
              guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (guint) (p[i] - '0');
    }

  *value = v;

  return TRUE;
}

static gboolean
set_invalid (GError     **error,
             const char  *text,
             const char  *why)
{
  g_autofree char *quoted = quote_input (text);

  g_set_error (error, HS_DATE_ERROR, HS_DATE_ERROR_INVALID,
               "%s is not a date: %s", quoted, why);

  return FALSE;
}

/**
 * hs_date_parse:
 * @text: "YYYY", "YYYY-MM" or "YYYY-MM-DD", optionally after a "~"
 * @out: (out): where to store the date
 * @error: a #GError, or %NULL
 *
 * Parses a date exactly as the exchange format writes it: nothing around
 * it, no other separators, years from 1000 to 9999. On error @out is set
 * to an unset date and @error says what is wrong in words a person can act on.
 *
 * Returns: %TRUE when @text is a date
 */
gboolean
hs_date_parse (const char  *text,
               HsDate      *out,
               GError     **error)
{
  const char *p = text;
  HsDate date = { 0 };
  guint year, month = 0, day = 0;
  gsize length;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out = unset_date;

  if (text == NULL || text[0] == '\0')
    {
      g_set_error_literal (error, HS_DATE_ERROR, HS_DATE_ERROR_INVALID, "no date given");
      return FALSE;
    }

  if (*p == '~')
    {
      date.approximate = TRUE;
      p++;
    }

  /* strnlen: the longest date is ten bytes, and the rest of a hostile
   * input need not be read to know it is too long. */
  length = strnlen (p, 11);

  if (!(length == 4 || length == 7 || length == 10) ||
      !parse_digits (p, 4, &year) ||
      (length >= 7 && (p[4] != '-' || !parse_digits (p + 5, 2, &month))) ||
      (length == 10 && (p[7] != '-' || !parse_digits (p + 8, 2, &day))))
    return set_invalid (error, text, "expected YYYY, YYYY-MM or YYYY-MM-DD");

  if (year < MIN_YEAR)
    return set_invalid (error, text, "years run from 1000 to 9999");

  if (length >= 7 && (month < 1 || month > 12))
    {
      g_autofree char *why = g_strdup_printf ("there is no month %u", month);
      return set_invalid (error, text, why);
    }

  if (length == 10 && day < 1)
    return set_invalid (error, text, "there is no day 0");

  if (length == 10 && day > hs_date_days_in_month (year, month))
    {
      g_autofree char *why = g_strdup_printf ("%s %u has %u days",
                                              month_names[month - 1], year,
                                              hs_date_days_in_month (year, month));
      return set_invalid (error, text, why);
    }

  date.year = year;
  date.month = month;
  date.day = day;
  date.precision = length == 4 ? HS_DATE_PRECISION_YEAR
                 : length == 7 ? HS_DATE_PRECISION_MONTH
                 : HS_DATE_PRECISION_DAY;
  *out = date;

  return TRUE;
}

HsDate
hs_date_new_year (guint year)
{
  HsDate date = { 0 };

  g_return_val_if_fail (year >= MIN_YEAR && year <= MAX_YEAR, unset_date);

  date.year = year;
  date.precision = HS_DATE_PRECISION_YEAR;

  return date;
}

HsDate
hs_date_new_month (guint year,
                   guint month)
{
  HsDate date = { 0 };

  g_return_val_if_fail (year >= MIN_YEAR && year <= MAX_YEAR, unset_date);
  g_return_val_if_fail (month >= 1 && month <= 12, unset_date);

  date.year = year;
  date.month = month;
  date.precision = HS_DATE_PRECISION_MONTH;

  return date;
}

HsDate
hs_date_new_day (guint year,
                 guint month,
                 guint day)
{
  g_return_val_if_fail (year >= MIN_YEAR && year <= MAX_YEAR, unset_date);
  g_return_val_if_fail (month >= 1 && month <= 12, unset_date);
  g_return_val_if_fail (day >= 1 && day <= hs_date_days_in_month (year, month), unset_date);

  return make_day (year, month, day, FALSE);
}

/**
 * hs_date_today:
 *
 * The local date, unless `HINDSIGHT_TODAY` names a day (`YYYY-MM-DD`): tests
 * and the benchmark pin "today" that way so that what is overdue does not
 * depend on when they run. The variable is read on every call so a test can
 * change it as it goes.
 *
 * Returns: today, at day precision
 */
HsDate
hs_date_today (void)
{
  const char *pinned = g_getenv ("HINDSIGHT_TODAY");
  g_autoptr(GDateTime) now = NULL;
  int year, month, day;

  if (pinned != NULL)
    {
      HsDate date;

      if (hs_date_parse (pinned, &date, NULL) &&
          date.precision == HS_DATE_PRECISION_DAY &&
          !date.approximate)
        return date;

      /* Silently using the real date would make a pinned test pass or fail
       * depending on the day it runs, which is worse than a warning. */
      g_warning_once ("HINDSIGHT_TODAY is not a day (YYYY-MM-DD); using the local date");
    }

  now = g_date_time_new_now_local ();
  g_date_time_get_ymd (now, &year, &month, &day);

  return make_day (year, month, day, FALSE);
}

gboolean
hs_date_is_set (const HsDate *date)
{
  return date != NULL && date->precision != HS_DATE_PRECISION_NONE;
}

/**
 * hs_date_is_valid:
 * @date: a date
 *
 * Whether @date is a set date Hindsight can hold: a year from 1000 to 9999,
 * and a month and day that exist and agree with its precision. An unset
 * date is not valid; check hs_date_is_set() first where "no date" is allowed.
 *
 * Returns: %TRUE when @date is a real date
 */
gboolean
hs_date_is_valid (const HsDate *date)
{
  if (date == NULL ||
      date->year < MIN_YEAR || date->year > MAX_YEAR ||
      date->approximate > 1)
    return FALSE;

  switch ((HsDatePrecision) date->precision)
    {
    case HS_DATE_PRECISION_YEAR:
      return date->month == 0 && date->day == 0;

    case HS_DATE_PRECISION_MONTH:
      return date->month >= 1 && date->month <= 12 && date->day == 0;

    case HS_DATE_PRECISION_DAY:
      return date->month >= 1 && date->month <= 12 &&
             date->day >= 1 && date->day <= hs_date_days_in_month (date->year, date->month);

    case HS_DATE_PRECISION_NONE:
    default:
      return FALSE;
    }
}

/**
 * hs_date_to_buffer:
 * @date: a date
 * @buf: room for %HS_DATE_BUFSIZE bytes
 *
 * Writes the canonical form of @date, the one hs_date_parse() reads, with
 * no allocation. An unset date is written as "".
 *
 * Returns: @buf
 */
const char *
hs_date_to_buffer (const HsDate *date,
                   char          buf[HS_DATE_BUFSIZE])
{
  const char *approximate;

  g_return_val_if_fail (buf != NULL, NULL);

  buf[0] = '\0';
  g_return_val_if_fail (date != NULL, buf);

  approximate = date->approximate ? "~" : "";

  switch ((HsDatePrecision) date->precision)
    {
    case HS_DATE_PRECISION_YEAR:
      g_snprintf (buf, HS_DATE_BUFSIZE, "%s%04u", approximate, (guint) date->year);
      break;

    case HS_DATE_PRECISION_MONTH:
      g_snprintf (buf, HS_DATE_BUFSIZE, "%s%04u-%02u", approximate,
                  (guint) date->year, (guint) date->month);
      break;

    case HS_DATE_PRECISION_DAY:
      g_snprintf (buf, HS_DATE_BUFSIZE, "%s%04u-%02u-%02u", approximate,
                  (guint) date->year, (guint) date->month, (guint) date->day);
      break;

    case HS_DATE_PRECISION_NONE:
    default:
      break;
    }

  return buf;
}

/**
 * hs_date_to_string:
 * @date: a date
 *
 * Returns: (transfer full) (nullable): the canonical form of @date, or
 *   %NULL when it is unset
 */
char *
hs_date_to_string (const HsDate *date)
{
  char buf[HS_DATE_BUFSIZE];

  if (!hs_date_is_set (date))
    return NULL;

  return g_strdup (hs_date_to_buffer (date, buf));
}

/**
 * hs_date_first_day:
 * @date: a date
 *
 * Returns: the first day of the period @date names, exact; unset when
 *   @date is unset
 */
HsDate
hs_date_first_day (const HsDate *date)
{
  g_return_val_if_fail (date != NULL, unset_date);

  if (!hs_date_is_set (date))
    return unset_date;

  g_return_val_if_fail (hs_date_is_valid (date), unset_date);

  return make_day (date->year,
                   MAX (date->month, 1),
                   MAX (date->day, 1),
                   FALSE);
}

/**
 * hs_date_last_day:
 * @date: a date
 *
 * Returns: the last day of the period @date names, exact; unset when
 *   @date is unset
 */
HsDate
hs_date_last_day (const HsDate *date)
{
  guint month;

  g_return_val_if_fail (date != NULL, unset_date);

  if (!hs_date_is_set (date))
    return unset_date;

  g_return_val_if_fail (hs_date_is_valid (date), unset_date);

  if (date->precision == HS_DATE_PRECISION_DAY)
    return make_day (date->year, date->month, date->day, FALSE);

  month = date->month != 0 ? date->month : 12;

  return make_day (date->year, month, hs_date_days_in_month (date->year, month), FALSE);
}

static int
compare_uint (guint a,
              guint b)
{
  return (a > b) - (a < b);
}

/**
 * hs_date_compare:
 * @a: a date
 * @b: another date
 *
 * Orders dates by the first day they name. Where two share it, the coarser
 * comes first ("2026" before "2026-01" before "2026-01-01") and the exact
 * before the approximate. Unset dates sort after all others, as an
 * open-ended "latest" does.
 *
 * Returns: negative, 0 or positive, as strcmp()
 */
int
hs_date_compare (const HsDate *a,
                 const HsDate *b)
{
  gboolean a_set, b_set;
  int cmp;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  a_set = hs_date_is_set (a);
  b_set = hs_date_is_set (b);
  if (!a_set || !b_set)
    return compare_uint (!a_set, !b_set);

  /* A coarser date's missing month and day count as 1, its first day. */
  if ((cmp = compare_uint (a->year, b->year)) != 0 ||
      (cmp = compare_uint (MAX (a->month, 1), MAX (b->month, 1))) != 0 ||
      (cmp = compare_uint (MAX (a->day, 1), MAX (b->day, 1))) != 0 ||
      (cmp = compare_uint (a->precision, b->precision)) != 0)
    return cmp;

  return compare_uint (!!a->approximate, !!b->approximate);
}

gboolean
hs_date_equal (const HsDate *a,
               const HsDate *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  /* An unset date's other fields mean nothing, so they are not compared. */
  if (!hs_date_is_set (a) || !hs_date_is_set (b))
    return hs_date_is_set (a) == hs_date_is_set (b);

  return a->year == b->year &&
         a->month == b->month &&
         a->day == b->day &&
         a->precision == b->precision &&
         a->approximate == b->approximate;
}

/**
 * hs_date_add_days:
 * @day: a date at day precision
 * @days: how many days to add, negative to go back
 *
 * Returns: the day @days after @day, approximate when @day is; dates
 *   beyond the years 1000 to 9999 clamp to 1000-01-01 and 9999-12-31
 */
HsDate
hs_date_add_days (const HsDate *day,
                  int           days)
{
  g_return_val_if_fail (is_day (day), unset_date);

  return date_from_day_number (day_number (day->year, day->month, day->day) + days,
                               day->approximate);
}

/* Months are added as a count of months since year 0, in 64 bits, so that
 * neither int overflow nor a loop is possible however large the count. */
static HsDate
add_months (const HsDate *day,
            gint64        months)
{
  const gint64 first = (gint64) MIN_YEAR * 12;
  const gint64 last = (gint64) MAX_YEAR * 12 + 11;
  gint64 index = (gint64) day->year * 12 + (day->month - 1) + months;
  guint year, month;

  if (index < first)
    return make_day (MIN_YEAR, 1, 1, day->approximate);
  if (index > last)
    return make_day (MAX_YEAR, 12, 31, day->approximate);

  year = index / 12;
  month = index % 12 + 1;

  /* The 31st of a month plus one month is the end of the next, not a day
   * spilling into the month after it. */
  return make_day (year, month,
                   MIN (day->day, hs_date_days_in_month (year, month)),
                   day->approximate);
}

/**
 * hs_date_add_months:
 * @day: a date at day precision
 * @months: how many months to add, negative to go back
 *
 * Days past the end of the resulting month clamp to its last day:
 * 2026-01-31 plus one month is 2026-02-28.
 *
 * Returns: the resulting day, approximate when @day is
 */
HsDate
hs_date_add_months (const HsDate *day,
                    int           months)
{
  g_return_val_if_fail (is_day (day), unset_date);

  return add_months (day, months);
}

/**
 * hs_date_add_years:
 * @day: a date at day precision
 * @years: how many years to add, negative to go back
 *
 * 29 February plus a year is 28 February.
 *
 * Returns: the resulting day, approximate when @day is
 */
HsDate
hs_date_add_years (const HsDate *day,
                   int           years)
{
  g_return_val_if_fail (is_day (day), unset_date);

  return add_months (day, (gint64) years * 12);
}

/**
 * hs_date_days_between:
 * @from: a date at day precision
 * @to: a date at day precision
 *
 * Returns: the number of days from @from to @to, negative when @to is earlier
 */
int
hs_date_days_between (const HsDate *from,
                      const HsDate *to)
{
  g_return_val_if_fail (is_day (from), 0);
  g_return_val_if_fail (is_day (to), 0);

  return (int) (day_number (to->year, to->month, to->day) -
                day_number (from->year, from->month, from->day));
}
