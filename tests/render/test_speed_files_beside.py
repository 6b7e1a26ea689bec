"""The preview writes the files beside the pages in groups (build/changes.py, ``beside``):
together they are every file the build writes, each group made of the data it names."""

from __future__ import annotations

import datetime as dt

import pytest

from pomost.build import changes
from pomost.build.project import Project

from support import SITE_URL

BUILT = dt.datetime(2025, 9, 24, 12, tzinfo=dt.UTC)


@pytest.mark.parametrize("lang", ["pl", "be"])
def test_the_groups_make_every_file_beside_the_pages(catalog, lang):
    downloads = Project(catalog).downloads(lang)
    made: dict[str, bytes] = {}
    for name, (keys, make) in changes.beside(downloads, SITE_URL, BUILT).items():
        files = make()
        assert keys and not set(files) & set(made), name
        made.update(files)
    assert made == downloads.files(SITE_URL, BUILT)


def test_open_data_carried_over_is_what_making_it_again_gives(catalog):
    org = next(iter(catalog.organisations.values()))
    records = dict(catalog.organisations)
    records[org.id] = org.model_copy(update={"town": None})
    edited = catalog.replace(organisations=records)
    before, after = Project(catalog).downloads("be"), Project(edited).downloads("be")
    before.open_data.files  # noqa: B018 - made once, as a build makes it
    changes.carry_over(before, after, changes.changes(catalog, edited))
    assert after.open_data.files == Project(edited).downloads("be").open_data.files
