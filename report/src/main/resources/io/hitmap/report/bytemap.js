// SPDX-License-Identifier: Apache-2.0
// The map of a cache line's bytes: which offsets are written and read, by which accessor, shaded by
// share (a fragment of the page's script: see report.js).

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

