/* hs-speaker-row.c: one speaker in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <inttypes.h>

#include "hs-format.h"
#include "hs-speaker-row.h"

struct _HsSpeakerRow
{
  GtkWidget  parent_instance;

  /* Template children */
  AdwAvatar *avatar;
  GtkLabel  *name_label;
  GtkLabel  *native_label;
  GtkLabel  *role_label;
  GtkLabel  *counts_label;
};

G_DEFINE_FINAL_TYPE (HsSpeakerRow, hs_speaker_row, GTK_TYPE_WIDGET)

static void
hs_speaker_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HS_TYPE_SPEAKER_ROW);
  /* dispose_template() unparents the children it named; the others too. */
  hs_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (hs_speaker_row_parent_class)->dispose (object);
}

static void
hs_speaker_row_class_init (HsSpeakerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_speaker_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-speaker-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerRow, native_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerRow, role_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerRow, counts_label);
}

static void
hs_speaker_row_init (HsSpeakerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hs_speaker_row_new (void)
{
  return g_object_new (HS_TYPE_SPEAKER_ROW, NULL);
}

/**
 * hs_speaker_row_bind:
 * @n_claims: every claim of @speaker, predictions included, or -1 if unknown
 * @n_predictions: the predictions among them, or -1 if unknown
 *
 * The native name and the current position are always shown: they are
 * what tells apart two people with the same romanized name.
 */
void
hs_speaker_row_bind (HsSpeakerRow *self,
                     HsSpeaker    *speaker,
                     gint64        n_claims,
                     gint64        n_predictions)
{
  const char *name = hs_speaker_get_name (speaker);
  const char *native = hs_speaker_get_native_name (speaker);
  g_autofree char *role = hs_format_current_role (speaker);
  g_autofree char *display = hs_format_speaker_name (speaker);
  g_autofree char *claims = NULL;
  g_autofree char *predictions = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (HS_IS_SPEAKER_ROW (self));
  g_return_if_fail (HS_IS_SPEAKER (speaker));

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->native_label, native ? native : "");
  gtk_widget_set_visible (GTK_WIDGET (self->native_label), native != NULL && *native != '\0');
  gtk_label_set_text (self->role_label, role ? role : "");
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), role != NULL);

  if (n_claims >= 0 && n_predictions >= 0)
    {
      /* Translators: part of "30 claims · 14 predictions" */
      claims = g_strdup_printf (ngettext ("%'" PRId64 " claim",
                                          "%'" PRId64 " claims", n_claims), n_claims);
      /* Translators: part of "30 claims · 14 predictions" */
      predictions = g_strdup_printf (ngettext ("%'" PRId64 " prediction",
                                               "%'" PRId64 " predictions", n_predictions),
                                     n_predictions);
      counts = g_strdup_printf ("%s · %s", claims, predictions);
    }
  gtk_label_set_text (self->counts_label, counts ? counts : "");
  gtk_widget_set_visible (GTK_WIDGET (self->counts_label), counts != NULL);

  /* A screen reader hears the row as one sentence: who, where, how much. */
  if (role != NULL && counts != NULL)
    /* Translators: a speaker in the list: "Yang Zhilin 杨植麟, Moonshot AI, Founder and CEO. 30 claims · 14 predictions" */
    accessible = g_strdup_printf (_("%s, %s. %s"), display, role, counts);
  else if (counts != NULL)
    /* Translators: a speaker in the list: "Li Guangmi. 7 claims · 5 predictions" */
    accessible = g_strdup_printf (_("%s. %s"), display, counts);
  else if (role != NULL)
    /* Translators: a speaker in the list: "Yang Zhilin 杨植麟, Moonshot AI, Founder and CEO" */
    accessible = g_strdup_printf (_("%s, %s"), display, role);
  else
    accessible = g_strdup (display);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}
