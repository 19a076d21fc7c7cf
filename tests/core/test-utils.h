/* test-utils.h: helpers shared by the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is static inline, so that a test that uses only part of it
 * builds without unused-function warnings.
 */

#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "hindsight-core.h"

/* Tests compare against "today"; meson pins it, and a run by hand (under
 * valgrind, say) pins the same day so that results do not drift. */
#define TEST_TODAY "2026-11-22"

static inline void
test_init_environment (void)
{
  if (g_getenv ("HINDSIGHT_TODAY") == NULL)
    g_setenv ("HINDSIGHT_TODAY", TEST_TODAY, TRUE);
  g_assert_cmpstr (g_getenv ("HINDSIGHT_TODAY"), ==, TEST_TODAY);
}

/* Drops the last reference to *@object_ptr and asserts that this finalized
 * it: a test that leaks a reference fails here, as in libadwaita's tests. */
static inline void
test_assert_finalize (gpointer object_ptr)
{
  GObject **object = object_ptr;

  g_assert_nonnull (*object);
  g_object_add_weak_pointer (*object, (gpointer *) object);
  g_object_unref (*object);
  g_assert_null (*object);
}

/* ---------------------------------------------------------------------- */
/* Files                                                                   */

static inline char *
test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hindsight-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

static inline void
test_remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      if (dir != NULL)
        {
          while ((name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *child = g_build_filename (path, name, NULL);
              test_remove_tree (child);
            }
          g_dir_close (dir);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    g_assert_cmpint (g_unlink (path), ==, 0);
}

static inline char *
test_read_file (const char *path,
                gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static inline void
test_write_file (const char *path,
                 const char *contents,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* tests/data, from the environment meson sets. */
static inline char *
test_data_path (const char *first,
                ...)
{
  const char *data = g_getenv ("HINDSIGHT_TEST_DATA");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  if (data == NULL)
    g_error ("HINDSIGHT_TEST_DATA is not set: run the tests with meson test");

  g_ptr_array_add (parts, (gpointer) data);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

/* docs/examples/example.json: tests/data is <repo>/tests/data. */
static inline char *
test_example_path (void)
{
  g_autofree char *path = test_data_path ("..", "..", "docs", "examples", "example.json", NULL);
  char *canonical = g_canonicalize_filename (path, NULL);

  g_assert_true (g_file_test (canonical, G_FILE_TEST_IS_REGULAR));
  return canonical;
}

/* ---------------------------------------------------------------------- */
/* Stores                                                                  */

static inline HsStore *
test_open_store (const char *dir,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  HsStore *store = hs_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static inline gboolean
test_import_data (HsStore           *store,
                  const char        *data,
                  gssize             length,
                  const char        *name,
                  HsImportFormat     format,
                  HsConflictPolicy   policy,
                  HsImportReport    *report,
                  GError           **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  HsImportReport scratch;

  return hs_store_import_stream (store, stream, name, format, policy,
                                 report != NULL ? report : &scratch, NULL, error);
}

/* Imports JSON that must import cleanly. */
static inline void
test_import_json (HsStore    *store,
                  const char *data)
{
  g_autoptr(GError) error = NULL;

  test_import_data (store, data, -1, "test.json", HS_IMPORT_FORMAT_JSON, HS_CONFLICT_FAIL, NULL,
                    &error);
  g_assert_no_error (error);
}

static inline void
test_import_example (HsStore *store)
{
  g_autofree char *path = test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HsImportReport report;

  hs_store_import_file (store, file, HS_IMPORT_FORMAT_AUTO, HS_CONFLICT_FAIL, &report, NULL,
                        &error);
  g_assert_no_error (error);
}

static inline char *
test_stream_to_string (GOutputStream *out)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_assert_true (g_output_stream_close (out, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

/* Everything the store holds, as the exchange format writes it: two stores
 * hold the same when these strings are equal. */
static inline char *
test_export_json (HsStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  hs_store_export_json (store, out, NULL, &error);
  g_assert_no_error (error);
  return test_stream_to_string (out);
}

static inline char *
test_export_csv (HsStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  hs_store_export_csv (store, out, NULL, NULL, &error);
  g_assert_no_error (error);
  return test_stream_to_string (out);
}

static inline gint64
test_count (HsStore      *store,
            HsObjectKind  kind)
{
  g_autoptr(GError) error = NULL;
  gint64 n = hs_store_count (store, kind, &error);

  g_assert_no_error (error);
  return n;
}

/* ---------------------------------------------------------------------- */
/* Property notifications, counted per property                            */

typedef struct
{
  GObject    *object;
  gulong      handler;
  GHashTable *counts;  /* property name → count */
  guint       total;
} TestNotifyLog;

static inline void
test_notify_cb (GObject    *object,
                GParamSpec *pspec,
                gpointer    user_data)
{
  TestNotifyLog *log = user_data;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, pspec->name));

  g_hash_table_insert (log->counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
  log->total++;
}

static inline TestNotifyLog *
test_notify_log_new (gpointer object)
{
  TestNotifyLog *log = g_new0 (TestNotifyLog, 1);

  log->object = object;
  log->counts = g_hash_table_new (g_str_hash, g_str_equal);
  log->handler = g_signal_connect (object, "notify", G_CALLBACK (test_notify_cb), log);
  return log;
}

static inline guint
test_notify_log_count (TestNotifyLog *log,
                       const char    *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

static inline void
test_notify_log_free (TestNotifyLog *log)
{
  g_signal_handler_disconnect (log->object, log->handler);
  g_hash_table_unref (log->counts);
  g_free (log);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestNotifyLog, test_notify_log_free)

static inline HsDate
test_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  HsDate date = { 0 };

  hs_date_parse (text, &date, &error);
  g_assert_no_error (error);
  return date;
}

static inline GDateTime *
test_time (const char *iso8601)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (time);
  return time;
}
