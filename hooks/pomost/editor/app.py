"""The editor's pages and API, as a WSGI app the preview consults before its own pages.

Everything lives under ``/_pomost/`` on the preview's address (127.0.0.1), so the editor, its
code, its configuration, the API it saves through and the preview beside it are one origin
and nothing is loaded from anywhere else:

* ``/_pomost/``            — our page: the form editor and the preview side by side;
* ``/_pomost/admin/``      — Decap CMS's page (its own interface), with our style for texts
  in two languages;
* ``/_pomost/admin/config.yml`` — the configuration, made from the models when asked for;
* ``/_pomost/decap/…``     — the pinned bundle (editor/assets.py);
* ``/_pomost/api/v1``      — the API (editor/store.py), POST only.
"""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2

from pomost.editor import config, store
from pomost.l10n import _, language
from pomost.records.kinds import KINDS

PREFIX = "/_pomost/"
#: the largest request body read (a record is a few kB; 1,000 of them are not sent at once)
MAX_BODY = 4 * 1024 * 1024

_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)

StartResponse = Callable[..., Any]

#: our script on Decap's page (templates/pomost-editor.js): a file, so that a published
#: editor's Content-Security-Policy needs no inline scripts
SCRIPT = "pomost-editor.js"


def script() -> bytes:
    return (Path(__file__).parent / "templates" / SCRIPT).read_bytes()


def pages_of_kinds() -> dict[str, str]:
    """collection (kind attr) -> the folder of its pages, for the kinds that have pages."""
    return {kind.attr: kind.folder for kind in KINDS
            if kind.folder and kind.pages == "generated"}


def editor_page() -> str:
    return _TEMPLATES.get_template("editor.html").render(
        lang=language(), title=_("Pomost: the form editor and the preview"),
        editor_title=_("Form editor"), preview_title=_("Preview of the site"),
        help=_("Choose a kind of record on the left, open a record or create a new one, and "
               "save it (Publish → Publish now). The preview on the right rebuilds and shows "
               "the record's page; problems across records are listed there."),
        pages=json.dumps(pages_of_kinds()))


def admin_page(bundle: str, inside: bool = True) -> str:
    """Decap's page; ``inside``: within our editor page, which it tells what was saved."""
    return _TEMPLATES.get_template("admin.html").render(
        lang=language(), title=_("Pomost: form editor"), bundle=bundle, inside=inside)


class Editor:
    """The WSGI app of the editor; ``__call__`` answers None for addresses not its own."""

    def __init__(self, root: Path, dist: Path) -> None:
        self.store = store.Store(root)
        self.dist = dist.resolve()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse
                 ) -> Iterable[bytes] | None:
        path = environ.get("PATH_INFO", "/")
        if not path.startswith(PREFIX):
            return None
        method = environ.get("REQUEST_METHOD", "GET")
        rest = path[len(PREFIX):]
        if rest == "api/v1":
            if method != "POST":
                return _send(start_response, "405 Method Not Allowed", b"", "text/plain",
                             [("Allow", "POST")])
            return self.api(environ, start_response)
        if method not in ("GET", "HEAD"):
            return _send(start_response, "405 Method Not Allowed", b"", "text/plain")
        if rest == "":
            return _html(start_response, editor_page())
        if rest == "admin":
            return _send(start_response, "301 Moved Permanently", b"", "text/plain",
                         [("Location", f"{PREFIX}admin/")])
        if rest == "admin/":
            return _html(start_response, admin_page(f"{PREFIX}decap/decap-cms.js"))
        if rest == "admin/" + SCRIPT:
            return _send(start_response, "200 OK", script(), "text/javascript; charset=utf-8")
        if rest == "admin/config.yml":
            return _send(start_response, "200 OK", config.config_file().encode("utf-8"),
                         "text/yaml; charset=utf-8")
        if rest.startswith("decap/"):
            return self.asset(rest.removeprefix("decap/"), start_response)
        return _send(start_response, "404 Not Found", b"", "text/plain")

    def asset(self, name: str, start_response: StartResponse) -> Iterable[bytes]:
        file = (self.dist / name).resolve()
        if not file.is_relative_to(self.dist) or not file.is_file():
            return _send(start_response, "404 Not Found", b"", "text/plain")
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind.endswith("javascript"):
            kind += "; charset=utf-8"
        return _send(start_response, "200 OK", file.read_bytes(), kind,
                     [("Cache-Control", "max-age=3600")])

    def api(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            size = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            size = -1
        if not 0 < size <= MAX_BODY:
            status, body = 400, {"error": _("not a request of the editor")}
        else:
            try:
                request = json.loads(environ["wsgi.input"].read(size).decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                request = None
            status, body = store.answer(self.store, request)
        reason = {200: "OK", 400: "Bad Request", 409: "Conflict",
                  422: "Unprocessable Entity"}.get(status, "Error")
        return _send(start_response, f"{status} {reason}",
                     json.dumps(body, ensure_ascii=False).encode("utf-8"),
                     "application/json; charset=utf-8")


def _html(start_response: StartResponse, page: str) -> Iterable[bytes]:
    return _send(start_response, "200 OK", page.encode("utf-8"), "text/html; charset=utf-8")


def _send(start_response: StartResponse, status: str, body: bytes, kind: str,
          headers: list[tuple[str, str]] | None = None) -> Iterable[bytes]:
    extra = headers or []
    caching = [] if any(name == "Cache-Control" for name, _value in extra) else [
        ("Cache-Control", "no-store")]
    start_response(status, [("Content-Type", kind), ("Content-Length", str(len(body))),
                            *caching, *extra])
    return [body]
