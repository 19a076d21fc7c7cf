/* hs-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include "hs-model-private.h"
#include "hs-source.h"

struct _HsSource
{
  GObject       parent_instance;

  char         *id;
  char         *title;
  HsSourceKind  kind;
  char         *publisher;
  char         *url;
  HsDate        published;
  char         *date_note;
  char         *event;
  HsDate        event_date;
  char         *language;
  char         *notes;
};

G_DEFINE_FINAL_TYPE (HsSource, hs_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_KIND,
  PROP_PUBLISHER,
  PROP_URL,
  PROP_PUBLISHED,
  PROP_DATE_NOTE,
  PROP_EVENT,
  PROP_EVENT_DATE,
  PROP_LANGUAGE,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hs_source_finalize (GObject *object)
{
  HsSource *self = (HsSource *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->date_note, g_free);
  g_clear_pointer (&self->event, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (hs_source_parent_class)->finalize (object);
}

static void
hs_source_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HsSource *self = HS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_PUBLISHED:
      g_value_set_boxed (value, &self->published);
      break;
    case PROP_DATE_NOTE:
      g_value_set_string (value, self->date_note);
      break;
    case PROP_EVENT:
      g_value_set_string (value, self->event);
      break;
    case PROP_EVENT_DATE:
      g_value_set_boxed (value, &self->event_date);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_source_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HsSource *self = HS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      hs_source_set_title (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      hs_source_set_kind (self, g_value_get_int (value));
      break;
    case PROP_PUBLISHER:
      hs_source_set_publisher (self, g_value_get_string (value));
      break;
    case PROP_URL:
      hs_source_set_url (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHED:
      hs_source_set_published (self, g_value_get_boxed (value));
      break;
    case PROP_DATE_NOTE:
      hs_source_set_date_note (self, g_value_get_string (value));
      break;
    case PROP_EVENT:
      hs_source_set_event (self, g_value_get_string (value));
      break;
    case PROP_EVENT_DATE:
      hs_source_set_event_date (self, g_value_get_boxed (value));
      break;
    case PROP_LANGUAGE:
      hs_source_set_language (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      hs_source_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_source_class_init (HsSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hs_source_finalize;
  object_class->get_property = hs_source_get_property;
  object_class->set_property = hs_source_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, HS_SOURCE_KIND_TALK, HS_SOURCE_KIND_POST,
                      HS_SOURCE_KIND_ARTICLE, flags);
  properties[PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHED] = g_param_spec_boxed ("published", NULL, NULL, HS_TYPE_DATE, flags);
  properties[PROP_DATE_NOTE] = g_param_spec_string ("date-note", NULL, NULL, NULL, flags);
  properties[PROP_EVENT] = g_param_spec_string ("event", NULL, NULL, NULL, flags);
  properties[PROP_EVENT_DATE] = g_param_spec_boxed ("event-date", NULL, NULL, HS_TYPE_DATE, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_source_init (HsSource *self)
{
  self->kind = HS_SOURCE_KIND_ARTICLE;
}

HsSource *
hs_source_new (const char   *id,
               const char   *title,
               HsSourceKind  kind)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (HS_TYPE_SOURCE, "id", id, "title", title, "kind", kind, NULL);
}

const char *
hs_source_get_id (HsSource *self)
{
  g_return_val_if_fail (HS_IS_SOURCE (self), NULL);
  return self->id;
}

HsSourceKind
hs_source_get_kind (HsSource *self)
{
  g_return_val_if_fail (HS_IS_SOURCE (self), HS_SOURCE_KIND_ARTICLE);
  return self->kind;
}

void
hs_source_set_kind (HsSource     *self,
                    HsSourceKind  kind)
{
  g_return_if_fail (HS_IS_SOURCE (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

HS_DEFINE_STRING_ACCESSORS (HsSource, hs_source, HS_IS_SOURCE, title, PROP_TITLE)
HS_DEFINE_STRING_ACCESSORS (HsSource, hs_source, HS_IS_SOURCE, publisher, PROP_PUBLISHER)
HS_DEFINE_STRING_ACCESSORS (HsSource, hs_source, HS_IS_SOURCE, url, PROP_URL)
HS_DEFINE_STRING_ACCESSORS (HsSource, hs_source, HS_IS_SOURCE, date_note, PROP_DATE_NOTE)
HS_DEFINE_STRING_ACCESSORS (HsSource, hs_source, HS_IS_SOURCE, event, PROP_EVENT)
HS_DEFINE_STRING_ACCESSORS (HsSource, hs_source, HS_IS_SOURCE, language, PROP_LANGUAGE)
HS_DEFINE_STRING_ACCESSORS (HsSource, hs_source, HS_IS_SOURCE, notes, PROP_NOTES)
HS_DEFINE_DATE_ACCESSORS (HsSource, hs_source, HS_IS_SOURCE, published, PROP_PUBLISHED)
HS_DEFINE_DATE_ACCESSORS (HsSource, hs_source, HS_IS_SOURCE, event_date, PROP_EVENT_DATE)

/* The date a claim from this source was stated on when the claim does not
 * say: the event when there was one, else the publication. */
HsDate
hs_source_get_default_date (HsSource *self)
{
  g_return_val_if_fail (HS_IS_SOURCE (self), (HsDate) { 0 });

  if (hs_date_is_set (&self->event_date))
    return self->event_date;
  return self->published;
}

const char *
hs_source_differs (HsSource *a,
                   HsSource *b)
{
  g_return_val_if_fail (HS_IS_SOURCE (a) && HS_IS_SOURCE (b), NULL);

  if (g_strcmp0 (a->id, b->id) != 0)
    return "id";
  if (g_strcmp0 (a->title, b->title) != 0)
    return "title";
  if (a->kind != b->kind)
    return "kind";
  if (g_strcmp0 (a->publisher, b->publisher) != 0)
    return "publisher";
  if (g_strcmp0 (a->url, b->url) != 0)
    return "url";
  if (!hs_date_equal (&a->published, &b->published))
    return "published";
  if (g_strcmp0 (a->date_note, b->date_note) != 0)
    return "date_note";
  if (g_strcmp0 (a->event, b->event) != 0)
    return "event";
  if (!hs_date_equal (&a->event_date, &b->event_date))
    return "event_date";
  if (g_strcmp0 (a->language, b->language) != 0)
    return "language";
  if (g_strcmp0 (a->notes, b->notes) != 0)
    return "notes";

  return NULL;
}
