/* hs-importer.h: reading exchange files into a store, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hs-store.h"

G_BEGIN_DECLS

#define HS_IMPORT_ERROR (hs_import_error_quark ())

typedef enum
{
  HS_IMPORT_ERROR_INVALID,   /* the file has problems; the message lists them, one per line */
  HS_IMPORT_ERROR_CONFLICT,  /* only conflicts with the database stood in the way */
  HS_IMPORT_ERROR_FORMAT,    /* the kind of file cannot be told, or is not one Hindsight reads */
} HsImportError;

typedef enum
{
  HS_IMPORT_FORMAT_AUTO,     /* by the file name's extension */
  HS_IMPORT_FORMAT_JSON,
  HS_IMPORT_FORMAT_CSV,
} HsImportFormat;

typedef enum
{
  HS_CONFLICT_FAIL,          /* a record that differs from the stored one is an error */
  HS_CONFLICT_KEEP,          /* keep the stored record, report the file's as skipped */
  HS_CONFLICT_REPLACE,       /* the file's record replaces the stored one */
} HsConflictPolicy;

typedef enum
{
  HS_RECORD_SPEAKER,
  HS_RECORD_SOURCE,
  HS_RECORD_TOPIC,
  HS_RECORD_CLAIM,
  HS_RECORD_RESOLUTION,
  HS_N_RECORD_KINDS
} HsRecordKind;

typedef enum
{
  HS_OUTCOME_ADDED,
  HS_OUTCOME_UPDATED,
  HS_OUTCOME_UNCHANGED,
  HS_OUTCOME_SKIPPED,
  HS_N_OUTCOMES
} HsOutcome;

typedef struct
{
  guint counts[HS_N_RECORD_KINDS][HS_N_OUTCOMES];
  guint predictions_added;
} HsImportReport;

/* Problems beyond this many are counted, not listed. */
#define HS_IMPORT_MAX_PROBLEMS 50

GQuark    hs_import_error_quark        (void);

gboolean  hs_store_import_stream       (HsStore          *self,
                                        GInputStream     *stream,
                                        const char       *display_name,
                                        HsImportFormat    format,
                                        HsConflictPolicy  policy,
                                        HsImportReport   *report,
                                        GCancellable     *cancellable,
                                        GError          **error);
gboolean  hs_store_import_file         (HsStore          *self,
                                        GFile            *file,
                                        HsImportFormat    format,
                                        HsConflictPolicy  policy,
                                        HsImportReport   *report,
                                        GCancellable     *cancellable,
                                        GError          **error);
gboolean  hs_store_import_bundled      (HsStore          *self,
                                        HsImportReport   *report,
                                        GError          **error);
guint     hs_import_report_total       (const HsImportReport *report,
                                        HsOutcome         outcome);
char     *hs_import_report_to_string   (const HsImportReport *report);

G_END_DECLS
