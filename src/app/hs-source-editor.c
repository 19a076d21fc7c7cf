/* hs-source-editor.c: add or edit a source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>

#include "hs-format.h"
#include "hs-source-editor.h"

/* The kinds in the order the dropdown lists them. */
static const HsSourceKind kinds[] = {
  HS_SOURCE_KIND_TALK, HS_SOURCE_KIND_PANEL, HS_SOURCE_KIND_PODCAST, HS_SOURCE_KIND_INTERVIEW,
  HS_SOURCE_KIND_ARTICLE, HS_SOURCE_KIND_NEWSLETTER, HS_SOURCE_KIND_POST,
};

typedef struct
{
  char         *id;
  char         *title;
  HsSourceKind  kind;
  char         *publisher;
  char         *url;
  HsDate        published;
  char         *date_note;
  char         *event;
  HsDate        event_date;
  char         *language;
  char         *notes;
} Values;

struct _HsSourceEditor
{
  HsEditor     parent_instance;

  /* Template children */
  HsFormField *id_field;
  GtkWidget   *id_entry;
  GtkWidget   *title_entry;
  GtkDropDown *kind_dropdown;
  GtkWidget   *publisher_entry;
  GtkWidget   *url_entry;
  GtkWidget   *published_entry;
  GtkWidget   *date_note_entry;
  GtkWidget   *event_entry;
  GtkWidget   *event_date_entry;
  GtkWidget   *language_entry;
  GtkWidget   *notes_view;
};

G_DEFINE_FINAL_TYPE (HsSourceEditor, hs_source_editor, HS_TYPE_EDITOR)

static void
values_clear (Values *values)
{
  g_clear_pointer (&values->id, g_free);
  g_clear_pointer (&values->title, g_free);
  g_clear_pointer (&values->publisher, g_free);
  g_clear_pointer (&values->url, g_free);
  g_clear_pointer (&values->date_note, g_free);
  g_clear_pointer (&values->event, g_free);
  g_clear_pointer (&values->language, g_free);
  g_clear_pointer (&values->notes, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Values, values_clear)

/* Reads the form; a date that is not one is said in @problems (when not
 * %NULL) and left out. */
static void
read_values (HsSourceEditor *self,
             Values         *values,
             GHashTable     *problems)
{
  g_autoptr(GHashTable) ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *published = hs_editor_get_text (self->published_entry);
  g_autofree char *event_date = hs_editor_get_text (self->event_date_entry);
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  values->id = hs_editor_get_text (self->id_entry);
  values->title = hs_editor_get_text (self->title_entry);
  values->kind = selected < G_N_ELEMENTS (kinds) ? kinds[selected] : HS_SOURCE_KIND_TALK;
  values->publisher = hs_editor_get_text (self->publisher_entry);
  values->url = hs_editor_get_text (self->url_entry);
  values->date_note = hs_editor_get_text (self->date_note_entry);
  values->event = hs_editor_get_text (self->event_entry);
  values->language = hs_editor_get_text (self->language_entry);
  values->notes = hs_editor_get_text (self->notes_view);
  hs_editor_parse_date (published, &values->published, "published", problems ? problems : ignored);
  hs_editor_parse_date (event_date, &values->event_date, "event_date", problems ? problems : ignored);
}

static gpointer
build_source (gpointer data)
{
  Values *values = data;
  HsSource *source = hs_source_new (values->id ? values->id : "", values->title, values->kind);

  hs_source_set_publisher (source, values->publisher);
  hs_source_set_url (source, values->url);
  hs_source_set_published (source, &values->published);
  hs_source_set_date_note (source, values->date_note);
  hs_source_set_event (source, values->event);
  hs_source_set_event_date (source, &values->event_date);
  hs_source_set_language (source, values->language);
  hs_source_set_notes (source, values->notes);
  return source;
}

static gboolean
repair_source (gpointer    data,
               const char *field)
{
  Values *values = data;
  char **text = NULL;

  if (g_str_equal (field, "id") || g_str_equal (field, "title") || g_str_equal (field, "date_note"))
    {
      text = g_str_equal (field, "id") ? &values->id
             : g_str_equal (field, "title") ? &values->title : &values->date_note;
      g_free (*text);
      *text = g_strdup ("x");
      return TRUE;
    }
  if (g_str_equal (field, "publisher"))
    text = &values->publisher;
  else if (g_str_equal (field, "url"))
    text = &values->url;
  else if (g_str_equal (field, "event"))
    text = &values->event;
  else if (g_str_equal (field, "language"))
    text = &values->language;
  else if (g_str_equal (field, "notes"))
    text = &values->notes;
  else
    return FALSE;
  g_clear_pointer (text, g_free);
  return TRUE;
}

static void
hs_source_editor_check (HsEditor   *editor,
                        GHashTable *problems)
{
  HsSourceEditor *self = HS_SOURCE_EDITOR (editor);
  g_auto(Values) values = { 0 };

  read_values (self, &values, problems);
  hs_editor_check_new_id (editor, values.id, problems);
  hs_editor_collect_problems (&values, build_source, (HsEditorValidateFunc) hs_validate_source,
                              repair_source, NULL, problems);
}

static char *
hs_source_editor_save (HsEditor  *editor,
                       GError   **error)
{
  HsSourceEditor *self = HS_SOURCE_EDITOR (editor);
  g_auto(Values) values = { 0 };
  g_autoptr(HsSource) source = NULL;

  read_values (self, &values, NULL);
  source = build_source (&values);
  if (!hs_store_save_source (hs_editor_get_store (editor), source, error))
    return NULL;
  return g_strdup (hs_source_get_id (source));
}

/* The id of a new source follows its title until the person edits it. */
static void
title_changed_cb (GtkEditable    *editable,
                  HsSourceEditor *self)
{
  g_autofree char *slug = NULL;
  g_autofree char *id = NULL;

  if (!hs_editor_is_new (HS_EDITOR (self)) || hs_editor_is_touched (HS_EDITOR (self), self->id_field))
    return;
  slug = hs_editor_slug (gtk_editable_get_text (editable));
  id = *slug ? hs_editor_unique_id (hs_editor_get_store (HS_EDITOR (self)), slug, "source") : NULL;
  hs_editor_set_text (HS_EDITOR (self), self->id_entry, id);
}

static void
set_date (HsSourceEditor *self,
          GtkWidget      *entry,
          HsDate          date)
{
  char buffer[HS_DATE_BUFSIZE] = "";

  if (hs_date_is_set (&date))
    hs_date_to_buffer (&date, buffer);
  hs_editor_set_text (HS_EDITOR (self), entry, buffer);
}

static void
fill (HsSourceEditor *self,
      HsSource       *source)
{
  HsEditor *editor = HS_EDITOR (self);

  hs_editor_set_text (editor, self->id_entry, hs_source_get_id (source));
  hs_editor_set_text (editor, self->title_entry, hs_source_get_title (source));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == hs_source_get_kind (source))
      gtk_drop_down_set_selected (self->kind_dropdown, i);
  hs_editor_set_text (editor, self->publisher_entry, hs_source_get_publisher (source));
  hs_editor_set_text (editor, self->url_entry, hs_source_get_url (source));
  set_date (self, self->published_entry, hs_source_get_published (source));
  hs_editor_set_text (editor, self->date_note_entry, hs_source_get_date_note (source));
  hs_editor_set_text (editor, self->event_entry, hs_source_get_event (source));
  set_date (self, self->event_date_entry, hs_source_get_event_date (source));
  hs_editor_set_text (editor, self->language_entry, hs_source_get_language (source));
  hs_editor_set_text (editor, self->notes_view, hs_source_get_notes (source));
}

static void
hs_source_editor_dispose (GObject *object)
{
  HsSourceEditor *self = (HsSourceEditor *) object;

  /* Once, though dispose may run twice: it nulls the pointers. */
  if (self->title_entry != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->title_entry, self);
      gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_SOURCE_EDITOR);
    }

  G_OBJECT_CLASS (hs_source_editor_parent_class)->dispose (object);
}

static void
hs_source_editor_class_init (HsSourceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HsEditorClass *editor_class = HS_EDITOR_CLASS (klass);

  object_class->dispose = hs_source_editor_dispose;
  editor_class->check = hs_source_editor_check;
  editor_class->save = hs_source_editor_save;

  g_type_ensure (HS_TYPE_FORM_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-source-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HsSourceEditor, id_field);
  gtk_widget_class_bind_template_child (widget_class, HsSourceEditor, id_entry);
  gtk_widget_class_bind_template_child (widget_class, HsSourceEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, HsSourceEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HsSourceEditor, publisher_entry);
  gtk_widget_class_bind_template_child (widget_class, HsSourceEditor, url_entry);
  gtk_widget_class_bind_template_child (widget_class, HsSourceEditor, published_entry);
  gtk_widget_class_bind_template_child (widget_class, HsSourceEditor, date_note_entry);
  gtk_widget_class_bind_template_child (widget_class, HsSourceEditor, event_entry);
  gtk_widget_class_bind_template_child (widget_class, HsSourceEditor, event_date_entry);
  gtk_widget_class_bind_template_child (widget_class, HsSourceEditor, language_entry);
  gtk_widget_class_bind_template_child (widget_class, HsSourceEditor, notes_view);
}

static void
hs_source_editor_init (HsSourceEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (names, hs_format_source_kind (kinds[i]));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (names));
  /* Most sources of claims are interviews. */
  gtk_drop_down_set_selected (self->kind_dropdown, 3);

  g_signal_connect (self->title_entry, "changed", G_CALLBACK (title_changed_cb), self);
}

/**
 * hs_source_editor_new:
 * @source: (nullable): the source to edit, or %NULL for a new one
 */
GtkWidget *
hs_source_editor_new (HsStore  *store,
                      HsSource *source)
{
  HsSourceEditor *self = g_object_new (HS_TYPE_SOURCE_EDITOR,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                       "store", store,
                                       "is-new", source == NULL,
                                       NULL);

  if (source != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Source"));
      fill (self, source);
      /* Claims name the source by id: a stored source keeps its own. */
      gtk_editable_set_editable (GTK_EDITABLE (self->id_entry), FALSE);
      hs_form_field_set_hint (self->id_field, _("A stored source keeps its id"));
    }
  else
    hs_form_field_set_hint (self->id_field, _("Made from the title; letters, digits and . _ : -"));
  hs_editor_changed (HS_EDITOR (self));
  return GTK_WIDGET (self);
}
