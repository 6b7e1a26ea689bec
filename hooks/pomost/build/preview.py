"""`pomost serve` (`make serve`): the live preview, each saved edit shown within a second
or so, and the pages exactly what `pomost build` would make of the same files — drafts
included (POMOST_PREVIEW=1, build/project.py), labelled.

One worker process per language (``python -m pomost live-worker``, theme/live.py) builds its
language once and keeps it in memory; after an edit it writes only what the edit changed.
This process watches data/, docs/, overrides/, mkdocs.yml and the templates and UI
strings, tells the workers what changed (they work at the same time, one per core), and
serves what they wrote: ``be/…`` from the Belarusian worker's folder, everything else from
the Polish one's, the sitemap merged from both (as build/parallel.py puts a site together),
and each language's 404 page for what is missing. Every HTML page it sends gets a small
script that reloads the page when a rebuild has finished (the files on disk have none).

It starts, and stays useful, whatever state the data is in: while a worker's last build
or update failed (a problem in data/, a broken page or mkdocs.yml), every page address, in
every language, answers with one page listing the problems (in the language of messages),
with the same reload script: when a saved file fixes them, the browser reloads by itself to
the page it asked for.

Edits to other code under hooks/ need a restart: the workers keep the modules they loaded.
No MkDocs here.
"""

from __future__ import annotations

import html
import io
import json
import mimetypes
import os
import posixpath
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import webbrowser
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from pomost.build.parallel import LANGUAGE_VARIABLE, SITEMAP, assemble, merge_sitemaps
from pomost.build.project import PREVIEW_VARIABLE
from pomost.l10n import _, language, ngettext
from pomost.langs import LANGS, prefix

#: what is watched, under the project's root
WATCHED = ("data", "docs", "overrides", "mkdocs.yml", "hooks")
#: how long after the last change in a burst (an editor writes a file in several steps)
#: the workers are told
QUIET = 0.05

_RELOAD = """<script>(function(){var v=%d;function w(){fetch("/.pomost/reload?since="+v)
.then(function(r){return r.text()}).then(function(t){if(t==="reload"){location.reload()}else{w()}},
function(){setTimeout(w,1000)})}w()})();</script>"""


class Worker:
    """One language's worker process and its replies."""

    def __init__(self, root: Path, lang: str, site_dir: Path, env: dict[str, str]) -> None:
        self.lang, self.site_dir = lang, site_dir
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pomost", "live-worker", lang, str(site_dir)],
            cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env={**env, LANGUAGE_VARIABLE: lang})

    def answer(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            return {"ok": False, "problems": [_("the preview of the language '{lang}' has "
                                                "stopped; restart the preview").format(
                lang=self.lang)]}
        return json.loads(line)

    def send(self, paths: list[str]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"paths": paths}) + "\n")
        self.process.stdin.flush()

    def stop(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()


class Preview:
    """The workers of every language over one folder each, and the site they make together."""

    def __init__(self, root: Path, out: Path | None = None, env: dict[str, str] | None = None,
                 langs: tuple[str, ...] = LANGS) -> None:
        self.root = root.resolve()
        self.out = out or Path(tempfile.mkdtemp(prefix="pomost-preview-"))
        self._own_out = out is None
        self.langs = langs
        self.version = 0
        self.changed = threading.Condition()
        env = {**(env or os.environ), "NO_MKDOCS_2_WARNING": "1",
               "PYTHONPATH": str(self.root / "hooks"), PREVIEW_VARIABLE: "1"}
        self.workers = {lang: Worker(self.root, lang, self.out / lang, env) for lang in langs}
        #: what each language's sitemap was when they were last merged
        self._merged: tuple | None = None
        self.last = self._gather()

    def folder(self, lang: str) -> Path:
        return self.out / lang

    @property
    def problems(self) -> list[str] | None:
        """What the last build or update of any language could not do, one problem a line
        (each once); None while all is well."""
        found = [line for answer in self.last.values() if not answer.get("ok")
                 for line in answer.get("problems", [])]
        return list(dict.fromkeys(found)) if found else None

    def _gather(self) -> dict[str, dict[str, Any]]:
        answers = {lang: worker.answer() for lang, worker in self.workers.items()}
        self._merge_sitemaps()
        with self.changed:
            self.version += 1
            self.changed.notify_all()
        return answers

    def refresh(self, paths: list[str]) -> dict[str, dict[str, Any]]:
        """Tell every worker what changed (paths relative to the root); their answers."""
        for worker in self.workers.values():
            worker.send(paths)
        self.last = self._gather()
        return self.last

    def _merge_sitemaps(self) -> None:
        merged = self.out / "sitemap"
        merged.mkdir(exist_ok=True)
        default = self.folder(self.langs[0]) / SITEMAP
        if not default.exists():
            return
        # An edit of data/ writes no sitemap (its pages stay): merged again only when one
        # changed (0.8 s at 10,000 organisations).
        sources = [self.folder(lang) / SITEMAP for lang in self.langs]
        stamp = tuple((s.stat().st_mtime_ns, s.stat().st_size) if s.exists() else None
                      for s in sources)
        if stamp == self._merged and (merged / SITEMAP).exists():
            return
        shutil.copy2(default, merged / SITEMAP)
        shutil.copy2(default.with_name(SITEMAP + ".gz"), merged / (SITEMAP + ".gz"))
        for lang in self.langs[1:]:
            if (self.folder(lang) / SITEMAP).exists():
                merge_sitemaps(merged / SITEMAP, self.folder(lang) / SITEMAP)
        self._merged = stamp

    def file(self, site_path: str) -> Path | None:
        """The file that serves ``site_path`` ('be/organizacje/x/index.html')."""
        if site_path in (SITEMAP, SITEMAP + ".gz"):
            return self.out / "sitemap" / site_path
        lang = next((lang for lang in self.langs[1:] if site_path.startswith(prefix(lang))),
                    self.langs[0])
        found = self.folder(lang) / site_path
        return found if found.is_file() else None

    def not_found(self, site_path: str) -> Path:
        lang = next((lang for lang in self.langs[1:] if site_path.startswith(prefix(lang))),
                    self.langs[0])
        return self.folder(lang) / prefix(lang) / "404.html"

    def snapshot(self, into: Path) -> Path:
        """The site as `make site` assembles it from the languages' folders (tests)."""
        parts = {}
        for lang in self.langs:
            parts[lang] = into if lang == self.langs[0] else into.with_name(f"{into.name}.{lang}")
            shutil.copytree(self.folder(lang), parts[lang])
        try:
            return assemble(parts, self.langs[0])
        finally:
            for lang, part in parts.items():
                if lang != self.langs[0]:
                    shutil.rmtree(part, ignore_errors=True)

    def wait_for_version(self, since: int, seconds: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version > since, timeout=seconds)
            return self.version

    def close(self) -> None:
        for worker in self.workers.values():
            worker.stop()
        if self._own_out:
            shutil.rmtree(self.out, ignore_errors=True)


def relative_paths(root: Path, paths: set[str]) -> list[str]:
    found = []
    for path in sorted(paths):
        try:
            found.append(Path(path).resolve().relative_to(root).as_posix())
        except ValueError:
            continue
    return found


def is_page(site_path: str) -> bool:
    """Whether ``site_path`` ('be/organizacje/x/index.html') asks for a page (not an asset)."""
    last = site_path.rsplit("/", 1)[-1]
    return last.endswith(".html") or "." not in last


def error_page(problems: Iterable[str], path: str) -> bytes:
    """The page every address shows while the data or the build has problems."""
    items = list(problems)
    count = ngettext("{count} problem", "{count} problems", len(items)).format(count=len(items))
    rows = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in items)
    text = {
        "title": _("Pomost preview: the data has problems"),
        "lead": _("The page {path} will show as soon as the problems below are fixed.").format(
            path=path),
        "how": _("Fix them in the files named at the start of each line (file:line:column), "
                 "save the file, and this page reloads by itself."),
    }
    esc = {key: html.escape(value) for key, value in text.items()}
    page = f"""<!doctype html>
<html lang="{language()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc['title']}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem;
       color: #1a1a1a; line-height: 1.5; }}
h1 {{ color: #8b0000; font-size: 1.6rem; }}
li {{ margin: .4rem 0; }}
code {{ white-space: pre-wrap; word-break: break-word; font-size: .95rem; }}
</style>
</head>
<body>
<main>
<h1 id="pomost-problems">{esc['title']} ({html.escape(count)})</h1>
<p>{esc['lead']}</p>
<ol>
{rows}
</ol>
<p>{esc['how']}</p>
</main>
</body>
</html>
"""
    return page.encode("utf-8")


#: a WSGI app answering some addresses before the preview (the form editor, editor/app.py):
#: it returns None for the addresses it leaves to the preview
Extra = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes] | None]


def _handler(preview: Preview, base: str, extra: Extra | None = None
             ) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_HEAD(self) -> None:
            self._head_only = True
            self.do_GET()

        def do_POST(self) -> None:
            if not self._extra():
                self._send(HTTPStatus.METHOD_NOT_ALLOWED, b"", "text/plain")

        def _extra(self) -> bool:
            """Whether ``extra`` answered the request (as a WSGI app: environ in, status,
            headers and body out)."""
            if extra is None:
                return False
            url = urlsplit(self.path)
            address: Any = self.server.server_address  # (host, port) for IPv4 and IPv6
            host, port = address[0], address[1]
            size = int(self.headers.get("Content-Length") or 0)
            environ: dict[str, Any] = {
                "REQUEST_METHOD": self.command,
                "PATH_INFO": unquote(url.path).encode("utf-8").decode("latin-1"),
                "QUERY_STRING": url.query, "CONTENT_LENGTH": str(size),
                "CONTENT_TYPE": self.headers.get("Content-Type", ""),
                "SERVER_NAME": host, "SERVER_PORT": str(port),
                "SERVER_PROTOCOL": self.request_version, "wsgi.url_scheme": "http",
                "wsgi.input": io.BytesIO(self.rfile.read(size) if size else b""),
                "wsgi.errors": sys.stderr, "wsgi.version": (1, 0),
                **{"HTTP_" + k.upper().replace("-", "_"): v for k, v in self.headers.items()}}
            answer: dict[str, Any] = {}

            def start_response(status: str, headers: list[tuple[str, str]],
                               exc_info: Any = None) -> Callable[[bytes], None]:
                answer["status"], answer["headers"] = status, headers
                return lambda data: None

            body = extra(environ, start_response)
            if body is None:
                return False
            data = b"".join(body)
            code, _sep, reason = answer["status"].partition(" ")
            self.send_response(int(code), reason)
            for name, value in answer["headers"]:
                self.send_header(name, value)
            self.end_headers()
            if not getattr(self, "_head_only", False):
                self.wfile.write(data)
            return True

        def do_GET(self) -> None:
            if self._extra():
                return
            url = urlsplit(self.path)
            if url.path == "/.pomost/reload":
                since = int(url.query.partition("=")[2] or 0)
                now = preview.wait_for_version(since, 25)
                self._send(HTTPStatus.OK, b"reload" if now > since else b"same", "text/plain")
                return
            path = unquote(url.path)
            if not path.startswith(base):
                self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")
                return
            site_path = posixpath.normpath(path[len(base):]).lstrip("/")
            site_path = "" if site_path == "." else site_path
            if path.endswith("/") or not site_path:
                site_path = posixpath.join(site_path, "index.html")
            found = preview.file(site_path)
            if found is None and preview.file(posixpath.join(site_path, "index.html")):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            problems = preview.problems
            if problems is not None and is_page(site_path):
                self._send(HTTPStatus.OK, error_page(problems, path).replace(
                    b"</body>", (_RELOAD % preview.version).encode() + b"</body>"), "text/html")
                return
            status = HTTPStatus.OK
            if found is None:
                status, found = HTTPStatus.NOT_FOUND, preview.not_found(site_path)
            body = found.read_bytes() if found.is_file() else b""
            kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
            if kind == "text/html":
                body = body.replace(b"</body>", (_RELOAD % preview.version).encode() + b"</body>")
            self._send(status, body, kind)

        def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text")
                                                     else ""))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if not getattr(self, "_head_only", False):
                self.wfile.write(body)

    return Handler


def _watch(root: Path, notify: Callable[[set[str]], None]) -> Any:
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: Any) -> None:
            if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                return
            paths = {event.src_path, getattr(event, "dest_path", "") or event.src_path}
            notify({p for p in paths if p})

    observer = Observer()
    for name in WATCHED:
        path = root / name
        if path.is_dir():
            observer.schedule(Handler(), str(path), recursive=True)
    observer.schedule(Handler(), str(root), recursive=False)  # mkdocs.yml
    observer.start()
    return observer


def _say(line: str) -> None:
    print(line, flush=True)  # at once, also into a file (a log someone is reading)


def serve(root: Path, host: str, port: int, base: str = "/", say: Callable[[str], None] = _say,
          ready: threading.Event | None = None, open_browser: bool = False,
          extra: Extra | None = None, open_path: str = "/") -> int:
    """Serve the preview of the project at ``root`` until interrupted (Ctrl+C); ``extra``
    answers first where it wants to (the form editor), ``open_path`` is what the browser
    opens."""
    from pomost.records.yamlsource import is_editor_file

    started = time.perf_counter()
    say(_("Building the preview…"))
    preview = Preview(root)
    _report(preview, say, _("The preview is ready ({seconds} s).").format(
        seconds=f"{time.perf_counter() - started:.1f}"))
    pending: set[str] = set()
    wake = threading.Event()

    def notify(paths: set[str]) -> None:
        relevant = {p for p in relative_paths(preview.root, paths)
                    if not is_editor_file(p.rpartition("/")[2]) and p.split("/")[0] in WATCHED
                    and (p != "mkdocs.yml" or "/" not in p)}
        if relevant:
            pending.update(relevant)
            wake.set()

    observer = _watch(preview.root, notify)
    server = ThreadingHTTPServer((host, port), _handler(preview, base, extra))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://{host}:{server.server_address[1]}{base}"
    say(_("The preview runs at {url} — it rebuilds whenever a file is saved; stop it with "
          "Ctrl+C.").format(url=url))
    if open_browser:
        webbrowser.open(url.rstrip("/") + open_path)
    if ready is not None:
        ready.set()
    try:
        while True:
            wake.wait()
            time.sleep(QUIET)  # the end of a burst of events, not a wait for a result
            while wake.is_set():  # more came meanwhile: wait for the burst to end
                wake.clear()
                time.sleep(QUIET)
            _settle(preview.root, pending)
            paths = sorted(pending)
            pending.clear()
            code = [p for p in paths if p.startswith("hooks/") and not p.startswith(
                ("hooks/pomost/render/templates/", "hooks/pomost/render/strings/"))]
            if code:
                say(_("{files} changed: restart the preview to use the new code").format(
                    files=", ".join(code)))
            paths = [p for p in paths if p not in code and not p.endswith((".pyc", "/"))]
            if not paths:
                continue
            started = time.perf_counter()
            preview.refresh(paths)
            _report(preview, say, _("{files}: updated in {seconds} s").format(
                files=", ".join(paths), seconds=f"{time.perf_counter() - started:.2f}"))
    except KeyboardInterrupt:
        say(_("The preview has stopped."))
        return 0
    finally:
        observer.stop()
        server.shutdown()
        preview.close()


def _settle(root: Path, paths: set[str], seconds: float = 5) -> None:
    """Wait until the changed files stop changing (a large file is written in steps)."""
    def state() -> list[tuple[int, int] | None]:
        found: list[tuple[int, int] | None] = []
        for path in sorted(paths):
            try:
                info = (root / path).stat()
                found.append((info.st_mtime_ns, info.st_size))
            except OSError:
                found.append(None)
        return found

    deadline = time.monotonic() + seconds
    before = state()
    while time.monotonic() < deadline:
        time.sleep(QUIET)
        now = state()
        if now == before:
            return
        before = now


def _report(preview: Preview, say: Callable[[str], None], done: str) -> None:
    problems = preview.problems
    if problems is None:
        say(done)
        return
    for line in problems:
        say(line)
    say(ngettext("The preview shows {count} problem until it is fixed.",
                 "The preview shows {count} problems until they are fixed.",
                 len(problems)).format(count=len(problems)))
