/* hs-csv.h: RFC 4180 CSV, read as a stream with line numbers, and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HS_CSV_ERROR (hs_csv_error_quark ())

typedef enum
{
  HS_CSV_ERROR_SYNTAX,    /* an unterminated quote, a quote in the middle of a bare field */
  HS_CSV_ERROR_ENCODING,  /* invalid UTF-8, or a NUL byte */
  HS_CSV_ERROR_TOO_LONG,  /* a field or row beyond the limits */
  HS_CSV_ERROR_IO,
} HsCsvError;

#define HS_CSV_MAX_FIELD  (16 * 1024 * 1024)
#define HS_CSV_MAX_FIELDS 256

typedef struct _HsCsvReader HsCsvReader;
typedef struct _HsCsvWriter HsCsvWriter;

GQuark        hs_csv_error_quark          (void);

HsCsvReader  *hs_csv_reader_new           (GInputStream  *stream);
void          hs_csv_reader_free          (HsCsvReader   *self);
gboolean      hs_csv_reader_next_row      (HsCsvReader   *self,
                                           GCancellable  *cancellable,
                                           GError       **error);
guint         hs_csv_reader_get_n_fields  (HsCsvReader   *self);
const char   *hs_csv_reader_get_field     (HsCsvReader   *self,
                                           guint          index,
                                           gsize         *length);
guint         hs_csv_reader_get_line      (HsCsvReader   *self);
guint         hs_csv_reader_get_error_column (HsCsvReader *self);

HsCsvWriter  *hs_csv_writer_new           (GOutputStream *stream);
void          hs_csv_writer_free          (HsCsvWriter   *self);
void          hs_csv_writer_field         (HsCsvWriter   *self,
                                           const char    *value);
void          hs_csv_writer_end_row       (HsCsvWriter   *self);
gboolean      hs_csv_writer_finish        (HsCsvWriter   *self,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsCsvReader, hs_csv_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsCsvWriter, hs_csv_writer_free)

G_END_DECLS
