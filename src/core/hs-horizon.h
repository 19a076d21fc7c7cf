/* hs-horizon.h: from a stated horizon to the dates a prediction can resolve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hs-date.h"

G_BEGIN_DECLS

#define HS_HORIZON_ERROR (hs_horizon_error_quark ())

typedef enum
{
  HS_HORIZON_ERROR_UNKNOWN,  /* the words are not a horizon form Hindsight knows */
  HS_HORIZON_ERROR_INVALID,  /* a known form that makes no sense here ("in 2020" said in 2026) */
  HS_HORIZON_ERROR_NO_DATE,  /* the stated date is missing */
} HsHorizonError;

GQuark       hs_horizon_error_quark   (void);

gboolean     hs_horizon_derive        (const char   *horizon,
                                       const HsDate *stated,
                                       HsDate       *earliest,
                                       HsDate       *latest,
                                       GError      **error);
gboolean     hs_horizon_is_open_ended (const char   *horizon);
const char  *hs_horizon_forms_hint    (void);

G_END_DECLS
