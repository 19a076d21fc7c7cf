#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every translation in po/LINGUAS is complete and well formed.

    check-translations.py SOURCE_ROOT

Extracts the template from the current sources (the files of
po/POTFILES.in, with the arguments of meson's "glib" gettext preset, as the
hindsight-pot target does), merges each language's .po with it in a
scratch folder and counts with msgfmt: a new or changed string in the
sources shows up as untranslated or fuzzy and fails the test. Each .po must
also pass msgfmt --check (placeholders that match the original, a valid
header with plural forms). And no msgid may be cut short by a printf macro
xgettext cannot see ("%" G_GINT64_FORMAT " claims" extracts as "%"): such a
string can never be translated; write "%" PRId64, which gettext knows.

To bring a translation up to date: ninja -C BUILD hindsight-pot, then
msgmerge --update po/LANG.po po/hindsight.pot and translate what is empty
or marked fuzzy.
"""

import os
import re
import subprocess
import sys
import tempfile

# meson's i18n module, PRESET_ARGS['glib'].
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def statistics(po_path):
    """(translated, fuzzy, untranslated) as msgfmt counts them."""
    result = run(["msgfmt", "--statistics", "-o", os.devnull, po_path],
                 env=dict(os.environ, LC_ALL="C", LANGUAGE=""))
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", result.stderr):
        counts[kind] = int(number)
    return counts["translated"], counts["fuzzy"], counts["untranslated"]


def main():
    root = sys.argv[1]
    po_dir = os.path.join(root, "po")
    problems = []

    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        languages = [w for line in f for w in line.split("#", 1)[0].split()]
    if not languages:
        problems.append("po/LINGUAS names no language")

    with tempfile.TemporaryDirectory(prefix="hindsight-po-") as scratch:
        pot = os.path.join(scratch, "hindsight.pot")
        result = run(["xgettext", *XGETTEXT_ARGS, "--package-name=hindsight",
                      "--directory", root, "--files-from", os.path.join(po_dir, "POTFILES.in"),
                      "--output", pot], env=dict(os.environ, LC_ALL="C", LANGUAGE=""))
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            print("xgettext failed on the files of po/POTFILES.in", file=sys.stderr)
            return 1
        for line in result.stderr.splitlines():
            if "ends in the middle of a directive" in line:
                problems.append(f"{line.split(': warning', 1)[0]}: a msgid cut short by a printf "
                                "macro xgettext cannot see (write \"%\" PRId64, not G_GINT64_FORMAT)")
        template_messages = sum(statistics(pot))

        for language in languages:
            po = os.path.join(po_dir, language + ".po")
            if not os.path.exists(po):
                problems.append(f"po/{language}.po is missing (po/LINGUAS names {language})")
                continue
            check = run(["msgfmt", "--check", "-o", os.devnull, po])
            if check.returncode != 0:
                problems.append(f"po/{language}.po fails msgfmt --check:\n{check.stderr.strip()}")

            merged = os.path.join(scratch, language + ".po")
            merge = run(["msgmerge", "--quiet", "--output-file", merged, po, pot])
            if merge.returncode != 0:
                problems.append(f"msgmerge failed on po/{language}.po:\n{merge.stderr.strip()}")
                continue
            translated, fuzzy, untranslated = statistics(merged)
            print(f"{language}: {translated} of {template_messages} translated, "
                  f"{fuzzy} fuzzy, {untranslated} untranslated")
            if fuzzy or untranslated:
                missing = run(["msgattrib", "--only-fuzzy", "--no-obsolete", merged]).stdout
                missing += run(["msgattrib", "--untranslated", "--no-obsolete", merged]).stdout
                ids = ["".join(re.findall(r'"(.*)"', m))
                       for m in re.findall(r'^msgid ((?:".*"\n)+)', missing, re.M)]
                ids = [i for i in ids if i]
                shown = "\n  ".join(ids[:20]) + ("\n  …" if len(ids) > 20 else "")
                problems.append(f"po/{language}.po: {untranslated} untranslated and {fuzzy} fuzzy "
                                f"messages against the current sources:\n  {shown}")

    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
