/* hs-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <string.h>

#include "hs-types.h"

typedef struct
{
  int         value;
  const char *name;
} Name;

static const Name source_kinds[] = {
  { HS_SOURCE_KIND_TALK, "talk" },
  { HS_SOURCE_KIND_PANEL, "panel" },
  { HS_SOURCE_KIND_PODCAST, "podcast" },
  { HS_SOURCE_KIND_INTERVIEW, "interview" },
  { HS_SOURCE_KIND_ARTICLE, "article" },
  { HS_SOURCE_KIND_NEWSLETTER, "newsletter" },
  { HS_SOURCE_KIND_POST, "post" },
};

static const Name statuses[] = {
  { HS_STATUS_OPEN, "open" },
  { HS_STATUS_CONFIRMED, "confirmed" },
  { HS_STATUS_PARTIAL, "partial" },
  { HS_STATUS_REFUTED, "refuted" },
  { HS_STATUS_AMBIGUOUS, "ambiguous" },
};

static const Name relation_kinds[] = {
  { HS_RELATION_SUPPORTS, "supports" },
  { HS_RELATION_CONTRADICTS, "contradicts" },
  { HS_RELATION_REVISES, "revises" },
  { HS_RELATION_SAME_AS, "same-as" },
};

static const char *
name_of (const Name *names,
         guint       n_names,
         int         value)
{
  for (guint i = 0; i < n_names; i++)
    if (names[i].value == value)
      return names[i].name;
  g_return_val_if_reached (NULL);
}

static gboolean
value_of (const Name *names,
          guint       n_names,
          const char *text,
          int        *value)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    if (strcmp (names[i].name, text) == 0)
      {
        *value = names[i].value;
        return TRUE;
      }
  return FALSE;
}

const char *
hs_source_kind_to_string (HsSourceKind kind)
{
  return name_of (source_kinds, G_N_ELEMENTS (source_kinds), kind);
}

gboolean
hs_source_kind_from_string (const char   *text,
                            HsSourceKind *kind)
{
  int value;

  if (!value_of (source_kinds, G_N_ELEMENTS (source_kinds), text, &value))
    return FALSE;
  *kind = (HsSourceKind) value;
  return TRUE;
}

const char *
hs_status_to_string (HsStatus status)
{
  return name_of (statuses, G_N_ELEMENTS (statuses), status);
}

gboolean
hs_status_from_string (const char *text,
                       HsStatus   *status)
{
  int value;

  if (!value_of (statuses, G_N_ELEMENTS (statuses), text, &value))
    return FALSE;
  *status = (HsStatus) value;
  return TRUE;
}

const char *
hs_relation_kind_to_string (HsRelationKind kind)
{
  return name_of (relation_kinds, G_N_ELEMENTS (relation_kinds), kind);
}

gboolean
hs_relation_kind_from_string (const char     *text,
                              HsRelationKind *kind)
{
  int value;

  if (!value_of (relation_kinds, G_N_ELEMENTS (relation_kinds), text, &value))
    return FALSE;
  *kind = (HsRelationKind) value;
  return TRUE;
}

const char *
hs_source_kind_names (void)
{
  return "talk, panel, podcast, interview, article, newsletter, post";
}

const char *
hs_status_names (void)
{
  return "open, confirmed, partial, refuted, ambiguous";
}

const char *
hs_relation_kind_names (void)
{
  return "supports, contradicts, revises, same-as";
}

/* Ids are ASCII on purpose: they appear in file names, URLs and shell
 * commands, and an id that looks like another (Cyrillic "а" for Latin "a")
 * would make merging by id unsafe. */
gboolean
hs_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL || !g_ascii_isalnum (id[0]))
    return FALSE;

  for (len = 0; id[len] != '\0'; len++)
    {
      char c = id[len];

      if (len >= 128)
        return FALSE;
      if (!g_ascii_isalnum (c) && c != '.' && c != '_' && c != ':' && c != '-')
        return FALSE;
    }

  return TRUE;
}

/* Only web links are ever opened: a "file:" or "javascript:" URL in data
 * someone else wrote must not become something the desktop executes. */
gboolean
hs_url_is_web (const char *url)
{
  const char *rest;

  if (url == NULL)
    return FALSE;

  if (g_ascii_strncasecmp (url, "https://", 8) == 0)
    rest = url + 8;
  else if (g_ascii_strncasecmp (url, "http://", 7) == 0)
    rest = url + 7;
  else
    return FALSE;

  /* A host is required, and no whitespace or control characters anywhere. */
  if (*rest == '\0' || *rest == '/' || *rest == '?' || *rest == '#')
    return FALSE;
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return FALSE;

  return TRUE;
}
