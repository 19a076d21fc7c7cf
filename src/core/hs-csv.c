/* hs-csv.c: RFC 4180 CSV, read as a stream with line numbers, and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include "hs-csv.h"

#include <string.h>

/* Reads are this large; the few bytes of lookahead a "\r\n", a doubled
 * quote or a character after a closing quote need fit in the extra room.
 */
#define CHUNK_SIZE  (64 * 1024)
#define LOOKAHEAD   8
#define BUFFER_SIZE (64 * 1024)

/* One row is held in memory whole. Each field has its own limit; this one
 * keeps a row of many large fields from holding gigabytes.
 */
#define MAX_ROW (4 * (gsize) HS_CSV_MAX_FIELD)

/* Formula injection.
 *
 * A spreadsheet opening a CSV file runs a cell that starts with "=", "+",
 * "-" or "@" as a formula (and some take a leading TAB or CR the same way),
 * so a claim whose text reads "=HYPERLINK(...)" could act when an exported
 * sheet is opened. The writer puts an apostrophe in front of such a field,
 * which spreadsheets take as "this is text" and do not show. A sign that
 * leads a plain number ("-5", "+0.25") is left alone; anything else after
 * a sign counts, since "-1+cmd|…" is as much a formula as "=cmd|…".
 *
 * The reader removes the apostrophe again, so that export and import
 * round-trip. For that to hold for every text, leading apostrophes are
 * looked through: a field "'=x" is written "''=x" and read back as "'=x",
 * while "'hello", which was never prefixed, is read as it is.
 */
/* Digits with at most one decimal point: what a sign may lead without the
 * field being a formula. */
static gboolean
is_number (const char *s,
           gsize       len)
{
  gboolean digits = FALSE, point = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (s[i]))
        digits = TRUE;
      else if (s[i] == '.' && !point)
        point = TRUE;
      else
        return FALSE;
    }
  return digits;
}

static gboolean
needs_apostrophe (const char *s,
                  gsize       len)
{
  while (len > 0 && *s == '\'')
    {
      s++;
      len--;
    }

  if (len == 0)
    return FALSE;

  switch (s[0])
    {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    case '+':
    case '-':
      return !is_number (s + 1, len - 1);
    default:
      return FALSE;
    }
}

G_DEFINE_QUARK (hs-csv-error-quark, hs_csv_error)

/* Reader */

enum
{
  BYTE_PLAIN = 0,
  BYTE_COMMA,
  BYTE_LF,
  BYTE_CR,
  BYTE_QUOTE,
};

static const guint8 bare_bytes[256] = {
  [','] = BYTE_COMMA,
  ['\n'] = BYTE_LF,
  ['\r'] = BYTE_CR,
  ['"'] = BYTE_QUOTE,
};

typedef enum
{
  FIELD_ERROR,
  FIELD_NEXT, /* a comma: another field follows */
  FIELD_LAST, /* the end of the row */
} FieldEnd;

struct _HsCsvReader
{
  GInputStream *stream;
  GCancellable *cancellable; /* set only for the duration of a call */
  char         *buf;
  gsize         len;
  gsize         pos;
  gboolean      eof;
  gboolean      started;
  gboolean      done;

  guint         line;     /* where the scanner is */
  guint         row_line; /* where the current row starts */
  guint         error_column;
  GError       *error;

  /* The fields of the current row, each NUL-terminated, one after the
   * other in one buffer that is reused from row to row.
   */
  char         *data;
  gsize         data_len;
  gsize         data_size;
  guint         n_fields;
  gsize         starts[HS_CSV_MAX_FIELDS];
  gsize         lengths[HS_CSV_MAX_FIELDS];
};

/**
 * hs_csv_reader_new:
 * @stream: the input
 *
 * Creates a reader that reads @stream in chunks of 64 KiB as rows are asked
 * for. The reader keeps a reference on @stream and never closes it.
 */
HsCsvReader *
hs_csv_reader_new (GInputStream *stream)
{
  HsCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (HsCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->buf = g_malloc (CHUNK_SIZE + LOOKAHEAD);
  self->line = 1;
  self->data_size = 1024;
  self->data = g_malloc (self->data_size);

  return self;
}

void
hs_csv_reader_free (HsCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_pointer (&self->buf, g_free);
  g_clear_pointer (&self->data, g_free);
  g_clear_error (&self->error);
  g_free (self);
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail (HsCsvReader *self,
      HsCsvError   code,
      const char  *format,
      ...)
{
  va_list args;

  if (self->error != NULL)
    return FALSE;

  self->error_column = self->n_fields + 1;
  va_start (args, format);
  self->error = g_error_new_valist (HS_CSV_ERROR, code, format, args);
  va_end (args);

  return FALSE;
}

/* Makes at least @want bytes available from pos. Returns FALSE when the
 * input ends first, or when reading failed (then self->error is set).
 */
static gboolean
fill (HsCsvReader *self,
      gsize        want)
{
  gsize tail;

  if (self->len - self->pos >= want)
    return TRUE;
  if (self->eof || self->error != NULL)
    return FALSE;

  tail = self->len - self->pos;
  memmove (self->buf, self->buf + self->pos, tail);
  self->pos = 0;
  self->len = tail;

  while (self->len < want && !self->eof)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n;

      if (g_cancellable_set_error_if_cancelled (self->cancellable, &local_error))
        n = -1;
      else
        n = g_input_stream_read (self->stream,
                                 self->buf + self->len,
                                 CHUNK_SIZE + LOOKAHEAD - self->len,
                                 self->cancellable,
                                 &local_error);

      if (n < 0)
        {
          /* A cancellation is not a broken file: keep it recognisable. */
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              self->error_column = self->n_fields + 1;
              self->error = g_steal_pointer (&local_error);
            }
          else
            fail (self, HS_CSV_ERROR_IO, "could not read: %s", local_error->message);
          return FALSE;
        }

      if (n == 0)
        self->eof = TRUE;
      self->len += (gsize) n;
    }

  return self->len - self->pos >= want;
}

static gboolean
append (HsCsvReader *self,
        gsize        field_start,
        const char  *bytes,
        gsize        n)
{
  gsize need = self->data_len + n + 1;

  if (self->data_len - field_start + n > HS_CSV_MAX_FIELD)
    return fail (self, HS_CSV_ERROR_TOO_LONG, "field longer than %u MiB",
                 (guint) (HS_CSV_MAX_FIELD / (1024 * 1024)));
  if (need > MAX_ROW)
    return fail (self, HS_CSV_ERROR_TOO_LONG, "row longer than %u MiB",
                 (guint) (MAX_ROW / (1024 * 1024)));

  if (G_UNLIKELY (need > self->data_size))
    {
      gsize size = self->data_size;

      while (size < need)
        size *= 2;
      self->data = g_realloc (self->data, size);
      self->data_size = size;
    }

  memcpy (self->data + self->data_len, bytes, n);
  self->data_len += n;

  return TRUE;
}

/* Describes the character at the current position for a message. Returns
 * FALSE when it is not UTF-8.
 */
static gboolean
describe_here (HsCsvReader *self,
               char        *out,
               gsize        out_size)
{
  const char *p;
  gsize avail;
  gunichar ch;

  fill (self, 4);
  p = self->buf + self->pos;
  avail = self->len - self->pos;

  if ((guchar) p[0] < 0x80)
    {
      if (g_ascii_isgraph (p[0]))
        g_snprintf (out, out_size, "\"%c\"", p[0]);
      else
        g_snprintf (out, out_size, "U+%04X", (guint) p[0]);
      return TRUE;
    }

  ch = g_utf8_get_char_validated (p, (gssize) MIN (avail, 4));
  if (ch == (gunichar) -1 || ch == (gunichar) -2)
    return FALSE;

  if (g_unichar_isgraph (ch))
    g_snprintf (out, out_size, "\"%.*s\"", g_unichar_to_utf8 (ch, NULL), p);
  else
    g_snprintf (out, out_size, "U+%04X", ch);

  return TRUE;
}

/* Consumes "\r\n" at pos, or reports a lone "\r". */
static gboolean
crlf (HsCsvReader *self)
{
  if (!fill (self, 2) || self->buf[self->pos + 1] != '\n')
    {
      if (self->error != NULL)
        return FALSE;
      return fail (self, HS_CSV_ERROR_SYNTAX,
                   "a carriage return outside quotes must be followed by a line feed");
    }

  self->pos += 2;
  self->line++;

  return TRUE;
}

static FieldEnd
read_bare (HsCsvReader *self,
           gsize        field_start)
{
  for (;;)
    {
      const guchar *start = (const guchar *) self->buf + self->pos;
      const guchar *end = (const guchar *) self->buf + self->len;
      const guchar *p = start;

      while (p < end && bare_bytes[*p] == BYTE_PLAIN)
        p++;

      if (p > start && !append (self, field_start, (const char *) start, (gsize) (p - start)))
        return FIELD_ERROR;
      self->pos = (gsize) ((const char *) p - self->buf);

      if (p == end)
        {
          if (fill (self, 1))
            continue;
          return self->error != NULL ? FIELD_ERROR : FIELD_LAST;
        }

      switch (bare_bytes[*p])
        {
        case BYTE_COMMA:
          self->pos++;
          return FIELD_NEXT;
        case BYTE_LF:
          self->pos++;
          self->line++;
          return FIELD_LAST;
        case BYTE_CR:
          return crlf (self) ? FIELD_LAST : FIELD_ERROR;
        case BYTE_QUOTE:
          fail (self, HS_CSV_ERROR_SYNTAX,
                "a quote inside an unquoted field (quote the whole field and double the quote)");
          return FIELD_ERROR;
        default:
          g_assert_not_reached ();
        }
    }
}

static FieldEnd
read_quoted (HsCsvReader *self,
             gsize        field_start)
{
  guint quote_line = self->line;

  self->pos++;

  for (;;)
    {
      const char *start = self->buf + self->pos;
      const char *end = self->buf + self->len;
      const char *p = start;
      char found[32];

      while (p < end && *p != '"' && *p != '\n')
        p++;

      if (p > start && !append (self, field_start, start, (gsize) (p - start)))
        return FIELD_ERROR;
      self->pos = (gsize) (p - self->buf);

      if (p == end)
        {
          if (fill (self, 1))
            continue;
          /* The place to fix is where the quote opened, not the end of
           * the file where it was found missing. */
          self->line = quote_line;
          if (self->error == NULL)
            fail (self, HS_CSV_ERROR_SYNTAX,
                  "the quote opened on line %u is never closed", quote_line);
          return FIELD_ERROR;
        }

      if (*p == '\n')
        {
          if (!append (self, field_start, "\n", 1))
            return FIELD_ERROR;
          self->pos++;
          self->line++;
          continue;
        }

      /* A quote: doubled it stands for itself, else it closes the field. */
      if (!fill (self, 2) && self->error != NULL)
        return FIELD_ERROR;
      if (self->len - self->pos >= 2 && self->buf[self->pos + 1] == '"')
        {
          if (!append (self, field_start, "\"", 1))
            return FIELD_ERROR;
          self->pos += 2;
          continue;
        }

      self->pos++;
      if (!fill (self, 1))
        return self->error != NULL ? FIELD_ERROR : FIELD_LAST;

      switch (self->buf[self->pos])
        {
        case ',':
          self->pos++;
          return FIELD_NEXT;
        case '\n':
          self->pos++;
          self->line++;
          return FIELD_LAST;
        case '\r':
          return crlf (self) ? FIELD_LAST : FIELD_ERROR;
        default:
          if (!describe_here (self, found, sizeof found))
            fail (self, HS_CSV_ERROR_ENCODING, "invalid UTF-8");
          else
            fail (self, HS_CSV_ERROR_SYNTAX, "unexpected %s after a closing quote", found);
          return FIELD_ERROR;
        }
    }
}

/* Checks the field that starts at @field_start and records it. */
static gboolean
end_field (HsCsvReader *self,
           gsize        field_start,
           guint        field_line)
{
  const char *field = self->data + field_start;
  gsize len = self->data_len - field_start;
  const char *bad;

  if (!g_utf8_validate_len (field, len, &bad))
    {
      /* The error is on the line of the bad byte, which in a quoted field
       * may be below the one the field started on.
       */
      self->line = field_line;
      for (const char *p = field; p < bad; p++)
        {
          if (*p == '\n')
            self->line++;
        }

      if (*bad == '\0')
        return fail (self, HS_CSV_ERROR_ENCODING, "a NUL byte is not allowed");
      return fail (self, HS_CSV_ERROR_ENCODING, "invalid UTF-8");
    }

  /* An empty field appended nothing, so nothing made room for its
   * terminator: the buffer may be exactly full. Making room may move it. */
  if (!append (self, field_start, "", 0))
    return FALSE;
  field = self->data + field_start;
  self->data[self->data_len++] = '\0';

  if (len > 1 && field[0] == '\'' && needs_apostrophe (field + 1, len - 1))
    {
      field_start++;
      len--;
    }

  self->starts[self->n_fields] = field_start;
  self->lengths[self->n_fields] = len;
  self->n_fields++;

  return TRUE;
}

static gboolean
read_row (HsCsvReader *self)
{
  if (!self->started)
    {
      self->started = TRUE;
      if (fill (self, 3) && memcmp (self->buf, "\xef\xbb\xbf", 3) == 0)
        self->pos += 3;
    }

  self->n_fields = 0;
  self->data_len = 0;

  /* A line with nothing on it is no row at all. */
  for (;;)
    {
      if (!fill (self, 1))
        {
          self->done = self->error == NULL;
          return FALSE;
        }

      if (self->buf[self->pos] == '\n')
        {
          self->pos++;
          self->line++;
        }
      else if (self->buf[self->pos] == '\r'
               && fill (self, 2) && self->buf[self->pos + 1] == '\n')
        {
          self->pos += 2;
          self->line++;
        }
      else if (self->error != NULL)
        return FALSE;
      else
        break;
    }

  self->row_line = self->line;

  for (;;)
    {
      gsize field_start = self->data_len;
      guint field_line = self->line;
      FieldEnd field_end;

      if (self->n_fields == HS_CSV_MAX_FIELDS)
        return fail (self, HS_CSV_ERROR_TOO_LONG, "more than %u fields in a row",
                     (guint) HS_CSV_MAX_FIELDS);

      if (fill (self, 1) && self->buf[self->pos] == '"')
        field_end = read_quoted (self, field_start);
      else if (self->error != NULL)
        return FALSE;
      else
        field_end = read_bare (self, field_start);

      if (field_end == FIELD_ERROR || !end_field (self, field_start, field_line))
        return FALSE;

      if (field_end == FIELD_LAST)
        return TRUE;
    }
}

/**
 * hs_csv_reader_next_row:
 * @self: a reader
 * @cancellable: (nullable): checked before each read from the stream
 * @error: where to report a problem
 *
 * Reads the next row. Lines with nothing on them are skipped; the last row
 * needs no line break after it. A field the writer protected against
 * formula injection comes back without its apostrophe.
 *
 * On a problem, hs_csv_reader_get_line() gives the line it is on (for a
 * quote never closed, the line where it opened) and
 * hs_csv_reader_get_error_column() the 1-based number of the field. A
 * cancelled read is reported as %G_IO_ERROR_CANCELLED. Once it has failed,
 * the reader returns the same error again.
 *
 * Returns: %TRUE with a row; %FALSE at the end (with @error unset) or on
 *   an error
 */
gboolean
hs_csv_reader_next_row (HsCsvReader   *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->done)
    return FALSE;

  if (self->error == NULL)
    {
      self->cancellable = cancellable;
      ok = read_row (self);
      self->cancellable = NULL;

      if (ok || self->done)
        return ok;

      g_assert (self->error != NULL);
      self->n_fields = 0;
      self->row_line = self->line;
    }

  if (error != NULL)
    *error = g_error_copy (self->error);

  return FALSE;
}

guint
hs_csv_reader_get_n_fields (HsCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_fields;
}

/**
 * hs_csv_reader_get_field:
 * @self: a reader
 * @index: the 0-based field number
 * @length: (out) (optional): its length in bytes
 *
 * Returns: the field, NUL-terminated UTF-8 owned by the reader and valid
 *   until the next row is read
 */
const char *
hs_csv_reader_get_field (HsCsvReader *self,
                         guint        index,
                         gsize       *length)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_fields, NULL);

  if (length != NULL)
    *length = self->lengths[index];

  return self->data + self->starts[index];
}

/**
 * hs_csv_reader_get_line:
 * @self: a reader
 *
 * Returns: the 1-based line on which the current row starts; after an
 *   error, the line the error is on
 */
guint
hs_csv_reader_get_line (HsCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row_line;
}

/**
 * hs_csv_reader_get_error_column:
 * @self: a reader
 *
 * Returns: the 1-based number of the field where the error is, or 0
 *   without an error
 */
guint
hs_csv_reader_get_error_column (HsCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->error != NULL ? self->error_column : 0;
}

/* Writer */

struct _HsCsvWriter
{
  GOutputStream *stream;
  GError        *error;
  guint          n_fields;   /* in the current row */
  gboolean       last_empty; /* the last field written was empty */
  gsize          used;
  char           buffer[BUFFER_SIZE];
};

/**
 * hs_csv_writer_new:
 * @stream: where to write
 *
 * Creates a writer. Rows end with "\n" alone, as text files do on the
 * systems Hindsight runs on; spreadsheets read either ending. Output is
 * buffered; call hs_csv_writer_finish() to write it out and learn whether
 * it worked. The writer keeps a reference on @stream and never closes it.
 */
HsCsvWriter *
hs_csv_writer_new (GOutputStream *stream)
{
  HsCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_new0 (HsCsvWriter, 1);
  self->stream = g_object_ref (stream);

  return self;
}

/**
 * hs_csv_writer_free:
 * @self: a writer
 *
 * Frees the writer, dropping whatever is still buffered.
 */
void
hs_csv_writer_free (HsCsvWriter *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_error (&self->error);
  g_free (self);
}

static void
writer_flush (HsCsvWriter  *self,
              GCancellable *cancellable)
{
  if (self->error == NULL && self->used > 0)
    g_output_stream_write_all (self->stream, self->buffer, self->used, NULL,
                               cancellable, &self->error);
  self->used = 0;
}

static void
put (HsCsvWriter *self,
     const char  *data,
     gsize        n)
{
  if (G_UNLIKELY (self->used + n > BUFFER_SIZE))
    {
      writer_flush (self, NULL);
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

/* Writes valid UTF-8, doubling quotes when @quoted. */
static void
put_text (HsCsvWriter *self,
          const char  *text,
          gsize        len,
          gboolean     quoted)
{
  const char *end = text + len;

  while (quoted && text < end)
    {
      const char *quote = memchr (text, '"', (gsize) (end - text));

      if (quote == NULL)
        break;
      put (self, text, (gsize) (quote - text) + 1);
      put (self, "\"", 1);
      text = quote + 1;
    }

  put (self, text, (gsize) (end - text));
}

/**
 * hs_csv_writer_field:
 * @self: a writer
 * @value: (nullable): UTF-8 text; %NULL is an empty field
 *
 * Writes a field, quoted when it holds a comma, a quote or a line break,
 * or starts or ends with a space (which some readers trim). A field that
 * a spreadsheet would take for a formula gets an apostrophe in front (see
 * needs_apostrophe()). Text that is not UTF-8 gets U+FFFD for each bad
 * byte, since the reader refuses it.
 */
void
hs_csv_writer_field (HsCsvWriter *self,
                     const char  *value)
{
  gsize len;
  gboolean quoted;
  const char *p;
  const char *end;

  g_return_if_fail (self != NULL);

  if (self->error != NULL)
    return;

  if (value == NULL)
    value = "";
  len = strlen (value);

  if (self->n_fields > 0)
    put (self, ",", 1);
  self->n_fields++;
  self->last_empty = len == 0;

  quoted = strpbrk (value, ",\"\r\n") != NULL
           || (len > 0 && (value[0] == ' ' || value[len - 1] == ' '));

  if (quoted)
    put (self, "\"", 1);
  if (needs_apostrophe (value, len))
    put (self, "'", 1);

  p = value;
  end = value + len;
  while (p < end)
    {
      const char *valid_end;

      if (g_utf8_validate_len (p, (gsize) (end - p), &valid_end))
        valid_end = end;

      put_text (self, p, (gsize) (valid_end - p), quoted);
      if (valid_end == end)
        break;

      put (self, "\xef\xbf\xbd", 3);
      p = valid_end + 1;
    }

  if (quoted)
    put (self, "\"", 1);
}

void
hs_csv_writer_end_row (HsCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  if (self->error != NULL)
    return;

  /* A row of one empty field would be an empty line, which readers skip;
   * quoting the field keeps the row.
   */
  if (self->n_fields == 1 && self->last_empty)
    put (self, "\"\"", 2);

  put (self, "\n", 1);
  self->n_fields = 0;
}

/**
 * hs_csv_writer_finish:
 * @self: a writer
 * @cancellable: (nullable): a #GCancellable
 * @error: where to report the first failed write
 *
 * Writes out what is buffered and flushes the stream (without closing it).
 *
 * Returns: %TRUE when everything written so far reached the stream
 */
gboolean
hs_csv_writer_finish (HsCsvWriter   *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer_flush (self, cancellable);
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
