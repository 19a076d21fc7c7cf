/* hs-json-reader.h: a streaming JSON tokenizer that knows where it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HS_JSON_ERROR (hs_json_error_quark ())

typedef enum
{
  HS_JSON_ERROR_SYNTAX,    /* not JSON: a stray character, a missing comma, an unterminated string */
  HS_JSON_ERROR_ENCODING,  /* invalid UTF-8, or a lone UTF-16 surrogate in an escape */
  HS_JSON_ERROR_DEPTH,     /* nested deeper than the reader allows */
  HS_JSON_ERROR_TOO_LONG,  /* a string or number longer than the reader allows */
  HS_JSON_ERROR_EMPTY,     /* no value at all */
  HS_JSON_ERROR_IO,        /* reading the stream failed */
} HsJsonError;

typedef enum
{
  HS_JSON_TOKEN_NONE = 0,
  HS_JSON_TOKEN_BEGIN_OBJECT,
  HS_JSON_TOKEN_END_OBJECT,
  HS_JSON_TOKEN_BEGIN_ARRAY,
  HS_JSON_TOKEN_END_ARRAY,
  HS_JSON_TOKEN_MEMBER,     /* an object member's name; its value is the next token */
  HS_JSON_TOKEN_STRING,
  HS_JSON_TOKEN_NUMBER,
  HS_JSON_TOKEN_TRUE,
  HS_JSON_TOKEN_FALSE,
  HS_JSON_TOKEN_NULL,
  HS_JSON_TOKEN_EOF,
  HS_JSON_TOKEN_ERROR,
} HsJsonToken;

/* Nesting deeper than this is refused: no real file needs it, and it keeps a
 * hostile file from exhausting anything. */
#define HS_JSON_MAX_DEPTH 64
/* Strings and numbers longer than this are refused before they are buffered. */
#define HS_JSON_MAX_STRING (16 * 1024 * 1024)

typedef struct _HsJsonReader HsJsonReader;

GQuark         hs_json_error_quark          (void);

HsJsonReader  *hs_json_reader_new           (GInputStream  *stream);
HsJsonReader  *hs_json_reader_new_for_data  (const char    *data,
                                             gsize          length);
void           hs_json_reader_free          (HsJsonReader  *self);

HsJsonToken    hs_json_reader_next          (HsJsonReader  *self,
                                             GCancellable  *cancellable,
                                             GError       **error);
gboolean       hs_json_reader_skip_value    (HsJsonReader  *self,
                                             GCancellable  *cancellable,
                                             GError       **error);

const char    *hs_json_reader_get_string    (HsJsonReader  *self,
                                             gsize         *length);
double         hs_json_reader_get_number    (HsJsonReader  *self);
const char    *hs_json_reader_get_number_text (HsJsonReader *self);
guint          hs_json_reader_get_depth     (HsJsonReader  *self);
guint          hs_json_reader_get_line      (HsJsonReader  *self);
guint          hs_json_reader_get_column    (HsJsonReader  *self);
goffset        hs_json_reader_get_offset    (HsJsonReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsJsonReader, hs_json_reader_free)

G_END_DECLS
