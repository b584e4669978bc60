#!/usr/bin/env node
// The PLOVER gold standard (../shared/peer/plover/PLOVER_GSR_CAMEO.json: the CAMEO manual's example
// sentences, hand-coded with PLOVER 0.5 event types and source and target actors) as a vigie
// evaluation of English event coding with vigie's own dictionaries.
//
//   plover-gold.js PLOVER_GSR_CAMEO.json ORGANISATIONS.txt OUTDIR
//       writes OUTDIR/docs.jsonl (id, date, lang, text) and OUTDIR/gold.jsonl (vigie's gold form,
//       ../shared/gold/README.md), one item per source actor, or one symmetric item where the
//       record marks its actors as reciprocal (SRC/TAR). Records with no source are left out.
//
// Event types become CAMEO roots by the table below: each PLOVER 0.5 type is the CAMEO root its
// examples come from (read off the records whose sentence is also the codebook's example of a
// code). AGREE and THREATEN (CAMEO 03 and 13, intents) also take, as `intent_roots`, the roots of
// the acts intended when vigie flags the event planned: vigie codes "X will visit Y", "X will
// withdraw its troops unless..." as the act with the `planned` flag, as the seed's gold does
// ("s'entretiendra avec": 041 or 036, planned). Actor codes are ISO-3 countries, kept at country
// level (vigie's USAGOV matches USA); the generic IGO stands for any organisation of
// ORGANISATIONS.txt (vigie's UN, EU, NATO...), whose codes this script reads; a record without a
// target accepts any target, as the file often leaves the target out where the sentence has one.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOTS = {
    AGREE: ['03'], CONSULT: ['04'], SUPPORT: ['05'], COOPERATE: ['06'], AID: ['07'],
    CONCEDE: ['08'], RETREAT: ['08'], INVESTIGATE: ['09'], DEMAND: ['10'], DISAPPROVE: ['11'],
    REJECT: ['12'], THREATEN: ['13'], PROTEST: ['14'], MOBILIZE: ['15'], SANCTION: ['16'],
    COERCE: ['17'], ASSAULT: ['18', '20'], FIGHT: ['19', '20'],
};
const INTENT_ROOTS = {AGREE: ['04', '05', '06', '07', '08'], THREATEN: ['14', '15', '16', '17', '18', '19', '20']};
// codes of the file that are not ISO 3166 alpha-3 (typos of the source file)
const ISO = {ITL: 'ITA', JAP: 'JPN', VTN: 'VNM'};

function organisationCodes(file) {
    const codes = new Set();
    let kind = null;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        const m = line.match(/^\s*(kind|code)\s*=\s*(\S+)/);
        if (line.startsWith('[')) kind = null;
        else if (m && m[1] === 'kind') kind = m[2];
        else if (m && kind === 'organisation') codes.add(m[2]);
    }
    return [...codes];
}

function actorCodes(actors, igo) {
    const out = new Set();
    for (const a of Array.isArray(actors) ? actors : []) {
        const code = String(a.code || '').trim().toUpperCase();
        if (code === 'IGO') igo.forEach((c) => out.add(c));
        else if (/^[A-Z]{3}$/.test(code)) out.add(ISO[code] || code);
    }
    return [...out];
}

function convert(ploverPath, orgPath, outDir) {
    const igo = organisationCodes(orgPath);
    const records = JSON.parse(fs.readFileSync(ploverPath, 'utf8'));
    fs.mkdirSync(outDir, {recursive: true});
    const docs = [], gold = [], seen = new Map();
    for (const r of records) {
        const roots = ROOTS[r.event];
        if (!roots || !r.text || !Array.isArray(r.source)) continue;
        const text = r.text.trim();
        const sources = actorCodes(r.source, igo), targets = actorCodes(r.target, igo);
        if (!sources.length) continue;
        const n = (seen.get(r.id) || 0) + 1; /* the file gives two records the id COERCE-0004 */
        seen.set(r.id, n);
        const id = n > 1 ? `${r.id}.${n}` : r.id;
        docs.push(JSON.stringify({id, date: '2000-01-01', lang: 'en', text}));
        const intents = INTENT_ROOTS[r.event] ? {intent_roots: INTENT_ROOTS[r.event]} : {};
        const base = {doc: id, locator: text, roots, ...intents, required: true, type: r.event};
        const markup = r.textInfo && typeof r.textInfo === 'object' ? r.textInfo.markup || '' : '';
        if (markup.includes('SRC/TAR')) {
            const both = [...new Set([...sources, ...targets])];
            gold.push(JSON.stringify({...base, id: "E1", source: both, target: [...both, null], symmetric: true}));
            continue;
        }
        // one item per source country; organisations (all of IGO's codes) make one item
        const groups = sources.filter((c) => !igo.includes(c)).map((c) => [c]);
        if (sources.some((c) => igo.includes(c))) groups.push(igo);
        groups.forEach((src, k) => gold.push(JSON.stringify({
            ...base, id: `E${k + 1}`, source: src, ...(targets.length ? {target: targets} : {}),
            symmetric: false})));
    }
    fs.writeFileSync(path.join(outDir, 'docs.jsonl'), docs.join('\n') + '\n');
    fs.writeFileSync(path.join(outDir, 'gold.jsonl'), gold.join('\n') + '\n');
    process.stderr.write(`plover-gold: ${docs.length} documents, ${gold.length} gold events\n`);
}

if (process.argv.length !== 5) {
    process.stderr.write('usage: plover-gold.js PLOVER_GSR_CAMEO.json ORGANISATIONS.txt OUTDIR\n');
    process.exit(2);
}
convert(process.argv[2], process.argv[3], process.argv[4]);
