"""`make serve`: a YAML edit shows up in the live preview without a restart, and serve settles."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from support import copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


def test_yaml_edit_reaches_the_live_preview(tmp_path, catalog):
    project = copy_project(tmp_path)
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"})
    try:
        org = next(iter(catalog.organisations.values()))
        url = f"http://127.0.0.1:{port}/be/organizacje/{org.id}/"
        assert wait_for(lambda: (fetch(url) or "").count(org.name.be), 90), "serve did not start"
        data = project / "data" / "organisations.yml"
        text = data.read_text(encoding="utf-8")
        assert org.name.be in text
        data.write_text(text.replace(org.name.be, org.name.be + " ZMIENIONO", 1), encoding="utf-8")
        assert wait_for(lambda: "ZMIENIONO" in (fetch(url) or ""), 60), "the edit never showed"
        time.sleep(4)  # a writer into docs/ would now be rebuilding again and again
        log.seek(0)
        builds = log.read().count("Building documentation")
        assert builds <= 4, f"serve keeps rebuilding ({builds} builds)"
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
