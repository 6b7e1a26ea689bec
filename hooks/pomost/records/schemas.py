"""JSON Schemas of the data files for editors (data/schemas/), made from the record models.

Every field's title and description, and the meaning of every allowed value, come from
models.py and are translated into the language of messages (Polish unless asked otherwise),
so VS Code's YAML extension explains each field in the staff's words while they type and
underlines what `pomost check` would refuse. Its patterns are the ones the check applies.

Drafts: a record with ``draft: true`` may lack its Belarusian texts. A text cannot see the
record it is in, so each model that holds texts has a draft twin (``<Model>_draft``) whose
texts need only Polish; a record is checked against the twin when it says ``draft: true``.
The editor's settings (.vscode/settings.json) and snippets (.vscode/pomost.code-snippets)
are written beside them from the same registry.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from pomost.l10n import _
from pomost.records.kinds import KINDS, Kind
from pomost.records.models import Record, Text

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_DRAFT = "_draft"
#: the keys whose text is for people, translated
_WORDS = ("title", "description", "patternErrorMessage")


def _translated(node: Any) -> Any:
    """``node`` with every title, description and meaning of a value translated."""
    if isinstance(node, list):
        return [_translated(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _WORDS and isinstance(value, str):
            out[key] = _(value)
        elif key == "enumDescriptions":
            out[key] = [_(v) for v in value]
        elif key == "properties":
            out[key] = {name: _translated(prop) for name, prop in value.items()}
        else:
            out[key] = _translated(value)
    return out


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"].rsplit("/", 1)[1]} if isinstance(node.get("$ref"), str) else set()
        for value in node.values():
            found |= _refs(value)
        return found
    if isinstance(node, list):
        return set().union(*map(_refs, node)) if node else set()
    return set()


def _with_drafts(defs: dict[str, Any], texts: set[str]) -> dict[str, Any]:
    """Add the draft twin of every definition that holds a text, directly or not."""
    holding = set(texts)
    while True:
        more = {name for name, body in defs.items() if _refs(body) & holding} - holding
        if not more:
            break
        holding |= more

    def rename(node: Any) -> Any:
        if isinstance(node, dict):
            out = {k: rename(v) for k, v in node.items()}
            ref = out.get("$ref")
            if isinstance(ref, str) and ref.rsplit("/", 1)[1] in holding:
                out["$ref"] = ref + _DRAFT
            return out
        if isinstance(node, list):
            return [rename(item) for item in node]
        return node

    for name in sorted(holding):
        twin = rename(copy.deepcopy(defs[name]))
        if name in texts:
            twin["required"] = [f for f in twin.get("required", []) if f != "be"]
        defs[name + _DRAFT] = twin
    return defs


def _draftable(name: str, defs: dict[str, Any]) -> dict[str, Any]:
    """Items of a list of ``name`` records: the draft twin when ``draft: true``."""
    if name + _DRAFT not in defs:
        return {"$ref": f"#/$defs/{name}"}
    return {"if": {"type": "object", "required": ["draft"], "properties": {"draft": {"const": True}}},
            "then": {"$ref": f"#/$defs/{name}{_DRAFT}"},
            "else": {"$ref": f"#/$defs/{name}"}}


def _plain(body: dict[str, Any]) -> dict[str, Any]:
    """A model's schema without the description pydantic takes from its docstring (written
    for programmers): its translated title says what it is."""
    body = {key: value for key, value in body.items() if key != "description"}
    if "$defs" in body:
        body["$defs"] = {name: _plain(d) for name, d in body["$defs"].items()}
    return body


def _models(base: type[Record] = Record) -> dict[str, type[Record]]:
    found: dict[str, type[Record]] = {}
    for sub in base.__subclasses__():
        found[sub.__name__] = sub
        found.update(_models(sub))
    return found


def _titled(body: dict[str, Any], model: type[Record] | None) -> dict[str, Any]:
    """Give every property its title and description from the model, also where pydantic
    leaves a bare ``$ref`` (a required field whose value is a group of fields)."""
    if model is None:
        return body
    for name, prop in body.get("properties", {}).items():
        info = model.model_fields.get(name)
        if info is not None and "title" not in prop and info.title:
            prop["title"] = info.title
            if info.description:
                prop["description"] = info.description
    return body


def schema(model: type[Record], many: bool) -> dict[str, Any]:
    body = _plain(model.model_json_schema())
    models = _models()
    body = _titled(body, model)
    for name, definition in body.get("$defs", {}).items():
        _titled(definition, models.get(name))
    if not many:
        return _translated({"$schema": _DIALECT, **body})
    defs = {**body.pop("$defs", {}), model.__name__: body}
    texts = {name for name in defs if name in {Text.__name__, "Name"}}
    if "draft" in body.get("properties", {}):
        defs = _with_drafts(defs, texts)
    return _translated({"$schema": _DIALECT, "title": body.get("title", model.__name__),
                        "type": "array", "items": _draftable(model.__name__, defs),
                        "$defs": defs})


def record_schema(model: type[Record]) -> dict[str, Any]:
    """The schema of one record in a file of its own (data/<attr>/<id>.yml, records/layout.py):
    the list's item, with the same definitions and draft twins."""
    listed = schema(model, many=True)
    return {"$schema": _DIALECT, "title": listed["title"], **listed["items"],
            "$defs": listed["$defs"]}


def _record_file(kind: Kind) -> str:
    return f"{kind.file[:-4]}.record.schema.json"


def schema_files() -> dict[str, str]:
    """data/schemas/<name>.schema.json -> its text, from the models; for a kind with many
    records also <name>.record.schema.json, for its records kept one file each."""
    files = {f"{kind.file[:-4]}.schema.json": schema(kind.model, kind.many) for kind in KINDS}
    files.update({_record_file(kind): record_schema(kind.model) for kind in KINDS if kind.many})
    return {name: json.dumps(body, ensure_ascii=False, indent=2) + "\n"
            for name, body in files.items()}


def vscode_settings() -> str:
    """.vscode/settings.json: the YAML extension maps each data file to its schema; files are
    saved as UTF-8 with spaces, and invisible characters are shown."""
    settings = {
        "yaml.schemas": {
            **{f"data/schemas/{kind.file[:-4]}.schema.json": f"data/{kind.file}"
               for kind in KINDS},
            **{f"data/schemas/{_record_file(kind)}": f"data/{kind.attr}/*.yml"
               for kind in KINDS if kind.many}},
        "yaml.yamlVersion": "1.2",
        "yaml.validate": True,
        "yaml.completion": True,
        "yaml.hover": True,
        "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2,
                   "editor.detectIndentation": False, "editor.autoIndent": "keep",
                   "editor.quickSuggestions": {"other": True, "comments": False,
                                               "strings": True}},
        "files.encoding": "utf8",
        "files.autoGuessEncoding": False,
        "editor.renderWhitespace": "boundary",
        "editor.unicodeHighlight.invisibleCharacters": True,
        "editor.unicodeHighlight.ambiguousCharacters": False,
        "editor.unicodeHighlight.nonBasicASCII": False,
    }
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def editor_files() -> dict[str, str]:
    """Every generated file for editors, by path from the project root."""
    from pomost.records.snippets import vscode_snippets
    return {**{f"data/schemas/{name}": text for name, text in schema_files().items()},
            ".vscode/settings.json": vscode_settings(),
            ".vscode/pomost.code-snippets": vscode_snippets()}


def write_schemas(data_dir: Path) -> list[str]:
    """Write every schema into data_dir/schemas/ and the editor's settings and snippets into
    .vscode/ beside data_dir; returns the paths written."""
    root = data_dir.parent
    written = []
    for path, text in editor_files().items():
        out = root / path
        out.parent.mkdir(exist_ok=True)
        out.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written
