#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Generates realistic 'perf script' text (default output with call chains) of a given size.

    bench/gen-script.py SIZE OUT [--seed N]        e.g. 500MB bench/target/script-500MB-seed1.txt

SIZE is binary (500MB = 500 MiB). Frames come from the real captures in sample-traces/ (kernel
frames from [kernel.kallsyms], user frames from libc, ld.so, libstdc++, the JIT map, [unknown]);
each sample gets 1-48 frames: 0-20 kernel frames at the leaf, then user frames to the root.
Comms include blanks and colons ('Web Content', 'kworker/u8:2-events'). Same size + seed, same bytes.
"""
import argparse, glob, os, random, re

def frames_from_traces(root):
    kernel, user = set(), set()
    for f in glob.glob(os.path.join(root, "*.perf-script.txt")):
        for line in open(f, encoding="utf-8"):
            if line.startswith("\t"):
                fr = line.strip()
                m = re.match(r"[0-9a-f]+ (.*) \((.*)\)$", fr)
                if not m:
                    continue
                (kernel if m.group(2) == "[kernel.kallsyms]" else user).add(fr)
    return sorted(kernel), sorted(user)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("size")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    units = {"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30}
    m = re.fullmatch(r"(\d+)(KB|MB|GB)", a.size)
    target = int(m.group(1)) * units[m.group(2)]
    rnd = random.Random(a.seed)
    here = os.path.dirname(os.path.abspath(__file__))
    kernel, user = frames_from_traces(os.path.join(here, "..", "sample-traces"))
    comms = [("refbench", 14931), ("Web Content", 6985), ("DOM Worker", 6999), ("java", 14941),
             ("C2 CompilerThre", 14955), ("kworker/u8:2-events", 97), ("swapper", 0), ("nginx", 2210)]
    events = ["cpu-clock:ppp", "cpu-clock:ppp", "cpu-clock:ppp", "cycles:P"]
    # a pool of distinct stacks, as real profiles repeat a limited set of them
    stacks = []
    for _ in range(20000):
        depth = min(48, max(1, int(rnd.expovariate(1 / 12))))
        nk = rnd.randint(0, min(20, depth - 1)) if rnd.random() < 0.6 else 0
        fr = [rnd.choice(kernel) for _ in range(nk)] + [rnd.choice(user) for _ in range(depth - nk)]
        stacks.append("".join("\t" + f + "\n" for f in fr))
    t = 971.0
    written = 0
    with open(a.out, "w", encoding="utf-8", newline="\n") as out:
        buf = []
        while written < target:
            comm, pid = rnd.choice(comms)
            tid = pid + rnd.randint(0, 7)
            t += rnd.random() * 0.0005
            ev = rnd.choice(events)
            period = 500000 if ev.startswith("cpu") else rnd.randint(100000, 2000000)
            s = "%s %5d [%03d] %12.6f: %10d %s: \n%s\n" % (comm, tid, rnd.randint(0, 191), t, period, ev,
                                                       stacks[rnd.randrange(len(stacks))])
            buf.append(s)
            written += len(s.encode("utf-8"))
            if len(buf) >= 4096:
                out.write("".join(buf))
                buf = []
        out.write("".join(buf))

if __name__ == "__main__":
    main()
