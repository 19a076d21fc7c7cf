/* hs-speaker-editor.h: add or edit a speaker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hs-editor.h"

G_BEGIN_DECLS

#define HS_TYPE_SPEAKER_EDITOR (hs_speaker_editor_get_type ())

G_DECLARE_FINAL_TYPE (HsSpeakerEditor, hs_speaker_editor, HS, SPEAKER_EDITOR, HsEditor)

GtkWidget *hs_speaker_editor_new (HsStore   *store,
                                  HsSpeaker *speaker);

G_END_DECLS
