"""Programs some tests drive directly: found on PATH; missing ones skip, except in CI where
they fail (the rule of browser_support.missing)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from browser_support import CHROMIUM_ARGS, chromium_path, missing


def need(program: str, *fallbacks: str) -> str:
    """The program's path; outside CI a missing program skips, in CI it fails."""
    found = shutil.which(program) or next((f for f in fallbacks if os.access(f, os.X_OK)), None)
    if not found:
        missing(f"{program} is not installed (.ci/run installs it with apt-get)")
    return found


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    """Debian's Chromium run once, headless, with a fresh profile; its log on stderr."""
    return subprocess.run(
        [chromium_path(), *CHROMIUM_ARGS, f"--user-data-dir={profile}",
         "--enable-logging=stderr", "--v=0", *args],
        capture_output=True, text=True, timeout=60)
