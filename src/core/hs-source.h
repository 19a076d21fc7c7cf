/* hs-source.h: where something was said
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hs-date.h"
#include "hs-types.h"

G_BEGIN_DECLS

#define HS_TYPE_SOURCE (hs_source_get_type ())

G_DECLARE_FINAL_TYPE (HsSource, hs_source, HS, SOURCE, GObject)

HsSource     *hs_source_new            (const char   *id,
                                        const char   *title,
                                        HsSourceKind  kind);
const char   *hs_source_get_id         (HsSource     *self);
const char   *hs_source_get_title      (HsSource     *self);
void          hs_source_set_title      (HsSource     *self,
                                        const char   *value);
HsSourceKind  hs_source_get_kind       (HsSource     *self);
void          hs_source_set_kind       (HsSource     *self,
                                        HsSourceKind  kind);
const char   *hs_source_get_publisher  (HsSource     *self);
void          hs_source_set_publisher  (HsSource     *self,
                                        const char   *value);
const char   *hs_source_get_url        (HsSource     *self);
void          hs_source_set_url        (HsSource     *self,
                                        const char   *value);
HsDate        hs_source_get_published  (HsSource     *self);
void          hs_source_set_published  (HsSource     *self,
                                        const HsDate *value);
const char   *hs_source_get_date_note  (HsSource     *self);
void          hs_source_set_date_note  (HsSource     *self,
                                        const char   *value);
const char   *hs_source_get_event      (HsSource     *self);
void          hs_source_set_event      (HsSource     *self,
                                        const char   *value);
HsDate        hs_source_get_event_date (HsSource     *self);
void          hs_source_set_event_date (HsSource     *self,
                                        const HsDate *value);
const char   *hs_source_get_language   (HsSource     *self);
void          hs_source_set_language   (HsSource     *self,
                                        const char   *value);
const char   *hs_source_get_notes      (HsSource     *self);
void          hs_source_set_notes      (HsSource     *self,
                                        const char   *value);
HsDate        hs_source_get_default_date (HsSource   *self);
const char   *hs_source_differs        (HsSource     *a,
                                        HsSource     *b);

G_END_DECLS
