#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest, checked offline: no Flatpak remote is reachable here.

    check-flatpak.py MANIFEST SOURCE_ROOT

Checks that the manifest
- is valid JSON, with no key given twice;
- has the application ID of meson.build (`app_id = '…'`), and a command that
  is a program the meson build installs and that the desktop file starts;
- runs on org.gnome.Platform with org.gnome.Sdk at a GNOME version that is
  still supported on the day (HINDSIGHT_TODAY, else today): GNOME releases
  twice a year (40 in March 2021, 41 in September 2021, …) and the two
  newest runtimes are the supported ones;
- is sandboxed to what the app needs: a display, the GPU and IPC; no
  network, no files outside the sandbox (documents come through the file
  chooser portal), no other escape;
- fetches nothing: every source of every module is a local path inside the
  repository (a directory, a file, an archive or a patch), nothing with a
  URL, and no build step gets the network;
- builds the app with meson and -Dtests=false, passing only options the
  project or meson itself defines.

Exit 0 when all hold; 1 otherwise, with one line per problem.
"""

import datetime
import json
import os
import re
import sys

RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"
NEEDED_ARGS = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}
LOCAL_SOURCE_TYPES = {"dir", "file", "archive", "patch"}
# Sources that carry their content inline and fetch nothing.
INLINE_SOURCE_TYPES = {"script", "shell", "inline"}
# Meson's own options that a manifest may reasonably pass.
MESON_BUILTINS = {"buildtype", "optimization", "debug", "strip", "werror", "warning_level",
                  "default_library", "prefix", "libdir", "bindir", "datadir", "c_std",
                  "c_args", "c_link_args", "wrap_mode", "auto_features", "unity"}

problems = []


def problem(message):
    problems.append(message)


def reject_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            problem(f"the key {key!r} is given twice in one object")
        seen[key] = value
    return seen


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=reject_duplicates)


def meson_app_id(root):
    with open(os.path.join(root, "meson.build"), encoding="utf-8") as f:
        match = re.search(r"^app_id\s*=\s*'([^']+)'", f.read(), re.MULTILINE)
    return match[1] if match else None


def call_body(text, start):
    """The text of a meson call from its opening parenthesis to the matching one."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
    return text[start:]


def installed_programs(root):
    """Names of the executables that some meson.build under src/ installs."""
    names = set()
    for folder, dirs, files in os.walk(os.path.join(root, "src")):
        if "meson.build" not in files:
            continue
        with open(os.path.join(folder, "meson.build"), encoding="utf-8") as f:
            text = re.sub(r"#[^\n]*", "", f.read())
        for match in re.finditer(r"\bexecutable\s*\(\s*'([^']+)'", text):
            body = call_body(text, text.index("(", match.start()))
            if re.search(r"\binstall\s*:\s*true\b", body):
                names.add(match[1])
    return names


def desktop_exec(root, app_id):
    path = os.path.join(root, "data", app_id + ".desktop.in")
    try:
        with open(path, encoding="utf-8") as f:
            match = re.search(r"^Exec=(\S+)", f.read(), re.MULTILINE)
    except FileNotFoundError:
        return None
    return match[1] if match else None


def project_options(root):
    names = set()
    for name in ("meson_options.txt", "meson.options"):
        path = os.path.join(root, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                names.update(re.findall(r"\boption\s*\(\s*'([^']+)'", f.read()))
    return names


def today():
    pinned = os.environ.get("HINDSIGHT_TODAY")
    if pinned:
        return datetime.date.fromisoformat(pinned)
    return datetime.date.today()


def supported_gnome_versions(day):
    """The GNOME runtime versions supported on DAY: the newest two releases.

    GNOME 40 came out in March 2021, and one release has followed every
    March and September since. A release is counted from the month after
    its own, since it comes out late in its month; during a release month
    the one being released is accepted too."""
    latest = 40 + 2 * (day.year - 2021) + (1 if day.month >= 10 else 0 if day.month >= 4 else -1)
    versions = {latest - 1, latest}
    if day.month in (3, 9):
        versions.add(latest + 1)
    return versions


def inside(root, path):
    root = os.path.realpath(root)
    path = os.path.realpath(path)
    return path == root or path.startswith(root + os.sep)


def check_build_options(where, options):
    if not isinstance(options, dict):
        return
    args = list(options.get("build-args", []))
    for arch in options.get("arch", {}).values():
        if isinstance(arch, dict):
            args += arch.get("build-args", [])
    for arg in args:
        if "network" in arg:
            problem(f"{where}: build-args give the build the network ({arg})")


def check_source(where, source, base, root):
    if isinstance(source, str):
        # A file of sources, kept beside the manifest.
        path = os.path.join(base, source)
        if os.path.isabs(source) or not inside(root, path):
            problem(f"{where}: {source} is not inside the repository")
            return
        try:
            nested = load_json(path)
        except (OSError, ValueError) as error:
            problem(f"{where}: cannot read {source}: {error}")
            return
        for i, item in enumerate(nested if isinstance(nested, list) else [nested]):
            check_source(f"{where} → {source}[{i}]", item, os.path.dirname(path), root)
        return
    if not isinstance(source, dict):
        problem(f"{where}: a source is neither an object nor a file name")
        return

    kind = source.get("type")
    for key in ("url", "mirror-urls", "git-init", "commit", "tag", "branch"):
        if key in source:
            problem(f"{where}: type {kind} with {key!r}: fetched from the network, not local")
    if kind in INLINE_SOURCE_TYPES:
        return
    if kind not in LOCAL_SOURCE_TYPES:
        problem(f"{where}: source type {kind!r} is not a local dir, file, archive or patch")
        return
    paths = [source["path"]] if "path" in source else []
    paths += source.get("paths", [])
    if not paths:
        problem(f"{where}: a {kind} source with no local path")
    for path in paths:
        full = os.path.join(base, path)
        if os.path.isabs(path):
            problem(f"{where}: {path} is an absolute path; a path relative to the manifest keeps the tree movable")
        elif not inside(root, full):
            problem(f"{where}: {path} is outside the repository")
        elif not os.path.exists(full):
            problem(f"{where}: {path} does not exist")
        elif kind == "dir" and not os.path.isdir(full):
            problem(f"{where}: {path} is not a directory")


def check_modules(where, modules, base, root, found):
    for i, module in enumerate(modules):
        if isinstance(module, str):
            path = os.path.join(base, module)
            if os.path.isabs(module) or not inside(root, path):
                problem(f"{where}[{i}]: {module} is not inside the repository")
                continue
            try:
                module = load_json(path)
            except (OSError, ValueError) as error:
                problem(f"{where}[{i}]: cannot read {module}: {error}")
                continue
            module_base = os.path.dirname(path)
        else:
            module_base = base
        name = module.get("name", f"#{i}")
        here = f"module {name}"
        check_build_options(here, module.get("build-options"))
        sources = module.get("sources", [])
        if not sources:
            problem(f"{here}: no sources")
        for j, source in enumerate(sources):
            check_source(f"{here}, source {j}", source, module_base, root)
        found.append((name, module, module_base))
        check_modules(f"{here} modules", module.get("modules", []), module_base, root, found)


def check_app_module(found, root, options):
    # The app is the module whose source is the repository itself.
    app = None
    for name, module, base in found:
        for source in module.get("sources", []):
            if (isinstance(source, dict) and source.get("type") == "dir"
                    and os.path.realpath(os.path.join(base, source.get("path", ""))) == os.path.realpath(root)):
                app = (name, module)
    if app is None:
        problem("no module builds the repository itself (a dir source whose path is the repository)")
        return
    name, module = app
    if module.get("buildsystem") != "meson":
        problem(f"module {name}: buildsystem is {module.get('buildsystem')!r}, not meson")
    opts = module.get("config-opts", [])
    if "-Dtests=false" not in opts:
        problem(f"module {name}: config-opts lack -Dtests=false (the tests need Xvfb and the host's tools)")
    for opt in opts:
        match = re.fullmatch(r"-D([A-Za-z0-9_.-]+)=.*", opt)
        if not match:
            continue
        key = match[1]
        if key not in options and key not in MESON_BUILTINS and not key.startswith("b_"):
            problem(f"module {name}: {opt}: the project has no option {key!r} (meson setup would fail)")


def main():
    if len(sys.argv) != 3:
        print("usage: check-flatpak.py MANIFEST SOURCE_ROOT", file=sys.stderr)
        return 2
    manifest_path, root = sys.argv[1], sys.argv[2]
    base = os.path.dirname(os.path.abspath(manifest_path))
    try:
        manifest = load_json(manifest_path)
    except ValueError as error:
        print(f"{manifest_path}: not valid JSON: {error}")
        return 1

    app_id = meson_app_id(root)
    manifest_id = manifest.get("id", manifest.get("app-id"))
    if app_id is None:
        problem("meson.build has no app_id = '…'")
    elif manifest_id != app_id:
        problem(f"id is {manifest_id!r}, meson.build's app_id is {app_id!r}")
    if os.path.basename(manifest_path) != f"{app_id}.json":
        problem(f"the manifest is named {os.path.basename(manifest_path)}, not {app_id}.json")

    command = manifest.get("command")
    programs = installed_programs(root)
    if command not in programs:
        problem(f"command {command!r} is not a program meson installs ({', '.join(sorted(programs)) or 'none'})")
    exec_ = desktop_exec(root, app_id)
    if exec_ is not None and exec_ != command:
        problem(f"command {command!r} differs from the desktop file's Exec={exec_}")

    if manifest.get("runtime") != RUNTIME:
        problem(f"runtime is {manifest.get('runtime')!r}, not {RUNTIME}")
    if manifest.get("sdk") != SDK:
        problem(f"sdk is {manifest.get('sdk')!r}, not {SDK}")
    version = manifest.get("runtime-version")
    day = today()
    supported = supported_gnome_versions(day)
    if not isinstance(version, str) or not version.isdigit():
        problem(f"runtime-version {version!r} is not a stable GNOME release (a number as a string, like \"50\")")
    elif int(version) not in supported:
        problem(f"runtime-version {version} is not supported on {day}: "
                f"use one of {', '.join(str(v) for v in sorted(supported))}")

    finish_args = manifest.get("finish-args", [])
    for arg in finish_args:
        if arg == "--share=network":
            problem("finish-args: --share=network, but the app works offline")
        elif arg.startswith(("--filesystem=", "--persist=")):
            problem(f"finish-args: {arg}: documents come through the file chooser portal")
        elif arg in ("--socket=x11", "--socket=session-bus", "--socket=system-bus", "--device=all",
                     "--socket=ssh-auth", "--socket=pcsc", "--socket=cups", "--socket=pulseaudio",
                     "--socket=gpg-agent", "--allow=devel", "--device=shm", "--device=kvm"):
            problem(f"finish-args: {arg} is more than the app needs")
        elif arg.startswith(("--talk-name=org.freedesktop.Flatpak", "--talk-name=org.freedesktop.secrets",
                             "--system-talk-name=")):
            problem(f"finish-args: {arg} reaches outside the sandbox")
    for arg in sorted(NEEDED_ARGS - set(finish_args)):
        problem(f"finish-args: {arg} is missing (the window needs it)")

    check_build_options("the manifest", manifest.get("build-options"))
    found = []
    modules = manifest.get("modules", [])
    if not modules:
        problem("no modules")
    check_modules("modules", modules, base, root, found)
    check_app_module(found, root, project_options(root))

    for message in problems:
        print(f"{manifest_path}: {message}")
    if problems:
        return 1
    print(f"{manifest_path}: {manifest_id}, {RUNTIME}//{version} (supported on {day}), "
          f"command {command}, {len(found)} module(s), every source local")
    return 0


if __name__ == "__main__":
    sys.exit(main())
