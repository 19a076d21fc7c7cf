/* hs-json-writer.c: streaming JSON output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include "hs-json-writer.h"

#include <math.h>
#include <string.h>

#define BUFFER_SIZE (64 * 1024)

/* What is known about each open container; the bottom of the stack stands
 * for the document itself, which holds one value.
 */
enum
{
  FRAME_OBJECT       = 1 << 0,
  FRAME_HAS_ITEMS    = 1 << 1,
  FRAME_AFTER_MEMBER = 1 << 2, /* a member name was written; its value is next */
};

/* 0 for bytes a string may hold as they are; anything else needs a look:
 * the quote and backslash, control characters, the start of a multibyte
 * sequence, and the terminating NUL.
 */
static const guint8 escape_bytes[256] = {
  [0x00 ... 0x1f] = 1,
  ['"'] = 1,
  ['\\'] = 1,
  [0x80 ... 0xff] = 1,
};

struct _HsJsonWriter
{
  GOutputStream *stream;
  GError        *error;
  gboolean       pretty;
  gboolean       done;
  guint          depth;
  guint          stack_size;
  guint8        *stack;
  gsize          used;
  char           buffer[BUFFER_SIZE];
};

/**
 * hs_json_writer_new:
 * @stream: where to write
 * @pretty: %TRUE for two-space indentation and one member per line,
 *   %FALSE for the most compact output
 *
 * Creates a writer. Output is buffered; call hs_json_writer_finish() to
 * write it all out and learn whether it worked. The writer keeps a
 * reference on @stream and never closes it.
 */
HsJsonWriter *
hs_json_writer_new (GOutputStream *stream,
                    gboolean       pretty)
{
  HsJsonWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_new0 (HsJsonWriter, 1);
  self->stream = g_object_ref (stream);
  self->pretty = !!pretty;
  self->stack_size = 16;
  self->stack = g_new0 (guint8, self->stack_size);

  return self;
}

/**
 * hs_json_writer_free:
 * @self: a writer
 *
 * Frees the writer. Whatever is still buffered is dropped: a document
 * that is abandoned half-way should not be half-written.
 */
void
hs_json_writer_free (HsJsonWriter *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_pointer (&self->stack, g_free);
  g_clear_error (&self->error);
  g_free (self);
}

static void
flush (HsJsonWriter *self,
       GCancellable *cancellable)
{
  if (self->error == NULL && self->used > 0)
    g_output_stream_write_all (self->stream, self->buffer, self->used, NULL,
                               cancellable, &self->error);
  self->used = 0;
}

static void
put (HsJsonWriter *self,
     const char   *data,
     gsize         n)
{
  if (G_UNLIKELY (self->used + n > BUFFER_SIZE))
    {
      flush (self, NULL);
      if (self->error != NULL)
        return;

      if (n > BUFFER_SIZE)
        {
          g_output_stream_write_all (self->stream, data, n, NULL, NULL, &self->error);
          return;
        }
    }

  memcpy (self->buffer + self->used, data, n);
  self->used += n;
}

static inline void
put_char (HsJsonWriter *self,
          char          c)
{
  if (G_UNLIKELY (self->used == BUFFER_SIZE))
    {
      flush (self, NULL);
      if (self->error != NULL)
        return;
    }

  self->buffer[self->used++] = c;
}

static void
put_indent (HsJsonWriter *self,
            guint         level)
{
  static const char spaces[] = "                                ";
  gsize n = 2 * (gsize) level;

  if (!self->pretty)
    return;

  put_char (self, '\n');
  while (n > 0)
    {
      gsize step = MIN (n, sizeof spaces - 1);

      put (self, spaces, step);
      n -= step;
    }
}

/* Returns the length of the well-formed UTF-8 sequence at @p, or 0. It
 * reads byte by byte and stops at the first bad one, so the string's
 * terminating NUL ends it safely.
 */
static guint
utf8_length (const guchar *p)
{
  guchar lo = 0x80;
  guchar hi = 0xbf;
  guint n;

  if (p[0] < 0x80)
    return 1;
  else if (p[0] < 0xc2)
    return 0;
  else if (p[0] < 0xe0)
    n = 2;
  else if (p[0] < 0xf0)
    {
      n = 3;
      if (p[0] == 0xe0)
        lo = 0xa0;
      else if (p[0] == 0xed)
        hi = 0x9f;
    }
  else if (p[0] < 0xf5)
    {
      n = 4;
      if (p[0] == 0xf0)
        lo = 0x90;
      else if (p[0] == 0xf4)
        hi = 0x8f;
    }
  else
    return 0;

  if (p[1] < lo || p[1] > hi)
    return 0;
  for (guint i = 2; i < n; i++)
    {
      if ((p[i] & 0xc0) != 0x80)
        return 0;
    }

  return n;
}

/* Writes @s as a JSON string. Text that is not UTF-8 gets U+FFFD for each
 * bad byte: the output must stay JSON whatever the database holds.
 */
static void
put_string (HsJsonWriter *self,
            const char   *s)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p = (const guchar *) s;

  put_char (self, '"');

  for (;;)
    {
      const guchar *run = p;
      guchar c;

      while (escape_bytes[*p] == 0)
        p++;
      if (p > run)
        put (self, (const char *) run, (gsize) (p - run));

      c = *p;
      if (c == '\0')
        break;

      if (c >= 0x80)
        {
          guint n = utf8_length (p);

          if (n > 0)
            put (self, (const char *) p, n);
          else
            put (self, "\xef\xbf\xbd", 3);
          p += MAX (n, 1);
          continue;
        }

      switch (c)
        {
        case '"':
          put (self, "\\\"", 2);
          break;
        case '\\':
          put (self, "\\\\", 2);
          break;
        case '\n':
          put (self, "\\n", 2);
          break;
        case '\t':
          put (self, "\\t", 2);
          break;
        case '\r':
          put (self, "\\r", 2);
          break;
        case '\b':
          put (self, "\\b", 2);
          break;
        case '\f':
          put (self, "\\f", 2);
          break;
        default:
          {
            char escape[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] };

            put (self, escape, sizeof escape);
          }
          break;
        }
      p++;
    }

  put_char (self, '"');
}

static gboolean
before_value (HsJsonWriter *self,
              const char   *func)
{
  guint8 *frame = &self->stack[self->depth];

  if (self->depth == 0)
    {
      if (self->done)
        {
          g_critical ("%s: the document already has its value", func);
          return FALSE;
        }
      return TRUE;
    }

  if (*frame & FRAME_OBJECT)
    {
      if (!(*frame & FRAME_AFTER_MEMBER))
        {
          g_critical ("%s: a value in an object needs hs_json_writer_member() first", func);
          return FALSE;
        }
      *frame &= ~FRAME_AFTER_MEMBER;
      return TRUE;
    }

  if (*frame & FRAME_HAS_ITEMS)
    put_char (self, ',');
  put_indent (self, self->depth);
  *frame |= FRAME_HAS_ITEMS;

  return TRUE;
}

static void
after_value (HsJsonWriter *self)
{
  if (self->depth > 0)
    return;

  self->done = TRUE;
  /* A pretty document is a text file, and text files end with a newline. */
  if (self->pretty)
    put_char (self, '\n');
}

static void
begin_container (HsJsonWriter *self,
                 gboolean      object,
                 const char   *func)
{
  if (self->error != NULL || !before_value (self, func))
    return;

  put_char (self, object ? '{' : '[');

  if (self->depth + 1 >= self->stack_size)
    {
      self->stack_size *= 2;
      self->stack = g_realloc (self->stack, self->stack_size);
    }
  self->depth++;
  self->stack[self->depth] = object ? FRAME_OBJECT : 0;
}

static void
end_container (HsJsonWriter *self,
               gboolean      object,
               const char   *func)
{
  guint8 frame;

  if (self->error != NULL)
    return;

  frame = self->stack[self->depth];
  if (self->depth == 0 || !!(frame & FRAME_OBJECT) != object)
    {
      g_critical ("%s: there is no open %s to end", func, object ? "object" : "array");
      return;
    }
  if (frame & FRAME_AFTER_MEMBER)
    {
      g_critical ("%s: the last member has no value", func);
      return;
    }

  self->depth--;
  if (frame & FRAME_HAS_ITEMS)
    put_indent (self, self->depth);
  put_char (self, object ? '}' : ']');
  after_value (self);
}

void
hs_json_writer_begin_object (HsJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  begin_container (self, TRUE, G_STRFUNC);
}

void
hs_json_writer_end_object (HsJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  end_container (self, TRUE, G_STRFUNC);
}

void
hs_json_writer_begin_array (HsJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  begin_container (self, FALSE, G_STRFUNC);
}

void
hs_json_writer_end_array (HsJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  end_container (self, FALSE, G_STRFUNC);
}

/**
 * hs_json_writer_member:
 * @self: a writer
 * @name: the member's name
 *
 * Starts a member of the current object; write its value next.
 */
void
hs_json_writer_member (HsJsonWriter *self,
                       const char   *name)
{
  guint8 *frame;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  if (self->error != NULL)
    return;

  frame = &self->stack[self->depth];
  if (self->depth == 0 || !(*frame & FRAME_OBJECT))
    {
      g_critical ("%s: a member can only be written in an object", G_STRFUNC);
      return;
    }
  if (*frame & FRAME_AFTER_MEMBER)
    {
      g_critical ("%s: the previous member has no value", G_STRFUNC);
      return;
    }

  if (*frame & FRAME_HAS_ITEMS)
    put_char (self, ',');
  put_indent (self, self->depth);
  put_string (self, name);
  if (self->pretty)
    put (self, ": ", 2);
  else
    put_char (self, ':');
  *frame |= FRAME_HAS_ITEMS | FRAME_AFTER_MEMBER;
}

/**
 * hs_json_writer_string:
 * @self: a writer
 * @value: (nullable): UTF-8 text
 *
 * Writes a string, or null when @value is %NULL.
 */
void
hs_json_writer_string (HsJsonWriter *self,
                       const char   *value)
{
  g_return_if_fail (self != NULL);

  if (value == NULL)
    {
      hs_json_writer_null (self);
      return;
    }

  if (self->error != NULL || !before_value (self, G_STRFUNC))
    return;

  put_string (self, value);
  after_value (self);
}

/* The shortest of %.15g, %.16g and %.17g that reads back as the same
 * double: 0.2 stays 0.2, and 0.1 + 0.2 keeps all the digits that tell it
 * apart. %.17g always round-trips.
 */
static void
format_double (double value,
               char   buf[G_ASCII_DTOSTR_BUF_SIZE])
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

/**
 * hs_json_writer_number:
 * @self: a writer
 * @value: a number
 *
 * Writes @value in the fewest digits that read back exactly. JSON has no
 * NaN or infinity: those are written as null.
 */
void
hs_json_writer_number (HsJsonWriter *self,
                       double        value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (self != NULL);

  if (self->error != NULL || !before_value (self, G_STRFUNC))
    return;

  if (isfinite (value))
    {
      format_double (value, buf);
      put (self, buf, strlen (buf));
    }
  else
    put (self, "null", 4);

  after_value (self);
}

void
hs_json_writer_int (HsJsonWriter *self,
                    gint64        value)
{
  char buf[32];
  int n;

  g_return_if_fail (self != NULL);

  if (self->error != NULL || !before_value (self, G_STRFUNC))
    return;

  n = g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  put (self, buf, (gsize) n);
  after_value (self);
}

void
hs_json_writer_boolean (HsJsonWriter *self,
                        gboolean      value)
{
  g_return_if_fail (self != NULL);

  if (self->error != NULL || !before_value (self, G_STRFUNC))
    return;

  if (value)
    put (self, "true", 4);
  else
    put (self, "false", 5);
  after_value (self);
}

void
hs_json_writer_null (HsJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  if (self->error != NULL || !before_value (self, G_STRFUNC))
    return;

  put (self, "null", 4);
  after_value (self);
}

/**
 * hs_json_writer_member_string:
 * @self: a writer
 * @name: the member's name
 * @value: (nullable): its value
 *
 * Writes a member with a string value. When @value is %NULL the member is
 * left out: in the exchange format an absent member and a null one mean
 * the same, and leaving it out keeps exported files short.
 */
void
hs_json_writer_member_string (HsJsonWriter *self,
                              const char   *name,
                              const char   *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  if (value == NULL)
    return;

  hs_json_writer_member (self, name);
  hs_json_writer_string (self, value);
}

/**
 * hs_json_writer_finish:
 * @self: a writer
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report the first failed write
 *
 * Writes out what is buffered and flushes the stream (without closing it).
 *
 * Returns: %TRUE when everything written so far reached the stream
 */
gboolean
hs_json_writer_finish (HsJsonWriter  *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->error == NULL && self->depth > 0)
    g_critical ("%s: %u arrays or objects are still open", G_STRFUNC, self->depth);

  flush (self, cancellable);
  if (self->error == NULL)
    g_output_stream_flush (self->stream, cancellable, &self->error);

  if (self->error != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (self->error);
      return FALSE;
    }

  return TRUE;
}
