/* test-csv.c: reading and writing CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "hs-csv.h"

/* A stream that hands out its bytes 1 to 7 at a time, so that quotes,
 * line endings and UTF-8 sequences are split across reads somewhere.
 */
#define TEST_TYPE_TRICKLE_STREAM (test_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, TEST, TRICKLE_STREAM, GInputStream)

struct _TestTrickleStream
{
  GInputStream  parent_instance;
  GBytes       *bytes;
  gsize         pos;
  guint         phase;
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

  n = MIN (n, count);
  n = MIN (n, size - self->pos);
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
  G_OBJECT_CLASS (klass)->finalize = test_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_trickle_stream_read;
}

static void
test_trickle_stream_init (TestTrickleStream *self)
{
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

static void
note_case (const char *text)
{
  g_autofree char *shown = g_strescape (text, NULL);

  g_test_message ("%s", shown);
}

/* Dumps rows as "LINE(field|field)", control characters, "|" and "\" shown
 * as \xHH, then the error if there is one as "ERROR(code@line:column:
 * message)".
 */
static char *
dump_reader (HsCsvReader *reader)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  while (hs_csv_reader_next_row (reader, NULL, &error))
    {
      g_assert_no_error (error);
      g_assert_cmpuint (hs_csv_reader_get_error_column (reader), ==, 0);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%u(", hs_csv_reader_get_line (reader));

      for (guint i = 0; i < hs_csv_reader_get_n_fields (reader); i++)
        {
          gsize len;
          const char *field = hs_csv_reader_get_field (reader, i, &len);

          g_assert_cmpuint (strlen (field), ==, len);
          if (i > 0)
            g_string_append_c (out, '|');
          for (gsize j = 0; j < len; j++)
            {
              guchar c = (guchar) field[j];

              if (c < 0x20 || c == '|' || c == '\\')
                g_string_append_printf (out, "\\x%02x", c);
              else
                g_string_append_c (out, (char) c);
            }
        }
      g_string_append_c (out, ')');
    }

  if (error != NULL)
    {
      g_autoptr(GError) again = NULL;

      g_assert_true (error->domain == HS_CSV_ERROR);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "ERROR(%d@%u:%u: %s)", error->code,
                              hs_csv_reader_get_line (reader),
                              hs_csv_reader_get_error_column (reader),
                              error->message);

      /* The reader stays failed. */
      g_assert_false (hs_csv_reader_next_row (reader, NULL, &again));
      g_assert_error (again, HS_CSV_ERROR, error->code);
      g_assert_cmpstr (again->message, ==, error->message);
    }
  else
    {
      /* The end stays the end. */
      g_assert_false (hs_csv_reader_next_row (reader, NULL, &error));
      g_assert_no_error (error);
    }

  return g_string_free (out, FALSE);
}

/* Reads @csv through a plain memory stream and through tiny reads, and
 * checks both give @expected.
 */
static void
check_read (const char *csv,
            gsize       len,
            const char *expected)
{
  note_case (csv);

  {
    g_autoptr(GInputStream) stream = memory_stream_new (csv, len);
    g_autoptr(HsCsvReader) reader = hs_csv_reader_new (stream);
    g_autofree char *rows = dump_reader (reader);

    g_assert_cmpstr (rows, ==, expected);
  }

  for (guint phase = 0; phase < 7; phase++)
    {
      g_autoptr(GInputStream) stream = trickle_stream_new (csv, len, phase);
      g_autoptr(HsCsvReader) reader = hs_csv_reader_new (stream);
      g_autofree char *rows = dump_reader (reader);

      g_assert_cmpstr (rows, ==, expected);
    }
}

static void
test_read (void)
{
  static const struct {
    const char *csv;
    const char *rows;
  } cases[] = {
    { "", "" },
    { "\xef\xbb\xbf", "" },
    { "\n\n\r\n", "" },
    { "a,b,c\n1,2,3\n", "1(a|b|c) 2(1|2|3)" },
    { "a,b\nc,d", "1(a|b) 2(c|d)" },
    { "a,b\r\nc,d\r\n", "1(a|b) 2(c|d)" },
    { "\xef\xbb\xbfid,text\n1,x\n", "1(id|text) 2(1|x)" },
    { "\xef\xbb\xbf\"id\"\n", "1(id)" },
    { "\"a,b\",\"say \"\"hi\"\"\",\"\"\n", "1(a,b|say \"hi\"|)" },
    { "id,text\n1,\"line one\nline two\r\nthree\"\n2,x\n",
      "1(id|text) 2(1|line one\\x0aline two\\x0d\\x0athree) 5(2|x)" },
    { "\"\n\",\"\n\"\nnext", "1(\\x0a|\\x0a) 4(next)" },
    { ",,\n,\n", "1(||) 2(|)" },
    { "\n\na\n\r\n\nb\n\n", "3(a) 6(b)" },
    { "\"\"\n", "1()" },
    { "\"\"", "1()" },
    { "a,", "1(a|)" },
    { "a,\"\"", "1(a|)" },
    { " a , b ", "1( a | b )" },
    { "\"a\"", "1(a)" },
    { "\"a\"\r\n\"b\"", "1(a) 2(b)" },
    { "\"\"\"\"", "1(\")" },
    { "\"a\"\"\"", "1(a\")" },
    { "日本語,😀,\xe2\x80\xae\n", "1(日本語|😀|\xe2\x80\xae)" },
    { "tab\there,x\n", "1(tab\\x09here|x)" },
    { "'hello,'=x,'-5,'-x,''=x,'\n", "1('hello|=x|'-5|-x|'=x|')" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_read (cases[i].csv, strlen (cases[i].csv), cases[i].rows);
}

/* A file larger than one 64 KiB read, shifted so that the boundary between
 * reads falls inside quotes, doubled quotes, CRLF and UTF-8.
 */
static void
test_read_large (void)
{
  GString *csv = g_string_new (NULL);
  GString *expected = g_string_new (NULL);
  guint line = 1;

  for (guint i = 0; i < 5000; i++)
    {
      g_string_append_printf (csv, "%u,\"é\"\"😀\r\n%u\",plain日本\r\n", i, i);
      g_string_append_printf (expected, "%s%u(%u|é\"😀\\x0d\\x0a%u|plain日本)",
                              i > 0 ? " " : "", line, i, i);
      line += 2;
    }
  g_assert_cmpuint (csv->len, >, 2 * 64 * 1024);

  for (guint pad = 0; pad < 24; pad++)
    {
      g_autofree char *shifted = NULL;
      g_autofree char *shifted_expected = NULL;
      g_autofree char *padding = g_strnfill (pad, '\n');
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(HsCsvReader) reader = NULL;
      g_autofree char *rows = NULL;
      GString *renumbered = g_string_new (NULL);

      /* Empty lines in front shift the bytes and, by as much, the lines. */
      shifted = g_strconcat (padding, csv->str, NULL);
      line = 1 + pad;
      for (guint i = 0; i < 5000; i++)
        {
          g_string_append_printf (renumbered, "%s%u(%u|é\"😀\\x0d\\x0a%u|plain日本)",
                                  i > 0 ? " " : "", line, i, i);
          line += 2;
        }
      shifted_expected = g_string_free (renumbered, FALSE);

      stream = memory_stream_new (shifted, strlen (shifted));
      reader = hs_csv_reader_new (stream);
      rows = dump_reader (reader);
      g_assert_cmpstr (rows, ==, shifted_expected);
    }

  check_read (csv->str, csv->len, expected->str);

  g_string_free (csv, TRUE);
  g_string_free (expected, TRUE);
}

static void
test_errors (void)
{
  static const struct {
    const char *csv;
    gssize      len;
    const char *result;
  } cases[] = {
    { "a,b\n1,\"open\nmore\n", -1,
      "1(a|b) ERROR(0@2:2: the quote opened on line 2 is never closed)" },
    { "\"", -1,
      "ERROR(0@1:1: the quote opened on line 1 is never closed)" },
    { "a,b\nx,ab\"c\n", -1,
      "1(a|b) ERROR(0@2:2: a quote inside an unquoted field "
      "(quote the whole field and double the quote))" },
    { "a\"", -1,
      "ERROR(0@1:1: a quote inside an unquoted field "
      "(quote the whole field and double the quote))" },
    { "\"a\"b,c\n", -1,
      "ERROR(0@1:1: unexpected \"b\" after a closing quote)" },
    { "a,\"b\" ,c", -1,
      "ERROR(0@1:2: unexpected U+0020 after a closing quote)" },
    { "a,\"b\"é", -1,
      "ERROR(0@1:2: unexpected \"é\" after a closing quote)" },
    { "a,\"b\"\xe2\x80\xae", -1,
      "ERROR(0@1:2: unexpected U+202E after a closing quote)" },
    { "a,\"b\"\xff", -1,
      "ERROR(1@1:2: invalid UTF-8)" },
    { "a,b\nc,\xff\n", -1,
      "1(a|b) ERROR(1@2:2: invalid UTF-8)" },
    { "a,b\nc,d\xc3", -1,
      "1(a|b) ERROR(1@2:2: invalid UTF-8)" },
    { "x\n\"a\nb\nc\xed\xa0\x80\",y\n", -1,
      "1(x) ERROR(1@4:1: invalid UTF-8)" },
    { "a,b\0c\n", 6,
      "ERROR(1@1:2: a NUL byte is not allowed)" },
    { "a,\"\0\"\n", 6,
      "ERROR(1@1:2: a NUL byte is not allowed)" },
    { "a\rb\n", -1,
      "ERROR(0@1:1: a carriage return outside quotes must be followed by a line feed)" },
    { "a,\"b\"\r", -1,
      "ERROR(0@1:2: a carriage return outside quotes must be followed by a line feed)" },
    { "ok\na,b\r", -1,
      "1(ok) ERROR(0@2:2: a carriage return outside quotes must be followed by a line feed)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = cases[i].len < 0 ? strlen (cases[i].csv) : (gsize) cases[i].len;

      check_read (cases[i].csv, len, cases[i].result);
    }
}

static void
test_limits (void)
{
  GString *csv = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  /* As many fields as allowed, then one more. */
  for (guint i = 0; i < HS_CSV_MAX_FIELDS; i++)
    g_string_append (csv, i > 0 ? ",x" : "x");
  g_string_append_c (csv, '\n');
  for (guint i = 0; i <= HS_CSV_MAX_FIELDS; i++)
    g_string_append (csv, i > 0 ? ",y" : "y");
  g_string_append_c (csv, '\n');

  {
    g_autoptr(GInputStream) stream = memory_stream_new (csv->str, csv->len);
    g_autoptr(HsCsvReader) reader = hs_csv_reader_new (stream);

    g_assert_true (hs_csv_reader_next_row (reader, NULL, &error));
    g_assert_cmpuint (hs_csv_reader_get_n_fields (reader), ==, HS_CSV_MAX_FIELDS);
    g_assert_cmpstr (hs_csv_reader_get_field (reader, HS_CSV_MAX_FIELDS - 1, NULL), ==, "x");

    g_assert_false (hs_csv_reader_next_row (reader, NULL, &error));
    g_assert_error (error, HS_CSV_ERROR, HS_CSV_ERROR_TOO_LONG);
    g_assert_cmpstr (error->message, ==, "more than 256 fields in a row");
    g_assert_cmpuint (hs_csv_reader_get_line (reader), ==, 2);
    g_assert_cmpuint (hs_csv_reader_get_error_column (reader), ==, HS_CSV_MAX_FIELDS + 1);
    g_clear_error (&error);
  }

  /* A field as long as allowed, then one a byte longer, bare and quoted. */
  for (guint quoted = 0; quoted <= 1; quoted++)
    {
      for (gsize extra = 0; extra <= 1; extra++)
        {
          gsize len = HS_CSV_MAX_FIELD + extra;
          g_autoptr(GInputStream) stream = NULL;
          g_autoptr(HsCsvReader) reader = NULL;
          gsize field_len = 0;

          g_string_assign (csv, "a,");
          if (quoted)
            g_string_append_c (csv, '"');
          g_string_set_size (csv, csv->len + len);
          memset (csv->str + csv->len - len, 'z', len);
          if (quoted)
            g_string_append_c (csv, '"');
          g_string_append (csv, ",c\n");

          stream = memory_stream_new (csv->str, csv->len);
          reader = hs_csv_reader_new (stream);
          if (extra == 0)
            {
              g_assert_true (hs_csv_reader_next_row (reader, NULL, &error));
              g_assert_no_error (error);
              g_assert_cmpuint (hs_csv_reader_get_n_fields (reader), ==, 3);
              hs_csv_reader_get_field (reader, 1, &field_len);
              g_assert_cmpuint (field_len, ==, HS_CSV_MAX_FIELD);
              g_assert_cmpstr (hs_csv_reader_get_field (reader, 2, NULL), ==, "c");
            }
          else
            {
              g_assert_false (hs_csv_reader_next_row (reader, NULL, &error));
              g_assert_error (error, HS_CSV_ERROR, HS_CSV_ERROR_TOO_LONG);
              g_assert_cmpstr (error->message, ==, "field longer than 16 MiB");
              g_assert_cmpuint (hs_csv_reader_get_error_column (reader), ==, 2);
              g_clear_error (&error);
            }
        }
    }

  g_string_free (csv, TRUE);
}

static void
test_cancel (void)
{
  g_autoptr(GInputStream) stream = memory_stream_new ("a,b\n", 4);
  g_autoptr(HsCsvReader) reader = hs_csv_reader_new (stream);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (hs_csv_reader_next_row (reader, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static char *
write_rows (const char *const *fields,
            guint              n_fields,
            guint              per_row)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(HsCsvWriter) writer = hs_csv_writer_new (out);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_fields; i++)
    {
      hs_csv_writer_field (writer, fields[i]);
      if ((i + 1) % per_row == 0 || i + 1 == n_fields)
        hs_csv_writer_end_row (writer);
    }

  g_assert_true (hs_csv_writer_finish (writer, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
  g_output_stream_close (out, NULL, NULL);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static const char *const hostile_fields[] = {
  "",
  "plain",
  " leading",
  "trailing ",
  " ",
  "a,b",
  "say \"hi\"",
  "\"",
  "\"\"",
  "line\nbreak",
  "cr\rhere",
  "crlf\r\nhere",
  "\n",
  "=SUM(A1)",
  "=HYPERLINK(\"http://evil.example\",\"click\")",
  "+cmd|' /C calc'!A0",
  "-x",
  "@SUM(A1)",
  "\ttab first",
  "\rcr first",
  "'quoted'",
  "'=already",
  "''=double",
  "'",
  "''",
  "=",
  "-",
  "+",
  "-5",
  "+44 20 7946 0958",
  "- item",
  "-.5",
  "日本語テキスト",
  "😀👍🏽",
  "<b>bold</b>",
  "\xe2\x80\xae" "evil" "\xe2\x80\xac",
  "zero\xe2\x80\x8bwidth",
  "a\tb",
  "\\backslash\\",
};

static void
test_roundtrip (void)
{
  for (guint per_row = 1; per_row <= 7; per_row++)
    {
      g_autofree char *csv = write_rows (hostile_fields, G_N_ELEMENTS (hostile_fields), per_row);
      g_autoptr(GInputStream) stream = memory_stream_new (csv, strlen (csv));
      g_autoptr(HsCsvReader) reader = hs_csv_reader_new (stream);
      g_autoptr(GError) error = NULL;
      guint next = 0;

      while (hs_csv_reader_next_row (reader, NULL, &error))
        {
          guint n = MIN (per_row, G_N_ELEMENTS (hostile_fields) - next);

          g_assert_cmpuint (hs_csv_reader_get_n_fields (reader), ==, n);
          for (guint i = 0; i < n; i++)
            {
              gsize len;
              const char *field = hs_csv_reader_get_field (reader, i, &len);

              g_assert_cmpstr (field, ==, hostile_fields[next + i]);
              g_assert_cmpuint (len, ==, strlen (hostile_fields[next + i]));
            }
          next += n;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (next, ==, G_N_ELEMENTS (hostile_fields));
    }

  /* Text that is not UTF-8 is mended rather than written as it is. */
  {
    static const char *const broken[] = { "a\xff" "b", "\xc3" };
    g_autofree char *csv = write_rows (broken, G_N_ELEMENTS (broken), 2);

    g_assert_cmpstr (csv, ==, "a\xef\xbf\xbd" "b,\xef\xbf\xbd\n");
  }
}

static void
test_writer (void)
{
  static const char *const fields[] = {
    "id", "text", "probability",
    "c1", "He said \"soon\", twice", NULL,
    "c2", "two\nlines", "0.2",
    "", NULL, "",
    " pad ", "x", "y",
  };
  g_autofree char *csv = write_rows (fields, G_N_ELEMENTS (fields), 3);
  g_autofree char *single = NULL;
  static const char *const lone_empty[] = { "", "a", NULL };

  g_assert_cmpstr (csv, ==,
                   "id,text,probability\n"
                   "c1,\"He said \"\"soon\"\", twice\",\n"
                   "c2,\"two\nlines\",0.2\n"
                   ",,\n"
                   "\" pad \",x,y\n");

  /* A row of one empty field is not written as an empty line, which
   * would be skipped on reading.
   */
  single = write_rows (lone_empty, G_N_ELEMENTS (lone_empty), 1);
  g_assert_cmpstr (single, ==, "\"\"\na\n\"\"\n");
}

static void
test_writer_errors (void)
{
  char small[8];
  g_autoptr(GOutputStream) out = g_memory_output_stream_new (small, sizeof small, NULL, NULL);
  g_autoptr(HsCsvWriter) writer = hs_csv_writer_new (out);
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (100 * 1000, 'x');

  hs_csv_writer_field (writer, big);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                    ==, sizeof small);
  hs_csv_writer_field (writer, "more");
  hs_csv_writer_end_row (writer);

  g_assert_false (hs_csv_writer_finish (writer, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                    ==, sizeof small);
}

static void
test_formula (void)
{
  static const struct {
    const char *value;
    const char *written;
  } cases[] = {
    { "=SUM(A1)", "'=SUM(A1)" },
    { "=1+1", "'=1+1" },
    { "= 1", "'= 1" },
    { "=", "'=" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "@1", "'@1" },
    { "+cmd", "'+cmd" },
    { "-cmd", "'-cmd" },
    { "-=x", "'-=x" },
    { "\tx", "'\tx" },
    { "\rx", "\"'\rx\"" },
    { "=1,2", "\"'=1,2\"" },
    { "'=x", "''=x" },
    { "''@x", "'''@x" },
    { "'\tx", "''\tx" },
    { "-5", "-5" },
    { "-0.2", "-0.2" },
    { "-.5", "-.5" },
    { "+44 20 7946 0958", "'+44 20 7946 0958" },
    { "- item", "'- item" },
    { "-", "'-" },
    { "+", "'+" },
    { "-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0" },
    { "+1+1", "'+1+1" },
    { "+0.25", "+0.25" },
    { "'hello", "'hello" },
    { "'-5", "'-5" },
    { "'", "'" },
    { "hello=", "hello=" },
    { " =x", "\" =x\"" },
    { "a\t=b", "a\t=b" },
  };
  static const struct {
    const char *csv;
    const char *value;
  } reads[] = {
    { "'=SUM(A1)", "=SUM(A1)" },
    { "\"'=SUM(A1)\"", "=SUM(A1)" },
    { "'hello", "'hello" },
    { "'-5", "'-5" },
    { "'-x", "-x" },
    { "'+", "+" },
    { "''=x", "'=x" },
    { "'''=x", "''=x" },
    { "''", "''" },
    { "'", "'" },
    { "'@", "@" },
    { "'\t", "\t" },
    { "x'=y", "x'=y" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *fields[] = { cases[i].value };
      g_autofree char *csv = write_rows (fields, 1, 1);
      g_autofree char *expected = g_strconcat (cases[i].written, "\n", NULL);
      g_autoptr(GInputStream) stream = memory_stream_new (csv, strlen (csv));
      g_autoptr(HsCsvReader) reader = hs_csv_reader_new (stream);
      g_autoptr(GError) error = NULL;

      note_case (cases[i].value);
      g_assert_cmpstr (csv, ==, expected);

      g_assert_true (hs_csv_reader_next_row (reader, NULL, &error));
      g_assert_cmpuint (hs_csv_reader_get_n_fields (reader), ==, 1);
      g_assert_cmpstr (hs_csv_reader_get_field (reader, 0, NULL), ==, cases[i].value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      g_autoptr(GInputStream) stream = memory_stream_new (reads[i].csv, strlen (reads[i].csv));
      g_autoptr(HsCsvReader) reader = hs_csv_reader_new (stream);
      g_autoptr(GError) error = NULL;
      gsize len;

      note_case (reads[i].csv);
      g_assert_true (hs_csv_reader_next_row (reader, NULL, &error));
      g_assert_cmpstr (hs_csv_reader_get_field (reader, 0, &len), ==, reads[i].value);
      g_assert_cmpuint (len, ==, strlen (reads[i].value));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/read", test_read);
  g_test_add_func ("/core/csv/read-large", test_read_large);
  g_test_add_func ("/core/csv/errors", test_errors);
  g_test_add_func ("/core/csv/limits", test_limits);
  g_test_add_func ("/core/csv/cancel", test_cancel);
  g_test_add_func ("/core/csv/roundtrip", test_roundtrip);
  g_test_add_func ("/core/csv/writer", test_writer);
  g_test_add_func ("/core/csv/writer-errors", test_writer_errors);
  g_test_add_func ("/core/csv/formula", test_formula);

  return g_test_run ();
}
