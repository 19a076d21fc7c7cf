/* hs-store-private.h: what the importer and exporter need of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "hs-store.h"

G_BEGIN_DECLS

/* A WHERE clause under construction, with its parameters in order. Every
 * value reaches SQLite as a bound parameter, never as SQL text. */
typedef struct
{
  GString   *sql;
  GPtrArray *texts;  /* parameter values, all text */
} HsClause;

void          hs_clause_init                 (HsClause        *clause,
                                           const char    *select);
void          hs_clause_add                  (HsClause        *clause,
                                           const char    *condition,
                                           const char    *value);
void          hs_clause_clear                (HsClause        *clause);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HsClause, hs_clause_clear)

void          hs_store_build_claim_filter (const HsQuery *query,
                                           HsClause        *clause,
                                           gboolean       for_predictions);
sqlite3_stmt *hs_store_prepare_clause     (HsStore       *self,
                                           HsClause        *clause,
                                           GError       **error);

sqlite3      *hs_store_get_db             (HsStore       *self);
sqlite3_stmt *hs_store_prepare            (HsStore       *self,
                                           const char    *sql,
                                           GError       **error);
gboolean      hs_store_set_sqlite_error   (HsStore       *self,
                                           GError       **error,
                                           const char    *doing);

void          hs_store_forget_cached      (HsStore       *self);
gboolean      hs_store_begin              (HsStore       *self,
                                           GError       **error);
gboolean      hs_store_commit             (HsStore       *self,
                                           GError       **error);
void          hs_store_rollback           (HsStore       *self);

/* Many records in one transaction; see hs_store_bulk_begin(). */
typedef struct
{
  gint64   claims_before;
  gint64   resolutions_before;
  gboolean active;
} HsBulk;

gboolean      hs_store_bulk_begin         (HsStore       *self,
                                           HsBulk        *bulk,
                                           GError       **error);
gboolean      hs_store_bulk_end           (HsStore       *self,
                                           HsBulk        *bulk,
                                           GError       **error);
void          hs_store_bulk_finish        (HsStore       *self,
                                           HsBulk        *bulk);

gboolean      hs_store_has                (HsStore       *self,
                                           HsObjectKind   kind,
                                           const char    *id,
                                           GError       **error);
gboolean      hs_store_write_speaker      (HsStore       *self,
                                           HsSpeaker     *speaker,
                                           gboolean       replace,
                                           GError       **error);
gboolean      hs_store_write_source       (HsStore       *self,
                                           HsSource      *source,
                                           gboolean       replace,
                                           GError       **error);
gboolean      hs_store_write_topic        (HsStore       *self,
                                           HsTopic       *topic,
                                           gboolean       replace,
                                           GError       **error);
gboolean      hs_store_write_claim        (HsStore       *self,
                                           HsClaim       *claim,
                                           gboolean       replace,
                                           GError       **error);
gboolean      hs_store_write_resolution   (HsStore       *self,
                                           const char    *claim_id,
                                           HsResolution  *resolution,
                                           GError       **error);
HsResolution *hs_store_get_resolution     (HsStore       *self,
                                           const char    *id,
                                           char         **claim_id,
                                           GError       **error);
gboolean      hs_store_dangling_relations (HsStore       *self,
                                           GPtrArray     *out,
                                           GError       **error);

/* Scoring by confidence words (hs-words-scoring.c). */
gboolean      hs_store_score_words        (HsStore       *self,
                                           const HsQuery *cut,
                                           GPtrArray     *rows,
                                           GError       **error);
gboolean      hs_store_calibrate_words    (HsStore       *self,
                                           const HsQuery *cut,
                                           GArray        *bins,
                                           GError       **error);

G_END_DECLS
