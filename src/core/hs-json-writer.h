/* hs-json-writer.h: streaming JSON output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _HsJsonWriter HsJsonWriter;

HsJsonWriter *hs_json_writer_new          (GOutputStream *stream,
                                           gboolean       pretty);
void          hs_json_writer_free         (HsJsonWriter  *self);

void          hs_json_writer_begin_object (HsJsonWriter  *self);
void          hs_json_writer_end_object   (HsJsonWriter  *self);
void          hs_json_writer_begin_array  (HsJsonWriter  *self);
void          hs_json_writer_end_array    (HsJsonWriter  *self);
void          hs_json_writer_member       (HsJsonWriter  *self,
                                           const char    *name);
void          hs_json_writer_string       (HsJsonWriter  *self,
                                           const char    *value);
void          hs_json_writer_number       (HsJsonWriter  *self,
                                           double         value);
void          hs_json_writer_int          (HsJsonWriter  *self,
                                           gint64         value);
void          hs_json_writer_boolean      (HsJsonWriter  *self,
                                           gboolean       value);
void          hs_json_writer_null         (HsJsonWriter  *self);

void          hs_json_writer_member_string (HsJsonWriter *self,
                                            const char   *name,
                                            const char   *value);

gboolean      hs_json_writer_finish       (HsJsonWriter  *self,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsJsonWriter, hs_json_writer_free)

G_END_DECLS
