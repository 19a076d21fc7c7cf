/* test-store.c: the SQLite store: opening, refusing, history, queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <sqlite3.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hs-store-private.h"
#include "test-utils.h"

/* A second scorecard to add to the example: a third speaker, Chinese text
 * for the trigram index and two-character terms, and text with "%" and "_"
 * that a LIKE pattern must not take as wildcards. */
static const char extra_json[] =
  "{ \"format\": \"hindsight\", \"version\": 1,\n"
  "  \"speakers\": [ { \"id\": \"chen-yu\", \"name\": \"Chen Yu\", \"native_name\": \"陈雨\" } ],\n"
  "  \"sources\": [ { \"id\": \"notes-2026\", \"title\": \"Field notes\", \"kind\": \"article\",\n"
  "                   \"published\": \"2026-03-05\" } ],\n"
  "  \"topics\": [ { \"id\": \"paradigm\", \"name\": \"Paradigms\", \"translations\": { \"zh\": \"范式\" } } ],\n"
  "  \"claims\": [\n"
  "    { \"id\": \"notes-2026.chen-yu.01\", \"speaker\": \"chen-yu\", \"source\": \"notes-2026\",\n"
  "      \"text\": \"Kimi will ship a model with a million-token context this year.\",\n"
  "      \"original_text\": \"Kimi 今年会发布百万上下文模型。\", \"original_language\": \"zh\",\n"
  "      \"topics\": [\"agents\"], \"prediction\": { \"horizon\": \"this year\", \"probability\": 0.7 } },\n"
  "    { \"id\": \"notes-2026.chen-yu.02\", \"speaker\": \"chen-yu\", \"source\": \"notes-2026\",\n"
  "      \"stated_on\": \"2026-04-01\", \"text\": \"Reinforcement learning is the next paradigm.\",\n"
  "      \"original_text\": \"强化学习是下一个范式。\", \"original_language\": \"zh\",\n"
  "      \"topics\": [\"paradigm\"],\n"
  "      \"relations\": [ { \"type\": \"supports\", \"claim\": \"example-summit-2026.ada-example.01\" } ] },\n"
  "    { \"id\": \"notes-2026.chen-yu.03\", \"speaker\": \"chen-yu\", \"stated_on\": \"2026-02\",\n"
  "      \"text\": \"Agents will write 100% of the code.\" },\n"
  "    { \"id\": \"notes-2026.chen-yu.04\", \"speaker\": \"chen-yu\", \"stated_on\": \"2026-02-20\",\n"
  "      \"text\": \"A run of 1000 steps with max_steps set is enough.\" }\n"
  "  ] }\n";

/* The claims of the example and the extra, numbered in the order stored, so
 * that an expected list reads "7 6 9 8". */
static const char *claim_ids[] = {
  NULL,
  "example-summit-2026.ada-example.01",
  "example-summit-2026.ada-example.02",
  "example-summit-2026.bo-sample.01",
  "sample-podcast-7.bo-sample.01",
  "sample-podcast-7.bo-sample.02",
  "notes-2026.chen-yu.01",
  "notes-2026.chen-yu.02",
  "notes-2026.chen-yu.03",
  "notes-2026.chen-yu.04",
};

static guint
claim_number (const char *id)
{
  for (guint i = 1; i < G_N_ELEMENTS (claim_ids); i++)
    if (g_str_equal (claim_ids[i], id))
      return i;
  g_error ("unexpected claim %s", id);
}

typedef struct
{
  char    *dir;
  HsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_make_tmp_dir ();
  fixture->store = test_open_store (fixture->dir, "scorecard.db");
}

/* The example and the extra, for the tests that query and resolve. */
static void
fixture_set_up_full (Fixture       *fixture,
                     gconstpointer  data)
{
  fixture_set_up (fixture, data);
  test_import_example (fixture->store);
  test_import_json (fixture->store, extra_json);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->store != NULL)
    test_assert_finalize (&fixture->store);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
store_path (Fixture    *fixture,
            const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Runs a statement on a connection of our own, as another program would. */
static void
sqlite_exec (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static char *
sqlite_query_text (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return text;
}

static gint64
db_query_int (sqlite3    *db,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
assert_no_side_files (const char *path)
{
  static const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
    }
}

/* ---------------------------------------------------------------------- */
/* Opening                                                                 */

static void
test_open_new (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new", "folder", "hindsight.db", NULL);
  g_autoptr(GError) error = NULL;
  HsStore *store = hs_store_open (path, &error);
  g_autofree char *mode = NULL;
  g_autofree char *version = NULL;
  g_autofree char *application = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (hs_store_get_path (store), ==, path);
  g_assert_false (hs_store_is_read_only (store));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Foreign keys are a property of the connection: ask the store's own. */
  g_assert_cmpint (db_query_int (hs_store_get_db (store), "PRAGMA foreign_keys"), ==, 1);

  /* The rest is in the file, for any program to see. */
  mode = sqlite_query_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  version = sqlite_query_text (path, "PRAGMA user_version");
  g_assert_cmpint (g_ascii_strtoll (version, NULL, 10), ==, HS_STORE_SCHEMA_VERSION);
  application = sqlite_query_text (path, "PRAGMA application_id");
  g_assert_cmpint (g_ascii_strtoll (application, NULL, 10), ==, 0x48534754);

  g_assert_true (hs_store_is_empty (store, &error));
  g_assert_no_error (error);
  for (HsObjectKind kind = HS_OBJECT_SPEAKER; kind <= HS_OBJECT_RESOLUTION; kind++)
    g_assert_cmpint (test_count (store, kind), ==, 0);

  test_assert_finalize (&store);
  /* Closed, the write-ahead log is folded back into the file. */
  assert_no_side_files (path);
}

static void
test_open_reopen (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = store_path (fixture, "scorecard.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (hs_store_is_empty (fixture->store, &error));
  test_import_json (fixture->store,
                    "{ \"format\": \"hindsight\", \"version\": 1,"
                    "  \"speakers\": [ { \"id\": \"s\", \"name\": \"S\" } ] }");
  g_assert_false (hs_store_is_empty (fixture->store, &error));
  g_assert_no_error (error);
  test_import_example (fixture->store);
  before = test_export_json (fixture->store);
  test_assert_finalize (&fixture->store);

  fixture->store = hs_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (hs_store_is_empty (fixture->store, &error));
  g_assert_cmpint (test_count (fixture->store, HS_OBJECT_SPEAKER), ==, 3);
  g_assert_cmpint (test_count (fixture->store, HS_OBJECT_SOURCE), ==, 2);
  g_assert_cmpint (test_count (fixture->store, HS_OBJECT_TOPIC), ==, 3);
  g_assert_cmpint (test_count (fixture->store, HS_OBJECT_CLAIM), ==, 5);
  g_assert_cmpint (test_count (fixture->store, HS_OBJECT_RESOLUTION), ==, 1);
  after = test_export_json (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

/* A file that a new store starts as: zero bytes. */
static void
test_open_empty_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = store_path (fixture, "empty.db");
  g_autoptr(GError) error = NULL;
  HsStore *store;

  test_write_file (path, "", 0);
  store = hs_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (hs_store_is_empty (store, &error));
  test_assert_finalize (&store);
}

typedef struct
{
  const char *name;
  const char *setup_sql;   /* run with sqlite3 first, or NULL */
  const char *contents;    /* written as the file, or NULL */
  int         code;
  const char *message;     /* a part of the message */
} RefusedCase;

static void
test_open_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  static const RefusedCase cases[] = {
    { "text file", NULL, "hello, this is a note and not a database\n",
      HS_STORE_ERROR_NOT_A_DATABASE, "is not a Hindsight database: it is not an SQLite file" },
    { "short file", NULL, "SQLite",
      HS_STORE_ERROR_NOT_A_DATABASE, "it is not an SQLite file" },
    { "another program's database", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
      "INSERT INTO notes (body) VALUES ('keep me');", NULL,
      HS_STORE_ERROR_NOT_A_DATABASE, "an SQLite database of another program" },
    { "another program's id", "PRAGMA application_id = 1234;", NULL,
      HS_STORE_ERROR_NOT_A_DATABASE, "an SQLite database of another program" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("refused-%u.db", i);
      g_autofree char *path = store_path (fixture, name);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      gsize before_length, after_length;
      HsStore *store;

      g_test_message ("%s", cases[i].name);
      if (cases[i].setup_sql != NULL)
        sqlite_exec (path, cases[i].setup_sql);
      else
        test_write_file (path, cases[i].contents, -1);
      before = test_read_file (path, &before_length);

      store = hs_store_open (path, &error);
      g_assert_null (store);
      g_assert_error (error, HS_STORE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, cases[i].message));

      after = test_read_file (path, &after_length);
      g_assert_cmpmem (after, after_length, before, before_length);
      assert_no_side_files (path);
    }

  /* A folder where the file should be. */
  {
    g_autoptr(GError) error = NULL;
    HsStore *store = hs_store_open (fixture->dir, &error);

    g_assert_null (store);
    g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_A_DATABASE);
    g_assert_nonnull (strstr (error->message, "is a folder"));
  }
}

static void
test_open_newer (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = store_path (fixture, "scorecard.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected_theirs = NULL;
  g_autofree char *expected_ours = NULL;
  gsize before_length, after_length;

  test_import_example (fixture->store);
  test_assert_finalize (&fixture->store);
  sqlite_exec (path, "PRAGMA user_version = 99");
  before = test_read_file (path, &before_length);

  expected_theirs = g_strdup_printf ("database version %d", 99);
  expected_ours = g_strdup_printf ("understands up to %d", HS_STORE_SCHEMA_VERSION);

  /* Refused, and refused again: the first attempt changed nothing. */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(GError) error = NULL;
      HsStore *store = hs_store_open (path, &error);

      g_assert_null (store);
      g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NEWER_VERSION);
      g_assert_nonnull (strstr (error->message, "newer version of Hindsight"));
      g_assert_nonnull (strstr (error->message, expected_theirs));
      g_assert_nonnull (strstr (error->message, expected_ours));
      g_assert_nonnull (strstr (error->message, "left unchanged"));

      after = test_read_file (path, &after_length);
      g_assert_cmpmem (after, after_length, before, before_length);
      g_clear_pointer (&after, g_free);
      assert_no_side_files (path);
    }
}

/* Marks @path immutable, which stops even root from writing it; returns
 * FALSE where the file system cannot. */
static gboolean
set_immutable (const char *path,
               gboolean    immutable)
{
  int fd = open (path, O_RDONLY);
  int flags = 0;
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (ok)
    {
      if (immutable)
        flags |= FS_IMMUTABLE_FL;
      else
        flags &= ~FS_IMMUTABLE_FL;
      ok = ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
  close (fd);
  return ok;
}

static void
test_open_read_only (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = store_path (fixture, "scorecard.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *export_before = NULL;
  g_autofree char *export_after = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autoptr(GError) resolve_error = NULL;
  g_autoptr(GError) import_error = NULL;
  g_autoptr(HsResolution) resolution = NULL;
  HsDate on = test_date ("2026-06-01");
  gsize before_length, after_length;
  gboolean read_only = FALSE;
  gint64 claims = -1;
  HsStore *store;

  test_import_example (fixture->store);
  export_before = test_export_json (fixture->store);
  test_assert_finalize (&fixture->store);
  before = test_read_file (path, &before_length);

  if (geteuid () == 0)
    {
      /* Permissions do not stop root; the immutable flag does. */
      if (!set_immutable (path, TRUE))
        {
          g_test_skip ("running as root, and the file system cannot mark a file immutable, "
                       "so nothing makes the file read-only");
          return;
        }
    }
  else
    g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  /* Everything is gathered first and checked after the file is writable
   * again, so that a failure leaves nothing behind that cannot be removed. */
  store = hs_store_open (path, &open_error);
  if (store != NULL)
    {
      read_only = hs_store_is_read_only (store);
      claims = hs_store_count (store, HS_OBJECT_CLAIM, NULL);
      {
        g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

        if (hs_store_export_json (store, out, NULL, NULL) &&
            g_output_stream_write_all (out, "", 1, NULL, NULL, NULL) &&
            g_output_stream_close (out, NULL, NULL))
          export_after = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
      }
      resolution = hs_resolution_new (NULL, HS_STATUS_CONFIRMED, &on);
      hs_store_add_resolution (store, "example-summit-2026.ada-example.01", resolution,
                               &resolve_error);
      test_import_data (store, extra_json, -1, "extra.json", HS_IMPORT_FORMAT_JSON,
                        HS_CONFLICT_FAIL, NULL, &import_error);
      g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
      g_object_unref (store);
    }
  after = test_read_file (path, &after_length);

  if (geteuid () == 0)
    g_assert_true (set_immutable (path, FALSE));
  else
    g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  g_assert_no_error (open_error);
  g_assert_null (store);
  g_assert_true (read_only);
  g_assert_cmpint (claims, ==, 5);
  g_assert_cmpstr (export_after, ==, export_before);
  g_assert_error (resolve_error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (resolve_error->message, "read-only"));
  g_assert_error (import_error, HS_STORE_ERROR, HS_STORE_ERROR_READ_ONLY);
  g_assert_cmpmem (after, after_length, before, before_length);
}

/* A database written by schema version 1: opening it migrates it to the
 * current version (after a backup), keeping everything in it. */
static void
test_open_migrate (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sql_path = test_data_path ("store-v1.sql", NULL);
  g_autofree char *sql = test_read_file (sql_path, NULL);
  g_autofree char *path = store_path (fixture, "old.db");
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *backup_prefix = g_strconcat (base, ".v1-", NULL);
  g_autofree char *version = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsClaim) refuted = NULL;
  g_autoptr(HsClaim) ambiguous = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(HsResolution) resolution = NULL;
  HsDate on = test_date ("2026-11-01");
  HsQuery query;
  HsStore *store;
  guint backups = 0;
  GDir *dir;
  const char *name;

  sqlite_exec (path, sql);

  store = hs_store_open (path, &error);
  g_assert_no_error (error);

  version = sqlite_query_text (path, "PRAGMA user_version");
  g_assert_cmpint (g_ascii_strtoll (version, NULL, 10), ==, HS_STORE_SCHEMA_VERSION);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, backup_prefix) && g_str_has_suffix (name, ".bak"))
      {
        /* The backup is the file as it was: still version 1. */
        g_autofree char *backup = g_build_filename (fixture->dir, name, NULL);
        g_autofree char *backup_version = sqlite_query_text (backup, "PRAGMA user_version");

        g_assert_cmpstr (backup_version, ==, "1");
        backups++;
      }
  g_dir_close (dir);
  g_assert_cmpuint (backups, ==, HS_STORE_SCHEMA_VERSION > 1 ? 1 : 0);

  /* Everything of the old file is there. */
  g_assert_cmpint (test_count (store, HS_OBJECT_SPEAKER), ==, 2);
  g_assert_cmpint (test_count (store, HS_OBJECT_SOURCE), ==, 2);
  g_assert_cmpint (test_count (store, HS_OBJECT_TOPIC), ==, 3);
  g_assert_cmpint (test_count (store, HS_OBJECT_CLAIM), ==, 5);
  g_assert_cmpint (test_count (store, HS_OBJECT_RESOLUTION), ==, 2);
  hs_query_init (&query);
  query.kind = HS_QUERY_KIND_PREDICTIONS;
  g_assert_cmpint (hs_store_count_claims (store, &query, &error), ==, 4);

  refuted = hs_store_get_claim (store, "sample-podcast-7.bo-sample.01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hs_prediction_get_status (hs_claim_get_prediction (refuted)), ==,
                   HS_STATUS_REFUTED);
  ambiguous = hs_store_get_claim (store, "example-summit-2026.ada-example.02", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hs_prediction_get_status (hs_claim_get_prediction (ambiguous)), ==,
                   HS_STATUS_AMBIGUOUS);
  g_assert_cmpfloat_with_epsilon (hs_prediction_get_probability (hs_claim_get_prediction (ambiguous)),
                                  0.2, 1e-12);

  /* The statuses the old file derived from its history are what filtering
   * by status finds now. */
  hs_query_init (&query);
  query.status = HS_STATUS_REFUTED;
  g_assert_cmpint (hs_store_count_claims (store, &query, &error), ==, 1);
  query.status = HS_STATUS_AMBIGUOUS;
  g_assert_cmpint (hs_store_count_claims (store, &query, &error), ==, 1);
  query.status = HS_STATUS_OPEN;
  g_assert_cmpint (hs_store_count_claims (store, &query, &error), ==, 2);

  /* The full-text index came along: a Chinese substring finds its claim. */
  hs_query_init (&query);
  query.search = "智能体";
  rows = hs_store_query_claims (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  {
    g_autoptr(HsClaim) found = hs_store_get_claim_at (store, g_array_index (rows, gint64, 0), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (hs_claim_get_id (found), ==, "example-summit-2026.ada-example.01");
  }

  /* And it takes writes. */
  resolution = hs_resolution_new (NULL, HS_STATUS_CONFIRMED, &on);
  g_assert_true (hs_store_add_resolution (store, "example-summit-2026.ada-example.01", resolution,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, HS_OBJECT_RESOLUTION), ==, 3);
  hs_query_init (&query);
  query.status = HS_STATUS_CONFIRMED;
  g_assert_cmpint (hs_store_count_claims (store, &query, &error), ==, 1);

  test_assert_finalize (&store);
  test_assert_finalize (&refuted);
  test_assert_finalize (&ambiguous);
  test_assert_finalize (&resolution);
}

/* ---------------------------------------------------------------------- */
/* History                                                                 */

/* What must not change when a write fails. */
typedef struct
{
  gint64  counts[HS_OBJECT_RESOLUTION + 1];
  char   *json;
} Snapshot;

static void
snapshot_take (HsStore  *store,
               Snapshot *snapshot)
{
  for (HsObjectKind kind = HS_OBJECT_SPEAKER; kind <= HS_OBJECT_RESOLUTION; kind++)
    snapshot->counts[kind] = test_count (store, kind);
  snapshot->json = test_export_json (store);
}

static void
snapshot_assert_same (HsStore  *store,
                      Snapshot *before)
{
  Snapshot now = { { 0 }, NULL };

  snapshot_take (store, &now);
  for (HsObjectKind kind = HS_OBJECT_SPEAKER; kind <= HS_OBJECT_RESOLUTION; kind++)
    g_assert_cmpint (now.counts[kind], ==, before->counts[kind]);
  g_assert_cmpstr (now.json, ==, before->json);
  g_free (now.json);
}

static char *
history_text (HsStore    *store,
              const char *claim_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = hs_store_get_history (store, claim_id, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(HsResolution) entry = g_list_model_get_item (history, i);
      HsDate on = hs_resolution_get_on (entry);
      char buf[HS_DATE_BUFSIZE];

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%s %s", hs_status_to_string (hs_resolution_get_status (entry)),
                              hs_date_to_buffer (&on, buf));
    }
  return g_string_free (out, FALSE);
}

static HsStatus
stored_status (HsStore    *store,
               const char *claim_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsClaim) claim = hs_store_get_claim (store, claim_id, &error);
  HsStatus status;
  HsQuery query;

  g_assert_no_error (error);
  status = hs_prediction_get_status (hs_claim_get_prediction (claim));

  /* The status SQL filters by must be the one the model shows. */
  hs_query_init (&query);
  query.speaker_id = hs_claim_get_speaker_id (claim);
  query.status = status;
  query.search = NULL;
  {
    g_autoptr(GArray) rows = hs_store_query_claims (store, &query, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < rows->len; i++)
      {
        g_autoptr(HsClaim) row = hs_store_get_claim_at (store, g_array_index (rows, gint64, i),
                                                        &error);
        found |= g_str_equal (hs_claim_get_id (row), claim_id);
      }
    g_assert_true (found);
  }
  return status;
}

static HsResolution *
resolution_new (const char *id,
                HsStatus    status,
                const char *on,
                const char *evidence,
                const char *url)
{
  HsDate date = test_date (on);
  HsResolution *resolution = hs_resolution_new (id, status, &date);

  hs_resolution_set_evidence (resolution, evidence);
  hs_resolution_set_url (resolution, url);
  return resolution;
}

static void
test_history_append_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *claim = "example-summit-2026.ada-example.01";
  HsStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsResolution) confirmed = NULL;
  g_autoptr(HsResolution) reopened = NULL;
  g_autofree char *text = NULL;
  const char *confirmed_id;
  Snapshot snapshot = { { 0 }, NULL };

  g_assert_cmpint (stored_status (store, claim), ==, HS_STATUS_OPEN);

  /* Without an id, the store makes one and says which. */
  confirmed = resolution_new (NULL, HS_STATUS_CONFIRMED, "2026-06-01", "It shipped.",
                              "https://example.org/news");
  g_assert_true (hs_store_add_resolution (store, claim, confirmed, &error));
  g_assert_no_error (error);
  confirmed_id = g_object_get_data (G_OBJECT (confirmed), "hs-stored-id");
  g_assert_nonnull (confirmed_id);
  g_assert_cmpint (hs_store_find_id (store, confirmed_id, &error), ==, HS_OBJECT_RESOLUTION);
  g_assert_cmpint (stored_status (store, claim), ==, HS_STATUS_CONFIRMED);

  /* With an id, it is kept, and the record time is filled in. */
  reopened = resolution_new ("ada-01-reopened", HS_STATUS_OPEN, "2026-07-01", "It was withdrawn.",
                             NULL);
  g_assert_true (hs_store_add_resolution (store, claim, reopened, &error));
  g_assert_no_error (error);
  g_assert_nonnull (hs_resolution_get_recorded_at (reopened));
  text = history_text (store, claim);
  g_assert_cmpstr (text, ==, "confirmed 2026-06-01, open 2026-07-01");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (stored_status (store, claim), ==, HS_STATUS_OPEN);

  /* Undo reaches only the entry added last. */
  snapshot_take (store, &snapshot);
  g_assert_false (hs_store_undo_resolution (store, confirmed_id, &error));
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "only the entry added last"));
  g_clear_error (&error);
  snapshot_assert_same (store, &snapshot);
  g_clear_pointer (&snapshot.json, g_free);

  g_assert_true (hs_store_undo_resolution (store, "ada-01-reopened", &error));
  g_assert_no_error (error);
  text = history_text (store, claim);
  g_assert_cmpstr (text, ==, "confirmed 2026-06-01");
  g_assert_cmpint (stored_status (store, claim), ==, HS_STATUS_CONFIRMED);

  g_assert_false (hs_store_undo_resolution (store, "ada-01-reopened", &error));
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Now the confirmation is the last entry, and can go too. */
  g_assert_true (hs_store_undo_resolution (store, confirmed_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_status (store, claim), ==, HS_STATUS_OPEN);

  test_assert_finalize (&confirmed);
  test_assert_finalize (&reopened);
}

/* An entry recorded later but applying from an earlier date does not
 * become the current status, in the model or in SQL. */
static void
test_history_order (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *claim = "notes-2026.chen-yu.01";
  HsStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) same_second = test_time ("2026-06-02T08:00:00Z");
  HsResolution *entries[4];
  g_autofree char *text = NULL;

  entries[0] = resolution_new ("cy1-partial", HS_STATUS_PARTIAL, "2026-06-01", NULL, NULL);
  entries[1] = resolution_new ("cy1-refuted-early", HS_STATUS_REFUTED, "2026-04-01", NULL, NULL);
  /* Two entries for the same day recorded in the same second: the one
   * added later is the current one. */
  entries[2] = resolution_new ("cy1-confirmed", HS_STATUS_CONFIRMED, "2026-07-01", NULL, NULL);
  entries[3] = resolution_new ("cy1-ambiguous", HS_STATUS_AMBIGUOUS, "2026-07-01", NULL, NULL);
  hs_resolution_set_recorded_at (entries[2], same_second);
  hs_resolution_set_recorded_at (entries[3], same_second);

  g_assert_true (hs_store_add_resolution (store, claim, entries[0], &error));
  g_assert_no_error (error);
  g_assert_true (hs_store_add_resolution (store, claim, entries[1], &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_status (store, claim), ==, HS_STATUS_PARTIAL);
  text = history_text (store, claim);
  g_assert_cmpstr (text, ==, "refuted 2026-04-01, partial 2026-06-01");
  g_clear_pointer (&text, g_free);

  g_assert_true (hs_store_add_resolution (store, claim, entries[2], &error));
  g_assert_no_error (error);
  g_assert_true (hs_store_add_resolution (store, claim, entries[3], &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_status (store, claim), ==, HS_STATUS_AMBIGUOUS);
  text = history_text (store, claim);
  g_assert_cmpstr (text, ==, "refuted 2026-04-01, partial 2026-06-01, confirmed 2026-07-01, "
                             "ambiguous 2026-07-01");

  /* Undo takes back the entry recorded last, not the one latest in date. */
  g_assert_false (hs_store_undo_resolution (store, "cy1-confirmed", &error));
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (hs_store_undo_resolution (store, "cy1-ambiguous", &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_status (store, claim), ==, HS_STATUS_CONFIRMED);

  /* "2026-08" applies from the first of August, like "2026-08-01": the
   * two tie on the date, and the later record wins. */
  {
    g_autoptr(HsResolution) day = resolution_new ("cy1-aug-day", HS_STATUS_CONFIRMED, "2026-08-01",
                                                  NULL, NULL);
    g_autoptr(HsResolution) month = resolution_new ("cy1-aug-month", HS_STATUS_REFUTED, "2026-08",
                                                    NULL, NULL);
    g_autoptr(GDateTime) first = test_time ("2026-08-02T00:00:00Z");
    g_autoptr(GDateTime) second = test_time ("2026-08-03T00:00:00Z");

    hs_resolution_set_recorded_at (day, first);
    hs_resolution_set_recorded_at (month, second);
    g_assert_true (hs_store_add_resolution (store, claim, day, &error));
    g_assert_no_error (error);
    g_assert_true (hs_store_add_resolution (store, claim, month, &error));
    g_assert_no_error (error);
    g_assert_cmpint (stored_status (store, claim), ==, HS_STATUS_REFUTED);
    test_assert_finalize (&day);
    test_assert_finalize (&month);
  }

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    test_assert_finalize (&entries[i]);
}

typedef struct
{
  const char *label;
  const char *claim;
  const char *id;
  const char *on;
  const char *url;
  int         code;
  const char *message;
} BadResolveCase;

static void
test_history_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  static const BadResolveCase cases[] = {
    { "a plain claim", "example-summit-2026.bo-sample.01", NULL, "2026-06-01", NULL,
      HS_STORE_ERROR_INVALID, "is a claim, not a prediction" },
    { "no such claim", "no-such-claim", NULL, "2026-06-01", NULL,
      HS_STORE_ERROR_NOT_FOUND, "no-such-claim" },
    { "tomorrow", "example-summit-2026.ada-example.01", NULL, "2026-11-23", NULL,
      HS_STORE_ERROR_INVALID, "2026-11-23 is in the future" },
    { "next month", "example-summit-2026.ada-example.01", NULL, "2026-12", NULL,
      HS_STORE_ERROR_INVALID, "2026-12 is in the future" },
    { "next year", "example-summit-2026.ada-example.01", NULL, "2027", NULL,
      HS_STORE_ERROR_INVALID, "2027 is in the future" },
    { "the day before it was said", "example-summit-2026.ada-example.01", NULL, "2026-01-09", NULL,
      HS_STORE_ERROR_INVALID, "2026-01-09 is before the prediction was made (2026-01-10)" },
    { "the year before it was said", "example-summit-2026.ada-example.01", NULL, "2025", NULL,
      HS_STORE_ERROR_INVALID, "2025 is before the prediction was made" },
    { "a script link", "example-summit-2026.ada-example.01", NULL, "2026-06-01",
      "javascript:alert(1)", HS_STORE_ERROR_INVALID, "http:// or https://" },
    { "a file link", "example-summit-2026.ada-example.01", NULL, "2026-06-01",
      "file:///etc/passwd", HS_STORE_ERROR_INVALID, "http:// or https://" },
    { "an id in use", "example-summit-2026.ada-example.01", "r-sample-1", "2026-06-01", NULL,
      HS_STORE_ERROR_INVALID, NULL },
  };
  HsStore *store = fixture->store;
  Snapshot snapshot = { { 0 }, NULL };

  snapshot_take (store, &snapshot);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      HsResolution *resolution = resolution_new (cases[i].id, HS_STATUS_CONFIRMED, cases[i].on,
                                                 NULL, cases[i].url);

      g_test_message ("%s", cases[i].label);
      g_assert_false (hs_store_add_resolution (store, cases[i].claim, resolution, &error));
      g_assert_error (error, HS_STORE_ERROR, cases[i].code);
      if (cases[i].message != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].message));
      snapshot_assert_same (store, &snapshot);
      test_assert_finalize (&resolution);
    }

  /* The history of a plain claim is not empty: there is none. */
  {
    g_autoptr(GError) error = NULL;
    GListModel *history = hs_store_get_history (store, "example-summit-2026.bo-sample.01", &error);

    g_assert_null (history);
    g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_INVALID);
  }

  g_free (snapshot.json);
}

/* The edges that are allowed: today, this month, the day it was said. */
static void
test_history_edges (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char *claim;
    const char *on;
  } cases[] = {
    { "example-summit-2026.ada-example.01", "2026-01-10" },
    { "example-summit-2026.ada-example.02", "2026-01" },
    { "notes-2026.chen-yu.01", "2026-11-22" },
    { "sample-podcast-7.bo-sample.02", "2026-11" },
    { "sample-podcast-7.bo-sample.01", "~2025-10" },
  };
  HsStore *store = fixture->store;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      HsResolution *resolution = resolution_new (NULL, HS_STATUS_AMBIGUOUS, cases[i].on, NULL,
                                                 "HTTPS://EXAMPLE.ORG/Evidence");

      g_test_message ("%s on %s", cases[i].claim, cases[i].on);
      g_assert_true (hs_store_add_resolution (store, cases[i].claim, resolution, &error));
      g_assert_no_error (error);
      test_assert_finalize (&resolution);
    }
  g_assert_cmpint (test_count (store, HS_OBJECT_RESOLUTION), ==, 1 + G_N_ELEMENTS (cases));
}

/* ---------------------------------------------------------------------- */
/* Reading objects                                                         */

static void
test_read_objects (Fixture       *fixture,
                   gconstpointer  data)
{
  HsStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsClaim) claim = NULL;
  g_autoptr(HsClaim) refuted = NULL;
  g_autoptr(HsSpeaker) speaker = NULL;
  g_autoptr(HsTopic) topic = NULL;
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  HsPrediction *prediction;
  HsDate date;
  char buf[HS_DATE_BUFSIZE];
  HsQuery query;

  claim = hs_store_get_claim (store, "example-summit-2026.ada-example.01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_speaker_get_name (hs_claim_get_speaker (claim)), ==, "Ada Example");
  g_assert_cmpstr (hs_source_get_title (hs_claim_get_source (claim)), ==,
                   "Example Summit 2026: the panel on agents");
  g_assert_cmpstrv (hs_claim_get_topics (claim), ((const char *[]) { "agents", NULL }));
  date = hs_claim_get_stated_on (claim);
  g_assert_cmpstr (hs_date_to_buffer (&date, buf), ==, "2026-01-10");
  prediction = hs_claim_get_prediction (claim);
  date = hs_prediction_get_earliest (prediction);
  g_assert_cmpstr (hs_date_to_buffer (&date, buf), ==, "2026-01-10");
  date = hs_prediction_get_latest (prediction);
  g_assert_cmpstr (hs_date_to_buffer (&date, buf), ==, "2026-12-31");
  g_assert_false (hs_prediction_has_probability (prediction));
  g_assert_cmpstr (hs_prediction_get_confidence (prediction), ==, "I expect");

  refuted = hs_store_get_claim (store, "sample-podcast-7.bo-sample.01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hs_prediction_get_resolutions (
                      hs_claim_get_prediction (refuted))), ==, 1);
  g_assert_cmpstr (hs_resolution_get_id (hs_prediction_get_current (
                     hs_claim_get_prediction (refuted))), ==, "r-sample-1");

  g_assert_null (hs_store_get_claim (store, "nothing", &error));
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (hs_store_get_speaker (store, "nobody", &error));
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (hs_store_find_id (store, "ada-example", &error), ==, HS_OBJECT_SPEAKER);
  g_assert_cmpint (hs_store_find_id (store, "sample-podcast-7", &error), ==, HS_OBJECT_SOURCE);
  g_assert_cmpint (hs_store_find_id (store, "paradigm", &error), ==, HS_OBJECT_TOPIC);
  g_assert_cmpint (hs_store_find_id (store, "notes-2026.chen-yu.03", &error), ==, HS_OBJECT_CLAIM);
  g_assert_cmpint (hs_store_find_id (store, "r-sample-1", &error), ==, HS_OBJECT_RESOLUTION);
  g_assert_cmpint (hs_store_find_id (store, "Ada-Example", &error), ==, HS_OBJECT_NONE);
  g_assert_no_error (error);

  speaker = hs_store_get_speaker (store, "chen-yu", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_speaker_get_native_name (speaker), ==, "陈雨");
  topic = hs_store_get_topic (store, "paradigm", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_topic_get_name_for (topic, "zh_CN"), ==, "范式");

  /* Lists: speakers and topics by name, sources newest first. */
  speakers = hs_store_list_speakers (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (speakers->len, ==, 3);
  g_assert_cmpstr (hs_speaker_get_id (g_ptr_array_index (speakers, 0)), ==, "ada-example");
  g_assert_cmpstr (hs_speaker_get_id (g_ptr_array_index (speakers, 1)), ==, "bo-sample");
  g_assert_cmpstr (hs_speaker_get_id (g_ptr_array_index (speakers, 2)), ==, "chen-yu");
  sources = hs_store_list_sources (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 3);
  g_assert_cmpstr (hs_source_get_id (g_ptr_array_index (sources, 0)), ==, "notes-2026");
  g_assert_cmpstr (hs_source_get_id (g_ptr_array_index (sources, 1)), ==, "example-summit-2026");
  g_assert_cmpstr (hs_source_get_id (g_ptr_array_index (sources, 2)), ==, "sample-podcast-7");
  topics = hs_store_list_topics (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (topics->len, ==, 4);
  g_assert_cmpstr (hs_topic_get_name (g_ptr_array_index (topics, 0)), ==, "Agents");
  g_assert_cmpstr (hs_topic_get_name (g_ptr_array_index (topics, 3)), ==, "Paradigms");

  /* Speaker filters, alone and together with a search. */
  {
    static const struct
    {
      const char *speaker;
      const char *topic;
      const char *source;
      const char *search;
      const char *expected;
    } cases[] = {
      { NULL, NULL, NULL, "艾", "ada-example" },
      { NULL, NULL, NULL, "sample", "bo-sample" },
      { NULL, NULL, NULL, "A. Ex", "ada-example" },
      { NULL, NULL, NULL, "%", "" },
      { NULL, "agents", NULL, NULL, "ada-example bo-sample chen-yu" },
      { NULL, "paradigm", NULL, NULL, "chen-yu" },
      { NULL, NULL, "sample-podcast-7", NULL, "bo-sample" },
      { "ada-example", NULL, NULL, NULL, "ada-example" },
      { "ada-example", NULL, NULL, "Ada", "ada-example" },
      { "ada-example", NULL, NULL, "Bo", "" },
      { NULL, "agents", NULL, "Chen", "chen-yu" },
      { "chen-yu", "agents", "notes-2026", "陈", "chen-yu" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GPtrArray) found = NULL;
        g_autoptr(GString) ids = g_string_new (NULL);

        g_test_message ("speakers of %s %s %s %s", cases[i].speaker, cases[i].topic,
                        cases[i].source, cases[i].search);
        hs_query_init (&query);
        query.speaker_id = cases[i].speaker;
        query.topic_id = cases[i].topic;
        query.source_id = cases[i].source;
        query.search = cases[i].search;
        found = hs_store_list_speakers (store, &query, &error);
        g_assert_no_error (error);
        for (guint k = 0; k < found->len; k++)
          g_string_append_printf (ids, "%s%s", k > 0 ? " " : "",
                                  hs_speaker_get_id (g_ptr_array_index (found, k)));
        g_assert_cmpstr (ids->str, ==, cases[i].expected);
      }
  }

  g_clear_pointer (&speakers, g_ptr_array_unref);
  g_clear_pointer (&sources, g_ptr_array_unref);
  g_clear_pointer (&topics, g_ptr_array_unref);
  test_assert_finalize (&claim);
  test_assert_finalize (&refuted);
  test_assert_finalize (&topic);
}

/* ---------------------------------------------------------------------- */
/* Queries                                                                 */

/* The claims @query selects, as their numbers, checking on the way that the
 * count agrees and that every row loads. */
static char *
query_numbers (HsStore       *store,
               const HsQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = hs_store_query_claims (store, query, &error);
  GString *out = g_string_new (NULL);
  HsQuery unpaged = *query;
  gint64 count;

  g_assert_no_error (error);
  g_assert_nonnull (rows);

  /* The count ignores the page; without one it is the list's length. */
  unpaged.limit = 0;
  unpaged.offset = 0;
  count = hs_store_count_claims (store, query, &error);
  g_assert_no_error (error);
  if (query->limit == 0 && query->offset == 0)
    g_assert_cmpint (count, ==, rows->len);
  else
    {
      g_autoptr(GArray) all = hs_store_query_claims (store, &unpaged, &error);

      g_assert_no_error (error);
      g_assert_cmpint (count, ==, all->len);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(HsClaim) claim = hs_store_get_claim_at (store, g_array_index (rows, gint64, i),
                                                        &error);

      g_assert_no_error (error);
      g_string_append_printf (out, "%s%u", i > 0 ? " " : "", claim_number (hs_claim_get_id (claim)));
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char  *label;
  const char  *speaker;
  const char  *topic;
  const char  *source;
  const char  *search;
  int          status;
  HsQueryKind  kind;
  const char  *due_before;
  const char  *stated_from;
  const char  *stated_to;
  HsQuerySort  sort;
  guint        limit;
  guint        offset;
  const char  *expected;
} QueryCase;

#define ANY -1

static void
test_query_cases (Fixture       *fixture,
                  gconstpointer  data)
{
  static const QueryCase cases[] = {
    /* Order and pages. */
    { "newest", .status = ANY, .sort = HS_QUERY_SORT_NEWEST, .expected = "7 6 9 8 1 2 3 4 5" },
    /* Oldest first is newest first read backwards, ties included: one
     * index in that order serves both. */
    { "oldest", .status = ANY, .sort = HS_QUERY_SORT_OLDEST, .expected = "5 4 3 2 1 8 9 6 7" },
    { "due", .status = ANY, .sort = HS_QUERY_SORT_DUE, .expected = "1 6 4 5 2 3 7 8 9" },
    { "stored", .status = ANY, .sort = HS_QUERY_SORT_STORED, .expected = "1 2 3 4 5 6 7 8 9" },
    { "page", .status = ANY, .limit = 3, .offset = 2, .expected = "9 8 1" },
    { "first page", .status = ANY, .limit = 2, .expected = "7 6" },
    { "past the end", .status = ANY, .limit = 5, .offset = 9, .expected = "" },
    { "offset alone", .status = ANY, .offset = 7, .expected = "4 5" },
    /* Filters. */
    { "speaker ada", "ada-example", .status = ANY, .expected = "1 2" },
    { "speaker bo", "bo-sample", .status = ANY, .expected = "3 4 5" },
    { "speaker chen", "chen-yu", .status = ANY, .expected = "7 6 9 8" },
    { "unknown speaker", "nobody", .status = ANY, .expected = "" },
    { "topic agents", .topic = "agents", .status = ANY, .expected = "6 1 5" },
    { "topic china-us", .topic = "china-us", .status = ANY, .expected = "2 3" },
    { "topic paradigm", .topic = "paradigm", .status = ANY, .expected = "7" },
    { "source summit", .source = "example-summit-2026", .status = ANY, .expected = "1 2 3" },
    { "source podcast", .source = "sample-podcast-7", .status = ANY, .expected = "4 5" },
    { "source notes", .source = "notes-2026", .status = ANY, .expected = "7 6" },
    { "refuted", .status = HS_STATUS_REFUTED, .expected = "4" },
    { "open", .status = HS_STATUS_OPEN, .expected = "6 1 2 5" },
    { "confirmed", .status = HS_STATUS_CONFIRMED, .expected = "" },
    { "plain claims", .status = ANY, .kind = HS_QUERY_KIND_CLAIMS, .expected = "7 9 8 3" },
    { "predictions", .status = ANY, .kind = HS_QUERY_KIND_PREDICTIONS, .expected = "6 1 2 4 5" },
    { "due before 2027", .status = ANY, .due_before = "2027-01-01", .expected = "6 1 4" },
    { "due before the year 2027", .status = ANY, .due_before = "2027", .expected = "6 1 4" },
    { "due before the last day", .status = ANY, .due_before = "2026-12-31", .expected = "" },
    { "due before 2032", .status = ANY, .due_before = "2032", .sort = HS_QUERY_SORT_DUE,
      .expected = "1 6 4 5 2" },
    { "stated in Jan–Feb 2026", .status = ANY, .stated_from = "2026-01-01", .stated_to = "2026-02",
      .expected = "9 8 1 2 3" },
    { "stated since February", .status = ANY, .stated_from = "2026-02", .expected = "7 6 9 8" },
    { "stated in 2025", .status = ANY, .stated_to = "2025", .expected = "4 5" },
    { "stated on one day", .status = ANY, .stated_from = "2026-01-10", .stated_to = "2026-01-10",
      .expected = "1 2 3" },
    { "chen's predictions", "chen-yu", .status = ANY, .kind = HS_QUERY_KIND_PREDICTIONS,
      .expected = "6" },
    { "open agents predictions by due date", .topic = "agents", .status = HS_STATUS_OPEN,
      .kind = HS_QUERY_KIND_PREDICTIONS, .sort = HS_QUERY_SORT_DUE, .expected = "1 6 5" },
    /* Search: words, Chinese substrings, short terms, phrases. */
    { "Kimi", .search = "Kimi", .status = ANY, .expected = "6" },
    { "kimi", .search = "kimi", .status = ANY, .expected = "6" },
    { "three Chinese characters", .search = "上下文", .status = ANY, .expected = "6" },
    { "in the original text", .search = "智能体", .status = ANY, .expected = "1" },
    { "two Chinese characters", .search = "范式", .status = ANY, .expected = "7" },
    { "two characters in a quote", .search = "拉大", .status = ANY, .expected = "4" },
    { "a percent sign is no wildcard", .search = "0%", .status = ANY, .expected = "8 2" },
    { "an underscore is no wildcard", .search = "x_", .status = ANY, .expected = "9" },
    { "a lone underscore", .search = "_", .status = ANY, .expected = "9" },
    { "every word", .search = "open models", .status = ANY, .expected = "3 4" },
    { "a phrase", .search = "\"open models\"", .status = ANY, .expected = "3" },
    { "full-width space", .search = "Kimi\xe3\x80\x80上下文", .status = ANY, .expected = "6" },
    { "words in different claims", .search = "Kimi 范式", .status = ANY, .expected = "" },
    { "search with a filter", "ada-example", .search = "Kimi", .status = ANY, .expected = "" },
    { "search and status", .search = "gap", .status = HS_STATUS_REFUTED, .expected = "4" },
    /* Query syntax is text: no operators, prefixes or column filters. */
    { "OR", .search = "Kimi OR 范式", .status = ANY, .expected = "" },
    { "a column filter", .search = "text:Kimi", .status = ANY, .expected = "" },
    { "a prefix", .search = "Kim*", .status = ANY, .expected = "" },
    { "a caret", .search = "^Kimi", .status = ANY, .expected = "" },
    { "NEAR", .search = "NEAR(Kimi model)", .status = ANY, .expected = "" },
    { "a lone quote", .search = "\"", .status = ANY, .expected = "7 6 9 8 1 2 3 4 5" },
    { "empty", .search = "", .status = ANY, .expected = "7 6 9 8 1 2 3 4 5" },
    { "spaces", .search = "   ", .status = ANY, .expected = "7 6 9 8 1 2 3 4 5" },
    { "a star", .search = "*", .status = ANY, .expected = "" },
    { "a colon", .search = ":", .status = ANY, .expected = "" },
    { "minus", .search = "-", .status = ANY, .expected = "6" },
    { "a hyphenated word", .search = "million-token", .status = ANY, .expected = "6" },
    { "a negated word", .search = "-Kimi", .status = ANY, .expected = "" },
  };
  HsStore *store = fixture->store;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const QueryCase *c = &cases[i];
      g_autofree char *numbers = NULL;
      HsQuery query;

      g_test_message ("query: %s", c->label);
      hs_query_init (&query);
      query.speaker_id = c->speaker;
      query.topic_id = c->topic;
      query.source_id = c->source;
      query.search = c->search;
      query.status = c->status;
      query.kind = c->kind;
      query.sort = c->sort;
      query.limit = c->limit;
      query.offset = c->offset;
      if (c->due_before != NULL)
        query.due_before = test_date (c->due_before);
      if (c->stated_from != NULL)
        query.stated_from = test_date (c->stated_from);
      if (c->stated_to != NULL)
        query.stated_to = test_date (c->stated_to);

      numbers = query_numbers (store, &query);
      g_assert_cmpstr (numbers, ==, c->expected);
    }

  /* With no query at all: everything, newest first. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) rows = hs_store_query_claims (store, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 9);
    g_assert_cmpint (hs_store_count_claims (store, NULL, &error), ==, 9);
  }
}

/* Whatever a person types into the search field, the store answers with a
 * list, never an error. */
static void
test_query_search_never_fails (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char *inputs[] = {
    "\"", "\"\"", "\"\"\"", "*", "**", "AND", "OR", "NOT", "AND OR NOT", "NEAR(", "NEAR(a b, 2)",
    "-", "--", ":", "::", "text:", "text : x", "{text quote}: x", "(", ")", "()", "((x", "x))",
    "+", "^", "a*b", "\"unterminated", "say \"hi", "'", "';DROP TABLE claims;--", "%", "%%",
    "_", "\\", "\\\\", "\\%", "\\\"", "a\"b\"c", "\t\n\r", "\xe3\x80\x80", "\xff\xfe",
    "\xe4\xb8", "🙂", "🙂🙂🙂", "a\xcc\x81", "\xe2\x80\xae" "evil", "NEAR", "near(", "col:", "\x01",
  };
  HsStore *store = fixture->store;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) rows = NULL;
      HsQuery query;
      gint64 count;

      g_autofree char *shown = g_strescape (inputs[i], NULL);

      g_test_message ("search %s", shown);
      hs_query_init (&query);
      query.search = inputs[i];
      rows = hs_store_query_claims (store, &query, &error);
      g_assert_no_error (error);
      g_assert_nonnull (rows);
      count = hs_store_count_claims (store, &query, &error);
      g_assert_no_error (error);
      g_assert_cmpint (count, ==, rows->len);
    }

  /* And the claims are all still there. */
  g_assert_cmpint (test_count (store, HS_OBJECT_CLAIM), ==, 9);
}

static char *
related_text (HsStore    *store,
              const char *claim_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) related = hs_store_list_related (store, claim_id, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < related->len; i++)
    {
      HsRelated *item = g_ptr_array_index (related, i);

      g_string_append_printf (out, "%s%s %s %u", i > 0 ? "; " : "",
                              item->incoming ? "from" : "to",
                              hs_relation_kind_to_string (item->kind),
                              claim_number (hs_claim_get_id (item->claim)));
      if (item->note != NULL)
        g_string_append_printf (out, " (%s)", item->note);
    }
  return g_string_free (out, FALSE);
}

static void
test_query_related (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    guint       claim;
    const char *expected;
  } cases[] = {
    { 1, "from supports 7" },
    { 3, "to contradicts 4 (Four months earlier he said the gap was widening.)" },
    { 4, "from contradicts 3 (Four months earlier he said the gap was widening.)" },
    { 7, "to supports 1" },
    { 9, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = related_text (fixture->store, claim_ids[cases[i].claim]);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* Incoming claims come whole, with their speaker. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) related = hs_store_list_related (fixture->store, claim_ids[1], &error);
    HsRelated *item = g_ptr_array_index (related, 0);

    g_assert_cmpstr (hs_speaker_get_name (hs_claim_get_speaker (item->claim)), ==, "Chen Yu");
  }
}

static void
test_query_claim_at (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  HsQuery query;
  HsClaim *claim;

  hs_query_init (&query);
  query.sort = HS_QUERY_SORT_STORED;
  rows = hs_store_query_claims (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 9);

  for (guint i = 0; i < rows->len; i++)
    {
      claim = hs_store_get_claim_at (fixture->store, g_array_index (rows, gint64, i), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (hs_claim_get_id (claim), ==, claim_ids[i + 1]);
      test_assert_finalize (&claim);
    }

  /* A row that is gone says so. */
  claim = hs_store_get_claim_at (fixture->store, 1000, &error);
  g_assert_null (claim);
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_FOUND);
}

static void
count_added_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                guint      *n_added)
{
  *n_added += added;
}

/* A list can start with a few rows (the window's first frame waits for
 * the rows its list makes): the others follow in idle batches, in the
 * query's order, and the next query reads its usual first page again. */
static void
test_claim_list_first_page (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  HsClaimList *list = hs_claim_list_new (fixture->store);
  guint n_added = 0;
  HsQuery query;

  hs_query_init (&query);
  query.sort = HS_QUERY_SORT_STORED;
  rows = hs_store_query_claims (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 9);

  g_signal_connect (list, "items-changed", G_CALLBACK (count_added_cb), &n_added);
  hs_claim_list_set_first_page (list, 3);
  g_assert_true (hs_claim_list_set_query (list, &query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_true (hs_claim_list_is_loading (list));

  while (hs_claim_list_is_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 9);
  g_assert_cmpuint (n_added, ==, 9);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(HsClaim) claim = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (hs_claim_get_id (claim), ==, claim_ids[i + 1]);
    }

  /* Back to the default: nine rows are all in the first page. */
  hs_claim_list_set_first_page (list, 0);
  g_assert_true (hs_claim_list_reload (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 9);
  g_assert_false (hs_claim_list_is_loading (list));

  test_assert_finalize (&list);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  test_init_environment ();

#define ADD(path, setup, func) \
  g_test_add (path, Fixture, NULL, setup, func, fixture_tear_down)

  ADD ("/core/store/open/new", fixture_set_up, test_open_new);
  ADD ("/core/store/open/reopen", fixture_set_up, test_open_reopen);
  ADD ("/core/store/open/empty-file", fixture_set_up, test_open_empty_file);
  ADD ("/core/store/open/refused", fixture_set_up, test_open_refused);
  ADD ("/core/store/open/newer-version", fixture_set_up, test_open_newer);
  ADD ("/core/store/open/read-only", fixture_set_up, test_open_read_only);
  ADD ("/core/store/open/migrate", fixture_set_up, test_open_migrate);
  ADD ("/core/store/history/append-undo", fixture_set_up_full, test_history_append_undo);
  ADD ("/core/store/history/order", fixture_set_up_full, test_history_order);
  ADD ("/core/store/history/refused", fixture_set_up_full, test_history_refused);
  ADD ("/core/store/history/edges", fixture_set_up_full, test_history_edges);
  ADD ("/core/store/read/objects", fixture_set_up_full, test_read_objects);
  ADD ("/core/store/query/filters", fixture_set_up_full, test_query_cases);
  ADD ("/core/store/query/search-never-fails", fixture_set_up_full, test_query_search_never_fails);
  ADD ("/core/store/query/related", fixture_set_up_full, test_query_related);
  ADD ("/core/store/query/claim-at", fixture_set_up_full, test_query_claim_at);
  ADD ("/core/store/query/claim-list-first-page", fixture_set_up_full, test_claim_list_first_page);

#undef ADD

  return g_test_run ();
}
