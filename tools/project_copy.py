"""A throw-away copy of the project, for tests and benchmarks that change or scale it."""

from __future__ import annotations

import shutil
from pathlib import Path

#: what a project is made of: a copy of these builds the same site elsewhere
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")


def copy_project(root: Path, target: Path, *, data: bool = True) -> Path:
    """Copy the project at ``root`` into ``target`` (without data/ when ``data`` is false)."""
    for part in PROJECT_PARTS:
        if part == "data" and not data:
            continue
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target
