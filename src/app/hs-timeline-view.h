/* hs-timeline-view.h: the timeline chart in the window, zoomed, panned and
 * read with the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hindsight-chart.h"

G_BEGIN_DECLS

#define HS_TYPE_TIMELINE_VIEW (hs_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (HsTimelineView, hs_timeline_view, HS, TIMELINE_VIEW, GtkWidget)

GtkWidget       *hs_timeline_view_new             (void);
void             hs_timeline_view_set_store       (HsTimelineView  *self,
                                                   HsStore         *store);
HsTimelineChart *hs_timeline_view_get_chart       (HsTimelineView  *self);
void             hs_timeline_view_set_chart       (HsTimelineView  *self,
                                                   HsTimelineChart *chart);
GtkAdjustment   *hs_timeline_view_get_vadjustment (HsTimelineView  *self);
void             hs_timeline_view_zoom            (HsTimelineView  *self,
                                                   double           factor);
void             hs_timeline_view_fit             (HsTimelineView  *self);
gboolean         hs_timeline_view_can_zoom_in     (HsTimelineView  *self);
gboolean         hs_timeline_view_can_zoom_out    (HsTimelineView  *self);
gboolean         hs_timeline_view_is_fitted       (HsTimelineView  *self);
char            *hs_timeline_view_dup_range_text  (HsTimelineView  *self);
gint64           hs_timeline_view_get_focus_rowid (HsTimelineView  *self);

G_END_DECLS
