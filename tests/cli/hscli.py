# SPDX-License-Identifier: GPL-3.0-or-later
"""What the CLI-driven tests share: running hindsight-cli with guards on
where it may write, describing a run, finding a place in a file, and a
snapshot of everything a database holds as the CLI shows it.

Used by tests/cli/test_bad_input.py and tests/hostile/test_hostile.py.
Environment: HINDSIGHT_CLI (required), HINDSIGHT_TODAY (default 2026-11-22).
"""

import hashlib
import os
import re
import subprocess
import tempfile
import unittest

CLI = os.environ.get("HINDSIGHT_CLI")
TODAY = os.environ.get("HINDSIGHT_TODAY", "2026-11-22")

# The test module's shared state: tmp, guard, template, snapshot, and
# whatever the module adds.
STATE = {}


def cli_env():
    env = dict(os.environ)
    env["HINDSIGHT_TODAY"] = TODAY
    env.setdefault("LC_ALL", "C.UTF-8")
    # Guards: if --db were ever ignored, these are what would be written.
    env["HINDSIGHT_DB"] = os.path.join(STATE["guard"], "guard-hindsight.db")
    env["XDG_DATA_HOME"] = os.path.join(STATE["guard"], "xdg-data")
    return env


def run_cli(*args, cwd=None, prefix=(), timeout=300):
    """Runs hindsight-cli with exactly these arguments; returns the process
    with .out/.err decoded (bytes stay in .stdout/.stderr)."""
    p = subprocess.run([*prefix, CLI, *args], cwd=cwd, env=cli_env(),
                       capture_output=True, timeout=timeout)
    p.out = p.stdout.decode("utf-8", errors="replace")
    p.err = p.stderr.decode("utf-8", errors="replace")
    return p


def describe(p, limit=1500):
    return (f"exit {p.returncode}\n--- stdout ---\n{p.out[:limit]}"
            f"\n--- stderr ---\n{p.err[:limit]}")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def locate(text, needle, nth=1, offset=0):
    """(line, column) of the nth occurrence of needle in text, 1-based, in
    characters; offset moves into the needle (e.g. to the second comma of
    ',,'). A needle "re:PATTERN" is a regular expression."""
    if needle.startswith("re:"):
        matches = list(re.finditer(needle[3:], text))
        i = matches[nth - 1].start()
    else:
        i = -1
        for _ in range(nth):
            i = text.index(needle, i + 1)
    i += offset
    line = text.count("\n", 0, i) + 1
    col = i - (text.rfind("\n", 0, i) + 1) + 1
    return line, col


class Snapshot:
    """What the store holds, as the CLI shows it, plus the file itself."""

    LISTINGS = ("speakers", "sources", "topics", "claims", "predictions")

    def __init__(self, listings, export, digest, files):
        self.listings, self.export, self.digest, self.files = listings, export, digest, files

    @classmethod
    def take(cls, db, export_path):
        listings = {}
        for what in cls.LISTINGS:
            p = run_cli("--db", db, what, "--json")
            listings[what] = p.out if p.returncode == 0 else f"<{what} failed: {describe(p)}>"
        p = run_cli("--db", db, "export", export_path)
        if p.returncode == 0:
            with open(export_path, "rb") as f:
                export = f.read()
            os.remove(export_path)
        else:
            export = f"<export failed: {describe(p)}>".encode()
        return cls(listings, export, sha256(db), sorted(os.listdir(os.path.dirname(db))))

    def differences(self, other):
        out = [f"`{w} --json` changed" for w in self.LISTINGS if self.listings[w] != other.listings[w]]
        if self.export != other.export:
            out.append("the JSON export changed")
        if self.digest != other.digest:
            out.append("the database file's bytes changed (sha256)")
        if self.files != other.files:
            out.append(f"the database folder changed: {self.files} -> {other.files}")
        return out


def set_up_module(prefix):
    """For setUpModule: a scratch folder with the guard folder and a
    template database made by `init`, and its snapshot."""
    if not CLI:
        raise unittest.SkipTest("HINDSIGHT_CLI is not set: point it at hindsight-cli")
    if not os.access(CLI, os.X_OK):
        raise RuntimeError(f"HINDSIGHT_CLI={CLI} is not an executable")
    STATE["tmp"] = tempfile.TemporaryDirectory(prefix=prefix)
    root = STATE["tmp"].name
    STATE["guard"] = os.path.join(root, "guard")
    os.mkdir(STATE["guard"])
    tdir = os.path.join(root, "template")
    os.mkdir(tdir)
    db = os.path.join(tdir, "hindsight.db")
    p = run_cli("--db", db, "init")
    if p.returncode != 0:
        raise RuntimeError("init failed: " + describe(p))
    STATE["template"] = db
    STATE["snapshot"] = Snapshot.take(db, os.path.join(root, "template-export.json"))


def tear_down_module():
    """For tearDownModule: fails if the CLI wrote outside --db."""
    tmp = STATE.get("tmp")
    if tmp is not None:
        leaked = os.listdir(STATE["guard"])
        tmp.cleanup()
        if leaked:
            raise AssertionError(f"the CLI wrote outside --db (HINDSIGHT_DB/XDG_DATA_HOME): {leaked}")
