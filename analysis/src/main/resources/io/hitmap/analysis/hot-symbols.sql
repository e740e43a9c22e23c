-- SPDX-License-Identifier: Apache-2.0
-- The hottest symbols of every perf report and perf script capture; read by HotSymbols.
-- Parameters: 1 = event (NULL: each capture's first section; 'cpu-clock' also matches 'cpu-clock:ppp'),
--   2 = shared object (NULL: any; matches the whole name or its basename), 3 = command (NULL: any),
--   4 = 'k' kernel symbols only, 'u' user only, NULL both, 5 = 'self' or 'children' (the order),
--   6 = symbols per capture.
-- self_pct: the symbol's Overhead (or Self with --children) summed over the report's rows for it
--   (one per command and shared object the report sorted by); children_pct: the same of Children,
--   NULL when the report has no Children column; samples: of the Samples column (perf report -n).
-- kernel: the [k] marker (and perf's guest/hypervisor kernel markers [g] [H]); user: [.] and [u].
-- perf script captures (samples, sample_frames) give the same columns, computed from the samples
--   of the chosen event (the first sample's event, or parameter 1): self_pct = period of the samples
--   whose leaf frame (depth 0) is the symbol / period of all the event's samples (of the command,
--   with parameter 3); children_pct = the same for the samples that have the symbol anywhere in
--   their stack, each sample counted once however often the symbol recurs; samples = samples with
--   the symbol as leaf. A frame is kernel when its dso is [kernel.*], *vmlinux* or a *.ko module;
--   an unresolved frame's symbol is its address.
WITH chosen AS (
    SELECT capture_id, min(section_no) AS section_no
    FROM profile_sections
    WHERE $1 IS NULL OR event = $1 OR event LIKE $1 || ':%'
    GROUP BY capture_id
),
rows AS (
    SELECT e.*, s.event
    FROM profile_entries e
    JOIN chosen c ON c.capture_id = e.capture_id AND c.section_no = e.section_no
    JOIN profile_sections s ON s.capture_id = e.capture_id AND s.section_no = e.section_no
    WHERE ($2 IS NULL OR e.shared_object = $2 OR e.shared_object LIKE '%/' || $2)
      AND ($3 IS NULL OR e.command = $3)
      AND ($4 IS NULL OR ($4 = 'k' AND e.symbol_kind IN ('k', 'g', 'H'))
                      OR ($4 = 'u' AND e.symbol_kind IN ('.', 'u')))
),
profile_symbols AS (
    SELECT capture_id, event, symbol, symbol_kind, shared_object,
           sum(coalesce(self, overhead)) AS self_pct,
           sum(children) AS children_pct,
           sum(samples) AS samples,
           string_agg(DISTINCT command, ', ' ORDER BY command) AS commands
    FROM rows
    GROUP BY capture_id, event, symbol, symbol_kind, shared_object
),
script_event AS (
    SELECT capture_id, arg_min(event, sample_no) AS event
    FROM samples
    WHERE $1 IS NULL OR event = $1 OR event LIKE $1 || ':%'
    GROUP BY capture_id
),
script_samples AS (
    SELECT s.capture_id, s.sample_no, s.comm, s.event, CAST(coalesce(s.period, 1) AS DOUBLE) AS weight
    FROM samples s
    JOIN script_event e ON e.capture_id = s.capture_id AND e.event IS NOT DISTINCT FROM s.event
    WHERE $3 IS NULL OR s.comm = $3
),
script_total AS (
    SELECT capture_id, sum(weight) AS total FROM script_samples GROUP BY capture_id
),
script_frames AS (
    SELECT f.capture_id, f.depth, coalesce(f.symbol, f.address) AS symbol, f.dso, s.weight, s.comm, s.event,
           CASE WHEN f.dso LIKE '[kernel%' OR f.dso LIKE '%vmlinux%' OR f.dso LIKE '%.ko' THEN 'k' ELSE '.' END
               AS symbol_kind,
           row_number() OVER (PARTITION BY f.capture_id, f.sample_no, coalesce(f.symbol, f.address), f.dso
                              ORDER BY f.depth) = 1 AS first_in_sample
    FROM sample_frames f
    JOIN script_samples s ON s.capture_id = f.capture_id AND s.sample_no = f.sample_no
),
script_symbols AS (
    SELECT f.capture_id, f.event, f.symbol, f.symbol_kind, f.dso AS shared_object,
           100.0 * sum(CASE WHEN f.depth = 0 THEN f.weight ELSE 0 END) / t.total AS self_pct,
           100.0 * sum(CASE WHEN f.first_in_sample THEN f.weight ELSE 0 END) / t.total AS children_pct,
           count(*) FILTER (WHERE f.depth = 0) AS samples,
           string_agg(DISTINCT f.comm, ', ' ORDER BY f.comm) AS commands
    FROM script_frames f
    JOIN script_total t ON t.capture_id = f.capture_id
    WHERE ($2 IS NULL OR f.dso = $2 OR f.dso LIKE '%/' || $2)
      AND ($4 IS NULL OR f.symbol_kind = CASE $4 WHEN 'k' THEN 'k' ELSE '.' END)
    GROUP BY f.capture_id, f.event, f.symbol, f.symbol_kind, f.dso, t.total
),
symbols AS (
    SELECT * FROM profile_symbols
    UNION ALL
    SELECT * FROM script_symbols
),
ranked AS (
    SELECT *,
           row_number() OVER (PARTITION BY capture_id
                              ORDER BY CASE WHEN $5 = 'children' THEN coalesce(children_pct, self_pct) ELSE self_pct END DESC,
                                       self_pct DESC, symbol) AS rank
    FROM symbols
)
SELECT r.capture_id, c.path, r.event, r.rank, round(r.self_pct, 2) AS self_pct, round(r.children_pct, 2) AS children_pct,
       r.samples, r.symbol, r.symbol_kind, r.shared_object, r.commands
FROM ranked r
JOIN captures c ON c.capture_id = r.capture_id
WHERE r.rank <= $6
ORDER BY r.capture_id, r.rank
