"""The sitemap's lastmod, in a copy of the project with a git history of its own.

The project the tests run from need not be a git checkout (a downloaded ZIP is not), so
these tests never read its history: they make a throw-away repository whose dates they
choose, and build it.
"""

from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as ET

import pytest

from pomost.build import lastmod

from support import copy_project, mkdocs_build, need

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
CONTENT_DAY, LATER_DAY = "2019-09-24", "2020-02-02"


def git(project, *args: str, day: str | None = None) -> str:
    """Run git in ``project`` (committing on ``day``, at noon UTC); its output."""
    env = {**os.environ, "TZ": "UTC"}
    if day:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T12:00:00Z"
    identity = ["-c", "user.name=Pomost tests", "-c", "user.email=tests@example.org",
                "-c", "commit.gpgsign=false"]
    return subprocess.run([need("git"), *identity, *args], cwd=project, env=env, check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def dated_copy(tmp_path_factory):
    """A copy of the project whose content was committed on CONTENT_DAY and which got one
    more commit, outside the content, on LATER_DAY; built once."""
    project = copy_project(tmp_path_factory.mktemp("dated"))
    with pytest.MonkeyPatch.context() as patch:
        # Neither the caller's build date nor a repository of the caller's may leak in.
        for name in [n for n in os.environ if n.startswith("GIT_")] + ["SOURCE_DATE_EPOCH"]:
            patch.delenv(name, raising=False)
        git(project, "init", "-q")
        git(project, "add", "-A")
        git(project, "commit", "-q", "-m", "content", day=CONTENT_DAY)
        (project / "NOTES.txt").write_text("not content: no page is made of it\n", encoding="utf-8")
        git(project, "add", "NOTES.txt")
        git(project, "commit", "-q", "-m", "not content", day=LATER_DAY)
        result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project


def lastmods(site) -> set[str]:
    return {u.text for u in ET.parse(site / "sitemap.xml").getroot().iter(f"{{{NS['s']}}}lastmod")}


def test_sitemap_lastmod_is_the_date_of_the_content_not_of_the_build(dated_copy):
    committed = git(dated_copy, "log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d",
                    "--", *lastmod.CONTENT).strip()
    assert committed == CONTENT_DAY  # the later commit touched no content
    assert lastmods(dated_copy / "site") == {committed}


def test_same_data_gives_the_same_lastmod_whenever_it_is_built(dated_copy):
    assert lastmods(dated_copy / "site") == {CONTENT_DAY}
