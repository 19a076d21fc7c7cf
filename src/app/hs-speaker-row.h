/* hs-speaker-row.h: one speaker in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

#define HS_TYPE_SPEAKER_ROW (hs_speaker_row_get_type ())

G_DECLARE_FINAL_TYPE (HsSpeakerRow, hs_speaker_row, HS, SPEAKER_ROW, GtkWidget)

GtkWidget *hs_speaker_row_new  (void);
void       hs_speaker_row_bind (HsSpeakerRow *self,
                                HsSpeaker    *speaker,
                                gint64        n_claims,
                                gint64        n_predictions);

G_END_DECLS
