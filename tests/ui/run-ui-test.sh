#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs one UI test (a Python file using hsui.py) against the real window:
# in its own D-Bus session and its own X server, with the accessibility bus
# up, so that the test sees nothing of the desktop it was started from and
# leaves nothing behind. The exit status is the test's.
#
#   tests/ui/run-ui-test.sh tests/ui/test_browse.py [unittest arguments…]
#
# Debian 12: xvfb xauth dbus-x11 at-spi2-core python3-dogtail (see
# tools/debian-packages.txt). dogtail lives in Debian's own Python, so the
# test runs with /usr/bin/python3 whatever python3 comes first on PATH.

set -u

if [ $# -lt 1 ]; then
  echo "usage: $0 TEST.py [ARGS…]" >&2
  exit 2
fi

if [ -z "${HSUI_INSIDE:-}" ]; then
  for tool in dbus-run-session xvfb-run gsettings gdbus /usr/libexec/at-spi-bus-launcher /usr/bin/python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "$0: $tool is missing; install the packages in tools/debian-packages.txt" >&2
      exit 77
    fi
  done

  # dconf (where the accessibility switch is kept), the at-spi bus and
  # dogtail all write under these: a directory of our own, not the home of
  # whoever runs the tests.
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/hindsight-ui.XXXXXX") || exit 1
  trap 'rm -rf "$scratch"' EXIT
  mkdir -p -m 700 "$scratch/runtime"
  export XDG_RUNTIME_DIR="$scratch/runtime"
  export XDG_CONFIG_HOME="$scratch/config"
  export XDG_DATA_HOME="$scratch/data"
  # The cache is kept from run to run (meson points it into the build
  # tree): with an empty one, Mesa compiles every shader of the GL
  # renderer again and the first window takes several seconds more.
  if [ -n "${HSUI_CACHE_DIR:-}" ]; then
    mkdir -p "$HSUI_CACHE_DIR" && export XDG_CACHE_HOME="$HSUI_CACHE_DIR"
  fi
  export HSUI_INSIDE=1
  export PYTHONDONTWRITEBYTECODE=1

  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" bash "$0" "$@"
  exit $?
fi

# Inside the session and the X server from here on.

# The switch lives in dconf; the memory backend the app's tests use would
# forget it at once, and dogtail refuses to run without it.
env -u GSETTINGS_BACKEND -u GSETTINGS_SCHEMA_DIR \
  gsettings set org.gnome.desktop.interface toolkit-accessibility true || exit 1

/usr/libexec/at-spi-bus-launcher --launch-immediately &
launcher=$!

# Wait for the accessibility bus to be up rather than for a fixed time.
up=no
for _ in $(seq 1 200); do
  if gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
       --method org.freedesktop.DBus.NameHasOwner org.a11y.Bus 2>/dev/null | grep -q true; then
    up=yes
    break
  fi
  if ! kill -0 "$launcher" 2>/dev/null; then
    break
  fi
  sleep 0.05
done
if [ "$up" != yes ]; then
  echo "$0: the accessibility bus did not come up" >&2
  kill "$launcher" 2>/dev/null
  exit 1
fi

env -u GSETTINGS_BACKEND /usr/bin/python3 "$@"
status=$?

kill "$launcher" 2>/dev/null
wait "$launcher" 2>/dev/null
exit $status
