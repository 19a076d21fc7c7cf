/* hs-calibration-chart.c: stated probabilities against what happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each bin of stated probabilities is a point at the bin's mean stated
 * probability (x) and the share of its predictions that came true (y),
 * sized by how many there are and labelled with the count: a well
 * calibrated speaker's points lie on the diagonal.
 */

#define G_LOG_DOMAIN "hindsight-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "hs-calibration-chart.h"

struct _HsCalibrationChart
{
  HsChart  parent_instance;

  GArray  *bins;  /* HsCalibrationBin */
};

G_DEFINE_FINAL_TYPE (HsCalibrationChart, hs_calibration_chart, HS_TYPE_CHART)

static void
hs_calibration_chart_draw (HsChart *chart,
                           cairo_t *cr,
                           double   width,
                           double   height)
{
  HsCalibrationChart *self = HS_CALIBRATION_CHART (chart);
  const HsChartPalette *palette = hs_chart_get_palette (chart);
  double font = 11, margin_left = 56, margin_bottom = 48, margin_top = 16, margin_right = 24;
  double side, x0, y0;
  guint total = 0, max_count = 0, words = 0;

  for (guint i = 0; i < self->bins->len; i++)
    {
      HsCalibrationBin *bin = &g_array_index (self->bins, HsCalibrationBin, i);
      total += bin->count;
      words += bin->words;
      max_count = MAX (max_count, bin->count);
    }

  /* A square plot, as large as fits, so the diagonal is at 45°. */
  side = MIN (width - margin_left - margin_right, height - margin_top - margin_bottom);
  side = MAX (side, 40);
  x0 = margin_left + (width - margin_left - margin_right - side) / 2;
  y0 = margin_top;

  /* Grid and axes, every 10%. */
  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (int i = 0; i <= 10; i++)
    {
      double t = i / 10.0;
      g_autofree char *label = g_strdup_printf ("%d%%", i * 10);

      hs_chart_set_color (cr, &palette->grid);
      cairo_move_to (cr, x0 + t * side, y0);
      cairo_line_to (cr, x0 + t * side, y0 + side);
      cairo_move_to (cr, x0, y0 + side - t * side);
      cairo_line_to (cr, x0 + side, y0 + side - t * side);
      cairo_stroke (cr);
      if (i % 2 == 0)
        {
          hs_chart_draw_text (cr, label, x0 + t * side, y0 + side + 4, font, FALSE, 0, 0.5,
                              &palette->dim);
          hs_chart_draw_text (cr, label, x0 - 6, y0 + side - t * side - font * 0.65, font, FALSE,
                              0, 1, &palette->dim);
        }
    }
  cairo_restore (cr);

  /* A probability implied by confidence words was not stated: the axis
   * says so when any point counts one. */
  hs_chart_draw_text (cr, words > 0 ? _("Stated or implied probability") : _("Stated probability"), x0 + side / 2, y0 + side + font * 2, font, TRUE,
                      side, 0.5, &palette->foreground);
  cairo_save (cr);
  cairo_translate (cr, x0 - 44, y0 + side / 2);
  cairo_rotate (cr, -G_PI / 2);
  hs_chart_draw_text (cr, _("Observed frequency"), 0, -font * 0.6, font, TRUE, side, 0.5,
                      &palette->foreground);
  cairo_restore (cr);

  /* Perfect calibration. */
  cairo_save (cr);
  hs_chart_set_color (cr, &palette->dim);
  cairo_set_line_width (cr, 1.2);
  cairo_set_dash (cr, (double[]) { 5, 4 }, 2, 0);
  cairo_move_to (cr, x0, y0 + side);
  cairo_line_to (cr, x0 + side, y0);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (total == 0)
    {
      /* Wrapped and centred in the plot: a line would be cut at any
       * width the window gives the chart. */
      g_autoptr(PangoLayout) layout = hs_chart_text_layout (cr, _("No resolved predictions with a stated "
                                                                  "probability yet"),
                                                            font + 1, FALSE);
      int text_height;

      pango_layout_set_width (layout, (int) (MAX (side - 24, 1) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_size (layout, NULL, &text_height);
      cairo_save (cr);
      /* The plot's background behind the words, so the diagonal does not
       * run through them. */
      hs_chart_set_color (cr, &palette->background);
      cairo_rectangle (cr, x0 + 8, y0 + side / 2 - (double) text_height / PANGO_SCALE / 2 - 4, side - 16,
                       (double) text_height / PANGO_SCALE + 8);
      cairo_fill (cr);
      hs_chart_set_color (cr, &palette->dim);
      cairo_move_to (cr, x0 + 12, y0 + side / 2 - (double) text_height / PANGO_SCALE / 2);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
      return;
    }

  for (guint i = 0; i < self->bins->len; i++)
    {
      HsCalibrationBin *bin = &g_array_index (self->bins, HsCalibrationBin, i);
      double x, y, r;
      g_autofree char *label = NULL;

      if (bin->count == 0)
        continue;
      x = x0 + bin->mean_probability * side;
      y = y0 + side - bin->observed * side;
      r = 4 + 10 * sqrt ((double) bin->count / max_count);

      cairo_save (cr);
      cairo_set_source_rgba (cr, palette->today.red, palette->today.green, palette->today.blue, 0.35);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill_preserve (cr);
      hs_chart_set_color (cr, &palette->today);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_restore (cr);

      label = g_strdup_printf ("n=%u", bin->count);
      hs_chart_draw_text (cr, label, x + r + 3, y - font * 0.7, font * 0.9, FALSE, 0, 0,
                          &palette->foreground);
    }
}

static void
hs_calibration_chart_finalize (GObject *object)
{
  HsCalibrationChart *self = (HsCalibrationChart *) object;

  g_clear_pointer (&self->bins, g_array_unref);

  G_OBJECT_CLASS (hs_calibration_chart_parent_class)->finalize (object);
}

static void
hs_calibration_chart_class_init (HsCalibrationChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HsChartClass *chart_class = HS_CHART_CLASS (klass);

  object_class->finalize = hs_calibration_chart_finalize;
  chart_class->draw = hs_calibration_chart_draw;
}

static void
hs_calibration_chart_init (HsCalibrationChart *self)
{
}

/**
 * hs_calibration_chart_new:
 * @bins: (element-type HsCalibrationBin): as hs_store_calibration() gives
 *   them; the chart keeps a reference
 */
HsChart *
hs_calibration_chart_new (GArray *bins)
{
  HsCalibrationChart *self = g_object_new (HS_TYPE_CALIBRATION_CHART, NULL);

  self->bins = g_array_ref (bins);
  return HS_CHART (self);
}

HsChart *
hs_calibration_chart_new_from_store (HsStore        *store,
                                     const HsQuery  *query,
                                     GError        **error)
{
  g_autoptr(GArray) bins = hs_store_calibration (store, query, 10, error);

  if (bins == NULL)
    return NULL;
  return hs_calibration_chart_new (bins);
}
