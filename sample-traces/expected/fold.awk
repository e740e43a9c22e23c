# An independent fold of default 'perf script' output with call chains (what stackcollapse-perf.pl
# does by default), to check 'hitmap folded' against:  awk -f fold.awk F | LC_ALL=C sort > F.folded
# The comm is the header up to the tid (the first all-digit field); frames are "addr sym+off (dso)".
/^#/ { next }
/^$/ { if (n) { s = comm; for (i = n; i >= 1; i--) s = s ";" st[i]; c[s]++ } n = 0; next }
/^\t/ {
    line = $0; sub(/^[ \t]+[0-9a-f]+ /, "", line)
    dso = line; sub(/.* \(/, "", dso); sub(/\)$/, "", dso)
    sym = line; sub(/ \([^()]*\)$/, "", sym); sub(/\+0x[0-9a-f]+$/, "", sym)
    if (sym == "[unknown]") { if (dso == "[unknown]") sym = "[unknown]"; else { b = dso; sub(/.*\//, "", b); sym = "[" b "]" } }
    else { gsub(/;/, ":", sym); p = index(sym, "("); if (p) sym = substr(sym, 1, p - 1); gsub(/["']/, "", sym) }
    st[++n] = sym; next
}
{
    comm = ""
    for (i = 1; i <= NF; i++) { if ($i ~ /^[0-9]+$/) break; comm = comm (comm == "" ? "" : "_") $i }
    n = 0
}
END { if (n) { s = comm; for (i = n; i >= 1; i--) s = s ";" st[i]; c[s]++ } for (k in c) print k, c[k] }
