"""A build that must not publish fails, saying which file is wrong."""

from __future__ import annotations

import pytest

from support import build_errors, copy_project, mkdocs_build

MISSING_PAGE = ("docs/jak-dziala-system.be.md is missing — docs/jak-dziala-system.md has no be "
                "translation; every page needs Polish and Belarusian")


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
    assert build_errors(result.stderr) == [MISSING_PAGE]
    assert not (tmp_path / "site" / "be" / "jak-dziala-system").exists()


def test_a_missing_belarusian_field_fails_the_build_naming_it(project, tmp_path, catalog):
    people = project / "data" / "people.yml"
    person = next(iter(catalog.people.values()))
    text = people.read_text("utf-8")
    broken = text.replace(f"    be: {person.name.be}\n", "", 1)
    people.write_text(broken, encoding="utf-8")
    try:
        result = mkdocs_build(project, tmp_path / "site")
    finally:
        people.write_text(text, encoding="utf-8")
    # reported where the person's name starts: its first key, pl
    lines = broken.splitlines()
    first = lines.index(f"- id: {person.id}")
    line = next(n for n in range(first, len(lines)) if lines[n] == f"    pl: {person.name.pl}")
    assert result.returncode != 0
    assert build_errors(result.stderr) == [
        "The data in data/ has problems; the site was not built:\n"
        f"data/people.yml:{line + 1}:5: person '{person.id}': name.be („full name”, Belarusian "
        "version) is missing — every text needs Polish and Belarusian: add the line 'be: …' with "
        "the same indentation as the other language, or mark the record as a draft (draft: true)\n"
        "Fix the lines above and build again."]


def test_build_fails_when_the_base_rewrite_stops_working(tmp_path):
    """The guard for a future Material that writes __config differently."""
    project = copy_project(tmp_path)
    override = project / "overrides" / "main.html"
    text = override.read_text(encoding="utf-8")
    override.write_text(text.replace('"base": \'', '"base":\''), encoding="utf-8")
    assert '"base":\'' in override.read_text(encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "built")
    assert result.returncode != 0
    # The first page written names it: a record page, written through its section's frame
    # before MkDocs writes the others (beside MkDocs's own line naming the page).
    assert any(error.startswith("be/") and error.endswith(
        ": the page's __config does not point search at /be/ — Material changed how it "
        "writes __config; update the 'config' block in overrides/main.html")
        for error in build_errors(result.stderr)), result.stderr
