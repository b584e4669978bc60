/* Events: verb and noun patterns (data/LANG/verbs.txt) found in a sentence, with their source
 * (the subject: nearest actor on the left outside a prepositional phrase), target (the +T
 * slot), modality (negated, planned) and date (the nearest temporal expression of the clause). */
#include "internal.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    size_t lo, hi;   /* the sentence's tokens */
    size_t sentence;
    size_t m0, m1;   /* its mentions [m0, m1) */
    size_t x0, x1;   /* its temporal expressions [x0, x1) */
    size_t used_to;  /* tokens before this were words of a coded verb pattern */
    strmap *seen;    /* the document's event keys -> index in d->events, for deduplication */
} sent_ctx;

/* An actor argument: a mention index, or the pair of a "les deux pays". */
typedef struct {
    int m;          /* mention index or -1 */
    const char *code;
    vigie_span span;
} arg;

static bool is_actor(const mention_info *m)
{
    return !m->place_only && m->pub.code;
}

static int mention_starting(const vigie_doc *d, const sent_ctx *c, size_t tok, bool allow_place)
{
    for (size_t k = c->m0; k < c->m1; k++) {
        const mention_info *m = &d->mentions.v[k];
        if (m->t0 == tok && (is_actor(m) || allow_place))
            return (int)k;
    }
    return -1;
}

/* Apposition: "le président américain Joe Biden", "son homologue russe Vladimir Poutine" name
 * one actor; the person, when there is one, is its head. */
static int head_of(const vigie_doc *d, const sent_ctx *c, int k)
{
    const mention_info *m = &d->mentions.v[k];
    int next = mention_starting(d, c, m->t1, false);
    if (next >= 0 && d->mentions.v[next].pub.kind == VIGIE_ACTOR_PERSON && m->pub.kind != VIGIE_ACTOR_PERSON)
        return next;
    return k;
}

static bool is_clause_break(const vigie_doc *d, size_t i, size_t hi)
{
    const char *k = tok_key(d, i);
    return !strcmp(k, ";") || !strcmp(k, ":") || gram_is(d, i, hi, G_CLAUSE);
}

/* ---- pattern matching after the trigger ---- */

static bool item_matches(const pat_item *it, const char *key)
{
    for (int a = 0; a < it->alt_count; a++) {
        const char *alt = it->alts[a];
        size_t n = strlen(alt);
        if (n && alt[n - 1] == '*' ? !strncmp(alt, key, n - 1) : !strcmp(alt, key))
            return true;
    }
    return false;
}

typedef struct {
    int weight;
    arg source, target;
    bool has_source, has_target;
    size_t last;     /* last token used */
} match;

static arg arg_of(const vigie_doc *d, const sent_ctx *c, int k)
{
    k = head_of(d, c, k);
    const mention_info *m = &d->mentions.v[k];
    arg a = {k, m->place_only || m->adjective ? m->country : m->pub.code, m->pub.span};
    return a;
}

static bool is_iso3_like(const char *code)
{
    return strlen(code) == 3 && code[0] >= 'A' && code[0] <= 'Z';
}

/* Country codes and country + sector codes ("RUS", "RUSGOV"); organisations ("NATO") are not. */
static bool is_iso3_like_prefix(const char *code)
{
    size_t n = strlen(code);
    return (n == 3 || n == 6) && code[0] >= 'A' && code[0] <= 'Z' && strncmp(code, "IGO", 3) && strncmp(code, "NATO", 4);
}

/* Number of the document's mentions that start before token tok. */
static size_t mentions_before(const vigie_doc *d, const sent_ctx *c, size_t tok)
{
    size_t k = c->m0;
    while (k < c->m1 && d->mentions.v[k].t0 < tok)
        k++;
    return k;
}

/* "les deux pays", "both countries": the two countries most mentioned before mention `upto`
 * (ties go to the more recent), in the order of their first mention. */
static bool pair_before(const vigie_doc *d, size_t upto, arg *a, arg *b)
{
    const char *codes[64];
    int counts[64], first[64], last[64], n = 0;
    for (size_t k = 0; k < upto; k++) {
        const mention_info *m = &d->mentions.v[k];
        if (m->place_only || !m->country || !is_iso3_like(m->country))
            continue;
        int c = 0;
        while (c < n && strcmp(codes[c], m->country))
            c++;
        if (c == n) {
            if (n == 64)
                continue;
            codes[n] = m->country;
            counts[n] = 0;
            first[n++] = (int)k;
        }
        counts[c]++;
        last[c] = (int)k;
    }
    if (n < 2)
        return false;
    int top[2] = {-1, -1};
    for (int c = 0; c < n; c++) {
        for (int r = 0; r < 2; r++) {
            int t = top[r];
            if (t < 0 || counts[c] > counts[t] || (counts[c] == counts[t] && last[c] > last[t])) {
                if (r == 0)
                    top[1] = top[0];
                top[r] = c;
                break;
            }
        }
    }
    if (first[top[0]] > first[top[1]]) {
        int t = top[0];
        top[0] = top[1];
        top[1] = t;
    }
    const mention_info *ma = &d->mentions.v[last[top[0]]], *mb = &d->mentions.v[last[top[1]]];
    arg x = {last[top[0]], codes[top[0]], ma->pub.span}, y = {last[top[1]], codes[top[1]], mb->pub.span};
    *a = x;
    *b = y;
    return true;
}

/* How far an item may be from the previous one: verbs take adverbs and objects in between
 * ("a déjà annexé en 2014 une partie du territoire"), nouns only an article. */
static size_t item_gap(const event_pattern *p, const pat_item *it)
{
    if (p->noun)
        return it->kind == PI_WORD ? 0 : 2;
    return 6;
}

/* Only determiners between the pattern's last word and t ("annexer la Crimée")? */
static bool opens_slot(const vigie_doc *d, const sent_ctx *c, size_t from, size_t t)
{
    for (size_t k = from; k < t; k++)
        if (!gram_is(d, k, c->hi, G_DETERMINER))
            return false;
    return true;
}

static bool match_items(const vigie_doc *d, const sent_ctx *c, const event_pattern *p, size_t from, match *out)
{
    size_t j = from;
    for (int k = 0; k < p->item_count; k++) {
        const pat_item *it = &p->items[k];
        bool found = false;
        size_t max_gap = item_gap(p, it);
        for (size_t g = 0; g <= max_gap && j + g < c->hi; g++) {
            size_t t = j + g;
            if (g > 0 && is_clause_break(d, t, c->hi))
                break;
            if (it->kind == PI_WORD) {
                if (item_matches(it, tok_key(d, t))) {
                    j = t + 1;
                    found = true;
                }
            } else {
                uint32_t plen = d->tinfo.v[t].gram_len;
                arg a, b;
                if (gram_is(d, t, c->hi, G_PAIR) && pair_before(d, mentions_before(d, c, t), &a, &b)) {
                    out->source = a;
                    out->target = b;
                    out->has_source = out->has_target = true;
                    j = t + plen;
                    found = true;
                    if (it->kind == PI_SOURCE && k + 1 < p->item_count)
                        k = p->item_count; /* the pair fills both slots */
                } else {
                    /* a place fills a slot right where it opens ("bombarder Kharkiv", "se rendre à
                     * Moscou"), not across a gap ("rencontré mardi à Moscou le président") */
                    int m = mention_starting(d, c, t, opens_slot(d, c, j, t));
                    if (m >= 0) {
                        arg a1 = arg_of(d, c, m);
                        if (it->kind == PI_TARGET) {
                            out->target = a1;
                            out->has_target = true;
                        } else {
                            out->source = a1;
                            out->has_source = true;
                        }
                        j = d->mentions.v[head_of(d, c, m)].t1;
                        found = true;
                    }
                }
            }
            if (found)
                break;
        }
        if (!found)
            return false;
    }
    out->last = j;
    out->weight = p->weight;
    return true;
}

/* ---- the subject ---- */

static bool in_prep_phrase(const vigie_doc *d, const sent_ctx *c, const mention_info *m)
{
    size_t p = m->t0;
    if (p > c->lo && (tok_is(d, p - 1, "la") || tok_is(d, p - 1, "l'") || tok_is(d, p - 1, "le") ||
                      tok_is(d, p - 1, "les") || tok_is(d, p - 1, "the")))
        p--;
    return p > c->lo && gram_is(d, p - 1, c->hi, G_PREP);
}

/* Coordinated actors ending at mention k ("Joe Biden et Vladimir Poutine"): returns count. */
static int coordination(const vigie_doc *d, const sent_ctx *c, int k, int *out, int max)
{
    int n = 0;
    out[n++] = k;
    while (n < max) {
        const mention_info *m = &d->mentions.v[out[n - 1]];
        if (m->t0 == 0)
            break;
        size_t t = m->t0 - 1; /* the coordinator just before this mention */
        if (!gram_is(d, t, c->hi, G_COORD) && !tok_is(d, t, ","))
            break;
        int prev = -1;
        for (int j = out[n - 1] - 1; j >= (int)c->m0; j--) {
            const mention_info *q = &d->mentions.v[j];
            if (q->t1 == t && is_actor(q))
                prev = j;
            if (q->t1 <= t)
                break;
        }
        if (prev < 0)
            break;
        out[n++] = prev;
    }
    for (int a = 0, b = n - 1; a < b; a++, b--) {
        int tmp = out[a];
        out[a] = out[b];
        out[b] = tmp;
    }
    return n;
}

/* A pronoun subject ("il", "cette source", "he"): the last actor named before it. */
static int antecedent(const vigie_doc *d, size_t tok)
{
    for (size_t k = d->mentions.n; k-- > 0 && d->mentions.n - k <= RECENT_MENTIONS;) {
        const mention_info *m = &d->mentions.v[k];
        if (m->t1 <= tok && is_actor(m) && !m->adjective)
            return (int)k;
    }
    return -1;
}

/* Start of the verb group ending at the trigger: auxiliaries, negation, reflexive pronoun. */
static size_t group_start(const vigie_doc *d, const sent_ctx *c, size_t trig)
{
    size_t s = trig;
    while (s > c->lo && s + 4 > trig) {
        size_t p = s - 1;
        const uint32_t glue_classes = 1u << G_NEG_PRE | 1u << G_NEG_POST | 1u << G_REFLEXIVE | 1u << G_FUTURE |
                                      1u << G_CONDITIONAL | 1u << G_ADVERB;
        bool glue = (d->tinfo.v[p].gram_mask & glue_classes) || verb_lookup(d, p) != NULL;
        if (!glue)
            break;
        s = p;
    }
    return s;
}

static int subject_of(const vigie_doc *d, const sent_ctx *c, size_t start, int *coord, int *ncoord)
{
    *ncoord = 0;
    /* a pronoun right before the verb group: "il a ajouté", "a-t-il" is not handled here */
    if (start > c->lo) {
        size_t p = start - 1;
        if (gram_is(d, p, c->hi, G_PRONOUN)) {
            int a = antecedent(d, p);
            if (a >= 0) {
                coord[(*ncoord)++] = a;
                return a;
            }
        }
    }
    for (size_t k = c->m1; k-- > c->m0;) {
        const mention_info *m = &d->mentions.v[k];
        if (m->t1 > start || !is_actor(m) || m->adjective || in_prep_phrase(d, c, m))
            continue;
        /* the head of an apposition is its person: "Le porte-parole du Kremlin Dmitri Peskov" */
        *ncoord = coordination(d, c, (int)k, coord, 4);
        return (int)k;
    }
    return -1;
}

/* ---- modality ---- */

static bool negated(const vigie_doc *d, const sent_ctx *c, size_t start, size_t trig)
{
    bool pre = false, post = false;
    for (size_t k = start; k <= trig + 2 && k < c->hi; k++) {
        pre |= gram_is(d, k, c->hi, G_NEG_PRE);
        post |= gram_is(d, k, c->hi, G_NEG_POST) && k > start;
    }
    if (start > c->lo && gram_is(d, start - 1, c->hi, G_NEG_PRE))
        pre = true;
    return d->lang == LANG_FR ? pre && post : pre;
}

static bool planned(const vigie_doc *d, const sent_ctx *c, size_t start, size_t trig)
{
    char tense = tense_near(d, trig, start, trig + 1);
    if (tense == 'F' || tense == 'C')
        return true;
    for (size_t k = start; k <= trig && k < c->hi; k++) {
        if (gram_is(d, k, c->hi, G_FUTURE) || gram_is(d, k, c->hi, G_CONDITIONAL) || gram_is(d, k, c->hi, G_PLANNED))
            return true;
    }
    return false;
}

/* ---- dates ---- */

static bool clause_span(const vigie_doc *d, const sent_ctx *c, size_t at, size_t *a, size_t *b)
{
    *a = at;
    while (*a > c->lo && !tok_is(d, *a - 1, ",") && !is_clause_break(d, *a - 1, c->hi))
        (*a)--;
    *b = at;
    while (*b < c->hi && !tok_is(d, *b, ",") && !is_clause_break(d, *b, c->hi))
        (*b)++;
    return true;
}

/* A relative or subordinate clause between two positions: "..., où les Occidentaux accusent". */
static bool separated(const vigie_doc *d, const sent_ctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (is_clause_break(d, k, c->hi) || gram_is(d, k, c->hi, G_RELATIVE))
            return true;
    return false;
}

/* Is the expression inside a comma-bounded piece that opens with a subordinate clause
 * ("Signe que les discussions du 10 janvier seront âpres, ...")? */
static bool in_subordinate(const vigie_doc *d, const sent_ctx *c, const timex_info *t)
{
    size_t a, b;
    clause_span(d, c, t->t0, &a, &b);
    return separated(d, c, a, t->t0);
}

static bool usable_date(const timex_info *t)
{
    return t->pub.type != VIGIE_TIMEX_DURATION && t->pub.value && strcmp(t->pub.value, "PAST_REF") &&
           strcmp(t->pub.value, "PRESENT_REF") && strcmp(t->pub.value, "FUTURE_REF");
}

/* The temporal expression governing the trigger: its clause first, then its sentence. */
static const timex_info *date_for(const vigie_doc *d, const sent_ctx *c, size_t trig)
{
    size_t a, b;
    clause_span(d, c, trig, &a, &b);
    const timex_info *best = NULL;
    size_t best_dist = (size_t)-1;
    for (int pass = 0; pass < 2 && !best; pass++) {
        for (size_t k = c->x0; k < c->x1; k++) {
            const timex_info *t = &d->timexes.v[k];
            if (!usable_date(t))
                continue;
            if (pass == 0 && (t->t0 < a || t->t1 > b))
                continue;
            if (pass == 1 && (separated(d, c, t->t0 < trig ? t->t1 : trig, t->t0 < trig ? trig : t->t0) ||
                              in_subordinate(d, c, t)))
                continue;
            size_t dist = t->t0 > trig ? t->t0 - trig : trig - t->t1 + 1;
            if (dist < best_dist) {
                best = t;
                best_dist = dist;
            }
        }
    }
    return best;
}

/* ---- emitting ---- */

static bool same_country(const char *a, const char *b)
{
    if (!strcmp(a, b))
        return true;
    return is_iso3_like_prefix(a) && is_iso3_like_prefix(b) && !strncmp(a, b, 3);
}

static void set_actor(vigie_doc *d, vigie_event_actor *ea, const arg *a)
{
    ea->code = a->code;
    ea->span = a->span;
    ea->text = arena_strndup(&d->mem, d->orig + a->span.start, a->span.end - a->span.start);
}

static void emit(vigie_doc *d, const sent_ctx *c, const event_pattern *p, size_t trig, size_t trig_end,
                 const arg *src, const arg *tgt, unsigned flags)
{
    if (tgt && src && same_country(src->code, tgt->code))
        return; /* an actor acting on itself, or a government on its own country, is no dyad */
    const cameo_code *cc = cameo_lookup(d->engine, p->code);
    event_info ev;
    memset(&ev, 0, sizeof ev);
    vigie_event *e = &ev.pub;
    e->sentence = c->sentence;
    e->sentence_span = d->sentences.v[c->sentence].span;
    set_actor(d, &e->source, src);
    if (tgt)
        set_actor(d, &e->target, tgt);
    snprintf(e->code, sizeof e->code, "%s", p->code);
    snprintf(e->root, sizeof e->root, "%.2s", p->code);
    e->quad_class = cc ? cc->quad_class : 0;
    e->goldstein = cc ? cc->goldstein : 0;
    e->verb_span.start = d->tokens.v[trig].span.start;
    e->verb_span.end = d->tokens.v[trig_end - 1].span.end;
    e->verb_text = arena_strndup(&d->mem, d->orig + e->verb_span.start, e->verb_span.end - e->verb_span.start);
    const timex_info *t = date_for(d, c, trig);
    if (t) {
        e->date_value = t->pub.value;
        e->date_from = VIGIE_DATE_TEXT;
        e->date_span = t->pub.span;
        if (t->date.gran != VIGIE_GRAN_NONE && d->published.gran != VIGIE_GRAN_NONE &&
            date_compare(t->date, d->published) > 0)
            flags |= VIGIE_FLAG_PLANNED; /* dated after publication: not yet happened */
        if (t->future_hint)
            flags |= VIGIE_FLAG_PLANNED;
    } else if (d->published.gran != VIGIE_GRAN_NONE) {
        char buf[16];
        e->date_value = arena_strdup(&d->mem, vigie_date_format(d->published, buf));
        e->date_from = VIGIE_DATE_PUBLISHED;
    }
    e->flags = flags;
    /* the same event said twice (headline and body) is one event with two mentions */
    char key[256];
    int klen = snprintf(key, sizeof key, "%s|%s|%s|%s|%d", e->code, e->source.code,
                        e->target.code ? e->target.code : "", e->date_value ? e->date_value : "",
                        (e->flags & VIGIE_FLAG_NEGATED) != 0);
    bool fresh;
    uint32_t *slot = strmap_put(c->seen, key, klen < (int)sizeof key ? (size_t)klen : sizeof key - 1,
                                (uint32_t)d->events.n, &fresh);
    if (!fresh) {
        event_info *o = &d->events.v[*slot];
        if (o->pub.sentence != e->sentence)
            VEC_PUSH(o->mentions, e->sentence_span);
        return;
    }
    VEC_PUSH(ev.mentions, e->sentence_span);
    VEC_PUSH(d->events, ev);
}

/* Emits one event, or one per pair of coordinated subjects for reciprocal actions. */
static void emit_all(vigie_doc *d, const sent_ctx *c, const event_pattern *p, size_t trig, size_t trig_end,
                     const int *coord, int ncoord, const match *mt, unsigned flags)
{
    const arg *tgt = mt->has_target ? &mt->target : NULL;
    if (ncoord >= 2 && !tgt) { /* "X et Y se parleront": each with the other, symmetric */
        for (int a = 0; a < ncoord; a++)
            for (int b = a + 1; b < ncoord; b++) {
                arg x = arg_of(d, c, coord[a]), y = arg_of(d, c, coord[b]);
                emit(d, c, p, trig, trig_end, &x, &y, flags | VIGIE_FLAG_SYMMETRIC);
            }
        return;
    }
    for (int a = 0; a < (ncoord ? ncoord : 1); a++) {
        arg s = ncoord ? arg_of(d, c, coord[a]) : mt->source;
        emit(d, c, p, trig, trig_end, &s, tgt, flags | (p->reciprocal ? VIGIE_FLAG_SYMMETRIC : 0));
    }
}

static bool reflexive_before(const vigie_doc *d, const sent_ctx *c, size_t start, size_t trig)
{
    for (size_t k = start; k < trig; k++)
        if (gram_is(d, k, c->hi, G_REFLEXIVE))
            return true;
    return start > c->lo && gram_is(d, start - 1, c->hi, G_REFLEXIVE);
}

/* Is the verb form at trig a finite use? Infinitives and participles without an auxiliary
 * are dependents of another verb ("pour discuter", "accusent Moscou de masser"). */
static bool finite_use(const vigie_doc *d, const sent_ctx *c, const verb_analysis *va, size_t start, size_t trig)
{
    for (const verb_analysis *v = va; v->lemma != UINT32_MAX; v++)
        if (strpbrk(v->tags, "PIJFCS") && !(d->lang == LANG_EN && strchr(v->tags, 'W') && !strchr(v->tags, 'P')))
            return true;
    if (analysis_has_tag(va, 'K') && start < trig)
        return true; /* "a annexé", "s'est entretenu", "has met" */
    if (analysis_has_tag(va, 'W') && start < trig && d->lang == LANG_EN)
        return true; /* "will meet", "did not accuse" */
    (void)c;
    return false;
}

static bool inside_mention(const vigie_doc *d, const sent_ctx *c, size_t tok)
{
    for (size_t k = c->m0; k < c->m1; k++)
        if (d->mentions.v[k].t0 <= tok && tok < d->mentions.v[k].t1)
            return true;
    return false;
}

/* A determiner or a preposition just before a form makes it a noun ("une rencontre",
 * "en cas d'attaque"); the pronoun "en" ("il en parle") is not a preposition there. */
static bool follows_noun_marker(const vigie_doc *d, const sent_ctx *c, size_t trig)
{
    if (trig <= c->lo)
        return false;
    size_t p = trig - 1;
    return gram_is(d, p, c->hi, G_DETERMINER) || (gram_is(d, p, c->hi, G_PREP) && !tok_is(d, p, "en"));
}

static void verb_events(vigie_doc *d, sent_ctx *c, size_t trig)
{
    const verb_analysis *va = verb_lookup(d, trig);
    if (!va || follows_noun_marker(d, c, trig) || inside_mention(d, c, trig))
        return; /* "une rencontre", "d'attaque", "Russian forces": nouns */
    size_t start = group_start(d, c, trig);
    if (!finite_use(d, c, va, start, trig))
        return;
    const lang_data *L = &d->engine->lang[d->lang];
    const event_pattern *best = NULL;
    match best_m;
    memset(&best_m, 0, sizeof best_m);
    bool refl = reflexive_before(d, c, start, trig);
    for (const verb_analysis *v = va; v->lemma != UINT32_MAX; v++) {
        const u32vec *pl = &L->lemma_patterns.v[v->lemma];
        for (size_t k = 0; k < pl->n; k++) {
            const event_pattern *p = &L->patterns.v[pl->v[k]];
            if (p->pronominal != refl)
                continue;
            match m;
            memset(&m, 0, sizeof m);
            if (match_items(d, c, p, trig + 1, &m) && (!best || m.weight > best_m.weight)) {
                best = p;
                best_m = m;
            }
        }
    }
    if (!best)
        return;
    int coord[4], ncoord = 0;
    if (!best_m.has_source) {
        int s = subject_of(d, c, start, coord, &ncoord);
        if (s < 0)
            return;
        if (ncoord == 0) {
            coord[0] = s;
            ncoord = 1;
        }
    }
    if (best->reciprocal && !best_m.has_target && ncoord < 2)
        return; /* "X et Y se parleront" needs two parties: "make ends meet" has none */
    if (best_m.last > c->used_to)
        c->used_to = best_m.last; /* "lifted sanctions on Iran" is one event, not a noun one too */
    unsigned flags = (negated(d, c, start, trig) ? VIGIE_FLAG_NEGATED : 0) |
                     (planned(d, c, start, trig) ? VIGIE_FLAG_PLANNED : 0);
    emit_all(d, c, best, trig, trig + 1, coord, ncoord, &best_m, flags);
}

/* A demonym adjective right after the noun (French) or right before it (English). */
static int demonym_next_to(const vigie_doc *d, const sent_ctx *c, size_t noun)
{
    for (size_t k = c->m0; k < c->m1; k++) {
        const mention_info *m = &d->mentions.v[k];
        if (!m->adjective)
            continue;
        if ((d->lang == LANG_FR && m->t0 == noun + 1) || (d->lang == LANG_EN && m->t1 == noun))
            return (int)k;
    }
    return -1;
}

static const u32vec *noun_patterns(const vigie_doc *d, size_t i)
{
    const lang_data *L = &d->engine->lang[d->lang];
    const char *k = tok_key(d, i);
    size_t n = tok_key_len(d, i);
    uint32_t v = d->tinfo.v[i].vocab_key;
    uint32_t list = v ? L->vocab_v.v[v - 1].noun : 0;
    if (list)
        return &L->noun_pattern_lists.v[list - 1];
    unsigned char c0 = (unsigned char)k[0], c1 = n > 1 ? (unsigned char)k[1] : 0;
    if (!n || !(L->noun_stem_pairs[c0][c1 >> 3] & (1u << (c1 & 7))))
        return NULL; /* no prefix starts like this word */
    for (size_t stem = 1; stem <= 3 && stem <= n; stem++) { /* prefixes are indexed by their first bytes */
        const uint32_t *sl = strmap_get(&L->noun_prefix_stems, k, stem);
        if (!sl)
            continue;
        const u32vec *cands = &L->noun_stem_lists.v[*sl];
        for (size_t c = 0; c < cands->n; c++) {
            const char *pre = L->noun_prefixes.v[cands->v[c]];
            if (!strncmp(pre, k, strlen(pre) - 1))
                return &L->noun_pattern_lists.v[L->noun_prefix_lists.v[cands->v[c]]];
        }
    }
    return NULL;
}

/* "une réunion entre la Russie et l'Otan", "des sanctions contre Moscou". */
static void noun_events(vigie_doc *d, const sent_ctx *c, size_t trig)
{
    const u32vec *pl = trig < c->used_to ? NULL : noun_patterns(d, trig);
    if (!pl)
        return;
    const lang_data *L = &d->engine->lang[d->lang];
    const event_pattern *best = NULL;
    match best_m;
    memset(&best_m, 0, sizeof best_m);
    for (size_t k = 0; k < pl->n; k++) {
        const event_pattern *p = &L->patterns.v[pl->v[k]];
        match m;
        memset(&m, 0, sizeof m);
        if (match_items(d, c, p, trig + 1, &m) && (!best || m.weight > best_m.weight)) {
            best = p;
            best_m = m;
        }
    }
    if (!best || (!best_m.has_target && !best_m.has_source))
        return;
    for (size_t k = trig >= c->lo + 3 ? trig - 3 : c->lo; k < trig; k++)
        if (gram_is(d, k, c->hi, G_HYPOTHETICAL))
            return; /* "en cas d'invasion": nothing happened */
    bool symmetric = best_m.has_source && best_m.has_target;
    int adj = demonym_next_to(d, c, trig);
    if (!best_m.has_source && adj >= 0) { /* "une attaque russe", "Russian strikes": the maker */
        best_m.source = arg_of(d, c, adj);
        best_m.has_source = true;
    }
    if (!best_m.has_source)
        return; /* the clause's subject is seldom the maker of a noun's action ("X condamne l'invasion") */
    emit(d, c, best, trig, trig + 1, &best_m.source, best_m.has_target ? &best_m.target : NULL,
         symmetric ? VIGIE_FLAG_SYMMETRIC : 0);
}

void events_doc(vigie_doc *d)
{
    strmap seen;
    strmap_init(&seen);
    size_t m = 0, x = 0;
    for (size_t s = 0; s < d->sentences.n; s++) {
        sent_ctx c = {d->sentences.v[s].first_token, sentence_end(d, s), s, m, m, x, x, 0, &seen};
        while (c.m1 < d->mentions.n && d->mentions.v[c.m1].pub.sentence == s)
            c.m1++;
        while (c.x1 < d->timexes.n && d->timexes.v[c.x1].pub.sentence == s)
            c.x1++;
        for (size_t i = c.lo; i < c.hi; i++) {
            if (d->tokens.v[i].kind != VIGIE_TOK_WORD)
                continue;
            verb_events(d, &c, i);
            noun_events(d, &c, i);
        }
        m = c.m1;
        x = c.x1;
    }
    strmap_free(&seen);
}
