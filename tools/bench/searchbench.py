"""What a reader's first search costs: bytes downloaded and time to the answer, in Chromium.

``measure(site)`` serves a built site on a loopback port and, for each language, opens the
home page in a fresh browser context (empty cache), types each query of ``QUERIES`` into
the search box with real key events (searchbrowser.py) and records

* the bytes of every response the search needed: its script and stylesheet (the engine,
  loaded with the page) and everything fetched from the language's ``search/`` folder from
  the first key on (the manifest, term shards, entries) — the body sizes, uncompressed;
* the time from the last key to the answer on screen (its first five results), and — the
  worst case, a query pasted into a fresh page, when nothing of the index has been fetched
  yet — from the query to the answer.

The site is served by nginx with its published configuration (deploy/nginx.conf.j2: gzip,
keep-alive) where nginx is installed, else by Python's test server (``"server"`` says which).

``index_site(synthetic_catalog(100_000), site)`` makes a site for a size the benchmark cannot
build in minutes: the shipped site with its search index replaced by one of synthetic
records (as tools/bench/data.py makes them), written by the same code as in a build.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from pomost.build import webserver
from pomost.langs import LANGS, prefix
from pomost.publish import search, searchindex
from pomost.records.catalog import Catalog, load_catalog
from pomost.records.kinds import with_pages
from pomost.records.models import Event, Organisation
from tools.bench import data, searchbrowser

#: typed into a fresh page: one first search per query, per language
QUERIES = {
    "pl": ["spółdzielnia socjalna", "stowarzyszenie", "Mieniany", "kuznia talentow",
           "dotacje na zatrudnienie"],
    "be": ["сацыяльны кааператыў", "таварыства", "Мяняны", "занятасць",
           "датацыя на стварэнне"],
}
ENGINE = ("pomost-search.js", "pomost-search.css")


def _first_search(context: Any, address: str, query: str, lang: str,
                  typed: bool) -> tuple[int, float]:
    page = context.new_page()
    sizes: dict[str, int] = {}
    started = [False]
    folder = f"/{prefix(lang)}search/"

    def seen(response: Any) -> None:
        url = response.url
        if url.endswith(ENGINE) or (started[0] and folder in url):
            try:
                sizes[url] = len(response.body())
            except Exception:
                sizes[url] = 0

    page.on("response", seen)
    try:
        page.goto(address, wait_until="load")
        page.click(searchbrowser.INPUT)
        page.evaluate("""() => {
            const box = document.querySelector('[data-pomost-search=box]');
            const input = box.querySelector('input');
            window.__pomostTimes = {};
            input.addEventListener('input', () => { window.__pomostTimes.typed = performance.now(); });
            new MutationObserver(() => {
                if (box.getAttribute('data-pomost-shown') === input.value)
                    window.__pomostTimes.shown = performance.now();
            }).observe(box, {attributes: true, attributeFilter: ['data-pomost-shown']});
        }""")
        started[0] = True
        if typed:
            searchbrowser.type_keys(page, query)
        else:  # the whole query at once (pasted): nothing of the index is loaded yet
            page.evaluate("""q => { const input = document.querySelector('[data-pomost-search=box] input');
                input.value = q; input.dispatchEvent(new Event('input')); }""", query)
        page.wait_for_function(
            "([box, q]) => document.querySelector(box).getAttribute('data-pomost-done') === q",
            arg=[searchbrowser.BOX, query])
        page.wait_for_load_state("networkidle")
        times = page.evaluate("window.__pomostTimes")
        return sum(sizes.values()), times["shown"] - times["typed"]
    finally:
        page.close()


def available() -> bool:
    """Whether a Chromium to measure with is installed (as the browser tests find it)."""
    return bool(os.environ.get("POMOST_CHROMIUM") or shutil.which("chromium"))


def measure(site: Path, queries: dict[str, list[str]] | None = None) -> dict[str, dict]:
    """lang -> {"bytes": largest first search, "ms": slowest answer,
    "runs": [(query, typed, bytes, ms)]}."""
    import sys
    tests = Path(__file__).resolve().parents[2] / "tests"
    sys.path[:0] = [str(tests), str(tests / "browser")]  # browser_support, and what it imports
    from playwright.sync_api import sync_playwright

    from browser_support import (  # type: ignore[import-not-found]
        CHROMIUM_ARGS,
        WIDE,
        chromium_path,
        serve,
    )

    nginx = _nginx(site)
    if nginx:
        server, origin = None, nginx[1]
    else:
        server, origin = serve(site)
    results: dict[str, dict] = {"server": "nginx" if nginx else "python"}  # type: ignore[dict-item]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(),
                                                 args=CHROMIUM_ARGS)
            try:
                for lang in LANGS:
                    runs = []
                    for query in (queries or QUERIES)[lang]:
                        for typed in (True, False):
                            context = browser.new_context(viewport=WIDE,
                                                          service_workers="block")
                            context.set_default_timeout(60_000)
                            try:
                                runs.append((query, typed, *_first_search(
                                    context, f"{origin}/{prefix(lang)}", query, lang, typed)))
                            finally:
                                context.close()
                    results[lang] = {"bytes": max(r[2] for r in runs),
                                     "ms": max(r[3] for r in runs), "runs": runs}
            finally:
                browser.close()
    finally:
        if nginx:
            nginx[0].terminate()
            nginx[0].wait(timeout=30)
            shutil.rmtree(nginx[2], ignore_errors=True)
        elif server is not None:
            server.shutdown()
            server.server_close()
    return results


def _nginx(site: Path) -> tuple[subprocess.Popen, str, Path] | None:
    """nginx with the site's own configuration (pomost/build/webserver.py: gzip, caching
    headers, the CSP), as published — or None where nginx is not installed."""
    binary = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                       else None)
    if not binary:
        return None
    prefix = Path(tempfile.mkdtemp(prefix="pomost-bench-nginx-"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    template = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf.j2"
    (prefix / "nginx.conf").write_text(webserver.render(
        site, template, listen=f"127.0.0.1:{port}", standalone_prefix=prefix), encoding="utf-8")
    process = subprocess.Popen([binary, "-p", str(prefix), "-e", str(prefix / "error.log"),
                                "-c", str(prefix / "nginx.conf")])
    deadline = time.monotonic() + 30
    while True:  # until it listens
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return process, f"http://127.0.0.1:{port}", prefix
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                shutil.rmtree(prefix, ignore_errors=True)
                return None
            time.sleep(0.05)


def synthetic_catalog(organisations: int, seed: int = 17) -> Catalog:
    """The shipped catalog grown to ``organisations`` organisations (and one event per
    ``data.ORGANISATIONS_PER_EVENT``), made as tools/bench/data.py makes the benchmark's
    records, validated by the models but without writing and reading YAML."""
    root = Path(__file__).resolve().parents[2]
    catalog = load_catalog(root / "data")
    rng = random.Random(seed)
    words, shape = data.Words(catalog, rng), data.Shape(catalog)
    instruments = list(catalog.instruments)
    orgs = dict(catalog.organisations)
    for n in range(organisations - len(orgs)):
        record = Organisation.model_validate(data.organisation(n, words, shape, instruments))
        orgs[record.id] = record
    events = dict(catalog.events)
    for n in range(organisations // data.ORGANISATIONS_PER_EVENT):
        event = Event.model_validate(data.event(n, words, shape, list(orgs), instruments))
        events[event.id] = event
    return catalog.replace(organisations=orgs, events=events)


def index_site(catalog: Catalog, site: Path) -> dict[str, Any]:
    """Write the search index of every record page of ``catalog`` into ``site`` (a built
    site, or an empty folder), by the code a build uses; the seconds it took."""
    locations = {(k.name, rid): f"{k.folder}/{rid}/" for k in with_pages()
                 for rid in catalog.of(k.name)}
    started = time.perf_counter()
    for lang in LANGS:
        entries = search.Entries(catalog)
        docs = [entries.record(loc, kind, rid, lang) for (kind, rid), loc in locations.items()]
        searchindex.write(site / prefix(lang), lang, docs, search.facet_values(catalog, lang))
    return {"seconds": time.perf_counter() - started}


def index_sizes(site: Path) -> dict[str, dict[str, int]]:
    """lang -> entries, files and bytes of that language's search index in ``site``."""
    sizes = {}
    for lang in LANGS:
        folder = site / prefix(lang) / searchindex.FOLDER
        files = [p for p in folder.rglob("*") if p.is_file() and p.name != "search_index.json"]
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
        sizes[lang] = {"entries": manifest["entries"], "files": len(files),
                       "bytes": sum(p.stat().st_size for p in files)}
    return sizes
