/* hs-store-counts.h: claims counted in groups, one query per table of counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hs-query.h"
#include "hs-store.h"

G_BEGIN_DECLS

typedef struct
{
  char   *speaker_id;
  char   *topic_id;     /* NULL when counted by speaker alone */
  gint64  claims;       /* the claims the query selects */
  gint64  predictions;  /* how many of them are predictions, or -1 when not counted */
  gint64  newest;       /* the rowid of the group's first claim, newest first (for
                         * hs_store_get_claim_at()), or 0 when not looked for */
} HsClaimCount;

void          hs_claim_count_free                 (HsClaimCount       *count);

GPtrArray    *hs_store_count_by_speaker           (HsStore            *self,
                                                   const HsQuery      *query,
                                                   GError            **error);
GPtrArray    *hs_store_count_by_speaker_and_topic (HsStore            *self,
                                                   const HsQuery      *query,
                                                   const char * const *speaker_ids,
                                                   GError            **error);
gboolean      hs_store_count_due_before           (HsStore            *self,
                                                   const HsQuery      *query,
                                                   const HsDate       *before,
                                                   guint               n_before,
                                                   gint64             *counts,
                                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsClaimCount, hs_claim_count_free)

G_END_DECLS
