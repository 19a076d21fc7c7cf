/* test-model.c: speakers, sources, topics, claims, predictions, resolutions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "test-utils.h"

/* ---------------------------------------------------------------------- */
/* Properties: every setter notifies once per change, never without one    */

/* Sets @name from text, whatever the property's type: dates are parsed,
 * string vectors split at ";", numbers read. */
static void
set_from_text (GObject    *object,
               const char *name,
               const char *text)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);

  g_assert_nonnull (pspec);

  if (pspec->value_type == G_TYPE_STRING)
    g_object_set (object, name, text, NULL);
  else if (pspec->value_type == HS_TYPE_DATE)
    {
      HsDate date = text != NULL ? test_date (text) : (HsDate) { 0 };
      g_object_set (object, name, &date, NULL);
    }
  else if (pspec->value_type == G_TYPE_STRV)
    {
      g_auto(GStrv) parts = text != NULL ? g_strsplit (text, ";", -1) : NULL;
      g_object_set (object, name, parts, NULL);
    }
  else if (pspec->value_type == G_TYPE_INT)
    g_object_set (object, name, (int) g_ascii_strtoll (text, NULL, 10), NULL);
  else if (pspec->value_type == G_TYPE_DOUBLE)
    g_object_set (object, name, g_ascii_strtod (text, NULL), NULL);
  else
    g_assert_not_reached ();
}

/* The property as text, in the form set_from_text() takes. */
static char *
get_as_text (GObject    *object,
             const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, name, &value);

  if (pspec->value_type == G_TYPE_STRING)
    return g_value_dup_string (&value);
  if (pspec->value_type == HS_TYPE_DATE)
    {
      const HsDate *date = g_value_get_boxed (&value);
      return hs_date_is_set (date) ? hs_date_to_string (date) : NULL;
    }
  if (pspec->value_type == G_TYPE_STRV)
    {
      char **strv = g_value_get_boxed (&value);
      return strv != NULL ? g_strjoinv (";", strv) : NULL;
    }
  if (pspec->value_type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (&value));
  if (pspec->value_type == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%g", g_value_get_double (&value)));
    }
  g_assert_not_reached ();
}

typedef struct
{
  const char *property;
  const char *first;    /* a value */
  const char *second;   /* another value */
  const char *cleared;  /* a value that clears the field ("" for text), or NULL to skip */
  const char *unset;    /* how the cleared field reads back */
} PropertyCase;

/* Set, set the same again, set another, clear, clear again: notifications
 * must be 1, 1, 2, 3, 3. */
static void
check_properties (GObject            *object,
                  const PropertyCase *cases,
                  guint               n_cases)
{
  g_autoptr(TestNotifyLog) log = test_notify_log_new (object);

  for (guint i = 0; i < n_cases; i++)
    {
      const PropertyCase *c = &cases[i];
      guint total_before = log->total;
      char *text;

      g_test_message ("property %s", c->property);

      set_from_text (object, c->property, c->first);
      g_assert_cmpuint (test_notify_log_count (log, c->property), ==, 1);
      text = get_as_text (object, c->property);
      g_assert_cmpstr (text, ==, c->first);
      g_free (text);

      set_from_text (object, c->property, c->first);
      g_assert_cmpuint (test_notify_log_count (log, c->property), ==, 1);

      set_from_text (object, c->property, c->second);
      g_assert_cmpuint (test_notify_log_count (log, c->property), ==, 2);
      text = get_as_text (object, c->property);
      g_assert_cmpstr (text, ==, c->second);
      g_free (text);

      if (c->cleared != NULL)
        {
          set_from_text (object, c->property, c->cleared);
          g_assert_cmpuint (test_notify_log_count (log, c->property), ==, 3);
          text = get_as_text (object, c->property);
          g_assert_cmpstr (text, ==, c->unset);
          g_free (text);

          set_from_text (object, c->property, c->cleared);
          g_assert_cmpuint (test_notify_log_count (log, c->property), ==, 3);
        }

      /* No other property was notified on the way. */
      g_assert_cmpuint (log->total - total_before, ==, c->cleared != NULL ? 3 : 2);
    }
}

static void
test_speaker_properties (void)
{
  static const PropertyCase cases[] = {
    { "name", "Yang Zhilin", "Zhilin Yang", "", NULL },
    { "native-name", "杨植麟", "楊植麟", "", NULL },
    { "bio", "Founder of Moonshot AI.", "<b>not markup</b>", "", NULL },
    { "aliases", "Zhilin Yang;Z. Yang", "Z. Yang", NULL, NULL },
  };
  HsSpeaker *speaker = hs_speaker_new ("yang-zhilin", NULL);
  g_autofree char *display = NULL;

  g_assert_cmpstr (hs_speaker_get_id (speaker), ==, "yang-zhilin");
  g_assert_null (hs_speaker_get_name (speaker));
  check_properties (G_OBJECT (speaker), cases, G_N_ELEMENTS (cases));

  /* An empty list is no list, and setting it again notifies nothing. */
  {
    g_autoptr(TestNotifyLog) log = test_notify_log_new (speaker);
    const char *empty[] = { NULL };

    hs_speaker_set_aliases (speaker, empty);
    g_assert_null (hs_speaker_get_aliases (speaker));
    hs_speaker_set_aliases (speaker, NULL);
    g_assert_cmpuint (test_notify_log_count (log, "aliases"), ==, 1);
  }

  /* Two people may share a romanized name: the display name tells them apart. */
  hs_speaker_set_name (speaker, "Yao Shunyu");
  hs_speaker_set_native_name (speaker, "姚顺雨");
  display = hs_speaker_dup_display_name (speaker);
  g_assert_cmpstr (display, ==, "Yao Shunyu 姚顺雨");

  test_assert_finalize (&speaker);
}

static void
test_source_properties (void)
{
  static const PropertyCase cases[] = {
    { "title", "AGI-Next 2026", "AGI-Next 2026, panel", "", NULL },
    { "publisher", "ZhenFund", "ChinaTalk", "", NULL },
    { "url", "https://example.org/a", "https://example.org/b", "", NULL },
    { "date-note", "inferred", "inferred from the episode number", "", NULL },
    { "event", "AGI-Next", "AGI-Next 2026", "", NULL },
    { "language", "zh", "en", "", NULL },
    { "notes", "abridged", "translated", "", NULL },
    { "published", "2026-01", "~2026-01-10", NULL, NULL },
    { "event-date", "2026", "2026-01-10", NULL, NULL },
    { "kind", "0", "2", NULL, NULL },
  };
  HsSource *source = hs_source_new ("agi-next-2026", "AGI-Next", HS_SOURCE_KIND_PANEL);
  g_autoptr(TestNotifyLog) log = NULL;
  HsDate date;

  g_assert_cmpint (hs_source_get_kind (source), ==, HS_SOURCE_KIND_PANEL);
  check_properties (G_OBJECT (source), cases, G_N_ELEMENTS (cases));

  /* Dates go back to unset through NULL, and notify once. */
  log = test_notify_log_new (source);
  hs_source_set_published (source, NULL);
  hs_source_set_published (source, NULL);
  g_assert_cmpuint (test_notify_log_count (log, "published"), ==, 1);
  date = hs_source_get_published (source);
  g_assert_false (hs_date_is_set (&date));

  /* A claim without a date takes the event's, else the publication's. */
  date = hs_source_get_default_date (source);
  g_assert_cmpstr (hs_date_to_buffer (&date, (char[HS_DATE_BUFSIZE]) { 0 }), ==, "2026-01-10");
  hs_source_set_event_date (source, NULL);
  hs_source_set_published (source, &(HsDate) { 2025, 10, 0, HS_DATE_PRECISION_MONTH, TRUE });
  date = hs_source_get_default_date (source);
  g_assert_cmpstr (hs_date_to_buffer (&date, (char[HS_DATE_BUFSIZE]) { 0 }), ==, "~2025-10");

  g_clear_pointer (&log, test_notify_log_free);
  test_assert_finalize (&source);
}

static void
test_topic_properties (void)
{
  static const PropertyCase cases[] = {
    { "name", "AI agents", "Agentic AI", "", NULL },
  };
  static const struct
  {
    const char *language;
    const char *expected;
  } names[] = {
    { "zh", "智能体" },
    { "zh_CN", "智能体" },
    { "zh_CN.UTF-8", "智能体" },
    { "zh-Hant", "智能體" },
    { "en", "AI agents" },
    { "en_GB", "AI agents" },
    { "fr_FR@euro", "AI agents" },
    { "", "AI agents" },
    { NULL, "AI agents" },
  };
  HsTopic *topic = hs_topic_new ("agents", "Agents");
  g_auto(GStrv) languages = NULL;

  check_properties (G_OBJECT (topic), cases, G_N_ELEMENTS (cases));
  hs_topic_set_name (topic, "AI agents");
  hs_topic_set_translation (topic, "zh", "智能体");
  hs_topic_set_translation (topic, "zh-Hant", "智能體");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_test_message ("language %s", names[i].language);
      g_assert_cmpstr (hs_topic_get_name_for (topic, names[i].language), ==, names[i].expected);
    }

  /* Languages come sorted, whatever the hash order; an empty name removes. */
  hs_topic_set_translation (topic, "ja", "エージェント");
  languages = hs_topic_dup_languages (topic);
  g_assert_cmpstrv (languages, ((const char *[]) { "ja", "zh", "zh-Hant", NULL }));
  hs_topic_set_translation (topic, "ja", "");
  g_assert_null (hs_topic_get_translation (topic, "ja"));

  test_assert_finalize (&topic);
}

static void
test_claim_properties (void)
{
  static const PropertyCase cases[] = {
    { "speaker-id", "yang-zhilin", "tang-jie", "", NULL },
    { "source-id", "agi-next-2026", "chinatalk-1", "", NULL },
    { "text", "Scaling continues.", "Scaling has stalled.", "", NULL },
    { "quote", "“We keep scaling.”", "\xe2\x80\xae" "reversed", "", NULL },
    { "original-text", "我们继续扩展。", "范式", "", NULL },
    { "original-language", "zh", "zh-Hant", "", NULL },
    { "locator", "01:25:08", "¶4", "", NULL },
    { "stated-on", "2026-01-10", "~2026-01", NULL, NULL },
    { "topics", "agents;scaling", "scaling;agents", NULL, NULL },
  };
  HsClaim *claim = hs_claim_new ("c1", "yang-zhilin", "Scaling continues.");
  HsPrediction *prediction = hs_prediction_new ("this year");
  HsSpeaker *speaker = hs_speaker_new ("yang-zhilin", "Yang Zhilin");
  HsSource *source = hs_source_new ("agi-next-2026", "AGI-Next", HS_SOURCE_KIND_PANEL);
  g_autoptr(TestNotifyLog) log = NULL;

  /* The constructor's values are already there and notify nothing later. */
  g_assert_cmpstr (hs_claim_get_speaker_id (claim), ==, "yang-zhilin");
  g_assert_cmpstr (hs_claim_get_text (claim), ==, "Scaling continues.");
  hs_claim_set_speaker_id (claim, NULL);
  hs_claim_set_text (claim, NULL);
  check_properties (G_OBJECT (claim), cases, G_N_ELEMENTS (cases));

  log = test_notify_log_new (claim);
  g_assert_false (hs_claim_is_prediction (claim));
  hs_claim_set_prediction (claim, prediction);
  hs_claim_set_prediction (claim, prediction);
  g_assert_true (hs_claim_is_prediction (claim));
  g_assert_true (hs_claim_get_prediction (claim) == prediction);
  hs_claim_set_speaker (claim, speaker);
  hs_claim_set_speaker (claim, speaker);
  hs_claim_set_source (claim, source);
  hs_claim_set_source (claim, source);
  g_assert_cmpuint (test_notify_log_count (log, "prediction"), ==, 1);
  g_assert_cmpuint (test_notify_log_count (log, "speaker"), ==, 1);
  g_assert_cmpuint (test_notify_log_count (log, "source"), ==, 1);
  g_assert_cmpuint (log->total, ==, 3);

  /* Relations are kept in the order added, with their notes. */
  hs_claim_add_relation (claim, hs_relation_new (HS_RELATION_CONTRADICTS, "c2", "earlier"));
  hs_claim_add_relation (claim, hs_relation_new (HS_RELATION_SAME_AS, "c3", ""));
  g_assert_cmpuint (hs_claim_get_relations (claim)->len, ==, 2);
  g_assert_cmpstr (((HsRelation *) g_ptr_array_index (hs_claim_get_relations (claim), 1))->claim_id,
                   ==, "c3");
  g_assert_null (((HsRelation *) g_ptr_array_index (hs_claim_get_relations (claim), 1))->note);
  hs_claim_clear_relations (claim);
  g_assert_cmpuint (hs_claim_get_relations (claim)->len, ==, 0);

  /* The claim holds what it was given; the test drops its own references. */
  g_clear_pointer (&log, test_notify_log_free);
  g_object_add_weak_pointer (G_OBJECT (prediction), (gpointer *) &prediction);
  g_object_add_weak_pointer (G_OBJECT (speaker), (gpointer *) &speaker);
  g_object_add_weak_pointer (G_OBJECT (source), (gpointer *) &source);
  g_object_unref (prediction);
  g_object_unref (speaker);
  g_object_unref (source);
  g_assert_nonnull (prediction);
  g_assert_nonnull (speaker);
  g_assert_nonnull (source);

  test_assert_finalize (&claim);
  g_assert_null (prediction);
  g_assert_null (speaker);
  g_assert_null (source);
}

static void
test_prediction_properties (void)
{
  static const PropertyCase cases[] = {
    { "horizon", "this year", "3–5 years", "", NULL },
    { "confidence", "very high probability", "I expect", "", NULL },
    { "earliest", "2026-01-10", "2026-02", NULL, NULL },
    { "latest", "2026-12-31", "2027", NULL, NULL },
    /* A negative probability is how the property says "none". */
    { "probability", "0.2", "1", "-1", "-1" },
  };
  HsPrediction *prediction = hs_prediction_new (NULL);
  g_autoptr(TestNotifyLog) log = NULL;
  HsDate latest;

  g_assert_false (hs_prediction_has_probability (prediction));
  g_assert_true (isnan (hs_prediction_get_probability (prediction)));
  check_properties (G_OBJECT (prediction), cases, G_N_ELEMENTS (cases));

  log = test_notify_log_new (prediction);
  hs_prediction_set_probability (prediction, 0.0);
  hs_prediction_set_probability (prediction, 0.0);
  g_assert_true (hs_prediction_has_probability (prediction));
  g_assert_cmpfloat (hs_prediction_get_probability (prediction), ==, 0.0);
  hs_prediction_clear_probability (prediction);
  hs_prediction_clear_probability (prediction);
  g_assert_false (hs_prediction_has_probability (prediction));
  g_assert_cmpuint (test_notify_log_count (log, "probability"), ==, 2);

  g_assert_false (hs_prediction_is_open_ended (prediction));
  hs_prediction_set_latest (prediction, NULL);
  g_assert_true (hs_prediction_is_open_ended (prediction));
  latest = hs_prediction_get_latest (prediction);
  g_assert_false (hs_date_is_set (&latest));
  g_assert_cmpuint (test_notify_log_count (log, "latest"), ==, 1);

  g_clear_pointer (&log, test_notify_log_free);
  test_assert_finalize (&prediction);
}

static void
test_resolution_properties (void)
{
  static const PropertyCase cases[] = {
    { "evidence", "It shipped.", "It shipped in March.", "", NULL },
    { "url", "https://example.org/a", "https://example.org/b", "", NULL },
  };
  HsDate on = test_date ("2026-03-01");
  HsResolution *resolution = hs_resolution_new ("r1", HS_STATUS_CONFIRMED, &on);
  g_autoptr(TestNotifyLog) log = NULL;
  g_autoptr(GDateTime) utc = test_time ("2026-03-02T09:30:00Z");
  g_autoptr(GDateTime) shanghai = test_time ("2026-03-02T17:30:00+08:00");
  g_autoptr(GDateTime) fraction = test_time ("2026-03-02T09:30:00.750Z");
  g_autoptr(GDateTime) later = test_time ("2026-03-02T09:30:01Z");
  g_autofree char *text = NULL;
  HsDate read_on;

  g_assert_cmpstr (hs_resolution_get_id (resolution), ==, "r1");
  g_assert_cmpint (hs_resolution_get_status (resolution), ==, HS_STATUS_CONFIRMED);
  read_on = hs_resolution_get_on (resolution);
  g_assert_true (hs_date_equal (&read_on, &on));
  check_properties (G_OBJECT (resolution), cases, G_N_ELEMENTS (cases));

  /* Record times are kept in UTC to the second: the same instant in another
   * zone, or with a fraction of a second, is no change. */
  log = test_notify_log_new (resolution);
  hs_resolution_set_recorded_at (resolution, utc);
  hs_resolution_set_recorded_at (resolution, shanghai);
  hs_resolution_set_recorded_at (resolution, fraction);
  g_assert_cmpuint (test_notify_log_count (log, "recorded-at"), ==, 1);
  text = hs_resolution_dup_recorded_at_string (resolution);
  g_assert_cmpstr (text, ==, "2026-03-02T09:30:00Z");
  hs_resolution_set_recorded_at (resolution, later);
  g_assert_cmpuint (test_notify_log_count (log, "recorded-at"), ==, 2);
  hs_resolution_set_recorded_at (resolution, NULL);
  hs_resolution_set_recorded_at (resolution, NULL);
  g_assert_cmpuint (test_notify_log_count (log, "recorded-at"), ==, 3);
  g_assert_null (hs_resolution_get_recorded_at (resolution));

  g_clear_pointer (&log, test_notify_log_free);
  test_assert_finalize (&resolution);
}

/* ---------------------------------------------------------------------- */
/* Comparing versions: the first differing field, as the format names it  */

typedef struct
{
  const char *property;  /* a property, or a special change starting with "+" */
  const char *value;
  const char *expected;
} DiffersCase;

static void
apply_change (GObject    *object,
              const char *property,
              const char *value)
{
  if (g_str_equal (property, "+affiliation"))
    hs_speaker_add_affiliation (HS_SPEAKER (object),
                                hs_affiliation_new (value, NULL, NULL, NULL));
  else if (g_str_equal (property, "+translation"))
    hs_topic_set_translation (HS_TOPIC (object), "zh", value);
  else if (g_str_equal (property, "+relation"))
    hs_claim_add_relation (HS_CLAIM (object), hs_relation_new (HS_RELATION_SUPPORTS, value, NULL));
  else if (g_str_equal (property, "-prediction"))
    hs_claim_set_prediction (HS_CLAIM (object), NULL);
  else if (g_str_has_prefix (property, "prediction."))
    set_from_text (G_OBJECT (hs_claim_get_prediction (HS_CLAIM (object))),
                   property + strlen ("prediction."), value);
  else
    set_from_text (object, property, value);
}

static HsSpeaker *
make_speaker (void)
{
  HsSpeaker *speaker = hs_speaker_new ("s1", "Yang Zhilin");
  const char *aliases[] = { "Zhilin Yang", NULL };
  HsDate from = test_date ("2023");

  hs_speaker_set_native_name (speaker, "杨植麟");
  hs_speaker_set_aliases (speaker, aliases);
  hs_speaker_set_bio (speaker, "Founder.");
  hs_speaker_add_affiliation (speaker, hs_affiliation_new ("Moonshot AI", "CEO", &from, NULL));
  return speaker;
}

static HsSource *
make_source (void)
{
  HsSource *source = hs_source_new ("src", "AGI-Next", HS_SOURCE_KIND_PANEL);
  HsDate published = test_date ("2026-01-13");
  HsDate event_date = test_date ("2026-01-10");

  hs_source_set_publisher (source, "ZhenFund");
  hs_source_set_url (source, "https://example.org");
  hs_source_set_published (source, &published);
  hs_source_set_event (source, "AGI-Next 2026");
  hs_source_set_event_date (source, &event_date);
  hs_source_set_language (source, "zh");
  return source;
}

static HsTopic *
make_topic (void)
{
  HsTopic *topic = hs_topic_new ("agents", "Agents");

  hs_topic_set_translation (topic, "zh", "智能体");
  return topic;
}

static HsClaim *
make_claim (void)
{
  HsClaim *claim = hs_claim_new ("c1", "s1", "Agents will do a week of work.");
  g_autoptr(HsPrediction) prediction = hs_prediction_new ("this year");
  HsDate stated = test_date ("2026-01-10");
  HsDate earliest = test_date ("2026-01-10");
  HsDate latest = test_date ("2026-12-31");
  const char *topics[] = { "agents", NULL };

  hs_claim_set_source_id (claim, "src");
  hs_claim_set_quote (claim, "By the end of this year…");
  hs_claim_set_locator (claim, "01:25:08");
  hs_claim_set_stated_on (claim, &stated);
  hs_claim_set_topics (claim, topics);
  hs_claim_add_relation (claim, hs_relation_new (HS_RELATION_REVISES, "c0", NULL));
  hs_prediction_set_earliest (prediction, &earliest);
  hs_prediction_set_latest (prediction, &latest);
  hs_prediction_set_probability (prediction, 0.2);
  hs_claim_set_prediction (claim, prediction);
  return claim;
}

static HsResolution *
make_resolution (void)
{
  HsDate on = test_date ("2026-06-01");
  HsResolution *resolution = hs_resolution_new ("r1", HS_STATUS_CONFIRMED, &on);

  hs_resolution_set_evidence (resolution, "It shipped.");
  hs_resolution_set_url (resolution, "https://example.org/news");
  return resolution;
}

typedef GObject *(*MakeFunc) (void);
typedef const char *(*DiffersFunc) (gpointer a, gpointer b);

static void
check_differs (MakeFunc           make,
               DiffersFunc        differs,
               const DiffersCase *cases,
               guint              n_cases)
{
  GObject *a = make ();
  GObject *b = make ();

  g_assert_null (differs (a, b));
  g_assert_null (differs (b, a));
  test_assert_finalize (&b);

  for (guint i = 0; i < n_cases; i++)
    {
      g_test_message ("change %s to %s", cases[i].property, cases[i].value);
      b = make ();
      apply_change (b, cases[i].property, cases[i].value);
      g_assert_cmpstr (differs (a, b), ==, cases[i].expected);
      g_assert_cmpstr (differs (b, a), ==, cases[i].expected);
      test_assert_finalize (&b);
    }

  test_assert_finalize (&a);
}

static void
test_speaker_differs (void)
{
  static const DiffersCase cases[] = {
    { "name", "Zhilin Yang", "name" },
    { "native-name", "楊植麟", "native_name" },
    { "native-name", "", "native_name" },
    { "aliases", "Z. Yang", "aliases" },
    { "bio", "Founder of Moonshot AI.", "bio" },
    { "+affiliation", "Tsinghua University", "affiliations" },
  };

  check_differs ((MakeFunc) make_speaker, (DiffersFunc) hs_speaker_differs, cases,
                 G_N_ELEMENTS (cases));
}

static void
test_source_differs (void)
{
  static const DiffersCase cases[] = {
    { "title", "AGI-Next 2026", "title" },
    { "kind", "0", "kind" },
    { "publisher", "ChinaTalk", "publisher" },
    { "url", "https://example.org/", "url" },
    { "published", "2026-01", "published" },
    { "published", "~2026-01-13", "published" },
    { "date-note", "inferred", "date_note" },
    { "event", "AGI-Next", "event" },
    { "event-date", "2026-01-11", "event_date" },
    { "language", "en", "language" },
    { "notes", "abridged", "notes" },
  };

  check_differs ((MakeFunc) make_source, (DiffersFunc) hs_source_differs, cases,
                 G_N_ELEMENTS (cases));
}

static void
test_topic_differs (void)
{
  static const DiffersCase cases[] = {
    { "name", "AI agents", "name" },
    { "+translation", "智能體", "translations" },
    { "+translation", "", "translations" },
  };

  check_differs ((MakeFunc) make_topic, (DiffersFunc) hs_topic_differs, cases,
                 G_N_ELEMENTS (cases));
}

static void
test_claim_differs (void)
{
  static const DiffersCase cases[] = {
    { "speaker-id", "s2", "speaker" },
    { "source-id", "", "source" },
    { "text", "Agents will do a month of work.", "text" },
    { "quote", "", "quote" },
    { "original-text", "到今年年底", "original_text" },
    { "original-language", "zh", "original_language" },
    { "locator", "01:25:09", "locator" },
    { "stated-on", "2026-01", "stated_on" },
    { "topics", "agents;china-us", "topics" },
    { "+relation", "c9", "relations" },
    { "-prediction", NULL, "prediction" },
    { "prediction.horizon", "next year", "prediction.horizon" },
    { "prediction.earliest", "2026-01-11", "prediction.earliest" },
    { "prediction.latest", "2027-12-31", "prediction.latest" },
    { "prediction.probability", "0.25", "prediction.probability" },
    { "prediction.probability", "-1", "prediction.probability" },
    { "prediction.confidence", "I expect", "prediction.confidence" },
  };
  g_autoptr(HsClaim) a = make_claim ();
  g_autoptr(HsClaim) b = make_claim ();
  g_autoptr(HsResolution) resolution = make_resolution ();

  check_differs ((MakeFunc) make_claim, (DiffersFunc) hs_claim_differs, cases,
                 G_N_ELEMENTS (cases));

  /* Two changes: the first in the format's order is named. */
  hs_claim_set_locator (b, "elsewhere");
  hs_claim_set_text (b, "Other words.");
  g_assert_cmpstr (hs_claim_differs (a, b), ==, "text");

  /* A longer history is never a difference by itself: histories merge. */
  hs_claim_set_locator (b, "01:25:08");
  hs_claim_set_text (b, "Agents will do a week of work.");
  hs_prediction_add_resolution (hs_claim_get_prediction (b), resolution);
  g_assert_null (hs_claim_differs (a, b));

  test_assert_finalize (&a);
  test_assert_finalize (&b);
  test_assert_finalize (&resolution);
}

static void
test_resolution_differs (void)
{
  g_autoptr(HsResolution) a = make_resolution ();
  g_autoptr(HsResolution) b = make_resolution ();
  g_autoptr(GDateTime) when = test_time ("2026-06-02T00:00:00Z");
  HsDate on = test_date ("2026-06-01");
  HsDate other_on = test_date ("2026-06");
  HsResolution *changed[4];
  const char *expected[] = { "id", "status", "on", "evidence" };

  /* When it was recorded is not what it says. */
  hs_resolution_set_recorded_at (b, when);
  g_assert_null (hs_resolution_differs (a, b));

  changed[0] = hs_resolution_new ("r2", HS_STATUS_CONFIRMED, &on);
  changed[1] = hs_resolution_new ("r1", HS_STATUS_PARTIAL, &on);
  changed[2] = hs_resolution_new ("r1", HS_STATUS_CONFIRMED, &other_on);
  changed[3] = hs_resolution_new ("r1", HS_STATUS_CONFIRMED, &on);
  for (guint i = 0; i < G_N_ELEMENTS (changed); i++)
    {
      hs_resolution_set_evidence (changed[i], i == 3 ? "It did not ship." : "It shipped.");
      hs_resolution_set_url (changed[i], "https://example.org/news");
      g_assert_cmpstr (hs_resolution_differs (a, changed[i]), ==, expected[i]);
      test_assert_finalize (&changed[i]);
    }

  hs_resolution_set_url (b, NULL);
  g_assert_cmpstr (hs_resolution_differs (a, b), ==, "url");

  test_assert_finalize (&a);
  test_assert_finalize (&b);
}

/* ---------------------------------------------------------------------- */
/* History and status                                                      */

static HsResolution *
new_entry (const char *id,
           HsStatus    status,
           const char *on,
           const char *recorded_at)
{
  HsDate date = test_date (on);
  HsResolution *resolution = hs_resolution_new (id, status, &date);

  if (recorded_at != NULL)
    {
      g_autoptr(GDateTime) when = test_time (recorded_at);
      hs_resolution_set_recorded_at (resolution, when);
    }
  return resolution;
}

static char *
history_ids (HsPrediction *prediction)
{
  GListModel *history = hs_prediction_get_resolutions (prediction);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(HsResolution) item = g_list_model_get_item (history, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, hs_resolution_get_id (item));
    }
  return g_string_free (out, FALSE);
}

static void
test_prediction_status (void)
{
  HsPrediction *prediction = hs_prediction_new ("this year");
  g_autoptr(TestNotifyLog) log = test_notify_log_new (prediction);
  HsResolution *entries[6];
  g_autofree char *ids = NULL;

  g_assert_cmpint (hs_prediction_get_status (prediction), ==, HS_STATUS_OPEN);
  g_assert_null (hs_prediction_get_current (prediction));

  entries[0] = new_entry ("confirmed-mar", HS_STATUS_CONFIRMED, "2026-03-01", "2026-03-02T10:00:00Z");
  hs_prediction_add_resolution (prediction, entries[0]);
  g_assert_cmpint (hs_prediction_get_status (prediction), ==, HS_STATUS_CONFIRMED);
  g_assert_cmpuint (test_notify_log_count (log, "status"), ==, 1);

  /* Recorded later, but applying from an earlier date: history, not news. */
  entries[1] = new_entry ("refuted-feb", HS_STATUS_REFUTED, "2026-02-01", "2026-04-01T10:00:00Z");
  hs_prediction_add_resolution (prediction, entries[1]);
  g_assert_cmpint (hs_prediction_get_status (prediction), ==, HS_STATUS_CONFIRMED);
  g_assert_true (hs_prediction_get_current (prediction) == entries[0]);
  g_assert_cmpuint (test_notify_log_count (log, "status"), ==, 1);

  /* The same date: the later record wins. */
  entries[2] = new_entry ("ambiguous-mar", HS_STATUS_AMBIGUOUS, "2026-03-01", "2026-05-01T10:00:00Z");
  hs_prediction_add_resolution (prediction, entries[2]);
  g_assert_cmpint (hs_prediction_get_status (prediction), ==, HS_STATUS_AMBIGUOUS);
  g_assert_cmpuint (test_notify_log_count (log, "status"), ==, 2);

  /* The same date, recorded before the current one: it goes before it. */
  entries[3] = new_entry ("partial-mar", HS_STATUS_PARTIAL, "2026-03-01", "2026-03-01T08:00:00Z");
  hs_prediction_add_resolution (prediction, entries[3]);
  g_assert_cmpint (hs_prediction_get_status (prediction), ==, HS_STATUS_AMBIGUOUS);

  ids = history_ids (prediction);
  g_assert_cmpstr (ids, ==, "refuted-feb partial-mar confirmed-mar ambiguous-mar");

  /* Reopening is an entry like any other. */
  entries[4] = new_entry ("reopened", HS_STATUS_OPEN, "2026-04-01", "2026-04-02T10:00:00Z");
  hs_prediction_add_resolution (prediction, entries[4]);
  g_assert_cmpint (hs_prediction_get_status (prediction), ==, HS_STATUS_OPEN);
  g_assert_true (hs_prediction_get_current (prediction) == entries[4]);
  g_assert_cmpuint (test_notify_log_count (log, "status"), ==, 3);

  g_assert_true (hs_prediction_find_resolution (prediction, "partial-mar") == entries[3]);
  g_assert_null (hs_prediction_find_resolution (prediction, "nothing"));

  /* Removing the reopening brings the status back. */
  g_assert_true (hs_prediction_remove_resolution (prediction, "reopened"));
  g_assert_false (hs_prediction_remove_resolution (prediction, "reopened"));
  g_assert_cmpint (hs_prediction_get_status (prediction), ==, HS_STATUS_AMBIGUOUS);
  g_assert_cmpuint (test_notify_log_count (log, "status"), ==, 4);

  /* A coarser date starts on the first of its month. */
  entries[5] = new_entry ("month", HS_STATUS_CONFIRMED, "2026-05", "2026-05-02T10:00:00Z");
  hs_prediction_add_resolution (prediction, entries[5]);
  g_assert_cmpint (hs_prediction_get_status (prediction), ==, HS_STATUS_CONFIRMED);

  g_clear_pointer (&log, test_notify_log_free);
  test_assert_finalize (&prediction);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    test_assert_finalize (&entries[i]);
}

/* A coarse date applies from its first day: against a day entry of that
 * first day it ties, and the later record is current, as in the store. */
static void
test_prediction_coarse_dates (void)
{
  static const struct
  {
    const char *first_on;
    const char *second_on;
    HsStatus    expected;
  } cases[] = {
    { "2026-08-01", "2026-08", HS_STATUS_REFUTED },
    { "2026-08", "2026-08-01", HS_STATUS_REFUTED },
    { "2026-01-01", "2026", HS_STATUS_REFUTED },
    { "2026", "~2026-01", HS_STATUS_REFUTED },
    { "2026-08-02", "2026-08", HS_STATUS_CONFIRMED },
    { "2026-07-31", "~2026-08", HS_STATUS_REFUTED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HsPrediction *prediction = hs_prediction_new ("this year");
      HsResolution *earlier = new_entry ("a", HS_STATUS_CONFIRMED, cases[i].first_on,
                                         "2026-09-01T00:00:00Z");
      HsResolution *later = new_entry ("b", HS_STATUS_REFUTED, cases[i].second_on,
                                       "2026-09-02T00:00:00Z");

      g_test_message ("%s recorded before %s", cases[i].first_on, cases[i].second_on);
      /* The order they are added in does not matter. */
      hs_prediction_add_resolution (prediction, later);
      hs_prediction_add_resolution (prediction, earlier);
      g_assert_cmpint (hs_prediction_get_status (prediction), ==, cases[i].expected);

      test_assert_finalize (&prediction);
      test_assert_finalize (&earlier);
      test_assert_finalize (&later);
    }
}

static void
test_prediction_overdue (void)
{
  static const struct
  {
    const char *latest;   /* NULL: open-ended */
    HsStatus    status;   /* the last entry's, or OPEN for none */
    const char *today;
    gboolean    overdue;
  } cases[] = {
    { "2026-11-21", HS_STATUS_OPEN, "2026-11-22", TRUE },
    { "2026-11-22", HS_STATUS_OPEN, "2026-11-22", FALSE },
    { "2026-11-23", HS_STATUS_OPEN, "2026-11-22", FALSE },
    { NULL, HS_STATUS_OPEN, "2026-11-22", FALSE },
    { "2026-01-31", HS_STATUS_CONFIRMED, "2026-11-22", FALSE },
    { "2026-01-31", HS_STATUS_REFUTED, "2026-11-22", FALSE },
    { "2026-01-31", HS_STATUS_AMBIGUOUS, "2026-11-22", FALSE },
    { "2026-12-31", HS_STATUS_OPEN, "2027-01-01", TRUE },
    { "2026-12-31", HS_STATUS_OPEN, "2026-12-31", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HsPrediction *prediction = hs_prediction_new ("this year");
      HsDate today = test_date (cases[i].today);
      HsResolution *entry = NULL;

      g_test_message ("latest %s, status %s, today %s", cases[i].latest,
                      hs_status_to_string (cases[i].status), cases[i].today);
      if (cases[i].latest != NULL)
        {
          HsDate latest = test_date (cases[i].latest);
          hs_prediction_set_latest (prediction, &latest);
        }
      if (cases[i].status != HS_STATUS_OPEN)
        {
          entry = new_entry ("r", cases[i].status, "2026-01-15", "2026-01-15T00:00:00Z");
          hs_prediction_add_resolution (prediction, entry);
        }
      g_assert_cmpint (hs_prediction_is_overdue (prediction, &today), ==, cases[i].overdue);

      /* Reopened, a resolved prediction is due again. */
      if (entry != NULL)
        {
          g_autoptr(HsResolution) reopen = new_entry ("o", HS_STATUS_OPEN, "2026-02-01",
                                                      "2026-02-01T00:00:00Z");

          hs_prediction_add_resolution (prediction, reopen);
          g_assert_true (hs_prediction_is_overdue (prediction, &today));
          test_assert_finalize (&prediction);
          test_assert_finalize (&reopen);
          test_assert_finalize (&entry);
        }
      else
        test_assert_finalize (&prediction);
    }

  /* With the pinned today of the test environment. */
  {
    HsPrediction *prediction = hs_prediction_new ("this year");
    HsDate today = hs_date_today ();
    HsDate latest = test_date ("2026-11-21");

    g_assert_cmpstr (hs_date_to_buffer (&today, (char[HS_DATE_BUFSIZE]) { 0 }), ==, TEST_TODAY);
    hs_prediction_set_latest (prediction, &latest);
    g_assert_true (hs_prediction_is_overdue (prediction, &today));
    test_assert_finalize (&prediction);
  }
}

static void
test_resolution_derive_id (void)
{
  g_autoptr(HsResolution) a = new_entry (NULL, HS_STATUS_CONFIRMED, "2026-06-01", "2026-06-02T00:00:00Z");
  g_autoptr(HsResolution) same = new_entry (NULL, HS_STATUS_CONFIRMED, "2026-06-01", "2027-01-01T00:00:00Z");
  g_autoptr(HsResolution) status = new_entry (NULL, HS_STATUS_PARTIAL, "2026-06-01", NULL);
  g_autoptr(HsResolution) on = new_entry (NULL, HS_STATUS_CONFIRMED, "2026-06", NULL);
  g_autoptr(HsResolution) evidence = new_entry (NULL, HS_STATUS_CONFIRMED, "2026-06-01", NULL);
  g_autoptr(HsResolution) url = new_entry (NULL, HS_STATUS_CONFIRMED, "2026-06-01", NULL);
  g_autoptr(HsResolution) shifted = new_entry (NULL, HS_STATUS_CONFIRMED, "2026-06-01", NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = NULL;
  g_autofree char *again = NULL;

  hs_resolution_set_evidence (a, "It shipped.");
  hs_resolution_set_evidence (same, "It shipped.");
  hs_resolution_set_evidence (status, "It shipped.");
  hs_resolution_set_evidence (on, "It shipped.");
  hs_resolution_set_evidence (evidence, "It shipped!");
  hs_resolution_set_evidence (url, "It shipped.");
  hs_resolution_set_url (url, "https://example.org");
  /* Text moved from one field to the next must not give the same id. */
  hs_resolution_set_evidence (shifted, "It shipped.https://example.org");

  id = hs_resolution_derive_id ("c1", a);
  again = hs_resolution_derive_id ("c1", a);
  g_assert_cmpstr (id, ==, again);
  g_assert_cmpuint (strlen (id), ==, 18);
  g_assert_true (g_str_has_prefix (id, "r-"));
  g_assert_true (hs_id_is_valid (id));
  for (const char *p = id + 2; *p; p++)
    g_assert_true (g_ascii_isxdigit (*p));

  /* The record time is not part of it: the same file imported twice. */
  g_ptr_array_add (ids, hs_resolution_derive_id ("c1", same));
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, id);

  g_ptr_array_set_size (ids, 0);
  g_ptr_array_add (ids, g_strdup (id));
  g_ptr_array_add (ids, hs_resolution_derive_id ("c2", a));
  g_ptr_array_add (ids, hs_resolution_derive_id ("c1", status));
  g_ptr_array_add (ids, hs_resolution_derive_id ("c1", on));
  g_ptr_array_add (ids, hs_resolution_derive_id ("c1", evidence));
  g_ptr_array_add (ids, hs_resolution_derive_id ("c1", url));
  g_ptr_array_add (ids, hs_resolution_derive_id ("c1", shifted));
  for (guint i = 0; i < ids->len; i++)
    for (guint k = i + 1; k < ids->len; k++)
      g_assert_cmpstr (g_ptr_array_index (ids, i), !=, g_ptr_array_index (ids, k));

  test_assert_finalize (&a);
  test_assert_finalize (&same);
  test_assert_finalize (&status);
  test_assert_finalize (&on);
  test_assert_finalize (&evidence);
  test_assert_finalize (&url);
  test_assert_finalize (&shifted);
}

/* ---------------------------------------------------------------------- */
/* Names and values                                                        */

static void
test_id_is_valid (void)
{
  g_autofree char *longest = g_strnfill (128, 'a');
  g_autofree char *too_long = g_strnfill (129, 'a');
  const struct
  {
    const char *id;
    gboolean    valid;
  } cases[] = {
    { "a", TRUE },
    { "7", TRUE },
    { "yang-zhilin", TRUE },
    { "Yao_Shunyu.cs:2025-10", TRUE },
    { "example-summit-2026.ada-example.01", TRUE },
    { longest, TRUE },
    { too_long, FALSE },
    { "", FALSE },
    { NULL, FALSE },
    { "-a", FALSE },
    { ".a", FALSE },
    { "_a", FALSE },
    { ":a", FALSE },
    { "bad id!", FALSE },
    { "a b", FALSE },
    { "a/b", FALSE },
    { "a\\b", FALSE },
    { "a\"b", FALSE },
    { "a\tb", FALSE },
    { "a\nb", FALSE },
    { "é", FALSE },
    { "caf\xc3\xa9", FALSE },
    /* A Cyrillic "а" that looks like a Latin one. */
    { "\xd0\xb0", FALSE },
    { "杨植麟", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("id “%s”", cases[i].id);
      g_assert_cmpint (hs_id_is_valid (cases[i].id), ==, cases[i].valid);
    }
}

static void
test_url_is_web (void)
{
  static const struct
  {
    const char *url;
    gboolean    web;
  } cases[] = {
    { "https://example.org", TRUE },
    { "http://example.org/a?b=c#d", TRUE },
    { "HTTPS://EXAMPLE.ORG/", TRUE },
    { "Http://example.org", TRUE },
    { "https://例子.中国/路径", TRUE },
    { "javascript:alert(1)", FALSE },
    { "JavaScript:alert(1)", FALSE },
    { "file:///etc/passwd", FALSE },
    { "file://host/share", FALSE },
    { "data:text/html,<b>x</b>", FALSE },
    { "ftp://example.org", FALSE },
    { "mailto:a@example.org", FALSE },
    { "http://", FALSE },
    { "https://", FALSE },
    { "https:///path", FALSE },
    { "https://?q", FALSE },
    { "http:example.org", FALSE },
    { "//example.org", FALSE },
    { "example.org", FALSE },
    { " https://example.org", FALSE },
    { "https://example.org ", FALSE },
    { "https://exa mple.org", FALSE },
    { "https://example.org/\n", FALSE },
    { "https://example.org/\t", FALSE },
    { "https://example.org/\x7f", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("url “%s”", cases[i].url);
      g_assert_cmpint (hs_url_is_web (cases[i].url), ==, cases[i].web);
    }
}

static void
test_names (void)
{
  /* The names files and the database use, both ways. */
  for (int status = HS_STATUS_OPEN; status <= HS_STATUS_AMBIGUOUS; status++)
    {
      HsStatus back = -1;

      g_assert_true (hs_status_from_string (hs_status_to_string (status), &back));
      g_assert_cmpint (back, ==, status);
    }
  for (int kind = HS_SOURCE_KIND_TALK; kind <= HS_SOURCE_KIND_POST; kind++)
    {
      HsSourceKind back = -1;

      g_assert_true (hs_source_kind_from_string (hs_source_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
    }
  for (int kind = HS_RELATION_SUPPORTS; kind <= HS_RELATION_SAME_AS; kind++)
    {
      HsRelationKind back = -1;

      g_assert_true (hs_relation_kind_from_string (hs_relation_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
    }

  g_assert_cmpstr (hs_status_to_string (HS_STATUS_PARTIAL), ==, "partial");
  g_assert_cmpstr (hs_relation_kind_to_string (HS_RELATION_SAME_AS), ==, "same-as");
  g_assert_cmpstr (hs_source_kind_to_string (HS_SOURCE_KIND_NEWSLETTER), ==, "newsletter");

  {
    HsStatus status = HS_STATUS_CONFIRMED;
    HsSourceKind kind = HS_SOURCE_KIND_TALK;
    HsRelationKind relation = HS_RELATION_REVISES;

    /* Names are exact: no case folding, no synonyms; failures leave the value. */
    g_assert_false (hs_status_from_string ("Confirmed", &status));
    g_assert_false (hs_status_from_string ("maybe", &status));
    g_assert_false (hs_status_from_string (NULL, &status));
    g_assert_cmpint (status, ==, HS_STATUS_CONFIRMED);
    g_assert_false (hs_source_kind_from_string ("tweet", &kind));
    g_assert_cmpint (kind, ==, HS_SOURCE_KIND_TALK);
    g_assert_false (hs_relation_kind_from_string ("likes", &relation));
    g_assert_false (hs_relation_kind_from_string ("same_as", &relation));
    g_assert_cmpint (relation, ==, HS_RELATION_REVISES);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  test_init_environment ();

  g_test_add_func ("/core/model/speaker/properties", test_speaker_properties);
  g_test_add_func ("/core/model/source/properties", test_source_properties);
  g_test_add_func ("/core/model/topic/properties", test_topic_properties);
  g_test_add_func ("/core/model/claim/properties", test_claim_properties);
  g_test_add_func ("/core/model/prediction/properties", test_prediction_properties);
  g_test_add_func ("/core/model/resolution/properties", test_resolution_properties);
  g_test_add_func ("/core/model/speaker/differs", test_speaker_differs);
  g_test_add_func ("/core/model/source/differs", test_source_differs);
  g_test_add_func ("/core/model/topic/differs", test_topic_differs);
  g_test_add_func ("/core/model/claim/differs", test_claim_differs);
  g_test_add_func ("/core/model/resolution/differs", test_resolution_differs);
  g_test_add_func ("/core/model/prediction/status", test_prediction_status);
  g_test_add_func ("/core/model/prediction/coarse-dates", test_prediction_coarse_dates);
  g_test_add_func ("/core/model/prediction/overdue", test_prediction_overdue);
  g_test_add_func ("/core/model/resolution/derive-id", test_resolution_derive_id);
  g_test_add_func ("/core/model/id-is-valid", test_id_is_valid);
  g_test_add_func ("/core/model/url-is-web", test_url_is_web);
  g_test_add_func ("/core/model/names", test_names);

  return g_test_run ();
}
