-- SPDX-License-Identifier: Apache-2.0
-- Contended cache lines ranked per capture, each with its top accessors; read by ContendedLines.
-- Parameters: 1 = lines per capture, 2 = accessors per line.
-- One row per (line, accessor); a line without accessors gives one row with NULL accessor columns.
--
-- total/remote/local: the capture's metric. 'hitm' captures use tot_hitm/rmt_hitm/lcl_hitm,
--   'peer' captures (Arm SPE) use tot_peer/rmt_peer/lcl_peer. When perf printed no total
--   (pareto-only layouts give just remote and local) the total is remote + local.
-- rank: 1 = largest total in the capture; equal totals keep perf's order (lower line_index first).
-- share: 100 * line total / sum of the totals of all the capture's lines (NULL when that sum is 0).
-- accessors: ordered by remote% + local% of the capture's metric (NULL counts as 0) descending,
--   then row_in_line; accessor_count counts all of them.
WITH line_metric AS (
    SELECT l.capture_id, c.path, c.metric, l.line_index, l.address, l.node,
           l.total_records, l.loads, l.stores,
           CASE c.metric WHEN 'peer' THEN coalesce(l.tot_peer, l.rmt_peer + l.lcl_peer)
                         ELSE coalesce(l.tot_hitm, l.rmt_hitm + l.lcl_hitm) END AS total,
           CASE c.metric WHEN 'peer' THEN l.rmt_peer ELSE l.rmt_hitm END AS remote,
           CASE c.metric WHEN 'peer' THEN l.lcl_peer ELSE l.lcl_hitm END AS lcl
    FROM c2c_lines l
    JOIN captures c ON c.capture_id = l.capture_id
),
ranked_lines AS (
    SELECT *,
           row_number() OVER (PARTITION BY capture_id ORDER BY total DESC NULLS LAST, line_index) AS line_rank,
           100.0 * CAST(total AS DOUBLE)
               / nullif(CAST(sum(total) OVER (PARTITION BY capture_id) AS DOUBLE), 0) AS share
    FROM line_metric
),
access_metric AS (
    SELECT a.*,
           CASE c.metric WHEN 'peer' THEN a.rmt_peer_pct ELSE a.rmt_hitm_pct END AS remote_pct,
           CASE c.metric WHEN 'peer' THEN a.lcl_peer_pct ELSE a.lcl_hitm_pct END AS local_pct
    FROM c2c_accesses a
    JOIN captures c ON c.capture_id = a.capture_id
),
ranked_accesses AS (
    SELECT *,
           row_number() OVER (PARTITION BY capture_id, line_index
                              ORDER BY coalesce(remote_pct, 0) + coalesce(local_pct, 0) DESC, row_in_line) AS pos
    FROM access_metric
),
access_counts AS (
    SELECT capture_id, line_index, count(*) AS accessor_count
    FROM c2c_accesses
    GROUP BY capture_id, line_index
)
SELECT l.capture_id, l.path, l.metric, l.line_rank, l.line_index, l.address,
       l.total, l.remote, l.lcl, l.share, l.total_records, l.loads, l.stores, l.node,
       coalesce(n.accessor_count, 0) AS accessor_count,
       a.row_in_line, a."offset", a.symbol, a.privilege, a.object, a.source_line,
       a.remote_pct, a.local_pct, a.store_l1hit_pct, a.store_l1miss_pct, a.cpu_count, a.nodes, a.pid, a.tid
FROM ranked_lines l
LEFT JOIN access_counts n ON n.capture_id = l.capture_id AND n.line_index = l.line_index
LEFT JOIN ranked_accesses a
       ON a.capture_id = l.capture_id AND a.line_index = l.line_index AND a.pos <= $2
WHERE l.line_rank <= $1
ORDER BY l.capture_id, l.line_rank, a.pos
