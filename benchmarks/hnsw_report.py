#!/usr/bin/env python3
"""Turns benchmarks/results/hnsw-<dataset>.json (benchmarks/run-hnsw.sh) into the Markdown tables of
"HNSW vector index" in docs/performance.md: load and build, then recall and latency per method.
"""
import glob
import json
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/results"
runs = []
for path in sorted(glob.glob(os.path.join(out, "hnsw-*.json"))):
    try:
        runs.append(json.load(open(path)))
    except ValueError:
        print(f"skipping {path}: not complete JSON (an interrupted run?)", file=sys.stderr)
runs.sort(key=lambda r: (r["dataset"] != "random", r["dataset"]))


def ms(v):
    if v is None:
        return "—"
    if v >= 10_000:
        return f"{v / 1000:,.1f} s"
    if v >= 100:
        return f"{v:,.0f} ms"
    if v >= 10:
        return f"{v:,.1f} ms"
    return f"{v:,.2f} ms"


def secs(v):
    return "—" if v is None else f"{v:,.1f} s"


def rate(r):
    return "—" if not r else f"{r['rows_per_second']:,.0f} rows/s"


def label(r):
    return f"{r['n']:,} × {r['dims']} {r['dataset']}"


if not runs:
    print("(no hnsw-*.json results)")
    sys.exit(0)

print("| data | ScratchBird insert, no index (batched) | CREATE INDEX | L2 graph build | "
      "insert with the index: committed / graph caught up | PostgreSQL insert, `real[]` (batched) | load average start → end |")
print("|---|---|---|---|---|---|---|")
for r in runs:
    sb, pg = r["scratchbird"], r.get("postgresql", {})
    b = sb.get("graph_build", {})
    build = "—"
    if b:
        build = f"{secs(b['seconds'])} ({b['vectors_per_second']:,.0f} vectors/s){' TIMED OUT' if b.get('timed_out') else ''}"
    wi = sb.get("insert_with_index")
    with_index = "—"
    if wi:
        with_index = (f"{wi['rows_per_second']:,.0f} / {wi['graph_caught_up_rows_per_second']:,.0f} rows/s "
                      f"({wi['rows']:,} rows; caught up after {wi['graph_caught_up_seconds']:.1f} s)")
    la = f"{r.get('loadavg_start', '?').split()[0]} → {r.get('loadavg_end', '?').split()[0]}"
    print(f"| {label(r)} | {rate(sb.get('insert_no_index'))} | {secs(sb.get('create_index_seconds'))} | {build} "
          f"| {with_index} | {rate(pg.get('insert'))} | {la} |")

print()
print("| data | method | queries | recall@10 | p50 | p90 | p50 vs PostgreSQL brute force |")
print("|---|---|---|---|---|---|---|")
for r in runs:
    sb, pg = r["scratchbird"], r.get("postgresql", {})
    bf = pg.get("brute_force")
    base = bf["p50_ms"] if bf else None

    def row(method, m):
        if not base:
            vs = "—"
        elif m["p50_ms"] < base:
            f = base / m["p50_ms"]
            vs = f"{f:,.0f}× faster" if f >= 10 else f"{f:.2f}× faster"
        else:
            vs = f"{m['p50_ms'] / base:,.2f}× slower"
        if m is bf:
            vs = "1"
        print(f"| {label(r)} | {method} | {m['queries']} | {m['recall_at_10']:.3f} | {ms(m['p50_ms'])} "
              f"| {ms(m['p90_ms'])} | {vs} |")

    for h in sb.get("hnsw", []):
        row(f"HNSW, ef_search = {h['ef_search']}", h)
    if sb.get("exact_scan"):
        row("ScratchBird exact scan (`+ 0`)", sb["exact_scan"])
    if bf:
        row("PostgreSQL brute force (PL/pgSQL `l2sq`, parallel)", bf)

print()
for r in runs:
    ok = [h for h in r["scratchbird"].get("hnsw", []) if h["recall_at_10"] >= 0.95]
    if ok:
        h = min(ok, key=lambda h: h["ef_search"])
        fast = "met" if h["p50_ms"] <= 2 else "missed"
        print(f"- {label(r)}: recall@10 ≥ 0.95 from ef_search = {h['ef_search']} ({h['recall_at_10']:.3f}), "
              f"median {ms(h['p50_ms'])} (≤ 2 ms aim: {fast}).")
    else:
        best = max(r["scratchbird"].get("hnsw", []), key=lambda h: h["recall_at_10"], default=None)
        extra = f" (best {best['recall_at_10']:.3f} at ef_search = {best['ef_search']})" if best else ""
        print(f"- {label(r)}: recall@10 ≥ 0.95 not reached at the measured ef_search values{extra}.")
