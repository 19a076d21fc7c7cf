/* hs-about.c: the About window, with the bundled dataset's sources credited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dataset that ships with Hindsight quotes public talks, podcasts and
 * articles; About credits each of them (title, publisher, date) and the
 * people quoted, read from the bundled dataset itself rather than from the
 * open scorecard, which may hold other sources or none of these.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hindsight-core.h"
#include "hs-about.h"
#include "hs-format.h"

#define DATASET_RESOURCE "/io/github/hindsight/Hindsight/dataset/hindsight-seed.json"
#define WEBSITE "https://github.com/hindsight/hindsight"
#define ISSUES WEBSITE "/issues"

/* The string members of one object of the dataset; others are skipped. */
static GHashTable *
read_object (HsJsonReader  *reader,
             GError       **error)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  HsJsonToken token;

  while ((token = hs_json_reader_next (reader, NULL, error)) == HS_JSON_TOKEN_MEMBER)
    {
      g_autofree char *name = g_strdup (hs_json_reader_get_string (reader, NULL));

      token = hs_json_reader_next (reader, NULL, error);
      if (token == HS_JSON_TOKEN_STRING)
        g_hash_table_insert (fields, g_steal_pointer (&name),
                             g_strdup (hs_json_reader_get_string (reader, NULL)));
      else if (token == HS_JSON_TOKEN_BEGIN_OBJECT || token == HS_JSON_TOKEN_BEGIN_ARRAY)
        {
          /* Skip what is nested, down to the depth of this object. */
          guint depth = hs_json_reader_get_depth (reader);

          while (hs_json_reader_get_depth (reader) >= depth)
            if (hs_json_reader_next (reader, NULL, error) == HS_JSON_TOKEN_ERROR)
              return NULL;
        }
      else if (token == HS_JSON_TOKEN_ERROR)
        return NULL;
    }
  if (token != HS_JSON_TOKEN_END_OBJECT)
    return NULL;
  return g_steal_pointer (&fields);
}

/* Reads the arrays "sources" and "speakers" of the bundled dataset, each
 * as a list of objects' string members. */
static gboolean
read_dataset (GPtrArray **sources,
              GPtrArray **speakers,
              GError    **error)
{
  g_autoptr(GInputStream) stream = g_resources_open_stream (DATASET_RESOURCE, 0, error);
  g_autoptr(HsJsonReader) reader = NULL;
  HsJsonToken token;

  *sources = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  *speakers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  if (stream == NULL)
    return FALSE;
  reader = hs_json_reader_new (stream);

  if (hs_json_reader_next (reader, NULL, error) != HS_JSON_TOKEN_BEGIN_OBJECT)
    return FALSE;
  while ((token = hs_json_reader_next (reader, NULL, error)) == HS_JSON_TOKEN_MEMBER)
    {
      const char *name = hs_json_reader_get_string (reader, NULL);
      GPtrArray *into = g_str_equal (name, "sources") ? *sources
                        : g_str_equal (name, "speakers") ? *speakers : NULL;

      if (into == NULL)
        {
          if (!hs_json_reader_skip_value (reader, NULL, error))
            return FALSE;
          continue;
        }
      if (hs_json_reader_next (reader, NULL, error) != HS_JSON_TOKEN_BEGIN_ARRAY)
        return FALSE;
      while ((token = hs_json_reader_next (reader, NULL, error)) == HS_JSON_TOKEN_BEGIN_OBJECT)
        {
          GHashTable *fields = read_object (reader, error);

          if (fields == NULL)
            return FALSE;
          g_ptr_array_add (into, fields);
        }
      if (token != HS_JSON_TOKEN_END_ARRAY)
        return FALSE;
      if ((*sources)->len > 0 && (*speakers)->len > 0)
        return TRUE;
    }
  return token == HS_JSON_TOKEN_END_OBJECT;
}

/* AdwAboutWindow reads "<…>" in a credit as an e-mail address and
 * "http…" as a link: a title must hold neither. */
static void
append_plain (GString    *out,
              const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '<')
        g_string_append_unichar (out, 0x2039);
      else if (c == '>')
        g_string_append_unichar (out, 0x203A);
      else if (c == '\n' || c == '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  /* The first "http" of a title would begin a link. */
  for (char *http = strstr (out->str, "http"); http; http = strstr (http + 1, "http"))
    *http = 'H';
}

/* "Title — Publisher, approx. February 2026 https://…" */
static char *
source_credit (GHashTable *source)
{
  const char *title = g_hash_table_lookup (source, "title");
  const char *publisher = g_hash_table_lookup (source, "publisher");
  const char *published = g_hash_table_lookup (source, "published");
  const char *url = g_hash_table_lookup (source, "url");
  g_autoptr(GString) credit = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  HsDate date = { 0 };

  if (title == NULL)
    return NULL;
  append_plain (credit, title);
  if (publisher != NULL)
    append_plain (details, publisher);
  if (published != NULL && hs_date_parse (published, &date, NULL))
    {
      g_autofree char *when = hs_format_date (&date);

      if (details->len > 0)
        g_string_append (details, ", ");
      g_string_append (details, when);
    }
  if (details->len > 0)
    {
      g_autofree char *plain_title = g_strdup (credit->str);

      /* Translators: a credited source, "Title — Publisher, March 2026" */
      g_string_printf (credit, _("%s — %s"), plain_title, details->str);
    }
  if (url != NULL && hs_url_is_web (url) && strchr (url, ' ') == NULL)
    g_string_append_printf (credit, " %s", url);
  return g_string_free (g_steal_pointer (&credit), FALSE);
}

static void
add_dataset_credits (AdwAboutWindow *about)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) source_credits = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) speaker_credits = g_ptr_array_new_with_free_func (g_free);

  if (!read_dataset (&sources, &speakers, &error))
    {
      g_warning ("Cannot read the bundled dataset's sources: %s",
                 error != NULL ? error->message : "not the expected format");
      return;
    }

  for (guint i = 0; i < sources->len; i++)
    {
      char *credit = source_credit (g_ptr_array_index (sources, i));

      if (credit != NULL)
        g_ptr_array_add (source_credits, credit);
    }
  for (guint i = 0; i < speakers->len; i++)
    {
      GHashTable *speaker = g_ptr_array_index (speakers, i);
      const char *name = g_hash_table_lookup (speaker, "name");
      const char *native = g_hash_table_lookup (speaker, "native_name");
      g_autoptr(GString) credit = g_string_new (NULL);

      if (name == NULL)
        continue;
      append_plain (credit, name);
      if (native != NULL && g_strcmp0 (native, name) != 0)
        {
          g_string_append_c (credit, ' ');
          append_plain (credit, native);
        }
      g_ptr_array_add (speaker_credits, g_string_free (g_steal_pointer (&credit), FALSE));
    }

  g_ptr_array_add (source_credits, NULL);
  g_ptr_array_add (speaker_credits, NULL);
  adw_about_window_add_acknowledgement_section (about, _("Dataset Sources"),
                                                (const char **) source_credits->pdata);
  adw_about_window_add_acknowledgement_section (about, _("Quoted in the Dataset"),
                                                (const char **) speaker_credits->pdata);
}

/**
 * hs_about_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer floating): Hindsight's About window
 */
GtkWidget *
hs_about_window_new (GtkWindow *parent)
{
  static const char *developers[] = { "The Hindsight developers " WEBSITE, NULL };
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "application-name", _("Hindsight"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Hindsight developers"),
                        "version", PACKAGE_VERSION,
                        "website", WEBSITE,
                        "issue-url", ISSUES,
                        "developers", developers,
                        /* Translators: the copyright line of About */
                        "copyright", _("© 2026 The Hindsight developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Keep track of what public figures claimed and predicted, "
                                      "and keep score as time tells who was right.\n\n"
                                      "The bundled dataset quotes public talks, podcasts and "
                                      "articles; every source is credited under Credits."),
                        "translator-credits", _("translator-credits"),
                        "release-notes-version", "0.1.0",
                        "release-notes",
                        _("<p>The first release.</p>"
                          "<ul>"
                          "<li>Claims, speakers and sources to browse, search and filter</li>"
                          "<li>Predictions with horizons, resolve-by windows and a resolution history</li>"
                          "<li>Scorecard with hit rate, Brier score and calibration</li>"
                          "<li>Charts exported as PNG, SVG or PDF</li>"
                          "<li>JSON and CSV import and export, and the hindsight-cli companion</li>"
                          "<li>A curated dataset of Chinese AI leaders’ talks, 2024–2026</li>"
                          "</ul>"),
                        NULL);
  add_dataset_credits (about);
  return GTK_WIDGET (about);
}
