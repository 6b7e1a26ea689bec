"""`mkdocs <args>` as a process of its own: a fork of this one where there is fork, so that
what this process has ready (MkDocs imported, the theme compiled: ``warm``,
theme/compiled.py) is not done again in each language's build; a new Python process where
there is no fork (Windows), with the same result, only slower to start.
"""

from __future__ import annotations

import os
import subprocess
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pomost.build.pool import forks
from pomost.theme import compiled


def warm(root: Path) -> None:
    """Ready this process for the forked builds: MkDocs imported, the theme and the pages'
    templates compiled."""
    import mkdocs.__main__  # noqa: F401 - imported once here, not in each build

    from pomost.build import project

    compiled.warm(root)
    project.warm()


def start_mkdocs(root: Path, args: list[str], log: Any, env: dict[str, str]) -> Callable[[], int]:
    """``mkdocs <args>`` in root with env, its output to ``log``: in a fork of this process
    (it has MkDocs imported and the theme compiled, ``warm``), or, where there is no fork
    (Windows), in a new Python process. Returns what waits for it and gives its exit code."""
    if not forks():
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", *args], cwd=root,
                                   stdout=log, stderr=subprocess.STDOUT, env=env)
        return process.wait
    pid = _fork_mkdocs(root, args, log, env)
    return lambda: _wait(pid)


def _fork_mkdocs(root: Path, args: list[str], log: Any, env: dict[str, str]) -> int:
    """``mkdocs <args>`` in a fork of this process, its output to ``log``; its pid."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:  # the child: what `python -m mkdocs <args>` does, in root, with env
        os.chdir(root)
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        os.environ.clear()
        os.environ.update(env)
        sys.argv = ["mkdocs", *args]
        from mkdocs.__main__ import cli
        try:
            cli.main(args=args, prog_name="mkdocs")
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _wait(pid: int) -> int:
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
