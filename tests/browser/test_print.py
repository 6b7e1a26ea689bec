"""Print in Chromium: the delegation pack and record pages print on A4 without the site chrome."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from browser_support import chromium

PACK = {"pl": "pakiet-dla-delegacji/", "be": "be/pakiet-dla-delegacji/"}
A4_POINTS = (595, 842)  # 210 × 297 mm


def good_practices(catalog):
    return [o for o in catalog.organisations.values() if o.role == "good_practice"]


def print_pdf(site, url: str, tmp_path) -> PdfReader:
    out = tmp_path / f"{url.strip('/').replace('/', '-') or 'home'}.pdf"
    run = chromium("--no-pdf-header-footer", f"--print-to-pdf={out}",
                   (site / url / "index.html").as_uri(), profile=tmp_path / "profile")
    assert out.is_file(), run.stderr[-2000:]
    return PdfReader(out)


def page_texts(pdf: PdfReader) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in pdf.pages]


@pytest.mark.parametrize("lang", PACK)
def test_the_pack_prints_on_a4_one_organisation_per_sheet(site, catalog, tmp_path, lang):
    pdf = print_pdf(site, PACK[lang], tmp_path)
    assert {tuple(round(float(v)) for v in p.mediabox[2:]) for p in pdf.pages} == {A4_POINTS}
    texts = page_texts(pdf)
    starts = [" ".join(getattr(o.name, lang).split()) for o in good_practices(catalog)]
    # each profile starts a sheet: its name opens some page, in the order of the data
    openers = [next(i for i, text in enumerate(texts) if text.startswith(name)) for name in starts]
    assert openers == sorted(openers) and len(set(openers)) == len(starts)
    # outside links print their address after the text (wrapped lines rejoined)
    joined = "".join(texts).replace(" ", "")
    sources = [n.source for o in good_practices(catalog) for n in o.notes if n.source]
    assert sources and all(f"({source})" in joined for source in sources)


@pytest.mark.parametrize("url", ["instrumenty/", "wydarzenia/wizyta-delegacji-2019/",
                                 "be/organizacje/cis-mieniany/"])
def test_pages_print_on_a4_without_the_site_chrome(site, catalog, tmp_path, url):
    pdf = print_pdf(site, url, tmp_path)
    assert {tuple(round(float(v)) for v in p.mediabox[2:]) for p in pdf.pages} == {A4_POINTS}
    text = " ".join(page_texts(pdf))
    lang = "be" if url.startswith("be/") else "pl"
    home = {"pl": "Strona główna", "be": "Галоўная старонка"}[lang]  # first item of the nav
    assert home not in text, "the navigation was printed"
    assert "Material for MkDocs" not in text, "the footer was printed"
