"""Hostile or broken data never reaches a reader, and never hangs or crashes `make check`.

The fixtures (tests/fixtures/invalid/, messages in test_data_validation.EXPECTED) cover what a
file can say; here: what a file can be (a folder, unreadable, too large, a link to nowhere),
what `make check` does with the worst of them in a process of its own, the limits, how plain
scalars are read, and the editors' files beside the data.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pomost.records import yamlsource
from pomost.records.yamlsource import Problem, YamlError, data_files, ignore_editor_files

from invalid_data import EXPECTED, FIXTURES, data_with
from support import ROOT


def load_text(tmp_path: Path, text: str | bytes):
    path = tmp_path / "people.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return yamlsource.load(path, "data/people.yml")


def problems(tmp_path: Path, text: str | bytes) -> list[str]:
    with pytest.raises(YamlError) as caught:
        load_text(tmp_path, text)
    return [str(p) for p in caught.value.problems]


def check(data_parent: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    """`python -m pomost check` on ``data_parent``/data, in its own process."""
    return subprocess.run([sys.executable, "-m", "pomost", "check"], cwd=data_parent,
                          capture_output=True, text=True, timeout=timeout,
                          env={"PYTHONPATH": str(ROOT / "hooks"),
                               "POMOST_LANG": os.environ.get("POMOST_LANG", "")})


# -- `make check` on the worst files ---------------------------------------------------

@pytest.mark.parametrize("case", ["alias-bomb", "recursive-alias", "deep-nesting", "list-as-key",
                                  "bracket-key", "vertical-tab", "nul-byte", "utf16"])
def test_make_check_refuses_hostile_files_quickly_in_one_line_each(tmp_path, case, monkeypatch):
    """Each of these hung (the alias bomb: over a gigabyte and still running after a minute)
    or ended in a traceback before."""
    monkeypatch.setenv("POMOST_LANG", "pl")  # EXPECTED is in Polish
    fixture = next(FIXTURES.glob(f"{case}.*.yml"))
    data_with(tmp_path, fixture)
    result = check(tmp_path, timeout=30)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert EXPECTED[case] in lines
    count = int(lines[-1].split()[0])
    assert all(line.startswith("data/") for line in lines[:count])  # one line per problem


def test_every_problem_of_every_fixture_is_one_line(tmp_path):
    from pomost.records.catalog import DataError, load_catalog
    for fixture in sorted(FIXTURES.glob("*.yml")):
        with pytest.raises(DataError) as caught:
            load_catalog(data_with(tmp_path / fixture.name, fixture))
        for problem in caught.value.problems:
            assert "\n" not in str(problem) and "\r" not in str(problem), fixture.name


def test_a_line_break_quoted_in_a_message_is_shown_not_printed():
    problem = Problem("data/people.yml", 2, 7, "id 'jan\nkowalski\r\nx\ry' \x0b")
    assert str(problem) == "data/people.yml:2:7: id 'jan↵kowalski↵x↵y' <U+000B>"


# -- limits --------------------------------------------------------------------------

def test_the_repeated_parts_of_an_alias_bomb_are_listed_ten_times_then_counted(tmp_path):
    found = problems(tmp_path, (FIXTURES / "alias-bomb.people.yml").read_text("utf-8"))
    assert len(found) == yamlsource.MAX_LISTED + 1
    assert found[-1] == ("data/people.yml:11:48: … and 72 more like this in the file "
                         "(not listed)")


def test_nesting_is_read_up_to_the_limit_and_refused_beyond(tmp_path):
    deepest = "[" * yamlsource.MAX_DEPTH + "]" * yamlsource.MAX_DEPTH
    value = load_text(tmp_path, f"a: {deepest[1:-1]}\n").value["a"]  # the mapping is a level
    for _ in range(yamlsource.MAX_DEPTH - 1):
        assert isinstance(value, list)
        value = value[0] if value else None
    assert problems(tmp_path, f"a: {deepest}\n") == [
        f"data/people.yml:1:{4 + yamlsource.MAX_DEPTH - 1}: lists and groups of fields are nested "
        f"more than {yamlsource.MAX_DEPTH} levels deep here — a record needs only a few; check "
        "the brackets [ ] and { } around this line"]


def test_the_shipped_data_is_far_from_the_limits():
    for path in data_files(ROOT / "data"):
        assert path.stat().st_size < yamlsource.MAX_BYTES / 100, path.name


def test_a_file_too_large_is_not_read(tmp_path):
    path = tmp_path / "people.yml"
    with open(path, "wb") as handle:  # sparse: no disk space used
        handle.truncate(yamlsource.MAX_BYTES + 2**20)
    with pytest.raises(YamlError) as caught:
        yamlsource.load(path, "data/people.yml")
    limit = yamlsource.MAX_BYTES // 2**20
    assert [str(p) for p in caught.value.problems] == [
        f"data/people.yml:1:1: the file is too large ({limit + 1} MB; a data file may have at "
        f"most {limit} MB) — check that it is the right file"]


def test_many_invisible_characters_are_listed_ten_times_then_counted(tmp_path):
    text = "".join(f"- id: x{i}\n  role: {{pl: a\x0bb, be: c}}\n" for i in range(15))
    found = problems(tmp_path, text)
    assert found[0] == ("data/people.yml:2:15: a vertical tab (U+000B) — it comes from pasting "
                        "from Word (Shift+Enter); replace it with a space")
    assert found[10:] == ["data/people.yml:22:15: … and 5 more like this in the file (not listed)"]


# -- what the file is ---------------------------------------------------------------------

def file_problems(path: Path) -> list[str]:
    with pytest.raises(YamlError) as caught:
        yamlsource.load(path, "data/people.yml")
    return [str(p) for p in caught.value.problems]


def test_a_folder_where_the_file_should_be(tmp_path):
    (tmp_path / "people.yml").mkdir()
    assert file_problems(tmp_path / "people.yml") == [
        "data/people.yml:1:1: this is a folder, not a file — move the folder away and put the file "
        "people.yml here"]


def test_a_file_that_cannot_be_read(tmp_path, monkeypatch):
    path = tmp_path / "people.yml"
    path.write_text("- id: x\n", encoding="utf-8")

    def denied(*args, **kwargs):  # what Windows says while Excel holds the file, and chmod 000
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(yamlsource, "open", denied, raising=False)
    assert file_problems(path) == [
        "data/people.yml:1:1: the file cannot be read (permission denied) — close it in any "
        "program that has it open, e.g. Excel, or ask for the right to read it"]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and pipes")
def test_a_link_to_nowhere_and_a_pipe(tmp_path):
    (tmp_path / "people.yml").symlink_to("elsewhere.yml")
    assert file_problems(tmp_path / "people.yml") == [
        "data/people.yml:1:1: the file is a link to 'elsewhere.yml', which does not exist — put "
        "the data file itself here"]
    os.mkfifo(tmp_path / "pipe.yml")  # open() would wait for a writer for ever
    assert file_problems(tmp_path / "pipe.yml") == [
        "data/people.yml:1:1: this is not an ordinary file (a device or a pipe) — put the file "
        "pipe.yml here"]


def test_make_check_tells_a_folder_from_a_missing_file(tmp_path):
    data = shutil.copytree(ROOT / "data", tmp_path / "data")
    (data / "people.yml").unlink()
    (data / "people.yml").mkdir()
    (data / "events.yml").unlink()
    result = check(tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[:2] == [
        "data/people.yml:1:1: this is a folder, not a file — move the folder away and put the file "
        "people.yml here",
        "data/events.yml:1:1: the file is missing"]


def test_a_missing_file(tmp_path):
    assert file_problems(tmp_path / "people.yml") == ["data/people.yml:1:1: the file is missing"]


@pytest.mark.parametrize("raw,encoding", [
    ("- id: jan\n".encode("utf-16-le"), "UTF-16"),       # no BOM
    ("\ufeff- id: jan\n".encode("utf-16-be"), "UTF-16"),
    ("\ufeff- id: jan\n".encode("utf-32-le"), "UTF-32"),
    ("- id: jan\n".encode("utf-32-le"), "UTF-32"),
])
def test_wide_encodings_are_named(tmp_path, raw, encoding):
    assert problems(tmp_path, raw) == [
        f"data/people.yml:1:1: the file is saved as {encoding} (Notepad calls it 'Unicode') — open "
        "it and save it again with the encoding UTF-8"]


# -- plain scalars: YAML 1.2 where YAML 1.1 would change them silently --------------------

@pytest.mark.parametrize("written,value", [
    ("24000", 24000), ("+5", 5), ("-5", -5), ("0", 0), ("1.5", 1.5), ("true", True),
    ("false", False), ("~", None), ("", None),
    ("10:00", "10:00"), ("1:20:30", "1:20:30"),          # base 60 in YAML 1.1
    ("yes", "yes"), ("No", "No"), ("on", "on"), ("off", "off"),  # booleans in YAML 1.1
    ("0o17", "0o17"), ("1e5", "1e5"), ("=", "="), ("<<", "<<"),
    ("'024000'", "024000"), ('"0x10"', "0x10"), ("'.inf'", ".inf"),
])
def test_plain_values_are_read_as_people_read_them(tmp_path, written, value):
    read = load_text(tmp_path, f"a: {written}\n").value["a"]
    assert read == value and type(read) is type(value)


@pytest.mark.parametrize("written,message", [
    ("024000", "024000: a number must not start with 0 — write 24000, or '024000' in quotes if it "
               "is not a number (e.g. a phone number)"),
    ("0815123456", "0815123456: a number must not start with 0 — write 815123456, or "
                   "'0815123456' in quotes if it is not a number (e.g. a phone number)"),
    ("-007", "-007: a number must not start with 0 — write -7, or '-007' in quotes if it is not a "
             "number (e.g. a phone number)"),
    ("0b11", "0b11: a number must be written in ordinary digits, not as a binary number — write 3, "
             "or put it in quotes if it is text"),
    ("1_000.5", "1_000.5: a number must be written without '_' — write 1000.5"),
    (".NaN", ".NaN: YAML reads this as 'not a number', which is not a number that can be used "
             "here — write the number in digits, or put it in quotes if it is text"),
    ("-.inf", "-.inf: YAML reads this as 'minus infinity', which is not a number that can be used "
              "here — write the number in digits, or put it in quotes if it is text"),
])
def test_numbers_yaml_would_misread_are_refused(tmp_path, written, message):
    assert problems(tmp_path, f"a: {written}\n") == [f"data/people.yml:1:4: {message}"]


def test_keys_are_field_names_as_written(tmp_path):
    doc = load_text(tmp_path, "1: a\nyes: b\nnull: c\n2019-01-01: d\n")
    assert list(doc.value) == ["1", "yes", "null", "2019-01-01"]
    assert doc.key_positions[("yes",)] == (2, 1)
    assert problems(tmp_path, "1: a\n'1': b\n") == [
        "data/people.yml:2:1: the key '1' appears twice in the same place (first on line 1) — only "
        "one is kept, so remove or rename one of them"]


def test_positions_are_kept_after_a_refused_key(tmp_path):
    found = problems(tmp_path, "a: 1\n? [x]\n: 2\nb: *x\nc: 0x1\n")
    assert [p.split(": ", 1)[0] for p in found] == ["data/people.yml:2:3", "data/people.yml:4:4",
                                                    "data/people.yml:5:4"]


# -- editors' files beside the data ----------------------------------------------------------

EDITOR_FILES = [".#people.yml", "#people.yml#", "~$people.yml", "people.yml~", ".people.yml.swp",
                "._people.yml", "~WRL0001.tmp"]


def editors_at_work(data: Path) -> None:
    for name in EDITOR_FILES:
        if name == ".#people.yml" and os.name == "posix":
            (data / name).symlink_to("user@host.1234:1700000000")  # Emacs: a link to nowhere
        else:
            (data / name).write_bytes(b"\x00\x01 not yaml")


def test_editors_lock_swap_and_backup_files_are_not_data(tmp_path):
    data = shutil.copytree(ROOT / "data", tmp_path / "data")
    editors_at_work(data)
    if os.name == "posix":
        (data / "broken-link.yml").symlink_to("nowhere.yml")
    assert [p.name for p in data_files(data)] == sorted(p.name for p in (ROOT / "data").glob("*.yml"))
    copied = shutil.copytree(data, tmp_path / "copy", ignore=ignore_editor_files,
                             ignore_dangling_symlinks=True)
    assert not any(yamlsource.is_editor_file(p.name) for p in copied.rglob("*"))
    result = check(tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", ["people.yml", "organisations.yml", "site.yml", "README.md",
                                  "people-2.yml", "schemas"])
def test_ordinary_names_are_not_editor_files(name):
    assert not yamlsource.is_editor_file(name)
