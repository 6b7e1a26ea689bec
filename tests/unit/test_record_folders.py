"""One file per record (data/<attr>/<id>.yml) beside one list per kind, and `pomost migrate`.

The folder layout must give the very records the list gave, and every message must keep
pointing at the line to fix: each broken fixture is migrated and must give the same messages,
now naming the record's own file, at a line and column showing the same text.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pomost.records import layout
from pomost.records.catalog import DataError, load_catalog
from pomost.records.kinds import KINDS, kind, lists
from pomost.records.migrate import MigrationError, migrate, migrate_kind

from invalid_data import EXPECTED, FIXTURES, data_with
from support import ROOT


def migrated(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    assert [moved.kind for moved in migrate(data)] == [k for k in lists()
                                                        if (ROOT / "data" / k.file).exists()]
    return data


def problems_of(data: Path) -> list:
    with pytest.raises(DataError) as caught:
        load_catalog(data)
    return caught.value.problems


def test_the_folders_hold_the_same_records_as_the_lists(tmp_path):
    data = migrated(tmp_path)
    before, after = load_catalog(ROOT / "data"), load_catalog(data)
    assert after.records == before.records
    assert after.drafts == before.drafts
    for k in lists():
        assert not (data / k.file).exists()
        files = sorted(p.name for p in (data / k.attr).glob("*.yml"))
        assert files == sorted(f"{rid}.yml" for rid in before.of(k.name))
        for rid in before.of(k.name):
            file, line, _col = after.place(k.name, rid)
            assert file == f"data/{k.attr}/{rid}.yml"
            text = (data / k.attr / f"{rid}.yml").read_text("utf-8").splitlines()
            assert text[line - 1].startswith("id: ")


def test_migration_keeps_comments_and_the_files_heading(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    listed = (data / "people.yml").read_text("utf-8")
    heading = [line for line in listed.splitlines()
               if line.startswith("#") and "yaml-language-server" not in line]
    comments = [line.strip() for line in listed.splitlines()
                if line.startswith("  ") and line.strip().startswith("#")]
    (data / "people.yml").write_text(listed.replace(
        "\n- id:", "\n# the next person\n- id:", 1).replace("  name:", "  name:  # as written", 1),
        "utf-8")
    migrate_kind(data, kind("person"))
    texts = "\n".join(p.read_text("utf-8") for p in sorted((data / "people").glob("*.yml")))
    assert "# the next person\nid:" in texts
    assert "name:  # as written" in texts
    for comment in comments:
        assert comment in texts
    readme = (data / "people" / "README.md").read_text("utf-8")
    assert readme.splitlines() == [line.lstrip("#").strip() for line in heading]


def test_migrating_twice_changes_nothing(tmp_path):
    data = migrated(tmp_path)
    before = {p: p.read_bytes() for p in layout.all_files(data)}
    assert migrate(data) == []
    assert {p: p.read_bytes() for p in layout.all_files(data)} == before


def test_a_kind_in_both_layouts_is_refused_and_never_overwritten(tmp_path):
    data = migrated(tmp_path)
    shutil.copyfile(ROOT / "data" / "people.yml", data / "people.yml")
    files = {p: p.read_bytes() for p in (data / "people").iterdir()}
    expected = ("data/people.yml:1:1: the records of this kind are both in data/people.yml and "
                "in the folder data/people/ — keep one of them: move the records of the file "
                "into the folder (pomost migrate does it when the folder is not there yet) or "
                "remove the folder")
    assert [str(p) for p in problems_of(data)] == [expected]
    with pytest.raises(MigrationError) as caught:
        migrate(data)
    assert [str(p) for p in caught.value.problems] == [expected]
    assert {p: p.read_bytes() for p in (data / "people").iterdir()} == files


def test_a_record_id_used_in_two_files_is_named_with_both(tmp_path):
    data = migrated(tmp_path)
    first = sorted((data / "organisations").glob("*.yml"))[0]
    shutil.copyfile(first, data / "organisations" / "zz-copy.yml")
    rid = first.stem
    assert [str(p) for p in problems_of(data)] == [
        f"data/organisations/zz-copy.yml:1:5: the id '{rid}' is used twice (also in "
        f"data/organisations/{first.name}) — every record needs its own id"]


def test_a_rule_across_files_names_the_records_file(tmp_path):
    data = migrated(tmp_path)
    catalog = load_catalog(data)
    event, record = next((rid, e) for rid, e in catalog.events.items() if e.organisations)
    gone = record.organisations[0]
    (data / "organisations" / f"{gone}.yml").unlink()
    path = data / "events" / f"{event}.yml"
    lines = path.read_text("utf-8").splitlines()
    problems = [p for p in problems_of(data) if p.file == f"data/events/{event}.yml"]
    assert problems, "removing an organisation an event names must be an error in the event"
    for problem in problems:
        assert gone in lines[problem.line - 1][problem.column - 1:]


def _mistakes() -> list[str]:
    return sorted(case for case in EXPECTED
                  if kind_of(next(FIXTURES.glob(f"{case}.*.yml"))).many)


def kind_of(fixture: Path):
    return next(k for k in KINDS if k.file == f"{fixture.name.split('.')[-2]}.yml")


@pytest.mark.parametrize("case", _mistakes())
def test_each_mistake_has_the_same_message_in_a_record_file(tmp_path, case, monkeypatch):
    monkeypatch.setenv("POMOST_LANG", "en")
    fixture = next(FIXTURES.glob(f"{case}.*.yml"))
    the_kind = kind_of(fixture)
    data = data_with(tmp_path, fixture)
    listed = [p for p in problems_of(data) if p.file == f"data/{the_kind.file}"]
    old_lines = (data / the_kind.file).read_text("utf-8", errors="replace").splitlines()
    try:
        migrate_kind(data, the_kind)
    except MigrationError as err:
        # Broken YAML or ids that cannot name a file: refused, in one line each, and the
        # list file is left as it was.
        assert err.problems and all(str(p).startswith(f"data/{the_kind.file}:")
                                    for p in err.problems)
        assert (data / the_kind.file).is_file() and not (data / the_kind.attr).exists()
        return
    folder = [p for p in problems_of(data) if p.file.startswith(f"data/{the_kind.attr}/")]
    assert len(folder) == len(listed)
    for old, new in zip(listed, folder, strict=True):
        if "is used twice" in old.message:
            assert new.message.startswith(old.message.split(" (also")[0])
        else:
            assert new.message == old.message
        new_lines = (data / new.file.removeprefix("data/")).read_text("utf-8").splitlines()
        assert new_lines[new.line - 1][new.column - 1:] == old_lines[old.line - 1][old.column - 1:]


def test_pomost_migrate_says_what_it_moved(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    env = {"PYTHONPATH": str(ROOT / "hooks"), "POMOST_LANG": "en"}
    first = subprocess.run([sys.executable, "-m", "pomost", "migrate"], cwd=tmp_path,
                           capture_output=True, text=True, env=env)
    catalog = load_catalog(ROOT / "data")
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [
        f"data/{k.file} → data/{k.attr}/: {len(catalog.of(k.name))} record"
        f"{'' if len(catalog.of(k.name)) == 1 else 's'}, one file each" for k in lists()]
    again = subprocess.run([sys.executable, "-m", "pomost", "migrate"], cwd=tmp_path,
                           capture_output=True, text=True, env=env)
    assert again.stdout == "Every kind already has a file per record: nothing to migrate.\n"


def test_pomost_new_never_makes_a_list_beside_a_folder(tmp_path):
    data = migrated(tmp_path)
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    result = subprocess.run([sys.executable, "-m", "pomost", "new", "person", "--append"],
                            cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "hooks"), "POMOST_LANG": "en"})
    assert result.returncode == 1
    assert result.stderr == ("the records of this kind are kept one file each in data/people/: "
                             "create the new one in the form editor (pomost edit), or save the "
                             "record above as data/people/<id>.yml\n")
    assert not (data / "people.yml").exists()


def test_pomost_edit_asks_for_the_migration_first(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    result = subprocess.run([sys.executable, "-m", "pomost", "edit"], cwd=tmp_path,
                            capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "hooks"), "POMOST_LANG": "pl"})
    files = ", ".join(f"data/{k.file}" for k in lists())
    assert result.returncode == 1
    assert result.stderr == (
        f"Edytor formularzy trzyma każdy wpis w osobnym pliku, a {files} nadal zawierają "
        "listy wpisów: uruchom raz pomost migrate (przeniesie każdy wpis do osobnego pliku, "
        "razem z komentarzami), a potem znowu pomost edit.\n")
