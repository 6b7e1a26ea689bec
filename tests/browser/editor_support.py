"""`pomost edit` in a throw-away copy of the project, and Decap CMS driven in Chromium as staff
use it: through the labels and buttons they see, in Polish.

Every wait is on a condition with a deadline (a file written, a text shown), never a sleep.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pomost.editor import assets
from pomost.records.migrate import migrate

from support import ROOT, copy_project, free_port, get, missing, until

#: what a loaded 2-core machine may take for one step in the browser, in milliseconds
STEP = 60_000


def editor_dist() -> Path:
    """The pinned editor bundle (downloaded once into ROOT/.pomost if npm did not install it)."""
    try:
        return assets.dist(ROOT)
    except assets.AssetError as err:
        missing(f"the editor's code cannot be had: {err}")
        raise


def editor_project(target: Path, data: Path | None = None) -> Path:
    """A copy of the project in ``target`` with its records one file each, and the editor."""
    project = copy_project(target)
    if data is not None:
        shutil.rmtree(project / "data")
        shutil.copytree(data, project / "data")
    migrate(project / "data")
    shutil.copytree(ROOT / "editor", project / "editor")
    dist = editor_dist()
    pin = assets.pin(ROOT)
    shutil.copytree(dist, assets.cached(project, pin))
    return project


@contextmanager
def running_editor(project: Path, log_path: Path) -> Iterator[str]:
    """`pomost edit` on a free port of 127.0.0.1, until the block ends; yields its origin."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("POMOST_LANG", None)
    with open(log_path, "w+", encoding="utf-8") as log:
        server = subprocess.Popen([sys.executable, "-m", "pomost", "edit", "--addr",
                                   f"127.0.0.1:{port}"], cwd=project, stdout=log,
                                  stderr=subprocess.STDOUT, env=env)
        origin = f"http://127.0.0.1:{port}"
        try:
            until(lambda: server.poll() is not None or (get(origin + "/") or "").find(
                "pomost-problems") == -1 and get(origin + "/_pomost/"), 300, "the editor starts")
            assert server.poll() is None, "pomost edit stopped"
            yield origin
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.seek(0)
            print(log.read())


class Decap:
    """The form editor inside our page (its left frame), seen through what staff see."""

    def __init__(self, tab: Any) -> None:
        self.tab = tab
        self.frame = tab.frame_locator("#pomost-editor")

    def log_in(self) -> None:
        self.frame.get_by_role("button", name="Zaloguj się").click(timeout=STEP)

    def open(self, fragment: str) -> None:
        """Go to the editor's own address ``#/…`` (what its menu links lead to)."""
        frame = self.tab.frame(url=lambda url: "/_pomost/admin/" in url)
        frame.evaluate("fragment => { location.hash = fragment; }", fragment)

    def group(self, field: str) -> Any:
        """The form field called ``field`` (its container: input, or a group's inputs)."""
        return self.frame.locator(f'[id^="{field}-field-"]').first

    def field(self, field: str) -> Any:
        """The input of a one-line form field."""
        return self.frame.locator(f'input[id^="{field}-field-"]').first

    def text(self, field: str, polish: str, belarusian: str) -> None:
        group = self.frame.locator(f'[id^="{field}-field-"]').first
        group.locator('[id^="pl-field-"]').fill(polish)
        group.locator('[id^="be-field-"]').fill(belarusian)

    def choose(self, field: str, option: str) -> None:
        self.frame.locator(f'input[id^="{field}-field-"]').first.click()
        self.frame.get_by_text(option, exact=True).click()

    def pick(self, field: str, search: str, option: str) -> None:
        box = self.frame.locator(f'input[id^="{field}-field-"]').first
        box.fill(search)
        self.frame.locator('[class*="option"]').get_by_text(option).first.click()

    def publish(self) -> None:
        self.frame.get_by_role("button", name="Opublikuj", exact=True).click()
        self.frame.get_by_text("Opublikuj teraz", exact=True).click()

    def new_organisation(self, rid: str, role: str, name: tuple[str, str],
                         summary: tuple[str, str], what_it_does: tuple[str, str]) -> None:
        """The form of a new organisation, its required fields filled in (Polish and
        Belarusian), not yet published."""
        self.open("/collections/organisations/new")
        self.field("id").fill(rid)
        self.choose("role", role)
        self.text("name", *name)
        self.text("summary", *summary)
        self.text("what_it_does", *what_it_does)

    def publish_file(self, written: Path) -> Path:
        """Publish, and wait until the record's file ``written`` is there."""
        self.publish()
        until(written.is_file, STEP / 1000, what="the record's file is written")
        return written

    def notice(self) -> str:
        """The text of the editor's notification (a toast) once one shows."""
        toast = self.frame.locator('[class*="Toastify__toast-body"], [role="alert"]').first
        toast.wait_for(timeout=STEP)
        return str(toast.inner_text())
