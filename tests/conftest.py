"""Shared fixtures: the site is built once per test run, strictly, and read with a real parser."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from support import ROOT, mkdocs_build


@pytest.fixture(scope="session")
def site(tmp_path_factory):
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
