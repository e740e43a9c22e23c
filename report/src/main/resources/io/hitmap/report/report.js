// SPDX-License-Identifier: Apache-2.0
// Draws the hitmap report from the JSON block #hitmap-data. Every value from a trace reaches the
// page as a text node or a property (textContent, title): never as markup.
'use strict';
(function () {
  const data = JSON.parse(document.getElementById('hitmap-data').textContent);
  const S = data.strings || [];
  const STRINGS = new Set(data.string_fields || []);
  const PAGE = 300;

  function decode(fields, row) {
    const o = {};
    for (let i = 0; i < fields.length; i++) {
      const v = row[i];
      o[fields[i]] = STRINGS.has(fields[i]) && v !== null ? S[v] : v;
    }
    return o;
  }

  const lines = (data.lines || []).map(function (row) {
    const l = decode(data.line_fields, row);
    l.accessors = row[data.line_fields.length].map(function (a) { return decode(data.accessor_fields, a); });
    l.id = 'line-' + l.capture + '-' + l.index;
    l.share_text = l.share_basis ? num(l.share, 2) + '% ' + l.share_basis : null;
    l.top = l.accessors.length ? l.accessors[0].symbol : null;
    l.search = [l.address, l.class, l.secondary, l.victims].concat(
      l.accessors.map(function (a) { return a.symbol + ' ' + a.source + ' ' + a.object; })).join(' ').toLowerCase();
    return l;
  });
  const captures = data.captures || [];
  const byCapture = {};
  captures.forEach(function (c) { byCapture[c.id] = c; });

  function el(tag, props) {
    const e = document.createElement(tag);
    if (props) {
      for (const k in props) {
        if (k === 'class') e.className = props[k];
        else if (k === 'text') e.textContent = props[k];
        else if (k === 'on') { for (const ev in props.on) e.addEventListener(ev, props.on[ev]); }
        else e[k] = props[k];
      }
    }
    for (let i = 2; i < arguments.length; i++) add(e, arguments[i]);
    return e;
  }
  function add(parent, child) {
    if (child === null || child === undefined) return;
    if (Array.isArray(child)) child.forEach(function (c) { add(parent, c); });
    else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  function num(v, digits) {
    if (v === null || v === undefined) return '-';
    return digits === undefined ? String(v) : Number(v).toFixed(digits);
  }
  function metricName(c) { return c && c.metric === 'peer' ? 'peer' : 'HITM'; }
  function hex(o) { return o === null || o === undefined ? '-' : '0x' + o.toString(16); }
  function clsTag(cls) {
    return cls ? el('span', { class: 'cls cls-' + cls.replace(/[^a-z-]/g, ''), text: cls }) : el('span', { class: 'muted', text: '-' });
  }
  function section(id, title) {
    const s = el('section', { id: id }, el('h2', { text: title }));
    document.getElementById('main').appendChild(s);
    document.getElementById('nav').appendChild(el('a', { href: '#' + id, text: title }));
    return s;
  }

  // ---------- summary ----------
  function summary() {
    const s = section('summary', 'Summary');
    const sub = captures.map(function (c) { return c.path; }).join(', ');
    document.getElementById('subtitle').textContent = sub;
    captures.forEach(function (c) {
      const m = metricName(c);
      let words;
      if (c.stats_only) {
        words = 'statistics only (perf c2c report --stats): ' + (c.totals || []).map(function (t) { return t[0] + ' ' + t[1]; }).join(', ') + '.';
      } else {
        words = c.line_count + (c.line_count === 1 ? ' contended line, ' : ' contended lines, ') + c.total + ' ' + m
          + (c.remote !== null ? ' (' + c.remote + ' remote, ' + c.local + ' local)' : '') + ' in the lines listed.';
      }
      s.appendChild(el('p', { class: 'finding' }, el('b', { text: 'Capture ' + c.id + ' ' }), el('code', { text: c.path }), ': ' + words));
      lines.filter(function (l) { return l.capture === c.id && l.rank <= 3; }).forEach(function (l) { s.appendChild(finding(l, c)); });
    });
    if (data.diff) s.appendChild(el('p', { class: 'finding' }, el('b', { text: 'Before → after: ' }), data.diff.summary));
  }
  function finding(l, c) {
    const p = el('p', { class: 'finding' });
    add(p, [el('b', { text: '#' + l.rank + ' ' }), el('a', { href: '#' + l.id, text: 'line ' + l.index, on: { click: reveal(l.id) } }),
      (l.address ? ' (' + l.address + ')' : '') + ': ' + num(l.total) + ' ' + metricName(c) + (l.share_text ? ', ' + l.share_text : '') + '. ']);
    if (l.class) {
      add(p, [clsTag(l.class), l.confidence === null ? '' : ' confidence ' + num(l.confidence, 2), l.evidence ? ': ' + l.evidence + '. ' : '. ']);
      if (l.confidence === null && l.top) add(p, 'Top accessor ' + l.top + '.');
      if (l.secondary) add(p, [' Also ', clsTag(l.secondary), l.victims ? ': ' + l.victims + '.' : '.']);
      if (l.remedy) add(p, [el('br'), el('span', { class: 'remedy', text: 'Remedy: ' + l.remedy })]);
    } else if (l.top) {
      add(p, 'Top accessor ' + l.top + '.');
    }
    return p;
  }

  // ---------- the 64-byte map ----------
  function isWriter(a) { return (a.st_l1hit || 0) + (a.st_l1miss || 0) + (a.st_na || 0) > 0; }
  function isReader(a) { return (a.rmt || 0) + (a.lcl || 0) > 0; }
  function paint(td, w, r, share) {
    const alpha = 0.25 + 0.75 * Math.min(1, share);
    td.style.backgroundColor = w && r ? 'rgba(122,63,160,' + alpha + ')' : w ? 'rgba(200,40,40,' + alpha + ')' : 'rgba(35,95,190,' + alpha + ')';
    td.style.color = alpha > 0.55 ? '#fff' : '#000';
    td.textContent = w && r ? 'RW' : w ? 'W' : r ? 'R' : '?';
  }
  function byteMap(l) {
    const placed = l.accessors.filter(function (a) { return a.offset !== null && a.offset !== undefined; });
    if (!placed.length) return el('p', { class: 'note', text: 'No offsets in this capture (perf printed no Offset column), so the bytes of the line cannot be drawn.' });
    const size = placed.some(function (a) { return a.offset >= 64; }) ? 128 : 64;
    const est = placed.reduce(function (t, a) { return t + (a.est || 0); }, 0) || 1;
    const t = el('table', { class: 'bytemap' });
    const head = el('tr', null, el('th', null));
    for (let o = 0; o < size; o += 8) head.appendChild(el('th', { class: 'word', colSpan: 8, text: hex(o) }));
    t.appendChild(head);
    const all = { w: {}, r: {}, share: {} };
    placed.forEach(function (a) {
      all.w[a.offset] = all.w[a.offset] || isWriter(a);
      all.r[a.offset] = all.r[a.offset] || isReader(a);
      all.share[a.offset] = (all.share[a.offset] || 0) + (a.est || 0) / est;
    });
    function row(label, cls, at) {
      const tr = el('tr', { class: cls }, el('td', { class: 'label', text: label, title: label }));
      for (let o = 0; o < size; o++) {
        const td = el('td', { class: o % 8 === 0 ? 'b word' : 'b' });
        const hit = at(o);
        if (hit) { paint(td, hit.w, hit.r, hit.share); td.title = hex(o) + ': ' + hit.title; }
        tr.appendChild(td);
      }
      t.appendChild(tr);
    }
    row('all accessors', 'all', function (o) {
      if (all.share[o] === undefined) return null;
      return { w: all.w[o], r: all.r[o], share: all.share[o], title: (all.share[o] * 100).toFixed(1) + '% of the estimated samples' };
    });
    placed.slice().sort(function (a, b) { return a.offset - b.offset || b.est - a.est; }).forEach(function (a) {
      const label = a.symbol + (a.source ? '  ' + a.source : '');
      row(label, 'acc', function (o) {
        return o === a.offset ? { w: isWriter(a), r: isReader(a), share: (a.est || 0) / est, title: label + ', ' + ((a.est || 0) / est * 100).toFixed(1) + '%' } : null;
      });
    });
    const offsets = Object.keys(all.share).length;
    const writers = Object.keys(all.w).filter(function (o) { return all.w[o]; }).length;
    const note = offsets > 1 && writers > 0
      ? offsets + ' offsets touched, ' + writers + ' written: accessors of different fields share the line.'
      : offsets + (offsets === 1 ? ' offset touched.' : ' offsets touched.');
    return el('div', { class: 'bytemap-wrap' }, t, el('p', { class: 'legend note' },
      el('span', null, el('span', { class: 'swatch w' }), 'W writes (stores)'),
      el('span', null, el('span', { class: 'swatch r' }), 'R reads (HITM loads)'),
      el('span', null, el('span', { class: 'swatch rw' }), 'RW both'),
      'darker = larger share of the line\'s estimated samples. Where a field starts is known, its width is not. ' + note));
  }

  // ---------- lines table ----------
  const ACCESSOR_COLUMNS = [
    ['offset', 'offset', function (a) { return hex(a.offset); }, 'num'],
    ['symbol', 'symbol', null, 'sym'], ['source', 'source:line', null, 'sym'], ['object', 'object', null, ''],
    ['code', 'code address', null, 'mono'], ['pid', 'pid', null, 'num'], ['tid', 'tid', null, 'num'],
    ['rmt', 'rmt %', null, 'num'], ['lcl', 'lcl %', null, 'num'],
    ['st_l1hit', 'st L1hit %', null, 'num'], ['st_l1miss', 'st L1miss %', null, 'num'], ['st_na', 'st N/A %', null, 'num'],
    ['cyc_rmt', 'cyc rmt', null, 'num'], ['cyc_lcl', 'cyc lcl', null, 'num'], ['cyc_load', 'cyc load', null, 'num'],
    ['cpus', 'cpus', null, 'num'], ['nodes', 'nodes', null, ''], ['est', 'est samples', null, 'num']];

  function accessorTable(l) {
    const t = el('table', { class: 'accessors' });
    t.appendChild(el('tr', null, ACCESSOR_COLUMNS.map(function (c) { return el('th', { class: c[3] === 'num' ? 'num' : '', text: c[1] }); })));
    l.accessors.forEach(function (a) {
      t.appendChild(el('tr', null, ACCESSOR_COLUMNS.map(function (c) {
        const v = c[2] ? c[2](a) : a[c[0]];
        return el('td', { class: c[3], text: v === null || v === undefined ? '-' : String(v) });
      })));
    });
    return t;
  }
  function detail(l) {
    const c = byCapture[l.capture];
    const box = el('div', null);
    box.appendChild(finding(l, c));
    if (l.remote_share !== null) {
      add(box, el('p', { class: 'note', text: 'remote share ' + num(l.remote_share * 100, 1) + '%'
        + (l.store_share !== null ? ', stores ' + num(l.store_share * 100, 1) + '% of the accesses' : '')
        + (l.nodes ? ', nodes ' + l.nodes : '') + (l.max_cpus !== null ? ', up to ' + l.max_cpus + ' CPUs per accessor' : '') }));
    }
    add(box, [el('h3', { text: 'The line\'s bytes' }), byteMap(l),
      el('h3', { text: 'Accessors (' + l.accessors.length + ' of ' + l.accessor_count + ')' }), accessorTable(l)]);
    return box;
  }

  const LINE_COLUMNS = [
    ['rank', '#', 'num'], ['capture', 'capture', 'num'], ['index', 'line', 'num'], ['address', 'address', 'mono'],
    ['total', 'total', 'num'], ['remote', 'remote', 'num'], ['local', 'local', 'num'], ['share', 'share %', 'num'],
    ['class', 'class', ''], ['confidence', 'confidence', 'num'], ['accessor_count', 'accessors', 'num'], ['top', 'top accessor', 'sym']];
  const state = { key: null, dir: 1, filter: '', cls: '', open: new Set(), all: false };
  let tbody, shown;

  function linesSection() {
    const s = section('lines', 'Contended lines');
    if (!lines.length) { s.appendChild(el('p', { text: 'No contended lines in these captures.' })); return; }
    const search = el('input', { type: 'search', id: 'filter', placeholder: 'filter: symbol, source, address, class', on: { input: function () { state.filter = search.value.toLowerCase(); render(); } } });
    const classes = Array.from(new Set(lines.map(function (l) { return l.class || 'unclassified'; }))).sort();
    const select = el('select', { id: 'class-filter', on: { change: function () { state.cls = select.value; render(); } } },
      el('option', { value: '', text: 'all classes' }), classes.map(function (c) { return el('option', { value: c, text: c }); }));
    shown = el('span', { class: 'muted', id: 'shown' });
    s.appendChild(el('div', { class: 'controls' }, search, select, shown));
    const t = el('table', { id: 'lines-table' });
    const head = el('tr', null, el('th', null));
    LINE_COLUMNS.forEach(function (c) {
      const th = el('th', { class: 'sortable ' + (c[2] === 'num' ? 'num' : ''), text: c[1], on: { click: function () { sortBy(c[0]); } } });
      th.dataset.key = c[0];
      head.appendChild(th);
    });
    t.appendChild(el('thead', null, head));
    tbody = el('tbody', null);
    t.appendChild(tbody);
    s.appendChild(t);
    s.appendChild(el('p', { class: 'note', text: 'Click a heading to sort, a row\'s ▸ to see its accessors and its bytes.' }));
    render();
  }
  function sortBy(key) {
    state.dir = state.key === key ? -state.dir : (key === 'rank' || key === 'capture' || key === 'index' || key === 'address' || key === 'class' || key === 'top' ? 1 : -1);
    state.key = key;
    document.querySelectorAll('#lines-table th.sortable').forEach(function (th) {
      if (th.dataset.key === key) th.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
    render();
  }
  function compare(a, b) {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  }
  function visible() {
    let ls = lines.filter(function (l) {
      return (!state.filter || l.search.indexOf(state.filter) >= 0) && (!state.cls || (l.class || 'unclassified') === state.cls);
    });
    if (state.key) {
      const k = state.key, d = state.dir;
      ls = ls.slice().sort(function (a, b) {
        const c = compare(a[k], b[k]);
        if (a[k] === null || b[k] === null) return c;
        return c * d || a.capture - b.capture || a.rank - b.rank;
      });
    }
    return ls;
  }
  function render() {
    const ls = visible();
    const n = state.all ? ls.length : Math.min(ls.length, PAGE);
    tbody.textContent = '';
    for (let i = 0; i < n; i++) {
      const l = ls[i];
      const open = state.open.has(l.id);
      const btn = el('button', { class: 'expand', type: 'button', text: open ? '▾' : '▸', title: 'accessors and bytes of line ' + l.index });
      btn.setAttribute('aria-expanded', String(open));
      btn.addEventListener('click', function () { toggle(l.id); });
      const tr = el('tr', { id: l.id, class: 'line-row' + (open ? ' open' : '') }, el('td', null, btn), LINE_COLUMNS.map(function (c) {
        if (c[0] === 'class') return el('td', null, clsTag(l.class));
        const v = l[c[0]];
        const text = c[0] === 'share' || c[0] === 'confidence' ? num(v, 2) : v === null || v === undefined ? '-' : String(v);
        return el('td', { class: c[2], text: text });
      }));
      tbody.appendChild(tr);
      if (open) tbody.appendChild(el('tr', { class: 'detail' }, el('td', { colSpan: LINE_COLUMNS.length + 1 }, detail(l))));
    }
    shown.textContent = '';
    add(shown, (n < ls.length ? 'showing ' + n + ' of ' : '') + ls.length + ' of ' + lines.length + ' lines ');
    if (n < ls.length) add(shown, el('button', { type: 'button', id: 'show-all', text: 'show all', on: { click: function () { state.all = true; render(); } } }));
  }
  function toggle(id) {
    if (state.open.has(id)) state.open.delete(id); else state.open.add(id);
    render();
  }
  function reveal(id) {
    return function (ev) {
      ev.preventDefault();
      if (!document.getElementById(id)) { state.filter = ''; state.cls = ''; state.all = true; document.getElementById('filter').value = ''; document.getElementById('class-filter').value = ''; }
      state.open.add(id);
      render();
      const row = document.getElementById(id);
      if (row) row.scrollIntoView({ block: 'center' });
    };
  }

  // ---------- hot lines: the bytes of the top lines ----------
  function hotLines() {
    const hot = lines.filter(function (l) {
      return l.rank <= 3 && l.accessors.some(function (a) { return a.offset !== null && a.offset !== undefined; });
    });
    if (!hot.length) return;
    const s = section('bytes', 'Hot lines, byte by byte');
    s.appendChild(el('p', { class: 'note', text: 'The top lines of each capture: which offsets are written and read, by whom. Different code writing and reading different offsets of one line is false sharing.' }));
    hot.forEach(function (l) {
      add(s, [el('h3', null, 'capture ' + l.capture + ' · line ' + l.index + (l.address ? ' (' + l.address + ') ' : ' '), clsTag(l.class)), byteMap(l)]);
    });
  }

  // ---------- node and CPU distribution ----------
  function simpleTable(columns, rows) {
    const t = el('table', null, el('tr', null, columns.map(function (c) { return el('th', { class: c[2] || '', text: c[1] }); })));
    rows.forEach(function (r) {
      t.appendChild(el('tr', null, columns.map(function (c) {
        const v = r[c[0]];
        return v instanceof Node ? el('td', { class: c[2] || '' }, v) : el('td', { class: c[2] || '', text: v === null || v === undefined ? '-' : String(v) });
      })));
    });
    return t;
  }
  function bar(fraction, cls) {
    const b = el('div', { class: 'bar' + (cls ? ' ' + cls : '') });
    b.style.width = Math.max(0, Math.min(100, fraction * 100)).toFixed(1) + '%';
    return el('div', { class: 'barcell' }, b);
  }
  function distribution() {
    const dist = data.distribution || [];
    const withLines = captures.filter(function (c) { return !c.stats_only; });
    if (!withLines.length) return;
    const s = section('distribution', 'Nodes and CPUs');
    s.appendChild(el('p', { class: 'note', text: 'Remote vs local ' + 'HITM (or peer) per capture, then the NUMA nodes and CPUs its accessors ran on. An accessor that ran on several nodes or CPUs has its estimated samples split evenly among them; only the accessors listed in this report count.' }));
    withLines.forEach(function (c) {
      add(s, el('h3', { text: 'capture ' + c.id + ' ' + c.path }));
      if (c.remote !== null && c.total) {
        const st = el('div', { class: 'stack' }, el('div'), el('div'));
        st.firstChild.style.width = (c.remote / c.total * 100).toFixed(1) + '%';
        st.lastChild.style.width = (c.local / c.total * 100).toFixed(1) + '%';
        add(s, el('p', null, st, 'remote ' + c.remote + ' (' + (c.remote / c.total * 100).toFixed(1) + '%), local ' + c.local + ' ' + metricName(c)));
      }
      const grid = el('div', { class: 'grid2' });
      ['node', 'cpu'].forEach(function (kind) {
        const rows = dist.filter(function (d) { return d.capture === c.id && d.kind === kind; });
        const box = el('div', null, el('h3', { text: kind === 'node' ? 'NUMA nodes' : 'CPUs' }));
        if (!rows.length) box.appendChild(el('p', { class: 'note', text: kind === 'node' ? 'No node lists in this capture.' : 'No CPU lists in this capture (perf c2c report -NN prints them).' }));
        else {
          const max = Math.max.apply(null, rows.map(function (d) { return d.est; })) || 1;
          box.appendChild(simpleTable([['key', kind, 'num'], ['accessors', 'accessors', 'num'], ['est', 'est samples', 'num'], ['bar', '', '']],
            rows.map(function (d) { return { key: d.key, accessors: d.accessors, est: num(d.est, 1), bar: bar(d.est / max) }; })));
        }
        grid.appendChild(box);
      });
      s.appendChild(grid);
    });
  }

  // ---------- diff ----------
  function diffSection() {
    const d = data.diff;
    if (!d) return;
    const s = section('diff', 'Before → after');
    add(s, el('p', null, 'before: capture ' + d.before.id + ' ', el('code', { text: d.before.path }), ' · after: capture ' + d.after.id + ' ', el('code', { text: d.after.path }),
      ' · lines matched by accessor fingerprint, score ≥ ' + num(d.min_score, 2)));
    const t = el('table', { id: 'diff-table' }, el('tr', null, ['status', 'before', 'after', 'score', 'before ' + d.metric, 'after ' + d.metric, 'change', 'change %', 'share before', 'share after', 'class before', 'class after', 'top accessor'].map(function (h, i) {
      return el('th', { class: i >= 3 && i <= 9 ? 'num' : '', text: h });
    })));
    d.rows.forEach(function (r) {
      const link = function (cap, line) {
        return line === null ? el('span', { class: 'muted', text: '-' }) : el('a', { href: '#line-' + cap + '-' + line, text: 'line ' + line, on: { click: reveal('line-' + cap + '-' + line) } });
      };
      const change = el('td', { class: 'num ' + (r.delta > 0 ? 'up' : r.delta < 0 ? 'down' : ''), text: (r.delta > 0 ? '+' : '') + r.delta });
      const pct = el('td', { class: 'num ' + (r.delta > 0 ? 'up' : r.delta < 0 ? 'down' : ''), text: r.delta_pct === null ? '-' : (r.delta_pct > 0 ? '+' : '') + num(r.delta_pct, 2) + '%' });
      t.appendChild(el('tr', { class: 'diff-' + r.status },
        el('td', { text: r.status }), el('td', null, link(d.before.id, r.before_line)), el('td', null, link(d.after.id, r.after_line)),
        el('td', { class: 'num', text: num(r.score, 2) }), el('td', { class: 'num', text: num(r.before_total) }), el('td', { class: 'num', text: num(r.after_total) }),
        change, pct, el('td', { class: 'num', text: num(r.before_share, 2) }), el('td', { class: 'num', text: num(r.after_share, 2) }),
        el('td', null, clsTag(r.before_class)), el('td', null, clsTag(r.after_class)), el('td', { class: 'sym', text: r.symbol || '-' })));
      if (r.accessors.length) {
        const inner = simpleTable([['status', 'accessor'], ['symbol', 'symbol', 'sym'], ['source', 'source:line', 'sym'], ['offset', 'offset', 'num'], ['before', 'weight before', 'num'], ['after', 'weight after', 'num']],
          r.accessors.map(function (a) {
            return { status: a.status, symbol: a.symbol, source: a.source, offset: hex(a.offset), before: a.before_weight === null ? '-' : num(a.before_weight * 100, 1) + '%', after: a.after_weight === null ? '-' : num(a.after_weight * 100, 1) + '%' };
          }));
        t.appendChild(el('tr', { class: 'detail' }, el('td', { colSpan: 13 }, inner)));
      }
    });
    s.appendChild(t);
    s.appendChild(el('p', { class: 'finding' }, d.summary));
  }

  // ---------- profile hotspots ----------
  function hotspots() {
    const h = data.hotspots;
    if (!h || !h.rows.length) return;
    const s = section('hotspots', 'Profile hotspots');
    s.appendChild(simpleTable(h.columns.map(function (c) { return [c, c, '']; }), h.rows.map(function (r) {
      const o = {};
      h.columns.forEach(function (c, i) { o[c] = r[i]; });
      return o;
    })));
  }

  summary();
  hotLines();
  linesSection();
  diffSection();
  distribution();
  hotspots();
  document.body.dataset.ready = 'true';
})();
