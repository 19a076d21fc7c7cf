/* hs-chart-view.c: a chart drawn in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget draws an HsChart with the same cairo code that writes PNG,
 * SVG and PDF files, at the size it is given, in the theme of the window:
 * the chart's palette follows libadwaita's dark and high-contrast styles
 * and the view redraws when they change.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hs-chart-view.h"

/* What the view asks for when nothing else sets its size. */
#define NATURAL_WIDTH  480
#define NATURAL_HEIGHT 320
/* Below this width a chart is given this height at least. */
#define NARROW_WIDTH   440
#define NARROW_HEIGHT  420

struct _HsChartView
{
  GtkWidget  parent_instance;

  HsChart   *chart;
  char      *summary;
};

G_DEFINE_FINAL_TYPE (HsChartView, hs_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static HsChartTheme
current_theme (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (style))
    return adw_style_manager_get_dark (style) ? HS_CHART_THEME_HIGH_CONTRAST_DARK
                                              : HS_CHART_THEME_HIGH_CONTRAST;
  if (adw_style_manager_get_dark (style))
    return HS_CHART_THEME_DARK;
  return HS_CHART_THEME_LIGHT;
}

static void
update_theme (HsChartView *self)
{
  if (self->chart == NULL)
    return;
  hs_chart_set_theme (self->chart, current_theme ());
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
style_changed_cb (AdwStyleManager *style,
                  GParamSpec      *pspec,
                  HsChartView     *self)
{
  update_theme (self);
}

/* A screen reader hears the chart's title as its name and the summary the
 * page gives (what the chart shows, in numbers) as its description. */
static void
update_accessible (HsChartView *self)
{
  const char *title = self->chart ? hs_chart_get_title (self->chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  (title != NULL && *title != '\0') ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->summary ? self->summary : "",
                                  -1);
}

static void
hs_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  HsChartView *self = HS_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double draw_width, draw_height, scale;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  /* Below the size a chart can lay itself out in, it is drawn at that
   * size and scaled down as a whole, rather than overlapping its text. */
  scale = MIN (1.0, MIN ((double) width / HS_CHART_MIN_WIDTH, (double) height / HS_CHART_MIN_HEIGHT));
  draw_width = width / scale;
  draw_height = height / scale;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, scale, scale);
  hs_chart_draw (self->chart, cr, draw_width, draw_height);
  cairo_destroy (cr);
}

static void
hs_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  /* A chart can be drawn small (scaled down), so it asks for little and
   * takes what the page gives it. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = HS_CHART_MIN_WIDTH / 2;
      *natural = NATURAL_WIDTH;
    }
  else if (for_size > 0 && for_size < NARROW_WIDTH)
    {
      /* Narrow, a chart puts its labels above its bars and wraps its
       * legend: the same rows need more height, which it asks for. */
      *minimum = NARROW_HEIGHT;
      *natural = NARROW_HEIGHT;
    }
  else
    {
      *minimum = HS_CHART_MIN_HEIGHT / 2;
      *natural = NATURAL_HEIGHT;
    }
}

static GtkSizeRequestMode
hs_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hs_chart_view_dispose (GObject *object)
{
  HsChartView *self = (HsChartView *) object;

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (hs_chart_view_parent_class)->dispose (object);
}

static void
hs_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HsChartView *self = HS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HsChartView *self = HS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      hs_chart_view_set_chart (self, g_value_get_object (value));
      break;
    case PROP_SUMMARY:
      hs_chart_view_set_summary (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_chart_view_class_init (HsChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_chart_view_dispose;
  object_class->get_property = hs_chart_view_get_property;
  object_class->set_property = hs_chart_view_set_property;
  widget_class->snapshot = hs_chart_view_snapshot;
  widget_class->measure = hs_chart_view_measure;
  widget_class->get_request_mode = hs_chart_view_get_request_mode;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, HS_TYPE_CHART,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* What the chart shows, in words, for those who cannot see it. */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hs_chart_view_init (HsChartView *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  /* The chart paints its own background, square: a rounded card clips it. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (style_changed_cb), self, 0);
  g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (style_changed_cb), self, 0);
  update_accessible (self);
}

GtkWidget *
hs_chart_view_new (void)
{
  return g_object_new (HS_TYPE_CHART_VIEW, NULL);
}

/**
 * hs_chart_view_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
HsChart *
hs_chart_view_get_chart (HsChartView *self)
{
  g_return_val_if_fail (HS_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
hs_chart_view_set_chart (HsChartView *self,
                         HsChart     *chart)
{
  g_return_if_fail (HS_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || HS_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;
  update_theme (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

void
hs_chart_view_set_summary (HsChartView *self,
                           const char  *summary)
{
  g_return_if_fail (HS_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->summary, summary) == 0)
    return;
  g_free (self->summary);
  self->summary = g_strdup (summary);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}
