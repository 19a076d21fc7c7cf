/* hs-reverse-list-model.c: a list model read backwards, or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store sorts predictions by resolve-by date soonest first, and a lazy
 * list loads only the rows it shows. Latest first is the same list read
 * from the other end: reversing positions keeps it lazy, where a
 * GtkSortListModel would load every row to compare them.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include "hs-reverse-list-model.h"

struct _HsReverseListModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       n_items;   /* the model's length before its last change */
  gboolean    reversed;
};

static void hs_reverse_list_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsReverseListModel, hs_reverse_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hs_reverse_list_model_list_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_REVERSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
hs_reverse_list_model_get_item_type (GListModel *list)
{
  HsReverseListModel *self = HS_REVERSE_LIST_MODEL (list);

  return g_list_model_get_item_type (self->model);
}

static guint
hs_reverse_list_model_get_n_items (GListModel *list)
{
  HsReverseListModel *self = HS_REVERSE_LIST_MODEL (list);

  return self->n_items;
}

static gpointer
hs_reverse_list_model_get_item (GListModel *list,
                                guint       position)
{
  HsReverseListModel *self = HS_REVERSE_LIST_MODEL (list);

  if (position >= self->n_items)
    return NULL;
  return g_list_model_get_item (self->model, self->reversed ? self->n_items - 1 - position : position);
}

static void
hs_reverse_list_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = hs_reverse_list_model_get_item_type;
  iface->get_n_items = hs_reverse_list_model_get_n_items;
  iface->get_item = hs_reverse_list_model_get_item;
}

/* A change to rows [position, position + removed) of the model is, read
 * backwards, a change to as many rows ending as far from the end. */
static void
items_changed_cb (GListModel         *model,
                  guint               position,
                  guint               removed,
                  guint               added,
                  HsReverseListModel *self)
{
  guint before = self->n_items;

  self->n_items = g_list_model_get_n_items (model);
  if (self->reversed)
    position = before - position - removed;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
hs_reverse_list_model_dispose (GObject *object)
{
  HsReverseListModel *self = (HsReverseListModel *) object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (hs_reverse_list_model_parent_class)->dispose (object);
}

static void
hs_reverse_list_model_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HsReverseListModel *self = HS_REVERSE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_REVERSED:
      g_value_set_boolean (value, self->reversed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_reverse_list_model_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HsReverseListModel *self = HS_REVERSE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      self->n_items = g_list_model_get_n_items (self->model);
      g_signal_connect (self->model, "items-changed", G_CALLBACK (items_changed_cb), self);
      break;
    case PROP_REVERSED:
      hs_reverse_list_model_set_reversed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_reverse_list_model_class_init (HsReverseListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hs_reverse_list_model_dispose;
  object_class->get_property = hs_reverse_list_model_get_property;
  object_class->set_property = hs_reverse_list_model_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REVERSED] =
    g_param_spec_boolean ("reversed", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_reverse_list_model_init (HsReverseListModel *self)
{
}

HsReverseListModel *
hs_reverse_list_model_new (GListModel *model)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  return g_object_new (HS_TYPE_REVERSE_LIST_MODEL, "model", model, NULL);
}

/**
 * hs_reverse_list_model_get_model:
 *
 * Returns: (transfer none): the model read
 */
GListModel *
hs_reverse_list_model_get_model (HsReverseListModel *self)
{
  g_return_val_if_fail (HS_IS_REVERSE_LIST_MODEL (self), NULL);
  return self->model;
}

gboolean
hs_reverse_list_model_get_reversed (HsReverseListModel *self)
{
  g_return_val_if_fail (HS_IS_REVERSE_LIST_MODEL (self), FALSE);
  return self->reversed;
}

void
hs_reverse_list_model_set_reversed (HsReverseListModel *self,
                                    gboolean            reversed)
{
  g_return_if_fail (HS_IS_REVERSE_LIST_MODEL (self));

  reversed = !!reversed;
  if (self->reversed == reversed)
    return;
  self->reversed = reversed;
  if (self->n_items > 1)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->n_items, self->n_items);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVERSED]);
}
