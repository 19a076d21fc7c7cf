/* hs-window-transfer.c: the window's import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.import and win.export ask for a file with GtkFileChooserNative (the
 * portal's chooser in a sandbox), then do the work in a thread on a
 * connection of their own to the scorecard: the window's connection
 * belongs to the main thread, and with SQLite's write-ahead log both can
 * work at once. An import is one transaction, so an error or a cancel
 * leaves the scorecard as it was.
 *
 * Test hooks: with HINDSIGHT_TEST_IMPORT=PATH (or HINDSIGHT_TEST_EXPORT=
 * PATH) in the environment, win.import (win.export) uses PATH instead of
 * asking, for window tests that cannot rely on a file chooser.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-counting-input-stream.h"
#include "hs-progress-window.h"
#include "hs-window-editing.h"
#include "hs-window-transfer.h"

/* The progress window appears only for work that is not over at once. */
#define PROGRESS_DELAY_MS 250

/* Problems shown in the error dialog; the rest are counted. */
#define MAX_SHOWN_PROBLEMS 10

typedef enum
{
  JOB_IMPORT,
  JOB_EXPORT,
} JobKind;

typedef struct
{
  /* Set on the main thread before the work starts, read by the worker. */
  JobKind           kind;
  GFile            *file;
  char             *display_name;
  char             *db_path;
  HsConflictPolicy  policy;
  GCancellable     *cancellable;

  /* Written by the worker, read on the main thread once it returned. */
  HsImportReport    report;

  /* Main thread only. */
  HsWindow         *window;          /* weak: cleared when the window goes */
  HsProgressWindow *progress;
  guint             progress_source;
  guint64           done;
  guint64           total;
  gboolean          finished;
} Job;

static void
job_clear_window (Job *job)
{
  if (job->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (job->window), (gpointer *) &job->window);
  job->window = NULL;
}

/* The progress window goes (it may have gone with the window already). */
static void
job_finish_progress (Job *job)
{
  HsProgressWindow *progress = job->progress;

  g_clear_handle_id (&job->progress_source, g_source_remove);
  if (progress == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (progress), (gpointer *) &job->progress);
  job->progress = NULL;
  hs_progress_window_finish (progress);
}

static void
job_free (Job *job)
{
  job_finish_progress (job);
  job_clear_window (job);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->display_name, g_free);
  g_clear_pointer (&job->db_path, g_free);
  g_free (job);
}

static void
set_busy (HsWindow *self,
          gboolean  busy)
{
  g_object_set_data (G_OBJECT (self), "hs-transfer-busy", GINT_TO_POINTER (busy));
  hs_window_transfer_update_actions (self);
  /* Nothing else writes while an import holds the scorecard. */
  if (busy)
    {
      static const char * const editing[] = {
        "win.new-speaker", "win.new-source", "win.new-claim", "win.edit-speaker", "win.edit-source",
        "win.edit-claim", "win.delete-speaker", "win.delete-source", "win.delete-claim",
      };

      for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
        gtk_widget_action_set_enabled (GTK_WIDGET (self), editing[i], FALSE);
    }
  else
    hs_window_editing_update_actions (self);
}

static gboolean
is_busy (HsWindow *self)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "hs-transfer-busy"));
}

/* Runs in the main context, at most ten times a second. */
static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Job *job = g_task_get_task_data (G_TASK (user_data));

  if (job->finished)
    return;
  job->done = done;
  job->total = total;
  if (job->progress != NULL)
    hs_progress_window_set_progress (job->progress, done, total);
}

static gboolean
show_progress_cb (gpointer data)
{
  Job *job = data;
  g_autofree char *heading = NULL;

  job->progress_source = 0;
  if (job->finished || job->window == NULL)
    return G_SOURCE_REMOVE;

  /* Translators: "Importing claims.json" */
  heading = g_strdup_printf (job->kind == JOB_IMPORT ? _("Importing %s") : _("Exporting to %s"),
                             job->display_name);
  job->progress = hs_progress_window_new (GTK_WINDOW (job->window),
                                          job->kind == JOB_IMPORT ? _("Import") : _("Export"),
                                          heading, job->cancellable);
  g_object_add_weak_pointer (G_OBJECT (job->progress), (gpointer *) &job->progress);
  hs_progress_window_set_progress (job->progress, job->done, job->total);
  gtk_window_present (GTK_WINDOW (job->progress));
  return G_SOURCE_REMOVE;
}

static HsImportFormat
format_for_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, ".json"))
    return HS_IMPORT_FORMAT_JSON;
  if (g_str_has_suffix (lower, ".csv"))
    return HS_IMPORT_FORMAT_CSV;
  return HS_IMPORT_FORMAT_AUTO;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsStore) store = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) file_stream = NULL;
  g_autoptr(GInputStream) counting = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  HsImportFormat format = format_for_name (job->display_name);
  guint64 total = 0;

  /* The worker's own connection: the window's stays on the main thread. */
  if (!(store = hs_store_open (job->db_path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  info = g_file_query_info (job->file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
    total = g_file_info_get_size (info);

  if (!(file_stream = g_file_read (job->file, cancellable, &error)))
    {
      g_task_return_new_error (task, HS_IMPORT_ERROR, HS_IMPORT_ERROR_FORMAT, "%s: %s",
                               job->display_name, error->message);
      return;
    }
  counting = hs_counting_input_stream_new (G_INPUT_STREAM (file_stream), total, g_main_context_default (),
                                           progress_cb, g_object_ref (task), g_object_unref);
  buffered = g_buffered_input_stream_new (counting);

  /* A name that does not tell (from "All Files"): a JSON file begins
   * with "{", anything else is read as CSV. */
  if (format == HS_IMPORT_FORMAT_AUTO)
    {
      gsize available;
      const char *start;

      if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), -1, cancellable, &error) < 0)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      start = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &available);
      if (available >= 3 && memcmp (start, "\xef\xbb\xbf", 3) == 0)
        start += 3, available -= 3;
      while (available > 0 && g_ascii_isspace (*start))
        start++, available--;
      format = available > 0 && *start == '{' ? HS_IMPORT_FORMAT_JSON : HS_IMPORT_FORMAT_CSV;
    }

  if (!hs_store_import_stream (store, buffered, job->display_name, format, job->policy, &job->report,
                               cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsStore) store = NULL;

  if (!(store = hs_store_open (job->db_path, &error)) ||
      !hs_store_export_file (store, job->file, HS_EXPORT_FORMAT_AUTO, NULL, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* "mine.json:14:22: claims[12].prediction.latest: …" becomes "line 14,
 * column 22: claims[12].prediction.latest: …": the file is named in the
 * heading already. */
static char *
describe_problem (const char *line,
                  const char *display_name)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *located;
  gsize len = strlen (display_name);

  if (strncmp (line, display_name, len) == 0 && line[len] == ':')
    {
      line += len + 1;
      while (*line == ' ')
        line++;
    }

  if (g_once_init_enter (&located))
    g_once_init_leave (&located, g_regex_new ("^(\\d+):(\\d+):\\s*(.*)$", G_REGEX_DOTALL, 0, NULL));
  if (g_regex_match (located, line, 0, &match))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);
      g_autofree char *column = g_match_info_fetch (match, 2);
      g_autofree char *rest = g_match_info_fetch (match, 3);

      /* Translators: where a problem is in a file, "line 5, column 37: claims[0].text: …" */
      return g_strdup_printf (_("line %s, column %s: %s"), number, column, rest);
    }
  return g_strdup (line);
}

/* "3 claims", translated. */
static char *
count_records (HsRecordKind kind,
               guint        n)
{
  switch (kind)
    {
    case HS_RECORD_SPEAKER:
      return g_strdup_printf (ngettext ("%u speaker", "%u speakers", n), n);
    case HS_RECORD_SOURCE:
      return g_strdup_printf (ngettext ("%u source", "%u sources", n), n);
    case HS_RECORD_TOPIC:
      return g_strdup_printf (ngettext ("%u topic", "%u topics", n), n);
    case HS_RECORD_CLAIM:
      return g_strdup_printf (ngettext ("%u claim", "%u claims", n), n);
    case HS_RECORD_RESOLUTION:
    case HS_N_RECORD_KINDS:
    default:
      return g_strdup_printf (ngettext ("%u resolution", "%u resolutions", n), n);
    }
}

/* What an import did, in the words of the person's language: "added 3
 * claims (1 prediction); unchanged 2 claims". (hs_import_report_to_string
 * is the CLI's fixed English.) */
static char *
describe_report (const HsImportReport *report)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (HsOutcome outcome = 0; outcome < HS_N_OUTCOMES; outcome++)
    {
      g_autoptr(GString) counts = g_string_new (NULL);

      for (HsRecordKind kind = 0; kind < HS_N_RECORD_KINDS; kind++)
        {
          guint n = report->counts[kind][outcome];
          g_autofree char *count = NULL;

          if (n == 0)
            continue;
          count = count_records (kind, n);
          if (counts->len > 0)
            /* Translators: between the counts of an import's outcome, "3 speakers, 2 claims" */
            g_string_append (counts, _(", "));
          g_string_append (counts, count);
          if (kind == HS_RECORD_CLAIM && outcome == HS_OUTCOME_ADDED && report->predictions_added > 0)
            {
              guint p = report->predictions_added;

              /* Translators: the predictions among the claims added, " (1 prediction)" */
              g_string_append_printf (counts, ngettext (" (%u prediction)", " (%u predictions)", p), p);
            }
        }
      if (counts->len == 0)
        continue;

      if (out->len > 0)
        /* Translators: between the outcomes of an import, "added 3 claims; skipped 1 claim" */
        g_string_append (out, _("; "));
      switch (outcome)
        {
        case HS_OUTCOME_ADDED:
          /* Translators: "added 3 claims (1 prediction)" */
          g_string_append_printf (out, _("added %s"), counts->str);
          break;
        case HS_OUTCOME_UPDATED:
          /* Translators: "updated 1 claim": the file's record replaced the stored one */
          g_string_append_printf (out, _("updated %s"), counts->str);
          break;
        case HS_OUTCOME_UNCHANGED:
          /* Translators: "unchanged 2 claims": the file's record was stored as it is already */
          g_string_append_printf (out, _("unchanged %s"), counts->str);
          break;
        case HS_OUTCOME_SKIPPED:
        case HS_N_OUTCOMES:
        default:
          /* Translators: "skipped 1 claim": the stored record was kept instead of the file's */
          g_string_append_printf (out, _("skipped %s"), counts->str);
          break;
        }
    }

  if (out->len == 0)
    return g_strdup (_("nothing to import"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void start_import (HsWindow         *self,
                          GFile            *file,
                          HsConflictPolicy  policy);

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      HsWindow         *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "hs-file");

  if (g_strcmp0 (response, "keep") == 0)
    start_import (self, file, HS_CONFLICT_KEEP);
  else if (g_strcmp0 (response, "replace") == 0)
    start_import (self, file, HS_CONFLICT_REPLACE);
}

static void
show_import_error (HsWindow   *self,
                   Job        *job,
                   GError     *error)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
  guint n_lines = g_strv_length (lines);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  gboolean conflicts = g_error_matches (error, HS_IMPORT_ERROR, HS_IMPORT_ERROR_CONFLICT);
  GtkWidget *dialog;

  if (conflicts)
    g_string_append (body, _("Records in the file have the ids of stored records but other "
                             "content:\n\n"));
  for (guint i = 0; i < n_lines && i < MAX_SHOWN_PROBLEMS; i++)
    {
      g_autofree char *problem = describe_problem (lines[i], job->display_name);

      g_string_append_printf (body, "%s\n", problem);
    }
  if (n_lines > MAX_SHOWN_PROBLEMS)
    g_string_append_printf (body, ngettext ("…and %u more problem\n", "…and %u more problems\n",
                                            n_lines - MAX_SHOWN_PROBLEMS),
                            n_lines - MAX_SHOWN_PROBLEMS);
  g_string_append_c (body, '\n');
  g_string_append (body, _("Nothing was changed."));
  if (conflicts)
    g_string_append_printf (body, " %s", _("Keep the stored records and import the rest, or replace "
                                           "them with the file’s?"));

  /* Translators: "Could not import claims.json" */
  heading = g_strdup_printf (_("Could not import %s"), job->display_name);
  /* Text, not markup: the problems quote the file. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body->str);
  gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (GTK_WINDOW (self)));
  adw_message_dialog_set_heading_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (conflicts)
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "keep", _("_Keep Stored"),
                                        "replace", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      g_object_set_data_full (G_OBJECT (dialog), "hs-file", g_object_ref (job->file), g_object_unref);
      g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_export_error (HsWindow *self,
                   Job      *job,
                   GError   *error)
{
  /* Translators: "Could not export to hindsight-export.json" */
  g_autofree char *heading = g_strdup_printf (_("Could not export to %s"), job->display_name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (GTK_WINDOW (self)));
  adw_message_dialog_set_heading_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  HsWindow *self = job->window;
  gboolean ok = g_task_propagate_boolean (task, &error);

  job->finished = TRUE;
  job_finish_progress (job);
  /* The job may be freed in the worker: it lets go of the window here. */
  job_clear_window (job);
  if (self == NULL)
    return;
  set_busy (self, FALSE);

  if (job->kind == JOB_IMPORT)
    {
      if (ok)
        {
          g_autofree char *counts = describe_report (&job->report);
          /* Translators: "Imported: added 3 claims (1 prediction); unchanged 2 claims" */
          g_autofree char *text = g_strdup_printf (_("Imported: %s"), counts);

          /* The window's store sees the worker's commit (SQLite's
           * data_version) and drops the speakers and sources it cached. */
          hs_window_data_changed (self);
          hs_window_toast (self, text);
        }
      else if (g_cancellable_is_cancelled (job->cancellable))
        hs_window_toast (self, _("Import cancelled; nothing was changed"));
      else
        show_import_error (self, job, error);
      return;
    }

  if (ok)
    {
      /* Translators: "Exported to hindsight-export.json" */
      g_autofree char *text = g_strdup_printf (_("Exported to %s"), job->display_name);

      hs_window_toast (self, text);
    }
  else if (g_cancellable_is_cancelled (job->cancellable))
    hs_window_toast (self, _("Export cancelled"));
  else
    show_export_error (self, job, error);
}

static void
start_job (HsWindow         *self,
           JobKind           kind,
           GFile            *file,
           HsConflictPolicy  policy)
{
  HsStore *store = hs_window_get_store (self);
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (store == NULL || is_busy (self))
    return;

  job = g_new0 (Job, 1);
  job->kind = kind;
  job->file = g_object_ref (file);
  job->display_name = g_file_get_basename (file);
  job->db_path = g_strdup (hs_store_get_path (store));
  job->policy = policy;
  job->cancellable = g_cancellable_new ();
  job->window = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &job->window);
  job->progress_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, job);

  set_busy (self, TRUE);
  task = g_task_new (NULL, job->cancellable, job_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, kind == JOB_IMPORT ? import_thread : export_thread);
}

static void
start_import (HsWindow         *self,
              GFile            *file,
              HsConflictPolicy  policy)
{
  start_job (self, JOB_IMPORT, file, policy);
}

static GtkFileFilter *
new_filter (const char *name,
            const char *pattern,
            const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  return filter;
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    HsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        start_import (self, file, HS_CONFLICT_FAIL);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  const char *test_path = g_getenv ("HINDSIGHT_TEST_IMPORT");
  g_autoptr(GtkFileFilter) json = NULL;
  g_autoptr(GtkFileFilter) csv = NULL;
  g_autoptr(GtkFileFilter) all = NULL;
  GtkFileChooserNative *chooser;

  if (hs_window_get_store (self) == NULL || is_busy (self))
    return;

  if (test_path != NULL && *test_path != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (test_path);

      start_import (self, file, HS_CONFLICT_FAIL);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Import Claims"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  json = new_filter (_("Hindsight JSON"), "*.json", "application/json");
  csv = new_filter (_("Predictions CSV"), "*.csv", "text/csv");
  all = new_filter (_("All Files"), "*", NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), json);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    HsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = file ? g_file_get_basename (file) : NULL;

      /* The name says the format; a name without .json or .csv gets the
       * extension of the format chosen in the chooser. */
      if (file != NULL && format_for_name (name) == HS_IMPORT_FORMAT_AUTO)
        {
          gboolean csv = filter != NULL && filter == g_object_get_data (G_OBJECT (chooser), "hs-csv");
          g_autofree char *fixed = g_strconcat (name, csv ? ".csv" : ".json", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          g_object_unref (file);
          file = g_file_get_child (parent, fixed);
        }
      if (file != NULL)
        start_job (self, JOB_EXPORT, file, HS_CONFLICT_FAIL);
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  const char *test_path = g_getenv ("HINDSIGHT_TEST_EXPORT");
  g_autoptr(GtkFileFilter) json = NULL;
  g_autoptr(GtkFileFilter) csv = NULL;
  GtkFileChooserNative *chooser;

  if (hs_window_get_store (self) == NULL || is_busy (self))
    return;

  if (test_path != NULL && *test_path != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (test_path);

      start_job (self, JOB_EXPORT, file, HS_CONFLICT_FAIL);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  json = new_filter (_("Hindsight JSON: everything"), "*.json", "application/json");
  csv = new_filter (_("Predictions CSV: for spreadsheets"), "*.csv", "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), json);
  g_object_set_data (G_OBJECT (chooser), "hs-csv", csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "hindsight-export.json");
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
hs_window_transfer_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  /* Ctrl+Shift+E is the Timeline's, for its chart. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
}

/* Import needs a scorecard that can be written, export one that can be
 * read; neither while one runs. */
void
hs_window_transfer_update_actions (HsWindow *self)
{
  HsStore *store = hs_window_get_store (self);
  gboolean busy = is_busy (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 store != NULL && !busy && !hs_store_is_read_only (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", store != NULL && !busy);
}
