/* hs-validate.c: what a record must be to be stored, said field by field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Forms call these as a person types, and the store before it writes: the
 * message says what to fix, and @field names the field as the exchange
 * format does ("name", "prediction.probability") so a form can show the
 * message beside the right entry.
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <math.h>
#include <string.h>

#include "hs-validate.h"

G_DEFINE_QUARK (hs-validate-error-quark, hs_validate_error)

static gboolean
problem (const char  **field_out,
         GError      **error,
         const char   *field,
         const char   *format,
         ...) G_GNUC_PRINTF (4, 5);

static gboolean
problem (const char  **field_out,
         GError      **error,
         const char   *field,
         const char   *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (field_out != NULL)
    *field_out = field;
  g_set_error (error, HS_VALIDATE_ERROR, HS_VALIDATE_ERROR_INVALID, "%s: %s", field, message);
  return FALSE;
}

/* Text that is present must be valid UTF-8 within its limit; text that is
 * required must be there and not only spaces. */
static gboolean
check_text (const char  *value,
            gsize        limit,
            gboolean     required,
            const char  *field,
            const char **field_out,
            GError     **error)
{
  gboolean blank = TRUE;

  if (value == NULL || *value == '\0')
    {
      if (required)
        return problem (field_out, error, field, "this is required");
      return TRUE;
    }
  if (!g_utf8_validate (value, -1, NULL))
    return problem (field_out, error, field, "the text is not valid UTF-8");
  if (strlen (value) > limit)
    return problem (field_out, error, field, "%" G_GSIZE_FORMAT " bytes is too long; at most %"
                    G_GSIZE_FORMAT " are allowed", strlen (value), limit);
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      {
        blank = FALSE;
        break;
      }
  if (blank && required)
    return problem (field_out, error, field, "this is required");
  return TRUE;
}

static gboolean
check_id (const char  *id,
          const char  *field,
          const char **field_out,
          GError     **error)
{
  if (id == NULL || *id == '\0')
    return problem (field_out, error, field, "this is required");
  if (!hs_id_is_valid (id))
    return problem (field_out, error, field,
                    "use 1 to 128 of the characters A–Z a–z 0–9 . _ : -, starting with a letter "
                    "or digit");
  return TRUE;
}

static gboolean
check_url (const char  *url,
           const char  *field,
           const char **field_out,
           GError     **error)
{
  if (url == NULL || *url == '\0')
    return TRUE;
  if (strlen (url) > HS_LIMIT_URL)
    return problem (field_out, error, field, "a link is at most %d bytes", HS_LIMIT_URL);
  if (!hs_url_is_web (url))
    return problem (field_out, error, field, "only links that start with http:// or https:// are kept");
  return TRUE;
}

gboolean
hs_validate_language (const char *tag)
{
  if (tag == NULL || !g_ascii_isalpha (tag[0]) || strlen (tag) > HS_LIMIT_LANG)
    return FALSE;
  for (const char *p = tag; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

gboolean
hs_validate_speaker (HsSpeaker   *speaker,
                     const char **field,
                     GError     **error)
{
  const char * const *aliases = hs_speaker_get_aliases (speaker);
  GPtrArray *affiliations = hs_speaker_get_affiliations (speaker);

  if (!check_id (hs_speaker_get_id (speaker), "id", field, error) ||
      !check_text (hs_speaker_get_name (speaker), HS_LIMIT_NAME, TRUE, "name", field, error) ||
      !check_text (hs_speaker_get_native_name (speaker), HS_LIMIT_NAME, FALSE, "native_name", field,
                   error) ||
      !check_text (hs_speaker_get_bio (speaker), HS_LIMIT_LONG, FALSE, "bio", field, error))
    return FALSE;

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (!check_text (aliases[i], HS_LIMIT_NAME, TRUE, "aliases", field, error))
      return FALSE;

  for (guint i = 0; i < affiliations->len; i++)
    {
      HsAffiliation *affiliation = g_ptr_array_index (affiliations, i);

      if (!check_text (affiliation->organization, HS_LIMIT_NAME, TRUE, "affiliations.organization",
                       field, error) ||
          !check_text (affiliation->role, HS_LIMIT_NAME, FALSE, "affiliations.role", field, error))
        return FALSE;
      if (hs_date_is_set (&affiliation->from) && hs_date_is_set (&affiliation->to))
        {
          HsDate from = hs_date_first_day (&affiliation->from);
          HsDate to = hs_date_last_day (&affiliation->to);

          if (hs_date_compare (&to, &from) < 0)
            return problem (field, error, "affiliations.to", "the position ends before it begins");
        }
    }
  return TRUE;
}

gboolean
hs_validate_source (HsSource    *source,
                    const char **field,
                    GError     **error)
{
  HsDate published = hs_source_get_published (source);
  HsDate event_date = hs_source_get_event_date (source);
  const char *language = hs_source_get_language (source);

  if (!check_id (hs_source_get_id (source), "id", field, error) ||
      !check_text (hs_source_get_title (source), HS_LIMIT_NAME, TRUE, "title", field, error) ||
      !check_text (hs_source_get_publisher (source), HS_LIMIT_NAME, FALSE, "publisher", field, error) ||
      !check_url (hs_source_get_url (source), "url", field, error) ||
      !check_text (hs_source_get_date_note (source), HS_LIMIT_LONG, FALSE, "date_note", field, error) ||
      !check_text (hs_source_get_event (source), HS_LIMIT_NAME, FALSE, "event", field, error) ||
      !check_text (hs_source_get_notes (source), HS_LIMIT_LONG, FALSE, "notes", field, error))
    return FALSE;
  if (language != NULL && !hs_validate_language (language))
    return problem (field, error, "language", "use a language tag such as “en”, “zh” or “zh-Hant”");
  if ((published.approximate || event_date.approximate) && hs_source_get_date_note (source) == NULL)
    return problem (field, error, "date_note", "an approximate date needs a note on how it was inferred");
  return TRUE;
}

gboolean
hs_validate_topic (HsTopic     *topic,
                   const char **field,
                   GError     **error)
{
  return check_id (hs_topic_get_id (topic), "id", field, error) &&
         check_text (hs_topic_get_name (topic), HS_LIMIT_NAME, TRUE, "name", field, error);
}

gboolean
hs_validate_claim (HsClaim     *claim,
                   const char **field,
                   GError     **error)
{
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  const char * const *topics = hs_claim_get_topics (claim);
  GPtrArray *relations = hs_claim_get_relations (claim);
  const char *language = hs_claim_get_original_language (claim);
  HsDate stated_on = hs_claim_get_stated_on (claim);

  if (!check_id (hs_claim_get_id (claim), "id", field, error) ||
      !check_id (hs_claim_get_speaker_id (claim), "speaker", field, error) ||
      (hs_claim_get_source_id (claim) != NULL &&
       !check_id (hs_claim_get_source_id (claim), "source", field, error)) ||
      !check_text (hs_claim_get_text (claim), HS_LIMIT_LONG, TRUE, "text", field, error) ||
      !check_text (hs_claim_get_quote (claim), HS_LIMIT_LONG, FALSE, "quote", field, error) ||
      !check_text (hs_claim_get_original_text (claim), HS_LIMIT_LONG, FALSE, "original_text", field,
                   error) ||
      !check_text (hs_claim_get_locator (claim), HS_LIMIT_NAME, FALSE, "locator", field, error))
    return FALSE;
  if (language != NULL && !hs_validate_language (language))
    return problem (field, error, "original_language",
                    "use a language tag such as “en”, “zh” or “zh-Hant”");
  if (!hs_date_is_set (&stated_on))
    return problem (field, error, "stated_on", "a claim needs the date it was said");

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    if (!check_id (topics[i], "topics", field, error))
      return FALSE;
  for (guint i = 0; i < relations->len; i++)
    {
      HsRelation *relation = g_ptr_array_index (relations, i);

      if (!check_id (relation->claim_id, "relations.claim", field, error))
        return FALSE;
      if (g_strcmp0 (relation->claim_id, hs_claim_get_id (claim)) == 0)
        return problem (field, error, "relations.claim", "a claim cannot be related to itself");
    }

  if (prediction != NULL)
    {
      HsDate earliest = hs_prediction_get_earliest (prediction);
      HsDate latest = hs_prediction_get_latest (prediction);
      double probability = hs_prediction_get_probability (prediction);

      if (!check_text (hs_prediction_get_horizon (prediction), HS_LIMIT_NAME, TRUE,
                       "prediction.horizon", field, error) ||
          !check_text (hs_prediction_get_confidence (prediction), HS_LIMIT_NAME, FALSE,
                       "prediction.confidence", field, error))
        return FALSE;
      if (hs_prediction_has_probability (prediction) && !(probability >= 0 && probability <= 1))
        return problem (field, error, "prediction.probability", "give a number from 0 to 1");
      if (hs_date_is_set (&earliest) && hs_date_is_set (&latest))
        {
          HsDate first = hs_date_first_day (&earliest), last = hs_date_last_day (&latest);

          if (hs_date_compare (&last, &first) < 0)
            return problem (field, error, "prediction.latest", "the latest date is before the earliest");
        }
    }
  return TRUE;
}
