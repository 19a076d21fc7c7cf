/* hs-timeline-view.c: the timeline chart in the window, zoomed, panned and
 * read with the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view draws the same HsTimelineChart that PNG, SVG and PDF exports
 * draw, through gtk_snapshot_append_cairo, and adds what a window has and a
 * file has not: zoom (Ctrl+scroll, pinch, keys), pan (drag, scroll), a
 * tooltip for the prediction under the pointer, a click or Enter to open
 * it, and arrow keys that move from prediction to prediction while the
 * accessible description says which one has the focus.
 *
 * Time is the chart's view, in days; the lanes scroll with a vertical
 * adjustment that the page shows as a scrollbar. Where the chart finds
 * more predictions than it can draw one by one it draws density strips;
 * the keyboard still moves through the predictions themselves.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "hs-format.h"
#include "hs-timeline-view.h"

/* Where hs-timeline-chart.c puts its lanes: below the time axis and above
 * the legend, which wraps onto more lines in a narrow view. The view has no
 * title, so nothing else is above the axis. */
#define LANES_TOP         30.0
#define LEGEND_MIN_HEIGHT 34.0
#define LEGEND_FONT       11.0

/* A week is the chart's shortest view. */
#define MIN_SPAN_DAYS 7.0
#define ZOOM_STEP     1.5
/* A wheel notch: how far it scrolls the lanes, in pixels, and how much
 * Ctrl+wheel zooms. */
#define WHEEL_PIXELS  48.0
#define WHEEL_ZOOM    1.2
#define TOOLTIP_CHARS 140

struct _HsTimelineView
{
  GtkWidget        parent_instance;

  HsStore         *store;
  HsTimelineChart *chart;
  GtkAdjustment   *vadjustment;
  guint           *lane_first;     /* the first item of each lane, and the item count last */
  guint            n_lanes;

  int              focus;          /* the item the keyboard is on, or -1 */
  int              hovered;
  double           pointer_x;
  double           pointer_y;

  /* What the tooltip last said, for the item it said it of. */
  gint64           tip_rowid;
  char            *tip_text;

  /* The view when a drag or a pinch began. */
  double           drag_first;
  double           drag_span;
  double           drag_scroll;
  gboolean         dragging;
  double           pinch_day;
  double           pinch_fraction;

  /* The legend's height at the width it was measured for. */
  int              legend_width;
  double           legend_height;

  /* Frame timing, for the debug log. */
  gint64           layout_started;
  gint64           draw_time;
  gulong           layout_handler;
  gulong           after_paint_handler;
};

G_DEFINE_FINAL_TYPE (HsTimelineView, hs_timeline_view, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_ITEM,
  VIEW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------------- */
/* Items and lanes                                                         */

static const HsTimelineData *
get_data (HsTimelineView *self)
{
  return self->chart != NULL ? hs_timeline_chart_get_data (self->chart) : NULL;
}

static guint
n_items (HsTimelineView *self)
{
  const HsTimelineData *data = get_data (self);

  return data != NULL ? data->items->len : 0;
}

static const HsTimelineItem *
get_item (HsTimelineView *self,
          int             index)
{
  return &g_array_index (get_data (self)->items, HsTimelineItem, index);
}

/* Items come by lane, then by start: each lane is one run of them. */
static void
index_lanes (HsTimelineView *self)
{
  const HsTimelineData *data = get_data (self);

  g_clear_pointer (&self->lane_first, g_free);
  self->n_lanes = data != NULL ? data->lanes->len : 0;
  self->lane_first = g_new0 (guint, self->n_lanes + 1);
  if (data == NULL)
    return;

  for (guint l = 0, i = 0; l <= self->n_lanes; l++)
    {
      while (i < data->items->len && g_array_index (data->items, HsTimelineItem, i).lane < l)
        i++;
      self->lane_first[l] = i;
    }
}

/* The item of @lane that starts nearest to @day, or -1 in an empty lane. */
static int
nearest_in_lane (HsTimelineView *self,
                 guint           lane,
                 double          day)
{
  guint lo = self->lane_first[lane], hi = self->lane_first[lane + 1];
  guint first = lo;

  if (lo == hi)
    return -1;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (get_item (self, mid)->start < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == self->lane_first[lane + 1])
    return lo - 1;
  if (lo > first && day - get_item (self, lo - 1)->start < get_item (self, lo)->start - day)
    return lo - 1;
  return lo;
}

/* ---------------------------------------------------------------------- */
/* Words                                                                   */

/* A day as the window words dates: "March 2026", or "25 March 2026" when
 * @precise. The chart pans over any day GDate holds; HsDate holds years
 * 1000 to 9999 only. */
static char *
format_day (gint32   day,
            gboolean precise)
{
  GDate date;
  HsDate value;

  if (day <= 0 || !g_date_valid_julian ((guint32) day))
    return g_strdup ("");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  if (g_date_get_year (&date) < 1000 || g_date_get_year (&date) > 9999)
    return g_strdup_printf ("%u", g_date_get_year (&date));

  value = precise ? hs_date_new_day (g_date_get_year (&date), g_date_get_month (&date),
                                     g_date_get_day (&date))
                  : hs_date_new_month (g_date_get_year (&date), g_date_get_month (&date));
  return hs_format_date (&value);
}

/* The claim of an item, from the store: the chart holds only what it draws. */
static HsClaim *
load_claim (HsTimelineView *self,
            int             index)
{
  g_autoptr(GError) error = NULL;
  HsClaim *claim;

  if (self->store == NULL || index < 0 || (guint) index >= n_items (self))
    return NULL;
  claim = hs_store_get_claim_at (self->store, get_item (self, index)->rowid, &error);
  if (claim == NULL)
    g_debug ("Cannot load the prediction at row %" G_GINT64_FORMAT ": %s",
             get_item (self, index)->rowid, error ? error->message : "not found");
  return claim;
}

/* A statement as a sentence: with its own full stop (or question mark,
 * in any script), else one added. */
static char *
as_sentence (const char *text)
{
  g_autofree char *trimmed = g_strchomp (g_strdup (text));
  const char *end = trimmed + strlen (trimmed);
  gunichar last;

  if (end == trimmed)
    return g_steal_pointer (&trimmed);
  last = g_utf8_get_char (g_utf8_find_prev_char (trimmed, end));
  /* . ! ? … 。 ！ ？ */
  if (last == '.' || last == '!' || last == '?' || last == 0x2026 || last == 0x3002 ||
      last == 0xFF01 || last == 0xFF1F)
    return g_steal_pointer (&trimmed);
  return g_strconcat (trimmed, ".", NULL);
}

/* What a screen reader says of the focused prediction: who, when, what,
 * by when, and where it stands. */
static char *
describe_claim (HsClaim *claim)
{
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  HsDate stated = hs_claim_get_stated_on (claim);
  g_autofree char *speaker = hs_format_speaker_name (hs_claim_get_speaker (claim));
  g_autofree char *when = hs_format_date (&stated);
  g_autofree char *text = as_sentence (hs_claim_get_text (claim));
  g_autofree char *due = NULL;
  const char *status = _("Open");

  if (prediction != NULL)
    {
      HsDate latest = hs_prediction_get_latest (prediction);

      if (hs_date_is_set (&latest))
        {
          g_autofree char *by = hs_format_date (&latest);
          /* Translators: the end of a prediction's description, "Resolves by 31 December 2026." */
          due = g_strdup_printf (_("Resolves by %s."), by);
        }
      else
        due = g_strdup (_("Open-ended."));
      status = hs_format_status (hs_prediction_get_status (prediction));
    }
  else
    due = g_strdup ("");

  /* Translators: a prediction on the timeline, for screen readers:
   * "Tang Jie 唐杰 predicted on 10 January 2026: Statement. Resolves by
   * 31 December 2026. Open." */
  return g_strdup_printf (_("%s predicted on %s: %s %s %s."), speaker, when, text, due, status);
}

static char *
truncate_text (const char *text,
               glong       chars)
{
  if (g_utf8_strlen (text, -1) <= chars)
    return g_strdup (text);
  {
    g_autofree char *start = g_utf8_substring (text, 0, chars - 1);
    return g_strconcat (g_strchomp (start), "…", NULL);
  }
}

static char *
tooltip_for_claim (HsClaim *claim)
{
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  g_autofree char *speaker = hs_format_speaker_name (hs_claim_get_speaker (claim));
  g_autofree char *text = truncate_text (hs_claim_get_text (claim), TOOLTIP_CHARS);
  g_autofree char *window = prediction ? hs_format_window (prediction) : g_strdup ("");
  const char *status = prediction ? hs_format_status (hs_prediction_get_status (prediction)) : "";

  return g_strdup_printf ("%s\n%s\n%s\n%s", speaker, text, window, status);
}

/* Without a focused prediction the description sums the timeline up. */
static void
update_description (HsTimelineView *self)
{
  g_autofree char *text = NULL;

  if (self->focus >= 0)
    {
      g_autoptr(HsClaim) claim = load_claim (self, self->focus);

      if (claim != NULL)
        text = describe_claim (claim);
    }
  if (text == NULL && self->chart != NULL && n_items (self) > 0)
    {
      const HsTimelineData *data = get_data (self);
      g_autofree char *first = format_day (data->first_day, FALSE);
      g_autofree char *last = format_day (data->last_day, FALSE);

      /* Translators: the timeline's summary for screen readers; the last
       * sentence says how to reach each prediction */
      text = g_strdup_printf (ngettext ("%u prediction in %u lanes, from %s to %s. "
                                        "The arrow keys move between predictions.",
                                        "%u predictions in %u lanes, from %s to %s. "
                                        "The arrow keys move between predictions.",
                                        data->items->len),
                              data->items->len, data->lanes->len, first, last);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text ? text : "", -1);
}

/* ---------------------------------------------------------------------- */
/* The view: time and lanes                                                */

/* Room under the lanes, as the chart takes it for its legend. */
static double
lanes_bottom_margin (HsTimelineView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (width != self->legend_width)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (surface);

      self->legend_height = MAX (LEGEND_MIN_HEIGHT, 14 + hs_chart_legend_height (cr, width - 24, LEGEND_FONT));
      self->legend_width = width;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  return self->legend_height;
}

static double
lanes_height (HsTimelineView *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)) - LANES_TOP - lanes_bottom_margin (self), 1);
}

static void
update_adjustment (HsTimelineView *self)
{
  double content = self->chart ? hs_timeline_chart_get_content_height (self->chart) : 0;
  double page = lanes_height (self);
  double value = gtk_adjustment_get_value (self->vadjustment);

  gtk_adjustment_configure (self->vadjustment, CLAMP (value, 0, MAX (content - page, 0)),
                            0, MAX (content, page), 14 * 3, page * 0.9, page);
}

static void
get_view (HsTimelineView *self,
          double         *first,
          double         *span)
{
  gint32 view_first, view_last;

  hs_timeline_chart_get_view (self->chart, &view_first, &view_last);
  *first = view_first;
  *span = MAX (view_last - view_first, 1);
}

/* Shows @span days from @first, no more than all the data and no less than
 * a week, and never past the data's ends. */
static void
set_view (HsTimelineView *self,
          double          first,
          double          span)
{
  gint32 extent_first, extent_last, old_first, old_last, new_first, new_last;
  double extent_span;

  if (self->chart == NULL)
    return;

  hs_timeline_chart_get_extent (self->chart, &extent_first, &extent_last);
  extent_span = extent_last - extent_first;
  span = CLAMP (span, MIN (MIN_SPAN_DAYS, extent_span), extent_span);
  first = CLAMP (first, extent_first, extent_last - span);

  new_first = (gint32) round (first);
  new_last = MIN ((gint32) round (first + span), extent_last);
  hs_timeline_chart_get_view (self->chart, &old_first, &old_last);
  if (new_first == old_first && new_last == old_last)
    return;

  hs_timeline_chart_set_view (self->chart, new_first, new_last);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

/* Where @x falls across the plot, from 0 at its left edge to 1 at its
 * right. */
static double
plot_fraction (HsTimelineView *self,
               double          x)
{
  double first, span, left, width;

  get_view (self, &first, &span);
  left = hs_timeline_chart_day_to_x (self->chart, first);
  width = MAX (hs_timeline_chart_get_plot_width (self->chart), 1);
  return CLAMP ((x - left) / width, 0, 1);
}

/* Zooms by @factor (above 1 in, below 1 out), keeping the day under @x
 * where it is. */
static void
zoom_at (HsTimelineView *self,
         double          factor,
         double          x)
{
  double first, span, fraction, day;

  if (self->chart == NULL || factor <= 0)
    return;
  get_view (self, &first, &span);
  fraction = plot_fraction (self, x);
  day = first + fraction * span;
  span /= factor;
  set_view (self, day - fraction * span, span);
}

static double
plot_center (HsTimelineView *self)
{
  double first, span;

  get_view (self, &first, &span);
  return hs_timeline_chart_day_to_x (self->chart, first + span / 2);
}

static void
pan_pixels (HsTimelineView *self,
            double          dx)
{
  double first, span;

  get_view (self, &first, &span);
  set_view (self, first + dx / MAX (hs_timeline_chart_get_plot_width (self->chart), 1) * span, span);
}

static void
scroll_lanes (HsTimelineView *self,
              double          dy)
{
  gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + dy);
}

static void
vadjustment_changed_cb (GtkAdjustment  *adjustment,
                        HsTimelineView *self)
{
  if (self->chart == NULL)
    return;
  hs_timeline_chart_set_scroll (self->chart, gtk_adjustment_get_value (adjustment));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Where the item's bar is in the lanes' own coordinates (0 at the top of
 * the first lane), found by drawing the whole height once, off screen.
 * Only a keyboard move to a prediction out of sight needs it. */
static gboolean
measure_item (HsTimelineView *self,
              int             index,
              double         *y,
              double         *height)
{
  double scroll = gtk_adjustment_get_value (self->vadjustment);
  double content = hs_timeline_chart_get_content_height (self->chart);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double x, width;
  gboolean found;

  hs_timeline_chart_set_scroll (self->chart, 0);
  hs_chart_draw (HS_CHART (self->chart), cr, MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1),
                 content + LANES_TOP + lanes_bottom_margin (self));
  found = hs_timeline_chart_get_item_area (self->chart, index, &x, y, &width, height);
  hs_timeline_chart_set_scroll (self->chart, scroll);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  *y -= LANES_TOP;
  return found;
}

/* Draws the chart once off screen, so that it knows before the first frame
 * whether it draws predictions one by one or as density (the page says
 * which) and where they are. */
static void
prime_chart (HsTimelineView *self)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  hs_chart_draw (HS_CHART (self->chart), cr, width > 0 ? width : 800, height > 0 ? height : 600);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Pans and scrolls until the item is in sight. */
static void
scroll_to_item (HsTimelineView *self,
                int             index)
{
  const HsTimelineItem *item = get_item (self, index);
  double first, span, top, height, scroll, page;

  get_view (self, &first, &span);
  if (item->start < first || item->start > first + span)
    set_view (self, item->start - span * 0.2, span);

  scroll = gtk_adjustment_get_value (self->vadjustment);
  page = lanes_height (self);
  if (hs_timeline_chart_is_aggregated (self->chart))
    {
      /* Strips: every lane as tall as the next. */
      height = hs_timeline_chart_get_content_height (self->chart) / MAX (self->n_lanes, 1);
      top = item->lane * height;
    }
  else
    {
      double x, width;

      /* The last drawing knows where the bar is when it drew it, in the
       * same time range; else draw once to find out. */
      if (hs_timeline_chart_get_item_area (self->chart, index, &x, &top, &width, &height))
        top = top - LANES_TOP + scroll;
      else if (!measure_item (self, index, &top, &height))
        return;
    }

  if (top < scroll)
    gtk_adjustment_set_value (self->vadjustment, top - 4);
  else if (top + height > scroll + page)
    gtk_adjustment_set_value (self->vadjustment, top + height - page + 4);
}

static void
set_focus_item (HsTimelineView *self,
                int             index)
{
  if (self->chart == NULL)
    return;
  if (index >= 0 && (guint) index >= n_items (self))
    index = -1;

  self->focus = index;
  hs_timeline_chart_set_selected (self->chart, index);
  if (index >= 0)
    scroll_to_item (self, index);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Where the keyboard starts: the first prediction drawn, else the one
 * nearest the middle of the view in the topmost lane in sight. */
static int
first_item_in_sight (HsTimelineView *self)
{
  double first, span, x, y, w, h;
  guint lane;

  if (!hs_timeline_chart_is_aggregated (self->chart))
    for (guint i = 0; i < n_items (self); i++)
      if (hs_timeline_chart_get_item_area (self->chart, i, &x, &y, &w, &h) &&
          y >= LANES_TOP - 1 && y + h <= LANES_TOP + lanes_height (self) + 1)
        return i;

  get_view (self, &first, &span);
  if (hs_timeline_chart_is_aggregated (self->chart))
    lane = (guint) (gtk_adjustment_get_value (self->vadjustment) /
                    MAX (hs_timeline_chart_get_content_height (self->chart) / MAX (self->n_lanes, 1), 1));
  else
    lane = 0;
  for (; lane < self->n_lanes; lane++)
    {
      int index = nearest_in_lane (self, lane, first + span / 2);
      if (index >= 0)
        return index;
    }
  return n_items (self) > 0 ? 0 : -1;
}

static void
move_focus (HsTimelineView *self,
            int             dx,
            int             dlane)
{
  const HsTimelineItem *item;
  int index = self->focus;

  if (n_items (self) == 0)
    return;
  if (index < 0)
    {
      set_focus_item (self, first_item_in_sight (self));
      return;
    }

  item = get_item (self, index);
  if (dx != 0)
    {
      int next = index + dx;

      if (next < (int) self->lane_first[item->lane] || next >= (int) self->lane_first[item->lane + 1])
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return;
        }
      set_focus_item (self, next);
      return;
    }

  /* Up and Down skip empty lanes (a filter may leave some). */
  for (int lane = (int) item->lane + dlane; lane >= 0 && lane < (int) self->n_lanes; lane += dlane)
    {
      int next = nearest_in_lane (self, lane, item->start);

      if (next >= 0)
        {
          set_focus_item (self, next);
          return;
        }
    }
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
activate_item (HsTimelineView *self,
               int             index)
{
  g_autoptr(HsClaim) claim = load_claim (self, index);

  if (claim != NULL)
    g_signal_emit (self, signals[ACTIVATE_ITEM], 0, hs_claim_get_id (claim));
}

/* ---------------------------------------------------------------------- */
/* Events                                                                  */

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           HsTimelineView           *self)
{
  int index;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->chart == NULL || self->dragging)
    return;

  index = hs_timeline_chart_item_at (self->chart, x, y);
  if (index != self->hovered)
    {
      self->hovered = index;
      hs_timeline_chart_set_hovered (self->chart, index);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index >= 0 ? "pointer" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          HsTimelineView           *self)
{
  if (self->chart == NULL || self->hovered < 0)
    return;
  self->hovered = -1;
  hs_timeline_chart_set_hovered (self->chart, -1);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           HsTimelineView           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (self->chart == NULL)
    return GDK_EVENT_PROPAGATE;

  if (state & GDK_CONTROL_MASK)
    {
      double factor = wheel ? pow (WHEEL_ZOOM, -dy) : exp (-dy * 0.01);

      zoom_at (self, factor, self->pointer_x);
      return GDK_EVENT_STOP;
    }

  if (state & GDK_SHIFT_MASK)
    {
      double swap = dx;

      dx = dy;
      dy = swap;
    }
  if (wheel)
    {
      dx *= WHEEL_PIXELS;
      dy *= WHEEL_PIXELS;
    }
  if (dx != 0)
    pan_pixels (self, dx);
  if (dy != 0)
    scroll_lanes (self, dy);
  return GDK_EVENT_STOP;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               HsTimelineView *self)
{
  if (self->chart == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  get_view (self, &self->drag_first, &self->drag_span);
  self->drag_scroll = gtk_adjustment_get_value (self->vadjustment);
  self->dragging = FALSE;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                HsTimelineView *self)
{
  double width;

  /* A press that hardly moves is a click. */
  if (!self->dragging)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
        return;
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  width = MAX (hs_timeline_chart_get_plot_width (self->chart), 1);
  set_view (self, self->drag_first - dx / width * self->drag_span, self->drag_span);
  gtk_adjustment_set_value (self->vadjustment, self->drag_scroll - dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             HsTimelineView *self)
{
  if (self->dragging)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  self->dragging = FALSE;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               HsTimelineView   *self)
{
  double x, y;

  if (self->chart == NULL || !gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    return;
  get_view (self, &self->drag_first, &self->drag_span);
  self->pinch_fraction = plot_fraction (self, x);
  self->pinch_day = self->drag_first + self->pinch_fraction * self->drag_span;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       HsTimelineView *self)
{
  double span;

  if (self->chart == NULL || scale <= 0)
    return;
  span = self->drag_span / scale;
  set_view (self, self->pinch_day - self->pinch_fraction * span, span);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            HsTimelineView  *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             HsTimelineView  *self)
{
  int index;

  if (self->chart == NULL || self->dragging)
    return;
  index = hs_timeline_chart_item_at (self->chart, x, y);
  if (index < 0)
    return;
  set_focus_item (self, index);
  activate_item (self, index);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HsTimelineView        *self)
{
  /* Ctrl and Alt belong to the window's shortcuts. */
  if (self->chart == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_focus (self, -1, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_focus (self, 1, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_focus (self, 0, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_focus (self, 0, 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
    case GDK_KEY_End:
      if (self->focus >= 0)
        {
          guint lane = get_item (self, self->focus)->lane;
          set_focus_item (self, keyval == GDK_KEY_Home ? (int) self->lane_first[lane]
                                                       : (int) self->lane_first[lane + 1] - 1);
        }
      else
        move_focus (self, 1, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Up:
    case GDK_KEY_Page_Down:
      scroll_lanes (self, (keyval == GDK_KEY_Page_Up ? -1 : 1) *
                          gtk_adjustment_get_page_increment (self->vadjustment));
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (self->focus >= 0)
        activate_item (self, self->focus);
      return GDK_EVENT_STOP;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      hs_timeline_view_zoom (self, ZOOM_STEP);
      return GDK_EVENT_STOP;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      hs_timeline_view_zoom (self, 1 / ZOOM_STEP);
      return GDK_EVENT_STOP;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      hs_timeline_view_fit (self);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      if (self->focus >= 0)
        {
          set_focus_item (self, -1);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static gboolean
hs_timeline_view_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  HsTimelineView *self = HS_TIMELINE_VIEW (widget);
  double ix, iy, iw, ih;
  int index;

  if (self->chart == NULL)
    return FALSE;

  index = keyboard_mode ? self->focus : hs_timeline_chart_item_at (self->chart, x, y);
  if (index < 0)
    {
      if (!keyboard_mode && hs_timeline_chart_is_aggregated (self->chart) && y > LANES_TOP &&
          y < LANES_TOP + lanes_height (self))
        {
          gtk_tooltip_set_text (tooltip, _("Too many predictions to draw one by one: the shade says "
                                           "how many are open at each time. Narrow the search or the "
                                           "filters on the Claims page to see each one."));
          return TRUE;
        }
      return FALSE;
    }

  if (self->tip_rowid != get_item (self, index)->rowid)
    {
      g_autoptr(HsClaim) claim = load_claim (self, index);

      if (claim == NULL)
        return FALSE;
      g_free (self->tip_text);
      self->tip_text = tooltip_for_claim (claim);
      self->tip_rowid = get_item (self, index)->rowid;
    }
  gtk_tooltip_set_text (tooltip, self->tip_text);
  if (hs_timeline_chart_get_item_area (self->chart, index, &ix, &iy, &iw, &ih))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) floor (ix), (int) floor (iy),
                                                         (int) ceil (iw), (int) ceil (ih) });
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Drawing                                                                 */

static HsChartTheme
style_theme (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (style))
    return adw_style_manager_get_dark (style) ? HS_CHART_THEME_HIGH_CONTRAST_DARK
                                              : HS_CHART_THEME_HIGH_CONTRAST;
  return adw_style_manager_get_dark (style) ? HS_CHART_THEME_DARK : HS_CHART_THEME_LIGHT;
}

static void
style_changed_cb (AdwStyleManager *style,
                  GParamSpec      *pspec,
                  HsTimelineView  *self)
{
  if (self->chart != NULL)
    hs_chart_set_theme (HS_CHART (self->chart), style_theme ());
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* An export draws the chart at another size and theme: draw it again, so
 * that its hit areas are the window's. */
static void
chart_theme_cb (HsChart        *chart,
                GParamSpec     *pspec,
                HsTimelineView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hs_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  HsTimelineView *self = HS_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gint64 started;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  hs_timeline_chart_set_scroll (self->chart, gtk_adjustment_get_value (self->vadjustment));

  started = g_get_monotonic_time ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  hs_chart_draw (HS_CHART (self->chart), cr, width, height);
  cairo_destroy (cr);
  self->draw_time = g_get_monotonic_time () - started;
}

/* The frame's time from its start to the end of painting, with the
 * chart's share of it, for G_MESSAGES_DEBUG=hindsight. */
static void
before_paint_cb (GdkFrameClock  *clock,
                 HsTimelineView *self)
{
  self->layout_started = g_get_monotonic_time ();
  self->draw_time = -1;
}

static void
after_paint_cb (GdkFrameClock  *clock,
                HsTimelineView *self)
{
  if (self->draw_time < 0 || self->layout_started == 0 || self->chart == NULL)
    return;
  g_debug ("Timeline frame: %.2f ms, of which the chart %.2f ms (%u predictions, %s, %s)",
           (g_get_monotonic_time () - self->layout_started) / 1000.0, self->draw_time / 1000.0,
           n_items (self), hs_timeline_chart_is_aggregated (self->chart) ? "as density" : "one by one",
           hs_timeline_view_is_fitted (self) ? "all of time" : "zoomed");
  self->draw_time = -1;
}

static void
hs_timeline_view_realize (GtkWidget *widget)
{
  HsTimelineView *self = HS_TIMELINE_VIEW (widget);
  GdkFrameClock *clock;

  GTK_WIDGET_CLASS (hs_timeline_view_parent_class)->realize (widget);

  clock = gtk_widget_get_frame_clock (widget);
  if (clock != NULL && g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN) == FALSE)
    {
      self->layout_handler = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), self);
      self->after_paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
    }
}

static void
hs_timeline_view_unrealize (GtkWidget *widget)
{
  HsTimelineView *self = HS_TIMELINE_VIEW (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    {
      g_clear_signal_handler (&self->layout_handler, clock);
      g_clear_signal_handler (&self->after_paint_handler, clock);
    }

  GTK_WIDGET_CLASS (hs_timeline_view_parent_class)->unrealize (widget);
}

static void
hs_timeline_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 480;
}

static void
hs_timeline_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  update_adjustment (HS_TIMELINE_VIEW (widget));
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                 */

static void
hs_timeline_view_dispose (GObject *object)
{
  HsTimelineView *self = (HsTimelineView *) object;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);
  g_clear_object (&self->store);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->lane_first, g_free);
  g_clear_pointer (&self->tip_text, g_free);

  G_OBJECT_CLASS (hs_timeline_view_parent_class)->dispose (object);
}

static void
hs_timeline_view_class_init (HsTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_timeline_view_dispose;
  widget_class->snapshot = hs_timeline_view_snapshot;
  widget_class->measure = hs_timeline_view_measure;
  widget_class->size_allocate = hs_timeline_view_size_allocate;
  widget_class->query_tooltip = hs_timeline_view_query_tooltip;
  widget_class->realize = hs_timeline_view_realize;
  widget_class->unrealize = hs_timeline_view_unrealize;

  /* Asks for the claim with this id to be shown in full. */
  signals[ACTIVATE_ITEM] = g_signal_new ("activate-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The time range shown changed (zoom, pan, fit, new data). */
  signals[VIEW_CHANGED] = g_signal_new ("view-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hs_timeline_view_init (HsTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->focus = -1;
  self->hovered = -1;
  self->tip_rowid = -1;
  self->draw_time = -1;
  self->legend_width = -1;
  self->vadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect (self->vadjustment, "value-changed", G_CALLBACK (vadjustment_changed_cb), self);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline of predictions"), -1);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect (gesture, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, 0);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, 0);
}

GtkWidget *
hs_timeline_view_new (void)
{
  return g_object_new (HS_TYPE_TIMELINE_VIEW, NULL);
}

/* The store the predictions' details (tooltip, description) come from. */
void
hs_timeline_view_set_store (HsTimelineView *self,
                            HsStore        *store)
{
  g_return_if_fail (HS_IS_TIMELINE_VIEW (self));
  g_set_object (&self->store, store);
}

/**
 * hs_timeline_view_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
HsTimelineChart *
hs_timeline_view_get_chart (HsTimelineView *self)
{
  g_return_val_if_fail (HS_IS_TIMELINE_VIEW (self), NULL);
  return self->chart;
}

/**
 * hs_timeline_view_set_chart:
 * @chart: (nullable): the chart to show
 *
 * Shows @chart. When it replaces another (new filters, other lanes, changed
 * data) the time range stays, and so does the focused prediction if the
 * new chart has it.
 */
void
hs_timeline_view_set_chart (HsTimelineView  *self,
                            HsTimelineChart *chart)
{
  gint32 old_first = 0, old_last = 0;
  gint64 focused_rowid = -1;
  gboolean had_view = FALSE;

  g_return_if_fail (HS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (chart == NULL || HS_IS_TIMELINE_CHART (chart));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    {
      if (!hs_timeline_view_is_fitted (self))
        {
          hs_timeline_chart_get_view (self->chart, &old_first, &old_last);
          had_view = TRUE;
        }
      focused_rowid = hs_timeline_view_get_focus_rowid (self);
      g_signal_handlers_disconnect_by_data (self->chart, self);
    }
  g_set_object (&self->chart, chart);

  self->focus = -1;
  self->hovered = -1;
  self->tip_rowid = -1;
  index_lanes (self);

  if (chart != NULL)
    {
      hs_timeline_chart_set_scrollable (chart, TRUE);
      hs_chart_set_theme (HS_CHART (chart), style_theme ());
      g_signal_connect (chart, "notify::theme", G_CALLBACK (chart_theme_cb), self);
      hs_timeline_chart_fit (chart);
      if (had_view)
        set_view (self, old_first, old_last - old_first);
      if (focused_rowid >= 0)
        for (guint i = 0; i < n_items (self); i++)
          if (get_item (self, i)->rowid == focused_rowid)
            {
              self->focus = i;
              hs_timeline_chart_set_selected (chart, i);
              break;
            }
    }

  update_adjustment (self);
  vadjustment_changed_cb (self->vadjustment, self);
  if (chart != NULL)
    prime_chart (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

/**
 * hs_timeline_view_get_vadjustment:
 *
 * Returns: (transfer none): the lanes' scroll position, for a scrollbar
 */
GtkAdjustment *
hs_timeline_view_get_vadjustment (HsTimelineView *self)
{
  g_return_val_if_fail (HS_IS_TIMELINE_VIEW (self), NULL);
  return self->vadjustment;
}

/* Zooms in (@factor above 1) or out around the focused prediction when it
 * is in sight, else around the middle. */
void
hs_timeline_view_zoom (HsTimelineView *self,
                       double          factor)
{
  double first, span, x;

  g_return_if_fail (HS_IS_TIMELINE_VIEW (self));

  if (self->chart == NULL)
    return;
  get_view (self, &first, &span);
  x = plot_center (self);
  if (self->focus >= 0)
    {
      double start = get_item (self, self->focus)->start;

      if (start >= first && start <= first + span)
        x = hs_timeline_chart_day_to_x (self->chart, start);
    }
  zoom_at (self, factor, x);
}

void
hs_timeline_view_fit (HsTimelineView *self)
{
  gint32 first, last;

  g_return_if_fail (HS_IS_TIMELINE_VIEW (self));

  if (self->chart == NULL)
    return;
  hs_timeline_chart_get_extent (self->chart, &first, &last);
  set_view (self, first, last - first);
}

gboolean
hs_timeline_view_can_zoom_in (HsTimelineView *self)
{
  double first, span;

  g_return_val_if_fail (HS_IS_TIMELINE_VIEW (self), FALSE);

  if (self->chart == NULL)
    return FALSE;
  get_view (self, &first, &span);
  return span > MIN_SPAN_DAYS;
}

gboolean
hs_timeline_view_can_zoom_out (HsTimelineView *self)
{
  g_return_val_if_fail (HS_IS_TIMELINE_VIEW (self), FALSE);
  return self->chart != NULL && !hs_timeline_view_is_fitted (self);
}

/* Whether the view shows all of the data's time. */
gboolean
hs_timeline_view_is_fitted (HsTimelineView *self)
{
  gint32 extent_first, extent_last, view_first, view_last;

  g_return_val_if_fail (HS_IS_TIMELINE_VIEW (self), FALSE);

  if (self->chart == NULL)
    return TRUE;
  hs_timeline_chart_get_extent (self->chart, &extent_first, &extent_last);
  hs_timeline_chart_get_view (self->chart, &view_first, &view_last);
  return view_first <= extent_first && view_last >= extent_last;
}

/**
 * hs_timeline_view_dup_range_text:
 *
 * Returns: (transfer full): the time shown, as a person reads it: "January
 *   2025 – December 2026", or with days when zoomed in to weeks
 */
char *
hs_timeline_view_dup_range_text (HsTimelineView *self)
{
  g_autofree char *from = NULL, *to = NULL;
  gint32 first, last;
  gboolean precise;

  g_return_val_if_fail (HS_IS_TIMELINE_VIEW (self), NULL);

  if (self->chart == NULL)
    return g_strdup ("");
  hs_timeline_chart_get_view (self->chart, &first, &last);
  precise = last - first < 92;
  from = format_day (first, precise);
  to = format_day (last, precise);
  if (g_strcmp0 (from, to) == 0)
    return g_steal_pointer (&from);
  /* Translators: the time range the timeline shows, "January 2025 – December 2026" */
  return g_strdup_printf (C_("time range", "%s – %s"), from, to);
}

/* The store's row of the focused prediction, or -1. */
gint64
hs_timeline_view_get_focus_rowid (HsTimelineView *self)
{
  g_return_val_if_fail (HS_IS_TIMELINE_VIEW (self), -1);

  if (self->focus < 0 || (guint) self->focus >= n_items (self))
    return -1;
  return get_item (self, self->focus)->rowid;
}
