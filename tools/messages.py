"""Update the catalogue of messages: `python -m tools.messages` (`make messages`).

Extracts every ``_()``, ``N_()`` and ``ngettext()`` of hooks/pomost with Babel into
hooks/pomost/locale/pomost.pot, then updates each language's .po from it (new messages
appear untranslated, removed ones become obsolete). Translate them in the .po — with any
text editor or Poedit — and `tests/unit/test_staff_messages.py` checks that none is missing.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hooks" / "pomost"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def extract() -> Catalog:
    """Every message of the code, with where it is used."""
    # a fixed date: the header changes only when the messages do
    catalog = Catalog(project="Pomost", version="1", domain="pomost", charset="utf-8",
                      msgid_bugs_address="", copyright_holder="",
                      creation_date=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                      revision_date=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    for filename, lineno, message, comments, context in extract_from_dir(
            PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",)):
        catalog.add(message, None, [(f"hooks/pomost/{filename}", lineno)],
                    auto_comments=comments, context=context)
    hook = ROOT / "hooks" / "pomost_hooks.py"
    for lineno, message, comments, context in extract_from_file("python", hook, keywords=KEYWORDS):
        catalog.add(message, None, [("hooks/pomost_hooks.py", lineno)],
                    auto_comments=comments, context=context)
    return catalog


def main() -> int:
    template = extract()
    locale = PACKAGE / "locale"
    locale.mkdir(exist_ok=True)
    with open(locale / "pomost.pot", "wb") as handle:
        write_po(handle, template, omit_header=False, width=100, no_location=False,
                 sort_output=False, ignore_obsolete=True)
    for po in sorted(locale.glob("*/LC_MESSAGES/pomost.po")):
        lang = po.parent.parent.name
        with open(po, "rb") as handle:
            catalog = read_po(handle, locale=lang)
        catalog.update(template, no_fuzzy_matching=True)
        with open(po, "wb") as handle:
            write_po(handle, catalog, width=100, ignore_obsolete=True, include_previous=False)
        missing = [m.id for m in catalog if m.id and not m.string]
        print(f"{po.relative_to(ROOT)}: {len(catalog)} messages, {len(missing)} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
