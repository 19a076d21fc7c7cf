/* hs-format.h: how the window words dates, statuses and names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

char       *hs_format_date          (const HsDate *date);
char       *hs_format_window        (HsPrediction *prediction);
const char *hs_format_status        (HsStatus      status);
const char *hs_format_status_class  (HsStatus      status);
const char *hs_format_source_kind   (HsSourceKind  kind);
const char *hs_format_relation      (HsRelationKind kind,
                                     gboolean      incoming);
char       *hs_format_probability   (HsPrediction *prediction);
char       *hs_format_speaker_name  (HsSpeaker    *speaker);
char       *hs_format_affiliation   (HsAffiliation *affiliation);
char       *hs_format_current_role  (HsSpeaker    *speaker);
const char *hs_format_topic_name    (HsTopic      *topic);
gboolean    hs_format_interface_speaks (const char *tag);
void        hs_set_status_badge     (GtkLabel     *label,
                                     HsStatus      status);
void        hs_widget_unparent_children (GtkWidget *widget);
gboolean    hs_date_entry_read      (GtkEditable  *editable,
                                     HsDate       *date);

G_END_DECLS
