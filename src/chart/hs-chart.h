/* hs-chart.h: a chart that draws on any cairo surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "hindsight-core.h"

G_BEGIN_DECLS

#define HS_CHART_ERROR (hs_chart_error_quark ())

typedef enum
{
  HS_CHART_ERROR_UNKNOWN_KIND,
  HS_CHART_ERROR_UNKNOWN_FORMAT,
  HS_CHART_ERROR_SIZE,
  HS_CHART_ERROR_WRITE,
} HsChartError;

typedef enum
{
  HS_CHART_FORMAT_PNG,
  HS_CHART_FORMAT_SVG,
  HS_CHART_FORMAT_PDF,
} HsChartFormat;

typedef enum
{
  HS_CHART_THEME_LIGHT,
  HS_CHART_THEME_DARK,
  HS_CHART_THEME_HIGH_CONTRAST,
  HS_CHART_THEME_HIGH_CONTRAST_DARK,  /* libadwaita's high contrast with a dark style */
} HsChartTheme;

typedef struct
{
  double red, green, blue, alpha;
} HsColor;

typedef struct
{
  HsColor background;
  HsColor foreground;
  HsColor dim;        /* secondary text */
  HsColor grid;
  HsColor today;
  HsColor status[HS_N_STATUSES];
} HsChartPalette;

/* Sizes are in chart units: one unit is one pixel at 1×, one point in
 * SVG and PDF. Charts lay themselves out for any size down to these. */
#define HS_CHART_MIN_WIDTH  240
#define HS_CHART_MIN_HEIGHT 160
#define HS_CHART_MAX_SIDE   20000

#define HS_TYPE_CHART (hs_chart_get_type ())

G_DECLARE_DERIVABLE_TYPE (HsChart, hs_chart, HS, CHART, GObject)

struct _HsChartClass
{
  GObjectClass parent_class;

  /* Draws the chart into (0, 0, width, height) of @cr. */
  void (*draw) (HsChart *self,
                cairo_t *cr,
                double   width,
                double   height);
};

GQuark                hs_chart_error_quark     (void);

void                  hs_chart_draw            (HsChart        *self,
                                                cairo_t        *cr,
                                                double          width,
                                                double          height);
gboolean              hs_chart_export          (HsChart        *self,
                                                HsChartFormat   format,
                                                const char     *path,
                                                double          width,
                                                double          height,
                                                double          scale,
                                                GError        **error);
HsChartTheme          hs_chart_get_theme       (HsChart        *self);
void                  hs_chart_set_theme       (HsChart        *self,
                                                HsChartTheme    theme);
const char           *hs_chart_get_title       (HsChart        *self);
void                  hs_chart_set_title       (HsChart        *self,
                                                const char     *title);
double                hs_chart_get_title_height (HsChart       *self);
const HsChartPalette *hs_chart_get_palette     (HsChart        *self);

gboolean              hs_chart_format_from_string (const char    *text,
                                                   HsChartFormat *format);
gboolean              hs_chart_theme_from_string  (const char    *text,
                                                   HsChartTheme  *theme);
const HsChartPalette *hs_chart_palette_for     (HsChartTheme    theme);

/* Drawing helpers shared by the charts. */
void                  hs_chart_set_color       (cairo_t        *cr,
                                                const HsColor  *color);
PangoLayout          *hs_chart_text_layout     (cairo_t        *cr,
                                                const char     *text,
                                                double          size,
                                                gboolean        bold);
void                  hs_chart_draw_text       (cairo_t        *cr,
                                                const char     *text,
                                                double          x,
                                                double          y,
                                                double          size,
                                                gboolean        bold,
                                                double          max_width,
                                                double          xalign,
                                                const HsColor  *color);
double                hs_chart_text_width      (cairo_t        *cr,
                                                const char     *text,
                                                double          size,
                                                gboolean        bold);
void                  hs_chart_draw_status_mark (cairo_t       *cr,
                                                 HsStatus       status,
                                                 double         x,
                                                 double         y,
                                                 double         radius,
                                                 const HsChartPalette *palette);
void                  hs_chart_draw_legend     (cairo_t        *cr,
                                                const HsChartPalette *palette,
                                                double          x,
                                                double          y,
                                                double          max_width,
                                                double          size);
double                hs_chart_legend_height   (cairo_t        *cr,
                                                double          max_width,
                                                double          size);
void                  hs_chart_draw_message    (HsChart        *self,
                                                cairo_t        *cr,
                                                double          width,
                                                double          height,
                                                const char     *message);
const char           *hs_chart_status_label    (HsStatus        status);

G_END_DECLS
