// SPDX-License-Identifier: Apache-2.0
// The before/after view of a diff report (a fragment of the page's script: see report.js): the
// matched lines side by side with their deltas, sortable, each side linked to its line in the
// lines table, and each line there linked to its match on the other side.

  // ---------- diff ----------
  /** Line id -> its match on the other side: { id, text } (id null for a line gone or new). */
  const matchOf = {};
  if (data.diff) {
    data.diff.rows.forEach(function (r) {
      const b = r.before_line === null ? null : 'line-' + data.diff.before.id + '-' + r.before_line;
      const a = r.after_line === null ? null : 'line-' + data.diff.after.id + '-' + r.after_line;
      if (b) matchOf[b] = a ? { id: a, text: '→ after line ' + r.after_line } : { id: null, text: 'gone' };
      if (a) matchOf[a] = b ? { id: b, text: '← before line ' + r.before_line } : { id: null, text: 'new' };
    });
  }
  function matchCell(l) {
    const m = matchOf[l.id];
    if (!m) return el('span', { class: 'muted', text: '-' });
    if (!m.id) return el('span', { class: 'muted', text: m.text });
    return el('a', { href: '#' + m.id, class: 'match-link', text: m.text, on: { click: reveal(m.id) } });
  }

  const DIFF_COLUMNS = [
    ['status', 'status', ''], ['before_line', 'before', 'num'], ['after_line', 'after', 'num'], ['score', 'score', 'num'],
    ['before_total', 'before', 'num'], ['after_total', 'after', 'num'], ['delta', 'change', 'num'], ['delta_pct', 'change %', 'num'],
    ['before_share', 'share before', 'num'], ['after_share', 'share after', 'num'], ['before_class', 'class before', ''],
    ['after_class', 'class after', ''], ['symbol', 'top accessor', '']];

  function diffSection() {
    const d = data.diff;
    if (!d) return;
    const s = section('diff', 'Before → after');
    add(s, el('p', null, 'before: capture ' + d.before.id + ' ', el('code', { text: d.before.path }), ' · after: capture ' + d.after.id + ' ', el('code', { text: d.after.path }),
      ' · lines matched by accessor fingerprint, score ≥ ' + num(d.min_score, 2) + '. Counts are ' + d.metric + '; a fall is green, a rise red.'));
    const t = el('table', { id: 'diff-table' });
    const head = el('tr', null, DIFF_COLUMNS.map(function (c) {
      const th = el('th', { class: 'sortable ' + c[2], text: c[0] === 'before_total' || c[0] === 'after_total' ? c[1] + ' ' + d.metric : c[1] });
      th.dataset.key = c[0];
      th.addEventListener('click', function () { sortDiff(t, d.rows, c[0], th); });
      return th;
    }));
    t.appendChild(el('thead', null, head));
    d.rows.forEach(function (r, i) { r.order = i; });
    fillDiff(t, d.rows);
    s.appendChild(el('div', { class: 'table-wrap' }, t));
    s.appendChild(el('p', { class: 'note', text: 'Click a heading to sort; click a line to see it in the lines table, where its match is one click away.' }));
  }
  function sortDiff(t, rows, key, th) {
    const dir = th.getAttribute('aria-sort') === 'descending' ? 1 : th.getAttribute('aria-sort') === 'ascending' ? -1
      : (key === 'status' || key === 'before_line' || key === 'after_line' || key === 'symbol' || /class/.test(key) ? 1 : -1);
    t.querySelectorAll('th.sortable').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
    fillDiff(t, rows.slice().sort(function (a, b) {
      const c = compare(a[key], b[key]);
      return (a[key] === null || b[key] === null ? c : c * dir) || a.order - b.order;
    }));
  }
  /** One tbody per matched pair: its row and the row of its accessors, so that sorting moves both. */
  function fillDiff(t, rows) {
    t.querySelectorAll('tbody').forEach(function (b) { b.remove(); });
    const d = data.diff;
    rows.forEach(function (r) {
      const link = function (cap, line) {
        const id = 'line-' + cap + '-' + line;
        return line === null ? el('span', { class: 'muted', text: '-' }) : el('a', { href: '#' + id, text: 'line ' + line, on: { click: reveal(id) } });
      };
      const tone = 'num ' + (r.delta > 0 ? 'up' : r.delta < 0 ? 'down' : '');
      const body = el('tbody', { class: 'diff-pair' }, el('tr', { class: 'diff-' + r.status },
        el('td', { text: r.status }), el('td', { class: 'num' }, link(d.before.id, r.before_line)), el('td', { class: 'num' }, link(d.after.id, r.after_line)),
        el('td', { class: 'num', text: num(r.score, 2) }), el('td', { class: 'num', text: num(r.before_total) }), el('td', { class: 'num', text: num(r.after_total) }),
        el('td', { class: tone, text: r.delta === null ? '-' : (r.delta > 0 ? '+' : '') + r.delta }),
        el('td', { class: tone, text: r.delta_pct === null ? '-' : (r.delta_pct > 0 ? '+' : '') + num(r.delta_pct, 2) + '%' }),
        el('td', { class: 'num', text: num(r.before_share, 2) }), el('td', { class: 'num', text: num(r.after_share, 2) }),
        el('td', null, clsTag(r.before_class)), el('td', null, clsTag(r.after_class)), el('td', { class: 'sym', text: r.symbol || '-' })));
      if (r.accessors.length) {
        const inner = simpleTable([['status', 'accessor'], ['symbol', 'symbol', 'sym'], ['source', 'source:line', 'sym'], ['offset', 'offset', 'num'], ['before', 'weight before', 'num'], ['after', 'weight after', 'num']],
          r.accessors.map(function (a) {
            return { status: a.status, symbol: a.symbol, source: a.source, offset: hex(a.offset), before: a.before_weight === null ? '-' : num(a.before_weight * 100, 1) + '%', after: a.after_weight === null ? '-' : num(a.after_weight * 100, 1) + '%' };
          }));
        body.appendChild(el('tr', { class: 'detail' }, el('td', { colSpan: DIFF_COLUMNS.length }, inner)));
      }
      t.appendChild(body);
    });
  }
