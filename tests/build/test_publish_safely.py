"""A failed `make site` leaves the site/ published before it complete and unchanged."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

from support import copy_project


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def make_site(project):
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "pomost", "build", "--site-dir", "site"],
                          cwd=project, env=env, capture_output=True, text=True)


def test_failed_builds_keep_the_published_site(tmp_path):
    project = copy_project(tmp_path)
    first = make_site(project)
    assert first.returncode == 0, first.stderr
    before = snapshot(project / "site")
    assert "index.html" in before and "be/index.html" in before

    # 1. Broken data: stopped by validation, with the file and line.
    people = project / "data" / "people.yml"
    good = people.read_text(encoding="utf-8")
    people.write_text(good.replace("  name:", "  name:\n\tpl: x", 1), encoding="utf-8")
    failed = make_site(project)
    assert failed.returncode != 0
    assert "data/people.yml:" in failed.stderr and "Traceback" not in failed.stderr
    assert snapshot(project / "site") == before

    # 2. Valid data, but the build itself fails (a page without its Belarusian twin).
    people.write_text(good, encoding="utf-8")
    (project / "docs" / "jak-dziala-system.be.md").unlink()
    failed = make_site(project)
    assert failed.returncode != 0
    assert "jak-dziala-system.be.md is missing" in failed.stdout + failed.stderr
    assert snapshot(project / "site") == before
    assert not list(project.glob(".site-build-*")), "the half-built folder is removed"


