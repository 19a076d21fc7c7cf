/* hs-claim-detail.h: one claim, read in full
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

#define HS_TYPE_CLAIM_DETAIL (hs_claim_detail_get_type ())

G_DECLARE_FINAL_TYPE (HsClaimDetail, hs_claim_detail, HS, CLAIM_DETAIL, GtkWidget)

GtkWidget  *hs_claim_detail_new          (void);
void        hs_claim_detail_set_store    (HsClaimDetail *self,
                                          HsStore       *store,
                                          GHashTable    *topic_names);
void        hs_claim_detail_show         (HsClaimDetail *self,
                                          const char    *claim_id);
void        hs_claim_detail_refresh      (HsClaimDetail *self);
const char *hs_claim_detail_get_claim_id (HsClaimDetail *self);
void        hs_claim_detail_set_folded   (HsClaimDetail *self,
                                          gboolean       folded);

G_END_DECLS
