"""The language of what the tools say to staff: Polish, or English on request.

Not the site's languages (those are ``langs.py``): this is the language of messages, help
and reports printed by ``pomost`` and the build. Messages are written in English in the
code, wrapped in ``_()`` (or ``ngettext()`` for counts, ``N_()`` where a text is only marked
and translated later), and translated through the gettext catalogue
``locale/pl/LC_MESSAGES/pomost.po`` — read at run time with Babel, which Pomost already
needs, so nothing has to be compiled on any system (no ``msgfmt`` on Windows). Placeholders
are ``{name}`` fields filled with ``str.format`` after translation.

The language is Polish unless ``POMOST_LANG=en`` (or ``pomost --lang en``, which sets it for
the processes a command starts) asks for English.
"""

from __future__ import annotations

import gettext
import io
import os
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

#: where the catalogues are: locale/<language>/LC_MESSAGES/pomost.po
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "pomost"
#: the languages messages can be in; the first is the default
LANGUAGES = ("pl", "en")
VARIABLE = "POMOST_LANG"


def language() -> str:
    """The language messages are in now."""
    wanted = os.environ.get(VARIABLE, "").strip().lower()[:2]
    return wanted if wanted in LANGUAGES else LANGUAGES[0]


def set_language(lang: str) -> None:
    """Say everything from now on in ``lang``, in this process and those it starts."""
    if lang not in LANGUAGES:
        raise ValueError(lang)
    os.environ[VARIABLE] = lang


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang`` (English, the language of the code, needs none)."""
    path = po_path(lang)
    if lang == "en" or not path.is_file():
        return gettext.NullTranslations()
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """``message`` in the language of messages."""
    return translations(language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for ``count`` (Polish has three: 1 problem, 2 problemy, 5 problemów)."""
    return translations(language()).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue without translating it now (``_(value)`` later)."""
    return message
