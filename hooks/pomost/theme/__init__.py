"""The theme layer: the only code that knows Material for MkDocs and mkdocs-static-i18n.

Everything else in ``pomost`` works on records, site paths and HTML fragments of its own;
what depends on how Material writes its pages or how the i18n plugin lays out and builds
languages lives here (and in ``overrides/`` and ``hooks/pomost_hooks.py``), so an upgrade,
or a move to Material's successor, touches these files and nothing else:

* ``material``   — Material's HTML: its hreflang tags, its checkbox markup, the ``__config``
  block that tells its search where the index is, the format of its search index;
* ``i18n``       — static-i18n: the suffix layout of sources (``x.md`` / ``x.be.md``), the
  language being built, building one language per process, where its 404 pages and
  per-language files land, its nav translations;
* ``generated``  — the phantom files: record pages MkDocs and the i18n plugin treat as
  ordinary pages although no source file exists.

The tested versions are pinned in ``TESTED``; ``check_versions`` compares them with what is
installed when a build starts and stops with a plain sentence if they differ (README,
"Upgrading the theme").
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Mapping

from pomost.l10n import _

#: distribution -> the version the theme layer was written and tested against
TESTED = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.2", "mkdocs-static-i18n": "1.3.1"}

#: set to 1 to build with other versions anyway (while trying an upgrade; README)
ALLOW_VARIABLE = "POMOST_ALLOW_UNTESTED_THEME"


class ThemeError(Exception):
    """The theme or the i18n plugin does not behave as this layer expects."""


class ThemeVersionError(ThemeError):
    """The installed MkDocs, Material or static-i18n is not the version tested here."""


def installed_versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name in TESTED:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = None
    return found


def version_problems(installed: dict[str, str | None]) -> list[str]:
    """One sentence per package whose installed version differs from the tested one."""
    return [(_("{name} {version} is installed, but Pomost is tested with {name}=={tested}")
             if found else _("{name} is not installed, but Pomost is tested with {name}=={tested}")
             ).format(name=name, version=found, tested=TESTED[name])
            for name, found in installed.items() if found != TESTED[name]]


def check_versions(installed: dict[str, str | None] | None = None,
                   environ: Mapping[str, str] = os.environ) -> list[str]:
    """Raise ThemeVersionError unless the installed versions are the tested ones.

    With POMOST_ALLOW_UNTESTED_THEME=1 the differences are returned (to be shown as a
    warning) instead: the way to try an upgrade before the pins move.
    """
    problems = version_problems(installed_versions() if installed is None else installed)
    if problems and environ.get(ALLOW_VARIABLE) != "1":
        raise ThemeVersionError(_(
            "{problems} — install the pinned versions (pip install -r requirements.txt), or, to "
            "try an upgrade, set {variable}=1 and follow README, 'Upgrading the theme'").format(
            problems="; ".join(problems), variable=ALLOW_VARIABLE))
    return problems
