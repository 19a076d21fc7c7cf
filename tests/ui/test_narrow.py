# SPDX-License-Identifier: GPL-3.0-or-later
"""Every page at the window's narrowest and at a wide desktop size.

Run through run-ui-test.sh (meson test --suite ui). The window opens at the
size a person's last session left it (the keyfile settings backend, as
tools/screenshots does): 360 units wide, the least the window allows, and
1240. On every page, and in each view of the Compare page, no label is
cut by the window's edge (one in a scrolled pane may run on under the
pane's edge: it scrolls); the scorecard's charts get the height their
narrow layout needs; and the program draws each page into
build/screenshots/narrow-*.png and wide-*.png for people to look at.
"""

import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import hsui  # noqa: E402
from hsui import children, find, role, walk, wait_for  # noqa: E402

PAGES = ["Claims", "Timeline", "Speakers", "Sources", "Tracker", "Compare", "Scorecard"]
COMPARE_VIEWS = ["Matrix", "Side by Side", "Predictions"]


def screenshot_dir():
    out = os.environ.get("HINDSIGHT_SCREENSHOT_OUT")
    return os.path.dirname(out) if out else os.path.join(os.getcwd(), "screenshots")


class SizedTestCase(unittest.TestCase):
    maxDiff = None
    width = None
    height = 720

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
        self.app = hsui.App(extra_env={"GSETTINGS_BACKEND": "keyfile"})
        self.addCleanup(self.app.cleanup)
        # The keyfile backend reads XDG_CONFIG_HOME/glib-2.0/settings/keyfile.
        settings = os.path.join(self.app.dir, "xdg_config_home", "glib-2.0", "settings")
        os.makedirs(settings)
        with open(os.path.join(settings, "keyfile"), "w", encoding="utf-8") as f:
            f.write("[io/github/hindsight/Hindsight]\n"
                    f"window-width={self.width}\nwindow-height={self.height}\n"
                    "last-page='claims'\n")
        self.app.start()

    def tearDown(self):
        self.app.stop()
        problems = self.app.log_problems()
        if problems:
            self.fail("the program logged problems:\n" + "\n".join(problems))

    # Looking

    def cut_labels(self, within):
        """The labels drawn in within that run across the window's edges, or
        past the edges of a pane that does not scroll sideways, as (text,
        how far)."""
        window = hsui.extents(self.app.window)
        cut = []

        def box_of(node):
            try:
                box = hsui.extents(node)
            except NotImplementedError:  # a stack page: no place of its own
                return None
            return box if box.width > 0 and box.height > 0 else None

        def visit(node, left, right):
            box = box_of(node)
            kind = role(node)
            if box is not None and kind in ("panel", "filler"):
                # A pane mostly outside the window is the folded-away side
                # of a leaflet, allocated beside the window and not drawn.
                inside = min(box.x + box.width, window.x + window.width) - max(box.x, window.x)
                if inside < box.width / 2:
                    return
            if box is not None and kind == "scroll pane":
                if any(role(c) == "scroll bar" and hsui.has_state(c, hsui.pyatspi.STATE_HORIZONTAL)
                       and box_of(c) is not None for c in children(node)):
                    left, right = -10 ** 6, 10 ** 6
                else:
                    left, right = max(left, box.x), min(right, box.x + box.width)
            if box is not None and kind == "label" and node.name:
                # A label wholly outside is not shown; one across an edge
                # is cut by it.
                over = max(left - box.x, box.x + box.width - right)
                if over > 2 and box.x < right and box.x + box.width > left:
                    cut.append((node.name[:40], over))
            for child in children(node):
                visit(child, left, right)
        visit(within, window.x, window.x + window.width)
        return cut

    def shoot(self, name):
        path = self.app.screenshot(os.path.join(screenshot_dir(), f"{self.size}-{name}.png"))
        width, height, colours = hsui.png_info(path)
        print(f"    screenshot: {path} ({width}×{height})", file=sys.stderr)
        self.assertGreater(colours, 20, f"{path} is nearly blank")
        return width

    def check(self, name, node):
        # A page just shown may take a frame or two to lay its rows out at
        # the window's width: the state awaited is "nothing cut".
        try:
            wait_for(lambda: not self.cut_labels(node), f"no label cut on {name}", timeout=5)
        except hsui.Timeout:
            self.assertEqual(self.cut_labels(node), [], f"labels cut on {name}")
        self.shoot(name)

    def compare_view(self, page, title):
        tab = wait_for(lambda: find(page, lambda n: role(n) == "page tab" and n.name == title),
                       f"the {title} tab")
        self.app.click(tab)
        wait_for(lambda: hsui.has_state(tab, hsui.pyatspi.STATE_SELECTED), f"the {title} view")
        return wait_for(lambda: find(page, lambda n: role(n) == "panel" and n.name == title),
                        f"the {title} view")

    def every_page(self):
        frame = hsui.extents(self.app.window)
        for title in PAGES:
            page = self.app.show_page(title)
            wait_for(lambda: hsui.is_drawn(page), f"the {title} page to be drawn")
            if title == "Compare":
                for view_title in COMPARE_VIEWS:
                    view = self.compare_view(page, view_title)
                    if view_title == "Side by Side":
                        slots = [wait_for(lambda: find(view, lambda n: role(n) == "combo box"
                                                       and n.name == f"Speaker {i}"), f"speaker {i}")
                                 for i in (1, 2, 3)]
                        hsui.choose(slots[0], "Tang Jie 唐杰")
                        hsui.choose(slots[1], "Yang Zhilin 杨植麟")
                        hsui.choose(slots[2], "Lin Junyang 林俊旸")
                    self.check(f"compare-{view_title.lower().replace(' ', '-')}", page)
            elif title == "Scorecard":
                self.check("scorecard", page)
                charts = wait_for(lambda: [n for n in walk(page, prune=hsui.is_list) if role(n) == "image"
                                           and n.name in ("Scorecard", "Calibration")], "the charts")
                self.assertEqual(len(charts), 2)
                for chart in charts:
                    self.check_chart(chart)
                self.scroll_to(charts[0])
                self.shoot("scorecard-charts")
            else:
                self.check(title.lower(), page)
            # No page makes the window wider than it was.
            self.assertEqual(hsui.extents(self.app.window).width, frame.width, f"the window's width on {title}")
        return frame

    def check_chart(self, chart):
        pass

    def scroll_to(self, node):
        """Turns the wheel over the bottom corner of the pane that holds
        node (not over the table in it, which scrolls itself) until node's
        top is in view."""
        pane = node.parent
        while role(pane) != "scroll pane":
            pane = pane.parent
        view = hsui.extents(pane)
        for _ in range(60):
            box = hsui.extents(node)
            if view.y <= box.y and box.y + min(box.height, view.height // 2) <= view.y + view.height:
                return
            hsui.Atspi.generate_mouse_event(view.x + 6, view.y + view.height - 6, "b5c")
            try:
                wait_for(lambda: hsui.extents(node).y != box.y, "the pane to scroll", timeout=2)
            except hsui.Timeout:
                break
        raise AssertionError(f"could not scroll {node.name!r} into view")


class NarrowTest(SizedTestCase):
    width = 360
    size = "narrow"

    def check_chart(self, chart):
        # Narrow, a chart puts its names above its bars: it is given the
        # height for that (HsChartView asks for 420 below 440 wide).
        box = hsui.extents(chart)
        self.assertLess(box.width, 440)
        self.assertGreaterEqual(box.height, 420, f"the {chart.name} chart's height")

    def test_every_page_at_the_narrowest_window(self):
        frame = self.every_page()
        self.assertLessEqual(frame.width, 372, "the window is as narrow as it allows")


class WideTest(SizedTestCase):
    width = 1240
    height = 760
    size = "wide"

    def test_every_page_at_a_wide_window(self):
        frame = self.every_page()
        self.assertGreaterEqual(frame.width, 1200)


if __name__ == "__main__":
    unittest.main(verbosity=2)
