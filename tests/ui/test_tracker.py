# SPDX-License-Identifier: GPL-3.0-or-later
"""Resolving predictions and the Tracker, in the real window.

Run through run-ui-test.sh (meson test --suite ui). Every test starts the
program on a fresh database of its own, with "today" pinned to 2026-11-22
(HINDSIGHT_TODAY), and reads the window the way a screen reader does. What
the window should show comes from hindsight-cli on the bundled data, and
after the window has resolved something, from hindsight-cli on the
window's own database: the two must agree.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import hsui  # noqa: E402
from hsui import children, find, labels, role, wait_for  # noqa: E402

TODAY = os.environ.get("HINDSIGHT_TODAY", "2026-11-22")
# How the Speakers page words a record's hit rate, or its absence.
HIT_RATE_TEXTS = ("Hit rate", "No predictions recorded", "No resolved predictions", "No hit rate")
GROUPS = ["Overdue", "Due Within 30 Days", "Later", "Open-Ended"]
EVIDENCE = "Moonshot's list prices per million tokens fell tenfold in 2025."
LINK = "https://example.org/2025/inference-prices"


class TrackerTestCase(hsui.AppTestCase):

    def setUp(self):
        self.started = time.monotonic()
        self.addCleanup(lambda: print(f"    {self.id().split('.', 1)[1]}: "
                                      f"{time.monotonic() - self.started:.1f} s", file=sys.stderr))
        super().setUp()

    # What the CLI says

    def cli(self, *args, db=None, today=TODAY):
        env = hsui.cli_env()
        env["HINDSIGHT_TODAY"] = today
        result = subprocess.run([self.data.cli, "--db", db or self.data.db, *args], capture_output=True,
                                text=True, env=env, timeout=60)
        return result

    def cli_json(self, *args, db=None, today=TODAY):
        result = self.cli(*args, "--json", db=db, today=today)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def expected_groups(self, db=None):
        """The four groups as the CLI sees them: `due --within 30` for the
        first two, the open predictions for the others."""
        due = self.cli_json("due", "--within", "30", db=db)
        open_ = self.cli_json("predictions", "--status", "open", db=db)
        shown = {p["id"] for p in due["overdue"] + due["upcoming"]}
        return {
            "Overdue": due["overdue"],
            "Due Within 30 Days": due["upcoming"],
            "Later": [p for p in open_ if p["latest"] and p["id"] not in shown],
            "Open-Ended": [p for p in open_ if not p["latest"]],
        }

    def cli_error(self, *args):
        """The message hindsight-cli gives for a refused resolve, without
        its program name and option prefix."""
        result = self.cli(*args)
        self.assertEqual(result.returncode, 1, result.stderr)
        message = result.stderr.strip().splitlines()[-1]
        message = message.split(": ", 1)[1]
        if message.startswith("--"):
            message = message.split(": ", 1)[1]
        return message

    # What the window shows

    def tracker(self):
        """Shows the Tracker and waits until it reads as complete: every
        heading, and as many rows under each as its count says."""
        page = self.app.show_page("Tracker")

        def complete():
            groups = self.app.tracker_groups(page)
            if list(groups) != GROUPS:
                return None
            if any(count != len(rows) for count, rows in groups.values()):
                return None
            return groups
        return page, wait_for(complete, "the Tracker's four groups with all their rows")

    def counts(self, groups):
        return {title: count for title, (count, rows) in groups.items()}

    def wait_counts(self, page, expected, what):
        def probe():
            groups = self.app.tracker_groups(page)
            return groups if (self.counts(groups) == expected and
                              all(c == len(r) for c, r in groups.values())) else None
        return wait_for(probe, what)

    def shows_text(self, text):
        detail = self.app.detail()
        return detail if detail is not None and detail.text == text else None

    def status_in(self, detail):
        facts = detail.section("Prediction") or []
        return facts[facts.index("Status") + 1] if "Status" in facts else None

    def open_dialog(self, button):
        self.app.click(button)
        return wait_for(lambda: self.app.window_named("Resolve Prediction"), "the Resolve Prediction dialog")

    def dialog_parts(self, dialog):
        def node(pred, what):
            return wait_for(lambda: find(dialog, pred), what)
        parts = {
            "resolve": node(lambda n: role(n) == "push button" and n.name == "Resolve", "the Resolve button"),
            "cancel": node(lambda n: role(n) == "push button" and n.name == "Cancel", "the Cancel button"),
            "date": node(lambda n: role(n) == "text" and n.name == "Applies From", "the date entry"),
            "note": node(lambda n: role(n) == "text" and n.name == "Evidence Note", "the evidence note"),
            "link": node(lambda n: role(n) == "text" and n.name == "Evidence Link", "the link entry"),
        }
        for choice in ("Confirmed", "Partially Confirmed", "Refuted", "Ambiguous", "Reopen"):
            parts[choice] = node(lambda n, c=choice: role(n) in ("check box", "radio button") and n.name == c,
                                 f"the {choice} choice")
        return parts

    def sensitive(self, node):
        return hsui.has_state(node, hsui.pyatspi.STATE_SENSITIVE)

    def choose(self, parts, choice):
        self.app.click(parts[choice])
        wait_for(lambda: hsui.has_state(parts[choice], hsui.pyatspi.STATE_CHECKED), f"{choice} to be chosen")

    def resolve_in_dialog(self, dialog, choice, note=None, link=None):
        parts = self.dialog_parts(dialog)
        self.choose(parts, choice)
        if note is not None:
            hsui.set_text(parts["note"], note)
        if link is not None:
            hsui.set_text(parts["link"], link)
        wait_for(lambda: self.sensitive(parts["resolve"]), "Resolve to be enabled")
        self.app.click(parts["resolve"])
        self.app.wait_closed(dialog, "the dialog to close")

    def undo(self, toast):
        button = wait_for(lambda: self.app.toast_button("Undo"), "the toast's Undo button")
        self.assertIn(toast, self.app.texts_above_pages())
        self.app.click(button)


class ResolveTest(TrackerTestCase):

    def test_resolve_from_the_detail_with_evidence_then_undo(self):
        expected = self.expected_groups()
        target = expected["Overdue"][0]
        page, groups = self.tracker()
        badge = len(expected["Overdue"]) + len(expected["Due Within 30 Days"])
        wait_for(lambda: self.app.tab_badge("Tracker") == badge, f"the Tracker's badge to read {badge}")

        # Activating a row on the Tracker opens the prediction on the Claims page.
        row = next(r for r in groups["Overdue"][1] if r.says(target["text"]))
        self.app.click(row.item)
        wait_for(lambda: self.app.page_is_shown("Claims"), "the Claims page")
        detail = wait_for(lambda: self.shows_text(target["text"]), "the prediction in the detail pane")
        self.assertEqual(self.status_in(detail), "Open")
        self.assertIsNone(detail.section("Resolution History"), "no history before the first resolve")

        dialog = self.open_dialog(wait_for(lambda: self.app.detail_button("Resolve…"), "a Resolve… button"))
        self.assertIn(target["text"], labels(dialog), "the dialog shows the prediction")
        parts = self.dialog_parts(dialog)
        self.assertEqual(hsui.text_of(parts["date"]), TODAY, "the date is today's unless changed")
        self.assertFalse(self.sensitive(parts["resolve"]), "nothing to resolve before a choice")
        self.assertFalse(self.sensitive(parts["Reopen"]), "an open prediction cannot be reopened")
        self.choose(parts, "Confirmed")
        wait_for(lambda: self.sensitive(parts["resolve"]), "Resolve to be enabled by a choice")

        hsui.set_text(parts["note"], EVIDENCE)
        hsui.set_text(parts["link"], LINK)
        self.assertEqual(hsui.text_of(parts["note"]), EVIDENCE)
        self.assertTrue(self.sensitive(parts["resolve"]))

        self.app.click(parts["resolve"])
        self.app.wait_closed(dialog, "the dialog to close")

        # The history shows the new entry with its evidence and link, on top.
        detail = wait_for(lambda: (lambda d: d if d and d.section("Resolution History") else None)(
            self.shows_text(target["text"])), "the resolution history")
        history = detail.section("Resolution History")
        self.assertEqual(history[0], f"Confirmed from {hsui.display_date(TODAY)}")
        self.assertIn(EVIDENCE, history)
        self.assertIn(LINK, history)
        self.assertIn("Current status", history)
        self.assertEqual(self.status_in(detail), "Confirmed")
        wait_for(lambda: self.app.tab_badge("Tracker") == badge - 1, "the Tracker's badge to count one less")
        stored = self.cli_json("history", target["id"], db=self.app.db)
        self.assertEqual([(e["status"], e["on"], e["evidence"], e["url"]) for e in stored],
                         [("confirmed", TODAY, EVIDENCE, LINK)], "the CLI reads what the window stored")

        self.undo("Marked as Confirmed")
        wait_for(lambda: (lambda d: d if d and d.section("Resolution History") is None
                          and self.status_in(d) == "Open" else None)(self.shows_text(target["text"])),
                 "Undo to take the entry back: no history, Open again")
        wait_for(lambda: self.app.tab_badge("Tracker") == badge, "the badge back where it was")
        self.assertEqual(self.cli_json("history", target["id"], db=self.app.db), [])

        page, groups = self.tracker()
        self.assertEqual(self.counts(groups), {t: len(p) for t, p in expected.items()})
        self.assertTrue(any(r.says(target["text"]) for r in groups["Overdue"][1]))

    def test_the_dialog_refuses_a_bad_link_and_dates_inline(self):
        expected = self.expected_groups()
        target = expected["Overdue"][0]
        page, groups = self.tracker()
        row = next(r for r in groups["Overdue"][1] if r.says(target["text"]))
        dialog = self.open_dialog(row.resolve_button)
        parts = self.dialog_parts(dialog)
        self.choose(parts, "Refuted")
        wait_for(lambda: self.sensitive(parts["resolve"]), "Resolve to be enabled")

        def refused(field, message):
            wait_for(lambda: not self.sensitive(parts["resolve"]) and message in labels(dialog),
                     f"Resolve to be disabled and {message!r} shown")
            self.assertTrue(hsui.has_state(parts[field], hsui.pyatspi.STATE_INVALID),
                            f"the {field} entry says it is invalid")
            self.assertEqual(parts[field].description, message, "and why")

        def accepted(field):
            wait_for(lambda: self.sensitive(parts["resolve"]), "Resolve to be enabled again")
            self.assertFalse(hsui.has_state(parts[field], hsui.pyatspi.STATE_INVALID))

        hsui.set_text(parts["link"], "javascript:alert(1)")
        refused("link", "Not a web link: only http:// and https:// links are kept")
        hsui.set_text(parts["link"], "https://")
        refused("link", "Not a whole web address: it needs a host name, and no spaces")
        hsui.set_text(parts["link"], LINK)
        accepted("link")

        # The dialog refuses dates in the words the store (and the CLI) use.
        for date in ("2027-01-05", "2020-01-01", "2026-13-01"):
            message = self.cli_error("resolve", target["id"], "--status", "refuted", "--on", date)
            hsui.set_text(parts["date"], date)
            refused("date", message[0].upper() + message[1:])
        hsui.set_text(parts["date"], "")
        wait_for(lambda: not self.sensitive(parts["resolve"]), "Resolve to be disabled without a date")
        hsui.set_text(parts["date"], "2026-11-01")
        accepted("date")

        # Escape cancels: nothing is stored.
        self.app.click(parts["date"])
        wait_for(lambda: hsui.has_state(parts["date"], hsui.pyatspi.STATE_FOCUSED), "the date entry to have focus")
        self.app.key("Escape")
        self.app.wait_closed(dialog, "Escape to close the dialog")
        self.assertEqual(self.cli_json("history", target["id"], db=self.app.db), [])
        self.assertEqual(self.counts(self.app.tracker_groups(page)), {t: len(p) for t, p in expected.items()})


class TrackerPageTest(TrackerTestCase):

    def test_groups_and_counts_match_the_cli(self):
        expected = self.expected_groups()
        page, groups = self.tracker()
        self.assertEqual(list(groups), GROUPS)
        self.assertEqual(self.counts(groups), {t: len(p) for t, p in expected.items()})
        # Overdue and due soon in the CLI's order (soonest first); the
        # others as sets (ties in the date may fall either way).
        for title in ("Overdue", "Due Within 30 Days"):
            self.assertEqual([r.text for r in groups[title][1]], [p["text"] for p in expected[title]], title)
        for title in ("Later", "Open-Ended"):
            self.assertEqual(sorted(r.text for r in groups[title][1]), sorted(p["text"] for p in expected[title]),
                             title)
        for row in groups["Overdue"][1]:
            self.assertTrue(row.due.startswith("Overdue by "), row)
        for row in groups["Open-Ended"][1]:
            self.assertTrue(row.due.startswith("Open-ended"), row)
        for row in groups["Later"][1]:
            self.assertTrue(row.due.startswith("Due "), row)

        # Every row names its speaker with the native name, and its Resolve
        # button says which prediction it resolves.
        by_text = {p["text"]: p for ps in expected.values() for p in ps}
        for title, (count, rows) in groups.items():
            for row in rows:
                speaker = by_text[row.text]["speaker"]
                self.assertEqual(row.name, speaker["name"])
                self.assertEqual(row.native, speaker["native_name"])
                self.assertTrue(row.resolve_button.name.startswith("Resolve: "), row.resolve_button.name)
                self.assertTrue(row.text.startswith(row.resolve_button.name[len("Resolve: "):].rstrip("…")))

        badge = len(expected["Overdue"]) + len(expected["Due Within 30 Days"])
        self.assertEqual(self.app.tab_badge("Tracker"), badge)

    def test_resolve_from_a_tracker_row_then_undo(self):
        expected = self.expected_groups()
        counts = {t: len(p) for t, p in expected.items()}
        target = expected["Overdue"][-1]
        page, groups = self.tracker()
        row = next(r for r in groups["Overdue"][1] if r.says(target["text"]))
        dialog = self.open_dialog(row.resolve_button)
        self.resolve_in_dialog(dialog, "Refuted", note=EVIDENCE)

        after = dict(counts, Overdue=counts["Overdue"] - 1)
        groups = self.wait_counts(page, after, "the Overdue group to count one less")
        self.assertFalse(any(r.says(target["text"]) for r in groups["Overdue"][1]))
        self.assertEqual([e["status"] for e in self.cli_json("history", target["id"], db=self.app.db)],
                         ["refuted"])
        self.assertEqual(self.counts(groups), {t: len(p) for t, p in self.expected_groups(self.app.db).items()},
                         "the window and the CLI agree on the database the window wrote")

        self.undo("Marked as Refuted")
        groups = self.wait_counts(page, counts, "Undo to bring the counts back")
        self.assertTrue(any(r.says(target["text"]) for r in groups["Overdue"][1]))
        self.assertEqual(self.cli_json("history", target["id"], db=self.app.db), [])


    def test_undo_is_refused_once_something_was_added_since(self):
        expected = self.expected_groups()
        target = expected["Overdue"][0]
        page, groups = self.tracker()
        row = next(r for r in groups["Overdue"][1] if r.says(target["text"]))
        self.resolve_in_dialog(self.open_dialog(row.resolve_button), "Ambiguous")
        wait_for(lambda: self.app.toast_button("Undo"), "the toast's Undo button")

        # Someone else (here the CLI) adds to the history meanwhile: Undo
        # would now take back more than what this window added.
        result = self.cli("resolve", target["id"], "--status", "confirmed", "--on", TODAY, db=self.app.db)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.undo("Marked as Ambiguous")
        reason = "Cannot undo: Only the entry added last to a prediction's history can be undone"
        wait_for(lambda: reason in self.app.texts_above_pages(), "a toast saying why Undo did nothing")
        self.assertEqual([e["status"] for e in self.cli_json("history", target["id"], db=self.app.db)],
                         ["ambiguous", "confirmed"], "earlier history is never removed")


class DueSoonTest(TrackerTestCase):
    """Predictions due within the next 30 days (the bundled data has none
    on the pinned day): one due today, one in 18 days, one in 31."""

    DUE = {"due-soon.today": "2026-11-22", "due-soon.later": "2026-12-10", "due-soon.after": "2026-12-23"}

    def prepare_db(self, path):
        document = {
            "format": "hindsight",
            "version": 1,
            "speakers": [{"id": "due-soon", "name": "Due Tester", "native_name": "到期"}],
            "claims": [{
                "id": claim_id,
                "speaker": "due-soon",
                "text": f"Something will have happened by {latest}.",
                "stated_on": "2026-06-01",
                "prediction": {"horizon": f"by {latest}", "earliest": "2026-06-01", "latest": latest},
            } for claim_id, latest in self.DUE.items()],
        }
        file = os.path.join(os.path.dirname(path), "due-soon.json")
        with open(file, "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=False)
        self.data.run("init", db=path)
        self.data.run("import", file, db=path)

    def test_due_within_30_days(self):
        expected = self.expected_groups(self.app.db)
        self.assertEqual(sorted(p["id"] for p in expected["Due Within 30 Days"]),
                         ["due-soon.later", "due-soon.today"], "the CLI's upcoming: today and in 18 days")
        page, groups = self.tracker()
        self.assertEqual(self.counts(groups), {t: len(p) for t, p in expected.items()})
        rows = groups["Due Within 30 Days"][1]
        self.assertEqual([r.text for r in rows], [p["text"] for p in expected["Due Within 30 Days"]])
        self.assertEqual([r.due for r in rows], ["Due today", "Due 10 December 2026 · in 18 days"])
        self.assertEqual((rows[0].name, rows[0].native), ("Due Tester", "到期"))
        later = [r for r in groups["Later"][1] if r.text == "Something will have happened by 2026-12-23."]
        self.assertEqual([r.due for r in later], ["Due 23 December 2026"], "31 days away is later")
        badge = len(expected["Overdue"]) + 2
        wait_for(lambda: self.app.tab_badge("Tracker") == badge, f"the badge to count {badge}: overdue and due soon")


class ScorecardAgreementTest(TrackerTestCase):

    def record_on_speakers_page(self, speaker):
        """The figures of a speaker's record on the Speakers page, by what
        they count, and the hit-rate sentence."""
        page = self.app.show_page("Speakers")
        display = f"{speaker['name']} {speaker['native_name']}" if speaker["native_name"] else speaker["name"]
        view = wait_for(lambda: find(page, lambda n: role(n) == "list" and n.name == "Speakers"), "the speakers")
        item = wait_for(lambda: next((i for i in children(view)
                                      if (i.getChildAtIndex(0).name or "").startswith(display)), None),
                        f"{display} in the list")
        self.app.click(item)
        wanted = ("Predictions", "Prediction", "Resolved", "Confirmed", "Partially confirmed", "Refuted",
                  "Ambiguous", "Open", "Overdue")

        def record():
            # The figures are a table; the speaker's claims, a list.
            texts = [n.name for n in hsui.walk(page, prune=lambda n: role(n) == "list") if role(n) == "label"]
            hits = [t for t in texts if t.startswith(HIT_RATE_TEXTS)]
            if speaker["name"] not in texts or not hits:
                return None
            figures = {}
            for before, text in zip(texts, texts[1:]):
                if text in wanted and before.isdigit():
                    figures[text] = int(before)
            return figures, hits[0]
        return wait_for(record, f"the record of {display}")

    def test_the_cli_scorecard_agrees_with_the_speakers_page(self):
        expected = self.expected_groups()
        target = expected["Overdue"][0]
        page, groups = self.tracker()
        row = next(r for r in groups["Overdue"][1] if r.says(target["text"]))
        self.resolve_in_dialog(self.open_dialog(row.resolve_button), "Partially Confirmed", link=LINK)
        self.wait_counts(page, dict({t: len(p) for t, p in expected.items()}, Overdue=len(expected["Overdue"]) - 1),
                         "the Tracker to count the resolve")

        scorecard = self.cli_json("scorecard", db=self.app.db)
        mine = next(r for r in scorecard if r["speaker"]["id"] == target["speaker"]["id"])
        self.assertEqual((mine["resolved"], mine["partial"]), (1, 1), "the CLI sees the window's resolve")
        figures, hit = self.record_on_speakers_page(target["speaker"])
        self.assertEqual(figures.get("Predictions", figures.get("Prediction")), mine["predictions"])
        self.assertEqual(figures["Resolved"], mine["resolved"])
        self.assertEqual(figures["Confirmed"], mine["confirmed"])
        self.assertEqual(figures["Partially confirmed"], mine["partial"])
        self.assertEqual(figures["Refuted"], mine["refuted"])
        self.assertEqual(figures["Ambiguous"], mine["ambiguous"])
        self.assertEqual(figures["Open"], mine["open"])
        self.assertEqual(figures.get("Overdue", 0), mine["overdue"])
        low, high = mine["hit_rate_interval"]
        self.assertTrue(hit.startswith(f"Hit rate {mine['hit_rate'] * 100:.0f}%, 95% interval "
                                       f"{low * 100:.0f}–{high * 100:.0f}%"), hit)


class ScreenshotTest(TrackerTestCase):

    def test_screenshots_of_the_tracker_and_the_resolve_dialog(self):
        main = os.environ.get("HINDSIGHT_SCREENSHOT_OUT") or os.path.join(os.getcwd(), "screenshots",
                                                                           "main-window.png")
        out = os.path.dirname(main)
        page, groups = self.tracker()
        shots = [self.app.screenshot(os.path.join(out, "tracker.png"))]

        dialog = self.open_dialog(groups["Overdue"][1][0].resolve_button)
        parts = self.dialog_parts(dialog)
        self.choose(parts, "Partially Confirmed")
        hsui.set_text(parts["note"], EVIDENCE)
        hsui.set_text(parts["link"], "javascript:alert(1)")
        wait_for(lambda: not self.sensitive(parts["resolve"]), "Resolve to be disabled by the bad link")
        # Focused, the link entry scrolls into view with its message: from
        # the date, Tab goes to the note and on to the link.
        self.app.click(parts["date"])
        wait_for(lambda: hsui.has_state(parts["date"], hsui.pyatspi.STATE_FOCUSED), "the date entry to have focus")
        self.app.key("Tab")
        wait_for(lambda: hsui.has_state(parts["note"], hsui.pyatspi.STATE_FOCUSED), "Tab to go to the note")
        self.app.key("Tab")
        wait_for(lambda: hsui.has_state(parts["link"], hsui.pyatspi.STATE_FOCUSED), "the link entry to have focus")
        wait_for(lambda: (lambda box, view: box.y + box.height <= view.y + view.height)(
            hsui.extents(parts["link"]), hsui.extents(dialog)), "the link entry to scroll into view")
        # The dialog is the active window now: it is what the program draws.
        shots.append(self.app.screenshot(os.path.join(out, "resolve-dialog.png")))

        for shot in shots:
            width, height, colours = hsui.png_info(shot)
            print(f"    screenshot: {shot} ({width}×{height}, more than {min(colours, 1000) - 1} colours)",
                  file=sys.stderr)
            self.assertGreaterEqual(width, 360)
            self.assertGreaterEqual(height, 300)
            self.assertGreater(colours, 50, "the screenshot is not a blank picture")
        self.assertLess(hsui.png_info(shots[1])[0], hsui.png_info(shots[0])[0],
                        "the second picture is the dialog, not the window")


FAKE_NOTIFICATION_SERVER = r'''
import json, signal
from gi.repository import Gio, GLib

XML = """<node><interface name="org.freedesktop.Notifications">
<method name="Notify"><arg type="s" direction="in"/><arg type="u" direction="in"/>
<arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="s" direction="in"/>
<arg type="as" direction="in"/><arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
<arg type="u" direction="out"/></method>
<method name="CloseNotification"><arg type="u" direction="in"/></method>
<method name="GetCapabilities"><arg type="as" direction="out"/></method>
<method name="GetServerInformation"><arg type="s" direction="out"/><arg type="s" direction="out"/>
<arg type="s" direction="out"/><arg type="s" direction="out"/></method>
<signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
<signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
</interface></node>"""

state = {"last": 0, "connection": None}

def call(connection, sender, path, interface, method, parameters, invocation):
    if method == "Notify":
        app, replaces, icon, summary, body, actions, hints, timeout = parameters.unpack()
        state["last"] += 1
        print(json.dumps({"id": state["last"], "summary": summary, "body": body, "actions": actions}),
              flush=True)
        invocation.return_value(GLib.Variant("(u)", (state["last"],)))
    elif method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("fake", "hindsight", "1", "1.2")))
    else:
        invocation.return_value(None)

def acquired(connection, name):
    state["connection"] = connection
    print(json.dumps({"ready": True}), flush=True)

def bus(connection, name):
    node = Gio.DBusNodeInfo.new_for_xml(XML)
    connection.register_object("/org/freedesktop/Notifications", node.interfaces[0], call, None, None)

def invoke():
    state["connection"].emit_signal(None, "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                                    "ActionInvoked", GLib.Variant("(us)", (state["last"], "default")))
    return GLib.SOURCE_CONTINUE

Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.Notifications", Gio.BusNameOwnerFlags.NONE,
                 bus, acquired, None)
loop = GLib.MainLoop()
GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGUSR1, invoke)
GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
loop.run()
'''


class NotificationTest(unittest.TestCase):
    """The notification at start, with a stand-in for the desktop's
    notification server on the test's own session bus."""

    CHECKED = "Checked for predictions that became due since"

    @classmethod
    def setUpClass(cls):
        cls.data = hsui.Dataset()

    @classmethod
    def tearDownClass(cls):
        cls.data.close()

    def setUp(self):
        hsui.quiet_pyatspi()
        self.server = subprocess.Popen([sys.executable, "-c", FAKE_NOTIFICATION_SERVER],
                                       stdout=subprocess.PIPE, text=True)
        self.addCleanup(self.stop_server)
        self.assertIn("ready", json.loads(self.server.stdout.readline()))
        self.received = []
        self.reader = threading.Thread(target=self.read_server, daemon=True)
        self.reader.start()

    def read_server(self):
        for line in self.server.stdout:
            self.received.append(json.loads(line))

    def stop_server(self):
        self.server.terminate()
        self.server.wait(timeout=5)
        self.reader.join(timeout=5)
        self.server.stdout.close()

    def notifications(self):
        """The notifications the server was sent so far."""
        return list(self.received)

    def start(self, today, db=None, extra_env=None):
        env = {"HINDSIGHT_TODAY": today, "G_MESSAGES_DEBUG": "hindsight"}
        env.update(extra_env or {})
        app = hsui.App(db=db, extra_env=env)
        self.addCleanup(app.cleanup)
        app.start()
        wait_for(lambda: self.CHECKED in app.log_text(), "the check for predictions that became due")
        return app

    def stop(self, app):
        app.stop()
        problems = app.log_problems()
        self.assertFalse(problems, "the program logged problems:\n" + "\n".join(problems))

    def became_due(self, since, today):
        """The predictions overdue on today but not on since, by the CLI, in
        the order they fell due."""
        def overdue(day):
            env = hsui.cli_env()
            env["HINDSIGHT_TODAY"] = day
            result = subprocess.run([self.data.cli, "--db", self.data.db, "due", "--json"], capture_output=True,
                                    text=True, env=env, timeout=60)
            return json.loads(result.stdout)["overdue"]
        before = {p["id"] for p in overdue(since)}
        return [p for p in overdue(today) if p["id"] not in before]

    def test_one_notification_for_what_became_due_and_it_opens_the_tracker(self):
        first = self.start("2026-06-01")
        self.stop(first)
        self.assertEqual(self.notifications(), [], "the first start notes the day and tells nothing")

        second = self.start(TODAY, db=first.db)
        due = self.became_due("2026-06-01", TODAY)
        self.assertGreater(len(due), 1, "the test needs predictions that fell due in between")
        sent = wait_for(lambda: self.notifications(), "a notification")
        self.assertEqual(len(sent), 1, sent)
        self.assertEqual(sent[0]["summary"], f"{len(due)} predictions are due")
        self.assertIn(due[0]["text"][:100], sent[0]["body"], "the body names the first that fell due")
        self.assertIn(due[0]["speaker"]["name"], sent[0]["body"])
        self.assertIn("default", sent[0]["actions"], "a click on the notification does something")

        self.assertTrue(second.page_is_shown("Claims"))
        self.server.send_signal(signal.SIGUSR1)
        wait_for(lambda: second.page_is_shown("Tracker"), "the notification to open the Tracker page")
        self.stop(second)

        # Started again the same day: nothing new became due.
        third = self.start(TODAY, db=first.db)
        self.stop(third)
        self.assertEqual(len(self.notifications()), 1, "one notification, not one a start")

    def test_no_notification_when_turned_off(self):
        first = self.start("2026-06-01")
        self.stop(first)
        settings = os.path.join(first.dir, "keyfile-settings")
        os.makedirs(os.path.join(settings, "glib-2.0", "settings"))
        with open(os.path.join(settings, "glib-2.0", "settings", "keyfile"), "w") as f:
            f.write("[io/github/hindsight/Hindsight]\nnotify-due=false\n")
        second = self.start(TODAY, db=first.db, extra_env={"GSETTINGS_BACKEND": "keyfile",
                                                            "XDG_CONFIG_HOME": settings})
        self.stop(second)
        self.assertEqual(self.notifications(), [], "notify-due is false")


if __name__ == "__main__":
    unittest.main(verbosity=2)
