"""Editing data/ is all it takes: a second build of a changed copy of the project."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from support import copy_project, mkdocs_build, visible_text

NEW_ORG = {
    "id": "spoldzielnia-testowa",
    "role": "good_practice",
    "name": {"pl": "Spółdzielnia Testowa", "be": "Тэставы кааператыў"},
    "summary": {"pl": "Wpis dodany przez test.", "be": "Запіс, дададзены тэстам."},
    "what_it_does": {"pl": "Sprawdza generator.", "be": "Правярае генератар."},
}
#: pages that embed the grant table, per the README
TABLE_PAGES = ["", "instrumenty/", "instrumenty/dotacja-spoldzielnia/"]


def _edit(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def changed(tmp_path_factory, catalog):
    project = copy_project(tmp_path_factory.mktemp("project"))
    data = project / "data"
    _edit(data / "organisations.yml", lambda orgs: orgs.append(NEW_ORG))
    # Remove an event nothing else refers to.
    refs = {e.part_of for e in catalog.events.values()}
    removed = next(e for e in reversed(list(catalog.events)) if e not in refs)
    _edit(data / "events.yml", lambda events: events.__setitem__(
        slice(None), [e for e in events if e["id"] != removed]))
    # Raise the founding grant by 1,111 zł.
    grant = catalog.instruments["dotacja-spoldzielnia"].amounts[0].max_pln
    _edit(data / "instruments.yml", lambda items: next(
        i for i in items if i["id"] == "dotacja-spoldzielnia")["amounts"][0].update(
            max_pln=grant + 1111))
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    read = lambda url: BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")
    return read, removed, grant


def test_a_record_added_to_yaml_gets_its_two_pages(changed):
    read, _, _ = changed
    assert read("organizacje/spoldzielnia-testowa/").h1.get_text() == "Spółdzielnia Testowa"
    be = read("be/organizacje/spoldzielnia-testowa/")
    assert be.html["lang"] == "be" and be.h1.get_text() == "Тэставы кааператыў"
    assert be.find("a", string="Тэставы кааператыў") is None  # a page does not link itself
    assert read("be/organizacje/").find("a", string="Тэставы кааператыў")


def test_a_record_deleted_from_yaml_loses_its_pages(changed, site):
    read, removed, _ = changed
    assert (site / "wydarzenia" / removed / "index.html").exists()  # shipped build has it
    for prefix in ("", "be/"):
        with pytest.raises(FileNotFoundError):
            read(f"{prefix}wydarzenia/{removed}/")


@pytest.mark.parametrize("prefix", ["", "be/"])
def test_changing_an_amount_changes_every_page_with_the_grant_table(changed, prefix):
    read, _, grant = changed
    for url in TABLE_PAGES:
        table = read(prefix + url).select_one("table#grant-table")
        assert table is not None, prefix + url
        cells = [int(td["data-pln"]) for td in table.select("tbody td[data-pln]")]
        assert grant + 1111 in cells and grant not in cells
        assert f"{grant + 1111:,}".replace(",", "\u00a0") in visible_text(table)
