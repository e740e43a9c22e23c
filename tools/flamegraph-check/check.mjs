#!/usr/bin/env node
// Feeds a folded-stacks file (Brendan Gregg "stackcollapse" format:
// `frame;frame;...;frame COUNT`, one line per unique stack) to two real
// flame-graph tools and fails unless BOTH accepted every line of it:
//
//  * flamegraph.pl (Brendan Gregg's, the copy Debian ships in
//    libdevel-nytprof-perl 6.12+dfsg-1; sha256 pinned below), run as
//    `perl flamegraph.pl --minwidth 0 FILE > out.svg`. Required: exit 0, nothing
//    on stderr (it warns "Ignored N lines with invalid format"), the root
//    "all" frame's sample count == sum of counts, no differential (2-column)
//    parse, and the SVG's frames == the prefix tree of the input, compared as
//    a multiset of (depth, name, samples).
//  * speedscope 1.25.0 (npm): its own importer (importProfileGroupFromText,
//    the code the web app runs on a dropped file) run headlessly in node.
//    Required: it auto-detects "collapsed stack format", total weight == sum
//    of counts, and its grouped call tree == the prefix tree of the input.
//
// Usage: node check.mjs FOLDED_FILE   (run setup.sh first)
// Prints one summary line; exit 0 = accepted, 1 = rejected, 2 = usage/setup.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FG_SHA256 = '5ec63a7c6f81c1806e7d5f5a7ef2d570b89deabea7c881ab96fba3af89276feb';
const FG_CANDIDATES = [
  process.env.FLAMEGRAPH_PL,
  path.join(HERE, '.deps/root/usr/share/perl5/Devel/NYTProf/flamegraph.pl'),
  '/usr/share/perl5/Devel/NYTProf/flamegraph.pl',
].filter(Boolean);
const SPEEDSCOPE_VERSION = '1.25.0';

function die(code, msg) {
  console.log(msg);
  process.exit(code);
}

const file = process.argv[2];
if (!file || process.argv.length > 3) die(2, 'usage: check.mjs FOLDED_FILE');
if (!fs.existsSync(file)) die(2, `flamegraph-check: ERROR ${file}: no such file`);
const text = fs.readFileSync(file, 'utf8');

// ---- independent reading of the input (the hitmap contract) ----
// A line is `STACK COUNT`: the count is the integer after the LAST space.
const problems = [];
const expectedLines = [];
let sum = 0;
const seen = new Set();
const rawLines = text.split('\n');
if (rawLines[rawLines.length - 1] === '') rawLines.pop(); // final newline
rawLines.forEach((line, i) => {
  const m = /^(.+) (\d+)$/.exec(line);
  if (!m) {
    problems.push(`line ${i + 1} malformed: ${JSON.stringify(line.slice(0, 60))}`);
    return;
  }
  const [, stack, count] = m;
  if (seen.has(stack)) problems.push(`line ${i + 1} repeats a stack`);
  seen.add(stack);
  // The tools disagree on these, so the contract forbids them:
  // empty frames (flamegraph.pl drops trailing ones, speedscope keeps them) and
  // count 0 (flamegraph.pl draws a 0-sample frame, speedscope drops the stack).
  if (stack.split(';').some((f) => f === '')) problems.push(`line ${i + 1} has an empty frame name`);
  const n = Number(count);
  if (n === 0) problems.push(`line ${i + 1} has count 0`);
  sum += n;
  expectedLines.push({ frames: stack.split(';'), count: n });
});
if (rawLines.length === 0) problems.push('empty file');

// Prefix tree -> multiset of "depth\tname\tsamples" (root "all" = depth 0).
function treeKeys(lines, mapName) {
  const root = { kids: new Map(), n: 0 };
  for (const { frames, count } of lines) {
    let node = root;
    node.n += count;
    for (const f of frames) {
      const name = mapName(f);
      if (!node.kids.has(name)) node.kids.set(name, { kids: new Map(), n: 0 });
      node = node.kids.get(name);
      node.n += count;
    }
  }
  const out = [];
  (function walk(node, depth, name) {
    out.push(`${depth}\t${name}\t${node.n}`);
    for (const [k, v] of node.kids) walk(v, depth + 1, k);
  })(root, 0, 'all');
  return out.sort();
}

function diffKeys(want, got) {
  const count = (arr) => arr.reduce((m, k) => m.set(k, (m.get(k) || 0) + 1), new Map());
  const w = count(want), g = count(got);
  const missing = [...w].filter(([k, c]) => (g.get(k) || 0) < c).map(([k]) => k);
  const extra = [...g].filter(([k, c]) => (w.get(k) || 0) < c).map(([k]) => k);
  const fmt = (k) => { const [d, n, s] = k.split('\t'); return `${JSON.stringify(n)}@${d}=${s}`; };
  if (!missing.length && !extra.length) return null;
  return `missing ${missing.slice(0, 3).map(fmt).join(',') || '-'}; unexpected ${extra.slice(0, 3).map(fmt).join(',') || '-'}`;
}

// ---- tool 1: flamegraph.pl ----
function runFlamegraphPl() {
  const fg = FG_CANDIDATES.find((p) => fs.existsSync(p));
  if (!fg) die(2, 'flamegraph-check: ERROR flamegraph.pl not found (run tools/flamegraph-check/setup.sh)');
  const sha = crypto.createHash('sha256').update(fs.readFileSync(fg)).digest('hex');
  if (sha !== FG_SHA256 && !process.env.FLAMEGRAPH_PL) die(2, `flamegraph-check: ERROR ${fg} sha256 ${sha} is not the pinned one`);
  const r = spawnSync('perl', [fg, '--minwidth', '0', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const errs = [];
  const stderr = (r.stderr || '').trim().replace(/\s*\n\s*/g, ' | ');
  if (r.status !== 0) errs.push(`exit ${r.status}`);
  if (stderr) errs.push(`stderr "${stderr}"`);
  const svg = r.stdout || '';
  const svgOut = process.env.FLAMEGRAPH_SVG_OUT;
  if (svgOut) fs.writeFileSync(svgOut, svg);
  const unesc = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const frames = [];
  const re = /<title>([\s\S]*?)<\/title><rect x="[^"]*" y="([^"]*)"/g;
  let m, diffMode = false;
  while ((m = re.exec(svg))) {
    const t = /^([\s\S]*) \(([\d,]+) \S+, [\d.]+%(;[^)]*)?\)$/.exec(unesc(m[1]));
    if (!t) { errs.push(`unparsed SVG title ${JSON.stringify(m[1].slice(0, 60))}`); continue; }
    if (t[3]) diffMode = true;
    frames.push({ name: t[1], samples: Number(t[2].replace(/,/g, '')), y: Number(m[2]) });
  }
  // Root: the lowest frame named "all" (a user frame could also be called "all").
  const roots = frames.filter((f) => f.name === 'all').sort((a, b) => b.y - a.y);
  const root = roots[0];
  let total = null;
  if (!root) errs.push('no "all" root frame in SVG');
  else {
    total = root.samples;
    if (total !== sum) errs.push(`all=${total} but sum of counts=${sum}`);
    if (diffMode) errs.push('read as a DIFFERENTIAL (2-count) profile: a last frame ends in " <digits>"');
    const FRAME_H = 16; // flamegraph.pl default --height
    const got = frames.map((f) => `${Math.round((root.y - f.y) / FRAME_H)}\t${f.name}\t${f.samples}`).sort();
    // flamegraph.pl rewrites < and > to ( and ) in frame names (tr/<>/()/)
    const want = treeKeys(expectedLines, (n) => n.replace(/</g, '(').replace(/>/g, ')'));
    const d = diffKeys(want, got);
    if (d && !errs.length) errs.push(`frames differ: ${d}`);
  }
  return { name: 'flamegraph.pl', ok: errs.length === 0, total, frames: frames.length, errs };
}

// ---- tool 2: speedscope's importer ----
async function runSpeedscope() {
  const pkgDir = path.join(HERE, 'node_modules/speedscope');
  const errs = [];
  if (!fs.existsSync(pkgDir)) die(2, 'flamegraph-check: ERROR speedscope not installed (run tools/flamegraph-check/setup.sh)');
  const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  if (version !== SPEEDSCOPE_VERSION) die(2, `flamegraph-check: ERROR speedscope ${version} installed, want ${SPEEDSCOPE_VERSION}`);
  const rel = path.join(pkgDir, 'dist/release');
  const bundleName = fs.readdirSync(rel).find((f) => /^speedscope-.*\.js$/.test(f));
  const src = fs.readFileSync(path.join(rel, bundleName), 'utf8');
  // The browser bundle ends by mounting the UI; replace only that statement with
  // an export of importProfileGroupFromText (minified name Ff in 1.25.0).
  const mount = 'mo(C(Os,null,C(Rf,null)),document.body,document.body.lastElementChild||void 0);})();';
  if (src.split(mount).length !== 2 || !src.includes('async function Ff(t,e){return(await jr).importProfileGroupFromText(t,e)}'))
    die(2, 'flamegraph-check: ERROR speedscope bundle layout not recognised');
  const logs = [];
  const con = { log: (...a) => logs.push(a.join(' ')), warn: (...a) => logs.push(a.join(' ')), error: (...a) => logs.push(a.join(' ')), info() {}, debug() {} };
  const ctx = { console: con, setTimeout, clearTimeout, TextDecoder, TextEncoder, URL, atob, btoa,
    navigator: { userAgent: 'node' }, location: { hash: '', search: '', href: 'file:///' } };
  ctx.window = ctx; ctx.self = ctx;
  vm.createContext(ctx);
  vm.runInContext(src.replace(mount, 'globalThis.__importProfileGroupFromText=Ff;})();'), ctx, { filename: bundleName });
  let group = null;
  try {
    group = await ctx.__importProfileGroupFromText(path.basename(file), text);
  } catch (e) {
    errs.push(`import threw: ${e && e.message}`);
  }
  const fmt = logs.find((l) => l.startsWith('Importing as')) || 'no importer matched';
  if (fmt !== 'Importing as collapsed stack format') errs.push(`detected "${fmt}"`);
  let total = null;
  if (group && group.profiles && group.profiles.length === 1) {
    const prof = group.profiles[0];
    total = prof.getTotalWeight();
    if (total !== sum) errs.push(`total weight=${total} but sum of counts=${sum}`);
    // speedscope skips lines it cannot parse WITHOUT any message: count what it kept
    // (one sample per line, since the stacks are unique)
    const kept = prof.samples ? prof.samples.length : null;
    if (kept !== rawLines.length) errs.push(`silently kept ${kept} of ${rawLines.length} lines`);
    const got = [];
    (function walk(node, depth) {
      // the call-tree root carries no weight of its own: use the profile total
      got.push(`${depth}\t${depth === 0 ? 'all' : node.frame.name}\t${depth === 0 ? total : node.getTotalWeight()}`);
      for (const c of node.children) walk(c, depth + 1);
    })(prof.getGroupedCalltreeRoot(), 0);
    const d = diffKeys(treeKeys(expectedLines, (n) => n), got.sort());
    if (d && !errs.length) errs.push(`frames differ: ${d}`);
  } else if (!errs.length) {
    errs.push(`import returned ${group ? group.profiles.length + ' profiles' : 'nothing'}`);
  }
  return { name: `speedscope ${version}`, ok: errs.length === 0, total, errs };
}

const results = [runFlamegraphPl(), await runSpeedscope()];
const ok = problems.length === 0 && results.every((r) => r.ok);
const parts = results.map((r) => `${r.name}: ${r.ok ? `ok total=${r.total}` : r.errs.join('; ')}`);
if (problems.length) parts.unshift(`input: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (+${problems.length - 3} more)` : ''}`);
console.log(`flamegraph-check: ${ok ? 'OK' : 'FAIL'} ${file}: ${rawLines.length} lines, sum=${sum} | ${parts.join(' | ')}`);
process.exit(ok ? 0 : 1);
