#!/usr/bin/env python3
"""Crash safety, tested by killing the real hindsight-cli with SIGKILL.

The issue's "Crash safety" requirement, and design.md's "Killed mid-import or
mid-edit, the database opens clean with every acknowledged change present":

* Import: 100 rounds. Each takes a fresh copy of an init'ed database, starts
  `hindsight-cli import big.json` (a generated file of 8,000 predictions)
  and sends SIGKILL after a random delay spread over the whole run, from
  before the program has started to after it has finished (a random
  fraction of the time an import takes, an estimate kept up to date from
  the imports that run to their end). Then:
  PRAGMA integrity_check is "ok" (and foreign_key_check is empty), the
  database holds either exactly what it held before or exactly that plus the
  whole file (all or nothing, in every table), a printed "Imported ..." line
  means the whole file is there, and the CLI can still list and import into
  the database (a second import of the same file succeeds: "added" when the
  first one was lost, "unchanged" when it was kept).

* Resolves: 100 rounds, of three kinds (34 + 33 + 33). Each round runs a stream of
  `hindsight-cli resolve ID --status S --on DATE --evidence ack-R-N`
  one after another and kills at random moments:
    - "loop":  this process runs the stream and SIGKILLs single resolves
               after a random delay (about half of them);
    - "child": a Python child runs the stream; its whole process group is
               killed once, after a random number of resolves have finished
               and a random part of the next one's run time;
    - "shell": the same with a /bin/sh loop.
  Then: integrity_check "ok"; every acknowledged resolve (exit 0, or its
  "Recorded ..." line printed) is in `history ID --json` exactly once, no
  evidence text appears twice, nothing appears that was never started; the
  status `show` reports is that of the history's current entry; and new
  resolves still succeed (the database is not left locked).

Randomness is seeded and printed; every failure names the scenario, the
round and the delay. A round's plan and its kill moments (as fractions of the
run time measured on this machine, at this moment) come from the seed and
the round number alone, so a round replays on its own:

  HINDSIGHT_CRASH_SEED=S HINDSIGHT_CRASH_ONLY=import:17,child:4 \\
      HINDSIGHT_CLI=build/src/cli/hindsight-cli python3 tests/crash/test_crash.py

Environment (as the meson suite sets it):
  HINDSIGHT_CLI           the hindsight-cli to test (required)
  HINDSIGHT_TODAY         pinned "today", 2026-11-22
  HINDSIGHT_CRASH_SEED    the seed (default 20261122)
  HINDSIGHT_CRASH_ROUNDS  rounds per scenario (default 100)
  HINDSIGHT_CRASH_ONLY    comma-separated SCENARIO:ROUND to run only those
  HINDSIGHT_CRASH_SIZE    predictions in the generated import (default 8000)
  HINDSIGHT_CRASH_JOBS    rounds run at a time, each on its own database (default 2)

SIGKILL cannot be caught: what a round sees is what a power cut or an OOM
kill leaves (short of lost disk caches, which only the kernel can simulate).

Python 3 standard library only.
"""

import concurrent.futures
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse

CLI = os.environ.get("HINDSIGHT_CLI")
TODAY = os.environ.get("HINDSIGHT_TODAY", "2026-11-22")
SEED = int(os.environ.get("HINDSIGHT_CRASH_SEED", "20261122"))
ROUNDS = int(os.environ.get("HINDSIGHT_CRASH_ROUNDS", "100"))
SIZE = int(os.environ.get("HINDSIGHT_CRASH_SIZE", "8000"))
JOBS = int(os.environ.get("HINDSIGHT_CRASH_JOBS", "2"))
ONLY = {tuple(item.split(":")) for item in os.environ.get("HINDSIGHT_CRASH_ONLY", "").split(",") if item}

STDBUF = shutil.which("stdbuf")
STATUSES = ("confirmed", "partial", "refuted", "ambiguous", "open")
TABLES = ("speakers", "affiliations", "sources", "topics", "topic_translations", "claims",
          "claim_topics", "relations", "predictions", "resolutions")

# Filled in by setUpModule.
_MODULE = {}


# --------------------------------------------------------------------------
# Helpers

def log(message):
    print(message, file=sys.stderr, flush=True)


def _env():
    env = dict(os.environ)
    env["HINDSIGHT_TODAY"] = TODAY
    env.setdefault("LC_ALL", "C.UTF-8")
    # Guards: if --db were ever ignored, these are what would be written.
    env["HINDSIGHT_DB"] = os.path.join(_MODULE["guard"], "guard-hindsight.db")
    env["XDG_DATA_HOME"] = os.path.join(_MODULE["guard"], "xdg-data")
    return env


def cli_argv(*args):
    """The command line for hindsight-cli; under stdbuf -oL when available,
    so that a line the CLI prints is in the pipe at once and a kill after
    the print (while the store closes) still shows what was acknowledged."""
    prefix = [STDBUF, "-oL", "-eL"] if STDBUF else []
    return [*prefix, CLI, *args]


def run_cli(*args, timeout=120):
    p = subprocess.run(cli_argv(*args), env=_env(), capture_output=True, timeout=timeout)
    p.out = p.stdout.decode("utf-8", errors="replace")
    p.err = p.stderr.decode("utf-8", errors="replace")
    return p


def describe(p):
    return f"exit {p.returncode}; stdout {p.out[:300]!r}; stderr {p.err[:600]!r}"


def copy_db(src, dst):
    """Copies a database with its -wal and -shm files (when present) and
    removes stale side files at the destination."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(dst + suffix):
            os.remove(dst + suffix)
        if os.path.exists(src + suffix):
            shutil.copyfile(src + suffix, dst + suffix)


def ro_connect(path):
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=10)


def inspect_db(path):
    """Opens the database read-only, as it was left, and returns
    (problems, counts): integrity and foreign keys, and rows per table."""
    problems = []
    counts = {}
    try:
        con = ro_connect(path)
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
            if rows != ["ok"]:
                problems.append(f"PRAGMA integrity_check: {rows[:10]}")
            fk = con.execute("PRAGMA foreign_key_check").fetchall()
            if fk:
                problems.append(f"PRAGMA foreign_key_check: {fk[:10]}")
            for table in TABLES:
                counts[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error as e:
        problems.append(f"cannot read the database with sqlite3: {e}")
    return problems, counts


def count_rows(path):
    """Rows per table, read-only (no integrity check)."""
    con = ro_connect(path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def fts_check(path):
    """FTS5's own integrity check (the index matches the claims); it needs a
    read-write connection, so it runs last, after the CLI has been back."""
    con = sqlite3.connect(path, timeout=10)
    try:
        con.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")
        return []
    except sqlite3.Error as e:
        return [f"FTS5 integrity-check: {e}"]
    finally:
        con.close()


def kill_after(p, delay):
    """SIGKILLs @p after @delay seconds (0: at once); True when it was still
    running at that moment."""
    if delay > 0:
        time.sleep(delay)
    if p.poll() is not None:
        return False
    try:
        p.send_signal(signal.SIGKILL)
    except ProcessLookupError:
        return False
    return True


def wanted(scenario, round_no):
    return not ONLY or (scenario, str(round_no)) in ONLY


# --------------------------------------------------------------------------
# The generated import

def generate_import(seed, n):
    """A valid Hindsight file with a few speakers, sources and topics and
    @n predictions, deterministic in @seed."""
    rnd = random.Random(f"{seed}-file")
    speakers = [{"id": f"crash-sp-{i}", "name": f"Crash Speaker {i}",
                 "native_name": "测试者" + "一二三四五六"[i],
                 "aliases": [f"C. Speaker {i}"],
                 "affiliations": [{"organization": f"Lab {i}", "role": "Researcher", "from": "2020"}]}
                for i in range(6)]
    sources = [{"id": f"crash-src-{i}", "title": f"Crash source {i}", "kind": kind,
                "publisher": "Crash Weekly", "url": f"https://example.org/crash/{i}",
                "published": f"2025-{i + 1:02d}-15", "language": "en"}
               for i, kind in enumerate(("talk", "panel", "podcast", "interview", "article"))]
    topics = [{"id": f"crash-topic-{i}", "name": f"Crash topic {i}", "translations": {"zh": f"主题{i}"}}
              for i in range(5)]
    horizons = ("this year", "next year", "next 4 months", "6–12 months", "within a decade",
                "unspecified", "by 2030", "next few years")
    words = ("models", "agents", "compute", "open weights", "long context", "reasoning", "chips",
             "data", "robots", "scaling")
    claims = []
    for i in range(n):
        w = rnd.sample(words, 3)
        claim = {"id": f"crash-claim-{i:06d}", "speaker": rnd.choice(speakers)["id"],
                 "source": rnd.choice(sources)["id"],
                 "text": f"Prediction {i}: {w[0]} will beat {w[1]} at {w[2]} by {rnd.randint(2, 90)}%.",
                 "quote": f"I think {w[0]} will overtake {w[1]}, number {i}.",
                 "locator": f"{rnd.randint(0, 2):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}",
                 "topics": sorted({rnd.choice(topics)["id"] for _ in range(2)}),
                 "prediction": {"horizon": rnd.choice(horizons)}}
        if rnd.random() < 0.5:
            claim["prediction"]["probability"] = round(rnd.random(), 2)
        if rnd.random() < 0.2:
            claim["prediction"]["confidence"] = rnd.choice(("very likely", "I expect", "maybe"))
        claims.append(claim)
    return {"format": "hindsight", "version": 1, "speakers": speakers, "sources": sources,
            "topics": topics, "claims": claims}


# The predictions the resolve scenarios work on, stated on 2026-01-10.
RESOLVE_TARGETS = [f"crash-res-{i:02d}" for i in range(12)]


def resolve_fixture():
    return {"format": "hindsight", "version": 1,
            "speakers": [{"id": "crash-res-speaker", "name": "Resolve Target"}],
            "claims": [{"id": pid, "speaker": "crash-res-speaker", "stated_on": "2026-01-10",
                        "text": f"Resolve target {pid}", "prediction": {"horizon": "this year"}}
                       for pid in RESOLVE_TARGETS]}


def resolve_plan(rnd, round_tag, n, targets):
    """@n resolve attempts on @targets: (index, id, status, on, evidence)."""
    first = 10   # 2026-01-10 is when the targets were stated
    plan = []
    for i in range(n):
        month = rnd.randint(1, 11)
        day = rnd.randint(first if month == 1 else 1, 22 if month == 11 else 28)   # today: 11-22
        plan.append((i, rnd.choice(targets), rnd.choice(STATUSES), f"2026-{month:02d}-{day:02d}",
                     f"ack-{round_tag}-{i}"))
    return plan


def resolve_args(db, attempt):
    _, pid, status, on, evidence = attempt
    return ["--db", db, "resolve", pid, "--status", status, "--on", on, "--evidence", evidence]


def check_history(histories, plan, acknowledged, may_exist):
    """Problems with what the histories hold, given the attempts of a round.

    @histories maps a prediction id to its `history --json` list;
    @acknowledged is the set of attempt indexes that were acknowledged;
    @may_exist the set of those that may have been committed (acknowledged
    ones included). Every acknowledged attempt is there exactly once; none
    is there twice; nothing is there that never ran or that is not ours."""
    problems = []
    by_evidence = {a[4]: a for a in plan}
    seen = {}
    for pid, entries in histories.items():
        for e in entries:
            ev = e.get("evidence")
            seen.setdefault(ev, []).append((pid, e))
    for ev, where in seen.items():
        attempt = by_evidence.get(ev)
        if attempt is None:
            problems.append(f"an entry nobody made: evidence {ev!r} in {[w[0] for w in where]}")
            continue
        if len(where) > 1:
            problems.append(f"attempt {attempt[0]} ({ev}) is in the history {len(where)} times")
        pid, entry = where[0]
        if pid != attempt[1] or entry.get("status") != attempt[2] or entry.get("on") != attempt[3]:
            problems.append(f"attempt {attempt[0]} ({ev}) stored as {pid} {entry.get('status')} "
                            f"{entry.get('on')}, not {attempt[1]} {attempt[2]} {attempt[3]}")
        if attempt[0] not in may_exist:
            problems.append(f"attempt {attempt[0]} ({ev}) is in the history but never ran")
    for i in sorted(acknowledged):
        ev = plan[i][4]
        if ev not in seen:
            problems.append(f"acknowledged attempt {i} ({ev} on {plan[i][1]}) is missing from the history")
    return problems


# --------------------------------------------------------------------------
# Module setup

def setUpModule():
    if not CLI:
        raise unittest.SkipTest("HINDSIGHT_CLI is not set: point it at hindsight-cli")
    if not os.access(CLI, os.X_OK):
        raise RuntimeError(f"HINDSIGHT_CLI={CLI} is not an executable")
    started = time.monotonic()
    _MODULE["tmp"] = tempfile.TemporaryDirectory(prefix="hs-crash-")
    root = _MODULE["root"] = _MODULE["tmp"].name
    _MODULE["guard"] = os.path.join(root, "guard")
    os.mkdir(_MODULE["guard"])

    template = os.path.join(root, "template.db")
    p = run_cli("--db", template, "init")
    if p.returncode != 0:
        raise RuntimeError("init failed: " + describe(p))
    _MODULE["template"] = template

    big = os.path.join(root, "big.json")
    with open(big, "w", encoding="utf-8") as f:
        json.dump(generate_import(SEED, SIZE), f, ensure_ascii=False, indent=1)
    _MODULE["big"] = big

    fixture = os.path.join(root, "resolve-fixture.json")
    with open(fixture, "w", encoding="utf-8") as f:
        json.dump(resolve_fixture(), f)
    rtemplate = os.path.join(root, "resolve-template.db")
    copy_db(template, rtemplate)
    p = run_cli("--db", rtemplate, "import", fixture)
    if p.returncode != 0:
        raise RuntimeError("importing the resolve fixture failed: " + describe(p))
    _MODULE["resolve_template"] = rtemplate

    log(f"crash-safety: seed {SEED} (HINDSIGHT_CRASH_SEED), {ROUNDS} rounds per scenario, "
        f"{SIZE} predictions in the import, stdbuf {'yes' if STDBUF else 'no'}")
    log(f"crash-safety: setup {time.monotonic() - started:.1f} s")


def tearDownModule():
    tmp = _MODULE.get("tmp")
    if tmp is not None:
        leaked = os.listdir(_MODULE["guard"])
        tmp.cleanup()
        if leaked:
            raise AssertionError(f"the CLI wrote outside --db (HINDSIGHT_DB/XDG_DATA_HOME): {leaked}")


class Estimate:
    """A running estimate of how long something takes on this machine now
    (the median of the last few complete runs): other work on the machine
    changes it, and the kills are spread over the run as it is."""

    def __init__(self, first):
        self.lock = threading.Lock()
        self.samples = [first]

    def observe(self, seconds):
        with self.lock:
            self.samples = (self.samples + [seconds])[-7:]

    def get(self):
        with self.lock:
            s = sorted(self.samples)
            return s[len(s) // 2]


class CrashTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="round-", dir=_MODULE["root"])
        self.started = time.monotonic()

    def tearDown(self):
        shutil.rmtree(self.work, ignore_errors=True)
        log(f"{self.id().split('.')[-1]}: {time.monotonic() - self.started:.1f} s")

    def run_rounds(self, scenario, n_rounds, one_round):
        """Runs one_round(r) -> (detail, log line, problems, stats) for the
        wanted rounds, JOBS at a time (each round has its own database, and
        its plan comes from its own seeded generator, so the order does not
        matter); fails with every problem, each naming its round."""
        rounds = [r for r in range(n_rounds) if wanted(scenario, r)]
        problems, stats = [], {}

        def guarded(r):
            try:
                return r, one_round(r)
            except Exception as e:   # a broken round is a failure, not the end of the run
                return r, ("", f"{scenario} round {r:3d}: ERROR {e!r}", [f"the round raised {e!r}"], {})

        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, JOBS)) as pool:
            for r, (detail, line, found, st) in pool.map(guarded, rounds):
                log(line + (" FAILED" if found else ""))
                problems += [f"[{scenario} round {r}, {detail}] {pr}" for pr in found]
                for k, v in st.items():
                    stats[k] = stats.get(k, 0) + v
        log(f"{scenario}: {stats}")
        return problems, stats

    def done(self, scenario, problems):
        if problems:
            rounds = sorted({int(re.match(r"\[\S+ round (\d+)", p).group(1)) for p in problems})
            only = ",".join(f"{scenario}:{r}" for r in rounds[:10])
            self.fail(f"{len(problems)} problems (seed {SEED}); replay with "
                      f"HINDSIGHT_CRASH_SEED={SEED} HINDSIGHT_CRASH_ONLY={only}\n  - "
                      + "\n  - ".join(problems[:40]))


# --------------------------------------------------------------------------
# Import

class ImportCrashTests(CrashTestCase):

    @classmethod
    def setUpClass(cls):
        """Measures an uninterrupted import, so that the kills can be spread
        over the whole of one, and records what the database holds before
        and after it."""
        root = _MODULE["root"]
        db = os.path.join(root, "calibrate.db")
        copy_db(_MODULE["template"], db)
        problems, cls.before = inspect_db(db)
        if problems:
            raise RuntimeError(f"the template is not sound: {problems}")
        durations = []
        for attempt in range(2):
            copy_db(_MODULE["template"], db)
            t0 = time.monotonic()
            p = run_cli("--db", db, "import", _MODULE["big"])
            durations.append(time.monotonic() - t0)
            if p.returncode != 0:
                raise RuntimeError("the generated file does not import: " + describe(p))
        cls.duration = Estimate(max(durations))
        problems, cls.after = inspect_db(db)
        if problems:
            raise RuntimeError(f"an uninterrupted import is not sound: {problems}")
        if cls.after["claims"] - cls.before["claims"] != SIZE:
            raise RuntimeError(f"the import added {cls.after['claims'] - cls.before['claims']} claims, not {SIZE}")
        log(f"import: {SIZE} predictions import in {max(durations):.2f} s "
            f"(claims {cls.before['claims']} -> {cls.after['claims']}); {JOBS} rounds at a time")

    def import_round(self, r):
        rnd = random.Random(f"{SEED}-import-{r}")
        # From 5% of the run before it starts (a kill at once) to 20% after it ends.
        frac = rnd.uniform(-0.05, 1.2)
        T = self.duration.get()
        delay = max(0.0, frac) * T
        detail = f"delay {delay:.3f} s = {frac:+.3f} of {T:.2f} s"
        db = os.path.join(self.work, f"import-{r}.db")
        copy_db(_MODULE["template"], db)

        t0 = time.monotonic()
        p = subprocess.Popen(cli_argv("--db", db, "import", _MODULE["big"]), env=_env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        sent = kill_after(p, delay)
        out, err = p.communicate(timeout=300)
        ran = time.monotonic() - t0
        out = out.decode("utf-8", errors="replace")
        err = err.decode("utf-8", errors="replace")
        killed = p.returncode == -signal.SIGKILL
        problems = []
        if not killed and p.returncode != 0:
            problems.append(f"the import exited {p.returncode} (not killed): {err[:400]!r}")
        if killed and not sent:
            problems.append("the import died of SIGKILL without being sent one")
        printed = "Imported " in out

        # The state the crash left, before the CLI touches it again.
        found, counts = inspect_db(db)
        problems += found
        state = "unreadable"
        if counts:
            if counts == self.after:
                state = "kept"
            elif counts == self.before:
                state = "lost"
            else:
                state = "partial"
                problems.append("not all or nothing: " + ", ".join(
                    f"{t} {self.before[t]}->{counts[t]} (all: {self.after[t]})"
                    for t in TABLES if counts[t] != self.before[t]))
            if printed and state != "kept":
                problems.append(f"the CLI printed {out.strip()!r} but the database is {state}")
            if not killed and state != "kept":
                problems.append(f"the import finished (exit {p.returncode}) but the database is {state}")

        # The CLI can still read and write it.
        q = run_cli("--db", db, "predictions", "--speaker", "tang-jie", "--limit", "2", "--json")
        if q.returncode != 0:
            problems.append("listing after the kill fails: " + describe(q))
        else:
            try:
                json.loads(q.out)
            except ValueError as e:
                problems.append(f"listing after the kill is not JSON: {e}")
        t0 = time.monotonic()
        q = run_cli("--db", db, "import", _MODULE["big"])
        again = time.monotonic() - t0
        if q.returncode != 0:
            problems.append("importing the file again fails: " + describe(q))
        elif state == "kept" and (" added " in q.out or "unchanged" not in q.out):
            problems.append(f"importing the kept file again should change nothing: {q.out.strip()!r}")
        elif state == "lost" and "added" not in q.out:
            problems.append(f"importing the lost file again should add it: {q.out.strip()!r}")
        # A complete import just ran: it tells how long one takes now.
        if not killed and p.returncode == 0:
            self.duration.observe(ran)
        elif state == "lost" and q.returncode == 0:
            self.duration.observe(again)
        thorough = state == "kept" or r % 10 == 0
        if thorough:
            found, counts = inspect_db(db)
            problems += [f"after importing again: {x}" for x in found]
            problems += fts_check(db)
        else:
            counts = count_rows(db)
        if counts and counts != self.after:
            problems.append(f"after importing again the counts are {counts}, not {self.after}")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)

        outcome = ("killed-" + ("kept" if state == "kept" else "lost")) if killed else "finished"
        line = (f"import round {r:3d}: {detail}: {'killed' if killed else f'exit {p.returncode}'}, "
                f"{state}{', printed' if printed else ''}")
        return detail, line, problems, {outcome: 1}

    def test_import_killed_at_random_moments(self):
        """Each round: SIGKILL at a random moment; all or nothing; usable after."""
        problems, outcomes = self.run_rounds("import", ROUNDS, self.import_round)
        if not ONLY:
            # The delays must have hit the import while it ran, not only
            # before or after it; otherwise the rounds prove little.
            self.assertGreater(outcomes.get("killed-lost", 0), ROUNDS // 10,
                               f"too few kills landed mid-import: {outcomes}")
            self.assertGreater(outcomes.get("finished", 0) + outcomes.get("killed-kept", 0), 0,
                               f"no round let the import finish: {outcomes}")
        self.done("import", problems)


# --------------------------------------------------------------------------
# Resolves

# The child that runs a stream of resolves (scenario "child"): it logs
# "INDEX EXIT" for every attempt, after the CLI exits and before the next.
CHILD = r"""
import json, os, subprocess, sys
argv, plan, log_path = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
for index, args in plan:
    p = subprocess.run(argv + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.write(fd, f"{index} {p.returncode}\n".encode())
"""


def shell_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


class ResolveCrashTests(CrashTestCase):

    LOOP_ATTEMPTS = 20
    GROUP_ATTEMPTS = 20

    @classmethod
    def setUpClass(cls):
        """Measures a resolve, and checks that both kinds of stream run
        cleanly when nobody kills them."""
        root = _MODULE["root"]
        db = os.path.join(root, "calibrate-resolve.db")
        copy_db(_MODULE["resolve_template"], db)
        times = []
        for i in range(5):
            t0 = time.monotonic()
            p = run_cli("--db", db, "resolve", RESOLVE_TARGETS[0], "--status", "partial",
                        "--on", "2026-03-01", "--evidence", f"calibrate-{i}")
            times.append(time.monotonic() - t0)
            if p.returncode != 0:
                raise RuntimeError("resolve fails: " + describe(p))
        cls.one = Estimate(sorted(times)[2])
        for kind in ("child", "shell"):
            copy_db(_MODULE["resolve_template"], db)
            plan = resolve_plan(random.Random(0), "calibrate", 5, RESOLVE_TARGETS[:4])
            log_path = os.path.join(root, f"calibrate-{kind}.log")
            p = cls.start_group(kind, db, plan, log_path)
            p.wait(timeout=120)
            lines = cls.logged(log_path)
            if p.returncode != 0 or [rc for _, rc in lines] != ["0"] * len(plan):
                raise RuntimeError(f"the {kind} loop does not run cleanly (exit {p.returncode}): {lines}")
        log(f"resolve: one resolve takes {cls.one.get() * 1000:.1f} ms; {JOBS} rounds at a time")

    @staticmethod
    def start_group(kind, db, plan, log_path):
        """Starts the stream of @plan as one process group (its own session)."""
        if kind == "child":
            steps = [[a[0], resolve_args(db, a)] for a in plan]
            cmd = [sys.executable, "-c", CHILD, json.dumps(cli_argv()), json.dumps(steps), log_path]
        else:
            lines = []
            for a in plan:
                args = " ".join(shell_quote(x) for x in (*cli_argv(), *resolve_args(db, a)))
                lines.append(f"{args} >/dev/null 2>&1; echo {a[0]} $? >> {shell_quote(log_path)}")
            cmd = ["/bin/sh", "-c", "\n".join(lines)]
        return subprocess.Popen(cmd, env=_env(), start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    @staticmethod
    def logged(log_path):
        try:
            with open(log_path) as f:
                return [ln.split() for ln in f.read().splitlines() if len(ln.split()) == 2]
        except FileNotFoundError:
            return []

    def verify(self, db, plan, acknowledged, may_exist, targets):
        """The checks after a round; returns the problems."""
        problems, _ = inspect_db(db)
        histories = {}
        for pid in targets:
            q = run_cli("--db", db, "history", pid, "--json")
            if q.returncode != 0:
                problems.append(f"history {pid} fails: " + describe(q))
                continue
            try:
                histories[pid] = json.loads(q.out)
            except ValueError as e:
                problems.append(f"history {pid} --json is not JSON: {e}")
                continue
            q = run_cli("--db", db, "show", pid, "--json")
            if q.returncode != 0:
                problems.append(f"show {pid} fails: " + describe(q))
                continue
            shown = json.loads(q.out).get("status")
            current = [e["status"] for e in histories[pid] if e.get("current")]
            want = current[0] if current else "open"
            if len(current) > 1 or shown != want:
                problems.append(f"{pid}: show says {shown!r}, the history's current entry says {current}")
        problems += check_history(histories, plan, acknowledged, may_exist)
        return problems

    def still_writable(self, db, r):
        """Two more resolves after the kills: they must be accepted. (They
        also keep the estimate of a resolve's run time up to date.)"""
        problems = []
        for j in range(2):
            t0 = time.monotonic()
            q = run_cli("--db", db, "resolve", RESOLVE_TARGETS[-1], "--status", "refuted",
                        "--on", "2026-11-01", "--evidence", f"after-{r}-{j}")
            if q.returncode != 0:
                problems.append(f"a resolve after the kill fails: {describe(q)}")
                break
            self.one.observe(time.monotonic() - t0)
        return problems

    def loop_round(self, r):
        rnd = random.Random(f"{SEED}-loop-{r}")
        targets = rnd.sample(RESOLVE_TARGETS[:-1], 3)
        plan = resolve_plan(rnd, f"loop{r}", self.LOOP_ATTEMPTS, targets)
        # The moment, as a fraction of one resolve's run time.
        kills = {a[0]: rnd.uniform(-0.1, 1.3) for a in plan if rnd.random() < 0.5}
        db = os.path.join(self.work, f"loop-{r}.db")
        copy_db(_MODULE["resolve_template"], db)
        acknowledged, problems, killed_at = set(), [], {}
        stats = {"killed": 0, "kill-after-exit": 0}
        for a in plan:
            delay = max(0.0, kills[a[0]]) * self.one.get() if a[0] in kills else None
            t0 = time.monotonic()
            p = subprocess.Popen(cli_argv(*resolve_args(db, a)), env=_env(),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if delay is not None:
                kill_after(p, delay)
            out, err = p.communicate(timeout=60)
            if delay is None and p.returncode == 0:
                self.one.observe(time.monotonic() - t0)
            if p.returncode == 0 or b"Recorded " in out:
                acknowledged.add(a[0])
            if p.returncode == -signal.SIGKILL:
                killed_at[a[0]] = delay
                stats["killed"] += 1
                if delay is None:
                    problems.append(f"attempt {a[0]} died of SIGKILL without being sent one")
            elif p.returncode != 0:
                problems.append(f"attempt {a[0]} ({a[4]}) exited {p.returncode} "
                                f"(not killed): {err.decode(errors='replace')[:300]!r}")
            elif delay is not None:
                stats["kill-after-exit"] += 1
        problems += self.verify(db, plan, acknowledged, {a[0] for a in plan}, targets)
        problems += self.still_writable(db, r)
        detail = ("kills at " + ", ".join(f"#{i} {d * 1000:.1f} ms" for i, d in sorted(killed_at.items()))
                  if killed_at else "no kill landed")
        line = (f"loop round {r:3d}: {len(acknowledged)}/{len(plan)} acknowledged, {len(killed_at)} killed "
                f"(a resolve takes ~{self.one.get() * 1000:.1f} ms)")
        return detail, line, problems, stats

    def test_resolve_stream_killing_single_resolves(self):
        """Scenario "loop": about half the resolves are SIGKILLed at a random
        moment of their run, from before it starts to after it ends."""
        n_rounds = ROUNDS - 2 * (ROUNDS // 3)
        problems, stats = self.run_rounds("loop", n_rounds, self.loop_round)
        if not ONLY:
            self.assertGreater(stats.get("killed", 0), n_rounds, f"too few resolves were killed: {stats}")
        self.done("loop", problems)

    def group_round(self, kind, r):
        """The stream runs in a child process group; it is SIGKILLed once,
        after a seeded number of resolves have finished (-1: at once; the
        whole stream or more: after its end) and a seeded fraction of one
        more resolve's run time. Counting finished resolves rather than
        seconds keeps the kills spread over the stream however busy the
        machine is."""
        M = self.GROUP_ATTEMPTS
        rnd = random.Random(f"{SEED}-{kind}-{r}")
        targets = rnd.sample(RESOLVE_TARGETS[:-1], 3)
        plan = resolve_plan(rnd, f"{kind}{r}", M, targets)
        after = rnd.randint(-1, M + 1)
        frac = rnd.uniform(0.0, 1.2)
        extra = frac * self.one.get()
        detail = ("group killed at once" if after < 0 else
                  f"group killed {extra * 1000:.1f} ms ({frac:.2f} of a resolve) after {after} had finished")
        db = os.path.join(self.work, f"{kind}-{r}.db")
        copy_db(_MODULE["resolve_template"], db)
        log_path = os.path.join(self.work, f"{kind}-{r}.log")
        p = self.start_group(kind, db, plan, log_path)
        if after >= 0:
            deadline = time.monotonic() + 120
            while (len(self.logged(log_path)) < min(after, M) and p.poll() is None
                   and time.monotonic() < deadline):
                time.sleep(0.0005)
            time.sleep(extra)
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        p.wait(timeout=60)
        # Make sure nothing of the group outlives the kill (a fork racing
        # with the signal) before the checks open the database.
        for _ in range(200):
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                break
            time.sleep(0.01)

        problems = []
        lines = self.logged(log_path)
        acknowledged = set()
        for index, rc in ((int(a), int(b)) for a, b in lines):
            if rc == 0:
                acknowledged.add(index)
            else:
                problems.append(f"attempt {index} exited {rc} although only the group was killed")
        # Attempts run in order: the one after the last logged may have been
        # running (and may have committed); later ones never started.
        last = max((int(a) for a, _ in lines), default=-1)
        problems += self.verify(db, plan, acknowledged, set(range(0, last + 2)), targets)
        problems += self.still_writable(db, r)
        line = f"{kind} round {r:3d}: {detail}: {len(acknowledged)}/{len(plan)} acknowledged"
        return detail, line, problems, {"mid-stream": int(0 < len(acknowledged) < len(plan))}

    def run_group(self, kind):
        n_rounds = ROUNDS // 3
        problems, stats = self.run_rounds(kind, n_rounds, lambda r: self.group_round(kind, r))
        if not ONLY:
            self.assertGreater(stats.get("mid-stream", 0), n_rounds // 2,
                               f"too few kills landed in the middle of the stream: {stats}")
        self.done(kind, problems)

    def test_python_resolve_loop_killed_as_a_process_group(self):
        """Scenario "child": a Python child runs 20 resolves; its process
        group (the child and the CLI it is running) is SIGKILLed once."""
        self.run_group("child")

    def test_shell_resolve_loop_killed_as_a_process_group(self):
        """Scenario "shell": the same with a /bin/sh loop."""
        self.run_group("shell")


class CheckerSelfTests(unittest.TestCase):
    """The history check must be able to fail."""

    PLAN = [(0, "p1", "confirmed", "2026-03-01", "ack-t-0"),
            (1, "p1", "refuted", "2026-04-01", "ack-t-1"),
            (2, "p2", "partial", "2026-05-01", "ack-t-2")]

    def entry(self, i):
        return {"status": self.PLAN[i][2], "on": self.PLAN[i][3], "evidence": self.PLAN[i][4]}

    def test_a_lost_acknowledged_entry_is_reported(self):
        problems = check_history({"p1": [self.entry(0)], "p2": []}, self.PLAN, {0, 1}, {0, 1, 2})
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("acknowledged attempt 1", problems[0])

    def test_a_duplicated_entry_is_reported(self):
        problems = check_history({"p1": [self.entry(0), self.entry(0)], "p2": []}, self.PLAN, {0}, {0})
        self.assertTrue(any("2 times" in p for p in problems), problems)

    def test_an_entry_that_never_ran_or_is_foreign_is_reported(self):
        problems = check_history({"p1": [], "p2": [self.entry(2), {"evidence": "x", "status": "open"}]},
                                 self.PLAN, set(), {0, 1})
        self.assertTrue(any("never ran" in p for p in problems), problems)
        self.assertTrue(any("nobody made" in p for p in problems), problems)

    def test_a_clean_history_passes(self):
        self.assertEqual(check_history({"p1": [self.entry(0), self.entry(1)], "p2": []},
                                       self.PLAN, {0}, {0, 1, 2}), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
