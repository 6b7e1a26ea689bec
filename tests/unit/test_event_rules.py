"""Events without a build: the timeline by build date, and the validation of event times."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from pomost.domain import timeline
from pomost.records.catalog import DataError, load_catalog
from pomost.records.rules import CALENDAR_NAME

from support import ROOT


def test_the_shipped_events_move_from_upcoming_to_past_with_the_build_date(catalog):
    line = timeline.Timeline(catalog.events)
    placed = [e for e in catalog.events.values() if line.latest(e)]
    first = min(d for e in placed for d in line.known_dates(e))
    last = max(line.latest(e) for e in placed)
    before, on_last, after = (line.split(first - dt.timedelta(days=1)), line.split(last),
                              line.split(last + dt.timedelta(days=1)))
    ids = lambda events: sorted(e.id for e in events)
    assert ids(before.upcoming) == ids(placed) and before.past == []
    assert after.upcoming == [] and ids(after.past) == ids(placed)
    # A visit lasts its days: on its possible last day it is still upcoming.
    assert on_last.upcoming and on_last.past
    # Events dated only through their visit come after the dated ones and get no date.
    undated = [e for e in after.past if not line.known_dates(e)]
    assert undated and after.past[-len(undated):] == undated


def test_the_build_date_comes_from_source_date_epoch_in_warsaw_time():
    late_evening_utc = dt.datetime(2019, 9, 23, 22, 30, tzinfo=dt.UTC)
    epoch = {"SOURCE_DATE_EPOCH": str(int(late_evening_utc.timestamp()))}
    assert timeline.build_instant(epoch) == late_evening_utc
    assert timeline.build_date(epoch) == dt.date(2019, 9, 24)  # already the 24th in Poland


EXTRA = """
- id: {id}
  title: {{pl: Test, be: Тэст}}
  summary: {{pl: Test, be: Тэст}}
  description: {{pl: Test, be: Тэст}}
{fields}"""


def load_with_event(tmp_path, fields: str, rid: str = "proba"):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    events = data / "events.yml"
    before = events.read_text(encoding="utf-8")
    events.write_text(before + EXTRA.format(id=rid, fields=fields), encoding="utf-8")
    return load_catalog(data), before.count("\n") + 1


@pytest.mark.parametrize("fields,field,message", [
    ("  time: '10:00'\n", "time",
     "event 'proba': time: a time needs a date — add date: YYYY-MM-DD or remove the time"),
    ("  date: 2030-05-04\n  end_time: '12:00'\n", "end_time",
     "event 'proba': end_time: an end time needs a start time — add time: 'HH:MM'"),
    ("  date: 2030-05-04\n  time: '12:00'\n  end_time: '10:00'\n", "end_time",
     "event 'proba': end_time: the event ends (10:00) before it starts (12:00) — for an event "
     "over midnight set days: 2"),
    ("  date: 2030-05-04\n  time: '25:00'\n", "time",
     "event 'proba': time („start time”) must be a time written HH:MM, e.g. '10:00' "
     "(found '25:00')"),
])
def test_impossible_times_are_reported_at_their_line(tmp_path, fields, field, message):
    with pytest.raises(DataError) as caught:
        load_with_event(tmp_path, fields)
    [problem] = caught.value.problems
    assert (problem.file, problem.message) == ("data/events.yml", message)
    lines = (tmp_path / "data" / "events.yml").read_text("utf-8").splitlines()
    assert lines[problem.line - 1].strip().startswith(f"{field}:")


def test_an_unquoted_time_is_read_as_a_time_of_day(tmp_path):
    catalog, _ = load_with_event(tmp_path, "  date: 2030-05-04\n  time: 9:30\n  end_time: 17:05\n")
    assert (catalog.events["proba"].time, catalog.events["proba"].end_time) == (
        dt.time(9, 30), dt.time(17, 5))


def test_the_calendar_file_name_is_not_an_event_id(tmp_path):
    with pytest.raises(DataError) as caught:
        load_with_event(tmp_path, "  date: 2030-05-04\n", rid=CALENDAR_NAME)
    assert [(p.file, p.message) for p in caught.value.problems] == [(
        "data/events.yml", f"event '{CALENDAR_NAME}': id: '{CALENDAR_NAME}' is the name of the "
        f"calendar of all events (wydarzenia/{CALENDAR_NAME}.ics) — choose another id")]
