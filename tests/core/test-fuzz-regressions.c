/* test-fuzz-regressions.c: every input a fuzzer ever failed on, replayed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fuzz targets of tests/fuzz are included here whole, without their
 * libFuzzer entry points, so that each input goes through the very function
 * the fuzzer called, with the same invariants. tools/fuzz copies what it
 * finds to tests/fuzz/regressions/TARGET/; the seed corpora are replayed
 * too, so that every build checks the invariants on real files, not only
 * the clang build that fuzzes.
 *
 * A failed invariant aborts with "FUZZ INVARIANT FAILED: …" after the name
 * of the input, as in the fuzzer.
 */

#define FUZZ_NO_LIBFUZZER_ENTRY

#include "../fuzz/fuzz-import-json.c"
#include "../fuzz/fuzz-import-csv.c"
#include "../fuzz/fuzz-date-horizon.c"
#include "../fuzz/fuzz-search.c"

typedef int (*OneInputFunc) (const uint8_t *data,
                             size_t         size);

typedef struct
{
  const char   *target;
  OneInputFunc  one_input;
} Target;

static const Target targets[] = {
  { "fuzz-import-json", fuzz_import_json_one_input },
  { "fuzz-import-csv", fuzz_import_csv_one_input },
  { "fuzz-date-horizon", fuzz_date_horizon_one_input },
  { "fuzz-search", fuzz_search_one_input },
};

typedef struct
{
  const Target *target;
  const char   *folder;  /* "regressions" or "corpus" */
} Replay;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
test_replay (gconstpointer data)
{
  const Replay *replay = data;
  g_autofree char *relative = g_build_filename ("tests", "fuzz", replay->folder,
                                                replay->target->target, NULL);
  g_autofree char *folder = fuzz_source_path (relative);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no inputs: the fuzzer has found nothing in this target yet");
      return;
    }
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  if (names->len == 0)
    {
      g_test_skip ("no inputs: the fuzzer has found nothing in this target yet");
      return;
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);
      g_test_message ("replaying %s", path);
      /* The fuzzer hands over exactly the file's bytes, in a buffer of
       * their size: a copy, so that ASan sees any read past the end. */
      {
        g_autofree uint8_t *exact = g_malloc (MAX (length, 1));

        memcpy (exact, contents, length);
        g_assert_cmpint (replay->target->one_input (exact, length), ==, 0);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  static Replay replays[G_N_ELEMENTS (targets) * 2];

  g_test_init (&argc, &argv, NULL);
  fuzz_init_environment ();

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *regressions = g_strdup_printf ("/core/fuzz/regressions/%s",
                                                      targets[i].target);
      g_autofree char *corpus = g_strdup_printf ("/core/fuzz/corpus/%s", targets[i].target);

      replays[2 * i] = (Replay) { &targets[i], "regressions" };
      replays[2 * i + 1] = (Replay) { &targets[i], "corpus" };
      g_test_add_data_func (regressions, &replays[2 * i], test_replay);
      g_test_add_data_func (corpus, &replays[2 * i + 1], test_replay);
    }

  return g_test_run ();
}
