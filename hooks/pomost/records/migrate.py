"""`pomost migrate`: from one list file per kind to one file per record (records/layout.py).

The text of each record is cut out of the list file as it was typed — comments, quotes,
folded lines and all — and moved two spaces to the left, so nothing is retyped and nothing
is lost: comments between records go with the record after them, the comments at the top of
the file (what the file is for) go into ``data/<attr>/README.md``. Each new file is read back
and must give exactly the record the list gave, or nothing is changed.

The new folder is written beside data/ under a hidden name and renamed into place at the
end, and only then is the list file removed: an interrupted migration leaves the list file as
it was. A kind already kept in a folder is left alone (running it twice changes nothing); an
existing folder is never written into.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from pomost.l10n import _
from pomost.records import layout, yamlsource
from pomost.records.kinds import Kind, lists
from pomost.records.models import ID_PATTERN
from pomost.records.yamlsource import Problem

#: the editors' hint naming the list file's schema, which does not fit a single record
_SCHEMA_HINT = re.compile(r"^#\s*yaml-language-server:")


class MigrationError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class Moved:
    kind: Kind
    count: int


def split(text: str, doc: yamlsource.Document, kind: Kind) -> tuple[str, dict[str, str]]:
    """The list file's heading comments and the text of each record, by id, dedented."""
    name = f"data/{kind.file}"
    if not isinstance(doc.value, list):
        raise MigrationError([Problem(name, *doc.where(()), _(
            "the file must be a list of records, each starting with '- id:'"))])
    lines = text.splitlines()
    starts = [doc.where((index,))[0] - 1 for index in range(len(doc.value))]
    # The comment lines just above a record (no blank line between) belong to it; other
    # comments stay with the record before them, or above the first one, with the file.
    firsts = []
    for start in starts:
        first = start
        while first > 0 and lines[first - 1].lstrip().startswith("#"):
            first -= 1
        firsts.append(first)
    head = lines[:firsts[0]] if firsts else lines
    records: dict[str, str] = {}
    problems: list[Problem] = []
    for index, raw in enumerate(doc.value):
        rid = raw.get("id") if isinstance(raw, dict) else None
        line, col = doc.where((index,))
        if not isinstance(rid, str) or not re.fullmatch(ID_PATTERN, rid) or rid in records:
            problems.append(Problem(name, line, col, _(
                "record #{number} has no id that can name its file, or one used twice — run "
                "pomost check, fix what it says, then migrate").format(number=index + 1)))
            continue
        end = firsts[index + 1] if index + 1 < len(firsts) else len(lines)
        body = lines[firsts[index]:end]
        records[rid] = _dedented(body, starts[index] - firsts[index], col - 1)
    if problems:
        raise MigrationError(problems)
    header = [line for line in head if not _SCHEMA_HINT.match(line)]
    return "\n".join(header).strip(), records


def _dedented(body: list[str], at: int, indent: int) -> str:
    """The record's lines with its '- ' and its indentation taken away."""
    out = []
    for number, line in enumerate(body):
        if number == at:
            line = line[:indent - 2] + "  " + line[indent:] if indent >= 2 else line
        lead = len(line) - len(line.lstrip(" "))
        out.append(line[min(lead, indent):])
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out) + "\n"


def migrate_kind(data_dir: Path, kind: Kind) -> Moved | None:
    """Move ``kind``'s list file into a folder of one file per record; None when there is
    nothing to move (already a folder, or no file)."""
    kept = layout.layout(data_dir, kind)
    if kept in ("folder", "none"):
        return None
    if kept == "both":
        raise MigrationError([layout.both_problem(kind)])
    source = layout.list_file(data_dir, kind)
    name = f"data/{kind.file}"
    try:
        doc = yamlsource.load(source, name)
    except yamlsource.YamlError as err:
        raise MigrationError(err.problems) from None
    text = source.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    header, records = split(text, doc, kind)
    target = layout.folder(data_dir, kind)
    work = data_dir / f".{kind.attr}.migrating"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        for rid, body in records.items():
            (work / f"{rid}.yml").write_text(body, encoding="utf-8", newline="\n")
        if header:
            (work / "README.md").write_text(
                "\n".join(line.lstrip("#").strip() for line in header.splitlines()).strip()
                + "\n", encoding="utf-8", newline="\n")
        _same(work, kind, doc)
        work.rename(target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    source.unlink()
    return Moved(kind, len(records))


def _same(work: Path, kind: Kind, doc: yamlsource.Document) -> None:
    """Every new file gives the record the list gave, or MigrationError."""
    for index, raw in enumerate(doc.value):
        path = work / f"{raw['id']}.yml"
        try:
            value = yamlsource.load(path, path.name).value
        except yamlsource.YamlError:
            value = None
        if value != raw:
            raise MigrationError([Problem(f"data/{kind.file}", *doc.where((index,)), _(
                "this record cannot be moved into a file of its own without changing it — "
                "nothing was migrated; move it by hand"))])


def migrate(data_dir: Path) -> list[Moved]:
    """Every kind of ``data_dir`` kept in a list file, moved into its folder."""
    return [moved for kind in lists() if (moved := migrate_kind(data_dir, kind))]
