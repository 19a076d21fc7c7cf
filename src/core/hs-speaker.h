/* hs-speaker.h: a person who says things
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hs-date.h"

G_BEGIN_DECLS

/* One position a speaker held, for as long as they held it. */
typedef struct
{
  char   *organization;
  char   *role;
  HsDate  from;
  HsDate  to;
} HsAffiliation;

#define HS_TYPE_AFFILIATION (hs_affiliation_get_type ())

GType          hs_affiliation_get_type (void) G_GNUC_CONST;
HsAffiliation *hs_affiliation_new      (const char          *organization,
                                        const char          *role,
                                        const HsDate        *from,
                                        const HsDate        *to);
HsAffiliation *hs_affiliation_copy     (const HsAffiliation *self);
void           hs_affiliation_free     (HsAffiliation       *self);
gboolean       hs_affiliation_equal    (const HsAffiliation *a,
                                        const HsAffiliation *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsAffiliation, hs_affiliation_free)

#define HS_TYPE_SPEAKER (hs_speaker_get_type ())

G_DECLARE_FINAL_TYPE (HsSpeaker, hs_speaker, HS, SPEAKER, GObject)

HsSpeaker          *hs_speaker_new                (const char    *id,
                                                   const char    *name);
const char         *hs_speaker_get_id             (HsSpeaker     *self);
const char         *hs_speaker_get_name           (HsSpeaker     *self);
void                hs_speaker_set_name           (HsSpeaker     *self,
                                                   const char    *name);
const char         *hs_speaker_get_native_name    (HsSpeaker     *self);
void                hs_speaker_set_native_name    (HsSpeaker     *self,
                                                   const char    *native_name);
const char * const *hs_speaker_get_aliases        (HsSpeaker     *self);
void                hs_speaker_set_aliases        (HsSpeaker     *self,
                                                   const char * const *aliases);
const char         *hs_speaker_get_bio            (HsSpeaker     *self);
void                hs_speaker_set_bio            (HsSpeaker     *self,
                                                   const char    *bio);
GPtrArray          *hs_speaker_get_affiliations   (HsSpeaker     *self);
void                hs_speaker_add_affiliation    (HsSpeaker     *self,
                                                   HsAffiliation *affiliation);
void                hs_speaker_clear_affiliations (HsSpeaker     *self);
char               *hs_speaker_dup_display_name   (HsSpeaker     *self);
const char         *hs_speaker_differs            (HsSpeaker     *a,
                                                   HsSpeaker     *b);

G_END_DECLS
