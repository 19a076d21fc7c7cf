/* hs-sources-page.h: every source, and what was said in it in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

#define HS_TYPE_SOURCES_PAGE (hs_sources_page_get_type ())

G_DECLARE_FINAL_TYPE (HsSourcesPage, hs_sources_page, HS, SOURCES_PAGE, GtkWidget)

GtkWidget  *hs_sources_page_new           (void);
void        hs_sources_page_set_store     (HsSourcesPage *self,
                                           HsStore       *store);
void        hs_sources_page_show_source   (HsSourcesPage *self,
                                           const char    *source_id);
const char *hs_sources_page_get_source_id (HsSourcesPage *self);
void        hs_sources_page_reload        (HsSourcesPage *self);

G_END_DECLS
