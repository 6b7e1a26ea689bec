"""The live preview (`make serve`) brings its site up to date by writing only what an edit
changed — and what it then shows is, byte for byte, what a full `make site` makes of the
same files: after an edit, an added record, a deleted one, a renamed id, a template edit, a
page of docs/ edited, and after broken data is fixed again.

Each step: change the project copy, tell the preview, assemble what its workers wrote as
`make site` assembles a site, build the same project from scratch with `python -m pomost
build`, compare every file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from pomost.build.preview import Preview
from tools.bench.data import generate

from support import ROOT, copy_project, free_port, pomost_build, site_files


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("preview")
    project = copy_project(root / "project")
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    preview = Preview(project, out=root / "preview", env=env)
    assert all(a["ok"] for a in preview.last.values()), preview.last
    yield project, preview, root, env
    preview.close()


def _same_as_a_full_build(project, preview: Preview, root: Path, env, step: str) -> None:
    shown = root / f"shown-{step}"
    preview.snapshot(shown)
    full = root / f"full-{step}"
    built = pomost_build(project, full)
    assert built.returncode == 0, built.stderr
    ours, theirs = site_files(shown), site_files(full)
    assert sorted(ours.keys() - theirs.keys()) == [], f"{step}: files the build does not make"
    assert sorted(theirs.keys() - ours.keys()) == [], f"{step}: files the preview lacks"
    differ = [name for name in theirs if ours[name] != theirs[name]]
    assert differ == [], f"{step}: not what a full build makes"
    shutil.rmtree(shown.parent / f"{shown.name}", ignore_errors=True)
    shutil.rmtree(full, ignore_errors=True)


def _refresh(preview: Preview, *paths: str) -> dict:
    answers = preview.refresh(list(paths))
    assert all(a["ok"] for a in answers.values()), answers
    return answers


def _records(text: str) -> list[tuple[int, int]]:
    starts = [m.start() for m in re.finditer(r"^- ", text, re.M)]
    return list(zip(starts, [*starts[1:], len(text)], strict=True))


def test_first_build_is_the_full_build(project):
    _same_as_a_full_build(*project, "first")


def test_an_edited_summary(project):
    root, preview = project[0], project[1]
    data = root / "data" / "organisations.yml"
    text = data.read_text(encoding="utf-8")
    start, _ = _records(text)[-1]  # (not the publisher, whom every page's top bar names)
    summary = re.compile(r"(\n  summary:\s*\n    pl: )").search(text, start)
    data.write_text(text[:summary.end(1)] + "Zmieniono " + text[summary.end(1):],
                    encoding="utf-8")
    answers = _refresh(preview, "data/organisations.yml")
    assert {a["how"] for a in answers.values()} == {"edit"}  # without MkDocs
    # the first edit after the first build, too, reads only the edited record again
    assert {a["parsed"] for a in answers.values()} == {1}, answers
    # only what shows the record: its page, the lists, the open data — not the whole site
    assert all(0 < len(a["written"]) < 40 for a in answers.values()), answers
    _same_as_a_full_build(*project, "edit")


def test_an_edited_name_reaches_the_a_z_index_and_the_links_to_it(project):
    root, preview = project[0], project[1]
    data = root / "data" / "organisations.yml"
    text = data.read_text(encoding="utf-8")
    start, _ = _records(text)[-1]  # (not the publisher: see the next test)
    name = re.compile(r"(\n  name:\s*\n    pl: )").search(text, start)
    data.write_text(text[:name.end(1)] + "Zupełnie Nowa " + text[name.end(1):], encoding="utf-8")
    answers = _refresh(preview, "data/organisations.yml")
    assert any("indeks/" in a["written"] for a in answers.values()), answers
    _same_as_a_full_build(*project, "name")


def test_the_publishers_name_reaches_every_page(project):
    root, preview = project[0], project[1]
    data = root / "data" / "organisations.yml"
    text = data.read_text(encoding="utf-8")
    start, _ = _records(text)[0]  # the publisher (data/accessibility.yml): every top bar
    name = re.compile(r"(\n  name:\s*\n    pl: )").search(text, start)
    data.write_text(text[:name.end(1)] + "Wydawca " + text[name.end(1):], encoding="utf-8")
    answers = _refresh(preview, "data/organisations.yml")
    assert answers["pl"]["how"] == "rebuild", answers  # (the Polish name: Polish pages)
    _same_as_a_full_build(*project, "publisher")


def test_an_added_record(project):
    root, preview = project[0], project[1]
    data = root / "data" / "organisations.yml"
    text = data.read_text(encoding="utf-8")
    start, end = _records(text)[-1]
    added = re.sub(r"^- id: \S+", "- id: nowa-spoldzielnia", text[start:end], count=1, flags=re.M)
    data.write_text(text.rstrip("\n") + "\n" + added, encoding="utf-8")
    _refresh(preview, "data/organisations.yml")
    _same_as_a_full_build(*project, "add")


def test_a_renamed_id(project):
    root, preview = project[0], project[1]
    data = root / "data" / "organisations.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("- id: nowa-spoldzielnia", "- id: inna-spoldzielnia"),
                    encoding="utf-8")
    _refresh(preview, "data/organisations.yml")
    assert not (project[2] / "preview" / "pl" / "organizacje" / "nowa-spoldzielnia").exists()
    _same_as_a_full_build(*project, "rename")


def test_a_deleted_record(project):
    root, preview = project[0], project[1]
    data = root / "data" / "organisations.yml"
    text = data.read_text(encoding="utf-8")
    start, end = next((a, b) for a, b in _records(text) if "inna-spoldzielnia" in text[a:b])
    data.write_text(text[:start] + text[end:], encoding="utf-8")
    _refresh(preview, "data/organisations.yml")
    _same_as_a_full_build(*project, "delete")


def test_an_edited_event_reaches_its_calendars(project):
    root, preview = project[0], project[1]
    data = root / "data" / "events.yml"
    text = data.read_text(encoding="utf-8")
    title = re.compile(r"(\n  title:\s*\n    pl: [^\n]*\n    be: )").search(text)
    data.write_text(text[:title.end(1)] + "Новая " + text[title.end(1):], encoding="utf-8")
    _refresh(preview, "data/events.yml")
    _same_as_a_full_build(*project, "event")


def test_a_template_edit(project):
    root, preview = project[0], project[1]
    template = root / "hooks" / "pomost" / "render" / "templates" / "organisation.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        '<p class="pomost-lead">', '<p class="pomost-lead pomost-lead--org">'), encoding="utf-8")
    _refresh(preview, "hooks/pomost/render/templates/organisation.html")
    _same_as_a_full_build(*project, "template")


def test_a_page_of_docs_edited(project):
    root, preview = project[0], project[1]
    page = root / "docs" / "jak-dziala-system.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nJeszcze jedno zdanie.\n",
                    encoding="utf-8")
    _refresh(preview, "docs/jak-dziala-system.md")
    _same_as_a_full_build(*project, "docs")


def test_a_draft_is_shown_labelled_and_gone_when_removed(project):
    root, preview = project[0], project[1]
    data = root / "data" / "organisations.yml"
    good = data.read_text(encoding="utf-8")
    start, end = _records(good)[-1]
    draft = re.sub(r"^- id: \S+", "- id: szkic-spoldzielni\n  draft: true", good[start:end],
                   count=1, flags=re.M)
    data.write_text(good.rstrip("\n") + "\n" + draft, encoding="utf-8")
    _refresh(preview, "data/organisations.yml")
    page = project[2] / "preview" / "pl" / "organizacje" / "szkic-spoldzielni" / "index.html"
    assert 'class="pomost-draft"' in page.read_text(encoding="utf-8")
    listing = (project[2] / "preview" / "pl" / "organizacje" / "index.html").read_text(
        encoding="utf-8")
    assert "(wersja robocza)" in listing  # every list shows the label
    data.write_text(good, encoding="utf-8")
    _refresh(preview, "data/organisations.yml")
    assert not page.exists()
    _same_as_a_full_build(*project, "draft")


def test_broken_data_is_reported_then_the_fix_shows(project):
    root, preview = project[0], project[1]
    data = root / "data" / "organisations.yml"
    good = data.read_text(encoding="utf-8")
    before = site_files(project[2] / "preview" / "pl")
    data.write_text(good.replace("  role: good_practice", "  role: najlepsza", 1), encoding="utf-8")
    answers = preview.refresh(["data/organisations.yml"])
    assert not any(a["ok"] for a in answers.values())
    assert preview.problems and all(p.startswith("data/organisations.yml:")
                                    for p in preview.problems), answers
    assert site_files(project[2] / "preview" / "pl") == before  # what is shown once it is fixed
    data.write_text(good.replace("  role: good_practice", "  role: partner", 1), encoding="utf-8")
    _refresh(preview, "data/organisations.yml")
    _same_as_a_full_build(*project, "fixed")


# -- a catalogue whose A–Z index and filter pages take several pages each ----------------

@pytest.fixture(scope="module")
def grown_preview(tmp_path_factory):
    root = tmp_path_factory.mktemp("grown-preview")
    project = copy_project(root / "project")
    generate(ROOT / "data", project / "data", 120, events=250)
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    preview = Preview(project, out=root / "preview", env=env)
    assert all(a["ok"] for a in preview.last.values()), preview.last
    yield project, preview, root, env
    preview.close()


def test_an_edited_summary_rewrites_only_the_filter_pages_that_show_it(grown_preview):
    root, preview, out = grown_preview[0], grown_preview[1], grown_preview[2]
    data = root / "data" / "organisations.yml"
    text = data.read_text(encoding="utf-8")
    start, end = _records(text)[-1]
    rid = re.search(r"(?:^-|\n ) id: *(\S+)", text[start:end]).group(1)
    summary = re.compile(r"(\n  summary:\s*\n    pl: )").search(text, start)
    data.write_text(text[:summary.end(1)] + "Inaczej " + text[summary.end(1):], encoding="utf-8")
    answers = _refresh(preview, "data/organisations.yml")
    assert {a["how"] for a in answers.values()} == {"edit"}, answers
    site = out / "preview" / "pl"
    filters = {p.parent.relative_to(site).as_posix() + "/": p.read_text(encoding="utf-8")
               for p in (site / "szukaj").glob("*/**/index.html")}
    showing = {url for url, html in filters.items() if f"organizacje/{rid}/" in html}
    assert showing and len(showing) < len(filters), (showing, sorted(filters))
    written = {url for url in answers["pl"]["written"] if url in filters}
    assert written == showing, answers["pl"]["written"]
    _same_as_a_full_build(*grown_preview, "grown-summary")


def test_a_moved_name_and_town_reach_every_page_of_the_a_z_index_and_the_filters(
        grown_preview):
    root, preview, out = grown_preview[0], grown_preview[1], grown_preview[2]
    assert (out / "preview" / "pl" / "indeks" / "strona" / "2").is_dir()  # several pages
    data = root / "data" / "organisations.yml"
    text = data.read_text(encoding="utf-8")
    start, end = _records(text)[-1]
    record = text[start:end]
    # first in the alphabet instead of where it was: every page of the index shifts
    record = re.sub(r"(\n  name:\s*\n    pl: )", r"\1Aaa ", record, count=1)
    record = re.sub(r"(\n  name:\s*\n    pl: [^\n]*\n    be: )", r"\1Ааа ", record, count=1)
    record = re.sub(r"(\n  town:\s*\n    pl: )[^\n]*", r"\1Abramów", record, count=1)
    assert record != text[start:end]
    data.write_text(text[:start] + record + text[end:], encoding="utf-8")
    answers = _refresh(preview, "data/organisations.yml")
    assert {a["how"] for a in answers.values()} == {"edit"}, answers
    assert any("indeks/strona/2/" in a["written"] for a in answers.values()), answers
    _same_as_a_full_build(*grown_preview, "grown-name")


# -- the server ------------------------------------------------------------------------

def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")
    except OSError:
        return 0, ""


def _wait_for(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(0.05)
    return None


def test_serve_shows_an_edit_and_each_language_its_own_404(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [sys.executable, "-m", "pomost", "serve", "--addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        assert _wait_for(lambda: _get(f"{base}/")[0] == 200, 180), "serve did not start"
        status, home = _get(f"{base}/")
        assert "/.pomost/reload" in home  # the page reloads itself after a rebuild
        assert _get(f"{base}/nie-ma-takiej/")[0] == 404
        assert '<html lang="pl"' in _get(f"{base}/nie-ma-takiej/")[1]
        assert '<html lang="be"' in _get(f"{base}/be/nie-ma-takiej/")[1]
        sitemap = _get(f"{base}/sitemap.xml")[1]
        assert "/be/organizacje/" in sitemap and "/organizacje/" in sitemap
        data = project / "data" / "organisations.yml"
        text = data.read_text(encoding="utf-8")
        summary = re.compile(r"(\n  summary:\s*\n    pl: )").search(text)
        rid = re.findall(r"^- id: (\S+)", text[:summary.start()], re.M)[-1]
        version = _get(f"{base}/.pomost/reload?since=0")[1]
        assert version == "reload"
        seen = threading.Event()

        def reload_waiter():  # what the page's script does: wait for the next rebuild
            if _get(f"{base}/.pomost/reload?since=1")[1] == "reload":
                seen.set()

        waiter = threading.Thread(target=reload_waiter, daemon=True)
        waiter.start()
        data.write_text(text[:summary.end(1)] + "PODGLĄD " + text[summary.end(1):],
                        encoding="utf-8")
        assert _wait_for(lambda: "PODGLĄD" in _get(f"{base}/organizacje/{rid}/")[1], 120), \
            "the edit never showed"
        waiter.join(timeout=30)
        assert seen.is_set(), "the open page was not told to reload"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
