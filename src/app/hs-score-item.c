/* hs-score-item.c: one speaker's scorecard row, as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scorecard table is a column view declared in a .ui file: its cells
 * and sorters look values up by property name, so each HsScoreRow becomes
 * an object whose properties are the row's figures and their wording.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hs-format.h"
#include "hs-score-item.h"

/* A row with nothing to score sorts below every score (hit rate) or above
 * every score (Brier, where lower is better): last either way when sorted
 * best first. */
#define NO_HIT_RATE -1.0
#define NO_BRIER     2.0

struct _HsScoreItem
{
  GObject     parent_instance;

  HsScoreRow *row;
  char       *speaker_name;
};

G_DEFINE_FINAL_TYPE (HsScoreItem, hs_score_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SPEAKER_ID,
  PROP_SPEAKER_NAME,
  PROP_PREDICTIONS,
  PROP_RESOLVED,
  PROP_CONFIRMED,
  PROP_PARTIAL,
  PROP_REFUTED,
  PROP_AMBIGUOUS,
  PROP_OPEN,
  PROP_OVERDUE,
  PROP_HIT_RATE,
  PROP_HIT_RATE_TEXT,
  PROP_HIT_RATE_DESCRIPTION,
  PROP_BRIER,
  PROP_BRIER_TEXT,
  PROP_BRIER_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "62% [35–84%]": the hit rate and its 95% interval, or "—" when no
 * prediction is confirmed, partly confirmed or refuted. */
char *
hs_score_item_format_hit_rate (const HsScoreRow *row)
{
  if (row == NULL || isnan (row->hit_rate))
    return g_strdup ("—");
  /* Translators: a hit rate and its 95% interval, "62% [35–84%]" */
  return g_strdup_printf (_("%.0f%% [%.0f–%.0f%%]"), row->hit_rate * 100.0, row->hit_low * 100.0,
                          row->hit_high * 100.0);
}

/* "0.18", or "—" when no resolved prediction had a stated probability. */
char *
hs_score_item_format_brier (const HsScoreRow *row)
{
  if (row == NULL || row->brier_count == 0 || isnan (row->brier))
    return g_strdup ("—");
  return g_strdup_printf ("%.2f", row->brier);
}

static char *
describe_hit_rate (const HsScoreRow *row)
{
  guint scored = row->confirmed + row->partial + row->refuted;

  if (isnan (row->hit_rate))
    return g_strdup (_("No hit rate: no prediction confirmed, partially confirmed or refuted yet"));
  /* Translators: the tooltip of a hit rate cell */
  return g_strdup_printf (ngettext ("Hit rate %.0f%%, 95%% interval %.0f–%.0f%%, from %u prediction",
                                    "Hit rate %.0f%%, 95%% interval %.0f–%.0f%%, from %u predictions",
                                    scored),
                          row->hit_rate * 100.0, row->hit_low * 100.0, row->hit_high * 100.0, scored);
}

static char *
describe_brier (const HsScoreRow *row)
{
  if (row->brier_count == 0 || isnan (row->brier))
    return g_strdup (_("No Brier score: no resolved prediction had a stated probability"));
  if (row->brier_words > 0)
    /* Translators: the tooltip of a Brier score cell when confidence words
     * are scored: "Brier score 0.180 over 5 predictions, 3 of them scored
     * from their words" */
    return g_strdup_printf (ngettext ("Brier score %.3f over %u prediction, %u of them scored from their words",
                                      "Brier score %.3f over %u predictions, %u of them scored from their words",
                                      row->brier_count),
                            row->brier, row->brier_count, row->brier_words);
  /* Translators: the tooltip of a Brier score cell */
  return g_strdup_printf (ngettext ("Brier score %.3f over %u prediction with a stated probability",
                                    "Brier score %.3f over %u predictions with a stated probability",
                                    row->brier_count),
                          row->brier, row->brier_count);
}

static void
hs_score_item_finalize (GObject *object)
{
  HsScoreItem *self = (HsScoreItem *) object;

  g_clear_pointer (&self->row, hs_score_row_free);
  g_clear_pointer (&self->speaker_name, g_free);

  G_OBJECT_CLASS (hs_score_item_parent_class)->finalize (object);
}

static void
hs_score_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HsScoreItem *self = HS_SCORE_ITEM (object);
  const HsScoreRow *row = self->row;

  switch (prop_id)
    {
    case PROP_SPEAKER_ID:
      g_value_set_string (value, row->speaker ? hs_speaker_get_id (row->speaker) : NULL);
      break;
    case PROP_SPEAKER_NAME:
      g_value_set_string (value, self->speaker_name);
      break;
    case PROP_PREDICTIONS:
      g_value_set_uint (value, row->predictions);
      break;
    case PROP_RESOLVED:
      g_value_set_uint (value, row->resolved);
      break;
    case PROP_CONFIRMED:
      g_value_set_uint (value, row->confirmed);
      break;
    case PROP_PARTIAL:
      g_value_set_uint (value, row->partial);
      break;
    case PROP_REFUTED:
      g_value_set_uint (value, row->refuted);
      break;
    case PROP_AMBIGUOUS:
      g_value_set_uint (value, row->ambiguous);
      break;
    case PROP_OPEN:
      g_value_set_uint (value, row->open);
      break;
    case PROP_OVERDUE:
      g_value_set_uint (value, row->overdue);
      break;
    case PROP_HIT_RATE:
      g_value_set_double (value, isnan (row->hit_rate) ? NO_HIT_RATE : row->hit_rate);
      break;
    case PROP_HIT_RATE_TEXT:
      g_value_take_string (value, hs_score_item_format_hit_rate (row));
      break;
    case PROP_HIT_RATE_DESCRIPTION:
      g_value_take_string (value, describe_hit_rate (row));
      break;
    case PROP_BRIER:
      g_value_set_double (value, (row->brier_count == 0 || isnan (row->brier)) ? NO_BRIER : row->brier);
      break;
    case PROP_BRIER_TEXT:
      g_value_take_string (value, hs_score_item_format_brier (row));
      break;
    case PROP_BRIER_DESCRIPTION:
      g_value_take_string (value, describe_brier (row));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_score_item_class_init (HsScoreItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hs_score_item_finalize;
  object_class->get_property = hs_score_item_get_property;

  properties[PROP_SPEAKER_ID] = g_param_spec_string ("speaker-id", NULL, NULL, NULL, flags);
  /* "Tang Jie 唐杰" */
  properties[PROP_SPEAKER_NAME] = g_param_spec_string ("speaker-name", NULL, NULL, NULL, flags);
  properties[PROP_PREDICTIONS] = g_param_spec_uint ("predictions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_RESOLVED] = g_param_spec_uint ("resolved", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CONFIRMED] = g_param_spec_uint ("confirmed", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PARTIAL] = g_param_spec_uint ("partial", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_REFUTED] = g_param_spec_uint ("refuted", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_AMBIGUOUS] = g_param_spec_uint ("ambiguous", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_OPEN] = g_param_spec_uint ("open", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_OVERDUE] = g_param_spec_uint ("overdue", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* For sorting: the rate in [0, 1], or -1 when there is none. */
  properties[PROP_HIT_RATE] = g_param_spec_double ("hit-rate", NULL, NULL, -1, 1, -1, flags);
  properties[PROP_HIT_RATE_TEXT] = g_param_spec_string ("hit-rate-text", NULL, NULL, NULL, flags);
  properties[PROP_HIT_RATE_DESCRIPTION] =
    g_param_spec_string ("hit-rate-description", NULL, NULL, NULL, flags);
  /* For sorting: the score in [0, 1], or 2 when there is none. */
  properties[PROP_BRIER] = g_param_spec_double ("brier", NULL, NULL, 0, 2, 2, flags);
  properties[PROP_BRIER_TEXT] = g_param_spec_string ("brier-text", NULL, NULL, NULL, flags);
  properties[PROP_BRIER_DESCRIPTION] = g_param_spec_string ("brier-description", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_score_item_init (HsScoreItem *self)
{
}

HsScoreItem *
hs_score_item_new (const HsScoreRow *row)
{
  HsScoreItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (HS_TYPE_SCORE_ITEM, NULL);
  self->row = hs_score_row_copy (row);
  self->speaker_name = hs_format_speaker_name (row->speaker);
  return self;
}

/**
 * hs_score_item_get_row:
 *
 * Returns: (transfer none): the row
 */
const HsScoreRow *
hs_score_item_get_row (HsScoreItem *self)
{
  g_return_val_if_fail (HS_IS_SCORE_ITEM (self), NULL);
  return self->row;
}
