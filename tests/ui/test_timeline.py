# SPDX-License-Identifier: GPL-3.0-or-later
"""The Timeline page and chart export, in the real window.

Run through run-ui-test.sh (meson test --suite ui). Every test starts the
program on a fresh database of its own and reads the window the way a
screen reader does; expected values come from the bundled dataset as
hindsight-cli reads it.

Exports go through the real Export dialog. One test drives the file
chooser as a person would (Ctrl+L is not needed: the chooser opens with
its name field focused, and a full path typed there is where the file
goes); the others set HINDSIGHT_TEST_EXPORT_DIR, the dialog's test hook,
which writes into that folder without asking (see
src/app/hs-chart-export-dialog.c), so that they test the export rather
than the chooser.
"""

import os
import re
import shutil
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import hsui  # noqa: E402
from hsui import children, find, has_state, labels, pyatspi, role, wait_for  # noqa: E402

STATUS_WORDS = {
    "open": "Open",
    "confirmed": "Confirmed",
    "partial": "Partially confirmed",
    "refuted": "Refuted",
    "ambiguous": "Ambiguous",
}
MONTH_RANGE = re.compile(r"^(?:(\d{1,2}) )?([A-Z][a-z]+) (\d{4}) – (?:(\d{1,2}) )?([A-Z][a-z]+) (\d{4})$")


def speaker_name(speaker):
    return " ".join(part for part in (speaker["name"], speaker.get("native_name")) if part)


def description_of(prediction):
    """What the timeline's accessible description says of a focused
    prediction (hs-timeline-view.c, describe_claim)."""
    text = prediction["text"].rstrip()
    if not text.endswith((".", "!", "?", "…", "。", "！", "？")):
        text += "."
    if prediction.get("latest"):
        due = f"Resolves by {hsui.display_date(prediction['latest'])}."
    else:
        due = "Open-ended."
    return (f"{speaker_name(prediction['speaker'])} predicted on "
            f"{hsui.display_date(prediction['stated_on'])}: {text} {due} "
            f"{STATUS_WORDS[prediction['status']]}.")


def range_days(text):
    """The number of days a range label like "June 2024 – December 2034"
    or "3 March 2026 – 28 April 2026" covers, roughly (months count 30.44
    days)."""
    match = MONTH_RANGE.match(text)
    if match is None:
        raise AssertionError(f"{text!r} is not a time range")
    d1, m1, y1, d2, m2, y2 = match.groups()
    start = int(y1) * 365.25 + hsui.MONTHS.index(m1) * 30.44 + int(d1 or 1)
    end = int(y2) * 365.25 + hsui.MONTHS.index(m2) * 30.44 + int(d2 or 28)
    return end - start


def range_start(text):
    """Where a range label's range starts, as (year, month, day)."""
    match = MONTH_RANGE.match(text)
    return int(match.group(3)), hsui.MONTHS.index(match.group(2)), int(match.group(1) or 1)


class TimelineTestCase(hsui.AppTestCase):
    export_dir = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.predictions = hsui.json.loads(cls.data.run("predictions", "--json"))

    def setUp(self):
        self.started = time.monotonic()
        self.addCleanup(lambda: print(f"    {self.id().split('.', 1)[1]}: "
                                      f"{time.monotonic() - self.started:.1f} s", file=sys.stderr))
        # As hsui.AppTestCase.setUp, with the environment this test wants.
        hsui.quiet_pyatspi()
        env = {}
        if self.export_dir:
            self.out = tempfile.mkdtemp(prefix="hsui-export-")
            self.addCleanup(shutil.rmtree, self.out, True)
            env["HINDSIGHT_TEST_EXPORT_DIR"] = self.out
        self.app = hsui.App(extra_env=env)
        self.addCleanup(self.app.cleanup)
        self.app.start()

    # The page

    def open_timeline(self):
        self.page = self.app.show_page("Timeline")
        self.view = wait_for(lambda: find(self.page, lambda n: n.name == "Timeline of predictions"
                                          and role(n) == "image"),
                             "the timeline, named for screen readers")
        wait_for(lambda: hsui.is_drawn(self.view), "the timeline to be drawn")
        return self.page

    def description(self):
        return self.view.description or ""

    def range_label(self):
        node = self.app.find_label(lambda text: MONTH_RANGE.match(text) is not None, self.page)
        return node

    def range_text(self):
        return self.range_label().name

    def button(self, name, within=None):
        return wait_for(lambda: find(within or self.page, lambda n: role(n) == "push button"
                                     and n.name == name, prune=hsui.is_list),
                        f"the {name} button")

    def is_enabled(self, node):
        return has_state(node, pyatspi.STATE_SENSITIVE)

    def focus_timeline(self):
        """Clicks the timeline where no prediction is (the time axis above
        the lane names), which gives it the keyboard focus."""
        box = hsui.extents(self.view)
        hsui.Atspi.generate_mouse_event(box.x + 6, box.y + 12, "b1c")
        wait_for(lambda: has_state(self.view, pyatspi.STATE_FOCUSED), "the timeline to have the focus")

    def focused_prediction(self):
        """The prediction the description names, or None."""
        text = self.description()
        for prediction in self.predictions:
            if text == description_of(prediction):
                return prediction
        return None

    def toast(self, prefix):
        return next((text for text in self.app.toast_texts() if text.startswith(prefix)), None)


class TimelinePageTest(TimelineTestCase):

    def test_every_page_can_be_shown(self):
        titles = list(self.app.view_tabs())
        self.assertIn("Timeline", titles)
        self.assertEqual(titles.index("Timeline"), titles.index("Claims") + 1, "Timeline comes after Claims")
        for title in titles:
            self.app.show_page(title)
            wait_for(lambda: not any(self.app.is_page_shown(other) for other in titles if other != title),
                     f"only {title} to be shown")
        self.open_timeline()

    def test_timeline_draws_every_prediction(self):
        self.open_timeline()
        speakers = {p["speaker"]["id"] for p in self.predictions}
        summary = wait_for(lambda: self.description().startswith(f"{len(self.predictions)} predictions")
                           and self.description(), "the timeline's summary")
        self.assertIn(f"{len(self.predictions)} predictions in {len(speakers)} lanes", summary)
        box = hsui.extents(self.view)
        self.assertGreater(box.width, 400)
        self.assertGreater(box.height, 300)

        shot = self.app.screenshot(os.path.join(self.app.dir, "timeline.png"))
        width, height, colours = hsui.png_info(shot)
        self.assertGreater(colours, 50, "the timeline is drawn, not blank")
        out = os.environ.get("HINDSIGHT_SCREENSHOT_OUT")
        if out:
            dest = os.path.join(os.path.dirname(out), "timeline.png")
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            shutil.copyfile(shot, dest)
            print(f"    screenshot: {dest} ({width}×{height})", file=sys.stderr)

    def test_zoom_with_buttons_and_keys_then_fit_all(self):
        self.open_timeline()
        full = wait_for(lambda: self.range_label(), "the time range above the timeline").name
        zoom_in, zoom_out, fit = (self.button(n) for n in ("Zoom In", "Zoom Out", "Fit All"))
        self.assertFalse(self.is_enabled(zoom_out), "all of time is shown: nothing to zoom out to")

        self.app.click(zoom_in)
        once = wait_for(lambda: self.range_text() != full and self.range_text(), "Zoom In to narrow the range")
        self.assertLess(range_days(once), range_days(full) * 0.8, f"{once} within {full}")
        wait_for(lambda: self.is_enabled(zoom_out), "Zoom Out to be possible now")

        self.focus_timeline()
        self.app.key("plus")
        twice = wait_for(lambda: self.range_text() != once and self.range_text(), "+ to zoom in further")
        self.assertLess(range_days(twice), range_days(once) * 0.8, f"{twice} within {once}")

        self.app.key("minus")
        wait_for(lambda: self.range_text() == once, "− to zoom back out")

        self.app.click(fit)
        wait_for(lambda: self.range_text() == full, "Fit All to show all of time again")
        wait_for(lambda: not self.is_enabled(zoom_out), "Zoom Out to be off again")

        # Keyboard zoom and Fit All from the keyboard as well.
        self.app.key("plus")
        wait_for(lambda: self.range_text() != full, "+ to zoom in")
        self.app.key("0")
        wait_for(lambda: self.range_text() == full, "0 to show all of time")

    def test_drag_pans_and_ctrl_wheel_zooms(self):
        self.open_timeline()
        full = wait_for(lambda: self.range_label(), "the time range above the timeline").name
        self.app.click(self.button("Zoom In"))
        zoomed = wait_for(lambda: self.range_text() != full and self.range_text(), "Zoom In")

        # Drag along the time axis, where no prediction is, to the left:
        # later times come into view, as many days as before.
        box = hsui.extents(self.view)
        y = box.y + 12
        hsui.rawinput.dragWithTrajectory((box.x + box.width * 3 // 4, y), (box.x + box.width // 4, y))
        panned = wait_for(lambda: self.range_text() != zoomed and self.range_text(), "the drag to pan")
        self.assertGreater(range_start(panned), range_start(zoomed), "later times")
        self.assertAlmostEqual(range_days(panned), range_days(zoomed), delta=range_days(zoomed) * 0.1)

        # Ctrl and the wheel over the timeline zoom in around the pointer.
        hsui.rawinput.absoluteMotion(box.x + box.width // 2, box.y + box.height // 2)
        hsui.rawinput.holdKey("Control_L")
        try:
            hsui.Atspi.generate_mouse_event(box.x + box.width // 2, box.y + box.height // 2, "b4c")
            closer = wait_for(lambda: self.range_text() != panned and self.range_text(), "Ctrl+wheel to zoom")
        finally:
            hsui.rawinput.releaseKey("Control_L")
        self.assertLess(range_days(closer), range_days(panned))

    def test_arrow_keys_move_between_predictions_and_enter_opens_one(self):
        self.open_timeline()
        self.focus_timeline()
        # Lanes are speakers by name (and id); each lane's predictions in
        # the order they were made.
        lanes = sorted({(p["speaker"]["name"], p["speaker"]["id"]) for p in self.predictions})
        first_lane = [p for p in self.predictions if p["speaker"]["id"] == lanes[0][1]]
        earliest = min(hsui.date_key(p["stated_on"]) for p in first_lane)

        self.app.key("Right")
        first = wait_for(self.focused_prediction, "Right to focus a prediction the description names")
        self.assertEqual(first["speaker"]["id"], lanes[0][1], "the first lane's")
        self.assertEqual(hsui.date_key(first["stated_on"]), earliest, "its earliest")

        self.app.key("Right")
        second = wait_for(lambda: (lambda p: p if p and p["id"] != first["id"] else None)(self.focused_prediction()),
                          "Right to move to the next prediction")
        self.assertEqual(second["speaker"]["id"], first["speaker"]["id"], "within the lane")
        self.assertGreaterEqual(hsui.date_key(second["stated_on"]), hsui.date_key(first["stated_on"]))

        self.app.key("Left")
        wait_for(lambda: self.focused_prediction() == first, "Left to go back")

        self.app.key("Down")
        below = wait_for(lambda: (lambda p: p if p and p["id"] != first["id"] else None)(self.focused_prediction()),
                         "Down to move to the next lane")
        self.assertEqual(below["speaker"]["id"], lanes[1][1], "the second lane's")

        self.app.key("Return")
        wait_for(lambda: self.app.is_page_shown("Claims"), "Enter to open the Claims page")
        wait_for(lambda: (lambda d: d is not None and d.text == below["text"])(self.app.detail()),
                 "the detail to show the prediction that was focused")
        self.assertEqual(self.app.detail().speaker, speaker_name(below["speaker"]))

    def test_shares_the_search_with_the_claims_page(self):
        term = "compute"
        matching = [p for p in self.predictions
                    if any(term.lower() in (p.get(f) or "").lower() for f in ("text", "quote", "original_text"))]
        self.assertTrue(0 < len(matching) < len(self.predictions), "the test needs a narrowing search")

        claims = [c for c in self.data.claims
                  if any(term.lower() in (c.get(f) or "").lower() for f in ("text", "quote", "original_text"))]
        self.app.set_search(term)
        self.app.wait_count(f"{len(claims)} of {len(self.data.claims)} claims")
        self.open_timeline()
        noun = "prediction" if len(matching) == 1 else "predictions"
        wait_for(lambda: self.description().startswith(f"{len(matching)} {noun} in "),
                 f"the timeline to show the {len(matching)} matching predictions")
        note = wait_for(lambda: self.app.find_label(lambda t: "search and filters of the Claims page" in t,
                                                    self.page), "a note that the Claims page's filters apply")
        self.assertTrue(note.name.startswith(f"{len(matching)} "), note.name)

        self.app.click(self.button("Edit Filters"))
        wait_for(lambda: self.app.is_page_shown("Claims"), "Edit Filters to open the Claims page")
        self.app.set_search("")
        self.app.wait_count(f"{len(self.data.claims)} claims")
        self.open_timeline()
        wait_for(lambda: self.description().startswith(f"{len(self.predictions)} predictions"),
                 "all predictions again without the search")

    def test_lanes_by_topic(self):
        self.open_timeline()
        topics = {(p["topics"] or [None])[0] for p in self.predictions}
        combo = wait_for(lambda: find(self.page, lambda n: role(n) == "combo box" and n.name == "Lanes"),
                         "the Lanes dropdown")
        self.app.click(children(combo)[0])
        popup = wait_for(lambda: find(combo, lambda n: role(n) == "list"), "the choice of lanes")
        names = [labels(item)[0] for item in children(popup)]
        self.assertEqual(names, ["Speakers", "Topics"])
        self.app.key("Down")
        self.app.key("Return")
        wait_for(lambda: f"predictions in {len(topics)} lanes" in self.description(),
                 f"one lane for each of the {len(topics)} first topics")


class ExportTest(TimelineTestCase):
    export_dir = True

    def export(self, fmt, width, height, scale=None, theme=None):
        """Exports the timeline through the Export dialog and returns the
        file's path once it is written and the window has said so."""
        self.open_timeline()
        self.app.click(self.button("Export…"))
        dialog = wait_for(lambda: find(self.app.app, lambda n: role(n) in ("dialog", "frame")
                                       and n.name == "Export Chart"), "the Export dialog")
        self.app.click(wait_for(lambda: find(dialog, lambda n: role(n) in ("toggle button", "push button") and n.name == fmt),
                                f"the {fmt} choice"))
        for name, value in (("Width", width), ("Height", height)):
            spin = wait_for(lambda: find(dialog, lambda n: role(n) == "spin button" and n.name == name),
                            f"the {name} field")
            spin.queryValue().currentValue = value
            wait_for(lambda: spin.queryValue().currentValue == value, f"the {name} to be {value}")
        for choice in (scale, theme):
            if choice:
                self.app.click(find(dialog, lambda n: role(n) in ("toggle button", "push button") and n.name == choice))
        path = os.path.join(self.out, f"timeline.{fmt.lower()}")
        self.app.click(self.button("Export…", dialog))
        wait_for(lambda: os.path.exists(path), f"{path} to be written")
        wait_for(lambda: self.toast(f"Exported to {path}"), "the window to say where it went")
        return path

    def test_export_png_at_twice_the_size(self):
        path = self.export("PNG", 900, 520, scale="2×")
        width, height, colours = hsui.png_info(path)
        self.assertEqual((width, height), (1800, 1040))
        self.assertGreater(colours, 20, "a chart, not a blank image")
        self.assertEqual(hsui.png_pixel(path, 2, 2)[:3], (255, 255, 255), "the light theme by default")

    def test_export_png_in_the_dark_theme(self):
        path = self.export("PNG", 640, 400, scale="1×", theme="Dark")
        self.assertEqual(hsui.png_info(path)[:2], (640, 400))
        background = hsui.png_pixel(path, 2, 2)
        self.assertLess(sum(background[:3]) / 3, 60, f"a dark background, not {background}")

    def test_export_svg(self):
        path = self.export("SVG", 1000, 600, theme="Light")
        tree = ET.parse(path)
        svg = tree.getroot()
        self.assertEqual(svg.tag, "{http://www.w3.org/2000/svg}svg")
        self.assertEqual(float(re.sub(r"[a-z]+$", "", svg.get("width"))), 1000)
        self.assertEqual(float(re.sub(r"[a-z]+$", "", svg.get("height"))), 600)
        self.assertGreater(sum(1 for _ in svg.iter()), 100, "the chart's shapes are in it")

    def test_export_pdf(self):
        path = self.export("PDF", 842, 595)
        with open(path, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"%PDF-"), data[:16])
        self.assertEqual(len(re.findall(rb"/Type\s*/Page\b", data)), 1, "one page")
        box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
        self.assertIsNotNone(box)
        self.assertEqual((float(box.group(1)), float(box.group(2))), (842, 595))

    def test_copy_image_puts_the_chart_on_the_clipboard(self):
        self.open_timeline()
        self.app.click(self.button("Copy Image"))
        wait_for(lambda: self.toast("Copied"), "the window to say the image was copied")
        self.assertEqual(hsui.clipboard_image_size(), (1200, 700),
                         "an image of the chart at the export size is on the clipboard")


class FileChooserExportTest(TimelineTestCase):
    """Export as a person does it: the dialog, then the file chooser."""

    def test_export_png_through_the_file_chooser(self):
        out = tempfile.mkdtemp(prefix="hsui-chooser-")
        self.addCleanup(shutil.rmtree, out, True)
        path = os.path.join(out, "my-timeline.png")

        self.open_timeline()
        self.app.click(self.button("Export…"))
        dialog = wait_for(lambda: find(self.app.app, lambda n: role(n) in ("dialog", "frame")
                                       and n.name == "Export Chart"
                                       and find(n, lambda c: role(c) == "spin button")),
                          "the Export dialog")
        self.app.click(find(dialog, lambda n: role(n) in ("toggle button", "push button") and n.name == "PNG"))
        self.app.click(find(dialog, lambda n: role(n) in ("toggle button", "push button") and n.name == "1×"))
        self.app.click(self.button("Export…", dialog))

        def name_field():
            """The chooser's Name field: GtkFileChooserDialog's, a window of
            its own with the title the dialog gave it."""
            for node in children(self.app.app):
                if node.name == "Export Chart" and node != dialog:
                    field = find(node, lambda n: role(n) == "text" and n.name == "Name:")
                    if field is not None:
                        return field
            return None
        name = wait_for(name_field, "the file chooser's Name field", timeout=max(hsui.TIMEOUT, 20))
        wait_for(lambda: has_state(name, pyatspi.STATE_FOCUSED), "the Name field to have the focus")
        text = name.queryText()
        self.assertEqual(text.getText(0, text.characterCount), "timeline.png", "the suggested name")
        name.queryEditableText().setTextContents(path)
        wait_for(lambda: (lambda t: t.getText(0, t.characterCount))(name.queryText()) == path,
                 "the path in the name field")
        self.app.key("Return")

        wait_for(lambda: os.path.exists(path), f"{path} to be written", timeout=max(hsui.TIMEOUT, 20))
        wait_for(lambda: self.toast(f"Exported to {path}"), "the window to say where it went")
        self.assertEqual(hsui.png_info(path)[:2], (1200, 700), "the default size")


if __name__ == "__main__":
    unittest.main(verbosity=2)
