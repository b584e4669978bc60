#!/usr/bin/env node
// Runs chrono-node (the npm date parser, installed by scripts/setup) over JSON Lines documents and
// writes its temporal expressions in vigie's timex JSON Lines form, so that `vigie eval-time --system`
// scores it with the same scorer as vigie's own output.
// usage: node bench/chrono-timex.js DOCS.jsonl > SYSTEM.jsonl
//   DOCS.jsonl: {"id", "date": "YYYY-MM-DD"|"YYYY-MM", "lang": "fr"|"en", "text"} per line
//   output:     {"doc", "span": [byteStart, byteEnd], "text", "type": "DATE"|"TIME", "value"} per expression
//   stderr:     chrono: N documents, M expressions, X.XXX MB in Y.YYY s, Z MB/s; C.CCC s of CPU, W MB per
//               CPU second (the parsing loop only)
'use strict';
const fs = require('fs');
const path = require('path');
// chrono-node >= 2.8 (CommonJS build dist/cjs): the package root exports every locale (.en, .fr, ...).
const chrono = require(path.join(__dirname, '..', 'build', 'npm', 'node_modules', 'chrono-node'));

if (process.argv.length !== 3) {
    process.stderr.write('usage: node bench/chrono-timex.js DOCS.jsonl > SYSTEM.jsonl\n');
    process.exit(2);
}
const docs = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

// Reference instant: the publication date at local noon; a missing month or day is the 1st.
function reference(date) {
    const [y, m, d] = String(date || '').split('-').map(Number);
    return y ? new Date(y, (m || 1) - 1, d || 1, 12, 0, 0) : new Date();
}

const pad = (n, w) => String(n).padStart(w, '0');

// TIMEX3 type and value of a result's start: TIME when the hour was said; a year or a month when that
// is the finest component said ("2019", "mars 2024", "June": its year implied); else the full date,
// said or implied by chrono (weekdays, "hier", "2 days ago"...).
function timex(c) {
    const y = pad(c.get('year'), 4), m = pad(c.get('month'), 2), d = pad(c.get('day'), 2);
    if (c.isCertain('hour')) return ['TIME', `${y}-${m}-${d}T${pad(c.get('hour'), 2)}:${pad(c.get('minute') || 0, 2)}`];
    if (!c.isCertain('day') && c.isCertain('month')) return ['DATE', `${y}-${m}`];
    if (!c.isCertain('day') && c.isCertain('year')) return ['DATE', y];
    return ['DATE', `${y}-${m}-${d}`];
}

// Parsing loop, timed alone: chrono's results are kept and formatted afterwards.
let bytes = 0;
const parsed = new Array(docs.length);
const t0 = process.hrtime.bigint(), cpu0 = process.cpuUsage();
for (let i = 0; i < docs.length; i++) {
    const doc = docs[i];
    const parser = doc.lang === 'fr' ? chrono.fr : chrono.en;
    parsed[i] = parser.parse(doc.text, reference(doc.date), { forwardDate: false });
    bytes += Buffer.byteLength(doc.text, 'utf8');
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
// CPU time of all the process's threads: Node compiles and collects garbage on threads of its own,
// which may run on other cores while the loop runs
const cpu = process.cpuUsage(cpu0), cpuSecs = (cpu.user + cpu.system) / 1e6;

// Output: chrono's indices are UTF-16 code units; spans are UTF-8 byte offsets, as vigie's.
const out = [];
for (let i = 0; i < docs.length; i++) {
    const doc = docs[i];
    for (const r of parsed[i]) {
        const start = Buffer.byteLength(doc.text.slice(0, r.index), 'utf8');
        const [type, value] = timex(r.start);
        out.push(JSON.stringify({ doc: doc.id, span: [start, start + Buffer.byteLength(r.text, 'utf8')], text: r.text, type, value }));
    }
}
process.stdout.write(out.length ? out.join('\n') + '\n' : '');
process.stderr.write(`chrono: ${docs.length} documents, ${out.length} expressions, ${(bytes / 1e6).toFixed(3)} MB in ` +
    `${secs.toFixed(3)} s, ${(secs > 0 ? bytes / 1e6 / secs : 0).toFixed(2)} MB/s; ` +
    `${cpuSecs.toFixed(3)} s of CPU, ${(cpuSecs > 0 ? bytes / 1e6 / cpuSecs : 0).toFixed(2)} MB per CPU second\n`);
