/* hs-chart.c: a chart that draws on any cairo surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drawing serves the window (through gtk_snapshot_append_cairo), PNG,
 * SVG and PDF, so that what is exported is what was on screen. Text is laid
 * out with hinting off, so that it takes the same room on every surface.
 */

#define G_LOG_DOMAIN "hindsight-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "hs-chart.h"

/* A family list that has Latin and Chinese glyphs on GNOME and on a bare
 * Debian with fonts-wqy-microhei: 杨植麟 must never come out as boxes. */
#define FONT_FAMILIES "Cantarell, DejaVu Sans, Noto Sans, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif"

/* The largest raster export: 100 megapixels (400 MB of pixels). */
#define MAX_PIXELS (100.0 * 1000 * 1000)

/* The room a title takes above the chart. */
#define TITLE_HEIGHT 40

typedef struct
{
  HsChartTheme  theme;
  char         *title;
} HsChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HsChart, hs_chart, G_TYPE_OBJECT)

G_DEFINE_QUARK (hs-chart-error-quark, hs_chart_error)

enum {
  PROP_0,
  PROP_THEME,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define RGB(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

/* GNOME's palette; statuses told apart by hue and lightness, and by shape
 * wherever they are drawn, never by colour alone. */
static const HsChartPalette palettes[] = {
  [HS_CHART_THEME_LIGHT] = {
    .background = RGB (0xffffff, 1),
    .foreground = RGB (0x1e1e1e, 1),
    .dim = RGB (0x5e5c64, 1),
    .grid = RGB (0xdeddda, 1),
    .today = RGB (0x1c71d8, 1),
    .status = {
      [HS_STATUS_OPEN] = RGB (0x3584e4, 1),
      [HS_STATUS_CONFIRMED] = RGB (0x26a269, 1),
      [HS_STATUS_PARTIAL] = RGB (0xc88800, 1),
      [HS_STATUS_REFUTED] = RGB (0xc01c28, 1),
      [HS_STATUS_AMBIGUOUS] = RGB (0x77767b, 1),
    },
  },
  [HS_CHART_THEME_DARK] = {
    .background = RGB (0x242424, 1),
    .foreground = RGB (0xffffff, 1),
    .dim = RGB (0xc0bfbc, 1),
    .grid = RGB (0x3d3846, 1),
    .today = RGB (0x78aeed, 1),
    .status = {
      [HS_STATUS_OPEN] = RGB (0x62a0ea, 1),
      [HS_STATUS_CONFIRMED] = RGB (0x57e389, 1),
      [HS_STATUS_PARTIAL] = RGB (0xf6d32d, 1),
      [HS_STATUS_REFUTED] = RGB (0xff7b63, 1),
      [HS_STATUS_AMBIGUOUS] = RGB (0xc0bfbc, 1),
    },
  },
  [HS_CHART_THEME_HIGH_CONTRAST] = {
    .background = RGB (0xffffff, 1),
    .foreground = RGB (0x000000, 1),
    .dim = RGB (0x000000, 1),
    .grid = RGB (0x77767b, 1),
    .today = RGB (0x0000c0, 1),
    .status = {
      [HS_STATUS_OPEN] = RGB (0x0033cc, 1),
      [HS_STATUS_CONFIRMED] = RGB (0x006a2b, 1),
      [HS_STATUS_PARTIAL] = RGB (0x7a4d00, 1),
      [HS_STATUS_REFUTED] = RGB (0xa50000, 1),
      [HS_STATUS_AMBIGUOUS] = RGB (0x3d3846, 1),
    },
  },
  /* The window in high contrast and dark: light marks on black, each
   * status at least 7:1 against the background. */
  [HS_CHART_THEME_HIGH_CONTRAST_DARK] = {
    .background = RGB (0x000000, 1),
    .foreground = RGB (0xffffff, 1),
    .dim = RGB (0xffffff, 1),
    .grid = RGB (0x9a9996, 1),
    .today = RGB (0xdc8add, 1),
    .status = {
      [HS_STATUS_OPEN] = RGB (0x99c1f1, 1),
      [HS_STATUS_CONFIRMED] = RGB (0x8ff0a4, 1),
      [HS_STATUS_PARTIAL] = RGB (0xf9f06b, 1),
      [HS_STATUS_REFUTED] = RGB (0xffa0a0, 1),
      [HS_STATUS_AMBIGUOUS] = RGB (0xdeddda, 1),
    },
  },
};

static void
hs_chart_finalize (GObject *object)
{
  HsChart *self = (HsChart *) object;
  HsChartPrivate *priv = hs_chart_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);

  G_OBJECT_CLASS (hs_chart_parent_class)->finalize (object);
}

static void
hs_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HsChart *self = HS_CHART (object);
  HsChartPrivate *priv = hs_chart_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_THEME:
      g_value_set_int (value, priv->theme);
      break;
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  HsChart *self = HS_CHART (object);

  switch (prop_id)
    {
    case PROP_THEME:
      hs_chart_set_theme (self, g_value_get_int (value));
      break;
    case PROP_TITLE:
      hs_chart_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_chart_class_init (HsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hs_chart_finalize;
  object_class->get_property = hs_chart_get_property;
  object_class->set_property = hs_chart_set_property;

  properties[PROP_THEME] =
    g_param_spec_int ("theme", NULL, NULL, HS_CHART_THEME_LIGHT, HS_CHART_THEME_HIGH_CONTRAST_DARK,
                      HS_CHART_THEME_LIGHT,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_chart_init (HsChart *self)
{
}

HsChartTheme
hs_chart_get_theme (HsChart *self)
{
  HsChartPrivate *priv = hs_chart_get_instance_private (self);

  g_return_val_if_fail (HS_IS_CHART (self), HS_CHART_THEME_LIGHT);
  return priv->theme;
}

void
hs_chart_set_theme (HsChart      *self,
                    HsChartTheme  theme)
{
  HsChartPrivate *priv = hs_chart_get_instance_private (self);

  g_return_if_fail (HS_IS_CHART (self));
  g_return_if_fail (theme <= HS_CHART_THEME_HIGH_CONTRAST_DARK);

  if (priv->theme == theme)
    return;
  priv->theme = theme;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

const char *
hs_chart_get_title (HsChart *self)
{
  HsChartPrivate *priv = hs_chart_get_instance_private (self);

  g_return_val_if_fail (HS_IS_CHART (self), NULL);
  return priv->title;
}

void
hs_chart_set_title (HsChart    *self,
                    const char *title)
{
  HsChartPrivate *priv = hs_chart_get_instance_private (self);

  g_return_if_fail (HS_IS_CHART (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;
  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * hs_chart_get_title_height:
 *
 * Returns: how far down hs_chart_draw() draws the chart, below its title;
 *   0 without a title
 */
double
hs_chart_get_title_height (HsChart *self)
{
  g_return_val_if_fail (HS_IS_CHART (self), 0);
  return hs_chart_get_title (self) != NULL ? TITLE_HEIGHT : 0;
}

const HsChartPalette *
hs_chart_palette_for (HsChartTheme theme)
{
  g_return_val_if_fail (theme <= HS_CHART_THEME_HIGH_CONTRAST_DARK, &palettes[0]);
  return &palettes[theme];
}

const HsChartPalette *
hs_chart_get_palette (HsChart *self)
{
  return hs_chart_palette_for (hs_chart_get_theme (self));
}

/**
 * hs_chart_draw:
 *
 * Draws the background, the title if there is one, and the chart below it.
 */
void
hs_chart_draw (HsChart *self,
               cairo_t *cr,
               double   width,
               double   height)
{
  const HsChartPalette *palette = hs_chart_get_palette (self);
  const char *title = hs_chart_get_title (self);
  double top = hs_chart_get_title_height (self);

  g_return_if_fail (HS_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  hs_chart_set_color (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  if (title != NULL)
    hs_chart_draw_text (cr, title, 16, 12, 17, TRUE, width - 32, 0, &palette->foreground);

  cairo_translate (cr, 0, top);
  HS_CHART_GET_CLASS (self)->draw (self, cr, width, MAX (height - top, 1));
  cairo_restore (cr);
}

gboolean
hs_chart_format_from_string (const char    *text,
                             HsChartFormat *format)
{
  if (g_strcmp0 (text, "png") == 0)
    *format = HS_CHART_FORMAT_PNG;
  else if (g_strcmp0 (text, "svg") == 0)
    *format = HS_CHART_FORMAT_SVG;
  else if (g_strcmp0 (text, "pdf") == 0)
    *format = HS_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

gboolean
hs_chart_theme_from_string (const char   *text,
                            HsChartTheme *theme)
{
  if (g_strcmp0 (text, "light") == 0)
    *theme = HS_CHART_THEME_LIGHT;
  else if (g_strcmp0 (text, "dark") == 0)
    *theme = HS_CHART_THEME_DARK;
  else if (g_strcmp0 (text, "high-contrast") == 0)
    *theme = HS_CHART_THEME_HIGH_CONTRAST;
  else if (g_strcmp0 (text, "high-contrast-dark") == 0)
    *theme = HS_CHART_THEME_HIGH_CONTRAST_DARK;
  else
    return FALSE;
  return TRUE;
}

static cairo_status_t
finish_surface (cairo_surface_t *surface)
{
  cairo_surface_finish (surface);
  return cairo_surface_status (surface);
}

/**
 * hs_chart_export:
 * @width: width in chart units (pixels at 1×, points in SVG and PDF)
 * @scale: how many pixels a unit takes in a PNG (2 for a crisp image on
 *   high-density screens and slides); ignored for SVG and PDF
 *
 * Writes the chart to a temporary file beside @path and renames it into
 * place when it is complete: a failed export never leaves half a file.
 */
gboolean
hs_chart_export (HsChart        *self,
                 HsChartFormat   format,
                 const char     *path,
                 double          width,
                 double          height,
                 double          scale,
                 GError        **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (HS_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(width >= HS_CHART_MIN_WIDTH && width <= HS_CHART_MAX_SIDE &&
        height >= HS_CHART_MIN_HEIGHT && height <= HS_CHART_MAX_SIDE))
    {
      g_set_error (error, HS_CHART_ERROR, HS_CHART_ERROR_SIZE,
                   "a chart is %d to %d wide and %d to %d high; %g × %g is not", HS_CHART_MIN_WIDTH,
                   HS_CHART_MAX_SIDE, HS_CHART_MIN_HEIGHT, HS_CHART_MAX_SIDE, width, height);
      return FALSE;
    }
  if (format == HS_CHART_FORMAT_PNG &&
      !(scale >= 0.25 && scale <= 8 && width * scale * height * scale <= MAX_PIXELS))
    {
      g_set_error (error, HS_CHART_ERROR, HS_CHART_ERROR_SIZE,
                   "a PNG of %g × %g at %g× would be too large (at most 100 megapixels)",
                   width, height, scale);
      return FALSE;
    }

  tmp = g_strdup_printf ("%s.%d.tmp", path, (int) getpid ());

  switch (format)
    {
    case HS_CHART_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      break;
    case HS_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create (tmp, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case HS_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create (tmp, width, height);
      if (hs_chart_get_title (self) != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, hs_chart_get_title (self));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Hindsight");
      break;
    default:
      g_set_error (error, HS_CHART_ERROR, HS_CHART_ERROR_UNKNOWN_FORMAT, "unknown chart format");
      return FALSE;
    }

  if ((status = cairo_surface_status (surface)) != CAIRO_STATUS_SUCCESS)
    goto failed;

  cr = cairo_create (surface);
  if (format == HS_CHART_FORMAT_PNG)
    cairo_scale (cr, scale, scale);
  hs_chart_draw (self, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    goto failed;

  if (format == HS_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, tmp);
  if (status == CAIRO_STATUS_SUCCESS)
    status = finish_surface (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    goto failed;
  cairo_surface_destroy (surface);

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, HS_CHART_ERROR, HS_CHART_ERROR_WRITE, "%s cannot be written: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;

failed:
  if (surface != NULL)
    cairo_surface_destroy (surface);
  g_unlink (tmp);
  g_set_error (error, HS_CHART_ERROR, HS_CHART_ERROR_WRITE, "%s cannot be written: %s", path,
               cairo_status_to_string (status));
  return FALSE;
}

void
hs_chart_set_color (cairo_t       *cr,
                    const HsColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/**
 * hs_chart_text_layout:
 * @size: the font size in chart units
 *
 * Returns: (transfer full): a layout of @text as plain text (never markup)
 */
PangoLayout *
hs_chart_text_layout (cairo_t    *cr,
                      const char *text,
                      double      size,
                      gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILIES);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics unhinted: the same text takes the same width in PNG and PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

double
hs_chart_text_width (cairo_t    *cr,
                     const char *text,
                     double      size,
                     gboolean    bold)
{
  g_autoptr(PangoLayout) layout = hs_chart_text_layout (cr, text, size, bold);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/**
 * hs_chart_draw_text:
 * @y: the top of the text
 * @max_width: longer text is ellipsized; 0 for no limit
 * @xalign: 0 to start at @x, 0.5 to centre on it, 1 to end at it
 */
void
hs_chart_draw_text (cairo_t       *cr,
                    const char    *text,
                    double         x,
                    double         y,
                    double         size,
                    gboolean       bold,
                    double         max_width,
                    double         xalign,
                    const HsColor *color)
{
  g_autoptr(PangoLayout) layout = hs_chart_text_layout (cr, text, size, bold);
  int width;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_size (layout, &width, NULL);

  cairo_save (cr);
  hs_chart_set_color (cr, color);
  cairo_move_to (cr, x - xalign * width / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

const char *
hs_chart_status_label (HsStatus status)
{
  switch (status)
    {
    case HS_STATUS_OPEN:
      return _("Open");
    case HS_STATUS_CONFIRMED:
      return _("Confirmed");
    case HS_STATUS_PARTIAL:
      return _("Partially confirmed");
    case HS_STATUS_REFUTED:
      return _("Refuted");
    case HS_STATUS_AMBIGUOUS:
      return _("Ambiguous");
    default:
      return "";
    }
}

/* Each status has its own shape, so that a chart printed in grey, or read
 * by someone who does not tell red from green, still says which is which:
 * open a ring, confirmed a disc, partial a half-filled diamond, refuted a
 * cross, ambiguous a hollow square. */
void
hs_chart_draw_status_mark (cairo_t              *cr,
                           HsStatus              status,
                           double                x,
                           double                y,
                           double                radius,
                           const HsChartPalette *palette)
{
  double r = radius;

  cairo_save (cr);
  cairo_new_path (cr);
  hs_chart_set_color (cr, &palette->status[status]);
  cairo_set_line_width (cr, MAX (1.2, r * 0.38));

  switch (status)
    {
    case HS_STATUS_OPEN:
      cairo_arc (cr, x, y, r * 0.8, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    case HS_STATUS_CONFIRMED:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case HS_STATUS_PARTIAL:
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      cairo_stroke_preserve (cr);
      cairo_new_path (cr);
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x - r, y);
      cairo_line_to (cr, x, y + r);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case HS_STATUS_REFUTED:
      cairo_set_line_width (cr, MAX (1.6, r * 0.5));
      cairo_move_to (cr, x - r * 0.8, y - r * 0.8);
      cairo_line_to (cr, x + r * 0.8, y + r * 0.8);
      cairo_move_to (cr, x + r * 0.8, y - r * 0.8);
      cairo_line_to (cr, x - r * 0.8, y + r * 0.8);
      cairo_stroke (cr);
      break;
    case HS_STATUS_AMBIGUOUS:
      cairo_rectangle (cr, x - r * 0.75, y - r * 0.75, r * 1.5, r * 1.5);
      cairo_stroke (cr);
      break;
    default:
      break;
    }
  cairo_restore (cr);
}

/* A row of every status's mark and name, wrapping when narrow. */
void
hs_chart_draw_legend (cairo_t              *cr,
                      const HsChartPalette *palette,
                      double                x,
                      double                y,
                      double                max_width,
                      double                size)
{
  double cx = x, cy = y;

  for (HsStatus status = HS_STATUS_OPEN; status <= HS_STATUS_AMBIGUOUS; status++)
    {
      const char *label = hs_chart_status_label (status);
      double item = size * 1.6 + hs_chart_text_width (cr, label, size, FALSE) + size * 1.5;

      if (cx > x && cx + item > x + max_width)
        {
          cx = x;
          cy += size * 1.8;
        }
      hs_chart_draw_status_mark (cr, status, cx + size * 0.5, cy + size * 0.65, size * 0.45, palette);
      hs_chart_draw_text (cr, label, cx + size * 1.3, cy, size, FALSE, 0, 0, &palette->foreground);
      cx += item;
    }
}

/* The height hs_chart_draw_legend() takes in @max_width: one line of
 * size × 1.8 for each row it wraps into. */
double
hs_chart_legend_height (cairo_t *cr,
                        double   max_width,
                        double   size)
{
  double cx = 0, height = size * 1.8;

  for (HsStatus status = HS_STATUS_OPEN; status <= HS_STATUS_AMBIGUOUS; status++)
    {
      double item = size * 1.6 + hs_chart_text_width (cr, hs_chart_status_label (status), size, FALSE) +
                    size * 1.5;

      if (cx > 0 && cx + item > max_width)
        {
          cx = 0;
          height += size * 1.8;
        }
      cx += item;
    }
  return height;
}

/* What a chart with nothing to draw says, centred. */
void
hs_chart_draw_message (HsChart    *self,
                       cairo_t    *cr,
                       double      width,
                       double      height,
                       const char *message)
{
  const HsChartPalette *palette = hs_chart_get_palette (self);

  hs_chart_draw_text (cr, message, width / 2, height / 2 - 10, 14, FALSE, width - 40, 0.5,
                      &palette->dim);
}
