/* hs-compare-page.h: speakers compared: a stance matrix, claims side by side,
 * and every prediction in one sortable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

#define HS_TYPE_COMPARE_PAGE (hs_compare_page_get_type ())

G_DECLARE_FINAL_TYPE (HsComparePage, hs_compare_page, HS, COMPARE_PAGE, GtkWidget)

GtkWidget *hs_compare_page_new       (void);
void       hs_compare_page_set_store (HsComparePage *self,
                                      HsStore       *store);
void       hs_compare_page_reload    (HsComparePage *self);

G_END_DECLS
