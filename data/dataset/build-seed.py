#!/usr/bin/python3
# build-seed.py: merge the dataset's part files into one exchange-format document
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-seed.py OUTPUT PART...
#
# The parts are merged in the order given; each section keeps the parts' order.
# The build fails (exit 1, nothing written) on a part that is not a hindsight
# version 1 document, an unknown top-level key, an id defined twice in a section,
# or a claim naming a speaker, source, topic or related claim that no part
# defines. Dates and horizons are left to the importer, which reports them with
# line and column.

import json
import sys

SECTIONS = ("speakers", "sources", "topics", "claims")
TOP_LEVEL = {"format", "version"} | set(SECTIONS)


def load_part(path, merged, owner, errors):
    try:
        with open(path, encoding="utf-8") as f:
            part = json.load(f)
    except (OSError, ValueError) as e:
        errors.append(f"{path}: {e}")
        return
    if not isinstance(part, dict):
        errors.append(f"{path}: not a JSON object")
        return
    version = part.get("version")
    if part.get("format") != "hindsight" or type(version) is not int or version != 1:
        errors.append(f"{path}: not a hindsight version 1 document "
                      f"(format {part.get('format')!r}, version {version!r})")
    for key in part:
        if key not in TOP_LEVEL:
            errors.append(f"{path}: unknown top-level key {key!r}")
    for section in SECTIONS:
        for i, record in enumerate(part.get(section) or []):
            where = f"{path}: {section}[{i}]"
            rid = record.get("id") if isinstance(record, dict) else None
            if not isinstance(rid, str):
                errors.append(f"{where}: record without an id")
                continue
            if rid in owner[section]:
                errors.append(f"{where}: duplicate id {rid!r} "
                              f"(already defined in {owner[section][rid]})")
                continue
            owner[section][rid] = where
            merged[section].append((where, record))


def check_claims(merged, owner, errors):
    for where, claim in merged["claims"]:
        wanted = [("speaker", "speakers", claim.get("speaker")),
                  ("source", "sources", claim.get("source"))]
        wanted += [("topic", "topics", t) for t in claim.get("topics") or []]
        wanted += [("related claim", "claims", r.get("claim"))
                   for r in claim.get("relations") or []]
        for what, section, rid in wanted:
            if rid is not None and rid not in owner[section]:
                errors.append(f"{where} ({claim['id']}): no {what} {rid!r} in any part")


def main(argv):
    if len(argv) < 3:
        print("usage: build-seed.py OUTPUT PART...", file=sys.stderr)
        return 2
    output, parts = argv[1], argv[2:]
    merged = {section: [] for section in SECTIONS}
    owner = {section: {} for section in SECTIONS}
    errors = []
    for path in parts:
        load_part(path, merged, owner, errors)
    check_claims(merged, owner, errors)
    if errors:
        for error in errors:
            print(error, file=sys.stderr)
        return 1
    document = {"format": "hindsight", "version": 1}
    for section in SECTIONS:
        document[section] = [record for _, record in merged[section]]
    with open(output, "w", encoding="utf-8", newline="\n") as f:
        json.dump(document, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
