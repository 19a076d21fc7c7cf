/* hs-scorecard-page.h: each speaker's record, cut by topic and date, with charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

#define HS_TYPE_SCORECARD_PAGE (hs_scorecard_page_get_type ())

G_DECLARE_FINAL_TYPE (HsScorecardPage, hs_scorecard_page, HS, SCORECARD_PAGE, GtkWidget)

GtkWidget *hs_scorecard_page_new       (void);
void       hs_scorecard_page_set_store (HsScorecardPage *self,
                                        HsStore         *store);
void       hs_scorecard_page_reload    (HsScorecardPage *self);

G_END_DECLS
