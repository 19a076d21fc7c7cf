/* fuzz-date-horizon.c: the date parser and the horizon deriver
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input's first line is a stated date and the rest a horizon, as a
 * claim gives them; the whole input is also parsed as a date. What must hold:
 *
 * - a date that parses is valid, and writing it back gives the input
 *   exactly (the parser reads only the canonical form), which parses to
 *   the same date; its first and last days bound it; a date that does not
 *   parse is left unset with one short line of error;
 * - a derived window is made of valid days from 1000 to 9999, earliest on
 *   or after the first stated day, latest (when set) on or after both the
 *   earliest and the last stated day, approximate exactly when the stated
 *   date is, and open-ended exactly when the horizon says so; deriving is
 *   the same again, without outputs, and with the horizon in capitals.
 */

#define G_LOG_DOMAIN "hindsight-fuzz"

#include "fuzz-common.h"

/* Error messages quote at most 40 characters of input. */
#define FUZZ_DATE_MAX_MESSAGE 600

static void
fuzz_date_check_message (const char *what,
                         const GError *error)
{
  if (error == NULL)
    fuzz_fail (what, "failed without an error");
  if (!g_utf8_validate (error->message, -1, NULL))
    fuzz_fail (what, "the error is not valid UTF-8");
  if (strchr (error->message, '\n') != NULL || strchr (error->message, '\r') != NULL)
    fuzz_fail (what, error->message);
  if (strlen (error->message) > FUZZ_DATE_MAX_MESSAGE)
    fuzz_fail (what, "the error is too long: input was quoted whole");
}

/* By day, whatever the precision or approximation. */
static int
fuzz_date_day_cmp (const HsDate *a,
                   const HsDate *b)
{
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  return 0;
}

static void
fuzz_date_assert_day (const char   *what,
                      const HsDate *date)
{
  char buf[HS_DATE_BUFSIZE];

  if (!hs_date_is_valid (date) || date->precision != HS_DATE_PRECISION_DAY ||
      date->year < 1000 || date->year > 9999)
    fuzz_fail (what, hs_date_to_buffer (date, buf));
}

static void
fuzz_date_check_parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  static const HsDate unset = { 0 };
  HsDate date, again, first, last;
  char buf[HS_DATE_BUFSIZE];

  if (!hs_date_parse (text, &date, &error))
    {
      fuzz_date_check_message ("a date error", error);
      if (error->domain != HS_DATE_ERROR)
        fuzz_fail ("a date error is not in the date domain", error->message);
      if (memcmp (&date, &unset, sizeof date) != 0)
        fuzz_fail ("a date that does not parse was not left unset", text);
      return;
    }

  if (!hs_date_is_set (&date) || !hs_date_is_valid (&date))
    fuzz_fail ("a parsed date is not valid", text);
  if (strcmp (hs_date_to_buffer (&date, buf), text) != 0)
    fuzz_fail ("a parsed date is not written back as it was read", buf);
  if (!hs_date_parse (buf, &again, NULL) || !hs_date_equal (&date, &again) ||
      memcmp (&date, &again, sizeof date) != 0)
    fuzz_fail ("a date written back does not parse to the same date", buf);

  first = hs_date_first_day (&date);
  last = hs_date_last_day (&date);
  fuzz_date_assert_day ("the first day of a date", &first);
  fuzz_date_assert_day ("the last day of a date", &last);
  if (hs_date_days_between (&first, &last) < 0 || hs_date_days_between (&first, &last) > 365)
    fuzz_fail ("a date's last day is not within a year after its first", text);
  if (date.precision == HS_DATE_PRECISION_DAY && fuzz_date_day_cmp (&first, &date) != 0)
    fuzz_fail ("a day's first day is not itself", text);

  /* Day arithmetic agrees with itself, and clamps rather than wraps. */
  {
    static const int offsets[] = { 1, -1, 31, -365, 366 * 400, -366 * 400, G_MAXINT / 2 };

    for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
      {
        HsDate moved = hs_date_add_days (&first, offsets[i]);
        HsDate by_months = hs_date_add_months (&first, offsets[i] / 28);
        HsDate by_years = hs_date_add_years (&first, offsets[i] / 365);

        fuzz_date_assert_day ("a day plus days", &moved);
        fuzz_date_assert_day ("a day plus months", &by_months);
        fuzz_date_assert_day ("a day plus years", &by_years);
        if ((offsets[i] > 0) != (fuzz_date_day_cmp (&moved, &first) > 0) &&
            fuzz_date_day_cmp (&moved, &first) != 0)
          fuzz_fail ("adding days went the wrong way", text);
        if (hs_date_days_between (&first, &moved) != offsets[i] &&
            moved.year != 1000 && moved.year != 9999)
          fuzz_fail ("days added and days between disagree", text);
      }
  }
}

typedef struct
{
  gboolean ok;
  int      code;
  HsDate   earliest;
  HsDate   latest;
} FuzzDerived;

static FuzzDerived
fuzz_horizon_derive (const char   *horizon,
                     const HsDate *stated)
{
  g_autoptr(GError) error = NULL;
  FuzzDerived out = { 0 };
  static const HsDate unset = { 0 };

  out.ok = hs_horizon_derive (horizon, stated, &out.earliest, &out.latest, &error);
  if (out.ok)
    {
      if (error != NULL)
        fuzz_fail ("a horizon derived with an error set", error->message);
      return out;
    }

  fuzz_date_check_message ("a horizon error", error);
  if (error->domain != HS_HORIZON_ERROR)
    fuzz_fail ("a horizon error is not in the horizon domain", error->message);
  if (memcmp (&out.earliest, &unset, sizeof unset) != 0 ||
      memcmp (&out.latest, &unset, sizeof unset) != 0)
    fuzz_fail ("a horizon that failed left dates set", horizon);
  out.code = error->code;
  return out;
}

static void
fuzz_horizon_check (const char   *horizon,
                    const HsDate *stated)
{
  FuzzDerived derived = fuzz_horizon_derive (horizon, stated);
  FuzzDerived again = fuzz_horizon_derive (horizon, stated);
  g_autofree char *upper = g_ascii_strup (horizon, -1);
  FuzzDerived capitals = fuzz_horizon_derive (upper, stated);
  gboolean bare = hs_horizon_derive (horizon, stated, NULL, NULL, NULL);

  if (memcmp (&derived, &again, sizeof derived) != 0)
    fuzz_fail ("deriving a horizon twice gave different windows", horizon);
  if (bare != derived.ok)
    fuzz_fail ("deriving a horizon without outputs gave another answer", horizon);
  if (memcmp (&derived, &capitals, sizeof derived) != 0)
    fuzz_fail ("a horizon in capitals gives another window", horizon);

  if (!derived.ok)
    {
      /* The form is checked before the date. */
      if (!hs_date_is_set (stated) && derived.code == HS_HORIZON_ERROR_INVALID)
        fuzz_fail ("a horizon without a stated date was judged on its dates", horizon);
      return;
    }

  {
    HsDate s = hs_date_first_day (stated);
    HsDate e = hs_date_last_day (stated);

    if (!hs_date_is_set (stated))
      fuzz_fail ("a horizon derived without a stated date", horizon);
    fuzz_date_assert_day ("the earliest day", &derived.earliest);
    if (derived.earliest.approximate != stated->approximate)
      fuzz_fail ("the earliest day is not approximate exactly when the stated date is", horizon);
    if (fuzz_date_day_cmp (&derived.earliest, &s) < 0)
      fuzz_fail ("the earliest day is before the prediction was stated", horizon);

    if (hs_date_is_set (&derived.latest))
      {
        fuzz_date_assert_day ("the latest day", &derived.latest);
        if (derived.latest.approximate != stated->approximate)
          fuzz_fail ("the latest day is not approximate exactly when the stated date is", horizon);
        if (fuzz_date_day_cmp (&derived.earliest, &derived.latest) > 0)
          fuzz_fail ("the earliest day is after the latest", horizon);
        if (fuzz_date_day_cmp (&derived.latest, &e) < 0)
          fuzz_fail ("the latest day is before the last stated day", horizon);
      }

    if (hs_horizon_is_open_ended (horizon) == hs_date_is_set (&derived.latest))
      fuzz_fail ("open-ended, and a latest date, disagree", horizon);
  }
}

static void
fuzz_date_horizon_init (void)
{
  static gboolean done;

  if (!done)
    fuzz_init_environment ();
  done = TRUE;
}

int fuzz_date_horizon_one_input (const uint8_t *data,
                                 size_t         size);

int
fuzz_date_horizon_one_input (const uint8_t *data,
                             size_t         size)
{
  g_autofree char *whole = fuzz_strndup (data, size);
  const char *newline = memchr (data, '\n', size);
  g_autofree char *first_line = NULL;
  const char *horizon;
  HsDate stated;

  fuzz_date_horizon_init ();

  fuzz_date_check_parse (whole);

  if (newline == NULL)
    {
      first_line = g_strdup (whole);
      horizon = "";
    }
  else
    {
      first_line = fuzz_strndup (data, newline - (const char *) data);
      horizon = whole + MIN ((gsize) (newline - (const char *) data) + 1, strlen (whole));
    }

  fuzz_date_check_parse (first_line);
  if (!hs_date_parse (first_line, &stated, NULL))
    memset (&stated, 0, sizeof stated);
  fuzz_horizon_check (horizon, &stated);

  return 0;
}

#ifndef FUZZ_NO_LIBFUZZER_ENTRY
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_date_horizon_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return fuzz_date_horizon_one_input (data, size);
}
#endif
