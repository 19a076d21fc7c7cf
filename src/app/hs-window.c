/* hs-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>

#include "hs-claims-page.h"
#include "hs-sources-page.h"
#include "hs-speakers-page.h"
#include "hs-window.h"

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
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, claims_page);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, speakers_page);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, sources_page);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
hs_window_init (HsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->stack, "notify::visible-child-name", G_CALLBACK (visible_page_cb), self);
  g_signal_connect (self->claims_page, "show-speaker", G_CALLBACK (show_speaker_cb), self);
  g_signal_connect (self->speakers_page, "show-claim", G_CALLBACK (show_claim_cb), self);
  g_signal_connect (self->sources_page, "show-claim", G_CALLBACK (show_claim_cb), self);

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
  visible_page_cb (self->stack, NULL, self);

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
