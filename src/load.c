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
    "locative_after", "passive", "subject_relative", "object_relative", "clitic", "control", "purpose", "target_stop"};

static const char *const time_class_names[TC_COUNT] = {
    "month", "weekday", "relday", "part", "daypart", "unit", "number", "ordinal",
    "direction", "ago", "offset", "vague", "approx", "yearword", "season", "every", "det",
    "link", "clock", "hour", "at", "yearpart", "anaphor", "decade"};

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

/* ---- CAMEO ---- */

bool engine_load_cameo(vigie_engine *e, char *err, size_t errlen)
{
    char path[1024];
    datafile f;
    bool ok;
    if (!open_data(e, &f, "cameo.tsv", true, path, sizeof path, err, errlen, &ok))
        return ok;
    char *line;
    while ((line = datafile_next(&f))) {
        char *fld[4];
        int n = split_fields(line, fld, 4);
        char *end;
        double g = n >= 3 ? strtod(fld[1], &end) : 0;
        int q = n >= 3 ? atoi(fld[2]) : 0;
        if (n < 3 || strlen(fld[0]) < 2 || strlen(fld[0]) > 4 || q < 1 || q > 4 || g < -10 || g > 10) {
            datafile_close(&f);
            return fail(err, errlen, "%s:%ld: expected code, goldstein, quad class, name", path, f.lineno);
        }
        cameo_code c;
        snprintf(c.code, sizeof c.code, "%s", fld[0]);
        c.goldstein = g;
        c.quad_class = q;
        c.name = arena_strdup(&e->mem, n > 3 ? fld[3] : "");
        *strmap_put(&e->cameo_index, c.code, strlen(c.code), (uint32_t)e->cameo.n, NULL) = (uint32_t)e->cameo.n;
        VEC_PUSH(e->cameo, c);
    }
    datafile_close(&f);
    return true;
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

bool engine_load_folds(vigie_engine *e, char *err, size_t errlen)
{
    char path[1024];
    datafile f;
    bool ok;
    if (!open_data(e, &f, "text/fold.txt", false, path, sizeof path, err, errlen, &ok))
        return ok;
    VEC(fold_rule) rules = {0};
    char *line;
    while ((line = datafile_next(&f))) {
        char *fld[2];
        int n = split_fields(line, fld, 2);
        if (n < 1 || strncmp(fld[0], "U+", 2)) {
            VEC_FREE(rules);
            datafile_close(&f);
            return fail(err, errlen, "%s:%ld: expected U+XXXX and a replacement", path, f.lineno);
        }
        fold_rule r;
        r.cp = (int32_t)strtol(fld[0] + 2, NULL, 16);
        const char *with = n > 1 ? fld[1] : "";
        if (!strcmp(with, "SPACE"))
            with = " ";
        else if (!strcmp(with, "DELETE"))
            with = "";
        r.with = arena_strdup(&e->mem, with);
        VEC_PUSH(rules, r);
    }
    datafile_close(&f);
    qsort(rules.v, rules.n, sizeof *rules.v, cmp_fold);
    e->folds = rules.v;
    e->fold_count = rules.n;
    return true;
}

/* ---- per-language word lists ---- */

static void put_key(strmap *m, const char *word, uint32_t val)
{
    char key[256];
    size_t k = make_key(word, strlen(word), key, sizeof key);
    *strmap_put(m, key, k, val, NULL) = val;
}

static bool load_words(vigie_engine *e, int lang, const char *file, strmap *m, char *err, size_t errlen)
{
    char path[1024];
    datafile f;
    bool ok;
    if (!open_lang_data(e, lang, file, &f, path, sizeof path, err, errlen, &ok))
        return ok;
    char *line;
    while ((line = datafile_next(&f))) {
        char *fld[2];
        int n = split_fields(line, fld, 2);
        if (!strcmp(file, "elisions.txt")) {
            if (n == 2 && !strcmp(fld[0], "keep"))
                put_key(m, fld[1], 2);
            else if (n == 2 && !strcmp(fld[0], "suffix"))
                put_key(m, fld[1], 3);
            else if (n == 1 && strchr(fld[0], ' ') == NULL)
                put_key(m, fld[0], 1);
            else if (n == 2 && strchr(fld[0], '\'')) { /* "d'  de": the elided form and its word */
                lang_data *L = &e->lang[lang];
                put_key(m, fld[0], 1);
                char key[64];
                size_t k = make_key(fld[0], strlen(fld[0]), key, sizeof key);
                *strmap_put(&L->elided_as, key, k, 0, NULL) = (uint32_t)L->elided_forms.n;
                const char *full = arena_strdup(&e->mem, fld[1]);
                VEC_PUSH(L->elided_forms, full);
            }
            else {
                /* "keep aujourd'hui" written with a space instead of a TAB */
                char *sp = strchr(fld[0], ' ');
                if (sp && (!strncmp(fld[0], "keep ", 5) || !strncmp(fld[0], "suffix ", 7))) {
                    *sp = 0;
                    put_key(m, trim(sp + 1), !strcmp(fld[0], "keep") ? 2 : 3);
                } else {
                    datafile_close(&f);
                    return fail(err, errlen, "%s:%ld: expected an elision, 'keep WORD' or 'suffix WORD'", path, f.lineno);
                }
            }
        } else if (!strcmp(file, "abbreviations.txt")) {
            put_key(m, fld[0], n > 1 && !strcmp(fld[1], "end") ? 2 : 1);
        } else {
            put_key(m, fld[0], 1);
        }
    }
    datafile_close(&f);
    return true;
}

static bool load_grammar(vigie_engine *e, int lang, char *err, size_t errlen)
{
    lang_data *L = &e->lang[lang];
    char path[1024];
    datafile f;
    bool ok;
    if (!open_lang_data(e, lang, "grammar.txt", &f, path, sizeof path, err, errlen, &ok))
        return ok;
    char *line;
    while ((line = datafile_next(&f))) {
        char *fld[3];
        int cls = -1;
        int n = split_fields(line, fld, 3);
        if (n >= 2)
            for (int c = 0; c < G_COUNT; c++)
                if (!strcmp(fld[1], gram_class_names[c]))
                    cls = c;
        bool initial = n == 3 && !strcmp(fld[2], "initial");
        char key[512];
        uint32_t ntok = cls >= 0 && (n == 2 || initial) ? phrase_key_exact(L, fld[0], key, sizeof key) : 0;
        if (!ntok) {
            datafile_close(&f);
            return fail(err, errlen, "%s:%ld: expected a phrase, a known class [, initial]", path, f.lineno);
        }
        phrase_add(&L->grammar, key, ntok, (uint32_t)cls | (initial ? GRAM_INITIAL : 0));
    }
    datafile_close(&f);
    return true;
}

static bool load_time(vigie_engine *e, int lang, char *err, size_t errlen)
{
    lang_data *L = &e->lang[lang];
    char path[1024];
    datafile f;
    bool ok;
    if (!open_lang_data(e, lang, "time.txt", &f, path, sizeof path, err, errlen, &ok))
        return ok;
    char *line;
    while ((line = datafile_next(&f))) {
        char *fld[3];
        int n = split_fields(line, fld, 3);
        int cls = -1;
        if (n >= 2)
            for (int c = 0; c < TC_COUNT; c++)
                if (!strcmp(fld[1], time_class_names[c]))
                    cls = c;
        if (cls < 0) {
            datafile_close(&f);
            return fail(err, errlen, "%s:%ld: expected phrase, class, value (unknown class?)", path, f.lineno);
        }
        time_entry te = {(enum time_class)cls, 0, NULL};
        if (n > 2) {
            char *endp;
            long v = strtol(fld[2], &endp, 10);
            if (endp == fld[2]) {
                te.text = arena_strdup(&e->mem, fld[2]);
            } else { /* a number, maybe followed by a tag: "-1 NI" */
                te.num = (int)v;
                while (*endp == ' ')
                    endp++;
                if (*endp)
                    te.text = arena_strdup(&e->mem, endp);
            }
        }
        char *vars[32];
        int nv = split_variants(fld[0], vars, 32);
        for (int v = 0; v < nv; v++) {
            char key[512];
            uint32_t ntok = phrase_key(L, vars[v], key, sizeof key);
            if (ntok)
                phrase_add(&L->time, key, ntok, (uint32_t)L->time_entries.n);
        }
        VEC_PUSH(L->time_entries, te);
    }
    datafile_close(&f);
    return true;
}

static bool load_agents(vigie_engine *e, int lang, char *err, size_t errlen)
{
    lang_data *L = &e->lang[lang];
    char path[1024];
    datafile f;
    bool ok;
    if (!open_lang_data(e, lang, "agents.txt", &f, path, sizeof path, err, errlen, &ok))
        return ok;
    char *line;
    while ((line = datafile_next(&f))) {
        char *fld[3];
        int n = split_fields(line, fld, 3);
        if (n < 2) {
            datafile_close(&f);
            return fail(err, errlen, "%s:%ld: expected noun, sector [, title]", path, f.lineno);
        }
        agent_entry a;
        a.sector = arena_strdup(&e->mem, strcmp(fld[1], "-") ? fld[1] : "");
        a.title = n > 2 ? arena_strdup(&e->mem, fld[2]) : NULL;
        a.before = false;
        char *vars[64];
        int nv = split_variants(fld[0], vars, 64);
        for (int v = 0; v < nv; v++) {
            char key[512];
            uint32_t ntok = phrase_key(L, vars[v], key, sizeof key);
            if (ntok)
                phrase_add(&L->agents, key, ntok, (uint32_t)L->agents_v.n);
        }
        VEC_PUSH(L->agents_v, a);
    }
    datafile_close(&f);
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
    return true;
}

static bool load_coref(vigie_engine *e, int lang, char *err, size_t errlen)
{
    lang_data *L = &e->lang[lang];
    char path[1024];
    datafile f;
    bool ok;
    if (!open_lang_data(e, lang, "coreference.txt", &f, path, sizeof path, err, errlen, &ok))
        return ok;
    char *line;
    while ((line = datafile_next(&f))) {
        char *fld[4];
        int n = split_fields(line, fld, 4);
        coref_entry c;
        if (!parse_coref(fld, n, &c)) {
            datafile_close(&f);
            return fail(err, errlen, "%s:%ld: expected phrase, pronoun|anaphor, m|f|-, person|human|actor|TITLES "
                                     "or phrase, impersonal|inanimate", path, f.lineno);
        }
        if (c.target == CT_TITLE)
            c.titles = arena_strdup(&e->mem, fld[3]);
        char *vars[64];
        int nv = split_variants(fld[0], vars, 64);
        for (int v = 0; v < nv; v++) {
            char key[512];
            uint32_t ntok = phrase_key(L, vars[v], key, sizeof key);
            if (ntok)
                phrase_add(&L->coref, key, ntok, (uint32_t)L->coref_v.n);
        }
        VEC_PUSH(L->coref_v, c);
    }
    datafile_close(&f);
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

static void add_word_items(vigie_engine *e, lang_data *L, char *word, pat_items *items)
{
    char *vars[16];
    int nv = split_variants(word, vars, 16);
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
            pat_item it = {PI_WORD, arena_alloc(&e->mem, sizeof(char *)), 1, false, false};
            it.alts[0] = arena_strndup(&e->mem, key, k);
            VEC_PUSH(*items, it);
        }
        VEC_FREE(toks);
        return;
    }
    pat_item it = {PI_WORD, arena_alloc(&e->mem, (size_t)nv * sizeof(char *)), nv, false, false};
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
                          char *err, size_t errlen, const char *path)
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
        return fail(err, errlen, "%s:%ld: empty pattern", path, lineno);
    char *trigger = words[i++];
    for (; i < nw; i++) {
        if (!strcmp(words[i], "+T") || !strcmp(words[i], "+S") || !strcmp(words[i], "+T?")) {
            pat_item it = {words[i][1] == 'T' ? PI_TARGET : PI_SOURCE, NULL, 0, false, words[i][2] == '?'};
            VEC_PUSH(items, it);
        } else if (!strcmp(words[i], "~")) {
            p.reciprocal = true;
        } else {
            add_word_items(e, L, words[i], &items);
        }
    }
    p.items = items.v;
    p.item_count = (int)items.n;
    p.weight = 2 * p.item_count + p.pronominal;
    p.control = !strcmp(code, ">");
    /* the items live as long as the engine: move them into the arena */
    if (items.n) {
        p.items = arena_alloc(&e->mem, items.n * sizeof *items.v);
        memcpy(p.items, items.v, items.n * sizeof *items.v);
    }
    VEC_FREE(items);
    uint32_t index = (uint32_t)L->patterns.n;
    VEC_PUSH(L->patterns, p);
    char *vars[16];
    int nv = split_variants(trigger, vars, 16);
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

static bool load_verbs(vigie_engine *e, int lang, char *err, size_t errlen)
{
    lang_data *L = &e->lang[lang];
    char path[1024];
    datafile f;
    bool ok;
    if (!open_lang_data(e, lang, "verbs.txt", &f, path, sizeof path, err, errlen, &ok))
        return ok;
    char *line;
    while ((line = datafile_next(&f))) {
        char *fld[2];
        if (split_fields(line, fld, 2) != 2) {
            datafile_close(&f);
            return fail(err, errlen, "%s:%ld: expected CODE<TAB>pattern", path, f.lineno);
        }
        if (strcmp(fld[0], ">") && strcmp(fld[0], "---") && !cameo_lookup(e, fld[0])) {
            datafile_close(&f);
            return fail(err, errlen, "%s:%ld: unknown CAMEO code '%s'", path, f.lineno, fld[0]);
        }
        if (!parse_pattern(e, L, fld[0], fld[1], f.lineno, err, errlen, path)) {
            datafile_close(&f);
            return false;
        }
    }
    datafile_close(&f);
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
    const verb_analysis end = {UINT32_MAX, ""};
    size_t start = inserted ? 0 : *slot - 1, len = 0;
    while (!inserted && L->analyses.v[start + len].lemma != UINT32_MAX)
        len++;
    for (size_t j = 0; j < len; j++) {
        if (L->analyses.v[start + j].lemma == va.lemma && !strcmp(L->analyses.v[start + j].tags, va.tags))
            return; /* known already */
    }
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

/* Keeps the forms of lemmas that patterns or the grammar need: the lexicon is large. */
static bool load_verbforms(vigie_engine *e, int lang, char *err, size_t errlen)
{
    lang_data *L = &e->lang[lang];
    static const char *const always[] = {"avoir", "être", "aller", "devoir", "venir", "be", "have", "do", "go"};
    for (size_t a = 0; a < sizeof always / sizeof *always; a++)
        lemma_id(L, &e->mem, always[a]);
    char path[1024];
    datafile f;
    bool ok;
    if (!open_lang_data(e, lang, "verbforms.tsv", &f, path, sizeof path, err, errlen, &ok))
        return ok;
    /* Forms of one lemma are consecutive in no order we can rely on; collect then index. */
    VEC(struct fa { const char *form; verb_analysis va; }) all = {0};
    char *line;
    const char *prev_lemma = ""; /* the file is sorted by form: a lemma's lines mostly follow each other */
    const uint32_t *id = NULL;
    while ((line = datafile_next(&f))) {
        char *fld[3];
        if (split_fields(line, fld, 3) != 3)
            continue; /* generated file: tolerate a stray line rather than refuse to start */
        if (strcmp(fld[1], prev_lemma)) {
            id = lemma_known(L, fld[1]);
            prev_lemma = fld[1];
        }
        if (!id)
            continue;
        struct fa x;
        x.form = fld[0];
        x.va.lemma = *id;
        snprintf(x.va.tags, sizeof x.va.tags, "%s", fld[2]);
        VEC_PUSH(all, x);
    }
    for (size_t i = 0; i < all.n; i++) {
        char key[256];
        size_t k = make_lower(all.v[i].form, strlen(all.v[i].form), key, sizeof key);
        verbform_add(L, key, k, all.v[i].va);
    }
    VEC_FREE(all);
    datafile_close(&f);
    return true;
}

bool engine_load_lang(vigie_engine *e, int lang, char *err, size_t errlen)
{
    lang_data *L = &e->lang[lang];
    bool ok = load_words(e, lang, "abbreviations.txt", &L->abbrev, err, errlen) &&
              load_words(e, lang, "elisions.txt", &L->elision, err, errlen);
    for (size_t s = 0; ok && s < L->elision.cap; s++)
        if (L->elision.slots[s].key && !strchr(L->elision.slots[s].key, '\''))
            L->elision_bare = true;
    return ok &&
           load_words(e, lang, "stopwords.txt", &L->stopwords, err, errlen) &&
           load_grammar(e, lang, err, errlen) && load_time(e, lang, err, errlen) &&
           load_agents(e, lang, err, errlen) && load_coref(e, lang, err, errlen) &&
           load_verbs(e, lang, err, errlen) &&
           load_verbforms(e, lang, err, errlen);
}
