/* hs-progress-window.c: how far long work got, with a way to stop it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Modal while the work runs, so that nothing else writes to the scorecard
 * meanwhile. Closing the window cancels the work; the window stays until
 * the work says it stopped (hs_progress_window_finish()).
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>

#include "hs-progress-window.h"

struct _HsProgressWindow
{
  AdwWindow       parent_instance;

  GCancellable   *cancellable;
  gboolean        finished;
  guint           pulse_source;

  /* Template children */
  GtkLabel       *heading_label;
  GtkProgressBar *progress_bar;
  GtkWidget      *cancel_button;
};

G_DEFINE_FINAL_TYPE (HsProgressWindow, hs_progress_window, ADW_TYPE_WINDOW)

static void
cancel (HsProgressWindow *self)
{
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  g_cancellable_cancel (self->cancellable);
  gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.cancel", FALSE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cancel (HS_PROGRESS_WINDOW (widget));
}

static gboolean
hs_progress_window_close_request (GtkWindow *window)
{
  HsProgressWindow *self = HS_PROGRESS_WINDOW (window);

  if (self->finished)
    return FALSE;
  cancel (self);
  return TRUE;
}

static gboolean
pulse_cb (gpointer data)
{
  HsProgressWindow *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
hs_progress_window_dispose (GObject *object)
{
  HsProgressWindow *self = (HsProgressWindow *) object;

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  /* Once, though dispose may run twice. */
  if (self->progress_bar != NULL)
    gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_PROGRESS_WINDOW);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (hs_progress_window_parent_class)->dispose (object);
}

static void
hs_progress_window_class_init (HsProgressWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hs_progress_window_dispose;
  window_class->close_request = hs_progress_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-progress-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HsProgressWindow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, HsProgressWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HsProgressWindow, cancel_button);

  gtk_widget_class_install_action (widget_class, "progress.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "progress.cancel", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
}

static void
hs_progress_window_init (HsProgressWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 would name it twice, as written and as shown ("_Cancel Cancel"). */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->cancel_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->heading_label, NULL, -1);
}

/**
 * hs_progress_window_new:
 * @heading: what is being done, as text: "Importing claims.json"
 * @cancellable: cancelled by the Cancel button
 */
HsProgressWindow *
hs_progress_window_new (GtkWindow    *parent,
                        const char   *title,
                        const char   *heading,
                        GCancellable *cancellable)
{
  HsProgressWindow *self = g_object_new (HS_TYPE_PROGRESS_WINDOW,
                                         "transient-for", parent,
                                         "application", parent ? gtk_window_get_application (parent) : NULL,
                                         "title", title,
                                         NULL);

  gtk_label_set_text (self->heading_label, heading);
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.cancel", cancellable != NULL);
  hs_progress_window_set_progress (self, 0, 0);
  return self;
}

/**
 * hs_progress_window_set_progress:
 * @total: the whole, or 0 when it is not known
 *
 * Shows @done of @total as a fraction, or, without a total, that work is
 * going on.
 */
void
hs_progress_window_set_progress (HsProgressWindow *self,
                                 guint64           done,
                                 guint64           total)
{
  g_return_if_fail (HS_IS_PROGRESS_WINDOW (self));

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (total == 0 || done >= total)
    {
      /* Read to the end: what is left is checking and writing. */
      gtk_progress_bar_set_text (self->progress_bar, total == 0 ? _("Reading…") : _("Saving…"));
      if (self->pulse_source == 0)
        self->pulse_source = g_timeout_add (150, pulse_cb, self);
      return;
    }

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  {
    /* Translators: how much of a file was read, "45 %" */
    g_autofree char *text = g_strdup_printf (_("%.0f %%"), 100.0 * done / total);

    gtk_progress_bar_set_text (self->progress_bar, text);
  }
}

/* The work stopped: the window goes. */
void
hs_progress_window_finish (HsProgressWindow *self)
{
  g_return_if_fail (HS_IS_PROGRESS_WINDOW (self));

  self->finished = TRUE;
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_window_destroy (GTK_WINDOW (self));
}
