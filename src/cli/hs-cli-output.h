/* hs-cli-output.h: how hindsight-cli shows objects, as text and as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hindsight-core.h"

G_BEGIN_DECLS

typedef struct
{
  GOutputStream *stream;
  HsJsonWriter  *json;     /* NULL for text output */
  GString       *line;     /* text output is built a line at a time */
  HsStore       *store;
  HsDate         today;
} HsCliOutput;

void      hs_cli_output_init         (HsCliOutput  *out,
                                      HsStore      *store,
                                      gboolean      json);
gboolean  hs_cli_output_finish       (HsCliOutput  *out,
                                      GError      **error);
void      hs_cli_output_clear        (HsCliOutput  *out);

void      hs_cli_print               (HsCliOutput  *out,
                                      const char   *format,
                                      ...) G_GNUC_PRINTF (2, 3);
void      hs_cli_print_text          (HsCliOutput  *out,
                                      const char   *text);
char     *hs_cli_sanitize            (const char   *text,
                                      gssize        max_chars);

void      hs_cli_write_speaker       (HsCliOutput  *out,
                                      HsSpeaker    *speaker,
                                      gboolean      full);
void      hs_cli_write_source        (HsCliOutput  *out,
                                      HsSource     *source,
                                      gboolean      full);
void      hs_cli_write_topic         (HsCliOutput  *out,
                                      HsTopic      *topic);
void      hs_cli_write_claim         (HsCliOutput  *out,
                                      HsClaim      *claim,
                                      gboolean      full);
void      hs_cli_write_resolution    (HsCliOutput  *out,
                                      HsResolution *resolution,
                                      gboolean      current);
void      hs_cli_write_score_row     (HsCliOutput  *out,
                                      HsScoreRow   *row);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HsCliOutput, hs_cli_output_clear)

G_END_DECLS
