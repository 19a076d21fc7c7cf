/* hs-reverse-list-model.h: a list model read backwards, or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HS_TYPE_REVERSE_LIST_MODEL (hs_reverse_list_model_get_type ())

G_DECLARE_FINAL_TYPE (HsReverseListModel, hs_reverse_list_model, HS, REVERSE_LIST_MODEL, GObject)

HsReverseListModel *hs_reverse_list_model_new          (GListModel         *model);
GListModel         *hs_reverse_list_model_get_model    (HsReverseListModel *self);
gboolean            hs_reverse_list_model_get_reversed (HsReverseListModel *self);
void                hs_reverse_list_model_set_reversed (HsReverseListModel *self,
                                                        gboolean            reversed);

G_END_DECLS
