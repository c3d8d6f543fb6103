#!/usr/bin/env python3
"""Checks calendar files with Python's `icalendar`, a parser written independently of the
server. Starts nothing itself: give it .ics files.

    python3 scripts/check_ics.py target/ics-samples/*.ics

For each file it requires: UTF-8 without a BOM, CRLF line endings, lines of at most 75
octets folded on character boundaries; that `icalendar` parses it with no component
errors; VERSION and PRODID; UID, DTSTAMP, DTSTART and SUMMARY in every VEVENT, with DTEND
after DTSTART; a VTIMEZONE for every TZID; and that each start and end, read through the
file's own VTIMEZONE (not the system's zone database), falls at the same UTC instant as
with the IANA zone of that name. Exits 1 when any file fails.
"""

import sys
import zoneinfo
from datetime import datetime, timezone

from icalendar import Calendar


def layout_problems(raw: bytes) -> list[str]:
    problems = []
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append("starts with a byte-order mark")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return [f"not UTF-8: {err}"]
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        problems.append("does not end with CRLF")
    for number, line in enumerate(lines[:-1], 1):
        if b"\r" in line or b"\n" in line:
            problems.append(f"line {number}: bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets (more than 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: a fold splits a UTF-8 character")
    return problems


def local_and_zone(prop):
    """The wall time and TZID of a DTSTART/DTEND (TZID None for UTC values)."""
    tzid = prop.params.get("TZID")
    value = prop.dt
    if not isinstance(value, datetime):
        return value, None
    return value.replace(tzinfo=None), (str(tzid) if tzid else None)


def check(path: str) -> list[str]:
    with open(path, "rb") as handle:
        raw = handle.read()
    if not raw.strip():
        return ["empty file"]
    problems = layout_problems(raw)
    try:
        calendar = Calendar.from_ical(raw)
    except Exception as err:  # noqa: BLE001 - any parse failure is the finding
        return problems + [f"icalendar cannot parse it: {err}"]
    if calendar.name != "VCALENDAR":
        problems.append(f"the root is {calendar.name}, not VCALENDAR")
    for key in ("VERSION", "PRODID"):
        if key not in calendar:
            problems.append(f"no {key}")
    for component in calendar.walk():
        for prop, error in getattr(component, "errors", []):
            problems.append(f"{component.name} {prop}: {error}")

    zones = {}
    for vtimezone in calendar.walk("VTIMEZONE"):
        tzid = str(vtimezone["TZID"])
        try:
            zones[tzid] = vtimezone.to_tz(lookup_tzid=False)
        except Exception as err:  # noqa: BLE001
            problems.append(f"VTIMEZONE {tzid} cannot be read: {err}")

    uids = set()
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", "?"))
        for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if key not in event:
                problems.append(f"VEVENT {uid}: no {key}")
        if uid in uids:
            problems.append(f"VEVENT {uid}: UID repeated")
        uids.add(uid)
        instants = {}
        for key in ("DTSTART", "DTEND"):
            if key not in event:
                continue
            local, tzid = local_and_zone(event[key])
            if not isinstance(local, datetime):
                continue
            if tzid is None:
                if event[key].dt.tzinfo is None:
                    problems.append(f"VEVENT {uid}: {key} is a floating time")
                instants[key] = event[key].dt
                continue
            if tzid not in zones:
                problems.append(f"VEVENT {uid}: {key} uses TZID {tzid} without a VTIMEZONE")
                continue
            from_file = local.replace(tzinfo=zones[tzid])
            instants[key] = from_file
            try:
                from_database = local.replace(tzinfo=zoneinfo.ZoneInfo(tzid))
            except zoneinfo.ZoneInfoNotFoundError:
                continue
            if from_file.utcoffset() != from_database.utcoffset():
                problems.append(
                    f"VEVENT {uid}: {key} {local} in {tzid} is UTC{from_file.utcoffset()} "
                    f"by the file's VTIMEZONE but UTC{from_database.utcoffset()} by the zone database"
                )
        if "DTSTART" in instants and "DTEND" in instants:
            start = instants["DTSTART"].astimezone(timezone.utc)
            end = instants["DTEND"].astimezone(timezone.utc)
            if end <= start:
                problems.append(f"VEVENT {uid}: DTEND is not after DTSTART")
    return problems


def main(paths: list[str]) -> int:
    if not paths:
        print("usage: check_ics.py FILE.ics...", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        try:
            problems = check(path)
        except OSError as err:
            problems = [str(err)]
        if problems:
            failed += 1
            print(f"FAIL {path}")
            for problem in problems:
                print(f"  {problem}")
        else:
            print(f"ok   {path}")
    print(f"{len(paths) - failed} of {len(paths)} calendar file(s) passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
