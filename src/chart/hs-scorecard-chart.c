/* hs-scorecard-chart.c: each speaker's record, stacked by status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hs-scorecard-chart.h"

struct _HsScorecardChart
{
  HsChart    parent_instance;

  GPtrArray *rows;  /* HsScoreRow */
};

G_DEFINE_FINAL_TYPE (HsScorecardChart, hs_scorecard_chart, HS_TYPE_CHART)

/* The order segments are stacked in: settled first, open last. */
static const HsStatus stack_order[] = {
  HS_STATUS_CONFIRMED, HS_STATUS_PARTIAL, HS_STATUS_REFUTED, HS_STATUS_AMBIGUOUS, HS_STATUS_OPEN,
};

static guint
count_of (HsScoreRow *row,
          HsStatus    status)
{
  switch (status)
    {
    case HS_STATUS_CONFIRMED:
      return row->confirmed;
    case HS_STATUS_PARTIAL:
      return row->partial;
    case HS_STATUS_REFUTED:
      return row->refuted;
    case HS_STATUS_AMBIGUOUS:
      return row->ambiguous;
    case HS_STATUS_OPEN:
    default:
      return row->open;
    }
}

/* Partial segments are hatched and open ones hollow, so that the stack
 * reads without colour. */
static void
fill_segment (cairo_t              *cr,
              HsStatus              status,
              double                x,
              double                y,
              double                w,
              double                h,
              const HsChartPalette *palette)
{
  const HsColor *color = &palette->status[status];

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  if (status == HS_STATUS_OPEN)
    {
      hs_chart_set_color (cr, color);
      cairo_set_line_width (cr, 1.5);
      cairo_rectangle (cr, x + 0.75, y + 0.75, MAX (w - 1.5, 0), h - 1.5);
      cairo_stroke (cr);
    }
  else
    {
      cairo_set_source_rgba (cr, color->red, color->green, color->blue,
                             status == HS_STATUS_PARTIAL ? 0.45 : 1.0);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      if (status == HS_STATUS_PARTIAL)
        {
          hs_chart_set_color (cr, color);
          cairo_set_line_width (cr, 1.5);
          for (double d = -h; d < w; d += 5)
            {
              cairo_move_to (cr, x + d, y + h);
              cairo_line_to (cr, x + d + h, y);
            }
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

static void
hs_scorecard_chart_draw (HsChart *chart,
                         cairo_t *cr,
                         double   width,
                         double   height)
{
  HsScorecardChart *self = HS_SCORECARD_CHART (chart);
  const HsChartPalette *palette = hs_chart_get_palette (chart);
  double left = 16, top = 12, legend_h = 40, font = 12;
  double name_w, bar_x, bar_w, stats_w, row_h, max_total = 0;
  guint n = self->rows->len;
  guint fit;

  if (n == 0)
    {
      hs_chart_draw_message (chart, cr, width, height, _("No predictions to score"));
      return;
    }

  /* Rows of less than 14 units are not readable: show the speakers with
   * the most predictions that fit, and say how many were left out. */
  fit = MAX (1, (guint) ((height - top - legend_h - 40) / 14));
  if (n > fit)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more speaker", "and %u more speakers",
                                                         n - fit), n - fit);
      hs_chart_draw_text (cr, more, left, height - legend_h - 14, 10, FALSE, width - 2 * left, 0,
                          &palette->dim);
      n = fit;
    }

  for (guint i = 0; i < n; i++)
    max_total = MAX (max_total, ((HsScoreRow *) g_ptr_array_index (self->rows, i))->predictions);

  /* Names take up to a third of the width; the hit rate column a fifth. */
  name_w = MIN (width / 3, 260);
  stats_w = MIN (width / 5, 170);
  bar_x = left + name_w + 12;
  bar_w = MAX (width - bar_x - stats_w - 16, 20);
  row_h = MIN (36, (height - top - legend_h - 24) / n);
  font = CLAMP (row_h * 0.42, 7, 12);

  hs_chart_draw_text (cr, _("Predictions by status"), bar_x, top, font, TRUE, bar_w, 0,
                      &palette->dim);
  /* xgettext:no-c-format */
  hs_chart_draw_text (cr, _("Hit rate [95% interval]"), width - 16, top, font, TRUE, stats_w, 1,
                      &palette->dim);
  top += font * 1.8;

  for (guint i = 0; i < n; i++)
    {
      HsScoreRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *name = hs_speaker_dup_display_name (row->speaker);
      double y = top + i * row_h;
      double x = bar_x;
      double bar_h = MAX (row_h * 0.6, 2);

      if (row_h >= 6)
        hs_chart_draw_text (cr, name, left, y + (row_h - font * 1.25) / 2, font, FALSE, name_w, 0,
                            &palette->foreground);

      for (guint k = 0; k < G_N_ELEMENTS (stack_order); k++)
        {
          guint count = count_of (row, stack_order[k]);
          double w = count / max_total * bar_w;

          if (count == 0)
            continue;
          fill_segment (cr, stack_order[k], x, y + (row_h - bar_h) / 2, w, bar_h, palette);
          if (w > font * 1.6 && bar_h > font && stack_order[k] != HS_STATUS_PARTIAL)
            {
              g_autofree char *text = g_strdup_printf ("%u", count);
              hs_chart_draw_text (cr, text, x + w / 2, y + (row_h - font * 1.2) / 2, font * 0.9,
                                  TRUE, 0, 0.5,
                                  stack_order[k] == HS_STATUS_OPEN ? &palette->foreground
                                                                   : &palette->background);
            }
          x += w;
        }

      if (row_h >= 6)
        {
          g_autofree char *stats = NULL;

          if (isnan (row->hit_rate))
            stats = g_strdup_printf (_("— (%u resolved)"), row->resolved);
          else
            stats = g_strdup_printf ("%.0f%% [%.0f–%.0f%%]", row->hit_rate * 100,
                                     row->hit_low * 100, row->hit_high * 100);
          hs_chart_draw_text (cr, stats, width - 16, y + (row_h - font * 1.25) / 2, font, FALSE,
                              stats_w, 1, isnan (row->hit_rate) ? &palette->dim : &palette->foreground);
        }
    }

  hs_chart_draw_legend (cr, palette, left, height - legend_h + 8, width - 2 * left, 11);
}

static void
hs_scorecard_chart_finalize (GObject *object)
{
  HsScorecardChart *self = (HsScorecardChart *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_scorecard_chart_parent_class)->finalize (object);
}

static void
hs_scorecard_chart_class_init (HsScorecardChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HsChartClass *chart_class = HS_CHART_CLASS (klass);

  object_class->finalize = hs_scorecard_chart_finalize;
  chart_class->draw = hs_scorecard_chart_draw;
}

static void
hs_scorecard_chart_init (HsScorecardChart *self)
{
}

/**
 * hs_scorecard_chart_new:
 * @rows: (element-type HsScoreRow): the scorecard, as hs_store_scorecard()
 *   gives it; the chart keeps a reference
 */
static int
by_predictions (gconstpointer a,
                gconstpointer b)
{
  const HsScoreRow *x = *(HsScoreRow * const *) a;
  const HsScoreRow *y = *(HsScoreRow * const *) b;

  if (x->predictions != y->predictions)
    return x->predictions > y->predictions ? -1 : 1;
  return g_utf8_collate (hs_speaker_get_name (x->speaker), hs_speaker_get_name (y->speaker));
}

/**
 * hs_scorecard_chart_new:
 * @rows: (element-type HsScoreRow): the scorecard, as hs_store_scorecard()
 *   gives it
 *
 * Speakers are drawn with the most predictions first.
 */
HsChart *
hs_scorecard_chart_new (GPtrArray *rows)
{
  HsScorecardChart *self = g_object_new (HS_TYPE_SCORECARD_CHART, NULL);

  self->rows = g_ptr_array_copy (rows, (GCopyFunc) hs_score_row_copy, NULL);
  g_ptr_array_set_free_func (self->rows, (GDestroyNotify) hs_score_row_free);
  g_ptr_array_sort (self->rows, by_predictions);
  return HS_CHART (self);
}

HsChart *
hs_scorecard_chart_new_from_store (HsStore        *store,
                                   const HsQuery  *query,
                                   GError        **error)
{
  g_autoptr(GPtrArray) rows = hs_store_scorecard (store, query, error);

  if (rows == NULL)
    return NULL;
  return hs_scorecard_chart_new (rows);
}
