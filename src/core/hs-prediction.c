/* hs-prediction.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <math.h>

#include "hs-model-private.h"
#include "hs-prediction.h"

struct _HsPrediction
{
  GObject     parent_instance;

  char       *horizon;
  HsDate      earliest;
  HsDate      latest;
  double      probability;  /* NAN when the speaker gave no number */
  char       *confidence;
  GListStore *resolutions;  /* of HsResolution, in history order */
};

G_DEFINE_FINAL_TYPE (HsPrediction, hs_prediction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HORIZON,
  PROP_EARLIEST,
  PROP_LATEST,
  PROP_PROBABILITY,
  PROP_CONFIDENCE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hs_prediction_finalize (GObject *object)
{
  HsPrediction *self = (HsPrediction *) object;

  g_clear_pointer (&self->horizon, g_free);
  g_clear_pointer (&self->confidence, g_free);
  g_clear_object (&self->resolutions);

  G_OBJECT_CLASS (hs_prediction_parent_class)->finalize (object);
}

static void
hs_prediction_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HsPrediction *self = HS_PREDICTION (object);

  switch (prop_id)
    {
    case PROP_HORIZON:
      g_value_set_string (value, self->horizon);
      break;
    case PROP_EARLIEST:
      g_value_set_boxed (value, &self->earliest);
      break;
    case PROP_LATEST:
      g_value_set_boxed (value, &self->latest);
      break;
    case PROP_PROBABILITY:
      g_value_set_double (value, isnan (self->probability) ? -1.0 : self->probability);
      break;
    case PROP_CONFIDENCE:
      g_value_set_string (value, self->confidence);
      break;
    case PROP_STATUS:
      g_value_set_int (value, hs_prediction_get_status (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_prediction_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HsPrediction *self = HS_PREDICTION (object);
  double probability;

  switch (prop_id)
    {
    case PROP_HORIZON:
      hs_prediction_set_horizon (self, g_value_get_string (value));
      break;
    case PROP_EARLIEST:
      hs_prediction_set_earliest (self, g_value_get_boxed (value));
      break;
    case PROP_LATEST:
      hs_prediction_set_latest (self, g_value_get_boxed (value));
      break;
    case PROP_PROBABILITY:
      probability = g_value_get_double (value);
      if (probability < 0)
        hs_prediction_clear_probability (self);
      else
        hs_prediction_set_probability (self, probability);
      break;
    case PROP_CONFIDENCE:
      hs_prediction_set_confidence (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_prediction_class_init (HsPredictionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hs_prediction_finalize;
  object_class->get_property = hs_prediction_get_property;
  object_class->set_property = hs_prediction_set_property;

  properties[PROP_HORIZON] = g_param_spec_string ("horizon", NULL, NULL, NULL, flags);
  properties[PROP_EARLIEST] = g_param_spec_boxed ("earliest", NULL, NULL, HS_TYPE_DATE, flags);
  properties[PROP_LATEST] = g_param_spec_boxed ("latest", NULL, NULL, HS_TYPE_DATE, flags);
  /* -1 stands for "no number given" in the property; the C API says it with
   * hs_prediction_has_probability(). */
  properties[PROP_PROBABILITY] =
    g_param_spec_double ("probability", NULL, NULL, -1.0, 1.0, -1.0, flags);
  properties[PROP_CONFIDENCE] = g_param_spec_string ("confidence", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, HS_STATUS_OPEN, HS_STATUS_AMBIGUOUS, HS_STATUS_OPEN,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_prediction_init (HsPrediction *self)
{
  self->probability = NAN;
  self->resolutions = g_list_store_new (HS_TYPE_RESOLUTION);
}

HsPrediction *
hs_prediction_new (const char *horizon)
{
  return g_object_new (HS_TYPE_PREDICTION, "horizon", horizon, NULL);
}

HS_DEFINE_STRING_ACCESSORS (HsPrediction, hs_prediction, HS_IS_PREDICTION, horizon, PROP_HORIZON)
HS_DEFINE_STRING_ACCESSORS (HsPrediction, hs_prediction, HS_IS_PREDICTION, confidence, PROP_CONFIDENCE)
HS_DEFINE_DATE_ACCESSORS (HsPrediction, hs_prediction, HS_IS_PREDICTION, earliest, PROP_EARLIEST)
HS_DEFINE_DATE_ACCESSORS (HsPrediction, hs_prediction, HS_IS_PREDICTION, latest, PROP_LATEST)

gboolean
hs_prediction_is_open_ended (HsPrediction *self)
{
  g_return_val_if_fail (HS_IS_PREDICTION (self), FALSE);
  return !hs_date_is_set (&self->latest);
}

gboolean
hs_prediction_has_probability (HsPrediction *self)
{
  g_return_val_if_fail (HS_IS_PREDICTION (self), FALSE);
  return !isnan (self->probability);
}

double
hs_prediction_get_probability (HsPrediction *self)
{
  g_return_val_if_fail (HS_IS_PREDICTION (self), NAN);
  return self->probability;
}

void
hs_prediction_set_probability (HsPrediction *self,
                               double        value)
{
  g_return_if_fail (HS_IS_PREDICTION (self));
  g_return_if_fail (value >= 0.0 && value <= 1.0);

  if (self->probability == value)
    return;
  self->probability = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBABILITY]);
}

void
hs_prediction_clear_probability (HsPrediction *self)
{
  g_return_if_fail (HS_IS_PREDICTION (self));

  if (isnan (self->probability))
    return;
  self->probability = NAN;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBABILITY]);
}

/**
 * hs_prediction_get_resolutions:
 *
 * Returns: (transfer none): the history, oldest first; the last item is the
 *   current status
 */
GListModel *
hs_prediction_get_resolutions (HsPrediction *self)
{
  g_return_val_if_fail (HS_IS_PREDICTION (self), NULL);
  return G_LIST_MODEL (self->resolutions);
}

static int
compare_resolutions (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  return hs_resolution_compare ((HsResolution *) a, (HsResolution *) b);
}

void
hs_prediction_add_resolution (HsPrediction *self,
                              HsResolution *resolution)
{
  HsStatus before;

  g_return_if_fail (HS_IS_PREDICTION (self));
  g_return_if_fail (HS_IS_RESOLUTION (resolution));

  before = hs_prediction_get_status (self);
  g_list_store_insert_sorted (self->resolutions, resolution, compare_resolutions, NULL);
  if (before != hs_prediction_get_status (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gboolean
hs_prediction_remove_resolution (HsPrediction *self,
                                 const char   *id)
{
  guint n;

  g_return_val_if_fail (HS_IS_PREDICTION (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->resolutions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HsResolution) item = g_list_model_get_item (G_LIST_MODEL (self->resolutions), i);

      if (g_strcmp0 (hs_resolution_get_id (item), id) == 0)
        {
          HsStatus before = hs_prediction_get_status (self);

          g_list_store_remove (self->resolutions, i);
          if (before != hs_prediction_get_status (self))
            g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * hs_prediction_find_resolution:
 *
 * Returns: (transfer none) (nullable): the entry with @id
 */
HsResolution *
hs_prediction_find_resolution (HsPrediction *self,
                               const char   *id)
{
  guint n;

  g_return_val_if_fail (HS_IS_PREDICTION (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->resolutions));
  for (guint i = 0; i < n; i++)
    {
      HsResolution *item = g_list_model_get_item (G_LIST_MODEL (self->resolutions), i);

      /* The store holds a reference, so the borrowed pointer stays valid. */
      g_object_unref (item);
      if (g_strcmp0 (hs_resolution_get_id (item), id) == 0)
        return item;
    }

  return NULL;
}

/**
 * hs_prediction_get_current:
 *
 * Returns: (transfer none) (nullable): the entry that sets the current status
 */
HsResolution *
hs_prediction_get_current (HsPrediction *self)
{
  guint n;
  HsResolution *last;

  g_return_val_if_fail (HS_IS_PREDICTION (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->resolutions));
  if (n == 0)
    return NULL;
  last = g_list_model_get_item (G_LIST_MODEL (self->resolutions), n - 1);
  g_object_unref (last);
  return last;
}

HsStatus
hs_prediction_get_status (HsPrediction *self)
{
  HsResolution *current;

  g_return_val_if_fail (HS_IS_PREDICTION (self), HS_STATUS_OPEN);

  current = hs_prediction_get_current (self);
  return current != NULL ? hs_resolution_get_status (current) : HS_STATUS_OPEN;
}

/* Overdue: still open although the last day it could resolve has passed. */
gboolean
hs_prediction_is_overdue (HsPrediction *self,
                          const HsDate *today)
{
  g_return_val_if_fail (HS_IS_PREDICTION (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return hs_prediction_get_status (self) == HS_STATUS_OPEN &&
         hs_date_is_set (&self->latest) &&
         hs_date_compare (&self->latest, today) < 0;
}

/* Compares what was predicted, not its history: histories are merged entry
 * by entry, so a longer history is never a conflict by itself. */
const char *
hs_prediction_differs (HsPrediction *a,
                       HsPrediction *b)
{
  g_return_val_if_fail (HS_IS_PREDICTION (a) && HS_IS_PREDICTION (b), NULL);

  if (g_strcmp0 (a->horizon, b->horizon) != 0)
    return "prediction.horizon";
  if (!hs_date_equal (&a->earliest, &b->earliest))
    return "prediction.earliest";
  if (!hs_date_equal (&a->latest, &b->latest))
    return "prediction.latest";
  if (isnan (a->probability) != isnan (b->probability) ||
      (!isnan (a->probability) && a->probability != b->probability))
    return "prediction.probability";
  if (g_strcmp0 (a->confidence, b->confidence) != 0)
    return "prediction.confidence";
  return NULL;
}
