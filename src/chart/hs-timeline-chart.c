/* hs-timeline-chart.c: predictions as spans in time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each prediction is a bar from the day it was stated to the last day it
 * can resolve, in the lane of its speaker (or topic). Open predictions are
 * hollow bars, resolved ones filled with their status's colour and ended
 * by their status's mark, so the status reads without colour; open-ended
 * ones fade out to the right. Lanes pack their bars in rows that do not
 * overlap, computed once in days so that zooming never reshuffles them.
 *
 * When there is more than can be drawn one by one (a hundred thousand
 * predictions in a window, or a tall lane in a small export) lanes are
 * drawn as density strips instead: how many predictions are open at each
 * point of time, shaded.
 */

#define G_LOG_DOMAIN "hindsight-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "hs-timeline-chart.h"

#define ROW_HEIGHT     14.0
#define MIN_ROW_HEIGHT 4.0
#define LANE_PADDING   8.0
#define STRIP_HEIGHT   18.0
#define AXIS_HEIGHT    30.0
#define LEGEND_HEIGHT  34.0
/* More rows than this in a scrollable view are drawn as strips: beyond it
 * a frame would no longer fit in 16 ms. */
#define MAX_DETAIL_ROWS 4000
/* How many shades of density a strip tells apart. */
#define STRIP_SHADES    24
#define MAX_TICK_YEAR   9999

typedef struct
{
  guint first_item;
  guint n_items;
  guint n_rows;
} Lane;

typedef struct
{
  double x, y, width, height;
  int    index;
} Hit;

struct _HsTimelineChart
{
  HsChart         parent_instance;

  HsTimelineData *data;
  GArray         *lanes;     /* Lane, parallel to data->lanes */
  guint          *rows;      /* the row of each item in its lane */
  guint           total_rows;

  gint32          view_first;
  gint32          view_last;
  gboolean        scrollable;
  double          scroll;
  int             selected;
  int             hovered;

  /* From the last draw, for pointing and keyboard navigation. */
  GArray         *hits;      /* Hit, of the items drawn one by one */
  double          hit_top;   /* where hs_chart_draw() put the chart, below its title */
  double          plot_x;
  double          plot_width;
  double          last_height;
  double          row_height;
  gboolean        aggregated;
};

G_DEFINE_FINAL_TYPE (HsTimelineChart, hs_timeline_chart, HS_TYPE_CHART)

/* ---------------------------------------------------------------------- */
/* Layout in days                                                          */

static gint32
today_day (void)
{
  HsDate today = hs_date_today ();
  return hs_date_to_day (&today);
}

/* Greedy packing, lane by lane: each bar goes in the first row where the
 * previous bar has ended (with a small gap). Open-ended bars run to the
 * end of the data. */
static void
pack_rows (HsTimelineChart *self)
{
  GArray *items = self->data->items;
  gint32 horizon = MAX (self->data->last_day, today_day ());
  gint32 gap = MAX (1, (horizon - self->data->first_day) / 200);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gint32));
  guint lane_index = G_MAXUINT;

  self->lanes = g_array_sized_new (FALSE, TRUE, sizeof (Lane), self->data->lanes->len);
  g_array_set_size (self->lanes, self->data->lanes->len);
  self->rows = g_new0 (guint, MAX (items->len, 1));
  self->total_rows = 0;

  for (guint i = 0; i < items->len; i++)
    {
      HsTimelineItem *item = &g_array_index (items, HsTimelineItem, i);
      Lane *lane = &g_array_index (self->lanes, Lane, item->lane);
      gint32 end = item->end == HS_DAY_OPEN ? horizon : MAX (item->end, item->start);
      guint row;

      if (item->lane != lane_index)
        {
          lane_index = item->lane;
          lane->first_item = i;
          g_array_set_size (ends, 0);
        }
      lane->n_items++;

      for (row = 0; row < ends->len; row++)
        if (g_array_index (ends, gint32, row) + gap < item->start)
          break;
      if (row == ends->len)
        g_array_append_val (ends, end);
      else
        g_array_index (ends, gint32, row) = end;
      self->rows[i] = row;
      lane->n_rows = MAX (lane->n_rows, row + 1);
    }

  for (guint i = 0; i < self->lanes->len; i++)
    self->total_rows += g_array_index (self->lanes, Lane, i).n_rows;
}

void
hs_timeline_chart_get_extent (HsTimelineChart *self,
                              gint32          *first_day,
                              gint32          *last_day)
{
  gint32 today = today_day ();
  gint32 first, last, pad;

  g_return_if_fail (HS_IS_TIMELINE_CHART (self));

  if (self->data->items->len == 0)
    {
      first = today - 365;
      last = today + 365;
    }
  else
    {
      first = MIN (self->data->first_day, today);
      last = MAX (self->data->last_day, today);
    }
  pad = MAX (15, (last - first) / 40);
  *first_day = first - pad;
  *last_day = last + pad;
}

/* ---------------------------------------------------------------------- */
/* Time axis                                                               */

double
hs_timeline_chart_day_to_x (HsTimelineChart *self,
                            double           day)
{
  double span = MAX (self->view_last - self->view_first, 1);

  return self->plot_x + (day - self->view_first) / span * self->plot_width;
}

double
hs_timeline_chart_x_to_day (HsTimelineChart *self,
                            double           x)
{
  double span = MAX (self->view_last - self->view_first, 1);

  return self->view_first + (x - self->plot_x) / MAX (self->plot_width, 1) * span;
}

double
hs_timeline_chart_get_plot_width (HsTimelineChart *self)
{
  g_return_val_if_fail (HS_IS_TIMELINE_CHART (self), 0);
  return self->plot_width;
}

typedef enum
{
  TICK_YEAR,
  TICK_QUARTER,
  TICK_MONTH,
  TICK_WEEK,
} TickUnit;

/* Ticks as coarse as needed to keep labels apart: years over long ranges,
 * then quarters, months and weeks as one zooms in. A unit is used once the
 * next finer one would be too narrow for its labels. */
static TickUnit
tick_unit (double days_per_unit)
{
  double px_per_day = 1.0 / days_per_unit;

  if (px_per_day * 91 < 70)
    return TICK_YEAR;
  if (px_per_day * 30 < 60)
    return TICK_QUARTER;
  if (px_per_day * 7 < 60)
    return TICK_MONTH;
  return TICK_WEEK;
}

/* Years a label apart on a year axis: 1, 2, 5, 10, 20, 50… whichever
 * first leaves room for a year's label and a gap. A narrow window (or a
 * long view) would otherwise print "2025202620272028". */
static guint
year_step (HsTimelineChart *self,
           cairo_t         *cr)
{
  static const guint steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };
  double span = MAX (self->view_last - self->view_first, 1);
  double px_per_year = 365.25 * MAX (self->plot_width, 1) / span;
  double needed = hs_chart_text_width (cr, "0000", 11, TRUE) + 8;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (px_per_year * steps[i] >= needed)
      return steps[i];
  return steps[G_N_ELEMENTS (steps) - 1];
}

static void
draw_axis (HsTimelineChart      *self,
           cairo_t              *cr,
           double                top,
           double                bottom,
           const HsChartPalette *palette)
{
  double span = MAX (self->view_last - self->view_first, 1);
  TickUnit unit = tick_unit (span / MAX (self->plot_width, 1));
  guint step = unit == TICK_YEAR ? year_step (self, cr) : 1;
  GDate first, date;
  guint guard = 0;

  /* A GDate, not an HsDate: a view panned far enough reaches days before
   * the year 1000 or after 9999, which an HsDate does not hold. Ticks
   * stop at 9999, the last year a GDateTime formats. */
  g_date_clear (&first, 1);
  g_date_set_julian (&first, (guint32) MAX (self->view_first, 1));
  if (g_date_get_year (&first) > MAX_TICK_YEAR)
    return;

  g_date_clear (&date, 1);
  switch (unit)
    {
    case TICK_YEAR:
      /* Labelled years are multiples of the step: 2020, 2025, 2030. */
      g_date_set_dmy (&date, 1, 1, MAX (g_date_get_year (&first) / step * step, 1));
      break;
    case TICK_QUARTER:
      g_date_set_dmy (&date, 1, ((g_date_get_month (&first) - 1) / 3) * 3 + 1,
                      g_date_get_year (&first));
      break;
    case TICK_MONTH:
      g_date_set_dmy (&date, 1, g_date_get_month (&first), g_date_get_year (&first));
      break;
    case TICK_WEEK:
    default:
      date = first;
      break;
    }

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  while (guard++ < 2000)
    {
      gint32 day = (gint32) g_date_get_julian (&date);
      double x = hs_timeline_chart_day_to_x (self, day);
      g_autofree char *label = NULL;
      gboolean major = FALSE;

      if (day > self->view_last || g_date_get_year (&date) > MAX_TICK_YEAR)
        break;

      switch (unit)
        {
        case TICK_YEAR:
          label = g_strdup_printf ("%u", g_date_get_year (&date));
          major = TRUE;
          break;
        case TICK_QUARTER:
          major = g_date_get_month (&date) == 1;
          label = major ? g_strdup_printf ("%u", g_date_get_year (&date))
                        : g_strdup_printf ("Q%u", (g_date_get_month (&date) - 1) / 3 + 1);
          break;
        case TICK_MONTH:
          {
            g_autoptr(GDateTime) when = g_date_time_new_utc (g_date_get_year (&date),
                                                             g_date_get_month (&date), 1, 0, 0, 0);
            major = g_date_get_month (&date) == 1;
            /* Translators: a month on the timeline's axis, see strftime */
            label = major ? g_strdup_printf ("%u", g_date_get_year (&date))
                          : g_date_time_format (when, C_("timeline month", "%b"));
          }
          break;
        case TICK_WEEK:
        default:
          {
            g_autoptr(GDateTime) when = g_date_time_new_utc (g_date_get_year (&date),
                                                             g_date_get_month (&date),
                                                             g_date_get_day (&date), 0, 0, 0);
            major = g_date_get_day (&date) <= 7;
            /* Translators: a day on the timeline's axis, see strftime */
            label = g_date_time_format (when, major ? C_("timeline day", "%-d %b %Y")
                                                    : C_("timeline day", "%-d %b"));
          }
          break;
        }

      if (x >= self->plot_x - 0.5 && x <= self->plot_x + self->plot_width + 0.5)
        {
          cairo_set_source_rgba (cr, palette->grid.red, palette->grid.green, palette->grid.blue,
                                 major ? 1.0 : 0.6);
          cairo_move_to (cr, round (x) + 0.5, top + AXIS_HEIGHT - 6);
          cairo_line_to (cr, round (x) + 0.5, bottom);
          cairo_stroke (cr);
          hs_chart_draw_text (cr, label, x + 3, top + 6, 11, major, 0, 0,
                              major ? &palette->foreground : &palette->dim);
        }

      switch (unit)
        {
        case TICK_YEAR:
          g_date_add_years (&date, step);
          break;
        case TICK_QUARTER:
          g_date_add_months (&date, 3);
          break;
        case TICK_MONTH:
          g_date_add_months (&date, 1);
          break;
        case TICK_WEEK:
        default:
          g_date_add_days (&date, 7);
          break;
        }
    }
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------- */
/* Drawing                                                                 */

static void
draw_bar (HsTimelineChart      *self,
          cairo_t              *cr,
          HsTimelineItem       *item,
          int                   index,
          double                y,
          double                h,
          const HsChartPalette *palette)
{
  const HsColor *color = &palette->status[item->status];
  double x0 = hs_timeline_chart_day_to_x (self, item->start);
  double plot_end = self->plot_x + self->plot_width;
  double x1 = item->end == HS_DAY_OPEN ? plot_end : hs_timeline_chart_day_to_x (self, item->end);
  double w = MAX (x1 - x0, 3);
  Hit hit;

  if (x0 > plot_end || x0 + w < self->plot_x)
    return;

  cairo_save (cr);
  if (item->end == HS_DAY_OPEN)
    {
      /* Open-ended: the bar fades out, since it has no end to show. */
      cairo_pattern_t *fade = cairo_pattern_create_linear (x0, 0, x0 + w, 0);

      cairo_pattern_add_color_stop_rgba (fade, 0, color->red, color->green, color->blue,
                                         item->status == HS_STATUS_OPEN ? 0.55 : 0.9);
      cairo_pattern_add_color_stop_rgba (fade, 1, color->red, color->green, color->blue, 0);
      cairo_set_source (cr, fade);
      cairo_rectangle (cr, x0, y, w, h);
      cairo_fill (cr);
      cairo_pattern_destroy (fade);
    }
  else if (item->status == HS_STATUS_OPEN)
    {
      hs_chart_set_color (cr, color);
      cairo_set_line_width (cr, 1.5);
      cairo_rectangle (cr, x0 + 0.75, y + 0.75, w - 1.5, MAX (h - 1.5, 0.5));
      cairo_stroke (cr);
    }
  else
    {
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.85);
      cairo_rectangle (cr, x0, y, w, h);
      cairo_fill (cr);
    }

  /* The day it was said. */
  hs_chart_set_color (cr, &palette->foreground);
  cairo_arc (cr, x0, y + h / 2, MIN (h / 2, 2.5), 0, 2 * G_PI);
  cairo_fill (cr);

  for (guint m = 0; m < item->n_marks; m++)
    {
      HsTimelineMark *mark = &g_array_index (self->data->marks, HsTimelineMark, item->first_mark + m);
      hs_chart_draw_status_mark (cr, mark->status, hs_timeline_chart_day_to_x (self, mark->day),
                                 y + h / 2, MAX (h * 0.55, 2.5), palette);
    }

  if (index == self->selected || index == self->hovered)
    {
      hs_chart_set_color (cr, &palette->today);
      cairo_set_line_width (cr, index == self->selected ? 2.5 : 1.5);
      cairo_rectangle (cr, x0 - 2, y - 2, w + 4, h + 4);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  /* In the coordinates hs_chart_draw() was given, title included, so
   * that a pointer over the bar finds it. */
  hit.x = x0;
  hit.y = y + self->hit_top;
  hit.width = w;
  hit.height = h;
  hit.index = index;
  g_array_append_val (self->hits, hit);
}

/* How many predictions are open at each column: a difference array over
 * the columns, so the cost is items + columns, not items × columns. */
static void
draw_strip (HsTimelineChart      *self,
            cairo_t              *cr,
            Lane                 *lane,
            double                y,
            double                h,
            const HsChartPalette *palette)
{
  guint columns = (guint) MAX (1, ceil (self->plot_width / 2));
  g_autofree int *counts = g_new0 (int, columns + 1);
  int max = 0, running = 0;

  for (guint i = 0; i < lane->n_items; i++)
    {
      HsTimelineItem *item = &g_array_index (self->data->items, HsTimelineItem, lane->first_item + i);
      double x0 = hs_timeline_chart_day_to_x (self, item->start) - self->plot_x;
      double x1 = item->end == HS_DAY_OPEN ? self->plot_width
                                           : hs_timeline_chart_day_to_x (self, item->end) - self->plot_x;
      int c0 = (int) CLAMP (floor (x0 / 2), 0, columns);
      int c1 = (int) CLAMP (floor (x1 / 2) + 1, 0, columns);

      if (c1 <= c0 || x1 < 0 || x0 > self->plot_width)
        continue;
      counts[c0]++;
      counts[c1]--;
    }

  for (guint c = 0; c < columns; c++)
    {
      running += counts[c];
      counts[c] = running;
      max = MAX (max, running);
    }
  if (max == 0)
    return;

  /* Each column's shade, in STRIP_SHADES steps, so that a lane is filled
   * once per shade with a run of columns as one rectangle, not once per
   * column: a window of dense lanes stays within a frame's time. */
  for (guint c = 0; c < columns; c++)
    counts[c] = counts[c] > 0 ? 1 + (int) round ((STRIP_SHADES - 1) * log1p (counts[c]) / log1p (max)) : 0;

  cairo_save (cr);
  for (int shade = 1; shade <= STRIP_SHADES; shade++)
    {
      gboolean any = FALSE;

      for (guint c = 0; c < columns;)
        {
          guint end = c;

          while (end < columns && counts[end] == shade)
            end++;
          if (end == c)
            {
              c++;
              continue;
            }
          cairo_rectangle (cr, self->plot_x + c * 2, y, (end - c) * 2, h);
          any = TRUE;
          c = end;
        }
      if (any)
        {
          cairo_set_source_rgba (cr, palette->status[HS_STATUS_OPEN].red,
                                 palette->status[HS_STATUS_OPEN].green,
                                 palette->status[HS_STATUS_OPEN].blue,
                                 0.15 + 0.85 * (shade - 1) / (STRIP_SHADES - 1));
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

/* A lane's name in the column beside it: on as many lines as the lane is
 * tall (a narrow window leaves the column little width, and a romanized
 * name with its native one rarely fits a line), ellipsized at the end
 * only when even those are not enough. */
static void
draw_lane_label (cairo_t       *cr,
                 const char    *text,
                 double         x,
                 double         y,
                 double         size,
                 double         max_width,
                 double         max_height,
                 const HsColor *color)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(PangoLayout) layout = NULL;
  int lines = (int) CLAMP (max_height / (size * 1.3), 1, 4);
  gunichar previous = 0;

  /* Lines break at spaces, not inside a Chinese name ("杨植麟"), which
   * Unicode would break after any character: a word joiner goes between
   * two wide characters. A name too long for a line still breaks. */
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (previous != 0 && g_unichar_iswide (previous) && g_unichar_iswide (c))
        g_string_append_unichar (joined, 0x2060);
      g_string_append_unichar (joined, c);
      previous = c;
    }
  layout = hs_chart_text_layout (cr, joined->str, size, FALSE);

  pango_layout_set_width (layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* A negative height is a number of lines. */
  pango_layout_set_height (layout, -lines);

  cairo_save (cr);
  hs_chart_set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
hs_timeline_chart_draw (HsChart *chart,
                        cairo_t *cr,
                        double   width,
                        double   height)
{
  HsTimelineChart *self = HS_TIMELINE_CHART (chart);
  const HsChartPalette *palette = hs_chart_get_palette (chart);
  double label_width = CLAMP (width * 0.22, 90, 220);
  double lanes_top = AXIS_HEIGHT;
  /* A narrow chart wraps its legend onto more lines. */
  double lanes_bottom = height - MAX (LEGEND_HEIGHT, 14 + hs_chart_legend_height (cr, width - 24, 11));
  double available = MAX (lanes_bottom - lanes_top, 10);
  double y, today_x;
  guint shown_lanes = 0;
  gint32 today = today_day ();

  g_array_set_size (self->hits, 0);
  self->hit_top = hs_chart_get_title_height (chart);
  self->plot_x = label_width + 12;
  self->plot_width = MAX (width - self->plot_x - 16, 10);
  self->last_height = height;

  if (self->data->items->len == 0)
    {
      hs_chart_draw_message (chart, cr, width, height, _("No predictions to show"));
      return;
    }

  /* One by one when it fits (an export shrinks rows down to a few units,
   * a window scrolls), else as density strips. */
  self->row_height = ROW_HEIGHT;
  if (self->scrollable)
    self->aggregated = self->total_rows > MAX_DETAIL_ROWS;
  else
    {
      double needed = self->total_rows * ROW_HEIGHT + self->lanes->len * LANE_PADDING;

      if (needed > available)
        self->row_height = MAX (MIN_ROW_HEIGHT,
                                (available - self->lanes->len * LANE_PADDING) / self->total_rows);
      self->aggregated = self->total_rows * self->row_height + self->lanes->len * LANE_PADDING > available;
    }

  draw_axis (self, cr, 0, lanes_bottom, palette);

  cairo_save (cr);
  cairo_rectangle (cr, 0, lanes_top, width, available);
  cairo_clip (cr);

  y = lanes_top - (self->scrollable ? self->scroll : 0);
  for (guint l = 0; l < self->lanes->len; l++)
    {
      Lane *lane = &g_array_index (self->lanes, Lane, l);
      HsTimelineLane *info = g_ptr_array_index (self->data->lanes, l);
      double lane_h = self->aggregated ? STRIP_HEIGHT + LANE_PADDING
                                       : lane->n_rows * self->row_height + LANE_PADDING;
      double label_size = CLAMP (self->row_height * 0.85, 7, 12);
      g_autofree char *label = NULL;

      if (y > lanes_bottom)
        break;
      if (y + lane_h < lanes_top)
        {
          y += lane_h;
          continue;
        }
      shown_lanes++;

      /* Lane label and separator. */
      label = self->aggregated
              ? g_strdup_printf ("%s (%u)", info->label, lane->n_items)
              : g_strdup (info->label);
      draw_lane_label (cr, label, 12, y + LANE_PADDING / 2, label_size, label_width - 12,
                       lane_h - LANE_PADDING, &palette->foreground);
      cairo_save (cr);
      hs_chart_set_color (cr, &palette->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, 0, round (y + lane_h) - 0.5);
      cairo_line_to (cr, width, round (y + lane_h) - 0.5);
      cairo_stroke (cr);
      cairo_restore (cr);

      cairo_save (cr);
      cairo_rectangle (cr, self->plot_x - 6, lanes_top, self->plot_width + 12, available);
      cairo_clip (cr);
      if (self->aggregated)
        draw_strip (self, cr, lane, y + LANE_PADDING / 2, STRIP_HEIGHT, palette);
      else
        for (guint i = 0; i < lane->n_items; i++)
          {
            guint index = lane->first_item + i;
            HsTimelineItem *item = &g_array_index (self->data->items, HsTimelineItem, index);
            double row_y = y + LANE_PADDING / 2 + self->rows[index] * self->row_height;
            double bar_h = MAX (self->row_height * 0.6, 2);

            if (row_y + self->row_height < lanes_top || row_y > lanes_bottom)
              continue;
            draw_bar (self, cr, item, index, row_y + (self->row_height - bar_h) / 2, bar_h, palette);
          }
      cairo_restore (cr);
      y += lane_h;
    }
  cairo_restore (cr);

  /* Lanes that did not fit an export are counted, not dropped silently. */
  if (!self->scrollable && shown_lanes < self->lanes->len)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more lane", "and %u more lanes",
                                                         self->lanes->len - shown_lanes),
                                               self->lanes->len - shown_lanes);
      hs_chart_draw_text (cr, more, 12, lanes_bottom - 14, 10, FALSE, label_width, 0, &palette->dim);
    }

  /* Today. */
  today_x = hs_timeline_chart_day_to_x (self, today);
  if (today_x >= self->plot_x && today_x <= self->plot_x + self->plot_width)
    {
      cairo_save (cr);
      hs_chart_set_color (cr, &palette->today);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_move_to (cr, round (today_x) + 0.5, AXIS_HEIGHT - 4);
      cairo_line_to (cr, round (today_x) + 0.5, lanes_bottom);
      cairo_stroke (cr);
      cairo_restore (cr);
      hs_chart_draw_text (cr, _("Today"), today_x - 4, AXIS_HEIGHT - 16, 10, TRUE, 0, 1,
                          &palette->today);
    }

  hs_chart_draw_legend (cr, palette, 12, lanes_bottom + 10, width - 24, 11);
}

/* ---------------------------------------------------------------------- */
/* API                                                                     */

static void
hs_timeline_chart_finalize (GObject *object)
{
  HsTimelineChart *self = (HsTimelineChart *) object;

  g_clear_pointer (&self->data, hs_timeline_data_free);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->rows, g_free);
  g_clear_pointer (&self->hits, g_array_unref);

  G_OBJECT_CLASS (hs_timeline_chart_parent_class)->finalize (object);
}

static void
hs_timeline_chart_class_init (HsTimelineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HsChartClass *chart_class = HS_CHART_CLASS (klass);

  object_class->finalize = hs_timeline_chart_finalize;
  chart_class->draw = hs_timeline_chart_draw;
}

static void
hs_timeline_chart_init (HsTimelineChart *self)
{
  self->hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  self->selected = -1;
  self->hovered = -1;
  self->row_height = ROW_HEIGHT;
}

/**
 * hs_timeline_chart_new:
 * @data: (transfer full): what to draw
 */
HsChart *
hs_timeline_chart_new (HsTimelineData *data)
{
  HsTimelineChart *self;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (HS_TYPE_TIMELINE_CHART, NULL);
  self->data = data;
  pack_rows (self);
  hs_timeline_chart_fit (self);
  return HS_CHART (self);
}

HsChart *
hs_timeline_chart_new_from_store (HsStore        *store,
                                  const HsQuery  *query,
                                  HsLaneKind      lanes,
                                  GError        **error)
{
  HsTimelineData *data = hs_store_timeline_data (store, query, lanes, error);

  if (data == NULL)
    return NULL;
  return hs_timeline_chart_new (data);
}

const HsTimelineData *
hs_timeline_chart_get_data (HsTimelineChart *self)
{
  g_return_val_if_fail (HS_IS_TIMELINE_CHART (self), NULL);
  return self->data;
}

void
hs_timeline_chart_get_view (HsTimelineChart *self,
                            gint32          *first_day,
                            gint32          *last_day)
{
  g_return_if_fail (HS_IS_TIMELINE_CHART (self));
  *first_day = self->view_first;
  *last_day = self->view_last;
}

/* Shows the days from @first_day to @last_day, at least a week and at most
 * two centuries. */
void
hs_timeline_chart_set_view (HsTimelineChart *self,
                            gint32           first_day,
                            gint32           last_day)
{
  g_return_if_fail (HS_IS_TIMELINE_CHART (self));

  if (last_day - first_day < 7)
    {
      gint32 middle = first_day / 2 + last_day / 2;
      first_day = middle - 4;
      last_day = middle + 4;
    }
  if (last_day - first_day > 365 * 200)
    last_day = first_day + 365 * 200;
  self->view_first = MAX (first_day, 1);
  self->view_last = MAX (last_day, self->view_first + 7);
}

void
hs_timeline_chart_fit (HsTimelineChart *self)
{
  gint32 first, last;

  g_return_if_fail (HS_IS_TIMELINE_CHART (self));

  hs_timeline_chart_get_extent (self, &first, &last);
  hs_timeline_chart_set_view (self, first, last);
}

/* A window scrolls tall content; an export fits it to the page. */
void
hs_timeline_chart_set_scrollable (HsTimelineChart *self,
                                  gboolean         scrollable)
{
  g_return_if_fail (HS_IS_TIMELINE_CHART (self));
  self->scrollable = !!scrollable;
}

void
hs_timeline_chart_set_scroll (HsTimelineChart *self,
                              double           offset)
{
  g_return_if_fail (HS_IS_TIMELINE_CHART (self));
  self->scroll = MAX (offset, 0);
}

/* The height of all lanes, for a scrollbar: at the window's row height. */
double
hs_timeline_chart_get_content_height (HsTimelineChart *self)
{
  g_return_val_if_fail (HS_IS_TIMELINE_CHART (self), 0);

  if (self->total_rows > MAX_DETAIL_ROWS)
    return self->lanes->len * (STRIP_HEIGHT + LANE_PADDING);
  return self->total_rows * ROW_HEIGHT + self->lanes->len * LANE_PADDING;
}

void
hs_timeline_chart_set_selected (HsTimelineChart *self,
                                int              index)
{
  g_return_if_fail (HS_IS_TIMELINE_CHART (self));
  self->selected = index >= 0 && (guint) index < self->data->items->len ? index : -1;
}

int
hs_timeline_chart_get_selected (HsTimelineChart *self)
{
  g_return_val_if_fail (HS_IS_TIMELINE_CHART (self), -1);
  return self->selected;
}

void
hs_timeline_chart_set_hovered (HsTimelineChart *self,
                               int              index)
{
  g_return_if_fail (HS_IS_TIMELINE_CHART (self));
  self->hovered = index >= 0 && (guint) index < self->data->items->len ? index : -1;
}

/**
 * hs_timeline_chart_item_at:
 *
 * Returns: the index of the item drawn at (@x, @y) in the last drawing, or
 *   -1; items a few units away still count, bars being thin
 */
int
hs_timeline_chart_item_at (HsTimelineChart *self,
                           double           x,
                           double           y)
{
  int best = -1;
  double best_distance = 5;

  g_return_val_if_fail (HS_IS_TIMELINE_CHART (self), -1);

  for (guint i = 0; i < self->hits->len; i++)
    {
      Hit *hit = &g_array_index (self->hits, Hit, i);
      double dx = x < hit->x ? hit->x - x : x > hit->x + hit->width ? x - hit->x - hit->width : 0;
      double dy = y < hit->y ? hit->y - y : y > hit->y + hit->height ? y - hit->y - hit->height : 0;
      double distance = MAX (dx, dy);

      if (distance < best_distance)
        {
          best = hit->index;
          best_distance = distance;
        }
    }
  return best;
}

gboolean
hs_timeline_chart_get_item_area (HsTimelineChart *self,
                                 int              index,
                                 double          *x,
                                 double          *y,
                                 double          *width,
                                 double          *height)
{
  g_return_val_if_fail (HS_IS_TIMELINE_CHART (self), FALSE);

  for (guint i = 0; i < self->hits->len; i++)
    {
      Hit *hit = &g_array_index (self->hits, Hit, i);

      if (hit->index == index)
        {
          *x = hit->x;
          *y = hit->y;
          *width = hit->width;
          *height = hit->height;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
hs_timeline_chart_is_aggregated (HsTimelineChart *self)
{
  g_return_val_if_fail (HS_IS_TIMELINE_CHART (self), FALSE);
  return self->aggregated;
}
