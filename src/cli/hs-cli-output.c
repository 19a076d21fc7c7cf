/* hs-cli-output.c: how hindsight-cli shows objects, as text and as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-cli"

#include <gio/gunixoutputstream.h>
#include <math.h>
#include <string.h>

#include "hs-cli-output.h"

void
hs_cli_output_init (HsCliOutput *out,
                    HsStore     *store,
                    gboolean     json)
{
  g_autoptr(GOutputStream) raw = g_unix_output_stream_new (1, FALSE);

  memset (out, 0, sizeof *out);
  out->stream = g_buffered_output_stream_new_sized (raw, 64 * 1024);
  out->json = json ? hs_json_writer_new (out->stream, TRUE) : NULL;
  out->line = g_string_new (NULL);
  out->store = store;
  out->today = hs_date_today ();
}

gboolean
hs_cli_output_finish (HsCliOutput  *out,
                      GError      **error)
{
  if (out->json != NULL)
    {
      if (!hs_json_writer_finish (out->json, NULL, error))
        return FALSE;
      if (!g_output_stream_write_all (out->stream, "\n", 1, NULL, NULL, error))
        return FALSE;
    }
  return g_output_stream_flush (out->stream, NULL, error);
}

void
hs_cli_output_clear (HsCliOutput *out)
{
  g_clear_pointer (&out->json, hs_json_writer_free);
  g_clear_object (&out->stream);
  if (out->line != NULL)
    g_string_free (g_steal_pointer (&out->line), TRUE);
}

/* Text from data reaches a terminal here. Control characters (an escape
 * sequence can recolour, retitle or move the cursor) are shown as \uXXXX,
 * bidirectional overrides likewise, so what is printed is what was stored. */
char *
hs_cli_sanitize (const char *text,
                 gssize      max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  gssize n = 0;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (max_chars >= 0 && n >= max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) ||
          (c >= 0x2066 && c <= 0x2069))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
flush_line (HsCliOutput *out)
{
  g_string_append_c (out->line, '\n');
  g_output_stream_write_all (out->stream, out->line->str, out->line->len, NULL, NULL, NULL);
  g_string_truncate (out->line, 0);
}

void
hs_cli_print (HsCliOutput *out,
              const char  *format,
              ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (out->line, format, args);
  va_end (args);
  flush_line (out);
}

/* Prints data text indented under its heading, a line at a time, each
 * line sanitized (the line breaks of the text itself are kept). */
void
hs_cli_print_text (HsCliOutput *out,
                   const char  *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *clean = hs_cli_sanitize (lines[i], -1);

      g_string_append (out->line, "      ");
      g_string_append (out->line, clean);
      flush_line (out);
    }
}

/* ---------------------------------------------------------------------- */
/* JSON helpers                                                            */

static void
member_date (HsJsonWriter *json,
             const char   *name,
             const HsDate *date)
{
  char buf[HS_DATE_BUFSIZE];

  hs_json_writer_member (json, name);
  if (hs_date_is_set (date))
    hs_json_writer_string (json, hs_date_to_buffer (date, buf));
  else
    hs_json_writer_null (json);
}

static void
member_string_or_null (HsJsonWriter *json,
                       const char   *name,
                       const char   *value)
{
  hs_json_writer_member (json, name);
  if (value != NULL)
    hs_json_writer_string (json, value);
  else
    hs_json_writer_null (json);
}

static void
member_number_or_null (HsJsonWriter *json,
                       const char   *name,
                       double        value)
{
  hs_json_writer_member (json, name);
  if (isnan (value))
    hs_json_writer_null (json);
  else
    hs_json_writer_number (json, value);
}

static void
member_int (HsJsonWriter *json,
            const char   *name,
            gint64        value)
{
  hs_json_writer_member (json, name);
  hs_json_writer_int (json, value);
}

static void
write_speaker_ref (HsJsonWriter *json,
                   HsSpeaker    *speaker,
                   const char   *fallback_id)
{
  hs_json_writer_begin_object (json);
  hs_json_writer_member_string (json, "id", speaker ? hs_speaker_get_id (speaker) : fallback_id);
  member_string_or_null (json, "name", speaker ? hs_speaker_get_name (speaker) : NULL);
  member_string_or_null (json, "native_name", speaker ? hs_speaker_get_native_name (speaker) : NULL);
  hs_json_writer_end_object (json);
}

static gint64
count_claims (HsCliOutput *out,
              const char  *speaker_id,
              const char  *source_id,
              gboolean     predictions)
{
  HsQuery query;

  hs_query_init (&query);
  query.speaker_id = speaker_id;
  query.source_id = source_id;
  if (predictions)
    query.kind = HS_QUERY_KIND_PREDICTIONS;
  return hs_store_count_claims (out->store, &query, NULL);
}

/* ---------------------------------------------------------------------- */
/* Speakers                                                                */

static char *
format_span (const HsDate *from,
             const HsDate *to)
{
  char a[HS_DATE_BUFSIZE], b[HS_DATE_BUFSIZE];

  if (!hs_date_is_set (from) && !hs_date_is_set (to))
    return g_strdup ("");
  return g_strdup_printf (" (%s–%s)", hs_date_to_buffer (from, a), hs_date_to_buffer (to, b));
}

void
hs_cli_write_speaker (HsCliOutput *out,
                      HsSpeaker   *speaker,
                      gboolean     full)
{
  const char *id = hs_speaker_get_id (speaker);
  const char * const *aliases = hs_speaker_get_aliases (speaker);
  GPtrArray *affiliations = hs_speaker_get_affiliations (speaker);
  gint64 claims = count_claims (out, id, NULL, FALSE);
  gint64 predictions = count_claims (out, id, NULL, TRUE);

  if (out->json != NULL)
    {
      HsJsonWriter *json = out->json;

      hs_json_writer_begin_object (json);
      hs_json_writer_member_string (json, "type", "speaker");
      hs_json_writer_member_string (json, "id", id);
      hs_json_writer_member_string (json, "name", hs_speaker_get_name (speaker));
      member_string_or_null (json, "native_name", hs_speaker_get_native_name (speaker));
      hs_json_writer_member (json, "aliases");
      hs_json_writer_begin_array (json);
      for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
        hs_json_writer_string (json, aliases[i]);
      hs_json_writer_end_array (json);
      member_string_or_null (json, "bio", hs_speaker_get_bio (speaker));
      hs_json_writer_member (json, "affiliations");
      hs_json_writer_begin_array (json);
      for (guint i = 0; i < affiliations->len; i++)
        {
          HsAffiliation *affiliation = g_ptr_array_index (affiliations, i);

          hs_json_writer_begin_object (json);
          hs_json_writer_member_string (json, "organization", affiliation->organization);
          member_string_or_null (json, "role", affiliation->role);
          member_date (json, "from", &affiliation->from);
          member_date (json, "to", &affiliation->to);
          hs_json_writer_end_object (json);
        }
      hs_json_writer_end_array (json);
      member_int (json, "claims", claims);
      member_int (json, "predictions", predictions);
      hs_json_writer_end_object (json);
      return;
    }

  {
    g_autofree char *name = hs_speaker_dup_display_name (speaker);
    g_autofree char *clean_name = hs_cli_sanitize (name, 200);
    g_autofree char *alias_list = aliases ? g_strjoinv (", ", (char **) aliases) : NULL;
    g_autofree char *clean_aliases = hs_cli_sanitize (alias_list, 200);

    hs_cli_print (out, "%s  %s%s%s%s", id, clean_name, alias_list ? "  (also " : "",
                  clean_aliases, alias_list ? ")" : "");
    for (guint i = 0; i < affiliations->len; i++)
      {
        HsAffiliation *affiliation = g_ptr_array_index (affiliations, i);
        g_autofree char *org = hs_cli_sanitize (affiliation->organization, 200);
        g_autofree char *role = hs_cli_sanitize (affiliation->role, 200);
        g_autofree char *span = format_span (&affiliation->from, &affiliation->to);

        /* A list shows where the speaker is now; show shows the career. */
        if (!full && hs_date_is_set (&affiliation->to))
          continue;
        hs_cli_print (out, "    %s%s%s%s", org, *role ? ", " : "", role, span);
      }
    hs_cli_print (out, "    %" G_GINT64_FORMAT " claims, %" G_GINT64_FORMAT " of them predictions",
                  claims, predictions);
    if (full && hs_speaker_get_bio (speaker) != NULL)
      {
        hs_cli_print (out, "%s", "");
        hs_cli_print_text (out, hs_speaker_get_bio (speaker));
      }
  }
}

/* ---------------------------------------------------------------------- */
/* Sources                                                                 */

void
hs_cli_write_source (HsCliOutput *out,
                     HsSource    *source,
                     gboolean     full)
{
  const char *id = hs_source_get_id (source);
  HsDate published = hs_source_get_published (source);
  HsDate event_date = hs_source_get_event_date (source);
  gint64 claims = count_claims (out, NULL, id, FALSE);
  char a[HS_DATE_BUFSIZE], b[HS_DATE_BUFSIZE];

  if (out->json != NULL)
    {
      HsJsonWriter *json = out->json;

      hs_json_writer_begin_object (json);
      hs_json_writer_member_string (json, "type", "source");
      hs_json_writer_member_string (json, "id", id);
      hs_json_writer_member_string (json, "title", hs_source_get_title (source));
      hs_json_writer_member_string (json, "kind", hs_source_kind_to_string (hs_source_get_kind (source)));
      member_string_or_null (json, "publisher", hs_source_get_publisher (source));
      member_string_or_null (json, "url", hs_source_get_url (source));
      member_date (json, "published", &published);
      member_string_or_null (json, "date_note", hs_source_get_date_note (source));
      member_string_or_null (json, "event", hs_source_get_event (source));
      member_date (json, "event_date", &event_date);
      member_string_or_null (json, "language", hs_source_get_language (source));
      member_string_or_null (json, "notes", hs_source_get_notes (source));
      member_int (json, "claims", claims);
      hs_json_writer_end_object (json);
      return;
    }

  {
    g_autofree char *title = hs_cli_sanitize (hs_source_get_title (source), 200);
    g_autofree char *publisher = hs_cli_sanitize (hs_source_get_publisher (source), 100);
    g_autofree char *event = hs_cli_sanitize (hs_source_get_event (source), 100);
    g_autofree char *url = hs_cli_sanitize (hs_source_get_url (source), -1);

    hs_cli_print (out, "%s  [%s] %s", id, hs_source_kind_to_string (hs_source_get_kind (source)),
                  title);
    g_string_append_printf (out->line, "    %s%s", publisher, *publisher ? " · " : "");
    if (hs_date_is_set (&published))
      g_string_append_printf (out->line, "published %s", hs_date_to_buffer (&published, a));
    else
      g_string_append (out->line, "date unknown");
    if (*event)
      g_string_append_printf (out->line, " · %s", event);
    if (hs_date_is_set (&event_date))
      g_string_append_printf (out->line, " (%s)", hs_date_to_buffer (&event_date, b));
    g_string_append_printf (out->line, " · %" G_GINT64_FORMAT " claims", claims);
    flush_line (out);
    if (*url)
      hs_cli_print (out, "    %s", url);
    if (full && hs_source_get_date_note (source) != NULL)
      {
        hs_cli_print (out, "%s", "    Date:");
        hs_cli_print_text (out, hs_source_get_date_note (source));
      }
    if (full && hs_source_get_notes (source) != NULL)
      {
        hs_cli_print (out, "%s", "    Notes:");
        hs_cli_print_text (out, hs_source_get_notes (source));
      }
  }
}

void
hs_cli_write_topic (HsCliOutput *out,
                    HsTopic     *topic)
{
  g_auto(GStrv) languages = hs_topic_dup_languages (topic);

  if (out->json != NULL)
    {
      hs_json_writer_begin_object (out->json);
      hs_json_writer_member_string (out->json, "type", "topic");
      hs_json_writer_member_string (out->json, "id", hs_topic_get_id (topic));
      hs_json_writer_member_string (out->json, "name", hs_topic_get_name (topic));
      hs_json_writer_member (out->json, "translations");
      hs_json_writer_begin_object (out->json);
      for (guint i = 0; languages[i] != NULL; i++)
        hs_json_writer_member_string (out->json, languages[i],
                                      hs_topic_get_translation (topic, languages[i]));
      hs_json_writer_end_object (out->json);
      hs_json_writer_end_object (out->json);
      return;
    }

  {
    g_autofree char *name = hs_cli_sanitize (hs_topic_get_name (topic), 200);
    GString *translations = g_string_new (NULL);
    g_autofree char *shown = NULL;

    for (guint i = 0; languages[i] != NULL; i++)
      g_string_append_printf (translations, "  %s", hs_topic_get_translation (topic, languages[i]));
    shown = hs_cli_sanitize (translations->str, 200);
    g_string_free (translations, TRUE);
    hs_cli_print (out, "%-20s %s%s", hs_topic_get_id (topic), name, shown);
  }
}

/* ---------------------------------------------------------------------- */
/* Claims and predictions                                                  */

void
hs_cli_write_resolution (HsCliOutput  *out,
                         HsResolution *resolution,
                         gboolean      current)
{
  HsDate on = hs_resolution_get_on (resolution);
  g_autofree char *recorded = hs_resolution_dup_recorded_at_string (resolution);
  char buf[HS_DATE_BUFSIZE];

  if (out->json != NULL)
    {
      hs_json_writer_begin_object (out->json);
      hs_json_writer_member_string (out->json, "id", hs_resolution_get_id (resolution));
      hs_json_writer_member_string (out->json, "status",
                                    hs_status_to_string (hs_resolution_get_status (resolution)));
      member_date (out->json, "on", &on);
      member_string_or_null (out->json, "evidence", hs_resolution_get_evidence (resolution));
      member_string_or_null (out->json, "url", hs_resolution_get_url (resolution));
      member_string_or_null (out->json, "recorded_at", recorded);
      hs_json_writer_member (out->json, "current");
      hs_json_writer_boolean (out->json, current);
      hs_json_writer_end_object (out->json);
      return;
    }

  {
    g_autofree char *evidence = hs_cli_sanitize (hs_resolution_get_evidence (resolution), -1);
    g_autofree char *url = hs_cli_sanitize (hs_resolution_get_url (resolution), -1);

    hs_cli_print (out, "%s  %-9s from %s  (recorded %s)%s  [%s]", current ? "→" : " ",
                  hs_status_to_string (hs_resolution_get_status (resolution)),
                  hs_date_to_buffer (&on, buf), recorded ? recorded : "?",
                  current ? "  current" : "", hs_resolution_get_id (resolution));
    if (*evidence)
      hs_cli_print (out, "     %s", evidence);
    if (*url)
      hs_cli_print (out, "     %s", url);
  }
}

static void
write_prediction_members (HsCliOutput  *out,
                          HsPrediction *prediction)
{
  HsJsonWriter *json = out->json;
  HsDate earliest = hs_prediction_get_earliest (prediction);
  HsDate latest = hs_prediction_get_latest (prediction);
  HsResolution *current = hs_prediction_get_current (prediction);
  HsDate status_on = current ? hs_resolution_get_on (current) : (HsDate) { 0 };

  hs_json_writer_member_string (json, "horizon", hs_prediction_get_horizon (prediction));
  member_date (json, "earliest", &earliest);
  member_date (json, "latest", &latest);
  member_number_or_null (json, "probability", hs_prediction_get_probability (prediction));
  member_string_or_null (json, "confidence", hs_prediction_get_confidence (prediction));
  hs_json_writer_member_string (json, "status",
                                hs_status_to_string (hs_prediction_get_status (prediction)));
  member_date (json, "status_on", &status_on);
  hs_json_writer_member (json, "overdue");
  hs_json_writer_boolean (json, hs_prediction_is_overdue (prediction, &out->today));
}

static void
write_claim_json (HsCliOutput *out,
                  HsClaim     *claim,
                  gboolean     full)
{
  HsJsonWriter *json = out->json;
  HsSource *source = hs_claim_get_source (claim);
  HsDate stated_on = hs_claim_get_stated_on (claim);
  const char * const *topics = hs_claim_get_topics (claim);
  HsPrediction *prediction = hs_claim_get_prediction (claim);

  hs_json_writer_begin_object (json);
  hs_json_writer_member_string (json, "type", prediction ? "prediction" : "claim");
  hs_json_writer_member_string (json, "id", hs_claim_get_id (claim));
  hs_json_writer_member_string (json, "text", hs_claim_get_text (claim));
  hs_json_writer_member (json, "speaker");
  write_speaker_ref (json, hs_claim_get_speaker (claim), hs_claim_get_speaker_id (claim));
  hs_json_writer_member (json, "source");
  if (source != NULL)
    {
      hs_json_writer_begin_object (json);
      hs_json_writer_member_string (json, "id", hs_source_get_id (source));
      hs_json_writer_member_string (json, "title", hs_source_get_title (source));
      hs_json_writer_end_object (json);
    }
  else
    hs_json_writer_null (json);
  member_date (json, "stated_on", &stated_on);
  hs_json_writer_member (json, "topics");
  hs_json_writer_begin_array (json);
  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    hs_json_writer_string (json, topics[i]);
  hs_json_writer_end_array (json);
  member_string_or_null (json, "locator", hs_claim_get_locator (claim));
  member_string_or_null (json, "quote", hs_claim_get_quote (claim));
  member_string_or_null (json, "original_text", hs_claim_get_original_text (claim));
  member_string_or_null (json, "original_language", hs_claim_get_original_language (claim));
  if (prediction != NULL)
    write_prediction_members (out, prediction);

  if (full)
    {
      g_autoptr(GPtrArray) related = hs_store_list_related (out->store, hs_claim_get_id (claim),
                                                            NULL);

      hs_json_writer_member (json, "relations");
      hs_json_writer_begin_array (json);
      for (guint i = 0; related != NULL && i < related->len; i++)
        {
          HsRelated *item = g_ptr_array_index (related, i);

          hs_json_writer_begin_object (json);
          hs_json_writer_member_string (json, "type", hs_relation_kind_to_string (item->kind));
          hs_json_writer_member_string (json, "direction", item->incoming ? "incoming" : "outgoing");
          hs_json_writer_member_string (json, "claim", hs_claim_get_id (item->claim));
          hs_json_writer_member_string (json, "text", hs_claim_get_text (item->claim));
          hs_json_writer_member (json, "speaker");
          write_speaker_ref (json, hs_claim_get_speaker (item->claim),
                             hs_claim_get_speaker_id (item->claim));
          member_string_or_null (json, "note", item->note);
          hs_json_writer_end_object (json);
        }
      hs_json_writer_end_array (json);

      if (prediction != NULL)
        {
          GListModel *history = hs_prediction_get_resolutions (prediction);
          guint n = g_list_model_get_n_items (history);

          hs_json_writer_member (json, "history");
          hs_json_writer_begin_array (json);
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(HsResolution) entry = g_list_model_get_item (history, i);
              hs_cli_write_resolution (out, entry, i == n - 1);
            }
          hs_json_writer_end_array (json);
        }
    }

  hs_json_writer_end_object (json);
}

static const char *
relation_phrase (HsRelationKind kind,
                 gboolean       incoming)
{
  switch (kind)
    {
    case HS_RELATION_SUPPORTS:
      return incoming ? "supported by" : "supports";
    case HS_RELATION_CONTRADICTS:
      return incoming ? "contradicted by" : "contradicts";
    case HS_RELATION_REVISES:
      return incoming ? "revised by" : "revises";
    case HS_RELATION_SAME_AS:
      return "same as";
    default:
      return "related to";
    }
}

static void
write_claim_text (HsCliOutput *out,
                  HsClaim     *claim,
                  gboolean     full)
{
  HsSpeaker *speaker = hs_claim_get_speaker (claim);
  HsSource *source = hs_claim_get_source (claim);
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  HsDate stated_on = hs_claim_get_stated_on (claim);
  g_autofree char *name = speaker ? hs_speaker_dup_display_name (speaker) : g_strdup (hs_claim_get_speaker_id (claim));
  g_autofree char *clean_name = hs_cli_sanitize (name, 100);
  char stated[HS_DATE_BUFSIZE];

  hs_cli_print (out, "%s  %s  %s", hs_claim_get_id (claim), hs_date_to_buffer (&stated_on, stated),
                clean_name);

  if (prediction != NULL)
    {
      HsDate latest = hs_prediction_get_latest (prediction);
      g_autofree char *horizon = hs_cli_sanitize (hs_prediction_get_horizon (prediction), 100);
      g_autofree char *confidence = hs_cli_sanitize (hs_prediction_get_confidence (prediction), 100);
      char latest_buf[HS_DATE_BUFSIZE];

      g_string_append_printf (out->line, "    prediction · “%s” → ", horizon);
      if (hs_date_is_set (&latest))
        g_string_append_printf (out->line, "by %s", hs_date_to_buffer (&latest, latest_buf));
      else
        g_string_append (out->line, "open-ended");
      if (hs_prediction_has_probability (prediction))
        g_string_append_printf (out->line, " · p = %g", hs_prediction_get_probability (prediction));
      if (*confidence)
        g_string_append_printf (out->line, " · “%s”", confidence);
      g_string_append_printf (out->line, " · %s%s",
                              hs_status_to_string (hs_prediction_get_status (prediction)),
                              hs_prediction_is_overdue (prediction, &out->today) ? " (overdue)" : "");
      flush_line (out);
    }

  {
    g_autofree char *text = hs_cli_sanitize (hs_claim_get_text (claim), full ? -1 : 300);
    hs_cli_print (out, "    %s", text);
  }

  if (!full)
    return;

  if (source != NULL)
    {
      g_autofree char *title = hs_cli_sanitize (hs_source_get_title (source), 200);
      g_autofree char *locator = hs_cli_sanitize (hs_claim_get_locator (claim), 100);

      hs_cli_print (out, "    Source: %s%s%s  [%s]", title, *locator ? ", at " : "", locator,
                    hs_source_get_id (source));
    }
  if (hs_claim_get_quote (claim) != NULL)
    {
      hs_cli_print (out, "%s", "    Quote:");
      hs_cli_print_text (out, hs_claim_get_quote (claim));
    }
  if (hs_claim_get_original_text (claim) != NULL)
    {
      hs_cli_print (out, "    Original (%s):", hs_claim_get_original_language (claim) ?: "?");
      hs_cli_print_text (out, hs_claim_get_original_text (claim));
    }
  if (hs_claim_get_topics (claim) != NULL)
    {
      g_autofree char *topics = g_strjoinv (", ", (char **) hs_claim_get_topics (claim));
      hs_cli_print (out, "    Topics: %s", topics);
    }

  {
    g_autoptr(GPtrArray) related = hs_store_list_related (out->store, hs_claim_get_id (claim), NULL);

    for (guint i = 0; related != NULL && i < related->len; i++)
      {
        HsRelated *item = g_ptr_array_index (related, i);
        HsSpeaker *other = hs_claim_get_speaker (item->claim);
        g_autofree char *other_name = other ? hs_speaker_dup_display_name (other) : NULL;
        g_autofree char *clean_other = hs_cli_sanitize (other_name, 100);
        g_autofree char *text = hs_cli_sanitize (hs_claim_get_text (item->claim), 160);

        hs_cli_print (out, "    %s %s (%s): %s", relation_phrase (item->kind, item->incoming),
                      hs_claim_get_id (item->claim), clean_other, text);
      }
  }

  if (prediction != NULL)
    {
      GListModel *history = hs_prediction_get_resolutions (prediction);
      guint n = g_list_model_get_n_items (history);

      if (n > 0)
        hs_cli_print (out, "%s", "    History:");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HsResolution) entry = g_list_model_get_item (history, i);
          hs_cli_write_resolution (out, entry, i == n - 1);
        }
    }
}

void
hs_cli_write_claim (HsCliOutput *out,
                    HsClaim     *claim,
                    gboolean     full)
{
  if (out->json != NULL)
    write_claim_json (out, claim, full);
  else
    write_claim_text (out, claim, full);
}

/* ---------------------------------------------------------------------- */
/* Scores                                                                  */

static char *
format_ratio (double value)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.2f", value);
}

void
hs_cli_write_score_row (HsCliOutput *out,
                        HsScoreRow  *row)
{
  if (out->json != NULL)
    {
      HsJsonWriter *json = out->json;

      hs_json_writer_begin_object (json);
      hs_json_writer_member (json, "speaker");
      write_speaker_ref (json, row->speaker, NULL);
      member_int (json, "predictions", row->predictions);
      member_int (json, "resolved", row->resolved);
      member_int (json, "confirmed", row->confirmed);
      member_int (json, "partial", row->partial);
      member_int (json, "refuted", row->refuted);
      member_int (json, "ambiguous", row->ambiguous);
      member_int (json, "open", row->open);
      member_int (json, "overdue", row->overdue);
      member_number_or_null (json, "hit_rate", row->hit_rate);
      hs_json_writer_member (json, "hit_rate_interval");
      if (isnan (row->hit_low))
        hs_json_writer_null (json);
      else
        {
          hs_json_writer_begin_array (json);
          hs_json_writer_number (json, row->hit_low);
          hs_json_writer_number (json, row->hit_high);
          hs_json_writer_end_array (json);
        }
      member_number_or_null (json, "brier", row->brier);
      member_int (json, "brier_count", row->brier_count);
      member_int (json, "brier_words", row->brier_words);
      hs_json_writer_end_object (json);
      return;
    }

  {
    g_autofree char *name = hs_speaker_dup_display_name (row->speaker);
    g_autofree char *clean = hs_cli_sanitize (name, 40);
    g_autofree char *hit = format_ratio (row->hit_rate);
    g_autofree char *low = format_ratio (row->hit_low);
    g_autofree char *high = format_ratio (row->hit_high);
    g_autofree char *brier = format_ratio (row->brier);
    glong width = 0;
    g_autofree char *interval = isnan (row->hit_low) ? g_strdup ("")
                                                     : g_strdup_printf (" [%s–%s]", low, high);

    /* Pad by display width: a Chinese character takes two columns. */
    for (const char *p = clean; *p; p = g_utf8_next_char (p))
      width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
    g_string_append (out->line, clean);
    for (; width < 30; width++)
      g_string_append_c (out->line, ' ');
    g_string_append_printf (out->line,
                            " %5u %5u %5u %5u %5u %5u %5u %5u   %s%-14s %s",
                            row->predictions, row->resolved, row->confirmed, row->partial,
                            row->refuted, row->ambiguous, row->open, row->overdue, hit, interval,
                            brier);
    g_output_stream_write_all (out->stream, out->line->str, out->line->len, NULL, NULL, NULL);
    g_output_stream_write_all (out->stream, "\n", 1, NULL, NULL, NULL);
    g_string_truncate (out->line, 0);
  }
}
