"""Pages rendered through the Renderer and the templates, without a MkDocs build."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from pomost.build.project import language
from pomost.records.models import Text
from pomost.render.pages import STATEMENT
from pomost.render.strings import load_all
from pomost.render.wording import Wording
from pomost.theme.generated import STATEMENT_PATH

from support import PREFIX as LANGS
from support import SITE_URL, visible_text


def test_dates_and_status_given_in_data_are_shown_as_time_elements(catalog):
    """Rendered without a build, from the catalog with the publisher's fields filled in."""
    filled = catalog.accessibility.model_copy(update={
        "published": dt.date(2024, 9, 2), "updated": dt.date(2025, 1, 15),
        "prepared": dt.date(2024, 9, 3), "reviewed": dt.date(2025, 3, 31),
        "status": "partially_compliant", "assessment": "self_assessment"})
    for lang in LANGS:
        strings = load_all()[lang]
        html = language(catalog.replace(accessibility=filled), lang).renderer.page(
            STATEMENT, "", LANGS[lang] + STATEMENT_PATH, site_url=SITE_URL)
        soup = BeautifulSoup(html, "html.parser")
        for element_id, field in [("a11y-data-publikacja", "published"),
                                  ("a11y-data-aktualizacja", "updated"),
                                  ("a11y-data-sporzadzenie", "prepared"),
                                  ("a11y-data-przeglad", "reviewed")]:
            time = soup.find(id=element_id)
            assert time.name == "time", element_id
            assert time["datetime"] == getattr(filled, field).isoformat()
        status = visible_text(soup.find(id="a11y-status"))
        assert status.startswith(strings["a11y_status_partially_compliant"].split("{")[0].strip())
        assert strings["a11y_self_assessment"] in visible_text(soup)
        assert strings["a11y_not_given"] not in visible_text(soup.find(id="a11y-wstep").parent)


def test_first_mention_of_a_polish_name_on_a_belarusian_page_gives_the_original(catalog):
    from pomost.records.models import Name
    name = Wording("be").namer()
    lublin = Name(pl="Lublin", be="Люблін")
    rumak = Name(pl="Aleksander Rumak", be="Аляксандр Румак", origin="be")
    assert [name(lublin), name(lublin), name(rumak)] == ["Люблін (Lublin)", "Люблін",
                                                          "Аляксандр Румак"]
    assert Wording("pl").namer()(lublin) == "Lublin"


def test_record_text_is_escaped_never_markup(catalog):
    """A description holding HTML is shown as text."""
    instrument = next(iter(catalog.instruments.values()))
    hostile = Text(pl='<script>alert(1)</script><img src=x onerror="alert(2)">',
                   be="<a href='javascript:alert(3)'>x</a>")
    changed = catalog.instruments | {instrument.id: instrument.model_copy(
        update={"description": hostile})}
    for lang in ("pl", "be"):
        html = language(catalog.replace(instruments=changed), lang).renderer.page(
            "instrument", instrument.id, f"instrumenty/{instrument.id}/")
        assert "<script" not in html and "<img" not in html and "<a href='javascript" not in html
        # the description is one paragraph showing the markup as its text, character for character
        # (the paragraph just before the line naming the description's source)
        description = BeautifulSoup(html, "html.parser").select_one(
            "p.pomost-source").find_previous_sibling()
        assert (description.name, description.get_text()) == ("p", getattr(hostile, lang))
