"""`pomost serve`: a live preview that starts, and stays useful, whatever state the data is in.

MkDocs' own `mkdocs serve` stops at once when the first build fails, and after a failed
rebuild it keeps every page waiting ("the server will appear stuck"). Here the same pieces —
MkDocs' build and its LiveReloadServer — are put together so that a failed build is a
state, not an end:

* each build first checks data/ (the catalog is then reused by the build itself); if the
  data or the build has problems, the build "succeeds" without writing pages and the
  problems are kept;
* while there are problems, every page address, in every language, answers with one page
  listing them (in the language of messages), and MkDocs' livereload script is put into it
  like into any page: when a saved file fixes them, the next build ends the error state and
  the browser reloads by itself to the page it asked for;
* drafts are shown, labelled (POMOST_PREVIEW=1, see build/project.py).

It uses three private parts of mkdocs 1.6.1's LiveReloadServer (``_epoch_cond``,
``_visible_epoch``/``_wanted_epoch`` and ``_inject_js_into_html``): the theme layer is where
what depends on MkDocs lives, and `tests/browser/test_staff_preview.py` fails if they change.
"""

from __future__ import annotations

import html
import logging
import os
import sys
import tempfile
import time
import webbrowser
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pomost.build import project as site
from pomost.l10n import _, language, ngettext
from pomost.records.catalog import DataError

#: what the preview watches, besides what mkdocs.yml's ``watch`` adds
WATCHED = ("docs", "data", "overrides", "mkdocs.yml")


class State:
    """What the last build found: None while all is well, else the problems, one a line."""

    def __init__(self) -> None:
        self.problems: list[str] | None = None


class _Collect(logging.Handler):
    """MkDocs' errors during one build (its exceptions only say "Aborted")."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.extend(line for line in record.getMessage().splitlines() if line.strip())


class _Say(logging.Handler):
    """MkDocs' warnings, marked as MkDocs' own words (they are not translated)."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno == logging.WARNING:
            print(_("MkDocs says: {message}").format(message=record.getMessage()),
                  file=sys.stderr)


def _is_page(path: str) -> bool:
    if path.startswith("/livereload/"):
        return False
    last = path.rsplit("/", 1)[-1]
    return path.endswith("/") or last.endswith(".html") or "." not in last


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


def serve(root: Path, host: str, port: int, open_browser: bool = False,
          extra: Extra | None = None, open_path: str = "/") -> int:
    """Run the preview of the project at ``root`` on http://host:port/ until Ctrl+C;
    ``extra`` answers first where it wants to, ``open_path`` is what the browser opens."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    os.environ[site.PREVIEW_VARIABLE] = "1"
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(_Say())
    logging.getLogger("mkdocs").propagate = False
    state = State()
    site_dir = tempfile.mkdtemp(prefix="pomost-preview-")
    url = f"http://{host}:{port}/"

    def get_config() -> Any:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=site_dir)
        config.site_url = url
        return config

    def fail(problems: list[str]) -> None:
        state.problems = problems
        for line in problems:
            print(line, file=sys.stderr)
        print(ngettext("The preview shows {count} problem until it is fixed.",
                       "The preview shows {count} problems until they are fixed.",
                       len(problems)).format(count=len(problems)), file=sys.stderr)

    def builder(config: Any = None) -> None:
        started = time.perf_counter()
        print(_("Building the preview…"))
        try:
            site.project(root)  # the data first: the build reuses what is read here
        except DataError as err:
            fail([str(problem) for problem in err.problems])
            return
        collect = _Collect()
        logging.getLogger("mkdocs").addHandler(collect)
        try:
            build(config or get_config(), serve_url=url, dirty=False)
        except (Exception, SystemExit) as err:  # a PluginError, a broken mkdocs.yml…
            fail(collect.lines or [str(err)])
            return
        finally:
            logging.getLogger("mkdocs").removeHandler(collect)
        state.problems = None
        print(_("The preview is ready ({seconds} s): {url}").format(
            seconds=f"{time.perf_counter() - started:.1f}", url=url))

    config = None
    try:
        config = get_config()
        config.plugins.on_startup(command="serve", dirty=False)
    except (Exception, SystemExit) as err:
        config = None
        fail([_("mkdocs.yml cannot be read: {error}").format(error=err)])
    if config is not None:
        builder(config)
    server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir)
    server.error_handler = _error_pages(site_dir)
    server.set_app(_showing_problems(server, state, server.serve_request, extra))
    for part in WATCHED:
        if (root / part).exists():
            server.watch(str(root / part))
    if config is not None:
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
    print(_("The preview runs at {url} — it rebuilds whenever a file is saved; stop it with "
            "Ctrl+C.").format(url=url))
    try:
        server.serve(open_in_browser=False) if not open_browser else _serve_and_open(
            server, url.rstrip("/") + open_path)
    except KeyboardInterrupt:
        print(_("The preview has stopped."))
    finally:
        server.shutdown()
        if config is not None:
            config.plugins.on_shutdown()
        import shutil
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


def _serve_and_open(server: Any, url: str) -> None:
    webbrowser.open(url)
    server.serve(open_in_browser=False)


def _error_pages(site_dir: str) -> Callable[[int], bytes | None]:
    def handler(code: int) -> bytes | None:  # as mkdocs serve: the site's own 404 page
        page = Path(site_dir) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None
    return handler


def _showing_problems(server: Any, state: State, app: Callable[..., Any],
                      extra: Extra | None = None) -> Callable[..., Any]:
    """The server's WSGI app, answering every page with the problems while there are any."""

    def preview(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        answered = extra(environ, start_response) if extra is not None else None
        if answered is not None:
            return answered
        path = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8", "ignore")
        if not _is_page(path):
            return app(environ, start_response)
        with server._epoch_cond:  # a build under way: answer when it is done, as MkDocs does
            server._epoch_cond.wait_for(lambda: server._visible_epoch == server._wanted_epoch)
            epoch = server._visible_epoch
        problems = state.problems
        if problems is None:
            return app(environ, start_response)
        body = server._inject_js_into_html(error_page(problems, path), epoch)
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                  ("Content-Length", str(len(body))),
                                  ("Cache-Control", "no-store")])
        return [body]

    return preview
