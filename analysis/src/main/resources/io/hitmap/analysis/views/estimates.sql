-- SPDX-License-Identifier: Apache-2.0
-- Per-line metric counts and per-accessor estimated samples of c2c captures, shared by the ranking
-- (contended-lines.sql), the classification (classify.sql) and the diff. The rules are documented
-- in contended-lines.sql: total/remote/lcl are HITM or peer counts per the capture's metric,
-- perf_pct perf's own share and pct_of what it is a share of; est_samples is what an accessor is
-- estimated to contribute to its line (its remote/local/store shares times the line's counts).
CREATE OR REPLACE TEMP VIEW line_metrics AS
WITH sort_on AS (
    SELECT capture_id, lower(max(value)) AS sort_on
    FROM c2c_summary
    WHERE key = 'Cachelines sort on'
    GROUP BY capture_id
)
SELECT *,
       -- the line's share of the summed totals of the lines in the capture (NULL when that sum is 0)
       100.0 * CAST(total AS DOUBLE) / nullif(CAST(sum(total) OVER (PARTITION BY capture_id) AS DOUBLE), 0)
           AS share_of_listed
FROM (
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
)
;
CREATE OR REPLACE TEMP VIEW access_estimates AS
WITH access_metric AS (
    SELECT a.*,
           CASE c.metric WHEN 'peer' THEN a.rmt_peer_pct ELSE a.rmt_hitm_pct END AS remote_pct,
           CASE c.metric WHEN 'peer' THEN a.lcl_peer_pct ELSE a.lcl_hitm_pct END AS local_pct
    FROM c2c_accesses a
    JOIN captures c ON c.capture_id = a.capture_id
)
SELECT a.*,
       (coalesce(a.remote_pct, 0) * coalesce(l.remote, 0)
        + coalesce(a.local_pct, 0) * coalesce(l.lcl, 0)
        + coalesce(a.store_l1hit_pct, 0) * coalesce(l.store_l1hit, 0)
        + coalesce(a.store_l1miss_pct, 0) * coalesce(l.store_l1miss, 0)
        + coalesce(a.store_na_pct, 0) * coalesce(l.store_na, 0)
        + coalesce(a.tot_peer_pct, 0) * coalesce(l.tot_peer, 0)) / 100.0 AS est_samples
FROM access_metric a
LEFT JOIN line_metrics l ON l.capture_id = a.capture_id AND l.line_index = a.line_index
;
