"""Shared fixtures, and the layers of the suite.

Each test sits in the folder of its layer, and gets that layer's marker from the folder
(``pytest -m unit``):

  unit     data validation, messages, rules, formatting: no site, seconds
  render   pages and files rendered from the catalog through the templates, no MkDocs build
  site     reads the one site built for the whole run (fixtures ``site``, ``page``, ``all_pages``)
  build    builds purpose-made copies of the project: changed data, failing builds, serve
  browser  Chromium, axe-core, the Nu Html Checker, PDF print, nginx

unit and render are the fast layers (`make test-fast`): a test there that asks for the built
site fails, at collection when it names the fixture, at run time when it builds anyway.
"""

from __future__ import annotations

import os
import time

import pytest

# Helper modules assert too; rewritten, their failures show the values like a test's.
pytest.register_assert_rewrite("support", "event_support", "browser_support")

from bs4 import BeautifulSoup  # noqa: E402

import support  # noqa: E402
from support import FAST_LAYERS, ROOT, TESTS, forbid_build_in_fast_layers, mkdocs_build  # noqa: E402

LAYERS = {
    "unit": "no site and no build: data, messages, rules, formatting (make test-fast)",
    "render": "rendered through the templates, without a MkDocs build (make test-fast)",
    "site": "reads the site built once for the whole run",
    "build": "builds purpose-made copies of the project",
    "browser": "Chromium, axe-core, vnu, PDF print, nginx (required when CI=true)",
}
#: the fixture that builds the site when first asked for
BUILT_SITE = "site"


def layer_of(item) -> str | None:
    """The layer of a collected test: the folder under tests/ it sits in."""
    try:
        parts = item.path.relative_to(TESTS).parts
    except ValueError:
        return None
    return parts[0] if len(parts) > 1 and parts[0] in LAYERS else None


def pytest_configure(config):
    for layer, description in LAYERS.items():
        config.addinivalue_line("markers", f"{layer}: {description}")
    # One build instant for every build of the run (the session site, the parallel build,
    # the changed copies inherit it): pages that show the build day, and the split into
    # upcoming and past events, stay the same across builds even when a run crosses
    # midnight. A SOURCE_DATE_EPOCH the caller set is kept.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))


def pytest_collection_modifyitems(config, items):
    nowhere, slow = [], []
    for item in items:
        layer = layer_of(item)
        if layer is None:
            nowhere.append(item.nodeid)
            continue
        item.add_marker(layer)
        if layer in FAST_LAYERS and BUILT_SITE in item.fixturenames:
            slow.append(item.nodeid)
    if nowhere:
        raise pytest.UsageError(
            "every test belongs in a layer folder, tests/{" + ",".join(LAYERS) + "}/: "
            + ", ".join(nowhere))
    if slow:
        raise pytest.UsageError(
            "tests in the fast layers (" + ", ".join(FAST_LAYERS) + ") must not use the "
            f"built site (fixture '{BUILT_SITE}', also behind page and all_pages): "
            + ", ".join(slow) + " — move them to tests/site/")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    support.running_layer = layer_of(item)


@pytest.fixture(autouse=True)
def messages_language(request, monkeypatch):
    """The tools' messages in English, the language of the code, for tests of behaviour;
    a module that checks the Polish wording says ``MESSAGES = "pl"`` (test_data_validation,
    test_staff_*). That every message has its Polish: tests/test_staff_messages.py."""
    monkeypatch.setenv("POMOST_LANG", getattr(request.module, "MESSAGES", "en"))


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The shipped site, built once for the whole run."""
    forbid_build_in_fast_layers(f"the fixture '{BUILT_SITE}'")
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def page(site):
    """page('organizacje/cis-mieniany/') -> the parsed HTML of that page, parsed once per run
    and shared by every test: read it, never change it."""
    cache: dict[str, BeautifulSoup] = {}

    def read(url: str) -> BeautifulSoup:
        path = site / url / "index.html" if url == "" or url.endswith("/") else site / url
        if url not in cache:
            cache[url] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return cache[url]

    return read


@pytest.fixture(scope="session")
def all_pages(site, page) -> dict[str, BeautifulSoup]:
    """Every HTML file of the built site, by the path page() takes ('' for the home page,
    'organizacje/' for organizacje/index.html, 'be/404.html'), parsed through page()'s cache."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        path = html.relative_to(site).as_posix()
        paths.append(path.removesuffix("index.html") if html.name == "index.html" else path)
    return {path: page(path) for path in paths}


@pytest.fixture(scope="session")
def catalog():
    from pomost.records.catalog import load_catalog
    return load_catalog(ROOT / "data")


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> tuple:
    """(project, site): a copy of the project whose every free text is a hostile payload
    (tests/hostile.py), built by `python -m pomost build` — once for the run."""
    from hostile import write_hostile_data

    forbid_build_in_fast_layers("the hostile build")
    project = tmp_path_factory.mktemp("hostile")
    support.copy_project(project)
    write_hostile_data(project / "data", project / "data")
    result = support.make_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, project / "site"
