/* hs-format.c: how the window words dates, statuses and names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hs-format.h"

/* A date as precise as it is: "25 March 2026", "March 2026", "2026", with
 * "approx." for an inferred one. The formats are translatable, so each
 * language words a date its own way ("2026年3月25日"); month names come from
 * the locale. The CLI and the exchange format keep ISO dates. */
char *
hs_format_date (const HsDate *date)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;

  if (date == NULL || !hs_date_is_set (date))
    return g_strdup (_("No date"));

  when = g_date_time_new_utc (date->year, MAX (date->month, 1), MAX (date->day, 1), 0, 0, 0);
  switch ((HsDatePrecision) date->precision)
    {
    case HS_DATE_PRECISION_DAY:
      /* Translators: a full date, see the strftime manual; "25 March 2026" */
      text = g_date_time_format (when, C_("full date", "%-d %B %Y"));
      break;
    case HS_DATE_PRECISION_MONTH:
      /* Translators: a month and year, see the strftime manual; "March 2026" */
      text = g_date_time_format (when, C_("month date", "%B %Y"));
      break;
    case HS_DATE_PRECISION_YEAR:
    case HS_DATE_PRECISION_NONE:
    default:
      /* Translators: a year alone, see the strftime manual; "2026" */
      text = g_date_time_format (when, C_("year date", "%Y"));
      break;
    }

  /* A translation with a broken format gives NULL: ISO rather than nothing. */
  if (text == NULL)
    text = hs_date_to_string (date);
  if (date->approximate)
    /* Translators: an approximate date, "approx. March 2026" */
    return g_strdup_printf (_("approx. %s"), text);
  return g_steal_pointer (&text);
}

/* "by 31 December 2026", "from 1 July 2026 to 31 January 2027", or
 * "open-ended". */
char *
hs_format_window (HsPrediction *prediction)
{
  HsDate earliest = hs_prediction_get_earliest (prediction);
  HsDate latest = hs_prediction_get_latest (prediction);
  g_autofree char *from = hs_format_date (&earliest);
  g_autofree char *to = NULL;

  if (!hs_date_is_set (&latest))
    return g_strdup_printf (_("Open-ended, from %s"), from);
  to = hs_format_date (&latest);
  return g_strdup_printf (_("From %s to %s"), from, to);
}

const char *
hs_format_status (HsStatus status)
{
  switch (status)
    {
    case HS_STATUS_OPEN:
      return _("Open");
    case HS_STATUS_CONFIRMED:
      return _("Confirmed");
    case HS_STATUS_PARTIAL:
      return _("Partially confirmed");
    case HS_STATUS_REFUTED:
      return _("Refuted");
    case HS_STATUS_AMBIGUOUS:
      return _("Ambiguous");
    default:
      return "";
    }
}

const char *
hs_format_status_class (HsStatus status)
{
  switch (status)
    {
    case HS_STATUS_OPEN:
      return "status-open";
    case HS_STATUS_CONFIRMED:
      return "status-confirmed";
    case HS_STATUS_PARTIAL:
      return "status-partial";
    case HS_STATUS_REFUTED:
      return "status-refuted";
    case HS_STATUS_AMBIGUOUS:
      return "status-ambiguous";
    default:
      return "status-open";
    }
}

/* Shows @status on @label as a badge: its words and a class for its colour
 * (never colour alone). */
void
hs_set_status_badge (GtkLabel *label,
                     HsStatus  status)
{
  static const HsStatus all[] = { HS_STATUS_OPEN, HS_STATUS_CONFIRMED, HS_STATUS_PARTIAL,
                                  HS_STATUS_REFUTED, HS_STATUS_AMBIGUOUS };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), hs_format_status_class (all[i]));
  gtk_widget_add_css_class (GTK_WIDGET (label), "status-badge");
  gtk_widget_add_css_class (GTK_WIDGET (label), hs_format_status_class (status));
  gtk_label_set_text (label, hs_format_status (status));
}

/* A date filter's entry: reads what it holds (empty is no date) into
 * @date and shows whether it is a date — the error style, a tooltip saying
 * what is wrong or what it takes, and the accessible invalid state.
 * Returns FALSE, leaving @date alone, while the text is not a date. */
gboolean
hs_date_entry_read (GtkEditable *editable,
                    HsDate      *date)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (editable);
  HsDate parsed = { 0 };

  if (*text != '\0' && !hs_date_parse (text, &parsed, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (editable), error->message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (editable), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (editable),
                               _("A year, a month or a day: 2026, 2026-03 or 2026-03-25"));
  gtk_accessible_reset_state (GTK_ACCESSIBLE (editable), GTK_ACCESSIBLE_STATE_INVALID);
  *date = parsed;
  return TRUE;
}

const char *
hs_format_source_kind (HsSourceKind kind)
{
  switch (kind)
    {
    case HS_SOURCE_KIND_TALK:
      return _("Talk");
    case HS_SOURCE_KIND_PANEL:
      return _("Panel");
    case HS_SOURCE_KIND_PODCAST:
      return _("Podcast");
    case HS_SOURCE_KIND_INTERVIEW:
      return _("Interview");
    case HS_SOURCE_KIND_ARTICLE:
      return _("Article");
    case HS_SOURCE_KIND_NEWSLETTER:
      return _("Newsletter");
    case HS_SOURCE_KIND_POST:
      return _("Post");
    default:
      return "";
    }
}

const char *
hs_format_relation (HsRelationKind kind,
                    gboolean       incoming)
{
  switch (kind)
    {
    case HS_RELATION_SUPPORTS:
      return incoming ? _("Supported by") : _("Supports");
    case HS_RELATION_CONTRADICTS:
      return incoming ? _("Contradicted by") : _("Contradicts");
    case HS_RELATION_REVISES:
      return incoming ? _("Revised by") : _("Revises");
    case HS_RELATION_SAME_AS:
      return _("Same as");
    default:
      return "";
    }
}

/* "20%", or the speaker's words of confidence, or NULL. */
char *
hs_format_probability (HsPrediction *prediction)
{
  const char *words = hs_prediction_get_confidence (prediction);

  if (hs_prediction_has_probability (prediction))
    {
      g_autofree char *percent =
        g_strdup_printf ("%.3g%%", hs_prediction_get_probability (prediction) * 100.0);

      if (words != NULL)
        /* Translators: a stated probability and the words said with it, "20% (“quite high”)" */
        return g_strdup_printf (_("%s (“%s”)"), percent, words);
      return g_steal_pointer (&percent);
    }
  if (words != NULL)
    return g_strdup_printf ("“%s”", words);
  return NULL;
}

/* "Yang Zhilin 杨植麟": one line that tells two people of one romanized
 * name apart. */
char *
hs_format_speaker_name (HsSpeaker *speaker)
{
  if (speaker == NULL)
    return g_strdup (_("Unknown speaker"));
  return hs_speaker_dup_display_name (speaker);
}

char *
hs_format_affiliation (HsAffiliation *affiliation)
{
  g_autofree char *from = NULL, *to = NULL;
  GString *out = g_string_new (affiliation->organization);

  if (affiliation->role != NULL)
    g_string_append_printf (out, ", %s", affiliation->role);
  if (hs_date_is_set (&affiliation->from) || hs_date_is_set (&affiliation->to))
    {
      from = hs_date_is_set (&affiliation->from) ? hs_format_date (&affiliation->from) : g_strdup ("");
      to = hs_date_is_set (&affiliation->to) ? hs_format_date (&affiliation->to) : g_strdup (_("now"));
      g_string_append_printf (out, " (%s – %s)", from, to);
    }
  return g_string_free (out, FALSE);
}

/* The speaker's current positions, "Moonshot AI, Founder and CEO", or NULL. */
char *
hs_format_current_role (HsSpeaker *speaker)
{
  GPtrArray *affiliations = hs_speaker_get_affiliations (speaker);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < affiliations->len; i++)
    {
      HsAffiliation *affiliation = g_ptr_array_index (affiliations, i);

      if (hs_date_is_set (&affiliation->to))
        continue;
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, affiliation->organization);
      if (affiliation->role != NULL)
        g_string_append_printf (out, ", %s", affiliation->role);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* The topic's name in the interface's language when the data has it. */
const char *
hs_format_topic_name (HsTopic *topic)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_has_prefix (languages[i], "en") || g_strcmp0 (languages[i], "C") == 0)
        return hs_topic_get_name (topic);
      if (hs_topic_get_translation (topic, languages[i]) != NULL)
        return hs_topic_get_translation (topic, languages[i]);
      if (g_str_has_prefix (languages[i], "zh") && hs_topic_get_translation (topic, "zh"))
        return hs_topic_get_translation (topic, "zh");
    }
  return hs_topic_get_name (topic);
}

/* Whether the interface speaks the language of @tag ("zh", "zh-Hans"):
 * its first language has the same primary subtag. A reader of a Chinese
 * interface reads a claim's Chinese original before its English wording. */
gboolean
hs_format_interface_speaks (const char *tag)
{
  const char *first = g_get_language_names ()[0];
  gsize length;

  if (tag == NULL || first == NULL)
    return FALSE;
  length = strcspn (tag, "-_");
  return length > 0 && g_ascii_strncasecmp (first, tag, length) == 0
         && (first[length] == '\0' || first[length] == '_' || first[length] == '.'
             || first[length] == '@');
}

void
hs_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)))
    gtk_widget_unparent (child);
}
