#!/usr/bin/env python3
"""Turns the JMH JSON files of benchmarks/run.sh into the Markdown table of docs/performance.md.

Ratio = our median latency / PostgreSQL's median latency (< 1: we are faster; the target is <= 0.9).
Medians, because the machine is shared: a few descheduled samples move a mean far more than a median.
"""
import glob
import json
import os
import re
import sys

out = sys.argv[1]
NAMES = {
    "ConnectBench.connect": ("connection establishment", 1),
    "QueryBench.selectByPk": ("1-row SELECT by PK (prepared)", 1),
    "QueryBench.select10k": ("10,000-row SELECT", 10_000),
    "QueryBench.insertAutocommit": ("single-row INSERT (autocommit)", 1),
    "BatchBench.batchInsert10k": ("10,000-row batch INSERT + commit", 10_000),
    "QueryBench.transaction3": ("3-statement transaction + commit", 1),
    "QueryBench.vectorTop10": ("top-10 vector search", 1),
    "StreamBench.stream": ("streaming all rows, fetch size 1000", None),
    "DecodeBench.decode10k": ("driver-only decode, 10,000 rows replayed", 10_000),
}
TO_US = {"us/op": 1.0, "ms/op": 1000.0, "s/op": 1e6, "ns/op": 0.001}

results = {}  # (tls, bench) -> side -> (mean_us, err_us, p50_us)
for path in sorted(glob.glob(os.path.join(out, "*tls-*.json"))):
    tls = re.search(r"tls-(on|off)", path).group(1)
    try:
        runs = json.load(open(path))
    except ValueError:
        print(f"skipping {path}: not complete JSON (an interrupted run?)", file=sys.stderr)
        continue
    for r in runs:
        bench = ".".join(r["benchmark"].split(".")[-2:])
        side = r["params"]["side"]
        m = r["primaryMetric"]
        k = TO_US[m["scoreUnit"]]
        err = m.get("scoreError")
        err = float(err) * k if err not in (None, "NaN") and err == err else float("nan")
        p50 = m.get("scorePercentiles", {}).get("50.0", m["score"]) * k
        results.setdefault((tls, bench), {})[side] = (m["score"] * k, err, p50)

heap = {}
for path in glob.glob(os.path.join(out, "stream-heap-tls-*.txt")):
    for line in open(path):
        mm = re.match(r"(\S+) tls=(\S+) peakHeapMiB=(\d+) maxHeapMiB=(\d+)", line)
        if mm:
            heap[(mm.group(2), mm.group(1))] = (int(mm.group(3)), int(mm.group(4)))


def fmt_lat(us):
    if us >= 10_000:
        return f"{us / 1000:,.0f} ms"
    if us >= 1000:
        return f"{us / 1000:,.2f} ms"
    return f"{us:,.1f} µs"


def cell(v):
    mean, err, p50 = v
    ops = 1e6 / mean
    e = "" if err != err else f" ± {fmt_lat(err)}"
    return f"p50 {fmt_lat(p50)}; mean {fmt_lat(mean)}{e}; {ops:,.1f} ops/s"


print("| TLS | operation | ScratchBird | PgJDBC + PostgreSQL 15 | ratio ours/PG, medians (≤ 0.9 = target met) | ratio, means |")
print("|---|---|---|---|---|---|")
for tls in ("off", "on"):
    for bench, (label, rows) in NAMES.items():
        sides = results.get((tls, bench))
        if not sides or "scratchbird" not in sides:
            continue
        ours = sides["scratchbird"]
        extra = ""
        for pg_side, tag in (("postgresql", ""), ("postgresql-rewrite", " reWriteBatchedInserts=true")):
            if pg_side not in sides:
                continue
            pg = sides[pg_side]
            ratio = ours[2] / pg[2]
            verdict = "met" if ratio <= 0.9 else f"missed by {(ratio - 0.9) / 0.9 * 100:.0f} %"
            note = ""
            if bench == "BatchBench.batchInsert10k" and pg_side == "postgresql":
                speed = pg[2] / ours[2]
                note = f"; {speed:.2f}× PgJDBC default (target ≥ 2×: {'met' if speed >= 2 else 'missed'})"
            if bench == "DecodeBench.decode10k":
                speed = pg[2] / ours[2]
                note = (f"; {rows * 1e6 / ours[2]:,.0f} vs {rows * 1e6 / pg[2]:,.0f} rows/s = {speed:.2f}× "
                        f"(target ≥ 1.2×: {'met' if speed >= 1.2 else 'missed'})")
            if bench == "StreamBench.stream":
                hs = [heap.get((tls, s)) for s in ("scratchbird", pg_side)]
                if all(hs):
                    note = (f"; peak heap {hs[0][0]} MiB vs {hs[1][0]} MiB (JVM -Xmx{hs[0][1]}m)")
            print(f"| {tls} | {label}{tag} | {cell(ours)} | {cell(pg)} | **{ratio:.2f}** ({verdict}){note} "
                  f"| {ours[0] / pg[0]:.2f} |")
