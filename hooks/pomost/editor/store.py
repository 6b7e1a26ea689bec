"""The API the form editor saves through: Decap CMS's ``proxy`` backend, on the preview.

Decap's own answer to local editing is a separate Node server (``decap-server``) that reads and
writes any file under the project. This is the same small protocol — one POST with
``{"action": …, "params": …}`` per request, JSON back, ``{"error": …}`` with an HTTP error
status when something is refused — answered by Python, so staff need no Node, and held to
what the editor has to touch:

* only the record files of data/: ``data/<attr>/<id>.yml`` of a kind with many records and
  the file of a kind with one (``data/site.yml``); any other path, ``..``, an absolute path, a
  backslash or a link leading out of data/ is refused;
* a record is written only if `pomost check` accepts it on its own (editor/records.py); what
  only the whole catalogue can tell (a link to a record that is gone) shows in the preview;
* a record another record links to cannot be removed: the editor is told which ones do;
* every write goes to a temporary file first and replaces the file at once, so a record file
  is never half written.

Media (pictures) are not part of the data: the media actions answer with nothing.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pomost.editor.records import record_text
from pomost.l10n import _
from pomost.records import layout, yamlsource
from pomost.records.kinds import KINDS, Kind
from pomost.records.models import ID_PATTERN


class Refused(Exception):
    """The request cannot be done; the message says why, for the editor to show."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Target:
    """A record file the editor may touch."""

    kind: Kind
    path: Path
    #: how the project names it: data/organisations/cis-mieniany.yml
    name: str
    #: the record's id (from the file name) for a kind with many records
    rid: str | None


class Store:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.data = self.root / "data"

    # -- where -----------------------------------------------------------------

    def target(self, name: Any) -> Target:
        """The record file ``name`` (as the editor names it, from the project root)."""
        if not isinstance(name, str) or "\\" in name or "\x00" in name:
            raise Refused(_("not a record file of data/: {path}").format(path=name), 400)
        parts = PurePosixPath(name).parts
        if PurePosixPath(name).is_absolute() or ".." in parts or parts[:1] != ("data",):
            raise Refused(_("not a record file of data/: {path}").format(path=name), 400)
        for kind in KINDS:
            if kind.many and len(parts) == 3 and parts[1] == kind.attr:
                stem = parts[2].removesuffix(".yml")
                if parts[2].endswith(".yml") and re.fullmatch(ID_PATTERN, stem):
                    return self._inside(Target(kind, self.data / kind.attr / parts[2], name,
                                               stem))
            if not kind.many and parts[1:] == (kind.file,) and len(parts) == 2:
                return self._inside(Target(kind, self.data / kind.file, name, None))
        raise Refused(_("not a record file of data/: {path}").format(path=name), 400)

    def _inside(self, target: Target) -> Target:
        """Refuse a target that a link leads out of data/."""
        real = target.path.resolve()
        if not real.is_relative_to(self.data.resolve()):
            raise Refused(_("not a record file of data/: {path}").format(path=target.name), 400)
        return target

    def folder(self, name: Any) -> Kind:
        for kind in KINDS:
            if kind.many and name == layout.folder_name(kind).rstrip("/"):
                return kind
        raise Refused(_("not a record file of data/: {path}").format(path=name), 400)

    # -- reading ---------------------------------------------------------------

    def entry(self, name: Any) -> dict[str, Any]:
        target = self.target(name)
        try:
            content = target.path.read_bytes()
        except OSError:
            return {"data": None, "file": {"path": name, "id": None}}
        return {"data": content.decode("utf-8-sig", "replace"),
                "file": {"path": name, "id": hashlib.sha256(content).hexdigest()}}

    def entries(self, folder: Any) -> list[dict[str, Any]]:
        kind = self.folder(folder)
        if layout.layout(self.data, kind) == "list":
            raise Refused(_(
                "the records of data/{file} are still in one list: run pomost migrate once, "
                "then open the editor again").format(file=kind.file), 409)
        where = layout.folder(self.data, kind)
        files = yamlsource.data_files(where) if where.is_dir() else []
        return [self.entry(f"{folder}/{path.name}") for path in files]

    # -- writing ---------------------------------------------------------------

    def save(self, name: Any, raw: str) -> None:
        target = self.target(name)
        if target.kind.many and layout.layout(self.data, target.kind) == "list":
            raise Refused(_(
                "the records of data/{file} are still in one list: run pomost migrate once, "
                "then open the editor again").format(file=target.kind.file), 409)
        text, problems = record_text(target.kind, raw, name)
        if problems:
            raise Refused("\n".join(p.message for p in problems))
        if target.rid is not None:
            written_id = _id_of(text)
            if written_id != target.rid:
                raise Refused(_("the id '{id}' must be the name of its file ({file}) — the "
                                "editor names new files after the id; change it back to "
                                "'{expected}'").format(id=written_id, file=name,
                                                       expected=target.rid))
        _write(target.path, text)

    def remove(self, name: Any) -> None:
        target = self.target(name)
        if target.rid is None:
            raise Refused(_("{file} holds settings of the whole site and cannot be removed")
                          .format(file=name))
        users = self.linking_to(target.kind, target.rid)
        if users:
            raise Refused(_(
                "{record} cannot be removed: {users} link to it — remove those links first, "
                "then remove the record").format(
                record=f"{target.kind.said} '{target.rid}'", users=", ".join(users)))
        target.path.unlink(missing_ok=True)

    def linking_to(self, kind: Kind, rid: str) -> list[str]:
        """The records (as messages name them) whose link fields name ``rid`` of ``kind``."""
        users = []
        for source in KINDS:
            fields = [f for f, target in source.links.items() if target == kind.name]
            if not fields:
                continue
            for raw in _raw_records(self.data, source):
                for field_name in fields:
                    value = raw.get(field_name)
                    if rid == value or (isinstance(value, list) and rid in value):
                        if source is kind and raw.get("id") == rid:
                            continue
                        users.append(f"{source.said} '{raw.get('id')}' ({field_name})")
        return users


def _raw_records(data: Path, kind: Kind) -> list[dict[str, Any]]:
    """The records of ``kind`` as parsed, whatever else is wrong with them."""
    kept = layout.layout(data, kind)
    try:
        if kept == "folder":
            values = layout.load_folder(data, kind).value
        elif kept == "list":
            values = yamlsource.load(layout.list_file(data, kind), kind.file).value
        else:
            values = []
    except yamlsource.YamlError:
        values = []
    if not kind.many:
        values = [values]
    return [raw for raw in values or [] if isinstance(raw, dict)]


def _id_of(text: str) -> Any:
    value = yamlsource.parse(text, "").value
    return value.get("id") if isinstance(value, dict) else None


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def answer(store: Store, request: Any) -> tuple[int, Any]:
    """The status and JSON answer to one request of Decap's proxy backend."""
    if not isinstance(request, dict):
        return 400, {"error": _("not a request of the editor")}
    action, params = request.get("action"), request.get("params") or {}
    try:
        if action == "info":
            return 200, {"repo": store.root.name, "publish_modes": ["simple"],
                         "type": "local_fs"}
        if action == "entriesByFolder":
            return 200, store.entries(params.get("folder"))
        if action == "entriesByFiles":
            return 200, [store.entry(file.get("path")) for file in params.get("files", [])]
        if action == "getEntry":
            return 200, store.entry(params.get("path"))
        if action == "persistEntry":
            files = params.get("dataFiles") or [params.get("entry")]
            if params.get("assets"):
                raise Refused(_("pictures and other files cannot be added here"))
            for file in files:
                store.save(file.get("path"), file.get("raw", ""))
            return 200, {"message": "entry persisted"}
        if action in ("deleteFile", "deleteFiles"):
            for name in params.get("paths") or [params.get("path")]:
                store.remove(name)
            return 200, {"message": "deleted"}
        if action == "getMedia":
            return 200, []
        if action == "getDeployPreview":
            return 200, None
    except Refused as refused:
        return refused.status, {"error": str(refused)}
    return 422, {"error": _("unknown action of the editor: {action}").format(action=action)}
