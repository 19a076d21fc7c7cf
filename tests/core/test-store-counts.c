/* test-store-counts.c: grouped counts agree with the claims counted one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected number is computed here by walking the claims the store
 * lists (hs_store_foreach_claim()) and looking at each one, never by SQL.
 */

#include "test-utils.h"

typedef struct
{
  char    *dir;
  HsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  HsImportReport report;

  fixture->dir = test_make_tmp_dir ();
  fixture->store = test_open_store (fixture->dir, "counts.db");
  g_assert_true (hs_store_import_bundled (fixture->store, &report, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_assert_finalize (&fixture->store);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* What the test counts for one speaker and topic. */
typedef struct
{
  gint64 claims;
  gint64 predictions;
  gint64 newest;   /* the first claim met, newest first */
} Expected;

typedef struct
{
  HsStore    *store;
  GHashTable *cells;     /* "speaker\ttopic" → Expected */
  GHashTable *speakers;  /* speaker id → claims, as a gint64 in a pointer's room */
  GHashTable *only;      /* speaker ids to count, or NULL for all */
} Walk;

static gboolean
count_claim_cb (HsClaim  *claim,
                gpointer  user_data)
{
  Walk *walk = user_data;
  const char *speaker = hs_claim_get_speaker_id (claim);
  const char * const *topics = hs_claim_get_topics (claim);

  if (walk->only != NULL && !g_hash_table_contains (walk->only, speaker))
    return TRUE;

  g_hash_table_insert (walk->speakers, g_strdup (speaker),
                       GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (walk->speakers, speaker)) + 1));

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("%s\t%s", speaker, topics[i]);
      Expected *cell = g_hash_table_lookup (walk->cells, key);

      if (cell == NULL)
        {
          g_autoptr(GError) error = NULL;

          cell = g_new0 (Expected, 1);
          cell->newest = hs_store_get_claim_rowid (walk->store, hs_claim_get_id (claim), &error);
          g_assert_no_error (error);
          g_hash_table_insert (walk->cells, g_steal_pointer (&key), cell);
        }
      cell->claims++;
      if (hs_claim_get_prediction (claim) != NULL)
        cell->predictions++;
    }
  return TRUE;
}

/* Walks the claims @query lists, newest first, and counts them by hand. */
static void
walk_claims (Walk          *walk,
             HsStore       *store,
             const HsQuery *query,
             GHashTable    *only)
{
  g_autoptr(GError) error = NULL;
  HsQuery newest_first = *query;

  walk->store = store;
  walk->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  walk->speakers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk->only = only;
  newest_first.sort = HS_QUERY_SORT_NEWEST;
  g_assert_true (hs_store_foreach_claim (store, &newest_first, count_claim_cb, walk, &error));
  g_assert_no_error (error);
}

static void
walk_clear (Walk *walk)
{
  g_clear_pointer (&walk->cells, g_hash_table_unref);
  g_clear_pointer (&walk->speakers, g_hash_table_unref);
}

static void
assert_cells (GPtrArray *counts,
              Walk      *walk)
{
  g_assert_cmpuint (counts->len, ==, g_hash_table_size (walk->cells));
  for (guint i = 0; i < counts->len; i++)
    {
      HsClaimCount *count = g_ptr_array_index (counts, i);
      g_autofree char *key = g_strdup_printf ("%s\t%s", count->speaker_id, count->topic_id);
      Expected *cell = g_hash_table_lookup (walk->cells, key);

      g_assert_nonnull (cell);
      g_assert_cmpint (count->claims, ==, cell->claims);
      g_assert_cmpint (count->predictions, ==, cell->predictions);
      g_assert_cmpint (count->newest, ==, cell->newest);

      /* By speaker, then topic. */
      if (i > 0)
        {
          HsClaimCount *previous = g_ptr_array_index (counts, i - 1);
          int order = strcmp (previous->speaker_id, count->speaker_id);

          g_assert_true (order < 0 || (order == 0 && strcmp (previous->topic_id, count->topic_id) < 0));
        }
    }
}

static void
test_by_speaker_and_topic (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  Walk walk = { 0 };
  HsQuery query;
  gint64 total = 0;

  hs_query_init (&query);
  walk_claims (&walk, fixture->store, &query, NULL);
  counts = hs_store_count_by_speaker_and_topic (fixture->store, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (counts);
  /* The bundled dataset has claims on topics by several speakers. */
  g_assert_cmpuint (counts->len, >, 10);
  assert_cells (counts, &walk);
  for (guint i = 0; i < counts->len; i++)
    total += ((HsClaimCount *) g_ptr_array_index (counts, i))->predictions;
  g_assert_cmpint (total, >, 0);
  walk_clear (&walk);
}

/* The filters are the lists' own: a stated-date range and a search. */
static void
test_by_speaker_and_topic_filtered (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  static const struct {
    const char *search;
    int         status;
    HsQueryKind kind;
    gboolean    dated;
  } cases[] = {
    { "model", -1, HS_QUERY_KIND_ALL, FALSE },
    { "模型即产品", -1, HS_QUERY_KIND_ALL, FALSE },
    { NULL, -1, HS_QUERY_KIND_ALL, TRUE },
    { NULL, HS_STATUS_OPEN, HS_QUERY_KIND_ALL, FALSE },
    { NULL, -1, HS_QUERY_KIND_CLAIMS, FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) counts = NULL;
      Walk walk = { 0 };
      HsQuery query;

      hs_query_init (&query);
      query.search = cases[c].search;
      query.status = cases[c].status;
      query.kind = cases[c].kind;
      if (cases[c].dated)
        {
          query.stated_from = hs_date_new_day (2025, 1, 1);
          query.stated_to = hs_date_new_month (2025, 12);
        }
      walk_claims (&walk, fixture->store, &query, NULL);
      counts = hs_store_count_by_speaker_and_topic (fixture->store, &query, NULL, &error);
      g_assert_no_error (error);
      if (counts->len == 0)
        g_error ("case %u finds nothing", c);
      assert_cells (counts, &walk);
      walk_clear (&walk);
    }
}

static int
compare_claims_then_name (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  HsStore *store = user_data;
  const char *x = *(const char **) a, *y = *(const char **) b;
  GHashTable *speakers = g_object_get_data (G_OBJECT (store), "test-speakers");
  gint64 nx = GPOINTER_TO_INT (g_hash_table_lookup (speakers, x));
  gint64 ny = GPOINTER_TO_INT (g_hash_table_lookup (speakers, y));
  g_autoptr(HsSpeaker) sx = NULL;
  g_autoptr(HsSpeaker) sy = NULL;
  int order;

  if (nx != ny)
    return nx > ny ? -1 : 1;
  sx = hs_store_get_speaker (store, x, NULL);
  sy = hs_store_get_speaker (store, y, NULL);
  order = strcmp (hs_speaker_get_name (sx), hs_speaker_get_name (sy));
  return order != 0 ? order : strcmp (x, y);
}

static void
test_by_speaker (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  Walk walk = { 0 };
  GHashTableIter iter;
  gpointer key;
  HsQuery query;

  hs_query_init (&query);
  walk_claims (&walk, fixture->store, &query, NULL);
  counts = hs_store_count_by_speaker (fixture->store, &query, &error);
  g_assert_no_error (error);

  /* Most claims first, then by name: sorted here by the counts walked. */
  g_hash_table_iter_init (&iter, walk.speakers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (expected, key);
  g_object_set_data (G_OBJECT (fixture->store), "test-speakers", walk.speakers);
  g_ptr_array_sort_with_data (expected, compare_claims_then_name, fixture->store);
  g_object_set_data (G_OBJECT (fixture->store), "test-speakers", NULL);

  g_assert_cmpuint (counts->len, ==, expected->len);
  g_assert_cmpuint (counts->len, >, 3);
  for (guint i = 0; i < counts->len; i++)
    {
      HsClaimCount *count = g_ptr_array_index (counts, i);
      const char *id = g_ptr_array_index (expected, i);

      g_assert_cmpstr (count->speaker_id, ==, id);
      g_assert_cmpint (count->claims, ==, GPOINTER_TO_INT (g_hash_table_lookup (walk.speakers, id)));
      g_assert_cmpint (count->predictions, ==, -1);
      g_assert_null (count->topic_id);
    }
  walk_clear (&walk);
}

/* Only the speakers asked for, as the stance matrix asks. */
static void
test_only_some_speakers (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) by_speaker = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GHashTable) only = g_hash_table_new (g_str_hash, g_str_equal);
  const char *ids[3] = { NULL, NULL, NULL };
  const char *none[1] = { NULL };
  Walk walk = { 0 };
  HsQuery query;

  hs_query_init (&query);
  by_speaker = hs_store_count_by_speaker (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_speaker->len, >=, 3);
  /* The second and third most talkative, not the first. */
  ids[0] = ((HsClaimCount *) g_ptr_array_index (by_speaker, 1))->speaker_id;
  ids[1] = ((HsClaimCount *) g_ptr_array_index (by_speaker, 2))->speaker_id;
  g_hash_table_add (only, (gpointer) ids[0]);
  g_hash_table_add (only, (gpointer) ids[1]);

  walk_claims (&walk, fixture->store, &query, only);
  counts = hs_store_count_by_speaker_and_topic (fixture->store, &query, ids, &error);
  g_assert_no_error (error);
  assert_cells (counts, &walk);
  for (guint i = 0; i < counts->len; i++)
    g_assert_true (g_hash_table_contains (only, ((HsClaimCount *) g_ptr_array_index (counts, i))->speaker_id));
  walk_clear (&walk);

  g_clear_pointer (&counts, g_ptr_array_unref);
  counts = hs_store_count_by_speaker_and_topic (fixture->store, &query, none, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 0);
}

typedef struct
{
  HsDate before[2];
  gint64 counts[3];
} DueWalk;

static gboolean
count_due_cb (HsClaim  *claim,
              gpointer  user_data)
{
  DueWalk *walk = user_data;
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  HsDate latest, due;

  g_assert_nonnull (prediction);
  /* A prediction is due by the last day its latest date covers. */
  latest = hs_prediction_get_latest (prediction);
  due = hs_date_last_day (&latest);
  for (guint i = 0; i < 2; i++)
    {
      HsDate before = hs_date_first_day (&walk->before[i]);

      if (hs_date_is_set (&latest) && hs_date_compare (&due, &before) < 0)
        walk->counts[i]++;
    }
  walk->counts[2]++;
  return TRUE;
}

static void
test_due_before (Fixture       *fixture,
                 gconstpointer  user_data)
{
  static const int statuses[] = { -1, HS_STATUS_OPEN, HS_STATUS_CONFIRMED };

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    for (guint by_speaker = 0; by_speaker < 2; by_speaker++)
      {
        g_autoptr(GError) error = NULL;
        DueWalk walk = { { hs_date_new_day (2026, 1, 1), hs_date_new_day (2026, 11, 22) }, { 0 } };
        gint64 counts[3] = { -1, -1, -1 };
        HsQuery query;

        hs_query_init (&query);
        query.kind = HS_QUERY_KIND_PREDICTIONS;
        query.status = statuses[s];
        query.sort = HS_QUERY_SORT_DUE;
        if (by_speaker)
          query.speaker_id = "yang-zhilin";
        g_assert_true (hs_store_foreach_claim (fixture->store, &query, count_due_cb, &walk, &error));
        g_assert_no_error (error);

        g_assert_true (hs_store_count_due_before (fixture->store, &query, walk.before, 2, counts, &error));
        g_assert_no_error (error);
        g_assert_cmpint (counts[0], ==, walk.counts[0]);
        g_assert_cmpint (counts[1], ==, walk.counts[1]);
        g_assert_cmpint (counts[2], ==, walk.counts[2]);
        if (statuses[s] < 0 && !by_speaker)
          g_assert_cmpint (counts[0], <, counts[1]);
      }
}

int
main (int   argc,
      char *argv[])
{
  test_init_environment ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/counts/by-speaker-and-topic", test_by_speaker_and_topic);
  ADD ("/core/counts/by-speaker-and-topic/filtered", test_by_speaker_and_topic_filtered);
  ADD ("/core/counts/by-speaker", test_by_speaker);
  ADD ("/core/counts/only-some-speakers", test_only_some_speakers);
  ADD ("/core/counts/due-before", test_due_before);

#undef ADD

  return g_test_run ();
}
