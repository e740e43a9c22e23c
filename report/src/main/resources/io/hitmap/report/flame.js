// SPDX-License-Identifier: Apache-2.0
// Flame graphs of perf script captures, drawn on a canvas (a fragment of the page's script: see
// report.js). An SVG of tens of thousands of boxes hangs a browser; a canvas redraws them in
// milliseconds. Frame names are hostile input: they are drawn with fillText and shown in the
// tooltip and status as textContent, never as markup.

  // ---------- flame graph ----------
  const FLAME_ROW = 17;
  const FLAME_FONT = '11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

  function flameSection() {
    const fs = data.flame || [];
    if (!fs.length) return;
    const s = section('flame', 'Flame graph');
    s.appendChild(el('p', { class: 'note', text: 'Each box is a function, as wide as the samples taken in it and in what it called; '
      + 'callers above callees, the command under the root. Click a box to zoom into it (click a caller above to zoom out), '
      + 'Reset to see all; search marks the functions whose name contains the text and says their share of the samples. '
      + 'Hover a box for its full name.' }));
    fs.forEach(function (f) { s.appendChild(flameGraph(f)); });
  }

  /** The flame graph's nodes in preorder -> where each box starts, its parent, and the nodes of each depth left to right. */
  function flameLayout(f) {
    const n = f.value.length;
    const start = new Float64Array(n), fill = new Float64Array(n), parent = new Int32Array(n);
    const chain = [], rows = [];
    for (let i = 0; i < n; i++) {
      const d = f.depth[i];
      chain.length = d;
      if (d === 0) { parent[i] = -1; start[i] = 0; } else { const p = chain[d - 1]; parent[i] = p; start[i] = fill[p]; fill[p] += f.value[i]; }
      fill[i] = start[i];
      chain.push(i);
      (rows[d] = rows[d] || []).push(i);
    }
    return { start: start, parent: parent, rows: rows };
  }

  function hash(s) {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); }
    return (h >>> 0) / 4294967296;
  }
  function flameColour(kind, name) {
    const v = hash(name), w = hash(name + '.');
    if (kind === 'K') return 'rgb(' + Math.round(230 + 25 * v) + ',' + Math.round(190 + 45 * w) + ',' + Math.round(60 + 60 * v) + ')';
    if (kind === 'U') return 'rgb(' + Math.round(215 + 40 * v) + ',' + Math.round(70 + 80 * w) + ',' + Math.round(40 + 40 * v) + ')';
    if (kind === 'C') return 'rgb(' + Math.round(165 + 35 * v) + ',' + Math.round(180 + 35 * v) + ',' + Math.round(215 + 30 * w) + ')';
    return 'rgb(200,200,200)';
  }
  const KIND_NAMES = { R: 'all samples', C: 'command', U: 'user space', K: 'kernel' };

  function flameGraph(f) {
    const n = f.value.length, total = f.value[0] || 1;
    const names = f.names.map(function (s) { return s === null ? null : { kind: s.charAt(0), name: s.slice(1), lower: s.slice(1).toLowerCase() }; });
    const frame = function (i) { return names[f.name[i]]; };
    const lay = flameLayout(f);
    const maxDepth = lay.rows.length - 1;
    const canvas = el('canvas', { class: 'flame-canvas' });
    canvas.setAttribute('aria-label', 'flame graph of capture ' + f.capture + '; the hotspots table lists the same functions as text');
    const ctx = canvas.getContext('2d');
    const tip = el('div', { class: 'flame-tip' });
    const wrap = el('div', { class: 'flame-wrap' }, canvas, tip);
    const search = el('input', { type: 'search', class: 'flame-search', placeholder: 'search functions' });
    const reset = el('button', { type: 'button', class: 'flame-reset', text: 'Reset zoom', disabled: true });
    const status = el('span', { class: 'flame-status muted' });
    let zoom = 0, matched = null, width = 0;

    function draw() {
      width = wrap.clientWidth || 1200;
      // a canvas taller than 32,767 pixels stays blank: deep stacks on a high-density screen get fewer pixels per box
      const H = (maxDepth + 1) * FLAME_ROW, dpr = Math.min(window.devicePixelRatio || 1, 32000 / H);
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(H * dpr);
      canvas.style.width = width + 'px';
      canvas.style.height = H + 'px';
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, H);
      ctx.font = FLAME_FONT;
      ctx.textBaseline = 'middle';
      const charWidth = ctx.measureText('m').width || 7;
      const z0 = lay.start[zoom], zw = f.value[zoom], scale = width / zw;
      function box(i, x, w, faded) {
        const fr = frame(i), y = f.depth[i] * FLAME_ROW;
        ctx.globalAlpha = faded ? 0.55 : 1;
        ctx.fillStyle = matched && matched[i] ? 'rgb(200,60,200)' : flameColour(fr.kind, fr.name);
        ctx.fillRect(x, y, Math.max(w - 0.5, 0.5), FLAME_ROW - 1);
        const fits = Math.floor((w - 6) / charWidth);
        if (fits >= 4) {
          ctx.fillStyle = '#000';
          ctx.fillText(fr.name.length <= fits ? fr.name : fr.name.slice(0, fits - 2) + '..', x + 3, y + FLAME_ROW / 2);
        }
      }
      for (let a = zoom; a >= 0; a = lay.parent[a]) box(a, 0, width, a !== zoom); // the zoomed frame and its callers span the width
      for (let d = f.depth[zoom] + 1; d <= maxDepth; d++) {
        const row = lay.rows[d];
        for (let k = firstAtOrAfter(row, z0); k < row.length; k++) {
          const i = row[k];
          if (lay.start[i] >= z0 + zw) break;
          const w = f.value[i] * scale;
          if (w >= 0.4) box(i, (lay.start[i] - z0) * scale, w, false);
        }
      }
      ctx.globalAlpha = 1;
      canvas.dataset.zoom = frame(zoom).name;
    }
    function firstAtOrAfter(row, x) {
      let lo = 0, hi = row.length;
      while (lo < hi) { const m = (lo + hi) >> 1; if (lay.start[row[m]] < x) lo = m + 1; else hi = m; }
      return lo;
    }
    /** The node under the mouse, or -1. */
    function at(ev) {
      const r = canvas.getBoundingClientRect();
      const d = Math.floor((ev.clientY - r.top) / FLAME_ROW);
      if (d < 0 || d > maxDepth) return -1;
      if (d <= f.depth[zoom]) {
        let a = zoom;
        while (f.depth[a] > d) a = lay.parent[a];
        return a;
      }
      const x = lay.start[zoom] + (ev.clientX - r.left) / width * f.value[zoom];
      const row = lay.rows[d];
      const k = firstAtOrAfter(row, x + 1e-9) - 1;
      if (k < 0) return -1;
      const i = row[k];
      return x < lay.start[i] + f.value[i] && lay.start[i] >= lay.start[zoom] && lay.start[i] < lay.start[zoom] + f.value[zoom] ? i : -1;
    }
    function pct(v, of) { return (v / of * 100).toFixed(2) + '%'; }
    canvas.addEventListener('mousemove', function (ev) {
      const i = at(ev);
      if (i < 0) { tip.style.display = 'none'; return; }
      const fr = frame(i);
      tip.textContent = fr.name + '\n' + f.value[i] + (f.value[i] === 1 ? ' sample, ' : ' samples, ') + pct(f.value[i], total) + ' of all'
        + (zoom !== 0 && i !== zoom && f.depth[i] > f.depth[zoom] ? ', ' + pct(f.value[i], f.value[zoom]) + ' of ' + frame(zoom).name : '')
        + '\n' + KIND_NAMES[fr.kind];
      const r = wrap.getBoundingClientRect();
      const x = ev.clientX - r.left, y = ev.clientY - r.top;
      tip.style.display = 'block';
      tip.style.left = Math.min(x + 14, Math.max(0, width - tip.offsetWidth - 4)) + 'px';
      tip.style.top = (y + 18) + 'px';
    });
    canvas.addEventListener('mouseleave', function () { tip.style.display = 'none'; });
    canvas.addEventListener('click', function (ev) {
      const i = at(ev);
      if (i < 0) return;
      zoom = i;
      reset.disabled = zoom === 0;
      draw();
      describe();
    });
    reset.addEventListener('click', function () { zoom = 0; reset.disabled = true; draw(); describe(); });
    search.addEventListener('input', function () {
      const q = search.value.trim().toLowerCase();
      matched = q ? new Uint8Array(n) : null;
      if (q) for (let i = 0; i < n; i++) matched[i] = frame(i).lower.indexOf(q) >= 0 ? 1 : 0;
      draw();
      describe();
    });
    /** Says what is zoomed and how much the search matched: each sample once, however deep the matches nest. */
    function describe() {
      const parts = [];
      if (zoom !== 0) parts.push('zoomed into ' + frame(zoom).name + ' (' + f.value[zoom] + ' samples, ' + pct(f.value[zoom], total) + ')');
      if (matched) {
        const sum = matchedSamples();
        parts.push('matched: ' + sum + ' of ' + total + ' samples (' + pct(sum, total) + ')');
        canvas.dataset.matched = String(sum);
      } else {
        delete canvas.dataset.matched;
      }
      status.textContent = parts.join(' · ');
    }
    function matchedSamples() {
      let sum = 0, end = -1;
      for (let i = 0; i < n; i++) {
        if (matched[i] && lay.start[i] >= end) { sum += f.value[i]; end = lay.start[i] + f.value[i]; }
      }
      return sum;
    }
    let pending = false;
    window.addEventListener('resize', function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; draw(); });
    });

    const others = f.other_events.map(function (e) { return e[1] + ' of ' + e[0]; });
    const box = el('div', { class: 'flame-box', id: 'flame-' + f.capture },
      el('h3', null, 'capture ' + f.capture + ' ', el('code', { text: f.path }), ' · ' + f.samples + ' samples of ' + (f.event || 'no event')),
      el('div', { class: 'controls' }, search, reset, status, el('span', { class: 'legend note' },
        el('span', null, el('span', { class: 'swatch fl-u' }), 'user'), el('span', null, el('span', { class: 'swatch fl-k' }), 'kernel'),
        el('span', null, el('span', { class: 'swatch fl-c' }), 'command'), el('span', null, el('span', { class: 'swatch fl-m' }), 'search match'))),
      wrap,
      el('p', { class: 'note', text: (f.merged_frames
        ? f.merged_frames + ' frames with fewer than ' + f.min_samples + ' samples each (' + f.merged_samples + ' samples in all) are merged into their callers, whose boxes keep their width. '
        : 'Every frame is drawn (none merged). ')
        + (others.length ? 'Other events left out: ' + others.join(', ') + '.' : '') }));
    flameDrawers.push(function () { draw(); describe(); });
    return box;
  }
  const flameDrawers = [];
  /** Draws the flame graphs once the page is laid out (a canvas needs its width). */
  function drawFlames() { flameDrawers.forEach(function (d) { d(); }); }
