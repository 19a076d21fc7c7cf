/* hs-source-row.c: one source in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "hs-format.h"
#include "hs-source-row.h"

struct _HsSourceRow
{
  GtkWidget  parent_instance;

  /* Template children */
  GtkLabel  *title_label;
  GtkLabel  *kind_label;
  GtkLabel  *date_label;
};

G_DEFINE_FINAL_TYPE (HsSourceRow, hs_source_row, GTK_TYPE_WIDGET)

static void
hs_source_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HS_TYPE_SOURCE_ROW);
  /* dispose_template() unparents the children it named; the others too. */
  hs_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (hs_source_row_parent_class)->dispose (object);
}

static void
hs_source_row_class_init (HsSourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_source_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-source-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HsSourceRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HsSourceRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, HsSourceRow, date_label);
}

static void
hs_source_row_init (HsSourceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hs_source_row_new (void)
{
  return g_object_new (HS_TYPE_SOURCE_ROW, NULL);
}

/**
 * hs_source_row_bind:
 * @n_claims: the claims made in @source, or -1 if unknown
 *
 * Everything from the data goes in as text, never as markup.
 */
void
hs_source_row_bind (HsSourceRow *self,
                    HsSource    *source,
                    gint64       n_claims)
{
  HsDate published = hs_source_get_published (source);
  HsDate event_date = hs_source_get_event_date (source);
  const HsDate *date = hs_date_is_set (&published) ? &published : &event_date;
  const char *publisher = hs_source_get_publisher (source);
  const char *kind = hs_format_source_kind (hs_source_get_kind (source));
  g_autofree char *kind_line = NULL;
  g_autofree char *date_line = NULL;
  g_autofree char *when = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (HS_IS_SOURCE_ROW (self));
  g_return_if_fail (HS_IS_SOURCE (source));

  gtk_label_set_text (self->title_label, hs_source_get_title (source));

  if (publisher != NULL)
    kind_line = g_strdup_printf ("%s · %s", kind, publisher);
  else
    kind_line = g_strdup (kind);
  gtk_label_set_text (self->kind_label, kind_line);

  when = hs_format_date (date);
  if (n_claims >= 0)
    {
      /* Translators: the claims made in a source, part of "13 January 2026 · 56 claims" */
      g_autofree char *claims = g_strdup_printf (ngettext ("%'" PRId64 " claim",
                                                           "%'" PRId64 " claims", n_claims),
                                                 n_claims);

      date_line = g_strdup_printf ("%s · %s", when, claims);
    }
  else
    date_line = g_strdup (when);
  gtk_label_set_text (self->date_label, date_line);

  /* A screen reader hears the row as one sentence. */
  /* Translators: a source in the list: "The All-Star Chinese AI Conversation of 2026. Newsletter · ChinaTalk. 13 January 2026 · 56 claims" */
  accessible = g_strdup_printf (_("%s. %s. %s"), hs_source_get_title (source), kind_line, date_line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}
