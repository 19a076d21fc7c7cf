/* hs-claim.h: one thing a speaker said
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hs-date.h"
#include "hs-prediction.h"
#include "hs-source.h"
#include "hs-speaker.h"
#include "hs-types.h"

G_BEGIN_DECLS

/* A claim's link to another: this claim supports / contradicts / revises /
 * says the same as @claim_id. */
typedef struct
{
  HsRelationKind  kind;
  char           *claim_id;
  char           *note;
} HsRelation;

#define HS_TYPE_RELATION (hs_relation_get_type ())

GType        hs_relation_get_type (void) G_GNUC_CONST;
HsRelation  *hs_relation_new      (HsRelationKind    kind,
                                   const char       *claim_id,
                                   const char       *note);
HsRelation  *hs_relation_copy     (const HsRelation *self);
void         hs_relation_free     (HsRelation       *self);
gboolean     hs_relation_equal    (const HsRelation *a,
                                   const HsRelation *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsRelation, hs_relation_free)

#define HS_TYPE_CLAIM (hs_claim_get_type ())

G_DECLARE_FINAL_TYPE (HsClaim, hs_claim, HS, CLAIM, GObject)

HsClaim            *hs_claim_new                   (const char   *id,
                                                    const char   *speaker_id,
                                                    const char   *text);
const char         *hs_claim_get_id                (HsClaim      *self);
const char         *hs_claim_get_speaker_id        (HsClaim      *self);
void                hs_claim_set_speaker_id        (HsClaim      *self,
                                                    const char   *value);
const char         *hs_claim_get_source_id         (HsClaim      *self);
void                hs_claim_set_source_id         (HsClaim      *self,
                                                    const char   *value);
const char         *hs_claim_get_text              (HsClaim      *self);
void                hs_claim_set_text              (HsClaim      *self,
                                                    const char   *value);
const char         *hs_claim_get_quote             (HsClaim      *self);
void                hs_claim_set_quote             (HsClaim      *self,
                                                    const char   *value);
const char         *hs_claim_get_original_text     (HsClaim      *self);
void                hs_claim_set_original_text     (HsClaim      *self,
                                                    const char   *value);
const char         *hs_claim_get_original_language (HsClaim      *self);
void                hs_claim_set_original_language (HsClaim      *self,
                                                    const char   *value);
const char         *hs_claim_get_locator           (HsClaim      *self);
void                hs_claim_set_locator           (HsClaim      *self,
                                                    const char   *value);
HsDate              hs_claim_get_stated_on         (HsClaim      *self);
void                hs_claim_set_stated_on         (HsClaim      *self,
                                                    const HsDate *value);
const char * const *hs_claim_get_topics            (HsClaim      *self);
void                hs_claim_set_topics            (HsClaim      *self,
                                                    const char * const *topics);
GPtrArray          *hs_claim_get_relations         (HsClaim      *self);
void                hs_claim_add_relation          (HsClaim      *self,
                                                    HsRelation   *relation);
void                hs_claim_clear_relations       (HsClaim      *self);
HsPrediction       *hs_claim_get_prediction        (HsClaim      *self);
void                hs_claim_set_prediction        (HsClaim      *self,
                                                    HsPrediction *prediction);
gboolean            hs_claim_is_prediction         (HsClaim      *self);
HsSpeaker          *hs_claim_get_speaker           (HsClaim      *self);
void                hs_claim_set_speaker           (HsClaim      *self,
                                                    HsSpeaker    *speaker);
HsSource           *hs_claim_get_source            (HsClaim      *self);
void                hs_claim_set_source            (HsClaim      *self,
                                                    HsSource     *source);
const char         *hs_claim_differs               (HsClaim      *a,
                                                    HsClaim      *b);

G_END_DECLS
