/* hs-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "hs-about.h"
#include "hs-application.h"
#include "hs-format.h"
#include "hs-preferences-window.h"
#include "hs-window.h"

struct _HsApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  HsStore        *store;
  char           *open_error;
  guint           screenshot_source;
  guint           due_check_source;
  gboolean        due_checked;
};

G_DEFINE_FINAL_TYPE (HsApplication, hs_application, ADW_TYPE_APPLICATION)

static int
hs_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  HsApplication *self = HS_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("hindsight %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* Another database is another scorecard: its own process, so that two
   * windows never share one connection by accident. */
  if (g_variant_dict_lookup (options, "db", "^&ay", &path))
    {
      self->db_path = g_strdup (path);
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

/* Opens the scorecard, creating it with the bundled dataset on first start,
 * so that the app is useful the moment it opens. */
static void
open_store (HsApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = self->db_path ? g_strdup (self->db_path) : hs_store_default_path ();
  g_autoptr(HsStore) store = hs_store_open (path, &error);
  gboolean empty;

  if (store == NULL)
    {
      self->open_error = g_strdup (error->message);
      return;
    }

  empty = hs_store_is_empty (store, &error);
  if (error == NULL && empty && !hs_store_is_read_only (store))
    {
      HsImportReport report;

      if (!hs_store_import_bundled (store, &report, &error))
        g_warning ("Could not load the bundled dataset: %s", error->message);
    }
  else if (error != NULL)
    {
      self->open_error = g_strdup (error->message);
      return;
    }

  self->store = g_steal_pointer (&store);
}

/* A screenshot of the window as GTK draws it, for the test suite and the
 * README: with HINDSIGHT_SCREENSHOT=PATH in the environment, SIGUSR1 saves
 * the active window as a PNG at PATH. Without the variable nothing is
 * installed and SIGUSR1 keeps its default meaning. The file is written
 * beside PATH and renamed, so that a reader waiting for PATH never sees
 * half of it. */
static gboolean
save_screenshot (GtkWidget   *widget,
                 const char  *path,
                 GError     **error)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;

  if (width <= 0 || height <= 0 || gtk_widget_get_native (widget) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The window is not shown");
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The window drew nothing");
      return FALSE;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, tmp))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot rename %s to %s: %s", tmp, path, g_strerror (saved_errno));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

static gboolean
screenshot_signal_cb (gpointer user_data)
{
  HsApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *path = g_getenv ("HINDSIGHT_SCREENSHOT");
  g_autoptr(GError) error = NULL;

  if (path == NULL || *path == '\0')
    g_printerr ("hindsight: no screenshot: HINDSIGHT_SCREENSHOT is empty\n");
  else if (window == NULL)
    g_printerr ("hindsight: no screenshot: no window is shown\n");
  else if (!save_screenshot (GTK_WIDGET (window), path, &error))
    g_printerr ("hindsight: no screenshot: %s\n", error->message);
  else
    g_printerr ("hindsight: screenshot saved to %s\n", path);

  return G_SOURCE_CONTINUE;
}

/* The day of the last start, to tell which predictions became due since. */
#define DUE_CHECK_KEY "last-due-check"

static void
open_prediction_query (HsQuery      *query,
                       const HsDate *due_before)
{
  hs_query_init (query);
  query->kind = HS_QUERY_KIND_PREDICTIONS;
  query->status = HS_STATUS_OPEN;
  query->sort = HS_QUERY_SORT_DUE;
  query->due_before = *due_before;
}

/* The notification names the prediction that fell due first, in a
 * sentence short enough for a notification bubble. */
static char *
describe_due (HsStore      *store,
              const HsDate *today,
              gint64        offset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(HsClaim) claim = NULL;
  g_autofree char *who = NULL;
  g_autofree char *text = NULL;
  HsQuery query;

  open_prediction_query (&query, today);
  query.offset = (guint) MIN (offset, G_MAXUINT);
  query.limit = 1;
  if (!(rows = hs_store_query_claims (store, &query, &error)) || rows->len == 0 ||
      !(claim = hs_store_get_claim_at (store, g_array_index (rows, gint64, 0), &error)))
    return NULL;

  who = hs_format_speaker_name (hs_claim_get_speaker (claim));
  text = g_utf8_substring (hs_claim_get_text (claim), 0, 160);
  if (g_utf8_strlen (hs_claim_get_text (claim), -1) > 160)
    {
      g_autofree char *cut = g_steal_pointer (&text);
      text = g_strconcat (cut, "…", NULL);
    }
  /* Translators: the prediction a notification names: "Tang Jie 唐杰: “The gap will close by 2026.”" */
  return g_strdup_printf (_("%s: “%s”"), who, text);
}

/* Sends one notification for the open predictions whose latest resolve
 * date is on or after @last and before @today, if there are any. */
static void
notify_due (HsApplication *self,
            const HsDate  *last,
            const HsDate  *today)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  gint64 before_today, before_last = -1;
  HsQuery query;
  guint n;

  open_prediction_query (&query, today);
  if ((before_today = hs_store_count_claims (self->store, &query, &error)) >= 0)
    {
      open_prediction_query (&query, last);
      before_last = hs_store_count_claims (self->store, &query, &error);
    }
  if (error != NULL)
    {
      g_warning ("Cannot count the predictions that became due: %s", error->message);
      return;
    }
  if (before_today <= before_last)
    return;

  n = (guint) MIN (before_today - before_last, G_MAXUINT);
  title = g_strdup_printf (ngettext ("%u prediction is due", "%u predictions are due", n), n);
  notification = g_notification_new (title);
  if ((body = describe_due (self->store, today, before_last)) != NULL)
    g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.show-tracker");
  g_application_send_notification (G_APPLICATION (self), "due", notification);
}

/* Once a start: the open predictions whose latest resolve date has passed
 * since the last start get one notification, which opens the Tracker.
 * The first start only notes the day: everything overdue then is in the
 * Tracker already, and a first notification listing it all would be
 * noise. */
static gboolean
check_due_cb (gpointer user_data)
{
  HsApplication *self = user_data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  HsDate today = hs_date_today ();
  HsDate last = { 0 };
  char today_text[HS_DATE_BUFSIZE];

  self->due_check_source = 0;
  if (self->store == NULL || hs_store_is_read_only (self->store))
    return G_SOURCE_REMOVE;

  stored = hs_store_get_meta (self->store, DUE_CHECK_KEY, &error);
  if (error != NULL)
    {
      g_warning ("Cannot read when the predictions were last checked: %s", error->message);
      return G_SOURCE_REMOVE;
    }

  if (stored != NULL && hs_date_parse (stored, &last, NULL) &&
      last.precision == HS_DATE_PRECISION_DAY && !last.approximate &&
      hs_date_compare (&last, &today) < 0 && g_settings_get_boolean (settings, "notify-due"))
    notify_due (self, &last, &today);

  /* The next start tells only what becomes due after today. */
  hs_date_to_buffer (&today, today_text);
  if (g_strcmp0 (stored, today_text) != 0 &&
      !hs_store_set_meta (self->store, DUE_CHECK_KEY, today_text, &error))
    g_warning ("Cannot note when the predictions were checked: %s", error->message);
  g_debug ("Checked for predictions that became due since %s, on %s", stored ? stored : "(never)",
           today_text);
  return G_SOURCE_REMOVE;
}

static void
hs_application_activate (GApplication *app)
{
  HsApplication *self = HS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      if (self->store == NULL && self->open_error == NULL)
        open_store (self);
      window = GTK_WINDOW (hs_window_new (self, self->store, self->open_error));
    }

  gtk_window_present (window);

  /* After the first frame: counting a million predictions can wait for it. */
  if (!self->due_checked)
    {
      self->due_checked = TRUE;
      self->due_check_source = g_idle_add_full (G_PRIORITY_LOW, check_due_cb, self, NULL);
    }
}

static HsWindow *
main_window (HsApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HS_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* The notification's action: the window, on the Tracker page. */
static void
show_tracker_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  HsApplication *self = user_data;
  HsWindow *window;

  g_application_activate (G_APPLICATION (self));
  if ((window = main_window (self)) != NULL)
    {
      hs_window_show_page (window, "tracker");
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  HsApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (hs_about_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)))));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HsApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* One Preferences window: asking again brings it forward. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HS_IS_PREFERENCES_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }
  gtk_window_present (GTK_WINDOW (hs_preferences_window_new (parent)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
hs_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "about", about_action },
    { "preferences", preferences_action },
    { "quit", quit_action },
    { "show-tracker", show_tracker_action },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (hs_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);

  if (g_getenv ("HINDSIGHT_SCREENSHOT") != NULL)
    HS_APPLICATION (app)->screenshot_source = g_unix_signal_add (SIGUSR1, screenshot_signal_cb, app);
}

static void
hs_application_finalize (GObject *object)
{
  HsApplication *self = (HsApplication *) object;

  g_clear_handle_id (&self->screenshot_source, g_source_remove);
  g_clear_handle_id (&self->due_check_source, g_source_remove);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->open_error, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hs_application_parent_class)->finalize (object);
}

static void
hs_application_class_init (HsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = hs_application_finalize;
  app_class->handle_local_options = hs_application_handle_local_options;
  app_class->startup = hs_application_startup;
  app_class->activate = hs_application_activate;
}

static void
hs_application_init (HsApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the scorecard in FILE"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

HsApplication *
hs_application_new (void)
{
  return g_object_new (HS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * hs_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open scorecard
 */
HsStore *
hs_application_get_store (HsApplication *self)
{
  g_return_val_if_fail (HS_IS_APPLICATION (self), NULL);
  return self->store;
}
