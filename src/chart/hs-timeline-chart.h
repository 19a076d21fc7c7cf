/* hs-timeline-chart.h: predictions as spans in time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hs-chart.h"

G_BEGIN_DECLS

#define HS_TYPE_TIMELINE_CHART (hs_timeline_chart_get_type ())

G_DECLARE_FINAL_TYPE (HsTimelineChart, hs_timeline_chart, HS, TIMELINE_CHART, HsChart)

HsChart              *hs_timeline_chart_new              (HsTimelineData  *data);
HsChart              *hs_timeline_chart_new_from_store   (HsStore         *store,
                                                          const HsQuery   *query,
                                                          HsLaneKind       lanes,
                                                          GError         **error);
const HsTimelineData *hs_timeline_chart_get_data         (HsTimelineChart *self);
void                  hs_timeline_chart_get_extent       (HsTimelineChart *self,
                                                          gint32          *first_day,
                                                          gint32          *last_day);
void                  hs_timeline_chart_get_view         (HsTimelineChart *self,
                                                          gint32          *first_day,
                                                          gint32          *last_day);
void                  hs_timeline_chart_set_view         (HsTimelineChart *self,
                                                          gint32           first_day,
                                                          gint32           last_day);
void                  hs_timeline_chart_fit              (HsTimelineChart *self);
void                  hs_timeline_chart_set_scrollable   (HsTimelineChart *self,
                                                          gboolean         scrollable);
void                  hs_timeline_chart_set_scroll       (HsTimelineChart *self,
                                                          double           offset);
double                hs_timeline_chart_get_content_height (HsTimelineChart *self);
void                  hs_timeline_chart_set_selected     (HsTimelineChart *self,
                                                          int              index);
int                   hs_timeline_chart_get_selected     (HsTimelineChart *self);
void                  hs_timeline_chart_set_hovered      (HsTimelineChart *self,
                                                          int              index);
int                   hs_timeline_chart_item_at          (HsTimelineChart *self,
                                                          double           x,
                                                          double           y);
gboolean              hs_timeline_chart_get_item_area    (HsTimelineChart *self,
                                                          int              index,
                                                          double          *x,
                                                          double          *y,
                                                          double          *width,
                                                          double          *height);
gboolean              hs_timeline_chart_is_aggregated    (HsTimelineChart *self);
double                hs_timeline_chart_day_to_x         (HsTimelineChart *self,
                                                          double           day);
double                hs_timeline_chart_x_to_day         (HsTimelineChart *self,
                                                          double           x);
double                hs_timeline_chart_get_plot_width   (HsTimelineChart *self);

G_END_DECLS
