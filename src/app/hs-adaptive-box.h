/* hs-adaptive-box.h: two children side by side when wide, stacked when narrow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HS_TYPE_ADAPTIVE_BOX (hs_adaptive_box_get_type ())

G_DECLARE_FINAL_TYPE (HsAdaptiveBox, hs_adaptive_box, HS, ADAPTIVE_BOX, GtkWidget)

GtkWidget *hs_adaptive_box_new             (void);
GtkWidget *hs_adaptive_box_get_start_child (HsAdaptiveBox *self);
void       hs_adaptive_box_set_start_child (HsAdaptiveBox *self,
                                            GtkWidget     *child);
GtkWidget *hs_adaptive_box_get_end_child   (HsAdaptiveBox *self);
void       hs_adaptive_box_set_end_child   (HsAdaptiveBox *self,
                                            GtkWidget     *child);
int        hs_adaptive_box_get_threshold   (HsAdaptiveBox *self);
void       hs_adaptive_box_set_threshold   (HsAdaptiveBox *self,
                                            int            threshold);
gboolean   hs_adaptive_box_get_wide        (HsAdaptiveBox *self);

G_END_DECLS
