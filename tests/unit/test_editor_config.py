"""The form editor's configuration is made from the registry of kinds and the models, and
the committed editor/config.yml is what `pomost schemas` makes of them today."""

from __future__ import annotations

import datetime as dt
import typing

import pytest
import yaml

from pomost.editor import config
from pomost.records.kinds import KINDS, Kind
from pomost.records.models import Record, Text
from pomost.records.schemas import schema

from support import ROOT

#: the editor speaks Polish: its labels are the Polish titles of the models
MESSAGES = "pl"


def test_the_committed_configuration_is_the_generated_one():
    committed = (ROOT / config.CONFIG_FILE).read_text("utf-8")
    assert committed == config.config_file(), "run `make schemas` (pomost schemas)"


def fields_by_name(fields: list[dict]) -> dict[str, dict]:
    return {field["name"]: field for field in fields}


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_kind_is_a_collection_with_every_field_of_its_model(kind: Kind):
    collections = {c["name"]: c for c in config.config()["collections"]}
    found = collections[kind.attr]
    fields = found["fields"] if kind.many else found["files"][0]["fields"]
    assert list(fields_by_name(fields)) == list(kind.model.model_fields)
    if kind.many:
        assert found["folder"] == f"data/{kind.attr}"
        assert found["identifier_field"] == "id"
    else:
        assert found["files"][0]["file"] == f"data/{kind.file}"


def walk(model: type[Record], fields: list[dict], titles: dict[str, str]):
    """Every (model field, form field) pair, into groups and lists of groups."""
    by_name = fields_by_name(fields)
    for name, info in model.model_fields.items():
        field = by_name[name]
        yield model, name, info, field
        inner = [a for a in (info.annotation, *typing.get_args(info.annotation),
                             *(typing.get_args(a) for a in typing.get_args(info.annotation)))
                 if isinstance(a, type) and issubclass(a, Record)]
        for sub in inner:
            if "fields" in field and not issubclass(sub, Text):
                yield from walk(sub, field["fields"], titles)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_each_field_has_its_widget_label_and_choices(kind: Kind):
    collection = config.collection(kind)
    fields = collection["fields"] if kind.many else collection["files"][0]["fields"]
    body = schema(kind.model, many=False)
    for model, name, info, field in walk(kind.model, fields, {}):
        assert field["label"].lower() == str(
            (body["properties"].get(name) or {}).get("title", field["label"])).lower() \
            or model is not kind.model
        assert field["label"][0].isupper()
        annotation = info.annotation
        args = typing.get_args(annotation)
        if model is kind.model and name in kind.links:
            target = next(k for k in KINDS if k.name == kind.links[name])
            assert field["widget"] == "relation"
            assert field["collection"] == target.attr
            assert field["multiple"] == (typing.get_origin(annotation) is list)
            assert f"{target.heading}.pl" in field["search_fields"]
        elif any(isinstance(a, type) and issubclass(a, Text) for a in (annotation, *args)):
            # a text, or a list of texts: a group (of each) with both languages
            assert field["widget"] == ("list" if typing.get_origin(annotation) is list
                                       else "object")
            languages = fields_by_name(field["fields"])
            assert {"pl", "be"} <= set(languages)
            # an optional text requires nothing of the form (the save's check says what it
            # lacks); a required one requires Polish, and Belarusian unless it may be a draft
            needed = field["widget"] == "list" or field.get("required", True)
            assert languages["pl"].get("required", True) is needed
            assert languages["be"].get("required", True) is (needed and not kind.drafts)
        values = _literal(annotation)
        if values:
            assert field["widget"] == "select"
            assert [o["value"] for o in field["options"]] == list(values)
            assert all(o["label"] != o["value"] for o in field["options"])
        if _holds(annotation, int) and typing.get_origin(annotation) is not list:
            assert field["widget"] == "number" and field["value_type"] == "int"
        if _holds(annotation, dt.date):
            assert field["widget"] == "datetime" and field["format"] == "YYYY-MM-DD"
            assert field["time_format"] is False
        if annotation is bool:
            assert field["widget"] == "boolean"
        optional = not info.is_required()
        assert field.get("required", True) is (not optional)


def _holds(annotation, cls: type) -> bool:
    """Whether ``annotation`` is ``cls`` (alone, optional or annotated), not a subclass."""
    if annotation is cls:
        return True
    return any(_holds(arg, cls) for arg in typing.get_args(annotation)
               if typing.get_origin(annotation) is not list)


def _literal(annotation) -> tuple:
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is typing.Literal:
            return typing.get_args(arg)
        if typing.get_origin(arg) is typing.Annotated:
            found = _literal(typing.get_args(arg)[0])
            if found:
                return found
    return ()


def test_a_new_kind_becomes_a_collection_without_editing_the_editor(monkeypatch):
    from pomost.records import kinds
    from pomost.records.models import Person
    extra = Kind("person", Person, "helpers.yml", "helpers",
                 links={"organisation": "organisation"})
    monkeypatch.setattr(config, "KINDS", (*kinds.KINDS, extra))
    names = [c["name"] for c in config.config()["collections"]]
    assert names[-1] == "helpers"


def test_the_configuration_is_yaml_the_editor_reads():
    text = (ROOT / config.CONFIG_FILE).read_text("utf-8")
    loaded = yaml.safe_load(text)
    assert loaded["backend"] == {"name": "proxy", "proxy_url": config.API_PATH, "branch": "main"}
    assert loaded["locale"] == "pl"


@pytest.mark.parametrize("host, options, expected", [
    ("gitlab", {"app_id": "abc"}, {"name": "gitlab", "repo": "urzad/pomost", "branch": "main",
                                   "auth_type": "pkce", "app_id": "abc"}),
    ("gitea", {"app_id": "abc", "base_url": "https://git.example.org/"},
     {"name": "gitea", "repo": "urzad/pomost", "branch": "main", "app_id": "abc",
      "base_url": "https://git.example.org/", "api_root": "https://git.example.org/api/v1",
      "auth_endpoint": "https://git.example.org/login/oauth/authorize"}),
    ("github", {"base_url": "https://auth.example.org"},
     {"name": "github", "repo": "urzad/pomost", "branch": "main",
      "base_url": "https://auth.example.org"}),
])
def test_the_published_editor_has_the_git_host_as_its_backend(tmp_path, host, options, expected):
    from pomost.editor import export
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "decap-cms.js").write_text("// bundle", "utf-8")
    (dist / "decap-cms.js.map").write_text("{}", "utf-8")
    settings = export.backend(host, "urzad/pomost", "main", **options)
    assert settings == expected
    export.export(tmp_path / "admin", dist, settings)
    written = yaml.safe_load((tmp_path / "admin" / "config.yml").read_text("utf-8"))
    assert written == {"backend": expected, **config.config()}
    page = (tmp_path / "admin" / "index.html").read_text("utf-8")
    assert '<script src="decap/decap-cms.js"></script>' in page and "postMessage" not in page
    assert "<script>" not in page  # no inline script: a strict CSP can serve it
    assert (tmp_path / "admin" / "pomost-editor.js").read_text("utf-8").startswith("//")
    assert sorted(p.name for p in (tmp_path / "admin" / "decap").iterdir()) == ["decap-cms.js"]
