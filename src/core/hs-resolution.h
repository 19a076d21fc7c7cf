/* hs-resolution.h: one entry in a prediction's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hs-date.h"
#include "hs-types.h"

G_BEGIN_DECLS

#define HS_TYPE_RESOLUTION (hs_resolution_get_type ())

G_DECLARE_FINAL_TYPE (HsResolution, hs_resolution, HS, RESOLUTION, GObject)

HsResolution *hs_resolution_new              (const char   *id,
                                              HsStatus      status,
                                              const HsDate *on);
const char   *hs_resolution_get_id           (HsResolution *self);
HsStatus      hs_resolution_get_status       (HsResolution *self);
HsDate        hs_resolution_get_on           (HsResolution *self);
const char   *hs_resolution_get_evidence     (HsResolution *self);
void          hs_resolution_set_evidence     (HsResolution *self,
                                              const char   *value);
const char   *hs_resolution_get_url          (HsResolution *self);
void          hs_resolution_set_url          (HsResolution *self,
                                              const char   *value);
GDateTime    *hs_resolution_get_recorded_at  (HsResolution *self);
void          hs_resolution_set_recorded_at  (HsResolution *self,
                                              GDateTime    *value);
char         *hs_resolution_dup_recorded_at_string (HsResolution *self);
int           hs_resolution_compare          (HsResolution *a,
                                              HsResolution *b);
const char   *hs_resolution_differs          (HsResolution *a,
                                              HsResolution *b);
char         *hs_resolution_derive_id        (const char   *claim_id,
                                              HsResolution *self);

G_END_DECLS
