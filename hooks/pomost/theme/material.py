"""What Pomost knows of the HTML and files that Material for MkDocs 9.8.2 writes.

Each function names the Material behaviour it depends on; where a change in Material would
make one silently do nothing, a guard makes the build fail instead (see ``searches_own_language``
and the tests of this module).
"""

from __future__ import annotations

import html
import html as html_module
import json
import re
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from markupsafe import escape

# -- <head>: hreflang links ------------------------------------------------------------
# Material writes one <link rel="alternate" hreflang> per language, relative and without
# x-default, inside its `site_meta` block; search engines want them absolute. Replacing them
# in a template would mean copying that whole block of Material's internals, so the built
# page is post-processed and only those tags are touched.

#: a <link rel="alternate" hreflang=…> tag, whatever the order of its attributes
_HREFLANG = re.compile(r'[ \t]*<link\b(?=[^>]*\brel="alternate")(?=[^>]*\bhreflang=)[^>]*>\n?')


def drop_hreflang(html: str) -> str:
    return _HREFLANG.sub("", html)


def replace_hreflang(html: str, tags: str) -> str:
    """``html`` with its hreflang links replaced by ``tags`` (inserted before </head>)."""
    head_end = html.index("</head>")
    return drop_hreflang(html[:head_end]) + tags + html[head_end:]


# -- texts Material writes as HTML -----------------------------------------------------
# Material's templates print ``page.meta.title`` and ``page.meta.description`` as they are,
# as trusted HTML (into <title>, the header and <meta name="description">). Ours come from
# data/, so they are handed over escaped: a Markup value prints as it is in Material's
# unescaped templates and is not escaped twice in our autoescaped ones.

def escape_page_texts(meta: MutableMapping[str, Any]) -> None:
    """Escape the title and description in a page's meta before Material renders the page."""
    for key in ("title", "description"):
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key])


def escape_index(docs: list[dict[str, str]]) -> list[dict[str, str]]:
    """Material's search renders each entry's title and text as HTML: hand them over escaped."""
    return [{key: (html.escape(value, quote=False) if key in ("title", "text") else value)
             for key, value in doc.items()} for doc in docs]


# -- the inline scripts Material ships ------------------------------------------------
# Material puts small inline scripts into every page (localStorage helpers, the colour
# palette, the anchor fix, …). They come from its partials/javascripts/*.html, and the only
# thing that varies is the page's relative base URL. The Content-Security-Policy allows
# exactly these, computed from Material's own files, never from whatever a build produced.

_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def _javascripts() -> list[Path]:
    import material  # the installed theme package: its templates are the clean source

    folder = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
    return sorted(folder.glob("*.html"))


def shipped_inline_scripts(max_depth: int) -> set[str]:
    """Every inline script Material can write into a page up to ``max_depth`` folders deep
    (and into the 404 pages, whose base is '/')."""
    from jinja2 import Environment

    bases = ["/", ".", *("/".join([".."] * depth) for depth in range(1, max_depth + 1))]
    env = Environment(autoescape=False)  # Material's own template syntax, rendered as it does
    found = set()
    for path in _javascripts():
        for body in _SCRIPT.findall(path.read_text(encoding="utf-8")):
            template = env.from_string(body)
            for base in bases:
                found.add(template.render(base_url=base, config={"extra": {}}))
    return found


# -- checkbox toggles ------------------------------------------------------------------
# Material 9.8 puts ``autocomplete="off"`` on its hidden checkbox toggles (the drawer and
# search) so that Firefox does not restore their state on back/forward. The HTML standard
# allows ``autocomplete`` on checkboxes only with values naming a kind of data, so the Nu
# Html Checker reports an error on every page. The toggles live in base.html outside any
# template block; overriding it would mean copying Material's whole page skeleton, so the
# attribute is removed here instead. The cost: after "back" in Firefox an open drawer may
# stay open.

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_AUTOCOMPLETE_OFF = re.compile(r'\s+autocomplete="off"')


def drop_checkbox_autocomplete(html: str) -> str:
    """``html`` with ``autocomplete="off"`` removed from every checkbox input."""
    return _CHECKBOX.sub(lambda tag: _AUTOCOMPLETE_OFF.sub("", tag.group(0)), html)


# -- <title> -------------------------------------------------------------------------
# Material titles a page by ``page.title``, which for a page in the navigation is its nav
# label: the news item was "Aktualności - Pomost", not its headline. Setting
# ``page.meta["title"]`` would rename the nav entry too (MkDocs reads it for both), so the
# built page's <title> is replaced instead, with the page's own heading.

_TITLE = re.compile(r"<title>.*?</title>", re.S)


def replace_title(html: str, title: str, site_name: str) -> str:
    """``html`` with its <title> saying ``title - site_name`` (Material's own pattern).

    ``title`` may be plain text or already escaped (MkDocs' headings, our Markup): it is
    unescaped and escaped again, so it is escaped exactly once either way."""
    text = escape(html_module.unescape(str(title)))
    own = f"<title>{text} - {escape(html_module.unescape(site_name))}</title>"
    return _TITLE.sub(lambda _: own, html, count=1)


# -- the search dialog -------------------------------------------------------------------
# Material's search panel is a <div role="dialog"> without a name (axe, Lighthouse:
# aria-dialog-name). It sits in partials/search.html, which is not a template block; the
# name is added to the built page, in the page's language.

_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def name_search_dialog(html: str, label: str) -> str:
    """``html`` with Material's search dialog named ``label`` (unchanged without one)."""
    named = _SEARCH_DIALOG[:-1] + f' aria-label="{escape(label)}">'
    return html.replace(_SEARCH_DIALOG, named, 1)


# -- the right-hand table of contents -----------------------------------------------------
# On a short page Material's table of contents repeats the few headings the reader sees
# anyway and takes a third of the width a table needs. Material hides it for a page whose
# meta has ``hide: [toc]`` (its documented front matter); short pages get that here.

#: a page with fewer second-level sections than this has no table of contents
MIN_TOC_SECTIONS = 4


def hide_short_toc(meta: MutableMapping[str, Any], toc: Any) -> None:
    """Hide Material's table of contents on a page with fewer than MIN_TOC_SECTIONS
    sections (a generated page has none in its toc: its HTML is made after Markdown)."""
    sections = sum(len(item.children) if item.level == 1 else 1 for item in toc or [])
    if sections < MIN_TOC_SECTIONS:
        hidden = list(meta.get("hide") or [])
        meta["hide"] = hidden if "toc" in hidden else [*hidden, "toc"]


def fix_page(html: str, head_tags: str, title: str | None = None, site_name: str = "",
             search_label: str = "") -> str:
    """Every correction a built page needs: our hreflang tags, valid checkbox markup, a
    named search dialog and, given ``title``, the page's own heading in its <title>."""
    fixed = drop_checkbox_autocomplete(replace_hreflang(html, head_tags))
    if search_label:
        fixed = name_search_dialog(fixed, search_label)
    return replace_title(fixed, title, site_name) if title is not None else fixed


def fix_404(html: str, search_label: str = "") -> str:
    """A missing page has no language versions: no hreflang tags at all."""
    fixed = drop_checkbox_autocomplete(drop_hreflang(html))
    return name_search_dialog(fixed, search_label) if search_label else fixed


# -- search ----------------------------------------------------------------------------
# Pomost brings its own search (pomost/publish/searchindex.py writes the index,
# overrides/assets/javascripts/pomost-search.js reads it). Material's search plugin stays
# on only so that Material's header keeps its search slot: the header includes
# ``partials/search.html`` when the plugin is on, and overrides/partials/search.html puts
# our search box there. Its markup has no form named "search" and no
# ``data-md-component="search"``, so Material's script neither fetches its index nor starts
# its worker (Material 9.8.2: ``document.forms.namedItem("search")`` and the component).
#
# ``base`` in a page's ``__config`` JSON still points at the page's language root (the
# `config` block of overrides/main.html, fed by ``search_base``): Material resolves its
# sitemap lookups against it, and our search box finds its language's index there too.

_CONFIG = '<script id="__config" type="application/json">'


def search_base(base_url: str, prefix: str) -> str:
    """The root of the language at ``prefix``, relative to a page whose root is ``base_url``."""
    return f"{base_url.rstrip('/')}/{prefix}" if prefix else base_url


def config_base(html: str) -> str | None:
    """The ``base`` in a rendered page's ``__config`` JSON, or None if it has none."""
    start = html.rfind(_CONFIG)  # near the end of the page: search from there
    end = html.find("</script>", start)
    if start < 0 or end < 0:
        return None
    try:
        value = json.loads(html[start + len(_CONFIG):end])
    except ValueError:
        return None
    return value.get("base") if isinstance(value, dict) else None


def searches_own_language(html: str, prefix: str) -> bool:
    """Whether a rendered page's ``__config`` points at its own language (see ``search_base``)."""
    found = config_base(html)
    if found is None:
        return False
    return found.endswith(f"/{prefix}") if prefix else True


def search_enabled(plugins: Any) -> bool:
    """Whether search is on: Material's search plugin in mkdocs.yml gives it its place."""
    return plugins.get("material/search") is not None
