# SPDX-License-Identifier: GPL-3.0-or-later
"""The window in Simplified Chinese.

Run through run-ui-test.sh (meson test --suite ui). The program starts with
LANGUAGE=zh_CN and LC_ALL=C.UTF-8 (glibc honours LANGUAGE with C.UTF-8, so
no zh_CN locale need be generated) and its catalogue from the build tree
(HINDSIGHT_LOCALEDIR). The test reads the window as a screen reader does:
the page titles in the view switcher, the count under the list, a claim's
row and its detail pane. A Chinese reader reads a claim's Chinese original
first, then the English; dates read 2026年1月10日, 约2026年2月.
"""

import os
import re
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import hsui  # noqa: E402
from hsui import children, labels, role, wait_for  # noqa: E402

# What the window must call its pages, its search entry and so on, in the
# words of po/zh_CN.po. An English word here means the catalogue was not
# found or not complete.
PAGES = ["论断", "时间线", "发言人", "来源", "跟踪", "比较", "计分卡"]


def zh_date(value):
    """A dataset date ("~2026-02", "2026-01-10") as a Chinese reader
    writes it: 2026年1月10日, 约2026年2月, 2026年."""
    approximate = value.startswith("~")
    parts = [int(p) for p in value.lstrip("~").split("-")]
    text = f"{parts[0]}年"
    if len(parts) > 1:
        text += f"{parts[1]}月"
    if len(parts) > 2:
        text += f"{parts[2]}日"
    return "约" + text if approximate else text


class ChineseApp(hsui.App):
    """The program with a Chinese interface; its parts found by their
    Chinese names."""

    def __init__(self, language):
        super().__init__(extra_env={"LANGUAGE": language, "LC_ALL": "C.UTF-8"})
        self.language = language

    @property
    def search_entry(self):
        name = "搜索论断" if self.language.startswith("zh") else "Search claims"
        return self._part("the search entry", lambda n: role(n) == "entry" and n.name == name,
                          self.claims_page)

    @property
    def claims_list(self):
        name = "论断和预测" if self.language.startswith("zh") else "Claims and predictions"
        return self._part("the list of claims", lambda n: role(n) == "list" and n.name == name,
                          self.list_pane)

    @property
    def count_label(self):
        pattern = r"\d+ 条论断" if self.language.startswith("zh") else r"\d+ claims?"
        return self._child("the count label", self.list_pane,
                           lambda n: role(n) == "label" and re.fullmatch(pattern, n.name or ""))

    @property
    def detail_pane(self):
        name = "论断详情" if self.language.startswith("zh") else "Claim details"
        return self._child("the detail pane", self.list_pane.parent, lambda n: n.name == name)

    def detail_parts(self):
        """The nodes of the claim shown in the detail pane, top to bottom,
        or None before it shows one."""
        _, pages = self._detail_pages()
        for page in pages:
            content = children(page)[0]
            if role(content) == "scroll pane" and hsui.is_drawn(content):
                box = children(content)[0]
                while len(children(box)) == 1:
                    box = children(box)[0]
                return children(box)
        return None

    def row_parts(self, index):
        """The texts of a row under its header line, top to bottom."""
        item = self.claims_list.getChildAtIndex(index)
        box = item.getChildAtIndex(0).getChildAtIndex(0)
        return [n.name for n in children(box)[1:]]


class ChineseWindowTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.data = hsui.Dataset()

    @classmethod
    def tearDownClass(cls):
        cls.data.close()

    def setUp(self):
        self.started = time.monotonic()
        self.addCleanup(lambda: print(f"    {self.id().split('.', 1)[1]}: "
                                      f"{time.monotonic() - self.started:.1f} s", file=sys.stderr))
        hsui.quiet_pyatspi()

    def start(self, language):
        app = ChineseApp(language)
        self.addCleanup(app.cleanup)
        app.start()
        self.addCleanup(self.check_log, app)
        return app

    def check_log(self, app):
        app.stop()
        problems = app.log_problems()
        if problems:
            self.fail("the program logged problems:\n" + "\n".join(problems))

    def claim(self, claim_id):
        return next(c for c in self.data.claims if c["id"] == claim_id)

    def show_claim(self, app, term, claim_id):
        """Searches for a phrase only one claim contains and waits for its
        row to be the only one."""
        matches = [c["id"] for c in self.data.claims
                   if any(term in (c.get(f) or "") for f in ("text", "quote", "original_text"))]
        self.assertEqual(matches, [claim_id], f"the test needs {term!r} to find only {claim_id}")
        app.set_search(term)
        wait_for(lambda: app.row_count() == 1, f"the search for {term!r} to leave one row")

    def test_pages_counts_originals_and_dates_in_chinese(self):
        app = self.start("zh_CN")

        tabs = app.view_tabs()
        self.assertEqual(sorted(tabs), sorted(PAGES), "the page titles are translated")
        self.assertEqual(app.count_text(), f"{len(self.data.claims)} 条论断")

        # A claim with its Chinese original and a date to the day.
        claim = self.claim("chinatalk-agi-next-2026.lin-junyang.03")
        self.assertEqual((claim["original_text"], claim["stated_on"]), ("模型即产品", "2026-01-10"))
        self.show_claim(app, "模型即产品", claim["id"])
        parts = app.row_parts(0)
        self.assertEqual(parts[:2], [claim["original_text"], claim["text"]],
                         "the row reads the Chinese original first, then the English")
        self.assertTrue(parts[2].endswith(" · 2026年1月10日"), f"the row's date in Chinese: {parts[2]!r}")

        app.select_row(0)
        detail = wait_for(lambda: (lambda p: p if p and any(n.name == claim["text"] for n in p) else None)
                          (app.detail_parts()), "the detail pane to show the claim")
        names = [n.name for n in detail]
        texts = [labels(n) if role(n) != "label" else [n.name] for n in detail]
        original_at = next(i for i, t in enumerate(texts) if claim["original_text"] in t)
        statement_at = names.index(claim["text"])
        self.assertLess(original_at, statement_at,
                        f"the detail pane shows the original above the English: {texts}")
        self.assertEqual(texts[original_at][0], "原文（中文）")
        said = "预测于 2026年1月10日" if claim.get("prediction") else "发言于 2026年1月10日"
        self.assertIn(said, names, f"the date the claim was made, in Chinese: {names}")

        # An approximate month: 约2026年2月.
        claim = self.claim("xiaojun-podcast-140-yao-shunyu.yao-shunyu-physics.42")
        self.assertEqual(claim["stated_on"], "~2026-02")
        self.show_claim(app, "末班车已经发车", claim["id"])
        parts = app.row_parts(0)
        self.assertEqual(parts[:2], [claim["original_text"], claim["text"]])
        self.assertTrue(parts[2].endswith(" · " + zh_date(claim["stated_on"])),
                        f"the row's approximate date in Chinese: {parts[2]!r}")
        self.assertEqual(zh_date(claim["stated_on"]), "约2026年2月")

        # A picture of the Chinese window to look at (build/screenshots/).
        out = os.environ.get("HINDSIGHT_SCREENSHOT_OUT")
        folder = os.path.dirname(out) if out else os.path.join(os.getcwd(), "screenshots")
        app.screenshot(os.path.join(folder, "zh-cn-claims.png"))

    def test_in_english_the_english_comes_first(self):
        app = self.start("en")
        self.assertIn("Claims", app.view_tabs())
        claim = self.claim("chinatalk-agi-next-2026.lin-junyang.03")
        self.show_claim(app, "模型即产品", claim["id"])
        parts = app.row_parts(0)
        self.assertEqual(parts[0], claim["text"], "no original above the English statement")
        self.assertNotIn(claim["original_text"], parts)
        self.assertTrue(parts[1].endswith(" · 10 January 2026"), parts[1])


if __name__ == "__main__":
    unittest.main(verbosity=2)
