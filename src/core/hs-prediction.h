/* hs-prediction.h: what makes a claim a prediction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hs-date.h"
#include "hs-resolution.h"
#include "hs-types.h"

G_BEGIN_DECLS

#define HS_TYPE_PREDICTION (hs_prediction_get_type ())

G_DECLARE_FINAL_TYPE (HsPrediction, hs_prediction, HS, PREDICTION, GObject)

HsPrediction *hs_prediction_new                (const char   *horizon);
const char   *hs_prediction_get_horizon        (HsPrediction *self);
void          hs_prediction_set_horizon        (HsPrediction *self,
                                                const char   *value);
HsDate        hs_prediction_get_earliest       (HsPrediction *self);
void          hs_prediction_set_earliest       (HsPrediction *self,
                                                const HsDate *value);
HsDate        hs_prediction_get_latest         (HsPrediction *self);
void          hs_prediction_set_latest         (HsPrediction *self,
                                                const HsDate *value);
gboolean      hs_prediction_is_open_ended      (HsPrediction *self);
gboolean      hs_prediction_has_probability    (HsPrediction *self);
double        hs_prediction_get_probability    (HsPrediction *self);
void          hs_prediction_set_probability    (HsPrediction *self,
                                                double        value);
void          hs_prediction_clear_probability  (HsPrediction *self);
const char   *hs_prediction_get_confidence     (HsPrediction *self);
void          hs_prediction_set_confidence     (HsPrediction *self,
                                                const char   *value);
GListModel   *hs_prediction_get_resolutions    (HsPrediction *self);
void          hs_prediction_add_resolution     (HsPrediction *self,
                                                HsResolution *resolution);
gboolean      hs_prediction_remove_resolution  (HsPrediction *self,
                                                const char   *id);
HsResolution *hs_prediction_find_resolution    (HsPrediction *self,
                                                const char   *id);
HsResolution *hs_prediction_get_current        (HsPrediction *self);
HsStatus      hs_prediction_get_status         (HsPrediction *self);
gboolean      hs_prediction_is_overdue         (HsPrediction *self,
                                                const HsDate *today);
const char   *hs_prediction_differs            (HsPrediction *a,
                                                HsPrediction *b);

G_END_DECLS
