/* hs-claim-row.c: one claim in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "hs-claim-row.h"
#include "hs-format.h"

struct _HsClaimRow
{
  GtkWidget  parent_instance;

  AdwAvatar *avatar;
  GtkLabel  *name_label;
  GtkLabel  *native_label;
  GtkLabel  *status_label;
  GtkLabel  *original_label;
  GtkLabel  *text_label;
  GtkLabel  *source_label;
  GtkLabel  *topics_label;
};

G_DEFINE_FINAL_TYPE (HsClaimRow, hs_claim_row, GTK_TYPE_WIDGET)

static void
hs_claim_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HS_TYPE_CLAIM_ROW);
  /* dispose_template() unparents the children it named; the others too. */
  hs_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (hs_claim_row_parent_class)->dispose (object);
}

static void
hs_claim_row_class_init (HsClaimRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_claim_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-claim-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HsClaimRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, HsClaimRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimRow, native_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimRow, original_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimRow, source_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimRow, topics_label);
}

static void
hs_claim_row_init (HsClaimRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hs_claim_row_new (void)
{
  return g_object_new (HS_TYPE_CLAIM_ROW, NULL);
}

/**
 * hs_claim_row_bind:
 * @topic_names: topic id → name to show
 *
 * Everything from the data goes in as text, never as markup.
 */
void
hs_claim_row_bind (HsClaimRow *self,
                   HsClaim    *claim,
                   GHashTable *topic_names)
{
  HsSpeaker *speaker = hs_claim_get_speaker (claim);
  HsSource *source = hs_claim_get_source (claim);
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  HsDate stated_on = hs_claim_get_stated_on (claim);
  const char * const *topics = hs_claim_get_topics (claim);
  g_autofree char *date = hs_format_date (&stated_on);
  g_autofree char *where = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(GString) topic_line = g_string_new (NULL);
  const char *name = speaker ? hs_speaker_get_name (speaker) : hs_claim_get_speaker_id (claim);
  const char *native = speaker ? hs_speaker_get_native_name (speaker) : NULL;
  const char *original = hs_claim_get_original_text (claim);
  gboolean original_first = original != NULL
                            && hs_format_interface_speaks (hs_claim_get_original_language (claim));

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->native_label, native ? native : "");
  gtk_widget_set_visible (GTK_WIDGET (self->native_label), native != NULL);
  gtk_label_set_text (self->text_label, hs_claim_get_text (claim));
  gtk_label_set_text (self->original_label, original_first ? original : "");
  gtk_widget_set_visible (GTK_WIDGET (self->original_label), original_first);
  /* Below the original, the English wording is the second reading. */
  gtk_label_set_lines (self->text_label, original_first ? 2 : 3);
  if (original_first)
    gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->text_label), "dim-label");

  if (source != NULL)
    where = g_strdup_printf ("%s · %s", hs_source_get_title (source), date);
  else
    where = g_strdup (date);
  gtk_label_set_text (self->source_label, where);

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      const char *topic = topic_names ? g_hash_table_lookup (topic_names, topics[i]) : NULL;

      if (topic_line->len > 0)
        g_string_append (topic_line, " · ");
      g_string_append (topic_line, topic ? topic : topics[i]);
    }
  gtk_label_set_text (self->topics_label, topic_line->str);
  gtk_widget_set_visible (GTK_WIDGET (self->topics_label), topic_line->len > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->status_label), prediction != NULL);
  if (prediction != NULL)
    hs_set_status_badge (self->status_label, hs_prediction_get_status (prediction));

  /* A screen reader hears the row as one sentence: who (with the native
   * name, which tells two Yao Shunyus apart by ear too), when, what, and
   * the status of a prediction. */
  {
    g_autofree char *who = speaker ? hs_format_speaker_name (speaker) : g_strdup (name);
    g_autofree char *what = original_first
                              ? g_strdup_printf ("%s %s", original, hs_claim_get_text (claim))
                              : g_strdup (hs_claim_get_text (claim));
    gsize length = strlen (what);

    while (length > 0 && (what[length - 1] == '.' || g_ascii_isspace (what[length - 1])))
      what[--length] = '\0';
    if (prediction != NULL)
      accessible = g_strdup_printf (_("%s, %s: %s. Prediction, %s."), who, date, what,
                                    hs_format_status (hs_prediction_get_status (prediction)));
    else
      accessible = g_strdup_printf (_("%s, %s: %s."), who, date, what);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}
