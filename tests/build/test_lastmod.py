"""The sitemap's lastmod in a copy of the project with a git history of its own."""

from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as ET

import pytest

from support import copy_project, mkdocs_build

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def dated_copy(tmp_path_factory):
    """A copy of the project whose only commit is dated 24 September 2019, built once."""
    project = copy_project(tmp_path_factory.mktemp("dated"))
    env = {**os.environ, "GIT_COMMITTER_DATE": "2019-09-24T12:00:00Z",
           "GIT_AUTHOR_DATE": "2019-09-24T12:00:00Z"}
    env.pop("SOURCE_DATE_EPOCH", None)
    for command in (["init", "-q"], ["add", "-A"],
                    ["-c", "user.name=Pomost tests", "-c", "user.email=tests@example.org",
                     "commit", "-q", "-m", "dated"]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project


def test_same_data_gives_the_same_lastmod_whenever_it_is_built(dated_copy):
    dates = {u.text for u in ET.parse(dated_copy / "site" / "sitemap.xml").getroot().iter(
        f"{{{NS['s']}}}lastmod")}
    assert dates == {"2019-09-24"}
