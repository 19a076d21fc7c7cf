/* hs-horizon.c: from a stated horizon to the dates a prediction can resolve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <string.h>

#include "hs-horizon.h"

/* The forms are those of the "Horizons" table in docs/exchange-format.md.
 *
 * The importer derives about a million horizons a second, so a horizon is
 * read by hand into a few tokens on the stack and matched against a table
 * of patterns: no regular expressions, and no allocation unless there is
 * an error to report.
 */

#define MAX_TOKENS      10  /* the longest form, "within the next six to twelve months", has 7 */
#define MAX_WORD        12  /* "unspecified", the longest word known, has 11 letters */
#define MAX_PATTERN     8
#define MAX_COUNT       1000
#define NUMBER_CAP      1000000  /* past this, a number is too large whatever its digits */
#define QUOTE_MAX_CHARS 40

#define FORMS_HINT \
  "\"this year\", \"next 4 months\", \"6–12 months\", \"3–5 years\", \"by 2030\", " \
  "\"within a decade\" or \"unspecified\""

G_DEFINE_QUARK (hs-horizon-error-quark, hs_horizon_error)

typedef enum
{
  UNIT_NONE,
  UNIT_DAY,
  UNIT_WEEK,
  UNIT_MONTH,
  UNIT_QUARTER,
  UNIT_YEAR,
} Unit;

/* Symbols are what tokens are and what patterns are made of. The P_
 * symbols appear only in patterns and each stand for a kind of phrase; the
 * T_ symbols are tokens that are not single known words. */
typedef enum
{
  P_END = 0,    /* ends a pattern */
  P_LEAD_IN,    /* optional: "next", "within", "in", "in the next", "within the next", … */
  P_QUANTITY,   /* "4 months", "four months", "a year", "a few years", "few weeks", "half a year" */
  P_NUMBER,     /* "6", "six" */
  P_UNIT,       /* "day", "days" … "year", "years" */
  P_YEAR,       /* "2030" */

  T_NUMBER,     /* digits, or a number word from "one" to "twenty" */
  T_DASH,       /* "-", "–", "—", "~" or "to" */

  W_A,          /* "a" or "an" */
  W_BEFORE,
  W_BY,
  W_DAY,
  W_DAYS,
  W_DECADE,
  W_END,
  W_EVENTUALLY,
  W_FEW,
  W_FUTURE,
  W_GENERATION,
  W_HALF,
  W_IN,
  W_LONG,
  W_LONG_TERM,
  W_MONTH,
  W_MONTHS,
  W_NEXT,
  W_OF,
  W_OVER,
  W_QUARTER,
  W_QUARTERS,
  W_SOMEDAY,
  W_TERM,
  W_THE,
  W_THIS,
  W_UNSPECIFIED,
  W_WEEK,
  W_WEEKS,
  W_WITHIN,
  W_YEAR,
  W_YEARS,
} Symbol;

typedef struct
{
  const char *text;
  guint8      length;
  guint8      symbol;
  guint8      unit;
  guint8      value;  /* for number words */
} Word;

#define WORD(text, symbol)       { text, sizeof text - 1, symbol, UNIT_NONE, 0 }
#define UNIT(text, symbol, unit) { text, sizeof text - 1, symbol, unit, 0 }
#define NUMBER(text, value)      { text, sizeof text - 1, T_NUMBER, UNIT_NONE, value }

static const Word vocabulary[] = {
  WORD ("a", W_A),
  WORD ("an", W_A),
  WORD ("before", W_BEFORE),
  WORD ("by", W_BY),
  WORD ("decade", W_DECADE),
  WORD ("end", W_END),
  WORD ("eventually", W_EVENTUALLY),
  WORD ("few", W_FEW),
  WORD ("future", W_FUTURE),
  WORD ("generation", W_GENERATION),
  WORD ("half", W_HALF),
  WORD ("in", W_IN),
  WORD ("long", W_LONG),
  WORD ("long-term", W_LONG_TERM),
  WORD ("next", W_NEXT),
  WORD ("of", W_OF),
  WORD ("over", W_OVER),
  WORD ("someday", W_SOMEDAY),
  WORD ("term", W_TERM),
  WORD ("the", W_THE),
  WORD ("this", W_THIS),
  WORD ("to", T_DASH),
  WORD ("unspecified", W_UNSPECIFIED),
  WORD ("within", W_WITHIN),

  UNIT ("day", W_DAY, UNIT_DAY),
  UNIT ("days", W_DAYS, UNIT_DAY),
  UNIT ("week", W_WEEK, UNIT_WEEK),
  UNIT ("weeks", W_WEEKS, UNIT_WEEK),
  UNIT ("month", W_MONTH, UNIT_MONTH),
  UNIT ("months", W_MONTHS, UNIT_MONTH),
  UNIT ("quarter", W_QUARTER, UNIT_QUARTER),
  UNIT ("quarters", W_QUARTERS, UNIT_QUARTER),
  UNIT ("year", W_YEAR, UNIT_YEAR),
  UNIT ("years", W_YEARS, UNIT_YEAR),

  NUMBER ("one", 1), NUMBER ("two", 2), NUMBER ("three", 3), NUMBER ("four", 4),
  NUMBER ("five", 5), NUMBER ("six", 6), NUMBER ("seven", 7), NUMBER ("eight", 8),
  NUMBER ("nine", 9), NUMBER ("ten", 10), NUMBER ("eleven", 11), NUMBER ("twelve", 12),
  NUMBER ("thirteen", 13), NUMBER ("fourteen", 14), NUMBER ("fifteen", 15),
  NUMBER ("sixteen", 16), NUMBER ("seventeen", 17), NUMBER ("eighteen", 18),
  NUMBER ("nineteen", 19), NUMBER ("twenty", 20),
};

#undef WORD
#undef UNIT
#undef NUMBER

typedef struct
{
  guint8  symbol;    /* a Symbol: a word, T_NUMBER or T_DASH */
  guint8  unit;      /* the Unit a word names, or UNIT_NONE */
  guint8  n_digits;  /* how many digits a number was written with, at most 255; 0 for "six" */
  guint32 value;     /* a number's value, at most NUMBER_CAP */
} Token;

typedef enum
{
  FORM_THIS_YEAR,
  FORM_NEXT_YEAR,
  FORM_THIS_MONTH,
  FORM_NEXT_MONTH,
  FORM_THIS_QUARTER,
  FORM_NEXT_QUARTER,
  FORM_THIS_DECADE,
  FORM_SPAN,
  FORM_RANGE,
  FORM_IN_YEAR,
  FORM_BY_YEAR,
  FORM_BEFORE_YEAR,
  FORM_OPEN,
} FormKind;

/* A pattern, and for patterns without a P_QUANTITY the quantity they
 * stand for ("within a decade" is ten years). */
typedef struct
{
  guint8  symbols[MAX_PATTERN];
  guint16 count;
  guint8  unit;
} Pattern;

typedef struct
{
  FormKind kind;
  Pattern  pattern;
} Form;

/* The first form that matches the whole horizon is taken. */
static const Form forms[] = {
  /* Calendar periods: the one the prediction was stated in, or the next. */
  { FORM_THIS_YEAR,    { { W_THIS, W_YEAR } } },
  { FORM_THIS_YEAR,    { { W_END, W_OF, W_THIS, W_YEAR } } },
  { FORM_THIS_YEAR,    { { W_BY, W_THE, W_END, W_OF, W_THIS, W_YEAR } } },
  { FORM_NEXT_YEAR,    { { W_NEXT, W_YEAR } } },
  { FORM_THIS_MONTH,   { { W_THIS, W_MONTH } } },
  { FORM_NEXT_MONTH,   { { W_NEXT, W_MONTH } } },
  { FORM_THIS_QUARTER, { { W_THIS, W_QUARTER } } },
  { FORM_NEXT_QUARTER, { { W_NEXT, W_QUARTER } } },
  { FORM_THIS_DECADE,  { { W_THIS, W_DECADE } } },

  /* Spans run from the day it was stated; "in 4 months" is read as "within
   * 4 months", since speakers rarely mean the fourth month alone. */
  { FORM_SPAN,         { { P_LEAD_IN, P_QUANTITY } } },
  { FORM_SPAN,         { { W_WITHIN, W_A, W_DECADE }, 10, UNIT_YEAR } },
  { FORM_SPAN,         { { W_NEXT, W_DECADE }, 10, UNIT_YEAR } },
  { FORM_SPAN,         { { W_WITHIN, W_A, W_GENERATION }, 25, UNIT_YEAR } },
  { FORM_SPAN,         { { W_A, W_GENERATION }, 25, UNIT_YEAR } },

  /* "6–12 months" cannot resolve before six months have passed. */
  { FORM_RANGE,        { { P_LEAD_IN, P_NUMBER, T_DASH, P_NUMBER, P_UNIT } } },

  { FORM_IN_YEAR,      { { W_IN, P_YEAR } } },
  { FORM_BY_YEAR,      { { W_BY, P_YEAR } } },
  { FORM_BY_YEAR,      { { W_BY, W_THE, W_END, W_OF, P_YEAR } } },
  { FORM_BY_YEAR,      { { W_BY, W_END, W_OF, P_YEAR } } },
  { FORM_BEFORE_YEAR,  { { W_BEFORE, P_YEAR } } },

  { FORM_OPEN,         { { W_FUTURE } } },
  { FORM_OPEN,         { { W_THE, W_FUTURE } } },
  { FORM_OPEN,         { { W_LONG, W_TERM } } },
  { FORM_OPEN,         { { W_LONG_TERM } } },
  { FORM_OPEN,         { { W_EVENTUALLY } } },
  { FORM_OPEN,         { { W_UNSPECIFIED } } },
  { FORM_OPEN,         { { W_SOMEDAY } } },
};

/* Longest first: the first that matches is taken, and "in" alone would
 * leave "the next" unmatched. */
static const Pattern lead_ins[] = {
  { { W_IN, W_THE, W_NEXT } },
  { { W_WITHIN, W_THE, W_NEXT } },
  { { W_OVER, W_THE, W_NEXT } },
  { { W_NEXT } },
  { { W_WITHIN } },
  { { W_IN } },
};

/* A count of 0 takes the number that was written. */
static const Pattern quantities[] = {
  { { P_NUMBER, P_UNIT } },
  { { W_A, P_UNIT }, 1 },
  { { W_A, W_FEW, P_UNIT }, 3 },
  { { W_FEW, P_UNIT }, 3 },
  { { W_HALF, W_A, W_YEAR }, 6, UNIT_MONTH },
};

/* What a match found. */
typedef struct
{
  guint32      numbers[2];
  guint        n_numbers;
  guint32      count;
  Unit         unit;
  guint32      year;   /* 0 unless written with four digits */
} Match;

static const HsDate unset_date = { 0 };

/* Horizons come from files and from people typing, so a no-break space
 * counts as a space. */
static const char *
skip_space (const char *p)
{
  for (;;)
    {
      if (g_ascii_isspace (*p))
        p++;
      else if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
        p += 2;
      else
        return p;
    }
}

/* U+2013 EN DASH and U+2014 EM DASH, as ranges are usually typeset. */
static gboolean
is_typographic_dash (const char *p)
{
  return (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 &&
         ((guchar) p[2] == 0x93 || (guchar) p[2] == 0x94);
}

static const Word *
lookup_word (const char *lower,
             gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (vocabulary); i++)
    {
      if (vocabulary[i].length == length &&
          vocabulary[i].text[0] == lower[0] &&
          memcmp (vocabulary[i].text, lower, length) == 0)
        return &vocabulary[i];
    }

  return NULL;
}

/* Reads @text into at most MAX_TOKENS tokens. Anything that cannot be part
 * of a known form (an unknown word, a stray character, invalid UTF-8, too
 * many tokens) ends reading at once, so a hostile input is never read
 * further than its first surprise. */
static gboolean
tokenize (const char *text,
          Token      *tokens,
          guint      *n_tokens)
{
  const char *p = text;
  guint n = 0;

  for (p = skip_space (p); *p != '\0'; p = skip_space (p))
    {
      Token *token;

      /* A horizon copied from a sentence may keep its full stop. */
      if (*p == '.' && *skip_space (p + 1) == '\0')
        break;

      if (n == MAX_TOKENS)
        return FALSE;

      token = &tokens[n++];
      memset (token, 0, sizeof *token);

      if (g_ascii_isdigit (*p))
        {
          token->symbol = T_NUMBER;
          for (; g_ascii_isdigit (*p); p++)
            {
              token->value = MIN (token->value * 10 + (guint32) (*p - '0'), NUMBER_CAP);
              token->n_digits = MIN (token->n_digits + 1, G_MAXUINT8);
            }
        }
      else if (g_ascii_isalpha (*p))
        {
          char lower[MAX_WORD];
          gsize length = 0;
          const Word *word;

          /* A hyphen between letters joins a word ("long-term") rather
           * than making a range, so that "twenty-one years" is not read
           * as the range from twenty years to one. */
          for (; g_ascii_isalpha (*p) || (*p == '-' && g_ascii_isalpha (p[1])); p++)
            {
              if (length == sizeof lower)
                return FALSE;
              lower[length++] = g_ascii_tolower (*p);
            }

          if ((word = lookup_word (lower, length)) == NULL)
            return FALSE;

          token->symbol = word->symbol;
          token->unit = word->unit;
          token->value = word->value;
        }
      else if (*p == '-' || *p == '~')
        {
          token->symbol = T_DASH;
          p++;
        }
      else if (is_typographic_dash (p))
        {
          token->symbol = T_DASH;
          p += 3;
        }
      else
        return FALSE;
    }

  *n_tokens = n;

  return TRUE;
}

static gboolean match_pattern (const Pattern *pattern,
                               const Token   *tokens,
                               guint          n_tokens,
                               guint         *pos,
                               Match         *match);

/* Tries each alternative at *@pos and takes the first that matches; a
 * failed alternative leaves neither *@pos nor @match changed. */
static gboolean
match_one_of (const Pattern *alternatives,
              guint          n_alternatives,
              const Token   *tokens,
              guint          n_tokens,
              guint         *pos,
              Match         *match)
{
  for (guint i = 0; i < n_alternatives; i++)
    {
      Match attempt = *match;
      guint attempt_pos = *pos;

      if (match_pattern (&alternatives[i], tokens, n_tokens, &attempt_pos, &attempt))
        {
          *match = attempt;
          *pos = attempt_pos;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
match_pattern (const Pattern *pattern,
               const Token   *tokens,
               guint          n_tokens,
               guint         *pos,
               Match         *match)
{
  if (pattern->count != 0)
    {
      match->count = pattern->count;
      match->unit = pattern->unit;
    }

  for (guint i = 0; i < MAX_PATTERN && pattern->symbols[i] != P_END; i++)
    {
      guint8 symbol = pattern->symbols[i];
      const Token *token = *pos < n_tokens ? &tokens[*pos] : NULL;

      switch (symbol)
        {
        case P_LEAD_IN:
          /* Optional, so failing to match one is not failing. */
          match_one_of (lead_ins, G_N_ELEMENTS (lead_ins), tokens, n_tokens, pos, match);
          break;

        case P_QUANTITY:
          if (!match_one_of (quantities, G_N_ELEMENTS (quantities), tokens, n_tokens, pos, match))
            return FALSE;
          break;

        case P_NUMBER:
          if (token == NULL || token->symbol != T_NUMBER || match->n_numbers == 2)
            return FALSE;
          match->numbers[match->n_numbers++] = token->value;
          if (match->count == 0)
            match->count = token->value;
          (*pos)++;
          break;

        case P_UNIT:
          if (token == NULL || token->unit == UNIT_NONE)
            return FALSE;
          if (match->unit == UNIT_NONE)
            match->unit = token->unit;
          (*pos)++;
          break;

        case P_YEAR:
          if (token == NULL || token->symbol != T_NUMBER || token->n_digits == 0)
            return FALSE;
          match->year = token->n_digits == 4 ? token->value : 0;
          (*pos)++;
          break;

        default:
          if (token == NULL || token->symbol != symbol)
            return FALSE;
          (*pos)++;
          break;
        }
    }

  return TRUE;
}

static const Form *
find_form (const char *horizon,
           Match      *match)
{
  Token tokens[MAX_TOKENS];
  guint n_tokens;

  if (horizon == NULL || !tokenize (horizon, tokens, &n_tokens))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      guint pos = 0;

      memset (match, 0, sizeof *match);
      if (match_pattern (&forms[i].pattern, tokens, n_tokens, &pos, match) && pos == n_tokens)
        return &forms[i];
    }

  return NULL;
}

/* The same quoting as in hs-date.c: short, valid UTF-8, on one line. */
static gboolean
is_invisible (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_CONTROL ||
         type == G_UNICODE_FORMAT ||
         type == G_UNICODE_LINE_SEPARATOR ||
         type == G_UNICODE_PARAGRAPH_SEPARATOR;
}

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
set_error (GError     **error,
           int          code,
           const char  *horizon,
           const char  *why)
{
  g_autofree char *quoted = quote_input (horizon);

  g_set_error (error, HS_HORIZON_ERROR, code, "%s %s", quoted, why);

  return FALSE;
}

static HsDate
add (const HsDate *day,
     guint         count,
     Unit          unit)
{
  switch (unit)
    {
    case UNIT_DAY:
      return hs_date_add_days (day, count);
    case UNIT_WEEK:
      return hs_date_add_days (day, count * 7);
    case UNIT_MONTH:
      return hs_date_add_months (day, count);
    case UNIT_QUARTER:
      return hs_date_add_months (day, count * 3);
    case UNIT_YEAR:
      return hs_date_add_years (day, count);
    case UNIT_NONE:
    default:
      break;
    }

  g_return_val_if_reached (*day);
}

static HsDate
first_of_month (const HsDate *day)
{
  return hs_date_new_day (day->year, day->month, 1);
}

static HsDate
last_of_month (const HsDate *day)
{
  return hs_date_new_day (day->year, day->month, hs_date_days_in_month (day->year, day->month));
}

/* Quarters are calendar quarters: January to March, and so on. */
static HsDate
first_of_quarter (const HsDate *day)
{
  return hs_date_new_day (day->year, (day->month - 1) / 3 * 3 + 1, 1);
}

static HsDate
last_of_quarter (const HsDate *day)
{
  guint month = (day->month - 1) / 3 * 3 + 3;

  return hs_date_new_day (day->year, month, hs_date_days_in_month (day->year, month));
}

static HsDate
last_of_year (guint year)
{
  return hs_date_new_day (year, 12, 31);
}

static gboolean
check_count (guint32      count,
             const char  *horizon,
             GError     **error)
{
  if (count < 1 || count > MAX_COUNT)
    return set_error (error, HS_HORIZON_ERROR_INVALID, horizon,
                      "is out of range: numbers in a horizon run from 1 to 1000");

  return TRUE;
}

static gboolean
check_year (guint32       year,
            guint         not_before,
            const HsDate *stated,
            const char   *horizon,
            GError      **error)
{
  if (year < 1000 || year > 9999)
    return set_error (error, HS_HORIZON_ERROR_INVALID, horizon,
                      "is out of range: years run from 1000 to 9999");

  if (year < not_before)
    {
      char buf[HS_DATE_BUFSIZE];
      g_autofree char *why = g_strdup_printf ("ends before the prediction was stated (%s)",
                                              hs_date_to_buffer (stated, buf));

      return set_error (error, HS_HORIZON_ERROR_INVALID, horizon, why);
    }

  return TRUE;
}

/* S and E, the first and last days of the stated date, give the earliest
 * and the latest date respectively: a prediction stated in "2026" may have
 * been made on any day of it. */
static gboolean
resolve (const Form    *form,
         const Match   *match,
         const char    *horizon,
         const HsDate  *stated,
         HsDate        *earliest,
         HsDate        *latest,
         GError       **error)
{
  HsDate s = hs_date_first_day (stated);
  HsDate e = hs_date_last_day (stated);
  HsDate next;

  switch (form->kind)
    {
    case FORM_THIS_YEAR:
      *earliest = s;
      *latest = last_of_year (e.year);
      break;

    case FORM_NEXT_YEAR:
      /* Adding a year rather than building year + 1 clamps at 9999. */
      next = hs_date_new_day (s.year, 1, 1);
      *earliest = hs_date_add_years (&next, 1);
      *latest = hs_date_add_years (&e, 1);
      *latest = last_of_year (latest->year);
      break;

    case FORM_THIS_MONTH:
      *earliest = s;
      *latest = last_of_month (&e);
      break;

    case FORM_NEXT_MONTH:
      next = first_of_month (&s);
      *earliest = hs_date_add_months (&next, 1);
      next = first_of_month (&e);
      next = hs_date_add_months (&next, 1);
      *latest = last_of_month (&next);
      break;

    case FORM_THIS_QUARTER:
      *earliest = s;
      *latest = last_of_quarter (&e);
      break;

    case FORM_NEXT_QUARTER:
      next = first_of_quarter (&s);
      *earliest = hs_date_add_months (&next, 3);
      next = first_of_quarter (&e);
      next = hs_date_add_months (&next, 3);
      *latest = last_of_quarter (&next);
      break;

    case FORM_THIS_DECADE:
      /* Decades as people count them: the 2020s run from 2020 to 2029. */
      *earliest = s;
      *latest = last_of_year (e.year - e.year % 10 + 9);
      break;

    case FORM_SPAN:
      if (!check_count (match->count, horizon, error))
        return FALSE;
      *earliest = s;
      *latest = add (&e, match->count, match->unit);
      break;

    case FORM_RANGE:
      if (!check_count (match->numbers[0], horizon, error) ||
          !check_count (match->numbers[1], horizon, error))
        return FALSE;
      if (match->numbers[0] > match->numbers[1])
        {
          g_autofree char *why = g_strdup_printf ("is not a range: %u is more than %u",
                                                  match->numbers[0], match->numbers[1]);
          return set_error (error, HS_HORIZON_ERROR_INVALID, horizon, why);
        }
      *earliest = add (&s, match->numbers[0], match->unit);
      *latest = add (&e, match->numbers[1], match->unit);
      break;

    case FORM_IN_YEAR:
      if (!check_year (match->year, s.year, stated, horizon, error))
        return FALSE;
      /* "In 2026", said in June 2026, cannot resolve before it was said. */
      next = hs_date_new_day (match->year, 1, 1);
      *earliest = hs_date_compare (&next, &s) < 0 ? s : next;
      *latest = last_of_year (match->year);
      break;

    case FORM_BY_YEAR:
      if (!check_year (match->year, s.year, stated, horizon, error))
        return FALSE;
      *earliest = s;
      *latest = last_of_year (match->year);
      break;

    case FORM_BEFORE_YEAR:
      /* "Before 2031" ends with 2030, which must not be before it was said. */
      if (!check_year (match->year, s.year + 1, stated, horizon, error))
        return FALSE;
      *earliest = s;
      *latest = last_of_year (match->year - 1);
      break;

    case FORM_OPEN:
      *earliest = s;
      *latest = unset_date;
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/**
 * hs_horizon_derive:
 * @horizon: the horizon as stated, such as "next 6–12 months"
 * @stated: the date the prediction was stated, at any precision
 * @earliest: (out) (optional): the earliest day the prediction can resolve
 * @latest: (out) (optional): the latest day it can resolve, unset when
 *   the horizon is open-ended
 * @error: a #GError, or %NULL
 *
 * Derives the resolve window of a prediction as the "Horizons" table of
 * the exchange format defines it. Both days are at day precision and
 * approximate when @stated is. The horizon is checked before @stated, so
 * an unknown horizon is reported as such even without a stated date.
 * On error, @earliest and @latest are unset.
 *
 * Returns: %TRUE when the window could be derived
 */
gboolean
hs_horizon_derive (const char    *horizon,
                   const HsDate  *stated,
                   HsDate        *earliest,
                   HsDate        *latest,
                   GError       **error)
{
  const Form *form;
  Match match;
  HsDate from, to;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (earliest != NULL)
    *earliest = unset_date;
  if (latest != NULL)
    *latest = unset_date;

  if ((form = find_form (horizon, &match)) == NULL)
    {
      Token tokens[MAX_TOKENS];
      guint n_tokens;

      if (horizon == NULL || (tokenize (horizon, tokens, &n_tokens) && n_tokens == 0))
        {
          g_set_error (error, HS_HORIZON_ERROR, HS_HORIZON_ERROR_UNKNOWN,
                       "no horizon given; use a form such as %s", FORMS_HINT);
          return FALSE;
        }

      return set_error (error, HS_HORIZON_ERROR_UNKNOWN, horizon,
                        "is not a horizon Hindsight understands; use a form such as " FORMS_HINT);
    }

  if (!hs_date_is_set (stated))
    {
      g_set_error_literal (error, HS_HORIZON_ERROR, HS_HORIZON_ERROR_NO_DATE,
                           "a prediction needs the date it was stated to derive its resolve dates");
      return FALSE;
    }

  g_return_val_if_fail (hs_date_is_valid (stated), FALSE);

  if (!resolve (form, &match, horizon, stated, &from, &to, error))
    return FALSE;

  from.approximate = stated->approximate;
  if (hs_date_is_set (&to))
    to.approximate = stated->approximate;

  if (earliest != NULL)
    *earliest = from;
  if (latest != NULL)
    *latest = to;

  return TRUE;
}

/**
 * hs_horizon_is_open_ended:
 * @horizon: (nullable): the horizon as stated
 *
 * Returns: %TRUE when @horizon is a known form without a latest date,
 *   such as "eventually"
 */
gboolean
hs_horizon_is_open_ended (const char *horizon)
{
  const Form *form;
  Match match;

  form = find_form (horizon, &match);

  return form != NULL && form->kind == FORM_OPEN;
}

/**
 * hs_horizon_forms_hint:
 *
 * The forms error messages suggest, for callers that explain horizons
 * themselves.
 *
 * Returns: a list of example forms, each quoted, in English
 */
const char *
hs_horizon_forms_hint (void)
{
  return FORMS_HINT;
}
