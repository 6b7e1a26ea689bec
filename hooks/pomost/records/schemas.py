"""JSON Schemas of the data files for editors (data/schemas/), made from the record models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pomost.records.kinds import KINDS
from pomost.records.models import Record

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema(model: type[Record], many: bool) -> dict[str, Any]:
    body = model.model_json_schema()
    if not many:
        return {"$schema": _DIALECT, **body}
    return {"$schema": _DIALECT,
            "title": f"{model.__name__} records", "type": "array",
            "items": {"$ref": f"#/$defs/{model.__name__}"},
            "$defs": {**body.pop("$defs", {}), model.__name__: body}}


def schema_files() -> dict[str, str]:
    """data/schemas/<name>.schema.json -> its text, from the models."""
    return {f"{kind.file[:-4]}.schema.json":
            json.dumps(schema(kind.model, kind.many), ensure_ascii=False, indent=2) + "\n"
            for kind in KINDS}


def write_schemas(data_dir: Path) -> list[str]:
    """Write every schema into data_dir/schemas/; returns the paths written."""
    out = data_dir / "schemas"
    out.mkdir(exist_ok=True)
    written = []
    for name, text in schema_files().items():
        (out / name).write_text(text, encoding="utf-8")
        written.append(f"data/schemas/{name}")
    return written
