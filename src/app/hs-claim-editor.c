/* hs-claim-editor.c: add or edit a claim or a prediction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A prediction's horizon is kept in the speaker's words; the dates it can
 * resolve between are derived from them and from the date it was stated,
 * and shown as the person types. Words Hindsight does not understand are
 * allowed with dates given by hand.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hs-claim-editor.h"
#include "hs-format.h"

typedef enum
{
  SURE_NOT_STATED,
  SURE_PROBABILITY,
  SURE_WORDS,
} Sure;

/* What the form says, for building a claim to validate or save. */
typedef struct
{
  char      *id;
  char      *speaker;
  char      *source;
  char      *text;
  char      *quote;
  char      *original_text;
  char      *original_language;
  char      *locator;
  HsDate     stated_on;
  GStrv      topics;
  GPtrArray *relations;       /* HsRelation, the original's: the form does not edit them */
  gboolean   is_prediction;
  char      *horizon;
  HsDate     earliest;        /* given by hand, or unset to derive */
  HsDate     latest;
  gboolean   has_probability;
  double     probability;
  char      *confidence;
} Values;

struct _HsClaimEditor
{
  HsEditor      parent_instance;

  HsClaim      *original;
  GPtrArray    *speaker_ids;  /* the id behind each speaker choice; NULL for "choose" */
  GPtrArray    *source_ids;   /* the id behind each source choice; NULL for none */
  GHashTable   *sources;      /* id → HsSource, for their dates */
  GPtrArray    *topic_buttons;
  gboolean      explicit_chosen;  /* the person asked to give the dates */
  gboolean      updating;

  /* Template children */
  GtkDropDown  *speaker_dropdown;
  GtkWidget    *text_view;
  GtkDropDown  *source_dropdown;
  HsFormField  *stated_field;
  GtkWidget    *stated_entry;
  GtkWidget    *locator_entry;
  GtkWidget    *quote_view;
  GtkWidget    *original_view;
  GtkWidget    *original_language_entry;
  GtkFlowBox   *topics_flow;
  HsFormField  *id_field;
  GtkWidget    *id_entry;
  GtkSwitch    *prediction_switch;
  GtkWidget    *history_label;
  GtkRevealer  *prediction_revealer;
  HsFormField  *horizon_field;
  GtkWidget    *horizon_entry;
  GtkCheckButton *explicit_check;
  GtkRevealer  *dates_revealer;
  GtkWidget    *earliest_entry;
  GtkWidget    *latest_entry;
  GtkCheckButton *sure_none;
  GtkCheckButton *sure_probability;
  GtkCheckButton *sure_words;
  GtkRevealer  *probability_revealer;
  GtkWidget    *probability_entry;
  GtkRevealer  *confidence_revealer;
  GtkWidget    *confidence_entry;
};

G_DEFINE_FINAL_TYPE (HsClaimEditor, hs_claim_editor, HS_TYPE_EDITOR)

static void
values_clear (Values *values)
{
  g_clear_pointer (&values->id, g_free);
  g_clear_pointer (&values->speaker, g_free);
  g_clear_pointer (&values->source, g_free);
  g_clear_pointer (&values->text, g_free);
  g_clear_pointer (&values->quote, g_free);
  g_clear_pointer (&values->original_text, g_free);
  g_clear_pointer (&values->original_language, g_free);
  g_clear_pointer (&values->locator, g_free);
  g_clear_pointer (&values->topics, g_strfreev);
  g_clear_pointer (&values->relations, g_ptr_array_unref);
  g_clear_pointer (&values->horizon, g_free);
  g_clear_pointer (&values->confidence, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Values, values_clear)

static const char *
chosen_id (GtkDropDown *dropdown,
           GPtrArray   *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return NULL;
  return g_ptr_array_index (ids, selected);
}

static void
choose_id (GtkDropDown *dropdown,
           GPtrArray   *ids,
           const char  *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
}

static Sure
get_sure (HsClaimEditor *self)
{
  if (gtk_check_button_get_active (self->sure_probability))
    return SURE_PROBABILITY;
  if (gtk_check_button_get_active (self->sure_words))
    return SURE_WORDS;
  return SURE_NOT_STATED;
}

/* "20", "20%", "12.5 %": a percentage from 0 to 100, as a probability. */
static gboolean
parse_percentage (const char *text,
                  double     *probability)
{
  g_autofree char *copy = g_strdup (text);
  char *end = NULL;
  double value;

  g_strstrip (copy);
  if (g_str_has_suffix (copy, "%"))
    copy[strlen (copy) - 1] = '\0';
  g_strstrip (copy);
  g_strdelimit (copy, ",", '.');
  if (*copy == '\0')
    return FALSE;
  value = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || !isfinite (value) || value < 0 || value > 100)
    return FALSE;
  *probability = value / 100.0;
  return TRUE;
}

/* Whether the words of the horizon are a form Hindsight knows: the dates
 * are derived, or must be given by hand. Sets @error to why not. Any
 * stated date tells that apart: a known form said on the wrong date ("in
 * 2020" said in 2026) is still known, and is a problem of its own. */
static gboolean
horizon_understood (const char *horizon,
                    GError    **error)
{
  HsDate stated = hs_date_new_day (2000, 1, 1);

  return hs_horizon_derive (horizon, &stated, NULL, NULL, error) ||
         !g_error_matches (*error, HS_HORIZON_ERROR, HS_HORIZON_ERROR_UNKNOWN);
}

static gboolean
explicit_dates (HsClaimEditor *self)
{
  return gtk_check_button_get_active (self->explicit_check);
}

/* Reads the form. Problems only the form can see (a date that is not
 * one, a percentage over 100) go in @problems when it is not %NULL. */
static void
read_values (HsClaimEditor *self,
             Values        *values,
             GHashTable    *problems)
{
  g_autoptr(GHashTable) ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GStrvBuilder) topics = g_strv_builder_new ();
  g_autofree char *stated = hs_editor_get_text (self->stated_entry);
  GPtrArray *relations;

  if (problems == NULL)
    problems = ignored;

  values->id = hs_editor_get_text (self->id_entry);
  values->speaker = g_strdup (chosen_id (self->speaker_dropdown, self->speaker_ids));
  values->source = g_strdup (chosen_id (self->source_dropdown, self->source_ids));
  values->text = hs_editor_get_text (self->text_view);
  values->quote = hs_editor_get_text (self->quote_view);
  values->original_text = hs_editor_get_text (self->original_view);
  values->original_language = hs_editor_get_text (self->original_language_entry);
  values->locator = hs_editor_get_text (self->locator_entry);
  hs_editor_parse_date (stated, &values->stated_on, "stated_on", problems);

  for (guint i = 0; i < self->topic_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->topic_buttons, i);

      if (gtk_check_button_get_active (button))
        g_strv_builder_add (topics, g_object_get_data (G_OBJECT (button), "topic-id"));
    }
  values->topics = g_strv_builder_end (topics);

  values->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_relation_free);
  relations = self->original ? hs_claim_get_relations (self->original) : NULL;
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    g_ptr_array_add (values->relations, hs_relation_copy (g_ptr_array_index (relations, i)));

  values->is_prediction = gtk_switch_get_active (self->prediction_switch);
  if (!values->is_prediction)
    return;

  values->horizon = hs_editor_get_text (self->horizon_entry);
  if (explicit_dates (self))
    {
      g_autofree char *earliest = hs_editor_get_text (self->earliest_entry);
      g_autofree char *latest = hs_editor_get_text (self->latest_entry);
      gboolean ok;

      ok = hs_editor_parse_date (earliest, &values->earliest, "prediction.earliest", problems);
      ok &= hs_editor_parse_date (latest, &values->latest, "prediction.latest", problems);
      if (ok && !hs_date_is_set (&values->earliest) && !hs_date_is_set (&values->latest))
        hs_editor_add_problem (problems, "prediction.latest",
                               _("Give the latest date it can resolve, or only the earliest for an "
                                 "open-ended prediction"));
    }
  else if (values->horizon != NULL && hs_date_is_set (&values->stated_on))
    {
      g_autoptr(GError) error = NULL;

      /* A known form that makes no sense here: "in 2020" said in 2026. */
      if (!hs_horizon_derive (values->horizon, &values->stated_on, NULL, NULL, &error))
        hs_editor_add_problem (problems, "prediction.horizon", error->message);
    }

  switch (get_sure (self))
    {
    case SURE_PROBABILITY:
      {
        g_autofree char *text = hs_editor_get_text (self->probability_entry);

        if (text == NULL)
          hs_editor_add_problem (problems, "prediction.probability",
                                 _("Give the probability the speaker stated, from 0 to 100 %"));
        else if (!parse_percentage (text, &values->probability))
          {
            /* Translators: "“150” is not a percentage from 0 to 100" */
            g_autofree char *message = g_strdup_printf (_("“%s” is not a percentage from 0 to 100"),
                                                        text);

            hs_editor_add_problem (problems, "prediction.probability", message);
          }
        else
          values->has_probability = TRUE;
      }
      break;
    case SURE_WORDS:
      values->confidence = hs_editor_get_text (self->confidence_entry);
      if (values->confidence == NULL)
        hs_editor_add_problem (problems, "prediction.confidence",
                               _("Give the words of confidence the speaker used"));
      break;
    case SURE_NOT_STATED:
    default:
      break;
    }
}

static gpointer
build_claim (gpointer data)
{
  Values *values = data;
  HsClaim *claim = hs_claim_new (values->id ? values->id : "", values->speaker, values->text);

  hs_claim_set_source_id (claim, values->source);
  hs_claim_set_quote (claim, values->quote);
  hs_claim_set_original_text (claim, values->original_text);
  hs_claim_set_original_language (claim, values->original_language);
  hs_claim_set_locator (claim, values->locator);
  hs_claim_set_stated_on (claim, &values->stated_on);
  hs_claim_set_topics (claim, (const char * const *) values->topics);
  for (guint i = 0; values->relations != NULL && i < values->relations->len; i++)
    hs_claim_add_relation (claim, hs_relation_copy (g_ptr_array_index (values->relations, i)));

  if (values->is_prediction)
    {
      g_autoptr(HsPrediction) prediction = hs_prediction_new (values->horizon);

      hs_prediction_set_earliest (prediction, &values->earliest);
      hs_prediction_set_latest (prediction, &values->latest);
      if (values->has_probability)
        hs_prediction_set_probability (prediction, values->probability);
      hs_prediction_set_confidence (prediction, values->confidence);
      hs_claim_set_prediction (claim, prediction);
    }
  return claim;
}

static gboolean
repair_claim (gpointer    data,
              const char *field)
{
  Values *values = data;
  static const struct { const char *field; gsize offset; gboolean required; } texts[] = {
    { "id", G_STRUCT_OFFSET (Values, id), TRUE },
    { "speaker", G_STRUCT_OFFSET (Values, speaker), TRUE },
    { "source", G_STRUCT_OFFSET (Values, source), FALSE },
    { "text", G_STRUCT_OFFSET (Values, text), TRUE },
    { "quote", G_STRUCT_OFFSET (Values, quote), FALSE },
    { "original_text", G_STRUCT_OFFSET (Values, original_text), FALSE },
    { "original_language", G_STRUCT_OFFSET (Values, original_language), FALSE },
    { "locator", G_STRUCT_OFFSET (Values, locator), FALSE },
    { "prediction.horizon", G_STRUCT_OFFSET (Values, horizon), TRUE },
    { "prediction.confidence", G_STRUCT_OFFSET (Values, confidence), FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_str_equal (field, texts[i].field))
      {
        char **text = G_STRUCT_MEMBER_P (values, texts[i].offset);

        g_free (*text);
        *text = texts[i].required ? g_strdup ("x") : NULL;
        return TRUE;
      }

  if (g_str_equal (field, "stated_on"))
    values->stated_on = hs_date_new_year (2000);
  else if (g_str_equal (field, "topics"))
    g_clear_pointer (&values->topics, g_strfreev);
  else if (g_str_equal (field, "relations.claim"))
    g_ptr_array_set_size (values->relations, 0);
  else if (g_str_equal (field, "prediction.probability"))
    values->has_probability = FALSE;
  else if (g_str_equal (field, "prediction.latest") || g_str_equal (field, "prediction.earliest"))
    memset (&values->latest, 0, sizeof values->latest);
  else
    return FALSE;
  return TRUE;
}

static void
hs_claim_editor_check (HsEditor   *editor,
                       GHashTable *problems)
{
  HsClaimEditor *self = HS_CLAIM_EDITOR (editor);
  g_auto(Values) values = { 0 };

  read_values (self, &values, problems);
  if (values.speaker == NULL)
    hs_editor_add_problem (problems, "speaker", _("Choose who said it"));
  hs_editor_check_new_id (editor, values.id, problems);
  hs_editor_collect_problems (&values, build_claim, (HsEditorValidateFunc) hs_validate_claim,
                              repair_claim, NULL, problems);
}

static char *
hs_claim_editor_save (HsEditor  *editor,
                      GError   **error)
{
  HsClaimEditor *self = HS_CLAIM_EDITOR (editor);
  g_auto(Values) values = { 0 };
  g_autoptr(HsClaim) claim = NULL;

  read_values (self, &values, NULL);
  claim = build_claim (&values);
  if (!hs_store_save_claim (hs_editor_get_store (editor), claim, error))
    return NULL;
  return g_strdup (hs_claim_get_id (claim));
}

/* The line under the horizon: the dates it resolves between, or why they
 * cannot be told. */
static void
update_horizon (HsClaimEditor *self)
{
  g_autofree char *horizon = hs_editor_get_text (self->horizon_entry);
  g_autofree char *stated_text = hs_editor_get_text (self->stated_entry);
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  HsDate stated = { 0 }, earliest, latest;
  gboolean understood;

  if (stated_text != NULL && !hs_date_parse (stated_text, &stated, NULL))
    memset (&stated, 0, sizeof stated);

  if (horizon == NULL)
    /* Translators: the forms are a list of quoted examples */
    line = g_strdup_printf (_("As the speaker put it, such as %s"), hs_horizon_forms_hint ());
  else if (hs_horizon_derive (horizon, &stated, &earliest, &latest, &error))
    {
      g_autofree char *from = hs_format_date (&earliest);

      if (hs_date_is_set (&latest))
        {
          g_autofree char *to = hs_format_date (&latest);

          /* Translators: "Resolves from 10 January 2026 to 31 December 2026" */
          line = g_strdup_printf (_("Resolves from %s to %s"), from, to);
        }
      else
        /* Translators: "Resolves from 10 January 2026, open-ended" */
        line = g_strdup_printf (_("Resolves from %s, open-ended"), from);
    }
  else if (g_error_matches (error, HS_HORIZON_ERROR, HS_HORIZON_ERROR_NO_DATE))
    line = g_strdup (_("Give the date it was stated to see when it resolves"));
  else
    {
      g_autoptr(GHashTable) one = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      /* The core's own words, begun as a sentence. */
      hs_editor_add_problem (one, "horizon", error->message);
      line = g_strdup (g_hash_table_lookup (one, "horizon"));
    }
  hs_form_field_set_hint (self->horizon_field, line);

  /* Words Hindsight does not know need the dates by hand. */
  g_clear_error (&error);
  understood = horizon == NULL || horizon_understood (horizon, &error);
  self->updating = TRUE;
  gtk_check_button_set_active (self->explicit_check, !understood || self->explicit_chosen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->explicit_check), understood);
  self->updating = FALSE;
  gtk_revealer_set_reveal_child (self->dates_revealer, explicit_dates (self));
}

static void
explicit_toggled_cb (GtkCheckButton *button,
                     HsClaimEditor  *self)
{
  if (!self->updating)
    self->explicit_chosen = gtk_check_button_get_active (button);
  gtk_revealer_set_reveal_child (self->dates_revealer, explicit_dates (self));
}

static void
horizon_changed_cb (GtkEditable   *editable,
                    HsClaimEditor *self)
{
  update_horizon (self);
}

static void
stated_changed_cb (GtkEditable   *editable,
                   HsClaimEditor *self)
{
  update_horizon (self);
}

static void
sure_toggled_cb (GtkCheckButton *button,
                 HsClaimEditor  *self)
{
  Sure sure = get_sure (self);

  gtk_revealer_set_reveal_child (self->probability_revealer, sure == SURE_PROBABILITY);
  gtk_revealer_set_reveal_child (self->confidence_revealer, sure == SURE_WORDS);
}

static void
prediction_switched_cb (GtkSwitch     *sw,
                        GParamSpec    *pspec,
                        HsClaimEditor *self)
{
  gtk_revealer_set_reveal_child (self->prediction_revealer, gtk_switch_get_active (sw));
}

/* A new claim's id: SOURCE.SPEAKER.N as in the bundled dataset, or
 * SPEAKER.N for a claim without a source, with the first N not taken. */
static void
update_id (HsClaimEditor *self)
{
  const char *speaker = chosen_id (self->speaker_dropdown, self->speaker_ids);
  const char *source = chosen_id (self->source_dropdown, self->source_ids);
  HsStore *store = hs_editor_get_store (HS_EDITOR (self));
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;

  if (!hs_editor_is_new (HS_EDITOR (self)) || hs_editor_is_touched (HS_EDITOR (self), self->id_field))
    return;

  if (source != NULL)
    base = g_strdup_printf ("%s.%s", source, speaker ? speaker : "claim");
  else
    base = g_strdup (speaker ? speaker : "claim");
  if (strlen (base) > HS_LIMIT_ID - 8)
    base[HS_LIMIT_ID - 8] = '\0';

  for (guint n = 1; id == NULL; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s.%u", base, n);

      if (hs_store_find_id (store, candidate, NULL) == HS_OBJECT_NONE)
        id = g_steal_pointer (&candidate);
    }
  hs_editor_set_text (HS_EDITOR (self), self->id_entry, id);
}

static void
set_date (HsClaimEditor *self,
          GtkWidget     *entry,
          const HsDate  *date)
{
  char buffer[HS_DATE_BUFSIZE] = "";

  if (date != NULL && hs_date_is_set (date))
    hs_date_to_buffer (date, buffer);
  hs_editor_set_text (HS_EDITOR (self), entry, buffer);
}

/* What was said in a source was said on its date, unless the person says
 * otherwise. */
static void
update_stated (HsClaimEditor *self)
{
  const char *source_id = chosen_id (self->source_dropdown, self->source_ids);
  HsSource *source = source_id ? g_hash_table_lookup (self->sources, source_id) : NULL;
  HsDate date = source ? hs_source_get_default_date (source) : (HsDate) { 0 };

  if (hs_editor_is_touched (HS_EDITOR (self), self->stated_field))
    return;
  if (!hs_date_is_set (&date))
    {
      if (!hs_editor_is_new (HS_EDITOR (self)))
        return;
      date = hs_date_today ();
    }
  set_date (self, self->stated_entry, &date);
  update_horizon (self);
}

static void
speaker_chosen_cb (GtkDropDown   *dropdown,
                   GParamSpec    *pspec,
                   HsClaimEditor *self)
{
  update_id (self);
}

static void
source_chosen_cb (GtkDropDown   *dropdown,
                  GParamSpec    *pspec,
                  HsClaimEditor *self)
{
  update_id (self);
  if (!self->updating)
    update_stated (self);
}

/* A dropdown of long names: ellipsized in the button, wrapped in the
 * list, searched by the text shown. */
static void
setup_dropdown (GtkDropDown *dropdown)
{
  static const char button_factory[] =
    "<interface><template class=\"GtkListItem\"><property name=\"child\">"
    "<object class=\"GtkLabel\"><property name=\"xalign\">0</property>"
    "<property name=\"ellipsize\">end</property>"
    "<binding name=\"label\"><lookup name=\"string\" type=\"GtkStringObject\">"
    "<lookup name=\"item\">GtkListItem</lookup></lookup></binding>"
    "</object></property></template></interface>";
  static const char list_factory[] =
    "<interface><template class=\"GtkListItem\"><property name=\"child\">"
    "<object class=\"GtkLabel\"><property name=\"xalign\">0</property>"
    "<property name=\"wrap\">True</property><property name=\"wrap-mode\">word-char</property>"
    "<property name=\"max-width-chars\">50</property>"
    "<binding name=\"label\"><lookup name=\"string\" type=\"GtkStringObject\">"
    "<lookup name=\"item\">GtkListItem</lookup></lookup></binding>"
    "</object></property></template></interface>";
  g_autoptr(GBytes) button_bytes = g_bytes_new_static (button_factory, sizeof button_factory - 1);
  g_autoptr(GBytes) list_bytes = g_bytes_new_static (list_factory, sizeof list_factory - 1);
  g_autoptr(GtkListItemFactory) button = gtk_builder_list_item_factory_new_from_bytes (NULL, button_bytes);
  g_autoptr(GtkListItemFactory) list = gtk_builder_list_item_factory_new_from_bytes (NULL, list_bytes);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                                     "string");

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  gtk_drop_down_set_expression (dropdown, expression);
}

static void
load_choices (HsClaimEditor *self)
{
  HsStore *store = hs_editor_get_store (HS_EDITOR (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) speakers = hs_store_list_speakers (store, NULL, &error);
  g_autoptr(GPtrArray) sources = speakers ? hs_store_list_sources (store, NULL, &error) : NULL;
  g_autoptr(GPtrArray) topics = sources ? hs_store_list_topics (store, &error) : NULL;
  g_autoptr(GtkStringList) speaker_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) source_titles = gtk_string_list_new (NULL);

  if (topics == NULL)
    {
      g_warning ("Cannot list the choices of the claim editor: %s", error->message);
      return;
    }

  gtk_string_list_append (speaker_names, _("Choose a Speaker"));
  g_ptr_array_add (self->speaker_ids, NULL);
  for (guint i = 0; i < speakers->len; i++)
    {
      HsSpeaker *speaker = g_ptr_array_index (speakers, i);
      g_autofree char *name = hs_format_speaker_name (speaker);

      gtk_string_list_append (speaker_names, name);
      g_ptr_array_add (self->speaker_ids, g_strdup (hs_speaker_get_id (speaker)));
    }

  gtk_string_list_append (source_titles, _("No Source"));
  g_ptr_array_add (self->source_ids, NULL);
  for (guint i = 0; i < sources->len; i++)
    {
      HsSource *source = g_ptr_array_index (sources, i);

      gtk_string_list_append (source_titles, hs_source_get_title (source));
      g_ptr_array_add (self->source_ids, g_strdup (hs_source_get_id (source)));
      g_hash_table_insert (self->sources, g_strdup (hs_source_get_id (source)), g_object_ref (source));
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->speaker_dropdown, G_LIST_MODEL (speaker_names));
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (source_titles));
  self->updating = FALSE;

  for (guint i = 0; i < topics->len; i++)
    {
      HsTopic *topic = g_ptr_array_index (topics, i);
      GtkWidget *button = gtk_check_button_new_with_label (hs_format_topic_name (topic));
      GtkWidget *child;

      g_object_set_data_full (G_OBJECT (button), "topic-id", g_strdup (hs_topic_get_id (topic)), g_free);
      gtk_flow_box_append (self->topics_flow, button);
      /* The check button takes the keyboard, not the flow box's cell
       * around it; cells are as wide as the widest topic, in columns. */
      child = gtk_widget_get_parent (button);
      gtk_widget_set_focusable (child, FALSE);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      g_ptr_array_add (self->topic_buttons, button);
    }
}

static void
fill (HsClaimEditor *self,
      HsClaim       *claim)
{
  HsEditor *editor = HS_EDITOR (self);
  HsPrediction *prediction = hs_claim_get_prediction (claim);
  const char * const *topics = hs_claim_get_topics (claim);
  HsDate stated = hs_claim_get_stated_on (claim);

  self->updating = TRUE;
  hs_editor_set_text (editor, self->id_entry, hs_claim_get_id (claim));
  choose_id (self->speaker_dropdown, self->speaker_ids, hs_claim_get_speaker_id (claim));
  choose_id (self->source_dropdown, self->source_ids, hs_claim_get_source_id (claim));
  hs_editor_set_text (editor, self->text_view, hs_claim_get_text (claim));
  hs_editor_set_text (editor, self->quote_view, hs_claim_get_quote (claim));
  hs_editor_set_text (editor, self->original_view, hs_claim_get_original_text (claim));
  hs_editor_set_text (editor, self->original_language_entry, hs_claim_get_original_language (claim));
  hs_editor_set_text (editor, self->locator_entry, hs_claim_get_locator (claim));
  set_date (self, self->stated_entry, &stated);

  for (guint i = 0; i < self->topic_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->topic_buttons, i);
      const char *id = g_object_get_data (G_OBJECT (button), "topic-id");

      gtk_check_button_set_active (button, topics != NULL && g_strv_contains (topics, id));
    }

  if (prediction != NULL)
    {
      HsDate earliest = hs_prediction_get_earliest (prediction);
      HsDate latest = hs_prediction_get_latest (prediction);
      HsDate derived_earliest, derived_latest;
      const char *horizon = hs_prediction_get_horizon (prediction);

      gtk_switch_set_active (self->prediction_switch, TRUE);
      hs_editor_set_text (editor, self->horizon_entry, horizon);

      /* Dates that are not what the horizon gives were set by hand: they
       * are kept, and shown. */
      if (!hs_horizon_derive (horizon, &stated, &derived_earliest, &derived_latest, NULL) ||
          !hs_date_equal (&earliest, &derived_earliest) || !hs_date_equal (&latest, &derived_latest))
        {
          self->explicit_chosen = TRUE;
          set_date (self, self->earliest_entry, &earliest);
          set_date (self, self->latest_entry, &latest);
        }

      if (hs_prediction_has_probability (prediction))
        {
          g_autofree char *percent = g_strdup_printf ("%g", hs_prediction_get_probability (prediction) * 100.0);

          gtk_check_button_set_active (self->sure_probability, TRUE);
          hs_editor_set_text (editor, self->probability_entry, percent);
        }
      else if (hs_prediction_get_confidence (prediction) != NULL)
        {
          gtk_check_button_set_active (self->sure_words, TRUE);
          hs_editor_set_text (editor, self->confidence_entry, hs_prediction_get_confidence (prediction));
        }

      /* The store keeps a history; the claim cannot drop it. */
      if (g_list_model_get_n_items (hs_prediction_get_resolutions (prediction)) > 0)
        {
          gtk_widget_set_sensitive (GTK_WIDGET (self->prediction_switch), FALSE);
          gtk_widget_set_visible (self->history_label, TRUE);
        }
    }
  self->updating = FALSE;
  update_horizon (self);
}

/* GTK 4.8 names a check button with a mnemonic by its label as written
 * ("Set the resolve _dates myself"): it is named as shown instead. */
static void
name_as_shown (GtkCheckButton *button)
{
  g_autoptr(GString) shown = g_string_new (gtk_check_button_get_label (button));

  g_string_replace (shown, "__", "\x01", 0);
  g_string_replace (shown, "_", "", 0);
  g_string_replace (shown, "\x01", "_", 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, shown->str, -1);
}

static void
hs_claim_editor_dispose (GObject *object)
{
  HsClaimEditor *self = (HsClaimEditor *) object;

  /* Once, though dispose may run twice: it nulls the pointers. What this
   * class connected goes first. */
  if (self->id_entry != NULL)
    {
      GObject *connected[] = {
        G_OBJECT (self->speaker_dropdown), G_OBJECT (self->source_dropdown),
        G_OBJECT (self->horizon_entry), G_OBJECT (self->stated_entry), G_OBJECT (self->explicit_check),
        G_OBJECT (self->prediction_switch), G_OBJECT (self->sure_none),
        G_OBJECT (self->sure_probability), G_OBJECT (self->sure_words),
      };

      for (guint i = 0; i < G_N_ELEMENTS (connected); i++)
        g_signal_handlers_disconnect_by_data (connected[i], self);
      gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_CLAIM_EDITOR);
    }
  g_clear_object (&self->original);
  g_clear_pointer (&self->speaker_ids, g_ptr_array_unref);
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->topic_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_claim_editor_parent_class)->dispose (object);
}

static void
hs_claim_editor_class_init (HsClaimEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HsEditorClass *editor_class = HS_EDITOR_CLASS (klass);

  object_class->dispose = hs_claim_editor_dispose;
  editor_class->check = hs_claim_editor_check;
  editor_class->save = hs_claim_editor_save;

  g_type_ensure (HS_TYPE_FORM_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-claim-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, speaker_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, stated_field);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, stated_entry);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, locator_entry);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, quote_view);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, original_view);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, original_language_entry);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, topics_flow);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, id_field);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, id_entry);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, prediction_switch);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, history_label);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, prediction_revealer);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, horizon_field);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, horizon_entry);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, explicit_check);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, dates_revealer);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, earliest_entry);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, latest_entry);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, sure_none);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, sure_probability);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, sure_words);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, probability_revealer);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, probability_entry);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, confidence_revealer);
  gtk_widget_class_bind_template_child (widget_class, HsClaimEditor, confidence_entry);
}

static void
hs_claim_editor_init (HsClaimEditor *self)
{
  self->speaker_ids = g_ptr_array_new_with_free_func (g_free);
  self->source_ids = g_ptr_array_new_with_free_func (g_free);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->topic_buttons = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  name_as_shown (self->explicit_check);
  name_as_shown (self->sure_none);
  name_as_shown (self->sure_probability);
  name_as_shown (self->sure_words);
  setup_dropdown (self->speaker_dropdown);
  setup_dropdown (self->source_dropdown);
  g_signal_connect (self->speaker_dropdown, "notify::selected", G_CALLBACK (speaker_chosen_cb), self);
  g_signal_connect (self->source_dropdown, "notify::selected", G_CALLBACK (source_chosen_cb), self);
  g_signal_connect (self->horizon_entry, "changed", G_CALLBACK (horizon_changed_cb), self);
  g_signal_connect (self->stated_entry, "changed", G_CALLBACK (stated_changed_cb), self);
  g_signal_connect (self->explicit_check, "toggled", G_CALLBACK (explicit_toggled_cb), self);
  g_signal_connect (self->prediction_switch, "notify::active", G_CALLBACK (prediction_switched_cb), self);
  g_signal_connect (self->sure_none, "toggled", G_CALLBACK (sure_toggled_cb), self);
  g_signal_connect (self->sure_probability, "toggled", G_CALLBACK (sure_toggled_cb), self);
  g_signal_connect (self->sure_words, "toggled", G_CALLBACK (sure_toggled_cb), self);
}

/**
 * hs_claim_editor_new:
 * @claim: (nullable): the claim to edit, or %NULL for a new one
 * @speaker_id: (nullable): for a new claim, who said it, when known
 * @source_id: (nullable): for a new claim, where, when known
 */
GtkWidget *
hs_claim_editor_new (HsStore    *store,
                     HsClaim    *claim,
                     const char *speaker_id,
                     const char *source_id)
{
  HsClaimEditor *self = g_object_new (HS_TYPE_CLAIM_EDITOR,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                      "store", store,
                                      "is-new", claim == NULL,
                                      NULL);
  HsEditor *editor = HS_EDITOR (self);

  load_choices (self);
  for (guint i = 0; i < self->topic_buttons->len; i++)
    hs_editor_watch (editor, g_ptr_array_index (self->topic_buttons, i), NULL);
  hs_editor_watch (editor, self->explicit_check, NULL);
  hs_editor_watch (editor, self->prediction_switch, NULL);
  hs_editor_watch (editor, self->sure_none, NULL);
  hs_editor_watch (editor, self->sure_probability, NULL);
  hs_editor_watch (editor, self->sure_words, NULL);

  if (claim != NULL)
    {
      self->original = g_object_ref (claim);
      gtk_window_set_title (GTK_WINDOW (self),
                            hs_claim_is_prediction (claim) ? _("Edit Prediction") : _("Edit Claim"));
      fill (self, claim);
      /* Relations and resolutions name the claim by id: it keeps its own. */
      gtk_editable_set_editable (GTK_EDITABLE (self->id_entry), FALSE);
      hs_form_field_set_hint (self->id_field, _("A stored claim keeps its id"));
    }
  else
    {
      choose_id (self->speaker_dropdown, self->speaker_ids, speaker_id);
      choose_id (self->source_dropdown, self->source_ids, source_id);
      hs_form_field_set_hint (self->id_field, _("Made from the source and the speaker; letters, digits and . _ : -"));
      update_id (self);
      update_stated (self);
    }
  update_horizon (self);
  hs_editor_changed (editor);
  return GTK_WIDGET (self);
}
