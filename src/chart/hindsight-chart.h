/* hindsight-chart.h: the charts, for the app, the CLI and the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hs-calibration-chart.h"
#include "hs-chart.h"
#include "hs-due-chart.h"
#include "hs-scorecard-chart.h"
#include "hs-timeline-chart.h"

G_BEGIN_DECLS

HsChart    *hs_chart_new_for_kind (const char     *kind,
                                   HsStore        *store,
                                   const HsQuery  *query,
                                   GError        **error);
const char *hs_chart_kind_names   (void);

G_END_DECLS
