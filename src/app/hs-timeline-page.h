/* hs-timeline-page.h: predictions as spans in time, zoomed and panned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

#define HS_TYPE_TIMELINE_PAGE (hs_timeline_page_get_type ())

G_DECLARE_FINAL_TYPE (HsTimelinePage, hs_timeline_page, HS, TIMELINE_PAGE, GtkWidget)

GtkWidget *hs_timeline_page_new       (void);
void       hs_timeline_page_set_store (HsTimelinePage *self,
                                       HsStore        *store);
void       hs_timeline_page_set_query (HsTimelinePage *self,
                                       const HsQuery  *query);
void       hs_timeline_page_reload    (HsTimelinePage *self);

G_END_DECLS
