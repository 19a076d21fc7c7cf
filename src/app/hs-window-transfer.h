/* hs-window-transfer.h: the window's import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hs-window.h"

G_BEGIN_DECLS

void hs_window_transfer_class_init     (GtkWidgetClass *widget_class);
void hs_window_transfer_update_actions (HsWindow       *self);

G_END_DECLS
