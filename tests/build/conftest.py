"""A project grown past the sizes where lists are capped and paged, built once for the
tests of tests/build that need one."""

from __future__ import annotations

import pytest

from tools.bench.data import generate

from support import ROOT, copy_project, pomost_build, site_files


@pytest.fixture(scope="session")
def grown(tmp_path_factory):
    """The project with 120 organisations and 250 more events (the shipped ones and
    generated ones): sections with many pages, the organisations on two pages of the
    delegation pack, the events on two of their index, instruments used by more
    organisations than a record page lists."""
    project = copy_project(tmp_path_factory.mktemp("grown") / "project")
    generate(ROOT / "data", project / "data", 120, events=250)
    return project


@pytest.fixture(scope="session")
def framed(grown, tmp_path_factory):
    """The grown project's site, built on one core: file -> its bytes."""
    out = tmp_path_factory.mktemp("framed") / "site"
    built = pomost_build(grown, out, POMOST_CORES="1")
    assert built.returncode == 0, built.stderr
    return site_files(out)
