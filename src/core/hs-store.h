/* hs-store.h: one scorecard in one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hs-claim.h"
#include "hs-query.h"
#include "hs-resolution.h"
#include "hs-scoring.h"
#include "hs-source.h"
#include "hs-speaker.h"
#include "hs-topic.h"

G_BEGIN_DECLS

#define HS_STORE_ERROR (hs_store_error_quark ())

typedef enum
{
  HS_STORE_ERROR_NOT_FOUND,        /* no object with that id */
  HS_STORE_ERROR_NOT_A_DATABASE,   /* the file is not SQLite, or not a Hindsight database */
  HS_STORE_ERROR_NEWER_VERSION,    /* written by a newer Hindsight: refused, never rewritten */
  HS_STORE_ERROR_READ_ONLY,        /* a write to a file that cannot be written */
  HS_STORE_ERROR_INVALID,          /* a value the model does not allow */
  HS_STORE_ERROR_CONFLICT,         /* an id that exists with other content */
  HS_STORE_ERROR_BUSY,             /* another program holds the database */
  HS_STORE_ERROR_FAILED,           /* SQLite failed otherwise (disk full, I/O) */
} HsStoreError;

/* The schema this build writes. Older files are migrated forward (after a
 * backup); newer ones are refused. */
#define HS_STORE_SCHEMA_VERSION 2

typedef enum
{
  HS_OBJECT_NONE,
  HS_OBJECT_SPEAKER,
  HS_OBJECT_SOURCE,
  HS_OBJECT_TOPIC,
  HS_OBJECT_CLAIM,
  HS_OBJECT_RESOLUTION,
} HsObjectKind;

/* A claim linked to another, seen from the other: @incoming is TRUE when
 * @claim points at the other claim ("this claim is contradicted by @claim"). */
typedef struct
{
  HsRelationKind  kind;
  gboolean        incoming;
  char           *note;
  HsClaim        *claim;
} HsRelated;

void hs_related_free (HsRelated *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsRelated, hs_related_free)

typedef struct _HsStoreCursor HsStoreCursor;

typedef gboolean (*HsClaimFunc) (HsClaim  *claim,
                                 gpointer  user_data);

#define HS_TYPE_STORE (hs_store_get_type ())

G_DECLARE_FINAL_TYPE (HsStore, hs_store, HS, STORE, GObject)

GQuark        hs_store_error_quark        (void);

HsStore      *hs_store_open               (const char     *path,
                                           GError        **error);
char         *hs_store_default_path       (void);
const char   *hs_store_get_path           (HsStore        *self);
gboolean      hs_store_is_read_only       (HsStore        *self);
gboolean      hs_store_is_empty           (HsStore        *self,
                                           GError        **error);
gint64        hs_store_count              (HsStore        *self,
                                           HsObjectKind    kind,
                                           GError        **error);

HsObjectKind  hs_store_find_id            (HsStore        *self,
                                           const char     *id,
                                           GError        **error);
HsSpeaker    *hs_store_get_speaker        (HsStore        *self,
                                           const char     *id,
                                           GError        **error);
HsSource     *hs_store_get_source         (HsStore        *self,
                                           const char     *id,
                                           GError        **error);
HsTopic      *hs_store_get_topic          (HsStore        *self,
                                           const char     *id,
                                           GError        **error);
HsClaim      *hs_store_get_claim          (HsStore        *self,
                                           const char     *id,
                                           GError        **error);
HsClaim      *hs_store_get_claim_at       (HsStore        *self,
                                           gint64          rowid,
                                           GError        **error);
gint64        hs_store_get_claim_rowid    (HsStore        *self,
                                           const char     *id,
                                           GError        **error);

GPtrArray    *hs_store_list_speakers      (HsStore        *self,
                                           const HsQuery  *query,
                                           GError        **error);
GPtrArray    *hs_store_list_sources       (HsStore        *self,
                                           const HsQuery  *query,
                                           GError        **error);
GPtrArray    *hs_store_list_topics        (HsStore        *self,
                                           GError        **error);
gboolean      hs_store_foreach_claim      (HsStore        *self,
                                           const HsQuery  *query,
                                           HsClaimFunc     func,
                                           gpointer        user_data,
                                           GError        **error);
GArray       *hs_store_query_claims       (HsStore        *self,
                                           const HsQuery  *query,
                                           GError        **error);
HsStoreCursor *hs_store_open_claim_cursor (HsStore        *self,
                                           const HsQuery  *query,
                                           GError        **error);
gboolean      hs_store_cursor_fetch       (HsStoreCursor  *cursor,
                                           GArray         *rows,
                                           guint           max,
                                           gboolean       *done,
                                           GError        **error);
void          hs_store_cursor_free        (HsStoreCursor  *cursor);
gint64        hs_store_count_claims       (HsStore        *self,
                                           const HsQuery  *query,
                                           GError        **error);
GPtrArray    *hs_store_list_related       (HsStore        *self,
                                           const char     *claim_id,
                                           GError        **error);

gboolean      hs_store_add_resolution     (HsStore        *self,
                                           const char     *claim_id,
                                           HsResolution   *resolution,
                                           GError        **error);
gboolean      hs_store_undo_resolution    (HsStore        *self,
                                           const char     *resolution_id,
                                           GError        **error);
GListModel   *hs_store_get_history        (HsStore        *self,
                                           const char     *claim_id,
                                           GError        **error);

gboolean      hs_store_save_speaker       (HsStore        *self,
                                           HsSpeaker      *speaker,
                                           GError        **error);
gboolean      hs_store_save_source        (HsStore        *self,
                                           HsSource       *source,
                                           GError        **error);
gboolean      hs_store_save_topic         (HsStore        *self,
                                           HsTopic        *topic,
                                           GError        **error);
gboolean      hs_store_save_claim         (HsStore        *self,
                                           HsClaim        *claim,
                                           GError        **error);
gint64        hs_store_count_dependents   (HsStore        *self,
                                           HsObjectKind    kind,
                                           const char     *id,
                                           GError        **error);
GBytes       *hs_store_delete             (HsStore        *self,
                                           HsObjectKind    kind,
                                           const char     *id,
                                           GError        **error);
gboolean      hs_store_restore            (HsStore        *self,
                                           GBytes         *snapshot,
                                           GError        **error);

char         *hs_store_get_meta           (HsStore        *self,
                                           const char     *key,
                                           GError        **error);
gboolean      hs_store_set_meta           (HsStore        *self,
                                           const char     *key,
                                           const char     *value,
                                           GError        **error);

GPtrArray    *hs_store_scorecard          (HsStore        *self,
                                           const HsQuery  *query,
                                           GError        **error);
GArray       *hs_store_calibration        (HsStore        *self,
                                           const HsQuery  *query,
                                           guint           n_bins,
                                           GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsStoreCursor, hs_store_cursor_free)

G_END_DECLS
