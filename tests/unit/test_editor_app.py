"""The editor's addresses on the preview: its pages, its configuration, the bundle (never a
file outside it) and the API (POST only, bounded)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from pomost.editor import config
from pomost.editor.app import MAX_BODY, PREFIX, Editor, pages_of_kinds
from pomost.records.kinds import with_pages
from pomost.records.migrate import migrate

from support import ROOT

MESSAGES = "pl"


@pytest.fixture
def app(tmp_path) -> Editor:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    migrate(tmp_path / "data")
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "decap-cms.js").write_text("// the bundle", "utf-8")
    (tmp_path / "secret.txt").write_text("not for the browser", "utf-8")
    return Editor(tmp_path, dist)


def call(app: Editor, path: str, method: str = "GET", body: bytes = b"",
         length: str | None = None) -> tuple[str, dict[str, str], bytes] | None:
    answer: dict = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        answer["status"], answer["headers"] = status, dict(headers)

    environ = {"PATH_INFO": path, "REQUEST_METHOD": method, "wsgi.input": io.BytesIO(body),
               "CONTENT_LENGTH": str(len(body)) if length is None else length}
    chunks = app(environ, start_response)
    if chunks is None:
        return None
    return answer["status"], answer["headers"], b"".join(chunks)


def test_addresses_not_the_editors_are_left_to_the_preview(app):
    for path in ("/", "/organizacje/", "/_pomostx/", "/be/"):
        assert call(app, path) is None


def test_the_editor_page_holds_both_frames_and_the_pages_of_kinds(app):
    status, headers, body = call(app, PREFIX)
    assert status == "200 OK" and headers["Content-Type"] == "text/html; charset=utf-8"
    page = body.decode("utf-8")
    assert '<html lang="pl">' in page
    assert 'id="pomost-editor"' in page and 'src="admin/"' in page
    assert 'id="pomost-preview"' in page and 'src="/"' in page
    assert pages_of_kinds() == {k.attr: k.folder for k in with_pages()}
    assert json.dumps(pages_of_kinds()) in page


def test_the_configuration_is_the_one_made_from_the_models(app):
    status, headers, body = call(app, PREFIX + "admin/config.yml")
    assert status == "200 OK" and body.decode("utf-8") == config.config_file()


@pytest.mark.parametrize("path", ["decap/../../secret.txt", "decap/%2e%2e/secret.txt",
                                  "decap//etc/passwd", "decap/missing.js", "decap/"])
def test_nothing_but_the_bundle_is_served(app, path):
    status, _headers, body = call(app, PREFIX + path)
    assert status == "404 Not Found" and body == b""


def test_the_bundle_is_served(app):
    status, headers, body = call(app, PREFIX + "decap/decap-cms.js")
    assert status == "200 OK" and body == b"// the bundle"
    assert headers["Content-Type"].endswith("javascript; charset=utf-8")


def test_the_api_answers_post_only_and_reads_no_more_than_its_limit(app):
    status, headers, _body = call(app, PREFIX + "api/v1")
    assert status == "405 Method Not Allowed" and headers["Allow"] == "POST"
    info = json.dumps({"action": "info"}).encode()
    status, _headers, body = call(app, PREFIX + "api/v1", "POST", info)
    assert status == "200 OK"
    assert json.loads(body) == {"repo": Path(app.store.root).name, "publish_modes": ["simple"],
                                "type": "local_fs"}
    for length in (str(MAX_BODY + 1), "0", "-5", "lots"):
        status, _headers, body = call(app, PREFIX + "api/v1", "POST", info, length=length)
        assert status == "400 Bad Request", length
    status, _headers, body = call(app, PREFIX + "api/v1", "POST", b"{not json")
    assert status == "400 Bad Request"
    assert json.loads(body) == {"error": "to nie jest żądanie edytora"}


def test_other_methods_on_pages_are_refused(app):
    status, _headers, _body = call(app, PREFIX, "POST", b"x")
    assert status == "405 Method Not Allowed"
