"""The sitemap's <lastmod>: the date the site's content last changed, the same on every build.

MkDocs stamps every page with the build date, so two builds of the same data give two
different sitemaps. Instead the date is SOURCE_DATE_EPOCH when the builder sets it (the
reproducible-builds convention), otherwise the date of the last git commit that touched
what the pages are made of. One date for all pages: every page pulls in records from all
of data/ (lists, names, the grant table), so a date per source file would understate changes.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

#: what the text of the pages is made of, relative to the project root
CONTENT = ("data", "docs", "hooks/pomost/render/strings", "hooks/pomost/render/templates")


def content_date(root: Path, environ: Mapping[str, str] = os.environ) -> str | None:
    """'YYYY-MM-DD' (UTC), or None outside a git checkout without SOURCE_DATE_EPOCH."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        try:
            result = subprocess.run(["git", "log", "-1", "--format=%ct", "--", *CONTENT],
                                    cwd=root, capture_output=True, text=True)
        except OSError:  # no git on this machine
            return None
        epoch = result.stdout.strip() if result.returncode == 0 else ""
    if not epoch:
        return None
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
