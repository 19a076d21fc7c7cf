/* hs-search.h: from words a person typed to a safe full-text query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longer input is cut here (at a character boundary): nobody types more, and
 * it bounds the work a pasted novel can cause. */
#define HS_SEARCH_MAX_INPUT 1024
#define HS_SEARCH_MAX_TERMS 16

typedef struct
{
  /* An FTS5 MATCH expression for the terms the trigram index can answer
   * (three characters or more), or NULL when there are none. */
  char      *match;
  /* LIKE patterns, escaped with '\', for the terms too short for trigrams
   * ("范式" is two characters); each must match text, quote or original. */
  GPtrArray *like_patterns;
} HsSearch;

HsSearch *hs_search_new       (const char *text);
void      hs_search_free      (HsSearch   *self);
gboolean  hs_search_is_empty  (HsSearch   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsSearch, hs_search_free)

G_END_DECLS
