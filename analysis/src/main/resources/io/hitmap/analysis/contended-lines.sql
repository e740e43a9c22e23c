-- SPDX-License-Identifier: Apache-2.0
-- Contended cache lines ranked per capture, each with its top accessors; read by ContendedLines.
-- Parameters: 1 = lines per capture, 2 = accessors per line, 3 = the capture_id of a perf report
--   to cost the lines with (NULL: rank by the metric alone).
-- One row per (line, accessor); a line without accessors gives one row with NULL accessor columns.
--
-- line_metrics and access_estimates are views (views/estimates.sql): the rules below are theirs.
-- verdict*: the line's class from line_classes (views/classify.sql).
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
-- profile (parameter 3): an accessor's profile_self_pct / profile_children_pct are the shares of
--   the profile's samples (its first event) that perf report gives the accessor's symbol (summed
--   over the report's rows for that symbol: commands, DSOs). Each symbol's self share is then
--   apportioned to the lines it touches in proportion to its est_samples there: est_cost_pct of an
--   accessor = self_pct * est_samples / (est_samples of that symbol over all lines of the capture),
--   and a line's est_cost_pct is the sum over its accessors: the share of all profiled time spent
--   in the functions that contend on this line, split by where their contended accesses go. With a
--   profile, lines rank by est_cost_pct (lines whose symbols the profile lacks come last), then total.
WITH estimated AS (
    SELECT * FROM access_estimates
),
line_metric AS (
    SELECT * FROM line_metrics
),
profile_section AS (
    SELECT min(section_no) AS section_no FROM profile_entries WHERE capture_id = $3
),
profile_symbols AS (
    SELECT p.symbol, sum(coalesce(p.self, p.overhead)) AS self_pct, sum(p.children) AS children_pct
    FROM profile_entries p
    JOIN profile_section s ON s.section_no = p.section_no
    WHERE p.capture_id = $3 AND p.symbol IS NOT NULL
    GROUP BY p.symbol
),
-- perf c2c cuts the symbol cell at 30 characters with its "[.] " marker (without --full-symbols):
-- a 26-character accessor symbol that the profile lacks matches the profile symbols it begins
-- (their shares summed), eg, "github.com/perfgo/perfgo/e"
matched AS (
    SELECT a.symbol,
           CASE WHEN bool_or(p.symbol = a.symbol) THEN sum(p.self_pct) FILTER (WHERE p.symbol = a.symbol)
                ELSE sum(p.self_pct) END AS self_pct,
           CASE WHEN bool_or(p.symbol = a.symbol) THEN sum(p.children_pct) FILTER (WHERE p.symbol = a.symbol)
                ELSE sum(p.children_pct) END AS children_pct
    FROM (SELECT DISTINCT symbol FROM estimated WHERE symbol IS NOT NULL) a
    JOIN profile_symbols p
      ON p.symbol = a.symbol OR (length(a.symbol) = 26 AND starts_with(p.symbol, a.symbol))
    GROUP BY a.symbol
),
costed AS (
    SELECT e.*, p.self_pct AS profile_self_pct, p.children_pct AS profile_children_pct,
           p.self_pct * e.est_samples
               / nullif(sum(e.est_samples) OVER (PARTITION BY e.capture_id, e.symbol), 0) AS est_cost_pct
    FROM estimated e
    LEFT JOIN matched p ON p.symbol = e.symbol
),
line_cost AS (
    SELECT capture_id, line_index, sum(est_cost_pct) AS est_cost_pct
    FROM costed
    GROUP BY capture_id, line_index
),
ranked_lines AS (
    SELECT m.*, c.est_cost_pct,
           row_number() OVER (PARTITION BY m.capture_id
                              ORDER BY c.est_cost_pct DESC NULLS LAST, m.total DESC NULLS LAST, m.line_index) AS line_rank
    FROM line_metric m
    LEFT JOIN line_cost c ON c.capture_id = m.capture_id AND c.line_index = m.line_index
),
ranked_accesses AS (
    SELECT *,
           row_number() OVER (PARTITION BY capture_id, line_index
                              ORDER BY est_samples DESC, row_in_line) AS pos
    FROM costed
),
access_counts AS (
    SELECT capture_id, line_index, count(*) AS accessor_count
    FROM c2c_accesses
    GROUP BY capture_id, line_index
)
SELECT l.capture_id, l.path, l.metric, l.line_rank, l.line_index, l.address,
       l.total, l.remote, l.lcl, l.perf_pct, CASE WHEN l.perf_pct IS NOT NULL THEN l.pct_of END AS perf_pct_of,
       l.share_of_listed, l.total_records, l.loads, l.stores, l.node,
       coalesce(n.accessor_count, 0) AS accessor_count, l.est_cost_pct AS line_cost_pct,
       v.class AS verdict, v.secondary AS verdict_secondary, v.confidence AS verdict_confidence,
       v.evidence AS verdict_evidence, v.victims AS verdict_victims, v.store_share, v.remote_share, v.max_cpus AS verdict_max_cpus,
       v.nodes AS verdict_nodes, v.remedy, v.sim_command,
       a.row_in_line, a."offset", a.offset_node, a.pa_count, a.pid, a.tid, a.code_address,
       a.symbol, a.privilege, a.object, a.source_line, a.remote_pct, a.local_pct,
       a.store_l1hit_pct, a.store_l1miss_pct, a.store_na_pct, a.cycles_rmt, a.cycles_lcl, a.cycles_load,
       a.total_records AS accessor_records, a.cpu_count, a.nodes, a.est_samples, a.source_line_no,
       a.profile_self_pct, a.profile_children_pct, a.est_cost_pct
FROM ranked_lines l
LEFT JOIN access_counts n ON n.capture_id = l.capture_id AND n.line_index = l.line_index
LEFT JOIN line_classes v ON v.capture_id = l.capture_id AND v.line_index = l.line_index
LEFT JOIN ranked_accesses a
       ON a.capture_id = l.capture_id AND a.line_index = l.line_index AND a.pos <= $2
WHERE l.line_rank <= $1
ORDER BY l.capture_id, l.line_rank, a.pos
