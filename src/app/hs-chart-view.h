/* hs-chart-view.h: a chart drawn in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hindsight-chart.h"

G_BEGIN_DECLS

#define HS_TYPE_CHART_VIEW (hs_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (HsChartView, hs_chart_view, HS, CHART_VIEW, GtkWidget)

GtkWidget *hs_chart_view_new         (void);
HsChart   *hs_chart_view_get_chart   (HsChartView *self);
void       hs_chart_view_set_chart   (HsChartView *self,
                                      HsChart     *chart);
void       hs_chart_view_set_summary (HsChartView *self,
                                      const char  *summary);

G_END_DECLS
