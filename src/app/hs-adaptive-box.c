/* hs-adaptive-box.c: two children side by side when wide, stacked when narrow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2 has no breakpoints (AdwBreakpoint is 1.4), so a page that
 * puts a table and its charts side by side on a wide window and one under
 * the other on a narrow one decides it here, at allocation, from the width
 * it is given. It is a height-for-width container: stacked, it asks for
 * the height of both children, which a scrolled window then scrolls.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include "hs-adaptive-box.h"

struct _HsAdaptiveBox
{
  GtkWidget  parent_instance;

  GtkWidget *start_child;
  GtkWidget *end_child;
  int        threshold;
  int        spacing;
  gboolean   wide;
};

G_DEFINE_FINAL_TYPE (HsAdaptiveBox, hs_adaptive_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_START_CHILD,
  PROP_END_CHILD,
  PROP_THRESHOLD,
  PROP_SPACING,
  PROP_WIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
shown (GtkWidget *child)
{
  return child != NULL && gtk_widget_should_layout (child);
}

static void
measure_child (GtkWidget      *child,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural)
{
  *minimum = *natural = 0;
  if (shown (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

/* Side by side, the end child takes its natural width, but never less than
 * its minimum nor more than half the box. */
static int
end_width (HsAdaptiveBox *self,
           int            width)
{
  int minimum, natural;

  if (!shown (self->end_child))
    return 0;
  if (!shown (self->start_child))
    return width;
  measure_child (self->end_child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural);
  return MAX (minimum, MIN (natural, (width - self->spacing) / 2));
}

static gboolean
both_shown (HsAdaptiveBox *self)
{
  return shown (self->start_child) && shown (self->end_child);
}

static void
hs_adaptive_box_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  HsAdaptiveBox *self = HS_ADAPTIVE_BOX (widget);
  int start_min, start_nat, end_min, end_nat;
  int spacing = both_shown (self) ? self->spacing : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Narrow enough, the children are stacked: the box is as narrow as
       * the wider of their minimums. */
      measure_child (self->start_child, orientation, -1, &start_min, &start_nat);
      measure_child (self->end_child, orientation, -1, &end_min, &end_nat);
      *minimum = MAX (start_min, end_min);
      *natural = MAX (start_nat + spacing + end_nat, *minimum);
      return;
    }

  if (for_size < 0 || for_size >= self->threshold)
    {
      int end_w = for_size < 0 ? -1 : end_width (self, for_size);
      int start_w = for_size < 0 ? -1 : MAX (0, for_size - spacing - end_w);

      measure_child (self->start_child, orientation, start_w, &start_min, &start_nat);
      measure_child (self->end_child, orientation, end_w, &end_min, &end_nat);
      *minimum = MAX (start_min, end_min);
      *natural = MAX (start_nat, end_nat);
    }
  else
    {
      measure_child (self->start_child, orientation, for_size, &start_min, &start_nat);
      measure_child (self->end_child, orientation, for_size, &end_min, &end_nat);
      *minimum = start_min + spacing + end_min;
      *natural = start_nat + spacing + end_nat;
    }
}

static GtkSizeRequestMode
hs_adaptive_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
allocate_child (GtkWidget *child,
                int        x,
                int        y,
                int        width,
                int        height)
{
  if (shown (child))
    gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
hs_adaptive_box_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  HsAdaptiveBox *self = HS_ADAPTIVE_BOX (widget);
  gboolean wide = width >= self->threshold;
  int spacing = both_shown (self) ? self->spacing : 0;

  if (wide)
    {
      int end_w = end_width (self, width);
      int start_w = MAX (0, width - spacing - end_w);
      gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

      allocate_child (self->start_child, rtl ? end_w + spacing : 0, 0, start_w, height);
      allocate_child (self->end_child, rtl ? 0 : start_w + spacing, 0, end_w, height);
    }
  else
    {
      int start_min, start_nat, end_min, end_nat, start_h;

      measure_child (self->start_child, GTK_ORIENTATION_VERTICAL, width, &start_min, &start_nat);
      measure_child (self->end_child, GTK_ORIENTATION_VERTICAL, width, &end_min, &end_nat);
      start_h = start_nat;
      if (start_h + spacing + end_min > height)
        start_h = MAX (start_min, height - spacing - end_min);
      allocate_child (self->start_child, 0, 0, width, start_h);
      allocate_child (self->end_child, 0, start_h + spacing, width, MAX (0, height - start_h - spacing));
    }

  if (self->wide != wide)
    {
      self->wide = wide;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDE]);
    }
}

/* The box expands the way its children do, as a GtkBox would. */
static void
hs_adaptive_box_compute_expand (GtkWidget *widget,
                                gboolean  *hexpand,
                                gboolean  *vexpand)
{
  HsAdaptiveBox *self = HS_ADAPTIVE_BOX (widget);
  GtkWidget *children[] = { self->start_child, self->end_child };

  *hexpand = *vexpand = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    if (children[i] != NULL)
      {
        *hexpand |= gtk_widget_compute_expand (children[i], GTK_ORIENTATION_HORIZONTAL);
        *vexpand |= gtk_widget_compute_expand (children[i], GTK_ORIENTATION_VERTICAL);
      }
}

static void
set_child (HsAdaptiveBox  *self,
           GtkWidget     **slot,
           GtkWidget      *child,
           GParamSpec     *pspec)
{
  if (*slot == child)
    return;
  if (*slot != NULL)
    gtk_widget_unparent (*slot);
  *slot = child;
  if (child != NULL)
    {
      /* The end child always comes after the start child, for the focus
       * chain and for screen readers. */
      if (slot == &self->start_child)
        gtk_widget_insert_after (child, GTK_WIDGET (self), NULL);
      else
        gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
hs_adaptive_box_dispose (GObject *object)
{
  HsAdaptiveBox *self = (HsAdaptiveBox *) object;

  g_clear_pointer (&self->start_child, gtk_widget_unparent);
  g_clear_pointer (&self->end_child, gtk_widget_unparent);

  G_OBJECT_CLASS (hs_adaptive_box_parent_class)->dispose (object);
}

static void
hs_adaptive_box_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HsAdaptiveBox *self = HS_ADAPTIVE_BOX (object);

  switch (prop_id)
    {
    case PROP_START_CHILD:
      g_value_set_object (value, self->start_child);
      break;
    case PROP_END_CHILD:
      g_value_set_object (value, self->end_child);
      break;
    case PROP_THRESHOLD:
      g_value_set_int (value, self->threshold);
      break;
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_WIDE:
      g_value_set_boolean (value, self->wide);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_adaptive_box_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HsAdaptiveBox *self = HS_ADAPTIVE_BOX (object);

  switch (prop_id)
    {
    case PROP_START_CHILD:
      hs_adaptive_box_set_start_child (self, g_value_get_object (value));
      break;
    case PROP_END_CHILD:
      hs_adaptive_box_set_end_child (self, g_value_get_object (value));
      break;
    case PROP_THRESHOLD:
      hs_adaptive_box_set_threshold (self, g_value_get_int (value));
      break;
    case PROP_SPACING:
      if (self->spacing != g_value_get_int (value))
        {
          self->spacing = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_adaptive_box_class_init (HsAdaptiveBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = hs_adaptive_box_dispose;
  object_class->get_property = hs_adaptive_box_get_property;
  object_class->set_property = hs_adaptive_box_set_property;
  widget_class->measure = hs_adaptive_box_measure;
  widget_class->size_allocate = hs_adaptive_box_size_allocate;
  widget_class->get_request_mode = hs_adaptive_box_get_request_mode;
  widget_class->compute_expand = hs_adaptive_box_compute_expand;

  properties[PROP_START_CHILD] = g_param_spec_object ("start-child", NULL, NULL, GTK_TYPE_WIDGET, flags);
  properties[PROP_END_CHILD] = g_param_spec_object ("end-child", NULL, NULL, GTK_TYPE_WIDGET, flags);
  /* The narrowest width at which the children go side by side. */
  properties[PROP_THRESHOLD] = g_param_spec_int ("threshold", NULL, NULL, 0, G_MAXINT, 900, flags);
  properties[PROP_SPACING] = g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 18, flags);
  properties[PROP_WIDE] = g_param_spec_boolean ("wide", NULL, NULL, TRUE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "adaptivebox");
}

static void
hs_adaptive_box_init (HsAdaptiveBox *self)
{
  self->threshold = 900;
  self->spacing = 18;
  self->wide = TRUE;
}

GtkWidget *
hs_adaptive_box_new (void)
{
  return g_object_new (HS_TYPE_ADAPTIVE_BOX, NULL);
}

GtkWidget *
hs_adaptive_box_get_start_child (HsAdaptiveBox *self)
{
  g_return_val_if_fail (HS_IS_ADAPTIVE_BOX (self), NULL);
  return self->start_child;
}

void
hs_adaptive_box_set_start_child (HsAdaptiveBox *self,
                                 GtkWidget     *child)
{
  g_return_if_fail (HS_IS_ADAPTIVE_BOX (self));
  set_child (self, &self->start_child, child, properties[PROP_START_CHILD]);
}

GtkWidget *
hs_adaptive_box_get_end_child (HsAdaptiveBox *self)
{
  g_return_val_if_fail (HS_IS_ADAPTIVE_BOX (self), NULL);
  return self->end_child;
}

void
hs_adaptive_box_set_end_child (HsAdaptiveBox *self,
                               GtkWidget     *child)
{
  g_return_if_fail (HS_IS_ADAPTIVE_BOX (self));
  set_child (self, &self->end_child, child, properties[PROP_END_CHILD]);
}

int
hs_adaptive_box_get_threshold (HsAdaptiveBox *self)
{
  g_return_val_if_fail (HS_IS_ADAPTIVE_BOX (self), 0);
  return self->threshold;
}

void
hs_adaptive_box_set_threshold (HsAdaptiveBox *self,
                               int            threshold)
{
  g_return_if_fail (HS_IS_ADAPTIVE_BOX (self));

  if (self->threshold == threshold)
    return;
  self->threshold = threshold;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLD]);
}

/* Whether the children were last laid out side by side. */
gboolean
hs_adaptive_box_get_wide (HsAdaptiveBox *self)
{
  g_return_val_if_fail (HS_IS_ADAPTIVE_BOX (self), FALSE);
  return self->wide;
}
