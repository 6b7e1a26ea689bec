"""pomost serve: starts with broken data, shows the problems in Polish at every address of
both languages, and the page reloads by itself to the site once the file is fixed.

A real preview process on a free port, a broken data file, and Chromium watching one page:
every wait is on a condition (the server answering, the text in the page), never a sleep.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from support import copy_project, free_port, get, until

#: the tools speak Polish here (conftest.py)
MESSAGES = "pl"



BROKEN = "  date: '2019-09-24'\n"


@pytest.fixture
def broken_preview(tmp_path):
    project = copy_project(tmp_path)
    events = project / "data" / "events.yml"
    good = events.read_text(encoding="utf-8")
    line = next(line for line in good.splitlines(keepends=True) if line.startswith("  date: "))
    events.write_text(good.replace(line, BROKEN, 1), encoding="utf-8")
    port = free_port()
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")  # noqa: SIM115 - closed below
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("POMOST_LANG", None)
    server = subprocess.Popen([sys.executable, "-m", "pomost", "serve", "--addr",
                               f"127.0.0.1:{port}"], cwd=project, stdout=log,
                              stderr=subprocess.STDOUT, env=env)
    try:
        yield project, f"http://127.0.0.1:{port}", events, good
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.seek(0)
        print(log.read())
        log.close()


def test_broken_data_is_shown_until_fixed_and_the_page_reloads(broken_preview, js_on):
    project, origin, events, good = broken_preview
    until(lambda: get(origin + "/"))
    # Every address, in both languages, even one that would not exist, shows the problems.
    for path in ("/", "/be/", "/organizacje/cis-mieniany/", "/be/wydarzenia/", "/nie-ma-takiej/"):
        page = get(origin + path)
        assert page is not None and "Podgląd Pomostu: dane mają błędy" in page, path
        assert "stoi w cudzysłowie, więc jest tekstem, a nie datą" in page, path
    tab = js_on.new_page()
    try:
        tab.goto(origin + "/be/organizacje/cis-mieniany/", wait_until="load")
        heading = tab.locator("h1#pomost-problems")
        assert "dane mają błędy" in heading.inner_text()
        problem = tab.locator("li code").first.inner_text()
        assert problem.startswith("data/events.yml:") and "usuń cudzysłów: date: 2019-09-24" in problem
        assert tab.evaluate("document.documentElement.lang") == "pl"
        events.write_text(good, encoding="utf-8")  # the fix: the page must reload by itself
        tab.wait_for_function(
            "document.querySelector('html').lang === 'be' && !document.getElementById('pomost-problems')",
            timeout=120_000)
        assert "/be/organizacje/cis-mieniany/" in tab.url
        assert tab.locator("article h1, .md-content h1").first.inner_text()
    finally:
        tab.close()
    assert "Podgląd Pomostu" not in (get(origin + "/") or "")
