#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES.in lists every file with translatable strings, and only files that exist.

    check-potfiles.py SOURCE_ROOT

A string marked for translation in a file that POTFILES.in forgets never
reaches a translator: it stays English in every language, silently. This
looks for the marks in each kind of file the project has:

- C (src/): _( N_( C_( NC_( Q_( ngettext( g_dngettext( … outside comments
  and string literals;
- GtkBuilder (ui/*.ui): translatable="yes";
- desktop entries (data/*.desktop.in): Name, GenericName, Comment, Keywords;
- AppStream (data/*.metainfo.xml.in): name, summary, description,
  developer_name, captions and release notes that are not translate="no";
- GSettings schemas (data/*.gschema.xml): a gettext-domain with a summary
  or description.

Exit 0 when the list is complete and every entry exists; 1 otherwise, naming
each file that is missing from the list or from the tree.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

C_MARKS = re.compile(r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2?|"
                     r"g_dgettext|dgettext|dngettext|pgettext|npgettext|gettext)\s*\(")
DESKTOP_KEYS = re.compile(r"^(?:Name|GenericName|Comment|Keywords)\s*=", re.MULTILINE)
METAINFO_TRANSLATABLE = ("name", "summary", "developer_name", "description")
# Folders that hold no source for translators: the bundled dataset is data
# in its own right (its text is what people said, in their languages).
SKIP_DIRS = {"dataset", ".git"}


def strip_c(text):
    """C source with comments and string and character literals blanked out."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(" ")
            i = end
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def c_is_translatable(text):
    return C_MARKS.search(strip_c(text)) is not None


def ui_is_translatable(text):
    return re.search(r"""translatable\s*=\s*["'](?:yes|true|1)["']""", text) is not None


def desktop_is_translatable(text):
    return DESKTOP_KEYS.search(text) is not None


def metainfo_is_translatable(text):
    root = ET.fromstring(text)
    candidates = [root.find(tag) for tag in METAINFO_TRANSLATABLE]
    candidates += root.findall("./screenshots/screenshot/caption")
    candidates += root.findall("./keywords/keyword")
    candidates += root.findall("./releases/release/description")
    return any(node is not None and node.get("translate") != "no"
               and node.get("translatable") != "no" and "".join(node.itertext()).strip()
               for node in candidates)


def gschema_is_translatable(text):
    root = ET.fromstring(text)
    if root.get("gettext-domain") is None and all(
            schema.get("gettext-domain") is None for schema in root.iter("schema")):
        return False
    return any(node.text and node.text.strip()
               for node in root.iter() if node.tag in ("summary", "description"))


def kind(path):
    """The check for a file, or None when its kind carries no translatable strings."""
    if path.endswith((".c", ".h")):
        return c_is_translatable
    if path.endswith(".ui"):
        return ui_is_translatable
    if path.endswith(".desktop.in"):
        return desktop_is_translatable
    if path.endswith((".metainfo.xml.in", ".appdata.xml.in")):
        return metainfo_is_translatable
    if path.endswith(".gschema.xml"):
        return gschema_is_translatable
    return None


def sources(root):
    """Every file under src/ and ui/, and the desktop files in data/ (relative paths)."""
    for top in ("src", "ui", "data"):
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            for name in sorted(files):
                path = os.path.relpath(os.path.join(folder, name), root)
                if kind(path) is not None:
                    yield path


def read_potfiles(root):
    listed = []
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                listed.append(line)
    return listed


def main():
    if len(sys.argv) != 2:
        print("usage: check-potfiles.py SOURCE_ROOT", file=sys.stderr)
        return 2
    root = sys.argv[1]
    listed = read_potfiles(root)
    problems = []

    for path in listed:
        if not os.path.isfile(os.path.join(root, path)):
            problems.append(f"po/POTFILES.in lists {path}, which does not exist")
    seen = set()
    for path in listed:
        if path in seen:
            problems.append(f"po/POTFILES.in lists {path} twice")
        seen.add(path)

    checked = 0
    for path in sources(root):
        with open(os.path.join(root, path), encoding="utf-8") as f:
            text = f.read()
        checked += 1
        try:
            translatable = kind(path)(text)
        except ET.ParseError as error:
            problems.append(f"{path}: not well-formed XML: {error}")
            continue
        if translatable and path not in seen:
            problems.append(f"{path} has translatable strings but is missing from po/POTFILES.in")

    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"po/POTFILES.in: {len(listed)} files listed, {checked} files checked, none missing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
