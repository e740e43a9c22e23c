-- SPDX-License-Identifier: Apache-2.0
-- Contended cache lines ranked per capture, each with its top accessors; read by ContendedLines.
-- Parameters: 1 = lines per capture, 2 = accessors per line.
-- One row per (line, accessor); a line without accessors gives one row with NULL accessor columns.
--
-- total/remote/local: the capture's metric. 'hitm' captures use tot_hitm/rmt_hitm/lcl_hitm,
--   'peer' captures (Arm SPE) use tot_peer/rmt_peer/lcl_peer. When perf printed no total
--   (pareto-only layouts give just remote and local) the total is remote + local.
-- rank: 1 = largest total in the capture; equal totals keep perf's order (lower line_index first).
-- perf_pct: perf's own share of the line (hitm_pct, or peer_pct for 'peer' captures), over every
--   line of the run, not just those in the file. perf_pct_of names the count it is a share of:
--   'tot_peer' for peer captures; for HITM captures what 'Cachelines sort on' in c2c_summary says
--   ('Remote HITMs' -> 'rmt_hitm', 'Local HITMs' -> 'lcl_hitm'), else 'tot_hitm' (perf's default
--   -d tot). NULL when perf printed no percentage (Pareto-only layouts, mail excerpts).
-- share_of_listed: 100 * line total / sum of the totals of the lines in the capture (NULL when that
--   sum is 0). It only describes the lines that are in the file: an excerpt's lines make 100%.
-- accessors: ordered by est_samples, the number of samples the accessor is estimated to contribute
--   to the line: (rmt% * line remote + lcl% * line local                  (HITM or peer, per metric)
--                 + store_l1hit% * line store_l1hit + store_l1miss% * line store_l1miss
--                 + store_na% * line store_na
--                 + tot_peer% * line tot_peer) / 100, NULL as 0,  (tot_peer%: the unmerged 2022 peer layouts)
--   descending, then row_in_line. Remote and local weigh by their counts, and writers with no HITM
--   still rank by their stores. accessor_count counts all of them.
WITH sort_on AS (
    SELECT capture_id, lower(max(value)) AS sort_on
    FROM c2c_summary
    WHERE key = 'Cachelines sort on'
    GROUP BY capture_id
),
line_metric AS (
    SELECT l.capture_id, c.path, c.metric, l.line_index, l.address, l.node,
           l.total_records, l.loads, l.stores, l.store_l1hit, l.store_l1miss, l.store_na, l.tot_peer,
           CASE c.metric WHEN 'peer' THEN coalesce(l.tot_peer, l.rmt_peer + l.lcl_peer)
                         ELSE coalesce(l.tot_hitm, l.rmt_hitm + l.lcl_hitm) END AS total,
           CASE c.metric WHEN 'peer' THEN l.rmt_peer ELSE l.rmt_hitm END AS remote,
           CASE c.metric WHEN 'peer' THEN l.lcl_peer ELSE l.lcl_hitm END AS lcl,
           CASE c.metric WHEN 'peer' THEN l.peer_pct ELSE l.hitm_pct END AS perf_pct,
           CASE WHEN c.metric = 'peer' THEN 'tot_peer'
                WHEN s.sort_on LIKE '%remote%' THEN 'rmt_hitm'
                WHEN s.sort_on LIKE '%local%' THEN 'lcl_hitm'
                ELSE 'tot_hitm' END AS pct_of
    FROM c2c_lines l
    JOIN captures c ON c.capture_id = l.capture_id
    LEFT JOIN sort_on s ON s.capture_id = l.capture_id
),
ranked_lines AS (
    SELECT *,
           row_number() OVER (PARTITION BY capture_id ORDER BY total DESC NULLS LAST, line_index) AS line_rank,
           100.0 * CAST(total AS DOUBLE)
               / nullif(CAST(sum(total) OVER (PARTITION BY capture_id) AS DOUBLE), 0) AS share_of_listed
    FROM line_metric
),
access_metric AS (
    SELECT a.*,
           CASE c.metric WHEN 'peer' THEN a.rmt_peer_pct ELSE a.rmt_hitm_pct END AS remote_pct,
           CASE c.metric WHEN 'peer' THEN a.lcl_peer_pct ELSE a.lcl_hitm_pct END AS local_pct
    FROM c2c_accesses a
    JOIN captures c ON c.capture_id = a.capture_id
),
estimated AS (
    SELECT a.*,
           (coalesce(a.remote_pct, 0) * coalesce(l.remote, 0)
            + coalesce(a.local_pct, 0) * coalesce(l.lcl, 0)
            + coalesce(a.store_l1hit_pct, 0) * coalesce(l.store_l1hit, 0)
            + coalesce(a.store_l1miss_pct, 0) * coalesce(l.store_l1miss, 0)
            + coalesce(a.store_na_pct, 0) * coalesce(l.store_na, 0)
            + coalesce(a.tot_peer_pct, 0) * coalesce(l.tot_peer, 0)) / 100.0 AS est_samples
    FROM access_metric a
    LEFT JOIN line_metric l ON l.capture_id = a.capture_id AND l.line_index = a.line_index
),
ranked_accesses AS (
    SELECT *,
           row_number() OVER (PARTITION BY capture_id, line_index
                              ORDER BY est_samples DESC, row_in_line) AS pos
    FROM estimated
),
access_counts AS (
    SELECT capture_id, line_index, count(*) AS accessor_count
    FROM c2c_accesses
    GROUP BY capture_id, line_index
)
SELECT l.capture_id, l.path, l.metric, l.line_rank, l.line_index, l.address,
       l.total, l.remote, l.lcl, l.perf_pct, CASE WHEN l.perf_pct IS NOT NULL THEN l.pct_of END AS perf_pct_of,
       l.share_of_listed, l.total_records, l.loads, l.stores, l.node,
       coalesce(n.accessor_count, 0) AS accessor_count,
       a.row_in_line, a."offset", a.offset_node, a.pa_count, a.pid, a.tid, a.code_address,
       a.symbol, a.privilege, a.object, a.source_line, a.remote_pct, a.local_pct,
       a.store_l1hit_pct, a.store_l1miss_pct, a.store_na_pct, a.cycles_rmt, a.cycles_lcl, a.cycles_load,
       a.total_records AS accessor_records, a.cpu_count, a.nodes, a.est_samples, a.source_line_no
FROM ranked_lines l
LEFT JOIN access_counts n ON n.capture_id = l.capture_id AND n.line_index = l.line_index
LEFT JOIN ranked_accesses a
       ON a.capture_id = l.capture_id AND a.line_index = l.line_index AND a.pos <= $2
WHERE l.line_rank <= $1
ORDER BY l.capture_id, l.line_rank, a.pos
