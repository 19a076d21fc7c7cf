/* hs-claim.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include "hs-claim.h"
#include "hs-model-private.h"

struct _HsClaim
{
  GObject       parent_instance;

  char         *id;
  char         *speaker_id;
  char         *source_id;
  char         *text;
  char         *quote;
  char         *original_text;
  char         *original_language;
  char         *locator;
  HsDate        stated_on;
  char        **topics;
  GPtrArray    *relations;
  HsPrediction *prediction;

  /* Attached by the store when it loads the claim, so that a list row or a
   * JSON line can show who said it and where without another query. */
  HsSpeaker    *speaker;
  HsSource     *source;
};

G_DEFINE_FINAL_TYPE (HsClaim, hs_claim, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (HsRelation, hs_relation, hs_relation_copy, hs_relation_free)

enum {
  PROP_0,
  PROP_ID,
  PROP_SPEAKER_ID,
  PROP_SOURCE_ID,
  PROP_TEXT,
  PROP_QUOTE,
  PROP_ORIGINAL_TEXT,
  PROP_ORIGINAL_LANGUAGE,
  PROP_LOCATOR,
  PROP_STATED_ON,
  PROP_TOPICS,
  PROP_PREDICTION,
  PROP_SPEAKER,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

HsRelation *
hs_relation_new (HsRelationKind  kind,
                 const char     *claim_id,
                 const char     *note)
{
  HsRelation *self = g_new0 (HsRelation, 1);

  self->kind = kind;
  self->claim_id = g_strdup (claim_id);
  self->note = (note != NULL && *note != '\0') ? g_strdup (note) : NULL;

  return self;
}

HsRelation *
hs_relation_copy (const HsRelation *self)
{
  return hs_relation_new (self->kind, self->claim_id, self->note);
}

void
hs_relation_free (HsRelation *self)
{
  if (self == NULL)
    return;
  g_free (self->claim_id);
  g_free (self->note);
  g_free (self);
}

gboolean
hs_relation_equal (const HsRelation *a,
                   const HsRelation *b)
{
  return a->kind == b->kind &&
         g_strcmp0 (a->claim_id, b->claim_id) == 0 &&
         g_strcmp0 (a->note, b->note) == 0;
}

static void
hs_claim_finalize (GObject *object)
{
  HsClaim *self = (HsClaim *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->speaker_id, g_free);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->original_text, g_free);
  g_clear_pointer (&self->original_language, g_free);
  g_clear_pointer (&self->locator, g_free);
  g_clear_pointer (&self->topics, g_strfreev);
  g_clear_pointer (&self->relations, g_ptr_array_unref);
  g_clear_object (&self->prediction);
  g_clear_object (&self->speaker);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (hs_claim_parent_class)->finalize (object);
}

static void
hs_claim_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HsClaim *self = HS_CLAIM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SPEAKER_ID:
      g_value_set_string (value, self->speaker_id);
      break;
    case PROP_SOURCE_ID:
      g_value_set_string (value, self->source_id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case PROP_ORIGINAL_TEXT:
      g_value_set_string (value, self->original_text);
      break;
    case PROP_ORIGINAL_LANGUAGE:
      g_value_set_string (value, self->original_language);
      break;
    case PROP_LOCATOR:
      g_value_set_string (value, self->locator);
      break;
    case PROP_STATED_ON:
      g_value_set_boxed (value, &self->stated_on);
      break;
    case PROP_TOPICS:
      g_value_set_boxed (value, self->topics);
      break;
    case PROP_PREDICTION:
      g_value_set_object (value, self->prediction);
      break;
    case PROP_SPEAKER:
      g_value_set_object (value, self->speaker);
      break;
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_claim_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  HsClaim *self = HS_CLAIM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_SPEAKER_ID:
      hs_claim_set_speaker_id (self, g_value_get_string (value));
      break;
    case PROP_SOURCE_ID:
      hs_claim_set_source_id (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      hs_claim_set_text (self, g_value_get_string (value));
      break;
    case PROP_QUOTE:
      hs_claim_set_quote (self, g_value_get_string (value));
      break;
    case PROP_ORIGINAL_TEXT:
      hs_claim_set_original_text (self, g_value_get_string (value));
      break;
    case PROP_ORIGINAL_LANGUAGE:
      hs_claim_set_original_language (self, g_value_get_string (value));
      break;
    case PROP_LOCATOR:
      hs_claim_set_locator (self, g_value_get_string (value));
      break;
    case PROP_STATED_ON:
      hs_claim_set_stated_on (self, g_value_get_boxed (value));
      break;
    case PROP_TOPICS:
      hs_claim_set_topics (self, g_value_get_boxed (value));
      break;
    case PROP_PREDICTION:
      hs_claim_set_prediction (self, g_value_get_object (value));
      break;
    case PROP_SPEAKER:
      hs_claim_set_speaker (self, g_value_get_object (value));
      break;
    case PROP_SOURCE:
      hs_claim_set_source (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_claim_class_init (HsClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hs_claim_finalize;
  object_class->get_property = hs_claim_get_property;
  object_class->set_property = hs_claim_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SPEAKER_ID] = g_param_spec_string ("speaker-id", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_ID] = g_param_spec_string ("source-id", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_QUOTE] = g_param_spec_string ("quote", NULL, NULL, NULL, flags);
  properties[PROP_ORIGINAL_TEXT] = g_param_spec_string ("original-text", NULL, NULL, NULL, flags);
  properties[PROP_ORIGINAL_LANGUAGE] =
    g_param_spec_string ("original-language", NULL, NULL, NULL, flags);
  properties[PROP_LOCATOR] = g_param_spec_string ("locator", NULL, NULL, NULL, flags);
  properties[PROP_STATED_ON] = g_param_spec_boxed ("stated-on", NULL, NULL, HS_TYPE_DATE, flags);
  properties[PROP_TOPICS] = g_param_spec_boxed ("topics", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_PREDICTION] =
    g_param_spec_object ("prediction", NULL, NULL, HS_TYPE_PREDICTION, flags);
  properties[PROP_SPEAKER] = g_param_spec_object ("speaker", NULL, NULL, HS_TYPE_SPEAKER, flags);
  properties[PROP_SOURCE] = g_param_spec_object ("source", NULL, NULL, HS_TYPE_SOURCE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_claim_init (HsClaim *self)
{
  self->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_relation_free);
}

HsClaim *
hs_claim_new (const char *id,
              const char *speaker_id,
              const char *text)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (HS_TYPE_CLAIM, "id", id, "speaker-id", speaker_id, "text", text, NULL);
}

const char *
hs_claim_get_id (HsClaim *self)
{
  g_return_val_if_fail (HS_IS_CLAIM (self), NULL);
  return self->id;
}

HS_DEFINE_STRING_ACCESSORS (HsClaim, hs_claim, HS_IS_CLAIM, speaker_id, PROP_SPEAKER_ID)
HS_DEFINE_STRING_ACCESSORS (HsClaim, hs_claim, HS_IS_CLAIM, source_id, PROP_SOURCE_ID)
HS_DEFINE_STRING_ACCESSORS (HsClaim, hs_claim, HS_IS_CLAIM, text, PROP_TEXT)
HS_DEFINE_STRING_ACCESSORS (HsClaim, hs_claim, HS_IS_CLAIM, quote, PROP_QUOTE)
HS_DEFINE_STRING_ACCESSORS (HsClaim, hs_claim, HS_IS_CLAIM, original_text, PROP_ORIGINAL_TEXT)
HS_DEFINE_STRING_ACCESSORS (HsClaim, hs_claim, HS_IS_CLAIM, original_language, PROP_ORIGINAL_LANGUAGE)
HS_DEFINE_STRING_ACCESSORS (HsClaim, hs_claim, HS_IS_CLAIM, locator, PROP_LOCATOR)
HS_DEFINE_DATE_ACCESSORS (HsClaim, hs_claim, HS_IS_CLAIM, stated_on, PROP_STATED_ON)

const char * const *
hs_claim_get_topics (HsClaim *self)
{
  g_return_val_if_fail (HS_IS_CLAIM (self), NULL);
  return (const char * const *) self->topics;
}

void
hs_claim_set_topics (HsClaim            *self,
                     const char * const *topics)
{
  g_return_if_fail (HS_IS_CLAIM (self));
  if (hs_set_strv (&self->topics, topics))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPICS]);
}

/**
 * hs_claim_get_relations:
 *
 * Returns: (transfer none) (element-type HsRelation): this claim's outgoing
 *   relations
 */
GPtrArray *
hs_claim_get_relations (HsClaim *self)
{
  g_return_val_if_fail (HS_IS_CLAIM (self), NULL);
  return self->relations;
}

/* Takes ownership of @relation. */
void
hs_claim_add_relation (HsClaim    *self,
                       HsRelation *relation)
{
  g_return_if_fail (HS_IS_CLAIM (self));
  g_return_if_fail (relation != NULL);
  g_ptr_array_add (self->relations, relation);
}

void
hs_claim_clear_relations (HsClaim *self)
{
  g_return_if_fail (HS_IS_CLAIM (self));
  g_ptr_array_set_size (self->relations, 0);
}

/**
 * hs_claim_get_prediction:
 *
 * Returns: (transfer none) (nullable): the prediction, when the claim is one
 */
HsPrediction *
hs_claim_get_prediction (HsClaim *self)
{
  g_return_val_if_fail (HS_IS_CLAIM (self), NULL);
  return self->prediction;
}

void
hs_claim_set_prediction (HsClaim      *self,
                         HsPrediction *prediction)
{
  g_return_if_fail (HS_IS_CLAIM (self));
  if (g_set_object (&self->prediction, prediction))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREDICTION]);
}

gboolean
hs_claim_is_prediction (HsClaim *self)
{
  g_return_val_if_fail (HS_IS_CLAIM (self), FALSE);
  return self->prediction != NULL;
}

/**
 * hs_claim_get_speaker:
 *
 * Returns: (transfer none) (nullable): the speaker, when the store attached it
 */
HsSpeaker *
hs_claim_get_speaker (HsClaim *self)
{
  g_return_val_if_fail (HS_IS_CLAIM (self), NULL);
  return self->speaker;
}

void
hs_claim_set_speaker (HsClaim   *self,
                      HsSpeaker *speaker)
{
  g_return_if_fail (HS_IS_CLAIM (self));
  if (g_set_object (&self->speaker, speaker))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKER]);
}

/**
 * hs_claim_get_source:
 *
 * Returns: (transfer none) (nullable): the source, when the store attached it
 */
HsSource *
hs_claim_get_source (HsClaim *self)
{
  g_return_val_if_fail (HS_IS_CLAIM (self), NULL);
  return self->source;
}

void
hs_claim_set_source (HsClaim  *self,
                     HsSource *source)
{
  g_return_if_fail (HS_IS_CLAIM (self));
  if (g_set_object (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

static gboolean
relations_equal (GPtrArray *a,
                 GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!hs_relation_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* The first field, as the exchange format names it, in which two versions of
 * a claim differ; the resolution histories are not compared (see
 * hs_prediction_differs()). */
const char *
hs_claim_differs (HsClaim *a,
                  HsClaim *b)
{
  const char *field;

  g_return_val_if_fail (HS_IS_CLAIM (a) && HS_IS_CLAIM (b), NULL);

  if (g_strcmp0 (a->id, b->id) != 0)
    return "id";
  if (g_strcmp0 (a->speaker_id, b->speaker_id) != 0)
    return "speaker";
  if (g_strcmp0 (a->source_id, b->source_id) != 0)
    return "source";
  if (g_strcmp0 (a->text, b->text) != 0)
    return "text";
  if (g_strcmp0 (a->quote, b->quote) != 0)
    return "quote";
  if (g_strcmp0 (a->original_text, b->original_text) != 0)
    return "original_text";
  if (g_strcmp0 (a->original_language, b->original_language) != 0)
    return "original_language";
  if (g_strcmp0 (a->locator, b->locator) != 0)
    return "locator";
  if (!hs_date_equal (&a->stated_on, &b->stated_on))
    return "stated_on";
  if (!hs_strv_equal0 ((const char * const *) a->topics, (const char * const *) b->topics))
    return "topics";
  if (!relations_equal (a->relations, b->relations))
    return "relations";
  if ((a->prediction == NULL) != (b->prediction == NULL))
    return "prediction";
  if (a->prediction != NULL && (field = hs_prediction_differs (a->prediction, b->prediction)))
    return field;

  return NULL;
}
