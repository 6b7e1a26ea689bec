"""Read one YAML file the way staff write it, keeping the line of every value.

PyYAML alone loses what an editor needs to hear about: it keeps the last of two
equal keys without a word, and its messages name no field. Here the file's parse
events are turned into values by hand, without recursion, so that every value
keeps its position, every duplicate key is reported, and nothing in a file can
make the check hang or crash:

- the file is read only if it is an ordinary file of at most ``MAX_BYTES``, and
  only as UTF-8 (UTF-16 and the legacy Polish code pages are named and refused);
- invisible control characters (what Word pastes for Shift+Enter, a NUL byte…)
  are named with their line and column instead of PyYAML's crash;
- anchors, aliases (``&x``/``*x``: the "billion laughs" bomb and records that
  contain themselves), merge keys (``<<:``) and tags (``!!binary``) are refused
  in plain words: staff never need them;
- nesting deeper than ``MAX_DEPTH`` stops the reading before anything recurses;
- keys are field names, so a key is always its text (``1:`` is the field '1');
  a list or a group of fields as a key is refused;
- plain scalars are read the way YAML 1.2 reads them where YAML 1.1 (PyYAML)
  would silently change them: ``yes``/``no``/``on``/``off`` and base-60 ``1:20``
  stay text (so ``time: 10:00`` is the text '10:00'), and numbers YAML 1.1 reads
  in another way than people do (``024000`` as octal, ``0x1F``, ``1_000``,
  ``.inf``, ``.nan``) are refused with the number to write instead.

Every message of this module is in ``MESSAGES``.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from pomost.l10n import N_, _

#: A path into the parsed document: keys and list indexes, e.g. (3, "name", "be").
Path_ = tuple[Any, ...]

#: The largest data file read. The real files are a few dozen kB; `make bench`'s 10,000
#: organisations are 25 MB (about 6 s and 450 MB of memory to check), a national catalogue
#: of 100,000 (`make bench-national`, issue 18) 250 MB, which leaves room for longer texts.
#: Beyond this a file is not something staff typed, and reading it could take many minutes
#: and gigabytes.
MAX_BYTES = 384 * 1024 * 1024
#: The deepest nesting of lists and groups of fields read. A record needs five (the list of
#: records, the record, its notes, a note, its text); 20 leaves room and stops a file of
#: thousands of brackets long before anything recurses.
MAX_DEPTH = 20
#: How many problems of one kind (repeated parts, control characters) are listed per file
#: before the rest is summed up in one line.
MAX_LISTED = 10

#: Everything this module tells staff, in one place. ``{…}`` are filled in by ``_say``.
MESSAGES = {
    "missing": N_("the file is missing"),
    "dangling_link": N_("the file is a link to '{target}', which does not exist — put the data "
                     "file itself here"),
    "folder": N_("this is a folder, not a file — move the folder away and put the file "
              "{file_name} here"),
    "not_a_file": N_("this is not an ordinary file (a device or a pipe) — put the file "
                  "{file_name} here"),
    "no_permission": N_("the file cannot be read (permission denied) — close it in any program "
                     "that has it open, e.g. Excel, or ask for the right to read it"),
    "unreadable": N_("the file cannot be read ({reason}) — check that it is an ordinary file you "
                  "may read"),
    "too_large": N_("the file is too large ({size} MB; a data file may have at most {limit} MB) — "
                 "check that it is the right file"),
    "utf16": N_("the file is saved as {encoding} (Notepad calls it 'Unicode') — open it and save "
             "it again with the encoding UTF-8"),
    "not_utf8": N_("the file is not saved as UTF-8 (it looks like {guess}) — open it and save it "
                "again with the encoding UTF-8"),
    "empty": N_("the file is empty — it must hold its records"),
    "control": N_("{name} — {advice}"),
    "control_escaped": N_("the text in quotes has {name}, written with a backslash — remove it"),
    "more": N_("… and {count} more like this in the file (not listed)"),
    "tab": N_("a tab is used for indentation — indent with spaces only"),
    "broken": N_("the YAML is broken here: {problem} (check indentation, colons and quotes "
              "around this line)"),
    "broken_colon": N_("a colon followed by a space inside a text ('{key}: … : …') — put the "
                        "whole text in quotes, or write it on the next lines after '{key}: >-'"),
    "broken_no_colon": N_("this line has no colon — every line of a record is 'name: value'; if "
                          "it continues the text above, indent it like that text"),
    "broken_indent": N_("this line is indented differently from the fields above it — use the "
                        "same number of spaces as the other fields of the record"),
    "broken_quote": N_("a quotation mark opened here is never closed — add the closing "
                       "quotation mark at the end of the text"),
    "broken_braces": N_("inside {{ … }} a text with a comma, a colon or a quotation mark must be "
                        "in quotes, and every quotation mark must be closed — check the quotes "
                        "on this line"),
    "broken_start": N_("a text cannot start with '{char}' — put the whole text in quotes"),
    "broken_list": N_("this line does not fit the list: a record starts with '- ' at the same "
                      "indentation as the records above it"),
    "broken_invisible": N_("after '{key}:' there is {char} instead of an ordinary space, so YAML "
                           "does not see a field here — replace it with a space"),
    "second_document": N_("a second document starts here (a '---' line) — a data file holds one "
                       "list of records; remove the line"),
    "too_deep": N_("lists and groups of fields are nested more than {limit} levels deep here — a "
                "record needs only a few; check the brackets [ ] and {{ }} around this line"),
    "anchor": N_("'&{anchor}' marks a part to repeat elsewhere (a YAML anchor), which is not "
              "supported here — remove '&{anchor}' and write every text out in full"),
    "alias": N_("'*{anchor}' repeats a part marked elsewhere (a YAML alias), which is not "
             "supported here — write the text out in full instead"),
    "merge": N_("'<<:' copies fields from elsewhere (a YAML merge key), which is not supported "
             "here — write the fields out in full"),
    "tag": N_("'{tag}' (a YAML tag) is not supported here — remove it; to keep a value as text, "
           "put it in quotes"),
    "complex_key": N_("a list or a group of fields cannot be a field name — a field name is a "
                   "word followed by a colon, e.g. 'name:'"),
    "duplicate_key": N_("the key '{key}' appears twice in the same place (first on line {first}) "
                     "— only one is kept, so remove or rename one of them"),
    "leading_zero": N_("{text}: a number must not start with 0 — write {number}, or '{text}' in "
                    "quotes if it is not a number (e.g. a phone number)"),
    "number_base": N_("{text}: a number must be written in ordinary digits, not as a "
                   "{base} number — write {number}, or put it in quotes if it is text"),
    "underscore": N_("{text}: a number must be written without '_' — write {number}"),
    "not_a_number": N_("{text}: YAML reads this as '{meaning}', which is not a number that can be "
                    "used here — write the number in digits, or put it in quotes if it is text"),
}

#: Characters that must not be in a data file, by name, with what to do about them.
_CONTROL_NAMES = {
    "\x00": (N_("a NUL character (U+0000)"),
             N_("the file may be damaged; remove the character or retype the text around it")),
    "\x0b": (N_("a vertical tab (U+000B)"),
             N_("it comes from pasting from Word (Shift+Enter); replace it with a space")),
    "\x0c": (N_("a page break (form feed, U+000C)"),
             N_("it comes from pasting from Word; replace it with a space")),
    "\x1b": (N_("an escape character (U+001B)"), N_("remove it")),
    "\x7f": (N_("a delete character (U+007F)"), N_("remove it")),
    "\u2028": (N_("an invisible line break (line separator, U+2028)"),
               N_("it comes from pasted text; replace it with a space")),
    "\u2029": (N_("an invisible paragraph break (paragraph separator, U+2029)"),
               N_("it comes from pasted text; replace it with a space or an empty line")),
}
#: in the file: C0 controls but tab, line feed and carriage return; DEL; C1 controls
#: (PyYAML takes U+0085, U+2028 and U+2029 as line ends, which editors do not, so every later
#: line number would be wrong); U+FFFE and U+FFFF, which are no characters
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
#: in a double-quoted text, written as escapes like "\v": the same, and carriage return
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _say(message: str, **values: Any) -> str:
    """The message ``message`` in the language of messages (pomost/l10n.py), filled in."""
    return _(MESSAGES[message]).format(**values)


def _control_name(char: str) -> tuple[str, str]:
    if char in _CONTROL_NAMES:
        what, advice = _CONTROL_NAMES[char]
        return _(what), _(advice)
    code = f"U+{ord(char):04X}"
    if "\x80" <= char <= "\x9f":
        return (_("an invisible control character ({code})").format(code=code),
                _("it usually stands for a dash or quote lost in copying; retype that character"))
    return (_("an invisible control character ({code})").format(code=code), _("remove it"))


_LINE_BREAKS = re.compile(r"\r\n|\r|\n")
_SHOWN_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` on one line: a line break inside a value is shown as ↵ (as Word shows it)."""
    text = _LINE_BREAKS.sub("↵", text)
    return _SHOWN_CONTROL.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, printed as ``file:line:col: message``, on one line
    whatever the message quotes (an id with a line break in it, say)."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return one_line(f"{self.file}:{self.line}:{self.column}: {self.message}")


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

    def file_at(self, path: Path_) -> str:
        """The file the value at ``path`` is in (a folder of records has one per record)."""
        return self.file


class YamlError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


# ---------------------------------------------------------------------------
# Which files in data/ are data
# ---------------------------------------------------------------------------

def is_editor_file(name: str) -> bool:
    """A lock, swap or backup file an editor keeps beside the file it has open:
    ``.#people.yml`` (Emacs' lock, a link to nowhere), ``#people.yml#`` (Emacs' autosave),
    ``~$people.yml`` and ``~WRL0001.tmp`` (Office), ``people.yml~`` (backups),
    ``.people.yml.swp`` (vim) — and every other hidden file (``.DS_Store``, ``._people.yml``)."""
    return name.startswith((".", "~", "#")) or name.endswith(("~", "#", ".swp", ".swo", ".swx"))


def data_files(folder: Path) -> list[Path]:
    """The ``*.yml`` files of ``folder`` that are data, sorted: no editor's lock, swap or
    backup file, nothing that is not an ordinary file (a link to nowhere is skipped, not an
    error)."""
    return sorted(p for p in folder.glob("*.yml") if not is_editor_file(p.name) and p.is_file())


def ignore_editor_files(folder: str, names: list[str]) -> set[str]:
    """For ``shutil.copytree(…, ignore=ignore_editor_files)``: leaves editors' files behind
    (copying Emacs' lock, a link to nowhere, would fail)."""
    return {name for name in names if is_editor_file(name)}


# ---------------------------------------------------------------------------
# Bytes to text
# ---------------------------------------------------------------------------

def _read(path: Path, name: str) -> bytes:
    def fail(message: str, **values: Any) -> YamlError:
        return YamlError([Problem(name, 1, 1, _say(message, **values))])

    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise fail("dangling_link", target=os.readlink(path)) from None
        raise fail("missing") from None
    except PermissionError:
        raise fail("no_permission") from None
    except OSError as err:
        raise fail("unreadable", reason=err.strerror or type(err).__name__) from None
    if stat.S_ISDIR(info.st_mode):
        raise fail("folder", file_name=path.name)
    if not stat.S_ISREG(info.st_mode):  # a pipe would make open() wait for ever
        raise fail("not_a_file", file_name=path.name)
    if info.st_size > MAX_BYTES:
        raise fail("too_large", size=_megabytes(info.st_size), limit=_megabytes(MAX_BYTES))
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise fail("no_permission") from None
    except OSError as err:
        raise fail("unreadable", reason=err.strerror or type(err).__name__) from None
    if len(raw) > MAX_BYTES:  # it grew since stat()
        raise fail("too_large", size=f"> {_megabytes(MAX_BYTES)}", limit=_megabytes(MAX_BYTES))
    return raw


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f}".removesuffix(".0")


def _wide_encoding(raw: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' if the bytes are text in one of them (with or without a BOM)."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    # Without a BOM: ASCII (keys, spaces, punctuation) in UTF-16 is every other byte 0, in
    # UTF-32 three bytes of four; UTF-8 text has no 0 bytes at all.
    sample = raw[:4096]
    if len(sample) < 8 or sample.count(0) * 4 < len(sample):
        return None
    if all(part.count(0) * 4 >= len(part) * 3 for part in (sample[1::4], sample[2::4])):
        return "UTF-32"
    return "UTF-16"


def _decode(raw: bytes, name: str) -> str:
    wide = _wide_encoding(raw)
    if wide:
        raise YamlError([Problem(name, 1, 1, _say("utf16", encoding=wide))])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a BOM from Windows Notepad is harmless
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise YamlError([Problem(name, line, column,
                                 _say("not_utf8", guess=_guess_encoding(raw)))]) from None


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


class _Listed:
    """Problems of one kind, the first ``MAX_LISTED`` listed and the rest counted."""

    def __init__(self, name: str, problems: list[Problem]):
        self.name, self.problems, self.count = name, problems, 0
        self.first_unlisted: tuple[int, int] | None = None

    def add(self, line: int, column: int, message: str) -> None:
        self.count += 1
        if self.count <= MAX_LISTED:
            self.problems.append(Problem(self.name, line, column, message))
        elif self.first_unlisted is None:
            self.first_unlisted = (line, column)

    def close(self) -> None:
        if self.first_unlisted:
            self.problems.append(Problem(self.name, *self.first_unlisted,
                                         _say("more", count=self.count - MAX_LISTED)))


def _controls(text: str, name: str) -> list[Problem]:
    """The invisible characters in the file, the first of each line."""
    if not _CONTROL.search(text):
        return []
    problems: list[Problem] = []
    listed = _Listed(name, problems)
    for number, line in enumerate(_LINE_BREAKS.split(text), start=1):
        found = _CONTROL.search(line)
        if found:
            what, advice = _control_name(found.group())
            listed.add(number, found.start() + 1, _say("control", name=what, advice=advice))
    listed.close()
    return problems


def _tabs(text: str, name: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(Problem(name, number, indent.index("\t") + 1, _say("tab")))
    return problems


# ---------------------------------------------------------------------------
# Parse events to values
# ---------------------------------------------------------------------------

#: libyaml's parser when PyYAML has it: about ten times faster on a large catalogue (same
#: events, marks and safe constructors as the pure-Python one)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP = (
    f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "timestamp"))
_BOOLEANS = {"true": True, "True": True, "TRUE": True,
             "false": False, "False": False, "FALSE": False}  # YAML 1.2: yes, no, on, off are text
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_LEADING_ZERO, _SIGNS_AND_ZERO = re.compile(r"[-+]?0[0-9_]+"), ("+", "-", "0")
#: what is expected next in a mapping, besides a key's value
_KEY, _SKIP = object(), object()


class _TooDeep(Exception):
    pass


def _mark(event: Event) -> tuple[int, int]:
    mark: Any = event.start_mark  # libyaml's or PyYAML's Mark
    return (mark.line + 1, mark.column + 1)


class _Builder:
    """The value of one document from its parse events, iteratively (no recursion)."""

    def __init__(self, loader: Any, name: str):  # a CSafeLoader or a SafeLoader
        self.loader, self.name = loader, name
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.key_positions: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.repeats = _Listed(name, self.problems)
        self.value: Any = None

    def problem(self, event: Event, message: str, **values: Any) -> None:
        self.problems.append(Problem(self.name, *_mark(event), _say(message, **values)))

    def document(self) -> Any:
        get = self.loader.get_event
        get()  # stream start
        if isinstance(get(), StreamEndEvent):
            return None
        try:
            value = self.tree(get)
        except _TooDeep:
            return None
        get()  # document end
        following = get()
        if isinstance(following, DocumentStartEvent):
            self.problem(following, "second_document")
        self.repeats.close()
        return value

    def tree(self, get: Callable[[], Any]) -> Any:
        #: open lists and mappings: [container, path, next key or _KEY/_SKIP (mappings)]
        stack: list[list[Any]] = []
        while True:
            event = get()
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                done = stack.pop()
                if not stack:
                    return done[0]
                continue
            if stack:
                frame = stack[-1]
                parent = frame[0]
                if isinstance(parent, dict):
                    if frame[2] is _KEY:
                        frame[2] = self.key(event, frame, get)
                        continue
                    if frame[2] is _SKIP:
                        self.skip(event, get)
                        frame[2] = _KEY
                        continue
                    key, frame[2] = frame[2], _KEY
                    path = frame[1] + (key,)
                else:
                    key = None
                    path = frame[1] + (len(parent),)
            else:
                parent = key = None
                path = ()
            self.positions[path] = _mark(event)
            if kind is ScalarEvent:
                value = self.scalar(event)
            elif kind is AliasEvent:
                self.repeats.add(*_mark(event), _say("alias", anchor=event.anchor))
                value = None
            else:
                self.properties(event)
                if len(stack) >= MAX_DEPTH:
                    self.problem(event, "too_deep", limit=MAX_DEPTH)
                    raise _TooDeep
                value = {} if kind is MappingStartEvent else []
                stack.append([value, path, _KEY])
            if parent is None:
                if not stack:
                    return value
            elif key is None:
                parent.append(value)
            else:
                parent[key] = value

    def key(self, event: Event, frame: list[Any], get: Callable[[], Any]) -> Any:
        """The key ``event`` starts: its text, or _SKIP for a key whose value is left out."""
        if isinstance(event, AliasEvent):
            self.repeats.add(*_mark(event), _say("alias", anchor=event.anchor))
            return _SKIP
        if not isinstance(event, ScalarEvent):
            self.problem(event, "complex_key")
            self.skip(event, get)
            return _SKIP
        self.properties(event)
        text = event.value
        if text == "<<" and event.implicit[0] and event.tag is None:
            self.problem(event, "merge")
            return _SKIP
        if event.style == '"':
            self.escaped_controls(event)
        mapping, path = frame[0], frame[1] + (text,)
        if text in mapping:
            self.problem(event, "duplicate_key", key=text, first=self.key_positions[path][0])
            return _SKIP
        self.key_positions[path] = _mark(event)
        return text

    def skip(self, event: Event, get: Callable[[], Any]) -> None:
        """Pass over the node ``event`` starts (a left-out value), however deep."""
        depth = int(isinstance(event, (MappingStartEvent, SequenceStartEvent)))
        while depth:
            kind = type(get())
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                depth += 1
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1

    def properties(self, event: ScalarEvent | CollectionStartEvent) -> None:
        if event.anchor is not None:
            self.repeats.add(*_mark(event), _say("anchor", anchor=event.anchor))
        if event.tag is not None:
            self.problem(event, "tag", tag=_short_tag(event.tag))

    def escaped_controls(self, event: ScalarEvent) -> None:
        found = _CONTROL_IN_TEXT.search(event.value)
        if found:
            self.problem(event, "control_escaped", name=_control_name(found.group())[0])

    def scalar(self, event: ScalarEvent) -> Any:
        self.properties(event)
        if event.tag is not None or not event.implicit[0]:  # quoted, a block, or tagged
            if event.style == '"':
                self.escaped_controls(event)
            return event.value
        return self.plain(event)

    def plain(self, event: ScalarEvent) -> Any:
        text = event.value
        if text[:1] in _SIGNS_AND_ZERO and _LEADING_ZERO.fullmatch(text):
            # YAML 1.1 reads 024000 as the octal 10240 and 09 as text, YAML 1.2 both as
            # decimals; a phone number would lose its 0 either way.
            digits = text.lstrip("+-").replace("_", "")
            self.problem(event, "leading_zero", text=text, number=(
                "-" if text.startswith("-") else "") + (digits.lstrip("0") or "0"))
            return text
        tag = self.loader.resolve(yaml.ScalarNode, text, (True, False))
        if tag == _STR:
            return text
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return _BOOLEANS.get(text, text)
        if tag == _INT:
            return self.integer(event, text)
        if tag == _FLOAT:
            return self.real(event, text)
        if tag == _TIMESTAMP:
            node = yaml.ScalarNode(tag, text)
            try:
                return self.loader.construct_yaml_timestamp(node)
            except ValueError:
                # Left for the record's validation, which knows the record and field.
                return Unreadable(text, tag)
        return text  # '<<' as a value, '=': text, as in YAML 1.2

    def integer(self, event: ScalarEvent, text: str) -> Any:
        if _DECIMAL.fullmatch(text):
            try:
                return int(text)
            except ValueError:  # more digits than Python converts
                return Unreadable(text, _INT)
        if ":" in text:
            return text  # base 60 in YAML 1.1 (10:00 is 600), text in YAML 1.2: times stay times
        sign = "-" if text.startswith("-") else ""
        digits = text.lstrip("+-").replace("_", "")
        if digits[:2] in ("0x", "0b"):
            self.problem(event, "number_base", text=text,
                         base=_("hexadecimal") if digits[1] == "x" else _("binary"),
                         number=sign + str(int(digits[2:] or "0", 16 if digits[1] == "x" else 2)))
        else:
            self.problem(event, "underscore", text=text, number=sign + digits)
        return text

    def real(self, event: ScalarEvent, text: str) -> Any:
        bare = text.lstrip("+-").lower()
        if bare in (".inf", ".nan"):
            meaning = _("not a number") if bare == ".nan" else (
                _("minus infinity") if text.startswith("-") else _("infinity"))
            self.problem(event, "not_a_number", text=text, meaning=meaning)
            return text
        if ":" in text:
            return text  # base 60, as for integers
        if "_" in text:
            self.problem(event, "underscore", text=text, number=text.replace("_", ""))
            return text
        return float(text)


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") \
        else tag


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


def _build(loader_type: Any, text: str, name: str) -> _Builder:
    loader = loader_type(text)
    try:
        builder = _Builder(loader, name)
        builder.value = builder.document()
        return builder
    finally:
        loader.dispose()


#: characters that look like a space (or like nothing) after "key:", where YAML needs a space
_INVISIBLE_SPACES = {"\u00a0": N_("a non-breaking space (U+00A0)"),
                     "\u202f": N_("a narrow non-breaking space (U+202F)"),
                     "\u2007": N_("a figure space (U+2007)"),
                     "\u200b": N_("a zero-width space (U+200B)"),
                     "\u2060": N_("a word joiner (U+2060)"),
                     "\ufeff": N_("a byte order mark (U+FEFF)")}
_KEY_THEN_INVISIBLE = re.compile("^[ ]*(?:- )?([A-Za-z_][A-Za-z0-9_]*):([\u00a0\u202f\u2007\u200b"
                                 "\u2060\ufeff])", re.M)
#: PyYAML's words for a broken file -> the message that says it plainly
_SYNTAX = (
    ("mapping values are not allowed", "broken_colon"),
    ("could not find expected ':'", "broken_no_colon"),
    ("expected <block end>", "broken_indent"),
    ("did not find expected key", "broken_indent"),
    ("did not find expected '-' indicator", "broken_list"),
    ("found unexpected end of stream", "broken_quote"),
    ("expected ',' or '}'", "broken_braces"),
    ("expected ',' or ']'", "broken_braces"),
    ("that cannot start any token", "broken_start"),
)


def _broken(err: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    """A YAML syntax error in plain words, at the place to fix (not always where PyYAML
    stopped: a non-breaking space after 'pl:' breaks the line after it)."""
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    before = "\n".join(lines[:line])
    invisible = list(_KEY_THEN_INVISIBLE.finditer(before))
    if invisible:
        found = invisible[-1]
        at_line = before.count("\n", 0, found.start(2)) + 1
        at_col = found.start(2) - (before.rfind("\n", 0, found.start(2)) + 1) + 1
        return Problem(name, at_line, at_col, _say(
            "broken_invisible", key=found.group(1), char=_(_INVISIBLE_SPACES[found.group(2)])))
    words = f"{err.context or ''} {err.problem or ''}"
    for pattern, message in _SYNTAX:
        if pattern in words:
            if message == "broken_quote" and err.context_mark:
                line, col = err.context_mark.line + 1, err.context_mark.column + 1
            here = lines[line - 1] if 0 < line <= len(lines) else ""
            if message == "broken_colon" and mark is not None:
                key = re.match(r"\s*(?:- )?([^:\s]+):", lines[mark.line] if mark.line < len(lines) else "")
                return Problem(name, line, col, _say("broken_colon",
                                                     key=key.group(1) if key else "…"))
            char = here[col - 1] if 0 < col <= len(here) else "?"
            return Problem(name, line, col, _say(message, char=char))
    return Problem(name, line, col, _say("broken", problem=err.problem or err.context))


def load(path: Path, name: str) -> Document:
    """Parse ``path``; ``name`` is how messages call the file (e.g. data/events.yml)."""
    return parse(_decode(_read(path, name), name), name)


def parse(text: str, name: str) -> Document:
    """Parse the text of a data file (what ``load`` reads, or what an editor sends)."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise YamlError([Problem(name, 1, 1, _say("empty"))])
    problems = _controls(text, name) or _tabs(text, name)
    if problems:
        raise YamlError(problems)
    try:
        builder = _build(_Loader, text, name)
    except yaml.MarkedYAMLError:
        # libyaml words its errors differently; the pure-Python parser says what we document.
        try:
            builder = _build(yaml.SafeLoader, text, name)
        except yaml.MarkedYAMLError as err:
            raise YamlError([_broken(err, text, name)]) from None
    except yaml.YAMLError as err:  # not expected: the checks above leave PyYAML nothing else
        raise YamlError([Problem(name, 1, 1, _say("broken", problem=err))]) from None
    if builder.problems:
        raise YamlError(builder.problems)
    return Document(name, builder.value, builder.positions, builder.key_positions)
