/* test-edit.c: a person's own edits: save, delete, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hindsight-core.h"
#include "test-utils.h"

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
  fixture->store = test_open_store (fixture->dir, "edit.db");
  test_import_example (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_assert_finalize (&fixture->store);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* A new speaker is added; saving it again with a change replaces it. */
static void
test_save_speaker (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HsSpeaker) speaker = hs_speaker_new ("new-person", "New Person");
  g_autoptr(HsSpeaker) stored = NULL;
  g_autoptr(GError) error = NULL;

  hs_speaker_set_native_name (speaker, "新人");
  hs_speaker_add_affiliation (speaker, hs_affiliation_new ("Lab", "Researcher", NULL, NULL));
  g_assert_true (hs_store_save_speaker (fixture->store, speaker, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->store, HS_OBJECT_SPEAKER), ==, 3);

  hs_speaker_set_name (speaker, "New Person Renamed");
  g_assert_true (hs_store_save_speaker (fixture->store, speaker, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->store, HS_OBJECT_SPEAKER), ==, 3);

  stored = hs_store_get_speaker (fixture->store, "new-person", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_speaker_get_name (stored), ==, "New Person Renamed");
  g_assert_cmpstr (hs_speaker_get_native_name (stored), ==, "新人");
  g_assert_cmpuint (hs_speaker_get_affiliations (stored)->len, ==, 1);

  test_assert_finalize (&speaker);
  /* The store keeps the speakers it hands out, shared by the claims it
   * loads; this one goes with the store in tear-down. */
  g_clear_object (&stored);
}

/* A change made through another connection (an import on a worker's, or
 * hindsight-cli while the app is open) is what this one reads next, not a
 * speaker it cached before. */
static void
test_other_connection_seen (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(HsStore) other = NULL;
  g_autoptr(HsSpeaker) before = NULL;
  g_autoptr(HsSpeaker) changed = NULL;
  g_autoptr(HsSpeaker) after = NULL;
  g_autoptr(GError) error = NULL;

  before = hs_store_get_speaker (fixture->store, "ada-example", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_speaker_get_name (before), !=, "Ada Renamed Elsewhere");

  other = test_open_store (fixture->dir, "edit.db");
  changed = hs_store_get_speaker (other, "ada-example", &error);
  g_assert_no_error (error);
  hs_speaker_set_name (changed, "Ada Renamed Elsewhere");
  g_assert_true (hs_store_save_speaker (other, changed, &error));
  g_assert_no_error (error);

  after = hs_store_get_speaker (fixture->store, "ada-example", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_speaker_get_name (after), ==, "Ada Renamed Elsewhere");
}

/* Each invalid record names the field to fix, and nothing is written. */
static void
test_validation_messages (Fixture       *fixture,
                          gconstpointer  data)
{
  static const struct {
    const char *id;
    const char *name;
    const char *field;
    const char *message;
  } speakers[] = {
    { "ok-id", NULL, "name", "name: this is required" },
    { "ok-id", "   ", "name", "name: this is required" },
    { "bad id!", "Name", "id", "id: use 1 to 128 of the characters" },
    { "", "Name", "id", "id: this is required" },
  };
  g_autofree char *before = test_export_json (fixture->store);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (speakers); i++)
    {
      g_autoptr(HsSpeaker) speaker = hs_speaker_new (speakers[i].id, speakers[i].name);
      g_autoptr(GError) error = NULL;
      const char *field = NULL;

      g_assert_false (hs_validate_speaker (speaker, &field, &error));
      g_assert_cmpstr (field, ==, speakers[i].field);
      g_assert_true (g_str_has_prefix (error->message, speakers[i].message));
      g_clear_error (&error);

      g_assert_false (hs_store_save_speaker (fixture->store, speaker, &error));
      g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_INVALID);
    }

  /* A claim naming things that do not exist, and a prediction whose words
   * are no horizon. */
  {
    g_autoptr(HsClaim) claim = hs_claim_new ("c-new", "nobody", "Text");
    g_autoptr(HsPrediction) prediction = hs_prediction_new ("whenever");
    g_autoptr(GError) error = NULL;
    HsDate stated = test_date ("2026-01-10");

    hs_claim_set_stated_on (claim, &stated);
    g_assert_false (hs_store_save_claim (fixture->store, claim, &error));
    g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "speaker: there is no speaker “nobody”");
    g_clear_error (&error);

    hs_claim_set_speaker_id (claim, "ada-example");
    hs_claim_set_prediction (claim, prediction);
    g_assert_false (hs_store_save_claim (fixture->store, claim, &error));
    g_assert_true (g_str_has_prefix (error->message, "prediction.horizon: "));
    g_assert_nonnull (strstr (error->message, "whenever"));
    g_clear_error (&error);

    hs_prediction_set_horizon (prediction, "next 4 months");
    hs_prediction_set_probability (prediction, 0.25);
    g_assert_true (hs_store_save_claim (fixture->store, claim, &error));
    g_assert_no_error (error);
    {
      g_autoptr(HsClaim) stored = hs_store_get_claim (fixture->store, "c-new", &error);
      HsDate latest = hs_prediction_get_latest (hs_claim_get_prediction (stored));
      char buf[HS_DATE_BUFSIZE];

      g_assert_cmpstr (hs_date_to_buffer (&latest, buf), ==, "2026-05-10");
      test_assert_finalize (&stored);
    }
  }

  /* Only the valid claim was written. */
  after = test_export_json (fixture->store);
  g_assert_cmpuint (strlen (after), >, strlen (before));
  g_assert_cmpint (test_count (fixture->store, HS_OBJECT_SPEAKER), ==, 2);
  g_assert_cmpint (test_count (fixture->store, HS_OBJECT_CLAIM), ==, 6);
}

/* A prediction with a history never silently becomes a plain claim. */
static void
test_history_kept (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsClaim) claim = hs_store_get_claim (fixture->store, "sample-podcast-7.bo-sample.01",
                                                 &error);

  g_assert_no_error (error);
  hs_claim_set_prediction (claim, NULL);
  g_assert_false (hs_store_save_claim (fixture->store, claim, &error));
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "prediction: "));
  g_assert_cmpint (test_count (fixture->store, HS_OBJECT_RESOLUTION), ==, 1);
  test_assert_finalize (&claim);
}

static gboolean
collect_id_cb (HsClaim  *claim,
               gpointer  user_data)
{
  g_ptr_array_add (user_data, g_strdup (hs_claim_get_id (claim)));
  return TRUE;
}

/* Everything the store holds, claim by claim (id → the claim in full as the
 * exchange format writes it), and the rest as one text: what an undo must
 * give back, whatever order the rows come back in. */
static GHashTable *
store_state (HsStore  *store,
             char    **rest)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GHashTable *claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *all = test_export_json (store);
  g_autoptr(GError) error = NULL;
  HsQuery query;

  *rest = g_strndup (all, strstr (all, "\"claims\"") - all);
  hs_query_init (&query);
  g_assert_true (hs_store_foreach_claim (store, &query, collect_id_cb, ids, &error));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, g_ptr_array_index (ids, i));
      g_assert_true (hs_store_export_selection (store, out, NULL, NULL, NULL, one, NULL, &error));
      g_hash_table_insert (claims, g_strdup (g_ptr_array_index (ids, i)), test_stream_to_string (out));
    }
  return claims;
}

static void
assert_same_state (GHashTable *a,
                   const char *a_rest,
                   GHashTable *b,
                   const char *b_rest)
{
  GHashTableIter iter;
  gpointer id, text;

  g_assert_cmpstr (a_rest, ==, b_rest);
  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &id, &text))
    g_assert_cmpstr (text, ==, g_hash_table_lookup (b, id));
}

/* Delete then undo gives back exactly what was there, for each kind. */
static void
test_delete_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct {
    HsObjectKind kind;
    const char  *id;
    gint64       dependents;
    gint64       claims_after;
  } cases[] = {
    /* Bo Sample's three claims go with him. */
    { HS_OBJECT_SPEAKER, "bo-sample", 3, 2 },
    /* The podcast's two claims go with it. */
    { HS_OBJECT_SOURCE, "sample-podcast-7", 2, 3 },
    /* The topic leaves the claims it tagged in place. */
    { HS_OBJECT_TOPIC, "open-source", 2, 5 },
    /* A claim with one history entry and one claim linking to it. */
    { HS_OBJECT_CLAIM, "sample-podcast-7.bo-sample.01", 2, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before_rest = NULL, *after_rest = NULL;
      g_autoptr(GHashTable) before = store_state (fixture->store, &before_rest);
      g_autoptr(GHashTable) after = NULL;
      g_autofree char *deleted_rest = NULL;
      g_autoptr(GHashTable) deleted = NULL;
      g_autoptr(GBytes) snapshot = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("deleting %s", cases[i].id);
      g_assert_cmpint (hs_store_count_dependents (fixture->store, cases[i].kind, cases[i].id, &error),
                       ==, cases[i].dependents);
      g_assert_no_error (error);

      snapshot = hs_store_delete (fixture->store, cases[i].kind, cases[i].id, &error);
      g_assert_no_error (error);
      g_assert_nonnull (snapshot);
      g_assert_cmpint (hs_store_find_id (fixture->store, cases[i].id, NULL), ==, HS_OBJECT_NONE);
      g_assert_cmpint (test_count (fixture->store, HS_OBJECT_CLAIM), ==, cases[i].claims_after);
      deleted = store_state (fixture->store, &deleted_rest);
      g_assert_true (g_strcmp0 (deleted_rest, before_rest) != 0 ||
                     g_hash_table_size (deleted) != g_hash_table_size (before) ||
                     cases[i].kind == HS_OBJECT_TOPIC);

      g_assert_true (hs_store_restore (fixture->store, snapshot, &error));
      g_assert_no_error (error);
      after = store_state (fixture->store, &after_rest);
      assert_same_state (before, before_rest, after, after_rest);
    }
}

/* Deleting what is not there says so and changes nothing. */
static void
test_delete_unknown (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *before = test_export_json (fixture->store);
  g_autofree char *after = NULL;
  g_autoptr(GBytes) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  snapshot = hs_store_delete (fixture->store, HS_OBJECT_SPEAKER, "nobody", &error);
  g_assert_null (snapshot);
  g_assert_error (error, HS_STORE_ERROR, HS_STORE_ERROR_NOT_FOUND);
  after = test_export_json (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

/* The scorecard's own facts survive closing and opening it again. */
static void
test_meta (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *unset = hs_store_get_meta (fixture->store, "last-due-notice", &error);
  g_autofree char *path = g_strdup (hs_store_get_path (fixture->store));
  g_autofree char *value = NULL;
  g_autofree char *removed = NULL;

  g_assert_no_error (error);
  g_assert_null (unset);
  g_assert_true (hs_store_set_meta (fixture->store, "last-due-notice", "2026-11-01", &error));
  g_assert_true (hs_store_set_meta (fixture->store, "last-due-notice", "2026-11-22", &error));
  g_assert_no_error (error);

  test_assert_finalize (&fixture->store);
  fixture->store = hs_store_open (path, &error);
  g_assert_no_error (error);
  value = hs_store_get_meta (fixture->store, "last-due-notice", &error);
  g_assert_cmpstr (value, ==, "2026-11-22");

  g_assert_true (hs_store_set_meta (fixture->store, "last-due-notice", NULL, &error));
  removed = hs_store_get_meta (fixture->store, "last-due-notice", &error);
  g_assert_null (removed);
}

int
main (int   argc,
      char *argv[])
{
  test_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/edit/save-speaker", Fixture, NULL, fixture_set_up, test_save_speaker,
              fixture_tear_down);
  g_test_add ("/core/edit/validation", Fixture, NULL, fixture_set_up, test_validation_messages,
              fixture_tear_down);
  g_test_add ("/core/edit/history-kept", Fixture, NULL, fixture_set_up, test_history_kept,
              fixture_tear_down);
  g_test_add ("/core/edit/delete-restore", Fixture, NULL, fixture_set_up, test_delete_and_restore,
              fixture_tear_down);
  g_test_add ("/core/edit/other-connection", Fixture, NULL, fixture_set_up,
              test_other_connection_seen, fixture_tear_down);
  g_test_add ("/core/edit/meta", Fixture, NULL, fixture_set_up, test_meta, fixture_tear_down);
  g_test_add ("/core/edit/delete-unknown", Fixture, NULL, fixture_set_up, test_delete_unknown,
              fixture_tear_down);

  return g_test_run ();
}
