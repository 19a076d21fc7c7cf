/* hs-source-row.h: one source in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

#define HS_TYPE_SOURCE_ROW (hs_source_row_get_type ())

G_DECLARE_FINAL_TYPE (HsSourceRow, hs_source_row, HS, SOURCE_ROW, GtkWidget)

GtkWidget *hs_source_row_new  (void);
void       hs_source_row_bind (HsSourceRow *self,
                               HsSource    *source,
                               gint64       n_claims);

G_END_DECLS
