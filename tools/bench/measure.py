"""Run one build and measure it: wall seconds and the peak memory of its process tree.

CPU seconds (user + system, the build and every process it waited for) are shown too: on
a machine busy with other work, wall time varies from run to run and CPU time much less.

Peak memory is the largest sum of the proportional set size (PSS) over the build and all
its child processes, sampled every 200 ms from /proc (Linux): both languages run at once, so
the sum matters, and the children a language's build forks share its memory — PSS counts a
page shared by several processes once in all (resident size would count it in each). It
is never less than the largest single process the kernel reports.

Sampling slows what it measures (each sample makes the kernel walk the memory of every
process of the build): a build of several processes is timed in a run of its own, not
sampled (``sample=False``: its peak is then the largest single process), and its memory
measured in another.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE")
#: seconds between two samples: reading a process's smaps_rollup costs the kernel a walk of
#: its memory, CPU the measured build then lacks on a 2-core machine; a build's peak lasts
#: longer than this
EVERY = 0.2


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system time of the whole process tree
    peak_bytes: int
    returncode: int
    output: str


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):  # the process has ended, or no smaps_rollup
        pass
    with contextlib.suppress(OSError, IndexError, ValueError):
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
    return 0


def _tree_memory(pid: int) -> int:
    tree, total, todo = _children(), 0, [pid]
    while todo:
        current = todo.pop()
        total += _pss(current)
        todo.extend(tree.get(current, []))
    return total


def run(command: list[str], cwd: Path, env: dict[str, str], sample: bool = True) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    peak = [0]
    done = threading.Event()

    def sample_memory() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_memory(process.pid))
            done.wait(EVERY)

    sampler = threading.Thread(target=sample_memory, daemon=True)
    if sample:
        sampler.start()
    assert process.stdout is not None
    output = process.stdout.read()  # to the end: the build and all it started are done
    # wait4, not RUSAGE_CHILDREN: the usage of this build alone (the largest process it
    # had, its CPU), not the largest of every build this bench ran before
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stdout.close()
    seconds = time.perf_counter() - started
    done.set()
    if sample:
        sampler.join()
    return Run(seconds, usage.ru_utime + usage.ru_stime, max(peak[0], usage.ru_maxrss * 1024),
               process.returncode, output)
