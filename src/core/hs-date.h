/* hs-date.h: calendar dates that carry their precision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HS_DATE_ERROR (hs_date_error_quark ())

typedef enum
{
  HS_DATE_ERROR_INVALID,
} HsDateError;

typedef enum
{
  HS_DATE_PRECISION_NONE = 0,
  HS_DATE_PRECISION_YEAR,
  HS_DATE_PRECISION_MONTH,
  HS_DATE_PRECISION_DAY,
} HsDatePrecision;

/* A date as precise as what was said: a year, a month or a day, perhaps
 * approximate. A zeroed HsDate is "no date". Dates are small values, passed
 * and returned by value; the boxed type exists for GValue and properties.
 */
typedef struct
{
  guint16 year;        /* 1000..9999, or 0 when unset */
  guint8  month;       /* 1..12, or 0 when coarser than a month */
  guint8  day;         /* 1..31, or 0 when coarser than a day */
  guint8  precision;   /* an HsDatePrecision */
  guint8  approximate; /* TRUE when inferred or "around" */
} HsDate;

/* Large enough for "~YYYY-MM-DD" and its terminator. */
#define HS_DATE_BUFSIZE 16

#define HS_TYPE_DATE (hs_date_get_type ())

GQuark       hs_date_error_quark      (void);
GType        hs_date_get_type         (void) G_GNUC_CONST;
HsDate      *hs_date_copy             (const HsDate *date);
void         hs_date_free             (HsDate       *date);

gboolean     hs_date_parse            (const char   *text,
                                       HsDate       *out,
                                       GError      **error);
HsDate       hs_date_new_year         (guint         year);
HsDate       hs_date_new_month        (guint         year,
                                       guint         month);
HsDate       hs_date_new_day          (guint         year,
                                       guint         month,
                                       guint         day);
HsDate       hs_date_today            (void);

gboolean     hs_date_is_set           (const HsDate *date);
gboolean     hs_date_is_valid         (const HsDate *date);
const char  *hs_date_to_buffer        (const HsDate *date,
                                       char          buf[HS_DATE_BUFSIZE]);
char        *hs_date_to_string        (const HsDate *date);

HsDate       hs_date_first_day        (const HsDate *date);
HsDate       hs_date_last_day         (const HsDate *date);
int          hs_date_compare          (const HsDate *a,
                                       const HsDate *b);
gboolean     hs_date_equal            (const HsDate *a,
                                       const HsDate *b);

HsDate       hs_date_add_days         (const HsDate *day,
                                       int           days);
HsDate       hs_date_add_months       (const HsDate *day,
                                       int           months);
HsDate       hs_date_add_years        (const HsDate *day,
                                       int           years);
int          hs_date_days_between     (const HsDate *from,
                                       const HsDate *to);
guint        hs_date_days_in_month    (guint         year,
                                       guint         month);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsDate, hs_date_free)

G_END_DECLS
