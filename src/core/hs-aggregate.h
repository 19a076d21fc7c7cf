/* hs-aggregate.h: what the charts draw, aggregated by the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hs-query.h"
#include "hs-store.h"

G_BEGIN_DECLS

/* Days are counted as GDate's Julian days (1 = 1 January of year 1). */
#define HS_DAY_OPEN G_MININT32

typedef enum
{
  HS_LANES_BY_SPEAKER,
  HS_LANES_BY_TOPIC,     /* a prediction's first topic */
} HsLaneKind;

typedef struct
{
  gint64  rowid;         /* for hs_store_get_claim_at() */
  guint   lane;
  gint32  start;         /* the stated day */
  gint32  end;           /* the latest resolve day, or HS_DAY_OPEN */
  guint8  status;        /* an HsStatus */
  guint   first_mark;    /* index into marks */
  guint   n_marks;
} HsTimelineItem;

/* A resolution, drawn where it applies from. */
typedef struct
{
  gint32  day;
  guint8  status;
} HsTimelineMark;

typedef struct
{
  char   *id;
  char   *label;         /* "Yang Zhilin 杨植麟", or a topic's name */
} HsTimelineLane;

typedef struct
{
  GArray    *items;      /* HsTimelineItem, by lane, then start */
  GArray    *marks;      /* HsTimelineMark */
  GPtrArray *lanes;      /* HsTimelineLane */
  gint32     first_day;  /* the earliest start */
  gint32     last_day;   /* the latest end or start */
} HsTimelineData;

typedef struct
{
  guint16 year;
  guint8  quarter;       /* 1..4 */
  guint   counts[HS_N_STATUSES];
} HsDueBucket;

HsTimelineData *hs_store_timeline_data  (HsStore        *self,
                                         const HsQuery  *query,
                                         HsLaneKind      lanes,
                                         GError        **error);
void            hs_timeline_data_free   (HsTimelineData *data);
GArray         *hs_store_due_by_quarter (HsStore        *self,
                                         const HsQuery  *query,
                                         GError        **error);
gint32          hs_date_to_day          (const HsDate   *date);
HsDate          hs_date_from_day        (gint32          day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsTimelineData, hs_timeline_data_free)

G_END_DECLS
