"""Localisation rules checked without a build: CLDR month names, sitemap dates, A–Z collation."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

from babel.dates import get_month_names

from pomost.build import lastmod
from pomost.render import azindex

from support import PREFIX, ROOT


def _code_text(path: Path) -> str:
    """What a file can print: Python string literals except docstrings; templates whole."""
    source = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return source
    docstrings = {id(node.value) for node in ast.walk(ast.parse(source))
                  if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    return " ".join(node.value for node in ast.walk(ast.parse(source))
                    if isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings)


def test_no_month_name_is_written_by_hand_in_code_templates_or_strings():
    names = {n.lower() for lang in PREFIX for context in ("format", "stand-alone")
             for n in get_month_names("wide", context, lang).values()}
    assert "września" in names and "верасня" in names
    offenders = []
    for root in (ROOT / "hooks", ROOT / "overrides"):
        for path in root.rglob("*"):
            if path.suffix in (".py", ".html", ".yml"):
                words = set(re.findall(r"\w+", _code_text(path).lower()))
                offenders += [f"{path.relative_to(ROOT)}: {w}" for w in words & names]
    assert offenders == []


def test_lastmod_follows_source_date_epoch(tmp_path, monkeypatch):
    assert lastmod.content_date(ROOT, {"SOURCE_DATE_EPOCH": "1569283200"}) == "2019-09-24"
    for name in [n for n in os.environ if n.startswith("GIT_")]:  # e.g. run from a git hook
        monkeypatch.delenv(name)
    assert lastmod.content_date(tmp_path, {}) is None  # not a git checkout: MkDocs's own date


def test_a_z_groups_follow_the_cldr_alphabet_of_each_language():
    def letters(titles, lang):
        return [(g.letter, [e.title for e in g.entries])
                for g in azindex.groups([azindex.Entry(t, t) for t in titles], lang)]
    assert letters(["Żuk", "Zebra", "Łódź", "Lublin", "Ćma", "Cel", "„Dom”"], "pl") == [
        ("C", ["Cel"]), ("Ć", ["Ćma"]), ("D", ["„Dom”"]), ("L", ["Lublin"]),
        ("Ł", ["Łódź"]), ("Z", ["Zebra"]), ("Ż", ["Żuk"])]
    assert letters(["Ўсход", "Усход", "Іван", "Зубр", "Йод"], "be") == [
        ("З", ["Зубр"]), ("І", ["Іван"]), ("Й", ["Йод"]), ("У", ["Усход", "Ўсход"])]


def test_a_label_missing_in_one_language_stops_loading_also_within_a_group(tmp_path,
                                                                            monkeypatch):
    import shutil

    import pytest

    from pomost.render import strings

    shutil.copytree(strings.STRINGS_DIR, tmp_path / "strings")
    be = tmp_path / "strings" / "be.yml"
    text = be.read_text(encoding="utf-8")
    assert "\n    centre: " in text
    be.write_text(text.replace("\n    centre: ", "\n    centre_x: ", 1), encoding="utf-8")
    monkeypatch.setattr(strings, "STRINGS_DIR", tmp_path / "strings")
    strings.load_all.cache_clear()
    try:
        with pytest.raises(strings.StringsError, match=r"lacks the label\(s\) search_box\.kinds\.centre"):
            strings.load_all()
    finally:
        strings.load_all.cache_clear()
