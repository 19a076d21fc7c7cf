/* hs-exporter.c: writing a store out as exchange files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <math.h>

#include "hs-csv.h"
#include "hs-exporter.h"
#include "hs-importer.h"

/* The CSV columns, shared with the importer so the two never drift. */
extern const char *hs_csv_columns[];

/* Writes a member only when the date is set: absent and null mean the same
 * in the format, and absent keeps files short. */
void
hs_export_write_date (HsJsonWriter *writer,
                      const char   *name,
                      const HsDate *date)
{
  char buf[HS_DATE_BUFSIZE];

  if (hs_date_is_set (date))
    hs_json_writer_member_string (writer, name, hs_date_to_buffer (date, buf));
}

static void
write_speaker (HsJsonWriter *writer,
               HsSpeaker    *speaker)
{
  const char * const *aliases = hs_speaker_get_aliases (speaker);
  GPtrArray *affiliations = hs_speaker_get_affiliations (speaker);

  hs_json_writer_begin_object (writer);
  hs_json_writer_member_string (writer, "id", hs_speaker_get_id (speaker));
  hs_json_writer_member_string (writer, "name", hs_speaker_get_name (speaker));
  hs_json_writer_member_string (writer, "native_name", hs_speaker_get_native_name (speaker));
  if (aliases != NULL)
    {
      hs_json_writer_member (writer, "aliases");
      hs_json_writer_begin_array (writer);
      for (guint i = 0; aliases[i] != NULL; i++)
        hs_json_writer_string (writer, aliases[i]);
      hs_json_writer_end_array (writer);
    }
  hs_json_writer_member_string (writer, "bio", hs_speaker_get_bio (speaker));
  if (affiliations->len > 0)
    {
      hs_json_writer_member (writer, "affiliations");
      hs_json_writer_begin_array (writer);
      for (guint i = 0; i < affiliations->len; i++)
        {
          HsAffiliation *affiliation = g_ptr_array_index (affiliations, i);

          hs_json_writer_begin_object (writer);
          hs_json_writer_member_string (writer, "organization", affiliation->organization);
          hs_json_writer_member_string (writer, "role", affiliation->role);
          hs_export_write_date (writer, "from", &affiliation->from);
          hs_export_write_date (writer, "to", &affiliation->to);
          hs_json_writer_end_object (writer);
        }
      hs_json_writer_end_array (writer);
    }
  hs_json_writer_end_object (writer);
}

static void
write_source (HsJsonWriter *writer,
              HsSource     *source)
{
  HsDate published = hs_source_get_published (source);
  HsDate event_date = hs_source_get_event_date (source);

  hs_json_writer_begin_object (writer);
  hs_json_writer_member_string (writer, "id", hs_source_get_id (source));
  hs_json_writer_member_string (writer, "title", hs_source_get_title (source));
  hs_json_writer_member_string (writer, "kind", hs_source_kind_to_string (hs_source_get_kind (source)));
  hs_json_writer_member_string (writer, "publisher", hs_source_get_publisher (source));
  hs_json_writer_member_string (writer, "url", hs_source_get_url (source));
  hs_export_write_date (writer, "published", &published);
  hs_json_writer_member_string (writer, "date_note", hs_source_get_date_note (source));
  hs_json_writer_member_string (writer, "event", hs_source_get_event (source));
  hs_export_write_date (writer, "event_date", &event_date);
  hs_json_writer_member_string (writer, "language", hs_source_get_language (source));
  hs_json_writer_member_string (writer, "notes", hs_source_get_notes (source));
  hs_json_writer_end_object (writer);
}

static void
write_topic (HsJsonWriter *writer,
             HsTopic      *topic)
{
  g_auto(GStrv) languages = hs_topic_dup_languages (topic);

  hs_json_writer_begin_object (writer);
  hs_json_writer_member_string (writer, "id", hs_topic_get_id (topic));
  hs_json_writer_member_string (writer, "name", hs_topic_get_name (topic));
  if (languages[0] != NULL)
    {
      hs_json_writer_member (writer, "translations");
      hs_json_writer_begin_object (writer);
      for (guint i = 0; languages[i] != NULL; i++)
        hs_json_writer_member_string (writer, languages[i],
                                      hs_topic_get_translation (topic, languages[i]));
      hs_json_writer_end_object (writer);
    }
  hs_json_writer_end_object (writer);
}

static void
write_prediction (HsJsonWriter *writer,
                  HsPrediction *prediction)
{
  HsDate earliest = hs_prediction_get_earliest (prediction);
  HsDate latest = hs_prediction_get_latest (prediction);
  GListModel *history = hs_prediction_get_resolutions (prediction);
  guint n = g_list_model_get_n_items (history);

  hs_json_writer_begin_object (writer);
  hs_json_writer_member_string (writer, "horizon", hs_prediction_get_horizon (prediction));
  hs_export_write_date (writer, "earliest", &earliest);
  /* Always written, null when open-ended: that makes the window explicit
   * on import, whatever the horizon's words. */
  hs_json_writer_member (writer, "latest");
  if (hs_date_is_set (&latest))
    {
      char buf[HS_DATE_BUFSIZE];
      hs_json_writer_string (writer, hs_date_to_buffer (&latest, buf));
    }
  else
    hs_json_writer_null (writer);
  if (hs_prediction_has_probability (prediction))
    {
      hs_json_writer_member (writer, "probability");
      hs_json_writer_number (writer, hs_prediction_get_probability (prediction));
    }
  hs_json_writer_member_string (writer, "confidence", hs_prediction_get_confidence (prediction));
  if (n > 0)
    {
      hs_json_writer_member (writer, "resolutions");
      hs_json_writer_begin_array (writer);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HsResolution) resolution = g_list_model_get_item (history, i);
          g_autofree char *recorded = hs_resolution_dup_recorded_at_string (resolution);
          HsDate on = hs_resolution_get_on (resolution);

          hs_json_writer_begin_object (writer);
          hs_json_writer_member_string (writer, "id", hs_resolution_get_id (resolution));
          hs_json_writer_member_string (writer, "status",
                                        hs_status_to_string (hs_resolution_get_status (resolution)));
          hs_export_write_date (writer, "on", &on);
          hs_json_writer_member_string (writer, "evidence", hs_resolution_get_evidence (resolution));
          hs_json_writer_member_string (writer, "url", hs_resolution_get_url (resolution));
          hs_json_writer_member_string (writer, "recorded_at", recorded);
          hs_json_writer_end_object (writer);
        }
      hs_json_writer_end_array (writer);
    }
  hs_json_writer_end_object (writer);
}

static gboolean
write_claim_cb (HsClaim  *claim,
                gpointer  user_data)
{
  HsJsonWriter *writer = user_data;
  HsDate stated_on = hs_claim_get_stated_on (claim);
  const char * const *topics = hs_claim_get_topics (claim);
  GPtrArray *relations = hs_claim_get_relations (claim);

  hs_json_writer_begin_object (writer);
  hs_json_writer_member_string (writer, "id", hs_claim_get_id (claim));
  hs_json_writer_member_string (writer, "speaker", hs_claim_get_speaker_id (claim));
  hs_json_writer_member_string (writer, "source", hs_claim_get_source_id (claim));
  hs_json_writer_member_string (writer, "text", hs_claim_get_text (claim));
  hs_json_writer_member_string (writer, "quote", hs_claim_get_quote (claim));
  hs_json_writer_member_string (writer, "original_text", hs_claim_get_original_text (claim));
  hs_json_writer_member_string (writer, "original_language", hs_claim_get_original_language (claim));
  hs_json_writer_member_string (writer, "locator", hs_claim_get_locator (claim));
  hs_export_write_date (writer, "stated_on", &stated_on);
  if (topics != NULL)
    {
      hs_json_writer_member (writer, "topics");
      hs_json_writer_begin_array (writer);
      for (guint i = 0; topics[i] != NULL; i++)
        hs_json_writer_string (writer, topics[i]);
      hs_json_writer_end_array (writer);
    }
  if (relations->len > 0)
    {
      hs_json_writer_member (writer, "relations");
      hs_json_writer_begin_array (writer);
      for (guint i = 0; i < relations->len; i++)
        {
          HsRelation *relation = g_ptr_array_index (relations, i);

          hs_json_writer_begin_object (writer);
          hs_json_writer_member_string (writer, "type", hs_relation_kind_to_string (relation->kind));
          hs_json_writer_member_string (writer, "claim", relation->claim_id);
          hs_json_writer_member_string (writer, "note", relation->note);
          hs_json_writer_end_object (writer);
        }
      hs_json_writer_end_array (writer);
    }
  if (hs_claim_is_prediction (claim))
    {
      hs_json_writer_member (writer, "prediction");
      write_prediction (writer, hs_claim_get_prediction (claim));
    }
  hs_json_writer_end_object (writer);
  return TRUE;
}

/**
 * hs_store_export_json:
 *
 * Writes everything the store holds in the exchange format, so that an
 * import into an empty store gives the same store back.
 */
gboolean
hs_store_export_json (HsStore        *self,
                      GOutputStream  *stream,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(HsJsonWriter) writer = hs_json_writer_new (stream, TRUE);
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  HsQuery query;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);

  if (!(speakers = hs_store_list_speakers (self, NULL, error)) ||
      !(sources = hs_store_list_sources (self, NULL, error)) ||
      !(topics = hs_store_list_topics (self, error)))
    return FALSE;

  hs_json_writer_begin_object (writer);
  hs_json_writer_member_string (writer, "format", "hindsight");
  hs_json_writer_member (writer, "version");
  hs_json_writer_int (writer, 1);

  hs_json_writer_member (writer, "speakers");
  hs_json_writer_begin_array (writer);
  for (guint i = 0; i < speakers->len; i++)
    write_speaker (writer, g_ptr_array_index (speakers, i));
  hs_json_writer_end_array (writer);

  hs_json_writer_member (writer, "sources");
  hs_json_writer_begin_array (writer);
  for (guint i = 0; i < sources->len; i++)
    write_source (writer, g_ptr_array_index (sources, i));
  hs_json_writer_end_array (writer);

  hs_json_writer_member (writer, "topics");
  hs_json_writer_begin_array (writer);
  for (guint i = 0; i < topics->len; i++)
    write_topic (writer, g_ptr_array_index (topics, i));
  hs_json_writer_end_array (writer);

  hs_json_writer_member (writer, "claims");
  hs_json_writer_begin_array (writer);
  hs_query_init (&query);
  query.sort = HS_QUERY_SORT_STORED;
  if (!hs_store_foreach_claim (self, &query, write_claim_cb, writer, error))
    return FALSE;
  hs_json_writer_end_array (writer);

  hs_json_writer_end_object (writer);
  return hs_json_writer_finish (writer, cancellable, error);
}

typedef struct
{
  HsCsvWriter *writer;
} CsvExport;

static gboolean
write_csv_row_cb (HsClaim  *claim,
                  gpointer  user_data)
{
  CsvExport *export = user_data;
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  HsResolution *current = hs_prediction_get_current (prediction);
  HsSpeaker *speaker = hs_claim_get_speaker (claim);
  HsSource *source = hs_claim_get_source (claim);
  HsDate stated_on = hs_claim_get_stated_on (claim);
  HsDate earliest = hs_prediction_get_earliest (prediction);
  HsDate latest = hs_prediction_get_latest (prediction);
  g_autofree char *topics = NULL;
  g_autofree char *probability = NULL;
  char stated_buf[HS_DATE_BUFSIZE], earliest_buf[HS_DATE_BUFSIZE], latest_buf[HS_DATE_BUFSIZE];
  char on_buf[HS_DATE_BUFSIZE] = "";
  const char *fields[21];
  guint i = 0;

  if (hs_claim_get_topics (claim) != NULL)
    topics = g_strjoinv (";", (char **) hs_claim_get_topics (claim));
  if (hs_prediction_has_probability (prediction))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      probability = g_strdup (g_ascii_dtostr (buf, sizeof buf, hs_prediction_get_probability (prediction)));
    }
  if (current != NULL)
    {
      HsDate on = hs_resolution_get_on (current);
      hs_date_to_buffer (&on, on_buf);
    }

  fields[i++] = hs_claim_get_id (claim);
  fields[i++] = hs_claim_get_speaker_id (claim);
  fields[i++] = hs_claim_get_source_id (claim);
  fields[i++] = hs_date_to_buffer (&stated_on, stated_buf);
  fields[i++] = hs_claim_get_text (claim);
  fields[i++] = hs_claim_get_quote (claim);
  fields[i++] = hs_claim_get_original_text (claim);
  fields[i++] = hs_claim_get_original_language (claim);
  fields[i++] = hs_claim_get_locator (claim);
  fields[i++] = topics;
  fields[i++] = hs_prediction_get_horizon (prediction);
  fields[i++] = hs_date_to_buffer (&earliest, earliest_buf);
  fields[i++] = hs_date_to_buffer (&latest, latest_buf);
  fields[i++] = probability;
  fields[i++] = hs_prediction_get_confidence (prediction);
  fields[i++] = hs_status_to_string (hs_prediction_get_status (prediction));
  fields[i++] = on_buf;
  fields[i++] = current != NULL ? hs_resolution_get_evidence (current) : NULL;
  fields[i++] = current != NULL ? hs_resolution_get_url (current) : NULL;
  fields[i++] = speaker != NULL ? hs_speaker_get_name (speaker) : NULL;
  fields[i++] = source != NULL ? hs_source_get_title (source) : NULL;
  g_assert (i == G_N_ELEMENTS (fields));

  for (i = 0; i < G_N_ELEMENTS (fields); i++)
    hs_csv_writer_field (export->writer, fields[i] != NULL ? fields[i] : "");
  hs_csv_writer_end_row (export->writer);
  return TRUE;
}

/**
 * hs_store_export_csv:
 * @query: (nullable): which predictions; all when %NULL
 *
 * Writes one row per prediction with its current status, for spreadsheets.
 */
gboolean
hs_store_export_csv (HsStore        *self,
                     GOutputStream  *stream,
                     const HsQuery  *query,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(HsCsvWriter) writer = hs_csv_writer_new (stream);
  CsvExport export = { writer };
  HsQuery predictions;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);

  if (query != NULL)
    predictions = *query;
  else
    {
      hs_query_init (&predictions);
      predictions.sort = HS_QUERY_SORT_STORED;
    }
  predictions.kind = HS_QUERY_KIND_PREDICTIONS;

  for (guint i = 0; hs_csv_columns[i] != NULL; i++)
    hs_csv_writer_field (writer, hs_csv_columns[i]);
  hs_csv_writer_end_row (writer);

  if (!hs_store_foreach_claim (self, &predictions, write_csv_row_cb, &export, error))
    return FALSE;
  return hs_csv_writer_finish (writer, cancellable, error);
}

/**
 * hs_store_export_file:
 * @format: %HS_EXPORT_FORMAT_AUTO to go by the extension (.json or .csv)
 *
 * Writes to a temporary file beside @file and renames it into place only
 * when everything was written: an export that fails leaves any earlier
 * file untouched, never half of a new one.
 */
gboolean
hs_store_export_file (HsStore         *self,
                      GFile           *file,
                      HsExportFormat   format,
                      const HsQuery   *query,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gboolean ok;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);

  if (format == HS_EXPORT_FORMAT_AUTO)
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);

      if (g_str_has_suffix (lower, ".json"))
        format = HS_EXPORT_FORMAT_JSON;
      else if (g_str_has_suffix (lower, ".csv"))
        format = HS_EXPORT_FORMAT_CSV;
      else
        {
          g_set_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_FORMAT,
                       "%s: cannot tell the format from the name; name it .json or .csv, or "
                       "give the format", name);
          return FALSE;
        }
    }

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                           error);
  if (stream == NULL)
    return FALSE;

  if (format == HS_EXPORT_FORMAT_JSON)
    ok = hs_store_export_json (self, G_OUTPUT_STREAM (stream), cancellable, error);
  else
    ok = hs_store_export_csv (self, G_OUTPUT_STREAM (stream), query, cancellable, error);

  if (!ok)
    {
      /* Closing through a cancelled cancellable makes GIO drop the
       * temporary file instead of renaming it over the destination. */
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

/**
 * hs_store_export_selection:
 * @speaker_ids: (nullable) (array zero-terminated=1): speakers to write
 * @source_ids: (nullable) (array zero-terminated=1): sources to write
 * @topic_ids: (nullable) (array zero-terminated=1): topics to write
 * @claim_ids: (nullable) (element-type utf8): claims to write, in full
 *
 * Writes some records as an exchange file, for an undo of a deletion to
 * import again. Ids that no longer exist are left out.
 */
gboolean
hs_store_export_selection (HsStore             *self,
                           GOutputStream       *stream,
                           const char * const  *speaker_ids,
                           const char * const  *source_ids,
                           const char * const  *topic_ids,
                           GPtrArray           *claim_ids,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autoptr(HsJsonWriter) writer = hs_json_writer_new (stream, FALSE);

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);

  hs_json_writer_begin_object (writer);
  hs_json_writer_member_string (writer, "format", "hindsight");
  hs_json_writer_member (writer, "version");
  hs_json_writer_int (writer, 1);

  hs_json_writer_member (writer, "speakers");
  hs_json_writer_begin_array (writer);
  for (guint i = 0; speaker_ids != NULL && speaker_ids[i] != NULL; i++)
    {
      g_autoptr(HsSpeaker) speaker = hs_store_get_speaker (self, speaker_ids[i], NULL);
      if (speaker != NULL)
        write_speaker (writer, speaker);
    }
  hs_json_writer_end_array (writer);

  hs_json_writer_member (writer, "sources");
  hs_json_writer_begin_array (writer);
  for (guint i = 0; source_ids != NULL && source_ids[i] != NULL; i++)
    {
      g_autoptr(HsSource) source = hs_store_get_source (self, source_ids[i], NULL);
      if (source != NULL)
        write_source (writer, source);
    }
  hs_json_writer_end_array (writer);

  hs_json_writer_member (writer, "topics");
  hs_json_writer_begin_array (writer);
  for (guint i = 0; topic_ids != NULL && topic_ids[i] != NULL; i++)
    {
      g_autoptr(HsTopic) topic = hs_store_get_topic (self, topic_ids[i], NULL);
      if (topic != NULL)
        write_topic (writer, topic);
    }
  hs_json_writer_end_array (writer);

  hs_json_writer_member (writer, "claims");
  hs_json_writer_begin_array (writer);
  for (guint i = 0; claim_ids != NULL && i < claim_ids->len; i++)
    {
      g_autoptr(HsClaim) claim = hs_store_get_claim (self, g_ptr_array_index (claim_ids, i), NULL);
      if (claim != NULL)
        write_claim_cb (claim, writer);
    }
  hs_json_writer_end_array (writer);

  hs_json_writer_end_object (writer);
  return hs_json_writer_finish (writer, cancellable, error);
}
