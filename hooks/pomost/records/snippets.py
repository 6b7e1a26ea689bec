"""A new record to fill in, made from its model: for `pomost new <kind>` and the editor.

The same template is printed (or appended to the data file) by `pomost new` and written as a
VS Code snippet into ``.vscode/pomost.code-snippets`` by `pomost schemas`: every required
field, the fields that link to other records, and a comment naming the optional ones. A new
record starts as a draft (``draft: true``), so it can be previewed before its Belarusian
texts are written.
"""

from __future__ import annotations

import json
import typing
from typing import Any, Literal

from pydantic import BaseModel

from pomost.l10n import _
from pomost.langs import LANGS
from pomost.records.kinds import Kind, lists
from pomost.records.models import Text


def _literal(annotation: Any) -> tuple[str, ...]:
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is Literal:
            return typing.get_args(arg)
        inner = _literal_in(arg)
        if inner:
            return inner
    return ()


def _literal_in(annotation: Any) -> tuple[str, ...]:
    if typing.get_origin(annotation) is typing.Annotated:
        return _literal(typing.get_args(annotation)[0])
    return ()


def _is_text(annotation: Any) -> bool:
    return any(isinstance(a, type) and issubclass(a, Text)
               for a in (annotation, *typing.get_args(annotation)))


def _is_list(annotation: Any) -> bool:
    return typing.get_origin(annotation) is list


class _Lines:
    """Lines of YAML, with VS Code tab stops when ``snippet``."""

    def __init__(self, snippet: bool) -> None:
        self.snippet, self.stop = snippet, 0
        self.lines: list[str] = []

    def blank(self, default: str = "") -> str:
        if not self.snippet:
            return default
        self.stop += 1
        return f"${{{self.stop}:{default}}}" if default else f"${{{self.stop}}}"

    def choice(self, values: tuple[str, ...]) -> str:
        if not self.snippet:
            return values[0]
        self.stop += 1
        return f"${{{self.stop}|{','.join(values)}|}}"

    def add(self, text: str, comment: str = "") -> None:
        if comment:
            comment = comment.replace("$", "\\$") if self.snippet else comment
            text = f"{text:<24} # {comment}" if len(text) < 24 else f"{text}  # {comment}"
        self.lines.append(text.rstrip())


def template(kind: Kind, snippet: bool = False) -> str:
    """A record of ``kind`` to fill in, as YAML lines (VS Code snippet syntax if ``snippet``)."""
    model: type[BaseModel] = kind.model
    out = _Lines(snippet)
    first = True
    optional = []
    fields = dict(model.model_fields)
    ordered = [n for n in ("id", "draft") if n in fields] + [n for n in fields if n not in ("id", "draft")]
    for name in ordered:
        info = fields[name]
        chosen = info.is_required() or name in kind.links or name == "draft"
        if not chosen:
            optional.append(name)
            continue
        lead = "- " if first else "  "
        first = False
        said = _(info.title) if info.title else name
        if name == "draft":
            out.add(f"{lead}draft: true", _("a draft: remove this line when the record is ready"))
        elif _is_text(info.annotation):
            out.add(f"{lead}{name}:", said)
            for lang in LANGS:
                out.add(f"    {lang}: {out.blank()}")
        elif _literal(info.annotation) or _literal_in(info.annotation):
            values = _literal(info.annotation) or _literal_in(info.annotation)
            out.add(f"{lead}{name}: {out.choice(values)}", f"{said}: {' | '.join(values)}")
        elif _is_list(info.annotation):
            out.add(f"{lead}{name}: [{out.blank()}]", said)
        else:
            out.add(f"{lead}{name}: {out.blank()}", said)
    if optional:
        out.add("  # " + _("optional: {fields}").format(fields=", ".join(optional)))
    return "\n".join(out.lines) + "\n"


def vscode_snippets() -> str:
    """.vscode/pomost.code-snippets: one snippet per kind of record, in the language of
    messages; type its prefix (e.g. 'pomost-organisation') in a data file."""
    snippets = {}
    for kind in lists():
        snippets[_("Pomost: a new {kind}").format(kind=kind.said)] = {
            "scope": "yaml",
            "prefix": [f"pomost-{kind.name}", f"pomost-{kind.said}"] if kind.said != kind.name
            else [f"pomost-{kind.name}"],
            "description": _("a new record of data/{file} (a draft)").format(file=kind.file),
            "body": template(kind, snippet=True).rstrip("\n").split("\n"),
        }
    return json.dumps(snippets, ensure_ascii=False, indent=2) + "\n"
