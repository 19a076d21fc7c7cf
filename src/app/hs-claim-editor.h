/* hs-claim-editor.h: add or edit a claim or a prediction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hs-editor.h"

G_BEGIN_DECLS

#define HS_TYPE_CLAIM_EDITOR (hs_claim_editor_get_type ())

G_DECLARE_FINAL_TYPE (HsClaimEditor, hs_claim_editor, HS, CLAIM_EDITOR, HsEditor)

GtkWidget *hs_claim_editor_new (HsStore    *store,
                                HsClaim    *claim,
                                const char *speaker_id,
                                const char *source_id);

G_END_DECLS
