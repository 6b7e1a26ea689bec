"""Search as a reader does it, in Chromium: typed key by key into the search box.

Playwright types letters that a US keyboard lacks (Polish, Cyrillic) as inserted text,
without key events; a reader's keyboard sends keydown, keypress, input and keyup for
every letter. So every character is sent here as the key events Chromium gets from a
keyboard (the DevTools protocol's ``Input.dispatchKeyEvent``). Used by the tests
(tests/browser/test_search_queries.py) and by ``make bench``.
"""

from __future__ import annotations

from typing import Any

#: the search box in the header, and the element that says a query has been answered
BOX = "[data-pomost-search=box]"
INPUT = BOX + " .md-search__input"
LINKS = BOX + " .md-search-result__link"


def type_keys(page: Any, text: str) -> None:
    """Type ``text`` into the focused element with real key events, one key at a time."""
    session = page.context.new_cdp_session(page)
    try:
        for char in text:
            session.send("Input.dispatchKeyEvent",
                         {"type": "keyDown", "key": char, "text": char, "unmodifiedText": char})
            session.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": char})
    finally:
        session.detach()


def clear(page: Any) -> None:
    page.fill(INPUT, "")
    page.wait_for_function("box => !document.querySelector(box).hasAttribute('data-pomost-done')",
                           arg=BOX)


def search(page: Any, query: str) -> list[str]:
    """Type ``query`` into the header's search box of the open page; the result links."""
    page.click(INPUT)
    clear(page)
    type_keys(page, query)
    page.wait_for_function(
        "([box, q]) => document.querySelector(box).getAttribute('data-pomost-done') === q",
        arg=[BOX, query])
    return page.eval_on_selector_all(LINKS, "els => els.map(e => e.href)")
