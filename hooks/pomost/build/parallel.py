"""Build every language in its own process at the same time, then put the site together.

The i18n plugin builds Belarusian inside the Polish build's on_post_build: one language
after the other, on one core. The languages share nothing but the theme's assets, so
`python -m pomost build` runs one `mkdocs build --strict` per language (the hook reads
POMOST_LANGUAGE and builds that language alone, with the switcher and sitemap alternates of
a full build) and merges the outputs. Each is a fork of this process, which has imported
MkDocs and compiled the theme's templates once for all of them (theme/command.py,
theme/compiled.py; where there is no fork, Windows, each is a new process); each
language's build forks helpers of its own for its record pages (build/pool.py). The merge:

* the default language's output is the site; each other language's ``<lang>/`` folder
  moves into it;
* the sitemaps (each lists its own language's pages) are merged into one;
* a language's own 404 page is already ``<lang>/404.html`` (the hook writes it there);
* any other file both builds wrote at the root (theme assets) must be identical — the
  build fails, naming the file, if the languages disagree.
"""

from __future__ import annotations

import gzip
import math
import os
import shutil
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from pomost.build.pool import cores
from pomost.l10n import _
from pomost.langs import LANGS
from pomost.theme import command
from pomost.theme.i18n import ROOT_FILES_PER_LANGUAGE

LANGUAGE_VARIABLE = "POMOST_LANGUAGE"
#: how many children each language's build forks for its record pages (build/pool.py)
WORKERS_VARIABLE = "POMOST_WORKERS"

SITEMAP = "sitemap.xml"
_NAMESPACES = {"": "http://www.sitemaps.org/schemas/sitemap/0.9",
               "xhtml": "http://www.w3.org/1999/xhtml"}


class AssemblyError(Exception):
    """The languages' outputs cannot be put together."""


#: a catalog (as `python -m pomost check --save` hands it over) larger than this is built one
#: language after the other, each with every core: two languages' builds at once each hold
#: the whole catalog and their pages, about 3 GB at 100,000 organisations. The variable
#: sets it in MB (a runner with memory to spare; 0: always one after the other).
TOGETHER_VARIABLE = "POMOST_TOGETHER_MB"


def together_up_to() -> int:
    return int(os.environ.get(TOGETHER_VARIABLE) or 64) * 1024 * 1024


def build_site(root: Path, out: Path, langs: tuple[str, ...] = LANGS,
               together: bool = True) -> tuple[int, str]:
    """Build ``root`` into ``out``, every language at once (``together``) or one after the
    other, each with every core.

    Returns the exit code of the first failed build (0 if none) and what the builds printed,
    each language's messages once and not interleaved."""
    parts = {lang: out if lang == langs[0] else out.with_name(f"{out.name}.{lang}")
             for lang in langs}
    logs = {lang: tempfile.TemporaryFile() for lang in langs}  # noqa: SIM115 - closed in finally
    # Every core: each language's build forks children for its record pages (build/pool.py).
    at_once = len(langs) if together else 1
    children = str(max(0, math.ceil(cores() / at_once) - 1))
    try:
        def start(lang: str) -> Callable[[], int]:
            # Not --quiet: it hides the warnings --strict counts (MkDocs counts them in its
            # log handler, which --quiet raises above WARNING), so a dead link passed.
            return command.start_mkdocs(
                root, ["build", "--strict", "--site-dir", str(parts[lang])], logs[lang],
                {**os.environ, "NO_MKDOCS_2_WARNING": "1", LANGUAGE_VARIABLE: lang,
                 WORKERS_VARIABLE: children})

        if together:
            waits = {lang: start(lang) for lang in langs}
            codes = {lang: wait() for lang, wait in waits.items()}
        else:
            codes = {}
            for lang in langs:
                codes[lang] = start(lang)()
                if codes[lang]:
                    break
        messages: list[str] = []
        for lang in langs:
            logs[lang].seek(0)
            text = worth_reading(logs[lang].read().decode("utf-8", "replace"))
            if text and text not in messages:
                messages.append(text)
        failed = [code for code in codes.values() if code]
        if failed:
            return failed[0], "".join(messages)
        assemble(parts, langs[0])
        return 0, "".join(messages)
    finally:
        for lang, part in parts.items():
            logs[lang].close()
            if lang != langs[0]:
                shutil.rmtree(part, ignore_errors=True)


def worth_reading(log: str) -> str:
    """A build's log without MkDocs' INFO lines (what it built, and where)."""
    kept, skipping = [], False
    for line in log.splitlines(keepends=True):
        if line.startswith("INFO"):
            skipping = True
        elif not line.startswith((" ", "\t")):  # a new message; indented lines continue one
            skipping = False
        if not skipping:
            kept.append(line)
    return "".join(kept)


def assemble(parts: dict[str, Path], default: str) -> Path:
    """Merge each language's output into the default language's (see the module docstring)."""
    site = parts[default]
    for lang, part in parts.items():
        if lang == default:
            continue
        if (site / lang).exists():
            raise AssemblyError(_("the {default} build wrote {lang}/, which belongs to {lang}").format(
                default=default, lang=lang))
        shutil.move(part / lang, site / lang)
        for path in sorted(p for p in part.rglob("*") if p.is_file()):
            rel = path.relative_to(part).as_posix()
            if rel in ROOT_FILES_PER_LANGUAGE:
                continue
            elif not (site / rel).exists():
                (site / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, site / rel)
            elif (site / rel).read_bytes() != path.read_bytes():
                raise AssemblyError(_("{file} differs between the {default} and {lang} builds; a "
                                      "file outside {lang}/ must be the same in every "
                                      "language").format(file=rel, default=default, lang=lang))
        if (part / SITEMAP).exists():
            merge_sitemaps(site / SITEMAP, part / SITEMAP)
    return site


def merge_sitemaps(into: Path, other: Path) -> None:
    """Append the <url> entries of ``other`` to ``into``; rewrite its .gz twin."""
    for prefix, uri in _NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    tree = ET.parse(into)
    tree.getroot().extend(ET.parse(other).getroot())
    ET.indent(tree)
    tree.write(into, encoding="UTF-8", xml_declaration=True)
    gz = into.with_name(into.name + ".gz")
    if gz.exists():
        gz.write_bytes(gzip.compress(into.read_bytes(), mtime=0))
