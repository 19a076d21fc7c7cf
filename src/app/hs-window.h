/* hs-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hindsight-core.h"
#include "hs-application.h"

G_BEGIN_DECLS

#define HS_TYPE_WINDOW (hs_window_get_type ())

G_DECLARE_FINAL_TYPE (HsWindow, hs_window, HS, WINDOW, AdwApplicationWindow)

HsWindow *hs_window_new       (HsApplication *application,
                               HsStore       *store,
                               const char    *open_error);
HsStore  *hs_window_get_store (HsWindow      *self);
void      hs_window_data_changed (HsWindow   *self);
AdwToast *hs_window_toast     (HsWindow      *self,
                               const char    *title);
AdwToast *hs_window_toast_undo (HsWindow     *self,
                                const char   *title);
void      hs_window_show_record (HsWindow    *self,
                                 HsObjectKind kind,
                                 const char  *id);
void      hs_window_get_context (HsWindow    *self,
                                 const char **speaker_id,
                                 const char **source_id);
void      hs_window_show_page (HsWindow      *self,
                               const char    *name);

G_END_DECLS
