/* hindsight-cli.c: Hindsight without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 on success, 1 on bad input or an unknown id, 2 on bad usage.
 * Errors go to standard error, one line per problem.
 */

#define G_LOG_DOMAIN "hindsight-cli"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hindsight-chart.h"
#include "hindsight-core.h"
#include "hs-cli-output.h"

enum
{
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  const char  *db_path;
  const char  *command;
  int          argc;     /* the command's own arguments, command name first */
  char       **argv;
} Cli;

typedef int (*CommandFunc) (Cli *cli);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  run;
} Command;

/* Options shared by the commands that take them; each command names the
 * ones it accepts. */
static gboolean opt_json;
static char *opt_speaker, *opt_topic, *opt_source, *opt_status, *opt_search, *opt_due_before;
static char *opt_kind, *opt_from, *opt_to, *opt_format, *opt_on_conflict;
static char *opt_on, *opt_evidence, *opt_url;
static char *opt_output, *opt_theme, *opt_words;
static double opt_width = 1200, opt_height = 700, opt_scale = 1;
static int opt_within = 30;
static int opt_limit = 0;

static const GOptionEntry json_entry[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, "Print JSON instead of text", NULL },
  { NULL }
};

static const GOptionEntry filter_entries[] = {
  { "speaker", 0, 0, G_OPTION_ARG_STRING, &opt_speaker, "Only this speaker's", "ID" },
  { "topic", 0, 0, G_OPTION_ARG_STRING, &opt_topic, "Only on this topic", "ID" },
  { "source", 0, 0, G_OPTION_ARG_STRING, &opt_source, "Only from this source", "ID" },
  { "status", 0, 0, G_OPTION_ARG_STRING, &opt_status,
    "Only predictions with this status (open, confirmed, partial, refuted, ambiguous)", "S" },
  { "search", 0, 0, G_OPTION_ARG_STRING, &opt_search,
    "Only those whose text, quote or original text contain all these words", "TEXT" },
  { "due-before", 0, 0, G_OPTION_ARG_STRING, &opt_due_before,
    "Only predictions whose latest resolve date is before DATE", "DATE" },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, "Only those stated on or after DATE", "DATE" },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, "Only those stated on or before DATE", "DATE" },
  { "limit", 0, 0, G_OPTION_ARG_INT, &opt_limit, "Show at most N", "N" },
  { NULL }
};

static const GOptionEntry claims_entries[] = {
  { "kind", 0, 0, G_OPTION_ARG_STRING, &opt_kind, "claims: all, claim (not predictions), prediction",
    "KIND" },
  { NULL }
};

static const GOptionEntry format_entries[] = {
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, "json or csv (default: by the file's extension)",
    "FORMAT" },
  { NULL }
};

static const GOptionEntry conflict_entries[] = {
  { "on-conflict", 0, 0, G_OPTION_ARG_STRING, &opt_on_conflict,
    "When an id exists with other content: fail (default), keep the stored one, or replace it",
    "fail|keep|replace" },
  { NULL }
};

static const GOptionEntry resolve_entries[] = {
  { "status", 0, 0, G_OPTION_ARG_STRING, &opt_status,
    "confirmed, partial, refuted, ambiguous, or open to reopen", "S" },
  { "on", 0, 0, G_OPTION_ARG_STRING, &opt_on, "The date the status applies from", "DATE" },
  { "evidence", 0, 0, G_OPTION_ARG_STRING, &opt_evidence, "What shows it", "TEXT" },
  { "url", 0, 0, G_OPTION_ARG_STRING, &opt_url, "A link to the evidence (http or https)", "URL" },
  { NULL }
};

static const GOptionEntry chart_entries[] = {
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, "png, svg or pdf (default: by the output's extension)",
    "FORMAT" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "The file to write", "FILE" },
  { "width", 0, 0, G_OPTION_ARG_DOUBLE, &opt_width, "Width in pixels (points for SVG and PDF); default 1200", "W" },
  { "height", 0, 0, G_OPTION_ARG_DOUBLE, &opt_height, "Height; default 700", "H" },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &opt_scale, "Pixels per unit in a PNG: 2 for a crisp image; default 1", "S" },
  { "theme", 0, 0, G_OPTION_ARG_STRING, &opt_theme, "light (default), dark, high-contrast or high-contrast-dark",
    "THEME" },
  { "words", 0, 0, G_OPTION_ARG_STRING, &opt_words,
    "Also score resolved predictions that gave words but no number, by this scale: none (default) "
    "or estimative", "SCALE" },
  { NULL }
};

static const GOptionEntry due_entries[] = {
  { "within", 0, 0, G_OPTION_ARG_INT, &opt_within, "Upcoming: due within DAYS (default 30)", "DAYS" },
  { NULL }
};

static const GOptionEntry scorecard_entries[] = {
  { "topic", 0, 0, G_OPTION_ARG_STRING, &opt_topic, "Only predictions on this topic", "ID" },
  { "speaker", 0, 0, G_OPTION_ARG_STRING, &opt_speaker, "Only this speaker", "ID" },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, "Only predictions stated on or after DATE", "DATE" },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, "Only predictions stated on or before DATE", "DATE" },
  { "words", 0, 0, G_OPTION_ARG_STRING, &opt_words,
    "Also score resolved predictions that gave words but no number, by this scale: none (default) "
    "or estimative", "SCALE" },
  { NULL }
};

static int
fail (int         status,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static int
fail (int         status,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;
  g_autofree char *clean = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Messages quote the user's data; keep terminal control out of them too,
   * but keep the line breaks that separate problems. */
  {
    g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
    GString *out = g_string_new (NULL);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_autofree char *line = hs_cli_sanitize (lines[i], -1);
        g_string_append_printf (out, "hindsight-cli: %s\n", line);
      }
    clean = g_string_free (out, FALSE);
  }
  fputs (clean, stderr);
  return status;
}

static int
fail_error (GError *error)
{
  return fail (EXIT_BAD_INPUT, "%s", error->message);
}

/* Parses the command's options; anything it does not know is bad usage. */
static gboolean
parse_options (Cli                *cli,
               const char         *parameters,
               const GOptionEntry *groups[],
               int                *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *usage = g_strdup_printf ("%s %s", cli->command, parameters ? parameters : "");

  context = g_option_context_new (usage);
  g_option_context_set_help_enabled (context, TRUE);
  for (guint i = 0; groups[i] != NULL; i++)
    g_option_context_add_main_entries (context, groups[i], NULL);
  g_option_context_add_main_entries (context, json_entry, NULL);

  if (!g_option_context_parse (context, &cli->argc, &cli->argv, &error))
    {
      *status = fail (EXIT_USAGE, "%s (see hindsight-cli %s --help)", error->message, cli->command);
      return FALSE;
    }
  return TRUE;
}

static gboolean
expect_arguments (Cli        *cli,
                  int         n,
                  const char *what,
                  int        *status)
{
  /* argv[0] is the command itself. */
  if (cli->argc - 1 != n)
    {
      *status = fail (EXIT_USAGE, "%s %s (see hindsight-cli %s --help)",
                      cli->argc - 1 < n ? "missing" : "too many arguments; expected", what,
                      cli->command);
      return FALSE;
    }
  return TRUE;
}

static HsStore *
open_store (Cli *cli,
            int *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cli->db_path ? g_strdup (cli->db_path) : hs_store_default_path ();
  HsStore *store = hs_store_open (path, &error);

  if (store == NULL)
    *status = fail_error (error);
  return store;
}

static gboolean
parse_date_option (const char *option,
                   const char *text,
                   HsDate     *out,
                   int        *status)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return TRUE;
  if (!hs_date_parse (text, out, &error))
    {
      *status = fail (EXIT_BAD_INPUT, "--%s: %s", option, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_exists (HsStore      *store,
              HsObjectKind  kind,
              const char   *what,
              const char   *id,
              int          *status)
{
  g_autoptr(GError) error = NULL;
  HsObjectKind found;

  if (id == NULL)
    return TRUE;
  found = hs_store_find_id (store, id, &error);
  if (error != NULL)
    {
      *status = fail_error (error);
      return FALSE;
    }
  if (found != kind)
    {
      *status = fail (EXIT_BAD_INPUT, "there is no %s with id “%s”", what, id);
      return FALSE;
    }
  return TRUE;
}

/* Builds the query the filter options describe, checking every id and value. */
static gboolean
build_query (HsStore *store,
             HsQuery *query,
             int     *status)
{
  hs_query_init (query);

  if (!check_exists (store, HS_OBJECT_SPEAKER, "speaker", opt_speaker, status) ||
      !check_exists (store, HS_OBJECT_TOPIC, "topic", opt_topic, status) ||
      !check_exists (store, HS_OBJECT_SOURCE, "source", opt_source, status))
    return FALSE;
  query->speaker_id = opt_speaker;
  query->topic_id = opt_topic;
  query->source_id = opt_source;
  query->search = opt_search;

  if (opt_status != NULL)
    {
      HsStatus status_value;

      if (!hs_status_from_string (opt_status, &status_value))
        {
          *status = fail (EXIT_BAD_INPUT, "--status: “%s” is not a status; expected one of: %s",
                          opt_status, hs_status_names ());
          return FALSE;
        }
      query->status = status_value;
    }

  if (!parse_date_option ("due-before", opt_due_before, &query->due_before, status) ||
      !parse_date_option ("from", opt_from, &query->stated_from, status) ||
      !parse_date_option ("to", opt_to, &query->stated_to, status))
    return FALSE;

  if (opt_limit < 0)
    {
      *status = fail (EXIT_USAGE, "--limit must be 0 or more");
      return FALSE;
    }
  query->limit = opt_limit;
  return TRUE;
}

/* --words: the scale that scores confidence words; numbers only unless
 * asked, so that a Brier score means the same as without the option. */
static gboolean
parse_words_option (HsWordsScale *scale,
                    int          *status)
{
  *scale = HS_WORDS_SCALE_NONE;
  if (opt_words != NULL && !hs_words_scale_from_string (opt_words, scale))
    {
      *status = fail (EXIT_USAGE, "--words: “%s” is not a scale; expected one of: %s", opt_words,
                      hs_words_scale_names ());
      return FALSE;
    }
  return TRUE;
}

static int
finish_output (HsCliOutput *out)
{
  g_autoptr(GError) error = NULL;

  if (!hs_cli_output_finish (out, &error))
    return fail (EXIT_BAD_INPUT, "cannot write the output: %s", error->message);
  return EXIT_OK;
}

/* ---------------------------------------------------------------------- */
/* Commands                                                                */

static int
cmd_init (Cli *cli)
{
  static const GOptionEntry *groups[] = { NULL };
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(HsCliOutput) out = { 0 };
  HsImportReport report;
  int status = EXIT_OK;
  gboolean empty;

  if (!parse_options (cli, NULL, groups, &status) || !expect_arguments (cli, 0, "", &status) ||
      !(store = open_store (cli, &status)))
    return status;

  empty = hs_store_is_empty (store, &error);
  if (error != NULL)
    return fail_error (error);

  if (empty && !hs_store_import_bundled (store, &report, &error))
    return fail_error (error);

  hs_cli_output_init (&out, store, opt_json);
  if (out.json != NULL)
    {
      hs_json_writer_begin_object (out.json);
      hs_json_writer_member_string (out.json, "database", hs_store_get_path (store));
      hs_json_writer_member (out.json, "loaded");
      hs_json_writer_boolean (out.json, empty);
      hs_json_writer_end_object (out.json);
    }
  else if (empty)
    {
      g_autofree char *summary = hs_import_report_to_string (&report);
      hs_cli_print (&out, "Created %s with the bundled dataset: %s.", hs_store_get_path (store),
                    summary);
    }
  else
    hs_cli_print (&out, "%s already holds data; the bundled dataset was not loaded again.",
                  hs_store_get_path (store));
  return finish_output (&out);
}

static gboolean
parse_import_format (const char     *text,
                     HsImportFormat *format,
                     int            *status)
{
  if (text == NULL)
    *format = HS_IMPORT_FORMAT_AUTO;
  else if (g_ascii_strcasecmp (text, "json") == 0)
    *format = HS_IMPORT_FORMAT_JSON;
  else if (g_ascii_strcasecmp (text, "csv") == 0)
    *format = HS_IMPORT_FORMAT_CSV;
  else
    {
      *status = fail (EXIT_USAGE, "--format: “%s” is not a format; expected json or csv", text);
      return FALSE;
    }
  return TRUE;
}

static int
cmd_import (Cli *cli)
{
  static const GOptionEntry *groups[] = { format_entries, conflict_entries, NULL };
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  HsImportFormat format;
  HsConflictPolicy policy = HS_CONFLICT_FAIL;
  HsImportReport report;
  int status = EXIT_OK;

  if (!parse_options (cli, "FILE", groups, &status) || !expect_arguments (cli, 1, "FILE", &status) ||
      !parse_import_format (opt_format, &format, &status))
    return status;

  if (opt_on_conflict == NULL || strcmp (opt_on_conflict, "fail") == 0)
    policy = HS_CONFLICT_FAIL;
  else if (strcmp (opt_on_conflict, "keep") == 0)
    policy = HS_CONFLICT_KEEP;
  else if (strcmp (opt_on_conflict, "replace") == 0)
    policy = HS_CONFLICT_REPLACE;
  else
    return fail (EXIT_USAGE, "--on-conflict: “%s” is not a choice; expected fail, keep or replace",
                 opt_on_conflict);

  file = g_file_new_for_commandline_arg (cli->argv[1]);
  if (format == HS_IMPORT_FORMAT_AUTO)
    {
      g_autofree char *lower = g_ascii_strdown (cli->argv[1], -1);

      if (!g_str_has_suffix (lower, ".json") && !g_str_has_suffix (lower, ".csv"))
        return fail (EXIT_USAGE, "%s: cannot tell the format from the name; use --format json or "
                                 "--format csv", cli->argv[1]);
    }

  if (!(store = open_store (cli, &status)))
    return status;

  /* Errors name the file as it was given, so they match what was typed. */
  {
    g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &error);
    HsImportFormat chosen = format;
    g_autofree char *name_lower = g_ascii_strdown (cli->argv[1], -1);

    if (stream == NULL)
      return fail (EXIT_BAD_INPUT, "%s: %s", cli->argv[1], error->message);
    if (chosen == HS_IMPORT_FORMAT_AUTO)
      chosen = g_str_has_suffix (name_lower, ".csv") ? HS_IMPORT_FORMAT_CSV : HS_IMPORT_FORMAT_JSON;
    /* The choice a conflict asks for is the CLI's to name: the window
     * shows the same problems with buttons instead. */
    if (!hs_store_import_stream (store, G_INPUT_STREAM (stream), cli->argv[1], chosen, policy,
                                 &report, NULL, &error))
      return fail (EXIT_BAD_INPUT, "%s\n%s: nothing was imported%s", error->message, cli->argv[1],
                   g_error_matches (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_CONFLICT)
                     ? "; import with --on-conflict keep or replace to choose" : "");
  }

  if (opt_json)
    {
      static const char *kinds[] = { "speakers", "sources", "topics", "claims", "resolutions" };
      static const char *outcomes[] = { "added", "updated", "unchanged", "skipped" };

      g_print ("{\n");
      for (guint o = 0; o < HS_N_OUTCOMES; o++)
        {
          g_print ("  \"%s\": {", outcomes[o]);
          for (guint k = 0; k < HS_N_RECORD_KINDS; k++)
            g_print ("%s\"%s\": %u", k ? ", " : " ", kinds[k], report.counts[k][o]);
          g_print (" },\n");
        }
      g_print ("  \"predictions_added\": %u\n}\n", report.predictions_added);
    }
  else
    {
      g_autofree char *summary = hs_import_report_to_string (&report);
      g_print ("Imported %s: %s.\n", cli->argv[1], summary);
    }
  return EXIT_OK;
}

static int
cmd_export (Cli *cli)
{
  static const GOptionEntry *groups[] = { format_entries, NULL };
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  HsExportFormat format = HS_EXPORT_FORMAT_AUTO;
  int status = EXIT_OK;

  if (!parse_options (cli, "FILE", groups, &status) || !expect_arguments (cli, 1, "FILE", &status))
    return status;

  if (opt_format != NULL)
    {
      if (g_ascii_strcasecmp (opt_format, "json") == 0)
        format = HS_EXPORT_FORMAT_JSON;
      else if (g_ascii_strcasecmp (opt_format, "csv") == 0)
        format = HS_EXPORT_FORMAT_CSV;
      else
        return fail (EXIT_USAGE, "--format: “%s” is not a format; expected json or csv", opt_format);
    }
  else
    {
      g_autofree char *lower = g_ascii_strdown (cli->argv[1], -1);

      if (!g_str_has_suffix (lower, ".json") && !g_str_has_suffix (lower, ".csv"))
        return fail (EXIT_USAGE, "%s: cannot tell the format from the name; use --format json or "
                                 "--format csv", cli->argv[1]);
    }

  if (!(store = open_store (cli, &status)))
    return status;

  file = g_file_new_for_commandline_arg (cli->argv[1]);
  if (!hs_store_export_file (store, file, format, NULL, NULL, &error))
    return fail (EXIT_BAD_INPUT, "%s: %s", cli->argv[1], error->message);

  if (!opt_json)
    g_print ("Exported to %s.\n", cli->argv[1]);
  return EXIT_OK;
}

static int
cmd_speakers (Cli *cli)
{
  static const GOptionEntry *groups[] = { filter_entries, NULL };
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(HsCliOutput) out = { 0 };
  HsQuery query;
  int status = EXIT_OK;

  if (!parse_options (cli, NULL, groups, &status) || !expect_arguments (cli, 0, "", &status) ||
      !(store = open_store (cli, &status)) || !build_query (store, &query, &status))
    return status;
  if (query.status >= 0 || hs_date_is_set (&query.due_before))
    return fail (EXIT_USAGE, "--status and --due-before apply to claims and predictions, not speakers");

  if (!(speakers = hs_store_list_speakers (store, &query, &error)))
    return fail_error (error);

  hs_cli_output_init (&out, store, opt_json);
  if (out.json)
    hs_json_writer_begin_array (out.json);
  for (guint i = 0; i < speakers->len && (opt_limit == 0 || i < (guint) opt_limit); i++)
    hs_cli_write_speaker (&out, g_ptr_array_index (speakers, i), FALSE);
  if (out.json)
    hs_json_writer_end_array (out.json);
  return finish_output (&out);
}

static int
cmd_sources (Cli *cli)
{
  static const GOptionEntry *groups[] = { filter_entries, NULL };
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(HsCliOutput) out = { 0 };
  HsQuery query;
  int status = EXIT_OK;

  if (!parse_options (cli, NULL, groups, &status) || !expect_arguments (cli, 0, "", &status) ||
      !(store = open_store (cli, &status)) || !build_query (store, &query, &status))
    return status;
  if (query.status >= 0 || hs_date_is_set (&query.due_before) || query.search != NULL)
    return fail (EXIT_USAGE, "--status, --due-before and --search apply to claims and predictions, "
                             "not sources");

  if (!(sources = hs_store_list_sources (store, &query, &error)))
    return fail_error (error);

  hs_cli_output_init (&out, store, opt_json);
  if (out.json)
    hs_json_writer_begin_array (out.json);
  for (guint i = 0; i < sources->len && (opt_limit == 0 || i < (guint) opt_limit); i++)
    hs_cli_write_source (&out, g_ptr_array_index (sources, i), FALSE);
  if (out.json)
    hs_json_writer_end_array (out.json);
  return finish_output (&out);
}

static int
cmd_topics (Cli *cli)
{
  static const GOptionEntry *groups[] = { NULL };
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(HsCliOutput) out = { 0 };
  int status = EXIT_OK;

  if (!parse_options (cli, NULL, groups, &status) || !expect_arguments (cli, 0, "", &status) ||
      !(store = open_store (cli, &status)))
    return status;
  if (!(topics = hs_store_list_topics (store, &error)))
    return fail_error (error);

  hs_cli_output_init (&out, store, opt_json);
  if (out.json)
    hs_json_writer_begin_array (out.json);
  for (guint i = 0; i < topics->len; i++)
    hs_cli_write_topic (&out, g_ptr_array_index (topics, i));
  if (out.json)
    hs_json_writer_end_array (out.json);
  return finish_output (&out);
}

static gboolean
write_claim_cb (HsClaim  *claim,
                gpointer  user_data)
{
  HsCliOutput *out = user_data;

  hs_cli_write_claim (out, claim, FALSE);
  if (out->json == NULL)
    hs_cli_print (out, "%s", "");
  return TRUE;
}

static int
list_claims (Cli         *cli,
             HsQueryKind  kind)
{
  static const GOptionEntry *claim_groups[] = { filter_entries, claims_entries, NULL };
  static const GOptionEntry *prediction_groups[] = { filter_entries, NULL };
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(HsCliOutput) out = { 0 };
  HsQuery query;
  int status = EXIT_OK;

  if (!parse_options (cli, NULL, kind == HS_QUERY_KIND_PREDICTIONS ? prediction_groups : claim_groups,
                      &status) ||
      !expect_arguments (cli, 0, "", &status) || !(store = open_store (cli, &status)) ||
      !build_query (store, &query, &status))
    return status;

  query.kind = kind;
  if (opt_kind != NULL)
    {
      if (strcmp (opt_kind, "all") == 0)
        query.kind = HS_QUERY_KIND_ALL;
      else if (strcmp (opt_kind, "claim") == 0)
        query.kind = HS_QUERY_KIND_CLAIMS;
      else if (strcmp (opt_kind, "prediction") == 0)
        query.kind = HS_QUERY_KIND_PREDICTIONS;
      else
        return fail (EXIT_USAGE, "--kind: “%s” is not a kind; expected all, claim or prediction",
                     opt_kind);
    }

  hs_cli_output_init (&out, store, opt_json);
  if (out.json)
    hs_json_writer_begin_array (out.json);
  if (!hs_store_foreach_claim (store, &query, write_claim_cb, &out, &error))
    return fail_error (error);
  if (out.json)
    hs_json_writer_end_array (out.json);
  return finish_output (&out);
}

static int
cmd_claims (Cli *cli)
{
  return list_claims (cli, HS_QUERY_KIND_ALL);
}

static int
cmd_predictions (Cli *cli)
{
  return list_claims (cli, HS_QUERY_KIND_PREDICTIONS);
}

static int
cmd_show (Cli *cli)
{
  static const GOptionEntry *groups[] = { NULL };
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(HsCliOutput) out = { 0 };
  const char *id;
  int status = EXIT_OK;

  if (!parse_options (cli, "ID", groups, &status) || !expect_arguments (cli, 1, "ID", &status) ||
      !(store = open_store (cli, &status)))
    return status;

  id = cli->argv[1];
  hs_cli_output_init (&out, store, opt_json);

  switch (hs_store_find_id (store, id, &error))
    {
    case HS_OBJECT_SPEAKER:
      {
        g_autoptr(HsSpeaker) speaker = hs_store_get_speaker (store, id, &error);
        if (speaker == NULL)
          return fail_error (error);
        hs_cli_write_speaker (&out, speaker, TRUE);
      }
      break;
    case HS_OBJECT_SOURCE:
      {
        g_autoptr(HsSource) source = hs_store_get_source (store, id, &error);
        if (source == NULL)
          return fail_error (error);
        hs_cli_write_source (&out, source, TRUE);
      }
      break;
    case HS_OBJECT_TOPIC:
      {
        g_autoptr(HsTopic) topic = hs_store_get_topic (store, id, &error);
        if (topic == NULL)
          return fail_error (error);
        hs_cli_write_topic (&out, topic);
      }
      break;
    case HS_OBJECT_CLAIM:
      {
        g_autoptr(HsClaim) claim = hs_store_get_claim (store, id, &error);
        if (claim == NULL)
          return fail_error (error);
        hs_cli_write_claim (&out, claim, TRUE);
      }
      break;
    case HS_OBJECT_RESOLUTION:
      return fail (EXIT_BAD_INPUT, "“%s” is an entry in a prediction's history; "
                                   "use hindsight-cli history with the prediction's id", id);
    case HS_OBJECT_NONE:
    default:
      if (error != NULL)
        return fail_error (error);
      return fail (EXIT_BAD_INPUT, "nothing has the id “%s”", id);
    }

  return finish_output (&out);
}

static int
cmd_resolve (Cli *cli)
{
  static const GOptionEntry *groups[] = { resolve_entries, NULL };
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsResolution) resolution = NULL;
  g_auto(HsCliOutput) out = { 0 };
  HsStatus resolution_status;
  HsDate on = { 0 };
  int status = EXIT_OK;

  if (!parse_options (cli, "ID --status S --on DATE [--evidence TEXT] [--url URL]", groups, &status) ||
      !expect_arguments (cli, 1, "ID", &status))
    return status;
  if (opt_status == NULL || opt_on == NULL)
    return fail (EXIT_USAGE, "resolve needs --status and --on (see hindsight-cli resolve --help)");
  if (!hs_status_from_string (opt_status, &resolution_status))
    return fail (EXIT_BAD_INPUT, "--status: “%s” is not a status; expected one of: %s", opt_status,
                 hs_status_names ());
  if (!parse_date_option ("on", opt_on, &on, &status))
    return status;
  if (opt_url != NULL && !hs_url_is_web (opt_url))
    return fail (EXIT_BAD_INPUT, "--url: “%s” is not a web link: only http:// and https:// links "
                                 "are kept", opt_url);
  if (opt_evidence != NULL && strlen (opt_evidence) > 65536)
    return fail (EXIT_BAD_INPUT, "--evidence: at most 65536 bytes are allowed");

  if (!(store = open_store (cli, &status)))
    return status;

  {
    g_autofree char *uuid = g_uuid_string_random ();

    resolution = hs_resolution_new (uuid, resolution_status, &on);
    hs_resolution_set_evidence (resolution, opt_evidence);
    hs_resolution_set_url (resolution, opt_url);
  }
  if (!hs_store_add_resolution (store, cli->argv[1], resolution, &error))
    return fail_error (error);

  hs_cli_output_init (&out, store, opt_json);
  if (out.json != NULL)
    hs_cli_write_resolution (&out, resolution, TRUE);
  else
    {
      g_autoptr(HsClaim) claim = hs_store_get_claim (store, cli->argv[1], NULL);
      HsStatus now = claim ? hs_prediction_get_status (hs_claim_get_prediction (claim)) : resolution_status;

      hs_cli_print (&out, "Recorded %s as %s from %s (entry %s); its status is now %s.",
                    cli->argv[1], hs_status_to_string (resolution_status), opt_on,
                    hs_resolution_get_id (resolution), hs_status_to_string (now));
    }
  return finish_output (&out);
}

static int
cmd_undo (Cli *cli)
{
  static const GOptionEntry *groups[] = { NULL };
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!parse_options (cli, "ENTRY-ID", groups, &status) ||
      !expect_arguments (cli, 1, "ENTRY-ID", &status) || !(store = open_store (cli, &status)))
    return status;
  if (!hs_store_undo_resolution (store, cli->argv[1], &error))
    return fail_error (error);
  if (!opt_json)
    g_print ("Removed entry %s.\n", cli->argv[1]);
  return EXIT_OK;
}

static int
cmd_history (Cli *cli)
{
  static const GOptionEntry *groups[] = { NULL };
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = NULL;
  g_auto(HsCliOutput) out = { 0 };
  int status = EXIT_OK;
  guint n;

  if (!parse_options (cli, "ID", groups, &status) || !expect_arguments (cli, 1, "ID", &status) ||
      !(store = open_store (cli, &status)))
    return status;
  if (!(history = hs_store_get_history (store, cli->argv[1], &error)))
    return fail_error (error);

  hs_cli_output_init (&out, store, opt_json);
  n = g_list_model_get_n_items (history);
  if (out.json)
    hs_json_writer_begin_array (out.json);
  else if (n == 0)
    hs_cli_print (&out, "%s is open: nothing has been recorded yet.", cli->argv[1]);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HsResolution) entry = g_list_model_get_item (history, i);
      hs_cli_write_resolution (&out, entry, i == n - 1);
    }
  if (out.json)
    hs_json_writer_end_array (out.json);
  return finish_output (&out);
}

static int
cmd_due (Cli *cli)
{
  static const GOptionEntry *groups[] = { due_entries, NULL };
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(HsCliOutput) out = { 0 };
  HsDate today = hs_date_today ();
  HsDate horizon;
  HsQuery query;
  int status = EXIT_OK;
  char today_text[HS_DATE_BUFSIZE], horizon_text[HS_DATE_BUFSIZE];

  if (!parse_options (cli, "[--within DAYS]", groups, &status) ||
      !expect_arguments (cli, 0, "", &status))
    return status;
  if (opt_within < 0 || opt_within > 36500)
    return fail (EXIT_USAGE, "--within takes a number of days from 0 to 36500");
  if (!(store = open_store (cli, &status)))
    return status;

  /* Overdue: open and past the latest date. Upcoming: open and due from
   * today to the last day of the window. */
  horizon = hs_date_add_days (&today, opt_within + 1);
  hs_date_to_buffer (&today, today_text);
  hs_date_to_buffer (&horizon, horizon_text);

  hs_cli_output_init (&out, store, opt_json);
  if (out.json)
    {
      hs_json_writer_begin_object (out.json);
      hs_json_writer_member_string (out.json, "today", today_text);
      hs_json_writer_member (out.json, "within_days");
      hs_json_writer_int (out.json, opt_within);
    }

  for (guint part = 0; part < 2; part++)
    {
      guint shown = 0;

      hs_query_init (&query);
      query.kind = HS_QUERY_KIND_PREDICTIONS;
      query.status = HS_STATUS_OPEN;
      query.sort = HS_QUERY_SORT_DUE;
      query.due_before = part == 0 ? today : horizon;
      if (part == 1)
        query.due_from = today;

      if (out.json)
        {
          hs_json_writer_member (out.json, part == 0 ? "overdue" : "upcoming");
          hs_json_writer_begin_array (out.json);
        }
      else
        hs_cli_print (&out, part == 0 ? "Overdue (still open after their latest date, %s):"
                                      : "Due by %s:", part == 0 ? today_text : horizon_text);

      {
        g_autoptr(GArray) rows = hs_store_query_claims (store, &query, &error);

        if (rows == NULL)
          return fail_error (error);
        for (guint i = 0; i < rows->len; i++)
          {
            g_autoptr(HsClaim) claim = hs_store_get_claim_at (store, g_array_index (rows, gint64, i),
                                                              &error);

            if (claim == NULL)
              return fail_error (error);
            write_claim_cb (claim, &out);
            shown++;
          }
      }

      if (out.json)
        hs_json_writer_end_array (out.json);
      else if (shown == 0)
        hs_cli_print (&out, "%s", "    none\n");
    }

  if (out.json)
    hs_json_writer_end_object (out.json);
  return finish_output (&out);
}

static int
cmd_scorecard (Cli *cli)
{
  static const GOptionEntry *groups[] = { scorecard_entries, NULL };
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(HsCliOutput) out = { 0 };
  HsWordsScale words;
  HsQuery query;
  guint scored_from_words = 0;
  int status = EXIT_OK;

  if (!parse_options (cli, NULL, groups, &status) || !expect_arguments (cli, 0, "", &status) ||
      !parse_words_option (&words, &status) ||
      !(store = open_store (cli, &status)) || !build_query (store, &query, &status))
    return status;
  query.words_scale = words;
  if (!(rows = hs_store_scorecard (store, &query, &error)))
    return fail_error (error);

  hs_cli_output_init (&out, store, opt_json);
  if (out.json)
    hs_json_writer_begin_array (out.json);
  else
    hs_cli_print (&out, "%-30s %5s %5s %5s %5s %5s %5s %5s %5s   %-19s %s", "Speaker", "Pred",
                  "Res", "Conf", "Part", "Ref", "Amb", "Open", "Late", "Hit rate [95% CI]",
                  "Brier");
  for (guint i = 0; i < rows->len; i++)
    {
      HsScoreRow *row = g_ptr_array_index (rows, i);

      hs_cli_write_score_row (&out, row);
      scored_from_words += row->brier_words;
    }
  if (out.json)
    hs_json_writer_end_array (out.json);
  else
    {
      hs_cli_print (&out, "%s",
                    "\nHit rate = (confirmed + ½ partial) / (confirmed + partial + refuted), with its "
                    "95% Wilson interval;\nBrier = mean (p − outcome)² over resolved predictions with "
                    "a stated probability (lower is better).");
      if (words != HS_WORDS_SCALE_NONE)
        hs_cli_print (&out, "Brier includes %u prediction%s scored from their words (scale: %s, %s).",
                      scored_from_words, scored_from_words == 1 ? "" : "s",
                      hs_words_scale_to_string (words), hs_words_scale_get_title (words));
    }
  return finish_output (&out);
}

static int
cmd_chart (Cli *cli)
{
  static const GOptionEntry *groups[] = { chart_entries, filter_entries, NULL };
  g_autoptr(HsStore) store = NULL;
  g_autoptr(HsChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  HsChartFormat format;
  HsChartTheme theme = HS_CHART_THEME_LIGHT;
  HsWordsScale words;
  HsQuery query;
  int status = EXIT_OK;

  if (!parse_options (cli, "KIND --format png|svg|pdf --output FILE [--width W --height H]", groups,
                      &status) ||
      !expect_arguments (cli, 1, "KIND (one of: timeline, timeline-topics, scorecard, calibration, due)",
                         &status))
    return status;
  if (opt_output == NULL)
    return fail (EXIT_USAGE, "chart needs --output FILE (see hindsight-cli chart --help)");

  if (opt_format == NULL)
    {
      const char *dot = strrchr (opt_output, '.');
      g_autofree char *extension = dot ? g_ascii_strdown (dot + 1, -1) : NULL;

      if (!hs_chart_format_from_string (extension, &format))
        return fail (EXIT_USAGE, "%s: cannot tell the format from the name; use --format png, svg "
                                 "or pdf", opt_output);
    }
  else if (!hs_chart_format_from_string (opt_format, &format))
    return fail (EXIT_USAGE, "--format: “%s” is not a chart format; expected png, svg or pdf",
                 opt_format);
  if (opt_theme != NULL && !hs_chart_theme_from_string (opt_theme, &theme))
    return fail (EXIT_USAGE, "--theme: “%s” is not a theme; expected light, dark, high-contrast or "
                            "high-contrast-dark",
                 opt_theme);
  if (!parse_words_option (&words, &status))
    return status;

  if (!(store = open_store (cli, &status)) || !build_query (store, &query, &status))
    return status;
  query.words_scale = words;

  if (!(chart = hs_chart_new_for_kind (cli->argv[1], store, &query, &error)))
    return fail (g_error_matches (error, HS_CHART_ERROR, HS_CHART_ERROR_UNKNOWN_KIND) ? EXIT_USAGE
                                                                                       : EXIT_BAD_INPUT,
                 "%s", error->message);
  hs_chart_set_theme (chart, theme);

  if (!hs_chart_export (chart, format, opt_output, opt_width, opt_height, opt_scale, &error))
    return fail_error (error);

  if (!opt_json)
    g_print ("Wrote the %s chart to %s.\n", cli->argv[1], opt_output);
  return EXIT_OK;
}

static const Command commands[] = {
  { "init", "", "Create the database and load the bundled dataset if it is empty", cmd_init },
  { "import", "FILE", "Import a JSON or CSV file, all or nothing, and print what changed", cmd_import },
  { "export", "FILE", "Export everything (.json) or the predictions (.csv)", cmd_export },
  { "speakers", "", "List speakers", cmd_speakers },
  { "sources", "", "List sources", cmd_sources },
  { "topics", "", "List topics", cmd_topics },
  { "claims", "", "List claims (predictions included)", cmd_claims },
  { "predictions", "", "List predictions", cmd_predictions },
  { "show", "ID", "Show one speaker, source, topic, claim or prediction in full", cmd_show },
  { "resolve", "ID --status S --on DATE", "Append a resolution to a prediction's history", cmd_resolve },
  { "undo", "ENTRY-ID", "Remove the history entry that was added last", cmd_undo },
  { "history", "ID", "Show a prediction's resolution history", cmd_history },
  { "due", "[--within DAYS]", "List overdue and upcoming predictions", cmd_due },
  { "scorecard", "", "Per-speaker scores: hit rate with its interval, Brier score", cmd_scorecard },
  { "chart", "KIND --format F --output FILE", "Render a chart (timeline, scorecard, calibration, due) as PNG, SVG or PDF", cmd_chart },
};

static void
print_help (FILE *stream)
{
  fprintf (stream,
           "Usage: hindsight-cli [--db PATH] COMMAND [OPTIONS…]\n\n"
           "Keeps track of what public figures claimed and predicted, and keeps score.\n\n"
           "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *head = g_strdup_printf ("%s %s", commands[i].name, commands[i].args);
      fprintf (stream, "  %-36s %s\n", head, commands[i].summary);
    }
  fprintf (stream,
           "\nGlobal options:\n"
           "  --db PATH        The database (default: $HINDSIGHT_DB, else %s)\n"
           "  --version        Print the version\n"
           "  -h, --help       Show this help; COMMAND --help shows a command's options\n\n"
           "Every listing takes --json. Listings take --speaker ID, --topic ID, --source ID,\n"
           "--status S, --search TEXT, --due-before DATE, --from DATE and --to DATE.\n"
           "Dates are YYYY, YYYY-MM or YYYY-MM-DD.\n\n"
           "Exit status: 0 on success, 1 on bad input or an unknown id, 2 on bad usage.\n",
           "~/.local/share/hindsight/hindsight.db");
}

int
main (int   argc,
      char *argv[])
{
  Cli cli = { 0 };
  int i;

  setlocale (LC_ALL, "");

  /* Global options come before the command. */
  for (i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--db") == 0)
        {
          if (i + 1 >= argc)
            return fail (EXIT_USAGE, "--db needs a path (see hindsight-cli --help)");
          cli.db_path = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        cli.db_path = argv[i] + 5;
      else if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_help (stdout);
          return EXIT_OK;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          g_print ("hindsight-cli %s\n", PACKAGE_VERSION);
          return EXIT_OK;
        }
      else if (argv[i][0] == '-')
        return fail (EXIT_USAGE, "unknown option %s (see hindsight-cli --help)", argv[i]);
      else
        break;
    }

  if (i >= argc)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }

  cli.command = argv[i];
  cli.argc = argc - i;
  cli.argv = argv + i;

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (strcmp (commands[c].name, cli.command) == 0)
      return commands[c].run (&cli);

  return fail (EXIT_USAGE, "“%s” is not a command (see hindsight-cli --help)", cli.command);
}
