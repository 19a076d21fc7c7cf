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

static char *
stats_text (HsScoreRow *row)
{
  if (isnan (row->hit_rate))
    return g_strdup_printf (_("— (%u resolved)"), row->resolved);
  return g_strdup_printf ("%.0f%% [%.0f–%.0f%%]", row->hit_rate * 100, row->hit_low * 100,
                          row->hit_high * 100);
}

static void
draw_bar (HsScorecardChart     *self,
          cairo_t              *cr,
          HsScoreRow           *row,
          double                x,
          double                y,
          double                bar_w,
          double                bar_h,
          double                max_total,
          double                font,
          const HsChartPalette *palette)
{
  for (guint k = 0; k < G_N_ELEMENTS (stack_order); k++)
    {
      guint count = count_of (row, stack_order[k]);
      double w = count / max_total * bar_w;

      if (count == 0)
        continue;
      fill_segment (cr, stack_order[k], x, y, w, bar_h, palette);
      if (w > font * 1.6 && bar_h > font && stack_order[k] != HS_STATUS_PARTIAL)
        {
          g_autofree char *text = g_strdup_printf ("%u", count);
          hs_chart_draw_text (cr, text, x + w / 2, y + (bar_h - font * 1.2) / 2, font * 0.9, TRUE, 0, 0.5,
                              stack_order[k] == HS_STATUS_OPEN ? &palette->foreground
                                                               : &palette->background);
        }
      x += w;
    }
}

/* Two layouts. Wide: a row is the name, the bar and the hit rate side by
 * side. Narrow (a phone-sized window, a slide's column), where the names
 * and the hit rates would leave the bars no room or be cut: the name and
 * the hit rate share a line and the bar takes the whole width under them.
 * The column headings go on two lines when one is too short for both. */
static void
hs_scorecard_chart_draw (HsChart *chart,
                         cairo_t *cr,
                         double   width,
                         double   height)
{
  HsScorecardChart *self = HS_SCORECARD_CHART (chart);
  const HsChartPalette *palette = hs_chart_get_palette (chart);
  const char *bars_heading = _("Predictions by status");
  /* xgettext:no-c-format */
  const char *stats_heading = _("Hit rate [95% interval]");
  double left = 16, top = 12, font = 12, inner = width - 2 * left;
  double legend_h = MAX (40, hs_chart_legend_height (cr, inner, 11) + 16);
  double name_need = 0, stats_need, heading_h, min_row;
  double name_w, bar_x, bar_w, stats_w, row_h, max_total = 0;
  gboolean stacked, two_line_heading;
  guint n = self->rows->len;
  guint fit;

  if (n == 0)
    {
      hs_chart_draw_message (chart, cr, width, height, _("No predictions to score"));
      return;
    }

  /* What the rows that can be shown need, measured at the largest size. */
  fit = MAX (1, (guint) ((height - top - legend_h - 40) / 14));
  stats_need = hs_chart_text_width (cr, stats_heading, font, TRUE);
  for (guint i = 0; i < MIN (n, fit); i++)
    {
      HsScoreRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *name = hs_speaker_dup_display_name (row->speaker);
      g_autofree char *stats = stats_text (row);

      name_need = MAX (name_need, hs_chart_text_width (cr, name, font, FALSE));
      stats_need = MAX (stats_need, hs_chart_text_width (cr, stats, font, FALSE));
    }
  stacked = MIN (name_need, 260) + 12 + 80 + 16 + MIN (stats_need, 170) > inner;
  two_line_heading = stacked && hs_chart_text_width (cr, bars_heading, font, TRUE) + 12 + stats_need > inner;
  heading_h = font * (two_line_heading ? 3.2 : 1.8);

  /* Rows of less than 14 units (22 stacked) are not readable: show the
   * speakers with the most predictions that fit, and say how many were
   * left out. */
  min_row = stacked ? 22 : 14;
  fit = MAX (1, (guint) ((height - top - legend_h - heading_h - 24) / min_row));
  if (n > fit)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more speaker", "and %u more speakers",
                                                         n - fit), n - fit);
      hs_chart_draw_text (cr, more, left, height - legend_h - 14, 10, FALSE, inner, 0, &palette->dim);
      n = fit;
    }

  for (guint i = 0; i < n; i++)
    max_total = MAX (max_total, ((HsScoreRow *) g_ptr_array_index (self->rows, i))->predictions);

  if (stacked)
    {
      /* A line of text (1.25 of the font), a bar (0.9) and a gap. */
      row_h = MIN (40, (height - top - legend_h - heading_h - 14) / n);
      font = CLAMP ((row_h - 3) / 2.15, 7, 12);
      two_line_heading = hs_chart_text_width (cr, bars_heading, font, TRUE) + 12 +
                         hs_chart_text_width (cr, stats_heading, font, TRUE) > inner;
      name_w = inner;
      stats_w = inner;
      bar_x = left;
      bar_w = MAX (inner, 20);
    }
  else
    {
      /* Names take what they need up to a third of the width; the hit
       * rate column up to a fifth, or what its widest text needs. */
      row_h = MIN (36, (height - top - legend_h - 24) / n);
      font = CLAMP (row_h * 0.42, 7, 12);
      name_w = MIN (name_need * font / 12 + 4, MIN (width / 3, 260));
      stats_w = MIN (MAX (width / 5, stats_need * font / 12 + 4), 170);
      bar_x = left + name_w + 12;
      bar_w = MAX (width - bar_x - stats_w - 16, 20);
    }

  hs_chart_draw_text (cr, bars_heading, bar_x, top, font, TRUE, stacked ? inner : bar_w, 0, &palette->dim);
  hs_chart_draw_text (cr, stats_heading, width - 16, top + (two_line_heading ? font * 1.4 : 0), font, TRUE,
                      stacked ? inner : stats_w, 1, &palette->dim);
  top += font * (two_line_heading ? 3.2 : 1.8);

  for (guint i = 0; i < n; i++)
    {
      HsScoreRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *name = hs_speaker_dup_display_name (row->speaker);
      g_autofree char *stats = stats_text (row);
      double y = top + i * row_h;
      const HsColor *stats_color = isnan (row->hit_rate) ? &palette->dim : &palette->foreground;

      if (stacked)
        {
          double line_h = font * 1.25;
          double stats_width = hs_chart_text_width (cr, stats, font, FALSE);
          double bar_h = MAX (MIN (row_h - line_h - 3, font * 1.4), 2);

          /* The hit rate keeps its width; the name gives way. */
          hs_chart_draw_text (cr, name, left, y, font, FALSE, inner - MIN (stats_width, inner / 2) - 8, 0,
                              &palette->foreground);
          hs_chart_draw_text (cr, stats, width - 16, y, font, FALSE, inner / 2, 1, stats_color);
          draw_bar (self, cr, row, bar_x, y + line_h + 1, bar_w, bar_h, max_total, font, palette);
          continue;
        }

      if (row_h >= 6)
        hs_chart_draw_text (cr, name, left, y + (row_h - font * 1.25) / 2, font, FALSE, name_w, 0,
                            &palette->foreground);
      draw_bar (self, cr, row, bar_x, y + (row_h - MAX (row_h * 0.6, 2)) / 2, bar_w, MAX (row_h * 0.6, 2),
                max_total, font, palette);
      if (row_h >= 6)
        hs_chart_draw_text (cr, stats, width - 16, y + (row_h - font * 1.25) / 2, font, FALSE, stats_w, 1,
                            stats_color);
    }

  hs_chart_draw_legend (cr, palette, left, height - legend_h + 8, inner, 11);
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
