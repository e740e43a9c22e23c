-- SPDX-License-Identifier: Apache-2.0
-- Why each contended line is hot: a verdict per c2c line with its evidence and a confidence.
-- Rules (which symbols/sources are refcount atomics, plain atomics, locks) are data: the temp
-- table hitmap_rules, loaded from classify-rules.tsv and any `--rules FILE`; remedies from
-- classify-remedies.tsv (hitmap_remedies).
--
-- accessor_roles: each accessor's role, the strongest kind among the rules it matches
--   (refcount > lock > atomic), else 'other'; `writes` when it has a store share; `share` its part
--   of the line's est_samples (equal parts when the line has no counts).
-- line_classes: one row per line.
--   refcount      refcount accessors hold >= 25 % of the line (confidence = their share)
--   lock          lock accessors hold >= 25 %
--   false-sharing with offsets printed (>= 2 offsets): victims hold >= 20 % of the line's HITMs, or
--                 >= 2 offsets are each written by accessors with >= 10 % of the line
--   true-sharing  one location (source:line and offset) holds >= 80 % and it is atomic or written:
--                 one counter written from many CPUs (confidence = that share)
--   false-sharing without offsets: victims hold >= 20 % of the line's HITMs (confidence halved)
--   unclassified  none of these
--   victims: accessors that only read ('other' role, no stores) at another offset than the written
--   ones; when perf printed no offsets, readers whose source is not an atomic/lock helper on a line
--   where some accessor is atomic or writes, judged by source line alone (confidence halved).
--   Victims are weighed by their share of the line's HITMs (hitm_share), since a reader suffers
--   the HITMs; everything else by est_samples (share).
--   secondary = 'false-sharing readers' when a refcount/lock/true-sharing line also has victims
--   (>= 5 %). store_share = stores / (loads + stores) from the line's counts, else the writers'
--   share when perf printed store columns, else NULL; remote_share = remote / (remote + local).
-- (the rules are matched against the distinct values of each field, then joined back by equality:
-- a pattern taken from a table is compiled per pair, so pairs of rows x rules would cost seconds)
CREATE OR REPLACE TEMP VIEW accessor_rule_hits AS
WITH field_values AS (
    SELECT DISTINCT 'symbol' AS field, symbol AS value FROM c2c_accesses WHERE symbol IS NOT NULL
    UNION ALL
    SELECT DISTINCT 'source', source_line FROM c2c_accesses WHERE source_line IS NOT NULL
    UNION ALL
    SELECT DISTINCT 'object', object FROM c2c_accesses WHERE object IS NOT NULL
),
matched AS (
    SELECT v.field, v.value, r.kind, r.meaning
    FROM field_values v
    JOIN hitmap_rules r ON r.field = v.field AND regexp_matches(v.value, r.pattern)
)
SELECT a.capture_id, a.line_index, a.row_in_line, m.kind, m.field, m.meaning
FROM c2c_accesses a JOIN matched m ON m.field = 'symbol' AND m.value = a.symbol
UNION ALL
SELECT a.capture_id, a.line_index, a.row_in_line, m.kind, m.field, m.meaning
FROM c2c_accesses a JOIN matched m ON m.field = 'source' AND m.value = a.source_line
UNION ALL
SELECT a.capture_id, a.line_index, a.row_in_line, m.kind, m.field, m.meaning
FROM c2c_accesses a JOIN matched m ON m.field = 'object' AND m.value = a.object
;
CREATE OR REPLACE TEMP VIEW accessor_roles AS
WITH roles AS (
    SELECT e.capture_id, e.line_index, e.row_in_line, e.symbol, e.source_line, e."offset", e.nodes,
           e.cpu_count, e.est_samples,
           (coalesce(e.remote_pct, 0) * coalesce(any_value(l.remote), 0) + coalesce(e.local_pct, 0) * coalesce(any_value(l.lcl), 0)
            + coalesce(e.tot_peer_pct, 0) * coalesce(any_value(l.tot_peer), 0)) / 100.0 AS hitm_samples,
           CASE WHEN bool_or(h.kind = 'refcount') THEN 'refcount'
                WHEN bool_or(h.kind = 'lock') THEN 'lock'
                WHEN bool_or(h.kind = 'atomic') THEN 'atomic'
                ELSE 'other' END AS role,
           bool_or(h.kind = 'atomic' AND h.field = 'source') AS atomic_source,
           (coalesce(e.store_l1hit_pct, 0) + coalesce(e.store_l1miss_pct, 0) + coalesce(e.store_na_pct, 0)) > 0
               AS writes,
           e.store_l1hit_pct IS NOT NULL OR e.store_l1miss_pct IS NOT NULL OR e.store_na_pct IS NOT NULL
               AS stores_known
    FROM access_estimates e
    LEFT JOIN line_metrics l ON l.capture_id = e.capture_id AND l.line_index = e.line_index
    LEFT JOIN accessor_rule_hits h
      ON h.capture_id = e.capture_id AND h.line_index = e.line_index AND h.row_in_line = e.row_in_line
    GROUP BY e.capture_id, e.line_index, e.row_in_line, e.symbol, e.source_line, e."offset", e.nodes, e.cpu_count,
             e.est_samples, e.remote_pct, e.local_pct, e.tot_peer_pct, e.store_l1hit_pct, e.store_l1miss_pct,
             e.store_na_pct
)
SELECT *,
       CASE WHEN sum(est_samples) OVER w > 0 THEN est_samples / sum(est_samples) OVER w
            ELSE 1.0 / count(*) OVER w END AS share,
       CASE WHEN sum(hitm_samples) OVER w > 0 THEN hitm_samples / sum(hitm_samples) OVER w
            ELSE 1.0 / count(*) OVER w END AS hitm_share
FROM roles
WINDOW w AS (PARTITION BY capture_id, line_index)
;
CREATE OR REPLACE TEMP VIEW line_classes AS
WITH written AS (
    SELECT capture_id, line_index, list(DISTINCT "offset") FILTER (WHERE "offset" IS NOT NULL
               AND (writes OR role <> 'other')) AS written_offsets,
           count(DISTINCT "offset") AS offsets,
           bool_or(writes OR role <> 'other') AS has_writer
    FROM accessor_roles
    GROUP BY ALL
),
marked AS (
    SELECT a.*, w.offsets,
           a.role = 'other' AND NOT a.writes
               AND (CASE WHEN w.offsets >= 2 THEN NOT list_contains(w.written_offsets, a."offset")
                         WHEN w.offsets = 0 THEN w.has_writer
                         ELSE false END) AS victim
    FROM accessor_roles a
    JOIN written w ON w.capture_id = a.capture_id AND w.line_index = a.line_index
),
locations AS (
    SELECT capture_id, line_index, source_line, "offset", sum(share) AS share,
           bool_or(role <> 'other' OR writes) AS written,
           string_agg(DISTINCT symbol, ', ' ORDER BY symbol) AS symbols
    FROM marked
    GROUP BY ALL
),
top_location AS (
    SELECT capture_id, line_index, arg_max(source_line, share) AS source_line, arg_max("offset", share) AS "offset",
           max(share) AS share, arg_max(written, share) AS written, arg_max(symbols, share) AS symbols
    FROM locations
    GROUP BY ALL
),
-- the accessors of each role summed by symbol and source:line (and offset), the biggest first
items AS (
    SELECT capture_id, line_index, CASE WHEN victim THEN 'victim' ELSE role END AS item_role,
           printf('%s %s%s', coalesce(symbol, '?'), coalesce(source_line, '?'),
                  CASE WHEN "offset" IS NULL THEN '' ELSE printf(' @0x%x', "offset") END) AS item,
           sum(CASE WHEN victim THEN hitm_share ELSE share END) AS share
    FROM marked
    GROUP BY ALL
),
evidence AS (
    SELECT capture_id, line_index, item_role,
           array_to_string(list_slice(list(printf('%s (%.1f%%)', item, 100 * share) ORDER BY share DESC, item), 1, 4), ', ')
               || CASE WHEN count(*) > 4 THEN printf(', +%d more', count(*) - 4) ELSE '' END AS text
    FROM items
    GROUP BY ALL
),
per_line AS (
    SELECT capture_id, line_index, any_value(offsets) AS offsets,
           coalesce(sum(share) FILTER (WHERE role = 'refcount'), 0) AS refcount_share,
           coalesce(sum(share) FILTER (WHERE role = 'lock'), 0) AS lock_share,
           coalesce(sum(hitm_share) FILTER (WHERE victim), 0) AS victim_share,
           coalesce(sum(share) FILTER (WHERE role <> 'other' OR writes), 0) AS written_share,
           coalesce(sum(share) FILTER (WHERE writes), 0) AS writer_share,
           bool_or(stores_known) AS stores_known,
           bool_or(atomic_source AND role = 'refcount') AS refcount_on_atomics,

           count(DISTINCT "offset") FILTER (WHERE writes AND share >= 0.1) AS written_offsets,
           string_agg(DISTINCT printf('0x%x', "offset"), ', ') FILTER (WHERE "offset" IS NOT NULL
               AND (writes OR role <> 'other')) AS written_at,
           max(cpu_count) AS max_cpus,
           array_to_string(list_sort(list_distinct(flatten(list(string_split(trim(regexp_replace(nodes, '\{[^}]*\}', '', 'g')), ' '))
               FILTER (WHERE nodes IS NOT NULL AND trim(nodes) <> '')))), ' ') AS nodes
    FROM marked
    GROUP BY ALL
),
verdict AS (
    SELECT p.*, er.text AS refcount_evidence, el.text AS lock_evidence, ev.text AS victim_evidence,
           t.source_line AS top_source, t."offset" AS top_offset, t.share AS top_share, t.written AS top_written,
           t.symbols AS top_symbols,
           CASE WHEN p.refcount_share >= 0.25 THEN 'refcount'
                WHEN p.lock_share >= 0.25 THEN 'lock'
                WHEN p.offsets >= 2 AND (p.victim_share >= 0.2 OR p.written_offsets >= 2) THEN 'false-sharing'
                WHEN t.share >= 0.8 AND t.written THEN 'true-sharing'
                WHEN p.victim_share >= 0.2 THEN 'false-sharing'
                ELSE 'unclassified' END AS class
    FROM per_line p
    JOIN top_location t ON t.capture_id = p.capture_id AND t.line_index = p.line_index
    LEFT JOIN evidence er ON er.capture_id = p.capture_id AND er.line_index = p.line_index AND er.item_role = 'refcount'
    LEFT JOIN evidence el ON el.capture_id = p.capture_id AND el.line_index = p.line_index AND el.item_role = 'lock'
    LEFT JOIN evidence ev ON ev.capture_id = p.capture_id AND ev.line_index = p.line_index AND ev.item_role = 'victim'
)
SELECT v.capture_id, v.line_index, v.class,
       CASE WHEN v.class IN ('refcount', 'lock', 'true-sharing') AND v.victim_share >= 0.05
            THEN 'false-sharing readers' END AS secondary,
       round(CASE v.class
                 WHEN 'refcount' THEN least(1.0, v.refcount_share + CASE WHEN v.refcount_on_atomics THEN 0.1 ELSE 0 END)
                 WHEN 'lock' THEN v.lock_share
                 WHEN 'true-sharing' THEN v.top_share
                 WHEN 'false-sharing' THEN CASE WHEN v.offsets >= 2 THEN greatest(v.victim_share,
                                               CASE WHEN v.written_offsets >= 2 THEN 0.8 ELSE 0 END)
                                               ELSE 0.5 * v.victim_share END
                 ELSE NULL END, 2) AS confidence,
       CASE v.class
           WHEN 'refcount' THEN 'get/put on a reference count: ' || v.refcount_evidence
           WHEN 'lock' THEN 'lock word: ' || v.lock_evidence
           WHEN 'true-sharing' THEN printf('one location takes %.1f%% of the line: %s at %s%s, %s',
                100 * v.top_share, v.top_symbols, coalesce(v.top_source, '?'),
                CASE WHEN v.top_offset IS NULL THEN '' ELSE printf(' offset 0x%x', v.top_offset) END,
                'an atomic or written counter')
           WHEN 'false-sharing' THEN CASE WHEN v.victim_evidence IS NOT NULL
                                               THEN 'readers of other fields: ' || v.victim_evidence
                                                    || coalesce('; written at ' || v.written_at, '')
                                               ELSE printf('written at %d offsets of the line by different code', v.written_offsets) END
           ELSE NULL END AS evidence,
       CASE WHEN v.victim_share >= 0.05 THEN v.victim_evidence
                || CASE WHEN v.offsets >= 2 THEN ' at other offsets than the written ones'
                        ELSE ' (no offsets printed: judged by source line, not an atomic/lock helper)' END
            END AS victims,
       round(v.victim_share, 3) AS victim_share,
       round(CASE WHEN l.loads + l.stores > 0 THEN l.stores / (l.loads + l.stores)
                  WHEN v.stores_known THEN v.writer_share END, 3) AS store_share,
       round(CASE WHEN l.remote + l.lcl > 0 THEN l.remote / (l.remote + l.lcl) END, 3) AS remote_share,
       v.max_cpus, v.nodes,
       r.remedy, r.sim_command
FROM verdict v
LEFT JOIN line_metrics l ON l.capture_id = v.capture_id AND l.line_index = v.line_index
LEFT JOIN hitmap_remedies r ON r.class = v.class
;
