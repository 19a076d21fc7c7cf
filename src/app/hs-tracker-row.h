/* hs-tracker-row.h: one prediction waiting for its outcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

#define HS_TYPE_TRACKER_ROW (hs_tracker_row_get_type ())

G_DECLARE_FINAL_TYPE (HsTrackerRow, hs_tracker_row, HS, TRACKER_ROW, GtkWidget)

GtkWidget *hs_tracker_row_new  (void);
void       hs_tracker_row_bind (HsTrackerRow *self,
                                HsClaim      *claim,
                                const HsDate *today);

G_END_DECLS
