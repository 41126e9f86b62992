#!/usr/bin/env python3
"""Imports an .ics file into a throwaway calcurse data folder and says whether calcurse took all of it.

    python3 calcurse_check.py FILE

calcurse 4.7 (`calcurse -D DIR -C DIR -i FILE`) prints a report ("2 apps / 1 event / 0 todos / 1 skipped"),
exits 1 when it skipped an item, and writes why to a log file in TMPDIR. This script fails when calcurse
exits non-zero, prints to standard error, skips an item or writes a log, and prints the log.

Exit status: 0 calcurse imported everything, 1 it did not (the reason is printed), 2 bad usage, 3 calcurse
is missing (the message says what to install).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) != 2:
        print("usage: calcurse_check.py FILE", file=sys.stderr)
        sys.exit(2)
    path = os.path.abspath(sys.argv[1])
    if shutil.which("calcurse") is None:
        print("calcurse_check.py needs calcurse: apt-get install calcurse", file=sys.stderr)
        sys.exit(3)
    problems = check(path)
    if problems:
        print(f"calcurse did not import {path} cleanly:", file=sys.stderr)
        for problem in problems:
            print(problem, file=sys.stderr)
        sys.exit(1)
    print(f"calcurse imported {path} without an error")


def check(path):
    """What went wrong when calcurse imported `path`; empty when nothing did."""
    with tempfile.TemporaryDirectory(prefix="tov-calcurse-") as folder:
        data, config, scratch = (os.path.join(folder, name) for name in ("data", "config", "tmp"))
        for made in (data, config, scratch):
            os.mkdir(made)
        environment = dict(os.environ, TMPDIR=scratch, HOME=folder, TZ=os.environ.get("TZ", "UTC"))
        result = subprocess.run(
            ["calcurse", "-D", data, "-C", config, "-i", path],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, env=environment, timeout=120,
        )
        problems = []
        if result.returncode != 0:
            problems.append(f"calcurse exited with status {result.returncode}")
        if result.stderr.strip():
            problems.append(f"calcurse wrote to standard error: {result.stderr.strip()}")
        skipped = re.search(r"(\d+) skipped", result.stdout)
        if skipped is None:
            problems.append(f"calcurse printed no import report: {result.stdout.strip()}")
        elif int(skipped.group(1)) > 0:
            problems.append(f"calcurse skipped {skipped.group(1)} item(s): {result.stdout.strip()}")
        for name in sorted(os.listdir(scratch)):
            with open(os.path.join(scratch, name), encoding="utf-8", errors="replace") as log:
                entries = [line for line in log.read().splitlines() if re.match(r"^(VEVENT|VTODO|VCALENDAR)", line)]
            problems.append(f"calcurse's log {name}: " + ("; ".join(entries) or "(no entries)"))
        return problems


if __name__ == "__main__":
    main()
