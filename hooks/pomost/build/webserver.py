"""The nginx configuration of a built site: deploy/nginx.conf.j2 with its port, root and CSP.

Material puts small inline scripts into every page (its localStorage helpers, the colour
palette, the anchor fix); the first differs with the page's depth. Rather than allow every
inline script ('unsafe-inline'), the Content-Security-Policy lists the SHA-256 of each
script the theme ships, computed from the theme's own files (theme/material.py), never from
what the build wrote: an inline script in the built site that the theme does not ship —
typed into a page of docs/, or smuggled in some other way — stops the rendering, named.
The `__config` JSON block is data, not script, and needs no hash.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from pomost.l10n import _
from pomost.theme.material import shipped_inline_scripts

_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class UnhashableMarkup(Exception):
    """The site has inline code a hash cannot allow (an on…= handler or a style attribute)."""


class UnknownInlineScript(Exception):
    """The site has an inline script the theme does not ship."""


class _InlineCode(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.unhashable: list[str] = []
        self._open: tuple[list[str], list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        self.unhashable += [f"<{tag} {n}=…>" for n in names if n.startswith("on") or n == "style"]
        if tag == "script" and "src" not in names and (names.get("type") or "") in _SCRIPT_TYPES:
            self._open = (self.scripts, [])
        elif tag == "style":
            self._open = (self.styles, [])

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag in ("script", "style"):
            target, parts = self._open
            target.append("".join(parts))
            self._open = None


def _sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def inline_hashes(site_dir: Path) -> tuple[list[str], list[str]]:
    """CSP sources for the inline scripts the theme ships and the <style> elements of the site.

    Raises UnknownInlineScript, naming the page, for an inline script of the site that the
    theme does not ship, and UnhashableMarkup for inline code no hash can allow.
    """
    found: dict[str, str] = {}  # script -> the first page that has it
    styles: set[str] = set()
    unhashable: set[str] = set()
    pages = sorted(site_dir.rglob("*.html"))
    for html in pages:
        parser = _InlineCode()
        parser.feed(html.read_text(encoding="utf-8"))
        parser.close()
        for script in parser.scripts:
            found.setdefault(script, html.relative_to(site_dir).as_posix())
        styles.update(map(_sha256, parser.styles))
        unhashable.update(f"{html.relative_to(site_dir)}: {u}" for u in parser.unhashable)
    if unhashable:
        raise UnhashableMarkup(_("inline code that a Content-Security-Policy hash cannot allow "
                                 "(move it into a file):") + "\n" + "\n".join(sorted(unhashable)))
    depth = max((len(p.relative_to(site_dir).parts) - 1 for p in pages), default=0)
    shipped = shipped_inline_scripts(depth)
    unknown = sorted((page, script) for script, page in found.items() if script not in shipped)
    if unknown:
        raise UnknownInlineScript("\n".join(_(
            "{page}: an inline script the theme does not ship ({script}…) — the web server "
            "would let it run; remove it from the page, or move it into a file under "
            "docs/assets/").format(page=page, script=" ".join(script.split())[:60])
            for page, script in unknown))
    return sorted(_sha256(script) for script in found), sorted(styles)


def canonical_origin(site_dir: Path) -> str | None:
    """The origin the site was built for (its home page's canonical link), e.g. https://x.org."""
    class Canonical(HTMLParser):
        href: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            names = dict(attrs)
            if tag == "link" and names.get("rel") == "canonical":
                self.href = names.get("href")

    parser = Canonical()
    parser.feed((site_dir / "index.html").read_text(encoding="utf-8"))
    parts = urlsplit(parser.href or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def content_security_policy(script_hashes: list[str], style_hashes: list[str],
                            origin: str | None = None) -> str:
    """Only this site's own files, plus the inline scripts the build wrote; no framing.

    Material's script reads the sitemap next to every `<link rel="alternate">`, and ours are
    absolute (hreflang wants them so): on the canonical host that is 'self'; served from
    anywhere else (a preview, the tests), the canonical origin must be allowed explicitly.
    """
    directives = {
        "default-src": ["'self'"],
        "connect-src": ["'self'", *([origin] if origin else [])],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'", *style_hashes],
        "img-src": ["'self'", "data:"],   # Material's icons are data: SVGs in its CSS
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def render(site_dir: Path, template: Path, *, listen: str = "80", root: Path | None = None,
           server_name: str = "_", standalone_prefix: Path | None = None,
           script_hashes: list[str] | None = None) -> str:
    """The configuration for ``site_dir`` (served from ``root``, by default the same folder)
    from ``template`` (the project's deploy/nginx.conf.j2).

    ``standalone_prefix`` gives a whole nginx.conf that runs as one process with its pid,
    logs and temporary files there (tests, local preview); without it, the part for
    /etc/nginx/conf.d/. ``script_hashes`` replaces the computed hashes (tests use it to
    show that a missing hash is noticed).
    """
    scripts, styles = inline_hashes(site_dir)
    if script_hashes is not None:
        scripts = script_hashes
    env = Environment(loader=FileSystemLoader(template.parent), undefined=StrictUndefined,
                      keep_trailing_newline=True, autoescape=False)  # nginx syntax, not HTML
    return env.get_template(template.name).render(
        listen=listen, server_name=server_name, root=(root or site_dir).resolve(),
        standalone=standalone_prefix is not None, prefix=standalone_prefix,
        script_hashes=scripts,
        csp=content_security_policy(scripts, styles, canonical_origin(site_dir)))
