"""Every HTML page of the built site passes the Nu Html Checker (vnu.jar) without errors."""

from __future__ import annotations

import json
import shutil
import subprocess

from browser_support import VNU, tool
from support import missing


def test_every_page_has_no_html_errors(site):
    java = shutil.which("java") or missing(
        "Java is not installed: apt-get install default-jre-headless (.ci/run does it)")
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    # One run over all files: the checker takes seconds to start.
    result = subprocess.run(
        [java, "-jar", str(tool(VNU)), "--errors-only", "--format", "json",
         "--exit-zero-always", *map(str, pages)],
        capture_output=True, text=True, timeout=300)
    report = json.loads(result.stderr)
    errors = [f"{m['url'].split(str(site))[-1]}:{m.get('lastLine', '?')}: {m['message']}"
              for m in report["messages"] if m["type"] in ("error", "non-document-error")]
    assert errors == [], "\n".join(errors[:30])
