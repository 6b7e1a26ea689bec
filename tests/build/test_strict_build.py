"""`make site` fails on every MkDocs warning, as --strict promises: tested through the very
command it runs (`python -m pomost build`)."""

from __future__ import annotations

from support import copy_project, make_site


def test_a_dead_link_in_a_page_fails_make_site_and_is_named(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "jak-dziala-system.md"
    text = page.read_text(encoding="utf-8")
    assert "(organizacje/rops-lublin.md)" in text
    page.write_text(text.replace("(organizacje/rops-lublin.md)", "(organizacje/nie-ma.md)"),
                    encoding="utf-8")
    result = make_site(project)
    assert result.returncode == 1
    assert ("WARNING -  Doc file 'jak-dziala-system.md' contains a link "
            "'organizacje/nie-ma.md', but the target is not found among documentation files."
            ) in result.stderr.splitlines()
    assert not (project / "site").exists()


def test_a_clean_build_prints_no_mkdocs_chatter(tmp_path):
    project = copy_project(tmp_path)
    result = make_site(project)
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith(("INFO", "WARNING"))] == []
