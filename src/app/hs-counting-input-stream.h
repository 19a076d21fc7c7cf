/* hs-counting-input-stream.h: a stream that says how much of it was read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called in the main context given to the stream, with the bytes read so
 * far and the size of the whole (0 when unknown). */
typedef void (*HsProgressFunc) (guint64  read,
                                guint64  total,
                                gpointer user_data);

#define HS_TYPE_COUNTING_INPUT_STREAM (hs_counting_input_stream_get_type ())

G_DECLARE_FINAL_TYPE (HsCountingInputStream, hs_counting_input_stream, HS, COUNTING_INPUT_STREAM,
                      GFilterInputStream)

GInputStream *hs_counting_input_stream_new      (GInputStream   *base,
                                                 guint64         total,
                                                 GMainContext   *context,
                                                 HsProgressFunc  func,
                                                 gpointer        user_data,
                                                 GDestroyNotify  destroy);
guint64       hs_counting_input_stream_get_read (HsCountingInputStream *self);

G_END_DECLS
