"""`pomost edit --export DIR`: the editor for a published site, editing the git host's copy.

Staff then edit from any browser: Decap CMS signs them in with the git host (GitHub, GitLab
or Gitea/Forgejo) and commits each saved record to the branch, and the CI that builds the
site on every push publishes it. Nothing of ours runs anywhere: DIR holds a page, its
configuration (the same collections as `pomost edit`, with the git host as the backend) and
the pinned bundle, to be served at e.g. ``/admin/`` (README, 'The form editor').
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from pomost.editor import config
from pomost.editor.app import SCRIPT, admin_page, script

#: backend name -> the options it needs besides repo and branch (README names where from)
BACKENDS: dict[str, tuple[str, ...]] = {
    "github": ("base_url",),            # an OAuth client (GitHub has no sign-in from a page alone)
    "gitlab": ("app_id",),              # PKCE: an OAuth application, no server
    "gitea": ("app_id", "base_url"),    # PKCE, on the Gitea/Forgejo server named by base_url
}


def backend(name: str, repo: str, branch: str, **options: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "repo": repo, "branch": branch}
    if name == "gitlab":
        out["auth_type"] = "pkce"
    if name == "gitea" and options.get("base_url"):
        root = str(options["base_url"]).rstrip("/")
        out.update(api_root=f"{root}/api/v1", auth_endpoint=f"{root}/login/oauth/authorize")
    out.update({key: value for key, value in options.items() if value})
    return out


def export(target: Path, dist: Path, settings: dict[str, Any]) -> list[Path]:
    """Write the published editor into ``target``; returns the files written."""
    target.mkdir(parents=True, exist_ok=True)
    page = target / "index.html"
    page.write_text(admin_page("decap/decap-cms.js", inside=False), encoding="utf-8",
                    newline="\n")
    (target / SCRIPT).write_bytes(script())
    conf = target / "config.yml"
    conf.write_text(config.text(config.with_backend(settings)), encoding="utf-8", newline="\n")
    bundle = target / "decap"
    shutil.rmtree(bundle, ignore_errors=True)
    shutil.copytree(dist, bundle, ignore=shutil.ignore_patterns("*.map"))
    return [page, target / SCRIPT, conf, bundle]
