/* hs-tracker-page.c: predictions waiting for their outcome, by when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every open prediction is in one of four groups: overdue (its latest
 * resolve date has passed), due within 30 days, later, and open-ended (no
 * latest date). The store sorts open predictions by that date, open-ended
 * last, so each group is a run of that one order: one list of the open
 * predictions, cut into four slices by counting, and none of its rows
 * becomes an object before it is on screen. The page is one list view over
 * the four groups and their headings, so it scrolls as one list however
 * long the groups are.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>

#include "hs-format.h"
#include "hs-resolve-dialog.h"
#include "hs-tracker-page.h"
#include "hs-tracker-row.h"

/* "Due soon" is within this many days from today, today included. */
#define DUE_SOON_DAYS 30

typedef enum
{
  GROUP_OVERDUE,
  GROUP_DUE_SOON,
  GROUP_LATER,
  GROUP_OPEN_ENDED,
  N_GROUPS
} Group;

struct _HsTrackerPage
{
  GtkWidget            parent_instance;

  HsStore             *store;
  HsDate               today;
  guint                counts[N_GROUPS];
  guint                offsets[N_GROUPS];
  gboolean             counted;         /* the counts are known */
  gboolean             lists_loaded;    /* the rows match the counts */
  guint                count_source;    /* counting, when idle */
  GCancellable        *counting;        /* counting in another thread */
  gboolean             count_again;     /* the data changed while counting */
  HsClaimList         *open;            /* every open prediction, by due date */
  GtkSliceListModel   *slices[N_GROUPS];
  GListStore          *headings[N_GROUPS];
  GListStore          *sections;        /* heading, group, heading, group, … */
  GtkFlattenListModel *flat;

  /* Template children */
  GtkStack            *stack;
  GtkListView         *view;
  AdwStatusPage       *empty_page;
};

G_DEFINE_FINAL_TYPE (HsTrackerPage, hs_tracker_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_OVERDUE,
  PROP_N_DUE_SOON,
  N_PROPS
};

enum {
  SHOW_CLAIM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
group_title (Group group)
{
  switch (group)
    {
    case GROUP_OVERDUE:
      return _("Overdue");
    case GROUP_DUE_SOON:
      return _("Due Within 30 Days");
    case GROUP_LATER:
      return _("Later");
    case GROUP_OPEN_ENDED:
      return _("Open-Ended");
    case N_GROUPS:
    default:
      return "";
    }
}

static const char *
group_empty_text (Group group)
{
  switch (group)
    {
    case GROUP_OVERDUE:
      return _("No open prediction is past its latest resolve date");
    case GROUP_DUE_SOON:
      return _("No open prediction is due in the next 30 days");
    case GROUP_LATER:
      return _("No open prediction is due after the next 30 days");
    case GROUP_OPEN_ENDED:
      return _("No open prediction is without a resolve date");
    case N_GROUPS:
    default:
      return "";
    }
}

/* Open predictions, by latest resolve date, open-ended last: the order the
 * groups are runs of. */
static void
open_query (HsQuery *query)
{
  hs_query_init (query);
  query->kind = HS_QUERY_KIND_PREDICTIONS;
  query->status = HS_STATUS_OPEN;
  query->sort = HS_QUERY_SORT_DUE;
}

/* Counts the four groups as of @today, in one pass over the open
 * predictions. Every resolve date is before the last day the model allows
 * (9999-12-31) but one on that very day; such a prediction is counted as
 * open-ended, where the order also puts it: last. */
static gboolean
count_groups (HsStore       *store,
              const HsDate  *today,
              guint          counts[N_GROUPS],
              GError       **error)
{
  HsDate before[3] = { *today, hs_date_add_days (today, DUE_SOON_DAYS + 1), hs_date_new_day (9999, 12, 31) };
  gint64 found[G_N_ELEMENTS (before) + 1];
  HsQuery query;

  open_query (&query);
  if (!hs_store_count_due_before (store, &query, before, G_N_ELEMENTS (before), found, error))
    return FALSE;

  counts[GROUP_OVERDUE] = (guint) MIN (found[0], G_MAXUINT);
  counts[GROUP_DUE_SOON] = (guint) MIN (found[1] - found[0], G_MAXUINT);
  counts[GROUP_LATER] = (guint) MIN (found[2] - found[1], G_MAXUINT);
  counts[GROUP_OPEN_ENDED] = (guint) MIN (found[3] - found[2], G_MAXUINT);
  return TRUE;
}

/* Lists the open predictions, and cuts the list into the groups. */
static void
load_lists (HsTrackerPage *self)
{
  g_autoptr(GError) error = NULL;
  HsQuery query;

  open_query (&query);
  if (!hs_claim_list_set_query (self->open, &query, &error))
    g_warning ("Cannot list the open predictions: %s", error->message);
  for (Group group = 0; group < N_GROUPS; group++)
    {
      gtk_slice_list_model_set_offset (self->slices[group], self->offsets[group]);
      gtk_slice_list_model_set_size (self->slices[group], self->counts[group]);
    }
  self->lists_loaded = TRUE;
}

/* Tells the heading rows to show the counts again. */
static void
refresh_headings (HsTrackerPage *self)
{
  for (Group group = 0; group < N_GROUPS; group++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->headings[group]), 0);

      g_list_store_splice (self->headings[group], 0, 1, (gpointer *) &item, 1);
    }
}

static void
show_counts (HsTrackerPage *self,
             const HsDate  *today,
             const guint    counts[N_GROUPS])
{
  guint previous_overdue = self->counts[GROUP_OVERDUE];
  guint previous_soon = self->counts[GROUP_DUE_SOON];
  guint offset = 0;

  self->today = *today;
  self->counted = TRUE;
  for (Group group = 0; group < N_GROUPS; group++)
    {
      self->counts[group] = counts[group];
      self->offsets[group] = offset;
      offset += counts[group];
    }

  /* The rows are read only for a page someone looks at; the counts are
   * for the view switcher's badge too. */
  self->lists_loaded = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_lists (self);
  refresh_headings (self);
  gtk_stack_set_visible_child_name (self->stack, offset > 0 ? "list" : "empty");

  if (previous_overdue != self->counts[GROUP_OVERDUE])
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
  if (previous_soon != self->counts[GROUP_DUE_SOON])
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DUE_SOON]);
}

typedef struct
{
  char   *path;
  HsDate  today;
  guint   counts[N_GROUPS];
} CountJob;

static void
count_job_free (CountJob *job)
{
  g_free (job->path);
  g_free (job);
}

/* Counts on a connection of its own, off the main thread: one pass over
 * the open predictions, which takes a tenth of a second at a million. */
static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsStore) store = NULL;

  if (!(store = hs_store_open (job->path, &error)) ||
      !count_groups (store, &job->today, job->counts, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void reload (HsTrackerPage *self);

static void
count_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  HsTrackerPage *self = HS_TRACKER_PAGE (source);
  CountJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The page went away. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Cannot count the open predictions: %s", error->message);
    }
  g_clear_object (&self->counting);
  if (error == NULL && self->store != NULL)
    show_counts (self, &job->today, job->counts);
  if (self->count_again)
    {
      self->count_again = FALSE;
      reload (self);
    }
}

/* Counting is left until the main loop is idle: after the first frame at
 * start, and once for any number of changes made in one go. */
static gboolean
count_cb (gpointer user_data)
{
  HsTrackerPage *self = user_data;
  g_autoptr(GTask) task = NULL;
  CountJob *job;

  self->count_source = 0;
  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  job = g_new0 (CountJob, 1);
  job->path = g_strdup (hs_store_get_path (self->store));
  job->today = hs_date_today ();
  self->counting = g_cancellable_new ();
  task = g_task_new (self, self->counting, count_done_cb, NULL);
  g_task_set_source_tag (task, count_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) count_job_free);
  g_task_run_in_thread (task, count_thread);
  return G_SOURCE_REMOVE;
}

static void
reload (HsTrackerPage *self)
{
  if (self->store == NULL || self->count_source != 0)
    return;
  /* A count under way read the data before this change: count again
   * when it is done. */
  if (self->counting != NULL)
    {
      self->count_again = TRUE;
      return;
    }
  self->count_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, count_cb, self, NULL);
}

static GtkWidget *
make_heading (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  /* A heading to screen readers too, so that they can jump between groups. */
  GtkWidget *title = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *empty = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "tracker-heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (count, "tracker-count");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (empty), 0);
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_add_css_class (empty, "caption");

  gtk_box_append (GTK_BOX (line), title);
  gtk_box_append (GTK_BOX (line), count);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), empty);
  return box;
}

static void
bind_heading (HsTrackerPage *self,
              GtkWidget     *heading,
              Group          group)
{
  GtkWidget *line = gtk_widget_get_first_child (heading);
  GtkWidget *title = gtk_widget_get_first_child (line);
  GtkWidget *count = gtk_widget_get_next_sibling (title);
  GtkWidget *empty = gtk_widget_get_next_sibling (line);
  g_autofree char *number = g_strdup_printf ("%u", self->counts[group]);

  gtk_label_set_text (GTK_LABEL (title), group_title (group));
  /* Until counted, a heading says nothing it would have to take back. */
  gtk_label_set_text (GTK_LABEL (count), self->counted ? number : "…");
  gtk_label_set_text (GTK_LABEL (empty), group_empty_text (group));
  gtk_widget_set_visible (empty, self->counted && self->counts[group] == 0);
  /* Overdue in words and in the heading's place, not by colour alone. */
  if (group == GROUP_OVERDUE && self->counts[group] > 0)
    gtk_widget_add_css_class (count, "overdue");
  else
    gtk_widget_remove_css_class (count, "overdue");
  if (group == GROUP_OVERDUE)
    gtk_widget_add_css_class (heading, "first");
  else
    gtk_widget_remove_css_class (heading, "first");
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               HsTrackerPage            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), make_heading ());
  gtk_box_append (GTK_BOX (box), hs_tracker_row_new ());
  gtk_list_item_set_child (item, box);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HsTrackerPage            *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *heading = gtk_widget_get_first_child (box);
  GtkWidget *row = gtk_widget_get_next_sibling (heading);
  GObject *object = gtk_list_item_get_item (item);
  gboolean is_claim = HS_IS_CLAIM (object);

  gtk_widget_set_visible (heading, !is_claim);
  gtk_widget_set_visible (row, is_claim);
  gtk_list_item_set_activatable (item, is_claim);
  if (is_claim)
    hs_tracker_row_bind (HS_TRACKER_ROW (row), HS_CLAIM (object), &self->today);
  else
    bind_heading (self, heading,
                  (Group) g_ascii_strtoull (gtk_string_object_get_string (GTK_STRING_OBJECT (object)),
                                            NULL, 10));
}

static void
activate_cb (GtkListView   *view,
             guint          position,
             HsTrackerPage *self)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->flat), position);

  if (HS_IS_CLAIM (item) && hs_claim_is_prediction (HS_CLAIM (item)))
    g_signal_emit (self, signals[SHOW_CLAIM], 0, hs_claim_get_id (HS_CLAIM (item)));
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hs_resolve_dialog_open (widget, g_variant_get_string (parameter, NULL));
}

static void
hs_tracker_page_map (GtkWidget *widget)
{
  HsTrackerPage *self = HS_TRACKER_PAGE (widget);

  GTK_WIDGET_CLASS (hs_tracker_page_parent_class)->map (widget);

  /* A million open predictions are listed only once someone looks. */
  if (self->store != NULL && self->counted && !self->lists_loaded)
    load_lists (self);
}

static void
hs_tracker_page_dispose (GObject *object)
{
  HsTrackerPage *self = (HsTrackerPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_TRACKER_PAGE);
  /* dispose_template() unparents the children it named; the others too. */
  hs_widget_unparent_children (GTK_WIDGET (self));

  g_clear_handle_id (&self->count_source, g_source_remove);
  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_clear_object (&self->flat);
  g_clear_object (&self->sections);
  for (Group group = 0; group < N_GROUPS; group++)
    {
      g_clear_object (&self->slices[group]);
      g_clear_object (&self->headings[group]);
    }
  g_clear_object (&self->open);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hs_tracker_page_parent_class)->dispose (object);
}

static void
hs_tracker_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HsTrackerPage *self = HS_TRACKER_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->counts[GROUP_OVERDUE]);
      break;
    case PROP_N_DUE_SOON:
      g_value_set_uint (value, self->counts[GROUP_DUE_SOON]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_tracker_page_class_init (HsTrackerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_tracker_page_dispose;
  object_class->get_property = hs_tracker_page_get_property;
  widget_class->map = hs_tracker_page_map;

  /* Open predictions past their latest resolve date. */
  properties[PROP_N_OVERDUE] =
    g_param_spec_uint ("n-overdue", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Open predictions whose latest resolve date is within 30 days from today. */
  properties[PROP_N_DUE_SOON] =
    g_param_spec_uint ("n-due-soon", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Asks for the claim with this id to be shown in full, on the Claims page. */
  signals[SHOW_CLAIM] = g_signal_new ("show-claim", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-tracker-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HsTrackerPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HsTrackerPage, view);
  gtk_widget_class_bind_template_child (widget_class, HsTrackerPage, empty_page);

  gtk_widget_class_install_action (widget_class, "tracker.resolve", "s", resolve_action);
}

static void
hs_tracker_page_init (HsTrackerPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sections = g_list_store_new (G_TYPE_LIST_MODEL);
  for (Group group = 0; group < N_GROUPS; group++)
    {
      g_autofree char *name = g_strdup_printf ("%u", group);
      g_autoptr(GtkStringObject) heading = gtk_string_object_new (name);

      self->headings[group] = g_list_store_new (GTK_TYPE_STRING_OBJECT);
      g_list_store_append (self->headings[group], heading);
      /* Empty until the store is set and counted. */
      self->slices[group] = gtk_slice_list_model_new (NULL, 0, 0);
      g_list_store_append (self->sections, self->headings[group]);
      g_list_store_append (self->sections, self->slices[group]);
    }
  self->flat = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->sections)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), self);
  gtk_list_view_set_factory (self->view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->flat)));
  gtk_list_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect (self->view, "activate", G_CALLBACK (activate_cb), self);
}

GtkWidget *
hs_tracker_page_new (void)
{
  return g_object_new (HS_TYPE_TRACKER_PAGE, NULL);
}

void
hs_tracker_page_set_store (HsTrackerPage *self,
                           HsStore       *store)
{
  g_return_if_fail (HS_IS_TRACKER_PAGE (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracker.resolve", !hs_store_is_read_only (store));
  self->open = hs_claim_list_new (store);
  for (Group group = 0; group < N_GROUPS; group++)
    gtk_slice_list_model_set_model (self->slices[group], G_LIST_MODEL (self->open));
  reload (self);
}

/* Counts and lists again: the data changed, or the day did. */
void
hs_tracker_page_reload (HsTrackerPage *self)
{
  g_return_if_fail (HS_IS_TRACKER_PAGE (self));
  reload (self);
}

guint
hs_tracker_page_get_n_overdue (HsTrackerPage *self)
{
  g_return_val_if_fail (HS_IS_TRACKER_PAGE (self), 0);
  return self->counts[GROUP_OVERDUE];
}

guint
hs_tracker_page_get_n_due_soon (HsTrackerPage *self)
{
  g_return_val_if_fail (HS_IS_TRACKER_PAGE (self), 0);
  return self->counts[GROUP_DUE_SOON];
}
