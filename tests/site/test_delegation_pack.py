"""The delegation pack holds every good-practice profile (its print is in tests/browser/)."""

from __future__ import annotations

import collections

import pytest

from support import visible_text

PACK = {"pl": "pakiet-dla-delegacji/", "be": "be/pakiet-dla-delegacji/"}


def good_practices(catalog):
    return [o for o in catalog.organisations.values() if o.role == "good_practice"]


@pytest.mark.parametrize("lang", PACK)
def test_the_pack_holds_every_good_practice_profile_and_nothing_else(catalog, page, lang):
    soup = page(PACK[lang])
    profiles = soup.select("article section.pomost-profile")
    expected = good_practices(catalog)
    assert expected
    assert [p.h2["id"] for p in profiles] == [o.id for o in expected]
    for section, org in zip(profiles, expected, strict=True):
        assert visible_text(section.h2) == getattr(org.name, lang)
        assert getattr(org.what_it_does, lang).split("\n\n")[0].strip() in visible_text(section)
        if org.transferable:
            assert section.find(id=f"{org.id}-do-przeniesienia")
    contents = [visible_text(a) for a in soup.select(".pomost-pack-contents a")]
    assert contents == [getattr(o.name, lang) for o in expected]


@pytest.mark.parametrize("lang", PACK)
def test_the_pack_has_no_repeated_ids(page, lang):
    ids = collections.Counter(tag["id"] for tag in page(PACK[lang]).select("[id]"))
    assert [i for i, n in ids.items() if n > 1] == []


def test_an_organisation_page_keeps_its_own_headings(catalog, page):
    org = good_practices(catalog)[0]
    soup = page(f"organizacje/{org.id}/")
    assert soup.select_one("article h1")["id"] == org.id
    assert soup.find("h2", id="dzialalnosc")
