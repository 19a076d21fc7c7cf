/* hs-editor.c: a dialog that adds or edits one record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editors of speakers, sources and claims share this: a modal window
 * with Cancel and Save, a form of HsFormFields, and validation as a person
 * types. Each subclass says what is wrong (check) and how to store the
 * record (save); this class shows each problem under the field it names,
 * keeps Save insensitive while anything is wrong, and shows what the
 * store refused.
 *
 * A new record does not greet its reader with "this is required" under
 * every empty field: a problem is shown once its field has been edited.
 * Save stays insensitive all the same. An existing record shows every
 * problem at once.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-editor.h"

typedef struct
{
  HsStore    *store;
  gboolean    is_new;
  gboolean    filling;
  gboolean    valid;
  gboolean    disposing;
  GPtrArray  *fields;          /* HsFormField, in the order they were added */
  GHashTable *touched;         /* HsFormField set: edited by the person */
  GHashTable *refused;         /* field name → what the store said, until it is edited */
  char       *banner;          /* what the store said that names no field */

  /* The dialog's own widgets */
  GtkWidget  *save_button;
  GtkWidget  *cancel_button;
  GtkBox     *form_box;
  GtkLabel   *banner_label;
  GtkScrolledWindow *scrolled;
  GtkWidget  *form;
} HsEditorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (HsEditor, hs_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_IS_NEW,
  PROP_FORM,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void validate (HsEditor *self);

static HsFormField *
find_field (HsEditor   *self,
            const char *name)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);

  for (guint i = 0; i < priv->fields->len; i++)
    {
      HsFormField *field = g_ptr_array_index (priv->fields, i);

      if (g_strcmp0 (hs_form_field_get_field (field), name) == 0)
        return field;
    }
  return NULL;
}

static void
input_changed (HsEditor *self,
               GObject  *object)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);
  HsFormField *field = g_object_get_data (object, "hs-editor-field");

  if (priv->filling || priv->disposing)
    return;
  if (field != NULL)
    {
      g_hash_table_add (priv->touched, field);
      g_hash_table_remove (priv->refused, hs_form_field_get_field (field));
    }
  g_clear_pointer (&priv->banner, g_free);
  validate (self);
}

static void
changed_cb (GObject  *object,
            HsEditor *self)
{
  input_changed (self, object);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           HsEditor   *self)
{
  input_changed (self, object);
}

static void
set_banner (HsEditor   *self,
            const char *text)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);

  gtk_label_set_text (priv->banner_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->banner_label), text != NULL);
}

/* Asks the subclass what is wrong and shows it: under each field that has
 * been edited (or all, for a stored record), and what names no field in
 * the banner at the top. */
static void
validate (HsEditor *self)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);
  g_autoptr(GHashTable) problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) other = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  if (priv->disposing)
    return;
  if (HS_EDITOR_GET_CLASS (self)->check != NULL)
    HS_EDITOR_GET_CLASS (self)->check (self, problems);

  /* What the store refused stands until its field is edited. */
  g_hash_table_iter_init (&iter, priv->refused);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (problems, key))
      g_hash_table_insert (problems, g_strdup (key), g_strdup (value));

  for (guint i = 0; i < priv->fields->len; i++)
    {
      HsFormField *field = g_ptr_array_index (priv->fields, i);
      const char *message = g_hash_table_lookup (problems, hs_form_field_get_field (field));
      gboolean shown = !priv->is_new || g_hash_table_contains (priv->touched, field) ||
                       g_hash_table_contains (priv->refused, hs_form_field_get_field (field));

      hs_form_field_set_error (field, shown ? message : NULL);
    }

  g_hash_table_iter_init (&iter, problems);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (find_field (self, key) == NULL)
      {
        if (other->len > 0)
          g_string_append_c (other, '\n');
        g_string_append (other, value);
      }

  if (priv->banner != NULL)
    set_banner (self, priv->banner);
  else if (other->len > 0 && (!priv->is_new || g_hash_table_size (priv->touched) > 0))
    set_banner (self, other->str);
  else
    set_banner (self, NULL);

  priv->valid = g_hash_table_size (problems) == 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", priv->valid);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HsEditor *self = HS_EDITOR (widget);
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  HsFormField *field = NULL;
  const char *colon;

  validate (self);
  if (!priv->valid || HS_EDITOR_GET_CLASS (self)->save == NULL)
    return;

  if ((id = HS_EDITOR_GET_CLASS (self)->save (self, &error)) != NULL)
    {
      /* The window shows the record and says so; the dialog is done. */
      g_object_ref (self);
      g_signal_emit (self, signals[SAVED], 0, id);
      gtk_window_destroy (GTK_WINDOW (self));
      g_object_unref (self);
      return;
    }

  /* "speaker: there is no speaker “x”" goes under the speaker; anything
   * else (a full disk, a busy database) at the top. */
  if ((colon = strstr (error->message, ": ")) != NULL)
    {
      g_autofree char *name = g_strndup (error->message, colon - error->message);

      if ((field = find_field (self, name)) != NULL)
        {
          g_autoptr(GHashTable) one = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

          hs_editor_add_problem (one, name, error->message);
          g_hash_table_insert (priv->refused, g_strdup (name), g_strdup (g_hash_table_lookup (one, name)));
        }
    }
  if (field == NULL)
    {
      g_free (priv->banner);
      priv->banner = g_strdup_printf (_("Could not save: %s"), error->message);
    }
  validate (self);

  if (field != NULL && hs_form_field_get_input (field) != NULL)
    gtk_widget_grab_focus (hs_form_field_get_input (field));
  else
    {
      gtk_widget_grab_focus (GTK_WIDGET (priv->banner_label));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (priv->scrolled), 0);
    }
}

/* Keeps the focused field in sight: GTK 4.8 does not scroll a viewport to
 * its focus, and a dropdown opened out of sight has nowhere to pop up. */
static void
focus_widget_cb (GtkWindow  *window,
                 GParamSpec *pspec,
                 HsEditor   *self)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double top, page;

  if (priv->disposing || focus == NULL || priv->scrolled == NULL)
    return;
  content = gtk_scrolled_window_get_child (priv->scrolled);
  if (content == NULL || !gtk_widget_is_ancestor (focus, content) ||
      !gtk_widget_compute_bounds (focus, content, &bounds))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (priv->scrolled);
  top = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  /* A little room around it, for its title above and its message below. */
  if (bounds.origin.y - 36 < top)
    gtk_adjustment_set_value (adjustment, MAX (0, bounds.origin.y - 36));
  else if (bounds.origin.y + bounds.size.height + 48 > top + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height + 48 - page);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* The header bar with Cancel and Save, the banner for what the store
 * refused, and room for the form. Built here rather than from a template:
 * GTK 4.8 cannot tear down the templates of a widget whose class and
 * parent class both have one (gtk_widget_dispose_template() fails), and
 * each editor's form is a template of its own. */
static void
build_chrome (HsEditor *self)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *clamp = adw_clamp_new ();

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);

  priv->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->cancel_button), "editor.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), priv->cancel_button);

  priv->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->save_button), "editor.save");
  gtk_widget_add_css_class (priv->save_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), priv->save_button);

  /* GTK 4.8 names a button with a mnemonic twice, as written and as shown
   * ("_Save Save"): its label names it once. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (priv->save_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (priv->cancel_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_box_append (GTK_BOX (box), header);

  priv->form_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_margin_start (GTK_WIDGET (priv->form_box), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (priv->form_box), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (priv->form_box), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (priv->form_box), 24);

  priv->banner_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (priv->banner_label, 0);
  gtk_label_set_wrap (priv->banner_label, TRUE);
  gtk_label_set_wrap_mode (priv->banner_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (priv->banner_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (priv->banner_label), "card");
  gtk_widget_add_css_class (GTK_WIDGET (priv->banner_label), "editor-problem");
  gtk_widget_set_visible (GTK_WIDGET (priv->banner_label), FALSE);
  gtk_box_append (priv->form_box, GTK_WIDGET (priv->banner_label));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 420);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (priv->form_box));

  priv->scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (priv->scrolled, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (GTK_WIDGET (priv->scrolled), TRUE);
  gtk_scrolled_window_set_child (priv->scrolled, clamp);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (priv->scrolled));

  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), priv->save_button);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 320);
}

static void
hs_editor_constructed (GObject *object)
{
  HsEditor *self = HS_EDITOR (object);
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);
  GtkWidget *widget;

  G_OBJECT_CLASS (hs_editor_parent_class)->constructed (object);

  /* Every field in the form the subclass's template built. */
  widget = priv->form;
  while (widget != NULL)
    {
      GtkWidget *next;

      if (HS_IS_FORM_FIELD (widget))
        hs_editor_add_field (self, HS_FORM_FIELD (widget));

      /* Depth first, not into a field. */
      next = HS_IS_FORM_FIELD (widget) ? NULL : gtk_widget_get_first_child (widget);
      while (next == NULL && widget != NULL && widget != priv->form)
        {
          next = gtk_widget_get_next_sibling (widget);
          if (next == NULL)
            widget = gtk_widget_get_parent (widget);
        }
      widget = next;
    }

  validate (self);
}

static void
hs_editor_dispose (GObject *object)
{
  HsEditor *self = (HsEditor *) object;
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);

  priv->disposing = TRUE;
  if (priv->fields != NULL)
    g_ptr_array_set_size (priv->fields, 0);
  if (priv->touched != NULL)
    g_hash_table_remove_all (priv->touched);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (hs_editor_parent_class)->dispose (object);
}

static void
hs_editor_finalize (GObject *object)
{
  HsEditor *self = (HsEditor *) object;
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);

  g_clear_pointer (&priv->fields, g_ptr_array_unref);
  g_clear_pointer (&priv->touched, g_hash_table_unref);
  g_clear_pointer (&priv->refused, g_hash_table_unref);
  g_clear_pointer (&priv->banner, g_free);

  G_OBJECT_CLASS (hs_editor_parent_class)->finalize (object);
}

static void
hs_editor_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HsEditor *self = HS_EDITOR (object);
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_IS_NEW:
      g_value_set_boolean (value, priv->is_new);
      break;
    case PROP_FORM:
      g_value_set_object (value, priv->form);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_editor_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HsEditor *self = HS_EDITOR (object);
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      hs_editor_set_store (self, g_value_get_object (value));
      break;
    case PROP_IS_NEW:
      hs_editor_set_is_new (self, g_value_get_boolean (value));
      break;
    case PROP_FORM:
      /* Set once, by the subclass's template. */
      g_return_if_fail (priv->form == NULL);
      priv->form = g_value_get_object (value);
      if (priv->form != NULL)
        gtk_box_append (priv->form_box, priv->form);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_editor_class_init (HsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hs_editor_constructed;
  object_class->dispose = hs_editor_dispose;
  object_class->finalize = hs_editor_finalize;
  object_class->get_property = hs_editor_get_property;
  object_class->set_property = hs_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HS_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* TRUE for a record not stored yet: its id may still change. */
  properties[PROP_IS_NEW] =
    g_param_spec_boolean ("is-new", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The form: the subclass's fields, under the banner. */
  properties[PROP_FORM] =
    g_param_spec_object ("form", NULL, NULL, GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The record was stored under this id. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
}

static void
hs_editor_init (HsEditor *self)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);

  priv->is_new = TRUE;
  priv->fields = g_ptr_array_new ();
  priv->touched = g_hash_table_new (NULL, NULL);
  priv->refused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  build_chrome (self);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_cb), self);
}

HsStore *
hs_editor_get_store (HsEditor *self)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);

  g_return_val_if_fail (HS_IS_EDITOR (self), NULL);
  return priv->store;
}

void
hs_editor_set_store (HsEditor *self,
                     HsStore  *store)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);

  g_return_if_fail (HS_IS_EDITOR (self));

  if (g_set_object (&priv->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
hs_editor_is_new (HsEditor *self)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);

  g_return_val_if_fail (HS_IS_EDITOR (self), FALSE);
  return priv->is_new;
}

void
hs_editor_set_is_new (HsEditor *self,
                      gboolean  is_new)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);

  g_return_if_fail (HS_IS_EDITOR (self));

  is_new = !!is_new;
  if (priv->is_new == is_new)
    return;
  priv->is_new = is_new;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_NEW]);
}

/**
 * hs_editor_add_field:
 *
 * Shows problems named like @field under it, and validates again as its
 * input changes. Fields in the form are added by themselves; this is for
 * fields added later (a new affiliation).
 */
void
hs_editor_add_field (HsEditor    *self,
                     HsFormField *field)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);
  GtkWidget *input;

  g_return_if_fail (HS_IS_EDITOR (self));
  g_return_if_fail (HS_IS_FORM_FIELD (field));

  if (g_ptr_array_find (priv->fields, field, NULL))
    return;
  g_ptr_array_add (priv->fields, field);
  if ((input = hs_form_field_get_input (field)) != NULL)
    {
      hs_editor_watch (self, input, field);
      /* Enter saves, as in any dialog. */
      if (GTK_IS_ENTRY (input))
        gtk_entry_set_activates_default (GTK_ENTRY (input), TRUE);
    }
}

void
hs_editor_remove_field (HsEditor    *self,
                        HsFormField *field)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);

  g_return_if_fail (HS_IS_EDITOR (self));

  g_ptr_array_remove (priv->fields, field);
  g_hash_table_remove (priv->touched, field);
}

/**
 * hs_editor_watch:
 * @object: an editable, a text view, a dropdown, a switch, a toggle or
 *   check button
 * @field: (nullable): the field that counts as edited when it changes
 *
 * Validates the form again whenever @object changes.
 */
void
hs_editor_watch (HsEditor    *self,
                 gpointer     object,
                 HsFormField *field)
{
  g_return_if_fail (HS_IS_EDITOR (self));

  if (GTK_IS_TEXT_VIEW (object))
    object = gtk_text_view_get_buffer (object);
  g_object_set_data (object, "hs-editor-field", field);

  if (GTK_IS_EDITABLE (object) || GTK_IS_TEXT_BUFFER (object))
    g_signal_connect_object (object, "changed", G_CALLBACK (changed_cb), self, 0);
  else if (GTK_IS_DROP_DOWN (object))
    g_signal_connect_object (object, "notify::selected", G_CALLBACK (notify_cb), self, 0);
  else if (GTK_IS_SWITCH (object))
    g_signal_connect_object (object, "notify::active", G_CALLBACK (notify_cb), self, 0);
  else if (GTK_IS_TOGGLE_BUTTON (object) || GTK_IS_CHECK_BUTTON (object))
    g_signal_connect_object (object, "toggled", G_CALLBACK (changed_cb), self, 0);
  else
    g_critical ("%s: cannot watch a %s", G_STRFUNC, G_OBJECT_TYPE_NAME (object));
}

gboolean
hs_editor_is_touched (HsEditor    *self,
                      HsFormField *field)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);

  g_return_val_if_fail (HS_IS_EDITOR (self), FALSE);
  return g_hash_table_contains (priv->touched, field);
}

/* Puts @text in @input as the program, not the person: the field does not
 * count as edited. */
void
hs_editor_set_text (HsEditor   *self,
                    GtkWidget  *input,
                    const char *text)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);
  gboolean filling = priv->filling;

  g_return_if_fail (HS_IS_EDITOR (self));

  priv->filling = TRUE;
  if (GTK_IS_TEXT_VIEW (input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), text ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (input), text ? text : "");
  priv->filling = filling;
}

/**
 * hs_editor_get_text:
 *
 * Returns: (transfer full) (nullable): what @input holds without the
 *   spaces around it, or %NULL when that is nothing
 */
char *
hs_editor_get_text (GtkWidget *input)
{
  g_autofree char *text = NULL;

  if (GTK_IS_TEXT_VIEW (input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  else
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (input)));

  g_strstrip (text);
  if (*text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

/* Validates again: something the form depends on changed. */
void
hs_editor_changed (HsEditor *self)
{
  g_return_if_fail (HS_IS_EDITOR (self));
  validate (self);
}

/**
 * hs_editor_add_problem:
 * @message: what is wrong; a leading "@field: ", as hs_validate_*()
 *   writes it, is left out, since the message is shown under the field
 *
 * Keeps the first problem of each field.
 */
void
hs_editor_add_problem (GHashTable *problems,
                       const char *field,
                       const char *message)
{
  gsize len = strlen (field);
  GString *text;

  if (g_hash_table_contains (problems, field))
    return;
  if (strncmp (message, field, len) == 0 && strncmp (message + len, ": ", 2) == 0)
    message += len + 2;

  /* The core writes messages to follow a field name: "this is required".
   * Alone under a field, they begin a sentence. */
  text = g_string_new (NULL);
  if (*message != '\0')
    {
      gunichar first = g_utf8_get_char (message);

      g_string_append_unichar (text, g_unichar_totitle (first));
      g_string_append (text, g_utf8_next_char (message));
    }
  g_hash_table_insert (problems, g_strdup (field), g_string_free (text, FALSE));
}

/**
 * hs_editor_collect_problems:
 * @values: the form's values, from which @build makes a record
 * @prefix: (nullable): put before the last part of each field name
 *   ("affiliations.2." makes "affiliations.organization" into
 *   "affiliations.2.organization"), or %NULL
 *
 * The validators of the core say what is wrong one problem at a time,
 * the first they find. A form shows every problem at once, each under its
 * field: after each problem, @repair puts a valid value in that field of
 * @values and the record is built and validated again.
 */
void
hs_editor_collect_problems (gpointer              values,
                            HsEditorBuildFunc     build,
                            HsEditorValidateFunc  validate_func,
                            HsEditorRepairFunc    repair,
                            const char           *prefix,
                            GHashTable           *problems)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint round = 0; round < 64; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      const char *field = NULL;
      const char *message;
      GObject *record = build (values);
      gboolean valid = validate_func (record, &field, &error);

      g_object_unref (record);
      if (valid || field == NULL)
        return;

      if (prefix != NULL)
        {
          const char *last = strrchr (field, '.');

          name = g_strconcat (prefix, last ? last + 1 : field, NULL);
        }
      else
        name = g_strdup (field);
      message = error->message;
      if (g_str_has_prefix (message, field) && g_str_has_prefix (message + strlen (field), ": "))
        message += strlen (field) + 2;
      hs_editor_add_problem (problems, name, message);
      if (!g_hash_table_add (seen, g_strdup (field)) || !repair (values, field))
        return;
    }
}

/**
 * hs_editor_parse_date:
 *
 * Reads a date typed in @text (empty is no date) into @date, or says under
 * @field what is wrong with it.
 *
 * Returns: %FALSE when @text is not a date
 */
gboolean
hs_editor_parse_date (const char *text,
                      HsDate     *date,
                      const char *field,
                      GHashTable *problems)
{
  g_autoptr(GError) error = NULL;

  memset (date, 0, sizeof *date);
  if (text == NULL || *text == '\0')
    return TRUE;
  if (hs_date_parse (text, date, &error))
    return TRUE;
  memset (date, 0, sizeof *date);
  hs_editor_add_problem (problems, field, error->message);
  return FALSE;
}

/* "Tang Jie" → "tang-jie": letters and digits in ASCII, words joined by
 * dashes, as the ids of the bundled dataset. Empty when nothing of @text
 * has an ASCII form (a name in Chinese only). */
char *
hs_editor_slug (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *slug = g_string_new (NULL);

  if (text == NULL)
    return g_string_free (slug, FALSE);

  ascii = g_str_to_ascii (text, "C");
  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
      if (slug->len >= 60)
        break;
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  return g_string_free (slug, FALSE);
}

/* @base, or @base-2, @base-3…: the first that no record has. */
char *
hs_editor_unique_id (HsStore    *store,
                     const char *base,
                     const char *fallback)
{
  if (base == NULL || *base == '\0' || !hs_id_is_valid (base))
    base = fallback;

  for (guint n = 1; n < 100000; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);

      if (hs_store_find_id (store, id, NULL) == HS_OBJECT_NONE)
        return g_steal_pointer (&id);
    }
  return g_strdup (base);
}

static const char *
kind_name (HsObjectKind kind)
{
  switch (kind)
    {
    case HS_OBJECT_SPEAKER:
      return _("a speaker");
    case HS_OBJECT_SOURCE:
      return _("a source");
    case HS_OBJECT_TOPIC:
      return _("a topic");
    case HS_OBJECT_CLAIM:
      return _("a claim");
    case HS_OBJECT_RESOLUTION:
      return _("a resolution");
    case HS_OBJECT_NONE:
    default:
      return _("another record");
    }
}

/* A new record's id must not be one the scorecard already has, or saving
 * would replace that record. */
void
hs_editor_check_new_id (HsEditor   *self,
                        const char *id,
                        GHashTable *problems)
{
  HsEditorPrivate *priv = hs_editor_get_instance_private (self);
  HsObjectKind kind;

  g_return_if_fail (HS_IS_EDITOR (self));

  if (!priv->is_new || priv->store == NULL || id == NULL || !hs_id_is_valid (id))
    return;
  kind = hs_store_find_id (priv->store, id, NULL);
  if (kind != HS_OBJECT_NONE)
    {
      /* Translators: "The id “tang-jie” is already taken by a speaker" */
      g_autofree char *message = g_strdup_printf (_("The id “%s” is already taken by %s"), id,
                                                  kind_name (kind));

      hs_editor_add_problem (problems, "id", message);
    }
}
