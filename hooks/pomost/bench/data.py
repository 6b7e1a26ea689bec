"""Synthetic but realistic records for the benchmark, written as data/*.yml.

The real records stay (the hand-written pages link them); generated organisations and
events are added until there are ``organisations`` organisations. Texts are sentences of
words taken from the real data, in each language, at the lengths real records have (a
summary of one sentence, two paragraphs on what an organisation does, …: about 300 words
per record page). Events reference 1–5 organisations and some instruments, like the real
ones. The same seed gives the same files.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from pathlib import Path

import yaml

from ..catalog import load_catalog
from ..models import Text

#: one event per this many organisations (the real data has one per two; a large
#: catalogue of organisations would not have as many visits)
ORGANISATIONS_PER_EVENT = 10

_FORMS = [  # (Polish, Belarusian) legal forms, from the glossary
    ("Spółdzielnia Socjalna", "Сацыяльны кааператыў"),
    ("Stowarzyszenie", "Таварыства"),
    ("Centrum Integracji Społecznej", "Цэнтр сацыяльнай інтэграцыі"),
    ("Fundacja", "Фонд"),
]
_WORD = re.compile(r"[^\W\d_]{3,}")


def _texts(catalog) -> list[Text]:
    found = []

    def walk(value):
        if isinstance(value, Text):
            found.append(value)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif hasattr(value, "model_fields"):
            for name in type(value).model_fields:
                walk(getattr(value, name))

    for records in (catalog.instruments, catalog.organisations, catalog.events):
        walk(list(records.values()))
    return found


class Words:
    """Sentences in Polish and Belarusian made of the real data's words."""

    def __init__(self, catalog, rng: random.Random):
        texts = _texts(catalog)
        self.rng = rng
        self.words = {lang: sorted({w.lower() for t in texts for w in _WORD.findall(getattr(t, lang))})
                      for lang in ("pl", "be")}

    def sentence(self, lang: str, words: int) -> str:
        chosen = self.rng.choices(self.words[lang], k=words)
        return " ".join(chosen).capitalize() + "."

    def text(self, words: int, paragraphs: int = 1) -> dict[str, str]:
        """About ``words`` words in each language, in ``paragraphs`` paragraphs."""
        def one(lang):
            per = max(1, words // paragraphs)
            return "\n\n".join(
                " ".join(self.sentence(lang, self.rng.randint(8, 16)) for _ in range(max(1, per // 12)))
                for _ in range(paragraphs))
        return {"pl": one("pl"), "be": one("be")}

    def name(self) -> tuple[str, dict[str, str]]:
        form_pl, form_be = self.rng.choice(_FORMS)
        pl = " ".join(self.rng.choices(self.words["pl"], k=2)).title()
        be = " ".join(self.rng.choices(self.words["be"], k=2)).title()
        return pl, {"pl": f"{form_pl} „{pl}”", "be": f"{form_be} «{be}»"}


def _slug(text: str) -> str:
    table = str.maketrans("ąćęłńóśźż", "acelnoszz")
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")[:40]


def organisation(number: int, words: Words, instruments: list[str]) -> dict:
    rng = words.rng
    base, name = words.name()
    record = {
        "id": "-".join(filter(None, ("org", f"{number:05d}", _slug(base)))),
        "role": rng.choices(["good_practice", "partner", "institution"], [6, 3, 1])[0],
        "name": name,
        "town": words.text(1),
        "summary": words.text(14),
        "what_it_does": words.text(120, paragraphs=2),
        "instruments": rng.sample(instruments, rng.randint(0, 3)),
    }
    if rng.random() < 0.6:
        record["why_good_practice"] = words.text(70)
    if rng.random() < 0.4:
        record["transferable"] = words.text(50)
    if rng.random() < 0.5:
        record["website"] = f"https://example.org/{record['id']}/"
    if rng.random() < 0.2:
        record["notes"] = [{"kind": "uncertain", "text": words.text(25)}]
    return record


def event(number: int, words: Words, organisations: list[str], instruments: list[str]) -> dict:
    rng = words.rng
    return {
        "id": f"event-{number:05d}",
        "title": words.text(8),
        "summary": words.text(16),
        "description": words.text(60, paragraphs=2),
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


def generate(source: Path, target: Path, organisations: int, seed: int = 8) -> dict[str, int]:
    """Copy data/ from ``source`` to ``target`` and grow it to ``organisations`` organisations."""
    shutil.copytree(source, target, dirs_exist_ok=True)
    catalog = load_catalog(source)
    rng = random.Random(seed)
    words = Words(catalog, rng)
    instruments = list(catalog.instruments)
    new_orgs = [organisation(n, words, instruments)
                for n in range(max(0, organisations - len(catalog.organisations)))]
    org_ids = list(catalog.organisations) + [o["id"] for o in new_orgs]
    new_events = [event(n, words, org_ids, instruments)
                  for n in range(organisations // ORGANISATIONS_PER_EVENT)]
    _append(target / "organisations.yml", new_orgs)
    _append(target / "events.yml", new_events)
    return {"organisations": len(org_ids), "events": len(catalog.events) + len(new_events),
            "instruments": len(instruments)}
