/* test-charts.c: the charts, drawn and exported with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart kind is exported into every format at several sizes and in
 * every theme, and the files are opened again: PNG decoded, SVG parsed,
 * PDF checked for its header, trailer and page count. Pixels are sampled
 * where a status colour must be, hit testing is checked against what was
 * drawn, and empty, single, huge and hostile data must draw without a
 * warning (G_DEBUG=fatal-warnings turns any into a failure). Only cairo
 * image, SVG and PDF surfaces are used: no display is needed.
 */

#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hindsight-chart.h"

#include "../core/test-utils.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

/* Shared by every test: a store holding docs/examples/example.json, and a
 * folder for the exported files. Both are cleaned up, and the store is
 * checked to be finalized, at the end of main(). */
static HsStore *example_store;
static char *tmp_dir;

static const char *const theme_names[] = {
  [HS_CHART_THEME_LIGHT] = "light",
  [HS_CHART_THEME_DARK] = "dark",
  [HS_CHART_THEME_HIGH_CONTRAST] = "high-contrast",
  [HS_CHART_THEME_HIGH_CONTRAST_DARK] = "high-contrast-dark",
};

/* ---------------------------------------------------------------------- */
/* Pixels                                                                  */

typedef struct
{
  double r, g, b;  /* 0..1 */
} Px;

static Px
px_from_color (const HsColor *color)
{
  return (Px) { color->red, color->green, color->blue };
}

/* @fg at @alpha over @bg, as cairo composites it. */
static Px
px_over (const HsColor *fg,
         double         alpha,
         const HsColor *bg)
{
  return (Px) {
    fg->red * alpha + bg->red * (1 - alpha),
    fg->green * alpha + bg->green * (1 - alpha),
    fg->blue * alpha + bg->blue * (1 - alpha),
  };
}

/* The surface must have been flushed since it was last drawn on. */
static Px
get_pixel (cairo_surface_t *surface,
           int              x,
           int              y)
{
  const guchar *data;
  guint32 value;
  guint alpha;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  data = cairo_image_surface_get_data (surface);
  memcpy (&value, data + (gsize) y * cairo_image_surface_get_stride (surface) + (gsize) x * 4, 4);

  /* Every chart paints an opaque background first, so there is no
   * premultiplied alpha to undo. */
  alpha = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24 ? 255 : value >> 24;
  g_assert_cmpuint (alpha, ==, 255);

  return (Px) { (value >> 16 & 0xff) / 255.0, (value >> 8 & 0xff) / 255.0, (value & 0xff) / 255.0 };
}

/* The largest difference of a channel, in 0..255. */
static double
px_distance (Px a,
             Px b)
{
  return 255 * MAX (fabs (a.r - b.r), MAX (fabs (a.g - b.g), fabs (a.b - b.b)));
}

/* How far @p is along the way from @bg to @fg (1 is all @fg: a pixel fully
 * covered by a shape of @fg), and in @residual how far off that line it is:
 * an antialiased edge of @fg over @bg has a small residual. */
static double
px_coverage (Px     p,
             Px     bg,
             Px     fg,
             double *residual)
{
  double dr = fg.r - bg.r, dg = fg.g - bg.g, db = fg.b - bg.b;
  double norm = dr * dr + dg * dg + db * db;
  double t = norm > 0 ? ((p.r - bg.r) * dr + (p.g - bg.g) * dg + (p.b - bg.b) * db) / norm : 0;
  Px on_line = { bg.r + t * dr, bg.g + t * dg, bg.b + t * db };

  *residual = px_distance (p, on_line);
  return t;
}

static char *
px_to_string (Px p)
{
  return g_strdup_printf ("#%02x%02x%02x", (guint) round (p.r * 255), (guint) round (p.g * 255),
                          (guint) round (p.b * 255));
}

#define assert_pixel(surface, x, y, expected, tolerance) \
  assert_pixel_impl (__FILE__, __LINE__, G_STRFUNC, surface, x, y, expected, tolerance)

static void
assert_pixel_impl (const char      *file,
                   int              line,
                   const char      *func,
                   cairo_surface_t *surface,
                   int              x,
                   int              y,
                   Px               expected,
                   double           tolerance)
{
  Px found = get_pixel (surface, x, y);

  if (px_distance (found, expected) > tolerance)
    {
      g_autofree char *a = px_to_string (found);
      g_autofree char *b = px_to_string (expected);
      g_autofree char *message = g_strdup_printf ("pixel (%d, %d) is %s, not %s (within %g)", x, y, a, b,
                                                  tolerance);
      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
    }
}

/* Pixels within @tolerance of @color in the rectangle, in device pixels. */
static guint
count_pixels (cairo_surface_t *surface,
              int              x0,
              int              y0,
              int              x1,
              int              y1,
              Px               color,
              double           tolerance)
{
  guint n = 0;

  x0 = MAX (x0, 0);
  y0 = MAX (y0, 0);
  x1 = MIN (x1, cairo_image_surface_get_width (surface));
  y1 = MIN (y1, cairo_image_surface_get_height (surface));
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (px_distance (get_pixel (surface, x, y), color) <= tolerance)
        n++;
  return n;
}

/* The longest straight run of pixels within @tolerance of @color, across
 * rows (@horizontal) or down columns; where it starts and how long it is. */
static guint
longest_run (cairo_surface_t *surface,
             Px               color,
             double           tolerance,
             gboolean         horizontal,
             int             *start_x,
             int             *start_y)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int outer = horizontal ? height : width;
  int inner = horizontal ? width : height;
  guint best = 0;

  for (int o = 0; o < outer; o++)
    {
      guint run = 0;

      for (int i = 0; i < inner; i++)
        {
          int x = horizontal ? i : o, y = horizontal ? o : i;

          if (px_distance (get_pixel (surface, x, y), color) <= tolerance)
            {
              run++;
              if (run > best)
                {
                  best = run;
                  *start_x = horizontal ? x - (int) run + 1 : x;
                  *start_y = horizontal ? y : y - (int) run + 1;
                }
            }
          else
            run = 0;
        }
    }
  return best;
}

/* ---------------------------------------------------------------------- */
/* Charts                                                                  */

static cairo_surface_t *
draw_chart (HsChart *chart,
            double   width,
            double   height,
            double   scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (width * scale),
                                                         (int) ceil (height * scale));
  g_autoptr(cairo_t) cr = cairo_create (surface);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_scale (cr, scale, scale);
  hs_chart_draw (chart, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  return surface;
}

static gint32
today_day (void)
{
  HsDate today = hs_date_today ();

  return hs_date_to_day (&today);
}

static void
test_lane_free (gpointer data)
{
  HsTimelineLane *lane = data;

  g_free (lane->id);
  g_free (lane->label);
  g_free (lane);
}

/* Timeline data built by hand, as hs_store_timeline_data() would: lanes,
 * then items in lane order and by start within a lane. */
static HsTimelineData *
timeline_data_new (void)
{
  HsTimelineData *data = g_new0 (HsTimelineData, 1);

  data->items = g_array_new (FALSE, FALSE, sizeof (HsTimelineItem));
  data->marks = g_array_new (FALSE, FALSE, sizeof (HsTimelineMark));
  data->lanes = g_ptr_array_new_with_free_func (test_lane_free);
  return data;
}

static guint
timeline_data_add_lane (HsTimelineData *data,
                        const char     *id,
                        const char     *label)
{
  HsTimelineLane *lane = g_new0 (HsTimelineLane, 1);

  lane->id = g_strdup (id);
  lane->label = g_strdup (label);
  g_ptr_array_add (data->lanes, lane);
  return data->lanes->len - 1;
}

/* Adds a prediction; a resolved one gets its resolution as a mark on its
 * last day. Returns its index. */
static guint
timeline_data_add_item (HsTimelineData *data,
                        guint           lane,
                        gint32          start,
                        gint32          end,
                        HsStatus        status)
{
  HsTimelineItem item = { 0 };

  item.rowid = data->items->len + 1;
  item.lane = lane;
  item.start = start;
  item.end = end;
  item.status = status;
  if (status != HS_STATUS_OPEN && end != HS_DAY_OPEN)
    {
      HsTimelineMark mark = { end, status };

      item.first_mark = data->marks->len;
      item.n_marks = 1;
      g_array_append_val (data->marks, mark);
    }

  if (data->items->len == 0)
    {
      data->first_day = start;
      data->last_day = start;
    }
  data->first_day = MIN (data->first_day, start);
  data->last_day = MAX (data->last_day, end == HS_DAY_OPEN ? start : end);
  g_array_append_val (data->items, item);
  return data->items->len - 1;
}

static HsScoreRow *
score_row_new (const char *id,
               const char *name,
               guint       confirmed,
               guint       refuted,
               guint       open)
{
  g_autoptr(HsSpeaker) speaker = hs_speaker_new (id, name);
  HsScoreRow *row = hs_score_row_new (speaker);

  row->confirmed = confirmed;
  row->refuted = refuted;
  row->open = open;
  row->resolved = confirmed + refuted;
  row->predictions = confirmed + refuted + open;
  hs_score_row_finish (row, 0);
  return row;
}

static HsChart *
example_chart (const char *kind)
{
  g_autoptr(GError) error = NULL;
  HsChart *chart = hs_chart_new_for_kind (kind, example_store, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (HS_IS_CHART (chart));
  return chart;
}

/* ---------------------------------------------------------------------- */
/* Reading exports back                                                    */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* What hs_chart_export() writes before renaming into place. */
static char *
export_tmp_path (const char *path)
{
  return g_strdup_printf ("%s.%d.tmp", path, (int) getpid ());
}

static guint
count_dir_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
check_png (const char          *path,
           double               width,
           double               height,
           double               scale,
           const HsChartPalette *palette)
{
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create_from_png (path);
  Px background = px_from_color (&palette->background);
  int w, h;
  guint ink;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  g_assert_cmpint (w, ==, (int) ceil (width * scale));
  g_assert_cmpint (h, ==, (int) ceil (height * scale));

  /* The theme's background fills the page, and the chart is drawn on it. */
  assert_pixel (surface, 0, 0, background, 1);
  assert_pixel (surface, w - 1, h - 1, background, 1);
  ink = w * h - count_pixels (surface, 0, 0, w, h, background, 1);
  g_assert_cmpuint (ink, >, 100);
}

typedef struct
{
  guint  depth;
  guint  elements;
  char  *root;
  char  *width;
  char  *height;
} SvgInfo;

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgInfo *info = user_data;

  if (info->depth++ == 0)
    {
      info->root = g_strdup (element);
      for (guint i = 0; names[i] != NULL; i++)
        if (strcmp (names[i], "width") == 0)
          info->width = g_strdup (values[i]);
        else if (strcmp (names[i], "height") == 0)
          info->height = g_strdup (values[i]);
    }
  info->elements++;
}

static void
svg_end_element (GMarkupParseContext  *context,
                 const char           *element,
                 gpointer              user_data,
                 GError              **error)
{
  SvgInfo *info = user_data;

  info->depth--;
}

/* An SVG length in px (the document unit the export asks for), or -1. */
static double
svg_length (const char *text)
{
  char *end = NULL;
  double value;

  g_assert_nonnull (text);
  value = g_ascii_strtod (text, &end);
  if (end == text || !(*end == '\0' || strcmp (end, "px") == 0))
    return -1;
  return value;
}

static void
check_svg (const char *path,
           double      width,
           double      height)
{
  static const GMarkupParser parser = { svg_start_element, svg_end_element, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  SvgInfo info = { 0 };
  GMarkupParseContext *context;

  contents = test_read_file (path, &length);
  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &info, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_markup_parse_context_free (context);

  g_assert_cmpuint (info.depth, ==, 0);
  g_assert_cmpstr (info.root, ==, "svg");
  g_assert_cmpfloat_with_epsilon (svg_length (info.width), width, 0.01);
  g_assert_cmpfloat_with_epsilon (svg_length (info.height), height, 0.01);
  /* More than the root and a background: the chart is in it. */
  g_assert_cmpuint (info.elements, >, 3);

  g_free (info.root);
  g_free (info.width);
  g_free (info.height);
}

/* memmem(), over data that may hold NULs. */
static const char *
find_bytes (const char *haystack,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return haystack + i;
  return NULL;
}

static guint
pdf_page_count (const char *contents,
                gsize       length)
{
  const char *p = contents, *end = contents + length;
  guint pages = 0;

  while ((p = find_bytes (p, end - p, "/Type /Page")) != NULL)
    {
      p += strlen ("/Type /Page");
      if (p == end || *p != 's')
        pages++;
    }
  return pages;
}

static void
check_pdf (const char *path,
           double      width,
           double      height)
{
  g_autofree char *contents = NULL;
  g_autofree char *media_box = NULL;
  gsize length;

  contents = test_read_file (path, &length);
  g_assert_cmpuint (length, >, 100);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  while (length > 0 && g_ascii_isspace (contents[length - 1]))
    length--;
  g_assert_cmpuint (length, >=, 5);
  g_assert_cmpmem (contents + length - 5, 5, "%%EOF", 5);
  g_assert_cmpuint (pdf_page_count (contents, length), ==, 1);

  /* The page is the size asked for, in points. */
  media_box = g_strdup_printf ("/MediaBox [ 0 0 %g %g ]", width, height);
  g_assert_nonnull (find_bytes (contents, length, media_box));
}

/* ---------------------------------------------------------------------- */
/* Every kind into every format, size and theme                            */

typedef struct
{
  const char    *kind;
  HsChartFormat  format;
  double         scale;
  double         width;
  double         height;
  HsChartTheme   theme;
} ExportCase;

static const char *const export_kinds[] = {
  "timeline", "timeline-topics", "scorecard", "calibration", "due",
};

static const struct
{
  const char    *name;
  HsChartFormat  format;
  double         scale;
} export_formats[] = {
  { "png", HS_CHART_FORMAT_PNG, 1 },
  { "png@2x", HS_CHART_FORMAT_PNG, 2 },
  { "svg", HS_CHART_FORMAT_SVG, 1 },
  { "pdf", HS_CHART_FORMAT_PDF, 1 },
};

static const struct
{
  double width, height;
} export_sizes[] = {
  { 240, 160 },  /* the smallest a chart lays itself out for */
  { 800, 500 },
  { 1200, 700 },
  { 2400, 1400 },
};

/* Static, so that the cases a -p run leaves out are not leaked. */
static ExportCase export_cases[G_N_ELEMENTS (export_kinds) * G_N_ELEMENTS (export_formats) *
                               G_N_ELEMENTS (export_sizes) * G_N_ELEMENTS (theme_names)];
static guint n_export_cases;

static const char *
format_extension (HsChartFormat format)
{
  switch (format)
    {
    case HS_CHART_FORMAT_PNG:
      return "png";
    case HS_CHART_FORMAT_SVG:
      return "svg";
    case HS_CHART_FORMAT_PDF:
      return "pdf";
    default:
      g_assert_not_reached ();
    }
}

static void
check_export (HsChartFormat         format,
              const char           *path,
              double                width,
              double                height,
              double                scale,
              const HsChartPalette *palette)
{
  g_autofree char *tmp = export_tmp_path (path);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));

  switch (format)
    {
    case HS_CHART_FORMAT_PNG:
      check_png (path, width, height, scale, palette);
      break;
    case HS_CHART_FORMAT_SVG:
      check_svg (path, width, height);
      break;
    case HS_CHART_FORMAT_PDF:
      check_pdf (path, width, height);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_export (gconstpointer data)
{
  const ExportCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *name = g_strdup_printf ("export-%s.%s", c->kind, format_extension (c->format));
  g_autofree char *path = tmp_path (name);
  HsChart *chart = example_chart (c->kind);
  gboolean ok;

  hs_chart_set_theme (chart, c->theme);

  timer = g_timer_new ();
  ok = hs_chart_export (chart, c->format, path, c->width, c->height, c->scale, &error);
  g_test_message ("exported in %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_no_error (error);
  g_assert_true (ok);

  check_export (c->format, path, c->width, c->height, c->scale, hs_chart_palette_for (c->theme));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpuint (count_dir_entries (tmp_dir), ==, 0);

  test_assert_finalize (&chart);
}

/* ---------------------------------------------------------------------- */
/* Atomic writes and size limits                                           */

/* A path in a folder that does not exist cannot be written: an error, and
 * nothing left behind, in any format. */
static void
test_export_missing_folder (void)
{
  g_autofree char *folder = tmp_path ("missing");
  HsChart *chart = example_chart ("timeline");

  for (guint f = 0; f < G_N_ELEMENTS (export_formats); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (folder, "chart.out", NULL);

      g_assert_false (hs_chart_export (chart, export_formats[f].format, path, 800, 500,
                                       export_formats[f].scale, &error));
      g_assert_error (error, HS_CHART_ERROR, HS_CHART_ERROR_WRITE);
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_dir_entries (tmp_dir), ==, 0);
    }

  test_assert_finalize (&chart);
}

/* Over a folder, the temporary file is written and then cannot be renamed
 * into place: the error is reported and the temporary file removed. */
static void
test_export_over_folder (void)
{
  g_autofree char *folder = tmp_path ("a-folder");
  HsChart *chart = example_chart ("scorecard");

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint f = 0; f < G_N_ELEMENTS (export_formats); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *tmp = export_tmp_path (folder);

      g_assert_false (hs_chart_export (chart, export_formats[f].format, folder, 800, 500,
                                       export_formats[f].scale, &error));
      g_assert_error (error, HS_CHART_ERROR, HS_CHART_ERROR_WRITE);
      g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
      g_assert_cmpuint (count_dir_entries (folder), ==, 0);
      g_assert_cmpuint (count_dir_entries (tmp_dir), ==, 1);
    }
  g_assert_cmpint (g_rmdir (folder), ==, 0);

  test_assert_finalize (&chart);
}

/* An existing file is replaced whole, by a rename: nothing of the old file
 * is left in the new one, and a reader holding the old file (here, a hard
 * link to it) still has all of the old contents, never half of each. */
static void
test_export_replace (void)
{
  HsChart *chart = example_chart ("due");

  for (guint f = 0; f < G_N_ELEMENTS (export_formats); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("replace.%s", format_extension (export_formats[f].format));
      g_autofree char *path = tmp_path (name);
      g_autofree char *link_path = tmp_path ("old-link");
      g_autofree char *fresh = tmp_path ("fresh");
      g_autofree char *old = g_strnfill (2 * 1024 * 1024, 'x');
      g_autofree char *after = NULL;
      g_autofree char *kept = NULL;
      g_autofree char *expected = NULL;
      gsize after_length, kept_length, expected_length;
      GStatBuf before_stat, after_stat;

      test_write_file (path, old, -1);
      g_assert_cmpint (link (path, link_path), ==, 0);
      g_assert_cmpint (g_stat (path, &before_stat), ==, 0);

      g_assert_true (hs_chart_export (chart, export_formats[f].format, path, 800, 500,
                                      export_formats[f].scale, &error));
      g_assert_no_error (error);
      check_export (export_formats[f].format, path, 800, 500, export_formats[f].scale,
                    hs_chart_get_palette (chart));

      g_assert_cmpint (g_stat (path, &after_stat), ==, 0);
      g_assert_cmpuint (after_stat.st_ino, !=, before_stat.st_ino);
      after = test_read_file (path, &after_length);
      g_assert_cmpuint (after_length, <, strlen (old));
      g_assert_null (find_bytes (after, after_length, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
      kept = test_read_file (link_path, &kept_length);
      g_assert_cmpstr (kept, ==, old);

      /* What replaced it is exactly a chart (a PNG byte for byte; SVG and
       * PDF carry ids and dates that may differ between two writes). */
      if (export_formats[f].format == HS_CHART_FORMAT_PNG)
        {
          g_assert_true (hs_chart_export (chart, export_formats[f].format, fresh, 800, 500,
                                          export_formats[f].scale, &error));
          g_assert_no_error (error);
          expected = test_read_file (fresh, &expected_length);
          g_assert_cmpmem (after, after_length, expected, expected_length);
          g_assert_cmpint (g_unlink (fresh), ==, 0);
        }

      g_assert_cmpint (g_unlink (link_path), ==, 0);
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_cmpuint (count_dir_entries (tmp_dir), ==, 0);
    }

  test_assert_finalize (&chart);
}

typedef struct
{
  HsChartFormat format;
  double        width;
  double        height;
  double        scale;
} SizeCase;

static const SizeCase bad_sizes[] = {
  { HS_CHART_FORMAT_PNG, 30000, 700, 1 },
  { HS_CHART_FORMAT_SVG, 30000, 700, 1 },
  { HS_CHART_FORMAT_PDF, 30000, 700, 1 },
  { HS_CHART_FORMAT_PDF, 800, 20001, 1 },
  { HS_CHART_FORMAT_SVG, 239, 500, 1 },
  { HS_CHART_FORMAT_PNG, 800, 159, 1 },
  { HS_CHART_FORMAT_PNG, 0, 0, 1 },
  { HS_CHART_FORMAT_PNG, -800, 500, 1 },
  { HS_CHART_FORMAT_SVG, NAN, 500, 1 },
  { HS_CHART_FORMAT_PDF, 800, INFINITY, 1 },
  /* Within the side limit, but over 100 megapixels as a PNG. */
  { HS_CHART_FORMAT_PNG, 20000, 20000, 1 },
  { HS_CHART_FORMAT_PNG, 10000, 10001, 1 },
  { HS_CHART_FORMAT_PNG, 8000, 5000, 2 },
  { HS_CHART_FORMAT_PNG, 800, 500, 0 },
  { HS_CHART_FORMAT_PNG, 800, 500, -1 },
  { HS_CHART_FORMAT_PNG, 800, 500, 9 },
  { HS_CHART_FORMAT_PNG, 800, 500, NAN },
};

static void
test_export_too_large (void)
{
  g_autofree char *path = tmp_path ("too-large");
  HsChart *chart = example_chart ("calibration");

  for (guint i = 0; i < G_N_ELEMENTS (bad_sizes); i++)
    {
      const SizeCase *c = &bad_sizes[i];
      g_autoptr(GError) error = NULL;

      g_test_message ("%s %g x %g at %gx", format_extension (c->format), c->width, c->height,
                      c->scale);
      g_assert_false (hs_chart_export (chart, c->format, path, c->width, c->height, c->scale,
                                       &error));
      g_assert_error (error, HS_CHART_ERROR, HS_CHART_ERROR_SIZE);
      g_assert_cmpuint (count_dir_entries (tmp_dir), ==, 0);
    }

  test_assert_finalize (&chart);
}

/* The pixel limit is a raster limit: the largest sides are fine in vector
 * formats, and a PNG at 2× counts its pixels, not its units. */
static void
test_export_size_limits (void)
{
  g_autofree char *svg = tmp_path ("huge.svg");
  g_autofree char *png = tmp_path ("huge.png");
  g_autoptr(GError) error = NULL;
  HsChart *chart = example_chart ("due");

  g_assert_true (hs_chart_export (chart, HS_CHART_FORMAT_SVG, svg, HS_CHART_MAX_SIDE,
                                  HS_CHART_MAX_SIDE, 1, &error));
  g_assert_no_error (error);
  check_svg (svg, HS_CHART_MAX_SIDE, HS_CHART_MAX_SIDE);
  g_assert_cmpint (g_unlink (svg), ==, 0);

  g_assert_true (hs_chart_export (chart, HS_CHART_FORMAT_PNG, png, HS_CHART_MIN_WIDTH,
                                  HS_CHART_MIN_HEIGHT, 0.25, &error));
  g_assert_no_error (error);
  check_png (png, HS_CHART_MIN_WIDTH, HS_CHART_MIN_HEIGHT, 0.25, hs_chart_get_palette (chart));
  g_assert_cmpint (g_unlink (png), ==, 0);

  test_assert_finalize (&chart);
}

/* ---------------------------------------------------------------------- */
/* Pixels where a status colour must be                                    */

typedef struct
{
  HsChartTheme theme;
  double       scale;
} PixelCase;

/* One confirmed prediction, resolved, in one lane; one open one, across
 * today, in another; a fixed view. */
static HsChart *
two_bar_timeline (guint *confirmed,
                  guint *open)
{
  HsTimelineData *data = timeline_data_new ();
  gint32 today = today_day ();
  guint ada = timeline_data_add_lane (data, "ada", "Ada Example");
  guint bo = timeline_data_add_lane (data, "bo", "Bo Sample");
  HsChart *chart;

  *confirmed = timeline_data_add_item (data, ada, today - 400, today - 100, HS_STATUS_CONFIRMED);
  *open = timeline_data_add_item (data, bo, today - 60, today + 300, HS_STATUS_OPEN);
  chart = hs_timeline_chart_new (data);
  hs_timeline_chart_set_view (HS_TIMELINE_CHART (chart), today - 500, today + 400);
  return chart;
}

static void
test_pixels_timeline (gconstpointer user_data)
{
  const PixelCase *c = user_data;
  const HsChartPalette *palette = hs_chart_palette_for (c->theme);
  double s = c->scale;
  guint confirmed, open, matches = 0, samples = 0, hollow = 0, outlined = 0;
  double x, y, w, h, today_x, left, right;
  g_autoptr(cairo_surface_t) surface = NULL;
  HsChart *chart = two_bar_timeline (&confirmed, &open);
  HsTimelineChart *timeline = HS_TIMELINE_CHART (chart);
  Px background = px_from_color (&palette->background);
  Px fill = px_over (&palette->status[HS_STATUS_CONFIRMED], 0.85, &palette->background);
  Px outline = px_from_color (&palette->status[HS_STATUS_OPEN]);
  Px today_color = px_from_color (&palette->today);
  int column;

  hs_chart_set_theme (chart, c->theme);
  surface = draw_chart (chart, 800, 500, s);
  g_assert_false (hs_timeline_chart_is_aggregated (timeline));

  /* The page is the theme's background; the dark ones are dark. */
  assert_pixel (surface, 1, 1, background, 1);
  assert_pixel (surface, (int) (799 * s), (int) (499 * s), background, 1);
  if (c->theme == HS_CHART_THEME_DARK || c->theme == HS_CHART_THEME_HIGH_CONTRAST_DARK)
    {
      Px corner = get_pixel (surface, 1, 1);
      g_assert_cmpfloat (0.2126 * corner.r + 0.7152 * corner.g + 0.0722 * corner.b, <, 0.2);
    }

  /* Inside the confirmed bar, along its middle: the confirmed colour at
   * 0.85 over the background. The ends hold the mark of the day it was
   * said and the resolution's mark, and a grid line or two runs behind the
   * translucent bar, so most pixels, not all, must match exactly. */
  g_assert_true (hs_timeline_chart_get_item_area (timeline, confirmed, &x, &y, &w, &h));
  g_assert_cmpfloat (w, >, 50);
  g_assert_cmpfloat (h, >=, 4);
  for (int px = (int) ((x + 8) * s); px < (int) ((x + w - 8) * s); px++)
    {
      samples++;
      if (px_distance (get_pixel (surface, px, (int) ((y + h / 2) * s)), fill) <= 2)
        matches++;
    }
  g_test_message ("confirmed bar: %u of %u pixels match", matches, samples);
  g_assert_cmpuint (matches, >=, samples * 8 / 10);
  assert_pixel (surface, (int) ((x + w / 2) * s), (int) ((y + h / 2) * s), fill, 25);

  /* The open bar is an outline: along its top edge, the row that the
   * 1.5-unit line covers most is mostly the open colour (antialiased at
   * 1×, where no row need be covered whole), and its inside is the
   * background. The today line crosses it; stay right of it. */
  g_assert_true (hs_timeline_chart_get_item_area (timeline, open, &x, &y, &w, &h));
  today_x = hs_timeline_chart_day_to_x (timeline, today_day ());
  g_assert_cmpfloat (today_x, >, x);
  g_assert_cmpfloat (today_x, <, x + w);
  left = today_x + 10;
  right = x + w - 6;
  samples = 0;
  for (int px = (int) (left * s); px < (int) (right * s); px++)
    {
      double best = 0, residual;

      for (int py = (int) floor (y * s) - 1; py <= (int) floor ((y + 1.5) * s) + 1; py++)
        {
          double t = px_coverage (get_pixel (surface, px, py), background, outline, &residual);

          if (residual <= 4)
            best = MAX (best, t);
        }
      samples++;
      if (best >= 0.6)
        outlined++;
      if (px_distance (get_pixel (surface, px, (int) ((y + h / 2) * s)), background) <= 2)
        hollow++;
    }
  g_test_message ("open bar: %u of %u outlined, %u hollow", outlined, samples, hollow);
  g_assert_cmpuint (samples, >, 50);
  g_assert_cmpuint (outlined, >=, samples * 9 / 10);
  g_assert_cmpuint (hollow, >=, samples * 8 / 10);

  /* The today line: a dashed 1.5-unit line at today, whose middle column
   * is fully covered where a dash is, in the today colour; and nowhere
   * else in the plot. */
  column = (int) floor ((round (today_x) + 0.5) * s);
  matches = count_pixels (surface, column, (int) (30 * s), column + 1, (int) (460 * s), today_color, 2);
  g_assert_cmpuint (matches, >=, (guint) (100 * s));
  g_assert_cmpuint (count_pixels (surface, column - (int) (40 * s), (int) (30 * s),
                                  column - (int) (10 * s), (int) (460 * s), today_color, 2), ==, 0);

  test_assert_finalize (&chart);
}

/* A speaker with only confirmed predictions: a long solid bar of the
 * confirmed colour (its count written on it in the middle, which a run
 * along the bar skirts). */
static void
test_pixels_scorecard (gconstpointer user_data)
{
  const PixelCase *c = user_data;
  const HsChartPalette *palette = hs_chart_palette_for (c->theme);
  Px confirmed = px_from_color (&palette->status[HS_STATUS_CONFIRMED]);
  Px refuted = px_from_color (&palette->status[HS_STATUS_REFUTED]);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_score_row_free);
  g_autoptr(cairo_surface_t) surface = NULL;
  HsChart *chart;
  int x = 0, y = 0, x2 = 0, y2 = 0;
  guint run, thick = 0;

  g_ptr_array_add (rows, score_row_new ("bo", "Bo Sample", 0, 2, 1));
  g_ptr_array_add (rows, score_row_new ("ada", "Ada Example", 6, 0, 0));
  chart = hs_scorecard_chart_new (rows);
  hs_chart_set_theme (chart, c->theme);
  surface = draw_chart (chart, 800, 500, c->scale);

  run = longest_run (surface, confirmed, 2, TRUE, &x, &y);
  g_test_message ("confirmed run of %u px at (%d, %d)", run, x, y);
  g_assert_cmpuint (run, >=, (guint) (100 * c->scale));
  for (int py = y - (int) (20 * c->scale); py <= y + (int) (20 * c->scale); py++)
    if (py >= 0 && px_distance (get_pixel (surface, x + 2, py), confirmed) <= 2)
      thick++;
  g_assert_cmpuint (thick, >=, (guint) (8 * c->scale));

  /* Bo has refuted predictions and no confirmed one: his bar is red, and
   * below Ada's (who has more predictions). */
  g_assert_cmpuint (longest_run (surface, refuted, 2, TRUE, &x2, &y2), >=, (guint) (50 * c->scale));
  g_assert_cmpint (y2, >, y);

  test_assert_finalize (&chart);
}

/* The diagonal of perfect calibration runs through the plot's centre,
 * from the bottom left to the top right, in the dim colour. The plot is
 * found from its grid, so the test does not repeat the chart's margins. */
static void
test_pixels_calibration (gconstpointer user_data)
{
  const PixelCase *c = user_data;
  const HsChartPalette *palette = hs_chart_palette_for (c->theme);
  Px background = px_from_color (&palette->background);
  Px grid = px_from_color (&palette->grid);
  Px dim = px_from_color (&palette->dim);
  g_autoptr(GArray) bins = g_array_new (FALSE, TRUE, sizeof (HsCalibrationBin));
  g_autoptr(cairo_surface_t) surface = NULL;
  HsCalibrationBin bin = { 0.8, 0.9, 12, 0.85, 0.2 };
  HsChart *chart;
  int width, height, left = G_MAXINT, right = -1, top = G_MAXINT, bottom = -1;
  int cx, cy, r;
  g_autofree guint *row_counts = NULL;
  g_autofree guint *column_counts = NULL;
  gboolean on_diagonal = FALSE, off_diagonal = FALSE;

  g_array_append_val (bins, bin);
  chart = hs_calibration_chart_new (bins);
  hs_chart_set_theme (chart, c->theme);
  surface = draw_chart (chart, 800, 500, c->scale);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);

  /* Grid lines are long runs of the grid colour (half covered where a
   * line falls between pixels); text, also grey, makes no long runs. */
  row_counts = g_new0 (guint, height);
  column_counts = g_new0 (guint, width);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double residual;
        double t = px_coverage (get_pixel (surface, x, y), background, grid, &residual);

        if (t >= 0.3 && t <= 1.05 && residual <= 3)
          {
            row_counts[y]++;
            column_counts[x]++;
          }
      }
  for (int y = 0; y < height; y++)
    if (row_counts[y] >= (guint) width / 4)
      {
        top = MIN (top, y);
        bottom = MAX (bottom, y);
      }
  for (int x = 0; x < width; x++)
    if (column_counts[x] >= (guint) height / 4)
      {
        left = MIN (left, x);
        right = MAX (right, x);
      }
  g_test_message ("grid from (%d, %d) to (%d, %d)", left, top, right, bottom);
  g_assert_cmpint (right - left, >, width / 3);
  /* Square, so that the diagonal is at 45°. */
  g_assert_cmpint (ABS ((right - left) - (bottom - top)), <=, 3);

  /* Near the centre, on the anti-diagonal (the dashes leave gaps, so look
   * along a stretch longer than a dash period); off it, at the same
   * distance on the other diagonal, no dim pixel. */
  cx = (left + right) / 2;
  cy = (top + bottom) / 2;
  r = (int) (8 * c->scale);
  for (int d = -r; d <= r; d++)
    for (int e = -1; e <= 1; e++)
      {
        double residual;

        if (px_coverage (get_pixel (surface, cx + d, cy - d + e), background, dim, &residual) >= 0.6 &&
            residual <= 6)
          on_diagonal = TRUE;
        if (ABS (d) > 3 &&
            px_coverage (get_pixel (surface, cx + d, cy + d + e), background, dim, &residual) >= 0.6 &&
            residual <= 6)
          off_diagonal = TRUE;
      }
  g_assert_true (on_diagonal);
  g_assert_false (off_diagonal);

  test_assert_finalize (&chart);
}

/* One quarter, all confirmed: a tall bar of the confirmed colour. */
static void
test_pixels_due (gconstpointer user_data)
{
  const PixelCase *c = user_data;
  const HsChartPalette *palette = hs_chart_palette_for (c->theme);
  g_autoptr(GArray) buckets = g_array_new (FALSE, TRUE, sizeof (HsDueBucket));
  g_autoptr(cairo_surface_t) surface = NULL;
  HsDueBucket bucket = { 2026, 4, { 0 } };
  HsChart *chart;
  int x = 0, y = 0;

  bucket.counts[HS_STATUS_CONFIRMED] = 7;
  g_array_append_val (buckets, bucket);
  chart = hs_due_chart_new (buckets);
  hs_chart_set_theme (chart, c->theme);
  surface = draw_chart (chart, 800, 500, c->scale);

  g_assert_cmpuint (longest_run (surface, px_from_color (&palette->status[HS_STATUS_CONFIRMED]), 2,
                                 FALSE, &x, &y), >=, (guint) (300 * c->scale));

  test_assert_finalize (&chart);
}

/* ---------------------------------------------------------------------- */
/* Text                                                                    */

typedef struct
{
  const char *text;
  gboolean    bold;
} CjkCase;

static const CjkCase cjk_cases[] = {
  { "杨植麟", FALSE },
  { "杨植麟", TRUE },
  { "Yang Zhilin 杨植麟", FALSE },
  { "Ada Example 艾达", FALSE },
  { "Bo Sample 薄样", TRUE },
};

/* Chinese names come out as glyphs, never as boxes: the font list finds a
 * font for every character, and ink is drawn where the text is. */
static void
test_text_cjk (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cjk_cases); i++)
    {
      const CjkCase *c = &cjk_cases[i];
      const HsChartPalette *palette = hs_chart_palette_for (HS_CHART_THEME_LIGHT);
      g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 60);
      g_autoptr(cairo_t) cr = cairo_create (surface);
      PangoLayout *layout = hs_chart_text_layout (cr, c->text, 24, c->bold);
      guint ink;

      g_test_message ("%s%s", c->text, c->bold ? " (bold)" : "");
      g_assert_cmpstr (pango_layout_get_text (layout), ==, c->text);
      g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
      test_assert_finalize (&layout);

      hs_chart_set_color (cr, &palette->background);
      cairo_paint (cr);
      hs_chart_draw_text (cr, c->text, 10, 10, 24, c->bold, 0, 0, &palette->foreground);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (surface);
      ink = count_pixels (surface, 0, 0, 400, 60, px_from_color (&palette->foreground), 60);
      g_assert_cmpuint (ink, >, 60);
    }
}

static char *
long_text (void)
{
  GString *text = g_string_new (NULL);
  const char *words[] = { "Wide ", "宽 ", "ك ", "🙂" };

  /* 10,000 characters, not bytes: Latin, Chinese, Arabic and emoji. */
  for (guint i = 0; g_utf8_strlen (text->str, -1) < 10000; i++)
    g_string_append (text, words[i % G_N_ELEMENTS (words)]);
  while (g_utf8_strlen (text->str, -1) > 10000)
    g_string_truncate (text, g_utf8_prev_char (text->str + text->len) - text->str);
  return g_string_free (text, FALSE);
}

static const struct
{
  const char *name;
  const char *text;
} hostile_texts[] = {
  { "markup", "<b>x</b>" },
  { "markup-span", "<span foreground=\"red\" size=\"900000\">big</span> &amp; &lt;" },
  { "markup-unbalanced", "</b><i>unbalanced" },
  { "rtl-override", "\xe2\x80\xae" "evil.exe" "\xe2\x80\xac" " txt" },  /* RLO … PDF */
  { "rtl-marks", "\xe2\x80\x8f" "مرحبا" " Hello " "\xe2\x80\x8e" },    /* RLM, Arabic, LRM */
  { "emoji", "🙂 👩‍👩‍👧 🏳️‍🌈 👍🏽" },
  { "combining", "Z̷̢̛a̶̝l̸͎g̵o̴" },
  { "empty", "" },
  { "10000-characters", NULL },  /* made in the test */
};

/* Text from data is text: markup is shown, not applied; bidi controls,
 * emoji, combining marks and very long text draw without a warning, in a
 * lane label, a speaker's name and a title, on screen and in every
 * format. */
static void
test_text_hostile (gconstpointer user_data)
{
  guint index = GPOINTER_TO_UINT (user_data);
  g_autofree char *made = hostile_texts[index].text == NULL ? long_text () : NULL;
  const char *text = made != NULL ? made : hostile_texts[index].text;
  g_autoptr(cairo_surface_t) scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  g_autoptr(cairo_t) cr = cairo_create (scratch);
  PangoLayout *layout = hs_chart_text_layout (cr, text, 12, FALSE);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_score_row_free);
  HsTimelineData *data = timeline_data_new ();
  gint32 today = today_day ();
  guint lane;
  HsChart *charts[2];
  HsSpeaker *speaker;

  if (made != NULL)
    g_assert_cmpint (g_utf8_strlen (text, -1), ==, 10000);

  /* As text, with no attributes: markup would have left the tags out and
   * set attributes. */
  g_assert_cmpstr (pango_layout_get_text (layout), ==, text);
  g_assert_null (pango_layout_get_attributes (layout));
  test_assert_finalize (&layout);
  if (strchr (text, '<') != NULL)
    g_assert_cmpfloat (hs_chart_text_width (cr, text, 12, FALSE), >,
                       hs_chart_text_width (cr, "x", 12, FALSE) * 3);

  lane = timeline_data_add_lane (data, "hostile", text);
  timeline_data_add_item (data, lane, today - 100, today + 100, HS_STATUS_OPEN);
  timeline_data_add_item (data, lane, today - 300, today - 50, HS_STATUS_REFUTED);
  charts[0] = hs_timeline_chart_new (data);

  g_ptr_array_add (rows, score_row_new ("hostile", text, 3, 1, 1));
  speaker = ((HsScoreRow *) g_ptr_array_index (rows, 0))->speaker;
  g_object_add_weak_pointer (G_OBJECT (speaker), (gpointer *) &speaker);
  charts[1] = hs_scorecard_chart_new (rows);
  g_clear_pointer (&rows, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      for (guint with_title = 0; with_title < 2; with_title++)
        {
          g_autoptr(cairo_surface_t) surface = NULL;

          hs_chart_set_title (charts[i], with_title ? text : NULL);
          surface = draw_chart (charts[i], 800, 500, 1);
          g_assert_cmpuint (count_pixels (surface, 0, 0, 800, 500,
                                          px_from_color (&hs_chart_get_palette (charts[i])->background),
                                          0), <, 800 * 500);
        }

      for (guint f = 0; f < G_N_ELEMENTS (export_formats); f++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *name = g_strdup_printf ("hostile.%s", format_extension (export_formats[f].format));
          g_autofree char *path = tmp_path (name);

          g_assert_true (hs_chart_export (charts[i], export_formats[f].format, path, 800, 500,
                                          export_formats[f].scale, &error));
          g_assert_no_error (error);
          check_export (export_formats[f].format, path, 800, 500, export_formats[f].scale,
                        hs_chart_get_palette (charts[i]));
          g_assert_cmpint (g_unlink (path), ==, 0);
        }
      test_assert_finalize (&charts[i]);
    }
  g_assert_null (speaker);
}

/* ---------------------------------------------------------------------- */
/* Hit testing                                                             */

static void
test_timeline_hit (void)
{
  HsTimelineData *data = timeline_data_new ();
  gint32 today = today_day ();
  guint ada = timeline_data_add_lane (data, "ada", "Ada Example");
  guint bo = timeline_data_add_lane (data, "bo", "Bo Sample");
  guint n_items;
  HsChart *chart;
  HsTimelineChart *timeline;
  g_autoptr(cairo_surface_t) surface = NULL;
  double x, y, w, h;

  timeline_data_add_item (data, ada, today - 700, today - 400, HS_STATUS_REFUTED);
  timeline_data_add_item (data, ada, today - 500, today - 100, HS_STATUS_CONFIRMED);  /* row 2 */
  timeline_data_add_item (data, ada, today - 300, HS_DAY_OPEN, HS_STATUS_OPEN);
  timeline_data_add_item (data, bo, today - 20, today - 20, HS_STATUS_PARTIAL);     /* one day */
  timeline_data_add_item (data, bo, today + 10, today + 400, HS_STATUS_OPEN);
  n_items = data->items->len;
  chart = hs_timeline_chart_new (data);
  timeline = HS_TIMELINE_CHART (chart);

  /* Nothing drawn yet: nothing to point at. */
  g_assert_cmpint (hs_timeline_chart_item_at (timeline, 400, 200), ==, -1);
  g_assert_false (hs_timeline_chart_get_item_area (timeline, 0, &x, &y, &w, &h));

  surface = draw_chart (chart, 800, 500, 1);
  for (guint i = 0; i < n_items; i++)
    {
      g_assert_true (hs_timeline_chart_get_item_area (timeline, i, &x, &y, &w, &h));
      g_assert_cmpfloat (w, >=, 3);
      g_assert_cmpfloat (h, >, 0);
      g_assert_cmpfloat (x, >=, hs_timeline_chart_day_to_x (timeline, today - 800));
      g_assert_cmpfloat (x + w, <=, 800);
      g_assert_cmpint (hs_timeline_chart_item_at (timeline, x + w / 2, y + h / 2), ==, (int) i);
      /* Bars are thin: a few units off still counts. */
      g_assert_cmpint (hs_timeline_chart_item_at (timeline, x + w / 2, y - 2), ==, (int) i);
    }
  g_assert_false (hs_timeline_chart_get_item_area (timeline, n_items, &x, &y, &w, &h));
  g_assert_false (hs_timeline_chart_get_item_area (timeline, -1, &x, &y, &w, &h));

  /* Far away: the lane labels, the axis, the legend, outside the chart. */
  g_assert_cmpint (hs_timeline_chart_item_at (timeline, 5, 250), ==, -1);
  g_assert_cmpint (hs_timeline_chart_item_at (timeline, 400, 3), ==, -1);
  g_assert_cmpint (hs_timeline_chart_item_at (timeline, 400, 495), ==, -1);
  g_assert_cmpint (hs_timeline_chart_item_at (timeline, -1000, -1000), ==, -1);
  g_assert_cmpint (hs_timeline_chart_item_at (timeline, 5000, 5000), ==, -1);

  /* Selection is drawn and kept in range. */
  hs_timeline_chart_set_selected (timeline, 1);
  g_assert_cmpint (hs_timeline_chart_get_selected (timeline), ==, 1);
  hs_timeline_chart_set_selected (timeline, (int) n_items);
  g_assert_cmpint (hs_timeline_chart_get_selected (timeline), ==, -1);

  test_assert_finalize (&chart);
}

/* Hit areas are where the bars are drawn, in the coordinates of the
 * cairo_t given to hs_chart_draw(), with a title above the chart and when
 * drawn at 2×, so that a click lands on what is under the pointer. */
static void
test_timeline_hit_drawn (gconstpointer user_data)
{
  const PixelCase *c = user_data;
  guint confirmed, open;
  HsChart *chart = two_bar_timeline (&confirmed, &open);
  HsTimelineChart *timeline = HS_TIMELINE_CHART (chart);
  const HsChartPalette *palette = hs_chart_get_palette (chart);
  Px fill = px_over (&palette->status[HS_STATUS_CONFIRMED], 0.85, &palette->background);
  g_autoptr(cairo_surface_t) surface = NULL;
  double x, y, w, h;

  hs_chart_set_title (chart, "Predictions over time");
  surface = draw_chart (chart, 800, 500, c->scale);
  g_assert_true (hs_timeline_chart_get_item_area (timeline, confirmed, &x, &y, &w, &h));
  assert_pixel (surface, (int) ((x + w / 2) * c->scale), (int) ((y + h / 2) * c->scale), fill, 25);
  g_assert_cmpint (hs_timeline_chart_item_at (timeline, x + w / 2, y + h / 2), ==, (int) confirmed);

  test_assert_finalize (&chart);
}

/* A scrolled window shows later lanes: hit areas move with the scroll. */
static void
test_timeline_scroll (void)
{
  HsTimelineData *data = timeline_data_new ();
  gint32 today = today_day ();
  HsChart *chart;
  HsTimelineChart *timeline;
  double x, y, w, h, x2, y2, w2, h2, content;
  guint last = 0;

  for (guint l = 0; l < 60; l++)
    {
      g_autofree char *id = g_strdup_printf ("speaker-%u", l);
      guint lane = timeline_data_add_lane (data, id, id);

      last = timeline_data_add_item (data, lane, today - 200 - (gint32) l, today + 100,
                                     l % 2 ? HS_STATUS_OPEN : HS_STATUS_CONFIRMED);
    }
  chart = hs_timeline_chart_new (data);
  timeline = HS_TIMELINE_CHART (chart);
  hs_timeline_chart_set_scrollable (timeline, TRUE);
  content = hs_timeline_chart_get_content_height (timeline);
  g_assert_cmpfloat (content, >, 500);

  cairo_surface_destroy (draw_chart (chart, 800, 500, 1));
  g_assert_false (hs_timeline_chart_is_aggregated (timeline));
  g_assert_true (hs_timeline_chart_get_item_area (timeline, 0, &x, &y, &w, &h));
  g_assert_false (hs_timeline_chart_get_item_area (timeline, last, &x2, &y2, &w2, &h2));

  hs_timeline_chart_set_scroll (timeline, 100);
  cairo_surface_destroy (draw_chart (chart, 800, 500, 1));
  g_assert_true (hs_timeline_chart_get_item_area (timeline, 5, &x2, &y2, &w2, &h2));
  g_assert_cmpint (hs_timeline_chart_item_at (timeline, x2 + w2 / 2, y2 + h2 / 2), ==, 5);

  hs_timeline_chart_set_scroll (timeline, content);
  cairo_surface_destroy (draw_chart (chart, 800, 500, 1));
  g_assert_false (hs_timeline_chart_get_item_area (timeline, 0, &x, &y, &w, &h));

  test_assert_finalize (&chart);
}

static gint32
julian (guint year,
        guint month,
        guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return (gint32) g_date_get_julian (&date);
}

/* The view is at least a week, at most two centuries, and never before
 * day 1; a window may pan it anywhere in that, even past the years a date
 * holds (1000 to 9999), and the axis still draws without a warning. */
static void
test_timeline_view (void)
{
  static const struct
  {
    guint year, month, day;
    gint32 days;
  } views[] = {
    { 1, 1, 1, 30 },          /* weeks, at the first day GDate counts */
    { 1, 1, 1, 365 * 200 },   /* years */
    { 998, 11, 1, 400 },      /* months, before the year 1000 */
    { 999, 6, 1, 800 },       /* quarters, across the year 1000 */
    { 2026, 11, 1, 60 },
    { 9999, 12, 1, 60 },      /* weeks, across the end of 9999 */
    { 9990, 1, 1, 365 * 30 }, /* years, past 9999 */
    { 12000, 1, 1, 100 },     /* all of it after 9999 */
  };
  HsTimelineData *data = timeline_data_new ();
  gint32 today = today_day ();
  guint lane = timeline_data_add_lane (data, "ada", "Ada Example");
  HsTimelineChart *timeline;
  HsChart *chart;
  gint32 first, last, extent_first, extent_last;

  timeline_data_add_item (data, lane, today - 300, today + 300, HS_STATUS_OPEN);
  chart = hs_timeline_chart_new (data);
  timeline = HS_TIMELINE_CHART (chart);

  /* New charts show all of their data and today. */
  hs_timeline_chart_get_view (timeline, &first, &last);
  hs_timeline_chart_get_extent (timeline, &extent_first, &extent_last);
  g_assert_cmpint (first, ==, extent_first);
  g_assert_cmpint (last, ==, extent_last);
  g_assert_cmpint (first, <, today - 300);
  g_assert_cmpint (last, >, today + 300);

  hs_timeline_chart_set_view (timeline, today, today + 2);
  hs_timeline_chart_get_view (timeline, &first, &last);
  g_assert_cmpint (last - first, >=, 7);
  g_assert_cmpint (first, <=, today);
  g_assert_cmpint (last, >=, today + 2);

  hs_timeline_chart_set_view (timeline, today - 365 * 300, today);
  hs_timeline_chart_get_view (timeline, &first, &last);
  g_assert_cmpint (last - first, ==, 365 * 200);

  hs_timeline_chart_set_view (timeline, -1000, 100);
  hs_timeline_chart_get_view (timeline, &first, &last);
  g_assert_cmpint (first, >=, 1);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gint32 start = julian (views[i].year, views[i].month, views[i].day);

      g_test_message ("from %u-%02u-%02u, %d days", views[i].year, views[i].month, views[i].day,
                      views[i].days);
      hs_timeline_chart_set_view (timeline, start, start + views[i].days);
      cairo_surface_destroy (draw_chart (chart, 1200, 700, 1));
      hs_timeline_chart_get_view (timeline, &first, &last);
      g_assert_cmpint (first, ==, start);
      g_assert_cmpint (last, ==, start + views[i].days);
      g_assert_cmpfloat_with_epsilon (hs_timeline_chart_x_to_day (timeline,
                                                                  hs_timeline_chart_day_to_x (timeline, start + 10)),
                                      start + 10, 1e-6);
    }

  hs_timeline_chart_fit (timeline);
  hs_timeline_chart_get_view (timeline, &first, &last);
  g_assert_cmpint (first, ==, extent_first);
  g_assert_cmpint (last, ==, extent_last);

  test_assert_finalize (&chart);
}

/* ---------------------------------------------------------------------- */
/* Empty and single data                                                   */

typedef enum
{
  DATA_TIMELINE_NO_LANES,
  DATA_TIMELINE_EMPTY_LANE,
  DATA_SCORECARD_NO_ROWS,
  DATA_CALIBRATION_NO_BINS,
  DATA_CALIBRATION_EMPTY_BINS,
  DATA_DUE_NO_BUCKETS,
} EmptyKind;

static const struct
{
  const char *name;
  EmptyKind   kind;
  gboolean    only_message;  /* nothing but the message is drawn */
} empty_cases[] = {
  { "timeline", DATA_TIMELINE_NO_LANES, TRUE },
  { "timeline-empty-lane", DATA_TIMELINE_EMPTY_LANE, TRUE },
  { "scorecard", DATA_SCORECARD_NO_ROWS, TRUE },
  { "calibration", DATA_CALIBRATION_NO_BINS, FALSE },  /* the empty plot, and the message */
  { "calibration-empty-bins", DATA_CALIBRATION_EMPTY_BINS, FALSE },
  { "due", DATA_DUE_NO_BUCKETS, TRUE },
};

static HsChart *
empty_chart (EmptyKind kind)
{
  switch (kind)
    {
    case DATA_TIMELINE_NO_LANES:
      return hs_timeline_chart_new (timeline_data_new ());
    case DATA_TIMELINE_EMPTY_LANE:
      {
        HsTimelineData *data = timeline_data_new ();

        timeline_data_add_lane (data, "ada", "Ada Example");
        return hs_timeline_chart_new (data);
      }
    case DATA_SCORECARD_NO_ROWS:
      {
        g_autoptr(GPtrArray) rows = g_ptr_array_new ();
        return hs_scorecard_chart_new (rows);
      }
    case DATA_CALIBRATION_NO_BINS:
      {
        g_autoptr(GArray) bins = g_array_new (FALSE, TRUE, sizeof (HsCalibrationBin));
        return hs_calibration_chart_new (bins);
      }
    case DATA_CALIBRATION_EMPTY_BINS:
      {
        g_autoptr(GArray) bins = g_array_new (FALSE, TRUE, sizeof (HsCalibrationBin));

        for (guint i = 0; i < 10; i++)
          {
            HsCalibrationBin bin = { i / 10.0, (i + 1) / 10.0, 0, NAN, NAN };
            g_array_append_val (bins, bin);
          }
        return hs_calibration_chart_new (bins);
      }
    case DATA_DUE_NO_BUCKETS:
      {
        g_autoptr(GArray) buckets = g_array_new (FALSE, TRUE, sizeof (HsDueBucket));
        return hs_due_chart_new (buckets);
      }
    default:
      g_assert_not_reached ();
    }
}

/* Nothing to draw: the chart says so in the middle, in the dim colour,
 * and draws nothing else (no axis, legend or lanes for nothing). */
static void
test_empty (gconstpointer user_data)
{
  guint index = GPOINTER_TO_UINT (user_data);
  HsChart *chart = empty_chart (empty_cases[index].kind);
  const HsChartPalette *palette = hs_chart_get_palette (chart);
  Px background = px_from_color (&palette->background);
  Px dim = px_from_color (&palette->dim);
  double sizes[][2] = { { 800, 500 }, { 240, 160 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int width = (int) sizes[s][0], height = (int) sizes[s][1];
      g_autoptr(cairo_surface_t) surface = draw_chart (chart, width, height, 1);
      guint message_ink = 0, dim_ink;

      for (int y = height / 2 - 12; y < height / 2 + 12; y++)
        for (int x = 0; x < width; x++)
          if (px_distance (get_pixel (surface, x, y), background) > 1)
            message_ink++;
      dim_ink = count_pixels (surface, 0, height / 2 - 12, width, height / 2 + 12, dim, 8);
      g_test_message ("%d x %d: %u pixels of message, %u of them dim", width, height, message_ink,
                      dim_ink);
      g_assert_cmpuint (message_ink, >, 40);
      g_assert_cmpuint (dim_ink, >, 5);

      if (empty_cases[index].only_message)
        {
          g_assert_cmpuint (count_pixels (surface, 0, 0, width, height / 2 - 14, background, 0), ==,
                            (guint) (width * (height / 2 - 14)));
          g_assert_cmpuint (count_pixels (surface, 0, height / 2 + 14, width, height, background, 0),
                            ==, (guint) (width * (height - height / 2 - 14)));
        }
    }

  for (guint f = 0; f < G_N_ELEMENTS (export_formats); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("empty.%s", format_extension (export_formats[f].format));
      g_autofree char *path = tmp_path (name);

      g_assert_true (hs_chart_export (chart, export_formats[f].format, path, 240, 160,
                                      export_formats[f].scale, &error));
      g_assert_no_error (error);
      check_export (export_formats[f].format, path, 240, 160, export_formats[f].scale, palette);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }

  if (HS_IS_TIMELINE_CHART (chart))
    {
      g_assert_cmpint (hs_timeline_chart_item_at (HS_TIMELINE_CHART (chart), 400, 250), ==, -1);
      g_assert_false (hs_timeline_chart_is_aggregated (HS_TIMELINE_CHART (chart)));
    }

  test_assert_finalize (&chart);
}

typedef enum
{
  ONE_TIMELINE_RESOLVED,
  ONE_TIMELINE_OPEN_ENDED,
  ONE_TIMELINE_ONE_DAY,
  ONE_TIMELINE_FAR_PAST,
  ONE_SCORECARD,
  ONE_SCORECARD_UNRESOLVED,
  ONE_CALIBRATION,
  ONE_DUE,
  ONE_DUE_EMPTY_QUARTER,
} OneKind;

static const char *const one_names[] = {
  "timeline", "timeline-open-ended", "timeline-one-day", "timeline-far-past",
  "scorecard", "scorecard-unresolved", "calibration", "due", "due-empty-quarter",
};

static HsChart *
one_chart (OneKind kind)
{
  gint32 today = today_day ();

  switch (kind)
    {
    case ONE_TIMELINE_RESOLVED:
    case ONE_TIMELINE_OPEN_ENDED:
    case ONE_TIMELINE_ONE_DAY:
    case ONE_TIMELINE_FAR_PAST:
      {
        HsTimelineData *data = timeline_data_new ();
        guint lane = timeline_data_add_lane (data, "ada", "Ada Example 艾达");

        if (kind == ONE_TIMELINE_RESOLVED)
          timeline_data_add_item (data, lane, today - 300, today - 30, HS_STATUS_REFUTED);
        else if (kind == ONE_TIMELINE_OPEN_ENDED)
          timeline_data_add_item (data, lane, today - 300, HS_DAY_OPEN, HS_STATUS_OPEN);
        else if (kind == ONE_TIMELINE_ONE_DAY)
          timeline_data_add_item (data, lane, today, today, HS_STATUS_AMBIGUOUS);
        else
          {
            HsDate long_ago = hs_date_new_day (1000, 1, 1);
            gint32 start = hs_date_to_day (&long_ago);
            timeline_data_add_item (data, lane, start, start + 30, HS_STATUS_PARTIAL);
          }
        return hs_timeline_chart_new (data);
      }
    case ONE_SCORECARD:
    case ONE_SCORECARD_UNRESOLVED:
      {
        g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_score_row_free);

        if (kind == ONE_SCORECARD)
          g_ptr_array_add (rows, score_row_new ("ada", "Ada Example", 1, 0, 0));
        else
          g_ptr_array_add (rows, score_row_new ("ada", "Ada Example", 0, 0, 1));
        return hs_scorecard_chart_new (rows);
      }
    case ONE_CALIBRATION:
      {
        g_autoptr(GArray) bins = g_array_new (FALSE, TRUE, sizeof (HsCalibrationBin));
        HsCalibrationBin bin = { 0.6, 0.7, 1, 0.65, 1 };

        g_array_append_val (bins, bin);
        return hs_calibration_chart_new (bins);
      }
    case ONE_DUE:
    case ONE_DUE_EMPTY_QUARTER:
      {
        g_autoptr(GArray) buckets = g_array_new (FALSE, TRUE, sizeof (HsDueBucket));
        HsDueBucket bucket = { 2026, 4, { 0 } };

        if (kind == ONE_DUE)
          bucket.counts[HS_STATUS_OPEN] = 1;
        g_array_append_val (buckets, bucket);
        return hs_due_chart_new (buckets);
      }
    default:
      g_assert_not_reached ();
    }
}

/* A single prediction (or row, bin, quarter) draws, exports in every
 * format, and the timeline's bar can be pointed at. */
static void
test_one (gconstpointer user_data)
{
  OneKind kind = GPOINTER_TO_UINT (user_data);
  HsChart *chart = one_chart (kind);
  g_autoptr(cairo_surface_t) surface = draw_chart (chart, 800, 500, 1);

  if (HS_IS_TIMELINE_CHART (chart))
    {
      HsTimelineChart *timeline = HS_TIMELINE_CHART (chart);
      double x, y, w, h;

      g_assert_false (hs_timeline_chart_is_aggregated (timeline));
      g_assert_true (hs_timeline_chart_get_item_area (timeline, 0, &x, &y, &w, &h));
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x + w, <=, 800);
      g_assert_cmpint (hs_timeline_chart_item_at (timeline, x + w / 2, y + h / 2), ==, 0);
    }

  for (guint t = 0; t <= HS_CHART_THEME_HIGH_CONTRAST_DARK; t++)
    for (guint f = 0; f < G_N_ELEMENTS (export_formats); f++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *name = g_strdup_printf ("one.%s", format_extension (export_formats[f].format));
        g_autofree char *path = tmp_path (name);

        hs_chart_set_theme (chart, t);
        g_assert_true (hs_chart_export (chart, export_formats[f].format, path, 800, 500,
                                        export_formats[f].scale, &error));
        g_assert_no_error (error);
        check_export (export_formats[f].format, path, 800, 500, export_formats[f].scale,
                      hs_chart_palette_for (t));
        g_assert_cmpint (g_unlink (path), ==, 0);
      }

  test_assert_finalize (&chart);
}

/* ---------------------------------------------------------------------- */
/* A hundred thousand predictions                                          */

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint32 x = *(const gint32 *) a, y = *(const gint32 *) b;

  return x < y ? -1 : x > y;
}

/* @n_items predictions in @n_lanes lanes, stated over ten years up to
 * today, lasting up to four years; one in ten open-ended. Seeded, so that
 * every run draws the same. */
static HsTimelineData *
large_timeline_data (guint   n_lanes,
                     guint   n_items,
                     guint32 seed)
{
  HsTimelineData *data = timeline_data_new ();
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint32));
  GRand *rand = g_rand_new_with_seed (seed);
  gint32 today = today_day ();

  for (guint l = 0; l < n_lanes; l++)
    {
      g_autofree char *id = g_strdup_printf ("speaker-%04u", l);
      g_autofree char *label = g_strdup_printf ("Speaker %u 讲者", l);
      guint lane = timeline_data_add_lane (data, id, label);
      guint n = n_items / n_lanes + (l < n_items % n_lanes ? 1 : 0);

      g_array_set_size (starts, 0);
      for (guint i = 0; i < n; i++)
        {
          gint32 start = today - g_rand_int_range (rand, 0, 3650);
          g_array_append_val (starts, start);
        }
      g_array_sort (starts, compare_days);

      for (guint i = 0; i < n; i++)
        {
          gint32 start = g_array_index (starts, gint32, i);
          gint32 end = g_rand_int_range (rand, 0, 10) == 0 ? HS_DAY_OPEN
                                                           : start + g_rand_int_range (rand, 0, 1460);
          HsStatus status = end != HS_DAY_OPEN && end < today
                            ? (HsStatus) g_rand_int_range (rand, HS_STATUS_OPEN, HS_STATUS_AMBIGUOUS + 1)
                            : HS_STATUS_OPEN;

          timeline_data_add_item (data, lane, start, end, status);
        }
    }
  g_rand_free (rand);
  return data;
}

static void
test_timeline_large (void)
{
  g_autofree char *path = tmp_path ("large.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(cairo_surface_t) surface = NULL;
  HsTimelineData *data = large_timeline_data (1000, 100000, 20261122);
  const HsChartPalette *palette;
  HsTimelineChart *timeline;
  HsChart *chart;
  double x, y, w, h;
  int run_x = 0, run_y = 0;

  g_assert_cmpuint (data->items->len, ==, 100000);
  g_assert_cmpuint (data->lanes->len, ==, 1000);
  g_test_message ("data built in %.3f s", g_timer_elapsed (timer, NULL));

  g_timer_start (timer);
  chart = hs_timeline_chart_new (data);
  timeline = HS_TIMELINE_CHART (chart);
  palette = hs_chart_get_palette (chart);
  g_test_message ("chart made (rows packed) in %.3f s", g_timer_elapsed (timer, NULL));

  /* An export fits the page: far too many rows, so density strips. */
  g_timer_start (timer);
  g_assert_true (hs_chart_export (chart, HS_CHART_FORMAT_PNG, path, 1200, 700, 1, &error));
  g_test_message ("exported 1200 x 700 PNG in %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_no_error (error);
  g_assert_true (hs_timeline_chart_is_aggregated (timeline));
  check_png (path, 1200, 700, 1, palette);
  g_assert_cmpint (g_unlink (path), ==, 0);

  /* Strips are not items: nothing to point at one by one. */
  g_assert_false (hs_timeline_chart_get_item_area (timeline, 0, &x, &y, &w, &h));
  g_assert_cmpint (hs_timeline_chart_item_at (timeline, 600, 350), ==, -1);

  g_timer_start (timer);
  surface = draw_chart (chart, 1200, 700, 1);
  g_test_message ("drawn 1200 x 700 in %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_true (hs_timeline_chart_is_aggregated (timeline));
  /* The strips are shades of the open colour over the background: a
   * column of a strip at full density is the open colour itself. */
  g_assert_cmpuint (longest_run (surface, px_from_color (&palette->status[HS_STATUS_OPEN]), 2,
                                 FALSE, &run_x, &run_y), >=, 10);

  /* A window scrolls, and still draws strips for so many rows. */
  hs_timeline_chart_set_scrollable (timeline, TRUE);
  hs_timeline_chart_set_scroll (timeline, 5000);
  g_timer_start (timer);
  g_clear_pointer (&surface, cairo_surface_destroy);
  surface = draw_chart (chart, 1200, 700, 1);
  g_test_message ("drawn scrolled in a window in %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_true (hs_timeline_chart_is_aggregated (timeline));
  g_assert_cmpfloat (hs_timeline_chart_get_content_height (timeline), >=, 1000 * 18.0);

  test_assert_finalize (&chart);
}

/* ---------------------------------------------------------------------- */
/* Kinds, formats and themes by name                                       */

static void
test_kinds (void)
{
  static const struct
  {
    const char *kind;
    GType     (*get_type) (void);
  } kinds[] = {
    { "timeline", hs_timeline_chart_get_type },
    { "timeline-topics", hs_timeline_chart_get_type },
    { "scorecard", hs_scorecard_chart_get_type },
    { "calibration", hs_calibration_chart_get_type },
    { "due", hs_due_chart_get_type },
  };
  g_autoptr(GError) error = NULL;
  HsChartFormat format;
  HsChartTheme theme;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      HsChart *chart = example_chart (kinds[i].kind);

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (chart, kinds[i].get_type ()));
      g_assert_nonnull (hs_chart_get_title (chart));
      g_assert_nonnull (strstr (hs_chart_kind_names (), kinds[i].kind));
      test_assert_finalize (&chart);
    }

  g_assert_null (hs_chart_new_for_kind ("pie", example_store, NULL, &error));
  g_assert_error (error, HS_CHART_ERROR, HS_CHART_ERROR_UNKNOWN_KIND);

  for (guint f = 0; f < G_N_ELEMENTS (export_formats); f++)
    {
      g_assert_true (hs_chart_format_from_string (format_extension (export_formats[f].format),
                                                  &format));
      g_assert_cmpint (format, ==, export_formats[f].format);
    }
  g_assert_false (hs_chart_format_from_string ("jpeg", &format));
  for (guint t = 0; t < G_N_ELEMENTS (theme_names); t++)
    {
      g_assert_true (hs_chart_theme_from_string (theme_names[t], &theme));
      g_assert_cmpint (theme, ==, t);
    }
  g_assert_false (hs_chart_theme_from_string ("sepia", &theme));
}

/* ---------------------------------------------------------------------- */

static const PixelCase pixel_cases[] = {
  { HS_CHART_THEME_LIGHT, 1 },
  { HS_CHART_THEME_DARK, 1 },
  { HS_CHART_THEME_HIGH_CONTRAST, 1 },
  { HS_CHART_THEME_HIGH_CONTRAST_DARK, 1 },
  { HS_CHART_THEME_LIGHT, 2 },
};

static void
add_pixel_tests (const char    *name,
                 GTestDataFunc  func)
{
  for (guint i = 0; i < G_N_ELEMENTS (pixel_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chart/pixels/%s/%s%s", name,
                                               theme_names[pixel_cases[i].theme],
                                               pixel_cases[i].scale == 2 ? "@2x" : "");
      g_test_add_data_func (path, &pixel_cases[i], func);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  test_init_environment ();

  tmp_dir = test_make_tmp_dir ();
  {
    g_autofree char *store_dir = test_make_tmp_dir ();

    example_store = test_open_store (store_dir, "example.db");
    test_import_example (example_store);
    g_object_set_data_full (G_OBJECT (example_store), "test-dir", g_steal_pointer (&store_dir),
                            g_free);
  }

  for (guint k = 0; k < G_N_ELEMENTS (export_kinds); k++)
    for (guint f = 0; f < G_N_ELEMENTS (export_formats); f++)
      for (guint s = 0; s < G_N_ELEMENTS (export_sizes); s++)
        for (guint t = 0; t < G_N_ELEMENTS (theme_names); t++)
          {
            ExportCase *c = &export_cases[n_export_cases++];
            g_autofree char *path = NULL;

            c->kind = export_kinds[k];
            c->format = export_formats[f].format;
            c->scale = export_formats[f].scale;
            c->width = export_sizes[s].width;
            c->height = export_sizes[s].height;
            c->theme = t;
            path = g_strdup_printf ("/chart/export/%s/%s/%gx%g/%s", c->kind, export_formats[f].name,
                                    c->width, c->height, theme_names[t]);
            g_test_add_data_func (path, c, test_export);
          }

  g_test_add_func ("/chart/export/missing-folder", test_export_missing_folder);
  g_test_add_func ("/chart/export/over-folder", test_export_over_folder);
  g_test_add_func ("/chart/export/replace", test_export_replace);
  g_test_add_func ("/chart/export/too-large", test_export_too_large);
  g_test_add_func ("/chart/export/size-limits", test_export_size_limits);

  add_pixel_tests ("timeline", test_pixels_timeline);
  add_pixel_tests ("scorecard", test_pixels_scorecard);
  add_pixel_tests ("calibration", test_pixels_calibration);
  add_pixel_tests ("due", test_pixels_due);

  g_test_add_func ("/chart/text/cjk", test_text_cjk);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_texts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chart/text/hostile/%s", hostile_texts[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_text_hostile);
    }

  g_test_add_func ("/chart/timeline/hit", test_timeline_hit);
  g_test_add_data_func ("/chart/timeline/hit-drawn/titled", &pixel_cases[0], test_timeline_hit_drawn);
  g_test_add_data_func ("/chart/timeline/hit-drawn/titled@2x", &pixel_cases[3],
                        test_timeline_hit_drawn);
  g_test_add_func ("/chart/timeline/scroll", test_timeline_scroll);
  g_test_add_func ("/chart/timeline/view", test_timeline_view);
  g_test_add_func ("/chart/timeline/100000-items", test_timeline_large);

  for (guint i = 0; i < G_N_ELEMENTS (empty_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chart/empty/%s", empty_cases[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_empty);
    }
  for (guint i = 0; i < G_N_ELEMENTS (one_names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chart/one/%s", one_names[i]);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_one);
    }

  g_test_add_func ("/chart/kinds", test_kinds);

  status = g_test_run ();

  {
    g_autofree char *store_dir = g_strdup (g_object_get_data (G_OBJECT (example_store), "test-dir"));

    test_assert_finalize (&example_store);
    test_remove_tree (store_dir);
  }
  test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
