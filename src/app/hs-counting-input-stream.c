/* hs-counting-input-stream.c: a stream that says how much of it was read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import reads its file in a worker thread; the window shows how far
 * it got. This stream counts the bytes that pass through it and reports
 * them to the main context at most ten times a second, so that a fast
 * reader does not flood the main loop. The report is a copy of the
 * numbers: the main context never touches the stream.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include "hs-counting-input-stream.h"

/* Reports are at least this far apart, in microseconds. */
#define REPORT_INTERVAL (G_USEC_PER_SEC / 10)

/* What the callback, its data and its context are: shared by the stream
 * and the reports on their way, freed with the last of them. */
typedef struct
{
  gatomicrefcount  ref_count;
  GMainContext    *context;
  HsProgressFunc   func;
  gpointer         user_data;
  GDestroyNotify   destroy;
} Listener;

typedef struct
{
  Listener *listener;
  guint64   read;
  guint64   total;
} Report;

struct _HsCountingInputStream
{
  GFilterInputStream  parent_instance;

  guint64             read;
  guint64             total;
  gint64              last_report;
  Listener           *listener;
};

G_DEFINE_FINAL_TYPE (HsCountingInputStream, hs_counting_input_stream, G_TYPE_FILTER_INPUT_STREAM)

static Listener *
listener_ref (Listener *listener)
{
  g_atomic_ref_count_inc (&listener->ref_count);
  return listener;
}

static gboolean
release_cb (gpointer data)
{
  Listener *listener = data;

  listener->destroy (listener->user_data);
  return G_SOURCE_REMOVE;
}

static void
listener_free (Listener *listener)
{
  g_main_context_unref (listener->context);
  g_free (listener);
}

static void
listener_unref (Listener *listener)
{
  if (!g_atomic_ref_count_dec (&listener->ref_count))
    return;
  /* The data belongs to the main context: it is let go there. */
  if (listener->destroy != NULL)
    g_main_context_invoke_full (listener->context, G_PRIORITY_DEFAULT, release_cb, listener,
                                (GDestroyNotify) listener_free);
  else
    listener_free (listener);
}

static void
report_free (Report *report)
{
  listener_unref (report->listener);
  g_free (report);
}

static gboolean
deliver_report (gpointer data)
{
  Report *report = data;

  report->listener->func (report->read, report->total, report->listener->user_data);
  return G_SOURCE_REMOVE;
}

static void
report (HsCountingInputStream *self,
        gboolean               force)
{
  gint64 now = g_get_monotonic_time ();
  Report *message;

  if (self->listener == NULL || (!force && now - self->last_report < REPORT_INTERVAL))
    return;
  self->last_report = now;

  message = g_new (Report, 1);
  message->listener = listener_ref (self->listener);
  message->read = self->read;
  message->total = self->total;
  g_main_context_invoke_full (self->listener->context, G_PRIORITY_DEFAULT, deliver_report, message,
                              (GDestroyNotify) report_free);
}

static gssize
hs_counting_input_stream_read (GInputStream  *stream,
                               void          *buffer,
                               gsize          count,
                               GCancellable  *cancellable,
                               GError       **error)
{
  HsCountingInputStream *self = HS_COUNTING_INPUT_STREAM (stream);
  GInputStream *base = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (stream));
  gssize n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  n = g_input_stream_read (base, buffer, count, cancellable, error);
  if (n > 0)
    {
      self->read += n;
      report (self, FALSE);
    }
  else if (n == 0)
    report (self, TRUE);
  return n;
}

static gssize
hs_counting_input_stream_skip (GInputStream  *stream,
                               gsize          count,
                               GCancellable  *cancellable,
                               GError       **error)
{
  HsCountingInputStream *self = HS_COUNTING_INPUT_STREAM (stream);
  GInputStream *base = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (stream));
  gssize n = g_input_stream_skip (base, count, cancellable, error);

  if (n > 0)
    {
      self->read += n;
      report (self, FALSE);
    }
  return n;
}

static void
hs_counting_input_stream_finalize (GObject *object)
{
  HsCountingInputStream *self = (HsCountingInputStream *) object;

  g_clear_pointer (&self->listener, listener_unref);

  G_OBJECT_CLASS (hs_counting_input_stream_parent_class)->finalize (object);
}

static void
hs_counting_input_stream_class_init (HsCountingInputStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = hs_counting_input_stream_finalize;
  stream_class->read_fn = hs_counting_input_stream_read;
  stream_class->skip = hs_counting_input_stream_skip;
}

static void
hs_counting_input_stream_init (HsCountingInputStream *self)
{
}

/**
 * hs_counting_input_stream_new:
 * @total: the size of @base, or 0 when unknown (a pipe)
 * @context: (nullable): where @func runs; %NULL for the global default
 * @func: (nullable): told the progress, at most ten times a second and
 *   once at the end
 * @destroy: (nullable): frees @user_data, in @context, after the last call
 *
 * Returns: (transfer full): a stream reading @base
 */
GInputStream *
hs_counting_input_stream_new (GInputStream   *base,
                              guint64         total,
                              GMainContext   *context,
                              HsProgressFunc  func,
                              gpointer        user_data,
                              GDestroyNotify  destroy)
{
  HsCountingInputStream *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (base), NULL);

  self = g_object_new (HS_TYPE_COUNTING_INPUT_STREAM, "base-stream", base, NULL);
  self->total = total;
  if (func != NULL)
    {
      self->listener = g_new0 (Listener, 1);
      g_atomic_ref_count_init (&self->listener->ref_count);
      self->listener->context = context ? g_main_context_ref (context) : g_main_context_ref_thread_default ();
      self->listener->func = func;
      self->listener->user_data = user_data;
      self->listener->destroy = destroy;
    }
  else if (destroy != NULL)
    destroy (user_data);
  return G_INPUT_STREAM (self);
}

/* The bytes read so far. */
guint64
hs_counting_input_stream_get_read (HsCountingInputStream *self)
{
  g_return_val_if_fail (HS_IS_COUNTING_INPUT_STREAM (self), 0);
  return self->read;
}
