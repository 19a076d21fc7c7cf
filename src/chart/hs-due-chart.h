/* hs-due-chart.h: predictions falling due, quarter by quarter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hs-chart.h"

G_BEGIN_DECLS

#define HS_TYPE_DUE_CHART (hs_due_chart_get_type ())

G_DECLARE_FINAL_TYPE (HsDueChart, hs_due_chart, HS, DUE_CHART, HsChart)

HsChart *hs_due_chart_new            (GArray         *buckets);
HsChart *hs_due_chart_new_from_store (HsStore        *store,
                                      const HsQuery  *query,
                                      GError        **error);

G_END_DECLS
