"""Read one YAML file the way staff write it, keeping the line of every value.

PyYAML alone loses what an editor needs to hear about: it keeps the last of two
equal keys without a word, and its messages name no field. Here the file is
composed into nodes and rebuilt by hand so that every value keeps its position
and every duplicate key is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

#: A path into the parsed document: keys and list indexes, e.g. (3, "name", "be").
Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, printed as ``file:line:col: message``."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass
class Document:
    """A parsed YAML file: the value, and where each part of it stands."""

    file: str
    value: Any
    #: path -> (line, column) of the value at that path, 1-based
    positions: dict[Path_, tuple[int, int]]
    #: path -> (line, column) of the key that names the value at that path
    key_positions: dict[Path_, tuple[int, int]]

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that exists."""
        table = self.key_positions if key else self.positions
        for cut in range(len(path), -1, -1):
            if path[:cut] in table:
                return table[path[:cut]]
            if key and path[:cut] in self.positions:
                return self.positions[path[:cut]]
        return (1, 1)


class YamlError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a BOM from Windows Notepad is harmless
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        guess = _guess_encoding(raw)
        raise YamlError([Problem(
            name, line, column,
            f"the file is not saved as UTF-8 (it looks like {guess}) — "
            "open it and save it again with the encoding UTF-8",
        )]) from None


def _guess_encoding(raw: bytes) -> str:
    # Bytes typical of Polish letters in the two legacy code pages staff meet.
    cp1250 = set(b"\xb9\xe6\xea\xb3\xf1\xf3\x9c\x9f\xbf\xa5\xc6\xca\xa3\xd1\xd3\x8c\x8f\xaf")
    latin2 = set(b"\xb1\xe6\xea\xb3\xf1\xf3\xb6\xbc\xbf\xa1\xc6\xca\xa3\xd1\xd3\xa6\xac\xaf")
    high = [b for b in raw if b >= 0x80]
    if not high:
        return "an unknown encoding"
    if sum(b in cp1250 for b in high) >= sum(b in latin2 for b in high):
        return "Windows-1250"
    return "ISO-8859-2"


def _tabs(text: str, name: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(Problem(
                name, number, indent.index("\t") + 1,
                "a tab is used for indentation — indent with spaces only",
            ))
    return problems


#: libyaml's parser when PyYAML has it: about ten times faster on a large catalogue (same
#: nodes, marks and safe constructors as the pure-Python one)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, loader: yaml.SafeLoader, name: str):
        self.loader, self.name = loader, name
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.key_positions: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.positions[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.scalar(key_node)
                if key in result:
                    line, col = _mark(key_node)
                    first = self.key_positions[path + (key,)][0]
                    self.problems.append(Problem(
                        self.name, line, col,
                        f"the key '{key}' appears twice in the same place (first on line "
                        f"{first}) — only one is kept, so remove or rename one of them",
                    ))
                    continue
                self.key_positions[path + (key,)] = _mark(key_node)
                result[key] = self.build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError):
            # Left for the record's validation, which knows the record and field.
            return Unreadable(getattr(node, "value", ""), node.tag)


@dataclass(frozen=True)
class Unreadable:
    """A value YAML recognised but could not build, like the date 2019-09-31."""

    text: str
    tag: str

    def __str__(self) -> str:
        return self.text

    @property
    def is_date(self) -> bool:
        return self.tag.endswith(":timestamp")


def _compose(loader_type, text: str):
    loader = loader_type(text)
    try:
        return loader, loader.get_single_node()
    finally:
        loader.dispose()


def load(path: Path, name: str) -> Document:
    """Parse ``path``; ``name`` is how messages call the file (e.g. data/events.yml)."""
    text = _decode(path.read_bytes(), name)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise YamlError([Problem(name, 1, 1, "the file is empty — it must hold its records")])
    problems = _tabs(text, name)
    if problems:
        raise YamlError(problems)
    try:
        loader, root = _compose(_Loader, text)
    except yaml.MarkedYAMLError:
        # libyaml words its errors differently; the pure-Python parser says what we document.
        try:
            loader, root = _compose(yaml.SafeLoader, text)
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            raise YamlError([Problem(
                name, line, col,
                f"the YAML is broken here: {err.problem or err.context} "
                "(check indentation, colons and quotes around this line)",
            )]) from None
    builder = _Builder(loader, name)
    value = builder.build(root, ())
    if builder.problems:
        raise YamlError(builder.problems)
    return Document(name, value, builder.positions, builder.key_positions)
