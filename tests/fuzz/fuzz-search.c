/* fuzz-search.c: from typed words to a full-text query, and that query run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is what a person typed into the search field. hs_search_new()
 * must make of it a list of at most HS_SEARCH_MAX_TERMS terms: long ones as
 * quoted FTS5 strings joined by AND, short ones as escaped LIKE patterns.
 * Then the search runs against a store holding docs/examples/example.json,
 * loaded once; an SQLite error there is a bug, since no typed text may be
 * read as query syntax. The claims found are checked against the claims
 * themselves: a claim that holds every term (ignoring ASCII case) in its
 * text, quote or original text must be found, and one that does not hold
 * every term even ignoring all case must not be.
 */

#define G_LOG_DOMAIN "hindsight-fuzz"

#include "fuzz-common.h"

typedef struct
{
  gint64  rowid;
  char   *columns[3];  /* text, quote, original text; folded as they are kept */
  char   *folded[3];
} FuzzSearchClaim;

static struct
{
  HsStore *store;
  GArray  *claims;  /* of FuzzSearchClaim */
  guint    n_speakers;
} fuzz_search_state;

static void
fuzz_search_init (void)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GError) error = NULL;

  if (fuzz_search_state.store != NULL)
    return;
  fuzz_init_environment ();
  fuzz_search_state.store = fuzz_open_example_store ();
  fuzz_search_state.claims = g_array_new (FALSE, TRUE, sizeof (FuzzSearchClaim));

  rows = hs_store_query_claims (fuzz_search_state.store, NULL, &error);
  fuzz_assert_no_error ("listing the example's claims", error);
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 rowid = g_array_index (rows, gint64, i);
      g_autoptr(HsClaim) claim = hs_store_get_claim_at (fuzz_search_state.store, rowid, &error);
      FuzzSearchClaim entry = { rowid };

      fuzz_assert_no_error ("reading a claim", error);
      entry.columns[0] = g_strdup (hs_claim_get_text (claim));
      entry.columns[1] = g_strdup (hs_claim_get_quote (claim));
      entry.columns[2] = g_strdup (hs_claim_get_original_text (claim));
      for (guint k = 0; k < 3; k++)
        entry.folded[k] = entry.columns[k] ? g_utf8_casefold (entry.columns[k], -1) : NULL;
      g_array_append_val (fuzz_search_state.claims, entry);
    }
  g_assert_cmpuint (fuzz_search_state.claims->len, >, 0);

  speakers = hs_store_list_speakers (fuzz_search_state.store, NULL, &error);
  fuzz_assert_no_error ("listing the example's speakers", error);
  fuzz_search_state.n_speakers = speakers->len;
}

/* The terms of an FTS5 expression hs_search_new() wrote: "a" AND "b""c". */
static GPtrArray *
fuzz_search_split_match (const char *match)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  const char *p = match;

  for (;;)
    {
      GString *term = g_string_new (NULL);

      if (*p != '"')
        fuzz_fail ("a full-text term is not quoted", match);
      for (p++;; p++)
        {
          if (*p == '\0')
            fuzz_fail ("a full-text term is not closed", match);
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (term, '"');
              p++;
            }
          else if (*p == '"')
            break;
          else
            g_string_append_c (term, *p);
        }
      p++;
      g_ptr_array_add (terms, g_string_free (term, FALSE));
      if (*p == '\0')
        return terms;
      if (!g_str_has_prefix (p, " AND "))
        fuzz_fail ("full-text terms are not joined by AND", match);
      p += strlen (" AND ");
    }
}

/* The term in a LIKE pattern: "%" around it, "\" before "%", "_" and "\". */
static char *
fuzz_search_unescape_like (const char *pattern)
{
  gsize len = strlen (pattern);
  GString *term = g_string_new (NULL);

  if (len < 2 || pattern[0] != '%' || pattern[len - 1] != '%')
    fuzz_fail ("a LIKE pattern is not inside %…%", pattern);
  for (gsize i = 1; i < len - 1; i++)
    {
      if (pattern[i] == '\\')
        {
          if (i + 1 >= len - 1 || strchr ("%_\\", pattern[i + 1]) == NULL)
            fuzz_fail ("a LIKE pattern escapes what needs no escape", pattern);
          i++;
        }
      else if (pattern[i] == '%' || pattern[i] == '_')
        fuzz_fail ("a LIKE pattern has a wildcard from the input", pattern);
      g_string_append_c (term, pattern[i]);
    }
  return g_string_free (term, FALSE);
}

static gboolean
fuzz_search_ascii_contains (const char *haystack,
                            const char *needle)
{
  gsize n = strlen (needle);

  if (haystack == NULL)
    return FALSE;
  for (const char *p = haystack; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, needle, n) == 0)
      return TRUE;
  return n == 0;
}

static gboolean
fuzz_search_claim_has (const FuzzSearchClaim *claim,
                       const char            *term,
                       const char            *folded_term,
                       gboolean               loose)
{
  for (guint k = 0; k < 3; k++)
    {
      if (fuzz_search_ascii_contains (claim->columns[k], term))
        return TRUE;
      if (loose && claim->folded[k] != NULL && strstr (claim->folded[k], folded_term) != NULL)
        return TRUE;
    }
  return FALSE;
}

static GArray *
fuzz_search_run (const HsQuery *query)
{
  g_autoptr(GError) error = NULL;
  GArray *rows = hs_store_query_claims (fuzz_search_state.store, query, &error);

  if (rows == NULL)
    fuzz_fail ("a search failed", error ? error->message : "without an error");
  return rows;
}

int fuzz_search_one_input (const uint8_t *data,
                           size_t         size);

int
fuzz_search_one_input (const uint8_t *data,
                       size_t         size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  g_autoptr(HsSearch) search = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint n_match_terms = 0;
  HsQuery query;

  fuzz_search_init ();

  /* What the builder makes. */
  search = hs_search_new (text);
  if (search == NULL || search->like_patterns == NULL)
    fuzz_fail ("hs_search_new() returned no search", text);
  terms = g_ptr_array_new_with_free_func (g_free);
  if (search->match != NULL)
    {
      g_autoptr(GPtrArray) match_terms = NULL;

      if (!g_utf8_validate (search->match, -1, NULL))
        fuzz_fail ("the full-text expression is not UTF-8", search->match);
      match_terms = fuzz_search_split_match (search->match);
      n_match_terms = match_terms->len;
      for (guint i = 0; i < match_terms->len; i++)
        {
          const char *term = g_ptr_array_index (match_terms, i);

          if (g_utf8_strlen (term, -1) < 3)
            fuzz_fail ("a full-text term is shorter than a trigram", search->match);
          g_ptr_array_add (terms, g_strdup (term));
        }
    }
  for (guint i = 0; i < search->like_patterns->len; i++)
    {
      const char *pattern = g_ptr_array_index (search->like_patterns, i);
      char *term;

      if (!g_utf8_validate (pattern, -1, NULL))
        fuzz_fail ("a LIKE pattern is not UTF-8", pattern);
      term = fuzz_search_unescape_like (pattern);
      if (g_utf8_strlen (term, -1) < 1 || g_utf8_strlen (term, -1) >= 3)
        fuzz_fail ("a LIKE term is not of one or two characters", pattern);
      g_ptr_array_add (terms, term);
    }
  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = g_ptr_array_index (terms, i);

      if (g_ascii_isspace (term[0]) || g_ascii_isspace (term[strlen (term) - 1]))
        fuzz_fail ("a term starts or ends with a space", term);
      g_ptr_array_add (folded, g_utf8_casefold (term, -1));
    }
  if (terms->len > HS_SEARCH_MAX_TERMS)
    fuzz_fail ("more terms than HS_SEARCH_MAX_TERMS", text);
  if (hs_search_is_empty (search) != (terms->len == 0))
    fuzz_fail ("a search is empty, or not, against its terms", text);

  /* The expression alone is valid FTS5. */
  if (search->match != NULL)
    {
      sqlite3 *db = hs_store_get_db (fuzz_search_state.store);
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?1", -1,
                              &stmt, NULL) != SQLITE_OK)
        fuzz_fail ("preparing a full-text query", sqlite3_errmsg (db));
      sqlite3_bind_text (stmt, 1, search->match, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      if (rc != SQLITE_DONE)
        {
          g_autofree char *detail = g_strdup_printf ("%s\n%s", sqlite3_errmsg (db), search->match);
          sqlite3_finalize (stmt);
          fuzz_fail ("SQLite refused the full-text expression", detail);
        }
      sqlite3_finalize (stmt);
    }

  /* The search, run as the claims page runs it. */
  hs_query_init (&query);
  query.search = text;
  rows = fuzz_search_run (&query);

  {
    gint64 count = hs_store_count_claims (fuzz_search_state.store, &query, &error);

    fuzz_assert_no_error ("counting a search", error);
    if (count != rows->len)
      fuzz_fail ("a search counts another number of claims than it lists", text);
  }

  /* Every claim is where the terms say it is. */
  for (guint c = 0; c < fuzz_search_state.claims->len; c++)
    {
      const FuzzSearchClaim *claim = &g_array_index (fuzz_search_state.claims, FuzzSearchClaim, c);
      gboolean strict = TRUE, loose = TRUE, found = FALSE;

      for (guint i = 0; i < terms->len; i++)
        {
          const char *term = g_ptr_array_index (terms, i);
          const char *folded_term = g_ptr_array_index (folded, i);

          strict = strict && fuzz_search_claim_has (claim, term, folded_term, FALSE);
          loose = loose && fuzz_search_claim_has (claim, term, folded_term, TRUE);
        }
      for (guint r = 0; r < rows->len; r++)
        found = found || g_array_index (rows, gint64, r) == claim->rowid;

      if (strict && !found)
        {
          g_autofree char *detail = g_strdup_printf ("claim %" G_GINT64_FORMAT ": %s; %u terms "
                                                     "(%u full-text)", claim->rowid,
                                                     claim->columns[0], terms->len, n_match_terms);
          fuzz_fail ("a search missed a claim that holds every term", detail);
        }
      if (found && !loose)
        {
          g_autofree char *detail = g_strdup_printf ("claim %" G_GINT64_FORMAT ": %s",
                                                     claim->rowid, claim->columns[0]);
          fuzz_fail ("a search found a claim that lacks a term", detail);
        }
    }

  /* Another order, a page, or a narrower list of the same search: one of
   * them per input, chosen by its length, since each costs a query. */
  switch (size % 4)
    {
    case 0:
    case 1:
      {
        static const HsQuerySort sorts[] = { HS_QUERY_SORT_OLDEST, HS_QUERY_SORT_DUE };
        g_autoptr(GArray) sorted = NULL;

        query.sort = sorts[size % 2];
        sorted = fuzz_search_run (&query);
        if (sorted->len != rows->len)
          fuzz_fail ("a search finds another number of claims in another order", text);
      }
      break;

    case 2:
      {
        g_autoptr(GArray) page = NULL;

        query.limit = 2;
        query.offset = 1;
        page = fuzz_search_run (&query);
        if (page->len != MIN (2, rows->len > 0 ? rows->len - 1 : 0))
          fuzz_fail ("a page of a search has the wrong length", text);
        for (guint i = 0; i < page->len; i++)
          if (g_array_index (page, gint64, i) != g_array_index (rows, gint64, i + 1))
            fuzz_fail ("a page of a search is not part of the whole", text);
      }
      break;

    default:
      {
        g_autoptr(GArray) narrower = NULL;

        query.kind = HS_QUERY_KIND_PREDICTIONS;
        query.status = HS_STATUS_OPEN;
        query.sort = HS_QUERY_SORT_STORED;
        narrower = fuzz_search_run (&query);
        if (narrower->len > rows->len)
          fuzz_fail ("a search finds more open predictions than claims", text);
      }
      break;
    }

  /* The speakers list has its own search, by name. */
  {
    g_autoptr(GPtrArray) speakers = NULL;

    hs_query_init (&query);
    query.search = text;
    speakers = hs_store_list_speakers (fuzz_search_state.store, &query, &error);
    if (speakers == NULL)
      fuzz_fail ("a speaker search failed", error ? error->message : "without an error");
    if (speakers->len > fuzz_search_state.n_speakers)
      fuzz_fail ("a speaker search found more speakers than there are", text);
  }

  return 0;
}

#ifndef FUZZ_NO_LIBFUZZER_ENTRY
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_search_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return fuzz_search_one_input (data, size);
}
#endif
