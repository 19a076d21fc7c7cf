/* fuzz-import.h: the import invariants, shared by the JSON and CSV targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input is imported into a store that holds docs/examples/example.json,
 * so that a CSV row or a JSON claim can refer to its speakers, sources and
 * topics, and can conflict with its records. Then:
 *
 * - a failed import fails as an import error (never as a store error: that
 *   would be a value the importer let through and SQLite refused), with
 *   one "fuzz:LINE:COLUMN: …" problem per line, and leaves the store exactly
 *   as it was;
 * - a conflict, the error that says only conflicts stood in the way, is
 *   retried with --on-conflict keep, which must then succeed, and replace;
 * - a successful import adds exactly the rows its report counts; importing
 *   the same input again changes nothing; the CSV export imported back
 *   changes nothing; and the JSON export imported into an empty store
 *   exports to the same bytes;
 * - after anything, no transaction is left open, no reference dangles and
 *   the full-text index agrees with the claims.
 *
 * The store is reused from one input to the next while it is unchanged
 * (which the failure check proves byte for byte) and restored from a copy
 * after an import that changed it, so each input starts from the same store.
 */

#pragma once

#include "fuzz-common.h"

typedef struct
{
  HsStore *work;     /* the example store, unchanged so far */
  HsStore *fresh;    /* an empty store, for the round trip */
  HsStore *example_template;
  HsStore *empty_template;
  GBytes  *example;  /* the example store's JSON export */
} FuzzImportState;

static FuzzImportState fuzz_import_state;

static inline void
fuzz_import_init (void)
{
  if (fuzz_import_state.work != NULL)
    return;
  fuzz_init_environment ();
  fuzz_import_state.example_template = fuzz_open_example_store ();
  fuzz_import_state.empty_template = fuzz_open_store ();
  fuzz_import_state.work = fuzz_open_store ();
  fuzz_import_state.fresh = fuzz_open_store ();
  fuzz_store_restore (fuzz_import_state.work, fuzz_import_state.example_template);
  fuzz_import_state.example = fuzz_export (fuzz_import_state.work, HS_EXPORT_FORMAT_JSON);
}

/* After an import that changed the working store. */
static inline void
fuzz_import_reset (void)
{
  fuzz_store_restore (fuzz_import_state.work, fuzz_import_state.example_template);
}

static inline guint
fuzz_report_sum (const HsImportReport *report,
                 HsOutcome             outcome)
{
  return hs_import_report_total (report, outcome);
}

/* CSV has no way to say "open-ended" other than an empty latest, which
 * the importer derives from the horizon when the horizon is one it knows.
 * A prediction stored open-ended against its horizon (JSON's explicit
 * "latest": null after "next year") therefore cannot round-trip through
 * CSV; that is a limit of the format, not something to report. */
static inline gboolean
fuzz_csv_cannot_express_cb (HsClaim  *claim,
                            gpointer  user_data)
{
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  HsDate stated = hs_claim_get_stated_on (claim);
  HsDate latest = hs_prediction_get_latest (prediction);
  HsDate derived_latest = { 0 };
  g_autoptr(GError) error = NULL;

  if (hs_date_is_set (&latest))
    return TRUE;
  if (hs_horizon_derive (hs_prediction_get_horizon (prediction), &stated, NULL, &derived_latest,
                         &error) ? hs_date_is_set (&derived_latest)
                                 : !g_error_matches (error, HS_HORIZON_ERROR,
                                                     HS_HORIZON_ERROR_UNKNOWN))
    {
      *(gboolean *) user_data = FALSE;
      return FALSE;
    }
  return TRUE;
}

static inline gboolean
fuzz_csv_can_express (HsStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean can = TRUE;
  HsQuery query;

  hs_query_init (&query);
  query.kind = HS_QUERY_KIND_PREDICTIONS;
  if (!hs_store_foreach_claim (store, &query, fuzz_csv_cannot_express_cb, &can, &error))
    fuzz_fail ("listing predictions", error->message);
  return can;
}

static inline void
fuzz_import_check_failure (HsStore      *store,
                           const GError *error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GBytes) after = NULL;

  if (error->domain != HS_IMPORT_ERROR ||
      (error->code != HS_IMPORT_ERROR_INVALID && error->code != HS_IMPORT_ERROR_CONFLICT))
    fuzz_fail ("an import failed with an error other than an import problem", error->message);
  if (!g_utf8_validate (error->message, -1, NULL))
    fuzz_fail ("an import error is not valid UTF-8", NULL);

  /* Each problem is one line that names the file: text from the input must
   * never break a message across lines. */
  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "fuzz:"))
      fuzz_fail ("a line of an import error does not start with the file's name", error->message);

  fuzz_assert_store_consistent (store);
  after = fuzz_export (store, HS_EXPORT_FORMAT_JSON);
  fuzz_assert_same_bytes ("a failed import changed the store", fuzz_import_state.example, after);
}

static inline void
fuzz_import_check_success (HsStore              *store,
                           const uint8_t        *data,
                           size_t                size,
                           HsImportFormat        format,
                           HsConflictPolicy      policy,
                           const HsImportReport *report,
                           const gint64          before[HS_N_RECORD_KINDS])
{
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) fresh_exported = NULL;
  HsStore *fresh = fuzz_import_state.fresh;
  g_autoptr(GError) error = NULL;
  gint64 after[HS_N_RECORD_KINDS];
  HsImportReport second;

  fuzz_assert_store_consistent (store);

  /* The report counts what was added, row for row. */
  fuzz_count_all (store, after);
  for (guint kind = 0; kind < HS_N_RECORD_KINDS; kind++)
    if (after[kind] - before[kind] != (gint64) report->counts[kind][HS_OUTCOME_ADDED])
      {
        g_autofree char *detail = g_strdup_printf ("kind %u: %" G_GINT64_FORMAT " rows more, "
                                                   "%u reported added", kind,
                                                   after[kind] - before[kind],
                                                   report->counts[kind][HS_OUTCOME_ADDED]);
        fuzz_fail ("the import report disagrees with the store", detail);
      }
  if (policy == HS_CONFLICT_FAIL &&
      (fuzz_report_sum (report, HS_OUTCOME_UPDATED) || fuzz_report_sum (report, HS_OUTCOME_SKIPPED)))
    fuzz_fail ("an import that fails on conflicts updated or skipped records", NULL);
  if (policy == HS_CONFLICT_KEEP && fuzz_report_sum (report, HS_OUTCOME_UPDATED))
    fuzz_fail ("an import that keeps stored records updated some", NULL);
  if (policy == HS_CONFLICT_REPLACE && fuzz_report_sum (report, HS_OUTCOME_SKIPPED))
    fuzz_fail ("an import that replaces stored records skipped some", NULL);

  exported = fuzz_export (store, HS_EXPORT_FORMAT_JSON);

  /* Importing the same file twice changes nothing. */
  if (!fuzz_import (store, data, size, format, policy, &second, &error))
    fuzz_fail ("importing the same input a second time failed", error->message);
  if (fuzz_report_sum (&second, HS_OUTCOME_ADDED) || fuzz_report_sum (&second, HS_OUTCOME_UPDATED))
    {
      g_autofree char *text = hs_import_report_to_string (&second);
      fuzz_fail ("importing the same input a second time added or updated records", text);
    }
  again = fuzz_export (store, HS_EXPORT_FORMAT_JSON);
  fuzz_assert_same_bytes ("importing the same input a second time changed the store",
                          exported, again);
  g_clear_pointer (&again, g_bytes_unref);

  /* The CSV export is what a spreadsheet user edits and imports back:
   * unedited, it must change nothing. */
  if (fuzz_csv_can_express (store))
    {
      csv = fuzz_export (store, HS_EXPORT_FORMAT_CSV);
      if (!fuzz_import (store, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv),
                        HS_IMPORT_FORMAT_CSV, HS_CONFLICT_FAIL, &second, &error))
        fuzz_fail ("the store's own CSV export does not import back", error->message);
      if (fuzz_report_sum (&second, HS_OUTCOME_ADDED) ||
          fuzz_report_sum (&second, HS_OUTCOME_UPDATED))
        {
          g_autofree char *text = hs_import_report_to_string (&second);
          fuzz_fail ("the store's own CSV export added or updated records", text);
        }
      again = fuzz_export (store, HS_EXPORT_FORMAT_JSON);
      fuzz_assert_same_bytes ("importing the store's own CSV export changed it", exported, again);
      fuzz_assert_store_consistent (store);
    }

  /* The JSON export holds everything: into an empty store, it gives the
   * same export. */
  fuzz_store_restore (fresh, fuzz_import_state.empty_template);
  if (!fuzz_import (fresh, g_bytes_get_data (exported, NULL), g_bytes_get_size (exported),
                    HS_IMPORT_FORMAT_JSON, HS_CONFLICT_FAIL, &second, &error))
    fuzz_fail ("the store's JSON export does not import into an empty store", error->message);
  fresh_exported = fuzz_export (fresh, HS_EXPORT_FORMAT_JSON);
  fuzz_assert_same_bytes ("export, import into an empty store, export: the bytes differ",
                          exported, fresh_exported);
}

/* One import of the input under @policy into the working store. Returns
 * whether it failed as a conflict. */
static inline gboolean
fuzz_import_run (const uint8_t    *data,
                 size_t            size,
                 HsImportFormat    format,
                 HsConflictPolicy  policy,
                 gboolean          must_succeed)
{
  g_autoptr(GError) error = NULL;
  HsImportReport report;
  gint64 before[HS_N_RECORD_KINDS];

  fuzz_count_all (fuzz_import_state.work, before);
  if (fuzz_import (fuzz_import_state.work, data, size, format, policy, &report, &error))
    {
      fuzz_import_check_success (fuzz_import_state.work, data, size, format, policy, &report,
                                 before);
      fuzz_import_reset ();
      return FALSE;
    }

  fuzz_import_check_failure (fuzz_import_state.work, error);
  if (must_succeed)
    fuzz_fail ("an import that failed only on conflicts fails with --on-conflict keep",
               error->message);
  return g_error_matches (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_CONFLICT);
}

static inline int
fuzz_import_one_input (const uint8_t  *data,
                       size_t          size,
                       HsImportFormat  format)
{
  fuzz_import_init ();

  /* Only conflicts stood in the way: keeping the stored records must get
   * past them, and replacing them may. */
  if (fuzz_import_run (data, size, format, HS_CONFLICT_FAIL, FALSE))
    {
      fuzz_import_run (data, size, format, HS_CONFLICT_KEEP, TRUE);
      fuzz_import_run (data, size, format, HS_CONFLICT_REPLACE, FALSE);
    }

  return 0;
}
