"""`mkdocs build --dirty` (and so `mkdocs serve --dirty`) works on a site of phantom pages."""

from __future__ import annotations

import os
import subprocess
import sys

from support import copy_project


def test_a_dirty_build_after_a_full_one_succeeds_and_keeps_every_page(tmp_path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    site = tmp_path / "site"

    def build(*flags: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", *flags,
                               "--site-dir", str(site)], cwd=project, env=env,
                              capture_output=True, text=True)

    assert build("--strict").returncode == 0
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    dirty = build("--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert "Traceback" not in dirty.stderr
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html")) == pages
    assert "organizacje/cis-mieniany/index.html" in pages
    assert "be/organizacje/cis-mieniany/index.html" in pages
