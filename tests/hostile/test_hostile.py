#!/usr/bin/env python3
"""Hostile data, run through the real hindsight-cli.

The issue's "Hostile data" requirement: a corpus of nasty inputs (markup, RTL
and zero-width characters, emoji, NUL escapes, 10 MB strings, deep nesting,
duplicate ids, dangling references, dates like 0000-00-00 and 9999-12-31) run
through import, the CLI listings and the chart renderers, with an assertion
per case.

The small inputs are files in corpus/; the large ones (10 MB strings, 1,000
and 100,000 levels of nesting) are generated here at run time. Every case is
one test method, test_<case>, and is run through:

(a) import. A refused case must exit 1 with nothing on stdout and an error
    line "hindsight-cli: FILE:LINE:COL: PATH: ..." at the documented place
    (columns count characters), every stderr line short (hostile input is
    never echoed in full), and the database exactly as before (listings,
    export, file bytes, folder). An accepted case must exit 0.
(b) for an accepted case, every listing and `show` of every object in the
    file, in text and in --json: --json gives each text back exactly (the
    same code points, so the same UTF-8 bytes); text mode puts no raw C0
    (other than the line feed), DEL or C1 control character, no bidi
    embedding, override or isolate (U+202A-U+202E, U+2066-U+2069) on the
    terminal, and still shows the visible text.
(c) for an accepted case, export -> import into an empty database -> export
    is byte-identical, the export holds each text exactly, and importing the
    same file again changes nothing.

The documented behaviour asserted (docs/exchange-format.md): text is never
markup; U+0000 is refused everywhere, other control characters are text
(JSON requires them escaped); ids are 1-128 characters of A-Z a-z 0-9 . _ : -;
years run from 1000 to 9999; text limits are 128 / 1,000 / 2,048 / 65,536
bytes, refused "with the field and the size"; duplicate and dangling ids are
errors; CSV export puts an apostrophe before anything a spreadsheet would
take for a formula, and CSV export/import round-trips.

Tests marked "Regression" in their docstring failed against the CLI when they
were written and found a defect in src/, since fixed; the note says what it was.

The charts: ChartRendererTests runs every accepted case through every chart
kind and format (skipped, with the reason "chart renderers are not built yet
(issue: charts)", when `hindsight-cli chart` does not exist).

Environment (as the meson suite sets it):
  HINDSIGHT_CLI        the hindsight-cli to test (required)
  HINDSIGHT_TODAY      pinned "today", 2026-11-22
  HINDSIGHT_CHART_KINDS  chart kinds to render, comma-separated (default: those
                       `hindsight-cli chart` names)

Python 3 standard library only.
"""

import json
import os
import re
import shutil
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from hscli import CLI, Snapshot, describe, locate, run_cli  # noqa: E402
import hscli  # noqa: E402

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
MB10 = 10 * 1024 * 1024

# What text mode must never put on a terminal: C0 controls but the line
# feed, DEL, C1 controls (as UTF-8), bidi embeddings/overrides and isolates.
RAW_CONTROL = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
UNSAFE_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# Filled in by setUpModule.
_MODULE = hscli.STATE


# --------------------------------------------------------------------------
# Helpers (the shared ones are in tests/cli/hscli.py)

def short(value, n=60):
    r = repr(value)
    return r if len(r) <= n else r[:n] + "…"


def setUpModule():
    hscli.set_up_module("hs-hostile-")


def tearDownModule():
    hscli.tear_down_module()


# --------------------------------------------------------------------------
# Comparing what the CLI gives back with what the file said

def subset_problems(want, got, where):
    """Problems where GOT does not hold WANT exactly: every member WANT has
    (that is not null) is in GOT with the same value; lists element by
    element."""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return [f"{where}: expected an object, got {short(got)}"]
        out = []
        for k, v in want.items():
            if v is None:
                continue
            out += subset_problems(v, got.get(k), f"{where}.{k}")
        return out
    if isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            return [f"{where}: expected {len(want)} items, got {short(got, 200)}"]
        out = []
        for i, (w, g) in enumerate(zip(want, got)):
            out += subset_problems(w, g, f"{where}[{i}]")
        return out
    if isinstance(want, float) or isinstance(got, float):
        if not isinstance(got, (int, float)) or isinstance(got, bool) or float(want) != float(got):
            return [f"{where}: expected {want!r}, got {got!r}"]
        return []
    if want != got:
        return [f"{where}: expected {short(want)}, got {short(got)}"]
    return []


def show_shape(section, obj):
    """The members `show ID --json` has for an object of the file."""
    if section == "claims":
        want = {k: obj.get(k) for k in ("text", "quote", "original_text", "original_language",
                                          "locator", "stated_on", "topics")}
        pred = obj.get("prediction")
        if pred:
            for k in ("horizon", "probability", "confidence"):
                want[k] = pred.get(k)
            want["history"] = [{k: e.get(k) for k in ("id", "status", "on", "evidence", "url")}
                               for e in pred.get("resolutions") or []]
        return want
    return {k: v for k, v in obj.items() if k != "id"}


def visible_pieces(value):
    """The stretches of a text that a terminal shows as they are."""
    return [p for p in UNSAFE_CHARS.split(value) if len(p.strip()) >= 3]


# --------------------------------------------------------------------------
# The cases

class Case:
    """One hostile input.

    file / make: a corpus file, or a function returning (name, bytes);
    accepted: True when the import must succeed;
    at: where a refusal is reported, a needle in the file's text (its first
        character is the place; "re:" for a regular expression) or (line,
        column); None for 1:1; also: other needles that are as good a place;
    path: the field path of the error line (None: a whole-file problem; a
        trailing "*": the path starts so, as a long path is shortened);
    messages: one of these must be in the error line; mentions: all of these;
    was_bug: the defect this case found in src/ (fixed since; kept so the
        case says what it guards);
    check: extra checks for an accepted case, f(test, db, doc) -> problems;
    search: (term, id) pairs: `claims --search term` must find id."""

    def __init__(self, name, file=None, make=None, accepted=False, at=None, nth=1, offset=0,
                 path=None, messages=(), mentions=(), was_bug=None, check=None, search=(),
                 what="", also=()):
        self.name, self.file, self.make, self.accepted = name, file, make, accepted
        self.also = also
        self.at, self.nth, self.offset, self.path = at, nth, offset, path
        self.messages, self.mentions, self.was_bug = messages, mentions, was_bug
        self.check, self.search, self.what = check, search, what

    def content(self):
        if self.make is not None:
            return self.make()
        with open(os.path.join(CORPUS, self.file), "rb") as f:
            return self.file, f.read()


# Extra checks for accepted cases.

def check_far_future(test, db, doc):
    """Horizons from dates near 9999-12-31 must not overflow: every window
    lies within the years Hindsight knows and starts no earlier than said."""
    problems = []
    for c in doc["claims"]:
        shown = test.json_of(run_cli("--db", db, "show", c["id"], "--json"), f"show {c['id']}")
        if shown is None:
            continue
        e, l, s = shown.get("earliest"), shown.get("latest"), (shown.get("stated_on") or "").lstrip("~")
        ok = (isinstance(e, str) and re.fullmatch(r"~?\d{4}-\d\d-\d\d", e)
              and (l is None or (isinstance(l, str) and re.fullmatch(r"~?\d{4}-\d\d-\d\d", l)
                                 and e.lstrip("~") <= l.lstrip("~") <= "9999-12-31"))
              and e.lstrip("~") >= s[:4])
        if not ok:
            problems.append(f"{c['id']} ({c['prediction']['horizon']!r}, stated {shown.get('stated_on')}): "
                            f"window {e} .. {l}")
    for args in (["due", "--within", "36500"], ["predictions", "--due-before", "9999-12-31"],
                 ["scorecard"]):
        p = run_cli("--db", db, *args, "--json")
        if p.returncode != 0:
            problems.append(f"`{' '.join(args)}` fails: {p.err.strip()[:300]}")
    return problems


def check_leap(test, db, doc):
    """2024-02-29 + 1 year clamps to 2025-02-28 (documented); this month ends 02-29."""
    problems = []
    for cid, latest in (("hostile-leap-year", "2025-02-28"), ("hostile-leap-month", "2024-02-29")):
        shown = test.json_of(run_cli("--db", db, "show", cid, "--json"), f"show {cid}")
        if shown is not None and shown.get("latest") != latest:
            problems.append(f"{cid}: latest {shown.get('latest')}, expected {latest}")
    return problems


def check_numbers(test, db, doc):
    """-0.0 and 1e-400 are zero, 25E-2 a quarter; none is stored negative."""
    problems = []
    for cid, want in (("hostile-negzero", 0.0), ("hostile-underflow", 0.0), ("hostile-exponent", 0.25)):
        shown = test.json_of(run_cli("--db", db, "show", cid, "--json"), f"show {cid}")
        if shown is None:
            continue
        got = shown.get("probability")
        if not isinstance(got, (int, float)) or got != want or str(got).startswith("-"):
            problems.append(f"{cid}: probability {got!r}, expected {want!r}")
    p = run_cli("--db", db, "predictions", "--speaker", "hostile-speaker")
    if p.returncode != 0 or "-0" in re.sub(r"\d{4}-\d\d-\d\d", "", p.out):
        problems.append(f"predictions shows a negative zero or fails: {p.out[:400]!r} {p.err[:200]!r}")
    return problems


def check_long_ids(test, db, doc):
    """A 128-character id works everywhere an id is typed."""
    cid = doc["claims"][0]["id"]
    p = run_cli("--db", db, "resolve", cid, "--status", "confirmed", "--on", "2026-06-01", "--json")
    if p.returncode != 0:
        return [f"resolve of a 128-character id fails: {p.err.strip()[:300]}"]
    entry = json.loads(p.out)["id"]
    p = run_cli("--db", db, "undo", entry)
    return [] if p.returncode == 0 else [f"undo fails: {p.err.strip()[:300]}"]


def deep(opening, closing, inner, levels):
    return opening * levels + inner + closing * levels


def header(body):
    return '{\n  "format": "hindsight",\n  "version": 1,\n' + body + '\n}\n'


VALID_SPEAKER = '    { "id": "hostile-valid-speaker", "name": "Must not be stored" },\n'
SPEAKER = '{ "id": "hostile-speaker", "name": "Hostile Speaker" }'


def lazy(x):
    return x() if callable(x) else x


def big_field(name, member, value, section="speakers", extra=""):
    """A file whose second speaker (or source) has MEMBER set to VALUE
    (either may be a function, so that 10 MB is built only when needed)."""
    def make():
        member_, value_ = lazy(member), lazy(value)
        if section == "speakers":
            body = ('  "speakers": [\n' + VALID_SPEAKER +
                    '    { "id": "hostile-speaker", "name": "N", ' + extra
                    + '"' + member_ + '": ' + value_ + ' }\n  ]')
        else:
            body = ('  "speakers": [\n' + VALID_SPEAKER + '    ' + SPEAKER + '\n  ],\n'
                    '  "sources": [\n    { "id": "hostile-source", "title": "T", "kind": "talk", '
                    + extra + '"' + member_ + '": ' + value_ + ' }\n  ]')
        return name, header(body).encode("utf-8")
    return make


def claim_file(name, claim_json):
    def make():
        body = ('  "speakers": [\n' + VALID_SPEAKER + '    ' + SPEAKER + '\n  ],\n'
                '  "claims": [\n    ' + lazy(claim_json) + '\n  ]')
        return name, header(body).encode("utf-8")
    return make


CLAIM_HEAD = '{ "id": "hostile-claim", "speaker": "hostile-speaker", "stated_on": "2026-01-10", '

CASES = [
    # ---- accepted: text that is text, whatever it looks like
    Case("markup_is_text", "markup.json", accepted=True,
         search=(("<script>alert(1)</script>", "hostile-markup-claim"),
                 ('foreground="red"', "hostile-markup-claim"))),
    Case("bidi_overrides_and_isolates", "bidi.json", accepted=True,
         search=(("}if (admin) {", "hostile-bidi-claim"),)),
    Case("zero_width_characters", "zero-width.json", accepted=True,
         search=(("vis\u200cible", "hostile-zw-claim"),)),
    Case("combining_characters_and_unnormalized_text", "combining.json", accepted=True,
         search=(("e\u0301 vs", "hostile-combining-claim"),)),
    Case("emoji_zwj_sequences_skin_tones_flags", "emoji.json", accepted=True,
         search=(("\U0001F468\u200d\U0001F469\u200d\U0001F467", "hostile-emoji-claim"),
                 ("\U0001F44D\U0001F3FD", "hostile-emoji-claim"))),
    Case("emoji_as_escaped_surrogate_pairs", "emoji-escaped-pairs.json", accepted=True),
    Case("control_characters_other_than_nul_are_text", "control-characters.json", accepted=True,
         what="U+0001, ESC sequences, BEL, DEL, C1, backspace, form feed, tab, CR in every text field"),
    Case("date_9999_12_31_and_horizons_that_would_overflow", "date-9999-12-31.json", accepted=True,
         check=check_far_future),
    Case("date_2024_02_29_is_a_leap_day", "date-2024-02-29.json", accepted=True, check=check_leap),
    Case("probability_negative_zero_underflow_and_exponent", "probability-negative-zero.json",
         accepted=True, check=check_numbers),
    Case("ids_of_128_characters", "id-128.json", accepted=True, check=check_long_ids),
    Case("relations_may_point_forward", "relation-forward.json", accepted=True),

    # ---- refused: U+0000, broken text
    Case("nul_escape_in_claim_text", "nul-in-claim-text.json", at='"before\\u0000after"',
         path="claims[0].text", messages=("NUL",)),
    Case("nul_escape_in_speaker_id", "nul-in-speaker-id.json", at='"hostile\\u0000speaker"',
         path="speakers[0].id", messages=("NUL",)),
    Case("nul_escape_in_a_topic_reference", "nul-in-topic-reference.json", at='"hostile-valid-topic\\u0000"',
         path="claims[0].topics[0]", messages=("NUL",)),
    Case("nul_escape_in_a_member_name", "nul-in-member-name.json", at='"bio\\u0000hidden"',
         path="speakers[1]", messages=("NUL",),
         was_bug='the member name "bio\\u0000hidden" is cut at the NUL and read as "bio": the file is '
                   'imported and the speaker gets the bio "smuggled", although U+0000 "is refused '
                   'everywhere" (the same happens to "prediction\\u0000" and "format\\u0000")'),
    Case("raw_escape_byte_inside_a_string", "raw-escape-byte.json", at="\x1b",
         path="speakers[1].name", messages=("control character", "must be escaped")),
    Case("raw_line_break_inside_a_string", "raw-line-break-in-string.json", at="two\n", offset=3,
         path="speakers[1].name", messages=("line break",)),
    Case("lone_high_surrogate", "lone-surrogate-high.json", at="\\ud800", path="speakers[1].name",
         messages=("surrogate",)),
    Case("lone_low_surrogate", "lone-surrogate-low.json", at="\\udfff", path="speakers[1].name",
         messages=("surrogate",)),
    Case("surrogates_in_the_wrong_order", "surrogates-reversed.json", at="\\udc00", path="speakers[1].name",
         messages=("surrogate",)),
    Case("surrogate_encoded_as_utf8_bytes", "surrogate-encoded-in-utf8.json", at="\ufffd",
         path="speakers[1].name", messages=("UTF-8",)),
    Case("overlong_utf8", "overlong-utf8.json", at="\ufffd", path="speakers[1].name", messages=("UTF-8",)),
    Case("utf16_file", "utf-16.json", at=None, messages=("UTF-8",)),

    # ---- refused: dates and numbers
    Case("date_0000_00_00", "date-0000-00-00.json", at='"0000-00-00"', path="claims[0].stated_on",
         messages=("1000 to 9999",), mentions=("0000-00-00",)),
    Case("date_2026_02_29_is_not_a_leap_day", "date-2026-02-29.json", at='"2026-02-29"',
         path="claims[0].prediction.latest", messages=("February 2026 has 28 days",)),
    Case("resolution_on_9999_12_31_is_in_the_future", "date-9999-12-31-resolution.json",
         at='"9999-12-31"', path="claims[0].prediction.resolutions[0].on", messages=("future",),
         was_bug='the place is the resolution object and the path is "...resolutions[0]", not the '
                   '"on" field that is wrong'),
    Case("year_10000", "date-year-10000.json", at='"10000-01-01"', path="sources[0].event_date",
         messages=("not a date",), mentions=("10000-01-01",)),
    Case("probability_1e400", "probability-1e400.json", at="1e400", path="claims[0].prediction.probability",
         messages=("not a probability",), mentions=("1e400",)),
    Case("probability_nan_literal", "probability-nan.json", at="NaN",
         path="claims[0].prediction.probability", messages=("expected a value", "NaN")),

    # ---- refused: ids
    Case("id_of_129_characters", "id-129.json", at='"SAa0', path="speakers[0].id",
         messages=("not an id",), mentions=("128",)),
    Case("id_with_a_bidi_override", "id-with-bidi-override.json", at='"invoice', path="speakers[0].id",
         messages=("not an id",)),
    # A record given twice is reported at the second record (its opening
    # brace), the path naming the record.
    Case("duplicate_claim_id", "duplicate-claim-id.json", at='re:\\{\\s*"id": "hostile-claim"', nth=2,
         path="claims[1]", messages=("used twice",), mentions=("hostile-claim",)),
    Case("duplicate_topic_id", "duplicate-topic-id.json", at='re:\\{\\s*"id": "hostile-valid-topic"', nth=2,
         path="topics[1]", messages=("used twice",), mentions=("hostile-valid-topic",)),
    Case("duplicate_resolution_id", "duplicate-resolution-id.json", at='re:\\{\\s*"id": "hostile-entry"', nth=2,
         path="claims[0].prediction.resolutions[1]", messages=("hostile-entry",)),
    Case("duplicate_member_name", "duplicate-member-name.json", at='"name": "Second', nth=1,
         path="speakers[1].name", messages=("twice", "duplicate", "more than once"),
         was_bug='{"name": "First name", "name": "Second name"} is accepted and "First name" is '
                   'silently dropped (the last one wins); a member given twice loses data the way '
                   'the format refuses unknown members to avoid'),
    Case("id_shared_by_a_speaker_and_a_topic", "id-shared-by-a-speaker-and-a-topic.json",
         at='"hostile-shared"', nth=2, path="topics[0].id", messages=("hostile-shared",),
         was_bug='both are stored; `show hostile-shared` then shows only the speaker, and the topic '
                   'cannot be reached by `show` at all (ids are meant to name one thing)'),

    # ---- refused: dangling references
    Case("dangling_topic", "dangling-topic.json", at='"hostile-no-such-topic"', path="claims[0].topics[1]",
         messages=("no topic",), mentions=("hostile-no-such-topic",),
         was_bug='the place is the "topics" array (30:17), not the dangling id its path names '
                   '(32:9); the same defect as a dangling relation in tests/cli'),
    Case("dangling_source", "dangling-source.json", at='"hostile-no-such-source"', path="claims[0].source",
         messages=("no source",), mentions=("hostile-no-such-source",)),
    Case("dangling_speaker_in_csv", "dangling-speaker.csv", at=(3, 2), path="speaker",
         messages=("no speaker",), mentions=("hostile-nobody",)),
    Case("nul_byte_in_csv", "nul-byte.csv", at=(2, 5), path="text", messages=("NUL",),
         was_bug='the error line has no column name ("nul-byte.csv:2:5: a NUL byte is not allowed"); '
                   'the format says CSV errors name the column'),
    Case("empty_required_name", "empty-speaker-name.json", at='""', path="speakers[0].name",
         messages=("empty", "required", "missing"),
         was_bug='"name": "" reaches SQLite: "hindsight-cli: hindsight.db: saving a speaker (NOT NULL '
                   'constraint failed: speakers.name)", with no file, line, column or field path '
                   '(the same for a claim\'s text, a source\'s title and a topic\'s name)'),

    # ---- refused: 10 MB strings (generated)
    Case("ten_megabyte_speaker_bio", make=big_field("bio-10mb.json", "bio", lambda: '"' + "b" * MB10 + '"'),
         at='"bbbb', path="speakers[1].bio", messages=("bytes long",), mentions=(str(MB10), "65536")),
    Case("ten_megabyte_source_title", make=big_field("title-10mb.json", "title", lambda: '"' + "t" * MB10 + '"',
                                                      section="sources"),
         at='"tttt', path="sources[0].title", messages=("bytes long",), mentions=(str(MB10), "1000")),
    Case("ten_megabyte_url", make=big_field("url-10mb.json", "url", lambda: '"https://' + "u" * MB10 + '"',
                                            section="sources"),
         at='"https://uuu', path="sources[0].url", messages=("bytes long",), mentions=("2048",)),
    Case("ten_megabytes_of_chinese_characters", make=big_field("cjk-10mb.json", "bio",
                                                               lambda: '"' + "字" * (MB10 // 3) + '"'),
         at='"字字', path="speakers[1].bio", messages=("bytes long",), mentions=(str(MB10 // 3 * 3), "65536")),
    Case("ten_megabytes_of_escapes", make=big_field("escapes-10mb.json", "bio",
                                                    lambda: '"' + "\\u00e9" * (MB10 // 6) + '"'),
         at='"\\u00e9', path="speakers[1].bio", messages=("bytes long",), mentions=("65536",)),
    Case("ten_megabyte_evidence", make=claim_file("evidence-10mb.json", lambda: CLAIM_HEAD +
         '"text": "t", "prediction": { "horizon": "this year", "resolutions": [ { "status": "confirmed", '
         '"on": "2026-02-01", "evidence": "' + "e" * MB10 + '" } ] } }'),
         at='"eeee', path="claims[0].prediction.resolutions[0].evidence", messages=("bytes long",),
         mentions=("65536",)),
    # An unknown member is reported at its value (or its name would do).
    Case("ten_megabyte_member_name", make=big_field("member-10mb.json", lambda: "k" * MB10, '"v"'),
         at='"v"', also=('"kkkk',), path="speakers[1].kkkk*", messages=("unknown field",)),
    Case("ten_megabyte_id", make=big_field("id-10mb.json", "id", lambda: '"' + "i" * MB10 + '"'),
         at='"iiii', path="speakers[1].id", messages=("bytes long", "not an id"), mentions=("128",),
         was_bug='an id longer than 512 bytes gets "at most 512 are allowed here" (ids are 128: '
                   'docs/exchange-format.md), so a person trims it to 500 and meets a second error'),
    Case("ten_megabyte_number", make=claim_file("number-10mb.json", lambda: CLAIM_HEAD +
         '"text": "t", "prediction": { "horizon": "this year", "probability": 1' + "0" * MB10 + ' } }'),
         at="1000", path="claims[0].prediction.probability", messages=("not a probability",),
         was_bug="the whole 10 MB number is quoted in the error line (10,485,940 bytes of stderr); "
                   "strings are cut to 40 characters, numbers are not"),

    # ---- refused: deep nesting (generated)
    Case("nesting_1000_levels_in_a_text_field", make=big_field("deep-1000.json", "bio",
                                                               lambda: deep("[", "]", "1", 1000)),
         at="[[[", path="speakers[1].bio", messages=("expected a string", "nested deeper")),
    Case("nesting_100000_levels_in_an_unknown_member", make=big_field("deep-100000-member.json", "x",
                                                                      lambda: deep('{"a":', "}", "1", 100000)),
         at='"x": {', offset=5, also=('"x"',), path="speakers[1].x", messages=("unknown field", "nested deeper")),
    Case("nesting_100000_levels_of_claims", make=lambda: ("deep-100000-claims.json", header(
        '  "speakers": [\n' + VALID_SPEAKER + '    ' + SPEAKER + '\n  ],\n  "claims": ' +
        deep("[", "]", "", 100000)).encode()),
         at="[[[", offset=1, path="claims[0]", messages=("expected an object", "nested deeper")),
    Case("nesting_100000_levels_in_translations", make=lambda: ("deep-100000-translations.json", header(
        '  "topics": [ { "id": "hostile-topic", "name": "T", "translations": ' +
        deep('{"zh":', "}", '"x"', 100000) + ' } ]').encode()),
         at='{"zh":{', offset=6, path="topics[0].translations.zh",
         messages=("expected a string", "nested deeper")),
    Case("nesting_100000_levels_as_the_whole_file", make=lambda: ("deep-100000-file.json",
                                                                  deep("[", "]", "", 100000).encode()),
         at=None, messages=("expected a Hindsight file", "nested deeper")),
]


class HostileTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="hs-hostile-case-")
        self.tmp = self._tmp.name
        self.problems = []

    def tearDown(self):
        self._tmp.cleanup()

    def check(self, cond, what):
        if not cond:
            self.problems.append(what)
        return cond

    def done(self, context=""):
        if self.problems:
            shown = self.problems[:40] + ([f"... and {len(self.problems) - 40} more"]
                                          if len(self.problems) > 40 else [])
            self.fail("\n  - " + "\n  - ".join(shown) + ("\n" + context if context else ""))

    def json_of(self, p, what):
        if not self.check(p.returncode == 0, f"{what} exits 0 ({describe(p, 300)})"):
            return None
        try:
            return json.loads(p.stdout.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            self.check(False, f"{what} prints valid UTF-8 JSON ({e})")
            return None

    def fresh_db(self, template=True, name="hindsight.db"):
        d = os.path.join(self.tmp, "db-" + name)
        os.makedirs(d, exist_ok=True)
        db = os.path.join(d, name)
        if template:
            shutil.copyfile(_MODULE["template"], db)
        return db

    def text_mode(self, db, args):
        """Runs a text-mode command: exit 0 and a terminal-safe stdout."""
        p = run_cli("--db", db, *args)
        cmd = " ".join(short(a, 40) for a in args)
        self.check(p.returncode == 0, f"`{cmd}` exits 0 ({p.err.strip()[:300]!r})")
        bad = RAW_CONTROL.findall(p.stdout)
        self.check(not bad, f"`{cmd}` puts raw control characters on the terminal: {sorted(set(bad))[:8]}")
        return p.out

    # -- accepted --------------------------------------------------------

    def run_accepted(self, case, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        doc = json.loads(data.decode("utf-8"))
        db = self.fresh_db(template=False)
        p = run_cli("--db", db, "import", name, cwd=self.tmp)
        if not self.check(p.returncode == 0, f"the import is accepted ({describe(p)})"):
            self.done()
        self.check(p.err == "", f"nothing on stderr: {p.err[:300]!r}")

        # (b) show and the listings, --json and text.
        for section in ("speakers", "sources", "topics", "claims"):
            for obj in doc.get(section) or []:
                oid = obj["id"]
                shown = self.json_of(run_cli("--db", db, "show", oid, "--json"), f"show {short(oid, 30)} --json")
                if shown is not None:
                    got = dict(shown)
                    if section == "claims":
                        got["relations"] = [r for r in shown.get("relations", [])
                                            if r.get("direction") == "outgoing"]
                    want = show_shape(section, obj)
                    if section == "claims" and obj.get("relations"):
                        want["relations"] = obj["relations"]
                    for pr in subset_problems(want, got, f"show {short(oid, 30)} --json"):
                        self.check(False, pr)
                out = self.text_mode(db, ["show", oid])
                key = {"speakers": "name", "sources": "title", "topics": "name", "claims": "text"}[section]
                for piece in visible_pieces(obj[key]):
                    self.check(piece in out, f"`show {short(oid, 30)}` shows {short(piece)} of the {key}")
                if section == "claims" and obj.get("prediction"):
                    hist = self.json_of(run_cli("--db", db, "history", oid, "--json"), "history --json")
                    if hist is not None:
                        want = [{k: e.get(k) for k in ("status", "on", "evidence", "url")}
                                for e in obj["prediction"].get("resolutions") or []]
                        for pr in subset_problems(want, hist, f"history {short(oid, 30)} --json"):
                            self.check(False, pr)
                    self.text_mode(db, ["history", oid])

        listing_keys = {"speakers": ("name", "native_name"), "sources": ("title",), "topics": ("name",),
                        "claims": ("text", "quote", "original_text")}
        for what in ("speakers", "sources", "topics", "claims", "predictions"):
            listed = self.json_of(run_cli("--db", db, what, "--json"), f"{what} --json")
            section = "claims" if what == "predictions" else what
            if listed is not None:
                by_id = {item.get("id"): item for item in listed}
                for obj in doc.get(section) or []:
                    if what == "predictions" and not obj.get("prediction"):
                        continue
                    item = by_id.get(obj["id"])
                    if not self.check(item is not None, f"{what} --json lists {short(obj['id'], 30)}"):
                        continue
                    for k in listing_keys[section]:
                        if obj.get(k) is not None and k in item:
                            self.check(item[k] == obj[k], f"{what} --json: {short(obj['id'], 30)}.{k} is "
                                                          f"{short(item[k])}, not {short(obj[k])}")
            self.text_mode(db, [what])
        for args in (["due", "--within", "36500"], ["scorecard"]):
            self.json_of(run_cli("--db", db, *args, "--json"), " ".join(args) + " --json")
            self.text_mode(db, args)
        for term, cid in case.search:
            found = self.json_of(run_cli("--db", db, "claims", "--search", term, "--json"),
                                 f"claims --search {short(term)}")
            if found is not None:
                self.check(cid in {c.get("id") for c in found}, f"--search {short(term)} finds {cid}")
            self.text_mode(db, ["claims", "--search", term])
        if case.check:
            for pr in case.check(self, db, doc):
                self.check(False, pr)

        # (c) export -> import into an empty database -> export, byte for byte.
        exp1 = os.path.join(self.tmp, "export-1.json")
        p = run_cli("--db", db, "export", exp1)
        if self.check(p.returncode == 0, f"export exits 0 ({describe(p, 300)})"):
            with open(exp1, "rb") as f:
                data1 = f.read()
            exported = json.loads(data1.decode("utf-8"))
            for section in ("speakers", "sources", "topics", "claims"):
                mine = {o["id"]: o for o in exported.get(section) or []}
                for obj in doc.get(section) or []:
                    where = f"export {section}/{short(obj['id'], 30)}"
                    for pr in subset_problems(obj, mine.get(obj["id"]), where):
                        self.check(False, pr)
            db2 = self.fresh_db(template=False, name="again.db")
            p = run_cli("--db", db2, "import", exp1)
            if self.check(p.returncode == 0, f"the export imports into an empty database ({describe(p, 300)})"):
                exp2 = os.path.join(self.tmp, "export-2.json")
                p = run_cli("--db", db2, "export", exp2)
                if self.check(p.returncode == 0, f"the second export exits 0 ({describe(p, 300)})"):
                    with open(exp2, "rb") as f:
                        self.check(f.read() == data1, "export -> import -> export is byte-identical")
        p = run_cli("--db", db, "import", name, cwd=self.tmp)
        self.check(p.returncode == 0 and " added" not in p.out and "updated" not in p.out,
                   f"importing the same file again changes nothing: {p.out.strip()!r} {p.err.strip()[:300]!r}")
        self.done()

    # -- refused ---------------------------------------------------------

    def run_refused(self, case, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        text = data.decode("utf-8", errors="replace")
        if case.at is None:
            line, col = 1, 1
        elif isinstance(case.at, tuple):
            line, col = case.at
        else:
            line, col = locate(text, case.at, case.nth, case.offset)
        places = [(line, col)] + [locate(text, n) for n in case.also]
        db = self.fresh_db()
        p = run_cli("--db", db, "import", name, cwd=self.tmp)
        self.check(p.returncode == 1, f"exit code 1 (got {p.returncode})")
        self.check(p.out == "", f"nothing on stdout (got {p.out[:200]!r})")
        lines = p.stderr.split(b"\n")[:-1] if p.stderr.endswith(b"\n") else p.stderr.split(b"\n")
        self.check(all(ln.startswith(b"hindsight-cli: ") for ln in lines),
                   f"every stderr line starts with 'hindsight-cli: ' ({[ln[:80] for ln in lines[:5]]})")
        long_lines = [len(ln) for ln in lines if len(ln) > 2000]
        self.check(not long_lines, f"no error line longer than 2000 bytes (got lines of {long_lines} bytes)")
        self.check(not RAW_CONTROL.findall(p.stderr), "no raw control characters on stderr")
        self.check(len(lines) <= 51, f"at most 50 problems are reported (got {len(lines)} lines)")
        path = (case.path[:-1] if case.path.endswith("*") else case.path + ": ") if case.path else ""
        heads = [f"hindsight-cli: {name}:{ln}:{c}: " + path for ln, c in places]
        head = heads[0]
        located = [ln.decode("utf-8", errors="replace") for ln in lines
                   if re.match(rb"hindsight-cli: " + re.escape(name.encode()) + rb":\d+:\d+: ", ln)]
        hit = [ln for ln in located if any(ln.startswith(h) for h in heads)]
        self.check(bool(hit), f"an error line starts with {head!r} (the lines were: "
                              f"{[ln[:300] for ln in located] or p.err[:600]})")
        text = (hit or located or [p.err])[0]
        if case.messages:
            self.check(any(m.lower() in text.lower() for m in case.messages),
                       f"the message says one of {list(case.messages)}: {text[:300]!r}")
        for m in case.mentions:
            self.check(m in text, f"the message names {m!r}: {text[:300]!r}")
        for diff in _MODULE["snapshot"].differences(Snapshot.take(db, os.path.join(self.tmp, "snap.json"))):
            self.check(False, "database not exactly as before: " + diff)
        self.done()


class HostileImportTests(HostileTestCase):
    """One test per case of CASES (generated below)."""


def _make_test(case):
    def test(self):
        name, data = case.content()
        if case.accepted:
            self.run_accepted(case, name, data)
        else:
            self.run_refused(case, name, data)
    what = case.what or case.file or (case.name.replace("_", " ") + " (generated at run time)")
    test.__doc__ = (f"{'Regression (was: ' + case.was_bug + ') -- ' if case.was_bug else ''}"
                    f"{'accepted' if case.accepted else 'refused'}: {what}")
    test.__name__ = "test_" + case.name
    return test


for _case in CASES:
    assert not hasattr(HostileImportTests, "test_" + _case.name), _case.name
    setattr(HostileImportTests, "test_" + _case.name, _make_test(_case))


# --------------------------------------------------------------------------
# CSV: formulas, round trip

class CsvTests(HostileTestCase):

    def speakers_only_db(self, name):
        """An empty database with the corpus speaker and source (CSV
        names existing speakers and sources only)."""
        db = self.fresh_db(template=False, name=name)
        fixture = os.path.join(self.tmp, "speakers-only.json")
        with open(fixture, "w", encoding="utf-8") as f:
            json.dump({"format": "hindsight", "version": 1,
                       "speakers": [{"id": "hostile-speaker", "name": "Hostile Speaker"}],
                       "sources": [{"id": "hostile-source", "title": "Hostile source", "kind": "talk",
                                    "published": "2026-01-10"}]}, f)
        p = run_cli("--db", db, "import", fixture)
        self.assertEqual(p.returncode, 0, describe(p))
        return db

    def test_formula_text_round_trips_through_csv_with_an_apostrophe(self):
        """=HYPERLINK(...), +cmd|..., -1+1, @SUM, a leading tab or CR: exported
        with an apostrophe in front, read back without it, byte-exact."""
        with open(os.path.join(CORPUS, "formula.json"), encoding="utf-8") as f:
            doc = json.load(f)
        db = self.fresh_db(template=False, name="formula.db")
        p = run_cli("--db", db, "import", os.path.join(CORPUS, "formula.json"))
        self.assertEqual(p.returncode, 0, describe(p))
        csv1 = os.path.join(self.tmp, "one.csv")
        p = run_cli("--db", db, "export", csv1)
        self.assertEqual(p.returncode, 0, describe(p))
        with open(csv1, "rb") as f:
            data1 = f.read()
        text1 = data1.decode("utf-8")
        for claim in doc["claims"]:
            t = claim["text"]
            formula_like = t[:1] in ("=", "@", "\t", "\r", "'") or (
                t[:1] in "+-" and not re.fullmatch(r"[+-]\d*\.?\d+", t))
            cell = "'" + t if formula_like else t
            quoted = '"' + cell.replace('"', '""') + '"'
            present = (cell in text1.split("\n") or ("," + cell + ",") in text1 or ("," + quoted + ",") in text1)
            self.check(present, f"{claim['id']}: the export has the cell {short(cell)} (or {short(quoted)})")
            if formula_like:
                self.check(not re.search(r"(^|,)\"?" + re.escape(t[:6]), text1, re.M) or t[:1] == "'",
                           f"{claim['id']}: no cell starts with the bare formula {short(t[:12])}")
        db2 = self.speakers_only_db("again.db")
        p = run_cli("--db", db2, "import", csv1)
        if self.check(p.returncode == 0,
                      f"the CSV imports into a database with the speakers ({describe(p, 600)})"):
            csv2 = os.path.join(self.tmp, "two.csv")
            p = run_cli("--db", db2, "export", csv2)
            with open(csv2, "rb") as f:
                self.check(f.read() == data1, "CSV export -> import -> export is byte-identical")
            for claim in doc["claims"]:
                shown = self.json_of(run_cli("--db", db2, "show", claim["id"], "--json"), f"show {claim['id']}")
                if shown is not None:
                    for k in ("text", "quote", "locator", "confidence"):
                        want = claim["prediction"][k] if k == "confidence" else claim[k]
                        self.check(shown.get(k) == want, f"{claim['id']}.{k} back from CSV is "
                                                         f"{short(shown.get(k))}, not {short(want)}")
                    ev = shown.get("history") and shown["history"][-1].get("evidence")
                    self.check(ev == claim["prediction"]["resolutions"][0]["evidence"],
                               f"{claim['id']}: the evidence back from CSV is {short(ev)}")
        p = run_cli("--db", db, "import", csv1)
        self.check(p.returncode == 0 and " added" not in p.out and "updated" not in p.out,
                   f"the CSV imported into its own database changes nothing: {p.out!r} {p.err[:400]!r}")
        self.done()

    def test_formula_typed_into_a_csv_is_stored_as_text_and_exported_with_an_apostrophe(self):
        db = self.speakers_only_db("typed.db")
        p = run_cli("--db", db, "import", os.path.join(CORPUS, "formula.csv"))
        self.assertEqual(p.returncode, 0, describe(p))
        shown = self.json_of(run_cli("--db", db, "show", "hostile-csv-formula", "--json"), "show")
        if shown is not None:
            self.check(shown.get("text") == '=HYPERLINK("https://evil.example/","Click")',
                       f"the text is stored as typed: {shown.get('text')!r}")
            self.check(shown.get("confidence") == "@SUM(A1)", f"confidence as typed: {shown.get('confidence')!r}")
        out = os.path.join(self.tmp, "out.csv")
        p = run_cli("--db", db, "export", out)
        self.assertEqual(p.returncode, 0, describe(p))
        with open(out, encoding="utf-8") as f:
            text = f.read()
        self.check('"\'=HYPERLINK(""https://evil.example/"",""Click"")"' in text,
                   f"the export writes the formula with an apostrophe: {text[-400:]!r}")
        self.check(",'@SUM(A1)," in text, "the export writes @SUM(A1) with an apostrophe")
        self.done()

    def test_csv_export_of_the_bundled_dataset_round_trips(self):
        """The predictions of the bundled dataset (relations, open-ended
        horizons outside the table, Chinese text) through CSV: imported into
        the database they came from, nothing changes; imported into a
        database with only the speakers, sources and topics, the next export
        is byte-identical."""
        db = self.fresh_db()
        out = os.path.join(self.tmp, "bundled.csv")
        p = run_cli("--db", db, "export", out)
        self.assertEqual(p.returncode, 0, describe(p))
        p = run_cli("--db", db, "import", out)
        self.check(p.returncode == 0, f"the import into the same database exits 0: {p.err[:1500]}")
        self.check(" added" not in p.out and "updated" not in p.out, f"nothing changes: {p.out!r}")

        full = os.path.join(self.tmp, "bundled.json")
        p = run_cli("--db", db, "export", full)
        self.assertEqual(p.returncode, 0, describe(p))
        with open(full, encoding="utf-8") as f:
            doc = json.load(f)
        doc["claims"] = []
        base = os.path.join(self.tmp, "no-claims.json")
        with open(base, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        db2 = self.fresh_db(template=False, name="no-claims.db")
        p = run_cli("--db", db2, "import", base)
        self.assertEqual(p.returncode, 0, describe(p))
        p = run_cli("--db", db2, "import", out)
        if self.check(p.returncode == 0, f"the CSV imports into a database without claims: {p.err[:1500]}"):
            again = os.path.join(self.tmp, "again.csv")
            p = run_cli("--db", db2, "export", again)
            with open(out, "rb") as f1, open(again, "rb") as f2:
                self.check(f1.read() == f2.read(), "CSV export -> import -> export is byte-identical")
        self.done()


# --------------------------------------------------------------------------
# The chart renderers (not built yet)

CHART_KINDS_DEFAULT = ("timeline", "scorecard", "calibration", "due")


def chart_kinds():
    """The kinds `hindsight-cli chart` draws, as it says when the kind is
    missing ("KIND (one of: a, b, c)"), else as --help lists them; None when
    there is no chart command yet."""
    if "chart_kinds" in _MODULE:
        return _MODULE["chart_kinds"]
    kinds = None
    p = run_cli("chart", "--help")
    if p.returncode == 0:
        env_kinds = os.environ.get("HINDSIGHT_CHART_KINDS")
        m = re.search(r"one of: ([a-z, -]+)\)", run_cli("chart").err)
        h = re.search(r"^\s*chart\b.*\(([a-z, -]+)\)", run_cli("--help").out, re.M)
        if env_kinds:
            kinds = tuple(k for k in env_kinds.split(",") if k)
        elif m:
            kinds = tuple(k.strip() for k in m.group(1).split(",") if k.strip())
        elif h:
            kinds = tuple(k.strip() for k in h.group(1).split(",") if k.strip())
        else:
            kinds = CHART_KINDS_DEFAULT
    _MODULE["chart_kinds"] = kinds
    return kinds


class ChartRendererTests(HostileTestCase):
    """Every accepted hostile case through every chart kind and format
    (one test per case): exit 0 and a file of the right kind; an SVG is
    well-formed XML and no markup from the data became an element of it.
    Skipped while `hindsight-cli chart` does not exist."""

    def setUp(self):
        super().setUp()
        self.kinds = chart_kinds()
        if self.kinds is None:
            self.skipTest("chart renderers are not built yet (issue: charts)")

    def run_charts(self, case):
        magic = {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-"}
        name, data = case.content()
        with open(os.path.join(self.tmp, name), "wb") as f:
            f.write(data)
        db = self.fresh_db(template=False)
        p = run_cli("--db", db, "import", name, cwd=self.tmp)
        self.assertEqual(p.returncode, 0, describe(p))
        for kind in self.kinds:
            for fmt in ("svg", "png", "pdf"):
                out = os.path.join(self.tmp, f"{kind}.{fmt}")
                p = run_cli("--db", db, "chart", kind, "--format", fmt, "--output", out)
                where = f"chart {kind} --format {fmt}"
                if p.returncode == 2:
                    self.check(False, f"{where}: a usage error; is {kind!r} a chart kind? "
                                      f"({p.err.strip()[:200]})")
                    continue
                if not self.check(p.returncode == 0, f"{where} exits 0 ({p.err.strip()[:300]})"):
                    continue
                self.check(not RAW_CONTROL.findall(p.stdout), f"{where}: no raw control characters on stdout")
                if not self.check(os.path.exists(out) and os.path.getsize(out) > 0, f"{where}: writes a file"):
                    continue
                with open(out, "rb") as f:
                    body = f.read()
                os.remove(out)
                if fmt in magic:
                    self.check(body.startswith(magic[fmt]), f"{where}: a {fmt.upper()} file")
                    continue
                try:
                    root = ET.fromstring(body)
                except ET.ParseError as e:
                    self.check(False, f"{where}: the SVG is not well-formed XML ({e})")
                    continue
                tags = {el.tag.split("}")[-1] for el in root.iter()}
                self.check(not ({"script", "b", "i", "u", "big", "tt", "span", "font", "foreignObject"} & tags),
                           f"{where}: markup from the data became SVG elements: {sorted(tags)}")
        self.done()


def _make_chart_test(case):
    def test(self):
        self.run_charts(case)
    test.__doc__ = f"charts of {case.file or case.name}"
    test.__name__ = "test_chart_" + case.name
    return test


for _case in CASES:
    if _case.accepted:
        setattr(ChartRendererTests, "test_chart_" + _case.name, _make_chart_test(_case))


if __name__ == "__main__":
    unittest.main(verbosity=2)
