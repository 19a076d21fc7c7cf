/* hs-frame-probe.c: how long a program takes to show its first window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   hs-frame-probe [--timeout S] [--min-size PX] -- PROGRAM [ARGS…]
 *
 * Starts PROGRAM on the X display in $DISPLAY and prints, as JSON, the time
 * from just before it was started to the moment its first window of at
 * least PX × PX was mapped, and to the moment that window first held a
 * drawing (not one flat colour); then ends the program. The program is not
 * changed or told anything: the same measure applies to Hindsight and to the
 * program it is compared with (gtk4-demo), started the same way.
 *
 * The probe listens rather than polls, so it takes no CPU from the program
 * it times: windows are seen as the server creates and maps them
 * (SubstructureNotify on the root window), and drawing as the server
 * receives it (an XDamage object on each new window). At each damage to the
 * mapped window, three rows of pixels are read back to tell a drawn frame
 * from the background the server fills in.
 */

#define G_LOG_DOMAIN "hs-frame-probe"

#include <errno.h>
#include <glib.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

typedef struct
{
  Window   window;
  Damage   damage;
  int      width;
  int      height;
  gboolean mapped;
} Tracked;

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static int
ignore_errors (Display     *dpy,
               XErrorEvent *event)
{
  /* A window may be gone before the probe looks at it. */
  return 0;
}

/* TRUE when the rows at the top, middle and bottom of @w are not all one
 * colour: something was drawn, not just the background. */
static gboolean
has_drawing (Display *dpy,
             Tracked *t)
{
  int rows[3] = { MIN (20, t->height - 1), t->height / 2, MAX (t->height - 20, 0) };
  unsigned long first = 0;
  gboolean have_first = FALSE;

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      XImage *image = XGetImage (dpy, t->window, 0, rows[r], (unsigned) t->width, 1, AllPlanes,
                                 ZPixmap);
      gboolean differs = FALSE;

      if (image == NULL)
        return FALSE;
      for (int x = 0; x < t->width && !differs; x++)
        {
          unsigned long pixel = XGetPixel (image, x, 0) & 0xffffff;

          if (!have_first)
            {
              first = pixel;
              have_first = TRUE;
            }
          else if (pixel != first)
            differs = TRUE;
        }
      XDestroyImage (image);
      if (differs)
        return TRUE;
    }
  return FALSE;
}

static Tracked *
find (GArray *tracked,
      Window  window)
{
  for (guint i = 0; i < tracked->len; i++)
    if (g_array_index (tracked, Tracked, i).window == window)
      return &g_array_index (tracked, Tracked, i);
  return NULL;
}

static void
stop_child (pid_t pid)
{
  int status;

  kill (pid, SIGTERM);
  for (int i = 0; i < 200; i++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        return;
      g_usleep (10000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) tracked = g_array_new (FALSE, TRUE, sizeof (Tracked));
  double timeout = 30;
  gint min_size = 200;
  const GOptionEntry entries[] = {
    { "timeout", 0, 0, G_OPTION_ARG_DOUBLE, &timeout, "Give up after S seconds (default 30)", "S" },
    { "min-size", 0, 0, G_OPTION_ARG_INT, &min_size,
      "Ignore windows smaller than PX × PX (default 200)", "PX" },
    { NULL },
  };
  Display *dpy;
  int damage_event, damage_error;
  double t0, mapped_at = -1, painted_at = -1;
  Window target = None;
  pid_t pid;
  int status;
  const char *outcome = "timeout";
  gint64 peak_kib = -1;

  context = g_option_context_new ("-- PROGRAM [ARGS…] - time a program's first window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "hs-frame-probe: %s\n", error->message);
      return 2;
    }
  /* GLib keeps the "--" when options for the program follow it. */
  if (argc >= 2 && strcmp (argv[1], "--") == 0)
    {
      argv++;
      argc--;
    }
  if (argc < 2)
    {
      fprintf (stderr, "usage: hs-frame-probe [--timeout S] [--min-size PX] -- PROGRAM [ARGS…]\n");
      return 2;
    }

  if (!(dpy = XOpenDisplay (NULL)))
    {
      fprintf (stderr, "hs-frame-probe: cannot open the display %s\n", g_getenv ("DISPLAY"));
      return 1;
    }
  if (!XDamageQueryExtension (dpy, &damage_event, &damage_error))
    {
      fprintf (stderr, "hs-frame-probe: the X server has no DAMAGE extension\n");
      return 1;
    }
  XSetErrorHandler (ignore_errors);
  XSelectInput (dpy, DefaultRootWindow (dpy), SubstructureNotifyMask);
  XSync (dpy, False);

  t0 = now ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("hs-frame-probe: fork");
      return 1;
    }
  if (pid == 0)
    {
      close (ConnectionNumber (dpy));
      execvp (argv[1], argv + 1);
      fprintf (stderr, "hs-frame-probe: cannot run %s: %s\n", argv[1], g_strerror (errno));
      _exit (127);
    }

  while (painted_at < 0)
    {
      struct pollfd fd = { ConnectionNumber (dpy), POLLIN, 0 };
      double left = t0 + timeout - now ();

      if (left <= 0)
        break;
      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          outcome = "exited";
          pid = 0;
          break;
        }
      if (XPending (dpy) == 0)
        {
          poll (&fd, 1, (int) MIN (left * 1000, 50));
          continue;
        }

      while (XPending (dpy) > 0 && painted_at < 0)
        {
          XEvent event;
          Tracked *t;

          XNextEvent (dpy, &event);
          if (event.type == CreateNotify && event.xcreatewindow.parent == DefaultRootWindow (dpy))
            {
              Tracked fresh = { 0 };

              fresh.window = event.xcreatewindow.window;
              fresh.width = event.xcreatewindow.width;
              fresh.height = event.xcreatewindow.height;
              fresh.damage = XDamageCreate (dpy, fresh.window, XDamageReportNonEmpty);
              g_array_append_val (tracked, fresh);
            }
          else if (event.type == ConfigureNotify && (t = find (tracked, event.xconfigure.window)))
            {
              t->width = event.xconfigure.width;
              t->height = event.xconfigure.height;
            }
          else if (event.type == MapNotify && (t = find (tracked, event.xmap.window)))
            {
              t->mapped = TRUE;
              if (target == None && t->width >= min_size && t->height >= min_size)
                {
                  target = t->window;
                  mapped_at = now ();
                  if (has_drawing (dpy, t))
                    painted_at = now ();
                }
            }
          else if (event.type == damage_event + XDamageNotify)
            {
              XDamageNotifyEvent *damage = (XDamageNotifyEvent *) &event;

              XDamageSubtract (dpy, damage->damage, None, None);
              if (damage->drawable == target && (t = find (tracked, target)) && has_drawing (dpy, t))
                painted_at = now ();
            }
        }
    }

  if (painted_at >= 0)
    outcome = "painted";
  if (pid > 0)
    {
      /* The program's peak memory up to its first frame. */
      g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
      g_autofree char *status_text = NULL;
      const char *line;

      if (g_file_get_contents (path, &status_text, NULL, NULL) &&
          (line = strstr (status_text, "VmHWM:")))
        peak_kib = g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
      stop_child (pid);
    }

  printf ("{\"outcome\":\"%s\",\"mapped_s\":", outcome);
  if (mapped_at >= 0)
    printf ("%.6f", mapped_at - t0);
  else
    printf ("null");
  printf (",\"painted_s\":");
  if (painted_at >= 0)
    printf ("%.6f", painted_at - t0);
  else
    printf ("null");
  printf (",\"peak_kib\":%" G_GINT64_FORMAT "}\n", peak_kib);

  XCloseDisplay (dpy);
  return painted_at >= 0 ? 0 : 1;
}
