"""The shape of the code: one registry of kinds everything derives from, one theme layer that
alone knows Material and static-i18n, and the rules across files that once crashed."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from pomost import theme
from pomost.publish.opendata import DATASETS
from pomost.records import kinds
from pomost.records.catalog import DataError, load_catalog
from pomost.records.schemas import schema_files
from pomost.render.environment import TEMPLATES
from pomost.render.pages import MARKERS

from support import ROOT

PACKAGE = ROOT / "hooks" / "pomost"


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """These tests are about the code's shape; they read its messages in English, the
    language the code is written in (the Polish ones: tests/test_data_validation.py)."""
    monkeypatch.setenv("POMOST_LANG", "en")
#: what only the theme layer may import
THEME_PACKAGES = ("material", "mkdocs_static_i18n", "mkdocs")


# -- the registry ------------------------------------------------------------------------

@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.name)
def test_each_kind_names_fields_its_model_has(kind):
    fields = kind.model.model_fields
    if kind.many:
        assert "id" in fields
        assert kind.heading in fields
    for field, target in kind.links.items():
        assert field in fields, f"{kind.name}.{field}"
        assert target in kinds.BY_NAME
        # a link field holds ids: Id, Optional[Id] or list[Id]
        assert "Id" in str(fields[field].annotation) or "str" in str(fields[field].annotation)


@pytest.mark.parametrize("kind", kinds.with_pages(), ids=lambda k: k.name)
def test_each_kind_with_pages_has_its_templates_and_its_list_marker(kind):
    assert (TEMPLATES / f"{kind.name}.html").is_file()
    assert (TEMPLATES / f"{kind.name}_list.html").is_file()
    assert MARKERS[kind.attr] == f"{kind.name}_list.html"


def test_every_table_about_kinds_is_derived_from_the_registry():
    assert set(schema_files()) == {f"{k.file[:-4]}.schema.json" for k in kinds.KINDS} | {
        f"{k.file[:-4]}.record.schema.json" for k in kinds.lists()}
    assert [d.name for d in DATASETS] == [k.dataset for k in kinds.KINDS if k.dataset]
    folders = [k.folder for k in kinds.KINDS if k.folder]
    assert len(folders) == len(set(folders)), "two kinds share a folder"


# -- the theme layer ---------------------------------------------------------------------

def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_only_the_theme_layer_imports_mkdocs_material_or_static_i18n():
    outside = {str(path.relative_to(PACKAGE)): sorted(_imports(path) & set(THEME_PACKAGES))
               for path in PACKAGE.rglob("*.py") if "theme" not in path.relative_to(PACKAGE).parts}
    assert {path: names for path, names in outside.items() if names} == {}


def test_the_installed_theme_is_the_tested_one():
    assert theme.check_versions() == []


def test_another_theme_version_stops_the_build_with_what_to_do():
    installed = {**theme.TESTED, "mkdocs-material": "9.9.0"}
    with pytest.raises(theme.ThemeVersionError) as caught:
        theme.check_versions(installed, environ={})
    assert str(caught.value) == (
        "mkdocs-material 9.9.0 is installed, but Pomost is tested with mkdocs-material==9.8.2 "
        "— install the pinned versions (pip install -r requirements.txt), or, to try an "
        "upgrade, set POMOST_ALLOW_UNTESTED_THEME=1 and follow README, 'Upgrading the theme'")


def test_an_upgrade_can_be_tried_on_purpose():
    installed = {**theme.TESTED, "mkdocs-static-i18n": None}
    assert theme.check_versions(installed, environ={theme.ALLOW_VARIABLE: "1"}) == [
        "mkdocs-static-i18n is not installed, but Pomost is tested with mkdocs-static-i18n==1.3.1"]


def test_the_pins_of_the_theme_layer_are_the_requirements():
    pinned = dict(line.split("==") for line in
                  (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
                  if "==" in line and not line.startswith("#"))
    assert {name: pinned[name] for name in theme.TESTED} == theme.TESTED


# -- rules across files ------------------------------------------------------------------

def _data_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path / "data"


def _problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalog(data)
    return [str(p) for p in caught.value.problems]


def test_a_news_record_without_its_page_is_a_message_not_a_crash(tmp_path):
    data = _data_copy(tmp_path)
    news = next(iter(load_catalog(data).news))
    (tmp_path / "docs" / "aktualnosci" / f"{news}.md").unlink()
    line = next(i for i, text in enumerate(
        (data / "news.yml").read_text(encoding="utf-8").splitlines(), 1) if f"id: {news}" in text)
    assert _problems(data) == [
        f"data/news.yml:{line}:7: news '{news}': there is no page docs/aktualnosci/{news}.md — "
        "the id must be the name of the news page it describes"]


@pytest.mark.parametrize("field", ["from_month", "to_month"])
def test_a_monthly_amount_needs_its_months(tmp_path, field):
    data = _data_copy(tmp_path)
    lines = (data / "instruments.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{field}:"))
    rid = next(line.split(":")[1].strip() for line in reversed(lines[:first])
               if line.startswith("- id:"))
    amount = next(i for i, line in enumerate(reversed(lines[:first])) if "- max_pln:" in line)
    where = first - amount  # the line of that amount's "- max_pln:", counted from 1
    del lines[first]
    (data / "instruments.yml").write_text("".join(lines), encoding="utf-8")
    assert _problems(data) == [
        f"data/instruments.yml:{where}:7: instrument '{rid}': amounts[1]: "
        "a monthly amount needs from_month and to_month"]
