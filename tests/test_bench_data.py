"""`make bench` itself is not part of the suite; its data generator is (it must stay valid)."""

from __future__ import annotations

from pomost.bench.data import generate
from pomost.bench.stock import write_stock_project
from pomost.catalog import load_catalog

from conftest import ROOT, copy_project


def test_generated_data_is_valid_and_its_stock_twin_has_every_page(tmp_path, catalog):
    (tmp_path / "pomost").mkdir()
    project = copy_project(tmp_path / "pomost")
    counts = generate(ROOT / "data", project / "data", 60)
    grown = load_catalog(project / "data")  # raises DataError, naming file and line, if not
    assert len(grown.organisations) == counts["organisations"] == 60
    assert len(grown.events) == counts["events"] > len(catalog.events)
    assert set(catalog.organisations) <= set(grown.organisations)
    assert all(e.organisations for e in grown.events.values() if e.id.startswith("event-"))
    pages = write_stock_project(project, tmp_path / "stock")
    records = len(grown.instruments) + len(grown.organisations) + len(grown.events)
    hand_written = len(list((ROOT / "docs").rglob("*.md")))
    assert pages == 2 * records + hand_written
    assert "hooks:" not in (tmp_path / "stock" / "mkdocs.yml").read_text(encoding="utf-8")
