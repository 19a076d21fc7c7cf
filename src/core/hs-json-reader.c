/* hs-json-reader.c: a streaming JSON tokenizer that knows where it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include "hs-json-reader.h"

#include <string.h>

/* Reads are this large. The buffer has a little more room so that the few
 * bytes of a token split across two reads (an escape, a UTF-8 sequence, a
 * literal) can be moved to the front and completed in place.
 */
#define CHUNK_SIZE (64 * 1024)
#define LOOKAHEAD  64

/* Long enough to quote a mistyped literal ("nul", "True", "NaN") back to
 * the user, short enough to keep a message on one line.
 */
#define MAX_WORD 32

typedef enum
{
  STATE_START,        /* the top-level value */
  STATE_ARRAY_FIRST,  /* after "[": a value or "]" */
  STATE_ARRAY_VALUE,  /* after "," in an array: a value */
  STATE_ARRAY_NEXT,   /* after an element: "," or "]" */
  STATE_OBJECT_FIRST, /* after "{": a member name or "}" */
  STATE_OBJECT_NAME,  /* after "," in an object: a member name */
  STATE_OBJECT_NEXT,  /* after a member's value: "," or "}" */
  STATE_MEMBER_COLON, /* after a member name: ":" and then its value */
  STATE_MEMBER_VALUE, /* after ":": the member's value */
  STATE_END,          /* after the top-level value: only whitespace */
  STATE_DONE,         /* EOF was returned */
  STATE_FAILED,       /* an error was returned; it is returned again */
} State;

enum
{
  BYTE_PLAIN = 0,
  BYTE_QUOTE,
  BYTE_BACKSLASH,
  BYTE_CONTROL,
  BYTE_UTF8,
};

/* One table lookup per byte keeps the loop over a string's ordinary
 * characters free of branches on what the byte might be.
 */
static const guint8 string_bytes[256] = {
  [0x00 ... 0x1f] = BYTE_CONTROL,
  ['"'] = BYTE_QUOTE,
  ['\\'] = BYTE_BACKSLASH,
  [0x80 ... 0xff] = BYTE_UTF8,
};

static const guint8 number_bytes[256] = {
  ['0' ... '9'] = 1,
  ['-'] = 1,
  ['+'] = 1,
  ['.'] = 1,
  ['e'] = 1,
  ['E'] = 1,
};

struct _HsJsonReader
{
  GInputStream *stream;      /* NULL when reading from memory */
  GCancellable *cancellable; /* set only for the duration of a call */
  char         *chunk;       /* owned buffer that reads go to */
  const char   *buf;         /* chunk, or the caller's data */
  gsize         len;
  gsize         pos;
  goffset       buf_offset;  /* offset in the input of buf[0] */
  guint         eof : 1;
  guint         started : 1;
  guint         number_parsed : 1;
  guint         in_number : 1;

  /* Columns count characters. Newlines only occur in whitespace and
   * non-ASCII only inside strings, so the column of any byte is its
   * distance from the start of the line less the UTF-8 continuation bytes
   * seen on the line so far, which the string scanner counts.
   */
  guint         line;
  goffset       line_start;
  goffset       line_extra;

  HsJsonToken   token;
  guint         token_line;
  guint         token_column;
  goffset       token_offset;

  /* The decoded text of the current string, member name or number,
   * NUL-terminated. It grows to fit the longest token seen and is reused.
   */
  char         *text;
  gsize         text_len;
  gsize         text_size;
  double        number;

  State         state;
  guint         depth;
  guint64       objects; /* bit n set when the container at depth n + 1 is an object */
  GError       *error;
};

G_STATIC_ASSERT (HS_JSON_MAX_DEPTH <= 64);

G_DEFINE_QUARK (hs-json-error-quark, hs_json_error)

static HsJsonReader *
reader_new (void)
{
  HsJsonReader *self;

  self = g_new0 (HsJsonReader, 1);
  self->line = 1;
  self->text_size = 256;
  self->text = g_malloc (self->text_size);
  self->text[0] = '\0';
  self->state = STATE_START;

  return self;
}

/**
 * hs_json_reader_new:
 * @stream: the input
 *
 * Creates a reader that reads @stream in chunks of 64 KiB as tokens are
 * asked for. The reader keeps a reference on @stream and never closes it.
 */
HsJsonReader *
hs_json_reader_new (GInputStream *stream)
{
  HsJsonReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = reader_new ();
  self->stream = g_object_ref (stream);
  self->chunk = g_malloc (CHUNK_SIZE + LOOKAHEAD);
  self->buf = self->chunk;

  return self;
}

/**
 * hs_json_reader_new_for_data:
 * @data: the document, not necessarily NUL-terminated
 * @length: its length in bytes
 *
 * Creates a reader over @data without copying it: @data must outlive the
 * reader.
 */
HsJsonReader *
hs_json_reader_new_for_data (const char *data,
                             gsize       length)
{
  HsJsonReader *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = reader_new ();
  self->buf = data != NULL ? data : "";
  self->len = length;
  self->eof = TRUE;

  return self;
}

void
hs_json_reader_free (HsJsonReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_pointer (&self->chunk, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_error (&self->error);
  g_free (self);
}

/* Positions and errors */

static inline void
mark_here (HsJsonReader *self)
{
  self->token_offset = self->buf_offset + (goffset) self->pos;
  self->token_line = self->line;
  self->token_column = (guint) (self->token_offset - self->line_start - self->line_extra + 1);
}

/* Only the first error is kept: once the input is broken, what follows it
 * says nothing more about the file.
 */
G_GNUC_PRINTF (3, 4)
static gboolean
fail (HsJsonReader *self,
      HsJsonError   code,
      const char   *format,
      ...)
{
  va_list args;

  if (self->error != NULL)
    return FALSE;

  va_start (args, format);
  self->error = g_error_new_valist (HS_JSON_ERROR, code, format, args);
  va_end (args);

  return FALSE;
}

/* Makes at least @want bytes available from pos, reading more when needed.
 * Returns FALSE when the input ends first, or when reading failed (then
 * self->error is set).
 */
static gboolean
fill (HsJsonReader *self,
      gsize         want)
{
  gsize tail;

  if (self->len - self->pos >= want)
    return TRUE;
  if (self->eof || self->error != NULL)
    return FALSE;

  g_assert (want <= LOOKAHEAD);

  tail = self->len - self->pos;
  memmove (self->chunk, self->chunk + self->pos, tail);
  self->buf_offset += (goffset) self->pos;
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
                                 self->chunk + self->len,
                                 CHUNK_SIZE + LOOKAHEAD - self->len,
                                 self->cancellable,
                                 &local_error);

      if (n < 0)
        {
          mark_here (self);
          /* A cancellation is not a broken file: keep it recognisable. */
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            self->error = g_steal_pointer (&local_error);
          else
            fail (self, HS_JSON_ERROR_IO, "could not read: %s", local_error->message);
          return FALSE;
        }

      if (n == 0)
        self->eof = TRUE;
      self->len += (gsize) n;
    }

  return self->len - self->pos >= want;
}

/* Returns the length of the well-formed UTF-8 sequence at @p (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or 0. It reads
 * byte by byte and stops at the first bad one, so a NUL ends it safely.
 */
static inline guint
utf8_length (const guchar *p,
             gsize         avail)
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

  if (avail < 2 || p[1] < lo || p[1] > hi)
    return 0;
  for (guint i = 2; i < n; i++)
    {
      if (avail <= i || (p[i] & 0xc0) != 0x80)
        return 0;
    }

  return n;
}

/* Describes the input at the current position for a message: a word as
 * itself, a printable character in quotes, anything else as U+XXXX.
 * Returns FALSE when the input there is not UTF-8.
 */
static gboolean
describe_here (HsJsonReader *self,
               char         *out,
               gsize         out_size)
{
  const guchar *p;
  gsize avail;
  gunichar ch;
  guint n;

  fill (self, MAX_WORD + 1);
  p = (const guchar *) self->buf + self->pos;
  avail = self->len - self->pos;

  if (avail == 0)
    {
      g_strlcpy (out, "the end of the file", out_size);
      return TRUE;
    }

  if (g_ascii_isalpha (p[0]))
    {
      gsize word = 0;

      while (word < avail && word <= MAX_WORD && (g_ascii_isalnum (p[word]) || p[word] == '_'))
        word++;
      if (word > MAX_WORD)
        g_snprintf (out, out_size, "\"%.*s…\"", MAX_WORD, (const char *) p);
      else
        g_snprintf (out, out_size, "\"%.*s\"", (int) word, (const char *) p);
      return TRUE;
    }

  if (p[0] == '"')
    {
      g_strlcpy (out, "'\"'", out_size);
      return TRUE;
    }

  if (p[0] < 0x80)
    {
      if (g_ascii_isgraph (p[0]))
        g_snprintf (out, out_size, "\"%c\"", p[0]);
      else
        g_snprintf (out, out_size, "U+%04X", p[0]);
      return TRUE;
    }

  n = utf8_length (p, avail);
  if (n == 0)
    return FALSE;

  ch = g_utf8_get_char ((const char *) p);
  if (g_unichar_isgraph (ch))
    g_snprintf (out, out_size, "\"%.*s\"", (int) n, (const char *) p);
  else
    g_snprintf (out, out_size, "U+%04X", ch);

  return TRUE;
}

static const char *
expected_in_state (State state)
{
  switch (state)
    {
    case STATE_START:
    case STATE_ARRAY_VALUE:
    case STATE_MEMBER_VALUE:
      return "a value";
    case STATE_ARRAY_FIRST:
      return "a value or \"]\"";
    case STATE_ARRAY_NEXT:
      return "\",\" or \"]\"";
    case STATE_OBJECT_FIRST:
      return "a member name or \"}\"";
    case STATE_OBJECT_NAME:
      return "a member name";
    case STATE_OBJECT_NEXT:
      return "\",\" or \"}\"";
    case STATE_MEMBER_COLON:
      return "\":\"";
    case STATE_END:
    case STATE_DONE:
    case STATE_FAILED:
    default:
      return "nothing more";
    }
}

/* Reports what was found at the current position where the grammar wanted
 * something else.
 */
static HsJsonToken
unexpected (HsJsonReader *self)
{
  char found[MAX_WORD + 16];
  const char *note = "";

  mark_here (self);

  if (!describe_here (self, found, sizeof found))
    {
      fail (self, HS_JSON_ERROR_ENCODING, "invalid UTF-8");
      return HS_JSON_TOKEN_ERROR;
    }

  if (self->state == STATE_END)
    {
      fail (self, HS_JSON_ERROR_SYNTAX, "unexpected %s after the end of the document", found);
      return HS_JSON_TOKEN_ERROR;
    }

  /* A comma before a closing bracket is the most common hand-editing
   * mistake; say so rather than leave the reader to puzzle over it.
   */
  if (self->pos < self->len
      && ((self->state == STATE_ARRAY_VALUE && self->buf[self->pos] == ']')
          || (self->state == STATE_OBJECT_NAME && self->buf[self->pos] == '}')))
    note = " (a comma must not follow the last item)";

  fail (self, HS_JSON_ERROR_SYNTAX, "expected %s but found %s%s",
        expected_in_state (self->state), found, note);

  return HS_JSON_TOKEN_ERROR;
}

/* Scanning strings and numbers */

static gboolean
grow_text (HsJsonReader *self,
           gsize         n)
{
  gsize need = self->text_len + n;
  gsize size = self->text_size;

  if (need > HS_JSON_MAX_STRING)
    return fail (self, HS_JSON_ERROR_TOO_LONG, "%s longer than %u MiB",
                 self->in_number ? "number" : "string",
                 (guint) (HS_JSON_MAX_STRING / (1024 * 1024)));

  /* The buffer never grows past the limit, so a token that would exceed
   * it always comes through here and is refused.
   */
  while (size <= need)
    size *= 2;
  size = MIN (size, (gsize) HS_JSON_MAX_STRING + 1);

  self->text = g_realloc (self->text, size);
  self->text_size = size;

  return TRUE;
}

static inline gboolean
append_text (HsJsonReader *self,
             const char   *data,
             gsize         n)
{
  if (G_UNLIKELY (self->text_len + n >= self->text_size) && !grow_text (self, n))
    return FALSE;

  memcpy (self->text + self->text_len, data, n);
  self->text_len += n;

  return TRUE;
}

/* The token position is left at the opening quote: the end of the file
 * itself says nothing about which string was left open.
 */
static gboolean
eof_in_string (HsJsonReader *self)
{
  return fail (self, HS_JSON_ERROR_SYNTAX, "unexpected end of file inside a string");
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits after "\u" at @p, or returns -1. */
static int
hex4 (const char *p,
      gsize       avail)
{
  int value = 0;

  if (avail < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;

  for (guint i = 2; i < 6; i++)
    {
      int digit = hex_digit (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

static gboolean
scan_unicode_escape (HsJsonReader *self)
{
  const char *p;
  gsize avail;
  gunichar ch;
  char utf8[8];
  int unit;
  int low;
  guint consumed = 6;

  if (!fill (self, 6) && self->error != NULL)
    return FALSE;
  p = self->buf + self->pos;
  avail = self->len - self->pos;

  unit = hex4 (p, avail);
  if (unit < 0)
    {
      for (gsize i = 2; i < 6; i++)
        {
          if (i >= avail)
            return eof_in_string (self);
          if (hex_digit (p[i]) < 0)
            break;
        }
      mark_here (self);
      return fail (self, HS_JSON_ERROR_SYNTAX,
                   "invalid escape: \"\\u\" must be followed by four hexadecimal digits");
    }

  if (unit >= 0xdc00 && unit <= 0xdfff)
    {
      mark_here (self);
      return fail (self, HS_JSON_ERROR_ENCODING, "lone UTF-16 surrogate \"%.6s\" in a string", p);
    }

  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      if (!fill (self, 12) && self->error != NULL)
        return FALSE;
      p = self->buf + self->pos;
      avail = self->len - self->pos;

      low = avail >= 12 ? hex4 (p + 6, avail - 6) : -1;
      if (low < 0xdc00 || low > 0xdfff)
        {
          mark_here (self);
          return fail (self, HS_JSON_ERROR_ENCODING,
                       "lone UTF-16 surrogate \"%.6s\" in a string", p);
        }

      ch = 0x10000 + (((gunichar) unit - 0xd800) << 10) + ((gunichar) low - 0xdc00);
      consumed = 12;
    }
  else
    ch = (gunichar) unit;

  /* U+0000 is decoded like any other character: the length says it is
   * there, and the caller refuses it with the name of the field.
   */
  if (!append_text (self, utf8, (gsize) g_unichar_to_utf8 (ch, utf8)))
    return FALSE;
  self->pos += consumed;

  return TRUE;
}

static gboolean
scan_escape (HsJsonReader *self)
{
  const char *p;
  char c;

  if (!fill (self, 2))
    return self->error != NULL ? FALSE : eof_in_string (self);
  p = self->buf + self->pos;

  switch (p[1])
    {
    case '"':
    case '\\':
    case '/':
      c = p[1];
      break;
    case 'b':
      c = '\b';
      break;
    case 'f':
      c = '\f';
      break;
    case 'n':
      c = '\n';
      break;
    case 'r':
      c = '\r';
      break;
    case 't':
      c = '\t';
      break;
    case 'u':
      return scan_unicode_escape (self);
    default:
      mark_here (self);
      if (g_ascii_isgraph (p[1]))
        return fail (self, HS_JSON_ERROR_SYNTAX, "invalid escape \"\\%c\" in a string", p[1]);
      return fail (self, HS_JSON_ERROR_SYNTAX,
                   "invalid escape in a string: \"\\\" must be followed by one of \"\\/bfnrtu");
    }

  if (!append_text (self, &c, 1))
    return FALSE;
  self->pos += 2;

  return TRUE;
}

static gboolean
scan_utf8 (HsJsonReader *self)
{
  const guchar *p;
  guint n;

  if (!fill (self, 4) && self->error != NULL)
    return FALSE;
  p = (const guchar *) self->buf + self->pos;

  n = utf8_length (p, self->len - self->pos);
  if (n == 0)
    {
      mark_here (self);
      return fail (self, HS_JSON_ERROR_ENCODING, "invalid UTF-8");
    }

  if (!append_text (self, (const char *) p, n))
    return FALSE;
  self->pos += n;
  self->line_extra += n - 1;

  return TRUE;
}

/* Decodes the string whose opening quote is at pos into self->text. */
static gboolean
scan_string (HsJsonReader *self)
{
  self->text_len = 0;
  self->in_number = FALSE;
  self->pos++;

  for (;;)
    {
      const guchar *start = (const guchar *) self->buf + self->pos;
      const guchar *end = (const guchar *) self->buf + self->len;
      const guchar *p = start;
      goffset extra = 0;

      /* The common case: a run of plain characters, ASCII or well-formed
       * UTF-8 with room to check it, copied in one go.
       */
      for (;;)
        {
          while (p < end && string_bytes[*p] == BYTE_PLAIN)
            p++;

          if (p < end && *p >= 0x80 && end - p >= 4)
            {
              guint n = utf8_length (p, 4);

              if (n == 0)
                break;
              p += n;
              extra += n - 1;
              continue;
            }
          break;
        }

      if (p > start && !append_text (self, (const char *) start, (gsize) (p - start)))
        return FALSE;
      self->pos = (gsize) ((const char *) p - self->buf);
      self->line_extra += extra;

      if (p == end)
        {
          if (!fill (self, 1))
            return self->error != NULL ? FALSE : eof_in_string (self);
          continue;
        }

      switch (string_bytes[*p])
        {
        case BYTE_QUOTE:
          self->pos++;
          self->text[self->text_len] = '\0';
          return TRUE;

        case BYTE_BACKSLASH:
          if (!scan_escape (self))
            return FALSE;
          break;

        case BYTE_CONTROL:
          mark_here (self);
          if (*p == '\n')
            return fail (self, HS_JSON_ERROR_SYNTAX, "unexpected line break inside a string");
          return fail (self, HS_JSON_ERROR_SYNTAX,
                       "control character U+%04X inside a string must be escaped", *p);

        case BYTE_UTF8:
          if (!scan_utf8 (self))
            return FALSE;
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* Returns NULL when @text is a JSON number, or why it is not. */
static const char *
check_number (const char *text,
              gsize       len)
{
  const char *p = text;
  const char *end = text + len;

  if (*p == '-')
    p++;

  if (p == end || !g_ascii_isdigit (*p))
    return "a digit must follow \"-\"";

  if (*p == '0')
    {
      p++;
      if (p < end && g_ascii_isdigit (*p))
        return "leading zeros are not allowed";
    }
  else
    {
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && *p == '.')
    {
      p++;
      if (p == end || !g_ascii_isdigit (*p))
        return "a digit must follow \".\"";
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p == end || !g_ascii_isdigit (*p))
        return "the exponent has no digits";
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p != end)
    return "it is malformed";

  return NULL;
}

/* Collects the run of characters that can make up a number, then checks
 * it against the grammar: collecting first means "1.2.3" is reported as
 * one bad number rather than as a number followed by a stray ".3".
 */
static gboolean
scan_number (HsJsonReader *self)
{
  const char *why;

  self->text_len = 0;
  self->in_number = TRUE;
  self->number_parsed = FALSE;

  for (;;)
    {
      const guchar *start = (const guchar *) self->buf + self->pos;
      const guchar *end = (const guchar *) self->buf + self->len;
      const guchar *p = start;

      while (p < end && number_bytes[*p])
        p++;

      if (p > start && !append_text (self, (const char *) start, (gsize) (p - start)))
        return FALSE;
      self->pos = (gsize) ((const char *) p - self->buf);

      if (p < end)
        break;
      if (!fill (self, 1))
        {
          if (self->error != NULL)
            return FALSE;
          break;
        }
    }

  self->text[self->text_len] = '\0';

  why = check_number (self->text, self->text_len);
  if (why != NULL)
    {
      if (self->text_len > MAX_WORD)
        return fail (self, HS_JSON_ERROR_SYNTAX, "invalid number \"%.*s…\": %s",
                     MAX_WORD, self->text, why);
      return fail (self, HS_JSON_ERROR_SYNTAX, "invalid number \"%s\": %s", self->text, why);
    }

  return TRUE;
}

/* Tokens */

static void
value_done (HsJsonReader *self)
{
  if (self->depth == 0)
    self->state = STATE_END;
  else if (self->objects & (G_GUINT64_CONSTANT (1) << (self->depth - 1)))
    self->state = STATE_OBJECT_NEXT;
  else
    self->state = STATE_ARRAY_NEXT;
}

static HsJsonToken
begin_container (HsJsonReader *self,
                 gboolean      object)
{
  guint64 bit;

  if (self->depth >= HS_JSON_MAX_DEPTH)
    {
      fail (self, HS_JSON_ERROR_DEPTH, "nested deeper than %u levels", (guint) HS_JSON_MAX_DEPTH);
      return HS_JSON_TOKEN_ERROR;
    }

  bit = G_GUINT64_CONSTANT (1) << self->depth;
  if (object)
    self->objects |= bit;
  else
    self->objects &= ~bit;
  self->depth++;
  self->pos++;
  self->state = object ? STATE_OBJECT_FIRST : STATE_ARRAY_FIRST;

  return object ? HS_JSON_TOKEN_BEGIN_OBJECT : HS_JSON_TOKEN_BEGIN_ARRAY;
}

static HsJsonToken
end_container (HsJsonReader *self,
               gboolean      object)
{
  self->depth--;
  self->pos++;
  value_done (self);

  return object ? HS_JSON_TOKEN_END_OBJECT : HS_JSON_TOKEN_END_ARRAY;
}

static HsJsonToken
read_word (HsJsonReader *self)
{
  static const struct {
    const char  *word;
    gsize        len;
    HsJsonToken  token;
  } literals[] = {
    { "true", 4, HS_JSON_TOKEN_TRUE },
    { "false", 5, HS_JSON_TOKEN_FALSE },
    { "null", 4, HS_JSON_TOKEN_NULL },
  };
  const char *p;
  gsize avail;
  gsize len = 0;

  if (!fill (self, 6) && self->error != NULL)
    return HS_JSON_TOKEN_ERROR;
  p = self->buf + self->pos;
  avail = self->len - self->pos;

  while (len < avail && len < 6 && (g_ascii_isalnum (p[len]) || p[len] == '_'))
    len++;

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      if (len == literals[i].len && memcmp (p, literals[i].word, len) == 0)
        {
          self->pos += len;
          value_done (self);
          return literals[i].token;
        }
    }

  return unexpected (self);
}

static HsJsonToken
read_value (HsJsonReader *self,
            guchar        c)
{
  switch (c)
    {
    case '{':
      return begin_container (self, TRUE);

    case '[':
      return begin_container (self, FALSE);

    case '"':
      if (!scan_string (self))
        return HS_JSON_TOKEN_ERROR;
      value_done (self);
      return HS_JSON_TOKEN_STRING;

    case '-':
    case '0' ... '9':
      if (!scan_number (self))
        return HS_JSON_TOKEN_ERROR;
      value_done (self);
      return HS_JSON_TOKEN_NUMBER;

    default:
      if (g_ascii_isalpha (c))
        return read_word (self);
      return unexpected (self);
    }
}

static gboolean
skip_whitespace (HsJsonReader *self)
{
  for (;;)
    {
      const char *p = self->buf + self->pos;
      const char *end = self->buf + self->len;

      while (p < end)
        {
          if (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
          else if (*p == '\n')
            {
              p++;
              self->line++;
              self->line_start = self->buf_offset + (p - self->buf);
              self->line_extra = 0;
            }
          else
            {
              self->pos = (gsize) (p - self->buf);
              return TRUE;
            }
        }

      self->pos = self->len;
      if (!fill (self, 1))
        return FALSE;
    }
}

static HsJsonToken
read_token (HsJsonReader *self)
{
  for (;;)
    {
      guchar c;

      if (!skip_whitespace (self))
        {
          if (self->error != NULL)
            return HS_JSON_TOKEN_ERROR;

          mark_here (self);
          if (self->state == STATE_START)
            {
              fail (self, HS_JSON_ERROR_EMPTY, "the file is empty");
              return HS_JSON_TOKEN_ERROR;
            }
          if (self->state == STATE_END)
            {
              self->state = STATE_DONE;
              return HS_JSON_TOKEN_EOF;
            }
          return unexpected (self);
        }

      mark_here (self);
      c = (guchar) self->buf[self->pos];

      switch (self->state)
        {
        case STATE_START:
        case STATE_ARRAY_VALUE:
        case STATE_MEMBER_VALUE:
          return read_value (self, c);

        case STATE_ARRAY_FIRST:
          if (c == ']')
            return end_container (self, FALSE);
          return read_value (self, c);

        case STATE_ARRAY_NEXT:
          if (c == ']')
            return end_container (self, FALSE);
          if (c != ',')
            return unexpected (self);
          self->pos++;
          self->state = STATE_ARRAY_VALUE;
          break;

        case STATE_OBJECT_FIRST:
        case STATE_OBJECT_NAME:
          if (c == '}' && self->state == STATE_OBJECT_FIRST)
            return end_container (self, TRUE);
          if (c != '"')
            return unexpected (self);
          if (!scan_string (self))
            return HS_JSON_TOKEN_ERROR;
          self->state = STATE_MEMBER_COLON;
          return HS_JSON_TOKEN_MEMBER;

        case STATE_OBJECT_NEXT:
          if (c == '}')
            return end_container (self, TRUE);
          if (c != ',')
            return unexpected (self);
          self->pos++;
          self->state = STATE_OBJECT_NAME;
          break;

        case STATE_MEMBER_COLON:
          if (c != ':')
            return unexpected (self);
          self->pos++;
          self->state = STATE_MEMBER_VALUE;
          break;

        case STATE_END:
          return unexpected (self);

        case STATE_DONE:
        case STATE_FAILED:
        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
skip_bom (HsJsonReader *self)
{
  if (fill (self, 3) && memcmp (self->buf + self->pos, "\xef\xbb\xbf", 3) == 0)
    {
      self->pos += 3;
      self->line_start = self->buf_offset + (goffset) self->pos;
    }

  return self->error == NULL;
}

/**
 * hs_json_reader_next:
 * @self: a reader
 * @cancellable: (nullable): checked before each read from the stream
 * @error: where to report a problem
 *
 * Reads the next token. Call it until it returns %HS_JSON_TOKEN_EOF: only
 * then has the reader checked that nothing follows the document.
 *
 * On a problem in the file, returns %HS_JSON_TOKEN_ERROR with @error in
 * %HS_JSON_ERROR, and hs_json_reader_get_line() and
 * hs_json_reader_get_column() give where it is (for an unterminated
 * string, its opening quote). The message names no place, so the caller
 * can prefix its own. A cancelled read is reported as
 * %G_IO_ERROR_CANCELLED, any other failed read as %HS_JSON_ERROR_IO. Once
 * it has failed, the reader returns the same error again.
 *
 * Returns: the token
 */
HsJsonToken
hs_json_reader_next (HsJsonReader  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  HsJsonToken token;

  g_return_val_if_fail (self != NULL, HS_JSON_TOKEN_ERROR);
  g_return_val_if_fail (error == NULL || *error == NULL, HS_JSON_TOKEN_ERROR);

  if (self->state == STATE_DONE)
    return HS_JSON_TOKEN_EOF;

  if (self->state != STATE_FAILED)
    {
      self->cancellable = cancellable;
      if (!self->started)
        {
          self->started = TRUE;
          token = skip_bom (self) ? read_token (self) : HS_JSON_TOKEN_ERROR;
        }
      else
        token = read_token (self);
      self->cancellable = NULL;

      self->token = token;
      if (token != HS_JSON_TOKEN_ERROR)
        return token;

      g_assert (self->error != NULL);
      self->state = STATE_FAILED;
    }

  if (error != NULL)
    *error = g_error_copy (self->error);

  return HS_JSON_TOKEN_ERROR;
}

/**
 * hs_json_reader_skip_value:
 * @self: a reader
 * @cancellable: (nullable): checked before each read from the stream
 * @error: where to report a problem
 *
 * Skips the next value, with everything nested in it, as after a
 * %HS_JSON_TOKEN_MEMBER whose value is of no interest. Call it where a
 * value may come: at the start, after a member name, or inside an array.
 * Inside an array the array may end instead; then its
 * %HS_JSON_TOKEN_END_ARRAY is what is consumed, and the depth drops.
 *
 * Returns: %FALSE on an error, as hs_json_reader_next() reports it
 */
gboolean
hs_json_reader_skip_value (HsJsonReader  *self,
                           GCancellable  *cancellable,
                           GError       **error)
{
  guint depth;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->state == STATE_START
                        || self->state == STATE_ARRAY_FIRST
                        || self->state == STATE_ARRAY_VALUE
                        || self->state == STATE_ARRAY_NEXT
                        || self->state == STATE_MEMBER_COLON
                        || self->state == STATE_MEMBER_VALUE
                        || self->state == STATE_FAILED, FALSE);

  depth = self->depth;

  do
    {
      if (hs_json_reader_next (self, cancellable, error) == HS_JSON_TOKEN_ERROR)
        return FALSE;
    }
  while (self->depth > depth);

  return TRUE;
}

/**
 * hs_json_reader_get_string:
 * @self: a reader
 * @length: (out) (optional): the length in bytes, which counts any U+0000
 *
 * Returns: the decoded text of the current %HS_JSON_TOKEN_STRING or
 *   %HS_JSON_TOKEN_MEMBER, NUL-terminated UTF-8 owned by the reader and
 *   valid until the next call
 */
const char *
hs_json_reader_get_string (HsJsonReader *self,
                           gsize        *length)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->token == HS_JSON_TOKEN_STRING
                        || self->token == HS_JSON_TOKEN_MEMBER, NULL);

  if (length != NULL)
    *length = self->text_len;

  return self->text;
}

/**
 * hs_json_reader_get_number:
 * @self: a reader
 *
 * Returns: the value of the current %HS_JSON_TOKEN_NUMBER; ±HUGE_VAL when
 *   it is too large for a double
 */
double
hs_json_reader_get_number (HsJsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (self->token == HS_JSON_TOKEN_NUMBER, 0.0);

  /* Converting on demand keeps numbers that are only skipped cheap. */
  if (!self->number_parsed)
    {
      self->number = g_ascii_strtod (self->text, NULL);
      self->number_parsed = TRUE;
    }

  return self->number;
}

/**
 * hs_json_reader_get_number_text:
 * @self: a reader
 *
 * Returns: the current %HS_JSON_TOKEN_NUMBER as written in the file
 */
const char *
hs_json_reader_get_number_text (HsJsonReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->token == HS_JSON_TOKEN_NUMBER, NULL);

  return self->text;
}

/**
 * hs_json_reader_get_depth:
 * @self: a reader
 *
 * Returns: how many arrays and objects are open after the current token:
 *   1 after the document's opening "{", 0 again after its closing "}"
 */
guint
hs_json_reader_get_depth (HsJsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->depth;
}

/**
 * hs_json_reader_get_line:
 * @self: a reader
 *
 * Only "\n" ends a line.
 *
 * Returns: the 1-based line where the current token starts, or where the
 *   error is
 */
guint
hs_json_reader_get_line (HsJsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->token_line;
}

/**
 * hs_json_reader_get_column:
 * @self: a reader
 *
 * Returns: the 1-based column, in characters (a tab is one), where the
 *   current token starts, or where the error is
 */
guint
hs_json_reader_get_column (HsJsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->token_column;
}

/**
 * hs_json_reader_get_offset:
 * @self: a reader
 *
 * Returns: the offset in bytes from the start of the input (a byte order
 *   mark included) of the current token or of the error
 */
goffset
hs_json_reader_get_offset (HsJsonReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->token_offset;
}
