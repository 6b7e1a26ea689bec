"""Our fixes to Material's HTML, on strings (the built pages are checked in tests/site/)."""

from __future__ import annotations


def test_checkbox_autocomplete_is_dropped_and_nothing_else():
    from pomost.theme.material import drop_checkbox_autocomplete
    html = ('<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" name="query" autocomplete="off">')
    assert drop_checkbox_autocomplete(html) == (
        '<input class="md-toggle" type="checkbox" id="__drawer">'
        '<input type="text" name="query" autocomplete="off">')
