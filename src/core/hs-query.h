/* hs-query.h: what a list shows: filters, order and page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hs-date.h"
#include "hs-types.h"
#include "hs-words-scale.h"

G_BEGIN_DECLS

typedef enum
{
  HS_QUERY_KIND_ALL,          /* claims and predictions */
  HS_QUERY_KIND_CLAIMS,       /* claims that are not predictions */
  HS_QUERY_KIND_PREDICTIONS,
} HsQueryKind;

typedef enum
{
  HS_QUERY_SORT_NEWEST,       /* stated date, newest first */
  HS_QUERY_SORT_OLDEST,
  HS_QUERY_SORT_DUE,          /* latest resolve date, soonest first; open-ended last */
  HS_QUERY_SORT_STORED,       /* the order they were added in */
} HsQuerySort;

/* A filter is unset when its field is NULL, unset or negative. The strings
 * are borrowed: the query does not own them. */
typedef struct
{
  const char  *speaker_id;
  const char  *topic_id;
  const char  *source_id;
  const char  *search;
  int          status;        /* an HsStatus, or -1 for any */
  HsQueryKind  kind;
  HsDate       due_before;    /* predictions whose latest resolve date is before this */
  HsDate       due_from;      /* predictions whose latest resolve date is this or later */
  HsDate       stated_from;   /* stated on or after */
  HsDate       stated_to;     /* stated on or before */
  HsQuerySort  sort;
  guint        limit;         /* 0 for no limit */
  guint        offset;
  HsWordsScale words_scale;   /* scoring: how predictions with words but no number count */
} HsQuery;

void hs_query_init (HsQuery *query);

G_END_DECLS
