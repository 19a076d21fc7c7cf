/* hs-claims-page.h: every claim and prediction, searched and filtered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

#define HS_TYPE_CLAIMS_PAGE (hs_claims_page_get_type ())

G_DECLARE_FINAL_TYPE (HsClaimsPage, hs_claims_page, HS, CLAIMS_PAGE, GtkWidget)

GtkWidget      *hs_claims_page_new              (void);
void            hs_claims_page_set_store        (HsClaimsPage *self,
                                                 HsStore      *store);
void            hs_claims_page_show_claim       (HsClaimsPage *self,
                                                 const char   *claim_id);
void            hs_claims_page_filter_speaker   (HsClaimsPage *self,
                                                 const char   *speaker_id);
void            hs_claims_page_focus_search     (HsClaimsPage *self);
void            hs_claims_page_focus_list       (HsClaimsPage *self);
GtkSearchEntry *hs_claims_page_get_search_entry (HsClaimsPage *self);
void            hs_claims_page_get_query        (HsClaimsPage *self,
                                                 HsQuery      *query);
void            hs_claims_page_reload           (HsClaimsPage *self);

G_END_DECLS
