/* hs-form-field.c: one field of a form, with its label and what is wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A field is a title above its input, what is wrong with it (when
 * something is) and a hint below. The title is the input's mnemonic label,
 * so it names the input for screen readers too; the error and the hint
 * describe it, and an error also marks it invalid, so a screen reader
 * says what is wrong when the input is reached.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include "hs-form-field.h"
#include "hs-format.h"

struct _HsFormField
{
  GtkWidget  parent_instance;

  char      *field;
  char      *error;
  char      *hint;
  GtkWidget *child;

  /* Template children */
  GtkLabel  *title_label;
  GtkLabel  *error_label;
  GtkLabel  *hint_label;
};

G_DEFINE_FINAL_TYPE (HsFormField, hs_form_field, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_FIELD,
  PROP_HINT,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_input (GtkWidget *widget)
{
  return GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SWITCH (widget);
}

/* The widget a person types in or chooses with: the child itself, or the
 * first input inside it (a text view in its scrolled window, an entry
 * beside its unit). */
static GtkWidget *
find_input (GtkWidget *widget)
{
  if (widget == NULL)
    return NULL;
  if (is_input (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_input (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The accessible that the title names and the messages describe: the
 * input, or for a group of choices (toggle buttons) the group itself. */
static GtkAccessible *
described (HsFormField *self)
{
  GtkWidget *input = find_input (self->child);

  return GTK_ACCESSIBLE (input ? input : self->child);
}

/* The error first, then the hint: a screen reader says what is wrong
 * before what helps. */
static void
update_description (HsFormField *self)
{
  GtkWidget *first = NULL, *second = NULL;

  if (self->child == NULL)
    return;

  if (self->error != NULL)
    first = GTK_WIDGET (self->error_label);
  if (self->hint != NULL)
    *(first ? &second : &first) = GTK_WIDGET (self->hint_label);
  /* The list ends at the first NULL; what follows is the next relation. */
  if (second != NULL)
    gtk_accessible_update_relation (described (self), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    first, second, NULL, -1);
  else if (first != NULL)
    gtk_accessible_update_relation (described (self), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    first, NULL, -1);
  else
    gtk_accessible_reset_relation (described (self), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);

  /* GTK 4.8 does not make a description of the relation: the text is
   * given as well. */
  if (first != NULL)
    {
      g_autofree char *text = g_strjoin ("\n", gtk_label_get_text (GTK_LABEL (first)),
                                         second ? gtk_label_get_text (GTK_LABEL (second)) : NULL, NULL);

      gtk_accessible_update_property (described (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  else
    gtk_accessible_reset_property (described (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
hs_form_field_dispose (GObject *object)
{
  HsFormField *self = (HsFormField *) object;

  /* Once, though dispose may run twice. */
  if (self->title_label != NULL)
    gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_FORM_FIELD);
  /* dispose_template() unparents the children it named; the input too. */
  hs_widget_unparent_children (GTK_WIDGET (self));
  self->child = NULL;

  G_OBJECT_CLASS (hs_form_field_parent_class)->dispose (object);
}

static void
hs_form_field_finalize (GObject *object)
{
  HsFormField *self = (HsFormField *) object;

  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->hint, g_free);

  G_OBJECT_CLASS (hs_form_field_parent_class)->finalize (object);
}

static void
hs_form_field_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HsFormField *self = HS_FORM_FIELD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_form_field_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HsFormField *self = HS_FORM_FIELD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      if (g_strcmp0 (gtk_label_get_label (self->title_label), g_value_get_string (value)) != 0)
        {
          gtk_label_set_label (self->title_label, g_value_get_string (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_FIELD:
      hs_form_field_set_field (self, g_value_get_string (value));
      break;
    case PROP_HINT:
      hs_form_field_set_hint (self, g_value_get_string (value));
      break;
    case PROP_CHILD:
      hs_form_field_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_form_field_class_init (HsFormFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_form_field_dispose;
  object_class->finalize = hs_form_field_finalize;
  object_class->get_property = hs_form_field_get_property;
  object_class->set_property = hs_form_field_set_property;

  /* The title, with a mnemonic: "_Name". */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The field as the exchange format names it ("native_name",
   * "prediction.horizon"), which is how validation says where a problem is. */
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-form-field.ui");
  gtk_widget_class_bind_template_child (widget_class, HsFormField, title_label);
  gtk_widget_class_bind_template_child (widget_class, HsFormField, error_label);
  gtk_widget_class_bind_template_child (widget_class, HsFormField, hint_label);
}

static void
hs_form_field_init (HsFormField *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hs_form_field_new (const char *title,
                   const char *field,
                   GtkWidget  *child)
{
  return g_object_new (HS_TYPE_FORM_FIELD, "title", title, "field", field, "child", child, NULL);
}

const char *
hs_form_field_get_field (HsFormField *self)
{
  g_return_val_if_fail (HS_IS_FORM_FIELD (self), NULL);
  return self->field;
}

void
hs_form_field_set_field (HsFormField *self,
                         const char  *field)
{
  g_return_if_fail (HS_IS_FORM_FIELD (self));

  if (g_strcmp0 (self->field, field) == 0)
    return;
  g_free (self->field);
  self->field = g_strdup (field);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

GtkWidget *
hs_form_field_get_child (HsFormField *self)
{
  g_return_val_if_fail (HS_IS_FORM_FIELD (self), NULL);
  return self->child;
}

/**
 * hs_form_field_get_input:
 *
 * Returns: (transfer none) (nullable): the entry, text view, dropdown or
 *   switch in the field, or %NULL for a group of choices
 */
GtkWidget *
hs_form_field_get_input (HsFormField *self)
{
  g_return_val_if_fail (HS_IS_FORM_FIELD (self), NULL);
  return find_input (self->child);
}

void
hs_form_field_set_child (HsFormField *self,
                         GtkWidget   *child)
{
  GtkWidget *input;

  g_return_if_fail (HS_IS_FORM_FIELD (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  if (self->child != NULL)
    gtk_widget_unparent (self->child);
  self->child = child;
  if (child != NULL)
    {
      gtk_widget_insert_after (child, GTK_WIDGET (self), GTK_WIDGET (self->title_label));

      /* An input is named by its title (labelled-by, through the mnemonic);
       * a group of choices is named by it without taking its mnemonic,
       * which would rename the first choice. */
      if ((input = find_input (child)) != NULL)
        gtk_label_set_mnemonic_widget (self->title_label, input);
      else
        gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        self->title_label, NULL, -1);
      update_description (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

const char *
hs_form_field_get_error (HsFormField *self)
{
  g_return_val_if_fail (HS_IS_FORM_FIELD (self), NULL);
  return self->error;
}

/**
 * hs_form_field_set_error:
 * @message: (nullable): what is wrong, as text, or %NULL when nothing is
 */
void
hs_form_field_set_error (HsFormField *self,
                         const char  *message)
{
  GtkWidget *input;

  g_return_if_fail (HS_IS_FORM_FIELD (self));

  if (message != NULL && *message == '\0')
    message = NULL;
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  if (self->child == NULL)
    return;
  input = find_input (self->child);
  /* Entries draw an error outline; other inputs have the message alone. */
  if (GTK_IS_ENTRY (input) || GTK_IS_SPIN_BUTTON (input))
    {
      if (message != NULL)
        gtk_widget_add_css_class (input, "error");
      else
        gtk_widget_remove_css_class (input, "error");
    }
  gtk_accessible_update_state (described (self), GTK_ACCESSIBLE_STATE_INVALID,
                               message ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  update_description (self);
}

const char *
hs_form_field_get_hint (HsFormField *self)
{
  g_return_val_if_fail (HS_IS_FORM_FIELD (self), NULL);
  return self->hint;
}

/**
 * hs_form_field_set_hint:
 * @hint: (nullable): text that helps, as text: the forms a date takes, or
 *   a live result of what was typed
 */
void
hs_form_field_set_hint (HsFormField *self,
                        const char  *hint)
{
  g_return_if_fail (HS_IS_FORM_FIELD (self));

  if (hint != NULL && *hint == '\0')
    hint = NULL;
  if (g_strcmp0 (self->hint, hint) == 0)
    return;

  g_free (self->hint);
  self->hint = g_strdup (hint);
  gtk_label_set_text (self->hint_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINT]);
}
