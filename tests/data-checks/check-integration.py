#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The desktop files agree with each other and with the build.

    check-integration.py SOURCE_ROOT

desktop-file-validate and appstreamcli check each file alone; this checks
what neither can see:
- the desktop file, the metainfo, the icons and meson.build all use the one
  application ID; the desktop file's Icon is that ID and both icons exist
  (a 128×128 full-colour SVG and a 16×16 symbolic one);
- the metainfo launches that desktop file and provides the program it runs;
- its newest release is meson.build's version, and releases run newest first;
- each screenshot it names in this repository (by its raw URL) is a PNG that
  is in the tree (made by tools/screenshots), of a size software centres
  show well, and exactly one is the default.

Exit 0 when all hold; 1 otherwise, with one line per problem.
"""

import os
import re
import struct
import sys
import xml.etree.ElementTree as ET

RAW_PREFIX = "https://raw.githubusercontent.com/hindsight/hindsight/main/"

problems = []


def problem(message):
    problems.append(message)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def svg_size(path):
    root = ET.parse(path).getroot()
    box = root.get("viewBox", "").split()
    return (float(box[2]), float(box[3])) if len(box) == 4 else None


def main():
    if len(sys.argv) != 2:
        print("usage: check-integration.py SOURCE_ROOT", file=sys.stderr)
        return 2
    root = sys.argv[1]
    meson = read(os.path.join(root, "meson.build"))
    app_id = re.search(r"^app_id\s*=\s*'([^']+)'", meson, re.MULTILINE)[1]
    version = re.search(r"\bversion\s*:\s*'([^']+)'", meson)[1]
    data = os.path.join(root, "data")

    # The desktop file.
    desktop = read(os.path.join(data, app_id + ".desktop.in"))
    keys = dict(re.findall(r"^([A-Za-z]+)=(.*)$", desktop, re.MULTILINE))
    if keys.get("Icon") != app_id:
        problem(f"desktop file: Icon={keys.get('Icon')}, not {app_id}")
    program = (keys.get("Exec") or "").split(" ")[0]

    # The icons.
    icons = {
        os.path.join("icons", "hicolor", "scalable", "apps", app_id + ".svg"): (128, 128),
        os.path.join("icons", "hicolor", "symbolic", "apps", app_id + "-symbolic.svg"): (16, 16),
    }
    for icon, size in icons.items():
        path = os.path.join(data, icon)
        if not os.path.exists(path):
            problem(f"data/{icon} is missing")
            continue
        try:
            got = svg_size(path)
        except ET.ParseError as error:
            problem(f"data/{icon}: not well-formed SVG: {error}")
            continue
        if got != size:
            problem(f"data/{icon}: viewBox is {got}, not {size[0]}×{size[1]}")

    # The metainfo.
    metainfo = ET.fromstring(read(os.path.join(data, app_id + ".metainfo.xml.in")))
    if metainfo.findtext("id") != app_id:
        problem(f"metainfo: id is {metainfo.findtext('id')}, not {app_id}")
    launchable = metainfo.find("launchable[@type='desktop-id']")
    if launchable is None or launchable.text != app_id + ".desktop":
        problem(f"metainfo: does not launch {app_id}.desktop")
    binaries = [b.text for b in metainfo.findall("provides/binary")]
    if program not in binaries:
        problem(f"metainfo: provides binaries {binaries}, not {program!r} (the desktop file's Exec)")

    releases = metainfo.findall("releases/release")
    if not releases:
        problem("metainfo: no releases")
    else:
        if releases[0].get("version") != version:
            problem(f"metainfo: newest release is {releases[0].get('version')}, meson.build says {version}")
        dates = [r.get("date") or "" for r in releases]
        if any(not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates):
            problem(f"metainfo: a release without an ISO date: {dates}")
        if dates != sorted(dates, reverse=True):
            problem(f"metainfo: releases are not newest first: {dates}")

    screenshots = metainfo.findall("screenshots/screenshot")
    if not screenshots:
        problem("metainfo: no screenshots")
    defaults = [s for s in screenshots if s.get("type") == "default"]
    if len(defaults) != 1:
        problem(f"metainfo: {len(defaults)} default screenshots, not one")
    for shot in screenshots:
        if not (shot.findtext("caption") or "").strip():
            problem("metainfo: a screenshot without a caption")
        for image in shot.findall("image"):
            url = (image.text or "").strip()
            if not url.startswith(RAW_PREFIX):
                continue
            relative = url[len(RAW_PREFIX):]
            path = os.path.join(root, relative)
            if not os.path.isfile(path):
                problem(f"metainfo: screenshot {relative} is not in the tree (run tools/screenshots)")
                continue
            size = png_size(path)
            if size is None:
                problem(f"metainfo: screenshot {relative} is not a PNG")
            elif not (620 <= size[0] <= 1600 and 400 <= size[1] <= 1200):
                problem(f"metainfo: screenshot {relative} is {size[0]}×{size[1]}; "
                        "software centres want 620×400 to 1600×1200")

    for message in problems:
        print(message)
    if problems:
        return 1
    print(f"{app_id} {version}: desktop file, metainfo, {len(icons)} icons and "
          f"{len(screenshots)} screenshots agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
