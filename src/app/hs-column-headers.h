/* hs-column-headers.h: column view headers that screen readers can name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void hs_column_headers_watch (GtkColumnView *view);

G_END_DECLS
