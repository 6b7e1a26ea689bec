"""`make bench` itself is not part of the suite; its data generator is (it must stay valid)."""

from __future__ import annotations

from pomost.records.catalog import load_catalog
from pomost.records.kinds import with_pages
from tools.bench.data import generate
from tools.bench.stock import write_stock_project

from support import ROOT, copy_project


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
    records = sum(len(grown.of(kind.name)) for kind in with_pages())
    hand_written = len(list((ROOT / "docs").rglob("*.md")))
    assert pages == 2 * records + hand_written
    assert "hooks:" not in (tmp_path / "stock" / "mkdocs.yml").read_text(encoding="utf-8")


def test_stock_configuration_loads_without_our_overrides(tmp_path):
    """The stock twin must be buildable by plain MkDocs: no hook, no custom_dir, and only
    theme languages that Material itself ships."""
    from mkdocs.config import load_config

    from tools.bench.stock import stock_config
    path = tmp_path / "mkdocs.yml"
    path.write_text(stock_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8")),
                    encoding="utf-8")
    (tmp_path / "docs").mkdir()
    config = load_config(str(path))
    i18n = config.plugins["i18n"].config
    env = config.theme.get_env()
    for lang in i18n.languages:
        language = (lang.theme or {}).get("language") or config.theme["language"]
        env.get_template(f"partials/languages/{language}.html")  # raises if Material lacks it
