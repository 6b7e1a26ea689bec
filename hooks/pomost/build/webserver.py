"""The nginx configuration of a built site: deploy/nginx.conf.j2 with its port, root and CSP.

Material puts small inline scripts into every page (its localStorage helpers, the colour
palette, the anchor fix); the first differs with the page's depth. Rather than allow every
inline script ('unsafe-inline'), the Content-Security-Policy lists the SHA-256 of each
distinct inline script of the built site, read here from the HTML the build wrote.
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

TEMPLATE = Path(__file__).resolve().parents[3] / "deploy" / "nginx.conf.j2"
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class UnhashableMarkup(Exception):
    """The site has inline code a hash cannot allow (an on…= handler or a style attribute)."""


class _InlineCode(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.unhashable: list[str] = []
        self._open: tuple[list[str], list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        self.unhashable += [f"<{tag} {n}=…>" for n in names if n.startswith("on") or n == "style"]
        if tag == "script" and "src" not in names and (names.get("type") or "") in _SCRIPT_TYPES:
            self._open = (self.scripts, [])
        elif tag == "style":
            self._open = (self.styles, [])

    def handle_data(self, data):
        if self._open:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if self._open and tag in ("script", "style"):
            target, parts = self._open
            target.append("".join(parts))
            self._open = None


def _sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def inline_hashes(site_dir: Path) -> tuple[list[str], list[str]]:
    """CSP sources for every distinct inline script and <style> element of the site."""
    scripts, styles, unhashable = set(), set(), set()
    for html in sorted(site_dir.rglob("*.html")):
        parser = _InlineCode()
        parser.feed(html.read_text(encoding="utf-8"))
        parser.close()
        scripts.update(map(_sha256, parser.scripts))
        styles.update(map(_sha256, parser.styles))
        unhashable.update(f"{html.relative_to(site_dir)}: {u}" for u in parser.unhashable)
    if unhashable:
        raise UnhashableMarkup(_("inline code that a Content-Security-Policy hash cannot allow "
                                 "(move it into a file):") + "\n" + "\n".join(sorted(unhashable)))
    return sorted(scripts), sorted(styles)


def canonical_origin(site_dir: Path) -> str | None:
    """The origin the site was built for (its home page's canonical link), e.g. https://x.org."""
    class Canonical(HTMLParser):
        href = None

        def handle_starttag(self, tag, attrs):
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


def render(site_dir: Path, *, listen: str = "80", root: Path | None = None,
           server_name: str = "_", standalone_prefix: Path | None = None,
           script_hashes: list[str] | None = None) -> str:
    """The configuration for ``site_dir`` (served from ``root``, by default the same folder).

    ``standalone_prefix`` gives a whole nginx.conf that runs as one process with its pid,
    logs and temporary files there (tests, local preview); without it, the part for
    /etc/nginx/conf.d/. ``script_hashes`` replaces the computed hashes (tests use it to
    show that a missing hash is noticed).
    """
    scripts, styles = inline_hashes(site_dir)
    if script_hashes is not None:
        scripts = script_hashes
    env = Environment(loader=FileSystemLoader(TEMPLATE.parent), undefined=StrictUndefined,
                      keep_trailing_newline=True, autoescape=False)  # nginx syntax, not HTML
    return env.get_template(TEMPLATE.name).render(
        listen=listen, server_name=server_name, root=(root or site_dir).resolve(),
        standalone=standalone_prefix is not None, prefix=standalone_prefix,
        script_hashes=scripts,
        csp=content_security_policy(scripts, styles, canonical_origin(site_dir)))
