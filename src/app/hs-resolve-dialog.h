/* hs-resolve-dialog.h: mark a prediction confirmed, refuted, … or reopen it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hindsight-core.h"
#include "hs-window.h"

G_BEGIN_DECLS

#define HS_TYPE_RESOLVE_DIALOG (hs_resolve_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HsResolveDialog, hs_resolve_dialog, HS, RESOLVE_DIALOG, AdwWindow)

GtkWidget *hs_resolve_dialog_new   (HsWindow   *window,
                                    HsClaim    *claim);
gboolean   hs_resolve_dialog_open  (GtkWidget  *from,
                                    const char *claim_id);

G_END_DECLS
