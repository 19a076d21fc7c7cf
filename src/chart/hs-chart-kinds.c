/* hs-chart-kinds.c: a chart by its name, as the CLI and export name them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hindsight-chart.h"

const char *
hs_chart_kind_names (void)
{
  return "timeline, timeline-topics, scorecard, calibration, due";
}

/**
 * hs_chart_new_for_kind:
 * @kind: timeline (lanes by speaker), timeline-topics, scorecard,
 *   calibration or due
 *
 * Returns: (transfer full): the chart of the predictions @query selects
 */
HsChart *
hs_chart_new_for_kind (const char     *kind,
                       HsStore        *store,
                       const HsQuery  *query,
                       GError        **error)
{
  HsChart *chart = NULL;
  const char *title = NULL;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (HS_IS_STORE (store), NULL);

  if (g_strcmp0 (kind, "timeline") == 0)
    {
      chart = hs_timeline_chart_new_from_store (store, query, HS_LANES_BY_SPEAKER, error);
      title = _("Predictions over time, by speaker");
    }
  else if (g_strcmp0 (kind, "timeline-topics") == 0)
    {
      chart = hs_timeline_chart_new_from_store (store, query, HS_LANES_BY_TOPIC, error);
      title = _("Predictions over time, by topic");
    }
  else if (g_strcmp0 (kind, "scorecard") == 0)
    {
      chart = hs_scorecard_chart_new_from_store (store, query, error);
      title = _("Scorecard");
    }
  else if (g_strcmp0 (kind, "calibration") == 0)
    {
      chart = hs_calibration_chart_new_from_store (store, query, error);
      title = _("Calibration");
    }
  else if (g_strcmp0 (kind, "due") == 0)
    {
      chart = hs_due_chart_new_from_store (store, query, error);
      title = _("Predictions due over time");
    }
  else
    {
      g_set_error (error, HS_CHART_ERROR, HS_CHART_ERROR_UNKNOWN_KIND,
                   "“%s” is not a chart; the charts are: %s", kind, hs_chart_kind_names ());
      return NULL;
    }

  if (chart != NULL)
    hs_chart_set_title (chart, title);
  return chart;
}
