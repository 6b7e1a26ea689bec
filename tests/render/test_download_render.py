"""The files a build writes besides the pages, computed without a build."""

from __future__ import annotations

from pomost.build.project import language
from pomost.publish.opendata import DATASETS, json_path

from support import SECTIONS


def test_downloads_do_not_reach_outside_the_language(catalog):
    """Polish pages write the JSON once; each language writes only its own CSV."""
    site_url = "https://example.org/"
    pl, be = (language(catalog, lang).downloads.files(site_url) for lang in ("pl", "be"))
    assert {p for p in pl if p.endswith(".json")} == {json_path(d) for d in DATASETS}
    assert not any(p.endswith(".json") for p in be)
    assert all(p.startswith("be/") for p in be)
    assert any(p.startswith(f"{SECTIONS['instrument']}/") for p in pl)  # the grant-table CSV
