"""A failed `make site` leaves the site/ published before it complete and unchanged."""

from __future__ import annotations

from support import build_errors, copy_project, make_site, site_files

#: the last line after a failure: the data stopped it, or the build itself failed
UNCHANGED = "The build stopped; the site/ published before is unchanged."
BUILD_FAILED = "The build failed; the site/ published before is unchanged."


def test_failed_builds_keep_the_published_site(tmp_path):
    project = copy_project(tmp_path)
    first = make_site(project)
    assert first.returncode == 0, first.stderr
    before = site_files(project / "site")
    assert "index.html" in before and "be/index.html" in before

    # 1. Broken data: stopped by validation, with the file and line.
    people = project / "data" / "people.yml"
    good = people.read_text(encoding="utf-8")
    broken = good.replace("  name:", "  name:\n\tpl: x", 1)
    people.write_text(broken, encoding="utf-8")
    failed = make_site(project)
    tab = broken.splitlines().index("\tpl: x") + 1
    assert failed.returncode != 0
    assert failed.stderr == (
        f"data/people.yml:{tab}:1: a tab is used for indentation — indent with spaces only\n\n"
        "1 problem in data/ — fix the lines above and run the check again.\n"
        f"{UNCHANGED}\n")
    assert site_files(project / "site") == before

    # 2. Valid data, but the build itself fails (a page without its Belarusian twin).
    people.write_text(good, encoding="utf-8")
    (project / "docs" / "jak-dziala-system.be.md").unlink()
    failed = make_site(project)
    assert failed.returncode != 0
    assert build_errors(failed.stderr) == [
        "docs/jak-dziala-system.be.md is missing — docs/jak-dziala-system.md has no be "
        "translation; every page needs Polish and Belarusian"]
    assert failed.stderr.splitlines()[-1] == BUILD_FAILED
    assert site_files(project / "site") == before
    assert not list(project.glob(".site-build-*")), "the half-built folder is removed"


