"""Command line: `python -m pomost check | schemas | build | nginx` (PYTHONPATH=hooks; Makefile)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pomost.build import parallel
from pomost.build import project as site
from pomost.records import schemas
from pomost.records.catalog import Catalog, DataError, load_catalog
from pomost.records.todo import still_to_fill

ROOT = Path.cwd()


def check(root: Path, save: Path | None = None) -> int:
    catalog = validated(root)
    if catalog is not None and save is not None:
        site.save_catalog(root, catalog, save)
    return 0 if catalog is not None else 1


def validated(root: Path, quiet: bool = False) -> Catalog | None:
    """The catalog in root/data, with the coverage report (unless ``quiet``); None, and the
    problems on stderr, if it is invalid."""
    started = time.perf_counter()
    try:
        catalog = load_catalog(root / "data")
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        count = len(err.problems)
        print(f"\n{count} problem{'s' if count != 1 else ''} in data/ — nothing was published.",
              file=sys.stderr)
        return None
    if quiet:
        return catalog
    for name, (complete, total) in catalog.coverage.items():
        share = 100 * complete / total if total else 100
        print(f"{name}: {total} texts, Polish and Belarusian in {complete} ({share:.0f}%)")
    # Not errors: only staff know these; the pages say "not given" and whom to ask meanwhile.
    for line in still_to_fill(catalog):
        print(line)
    print(f"data/ is valid: {len(catalog.instruments)} instruments, "
          f"{len(catalog.organisations)} organisations, {len(catalog.people)} people, "
          f"{len(catalog.events)} events ({time.perf_counter() - started:.2f} s)")
    return catalog


def write_schemas(root: Path) -> int:
    for path in schemas.write_schemas(root / "data"):
        print(f"wrote {path}")
    return 0


def build(root: Path, site_dir: Path) -> int:
    """Build into a new folder and replace site_dir only if all of it worked.

    First `make check` runs, in a process of its own, and hands the validated catalog to the
    builds in a file: reading YAML with line numbers is the costliest part of loading (8 s
    and 400 MB at 10,000 organisations), and this way it is done once, not once per
    language, and its memory is returned before the builds start. The languages are then
    built at the same time, one process each.
    """
    site_dir = site_dir.resolve()
    work = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    handed = work.with_name(work.name + ".catalog")
    started = time.perf_counter()
    if subprocess.run([sys.executable, "-m", "pomost", "check", "--save", str(handed)],
                      cwd=root).returncode:
        shutil.rmtree(work, ignore_errors=True)
        print("\nThe build failed; the site/ built before is unchanged.", file=sys.stderr)
        return 1
    os.environ[site.CATALOG_VARIABLE] = str(handed)
    try:
        code, messages = parallel.build_site(root, work)
    except parallel.AssemblyError as err:
        code, messages = 1, f"The languages' builds do not fit together: {err}\n"
    finally:
        handed.unlink(missing_ok=True)
    if code:
        shutil.rmtree(work, ignore_errors=True)
        if validated(root, quiet=True) is not None:  # not the data: show what the build said
            sys.stderr.write(messages)
        print("\nThe build failed; the site/ built before is unchanged.", file=sys.stderr)
        return code
    sys.stderr.write(messages)  # warnings of a successful build
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    work.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"built {site_dir.name}/ in {time.perf_counter() - started:.1f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pomost")
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="validate data/ and print translation coverage")
    c.add_argument("--save", type=Path, help=argparse.SUPPRESS)  # for `build` (see there)
    sub.add_parser("schemas", help="write data/schemas/*.schema.json from the models")
    b = sub.add_parser("build", help="validate, then build the site atomically")
    b.add_argument("--site-dir", default="site", type=Path)
    n = sub.add_parser("nginx", help="print the nginx configuration for a built site")
    n.add_argument("--site-dir", default="site", type=Path, help="the built site to read")
    n.add_argument("--root", type=Path, help="where the server finds the site (default: --site-dir)")
    n.add_argument("--listen", default="80", help="nginx 'listen' value, e.g. 8080 or 127.0.0.1:8080")
    n.add_argument("--server-name", default="_")
    n.add_argument("--standalone", type=Path, metavar="PREFIX",
                   help="a whole nginx.conf running as one process with its files in PREFIX")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(ROOT, args.save)
    if args.command == "schemas":
        return write_schemas(ROOT)
    if args.command == "nginx":
        from pomost.build import webserver
        try:
            print(webserver.render(args.site_dir, ROOT / "deploy" / "nginx.conf.j2",
                                   listen=args.listen, root=args.root,
                                   server_name=args.server_name,
                                   standalone_prefix=args.standalone), end="")
        except (webserver.UnknownInlineScript, webserver.UnhashableMarkup) as err:
            print(f"{err}\n\nNo configuration was written.", file=sys.stderr)
            return 1
        return 0
    return build(ROOT, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
