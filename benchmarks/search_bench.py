"""Search latency: one query through the matcher (trigger_map/search.py), on the real data and on
a dataset a hundred times larger.

    .venv/bin/python benchmarks/search_bench.py [--repeat 10] [--scale 100]

Budgets (issue 16): median <= 5 ms a query on the real data, <= 50 ms on 100 x the data. The larger
dataset repeats every area, muscle, trigger point, condition, symptom and synonym 100 times, each
copy's names with a made-up word of its own added, so the vocabulary and every word's list of
names grow as a larger dataset's would. Prints a table, writes benchmarks/results/search.json and
exits 0 when both budgets are met, 1 when one is missed. `measure()` returns the same figures.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from pathlib import Path

from trigger_map.body import load_body
from trigger_map.data import load_dataset
from trigger_map.search import Entry, Matcher

ROOT = Path(__file__).resolve().parents[1]


RESULTS = ROOT / "benchmarks" / "results" / "search.json"
BUDGET_MS = {1: 5.0, 100: 50.0}
# What people type: the test set of tests/fixtures/search_queries.txt (names, abbreviations, gym and
# everyday words, groups, misspellings, half-typed words, region words), with whole sentences and
# nonsense (which must find nothing, and quickly).
QUERY_FILE = ROOT / "tests" / "fixtures" / "search_queries.txt"
EXTRA = (
    "pain in my lower back when i sit",
    "headache behind the eye and a stiff neck",
    "pain",
    "neck",
    "s",
    "xqzvw",
    "asdfgh qwerty",
    "lorem ipsum dolor sit amet",
)


def queries() -> tuple[str, ...]:
    lines = QUERY_FILE.read_text(encoding="utf-8").splitlines()
    return (
        tuple(line.partition(" = ")[0].strip() for line in lines if line.strip() and not line.startswith("#")) + EXTRA
    )


def scaled(matcher: Matcher, factor: int, seed: int = 16) -> Matcher:
    """A matcher over `factor` copies of every entry and name; each copy's names get a word of
    their own."""
    if factor <= 1:
        return matcher
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    entries = list(matcher.entries)
    names = [
        (" ".join(ws), int(e), float(w))
        for ws, e, w in zip(matcher.name_words, matcher.name_entry, matcher.name_weight, strict=False)
    ]
    copies = []
    for copy in range(1, factor):
        offset = copy * len(matcher.entries)
        made_up = ["".join(rng.choice(letters) for _ in range(rng.randint(4, 12))) for _ in matcher.entries]
        entries += [
            Entry(e.kind, f"{e.id}-copy{copy}", f"{e.name} {made_up[i]}") for i, e in enumerate(matcher.entries)
        ]
        copies += [(f"{text} {made_up[e]}", offset + e, w) for text, e, w in names]
    return Matcher(entries, names + copies, matcher.areas)


def _time(matcher: Matcher, repeat: int) -> dict:
    per_query = []
    for query in queries():
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            matcher.search(query)
            times.append((time.perf_counter() - start) * 1000)
        per_query.append((query, statistics.median(times)))
    medians = sorted(t for _, t in per_query)
    return {
        "entries": len(matcher.entries),
        "names": len(matcher.name_words),
        "words": len(matcher.vocabulary),
        "median_ms": round(statistics.median(medians), 3),
        "p90_ms": round(medians[int(0.9 * (len(medians) - 1))], 3),
        "max_ms": round(medians[-1], 3),
        "slowest": max(per_query, key=lambda qt: qt[1])[0],
    }


def measure(repeat: int = 10, scale: int = 100) -> dict:
    """Build time and per-query latency (the median over `repeat` runs of each query, then the
    median, 90th percentile and maximum over the queries) at scale 1 and `scale`."""
    dataset, body = load_dataset(), load_body()
    start = time.perf_counter()
    real = Matcher.from_data(dataset, body)
    build_ms = (time.perf_counter() - start) * 1000
    results = {}
    for factor in (1, scale):
        start = time.perf_counter()
        matcher = scaled(real, factor)
        built = build_ms + (time.perf_counter() - start) * 1000 * (factor > 1)
        row = _time(matcher, repeat)
        budget = BUDGET_MS.get(factor, BUDGET_MS[100])
        row.update(scale=factor, build_ms=round(built, 1), budget_median_ms=budget, met=row["median_ms"] <= budget)
        results[f"x{factor}"] = row
    return {
        "queries": len(queries()),
        "repeat": repeat,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "results": results,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--scale", type=int, default=100)
    args = parser.parse_args(argv)
    report = measure(args.repeat, args.scale)
    print(
        f"{'data':<8}{'entries':>9}{'names':>9}{'words':>9}{'median ms':>11}{'p90 ms':>9}"
        f"{'max ms':>9}{'budget':>9}  slowest query"
    )
    for name, row in report["results"].items():
        print(
            f"{name:<8}{row['entries']:>9}{row['names']:>9}{row['words']:>9}{row['median_ms']:>11.3f}"
            f"{row['p90_ms']:>9.3f}{row['max_ms']:>9.3f}{row['budget_median_ms']:>9.1f}  {row['slowest']!r}"
            f"{'' if row['met'] else '  (budget missed)'}"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0 if all(row["met"] for row in report["results"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
