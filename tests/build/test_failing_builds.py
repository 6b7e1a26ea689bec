"""A build that must not publish fails, saying which file is wrong."""

from __future__ import annotations

import re

import pytest

from support import copy_project, mkdocs_build


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project that each test breaks and restores."""
    return copy_project(tmp_path_factory.mktemp("project"))


def test_a_missing_belarusian_page_fails_the_build_naming_it(project, tmp_path):
    page = project / "docs" / "jak-dziala-system.be.md"
    saved = page.read_bytes()
    page.unlink()
    try:
        result = mkdocs_build(project, tmp_path / "site")
    finally:
        page.write_bytes(saved)
    assert result.returncode != 0
    assert "docs/jak-dziala-system.be.md is missing" in result.stderr
    assert not (tmp_path / "site" / "be" / "jak-dziala-system").exists()


def test_a_missing_belarusian_field_fails_the_build_naming_it(project, tmp_path, catalog):
    people = project / "data" / "people.yml"
    person = next(iter(catalog.people.values()))
    text = people.read_text("utf-8")
    people.write_text(text.replace(f"    be: {person.name.be}\n", "", 1), encoding="utf-8")
    try:
        result = mkdocs_build(project, tmp_path / "site")
    finally:
        people.write_text(text, encoding="utf-8")
    assert result.returncode != 0
    assert re.search(rf"data/people\.yml:\d+:\d+: person '{person.id}': name\.be is missing",
                     result.stderr), result.stderr


def test_build_fails_when_the_base_rewrite_stops_working(tmp_path):
    """The guard for a future Material that writes __config differently."""
    project = copy_project(tmp_path)
    override = project / "overrides" / "main.html"
    text = override.read_text(encoding="utf-8")
    override.write_text(text.replace('"base": \'', '"base":\''), encoding="utf-8")
    assert '"base":\'' in override.read_text(encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "built")
    assert result.returncode != 0
    assert "does not point search at /be/" in result.stderr
