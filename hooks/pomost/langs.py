"""The site's languages, where each lives under the site root, and links between site paths.

Polish, the default language, is at the root ('organizacje/x/'); every other language
under its code ('be/organizacje/x/'). Site paths here are relative to the root, as MkDocs'
page.url is; with use_directory_urls a page's path ends in '/'.
"""

from __future__ import annotations

import posixpath

#: every language of the site, the default first
LANGS = ("pl", "be")
DEFAULT = LANGS[0]


def prefix(lang: str) -> str:
    """The folder of ``lang`` under the site root: '' for Polish, 'be/' for Belarusian."""
    return "" if lang == DEFAULT else f"{lang}/"


def without_prefix(path: str) -> str:
    """A site path without its language folder: 'be/organizacje/x/' -> 'organizacje/x/'."""
    for lang in LANGS[1:]:
        if path == prefix(lang) or path.startswith(prefix(lang)):
            return path[len(prefix(lang)):]
    return path


def absolute(site_url: str, path: str) -> str:
    """'https://pomost.example.org/' + 'be/atom.xml' -> 'https://pomost.example.org/be/atom.xml'."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def relative(target: str, page_url: str, *, is_file: bool = False) -> str:
    """The link from the page at ``page_url`` to the site path ``target``."""
    # Site paths are plain 'a/b/' paths: their common folders are dropped by comparing the
    # parts (posixpath.relpath made absolute paths of both first; a record page links dozens
    # of others, and this took a tenth of a build at 10,000 organisations).
    to = [part for part in target.split("/") if part]
    start = [part for part in page_url.split("/") if part]
    if "." in to or ".." in to or "." in start or ".." in start or target.startswith("/") \
            or page_url.startswith("/"):
        return _relative_by_posixpath(target, page_url, is_file=is_file)
    common = 0
    for a, b in zip(to, start, strict=False):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(start) - common) + to[common:])
    if not rel:
        return "./"
    return rel if is_file else rel + "/"


def _relative_by_posixpath(target: str, page_url: str, *, is_file: bool = False) -> str:
    base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else ""
    rel = posixpath.relpath(target or ".", base or ".")
    if rel == ".":
        return "./"
    return rel if is_file else rel.rstrip("/") + "/"


def alternate_urls(page_url: str, site_url: str) -> dict[str, str]:
    """hreflang -> absolute URL of this page in every language, and x-default (Polish)."""
    path = without_prefix(page_url)
    urls = {lang: absolute(site_url, prefix(lang) + path) for lang in LANGS}
    return {**urls, "x-default": urls[DEFAULT]}


def home(root: str, lang: str) -> str:
    """The home page of ``lang`` under the site's root path: '/' or '/be/'."""
    return root + prefix(lang)
