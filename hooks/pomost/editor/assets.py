"""The editor's JavaScript: Decap CMS, the version package-lock.json pins, served locally.

Decap ships as one browser bundle (``dist/decap-cms.js`` and the parts it loads on demand),
so nothing of its dependencies is needed at run time. It is taken from:

1. ``editor/node_modules/decap-cms/dist/`` if someone ran `npm ci` in editor/ and its
   version is the pinned one;
2. otherwise ``.pomost/decap-cms-<version>/`` (ignored by git), filled once from the npm
   registry: the package's tarball, refused unless its SHA-512 is the ``integrity`` of
   editor/package-lock.json — the same check `npm ci` makes. Only that one tarball is
   needed (`npm ci` would also install the 480 packages, 416 MB, the bundle was built
   from). Staff on Windows need no Node or npm for this: Python's standard library
   downloads and unpacks it.

The browser then loads the editor from the preview's own address; nothing is fetched from
elsewhere while editing.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pomost.l10n import _

PACKAGE = "decap-cms"
#: the bundle's entry file, inside dist/
ENTRY = "decap-cms.js"
#: where a downloaded copy is kept, from the project root
CACHE = ".pomost"
#: the folder of the editor's npm manifest and lock, from the project root
MANIFEST = "editor"
REGISTRY = "https://registry.npmjs.org"


class AssetError(Exception):
    """The editor's code cannot be had; the message says what to do."""


@dataclass(frozen=True)
class Pin:
    version: str
    resolved: str
    integrity: str


def pin(root: Path) -> Pin:
    """The pinned version of the editor, from editor/package-lock.json."""
    try:
        lock = json.loads((root / MANIFEST / "package-lock.json").read_text("utf-8"))
        entry = lock["packages"][f"node_modules/{PACKAGE}"]
        version = entry["version"]
        # the registry's address of the tarball, when the lock does not name one
        resolved = entry.get("resolved") or f"{REGISTRY}/{PACKAGE}/-/{PACKAGE}-{version}.tgz"
        return Pin(version, resolved, entry["integrity"])
    except (OSError, ValueError, KeyError) as err:
        raise AssetError(_("editor/package-lock.json does not pin {package} ({error})").format(
            package=PACKAGE, error=err)) from None


def installed(root: Path, wanted: Pin) -> Path | None:
    dist = root / MANIFEST / "node_modules" / PACKAGE / "dist"
    try:
        version = json.loads((dist.parent / "package.json").read_text("utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return None
    return dist if version == wanted.version and (dist / ENTRY).is_file() else None


def cached(root: Path, wanted: Pin) -> Path:
    return root / CACHE / f"{PACKAGE}-{wanted.version}" / "dist"


def verify(blob: bytes, integrity: str) -> None:
    """Raise AssetError unless ``blob`` has the SRI ``integrity`` (``sha512-<base64>``)."""
    algorithm, _sep, expected = integrity.partition("-")
    if algorithm not in ("sha512", "sha384", "sha256"):
        raise AssetError(_("unknown integrity {integrity}").format(integrity=integrity))
    found = base64.b64encode(hashlib.new(algorithm, blob).digest()).decode("ascii")
    if found != expected:
        raise AssetError(_("the downloaded {package} does not match package-lock.json "
                           "(integrity) — nothing was installed; try again later").format(package=PACKAGE))


def unpack(blob: bytes, target: Path) -> None:
    """The tarball's ``package/dist/`` into ``target``, refusing anything outside it."""
    work = target.with_name(target.name + ".part")
    shutil.rmtree(work, ignore_errors=True)
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as archive:
        for member in archive.getmembers():
            name = PurePosixPath(member.name)
            if name.parts[:2] != ("package", "dist") or not member.isfile() or \
                    ".." in name.parts or name.suffix == ".map":
                continue
            out = work.joinpath(*name.parts[2:])
            out.parent.mkdir(parents=True, exist_ok=True)
            source = archive.extractfile(member)
            assert source is not None
            out.write_bytes(source.read())
    if not (work / ENTRY).is_file():
        shutil.rmtree(work, ignore_errors=True)
        raise AssetError(_("the downloaded {package} has no dist/{entry}").format(
            package=PACKAGE, entry=ENTRY))
    shutil.rmtree(target, ignore_errors=True)
    work.rename(target)


def download(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return bytes(response.read())
    except OSError as err:
        raise AssetError(_("the editor could not be downloaded from {url} ({error}) — check "
                           "the internet connection and try again").format(url=url, error=err)
                         ) from None


def dist(root: Path, fetch: bool = True) -> Path:
    """The folder of the pinned editor's bundle, downloaded first if need be."""
    wanted = pin(root)
    found = installed(root, wanted)
    if found is not None:
        return found
    target = cached(root, wanted)
    if (target / ENTRY).is_file():
        return target
    if not fetch:
        raise AssetError(_("the editor {package} {version} is not installed").format(
            package=PACKAGE, version=wanted.version))
    if not wanted.resolved.startswith("https://"):
        raise AssetError(_("editor/package-lock.json names {url}, not an https address").format(
            url=wanted.resolved))
    print(_("Downloading the editor ({package} {version}) once from {url}…").format(
        package=PACKAGE, version=wanted.version, url=wanted.resolved))
    blob = download(wanted.resolved)
    verify(blob, wanted.integrity)
    target.parent.mkdir(parents=True, exist_ok=True)
    unpack(blob, target)
    return target
