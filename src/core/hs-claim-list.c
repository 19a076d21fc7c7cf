/* hs-claim-list.c: a list model of claims that loads only what is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A query's result is kept as an array of rowids (eight bytes a row, so a
 * million rows are 8 MB); a claim becomes an object only when a view asks
 * for its row, and a small cache keeps the rows on screen from being loaded
 * again at every redraw.
 *
 * The rows arrive the way a person reads them: the first page at once,
 * from a cursor over an index in the list's order, the rest in short
 * batches while the main loop is idle, so a new search shows its first
 * rows within a frame even when it matches a million.
 */

#define G_LOG_DOMAIN "hindsight-core"

#include <string.h>

#include "hs-claim-list.h"

/* About four screens of rows. */
#define CACHE_SIZE 256
/* Rows read before a query returns: more than a screen. */
#define FIRST_PAGE 500
/* How long one idle batch may take: well within a frame. */
#define BATCH_USEC 6000

struct _HsClaimList
{
  GObject     parent_instance;

  HsStore    *store;
  HsQuery     query;
  /* The query's strings, owned here (HsQuery borrows them). */
  char       *speaker_id;
  char       *topic_id;
  char       *source_id;
  char       *search;

  guint       first_page; /* rows read before a query returns */
  GArray     *rows;     /* gint64 rowids, in order */
  GHashTable *cache;    /* position → HsClaim */
  GQueue      recent;   /* positions, most recently used first */

  HsStoreCursor *cursor; /* while more rows are coming */
  guint       loader;   /* the idle source reading them */
};

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void hs_claim_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsClaimList, hs_claim_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hs_claim_list_model_init))

static GType
hs_claim_list_get_item_type (GListModel *model)
{
  return HS_TYPE_CLAIM;
}

static guint
hs_claim_list_get_n_items (GListModel *model)
{
  HsClaimList *self = HS_CLAIM_LIST (model);

  return self->rows->len;
}

static gpointer
hs_claim_list_get_item (GListModel *model,
                        guint       position)
{
  HsClaimList *self = HS_CLAIM_LIST (model);
  g_autoptr(GError) error = NULL;
  HsClaim *claim;

  if (position >= self->rows->len)
    return NULL;

  if ((claim = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (position))))
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (position));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (position));
      return g_object_ref (claim);
    }

  claim = hs_store_get_claim_at (self->store, g_array_index (self->rows, gint64, position), &error);
  if (claim == NULL)
    {
      /* A row deleted by another program since the query: the list is
       * stale until reloaded, and GListModel cannot say "no item" for a
       * position inside the list, so an empty claim stands in. */
      g_warning ("Cannot load row %u of the list: %s", position, error->message);
      return hs_claim_new ("-", NULL, NULL);
    }

  g_hash_table_insert (self->cache, GUINT_TO_POINTER (position), g_object_ref (claim));
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (position));
  if (self->recent.length > CACHE_SIZE)
    g_hash_table_remove (self->cache, g_queue_pop_tail (&self->recent));

  return claim;
}

static void
hs_claim_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hs_claim_list_get_item_type;
  iface->get_n_items = hs_claim_list_get_n_items;
  iface->get_item = hs_claim_list_get_item;
}

static void
clear_query_strings (HsClaimList *self)
{
  g_clear_pointer (&self->speaker_id, g_free);
  g_clear_pointer (&self->topic_id, g_free);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->search, g_free);
}

static void
stop_loading (HsClaimList *self)
{
  gboolean was_loading = self->cursor != NULL;

  g_clear_handle_id (&self->loader, g_source_remove);
  g_clear_pointer (&self->cursor, hs_store_cursor_free);
  if (was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Reads rows for up to @budget microseconds (or all of them for a negative
 * budget), and tells views about them. */
static gboolean
load_more (HsClaimList *self,
           gint64       budget)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint before = self->rows->len;
  gboolean done = FALSE;

  while (!done && (budget < 0 || g_get_monotonic_time () - start < budget))
    if (!hs_store_cursor_fetch (self->cursor, self->rows, 2048, &done, &error))
      {
        g_warning ("Cannot list every claim: %s", error->message);
        done = TRUE;
      }

  if (self->rows->len > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, self->rows->len - before);
  return done;
}

static gboolean
load_more_cb (gpointer user_data)
{
  HsClaimList *self = user_data;

  if (!load_more (self, BATCH_USEC))
    return G_SOURCE_CONTINUE;
  self->loader = 0;
  stop_loading (self);
  return G_SOURCE_REMOVE;
}

static void
hs_claim_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HsClaimList *self = HS_CLAIM_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->cursor != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_claim_list_finalize (GObject *object)
{
  HsClaimList *self = (HsClaimList *) object;

  g_clear_handle_id (&self->loader, g_source_remove);
  g_clear_pointer (&self->cursor, hs_store_cursor_free);
  g_clear_object (&self->store);
  clear_query_strings (self);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_queue_clear (&self->recent);

  G_OBJECT_CLASS (hs_claim_list_parent_class)->finalize (object);
}

static void
hs_claim_list_class_init (HsClaimListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hs_claim_list_finalize;
  object_class->get_property = hs_claim_list_get_property;

  /* TRUE while the query's later rows are still being read. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_claim_list_init (HsClaimList *self)
{
  hs_query_init (&self->query);
  self->first_page = FIRST_PAGE;
  self->rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_queue_init (&self->recent);
}

/**
 * hs_claim_list_new:
 *
 * Returns: (transfer full): an empty list; set a query to fill it
 */
HsClaimList *
hs_claim_list_new (HsStore *store)
{
  HsClaimList *self;

  g_return_val_if_fail (HS_IS_STORE (store), NULL);

  self = g_object_new (HS_TYPE_CLAIM_LIST, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * hs_claim_list_get_store:
 *
 * Returns: (transfer none): the store
 */
HsStore *
hs_claim_list_get_store (HsClaimList *self)
{
  g_return_val_if_fail (HS_IS_CLAIM_LIST (self), NULL);
  return self->store;
}

/**
 * hs_claim_list_set_first_page:
 * @n_rows: how many rows the next queries read before they return, the
 *   rest following in idle batches; 0 for the default (500)
 *
 * A view shown for the first time makes a row for every item up to a
 * limit (200 in GTK 4.8's list view) in its first frame: a list that
 * starts with fewer rows draws its first frame sooner.
 */
void
hs_claim_list_set_first_page (HsClaimList *self,
                              guint        n_rows)
{
  g_return_if_fail (HS_IS_CLAIM_LIST (self));
  self->first_page = n_rows > 0 ? n_rows : FIRST_PAGE;
}

/**
 * hs_claim_list_reload:
 *
 * Runs the query again, after the store changed, and tells views what
 * changed (the whole list: a query cannot say which rows moved).
 */
gboolean
hs_claim_list_reload (HsClaimList  *self,
                      GError      **error)
{
  g_autoptr(HsStoreCursor) cursor = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean done = FALSE;
  guint removed;

  g_return_val_if_fail (HS_IS_CLAIM_LIST (self), FALSE);

  if (!(cursor = hs_store_open_claim_cursor (self->store, &self->query, error)) ||
      !hs_store_cursor_fetch (cursor, rows, self->first_page, &done, error))
    return FALSE;

  stop_loading (self);
  removed = self->rows->len;
  g_array_unref (self->rows);
  self->rows = g_steal_pointer (&rows);
  g_hash_table_remove_all (self->cache);
  g_queue_clear (&self->recent);

  if (!done)
    {
      self->cursor = g_steal_pointer (&cursor);
      self->loader = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_more_cb, self, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }

  if (removed > 0 || self->rows->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->rows->len);
  return TRUE;
}

gboolean
hs_claim_list_is_loading (HsClaimList *self)
{
  g_return_val_if_fail (HS_IS_CLAIM_LIST (self), FALSE);
  return self->cursor != NULL;
}

/* Reads every remaining row now: for when one must be found. */
void
hs_claim_list_finish_loading (HsClaimList *self)
{
  g_return_if_fail (HS_IS_CLAIM_LIST (self));

  if (self->cursor == NULL)
    return;
  load_more (self, -1);
  stop_loading (self);
}

/**
 * hs_claim_list_set_query:
 * @query: what to list; its strings are copied
 *
 * On failure (a search the database cannot run) the list keeps its rows.
 */
gboolean
hs_claim_list_set_query (HsClaimList    *self,
                         const HsQuery  *query,
                         GError        **error)
{
  HsQuery previous = self->query;
  char *strings[4] = { self->speaker_id, self->topic_id, self->source_id, self->search };

  g_return_val_if_fail (HS_IS_CLAIM_LIST (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  self->query = *query;
  self->speaker_id = g_strdup (query->speaker_id);
  self->topic_id = g_strdup (query->topic_id);
  self->source_id = g_strdup (query->source_id);
  self->search = g_strdup (query->search);
  self->query.speaker_id = self->speaker_id;
  self->query.topic_id = self->topic_id;
  self->query.source_id = self->source_id;
  self->query.search = self->search;

  if (!hs_claim_list_reload (self, error))
    {
      clear_query_strings (self);
      self->query = previous;
      self->speaker_id = strings[0];
      self->topic_id = strings[1];
      self->source_id = strings[2];
      self->search = strings[3];
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_free (strings[i]);
  return TRUE;
}

/**
 * hs_claim_list_find:
 *
 * Returns: the position of the claim @claim_id, or %G_MAXUINT when the
 *   list does not hold it
 */
guint
hs_claim_list_find (HsClaimList *self,
                    const char  *claim_id)
{
  gint64 rowid;

  g_return_val_if_fail (HS_IS_CLAIM_LIST (self), G_MAXUINT);

  rowid = hs_store_get_claim_rowid (self->store, claim_id, NULL);
  if (rowid <= 0)
    return G_MAXUINT;
  hs_claim_list_finish_loading (self);
  /* A scan of the rowids, not of claims: a million rows take a millisecond. */
  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, gint64, i) == rowid)
      return i;
  return G_MAXUINT;
}
