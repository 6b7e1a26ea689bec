"""`make site` validates data/ once and hands the catalog to the per-language builds."""

from __future__ import annotations


def test_a_handed_catalog_is_used_only_while_the_data_is_unchanged(tmp_path, monkeypatch, catalog):
    import shutil

    from pomost.build import project as site

    from support import ROOT
    shutil.copytree(ROOT / "data", tmp_path / "data")
    handed = tmp_path / "catalog.pickle"
    site.save_catalog(tmp_path, catalog, handed)
    monkeypatch.setenv(site.CATALOG_VARIABLE, str(handed))
    signature = site._signature(tmp_path / "data")
    assert site._load(tmp_path / "data", signature) == catalog
    person = next(iter(catalog.people.values()))
    people = tmp_path / "data" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace(
        person.name.pl, person.name.pl + " Zmieniony", 1), encoding="utf-8")
    fresh = site._signature(tmp_path / "data")
    assert fresh != signature
    reread = site._load(tmp_path / "data", fresh)  # the stale file is ignored
    assert reread.people[person.id].name.pl == person.name.pl + " Zmieniony"
