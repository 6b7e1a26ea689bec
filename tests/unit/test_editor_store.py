"""The editor's API (Decap's proxy protocol) writes only record files of data/, only records
the check accepts, and never removes a record another links to."""

from __future__ import annotations

import base64
import hashlib
import io
import shutil
import tarfile
from pathlib import Path

import pytest

from pomost.editor import assets, store
from pomost.editor.records import cleaned, record_text
from pomost.records.catalog import DataError, load_catalog
from pomost.records.kinds import KINDS, kind, lists
from pomost.records.migrate import migrate

from support import ROOT


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    migrate(tmp_path / "data")
    return tmp_path


def ask(project: Path, action: str, **params) -> tuple[int, object]:
    return store.answer(store.Store(project), {"action": action, "params": params})


@pytest.mark.parametrize("path", [
    "data/../mkdocs.yml", "/etc/passwd", "data/organisations/../../mkdocs.yml",
    "data\\organisations\\oecd.yml", "data/organisations/Zła nazwa.yml",
    "data/organisations/oecd.yml.bak", "docs/index.md", "data/organisations.yml",
    "data/schemas/people.schema.json", "data/organisations/sub/oecd.yml", "", None, 7,
    "data/site.yml/x", "data/organisations/.hidden.yml",
])
def test_only_record_files_of_data_can_be_read_or_written(project, path):
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    for action, params in (("getEntry", {"path": path}),
                           ("persistEntry", {"dataFiles": [{"path": path, "raw": "id: x\n"}],
                                             "assets": []}),
                           ("deleteFiles", {"paths": [path]})):
        status, answer = ask(project, action, **params)
        assert status == 400, (action, answer)
        assert answer == {"error": f"not a record file of data/: {path}"}
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_a_link_out_of_data_is_not_followed(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.yml"
    outside.write_text("id: secret\n", "utf-8")
    (project / "data" / "people" / "secret.yml").symlink_to(outside)
    status, answer = ask(project, "getEntry", path="data/people/secret.yml")
    assert status == 400
    assert outside.read_text("utf-8") == "id: secret\n"


def test_the_editor_lists_a_kinds_records_as_the_files_hold_them(project):
    for k in lists():
        status, entries = ask(project, "entriesByFolder", folder=f"data/{k.attr}",
                              extension="yml", depth=1)
        assert status == 200
        files = sorted((project / "data" / k.attr).glob("*.yml"))
        assert [e["file"]["path"] for e in entries] == [f"data/{k.attr}/{p.name}" for p in files]
        assert [e["data"] for e in entries] == [p.read_text("utf-8") for p in files]


def test_a_kind_still_in_a_list_asks_for_the_migration(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    status, answer = ask(tmp_path, "entriesByFolder", folder="data/people")
    assert status == 409
    assert answer == {"error": "the records of data/people.yml are still in one list: run "
                               "pomost migrate once, then open the editor again"}


def test_a_saved_record_is_what_the_check_reads(project):
    raw = ("id: nowa-spoldzielnia\nrole: good_practice\nname:\n  pl: Nowa Spółdzielnia\n"
           "  be: Новы кааператыў\nshort_name:\n  pl: ''\n  be: ''\nsummary:\n  pl: Jedno zdanie.\n"
           "  be: Адзін сказ.\nwhat_it_does:\n  pl: \"Akapit.\\n\\nDrugi: tak\"\n"
           "  be: Абзац.\ninstruments:\n  - doradztwo\nwebsite: ''\ndraft: false\n")
    status, answer = ask(project, "persistEntry", assets=[], dataFiles=[
        {"path": "data/organisations/nowa-spoldzielnia.yml", "raw": raw, "slug": "x"}])
    assert (status, answer) == (200, {"message": "entry persisted"})
    record = load_catalog(project / "data").organisations["nowa-spoldzielnia"]
    assert record.short_name is None and record.website is None and not record.draft
    assert record.what_it_does.pl == "Akapit.\n\nDrugi: tak"
    assert record.instruments == ["doradztwo"]
    text = (project / "data" / "organisations" / "nowa-spoldzielnia.yml").read_text("utf-8")
    assert "''" not in text and "draft" not in text


def test_a_record_the_check_refuses_is_not_written_and_the_editor_hears_why(project):
    raw = "id: bez-tlumaczenia\nrole: partner\nname:\n  pl: Bez tłumaczenia\n"
    path = project / "data" / "organisations" / "bez-tlumaczenia.yml"
    status, answer = ask(project, "persistEntry", assets=[],
                         dataFiles=[{"path": "data/organisations/bez-tlumaczenia.yml",
                                     "raw": raw}])
    assert status == 422
    assert not path.exists()
    path.write_text(raw, "utf-8")  # what the check says of the same record
    with pytest.raises(DataError) as caught:
        load_catalog(project / "data")
    assert answer == {"error": "\n".join(p.message for p in caught.value.problems)}


def test_an_id_other_than_the_file_name_is_refused(project):
    text = (project / "data" / "people" / "dariusz-stefaniuk.yml").read_text("utf-8")
    status, answer = ask(project, "persistEntry", assets=[], dataFiles=[
        {"path": "data/people/dariusz-stefaniuk.yml",
         "raw": text.replace("id: dariusz-stefaniuk", "id: dariusz-s")}])
    assert status == 422
    assert "dariusz-s" in answer["error"]
    assert (project / "data" / "people" / "dariusz-stefaniuk.yml").read_text("utf-8") == text


def _ids(value) -> list:
    """A link field's ids: one, several or none."""
    return value if isinstance(value, list) else [value] if value else []


def test_a_record_others_link_to_cannot_be_removed(project):
    catalog = load_catalog(project / "data")
    used = {org for event in catalog.events.values() for org in event.organisations}
    org = sorted(used)[0]
    status, answer = ask(project, "deleteFiles", paths=[f"data/organisations/{org}.yml"])
    assert status == 422
    # every record of every kind whose link fields (the registry's) name the organisation
    users = [f"{source.said} '{rid}' ({name})" for source in KINDS
             for name, target in source.links.items() if target == "organisation"
             for rid, record in sorted(catalog.of(source.name).items())
             if org in _ids(getattr(record, name))]
    assert any(u.startswith("event ") for u in users)
    assert answer == {"error": f"organisation '{org}' cannot be removed: {', '.join(users)} "
                               "link to it — remove those links first, then remove the record"}
    assert (project / "data" / "organisations" / f"{org}.yml").is_file()


def test_a_record_nothing_links_to_is_removed(project):
    catalog = load_catalog(project / "data")
    linked = {ref for k in lists() for record in catalog.of(k.name).values()
              for field in k.links for ref in (
                  getattr(record, field) if isinstance(getattr(record, field), list)
                  else [getattr(record, field)])}
    the_kind, lone = next((k, rid) for k in lists() for rid in catalog.of(k.name)
                          if rid not in linked)
    assert ask(project, "deleteFiles", paths=[f"data/{the_kind.attr}/{lone}.yml"])[0] == 200
    assert lone not in load_catalog(project / "data").of(the_kind.name)


def test_empty_values_a_form_leaves_are_dropped():
    assert cleaned({"a": "", "b": {"pl": "", "be": ""}, "c": [], "d": [{"x": None}],
                    "e": " tekst ", "f": 0, "g": False, "h": "raz\r\ndwa\n"}) == {
        "e": "tekst", "f": 0, "g": False, "h": "raz\ndwa"}


def test_dates_from_the_date_picker_stay_dates():
    text, problems = record_text(kind("news"), "id: x\ntitle: {pl: A, be: Б}\n"
                                 "summary: {pl: A, be: Б}\ndate: 2019-09-24\n", "data/news/x.yml")
    assert "date: 2019-09-24\n" in text


def tarball(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return out.getvalue()


def integrity(blob: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(blob).digest()).decode()


def test_the_editors_code_is_taken_only_with_the_locks_integrity(tmp_path):
    blob = tarball({"package/dist/decap-cms.js": b"ok"})
    assets.verify(blob, integrity(blob))
    with pytest.raises(assets.AssetError):
        assets.verify(blob + b"x", integrity(blob))


def test_unpacking_keeps_only_the_bundle(tmp_path):
    blob = tarball({"package/dist/decap-cms.js": b"ok", "package/dist/1.decap-cms.js": b"1",
                    "package/dist/../../evil.js": b"no", "package/src/index.js": b"no",
                    "/etc/evil": b"no", "package/dist/decap-cms.js.map": b"no"})
    target = tmp_path / "dist"
    assets.unpack(blob, target)
    assert sorted(p.name for p in target.rglob("*")) == ["1.decap-cms.js", "decap-cms.js"]
    assert not (tmp_path / "evil.js").exists()


def test_the_pin_is_the_locks():
    pin = assets.pin(ROOT)
    import json
    manifest = json.loads((ROOT / "editor" / "package.json").read_text("utf-8"))
    assert manifest["dependencies"] == {"decap-cms": pin.version}
    assert pin.integrity.startswith("sha512-")
    assert pin.resolved == (f"https://registry.npmjs.org/decap-cms/-/decap-cms-{pin.version}.tgz")


def test_the_settings_file_is_saved_and_checked_like_the_others(project):
    path = project / "data" / "site.yml"
    text = path.read_text("utf-8")
    status, _answer = ask(project, "persistEntry", assets=[],
                          dataFiles=[{"path": "data/site.yml", "raw": text}])
    assert status == 200
    before = load_catalog(ROOT / "data").settings
    assert load_catalog(project / "data").settings == before
    damaged = text.replace(before.name.be, "???", 1)
    status, answer = ask(project, "persistEntry", assets=[],
                         dataFiles=[{"path": "data/site.yml", "raw": damaged}])
    assert status == 422 and answer["error"].startswith("name.be ")
    assert load_catalog(project / "data").settings == before
