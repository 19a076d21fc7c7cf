/* hs-store.c: one scorecard in one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hs-search.h"
#include "hs-store-private.h"

/* "HSGT": marks a file as ours, so a stranger's SQLite file is refused
 * rather than written into. */
#define HS_APPLICATION_ID 0x48534754

struct _HsStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  gboolean    read_only;
  guint       in_transaction : 1;

  GHashTable *statements;  /* SQL text → sqlite3_stmt, prepared once */
  GHashTable *speakers;    /* id → HsSpeaker, attached to loaded claims */
  GHashTable *sources;     /* id → HsSource */
  gint64      data_version; /* PRAGMA data_version when they were last good */
};

G_DEFINE_FINAL_TYPE (HsStore, hs_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (hs-store-error-quark, hs_store_error)

/* The current status of a prediction: the entry with the latest "on" date,
 * the later record breaking ties; open without entries. Since version 2 the
 * triggers keep it in predictions.status, which queries read. */
#define STATUS_OF(claim_id_expr)                                               \
  "COALESCE((SELECT r.status FROM resolutions r WHERE r.claim_id = " claim_id_expr \
  " ORDER BY r.on_day DESC, r.recorded_at DESC, r.seq DESC LIMIT 1), 'open')"

/* Triggers that keep derived data right row by row. A bulk import drops
 * them inside its transaction and does their work once at the end, which
 * halves its time; so their text lives here, once, for both. */
#define FTS_INSERT_TRIGGER \
  "CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN" \
  "  INSERT INTO claims_fts (rowid, text, quote, original_text)" \
  "  VALUES (new.rowid, new.text, new.quote, new.original_text);" \
  "END;"

#define STATUS_INSERT_TRIGGER \
  "CREATE TRIGGER resolutions_status_insert AFTER INSERT ON resolutions BEGIN" \
  "  UPDATE predictions SET status = " STATUS_OF ("new.claim_id") " WHERE claim_id = new.claim_id;" \
  "END;"

/* Each entry migrates the schema from version i to i + 1. Entries are never
 * edited once released: a change is a new entry. */
static const char *migrations[] = {
  /* 0 → 1: the first schema. */
  "CREATE TABLE speakers ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL,"
  "  native_name TEXT,"
  "  bio TEXT"
  ");"
  "CREATE TABLE speaker_aliases ("
  "  speaker_id TEXT NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  alias TEXT NOT NULL,"
  "  PRIMARY KEY (speaker_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE affiliations ("
  "  speaker_id TEXT NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  organization TEXT NOT NULL,"
  "  role TEXT,"
  "  date_from TEXT,"
  "  date_to TEXT,"
  "  PRIMARY KEY (speaker_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE sources ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  title TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('talk', 'panel', 'podcast', 'interview', 'article',"
  "                                     'newsletter', 'post')),"
  "  publisher TEXT,"
  "  url TEXT,"
  "  published TEXT,"
  "  date_note TEXT,"
  "  event TEXT,"
  "  event_date TEXT,"
  "  language TEXT,"
  "  notes TEXT"
  ");"
  "CREATE TABLE topics ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL"
  ");"
  "CREATE TABLE topic_translations ("
  "  topic_id TEXT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,"
  "  language TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  PRIMARY KEY (topic_id, language)"
  ") WITHOUT ROWID;"
  /* The rowid is declared so that it survives VACUUM: the full-text index
   * refers to claims by rowid. */
  "CREATE TABLE claims ("
  "  rowid INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  speaker_id TEXT NOT NULL REFERENCES speakers (id),"
  "  source_id TEXT REFERENCES sources (id),"
  "  text TEXT NOT NULL,"
  "  quote TEXT,"
  "  original_text TEXT,"
  "  original_language TEXT,"
  "  locator TEXT,"
  "  stated_on TEXT NOT NULL,"
  "  stated_day TEXT NOT NULL"
  ");"
  "CREATE INDEX claims_by_day ON claims (stated_day, id);"
  "CREATE INDEX claims_by_speaker ON claims (speaker_id, stated_day);"
  "CREATE INDEX claims_by_source ON claims (source_id, stated_day);"
  "CREATE TABLE claim_topics ("
  "  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  topic_id TEXT NOT NULL REFERENCES topics (id),"
  "  PRIMARY KEY (claim_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX claim_topics_by_topic ON claim_topics (topic_id, claim_id);"
  /* Relation targets are checked at commit, so a file may link forward. */
  "CREATE TABLE relations ("
  "  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('supports', 'contradicts', 'revises', 'same-as')),"
  "  other_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,"
  "  note TEXT,"
  "  PRIMARY KEY (claim_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX relations_by_other ON relations (other_id);"
  "CREATE TABLE predictions ("
  "  claim_id TEXT PRIMARY KEY NOT NULL REFERENCES claims (id) ON DELETE CASCADE,"
  "  horizon TEXT NOT NULL,"
  "  earliest TEXT NOT NULL,"
  "  latest TEXT,"
  "  due_day TEXT,"
  "  probability REAL CHECK (probability IS NULL OR (probability >= 0 AND probability <= 1)),"
  "  confidence TEXT"
  ") WITHOUT ROWID;"
  "CREATE INDEX predictions_by_due ON predictions (due_day);"
  /* Append-only history: seq orders entries recorded in the same second. */
  "CREATE TABLE resolutions ("
  "  seq INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  claim_id TEXT NOT NULL REFERENCES predictions (claim_id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'partial', 'refuted', 'ambiguous')),"
  "  on_date TEXT NOT NULL,"
  "  on_day TEXT NOT NULL,"
  "  evidence TEXT,"
  "  url TEXT,"
  "  recorded_at TEXT NOT NULL"
  ");"
  "CREATE INDEX resolutions_by_claim ON resolutions (claim_id, on_day, recorded_at, seq);"
  /* Trigrams find any substring of three characters or more, in any script:
   * word tokenizers cannot split 杨植麟说 into words. */
  "CREATE VIRTUAL TABLE claims_fts USING fts5 ("
  "  text, quote, original_text,"
  "  content = 'claims', content_rowid = 'rowid', tokenize = 'trigram'"
  ");"
  FTS_INSERT_TRIGGER
  "CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN"
  "  INSERT INTO claims_fts (claims_fts, rowid, text, quote, original_text)"
  "  VALUES ('delete', old.rowid, old.text, old.quote, old.original_text);"
  "END;"
  "CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, quote, original_text ON claims BEGIN"
  "  INSERT INTO claims_fts (claims_fts, rowid, text, quote, original_text)"
  "  VALUES ('delete', old.rowid, old.text, old.quote, old.original_text);"
  "  INSERT INTO claims_fts (rowid, text, quote, original_text)"
  "  VALUES (new.rowid, new.text, new.quote, new.original_text);"
  "END;",

  /* 1 → 2: the current status kept on the prediction. Version 1 derived it
   * from the history in every query; with a million predictions, filtering
   * by status or scoring then meant a subquery per row. Triggers keep the
   * column right whatever writes the history. And a table for the few
   * facts a scorecard keeps about itself (when due predictions were last
   * announced). */
  "ALTER TABLE predictions ADD COLUMN status TEXT NOT NULL DEFAULT 'open'"
  "  CHECK (status IN ('open', 'confirmed', 'partial', 'refuted', 'ambiguous'));"
  "UPDATE predictions SET status = " STATUS_OF ("predictions.claim_id") ";"
  "CREATE INDEX predictions_by_status ON predictions (status, due_day);"
  STATUS_INSERT_TRIGGER
  "CREATE TRIGGER resolutions_status_delete AFTER DELETE ON resolutions BEGIN"
  "  UPDATE predictions SET status = " STATUS_OF ("old.claim_id") " WHERE claim_id = old.claim_id;"
  "END;"
  "CREATE TRIGGER resolutions_status_update AFTER UPDATE ON resolutions BEGIN"
  "  UPDATE predictions SET status = " STATUS_OF ("old.claim_id") " WHERE claim_id = old.claim_id;"
  "  UPDATE predictions SET status = " STATUS_OF ("new.claim_id") " WHERE claim_id = new.claim_id;"
  "END;"
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ") WITHOUT ROWID;"
  /* Newest first is the order of every list: an index in exactly that
   * order lets a list show its first rows without sorting them all. */
  "DROP INDEX claims_by_day;"
  "CREATE INDEX claims_by_day ON claims (stated_day DESC, id ASC);"
  /* Each prediction knows its speaker, so the scorecard of ten thousand
   * speakers is one scan of a covering index rather than a million joins. */
  "ALTER TABLE predictions ADD COLUMN speaker_id TEXT;"
  "UPDATE predictions SET speaker_id = (SELECT speaker_id FROM claims WHERE id = claim_id);"
  "CREATE INDEX predictions_by_speaker ON predictions (speaker_id, status, due_day, probability);"
  "CREATE TRIGGER claims_speaker_update AFTER UPDATE OF speaker_id ON claims BEGIN"
  "  UPDATE predictions SET speaker_id = new.speaker_id WHERE claim_id = new.id;"
  "END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == HS_STORE_SCHEMA_VERSION);

void
hs_related_free (HsRelated *self)
{
  if (self == NULL)
    return;
  g_free (self->note);
  g_clear_object (&self->claim);
  g_free (self);
}

static void
hs_store_finalize (GObject *object)
{
  HsStore *self = (HsStore *) object;

  if (self->in_transaction)
    hs_store_rollback (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->speakers, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (hs_store_parent_class)->finalize (object);
}

static void
hs_store_class_init (HsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hs_store_finalize;
}

static void
hs_store_init (HsStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  self->speakers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* ---------------------------------------------------------------------- */
/* Errors and statements                                                   */

static gboolean
set_error_from_code (HsStore     *self,
                     GError     **error,
                     int          code,
                     const char  *doing)
{
  const char *message = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (code);

  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_BUSY,
                   "%s: the database is in use by another program; try again when it has finished",
                   self->path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY,
                   "%s: the database is read-only, so nothing was changed", self->path);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_A_DATABASE,
                   "%s is not a Hindsight database (%s)", self->path, message);
      break;
    case SQLITE_FULL:
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_FAILED,
                   "%s: the disk is full, so nothing was changed", self->path);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_INVALID,
                   "%s: %s (%s)", self->path, doing, message);
      break;
    default:
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_FAILED,
                   "%s: %s failed: %s", self->path, doing, message);
      break;
    }

  return FALSE;
}

gboolean
hs_store_set_sqlite_error (HsStore     *self,
                           GError     **error,
                           const char  *doing)
{
  return set_error_from_code (self, error, sqlite3_extended_errcode (self->db), doing);
}

sqlite3 *
hs_store_get_db (HsStore *self)
{
  return self->db;
}

/* Statements are prepared once and reset after each use, so the SQL text
 * must be a string literal (its address is the cache key). */
sqlite3_stmt *
hs_store_prepare (HsStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      hs_store_set_sqlite_error (self, error, "preparing a query");
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec (HsStore     *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return hs_store_set_sqlite_error (self, error, "updating the database");
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const HsDate *date)
{
  char buf[HS_DATE_BUFSIZE];

  if (!hs_date_is_set (date))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, hs_date_to_buffer (date, buf), -1, SQLITE_TRANSIENT);
}

/* The first (or last) day of a date, as text that sorts by date. */
static void
bind_day (sqlite3_stmt *stmt,
          int           index,
          const HsDate *date,
          gboolean      last)
{
  HsDate day;

  if (!hs_date_is_set (date))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  day = last ? hs_date_last_day (date) : hs_date_first_day (date);
  bind_date (stmt, index, &day);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

/* Dates in the database were validated on the way in; one that does not
 * parse means the file was edited by hand, and reads as no date. */
static HsDate
column_date (sqlite3_stmt *stmt,
             int           index)
{
  HsDate date = { 0 };
  const char *text = column_text (stmt, index);

  if (text != NULL && !hs_date_parse (text, &date, NULL))
    g_warning ("Ignoring a malformed date in the database: %s", text);
  return date;
}

static gboolean
step_done (HsStore      *self,
           sqlite3_stmt *stmt,
           const char   *doing,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_error_from_code (self, error, rc, doing);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Opening                                                                 */

static gboolean
query_int (HsStore     *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return hs_store_set_sqlite_error (self, error, "reading the database");
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *value = 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_error_from_code (self, error, rc, "reading the database");
  return TRUE;
}

/* SQLite would say "file is not a database" only at the first query and in
 * its own words; reading the header first gives a clear message, before
 * SQLite reads or writes anything else of a stranger's file.
 *
 * The header is read through SQLite's own handle on the file, never by
 * opening the file again: on Linux, closing any descriptor of a file drops
 * every POSIX lock the process holds on it, SQLite's included, and another
 * program could then take a database this process is writing as unused
 * and delete its WAL. SQLite's VFS shares one descriptor per file between
 * the connections of a process, so its handle is safe to read. */
static gboolean
check_header (sqlite3     *db,
              const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  sqlite3_file *file = NULL;
  sqlite3_int64 size = 0;
  char header[16] = { 0 };
  int rc;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods == NULL)
    return TRUE;

  if (file->pMethods->xFileSize (file, &size) != SQLITE_OK)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_FAILED, "%s cannot be read", path);
      return FALSE;
    }

  /* An empty file is what a new database starts as. */
  if (size == 0)
    return TRUE;

  rc = file->pMethods->xRead (file, header, sizeof header, 0);
  if ((rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) ||
      size < (sqlite3_int64) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_A_DATABASE,
                   "%s is not a Hindsight database: it is not an SQLite file", path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
backup_before_migration (HsStore  *self,
                         gint64    from_version,
                         GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *backup = g_strdup_printf ("%s.v%" G_GINT64_FORMAT "-%s.bak",
                                             self->path, from_version, stamp);
  char *sql = sqlite3_mprintf ("VACUUM INTO %Q", backup);
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  /* SQLite's allocator, not GLib's. */
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    return hs_store_set_sqlite_error (self, error, "backing up the database before upgrading it");
  g_debug ("Backed up %s to %s before migrating it", self->path, backup);
  return TRUE;
}

static gboolean
migrate (HsStore  *self,
         gint64    version,
         GError  **error)
{
  g_autofree char *set_version = NULL;
  g_autofree char *set_application = NULL;

  if (version > 0 && !backup_before_migration (self, version, error))
    return FALSE;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (gint64 v = version; v < HS_STORE_SCHEMA_VERSION; v++)
    if (!exec (self, migrations[v], error))
      {
        exec (self, "ROLLBACK", NULL);
        return FALSE;
      }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", HS_STORE_SCHEMA_VERSION);
  set_application = g_strdup_printf ("PRAGMA application_id = %d", HS_APPLICATION_ID);
  if (!exec (self, set_version, error) || !exec (self, set_application, error) ||
      !exec (self, "COMMIT", error))
    {
      exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

/* A file: URI for @path with immutable=1, percent-encoding what a URI
 * would otherwise read as syntax. */
static char *
immutable_uri (const char *path)
{
  GString *uri = g_string_new ("file:");

  for (const char *p = path; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '?' || *p == '#' || (guchar) *p < 0x20)
        g_string_append_printf (uri, "%%%02X", (guchar) *p);
      else
        g_string_append_c (uri, *p);
    }
  g_string_append (uri, "?immutable=1");
  return g_string_free (uri, FALSE);
}

/**
 * hs_store_default_path:
 *
 * Returns: where the scorecard lives when no path is given: $HINDSIGHT_DB, or
 *   hindsight/hindsight.db in the user's data folder
 */
char *
hs_store_default_path (void)
{
  const char *env = g_getenv ("HINDSIGHT_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "hindsight", "hindsight.db", NULL);
}

/**
 * hs_store_open:
 * @path: the database file; created (with its folder) when missing
 *
 * Opens a scorecard, creating or migrating its schema as needed. A file that
 * is not a Hindsight database, or that a newer Hindsight wrote, is refused
 * and left exactly as it was. A file that cannot be written opens read-only.
 */
HsStore *
hs_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(HsStore) self = NULL;
  g_autofree char *folder = NULL;
  gint64 version = 0, application = 0, n_tables = 0;
  gboolean exists;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (HS_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_A_DATABASE,
                   "%s is a folder, not a Hindsight database", path);
      return NULL;
    }

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists)
    {
      folder = g_path_get_dirname (path);
      if (g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved = errno;
          g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_FAILED,
                       "%s cannot be created: %s", path, g_strerror (saved));
          return NULL;
        }
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK && exists)
    {
      /* A file we may read but not write still opens, for reading. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
      rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_FAILED, "%s cannot be opened: %s", path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  if (!check_header (self->db, path, error))
    return NULL;

  self->read_only = sqlite3_db_readonly (self->db, "main") == 1;
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, TRUE);

  /* Reading a WAL database needs its -shm file, which a read-only folder
   * cannot hold. Nothing can write there either, so the file is opened as
   * immutable: SQLite then reads it without any side file. */
  if (self->read_only && !query_int (self, "PRAGMA user_version", &version, NULL))
    {
      g_autofree char *uri = immutable_uri (path);

      sqlite3_close_v2 (self->db);
      self->db = NULL;
      rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_FAILED, "%s cannot be opened: %s",
                       path, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
          return NULL;
        }
      sqlite3_extended_result_codes (self->db, TRUE);
    }

  if (!query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "PRAGMA application_id", &application, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return NULL;

  if ((application != 0 && application != HS_APPLICATION_ID) ||
      (application == 0 && n_tables > 0))
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_A_DATABASE,
                   "%s is an SQLite database of another program, not a Hindsight database; "
                   "it was left unchanged", path);
      return NULL;
    }

  if (version > HS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NEWER_VERSION,
                   "%s was written by a newer version of Hindsight (database version %" G_GINT64_FORMAT
                   "; this version understands up to %d); it was left unchanged",
                   path, version, HS_STORE_SCHEMA_VERSION);
      return NULL;
    }

  if (!exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!self->read_only)
    {
      /* WAL keeps readers (the window) going while a writer (an import)
       * works, and a crash mid-write leaves the last commit intact. */
      if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
          !exec (self, "PRAGMA synchronous = FULL", error))
        return NULL;
    }

  if (version < HS_STORE_SCHEMA_VERSION)
    {
      if (self->read_only)
        {
          g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY,
                       "%s needs upgrading to this version of Hindsight, but it is read-only",
                       path);
          return NULL;
        }
      if (!migrate (self, version, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
hs_store_get_path (HsStore *self)
{
  g_return_val_if_fail (HS_IS_STORE (self), NULL);
  return self->path;
}

gboolean
hs_store_is_read_only (HsStore *self)
{
  g_return_val_if_fail (HS_IS_STORE (self), TRUE);
  return self->read_only;
}

/* ---------------------------------------------------------------------- */
/* Transactions                                                            */

void
hs_store_forget_cached (HsStore *self)
{
  g_hash_table_remove_all (self->speakers);
  g_hash_table_remove_all (self->sources);
}

/* Another connection, in this process or another, may have changed the
 * speakers and sources cached here (an import on a worker's connection,
 * hindsight-cli while the app is open). SQLite's data_version changes when
 * anyone else commits, so the cache is dropped then. Called where a read
 * starts, never per row, so a list of a million claims pays for it once. */
static void
notice_other_writers (HsStore *self)
{
  sqlite3_stmt *stmt;
  gint64 version;

  if (self->in_transaction)
    return;
  if (!(stmt = hs_store_prepare (self, "PRAGMA data_version", NULL)))
    return;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return;
    }
  version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (version != self->data_version)
    {
      hs_store_forget_cached (self);
      self->data_version = version;
    }
}

/* IMMEDIATE takes the write lock at the start, so a transaction never fails
 * half-way because another writer came first. */
gboolean
hs_store_begin (HsStore  *self,
                GError  **error)
{
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (self->read_only)
    {
      g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY,
                   "%s: the database is read-only, so nothing was changed", self->path);
      return FALSE;
    }
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
hs_store_commit (HsStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!exec (self, "COMMIT", error))
    {
      hs_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  return TRUE;
}

void
hs_store_rollback (HsStore *self)
{
  if (!self->in_transaction)
    return;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
  hs_store_forget_cached (self);
}

/* ---------------------------------------------------------------------- */
/* Reading objects                                                         */

gint64
hs_store_count (HsStore       *self,
                HsObjectKind   kind,
                GError       **error)
{
  const char *sql;
  gint64 count = 0;

  g_return_val_if_fail (HS_IS_STORE (self), -1);

  switch (kind)
    {
    case HS_OBJECT_SPEAKER:
      sql = "SELECT count(*) FROM speakers";
      break;
    case HS_OBJECT_SOURCE:
      sql = "SELECT count(*) FROM sources";
      break;
    case HS_OBJECT_TOPIC:
      sql = "SELECT count(*) FROM topics";
      break;
    case HS_OBJECT_CLAIM:
      sql = "SELECT count(*) FROM claims";
      break;
    case HS_OBJECT_RESOLUTION:
      sql = "SELECT count(*) FROM resolutions";
      break;
    case HS_OBJECT_NONE:
    default:
      g_return_val_if_reached (-1);
    }

  if (!query_int (self, sql, &count, error))
    return -1;
  return count;
}

gboolean
hs_store_is_empty (HsStore  *self,
                   GError  **error)
{
  gint64 n = 0;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);

  if (!query_int (self,
                  "SELECT (SELECT count(*) FROM speakers) + (SELECT count(*) FROM sources)"
                  " + (SELECT count(*) FROM topics) + (SELECT count(*) FROM claims)",
                  &n, error))
    return FALSE;
  return n == 0;
}

gboolean
hs_store_has (HsStore       *self,
              HsObjectKind   kind,
              const char    *id,
              GError       **error)
{
  static const char *queries[] = {
    [HS_OBJECT_SPEAKER] = "SELECT 1 FROM speakers WHERE id = ?1",
    [HS_OBJECT_SOURCE] = "SELECT 1 FROM sources WHERE id = ?1",
    [HS_OBJECT_TOPIC] = "SELECT 1 FROM topics WHERE id = ?1",
    [HS_OBJECT_CLAIM] = "SELECT 1 FROM claims WHERE id = ?1",
    [HS_OBJECT_RESOLUTION] = "SELECT 1 FROM resolutions WHERE id = ?1",
  };
  sqlite3_stmt *stmt;
  gboolean found;
  int rc;

  g_return_val_if_fail (kind > HS_OBJECT_NONE && kind <= HS_OBJECT_RESOLUTION, FALSE);

  if (!(stmt = hs_store_prepare (self, queries[kind], error)))
    return FALSE;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  found = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_error_from_code (self, error, rc, "looking up an id");
  return found;
}

/**
 * hs_store_find_id:
 *
 * Returns: what kind of object @id names, or %HS_OBJECT_NONE (with @error
 *   unset) when nothing has that id
 */
HsObjectKind
hs_store_find_id (HsStore     *self,
                  const char  *id,
                  GError     **error)
{
  g_return_val_if_fail (HS_IS_STORE (self), HS_OBJECT_NONE);

  for (HsObjectKind kind = HS_OBJECT_SPEAKER; kind <= HS_OBJECT_RESOLUTION; kind++)
    {
      g_autoptr(GError) local_error = NULL;

      if (hs_store_has (self, kind, id, &local_error))
        return kind;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return HS_OBJECT_NONE;
        }
    }

  return HS_OBJECT_NONE;
}

static gboolean
not_found (GError     **error,
           const char  *what,
           const char  *id)
{
  g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_FOUND, "there is no %s with id “%s”",
               what, id);
  return FALSE;
}

static HsSpeaker *
load_speaker (HsStore       *self,
              sqlite3_stmt  *row,
              GError       **error)
{
  g_autoptr(HsSpeaker) speaker = hs_speaker_new (column_text (row, 0), column_text (row, 1));
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  hs_speaker_set_native_name (speaker, column_text (row, 2));
  hs_speaker_set_bio (speaker, column_text (row, 3));

  if (!(stmt = hs_store_prepare (self,
                                 "SELECT alias FROM speaker_aliases WHERE speaker_id = ?1"
                                 " ORDER BY position", error)))
    return NULL;
  bind_text (stmt, 1, hs_speaker_get_id (speaker));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (aliases, g_strdup (column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_error_from_code (self, error, rc, "reading a speaker"), NULL;
  g_ptr_array_add (aliases, NULL);
  hs_speaker_set_aliases (speaker, (const char * const *) aliases->pdata);

  if (!(stmt = hs_store_prepare (self,
                                 "SELECT organization, role, date_from, date_to FROM affiliations"
                                 " WHERE speaker_id = ?1 ORDER BY position", error)))
    return NULL;
  bind_text (stmt, 1, hs_speaker_get_id (speaker));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsDate from = column_date (stmt, 2);
      HsDate to = column_date (stmt, 3);

      hs_speaker_add_affiliation (speaker, hs_affiliation_new (column_text (stmt, 0),
                                                               column_text (stmt, 1), &from, &to));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_error_from_code (self, error, rc, "reading a speaker"), NULL;

  return g_steal_pointer (&speaker);
}

#define SPEAKER_COLUMNS "s.id, s.name, s.native_name, s.bio"

static HsSpeaker *
get_speaker_cached (HsStore     *self,
                    const char  *id,
                    GError     **error)
{
  HsSpeaker *cached;
  sqlite3_stmt *stmt;
  HsSpeaker *speaker;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if ((cached = g_hash_table_lookup (self->speakers, id)))
    return g_object_ref (cached);

  if (!(stmt = hs_store_prepare (self, "SELECT " SPEAKER_COLUMNS " FROM speakers s WHERE s.id = ?1",
                                 error)))
    return NULL;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        not_found (error, "speaker", id);
      else
        set_error_from_code (self, error, rc, "reading a speaker");
      return NULL;
    }

  /* load_speaker() prepares other statements but not this one, so the row
   * stays valid while it runs. */
  speaker = load_speaker (self, stmt, error);
  sqlite3_reset (stmt);
  if (speaker != NULL)
    g_hash_table_insert (self->speakers, g_strdup (id), g_object_ref (speaker));
  return speaker;
}

/**
 * hs_store_get_speaker:
 *
 * Returns: (transfer full): the speaker, or %NULL with %HS_STORE_ERROR_NOT_FOUND
 */
HsSpeaker *
hs_store_get_speaker (HsStore     *self,
                      const char  *id,
                      GError     **error)
{
  g_return_val_if_fail (HS_IS_STORE (self), NULL);
  notice_other_writers (self);
  return get_speaker_cached (self, id, error);
}

static HsSource *
load_source (sqlite3_stmt *row)
{
  HsSource *source;
  HsSourceKind kind = HS_SOURCE_KIND_ARTICLE;
  HsDate published, event_date;

  hs_source_kind_from_string (column_text (row, 2), &kind);
  source = hs_source_new (column_text (row, 0), column_text (row, 1), kind);
  published = column_date (row, 5);
  event_date = column_date (row, 8);

  hs_source_set_publisher (source, column_text (row, 3));
  hs_source_set_url (source, column_text (row, 4));
  hs_source_set_published (source, &published);
  hs_source_set_date_note (source, column_text (row, 6));
  hs_source_set_event (source, column_text (row, 7));
  hs_source_set_event_date (source, &event_date);
  hs_source_set_language (source, column_text (row, 9));
  hs_source_set_notes (source, column_text (row, 10));

  return source;
}

#define SOURCE_COLUMNS \
  "so.id, so.title, so.kind, so.publisher, so.url, so.published, so.date_note, so.event," \
  " so.event_date, so.language, so.notes"

static HsSource *
get_source_cached (HsStore     *self,
                   const char  *id,
                   GError     **error)
{
  HsSource *cached;
  sqlite3_stmt *stmt;
  HsSource *source;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if ((cached = g_hash_table_lookup (self->sources, id)))
    return g_object_ref (cached);

  if (!(stmt = hs_store_prepare (self, "SELECT " SOURCE_COLUMNS " FROM sources so WHERE so.id = ?1",
                                 error)))
    return NULL;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        not_found (error, "source", id);
      else
        set_error_from_code (self, error, rc, "reading a source");
      return NULL;
    }
  source = load_source (stmt);
  sqlite3_reset (stmt);
  g_hash_table_insert (self->sources, g_strdup (id), g_object_ref (source));
  return source;
}

/**
 * hs_store_get_source:
 *
 * Returns: (transfer full): the source, or %NULL with %HS_STORE_ERROR_NOT_FOUND
 */
HsSource *
hs_store_get_source (HsStore     *self,
                     const char  *id,
                     GError     **error)
{
  g_return_val_if_fail (HS_IS_STORE (self), NULL);
  notice_other_writers (self);
  return get_source_cached (self, id, error);
}

static HsTopic *
load_topic (HsStore       *self,
            sqlite3_stmt  *row,
            GError       **error)
{
  g_autoptr(HsTopic) topic = hs_topic_new (column_text (row, 0), column_text (row, 1));
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = hs_store_prepare (self,
                                 "SELECT language, name FROM topic_translations WHERE topic_id = ?1",
                                 error)))
    return NULL;
  bind_text (stmt, 1, hs_topic_get_id (topic));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    hs_topic_set_translation (topic, column_text (stmt, 0), column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_error_from_code (self, error, rc, "reading a topic"), NULL;

  return g_steal_pointer (&topic);
}

/**
 * hs_store_get_topic:
 *
 * Returns: (transfer full): the topic, or %NULL with %HS_STORE_ERROR_NOT_FOUND
 */
HsTopic *
hs_store_get_topic (HsStore     *self,
                    const char  *id,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  HsTopic *topic;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!(stmt = hs_store_prepare (self, "SELECT id, name FROM topics WHERE id = ?1", error)))
    return NULL;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        not_found (error, "topic", id);
      else
        set_error_from_code (self, error, rc, "reading a topic");
      return NULL;
    }
  topic = load_topic (self, stmt, error);
  sqlite3_reset (stmt);
  return topic;
}

static HsResolution *
load_resolution (sqlite3_stmt *row,
                 int           first)
{
  HsStatus status = HS_STATUS_OPEN;
  HsDate on = column_date (row, first + 2);
  HsResolution *resolution;
  const char *recorded;

  hs_status_from_string (column_text (row, first + 1), &status);
  resolution = hs_resolution_new (column_text (row, first), status, &on);
  hs_resolution_set_evidence (resolution, column_text (row, first + 3));
  hs_resolution_set_url (resolution, column_text (row, first + 4));
  if ((recorded = column_text (row, first + 5)))
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (recorded, NULL);
      hs_resolution_set_recorded_at (resolution, when);
    }
  return resolution;
}

static gboolean
load_claim_details (HsStore   *self,
                    HsClaim   *claim,
                    GError   **error)
{
  const char *id = hs_claim_get_id (claim);
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_free);
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = hs_store_prepare (self,
                                 "SELECT topic_id FROM claim_topics WHERE claim_id = ?1"
                                 " ORDER BY position", error)))
    return FALSE;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (topics, g_strdup (column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_error_from_code (self, error, rc, "reading a claim");
  g_ptr_array_add (topics, NULL);
  hs_claim_set_topics (claim, (const char * const *) topics->pdata);

  if (!(stmt = hs_store_prepare (self,
                                 "SELECT kind, other_id, note FROM relations WHERE claim_id = ?1"
                                 " ORDER BY position", error)))
    return FALSE;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsRelationKind kind = HS_RELATION_SUPPORTS;

      hs_relation_kind_from_string (column_text (stmt, 0), &kind);
      hs_claim_add_relation (claim, hs_relation_new (kind, column_text (stmt, 1),
                                                     column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_error_from_code (self, error, rc, "reading a claim");

  if (prediction == NULL)
    return TRUE;

  if (!(stmt = hs_store_prepare (self,
                                 "SELECT id, status, on_date, evidence, url, recorded_at"
                                 " FROM resolutions WHERE claim_id = ?1 ORDER BY seq", error)))
    return FALSE;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(HsResolution) resolution = load_resolution (stmt, 0);
      hs_prediction_add_resolution (prediction, resolution);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_error_from_code (self, error, rc, "reading a claim");

  return TRUE;
}

#define CLAIM_COLUMNS \
  "c.rowid, c.id, c.speaker_id, c.source_id, c.text, c.quote, c.original_text," \
  " c.original_language, c.locator, c.stated_on," \
  " p.claim_id IS NOT NULL, p.horizon, p.earliest, p.latest, p.probability, p.confidence"

static HsClaim *
load_claim (HsStore       *self,
            sqlite3_stmt  *row,
            GError       **error)
{
  g_autoptr(HsClaim) claim = NULL;
  g_autoptr(HsSpeaker) speaker = NULL;
  g_autoptr(HsSource) source = NULL;
  HsDate stated_on = column_date (row, 9);
  const char *source_id;

  claim = hs_claim_new (column_text (row, 1), column_text (row, 2), column_text (row, 4));
  hs_claim_set_source_id (claim, column_text (row, 3));
  hs_claim_set_quote (claim, column_text (row, 5));
  hs_claim_set_original_text (claim, column_text (row, 6));
  hs_claim_set_original_language (claim, column_text (row, 7));
  hs_claim_set_locator (claim, column_text (row, 8));
  hs_claim_set_stated_on (claim, &stated_on);

  if (sqlite3_column_int (row, 10))
    {
      g_autoptr(HsPrediction) prediction = hs_prediction_new (column_text (row, 11));
      HsDate earliest = column_date (row, 12);
      HsDate latest = column_date (row, 13);

      hs_prediction_set_earliest (prediction, &earliest);
      hs_prediction_set_latest (prediction, &latest);
      if (sqlite3_column_type (row, 14) != SQLITE_NULL)
        hs_prediction_set_probability (prediction, CLAMP (sqlite3_column_double (row, 14), 0, 1));
      hs_prediction_set_confidence (prediction, column_text (row, 15));
      hs_claim_set_prediction (claim, prediction);
    }

  if (!load_claim_details (self, claim, error))
    return NULL;

  if (!(speaker = get_speaker_cached (self, hs_claim_get_speaker_id (claim), error)))
    return NULL;
  hs_claim_set_speaker (claim, speaker);

  if ((source_id = hs_claim_get_source_id (claim)))
    {
      if (!(source = get_source_cached (self, source_id, error)))
        return NULL;
      hs_claim_set_source (claim, source);
    }

  return g_steal_pointer (&claim);
}

static HsClaim *
get_claim_with (HsStore      *self,
                const char   *sql,
                const char   *id,
                gint64        rowid,
                GError      **error)
{
  sqlite3_stmt *stmt;
  HsClaim *claim;
  int rc;

  if (!(stmt = hs_store_prepare (self, sql, error)))
    return NULL;
  if (id != NULL)
    bind_text (stmt, 1, id);
  else
    sqlite3_bind_int64 (stmt, 1, rowid);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE && id != NULL)
        not_found (error, "claim", id);
      else if (rc == SQLITE_DONE)
        g_set_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_FOUND,
                     "the claim was deleted meanwhile");
      else
        set_error_from_code (self, error, rc, "reading a claim");
      return NULL;
    }
  claim = load_claim (self, stmt, error);
  sqlite3_reset (stmt);
  return claim;
}

/**
 * hs_store_get_claim:
 *
 * Returns: (transfer full): the claim with its prediction, history, speaker
 *   and source, or %NULL with %HS_STORE_ERROR_NOT_FOUND
 */
HsClaim *
hs_store_get_claim (HsStore     *self,
                    const char  *id,
                    GError     **error)
{
  g_return_val_if_fail (HS_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  notice_other_writers (self);

  return get_claim_with (self,
                         "SELECT " CLAIM_COLUMNS " FROM claims c"
                         " LEFT JOIN predictions p ON p.claim_id = c.id WHERE c.id = ?1",
                         id, 0, error);
}

/**
 * hs_store_get_claim_at:
 * @rowid: a row from hs_store_query_claims()
 *
 * Returns: (transfer full): the claim, as hs_store_get_claim()
 */
HsClaim *
hs_store_get_claim_at (HsStore  *self,
                       gint64    rowid,
                       GError  **error)
{
  g_return_val_if_fail (HS_IS_STORE (self), NULL);

  return get_claim_with (self,
                         "SELECT " CLAIM_COLUMNS " FROM claims c"
                         " LEFT JOIN predictions p ON p.claim_id = c.id WHERE c.rowid = ?1",
                         NULL, rowid, error);
}

/* ---------------------------------------------------------------------- */
/* Lists                                                                   */

void
hs_query_init (HsQuery *query)
{
  memset (query, 0, sizeof *query);
  query->status = -1;
  query->kind = HS_QUERY_KIND_ALL;
  query->sort = HS_QUERY_SORT_NEWEST;
}


void
hs_clause_add (HsClause     *clause,
            const char *condition,
            const char *value)
{
  g_string_append (clause->sql, " AND ");
  g_string_append (clause->sql, condition);
  if (value != NULL)
    g_ptr_array_add (clause->texts, g_strdup (value));
}

static void
add_day_condition (HsClause       *clause,
                const char   *condition,
                const HsDate *date,
                gboolean      last)
{
  HsDate day = last ? hs_date_last_day (date) : hs_date_first_day (date);
  char buf[HS_DATE_BUFSIZE];

  hs_clause_add (clause, condition, hs_date_to_buffer (&day, buf));
}

/* The claims a query selects, as a FROM … WHERE … that selects c and p. */
void
hs_store_build_claim_filter (const HsQuery *query,
                    HsClause        *clause,
                    gboolean       for_predictions)
{
  g_string_append (clause->sql,
                   for_predictions
                   ? " FROM predictions p JOIN claims c ON c.id = p.claim_id WHERE 1"
                   : " FROM claims c LEFT JOIN predictions p ON p.claim_id = c.id WHERE 1");

  if (query == NULL)
    return;

  if (query->speaker_id != NULL)
    hs_clause_add (clause, "c.speaker_id = ?", query->speaker_id);
  if (query->source_id != NULL)
    hs_clause_add (clause, "c.source_id = ?", query->source_id);
  if (query->topic_id != NULL)
    hs_clause_add (clause,
                "EXISTS (SELECT 1 FROM claim_topics t WHERE t.claim_id = c.id AND t.topic_id = ?)",
                query->topic_id);

  if (query->kind == HS_QUERY_KIND_CLAIMS)
    hs_clause_add (clause, "p.claim_id IS NULL", NULL);
  else if (!for_predictions && (query->kind == HS_QUERY_KIND_PREDICTIONS || query->status >= 0 ||
                                hs_date_is_set (&query->due_before) ||
                                hs_date_is_set (&query->due_from)))
    hs_clause_add (clause, "p.claim_id IS NOT NULL", NULL);

  /* In date order, "+" keeps SQLite from collecting every prediction of a
   * status through the status index and sorting them all: each status is
   * common, so walking the date index finds a page of matches at once. In
   * due order the status index is the one to walk. */
  if (query->status >= 0)
    hs_clause_add (clause, query->sort == HS_QUERY_SORT_DUE ? "p.status = ?" : "+p.status = ?",
                   hs_status_to_string (query->status));
  if (hs_date_is_set (&query->due_before))
    add_day_condition (clause, "p.due_day < ?", &query->due_before, FALSE);
  if (hs_date_is_set (&query->due_from))
    add_day_condition (clause, "p.due_day >= ?", &query->due_from, FALSE);
  if (hs_date_is_set (&query->stated_from))
    add_day_condition (clause, "c.stated_day >= ?", &query->stated_from, FALSE);
  if (hs_date_is_set (&query->stated_to))
    add_day_condition (clause, "c.stated_day <= ?", &query->stated_to, TRUE);

  if (query->search != NULL)
    {
      g_autoptr(HsSearch) search = hs_search_new (query->search);

      if (search->match != NULL)
        hs_clause_add (clause, "c.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)",
                    search->match);
      for (guint i = 0; i < search->like_patterns->len; i++)
        {
          const char *pattern = g_ptr_array_index (search->like_patterns, i);

          g_string_append (clause->sql,
                           " AND (c.text LIKE ? ESCAPE '\\' OR c.quote LIKE ? ESCAPE '\\'"
                           " OR c.original_text LIKE ? ESCAPE '\\')");
          for (guint k = 0; k < 3; k++)
            g_ptr_array_add (clause->texts, g_strdup (pattern));
        }
    }
}

static void
build_claim_order (const HsQuery *query,
                   GString       *sql)
{
  HsQuerySort sort = query != NULL ? query->sort : HS_QUERY_SORT_NEWEST;

  switch (sort)
    {
    case HS_QUERY_SORT_OLDEST:
      /* The exact reverse of newest first, so one index serves both. */
      g_string_append (sql, " ORDER BY c.stated_day ASC, c.id DESC");
      break;
    case HS_QUERY_SORT_DUE:
      /* With a due range there are no open-ended predictions to put last,
       * and without that term the status index's own order (due date,
       * then claim id) is the list's: no sort before the first row. */
      if (query != NULL && (hs_date_is_set (&query->due_before) || hs_date_is_set (&query->due_from)))
        g_string_append (sql, " ORDER BY p.due_day ASC, p.claim_id ASC");
      else
        g_string_append (sql, " ORDER BY p.due_day IS NULL, p.due_day ASC, c.id ASC");
      break;
    case HS_QUERY_SORT_STORED:
      g_string_append (sql, " ORDER BY c.rowid ASC");
      break;
    case HS_QUERY_SORT_NEWEST:
    default:
      g_string_append (sql, " ORDER BY c.stated_day DESC, c.id ASC");
      break;
    }

  /* An offset without a limit still skips rows: LIMIT -1 is SQLite's "no limit". */
  if (query != NULL && (query->limit > 0 || query->offset > 0))
    g_string_append_printf (sql, " LIMIT %" G_GINT64_FORMAT " OFFSET %u",
                            query->limit > 0 ? (gint64) query->limit : -1, query->offset);
}

/* Queries built from filters differ each time, so they are prepared here and
 * finalized by the caller rather than cached. */
sqlite3_stmt *
hs_store_prepare_clause (HsStore  *self,
                HsClause   *clause,
                GError  **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, clause->sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      hs_store_set_sqlite_error (self, error, "preparing a query");
      return NULL;
    }
  for (guint i = 0; i < clause->texts->len; i++)
    bind_text (stmt, i + 1, g_ptr_array_index (clause->texts, i));
  return stmt;
}

void
hs_clause_clear (HsClause *clause)
{
  if (clause->sql != NULL)
    g_string_free (clause->sql, TRUE);
  g_clear_pointer (&clause->texts, g_ptr_array_unref);
}

void
hs_clause_init (HsClause     *clause,
             const char *select)
{
  clause->sql = g_string_new (select);
  clause->texts = g_ptr_array_new_with_free_func (g_free);
}

/* A search whose words make an FTS5 error (none should: every term is
 * quoted) must not look like a broken database to the person searching. */
static gboolean
step_error (HsStore  *self,
            int       rc,
            GError  **error)
{
  return set_error_from_code (self, error, rc, "searching");
}

/**
 * hs_store_foreach_claim:
 * @func: called with each claim in order; returns %FALSE to stop
 *
 * Walks the claims @query selects without holding them all in memory.
 */
gboolean
hs_store_foreach_claim (HsStore       *self,
                        const HsQuery *query,
                        HsClaimFunc    func,
                        gpointer       user_data,
                        GError       **error)
{
  g_auto(HsClause) clause = { NULL, NULL };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);
  notice_other_writers (self);

  hs_clause_init (&clause, "SELECT " CLAIM_COLUMNS);
  hs_store_build_claim_filter (query, &clause, FALSE);
  build_claim_order (query, clause.sql);

  if (!(stmt = hs_store_prepare_clause (self, &clause, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(HsClaim) claim = load_claim (self, stmt, error);

      if (claim == NULL)
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      if (!func (claim, user_data))
        break;
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      step_error (self, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/**
 * hs_store_query_claims:
 *
 * Returns: (transfer full) (element-type gint64): the rowids of the claims
 *   @query selects, in order, for hs_store_get_claim_at(); a list model keeps
 *   these and loads only the rows it shows
 */
GArray *
hs_store_query_claims (HsStore       *self,
                       const HsQuery *query,
                       GError       **error)
{
  g_auto(HsClause) clause = { NULL, NULL };
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);
  notice_other_writers (self);

  hs_clause_init (&clause, "SELECT c.rowid");
  hs_store_build_claim_filter (query, &clause, FALSE);
  build_claim_order (query, clause.sql);

  if (!(stmt = hs_store_prepare_clause (self, &clause, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rows, rowid);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return step_error (self, rc, error), NULL;

  return g_steal_pointer (&rows);
}

gint64
hs_store_count_claims (HsStore       *self,
                       const HsQuery *query,
                       GError       **error)
{
  g_auto(HsClause) clause = { NULL, NULL };
  sqlite3_stmt *stmt;
  gint64 count = 0;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), -1);

  hs_clause_init (&clause, "SELECT count(*)");
  hs_store_build_claim_filter (query, &clause, FALSE);

  if (!(stmt = hs_store_prepare_clause (self, &clause, error)))
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return step_error (self, rc, error), -1;
  return count;
}

/**
 * hs_store_list_speakers:
 * @query: (nullable): with @topic_id, only speakers with claims on it; with
 *   @search, only speakers whose name, native name or alias contains it
 *
 * Returns: (transfer full) (element-type HsSpeaker): speakers by name
 */
GPtrArray *
hs_store_list_speakers (HsStore       *self,
                        const HsQuery *query,
                        GError       **error)
{
  g_auto(HsClause) clause = { NULL, NULL };
  g_autoptr(GPtrArray) speakers = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);
  notice_other_writers (self);

  hs_clause_init (&clause, "SELECT " SPEAKER_COLUMNS " FROM speakers s WHERE 1");
  if (query != NULL && query->topic_id != NULL)
    hs_clause_add (&clause,
                "EXISTS (SELECT 1 FROM claims c JOIN claim_topics t ON t.claim_id = c.id"
                " WHERE c.speaker_id = s.id AND t.topic_id = ?)", query->topic_id);
  if (query != NULL && query->source_id != NULL)
    hs_clause_add (&clause, "EXISTS (SELECT 1 FROM claims c WHERE c.speaker_id = s.id"
                " AND c.source_id = ?)", query->source_id);
  /* In parentheses, like the clauses above, so that the renumbering below
   * finds it: a bare "?" after a reused ?1 would become ?1 itself. */
  if (query != NULL && query->speaker_id != NULL)
    hs_clause_add (&clause, "(s.id = ?)", query->speaker_id);
  if (query != NULL && query->search != NULL && *query->search != '\0')
    {
      g_autoptr(GString) like = g_string_new ("%");

      for (const char *p = query->search; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (like, '\\');
          g_string_append_c (like, *p);
        }
      g_string_append_c (like, '%');
      /* Name, native name or any alias: the pattern is bound three times. */
      g_string_append (clause.sql,
                       " AND (s.name LIKE ? ESCAPE '\\' OR s.native_name LIKE ? ESCAPE '\\'"
                       " OR EXISTS (SELECT 1 FROM speaker_aliases a WHERE a.speaker_id = s.id"
                       " AND a.alias LIKE ? ESCAPE '\\'))");
      for (guint i = 0; i < 3; i++)
        g_ptr_array_add (clause.texts, g_strdup (like->str));
    }
  g_string_append (clause.sql, " ORDER BY s.name, s.id");

  if (!(stmt = hs_store_prepare_clause (self, &clause, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsSpeaker *speaker = load_speaker (self, stmt, error);

      if (speaker == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_ptr_array_add (speakers, speaker);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return step_error (self, rc, error), NULL;

  return g_steal_pointer (&speakers);
}

/**
 * hs_store_list_sources:
 * @query: (nullable): with @speaker_id or @topic_id, only sources with such
 *   claims
 *
 * Returns: (transfer full) (element-type HsSource): sources, newest first
 */
GPtrArray *
hs_store_list_sources (HsStore       *self,
                       const HsQuery *query,
                       GError       **error)
{
  g_auto(HsClause) clause = { NULL, NULL };
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);
  notice_other_writers (self);

  hs_clause_init (&clause, "SELECT " SOURCE_COLUMNS " FROM sources so WHERE 1");
  if (query != NULL && query->speaker_id != NULL)
    hs_clause_add (&clause, "EXISTS (SELECT 1 FROM claims c WHERE c.source_id = so.id"
                " AND c.speaker_id = ?)", query->speaker_id);
  if (query != NULL && query->topic_id != NULL)
    hs_clause_add (&clause,
                "EXISTS (SELECT 1 FROM claims c JOIN claim_topics t ON t.claim_id = c.id"
                " WHERE c.source_id = so.id AND t.topic_id = ?)", query->topic_id);
  if (query != NULL && query->source_id != NULL)
    hs_clause_add (&clause, "so.id = ?", query->source_id);
  /* Sources sort by their own date; the text form sorts right for dates of
   * any precision once the "~" of approximate ones is skipped. */
  g_string_append (clause.sql,
                   " ORDER BY ltrim(coalesce(so.event_date, so.published, ''), '~') DESC, so.id");

  if (!(stmt = hs_store_prepare_clause (self, &clause, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sources, load_source (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return step_error (self, rc, error), NULL;

  return g_steal_pointer (&sources);
}

/**
 * hs_store_list_topics:
 *
 * Returns: (transfer full) (element-type HsTopic): topics by name
 */
GPtrArray *
hs_store_list_topics (HsStore  *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT id, name FROM topics ORDER BY name, id", -1, &stmt,
                          NULL) != SQLITE_OK)
    return hs_store_set_sqlite_error (self, error, "reading topics"), NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsTopic *topic = load_topic (self, stmt, error);

      if (topic == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_ptr_array_add (topics, topic);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return step_error (self, rc, error), NULL;

  return g_steal_pointer (&topics);
}

/**
 * hs_store_list_related:
 *
 * Returns: (transfer full) (element-type HsRelated): the claims @claim_id
 *   links to, then the claims that link to it
 */
GPtrArray *
hs_store_list_related (HsStore     *self,
                       const char  *claim_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) related = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_related_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_related_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);

  if (!(stmt = hs_store_prepare (self,
                                 "SELECT kind, other_id, note, 0 FROM relations WHERE claim_id = ?1"
                                 " UNION ALL"
                                 " SELECT kind, claim_id, note, 1 FROM relations WHERE other_id = ?1",
                                 error)))
    return NULL;
  bind_text (stmt, 1, claim_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsRelated *item = g_new0 (HsRelated, 1);

      hs_relation_kind_from_string (column_text (stmt, 0), &item->kind);
      item->note = g_strdup (column_text (stmt, 2));
      item->incoming = sqlite3_column_int (stmt, 3);
      /* The other claim's id rides in the claim slot until it is loaded,
       * after this statement is done with. */
      item->claim = (HsClaim *) g_strdup (column_text (stmt, 1));
      g_ptr_array_add (found, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < found->len; i++)
        g_clear_pointer ((char **) &((HsRelated *) g_ptr_array_index (found, i))->claim, g_free);
      return set_error_from_code (self, error, rc, "reading related claims"), NULL;
    }

  for (guint i = 0; i < found->len; i++)
    {
      HsRelated *item = g_ptr_array_index (found, i);
      g_autofree char *other = (char *) g_steal_pointer (&item->claim);

      if (!(item->claim = hs_store_get_claim (self, other, error)))
        {
          for (guint k = i + 1; k < found->len; k++)
            g_clear_pointer ((char **) &((HsRelated *) g_ptr_array_index (found, k))->claim, g_free);
          return NULL;
        }
    }

  g_ptr_array_extend_and_steal (related, g_steal_pointer (&found));
  return g_steal_pointer (&related);
}

/* ---------------------------------------------------------------------- */
/* Writing objects (inside a transaction the caller holds)                 */

gboolean
hs_store_write_speaker (HsStore    *self,
                        HsSpeaker  *speaker,
                        gboolean    replace,
                        GError    **error)
{
  const char *id = hs_speaker_get_id (speaker);
  const char * const *aliases = hs_speaker_get_aliases (speaker);
  GPtrArray *affiliations = hs_speaker_get_affiliations (speaker);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self->in_transaction, FALSE);

  g_hash_table_remove (self->speakers, id);

  stmt = hs_store_prepare (self,
                           replace
                           ? "UPDATE speakers SET name = ?2, native_name = ?3, bio = ?4 WHERE id = ?1"
                           : "INSERT INTO speakers (id, name, native_name, bio) VALUES (?1, ?2, ?3, ?4)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, hs_speaker_get_name (speaker));
  bind_text (stmt, 3, hs_speaker_get_native_name (speaker));
  bind_text (stmt, 4, hs_speaker_get_bio (speaker));
  if (!step_done (self, stmt, "saving a speaker", error))
    return FALSE;

  if (replace)
    {
      if (!(stmt = hs_store_prepare (self, "DELETE FROM speaker_aliases WHERE speaker_id = ?1", error)))
        return FALSE;
      bind_text (stmt, 1, id);
      if (!step_done (self, stmt, "saving a speaker", error))
        return FALSE;
      if (!(stmt = hs_store_prepare (self, "DELETE FROM affiliations WHERE speaker_id = ?1", error)))
        return FALSE;
      bind_text (stmt, 1, id);
      if (!step_done (self, stmt, "saving a speaker", error))
        return FALSE;
    }

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      if (!(stmt = hs_store_prepare (self,
                                     "INSERT INTO speaker_aliases (speaker_id, position, alias)"
                                     " VALUES (?1, ?2, ?3)", error)))
        return FALSE;
      bind_text (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, aliases[i]);
      if (!step_done (self, stmt, "saving a speaker", error))
        return FALSE;
    }

  for (guint i = 0; i < affiliations->len; i++)
    {
      HsAffiliation *affiliation = g_ptr_array_index (affiliations, i);

      if (!(stmt = hs_store_prepare (self,
                                     "INSERT INTO affiliations (speaker_id, position, organization,"
                                     " role, date_from, date_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                     error)))
        return FALSE;
      bind_text (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, affiliation->organization);
      bind_text (stmt, 4, affiliation->role);
      bind_date (stmt, 5, &affiliation->from);
      bind_date (stmt, 6, &affiliation->to);
      if (!step_done (self, stmt, "saving a speaker", error))
        return FALSE;
    }

  return TRUE;
}

gboolean
hs_store_write_source (HsStore   *self,
                       HsSource  *source,
                       gboolean   replace,
                       GError   **error)
{
  HsDate published = hs_source_get_published (source);
  HsDate event_date = hs_source_get_event_date (source);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self->in_transaction, FALSE);

  g_hash_table_remove (self->sources, hs_source_get_id (source));

  stmt = hs_store_prepare (self,
                           replace
                           ? "UPDATE sources SET title = ?2, kind = ?3, publisher = ?4, url = ?5,"
                             " published = ?6, date_note = ?7, event = ?8, event_date = ?9,"
                             " language = ?10, notes = ?11 WHERE id = ?1"
                           : "INSERT INTO sources (id, title, kind, publisher, url, published,"
                             " date_note, event, event_date, language, notes)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, hs_source_get_id (source));
  bind_text (stmt, 2, hs_source_get_title (source));
  bind_text (stmt, 3, hs_source_kind_to_string (hs_source_get_kind (source)));
  bind_text (stmt, 4, hs_source_get_publisher (source));
  bind_text (stmt, 5, hs_source_get_url (source));
  bind_date (stmt, 6, &published);
  bind_text (stmt, 7, hs_source_get_date_note (source));
  bind_text (stmt, 8, hs_source_get_event (source));
  bind_date (stmt, 9, &event_date);
  bind_text (stmt, 10, hs_source_get_language (source));
  bind_text (stmt, 11, hs_source_get_notes (source));
  return step_done (self, stmt, "saving a source", error);
}

gboolean
hs_store_write_topic (HsStore   *self,
                      HsTopic   *topic,
                      gboolean   replace,
                      GError   **error)
{
  const char *id = hs_topic_get_id (topic);
  g_auto(GStrv) languages = hs_topic_dup_languages (topic);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self->in_transaction, FALSE);

  stmt = hs_store_prepare (self,
                           replace
                           ? "UPDATE topics SET name = ?2 WHERE id = ?1"
                           : "INSERT INTO topics (id, name) VALUES (?1, ?2)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, hs_topic_get_name (topic));
  if (!step_done (self, stmt, "saving a topic", error))
    return FALSE;

  if (replace)
    {
      if (!(stmt = hs_store_prepare (self, "DELETE FROM topic_translations WHERE topic_id = ?1",
                                     error)))
        return FALSE;
      bind_text (stmt, 1, id);
      if (!step_done (self, stmt, "saving a topic", error))
        return FALSE;
    }

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (!(stmt = hs_store_prepare (self,
                                     "INSERT INTO topic_translations (topic_id, language, name)"
                                     " VALUES (?1, ?2, ?3)", error)))
        return FALSE;
      bind_text (stmt, 1, id);
      bind_text (stmt, 2, languages[i]);
      bind_text (stmt, 3, hs_topic_get_translation (topic, languages[i]));
      if (!step_done (self, stmt, "saving a topic", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_prediction (HsStore       *self,
                  const char    *claim_id,
                  const char    *speaker_id,
                  HsPrediction  *prediction,
                  GError       **error)
{
  HsDate earliest = hs_prediction_get_earliest (prediction);
  HsDate latest = hs_prediction_get_latest (prediction);
  sqlite3_stmt *stmt;

  if (!(stmt = hs_store_prepare (self,
                                 "INSERT INTO predictions (claim_id, horizon, earliest, latest,"
                                 " due_day, probability, confidence, speaker_id)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                 " ON CONFLICT (claim_id) DO UPDATE SET horizon = ?2, earliest = ?3,"
                                 " latest = ?4, due_day = ?5, probability = ?6, confidence = ?7,"
                                 " speaker_id = ?8",
                                 error)))
    return FALSE;
  bind_text (stmt, 1, claim_id);
  bind_text (stmt, 2, hs_prediction_get_horizon (prediction));
  bind_date (stmt, 3, &earliest);
  bind_date (stmt, 4, &latest);
  bind_day (stmt, 5, &latest, TRUE);
  if (hs_prediction_has_probability (prediction))
    sqlite3_bind_double (stmt, 6, hs_prediction_get_probability (prediction));
  bind_text (stmt, 7, hs_prediction_get_confidence (prediction));
  bind_text (stmt, 8, speaker_id);
  return step_done (self, stmt, "saving a prediction", error);
}

gboolean
hs_store_write_claim (HsStore   *self,
                      HsClaim   *claim,
                      gboolean   replace,
                      GError   **error)
{
  const char *id = hs_claim_get_id (claim);
  HsDate stated_on = hs_claim_get_stated_on (claim);
  const char * const *topics = hs_claim_get_topics (claim);
  GPtrArray *relations = hs_claim_get_relations (claim);
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self->in_transaction, FALSE);

  /* An update keeps the row (and so its rowid, which the full-text index
   * and any open list hold on to). */
  stmt = hs_store_prepare (self,
                           replace
                           ? "UPDATE claims SET speaker_id = ?2, source_id = ?3, text = ?4,"
                             " quote = ?5, original_text = ?6, original_language = ?7, locator = ?8,"
                             " stated_on = ?9, stated_day = ?10 WHERE id = ?1"
                           : "INSERT INTO claims (id, speaker_id, source_id, text, quote,"
                             " original_text, original_language, locator, stated_on, stated_day)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, hs_claim_get_speaker_id (claim));
  bind_text (stmt, 3, hs_claim_get_source_id (claim));
  bind_text (stmt, 4, hs_claim_get_text (claim));
  bind_text (stmt, 5, hs_claim_get_quote (claim));
  bind_text (stmt, 6, hs_claim_get_original_text (claim));
  bind_text (stmt, 7, hs_claim_get_original_language (claim));
  bind_text (stmt, 8, hs_claim_get_locator (claim));
  bind_date (stmt, 9, &stated_on);
  bind_day (stmt, 10, &stated_on, FALSE);
  if (!step_done (self, stmt, "saving a claim", error))
    return FALSE;

  if (replace)
    {
      static const char *clear[] = {
        "DELETE FROM claim_topics WHERE claim_id = ?1",
        "DELETE FROM relations WHERE claim_id = ?1",
      };

      for (guint i = 0; i < G_N_ELEMENTS (clear); i++)
        {
          if (!(stmt = hs_store_prepare (self, clear[i], error)))
            return FALSE;
          bind_text (stmt, 1, id);
          if (!step_done (self, stmt, "saving a claim", error))
            return FALSE;
        }
    }

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      if (!(stmt = hs_store_prepare (self,
                                     "INSERT INTO claim_topics (claim_id, position, topic_id)"
                                     " VALUES (?1, ?2, ?3)", error)))
        return FALSE;
      bind_text (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, topics[i]);
      if (!step_done (self, stmt, "saving a claim's topics", error))
        return FALSE;
    }

  for (guint i = 0; i < relations->len; i++)
    {
      HsRelation *relation = g_ptr_array_index (relations, i);

      if (!(stmt = hs_store_prepare (self,
                                     "INSERT INTO relations (claim_id, position, kind, other_id, note)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5)", error)))
        return FALSE;
      bind_text (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, hs_relation_kind_to_string (relation->kind));
      bind_text (stmt, 4, relation->claim_id);
      bind_text (stmt, 5, relation->note);
      if (!step_done (self, stmt, "saving a claim's relations", error))
        return FALSE;
    }

  if (prediction != NULL)
    return write_prediction (self, id, hs_claim_get_speaker_id (claim), prediction, error);

  if (replace)
    {
      /* The importer refuses to turn a prediction with a history into a
       * plain claim, so this deletes at most a prediction without one. */
      if (!(stmt = hs_store_prepare (self, "DELETE FROM predictions WHERE claim_id = ?1", error)))
        return FALSE;
      bind_text (stmt, 1, id);
      return step_done (self, stmt, "saving a claim", error);
    }

  return TRUE;
}

gboolean
hs_store_write_resolution (HsStore       *self,
                           const char    *claim_id,
                           HsResolution  *resolution,
                           GError       **error)
{
  HsDate on = hs_resolution_get_on (resolution);
  g_autofree char *recorded = hs_resolution_dup_recorded_at_string (resolution);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self->in_transaction, FALSE);
  g_return_val_if_fail (hs_resolution_get_id (resolution) != NULL, FALSE);
  g_return_val_if_fail (recorded != NULL, FALSE);

  if (!(stmt = hs_store_prepare (self,
                                 "INSERT INTO resolutions (id, claim_id, status, on_date, on_day,"
                                 " evidence, url, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                 error)))
    return FALSE;
  bind_text (stmt, 1, hs_resolution_get_id (resolution));
  bind_text (stmt, 2, claim_id);
  bind_text (stmt, 3, hs_status_to_string (hs_resolution_get_status (resolution)));
  bind_date (stmt, 4, &on);
  bind_day (stmt, 5, &on, FALSE);
  bind_text (stmt, 6, hs_resolution_get_evidence (resolution));
  bind_text (stmt, 7, hs_resolution_get_url (resolution));
  bind_text (stmt, 8, recorded);
  return step_done (self, stmt, "saving a resolution", error);
}

/**
 * hs_store_get_resolution:
 * @claim_id: (out) (optional): the prediction it belongs to
 *
 * Returns: (transfer full): the entry, or %NULL with %HS_STORE_ERROR_NOT_FOUND
 */
HsResolution *
hs_store_get_resolution (HsStore     *self,
                         const char  *id,
                         char       **claim_id,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  HsResolution *resolution;
  int rc;

  if (!(stmt = hs_store_prepare (self,
                                 "SELECT id, status, on_date, evidence, url, recorded_at, claim_id"
                                 " FROM resolutions WHERE id = ?1", error)))
    return NULL;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        not_found (error, "resolution", id);
      else
        set_error_from_code (self, error, rc, "reading a resolution");
      return NULL;
    }
  resolution = load_resolution (stmt, 0);
  if (claim_id != NULL)
    *claim_id = g_strdup (column_text (stmt, 6));
  sqlite3_reset (stmt);
  return resolution;
}

/* Relations whose target does not exist, as pairs of (claim id, target id),
 * for the importer to report before its commit would fail on them. */
gboolean
hs_store_dangling_relations (HsStore    *self,
                             GPtrArray  *out,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = hs_store_prepare (self,
                                 "SELECT r.claim_id, r.other_id FROM relations r"
                                 " WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = r.other_id)"
                                 " LIMIT 50", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (out, g_strdup (column_text (stmt, 0)));
      g_ptr_array_add (out, g_strdup (column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_error_from_code (self, error, rc, "checking relations");
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* History                                                                 */

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, HS_STORE_ERROR, HS_STORE_ERROR_INVALID, message);
  return FALSE;
}

/**
 * hs_store_add_resolution:
 * @resolution: the new entry; its id and record time are filled in when unset
 *
 * Appends @resolution to the history of the prediction @claim_id, in one
 * transaction. Earlier entries are never changed.
 */
gboolean
hs_store_add_resolution (HsStore       *self,
                         const char    *claim_id,
                         HsResolution  *resolution,
                         GError       **error)
{
  g_autoptr(HsClaim) claim = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(HsResolution) stored = NULL;
  HsDate on, stated, today, first, last, stated_first;
  char on_text[HS_DATE_BUFSIZE], other[HS_DATE_BUFSIZE];
  const char *url;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);
  g_return_val_if_fail (claim_id != NULL, FALSE);
  g_return_val_if_fail (HS_IS_RESOLUTION (resolution), FALSE);

  if (!(claim = hs_store_get_claim (self, claim_id, error)))
    return FALSE;
  if (!hs_claim_is_prediction (claim))
    return invalid (error, "“%s” is a claim, not a prediction, so it cannot be resolved", claim_id);

  on = hs_resolution_get_on (resolution);
  stated = hs_claim_get_stated_on (claim);
  today = hs_date_today ();
  hs_date_to_buffer (&on, on_text);
  if (!hs_date_is_set (&on))
    return invalid (error, "a resolution needs the date it applies from");
  /* A coarse date counts from its first day for "not in the future" and to
   * its last for "not before it was said": "2026-11" is fine on the 22nd. */
  first = hs_date_first_day (&on);
  last = hs_date_last_day (&on);
  stated_first = hs_date_first_day (&stated);
  if (hs_date_compare (&first, &today) > 0)
    return invalid (error, "%s is in the future: a resolution applies from a date that has come",
                    on_text);
  if (hs_date_is_set (&stated) && hs_date_compare (&last, &stated_first) < 0)
    return invalid (error, "%s is before the prediction was made (%s)", on_text,
                    hs_date_to_buffer (&stated, other));

  url = hs_resolution_get_url (resolution);
  if (url != NULL && !hs_url_is_web (url))
    return invalid (error, "the evidence link must start with http:// or https://");

  if (hs_resolution_get_id (resolution) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      /* The id is construct-only: make the entry anew with one. */
      stored = g_object_new (HS_TYPE_RESOLUTION,
                             "id", uuid,
                             "status", hs_resolution_get_status (resolution),
                             "on", &on,
                             "evidence", hs_resolution_get_evidence (resolution),
                             "url", url,
                             "recorded-at", hs_resolution_get_recorded_at (resolution),
                             NULL);
    }
  else
    stored = g_object_ref (resolution);

  if (hs_resolution_get_recorded_at (stored) == NULL)
    {
      now = g_date_time_new_now_utc ();
      hs_resolution_set_recorded_at (stored, now);
    }

  if (!hs_store_begin (self, error))
    return FALSE;
  if (!hs_store_write_resolution (self, claim_id, stored, error))
    {
      hs_store_rollback (self);
      return FALSE;
    }
  if (!hs_store_commit (self, error))
    return FALSE;

  /* Tell the caller what was stored when it was made anew. */
  if (stored != resolution)
    g_object_set_data_full (G_OBJECT (resolution), "hs-stored-id",
                            g_strdup (hs_resolution_get_id (stored)), g_free);
  else if (now != NULL)
    hs_resolution_set_recorded_at (resolution, hs_resolution_get_recorded_at (stored));

  return TRUE;
}

/**
 * hs_store_undo_resolution:
 *
 * Removes the entry @resolution_id, which must be the one most recently
 * recorded for its prediction: undo takes back what was just added, and
 * never reaches further into the history.
 */
gboolean
hs_store_undo_resolution (HsStore     *self,
                          const char  *resolution_id,
                          GError     **error)
{
  g_autofree char *claim_id = NULL;
  g_autoptr(HsResolution) resolution = NULL;
  sqlite3_stmt *stmt;
  gboolean latest;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), FALSE);

  if (!(resolution = hs_store_get_resolution (self, resolution_id, &claim_id, error)))
    return FALSE;

  if (!hs_store_begin (self, error))
    return FALSE;

  if (!(stmt = hs_store_prepare (self,
                                 "SELECT max(seq) = (SELECT seq FROM resolutions WHERE id = ?2)"
                                 " FROM resolutions WHERE claim_id = ?1", error)))
    {
      hs_store_rollback (self);
      return FALSE;
    }
  bind_text (stmt, 1, claim_id);
  bind_text (stmt, 2, resolution_id);
  rc = sqlite3_step (stmt);
  latest = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      set_error_from_code (self, error, rc, "undoing a resolution");
      hs_store_rollback (self);
      return FALSE;
    }
  if (!latest)
    {
      hs_store_rollback (self);
      return invalid (error, "only the entry added last to a prediction's history can be undone");
    }

  if (!(stmt = hs_store_prepare (self, "DELETE FROM resolutions WHERE id = ?1", error)))
    {
      hs_store_rollback (self);
      return FALSE;
    }
  bind_text (stmt, 1, resolution_id);
  if (!step_done (self, stmt, "undoing a resolution", error))
    {
      hs_store_rollback (self);
      return FALSE;
    }

  return hs_store_commit (self, error);
}

/**
 * hs_store_get_history:
 *
 * Returns: (transfer full): the prediction's entries, oldest first
 */
GListModel *
hs_store_get_history (HsStore     *self,
                      const char  *claim_id,
                      GError     **error)
{
  g_autoptr(HsClaim) claim = NULL;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);

  if (!(claim = hs_store_get_claim (self, claim_id, error)))
    return NULL;
  if (!hs_claim_is_prediction (claim))
    {
      invalid (error, "“%s” is a claim, not a prediction, so it has no history", claim_id);
      return NULL;
    }
  return g_object_ref (hs_prediction_get_resolutions (hs_claim_get_prediction (claim)));
}

/* ---------------------------------------------------------------------- */
/* Scoring                                                                 */

#define OUTCOME_OF(status) \
  "(CASE " status " WHEN 'confirmed' THEN 1.0 WHEN 'partial' THEN 0.5 WHEN 'refuted' THEN 0.0 END)"

/**
 * hs_store_scorecard:
 * @query: (nullable): cuts by @topic_id, @speaker_id, @source_id and the
 *   stated-date range
 *
 * Counts and scores are computed in SQL, so the cost does not grow with the
 * number of objects the process would otherwise make.
 *
 * Returns: (transfer full) (element-type HsScoreRow): one row for each
 *   speaker with predictions, by name
 */
GPtrArray *
hs_store_scorecard (HsStore       *self,
                    const HsQuery *query,
                    GError       **error)
{
  g_auto(HsClause) clause = { NULL, NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_score_row_free);
  HsDate today = hs_date_today ();
  char today_text[HS_DATE_BUFSIZE];
  gboolean whole;
  HsQuery cut;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);

  /* The status and kind filters would cut away what is being counted. */
  if (query != NULL)
    cut = *query;
  else
    hs_query_init (&cut);
  cut.status = -1;
  cut.kind = HS_QUERY_KIND_PREDICTIONS;
  cut.search = NULL;
  cut.limit = cut.offset = 0;
  memset (&cut.due_before, 0, sizeof cut.due_before);
  memset (&cut.due_from, 0, sizeof cut.due_from);

  hs_date_to_buffer (&today, today_text);

  /* Every prediction (of one speaker, or of all): one scan of the index on
   * (speaker, status, due date, probability), which holds all it needs.
   * A cut by topic, source or date needs the claims, so it joins them. */
  whole = cut.topic_id == NULL && cut.source_id == NULL && !hs_date_is_set (&cut.stated_from) &&
          !hs_date_is_set (&cut.stated_to);
  if (whole)
    {
      hs_clause_init (&clause, "WITH cur AS (SELECT p.speaker_id AS speaker_id, p.probability AS probability,"
                               " p.due_day AS due_day, p.status AS status FROM predictions p WHERE 1");
      if (cut.speaker_id != NULL)
        hs_clause_add (&clause, "p.speaker_id = ?", cut.speaker_id);
    }
  else
    {
      hs_clause_init (&clause, "WITH cur AS (SELECT c.speaker_id AS speaker_id, p.probability AS probability,"
                               " p.due_day AS due_day, p.status AS status");
      hs_store_build_claim_filter (&cut, &clause, TRUE);
    }
  g_string_append (clause.sql,
                   "), agg AS (SELECT speaker_id, count(*) AS n,"
                   " sum(status = 'confirmed') AS confirmed, sum(status = 'partial') AS partial,"
                   " sum(status = 'refuted') AS refuted, sum(status = 'ambiguous') AS ambiguous,"
                   " sum(status = 'open') AS open,"
                   " sum(status = 'open' AND due_day IS NOT NULL AND due_day < ?) AS overdue,"
                   " total((probability - " OUTCOME_OF ("status") ") * (probability - "
                   OUTCOME_OF ("status") ")) AS brier_sum,"
                   " sum(probability IS NOT NULL AND status IN ('confirmed', 'partial', 'refuted'))"
                   " AS brier_n FROM cur GROUP BY speaker_id)"
                   " SELECT s.id, s.name, s.native_name, agg.n, agg.confirmed, agg.partial,"
                   " agg.refuted, agg.ambiguous, agg.open, agg.overdue, agg.brier_sum, agg.brier_n"
                   " FROM agg JOIN speakers s ON s.id = agg.speaker_id ORDER BY s.name, s.id");
  g_ptr_array_add (clause.texts, g_strdup (today_text));

  if (!(stmt = hs_store_prepare_clause (self, &clause, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* The row names its speaker; their aliases and career are not needed
       * for a score, so they are not loaded for ten thousand speakers. */
      g_autoptr(HsSpeaker) speaker = hs_speaker_new (column_text (stmt, 0), column_text (stmt, 1));
      HsScoreRow *row;

      hs_speaker_set_native_name (speaker, column_text (stmt, 2));
      row = hs_score_row_new (speaker);
      row->predictions = sqlite3_column_int (stmt, 3);
      row->confirmed = sqlite3_column_int (stmt, 4);
      row->partial = sqlite3_column_int (stmt, 5);
      row->refuted = sqlite3_column_int (stmt, 6);
      row->ambiguous = sqlite3_column_int (stmt, 7);
      row->open = sqlite3_column_int (stmt, 8);
      row->overdue = sqlite3_column_int (stmt, 9);
      row->brier_count = sqlite3_column_int (stmt, 11);
      row->resolved = row->confirmed + row->partial + row->refuted + row->ambiguous;
      hs_score_row_finish (row, sqlite3_column_double (stmt, 10));
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return step_error (self, rc, error), NULL;
  if (!hs_store_score_words (self, &cut, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/**
 * hs_store_calibration:
 * @n_bins: how many equal bins to split [0, 1] into
 *
 * Returns: (transfer full) (element-type HsCalibrationBin): @n_bins bins,
 *   empty ones included (with a count of 0)
 */
GArray *
hs_store_calibration (HsStore       *self,
                      const HsQuery *query,
                      guint          n_bins,
                      GError       **error)
{
  g_auto(HsClause) clause = { NULL, NULL };
  g_autoptr(GArray) bins = NULL;
  HsQuery cut;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);
  g_return_val_if_fail (n_bins > 0 && n_bins <= 100, NULL);

  bins = g_array_sized_new (FALSE, TRUE, sizeof (HsCalibrationBin), n_bins);
  for (guint i = 0; i < n_bins; i++)
    {
      HsCalibrationBin bin = { (double) i / n_bins, (double) (i + 1) / n_bins, 0, NAN, NAN };
      g_array_append_val (bins, bin);
    }

  if (query != NULL)
    cut = *query;
  else
    hs_query_init (&cut);
  cut.status = -1;
  cut.kind = HS_QUERY_KIND_PREDICTIONS;
  cut.search = NULL;

  hs_clause_init (&clause, "WITH cur AS (SELECT p.probability AS probability, "
                        OUTCOME_OF ("p.status") " AS outcome");
  hs_store_build_claim_filter (&cut, &clause, TRUE);
  g_string_append_printf (clause.sql,
                          " AND p.probability IS NOT NULL)"
                          " SELECT min(CAST(probability * %u AS INTEGER), %u) AS bin, count(*),"
                          " avg(probability), avg(outcome) FROM cur WHERE outcome IS NOT NULL"
                          " GROUP BY bin", n_bins, n_bins - 1);

  if (!(stmt = hs_store_prepare_clause (self, &clause, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int index = sqlite3_column_int (stmt, 0);
      HsCalibrationBin *bin;

      if (index < 0 || (guint) index >= n_bins)
        continue;
      bin = &g_array_index (bins, HsCalibrationBin, index);
      bin->count = sqlite3_column_int (stmt, 1);
      bin->mean_probability = sqlite3_column_double (stmt, 2);
      bin->observed = sqlite3_column_double (stmt, 3);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return step_error (self, rc, error), NULL;
  if (!hs_store_calibrate_words (self, &cut, bins, error))
    return NULL;

  return g_steal_pointer (&bins);
}

/**
 * hs_store_get_claim_rowid:
 *
 * Returns: the row of the claim @id, as hs_store_query_claims() lists rows,
 *   or 0 (with %HS_STORE_ERROR_NOT_FOUND) when there is no such claim
 */
gint64
hs_store_get_claim_rowid (HsStore     *self,
                          const char  *id,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 rowid = 0;
  int rc;

  g_return_val_if_fail (HS_IS_STORE (self), 0);
  g_return_val_if_fail (id != NULL, 0);

  if (!(stmt = hs_store_prepare (self, "SELECT rowid FROM claims WHERE id = ?1", error)))
    return 0;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    not_found (error, "claim", id);
  else if (rc != SQLITE_ROW)
    set_error_from_code (self, error, rc, "looking up a claim");
  return rowid;
}

/* ---------------------------------------------------------------------- */
/* Cursors                                                                 */

struct _HsStoreCursor
{
  HsStore      *store;
  sqlite3_stmt *stmt;
  gboolean      done;
};

/* A search with at least this many matches is common enough that a list
 * in date (or due, or stored) order finds its first page soonest by
 * walking that order's index and testing each row against the matches;
 * a rarer one by looking its matches up and sorting them. */
#define COMMON_SEARCH_MATCHES 2000

/* Whether the full-text part of a search is common. FTS5 hands out its
 * matches as it finds them, so counting up to the bound costs a fraction
 * of finding them all. */
static gboolean
search_is_common (HsStore    *self,
                  const char *match)
{
  sqlite3_stmt *stmt = hs_store_prepare (self,
                                         "SELECT count(*) FROM (SELECT 1 FROM claims_fts"
                                         " WHERE claims_fts MATCH ?1 LIMIT ?2)", NULL);
  gboolean common = FALSE;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, match);
  sqlite3_bind_int (stmt, 2, COMMON_SEARCH_MATCHES);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    common = sqlite3_column_int (stmt, 0) >= COMMON_SEARCH_MATCHES;
  sqlite3_reset (stmt);
  return common;
}

/**
 * hs_store_open_claim_cursor:
 *
 * Starts the query @query describes and hands its rows out a batch at a
 * time (hs_store_cursor_fetch()), so that a list can show its first rows
 * before the last is found. Writes to the store may go on meanwhile.
 *
 * Returns: (transfer full): the cursor
 */
HsStoreCursor *
hs_store_open_claim_cursor (HsStore        *self,
                            const HsQuery  *query,
                            GError        **error)
{
  g_auto(HsClause) clause = { NULL, NULL };
  HsStoreCursor *cursor;
  HsQuery unlimited;

  g_return_val_if_fail (HS_IS_STORE (self), NULL);
  notice_other_writers (self);

  if (query != NULL)
    unlimited = *query;
  else
    hs_query_init (&unlimited);
  unlimited.limit = unlimited.offset = 0;

  hs_clause_init (&clause, "SELECT c.rowid");
  hs_store_build_claim_filter (&unlimited, &clause, FALSE);
  build_claim_order (&unlimited, clause.sql);

  /* For a common search, "+" keeps SQLite from driving the query from the
   * matches (all of them found and sorted before the first row): it walks
   * the order's index instead and stops at a page. A hundred thousand
   * claims: 37 ms to 13 ms of CPU for "reinforcement". */
  if (unlimited.search != NULL)
    {
      g_autoptr(HsSearch) search = hs_search_new (unlimited.search);

      if (search->match != NULL && search_is_common (self, search->match))
        g_string_replace (clause.sql, " AND c.rowid IN (SELECT rowid FROM claims_fts",
                          " AND +c.rowid IN (SELECT rowid FROM claims_fts", 1);
    }

  cursor = g_new0 (HsStoreCursor, 1);
  if (!(cursor->stmt = hs_store_prepare_clause (self, &clause, error)))
    {
      g_free (cursor);
      return NULL;
    }
  cursor->store = g_object_ref (self);
  return cursor;
}

/**
 * hs_store_cursor_fetch:
 * @rows: (element-type gint64): where the rowids are appended
 * @max: at most this many
 * @done: (out): set when the query has no more rows
 */
gboolean
hs_store_cursor_fetch (HsStoreCursor  *cursor,
                       GArray         *rows,
                       guint           max,
                       gboolean       *done,
                       GError        **error)
{
  int rc = SQLITE_ROW;

  g_return_val_if_fail (cursor != NULL, FALSE);

  for (guint i = 0; i < max && !cursor->done; i++)
    {
      rc = sqlite3_step (cursor->stmt);
      if (rc == SQLITE_ROW)
        {
          gint64 rowid = sqlite3_column_int64 (cursor->stmt, 0);
          g_array_append_val (rows, rowid);
        }
      else
        cursor->done = TRUE;
    }

  *done = cursor->done;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_error_from_code (cursor->store, error, rc, "searching");
  if (cursor->done)
    sqlite3_reset (cursor->stmt);
  return TRUE;
}

void
hs_store_cursor_free (HsStoreCursor *cursor)
{
  if (cursor == NULL)
    return;
  sqlite3_finalize (cursor->stmt);
  g_clear_object (&cursor->store);
  g_free (cursor);
}

/* ---------------------------------------------------------------------- */
/* Bulk writes                                                             */

/**
 * hs_store_bulk_begin:
 *
 * Inside a transaction, before writing many records: the per-row triggers
 * that index text and set statuses are dropped (the transaction restores
 * them if it is rolled back) and the page cache grows, so that
 * hs_store_bulk_end() can do their work once for all the new rows.
 */
gboolean
hs_store_bulk_begin (HsStore  *self,
                     HsBulk   *bulk,
                     GError  **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!query_int (self, "SELECT coalesce(max(rowid), 0) FROM claims", &bulk->claims_before, error) ||
      !query_int (self, "SELECT coalesce(max(seq), 0) FROM resolutions", &bulk->resolutions_before,
                  error) ||
      !exec (self, "DROP TRIGGER claims_fts_insert; DROP TRIGGER resolutions_status_insert;", error))
    return FALSE;

  /* 64 MB instead of 2: a large import otherwise reads back the pages it
   * spilled to the WAL moments before. */
  exec (self, "PRAGMA cache_size = -65536", NULL);
  bulk->active = TRUE;
  return TRUE;
}

/* Indexes the text of the claims added since hs_store_bulk_begin(), sets
 * the status of every prediction whose history grew, and puts the
 * triggers back; still inside the transaction. */
gboolean
hs_store_bulk_end (HsStore  *self,
                   HsBulk   *bulk,
                   GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self->in_transaction, FALSE);
  g_return_val_if_fail (bulk->active, FALSE);

  if (!(stmt = hs_store_prepare (self,
                                 "INSERT INTO claims_fts (rowid, text, quote, original_text)"
                                 " SELECT rowid, text, quote, original_text FROM claims WHERE rowid > ?1",
                                 error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bulk->claims_before);
  if (!step_done (self, stmt, "indexing the imported text", error))
    return FALSE;

  if (!(stmt = hs_store_prepare (self,
                                 "UPDATE predictions SET status = " STATUS_OF ("predictions.claim_id")
                                 " WHERE claim_id IN (SELECT claim_id FROM resolutions WHERE seq > ?1)",
                                 error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bulk->resolutions_before);
  if (!step_done (self, stmt, "setting the imported statuses", error))
    return FALSE;

  if (!exec (self, FTS_INSERT_TRIGGER STATUS_INSERT_TRIGGER, error))
    return FALSE;

  hs_store_bulk_finish (self, bulk);
  return TRUE;
}

/* Puts the cache back; after a rollback the triggers are back already. */
void
hs_store_bulk_finish (HsStore *self,
                      HsBulk  *bulk)
{
  if (!bulk->active)
    return;
  exec (self, "PRAGMA cache_size = -2000", NULL);
  bulk->active = FALSE;
}
