/* hs-claim-row.h: one claim in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

#define HS_TYPE_CLAIM_ROW (hs_claim_row_get_type ())

G_DECLARE_FINAL_TYPE (HsClaimRow, hs_claim_row, HS, CLAIM_ROW, GtkWidget)

GtkWidget *hs_claim_row_new  (void);
void       hs_claim_row_bind (HsClaimRow *self,
                              HsClaim    *claim,
                              GHashTable *topic_names);

G_END_DECLS
