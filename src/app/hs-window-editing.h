/* hs-window-editing.h: the window's actions that add, edit and delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hs-window.h"

G_BEGIN_DECLS

void hs_window_editing_class_init     (GtkWidgetClass *widget_class);
void hs_window_editing_update_actions (HsWindow       *self);

G_END_DECLS
