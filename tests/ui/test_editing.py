# SPDX-License-Identifier: GPL-3.0-or-later
"""A person's own data in the real window: add, edit and delete, import.

Run through run-ui-test.sh (meson test --suite ui). Every test starts the
program on a fresh database of the bundled dataset (128 claims) and works
the window as a person with a screen reader would: the editors' fields by
their labels, what is wrong with them by their descriptions, the buttons
by their names. What is stored is checked with hindsight-cli.

Imports: a good file goes through the real file chooser (GtkFileChooserNative
falls back to GTK's own dialog without a portal), typing the path after
Ctrl+L. The file with an error is imported through HINDSIGHT_TEST_IMPORT, the
program's test hook that makes win.import read that file without asking.
"""

import json
import os
import shutil
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import hsui  # noqa: E402
from hsui import (button, children, dialog, do_action, field_note, field_problem, find,  # noqa: E402
                  form_field, is_sensitive, labels, message_dialog, role, set_text, text_of,
                  type_into, wait_for)

TOTAL = 128

GOOD_IMPORT = {
    "format": "hindsight", "version": 1,
    "claims": [
        {"id": "ui-import.tang-jie.1", "speaker": "tang-jie", "stated_on": "2026-05-04",
         "text": "Imported through the window: agents will book their own compute",
         "prediction": {"horizon": "next year", "probability": 0.3}},
        {"id": "ui-import.tang-jie.2", "speaker": "tang-jie", "stated_on": "2026-05-04",
         "text": "Imported through the window: benchmarks lag behind real use"},
    ],
}

# The CLI's corpus case: a day that does not exist. The date is on line 4.
BAD_IMPORT = (
    '{ "format": "hindsight", "version": 1,\n'
    '  "claims": [\n'
    '    { "id": "ui-import.bad.1", "speaker": "tang-jie",\n'
    '      "text": "Said on a day that does not exist", "stated_on": "2026-02-30" }\n'
    '  ]\n'
    '}\n')


class EditingTestCase(hsui.AppTestCase):
    """As hsui.AppTestCase, with an environment of the test's own for the
    program (extra_env) and a folder for its files."""

    extra_env = None

    def setUp(self):
        self.started = time.monotonic()
        self.addCleanup(lambda: print(f"    {self.id().split('.', 1)[1]}: "
                                      f"{time.monotonic() - self.started:.1f} s", file=sys.stderr))
        hsui.quiet_pyatspi()
        self.files = tempfile.mkdtemp(prefix="hsui-files-")
        self.addCleanup(shutil.rmtree, self.files, True)
        self.app = hsui.App(extra_env=self.environment())
        self.addCleanup(self.app.cleanup)
        self.app.start()

    def environment(self):
        return dict(self.extra_env or {})

    def tearDown(self):
        super().tearDown()
        # GTK's own warnings count too, but for the one every window test
        # gets under X11 (AT-SPI cannot be told screen coordinates).
        warnings = [line for line in self.app.log_text().splitlines()
                    if "-WARNING" in line and "Screen coordinates not supported" not in line]
        self.assertEqual(warnings, [], "the program logged warnings")

    def stored(self, *args):
        """What hindsight-cli reads in the program's database, once the
        program has exited. (While it runs, a second connection in it
        makes another program's exit delete the write-ahead log: see the
        report on hs_store_open's header check.)"""
        self.app.stop()
        return json.loads(self.data.run(*args, "--json", db=self.app.db))

    def certainty(self, editor, choice, mnemonic):
        """Chooses one of the radio buttons of a prediction's Certainty
        with its mnemonic, as from the keyboard (GTK 4.8 offers no action
        on check buttons)."""
        radio = wait_for(lambda: find(editor, lambda n: role(n) in ("check box", "radio button")
                                      and n.name == choice), f"the choice {choice!r}")
        self.app.key(f"<Alt>{mnemonic}")
        wait_for(lambda: radio.getState().contains(hsui.pyatspi.STATE_CHECKED), f"{choice!r} to be chosen")

    def open_new(self, item, title):
        hsui.open_menu_item(self.app, "Add", item)
        return dialog(self.app, title)

    def toast_shown(self, text):
        return any(text in t for t in self.app.texts_above_pages())

    def wait_toast(self, text):
        return wait_for(lambda: self.toast_shown(text), f"a toast saying {text!r}")

    def save(self, editor):
        save = button(editor, "Save")
        wait_for(lambda: is_sensitive(save), "Save to be sensitive")
        hsui.close_window(self.app, lambda: do_action(save, "click"), "the editor")
        self.wait_toast("Saved")

    def speakers_page(self):
        return self.app.show_page("Speakers")

    def show_speaker(self, name):
        """Finds a speaker with the Speakers page's search and opens their
        profile; returns the page."""
        page = self.speakers_page()
        entry = wait_for(lambda: find(page, lambda n: role(n) == "entry" and n.name == "Search speakers"),
                         "the speakers' search")
        set_text(entry, name)
        view = wait_for(lambda: find(page, lambda n: role(n) == "list" and n.name == "Speakers"),
                        "the list of speakers")
        item = wait_for(lambda: view.childCount == 1 and hsui.is_drawn(view.getChildAtIndex(0))
                        and view.getChildAtIndex(0), f"the search to find only {name}")
        self.app.click(item)
        wait_for(lambda: name in self.profile_labels(page), f"the profile of {name}")
        return page

    def profile_labels(self, page):
        return [n.name for n in hsui.walk(page, prune=hsui.is_list) if role(n) == "label" and hsui.is_drawn(n)]


class AddTest(EditingTestCase):

    def test_add_a_speaker_and_a_prediction_then_find_them_with_search(self):
        editor = self.open_new("New Speaker…", "New Speaker")
        save = button(editor, "Save")
        self.assertFalse(is_sensitive(save), "nothing to save in an empty form")

        name = form_field(editor, "Name")
        type_into(name, "Chen Wei", keyboard=True)
        wait_for(lambda: text_of(form_field(editor, "Id")) == "chen-wei", "the id to follow the name")
        set_text(form_field(editor, "Native Name"), "陈伟")
        self.save(editor)

        page = wait_for(lambda: self.app.page_is_shown("Speakers") and self.speakers_page(),
                        "the Speakers page to show the new speaker")
        shown = wait_for(lambda: "Chen Wei" in self.profile_labels(page) and self.profile_labels(page),
                         "Chen Wei's profile")
        self.assertIn("陈伟", shown)

        # A new claim from a speaker's profile is theirs.
        editor = self.open_new("New Claim or Prediction…", "New Claim")
        self.assertEqual(hsui.dropdown_value(form_field(editor, "Speaker")), "Chen Wei 陈伟")
        text = "Open weights will match the best closed model on reasoning"
        set_text(form_field(editor, "Statement"), text)
        switch = form_field(editor, "This is a prediction")
        do_action(switch, "toggle")
        wait_for(lambda: switch.getState().contains(hsui.pyatspi.STATE_CHECKED), "the switch to be on")

        # The resolve dates follow the horizon as it is typed.
        horizon = form_field(editor, "Horizon")
        self.assertTrue(field_note(horizon).startswith("As the speaker put it"), field_note(horizon))
        type_into(horizon, "next 4")
        wait_for(lambda: "is not a horizon Hindsight understands" in field_note(horizon),
                 "the line to say the words are not understood yet")
        # Words Hindsight does not understand need the dates by hand.
        dates = form_field(editor, "Set the resolve dates myself")
        self.assertTrue(dates.getState().contains(hsui.pyatspi.STATE_CHECKED))
        self.assertFalse(is_sensitive(dates))
        hsui.append_text(horizon, " months")
        wait_for(lambda: field_note(horizon) == "Resolves from 22 November 2026 to 22 March 2027",
                 "the line to give the dates")
        self.assertFalse(dates.getState().contains(hsui.pyatspi.STATE_CHECKED))
        self.save(editor)

        self.app.wait_count(f"{TOTAL + 1} claims")
        self.app.set_search("Open weights will match")
        self.app.wait_count(f"1 of {TOTAL + 1} claims")
        row = self.app.rows()[0]
        self.assertEqual((row.name, row.text), ("Chen Wei", text))
        self.assertIn("陈伟", row.rest)

        [prediction] = self.stored("predictions", "--speaker", "chen-wei")
        self.assertEqual((prediction["speaker"]["name"], prediction["speaker"]["native_name"]),
                         ("Chen Wei", "陈伟"))
        self.assertEqual((prediction["horizon"], prediction["stated_on"], prediction["latest"]),
                         ("next 4 months", "2026-11-22", "2027-03-22"))


class FilterChoicesTest(EditingTestCase):
    """The Claims page's Filters list the speakers the store holds now:
    one added by hand is there at once, one deleted is gone, and a choice
    that still exists stays chosen."""

    def speaker_choices(self):
        """Opens the Filters popover and the Speaker dropdown; returns the
        dropdown, its list and the names it offers, the list left open."""
        self.app.show_page("Claims")
        # The popover's fields are in the tree only while it is open.
        if self.app.filters_popover_field("Speaker") is None:
            self.app.click(self.app.filters_button)
        combo = wait_for(lambda: self.app.filters_popover_field("Speaker"),
                         "the Speaker dropdown in the Filters popover")
        self.app.click(children(combo)[0])
        popup = wait_for(lambda: find(combo, lambda n: role(n) == "list" and n.childCount > 0),
                         "the list of speakers")
        return combo, popup, [(labels(item) or [""])[0] for item in children(popup)]

    def choose_speaker(self, name):
        """Chooses a speaker in the Filters popover with the keyboard, as
        a person would: open the list, arrow to the name, Return."""
        combo, popup, names = self.speaker_choices()
        self.assertIn(name, names)
        target = names.index(name)

        def focused():
            return next((i for i, item in enumerate(children(popup))
                         if hsui.has_state(item, hsui.pyatspi.STATE_FOCUSED)), None)
        # The first time the list opens a speaker has the focus; after that
        # its search entry has, and Down goes from there to the first name.
        search = find(combo, lambda n: role(n) == "entry")
        wait_for(lambda: focused() is not None or (search is not None and hsui.has_state(
            search, hsui.pyatspi.STATE_FOCUSED)), "a speaker or the search to have the focus")
        if focused() is None:
            self.app.key("Down")
        current = wait_for(lambda: focused() is not None and focused() + 1, "a speaker to have the focus") - 1
        while current != target:
            self.app.key("Down" if current < target else "Up")
            current += 1 if current < target else -1
            wait_for(lambda: focused() == current, f"the focus to move to {names[current]!r}")
        self.app.key("Return")
        wait_for(lambda: hsui.dropdown_value(combo) == name, f"the dropdown to show {name!r}")

    def close_popups(self):
        """Closes the Filters popover (and the dropdown's list, if open):
        Escape a few times, then a click on the Filters button."""
        def closed(timeout):
            try:
                wait_for(lambda: self.app.filters_popover_field("Speaker") is None, "the Filters to close",
                         timeout=timeout)
                return True
            except hsui.Timeout:
                return False
        for _ in range(3):
            self.app.key("Escape")
            if closed(1):
                return
        self.app.click(self.app.filters_button)
        if not closed(None):
            raise AssertionError("the Filters popover does not close")

    def test_a_new_speaker_is_a_filter_choice_and_a_deleted_one_goes(self):
        _, _, names = self.speaker_choices()
        self.assertNotIn("Chen Wei 陈伟", names)
        self.close_popups()
        self.choose_speaker("Tang Jie 唐杰")
        self.app.wait_count(f"14 of {TOTAL} claims")
        self.close_popups()

        editor = self.open_new("New Speaker…", "New Speaker")
        type_into(form_field(editor, "Name"), "Chen Wei", keyboard=True)
        set_text(form_field(editor, "Native Name"), "陈伟")
        self.save(editor)

        # The choice made before the edit is still the one applied.
        self.app.show_page("Claims")
        self.assertEqual([text for text, _ in self.app.chips()], ["Speaker: Tang Jie 唐杰"])
        self.assertEqual(self.app.count_text(), f"14 of {TOTAL} claims")

        combo, _, names = self.speaker_choices()
        self.assertIn("Chen Wei 陈伟", names)
        self.assertEqual(hsui.dropdown_value(combo), "Tang Jie 唐杰")
        self.close_popups()
        self.choose_speaker("Chen Wei 陈伟")
        self.app.wait_count(f"0 of {TOTAL} claims")
        self.assertEqual([text for text, _ in self.app.chips()], ["Speaker: Chen Wei 陈伟"])
        self.close_popups()

        # Deleted, Chen Wei is no choice any more, and the filter on him goes.
        page = self.show_speaker("Chen Wei")
        do_action(button(page, "Delete Speaker"), "click")
        self.wait_toast("Deleted Chen Wei 陈伟")
        self.app.show_page("Claims")
        self.app.wait_count(f"{TOTAL} claims")
        self.assertEqual(self.app.chips(), [])
        _, _, names = self.speaker_choices()
        self.assertNotIn("Chen Wei 陈伟", names)
        self.assertIn("Tang Jie 唐杰", names)
        self.close_popups()


class InvalidInputTest(EditingTestCase):

    def test_a_probability_over_100_is_explained_and_save_stays_off(self):
        editor = self.open_new("New Claim or Prediction…", "New Claim")
        hsui.choose(form_field(editor, "Speaker"), "Tang Jie 唐杰")
        set_text(form_field(editor, "Statement"), "Scaling laws keep holding")
        do_action(form_field(editor, "This is a prediction"), "toggle")
        type_into(form_field(editor, "Horizon"), "this year")
        save = button(editor, "Save")
        wait_for(lambda: is_sensitive(save), "Save to be sensitive for a valid prediction")

        self.certainty(editor, "A probability, as a number", "m")
        probability = form_field(editor, "Probability")
        type_into(probability, "150")
        problem = wait_for(lambda: field_problem(probability), "a problem under Probability")
        self.assertEqual(problem, "“150” is not a percentage from 0 to 100")
        self.assertFalse(is_sensitive(save))

        type_into(probability, "15")
        wait_for(lambda: field_problem(probability) is None, "the problem to go")
        wait_for(lambda: is_sensitive(save), "Save to be sensitive again")

        hsui.close_window(self.app, lambda: self.app.key("Escape"), "the editor")
        self.assertEqual(self.app.count_text(), f"{TOTAL} claims")

    def test_a_javascript_link_is_refused_beside_the_address(self):
        editor = self.open_new("New Source…", "New Source")
        type_into(form_field(editor, "Title"), "A talk on agents")
        save = button(editor, "Save")
        wait_for(lambda: is_sensitive(save), "Save to be sensitive with a title")

        url = form_field(editor, "Address")
        type_into(url, "javascript:x")
        problem = wait_for(lambda: field_problem(url), "a problem under Address")
        self.assertEqual(problem, "Only links that start with http:// or https:// are kept")
        self.assertFalse(is_sensitive(save))

        # An approximate date needs a note on how it was inferred.
        type_into(url, "https://example.com/talk")
        published = form_field(editor, "Published")
        type_into(published, "~2026-03")
        note = form_field(editor, "Date Note")
        self.assertEqual(field_problem(note), None, "an untouched field shows no problem yet")
        self.assertFalse(is_sensitive(save))
        type_into(note, "From the event's programme")
        wait_for(lambda: is_sensitive(save), "Save to be sensitive with a note")

        hsui.close_window(self.app, lambda: do_action(button(editor, "Cancel"), "click"), "the editor")


class EditTest(EditingTestCase):

    def test_edit_a_claims_statement_and_see_the_list_change(self):
        claim_id = "chinatalk-agi-next-2026.tang-jie.13"
        self.app.set_search("post-2000s")
        self.app.wait_count(f"1 of {TOTAL} claims")
        self.app.select_row(0)
        before = self.app.rows()[0].text

        do_action(wait_for(lambda: self.app.detail_button("Edit"), "the Edit button"), "click")
        editor = toplevel_title(self.app, ("Edit Claim", "Edit Prediction"))
        statement = form_field(editor, "Statement")
        self.assertEqual(text_of(statement), before)
        self.assertFalse(hsui.pyatspi.STATE_EDITABLE in form_field(editor, "Id").getState().getStates())
        edited = "A generation born after 2000 now leads the labs (edited)"
        set_text(statement, edited)
        self.save(editor)

        # The search still finds it (by its quote), now with the new text.
        wait_for(lambda: [r.text for r in self.app.rows()] == [edited], "the list to show the new text")
        self.assertEqual(self.app.count_text(), f"1 of {TOTAL} claims")
        self.assertNotIn(before, [r.text for r in self.app.rows()])
        wait_for(lambda: (self.app.detail() or None) and self.app.detail().text == edited,
                 "the detail to show the new text")
        self.assertEqual(self.data.show(claim_id)["text"], before, "the reference is untouched")
        self.assertEqual(self.stored("show", claim_id)["text"], edited)


def toplevel_title(app, titles):
    return hsui.toplevel(app, lambda n: n.name in titles, f"one of the dialogs {titles}")


class DeleteTest(EditingTestCase):

    def test_delete_a_speaker_with_claims_asks_and_undo_brings_all_back(self):
        page = self.show_speaker("Tang Jie")
        do_action(button(page, "Delete Speaker"), "click")

        confirm = message_dialog(self.app, "Delete Tang Jie 唐杰 and 14 claims?")
        self.assertTrue(any("You can undo this" in t for t in labels(confirm)), labels(confirm))
        delete = find(confirm, lambda n: role(n) == "push button" and "Delete" in n.name)
        self.assertIsNotNone(delete, [n.name for n in hsui.walk(confirm) if role(n) == "push button"])
        hsui.close_window(self.app, lambda: do_action(delete, "click"), "the confirmation")

        self.app.wait_count(f"{TOTAL - 14} claims")
        self.wait_toast("Deleted Tang Jie 唐杰")
        self.assertEqual(self.app.count_text(), f"{TOTAL - 14} claims")

        undo = wait_for(lambda: self.app.toast_button("Undo"), "the Undo button")
        do_action(undo, "click")
        self.app.wait_count(f"{TOTAL} claims")
        wait_for(lambda: "Claims and Predictions (14)" in self.profile_labels(page),
                 "Tang Jie's profile with the 14 claims")
        self.assertEqual(len(self.stored("claims", "--speaker", "tang-jie")), 14)

    def plain_claim(self):
        """A claim nothing depends on (no history, no claim links to it)
        that a search for its own words finds alone."""
        path = os.path.join(self.files, "everything.json")
        self.data.run("export", path)
        with open(path, encoding="utf-8") as f:
            claims = json.load(f)["claims"]
        linked = {r["claim"] for c in claims for r in c.get("relations") or []}
        for claim in claims:
            if claim["id"] in linked or (claim.get("prediction") or {}).get("resolutions"):
                continue
            if len(json.loads(self.data.run("claims", "--search", claim["text"], "--json"))) == 1:
                return claim
        raise AssertionError("the dataset has no claim without dependents")

    def test_a_claim_without_dependents_goes_at_once(self):
        claim = self.plain_claim()
        self.app.set_search(claim["text"])
        self.app.wait_count(f"1 of {TOTAL} claims")
        self.app.select_row(0)
        do_action(wait_for(lambda: self.app.detail_button("Delete Claim"), "the Delete button"), "click")
        self.app.wait_count(f"0 of {TOTAL - 1} claims")
        self.wait_toast("Deleted “")
        self.assertEqual([n.name for n in children(self.app.app) if n != self.app.window], [],
                         "no question asked")
        do_action(wait_for(lambda: self.app.toast_button("Undo"), "the Undo button"), "click")
        self.app.wait_count(f"1 of {TOTAL} claims")


class ImportThroughTheChooserTest(EditingTestCase):

    def choose_file(self, path):
        """Ctrl+O, then the path typed into the chooser's location entry
        (Ctrl+L), then Return."""
        self.app.key("<Control>o")
        chooser = hsui.toplevel(self.app, lambda n: n.name == "Import Claims", "the file chooser")
        self.app.key("<Control>l")
        location = wait_for(lambda: find(chooser, lambda n: role(n) == "text" and hsui.has_state(
            n, hsui.pyatspi.STATE_FOCUSED)), "the location entry")
        set_text(location, path)
        wait_for(lambda: text_of(location) == path, "the path in the location entry")
        hsui.close_window(self.app, lambda: self.app.key("Return"), "the file chooser")

    def test_a_good_file_is_imported_and_the_toast_counts_it(self):
        path = os.path.join(self.files, "good.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(GOOD_IMPORT, f, ensure_ascii=False, indent=2)

        self.choose_file(path)
        self.wait_toast("Imported: added 2 claims (1 prediction)")
        self.app.wait_count(f"{TOTAL + 2} claims")
        self.app.set_search("Imported through the window")
        self.app.wait_count(f"2 of {TOTAL + 2} claims")
        self.assertEqual(sorted(r.text for r in self.app.rows()),
                         sorted(c["text"] for c in GOOD_IMPORT["claims"]))
        self.assertEqual(len(self.stored("claims")), TOTAL + 2)


class ImportErrorTest(EditingTestCase):
    """Through the test hook: the error dialog opens as the chooser closes,
    a moment in which GTK 4.8 cannot be asked for the program's windows."""

    def environment(self):
        self.import_path = os.path.join(self.files, "bad.json")
        with open(self.import_path, "w", encoding="utf-8") as f:
            f.write(BAD_IMPORT)
        return {"HINDSIGHT_TEST_IMPORT": self.import_path}

    def test_an_impossible_date_is_shown_with_its_place_and_nothing_changes(self):
        hsui.open_menu_item(self.app, "Main Menu", "Import…")
        error = message_dialog(self.app, "Could not import bad.json")
        body = "\n".join(labels(error))
        self.assertIn('line 4, column 65: claims[0].stated_on: "2026-02-30" is not a date', body)
        self.assertIn("February 2026 has 28 days", body)
        self.assertIn("Nothing was changed.", body)
        self.assertEqual(self.app.count_text(), f"{TOTAL} claims")
        shoot(self.app, "editing-import-error")
        close = find(error, lambda n: role(n) == "push button" and "Close" in n.name)
        hsui.close_window(self.app, lambda: do_action(close, "click"), "the error")
        self.assertEqual(self.app.count_text(), f"{TOTAL} claims")
        self.assertEqual(len(self.stored("claims")), TOTAL)


class ImportConflictTest(EditingTestCase):
    """A file whose claim has the id of a bundled claim but other words:
    the window asks whether to keep the stored claim or replace it, and
    either way imports the rest. Through HINDSIGHT_TEST_IMPORT, so the
    same file can be imported twice."""

    CLAIM = "chinatalk-agi-next-2026.tang-jie.13"

    def environment(self):
        path = os.path.join(self.files, "everything.json")
        self.data.run("export", path)
        with open(path, encoding="utf-8") as f:
            stored = next(c for c in json.load(f)["claims"] if c["id"] == self.CLAIM)
        self.before = stored["text"]
        self.after = "Replaced by an import: " + stored["text"]
        changed = dict(stored, text=self.after)
        new = {"id": "ui-conflict.tang-jie.1", "speaker": "tang-jie", "stated_on": "2026-05-04",
               "text": "Imported beside a conflict: small labs will train on rented compute"}
        self.import_path = os.path.join(self.files, "conflict.json")
        with open(self.import_path, "w", encoding="utf-8") as f:
            json.dump({"format": "hindsight", "version": 1, "claims": [changed, new]}, f,
                      ensure_ascii=False, indent=2)
        return {"HINDSIGHT_TEST_IMPORT": self.import_path}

    def import_and_answer(self, answer):
        """Ctrl+O, then the answer to the question about the conflict."""
        self.app.key("<Control>o")
        question = message_dialog(self.app, "Could not import conflict.json")
        body = "\n".join(labels(question))
        self.assertIn("have the ids of stored records but other content", body)
        self.assertIn(self.CLAIM, body)
        self.assertIn("Nothing was changed.", body)
        # The buttons are the choice: no advice meant for the command line.
        self.assertNotIn("--on-conflict", body)
        if answer == "Keep Stored":
            shoot(self.app, "editing-import-conflict")
        # GTK 4.8 names a message dialog's button by its mnemonic and its
        # text ("_Replace Replace"); the dialog holds each button twice, for
        # a wide and a narrow layout, and draws one.
        names = [n.name for n in hsui.walk(question) if role(n) == "push button"]
        choice = find(question, lambda n: role(n) == "push button" and n.name.endswith(answer)
                      and hsui.is_drawn(n))
        self.assertIsNotNone(choice, f"no {answer!r} among {names}")
        hsui.close_window(self.app, lambda: do_action(choice, "click"), "the question")

    def shown_text(self):
        self.app.set_search("post-2000s")
        wait_for(lambda: self.app.count_text().startswith("1 of "), "the search to find the claim")
        return self.app.rows()[0].text

    def test_keep_changes_nothing_and_replace_shows_the_new_text(self):
        self.assertEqual(self.shown_text(), self.before)
        self.app.set_search("")
        self.app.wait_count(f"{TOTAL} claims")

        self.import_and_answer("Keep Stored")
        self.wait_toast("Imported: added 1 claim; skipped 1 claim")
        self.app.wait_count(f"{TOTAL + 1} claims")
        self.assertEqual(self.shown_text(), self.before)
        self.app.select_row(0)
        wait_for(lambda: (self.app.detail() or None) and self.app.detail().text == self.before,
                 "the detail to show the stored text")

        self.import_and_answer("Replace")
        self.wait_toast("Imported: updated 1 claim; unchanged 1 claim")
        wait_for(lambda: [r.text for r in self.app.rows()] == [self.after], "the list to show the new text")
        self.assertEqual(self.app.count_text(), f"1 of {TOTAL + 1} claims")
        wait_for(lambda: (self.app.detail() or None) and self.app.detail().text == self.after,
                 "the detail to show the new text")
        self.assertEqual(self.stored("show", self.CLAIM)["text"], self.after)


class ExportTest(EditingTestCase):
    """Through HINDSIGHT_TEST_EXPORT, the test hook that makes win.export
    write that file without asking."""

    def environment(self):
        self.export_path = os.path.join(self.files, "predictions.csv")
        return {"HINDSIGHT_TEST_EXPORT": self.export_path}

    def test_export_predictions_as_csv(self):
        self.app.key("<Control>e")
        self.wait_toast("Exported to predictions.csv")
        with open(self.export_path, encoding="utf-8") as f:
            rows = f.read().splitlines()
        self.assertTrue(rows[0].startswith("id,"), rows[0])
        predictions = self.stored("predictions")
        self.assertEqual(len(rows) - 1, len(predictions))


class EditExistingTest(EditingTestCase):

    def test_a_speaker_and_a_source_open_as_stored_and_save_unchanged(self):
        page = self.show_speaker("Yang Zhilin")
        do_action(button(page, "Edit"), "click")
        editor = dialog(self.app, "Edit Speaker")
        self.assertEqual(text_of(form_field(editor, "Native Name")), "杨植麟")
        self.assertEqual(text_of(form_field(editor, "Aliases")), "Zhilin Yang")
        self.assertEqual(text_of(form_field(editor, "Organization")), "Moonshot AI")
        self.assertEqual(text_of(form_field(editor, "From")), "~2023")
        self.assertFalse(hsui.pyatspi.STATE_EDITABLE in form_field(editor, "Id").getState().getStates())
        self.save(editor)

        page = self.app.show_page("Sources")
        edit = wait_for(lambda: find(page, lambda n: role(n) == "push button" and n.name == "Edit"
                                     and hsui.is_drawn(n)), "the source's Edit button")
        do_action(edit, "click")
        editor = dialog(self.app, "Edit Source")
        title = text_of(form_field(editor, "Title"))
        self.assertTrue(title)
        self.save(editor)
        self.assertEqual(self.app.count_text(), f"{TOTAL} claims")


class CancelImportTest(EditingTestCase):
    """An import from a pipe the test holds open: it cannot end before the
    test says, so the progress window is there to be seen and cancelled."""

    def environment(self):
        self.pipe = os.path.join(self.files, "slow.json")
        os.mkfifo(self.pipe)
        return {"HINDSIGHT_TEST_IMPORT": self.pipe}

    def test_cancel_an_import_in_progress_and_nothing_changes(self):
        text = json.dumps(GOOD_IMPORT, ensure_ascii=False, indent=2)
        half = len(text) // 2
        go_on = threading.Event()

        def writer():
            # Blocks until the program opens the pipe for reading; a
            # program that died leaves a broken pipe, which the test reports.
            try:
                with open(self.pipe, "w", encoding="utf-8") as f:
                    f.write(text[:half])
                    f.flush()
                    go_on.wait(60)
                    f.write(text[half:])
            except BrokenPipeError:
                pass

        thread = threading.Thread(target=writer, daemon=True)
        thread.start()
        self.addCleanup(thread.join, 5)
        self.addCleanup(go_on.set)

        self.app.key("<Control>o")
        progress = dialog(self.app, "Import")
        self.assertIn("Importing slow.json", labels(progress))
        shoot(self.app, "editing-import-progress")
        cancel = button(progress, "Cancel")
        do_action(cancel, "click")
        wait_for(lambda: not is_sensitive(cancel), "Cancel to be taken")
        # The reader is waiting for the pipe: the rest lets it see the cancel.
        hsui.close_window(self.app, go_on.set, "the progress window")
        self.wait_toast("Import cancelled; nothing was changed")
        self.assertEqual(self.app.count_text(), f"{TOTAL} claims")
        self.assertEqual(len(self.stored("claims")), TOTAL)


def screenshot_dir():
    out = os.environ.get("HINDSIGHT_SCREENSHOT_OUT")
    return os.path.dirname(out) if out else os.path.join(os.getcwd(), "screenshots")


def shoot(app, name):
    """A picture of the program's active window (its dialog), looked at
    enough to know it is not blank."""
    path = app.screenshot(os.path.join(screenshot_dir(), name + ".png"))
    width, height, colours = hsui.png_info(path)
    print(f"    screenshot: {path} ({width}×{height})", file=sys.stderr)
    if colours < 20:
        raise AssertionError(f"{path} is nearly blank ({colours} colours)")
    return path


def resize(title, width, height):
    """Resizes a window of the X server by its title (there is no window
    manager to ask); False without xdotool."""
    if shutil.which("xdotool") is None:
        return False
    found = hsui.subprocess.run(["xdotool", "search", "--name", f"^{title}$"], capture_output=True,
                                text=True).stdout.split()
    for window in found:
        hsui.subprocess.run(["xdotool", "windowsize", window, str(width), str(height)], check=True)
    return bool(found)


class ScreenshotTest(EditingTestCase):
    """Every dialog, wide and narrow, with problems shown, for people to
    look at (build/screenshots/editing-*.png)."""

    def both(self, title, name, field):
        """The dialog at its width and as tall as the screen allows, then
        as narrow as a phone."""
        for width, size in ((560, "wide"), (360, "narrow")):
            before = hsui.extents(field).width
            if resize(title, width, 790) and size == "narrow":
                wait_for(lambda: hsui.extents(field).width < before, f"the {title} dialog to narrow")
            shoot(self.app, f"editing-{name}-{size}")
            if size == "narrow":
                self.assertLessEqual(hsui.png_info(os.path.join(screenshot_dir(),
                                                               f"editing-{name}-{size}.png"))[0], 372,
                                     f"the {title} dialog fits a narrow screen")

    def test_screenshots_of_the_editors(self):
        editor = self.open_new("New Claim or Prediction…", "New Claim")
        hsui.choose(form_field(editor, "Speaker"), "Tang Jie 唐杰")
        set_text(form_field(editor, "Statement"), "Agents will do a day of work unsupervised")
        do_action(form_field(editor, "This is a prediction"), "toggle")
        type_into(form_field(editor, "Horizon"), "next 4 months")
        self.certainty(editor, "A probability, as a number", "m")
        type_into(form_field(editor, "Probability"), "150")
        wait_for(lambda: field_problem(form_field(editor, "Probability")), "the problem")
        # Its mnemonic takes the focus there, and the form scrolls to it.
        self.app.key("<Alt>b")
        hsui.wait_for(lambda: hsui.has_state(form_field(editor, "Probability"), hsui.pyatspi.STATE_FOCUSED),
                      "the focus on Probability")
        self.both("New Claim", "claim", form_field(editor, "Id"))
        hsui.close_window(self.app, lambda: self.app.key("Escape"), "the editor")

        editor = self.open_new("New Speaker…", "New Speaker")
        type_into(form_field(editor, "Name"), "Chen Wei")
        set_text(form_field(editor, "Native Name"), "陈伟")
        do_action(button(editor, "Add Position"), "click")
        type_into(form_field(editor, "Organization"), "Example Labs")
        type_into(form_field(editor, "From"), "2024")
        type_into(form_field(editor, "To"), "2023-02-30")
        wait_for(lambda: field_problem(form_field(editor, "To")), "the problem")
        self.app.key("<Alt>t")
        hsui.wait_for(lambda: hsui.has_state(form_field(editor, "To"), hsui.pyatspi.STATE_FOCUSED),
                      "the focus on To")
        self.both("New Speaker", "speaker", form_field(editor, "Name"))
        hsui.close_window(self.app, lambda: self.app.key("Escape"), "the editor")

        editor = self.open_new("New Source…", "New Source")
        type_into(form_field(editor, "Title"), "A talk on agents")
        type_into(form_field(editor, "Address"), "javascript:x")
        type_into(form_field(editor, "Published"), "~2026-03")
        wait_for(lambda: field_problem(form_field(editor, "Address")), "the problem")
        self.both("New Source", "source", form_field(editor, "Title"))
        hsui.close_window(self.app, lambda: self.app.key("Escape"), "the editor")

    def test_screenshots_of_the_confirmation(self):
        for width, name in ((1100, "wide"), (360, "narrow")):
            if name == "narrow" and not resize("Hindsight", 360, 720):
                break
            page = self.show_speaker("Tang Jie")
            do_action(button(page, "Delete Speaker"), "click")
            confirm = message_dialog(self.app, "Delete Tang Jie 唐杰 and 14 claims?")
            shoot(self.app, f"editing-confirm-{name}")
            cancel = find(confirm, lambda n: role(n) == "push button" and "Cancel" in n.name)
            hsui.close_window(self.app, lambda: do_action(cancel, "click"), "the confirmation")
        self.assertEqual(self.app.count_text(), f"{TOTAL} claims")


if __name__ == "__main__":
    unittest.main(verbosity=2)
