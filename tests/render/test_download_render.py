"""The files a build writes besides the pages, computed without a build."""

from __future__ import annotations

from pomost.opendata import DATASETS, json_path
from pomost.render import SECTIONS


def test_downloads_do_not_reach_outside_the_language(catalog):
    """Polish pages write the JSON once; each language writes only its own CSV."""
    from pomost.site import Project
    project = Project(catalog)
    site_url = "https://example.org/"
    pl, be = project.downloads("pl", site_url), project.downloads("be", site_url)
    assert {p for p in pl if p.endswith(".json")} == {json_path(d) for d in DATASETS}
    assert not any(p.endswith(".json") for p in be)
    assert all(p.startswith("be/") for p in be)
    assert any(p.startswith(f"{SECTIONS['instrument']}/") for p in pl)  # the grant-table CSV
