/* hs-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>

#include "hs-window.h"

struct _HsWindow
{
  AdwApplicationWindow  parent_instance;

  HsStore              *store;
  HsClaimList          *claims;
  GSettings            *settings;

  /* Template children */
  AdwViewStack         *stack;
  GtkListView          *claims_view;
  GtkListItemFactory   *claims_factory;
};

G_DEFINE_FINAL_TYPE (HsWindow, hs_window, ADW_TYPE_APPLICATION_WINDOW)

static void
claims_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "claim-row");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_add_css_class (heading, "caption");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (text, "claim-text");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_item_set_child (item, box);
}

/* Data reaches labels as text, never as markup: a claim quoting "<b>" shows
 * those three characters. */
static void
claims_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  HsClaim *claim = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *heading = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (heading);
  HsSpeaker *speaker = hs_claim_get_speaker (claim);
  HsDate stated_on = hs_claim_get_stated_on (claim);
  g_autofree char *name = speaker ? hs_speaker_dup_display_name (speaker) : NULL;
  g_autofree char *line = NULL;
  char date[HS_DATE_BUFSIZE];

  line = g_strdup_printf ("%s · %s", name ? name : hs_claim_get_speaker_id (claim),
                          hs_date_to_buffer (&stated_on, date));
  gtk_label_set_text (GTK_LABEL (heading), line);
  gtk_label_set_text (GTK_LABEL (text), hs_claim_get_text (claim));
}

static void
hs_window_dispose (GObject *object)
{
  HsWindow *self = (HsWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_WINDOW);
  g_clear_object (&self->claims);
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, claims_view);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, claims_factory);
}

static void
hs_window_init (HsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->claims_factory, "setup", G_CALLBACK (claims_setup_cb), self);
  g_signal_connect (self->claims_factory, "bind", G_CALLBACK (claims_bind_cb), self);

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
  self->claims = hs_claim_list_new (store);
  {
    g_autoptr(GError) error = NULL;
    HsQuery query;

    hs_query_init (&query);
    if (!hs_claim_list_set_query (self->claims, &query, &error))
      g_warning ("Cannot list claims: %s", error->message);
  }
  gtk_list_view_set_model (self->claims_view,
                           GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->claims)))));

  return self;
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
