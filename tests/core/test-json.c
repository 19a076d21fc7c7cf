/* test-json.c: the JSON tokenizer and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <float.h>
#include <math.h>
#include <string.h>

#include "hs-json-reader.h"
#include "hs-json-writer.h"

/* A stream that hands out its bytes 1 to 7 at a time, so that every token
 * is split across reads somewhere; it can also fail after a given number
 * of bytes.
 */
#define TEST_TYPE_TRICKLE_STREAM (test_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, TEST, TRICKLE_STREAM, GInputStream)

struct _TestTrickleStream
{
  GInputStream  parent_instance;
  GBytes       *bytes;
  gsize         pos;
  guint         phase;
  gsize         fail_at;
};

G_DEFINE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
test_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (stream);
  gsize size;
  const char *data = g_bytes_get_data (self->bytes, &size);
  gsize n = 1 + self->phase++ % 7;

  if (self->pos >= self->fail_at)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE, "the disk went away");
      return -1;
    }

  n = MIN (n, count);
  n = MIN (n, size - self->pos);
  n = MIN (n, self->fail_at - self->pos);
  if (n > 0)
    memcpy (buffer, data + self->pos, n);
  self->pos += n;

  return (gssize) n;
}

static void
test_trickle_stream_finalize (GObject *object)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (object);

  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (test_trickle_stream_parent_class)->finalize (object);
}

static void
test_trickle_stream_class_init (TestTrickleStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = test_trickle_stream_finalize;
  stream_class->read_fn = test_trickle_stream_read;
}

static void
test_trickle_stream_init (TestTrickleStream *self)
{
  self->fail_at = G_MAXSIZE;
}

static GInputStream *
trickle_stream_new (const char *data,
                    gsize       len,
                    guint       phase)
{
  TestTrickleStream *self = g_object_new (TEST_TYPE_TRICKLE_STREAM, NULL);

  self->bytes = g_bytes_new (data, len);
  self->phase = phase;

  return G_INPUT_STREAM (self);
}

static GInputStream *
memory_stream_new (const char *data,
                   gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  return g_memory_input_stream_new_from_bytes (bytes);
}

/* Dumps tokens as text, so that a test compares one string and a failure
 * shows the whole sequence. Control characters and backslashes in strings
 * are shown as \xHH, NUL included.
 */
static void
append_text (GString    *out,
             const char *text,
             gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];

      if (c < 0x20 || c == '\\')
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, (char) c);
    }
}

static char *
dump_reader (HsJsonReader *reader,
             gboolean      positions)
{
  GString *out = g_string_new (NULL);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      HsJsonToken token = hs_json_reader_next (reader, NULL, &error);
      const char *text;
      gsize len;

      if (out->len > 0)
        g_string_append_c (out, ' ');

      switch (token)
        {
        case HS_JSON_TOKEN_BEGIN_OBJECT:
          g_string_append_c (out, '{');
          break;
        case HS_JSON_TOKEN_END_OBJECT:
          g_string_append_c (out, '}');
          break;
        case HS_JSON_TOKEN_BEGIN_ARRAY:
          g_string_append_c (out, '[');
          break;
        case HS_JSON_TOKEN_END_ARRAY:
          g_string_append_c (out, ']');
          break;
        case HS_JSON_TOKEN_MEMBER:
        case HS_JSON_TOKEN_STRING:
          text = hs_json_reader_get_string (reader, &len);
          g_assert_cmpuint (strlen (text), <=, len);
          g_string_append (out, token == HS_JSON_TOKEN_MEMBER ? "m\"" : "s\"");
          append_text (out, text, len);
          g_string_append_c (out, '"');
          break;
        case HS_JSON_TOKEN_NUMBER:
          g_string_append_printf (out, "n%s", hs_json_reader_get_number_text (reader));
          break;
        case HS_JSON_TOKEN_TRUE:
          g_string_append (out, "true");
          break;
        case HS_JSON_TOKEN_FALSE:
          g_string_append (out, "false");
          break;
        case HS_JSON_TOKEN_NULL:
          g_string_append (out, "null");
          break;
        case HS_JSON_TOKEN_EOF:
          g_string_append (out, "EOF");
          break;
        case HS_JSON_TOKEN_ERROR:
          g_assert_nonnull (error);
          g_string_append_printf (out, "ERROR(%s/%d: %s)",
                                  g_quark_to_string (error->domain), error->code,
                                  error->message);
          break;
        case HS_JSON_TOKEN_NONE:
        default:
          g_assert_not_reached ();
        }

      if (positions)
        g_string_append_printf (out, "@%u:%u+%" G_GOFFSET_FORMAT "#%u",
                                hs_json_reader_get_line (reader),
                                hs_json_reader_get_column (reader),
                                hs_json_reader_get_offset (reader),
                                hs_json_reader_get_depth (reader));

      if (token == HS_JSON_TOKEN_EOF || token == HS_JSON_TOKEN_ERROR)
        return g_string_free (out, FALSE);
    }
}

/* Names the case being checked, in a form that survives any bytes. */
static void
note_case (const char *json)
{
  g_autofree char *shown = g_strescape (json, NULL);

  g_test_message ("%s", shown);
}

/* Reads until the reader fails, which the document must make it do. */
static void
read_until_error (HsJsonReader  *reader,
                  GError       **error)
{
  HsJsonToken token;

  while ((token = hs_json_reader_next (reader, NULL, error)) != HS_JSON_TOKEN_ERROR)
    g_assert_cmpint (token, !=, HS_JSON_TOKEN_EOF);
}

static char *
dump_data (const char *data,
           gssize      len,
           gboolean    positions)
{
  g_autoptr(HsJsonReader) reader = NULL;

  reader = hs_json_reader_new_for_data (data, len < 0 ? strlen (data) : (gsize) len);

  return dump_reader (reader, positions);
}

static void
test_tokens (void)
{
  static const struct {
    const char *json;
    const char *tokens;
  } cases[] = {
    { "{}", "{ } EOF" },
    { "[]", "[ ] EOF" },
    { " \t\r\n[ ] \n", "[ ] EOF" },
    { "\"top\"", "s\"top\" EOF" },
    { "42", "n42 EOF" },
    { "true", "true EOF" },
    { "false", "false EOF" },
    { "null", "null EOF" },
    { "[true,false,null]", "[ true false null ] EOF" },
    { "{\"a\":1,\"b\":[2,{\"c\":\"d\"}],\"e\":{}}",
      "{ m\"a\" n1 m\"b\" [ n2 { m\"c\" s\"d\" } ] m\"e\" { } } EOF" },
    { "[[[]],[{}]]", "[ [ [ ] ] [ { } ] ] EOF" },
    { "{\"\":\"\"}", "{ m\"\" s\"\" } EOF" },
    { "\xef\xbb\xbf{\"bom\": true}", "{ m\"bom\" true } EOF" },
    { "[1,-2,3.5]", "[ n1 n-2 n3.5 ] EOF" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tokens = dump_data (cases[i].json, -1, FALSE);

      note_case (cases[i].json);
      g_assert_cmpstr (tokens, ==, cases[i].tokens);
    }
}

/* Columns count characters, not bytes; lines count "\n"; the offset is in
 * bytes from the start of the file, byte order mark included; the depth is
 * after the token.
 */
static void
test_positions (void)
{
  static const char json[] =
    "\xef\xbb\xbf{\n"
    "  \"名前\": \"日本語\", \"x\": 1,\r\n"
    "\t\"t\": [true, false, null],\n"
    "  \"😀\":{\"é\":-0.5}}\n";
  g_autofree char *tokens = dump_data (json, -1, TRUE);

  g_assert_cmpstr (tokens, ==,
                   "{@1:1+3#1 "
                   "m\"名前\"@2:3+7#1 s\"日本語\"@2:9+17#1 m\"x\"@2:16+30#1 n1@2:21+35#1 "
                   "m\"t\"@3:2+40#1 [@3:7+45#2 true@3:8+46#2 false@3:14+52#2 null@3:21+59#2 "
                   "]@3:25+63#1 "
                   "m\"😀\"@4:3+68#1 {@4:7+75#2 m\"é\"@4:8+76#2 n-0.5@4:12+81#2 }@4:16+85#1 "
                   "}@4:17+86#0 "
                   "EOF@5:1+88#0");
}

static void
test_skip (void)
{
  static const char json[] =
    "{\"a\": {\"b\": [1, {\"c\": [[], {}]}], \"d\": \"e\"}, "
    "\"f\": 3, "
    "\"g\": [4, [5, 6], {\"h\": 7}, 8]}";
  g_autoptr(HsJsonReader) reader = hs_json_reader_new_for_data (json, strlen (json));
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_MEMBER);
  g_assert_cmpstr (hs_json_reader_get_string (reader, NULL), ==, "a");

  g_assert_true (hs_json_reader_skip_value (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hs_json_reader_get_depth (reader), ==, 1);

  g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_MEMBER);
  g_assert_cmpstr (hs_json_reader_get_string (reader, NULL), ==, "f");
  g_assert_true (hs_json_reader_skip_value (reader, NULL, &error));

  g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_MEMBER);
  g_assert_cmpstr (hs_json_reader_get_string (reader, NULL), ==, "g");
  g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_BEGIN_ARRAY);

  /* Inside an array: skip 4, then [5, 6], then read the object. */
  g_assert_true (hs_json_reader_skip_value (reader, NULL, &error));
  g_assert_true (hs_json_reader_skip_value (reader, NULL, &error));
  g_assert_cmpuint (hs_json_reader_get_depth (reader), ==, 2);
  g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_MEMBER);
  g_assert_cmpstr (hs_json_reader_get_string (reader, NULL), ==, "h");
  g_assert_true (hs_json_reader_skip_value (reader, NULL, &error));
  g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_END_OBJECT);

  /* 8, then the end of the array, which closes it. */
  g_assert_true (hs_json_reader_skip_value (reader, NULL, &error));
  g_assert_cmpuint (hs_json_reader_get_depth (reader), ==, 2);
  g_assert_true (hs_json_reader_skip_value (reader, NULL, &error));
  g_assert_cmpuint (hs_json_reader_get_depth (reader), ==, 1);

  g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_END_OBJECT);
  g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_EOF);
  g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_EOF);
  g_assert_no_error (error);
}

static void
test_skip_error (void)
{
  static const char json[] = "{\"a\": [1, {\"b\": 2,}], \"c\": 3}";
  g_autoptr(HsJsonReader) reader = hs_json_reader_new_for_data (json, strlen (json));
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (hs_json_reader_next (reader, NULL, NULL), ==, HS_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_cmpint (hs_json_reader_next (reader, NULL, NULL), ==, HS_JSON_TOKEN_MEMBER);
  g_assert_false (hs_json_reader_skip_value (reader, NULL, &error));
  g_assert_error (error, HS_JSON_ERROR, HS_JSON_ERROR_SYNTAX);
  g_assert_cmpuint (hs_json_reader_get_line (reader), ==, 1);
  g_assert_cmpuint (hs_json_reader_get_column (reader), ==, 19);
}

static void
test_strings (void)
{
  static const struct {
    const char *json;
    const char *expected;
    gsize       len;
  } cases[] = {
    { "\"plain\"", "plain", 5 },
    { "\"\"", "", 0 },
    { "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t", 8 },
    { "\"\\u0041\\u00e9\\u00E9\"", "Aéé", 5 },
    { "\"\\u20AC\\u20ac\"", "€€", 6 },
    { "\"\\uD83D\\uDE00\"", "😀", 4 },
    { "\"\\ud83d\\ude00x\"", "😀x", 5 },
    { "\"\\uDBFF\\uDFFF\"", "\xf4\x8f\xbf\xbf", 4 },
    { "\"\\uFFFF\"", "\xef\xbf\xbf", 3 },
    { "\"\\u0000\"", "\0", 1 },
    { "\"a\\u0000b\"", "a\0b", 3 },
    { "\"日本語\"", "日本語", 9 },
    { "\"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\"", "👍🏽", 8 },
    { "\"\xe2\x80\xae\xe2\x80\x8b\"", "\xe2\x80\xae\xe2\x80\x8b", 6 },
    { "\"\xc2\x80\xdf\xbf\xe0\xa0\x80\xed\x9f\xbf\xee\x80\x80\xf0\x90\x80\x80\xf4\x8f\xbf\xbf\"",
      "\xc2\x80\xdf\xbf\xe0\xa0\x80\xed\x9f\xbf\xee\x80\x80\xf0\x90\x80\x80\xf4\x8f\xbf\xbf", 21 },
    { "\"<b>&amp;</b>\"", "<b>&amp;</b>", 12 },
    { "\"\x7f\"", "\x7f", 1 },
  };
  static const struct {
    const char  *json;
    int          code;
    const char  *message;
    guint        column;
  } errors[] = {
    { "\"\\uD800\"", HS_JSON_ERROR_ENCODING, "lone UTF-16 surrogate \"\\uD800\" in a string", 2 },
    { "\"ab\\udc00\"", HS_JSON_ERROR_ENCODING, "lone UTF-16 surrogate \"\\udc00\" in a string", 4 },
    { "\"\\uD83D\\u0041\"", HS_JSON_ERROR_ENCODING,
      "lone UTF-16 surrogate \"\\uD83D\" in a string", 2 },
    { "\"\\uD83Dx\"", HS_JSON_ERROR_ENCODING, "lone UTF-16 surrogate \"\\uD83D\" in a string", 2 },
    { "\"\\uD83D\\uD83D\"", HS_JSON_ERROR_ENCODING,
      "lone UTF-16 surrogate \"\\uD83D\" in a string", 2 },
    { "\"\\uD83D\"", HS_JSON_ERROR_ENCODING, "lone UTF-16 surrogate \"\\uD83D\" in a string", 2 },
    { "\"a\xff\"", HS_JSON_ERROR_ENCODING, "invalid UTF-8", 3 },
    { "\"\xc0\xaf\"", HS_JSON_ERROR_ENCODING, "invalid UTF-8", 2 },
    { "\"\xc1\xbf\"", HS_JSON_ERROR_ENCODING, "invalid UTF-8", 2 },
    { "\"\xe0\x80\xaf\"", HS_JSON_ERROR_ENCODING, "invalid UTF-8", 2 },
    { "\"\xed\xa0\x80\"", HS_JSON_ERROR_ENCODING, "invalid UTF-8", 2 },
    { "\"\xf0\x80\x80\xaf\"", HS_JSON_ERROR_ENCODING, "invalid UTF-8", 2 },
    { "\"\xf4\x90\x80\x80\"", HS_JSON_ERROR_ENCODING, "invalid UTF-8", 2 },
    { "\"\xf5\x80\x80\x80\"", HS_JSON_ERROR_ENCODING, "invalid UTF-8", 2 },
    { "\"\x80\"", HS_JSON_ERROR_ENCODING, "invalid UTF-8", 2 },
    { "\"é\xe6\x97\"", HS_JSON_ERROR_ENCODING, "invalid UTF-8", 3 },
    { "\"\xe6\x97", HS_JSON_ERROR_ENCODING, "invalid UTF-8", 2 },
    { "\"\\u12\"", HS_JSON_ERROR_SYNTAX,
      "invalid escape: \"\\u\" must be followed by four hexadecimal digits", 2 },
    { "\"\\x\"", HS_JSON_ERROR_SYNTAX, "invalid escape \"\\x\" in a string", 2 },
    { "\"\\'\"", HS_JSON_ERROR_SYNTAX, "invalid escape \"\\'\" in a string", 2 },
    { "\"\\\n\"", HS_JSON_ERROR_SYNTAX,
      "invalid escape in a string: \"\\\" must be followed by one of \"\\/bfnrtu", 2 },
    { "\"\\u00", HS_JSON_ERROR_SYNTAX, "unexpected end of file inside a string", 1 },
    { "\"abc\\", HS_JSON_ERROR_SYNTAX, "unexpected end of file inside a string", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HsJsonReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      const char *text;
      gsize len = 0;

      note_case (cases[i].json);
      reader = hs_json_reader_new_for_data (cases[i].json, strlen (cases[i].json));
      g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_STRING);
      g_assert_no_error (error);
      text = hs_json_reader_get_string (reader, &len);
      g_assert_cmpmem (text, len, cases[i].expected, cases[i].len);
      g_assert_cmpint (text[len], ==, '\0');
      g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_EOF);
    }

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_autoptr(HsJsonReader) reader = NULL;
      g_autoptr(GError) error = NULL;

      note_case (errors[i].json);
      reader = hs_json_reader_new_for_data (errors[i].json, strlen (errors[i].json));
      g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_ERROR);
      g_assert_error (error, HS_JSON_ERROR, errors[i].code);
      g_assert_cmpstr (error->message, ==, errors[i].message);
      g_assert_cmpuint (hs_json_reader_get_line (reader), ==, 1);
      g_assert_cmpuint (hs_json_reader_get_column (reader), ==, errors[i].column);
    }
}

static void
test_numbers (void)
{
  static const struct {
    const char *json;
    double      value;
  } cases[] = {
    { "0", 0.0 },
    { "-0", -0.0 },
    { "7", 7.0 },
    { "-12", -12.0 },
    { "0.2", 0.2 },
    { "1.5", 1.5 },
    { "-0.0005", -0.0005 },
    { "1e3", 1000.0 },
    { "1E+3", 1000.0 },
    { "2.5e-3", 0.0025 },
    { "0e0", 0.0 },
    { "9007199254740993", 9007199254740992.0 },
    { "1.7976931348623157e308", DBL_MAX },
    { "5e-324", 5e-324 },
    { "123456789012345678901234567890", 1.2345678901234568e29 },
  };
  static const struct {
    const char *json;
    const char *message;
    guint       column;
  } errors[] = {
    { "[01]", "invalid number \"01\": leading zeros are not allowed", 2 },
    { "[-01]", "invalid number \"-01\": leading zeros are not allowed", 2 },
    { "[00]", "invalid number \"00\": leading zeros are not allowed", 2 },
    { "[-]", "invalid number \"-\": a digit must follow \"-\"", 2 },
    { "[-Infinity]", "invalid number \"-\": a digit must follow \"-\"", 2 },
    { "[- 1]", "invalid number \"-\": a digit must follow \"-\"", 2 },
    { "[1.]", "invalid number \"1.\": a digit must follow \".\"", 2 },
    { "[1.e5]", "invalid number \"1.e5\": a digit must follow \".\"", 2 },
    { "[1e]", "invalid number \"1e\": the exponent has no digits", 2 },
    { "[1e+]", "invalid number \"1e+\": the exponent has no digits", 2 },
    { "[1.2.3]", "invalid number \"1.2.3\": it is malformed", 2 },
    { "[1-2]", "invalid number \"1-2\": it is malformed", 2 },
    { "[+1]", "expected a value or \"]\" but found \"+\"", 2 },
    { "[.5]", "expected a value or \"]\" but found \".\"", 2 },
    { "[NaN]", "expected a value or \"]\" but found \"NaN\"", 2 },
    { "[Infinity]", "expected a value or \"]\" but found \"Infinity\"", 2 },
    { "[0x1F]", "expected \",\" or \"]\" but found \"x1F\"", 3 },
    { "[12a]", "expected \",\" or \"]\" but found \"a\"", 4 },
    { "[1 2]", "expected \",\" or \"]\" but found \"2\"", 4 },
    { "[123456789012345678901234567890123456789.]",
      "invalid number \"12345678901234567890123456789012…\": a digit must follow \".\"", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HsJsonReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      double value;

      note_case (cases[i].json);
      reader = hs_json_reader_new_for_data (cases[i].json, strlen (cases[i].json));
      g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_NUMBER);
      g_assert_cmpstr (hs_json_reader_get_number_text (reader), ==, cases[i].json);
      value = hs_json_reader_get_number (reader);
      g_assert_true (value == cases[i].value);
      g_assert_cmpint (!!signbit (value), ==, !!signbit (cases[i].value));
      g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_EOF);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_autoptr(HsJsonReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      HsJsonToken token;

      note_case (errors[i].json);
      reader = hs_json_reader_new_for_data (errors[i].json, strlen (errors[i].json));
      while ((token = hs_json_reader_next (reader, NULL, &error)) != HS_JSON_TOKEN_ERROR)
        g_assert_cmpint (token, !=, HS_JSON_TOKEN_EOF);
      g_assert_error (error, HS_JSON_ERROR, HS_JSON_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, errors[i].message);
      g_assert_cmpuint (hs_json_reader_get_column (reader), ==, errors[i].column);
    }

  /* Too large for a double is still a number; what to do is the caller's. */
  {
    g_autoptr(HsJsonReader) reader = hs_json_reader_new_for_data ("-1e400", 6);

    g_assert_cmpint (hs_json_reader_next (reader, NULL, NULL), ==, HS_JSON_TOKEN_NUMBER);
    g_assert_true (isinf (hs_json_reader_get_number (reader)));
    g_assert_true (hs_json_reader_get_number (reader) < 0);
  }
}

typedef struct
{
  const char *json;
  gssize      len;
  int         code;
  guint       line;
  guint       column;
  const char *message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "{\n"
    "  \"format\": \"hindsight\",\n"
    "  \"version\": 1,\n"
    "  \"claims\": [\n"
    "    { \"id\": \"a\", \"text\": \"x\", \"n\":1,, \"b\": 2 }\n"
    "  ]\n"
    "}\n", -1,
    HS_JSON_ERROR_SYNTAX, 5, 37, "expected a member name but found \",\"" },
  { "{\"名\": \"日本語\",, \"b\": 2}", -1,
    HS_JSON_ERROR_SYNTAX, 1, 13, "expected a member name but found \",\"" },
  { "{\r\n  \"a\": 1,\r\n  ,\r\n}", -1,
    HS_JSON_ERROR_SYNTAX, 3, 3, "expected a member name but found \",\"" },
  { "[1, 2,]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 7,
    "expected a value but found \"]\" (a comma must not follow the last item)" },
  { "{\"a\": 1,}", -1,
    HS_JSON_ERROR_SYNTAX, 1, 9,
    "expected a member name but found \"}\" (a comma must not follow the last item)" },
  { "[1,,2]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 4, "expected a value but found \",\"" },
  { "[,1]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 2, "expected a value or \"]\" but found \",\"" },
  { "{,}", -1,
    HS_JSON_ERROR_SYNTAX, 1, 2, "expected a member name or \"}\" but found \",\"" },
  { "{\"a\": 1 \"b\": 2}", -1,
    HS_JSON_ERROR_SYNTAX, 1, 9, "expected \",\" or \"}\" but found '\"'" },
  { "{\"a\" 1}", -1,
    HS_JSON_ERROR_SYNTAX, 1, 6, "expected \":\" but found \"1\"" },
  { "{\"a\":1,\"b\"}", -1,
    HS_JSON_ERROR_SYNTAX, 1, 11, "expected \":\" but found \"}\"" },
  { "{\"a\":}", -1,
    HS_JSON_ERROR_SYNTAX, 1, 6, "expected a value but found \"}\"" },
  { "[1}", -1,
    HS_JSON_ERROR_SYNTAX, 1, 3, "expected \",\" or \"]\" but found \"}\"" },
  { "{\"a\": 1]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 8, "expected \",\" or \"}\" but found \"]\"" },
  { "{'a': 1}", -1,
    HS_JSON_ERROR_SYNTAX, 1, 2, "expected a member name or \"}\" but found \"'\"" },
  { "['a']", -1,
    HS_JSON_ERROR_SYNTAX, 1, 2, "expected a value or \"]\" but found \"'\"" },
  { "{a: 1}", -1,
    HS_JSON_ERROR_SYNTAX, 1, 2, "expected a member name or \"}\" but found \"a\"" },
  { "[1, // a comment\n 2]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 5, "expected a value but found \"/\"" },
  { "/* c */ {}", -1,
    HS_JSON_ERROR_SYNTAX, 1, 1, "expected a value but found \"/\"" },
  { "[True]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 2, "expected a value or \"]\" but found \"True\"" },
  { "[1, nul]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 5, "expected a value but found \"nul\"" },
  { "[1, truex]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 5, "expected a value but found \"truex\"" },
  { "{\"a\": undefined}", -1,
    HS_JSON_ERROR_SYNTAX, 1, 7, "expected a value but found \"undefined\"" },
  { "[abcdefghijabcdefghijabcdefghijabcdefghij]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 2,
    "expected a value or \"]\" but found \"abcdefghijabcdefghijabcdefghijab…\"" },
  { "[\"abc", -1,
    HS_JSON_ERROR_SYNTAX, 1, 2, "unexpected end of file inside a string" },
  { "[\"ab\ncd\"]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 5, "unexpected line break inside a string" },
  { "[\"a\tb\"]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 4, "control character U+0009 inside a string must be escaped" },
  { "[\"a\0b\"]", 7,
    HS_JSON_ERROR_SYNTAX, 1, 4, "control character U+0000 inside a string must be escaped" },
  { "[\"日本\x1f\"]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 5, "control character U+001F inside a string must be escaped" },
  { "[\xff]", -1,
    HS_JSON_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "{\"é\": 1 \xc3}", -1,
    HS_JSON_ERROR_ENCODING, 1, 9, "invalid UTF-8" },
  { "[é]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 2, "expected a value or \"]\" but found \"é\"" },
  { "[1, \xe2\x80\xae]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 5, "expected a value but found U+202E" },
  { "[1, \xc2\xa0]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 5, "expected a value but found U+00A0" },
  { "[\x01]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 2, "expected a value or \"]\" but found U+0001" },
  { "[\0]", 3,
    HS_JSON_ERROR_SYNTAX, 1, 2, "expected a value or \"]\" but found U+0000" },
  { "{} x", -1,
    HS_JSON_ERROR_SYNTAX, 1, 4, "unexpected \"x\" after the end of the document" },
  { "{}\n{}", -1,
    HS_JSON_ERROR_SYNTAX, 2, 1, "unexpected \"{\" after the end of the document" },
  { "[1]]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 4, "unexpected \"]\" after the end of the document" },
  { "\"a\" \"b\"", -1,
    HS_JSON_ERROR_SYNTAX, 1, 5, "unexpected '\"' after the end of the document" },
  { "1 2", -1,
    HS_JSON_ERROR_SYNTAX, 1, 3, "unexpected \"2\" after the end of the document" },
  { "{}\0", 3,
    HS_JSON_ERROR_SYNTAX, 1, 3, "unexpected U+0000 after the end of the document" },
  { "", -1,
    HS_JSON_ERROR_EMPTY, 1, 1, "the file is empty" },
  { "  \n\t ", -1,
    HS_JSON_ERROR_EMPTY, 2, 3, "the file is empty" },
  { "\xef\xbb\xbf", -1,
    HS_JSON_ERROR_EMPTY, 1, 1, "the file is empty" },
  { "{\"a\": [1, 2", -1,
    HS_JSON_ERROR_SYNTAX, 1, 12, "expected \",\" or \"]\" but found the end of the file" },
  { "{\"a\"", -1,
    HS_JSON_ERROR_SYNTAX, 1, 5, "expected \":\" but found the end of the file" },
  { "{\"a\":\n", -1,
    HS_JSON_ERROR_SYNTAX, 2, 1, "expected a value but found the end of the file" },
  { "[", -1,
    HS_JSON_ERROR_SYNTAX, 1, 2, "expected a value or \"]\" but found the end of the file" },
  { "{", -1,
    HS_JSON_ERROR_SYNTAX, 1, 2, "expected a member name or \"}\" but found the end of the file" },
  { "{\"a\": 1,", -1,
    HS_JSON_ERROR_SYNTAX, 1, 9, "expected a member name but found the end of the file" },
  { "[\"é\", \"😀\", \"ok\", 1 2]", -1,
    HS_JSON_ERROR_SYNTAX, 1, 20, "expected \",\" or \"]\" but found \"2\"" },
};

static void
check_error_case (const ErrorCase *c,
                  HsJsonReader    *reader)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  HsJsonToken token;

  while ((token = hs_json_reader_next (reader, NULL, &error)) != HS_JSON_TOKEN_ERROR)
    {
      g_assert_no_error (error);
      g_assert_cmpint (token, !=, HS_JSON_TOKEN_EOF);
    }

  g_assert_error (error, HS_JSON_ERROR, c->code);
  g_assert_cmpstr (error->message, ==, c->message);
  g_assert_cmpuint (hs_json_reader_get_line (reader), ==, c->line);
  g_assert_cmpuint (hs_json_reader_get_column (reader), ==, c->column);

  /* The reader stays failed, with the same error and position. */
  g_assert_cmpint (hs_json_reader_next (reader, NULL, &again), ==, HS_JSON_TOKEN_ERROR);
  g_assert_error (again, HS_JSON_ERROR, c->code);
  g_assert_cmpstr (again->message, ==, c->message);
  g_assert_cmpuint (hs_json_reader_get_line (reader), ==, c->line);
  g_assert_cmpuint (hs_json_reader_get_column (reader), ==, c->column);
  g_assert_cmpint (hs_json_reader_next (reader, NULL, NULL), ==, HS_JSON_TOKEN_ERROR);
}

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      gsize len = c->len < 0 ? strlen (c->json) : (gsize) c->len;
      g_autoptr(HsJsonReader) reader = hs_json_reader_new_for_data (c->json, len);

      note_case (c->json);
      check_error_case (c, reader);
    }
}

static void
test_io_errors (void)
{
  static const char json[] = "{\"a\": [1, 2, 3], \"b\": \"a long enough string\"}";
  g_autoptr(GInputStream) stream = trickle_stream_new (json, strlen (json), 0);
  g_autoptr(HsJsonReader) reader = hs_json_reader_new (stream);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  HsJsonToken token;

  TEST_TRICKLE_STREAM (stream)->fail_at = 30;
  while ((token = hs_json_reader_next (reader, NULL, &error)) != HS_JSON_TOKEN_ERROR)
    g_assert_cmpint (token, !=, HS_JSON_TOKEN_EOF);
  g_assert_error (error, HS_JSON_ERROR, HS_JSON_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "could not read: the disk went away");

  /* A cancelled read stays recognisable as a cancellation. */
  {
    g_autoptr(GInputStream) stream2 = memory_stream_new (json, strlen (json));
    g_autoptr(HsJsonReader) reader2 = hs_json_reader_new (stream2);
    g_autoptr(GError) error2 = NULL;

    g_cancellable_cancel (cancellable);
    g_assert_cmpint (hs_json_reader_next (reader2, cancellable, &error2), ==, HS_JSON_TOKEN_ERROR);
    g_assert_error (error2, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
}

static void
test_depth (void)
{
  GString *json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  /* As deep as allowed. */
  for (guint i = 0; i < HS_JSON_MAX_DEPTH; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < HS_JSON_MAX_DEPTH; i++)
    g_string_append_c (json, ']');

  {
    g_autoptr(HsJsonReader) reader = hs_json_reader_new_for_data (json->str, json->len);
    guint max_depth = 0;
    HsJsonToken token;

    while ((token = hs_json_reader_next (reader, NULL, &error)) != HS_JSON_TOKEN_EOF)
      {
        g_assert_cmpint (token, !=, HS_JSON_TOKEN_ERROR);
        max_depth = MAX (max_depth, hs_json_reader_get_depth (reader));
      }
    g_assert_no_error (error);
    g_assert_cmpuint (max_depth, ==, HS_JSON_MAX_DEPTH);
    g_assert_cmpuint (hs_json_reader_get_depth (reader), ==, 0);
  }

  /* One more is refused, at the bracket that goes too deep. */
  g_string_truncate (json, 0);
  for (guint i = 0; i <= HS_JSON_MAX_DEPTH; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i <= HS_JSON_MAX_DEPTH; i++)
    g_string_append_c (json, ']');

  {
    g_autoptr(HsJsonReader) reader = hs_json_reader_new_for_data (json->str, json->len);

    read_until_error (reader, &error);
    g_assert_error (error, HS_JSON_ERROR, HS_JSON_ERROR_DEPTH);
    g_assert_cmpstr (error->message, ==, "nested deeper than 64 levels");
    g_assert_cmpuint (hs_json_reader_get_column (reader), ==, HS_JSON_MAX_DEPTH + 1);
    g_clear_error (&error);
  }

  /* Objects count the same, and mixing them keeps track of which is which. */
  g_string_truncate (json, 0);
  for (guint i = 0; i <= HS_JSON_MAX_DEPTH; i++)
    g_string_append (json, i % 2 ? "[" : "{\"a\":");

  {
    g_autoptr(HsJsonReader) reader = hs_json_reader_new_for_data (json->str, json->len);

    read_until_error (reader, &error);
    g_assert_error (error, HS_JSON_ERROR, HS_JSON_ERROR_DEPTH);
    g_assert_cmpuint (hs_json_reader_get_column (reader), ==, 32 * 5 + 32 * 1 + 1);
    g_clear_error (&error);
  }

  g_string_truncate (json, 0);
  for (guint i = 0; i < HS_JSON_MAX_DEPTH; i++)
    g_string_append (json, i % 2 ? "[" : "{\"a\":");
  for (guint i = HS_JSON_MAX_DEPTH; i > 0; i--)
    g_string_append (json, (i - 1) % 2 ? "]" : "}");

  {
    g_autoptr(HsJsonReader) reader = hs_json_reader_new_for_data (json->str, json->len);
    HsJsonToken token;

    while ((token = hs_json_reader_next (reader, NULL, &error)) != HS_JSON_TOKEN_EOF)
      g_assert_cmpint (token, !=, HS_JSON_TOKEN_ERROR);
    g_assert_no_error (error);
  }

  g_string_free (json, TRUE);
}

static char *
make_string_document (gsize  len,
                      gsize *out_len)
{
  char *json = g_malloc (len + 3);

  json[0] = '"';
  for (gsize i = 0; i < len; i++)
    json[i + 1] = (char) ('a' + i % 26);
  json[len + 1] = '"';
  json[len + 2] = '\0';
  *out_len = len + 2;

  return json;
}

static void
test_long_string (void)
{
  static const gsize lengths[] = { 10 * 1000 * 1000, HS_JSON_MAX_STRING };

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      gsize json_len;
      g_autofree char *json = make_string_document (lengths[i], &json_len);
      g_autoptr(GInputStream) stream = memory_stream_new (json, json_len);
      g_autoptr(HsJsonReader) reader = hs_json_reader_new (stream);
      g_autoptr(GError) error = NULL;
      const char *text;
      gsize len = 0;

      g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_STRING);
      g_assert_no_error (error);
      text = hs_json_reader_get_string (reader, &len);
      g_assert_cmpuint (len, ==, lengths[i]);
      g_assert_true (memcmp (text, json + 1, len) == 0);
      g_assert_cmpint (text[len], ==, '\0');
      g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_EOF);
    }

  /* One byte over, as a string and as a member name. */
  {
    gsize json_len;
    g_autofree char *json = make_string_document (HS_JSON_MAX_STRING + 1, &json_len);
    g_autoptr(GInputStream) stream = memory_stream_new (json, json_len);
    g_autoptr(HsJsonReader) reader = hs_json_reader_new (stream);
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_ERROR);
    g_assert_error (error, HS_JSON_ERROR, HS_JSON_ERROR_TOO_LONG);
    g_assert_cmpstr (error->message, ==, "string longer than 16 MiB");
    g_assert_cmpuint (hs_json_reader_get_line (reader), ==, 1);
    g_assert_cmpuint (hs_json_reader_get_column (reader), ==, 1);
  }

  /* Escapes count as what they decode to. */
  {
    GString *json = g_string_new ("{\"k\": 1, \"");
    g_autoptr(HsJsonReader) reader = NULL;
    g_autoptr(GError) error = NULL;

    for (gsize i = 0; i < HS_JSON_MAX_STRING / 2; i++)
      g_string_append (json, "\\u00e9");
    g_string_append (json, "x\": 1}");

    reader = hs_json_reader_new_for_data (json->str, json->len);
    read_until_error (reader, &error);
    g_assert_error (error, HS_JSON_ERROR, HS_JSON_ERROR_TOO_LONG);
    g_assert_cmpuint (hs_json_reader_get_column (reader), ==, 10);
    g_string_free (json, TRUE);
  }

  /* Numbers too. */
  {
    gsize len = HS_JSON_MAX_STRING + 1;
    g_autofree char *json = g_malloc (len + 2);
    g_autoptr(HsJsonReader) reader = NULL;
    g_autoptr(GError) error = NULL;

    json[0] = '[';
    memset (json + 1, '7', len);
    json[len + 1] = ']';
    reader = hs_json_reader_new_for_data (json, len + 2);
    g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_BEGIN_ARRAY);
    g_assert_cmpint (hs_json_reader_next (reader, NULL, &error), ==, HS_JSON_TOKEN_ERROR);
    g_assert_error (error, HS_JSON_ERROR, HS_JSON_ERROR_TOO_LONG);
    g_assert_cmpstr (error->message, ==, "number longer than 16 MiB");
    g_assert_cmpuint (hs_json_reader_get_column (reader), ==, 2);
  }
}

/* Every way of feeding the reader must give the same tokens, positions
 * and errors as reading the whole document from memory.
 */
static void
check_all_feeds (const char *json,
                 gsize       len)
{
  g_autofree char *expected = dump_data (json, (gssize) len, TRUE);

  {
    g_autoptr(GInputStream) stream = memory_stream_new (json, len);
    g_autoptr(HsJsonReader) reader = hs_json_reader_new (stream);
    g_autofree char *tokens = dump_reader (reader, TRUE);

    g_assert_cmpstr (tokens, ==, expected);
  }

  for (guint phase = 0; phase < 7; phase++)
    {
      g_autoptr(GInputStream) stream = trickle_stream_new (json, len, phase);
      g_autoptr(HsJsonReader) reader = hs_json_reader_new (stream);
      g_autofree char *tokens = dump_reader (reader, TRUE);

      g_assert_cmpstr (tokens, ==, expected);
    }
}

static void
test_chunk_boundaries (void)
{
  static const char json[] =
    "\xef\xbb\xbf{\n"
    "\t\"ascii\": \"plain text\",\n"
    "\t\"名前\": \"日本語テキスト\", \"emoji\": \"😀👍🏽👨‍👩‍👧\",\r\n"
    "  \"esc\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\",\n"
    "  \"u\": \"\\u00e9\\u20AC\\uD83D\\uDE00\\u0000x\\ud83d\\ude00\",\n"
    "  \"nums\": [0, -0, 1.5, -12.5e-3, 1E+10, 123456789, 0.2],\n"
    "  \"lit\": [true, false, null, true],\n"
    "  \"nested\": {\"a\": [[], {}, [{\"b\": \"c\"}]]},\n"
    "  \"mixed\": \"aé€😀\\u00e9ü\\n\"\n"
    "}\n";
  g_autofree char *expected = dump_data (json, -1, FALSE);
  GString *big;

  /* The reference itself is right, not merely self-consistent. */
  g_assert_cmpstr (expected, ==,
                   "{ m\"ascii\" s\"plain text\" m\"名前\" s\"日本語テキスト\" "
                   "m\"emoji\" s\"😀👍🏽👨‍👩‍👧\" "
                   "m\"esc\" s\"\"\\x5c/\\x08\\x0c\\x0a\\x0d\\x09\" "
                   "m\"u\" s\"é€😀\\x00x😀\" "
                   "m\"nums\" [ n0 n-0 n1.5 n-12.5e-3 n1E+10 n123456789 n0.2 ] "
                   "m\"lit\" [ true false null true ] "
                   "m\"nested\" { m\"a\" [ [ ] { } [ { m\"b\" s\"c\" } ] ] } "
                   "m\"mixed\" s\"aé€😀éü\\x0a\" } EOF");

  check_all_feeds (json, strlen (json));

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      gsize len = c->len < 0 ? strlen (c->json) : (gsize) c->len;

      note_case (c->json);
      check_all_feeds (c->json, len);

      for (guint phase = 0; phase < 7; phase++)
        {
          g_autoptr(GInputStream) stream = trickle_stream_new (c->json, len, phase);
          g_autoptr(HsJsonReader) reader = hs_json_reader_new (stream);

          check_error_case (c, reader);
        }
    }

  /* A document larger than one 64 KiB read, shifted byte by byte so that
   * the boundary between reads falls inside every kind of token.
   */
  big = g_string_new ("[");
  for (guint i = 0; i < 2500; i++)
    {
      g_string_append (big, i > 0 ? ",\n\"" : "\"");
      for (guint j = 0; j < i % 5; j++)
        g_string_append (big, "é");
      g_string_append (big, "\\u00e9😀\\uD83D\\uDE00\\\"");
      for (guint j = 0; j < i % 3; j++)
        g_string_append_c (big, 'x');
      g_string_append (big, "\", -12.5e-3, true, null, {\"k\": false}");
    }
  g_string_append (big, "]");
  g_assert_cmpuint (big->len, >, 64 * 1024);

  for (guint pad = 0; pad < 48; pad++)
    {
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(HsJsonReader) reader = NULL;
      g_autofree char *tokens = NULL;
      g_autofree char *reference = NULL;

      g_string_prepend_c (big, ' ');
      reference = dump_data (big->str, (gssize) big->len, TRUE);
      g_assert_null (strstr (reference, "ERROR"));

      stream = memory_stream_new (big->str, big->len);
      reader = hs_json_reader_new (stream);
      tokens = dump_reader (reader, TRUE);
      g_assert_cmpstr (tokens, ==, reference);
    }

  {
    g_autoptr(GInputStream) stream = trickle_stream_new (big->str, big->len, 3);
    g_autoptr(HsJsonReader) reader = hs_json_reader_new (stream);
    g_autofree char *tokens = dump_reader (reader, TRUE);
    g_autofree char *reference = dump_data (big->str, (gssize) big->len, TRUE);

    g_assert_cmpstr (tokens, ==, reference);
  }

  g_string_free (big, TRUE);
}

static const char *const hostile_strings[] = {
  "",
  "plain",
  "<b>bold</b> & <script>alert(\"x\")</script> &amp;",
  "\xe2\x80\xae" "evil.exe" "\xe2\x80\xac",
  "zero\xe2\x80\x8bwidth\xe2\x80\x8c\xe2\x80\x8d",
  "😀👍🏽👨‍👩‍👧🇨🇳",
  "\x01\x02\x1f\x7f",
  "\b\f\n\r\t",
  "\"quoted\" and 'single' and \\backslash\\ and /slash/",
  "\\u0041 is not an escape",
  "line one\nline two\r\nline three",
  "null",
  "true",
  "1e5",
  "=SUM(A1)",
  "\xe2\x80\xa8\xe2\x80\xa9",
  "\xef\xbf\xbf\xef\xbf\xbe",
  "日本語テキスト",
  "杨植麟 (Yang Zhilin)",
  "}],{[\":",
};

static const double roundtrip_numbers[] = {
  0.2, 1e300, -0.0, 0.1 + 0.2, 5e-324, DBL_MAX, 123, -7, 1.0 / 3.0,
};

static void
write_hostile_document (HsJsonWriter *writer)
{

  hs_json_writer_begin_object (writer);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_strings); i++)
    hs_json_writer_member_string (writer, hostile_strings[i], hostile_strings[i]);

  hs_json_writer_member (writer, "all");
  hs_json_writer_begin_array (writer);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_strings); i++)
    hs_json_writer_string (writer, hostile_strings[i]);
  hs_json_writer_end_array (writer);

  hs_json_writer_member (writer, "numbers");
  hs_json_writer_begin_array (writer);
  for (guint i = 0; i < G_N_ELEMENTS (roundtrip_numbers); i++)
    hs_json_writer_number (writer, roundtrip_numbers[i]);
  hs_json_writer_int (writer, G_MININT64);
  hs_json_writer_int (writer, G_MAXINT64);
  hs_json_writer_end_array (writer);

  hs_json_writer_member (writer, "literals");
  hs_json_writer_begin_array (writer);
  hs_json_writer_boolean (writer, TRUE);
  hs_json_writer_boolean (writer, FALSE);
  hs_json_writer_null (writer);
  hs_json_writer_begin_object (writer);
  hs_json_writer_end_object (writer);
  hs_json_writer_begin_array (writer);
  hs_json_writer_end_array (writer);
  hs_json_writer_end_array (writer);
  hs_json_writer_end_object (writer);
}

static void
expect_token (HsJsonReader *reader,
              HsJsonToken   expected)
{
  g_autoptr(GError) error = NULL;
  HsJsonToken token = hs_json_reader_next (reader, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (token, ==, expected);
}

static void
expect_string (HsJsonReader *reader,
               HsJsonToken   expected,
               const char   *value)
{
  const char *text;
  gsize len;

  expect_token (reader, expected);
  text = hs_json_reader_get_string (reader, &len);
  g_assert_cmpmem (text, len, value, strlen (value));
}

static void
test_roundtrip (void)
{

  for (int pretty = 0; pretty <= 1; pretty++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(HsJsonWriter) writer = hs_json_writer_new (out, pretty);
      g_autoptr(HsJsonReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      const char *data;
      gsize size;

      write_hostile_document (writer);
      g_assert_true (hs_json_writer_finish (writer, NULL, &error));
      g_assert_no_error (error);

      data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));
      size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
      g_assert_true (g_utf8_validate_len (data, size, NULL));
      /* The only raw line breaks are the writer's own. */
      g_assert_cmpint (!!memchr (data, '\n', size), ==, pretty);
      g_assert_null (memchr (data, '\r', size));
      g_assert_null (memchr (data, '\x01', size));

      reader = hs_json_reader_new_for_data (data, size);
      expect_token (reader, HS_JSON_TOKEN_BEGIN_OBJECT);
      for (guint i = 0; i < G_N_ELEMENTS (hostile_strings); i++)
        {
          expect_string (reader, HS_JSON_TOKEN_MEMBER, hostile_strings[i]);
          expect_string (reader, HS_JSON_TOKEN_STRING, hostile_strings[i]);
        }
      expect_string (reader, HS_JSON_TOKEN_MEMBER, "all");
      expect_token (reader, HS_JSON_TOKEN_BEGIN_ARRAY);
      for (guint i = 0; i < G_N_ELEMENTS (hostile_strings); i++)
        expect_string (reader, HS_JSON_TOKEN_STRING, hostile_strings[i]);
      expect_token (reader, HS_JSON_TOKEN_END_ARRAY);

      expect_string (reader, HS_JSON_TOKEN_MEMBER, "numbers");
      expect_token (reader, HS_JSON_TOKEN_BEGIN_ARRAY);
      for (guint i = 0; i < G_N_ELEMENTS (roundtrip_numbers); i++)
        {
          double value;

          expect_token (reader, HS_JSON_TOKEN_NUMBER);
          value = hs_json_reader_get_number (reader);
          g_assert_true (memcmp (&value, &roundtrip_numbers[i], sizeof value) == 0);
        }
      expect_token (reader, HS_JSON_TOKEN_NUMBER);
      g_assert_cmpstr (hs_json_reader_get_number_text (reader), ==, "-9223372036854775808");
      expect_token (reader, HS_JSON_TOKEN_NUMBER);
      g_assert_cmpstr (hs_json_reader_get_number_text (reader), ==, "9223372036854775807");
      expect_token (reader, HS_JSON_TOKEN_END_ARRAY);

      expect_string (reader, HS_JSON_TOKEN_MEMBER, "literals");
      expect_token (reader, HS_JSON_TOKEN_BEGIN_ARRAY);
      expect_token (reader, HS_JSON_TOKEN_TRUE);
      expect_token (reader, HS_JSON_TOKEN_FALSE);
      expect_token (reader, HS_JSON_TOKEN_NULL);
      expect_token (reader, HS_JSON_TOKEN_BEGIN_OBJECT);
      expect_token (reader, HS_JSON_TOKEN_END_OBJECT);
      expect_token (reader, HS_JSON_TOKEN_BEGIN_ARRAY);
      expect_token (reader, HS_JSON_TOKEN_END_ARRAY);
      expect_token (reader, HS_JSON_TOKEN_END_ARRAY);
      expect_token (reader, HS_JSON_TOKEN_END_OBJECT);
      expect_token (reader, HS_JSON_TOKEN_EOF);
    }
}

static char *
write_document (gboolean pretty,
                void (*write) (HsJsonWriter *writer))
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(HsJsonWriter) writer = hs_json_writer_new (out, pretty);
  g_autoptr(GError) error = NULL;

  write (writer);
  g_assert_true (hs_json_writer_finish (writer, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
write_layout_document (HsJsonWriter *writer)
{
  hs_json_writer_begin_object (writer);
  hs_json_writer_member (writer, "a");
  hs_json_writer_int (writer, 1);
  hs_json_writer_member (writer, "b");
  hs_json_writer_begin_array (writer);
  hs_json_writer_end_array (writer);
  hs_json_writer_member (writer, "c");
  hs_json_writer_begin_object (writer);
  hs_json_writer_end_object (writer);
  hs_json_writer_member_string (writer, "absent", NULL);
  hs_json_writer_member (writer, "d");
  hs_json_writer_begin_array (writer);
  hs_json_writer_boolean (writer, TRUE);
  hs_json_writer_null (writer);
  hs_json_writer_string (writer, "x");
  hs_json_writer_string (writer, NULL);
  hs_json_writer_begin_array (writer);
  hs_json_writer_number (writer, 0.5);
  hs_json_writer_end_array (writer);
  hs_json_writer_end_array (writer);
  hs_json_writer_member_string (writer, "e", "tab\there \"q\" \x1b é \xff" "end");
  hs_json_writer_member (writer, "f");
  hs_json_writer_begin_object (writer);
  hs_json_writer_member (writer, "g");
  hs_json_writer_number (writer, NAN);
  hs_json_writer_end_object (writer);
  hs_json_writer_end_object (writer);
}

static void
write_scalar_document (HsJsonWriter *writer)
{
  hs_json_writer_string (writer, "just this");
}

static void
test_writer_layout (void)
{
  g_autofree char *pretty = write_document (TRUE, write_layout_document);
  g_autofree char *compact = write_document (FALSE, write_layout_document);
  g_autofree char *scalar = write_document (FALSE, write_scalar_document);

  g_assert_cmpstr (pretty, ==,
                   "{\n"
                   "  \"a\": 1,\n"
                   "  \"b\": [],\n"
                   "  \"c\": {},\n"
                   "  \"d\": [\n"
                   "    true,\n"
                   "    null,\n"
                   "    \"x\",\n"
                   "    null,\n"
                   "    [\n"
                   "      0.5\n"
                   "    ]\n"
                   "  ],\n"
                   "  \"e\": \"tab\\there \\\"q\\\" \\u001b é \xef\xbf\xbd" "end\",\n"
                   "  \"f\": {\n"
                   "    \"g\": null\n"
                   "  }\n"
                   "}\n");
  g_assert_cmpstr (compact, ==,
                   "{\"a\":1,\"b\":[],\"c\":{},\"d\":[true,null,\"x\",null,[0.5]],"
                   "\"e\":\"tab\\there \\\"q\\\" \\u001b é \xef\xbf\xbd" "end\","
                   "\"f\":{\"g\":null}}");
  g_assert_cmpstr (scalar, ==, "\"just this\"");
}

static void
test_writer_numbers (void)
{
  static const struct {
    double      value;
    const char *text;
  } cases[] = {
    { 0.0, "0" },
    { -0.0, "-0" },
    { 1.0, "1" },
    { -7.0, "-7" },
    { 0.2, "0.2" },
    { 0.1, "0.1" },
    { 0.5, "0.5" },
    { 0.1 + 0.2, "0.30000000000000004" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 2.0 / 3.0, "0.6666666666666666" },
    { 100.0, "100" },
    { 1e15, "1e+15" },
    { 123456789012345.0, "123456789012345" },
    { 1e21, "1e+21" },
    { 1e300, "1e+300" },
    { 1.5e-7, "1.5e-07" },
    { 9007199254740993.0, "9007199254740992" },
    { DBL_MAX, "1.7976931348623157e+308" },
    { DBL_MIN, "2.2250738585072014e-308" },
    { 5e-324, "4.94065645841247e-324" },
    { NAN, "null" },
    { INFINITY, "null" },
    { -INFINITY, "null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(HsJsonWriter) writer = hs_json_writer_new (out, FALSE);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      gsize size;

      hs_json_writer_number (writer, cases[i].value);
      g_assert_true (hs_json_writer_finish (writer, NULL, &error));
      size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
      text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), size);
      g_assert_cmpstr (text, ==, cases[i].text);

      if (isfinite (cases[i].value))
        g_assert_true (g_ascii_strtod (text, NULL) == cases[i].value);
    }
}

static void
test_writer_errors (void)
{
  char small[16];
  g_autoptr(GOutputStream) out = g_memory_output_stream_new (small, sizeof small, NULL, NULL);
  g_autoptr(HsJsonWriter) writer = hs_json_writer_new (out, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (100 * 1000, 'x');

  /* More than the buffer holds, so the failing write happens now... */
  hs_json_writer_begin_array (writer);
  hs_json_writer_string (writer, big);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                    ==, sizeof small);

  /* ...and what follows does nothing, misuse included. */
  hs_json_writer_string (writer, "more");
  hs_json_writer_end_object (writer);
  hs_json_writer_end_array (writer);

  g_assert_false (hs_json_writer_finish (writer, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (hs_json_writer_finish (writer, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                    ==, sizeof small);
}

static void
test_writer_misuse (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(HsJsonWriter) writer = hs_json_writer_new (out, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_test_expect_message ("hindsight-core", G_LOG_LEVEL_CRITICAL, "*no open object to end*");
  hs_json_writer_end_object (writer);
  g_test_assert_expected_messages ();

  hs_json_writer_begin_object (writer);

  g_test_expect_message ("hindsight-core", G_LOG_LEVEL_CRITICAL, "*needs hs_json_writer_member*");
  hs_json_writer_int (writer, 1);
  g_test_assert_expected_messages ();

  g_test_expect_message ("hindsight-core", G_LOG_LEVEL_CRITICAL, "*no open array to end*");
  hs_json_writer_end_array (writer);
  g_test_assert_expected_messages ();

  hs_json_writer_member (writer, "a");
  g_test_expect_message ("hindsight-core", G_LOG_LEVEL_CRITICAL, "*previous member has no value*");
  hs_json_writer_member (writer, "b");
  g_test_assert_expected_messages ();
  g_test_expect_message ("hindsight-core", G_LOG_LEVEL_CRITICAL, "*last member has no value*");
  hs_json_writer_end_object (writer);
  g_test_assert_expected_messages ();

  hs_json_writer_int (writer, 2);
  hs_json_writer_end_object (writer);

  g_test_expect_message ("hindsight-core", G_LOG_LEVEL_CRITICAL, "*already has its value*");
  hs_json_writer_null (writer);
  g_test_assert_expected_messages ();

  /* The misuse left no trace in the output. */
  g_assert_true (hs_json_writer_finish (writer, NULL, &error));
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_assert_cmpstr (text, ==, "{\"a\":2}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json/tokens", test_tokens);
  g_test_add_func ("/core/json/positions", test_positions);
  g_test_add_func ("/core/json/skip", test_skip);
  g_test_add_func ("/core/json/skip-error", test_skip_error);
  g_test_add_func ("/core/json/strings", test_strings);
  g_test_add_func ("/core/json/numbers", test_numbers);
  g_test_add_func ("/core/json/errors", test_errors);
  g_test_add_func ("/core/json/io-errors", test_io_errors);
  g_test_add_func ("/core/json/depth", test_depth);
  g_test_add_func ("/core/json/long-string", test_long_string);
  g_test_add_func ("/core/json/chunk-boundaries", test_chunk_boundaries);
  g_test_add_func ("/core/json/roundtrip", test_roundtrip);
  g_test_add_func ("/core/json/writer-layout", test_writer_layout);
  g_test_add_func ("/core/json/writer-numbers", test_writer_numbers);
  g_test_add_func ("/core/json/writer-errors", test_writer_errors);
  g_test_add_func ("/core/json/writer-misuse", test_writer_misuse);

  return g_test_run ();
}
