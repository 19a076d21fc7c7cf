/* hs-importer.c: reading exchange files into a store, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read as a stream of tokens, record by record; each record is
 * checked field by field (so every problem can name its line, column and
 * field path), then merged into the store inside one transaction. Any
 * problem rolls the whole transaction back: nothing of a bad file is kept.
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <math.h>
#include <string.h>

#include "hs-csv.h"
#include "hs-horizon.h"
#include "hs-importer.h"
#include "hs-json-reader.h"
#include "hs-store-private.h"
#include "hs-validate.h"

G_DEFINE_QUARK (hs-import-error-quark, hs_import_error)

/* The format's limits, shared with the forms' validation. */
#define LIMIT_ID     HS_LIMIT_ID
#define LIMIT_NAME   HS_LIMIT_NAME
#define LIMIT_URL    HS_LIMIT_URL
#define LIMIT_LANG   HS_LIMIT_LANG
#define LIMIT_LONG   HS_LIMIT_LONG

typedef struct
{
  HsStore          *store;
  const char       *name;          /* the file, as errors name it */
  HsConflictPolicy  policy;
  HsImportReport   *report;
  GCancellable     *cancellable;

  GPtrArray        *problems;      /* formatted lines */
  guint             n_problems;    /* including those not listed */
  gboolean          only_conflicts;
  GString          *path;          /* the field path being read */

  /* Ids of records the file defines but that had problems: references to
   * them are not reported again, the first problem says enough. */
  GHashTable       *invalid_ids;
  /* Ids the file defines, for duplicates; claims are checked in the store. */
  GHashTable       *file_ids;
  gint64            claims_before; /* max rowid of claims before the import */
  /* Ids of claims stored before the import that the file names: a claim
   * the file adds shows it was named before by its rowid, one it updates
   * or leaves unchanged does not. */
  GHashTable       *stored_claims_named;
  /* Every speaker, source and topic id, stored or in the file, and what it
   * names: an id names one thing, of one kind. */
  GHashTable       *named_ids;

  /* Relations to claims not yet seen: checked when the file is done. */
  GPtrArray        *pending_relations;
} Import;

typedef struct
{
  char  *claim_id;
  char  *target;
  char  *where;  /* "file:line:col: path" */
} PendingRelation;

static void
pending_relation_free (PendingRelation *self)
{
  g_free (self->claim_id);
  g_free (self->target);
  g_free (self->where);
  g_free (self);
}

static void
import_init (Import           *imp,
             HsStore          *store,
             const char       *name,
             HsConflictPolicy  policy,
             HsImportReport   *report,
             GCancellable     *cancellable)
{
  memset (imp, 0, sizeof *imp);
  imp->store = store;
  imp->name = name;
  imp->policy = policy;
  imp->report = report;
  imp->cancellable = cancellable;
  imp->problems = g_ptr_array_new_with_free_func (g_free);
  imp->only_conflicts = TRUE;
  imp->path = g_string_new (NULL);
  imp->invalid_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp->file_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->stored_claims_named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp->named_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp->pending_relations = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_relation_free);
  memset (report, 0, sizeof *report);
}

static void
import_clear (Import *imp)
{
  g_ptr_array_unref (imp->problems);
  g_string_free (imp->path, TRUE);
  g_hash_table_unref (imp->invalid_ids);
  g_hash_table_unref (imp->file_ids);
  g_hash_table_unref (imp->stored_claims_named);
  g_hash_table_unref (imp->named_ids);
  g_ptr_array_unref (imp->pending_relations);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* Text from the file shown inside a message: valid UTF-8, one line, and
 * short, whatever the file held. */
static char *
excerpt (const char *text,
         gsize       length)
{
  g_autofree char *valid = g_utf8_make_valid (text, MIN (length, 200));
  GString *out = g_string_new ("“");
  guint n = 0;

  for (const char *p = valid; *p != '\0' && n < 40; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }
  if (n == 40 || length > 200)
    g_string_append (out, "…");
  g_string_append (out, "”");
  return g_string_free (out, FALSE);
}

static void
add_problem_at (Import     *imp,
                guint       line,
                guint       column,
                gboolean    conflict,
                const char *format,
                ...) G_GNUC_PRINTF (5, 6);

static void
add_problem_at (Import     *imp,
                guint       line,
                guint       column,
                gboolean    conflict,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  imp->n_problems++;
  if (!conflict)
    imp->only_conflicts = FALSE;
  if (imp->problems->len >= HS_IMPORT_MAX_PROBLEMS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (imp->path->len > 0)
    g_ptr_array_add (imp->problems, g_strdup_printf ("%s:%u:%u: %s: %s", imp->name, line, column,
                                                     imp->path->str, message));
  else
    g_ptr_array_add (imp->problems, g_strdup_printf ("%s:%u:%u: %s", imp->name, line, column,
                                                     message));
}

static gsize
path_push (Import     *imp,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static gsize
path_push (Import     *imp,
           const char *format,
           ...)
{
  gsize mark = imp->path->len;
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (imp->path, format, args);
  va_end (args);
  /* A path starts with its first name: "claims[0].text", "probability". */
  if (mark == 0 && imp->path->str[0] == '.')
    g_string_erase (imp->path, 0, 1);
  return mark;
}

static void
path_pop (Import *imp,
          gsize   mark)
{
  g_string_truncate (imp->path, mark);
}

/* Whether records are still written. A problem means the transaction will
 * be rolled back, so writing stops; but not for a conflict, since the
 * records after it may refer to what it leaves out (a relation to a later
 * claim, an id used twice). Written on as --on-conflict keep would write,
 * a file that fails only on conflicts is then one that keep imports: its
 * other problems are found and reported with them. */
static gboolean
may_write (Import *imp)
{
  return imp->n_problems == 0 || imp->only_conflicts;
}

/* ====================================================================== */
/* Records, as read from either format                                     */

/* What the importer knows of a value's place in the file. */
typedef struct
{
  guint line;
  guint column;
} Where;

static const char *
kind_word (HsObjectKind kind)
{
  switch (kind)
    {
    case HS_OBJECT_SPEAKER:
      return "a speaker";
    case HS_OBJECT_SOURCE:
      return "a source";
    case HS_OBJECT_TOPIC:
      return "a topic";
    case HS_OBJECT_CLAIM:
      return "a claim";
    case HS_OBJECT_RESOLUTION:
      return "a resolution";
    case HS_OBJECT_NONE:
    default:
      return "something";
    }
}

static gboolean
load_named_ids (Import  *imp,
                GError **error)
{
  static const struct { HsObjectKind kind; const char *sql; } tables[] = {
    { HS_OBJECT_SPEAKER, "SELECT id FROM speakers" },
    { HS_OBJECT_SOURCE, "SELECT id FROM sources" },
    { HS_OBJECT_TOPIC, "SELECT id FROM topics" },
  };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      sqlite3_stmt *stmt = hs_store_prepare (imp->store, tables[t].sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_insert (imp->named_ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                             GINT_TO_POINTER (tables[t].kind));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return hs_store_set_sqlite_error (imp->store, error, "reading ids");
    }
  return TRUE;
}

/* Records that @id names a @kind; reports an id already naming something
 * of another kind (show and links go by id alone). */
static gboolean
claim_id_for (Import       *imp,
              HsObjectKind  kind,
              const char   *id,
              Where         where,
              GError      **error)
{
  HsObjectKind other = GPOINTER_TO_INT (g_hash_table_lookup (imp->named_ids, id));
  g_autoptr(GError) local_error = NULL;

  if (other == HS_OBJECT_NONE && kind != HS_OBJECT_CLAIM &&
      hs_store_has (imp->store, HS_OBJECT_CLAIM, id, &local_error))
    other = HS_OBJECT_CLAIM;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (other != HS_OBJECT_NONE && other != kind)
    {
      gsize mark = path_push (imp, ".id");

      add_problem_at (imp, where.line, where.column, FALSE,
                      "the id “%s” already names %s; an id names one thing", id,
                      kind_word (other));
      path_pop (imp, mark);
    }
  else if (kind != HS_OBJECT_CLAIM && other == HS_OBJECT_NONE)
    g_hash_table_insert (imp->named_ids, g_strdup (id), GINT_TO_POINTER (kind));
  return TRUE;
}


/* Merges one record whose fields are all valid. @differs compares the stored
 * and the file's versions; @write stores the file's. */
typedef const char *(*DiffersFunc) (gpointer stored, gpointer incoming);

static gboolean
merge_record (Import       *imp,
              HsRecordKind  kind,
              const char   *what,
              const char   *id,
              gpointer      stored,
              gpointer      incoming,
              DiffersFunc   differs,
              Where         where,
              gboolean     *write,
              gboolean     *replace,
              GError      **error)
{
  const char *field;

  *write = FALSE;
  *replace = FALSE;

  if (stored == NULL)
    {
      imp->report->counts[kind][HS_OUTCOME_ADDED]++;
      *write = TRUE;
      return TRUE;
    }

  if ((field = differs (stored, incoming)) == NULL)
    {
      imp->report->counts[kind][HS_OUTCOME_UNCHANGED]++;
      return TRUE;
    }

  switch (imp->policy)
    {
    case HS_CONFLICT_KEEP:
      imp->report->counts[kind][HS_OUTCOME_SKIPPED]++;
      return TRUE;
    case HS_CONFLICT_REPLACE:
      imp->report->counts[kind][HS_OUTCOME_UPDATED]++;
      *write = *replace = TRUE;
      return TRUE;
    case HS_CONFLICT_FAIL:
    default:
      add_problem_at (imp, where.line, where.column, TRUE,
                      "the %s “%s” is already in the database with a different %s",
                      what, id, field);
      return TRUE;
    }
}

static gboolean
import_speaker (Import     *imp,
                HsSpeaker  *speaker,
                Where       where,
                GError    **error)
{
  g_autoptr(HsSpeaker) stored = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean write, replace;

  stored = hs_store_get_speaker (imp->store, hs_speaker_get_id (speaker), &local_error);
  if (stored == NULL && !g_error_matches (local_error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!merge_record (imp, HS_RECORD_SPEAKER, "speaker", hs_speaker_get_id (speaker), stored,
                     speaker, (DiffersFunc) hs_speaker_differs, where, &write, &replace, error))
    return FALSE;
  if (write && may_write (imp))
    return hs_store_write_speaker (imp->store, speaker, replace, error);
  return TRUE;
}

static gboolean
import_source (Import    *imp,
               HsSource  *source,
               Where      where,
               GError   **error)
{
  g_autoptr(HsSource) stored = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean write, replace;

  stored = hs_store_get_source (imp->store, hs_source_get_id (source), &local_error);
  if (stored == NULL && !g_error_matches (local_error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!merge_record (imp, HS_RECORD_SOURCE, "source", hs_source_get_id (source), stored, source,
                     (DiffersFunc) hs_source_differs, where, &write, &replace, error))
    return FALSE;
  if (write && may_write (imp))
    return hs_store_write_source (imp->store, source, replace, error);
  return TRUE;
}

static gboolean
import_topic (Import   *imp,
              HsTopic  *topic,
              Where     where,
              GError  **error)
{
  g_autoptr(HsTopic) stored = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean write, replace;

  stored = hs_store_get_topic (imp->store, hs_topic_get_id (topic), &local_error);
  if (stored == NULL && !g_error_matches (local_error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!merge_record (imp, HS_RECORD_TOPIC, "topic", hs_topic_get_id (topic), stored, topic,
                     (DiffersFunc) hs_topic_differs, where, &write, &replace, error))
    return FALSE;
  if (write && may_write (imp))
    return hs_store_write_topic (imp->store, topic, replace, error);
  return TRUE;
}

/* Checks what a claim refers to, fills in what it may leave out (its date,
 * its resolve window), then merges it and its history. */
typedef struct
{
  Where  record;
  Where  speaker;
  Where  source;
  Where  stated_on;
  Where  topics;
  Where *topics_at;  /* one per topic, when the file gives them apart */
  Where  horizon;
  Where  dates;      /* earliest or latest, when given */
  Where *relations;  /* one per relation */
  Where *resolutions;
  Where *resolution_dates;
  guint *resolution_index;  /* each entry's index in the file, or NULL when in file order */
  gboolean csv;      /* problems name CSV columns rather than JSON paths */
  gboolean explicit_earliest;
  gboolean explicit_latest;
} ClaimWhere;

static gboolean
import_resolutions (Import        *imp,
                    HsClaim       *claim,
                    HsClaim       *stored,
                    GListModel    *incoming,
                    const Where   *where,
                    const Where   *dates,
                    const guint   *index,
                    gboolean       csv,
                    GError       **error)
{
  HsDate stated = hs_claim_get_stated_on (claim);
  HsDate stated_first = hs_date_first_day (&stated);
  HsDate today = hs_date_today ();
  guint n = g_list_model_get_n_items (incoming);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HsResolution) resolution = g_list_model_get_item (incoming, i);
      g_autoptr(HsResolution) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      HsDate on = hs_resolution_get_on (resolution);
      HsDate first = hs_date_first_day (&on);
      HsDate last = hs_date_last_day (&on);
      char on_text[HS_DATE_BUFSIZE];
      /* In CSV the entry is the status of its row, dated in status_on. */
      gsize mark = csv
                   ? path_push (imp, "status_on")
                   : path_push (imp, ".prediction.resolutions[%u]", index != NULL ? index[i] : i);
      gboolean bad = FALSE;

      hs_date_to_buffer (&on, on_text);
      if (hs_date_compare (&first, &today) > 0)
        {
          /* In CSV the status_on column already names the date. */
          gsize on_mark = csv ? imp->path->len : path_push (imp, ".on");

          add_problem_at (imp, dates[i].line, dates[i].column, FALSE,
                          "%s is in the future: a resolution applies from a date that has come",
                          on_text);
          path_pop (imp, on_mark);
          bad = TRUE;
        }
      else if (hs_date_is_set (&stated) && hs_date_compare (&last, &stated_first) < 0)
        {
          char stated_text[HS_DATE_BUFSIZE];
          /* In CSV the status_on column already names the date. */
          gsize on_mark = csv ? imp->path->len : path_push (imp, ".on");

          add_problem_at (imp, dates[i].line, dates[i].column, FALSE,
                          "%s is before the prediction was made (%s)", on_text,
                          hs_date_to_buffer (&stated, stated_text));
          path_pop (imp, on_mark);
          bad = TRUE;
        }

      if (!bad)
        {
          existing = hs_store_get_resolution (imp->store, hs_resolution_get_id (resolution), NULL,
                                              &local_error);
          if (existing == NULL &&
              !g_error_matches (local_error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              path_pop (imp, mark);
              return FALSE;
            }
        }

      if (bad)
        ;
      else if (existing == NULL)
        {
          imp->report->counts[HS_RECORD_RESOLUTION][HS_OUTCOME_ADDED]++;
          if (hs_resolution_get_recorded_at (resolution) == NULL)
            hs_resolution_set_recorded_at (resolution, now);
          if (may_write (imp) &&
              !hs_store_write_resolution (imp->store, hs_claim_get_id (claim), resolution, error))
            {
              path_pop (imp, mark);
              return FALSE;
            }
        }
      else if (hs_resolution_differs (existing, resolution) == NULL)
        imp->report->counts[HS_RECORD_RESOLUTION][HS_OUTCOME_UNCHANGED]++;
      else if (imp->policy == HS_CONFLICT_KEEP)
        imp->report->counts[HS_RECORD_RESOLUTION][HS_OUTCOME_SKIPPED]++;
      else
        /* History is append-only: an entry is never rewritten, whatever the
         * policy; a correction is a new entry. */
        add_problem_at (imp, where[i].line, where[i].column, TRUE,
                        "the resolution “%s” is already in the history with a different %s; "
                        "history is never rewritten: add a new entry instead",
                        hs_resolution_get_id (resolution),
                        hs_resolution_differs (existing, resolution));

      path_pop (imp, mark);
    }

  return TRUE;
}

static gboolean
lookup_reference (Import        *imp,
                  HsObjectKind   kind,
                  const char    *id,
                  const char    *what,
                  Where          where,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (id == NULL || g_hash_table_contains (imp->invalid_ids, id))
    return TRUE;
  if (hs_store_has (imp->store, kind, id, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  add_problem_at (imp, where.line, where.column, FALSE,
                  "no %s “%s” in the file or the database", what, id);
  return TRUE;
}

static gboolean
import_claim (Import      *imp,
              HsClaim     *claim,
              ClaimWhere  *where,
              gboolean     explicit_stated,
              GError     **error)
{
  const char *id = hs_claim_get_id (claim);
  const char * const *topics = hs_claim_get_topics (claim);
  GPtrArray *relations = hs_claim_get_relations (claim);
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  g_autoptr(HsClaim) stored = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GListStore) incoming = NULL;
  guint problems_before = imp->n_problems;
  gboolean write = FALSE, replace = FALSE;
  gsize mark;

  /* References first: a claim's speaker, source and topics must exist. */
  mark = path_push (imp, ".speaker");
  if (!lookup_reference (imp, HS_OBJECT_SPEAKER, hs_claim_get_speaker_id (claim), "speaker",
                         where->speaker, error))
    return FALSE;
  path_pop (imp, mark);

  if (hs_claim_get_source_id (claim) != NULL)
    {
      mark = path_push (imp, ".source");
      if (!lookup_reference (imp, HS_OBJECT_SOURCE, hs_claim_get_source_id (claim), "source",
                             where->source, error))
        return FALSE;
      path_pop (imp, mark);
    }

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      mark = path_push (imp, ".topics[%u]", i);
      if (!lookup_reference (imp, HS_OBJECT_TOPIC, topics[i], "topic",
                             where->topics_at != NULL ? where->topics_at[i] : where->topics, error))
        return FALSE;
      path_pop (imp, mark);
    }

  /* The date defaults to the source's, and the resolve window to what the
   * horizon says from that date. */
  if (!explicit_stated && hs_claim_get_source_id (claim) != NULL &&
      !g_hash_table_contains (imp->invalid_ids, hs_claim_get_source_id (claim)))
    {
      g_autoptr(HsSource) source = hs_store_get_source (imp->store, hs_claim_get_source_id (claim),
                                                        NULL);
      if (source != NULL)
        {
          HsDate date = hs_source_get_default_date (source);
          hs_claim_set_stated_on (claim, &date);
        }
    }

  if (problems_before == imp->n_problems)
    {
      HsDate stated = hs_claim_get_stated_on (claim);

      if (!hs_date_is_set (&stated))
        {
          mark = path_push (imp, ".stated_on");
          add_problem_at (imp, where->record.line, where->record.column, FALSE,
                          "the claim has no date: give stated_on, or a source with a date");
          path_pop (imp, mark);
        }
    }

  if (prediction != NULL && problems_before == imp->n_problems)
    {
      HsDate stated = hs_claim_get_stated_on (claim);
      HsDate earliest = { 0 }, latest = { 0 };
      g_autoptr(GError) horizon_error = NULL;

      if (!where->explicit_earliest || !where->explicit_latest)
        {
          mark = path_push (imp, where->csv ? "horizon" : ".prediction.horizon");
          if (!hs_horizon_derive (hs_prediction_get_horizon (prediction), &stated, &earliest,
                                  &latest, &horizon_error))
            {
              /* CSV writes an open-ended latest as an empty field: after an
               * earliest date, with a horizon outside the table, that is
               * what JSON's "latest": null says, not a window to derive. */
              if (where->csv && where->explicit_earliest &&
                  g_error_matches (horizon_error, HS_HORIZON_ERROR, HS_HORIZON_ERROR_UNKNOWN))
                ;
              else if (g_error_matches (horizon_error, HS_HORIZON_ERROR, HS_HORIZON_ERROR_UNKNOWN))
                add_problem_at (imp, where->horizon.line, where->horizon.column, FALSE,
                                "%s (or give earliest and latest)", horizon_error->message);
              else
                add_problem_at (imp, where->horizon.line, where->horizon.column, FALSE, "%s",
                                horizon_error->message);
            }
          else
            {
              if (!where->explicit_earliest)
                hs_prediction_set_earliest (prediction, &earliest);
              if (!where->explicit_latest)
                hs_prediction_set_latest (prediction, &latest);
            }
          path_pop (imp, mark);
        }

      /* A window is made of days: "2027" as the latest date means its
       * last day, as the earliest its first. */
      earliest = hs_prediction_get_earliest (prediction);
      latest = hs_prediction_get_latest (prediction);
      if (!hs_date_is_set (&earliest))
        earliest = stated;
      {
        gboolean approximate = earliest.approximate;
        earliest = hs_date_first_day (&earliest);
        earliest.approximate = approximate;
        hs_prediction_set_earliest (prediction, &earliest);
      }
      if (hs_date_is_set (&latest))
        {
          gboolean approximate = latest.approximate;
          latest = hs_date_last_day (&latest);
          latest.approximate = approximate;
          hs_prediction_set_latest (prediction, &latest);
        }
      if (hs_date_is_set (&latest) && hs_date_compare (&latest, &earliest) < 0)
        {
          char a[HS_DATE_BUFSIZE], b[HS_DATE_BUFSIZE];

          mark = path_push (imp, where->csv ? "latest" : ".prediction.latest");
          add_problem_at (imp, where->dates.line, where->dates.column, FALSE,
                          "%s is before the earliest date %s", hs_date_to_buffer (&latest, a),
                          hs_date_to_buffer (&earliest, b));
          path_pop (imp, mark);
        }
    }

  /* Relations may point forward: a target not yet known is checked at the
   * end of the file. */
  for (guint i = 0; i < relations->len; i++)
    {
      HsRelation *relation = g_ptr_array_index (relations, i);
      g_autoptr(GError) has_error = NULL;

      if (g_hash_table_contains (imp->invalid_ids, relation->claim_id) ||
          g_strcmp0 (relation->claim_id, id) == 0)
        {
          if (g_strcmp0 (relation->claim_id, id) == 0)
            {
              mark = path_push (imp, ".relations[%u].claim", i);
              add_problem_at (imp, where->relations[i].line, where->relations[i].column, FALSE,
                              "a claim cannot be related to itself");
              path_pop (imp, mark);
            }
          continue;
        }
      if (!hs_store_has (imp->store, HS_OBJECT_CLAIM, relation->claim_id, &has_error))
        {
          PendingRelation *pending;

          if (has_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&has_error));
              return FALSE;
            }
          pending = g_new0 (PendingRelation, 1);
          pending->claim_id = g_strdup (id);
          pending->target = g_strdup (relation->claim_id);
          pending->where = g_strdup_printf ("%s:%u:%u: %s.relations[%u].claim", imp->name,
                                            where->relations[i].line, where->relations[i].column,
                                            imp->path->str, i);
          g_ptr_array_add (imp->pending_relations, pending);
        }
    }

  if (problems_before != imp->n_problems)
    {
      g_hash_table_add (imp->invalid_ids, g_strdup (id));
      return TRUE;
    }

  /* Merge: the claim itself by content, its history entry by entry. */
  stored = hs_store_get_claim (imp->store, id, &local_error);
  if (stored == NULL && !g_error_matches (local_error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (stored != NULL)
    {
      gint64 rowid = 0;
      sqlite3_stmt *stmt = hs_store_prepare (imp->store, "SELECT rowid FROM claims WHERE id = ?1",
                                             error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        rowid = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rowid > imp->claims_before || !g_hash_table_add (imp->stored_claims_named, g_strdup (id)))
        {
          add_problem_at (imp, where->record.line, where->record.column, FALSE,
                          "the id “%s” is used twice in this file", id);
          return TRUE;
        }
    }

  /* A CSV row has no column for relations, so it says nothing about them:
   * the stored claim keeps its own, rather than every exported row that
   * has some coming back as a conflict (or, replacing, losing them). */
  if (where->csv && stored != NULL)
    {
      GPtrArray *kept = hs_claim_get_relations (stored);

      for (guint i = 0; i < kept->len; i++)
        hs_claim_add_relation (claim, hs_relation_copy (g_ptr_array_index (kept, i)));
    }

  if (!merge_record (imp, HS_RECORD_CLAIM, "claim", id, stored, claim,
                     (DiffersFunc) hs_claim_differs, where->record, &write, &replace, error))
    return FALSE;

  if (replace && stored != NULL && hs_claim_is_prediction (stored) && prediction == NULL &&
      g_list_model_get_n_items (hs_prediction_get_resolutions (hs_claim_get_prediction (stored))) > 0)
    {
      add_problem_at (imp, where->record.line, where->record.column, FALSE,
                      "replacing “%s” would turn a prediction with a resolution history into a "
                      "plain claim and lose that history", id);
      return TRUE;
    }

  /* Replacing keeps the stored history, so no entry of it may be dated
   * before the date the claim now gives. */
  if (replace && stored != NULL && hs_claim_is_prediction (stored) && prediction != NULL)
    {
      GListModel *history = hs_prediction_get_resolutions (hs_claim_get_prediction (stored));
      HsDate stated = hs_claim_get_stated_on (claim);
      HsDate stated_first = hs_date_first_day (&stated);

      for (guint i = 0; i < g_list_model_get_n_items (history); i++)
        {
          g_autoptr(HsResolution) entry = g_list_model_get_item (history, i);
          HsDate on = hs_resolution_get_on (entry);
          HsDate last = hs_date_last_day (&on);
          char on_text[HS_DATE_BUFSIZE], stated_text[HS_DATE_BUFSIZE];

          if (hs_date_compare (&last, &stated_first) >= 0)
            continue;
          add_problem_at (imp, where->record.line, where->record.column, FALSE,
                          "replacing “%s” would date it %s, after its resolution “%s” of %s",
                          id, hs_date_to_buffer (&stated, stated_text),
                          hs_resolution_get_id (entry), hs_date_to_buffer (&on, on_text));
          return TRUE;
        }
    }

  if (write && may_write (imp))
    {
      if (!hs_store_write_claim (imp->store, claim, replace, error))
        return FALSE;
      if (prediction != NULL && stored == NULL)
        imp->report->predictions_added++;
    }

  /* A stored plain claim that stays one (kept, or in conflict) has no
   * history for the file's entries to join: they are skipped with it. */
  if (prediction != NULL && !write && stored != NULL && !hs_claim_is_prediction (stored))
    imp->report->counts[HS_RECORD_RESOLUTION][HS_OUTCOME_SKIPPED] +=
      g_list_model_get_n_items (hs_prediction_get_resolutions (prediction));
  else if (prediction != NULL && (write || stored != NULL))
    {
      /* The claim was built with its history; the store writes that part
       * entry by entry, so the history is handed over separately. */
      GListModel *history = hs_prediction_get_resolutions (prediction);

      incoming = g_list_store_new (HS_TYPE_RESOLUTION);
      for (guint i = 0; i < g_list_model_get_n_items (history); i++)
        {
          g_autoptr(HsResolution) item = g_list_model_get_item (history, i);
          g_list_store_append (incoming, item);
        }
      /* The entries join the claim that stays, and must follow its date:
       * the file's when it is written, else the stored one. */
      if (!import_resolutions (imp, write ? claim : stored, stored, G_LIST_MODEL (incoming),
                               where->resolutions,
                               where->resolution_dates != NULL ? where->resolution_dates
                                                               : where->resolutions,
                               where->resolution_index, where->csv, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_pending_relations (Import  *imp,
                         GError **error)
{
  for (guint i = 0; i < imp->pending_relations->len; i++)
    {
      PendingRelation *pending = g_ptr_array_index (imp->pending_relations, i);
      g_autoptr(GError) local_error = NULL;

      if (g_hash_table_contains (imp->invalid_ids, pending->target) ||
          g_hash_table_contains (imp->invalid_ids, pending->claim_id))
        continue;
      if (hs_store_has (imp->store, HS_OBJECT_CLAIM, pending->target, &local_error))
        continue;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      imp->n_problems++;
      imp->only_conflicts = FALSE;
      if (imp->problems->len < HS_IMPORT_MAX_PROBLEMS)
        g_ptr_array_add (imp->problems,
                         g_strdup_printf ("%s: no claim “%s” in the file or the database",
                                          pending->where, pending->target));
    }
  return TRUE;
}


/* ====================================================================== */
/* JSON                                                                    */

/* Every reader below receives the first token of its value, already read,
 * and consumes the rest of the value. Problems are recorded and reading goes
 * on, so that one import reports all it can; a reader returns FALSE only
 * when reading cannot go on (an I/O error, a cancel), with @error set. A
 * syntax error also stops reading, through json->fatal. */

typedef struct
{
  Import       *imp;
  HsJsonReader *reader;
  gboolean      fatal;
  char          number[48];  /* a long number, shortened for a message */
} Json;

#define STOPPED(json, error) ((json)->fatal || ((error) != NULL && *(error) != NULL))

static Where
here (Json *json)
{
  return (Where) { hs_json_reader_get_line (json->reader),
                   hs_json_reader_get_column (json->reader) };
}

static const char *
token_name (HsJsonToken token)
{
  switch (token)
    {
    case HS_JSON_TOKEN_BEGIN_OBJECT:
      return "an object";
    case HS_JSON_TOKEN_BEGIN_ARRAY:
      return "an array";
    case HS_JSON_TOKEN_STRING:
      return "a string";
    case HS_JSON_TOKEN_NUMBER:
      return "a number";
    case HS_JSON_TOKEN_TRUE:
    case HS_JSON_TOKEN_FALSE:
      return "true or false";
    case HS_JSON_TOKEN_NULL:
      return "null";
    case HS_JSON_TOKEN_EOF:
      return "the end of the file";
    case HS_JSON_TOKEN_END_OBJECT:
    case HS_JSON_TOKEN_END_ARRAY:
    case HS_JSON_TOKEN_MEMBER:
    case HS_JSON_TOKEN_NONE:
    case HS_JSON_TOKEN_ERROR:
    default:
      return "something else";
    }
}

static HsJsonToken
json_next (Json    *json,
           GError **error)
{
  g_autoptr(GError) local_error = NULL;
  HsJsonToken token;

  if (STOPPED (json, error))
    return HS_JSON_TOKEN_ERROR;

  token = hs_json_reader_next (json->reader, json->imp->cancellable, &local_error);
  if (token == HS_JSON_TOKEN_ERROR)
    {
      json->fatal = TRUE;
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (local_error, HS_JSON_ERROR, HS_JSON_ERROR_IO))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        add_problem_at (json->imp, hs_json_reader_get_line (json->reader),
                        hs_json_reader_get_column (json->reader), FALSE, "%s",
                        local_error->message);
    }
  return token;
}

/* Consumes the rest of the value that @token starts. */
static gboolean
json_skip (Json        *json,
           HsJsonToken  token,
           GError     **error)
{
  guint depth = 0;

  for (;;)
    {
      switch (token)
        {
        case HS_JSON_TOKEN_BEGIN_OBJECT:
        case HS_JSON_TOKEN_BEGIN_ARRAY:
          depth++;
          break;
        case HS_JSON_TOKEN_END_OBJECT:
        case HS_JSON_TOKEN_END_ARRAY:
          depth--;
          break;
        case HS_JSON_TOKEN_ERROR:
        case HS_JSON_TOKEN_EOF:
          return !(error != NULL && *error != NULL);
        case HS_JSON_TOKEN_MEMBER:
        case HS_JSON_TOKEN_STRING:
        case HS_JSON_TOKEN_NUMBER:
        case HS_JSON_TOKEN_TRUE:
        case HS_JSON_TOKEN_FALSE:
        case HS_JSON_TOKEN_NULL:
        case HS_JSON_TOKEN_NONE:
        default:
          break;
        }
      if (depth == 0)
        return TRUE;
      token = json_next (json, error);
    }
}

/* A number from the file, as a message may quote it: short, whatever its
 * length in the file. The string lives until the next number. */
static const char *
shown_number (Json *json)
{
  const char *text = hs_json_reader_get_number_text (json->reader);

  if (strlen (text) < sizeof json->number)
    return text;
  g_snprintf (json->number, sizeof json->number, "%.40s…", text);
  return json->number;
}

static gboolean
wrong_type (Json        *json,
            HsJsonToken  token,
            const char  *expected,
            GError     **error)
{
  Where where = here (json);

  add_problem_at (json->imp, where.line, where.column, FALSE, "expected %s but found %s",
                  expected, token_name (token));
  return json_skip (json, token, error);
}

/* The kinds of text a field holds, and how each is checked. */
typedef enum
{
  VALUE_ID,
  VALUE_NAME,     /* up to LIMIT_NAME */
  VALUE_LONG,     /* up to LIMIT_LONG */
  VALUE_URL,
  VALUE_LANG,
  VALUE_DATE,
  VALUE_KIND,     /* a source kind */
  VALUE_STATUS,
  VALUE_RELATION_KIND,
  VALUE_TIME,     /* RFC 3339 */
} ValueKind;

typedef struct
{
  char      *text;
  HsDate     date;
  int        number;
  GDateTime *time;
} Value;

static void
value_clear (Value *value)
{
  g_clear_pointer (&value->text, g_free);
  g_clear_pointer (&value->time, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Value, value_clear)

static gboolean
check_text (Import     *imp,
            Where       where,
            const char *text,
            gsize       length,
            gsize       limit)
{
  if (memchr (text, '\0', length) != NULL)
    {
      add_problem_at (imp, where.line, where.column, FALSE,
                      "the text contains a NUL character (\\u0000), which is not allowed");
      return FALSE;
    }
  if (length > limit)
    {
      add_problem_at (imp, where.line, where.column, FALSE,
                      "the text is %" G_GSIZE_FORMAT " bytes long; at most %" G_GSIZE_FORMAT
                      " are allowed here", length, limit);
      return FALSE;
    }
  return TRUE;
}

static gboolean
language_is_valid (const char *tag)
{
  /* BCP 47, loosely: letters first, then letters, digits and dashes. */
  if (!g_ascii_isalpha (tag[0]))
    return FALSE;
  for (const char *p = tag; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
parse_value (Import     *imp,
             ValueKind   kind,
             Where       where,
             const char *text,
             gsize       length,
             Value      *out)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = NULL;
  HsSourceKind source_kind;
  HsStatus status;
  HsRelationKind relation_kind;
  gboolean has_nul = memchr (text, '\0', length) != NULL;

  memset (out, 0, sizeof *out);

  switch (kind)
    {
    case VALUE_ID:
      if (memchr (text, '\0', length) != NULL)
        return check_text (imp, where, text, length, LIMIT_ID);
      if (!hs_id_is_valid (text))
        {
          shown = excerpt (text, length);
          add_problem_at (imp, where.line, where.column, FALSE,
                          "%s is not an id: use 1 to 128 of the characters A–Z a–z 0–9 . _ : -, "
                          "starting with a letter or digit", shown);
          return FALSE;
        }
      out->text = g_strndup (text, length);
      return TRUE;

    case VALUE_NAME:
    case VALUE_LONG:
      if (!check_text (imp, where, text, length, kind == VALUE_NAME ? LIMIT_NAME : LIMIT_LONG))
        return FALSE;
      out->text = g_strndup (text, length);
      return TRUE;

    case VALUE_URL:
      if (!check_text (imp, where, text, length, LIMIT_URL))
        return FALSE;
      if (!hs_url_is_web (text))
        {
          shown = excerpt (text, length);
          add_problem_at (imp, where.line, where.column, FALSE,
                          "%s is not a web link: only http:// and https:// links are kept", shown);
          return FALSE;
        }
      out->text = g_strndup (text, length);
      return TRUE;

    case VALUE_LANG:
      if (has_nul || length > LIMIT_LANG || !language_is_valid (text))
        {
          shown = excerpt (text, length);
          add_problem_at (imp, where.line, where.column, FALSE,
                          "%s is not a language tag such as “en”, “zh” or “zh-Hant”", shown);
          return FALSE;
        }
      out->text = g_strndup (text, length);
      return TRUE;

    case VALUE_DATE:
      if (has_nul)
        {
          add_problem_at (imp, where.line, where.column, FALSE, "a date cannot contain NUL");
          return FALSE;
        }
      if (!hs_date_parse (text, &out->date, &local_error))
        {
          add_problem_at (imp, where.line, where.column, FALSE, "%s", local_error->message);
          return FALSE;
        }
      return TRUE;

    case VALUE_TIME:
      if (!has_nul && length <= 64 && strchr (text, 'T') != NULL)
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          out->time = g_date_time_new_from_iso8601 (text, utc);
        }
      if (out->time == NULL || g_date_time_get_year (out->time) < 1000)
        {
          g_clear_pointer (&out->time, g_date_time_unref);
          shown = excerpt (text, length);
          add_problem_at (imp, where.line, where.column, FALSE,
                          "%s is not a time in RFC 3339 form, such as “2026-06-02T09:30:00Z”",
                          shown);
          return FALSE;
        }
      return TRUE;

    case VALUE_KIND:
      if (has_nul || !hs_source_kind_from_string (text, &source_kind))
        {
          shown = excerpt (text, length);
          add_problem_at (imp, where.line, where.column, FALSE,
                          "%s is not a kind of source; expected one of: %s", shown,
                          hs_source_kind_names ());
          return FALSE;
        }
      out->number = source_kind;
      return TRUE;

    case VALUE_STATUS:
      if (has_nul || !hs_status_from_string (text, &status))
        {
          shown = excerpt (text, length);
          add_problem_at (imp, where.line, where.column, FALSE,
                          "%s is not a status; expected one of: %s", shown, hs_status_names ());
          return FALSE;
        }
      out->number = status;
      return TRUE;

    case VALUE_RELATION_KIND:
      if (has_nul || !hs_relation_kind_from_string (text, &relation_kind))
        {
          shown = excerpt (text, length);
          add_problem_at (imp, where.line, where.column, FALSE,
                          "%s is not a relation; expected one of: %s", shown,
                          hs_relation_kind_names ());
          return FALSE;
        }
      out->number = relation_kind;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* A text value. *@present is TRUE when a valid value was read; null reads
 * as absent. */
static gboolean
json_text (Json        *json,
           HsJsonToken  token,
           ValueKind    kind,
           Value       *out,
           gboolean    *present,
           GError     **error)
{
  const char *text;
  gsize length = 0;

  *present = FALSE;
  if (token == HS_JSON_TOKEN_NULL || token == HS_JSON_TOKEN_ERROR)
    return !(error != NULL && *error != NULL);
  if (token != HS_JSON_TOKEN_STRING)
    return wrong_type (json, token, "a string", error);

  text = hs_json_reader_get_string (json->reader, &length);
  *present = parse_value (json->imp, kind, here (json), text, length, out);
  return TRUE;
}

/* Sets *@field from a text member: the common case of every record. */
static gboolean
json_text_field (Json        *json,
                 HsJsonToken  token,
                 ValueKind    kind,
                 char       **field,
                 GError     **error)
{
  g_auto(Value) value = { 0 };
  gboolean present;

  if (!json_text (json, token, kind, &value, &present, error))
    return FALSE;
  if (present)
    {
      g_free (*field);
      *field = g_steal_pointer (&value.text);
    }
  return TRUE;
}

/* As json_text_field(), for a field a record cannot do without: an empty
 * or blank string is reported where it is, not taken for the text. */
static gboolean
json_required_text_field (Json        *json,
                          HsJsonToken  token,
                          ValueKind    kind,
                          char       **field,
                          GError     **error)
{
  Where where = here (json);

  if (!json_text_field (json, token, kind, field, error))
    return FALSE;
  if (*field != NULL)
    {
      gboolean blank = TRUE;

      for (const char *p = *field; *p != '\0' && blank; p = g_utf8_next_char (p))
        blank = g_unichar_isspace (g_utf8_get_char (p));
      if (blank)
        {
          add_problem_at (json->imp, where.line, where.column, FALSE,
                          "this is required and cannot be empty");
          g_clear_pointer (field, g_free);
        }
    }
  return TRUE;
}

static gboolean
json_date_field (Json        *json,
                 HsJsonToken  token,
                 HsDate      *field,
                 GError     **error)
{
  g_auto(Value) value = { 0 };
  gboolean present;

  if (!json_text (json, token, VALUE_DATE, &value, &present, error))
    return FALSE;
  if (present)
    *field = value.date;
  return TRUE;
}

typedef gboolean (*ItemFunc) (Json        *json,
                              HsJsonToken  first,
                              guint        index,
                              gpointer     data,
                              GError     **error);

static gboolean
json_array (Json        *json,
            HsJsonToken  token,
            ItemFunc     item,
            gpointer     data,
            GError     **error)
{
  guint index = 0;

  if (token == HS_JSON_TOKEN_NULL || token == HS_JSON_TOKEN_ERROR)
    return !(error != NULL && *error != NULL);
  if (token != HS_JSON_TOKEN_BEGIN_ARRAY)
    return wrong_type (json, token, "an array", error);

  while ((token = json_next (json, error)) != HS_JSON_TOKEN_END_ARRAY)
    {
      gsize mark;
      gboolean ok;

      if (token == HS_JSON_TOKEN_ERROR)
        return !(error != NULL && *error != NULL);
      mark = path_push (json->imp, "[%u]", index);
      ok = item (json, token, index, data, error);
      path_pop (json->imp, mark);
      if (!ok)
        return FALSE;
      index++;
    }
  return TRUE;
}

typedef struct
{
  ValueKind  kind;
  GPtrArray *out;
} StringItems;

static gboolean
string_item (Json        *json,
             HsJsonToken  token,
             guint        index,
             gpointer     data,
             GError     **error)
{
  StringItems *items = data;
  g_auto(Value) value = { 0 };
  gboolean present;

  if (token == HS_JSON_TOKEN_NULL)
    return wrong_type (json, token, "a string", error);
  if (!json_text (json, token, items->kind, &value, &present, error))
    return FALSE;
  if (present)
    g_ptr_array_add (items->out, g_steal_pointer (&value.text));
  return TRUE;
}

/* An array of text values, as a NULL-terminated vector in @out. */
static gboolean
json_strings (Json        *json,
              HsJsonToken  token,
              ValueKind    kind,
              GStrv       *out,
              GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  StringItems data = { kind, items };

  if (!json_array (json, token, string_item, &data, error))
    return FALSE;
  g_ptr_array_add (items, NULL);
  g_strfreev (*out);
  *out = (GStrv) g_ptr_array_free (g_steal_pointer (&items), FALSE);
  return TRUE;
}

/* A member's name as a field path shows it: valid UTF-8, with control
 * characters escaped as excerpt() escapes them; NULL when the name can be
 * shown as it is, as every known name can. */
static char *
path_name (const char *name)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;

  for (p = name; *p != '\0' && (guchar) *p >= 0x20 && *p != 0x7f; p++)
    ;
  if (*p == '\0' && g_utf8_validate (name, -1, NULL))
    return NULL;

  valid = g_utf8_make_valid (name, -1);
  out = g_string_new (NULL);
  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

typedef gboolean (*MemberFunc) (Json        *json,
                                const char  *name,
                                HsJsonToken  value,
                                gpointer     data,
                                GError     **error);

/* Walks the members of the object that @token starts. */
static gboolean
json_object (Json        *json,
             HsJsonToken  token,
             MemberFunc   member,
             gpointer     data,
             GError     **error)
{
  /* The names seen in this object: no record has more than a dozen fields,
   * so a short list beats a hash table per record. */
  char seen[16][64];
  guint n_seen = 0;

  if (token == HS_JSON_TOKEN_ERROR)
    return !(error != NULL && *error != NULL);
  if (token != HS_JSON_TOKEN_BEGIN_OBJECT)
    return wrong_type (json, token, "an object", error);

  while ((token = json_next (json, error)) == HS_JSON_TOKEN_MEMBER)
    {
      char name[64];
      gsize length = 0;
      const char *text = hs_json_reader_get_string (json->reader, &length);
      Where where = here (json);
      gboolean repeated = FALSE;
      gsize mark;
      gboolean ok;

      /* A NUL would cut the name short and read "bio\u0000x" as "bio". */
      if (memchr (text, '\0', length) != NULL)
        {
          add_problem_at (json->imp, where.line, where.column, FALSE,
                          "a field name cannot contain a NUL character (\\u0000)");
          token = json_next (json, error);
          if (token == HS_JSON_TOKEN_ERROR || !json_skip (json, token, error))
            return !(error != NULL && *error != NULL);
          continue;
        }

      /* Names longer than any field are unknown anyway; the excerpt of the
       * cut name is enough to find it. */
      g_strlcpy (name, text, MIN (length + 1, sizeof name));
      for (guint i = 0; i < n_seen && !repeated; i++)
        repeated = strcmp (seen[i], name) == 0;
      if (!repeated && n_seen < G_N_ELEMENTS (seen))
        g_strlcpy (seen[n_seen++], name, sizeof seen[0]);
      {
        /* The path goes into messages of one line each: a name with a
         * line break in it, or cut inside a character, is shown escaped. */
        g_autofree char *shown = path_name (name);
        mark = path_push (json->imp, ".%s", shown != NULL ? shown : name);
      }
      token = json_next (json, error);
      /* JSON leaves a repeated name to the reader; taking the last one
       * silently would lose the first. The value is still read, so that
       * its own problems are reported too. */
      if (repeated && token != HS_JSON_TOKEN_ERROR)
        add_problem_at (json->imp, where.line, where.column, FALSE,
                        "this field is given twice in the same object");
      ok = token != HS_JSON_TOKEN_ERROR && member (json, name, token, data, error);
      path_pop (json->imp, mark);
      if (!ok)
        return !(error != NULL && *error != NULL);
    }

  return !(error != NULL && *error != NULL);
}

static gboolean
unknown_member (Json        *json,
                const char  *name,
                HsJsonToken  token,
                const char  *expected,
                GError     **error)
{
  Where where = here (json);
  g_autofree char *shown = excerpt (name, strlen (name));

  add_problem_at (json->imp, where.line, where.column, FALSE,
                  "unknown field %s; the fields here are: %s", shown, expected);
  return json_skip (json, token, error);
}

/* Reports a required field as missing, unless the record already had a
 * problem (@clean is FALSE): a field given with a bad value is not also
 * missing, and one clear line beats two. */
static gboolean
require (Import     *imp,
         gboolean    clean,
         Where       where,
         gboolean    present,
         const char *what)
{
  if (!present && clean)
    add_problem_at (imp, where.line, where.column, FALSE, "%s is missing", what);
  return present;
}

/* A record's id, duplicated in the file? Claims are checked by the store
 * (there may be a million of them); the rest here. */
static gboolean
first_in_file (Import       *imp,
               HsRecordKind  kind,
               const char   *id,
               Where         where)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", kind, id);
  const char *first = g_hash_table_lookup (imp->file_ids, key);

  if (first != NULL)
    {
      add_problem_at (imp, where.line, where.column, FALSE,
                      "the id “%s” is used twice in this file (first on line %s)", id, first);
      return FALSE;
    }
  g_hash_table_insert (imp->file_ids, g_steal_pointer (&key), g_strdup_printf ("%u", where.line));
  return TRUE;
}

/* --- speakers --- */

typedef struct
{
  char      *id;
  Where      id_where;
  char      *name;
  char      *native_name;
  GStrv      aliases;
  char      *bio;
  GPtrArray *affiliations;
} SpeakerIn;

typedef struct
{
  char   *organization;
  char   *role;
  HsDate  from;
  HsDate  to;
  Where   where;
} AffiliationIn;

static gboolean
affiliation_member (Json        *json,
                    const char  *name,
                    HsJsonToken  token,
                    gpointer     data,
                    GError     **error)
{
  AffiliationIn *in = data;

  if (strcmp (name, "organization") == 0)
    return json_required_text_field (json, token, VALUE_NAME, &in->organization, error);
  if (strcmp (name, "role") == 0)
    return json_text_field (json, token, VALUE_NAME, &in->role, error);
  if (strcmp (name, "from") == 0)
    return json_date_field (json, token, &in->from, error);
  if (strcmp (name, "to") == 0)
    return json_date_field (json, token, &in->to, error);
  return unknown_member (json, name, token, "organization, role, from, to", error);
}

static gboolean
affiliation_item (Json        *json,
                  HsJsonToken  token,
                  guint        index,
                  gpointer     data,
                  GError     **error)
{
  SpeakerIn *speaker = data;
  AffiliationIn in = { .where = here (json) };
  guint problems = json->imp->n_problems;
  gboolean ok = json_object (json, token, affiliation_member, &in, error);

  if (ok && token == HS_JSON_TOKEN_BEGIN_OBJECT &&
      require (json->imp, problems == json->imp->n_problems, in.where, in.organization != NULL,
               "organization") &&
      hs_date_is_set (&in.from) && hs_date_is_set (&in.to))
    {
      HsDate from = hs_date_first_day (&in.from), to = hs_date_last_day (&in.to);

      if (hs_date_compare (&to, &from) < 0)
        add_problem_at (json->imp, in.where.line, in.where.column, FALSE,
                        "the affiliation ends before it begins");
    }
  if (ok && problems == json->imp->n_problems && token == HS_JSON_TOKEN_BEGIN_OBJECT)
    g_ptr_array_add (speaker->affiliations,
                     hs_affiliation_new (in.organization, in.role, &in.from, &in.to));
  g_free (in.organization);
  g_free (in.role);
  return ok;
}

static gboolean
speaker_member (Json        *json,
                const char  *name,
                HsJsonToken  token,
                gpointer     data,
                GError     **error)
{
  SpeakerIn *in = data;

  if (strcmp (name, "id") == 0)
    {
      in->id_where = here (json);
      return json_text_field (json, token, VALUE_ID, &in->id, error);
    }
  if (strcmp (name, "name") == 0)
    return json_required_text_field (json, token, VALUE_NAME, &in->name, error);
  if (strcmp (name, "native_name") == 0)
    return json_text_field (json, token, VALUE_NAME, &in->native_name, error);
  if (strcmp (name, "aliases") == 0)
    return json_strings (json, token, VALUE_NAME, &in->aliases, error);
  if (strcmp (name, "bio") == 0)
    return json_text_field (json, token, VALUE_LONG, &in->bio, error);
  if (strcmp (name, "affiliations") == 0)
    return json_array (json, token, affiliation_item, in, error);
  return unknown_member (json, name, token,
                         "id, name, native_name, aliases, bio, affiliations", error);
}

static gboolean
speaker_item (Json        *json,
              HsJsonToken  token,
              guint        index,
              gpointer     data,
              GError     **error)
{
  SpeakerIn in = { 0 };
  Where where = here (json);
  guint problems = json->imp->n_problems;
  gboolean ok;

  in.affiliations = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_affiliation_free);
  ok = json_object (json, token, speaker_member, &in, error);

  if (ok && token == HS_JSON_TOKEN_BEGIN_OBJECT && !STOPPED (json, error))
    {
      gboolean clean = problems == json->imp->n_problems;

      require (json->imp, clean, where, in.id != NULL, "id");
      require (json->imp, clean, where, in.name != NULL, "name");
      if (in.id != NULL && first_in_file (json->imp, HS_RECORD_SPEAKER, in.id, where) &&
          !claim_id_for (json->imp, HS_OBJECT_SPEAKER, in.id, in.id_where, error))
        ok = FALSE;
      if (in.id != NULL && problems != json->imp->n_problems)
        g_hash_table_add (json->imp->invalid_ids, g_strdup (in.id));

      if (ok && problems == json->imp->n_problems)
        {
          g_autoptr(HsSpeaker) speaker = hs_speaker_new (in.id, in.name);

          hs_speaker_set_native_name (speaker, in.native_name);
          hs_speaker_set_aliases (speaker, (const char * const *) in.aliases);
          hs_speaker_set_bio (speaker, in.bio);
          for (guint i = 0; i < in.affiliations->len; i++)
            hs_speaker_add_affiliation (speaker, hs_affiliation_copy (g_ptr_array_index (in.affiliations, i)));
          ok = import_speaker (json->imp, speaker, where, error);
        }
    }

  g_free (in.id);
  g_free (in.name);
  g_free (in.native_name);
  g_strfreev (in.aliases);
  g_free (in.bio);
  g_ptr_array_unref (in.affiliations);
  return ok;
}

/* --- sources --- */

typedef struct
{
  char   *id;
  Where   id_where;
  char   *title;
  int     kind;
  char   *publisher;
  char   *url;
  HsDate  published;
  char   *date_note;
  char   *event;
  HsDate  event_date;
  char   *language;
  char   *notes;
} SourceIn;

static gboolean
source_member (Json        *json,
               const char  *name,
               HsJsonToken  token,
               gpointer     data,
               GError     **error)
{
  SourceIn *in = data;

  if (strcmp (name, "id") == 0)
    {
      in->id_where = here (json);
      return json_text_field (json, token, VALUE_ID, &in->id, error);
    }
  if (strcmp (name, "title") == 0)
    return json_required_text_field (json, token, VALUE_NAME, &in->title, error);
  if (strcmp (name, "kind") == 0)
    {
      g_auto(Value) value = { 0 };
      gboolean present;

      if (!json_text (json, token, VALUE_KIND, &value, &present, error))
        return FALSE;
      if (present)
        in->kind = value.number;
      return TRUE;
    }
  if (strcmp (name, "publisher") == 0)
    return json_text_field (json, token, VALUE_NAME, &in->publisher, error);
  if (strcmp (name, "url") == 0)
    return json_text_field (json, token, VALUE_URL, &in->url, error);
  if (strcmp (name, "published") == 0)
    return json_date_field (json, token, &in->published, error);
  if (strcmp (name, "date_note") == 0)
    return json_text_field (json, token, VALUE_LONG, &in->date_note, error);
  if (strcmp (name, "event") == 0)
    return json_text_field (json, token, VALUE_NAME, &in->event, error);
  if (strcmp (name, "event_date") == 0)
    return json_date_field (json, token, &in->event_date, error);
  if (strcmp (name, "language") == 0)
    return json_text_field (json, token, VALUE_LANG, &in->language, error);
  if (strcmp (name, "notes") == 0)
    return json_text_field (json, token, VALUE_LONG, &in->notes, error);
  return unknown_member (json, name, token,
                         "id, title, kind, publisher, url, published, date_note, event, "
                         "event_date, language, notes", error);
}

static gboolean
source_item (Json        *json,
             HsJsonToken  token,
             guint        index,
             gpointer     data,
             GError     **error)
{
  SourceIn in = { .kind = -1 };
  Where where = here (json);
  guint problems = json->imp->n_problems;
  gboolean ok = json_object (json, token, source_member, &in, error);

  if (ok && token == HS_JSON_TOKEN_BEGIN_OBJECT && !STOPPED (json, error))
    {
      gboolean clean = problems == json->imp->n_problems;

      require (json->imp, clean, where, in.id != NULL, "id");
      require (json->imp, clean, where, in.title != NULL, "title");
      require (json->imp, clean, where, in.kind >= 0, "kind");
      if ((in.published.approximate || in.event_date.approximate) && in.date_note == NULL)
        add_problem_at (json->imp, where.line, where.column, FALSE,
                        "an approximate date needs a date_note saying how it was inferred");
      if (in.id != NULL && first_in_file (json->imp, HS_RECORD_SOURCE, in.id, where) &&
          !claim_id_for (json->imp, HS_OBJECT_SOURCE, in.id, in.id_where, error))
        ok = FALSE;
      if (in.id != NULL && problems != json->imp->n_problems)
        g_hash_table_add (json->imp->invalid_ids, g_strdup (in.id));

      if (ok && problems == json->imp->n_problems)
        {
          g_autoptr(HsSource) source = hs_source_new (in.id, in.title, in.kind);

          hs_source_set_publisher (source, in.publisher);
          hs_source_set_url (source, in.url);
          hs_source_set_published (source, &in.published);
          hs_source_set_date_note (source, in.date_note);
          hs_source_set_event (source, in.event);
          hs_source_set_event_date (source, &in.event_date);
          hs_source_set_language (source, in.language);
          hs_source_set_notes (source, in.notes);
          ok = import_source (json->imp, source, where, error);
        }
    }

  g_free (in.id);
  g_free (in.title);
  g_free (in.publisher);
  g_free (in.url);
  g_free (in.date_note);
  g_free (in.event);
  g_free (in.language);
  g_free (in.notes);
  return ok;
}

/* --- topics --- */

static gboolean
translation_member (Json        *json,
                    const char  *name,
                    HsJsonToken  token,
                    gpointer     data,
                    GError     **error)
{
  HsTopic *topic = data;
  g_autofree char *text = NULL;
  Where where = here (json);

  if (strlen (name) > LIMIT_LANG || !language_is_valid (name))
    {
      g_autofree char *shown = excerpt (name, strlen (name));

      add_problem_at (json->imp, where.line, where.column, FALSE,
                      "%s is not a language tag such as “en”, “zh” or “zh-Hant”", shown);
      return json_skip (json, token, error);
    }
  if (!json_text_field (json, token, VALUE_NAME, &text, error))
    return FALSE;
  if (text != NULL)
    hs_topic_set_translation (topic, name, text);
  return TRUE;
}

typedef struct
{
  char    *id;
  Where    id_where;
  char    *name;
  HsTopic *translations;  /* holds the translations until the id is known */
} TopicIn;

static gboolean
topic_member (Json        *json,
              const char  *name,
              HsJsonToken  token,
              gpointer     data,
              GError     **error)
{
  TopicIn *in = data;

  if (strcmp (name, "id") == 0)
    {
      in->id_where = here (json);
      return json_text_field (json, token, VALUE_ID, &in->id, error);
    }
  if (strcmp (name, "name") == 0)
    return json_required_text_field (json, token, VALUE_NAME, &in->name, error);
  if (strcmp (name, "translations") == 0)
    return json_object (json, token, translation_member, in->translations, error);
  return unknown_member (json, name, token, "id, name, translations", error);
}

static gboolean
topic_item (Json        *json,
            HsJsonToken  token,
            guint        index,
            gpointer     data,
            GError     **error)
{
  TopicIn in = { .translations = hs_topic_new ("-", NULL) };
  Where where = here (json);
  guint problems = json->imp->n_problems;
  gboolean ok = json_object (json, token, topic_member, &in, error);

  if (ok && token == HS_JSON_TOKEN_BEGIN_OBJECT && !STOPPED (json, error))
    {
      gboolean clean = problems == json->imp->n_problems;

      require (json->imp, clean, where, in.id != NULL, "id");
      require (json->imp, clean, where, in.name != NULL, "name");
      if (in.id != NULL && first_in_file (json->imp, HS_RECORD_TOPIC, in.id, where) &&
          !claim_id_for (json->imp, HS_OBJECT_TOPIC, in.id, in.id_where, error))
        ok = FALSE;
      if (in.id != NULL && problems != json->imp->n_problems)
        g_hash_table_add (json->imp->invalid_ids, g_strdup (in.id));

      if (ok && problems == json->imp->n_problems)
        {
          g_autoptr(HsTopic) topic = hs_topic_new (in.id, in.name);
          g_auto(GStrv) languages = hs_topic_dup_languages (in.translations);

          for (guint i = 0; languages[i] != NULL; i++)
            hs_topic_set_translation (topic, languages[i],
                                      hs_topic_get_translation (in.translations, languages[i]));
          ok = import_topic (json->imp, topic, where, error);
        }
    }

  g_free (in.id);
  g_free (in.name);
  g_object_unref (in.translations);
  return ok;
}

/* --- claims --- */

typedef struct
{
  char       *id;
  char       *speaker;
  char       *source;
  char       *text;
  char       *quote;
  char       *original_text;
  char       *original_language;
  char       *locator;
  HsDate      stated_on;
  gboolean    has_stated_on;
  GStrv       topics;
  GArray     *topic_where;
  GPtrArray  *relations;
  GArray     *relation_where;
  /* The prediction, when there is one. */
  gboolean    is_prediction;
  char       *horizon;
  HsDate      earliest;
  HsDate      latest;
  double      probability;
  char       *confidence;
  GPtrArray  *resolutions;
  GArray     *resolution_where;
  GArray     *resolution_date_where;
  ClaimWhere  where;
} ClaimIn;

typedef struct
{
  int    kind;
  char  *claim;
  char  *note;
  Where  claim_where;
} RelationIn;

static gboolean
relation_member (Json        *json,
                 const char  *name,
                 HsJsonToken  token,
                 gpointer     data,
                 GError     **error)
{
  RelationIn *in = data;

  if (strcmp (name, "type") == 0)
    {
      g_auto(Value) value = { 0 };
      gboolean present;

      if (!json_text (json, token, VALUE_RELATION_KIND, &value, &present, error))
        return FALSE;
      if (present)
        in->kind = value.number;
      return TRUE;
    }
  if (strcmp (name, "claim") == 0)
    {
      in->claim_where = here (json);
      return json_text_field (json, token, VALUE_ID, &in->claim, error);
    }
  if (strcmp (name, "note") == 0)
    return json_text_field (json, token, VALUE_LONG, &in->note, error);
  return unknown_member (json, name, token, "type, claim, note", error);
}

static gboolean
relation_item (Json        *json,
               HsJsonToken  token,
               guint        index,
               gpointer     data,
               GError     **error)
{
  ClaimIn *claim = data;
  RelationIn in = { .kind = -1 };
  Where where = here (json);
  guint problems = json->imp->n_problems;
  gboolean ok = json_object (json, token, relation_member, &in, error);

  if (ok && token == HS_JSON_TOKEN_BEGIN_OBJECT && !STOPPED (json, error))
    {
      gboolean clean = problems == json->imp->n_problems;

      require (json->imp, clean, where, in.kind >= 0, "type");
      require (json->imp, clean, where, in.claim != NULL, "claim");
      if (problems == json->imp->n_problems)
        {
          g_ptr_array_add (claim->relations, hs_relation_new (in.kind, in.claim, in.note));
          g_array_append_val (claim->relation_where, in.claim_where);
        }
    }
  g_free (in.claim);
  g_free (in.note);
  return ok;
}

typedef struct
{
  char      *id;
  int        status;
  HsDate     on;
  Where      on_where;
  char      *evidence;
  char      *url;
  GDateTime *recorded_at;
} ResolutionIn;

static gboolean
resolution_member (Json        *json,
                   const char  *name,
                   HsJsonToken  token,
                   gpointer     data,
                   GError     **error)
{
  ResolutionIn *in = data;
  g_auto(Value) value = { 0 };
  gboolean present;

  if (strcmp (name, "id") == 0)
    return json_text_field (json, token, VALUE_ID, &in->id, error);
  if (strcmp (name, "status") == 0)
    {
      if (!json_text (json, token, VALUE_STATUS, &value, &present, error))
        return FALSE;
      if (present)
        in->status = value.number;
      return TRUE;
    }
  if (strcmp (name, "on") == 0)
    {
      in->on_where = here (json);
      return json_date_field (json, token, &in->on, error);
    }
  if (strcmp (name, "evidence") == 0)
    return json_text_field (json, token, VALUE_LONG, &in->evidence, error);
  if (strcmp (name, "url") == 0)
    return json_text_field (json, token, VALUE_URL, &in->url, error);
  if (strcmp (name, "recorded_at") == 0)
    {
      if (!json_text (json, token, VALUE_TIME, &value, &present, error))
        return FALSE;
      if (present)
        {
          g_clear_pointer (&in->recorded_at, g_date_time_unref);
          in->recorded_at = g_steal_pointer (&value.time);
        }
      return TRUE;
    }
  return unknown_member (json, name, token, "id, status, on, evidence, url, recorded_at", error);
}

static gboolean
resolution_item (Json        *json,
                 HsJsonToken  token,
                 guint        index,
                 gpointer     data,
                 GError     **error)
{
  ClaimIn *claim = data;
  ResolutionIn in = { .status = -1 };
  Where where = here (json);
  guint problems = json->imp->n_problems;
  gboolean ok = json_object (json, token, resolution_member, &in, error);

  if (ok && token == HS_JSON_TOKEN_BEGIN_OBJECT && !STOPPED (json, error))
    {
      gboolean clean = problems == json->imp->n_problems;

      require (json->imp, clean, where, in.status >= 0, "status");
      require (json->imp, clean, where, hs_date_is_set (&in.on), "on");
      if (problems == json->imp->n_problems)
        {
          HsResolution *resolution = hs_resolution_new (in.id, in.status, &in.on);

          hs_resolution_set_evidence (resolution, in.evidence);
          hs_resolution_set_url (resolution, in.url);
          hs_resolution_set_recorded_at (resolution, in.recorded_at);
          g_ptr_array_add (claim->resolutions, resolution);
          g_array_append_val (claim->resolution_where, where);
          g_array_append_val (claim->resolution_date_where, in.on_where);
        }
    }
  g_free (in.id);
  g_free (in.evidence);
  g_free (in.url);
  g_clear_pointer (&in.recorded_at, g_date_time_unref);
  return ok;
}

static gboolean
prediction_member (Json        *json,
                   const char  *name,
                   HsJsonToken  token,
                   gpointer     data,
                   GError     **error)
{
  ClaimIn *in = data;

  if (strcmp (name, "horizon") == 0)
    {
      in->where.horizon = here (json);
      return json_required_text_field (json, token, VALUE_NAME, &in->horizon, error);
    }
  if (strcmp (name, "earliest") == 0)
    {
      in->where.dates = here (json);
      if (token != HS_JSON_TOKEN_NULL)
        in->where.explicit_earliest = TRUE;
      return json_date_field (json, token, &in->earliest, error);
    }
  if (strcmp (name, "latest") == 0)
    {
      /* Here, unlike elsewhere, null says something: open-ended. */
      in->where.dates = here (json);
      in->where.explicit_latest = TRUE;
      return json_date_field (json, token, &in->latest, error);
    }
  if (strcmp (name, "probability") == 0)
    {
      Where where = here (json);

      if (token == HS_JSON_TOKEN_NULL)
        return TRUE;
      if (token != HS_JSON_TOKEN_NUMBER)
        return wrong_type (json, token, "a number from 0 to 1", error);
      in->probability = hs_json_reader_get_number (json->reader);
      if (!(in->probability >= 0.0 && in->probability <= 1.0))
        {
          add_problem_at (json->imp, where.line, where.column, FALSE,
                          "%s is not a probability: give a number from 0 to 1 (20%% is 0.2)",
                          shown_number (json));
          in->probability = NAN;
        }
      return TRUE;
    }
  if (strcmp (name, "confidence") == 0)
    return json_text_field (json, token, VALUE_NAME, &in->confidence, error);
  if (strcmp (name, "resolutions") == 0)
    return json_array (json, token, resolution_item, in, error);
  return unknown_member (json, name, token,
                         "horizon, earliest, latest, probability, confidence, resolutions", error);
}

/* A claim's topics, each with its place, so a missing one is reported
 * where it is. */
static gboolean
claim_topic_item (Json        *json,
                  HsJsonToken  token,
                  guint        index,
                  gpointer     data,
                  GError     **error)
{
  ClaimIn *in = data;
  g_auto(Value) value = { 0 };
  Where where = here (json);
  gboolean present;

  if (token == HS_JSON_TOKEN_NULL)
    return wrong_type (json, token, "a string", error);
  if (!json_text (json, token, VALUE_ID, &value, &present, error))
    return FALSE;
  if (present)
    {
      if (in->topics == NULL)
        in->topics = g_new0 (char *, 1);
      {
        guint n = g_strv_length (in->topics);

        in->topics = g_renew (char *, in->topics, n + 2);
        in->topics[n] = g_steal_pointer (&value.text);
        in->topics[n + 1] = NULL;
      }
      g_array_append_val (in->topic_where, where);
    }
  return TRUE;
}

static gboolean
finish_topics (ClaimIn *in)
{
  in->where.topics_at = (Where *) (gpointer) in->topic_where->data;
  return TRUE;
}

static gboolean
claim_member (Json        *json,
              const char  *name,
              HsJsonToken  token,
              gpointer     data,
              GError     **error)
{
  ClaimIn *in = data;

  if (strcmp (name, "id") == 0)
    return json_text_field (json, token, VALUE_ID, &in->id, error);
  if (strcmp (name, "speaker") == 0)
    {
      in->where.speaker = here (json);
      return json_text_field (json, token, VALUE_ID, &in->speaker, error);
    }
  if (strcmp (name, "source") == 0)
    {
      in->where.source = here (json);
      return json_text_field (json, token, VALUE_ID, &in->source, error);
    }
  if (strcmp (name, "text") == 0)
    return json_required_text_field (json, token, VALUE_LONG, &in->text, error);
  if (strcmp (name, "quote") == 0)
    return json_text_field (json, token, VALUE_LONG, &in->quote, error);
  if (strcmp (name, "original_text") == 0)
    return json_text_field (json, token, VALUE_LONG, &in->original_text, error);
  if (strcmp (name, "original_language") == 0)
    return json_text_field (json, token, VALUE_LANG, &in->original_language, error);
  if (strcmp (name, "locator") == 0)
    return json_text_field (json, token, VALUE_NAME, &in->locator, error);
  if (strcmp (name, "stated_on") == 0)
    {
      in->where.stated_on = here (json);
      in->has_stated_on = token != HS_JSON_TOKEN_NULL;
      return json_date_field (json, token, &in->stated_on, error);
    }
  if (strcmp (name, "topics") == 0)
    {
      in->where.topics = here (json);
      return json_array (json, token, claim_topic_item, in, error) && finish_topics (in);
    }
  if (strcmp (name, "relations") == 0)
    return json_array (json, token, relation_item, in, error);
  if (strcmp (name, "prediction") == 0)
    {
      if (token == HS_JSON_TOKEN_NULL)
        return TRUE;
      in->is_prediction = TRUE;
      return json_object (json, token, prediction_member, in, error);
    }
  return unknown_member (json, name, token,
                         "id, speaker, source, text, quote, original_text, original_language, "
                         "locator, stated_on, topics, relations, prediction", error);
}

static void
claim_in_clear (ClaimIn *in)
{
  g_free (in->id);
  g_free (in->speaker);
  g_free (in->source);
  g_free (in->text);
  g_free (in->quote);
  g_free (in->original_text);
  g_free (in->original_language);
  g_free (in->locator);
  g_strfreev (in->topics);
  g_array_unref (in->topic_where);
  g_ptr_array_unref (in->relations);
  g_array_unref (in->relation_where);
  g_free (in->horizon);
  g_free (in->confidence);
  g_ptr_array_unref (in->resolutions);
  g_array_unref (in->resolution_where);
  g_array_unref (in->resolution_date_where);
}

static void
claim_in_init (ClaimIn *in)
{
  memset (in, 0, sizeof *in);
  in->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_relation_free);
  in->relation_where = g_array_new (FALSE, FALSE, sizeof (Where));
  in->topic_where = g_array_new (FALSE, FALSE, sizeof (Where));
  in->resolutions = g_ptr_array_new_with_free_func (g_object_unref);
  in->resolution_where = g_array_new (FALSE, FALSE, sizeof (Where));
  in->resolution_date_where = g_array_new (FALSE, FALSE, sizeof (Where));
  in->probability = NAN;
}

/* Builds the claim from what was read and imports it; shared by JSON and
 * CSV, which differ only in how the fields are found. */
static gboolean
import_claim_in (Import   *imp,
                 ClaimIn  *in,
                 GError  **error)
{
  g_autoptr(HsClaim) claim = hs_claim_new (in->id, in->speaker, in->text);
  g_autoptr(GArray) file_index = NULL;
  gboolean ok;

  hs_claim_set_source_id (claim, in->source);
  hs_claim_set_quote (claim, in->quote);
  hs_claim_set_original_text (claim, in->original_text);
  hs_claim_set_original_language (claim, in->original_language);
  hs_claim_set_locator (claim, in->locator);
  hs_claim_set_stated_on (claim, &in->stated_on);
  hs_claim_set_topics (claim, (const char * const *) in->topics);
  for (guint i = 0; i < in->relations->len; i++)
    hs_claim_add_relation (claim, hs_relation_copy (g_ptr_array_index (in->relations, i)));

  if (in->is_prediction)
    {
      g_autoptr(HsPrediction) prediction = hs_prediction_new (in->horizon);

      hs_prediction_set_earliest (prediction, &in->earliest);
      hs_prediction_set_latest (prediction, &in->latest);
      if (!isnan (in->probability))
        hs_prediction_set_probability (prediction, in->probability);
      hs_prediction_set_confidence (prediction, in->confidence);
      for (guint i = 0; i < in->resolutions->len; i++)
        {
          HsResolution *resolution = g_ptr_array_index (in->resolutions, i);

          if (hs_resolution_get_id (resolution) == NULL)
            {
              g_autofree char *derived = hs_resolution_derive_id (in->id, resolution);
              HsDate on = hs_resolution_get_on (resolution);
              HsResolution *named = hs_resolution_new (derived, hs_resolution_get_status (resolution),
                                                       &on);

              hs_resolution_set_evidence (named, hs_resolution_get_evidence (resolution));
              hs_resolution_set_url (named, hs_resolution_get_url (resolution));
              hs_resolution_set_recorded_at (named, hs_resolution_get_recorded_at (resolution));
              g_ptr_array_index (in->resolutions, i) = named;
              g_object_unref (resolution);
              resolution = named;
            }
          hs_prediction_add_resolution (prediction, resolution);
        }
      hs_claim_set_prediction (claim, prediction);
    }

  in->where.relations = (Where *) (gpointer) in->relation_where->data;
  in->where.resolutions = (Where *) (gpointer) in->resolution_where->data;
  in->where.resolution_dates = (Where *) (gpointer) in->resolution_date_where->data;

  /* History entries are matched to their places in the file by id: the
   * prediction sorts its history, which can differ from the file's order. */
  if (in->is_prediction && in->resolutions->len > 1)
    {
      GListModel *history = hs_prediction_get_resolutions (hs_claim_get_prediction (claim));
      g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (Where), in->resolutions->len);
      g_autoptr(GArray) sorted_dates = g_array_sized_new (FALSE, FALSE, sizeof (Where), in->resolutions->len);

      /* Problems name an entry by its index in the file, not in the history. */
      file_index = g_array_sized_new (FALSE, FALSE, sizeof (guint), in->resolutions->len);
      for (guint i = 0; i < g_list_model_get_n_items (history); i++)
        {
          g_autoptr(HsResolution) item = g_list_model_get_item (history, i);
          guint k;

          g_ptr_array_find (in->resolutions, item, &k);
          g_array_append_val (sorted, g_array_index (in->resolution_where, Where, k));
          g_array_append_val (sorted_dates, g_array_index (in->resolution_date_where, Where, k));
          g_array_append_val (file_index, k);
        }
      g_array_unref (in->resolution_where);
      in->resolution_where = g_steal_pointer (&sorted);
      in->where.resolutions = (Where *) (gpointer) in->resolution_where->data;
      g_array_unref (in->resolution_date_where);
      in->resolution_date_where = g_steal_pointer (&sorted_dates);
      in->where.resolution_dates = (Where *) (gpointer) in->resolution_date_where->data;
      in->where.resolution_index = (guint *) (gpointer) file_index->data;
    }

  ok = import_claim (imp, claim, &in->where, in->has_stated_on, error);
  in->where.resolution_index = NULL;
  return ok;
}

static gboolean
claim_item (Json        *json,
            HsJsonToken  token,
            guint        index,
            gpointer     data,
            GError     **error)
{
  ClaimIn in;
  guint problems = json->imp->n_problems;
  gboolean ok;

  claim_in_init (&in);
  in.where.record = here (json);
  ok = json_object (json, token, claim_member, &in, error);

  if (ok && token == HS_JSON_TOKEN_BEGIN_OBJECT && !STOPPED (json, error))
    {
      Where where = in.where.record;
      gboolean clean = problems == json->imp->n_problems;

      require (json->imp, clean, where, in.id != NULL, "id");
      require (json->imp, clean, where, in.speaker != NULL, "speaker");
      require (json->imp, clean, where, in.text != NULL, "text");
      if (in.is_prediction)
        {
          gsize mark = path_push (json->imp, ".prediction");
          require (json->imp, clean, where, in.horizon != NULL, "horizon");
          path_pop (json->imp, mark);
        }

      if (in.id != NULL && !claim_id_for (json->imp, HS_OBJECT_CLAIM, in.id, where, error))
        ok = FALSE;
      if (ok && problems == json->imp->n_problems)
        ok = import_claim_in (json->imp, &in, error);
      else if (in.id != NULL)
        g_hash_table_add (json->imp->invalid_ids, g_strdup (in.id));
    }

  claim_in_clear (&in);
  return ok;
}

/* --- the document --- */

typedef struct
{
  gboolean format;
  int      section;  /* the last section read, for the order rule */
} DocumentIn;

static const char *sections[] = { "speakers", "sources", "topics", "claims" };

static gboolean
document_member (Json        *json,
                 const char  *name,
                 HsJsonToken  token,
                 gpointer     data,
                 GError     **error)
{
  static const ItemFunc readers[] = { speaker_item, source_item, topic_item, claim_item };
  DocumentIn *in = data;
  Where where = here (json);

  if (strcmp (name, "format") == 0)
    {
      const char *text;

      if (token != HS_JSON_TOKEN_STRING)
        return wrong_type (json, token, "the string “hindsight”", error);
      text = hs_json_reader_get_string (json->reader, NULL);
      if (strcmp (text, "hindsight") != 0)
        {
          g_autofree char *shown = excerpt (text, strlen (text));
          add_problem_at (json->imp, where.line, where.column, FALSE,
                          "this is a %s file, not a Hindsight file", shown);
          json->fatal = TRUE;
          return TRUE;
        }
      in->format = TRUE;
      return TRUE;
    }

  if (strcmp (name, "version") == 0)
    {
      double version;

      if (token != HS_JSON_TOKEN_NUMBER)
        return wrong_type (json, token, "the number 1", error);
      version = hs_json_reader_get_number (json->reader);
      if (version > 1)
        {
          add_problem_at (json->imp, where.line, where.column, FALSE,
                          "the file is in version %s of the format, written by a newer Hindsight; "
                          "this one reads version 1", shown_number (json));
          json->fatal = TRUE;
        }
      else if (version != 1)
        add_problem_at (json->imp, where.line, where.column, FALSE,
                        "%s is not a version of the format; expected 1",
                        shown_number (json));
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (strcmp (name, sections[i]) == 0)
      {
        if ((int) i == in->section)
          {
            add_problem_at (json->imp, where.line, where.column, FALSE,
                            "“%s” appears twice; give each section once", name);
            return json_skip (json, token, error);
          }
        if ((int) i < in->section)
          {
            add_problem_at (json->imp, where.line, where.column, FALSE,
                            "“%s” must come before “%s”: sections are read in the order "
                            "speakers, sources, topics, claims", name, sections[in->section]);
            return json_skip (json, token, error);
          }
        in->section = i;
        return json_array (json, token, readers[i], NULL, error);
      }

  return unknown_member (json, name, token,
                         "format, version, speakers, sources, topics, claims", error);
}

static gboolean
import_json (Import        *imp,
             GInputStream  *stream,
             GError       **error)
{
  g_autoptr(HsJsonReader) reader = hs_json_reader_new (stream);
  Json json = { imp, reader, FALSE, "" };
  DocumentIn in = { FALSE, -1 };
  HsJsonToken token;
  Where start;

  token = json_next (&json, error);
  start = here (&json);
  if (token == HS_JSON_TOKEN_ERROR)
    return !(error != NULL && *error != NULL);
  if (token != HS_JSON_TOKEN_BEGIN_OBJECT)
    {
      add_problem_at (imp, start.line, start.column, FALSE,
                      "expected a Hindsight file (an object with \"format\": \"hindsight\") but "
                      "found %s", token_name (token));
      return TRUE;
    }

  if (!json_object (&json, token, document_member, &in, error))
    return FALSE;
  if (json.fatal)
    return TRUE;

  if (!in.format)
    add_problem_at (imp, start.line, start.column, FALSE,
                    "this is not a Hindsight file: \"format\": \"hindsight\" is missing");

  /* Only whitespace may follow the document. */
  token = json_next (&json, error);
  if (token != HS_JSON_TOKEN_EOF && token != HS_JSON_TOKEN_ERROR)
    {
      Where where = here (&json);
      add_problem_at (imp, where.line, where.column, FALSE,
                      "unexpected content after the end of the document");
    }

  return !(error != NULL && *error != NULL);
}

/* ====================================================================== */
/* CSV                                                                     */

typedef enum
{
  COL_ID,
  COL_SPEAKER,
  COL_SOURCE,
  COL_STATED_ON,
  COL_TEXT,
  COL_QUOTE,
  COL_ORIGINAL_TEXT,
  COL_ORIGINAL_LANGUAGE,
  COL_LOCATOR,
  COL_TOPICS,
  COL_HORIZON,
  COL_EARLIEST,
  COL_LATEST,
  COL_PROBABILITY,
  COL_CONFIDENCE,
  COL_STATUS,
  COL_STATUS_ON,
  COL_EVIDENCE,
  COL_EVIDENCE_URL,
  COL_SPEAKER_NAME,
  COL_SOURCE_TITLE,
  N_COLUMNS
} Column;

/* In the order export writes them; shared with the exporter. */
const char *hs_csv_columns[N_COLUMNS + 1] = {
  "id", "speaker", "source", "stated_on", "text", "quote", "original_text", "original_language",
  "locator", "topics", "horizon", "earliest", "latest", "probability", "confidence", "status",
  "status_on", "evidence", "evidence_url", "speaker_name", "source_title", NULL
};

static gboolean
csv_probability (const char *text,
                 double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  gboolean percent = len > 0 && copy[len - 1] == '%';
  char *end = NULL;
  double value;

  if (percent)
    copy[--len] = '\0';
  if (len == 0)
    return FALSE;
  value = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || isnan (value))
    return FALSE;
  if (percent)
    value /= 100.0;
  if (!(value >= 0.0 && value <= 1.0))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
import_csv (Import        *imp,
            GInputStream  *stream,
            GError       **error)
{
  g_autoptr(HsCsvReader) reader = hs_csv_reader_new (stream);
  g_autoptr(GError) local_error = NULL;
  int map[HS_CSV_MAX_FIELDS];
  gboolean seen[N_COLUMNS] = { FALSE };
  guint n_header = 0;

  if (!hs_csv_reader_next_row (reader, imp->cancellable, &local_error))
    {
      if (local_error == NULL)
        {
          add_problem_at (imp, 1, 1, FALSE, "the file is empty: expected a header row naming "
                                            "the columns (id, speaker, text, horizon, …)");
          return TRUE;
        }
      goto read_failed;
    }

  n_header = hs_csv_reader_get_n_fields (reader);
  for (guint i = 0; i < n_header; i++)
    {
      const char *name = hs_csv_reader_get_field (reader, i, NULL);

      map[i] = -1;
      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_ascii_strcasecmp (name, hs_csv_columns[c]) == 0)
          map[i] = c;
      if (map[i] < 0)
        {
          g_autofree char *shown = excerpt (name, strlen (name));
          add_problem_at (imp, 1, i + 1, FALSE,
                          "unknown column %s; the columns are: id, speaker, source, stated_on, "
                          "text, quote, original_text, original_language, locator, topics, "
                          "horizon, earliest, latest, probability, confidence, status, status_on, "
                          "evidence, evidence_url (speaker_name and source_title are ignored)",
                          shown);
        }
      else if (seen[map[i]])
        add_problem_at (imp, 1, i + 1, FALSE, "the column “%s” appears twice",
                        hs_csv_columns[map[i]]);
      else
        seen[map[i]] = TRUE;
    }
  for (guint c = 0; c < N_COLUMNS; c++)
    if ((c == COL_ID || c == COL_SPEAKER || c == COL_TEXT || c == COL_HORIZON) && !seen[c])
      add_problem_at (imp, 1, 1, FALSE, "the header has no “%s” column, which is required",
                      hs_csv_columns[c]);
  if (imp->n_problems > 0)
    return TRUE;

  while (hs_csv_reader_next_row (reader, imp->cancellable, &local_error))
    {
      guint line = hs_csv_reader_get_line (reader);
      guint n = hs_csv_reader_get_n_fields (reader);
      guint problems = imp->n_problems;
      ClaimIn in;
      int status = -1;
      HsDate status_on = { 0 };
      g_autofree char *evidence = NULL, *evidence_url = NULL;
      Where status_where = { line, 1 };
      Where status_on_where = { line, 1 };

      g_string_truncate (imp->path, 0);
      claim_in_init (&in);
      in.is_prediction = TRUE;
      in.where.csv = TRUE;
      in.where.record = (Where) { line, 1 };

      if (n != n_header)
        add_problem_at (imp, line, MIN (n, n_header) + 1, FALSE,
                        "the row has %u fields but the header has %u", n, n_header);

      for (guint i = 0; i < MIN (n, n_header); i++)
        {
          gsize length = 0;
          const char *text = hs_csv_reader_get_field (reader, i, &length);
          Where where = { line, i + 1 };
          g_auto(Value) value = { 0 };
          gsize mark;

          if (length == 0)
            continue;
          mark = path_push (imp, "%s", hs_csv_columns[map[i]]);

          switch ((Column) map[i])
            {
            case COL_ID:
              if (parse_value (imp, VALUE_ID, where, text, length, &value))
                in.id = g_steal_pointer (&value.text);
              break;
            case COL_SPEAKER:
              in.where.speaker = where;
              if (parse_value (imp, VALUE_ID, where, text, length, &value))
                in.speaker = g_steal_pointer (&value.text);
              break;
            case COL_SOURCE:
              in.where.source = where;
              if (parse_value (imp, VALUE_ID, where, text, length, &value))
                in.source = g_steal_pointer (&value.text);
              break;
            case COL_STATED_ON:
              if (parse_value (imp, VALUE_DATE, where, text, length, &value))
                {
                  in.stated_on = value.date;
                  in.has_stated_on = TRUE;
                }
              break;
            case COL_TEXT:
              if (parse_value (imp, VALUE_LONG, where, text, length, &value))
                in.text = g_steal_pointer (&value.text);
              break;
            case COL_QUOTE:
              if (parse_value (imp, VALUE_LONG, where, text, length, &value))
                in.quote = g_steal_pointer (&value.text);
              break;
            case COL_ORIGINAL_TEXT:
              if (parse_value (imp, VALUE_LONG, where, text, length, &value))
                in.original_text = g_steal_pointer (&value.text);
              break;
            case COL_ORIGINAL_LANGUAGE:
              if (parse_value (imp, VALUE_LANG, where, text, length, &value))
                in.original_language = g_steal_pointer (&value.text);
              break;
            case COL_LOCATOR:
              if (parse_value (imp, VALUE_NAME, where, text, length, &value))
                in.locator = g_steal_pointer (&value.text);
              break;
            case COL_TOPICS:
              {
                g_auto(GStrv) parts = g_strsplit (text, ";", 64);
                g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_free);

                in.where.topics = where;
                for (guint k = 0; parts[k] != NULL; k++)
                  {
                    g_auto(Value) topic = { 0 };
                    char *part = g_strstrip (parts[k]);

                    if (*part != '\0' &&
                        parse_value (imp, VALUE_ID, where, part, strlen (part), &topic))
                      g_ptr_array_add (topics, g_steal_pointer (&topic.text));
                  }
                g_ptr_array_add (topics, NULL);
                in.topics = (GStrv) g_ptr_array_free (g_steal_pointer (&topics), FALSE);
              }
              break;
            case COL_HORIZON:
              in.where.horizon = where;
              if (parse_value (imp, VALUE_NAME, where, text, length, &value))
                in.horizon = g_steal_pointer (&value.text);
              break;
            case COL_EARLIEST:
              in.where.dates = where;
              in.where.explicit_earliest = TRUE;
              if (parse_value (imp, VALUE_DATE, where, text, length, &value))
                in.earliest = value.date;
              break;
            case COL_LATEST:
              in.where.dates = where;
              in.where.explicit_latest = TRUE;
              if (parse_value (imp, VALUE_DATE, where, text, length, &value))
                in.latest = value.date;
              break;
            case COL_PROBABILITY:
              if (!csv_probability (text, &in.probability))
                {
                  g_autofree char *shown = excerpt (text, length);
                  add_problem_at (imp, line, i + 1, FALSE,
                                  "%s is not a probability: give a number from 0 to 1, or a "
                                  "percentage such as 20%%", shown);
                }
              break;
            case COL_CONFIDENCE:
              if (parse_value (imp, VALUE_NAME, where, text, length, &value))
                in.confidence = g_steal_pointer (&value.text);
              break;
            case COL_STATUS:
              status_where = where;
              if (parse_value (imp, VALUE_STATUS, where, text, length, &value))
                status = value.number;
              break;
            case COL_STATUS_ON:
              status_on_where = where;
              if (parse_value (imp, VALUE_DATE, where, text, length, &value))
                status_on = value.date;
              break;
            case COL_EVIDENCE:
              if (parse_value (imp, VALUE_LONG, where, text, length, &value))
                evidence = g_steal_pointer (&value.text);
              break;
            case COL_EVIDENCE_URL:
              if (parse_value (imp, VALUE_URL, where, text, length, &value))
                evidence_url = g_steal_pointer (&value.text);
              break;
            case COL_SPEAKER_NAME:
            case COL_SOURCE_TITLE:
            case N_COLUMNS:
            default:
              break;
            }
          path_pop (imp, mark);
        }

      {
        gboolean clean = problems == imp->n_problems;

        require (imp, clean, in.where.record, in.id != NULL, "id");
        require (imp, clean, in.where.record, in.speaker != NULL, "speaker");
        require (imp, clean, in.where.record, in.text != NULL, "text");
        require (imp, clean, in.where.record, in.horizon != NULL, "horizon");
      }

      /* A status other than the stored current one appends an entry. */
      if (problems == imp->n_problems && status >= 0)
        {
          HsStatus current = HS_STATUS_OPEN;
          g_autoptr(HsClaim) stored = hs_store_get_claim (imp->store, in.id, NULL);

          if (stored != NULL && hs_claim_is_prediction (stored))
            current = hs_prediction_get_status (hs_claim_get_prediction (stored));
          if ((HsStatus) status != current)
            {
              if (!hs_date_is_set (&status_on))
                {
                  gsize mark = path_push (imp, "status");

                  add_problem_at (imp, status_where.line, status_where.column, FALSE,
                                  "a status needs the date it applies from in status_on");
                  path_pop (imp, mark);
                }
              else
                {
                  HsResolution *resolution = hs_resolution_new (NULL, status, &status_on);

                  hs_resolution_set_evidence (resolution, evidence);
                  hs_resolution_set_url (resolution, evidence_url);
                  g_ptr_array_add (in.resolutions, resolution);
                  /* A problem with the entry is a problem with its date. */
                  g_array_append_val (in.resolution_where, status_on_where);
                  g_array_append_val (in.resolution_date_where, status_on_where);
                }
            }
        }

      if (in.id != NULL && !claim_id_for (imp, HS_OBJECT_CLAIM, in.id, in.where.record, error))
        {
          claim_in_clear (&in);
          return FALSE;
        }
      if (problems == imp->n_problems && !import_claim_in (imp, &in, error))
        {
          claim_in_clear (&in);
          return FALSE;
        }
      if (problems != imp->n_problems && in.id != NULL)
        g_hash_table_add (imp->invalid_ids, g_strdup (in.id));
      claim_in_clear (&in);
      g_string_truncate (imp->path, 0);
    }

  if (local_error == NULL)
    return TRUE;

read_failed:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (local_error, HS_CSV_ERROR, HS_CSV_ERROR_IO))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_string_truncate (imp->path, 0);
  {
    guint column = hs_csv_reader_get_error_column (reader);

    /* Name the column, as every other CSV problem does. */
    if (column >= 1 && column <= n_header && map[column - 1] >= 0)
      g_string_append (imp->path, hs_csv_columns[map[column - 1]]);
    add_problem_at (imp, hs_csv_reader_get_line (reader), column, FALSE, "%s",
                    local_error->message);
  }
  return TRUE;
}

/* ====================================================================== */
/* Entry points                                                            */

static gint64
max_claim_rowid (HsStore *self)
{
  sqlite3_stmt *stmt = hs_store_prepare (self, "SELECT coalesce(max(rowid), 0) FROM claims", NULL);
  gint64 max = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    max = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return max;
}

/**
 * hs_store_import_stream:
 * @display_name: the file's name, as problems name it
 * @format: %HS_IMPORT_FORMAT_JSON or %HS_IMPORT_FORMAT_CSV
 * @report: (out caller-allocates): what was added, updated, unchanged and
 *   skipped; filled in on success only
 *
 * Imports a whole file in one transaction. On any problem nothing is
 * written, and @error (%HS_IMPORT_ERROR) lists the problems, one per line,
 * each as FILE:LINE:COLUMN: PATH: what is wrong.
 */
gboolean
hs_store_import_stream (HsStore           *self,
                        GInputStream      *stream,
                        const char        *display_name,
                        HsImportFormat     format,
                        HsConflictPolicy   policy,
                        HsImportReport    *report,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_auto(Import) imp;
  HsImportReport scratch;
  HsBulk bulk = { 0 };
  gboolean ok;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (format == HS_IMPORT_FORMAT_JSON || format == HS_IMPORT_FORMAT_CSV, FALSE);

  import_init (&imp, self, display_name, policy, &scratch, cancellable);

  if (!hs_store_begin (self, error))
    return FALSE;
  imp.claims_before = max_claim_rowid (self);
  if (!load_named_ids (&imp, error) || !hs_store_bulk_begin (self, &bulk, error))
    {
      hs_store_rollback (self);
      hs_store_bulk_finish (self, &bulk);
      return FALSE;
    }

  if (format == HS_IMPORT_FORMAT_JSON)
    ok = import_json (&imp, stream, error);
  else
    ok = import_csv (&imp, stream, error);

  if (ok && may_write (&imp))
    ok = check_pending_relations (&imp, error);

  if (!ok)
    {
      hs_store_rollback (self);
      hs_store_bulk_finish (self, &bulk);
      return FALSE;
    }

  if (imp.n_problems > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      hs_store_rollback (self);
      hs_store_bulk_finish (self, &bulk);
      for (guint i = 0; i < imp.problems->len; i++)
        {
          if (i > 0)
            g_string_append_c (message, '\n');
          g_string_append (message, g_ptr_array_index (imp.problems, i));
        }
      if (imp.n_problems > imp.problems->len)
        g_string_append_printf (message, "\n%s: and %u more problems", display_name,
                                imp.n_problems - imp.problems->len);
      g_set_error_literal (error, HS_IMPORT_ERROR,
                           imp.only_conflicts ? HS_IMPORT_ERROR_CONFLICT : HS_IMPORT_ERROR_INVALID,
                           message->str);
      return FALSE;
    }

  if (!hs_store_bulk_end (self, &bulk, error))
    {
      hs_store_rollback (self);
      hs_store_bulk_finish (self, &bulk);
      return FALSE;
    }
  if (!hs_store_commit (self, error))
    return FALSE;

  *report = scratch;
  return TRUE;
}

static HsImportFormat
format_for_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, ".json"))
    return HS_IMPORT_FORMAT_JSON;
  if (g_str_has_suffix (lower, ".csv"))
    return HS_IMPORT_FORMAT_CSV;
  return HS_IMPORT_FORMAT_AUTO;
}

/**
 * hs_store_import_file:
 * @format: %HS_IMPORT_FORMAT_AUTO to go by the extension (.json or .csv)
 *
 * As hs_store_import_stream(), for a file.
 */
gboolean
hs_store_import_file (HsStore           *self,
                      GFile             *file,
                      HsImportFormat     format,
                      HsConflictPolicy   policy,
                      HsImportReport    *report,
                      GCancellable      *cancellable,
                      GError           **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (format == HS_IMPORT_FORMAT_AUTO && (format = format_for_name (name)) == HS_IMPORT_FORMAT_AUTO)
    {
      g_set_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_FORMAT,
                   "%s: cannot tell the format from the name; name it .json or .csv, or give "
                   "the format", name);
      return FALSE;
    }

  if (!(stream = g_file_read (file, cancellable, &local_error)))
    {
      g_set_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_FORMAT, "%s: %s", name,
                   local_error->message);
      return FALSE;
    }

  return hs_store_import_stream (self, G_INPUT_STREAM (stream), name, format, policy, report,
                                 cancellable, error);
}

/**
 * hs_store_import_bundled:
 *
 * Loads the dataset that ships with Hindsight (curated from public talks and
 * interviews), merging by id like any other import.
 */
gboolean
hs_store_import_bundled (HsStore         *self,
                         HsImportReport  *report,
                         GError         **error)
{
  g_autoptr(GInputStream) stream = NULL;

  stream = g_resources_open_stream ("/io/github/hindsight/Hindsight/dataset/hindsight-seed.json",
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (stream == NULL)
    return FALSE;

  return hs_store_import_stream (self, stream, "hindsight-seed.json", HS_IMPORT_FORMAT_JSON,
                                 HS_CONFLICT_FAIL, report, NULL, error);
}

guint
hs_import_report_total (const HsImportReport *report,
                        HsOutcome             outcome)
{
  guint total = 0;

  for (guint kind = 0; kind < HS_N_RECORD_KINDS; kind++)
    total += report->counts[kind][outcome];
  return total;
}

/* "added 8 speakers, 5 sources, 22 topics, 128 claims (54 predictions);
 * 3 unchanged" */
char *
hs_import_report_to_string (const HsImportReport *report)
{
  static const char *names[HS_N_RECORD_KINDS][2] = {
    { "speaker", "speakers" },
    { "source", "sources" },
    { "topic", "topics" },
    { "claim", "claims" },
    { "resolution", "resolutions" },
  };
  static const char *outcomes[HS_N_OUTCOMES] = { "added", "updated", "unchanged", "skipped" };
  GString *out = g_string_new (NULL);

  for (guint outcome = 0; outcome < HS_N_OUTCOMES; outcome++)
    {
      gboolean first = TRUE;

      if (hs_import_report_total (report, outcome) == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s ", outcomes[outcome]);
      for (guint kind = 0; kind < HS_N_RECORD_KINDS; kind++)
        {
          guint n = report->counts[kind][outcome];

          if (n == 0)
            continue;
          g_string_append_printf (out, "%s%u %s", first ? "" : ", ", n, names[kind][n != 1]);
          if (kind == HS_RECORD_CLAIM && outcome == HS_OUTCOME_ADDED && report->predictions_added)
            g_string_append_printf (out, " (%u %s)", report->predictions_added,
                                    report->predictions_added == 1 ? "prediction" : "predictions");
          first = FALSE;
        }
    }

  if (out->len == 0)
    g_string_append (out, "nothing to import");
  return g_string_free (out, FALSE);
}
