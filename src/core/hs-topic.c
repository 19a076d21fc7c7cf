/* hs-topic.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <string.h>

#include "hs-model-private.h"
#include "hs-topic.h"

struct _HsTopic
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  GHashTable *translations; /* language tag → name */
};

G_DEFINE_FINAL_TYPE (HsTopic, hs_topic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hs_topic_finalize (GObject *object)
{
  HsTopic *self = (HsTopic *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->translations, g_hash_table_unref);

  G_OBJECT_CLASS (hs_topic_parent_class)->finalize (object);
}

static void
hs_topic_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HsTopic *self = HS_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_topic_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  HsTopic *self = HS_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      hs_topic_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_topic_class_init (HsTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hs_topic_finalize;
  object_class->get_property = hs_topic_get_property;
  object_class->set_property = hs_topic_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_topic_init (HsTopic *self)
{
  self->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

HsTopic *
hs_topic_new (const char *id,
              const char *name)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (HS_TYPE_TOPIC, "id", id, "name", name, NULL);
}

const char *
hs_topic_get_id (HsTopic *self)
{
  g_return_val_if_fail (HS_IS_TOPIC (self), NULL);
  return self->id;
}

HS_DEFINE_STRING_ACCESSORS (HsTopic, hs_topic, HS_IS_TOPIC, name, PROP_NAME)

const char *
hs_topic_get_translation (HsTopic    *self,
                          const char *language)
{
  g_return_val_if_fail (HS_IS_TOPIC (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  return g_hash_table_lookup (self->translations, language);
}

void
hs_topic_set_translation (HsTopic    *self,
                          const char *language,
                          const char *name)
{
  g_return_if_fail (HS_IS_TOPIC (self));
  g_return_if_fail (language != NULL);

  if (name == NULL || *name == '\0')
    g_hash_table_remove (self->translations, language);
  else
    g_hash_table_insert (self->translations, g_strdup (language), g_strdup (name));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, so that files and comparisons do not depend on hash order. */
char **
hs_topic_dup_languages (HsTopic *self)
{
  g_autofree gpointer *keys = NULL;
  guint n;

  g_return_val_if_fail (HS_IS_TOPIC (self), NULL);

  keys = g_hash_table_get_keys_as_array (self->translations, &n);
  qsort (keys, n, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n; i++)
    keys[i] = g_strdup (keys[i]);

  return (char **) g_steal_pointer (&keys);
}

/* The name to show to a reader of @language ("zh_CN" finds "zh"). */
const char *
hs_topic_get_name_for (HsTopic    *self,
                       const char *language)
{
  const char *found;
  g_autofree char *base = NULL;

  g_return_val_if_fail (HS_IS_TOPIC (self), NULL);

  if (language == NULL)
    return self->name;
  if ((found = g_hash_table_lookup (self->translations, language)))
    return found;
  base = g_strndup (language, strcspn (language, "_-.@"));
  if ((found = g_hash_table_lookup (self->translations, base)))
    return found;
  return self->name;
}

const char *
hs_topic_differs (HsTopic *a,
                  HsTopic *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (HS_IS_TOPIC (a) && HS_IS_TOPIC (b), NULL);

  if (g_strcmp0 (a->id, b->id) != 0)
    return "id";
  if (g_strcmp0 (a->name, b->name) != 0)
    return "name";
  if (g_hash_table_size (a->translations) != g_hash_table_size (b->translations))
    return "translations";
  g_hash_table_iter_init (&iter, a->translations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b->translations, key)) != 0)
      return "translations";

  return NULL;
}
