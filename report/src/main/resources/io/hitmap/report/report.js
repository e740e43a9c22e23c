// SPDX-License-Identifier: Apache-2.0
// Draws the hitmap report from the JSON block #hitmap-data. Every value from a trace reaches the
// page as a text node or a property (textContent, title) or is drawn on a canvas: never as markup.
// HtmlReport puts this file, bytemap.js, diff.js, hotspots.js, flame.js and sim.js in one function
// (and one strict scope), so the helpers here serve them all; main() at the end of it draws the page.
  const data = JSON.parse(document.getElementById('hitmap-data').textContent);
  const S = data.strings || [];
  const STRINGS = new Set(data.string_fields || []);
  const PAGE = 300;
  const HOTSPOTS_SHOWN = 15;

  function decode(fields, row) {
    const o = {};
    for (let i = 0; i < fields.length; i++) {
      const v = row[i];
      o[fields[i]] = STRINGS.has(fields[i]) ? S[v] : v;
    }
    return o;
  }
  // accessors come column by column, all lines' in line order, line.listed of them each; a line's
  // accessors become objects when first asked for (10,000 lines have 70,000 of them)
  const columns = data.accessors || [];
  function column(name) {
    const i = data.accessor_fields.indexOf(name);
    return i < 0 ? [] : columns[i];
  }
  const SYMBOL = column('symbol'), SOURCE = column('source'), OBJECT = column('object');
  function accessorsAt(first, n) {
    const out = [];
    for (let k = first; k < first + n; k++) out.push(decode(data.accessor_fields, columns.map(function (c) { return c[k]; })));
    return out;
  }
  let next = 0;
  const lines = (data.lines || []).map(function (row) {
    const l = decode(data.line_fields, row);
    const first = next;
    next += l.listed;
    let cache = null, search = null;
    Object.defineProperty(l, 'accessors', { get: function () { return cache || (cache = accessorsAt(first, l.listed)); } });
    // what the filter box matches: the line's words and its accessors' symbols, sources and objects
    Object.defineProperty(l, 'search', { get: function () {
      if (search === null) {
        const words = [l.address, l.class, l.secondary, l.victims];
        for (let k = first; k < first + l.listed; k++) words.push(S[SYMBOL[k]], S[SOURCE[k]], S[OBJECT[k]]);
        search = words.join(' ').toLowerCase();
      }
      return search;
    } });
    l.id = 'line-' + l.capture + '-' + l.index;
    l.share_text = l.share_basis ? num(l.share, 2) + '% ' + l.share_basis : null;
    l.top = l.listed ? S[SYMBOL[first]] : null;
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
    const paths = captures.map(function (c) { return c.path; });
    profileCaptures().forEach(function (p) { if (paths.indexOf(p.path) < 0) paths.push(p.path); });
    if (data.sim) paths.push(data.sim.path);
    document.getElementById('subtitle').textContent = paths.join(', ');
    if (data.diff) s.appendChild(el('p', { class: 'headline diff-headline' }, el('b', { text: 'Before → after: ' }), data.diff.summary,
      ' ', el('a', { href: '#diff', text: 'matched lines' })));
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
      lines.filter(function (l) { return l.capture === c.id && l.rank <= 3; }).forEach(function (l) {
        s.appendChild(l.rank === 1 ? headline(l, c) : finding(l, c, false));
      });
    });
    profileCaptures().forEach(function (p) { s.appendChild(profileFinding(p)); });
    const sim = simFinding();
    if (sim) s.appendChild(sim);
    if (!s.querySelector('p')) s.appendChild(el('p', { class: 'note', text: 'No captures and no simulator results in this report.' }));
  }
  /** The hottest line of a capture, in large: what it is, why, what to do, and its bytes when they tell false sharing. */
  function headline(l, c) {
    const box = el('div', { class: 'headline cls-edge-' + String(l.class || 'none').replace(/[^a-z-]/g, '') });
    box.appendChild(el('p', { class: 'headline-title' }, el('span', { class: 'muted', text: 'Hottest line · ' }),
      el('a', { href: '#' + l.id, text: 'line ' + l.index, on: { click: reveal(l.id) } }), (l.address ? ' ' + l.address : '') + ' · ',
      el('b', { text: num(l.total) + ' ' + metricName(c) }), (l.share_text ? ' (' + l.share_text + ') ' : ' '), l.class ? clsTag(l.class) : null));
    if (l.evidence) box.appendChild(el('p', null, el('b', { text: 'Why: ' }), l.evidence + (l.confidence !== null ? ' (confidence ' + num(l.confidence, 2) + ')' : '')));
    else if (l.top) box.appendChild(el('p', null, el('b', { text: 'Top accessor: ' }), l.top));
    else if (!l.listed) box.appendChild(el('p', { class: 'note', text: 'The capture lists no accessors of this line (its text has no Pareto section, '
      + '"Shared Cache Line Distribution Pareto"), so which code contends on it cannot be said.' }));
    if (l.secondary) box.appendChild(el('p', null, el('b', { text: 'Also: ' }), clsTag(l.secondary), l.victims ? ' ' + l.victims : ''));
    if (l.remedy) box.appendChild(el('p', { class: 'remedy' }, el('b', { text: 'Remedy: ' }), l.remedy));
    if (l.sim_command) box.appendChild(el('p', { class: 'note' }, 'Predict what each choice would do: ', el('code', { text: l.sim_command }),
      data.sim ? el('span', null, ' (', el('a', { href: '#sim', text: 'simulated below' }), ')') : null));
    const offsets = new Set(l.accessors.filter(function (a) { return a.offset !== null && a.offset !== undefined; }).map(function (a) { return a.offset; }));
    if (offsets.size > 1) box.appendChild(byteMap(l));
    return box;
  }
  function finding(l, c, remedy) {
    const p = el('p', { class: 'finding' });
    add(p, [el('b', { text: '#' + l.rank + ' ' }), el('a', { href: '#' + l.id, text: 'line ' + l.index, on: { click: reveal(l.id) } }),
      (l.address ? ' (' + l.address + ')' : '') + ': ' + num(l.total) + ' ' + metricName(c) + (l.share_text ? ', ' + l.share_text : '') + '. ']);
    if (l.class) {
      add(p, [clsTag(l.class), l.confidence === null ? '' : ' confidence ' + num(l.confidence, 2), l.evidence ? ': ' + l.evidence + '. ' : '. ']);
      if (l.confidence === null && l.top) add(p, 'Top accessor ' + l.top + '.');
      if (l.secondary) add(p, [' Also ', clsTag(l.secondary), l.victims ? ': ' + l.victims + '.' : '.']);
      if (remedy && l.remedy) add(p, [el('br'), el('span', { class: 'remedy', text: 'Remedy: ' + l.remedy })]);
    } else if (l.top) {
      add(p, 'Top accessor ' + l.top + '.');
    }
    return p;
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

  /** The accessors of a line, without the columns perf printed for none of them. */
  function accessorTable(l) {
    const t = el('table', { class: 'accessors' });
    const cols = ACCESSOR_COLUMNS.filter(function (c) {
      return c[0] === 'symbol' || l.accessors.some(function (a) { return a[c[0]] !== null && a[c[0]] !== undefined; });
    });
    t.appendChild(el('tr', null, cols.map(function (c) { return el('th', { class: c[3] === 'num' ? 'num' : '', text: c[1] }); })));
    l.accessors.forEach(function (a) {
      t.appendChild(el('tr', null, cols.map(function (c) {
        const v = c[2] ? c[2](a) : a[c[0]];
        return el('td', { class: c[3], text: v === null || v === undefined ? '-' : String(v) });
      })));
    });
    return t;
  }
  function detail(l) {
    const c = byCapture[l.capture];
    const box = el('div', null);
    box.appendChild(finding(l, c, true));
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
  if (data.diff) LINE_COLUMNS.push(['match', 'match on the other side', '']);
  const state = { key: null, dir: 1, filter: '', cls: '', open: new Set(), all: false, highlight: null };
  let tbody, shown;

  function linesSection() {
    if (!captures.length) return; // profiles or simulator results only
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
      if (c[0] === 'match') { head.appendChild(el('th', { text: c[1] })); return; }
      const th = el('th', { class: 'sortable ' + (c[2] === 'num' ? 'num' : ''), text: c[1], on: { click: function () { sortBy(c[0]); } } });
      th.dataset.key = c[0];
      head.appendChild(th);
    });
    t.appendChild(el('thead', null, head));
    tbody = el('tbody', null);
    t.appendChild(tbody);
    s.appendChild(el('div', { class: 'table-wrap' }, t));
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
      const tr = el('tr', { id: l.id, class: 'line-row' + (open ? ' open' : '') + (l.id === state.highlight ? ' highlight' : '') }, el('td', null, btn), LINE_COLUMNS.map(function (c) {
        if (c[0] === 'class') return el('td', null, clsTag(l.class));
        if (c[0] === 'match') return el('td', null, matchCell(l));
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
      state.highlight = id;
      render();
      const row = document.getElementById(id);
      if (row) row.scrollIntoView({ block: 'center', inline: 'nearest' });
    };
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

  /** Draws the page; HtmlReport calls it after the last fragment, once every constant of every fragment is set. */
  function main() {
    summary();
    if (data.diff) diffSection();
    hotLines();
    linesSection();
    distribution();
    hotspots();
    flameSection();
    simSection();
    drawFlames();
    document.body.dataset.drawnMs = String(Math.round(performance.now())); // since navigation began: read by bench/html.sh
    document.body.dataset.ready = 'true';
  }
