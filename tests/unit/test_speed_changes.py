"""Which pages an edit of data/ changes (build/changes.py): the keys two catalogs differ in,
and the pages made of them."""

from __future__ import annotations

import os

import pytest

from pomost.build import changes
from pomost.build.changes import ALL, Recorder
from pomost.build.pool import Pool, WorkerError
from pomost.langs import _relative_by_posixpath, relative
from pomost.render.pages import PAGED


def _edited(catalog, kind_attr, rid, **fields):
    records = dict(catalog.records[kind_attr])
    records[rid] = records[rid].model_copy(update=fields)
    return catalog.replace(**{kind_attr: records})


def test_the_same_catalog_changes_nothing(catalog):
    assert changes.changes(catalog, catalog) == set()
    assert not changes.structural(catalog, catalog)


def test_an_edited_record_touches_it_its_kind_and_what_it_links(catalog):
    # (the shipped organisations link no instrument: give one of them one)
    first, instrument = next(iter(catalog.organisations)), next(iter(catalog.instruments))
    catalog = _edited(catalog, "organisations", first, instruments=[instrument])
    org = catalog.organisations[first]
    new = _edited(catalog, "organisations", org.id, summary=org.summary.model_copy(
        update={"pl": "Inne zdanie."}))
    touched = changes.changes(catalog, new)
    assert ("record", "organisation", org.id) in touched
    assert ("kind", "organisation") in touched and ALL in touched
    assert {("refs", "organisation", "instruments", i) for i in org.instruments} <= touched
    assert not any(key[:2] == ("kind", "event") for key in touched)
    assert not changes.structural(catalog, new)


def test_added_removed_and_moved_records(catalog):
    orgs = catalog.organisations
    first = next(iter(orgs))
    removed = catalog.replace(organisations={k: v for k, v in orgs.items() if k != first})
    assert changes.structural(catalog, removed)
    assert ("record", "organisation", first) in changes.changes(catalog, removed)
    moved = catalog.replace(organisations=dict(reversed(list(orgs.items()))))
    assert ("refs", "organisation", "*") in changes.changes(catalog, moved)
    assert not changes.structural(catalog, moved)


def test_pages_are_affected_by_what_they_were_made_of():
    recorder = Recorder()
    recorder.begin()
    with recorder.page("organizacje/a/"):
        recorder.note(("record", "organisation", "a"))
    with recorder.page("organizacje/"):
        recorder.note(("kind", "organisation"))
    with recorder.page("instrumenty/x/"):
        recorder.note(("refs", "organisation", "instruments", "x"))
    with recorder.page("dane/"):
        recorder.note(ALL)
    assert recorder.affected({("record", "organisation", "a")}) == {"organizacje/a/", "dane/"}
    assert recorder.affected({("refs", "organisation", "*")}) == {"instrumenty/x/", "dane/"}
    assert recorder.affected(set()) == set()
    recorder.begin()  # made again: what it was made of before is forgotten
    with recorder.page("organizacje/a/"):
        recorder.note(("record", "organisation", "b"))
    assert "organizacje/a/" not in recorder.affected({("record", "organisation", "a")})


def test_a_long_list_changes_on_the_pages_whose_entries_change(catalog):
    size = PAGED["organisations"]
    orgs = list(catalog.organisations.values())
    many = {f"o-{i:05d}": orgs[0].model_copy(update={"id": f"o-{i:05d}", "role": "partner"})
            for i in range(2 * size + 10)}
    big = catalog.replace(organisations={**catalog.organisations, **many})
    last = f"o-{2 * size + 9:05d}"
    edited = _edited(big, "organisations", last, summary=orgs[0].summary.model_copy(
        update={"pl": "Inaczej."}))
    parts = {key for key in changes.changes(big, edited) if key[0] == "listing"}
    assert parts == set()  # the same entries on every page
    first = next(iter(big.organisations.values()))
    moved = _edited(big, "organisations", first.id,
                    role="partner" if first.role != "partner" else "good_practice")
    assert not changes.structural(big, moved)  # the same pages, other entries on them
    assert ("listing", "organisations", 1) in changes.changes(big, moved)


def test_the_events_index_changes_on_the_pages_an_event_moves_between(catalog):
    import datetime as dt

    from pomost.domain.timeline import build_date

    size = PAGED["events"]
    model = next(e for e in catalog.events.values() if not e.part_of)
    start = build_date() - dt.timedelta(days=10 * size)
    many = {f"e-{i:05d}": model.model_copy(update={
        "id": f"e-{i:05d}", "date": start + dt.timedelta(days=i), "part_of": None})
        for i in range(2 * size + 10)}
    big = catalog.replace(events={**catalog.events, **many})
    newest = big.events["e-00000"].model_copy(update={"date": build_date() - dt.timedelta(days=1)})
    moved = catalog.replace(events={**big.events, "e-00000": newest})  # to the top of "past"
    assert not changes.structural(big, moved)
    parts = {key[2] for key in changes.changes(big, moved) if key[:2] == ("listing", "events")}
    assert parts == {1, 2, 3}  # every entry before its old place moves one down
    added = catalog.replace(events={**big.events, **{f"e-9{i:04d}": many["e-00001"].model_copy(
        update={"id": f"e-9{i:04d}"}) for i in range(size)}})
    assert changes.structural(big, added)  # one more page of the index


def test_site_links_are_what_posixpath_gives():
    paths = ["", "be/", "organizacje/", "organizacje/x/", "be/organizacje/x/",
             "organizacje/strona/2/", "instrumenty/tabela.csv", "be/wydarzenia/kalendarz.ics"]
    for target in paths:
        for page in (p for p in paths if p == "" or p.endswith("/")):
            for is_file in (False, True):
                assert relative(target, page, is_file=is_file) == \
                    _relative_by_posixpath(target, page, is_file=is_file), (target, page)


def test_the_pool_shares_the_work_and_reports_a_failure(tmp_path):
    def write(item):
        (tmp_path / str(item)).write_text(str(os.getpid()))

    pool = Pool(list(range(500)), write, children=2)
    pool.start()
    pool.finish()
    assert len(list(tmp_path.iterdir())) == 500

    def fail(item):
        if item == 321:
            raise ValueError("page 321 cannot be written")

    pool = Pool(list(range(500)), fail, children=2)
    pool.start()
    with pytest.raises(WorkerError, match="page 321 cannot be written"):
        pool.finish()
