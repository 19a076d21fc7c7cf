/* hs-topic.h: what a claim is about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HS_TYPE_TOPIC (hs_topic_get_type ())

G_DECLARE_FINAL_TYPE (HsTopic, hs_topic, HS, TOPIC, GObject)

HsTopic     *hs_topic_new             (const char *id,
                                       const char *name);
const char  *hs_topic_get_id          (HsTopic    *self);
const char  *hs_topic_get_name        (HsTopic    *self);
void         hs_topic_set_name        (HsTopic    *self,
                                       const char *value);
const char  *hs_topic_get_translation (HsTopic    *self,
                                       const char *language);
void         hs_topic_set_translation (HsTopic    *self,
                                       const char *language,
                                       const char *name);
char       **hs_topic_dup_languages   (HsTopic    *self);
const char  *hs_topic_get_name_for    (HsTopic    *self,
                                       const char *language);
const char  *hs_topic_differs         (HsTopic    *a,
                                       HsTopic    *b);

G_END_DECLS
