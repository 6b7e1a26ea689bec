"""Small corrections to the HTML that Material writes, where its markup breaks a standard.

Material 9.8 puts ``autocomplete="off"`` on its hidden checkbox toggles (the drawer and
search) so that Firefox does not restore their state on back/forward. The HTML standard
allows ``autocomplete`` on checkboxes only with values naming a kind of data, so the Nu
Html Checker reports an error on every page. The toggles live in base.html outside any
template block; overriding it would mean copying Material's whole page skeleton, so the
attribute is removed here instead. The cost: after "back" in Firefox an open drawer may
stay open.
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_AUTOCOMPLETE_OFF = re.compile(r'\s+autocomplete="off"')


def drop_checkbox_autocomplete(html: str) -> str:
    """``html`` with ``autocomplete="off"`` removed from every checkbox input."""
    return _CHECKBOX.sub(lambda tag: _AUTOCOMPLETE_OFF.sub("", tag.group(0)), html)
