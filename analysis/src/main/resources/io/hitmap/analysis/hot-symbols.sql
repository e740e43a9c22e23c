-- SPDX-License-Identifier: Apache-2.0
-- The hottest symbols of every perf report capture; read by HotSymbols.
-- Parameters: 1 = event (NULL: each capture's first section; 'cpu-clock' also matches 'cpu-clock:ppp'),
--   2 = shared object (NULL: any; matches the whole name or its basename), 3 = command (NULL: any),
--   4 = 'k' kernel symbols only, 'u' user only, NULL both, 5 = 'self' or 'children' (the order),
--   6 = symbols per capture.
-- self_pct: the symbol's Overhead (or Self with --children) summed over the report's rows for it
--   (one per command and shared object the report sorted by); children_pct: the same of Children,
--   NULL when the report has no Children column; samples: of the Samples column (perf report -n).
-- kernel: the [k] marker (and perf's guest/hypervisor kernel markers [g] [H]); user: [.] and [u].
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
symbols AS (
    SELECT capture_id, event, symbol, symbol_kind, shared_object,
           sum(coalesce(self, overhead)) AS self_pct,
           sum(children) AS children_pct,
           sum(samples) AS samples,
           string_agg(DISTINCT command, ', ' ORDER BY command) AS commands
    FROM rows
    GROUP BY capture_id, event, symbol, symbol_kind, shared_object
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
