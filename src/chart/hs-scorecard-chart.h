/* hs-scorecard-chart.h: each speaker's record, stacked by status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hs-chart.h"

G_BEGIN_DECLS

#define HS_TYPE_SCORECARD_CHART (hs_scorecard_chart_get_type ())

G_DECLARE_FINAL_TYPE (HsScorecardChart, hs_scorecard_chart, HS, SCORECARD_CHART, HsChart)

HsChart *hs_scorecard_chart_new            (GPtrArray      *rows);
HsChart *hs_scorecard_chart_new_from_store (HsStore        *store,
                                            const HsQuery  *query,
                                            GError        **error);

G_END_DECLS
