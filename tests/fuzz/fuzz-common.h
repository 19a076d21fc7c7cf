/* fuzz-common.h: what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each target is built twice: as a libFuzzer program (tests/fuzz/meson.build)
 * and, with FUZZ_NO_LIBFUZZER_ENTRY defined, included into the regression
 * test (tests/core/test-fuzz-regressions.c), which replays the inputs that
 * once failed through the very same function. Everything here is therefore
 * static inline, and each target names its own helpers with its prefix.
 *
 * A failed invariant aborts: libFuzzer then saves the input as a crash, and
 * the regression test fails.
 */

#pragma once

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hindsight-core.h"
#include "hs-store-private.h"

/* The tests' "today": results must not depend on the day the fuzzer runs. */
#define FUZZ_TODAY "2026-11-22"

static inline void
fuzz_init_environment (void)
{
  g_setenv ("HINDSIGHT_TODAY", FUZZ_TODAY, TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", FALSE);
  /* A warning or a critical from the core is a bug the fuzzer found. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* A file of the source tree: the fuzzer knows where the tree is from its
 * build; the regression test finds it from the tests' data folder. */
static inline char *
fuzz_source_path (const char *relative)
{
#ifdef FUZZ_SOURCE_ROOT
  return g_build_filename (FUZZ_SOURCE_ROOT, relative, NULL);
#else
  const char *data = g_getenv ("HINDSIGHT_TEST_DATA");

  g_assert_nonnull (data);
  return g_build_filename (data, "..", "..", relative, NULL);
#endif
}

G_GNUC_NORETURN static inline void
fuzz_fail (const char *what,
           const char *detail)
{
  fprintf (stderr, "\nFUZZ INVARIANT FAILED: %s\n%s%s", what, detail ? detail : "",
           detail ? "\n" : "");
  fflush (stderr);
  abort ();
}

/* Fails with the first place where two byte strings differ, and the text
 * around it in both. */
static inline void
fuzz_assert_same_bytes (const char *what,
                        GBytes     *a,
                        GBytes     *b)
{
  gsize a_len, b_len, i = 0;
  const char *a_data = g_bytes_get_data (a, &a_len);
  const char *b_data = g_bytes_get_data (b, &b_len);
  g_autofree char *detail = NULL;
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;
  gsize from;

  if (g_bytes_equal (a, b))
    return;

  while (i < a_len && i < b_len && a_data[i] == b_data[i])
    i++;
  from = i > 120 ? i - 120 : 0;
  a_text = g_strndup (a_data + from, MIN (a_len - from, 240));
  b_text = g_strndup (b_data + from, MIN (b_len - from, 240));
  detail = g_strdup_printf ("lengths %" G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT
                            ", first difference at byte %" G_GSIZE_FORMAT
                            "\n--- first:\n%s\n--- second:\n%s",
                            a_len, b_len, i, a_text, b_text);
  fuzz_fail (what, detail);
}

static inline void
fuzz_assert_no_error (const char   *what,
                      const GError *error)
{
  if (error != NULL)
    fuzz_fail (what, error->message);
}

static inline HsStore *
fuzz_open_store (void)
{
  g_autoptr(GError) error = NULL;
  HsStore *store = hs_store_open (":memory:", &error);

  fuzz_assert_no_error ("opening an in-memory store", error);
  return store;
}

static inline gboolean
fuzz_import (HsStore           *store,
             const void        *data,
             gsize              size,
             HsImportFormat     format,
             HsConflictPolicy   policy,
             HsImportReport    *report,
             GError           **error)
{
  /* The stream reads the fuzzer's buffer in place: no copy, no NUL added. */
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);

  return hs_store_import_stream (store, stream, "fuzz", format, policy, report, NULL, error);
}

static inline GBytes *
fuzz_export (HsStore        *store,
             HsExportFormat  format)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (format == HS_EXPORT_FORMAT_CSV)
    ok = hs_store_export_csv (store, out, NULL, NULL, &error);
  else
    ok = hs_store_export_json (store, out, NULL, &error);
  fuzz_assert_no_error ("exporting", error);
  g_assert_true (ok);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* Makes @store hold exactly what @from holds, as SQLite's backup copies it:
 * much cheaper than opening a store and importing into it again, which is
 * what most of a successful input's time went to. The store then forgets
 * the speakers and sources it had loaded, as it does on a rollback. */
static inline void
fuzz_store_restore (HsStore *store,
                    HsStore *from)
{
  sqlite3 *db = hs_store_get_db (store);
  sqlite3_backup *backup = sqlite3_backup_init (db, "main", hs_store_get_db (from), "main");
  g_autoptr(GError) error = NULL;
  int rc;

  if (backup == NULL)
    fuzz_fail ("starting to restore a store", sqlite3_errmsg (db));
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    fuzz_fail ("restoring a store", sqlite3_errstr (rc));
  if (!hs_store_begin (store, &error))
    fuzz_fail ("beginning a transaction", error->message);
  hs_store_rollback (store);
}

/* The store with docs/examples/example.json in it: the speakers, sources
 * and topics a CSV file or a JSON file of claims can refer to. */
static inline HsStore *
fuzz_open_example_store (void)
{
  g_autofree char *path = fuzz_source_path ("docs/examples/example.json");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  HsImportReport report;
  HsStore *store = fuzz_open_store ();
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    fuzz_fail ("reading the example", error->message);
  if (!fuzz_import (store, contents, length, HS_IMPORT_FORMAT_JSON, HS_CONFLICT_FAIL, &report,
                    &error))
    fuzz_fail ("importing the example", error->message);
  return store;
}

static inline gint64
fuzz_count (HsStore      *store,
            HsObjectKind  kind)
{
  g_autoptr(GError) error = NULL;
  gint64 n = hs_store_count (store, kind, &error);

  fuzz_assert_no_error ("counting", error);
  return n;
}

/* Rows of each kind, in HsRecordKind order. */
static inline void
fuzz_count_all (HsStore *store,
                gint64   counts[HS_N_RECORD_KINDS])
{
  counts[HS_RECORD_SPEAKER] = fuzz_count (store, HS_OBJECT_SPEAKER);
  counts[HS_RECORD_SOURCE] = fuzz_count (store, HS_OBJECT_SOURCE);
  counts[HS_RECORD_TOPIC] = fuzz_count (store, HS_OBJECT_TOPIC);
  counts[HS_RECORD_CLAIM] = fuzz_count (store, HS_OBJECT_CLAIM);
  counts[HS_RECORD_RESOLUTION] = fuzz_count (store, HS_OBJECT_RESOLUTION);
}

/* Runs @sql, which must succeed and return no row: checks that report
 * problems as rows (foreign_key_check) or as errors (the FTS check). */
static inline void
fuzz_assert_no_rows (HsStore    *store,
                     const char *sql)
{
  sqlite3 *db = hs_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    fuzz_fail (sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *row = g_strdup_printf ("first row: %s", sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      fuzz_fail (sql, row);
    }
  if (rc != SQLITE_DONE)
    {
      g_autofree char *message = g_strdup (sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      fuzz_fail (sql, message);
    }
  sqlite3_finalize (stmt);
}

/* What must hold of a store after any import, whatever its outcome: no
 * transaction left open, no dangling reference, and a full-text index that
 * agrees with the claims it indexes. */
static inline void
fuzz_assert_store_consistent (HsStore *store)
{
  if (!sqlite3_get_autocommit (hs_store_get_db (store)))
    fuzz_fail ("a transaction was left open", NULL);
  fuzz_assert_no_rows (store, "PRAGMA foreign_key_check");
  fuzz_assert_no_rows (store,
                       "INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)");
}

/* The bytes of a NUL-terminated copy of the input, for APIs taking C
 * strings; an input with a NUL inside is read up to it. */
static inline char *
fuzz_strndup (const uint8_t *data,
              size_t         size)
{
  return g_strndup ((const char *) data, size);
}
