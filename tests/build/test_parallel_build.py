"""`make site` builds each language in its own process; the result is the site MkDocs builds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from support import copy_project, pomost_build, site_files

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def parallel_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("parallel"))
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "pomost", "build", "--site-dir", "site"],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return project / "site"


def files(folder):
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def sitemap(folder):
    entries = {}
    for url in ET.parse(folder / "sitemap.xml").getroot().iter(f"{SITEMAP}url"):
        entries[url.findtext(f"{SITEMAP}loc")] = {
            (link.get("hreflang"), link.get("href")) for link in url.iter(f"{XHTML}link")}
    return entries


def test_same_pages_byte_for_byte(site, parallel_site):
    """Switcher links, alternates, nav, search config: all as in the one-process build."""
    ours, theirs = files(parallel_site), files(site)
    assert ours == theirs
    for name in sorted(theirs):
        if name.endswith((".html", ".json", ".csv")):
            assert (parallel_site / name).read_bytes() == (site / name).read_bytes(), name


def test_without_fork_the_same_site(tmp_path, parallel_site):
    """Where there is no fork (Windows), every process of the build does its share itself
    and each language's build is a new Python: the same site. Here os.fork is taken away
    in every process of the build, so a build that still forked would fail."""
    project = copy_project(tmp_path / "project")
    no_fork = tmp_path / "no-fork"
    no_fork.mkdir()
    (no_fork / "sitecustomize.py").write_text("import os\ndel os.fork\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(no_fork), str(project / "hooks")]),
           "NO_MKDOCS_2_WARNING": "1"}
    probe = subprocess.run([sys.executable, "-c", "import os; print(hasattr(os, 'fork'))"],
                           env=env, capture_output=True, text=True)
    assert probe.stdout.strip() == "False", probe.stderr
    result = subprocess.run([sys.executable, "-m", "pomost", "build", "--site-dir", "site"],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    built = project / "site"
    assert files(built) == files(parallel_site)
    for name in sorted(files(parallel_site)):
        if name.endswith((".html", ".json", ".csv")):
            assert (built / name).read_bytes() == (parallel_site / name).read_bytes(), name


def test_one_language_after_the_other_the_same_site(tmp_path, parallel_site):
    """A national catalogue is built one language after the other (POMOST_TOGETHER_MB: the
    size from which it is, here 0), the catalog for the report read after: the same site."""
    project = copy_project(tmp_path / "project")
    built = pomost_build(project, project / "site", POMOST_TOGETHER_MB="0")
    assert built.returncode == 0, built.stderr
    assert site_files(project / "site") == site_files(parallel_site)
    again = pomost_build(project, project / "site", POMOST_TOGETHER_MB="0", POMOST_LANG="en")
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[0] == (
        "Against the site published before: 0 new pages, 0 changed, 0 removed.")


def test_sitemap_lists_both_languages_with_alternates(site, parallel_site):
    merged = sitemap(parallel_site)
    assert merged == sitemap(site)
    assert any("/be/" in loc for loc in merged) and any("/be/" not in loc for loc in merged)
    assert all({lang for lang, _ in links} == {"pl", "be"} for links in merged.values())


def test_each_language_keeps_its_own_404(parallel_site):
    for path, lang in (("404.html", "pl"), ("be/404.html", "be")):
        soup = BeautifulSoup((parallel_site / path).read_text(encoding="utf-8"), "html.parser")
        assert soup.find("html")["lang"] == lang
        config = json.loads(soup.find("script", id="__config").string)
        assert config["base"] == ("/be/" if lang == "be" else "/")

