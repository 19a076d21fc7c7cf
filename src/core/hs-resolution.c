/* hs-resolution.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include "hs-model-private.h"
#include "hs-resolution.h"

struct _HsResolution
{
  GObject    parent_instance;

  char      *id;
  HsStatus   status;
  HsDate     on;
  char      *evidence;
  char      *url;
  GDateTime *recorded_at;
};

G_DEFINE_FINAL_TYPE (HsResolution, hs_resolution, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_STATUS,
  PROP_ON,
  PROP_EVIDENCE,
  PROP_URL,
  PROP_RECORDED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hs_resolution_finalize (GObject *object)
{
  HsResolution *self = (HsResolution *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->evidence, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->recorded_at, g_date_time_unref);

  G_OBJECT_CLASS (hs_resolution_parent_class)->finalize (object);
}

static void
hs_resolution_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HsResolution *self = HS_RESOLUTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_ON:
      g_value_set_boxed (value, &self->on);
      break;
    case PROP_EVIDENCE:
      g_value_set_string (value, self->evidence);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_RECORDED_AT:
      g_value_set_boxed (value, self->recorded_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_resolution_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HsResolution *self = HS_RESOLUTION (object);
  const HsDate *on;

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_STATUS:
      self->status = g_value_get_int (value);
      break;
    case PROP_ON:
      on = g_value_get_boxed (value);
      if (on != NULL)
        self->on = *on;
      break;
    case PROP_EVIDENCE:
      hs_resolution_set_evidence (self, g_value_get_string (value));
      break;
    case PROP_URL:
      hs_resolution_set_url (self, g_value_get_string (value));
      break;
    case PROP_RECORDED_AT:
      hs_resolution_set_recorded_at (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_resolution_class_init (HsResolutionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hs_resolution_finalize;
  object_class->get_property = hs_resolution_get_property;
  object_class->set_property = hs_resolution_set_property;

  /* Status and date are fixed at construction: history is append-only, so an
   * entry is never edited, only followed by another. */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, HS_STATUS_OPEN, HS_STATUS_AMBIGUOUS, HS_STATUS_OPEN,
                      construct);
  properties[PROP_ON] = g_param_spec_boxed ("on", NULL, NULL, HS_TYPE_DATE, construct);
  properties[PROP_EVIDENCE] = g_param_spec_string ("evidence", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_RECORDED_AT] =
    g_param_spec_boxed ("recorded-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_resolution_init (HsResolution *self)
{
}

HsResolution *
hs_resolution_new (const char   *id,
                   HsStatus      status,
                   const HsDate *on)
{
  g_return_val_if_fail (on != NULL, NULL);

  return g_object_new (HS_TYPE_RESOLUTION, "id", id, "status", status, "on", on, NULL);
}

const char *
hs_resolution_get_id (HsResolution *self)
{
  g_return_val_if_fail (HS_IS_RESOLUTION (self), NULL);
  return self->id;
}

HsStatus
hs_resolution_get_status (HsResolution *self)
{
  g_return_val_if_fail (HS_IS_RESOLUTION (self), HS_STATUS_OPEN);
  return self->status;
}

HsDate
hs_resolution_get_on (HsResolution *self)
{
  g_return_val_if_fail (HS_IS_RESOLUTION (self), (HsDate) { 0 });
  return self->on;
}

HS_DEFINE_STRING_ACCESSORS (HsResolution, hs_resolution, HS_IS_RESOLUTION, evidence, PROP_EVIDENCE)
HS_DEFINE_STRING_ACCESSORS (HsResolution, hs_resolution, HS_IS_RESOLUTION, url, PROP_URL)

GDateTime *
hs_resolution_get_recorded_at (HsResolution *self)
{
  g_return_val_if_fail (HS_IS_RESOLUTION (self), NULL);
  return self->recorded_at;
}

/* Kept in UTC to the second: that is what files and the database hold, so a
 * value read back compares equal to the one written. */
void
hs_resolution_set_recorded_at (HsResolution *self,
                               GDateTime    *value)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_if_fail (HS_IS_RESOLUTION (self));

  if (value != NULL)
    {
      g_autoptr(GDateTime) tmp = g_date_time_to_utc (value);
      utc = g_date_time_new_utc (g_date_time_get_year (tmp), g_date_time_get_month (tmp),
                                 g_date_time_get_day_of_month (tmp), g_date_time_get_hour (tmp),
                                 g_date_time_get_minute (tmp), g_date_time_get_second (tmp));
    }

  if (self->recorded_at == utc ||
      (self->recorded_at != NULL && utc != NULL && g_date_time_equal (self->recorded_at, utc)))
    return;

  g_clear_pointer (&self->recorded_at, g_date_time_unref);
  self->recorded_at = g_steal_pointer (&utc);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDED_AT]);
}

char *
hs_resolution_dup_recorded_at_string (HsResolution *self)
{
  g_return_val_if_fail (HS_IS_RESOLUTION (self), NULL);

  if (self->recorded_at == NULL)
    return NULL;
  return g_date_time_format (self->recorded_at, "%Y-%m-%dT%H:%M:%SZ");
}

/* History order: by the date an entry applies from, then by when it was
 * recorded. The current status is the last entry in this order. A coarse
 * date applies from its first day, exactly as the store orders entries by
 * their on_day: "2026-08" and "2026-08-01" tie, and the later record wins,
 * so the status a list filters by is the one a detail view shows. */
int
hs_resolution_compare (HsResolution *a,
                       HsResolution *b)
{
  HsDate a_day = hs_date_first_day (&a->on);
  HsDate b_day = hs_date_first_day (&b->on);
  int cmp = hs_date_compare (&a_day, &b_day);

  if (cmp != 0)
    return cmp;
  if (a->recorded_at != NULL && b->recorded_at != NULL)
    return g_date_time_compare (a->recorded_at, b->recorded_at);
  return (a->recorded_at != NULL) - (b->recorded_at != NULL);
}

const char *
hs_resolution_differs (HsResolution *a,
                       HsResolution *b)
{
  g_return_val_if_fail (HS_IS_RESOLUTION (a) && HS_IS_RESOLUTION (b), NULL);

  if (g_strcmp0 (a->id, b->id) != 0)
    return "id";
  if (a->status != b->status)
    return "status";
  if (!hs_date_equal (&a->on, &b->on))
    return "on";
  if (g_strcmp0 (a->evidence, b->evidence) != 0)
    return "evidence";
  if (g_strcmp0 (a->url, b->url) != 0)
    return "url";
  return NULL;
}

/* An id made from what the entry says, for files that give none: importing
 * the same file twice then finds the same ids and adds nothing. The record
 * time is left out because it defaults to the time of the import. */
char *
hs_resolution_derive_id (const char   *claim_id,
                         HsResolution *self)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  char on[HS_DATE_BUFSIZE];
  const char *fields[5];

  fields[0] = claim_id;
  fields[1] = hs_status_to_string (self->status);
  fields[2] = hs_date_to_buffer (&self->on, on);
  fields[3] = self->evidence ? self->evidence : "";
  fields[4] = self->url ? self->url : "";

  /* A unit separator between fields keeps ("ab", "c") apart from ("a", "bc"). */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_checksum_update (sum, (const guchar *) fields[i], -1);
      g_checksum_update (sum, (const guchar *) "\x1f", 1);
    }

  return g_strdup_printf ("r-%.16s", g_checksum_get_string (sum));
}
