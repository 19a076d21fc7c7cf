# SPDX-License-Identifier: GPL-3.0-or-later
"""A person's browse session in the real window.

Run through run-ui-test.sh (meson test --suite ui). Every test starts the
program on a fresh database of its own and reads the window the way a
screen reader does; the expected values come from the bundled dataset as
hindsight-cli reads it, never from the window itself.
"""

import json
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import hsui  # noqa: E402
from hsui import children, find, labels, role, wait_for  # noqa: E402


def contains(claim, term):
    """Whether the search should find term in claim: statement, quote or
    original text, ignoring ASCII case as the search does."""
    return any(term.lower() in (claim.get(field) or "").lower()
               for field in ("text", "quote", "original_text"))


class TimedTestCase(hsui.AppTestCase):
    def setUp(self):
        self.started = time.monotonic()
        self.addCleanup(lambda: print(f"    {self.id().split('.', 1)[1]}: "
                                      f"{time.monotonic() - self.started:.1f} s", file=sys.stderr))
        super().setUp()

    @property
    def total(self):
        return len(self.data.claims)

    def claim(self, claim_id):
        return next(c for c in self.data.claims if c["id"] == claim_id)

    def search_and_select(self, term, claim_id):
        """Narrows the list to one claim with a phrase only it contains,
        selects it and waits for the detail pane to show it."""
        matches = [c for c in self.data.claims if contains(c, term)]
        self.assertEqual([c["id"] for c in matches], [claim_id],
                         f"the test needs {term!r} to find only {claim_id}")
        self.app.set_search(term)
        self.app.wait_count(f"1 of {self.total} claims")
        self.app.select_row(0)
        return wait_for(lambda: self.shows(matches[0]), f"the detail pane to show {claim_id}")

    def shows(self, claim):
        return self.shows_text(claim["text"])

    def shows_text(self, text):
        """The detail pane, when it shows the claim whose statement is text."""
        detail = self.app.detail()
        return detail if detail is not None and detail.text == text else None

    def step_through_rows(self, check):
        """Selects each row in turn, as a keyboard user does (a click on
        the first, then Down), and calls check(row, detail)."""
        rows = self.app.rows()
        self.app.select_row(0)
        for index, row in enumerate(rows):
            if index > 0:
                self.app.key("Down")
                wait_for(lambda: self.app.is_selected(index), f"Down to select row {index}")
            detail = wait_for(lambda: self.shows_text(row.text), f"the detail pane to show row {index}")
            check(row, detail)


class ClaimsPageTest(TimedTestCase):

    def test_opens_on_claims_with_the_bundled_data_newest_first(self):
        tabs = self.app.view_tabs()
        self.assertIn("Claims", tabs)
        self.assertTrue(tabs["Claims"].getState().contains(hsui.pyatspi.STATE_SELECTED),
                        "the window opens on the Claims page")
        self.assertEqual(self.app.count_text(), f"{self.total} claims")
        self.assertEqual(self.total, 128)
        self.assertEqual(self.app.row_count(), 128)

        newest = max(self.data.claims, key=lambda c: hsui.date_key(c["stated_on"]))
        first = self.app.rows()[0]
        self.assertEqual(first.date, hsui.display_date(newest["stated_on"]),
                         f"the first row is the newest claim: {first!r}")
        oldest = min(self.data.claims, key=lambda c: hsui.date_key(c["stated_on"]))
        self.assertNotEqual(first.date, hsui.display_date(oldest["stated_on"]))

    def test_typing_a_search_shows_only_matching_claims(self):
        term = "Kimi"
        expected = [c for c in self.data.claims if contains(c, term)]
        self.assertTrue(0 < len(expected) < self.total)

        self.app.click(self.app.search_entry)
        wait_for(lambda: self.app.search_entry.getState().contains(hsui.pyatspi.STATE_FOCUSED),
                 "the search entry to take the focus")
        self.app.type(term)
        self.app.wait_count(f"{len(expected)} of {self.total} claims")
        self.assertEqual(self.app.search_text(), term)

        rows = self.app.rows()
        self.assertEqual(sorted(r.text for r in rows), sorted(c["text"] for c in expected))

        def check(row, detail):
            shown = [detail.text] + (detail.section("Quote") or []) + (detail.section("Original") or [])
            self.assertTrue(any(term.lower() in text.lower() for text in shown),
                            f"{row!r} shows {term!r} nowhere: {shown}")
        self.step_through_rows(check)

    def check_chinese_search(self, term, only_in_originals):
        expected = [c for c in self.data.claims if contains(c, term)]
        self.assertTrue(0 < len(expected) < self.total, f"{term} is in the data")
        if only_in_originals:
            self.assertFalse([c["id"] for c in expected if term in (c["text"] + (c.get("quote") or ""))],
                             f"{term} is only in original texts")

        self.app.set_search(term)
        self.app.wait_count(f"{len(expected)} of {self.total} claims")
        self.assertEqual(sorted(r.text for r in self.app.rows()), sorted(c["text"] for c in expected))

        def check(row, detail):
            original = detail.section("Original")
            shown = [detail.text] + (detail.section("Quote") or []) + (original or [])
            if only_in_originals:
                self.assertIsNotNone(original, f"{row!r} has an original text")
                self.assertIn("Original (Chinese)", detail.sections)
                self.assertTrue(any(term in text for text in original), f"{term} in {original}")
            else:
                self.assertTrue(any(term in text for text in shown), f"{term} in {shown}")
        self.step_through_rows(check)

    def test_search_finds_chinese_only_in_original_texts(self):
        self.check_chinese_search("最重要的", only_in_originals=True)

    def test_search_finds_a_two_character_chinese_word(self):
        self.check_chinese_search("模型", only_in_originals=False)

    def test_filter_by_speaker_and_remove_the_chip(self):
        speaker = "Tang Jie 唐杰"
        expected = [c for c in self.data.claims if c["speaker"]["id"] == "tang-jie"]

        self.app.click(self.app.filters_button)
        combo = wait_for(lambda: self.app.filters_popover_field("Speaker"),
                         "the Speaker dropdown in the Filters popover")
        self.app.click(children(combo)[0])
        popup = wait_for(lambda: find(combo, lambda n: role(n) == "list"), "the list of speakers")
        items = children(popup)
        names = [labels(item)[0] for item in items]
        self.assertIn(speaker, names)
        target = names.index(speaker)

        def focused_index():
            for i, item in enumerate(children(popup)):
                if item.getState().contains(hsui.pyatspi.STATE_FOCUSED):
                    return i
            return None
        current = wait_for(lambda: focused_index() is not None and focused_index() + 1,
                           "a speaker to have the keyboard focus") - 1
        self.assertLessEqual(current, target)
        while current < target:
            self.app.key("Down")
            current += 1
            wait_for(lambda: focused_index() == current, f"Down to move to {names[current]}")
        self.app.key("Return")

        self.app.wait_count(f"{len(expected)} of {self.total} claims")
        chips = wait_for(lambda: self.app.chips(), "a chip for the filter")
        self.assertEqual([text for text, _ in chips], [f"Speaker: {speaker}"])
        rows = self.app.rows()
        self.assertEqual(len(rows), len(expected))
        for row in rows:
            self.assertEqual(row.name, "Tang Jie", row)
            self.assertIn("唐杰", row.rest, row)

        self.app.key("Escape")
        self.app.click(chips[0][1])
        self.app.wait_count(f"{self.total} claims", "all claims again after removing the chip")
        self.assertEqual(self.app.chips(), [])
        self.assertEqual(self.app.row_count(), self.total)

    def test_detail_shows_where_a_claim_comes_from(self):
        claim_id = "chinatalk-agi-next-2026.tang-jie.13"
        claim = self.claim(claim_id)
        source = self.data.show(claim["source"]["id"])
        self.assertTrue(source.get("publisher") and claim.get("locator"), "the test needs both")

        detail = self.search_and_select("post-2000s", claim_id)
        self.assertEqual(detail.speaker, "Tang Jie 唐杰")
        lines = detail.section("Source")
        self.assertIsNotNone(lines, f"a Source section: {detail.sections}")
        self.assertEqual(lines[0], source["title"])
        self.assertTrue(any(source["publisher"] in line for line in lines[1:]),
                        f"the publisher {source['publisher']!r} in {lines}")
        self.assertIn(f"At {claim['locator']}", lines)

    def follow_relation(self):
        claim_id = "chinatalk-agi-next-2026.tang-jie.13"
        claim = self.data.show(claim_id)
        self.search_and_select("post-2000s", claim_id)
        self.assertIsNone(self.app.back_button(), "no Back before following a relation")

        relation = claim["relations"][0]
        items = wait_for(lambda: self.app.related_items(), "the related claims")
        self.assertEqual(len(items), len(claim["relations"]))
        item = next(i for i in items if relation["text"] in labels(i))
        # Related claims are below the fold: scroll down to it, click it.
        self.app.scroll_into_view(item, self.app.detail_scroller())
        self.app.click(item)
        detail = wait_for(lambda: self.shows(relation), "the detail pane to show the related claim")
        self.assertEqual(detail.speaker, f"{relation['speaker']['name']} {relation['speaker']['native_name']}")
        return claim

    def test_follow_a_relation_and_come_back_with_the_back_button(self):
        claim = self.follow_relation()
        back = wait_for(lambda: self.app.back_button(), "a Back button")
        self.app.click(back)
        wait_for(lambda: self.shows(claim), "the first claim again")
        wait_for(lambda: self.app.back_button() is None, "Back to go away with nothing to go back to")

    def test_follow_a_relation_and_come_back_with_alt_left(self):
        claim = self.follow_relation()
        self.app.key("<Alt>Left")
        wait_for(lambda: self.shows(claim), "Alt+Left to show the first claim again")

    def test_ctrl_f_focuses_the_search_entry(self):
        self.app.select_row(1)
        self.assertFalse(self.app.search_entry.getState().contains(hsui.pyatspi.STATE_FOCUSED))
        self.app.key("<Control>f")
        wait_for(lambda: self.app.search_entry.getState().contains(hsui.pyatspi.STATE_FOCUSED),
                 "Ctrl+F to focus the search entry")

    def test_typing_while_the_list_has_focus_searches(self):
        term = "Kimi"
        expected = [c for c in self.data.claims if contains(c, term)]
        self.app.select_row(1)
        wait_for(lambda: self.app.claims_list.getChildAtIndex(1).getState().contains(hsui.pyatspi.STATE_FOCUSED),
                 "the list to have the focus")
        self.app.type(term)
        self.app.wait_count(f"{len(expected)} of {self.total} claims")
        self.assertEqual(self.app.search_text(), term, "what was typed is in the search entry")
        self.assertEqual(sorted(r.text for r in self.app.rows()), sorted(c["text"] for c in expected))

    def test_resting_the_pointer_on_a_row_leaves_the_claim_shown(self):
        """Moving the mouse across the list must not change the claim being
        read (GTK 4.8 selects on hover in a single-click-activate list, which
        the list therefore is not)."""
        shown = wait_for(lambda: self.app.detail(), "a claim in the detail pane").text
        self.assertTrue(self.app.is_selected(0))
        item = self.app.claims_list.getChildAtIndex(2)
        box = hsui.extents(item)
        hsui.Atspi.generate_mouse_event(box.x + box.width // 2, box.y + box.height // 2, "abs")
        # X delivers the pointer motion before this key press: once Ctrl+F
        # has moved the focus, the window has seen the pointer on the row.
        self.app.key("<Control>f")
        wait_for(lambda: self.app.search_entry.getState().contains(hsui.pyatspi.STATE_FOCUSED),
                 "Ctrl+F to focus the search entry")
        self.assertTrue(self.app.is_selected(0), "the selection stays on the first row")
        self.assertEqual(self.app.detail().text, shown)


MARKUP_TEXT = "<b>bold</b> &amp; more"
MARKUP_QUOTE = "<i>said</i> <span foreground='red'>so</span> & that's <that>"


class MarkupTest(TimedTestCase):
    """Text from data is text: markup characters show as they are."""

    def prepare_db(self, path):
        document = {
            "format": "hindsight",
            "version": 1,
            "speakers": [{"id": "markup-tester", "name": "Markup <Tester>", "native_name": "标记"}],
            "claims": [{
                "id": "markup-tester.01",
                "speaker": "markup-tester",
                "text": MARKUP_TEXT,
                "quote": MARKUP_QUOTE,
                # Newer than anything bundled, so it is the first row.
                "stated_on": "2026-11-01",
            }],
        }
        file = os.path.join(os.path.dirname(path), "markup.json")
        with open(file, "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=False)
        self.data.run("init", db=path)
        self.data.run("import", file, db=path)

    def test_markup_characters_show_literally(self):
        self.app.wait_count(f"{self.total + 1} claims")
        first = self.app.rows()[0]
        self.assertEqual(first.text, MARKUP_TEXT)
        self.assertEqual(first.name, "Markup <Tester>")

        self.app.select_row(0)
        detail = wait_for(lambda: self.shows_text(MARKUP_TEXT), "the detail pane to show the claim")
        self.assertEqual(detail.speaker, "Markup <Tester> 标记")
        self.assertEqual(detail.section("Quote"), [MARKUP_QUOTE])


class PagesTest(TimedTestCase):
    """The Speakers and Sources pages, being written now: each test looks
    for its page once the program is up and is skipped while the window
    has none."""

    def open_page(self, title):
        """Clicks the page's tab and returns the page: the view stack's
        child in the tab's place (a page once shown keeps its size when
        hidden, so sizes cannot tell which one is shown)."""
        tabs = [n for n in self.app.page_tabs() if n.name == title]
        if not tabs:
            self.skipTest(f"the window has no {title} page yet "
                          f"(it has {sorted({t.name for t in self.app.page_tabs()})})")
        tab = next((t for t in tabs if hsui.is_drawn(t)), tabs[0])
        self.app.click(tab)
        wait_for(lambda: tab.getState().contains(hsui.pyatspi.STATE_SELECTED), f"the {title} page to be shown")
        pages = children(self.app.claims_page.parent)
        self.assertEqual(len(pages), tab.parent.childCount, "a page for every tab")
        return pages[tab.getIndexInParent()]

    def page_nodes(self, page, pred):
        return [n for n in hsui.walk(page) if pred(n)]

    def claim_texts_shown(self, page):
        """The statements of claims the page shows, in order."""
        known = {c["text"] for c in self.data.claims}
        return [n.name for n in self.page_nodes(page, lambda n: role(n) == "label") if n.name in known]

    @staticmethod
    def text_of(node):
        return " ".join([node.name] + labels(node))

    def rows_of(self, page, needle):
        """The rows (list items) of the page whose text has needle."""
        return [n for n in self.page_nodes(page, lambda n: role(n) in ("list item", "table row", "table cell"))
                if needle in self.text_of(n)]

    def test_speakers_tells_the_two_yao_shunyu_apart(self):
        page = self.open_page("Speakers")
        rows = wait_for(lambda: len(self.rows_of(page, "Yao Shunyu")) >= 2 and self.rows_of(page, "Yao Shunyu"),
                        "two speakers named Yao Shunyu")
        texts = [self.text_of(r) for r in rows]
        self.assertEqual(len(rows), 2, texts)
        computer_scientist = [r for r, t in zip(rows, texts) if "姚顺雨" in t]
        physicist = [r for r, t in zip(rows, texts) if "姚顺宇" in t]
        self.assertTrue(len(computer_scientist) == 1 and len(physicist) == 1,
                        f"each shown with his own native name: {texts}")

        his = {c["text"] for c in self.data.claims if c["speaker"]["id"] == "yao-shunyu-physics"}
        profile = self.data.show("yao-shunyu-physics")
        self.app.click(physicist[0])
        shown = wait_for(lambda: self.claim_texts_shown(page), "his claims in his profile")
        self.assertFalse(set(shown) - his, "only his claims, none of the other Yao Shunyu's")
        names = [n.name for n in self.page_nodes(page, lambda n: role(n) == "label")]
        organisations = [a["organization"] for a in profile["affiliations"]]
        self.assertTrue(any(o in name for o in organisations for name in names),
                        f"his affiliations {organisations} in the profile")

    def test_sources_lists_a_source_with_its_claims_in_locator_order(self):
        page = self.open_page("Sources")
        source = self.data.show("chinatalk-agi-next-2026")
        rows = wait_for(lambda: self.rows_of(page, source["title"]), "the ChinaTalk source")
        self.app.click(rows[0])
        by_text = {c["text"]: c for c in self.data.claims if c["source"]["id"] == source["id"]}
        texts = wait_for(lambda: (lambda shown: shown if sorted(shown) == sorted(by_text) else None)(
            self.claim_texts_shown(page)), f"every one of the {len(by_text)} claims of the source, once")
        names = [n.name for n in self.page_nodes(page, lambda n: role(n) == "label")]
        self.assertTrue(any(source["publisher"] in name for name in names), "the publisher is shown")
        # Locator order as the brief puts it: the locators sorted as text,
        # numbers by value ("01:05:00" after "00:59:59", "topic 10" after
        # "topic 9").
        locators = [by_text[t]["locator"] for t in texts]
        self.assertEqual(locators, sorted(locators, key=hsui.natural_key),
                         "the claims of a source are in locator order")


class WindowIconTest(TimedTestCase):
    """The window offers the window manager its icon, which an uninstalled
    program (tools/dev run, these tests) finds through HINDSIGHT_ICONDIR."""

    def test_the_window_has_the_app_icon(self):
        directory = os.environ.get("HINDSIGHT_ICONDIR")
        if not directory:
            self.skipTest("HINDSIGHT_ICONDIR is not set (run through meson test)")
        icons = wait_for(lambda: hsui.window_icons(self.app.proc.pid, "Hindsight"),
                         "the window to carry an icon")
        self.assertIn((48, 48), icons)

        # It is the app's own icon, not GTK's "image missing": the same
        # pixels as librsvg draws from the file, give or take rounding.
        svg = os.path.join(directory, "hicolor", "scalable", "apps", "io.github.hindsight.Hindsight.svg")
        png = os.path.join(self.app.dir, "icon.png")
        hsui.subprocess.run(["rsvg-convert", "-w", "48", "-h", "48", "-o", png, svg], check=True)
        differences = []
        for y in range(0, 48, 3):
            for x in range(0, 48, 3):
                argb = icons[(48, 48)][y * 48 + x]
                shown = ((argb >> 16) & 255, (argb >> 8) & 255, argb & 255, argb >> 24)
                drawn = hsui.png_pixel(png, x, y)
                drawn = drawn if len(drawn) == 4 else drawn + (255,)
                # Colours are compared where both are opaque; edges by
                # their coverage alone.
                if shown[3] > 200 and drawn[3] > 200:
                    differences.append(max(abs(a - b) for a, b in zip(shown[:3], drawn[:3])))
                elif shown[3] > 0 or drawn[3] > 0:
                    differences.append(abs(shown[3] - drawn[3]))
        self.assertGreater(len(differences), 50, "the icon is not empty")
        self.assertLess(sum(differences) / len(differences), 24, "the icon is the app's")
        self.assertNotIn("Failed to load icon", self.app.log_text())


class ScreenshotTest(TimedTestCase):

    def test_screenshot_of_the_main_window(self):
        out = os.environ.get("HINDSIGHT_SCREENSHOT_OUT") or os.path.join(os.getcwd(), "screenshots",
                                                                          "main-window.png")
        # A claim with the Chinese it was said in, for the README.
        with_original = next(i for i, row in enumerate(self.app.rows())
                             if any(c["text"] == row.text and c.get("original_text") for c in self.data.claims))
        self.app.select_row(0)
        for index in range(1, with_original + 1):
            self.app.key("Down")
            wait_for(lambda: self.app.is_selected(index), f"row {index} to be selected")
        detail = wait_for(lambda: self.shows_text(self.app.rows()[with_original].text),
                          "the claim in the detail pane")
        self.assertIsNotNone(detail.section("Original"), "its original text is shown")

        self.app.screenshot(out)
        width, height, colours = hsui.png_info(out)
        print(f"    screenshot: {out} ({width}×{height}, more than {min(colours, 1000) - 1} colours)",
              file=sys.stderr)
        self.assertGreaterEqual(width, 800)
        self.assertGreaterEqual(height, 600)
        self.assertGreater(colours, 50, "the screenshot is not a blank picture")


if __name__ == "__main__":
    unittest.main(verbosity=2)
