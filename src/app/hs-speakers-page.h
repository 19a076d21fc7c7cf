/* hs-speakers-page.h: every speaker, with a profile, a record and claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

#define HS_TYPE_SPEAKERS_PAGE (hs_speakers_page_get_type ())

G_DECLARE_FINAL_TYPE (HsSpeakersPage, hs_speakers_page, HS, SPEAKERS_PAGE, GtkWidget)

GtkWidget      *hs_speakers_page_new              (void);
void            hs_speakers_page_set_store        (HsSpeakersPage *self,
                                                   HsStore        *store);
void            hs_speakers_page_show_speaker     (HsSpeakersPage *self,
                                                   const char     *speaker_id);
const char     *hs_speakers_page_get_speaker_id   (HsSpeakersPage *self);
void            hs_speakers_page_focus_search     (HsSpeakersPage *self);
GtkSearchEntry *hs_speakers_page_get_search_entry (HsSpeakersPage *self);
void            hs_speakers_page_reload           (HsSpeakersPage *self);

G_END_DECLS
