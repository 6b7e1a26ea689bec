"""Many pages written on every core: the pages, in chunks, taken from a queue by forked
children of the build and by the build itself.

A language's build has everything a record page needs in memory once its structure is
known (the catalog, the renderer, the theme's frames): forking it then costs nothing, and
the children share that memory until they write to it. The chunks are numbers in a pipe;
whoever is free reads the next one, so a child that was given slow pages does not hold the
others up, and the build itself joins in as soon as its own work (the hand-written pages,
the files beside the pages) is done. A child that fails writes what went wrong to a file
and exits non-zero; ``finish`` raises it. Children write files only: what the build
collects (search entries, the sitemap) was collected before.

``POMOST_CORES`` overrides the number of cores (tests; a CI runner's share).
No MkDocs here: ``work(item)`` renders and writes one page.
"""

from __future__ import annotations

import contextlib
import gc
import os
import struct
import tempfile
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pomost.l10n import _

CORES_VARIABLE = "POMOST_CORES"
#: pages per chunk: small enough to share the work out evenly, large enough that the queue
#: costs nothing
CHUNK = 48
_NUMBER = struct.Struct("=I")


class WorkerError(Exception):
    """A child failed; the message is what it raised."""


@contextlib.contextmanager
def no_collector() -> Iterator[None]:
    """Without Python's cycle collector meanwhile: for making many objects that stay and no
    cycles (a catalog pickled or unpickled), where each of its rounds would walk all of them
    again to find nothing (about half the time of pickling a catalog)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def forks() -> bool:
    """Whether this system can fork a process (not on Windows): without it every page and
    record is done by the process itself, and each language's build starts a new Python."""
    return hasattr(os, "fork")


def cores() -> int:
    """The cores this build may use."""
    wanted = os.environ.get(CORES_VARIABLE)
    if wanted:
        return max(1, int(wanted))
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class Pool:
    """``work`` on every item: by ``children`` forked processes and this one."""

    def __init__(self, items: Sequence[Any], work: Callable[[Any], None], children: int) -> None:
        self.items, self.work = items, work
        chunks = (len(items) + CHUNK - 1) // CHUNK
        # Where there is no fork (Windows), this process writes every page.
        self.children = max(0, min(children, chunks - 1)) if forks() else 0
        self._pids: dict[int, Path] = {}
        self._queue: int | None = None
        self._chunks = chunks

    def _run(self, queue: int) -> None:
        while True:
            data = os.read(queue, _NUMBER.size)
            if not data:
                return
            (chunk,) = _NUMBER.unpack(data)
            for item in self.items[chunk * CHUNK:(chunk + 1) * CHUNK]:
                self.work(item)

    def start(self) -> None:
        """Fork the children; they start at once."""
        if not self.children:
            return
        read, write = os.pipe()
        payload = b"".join(_NUMBER.pack(i) for i in range(self._chunks))
        # The whole queue goes in before anyone reads (a pipe holds 64 KiB: 16,384 chunks,
        # 786,432 pages); then the writing end closes, so an empty pipe means "done".
        if len(payload) > 65536:
            raise ValueError("too many pages for one queue")
        os.write(write, payload)
        os.close(write)
        self._queue = read
        gc.freeze()  # the collector would otherwise touch, and so copy, every shared object
        for _child in range(self.children):
            report = Path(tempfile.mkstemp(prefix="pomost-worker-")[1])
            pid = os.fork()
            if pid == 0:  # the child: work, then leave without running the parent's exit code
                code = 0
                try:
                    self._run(read)
                except BaseException:
                    code = 1
                    with contextlib.suppress(BaseException):
                        report.write_text(traceback.format_exc(), encoding="utf-8")
                finally:
                    os._exit(code)
            self._pids[pid] = report
        gc.unfreeze()

    def finish(self) -> None:
        """Do what is left of the queue here, wait for the children; raise what one raised."""
        try:
            if self._queue is None:
                for item in self.items:
                    self.work(item)
            else:
                self._run(self._queue)
        finally:
            failures = []
            for pid, report in self._pids.items():
                _pid, status = os.waitpid(pid, 0)
                if status:
                    text = report.read_text(encoding="utf-8") if report.exists() else ""
                    failures.append(text.strip() or _("a helper process ended with status "
                                                      "{status}").format(status=status))
                report.unlink(missing_ok=True)
            self._pids.clear()
            if self._queue is not None:
                os.close(self._queue)
                self._queue = None
        if failures:
            raise WorkerError(failures[0])
