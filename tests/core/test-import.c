/* test-import.c: importing and exporting exchange files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "hs-store-private.h"
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
  fixture->store = test_open_store (fixture->dir, "scorecard.db");
}

static void
fixture_set_up_example (Fixture       *fixture,
                        gconstpointer  data)
{
  fixture_set_up (fixture, data);
  test_import_example (fixture->store);
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

static HsImportReport
import_ok (HsStore          *store,
           const char       *data,
           HsImportFormat    format,
           HsConflictPolicy  policy)
{
  g_autoptr(GError) error = NULL;
  HsImportReport report;

  memset (&report, 0xff, sizeof report);
  g_assert_true (test_import_data (store, data, -1, format == HS_IMPORT_FORMAT_CSV ? "in.csv" : "in.json",
                                   format, policy, &report, &error));
  g_assert_no_error (error);
  return report;
}

/* "speakers 2/0/0/0 …": added/updated/unchanged/skipped for each kind, so a
 * whole report compares as one string. */
static char *
report_text (const HsImportReport *report)
{
  static const char *kinds[] = { "speakers", "sources", "topics", "claims", "resolutions" };
  GString *out = g_string_new (NULL);

  for (guint kind = 0; kind < HS_N_RECORD_KINDS; kind++)
    g_string_append_printf (out, "%s%s %u/%u/%u/%u", kind > 0 ? ", " : "", kinds[kind],
                            report->counts[kind][HS_OUTCOME_ADDED],
                            report->counts[kind][HS_OUTCOME_UPDATED],
                            report->counts[kind][HS_OUTCOME_UNCHANGED],
                            report->counts[kind][HS_OUTCOME_SKIPPED]);
  return g_string_free (out, FALSE);
}

static char *
example_text (void)
{
  g_autofree char *path = test_example_path ();

  return test_read_file (path, NULL);
}

/* The example with one piece of text replaced, which must be there once. */
static char *
example_with (const char *old,
              const char *replacement)
{
  g_autofree char *text = example_text ();
  g_autoptr(GString) out = g_string_new (text);

  g_assert_cmpuint (g_string_replace (out, old, replacement, 0), ==, 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---------------------------------------------------------------------- */
/* Importing what is good                                                  */

static void
test_import_example_counts (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *text = example_text ();
  HsImportReport report = import_ok (fixture->store, text, HS_IMPORT_FORMAT_JSON, HS_CONFLICT_FAIL);
  g_autofree char *counts = report_text (&report);
  g_autofree char *summary = hs_import_report_to_string (&report);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsClaim) compute = NULL;
  g_autoptr(HsClaim) chance = NULL;
  g_autoptr(HsClaim) week = NULL;
  HsDate date;
  char buf[HS_DATE_BUFSIZE];

  g_assert_cmpstr (counts, ==, "speakers 2/0/0/0, sources 2/0/0/0, topics 3/0/0/0, "
                               "claims 5/0/0/0, resolutions 1/0/0/0");
  g_assert_cmpuint (report.predictions_added, ==, 4);
  g_assert_cmpstr (summary, ==, "added 2 speakers, 2 sources, 3 topics, 5 claims (4 predictions), "
                                "1 resolution");

  /* Defaults filled in: the date from the source's event, the window from
   * the horizon, a coarse window widened to whole days. */
  week = hs_store_get_claim (fixture->store, "example-summit-2026.ada-example.01", &error);
  g_assert_no_error (error);
  date = hs_claim_get_stated_on (week);
  g_assert_cmpstr (hs_date_to_buffer (&date, buf), ==, "2026-01-10");
  date = hs_prediction_get_latest (hs_claim_get_prediction (week));
  g_assert_cmpstr (hs_date_to_buffer (&date, buf), ==, "2026-12-31");

  chance = hs_store_get_claim (fixture->store, "example-summit-2026.ada-example.02", &error);
  g_assert_no_error (error);
  date = hs_prediction_get_earliest (hs_claim_get_prediction (chance));
  g_assert_cmpstr (hs_date_to_buffer (&date, buf), ==, "2029-01-10");
  date = hs_prediction_get_latest (hs_claim_get_prediction (chance));
  g_assert_cmpstr (hs_date_to_buffer (&date, buf), ==, "2031-01-10");
  g_assert_cmpfloat (hs_prediction_get_probability (hs_claim_get_prediction (chance)), ==, 0.2);

  compute = hs_store_get_claim (fixture->store, "sample-podcast-7.bo-sample.02", &error);
  g_assert_no_error (error);
  date = hs_prediction_get_earliest (hs_claim_get_prediction (compute));
  g_assert_cmpstr (hs_date_to_buffer (&date, buf), ==, "2026-10-01");
  date = hs_prediction_get_latest (hs_claim_get_prediction (compute));
  g_assert_cmpstr (hs_date_to_buffer (&date, buf), ==, "2027-04-30");
  date = hs_claim_get_stated_on (compute);
  g_assert_cmpstr (hs_date_to_buffer (&date, buf), ==, "~2025-10");

  test_assert_finalize (&week);
  test_assert_finalize (&chance);
  test_assert_finalize (&compute);
}

static void
test_import_idempotent (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *text = example_text ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *counts = NULL;
  HsImportReport report;

  import_ok (fixture->store, text, HS_IMPORT_FORMAT_JSON, HS_CONFLICT_FAIL);
  first = test_export_json (fixture->store);

  report = import_ok (fixture->store, text, HS_IMPORT_FORMAT_JSON, HS_CONFLICT_FAIL);
  counts = report_text (&report);
  g_assert_cmpstr (counts, ==, "speakers 0/0/2/0, sources 0/0/2/0, topics 0/0/3/0, "
                               "claims 0/0/5/0, resolutions 0/0/1/0");
  g_assert_cmpuint (hs_import_report_total (&report, HS_OUTCOME_ADDED), ==, 0);
  g_assert_cmpuint (hs_import_report_total (&report, HS_OUTCOME_UNCHANGED), ==, 13);
  second = test_export_json (fixture->store);
  g_assert_cmpstr (second, ==, first);

  /* Entries without an id get one from their content, so they too are
   * found again rather than added twice. */
  {
    static const char doc[] =
      "{ \"format\": \"hindsight\", \"version\": 1, \"claims\": [\n"
      "  { \"id\": \"example-summit-2026.ada-example.01\", \"speaker\": \"ada-example\",\n"
      "    \"source\": \"example-summit-2026\",\n"
      "    \"text\": \"Agents will do a full week of a person's work before the year is out.\",\n"
      "    \"quote\": \"By the end of this year, I expect agents to handle a full week of normal human work.\",\n"
      "    \"original_text\": \"到今年年底，我预计智能体能完成一个人一周的正常工作。\",\n"
      "    \"original_language\": \"zh\", \"locator\": \"Panel, topic three\", \"topics\": [\"agents\"],\n"
      "    \"prediction\": { \"horizon\": \"this year\", \"confidence\": \"I expect\",\n"
      "      \"resolutions\": [ { \"status\": \"partial\", \"on\": \"2026-09-01\",\n"
      "                          \"evidence\": \"Three days, not five.\" } ] } } ] }\n";
    g_autofree char *after_first = NULL;
    g_autofree char *after_second = NULL;

    report = import_ok (fixture->store, doc, HS_IMPORT_FORMAT_JSON, HS_CONFLICT_FAIL);
    g_clear_pointer (&counts, g_free);
    counts = report_text (&report);
    g_assert_cmpstr (counts, ==, "speakers 0/0/0/0, sources 0/0/0/0, topics 0/0/0/0, "
                                 "claims 0/0/1/0, resolutions 1/0/0/0");
    after_first = test_export_json (fixture->store);

    report = import_ok (fixture->store, doc, HS_IMPORT_FORMAT_JSON, HS_CONFLICT_FAIL);
    g_clear_pointer (&counts, g_free);
    counts = report_text (&report);
    g_assert_cmpstr (counts, ==, "speakers 0/0/0/0, sources 0/0/0/0, topics 0/0/0/0, "
                                 "claims 0/0/1/0, resolutions 0/0/1/0");
    after_second = test_export_json (fixture->store);
    g_assert_cmpstr (after_second, ==, after_first);
    g_assert_cmpint (test_count (fixture->store, HS_OBJECT_RESOLUTION), ==, 2);
  }
}

/* Export, import into an empty store, export again: the same bytes. */
static void
check_json_round_trip (Fixture *fixture,
                       HsStore *source)
{
  g_autofree char *first = test_export_json (source);
  g_autofree char *second = NULL;
  HsStore *copy = test_open_store (fixture->dir, "copy.db");
  HsImportReport report;

  report = import_ok (copy, first, HS_IMPORT_FORMAT_JSON, HS_CONFLICT_FAIL);
  g_assert_cmpuint (hs_import_report_total (&report, HS_OUTCOME_ADDED), ==,
                    test_count (source, HS_OBJECT_SPEAKER) + test_count (source, HS_OBJECT_SOURCE) +
                    test_count (source, HS_OBJECT_TOPIC) + test_count (source, HS_OBJECT_CLAIM) +
                    test_count (source, HS_OBJECT_RESOLUTION));
  second = test_export_json (copy);
  g_assert_cmpstr (second, ==, first);

  test_assert_finalize (&copy);
}

static void
test_round_trip_json (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsResolution) resolution = NULL;
  g_autoptr(GDateTime) when = test_time ("2026-06-02T09:30:00Z");
  HsDate on = test_date ("2026-06");

  /* A history with an entry of month precision and one the store dated. */
  resolution = hs_resolution_new ("r-month", HS_STATUS_PARTIAL, &on);
  hs_resolution_set_recorded_at (resolution, when);
  hs_resolution_set_evidence (resolution, "Half of it, \"quoted\" and \\ escaped\n on two lines.");
  g_assert_true (hs_store_add_resolution (fixture->store, "example-summit-2026.ada-example.01",
                                          resolution, &error));
  g_assert_no_error (error);

  check_json_round_trip (fixture, fixture->store);
  test_assert_finalize (&resolution);
}

static void
test_round_trip_bundled (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HsImportReport report;

  g_assert_true (hs_store_import_bundled (fixture->store, &report, &error));
  g_assert_no_error (error);
  check_json_round_trip (fixture, fixture->store);
}

/* Speakers, sources and topics of @from, written into @to directly: what a
 * store must hold before a CSV of predictions can name them. */
static void
copy_references (HsStore *from,
                 HsStore *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) speakers = hs_store_list_speakers (from, NULL, &error);
  g_autoptr(GPtrArray) sources = hs_store_list_sources (from, NULL, &error);
  g_autoptr(GPtrArray) topics = hs_store_list_topics (from, &error);

  g_assert_no_error (error);
  g_assert_true (hs_store_begin (to, &error));
  for (guint i = 0; i < speakers->len; i++)
    g_assert_true (hs_store_write_speaker (to, g_ptr_array_index (speakers, i), FALSE, &error));
  for (guint i = 0; i < sources->len; i++)
    g_assert_true (hs_store_write_source (to, g_ptr_array_index (sources, i), FALSE, &error));
  for (guint i = 0; i < topics->len; i++)
    g_assert_true (hs_store_write_topic (to, g_ptr_array_index (topics, i), FALSE, &error));
  g_assert_true (hs_store_commit (to, &error));
  g_assert_no_error (error);
}

typedef struct
{
  HsStore   *other;
  guint      n;
} CompareData;

static gboolean
compare_prediction_cb (HsClaim  *claim,
                       gpointer  user_data)
{
  CompareData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsClaim) other = hs_store_get_claim (data->other, hs_claim_get_id (claim), &error);
  HsPrediction *a = hs_claim_get_prediction (claim);
  HsPrediction *b;
  HsResolution *current_a, *current_b;

  g_assert_no_error (error);
  g_test_message ("prediction %s", hs_claim_get_id (claim));
  g_assert_null (hs_claim_differs (claim, other));
  b = hs_claim_get_prediction (other);
  g_assert_cmpint (hs_prediction_get_status (b), ==, hs_prediction_get_status (a));
  current_a = hs_prediction_get_current (a);
  current_b = hs_prediction_get_current (b);
  g_assert_true ((current_a == NULL) == (current_b == NULL));
  if (current_a != NULL)
    {
      HsDate on_a = hs_resolution_get_on (current_a);
      HsDate on_b = hs_resolution_get_on (current_b);

      g_assert_true (hs_date_equal (&on_a, &on_b));
      g_assert_cmpstr (hs_resolution_get_evidence (current_b), ==,
                       hs_resolution_get_evidence (current_a));
      g_assert_cmpstr (hs_resolution_get_url (current_b), ==, hs_resolution_get_url (current_a));
    }
  data->n++;
  return TRUE;
}

static void
test_round_trip_csv (Fixture       *fixture,
                     gconstpointer  data)
{
  /* Text a spreadsheet would run as a formula, quotes, commas and lines. */
  static const char extra[] =
    "{ \"format\": \"hindsight\", \"version\": 1, \"claims\": [\n"
    "  { \"id\": \"formula-1\", \"speaker\": \"ada-example\", \"stated_on\": \"2026-02-01\",\n"
    "    \"text\": \"=HYPERLINK(\\\"https://evil.example\\\",\\\"click\\\")\",\n"
    "    \"quote\": \"+cmd|' /C calc'!A0\", \"locator\": \"@SUM(1+1)\",\n"
    "    \"original_text\": \"-2+3\", \"topics\": [\"agents\", \"china-us\"],\n"
    "    \"prediction\": { \"horizon\": \"next year\", \"probability\": 0.35,\n"
    "                    \"confidence\": \"'=quoted, with a comma\\nand a line\" } },\n"
    "  { \"id\": \"formula-2\", \"speaker\": \"bo-sample\", \"source\": \"sample-podcast-7\",\n"
    "    \"text\": \"''=two apostrophes\", \"quote\": \"'plain apostrophe\",\n"
    "    \"prediction\": { \"horizon\": \"eventually\",\n"
    "      \"resolutions\": [ { \"status\": \"confirmed\", \"on\": \"2026-03-01\",\n"
    "                          \"evidence\": \"@once\", \"url\": \"https://example.org/x\" } ] } } ] }\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *again = NULL;
  g_autofree char *counts = NULL;
  HsStore *copy;
  HsImportReport report;
  CompareData compare = { NULL, 0 };
  HsQuery query;

  import_ok (fixture->store, extra, HS_IMPORT_FORMAT_JSON, HS_CONFLICT_FAIL);
  csv = test_export_csv (fixture->store);

  /* The exported sheet cannot run anything. */
  g_assert_nonnull (strstr (csv, "'=HYPERLINK("));
  g_assert_nonnull (strstr (csv, "'+cmd"));
  g_assert_nonnull (strstr (csv, "'@SUM"));
  g_assert_null (strstr (csv, ",=HYPERLINK"));

  copy = test_open_store (fixture->dir, "copy.db");
  copy_references (fixture->store, copy);
  report = import_ok (copy, csv, HS_IMPORT_FORMAT_CSV, HS_CONFLICT_FAIL);
  counts = report_text (&report);
  g_assert_cmpstr (counts, ==, "speakers 0/0/0/0, sources 0/0/0/0, topics 0/0/0/0, "
                               "claims 6/0/0/0, resolutions 2/0/0/0");
  g_assert_cmpuint (report.predictions_added, ==, 6);

  hs_query_init (&query);
  query.kind = HS_QUERY_KIND_PREDICTIONS;
  compare.other = copy;
  g_assert_true (hs_store_foreach_claim (fixture->store, &query, compare_prediction_cb, &compare,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpuint (compare.n, ==, 6);
  g_assert_cmpint (test_count (copy, HS_OBJECT_CLAIM), ==, 6);

  /* And the sheet the copy writes is the same sheet. */
  again = test_export_csv (copy);
  g_assert_cmpstr (again, ==, csv);

  test_assert_finalize (&copy);
}

/* Text is text: direction overrides, invisible characters and markup are
 * kept byte for byte, and come back the same from a round trip. */
static void
test_import_text_kept (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char doc[] =
    "{ \"format\": \"hindsight\", \"version\": 1,\n"
    "  \"speakers\": [ { \"id\": \"mallory\", \"name\": \"<b>Mallory</b> &amp;\",\n"
    "                  \"native_name\": \"\\u202Eyrollam\\u202C\", \"aliases\": [\"zero\\u200Bwidth\"] } ],\n"
    "  \"claims\": [ { \"id\": \"markup\", \"speaker\": \"mallory\", \"stated_on\": \"2026-02-01\",\n"
    "    \"text\": \"<script>alert(1)</script> <i>&lt;</i> %s %n \\u202Ereversed\\u202C\",\n"
    "    \"quote\": \"a\\u200Bb\\u200Dc\\uFEFFd \\ud83d\\ude42\",\n"
    "    \"locator\": \"<a href=\\\"javascript:alert(1)\\\">here</a>\" } ] }\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HsClaim) claim = NULL;
  g_autoptr(HsSpeaker) speaker = NULL;

  import_ok (fixture->store, doc, HS_IMPORT_FORMAT_JSON, HS_CONFLICT_FAIL);

  claim = hs_store_get_claim (fixture->store, "markup", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_claim_get_text (claim), ==,
                   "<script>alert(1)</script> <i>&lt;</i> %s %n \xe2\x80\xae" "reversed\xe2\x80\xac");
  g_assert_cmpstr (hs_claim_get_quote (claim), ==,
                   "a\xe2\x80\x8b" "b\xe2\x80\x8d" "c\xef\xbb\xbf" "d \xf0\x9f\x99\x82");
  g_assert_cmpstr (hs_claim_get_locator (claim), ==, "<a href=\"javascript:alert(1)\">here</a>");

  speaker = hs_store_get_speaker (fixture->store, "mallory", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_speaker_get_name (speaker), ==, "<b>Mallory</b> &amp;");
  g_assert_cmpstr (hs_speaker_get_native_name (speaker), ==, "\xe2\x80\xaeyrollam\xe2\x80\xac");
  g_assert_cmpstr (hs_speaker_get_aliases (speaker)[0], ==, "zero\xe2\x80\x8bwidth");

  check_json_round_trip (fixture, fixture->store);
  test_assert_finalize (&claim);
}

/* ---------------------------------------------------------------------- */
/* Merging by id                                                           */

static void
test_merge_conflict (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *changed = example_with ("\"locator\": \"Panel, topic three\"",
                                           "\"locator\": \"Panel, topic 3\"");
  g_autofree char *before = test_export_json (fixture->store);
  g_autofree char *after = NULL;
  g_autofree char *counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsClaim) claim = NULL;
  HsImportReport report;

  /* By default, a conflict names the id and the field, and writes nothing. */
  g_assert_false (test_import_data (fixture->store, changed, -1, "mine.json", HS_IMPORT_FORMAT_JSON,
                                    HS_CONFLICT_FAIL, &report, &error));
  g_assert_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (error->message, "mine.json:52:5: claims[0]: "));
  g_assert_nonnull (strstr (error->message, "“example-summit-2026.ada-example.01”"));
  g_assert_nonnull (strstr (error->message, "a different locator"));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);
  after = test_export_json (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Keep: the stored record stays, reported as skipped. */
  report = import_ok (fixture->store, changed, HS_IMPORT_FORMAT_JSON, HS_CONFLICT_KEEP);
  counts = report_text (&report);
  g_assert_cmpstr (counts, ==, "speakers 0/0/2/0, sources 0/0/2/0, topics 0/0/3/0, "
                               "claims 0/0/4/1, resolutions 0/0/1/0");
  after = test_export_json (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Replace: the file's version is stored, reported as updated. */
  report = import_ok (fixture->store, changed, HS_IMPORT_FORMAT_JSON, HS_CONFLICT_REPLACE);
  g_clear_pointer (&counts, g_free);
  counts = report_text (&report);
  g_assert_cmpstr (counts, ==, "speakers 0/0/2/0, sources 0/0/2/0, topics 0/0/3/0, "
                               "claims 0/1/4/0, resolutions 0/0/1/0");
  claim = hs_store_get_claim (fixture->store, "example-summit-2026.ada-example.01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_claim_get_locator (claim), ==, "Panel, topic 3");
  /* The rest of the claim, and its place in the list, are as before. */
  g_assert_cmpstr (hs_claim_get_text (claim), ==,
                   "Agents will do a full week of a person's work before the year is out.");
  after = test_export_json (fixture->store);
  g_assert_cmpstr (after, !=, before);
  {
    g_autoptr(GString) expected = g_string_new (before);

    g_string_replace (expected, "Panel, topic three", "Panel, topic 3", 0);
    g_assert_cmpstr (after, ==, expected->str);
  }

  test_assert_finalize (&claim);
}

/* Conflicts in every kind of record, each named. */
static void
test_merge_conflict_kinds (Fixture       *fixture,
                           gconstpointer  data)
{
  static const struct
  {
    const char *old;
    const char *new;
    const char *message;
  } cases[] = {
    { "\"name\": \"Bo Sample\"", "\"name\": \"Bo Sampler\"", "the speaker “bo-sample” is already in the database with a different name" },
    { "\"publisher\": \"Sample Podcast\"", "\"publisher\": \"Sample Media\"", "the source “sample-podcast-7” is already in the database with a different publisher" },
    { "{ \"zh\": \"开源\" }", "{ \"zh\": \"開源\" }", "the topic “open-source” is already in the database with a different translations" },
    { "\"probability\": 0.2", "\"probability\": 0.25", "with a different prediction.probability" },
    { "\"horizon\": \"next year\"", "\"horizon\": \"next year\", \"latest\": \"2027-06\"", "with a different prediction.latest" },
  };
  g_autofree char *before = test_export_json (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *changed = example_with (cases[i].old, cases[i].new);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].message);
      g_assert_false (test_import_data (fixture->store, changed, -1, "mine.json",
                                        HS_IMPORT_FORMAT_JSON, HS_CONFLICT_FAIL, NULL, &error));
      g_assert_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_CONFLICT);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      after = test_export_json (fixture->store);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_merge_resolutions (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *appended = example_with (
    "\"recorded_at\": \"2026-01-14T09:30:00Z\"\n          }",
    "\"recorded_at\": \"2026-01-14T09:30:00Z\"\n          },\n"
    "          { \"id\": \"r-sample-2\", \"status\": \"confirmed\", \"on\": \"2026-06-01\",\n"
    "            \"evidence\": \"It widened after all.\", \"recorded_at\": \"2026-06-02T00:00:00Z\" }");
  g_autofree char *rewritten = example_with ("narrowed the gap.\"", "closed the gap.\"");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsClaim) claim = NULL;
  HsImportReport report;

  /* A new entry for a stored prediction is appended to its history. */
  report = import_ok (fixture->store, appended, HS_IMPORT_FORMAT_JSON, HS_CONFLICT_FAIL);
  counts = report_text (&report);
  g_assert_cmpstr (counts, ==, "speakers 0/0/2/0, sources 0/0/2/0, topics 0/0/3/0, "
                               "claims 0/0/5/0, resolutions 1/0/1/0");
  claim = hs_store_get_claim (fixture->store, "sample-podcast-7.bo-sample.01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hs_prediction_get_resolutions (
                      hs_claim_get_prediction (claim))), ==, 2);
  g_assert_cmpint (hs_prediction_get_status (hs_claim_get_prediction (claim)), ==,
                   HS_STATUS_CONFIRMED);
  before = test_export_json (fixture->store);

  /* An entry is never rewritten, whatever the policy. */
  for (HsConflictPolicy policy = HS_CONFLICT_FAIL; policy <= HS_CONFLICT_REPLACE; policy++)
    {
      if (policy == HS_CONFLICT_KEEP)
        continue;
      g_assert_false (test_import_data (fixture->store, rewritten, -1, "mine.json",
                                        HS_IMPORT_FORMAT_JSON, policy, NULL, &error));
      g_assert_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_CONFLICT);
      g_assert_nonnull (strstr (error->message, "claims[3].prediction.resolutions[0]: "));
      g_assert_nonnull (strstr (error->message, "the resolution “r-sample-1” is already in the "
                                                "history with a different evidence"));
      g_clear_error (&error);
      after = test_export_json (fixture->store);
      g_assert_cmpstr (after, ==, before);
      g_clear_pointer (&after, g_free);
    }

  /* Keep leaves it, and says so. */
  report = import_ok (fixture->store, rewritten, HS_IMPORT_FORMAT_JSON, HS_CONFLICT_KEEP);
  g_clear_pointer (&counts, g_free);
  counts = report_text (&report);
  g_assert_cmpstr (counts, ==, "speakers 0/0/2/0, sources 0/0/2/0, topics 0/0/3/0, "
                               "claims 0/0/5/0, resolutions 0/0/0/1");
  after = test_export_json (fixture->store);
  g_assert_cmpstr (after, ==, before);

  test_assert_finalize (&claim);
}

/* Replacing a prediction that has a history by a plain claim would lose
 * the history: refused, whatever the policy. */
static void
test_merge_history_kept (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char plain[] =
    "{ \"format\": \"hindsight\", \"version\": 1, \"claims\": [\n"
    "  { \"id\": \"sample-podcast-7.bo-sample.01\", \"speaker\": \"bo-sample\",\n"
    "    \"source\": \"sample-podcast-7\",\n"
    "    \"text\": \"The gap between open and closed models is widening, and will keep widening next year.\",\n"
    "    \"quote\": \"差距在拉大，明年还会继续拉大。\", \"original_text\": \"差距在拉大，明年还会继续拉大。\",\n"
    "    \"original_language\": \"zh\", \"locator\": \"00:42:10\", \"topics\": [\"open-source\"] } ] }\n";
  /* A prediction without a history may become a plain claim. */
  static const char plain_no_history[] =
    "{ \"format\": \"hindsight\", \"version\": 1, \"claims\": [\n"
    "  { \"id\": \"sample-podcast-7.bo-sample.02\", \"speaker\": \"bo-sample\",\n"
    "    \"source\": \"sample-podcast-7\", \"stated_on\": \"~2025-10\",\n"
    "    \"text\": \"Compute for the next model generation will be ten times this year's, within 12 to 18 months.\",\n"
    "    \"locator\": \"01:05:00\", \"topics\": [\"agents\"] } ] }\n";
  g_autofree char *before = test_export_json (fixture->store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsClaim) claim = NULL;

  g_assert_false (test_import_data (fixture->store, plain, -1, "plain.json", HS_IMPORT_FORMAT_JSON,
                                    HS_CONFLICT_REPLACE, NULL, &error));
  g_assert_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "plain.json:2:3: claims[0]: "));
  g_assert_nonnull (strstr (error->message, "would turn a prediction with a resolution history "
                                            "into a plain claim"));
  g_clear_error (&error);
  after = test_export_json (fixture->store);
  g_assert_cmpstr (after, ==, before);

  g_assert_false (test_import_data (fixture->store, plain, -1, "plain.json", HS_IMPORT_FORMAT_JSON,
                                    HS_CONFLICT_FAIL, NULL, &error));
  g_assert_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "a different prediction"));
  g_clear_error (&error);

  import_ok (fixture->store, plain_no_history, HS_IMPORT_FORMAT_JSON, HS_CONFLICT_REPLACE);
  claim = hs_store_get_claim (fixture->store, "sample-podcast-7.bo-sample.02", &error);
  g_assert_no_error (error);
  g_assert_false (hs_claim_is_prediction (claim));
  test_assert_finalize (&claim);
}

/* ---------------------------------------------------------------------- */
/* Bad input: a clear error naming the place, and the store as before      */

#define HEAD "{\n  \"format\": \"hindsight\",\n  \"version\": 1,\n"
#define SPEAKERS "  \"speakers\": [ { \"id\": \"s1\", \"name\": \"Speaker One\" } ],\n"
#define SOURCES "  \"sources\": [ { \"id\": \"src1\", \"title\": \"Talk\", \"kind\": \"talk\", \"published\": \"2026-01-10\" } ],\n"
#define TOPICS "  \"topics\": [ { \"id\": \"t1\", \"name\": \"Topic\" } ],\n"
#define REFS SPEAKERS SOURCES TOPICS
/* Claims open on line 7, the first claim on line 8, its body on line 9. */
#define CLAIMS(body) "  \"claims\": [\n" body "  ]\n}\n"
#define CLAIM1 "    { \"id\": \"c1\", \"speaker\": \"s1\", \"source\": \"src1\",\n"
#define PREDICTION(body) "      \"text\": \"A claim\", \"prediction\": { " body " } }\n"

typedef struct
{
  const char     *label;
  const char     *data;
  HsImportFormat  format;
  const char     *where;    /* the message starts with this */
  const char     *message;  /* and contains this */
} BadCase;

static gboolean
check_bad_input (Fixture       *fixture,
                 const BadCase *c,
                 const char    *data,
                 gsize          length)
{
  const char *name = c->format == HS_IMPORT_FORMAT_CSV ? "bad.csv" : "bad.json";
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  HsImportReport report;
  gint64 counts[HS_OBJECT_RESOLUTION + 1];

  g_test_message ("bad input: %s", c->label);
  before = test_export_json (fixture->store);
  for (HsObjectKind kind = HS_OBJECT_SPEAKER; kind <= HS_OBJECT_RESOLUTION; kind++)
    counts[kind] = test_count (fixture->store, kind);

  g_assert_false (test_import_data (fixture->store, data, length, name, c->format,
                                    HS_CONFLICT_FAIL, &report, &error));
  g_assert_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_INVALID);

  after = test_export_json (fixture->store);
  g_assert_cmpstr (after, ==, before);
  for (HsObjectKind kind = HS_OBJECT_SPEAKER; kind <= HS_OBJECT_RESOLUTION; kind++)
    g_assert_cmpint (test_count (fixture->store, kind), ==, counts[kind]);

  /* A wrong place or message is reported and counted, so that one run
   * shows every case that fails. */
  if (!g_str_has_prefix (error->message, c->where) || strstr (error->message, c->message) == NULL)
    {
      g_printerr ("%s: expected “%s … %s”, got:\n%s\n", c->label, c->where, c->message,
                  error->message);
      return FALSE;
    }
  return TRUE;
}

static void
test_bad_json (Fixture       *fixture,
               gconstpointer  data)
{
  static const BadCase cases[] = {
    { "a stray comma",
      HEAD SPEAKERS "  \"topics\": [ { \"id\": \"t1\", \"name\": \"Topic\" }, ],\n" CLAIMS (""),
      HS_IMPORT_FORMAT_JSON, "bad.json:5:48: topics: ", "a comma must not follow the last item" },
    { "a missing comma",
      HEAD SPEAKERS "  \"topics\": [ { \"id\": \"t1\" \"name\": \"Topic\" } ],\n" CLAIMS (""),
      HS_IMPORT_FORMAT_JSON, "bad.json:5:28: topics[0]: ", "expected \",\" or \"}\"" },
    { "a number for text",
      HEAD REFS CLAIMS (CLAIM1 "      \"text\": 42 }\n"),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:15: claims[0].text: ", "expected a string but found a number" },
    { "an object for an id",
      HEAD "  \"speakers\": [ { \"id\": { \"x\": 1 }, \"name\": \"N\" } ]\n}\n",
      HS_IMPORT_FORMAT_JSON, "bad.json:4:25: speakers[0].id: ", "expected a string but found an object" },
    { "text for a probability",
      HEAD REFS CLAIMS (CLAIM1 PREDICTION ("\"horizon\": \"this year\", \"probability\": \"20%\"")),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:81: claims[0].prediction.probability: ", "expected a number from 0 to 1 but found a string" },
    { "an unknown field",
      HEAD SPEAKERS "  \"sources\": [ { \"id\": \"src1\", \"title\": \"Talk\", \"kind\": \"talk\", \"publsher\": \"X\" } ]\n}\n",
      HS_IMPORT_FORMAT_JSON, "bad.json:5:77: sources[0].publsher: ", "unknown field “publsher”; the fields here are: id, title, kind, publisher" },
    { "an unknown kind of source",
      HEAD "  \"sources\": [ { \"id\": \"src1\", \"title\": \"Talk\", \"kind\": \"tweet\" } ]\n}\n",
      HS_IMPORT_FORMAT_JSON, "bad.json:4:57: sources[0].kind: ", "“tweet” is not a kind of source; expected one of: talk, panel, podcast, interview, article, newsletter, post" },
    { "an unknown status",
      HEAD REFS CLAIMS (CLAIM1 PREDICTION ("\"horizon\": \"this year\", \"resolutions\": [ { \"status\": \"maybe\", \"on\": \"2026-02-01\" } ]")),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:95: claims[0].prediction.resolutions[0].status: ", "“maybe” is not a status; expected one of: open, confirmed, partial, refuted, ambiguous" },
    { "an unknown relation",
      HEAD REFS CLAIMS (CLAIM1 "      \"text\": \"A claim\", \"relations\": [ { \"type\": \"likes\", \"claim\": \"c1\" } ] }\n"),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:51: claims[0].relations[0].type: ", "“likes” is not a relation; expected one of: supports, contradicts, revises, same-as" },
    { "an unknown speaker",
      HEAD REFS CLAIMS ("    { \"id\": \"c1\", \"speaker\": \"nobody\", \"text\": \"A claim\", \"stated_on\": \"2026-01\" }\n"),
      HS_IMPORT_FORMAT_JSON, "bad.json:8:30: claims[0].speaker: ", "no speaker “nobody” in the file or the database" },
    { "an unknown source",
      HEAD REFS CLAIMS ("    { \"id\": \"c1\", \"speaker\": \"s1\", \"source\": \"nowhere\", \"text\": \"A claim\" }\n"),
      HS_IMPORT_FORMAT_JSON, "bad.json:8:46: claims[0].source: ", "no source “nowhere” in the file or the database" },
    { "an unknown topic",
      HEAD REFS CLAIMS (CLAIM1 "      \"text\": \"A claim\", \"topics\": [\"t1\", \"t9\"] }\n"),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:43: claims[0].topics[1]: ", "no topic “t9” in the file or the database" },
    { "an unknown claim in a relation",
      HEAD REFS CLAIMS (CLAIM1 "      \"text\": \"A claim\", \"relations\": [ { \"type\": \"supports\", \"claim\": \"c-missing\" } ] }\n"),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:72: claims[0].relations[0].claim: ", "no claim “c-missing” in the file or the database" },
    { "an impossible date",
      HEAD REFS CLAIMS (CLAIM1 "      \"text\": \"A claim\", \"stated_on\": \"2026-02-30\" }\n"),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:39: claims[0].stated_on: ", "\"2026-02-30\" is not a date: February 2026 has 28 days" },
    { "month 13",
      HEAD SPEAKERS "  \"sources\": [ { \"id\": \"src1\", \"title\": \"Talk\", \"kind\": \"talk\", \"published\": \"2026-13\" } ]\n}\n",
      HS_IMPORT_FORMAT_JSON, "bad.json:5:78: sources[0].published: ", "\"2026-13\" is not a date: there is no month 13" },
    { "a probability of 1.5",
      HEAD REFS CLAIMS (CLAIM1 PREDICTION ("\"horizon\": \"this year\", \"probability\": 1.5")),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:81: claims[0].prediction.probability: ", "1.5 is not a probability: give a number from 0 to 1 (20% is 0.2)" },
    { "a probability of -0.1",
      HEAD REFS CLAIMS (CLAIM1 PREDICTION ("\"horizon\": \"this year\", \"probability\": -0.1")),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:81: claims[0].prediction.probability: ", "-0.1 is not a probability" },
    { "a NUL in text",
      HEAD REFS CLAIMS (CLAIM1 "      \"text\": \"before\\u0000after\" }\n"),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:15: claims[0].text: ", "NUL" },
    { "not JSON at all", "hello", HS_IMPORT_FORMAT_JSON, "bad.json:1:1: ", "expected a value but found \"hello\"" },
    { "an empty file", "", HS_IMPORT_FORMAT_JSON, "bad.json:1:1: ", "the file is empty" },
    { "only whitespace", "  \n\n   ", HS_IMPORT_FORMAT_JSON, "bad.json:3:4: ", "the file is empty" },
    { "an array", "[ { \"format\": \"hindsight\" } ]", HS_IMPORT_FORMAT_JSON, "bad.json:1:1: ",
      "expected a Hindsight file (an object with \"format\": \"hindsight\") but found an array" },
    { "a string", "\"hindsight\"", HS_IMPORT_FORMAT_JSON, "bad.json:1:1: ", "but found a string" },
    { "another format", "{\n  \"format\": \"other\",\n  \"version\": 1\n}\n", HS_IMPORT_FORMAT_JSON,
      "bad.json:2:13: format: ", "this is a “other” file, not a Hindsight file" },
    { "no format", "{\n  \"version\": 1\n}\n", HS_IMPORT_FORMAT_JSON,
      "bad.json:1:1: ", "\"format\": \"hindsight\" is missing" },
    { "a newer version", "{\n  \"format\": \"hindsight\",\n  \"version\": 2,\n" SPEAKERS "}\n",
      HS_IMPORT_FORMAT_JSON, "bad.json:3:14: version: ", "the file is in version 2 of the format, written by a newer Hindsight; this one reads version 1" },
    { "version zero", "{\n  \"format\": \"hindsight\",\n  \"version\": 0\n}\n",
      HS_IMPORT_FORMAT_JSON, "bad.json:3:14: version: ", "0 is not a version of the format; expected 1" },
    { "claims before speakers",
      HEAD "  \"claims\": [],\n" SPEAKERS "  \"sources\": []\n}\n",
      HS_IMPORT_FORMAT_JSON, "bad.json:5:15: speakers: ", "“speakers” must come before “claims”: sections are read in the order speakers, sources, topics, claims" },
    { "two speakers with one id",
      HEAD "  \"speakers\": [\n    { \"id\": \"s1\", \"name\": \"One\" },\n    { \"id\": \"s1\", \"name\": \"Two\" }\n  ]\n}\n",
      HS_IMPORT_FORMAT_JSON, "bad.json:6:5: speakers[1]: ", "the id “s1” is used twice in this file (first on line 5)" },
    { "two claims with one id",
      HEAD REFS CLAIMS (CLAIM1 "      \"text\": \"A claim\" },\n    { \"id\": \"c1\", \"speaker\": \"s1\", \"source\": \"src1\", \"text\": \"Again\" }\n"),
      HS_IMPORT_FORMAT_JSON, "bad.json:10:5: claims[1]: ", "the id “c1” is used twice in this file" },
    { "a claim related to itself",
      HEAD REFS CLAIMS (CLAIM1 "      \"text\": \"A claim\", \"relations\": [ { \"type\": \"same-as\", \"claim\": \"c1\" } ] }\n"),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:71: claims[0].relations[0].claim: ", "a claim cannot be related to itself" },
    { "a resolution in the future",
      HEAD REFS CLAIMS (CLAIM1 PREDICTION ("\"horizon\": \"this year\", \"resolutions\": [ { \"status\": \"confirmed\", \"on\": \"2026-11-23\" } ]")),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:114: claims[0].prediction.resolutions[0].on: ", "2026-11-23 is in the future" },
    { "a resolution before the prediction",
      HEAD REFS CLAIMS (CLAIM1 PREDICTION ("\"horizon\": \"this year\", \"resolutions\": [ { \"status\": \"confirmed\", \"on\": \"2026-01-09\" } ]")),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:114: claims[0].prediction.resolutions[0].on: ", "2026-01-09 is before the prediction was made (2026-01-10)" },
    { "the second resolution, which sorts first",
      HEAD REFS CLAIMS (CLAIM1 PREDICTION ("\"horizon\": \"this year\", \"resolutions\": [\n"
                                           "        { \"status\": \"confirmed\", \"on\": \"2026-06-01\" },\n"
                                           "        { \"status\": \"refuted\", \"on\": \"2025-06-01\" } ]")),
      HS_IMPORT_FORMAT_JSON, "bad.json:11:38: claims[0].prediction.resolutions[1].on: ", "2025-06-01 is before the prediction was made" },
    { "a horizon not understood",
      HEAD REFS CLAIMS (CLAIM1 PREDICTION ("\"horizon\": \"when pigs fly\"")),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:53: claims[0].prediction.horizon: ", "(or give earliest and latest)" },
    { "a horizon not understood, with only the earliest date",
      HEAD REFS CLAIMS (CLAIM1 PREDICTION ("\"horizon\": \"when pigs fly\", \"earliest\": \"2026-02\"")),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:53: claims[0].prediction.horizon: ", "(or give earliest and latest)" },
    { "the latest date before the earliest",
      HEAD REFS CLAIMS (CLAIM1 PREDICTION ("\"horizon\": \"soon\", \"earliest\": \"2026-03\", \"latest\": \"2026-01\"")),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:94: claims[0].prediction.latest: ", "2026-01-31 is before the earliest date 2026-03-01" },
    { "an approximate date without a note",
      HEAD "  \"sources\": [ { \"id\": \"src1\", \"title\": \"Talk\", \"kind\": \"talk\", \"published\": \"~2025-10\" } ]\n}\n",
      HS_IMPORT_FORMAT_JSON, "bad.json:4:16: sources[0]: ", "an approximate date needs a date_note saying how it was inferred" },
    { "a script link",
      HEAD "  \"sources\": [ { \"id\": \"src1\", \"title\": \"Talk\", \"kind\": \"talk\", \"url\": \"javascript:alert(1)\" } ]\n}\n",
      HS_IMPORT_FORMAT_JSON, "bad.json:4:72: sources[0].url: ", "“javascript:alert(1)” is not a web link: only http:// and https:// links are kept" },
    { "a file link as evidence",
      HEAD REFS CLAIMS (CLAIM1 PREDICTION ("\"horizon\": \"this year\", \"resolutions\": [ { \"status\": \"confirmed\", \"on\": \"2026-02-01\", \"url\": \"file:///etc/passwd\" } ]")),
      HS_IMPORT_FORMAT_JSON, "bad.json:9:135: claims[0].prediction.resolutions[0].url: ", "“file:///etc/passwd” is not a web link" },
    { "an id with a space",
      HEAD "  \"speakers\": [ { \"id\": \"bad id!\", \"name\": \"N\" } ]\n}\n",
      HS_IMPORT_FORMAT_JSON, "bad.json:4:25: speakers[0].id: ", "“bad id!” is not an id: use 1 to 128 of the characters" },
    { "a missing name",
      HEAD "  \"speakers\": [ { \"id\": \"s1\" } ]\n}\n",
      HS_IMPORT_FORMAT_JSON, "bad.json:4:17: speakers[0]: ", "name is missing" },
    { "a missing horizon",
      HEAD REFS CLAIMS (CLAIM1 PREDICTION ("\"probability\": 0.5")),
      HS_IMPORT_FORMAT_JSON, "bad.json:8:5: claims[0].prediction: ", "horizon is missing" },
    { "content after the document",
      HEAD "  \"speakers\": []\n}\n{}\n",
      HS_IMPORT_FORMAT_JSON, "bad.json:6:1: ", "unexpected \"{\" after the end of the document" },
  };

  guint failed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    failed += !check_bad_input (fixture, &cases[i], cases[i].data, strlen (cases[i].data));
  g_assert_cmpuint (failed, ==, 0);
}

static void
test_bad_json_large (Fixture       *fixture,
                     gconstpointer  data)
{
  /* A 10 MB statement: refused with its size and the limit. */
  {
    static const BadCase c = { "a 10 MB string", NULL, HS_IMPORT_FORMAT_JSON,
                               "bad.json:9:15: claims[0].text: ",
                               "the text is 10485760 bytes long; at most 65536 are allowed here" };
    g_autoptr(GString) doc = g_string_new (HEAD REFS "  \"claims\": [\n" CLAIM1 "      \"text\": \"");
    char *filler = g_strnfill (10 * 1024 * 1024, 'x');

    g_string_append (doc, filler);
    g_string_append (doc, "\" }\n  ]\n}\n");
    g_free (filler);
    g_assert_true (check_bad_input (fixture, &c, doc->str, doc->len));
  }

  /* Nested a thousand levels deep: an error, not a crash. */
  {
    static const BadCase c = { "deep nesting", NULL, HS_IMPORT_FORMAT_JSON,
                               "bad.json:4:", "nested" };
    g_autoptr(GString) doc = g_string_new (HEAD "  \"speakers\": [ { \"id\": \"s1\", \"name\": \"N\", \"bio\": ");

    for (guint i = 0; i < 1000; i++)
      g_string_append_c (doc, '[');
    for (guint i = 0; i < 1000; i++)
      g_string_append_c (doc, ']');
    g_string_append (doc, " } ]\n}\n");
    g_assert_true (check_bad_input (fixture, &c, doc->str, doc->len));
  }

  /* Sixty problems: fifty are listed, the rest counted. */
  {
    static const BadCase c = { "sixty problems", NULL, HS_IMPORT_FORMAT_JSON,
                               "bad.json:5:13: speakers[0].id: ", "is not an id" };
    g_autoptr(GString) doc = g_string_new (HEAD "  \"speakers\": [\n");
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) lines = NULL;

    for (guint i = 0; i < 60; i++)
      g_string_append_printf (doc, "    { \"id\": \"bad id %u\", \"name\": \"N\" }%s\n", i,
                              i < 59 ? "," : "");
    g_string_append (doc, "  ]\n}\n");
    g_assert_true (check_bad_input (fixture, &c, doc->str, doc->len));

    g_assert_false (test_import_data (fixture->store, doc->str, doc->len, "bad.json",
                                      HS_IMPORT_FORMAT_JSON, HS_CONFLICT_FAIL, NULL, &error));
    lines = g_strsplit (error->message, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, HS_IMPORT_MAX_PROBLEMS + 1);
    g_assert_true (g_str_has_prefix (lines[49], "bad.json:54:13: speakers[49].id: "));
    g_assert_cmpstr (lines[50], ==, "bad.json: and 10 more problems");
    g_assert_true (g_str_has_suffix (error->message, "and 10 more problems"));
  }
}

/* Every problem in a file is reported, each once, in the file's order. */
static void
test_bad_json_all_problems (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char doc[] =
    HEAD
    "  \"speakers\": [ { \"id\": \"s1\", \"name\": 5 } ],\n"
    "  \"claims\": [\n"
    "    { \"id\": \"c1\", \"speaker\": \"s1\", \"text\": \"x\", \"stated_on\": \"2026-02-30\" },\n"
    "    { \"id\": \"c2\", \"speaker\": \"zz\", \"text\": \"y\", \"stated_on\": \"2026-02-01\" }\n"
    "  ]\n}\n";
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_false (test_import_data (fixture->store, doc, -1, "bad.json", HS_IMPORT_FORMAT_JSON,
                                    HS_CONFLICT_FAIL, NULL, &error));
  g_assert_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "bad.json:4:39: speakers[0].name: expected a string but found a number");
  g_assert_cmpstr (lines[1], ==, "bad.json:6:62: claims[0].stated_on: \"2026-02-30\" is not a date: "
                                 "February 2026 has 28 days");
  /* The speaker "s1" had a problem of its own: the claim naming it is not
   * blamed again. */
  g_assert_cmpstr (lines[2], ==, "bad.json:7:30: claims[1].speaker: no speaker “zz” in the file or "
                                 "the database");
}

/* ---------------------------------------------------------------------- */
/* CSV                                                                     */

#define CSV_HEADER "id,speaker,source,text,horizon,probability,status,status_on\n"

static void
test_bad_csv (Fixture       *fixture,
              gconstpointer  data)
{
  static const BadCase cases[] = {
    { "no horizon column",
      "id,speaker,text\nc1,ada-example,Hello\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:1:1: ", "the header has no “horizon” column, which is required" },
    { "an unknown column",
      "id,speaker,text,horizon,colour\nc1,ada-example,Hello,this year,red\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:1:5: ", "unknown column “colour”" },
    { "a column twice",
      "id,speaker,text,horizon,text\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:1:5: ", "the column “text” appears twice" },
    { "a row too short",
      CSV_HEADER "c1,ada-example,example-summit-2026,Hello\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:2:5: ", "the row has 4 fields but the header has 8" },
    { "a row too long",
      CSV_HEADER "c1,ada-example,example-summit-2026,Hello,this year,,,,extra\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:2:9: ", "the row has 9 fields but the header has 8" },
    { "150%",
      CSV_HEADER "c1,ada-example,example-summit-2026,Hello,this year,150%,,\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:2:6: probability: ", "“150%” is not a probability" },
    { "1.5",
      CSV_HEADER "c1,ada-example,example-summit-2026,Hello,this year,1.5,,\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:2:6: probability: ", "“1.5” is not a probability" },
    { "a word for a probability",
      CSV_HEADER "c1,ada-example,example-summit-2026,Hello,this year,likely,,\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:2:6: probability: ", "“likely” is not a probability" },
    { "an unknown speaker",
      CSV_HEADER "c1,nobody,example-summit-2026,Hello,this year,,,\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:2:2: speaker: ", "no speaker “nobody” in the file or the database" },
    { "an unknown status",
      CSV_HEADER "c1,ada-example,example-summit-2026,Hello,this year,,maybe,2026-02-01\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:2:7: status: ", "“maybe” is not a status" },
    { "a status without its date",
      CSV_HEADER "c1,ada-example,example-summit-2026,Hello,this year,,refuted,\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:2:7: status: ", "a status needs the date it applies from in status_on" },
    { "a status in the future",
      CSV_HEADER "c1,ada-example,example-summit-2026,Hello,this year,,refuted,2026-12-01\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:2:8: status_on: ", "2026-12-01 is in the future" },
    { "a horizon not understood",
      CSV_HEADER "c1,ada-example,example-summit-2026,Hello,when pigs fly,,,\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:2:5: horizon: ", "(or give earliest and latest)" },
    { "the latest date before the earliest",
      "id,speaker,text,horizon,stated_on,earliest,latest\n"
      "c1,ada-example,Hello,soon,2026-01-10,2026-03,2026-01\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:2:7: latest: ", "2026-01-31 is before the earliest date 2026-03-01" },
    { "an empty file", "", HS_IMPORT_FORMAT_CSV, "bad.csv:1:1: ", "the file is empty" },
    { "an unterminated quote",
      CSV_HEADER "c1,ada-example,example-summit-2026,\"Hello,this year,,,\n",
      HS_IMPORT_FORMAT_CSV, "bad.csv:2:", "quote" },
  };

  guint failed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    failed += !check_bad_input (fixture, &cases[i], cases[i].data, strlen (cases[i].data));
  g_assert_cmpuint (failed, ==, 0);
}

static void
test_csv_rows (Fixture       *fixture,
               gconstpointer  data)
{
  static const char percent[] =
    CSV_HEADER "csv-1,ada-example,example-summit-2026,Twenty percent,this year,20%,,\n";
  static const char status[] =
    "id,speaker,source,text,horizon,status,status_on,evidence,evidence_url,speaker_name\n"
    "csv-1,ada-example,example-summit-2026,Twenty percent,this year,confirmed,2026-06-01,"
    "\"It did, \"\"really\"\"\",https://example.org/e,Ignored Name\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HsClaim) claim = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  HsImportReport report;
  HsPrediction *prediction;
  HsResolution *current;

  /* "20%" is 0.2, and the window comes from the horizon and the source. */
  report = import_ok (fixture->store, percent, HS_IMPORT_FORMAT_CSV, HS_CONFLICT_FAIL);
  counts = report_text (&report);
  g_assert_cmpstr (counts, ==, "speakers 0/0/0/0, sources 0/0/0/0, topics 0/0/0/0, "
                               "claims 1/0/0/0, resolutions 0/0/0/0");
  claim = hs_store_get_claim (fixture->store, "csv-1", &error);
  g_assert_no_error (error);
  prediction = hs_claim_get_prediction (claim);
  g_assert_cmpfloat (hs_prediction_get_probability (prediction), ==, 0.2);
  g_assert_cmpint (hs_prediction_get_status (prediction), ==, HS_STATUS_OPEN);
  test_assert_finalize (&claim);

  /* A status other than the stored one appends an entry. The file leaves
   * the probability out this time: a changed claim, so replace. */
  report = import_ok (fixture->store, status, HS_IMPORT_FORMAT_CSV, HS_CONFLICT_REPLACE);
  g_clear_pointer (&counts, g_free);
  counts = report_text (&report);
  g_assert_cmpstr (counts, ==, "speakers 0/0/0/0, sources 0/0/0/0, topics 0/0/0/0, "
                               "claims 0/1/0/0, resolutions 1/0/0/0");
  claim = hs_store_get_claim (fixture->store, "csv-1", &error);
  g_assert_no_error (error);
  prediction = hs_claim_get_prediction (claim);
  g_assert_false (hs_prediction_has_probability (prediction));
  g_assert_cmpint (hs_prediction_get_status (prediction), ==, HS_STATUS_CONFIRMED);
  current = hs_prediction_get_current (prediction);
  g_assert_cmpstr (hs_resolution_get_evidence (current), ==, "It did, \"really\"");
  g_assert_cmpstr (hs_resolution_get_url (current), ==, "https://example.org/e");
  test_assert_finalize (&claim);
  before = test_export_json (fixture->store);

  /* The same status again changes nothing. */
  report = import_ok (fixture->store, status, HS_IMPORT_FORMAT_CSV, HS_CONFLICT_FAIL);
  g_clear_pointer (&counts, g_free);
  counts = report_text (&report);
  g_assert_cmpstr (counts, ==, "speakers 0/0/0/0, sources 0/0/0/0, topics 0/0/0/0, "
                               "claims 0/0/1/0, resolutions 0/0/0/0");
  after = test_export_json (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (test_count (fixture->store, HS_OBJECT_RESOLUTION), ==, 2);
}

/* ---------------------------------------------------------------------- */
/* Files and the bundled dataset                                           */

static void
test_import_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "PREDICTIONS.CSV", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  HsImportReport report;

  test_write_file (path, "{}", -1);
  g_assert_false (hs_store_import_file (fixture->store, file, HS_IMPORT_FORMAT_AUTO,
                                        HS_CONFLICT_FAIL, &report, NULL, &error));
  g_assert_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "cannot tell the format"));
  g_clear_error (&error);

  g_assert_false (hs_store_import_file (fixture->store, missing_file, HS_IMPORT_FORMAT_AUTO,
                                        HS_CONFLICT_FAIL, &report, NULL, &error));
  g_assert_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* The extension decides, whatever its case; problems name the file. */
  test_write_file (csv_path, "id,speaker,text\n", -1);
  g_assert_false (hs_store_import_file (fixture->store, csv_file, HS_IMPORT_FORMAT_AUTO,
                                        HS_CONFLICT_FAIL, &report, NULL, &error));
  g_assert_error (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, csv_path));
  g_assert_nonnull (strstr (error->message, "“horizon” column"));
}

static void
test_import_bundled (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GPtrArray) yao = g_ptr_array_new ();
  HsImportReport report;
  HsQuery query;
  gint64 predictions;
  struct
  {
    guint claims;
    guint with_source;
    guint with_locator;
    guint predictions;
    guint with_earliest;
  } seen = { 0 };

  g_assert_true (hs_store_import_bundled (fixture->store, &report, &error));
  g_assert_no_error (error);

  g_assert_cmpint (test_count (fixture->store, HS_OBJECT_SPEAKER), ==, 8);
  g_assert_cmpint (test_count (fixture->store, HS_OBJECT_CLAIM), >=, 60);
  hs_query_init (&query);
  query.kind = HS_QUERY_KIND_PREDICTIONS;
  predictions = hs_store_count_claims (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (predictions, >=, 30);
  g_assert_cmpuint (report.predictions_added, ==, predictions);

  /* Two people romanized "Yao Shunyu", told apart by id and native name. */
  speakers = hs_store_list_speakers (fixture->store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < speakers->len; i++)
    if (g_str_equal (hs_speaker_get_name (g_ptr_array_index (speakers, i)), "Yao Shunyu"))
      g_ptr_array_add (yao, g_ptr_array_index (speakers, i));
  g_assert_cmpuint (yao->len, ==, 2);
  g_assert_cmpstr (hs_speaker_get_id (g_ptr_array_index (yao, 0)), !=,
                   hs_speaker_get_id (g_ptr_array_index (yao, 1)));
  {
    const char *a = hs_speaker_get_native_name (g_ptr_array_index (yao, 0));
    const char *b = hs_speaker_get_native_name (g_ptr_array_index (yao, 1));

    g_assert_true ((g_strcmp0 (a, "姚顺雨") == 0 && g_strcmp0 (b, "姚顺宇") == 0) ||
                   (g_strcmp0 (a, "姚顺宇") == 0 && g_strcmp0 (b, "姚顺雨") == 0));
  }

  /* Every claim says where it was said; every prediction when it opens. */
  {
    g_autoptr(GArray) rows = hs_store_query_claims (fixture->store, NULL, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < rows->len; i++)
      {
        g_autoptr(HsClaim) claim = hs_store_get_claim_at (fixture->store,
                                                          g_array_index (rows, gint64, i), &error);

        g_assert_no_error (error);
        seen.claims++;
        seen.with_source += hs_claim_get_source (claim) != NULL;
        seen.with_locator += hs_claim_get_locator (claim) != NULL;
        if (hs_claim_is_prediction (claim))
          {
            HsDate earliest = hs_prediction_get_earliest (hs_claim_get_prediction (claim));

            seen.predictions++;
            seen.with_earliest += hs_date_is_set (&earliest);
          }
      }
  }
  g_assert_cmpuint (seen.claims, ==, test_count (fixture->store, HS_OBJECT_CLAIM));
  g_assert_cmpuint (seen.with_source, ==, seen.claims);
  g_assert_cmpuint (seen.with_locator, ==, seen.claims);
  g_assert_cmpuint (seen.predictions, ==, predictions);
  g_assert_cmpuint (seen.with_earliest, ==, seen.predictions);

  /* Loading it again adds nothing. */
  g_assert_true (hs_store_import_bundled (fixture->store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hs_import_report_total (&report, HS_OUTCOME_ADDED), ==, 0);
  g_assert_cmpuint (hs_import_report_total (&report, HS_OUTCOME_UPDATED), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  test_init_environment ();

#define ADD(path, setup, func) \
  g_test_add (path, Fixture, NULL, setup, func, fixture_tear_down)

  ADD ("/core/import/example", fixture_set_up, test_import_example_counts);
  ADD ("/core/import/idempotent", fixture_set_up, test_import_idempotent);
  ADD ("/core/import/round-trip/json", fixture_set_up_example, test_round_trip_json);
  ADD ("/core/import/round-trip/bundled", fixture_set_up, test_round_trip_bundled);
  ADD ("/core/import/round-trip/csv", fixture_set_up_example, test_round_trip_csv);
  ADD ("/core/import/text-kept", fixture_set_up, test_import_text_kept);
  ADD ("/core/import/merge/conflict", fixture_set_up_example, test_merge_conflict);
  ADD ("/core/import/merge/conflict-kinds", fixture_set_up_example, test_merge_conflict_kinds);
  ADD ("/core/import/merge/resolutions", fixture_set_up_example, test_merge_resolutions);
  ADD ("/core/import/merge/history-kept", fixture_set_up_example, test_merge_history_kept);
  ADD ("/core/import/bad/json", fixture_set_up_example, test_bad_json);
  ADD ("/core/import/bad/json-large", fixture_set_up_example, test_bad_json_large);
  ADD ("/core/import/bad/json-all-problems", fixture_set_up_example, test_bad_json_all_problems);
  ADD ("/core/import/bad/csv", fixture_set_up_example, test_bad_csv);
  ADD ("/core/import/csv/rows", fixture_set_up_example, test_csv_rows);
  ADD ("/core/import/file", fixture_set_up_example, test_import_file);
  ADD ("/core/import/bundled", fixture_set_up, test_import_bundled);

#undef ADD

  return g_test_run ();
}
