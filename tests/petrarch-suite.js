#!/usr/bin/env node
// The PETRARCH-2 unit-test suite (../shared/peer/petrarch2/PETR.UnitTest.records.xml) as a vigie
// evaluation. vigie codes each record's <Text> only (never the <Parse>), with the suite's own actor
// and agent dictionaries loaded through --petrarch-actors / --petrarch-agents.
//
//   petrarch-suite.js convert RECORDS.xml OUTDIR
//       writes OUTDIR/docs.jsonl (id, date, text, category) and OUTDIR/gold.jsonl (vigie's gold
//       form, ../shared/gold/README.md: actors at country level, the record's code, plus
//       `category` and `expect`, the record's coding as "SOURCE TARGET CODE")
//   petrarch-suite.js report GOLD.jsonl DOCS.jsonl SYSTEM.jsonl [--list]
//       per-record scores by category: a record passes at "root+dyad" when vigie's events and the
//       expected ones pair one to one on root code and actors (first three letters), "exact" when
//       they pair on the full codes; "dyad-any-code" pairs actors only (the suite's event codes follow
//       its own verb dictionary, often not the CAMEO codebook). Input-error records are not scored.
'use strict';
const fs = require('fs');

function attr(tag, name) {
    const m = tag.match(new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`));
    return m ? (m[2] !== undefined ? m[2] : m[3]) : null;
}

// The records: the file is XML-like (comments, unquoted spacing) rather than strict XML.
function records(xml) {
    xml = xml.replace(/<!--[\s\S]*?-->/g, '');
    const out = [];
    for (const m of xml.matchAll(/<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g)) {
        const head = m[1], body = m[2];
        const text = (body.match(/<Text>([\s\S]*?)<\/Text>/) || [, ''])[1].replace(/\s+/g, ' ').trim();
        const codings = [];
        let noevents = false, error = null;
        for (const c of body.matchAll(/<EventCoding\b([^>]*)>/g)) {
            if (attr(c[1], 'noevents')) noevents = true;
            else if (attr(c[1], 'error')) error = attr(c[1], 'error');
            else codings.push({source: attr(c[1], 'sourcecode'), target: attr(c[1], 'targetcode'),
                               code: attr(c[1], 'eventcode')});
        }
        const d = attr(head, 'date') || '';
        out.push({id: attr(head, 'id'), category: attr(head, 'category'), text, codings, noevents, error,
                  date: d.length === 8 ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : null});
    }
    return out;
}

function convert(xmlPath, outDir) {
    const recs = records(fs.readFileSync(xmlPath, 'utf8'));
    fs.mkdirSync(outDir, {recursive: true});
    const docs = [], gold = [], seen = new Map();
    for (const r of recs) {
        const n = (seen.get(r.id) || 0) + 1; /* the suite reuses a few ids: AGENTS-18, AGENTS-19 */
        seen.set(r.id, n);
        if (n > 1) r.id = `${r.id}.${n}`;
        docs.push(JSON.stringify({id: r.id, date: r.date, lang: 'en', text: r.text, category: r.category,
                                  error: r.error || undefined}));
        r.codings.forEach((c, k) => gold.push(JSON.stringify({
            doc: r.id, id: `${r.id}/${k + 1}`, locator: r.text, category: r.category,
            source: [c.source.slice(0, 3)], target: [c.target.slice(0, 3)],
            roots: [c.code.slice(0, 2)], codes: [c.code], required: true, symmetric: false,
            expect: `${c.source} ${c.target} ${c.code}`})));
    }
    fs.writeFileSync(`${outDir}/docs.jsonl`, docs.join('\n') + '\n');
    fs.writeFileSync(`${outDir}/gold.jsonl`, gold.join('\n') + '\n');
    process.stderr.write(`petrarch-suite: ${recs.length} records, ${gold.length} expected events\n`);
}

function readJsonl(path) {
    return fs.readFileSync(path, 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l));
}

// Pairs expected and system events one to one under `same`; true when nothing is left over.
function pairsUp(expected, got, same) {
    const free = got.slice();
    for (const e of expected) {
        const k = free.findIndex(g => same(e, g));
        if (k < 0) return false;
        free.splice(k, 1);
    }
    return free.length === 0;
}

function report(goldPath, docsPath, sysPath, list) {
    const expected = new Map(), byCat = new Map();
    const docs = readJsonl(docsPath);
    for (const d of docs) expected.set(d.id, []);
    for (const g of readJsonl(goldPath)) {
        const [source, target, code] = g.expect.split(' ');
        expected.get(g.doc).push({source, target, code});
    }
    const got = new Map(docs.map(d => [d.id, []]));
    for (const s of readJsonl(sysPath))
        if (got.has(s.doc))
            got.get(s.doc).push({source: s.source.code, target: s.target ? s.target.code : null, code: s.code});
    const c3 = x => (x || '').slice(0, 3);
    const total = {records: 0, dyad: 0, exact: 0, actors: 0};
    let skipped = 0;
    for (const d of docs) {
        if (d.error) { skipped++; continue; }
        const e = expected.get(d.id), s = got.get(d.id);
        const dyad = pairsUp(e, s, (a, b) => a.code.slice(0, 2) === b.code.slice(0, 2) &&
                                             c3(a.source) === c3(b.source) && c3(a.target) === c3(b.target));
        const exact = pairsUp(e, s, (a, b) => a.code === b.code && a.source === b.source && a.target === b.target);
        const actors = pairsUp(e, s, (a, b) => c3(a.source) === c3(b.source) && c3(a.target) === c3(b.target));
        const cat = byCat.get(d.category) || {records: 0, dyad: 0, exact: 0, actors: 0};
        byCat.set(d.category, cat);
        for (const t of [cat, total]) { t.records++; t.dyad += dyad; t.exact += exact; t.actors += actors; }
        if (list && !exact) {
            const fmt = l => l.map(x => `${x.source} ${x.target} ${x.code}`).join('; ') || 'none';
            console.log(`${dyad ? 'dyad-only' : 'fail'} ${d.id}: ${d.text}\n    want ${fmt(e)}\n    got  ${fmt(s)}`);
        }
    }
    const pct = (n, t) => (t ? n / t : 0).toFixed(3);
    console.log('category     records  root+dyad  exact  dyad-any-code');
    for (const [name, t] of [...byCat].sort())
        console.log(`${name.padEnd(12)} ${String(t.records).padStart(7)}  ${pct(t.dyad, t.records).padStart(9)}  ` +
                    `${pct(t.exact, t.records)}  ${pct(t.actors, t.records)}`);
    console.log(`records-root-dyad ${pct(total.dyad, total.records)} (${total.dyad}/${total.records})`);
    console.log(`records-exact ${pct(total.exact, total.records)} (${total.exact}/${total.records})`);
    console.log(`records-dyad-any-code ${pct(total.actors, total.records)} (${total.actors}/${total.records})`);
    console.log(`(${skipped} records the suite marks as input errors not scored)`);
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'convert' && args.length === 2) convert(args[0], args[1]);
else if (cmd === 'report' && args.length >= 3) report(args[0], args[1], args[2], args.includes('--list'));
else {
    process.stderr.write('usage: petrarch-suite.js convert RECORDS.xml OUTDIR | report GOLD DOCS SYSTEM [--list]\n');
    process.exit(2);
}
