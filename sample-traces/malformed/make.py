#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the malformed-input corpus next to this script from the real captures in sample-traces/:
each case is one real file cut, corrupted or mislabelled in one known way (the line it breaks is
named in expected.tsv). Run from anywhere: python3 sample-traces/malformed/make.py"""
import gzip
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TRACES = os.path.dirname(HERE)


def read(name):
    with open(os.path.join(TRACES, name), "rb") as f:
        return f.read()


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def lines(name):
    return read(name).decode("utf-8").split("\n")


FS = lines("false_sharing-6.0-x86-tot.c2c.txt")          # 6.x table + Pareto, 102 lines
OV = lines("overlayfs-creds-before.c2c.txt")              # Pareto-only mail excerpt
RB = lines("refbench-shared.children.callgraph.txt")      # perf report --children with trees
WEB = lines("webref-sort-pid-sym.perf-report.txt")        # -n, Pid:Command
SCRIPT = lines("refbench-shared.perf-script.txt")         # perf script with call chains
NOCH = lines("webcontent-no-callchain.perf-script.txt")   # perf script without call chains

j = "\n".join

# c2c
write("c2c-empty.txt", b"")
write("c2c-blank-lines.txt", b"\n\n   \n\t\n")
write("c2c-html-page.txt", b"<!DOCTYPE html>\n<html><body><pre>perf c2c report</pre></body></html>\n")
write("c2c-perf-data.data", b"PERFILE2" + bytes(range(256)) * 4)
write("c2c-nul-bytes.txt", j(FS[:9]).encode() + b"\n\x00\x00\x00\n")
write("c2c-gzip.txt.gz", gzip.compress(read("false_sharing-6.0-x86-tot.c2c.txt"), mtime=0))
write("c2c-gzip-garbage.txt.gz", b"\x1f\x8b\x08\x00" + b"not really gzip" * 10)
write("c2c-crlf.txt", j(FS).replace("\n", "\r\n").encode())
write("c2c-bom.txt", b"\xef\xbb\xbf" + j(FS).encode())
write("c2c-table-only-header.txt", j(FS[:8]).encode() + b"\n")
write("c2c-truncated-mid-row.txt", j(FS[:9] + [FS[9][:40]]).encode())
write("c2c-row-missing-columns.txt", j(FS[:9] + ["        1      0x55c8971f00c0     0       1   33.86%      129"] + FS[11:]).encode())
write("c2c-row-bad-number.txt", j(OV[:8] + [OV[8].replace("41.50%", "41.5x%")] + OV[9:]).encode())
write("c2c-pareto-cut-after-block-header.txt", j(OV[:8]).encode() + b"\n")
write("c2c-two-reports.txt", (j(FS) + "\n" + j(FS)).encode())
write("c2c-invalid-utf8-symbol.txt", j(OV[:8]).encode() + b"\n" + OV[8].replace("revert_creds", "revert_\xff\xfecreds").encode("latin-1") + b"\n" + j(OV[9:]).encode())
write("c2c-prose-only.txt", b"We ran perf c2c on the box and saw a lot of HITMs.\nSee the attached report.\n")

# perf report
write("report-header-only.txt", j(RB[:11]).encode() + b"\n")
write("report-row-bad-number.txt", j(WEB[:11] + [WEB[11].replace("497", "49x")] + WEB[12:]).encode())
write("report-row-no-marker.txt", j(RB[:11] + [RB[11].replace("[.] ", "")] + RB[12:]).encode())
write("report-tabs.txt", j(l.replace("  ", "\t") if l.startswith("    ") else l for l in WEB).encode())
write("report-cut-mid-tree.txt", j(RB[:20]).encode())
write("report-crlf-bom.txt", b"\xef\xbb\xbf" + j(RB).replace("\n", "\r\n").encode())
write("report-gzip.txt.gz", gzip.compress(read("refbench-shared.children.callgraph.txt"), mtime=0))

# perf script
write("script-frame-before-header.txt", j([SCRIPT[1]] + SCRIPT[:40]).encode() + b"\n")
write("script-bad-time.txt", j(SCRIPT[:17] + [SCRIPT[17].replace("971.967746:", "971.96x746:")] + SCRIPT[18:40]).encode() + b"\n")
write("script-frame-cut.txt", j(SCRIPT[:2] + ["\tffffffff8163e691"]).encode() + b"\n")
write("script-header-no-frames-at-end.txt", j(SCRIPT[:17] + [SCRIPT[17]]).encode() + b"\n")
write("script-no-callchain-crlf.txt", j(NOCH[:60]).replace("\n", "\r\n").encode() + b"\r\n")

# a 10 MB line in an otherwise good c2c capture (generated: too big for the repository)
print("wrote", len([n for n in os.listdir(HERE) if not n.endswith((".py", ".tsv", ".md"))]), "files to", HERE)
