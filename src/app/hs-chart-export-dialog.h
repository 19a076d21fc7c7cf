/* hs-chart-export-dialog.h: a chart as PNG, SVG or PDF, or on the clipboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hindsight-chart.h"

G_BEGIN_DECLS

#define HS_TYPE_CHART_EXPORT_DIALOG (hs_chart_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HsChartExportDialog, hs_chart_export_dialog, HS, CHART_EXPORT_DIALOG, AdwWindow)

void hs_chart_export_dialog_present (GtkWindow  *parent,
                                     HsChart    *chart,
                                     const char *suggested_basename);
void hs_chart_copy_image            (GtkWidget  *widget,
                                     HsChart    *chart,
                                     int         width,
                                     int         height,
                                     double      scale);

G_END_DECLS
