"""pomost build: drafts left out and said so, the report of what changed and what to read,
texts with lists; the preview's view of a draft. A copy of the project is built twice."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from pomost import l10n
from pomost.build import project as site

from support import copy_project

#: the tools speak Polish here (conftest.py)
MESSAGES = "pl"

DRAFT = """
- id: nowa-spoldzielnia
  draft: true
  role: partner
  name:
    pl: Nowa Spółdzielnia
  summary:
    pl: Spółdzielnia, o której dopiero piszemy.
  what_it_does:
    pl: |
      Oferujemy:
      - doradztwo
      - szkolenia <b>dla firm</b>
"""


def _build(project):
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop(site.PREVIEW_VARIABLE, None)
    return subprocess.run([sys.executable, "-m", "pomost", "build"], cwd=project, env=env,
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("staff-build"))
    first = _build(project)
    assert first.returncode == 0, first.stderr
    organisations = project / "data" / "organisations.yml"
    text = organisations.read_text(encoding="utf-8")
    # a list typed with "- " in a literal block, and one pasted from Word into a folded one
    text = text.replace("  what_it_does:\n    pl: >-\n", "  what_it_does:\n    pl: >-\n"
                        "      Działania: •\tpierwsze •\tdrugie\n\n", 1)
    organisations.write_text(text + DRAFT, encoding="utf-8")
    instruments = project / "data" / "instruments.yml"
    instruments.write_text(instruments.read_text(encoding="utf-8").replace(
        "max_pln: 24000", "max_pln: 25000", 1), encoding="utf-8")
    second = _build(project)
    assert second.returncode == 0, second.stderr
    return project, first.stdout, second.stdout


def test_the_first_build_says_how_many_pages(builds):
    project, first, _ = builds
    # the second build left the draft out: it has the first one's pages
    count = sum(1 for _ in (project / "site").rglob("*.html"))
    said = l10n.translations("pl").ngettext("First build: {count} page.",
                                            "First build: {count} pages.", count)
    assert first.splitlines()[0] == said.format(count=count)
    assert said.startswith("Pierwsze budowanie: ")
    assert "Bez ostrzeżeń." in first.splitlines()


def test_a_draft_is_left_out_and_said_so(builds):
    project, _, second = builds
    assert not (project / "site" / "organizacje" / "nowa-spoldzielnia").exists()
    assert not (project / "site" / "be" / "organizacje" / "nowa-spoldzielnia").exists()
    assert any(line.endswith("organizacja 'nowa-spoldzielnia' to wersja robocza (draft: true): "
                             "pominięto ją w publikowanej stronie") for line in second.splitlines())
    assert "nowa-spoldzielnia" not in (project / "site" / "dane" / "organizacje.json").read_text(
        "utf-8")


def test_the_report_names_the_changed_pages_and_the_stale_source(builds):
    _, _, second = builds
    lines = second.splitlines()
    assert lines[0].startswith("W porównaniu z poprzednio opublikowaną stroną: 0 nowych stron, ")
    assert "  zmieniona: /instrumenty/dotacja-spoldzielnia/" in lines
    assert "  zmieniona: /be/instrumenty/dotacja-spoldzielnia/" in lines
    assert any("instrument 'dotacja-spoldzielnia': kwoty się zmieniły (24000 → 25000), ale "
               "as_reported (2019) i source są takie jak wcześniej" in line for line in lines)
    assert any(line.startswith("data/site.yml:1:1: grant_table.as_of nadal mówi") for line in lines)
    assert "publi" not in second.split("ostrzeż")[0].lower().replace("opublikowaną", "")


def test_bullets_become_a_list_and_stay_text(builds):
    project, _, _ = builds
    pages = sorted((project / "site" / "organizacje").glob("*/index.html"))
    found = [BeautifulSoup(p.read_text("utf-8"), "html.parser") for p in pages]
    items = [[li.get_text() for li in ul.find_all("li")] for soup in found
             for ul in soup.select("article ul, .md-content ul") if "pierwsze" in ul.get_text()]
    assert ["pierwsze", "drugie"] in items


def test_the_preview_shows_a_draft_labelled_with_its_missing_translations(builds, monkeypatch):
    project, _, _ = builds
    monkeypatch.setenv(site.PREVIEW_VARIABLE, "1")
    preview = site.project(project)
    record = preview.catalog.organisations["nowa-spoldzielnia"]
    assert record.name.pl == "Nowa Spółdzielnia (wersja robocza)"
    assert record.name.be == "Nowa Spółdzielnia (чарнавік)"
    for lang in ("pl", "be"):
        html = preview.renderer(lang).page("organisation", "nowa-spoldzielnia",
                                           "organizacje/nowa-spoldzielnia/")
        soup = BeautifulSoup(html, "html.parser")
        banner = soup.find(class_="pomost-draft")
        assert banner is not None and "draft: true" in banner.get_text()
        assert [c.get_text() for c in banner.find_all("code")] == ["name", "summary", "what_it_does"]
        items = [li.get_text() for li in soup.find_all("li")]
        assert "szkolenia <b>dla firm</b>" in items  # escaped: the tag is text
        assert soup.find("b") is None
