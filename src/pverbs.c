/* PETRARCH (TABARI-style) verb dictionaries, compiled into vigie's own event patterns: each
 * verb of a block becomes a lemma of its own whose forms are the ones PETRARCH generates, and
 * each pattern of the block an event_pattern of every verb of the block, the words before the
 * verb in `pre`, those after in `items`. The supported subset is documented in
 * docs/data-formats.md ("PETRARCH verb dictionaries"). */
#include "internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_ELEMS = 48, MAX_EXPANSIONS = 256, MAX_MEMBERS = 256 };

/* An element of a pattern or of a verb phrase: a word, the verb "*", a slot "$" "+" "%", or a
 * synset "&NAME" before expansion. */
typedef struct {
    const char *text;
    bool joined; /* written with '_' to the element before it: no gap between them */
} pelem;

typedef struct {
    pelem e[MAX_ELEMS];
    int n;
} pseq;

typedef struct {
    char name[64];
    bool plurals;
    const char *members[MAX_MEMBERS]; /* phrases, words joined by '_' */
    int count;
} synset;

typedef struct {
    uint32_t lemma;
    pseq before, after; /* the other words of a multi-word verb ("CORDON OFF") */
    char code[5], code2[5];
    bool has_code;
} pverb;

typedef struct {
    pseq seq; /* with the verb "*" */
    char code[5], code2[5];
    long line;
} ppattern;

typedef struct {
    vigie_engine *e;
    lang_data *L;
    const char *path;
    long line;
    FILE *warn;
    VEC(synset) synsets;
    int synset_open; /* index of the synset that '+' lines add to, or -1 */
    bool in_block;
    char code[5], code2[5]; /* the block's, for its verbs without their own */
    VEC(pverb) verbs;
    VEC(ppattern) patterns;
} vreader;

/* ---- words ---- */

/* Splits "A_B C" into elements; "_" joins, blanks allow a gap. TreeBank's "N'T" ("DID N'T") is
 * glued back to the word before it, as vigie's tokenizer keeps "didn't". */
static bool split_elems(vreader *r, const char *text, pseq *out)
{
    out->n = 0;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", text);
    bool joined = false;
    char *p = buf;
    while (*p) {
        if (*p == ' ' || *p == '\t') {
            joined = false;
            p++;
            continue;
        }
        if (*p == '_') {
            joined = out->n > 0;
            p++;
            continue;
        }
        size_t n = strcspn(p, " \t_");
        char save = p[n];
        p[n] = 0;
        if (!strcasecmp(p, "N'T") && out->n && out->e[out->n - 1].text[0] != '&' &&
            isalpha((unsigned char)out->e[out->n - 1].text[0])) {
            char glued[256];
            snprintf(glued, sizeof glued, "%sn't", out->e[out->n - 1].text);
            out->e[out->n - 1].text = arena_strdup(&r->e->mem, glued);
        } else {
            if (out->n == MAX_ELEMS)
                return false;
            out->e[out->n++] = (pelem){arena_strdup(&r->e->mem, p), joined};
        }
        p[n] = save;
        p += n;
        joined = false;
    }
    return true;
}

static bool is_slot(const char *t)
{
    return !strcmp(t, "*") || !strcmp(t, "$") || !strcmp(t, "+") || !strcmp(t, "%") || !strcmp(t, "^");
}

static const synset *find_synset(const vreader *r, const char *name)
{
    for (size_t i = 0; i < r->synsets.n; i++)
        if (!strcasecmp(r->synsets.v[i].name, name))
            return &r->synsets.v[i];
    return NULL;
}

/* Replaces the first synset of seq by each of its members, recursively, into outs. */
static bool expand(vreader *r, const pseq *seq, pseq *outs, int *nout, char *err, size_t errlen)
{
    int at = -1;
    for (int i = 0; i < seq->n && at < 0; i++)
        if (seq->e[i].text[0] == '&')
            at = i;
    if (at < 0) {
        if (*nout == MAX_EXPANSIONS)
            return fail(err, errlen, "%s:%ld: more than %d patterns after synset expansion", r->path, r->line,
                        MAX_EXPANSIONS);
        outs[(*nout)++] = *seq;
        return true;
    }
    const synset *s = find_synset(r, seq->e[at].text + 1);
    if (!s)
        return fail(err, errlen, "%s:%ld: synset '%s' used before its definition", r->path, r->line, seq->e[at].text);
    for (int m = 0; m < s->count; m++) {
        pseq member, next;
        if (!split_elems(r, s->members[m], &member) || seq->n + member.n - 1 > MAX_ELEMS)
            return fail(err, errlen, "%s:%ld: pattern too long", r->path, r->line);
        next.n = 0;
        for (int i = 0; i < at; i++)
            next.e[next.n++] = seq->e[i];
        for (int i = 0; i < member.n; i++) /* a member's words are consecutive */
            next.e[next.n++] = (pelem){member.e[i].text, i ? true : seq->e[at].joined};
        for (int i = at + 1; i < seq->n; i++)
            next.e[next.n++] = seq->e[i];
        if (!expand(r, &next, outs, nout, err, errlen))
            return false;
    }
    return true;
}

/* "[064]", "[032:033]", "[---]": codes of one to four letters, digits, '-', '?' or '+'. */
static bool parse_codes(const char *in, char code[5], char code2[5])
{
    char buf[64];
    size_t o = 0;
    for (const char *p = in; *p && o + 1 < sizeof buf; p++)
        if (*p != ' ' && *p != '\t')
            buf[o++] = *p;
    buf[o] = 0;
    char *colon = strchr(buf, ':');
    if (colon)
        *colon = 0;
    code2[0] = 0;
    for (int k = 0; k < (colon ? 2 : 1); k++) {
        const char *c = k ? colon + 1 : buf;
        size_t n = strlen(c);
        if (n < 1 || n > 4)
            return false;
        for (const char *p = c; *p; p++)
            if (!isalnum((unsigned char)*p) && !strchr("-?+", *p))
                return false;
        memcpy(k ? code2 : code, c, n + 1);
    }
    return true;
}

/* Cuts "[...]" off the end of line into the codes; false when there is none or it is malformed. */
static bool take_codes(char *line, char code[5], char code2[5], bool *present)
{
    char *open = strchr(line, '[');
    *present = open != NULL;
    if (!open)
        return true;
    char *close = strchr(open, ']');
    if (!close)
        return false;
    *close = 0;
    *open = 0;
    return parse_codes(open + 1, code, code2);
}

/* ---- verb forms ---- */

static bool is_vowel(char c)
{
    return strchr("aeiou", c) != NULL;
}

/* PETRARCH's regular forms of a verb: -s, -ed, -ing, with the usual spelling changes (and the
 * doubled final consonant of "stop", since dictionaries rarely list it). */
static void add_form(vreader *r, uint32_t lemma, const char *form, const char *tags)
{
    char key[256];
    size_t k = make_lower(form, strlen(form), key, sizeof key);
    verb_analysis va = {lemma, "", 0};
    snprintf(va.tags, sizeof va.tags, "%s", tags);
    verbform_add(r->L, key, k, va);
}

static void add_regular_forms(vreader *r, uint32_t lemma, const char *v)
{
    char f[280]; /* v is shorter than 256 */
    size_t n = strlen(v);
    if (!n || n > 200)
        return;
    char last = v[n - 1], prev = n > 1 ? v[n - 2] : 0;
    add_form(r, lemma, v, "PW");
    if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')))
        snprintf(f, sizeof f, "%ses", v);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(f, sizeof f, "%.*sies", (int)(n - 1), v);
    else
        snprintf(f, sizeof f, "%ss", v);
    add_form(r, lemma, f, "P");
    if (last == 'e')
        snprintf(f, sizeof f, "%sd", v);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(f, sizeof f, "%.*sied", (int)(n - 1), v);
    else
        snprintf(f, sizeof f, "%sed", v);
    add_form(r, lemma, f, "JK");
    if (last == 'e' && prev != 'e')
        snprintf(f, sizeof f, "%.*sing", (int)(n - 1), v);
    else
        snprintf(f, sizeof f, "%sing", v);
    add_form(r, lemma, f, "G");
    bool cvc = n >= 3 && !is_vowel(last) && !strchr("wxy", last) && is_vowel(prev) && !is_vowel(v[n - 3]);
    if (cvc) {
        snprintf(f, sizeof f, "%s%ced", v, last);
        add_form(r, lemma, f, "JK");
        snprintf(f, sizeof f, "%s%cing", v, last);
        add_form(r, lemma, f, "G");
    }
}

/* The verb word of a phrase: the one marked '+', else the first. */
static int verb_word(const pseq *s)
{
    for (int i = 0; i < s->n; i++)
        if (s->e[i].text[0] == '+' && s->e[i].text[1])
            return i;
    return 0;
}

static void lower_word(const char *in, char *out, size_t cap)
{
    make_key(in[0] == '+' ? in + 1 : in, strlen(in[0] == '+' ? in + 1 : in), out, cap);
}

/* "VERB", "VERB {FORMS}", "+VERB_WORDS {+FORMS_WORDS}", "WORDS_+VERB [CODE]". */
static bool parse_verb(vreader *r, char *line, char *err, size_t errlen)
{
    pverb v;
    memset(&v, 0, sizeof v);
    if (!take_codes(line, v.code, v.code2, &v.has_code))
        return fail(err, errlen, "%s:%ld: expected [CODE] or [CODE:CODE] after the verb", r->path, r->line);
    char *forms = NULL, *brace = strchr(line, '{');
    if (brace) {
        char *end = strchr(brace, '}');
        if (!end)
            return fail(err, errlen, "%s:%ld: '{' without '}'", r->path, r->line);
        *end = 0;
        *brace = 0;
        forms = brace + 1;
    }
    pseq words;
    if (!split_elems(r, line, &words) || !words.n)
        return fail(err, errlen, "%s:%ld: expected a verb", r->path, r->line);
    int at = verb_word(&words);
    for (int i = 0; i < words.n; i++) {
        if (i != at && (is_slot(words.e[i].text) || words.e[i].text[0] == '&' || words.e[i].text[0] == '+'))
            return fail(err, errlen, "%s:%ld: a verb phrase holds words only, one of them marked '+'", r->path,
                        r->line);
        pseq *side = i < at ? &v.before : &v.after;
        if (i != at)
            side->e[side->n++] = (pelem){words.e[i].text, true};
    }
    char verb[256], lemma[300];
    lower_word(words.e[at].text, verb, sizeof verb);
    if (!*verb || strchr(verb, ' '))
        return fail(err, errlen, "%s:%ld: expected a verb", r->path, r->line);
    snprintf(lemma, sizeof lemma, "petrarch:%s", verb);
    v.lemma = lemma_id(r->L, &r->e->mem, lemma);
    add_regular_forms(r, v.lemma, verb);
    for (char *f = forms ? strtok(forms, " \t") : NULL; f; f = strtok(NULL, " \t")) {
        pseq fw;
        char form[256];
        if (!split_elems(r, f, &fw) || !fw.n)
            continue;
        lower_word(fw.e[verb_word(&fw)].text, form, sizeof form);
        size_t n = strlen(form);
        add_form(r, v.lemma, form, n > 3 && !strcmp(form + n - 3, "ing") ? "G" : "JK");
    }
    VEC_PUSH(r->verbs, v);
    return true;
}

/* ---- patterns ---- */

/* The keys of a dictionary word as vigie's tokenizer splits it ("ANTI-" may be two tokens). */
static void push_word(vreader *r, pat_items *items, const char *word, bool adjacent, bool before)
{
    raw_tokens toks = {0};
    tokenize_range(r->L, word, 0, strlen(word), &toks);
    for (size_t t = 0; t < toks.n; t++) {
        char key[256];
        size_t k = token_key(r->L, word + toks.v[t].start, toks.v[t].end - toks.v[t].start, toks.v[t].flags, key,
                             sizeof key);
        /* the tokens of one word touch each other */
        bool touch = before ? t + 1 < toks.n : t > 0;
        pat_item it = {PI_WORD, arena_alloc(&r->e->mem, sizeof(char *)), 1, touch || adjacent, false, 0};
        it.alts[0] = arena_strndup(&r->e->mem, key, k);
        VEC_PUSH(*items, it);
    }
    VEC_FREE(toks);
}

/* The items of elements [from, to): `adjacent` says no gap towards the verb. */
static void push_items(vreader *r, pat_items *items, const pseq *s, int from, int to, bool before, bool *reciprocal)
{
    for (int i = from; i < to; i++) {
        const char *t = s->e[i].text;
        /* before the verb, an item touches the one after it; after the verb, the one before */
        bool adjacent = before ? s->e[i + 1].joined : s->e[i].joined;
        if (!strcmp(t, "^"))
            continue; /* "any noun phrase here": vigie's gaps allow it */
        if (!strcmp(t, "%") && before) {
            *reciprocal = true; /* a compound subject: its members act on each other */
            continue;
        }
        if (!strcmp(t, "$") || !strcmp(t, "+") || !strcmp(t, "%")) {
            pat_item it = {t[0] == '$' ? PI_SOURCE : PI_TARGET, NULL, 0, adjacent, false, 0};
            VEC_PUSH(*items, it);
        } else {
            push_word(r, items, t, adjacent, before);
        }
    }
}

static pat_item *arena_items(vreader *r, const pat_items *items)
{
    if (!items->n)
        return NULL;
    pat_item *out = arena_alloc(&r->e->mem, items->n * sizeof *out);
    memcpy(out, items->v, items->n * sizeof *out);
    return out;
}

/* One pattern of one verb: the pattern's words around the verb phrase's own. */
static void compile(vreader *r, const pverb *v, const pseq *pat, const char *code, const char *code2, long line)
{
    if (!strcmp(code, "+++"))
        return; /* TABARI's placeholder: the pattern is read and not used */
    pseq s;
    s.n = 0;
    int star;
    for (int i = 0; pat && i < pat->n && strcmp(pat->e[i].text, "*"); i++)
        s.e[s.n++] = pat->e[i];
    int pstar = s.n; /* index of "*" in pat */
    bool star_joined = pat && pstar < pat->n ? pat->e[pstar].joined : false;
    for (int i = 0; i < v->before.n && s.n < MAX_ELEMS; i++)
        s.e[s.n++] = (pelem){v->before.e[i].text, i ? true : star_joined};
    star = s.n;
    if (s.n < MAX_ELEMS)
        s.e[s.n++] = (pelem){"*", v->before.n ? true : star_joined};
    for (int i = 0; i < v->after.n && s.n < MAX_ELEMS; i++)
        s.e[s.n++] = v->after.e[i];
    for (int i = pstar + 1; pat && i < pat->n && s.n < MAX_ELEMS; i++)
        s.e[s.n++] = pat->e[i];
    event_pattern p;
    memset(&p, 0, sizeof p);
    snprintf(p.code, sizeof p.code, "%s", code);
    snprintf(p.code2, sizeof p.code2, "%s", code2);
    p.petrarch = true;
    p.line = line;
    pat_items pre = {0}, post = {0};
    push_items(r, &pre, &s, 0, star, true, &p.reciprocal);
    push_items(r, &post, &s, star + 1, s.n, false, &p.reciprocal);
    p.pre = arena_items(r, &pre);
    p.pre_count = (int)pre.n;
    p.items = arena_items(r, &post);
    p.item_count = (int)post.n;
    p.weight = 2 * (p.pre_count + p.item_count) + p.reciprocal;
    VEC_FREE(pre);
    VEC_FREE(post);
    uint32_t index = (uint32_t)r->L->patterns.n;
    VEC_PUSH(r->L->patterns, p);
    VEC_PUSH(r->L->lemma_patterns.v[v->lemma], index);
}

/* The end of a block: every verb gets its own code and every pattern of the block. */
static void close_block(vreader *r)
{
    for (size_t i = 0; i < r->verbs.n; i++) {
        const pverb *v = &r->verbs.v[i];
        compile(r, v, NULL, v->has_code ? v->code : r->code, v->has_code ? v->code2 : r->code2, r->line);
        for (size_t k = 0; k < r->patterns.n; k++) {
            const ppattern *pp = &r->patterns.v[k];
            compile(r, v, &pp->seq, pp->code, pp->code2, pp->line);
        }
    }
    r->verbs.n = 0;
    r->patterns.n = 0;
}

/* "- WORDS * WORDS [CODE]" */
static bool parse_pattern(vreader *r, char *line, char *err, size_t errlen)
{
    if (!r->in_block)
        return fail(err, errlen, "%s:%ld: a pattern before any '--- VERB [CODE] ---' block", r->path, r->line);
    ppattern pp;
    bool present;
    if (!take_codes(line, pp.code, pp.code2, &present) || !present)
        return fail(err, errlen, "%s:%ld: expected [CODE] or [CODE:CODE] after the pattern", r->path, r->line);
    pseq seq;
    /* "IN_*_OUT": the verb is an element of its own */
    char spaced[1024];
    size_t o = 0;
    for (const char *p = line + 1; *p && o + 3 < sizeof spaced; p++) {
        if (*p == '*' && o && spaced[o - 1] != '_' && spaced[o - 1] != ' ')
            spaced[o++] = ' ';
        spaced[o++] = *p;
    }
    spaced[o] = 0;
    if (!split_elems(r, spaced, &seq))
        return fail(err, errlen, "%s:%ld: pattern too long", r->path, r->line);
    int stars = 0;
    for (int i = 0; i < seq.n; i++)
        stars += !strcmp(seq.e[i].text, "*");
    if (stars != 1)
        return fail(err, errlen, "%s:%ld: expected one '*' (the verb) in the pattern", r->path, r->line);
    pseq *outs = xcalloc(MAX_EXPANSIONS, sizeof *outs);
    int nout = 0;
    bool ok = expand(r, &seq, outs, &nout, err, errlen);
    for (int i = 0; ok && i < nout; i++) {
        ppattern x = pp;
        x.seq = outs[i];
        x.line = r->line;
        VEC_PUSH(r->patterns, x);
    }
    free(outs);
    return ok;
}

/* "--- DESCRIPTION [CODE] ---": a block whose verbs code CODE when no pattern matches. */
static bool parse_header(vreader *r, char *line, char *err, size_t errlen)
{
    close_block(r);
    r->in_block = true;
    r->synset_open = -1;
    char *open = strchr(line, '['), *close = open ? strchr(open, ']') : NULL;
    snprintf(r->code, sizeof r->code, "---");
    r->code2[0] = 0;
    if (!open)
        return true;
    if (!close)
        return fail(err, errlen, "%s:%ld: '[' without ']'", r->path, r->line);
    *close = 0;
    if (!parse_codes(open + 1, r->code, r->code2))
        return fail(err, errlen, "%s:%ld: expected --- NAME [CODE] ---", r->path, r->line);
    return true;
}

/* "&NAME" (a trailing '_': no plurals), then "+PHRASE" lines; "+&OTHER" takes OTHER's members. */
static bool parse_synset(vreader *r, char *line, char *err, size_t errlen)
{
    synset s;
    memset(&s, 0, sizeof s);
    char *name = trim(line + 1);
    size_t n = strcspn(name, " \t");
    name[n] = 0;
    s.plurals = !(n && name[n - 1] == '_');
    if (!s.plurals)
        name[n - 1] = 0;
    if (!*name || strlen(name) >= sizeof s.name)
        return fail(err, errlen, "%s:%ld: expected &NAME", r->path, r->line);
    snprintf(s.name, sizeof s.name, "%s", name);
    close_block(r);
    r->in_block = false;
    VEC_PUSH(r->synsets, s);
    r->synset_open = (int)r->synsets.n - 1;
    return true;
}

static bool add_member(vreader *r, synset *s, const char *phrase)
{
    if (s->count == MAX_MEMBERS)
        return false;
    s->members[s->count++] = arena_strdup(&r->e->mem, phrase);
    return true;
}

static bool parse_member(vreader *r, char *line, char *err, size_t errlen)
{
    synset *s = &r->synsets.v[r->synset_open];
    char *phrase = trim(line + 1);
    bool ok = true;
    if (*phrase == '&') {
        const synset *other = find_synset(r, trim(phrase + 1));
        if (!other || other == s)
            return fail(err, errlen, "%s:%ld: synset '%s' used before its definition", r->path, r->line, phrase);
        for (int i = 0; i < other->count && ok; i++)
            ok = add_member(r, s, other->members[i]);
    } else if (*phrase) {
        size_t n = strlen(phrase);
        bool plural = s->plurals && phrase[n - 1] != '_';
        while (n && phrase[n - 1] == '_')
            phrase[--n] = 0;
        ok = add_member(r, s, phrase);
        if (ok && plural) {
            char pl[512];
            petrarch_plural(phrase, pl, sizeof pl);
            ok = add_member(r, s, pl);
        }
    } else {
        return fail(err, errlen, "%s:%ld: expected +PHRASE", r->path, r->line);
    }
    return ok || fail(err, errlen, "%s:%ld: more than %d members in synset '%s'", r->path, r->line, MAX_MEMBERS,
                      s->name);
}

static bool parse_line(vreader *r, char *line, char *err, size_t errlen)
{
    if (!strncmp(line, "---", 3))
        return parse_header(r, line, err, errlen);
    if (*line == '&')
        return parse_synset(r, line, err, errlen);
    if (*line == '+' && r->synset_open >= 0)
        return parse_member(r, line, err, errlen);
    r->synset_open = -1;
    if (*line == '-')
        return parse_pattern(r, line, err, errlen);
    if (*line == '~')
        return true; /* transformations ("~ a (a b VERB) SAY = a b 138"): not supported, documented */
    if (!r->in_block)
        return fail(err, errlen, "%s:%ld: a verb before any '--- VERB [CODE] ---' block", r->path, r->line);
    return parse_verb(r, line, err, errlen);
}

bool petrarch_load_verbs(vigie_engine *e, const char *path, FILE *warn, char *err, size_t errlen)
{
    lang_data *L = &e->lang[LANG_EN];
    datafile f;
    if (!datafile_open(&f, path))
        return fail(err, errlen, "%s: cannot read: %s", path, strerror(errno));
    vreader r;
    memset(&r, 0, sizeof r);
    r.e = e;
    r.L = L;
    r.path = path;
    r.warn = warn;
    r.synset_open = -1;
    bool ok = true;
    char *line;
    while (ok && (line = petrarch_line(&f))) {
        r.line = f.lineno;
        ok = parse_line(&r, line, err, errlen) || petrarch_tolerate(warn, err);
    }
    if (ok)
        close_block(&r);
    VEC_FREE(r.synsets);
    VEC_FREE(r.verbs);
    VEC_FREE(r.patterns);
    datafile_close(&f);
    return ok;
}
