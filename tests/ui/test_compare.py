# SPDX-License-Identifier: GPL-3.0-or-later
"""The Compare and Scorecard pages in the real window.

Run through run-ui-test.sh (meson test --suite ui). Every test starts the
program on a fresh database of its own and reads the window the way a
screen reader does; what the window should say comes from hindsight-cli
on the same data (or the same database), never from the window itself.

Exports: the CSV of predictions goes through the real file chooser. The
scorecard chart goes through the real Export dialog with
HINDSIGHT_TEST_EXPORT_DIR set, which makes the dialog write
DIR/<name>.<format> instead of asking for a file (the dialog's own file
chooser path is tested in test_timeline.py).
"""

import csv
import json
import os
import shutil
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import hsui  # noqa: E402
from hsui import children, find, labels, role, wait_for  # noqa: E402

ON = "2026-06-01"


def display_name(speaker):
    """A speaker as the window names one: "Tang Jie 唐杰"."""
    native = speaker.get("native_name")
    return f"{speaker['name']} {native}" if native else speaker["name"]


def counted(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class TimedTestCase(hsui.AppTestCase):
    export_dir = False

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.predictions = json.loads(cls.data.run("predictions", "--json"))
        cls.topics = {t["id"]: t for t in json.loads(cls.data.run("topics", "--json"))}

    def setUp(self):
        self.started = time.monotonic()
        self.addCleanup(lambda: print(f"    {self.id().split('.', 1)[1]}: "
                                      f"{time.monotonic() - self.started:.1f} s", file=sys.stderr))
        hsui.quiet_pyatspi()
        env = {}
        if self.export_dir:
            self.out = tempfile.mkdtemp(prefix="hsui-export-")
            self.addCleanup(shutil.rmtree, self.out, True)
            env["HINDSIGHT_TEST_EXPORT_DIR"] = self.out
        self.app = hsui.App(extra_env=env)
        self.addCleanup(self.app.cleanup)
        if self.prepare_db is not None:
            type(self).prepare_db(self, self.app.db)
        self.app.start()

    def tearDown(self):
        super().tearDown()
        # Stricter than hsui: no warning from any library either, except
        # GTK's note that AT-SPI has no screen coordinates under X11.
        warnings = [line for line in self.app.log_text().splitlines()
                    if "-WARNING **" in line and "Screen coordinates not supported" not in line]
        self.assertEqual(warnings, [], "the program logged warnings")

    def topic_name(self, topic_id):
        return self.topics[topic_id]["name"]

    def button(self, name, within):
        return wait_for(lambda: find(within, lambda n: role(n) == "push button" and n.name == name,
                                     prune=hsui.is_list),
                        f"the {name!r} button")

    def click_header(self, header):
        """Clicks a column header. Clicks that follow each other on one
        spot make a double click, which a header does not take as a second
        click: each click lands apart from the one before."""
        box = hsui.extents(header)
        self._header_clicks = getattr(self, "_header_clicks", 0) + 1
        offset = (-1) ** self._header_clicks * min(box.width // 4, 20)
        hsui.Atspi.generate_mouse_event(box.x + box.width // 2 + offset, box.y + box.height // 2, "b1c")

    def toast(self, start):
        return next((t for t in self.app.texts_above_pages() if t.startswith(start)), None)


class CompareTest(TimedTestCase):

    def open_view(self, title):
        """Shows the Compare page and one of its views; returns the view."""
        page = self.app.show_page("Compare")
        tab = wait_for(lambda: find(page, lambda n: role(n) == "page tab" and n.name == title),
                       f"the {title} tab")
        self.app.click(tab)
        wait_for(lambda: hsui.has_state(tab, hsui.pyatspi.STATE_SELECTED), f"the {title} view")
        # The view stack's page, named by the view's title.
        return wait_for(lambda: find(page, lambda n: role(n) == "panel" and n.name == title),
                        f"the {title} view")

    # The stance matrix

    def test_matrix_counts_a_cell_and_lays_out_its_claims(self):
        # The topic Tang Jie said most on, among those he predicted on.
        on = {}
        for c in self.data.claims:
            if c["speaker"]["id"] == "tang-jie":
                for t in c["topics"]:
                    on.setdefault(t, []).append(c)
        topic_id = max((t for t in on if any(c["type"] == "prediction" for c in on[t])),
                       key=lambda t: (len(on[t]), t))
        topic = self.topic_name(topic_id)
        claims = json.loads(self.data.run("claims", "--speaker", "tang-jie", "--topic", topic_id, "--json"))
        n = len(claims)
        p = sum(1 for c in claims if c["type"] == "prediction")
        self.assertGreater(n, 1, "the test needs a cell with several claims")
        expected = f"Tang Jie 唐杰 on {topic}: {counted(n, 'claim')}"
        shown = counted(n, "claim")
        if p:
            expected += f", {counted(p, 'prediction')}"
            shown += f" · {counted(p, 'prediction')}"

        view = self.open_view("Matrix")
        cell = wait_for(lambda: find(view, lambda x: role(x) == "push button"
                                     and x.name.startswith(f"Tang Jie 唐杰 on {topic}:")),
                        f"the cell of Tang Jie 唐杰 on {topic}")
        self.assertEqual(cell.name, expected)
        self.assertEqual(labels(cell)[0], shown)
        self.assertEqual(cell.description, claims[0]["text"], "the newest claim is the preview")

        # A cell with nothing in it says so rather than staying silent.
        spoke = {(c["speaker"]["id"], t) for c in self.data.claims for t in c["topics"]}
        quiet = next(c["speaker"] for c in self.data.claims if (c["speaker"]["id"], topic_id) not in spoke)
        self.assertIsNotNone(find(view, lambda x: role(x) == "label"
                                  and x.name == f"{display_name(quiet)} on {topic}: no claims"))

        self.app.click(cell)
        panel = wait_for(lambda: find(view, lambda x: role(x) == "table"
                                      and x.name == "Claims in the chosen cell" and x.childCount == n),
                         f"the {n} claims of the cell, laid out below the matrix")
        title = self.app.find_label(lambda t: t.startswith(f"Tang Jie 唐杰 on {topic}: "), view)
        self.assertEqual(title.name, f"Tang Jie 唐杰 on {topic}: {shown}")
        laid_out = [next(t for t in labels(child) if any(t == c["text"] for c in claims))
                    for child in children(panel)]
        self.assertEqual(laid_out, [c["text"] for c in claims], "newest first, as the CLI lists them")

        # A claim opens on the Claims page.
        self.app.click(children(panel)[1])
        wait_for(lambda: self.app.page_is_shown("Claims"), "the Claims page")
        wait_for(lambda: (lambda d: d is not None and d.text == claims[1]["text"])(self.app.detail()),
                 "the claim in the detail pane")

    # Side by side

    def contradiction(self, first, second):
        """A claim of speaker second that contradicts one of speaker first,
        with a topic in common, read from the data."""
        for claim in self.data.claims:
            if claim["speaker"]["id"] != second:
                continue
            for relation in self.data.show(claim["id"]).get("relations", []):
                if relation["type"] != "contradicts" or relation["direction"] != "outgoing" \
                        or relation["speaker"]["id"] != first:
                    continue
                other = next(c for c in self.data.claims if c["id"] == relation["claim"])
                common = [t for t in claim["topics"] if t in other["topics"]]
                if common:
                    return claim, other, common[0]
        raise AssertionError(f"no claim of {second} contradicts one of {first} in the data")

    def test_side_by_side_marks_a_contradiction(self):
        claim, other, topic_id = self.contradiction("tang-jie", "yang-zhilin")
        topic = self.topic_name(topic_id)

        view = self.open_view("Side by Side")
        slots = {}
        for i in range(1, 5):
            slots[i] = wait_for(lambda: find(view, lambda n: role(n) == "combo box" and n.name == f"Speaker {i}"),
                                f"the choice of speaker {i}")
        hsui.choose(slots[1], "Tang Jie 唐杰")
        hsui.choose(slots[2], "Yang Zhilin 杨植麟")
        self.assertEqual(hsui.dropdown_value(slots[3]), "None")

        def item_in(list_name, text):
            lists = [n for n in hsui.walk(view) if role(n) == "list" and n.name == list_name]
            for node in lists:
                for item in children(node):
                    if text in labels(item):
                        return item
            return None

        yang = wait_for(lambda: item_in(f"Yang Zhilin 杨植麟 on {topic}", claim["text"]),
                        f"Yang Zhilin's claim under {topic}, in his column")
        self.assertIn("Contradicts Tang Jie 唐杰 ←", labels(yang), "a mark in words, pointing at Tang's column")
        self.assertIn("Contradicts Tang Jie 唐杰 ←", yang.name, "and read out with the claim")
        self.assertIsNotNone(find(yang, lambda n: role(n) in ("image", "icon")), "with an icon beside the words")

        tang = wait_for(lambda: item_in(f"Tang Jie 唐杰 on {topic}", other["text"]),
                        f"Tang Jie's claim under {topic}, in his column")
        self.assertIn("Contradicted by Yang Zhilin 杨植麟 →", labels(tang))

    # The predictions table

    def first(self, table, column):
        rows = hsui.table_column(table, column, limit=1)
        return rows[0] if rows else None

    def test_predictions_table_sorts_by_each_kind_of_column(self):
        view = self.open_view("Predictions")
        table = wait_for(lambda: find(view, lambda n: role(n) == "tree table" and n.name == "Predictions"),
                         "the predictions table")
        self.assertTrue(self.app.find_label(lambda t: t == f"{len(self.predictions)} predictions", view))
        self.assertEqual([n.name for n in hsui.table_headers(table)],
                         ["Speaker", "Prediction", "Stated", "Horizon", "Resolve By", "Probability",
                          "Status", "Last Evidence"], "every header has a name")

        stated = hsui.table_header(table, "Stated")
        newest = max(self.predictions, key=lambda c: hsui.date_key(c["stated_on"]))
        oldest = min(self.predictions, key=lambda c: hsui.date_key(c["stated_on"]))
        self.assertEqual(stated.description, "Sorted descending", "newest first at the start")
        wait_for(lambda: self.first(table, "Stated") == hsui.display_date(newest["stated_on"]),
                 "the newest prediction first")

        self.click_header(stated)
        wait_for(lambda: stated.description == "Sorted ascending", "the Stated header to say it sorts ascending")
        wait_for(lambda: self.first(table, "Stated") == hsui.display_date(oldest["stated_on"]),
                 "the oldest prediction first")

        speaker = hsui.table_header(table, "Speaker")
        self.click_header(speaker)
        wait_for(lambda: speaker.description == "Sorted ascending", "the Speaker header to sort")
        names = sorted((display_name(c["speaker"]) for c in self.predictions), key=str.casefold)
        shown = wait_for(lambda: (lambda s: s if s and s == names[:len(s)] else None)
                         (hsui.table_column(table, "Speaker")),
                         "the speakers in alphabetical order")
        self.assertGreater(len(shown), 10)
        self.assertEqual(stated.description, "Click to sort")

        due = hsui.table_header(table, "Resolve By")
        dated = [c for c in self.predictions if c.get("latest")]
        soonest = min(dated, key=lambda c: hsui.date_key(c["latest"]))
        self.click_header(due)
        wait_for(lambda: due.description == "Sorted ascending", "Resolve By to sort ascending")
        wait_for(lambda: self.first(table, "Resolve By") == hsui.display_date(soonest["latest"]),
                 "the prediction due soonest first")
        self.click_header(due)
        wait_for(lambda: due.description == "Sorted descending", "Resolve By to sort descending")
        self.assertLess(len(dated), len(self.predictions), "the data has open-ended predictions")
        wait_for(lambda: self.first(table, "Resolve By") == "Open-ended", "open-ended predictions first")

    def test_search_narrows_the_table_and_export_writes_those_predictions(self):
        out = tempfile.mkdtemp(prefix="hsui-csv-")
        self.addCleanup(shutil.rmtree, out, True)

        view = self.open_view("Predictions")
        table = wait_for(lambda: find(view, lambda n: role(n) == "tree table" and n.name == "Predictions"),
                         "the predictions table")
        path = os.path.join(out, "all-predictions.csv")
        self.export(view, path)
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        self.assertEqual(len(rows), len(self.predictions) + 1, "a header and every prediction")
        self.assertEqual(len(self.predictions), 54)
        self.assertEqual(rows[0][0], "id")
        self.assertEqual({r[0] for r in rows[1:]}, {c["id"] for c in self.predictions})
        wait_for(lambda: self.toast(f"Exported {len(self.predictions)} predictions to all-predictions.csv"),
                 "the window to say what it exported")

        # A search narrows the table, and the export to what is listed.
        term = "agents"
        found = json.loads(self.data.run("predictions", "--search", term, "--json"))
        self.assertTrue(0 < len(found) < len(self.predictions))
        search = find(view, lambda n: role(n) == "entry" and n.name == "Search predictions")
        hsui.set_text(search, term)
        wait_for(lambda: self.app.find_label(
            lambda t: t == f"{len(found)} of {len(self.predictions)} predictions", view),
            "the count of predictions found")
        wait_for(lambda: sorted(hsui.table_column(table, "Speaker")) ==
                 sorted(display_name(c["speaker"]) for c in found), "only those predictions listed")
        path = os.path.join(out, "found.csv")
        self.export(view, path)
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        self.assertEqual({r[0] for r in rows[1:]}, {c["id"] for c in found})

    def export(self, view, path):
        """Export CSV… through the file chooser, to path."""
        self.app.click(self.button("Export CSV…", view))

        def chooser():
            for node in children(self.app.app):
                if node.name == "Export Predictions as CSV":
                    return node
            return None
        files = wait_for(chooser, "the file chooser", timeout=max(hsui.TIMEOUT, 20))
        name = wait_for(lambda: find(files, lambda n: role(n) == "text"
                                     and hsui.has_state(n, hsui.pyatspi.STATE_FOCUSED)),
                        "the file name field, focused")
        self.assertEqual(hsui.text_of(name), "predictions.csv", "the suggested name")
        hsui.set_text(name, path)
        wait_for(lambda: hsui.text_of(name) == path, "the path in the name field")
        self.app.key("Return")
        wait_for(lambda: os.path.exists(path) and chooser() is None, f"{path} to be written",
                 timeout=max(hsui.TIMEOUT, 20))
        wait_for(lambda: self.toast(f"Exported ") and os.path.getsize(path) > 0, "the export to finish")


# Two of Tang Jie's predictions resolved (one confirmed, one partly: a hit
# rate of 75%), and Lin Junyang's one prediction with a stated probability
# refuted (a Brier score).
RESOLUTIONS = [
    ("chinatalk-agi-next-2026.tang-jie.08", "confirmed"),
    ("chinatalk-agi-next-2026.tang-jie.04", "partial"),
    ("chinatalk-agi-next-2026.lin-junyang.11", "refuted"),
]


class ScorecardTestCase(TimedTestCase):

    def prepare_db(self, path):
        self.data.run("init", db=path)
        for claim_id, status in RESOLUTIONS:
            self.data.run("resolve", claim_id, "--status", status, "--on", ON,
                          "--evidence", "Resolved for the scorecard test", db=path)

    def scorecard(self, *cut):
        return json.loads(self.data.run("scorecard", *cut, "--json", db=self.app.db))

    @staticmethod
    def expected_rows(scorecard):
        rows = []
        for row in scorecard:
            if row["hit_rate"] is None:
                hit = "—"
            else:
                low, high = row["hit_rate_interval"]
                hit = f"{row['hit_rate'] * 100:.0f}% [{low * 100:.0f}–{high * 100:.0f}%]"
            brier = "—" if row["brier"] is None else f"{row['brier']:.2f}"
            rows.append([display_name(row["speaker"])] +
                        [str(row[k]) for k in ("predictions", "resolved", "confirmed", "partial", "refuted",
                                               "ambiguous", "open", "overdue")] + [hit, brier])
        return rows

    def open_scorecard(self):
        self.page = self.app.show_page("Scorecard")
        self.table = wait_for(lambda: find(self.page, lambda n: role(n) == "tree table" and n.name == "Scorecard"),
                              "the scorecard table")
        return self.page


class ScorecardTest(ScorecardTestCase):

    def test_table_has_every_speaker_scored_as_the_cli_does(self):
        self.open_scorecard()
        self.assertEqual([n.name for n in hsui.table_headers(self.table)],
                         ["Speaker", "Predictions", "Resolved", "Confirmed", "Partial", "Refuted",
                          "Ambiguous", "Open", "Overdue", "Hit Rate", "Brier"])
        expected = self.expected_rows(self.scorecard())
        wait_for(lambda: hsui.table_rows(self.table) == expected, "one row per speaker, as the CLI scores them")

        tang = next(r for r in expected if r[0] == "Tang Jie 唐杰")
        self.assertTrue(tang[9].startswith("75% ["), f"(1 + ½) / 2 resolved is 75%: {tang}")
        lin = next(r for r in expected if r[0] == "Lin Junyang 林俊旸")
        self.assertEqual(lin[10], "0.04", "(0.2 − 0)², refuted at 20%")

        # The charts are images with names, and the numbers are explained.
        for name in ("Scorecard", "Calibration"):
            chart = find(self.page, lambda n: role(n) == "image" and n.name == name)
            self.assertIsNotNone(chart, f"the {name} chart")
            self.assertTrue(chart.description, f"the {name} chart says what it shows")
        self.assertTrue(self.app.find_label(lambda t: t.startswith("Hit rate = (confirmed + ½ × partially"),
                                            self.page))
        self.assertTrue(self.app.find_label(lambda t: "0.25 is a coin flip at 50%" in t, self.page))
        self.assertTrue(self.app.find_label(lambda t: "points on the diagonal mean well calibrated" in t,
                                            self.page))

    def test_topic_and_date_cuts_count_as_the_cli_does(self):
        self.open_scorecard()
        wait_for(lambda: hsui.table_rows(self.table) == self.expected_rows(self.scorecard()), "the whole scorecard")

        topic = wait_for(lambda: find(self.page, lambda n: role(n) == "combo box" and n.name == "Topic"),
                         "the Topic choice")
        hsui.choose(topic, self.topic_name("memory"))
        cut = self.expected_rows(self.scorecard("--topic", "memory"))
        self.assertNotEqual(cut, self.expected_rows(self.scorecard()), "the cut changes the counts")
        wait_for(lambda: hsui.table_rows(self.table) == cut, "the scorecard on one topic, as the CLI counts it")

        since = find(self.page, lambda n: role(n) == "text" and n.name == "Stated from")
        hsui.set_text(since, "2026-13")
        wait_for(lambda: hsui.has_state(since, hsui.pyatspi.STATE_INVALID), "the entry to say it is no date")
        self.assertEqual(hsui.table_rows(self.table), cut, "a date being typed does not change the cut")

        hsui.set_text(since, "2026-02")
        cut = self.expected_rows(self.scorecard("--topic", "memory", "--from", "2026-02"))
        wait_for(lambda: hsui.table_rows(self.table) == cut
                 and not hsui.has_state(since, hsui.pyatspi.STATE_INVALID),
                 "the scorecard on one topic from February 2026")

    def test_sorting_the_table(self):
        self.open_scorecard()
        expected = self.expected_rows(self.scorecard())
        wait_for(lambda: hsui.table_rows(self.table) == expected, "the scorecard")
        column = hsui.table_header(self.table, "Predictions")
        self.assertEqual(column.description, "Click to sort")

        self.click_header(column)
        wait_for(lambda: column.description == "Sorted ascending", "the header to say how it sorts")
        counts = [int(r[1]) for r in expected]
        wait_for(lambda: [int(x) for x in hsui.table_column(self.table, "Predictions")] == sorted(counts),
                 "fewest predictions first")
        self.click_header(column)
        wait_for(lambda: [int(x) for x in hsui.table_column(self.table, "Predictions")]
                 == sorted(counts, reverse=True), "most predictions first")

        hit = hsui.table_header(self.table, "Hit Rate")
        self.click_header(hit)
        wait_for(lambda: hit.description == "Sorted ascending", "hit rate, worst first")
        self.click_header(hit)
        wait_for(lambda: hit.description == "Sorted descending", "hit rate, best first")
        wait_for(lambda: hsui.table_column(self.table, "Speaker")[0] == "Tang Jie 唐杰",
                 "the only speaker with a hit rate first")


class ScorecardExportTest(ScorecardTestCase):
    export_dir = True

    def test_export_the_scorecard_chart_as_png(self):
        self.open_scorecard()
        self.app.click(self.button("Export the Scorecard Chart", self.page))
        dialog = wait_for(lambda: find(self.app.app, lambda n: role(n) in ("dialog", "frame")
                                       and n.name == "Export Chart"
                                       and find(n, lambda c: role(c) == "spin button")),
                          "the Export dialog")

        # The dialog's controls, by what they show.
        def control(text):
            return wait_for(lambda: find(dialog, lambda n: role(n) in ("toggle button", "push button")
                                         and labels(n) == [text]), f"the {text} button of the dialog")

        def field(name):
            row = find(dialog, lambda n: role(n) == "list item" and n.name == name)
            return find(row, lambda n: role(n) == "spin button")

        self.app.click(control("PNG"))
        for name, value in (("Width", 800), ("Height", 500)):
            spin = field(name)
            spin.queryValue().currentValue = value
            wait_for(lambda: spin.queryValue().currentValue == value, f"the {name} to be {value}")
        self.app.click(control("1×"))
        self.app.click(control("Light"))

        path = os.path.join(self.out, "scorecard.png")
        self.app.click(control("Export…"))
        wait_for(lambda: os.path.exists(path), f"{path} to be written")
        wait_for(lambda: self.toast(f"Exported to {path}"), "the window to say where it went")
        width, height, colours = hsui.png_info(path)
        self.assertEqual((width, height), (800, 500), "the size chosen")
        self.assertGreater(colours, 20, "a chart, not a blank image")
        self.assertEqual(hsui.png_pixel(path, 2, 2)[:3], (255, 255, 255), "the light theme chosen")

    def test_copy_image_says_copied(self):
        self.open_scorecard()
        self.app.click(self.button("Copy the Calibration Chart as an Image", self.page))
        wait_for(lambda: self.toast("Copied"), "the window to say the image was copied")


if __name__ == "__main__":
    unittest.main(verbosity=2)
