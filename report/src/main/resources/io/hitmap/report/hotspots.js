// SPDX-License-Identifier: Apache-2.0
// The hottest symbols of perf report and perf script captures, and the summary's sentence about them
// (a fragment of the page's script: see report.js).

  // ---------- profile hotspots ----------
  /** The perf report and perf script captures: their hottest symbols (rows of data.hotspots as objects) and flame graph. */
  function profileCaptures() {
    const h = data.hotspots, out = [], byId = {};
    if (h) {
      h.rows.forEach(function (r) {
        const o = {};
        h.columns.forEach(function (c, i) { o[c] = r[i]; });
        if (!byId[o.capture_id]) { byId[o.capture_id] = { id: o.capture_id, path: o.path, event: o.event, rows: [] }; out.push(byId[o.capture_id]); }
        byId[o.capture_id].rows.push(o);
      });
    }
    (data.flame || []).forEach(function (f) {
      if (!byId[f.capture]) { byId[f.capture] = { id: f.capture, path: f.path, event: f.event, rows: [] }; out.push(byId[f.capture]); }
      byId[f.capture].flame = f;
    });
    return out;
  }
  function profileFinding(p) {
    const top = p.rows.slice(0, 3).map(function (r) {
      return r.symbol + ' ' + num(r.self_pct, 2) + '%' + (r.children_pct !== null && r.children_pct !== r.self_pct ? ' (' + num(r.children_pct, 2) + '% with callees)' : '');
    });
    return el('p', { class: 'finding' }, el('b', { text: 'Capture ' + p.id + ' ' }), el('code', { text: p.path }),
      ': profile' + (p.event ? ' of ' + p.event : '') + (p.flame ? ', ' + p.flame.samples + ' samples' : '') + '. '
      + (top.length ? 'Hottest (self): ' + top.join(', ') + '. ' : ''),
      el('a', { href: '#hotspots', text: 'hotspots' }), p.flame ? ' · ' : '', p.flame ? el('a', { href: '#flame-' + p.id, text: 'flame graph' }) : null);
  }
  function hotspots() {
    const ps = profileCaptures().filter(function (p) { return p.rows.length; });
    if (!ps.length) return;
    const s = section('hotspots', 'Profile hotspots');
    s.appendChild(el('p', { class: 'note', text: 'The hottest symbols of each profile, by self share (samples taken in the symbol itself); '
      + 'with callees: the share of samples that have the symbol anywhere in their call chain.' }));
    ps.forEach(function (p) {
      add(s, el('h3', null, 'capture ' + p.id + ' ', el('code', { text: p.path }), p.event ? ' · ' + p.event : ''));
      const max = Math.max.apply(null, p.rows.map(function (r) { return r.self_pct || 0; })) || 1;
      const t = simpleTable([['rank', '#', 'num'], ['self', 'self %', 'num'], ['bar', '', ''], ['children', 'with callees %', 'num'],
        ['samples', 'samples', 'num'], ['symbol', 'symbol', 'sym'], ['kind', 'kind', ''], ['shared_object', 'shared object', 'sym'], ['commands', 'commands', '']],
      p.rows.map(function (r) {
        const kernel = ['k', 'g', 'H'].indexOf(r.symbol_kind) >= 0;
        return { rank: r.rank, self: num(r.self_pct, 2), bar: bar((r.self_pct || 0) / max, kernel ? 'k' : 'u'), children: num(r.children_pct, 2),
          samples: r.samples, symbol: r.symbol, kind: kernel ? 'kernel' : 'user', shared_object: r.shared_object, commands: r.commands };
      }));
      s.appendChild(t);
      const rest = Array.prototype.slice.call(t.rows, HOTSPOTS_SHOWN + 1);
      if (rest.length) {
        rest.forEach(function (tr) { tr.hidden = true; });
        const more = el('button', { type: 'button', class: 'show-more', text: 'show ' + rest.length + ' more' });
        more.addEventListener('click', function () { rest.forEach(function (tr) { tr.hidden = false; }); more.remove(); });
        s.appendChild(more);
      }
    });
  }

