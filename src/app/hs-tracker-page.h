/* hs-tracker-page.h: predictions waiting for their outcome, by when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

#define HS_TYPE_TRACKER_PAGE (hs_tracker_page_get_type ())

G_DECLARE_FINAL_TYPE (HsTrackerPage, hs_tracker_page, HS, TRACKER_PAGE, GtkWidget)

GtkWidget *hs_tracker_page_new              (void);
void       hs_tracker_page_set_store        (HsTrackerPage *self,
                                             HsStore       *store);
void       hs_tracker_page_reload           (HsTrackerPage *self);
guint      hs_tracker_page_get_n_overdue    (HsTrackerPage *self);
guint      hs_tracker_page_get_n_due_soon   (HsTrackerPage *self);

G_END_DECLS
