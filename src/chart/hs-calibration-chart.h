/* hs-calibration-chart.h: stated probabilities against what happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hs-chart.h"

G_BEGIN_DECLS

#define HS_TYPE_CALIBRATION_CHART (hs_calibration_chart_get_type ())

G_DECLARE_FINAL_TYPE (HsCalibrationChart, hs_calibration_chart, HS, CALIBRATION_CHART, HsChart)

HsChart *hs_calibration_chart_new            (GArray         *bins);
HsChart *hs_calibration_chart_new_from_store (HsStore        *store,
                                              const HsQuery  *query,
                                              GError        **error);

G_END_DECLS
