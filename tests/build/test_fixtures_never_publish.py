"""Every broken data file of tests/fixtures/invalid ends `make site` with its one line, no
traceback, and the site published before unchanged, byte for byte."""

from __future__ import annotations

import shutil

import pytest

from invalid_data import EXPECTED, FIXTURES
from support import copy_project, make_site

#: EXPECTED is in Polish: the tools speak Polish here (conftest.py)
MESSAGES = "pl"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """One copy of the project with a site/ published before; each case swaps one file."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("<p>published before</p>", encoding="utf-8")
    return root


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_make_site_stops_with_the_line_and_keeps_the_published_site(project, case, tmp_path):
    fixture = next(FIXTURES.glob(f"{case}.*.yml"))
    target = project / "data" / f"{fixture.name.split('.')[-2]}.yml"
    good = target.read_bytes()
    shutil.copyfile(fixture, target)
    try:
        result = make_site(project)
    finally:
        target.write_bytes(good)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert EXPECTED[case] in result.stderr.splitlines()
    assert sorted(p.name for p in (project / "site").iterdir()) == ["index.html"]
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "<p>published before</p>"
    assert [p.name for p in project.iterdir() if p.name.startswith(".site-build-")] == []
