/* hs-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <string.h>

#include "hs-search.h"

/* The trigram tokenizer indexes every run of three characters, so a term of
 * three characters or more is answered by the index; shorter ones cannot be
 * and fall back to LIKE over the columns. */
#define TRIGRAM 3

static void
add_term (HsSearch   *self,
          GString    *match,
          guint      *n_terms,
          const char *term,
          gsize       len)
{
  glong chars;

  /* A quoted phrase of spaces is no term: it would match almost anything. */
  while (len > 0 && g_ascii_isspace (term[0]))
    {
      term++;
      len--;
    }
  while (len > 0 && g_ascii_isspace (term[len - 1]))
    len--;
  if (len == 0 || *n_terms >= HS_SEARCH_MAX_TERMS)
    return;
  (*n_terms)++;

  chars = g_utf8_strlen (term, len);
  if (chars >= TRIGRAM)
    {
      /* Every term becomes a quoted FTS5 string, with quotes doubled, so no
       * character a person types can be read as query syntax (AND, NEAR, *,
       * column filters). */
      if (match->len > 0)
        g_string_append (match, " AND ");
      g_string_append_c (match, '"');
      for (gsize i = 0; i < len; i++)
        {
          if (term[i] == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, term[i]);
        }
      g_string_append_c (match, '"');
    }
  else
    {
      GString *like = g_string_new ("%");

      for (gsize i = 0; i < len; i++)
        {
          if (term[i] == '%' || term[i] == '_' || term[i] == '\\')
            g_string_append_c (like, '\\');
          g_string_append_c (like, term[i]);
        }
      g_string_append_c (like, '%');
      g_ptr_array_add (self->like_patterns, g_string_free (like, FALSE));
    }
}

/**
 * hs_search_new:
 * @text: what was typed: words separated by spaces, "a quoted phrase" kept
 *   together
 *
 * Every term must be found (AND). Matching ignores ASCII case.
 */
HsSearch *
hs_search_new (const char *text)
{
  HsSearch *self = g_new0 (HsSearch, 1);
  g_autoptr(GString) match = g_string_new (NULL);
  g_autofree char *valid = NULL;
  const char *p, *end;
  guint n_terms = 0;

  self->like_patterns = g_ptr_array_new_with_free_func (g_free);

  if (text == NULL)
    return self;

  /* Input is made valid UTF-8 and cut to a bounded length first: what follows
   * then never splits a character or meets a NUL. */
  valid = g_utf8_make_valid (text, strnlen (text, HS_SEARCH_MAX_INPUT * 4));
  if (strlen (valid) > HS_SEARCH_MAX_INPUT)
    {
      char *cut = g_utf8_find_prev_char (valid, valid + HS_SEARCH_MAX_INPUT + 1);
      *cut = '\0';
    }

  p = valid;
  end = valid + strlen (valid);
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *start;

      if (g_unichar_isspace (c) || c == 0x3000)
        {
          p = g_utf8_next_char (p);
          continue;
        }

      if (c == '"')
        {
          start = ++p;
          while (p < end && *p != '"')
            p++;
          add_term (self, match, &n_terms, start, p - start);
          if (p < end)
            p++;
          continue;
        }

      start = p;
      while (p < end)
        {
          c = g_utf8_get_char (p);
          if (g_unichar_isspace (c) || c == 0x3000 || c == '"')
            break;
          p = g_utf8_next_char (p);
        }
      add_term (self, match, &n_terms, start, p - start);
    }

  if (match->len > 0)
    self->match = g_string_free (g_steal_pointer (&match), FALSE);

  return self;
}

void
hs_search_free (HsSearch *self)
{
  if (self == NULL)
    return;
  g_free (self->match);
  g_ptr_array_unref (self->like_patterns);
  g_free (self);
}

gboolean
hs_search_is_empty (HsSearch *self)
{
  return self->match == NULL && self->like_patterns->len == 0;
}
