"""`make serve`: a YAML edit shows up in the live preview without a restart, and serve settles."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request

from support import copy_project, free_port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    return None


def watched_files(project, log: str) -> dict[str, tuple[int, int]]:
    """path -> (modification time, size) of every file in what serve says it watches."""
    line = re.search(r"Watching paths for changes: (.*)", log)
    assert line, f"serve did not say what it watches:\n{log}"
    found = {}
    for name in re.findall(r"'([^']+)'", line[1]):
        root = project / name
        for path in [root] if root.is_file() else sorted(root.rglob("*")):
            if path.is_file():
                stat = path.stat()
                found[path.relative_to(project).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found


def builds(log: str) -> tuple[int, int]:
    """How many builds serve has started, and finished. Serve's own lines, not the build's:
    the first build ends before "Serving on", each rebuild with "Reloading browsers" (or its
    error). MkDocs's "Documentation built in" is no measure: the i18n plugin filters it out
    while it builds the other language, and a rebuild on a busy machine was seen to end
    without one."""
    finished = (("Serving on" in log) + log.count("Reloading browsers")
                + log.count("An error happened during the rebuild"))
    return log.count("Building documentation..."), finished


def test_yaml_edit_reaches_the_live_preview(tmp_path, catalog):
    project = copy_project(tmp_path / "project")
    port = free_port()
    log_path = tmp_path / "serve.log"
    log = open(log_path, "w")  # noqa: SIM115 - serve writes into it until the finally below
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"})
    read_log = lambda: log_path.read_text(encoding="utf-8")
    try:
        org = next(iter(catalog.organisations.values()))
        url = f"http://127.0.0.1:{port}/be/organizacje/{org.id}/"
        assert wait_for(lambda: (fetch(url) or "").count(org.name.be), 90), "serve did not start"
        before = watched_files(project, read_log())
        data = project / "data" / "organisations.yml"
        text = data.read_text(encoding="utf-8")
        assert org.name.be in text
        data.write_text(text.replace(org.name.be, org.name.be + " ZMIENIONO", 1), encoding="utf-8")
        assert wait_for(lambda: "ZMIENIONO" in (fetch(url) or ""), 60), "the edit never showed"
        # The build that showed the edit has finished (its page is written before its end).
        assert wait_for(lambda: builds(read_log())[0] == builds(read_log())[1] >= 2, 60), \
            f"the rebuild did not finish:\n{read_log()}"
        # Serve settles: a build that wrote into what serve watches (a page into docs/, say)
        # would start the next build, and so on forever. Nothing but the edit has changed.
        after = watched_files(project, read_log())
        changed = sorted(path for path in before.keys() | after.keys()
                         if before.get(path) != after.get(path))
        assert changed == ["data/organisations.yml"], "a build wrote into what serve watches"
        started, _ = builds(read_log())
        assert started <= 4, f"serve keeps rebuilding ({started} builds)"
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
