"""`python -m tools.bench 100 1000 10000`: see tools/bench/__init__.py and README, "Performance"."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from pomost.langs import LANGS
from pomost.records.catalog import load_catalog
from tools.bench import data, measure, searchbench, stock
from tools.project_copy import copy_project

ROOT = Path.cwd()
MiB = 1024 * 1024

#: the targets of issue 8 (README, "Performance")
MAX_SECONDS_AT_10000 = 60
MAX_RATIO = 0.6
MAX_GROWTH = 1.2
MAX_PEAK = 1024 * MiB
MAX_PAGE = 40 * 1024
MAX_INDEX = 5 * MiB
#: the targets of issue 17: a reader's first search (README, "Search")
MAX_FIRST_SEARCH = 300 * 1024
MAX_FIRST_SEARCH_LARGE = 1024 * 1024
MAX_ANSWER_MS = 300
#: the size the search figures are also measured at, without building the site
SEARCH_ONLY = 100_000

HEADER = ("| organisations | pages | Pomost s | pages/s | CPU s | peak MiB | stock s | stock CPU s "
          "| stock peak MiB | Pomost / stock | largest record page KB | search index pl / be MB |\n"
          "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
SEARCH_HEADER = ("| organisations | search entries pl / be | index files pl / be | index MB pl / be "
                 "| index written in s | first search KB pl / be | answer ms pl / be |\n"
                 "|---:|---:|---:|---:|---:|---:|---:|")


def _copy_project(target: Path, organisations: int) -> dict[str, int]:
    copy_project(ROOT, target, data=False)
    return data.generate(ROOT / "data", target / "data", organisations)


def _env(project: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}


def _pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("index.html")]


def _record_pages(site: Path) -> list[Path]:
    return [p for p in _pages(site) if p.parent.parent.name in ("instrumenty", "organizacje",
                                                                   "wydarzenia")]


def bench(organisations: int, keep: Path | None) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"pomost-bench-{organisations}-"))
    try:
        project, twin = work / "pomost", work / "stock"
        project.mkdir()
        counts = _copy_project(project, organisations)
        stock.write_stock_project(project, twin)
        ours = measure.run([sys.executable, "-m", "pomost", "build", "--site-dir", "site"],
                           project, _env(project))
        if ours.returncode:
            raise SystemExit(f"the Pomost build failed:\n{ours.output}")
        theirs = measure.run([sys.executable, "-m", "mkdocs", "build", "--quiet",
                              "--site-dir", "site"], twin, _env(twin))
        if theirs.returncode:
            raise SystemExit(f"the stock build failed:\n{theirs.output}")
        site = project / "site"
        pages = len(_pages(site))
        stock_pages = len(_pages(twin / "site"))
        indexes = [site / "search", site / "be" / "search"]
        # What search adds to the build: the same index written again from the same records
        # (into a scratch folder), timed alone.
        timed = searchbench.index_site(load_catalog(project / "data"), work / "index")
        search = {"seconds": timed["seconds"], "sizes": searchbench.index_sizes(site),
                  "browser": searchbench.measure(site)}
        return {
            "organisations": counts["organisations"], "events": counts["events"],
            "pages": pages, "stock_pages": stock_pages,
            "seconds": ours.seconds, "cpu": ours.cpu_seconds, "peak": ours.peak_bytes,
            "stock_seconds": theirs.seconds, "stock_cpu": theirs.cpu_seconds,
            "stock_peak": theirs.peak_bytes,
            "largest_page": max(p.stat().st_size for p in _record_pages(site)),
            "index": [_size(p) for p in indexes],
            "search": search,
            "stock_index": (twin / "site" / "search" / "search_index.json").stat().st_size,
        }
    finally:
        if keep:
            shutil.copytree(work, keep / work.name, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


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


def row(r: dict) -> str:
    return (f"| {r['organisations']:,} | {r['pages']:,} | {r['seconds']:.1f} "
            f"| {r['pages'] / r['seconds']:.0f} | {r['cpu']:.1f} | {r['peak'] / MiB:.0f} "
            f"| {r['stock_seconds']:.1f} | {r['stock_cpu']:.1f} | {r['stock_peak'] / MiB:.0f} "
            f"| {r['seconds'] / r['stock_seconds']:.2f} | {r['largest_page'] / 1024:.1f} "
            f"| {r['index'][0] / MiB:.2f} / {r['index'][1] / MiB:.2f} |")


def verdicts(results: list[dict]) -> list[str]:
    """One line per target: met or not, with the figure."""
    lines = []
    ok = lambda good: "met" if good else "NOT MET"
    by_size = {r["organisations"]: r for r in results}
    largest = results[-1]
    if largest["organisations"] >= 10_000:
        lines.append(f"- at most {MAX_SECONDS_AT_10000} s at 10,000 organisations: "
                     f"{largest['seconds']:.1f} s — {ok(largest['seconds'] <= MAX_SECONDS_AT_10000)}")
    ratio = largest["seconds"] / largest["stock_seconds"]
    lines.append(f"- at most {MAX_RATIO}× the stock build (same pages, same run) at "
                 f"{largest['organisations']:,}: {ratio:.2f}× — {ok(ratio <= MAX_RATIO)}")
    if 1000 in by_size and largest["organisations"] > 1000:
        small = by_size[1000]
        growth = ((largest["seconds"] / largest["pages"]) / (small["seconds"] / small["pages"]))
        cpu = (largest["cpu"] / largest["pages"]) / (small["cpu"] / small["pages"])
        lines.append(f"- time per page at {largest['organisations']:,} within {MAX_GROWTH}× of "
                     f"1,000: {growth:.2f}× (CPU time per page: {cpu:.2f}×) — "
                     f"{ok(growth <= MAX_GROWTH)}")
    peak = max(r["peak"] for r in results)
    lines.append(f"- peak memory under 1 GiB: {peak / MiB:.0f} MiB — {ok(peak < MAX_PEAK)}")
    page = max(r["largest_page"] for r in results)
    lines.append(f"- every record page under 40 KB: largest {page / 1024:.1f} KB — "
                 f"{ok(page < MAX_PAGE)}")
    index = max(largest["index"])
    lines.append(f"- search index per language under 5 MB at {largest['organisations']:,}: "
                 f"{index / MiB:.2f} MB (stock, both languages in one: "
                 f"{largest['stock_index'] / MiB:.1f} MB) — {ok(index < MAX_INDEX)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench")
    parser.add_argument("sizes", nargs="+", type=int, help="numbers of organisations")
    parser.add_argument("--keep", type=Path, help="copy each generated project here")
    parser.add_argument("--search-at", type=int, default=None,
                        help="also measure search alone at this size (default: "
                        f"{SEARCH_ONLY:,} when 10,000 is among the sizes; 0: no)")
    args = parser.parse_args(argv)
    if args.search_at is None:
        args.search_at = SEARCH_ONLY if max(args.sizes) >= 10_000 else 0
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    print(HEADER, flush=True)
    results = []
    for size in args.sizes:
        result = bench(size, args.keep)
        results.append(result)
        print(row(result), flush=True)
        if result["pages"] != result["stock_pages"]:
            print(f"  (the stock build made {result['stock_pages']:,} pages)", flush=True)
    searched = list(results)
    if args.search_at:
        print(f"\n(search only, at {args.search_at:,} organisations…)", flush=True)
        searched.append(search_only(args.search_at, args.keep))
    server = searched[-1]["search"]["browser"].get("server", "?")
    print("\nSearch: a reader's first search in Chromium (the largest of "
          f"{len(searchbench.QUERIES['pl'])} queries per language, typed and pasted; "
          f"served by {server})\n")
    print(SEARCH_HEADER)
    for result in searched:
        print(search_row(result))
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end\n")
    print("\n".join(verdicts(results) + search_verdicts(searched)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
