/* hs-timeline-page.c: predictions as spans in time, zoomed and panned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows the predictions that the Claims page's search and filters
 * find, so that narrowing one narrows the other; it reads them again only
 * when it is in sight, since a hundred thousand predictions take a moment.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>

#include "hindsight-chart.h"
#include "hs-chart-export-dialog.h"
#include "hs-format.h"
#include "hs-timeline-page.h"
#include "hs-timeline-view.h"

#define ZOOM_STEP 1.5

struct _HsTimelinePage
{
  GtkWidget       parent_instance;

  HsStore        *store;
  GSettings      *settings;
  HsLaneKind      lanes;
  gboolean        stale;
  guint           rebuild_source;
  guint           squeeze_source;
  GCancellable   *read_cancellable;
  gint64          read_started;

  /* The Claims page's query, with strings of our own. */
  HsQuery         query;
  char           *speaker_id;
  char           *topic_id;
  char           *source_id;
  char           *search;

  /* Template children */
  AdwSqueezer    *range_squeezer;
  GtkLabel       *range_label;
  GtkLabel       *narrow_range_label;
  GtkDropDown    *lanes_dropdown;
  GtkWidget      *status_bar;
  GtkWidget      *note_bar;
  GtkLabel       *note_label;
  GtkWidget      *edit_filters_button;
  GtkStack       *stack;
  HsTimelineView *view;
  GtkScrollbar   *scrollbar;
  AdwStatusPage  *empty_page;
};

G_DEFINE_FINAL_TYPE (HsTimelinePage, hs_timeline_page, GTK_TYPE_WIDGET)

enum {
  SHOW_CLAIM,
  EDIT_FILTERS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_filtered (const HsQuery *query)
{
  return query->speaker_id != NULL || query->topic_id != NULL || query->source_id != NULL ||
         query->search != NULL || query->status >= 0 || hs_date_is_set (&query->stated_from) ||
         hs_date_is_set (&query->stated_to);
}

static void update_status_bar (HsTimelinePage *self);

static void
update_actions (HsTimelinePage *self)
{
  HsTimelineChart *chart = hs_timeline_view_get_chart (self->view);
  gboolean has_items = chart != NULL && hs_timeline_chart_get_data (chart)->items->len > 0;
  g_autofree char *range = hs_timeline_view_dup_range_text (self->view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-in",
                                 has_items && hs_timeline_view_can_zoom_in (self->view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-out",
                                 has_items && hs_timeline_view_can_zoom_out (self->view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.fit", has_items);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.export", chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.copy-image", chart != NULL);

  gtk_label_set_text (self->range_label, has_items ? range : "");
  gtk_label_set_text (self->narrow_range_label, has_items ? range : "");
  update_status_bar (self);
}

/* Under the toolbar: the time shown when the toolbar has no room for it,
 * and the note when there is one. */
static void
update_status_bar (HsTimelinePage *self)
{
  gboolean squeezed = adw_squeezer_get_visible_child (self->range_squeezer) != GTK_WIDGET (self->range_label);
  gboolean has_items = gtk_label_get_text (self->range_label)[0] != '\0';

  gtk_widget_set_visible (GTK_WIDGET (self->narrow_range_label), squeezed && has_items);
  gtk_widget_set_visible (self->status_bar, (squeezed && has_items) || gtk_widget_get_visible (self->note_bar));
}

static gboolean
squeezed_idle_cb (gpointer user_data)
{
  HsTimelinePage *self = user_data;

  self->squeeze_source = 0;
  update_status_bar (self);
  return G_SOURCE_REMOVE;
}

/* The squeezer changes its child while it is allocated, when showing or
 * hiding a line of the page would be too late: after it. */
static void
squeezed_cb (AdwSqueezer    *squeezer,
             GParamSpec     *pspec,
             HsTimelinePage *self)
{
  if (self->squeeze_source == 0)
    self->squeeze_source = g_idle_add (squeezed_idle_cb, self);
}

static void
view_changed_cb (HsTimelineView *view,
                 HsTimelinePage *self)
{
  update_actions (self);
}

/* Under the toolbar, what the timeline leaves out and why: the Claims
 * page's filters, and detail when there is too much of it. */
static void
update_note (HsTimelinePage *self)
{
  HsTimelineChart *chart = hs_timeline_view_get_chart (self->view);
  guint n = chart ? hs_timeline_chart_get_data (chart)->items->len : 0;
  gboolean filtered = is_filtered (&self->query);
  gboolean dense = chart != NULL && hs_timeline_chart_is_aggregated (chart);
  g_autoptr(GString) text = g_string_new (NULL);

  if (filtered && n > 0)
    g_string_append_printf (text, ngettext ("%u prediction matches the search and filters of the Claims page.",
                                            "%u predictions match the search and filters of the Claims page.",
                                            n), n);
  if (dense)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, _("Too many to draw one by one: each lane is shaded by how many are open at each time."));
    }

  gtk_label_set_text (self->note_label, text->str);
  gtk_widget_set_visible (self->edit_filters_button, filtered);
  gtk_widget_set_visible (self->note_bar, text->len > 0);
  update_status_bar (self);
}

/* What a read of the predictions needs, copied: it runs in another thread
 * while the page's query may change. */
typedef struct
{
  char       *path;
  HsQuery     query;
  char       *strings[4];
  HsLaneKind  lanes;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_free (job->path);
  for (guint i = 0; i < G_N_ELEMENTS (job->strings); i++)
    g_free (job->strings[i]);
  g_free (job);
}

/* Reads the spans on a connection of its own, off the main thread: a
 * million predictions take seconds, and the window keeps drawing. */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsStore) store = NULL;
  HsTimelineData *data;

  if (!(store = hs_store_open (job->path, &error)) ||
      !(data = hs_store_timeline_data (store, &job->query, job->lanes, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, data, (GDestroyNotify) hs_timeline_data_free);
}

static void
show_chart (HsTimelinePage  *self,
            HsChart         *chart,
            const GError    *error)
{
  guint n;

  if (chart == NULL)
    {
      g_warning ("Cannot read the predictions for the timeline: %s", error->message);
      hs_timeline_view_set_chart (self->view, NULL);
      adw_status_page_set_title (self->empty_page, _("Cannot Show the Timeline"));
      adw_status_page_set_description (self->empty_page, NULL);
      gtk_widget_set_visible (adw_status_page_get_child (self->empty_page), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_note (self);
      update_actions (self);
      return;
    }

  n = hs_timeline_chart_get_data (HS_TIMELINE_CHART (chart))->items->len;
  g_debug ("Timeline: %u predictions read in %.1f ms", n, (g_get_monotonic_time () - self->read_started) / 1000.0);

  hs_timeline_view_set_chart (self->view, HS_TIMELINE_CHART (chart));
  if (n == 0)
    {
      gboolean filtered = is_filtered (&self->query);

      adw_status_page_set_title (self->empty_page,
                                 filtered ? _("No Matching Predictions") : _("No Predictions Yet"));
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("The search and filters of the Claims page match no prediction")
                                                : _("Predictions appear here as spans from when they were made to when they resolve"));
      gtk_widget_set_visible (adw_status_page_get_child (self->empty_page), filtered);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "timeline");

  update_note (self);
  update_actions (self);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  HsTimelinePage *self = HS_TIMELINE_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsChart) chart = NULL;
  HsTimelineData *data = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer read replaced this one, or the page went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->read_cancellable)
    {
      g_clear_pointer (&data, hs_timeline_data_free);
      return;
    }
  g_clear_object (&self->read_cancellable);
  if (data != NULL)
    chart = hs_timeline_chart_new (data);
  show_chart (self, chart, error);
}

static void
rebuild (HsTimelinePage *self)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  self->stale = FALSE;
  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  self->read_cancellable = g_cancellable_new ();
  self->read_started = g_get_monotonic_time ();

  job = g_new0 (ReadJob, 1);
  job->path = g_strdup (hs_store_get_path (self->store));
  job->lanes = self->lanes;
  job->query = self->query;
  job->query.speaker_id = job->strings[0] = g_strdup (self->query.speaker_id);
  job->query.topic_id = job->strings[1] = g_strdup (self->query.topic_id);
  job->query.source_id = job->strings[2] = g_strdup (self->query.source_id);
  job->query.search = job->strings[3] = g_strdup (self->query.search);

  /* The chart shown stays until the new one is read; the first time,
   * the page says what it is doing. */
  if (hs_timeline_view_get_chart (self->view) == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Reading the Predictions…"));
      adw_status_page_set_description (self->empty_page, NULL);
      gtk_widget_set_visible (adw_status_page_get_child (self->empty_page), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  task = g_task_new (self, self->read_cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, rebuild);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_thread);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  HsTimelinePage *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Reads the predictions again now if the page is in sight (once, however
 * many changes come at once), else when it comes into sight. */
static void
queue_rebuild (HsTimelinePage *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_cb, self);
}

static void
lanes_changed_cb (GtkDropDown    *dropdown,
                  GParamSpec     *pspec,
                  HsTimelinePage *self)
{
  HsLaneKind lanes = gtk_drop_down_get_selected (dropdown) == 1 ? HS_LANES_BY_TOPIC : HS_LANES_BY_SPEAKER;

  if (lanes == self->lanes)
    return;
  self->lanes = lanes;
  queue_rebuild (self);
}

static void
activate_item_cb (HsTimelineView *view,
                  const char     *claim_id,
                  HsTimelinePage *self)
{
  g_signal_emit (self, signals[SHOW_CLAIM], 0, claim_id);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hs_timeline_view_zoom (HS_TIMELINE_PAGE (widget)->view, ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  hs_timeline_view_zoom (HS_TIMELINE_PAGE (widget)->view, 1 / ZOOM_STEP);
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  hs_timeline_view_fit (HS_TIMELINE_PAGE (widget)->view);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HsTimelinePage *self = HS_TIMELINE_PAGE (widget);
  HsTimelineChart *chart = hs_timeline_view_get_chart (self->view);

  if (chart != NULL)
    hs_chart_export_dialog_present (GTK_WINDOW (gtk_widget_get_root (widget)), HS_CHART (chart),
                                    "timeline");
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HsTimelinePage *self = HS_TIMELINE_PAGE (widget);
  HsTimelineChart *chart = hs_timeline_view_get_chart (self->view);

  if (chart != NULL)
    hs_chart_copy_image (widget, HS_CHART (chart), g_settings_get_int (self->settings, "export-width"),
                         g_settings_get_int (self->settings, "export-height"),
                         g_settings_get_int (self->settings, "export-scale"));
}

static void
edit_filters_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[EDIT_FILTERS], 0);
}

static void
hs_timeline_page_map (GtkWidget *widget)
{
  HsTimelinePage *self = HS_TIMELINE_PAGE (widget);

  GTK_WIDGET_CLASS (hs_timeline_page_parent_class)->map (widget);

  if (self->stale)
    rebuild (self);
}

static void
clear_query (HsTimelinePage *self)
{
  g_clear_pointer (&self->speaker_id, g_free);
  g_clear_pointer (&self->topic_id, g_free);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->search, g_free);
  hs_query_init (&self->query);
}

static void
hs_timeline_page_dispose (GObject *object)
{
  HsTimelinePage *self = (HsTimelinePage *) object;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_handle_id (&self->squeeze_source, g_source_remove);
  g_cancellable_cancel (self->read_cancellable);
  g_clear_object (&self->read_cancellable);
  if (self->range_squeezer != NULL)
    g_signal_handlers_disconnect_by_data (self->range_squeezer, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_TIMELINE_PAGE);
  /* dispose_template() unparents the children it named; the others too. */
  hs_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  clear_query (self);

  G_OBJECT_CLASS (hs_timeline_page_parent_class)->dispose (object);
}

static void
hs_timeline_page_class_init (HsTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_timeline_page_dispose;
  widget_class->map = hs_timeline_page_map;

  /* Asks for the claim with this id to be shown in full, on the Claims page. */
  signals[SHOW_CLAIM] = g_signal_new ("show-claim", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Asks for the Claims page, where the shared search and filters are set. */
  signals[EDIT_FILTERS] = g_signal_new ("edit-filters", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (HS_TYPE_TIMELINE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsTimelinePage, range_squeezer);
  gtk_widget_class_bind_template_child (widget_class, HsTimelinePage, range_label);
  gtk_widget_class_bind_template_child (widget_class, HsTimelinePage, narrow_range_label);
  gtk_widget_class_bind_template_child (widget_class, HsTimelinePage, lanes_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HsTimelinePage, status_bar);
  gtk_widget_class_bind_template_child (widget_class, HsTimelinePage, note_bar);
  gtk_widget_class_bind_template_child (widget_class, HsTimelinePage, note_label);
  gtk_widget_class_bind_template_child (widget_class, HsTimelinePage, edit_filters_button);
  gtk_widget_class_bind_template_child (widget_class, HsTimelinePage, stack);
  gtk_widget_class_bind_template_child (widget_class, HsTimelinePage, view);
  gtk_widget_class_bind_template_child (widget_class, HsTimelinePage, scrollbar);
  gtk_widget_class_bind_template_child (widget_class, HsTimelinePage, empty_page);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "timeline.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "timeline.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "timeline.edit-filters", NULL, edit_filters_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "timeline.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "timeline.export", NULL);
}

static void
hs_timeline_page_init (HsTimelinePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->lanes = HS_LANES_BY_SPEAKER;
  hs_query_init (&self->query);

  gtk_scrollbar_set_adjustment (self->scrollbar, hs_timeline_view_get_vadjustment (self->view));
  g_signal_connect (self->view, "view-changed", G_CALLBACK (view_changed_cb), self);
  g_signal_connect (self->view, "activate-item", G_CALLBACK (activate_item_cb), self);
  g_signal_connect (self->lanes_dropdown, "notify::selected", G_CALLBACK (lanes_changed_cb), self);
  g_signal_connect (self->range_squeezer, "notify::visible-child", G_CALLBACK (squeezed_cb), self);
  update_actions (self);
}

GtkWidget *
hs_timeline_page_new (void)
{
  return g_object_new (HS_TYPE_TIMELINE_PAGE, NULL);
}

void
hs_timeline_page_set_store (HsTimelinePage *self,
                            HsStore        *store)
{
  g_return_if_fail (HS_IS_TIMELINE_PAGE (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  hs_timeline_view_set_store (self->view, store);
  queue_rebuild (self);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/**
 * hs_timeline_page_set_query:
 * @query: which predictions to show (the kind, order and page are the
 *   timeline's own); copied
 */
void
hs_timeline_page_set_query (HsTimelinePage *self,
                            const HsQuery  *query)
{
  gboolean changed = FALSE;

  g_return_if_fail (HS_IS_TIMELINE_PAGE (self));
  g_return_if_fail (query != NULL);

  changed |= set_string (&self->speaker_id, query->speaker_id);
  changed |= set_string (&self->topic_id, query->topic_id);
  changed |= set_string (&self->source_id, query->source_id);
  changed |= set_string (&self->search, query->search);
  changed |= self->query.status != query->status;
  changed |= !hs_date_equal (&self->query.stated_from, &query->stated_from);
  changed |= !hs_date_equal (&self->query.stated_to, &query->stated_to);

  hs_query_init (&self->query);
  self->query.speaker_id = self->speaker_id;
  self->query.topic_id = self->topic_id;
  self->query.source_id = self->source_id;
  self->query.search = self->search;
  self->query.status = query->status;
  self->query.stated_from = query->stated_from;
  self->query.stated_to = query->stated_to;

  if (changed)
    queue_rebuild (self);
}

/* Reads the predictions again: the data changed. */
void
hs_timeline_page_reload (HsTimelinePage *self)
{
  g_return_if_fail (HS_IS_TIMELINE_PAGE (self));

  if (self->store != NULL)
    queue_rebuild (self);
}
