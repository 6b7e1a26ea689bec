"""Headless Chromium for the browser layer: the built site over HTTP, Chromium run directly.

The browser is Debian's Chromium (`apt-get install chromium`), driven by Playwright for
Python; Playwright's own browser download is never used. Locally the browser tests are
skipped when Chromium or the npm test tools are missing; with CI=true that is a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

from support import ROOT, missing

ARTIFACTS = ROOT / "test-artifacts"
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

#: The WCAG 2.1 A and AA rules of axe-core.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]

NARROW = {"width": 360, "height": 740}
WIDE = {"width": 1280, "height": 900}


def chromium_path() -> str:
    # POMOST_CHROMIUM: another Chromium build, e.g. on a machine without Debian's package.
    path = os.environ.get("POMOST_CHROMIUM") or shutil.which("chromium") or ""
    if not path:
        missing("Chromium is not installed: apt-get install chromium (.ci/run does it)")
    return path


def tool(path: Path) -> Path:
    if not path.is_file():
        missing(f"{path.relative_to(ROOT)} is missing: run `make test-tools` (npm ci)")
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` on a free loopback port; returns the server and its origin."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def artifact(name: str) -> Path:
    """Where a screenshot called ``name`` goes: test-artifacts/ (ignored by git)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot into test-artifacts/."""
    path = artifact(name)
    page.screenshot(path=str(path), full_page=True)
    return path


def page_overflow(page) -> dict:
    """How far the page scrolls sideways, and the widest elements that stick out."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const culprits = [...document.querySelectorAll('body *')]
          .filter(el => el.getBoundingClientRect().right > width + 1
                        && el.getClientRects().length)
          .filter(el => !el.closest('.pomost-scroll'))
          .slice(0, 5)
          .map(el => el.tagName + '.' + [...el.classList].join('.'));
        return {scroll: document.documentElement.scrollWidth, width, culprits};
    }""")


def settle(tab, timeout: float = 30.0) -> None:
    """Wait until no CSS transition or animation runs on the page (a drawer sliding in, a
    menu fading in), or fail after ``timeout`` seconds.

    Polled from here, not with wait_for_function: with JavaScript off the page runs no
    timers of its own, so a condition polled inside the page is never checked again.
    getAnimations() also starts the transitions a click has just caused, so none is missed.
    """
    deadline = time.monotonic() + timeout
    running = "() => document.getAnimations().filter(a => a.playState === 'running').length"
    while tab.evaluate(running):
        assert time.monotonic() < deadline, f"CSS transitions still running after {timeout} s"
        time.sleep(0.02)


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    """Debian's Chromium run once, headless, with a fresh profile; its log on stderr."""
    return subprocess.run(
        [chromium_path(), *CHROMIUM_ARGS, f"--user-data-dir={profile}",
         "--enable-logging=stderr", "--v=0", *args],
        capture_output=True, text=True, timeout=60)
