/* Loading the engine's knowledge from data files (formats: docs/data-formats.md). Every
 * malformed line is an error naming its file and line: data is checked, not guessed. */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const gram_class_names[G_COUNT] = {
    "neg_pre", "neg_post", "relative", "coord", "clause", "reflexive", "locative", "according",
    "possessive", "pair", "agent", "pronoun", "future", "conditional", "planned",
    "planned_modal", "future_aux", "prep", "adverb", "determiner", "hypothetical", "indefinite", "auxiliary",
    "locative_after", "passive", "subject_relative", "object_relative", "clitic", "control", "purpose", "target_stop",
    "adjective_pre", "reporting", "place_head", "irrealis", "condition", "realis", "sequel",
    "anterior", "posterior", "speaker", "copula", "genitive", "honorific", "pair_people", "vehicle", "vehicle_body",
    "gerund", "object_end", "superlative", "infinitive", "setting", "object_clitic", "object_pronoun",
    "plural_possessive", "det_plural"};

static const char *const time_class_names[TC_COUNT] = {
    "month", "weekday", "relday", "part", "daypart", "unit", "number", "ordinal",
    "direction", "ago", "offset", "vague", "approx", "yearword", "season", "every", "det",
    "link", "clock", "hour", "at", "yearpart", "anaphor", "decade", "holiday", "label", "name"};

bool fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return false;
}

static char *path_of(const vigie_engine *e, const char *rel, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s/%s", e->data_dir, rel);
    return buf;
}

/* Opens data_dir/rel; a missing optional file is not an error (returns false, err untouched). */
static bool open_data(const vigie_engine *e, datafile *f, const char *rel, bool required, char *pathbuf,
                      size_t cap, char *err, size_t errlen, bool *ok)
{
    path_of(e, rel, pathbuf, cap);
    *ok = true;
    if (datafile_open(f, pathbuf))
        return true;
    if (required)
        *ok = fail(err, errlen, "%s: cannot read: %s", pathbuf, strerror(errno));
    return false;
}

/* A language's file (data/LANG/NAME): false when absent (optional, *ok stays true) or unreadable. */
static bool open_lang_data(const vigie_engine *e, int lang, const char *name, datafile *f, char *pathbuf,
                           size_t cap, char *err, size_t errlen, bool *ok)
{
    char rel[256];
    snprintf(rel, sizeof rel, "%s/%s", lang_codes[lang], name);
    return open_data(e, f, rel, false, pathbuf, cap, err, errlen, ok);
}

/* A data file read line by line: each line goes to `parse`, which says what is wrong with a bad
 * one in `why`; the first bad line fails the load as "FILE:LINE: why". lang < 0: data_dir/rel,
 * else data_dir/LANG/rel; an absent file is an error only when required. */
typedef struct {
    vigie_engine *e;
    lang_data *L;   /* the file's language, or NULL */
    void *out;      /* what the parser fills, when it is not in e or L */
    long lineno;
    char *why;
    size_t why_len;
} line_ctx;
typedef bool (*line_parser)(line_ctx *c, char *line);

static bool load_lines(vigie_engine *e, int lang, const char *rel, bool required, line_parser parse, void *out,
                       char *err, size_t errlen)
{
    char path[1024], why[256] = "malformed line";
    datafile f;
    bool ok;
    if (lang >= 0 ? !open_lang_data(e, lang, rel, &f, path, sizeof path, err, errlen, &ok)
                  : !open_data(e, &f, rel, required, path, sizeof path, err, errlen, &ok))
        return ok;
    line_ctx c = {e, lang >= 0 ? &e->lang[lang] : NULL, out, 0, why, sizeof why};
    char *line;
    while ((line = datafile_next(&f))) {
        c.lineno = f.lineno;
        if (!parse(&c, line)) {
            datafile_close(&f);
            return fail(err, errlen, "%s:%ld: %s", path, f.lineno, why);
        }
    }
    datafile_close(&f);
    return true;
}

/* Indexes every variant ("a | b") of a phrase in table t with payload val. */
static void add_phrase_variants(lang_data *L, phrase_table *t, char *phrase, uint32_t val)
{
    char *vars[64];
    int nv = split_variants(phrase, vars, 64);
    for (int v = 0; v < nv; v++) {
        char key[512];
        uint32_t ntok = phrase_key(L, vars[v], key, sizeof key);
        if (ntok)
            phrase_add(t, key, ntok, val);
    }
}

/* ---- CAMEO ---- */

static bool cameo_line(line_ctx *c, char *line)
{
    char *fld[4];
    int n = split_fields(line, fld, 4);
    char *end;
    double g = n >= 3 ? strtod(fld[1], &end) : 0;
    int q = n >= 3 ? atoi(fld[2]) : 0;
    if (n < 3 || strlen(fld[0]) < 2 || strlen(fld[0]) > 4 || q < 1 || q > 4 || g < -10 || g > 10)
        return fail(c->why, c->why_len, "expected code, goldstein, quad class, name");
    vigie_engine *e = c->e;
    cameo_code cc;
    snprintf(cc.code, sizeof cc.code, "%s", fld[0]);
    cc.goldstein = g;
    cc.quad_class = q;
    cc.name = arena_strdup(&e->mem, n > 3 ? fld[3] : "");
    *strmap_put(&e->cameo_index, cc.code, strlen(cc.code), (uint32_t)e->cameo.n, NULL) = (uint32_t)e->cameo.n;
    VEC_PUSH(e->cameo, cc);
    return true;
}

bool engine_load_cameo(vigie_engine *e, char *err, size_t errlen)
{
    return load_lines(e, -1, "cameo.tsv", true, cameo_line, NULL, err, errlen);
}

const cameo_code *cameo_lookup(const vigie_engine *e, const char *code)
{
    const uint32_t *i = strmap_get(&e->cameo_index, code, strlen(code));
    return i ? &e->cameo.v[*i] : NULL;
}

/* ---- folding ---- */

static int cmp_fold(const void *a, const void *b)
{
    const fold_rule *x = a, *y = b;
    return (x->cp > y->cp) - (x->cp < y->cp);
}

typedef VEC(fold_rule) fold_rules;

static bool fold_line(line_ctx *c, char *line)
{
    char *fld[2];
    int n = split_fields(line, fld, 2);
    if (n < 1 || strncmp(fld[0], "U+", 2))
        return fail(c->why, c->why_len, "expected U+XXXX and a replacement");
    fold_rule r;
    r.cp = (int32_t)strtol(fld[0] + 2, NULL, 16);
    const char *with = n > 1 ? fld[1] : "";
    if (!strcmp(with, "SPACE"))
        with = " ";
    else if (!strcmp(with, "DELETE"))
        with = "";
    r.with = arena_strdup(&c->e->mem, with);
    VEC_PUSH(*(fold_rules *)c->out, r);
    return true;
}

bool engine_load_folds(vigie_engine *e, char *err, size_t errlen)
{
    fold_rules rules = {0};
    if (!load_lines(e, -1, "text/fold.txt", false, fold_line, &rules, err, errlen)) {
        VEC_FREE(rules);
        return false;
    }
    qsort(rules.v, rules.n, sizeof *rules.v, cmp_fold);
    e->folds = rules.v;
    e->fold_count = rules.n;
    for (size_t k = 0; k < rules.n; k++)
        if (rules.v[k].cp >= 0 && rules.v[k].cp < 0x800)
            e->folded_2byte[rules.v[k].cp / 64] |= 1ull << (rules.v[k].cp % 64);
    return true;
}

/* ---- per-language word lists ---- */

static void put_key(strmap *m, const char *word, uint32_t val)
{
    char key[256];
    size_t k = make_key(word, strlen(word), key, sizeof key);
    *strmap_put(m, key, k, val, NULL) = val;
}

/* elisions.txt: "d'  de" (an elided form and its word), a bare elided word, "keep WORD" (an
 * apostrophe inside a word: aujourd'hui) or "suffix WORD". */
static bool elision_line(line_ctx *c, char *line)
{
    strmap *m = c->out;
    char *fld[2];
    int n = split_fields(line, fld, 2);
    char *sp = n == 1 ? strchr(fld[0], ' ') : NULL;
    if (sp && (!strncmp(fld[0], "keep ", 5) || !strncmp(fld[0], "suffix ", 7))) {
        *sp = 0; /* "keep aujourd'hui" written with a space instead of a TAB */
        fld[1] = trim(sp + 1);
        n = 2;
    }
    if (n == 2 && (!strcmp(fld[0], "keep") || !strcmp(fld[0], "suffix"))) {
        put_key(m, fld[1], !strcmp(fld[0], "keep") ? 2 : 3);
    } else if (n == 1 && !sp) {
        put_key(m, fld[0], 1);
    } else if (n == 2 && strchr(fld[0], '\'')) {
        lang_data *L = c->L;
        put_key(m, fld[0], 1);
        char key[64];
        size_t k = make_key(fld[0], strlen(fld[0]), key, sizeof key);
        *strmap_put(&L->elided_as, key, k, 0, NULL) = (uint32_t)L->elided_forms.n;
        const char *full = arena_strdup(&c->e->mem, fld[1]);
        VEC_PUSH(L->elided_forms, full);
    } else {
        return fail(c->why, c->why_len, "expected an elision, 'keep WORD' or 'suffix WORD'");
    }
    return true;
}

/* abbreviations.txt: a word, and "end" when it may also end a sentence. */
static bool abbreviation_line(line_ctx *c, char *line)
{
    char *fld[2];
    int n = split_fields(line, fld, 2);
    if (n > 0)
        put_key(c->out, fld[0], n > 1 && !strcmp(fld[1], "end") ? 2 : 1);
    return true;
}

static bool word_line(line_ctx *c, char *line)
{
    char *fld[1];
    if (split_fields(line, fld, 1) > 0)
        put_key(c->out, fld[0], 1);
    return true;
}

/* A word kept as written, accents included ("approché" is a participle, "approche" is not). */
static bool accented_word_line(line_ctx *c, char *line)
{
    char *fld[1];
    if (split_fields(line, fld, 1) > 0)
        *strmap_put(c->out, fld[0], strlen(fld[0]), 1, NULL) = 1;
    return true;
}

static bool grammar_line(line_ctx *c, char *line)
{
    char *fld[3];
    int cls = -1;
    int n = split_fields(line, fld, 3);
    if (n >= 2)
        for (int k = 0; k < G_COUNT; k++)
            if (!strcmp(fld[1], gram_class_names[k]))
                cls = k;
    bool initial = n == 3 && !strcmp(fld[2], "initial");
    char key[512];
    uint32_t ntok = cls >= 0 && (n == 2 || initial) ? phrase_key_exact(c->L, fld[0], key, sizeof key) : 0;
    if (!ntok)
        return fail(c->why, c->why_len, "expected a phrase, a known class [, initial]");
    phrase_add(&c->L->grammar, key, ntok, (uint32_t)cls | (initial ? GRAM_INITIAL : 0));
    return true;
}

static bool time_line(line_ctx *c, char *line)
{
    char *fld[3];
    int n = split_fields(line, fld, 3);
    int cls = -1;
    if (n >= 2)
        for (int k = 0; k < TC_COUNT; k++)
            if (!strcmp(fld[1], time_class_names[k]))
                cls = k;
    if (cls < 0)
        return fail(c->why, c->why_len, "expected phrase, class, value (unknown class?)");
    time_entry te = {(enum time_class)cls, 0, NULL};
    if (n > 2) {
        char *endp;
        long v = strtol(fld[2], &endp, 10);
        if (endp == fld[2]) {
            te.text = arena_strdup(&c->e->mem, fld[2]);
        } else { /* a number, maybe followed by a tag: "-1 NI" */
            te.num = (int)v;
            while (*endp == ' ')
                endp++;
            if (*endp)
                te.text = arena_strdup(&c->e->mem, endp);
        }
    }
    add_phrase_variants(c->L, &c->L->time, fld[0], (uint32_t)c->L->time_entries.n);
    VEC_PUSH(c->L->time_entries, te);
    return true;
}

static bool agent_line(line_ctx *c, char *line)
{
    char *fld[4];
    int n = split_fields(line, fld, 4);
    if (n < 2)
        return fail(c->why, c->why_len, "expected noun, sector [, title] [, scene]");
    agent_entry a;
    a.sector = arena_strdup(&c->e->mem, strcmp(fld[1], "-") ? fld[1] : "");
    a.scene = !strcmp(fld[n - 1], "scene") && n > 2;
    if (a.scene)
        n--;
    a.title = n > 2 ? arena_strdup(&c->e->mem, fld[2]) : NULL;
    a.before = false;
    add_phrase_variants(c->L, &c->L->agents, fld[0], (uint32_t)c->L->agents_v.n);
    VEC_PUSH(c->L->agents_v, a);
    return true;
}

/* ---- verb patterns ---- */

/* data/LANG/coreference.txt: phrase, class [, gender, antecedent]. */
static bool parse_coref(char **fld, int n, coref_entry *c)
{
    static const char *const classes[] = {"pronoun", "anaphor", "impersonal", "inanimate"};
    static const char *const targets[] = {"person", "human", "actor"};
    int cls = -1;
    for (int k = 0; k < 4; k++)
        if (n >= 2 && !strcmp(fld[1], classes[k]))
            cls = k;
    bool refers = cls == CR_PRONOUN || cls == CR_ANAPHOR;
    if (cls < 0 || (refers ? n != 4 : n != 2))
        return false;
    memset(c, 0, sizeof *c);
    c->cls = (enum coref_class)cls;
    if (!refers)
        return true;
    if (strcmp(fld[2], "m") && strcmp(fld[2], "f") && strcmp(fld[2], "-"))
        return false;
    c->gender = fld[2][0] == '-' ? 0 : fld[2][0];
    c->target = CT_TITLE;
    for (int k = 0; k < 3; k++)
        if (!strcmp(fld[3], targets[k]))
            c->target = (enum coref_target)k;
    if (!strcmp(fld[3], "person_only")) { /* English "he": never a country, unlike French "il" */
        c->target = CT_PERSON;
        c->person_only = true;
    }
    if (!strncmp(fld[3], "organisation", 12) && (!fld[3][12] || fld[3][12] == ':'))
        c->target = CT_ORGANISATION;
    return true;
}

static bool coref_line(line_ctx *c, char *line)
{
    char *fld[4];
    int n = split_fields(line, fld, 4);
    coref_entry ce;
    if (!parse_coref(fld, n, &ce))
        return fail(c->why, c->why_len, "expected phrase, pronoun|anaphor, m|f|-, person|person_only|human|actor|organisation[:CODES]|TITLES "
                                        "or phrase, impersonal|inanimate");
    if (ce.target == CT_TITLE)
        ce.titles = arena_strdup(&c->e->mem, fld[3]);
    if (ce.target == CT_ORGANISATION && fld[3][12])
        ce.titles = arena_strdup(&c->e->mem, fld[3] + 13); /* "organisation:*REB|IMG*": its codes */
    add_phrase_variants(c->L, &c->L->coref, fld[0], (uint32_t)c->L->coref_v.n);
    VEC_PUSH(c->L->coref_v, ce);
    return true;
}

uint32_t lemma_id(lang_data *L, arena *mem, const char *lemma)
{
    char key[256];
    size_t k = make_key(lemma, strlen(lemma), key, sizeof key);
    bool inserted;
    uint32_t *id = strmap_put(&L->lemmas, key, k, (uint32_t)L->lemma_names.n, &inserted);
    if (inserted) {
        const char *name = arena_strndup(mem, key, k);
        VEC_PUSH(L->lemma_names, name);
        u32vec empty = {0};
        VEC_PUSH(L->lemma_patterns, empty);
    }
    return *id;
}

/* Turns one pattern word ("d'aide", "sanction*", "talks|negotiations") into items. */

enum { MAX_ALTERNATIVES = 64 }; /* of one pattern word: "food|water|medicine*|..." */

/* More alternatives than MAX_ALTERNATIVES: refused rather than cut short without a word. */
static bool too_many_alternatives(const char *word)
{
    int bars = 0;
    for (const char *p = word; *p; p++)
        bars += *p == '|';
    return bars >= MAX_ALTERNATIVES;
}

static void add_word_items(vigie_engine *e, lang_data *L, char *word, pat_items *items)
{
    bool adjacent = word[0] == '=' && word[1]; /* "=de": right after the item before, no gap */
    size_t first = items->n;
    if (adjacent)
        word++;
    char *vars[MAX_ALTERNATIVES];
    int nv = split_variants(word, vars, MAX_ALTERNATIVES);
    if (nv == 1) { /* a single word may be several tokens: "d'aide" -> "d'" "aide" */
        raw_tokens toks = {0};
        size_t len = strlen(vars[0]);
        bool star = len && vars[0][len - 1] == '*';
        tokenize_range(L, vars[0], 0, len - star, &toks);
        for (size_t t = 0; t < toks.n; t++) {
            char key[256];
            size_t k = token_key(L, vars[0] + toks.v[t].start, toks.v[t].end - toks.v[t].start, toks.v[t].flags, key,
                                 sizeof key - 1);
            if (star && t + 1 == toks.n)
                key[k++] = '*', key[k] = 0;
            pat_item it = {PI_WORD, arena_alloc(&e->mem, sizeof(char *)), 1, false, false, 0};
            it.alts[0] = arena_strndup(&e->mem, key, k);
            it.adjacent = adjacent && items->n == first;
            VEC_PUSH(*items, it);
        }
        VEC_FREE(toks);
        return;
    }
    pat_item it = {PI_WORD, arena_alloc(&e->mem, (size_t)nv * sizeof(char *)), nv, adjacent, false, 0};
    for (int v = 0; v < nv; v++) {
        char key[256];
        size_t k = make_key(vars[v], strlen(vars[v]), key, sizeof key);
        it.alts[v] = arena_strndup(&e->mem, key, k);
    }
    VEC_PUSH(*items, it);
}

static void index_noun_trigger(lang_data *L, const char *key, uint32_t pattern)
{
    bool inserted;
    uint32_t *list = strmap_put(&L->noun_triggers, key, strlen(key), (uint32_t)L->noun_pattern_lists.n, &inserted);
    if (inserted) {
        u32vec empty = {0};
        VEC_PUSH(L->noun_pattern_lists, empty);
    }
    VEC_PUSH(L->noun_pattern_lists.v[*list], pattern);
}

/* Notes a prefix stem's first two bytes (a one-byte stem: any second byte) in noun_stem_pairs. */
static void mark_stem(lang_data *L, const char *stem, size_t len)
{
    unsigned char c0 = (unsigned char)stem[0];
    for (int c1 = 0; c1 < 256; c1++)
        if (len == 1 || c1 == (unsigned char)stem[1])
            L->noun_stem_pairs[c0][c1 >> 3] |= (uint8_t)(1u << (c1 & 7));
}

static bool parse_pattern(vigie_engine *e, lang_data *L, const char *code, char *pat, long lineno,
                          char *why, size_t why_len)
{
    event_pattern p;
    memset(&p, 0, sizeof p);
    snprintf(p.code, sizeof p.code, "%s", code);
    p.line = lineno;
    pat_items items = {0};
    char *words[64];
    int nw = 0;
    for (char *w = strtok(pat, " "); w && nw < 64; w = strtok(NULL, " "))
        words[nw++] = w;
    int i = 0;
    if (nw && !strncmp(words[0], "n:", 2)) {
        p.noun = true;
        words[0] += 2;
    } else if (nw > 1 && (!strcmp(words[0], "se") || !strcmp(words[0], "s'"))) {
        p.pronominal = true;
        i = 1;
    } else if (nw && (!strncmp(words[0], "s'", 2) || !strncmp(words[0], "s\xe2\x80\x99", 4)) && words[0][2]) {
        p.pronominal = true;
        words[0] += words[0][1] == '\'' ? 2 : 4;
    }
    if (i >= nw)
        return fail(why, why_len, "empty pattern");
    char *trigger = words[i++];
    if (too_many_alternatives(trigger))
        return fail(why, why_len, "more than %d alternatives in '%.40s...'", MAX_ALTERNATIVES, trigger);
    for (; i < nw; i++) {
        if (!strcmp(words[i], "+T") || !strcmp(words[i], "+S") || !strcmp(words[i], "+T?")) {
            pat_item it = {words[i][1] == 'T' ? PI_TARGET : PI_SOURCE, NULL, 0, false, words[i][2] == '?', 0};
            VEC_PUSH(items, it);
        } else if (!strcmp(words[i], "~")) {
            p.reciprocal = true;
        } else if (too_many_alternatives(words[i])) {
            VEC_FREE(items);
            return fail(why, why_len, "more than %d alternatives in '%.40s...'", MAX_ALTERNATIVES, words[i]);
        } else {
            add_word_items(e, L, words[i], &items);
        }
    }
    p.items = items.v;
    p.item_count = (int)items.n;
    p.weight = 2 * p.item_count + p.pronominal;
    p.control = !strcmp(code, ">") || !strcmp(code, ">?");
    p.control_planned = !strcmp(code, ">?");
    p.joins = !strcmp(code, "^");
    /* the items live as long as the engine: move them into the arena */
    if (items.n) {
        p.items = arena_alloc(&e->mem, items.n * sizeof *items.v);
        memcpy(p.items, items.v, items.n * sizeof *items.v);
    }
    VEC_FREE(items);
    uint32_t index = (uint32_t)L->patterns.n;
    VEC_PUSH(L->patterns, p);
    char *vars[MAX_ALTERNATIVES];
    int nv = split_variants(trigger, vars, MAX_ALTERNATIVES);
    for (int v = 0; v < nv; v++) {
        if (p.noun) {
            char key[256];
            make_key(vars[v], strlen(vars[v]), key, sizeof key);
            index_noun_trigger(L, key, index);
        } else {
            uint32_t id = lemma_id(L, &e->mem, vars[v]);
            VEC_PUSH(L->lemma_patterns.v[id], index);
        }
    }
    return true;
}

static bool verb_line(line_ctx *c, char *line)
{
    char *fld[2];
    if (split_fields(line, fld, 2) != 2)
        return fail(c->why, c->why_len, "expected CODE<TAB>pattern");
    if (strcmp(fld[0], ">") && strcmp(fld[0], ">?") && strcmp(fld[0], "---") && strcmp(fld[0], "^") &&
        !cameo_lookup(c->e, fld[0]))
        return fail(c->why, c->why_len, "unknown CAMEO code '%s'", fld[0]);
    return parse_pattern(c->e, c->L, fld[0], fld[1], c->lineno, c->why, c->why_len);
}

static bool load_verbs(vigie_engine *e, int lang, char *err, size_t errlen)
{
    lang_data *L = &e->lang[lang];
    if (!load_lines(e, lang, "verbs.txt", false, verb_line, NULL, err, errlen))
        return false;
    /* noun triggers ending in '*' are prefixes: keep them in a list scanned per token */
    for (size_t s = 0; s < L->noun_triggers.cap; s++) {
        const char *k = L->noun_triggers.slots[s].key;
        if (k && k[0] && k[strlen(k) - 1] == '*') {
            bool inserted;
            size_t stem = strlen(k) - 1 < 3 ? strlen(k) - 1 : 3;
            uint32_t *list = strmap_put(&L->noun_prefix_stems, k, stem, (uint32_t)L->noun_stem_lists.n, &inserted);
            if (inserted) {
                u32vec empty = {0};
                VEC_PUSH(L->noun_stem_lists, empty);
            }
            VEC_PUSH(L->noun_stem_lists.v[*list], (uint32_t)L->noun_prefixes.n);
            L->noun_stem_lens |= (uint8_t)(1u << stem);
            if (stem == 3)
                L->noun_stem3[stem3_bit(k) >> 6] |= 1ull << (stem3_bit(k) & 63);
            mark_stem(L, k, stem);
            VEC_PUSH(L->noun_prefixes, k);
            VEC_PUSH(L->noun_prefix_lists, L->noun_triggers.slots[s].val);
        }
    }
    return true;
}

void verbform_add(lang_data *L, const char *key, size_t k, verb_analysis va)
{
    bool inserted;
    uint32_t *slot = strmap_put(&L->verbforms, key, k, 0, &inserted);
    const verb_analysis end = {UINT32_MAX, "", 0};
    size_t start = inserted ? 0 : *slot - 1, len = 0;
    while (!inserted && L->analyses.v[start + len].lemma != UINT32_MAX)
        len++;
    for (size_t j = 0; j < len; j++) {
        if (L->analyses.v[start + j].lemma == va.lemma && !strcmp(L->analyses.v[start + j].tags, va.tags))
            return; /* known already */
    }
    va.tag_bits = 0;
    for (const char *tag = va.tags; *tag; tag++)
        va.tag_bits |= verb_tag_bit(*tag);
    /* a form's analyses are a run ended by a terminator: rebuild it at the end, one longer */
    size_t new_start = L->analyses.n;
    for (size_t j = 0; j < len; j++) {
        verb_analysis copy = L->analyses.v[start + j];
        VEC_PUSH(L->analyses, copy);
    }
    VEC_PUSH(L->analyses, va);
    VEC_PUSH(L->analyses, end);
    *slot = (uint32_t)new_start + 1;
}

void patterns_clear(lang_data *L)
{
    for (size_t i = 0; i < L->lemma_patterns.n; i++)
        L->lemma_patterns.v[i].n = 0;
    for (size_t i = 0; i < L->noun_pattern_lists.n; i++)
        L->noun_pattern_lists.v[i].n = 0;
}

static bool plain_key(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80 || (s[i] >= 'A' && s[i] <= 'Z'))
            return false;
    return true;
}

/* The id of a lemma that patterns or the grammar need, or NULL. */
static const uint32_t *lemma_known(const lang_data *L, const char *lemma)
{
    size_t n = strlen(lemma);
    const uint32_t *id = strmap_get(&L->lemmas, lemma, n);
    if (!id && !plain_key(lemma, n)) { /* a plain lowercase ASCII lemma is its own key */
        char key[256];
        size_t k = make_key(lemma, n, key, sizeof key);
        id = strmap_get(&L->lemmas, key, k);
    }
    return id;
}

/* Adds the analyses of one verbforms.tsv line's forms, "form:TAGS form:TAGS ...", to lemma id. */
static void add_lemma_forms(lang_data *L, uint32_t id, char *forms)
{
    for (char *f = strtok_r(forms, " ", &forms); f; f = strtok_r(NULL, " ", &forms)) {
        char *colon = strrchr(f, ':');
        if (!colon)
            continue; /* generated file: tolerate a stray word rather than refuse to start */
        verb_analysis va;
        va.lemma = id;
        copy_bounded(va.tags, sizeof va.tags, colon + 1);
        char key[256];
        size_t k = make_lower(f, (size_t)(colon - f), key, sizeof key);
        verbform_add(L, key, k, va);
    }
}

/* verbforms.tsv: "lemma<TAB>form:TAGS ...". Only the lemmas that patterns or the grammar need are
 * kept: the lexicon is large (7.5 MB in French), so the file is mapped rather than read and copied,
 * and a line is copied out only for a lemma that is needed; the others are skipped unread. A
 * generated file: a stray line is tolerated rather than refuse to start. */
static bool scan_verbforms(lang_data *L, const char *path, char *err, size_t errlen)
{
    mapped_file m;
    if (!map_file(path, &m)) {
        /* without it no pattern's verb is recognised: an engine that would code almost nothing does not start */
        if (errno == ENOENT && L->patterns.n > 0)
            return fail(err, errlen, "%s: not found: the verb forms of verbs.txt's patterns (generated by "
                        "`make` from the lexicons scripts/setup installs)", path);
        return errno == ENOENT || fail(err, errlen, "%s: cannot read: %s", path, strerror(errno));
    }
    char *forms = NULL;
    size_t cap = 0;
    for (const char *p = m.data, *end = m.data + m.len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        const char *tab = memchr(p, '\t', (size_t)(nl - p));
        char lemma[256];
        if (tab && (size_t)(tab - p) < sizeof lemma) {
            memcpy(lemma, p, (size_t)(tab - p));
            lemma[tab - p] = 0;
            const uint32_t *id = lemma_known(L, lemma);
            if (id) {
                size_t n = (size_t)(nl - tab - 1);
                if (n + 1 > cap)
                    forms = xrealloc(forms, cap = 2 * n + 1);
                memcpy(forms, tab + 1, n);
                forms[n] = 0;
                add_lemma_forms(L, *id, forms);
            }
        }
        p = nl + 1;
    }
    free(forms);
    unmap_file(&m);
    return true;
}

static bool load_verbforms(vigie_engine *e, int lang, char *err, size_t errlen)
{
    static const char *const always[] = {"avoir", "être", "aller", "devoir", "venir", "be", "have", "do", "go"};
    for (size_t a = 0; a < sizeof always / sizeof *always; a++)
        lemma_id(&e->lang[lang], &e->mem, always[a]);
    char rel[64], path[1024];
    snprintf(rel, sizeof rel, "%s/verbforms.tsv", lang_codes[lang]);
    return scan_verbforms(&e->lang[lang], path_of(e, rel, path, sizeof path), err, errlen);
}

bool engine_load_lang(vigie_engine *e, int lang, char *err, size_t errlen)
{
    lang_data *L = &e->lang[lang];
    bool ok = load_lines(e, lang, "abbreviations.txt", false, abbreviation_line, &L->abbrev, err, errlen) &&
              load_lines(e, lang, "elisions.txt", false, elision_line, &L->elision, err, errlen);
    for (size_t s = 0; ok && s < L->elision.cap; s++)
        if (L->elision.slots[s].key && !strchr(L->elision.slots[s].key, '\''))
            L->elision_bare = true;
    return ok && load_lines(e, lang, "stopwords.txt", false, word_line, &L->stopwords, err, errlen) &&
           load_lines(e, lang, "grammar.txt", false, grammar_line, NULL, err, errlen) &&
           load_lines(e, lang, "time.txt", false, time_line, NULL, err, errlen) &&
           load_lines(e, lang, "clauseforms.txt", false, word_line, &L->clause_forms, err, errlen) &&
           load_lines(e, lang, "participles.txt", false, accented_word_line, &L->participles, err, errlen) &&
           load_lines(e, lang, "etreverbs.txt", false, word_line, &L->etre_verbs, err, errlen) &&
           (e->dates_only || (load_lines(e, lang, "agents.txt", false, agent_line, NULL, err, errlen) &&
                              load_lines(e, lang, "coreference.txt", false, coref_line, NULL, err, errlen))) &&
           load_verbs(e, lang, err, errlen) && load_verbforms(e, lang, err, errlen);
}
