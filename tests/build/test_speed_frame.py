"""Record pages through their section's frame (theme/frame.py) are byte for byte what
Material renders, on any number of cores; a theme that prints more of a page than the frame
fills in stops the build instead of publishing wrong pages."""

from __future__ import annotations

import pytest

from support import ROOT, build_errors, copy_project, pomost_build, site_files


def test_through_the_frame_is_what_material_renders(grown, framed, tmp_path):
    built = pomost_build(grown, tmp_path / "site", POMOST_FRAME="0", POMOST_CORES="1")
    assert built.returncode == 0, built.stderr
    material = site_files(tmp_path / "site")
    assert material.keys() == framed.keys()
    assert [name for name in material if material[name] != framed[name]] == []
    assert any(name.startswith("pakiet-dla-delegacji/strona/2/") for name in framed)


def test_every_core_writes_the_same_site(grown, framed, tmp_path):
    built = pomost_build(grown, tmp_path / "site", POMOST_CORES="6")  # forked writers per language
    assert built.returncode == 0, built.stderr
    assert site_files(tmp_path / "site") == framed


@pytest.mark.parametrize(("block", "why"), [
    # Material would print something of each page the frame does not fill in
    ('<meta name="x-source" content="{{ page.file.src_uri }}">', "prints more of the page"),
    # ... or change a value on its way into the page
    ('<meta name="x-title" content="{{ page.meta.title | upper }}">', "changes a value"),
])
def test_a_theme_printing_more_of_a_page_stops_the_build(tmp_path, block, why):
    project = copy_project(tmp_path / "project")
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        '{% include "partials/pomost-a11y-meta.html" %}',
        '{% include "partials/pomost-a11y-meta.html" %}\n  ' + block), encoding="utf-8")
    built = pomost_build(project, tmp_path / "site")
    assert built.returncode != 0
    assert not (tmp_path / "site").exists()
    errors = build_errors(built.stderr)
    assert any(why in e and "POMOST_FRAME=0" in e for e in errors), built.stderr


def test_the_generated_files_are_the_i18n_plugins_own(tmp_path, monkeypatch):
    """At every build one generated page's File is compared with what the i18n plugin makes
    of the same sources; one made wrong stops it."""
    from mkdocs.config import load_config

    from pomost.theme import ThemeError, i18n

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    for lang in ("pl", "be"):
        config.plugins["i18n"].current_language = lang
        i18n.check_files_match("organizacje/cis-mieniany.md", config)
    made = i18n.i18n_file

    def wrong(source, build_lang, config):
        file = made(source, build_lang, config)
        file.url = file.url.replace("organizacje", "organisations")
        return file

    monkeypatch.setattr(i18n, "i18n_file", wrong)
    with pytest.raises(ThemeError, match="no longer makes of the generated page"):
        i18n.check_files_match("organizacje/cis-mieniany.md", config)
