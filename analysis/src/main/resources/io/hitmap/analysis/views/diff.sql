-- SPDX-License-Identifier: Apache-2.0
-- Before/after comparison of two captures: c2c lines matched across captures by what touches them
-- (addresses change between runs and kernels), and perf report profiles symbol by symbol. Read by
-- LineDiff and ProfileDiff, and usable from 'hitmap query'. Documented in ingest/SCHEMA.md,
-- "Comparing two captures".
--
-- c2c_line_totals: one row per c2c line with the capture's metric (line_metrics, views/estimates.sql:
--   HITM, or peer for 'peer' captures; remote + local when perf printed no total), its share of the
--   capture (perf's own percentage when printed, else of the summed totals of the listed lines;
--   share_basis says which) and, when the statistics print 'Total records', per 1000 records.
CREATE OR REPLACE TEMP VIEW c2c_line_totals AS
WITH records AS (
    SELECT capture_id, max(value_num) AS records
    FROM c2c_summary WHERE key = 'Total records'
    GROUP BY capture_id
)
SELECT m.capture_id, m.line_index, m.address, m.metric, m.total, m.remote, m.lcl, m.perf_pct,
       m.share_of_listed,
       coalesce(m.perf_pct, m.share_of_listed) AS share,
       CASE WHEN m.perf_pct IS NOT NULL THEN 'perf' ELSE 'listed' END AS share_basis,
       r.records,
       1000.0 * m.total / nullif(r.records, 0) AS per_1k_records
FROM line_metrics m
LEFT JOIN records r ON r.capture_id = m.capture_id
;
-- c2c_fingerprints: one row per fingerprint item of a line: the accessors that share a symbol, a
--   source:line and an offset (when perf printed one) taken together, eg, the two generic_permission
--   rows at mnt_idmapping.h:81 of overlayfs-creds-before's line 0 (different code addresses) are one
--   item. est_samples: the item's estimated samples on the line, summed over its rows, with the
--   formula of access_estimates (views/estimates.sql); weight: its share of the line's est_samples (1/items when the
--   line's accessors add up to no samples). Items compare by symbol_key, source_key, offset_key:
--   source_key is source:line without its dots, because mail transport drops a dot that begins a
--   line (SMTP dot-stuffing: 'fairc:4118' in overlayfs-creds-after for 'fair.c:4118');
--   offset_key is always -1: offsets are not part of an item's identity, because the patches this
--   compares often move fields (unixbench-i_mmap: the rwsem's count went from 0x10 to 0x8); an item's
--   `offset` shows the lowest offset printed for it.
CREATE OR REPLACE TEMP VIEW c2c_fingerprints AS
WITH estimated AS (
    SELECT capture_id, line_index, symbol, source_line, "offset", est_samples FROM access_estimates
),
items AS (
    SELECT capture_id, line_index,
           coalesce(symbol, '') AS symbol_key,
           replace(coalesce(source_line, ''), '.', '') AS source_key,
           -1 AS offset_key, -- offsets are not compared: a patch that moves a field moves its offset
           min(symbol) AS symbol, min(source_line) AS source_line, min("offset") AS "offset",
           sum(est_samples) AS est_samples, count(*) AS rows
    FROM estimated
    GROUP BY capture_id, line_index, symbol_key, source_key, offset_key
)
SELECT *,
       coalesce(est_samples / nullif(sum(est_samples) OVER (PARTITION BY capture_id, line_index), 0),
                1.0 / count(*) OVER (PARTITION BY capture_id, line_index)) AS weight
FROM items
;
-- line_scores(b, a): every pair of a line of capture b and a line of capture a that share an item,
--   with score = sum over the shared items of least(weight in b, weight in a): 1 when the same
--   accessors touch both lines in the same proportions, 0 when none is shared.
CREATE OR REPLACE TEMP MACRO line_scores(before_capture, after_capture) AS TABLE
SELECT fb.line_index AS before_line, fa.line_index AS after_line, sum(least(fb.weight, fa.weight)) AS score
FROM c2c_fingerprints fb
JOIN c2c_fingerprints fa
  ON fa.symbol_key = fb.symbol_key AND fa.source_key = fb.source_key AND fa.offset_key = fb.offset_key
WHERE fb.capture_id = before_capture AND fa.capture_id = after_capture
GROUP BY fb.line_index, fa.line_index
;
-- line_matches(b, a, min_score := 0.2): a greedy assignment: the best scoring pair of all (on a tie
--   the line nearer in perf's order, then the lower indexes) is matched, its two lines leave, and
--   so on while a pair of at least min_score is left. Each line is in at most one pair. (Mutual
--   best alone left the second of two similar lines unmatched when both preferred the same line.)
CREATE OR REPLACE TEMP MACRO line_matches(before_capture, after_capture, min_score := 0.2) AS TABLE
WITH RECURSIVE candidates AS (
    SELECT before_line, after_line, score,
           row_number() OVER (ORDER BY score DESC, abs(after_line - before_line), before_line, after_line) AS pos
    FROM line_scores(before_capture, after_capture)
    WHERE score >= min_score
),
greedy(step, before_line, after_line, score, used_before, used_after) AS (
    SELECT 0, NULL::INTEGER, NULL::INTEGER, NULL::DOUBLE, []::INTEGER[], []::INTEGER[]
    UNION ALL
    SELECT g.step + 1, c.before_line, c.after_line, c.score,
           list_append(g.used_before, c.before_line), list_append(g.used_after, c.after_line)
    FROM greedy g
    JOIN candidates c
      ON c.pos = (SELECT min(c2.pos) FROM candidates c2
                  WHERE NOT list_contains(g.used_before, c2.before_line)
                    AND NOT list_contains(g.used_after, c2.after_line))
)
SELECT before_line, after_line, score
FROM greedy
WHERE step > 0
ORDER BY before_line
;
-- line_diff(b, a, min_score := 0.2): every line of both captures once: 'persisting' (matched),
--   'removed' (b only) or 'new' (a only), with totals, delta (after - before; a missing side is 0),
--   delta_pct (of before), shares and share_delta (percentage points), per 1000 records, and the
--   symbol of each side's largest item (by est_samples), to name the line.
--   Persisting lines first by before total, then removed, then new.
CREATE OR REPLACE TEMP MACRO line_diff(before_capture, after_capture, min_score := 0.2) AS TABLE
WITH m AS (SELECT * FROM line_matches(before_capture, after_capture, min_score)),
lb AS (SELECT * FROM c2c_line_totals WHERE capture_id = before_capture),
la AS (SELECT * FROM c2c_line_totals WHERE capture_id = after_capture),
top AS (
    SELECT capture_id, line_index, first(symbol ORDER BY est_samples DESC, symbol) AS top_symbol
    FROM c2c_fingerprints WHERE capture_id IN (before_capture, after_capture)
    GROUP BY capture_id, line_index
),
joined AS (
    SELECT CASE WHEN m.after_line IS NOT NULL THEN 'persisting'
                WHEN lb.line_index IS NOT NULL THEN 'removed' ELSE 'new' END AS status,
           lb.line_index AS before_line, la.line_index AS after_line, m.score,
           lb.address AS before_address, la.address AS after_address,
           lb.total AS before_total, la.total AS after_total,
           coalesce(la.total, 0) - coalesce(lb.total, 0) AS delta,
           100.0 * (coalesce(la.total, 0) - coalesce(lb.total, 0)) / nullif(lb.total, 0) AS delta_pct,
           lb.share AS before_share, la.share AS after_share,
           coalesce(la.share, 0) - coalesce(lb.share, 0) AS share_delta,
           lb.share_basis AS before_share_basis, la.share_basis AS after_share_basis,
           lb.per_1k_records AS before_per_1k_records, la.per_1k_records AS after_per_1k_records,
           tb.top_symbol AS before_top_symbol, ta.top_symbol AS after_top_symbol,
           cb.class AS before_class, ca.class AS after_class
    FROM lb
    LEFT JOIN m ON m.before_line = lb.line_index
    FULL OUTER JOIN la ON la.line_index = m.after_line
    LEFT JOIN top tb ON tb.capture_id = before_capture AND tb.line_index = lb.line_index
    LEFT JOIN top ta ON ta.capture_id = after_capture AND ta.line_index = la.line_index
    LEFT JOIN line_classes cb ON cb.capture_id = before_capture AND cb.line_index = lb.line_index
    LEFT JOIN line_classes ca ON ca.capture_id = after_capture AND ca.line_index = la.line_index
)
SELECT * FROM joined
ORDER BY CASE status WHEN 'persisting' THEN 0 WHEN 'removed' THEN 1 ELSE 2 END,
         coalesce(before_total, after_total) DESC NULLS LAST, coalesce(before_line, after_line)
;
-- line_accessor_diff(b, a, min_score := 0.2): the fingerprint items of each matched pair: 'gone'
--   (before only), 'new' (after only), 'changed' or 'same' (both; same when est_samples agree to
--   one decimal), with weights and est_samples on both sides. Per pair: gone, changed, same, new,
--   each by est_samples, largest first.
CREATE OR REPLACE TEMP MACRO line_accessor_diff(before_capture, after_capture, min_score := 0.2) AS TABLE
WITH m AS (SELECT * FROM line_matches(before_capture, after_capture, min_score)),
fb AS (
    SELECT m.before_line, m.after_line, f.*
    FROM m JOIN c2c_fingerprints f ON f.capture_id = before_capture AND f.line_index = m.before_line
),
fa AS (
    SELECT m.before_line, m.after_line, f.*
    FROM m JOIN c2c_fingerprints f ON f.capture_id = after_capture AND f.line_index = m.after_line
),
joined AS (
    SELECT coalesce(fb.before_line, fa.before_line) AS before_line,
           coalesce(fb.after_line, fa.after_line) AS after_line,
           CASE WHEN fa.symbol_key IS NULL THEN 'gone' WHEN fb.symbol_key IS NULL THEN 'new'
                WHEN round(fb.est_samples, 1) = round(fa.est_samples, 1) THEN 'same' ELSE 'changed' END AS status,
           coalesce(fb.symbol, fa.symbol) AS symbol,
           fb.source_line AS before_source_line, fa.source_line AS after_source_line,
           coalesce(fb."offset", fa."offset") AS "offset",
           fb.weight AS before_weight, fa.weight AS after_weight,
           fb.est_samples AS before_est_samples, fa.est_samples AS after_est_samples
    FROM fb
    FULL OUTER JOIN fa
      ON fa.before_line = fb.before_line AND fa.symbol_key = fb.symbol_key
     AND fa.source_key = fb.source_key AND fa.offset_key = fb.offset_key
)
SELECT * FROM joined
ORDER BY before_line, CASE status WHEN 'gone' THEN 0 WHEN 'changed' THEN 1 WHEN 'same' THEN 2 ELSE 3 END,
         greatest(coalesce(before_est_samples, 0), coalesce(after_est_samples, 0)) DESC, symbol, before_source_line
;
-- profile_diff(b, a): perf report captures symbol by symbol, like 'perf diff': each symbol's self
--   share (Self, else Overhead; summed over its rows: commands, DSOs) in the first event section of
--   each capture, the delta in percentage points (a missing side is 0) and 'persisting' / 'removed'
--   / 'new'. By baseline share, then after share.
CREATE OR REPLACE TEMP MACRO profile_diff(before_capture, after_capture) AS TABLE
WITH first_section AS (
    SELECT capture_id, min(section_no) AS section_no
    FROM profile_entries WHERE capture_id IN (before_capture, after_capture)
    GROUP BY capture_id
),
symbols AS (
    SELECT p.capture_id, p.symbol, sum(coalesce(p.self, p.overhead)) AS pct,
           string_agg(DISTINCT p.shared_object, ', ' ORDER BY p.shared_object) AS shared_objects,
           min(p.symbol_kind) AS symbol_kind
    FROM profile_entries p
    JOIN first_section s ON s.capture_id = p.capture_id AND s.section_no = p.section_no
    WHERE p.symbol IS NOT NULL
    GROUP BY p.capture_id, p.symbol
),
b AS (SELECT * FROM symbols WHERE capture_id = before_capture),
a AS (SELECT * FROM symbols WHERE capture_id = after_capture)
SELECT CASE WHEN a.symbol IS NULL THEN 'removed' WHEN b.symbol IS NULL THEN 'new' ELSE 'persisting' END AS status,
       coalesce(b.symbol, a.symbol) AS symbol, coalesce(b.symbol_kind, a.symbol_kind) AS symbol_kind,
       coalesce(b.shared_objects, a.shared_objects) AS shared_objects,
       b.pct AS baseline_pct, a.pct AS after_pct, coalesce(a.pct, 0) - coalesce(b.pct, 0) AS delta_pct
FROM b FULL OUTER JOIN a ON a.symbol = b.symbol
ORDER BY baseline_pct DESC NULLS LAST, after_pct DESC NULLS LAST, symbol
