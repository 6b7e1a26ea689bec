"""Shared fixtures: the site is built once per test run, strictly, and read with a real parser."""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pomost.kinds import with_pages
from tools.project_copy import copy_project as _copy_project

ROOT = Path(__file__).resolve().parent.parent
#: language -> its folder under the site root ('' for Polish, the default)
PREFIX = {"pl": "", "be": "be/"}
#: kind -> the folder of its pages, for every kind with pages (pomost/kinds.py)
SECTIONS = {kind.name: str(kind.folder) for kind in with_pages()}
#: the address the site is built for (site_url in mkdocs.yml)
SITE_URL = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M)[1]


def resolve(page_url: str, href: str) -> str:
    """The site path a relative link on ``page_url`` leads to (its #fragment dropped)."""
    joined = posixpath.normpath(posixpath.join(page_url, href.split("#")[0]))
    return "" if joined == "." else joined.rstrip("/") + "/"


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of ``project`` into ``site_dir``, as `make site` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True)


def copy_project(target: Path) -> Path:
    """A throw-away copy of the project that a test may change."""
    return _copy_project(ROOT, target)


@pytest.fixture(autouse=True)
def messages_language(request, monkeypatch):
    """The tools' messages in English, the language of the code, for tests of behaviour;
    a module that checks the Polish wording says ``MESSAGES = "pl"`` (test_data_validation,
    test_staff_*). That every message has its Polish: tests/test_staff_messages.py."""
    monkeypatch.setenv("POMOST_LANG", getattr(request.module, "MESSAGES", "en"))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The shipped site, built once for the whole run."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def page(site):
    """page('organizacje/cis-mieniany/') -> the parsed HTML of that page."""
    cache: dict[str, BeautifulSoup] = {}

    def read(url: str) -> BeautifulSoup:
        path = site / url / "index.html" if url == "" or url.endswith("/") else site / url
        if url not in cache:
            cache[url] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return cache[url]

    return read


@pytest.fixture(scope="session")
def catalog():
    from pomost.records.catalog import load_catalog
    return load_catalog(ROOT / "data")


def visible_text(node) -> str:
    """Text as a reader sees it: whitespace collapsed, no-break spaces kept."""
    return " ".join(node.get_text(" ").split(" ")).strip()


# Browser fixtures (headless Chromium over the built site): see browser_support.py.
from browser_support import browser, contexts, js_off, js_on, open_page, origin  # noqa: E402,F401
