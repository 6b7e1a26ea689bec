"""`python -m tools.bench 100 1000 10000 [--national]`: see tools/bench/__init__.py and README,
"Performance"."""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from pomost.langs import LANGS
from pomost.records.catalog import load_catalog
from pomost.records.kinds import with_pages
from tools.bench import data, hugo, measure, preview, searchbench, stock
from tools.project_copy import copy_project

ROOT = Path.cwd()
MiB = 1024 * 1024
SITE_URL = "https://pomost.example.org/"

#: the targets of issue 18 (README, "Performance")
MAX_RATIO = 0.3          # Pomost / stock at 10,000, same run
MAX_HUGO = 3.0           # Pomost / Hugo at 10,000, same run
MAX_GROWTH = 1.2         # seconds per page, largest size / 1,000
MAX_PREVIEW = {1000: 1.0, 10000: 3.0}
MAX_PEAK = 4096 * MiB    # at 100,000
MAX_PAGE = 40 * 1024
#: the national scale, behind --national (`make bench-national`)
NATIONAL = 100_000
#: above this many organisations the stock MkDocs build is not run (it would take hours)
STOCK_UP_TO = 10_000
#: the targets of issue 17: a reader's first search (README, "Search")
MAX_FIRST_SEARCH = 300 * 1024
MAX_FIRST_SEARCH_LARGE = 1024 * 1024
MAX_ANSWER_MS = 300
#: the size the search figures are also measured at, without building the site
SEARCH_ONLY = 100_000

HEADER = ("| organisations | pages | Pomost s | CPU s | peak MiB | stock s | stock CPU s "
          "| stock peak MiB | Hugo s | Hugo CPU s | Pomost / stock | Pomost / Hugo "
          "| largest record page KB | largest list page KB | preview: page shown s "
          "| preview: all done s |\n"
          "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
SEARCH_HEADER = ("| organisations | search entries pl / be | index files pl / be | index MB pl / be "
                 "| index written in s | first search KB pl / be | answer ms pl / be |\n"
                 "|---:|---:|---:|---:|---:|---:|---:|")


def _copy_project(target: Path, organisations: int) -> dict[str, int]:
    copy_project(ROOT, target, data=False)
    return data.generate(ROOT / "data", target / "data", organisations)


def _env(project: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}


def _pages(site: Path) -> list[Path]:
    return list(site.rglob("index.html"))


def record_pages(site: Path) -> list[Path]:
    """Every generated record page of a built site (each kind's folder, both languages)."""
    folders = {k.folder for k in with_pages() if k.pages == "generated"}
    return [p for p in _pages(site) if p.parent.parent.name in folders]


def _list_pages(site: Path) -> list[Path]:
    """The pages that list many records: the sections' indexes (and their further pages),
    the delegation pack, the A–Z index."""
    records = set(record_pages(site))
    return [p for p in _pages(site) if p not in records]


def bench(organisations: int, keep: Path | None, with_preview: bool, with_search: bool) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"pomost-bench-{organisations}-"))
    try:
        project, twin, hugo_twin = work / "pomost", work / "stock", work / "hugo"
        project.mkdir()
        counts = _copy_project(project, organisations)
        stock.write_stock_project(project, twin)
        build = [sys.executable, "-m", "pomost", "build", "--site-dir", "site"]
        # timed alone, then built again for its memory (measure.py: sampling slows it)
        ours = measure.run(build, project, _env(project), sample=False)
        if ours.returncode:
            raise SystemExit(f"the Pomost build failed:\n{ours.output}")
        result: dict = {"organisations": counts["organisations"], "events": counts["events"]}
        site = project / "site"
        result.update(pages=len(_pages(site)), seconds=ours.seconds, cpu=ours.cpu_seconds,
                      largest_page=max(p.stat().st_size for p in record_pages(site)),
                      largest_list=max(p.stat().st_size for p in _list_pages(site)))
        result["peak"] = measure.run(build, project, _env(project)).peak_bytes
        if with_search:
            # What search adds to the build: the same index written again from the same
            # records (into a scratch folder), timed alone; then a reader's first search.
            timed = searchbench.index_site(load_catalog(project / "data"), work / "index")
            result["search"] = {"seconds": timed["seconds"],
                                "sizes": searchbench.index_sizes(site),
                                "browser": searchbench.measure(site)}
        shutil.rmtree(site)
        if organisations <= STOCK_UP_TO:
            # one process: its peak is the kernel's, without sampling
            theirs = measure.run([sys.executable, "-m", "mkdocs", "build", "--quiet",
                                  "--site-dir", "site"], twin, _env(twin), sample=False)
            if theirs.returncode:
                raise SystemExit(f"the stock build failed:\n{theirs.output}")
            result.update(stock_pages=len(_pages(twin / "site")), stock_seconds=theirs.seconds,
                          stock_cpu=theirs.cpu_seconds, stock_peak=theirs.peak_bytes)
            shutil.rmtree(twin / "site")
        if shutil.which("hugo"):
            hugo.write_hugo_project(twin, hugo_twin, SITE_URL)
            built = measure.run(["hugo", "--quiet", "-d", "public"], hugo_twin, dict(os.environ),
                                sample=False)
            if built.returncode:
                raise SystemExit(f"the Hugo build failed:\n{built.output}")
            result.update(hugo_seconds=built.seconds, hugo_cpu=built.cpu_seconds,
                          hugo_pages=len(_pages(hugo_twin / "public")))
        if with_preview:
            latency = preview.measure(project, _env(project), work / "serve.log")
            result.update(preview_shown=latency.shown_median, preview_done=latency.done_median,
                          preview_all=(latency.shown, latency.done),
                          preview_first=latency.first_build)
        return result
    finally:
        if keep:
            shutil.copytree(work, keep / work.name, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)


def search_only(organisations: int, keep: Path | None) -> dict:
    """The search figures at a size whose site is not built: the shipped site with the index
    of ``organisations`` synthetic organisations (searchbench.index_site)."""
    work = Path(tempfile.mkdtemp(prefix=f"pomost-search-{organisations}-"))
    try:
        project = work / "pomost"
        project.mkdir()
        copy_project(ROOT, project)
        built = measure.run([sys.executable, "-m", "pomost", "build", "--site-dir", "site"],
                            project, _env(project))
        if built.returncode:
            raise SystemExit(f"the Pomost build failed:\n{built.output}")
        site = project / "site"
        timed = searchbench.index_site(searchbench.synthetic_catalog(organisations), site)
        return {"organisations": organisations, "search": {
            "seconds": timed["seconds"], "sizes": searchbench.index_sizes(site),
            "browser": searchbench.measure(site)}}
    finally:
        if keep:
            shutil.copytree(work, keep / work.name, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)


def search_row(r: dict) -> str:
    s, b = r["search"], r["search"]["browser"]
    sizes = s["sizes"]
    return (f"| {r['organisations']:,} | {sizes['pl']['entries']:,} / {sizes['be']['entries']:,} "
            f"| {sizes['pl']['files']:,} / {sizes['be']['files']:,} "
            f"| {sizes['pl']['bytes'] / MiB:.2f} / {sizes['be']['bytes'] / MiB:.2f} "
            f"| {s['seconds']:.1f} | {b['pl']['bytes'] / 1024:.0f} / {b['be']['bytes'] / 1024:.0f} "
            f"| {b['pl']['ms']:.0f} / {b['be']['ms']:.0f} |")


def search_verdicts(results: list[dict]) -> list[str]:
    ok = lambda good: "met" if good else "NOT MET"
    lines = []
    for r in results:
        b = r["search"]["browser"]
        size = max(b[lang]["bytes"] for lang in LANGS)
        ms = max(b[lang]["ms"] for lang in LANGS)
        n = r["organisations"]
        if n >= SEARCH_ONLY:
            lines.append(f"- first search under 1 MB at {n:,}: {size / 1024:.0f} KB — "
                         f"{ok(size < MAX_FIRST_SEARCH_LARGE)}")
        elif n >= 10_000:
            lines.append(f"- first search under 300 KB at {n:,}: {size / 1024:.0f} KB — "
                         f"{ok(size < MAX_FIRST_SEARCH)}")
            lines.append(f"- answer in under {MAX_ANSWER_MS} ms at {n:,}: {ms:.0f} ms — "
                         f"{ok(ms < MAX_ANSWER_MS)}")
    return lines


def _f(value: float | None, spec: str = ".1f") -> str:
    return "–" if value is None else format(value, spec)


def row(r: dict) -> str:
    stock_s, hugo_s = r.get("stock_seconds"), r.get("hugo_seconds")
    return (f"| {r['organisations']:,} | {r['pages']:,} | {r['seconds']:.1f} | {r['cpu']:.1f} "
            f"| {r['peak'] / MiB:.0f} | {_f(stock_s)} | {_f(r.get('stock_cpu'))} "
            f"| {_f(r['stock_peak'] / MiB if 'stock_peak' in r else None, '.0f')} "
            f"| {_f(hugo_s)} | {_f(r.get('hugo_cpu'))} "
            f"| {_f(r['seconds'] / stock_s if stock_s else None, '.2f')} "
            f"| {_f(r['seconds'] / hugo_s if hugo_s else None, '.2f')} "
            f"| {r['largest_page'] / 1024:.1f} | {r['largest_list'] / 1024:.0f} "
            f"| {_f(r.get('preview_shown'), '.2f')} | {_f(r.get('preview_done'), '.2f')} |")


def verdicts(results: list[dict]) -> list[str]:
    """One line per target: met or not, with the figure."""
    lines = []
    ok = lambda good: "met" if good else "NOT MET"
    by_size = {r["organisations"]: r for r in results}
    at = by_size.get(10_000)
    if at and at.get("stock_seconds"):
        ratio = at["seconds"] / at["stock_seconds"]
        lines.append(f"- at most {MAX_RATIO}× the stock build at 10,000 (same pages, same run): "
                     f"{ratio:.2f}× — {ok(ratio <= MAX_RATIO)}")
    if at and at.get("hugo_seconds"):
        ratio = at["seconds"] / at["hugo_seconds"]
        lines.append(f"- within {MAX_HUGO:.0f}× of Hugo at 10,000 (same pages, same run): "
                     f"{ratio:.2f}× — {ok(ratio <= MAX_HUGO)}")
    small = by_size.get(1000)
    for large in (r for r in results if r["organisations"] > 1000 and small):
        assert small is not None
        growth = (large["seconds"] / large["pages"]) / (small["seconds"] / small["pages"])
        cpu = (large["cpu"] / large["pages"]) / (small["cpu"] / small["pages"])
        lines.append(f"- time per page at {large['organisations']:,} within {MAX_GROWTH}× of "
                     f"1,000: {growth:.2f}× (CPU time per page: {cpu:.2f}×) — "
                     f"{ok(growth <= MAX_GROWTH)}")
    for size, limit in MAX_PREVIEW.items():
        r = by_size.get(size)
        if r and "preview_shown" in r:
            shown, done = r["preview_all"]
            lines.append(f"- preview at {size:,}: edited page shown in under {limit:.0f} s: "
                         f"{r['preview_shown']:.2f} s (each edit: "
                         f"{', '.join(f'{s:.2f}' for s in shown)}; everything the edit changed "
                         f"written: {', '.join(f'{s:.2f}' for s in done)}) — "
                         f"{ok(r['preview_shown'] < limit)}")
    national = by_size.get(NATIONAL)
    if national:
        lines.append(f"- peak memory at {NATIONAL:,} under 4 GiB: "
                     f"{national['peak'] / MiB:.0f} MiB — {ok(national['peak'] < MAX_PEAK)}")
        lines.append(f"- largest list page at {NATIONAL:,}: {national['largest_list'] / 1024:.0f}"
                     " KB (lists split into pages)")
    page = max(r["largest_page"] for r in results)
    lines.append(f"- every record page under 40 KB: largest {page / 1024:.1f} KB — "
                 f"{ok(page < MAX_PAGE)}")
    return lines


def _machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text()
                      .splitlines() if line.startswith("MemTotal")) / 1024 / 1024
    except (OSError, StopIteration):
        memory = 0
    return (f"machine: {model}, {os.cpu_count()} cores, {memory:.1f} GiB, {platform.system()}, "
            f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f} at start")


class _Load:
    """The 1-minute load average, sampled every few seconds while the bench runs (on a
    shared machine the figures mean little without it)."""

    def __init__(self, every: float = 5.0) -> None:
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def _run(self, every: float) -> None:
        while not self._stop.wait(every):
            self.samples.append(os.getloadavg()[0])

    def since(self, start: int) -> str:
        part = self.samples[start:] or [os.getloadavg()[0]]
        return f"{min(part):.1f}–{max(part):.1f} (mean {sum(part) / len(part):.1f})"

    def stop(self) -> None:
        self._stop.set()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench")
    parser.add_argument("sizes", nargs="*", type=int, help="numbers of organisations")
    parser.add_argument("--national", action="store_true",
                        help=f"also {NATIONAL:,} organisations (slow: not every day)")
    parser.add_argument("--no-preview", action="store_true", help="skip the preview latency")
    parser.add_argument("--no-search", action="store_true",
                        help="skip a reader's first search in Chromium (issue 17's figures)")
    parser.add_argument("--search-at", type=int, default=None,
                        help="also measure search alone at this size (default: "
                        f"{SEARCH_ONLY:,} when 10,000 is among the sizes; 0: no)")
    parser.add_argument("--keep", type=Path, help="copy each generated project here")
    args = parser.parse_args(argv)
    sizes = [*args.sizes, *([NATIONAL] if args.national else [])]
    if not sizes:
        parser.error("give the numbers of organisations, or --national")
    with_search = not args.no_search and searchbench.available()
    if args.search_at is None:
        args.search_at = SEARCH_ONLY if with_search and max(sizes) >= 10_000 else 0
    print(_machine())
    if not shutil.which("hugo"):
        print("(hugo is not installed: apt-get install hugo to compare with it)")
    if not args.no_search and not with_search:
        print("(no Chromium: the search figures are left out)")
    print(HEADER, flush=True)
    load = _Load()
    results, loads = [], []
    for size in sizes:
        start = len(load.samples)
        result = bench(size, args.keep, not args.no_preview and size in MAX_PREVIEW,
                       with_search and size <= STOCK_UP_TO)
        results.append(result)
        loads.append(f"- {size:,}: load average {load.since(start)}")
        print(row(result), flush=True)
    print("\nload average (1 min) while each size ran:\n" + "\n".join(loads))
    searched = [r for r in results if "search" in r]
    if args.search_at:
        print(f"\n(search only, at {args.search_at:,} organisations…)", flush=True)
        searched.append(search_only(args.search_at, args.keep))
    if searched:
        server = searched[-1]["search"]["browser"].get("server", "?")
        print("\nSearch: a reader's first search in Chromium (the largest of "
              f"{len(searchbench.QUERIES['pl'])} queries per language, typed and pasted; "
              f"served by {server})\n")
        print(SEARCH_HEADER)
        for result in searched:
            print(search_row(result))
    load.stop()
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end\n")
    print("\n".join(verdicts(results) + search_verdicts(searched)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
