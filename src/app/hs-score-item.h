/* hs-score-item.h: one speaker's scorecard row, as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

#define HS_TYPE_SCORE_ITEM (hs_score_item_get_type ())

G_DECLARE_FINAL_TYPE (HsScoreItem, hs_score_item, HS, SCORE_ITEM, GObject)

HsScoreItem      *hs_score_item_new     (const HsScoreRow *row);
const HsScoreRow *hs_score_item_get_row (HsScoreItem      *self);
char             *hs_score_item_format_hit_rate (const HsScoreRow *row);
char             *hs_score_item_format_brier    (const HsScoreRow *row);

G_END_DECLS
