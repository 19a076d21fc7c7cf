/* hs-tracker-row.c: one prediction waiting for its outcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "hs-format.h"
#include "hs-tracker-row.h"

/* How much of a prediction names its Resolve button: enough to tell the
 * buttons of a list apart by ear. */
#define NAME_WORDS 8

struct _HsTrackerRow
{
  GtkWidget  parent_instance;

  /* Template children */
  GtkLabel  *name_label;
  GtkLabel  *native_label;
  GtkLabel  *text_label;
  GtkLabel  *due_label;
  GtkWidget *resolve_button;
};

G_DEFINE_FINAL_TYPE (HsTrackerRow, hs_tracker_row, GTK_TYPE_WIDGET)

static void
hs_tracker_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HS_TYPE_TRACKER_ROW);
  /* dispose_template() unparents the children it named; the others too. */
  hs_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (hs_tracker_row_parent_class)->dispose (object);
}

static void
hs_tracker_row_class_init (HsTrackerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_tracker_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-tracker-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HsTrackerRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, HsTrackerRow, native_label);
  gtk_widget_class_bind_template_child (widget_class, HsTrackerRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, HsTrackerRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, HsTrackerRow, resolve_button);
}

static void
hs_tracker_row_init (HsTrackerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hs_tracker_row_new (void)
{
  return g_object_new (HS_TYPE_TRACKER_ROW, NULL);
}

/* The first words of @text, with an ellipsis when there are more. */
static char *
first_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0, i;

  for (i = 0; words[i] != NULL && n < NAME_WORDS; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
      n++;
    }
  while (words[i] != NULL && *words[i] == '\0')
    i++;
  if (words[i] != NULL)
    g_string_append (out, "…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "Overdue by 12 days · due 10 November 2026", "Due today", "Due 31
 * December 2026 · in 9 days", "Due 31 December 2027", "Open-ended ·
 * predicted March 2025": in words, never by colour alone. */
static char *
format_due (HsPrediction *prediction,
            HsClaim      *claim,
            const HsDate *today,
            gboolean     *overdue)
{
  HsDate latest = hs_prediction_get_latest (prediction);
  HsDate last;
  g_autofree char *date = NULL;
  int days;

  *overdue = FALSE;
  if (!hs_date_is_set (&latest))
    {
      HsDate stated = hs_claim_get_stated_on (claim);
      g_autofree char *stated_text = hs_format_date (&stated);

      /* Translators: a prediction with no date by which it resolves */
      return g_strdup_printf (_("Open-ended · predicted %s"), stated_text);
    }

  date = hs_format_date (&latest);
  last = hs_date_last_day (&latest);
  days = hs_date_days_between (today, &last);
  if (days < 0)
    {
      *overdue = TRUE;
      /* Translators: "Overdue by 12 days · due 10 November 2026" */
      return g_strdup_printf (ngettext ("Overdue by %d day · due %s", "Overdue by %d days · due %s", -days),
                              -days, date);
    }
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days <= 30)
    /* Translators: "Due 1 December 2026 · in 9 days" */
    return g_strdup_printf (ngettext ("Due %s · in %d day", "Due %s · in %d days", days), date, days);
  /* Translators: "Due 31 December 2027" */
  return g_strdup_printf (_("Due %s"), date);
}

/**
 * hs_tracker_row_bind:
 * @claim: a prediction
 * @today: the day the page counts from
 *
 * Everything from the data goes in as text, never as markup.
 */
void
hs_tracker_row_bind (HsTrackerRow *self,
                     HsClaim      *claim,
                     const HsDate *today)
{
  HsSpeaker *speaker = hs_claim_get_speaker (claim);
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  const char *name = speaker ? hs_speaker_get_name (speaker) : hs_claim_get_speaker_id (claim);
  const char *native = speaker ? hs_speaker_get_native_name (speaker) : NULL;
  g_autofree char *who = speaker ? hs_format_speaker_name (speaker) : g_strdup (name);
  g_autofree char *due = NULL;
  g_autofree char *words = NULL;
  g_autofree char *button_name = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *what = NULL;
  gboolean overdue = FALSE;
  gsize length;

  g_return_if_fail (HS_IS_TRACKER_ROW (self));
  g_return_if_fail (HS_IS_CLAIM (claim));

  gtk_label_set_text (self->name_label, name ? name : "");
  gtk_label_set_text (self->native_label, native ? native : "");
  gtk_widget_set_visible (GTK_WIDGET (self->native_label), native != NULL && *native != '\0');
  gtk_label_set_text (self->text_label, hs_claim_get_text (claim));

  gtk_widget_set_visible (self->resolve_button, prediction != NULL);
  if (prediction == NULL)
    {
      /* A row deleted under the list stands in as an empty claim. */
      gtk_label_set_text (self->due_label, "");
      return;
    }

  due = format_due (prediction, claim, today, &overdue);
  gtk_label_set_text (self->due_label, due);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "overdue");

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->resolve_button), "s", hs_claim_get_id (claim));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->resolve_button), "tracker.resolve");
  /* Every row has a Resolve button: its name says which prediction it
   * resolves, so that a list of them is not heard as one word repeated. */
  words = first_words (hs_claim_get_text (claim));
  /* Translators: the name of a row's Resolve button, "Resolve: AI will write most code…" */
  button_name = g_strdup_printf (_("Resolve: %s"), words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->resolve_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button_name, -1);

  what = g_strdup (hs_claim_get_text (claim));
  length = strlen (what);
  while (length > 0 && (what[length - 1] == '.' || g_ascii_isspace (what[length - 1])))
    what[--length] = '\0';
  /* Translators: a prediction in the Tracker: "Yang Zhilin 杨植麟: Inference cost will fall tenfold. Overdue by 326 days · due 31 December 2025." */
  accessible = g_strdup_printf (_("%s: %s. %s."), who, what, due);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}
