/* hs-store-edit.c: a person's own edits: save, delete, and undo a delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function is one transaction: all of an edit is stored, or none of
 * it. A deletion first writes what it removes (and the claims whose links
 * it cuts) as an exchange file in memory; importing that file again is the
 * undo, so undo restores ids, histories and record times exactly.
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <string.h>

#include "hs-exporter.h"
#include "hs-horizon.h"
#include "hs-importer.h"
#include "hs-store-private.h"
#include "hs-validate.h"

static gboolean
reference_exists (HsStore      *self,
                  HsObjectKind  kind,
                  const char   *id,
                  const char   *field,
                  const char   *what,
                  GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (hs_store_has (self, kind, id, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_INVALID, "%s: there is no %s “%s”", field,
               what, id);
  return FALSE;
}

/* An id names one thing: a new record may not take the id of something
 * of another kind. */
static gboolean
id_is_free (HsStore       *self,
            HsObjectKind   kind,
            const char    *id,
            GError       **error)
{
  static const char *words[] = {
    [HS_OBJECT_SPEAKER] = "a speaker", [HS_OBJECT_SOURCE] = "a source",
    [HS_OBJECT_TOPIC] = "a topic", [HS_OBJECT_CLAIM] = "a claim",
    [HS_OBJECT_RESOLUTION] = "a resolution",
  };
  g_autoptr(GError) local_error = NULL;
  HsObjectKind other = hs_store_find_id (self, id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (other != HS_OBJECT_NONE && other != kind)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_INVALID,
                   "id: “%s” already names %s; choose another id", id, words[other]);
      return FALSE;
    }
  return TRUE;
}

/* Runs @write for a record that exists (replace) or not, in a transaction. */
typedef gboolean (*WriteFunc) (HsStore  *self,
                               gpointer  record,
                               gboolean  replace,
                               GError  **error);

static gboolean
save (HsStore      *self,
      HsObjectKind  kind,
      const char   *id,
      gpointer      record,
      WriteFunc     write,
      GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean exists;

  if (!hs_store_begin (self, error))
    return FALSE;
  exists = hs_store_has (self, kind, id, &local_error);
  if (local_error == NULL && !exists && !id_is_free (self, kind, id, &local_error))
    ;
  else if (local_error != NULL || !write (self, record, exists, &local_error) ||
           !hs_store_commit (self, &local_error))
    {
      hs_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
invalid_error (GError  *validation,
               GError **error)
{
  g_set_error_literal (error, HS_STORE_ERROR, HS_STORE_ERROR_INVALID, validation->message);
  return FALSE;
}

/**
 * hs_store_save_speaker:
 *
 * Adds @speaker, or replaces the stored speaker with its id.
 */
gboolean
hs_store_save_speaker (HsStore    *self,
                       HsSpeaker  *speaker,
                       GError    **error)
{
  g_autoptr(GError) invalid = NULL;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);
  g_return_val_if_fail (HS_IS_SPEAKER (speaker), FALSE);

  if (!hs_validate_speaker (speaker, NULL, &invalid))
    return invalid_error (invalid, error);
  return save (self, HS_OBJECT_SPEAKER, hs_speaker_get_id (speaker), speaker,
               (WriteFunc) hs_store_write_speaker, error);
}

gboolean
hs_store_save_source (HsStore   *self,
                      HsSource  *source,
                      GError   **error)
{
  g_autoptr(GError) invalid = NULL;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);
  g_return_val_if_fail (HS_IS_SOURCE (source), FALSE);

  if (!hs_validate_source (source, NULL, &invalid))
    return invalid_error (invalid, error);
  return save (self, HS_OBJECT_SOURCE, hs_source_get_id (source), source,
               (WriteFunc) hs_store_write_source, error);
}

gboolean
hs_store_save_topic (HsStore  *self,
                     HsTopic  *topic,
                     GError  **error)
{
  g_autoptr(GError) invalid = NULL;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);
  g_return_val_if_fail (HS_IS_TOPIC (topic), FALSE);

  if (!hs_validate_topic (topic, NULL, &invalid))
    return invalid_error (invalid, error);
  return save (self, HS_OBJECT_TOPIC, hs_topic_get_id (topic), topic,
               (WriteFunc) hs_store_write_topic, error);
}

/**
 * hs_store_save_claim:
 *
 * Adds @claim, or replaces the stored claim with its id. Its speaker,
 * source, topics and related claims must exist. A prediction without
 * earliest and latest dates gets them from its horizon. The resolution
 * history is not written here (hs_store_add_resolution() appends to it) and
 * is never lost: a prediction with a history cannot become a plain claim.
 */
gboolean
hs_store_save_claim (HsStore  *self,
                     HsClaim  *claim,
                     GError  **error)
{
  g_autoptr(GError) invalid = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HsClaim) stored = NULL;
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  const char * const *topics = hs_claim_get_topics (claim);
  GPtrArray *relations = hs_claim_get_relations (claim);
  const char *id = hs_claim_get_id (claim);
  gboolean exists;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);
  g_return_val_if_fail (HS_IS_CLAIM (claim), FALSE);

  if (prediction != NULL)
    {
      HsDate earliest = hs_prediction_get_earliest (prediction);
      HsDate latest = hs_prediction_get_latest (prediction);
      HsDate stated = hs_claim_get_stated_on (claim);

      if (!hs_date_is_set (&earliest) && !hs_date_is_set (&latest))
        {
          if (!hs_horizon_derive (hs_prediction_get_horizon (prediction), &stated, &earliest,
                                  &latest, &local_error))
            {
              g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_INVALID, "prediction.horizon: %s",
                           local_error->message);
              return FALSE;
            }
          hs_prediction_set_earliest (prediction, &earliest);
          hs_prediction_set_latest (prediction, &latest);
        }
      else if (!hs_date_is_set (&earliest))
        {
          earliest = hs_date_first_day (&stated);
          hs_prediction_set_earliest (prediction, &earliest);
        }
    }

  if (!hs_validate_claim (claim, NULL, &invalid))
    return invalid_error (invalid, error);

  if (!hs_store_begin (self, error))
    return FALSE;

  if (!reference_exists (self, HS_OBJECT_SPEAKER, hs_claim_get_speaker_id (claim), "speaker",
                         "speaker", &local_error) ||
      (hs_claim_get_source_id (claim) != NULL &&
       !reference_exists (self, HS_OBJECT_SOURCE, hs_claim_get_source_id (claim), "source", "source",
                          &local_error)))
    goto failed;
  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    if (!reference_exists (self, HS_OBJECT_TOPIC, topics[i], "topics", "topic", &local_error))
      goto failed;
  for (guint i = 0; i < relations->len; i++)
    if (!reference_exists (self, HS_OBJECT_CLAIM, ((HsRelation *) g_ptr_array_index (relations, i))->claim_id,
                           "relations.claim", "claim", &local_error))
      goto failed;

  exists = hs_store_has (self, HS_OBJECT_CLAIM, id, &local_error);
  if (local_error != NULL || (!exists && !id_is_free (self, HS_OBJECT_CLAIM, id, &local_error)))
    goto failed;
  if (exists && (stored = hs_store_get_claim (self, id, &local_error)) == NULL)
    goto failed;
  if (stored != NULL && hs_claim_is_prediction (stored) && prediction == NULL &&
      g_list_model_get_n_items (hs_prediction_get_resolutions (hs_claim_get_prediction (stored))) > 0)
    {
      g_set_error (&local_error, HS_STORE_ERROR, HS_STORE_ERROR_INVALID,
                   "prediction: this prediction has a resolution history, which turning it into a "
                   "plain claim would lose");
      goto failed;
    }

  if (!hs_store_write_claim (self, claim, exists, &local_error) ||
      !hs_store_commit (self, &local_error))
    goto failed;
  return TRUE;

failed:
  hs_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The claims a deletion of (@kind, @id) removes, or, for a topic, changes. */
static GPtrArray *
affected_claims (HsStore      *self,
                 HsObjectKind  kind,
                 const char   *id,
                 GError      **error)
{
  static const char *queries[] = {
    [HS_OBJECT_SPEAKER] = "SELECT id FROM claims WHERE speaker_id = ?1 ORDER BY rowid",
    [HS_OBJECT_SOURCE] = "SELECT id FROM claims WHERE source_id = ?1 ORDER BY rowid",
    [HS_OBJECT_TOPIC] = "SELECT DISTINCT claim_id FROM claim_topics WHERE topic_id = ?1",
    [HS_OBJECT_CLAIM] = "SELECT id FROM claims WHERE id = ?1",
  };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = hs_store_prepare (self, queries[kind], error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return hs_store_set_sqlite_error (self, error, "finding what depends on it"), NULL;
  return g_steal_pointer (&ids);
}

/* Claims outside @removed that link to one inside: deleting cuts their link,
 * so an undo must restore them as they were. */
static gboolean
add_linking_claims (HsStore    *self,
                    GPtrArray  *removed,
                    GPtrArray  *out,
                    GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < removed->len; i++)
    g_hash_table_add (seen, g_ptr_array_index (removed, i));

  for (guint i = 0; i < removed->len; i++)
    {
      int rc;

      if (!(stmt = hs_store_prepare (self, "SELECT claim_id FROM relations WHERE other_id = ?1", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (removed, i), -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *claim_id = (const char *) sqlite3_column_text (stmt, 0);

          if (!g_hash_table_contains (seen, claim_id))
            {
              char *copy = g_strdup (claim_id);

              g_ptr_array_add (out, copy);
              g_hash_table_add (seen, copy);
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return hs_store_set_sqlite_error (self, error, "finding linked claims");
    }
  return TRUE;
}

/**
 * hs_store_count_dependents:
 *
 * Returns: how many other records a deletion of @id would take with it or
 *   change: a speaker's or source's claims, the claims on a topic, and for
 *   a claim its history entries and the claims that link to it; -1 on error
 */
gint64
hs_store_count_dependents (HsStore       *self,
                           HsObjectKind   kind,
                           const char    *id,
                           GError       **error)
{
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GPtrArray) linking = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gint64 count;

  g_return_val_if_fail (HS_IS_STORE (self), -1);
  g_return_val_if_fail (kind >= HS_OBJECT_SPEAKER && kind <= HS_OBJECT_CLAIM, -1);

  if (!(claims = affected_claims (self, kind, id, error)))
    return -1;
  if (kind != HS_OBJECT_CLAIM)
    return claims->len;

  if (!add_linking_claims (self, claims, linking, error))
    return -1;
  count = linking->len;
  if (!(stmt = hs_store_prepare (self, "SELECT count(*) FROM resolutions WHERE claim_id = ?1", error)))
    return -1;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count += sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

static gboolean
run_delete (HsStore    *self,
            const char *sql,
            const char *id,
            GError    **error)
{
  sqlite3_stmt *stmt = hs_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return hs_store_set_sqlite_error (self, error, "deleting");
  return TRUE;
}

/**
 * hs_store_delete:
 * @kind: a speaker, source, topic or claim
 *
 * Deletes @id with what depends on it: a speaker's or a source's claims
 * (with their predictions and histories), a topic from the claims it
 * tags, a claim with its history and the links to it. The caller asks a
 * person first when hs_store_count_dependents() is not 0.
 *
 * Returns: (transfer full): what was deleted, for hs_store_restore(); or
 *   %NULL with @error set, the store unchanged
 */
GBytes *
hs_store_delete (HsStore       *self,
                 HsObjectKind   kind,
                 const char    *id,
                 GError       **error)
{
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GPtrArray) snapshot_claims = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) local_error = NULL;
  const char *one[] = { id, NULL };
  gboolean found;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);
  g_return_val_if_fail (kind >= HS_OBJECT_SPEAKER && kind <= HS_OBJECT_CLAIM, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!hs_store_begin (self, error))
    return NULL;

  found = hs_store_has (self, kind, id, &local_error);
  if (local_error != NULL)
    goto failed;
  if (!found)
    {
      g_set_error (&local_error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_FOUND, "there is nothing with id “%s”",
                   id);
      goto failed;
    }

  if (!(claims = affected_claims (self, kind, id, &local_error)))
    goto failed;
  for (guint i = 0; i < claims->len; i++)
    g_ptr_array_add (snapshot_claims, g_strdup (g_ptr_array_index (claims, i)));
  if (kind != HS_OBJECT_TOPIC && !add_linking_claims (self, claims, snapshot_claims, &local_error))
    goto failed;

  if (!hs_store_export_selection (self, memory,
                                  kind == HS_OBJECT_SPEAKER ? one : NULL,
                                  kind == HS_OBJECT_SOURCE ? one : NULL,
                                  kind == HS_OBJECT_TOPIC ? one : NULL,
                                  snapshot_claims, NULL, &local_error) ||
      !g_output_stream_close (memory, NULL, &local_error))
    goto failed;

  switch (kind)
    {
    case HS_OBJECT_SPEAKER:
      if (!run_delete (self, "DELETE FROM claims WHERE speaker_id = ?1", id, &local_error) ||
          !run_delete (self, "DELETE FROM speakers WHERE id = ?1", id, &local_error))
        goto failed;
      break;
    case HS_OBJECT_SOURCE:
      if (!run_delete (self, "DELETE FROM claims WHERE source_id = ?1", id, &local_error) ||
          !run_delete (self, "DELETE FROM sources WHERE id = ?1", id, &local_error))
        goto failed;
      break;
    case HS_OBJECT_TOPIC:
      if (!run_delete (self, "DELETE FROM claim_topics WHERE topic_id = ?1", id, &local_error) ||
          !run_delete (self, "DELETE FROM topics WHERE id = ?1", id, &local_error))
        goto failed;
      break;
    case HS_OBJECT_CLAIM:
      if (!run_delete (self, "DELETE FROM claims WHERE id = ?1", id, &local_error))
        goto failed;
      break;
    case HS_OBJECT_NONE:
    case HS_OBJECT_RESOLUTION:
    default:
      g_assert_not_reached ();
    }

  /* Speakers and sources loaded before are gone now. */
  hs_store_forget_cached (self);
  if (!hs_store_commit (self, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));

failed:
  hs_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * hs_store_restore:
 * @snapshot: what hs_store_delete() returned
 *
 * Undoes a deletion: the records come back with their ids, histories and
 * links, and the claims whose links were cut get them back.
 */
gboolean
hs_store_restore (HsStore  *self,
                  GBytes   *snapshot,
                  GError  **error)
{
  g_autoptr(GInputStream) stream = NULL;
  HsImportReport report;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  stream = g_memory_input_stream_new_from_bytes (snapshot);
  return hs_store_import_stream (self, stream, "undo", HS_IMPORT_FORMAT_JSON, HS_CONFLICT_REPLACE,
                                 &report, NULL, error);
}

/**
 * hs_store_get_meta:
 * @key: a fact the scorecard keeps about itself ("last-due-notice")
 *
 * Returns: (transfer full) (nullable): its value, or %NULL when unset
 */
char *
hs_store_get_meta (HsStore    *self,
                   const char *key,
                   GError    **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!(stmt = hs_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    hs_store_set_sqlite_error (self, error, "reading the scorecard's settings");
  return value;
}

/* Sets @key to @value (or removes it for %NULL), in its own transaction. */
gboolean
hs_store_set_meta (HsStore     *self,
                   const char  *key,
                   const char  *value,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!hs_store_begin (self, error))
    return FALSE;
  stmt = hs_store_prepare (self,
                           value != NULL
                           ? "INSERT INTO meta (key, value) VALUES (?1, ?2)"
                             " ON CONFLICT (key) DO UPDATE SET value = ?2"
                           : "DELETE FROM meta WHERE key = ?1",
                           error);
  if (stmt == NULL)
    {
      hs_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hs_store_set_sqlite_error (self, error, "saving the scorecard's settings");
      hs_store_rollback (self);
      return FALSE;
    }
  return hs_store_commit (self, error);
}
