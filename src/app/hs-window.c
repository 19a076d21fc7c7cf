/* hs-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>

#include "hs-claims-page.h"
#include "hs-compare-page.h"
#include "hs-scorecard-page.h"
#include "hs-sources-page.h"
#include "hs-speakers-page.h"
#include "hs-timeline-page.h"
#include "hs-tracker-page.h"
#include "hs-window.h"
#include "hs-window-editing.h"
#include "hs-window-transfer.h"

struct _HsWindow
{
  AdwApplicationWindow  parent_instance;

  HsStore              *store;
  GSettings            *settings;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  HsClaimsPage         *claims_page;
  HsSpeakersPage       *speakers_page;
  HsSourcesPage        *sources_page;
  HsComparePage        *compare_page;
  HsScorecardPage      *scorecard_page;
  HsTrackerPage        *tracker_page;
  HsTimelinePage       *timeline_page;
};

G_DEFINE_FINAL_TYPE (HsWindow, hs_window, ADW_TYPE_APPLICATION_WINDOW)

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);

  if (self->store == NULL)
    return;
  /* The Speakers page searches its speakers; every other page, claims. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "speakers") == 0)
    {
      hs_speakers_page_focus_search (self->speakers_page);
      return;
    }
  adw_view_stack_set_visible_child_name (self->stack, "claims");
  hs_claims_page_focus_search (self->claims_page);
}

/* Typing anywhere in the window searches the page shown, when it has a
 * search: claims on the Claims page, speakers on the Speakers page. */
static void
visible_page_cb (AdwViewStack *stack,
                 GParamSpec   *pspec,
                 HsWindow     *self)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);
  gboolean on_claims = g_strcmp0 (name, "claims") == 0;
  gboolean on_speakers = g_strcmp0 (name, "speakers") == 0;

  gtk_search_entry_set_key_capture_widget (hs_claims_page_get_search_entry (self->claims_page),
                                           on_claims ? GTK_WIDGET (self) : NULL);
  gtk_search_entry_set_key_capture_widget (hs_speakers_page_get_search_entry (self->speakers_page),
                                           on_speakers ? GTK_WIDGET (self) : NULL);
}

static void
show_speaker_cb (HsClaimsPage *page,
                 const char   *speaker_id,
                 HsWindow     *self)
{
  adw_view_stack_set_visible_child_name (self->stack, "speakers");
  hs_speakers_page_show_speaker (self->speakers_page, speaker_id);
}

/* The Speakers and Sources pages list claims; one is read in full on the
 * Claims page. */
static void
show_claim_cb (GtkWidget  *page,
               const char *claim_id,
               HsWindow   *self)
{
  adw_view_stack_set_visible_child_name (self->stack, "claims");
  hs_claims_page_show_claim (self->claims_page, claim_id);
}

/* The Timeline shows what the Claims page's search and filters find. */
static void
claims_query_cb (HsClaimsPage *page,
                 HsWindow     *self)
{
  HsQuery query;

  hs_claims_page_get_query (page, &query);
  hs_timeline_page_set_query (self->timeline_page, &query);
}

static void
edit_filters_cb (HsTimelinePage *page,
                 HsWindow       *self)
{
  adw_view_stack_set_visible_child_name (self->stack, "claims");
  hs_claims_page_focus_search (self->claims_page);
}

/* The Tracker's tab counts what needs resolving now: overdue and due
 * soon, drawing attention while anything is overdue. */
static void
tracker_counts_cb (HsTrackerPage *page,
                   GParamSpec    *pspec,
                   HsWindow      *self)
{
  AdwViewStackPage *stack_page = adw_view_stack_get_page (self->stack, GTK_WIDGET (page));
  guint overdue = hs_tracker_page_get_n_overdue (page);

  adw_view_stack_page_set_badge_number (stack_page, overdue + hs_tracker_page_get_n_due_soon (page));
  adw_view_stack_page_set_needs_attention (stack_page, overdue > 0);
}

static void
hs_window_dispose (GObject *object)
{
  HsWindow *self = (HsWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hs_window_parent_class)->dispose (object);
}

static void
hs_window_class_init (HsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_window_dispose;

  g_type_ensure (HS_TYPE_CLAIMS_PAGE);
  g_type_ensure (HS_TYPE_SPEAKERS_PAGE);
  g_type_ensure (HS_TYPE_SOURCES_PAGE);
  g_type_ensure (HS_TYPE_COMPARE_PAGE);
  g_type_ensure (HS_TYPE_SCORECARD_PAGE);
  g_type_ensure (HS_TYPE_TRACKER_PAGE);
  g_type_ensure (HS_TYPE_TIMELINE_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, claims_page);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, speakers_page);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, sources_page);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, compare_page);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, scorecard_page);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, tracker_page);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, timeline_page);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  /* win.new-*, win.edit-*, win.delete-*, win.import and win.export. */
  hs_window_editing_class_init (widget_class);
  hs_window_transfer_class_init (widget_class);
}

/* Every window of the program carries its icon, which the window manager
 * shows where no launcher names it. Uninstalled (tools/dev run, the
 * window tests) the icon is in no icon theme's folder: HINDSIGHT_ICONDIR
 * names the source tree's data/icons, a folder laid out as one. Installed,
 * the variable is unset and the themes find the installed icon. */
static void
use_app_icon (HsWindow *self)
{
  const char *dir = g_getenv ("HINDSIGHT_ICONDIR");

  if (dir != NULL && dir[0] != '\0')
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
      g_auto(GStrv) paths = gtk_icon_theme_get_search_path (theme);

      if (paths == NULL || !g_strv_contains ((const char * const *) paths, dir))
        gtk_icon_theme_add_search_path (theme, dir);
    }
  gtk_window_set_default_icon_name (APP_ID);
}

static void
hs_window_init (HsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  use_app_icon (self);
  /* Nothing to edit, import or export until there is a scorecard. */
  hs_window_editing_update_actions (self);
  hs_window_transfer_update_actions (self);

  g_signal_connect (self->stack, "notify::visible-child-name", G_CALLBACK (visible_page_cb), self);
  g_signal_connect (self->claims_page, "show-speaker", G_CALLBACK (show_speaker_cb), self);
  g_signal_connect (self->speakers_page, "show-claim", G_CALLBACK (show_claim_cb), self);
  g_signal_connect (self->sources_page, "show-claim", G_CALLBACK (show_claim_cb), self);
  g_signal_connect (self->compare_page, "show-claim", G_CALLBACK (show_claim_cb), self);
  g_signal_connect (self->tracker_page, "show-claim", G_CALLBACK (show_claim_cb), self);
  g_signal_connect (self->timeline_page, "show-claim", G_CALLBACK (show_claim_cb), self);
  g_signal_connect (self->timeline_page, "edit-filters", G_CALLBACK (edit_filters_cb), self);
  g_signal_connect (self->claims_page, "query-changed", G_CALLBACK (claims_query_cb), self);
  g_signal_connect (self->tracker_page, "notify::n-overdue", G_CALLBACK (tracker_counts_cb), self);
  g_signal_connect (self->tracker_page, "notify::n-due-soon", G_CALLBACK (tracker_counts_cb), self);

  /* The window remembers its size, its maximized state and its page. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "last-page", self->stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
show_error (HsWindow   *self,
            const char *message)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Cannot Open the Scorecard"));
  /* The description is markup; the message names a file, so it is escaped. */
  {
    g_autofree char *escaped = g_markup_escape_text (message, -1);
    adw_status_page_set_description (ADW_STATUS_PAGE (page), escaped);
  }
  adw_view_stack_add_titled (self->stack, page, "error", _("Error"));
  adw_view_stack_set_visible_child (self->stack, page);
}

/**
 * hs_window_new:
 * @store: (nullable): the open scorecard, or %NULL when it could not be
 *   opened, with @open_error saying why
 */
HsWindow *
hs_window_new (HsApplication *application,
               HsStore       *store,
               const char    *open_error)
{
  HsWindow *self = g_object_new (HS_TYPE_WINDOW, "application", application, NULL);

  if (store == NULL)
    {
      show_error (self, open_error ? open_error : _("The database could not be opened."));
      return self;
    }

  self->store = g_object_ref (store);
  hs_claims_page_set_store (self->claims_page, store);
  /* The window opens with the keyboard in the claims, not on the menu. */
  hs_claims_page_focus_list (self->claims_page);
  hs_speakers_page_set_store (self->speakers_page, store);
  hs_sources_page_set_store (self->sources_page, store);
  hs_compare_page_set_store (self->compare_page, store);
  hs_scorecard_page_set_store (self->scorecard_page, store);
  hs_tracker_page_set_store (self->tracker_page, store);
  hs_timeline_page_set_store (self->timeline_page, store);
  visible_page_cb (self->stack, NULL, self);
  hs_window_editing_update_actions (self);
  hs_window_transfer_update_actions (self);

  return self;
}

/**
 * hs_window_data_changed:
 *
 * Everything that changes the scorecard (a resolution, an edit, a deletion,
 * an import, an undo) calls this once it is stored: every page shows the
 * store as it is now.
 */
void
hs_window_data_changed (HsWindow *self)
{
  g_return_if_fail (HS_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  hs_claims_page_reload (self->claims_page);
  hs_speakers_page_reload (self->speakers_page);
  hs_sources_page_reload (self->sources_page);
  hs_compare_page_reload (self->compare_page);
  hs_scorecard_page_reload (self->scorecard_page);
  hs_tracker_page_reload (self->tracker_page);
  hs_timeline_page_reload (self->timeline_page);
}

/* Shows a short message with an optional Undo: @title is text, never
 * markup (AdwToast takes markup, so it is escaped here). */
AdwToast *
hs_window_toast (HsWindow   *self,
                 const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  g_return_val_if_fail (HS_IS_WINDOW (self), NULL);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

/**
 * hs_window_toast_undo:
 * @title: text, never markup
 *
 * Shows a message with an Undo button; connect to its
 * #AdwToast::button-clicked. It stays ten seconds, long enough to reach the
 * button by keyboard or with a screen reader. (libadwaita 1.2 reads a
 * toast's timeout when it is shown, so it is set here, before.)
 *
 * Returns: (transfer none): the toast
 */
AdwToast *
hs_window_toast_undo (HsWindow   *self,
                      const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  g_return_val_if_fail (HS_IS_WINDOW (self), NULL);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

/**
 * hs_window_show_page:
 * @name: a page of the view stack: "claims", "speakers", "tracker", …
 *
 * Shows that page, as a click on its tab would.
 */
void
hs_window_show_page (HsWindow   *self,
                     const char *name)
{
  g_return_if_fail (HS_IS_WINDOW (self));

  if (self->store == NULL || adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->stack, name);
}

/**
 * hs_window_show_record:
 * @kind: a speaker, a source or a claim
 *
 * Shows the record @id on its page: a speaker's profile, a source, a claim
 * in full (clearing a search that hides it).
 */
void
hs_window_show_record (HsWindow     *self,
                       HsObjectKind  kind,
                       const char   *id)
{
  g_return_if_fail (HS_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  if (self->store == NULL)
    return;
  switch (kind)
    {
    case HS_OBJECT_SPEAKER:
      adw_view_stack_set_visible_child_name (self->stack, "speakers");
      hs_speakers_page_show_speaker (self->speakers_page, id);
      break;
    case HS_OBJECT_SOURCE:
      adw_view_stack_set_visible_child_name (self->stack, "sources");
      hs_sources_page_show_source (self->sources_page, id);
      break;
    case HS_OBJECT_CLAIM:
      adw_view_stack_set_visible_child_name (self->stack, "claims");
      hs_claims_page_show_claim (self->claims_page, id);
      break;
    case HS_OBJECT_NONE:
    case HS_OBJECT_TOPIC:
    case HS_OBJECT_RESOLUTION:
    default:
      break;
    }
}

/**
 * hs_window_get_context:
 * @speaker_id: (out) (transfer none) (nullable): the speaker whose profile
 *   is on view, or %NULL
 * @source_id: (out) (transfer none) (nullable): the source on view, or %NULL
 *
 * What a new claim is likely about: the speaker or the source a person is
 * looking at.
 */
void
hs_window_get_context (HsWindow    *self,
                       const char **speaker_id,
                       const char **source_id)
{
  const char *page;

  g_return_if_fail (HS_IS_WINDOW (self));

  page = adw_view_stack_get_visible_child_name (self->stack);
  *speaker_id = g_strcmp0 (page, "speakers") == 0
                ? hs_speakers_page_get_speaker_id (self->speakers_page) : NULL;
  *source_id = g_strcmp0 (page, "sources") == 0
               ? hs_sources_page_get_source_id (self->sources_page) : NULL;
}

/**
 * hs_window_get_store:
 *
 * Returns: (transfer none) (nullable): the scorecard the window shows
 */
HsStore *
hs_window_get_store (HsWindow *self)
{
  g_return_val_if_fail (HS_IS_WINDOW (self), NULL);
  return self->store;
}
