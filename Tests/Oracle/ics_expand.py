#!/usr/bin/env python3
"""The occurrences of an iCalendar file, as `tov agenda --format json` would list them.

An independent reading of .ics files for the import and export tests: icalendar parses the file and
recurring-ical-events expands RRULE, RDATE, EXDATE and RECURRENCE-ID (RANGE=THISANDFUTURE too); this
script only applies the agenda's conventions on top:

    python3 ics_expand.py FILE --from 2026-01-01 --to 2026-12-31 --tz Asia/Ulaanbaatar [--floating-tz ZONE] [--strict]

prints a JSON array, oldest first, of

    {"title", "start", "end", "allDay", "recurrenceId", "status", "uid"}

- `start`/`end` of a timed occurrence are wall times in --tz, `YYYY-MM-DDTHH:MM:SS`; an all-day one gives
  dates, `YYYY-MM-DD`, the end exclusive (a DATE start with no end or duration lasts one day, and so does
  one whose end is not after it: Calendar Labs writes DTEND equal to DTSTART on one-day holidays).
- The range is the agenda's: timed occurrences overlapping [--from 00:00, the day after --to 00:00) in
  --tz (one of no length counts when it starts inside), all-day ones whose dates meet those days.
- Floating times are read in --floating-tz, else in the calendar's X-WR-TIMEZONE, else in --tz: the
  order `tov import` reads them in (its --tz, X-WR-TIMEZONE, the system zone).
- All-day events are in the DTSTART's TZID, else X-WR-TIMEZONE, else --floating-tz, else --tz (tov's order):
  a UTC UNTIL on such a series (Exchange writes the last day's local midnight in UTC) ends it on the
  day that UNTIL falls on there.
- With X-WR-TIMEZONE, UTC times are read in that zone too, as Google Calendar means them (a weekly
  meeting written in UTC keeps its wall time in that zone across daylight saving changes); this is
  what recurring-ical-events does through the x-wr-timezone package.
- Cancelled occurrences (STATUS:CANCELLED) are listed, with their status, as the agenda lists them;
  an EXDATE removes an occurrence.
- `title` is SUMMARY as tov keeps text: tabs and line breaks made spaces, other control characters and
  escape sequences removed, no spaces or tabs around it.
- `recurrenceId` is null for a single event; otherwise the occurrence's original start as a wall time
  in the series' own zone (a date series gives `YYYY-MM-DDT00:00:00`), as the agenda gives it.
- `status` is the STATUS property in lower case, or null; `uid` is the UID. Neither is in the
  agenda's comparison with this output: tov gives its own ids, and a status it was not given.

--strict checks the file as an exporter must write it and exits 1 naming the first fault: CRLF line
ends, lines of at most 75 octets, UTF-8, one VCALENDAR with VERSION:2.0 and PRODID, no value icalendar
could not read, UID, DTSTAMP and DTSTART on every VEVENT, never both DTEND and DURATION, and a
VTIMEZONE for every TZID used.

Exit status: 0 done, 1 the file cannot be read (or fails --strict), 2 bad usage, 3 a Python module is
missing (the message says what to install).
"""

import argparse
import datetime as dt
import functools
import json
import re
import sys
import zoneinfo

INSTALL = "python3 -m pip install 'icalendar>=6.1' 'recurring-ical-events>=3.8'"
try:
    import icalendar
    import recurring_ical_events
    from icalendar.prop import vDDDLists, vDDDTypes
except ImportError as error:
    print(f"ics_expand.py needs the Python packages icalendar and recurring-ical-events ({error}): {INSTALL}", file=sys.stderr)
    sys.exit(3)


def require_versions():
    """Older packages read X-WR-TIMEZONE, Windows zone names and RANGE=THISANDFUTURE differently (Debian's are older)."""
    from importlib.metadata import version
    for package, least in (("icalendar", (6, 1)), ("recurring-ical-events", (3, 8))):
        found = version(package)
        if tuple(int(part) for part in found.split(".")[:2] if part.isdigit()) < least:
            print(f"ics_expand.py needs {package} {'.'.join(map(str, least))} or later, not {found}: {INSTALL}", file=sys.stderr)
            sys.exit(3)


require_versions()

# Properties whose values are moments of an event's schedule.
MOMENT_PROPERTIES = ("DTSTART", "DTEND", "RDATE", "EXDATE", "RECURRENCE-ID")
# How far beyond the days recurring-ical-events is asked: more than any zone's offset from another.
MARGIN = dt.timedelta(days=2)


class Unreadable(Exception):
    """The file is not one this script can read, or fails --strict."""


def main():
    arguments = parse_arguments()
    try:
        with open(arguments.file, "rb") as file:
            data = file.read()
        if arguments.strict:
            check_lines(data)
        calendar = read(data)
        if arguments.strict:
            check_calendar(calendar)
        occurrences = expand(calendar, arguments)
    except (Unreadable, ValueError, OSError) as error:
        print(f"{arguments.file}: {error}", file=sys.stderr)
        sys.exit(1)
    # UTF-8 whatever the locale says: titles are Mongolian.
    sys.stdout.buffer.write(json.dumps(occurrences, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")


def parse_arguments():
    parser = argparse.ArgumentParser(description="List an .ics file's occurrences as tov agenda --format json does.")
    parser.add_argument("file")
    parser.add_argument("--from", dest="first", required=True, type=dt.date.fromisoformat, help="first day, YYYY-MM-DD")
    parser.add_argument("--to", dest="last", required=True, type=dt.date.fromisoformat, help="last day, YYYY-MM-DD, included")
    parser.add_argument("--tz", required=True, type=zone, help="IANA zone to give wall times in")
    parser.add_argument("--floating-tz", type=zone, help="IANA zone to read floating times in (tov import --tz)")
    parser.add_argument("--strict", action="store_true", help="check the file as RFC 5545 output")
    arguments = parser.parse_args()
    if arguments.last < arguments.first:
        parser.error(f"the end date {arguments.last} is before the start date {arguments.first}")
    return arguments


def zone(name):
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise argparse.ArgumentTypeError(f"unknown time zone {name!r}") from error


# MARK: - Reading

def read(data):
    try:
        return icalendar.Calendar.from_ical(data)
    except ValueError as error:
        raise Unreadable(f"not an iCalendar file: {error}") from error


def check_lines(data):
    """The physical lines as RFC 5545 section 3.1 wants them."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Unreadable(f"not UTF-8 at byte {error.start}") from error
    if not data.endswith(b"\r\n"):
        raise Unreadable("the last line does not end in CRLF")
    for number, line in enumerate(data[:-2].split(b"\r\n"), start=1):
        if b"\n" in line or b"\r" in line:
            raise Unreadable(f"line {number} ends in a bare LF or CR, not CRLF")
        if len(line) > 75:
            raise Unreadable(f"line {number} is {len(line)} octets long, more than 75 (RFC 5545 3.1)")


def check_calendar(calendar):
    """The content as RFC 5545 wants it, beyond what icalendar refuses by itself."""
    if calendar.name != "VCALENDAR":
        raise Unreadable(f"the file holds a {calendar.name}, not a VCALENDAR")
    if str(calendar.get("VERSION", "")) != "2.0":
        raise Unreadable("the VCALENDAR has no VERSION:2.0")
    if not calendar.get("PRODID"):
        raise Unreadable("the VCALENDAR has no PRODID")
    defined = {str(timezone["TZID"]) for timezone in calendar.walk("VTIMEZONE")}
    for component in calendar.walk():
        for error in getattr(component, "errors", []):
            raise Unreadable(f"{component.name} {component.get('UID', '')}: icalendar could not read {error}")
        for name, value in component.property_items(recursive=False):
            tzid = getattr(value, "params", {}).get("TZID") if hasattr(value, "params") else None
            if tzid and tzid not in defined:
                raise Unreadable(f"{component.name} {component.get('UID', '')}: {name} uses TZID {tzid} with no VTIMEZONE")
    for event in calendar.walk("VEVENT"):
        label = f"VEVENT {event.get('UID', '(no UID)')}"
        for required in ("UID", "DTSTAMP", "DTSTART"):
            if required not in event:
                raise Unreadable(f"{label} has no {required}")
        if "DTEND" in event and "DURATION" in event:
            raise Unreadable(f"{label} has both DTEND and DURATION")


# MARK: - Floating and UTC times

def is_utc(moment):
    return isinstance(moment, dt.datetime) and moment.tzinfo is not None and moment.utcoffset() == dt.timedelta(0) \
        and (moment.tzname() or "").upper() in ("UTC", "Z", "GMT")


def is_floating(moment):
    return isinstance(moment, dt.datetime) and moment.tzinfo is None


def settle(moment, floating_zone, utc_zone):
    """A moment with floating or (with X-WR-TIMEZONE) UTC times read in the zones tov reads them in."""
    if isinstance(moment, tuple):
        return tuple(settle(part, floating_zone, utc_zone) for part in moment)
    if is_floating(moment):
        return moment.replace(tzinfo=floating_zone)
    if utc_zone is not None and is_utc(moment):
        return moment.astimezone(utc_zone)
    return moment


def settle_value(value, floating_zone, utc_zone):
    if isinstance(value, list):
        return [settle_value(part, floating_zone, utc_zone) for part in value]
    if isinstance(value, vDDDLists):
        settled = vDDDLists([settle(part.dt, floating_zone, utc_zone) for part in value.dts])
        settled.params = value.params
        return settled
    if isinstance(value, vDDDTypes):
        settled = vDDDTypes(settle(value.dt, floating_zone, utc_zone))
        # Keep RANGE=THISANDFUTURE and VALUE=PERIOD; TZID is in the new value itself.
        settled.params.update({key: item for key, item in value.params.items() if key != "TZID"})
        return settled
    return value


def settle_times(calendar, floating_zone, display_zone):
    """Gives every floating time a zone, and UTC times X-WR-TIMEZONE's when the calendar has one."""
    name = calendar.get("X-WR-TIMEZONE")
    utc_zone = zoneinfo.ZoneInfo(str(name).strip()) if name else None
    dates_zone = utc_zone or floating_zone or display_zone
    floating_zone = floating_zone or utc_zone or display_zone
    for event in calendar.walk("VEVENT"):
        for name in MOMENT_PROPERTIES:
            if name in event:
                event[name] = settle_value(event[name], floating_zone, utc_zone)
        settle_until(event, dates_zone)
    # recurring-ical-events would otherwise read floating times in X-WR-TIMEZONE again.
    calendar.pop("X-WR-TIMEZONE", None)
    return calendar


@functools.cache
def known_zones():
    """The IANA zone names, read once: listing them scans the whole time zone database."""
    return zoneinfo.available_timezones()


def settle_until(event, dates_zone):
    """A UTC UNTIL on a series of dates read as the date it falls on in the zone of the dates, as tov reads it.

    Exchange ends an all-day series at the local midnight of its last day, written in UTC
    (`UNTIL=20200916T230000Z` for 17 September in London); recurring-ical-events would keep the UTC date, and
    so drop the last day in every zone ahead of UTC.
    """
    start = event.get("DTSTART")
    rules = event.get("RRULE")
    if start is None or rules is None or isinstance(start.dt, dt.datetime):
        return
    tzid = start.params.get("TZID")
    zone = zoneinfo.ZoneInfo(tzid) if tzid in known_zones() else dates_zone
    for rule in rules if isinstance(rules, list) else [rules]:
        untils = rule.get("UNTIL") or []
        if untils and is_utc(untils[0]):
            rule["UNTIL"] = [untils[0].astimezone(zone).date()]


# MARK: - Occurrences

def expand(calendar, arguments):
    tz = arguments.tz
    calendar = settle_times(calendar, arguments.floating_tz, tz)
    lower = dt.datetime.combine(arguments.first, dt.time(), tzinfo=tz)
    upper = dt.datetime.combine(arguments.last + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    series = Series(calendar)
    occurrences = []
    for component in recurring_ical_events.of(calendar).between(lower - MARGIN, upper + MARGIN):
        start = component["DTSTART"].dt
        end = component["DTEND"].dt if "DTEND" in component else None
        all_day = not isinstance(start, dt.datetime)
        if all_day:
            end = end.date() if isinstance(end, dt.datetime) else end
            end = end if end is not None and end > start else start + dt.timedelta(days=1)
            if not (start < arguments.last + dt.timedelta(days=1) and end > arguments.first):
                continue
            sort_key = dt.datetime.combine(start, dt.time(), tzinfo=tz)
            start_text, end_text = start.isoformat(), end.isoformat()
        else:
            end = end if end is not None else start
            if not (start < upper and (end > lower or (end == start and start >= lower))):
                continue
            sort_key = start
            start_text, end_text = wall(start, tz), wall(end, tz)
        status = component.get("STATUS")
        occurrences.append((sort_key, {
            "title": kept_text(str(component.get("SUMMARY", ""))),
            "start": start_text,
            "end": end_text,
            "allDay": all_day,
            "recurrenceId": series.recurrence_id(component),
            "status": str(status).lower() if status is not None else None,
            "uid": str(component.get("UID", "")),
        }))
    occurrences.sort(key=lambda pair: (pair[0], pair[1]["title"], pair[1]["end"]))
    return [occurrence for _, occurrence in occurrences]


# Escape sequences (CSI to its final byte, OSC to BEL or ESC, else ESC and one character), then C0 and C1 controls.
ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[^\x40-\x7e]*[\x40-\x7e]?|\][^\x07\x1b]*[\x07\x1b]?|.?)", re.DOTALL)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def kept_text(text):
    """Text as tov keeps it (SafeText.clean, then trimmed of spaces and tabs)."""
    text = CONTROL.sub("", ESCAPE_SEQUENCE.sub("", text))
    return re.sub(r"[\t\n\r]", " ", text).strip(" \t")


def wall(moment, tz):
    return moment.astimezone(tz).strftime("%Y-%m-%dT%H:%M:%S")


class Series:
    """What an occurrence's original start is, which recurring-ical-events does not say for every one."""

    def __init__(self, calendar):
        self.masters = {}
        self.modifications = {}
        for event in calendar.walk("VEVENT"):
            uid = str(event.get("UID", ""))
            if "RECURRENCE-ID" in event:
                self.modifications[(uid, instant(event["RECURRENCE-ID"].dt))] = event
            else:
                self.masters[uid] = event

    def recurrence_id(self, occurrence):
        uid = str(occurrence.get("UID", ""))
        master = self.masters.get(uid)
        recurring = master is not None and ("RRULE" in master or "RDATE" in master)
        if not recurring and not any(key[0] == uid for key in self.modifications):
            return None
        start = occurrence["DTSTART"].dt
        original = start
        recurrence = occurrence.get("RECURRENCE-ID")
        if recurrence is not None:
            modification = self.modifications.get((uid, instant(recurrence.dt)))
            if recurrence.params.get("RANGE") == "THISANDFUTURE" and modification is not None:
                # Every later occurrence carries the modification's RECURRENCE-ID; its own original
                # start is its start less the modification's move.
                original = start - (modification["DTSTART"].dt - modification["RECURRENCE-ID"].dt)
            elif modification is not None:
                original = recurrence.dt
        series_zone = master["DTSTART"].dt.tzinfo if master is not None and isinstance(master["DTSTART"].dt, dt.datetime) else None
        if isinstance(original, dt.datetime):
            if series_zone is not None:
                original = original.astimezone(series_zone)
            return original.strftime("%Y-%m-%dT%H:%M:%S")
        return original.isoformat() + "T00:00:00"


def instant(moment):
    """A comparable key for a RECURRENCE-ID, whatever zone it is written in."""
    if isinstance(moment, dt.datetime):
        return moment.astimezone(dt.timezone.utc) if moment.tzinfo else moment
    return moment


if __name__ == "__main__":
    main()
