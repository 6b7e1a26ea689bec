"""One command on every system: `pip install -e .` gives a `pomost` console command that
checks and builds the site with neither make nor a shell on PATH.

The venv is made here, without pip and with the test run's packages visible through a .pth
file (no download); pip installs the project into it in editable mode, as staff do with
`pip install -e .`. Then PATH holds that venv's scripts folder and nothing else.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv

from support import ROOT, copy_project

#: the tools speak Polish here (conftest.py)
MESSAGES = "pl"


def test_check_and_build_run_without_make_or_a_shell(tmp_path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    for name in ("pyproject.toml", "README.md", "requirements.txt"):
        shutil.copy2(ROOT / name, project / name)
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    scripts = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    python = scripts / ("python.exe" if sys.platform == "win32" else "python")
    site_packages = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip()
    with open(f"{site_packages}/test-run-packages.pth", "w", encoding="utf-8") as handle:
        handle.write(sysconfig.get_paths()["purelib"] + "\n")
    clean = {"PATH": str(scripts), "SYSTEMROOT": "", "HOME": str(tmp_path)}
    assert shutil.which("make", path=clean["PATH"]) is None
    assert shutil.which("sh", path=clean["PATH"]) is None
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--no-build-isolation", "--no-index", "-e", str(project)],
        cwd=project, env=clean, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    pomost = scripts / ("pomost.exe" if sys.platform == "win32" else "pomost")
    assert pomost.is_file()
    checked = subprocess.run([str(pomost), "check"], cwd=project / "data", env=clean,
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "data/ jest w porządku" in checked.stdout
    built = subprocess.run([str(pomost), "build"], cwd=project, env=clean, capture_output=True,
                           text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / "be" / "index.html").is_file()
    assert built.stdout.startswith("Pierwsze budowanie: ")
