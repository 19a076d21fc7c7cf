/* hs-source-editor.h: add or edit a source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hs-editor.h"

G_BEGIN_DECLS

#define HS_TYPE_SOURCE_EDITOR (hs_source_editor_get_type ())

G_DECLARE_FINAL_TYPE (HsSourceEditor, hs_source_editor, HS, SOURCE_EDITOR, HsEditor)

GtkWidget *hs_source_editor_new (HsStore  *store,
                                 HsSource *source);

G_END_DECLS
