/* hs-claim-list.h: a list model of claims that loads only what is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hs-query.h"
#include "hs-store.h"

G_BEGIN_DECLS

#define HS_TYPE_CLAIM_LIST (hs_claim_list_get_type ())

G_DECLARE_FINAL_TYPE (HsClaimList, hs_claim_list, HS, CLAIM_LIST, GObject)

HsClaimList *hs_claim_list_new         (HsStore        *store);
HsStore     *hs_claim_list_get_store   (HsClaimList    *self);
void         hs_claim_list_set_first_page (HsClaimList *self,
                                           guint        n_rows);
gboolean     hs_claim_list_set_query   (HsClaimList    *self,
                                        const HsQuery  *query,
                                        GError        **error);
gboolean     hs_claim_list_reload      (HsClaimList    *self,
                                        GError        **error);
gboolean     hs_claim_list_is_loading  (HsClaimList    *self);
void         hs_claim_list_finish_loading (HsClaimList *self);
guint        hs_claim_list_find        (HsClaimList    *self,
                                        const char     *claim_id);

G_END_DECLS
