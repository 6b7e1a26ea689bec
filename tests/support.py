"""Helpers every layer of the suite shares: where the project is, how to build a copy of it.

Plain functions and constants, no fixtures (those are in conftest.py). Test modules import
from here, never from a conftest.py: with one conftest per folder, `import conftest` would
find whichever was loaded last.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pomost.records.kinds import with_pages
from tools.project_copy import copy_project as _copy_project

#: the folder holding tests/ (a git checkout or not: the suite never needs the project's .git)
ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
#: language -> its folder under the site root ('' for Polish, the default)
PREFIX = {"pl": "", "be": "be/"}
#: kind -> the folder of its pages, for every kind with pages (pomost/records/kinds.py)
SECTIONS = {kind.name: str(kind.folder) for kind in with_pages()}
#: the address the site is built for (site_url in mkdocs.yml)
SITE_URL = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M)[1]

#: the layers `make test-fast` runs: they never build the site, so they take seconds
FAST_LAYERS = ("unit", "render")
#: the layer of the test being run (set by conftest.py before each test)
running_layer: str | None = None


def forbid_build_in_fast_layers(what: str) -> None:
    """Fail the running test if it sits in a fast layer: a build there would slow it down
    for everyone, silently."""
    if running_layer in FAST_LAYERS:
        pytest.fail(f"{what}: a test in tests/{running_layer}/ must never build the site "
                    "(`make test-fast` stays fast only so); read the session build from "
                    "tests/site/ or build a copy in tests/build/", pytrace=False)


def resolve(page_url: str, href: str) -> str:
    """The site path a relative link on ``page_url`` leads to (its #fragment dropped)."""
    joined = posixpath.normpath(posixpath.join(page_url, href.split("#")[0]))
    return "" if joined == "." else joined.rstrip("/") + "/"


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of ``project`` into ``site_dir``, as `make site` runs it."""
    forbid_build_in_fast_layers("mkdocs build")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True)


def make_site(project: Path) -> subprocess.CompletedProcess:
    """`python -m pomost build --site-dir site` in ``project``: the very command `make site` runs."""
    return pomost_build(project, Path("site"))


def pomost_build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """`python -m pomost build --site-dir <site_dir>` in ``project``, with ``env`` added to
    its environment (POMOST_CORES, POMOST_FRAME)."""
    forbid_build_in_fast_layers("pomost build")
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run([sys.executable, "-m", "pomost", "build", "--site-dir", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True)


def site_files(folder: Path) -> dict[str, bytes]:
    """Every file of a built site: its path in the site -> its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build_errors(log: str) -> list[str]:
    """The messages a MkDocs log reports as ERROR, each with the lines that continue it (up
    to the next log record or blank line)."""
    messages: list[str] = []
    current: list[str] | None = None
    for line in log.splitlines():
        record = re.match(r"(DEBUG|INFO|WARNING|ERROR|CRITICAL) +-  (.*)", line)
        if record:
            current = [record[2]] if record[1] == "ERROR" else None
            if current is not None:
                messages.append(current)
        elif not line.strip():
            current = None
        elif current is not None:
            current.append(line)
    return ["\n".join(lines) for lines in messages]


def copy_project(target: Path) -> Path:
    """A throw-away copy of the project that a test may change, in ``target`` (made if need be)."""
    target.mkdir(parents=True, exist_ok=True)
    return _copy_project(ROOT, target)


def visible_text(node) -> str:
    """Text as a reader sees it: whitespace collapsed, no-break spaces kept."""
    return " ".join(node.get_text(" ").split(" ")).strip()


def missing(message: str) -> None:
    """Skip locally, fail in CI: CI must never pass without running what a tool checks."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def need(program: str, *fallbacks: str) -> str:
    """The program's path; outside CI a missing program skips, in CI it fails."""
    found = shutil.which(program) or next((f for f in fallbacks if os.access(f, os.X_OK)), None)
    if not found:
        missing(f"{program} is not installed (.ci/run installs it with apt-get)")
    return found


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now (for a server a test starts)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> str | None:
    """The text at ``url``, or None while nothing answers there (or it answers an error)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def until(predicate: Callable[[], Any], seconds: float = 120, what: str = "the condition") -> Any:
    """Poll ``predicate`` until it gives a true value (returned), or fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)  # polling interval of a condition, not a wait for time to pass
    raise AssertionError(f"never happened within {seconds} s: {what}")
