/* hs-progress-window.h: how far long work got, with a way to stop it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HS_TYPE_PROGRESS_WINDOW (hs_progress_window_get_type ())

G_DECLARE_FINAL_TYPE (HsProgressWindow, hs_progress_window, HS, PROGRESS_WINDOW, AdwWindow)

HsProgressWindow *hs_progress_window_new          (GtkWindow        *parent,
                                                   const char       *title,
                                                   const char       *heading,
                                                   GCancellable     *cancellable);
void              hs_progress_window_set_progress (HsProgressWindow *self,
                                                   guint64           done,
                                                   guint64           total);
void              hs_progress_window_finish       (HsProgressWindow *self);

G_END_DECLS
