"""Material's templates compiled once and shared: MkDocs makes a new Jinja environment for
every build, and compiling Material's templates takes about a second each time.

``python -m pomost build`` compiles them in the process that forks the language builds
(``warm``), which inherit the compiled code; a preview worker keeps what its first build
compiled for every build after. Jinja compares each template's source with what was compiled
(a checksum in its bytecode cache), so an edited override is compiled again, never used
stale. The hook hands every build's environment to ``use`` in on_env, before any page.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

#: template key -> compiled code
_COMPILED: dict[str, bytes] = {}


def use(env: Any) -> None:
    """Let this build's theme environment reuse (and add to) what was compiled before."""
    from jinja2.bccache import BytecodeCache

    class Cache(BytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            code = _COMPILED.get(bucket.key)
            if code is not None:
                bucket.bytecode_from_string(code)

        def dump_bytecode(self, bucket: Any) -> None:
            _COMPILED[bucket.key] = bucket.bytecode_to_string()

    env.bytecode_cache = Cache()


def warm(root: Path) -> None:
    """Compile every template of the project's theme (before the builds are forked)."""
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"))
    env = config.theme.get_env()
    use(env)
    for name in env.list_templates(filter_func=lambda n: n.endswith((".html", ".xml"))):
        with contextlib.suppress(Exception):  # one a build's extensions are needed for
            env.get_template(name)
