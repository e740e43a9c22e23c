#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes a large, realistic `perf c2c report --stdio` text for benchmarks.

The template is a real capture (default: sample-traces/will-it-scale-mmap-5.13-intel-new.c2c.txt,
full 5 sections, 5.11 layout). Its statistics sections and headers are kept verbatim (integer
statistics scaled to the new size); its Shared Data Cache Line Table rows and Pareto blocks are
repeated until the file reaches the requested size:

  * every generated cache line starts from a template table row (cycled), with each count
    jittered by a factor in [0.8, 1.25] and the derived columns recomputed the way perf prints
    them (Tot Hitm = LclHitm + RmtHitm, Loads = FB+L1+L2+LclHit+LclHitm+RmtHit+RmtHitm+Lcl+Rmt,
    Stores = L1Hit + L1Miss, records = Loads + Stores), a fresh 64-byte-aligned address, and
    Hitm % against the new total of HITMs;
  * lines are sorted on Tot Hitm (as perf sorts them) and renumbered 0..N-1;
  * the Pareto section has a block for the first --pareto-fraction of the lines (1.0, the
    default, is what perf prints: one block per table line). Each block copies one of the
    template's blocks (cycled) with the line's index, HITM counts and address in its header,
    its HITM shares jittered and renormalised to 100% per column, and its cycles, records and
    cpu counts jittered. Symbols, objects, source lines and code addresses stay as they were.

Columns keep the template's right edges, so rows look like perf's. The output is accepted by
C2cReportParser in strict mode. Deterministic for a given (size, seed, template).

  python3 bench/gen-c2c.py 200MB bench/target/c2c-200MB.txt --seed 1
"""
import argparse
import os
import random
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TEMPLATE = os.path.join(HERE, "..", "sample-traces", "will-it-scale-mmap-5.13-intel-new.c2c.txt")
TABLE_TITLE = "Shared Data Cache Line Table"
PARETO_TITLE = "Shared Cache Line Distribution Pareto"
TOKEN = re.compile(r"\S+")
SEPARATOR = re.compile(r"^\s*-{10,}\s*$")
PCT = re.compile(r"^-?\d+(?:\.\d+)?%$")

# 5.11-5.18 table layout (the template's): column positions of the tokens in a row
# Index Address Node PAcnt Hitm% TotHitm LclHitm RmtHitm records Loads Stores L1Hit L1Miss
#   0      1     2    3     4      5       6       7       8      9     10     11    12
# FB L1 L2 LclHit LclHitm RmtHit RmtHitm Lcl Rmt
# 13 14 15  16     17      18     19     20  21
TABLE_COLUMNS = 22
PA_CNT, HITM_PCT, TOT, LCL, RMT, RECORDS, LOADS, STORES, L1HIT, L1MISS = 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
LOAD_PARTS = (13, 14, 15, 16, 17, 18, 19, 20, 21)  # FB L1 L2 LclHit LclHitm RmtHit RmtHitm Lcl Rmt
LLC_LCLHITM, RMT_RMTHITM = 17, 19
# Pareto row, tokens before the "[k]" marker:
# rmt% lcl% L1Hit% L1Miss% Offset Node PAcnt CodeAddress cyc-rmt cyc-lcl cyc-load records cpu-cnt
P_RMT, P_LCL, P_CYCLES, P_RECORDS, P_CPUS = 0, 1, (8, 9, 10), 11, 12


def parse_size(text):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([kKmMgG]?)[bB]?", text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f'expected a size such as "200MB" or "20M", found "{text}"')
    scale = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[m.group(2).lower()]
    return int(float(m.group(1)) * scale)


def realign(template_line, tokens):
    """The template line with its first len(tokens) tokens replaced, each right-aligned at the
    template token's right edge (at least two blanks between cells when a value is wider)."""
    spans = [m.span() for m in TOKEN.finditer(template_line)][:len(tokens)]
    out = []
    width = 0
    for j, (tok, (_, end)) in enumerate(zip(tokens, spans)):
        pad = end - width - len(tok)
        pad = max(pad, 2 if j else 0)
        out.append(" " * pad)
        out.append(tok)
        width += pad + len(tok)
    return "".join(out) + template_line[spans[-1][1]:]


def read_template(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    t_title = next(i for i, l in enumerate(lines) if l.strip() == TABLE_TITLE)
    p_title = next(i for i, l in enumerate(lines) if l.strip() == PARETO_TITLE)
    data = [i for i in range(t_title + 1, p_title) if lines[i].strip()[:1].isdigit()]
    first_row, last_row = data[0], data[-1]
    rows = lines[first_row:last_row + 1]
    for r in rows:
        if len(r.split()) != TABLE_COLUMNS:
            sys.exit(f"{path}: expected the 5.11 table layout ({TABLE_COLUMNS} columns), found {r!r}")
    prefix = lines[:first_row]
    # between the last table row and the first Pareto separator: blank, banner, title, banner, header
    first_sep = next(i for i in range(p_title, len(lines)) if SEPARATOR.match(lines[i]))
    middle = lines[last_row + 1:first_sep]
    blocks = []
    i = first_sep
    while i < len(lines):
        if not SEPARATOR.match(lines[i]):
            sys.exit(f"{path}:{i + 1}: expected a Pareto separator, found {lines[i]!r}")
        sep, header = lines[i], lines[i + 1]
        j = i + 3
        block_rows = []
        while j < len(lines) and lines[j].strip():
            block_rows.append(lines[j])
            j += 1
        blocks.append((sep, header, block_rows))
        while j < len(lines) and not lines[j].strip():
            j += 1
        i = j
    return prefix, rows, middle, blocks


def jitter(rng, v):
    return int(round(v * rng.uniform(0.8, 1.25)))


def make_line(rng, template_row, addresses):
    t = template_row.split()
    v = [0] * TABLE_COLUMNS
    v[2] = int(t[2])
    for k in (PA_CNT, L1HIT, L1MISS) + LOAD_PARTS:
        v[k] = jitter(rng, int(t[k]))
    v[LCL], v[RMT] = v[LLC_LCLHITM], v[RMT_RMTHITM]
    v[TOT] = v[LCL] + v[RMT]
    v[LOADS] = sum(v[k] for k in LOAD_PARTS)
    v[STORES] = v[L1HIT] + v[L1MISS]
    v[RECORDS] = v[LOADS] + v[STORES]
    while True:
        a = rng.getrandbits(42) << 6  # 64-byte aligned, 5-level-paging kernel addresses as in the template
        if a not in addresses:
            addresses.add(a)
            break
    return v, "0xff11%012x" % a


def shares(rng, template_cells):
    """Template percentages jittered and renormalised to 100.00% (zeros stay zero)."""
    raw = [float(c[:-1]) * rng.uniform(0.7, 1.3) if c.endswith("%") and "nan" not in c else 0.0
           for c in template_cells]
    total = sum(raw)
    return ["%.2f%%" % (100.0 * r / total if total > 0 else 0.0) for r in raw]


def block_text(rng, block, index, line, address):
    sep, header, rows = block
    v = line
    head = realign(header, [str(index), str(v[RMT]), str(v[LCL]), str(v[L1HIT]), str(v[L1MISS]), address])
    cells = [r[:r.index("[")].split() for r in rows]
    rmt = shares(rng, [c[P_RMT] for c in cells]) if v[RMT] else ["0.00%"] * len(cells)
    lcl = shares(rng, [c[P_LCL] for c in cells]) if v[LCL] else ["0.00%"] * len(cells)
    out = [sep, head, sep]
    for r, c, pr, pl in zip(rows, cells, rmt, lcl):
        c = list(c)
        c[P_RMT], c[P_LCL] = pr, pl
        c[5] = str(v[2])  # the data address's node is the line's node
        for k in P_CYCLES + (P_RECORDS,):
            c[k] = str(jitter(rng, int(c[k])))
        c[P_CPUS] = str(max(1, min(int(c[P_CPUS]), int(c[P_RECORDS]))))
        out.append(realign(r, c))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("size", type=parse_size, help='target size, e.g. "200MB", "20M", "512k"')
    ap.add_argument("output", help="file to write")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--template", default=DEFAULT_TEMPLATE, help="a full 5.11-layout c2c report")
    ap.add_argument("--pareto-fraction", type=float, default=1.0,
                    help="share of the lines that get a Pareto block (1.0: all, as perf prints; "
                         "0.033: the template's 4 of 120)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    prefix, rows, middle, blocks = read_template(args.template)

    fixed = sum(len(l) + 1 for l in prefix + middle)
    row_len = [len(r) + 1 for r in rows]
    block_len = [sum(len(l) + 1 for l in (b[0], b[1], b[0])) + sum(len(r) + 1 for r in b[2]) + 1 for b in blocks]
    # a line costs its row plus, for the covered fraction, its block
    lines, addresses, size, i = [], set(), fixed, 0
    while size < args.size:
        v, a = make_line(rng, rows[i % len(rows)], addresses)
        lines.append((v, a, i % len(blocks)))
        size += row_len[i % len(rows)] + args.pareto_fraction * block_len[i % len(blocks)]
        i += 1
    lines.sort(key=lambda x: -x[0][TOT])  # stable: perf's order, "Cachelines sort on : Total HITMs"
    n_blocks = min(len(lines), int(round(args.pareto_fraction * len(lines))))
    tot_lcl = sum(v[LCL] for v, _, _ in lines)
    tot_rmt = sum(v[RMT] for v, _, _ in lines)
    tot_hitm = max(1, tot_lcl + tot_rmt)

    out_dir = os.path.dirname(os.path.abspath(args.output))
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryFile("w+", encoding="utf-8", dir=out_dir) as body:
        for idx, (v, a, _) in enumerate(lines):
            cells = [str(x) for x in v]
            cells[0], cells[1], cells[HITM_PCT] = str(idx), a, "%.2f%%" % (100.0 * v[TOT] / tot_hitm)
            body.write(realign(rows[idx % len(rows)], cells))
            body.write("\n")
        body.write("\n".join(middle))
        body.write("\n")
        for idx in range(n_blocks):
            v, a, b = lines[idx]
            body.write("\n".join(block_text(rng, blocks[b], idx, v, a)))
            body.write("\n\n" if idx + 1 < n_blocks else "\n")
        body.seek(0)
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            for l in scaled_stats(prefix, len(lines), tot_lcl, tot_rmt):
                out.write(l)
                out.write("\n")
            while True:
                chunk = body.read(1 << 20)
                if not chunk:
                    break
                out.write(chunk)
    actual = os.path.getsize(args.output)
    print(f"{args.output}: {actual} bytes ({actual / 1e6:.1f} MB), {len(lines)} cache lines, "
          f"{n_blocks} Pareto blocks, seed {args.seed}", file=sys.stderr)


def scaled_stats(prefix, n_lines, lcl, rmt):
    """The statistics sections with integer counts scaled to the generated size; the HITM
    counts and the number of shared lines are the generated ones."""
    template_hitm = 0
    for l in prefix:
        key, _, value = l.partition(":")
        if key.strip() in ("Load Local HITM", "Load Remote HITM"):
            template_hitm += int(value)
    k = (lcl + rmt) / template_hitm if template_hitm else 1.0
    exact = {"Load Local HITM": lcl, "Load Remote HITM": rmt, "Total Shared Cache Lines": n_lines}
    out = []
    for l in prefix:
        key, colon, value = l.partition(":")
        if colon and value.strip().isdigit():
            new = exact.get(key.strip(), int(round(int(value) * k)))
            text = str(new)
            width = len(value)
            l = key + colon + (" " * max(1, width - len(text))) + text
        out.append(l)
    return out


if __name__ == "__main__":
    main()
