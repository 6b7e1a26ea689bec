"""What the project's sources may hold and how page paths are read, checked without a build."""

from __future__ import annotations

import re

from pomost.theme.generated import generated_target

from support import ROOT


def test_generated_target_tells_record_pages_from_hand_written_ones():
    assert generated_target("organizacje/cis-mieniany.md") == ("organisation", "cis-mieniany")
    assert generated_target("organizacje/cis-mieniany.be.md") == ("organisation", "cis-mieniany")
    assert generated_target("organizacje/index.md") is None
    assert generated_target("index.be.md") is None


def _figures(catalog):
    """Every amount and date in data/, in the ways a person might type them."""
    amounts = {a.max_pln for i in catalog.instruments.values() for a in i.amounts}
    for value in amounts:
        plain = str(value)
        grouped = f"{value:,}"
        yield plain
        for sep in (" ", "\u00a0", ".", "\u202f"):
            yield grouped.replace(",", sep)
    from babel.dates import format_date
    for event in catalog.events.values():
        if event.date:
            for lang in ("pl", "be"):
                yield format_date(event.date, "d MMMM", locale=lang)
            yield event.date.isoformat()
            yield event.date.strftime("%d.%m.%Y")
            yield event.date.strftime("%d.%m")


def test_no_amount_or_date_from_data_is_typed_into_pages_or_templates(catalog):
    news = "aktualnosci/"
    offenders = []
    figures = [f for f in _figures(catalog) if len(f) >= 4]
    assert figures
    roots = [ROOT / "docs", ROOT / "overrides", ROOT / "hooks" / "pomost" / "templates",
             ROOT / "hooks" / "pomost" / "strings"]
    for root in roots:
        for path in root.rglob("*"):
            if not path.is_file() or path.suffix not in (".md", ".html", ".yml", ".css"):
                continue
            if news in path.relative_to(ROOT).as_posix():
                continue  # the news item quotes the article as published
            text = path.read_text(encoding="utf-8")
            for figure in figures:
                if re.search(rf"(?<![\d]){re.escape(figure)}(?![\d])", text):
                    offenders.append(f"{path.relative_to(ROOT)}: {figure!r}")
    assert offenders == []


def test_a_nav_title_without_translation_is_reported():
    from mkdocs.config import load_config

    from pomost.theme.i18n import untranslated_nav
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert untranslated_nav(config) == []
    config.nav = config.nav + [{"Kontakt": "kontakt.md"}]
    problems = untranslated_nav(config)
    assert problems == ["mkdocs.yml: nav title 'Kontakt' has no 'be' translation — add it under "
                        "plugins → i18n → languages → be → nav_translations"]
