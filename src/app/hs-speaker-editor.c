/* hs-speaker-editor.c: add or edit a speaker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>

#include "hs-speaker-editor.h"

/* One position in the list of affiliations. Its fields are named
 * "affiliations.KEY.organization" and so on, KEY staying the same while
 * the positions before it are removed. */
typedef struct
{
  guint        key;
  GtkWidget   *box;
  GtkLabel    *title;
  GtkWidget   *remove_button;
  HsFormField *organization;
  HsFormField *role;
  HsFormField *from;
  HsFormField *to;
} Position;

/* What the form says, for building a speaker to validate or save. */
typedef struct
{
  char  *id;
  char  *name;
  char  *native_name;
  char  *bio;
  GStrv  aliases;
} Values;

struct _HsSpeakerEditor
{
  HsEditor     parent_instance;

  HsSpeaker   *original;
  GPtrArray   *positions;   /* Position */
  guint        next_key;

  /* Template children */
  HsFormField *id_field;
  GtkWidget   *name_entry;
  GtkWidget   *native_name_entry;
  GtkWidget   *id_entry;
  GtkWidget   *aliases_entry;
  GtkWidget   *bio_view;
  GtkWidget   *affiliations_heading;
  GtkWidget   *no_affiliations_label;
  GtkBox      *affiliations_box;
  GtkWidget   *add_button;
};

G_DEFINE_FINAL_TYPE (HsSpeakerEditor, hs_speaker_editor, HS_TYPE_EDITOR)

static void
values_clear (Values *values)
{
  g_clear_pointer (&values->id, g_free);
  g_clear_pointer (&values->name, g_free);
  g_clear_pointer (&values->native_name, g_free);
  g_clear_pointer (&values->bio, g_free);
  g_clear_pointer (&values->aliases, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Values, values_clear)

static void
position_free (Position *position)
{
  g_free (position);
}

/* "Zhilin Yang, Yang Zhi-lin" → two aliases; empty pieces are dropped. */
static GStrv
split_aliases (const char *text)
{
  g_auto(GStrv) pieces = g_strsplit (text ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_strstrip (pieces[i]);
      if (*pieces[i] != '\0')
        g_strv_builder_add (builder, pieces[i]);
    }
  return g_strv_builder_end (builder);
}

static void
read_values (HsSpeakerEditor *self,
             Values          *values)
{
  g_autofree char *aliases = hs_editor_get_text (self->aliases_entry);

  values->id = hs_editor_get_text (self->id_entry);
  values->name = hs_editor_get_text (self->name_entry);
  values->native_name = hs_editor_get_text (self->native_name_entry);
  values->bio = hs_editor_get_text (self->bio_view);
  values->aliases = split_aliases (aliases);
}

static gpointer
build_speaker (gpointer data)
{
  Values *values = data;
  HsSpeaker *speaker = hs_speaker_new (values->id ? values->id : "", values->name);

  hs_speaker_set_native_name (speaker, values->native_name);
  hs_speaker_set_bio (speaker, values->bio);
  hs_speaker_set_aliases (speaker, (const char * const *) values->aliases);
  return speaker;
}

static gboolean
repair_speaker (gpointer    data,
                const char *field)
{
  Values *values = data;

  if (g_str_equal (field, "id"))
    g_free (values->id), values->id = g_strdup ("x");
  else if (g_str_equal (field, "name"))
    g_free (values->name), values->name = g_strdup ("x");
  else if (g_str_equal (field, "native_name"))
    g_clear_pointer (&values->native_name, g_free);
  else if (g_str_equal (field, "bio"))
    g_clear_pointer (&values->bio, g_free);
  else if (g_str_equal (field, "aliases"))
    g_clear_pointer (&values->aliases, g_strfreev);
  else
    return FALSE;
  return TRUE;
}

/* A position alone, checked on a speaker that is otherwise valid, so that
 * its problems are told apart from the other positions'. */
typedef struct
{
  char   *organization;
  char   *role;
  HsDate  from;
  HsDate  to;
} PositionValues;

static gpointer
build_position_probe (gpointer data)
{
  PositionValues *values = data;
  HsSpeaker *speaker = hs_speaker_new ("x", "x");
  g_autoptr(HsAffiliation) affiliation = hs_affiliation_new (values->organization, values->role,
                                                             &values->from, &values->to);

  hs_speaker_add_affiliation (speaker, g_steal_pointer (&affiliation));
  return speaker;
}

static gboolean
repair_position (gpointer    data,
                 const char *field)
{
  PositionValues *values = data;

  if (g_str_equal (field, "affiliations.organization"))
    g_free (values->organization), values->organization = g_strdup ("x");
  else if (g_str_equal (field, "affiliations.role"))
    g_clear_pointer (&values->role, g_free);
  else if (g_str_equal (field, "affiliations.to"))
    memset (&values->to, 0, sizeof values->to);
  else
    return FALSE;
  return TRUE;
}

/* Reads @position into a new affiliation, or returns %NULL after saying
 * what is wrong with a date in @problems. */
static HsAffiliation *
read_position (Position   *position,
               GHashTable *problems)
{
  g_autofree char *organization = hs_editor_get_text (hs_form_field_get_input (position->organization));
  g_autofree char *role = hs_editor_get_text (hs_form_field_get_input (position->role));
  g_autofree char *from_text = hs_editor_get_text (hs_form_field_get_input (position->from));
  g_autofree char *to_text = hs_editor_get_text (hs_form_field_get_input (position->to));
  HsDate from, to;
  gboolean dates_ok;

  dates_ok = hs_editor_parse_date (from_text, &from, hs_form_field_get_field (position->from), problems);
  dates_ok &= hs_editor_parse_date (to_text, &to, hs_form_field_get_field (position->to), problems);

  if (problems != NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("affiliations.%u.", position->key);
      PositionValues values = { organization, role, from, to };

      hs_editor_collect_problems (&values, build_position_probe, (HsEditorValidateFunc) hs_validate_speaker,
                                  repair_position, prefix, problems);
      /* The repairs may have replaced these. */
      organization = values.organization;
      role = values.role;
    }
  if (!dates_ok)
    return NULL;
  return hs_affiliation_new (organization, role, &from, &to);
}

static void
hs_speaker_editor_check (HsEditor   *editor,
                         GHashTable *problems)
{
  HsSpeakerEditor *self = HS_SPEAKER_EDITOR (editor);
  g_auto(Values) values = { 0 };

  read_values (self, &values);
  hs_editor_check_new_id (editor, values.id, problems);
  hs_editor_collect_problems (&values, build_speaker, (HsEditorValidateFunc) hs_validate_speaker,
                              repair_speaker, NULL, problems);

  for (guint i = 0; i < self->positions->len; i++)
    {
      g_autoptr(HsAffiliation) affiliation = read_position (g_ptr_array_index (self->positions, i),
                                                            problems);
    }
}

static char *
hs_speaker_editor_save (HsEditor  *editor,
                        GError   **error)
{
  HsSpeakerEditor *self = HS_SPEAKER_EDITOR (editor);
  g_auto(Values) values = { 0 };
  g_autoptr(HsSpeaker) speaker = NULL;

  read_values (self, &values);
  speaker = build_speaker (&values);
  for (guint i = 0; i < self->positions->len; i++)
    {
      HsAffiliation *affiliation = read_position (g_ptr_array_index (self->positions, i), NULL);

      if (affiliation != NULL)
        hs_speaker_add_affiliation (speaker, affiliation);
    }

  if (!hs_store_save_speaker (hs_editor_get_store (editor), speaker, error))
    return NULL;
  return g_strdup (hs_speaker_get_id (speaker));
}

/* The id of a new speaker follows the name until the person edits it. */
static void
name_changed_cb (GtkEditable     *editable,
                 HsSpeakerEditor *self)
{
  g_autofree char *slug = NULL;
  g_autofree char *id = NULL;

  if (!hs_editor_is_new (HS_EDITOR (self)) || hs_editor_is_touched (HS_EDITOR (self), self->id_field))
    return;
  slug = hs_editor_slug (gtk_editable_get_text (editable));
  id = *slug ? hs_editor_unique_id (hs_editor_get_store (HS_EDITOR (self)), slug, "speaker") : NULL;
  hs_editor_set_text (HS_EDITOR (self), self->id_entry, id);
}

static void
renumber_positions (HsSpeakerEditor *self)
{
  for (guint i = 0; i < self->positions->len; i++)
    {
      Position *position = g_ptr_array_index (self->positions, i);
      /* Translators: the heading of one affiliation of a speaker, "Position 2" */
      g_autofree char *title = g_strdup_printf (_("Position %u"), i + 1);
      /* Translators: the button that removes one affiliation, "Remove Position 2" */
      g_autofree char *remove = g_strdup_printf (_("Remove Position %u"), i + 1);

      gtk_label_set_text (position->title, title);
      gtk_widget_set_tooltip_text (position->remove_button, remove);
      gtk_accessible_update_property (GTK_ACCESSIBLE (position->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
    }
  gtk_widget_set_visible (self->no_affiliations_label, self->positions->len == 0);
}

static HsFormField *
position_field (HsSpeakerEditor *self,
                Position        *position,
                const char      *title,
                const char      *name,
                const char      *hint)
{
  g_autofree char *field = g_strdup_printf ("affiliations.%u.%s", position->key, name);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *widget = hs_form_field_new (title, field, entry);

  if (hint != NULL)
    hs_form_field_set_hint (HS_FORM_FIELD (widget), hint);
  gtk_widget_set_hexpand (widget, TRUE);
  return HS_FORM_FIELD (widget);
}

static Position *
add_position (HsSpeakerEditor     *self,
              const HsAffiliation *affiliation)
{
  Position *position = g_new0 (Position, 1);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dates = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  HsFormField *fields[4];

  position->key = self->next_key++;
  position->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (position->box, "card");
  gtk_widget_add_css_class (position->box, "form-position");

  position->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (position->title, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (position->title), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (position->title), "heading");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (position->title));

  position->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (position->remove_button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (position->remove_button),
                                  "speaker-editor.remove-affiliation");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (position->remove_button), "u", position->key);
  gtk_box_append (GTK_BOX (header), position->remove_button);
  gtk_box_append (GTK_BOX (position->box), header);

  position->organization = fields[0] = position_field (self, position, _("_Organization"), "organization", NULL);
  position->role = fields[1] = position_field (self, position, _("_Role"), "role", NULL);
  position->from = fields[2] = position_field (self, position, _("_From"), "from", _("Such as 2019 or 2019-03"));
  position->to = fields[3] = position_field (self, position, _("_To"), "to", _("Empty while current"));
  gtk_box_append (GTK_BOX (position->box), GTK_WIDGET (position->organization));
  gtk_box_append (GTK_BOX (position->box), GTK_WIDGET (position->role));
  gtk_box_set_homogeneous (GTK_BOX (dates), TRUE);
  gtk_box_append (GTK_BOX (dates), GTK_WIDGET (position->from));
  gtk_box_append (GTK_BOX (dates), GTK_WIDGET (position->to));
  gtk_box_append (GTK_BOX (position->box), dates);

  if (affiliation != NULL)
    {
      char from[HS_DATE_BUFSIZE] = "", to[HS_DATE_BUFSIZE] = "";

      if (hs_date_is_set (&affiliation->from))
        hs_date_to_buffer (&affiliation->from, from);
      if (hs_date_is_set (&affiliation->to))
        hs_date_to_buffer (&affiliation->to, to);
      hs_editor_set_text (HS_EDITOR (self), hs_form_field_get_input (fields[0]), affiliation->organization);
      hs_editor_set_text (HS_EDITOR (self), hs_form_field_get_input (fields[1]), affiliation->role);
      hs_editor_set_text (HS_EDITOR (self), hs_form_field_get_input (fields[2]), from);
      hs_editor_set_text (HS_EDITOR (self), hs_form_field_get_input (fields[3]), to);
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    hs_editor_add_field (HS_EDITOR (self), fields[i]);

  gtk_box_append (self->affiliations_box, position->box);
  g_ptr_array_add (self->positions, position);
  renumber_positions (self);
  return position;
}

static void
add_affiliation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HsSpeakerEditor *self = HS_SPEAKER_EDITOR (widget);
  Position *position = add_position (self, NULL);

  gtk_widget_grab_focus (hs_form_field_get_input (position->organization));
  hs_editor_changed (HS_EDITOR (self));
}

static void
remove_affiliation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  HsSpeakerEditor *self = HS_SPEAKER_EDITOR (widget);
  guint key = g_variant_get_uint32 (parameter);

  for (guint i = 0; i < self->positions->len; i++)
    {
      Position *position = g_ptr_array_index (self->positions, i);

      if (position->key != key)
        continue;

      hs_editor_remove_field (HS_EDITOR (self), position->organization);
      hs_editor_remove_field (HS_EDITOR (self), position->role);
      hs_editor_remove_field (HS_EDITOR (self), position->from);
      hs_editor_remove_field (HS_EDITOR (self), position->to);
      /* The focus was on the button going away: keep it in the list. */
      gtk_widget_grab_focus (GTK_WIDGET (self->affiliations_box));
      gtk_box_remove (self->affiliations_box, position->box);
      g_ptr_array_remove_index (self->positions, i);
      break;
    }
  renumber_positions (self);
  hs_editor_changed (HS_EDITOR (self));
}

static void
fill (HsSpeakerEditor *self,
      HsSpeaker       *speaker)
{
  HsEditor *editor = HS_EDITOR (self);
  const char * const *aliases = hs_speaker_get_aliases (speaker);
  GPtrArray *affiliations = hs_speaker_get_affiliations (speaker);
  g_autofree char *joined = aliases ? g_strjoinv (", ", (char **) aliases) : NULL;

  hs_editor_set_text (editor, self->id_entry, hs_speaker_get_id (speaker));
  hs_editor_set_text (editor, self->name_entry, hs_speaker_get_name (speaker));
  hs_editor_set_text (editor, self->native_name_entry, hs_speaker_get_native_name (speaker));
  hs_editor_set_text (editor, self->aliases_entry, joined);
  hs_editor_set_text (editor, self->bio_view, hs_speaker_get_bio (speaker));
  for (guint i = 0; i < affiliations->len; i++)
    add_position (self, g_ptr_array_index (affiliations, i));
}

static void
hs_speaker_editor_dispose (GObject *object)
{
  HsSpeakerEditor *self = (HsSpeakerEditor *) object;

  /* Once, though dispose may run twice: it nulls the pointers. */
  if (self->name_entry != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->name_entry, self);
      gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_SPEAKER_EDITOR);
    }
  g_clear_object (&self->original);
  g_clear_pointer (&self->positions, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_speaker_editor_parent_class)->dispose (object);
}

static void
hs_speaker_editor_class_init (HsSpeakerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HsEditorClass *editor_class = HS_EDITOR_CLASS (klass);

  object_class->dispose = hs_speaker_editor_dispose;
  editor_class->check = hs_speaker_editor_check;
  editor_class->save = hs_speaker_editor_save;

  g_type_ensure (HS_TYPE_FORM_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-speaker-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerEditor, id_field);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerEditor, native_name_entry);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerEditor, id_entry);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerEditor, aliases_entry);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerEditor, bio_view);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerEditor, affiliations_heading);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerEditor, no_affiliations_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerEditor, affiliations_box);
  gtk_widget_class_bind_template_child (widget_class, HsSpeakerEditor, add_button);

  gtk_widget_class_install_action (widget_class, "speaker-editor.add-affiliation", NULL,
                                   add_affiliation_action);
  gtk_widget_class_install_action (widget_class, "speaker-editor.remove-affiliation", "u",
                                   remove_affiliation_action);
}

static void
hs_speaker_editor_init (HsSpeakerEditor *self)
{
  self->positions = g_ptr_array_new_with_free_func ((GDestroyNotify) position_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8 would name it twice, as written and as shown. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->affiliations_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->affiliations_heading, NULL, -1);
  g_signal_connect (self->name_entry, "changed", G_CALLBACK (name_changed_cb), self);
}

/**
 * hs_speaker_editor_new:
 * @speaker: (nullable): the speaker to edit, or %NULL for a new one
 */
GtkWidget *
hs_speaker_editor_new (HsStore   *store,
                       HsSpeaker *speaker)
{
  HsSpeakerEditor *self = g_object_new (HS_TYPE_SPEAKER_EDITOR,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                        "store", store,
                                        "is-new", speaker == NULL,
                                        NULL);

  if (speaker != NULL)
    {
      self->original = g_object_ref (speaker);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Speaker"));
      fill (self, speaker);
      /* Claims name the speaker by id: a stored speaker keeps theirs. */
      gtk_editable_set_editable (GTK_EDITABLE (self->id_entry), FALSE);
      hs_form_field_set_hint (self->id_field, _("A stored speaker keeps their id"));
    }
  else
    hs_form_field_set_hint (self->id_field, _("Made from the name; letters, digits and . _ : -"));
  hs_editor_changed (HS_EDITOR (self));
  return GTK_WIDGET (self);
}
