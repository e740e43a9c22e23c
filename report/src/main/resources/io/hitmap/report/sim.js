// SPDX-License-Identifier: Apache-2.0
// Simulator results (hitmap sim --format json given with --sim): scaling curves per strategy as an
// inline SVG built node by node, and the memory each strategy costs (a fragment of the page's
// script: see report.js).

  // ---------- simulator results ----------
  // Paul Tol's 'muted' scheme (colour-blind safe) and black; markers and dashes tell the lines apart too
  const SIM_COLOURS = ['#332288', '#CC6677', '#117733', '#DDCC77', '#88CCEE', '#882255', '#44AA99', '#999933', '#AA4499', '#000000'];
  const SIM_DASHES = ['', '6 3', '2 3', '8 3 2 3'];
  const SIM_METRICS = [
    ['eff', 'scaling efficiency %', function (r) { return r.eff; }],
    ['mops', 'throughput (Mops/s)', function (r) { return r.mops; }],
    ['hitm', 'HITMs per operation (local + remote)', function (r) { return r.lcl_hitm_per_op + r.rmt_hitm_per_op; }]];

  function simRows() {
    const sim = data.sim;
    return sim ? sim.rows.map(function (row) { return decode(sim.fields, row); }) : [];
  }
  function simStrategies(rows) {
    const out = [];
    rows.forEach(function (r) { if (out.indexOf(r.strategy) < 0) out.push(r.strategy); });
    return out;
  }
  function svg(tag, attrs) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    for (let i = 2; i < arguments.length; i++) if (arguments[i] !== null) e.appendChild(arguments[i]);
    return e;
  }
  function svgText(x, y, text, attrs) {
    const t = svg('text', Object.assign({ x: x, y: y }, attrs || {}));
    t.textContent = text;
    return t;
  }
  function marker(shape, x, y, colour) {
    const r = 3.5;
    if (shape === 0) return svg('circle', { cx: x, cy: y, r: r, fill: colour });
    if (shape === 1) return svg('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill: colour });
    if (shape === 2) return svg('path', { d: 'M' + x + ',' + (y - r - 1) + 'l' + (r + 1) + ',' + (2 * r + 1) + 'h' + (-2 * r - 2) + 'z', fill: colour });
    return svg('path', { d: 'M' + x + ',' + (y - r - 1) + 'l' + (r + 1) + ',' + (r + 1) + 'l' + (-r - 1) + ',' + (r + 1) + 'l' + (-r - 1) + ',' + (-r - 1) + 'z', fill: colour });
  }

  /** One line per strategy of metric m against the CPU count (log scale: the counts double), labelled at its end. */
  function simChart(rows, m) {
    const W = 860, H = 380, L = 64, R = 170, T = 16, B = 46;
    const strategies = simStrategies(rows);
    const cpus = Array.from(new Set(rows.map(function (r) { return r.cpus; }))).sort(function (a, b) { return a - b; });
    const value = m[2];
    const step = niceStep(Math.max(m[0] === 'eff' ? 100 : 0, Math.max.apply(null, rows.map(value))) / 4);
    const max = step * Math.ceil(Math.max(m[0] === 'eff' ? 100 : 0, Math.max.apply(null, rows.map(value))) / step) || 1;
    const lx = Math.log(cpus[0]), hx = Math.log(cpus[cpus.length - 1]);
    const x = function (c) { return L + (hx === lx ? 0.5 : (Math.log(c) - lx) / (hx - lx)) * (W - L - R); };
    const y = function (v) { return T + (1 - v / max) * (H - T - B); };
    const g = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'sim-chart', role: 'img' });
    g.appendChild(svg('title', null)).textContent = m[1] + ' by CPU count, one line per strategy';
    for (let v = 0; v <= max + step / 2; v += step) {
      g.appendChild(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }));
      g.appendChild(svgText(L - 6, y(v) + 4, String(Number(v.toPrecision(6))), { 'text-anchor': 'end', class: 'tick' }));
    }
    cpus.forEach(function (c) {
      g.appendChild(svg('line', { x1: x(c), x2: x(c), y1: T, y2: H - B, class: 'grid' }));
      g.appendChild(svgText(x(c), H - B + 16, String(c), { 'text-anchor': 'middle', class: 'tick' }));
    });
    g.appendChild(svgText((L + W - R) / 2, H - 8, 'CPUs', { 'text-anchor': 'middle', class: 'axis' }));
    g.appendChild(svgText(14, (T + H - B) / 2, m[1], { 'text-anchor': 'middle', class: 'axis', transform: 'rotate(-90 14 ' + (T + H - B) / 2 + ')' }));
    const ends = [];
    strategies.forEach(function (s, i) {
      const colour = SIM_COLOURS[i % SIM_COLOURS.length];
      const pts = rows.filter(function (r) { return r.strategy === s; }).sort(function (a, b) { return a.cpus - b.cpus; });
      const series = svg('g', { class: 'series', 'data-strategy': s });
      series.appendChild(svg('polyline', { points: pts.map(function (r) { return x(r.cpus) + ',' + y(value(r)); }).join(' '),
        fill: 'none', stroke: colour, 'stroke-width': 2, 'stroke-dasharray': SIM_DASHES[Math.floor(i / 3) % SIM_DASHES.length] }));
      pts.forEach(function (r) {
        const p = marker(i % 4, x(r.cpus), y(value(r)), colour);
        p.appendChild(svg('title', null)).textContent = s + ', ' + r.cpus + ' CPUs: ' + m[1] + ' ' + num(value(r), 2);
        series.appendChild(p);
      });
      g.appendChild(series);
      if (pts.length) ends.push({ s: s, colour: colour, y: y(value(pts[pts.length - 1])) });
    });
    // labels at the lines' ends, pushed apart so that lines ending together stay readable
    ends.sort(function (a, b) { return a.y - b.y; });
    for (let k = 1; k < ends.length; k++) ends[k].ly = Math.max(ends[k].y, (ends[k - 1].ly || ends[k - 1].y) + 13);
    if (ends.length) ends[0].ly = ends[0].y;
    const over = ends.length ? ends[ends.length - 1].ly - (H - 4) : 0;
    ends.forEach(function (e) {
      const ly = over > 0 ? e.ly - over : e.ly;
      g.appendChild(svg('line', { x1: W - R + 2, x2: W - R + 10, y1: e.y, y2: ly, stroke: e.colour, class: 'leader' }));
      const label = svg('g', { class: 'end' }); // the title holds a name cut short
      label.appendChild(svg('title', null)).textContent = e.s;
      label.appendChild(svgText(W - R + 13, ly + 4, e.s.length > 22 ? e.s.slice(0, 21) + '…' : e.s, { fill: e.colour, class: 'end-label' }));
      g.appendChild(label);
    });
    return g;
  }

  /** A step of 1, 2, 2.5 or 5 times a power of ten, at least x: round tick values. */
  function niceStep(x) {
    if (!(x > 0)) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(x)));
    return p * [1, 2, 2.5, 5, 10].find(function (k) { return k * p >= x; });
  }

  function simSection() {
    const rows = simRows();
    if (!rows.length) return;
    const s = section('sim', 'Simulated strategies');
    add(s, el('p', { class: 'note' }, 'From ', el('code', { text: data.sim.path }),
      ' (hitmap sim --format json): what each reference-counting strategy would do on the model machine as the CPU count grows. '
      + 'Predictions, not measurements.'));
    const holder = el('div', { class: 'sim-chart-box' });
    const select = el('select', { id: 'sim-metric', on: { change: function () { holder.textContent = ''; holder.appendChild(simChart(rows, SIM_METRICS[select.selectedIndex])); } } },
      SIM_METRICS.map(function (m) { return el('option', { value: m[0], text: m[1] }); }));
    holder.appendChild(simChart(rows, SIM_METRICS[0]));
    const strategies = simStrategies(rows);
    const legend = el('p', { class: 'legend note sim-legend' }, strategies.map(function (st, i) {
      const sw = el('span', { class: 'swatch' });
      sw.style.backgroundColor = SIM_COLOURS[i % SIM_COLOURS.length];
      return el('span', null, sw, st);
    }));
    add(s, [el('div', { class: 'controls' }, el('label', null, 'Show ', select)), holder, legend]);
    add(s, [el('h3', { text: 'Memory cost' }), simMemory(rows, strategies)]);
    const all = simpleTable([['strategy', 'strategy'], ['cpus', 'CPUs', 'num'], ['l3_domains', 'L3 domains', 'num'], ['mops', 'Mops/s', 'num'],
      ['eff', 'efficiency %', 'num'], ['lcl_hitm_per_op', 'local HITM/op', 'num'], ['rmt_hitm_per_op', 'remote HITM/op', 'num'], ['cas_retries', 'CAS retries/op', 'num']], rows);
    add(s, el('details', null, el('summary', { text: 'Every simulated point (' + rows.length + ')' }), all));
  }

  /** Bytes per object and the memory of the scenario's objects, per strategy, cheapest first; per CPU count where it changes. */
  function simMemory(rows, strategies) {
    const cpus = Array.from(new Set(rows.map(function (r) { return r.cpus; }))).sort(function (a, b) { return a - b; });
    const varies = strategies.some(function (st) {
      return new Set(rows.filter(function (r) { return r.strategy === st; }).map(function (r) { return r.memory_bytes; })).size > 1;
    });
    const cols = [['strategy', 'strategy']];
    if (varies) cpus.forEach(function (c) { cols.push(['m' + c, 'memory at ' + c + ' CPUs', 'num']); });
    else cols.push(['bytes', 'bytes per object', 'num'], ['memory', 'memory' + simObjects(rows), 'num']);
    const out = strategies.map(function (st) {
      const mine = rows.filter(function (r) { return r.strategy === st; });
      const o = { strategy: st, bytes: mine[0].bytes_per_object, memory: bytes(mine[0].memory_bytes), sort: mine[mine.length - 1].memory_bytes };
      mine.forEach(function (r) { o['m' + r.cpus] = bytes(r.memory_bytes); });
      return o;
    }).sort(function (a, b) { return a.sort - b.sort; });
    return simpleTable(cols, out);
  }
  /** ' for N objects', N read off a row as memory / bytes per object, when every row agrees; else nothing. */
  function simObjects(rows) {
    const ns = new Set(rows.filter(function (r) { return r.bytes_per_object > 0; }).map(function (r) { return r.memory_bytes / r.bytes_per_object; }));
    return ns.size === 1 ? ' for ' + Array.from(ns)[0] + ' objects' : ' (the scenario\'s objects)';
  }
  function bytes(b) {
    if (b === null || b === undefined) return '-';
    return b >= 1048576 ? (b / 1048576).toFixed(1) + ' MiB' : b >= 1024 ? (b / 1024).toFixed(1) + ' KiB' : b + ' B';
  }

  /** The summary's sentence about the simulation: the best and worst efficiency at the most CPUs. */
  function simFinding() {
    const rows = simRows();
    if (!rows.length) return null;
    const most = Math.max.apply(null, rows.map(function (r) { return r.cpus; }));
    const at = rows.filter(function (r) { return r.cpus === most; }).sort(function (a, b) { return b.eff - a.eff; });
    const best = at[0], worst = at[at.length - 1];
    return el('p', { class: 'finding' }, el('b', { text: 'Simulation: ' }), 'at ' + most + ' CPUs ' + best.strategy + ' keeps ' + num(best.eff, 1)
      + '% scaling efficiency' + (worst !== best ? ', ' + worst.strategy + ' falls to ' + num(worst.eff, 1) + '%' : '') + ' (',
      el('a', { href: '#sim', text: 'curves and memory cost' }), ').');
  }
