/* hs-validate.h: what a record must be to be stored, said field by field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hs-claim.h"
#include "hs-source.h"
#include "hs-speaker.h"
#include "hs-topic.h"

G_BEGIN_DECLS

/* The limits of the exchange format, in bytes. */
#define HS_LIMIT_ID   128
#define HS_LIMIT_NAME 1000
#define HS_LIMIT_URL  2048
#define HS_LIMIT_LANG 35
#define HS_LIMIT_LONG 65536

#define HS_VALIDATE_ERROR (hs_validate_error_quark ())

typedef enum
{
  HS_VALIDATE_ERROR_INVALID,
} HsValidateError;

GQuark   hs_validate_error_quark (void);

gboolean hs_validate_speaker     (HsSpeaker   *speaker,
                                  const char **field,
                                  GError     **error);
gboolean hs_validate_source      (HsSource    *source,
                                  const char **field,
                                  GError     **error);
gboolean hs_validate_topic       (HsTopic     *topic,
                                  const char **field,
                                  GError     **error);
gboolean hs_validate_claim       (HsClaim     *claim,
                                  const char **field,
                                  GError     **error);
gboolean hs_validate_language    (const char  *tag);

G_END_DECLS
