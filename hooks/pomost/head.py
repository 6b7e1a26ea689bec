"""The language facts in every page's <head>: absolute hreflang links with x-default, Open Graph.

Material already writes <html lang>, the canonical link and the meta description (from
the page's front matter, in the page's language). Its hreflang links, though, are relative
and have no x-default, which search engines ignore or reject. We drop exactly those tags
and add our own before </head>; the tags themselves come from templates/head.html.
"""

from __future__ import annotations

import re

from .strings import LANGS
from .urls import DEFAULT, absolute, prefix, without_prefix
#: a <link rel="alternate" hreflang=…> tag, whatever the order of its attributes
_HREFLANG = re.compile(r'[ \t]*<link\b(?=[^>]*\brel="alternate")(?=[^>]*\bhreflang=)[^>]*>\n?')


def alternate_urls(page_url: str, site_url: str) -> dict[str, str]:
    """hreflang -> absolute URL of this page in every language, and x-default (Polish)."""
    path = without_prefix(page_url)
    urls = {lang: absolute(site_url, prefix(lang) + path) for lang in LANGS}
    return {**urls, "x-default": urls[DEFAULT]}


def home(root: str, lang: str) -> str:
    """The home page of ``lang`` under the site's root path: '/' or '/be/'."""
    return root + prefix(lang)


def drop_hreflang(html: str) -> str:
    return _HREFLANG.sub("", html)


def replace_hreflang(html: str, tags: str) -> str:
    """``html`` with its hreflang links replaced by ``tags`` (inserted before </head>)."""
    head_end = html.index("</head>")
    return drop_hreflang(html[:head_end]) + tags + html[head_end:]
