# SPDX-License-Identifier: GPL-3.0-or-later
"""Preferences and About, in the real window.

Run through run-ui-test.sh (meson test --suite ui). The program starts on a
fresh database of its own in which two of Tang Jie's predictions that gave
words but no number are resolved, so that his Brier score exists only when
words are scored. The window is read the way a screen reader does, and its
numbers are compared with hindsight-cli's for the same setting.
"""

import json
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import hsui  # noqa: E402
from hsui import children, find, labels, role, wait_for  # noqa: E402

ON = "2026-06-01"
# Words but no number: "probably" (0.7), and "I'm very confident … will
# definitely emerge" (0.95 on the estimative scale).
RESOLUTIONS = [
    ("chinatalk-agi-next-2026.tang-jie.04", "confirmed"),
    ("chinatalk-agi-next-2026.tang-jie.08", "refuted"),
]
def display_name(speaker):
    """A speaker as the window names one: "Tang Jie 唐杰"."""
    native = speaker.get("native_name")
    return f"{speaker['name']} {native}" if native else speaker["name"]


ESTIMATIVE = "Words of estimative probability (Kent, IPCC)"
NUMBERS_ONLY = "Stated numbers only"


class PreferencesTestCase(hsui.AppTestCase):

    def setUp(self):
        self.started = time.monotonic()
        self.addCleanup(lambda: print(f"    {self.id().split('.', 1)[1]}: "
                                      f"{time.monotonic() - self.started:.1f} s", file=sys.stderr))
        super().setUp()

    def prepare_db(self, path):
        self.data.run("init", db=path)
        for claim_id, status in RESOLUTIONS:
            self.data.run("resolve", claim_id, "--status", status, "--on", ON, db=path)

    # The window

    def open_preferences(self):
        """Ctrl+, as a person would press it."""
        self.app.key("<Control>comma")
        return wait_for(lambda: self.app.window_named("Preferences"), "the Preferences window")

    def close(self, window):
        self.app.click(hsui.button(window, "Close"))
        self.app.wait_closed(window, f"{window.name} to close")

    def combo(self, window, title):
        return wait_for(lambda: find(window, lambda n: role(n) == "combo box" and n.name == title),
                        f"the {title!r} row")

    @staticmethod
    def combo_value(combo):
        shown = [t for t in labels(combo)[1:] if t]
        return shown[0] if shown else None

    def choose(self, window, title, value):
        """Opens a combo row with a click and picks one of its choices with
        the keyboard. (A popover is a surface of its own: under X11, GTK
        4.8 cannot tell where on the screen its items are, so they are not
        clicked.)"""
        combo = self.combo(window, title)
        if self.combo_value(combo) == value:
            return
        self.app.click(combo)
        popup = wait_for(lambda: find(combo, lambda n: role(n) == "list" and n.childCount > 1),
                         f"the choices of {title!r}")
        names = [(labels(item) or [""])[0] for item in children(popup)]
        self.assertIn(value, names)

        def focused():
            return next((i for i, item in enumerate(children(popup))
                         if hsui.has_state(item, hsui.pyatspi.STATE_FOCUSED)), None)
        current = wait_for(lambda: focused() is not None and focused() + 1,
                           f"a choice of {title!r} to have the focus") - 1
        target = names.index(value)
        while current != target:
            self.app.key("Down" if current < target else "Up")
            current += 1 if current < target else -1
            wait_for(lambda: focused() == current, f"the focus on {names[current]!r}")
        self.app.key("Return")
        wait_for(lambda: self.combo_value(combo) == value, f"{title!r} to show {value!r}")

    def show_preferences_page(self, window, title):
        tab = wait_for(lambda: next((n for n in hsui.walk(window) if role(n) == "page tab"
                                     and n.name == title and hsui.is_drawn(n)), None),
                       f"the {title} tab")
        self.app.click(tab)
        wait_for(lambda: hsui.has_state(tab, hsui.pyatspi.STATE_SELECTED), f"the {title} page")

    def open_scorecard(self):
        page = self.app.show_page("Scorecard")
        table = wait_for(lambda: find(page, lambda n: role(n) == "tree table" and n.name == "Scorecard"),
                         "the scorecard table")
        return page, table

    def brier_column(self, table):
        return dict(zip(hsui.table_column(table, "Speaker"), hsui.table_column(table, "Brier")))

    def cli_brier(self, *args):
        rows = json.loads(self.data.run("scorecard", "--json", *args, db=self.app.db))
        return {display_name(row["speaker"]): "—" if row["brier"] is None else f"{row['brier']:.2f}"
                for row in rows}

    def words_note(self, page):
        return self.app.find_label(lambda t: t.startswith("Brier scores and calibration include"), page)


class WordsScaleTest(PreferencesTestCase):

    def test_scale_changes_the_scorecard_as_the_cli_scores_it(self):
        page, table = self.open_scorecard()
        numbers_only = self.cli_brier()
        self.assertEqual(numbers_only["Tang Jie 唐杰"], "—", "no number, no Brier score by default")
        wait_for(lambda: self.brier_column(table) == numbers_only, "the Brier scores of stated numbers")
        self.assertIsNone(self.words_note(page), "no note while only numbers count")

        prefs = self.open_preferences()
        self.assertEqual(self.combo_value(self.combo(prefs, "Confidence Words")), NUMBERS_ONLY)
        # The table of the scale is there to read.
        for text in ("Likely: 70%", "Very likely: 90%", "Possible: 40%"):
            self.assertIsNotNone(find(prefs, lambda n: n.name == text), f"the step {text!r}")
        self.choose(prefs, "Confidence Words", ESTIMATIVE)

        # The page follows at once, with the Preferences window still open.
        with_words = self.cli_brier("--words", "estimative")
        self.assertEqual(with_words["Tang Jie 唐杰"], "0.50", "((0.7 − 1)² + (0.95 − 0)²) / 2")
        wait_for(lambda: self.brier_column(table) == with_words, "the Brier scores with words, as the CLI's")
        note = wait_for(lambda: self.words_note(page), "the note on words")
        self.assertIn("include 2 predictions scored from their words", note.name)

        self.choose(prefs, "Confidence Words", NUMBERS_ONLY)
        wait_for(lambda: self.brier_column(table) == numbers_only, "numbers only again")
        wait_for(lambda: self.words_note(page) is None or not hsui.is_drawn(self.words_note(page)),
                 "the note to go")
        self.close(prefs)

    def speaker_brier(self, page):
        """The Brier sentence of the profile shown, or None when there is none."""
        label = self.app.find_label(lambda t: t.startswith("Brier score"), page)
        return label.name if label is not None and hsui.is_drawn(label) else None

    def test_scale_changes_the_speakers_record_as_the_cli_scores_it(self):
        page = self.app.show_page("Speakers")
        view = wait_for(lambda: find(page, lambda n: role(n) == "list" and n.name == "Speakers"),
                        "the list of speakers")
        item = wait_for(lambda: next((i for i in children(view)
                                      if (i.getChildAtIndex(0).name or "").startswith("Tang Jie")), None),
                        "Tang Jie in the list")
        self.app.click(item)
        wait_for(lambda: self.app.find_label(lambda t: t.startswith("Hit rate"), page),
                 "the record of Tang Jie")
        self.assertIsNone(self.speaker_brier(page), "no number, no Brier score by default")

        prefs = self.open_preferences()
        self.choose(prefs, "Confidence Words", ESTIMATIVE)

        # The profile follows at once, with the Preferences window still
        # open, and scores as the CLI (and so the Scorecard page) does.
        rows = json.loads(self.data.run("scorecard", "--json", "--words", "estimative", db=self.app.db))
        tang = next(r for r in rows if r["speaker"]["name"] == "Tang Jie")
        self.assertEqual((tang["brier_count"], tang["brier_words"]), (2, 2))
        expected = (f"Brier score {tang['brier']:.3f} over {tang['brier_count']} predictions "
                    "with a stated or implied probability")

        def brier_as_expected():
            text = self.speaker_brier(page)
            return text if (text or "").startswith(expected) else None
        text = wait_for(brier_as_expected, f"the record to read {expected!r}")
        self.assertIn(f"It includes 2 predictions scored from their words ({ESTIMATIVE}).", text)

        self.choose(prefs, "Confidence Words", NUMBERS_ONLY)
        wait_for(lambda: self.speaker_brier(page) is None, "the Brier score to go with numbers only")
        self.close(prefs)


class ExportDefaultsTest(PreferencesTestCase):

    def test_export_format_follows_preferences(self):
        page, _ = self.open_scorecard()
        prefs = self.open_preferences()
        self.show_preferences_page(prefs, "Charts")
        self.assertEqual(self.combo_value(self.combo(prefs, "Format")), "PNG image")
        self.choose(prefs, "Format", "SVG drawing")
        self.choose(prefs, "Theme", "Dark")
        self.close(prefs)

        self.app.click(hsui.button(page, "Export the Scorecard Chart"))
        dialog = wait_for(lambda: find(self.app.app, lambda n: role(n) in ("dialog", "frame")
                                       and n.name == "Export Chart"
                                       and find(n, lambda c: role(c) == "spin button")),
                          "the Export dialog")

        def toggle(text):
            return wait_for(lambda: find(dialog, lambda n: role(n) in ("toggle button", "push button")
                                         and labels(n) == [text]), f"the {text} button of the dialog")

        def is_on(node):
            # GTK 4.8 says a toggle button is on with "pressed".
            return (hsui.has_state(node, hsui.pyatspi.STATE_PRESSED)
                    or hsui.has_state(node, hsui.pyatspi.STATE_CHECKED))

        for text, checked in (("SVG", True), ("PNG", False), ("Dark", True), ("Light", False)):
            self.assertEqual(is_on(toggle(text)), checked,
                             f"{text} {'is' if checked else 'is not'} chosen in the dialog")
        self.app.key("Escape")
        self.app.wait_closed(dialog, "the Export dialog to close")

        # What the dialog remembers shows in Preferences too.
        prefs = self.open_preferences()
        self.show_preferences_page(prefs, "Charts")
        self.assertEqual(self.combo_value(self.combo(prefs, "Format")), "SVG drawing")
        self.close(prefs)


class AboutTest(PreferencesTestCase):

    def test_about_credits_the_dataset_sources(self):
        hsui.open_menu_item(self.app, "Main Menu", "About Hindsight")
        about = wait_for(lambda: self.app.window_named("About Hindsight") or next(
            (n for n in children(self.app.app) if n != self.app.window and "Hindsight" in labels(n)), None),
            "the About window")
        texts = wait_for(lambda: [t for t in hsui.labels(about) if t] and
                         "The All-Star Chinese AI Conversation of 2026 — ChinaTalk, 13 January 2026"
                         in [n.name for n in hsui.walk(about)] and
                         [n.name for n in hsui.walk(about)], "the credited sources")
        self.assertIn("0.1.0", texts)
        # Every source of the bundled dataset, by its title.
        sources = json.loads(self.data.run("sources", "--json"))
        for source in sources:
            self.assertTrue(any(t.startswith(source["title"].replace("<", "‹")) for t in texts),
                            f"{source['title']!r} is credited")
        self.assertIn("Yang Zhilin 杨植麟", texts, "the people quoted, with their Chinese names")


if __name__ == "__main__":
    unittest.main(verbosity=2)
