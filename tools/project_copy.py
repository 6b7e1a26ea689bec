"""A throw-away copy of the project, for tests and benchmarks that change or scale it."""

from __future__ import annotations

import shutil
from pathlib import Path

from pomost.records.yamlsource import ignore_editor_files

#: what a project is made of: a copy of these builds the same site elsewhere
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")


def _ignored(folder: str, names: list[str]) -> set[str]:
    """Compiled Python, and editors' lock and backup files (a lock can be a link to nowhere)."""
    return {"__pycache__", *ignore_editor_files(folder, names)} & set(names)


def copy_project(root: Path, target: Path, *, data: bool = True) -> Path:
    """Copy the project at ``root`` into ``target`` (without data/ when ``data`` is false)."""
    for part in PROJECT_PARTS:
        if part == "data" and not data:
            continue
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=_ignored)
        else:
            shutil.copy2(source, target / part)
    return target
