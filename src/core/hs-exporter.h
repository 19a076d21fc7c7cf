/* hs-exporter.h: writing a store out as exchange files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hs-json-writer.h"
#include "hs-store.h"

G_BEGIN_DECLS

typedef enum
{
  HS_EXPORT_FORMAT_AUTO,  /* by the file name's extension */
  HS_EXPORT_FORMAT_JSON,  /* everything */
  HS_EXPORT_FORMAT_CSV,   /* predictions */
} HsExportFormat;

gboolean hs_store_export_json (HsStore        *self,
                               GOutputStream  *stream,
                               GCancellable   *cancellable,
                               GError        **error);
gboolean hs_store_export_csv  (HsStore        *self,
                               GOutputStream  *stream,
                               const HsQuery  *query,
                               GCancellable   *cancellable,
                               GError        **error);
gboolean hs_store_export_file (HsStore        *self,
                               GFile          *file,
                               HsExportFormat  format,
                               const HsQuery  *query,
                               GCancellable   *cancellable,
                               GError        **error);
gboolean hs_store_export_selection (HsStore            *self,
                                    GOutputStream      *stream,
                                    const char * const *speaker_ids,
                                    const char * const *source_ids,
                                    const char * const *topic_ids,
                                    GPtrArray          *claim_ids,
                                    GCancellable       *cancellable,
                                    GError            **error);
void     hs_export_write_date (HsJsonWriter   *writer,
                               const char     *name,
                               const HsDate   *date);

G_END_DECLS
