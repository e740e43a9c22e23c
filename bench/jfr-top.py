#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Top frames of a JFR recording's execution samples (no safepoint bias, unlike getStackTrace).

  java -XX:StartFlightRecording=filename=bench/target/parse.jfr,settings=profile ... 
  python3 bench/jfr-top.py bench/target/parse.jfr [--thread main] [--top 15]

Prints: the top frame (self time), the innermost io.hitmap frame (file:line in our code that
was running or calling into the JDK), and io.hitmap methods on the stack (inclusive).
"""
import argparse
import collections
import json
import subprocess


def frame_name(f):
    m = f["method"]
    cls = m["type"]["name"].replace("/", ".")
    return cls, m["name"], f.get("lineNumber", -1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jfr")
    ap.add_argument("--thread", default="main")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--only", default="", help="keep samples whose stack holds this method (e.g. C2cReportParser.parse)")
    args = ap.parse_args()
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", args.jfr],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    self_, ours, incl = collections.Counter(), collections.Counter(), collections.Counter()
    n = 0
    for e in events:
        v = e["values"]
        t = v.get("sampledThread") or {}
        if args.thread and t.get("javaName") != args.thread:
            continue
        frames = (v.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        names = [frame_name(f) for f in frames]
        if args.only and not any(args.only == f"{c.rsplit('.', 1)[-1]}.{m}" for c, m, _ in names):
            continue
        n += 1
        c, m, l = names[0]
        self_[f"{c.rsplit('.', 1)[-1]}.{m}:{l}"] += 1
        inner = next(((c, m, l) for c, m, l in names if c.startswith("io.hitmap.")), None)
        if inner:
            ours[f"{inner[0].rsplit('.', 1)[-1]}.{inner[1]}:{inner[2]}"] += 1
        for key in {f"{c.rsplit('.', 1)[-1]}.{m}" for c, m, _ in names if c.startswith("io.hitmap.")}:
            incl[key] += 1
    print(f"{n} samples on thread {args.thread!r}" + (f" under {args.only}" if args.only else ""))
    for title, counter in (("top frame (self)", self_), ("innermost io.hitmap frame", ours),
                           ("io.hitmap methods on the stack (inclusive)", incl)):
        print(title)
        for k, c in counter.most_common(args.top):
            print(f"  {100.0 * c / max(n, 1):5.1f}%  {k}")


if __name__ == "__main__":
    main()
