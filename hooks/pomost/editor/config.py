"""The form editor's configuration (Decap CMS ``config.yml``), made from the record models.

Nothing here names a field: each kind of ``KINDS`` becomes a collection, and each field of its
model a form field, read from the model's JSON Schema (records/schemas.py, so the titles and
descriptions are already in the language of messages — Polish unless asked otherwise):

* a text in both languages (``Text``, ``Name``) → a group of its Polish and Belarusian versions,
  side by side (the editor page's style, editor/templates/admin.html);
* a value from a fixed set (``Literal`` with ``Meanings``) → a choice showing the meanings;
* a field of ``Kind.links`` → a searchable picker of the records of that kind (by id, name
  or title in either language), one or many;
* a date → a date picker writing YYYY-MM-DD; a whole number → a number field; a list of groups
  (amounts, notes) → a list of forms; true/false (the draft switch too) → a switch;
* the patterns the check applies (ids, links, times), with its words.

A kind with many records is a folder collection (``data/<attr>/<id>.yml``, records/layout.py);
a kind with one record (site.yml) is a single file. Where a record can be a draft, the form
does not require the Belarusian version (a draft may lack it); for a record that is not a draft
the save itself says what is missing, in the words of `pomost check` (editor/records.py).
"""

from __future__ import annotations

from typing import Any

import yaml

from pomost.l10n import _
from pomost.records.kinds import KINDS, Kind
from pomost.records.layout import folder_name
from pomost.records.models import Text
from pomost.records.schemas import schema

#: where the API of the local editor answers, on the preview's own address
API_PATH = "/_pomost/api/v1"
#: how many records of a kind the editor lists per page of its list
PAGE_SIZE = 100

Node = dict[str, Any]


class _Fields:
    """Form fields from the JSON Schema of one model (with its ``$defs``)."""

    def __init__(self, body: Node, kind: Kind) -> None:
        self.defs: dict[str, Node] = body.get("$defs", {})
        self.kind = kind

    def resolve(self, node: Node) -> tuple[Node, bool]:
        """The node behind ``$ref`` and ``anyOf: [X, null]``, and whether null is allowed; a
        definition's name is kept as ``$def``."""
        optional = False
        while True:
            if "$ref" in node:
                extra = {k: v for k, v in node.items() if k != "$ref"}
                name = node["$ref"].rsplit("/", 1)[1]
                node = {**self.defs[name], **extra, "$def": name}
            elif "anyOf" in node:
                options = [o for o in node["anyOf"] if o.get("type") != "null"]
                optional = optional or len(options) < len(node["anyOf"])
                extra = {k: v for k, v in node.items() if k != "anyOf"}
                node = {**options[0], **extra}
            else:
                return node, optional

    def of(self, body: Node, top: bool) -> list[Node]:
        required = set(body.get("required", ()))
        return [self.field(name, prop, name in required, top)
                for name, prop in body.get("properties", {}).items()]

    def field(self, name: str, prop: Node, required: bool, top: bool) -> Node:
        node, optional = self.resolve(prop)
        out: Node = {"name": name, "label": _capital(prop.get("title") or node.get("title")
                                                     or name)}
        hint = prop.get("description") or node.get("description")
        if hint:
            out["hint"] = hint
        if not required or optional or "default" in prop:
            out["required"] = False
        target = self.kind.links.get(name) if top else None
        if target is not None:
            out.update(_relation(next(k for k in KINDS if k.name == target),
                                 many=node.get("type") == "array"))
        else:
            out.update(self.widget(node, name))
        if "default" in prop and prop["default"] not in (None, [], {}):
            out["default"] = prop["default"]
        if out.get("required") is False and out.get("widget") == "object":
            # Decap checks a group's required fields even when the group may be left out:
            # what an optional group needs is the save's check to say (editor/records.py).
            _optional(out["fields"])
        return out

    def widget(self, node: Node, name: str) -> Node:
        kind = node.get("type")
        properties = node.get("properties", {})
        if kind == "object" and {"pl", "be"} <= set(properties):
            fields = self.of(node, top=False)
            for language in fields:
                if language["name"] in ("pl", "be"):
                    # names (of people, places) are one line; other texts may be paragraphs
                    language["widget"] = "text" if node.get("$def") == Text.__name__ \
                        else "string"
                if language["name"] == "be" and self.kind.drafts:
                    language["required"] = False
            return {"widget": "object", "collapsed": False, "fields": fields}
        if kind == "object":
            return {"widget": "object", "collapsed": False, "fields": self.of(node, top=False)}
        if kind == "array":
            items, _optional = self.resolve(node["items"])
            if items.get("type") == "object":
                return {"widget": "list", "collapsed": False,
                        "fields": self.widget(items, name)["fields"]}
            return {"widget": "list", "field": {"name": name, "label": _capital(name),
                                                **self.widget(items, name)}}
        if "enum" in node:
            meanings = node.get("enumDescriptions") or node["enum"]
            return {"widget": "select", "options": [
                {"label": f"{_capital(meaning)} ({value})", "value": value}
                for value, meaning in zip(node["enum"], meanings, strict=True)]}
        if kind == "string" and node.get("format") == "date":
            return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
                    "time_format": False, "picker_utc": True}
        if kind == "integer":
            out: Node = {"widget": "number", "value_type": "int", "step": 1}
            if "exclusiveMinimum" in node:
                out["min"] = node["exclusiveMinimum"] + 1
            elif "minimum" in node:
                out["min"] = node["minimum"]
            return out
        if kind == "boolean":
            return {"widget": "boolean"}
        out = {"widget": "string"}
        if "pattern" in node and node.get("pattern") != r"\S":
            out["pattern"] = [node["pattern"], node.get("patternErrorMessage", "")]
        return out


def _optional(fields: list[Node]) -> None:
    """The fields of a group that may be left out: none required, none filled in by itself
    (a name's default origin would make an empty town a town without a name)."""
    for inner in fields:
        inner["required"] = False
        inner.pop("default", None)
        if inner.get("widget") == "object":
            _optional(inner["fields"])


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _relation(target: Kind, many: bool) -> Node:
    heading = target.heading
    return {"widget": "relation", "collection": target.attr, "value_field": "id",
            "search_fields": ["id", f"{heading}.pl", f"{heading}.be"],
            "display_fields": [f"{heading}.pl", "id"], "multiple": many,
            "options_length": 50}


def collection(kind: Kind) -> Node:
    body = schema(kind.model, many=False)
    fields = _Fields(body, kind).of(body, top=True)
    label = _capital(body.get("title") or kind.said)
    if not kind.many:
        return {"name": kind.attr, "label": label, "editor": {"preview": False},
                "files": [{"name": kind.attr, "label": label, "file": f"data/{kind.file}",
                           "format": "yml", "fields": fields}]}
    heading = kind.heading
    return {
        "name": kind.attr, "label": label, "label_singular": label,
        "folder": folder_name(kind).rstrip("/"), "extension": "yml", "format": "yml",
        "create": True, "delete": True, "identifier_field": "id", "slug": "{{fields.id}}",
        # the list shows, and the editor's search looks in, both languages and the id
        "summary": f"{{{{{heading}.pl}}}} · {{{{{heading}.be}}}} ({{{{id}}}})",
        "sortable_fields": ["id", f"{heading}.pl"],
        "editor": {"preview": False},
        "fields": fields,
    }


def config() -> Node:
    """The whole configuration, without its backend (``with_backend`` adds one)."""
    return {
        "locale": "pl",
        "media_folder": "docs/assets/editor",
        "public_folder": "/assets/editor",
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": [collection(kind) for kind in KINDS],
    }


def with_backend(backend: Node) -> Node:
    return {"backend": backend, **config()}


def local_backend() -> Node:
    """Decap's ``proxy`` backend on the preview's own address (editor/store.py answers)."""
    return {"name": "proxy", "proxy_url": API_PATH, "branch": "main"}


def text(body: Node) -> str:
    head = _("# The form editor's configuration (Decap CMS), made from the record models by "
             "`pomost schemas` — do not edit it by hand; see README, 'The form editor'.")
    return head + "\n" + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)


#: the generated file, by path from the project root (written by `pomost schemas`)
CONFIG_FILE = "editor/config.yml"


def config_file() -> str:
    """editor/config.yml: the configuration for the local editor, as `pomost edit` serves it;
    a published set-up replaces its ``backend`` (README, 'The form editor')."""
    return text(with_backend(local_backend()))
