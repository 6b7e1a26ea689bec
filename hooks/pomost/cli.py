"""The `pomost` command: check, preview, build and publish the site on any system.

`pomost check | serve | edit | build | new <kind> | migrate | schemas | nginx` (also `python -m pomost …`).
Installed by `pip install -e .` as a console command (`.venv\\Scripts\\pomost` on Windows,
`.venv/bin/pomost` elsewhere); it needs neither make nor a shell: every process it starts
is this Python. Everything it prints is in the language of messages (pomost/l10n.py):
Polish, or English with `--lang en` or POMOST_LANG=en.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from pomost import l10n
from pomost.l10n import _, ngettext

#: the files that make a folder a Pomost project
MARKER = "mkdocs.yml"


def project_root(start: Path | None = None) -> Path:
    """The project folder: the current one, or the nearest one above it with mkdocs.yml (so
    that `pomost check` works from inside data/ too)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file() and (folder / "data").is_dir():
            return folder
    return here


def problems_line(count: int) -> str:
    return ngettext("{count} problem in data/", "{count} problems in data/", count).format(
        count=count)


def check(root: Path, save: Path | None = None, quiet: bool = False) -> int:
    read = None
    if save is not None:  # for the build: every core reads (the same catalog, or messages)
        from pomost.build.pool import cores
        from pomost.build.reload import read_on_cores
        read = lambda data: read_on_cores(data, cores())
    catalog = validated(root, quiet=quiet, read=read)
    if catalog is not None and save is not None:
        # for the published build: the same records without the drafts
        from pomost.build import project as site
        from pomost.records.catalog import without_drafts
        site.save_catalog(root, without_drafts(catalog), save)
    return 0 if catalog is not None else 1


def validated(root: Path, quiet: bool = False, read: Callable[[Path], Any] | None = None) -> Any:
    """The catalog in root/data (drafts included), with the coverage report (unless
    ``quiet``); None, and the problems on stderr, if it is invalid. ``read``: how (default:
    load_catalog; the build reads record by record on every core, build/reload.py, with the
    same result)."""
    from pomost.records.catalog import DataError, draft_summary, load_catalog
    started = time.perf_counter()
    try:
        catalog = (read or load_catalog)(root / "data")
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print("\n" + problems_line(len(err.problems)) + " — "
              + _("fix the lines above and run the check again."), file=sys.stderr)
        return None
    if quiet:
        return catalog
    for name, (complete, total) in catalog.coverage.items():
        share = 100 * complete / total if total else 100
        print(ngettext("{file}: {total} text, Polish and Belarusian in {complete} ({share}%)",
                       "{file}: {total} texts, Polish and Belarusian in {complete} ({share}%)",
                       total).format(file=name, total=total, complete=complete,
                                     share=f"{share:.0f}"))
    from pomost.records.todo import still_to_fill
    # Not errors: only staff know these; the pages say "not given" and whom to ask meanwhile.
    for line in still_to_fill(catalog):
        print(line)
    drafts = draft_summary(catalog)
    if drafts:
        print(drafts)
    from pomost.records.kinds import lists
    total = sum(len(catalog.of(k.name)) for k in lists())
    counts = ", ".join(f"{k.said}: {len(catalog.of(k.name))}" for k in lists())
    print(ngettext("data/ is valid: {count} record ({counts}) in {seconds} s",
                   "data/ is valid: {count} records ({counts}) in {seconds} s", total).format(
        count=total, counts=counts, seconds=f"{time.perf_counter() - started:.2f}"))
    return catalog


def write_schemas(root: Path) -> int:
    from pomost.editor import config
    from pomost.records import schemas
    for path in schemas.write_schemas(root / "data"):
        print(_("wrote {path}").format(path=path))
    out = root / config.CONFIG_FILE
    out.parent.mkdir(exist_ok=True)
    out.write_text(config.config_file(), encoding="utf-8", newline="\n")
    print(_("wrote {path}").format(path=config.CONFIG_FILE))
    return 0


def build(root: Path, site_dir: Path) -> int:
    """Build into a new folder and replace site_dir only if all of it worked.

    First `pomost check` runs, in a process of its own, and hands the validated catalog to
    the builds in a file: reading YAML with line numbers is the costliest part of loading (8 s
    and 400 MB at 10,000 organisations), and this way it is done once, not once per
    language, and its memory is returned before the builds start; meanwhile this process
    imports MkDocs and compiles the theme once for every language's build. The languages are
    then built at the same time (one after the other for a national catalogue), each in a
    fork of this process, or a process of its own where there is no fork (Windows), each
    with every core (build/parallel.py). Drafts are left out (and said so); at the end the
    report says what changed against the site published before.
    """
    from pomost.build import parallel, report
    from pomost.build import project as site
    from pomost.build.pool import forks
    from pomost.theme import command
    site_dir = (root / site_dir).resolve() if not site_dir.is_absolute() else site_dir
    kept = _("the site/ published before is unchanged.").replace("site/", f"{site_dir.name}/")
    work = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    handed = work.with_name(work.name + ".catalog")
    started = time.perf_counter()
    checking = subprocess.Popen([sys.executable, "-m", "pomost", "check", "--quiet", "--save",
                                 str(handed)], cwd=root)
    if forks():  # what the forked builds inherit (a broken mkdocs.yml is left for the build
        with contextlib.suppress(Exception):  # itself to describe)
            command.warm(root)
    if checking.wait():
        shutil.rmtree(work, ignore_errors=True)
        print(_("The build stopped; {kept}").format(kept=kept), file=sys.stderr)
        return 1
    os.environ[site.CATALOG_VARIABLE] = str(handed)
    os.environ.pop(site.PREVIEW_VARIABLE, None)
    together = handed.stat().st_size <= parallel.together_up_to()
    # Read here, the languages' builds (forks of this process) find it in memory; a national
    # catalogue is read after them instead: held here meanwhile, it would add a gigabyte.
    published = site.read_catalog(handed) if together else None
    try:
        code, messages = parallel.build_site(root, work, together=together)
        if published is None and not code:
            published = site.read_catalog(handed)
    except parallel.AssemblyError as err:
        code, messages = 1, _("The languages' builds do not fit together: {error}").format(
            error=err) + "\n"
    finally:
        handed.unlink(missing_ok=True)
    if code:
        shutil.rmtree(work, ignore_errors=True)
        sys.stderr.write(messages)
        print(_("The build failed; {kept}").format(kept=kept), file=sys.stderr)
        return code
    assert published is not None  # read before the build, or after it succeeded
    changes = report.Report.of(site_dir if site_dir.is_dir() else None, work, published)
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    try:
        if site_dir.exists():
            site_dir.rename(old)
        work.rename(site_dir)
    except OSError as err:
        if old.exists() and not site_dir.exists():
            old.rename(site_dir)
        shutil.rmtree(work, ignore_errors=True)
        print(_("{folder}/ cannot be replaced ({error}) — close every program that has a file "
                "of it open (a preview, Explorer, an editor) and build again; {kept}").format(
            folder=site_dir.name, error=err.strerror or err, kept=kept), file=sys.stderr)
        return 1
    shutil.rmtree(old, ignore_errors=True)
    warnings = [line for line in messages.splitlines() if line.strip()]
    for line in changes.lines(warnings):
        print(line)
    print(_("built {folder}/ in {seconds} s").format(
        folder=site_dir.name, seconds=f"{time.perf_counter() - started:.1f}"))
    return 0


def new(root: Path, kind_name: str, append: bool) -> int:
    from pomost.records.kinds import by_said, lists
    from pomost.records.snippets import template
    kind_ = by_said(kind_name)
    if kind_ is None or not kind_.many:
        names = ", ".join(f"{k.said} ({k.name})" if k.said != k.name else k.name for k in lists())
        print(_("unknown kind of record '{name}' — use one of: {names}").format(
            name=kind_name, names=names), file=sys.stderr)
        return 2
    text = template(kind_)
    if not append:
        print(text, end="")
        return 0
    from pomost.records import layout
    if layout.layout(root / "data", kind_) == "folder":
        print(text, end="")
        print(_("the records of this kind are kept one file each in {folder}: create the new "
                "one in the form editor (pomost edit), or save the record above as "
                "{folder}<id>.yml").format(folder=layout.folder_name(kind_)), file=sys.stderr)
        return 1
    path = root / "data" / kind_.file
    current = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
    with open(path, "a", encoding="utf-8", newline="") as handle:
        handle.write(("" if not current or current.endswith("\n") else "\n") + "\n" + text)
    line = current.count("\n") + (0 if not current or current.endswith("\n") else 1) + 2
    print(_("data/{file}:{line}:1: a new {kind} (a draft) was added at the end of the file — "
            "fill it in, then run pomost check").format(file=kind_.file, line=line,
                                                        kind=kind_.said))
    return 0


def edit(root: Path, host: str, port: int, open_browser: bool) -> int:
    """The preview with the form editor beside it (pomost/editor/)."""
    from pomost.build import preview
    from pomost.editor.app import PREFIX, Editor
    from pomost.records import layout
    from pomost.records.kinds import lists
    listed = [k for k in lists() if layout.layout(root / "data", k) == "list"]
    if listed:
        print(_("The form editor keeps one file per record, but {files} still hold lists of "
                "records: run pomost migrate once (it moves every record into a file of its "
                "own, comments included), then pomost edit again.").format(
            files=", ".join(f"data/{k.file}" for k in listed)), file=sys.stderr)
        return 1
    dist = _editor_bundle(root)
    if dist is None:
        return 1
    print(_("The form editor: http://{host}:{port}{path}").format(host=host, port=port,
                                                                  path=PREFIX))
    return preview.serve(root, host, port, open_browser=open_browser,
                         extra=Editor(root, dist), open_path=PREFIX)


def _editor_bundle(root: Path) -> Path | None:
    """The form editor's files (downloaded once, pomost/editor/assets.py), or None after
    saying on stderr why they cannot be had."""
    from pomost.editor import assets
    try:
        return assets.dist(root)
    except assets.AssetError as err:
        print(err, file=sys.stderr)
        return None


def export_editor(root: Path, parsed: argparse.Namespace) -> int:
    from pomost.editor import export
    if not parsed.repo:
        print(_("--export needs --repo owner/name"), file=sys.stderr)
        return 2
    options = {"app_id": parsed.app_id, "base_url": parsed.base_url}
    lacking = [name for name in export.BACKENDS[parsed.backend] if not options.get(name)]
    if lacking:
        print(_("the {backend} backend needs: {options}").format(
            backend=parsed.backend, options=", ".join(
                "--" + name.replace("_", "-") for name in lacking)), file=sys.stderr)
        return 2
    dist = _editor_bundle(root)
    if dist is None:
        return 1
    settings = export.backend(parsed.backend, parsed.repo, parsed.branch, **options)
    for path in export.export(parsed.export, dist, settings):
        print(_("wrote {path}").format(path=path))
    return 0


def migrate(root: Path) -> int:
    """Every kind kept in one list file moves into a folder of one file per record."""
    from pomost.records import layout
    from pomost.records.migrate import MigrationError
    from pomost.records.migrate import migrate as move
    try:
        moved = move(root / "data")
    except MigrationError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(_("Nothing more was migrated."), file=sys.stderr)
        return 1
    for done in moved:
        print(ngettext("data/{file} → {folder}: {count} record, one file each",
                       "data/{file} → {folder}: {count} records, one file each",
                       done.count).format(file=done.kind.file, folder=layout.folder_name(done.kind),
                                          count=done.count))
    if not moved:
        print(_("Every kind already has a file per record: nothing to migrate."))
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse in the language of messages: its help and its errors."""

    def format_usage(self) -> str:
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups,
                            prefix=_("usage: "))
        return formatter.format_help()

    def format_help(self) -> str:
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups,
                            prefix=_("usage: "))
        formatter.add_text(self.description)
        for group in self._action_groups:
            formatter.start_section(group.title)
            formatter.add_text(group.description)
            formatter.add_arguments(group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog}: error: {message}").format(prog=self.prog,
                                                         message=_argparse_words(message)) + "\n")


def _argparse_words(message: str) -> str:
    """argparse's own error messages, translated (it has no catalogue of its own here)."""
    patterns = (
        (r"argument (\S+): invalid choice: '?([^' ]+)'? \(choose from (.*)\)",
         lambda m: _("{argument}: unknown choice '{value}' — use one of: {choices}").format(
             argument=m[1], value=m[2], choices=m[3])),
        (r"the following arguments are required: (.*)",
         lambda m: _("missing: {arguments}").format(arguments=m[1])),
        (r"unrecognized arguments: (.*)",
         lambda m: _("unknown arguments: {arguments}").format(arguments=m[1])),
        (r"argument (\S+): expected one argument",
         lambda m: _("{argument} needs a value").format(argument=m[1])),
    )
    for pattern, say in patterns:
        match = re.fullmatch(pattern, message)
        if match:
            return say(match)
    return message


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=l10n.LANGUAGES, default=argparse.SUPPRESS,
                        help=_("the language of messages: pl (the default) or en"))

    def with_help(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser._positionals.title = _("arguments")
        parser._optionals.title = _("options")
        parser.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                            help=_("show this help and end"))
        return parser

    parser = with_help(_Parser(prog="pomost", parents=[common], add_help=False,
                               formatter_class=argparse.RawDescriptionHelpFormatter, description=_(
        "Pomost: check the data in data/, preview the site, build it for publishing.")))
    sub = parser.add_subparsers(dest="command", required=True, metavar=_("command"),
                                parser_class=_Parser, title=_("commands"))

    def command(name: str, text: str) -> argparse.ArgumentParser:
        return with_help(sub.add_parser(
            name, help=text, description=text, parents=[common], add_help=False,
            formatter_class=argparse.RawDescriptionHelpFormatter))

    c = command("check", _("check data/ and print the translation coverage"))
    c.add_argument("--save", type=Path, help=argparse.SUPPRESS)  # for `build` (see there)
    c.add_argument("--quiet", action="store_true", help=argparse.SUPPRESS)
    s = command("serve", _("preview the site in the browser, drafts included; it shows the "
                           "problems in the data until they are fixed"))
    s.add_argument("--addr", default="127.0.0.1:8000",
                   help=_("the address of the preview (default: 127.0.0.1:8000)"))
    s.add_argument("--open", action="store_true", help=_("open the preview in the browser"))
    w = sub.add_parser("live-worker", add_help=False)  # one language of `serve` (not listed)
    w.add_argument("lang")
    w.add_argument("site_dir", type=Path)
    e = command("edit", _("the form editor in the browser, with the preview beside it"))
    e.add_argument("--addr", default="127.0.0.1:8000",
                   help=_("the address of the preview (default: 127.0.0.1:8000)"))
    e.add_argument("--open", action="store_true", help=_("open the editor in the browser"))
    e.add_argument("--export", type=Path, metavar=_("folder"), help=_(
        "instead: write the editor for the published site into this folder (README, 'The form "
        "editor'), with the git host below as its backend"))
    e.add_argument("--backend", choices=("github", "gitlab", "gitea"), default="gitlab",
                   help=_("the git host of --export (default: gitlab)"))
    e.add_argument("--repo", help=_("the repository of --export, owner/name"))
    e.add_argument("--branch", default="main", help=_("the branch CI publishes (default: main)"))
    e.add_argument("--app-id", help=_("the OAuth application's id (GitLab, Gitea)"))
    e.add_argument("--base-url", help=_("the OAuth client's address (GitHub) or the Gitea "
                                        "server's address"))
    b = command("build", _("check, then build the site for publishing (drafts left out) and "
                           "say what changed"))
    b.add_argument("--site-dir", default="site", type=Path,
                   help=_("the folder of the built site (default: site)"))
    n = command("new", _("print a new record to fill in, or add it to its file in data/"))
    n.add_argument("kind", metavar=_("kind"),
                   help=_("instrument, organizacja, osoba or wydarzenie (or their English names)"))
    n.add_argument("--append", action="store_true",
                   help=_("add the record at the end of its file in data/"))
    command("schemas", _("write the editor's help: data/schemas/*.schema.json, .vscode/ and "
                         "the form editor's editor/config.yml"))
    command("migrate", _("move the records of each list file in data/ into a folder with one "
                         "file per record (what the form editor, pomost edit, reads)"))
    g = command("nginx", _("print the nginx configuration for a built site"))
    g.add_argument("--site-dir", default="site", type=Path, help=_("the built site to read"))
    g.add_argument("--root", type=Path,
                   help=_("where the server finds the site (default: --site-dir)"))
    g.add_argument("--listen", default="80",
                   help=_("nginx 'listen' value, e.g. 8080 or 127.0.0.1:8080"))
    g.add_argument("--server-name", default="_")
    g.add_argument("--standalone", type=Path, metavar="PREFIX",
                   help=_("a whole nginx.conf running as one process with its files in PREFIX"))
    return parser


def _utf8_output() -> None:
    """Print Polish and Belarusian whatever the console: a Windows console or a file."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not stream.isatty():
            reconfigure(encoding="utf-8", errors="replace")
        elif reconfigure is not None:
            reconfigure(errors="replace")


def main(argv: list[str] | None = None) -> int:
    _utf8_output()
    args = argv if argv is not None else sys.argv[1:]
    # --lang first, so that the help and the errors of the arguments are in that language
    for i, arg in enumerate(args):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (
            args[i + 1] if arg == "--lang" and i + 1 < len(args) else None)
        if value in l10n.LANGUAGES:
            l10n.set_language(value)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    parsed = _parser().parse_args(args)
    root = project_root()
    if parsed.command == "check":
        return check(root, parsed.save, quiet=parsed.quiet)
    if parsed.command == "schemas":
        return write_schemas(root)
    if parsed.command == "migrate":
        return migrate(root)
    if parsed.command == "new":
        return new(root, parsed.kind, parsed.append)
    if parsed.command == "serve":
        from pomost.build import preview
        host, _sep, port = parsed.addr.rpartition(":")
        return preview.serve(root, host or "127.0.0.1", int(port), open_browser=parsed.open)
    if parsed.command == "live-worker":
        from pomost.theme import live
        return live.worker(root, parsed.lang, parsed.site_dir)
    if parsed.command == "edit" and parsed.export is not None:
        return export_editor(root, parsed)
    if parsed.command == "edit":
        host, _sep, port = parsed.addr.rpartition(":")
        return edit(root, host or "127.0.0.1", int(port), open_browser=parsed.open)
    if parsed.command == "nginx":
        from pomost.build import webserver
        try:
            print(webserver.render(parsed.site_dir, root / "deploy" / "nginx.conf.j2",
                                   listen=parsed.listen, root=parsed.root,
                                   server_name=parsed.server_name,
                                   standalone_prefix=parsed.standalone), end="")
        except (webserver.UnknownInlineScript, webserver.UnhashableMarkup) as err:
            print(f"{err}\n\n" + _("No configuration was written."), file=sys.stderr)
            return 1
        return 0
    return build(root, parsed.site_dir)
