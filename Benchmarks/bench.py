#!/usr/bin/env python3
"""tov benchmark: whole-process wall time and peak memory of real commands on synthetic databases.

Usage: Benchmarks/bench.py PATH/TO/tov [--sizes 1000,10000,100000] [--runs 5]
Prints a Markdown table; each figure is the median of --runs runs.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

TARGETS = {  # at 100,000 events
    "bulk load": (3.0, 60),
    "agenda, one month": (0.030, 60),
    "agenda, one year": (0.300, 60),
    "check": (None, 60),
    "first screen (tov ui --print-screen 80x24)": (0.150, 60),
    "export .ics (every event)": (5.0, None),
    "import .ics into an empty database": (5.0, None),
}


def measure(argv, env):
    """Runs argv once; returns (seconds, peak resident MB)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed ({status}): {' '.join(argv)}\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tov")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, TOV_TODAY="2026-11-23", LANG="C.UTF-8")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in [int(s) for s in args.sizes.split(",")]:
            loads = []
            for run in range(args.runs):
                db = os.path.join(folder, f"bench-{size}-{run}.sqlite")
                loads.append(measure([args.tov, "--db", db, "demo", "--from", "2026-01-01", "--events", str(size)], env))
            cases = {
                "bulk load": loads,
                "agenda, one month": [],
                "agenda, one year": [],
                "check": [],
                "first screen (tov ui --print-screen 80x24)": [],
                "export .ics (every event)": [],
                "import .ics into an empty database": [],
            }
            ics = os.path.join(folder, f"bench-{size}.ics")
            for _ in range(args.runs):
                cases["agenda, one month"].append(measure(
                    [args.tov, "--db", db, "agenda", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json"], env))
                cases["agenda, one year"].append(measure(
                    [args.tov, "--db", db, "agenda", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json"], env))
                cases["check"].append(measure([args.tov, "--db", db, "check"], env))
                cases["first screen (tov ui --print-screen 80x24)"].append(
                    measure([args.tov, "--db", db, "ui", "--print-screen", "80x24"], env))
            for run in range(args.runs):
                cases["export .ics (every event)"].append(
                    measure([args.tov, "--db", db, "export", "--format", "ics", "--output", ics], env))
                empty = os.path.join(folder, f"import-{size}-{run}.sqlite")
                cases["import .ics into an empty database"].append(
                    measure([args.tov, "--db", empty, "import", ics], env))
                os.remove(empty)
            for name, samples in cases.items():
                seconds = statistics.median(s for s, _ in samples)
                memory = statistics.median(m for _, m in samples)
                rows.append((size, name, seconds, memory))
        table(rows)
        interface(args.tov, db)


def table(rows):
    """Prints the whole-process measurements as a Markdown table."""
    print("| events | case | wall time (median) | peak memory (median) | target at 100,000 |")
    print("|---:|---|---:|---:|---|")
    for size, name, seconds, memory in rows:
        limit_s, limit_mb = TARGETS[name]
        target = ""
        if size == 100_000:
            parts = []
            if limit_s is not None:
                limit = f"{limit_s:.0f} s" if limit_s >= 1 else f"{limit_s * 1000:.0f} ms"
                parts.append(f"< {limit} {'ok' if seconds < limit_s else 'MISSED'}")
            if limit_mb is not None:
                parts.append(f"< {limit_mb} MB {'ok' if memory < limit_mb else 'MISSED'}")
            target = ", ".join(parts)
        shown = f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.1f} ms"
        print(f"| {size:,} | {name} | {shown} | {memory:.1f} MB | {target} |")


def interface(tov, db):
    """Runs the in-process interface benchmark on the largest database, before it is removed."""
    print()
    print("Interface, in process, on the largest database:")
    print()
    sys.stdout.flush()
    subprocess.run([os.path.join(os.path.dirname(tov), "UIBench"), db], check=True)


def recurrence(tov):
    """Runs the in-process recurrence benchmark built beside tov, which prints its own table."""
    bench = os.path.join(os.path.dirname(tov), "RecurrenceBench")
    print()
    print("Recurrence engine, in process:")
    print()
    sys.stdout.flush()
    subprocess.run([bench], check=True)


if __name__ == "__main__":
    main()
    recurrence(sys.argv[1])
