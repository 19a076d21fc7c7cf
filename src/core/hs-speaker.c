/* hs-speaker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include "hs-model-private.h"
#include "hs-speaker.h"

struct _HsSpeaker
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *native_name;
  char      **aliases;
  char       *bio;
  GPtrArray  *affiliations;
};

G_DEFINE_FINAL_TYPE (HsSpeaker, hs_speaker, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (HsAffiliation, hs_affiliation, hs_affiliation_copy, hs_affiliation_free)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NATIVE_NAME,
  PROP_ALIASES,
  PROP_BIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

HsAffiliation *
hs_affiliation_new (const char   *organization,
                    const char   *role,
                    const HsDate *from,
                    const HsDate *to)
{
  HsAffiliation *self = g_new0 (HsAffiliation, 1);

  self->organization = g_strdup (organization);
  self->role = g_strdup (role);
  if (from != NULL)
    self->from = *from;
  if (to != NULL)
    self->to = *to;

  return self;
}

HsAffiliation *
hs_affiliation_copy (const HsAffiliation *self)
{
  return hs_affiliation_new (self->organization, self->role, &self->from, &self->to);
}

void
hs_affiliation_free (HsAffiliation *self)
{
  if (self == NULL)
    return;
  g_free (self->organization);
  g_free (self->role);
  g_free (self);
}

gboolean
hs_affiliation_equal (const HsAffiliation *a,
                      const HsAffiliation *b)
{
  return g_strcmp0 (a->organization, b->organization) == 0 &&
         g_strcmp0 (a->role, b->role) == 0 &&
         hs_date_equal (&a->from, &b->from) &&
         hs_date_equal (&a->to, &b->to);
}

static void
hs_speaker_finalize (GObject *object)
{
  HsSpeaker *self = (HsSpeaker *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->native_name, g_free);
  g_clear_pointer (&self->aliases, g_strfreev);
  g_clear_pointer (&self->bio, g_free);
  g_clear_pointer (&self->affiliations, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_speaker_parent_class)->finalize (object);
}

static void
hs_speaker_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HsSpeaker *self = HS_SPEAKER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NATIVE_NAME:
      g_value_set_string (value, self->native_name);
      break;
    case PROP_ALIASES:
      g_value_set_boxed (value, self->aliases);
      break;
    case PROP_BIO:
      g_value_set_string (value, self->bio);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_speaker_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HsSpeaker *self = HS_SPEAKER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      hs_speaker_set_name (self, g_value_get_string (value));
      break;
    case PROP_NATIVE_NAME:
      hs_speaker_set_native_name (self, g_value_get_string (value));
      break;
    case PROP_ALIASES:
      hs_speaker_set_aliases (self, g_value_get_boxed (value));
      break;
    case PROP_BIO:
      hs_speaker_set_bio (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_speaker_class_init (HsSpeakerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hs_speaker_finalize;
  object_class->get_property = hs_speaker_get_property;
  object_class->set_property = hs_speaker_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NATIVE_NAME] =
    g_param_spec_string ("native-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BIO] =
    g_param_spec_string ("bio", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_speaker_init (HsSpeaker *self)
{
  self->affiliations = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_affiliation_free);
}

HsSpeaker *
hs_speaker_new (const char *id,
                const char *name)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (HS_TYPE_SPEAKER, "id", id, "name", name, NULL);
}

const char *
hs_speaker_get_id (HsSpeaker *self)
{
  g_return_val_if_fail (HS_IS_SPEAKER (self), NULL);
  return self->id;
}

HS_DEFINE_STRING_ACCESSORS (HsSpeaker, hs_speaker, HS_IS_SPEAKER, name, PROP_NAME)

HS_DEFINE_STRING_ACCESSORS (HsSpeaker, hs_speaker, HS_IS_SPEAKER, native_name, PROP_NATIVE_NAME)

const char * const *
hs_speaker_get_aliases (HsSpeaker *self)
{
  g_return_val_if_fail (HS_IS_SPEAKER (self), NULL);
  return (const char * const *) self->aliases;
}

void
hs_speaker_set_aliases (HsSpeaker          *self,
                        const char * const *aliases)
{
  g_return_if_fail (HS_IS_SPEAKER (self));
  if (hs_set_strv (&self->aliases, aliases))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

HS_DEFINE_STRING_ACCESSORS (HsSpeaker, hs_speaker, HS_IS_SPEAKER, bio, PROP_BIO)

/**
 * hs_speaker_get_affiliations:
 *
 * Returns: (transfer none) (element-type HsAffiliation): the positions held, in
 *   the order they were given (usually oldest first)
 */
GPtrArray *
hs_speaker_get_affiliations (HsSpeaker *self)
{
  g_return_val_if_fail (HS_IS_SPEAKER (self), NULL);
  return self->affiliations;
}

/* Takes ownership of @affiliation. */
void
hs_speaker_add_affiliation (HsSpeaker     *self,
                            HsAffiliation *affiliation)
{
  g_return_if_fail (HS_IS_SPEAKER (self));
  g_return_if_fail (affiliation != NULL);
  g_ptr_array_add (self->affiliations, affiliation);
}

void
hs_speaker_clear_affiliations (HsSpeaker *self)
{
  g_return_if_fail (HS_IS_SPEAKER (self));
  g_ptr_array_set_size (self->affiliations, 0);
}

/* "Yang Zhilin 杨植麟": the form used wherever one line must tell two people
 * apart, since romanized names collide. */
char *
hs_speaker_dup_display_name (HsSpeaker *self)
{
  g_return_val_if_fail (HS_IS_SPEAKER (self), NULL);

  if (self->native_name != NULL && *self->native_name != '\0')
    return g_strdup_printf ("%s %s", self->name, self->native_name);
  return g_strdup (self->name);
}

/**
 * hs_speaker_differs:
 *
 * Returns: (nullable): the name of the first field, as the exchange format
 *   spells it, in which @a and @b differ, or %NULL when they are the same
 */
const char *
hs_speaker_differs (HsSpeaker *a,
                    HsSpeaker *b)
{
  g_return_val_if_fail (HS_IS_SPEAKER (a) && HS_IS_SPEAKER (b), NULL);

  if (g_strcmp0 (a->id, b->id) != 0)
    return "id";
  if (g_strcmp0 (a->name, b->name) != 0)
    return "name";
  if (g_strcmp0 (a->native_name, b->native_name) != 0)
    return "native_name";
  if (!hs_strv_equal0 ((const char * const *) a->aliases, (const char * const *) b->aliases))
    return "aliases";
  if (g_strcmp0 (a->bio, b->bio) != 0)
    return "bio";
  if (a->affiliations->len != b->affiliations->len)
    return "affiliations";
  for (guint i = 0; i < a->affiliations->len; i++)
    if (!hs_affiliation_equal (g_ptr_array_index (a->affiliations, i),
                               g_ptr_array_index (b->affiliations, i)))
      return "affiliations";

  return NULL;
}
