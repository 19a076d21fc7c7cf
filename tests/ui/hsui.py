# SPDX-License-Identifier: GPL-3.0-or-later
"""Drive the real Hindsight window through accessibility, as a person would.

The UI tests start the installed-in-the-build-tree program under Xvfb (see
run-ui-test.sh), find it on the AT-SPI bus with dogtail, and then look at it
and act on it only through what a screen reader sees: accessible names,
roles, states and actions, plus synthesized mouse clicks and key presses.

Every wait polls for a state with a bounded timeout; nothing sleeps for a
fixed time. Every App is killed at the end, whatever happens.

Environment:
  HINDSIGHT_APP         the hindsight executable (required)
  HINDSIGHT_CLI         hindsight-cli, to prepare databases and read the data
  GSETTINGS_SCHEMA_DIR  where the compiled schema of the build tree is
  HINDSIGHT_TODAY       the pinned "today" (default 2026-11-22)
  HSUI_TIMEOUT          seconds a single wait may take (default 10)
"""

import atexit
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import unittest
import warnings
import zlib

# dogtail logs every search to a file and to stdout and sleeps after every
# action unless told otherwise; the tests wait for state instead.
from dogtail.config import config as _dogtail_config

_dogtail_config.logDebugToFile = False
_dogtail_config.logDebugToStdOut = False
_dogtail_config.actionDelay = 0
_dogtail_config.typingDelay = 0
_dogtail_config.defaultDelay = 0
_dogtail_config.searchBackoffDuration = 0.1
_dogtail_config.searchCutoffCount = 1

from dogtail import rawinput  # noqa: E402
from dogtail.tree import SearchError, root  # noqa: E402
from gi.repository import Atspi, GLib  # noqa: E402
import pyatspi  # noqa: E402

# pyatspi calls libatspi functions that newer libatspi deprecates, and
# libatspi warns that GTK 4.8 has no AT-SPI cache to offer: neither says
# anything about Hindsight, and both would bury what does.
def quiet_pyatspi():
    warnings.filterwarnings("ignore", category=DeprecationWarning, module="pyatspi")


quiet_pyatspi()


def _quiet_dbind(domain, level, message, user_data):
    if "/org/a11y/atspi/cache" not in message:
        print(f"({domain}) {message}", file=sys.stderr)


GLib.log_set_handler("dbind", GLib.LogLevelFlags.LEVEL_WARNING, _quiet_dbind, None)

TIMEOUT = float(os.environ.get("HSUI_TIMEOUT", "10"))
POLL = 0.03
TRACE = bool(os.environ.get("HSUI_TRACE"))


def trace(message):
    if TRACE:
        print(f"      [{time.monotonic():.2f}] {message}", file=sys.stderr)

_live_apps = []


def _kill_live_apps():
    for app in list(_live_apps):
        app.stop()


atexit.register(_kill_live_apps)


def _exit_on_term(signum, frame):
    # meson's timeout sends SIGTERM: turn it into an exit, so that atexit
    # kills the app instead of leaving it behind.
    sys.exit(128 + signum)


signal.signal(signal.SIGTERM, _exit_on_term)


class Timeout(AssertionError):
    pass


def wait_for(probe, what, timeout=None):
    """Polls probe() until it returns something true and returns that.

    A probe that raises (a node vanished while the list was rebuilt) counts
    as "not yet". On timeout, fails naming what was awaited and what was
    last seen.
    """
    started = time.monotonic()
    deadline = started + (timeout or TIMEOUT)
    last = None
    while True:
        try:
            value = probe()
            if value:
                trace(f"{time.monotonic() - started:.2f} s for {what}")
                return value
            last = value
        except Exception as error:  # noqa: BLE001 - AT-SPI raises GLib errors
            last = error
        if time.monotonic() > deadline:
            raise Timeout(f"timed out after {timeout or TIMEOUT:.0f} s waiting for {what}; "
                          f"last seen: {last!r}")
        time.sleep(POLL)


# Nodes -------------------------------------------------------------------


def role(node):
    return node.getRoleName()


def children(node):
    out = []
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            out.append(child)
    return out


def walk(node, prune=None):
    """Depth-first, in the order a screen reader reads."""
    yield node
    if prune is not None and prune(node):
        return
    for child in children(node):
        yield from walk(child, prune)


def find(node, pred, prune=None):
    for n in walk(node, prune):
        if pred(n):
            return n
    return None


def find_all(node, pred, prune=None):
    return [n for n in walk(node, prune) if pred(n)]


def is_list(node):
    """Lists are long: searches for the parts around them skip their rows."""
    return role(node) in ("list", "table")


def labels(node):
    return [n.name for n in walk(node) if role(n) == "label"]


def has_state(node, state):
    return node.getState().contains(state)


def actions(node):
    try:
        action = node.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def extents(node):
    return node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)


def is_drawn(node):
    """True when the widget has a size, which hidden stack pages have not."""
    box = extents(node)
    return box.width > 0 and box.height > 0


def do_action(node, name):
    names = actions(node)
    if name not in names:
        raise AssertionError(f"{role(node)} {node.name!r} offers no {name!r} action, only {names}")
    node.queryAction().doAction(names.index(name))


# Files -------------------------------------------------------------------


def png_info(path):
    """Width, height and number of distinct colours of a PNG (8-bit RGB or
    RGBA, not interlaced), decoded with zlib only. Counting stops at 1000
    colours, more than any test needs."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise AssertionError(f"{path} is not a PNG")
    pos = 8
    idat = []
    width = height = depth = colour = interlace = None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]:
            raise AssertionError(f"{path}: bad CRC in {kind!r}")
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if width is None or not idat:
        raise AssertionError(f"{path}: no IHDR or no IDAT")
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise AssertionError(f"{path}: unexpected format depth={depth} colour={colour}")
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(b"".join(idat))
    if len(raw) != height * (stride + 1):
        raise AssertionError(f"{path}: {len(raw)} bytes of pixels, expected {height * (stride + 1)}")

    colours = set()
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + previous[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif kind != 0:
            raise AssertionError(f"{path}: bad filter type {kind} on row {y}")
        for x in range(0, stride, bpp):
            colours.add(bytes(line[x:x + bpp]))
        previous = line
        if len(colours) > 1000:
            break
    return width, height, len(colours)


def png_pixel(path, x, y):
    """The colour of one pixel of a PNG (8-bit RGB or RGBA, not interlaced)
    as a tuple of 3 or 4 bytes, decoded with zlib only."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise AssertionError(f"{path} is not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        raise AssertionError(f"{path}: unexpected format depth={depth} colour={colour}")
    if not (0 <= x < width and 0 <= y < height):
        raise AssertionError(f"({x}, {y}) is outside {path} ({width}×{height})")
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(b"".join(idat))
    previous = bytearray(stride)
    for row in range(y + 1):
        start = row * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = previous[i]
            corner = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else (up if pb <= pc else corner))) & 0xFF
        previous = line
    return tuple(previous[x * bpp:(x + 1) * bpp])


_CLIPBOARD_READER = """
import json, gi
gi.require_version("Gtk", "4.0")
from gi.repository import GLib, Gtk
Gtk.init()
from gi.repository import Gdk
clipboard = Gdk.Display.get_default().get_clipboard()
loop, out = GLib.MainLoop(), {}
def done(source, result):
    try:
        texture = source.read_texture_finish(result)
        out["size"] = [texture.get_width(), texture.get_height()]
    except GLib.Error as error:
        out["error"] = error.message
    loop.quit()
clipboard.read_texture_async(None, done)
GLib.timeout_add_seconds(10, loop.quit)
loop.run()
print(json.dumps(out))
"""


def clipboard_image_size():
    """The width and height of the image on the X clipboard, read by another
    GTK program as a paste would, or None when it holds no image."""
    env = dict(os.environ, NO_AT_BRIDGE="1", GTK_A11Y="none", GDK_BACKEND="x11")
    env.pop("G_DEBUG", None)
    result = subprocess.run(["/usr/bin/python3", "-c", _CLIPBOARD_READER], capture_output=True,
                            text=True, env=env, timeout=30)
    lines = result.stdout.strip().splitlines()
    answer = json.loads(lines[-1]) if lines else {}
    return tuple(answer["size"]) if "size" in answer else None


def window_icons(pid, title):
    """The icons the window manager is offered for the X window of process
    pid titled title (its _NET_WM_ICON), read with libX11 as a window
    manager would: {(width, height): [ARGB pixel, …]}, {} when there is
    none, None when no such window is found."""
    import ctypes
    import ctypes.util

    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    c_ulong_p = ctypes.POINTER(ctypes.c_ulong)
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, c_ulong_p, c_ulong_p,
                               ctypes.POINTER(c_ulong_p), ctypes.POINTER(ctypes.c_uint)]
    x11.XGetWindowProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long,
                                       ctypes.c_long, ctypes.c_int, ctypes.c_ulong, c_ulong_p,
                                       ctypes.POINTER(ctypes.c_int), c_ulong_p, c_ulong_p,
                                       ctypes.POINTER(ctypes.c_void_p)]
    x11.XFree.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]

    display = x11.XOpenDisplay(None)
    if not display:
        raise AssertionError("cannot open the X display")
    try:
        def prop(window, name, kind):
            """A property's items: longs for format 32, else bytes."""
            actual, fmt = ctypes.c_ulong(), ctypes.c_int()
            count, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
            atom = x11.XInternAtom(display, name, False)
            kind_atom = x11.XInternAtom(display, kind, False)
            if x11.XGetWindowProperty(display, window, atom, 0, 1 << 24, False, kind_atom, ctypes.byref(actual),
                                      ctypes.byref(fmt), ctypes.byref(count), ctypes.byref(after),
                                      ctypes.byref(data)) != 0 or not data.value:
                return None
            try:
                if fmt.value == 32:
                    return list(ctypes.cast(data, ctypes.POINTER(ctypes.c_long))[:count.value])
                return ctypes.string_at(data, count.value)
            finally:
                x11.XFree(data)

        def windows(parent):
            root, up = ctypes.c_ulong(), ctypes.c_ulong()
            kids, n = c_ulong_p(), ctypes.c_uint()
            if not x11.XQueryTree(display, parent, ctypes.byref(root), ctypes.byref(up), ctypes.byref(kids),
                                  ctypes.byref(n)):
                return []
            found = list(kids[:n.value])
            if kids:
                x11.XFree(kids)
            return found + [w for child in found for w in windows(child)]

        for window in windows(x11.XDefaultRootWindow(display)):
            if (prop(window, b"_NET_WM_PID", b"CARDINAL") or [None])[0] != pid:
                continue
            if prop(window, b"_NET_WM_NAME", b"UTF8_STRING") != title.encode():
                continue
            icon = prop(window, b"_NET_WM_ICON", b"CARDINAL") or []
            icons, pos = {}, 0
            while pos + 2 <= len(icon):
                width, height = icon[pos], icon[pos + 1]
                icons[(width, height)] = [p & 0xFFFFFFFF for p in icon[pos + 2:pos + 2 + width * height]]
                pos += 2 + width * height
            return icons
        return None
    finally:
        x11.XCloseDisplay(display)


# The data, read through the CLI ---------------------------------------------


class Dataset:
    """What the bundled dataset says, read with hindsight-cli from a
    database of its own: the oracle the window is compared against."""

    def __init__(self):
        self.cli = os.environ.get("HINDSIGHT_CLI")
        if not self.cli:
            raise unittest.SkipTest("HINDSIGHT_CLI is not set")
        self.dir = tempfile.mkdtemp(prefix="hsui-data-")
        self.db = os.path.join(self.dir, "reference.db")
        self.run("init")
        self.claims = json.loads(self.run("claims", "--json"))

    def run(self, *args, db=None):
        result = subprocess.run([self.cli, "--db", db or self.db, *args], capture_output=True,
                                text=True, env=cli_env(), timeout=60)
        if result.returncode != 0:
            raise AssertionError(f"hindsight-cli {' '.join(args)} failed: {result.stderr}")
        return result.stdout

    def show(self, object_id):
        return json.loads(self.run("show", object_id, "--json"))

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def cli_env():
    env = dict(os.environ)
    env.update(LC_ALL="C.UTF-8", LANGUAGE="en", GSETTINGS_BACKEND="memory",
               HINDSIGHT_TODAY=os.environ.get("HINDSIGHT_TODAY", "2026-11-22"))
    return env


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def display_date(value):
    """A dataset date ("~2026-03", "2026-01-10") as the window words it."""
    approximate = value.startswith("~")
    parts = value.lstrip("~").split("-")
    if len(parts) == 3:
        text = f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    elif len(parts) == 2:
        text = f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    else:
        text = parts[0]
    return f"approx. {text}" if approximate else text


def date_key(value):
    """A dataset date as (year, month, day), coarse dates at their start."""
    parts = [int(p) for p in value.lstrip("~").split("-")]
    return tuple(parts + [0] * (3 - len(parts)))


def natural_key(text):
    """Orders "topic 2" before "topic 10", ignoring case."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text)]


# The program -------------------------------------------------------------


class Row:
    def __init__(self, index, item):
        self.index = index
        self.item = item
        row = item.getChildAtIndex(0)
        self.accessible = row.name
        box = row.getChildAtIndex(0)
        parts = children(box)
        header = [n.name for n in children(parts[0])]
        self.name = header[0]
        # The header holds the name, the native name when there is one and
        # the status badge of a prediction; the accessible sentence tells
        # which is which.
        self.rest = header[1:]
        self.text = parts[1].name
        self.source_line = parts[2].name
        self.topics = parts[3].name if len(parts) > 3 else ""
        self.date = self.source_line.rsplit(" · ", 1)[-1]
        self.selected = has_state(item, pyatspi.STATE_SELECTED)

    def __repr__(self):
        return f"<Row {self.index} {self.name} {self.date}: {self.text[:50]!r}>"


class Detail:
    """The claim shown in the detail pane, as it reads."""

    HEADINGS = ("Prediction", "Quote as Published", "Source", "Topics", "Related Claims",
                "Resolution History")

    def __init__(self, page):
        box = page
        while len(children(box)) == 1:
            box = children(box)[0]
        parts = children(box)
        header_labels = labels(parts[0])
        self.speaker = header_labels[0]
        self.role = header_labels[1] if len(header_labels) > 1 else None
        self.text = parts[1].name
        self.stated = parts[2].name
        self.sections = {}
        self.section_nodes = {}
        for part in parts[3:]:
            texts = labels(part)
            if texts:
                self.sections[texts[0]] = texts[1:]
                self.section_nodes[texts[0]] = part

    def section(self, prefix):
        for heading, texts in self.sections.items():
            if heading.startswith(prefix):
                return texts
        return None

    def __repr__(self):
        return f"<Detail {self.speaker}: {self.text[:60]!r} {list(self.sections)}>"


class App:
    """One run of the real program on a database of its own."""

    def __init__(self, db=None, extra_env=None):
        self.program = os.environ.get("HINDSIGHT_APP")
        if not self.program:
            raise unittest.SkipTest("HINDSIGHT_APP is not set (the app is not built)")
        self.dir = tempfile.mkdtemp(prefix="hsui-app-")
        self.db = db or os.path.join(self.dir, "hindsight.db")
        self.log_path = os.path.join(self.dir, "app.log")
        self.shot_path = os.path.join(self.dir, "screenshot.png")
        self.extra_env = extra_env or {}
        self.proc = None
        self.app = None
        self._cache = {}

    # Life

    def start(self):
        env = dict(os.environ)
        for name in ("NO_AT_BRIDGE", "GTK_A11Y", "G_DEBUG"):
            env.pop(name, None)
        # Not XDG_CACHE_HOME: with an empty cache fontconfig scans every
        # font again, a second or more on each start.
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
            env[name] = os.path.join(self.dir, name.lower())
        env.update(
            GSETTINGS_BACKEND="memory",
            HINDSIGHT_TODAY=os.environ.get("HINDSIGHT_TODAY", "2026-11-22"),
            HINDSIGHT_SCREENSHOT=self.shot_path,
            LANGUAGE="en",
            LC_ALL="C.UTF-8",
            # A critical is a bug: it ends the program, and the test with it.
            G_DEBUG="fatal-criticals",
        )
        env.update(self.extra_env)
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([self.program, "--db", self.db], env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        _live_apps.append(self)
        self.app = wait_for(self._find_on_bus, "the program to appear on the accessibility bus",
                            timeout=max(TIMEOUT, 20))
        self.window = wait_for(lambda: find(self.app, lambda n: role(n) == "frame"),
                               "the main window")
        wait_for(lambda: self.count_text(), "the count of claims under the list")
        return self

    def _find_on_bus(self):
        if self.proc.poll() is not None:
            raise AssertionError(f"hindsight exited with {self.proc.returncode}:\n{self.log_text()}")
        try:
            node = root.application("hindsight", retry=False)
        except SearchError:
            return None
        if node.get_process_id() != self.proc.pid:
            # Another program of that name, left over: never ours to drive.
            return None
        return node if node.childCount > 0 else None

    def stop(self):
        if self in _live_apps:
            _live_apps.remove(self)
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if getattr(self, "log", None):
            self.log.close()
            self.log = None

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def log_text(self):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def log_problems(self):
        """Criticals, and warnings from Hindsight's own code. GTK's warning
        that AT-SPI cannot report screen coordinates under X11 is expected:
        the tests ask for extents to click."""
        problems = []
        for line in self.log_text().splitlines():
            if "CRITICAL" in line or re.search(r"hindsight(-core)?-WARNING", line):
                problems.append(line)
        if self.proc is not None and self.proc.returncode not in (None, 0, -signal.SIGTERM):
            problems.append(f"hindsight exited with {self.proc.returncode}")
        return problems

    # Parts of the window, found once: the nodes live as long as their widgets

    def _part(self, key, pred, within=None):
        node = self._cache.get(key)
        if node is None:
            node = wait_for(lambda: find(within or self.window, pred, prune=is_list), key)
            self._cache[key] = node
        return node

    @property
    def claims_page(self):
        return self._part("the Claims page", lambda n: n.name == "HsClaimsPage")

    @property
    def search_entry(self):
        return self._part("the search entry",
                          lambda n: role(n) == "entry" and n.name == "Search claims",
                          self.claims_page)

    @property
    def claims_list(self):
        return self._part("the list of claims",
                          lambda n: role(n) == "list" and n.name == "Claims and predictions",
                          self.list_pane)

    @property
    def list_pane(self):
        """The search entry, the list and the count under it."""
        node = self._cache.get("list pane")
        if node is None:
            node = self._cache["list pane"] = self.search_entry.parent.parent
        return node

    def _child(self, key, parent, pred):
        node = self._cache.get(key)
        if node is None:
            node = wait_for(lambda: next((c for c in children(parent) if pred(c)), None), key)
            self._cache[key] = node
        return node

    @property
    def count_label(self):
        return self._child("the count label", self.list_pane,
                           lambda n: role(n) == "label" and re.fullmatch(r"\d+ (of \d+ )?claims?", n.name))

    @property
    def detail_pane(self):
        return self._child("the detail pane", self.list_pane.parent, lambda n: n.name == "Claim details")

    @property
    def filters_button(self):
        return self._part("the Filters button",
                          lambda n: role(n) == "push button" and re.fullmatch(r"Filters( \(\d+\))?", n.name)
                          and "click" in actions(n),
                          self.claims_page)

    # Reading

    def search_text(self):
        """What the search entry holds. (GTK 4.8 answers nothing to the
        usual "up to the end" offset of -1, so ask for the exact length.)"""
        text = self.search_entry.queryText()
        return text.getText(0, text.characterCount)

    def count_text(self):
        return self.count_label.name

    def rows(self):
        return [Row(i, item) for i, item in enumerate(children(self.claims_list))]

    def row_count(self):
        return self.claims_list.childCount

    def is_selected(self, index):
        return has_state(self.claims_list.getChildAtIndex(index), pyatspi.STATE_SELECTED)

    def selected_row(self):
        for row in self.rows():
            if row.selected:
                return row
        return None

    def _detail_pages(self):
        box = children(self.detail_pane)[0]
        toolbar, stack = children(box)[:2]
        return toolbar, children(stack)

    def detail(self):
        """The claim the detail pane shows, or None before it has shown
        one. (Once shown, the claim page keeps its size when the pane turns
        to "No Claim Selected", so this cannot tell that state apart.)"""
        _, pages = self._detail_pages()
        for page in pages:
            content = children(page)[0]
            if role(content) == "scroll pane" and is_drawn(content):
                return Detail(children(content)[0])
        return None

    def detail_toolbar_buttons(self):
        toolbar, _ = self._detail_pages()
        return children(toolbar)

    def back_button(self):
        for button in self.detail_toolbar_buttons():
            if "Back" in labels(button) or button.name == "Back":
                return button
        return None

    def detail_scroller(self):
        _, pages = self._detail_pages()
        for page in pages:
            content = children(page)[0]
            if role(content) == "scroll pane":
                return content
        return None

    def related_items(self):
        detail = self.detail()
        node = detail.section_nodes.get("Related Claims") if detail else None
        if node is None:
            return []
        related = find(node, lambda n: role(n) == "list")
        return children(related)

    def chips(self):
        """The active filters under the search entry: (shown text, button)."""
        box = next((c for c in children(self.list_pane) if c.name == "Active filters"), None)
        if box is None:
            return []
        out = []
        # A chip is named by its own words ("Speaker: Tang Jie 唐杰") and
        # described by what a click does.
        for button in find_all(box, lambda n: role(n) == "push button"
                               and (n.description or "").startswith("Remove the filter")):
            shown = [t for t in labels(button) if t]
            out.append((shown[0] if shown else "", button))
        return out

    def filters_popover_field(self, title):
        """A field of the Filters popover by its label: the Speaker
        dropdown, the From entry."""
        return find(self.search_entry.parent,
                    lambda n: role(n) in ("combo box", "text") and n.name.split(" ")[0] == title,
                    prune=is_list)

    def page_tabs(self):
        """The view switchers' tabs (the wide one in the header bar and the
        narrow one at the bottom), without walking into the pages."""
        stack = self.claims_page.parent
        return [n for n in walk(self.window, prune=lambda n: n == stack or role(n) == "page tab")
                if role(n) == "page tab"]

    def view_tabs(self):
        """The tabs of the switcher that is drawn, by title."""
        return {n.name: n for n in self.page_tabs() if is_drawn(n)}

    def show_page(self, title):
        """Clicks the tab titled title, waits until it is the selected one,
        and returns its page: the view stack's child in the tab's place."""
        tab = wait_for(lambda: self.view_tabs().get(title), f"a tab titled {title!r}")
        self.click(tab)
        wait_for(lambda: has_state(tab, pyatspi.STATE_SELECTED), f"the {title} page to be shown")
        # A page shown for the first time may keep the program busy a moment.
        return wait_for(lambda: children(self.claims_page.parent)[tab.getIndexInParent()],
                        f"the {title} page")

    def is_page_shown(self, title):
        tab = self.view_tabs().get(title)
        return tab is not None and has_state(tab, pyatspi.STATE_SELECTED)

    def toast_texts(self):
        """The texts of the toasts shown, found without walking into the
        pages (a toast lasts a few seconds: a slow search would miss it)."""
        stack = self.claims_page.parent
        return [n.name for n in walk(self.window, prune=lambda n: n == stack or is_list(n))
                if role(n) == "label" and n.name]

    def find_label(self, pred, within=None):
        """The first label whose text satisfies pred, outside lists."""
        return find(within or self.window, lambda n: role(n) == "label" and pred(n.name or ""),
                    prune=is_list)

    def focused(self):
        """The focused widget. Slow: it walks the whole window; ask a known
        node for its FOCUSED state where you can."""
        return find(self.window, lambda n: has_state(n, pyatspi.STATE_FOCUSED))

    # Acting

    def click(self, node):
        """A click: the widget's own click action when it has one, else the
        left button on the middle of it."""
        if "click" in actions(node):
            do_action(node, "click")
            return
        box = extents(node)
        if box.width <= 0 or box.height <= 0:
            raise AssertionError(f"cannot click {role(node)} {node.name!r}: it is not drawn")
        Atspi.generate_mouse_event(box.x + box.width // 2, box.y + box.height // 2, "b1c")

    def select_row(self, index):
        """Clicks a row of the list and waits until it is the selected one."""
        item = self.claims_list.getChildAtIndex(index)
        self.click(item)
        wait_for(lambda: self.is_selected(index), f"row {index} to be selected")
        self.park_pointer()

    def park_pointer(self):
        """Moves the pointer onto the header bar, out of the way: the list
        selects the row under a resting pointer (single-click-activate), so
        a pointer left on the list would pick rows as it scrolls."""
        box = extents(self.window)
        Atspi.generate_mouse_event(box.x + box.width // 2, box.y + 12, "abs")

    def scroll_into_view(self, node, pane):
        """Turns the mouse wheel over pane until node is wholly in it."""
        for _ in range(60):
            box, view = extents(node), extents(pane)
            if box.y >= view.y and box.y + box.height <= view.y + view.height:
                return
            wheel = "b5c" if box.y + box.height > view.y + view.height else "b4c"
            Atspi.generate_mouse_event(view.x + view.width // 2, view.y + view.height // 2, wheel)
            wait_for(lambda: extents(node).y != box.y, "the pane to scroll")
        raise AssertionError(f"could not scroll {node.name!r} into view")

    def key(self, combo):
        """A key or a combination: "Down", "Return", "<Control>f", "<Alt>Left"."""
        if combo.startswith("<"):
            rawinput.keyCombo(combo)
        else:
            rawinput.pressKey(combo)

    def type(self, text):
        rawinput.typeText(text)

    def set_search(self, text):
        """Puts text in the search entry the way an input method does, for
        scripts a keyboard under Xvfb cannot type."""
        self.search_entry.queryEditableText().setTextContents(text)

    def wait_count(self, expected, what=None):
        return wait_for(lambda: self.count_text() == expected,
                        what or f"the count to read {expected!r}")

    def screenshot(self, dest):
        """Asks the program for a picture of its window (SIGUSR1, see
        hs-application.c) and moves it to dest."""
        if os.path.exists(self.shot_path):
            os.unlink(self.shot_path)
        before = self.log_text().count("hindsight: screenshot saved to")
        refused = [self.log_text().count("hindsight: no screenshot")]
        os.kill(self.proc.pid, signal.SIGUSR1)

        def saved():
            log = self.log_text()
            if log.count("hindsight: screenshot saved to") > before:
                return os.path.exists(self.shot_path)
            # A window found through accessibility may not be mapped yet
            # on a busy machine ("no screenshot: The window is not shown"):
            # ask again once it has had time to be.
            if log.count("hindsight: no screenshot") > refused[0]:
                refused[0] = log.count("hindsight: no screenshot")
                time.sleep(0.2)
                os.kill(self.proc.pid, signal.SIGUSR1)
            return False

        try:
            wait_for(saved, "the screenshot")
        except Timeout as error:
            tail = "\n".join(self.log_text().splitlines()[-8:])
            raise Timeout(f"{error}\nthe program's log ends:\n{tail}") from None
        os.makedirs(os.path.dirname(os.path.abspath(dest)), exist_ok=True)
        shutil.copyfile(self.shot_path, dest + ".tmp")
        os.replace(dest + ".tmp", dest)
        return dest

    # Pages, dialogs and toasts (the Tracker and the Resolve dialog)

    def page_is_shown(self, title):
        tab = self.view_tabs().get(title)
        return tab is not None and has_state(tab, pyatspi.STATE_SELECTED)

    def tab_badge(self, title):
        """The number on a page's tab in the view switcher drawn, 0 when
        it shows none."""
        tab = self.view_tabs()[title]
        numbers = [text for text in labels(tab) if text.isdigit()]
        return int(numbers[0]) if numbers else 0

    def window_named(self, title):
        """A top-level window of the program other than the main one (a
        dialog), by its title, or None."""
        for node in children(self.app):
            if node.name == title and role(node) in ("frame", "dialog", "window"):
                return node
        return None

    def wait_closed(self, window, what):
        """Waits until window (a dialog) is gone, asking the window itself.
        (Listing the program's windows while one closes can make GTK 4.8
        answer with a hidden window that has no accessible path, a
        critical, and the program ends.)"""
        def gone():
            try:
                return not has_state(window, pyatspi.STATE_SHOWING)
            except Exception:  # noqa: BLE001 - the object no longer exists
                return True
        wait_for(gone, what)

    def toast_button(self, name):
        """The button of the toast shown, by its name ("Undo"), or None.
        Toasts sit above the pages: lists are not searched."""
        pages = self.claims_page.parent
        return find(self.window, lambda n: role(n) == "push button" and name in (n.name, *labels(n)),
                    prune=lambda n: n == pages or is_list(n))

    def texts_above_pages(self):
        """The labels of the window outside its pages: the header bar, the
        view switchers and the toasts shown."""
        pages = self.claims_page.parent
        return [n.name for n in walk(self.window, prune=lambda n: n == pages or is_list(n))
                if role(n) == "label"]

    def detail_button(self, name):
        """A button of the detail pane by its name ("Resolve…")."""
        return find(self.detail_pane, lambda n: role(n) == "push button" and n.name == name, prune=is_list)

    def tracker_groups(self, page):
        """The Tracker page as it reads: {heading: (count, [TrackerRow])}, in
        the page's order. Each list item holds a heading (a title and a
        count) or a prediction (a row named by its sentence); only that
        much is read here, the rest when a test asks."""
        view = self._cache.get("tracker list")
        if view is None:
            view = wait_for(lambda: find(page, lambda n: role(n) == "list" and n.name == "Predictions to resolve"),
                            "the Tracker's list")
            self._cache["tracker list"] = view
        groups = {}
        current = None
        for item in children(view):
            first = item.getChildAtIndex(0).getChildAtIndex(0)
            if first.name:
                if current is not None:
                    groups[current][1].append(TrackerRow(item, first))
                continue
            title, count = (n.name for n in children(first.getChildAtIndex(0))[:2])
            current = title
            groups[current] = (int(count), [])
        return groups


class TrackerRow:
    """One prediction on the Tracker page: the speaker, the statement, when
    it is due, and its Resolve button."""

    def __init__(self, item, row):
        self.item = item
        self.row = row
        self.accessible = row.name

    def _parts(self):
        if not hasattr(self, "_shown"):
            self._shown = [t for t in labels(self.row) if t and t != "Resolve…"]
        return self._shown

    def says(self, text):
        """Whether the row's sentence holds the statement text."""
        return f": {text.rstrip('. ')}." in self.accessible

    name = property(lambda self: self._parts()[0])
    native = property(lambda self: self._parts()[1] if len(self._parts()) > 3 else None)
    text = property(lambda self: self._parts()[-2])
    due = property(lambda self: self._parts()[-1])
    resolve_button = property(lambda self: find(self.row, lambda n: role(n) == "push button"))

    def __repr__(self):
        return f"<TrackerRow {self.accessible[:60]!r}>"


def set_text(node, text):
    """Replaces what an entry or a text view holds, as an input method
    would."""
    node.queryEditableText().setTextContents(text)


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


# Tables and dropdowns (the Compare and Scorecard pages) ----------------------


def table_headers(table):
    """The column headers of a column view (a "tree table"), in order; each
    is named by its column's title and described by its sort."""
    header = next(c for c in children(table) if role(c) == "table row")
    return children(header)


def table_header(table, title):
    for node in table_headers(table):
        if node.name == title:
            return node
    raise AssertionError(f"no column {title!r} among {[n.name for n in table_headers(table)]}")


def table_rows(table, limit=None):
    """The rows a column view has made (those on screen and a few more),
    or the first limit of them, each as the list of its cells' texts."""
    body = next(c for c in children(table) if role(c) == "list")
    count = body.childCount if limit is None else min(limit, body.childCount)
    return [[" ".join(t for t in labels(cell) if t) for cell in children(body.getChildAtIndex(i))]
            for i in range(count)]


def table_column(table, title, limit=None):
    """The texts of one column, from the rows the view has made."""
    index = [n.name for n in table_headers(table)].index(title)
    body = next(c for c in children(table) if role(c) == "list")
    count = body.childCount if limit is None else min(limit, body.childCount)
    return [" ".join(t for t in labels(body.getChildAtIndex(i).getChildAtIndex(index)) if t)
            for i in range(count)]


def dropdown_value(combo):
    """What a dropdown shows. (Its button holds an empty "(None)" page
    besides the item shown.)"""
    shown = [t for t in labels(children(combo)[0]) if t and t != "(None)"]
    return shown[-1] if shown else None


def choose(combo, text):
    """Chooses text in a dropdown with the keyboard, as test_browse does:
    open it, move the focus to the item, press Return."""
    if dropdown_value(combo) == text:
        return
    button = children(combo)[0]
    if "click" in actions(button):
        do_action(button, "click")
    popup = wait_for(lambda: find(combo, lambda n: role(n) == "list" and n.childCount > 0),
                     f"the choices of {combo.name!r}")
    names = [(labels(item) or [""])[0] for item in children(popup)]
    if text not in names:
        raise AssertionError(f"{text!r} is not among {names}")
    target = names.index(text)

    def focused_index():
        for i, item in enumerate(children(popup)):
            if has_state(item, pyatspi.STATE_FOCUSED):
                return i
        return None
    current = wait_for(lambda: focused_index() is not None and focused_index() + 1,
                       f"an item of {combo.name!r} to have the keyboard focus") - 1
    while current != target:
        step = 1 if current < target else -1
        rawinput.pressKey("Down" if step > 0 else "Up")
        current += step
        wait_for(lambda: focused_index() == current, f"the focus to move to {names[current]!r}")
    rawinput.pressKey("Return")
    wait_for(lambda: dropdown_value(combo) == text, f"{combo.name!r} to show {text!r}")


# Editors, confirmations and imports (test_editing) ---------------------------


def toplevel(app, pred, what, timeout=None):
    """A window of the program (a dialog, a file chooser) that satisfies
    pred, once it is shown."""
    return wait_for(lambda: next((n for n in children(app.app) if pred(n)), None), what, timeout)


def dialog(app, title, timeout=None):
    """A dialog of the program by its title."""
    return toplevel(app, lambda n: n.name == title, f"the dialog {title!r}", timeout)


def message_dialog(app, heading, timeout=None):
    """A message dialog (AdwMessageDialog: no title) by its heading."""
    return toplevel(app, lambda n: n != app.window and heading in labels(n),
                    f"a message dialog saying {heading!r}", timeout)


def close_window(app, act, what):
    """Does act (a click on Save, Escape) and waits until the window it
    closes is gone. GTK 4.8 lists a window for a moment after it is
    destroyed, without an accessible of its own: reading the program's
    windows then aborts it. So the count of windows is watched, never
    the windows."""
    count = app.app.childCount
    act()
    wait_for(lambda: app.app.childCount < count, f"{what} to close")


def form_field(within, title, roles=("text", "combo box", "check box")):
    """An input of a form by the title that names it (its label)."""
    return wait_for(lambda: find(within, lambda n: n.name == title and role(n) in roles, prune=is_list),
                    f"the field {title!r}")


def button(within, name):
    """A push button by its accessible name."""
    return wait_for(lambda: find(within, lambda n: role(n) == "push button" and n.name == name,
                                 prune=is_list),
                    f"the button {name!r}")


def field_problem(node):
    """What the form says is wrong with an input, as a screen reader hears
    it: the input is invalid and its description begins with the problem.
    None when nothing is wrong."""
    if not (has_state(node, pyatspi.STATE_INVALID) or has_state(node, pyatspi.STATE_INVALID_ENTRY)):
        return None
    return (node.description or "").split("\n")[0]


def field_note(node):
    """The last line of an input's description: its hint, or a live result
    such as the dates a horizon resolves between."""
    return (node.description or "").split("\n")[-1]


def is_sensitive(node):
    return has_state(node, pyatspi.STATE_SENSITIVE)


def focus(node):
    """Gives node the keyboard focus with a click, as GTK 4.8 offers no
    grab_focus over AT-SPI, and waits until it has it."""
    if has_state(node, pyatspi.STATE_FOCUSED):
        return
    box = extents(node)
    if box.width <= 0 or box.height <= 0:
        raise AssertionError(f"cannot focus {role(node)} {node.name!r}: it is not drawn")
    Atspi.generate_mouse_event(box.x + min(box.width // 2, 40), box.y + box.height // 2, "b1c")
    wait_for(lambda: has_state(node, pyatspi.STATE_FOCUSED), f"{node.name!r} to take the focus")


def type_into(node, text, keyboard=False):
    """Empties an entry and types text into it a character at a time, as
    an input method does; with keyboard, with key presses after a click
    (the entry must be on screen, and text typeable on a keyboard)."""
    set_text(node, "")
    if keyboard:
        focus(node)
        rawinput.typeText(text)
    else:
        editable = node.queryEditableText()
        for position, character in enumerate(text):
            editable.insertText(position, character, len(character.encode("utf-8")))
    wait_for(lambda: text_of(node) == text, f"{node.name!r} to read {text!r}")


def append_text(node, text):
    """Types text at the end of what an entry holds, a character at a time."""
    start = text_of(node)
    editable = node.queryEditableText()
    for offset, character in enumerate(text):
        editable.insertText(len(start) + offset, character, len(character.encode("utf-8")))
    wait_for(lambda: text_of(node) == start + text, f"{node.name!r} to read {start + text!r}")


def open_menu_item(app, menu_button, item):
    """Opens a menu button of the header bar by its name and clicks an
    item of its menu."""
    app.click(button(app.window, menu_button))
    node = toplevel_find(app, lambda n: role(n) == "menu item" and n.name == item, f"the menu item {item!r}")
    do_action(node, "click")


def toplevel_find(app, pred, what):
    """A node anywhere in the program's windows (menus are popovers of
    their own)."""
    return wait_for(lambda: find(app.app, pred, prune=is_list), what)


class AppTestCase(unittest.TestCase):
    """Starts a fresh program on a fresh database for every test, so that no
    test sees what another did, and checks its log when the test ends."""

    prepare_db = None  # a function(path) that fills the database before start

    @classmethod
    def setUpClass(cls):
        cls.data = Dataset()

    @classmethod
    def tearDownClass(cls):
        cls.data.close()

    def setUp(self):
        # unittest's runner resets the warning filters for every test.
        quiet_pyatspi()
        self.app = App()
        self.addCleanup(self.app.cleanup)
        if self.prepare_db is not None:
            type(self).prepare_db(self, self.app.db)
        self.app.start()

    def tearDown(self):
        self.app.stop()
        problems = self.app.log_problems()
        if problems:
            self.fail("the program logged problems:\n" + "\n".join(problems))
