"""Where a kind's records are kept in data/: one list file, or a folder of one file per record.

Each kind of ``KINDS`` with many records may be kept either way, chosen per kind by what is in
data/:

* ``data/<file>`` (``data/organisations.yml``): a YAML list, one ``- id: …`` per record —
  what staff typed by hand before the form editor;
* ``data/<attr>/`` (``data/organisations/``): a folder with one ``<id>.yml`` per record, each
  the record's fields alone — what git-based editors (``pomost edit``) read and write: a change
  is one small file, and two people editing two records never touch the same file.

Both at once is refused (which one would count?). A folder is read into one ``RecordsDocument``
that looks like the list file would (``value`` is the list of records) but knows, for every
place in it, which file and line it came from, so every message keeps its ``file:line:column``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pomost.l10n import _
from pomost.records.kinds import KINDS, Kind
from pomost.records.yamlsource import Document, Path_, Problem, YamlError, data_files, load

Layout = Literal["list", "folder", "both", "none"]


def list_file(data_dir: Path, kind: Kind) -> Path:
    return data_dir / kind.file


def folder(data_dir: Path, kind: Kind) -> Path:
    """The folder of one file per record (only for kinds with many records)."""
    return data_dir / kind.attr


def folder_name(kind: Kind) -> str:
    """How messages name the folder: ``data/organisations/``."""
    return f"data/{kind.attr}/"


def member_name(kind: Kind, path: Path) -> str:
    """How messages name a record's file in the folder: ``data/organisations/x.yml``."""
    return f"{folder_name(kind)}{path.name}"


def layout(data_dir: Path, kind: Kind) -> Layout:
    """How ``kind`` is kept in ``data_dir``."""
    as_list = list_file(data_dir, kind).exists() or list_file(data_dir, kind).is_symlink()
    as_folder = kind.many and folder(data_dir, kind).is_dir()
    if as_list and as_folder:
        return "both"
    return "folder" if as_folder else ("list" if as_list else "none")


def record_path(data_dir: Path, kind: Kind, rid: str) -> Path:
    """The file of the record ``rid`` in the folder layout."""
    return folder(data_dir, kind) / f"{rid}.yml"


def all_files(data_dir: Path) -> list[Path]:
    """Every data file: the files of data/ and those in each kind's folder (editors' lock and
    backup files left out)."""
    found = data_files(data_dir)
    for kind in KINDS:
        if kind.many and folder(data_dir, kind).is_dir():
            found.extend(data_files(folder(data_dir, kind)))
    return found


@dataclass
class RecordsDocument(Document):
    """A folder of one-record files, read as one list: ``value[i]`` is the record of
    ``members[i]``; a path ``(i, …)`` is looked up in that file."""

    members: list[Document] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        if not path or not isinstance(path[0], int) or not 0 <= path[0] < len(self.members):
            return (1, 1)
        return self.members[path[0]].where(path[1:], key=key)

    def file_at(self, path: Path_) -> str:
        if path and isinstance(path[0], int) and 0 <= path[0] < len(self.members):
            return self.members[path[0]].file
        return self.file


def both_problem(kind: Kind) -> Problem:
    return Problem(f"data/{kind.file}", 1, 1, _(
        "the records of this kind are both in data/{file} and in the folder {folder} — keep "
        "one of them: move the records of the file into the folder (pomost migrate does it "
        "when the folder is not there yet) or remove the folder").format(
        file=kind.file, folder=folder_name(kind)))


def load_folder(data_dir: Path, kind: Kind) -> RecordsDocument:
    """Every record file of ``kind``'s folder, in the order of their names; raises YamlError
    with the problems of all of them."""
    problems: list[Problem] = []
    members: list[Document] = []
    paths: list[Path] = []
    for path in data_files(folder(data_dir, kind)):
        name = member_name(kind, path)
        try:
            members.append(load(path, name))
            paths.append(path)
        except YamlError as err:
            problems.extend(err.problems)
    if problems:
        raise YamlError(problems)
    return RecordsDocument(folder_name(kind), [doc.value for doc in members], {}, {},
                           members=members, paths=paths)
