"""The stock twin's pages as a Hugo site: the anchor `make bench` compares with, when `hugo`
is installed (Debian: apt-get install hugo).

The same Markdown files (stock.py: each record's page, the hand-written pages with their
lists written out), translated by file name like ours (``x.md`` Polish at the root,
``x.be.md`` Belarusian under /be/), through a small theme of our own with what a reader gets
on every page of ours too: the head (title, description, canonical, hreflang), a header with
the site's name, the top navigation, the language switcher, the content and a footer. Hugo
has no search of its own; none is built.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from pomost.langs import LANGS

_CONFIG = """baseURL = "{site_url}"
title = "Pomost"
defaultContentLanguage = "{default}"
defaultContentLanguageInSubdir = false
disableKinds = ["taxonomy", "term", "RSS"]
enableRobotsTXT = false
[markup.goldmark.renderer]
unsafe = true
[languages]
{languages}
"""

_LANGUAGE = """[languages.{lang}]
weight = {weight}
languageName = "{name}"
"""

_BASEOF = """<!doctype html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ .Title }} - {{ site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav class="languages">{{ range .AllTranslations -}}
<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>
{{ end }}</nav>
</header>
<nav class="sections"><ul>
{{ range site.Home.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}{{ range site.Home.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></nav>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ site.Title }}</footer>
</body>
</html>
"""

_MAIN = """{{ define "main" }}<article>{{ .Content }}</article>{{ end }}
"""


def _content_name(name: str) -> str:
    """Hugo's name for a section's own page: _index.md (index.md would swallow the folder)."""
    return re.sub(r"^index(\.[a-z]+)?\.md$", r"_index\1.md", name)


def write_hugo_project(stock: Path, target: Path, site_url: str) -> None:
    """The Hugo twin of the stock twin ``stock`` (stock.write_stock_project) in ``target``."""
    content = target / "content"
    for page in sorted((stock / "docs").rglob("*.md")):
        out = content / page.parent.relative_to(stock / "docs") / _content_name(page.name)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, out)
    names = {"pl": "Polski", "be": "Беларуская"}
    languages = "".join(_LANGUAGE.format(lang=lang, weight=i + 1, name=names.get(lang, lang))
                        for i, lang in enumerate(LANGS))
    (target / "config.toml").write_text(
        _CONFIG.format(site_url=site_url, default=LANGS[0], languages=languages),
        encoding="utf-8")
    layouts = target / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "baseof.html").write_text(_BASEOF, encoding="utf-8")
    (layouts / "single.html").write_text(_MAIN, encoding="utf-8")
    (layouts / "list.html").write_text(_MAIN, encoding="utf-8")
