/* test-search.c: from typed words to a safe full-text query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-utils.h"

/* The LIKE patterns joined by " | ", so a whole search compares as two
 * strings. */
static char *
patterns_text (HsSearch *search)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < search->like_patterns->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " | " : "",
                            (const char *) g_ptr_array_index (search->like_patterns, i));
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *label;
  const char *input;
  const char *match;     /* NULL: no full-text part */
  const char *patterns;  /* "" when none */
} SearchCase;

static void
test_terms (void)
{
  static const SearchCase cases[] = {
    { "one word", "Kimi", "\"Kimi\"", "" },
    { "words are all required", "open models", "\"open\" AND \"models\"", "" },
    { "three characters are enough", "abc", "\"abc\"", "" },
    { "three Chinese characters", "上下文", "\"上下文\"", "" },
    { "two Chinese characters", "范式", NULL, "%范式%" },
    { "one letter", "a", NULL, "%a%" },
    { "mixed", "Kimi 范式 long", "\"Kimi\" AND \"long\"", "%范式%" },
    { "a phrase", "\"open models\" now", "\"open models\" AND \"now\"", "" },
    { "a short phrase", "\"a b\"", "\"a b\"", "" },
    { "a two-character phrase", "\"ab\"", NULL, "%ab%" },
    { "a quote ends a word", "ab\"cd ef\"", "\"cd ef\"", "%ab%" },
    { "an unterminated phrase", "say \"hello world", "\"say\" AND \"hello world\"", "" },
    { "an empty phrase", "\"\" Kimi", "\"Kimi\"", "" },
    { "operators are words", "Kimi OR NOT AND", "\"Kimi\" AND \"NOT\" AND \"AND\"", "%OR%" },
    { "NEAR is a word", "NEAR(a b, 2)", "\"NEAR(a\"", "%b,% | %2)%" },
    { "a column filter is a word", "text:Kimi", "\"text:Kimi\"", "" },
    { "a star is a character", "Kim* *", "\"Kim*\"", "%*%" },
    { "a caret and a minus", "^Kimi -x", "\"^Kimi\"", "%-x%" },
    { "braces and colons", "{text}: x", "\"{text}:\"", "%x%" },
    /* LIKE's own characters are escaped with a backslash. */
    { "a percent sign", "5%", NULL, "%5\\%%" },
    { "an underscore", "x_", NULL, "%x\\_%" },
    { "a backslash", "\\", NULL, "%\\\\%" },
    { "all three", "%_", NULL, "%\\%\\_%" },
    { "long terms are not LIKE-escaped", "100%_\\x", "\"100%_\\x\"", "" },
    /* Space, in any script, separates terms. */
    { "a full-width space", "范式\xe3\x80\x80" "智能", NULL, "%范式% | %智能%" },
    { "full-width spaces around", "\xe3\x80\x80\xe3\x80\x80" "上下文\xe3\x80\x80", "\"上下文\"", "" },
    { "tabs and new lines", "\tKimi\nmodel\r\n", "\"Kimi\" AND \"model\"", "" },
    { "a no-break space", "Kimi\xc2\xa0model", "\"Kimi\" AND \"model\"", "" },
    /* Text that is not UTF-8 is made so, never passed on. */
    { "an invalid byte", "ab\xff", "\"ab\xef\xbf\xbd\"", "" },
    /* Each byte of a cut character becomes a replacement character. */
    { "a cut character", "x\xe4\xb8", "\"x\xef\xbf\xbd\xef\xbf\xbd\"", "" },
    { "a lone continuation byte", "\xb8", NULL, "%\xef\xbf\xbd%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HsSearch) search = hs_search_new (cases[i].input);
      g_autofree char *patterns = patterns_text (search);

      g_test_message ("%s", cases[i].label);
      g_assert_cmpstr (search->match, ==, cases[i].match);
      g_assert_cmpstr (patterns, ==, cases[i].patterns);
      g_assert_false (hs_search_is_empty (search));
      if (search->match != NULL)
        g_assert_true (g_utf8_validate (search->match, -1, NULL));
      for (guint k = 0; k < search->like_patterns->len; k++)
        g_assert_true (g_utf8_validate (g_ptr_array_index (search->like_patterns, k), -1, NULL));
    }
}

/* Quotes inside a phrase cannot occur (a quote ends it), so every match
 * has its quotes in pairs: no term can close its string early. */
static void
test_quotes_balanced (void)
{
  static const char *inputs[] = {
    "\"", "\"\"", "\"\"\"", "a\"b\"c\"d", "\"abc\"def\"", "abc\"\"def", "\"\"\"abc\"\"\"",
    "x \"y \"z", "Kimi\" OR \"*", "\"NEAR(\" \"a\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(HsSearch) search = hs_search_new (inputs[i]);
      guint quotes = 0;

      g_test_message ("%s", inputs[i]);
      if (search->match == NULL)
        continue;
      for (const char *p = search->match; *p; p++)
        quotes += *p == '"';
      g_assert_cmpuint (quotes % 2, ==, 0);
      /* Every term is "…", and terms are joined by " AND ". */
      g_assert_true (g_str_has_prefix (search->match, "\""));
      g_assert_true (g_str_has_suffix (search->match, "\""));
    }
}

static void
test_empty (void)
{
  static const char *inputs[] = {
    NULL, "", " ", "   \t\n", "\xe3\x80\x80", "\"\"", "\"\" \"\"", "\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(HsSearch) search = hs_search_new (inputs[i]);

      g_test_message ("“%s”", inputs[i]);
      g_assert_nonnull (search);
      g_assert_true (hs_search_is_empty (search));
      g_assert_null (search->match);
      g_assert_cmpuint (search->like_patterns->len, ==, 0);
    }

  /* A quoted phrase of spaces is no term: as a term it would match almost
   * every claim, which is not what a person quoting nothing means. */
  {
    g_autoptr(HsSearch) search = hs_search_new ("\"   \"");

    g_assert_true (hs_search_is_empty (search));
    g_assert_null (search->match);
  }

  /* Spaces around a quoted phrase are not part of it. */
  {
    g_autoptr(HsSearch) search = hs_search_new ("\"  new paradigm \"");

    g_assert_cmpstr (search->match, ==, "\"new paradigm\"");
  }
}

/* Pasted novels are cut at a bounded length, on a character boundary. */
static void
test_input_cut (void)
{
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(HsSearch) search = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *latin = NULL;

  /* 1023 bytes of "a", then a three-byte character that does not fit. */
  latin = g_strnfill (HS_SEARCH_MAX_INPUT - 1, 'a');
  g_string_append (input, latin);
  g_string_append (input, "中文字");
  search = hs_search_new (input->str);
  expected = g_strdup_printf ("\"%s\"", latin);
  g_assert_cmpstr (search->match, ==, expected);
  g_clear_pointer (&search, hs_search_free);
  g_clear_pointer (&expected, g_free);

  /* 1021 bytes, then a character that ends exactly at the limit. */
  g_string_truncate (input, 0);
  g_string_append_len (input, latin, HS_SEARCH_MAX_INPUT - 3);
  g_string_append (input, "中b");
  search = hs_search_new (input->str);
  g_assert_cmpuint (strlen (search->match), ==, HS_SEARCH_MAX_INPUT + 2);
  g_assert_true (g_str_has_suffix (search->match, "a中\""));
  g_clear_pointer (&search, hs_search_free);

  /* All Chinese: 341 characters of three bytes fit in 1024 bytes. */
  g_string_truncate (input, 0);
  for (guint i = 0; i < 500; i++)
    g_string_append (input, "范");
  search = hs_search_new (input->str);
  g_assert_true (g_utf8_validate (search->match, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (search->match, -1), ==, HS_SEARCH_MAX_INPUT / 3 + 2);
  g_clear_pointer (&search, hs_search_free);

  /* A four-byte character straddling the limit is dropped whole. */
  g_string_truncate (input, 0);
  g_string_append_len (input, latin, HS_SEARCH_MAX_INPUT - 2);
  g_string_append (input, "🙂");
  search = hs_search_new (input->str);
  g_assert_true (g_utf8_validate (search->match, -1, NULL));
  g_assert_cmpuint (strlen (search->match), ==, HS_SEARCH_MAX_INPUT - 2 + 2);
}

static void
test_term_limit (void)
{
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(HsSearch) search = NULL;
  g_auto(GStrv) terms = NULL;

  for (guint i = 1; i <= HS_SEARCH_MAX_TERMS + 4; i++)
    g_string_append_printf (input, "w%02u ", i);
  search = hs_search_new (input->str);
  terms = g_strsplit (search->match, " AND ", -1);
  g_assert_cmpuint (g_strv_length (terms), ==, HS_SEARCH_MAX_TERMS);
  g_assert_cmpstr (terms[0], ==, "\"w01\"");
  g_assert_cmpstr (terms[HS_SEARCH_MAX_TERMS - 1], ==, "\"w16\"");
  g_clear_pointer (&search, hs_search_free);

  /* Short terms count towards the limit too. */
  g_string_truncate (input, 0);
  for (guint i = 0; i < HS_SEARCH_MAX_TERMS + 4; i++)
    g_string_append (input, "x ");
  g_string_append (input, "Kimi");
  search = hs_search_new (input->str);
  g_assert_cmpuint (search->like_patterns->len, ==, HS_SEARCH_MAX_TERMS);
  g_assert_null (search->match);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  test_init_environment ();

  g_test_add_func ("/core/search/terms", test_terms);
  g_test_add_func ("/core/search/quotes-balanced", test_quotes_balanced);
  g_test_add_func ("/core/search/empty", test_empty);
  g_test_add_func ("/core/search/input-cut", test_input_cut);
  g_test_add_func ("/core/search/term-limit", test_term_limit);

  return g_test_run ();
}
