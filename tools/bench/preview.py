"""How long the live preview takes to show a saved edit: `python -m pomost serve` on a copy of
the project, an organisation's summary edited (a few times, each time another one), and the
organisation's page fetched until it shows the edit. Also how long until the preview
had written everything the edit changed (the lists too), from its own log."""

from __future__ import annotations

import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: edits measured per size (the median is reported)
EDITS = 3


@dataclass
class Latency:
    first_build: float
    #: save -> the organisation's page served with the edit, per edit
    shown: list[float]
    #: save -> the preview done with every page and file the edit changed, per edit
    done: list[float]

    @property
    def shown_median(self) -> float:
        return statistics.median(self.shown)

    @property
    def done_median(self) -> float:
        return statistics.median(self.done)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def _until(predicate: Callable[[], object], seconds: float, every: float = 0.02) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if predicate():
            return time.perf_counter()
        time.sleep(every)
    raise TimeoutError("the preview did not show the edit")


def measure(project: Path, env: dict[str, str], log: Path, timeout: float = 1800) -> Latency:
    """Start the preview of ``project``, edit, measure, stop it."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    data = project / "data" / "organisations.yml"
    text = data.read_text(encoding="utf-8")
    ids = re.findall(r"^- id: (\S+)", text, re.M)
    with open(log, "w+", encoding="utf-8") as out:
        started = time.perf_counter()
        server = subprocess.Popen(
            [sys.executable, "-m", "pomost", "serve", "--addr", f"127.0.0.1:{port}"],
            # its messages in English: the lines read here
            cwd=project, env={**env, "POMOST_LANG": "en"}, stdout=out, stderr=subprocess.STDOUT)
        try:
            first = _until(lambda: "The preview runs at" in log.read_text(encoding="utf-8"),
                           timeout, 0.2) - started
            shown, done = [], []
            for n in range(EDITS):
                rid = ids[(n + 1) * len(ids) // (EDITS + 1)]  # spread over the file
                start = text.index(f"- id: {rid}\n")
                summary = re.compile(r"(\n  summary:\s*\n    pl: )").search(text, start)
                assert summary, rid
                text = text[:summary.end(1)] + f"Edycja{n} " + text[summary.end(1):]
                updates = log.read_text(encoding="utf-8").count("updated in")
                saved = time.perf_counter()
                data.write_text(text, encoding="utf-8")
                url, mark = f"{base}/organizacje/{rid}/", f"Edycja{n} "

                def edited(url: str = url, mark: str = mark) -> bool:
                    return mark in _get(url)

                def finished(updates: int = updates) -> bool:  # the preview says it is done
                    return log.read_text(encoding="utf-8").count("updated in") > updates

                shown.append(_until(edited, 120) - saved)
                done.append(_until(finished, 300, 0.01) - saved)
            return Latency(first, shown, done)
        finally:
            server.terminate()
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
