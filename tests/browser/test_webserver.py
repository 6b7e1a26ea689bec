"""The nginx configuration, tested with the real nginx from Debian serving the session-built site.

nginx runs as one process (standalone config: no user switch, so it works as root in CI)
on a free loopback port, with its pid, logs and temporary files in a temporary folder.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from pomost.build.webserver import render

from browser_support import chromium
from support import ROOT, free_port, need

TEMPLATE = ROOT / "deploy" / "nginx.conf.j2"
#: what a reader mistypes; neither exists in the site
MISSES = {"pl": "/nie-ma-takiej-strony/", "be": "/be/nie-ma-takiej-strony/"}


class Nginx:
    """A running nginx serving ``site`` with the configuration rendered for it."""

    def __init__(self, site: Path, prefix: Path, **render_options):
        self.prefix, self.port = prefix, free_port()
        prefix.mkdir(parents=True)
        conf = prefix / "nginx.conf"
        conf.write_text(render(site, TEMPLATE, listen=f"127.0.0.1:{self.port}",
                               standalone_prefix=prefix,
                               **render_options), encoding="utf-8")
        binary = need("nginx", "/usr/sbin/nginx")
        check = subprocess.run([binary, "-t", "-p", str(prefix), "-e", str(prefix / "error.log"),
                                "-c", str(conf)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        self.process = subprocess.Popen([binary, "-p", str(prefix), "-e",
                                         str(prefix / "error.log"), "-c", str(conf)])
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                assert self.process.poll() is None, (prefix / "error.log").read_text()
                assert time.monotonic() < deadline, "nginx did not start listening"
                time.sleep(0.05)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str, headers: dict[str, str] | None = None):
        """(status, headers with lower-case names, body) without following redirects."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            head = {}
            for name, value in response.getheaders():
                name = name.lower()
                head[name] = f"{head[name]}, {value}" if name in head else value
            return response.status, head, response.read()
        finally:
            connection.close()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(site, tmp_path_factory):
    nginx = Nginx(site, tmp_path_factory.mktemp("nginx") / "run")
    yield nginx
    nginx.stop()


def html_lang(body: bytes) -> str:
    return BeautifulSoup(body.decode("utf-8"), "html.parser").html["lang"]


# -- language of the home page ------------------------------------------------

@pytest.mark.parametrize("accept", [
    "be", "be-BY,be;q=0.9", "ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", "en-US,en;q=0.9,be;q=0.8",
    "pl;q=0,be", "en, ru;q=0.5, pl;q=0.3",
])
def test_a_browser_preferring_belarusian_or_russian_is_sent_to_be(server, accept):
    status, head, _ = server.get("/", {"Accept-Language": accept})
    assert (status, head.get("location")) == (302, "/be/"), accept
    assert "Accept-Language" in head["vary"]


@pytest.mark.parametrize("accept", [
    None, "pl-PL,pl;q=0.9,en-US;q=0.8", "pl,be;q=0.9,ru;q=0.8", "en-US,en;q=0.5", "de", "*",
    "be;q=0,pl", "be;q=0.0, ru;q=0", "bem", "en-be",
])
def test_everyone_else_gets_the_polish_home(server, site, accept):
    status, head, body = server.get("/", {"Accept-Language": accept} if accept else {})
    assert status == 200, accept
    assert body == (site / "index.html").read_bytes()
    assert html_lang(body) == "pl"
    assert "Accept-Language" in head["vary"]  # a shared cache must not hand it to a be reader


def test_the_redirect_works_without_javascript_and_be_home_is_served(server):
    status, _, body = server.get("/be/", {"Accept-Language": "be"})
    assert status == 200 and html_lang(body) == "be"


# -- not found ----------------------------------------------------------------

def test_a_miss_outside_be_gets_the_polish_404_with_status_404(server, site):
    status, head, body = server.get(MISSES["pl"])
    assert status == 404
    assert body == (site / "404.html").read_bytes()
    assert head["content-type"].startswith("text/html")


def test_a_miss_under_be_gets_the_belarusian_404_with_status_404(server, site):
    status, _, body = server.get(MISSES["be"])
    assert status == 404
    assert body == (site / "be" / "404.html").read_bytes()


def test_a_folder_without_its_slash_is_redirected_to_it(server):
    status, head, _ = server.get("/organizacje")
    assert (status, head["location"]) == (301, "/organizacje/")


# -- every file answers ---------------------------------------------------------

def test_every_page_of_the_site_answers_200_with_its_file(server, site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    wrong = []
    for page in pages:
        path = "/" + page.relative_to(site).as_posix()
        if path.endswith("/index.html"):
            path = path[: -len("index.html")]
        status, head, body = server.get(path)
        if (status, body) != (200, page.read_bytes()) or "text/html" not in head["content-type"]:
            wrong.append(f"{path}: {status} {head.get('content-type')}")
    assert wrong == []


@pytest.mark.parametrize("suffix,content_type", [
    (".csv", "text/csv; charset=utf-8"), (".json", "application/json; charset=utf-8"),
    (".css", "text/css; charset=utf-8"), (".js", "application/javascript; charset=utf-8"),
    (".xml", "application/xml; charset=utf-8"), (".png", "image/png"),
    (".ics", "text/calendar; charset=utf-8"),
])
def test_downloads_and_assets_answer_with_their_type(server, site, suffix, content_type):
    files = [f for f in site.rglob(f"*{suffix}") if f.is_file()]
    assert files
    for file in files:
        status, head, body = server.get("/" + file.relative_to(site).as_posix())
        assert (status, head["content-type"]) == (200, content_type), file
        assert body == file.read_bytes()


# -- hidden files -----------------------------------------------------------------

#: a site folder where hidden files landed, beside what a certificate check needs
HIDDEN = {".git/config": "[remote \"origin\"]\n\turl = https://token@example.org/pomost.git\n",
          ".git/HEAD": "ref: refs/heads/main\n", ".env": "SECRET=do-not-serve\n",
          "be/.env": "SECRET=do-not-serve\n", "assets/.cache/x.css": "body{}\n",
          "dane/.#osoby.json": "{}\n", ".htpasswd": "admin:do-not-serve\n"}
WELL_KNOWN = {".well-known/security.txt": "Contact: mailto:security@example.org\n",
              ".well-known/acme-challenge/token-123": "token-123.key\n"}


@pytest.fixture(scope="module")
def hidden_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("hidden-site")
    pages = {"index.html": "<link rel=canonical href=https://example.org/>home",
             "404.html": "not found", "be/404.html": "не знойдзена", "dane/osoby.json": "[]"}
    for name, text in {**pages, **HIDDEN, **WELL_KNOWN}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    nginx = Nginx(site, tmp_path_factory.mktemp("nginx-hidden") / "run")
    yield site, nginx
    nginx.stop()


@pytest.mark.parametrize("path", [*(f"/{quote(name)}" for name in HIDDEN), "/.git/", "/.git",
                                  "/.well-known/../.env",
                                  "/.well-known/.git/config", "/%2eenv", "/.well-knownx/"])
def test_hidden_files_are_never_served(hidden_site, path):
    site, nginx = hidden_site
    status, _, body = nginx.get(path)
    assert status == 404, path
    assert b"do-not-serve" not in body and b"token@" not in body


def test_well_known_stays_reachable(hidden_site):
    site, nginx = hidden_site
    for name, text in WELL_KNOWN.items():
        status, _, body = nginx.get(f"/{name}")
        assert (status, body) == (200, text.encode("utf-8")), name


def test_the_built_site_has_no_hidden_file_the_rule_would_hide(site):
    assert [p.relative_to(site) for p in site.rglob(".*")] == []


# -- headers --------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/be/organizacje/", "/assets/pomost.css",
                                  "/dane/osoby.json", MISSES["pl"]])
def test_security_headers_are_on_every_response(server, path):
    _, head, _ = server.get(path)
    policy = dict(part.strip().split(" ", 1) for part in head["content-security-policy"].split(";"))
    assert policy["frame-ancestors"] == "'none'"
    assert policy["default-src"] == "'self'"
    assert "'unsafe-inline'" not in head["content-security-policy"]
    assert "'unsafe-eval'" not in head["content-security-policy"]
    assert head["x-content-type-options"] == "nosniff"
    assert head["referrer-policy"] == "strict-origin-when-cross-origin"
    assert head["x-frame-options"] == "DENY"


def test_hsts_is_documented_but_not_sent_over_plain_http(server):
    """Only a server that answers HTTPS may send it (see the comment in the template)."""
    _, head, _ = server.get("/")
    assert "strict-transport-security" not in head
    conf = (server.prefix / "nginx.conf").read_text(encoding="utf-8")
    assert '#   add_header Strict-Transport-Security "max-age=300" always;' in conf


def test_the_policy_allows_exactly_the_inline_scripts_the_site_has(server, all_pages):
    """Hashes recomputed here with another HTML parser than the one the config uses."""
    expected = set()
    for soup in all_pages.values():
        for script in soup("script"):
            if not script.has_attr("src") and script.get("type") != "application/json":
                digest = hashlib.sha256(script.string.encode("utf-8")).digest()
                expected.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    _, head, _ = server.get("/")
    policy = dict(part.strip().split(" ", 1) for part in head["content-security-policy"].split(";"))
    assert set(policy["script-src"].split()) == {"'self'"} | expected
    assert len(expected) >= 3  # Material's helpers, palette and anchor scripts


@pytest.mark.parametrize("path", ["/", "/be/organizacje/", "/assets/pomost.css",
                                  "/dane/organizacje.json", "/be/dane/organizacje-be.csv"])
def test_text_is_gzipped_for_clients_that_accept_it(server, site, path):
    _, plain_head, plain = server.get(path)
    _, head, body = server.get(path, {"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain_head
    assert head["content-encoding"] == "gzip"
    assert gzip.decompress(body) == plain
    assert len(body) < len(plain)
    assert "Accept-Encoding" in head["vary"]


def test_fingerprinted_assets_are_cached_for_a_year_and_pages_briefly(server, site):
    bundles = [f for f in (site / "assets").rglob("*.min.*")
               if re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", f.name)]
    assert len(bundles) >= 3  # bundle, search worker, stylesheets
    for file in bundles:
        _, head, _ = server.get("/" + file.relative_to(site).as_posix())
        assert head["cache-control"] == "public, max-age=31536000, immutable", file.name
    for path in ("/", "/be/", "/organizacje/cis-mieniany/", "/404.html", MISSES["pl"]):
        _, head, _ = server.get(path)
        assert head["cache-control"] == "public, max-age=300", path
    _, head, _ = server.get("/assets/pomost.css")  # not fingerprinted: may change any day
    assert "immutable" not in head["cache-control"]


# -- in a real browser -----------------------------------------------------------

def csp_messages(log: str) -> list[str]:
    return [line for line in log.splitlines() if "Content Security Policy" in line]


def test_no_csp_violation_in_chromium_and_the_scripts_run(server, tmp_path):
    for path in ("/", "/be/organizacje/cis-mieniany/"):
        run = chromium("--virtual-time-budget=3000", "--dump-dom", server.url + path,
                       profile=tmp_path / "profile")
        assert run.returncode == 0, run.stderr[-2000:]
        assert csp_messages(run.stderr) == [], path
        assert "js" in BeautifulSoup(run.stdout, "html.parser").html["class"], path
    requested = (server.prefix / "access.log").read_text()
    for asset in ("/assets/javascripts/bundle.", "/assets/javascripts/pomost-search.js"):
        assert asset in requested, f"{asset} was never loaded"


def test_a_missing_script_hash_is_reported_by_chromium(site, tmp_path):
    """The check above can fail: the same site without the hashes logs violations."""
    bare = Nginx(site, tmp_path / "bare", script_hashes=[])
    try:
        run = chromium("--virtual-time-budget=2000", "--dump-dom", bare.url + "/",
                       profile=tmp_path / "profile")
    finally:
        bare.stop()
    assert csp_messages(run.stderr)


def test_an_inline_script_the_theme_does_not_ship_stops_the_nginx_rendering(site, tmp_path):
    """A <script> typed into a page is not whitelisted by the policy meant to stop it."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "jak-dziala-system" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</article>", "<script>alert('hello')</script></article>", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pomost", "nginx", "--site-dir", str(copy)],
                            cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        "jak-dziala-system/index.html: an inline script the theme does not ship "
        "(alert('hello')…) — the web server would let it run; remove it from the page, or move "
        "it into a file under docs/assets/")


def test_the_policy_lists_only_scripts_of_the_theme(site):
    from pomost.build.webserver import _sha256, inline_hashes
    from pomost.theme.material import shipped_inline_scripts
    scripts, _ = inline_hashes(site)
    assert scripts and set(scripts) <= {_sha256(s) for s in shipped_inline_scripts(4)}
