#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scoring predictions by their confidence words, through the real
hindsight-cli: `scorecard --words SCALE` and `chart calibration --words`.

By default nothing changes: a speaker whose resolved predictions gave only
words has no Brier score (the design's contract). With --words estimative,
their words count at the scale's probability, and the scorecard says how
many did.

Environment (as the meson suite sets it): HINDSIGHT_CLI, HINDSIGHT_TODAY.
Python 3 standard library only.
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

CLI = os.environ.get("HINDSIGHT_CLI")

# Bundled predictions that gave words and no number.
PROBABLY = "chinatalk-agi-next-2026.tang-jie.04"       # "probably": 0.7
DEFINITELY = "chinatalk-agi-next-2026.tang-jie.08"     # "… will definitely emerge": 0.95
NOT_LARGE = "chinatalk-agi-next-2026.lin-junyang.10"   # "isn't very large": 0.2
TWENTY = "chinatalk-agi-next-2026.lin-junyang.11"      # p = 0.2 as a number, and words


class WordsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        if not CLI:
            raise unittest.SkipTest("HINDSIGHT_CLI is not set")
        cls.dir = tempfile.mkdtemp(prefix="hindsight-words-")
        cls.db = os.path.join(cls.dir, "words.db")
        cls.run_cli("init")
        for prediction, status in ((PROBABLY, "confirmed"), (DEFINITELY, "refuted"),
                                   (NOT_LARGE, "partial"), (TWENTY, "refuted")):
            cls.run_cli("resolve", prediction, "--status", status, "--on", "2026-06-01")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def run_cli(cls, *args, expect=0):
        env = dict(os.environ, LC_ALL="C.UTF-8", HINDSIGHT_DB=os.path.join(cls.dir, "unused.db"))
        result = subprocess.run([CLI, "--db", cls.db, *args], capture_output=True, text=True,
                                env=env, timeout=60)
        if result.returncode != expect:
            raise AssertionError(f"hindsight-cli {' '.join(args)} exited {result.returncode}, "
                                 f"expected {expect}: {result.stderr}")
        return result

    def rows(self, *args):
        rows = json.loads(self.run_cli("scorecard", "--json", *args).stdout)
        return {row["speaker"]["id"]: row for row in rows}

    def test_numbers_only_by_default(self):
        for rows in (self.rows(), self.rows("--words", "none")):
            tang, lin = rows["tang-jie"], rows["lin-junyang"]
            self.assertEqual(tang["resolved"], 2)
            self.assertIsNone(tang["brier"])
            self.assertEqual(tang["brier_count"], 0)
            self.assertEqual(tang["brier_words"], 0)
            # Lin's number counts, his words do not.
            self.assertAlmostEqual(lin["brier"], 0.04, places=12)
            self.assertEqual(lin["brier_count"], 1)

    def test_estimative_scale(self):
        rows = self.rows("--words", "estimative")
        tang, lin = rows["tang-jie"], rows["lin-junyang"]
        # (0.7 − 1)² + (0.95 − 0)² over two.
        self.assertAlmostEqual(tang["brier"], (0.09 + 0.9025) / 2, places=12)
        self.assertEqual(tang["brier_count"], 2)
        self.assertEqual(tang["brier_words"], 2)
        # His number, 0.2 refuted, and "isn't very large", 0.2 partial.
        self.assertAlmostEqual(lin["brier"], (0.04 + 0.09) / 2, places=12)
        self.assertEqual(lin["brier_count"], 2)
        self.assertEqual(lin["brier_words"], 1)
        # Counts and hit rates are the same either way.
        plain = self.rows()
        for speaker, row in rows.items():
            for key in ("predictions", "resolved", "confirmed", "partial", "refuted", "open",
                        "hit_rate"):
                self.assertEqual(row[key], plain[speaker][key], f"{speaker} {key}")

    def test_text_says_so(self):
        text = self.run_cli("scorecard", "--words", "estimative").stdout
        self.assertIn("Brier includes 3 predictions scored from their words", text)
        self.assertNotIn("scored from their words", self.run_cli("scorecard").stdout)

    def test_cuts_apply(self):
        rows = self.rows("--words", "estimative", "--speaker", "tang-jie")
        self.assertEqual(list(rows), ["tang-jie"])
        self.assertEqual(rows["tang-jie"]["brier_words"], 2)

    def test_bad_scale(self):
        result = self.run_cli("scorecard", "--words", "kent", expect=2)
        self.assertIn("--words: “kent” is not a scale; expected one of: none, estimative",
                      result.stderr)
        self.run_cli("chart", "calibration", "--words", "bogus", "-o",
                     os.path.join(self.dir, "x.svg"), expect=2)

    def test_calibration_chart(self):
        """The chart counts the worded predictions too: its SVG text names
        more predictions in bins than without the scale."""
        def chart(*args):
            path = os.path.join(self.dir, "calibration.svg")
            self.run_cli("chart", "calibration", "--format", "svg", "-o", path, *args)
            with open(path, encoding="utf-8") as f:
                return f.read()
        self.assertNotEqual(chart(), chart("--words", "estimative"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
