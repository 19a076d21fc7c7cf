/* hs-types.h: the enumerations of the model and their names in files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HS_SOURCE_KIND_TALK,
  HS_SOURCE_KIND_PANEL,
  HS_SOURCE_KIND_PODCAST,
  HS_SOURCE_KIND_INTERVIEW,
  HS_SOURCE_KIND_ARTICLE,
  HS_SOURCE_KIND_NEWSLETTER,
  HS_SOURCE_KIND_POST,
} HsSourceKind;

typedef enum
{
  HS_STATUS_OPEN,
  HS_STATUS_CONFIRMED,
  HS_STATUS_PARTIAL,
  HS_STATUS_REFUTED,
  HS_STATUS_AMBIGUOUS,
} HsStatus;

#define HS_N_STATUSES 5

typedef enum
{
  HS_RELATION_SUPPORTS,
  HS_RELATION_CONTRADICTS,
  HS_RELATION_REVISES,
  HS_RELATION_SAME_AS,
} HsRelationKind;

/* The names below are the ones the exchange format, the database and the
 * command line use; they never change with the interface language. */
const char  *hs_source_kind_to_string   (HsSourceKind    kind);
gboolean     hs_source_kind_from_string (const char     *text,
                                         HsSourceKind   *kind);
const char  *hs_status_to_string        (HsStatus        status);
gboolean     hs_status_from_string      (const char     *text,
                                         HsStatus       *status);
const char  *hs_relation_kind_to_string (HsRelationKind  kind);
gboolean     hs_relation_kind_from_string (const char   *text,
                                           HsRelationKind *kind);

/* Lists of every accepted name, for error messages: "talk, panel, …". */
const char  *hs_source_kind_names       (void);
const char  *hs_status_names            (void);
const char  *hs_relation_kind_names     (void);

gboolean     hs_id_is_valid             (const char     *id);
gboolean     hs_url_is_web              (const char     *url);

G_END_DECLS
