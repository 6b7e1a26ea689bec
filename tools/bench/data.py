"""Synthetic but realistic records for the benchmark, written as data/*.yml.

The real records stay (the hand-written pages link them); generated organisations and
events are added until there are ``organisations`` organisations. Texts are sentences of
words taken from the real data, in each language, as long as the real records' texts of
the same field are on average (±30%), and optional fields are filled in as often as in
the real records. Events reference 1–5 organisations and some instruments, like the real
ones. The same seed gives the same files.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from pomost.records.catalog import Catalog, load_catalog
from pomost.records.models import Text
from pomost.records.yamlsource import ignore_editor_files

#: one event per this many organisations (the real data has one per two; a large
#: catalogue of organisations would not have as many visits)
ORGANISATIONS_PER_EVENT = 10

_FORMS = [  # (Polish, Belarusian) legal forms, from the glossary
    ("Spółdzielnia Socjalna", "Сацыяльны кааператыў"),
    ("Stowarzyszenie", "Грамадскае аб'яднанне"),
    ("Centrum Integracji Społecznej", "Цэнтр сацыяльнай інтэграцыі"),
    ("Fundacja", "Фундацыя"),
]
_WORD = re.compile(r"[^\W\d_]{3,}")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _texts(catalog: Catalog) -> list[Text]:
    found: list[Text] = []

    def walk(value: Any) -> None:
        if isinstance(value, Text):
            found.append(value)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))

    for records in (catalog.instruments, catalog.organisations, catalog.events):
        walk(list(records.values()))
    return found


class Words:
    """Sentences in Polish and Belarusian made of the real data's words."""

    def __init__(self, catalog: Catalog, rng: random.Random) -> None:
        texts = _texts(catalog)
        self.rng = rng
        # Belarusian texts quote Polish names in brackets: only Cyrillic words are Belarusian
        self.words = {lang: sorted({w.lower() for t in texts for w in _WORD.findall(getattr(t, lang))
                                    if lang != "be" or _CYRILLIC.search(w)})
                      for lang in ("pl", "be")}

    def sentence(self, lang: str, words: int) -> str:
        chosen = self.rng.choices(self.words[lang], k=words)
        return " ".join(chosen).capitalize() + "."

    def text(self, words: float, paragraphs: int = 1) -> dict[str, str]:
        """About ``words`` words (±30%) in each language, in sentences of up to 16 words."""
        count = max(1, round(words * self.rng.uniform(0.7, 1.3)))

        def one(lang: str) -> str:
            paras = []
            for part in range(paragraphs):
                left = count // paragraphs + (part < count % paragraphs)
                sentences = []
                while left > 0:
                    size = min(left, self.rng.randint(8, 16))
                    sentences.append(self.sentence(lang, size))
                    left -= size
                paras.append(" ".join(sentences))
            return "\n\n".join(p for p in paras if p)

        return {"pl": one("pl"), "be": one("be")}

    def name(self) -> tuple[str, dict[str, str]]:
        form_pl, form_be = self.rng.choice(_FORMS)
        pl = " ".join(self.rng.choices(self.words["pl"], k=2)).title()
        be = " ".join(self.rng.choices(self.words["be"], k=2)).title()
        return pl, {"pl": f"{form_pl} „{pl}”", "be": f"{form_be} «{be}»"}


def _slug(text: str) -> str:
    table = str.maketrans("ąćęłńóśźż", "acelnoszz")
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")[:40]


class Shape:
    """How long the real records' texts are, and how often optional fields are filled in."""

    def __init__(self, catalog: Catalog) -> None:
        self._records = {"organisation": list(catalog.organisations.values()),
                         "event": list(catalog.events.values())}

    def words(self, kind: str, field: str) -> float:
        texts = [getattr(r, field) for r in self._records[kind] if getattr(r, field)]
        return sum(len(t.pl.split()) for t in texts) / len(texts) if texts else 1

    def share(self, kind: str, field: str) -> float:
        records = self._records[kind]
        return sum(bool(getattr(r, field)) for r in records) / len(records) if records else 0


def organisation(number: int, words: Words, shape: Shape, instruments: list[str]) -> dict:
    rng = words.rng
    base, name = words.name()
    record: dict[str, Any] = {
        "id": "-".join(filter(None, ("org", f"{number:05d}", _slug(base)))),
        "role": rng.choices(["good_practice", "partner", "institution"], [6, 3, 1])[0],
        "name": name,
        "town": {lang: words.rng.choice(words.words[lang]).title() for lang in ("pl", "be")},
        "summary": words.text(shape.words("organisation", "summary")),
        "what_it_does": words.text(shape.words("organisation", "what_it_does"), paragraphs=2),
        "instruments": rng.sample(instruments, rng.randint(0, 3)),
    }
    for field in ("why_good_practice", "transferable"):
        if rng.random() < shape.share("organisation", field):
            record[field] = words.text(shape.words("organisation", field))
    if rng.random() < shape.share("organisation", "website"):
        record["website"] = f"https://example.org/{record['id']}/"
    if rng.random() < shape.share("organisation", "notes"):
        record["notes"] = [{"kind": "uncertain", "text": words.text(25)}]
    return record


def event(number: int, words: Words, shape: Shape, organisations: list[str],
          instruments: list[str]) -> dict:
    rng = words.rng
    return {
        "id": f"event-{number:05d}",
        "title": words.text(shape.words("event", "title")),
        "summary": words.text(shape.words("event", "summary")),
        "description": words.text(shape.words("event", "description"), paragraphs=2),
        "date": dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(2000)),
        "place": words.text(2),
        "organisations": rng.sample(organisations, min(len(organisations), rng.randint(1, 5))),
        "instruments": rng.sample(instruments, rng.randint(0, 2)),
    }


def _append(path: Path, records: list[dict]) -> None:
    """Add records to a data file, as a YAML list continuing the one already there."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    with path.open("a", encoding="utf-8") as out:
        out.write("\n")
        yaml.dump(records, out, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


def generate(source: Path, target: Path, organisations: int, seed: int = 8,
             events: int | None = None) -> dict[str, int]:
    """Copy data/ from ``source`` to ``target`` and grow it to ``organisations`` organisations
    and, with them, ``events`` events (one for every ``ORGANISATIONS_PER_EVENT`` if None)."""
    shutil.copytree(source, target, dirs_exist_ok=True, ignore=ignore_editor_files)
    catalog = load_catalog(source)
    rng = random.Random(seed)
    words, shape = Words(catalog, rng), Shape(catalog)
    instruments = list(catalog.instruments)
    new_orgs = [organisation(n, words, shape, instruments)
                for n in range(max(0, organisations - len(catalog.organisations)))]
    org_ids = list(catalog.organisations) + [o["id"] for o in new_orgs]
    new_events = [event(n, words, shape, org_ids, instruments)
                  for n in range(organisations // ORGANISATIONS_PER_EVENT
                                 if events is None else events)]
    _append(target / "organisations.yml", new_orgs)
    _append(target / "events.yml", new_events)
    return {"organisations": len(org_ids), "events": len(catalog.events) + len(new_events),
            "instruments": len(instruments)}
