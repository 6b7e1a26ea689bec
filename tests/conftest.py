"""Shared fixtures: the site is built once per test run, strictly, and read with a real parser."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of ``project`` into ``site_dir``, as `make site` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True)


def copy_project(target: Path) -> Path:
    """A throw-away copy of the project that a test may change."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


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
    from pomost.catalog import load_catalog
    return load_catalog(ROOT / "data")


def visible_text(node) -> str:
    """Text as a reader sees it: whitespace collapsed, no-break spaces kept."""
    return " ".join(node.get_text(" ").split(" ")).strip()


# Browser fixtures (headless Chromium over the built site): see browser_support.py.
from browser_support import browser, contexts, js_off, js_on, open_page, origin  # noqa: E402,F401
