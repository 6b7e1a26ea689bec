"""Programs some tests drive: found on PATH; missing ones skip, except in CI (CI=true) where they fail."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI") == "true"


def need(program: str, *fallbacks: str) -> str:
    """The program's path; outside CI a missing program skips, in CI it fails."""
    found = shutil.which(program) or next((f for f in fallbacks if os.access(f, os.X_OK)), None)
    if not found:
        message = f"{program} is not installed (.ci/run installs it with apt-get)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return found


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    binary = need("chromium", "/usr/bin/chromium")
    return subprocess.run(
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args],
        capture_output=True, text=True, timeout=60)
