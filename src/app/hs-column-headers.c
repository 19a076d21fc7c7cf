/* hs-column-headers.c: column view headers that screen readers can name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In GTK 4.8 a column view's header buttons have no accessible name (a
 * screen reader hears "GtkColumnViewTitle") and do not say how the table
 * is sorted. This names each header by its column's title and describes
 * its sort, which it reads from the header's sort indicator: the CSS node
 * that themes style as "sort-indicator.ascending" or ".descending" (see
 * GtkColumnView's CSS nodes). It runs again whenever the sort changes.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>

#include "hs-column-headers.h"

static GtkWidget *
find_css_child (GtkWidget  *widget,
                const char *css_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_css_name (child), css_name) == 0)
        return child;
      if ((found = find_css_child (child, css_name)))
        return found;
    }
  return NULL;
}

static void
label_headers (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  GtkWidget *header = find_css_child (GTK_WIDGET (view), "header");
  guint position = 0;

  if (header == NULL)
    return;

  /* The header holds one button for each visible column, in order. */
  for (GtkWidget *title = gtk_widget_get_first_child (header); title; title = gtk_widget_get_next_sibling (title))
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkWidget *indicator = find_css_child (title, "sort-indicator");
      const char *sort = "";

      while ((column = g_list_model_get_item (columns, position++)) &&
             !gtk_column_view_column_get_visible (column))
        g_clear_object (&column);
      if (column == NULL)
        break;

      if (indicator != NULL && gtk_widget_has_css_class (indicator, "ascending"))
        sort = _("Sorted ascending");
      else if (indicator != NULL && gtk_widget_has_css_class (indicator, "descending"))
        sort = _("Sorted descending");
      else if (gtk_column_view_column_get_sorter (column) != NULL)
        sort = _("Click to sort");

      gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_column_view_column_get_title (column),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sort,
                                      -1);
    }
}

static gboolean
label_headers_idle_cb (gpointer user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(GtkWidget) view = g_weak_ref_get (ref);

  if (view != NULL)
    {
      g_object_set_data (G_OBJECT (view), "hs-headers-idle", NULL);
      label_headers (GTK_COLUMN_VIEW (view));
    }
  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* The headers update their indicators when the sorter changes; they are
 * read once they have. */
static void
queue_label (GtkColumnView *view)
{
  GWeakRef *ref;

  if (g_object_get_data (G_OBJECT (view), "hs-headers-idle") != NULL)
    return;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, view);
  g_object_set_data (G_OBJECT (view), "hs-headers-idle", GINT_TO_POINTER (1));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, label_headers_idle_cb, ref, (GDestroyNotify) weak_ref_free);
}

static void
sorter_changed_cb (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   GtkColumnView   *view)
{
  queue_label (view);
}

static void
realize_cb (GtkColumnView *view)
{
  label_headers (view);
}

/**
 * hs_column_headers_watch:
 *
 * Names the headers of @view and keeps their sort description current.
 */
void
hs_column_headers_watch (GtkColumnView *view)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  g_signal_connect_object (gtk_column_view_get_sorter (view), "changed",
                           G_CALLBACK (sorter_changed_cb), view, 0);
  g_signal_connect (view, "realize", G_CALLBACK (realize_cb), NULL);
  label_headers (view);
}
