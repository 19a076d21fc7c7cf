/* hs-preferences-window.c: scoring, notification and chart export settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row is bound to its GSettings key (g_settings_bind), so the window
 * shows the settings as they are, however they were changed (the export
 * dialog remembers its last choices in the same keys), and a change here
 * applies at once: the Scorecard page follows words-scale live.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>

#include "hindsight-core.h"
#include "hs-preferences-window.h"

struct _HsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template children */
  AdwComboRow          *words_row;
  GtkStringList        *words_model;
  AdwPreferencesGroup  *scale_group;
  GtkSwitch            *notify_switch;
  AdwComboRow          *format_row;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  AdwComboRow          *scale_row;
  AdwComboRow          *theme_row;
};

G_DEFINE_FINAL_TYPE (HsPreferencesWindow, hs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The values of the string keys, in the order of their combo rows. */
static const char *const format_choices[] = { "png", "svg", "pdf", NULL };
static const char *const theme_choices[] = { "light", "dark", "high-contrast", NULL };
static const char *const *words_choices;

static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *const *choices = user_data;
  const char *text = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], text))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char *const *choices = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) choices))
    return NULL;
  return g_variant_new_string (choices[index]);
}

/* export-scale is 1 or 2; its row lists 1× then 2×. */
static gboolean
scale_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_uint (value, g_variant_get_int32 (variant) >= 2 ? 1 : 0);
  return TRUE;
}

static GVariant *
scale_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  if (index > 1)
    return NULL;
  return g_variant_new_int32 ((gint32) index + 1);
}

static void
bind_choice (HsPreferencesWindow *self,
             const char          *key,
             AdwComboRow         *row,
             const char *const   *choices)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping, (gpointer) choices, NULL);
}

/* The scale, read-only, so that a person knows what choosing it does:
 * each step's probability, the phrases it stands for, and what a phrase
 * means after "not". The phrases are the matcher's own table. */
static void
fill_scale_table (HsPreferencesWindow *self)
{
  const HsWordsStep *steps;
  guint n_steps;
  g_autofree char *description = NULL;

  steps = hs_words_scale_get_steps (HS_WORDS_SCALE_ESTIMATIVE, &n_steps);
  description = g_strdup_printf (_("With “%s”, a prediction given in words takes the probability of "
                                   "the longest phrase of this table found in them. A phrase after "
                                   "“not” or 不 takes the probability given for it."),
                                 _(hs_words_scale_get_title (HS_WORDS_SCALE_ESTIMATIVE)));
  adw_preferences_group_set_description (self->scale_group, description);

  for (guint i = 0; i < n_steps; i++)
    {
      const HsWordsStep *step = &steps[i];
      g_autofree char *phrases = g_strjoinv (", ", (char **) step->phrases);
      /* Translators: a step of the words scale, "Likely: 70%" */
      g_autofree char *title = g_strdup_printf (_("%s: %.0f%%"), _(step->name), step->probability * 100);
      /* Translators: under a step of the words scale: its phrases, then the
       * probability they imply after a negation, "…\nAfter “not”: 20%" */
      g_autofree char *subtitle = g_strdup_printf (_("%s\nAfter “not”: %.0f%%"), phrases,
                                                   step->negated * 100);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (self->scale_group, row);
    }
}

static void
hs_preferences_window_dispose (GObject *object)
{
  HsPreferencesWindow *self = (HsPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hs_preferences_window_parent_class)->dispose (object);
}

static void
hs_preferences_window_class_init (HsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *names[HS_N_WORDS_SCALES + 1];

  object_class->dispose = hs_preferences_window_dispose;

  for (guint i = 0; i < HS_N_WORDS_SCALES; i++)
    names[i] = hs_words_scale_to_string (i);
  words_choices = names;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, words_row);
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, words_model);
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, scale_group);
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, notify_switch);
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, width_spin);
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, height_spin);
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, scale_row);
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, theme_row);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hs_preferences_window_init (HsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < HS_N_WORDS_SCALES; i++)
    gtk_string_list_append (self->words_model, _(hs_words_scale_get_title (i)));
  fill_scale_table (self);

  self->settings = g_settings_new (APP_ID);
  bind_choice (self, "words-scale", self->words_row, words_choices);
  g_settings_bind (self->settings, "notify-due", self->notify_switch, "active", G_SETTINGS_BIND_DEFAULT);
  bind_choice (self, "export-format", self->format_row, format_choices);
  g_settings_bind (self->settings, "export-width", self->width_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-height", self->height_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "export-scale", self->scale_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, scale_get_mapping, scale_set_mapping, NULL, NULL);
  bind_choice (self, "export-theme", self->theme_row, theme_choices);
}

GtkWidget *
hs_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (HS_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
