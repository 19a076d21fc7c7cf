/* hs-due-chart.c: predictions falling due, quarter by quarter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hs-due-chart.h"

struct _HsDueChart
{
  HsChart  parent_instance;

  GArray  *buckets;  /* HsDueBucket */
};

G_DEFINE_FINAL_TYPE (HsDueChart, hs_due_chart, HS_TYPE_CHART)

static const HsStatus stack_order[] = {
  HS_STATUS_CONFIRMED, HS_STATUS_PARTIAL, HS_STATUS_REFUTED, HS_STATUS_AMBIGUOUS, HS_STATUS_OPEN,
};

/* A round step for a count axis: 1, 2 or 5 times a power of ten. */
static double
nice_step (double max,
           int    ticks)
{
  double raw = max / MAX (ticks, 1);
  double power = pow (10, floor (log10 (MAX (raw, 1e-9))));
  double unit = raw / power;

  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

static void
hs_due_chart_draw (HsChart *chart,
                   cairo_t *cr,
                   double   width,
                   double   height)
{
  HsDueChart *self = HS_DUE_CHART (chart);
  const HsChartPalette *palette = hs_chart_get_palette (chart);
  double font = 11, left = 52, right = 16, top = 16, bottom = 70;
  double plot_w = MAX (width - left - right, 20), plot_h = MAX (height - top - bottom, 20);
  double max_total = 0, step, slot, bar_w;
  HsDate today = hs_date_today ();
  guint n = self->buckets->len;
  guint label_every;

  if (n == 0)
    {
      hs_chart_draw_message (chart, cr, width, height, _("No predictions with a resolve date"));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      HsDueBucket *bucket = &g_array_index (self->buckets, HsDueBucket, i);
      guint total = 0;

      for (guint s = 0; s < HS_N_STATUSES; s++)
        total += bucket->counts[s];
      max_total = MAX (max_total, total);
    }

  step = nice_step (max_total, 5);
  max_total = ceil (max_total / step) * step;
  slot = plot_w / n;
  bar_w = MAX (slot * 0.7, 1);
  label_every = (guint) ceil (60.0 / slot);

  /* Count axis. */
  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= max_total + step / 2; v += step)
    {
      double y = top + plot_h - v / max_total * plot_h;
      g_autofree char *label = g_strdup_printf ("%.0f", v);

      hs_chart_set_color (cr, &palette->grid);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, left + plot_w, y);
      cairo_stroke (cr);
      hs_chart_draw_text (cr, label, left - 6, y - font * 0.65, font, FALSE, 0, 1, &palette->dim);
    }
  cairo_restore (cr);

  for (guint i = 0; i < n; i++)
    {
      HsDueBucket *bucket = &g_array_index (self->buckets, HsDueBucket, i);
      double x = left + i * slot + (slot - bar_w) / 2;
      double y = top + plot_h;
      guint current = today.year == bucket->year && (today.month + 2) / 3 == bucket->quarter;

      for (guint k = 0; k < G_N_ELEMENTS (stack_order); k++)
        {
          HsStatus status = stack_order[k];
          double h = bucket->counts[status] / max_total * plot_h;
          const HsColor *color = &palette->status[status];

          if (bucket->counts[status] == 0)
            continue;
          y -= h;
          cairo_save (cr);
          if (status == HS_STATUS_OPEN)
            {
              hs_chart_set_color (cr, color);
              cairo_set_line_width (cr, 1.5);
              cairo_rectangle (cr, x + 0.75, y + 0.75, MAX (bar_w - 1.5, 0.5), MAX (h - 1.5, 0.5));
              cairo_stroke (cr);
            }
          else
            {
              cairo_set_source_rgba (cr, color->red, color->green, color->blue,
                                     status == HS_STATUS_PARTIAL ? 0.55 : 1.0);
              cairo_rectangle (cr, x, y, bar_w, h);
              cairo_fill (cr);
            }
          cairo_restore (cr);
        }

      if (i % label_every == 0 || current)
        {
          g_autofree char *label = g_strdup_printf ("%u Q%u", bucket->year, bucket->quarter);
          hs_chart_draw_text (cr, label, left + i * slot + slot / 2, top + plot_h + 4, font, current,
                              0, 0.5, current ? &palette->today : &palette->dim);
        }
    }

  hs_chart_draw_text (cr, _("Predictions by the quarter of their latest resolve date"), left,
                      height - bottom + font * 2.2, font, TRUE, plot_w, 0, &palette->foreground);
  hs_chart_draw_legend (cr, palette, left, height - bottom + font * 4, plot_w, font);
}

static void
hs_due_chart_finalize (GObject *object)
{
  HsDueChart *self = (HsDueChart *) object;

  g_clear_pointer (&self->buckets, g_array_unref);

  G_OBJECT_CLASS (hs_due_chart_parent_class)->finalize (object);
}

static void
hs_due_chart_class_init (HsDueChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HsChartClass *chart_class = HS_CHART_CLASS (klass);

  object_class->finalize = hs_due_chart_finalize;
  chart_class->draw = hs_due_chart_draw;
}

static void
hs_due_chart_init (HsDueChart *self)
{
}

/**
 * hs_due_chart_new:
 * @buckets: (element-type HsDueBucket): as hs_store_due_by_quarter() gives
 *   them; the chart keeps a reference
 */
HsChart *
hs_due_chart_new (GArray *buckets)
{
  HsDueChart *self = g_object_new (HS_TYPE_DUE_CHART, NULL);

  self->buckets = g_array_ref (buckets);
  return HS_CHART (self);
}

HsChart *
hs_due_chart_new_from_store (HsStore        *store,
                             const HsQuery  *query,
                             GError        **error)
{
  g_autoptr(GArray) buckets = hs_store_due_by_quarter (store, query, error);

  if (buckets == NULL)
    return NULL;
  return hs_due_chart_new (buckets);
}
