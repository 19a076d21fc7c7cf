#!/usr/bin/env python3
"""Bad input, tested through the real hindsight-cli.

The issue's "Bad input" requirement: malformed JSON, a wrong type, an unknown
field value, a dangling id, an impossible date, a probability of 1.5, a 10 MB
string, a file that is not JSON, an empty file, a database file that is not
SQLite, a read-only database: each gets one clear error line naming the
place, exit code 1, and the database exactly as before.  Also the exit codes
of bad usage (2) and bad values (1), and the behaviour a person relies on
(search, filters, resolve/history/undo, due, scorecard, escaping, round trip).

What tools/contract-check already covers (key presence in predictions --json,
`show` of an unknown id exits 1 in isolation, the plain export/import round
trip) is not repeated here; these tests check the places, the messages and
the state of the database.

Environment (as the meson suite sets it):
  HINDSIGHT_CLI        the hindsight-cli to test (required)
  HINDSIGHT_TODAY      pinned "today", 2026-11-22
  HINDSIGHT_TEST_DATA  tests/data (unused here)
  LC_ALL               C.UTF-8

Every test works in its own temporary directory and always passes --db; the
user's own database is never touched (HINDSIGHT_DB and XDG_DATA_HOME point
into a temporary directory too, as a guard).

Tests marked "KNOWN BUG" in their docstring failed against the CLI when they
were written; they show a defect in src/cli or src/core, not in the test.

Python 3 standard library only.
"""

import datetime
import json
import math
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

from hscli import CLI, TODAY, Snapshot, describe, locate, run_cli, sha256
import hscli

# Filled in by setUpModule: one init'ed database, copied for every test.
_MODULE = hscli.STATE

CONTRACT_COMMANDS = ("init", "import", "export", "speakers", "sources", "claims",
                     "predictions", "show", "resolve", "history", "due", "scorecard")

# Ids from the bundled dataset used below.
SOURCE = "chinatalk-agi-next-2026"        # stated/event date 2026-01-10
OPEN_PREDICTION = "chinatalk-agi-next-2026.tang-jie.04"   # stated 2026-01-10, open


# --------------------------------------------------------------------------
# Helpers (the shared ones are in hscli.py)

def day(date_text):
    """A full-day date from the CLI's JSON ("~2026-05-28" is approximate)."""
    if date_text is None:
        return None
    return datetime.date.fromisoformat(date_text.lstrip("~"))


def json_header(extra=""):
    return '{\n  "format": "hindsight",\n  "version": 1,\n' + extra


# A valid new topic placed before the bad part of a file: if the import were
# not all-or-nothing, it would show up in the listings.
VALID_TOPIC = ('  "topics": [\n'
               '    { "id": "bad-input-valid-topic", "name": "Must not be stored" }\n'
               '  ],\n')


def setUpModule():
    hscli.set_up_module("hs-bad-input-")
    for what in ("predictions", "claims", "speakers", "sources"):
        _MODULE[what] = json.loads(_MODULE["snapshot"].listings[what])


def tearDownModule():
    hscli.tear_down_module()


class CliTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="hs-case-")
        self.tmp = self._tmp.name
        self.problems = []

    def tearDown(self):
        # Read-only tests leave folders without write permission; give it back
        # so that the temporary directory can be removed (also as non-root).
        for dirpath, dirnames, _ in os.walk(self.tmp):
            for d in dirnames:
                try:
                    os.chmod(os.path.join(dirpath, d), 0o755)
                except OSError:
                    pass
        os.chmod(self.tmp, 0o755)
        self._tmp.cleanup()

    # Soft checks: a test reports every problem it finds, not only the first.
    def check(self, cond, what):
        if not cond:
            self.problems.append(what)
        return cond

    def done(self, context=""):
        if self.problems:
            self.fail("\n  - " + "\n  - ".join(self.problems) + ("\n" + context if context else ""))

    def fresh_db(self, name="hindsight.db"):
        d = os.path.join(self.tmp, "db")
        os.makedirs(d, exist_ok=True)
        db = os.path.join(d, name)
        shutil.copyfile(_MODULE["template"], db)
        return db

    def write(self, name, content):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    def snapshot(self, db):
        return Snapshot.take(db, os.path.join(self.tmp, "snapshot-export.json"))

    def json_of(self, p, what):
        if not self.check(p.returncode == 0, f"{what} exits 0 ({describe(p)})"):
            return None
        try:
            return json.loads(p.out)
        except ValueError as e:
            self.check(False, f"{what} prints valid JSON ({e})")
            return None

    # -- the heart of the import cases ------------------------------------

    def assert_import_rejected(self, name, content, line, col, path, messages,
                               mentions=(), other_cols=()):
        """Imports NAME (written with CONTENT) into a copy of the template.

        Expects exit 1, nothing on stdout, exactly one located error line
        "hindsight-cli: NAME:LINE:COL: PATH: ..." (no PATH for whole-file
        problems), a message containing one of MESSAGES (case-insensitive),
        every string of MENTIONS in that line, and the database exactly as
        before (listings, export, file bytes, folder)."""
        self.write(name, content)
        db = self.fresh_db()
        p = run_cli("--db", db, "import", name, cwd=self.tmp)

        self.check(p.returncode == 1, f"exit code 1 (got {p.returncode})")
        self.check(p.out == "", f"nothing on stdout (got {p.out[:200]!r})")
        located = [ln for ln in p.err.splitlines()
                   if re.match(r"hindsight-cli: " + re.escape(name) + r":\d+:\d+: ", ln)]
        self.check(len(located) == 1,
                   f"exactly one error line with a place, got {len(located)}: {located}")
        heads = [f"hindsight-cli: {name}:{line}:{c}: " + (f"{path}: " if path else "")
                 for c in (col, *other_cols)]
        hit = [ln for ln in located if any(ln.startswith(h) for h in heads)]
        self.check(bool(hit), f"an error line starts with {heads[0]!r}"
                              f" (the error lines were: {located or p.err.splitlines()})")
        text = (hit or located or [p.err])[0]
        self.check(any(m.lower() in text.lower() for m in messages),
                   f"the message says one of {list(messages)}: {text!r}")
        for m in mentions:
            self.check(m in text, f"the message names {m!r}: {text!r}")
        for diff in _MODULE["snapshot"].differences(self.snapshot(db)):
            self.check(False, "database not exactly as before: " + diff)
        self.done(describe(p))


# --------------------------------------------------------------------------
# Import: bad JSON files

class ImportBadJsonTests(CliTestCase):

    def test_malformed_json_with_a_stray_comma(self):
        """KNOWN BUG (path): the place is written ".speakers[1]", not "speakers[1]"
        as docs/exchange-format.md documents."""
        text = json_header(
            '  "speakers": [\n'
            '    { "id": "bad-input-ok", "name": "A valid speaker" },\n'
            '    { "id": "bad-input-x", "name": "X",, "bio": "stray comma" }\n'
            '  ]\n}\n')
        line, col = locate(text, ",,", offset=1)   # the second comma
        self.assert_import_rejected("stray-comma.json", text, line, col, "speakers[1]",
                                    messages=("expected",))

    def test_wrong_type_number_where_a_string_is_expected(self):
        """KNOWN BUG: besides the right error the importer adds a second, false
        one ("speakers[1]: name is missing"); and the path has a leading dot."""
        text = json_header(
            '  "speakers": [\n'
            '    { "id": "bad-input-ok", "name": "A valid speaker" },\n'
            '    { "id": "bad-input-x", "name": 42 }\n'
            '  ]\n}\n')
        line, col = locate(text, "42")
        self.assert_import_rejected("wrong-type.json", text, line, col, "speakers[1].name",
                                    messages=("expected a string",), mentions=("number",))

    def test_unknown_source_kind_tweet(self):
        """KNOWN BUG: a second, false error "sources[1]: kind is missing"; leading dot."""
        text = json_header(
            '  "sources": [\n'
            '    { "id": "bad-input-ok", "title": "Fine", "kind": "talk" },\n'
            '    { "id": "bad-input-src", "title": "A tweet", "kind": "tweet" }\n'
            '  ]\n}\n')
        line, col = locate(text, '"tweet"')
        self.assert_import_rejected("kind-tweet.json", text, line, col, "sources[1].kind",
                                    messages=("expected", "one of"), mentions=("tweet", "talk"))

    def test_unknown_resolution_status_maybe(self):
        """KNOWN BUG: a second, false error "...resolutions[0]: status is missing"; leading dot."""
        text = json_header(VALID_TOPIC +
            '  "claims": [\n'
            '    { "id": "bad-input-c1", "speaker": "tang-jie", "source": "' + SOURCE + '",\n'
            '      "text": "Something will happen", "stated_on": "2026-01-10",\n'
            '      "prediction": { "horizon": "this year",\n'
            '        "resolutions": [ { "status": "maybe", "on": "2026-05-01" } ] } }\n'
            '  ]\n}\n')
        line, col = locate(text, '"maybe"')
        self.assert_import_rejected("status-maybe.json", text, line, col,
                                    "claims[0].prediction.resolutions[0].status",
                                    messages=("not a status", "expected"), mentions=("maybe",))

    def test_claim_naming_an_unknown_speaker(self):
        """KNOWN BUG (path): leading dot in ".claims[0].speaker"."""
        text = json_header(VALID_TOPIC +
            '  "claims": [\n'
            '    { "id": "bad-input-c1", "speaker": "bad-input-nobody", "source": "' + SOURCE + '",\n'
            '      "text": "Dangling speaker" }\n'
            '  ]\n}\n')
        line, col = locate(text, '"bad-input-nobody"')
        self.assert_import_rejected("dangling-speaker.json", text, line, col, "claims[0].speaker",
                                    messages=("no speaker",), mentions=("bad-input-nobody",))

    def test_relation_to_an_unknown_claim(self):
        """KNOWN BUG: the place is the start of the relation object (10:22), not
        the dangling id the path names (10:53); and the path has a leading dot."""
        text = json_header(VALID_TOPIC +
            '  "claims": [\n'
            '    { "id": "bad-input-c1", "speaker": "tang-jie", "source": "' + SOURCE + '",\n'
            '      "text": "Points nowhere",\n'
            '      "relations": [ { "type": "supports", "claim": "bad-input-no-claim" } ] }\n'
            '  ]\n}\n')
        line, col = locate(text, '"bad-input-no-claim"')
        self.assert_import_rejected("dangling-relation.json", text, line, col,
                                    "claims[0].relations[0].claim",
                                    messages=("no claim",), mentions=("bad-input-no-claim",))

    def test_impossible_stated_on_date_2026_02_30(self):
        """KNOWN BUG (path): leading dot in ".claims[0].stated_on"."""
        text = json_header(VALID_TOPIC +
            '  "claims": [\n'
            '    { "id": "bad-input-c1", "speaker": "tang-jie", "source": "' + SOURCE + '",\n'
            '      "text": "Said on a day that does not exist", "stated_on": "2026-02-30" }\n'
            '  ]\n}\n')
        line, col = locate(text, '"2026-02-30"')
        self.assert_import_rejected("date-stated.json", text, line, col, "claims[0].stated_on",
                                    messages=("February 2026 has 28 days",), mentions=("2026-02-30",))

    def test_impossible_resolution_date_2026_02_30(self):
        """KNOWN BUG: a second, false error "...resolutions[0]: on is missing"; leading dot."""
        text = json_header(VALID_TOPIC +
            '  "claims": [\n'
            '    { "id": "bad-input-c1", "speaker": "tang-jie", "source": "' + SOURCE + '",\n'
            '      "text": "Something will happen", "stated_on": "2026-01-10",\n'
            '      "prediction": { "horizon": "this year",\n'
            '        "resolutions": [ { "status": "confirmed", "on": "2026-02-30" } ] } }\n'
            '  ]\n}\n')
        line, col = locate(text, '"2026-02-30"')
        self.assert_import_rejected("date-resolution.json", text, line, col,
                                    "claims[0].prediction.resolutions[0].on",
                                    messages=("February 2026 has 28 days",), mentions=("2026-02-30",))

    def test_probability_of_one_and_a_half(self):
        """KNOWN BUG (path): leading dot in ".claims[0].prediction.probability"."""
        text = json_header(VALID_TOPIC +
            '  "claims": [\n'
            '    { "id": "bad-input-c1", "speaker": "tang-jie", "source": "' + SOURCE + '",\n'
            '      "text": "Surely", "stated_on": "2026-01-10",\n'
            '      "prediction": { "horizon": "this year", "probability": 1.5 } }\n'
            '  ]\n}\n')
        line, col = locate(text, "1.5")
        self.assert_import_rejected("probability.json", text, line, col,
                                    "claims[0].prediction.probability",
                                    messages=("is not a probability", "between 0 and 1"),
                                    mentions=("1.5",))

    def test_ten_megabyte_claim_text(self):
        """KNOWN BUG: a second, false error "claims[0]: text is missing"; leading dot."""
        big = "a" * (10 * 1024 * 1024)
        text = json_header(VALID_TOPIC +
            '  "claims": [\n'
            '    { "id": "bad-input-c1", "speaker": "tang-jie", "source": "' + SOURCE + '",\n'
            '      "text": "' + big + '" }\n'
            '  ]\n}\n')
        line, col = locate(text, '"' + big[:16])
        self.assert_import_rejected("ten-megabytes.json", text, line, col, "claims[0].text",
                                    messages=("bytes long",), mentions=(str(len(big)), "65536"))

    def test_png_image_named_json(self):
        png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"
               b"\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\nIDATx\x9cc\x00\x01"
               b"\x00\x00\x05\x00\x01\r\n-\xb4\x00\x00\x00\x00IEND\xaeB`\x82")
        self.assert_import_rejected("picture.json", png, 1, 1, None,
                                    messages=("not a Hindsight", "not JSON", "not a JSON",
                                              "UTF-8", "expected"))

    def test_plain_prose_named_json(self):
        prose = "Dear diary,\nthis file is not JSON at all.\n"
        self.assert_import_rejected("prose.json", prose, 1, 1, None,
                                    messages=("not a Hindsight", "not JSON", "expected"),
                                    mentions=("Dear",))

    def test_empty_file(self):
        self.assert_import_rejected("empty.json", b"", 1, 1, None, messages=("empty",))

    def test_file_of_only_whitespace(self):
        ws = "  \n\t\n   \n"
        # The place is the start of the file or its end (where a value was
        # expected); either is fine.
        eof_line, eof_col = ws.count("\n") + 1, 1
        self.write("blank.json", ws)
        db = self.fresh_db()
        p = run_cli("--db", db, "import", "blank.json", cwd=self.tmp)
        self.check(p.returncode == 1, f"exit code 1 (got {p.returncode})")
        self.check(p.out == "", "nothing on stdout")
        located = [ln for ln in p.err.splitlines() if re.match(r"hindsight-cli: blank\.json:\d+:\d+: ", ln)]
        self.check(len(located) == 1, f"exactly one error line with a place: {located}")
        ok = [ln for ln in located
              if ln.startswith("hindsight-cli: blank.json:1:1: ")
              or ln.startswith(f"hindsight-cli: blank.json:{eof_line}:{eof_col}: ")]
        self.check(bool(ok), f"the place is 1:1 or the end of the file: {located}")
        self.check(any(w in p.err.lower() for w in ("empty", "whitespace", "blank")),
                   f"the message says the file is empty: {p.err!r}")
        for diff in _MODULE["snapshot"].differences(self.snapshot(db)):
            self.check(False, "database not exactly as before: " + diff)
        self.done(describe(p))

    def test_json_array_instead_of_a_hindsight_file(self):
        self.assert_import_rejected("array.json", "[1, 2, 3]\n", 1, 1, None,
                                    messages=("not a Hindsight", "expected a Hindsight"))

    def test_file_from_a_newer_format_version(self):
        """KNOWN BUG (path): leading dot in ".version"."""
        text = '{\n  "format": "hindsight",\n  "version": 2,\n  "speakers": []\n}\n'
        line, col = locate(text, "2,")
        self.assert_import_rejected("version-2.json", text, line, col, "version",
                                    messages=("newer",), mentions=("2",))


# --------------------------------------------------------------------------
# Import: bad CSV files

CSV_HEADER = "id,speaker,source,stated_on,text,horizon,probability\n"
CSV_GOOD_ROW = f"bad-input-ok,tang-jie,{SOURCE},2026-01-10,A valid row,this year,0.3\n"


class ImportBadCsvTests(CliTestCase):

    def test_csv_probability_of_one_and_a_half(self):
        """KNOWN BUG (path): the place is "row 2: probability", not "probability"
        as in the documented example `preds.csv:7:5: probability: ...`."""
        text = CSV_HEADER + CSV_GOOD_ROW + \
            f"bad-input-c2,tang-jie,{SOURCE},2026-01-10,Surely,this year,1.5\n"
        # Line 3, the 7th column (CSV errors give the column number).
        self.assert_import_rejected("preds.csv", text, 3, 7, "probability",
                                    messages=("is not a probability", "between 0 and 1"),
                                    mentions=("1.5",))

    def test_csv_unknown_column(self):
        text = "id,speaker,source,stated_on,text,horizon,colour\n" + \
            f"bad-input-c1,tang-jie,{SOURCE},2026-01-10,Hello,this year,red\n"
        # The header line, 7th column; the column name is the message's subject.
        self.assert_import_rejected("unknown-column.csv", text, 1, 7, None,
                                    messages=("unknown column",), mentions=("colour",))

    def test_csv_unterminated_quote_is_reported_at_its_opening_line(self):
        """KNOWN BUG: the place given is the end of the file (line 5) instead of
        line 3, where the quote opens (the message itself does say line 3)."""
        bad = f'bad-input-c2,tang-jie,{SOURCE},2026-01-10,"never closed,this year,0.5\n'
        text = CSV_HEADER + CSV_GOOD_ROW + bad + \
            f"bad-input-c3,tang-jie,{SOURCE},2026-01-10,Third,this year,0.4\n"
        line, char_col = locate(text, '"never')
        # Column number 5 (the text column), or the character column of the quote.
        self.assert_import_rejected("quote.csv", text, line, 5, None, other_cols=(char_col,),
                                    messages=("never closed", "not closed", "unterminated"),
                                    mentions=("quote",))


# --------------------------------------------------------------------------
# Databases that are not what they should be

class BadDatabaseTests(CliTestCase):

    def good_import_file(self):
        return self.write("good.json", json.dumps({
            "format": "hindsight", "version": 1,
            "topics": [{"id": "bad-input-topic", "name": "Would be new"}]}))

    def assert_refused_untouched(self, db, messages):
        """Every command, reading or writing, exits 1 with one clear line
        mentioning one of MESSAGES and leaves the file and its folder as
        they were."""
        good = self.good_import_file()
        folder = os.path.dirname(db)
        before, files = sha256(db), sorted(os.listdir(folder))
        commands = (["init"], ["predictions"], ["speakers", "--json"], ["import", good],
                    ["resolve", OPEN_PREDICTION, "--status", "confirmed", "--on", "2026-06-01"],
                    ["export", os.path.join(self.tmp, "out.json")])
        for cmd in commands:
            p = run_cli("--db", db, *cmd)
            what = " ".join(cmd[:1])
            self.check(p.returncode == 1, f"`{what}` exits 1 ({describe(p)})")
            self.check(p.out == "", f"`{what}` prints nothing on stdout: {p.out[:200]!r}")
            lines = p.err.splitlines()
            self.check(len(lines) >= 1 and lines[0].startswith("hindsight-cli: "),
                       f"`{what}` explains on stderr: {p.err!r}")
            self.check(any(m.lower() in p.err.lower() for m in messages),
                       f"`{what}` says one of {list(messages)}: {p.err!r}")
            self.check(os.path.basename(db) in p.err, f"`{what}` names the file: {p.err!r}")
            self.check(sha256(db) == before, f"`{what}` left the file's bytes unchanged")
            self.check(sorted(os.listdir(folder)) == files,
                       f"`{what}` created nothing next to it: {sorted(os.listdir(folder))}")
        self.check(not os.path.exists(os.path.join(self.tmp, "out.json")), "no export was written")
        self.done()

    def test_text_file_as_database(self):
        d = os.path.join(self.tmp, "db")
        os.mkdir(d)
        db = os.path.join(d, "notes.db")
        with open(db, "w") as f:
            f.write("Shopping list:\n- milk\n- eggs\n")
        self.assert_refused_untouched(db, ("not a Hindsight database",))

    def test_sqlite_database_of_another_program(self):
        d = os.path.join(self.tmp, "db")
        os.mkdir(d)
        db = os.path.join(d, "other.db")
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE x (a INTEGER, b TEXT)")
        con.execute("INSERT INTO x VALUES (1, 'keep me')")
        con.commit()
        con.close()
        self.assert_refused_untouched(db, ("another program", "not a Hindsight database"))
        con = sqlite3.connect(db)
        self.assertEqual(con.execute("SELECT a, b FROM x").fetchall(), [(1, "keep me")])
        con.close()

    def test_database_from_a_newer_version(self):
        db = self.fresh_db()
        con = sqlite3.connect(db)
        con.execute("PRAGMA user_version = 99")
        con.commit()
        con.close()
        self.assert_refused_untouched(db, ("newer version",))

    def test_folder_as_database(self):
        folder = os.path.join(self.tmp, "a-folder")
        os.mkdir(folder)
        for cmd in (["init"], ["predictions"]):
            p = run_cli("--db", folder, *cmd)
            self.check(p.returncode == 1, f"`{cmd[0]}` exits 1 ({describe(p)})")
            self.check(p.out == "", f"`{cmd[0]}` prints nothing on stdout")
            self.check(("folder" in p.err or "directory" in p.err) and "a-folder" in p.err,
                       f"`{cmd[0]}` says the path is a folder: {p.err!r}")
            self.check(os.listdir(folder) == [], f"nothing was created in the folder: {os.listdir(folder)}")
        self.done()

    def test_init_creates_missing_folders(self):
        db = os.path.join(self.tmp, "not", "yet", "there", "hindsight.db")
        p = run_cli("--db", db, "init")
        self.check(p.returncode == 0, f"init exits 0 ({describe(p)})")
        self.check(os.path.isfile(db), "the database file was created with its folders")
        preds = self.json_of(run_cli("--db", db, "predictions", "--json"), "predictions --json")
        if preds is not None:
            self.check(len(preds) == len(_MODULE["predictions"]),
                       f"the new database holds the bundled dataset ({len(preds)} predictions)")
        self.done()


class ReadOnlyDatabaseTests(CliTestCase):
    """A database that cannot be written: writes are refused with "read-only",
    the file stays byte-identical, and reading still works.

    As root, file permissions are not enforced, so the CLI then runs as
    `nobody` (setpriv) on files owned by root."""

    def reader_prefix(self, db):
        if os.geteuid() != 0:
            if os.access(db, os.W_OK):
                self.skipTest("cannot make the database read-only for this user")
            return ()
        setpriv = shutil.which("setpriv") or "/usr/bin/setpriv"
        if not os.path.exists(setpriv):
            self.skipTest("running as root and setpriv (util-linux) is missing")
        prefix = (setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups")
        probe = subprocess.run([*prefix, CLI, "--version"], capture_output=True, env=hscli.cli_env())
        if probe.returncode != 0:
            self.skipTest("cannot run hindsight-cli as nobody: " + probe.stderr.decode(errors="replace"))
        probe = subprocess.run([*prefix, "test", "-w", db], env=hscli.cli_env())
        if probe.returncode == 0:
            self.skipTest("nobody could write the database; cannot test read-only")
        return prefix

    def make_read_only(self, folder_writable):
        os.chmod(self.tmp, 0o755)       # so that nobody can reach the files
        db = self.fresh_db()
        folder = os.path.dirname(db)
        os.chmod(db, 0o444)
        os.chmod(folder, 0o777 if folder_writable else 0o555)
        out = os.path.join(self.tmp, "out")
        os.mkdir(out)
        os.chmod(out, 0o777)
        good = self.write("good.json", json.dumps({
            "format": "hindsight", "version": 1,
            "topics": [{"id": "bad-input-topic", "name": "Would be new"}]}))
        os.chmod(good, 0o644)
        if not folder_writable and os.geteuid() != 0:
            self.assertFalse(os.access(folder, os.W_OK))
        return db, out, good

    def check_read_only(self, db, out, good):
        prefix = self.reader_prefix(db)
        before = sha256(db)
        writes = (["resolve", OPEN_PREDICTION, "--status", "confirmed", "--on", "2026-06-01"],
                  ["import", good])
        for cmd in writes:
            p = run_cli("--db", db, *cmd, prefix=prefix)
            self.check(p.returncode == 1, f"`{cmd[0]}` exits 1 ({describe(p)})")
            self.check("read-only" in p.err, f"`{cmd[0]}` says read-only: {p.err!r}")
            self.check(sha256(db) == before, f"`{cmd[0]}` left the file's bytes unchanged")
        for what in ("speakers", "sources", "claims", "predictions"):
            p = run_cli("--db", db, what, "--json", prefix=prefix)
            if self.check(p.returncode == 0, f"`{what} --json` still works (exit 0): {p.err.strip()!r}"):
                try:
                    self.check(len(json.loads(p.out)) > 0, f"`{what} --json` lists the data")
                except ValueError as e:
                    self.check(False, f"`{what} --json` prints JSON ({e})")
        p = run_cli("--db", db, "history", OPEN_PREDICTION, prefix=prefix)
        self.check(p.returncode == 0, f"`history` still works (exit 0): {p.err.strip()!r}")
        exp = os.path.join(out, "export.json")
        p = run_cli("--db", db, "export", exp, prefix=prefix)
        self.check(p.returncode == 0 and os.path.exists(exp),
                   f"`export` of a read-only database still works: {p.err.strip()!r}")
        self.check(sha256(db) == before, "the file's bytes are unchanged at the end")
        self.done()

    def test_read_only_file_in_read_only_folder(self):
        """KNOWN BUG: even listings fail ("the database is read-only, so nothing
        was changed", exit 1): the WAL database is opened read-only but SQLite
        cannot create the -shm/-wal files in a read-only folder."""
        self.check_read_only(*self.make_read_only(folder_writable=False))

    def test_read_only_file_in_writable_folder(self):
        self.check_read_only(*self.make_read_only(folder_writable=True))


# --------------------------------------------------------------------------
# Exit codes: bad usage (2) and bad values (1)

class UsageErrorTests(CliTestCase):
    """Exit 2, nothing on stdout, a usage hint on stderr."""

    def assert_usage(self, *args, hint=("--help", "Usage", "usage")):
        db = self.fresh_db()
        before = sha256(db)
        full = args if "--db" in args else ("--db", db, *args)
        p = run_cli(*full, cwd=self.tmp)
        self.check(p.returncode == 2, f"exit code 2 (got {p.returncode})")
        self.check(p.out == "", f"nothing on stdout (got {p.out[:200]!r})")
        self.check(p.err.strip() != "", "an explanation on stderr")
        self.check(any(h in p.err for h in hint), f"stderr carries a usage hint {list(hint)}: {p.err!r}")
        self.check(sha256(db) == before, "the database is unchanged")
        self.done(describe(p))

    def test_no_command(self):
        self.assert_usage()

    def test_unknown_command(self):
        self.assert_usage("frobnicate")

    def test_unknown_option(self):
        self.assert_usage("predictions", "--bogus")

    def test_show_without_an_id(self):
        self.assert_usage("show")

    def test_import_without_a_file(self):
        self.assert_usage("import")

    def test_resolve_without_status(self):
        self.assert_usage("resolve", OPEN_PREDICTION, "--on", "2026-06-01")

    def test_resolve_without_on(self):
        self.assert_usage("resolve", OPEN_PREDICTION, "--status", "confirmed")

    def test_db_option_without_a_path(self):
        """KNOWN BUG (minor): "--db needs a path" gives no usage hint
        (no "see hindsight-cli --help" as every other usage error has)."""
        p = run_cli("--db")
        self.check(p.returncode == 2, f"exit code 2 (got {p.returncode})")
        self.check(p.out == "", "nothing on stdout")
        self.check("--db" in p.err, f"names --db: {p.err!r}")
        self.check("--help" in p.err or "Usage" in p.err, f"stderr carries a usage hint: {p.err!r}")
        self.done(describe(p))

    def test_import_of_a_file_whose_format_cannot_be_told(self):
        self.write("file.txt", "id,speaker\n")
        self.assert_usage("import", "file.txt", hint=("--format", "--help"))


class BadValueTests(CliTestCase):
    """Exit 1, nothing on stdout, one clear line naming the value; the
    database unchanged."""

    def assert_bad_value(self, args, mentions, db=None):
        db = db or self.fresh_db()
        before = self.snapshot(db)
        p = run_cli("--db", db, *args)
        self.check(p.returncode == 1, f"exit code 1 (got {p.returncode})")
        self.check(p.out == "", f"nothing on stdout (got {p.out[:200]!r})")
        lines = p.err.splitlines()
        self.check(len(lines) == 1 and lines[0].startswith("hindsight-cli: "),
                   f"one error line on stderr: {lines}")
        for m in mentions:
            self.check(m in p.err, f"the message names {m!r}: {p.err!r}")
        for diff in before.differences(self.snapshot(db)):
            self.check(False, "database not exactly as before: " + diff)
        self.done(describe(p))

    def test_show_of_an_unknown_id(self):
        self.assert_bad_value(["show", "no-such-id"], ["no-such-id"])

    def test_predictions_of_an_unknown_speaker(self):
        self.assert_bad_value(["predictions", "--speaker", "nobody"], ["nobody", "speaker"])

    def test_predictions_with_an_unknown_status(self):
        self.assert_bad_value(["predictions", "--status", "maybe"], ["maybe", "confirmed"])

    def test_predictions_due_before_an_impossible_date(self):
        self.assert_bad_value(["predictions", "--due-before", "2026-13-01"], ["2026-13-01", "month"])

    def test_resolve_a_plain_claim(self):
        plain = next(c["id"] for c in _MODULE["claims"] if c.get("type") == "claim")
        self.assert_bad_value(["resolve", plain, "--status", "confirmed", "--on", "2026-06-01"],
                              [plain, "not a prediction"])

    def test_resolve_with_a_date_after_today(self):
        self.assert_bad_value(["resolve", OPEN_PREDICTION, "--status", "confirmed",
                               "--on", "2026-11-23"], ["2026-11-23", "future"])

    def test_resolve_with_a_date_before_the_prediction_was_stated(self):
        self.assert_bad_value(["resolve", OPEN_PREDICTION, "--status", "confirmed",
                               "--on", "2026-01-09"], ["2026-01-09", "before"])

    def test_resolve_with_an_impossible_date(self):
        self.assert_bad_value(["resolve", OPEN_PREDICTION, "--status", "confirmed",
                               "--on", "2026-02-30"], ["2026-02-30", "February 2026 has 28 days"])

    def test_undo_of_an_entry_that_is_not_the_last(self):
        db = self.fresh_db()
        ids = []
        for status, on in (("partial", "2026-04-01"), ("confirmed", "2026-05-01")):
            p = run_cli("--db", db, "resolve", OPEN_PREDICTION, "--status", status, "--on", on, "--json")
            self.assertEqual(p.returncode, 0, describe(p))
            ids.append(json.loads(p.out)["id"])
        self.assert_bad_value(["undo", ids[0]], ["last"], db=db)


# --------------------------------------------------------------------------
# Behaviour a person relies on

class BehaviourTests(CliTestCase):

    def test_help_lists_every_command_of_the_contract(self):
        p = run_cli("--help")
        self.assertEqual(p.returncode, 0, describe(p))
        listed = {ln.split()[0] for ln in p.out.splitlines() if ln.startswith("  ") and ln.split()}
        for cmd in CONTRACT_COMMANDS:
            self.check(cmd in listed, f"--help lists `{cmd}`")
        self.done(p.out)

    def test_every_listing_accepts_json(self):
        db = self.fresh_db()
        pid = _MODULE["predictions"][0]["id"]
        for args in (["speakers"], ["sources"], ["topics"], ["claims"], ["predictions"],
                     ["show", pid], ["history", pid], ["due"], ["scorecard"],
                     ["claims", "--speaker", "tang-jie"], ["predictions", "--status", "open"],
                     ["speakers", "--topic", "rl"], ["sources", "--speaker", "tang-jie"]):
            self.json_of(run_cli("--db", db, *args, "--json"), " ".join(args) + " --json")
        self.done()

    def test_predictions_json_agrees_with_speakers_and_sources(self):
        speakers = {s["id"]: s for s in _MODULE["speakers"]}
        sources = {s["id"]: s for s in _MODULE["sources"]}
        statuses = {"open", "confirmed", "partial", "refuted", "ambiguous"}
        for pr in _MODULE["predictions"]:
            pid = pr.get("id")
            sp, src = pr.get("speaker") or {}, pr.get("source") or {}
            known = speakers.get(sp.get("id"))
            if self.check(known is not None, f"{pid}: its speaker is a listed speaker"):
                self.check(sp.get("name") == known["name"] and sp.get("native_name") == known["native_name"],
                           f"{pid}: speaker name/native_name match `speakers` ({sp})")
            ksrc = sources.get(src.get("id"))
            if self.check(ksrc is not None, f"{pid}: its source is a listed source"):
                self.check(src.get("title") == ksrc["title"], f"{pid}: source title matches `sources`")
            self.check(pr.get("status") in statuses, f"{pid}: status {pr.get('status')!r}")
            self.check(isinstance(pr.get("horizon"), str) and pr["horizon"], f"{pid}: has a horizon")
            self.check(isinstance(pr.get("stated_on"), str), f"{pid}: has stated_on")
            try:
                e, l = day(pr.get("earliest")), day(pr.get("latest"))
                self.check(e is not None, f"{pid}: has an earliest date")
                self.check(l is None or e is None or e <= l, f"{pid}: earliest {e} <= latest {l}")
            except ValueError as err:
                self.check(False, f"{pid}: earliest/latest are full dates ({err})")
            prob = pr.get("probability", "absent")
            self.check(prob is None or (isinstance(prob, (int, float)) and 0 <= prob <= 1),
                       f"{pid}: probability is null or in [0, 1] ({prob!r})")
        self.done()

    def test_two_people_named_yao_shunyu_are_two_speakers(self):
        yaos = [s for s in _MODULE["speakers"] if s["name"] == "Yao Shunyu"]
        self.assertEqual(len(yaos), 2, yaos)
        self.assertNotEqual(yaos[0]["id"], yaos[1]["id"])
        self.assertEqual({s["native_name"] for s in yaos}, {"姚顺雨", "姚顺宇"})
        # Their predictions carry the right native name, by id.
        native = {s["id"]: s["native_name"] for s in yaos}
        seen = set()
        for pr in _MODULE["predictions"]:
            if pr["speaker"]["id"] in native:
                seen.add(pr["speaker"]["id"])
                self.assertEqual(pr["speaker"]["native_name"], native[pr["speaker"]["id"]], pr["id"])
        self.assertEqual(seen, set(native), "both have predictions in the dataset")
        # Filtering by one id never returns the other's claims.
        db = self.fresh_db()
        for sid in native:
            p = run_cli("--db", db, "claims", "--speaker", sid, "--json")
            self.assertEqual(p.returncode, 0, describe(p))
            self.assertEqual({c["speaker"]["id"] for c in json.loads(p.out)}, {sid})

    @staticmethod
    def haystack(c):
        return " ".join(x or "" for x in (c.get("text"), c.get("quote"), c.get("original_text")))

    def assert_search(self, term, fold_case):
        db = self.fresh_db()
        p = run_cli("--db", db, "claims", "--search", term, "--json")
        found = self.json_of(p, f"claims --search {term}")
        if found is None:
            self.done()
            return
        norm = (lambda s: s.lower()) if fold_case else (lambda s: s)
        expected = {c["id"] for c in _MODULE["claims"] if norm(term) in norm(self.haystack(c))}
        self.assertTrue(expected, f"the dataset has claims containing {term!r}")
        for c in found:
            self.check(norm(term) in norm(self.haystack(c)),
                       f"{c['id']} does not contain {term!r} in text, quote or original text")
        self.check({c["id"] for c in found} == expected,
                   f"finds every claim containing {term!r}: missing "
                   f"{sorted(expected - {c['id'] for c in found})}")
        self.done()

    def test_search_kimi_returns_only_claims_mentioning_kimi(self):
        self.assert_search("Kimi", fold_case=True)

    def test_search_three_chinese_characters(self):
        self.assert_search("自主学", fold_case=False)

    def test_search_two_chinese_characters(self):
        self.assert_search("模型", fold_case=False)

    def test_filters_speaker_and_topic_combine(self):
        db = self.fresh_db()
        speaker, topic = "yang-zhilin", "rl"
        both = self.json_of(run_cli("--db", db, "claims", "--speaker", speaker, "--topic", topic, "--json"),
                            "claims --speaker --topic")
        expected = {c["id"] for c in _MODULE["claims"]
                    if c["speaker"]["id"] == speaker and topic in (c.get("topics") or [])}
        self.assertTrue(expected, "the dataset has such claims")
        if both is not None:
            self.check({c["id"] for c in both} == expected,
                       f"speaker AND topic: got {sorted(c['id'] for c in both)}, expected {sorted(expected)}")
        preds = self.json_of(run_cli("--db", db, "predictions", "--speaker", speaker, "--status", "open",
                                     "--search", "model", "--json"), "predictions with three filters")
        if preds is not None:
            for pr in preds:
                self.check(pr["speaker"]["id"] == speaker and pr["status"] == "open"
                           and "model" in self.haystack(pr).lower(), f"{pr['id']} matches all three filters")
        self.done()

    def test_resolve_history_undo(self):
        db = self.fresh_db()
        ids = []
        for status, on in (("confirmed", "2026-04-01"), ("refuted", "2026-05-01")):
            p = run_cli("--db", db, "resolve", OPEN_PREDICTION, "--status", status, "--on", on,
                        "--evidence", f"evidence for {status}", "--url", "https://example.org/e", "--json")
            self.assertEqual(p.returncode, 0, describe(p))
            ids.append(json.loads(p.out)["id"])
        hist = json.loads(run_cli("--db", db, "history", OPEN_PREDICTION, "--json").out)
        self.assertEqual([h["id"] for h in hist], ids, "both entries, oldest first")
        self.assertEqual([h["status"] for h in hist], ["confirmed", "refuted"])
        self.assertEqual([h.get("current") for h in hist], [False, True], "the latest is current")
        self.assertEqual(hist[0]["evidence"], "evidence for confirmed")
        shown = json.loads(run_cli("--db", db, "show", OPEN_PREDICTION, "--json").out)
        self.assertEqual(shown["status"], "refuted")

        p = run_cli("--db", db, "undo", ids[1])
        self.assertEqual(p.returncode, 0, describe(p))
        hist = json.loads(run_cli("--db", db, "history", OPEN_PREDICTION, "--json").out)
        self.assertEqual([h["id"] for h in hist], ids[:1], "undo removed only the last entry")
        self.assertTrue(hist[0].get("current"))
        shown = json.loads(run_cli("--db", db, "show", OPEN_PREDICTION, "--json").out)
        self.assertEqual(shown["status"], "confirmed", "the status is back to the earlier entry's")

    def test_current_status_is_the_entry_with_the_latest_date(self):
        db = self.fresh_db()
        for status, on in (("confirmed", "2026-05-01"), ("refuted", "2026-04-01")):
            p = run_cli("--db", db, "resolve", OPEN_PREDICTION, "--status", status, "--on", on)
            self.assertEqual(p.returncode, 0, describe(p))
        shown = json.loads(run_cli("--db", db, "show", OPEN_PREDICTION, "--json").out)
        self.assertEqual(shown["status"], "confirmed",
                         "an entry added later but applying from an earlier date does not become current")

    def test_due_is_consistent_with_today(self):
        db = self.fresh_db()
        today = datetime.date.fromisoformat(TODAY)
        within = 60
        # Resolve one overdue prediction: it must leave the overdue list.
        overdue_before = [p for p in _MODULE["predictions"]
                          if p["status"] == "open" and p["latest"] and day(p["latest"]) < today]
        self.assertTrue(overdue_before, "the dataset has overdue predictions on " + TODAY)
        gone = overdue_before[0]["id"]
        p = run_cli("--db", db, "resolve", gone, "--status", "refuted", "--on", TODAY)
        self.assertEqual(p.returncode, 0, describe(p))

        due = self.json_of(run_cli("--db", db, "due", "--within", str(within), "--json"), "due --json")
        preds = self.json_of(run_cli("--db", db, "predictions", "--json"), "predictions --json")
        if due is None or preds is None:
            self.done()
        self.check(due.get("today") == TODAY, f"due reports today = {TODAY} ({due.get('today')})")
        open_ = [p for p in preds if p["status"] == "open" and p["latest"]]
        want_over = {p["id"] for p in open_ if day(p["latest"]) < today}
        want_up = {p["id"] for p in open_ if today <= day(p["latest"]) <= today + datetime.timedelta(days=within)}
        for item in due.get("overdue", []):
            self.check(item["status"] == "open" and day(item["latest"]) < today,
                       f"overdue item {item['id']} is open with latest {item['latest']} < {TODAY}")
        for item in due.get("upcoming", []):
            self.check(item["status"] == "open"
                       and today <= day(item["latest"]) <= today + datetime.timedelta(days=within),
                       f"upcoming item {item['id']} is open and due within {within} days ({item['latest']})")
        self.check({i["id"] for i in due.get("overdue", [])} == want_over, "overdue lists exactly the open, late predictions")
        self.check({i["id"] for i in due.get("upcoming", [])} == want_up, "upcoming lists exactly those due soon")
        self.check(gone not in {i["id"] for i in due.get("overdue", [])}, "a resolved prediction is no longer overdue")
        self.check(bool(want_up), f"(the dataset has predictions due within {within} days of {TODAY})")
        self.done()

    def test_scorecard_hit_rate_and_brier_by_hand(self):
        db = self.fresh_db()
        speaker = "lin-junyang"
        extra = {"format": "hindsight", "version": 1, "claims": [
            {"id": "bad-input-lin-p70", "speaker": speaker, "source": SOURCE, "stated_on": "2026-01-10",
             "text": "Seventy percent", "prediction": {"horizon": "this year", "probability": 0.7}},
            {"id": "bad-input-lin-p90", "speaker": speaker, "source": SOURCE, "stated_on": "2026-01-10",
             "text": "Ninety percent", "prediction": {"horizon": "this year", "probability": 0.9}}]}
        self.write("extra.json", json.dumps(extra))
        p = run_cli("--db", db, "import", os.path.join(self.tmp, "extra.json"))
        self.assertEqual(p.returncode, 0, describe(p))
        mine = [pr for pr in _MODULE["predictions"] if pr["speaker"]["id"] == speaker]
        with_p = {pr["id"]: pr["probability"] for pr in mine if pr["probability"] is not None}
        no_p = [pr["id"] for pr in mine if pr["probability"] is None]
        self.assertTrue(with_p and len(no_p) >= 4, "the speaker has predictions with and without a probability")
        p_id, p_val = next(iter(with_p.items()))
        plan = [(no_p[0], "confirmed", None), (no_p[1], "partial", None), (no_p[2], "refuted", None),
                (no_p[3], "ambiguous", None), (p_id, "confirmed", p_val),
                ("bad-input-lin-p70", "confirmed", 0.7), ("bad-input-lin-p90", "partial", 0.9)]
        for pid, status, _ in plan:
            p = run_cli("--db", db, "resolve", pid, "--status", status, "--on", "2026-06-01")
            self.assertEqual(p.returncode, 0, describe(p))
        outcome = {"confirmed": 1.0, "partial": 0.5, "refuted": 0.0}
        c = sum(s == "confirmed" for _, s, _ in plan)
        pa = sum(s == "partial" for _, s, _ in plan)
        r = sum(s == "refuted" for _, s, _ in plan)
        hit = (c + pa / 2) / (c + pa + r)
        scored = [(prob, outcome[s]) for _, s, prob in plan if prob is not None and s in outcome]
        brier = sum((prob - o) ** 2 for prob, o in scored) / len(scored)

        card = self.json_of(run_cli("--db", db, "scorecard", "--json"), "scorecard --json")
        if card is None:
            self.done()
        rows = {row["speaker"]["id"]: row for row in card}
        row = rows.get(speaker)
        self.assertIsNotNone(row, f"a scorecard row for {speaker}")
        total = len(mine) + 2
        self.check(row["predictions"] == total, f"predictions {row['predictions']} == {total}")
        for key, want in (("confirmed", c), ("partial", pa), ("refuted", r), ("ambiguous", 1),
                          ("open", total - len(plan)), ("resolved", len(plan))):
            self.check(row[key] == want, f"{key} {row[key]} == {want}")
        self.check(row["hit_rate"] is not None and math.isclose(row["hit_rate"], hit, abs_tol=1e-9),
                   f"hit_rate {row['hit_rate']} == (c + p/2)/(c+p+r) = {hit}")
        self.check(row["brier"] is not None and math.isclose(row["brier"], brier, abs_tol=1e-9),
                   f"brier {row['brier']} == {brier} (mean over {len(scored)} with a probability)")
        interval = row.get("hit_rate_interval")
        if interval is not None:   # optional in the contract; check it when given
            n, z = c + pa + r, 1.959963984540054
            centre = (hit + z * z / (2 * n)) / (1 + z * z / n)
            half = z * math.sqrt(hit * (1 - hit) / n + z * z / (4 * n * n)) / (1 + z * z / n)
            self.check(math.isclose(interval[0], centre - half, abs_tol=1e-3)
                       and math.isclose(interval[1], centre + half, abs_tol=1e-3),
                       f"95% Wilson interval {interval} ~ [{centre - half:.4f}, {centre + half:.4f}]")
        for sid, other in rows.items():
            if sid != speaker:
                self.check(other["hit_rate"] is None and other["brier"] is None,
                           f"{sid}: nothing resolved, so hit_rate and brier are null")
        self.done()

    def test_terminal_escapes_and_markup_are_shown_literally(self):
        db = self.fresh_db()
        evil = "red \x1b[31mALERT\x1b[0m <b>bold</b> &amp; \x07bell \x9b2J \x1b]0;title\x07"
        doc = {"format": "hindsight", "version": 1,
               "speakers": [{"id": "bad-input-evil", "name": "Evil \x1b[2J<i>Name</i>"}],
               "claims": [{"id": "bad-input-escape", "speaker": "bad-input-evil", "source": SOURCE,
                           "stated_on": "2026-01-10", "text": evil, "quote": evil,
                           "prediction": {"horizon": "this year"}}]}
        self.write("escape.json", json.dumps(doc))
        p = run_cli("--db", db, "import", os.path.join(self.tmp, "escape.json"))
        self.assertEqual(p.returncode, 0, describe(p))
        p = run_cli("--db", db, "resolve", "bad-input-escape", "--status", "confirmed",
                    "--on", "2026-06-01", "--evidence", "see \x1b[2J<b>x</b>")
        self.assertEqual(p.returncode, 0, describe(p))

        raw = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")   # C0 (but \t \n), DEL, C1
        for args in (["show", "bad-input-escape"], ["claims", "--search", "ALERT"],
                     ["predictions", "--speaker", "bad-input-evil"], ["speakers"],
                     ["history", "bad-input-escape"], ["due", "--within", "36500"]):
            p = run_cli("--db", db, *args)
            self.check(p.returncode == 0, f"`{' '.join(args)}` exits 0 ({p.err.strip()!r})")
            bad = raw.findall(p.stdout)
            self.check(not bad, f"`{' '.join(args)}` prints raw control bytes {bad[:5]} on stdout")
        p = run_cli("--db", db, "show", "bad-input-escape")
        self.check("<b>bold</b>" in p.out and "&amp;" in p.out, "markup is shown as the characters it is")
        self.check("ALERT" in p.out, "the text around the escapes is shown")
        # JSON: valid, no raw ESC, and the exact text back.
        p = run_cli("--db", db, "show", "bad-input-escape", "--json")
        self.check(b"\x1b" not in p.stdout, "show --json has no raw ESC byte")
        self.check(json.loads(p.out).get("text") == evil, "show --json gives the text back exactly")
        # An error message quoting the input is sanitized too.
        p = run_cli("--db", db, "show", "\x1b[31mno-such")
        self.check(p.returncode == 1 and b"\x1b" not in p.stderr, "an error quoting input has no raw ESC")
        self.done()

    def test_bidi_override_and_zero_width_text_round_trips(self):
        db = self.fresh_db()
        hostile = ("abc\u202eevil\u202c zero\u200bwidth\u200c\u200d\ufeff "
                   "\u2066isolate\u2069 \u061c e\u0301 \U0001F600 姚顺雨")
        doc = {"format": "hindsight", "version": 1,
               "speakers": [{"id": "bad-input-rtl", "name": "\u202eKing\u200b", "native_name": "\u200f姚\u200b顺宇"}],
               "claims": [{"id": "bad-input-rtl-1", "speaker": "bad-input-rtl", "source": SOURCE,
                           "stated_on": "2026-01-10", "text": hostile, "quote": hostile[::-1],
                           "original_text": hostile, "original_language": "zh",
                           "prediction": {"horizon": "next year", "probability": 0.3,
                                          "resolutions": [{"status": "partial", "on": "2026-03-01",
                                                           "evidence": hostile}]}}]}
        src = self.write("hostile.json", json.dumps(doc, ensure_ascii=False))
        p = run_cli("--db", db, "import", src)
        self.assertEqual(p.returncode, 0, describe(p))
        exp = os.path.join(self.tmp, "export.json")
        p = run_cli("--db", db, "export", exp)
        self.assertEqual(p.returncode, 0, describe(p))
        with open(exp, "rb") as f:
            data = f.read()
        exported = json.loads(data)
        claim = next(c for c in exported["claims"] if c["id"] == "bad-input-rtl-1")
        speaker = next(s for s in exported["speakers"] if s["id"] == "bad-input-rtl")
        self.assertEqual(claim["text"], hostile)
        self.assertEqual(claim["quote"], hostile[::-1])
        self.assertEqual(claim["original_text"], hostile)
        self.assertEqual(claim["prediction"]["resolutions"][0]["evidence"], hostile)
        self.assertEqual((speaker["name"], speaker["native_name"]), ("\u202eKing\u200b", "\u200f姚\u200b顺宇"))
        self.assertIn(json.dumps(hostile, ensure_ascii=False).encode("utf-8"), data,
                      "the export holds the text byte for byte")
        # And again: the export imports into an empty database and exports the same bytes.
        db2 = os.path.join(self.tmp, "db2", "again.db")
        p = run_cli("--db", db2, "import", exp)
        self.assertEqual(p.returncode, 0, describe(p))
        exp2 = os.path.join(self.tmp, "export2.json")
        p = run_cli("--db", db2, "export", exp2)
        self.assertEqual(p.returncode, 0, describe(p))
        with open(exp2, "rb") as f:
            self.assertEqual(f.read(), data, "export → import → export is byte-identical")


if __name__ == "__main__":
    unittest.main(verbosity=2)
