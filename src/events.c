/* Events: verb and noun patterns (data/LANG/verbs.txt) found in a sentence, with their source
 * (the subject: nearest actor on the left outside a prepositional phrase), target (the +T
 * slot), modality (negated, planned) and date (the nearest temporal expression of the clause). */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/* Coordinated subjects kept for one verb: "Saudi Arabia, the United Arab Emirates, Jordan, Bahrain and
 * Qatar took part" names five. */
#define MAX_SUBJECTS 8

/* The countries named by the mentions [0, counted), kept as sentences go: the document's home
 * country so far, without recounting (a long document has many mentions). */
typedef struct {
    country_tally tally;
    size_t counted;
} home_tally;

typedef struct {
    size_t lo, hi;   /* the sentence's tokens */
    size_t sentence;
    size_t m0, m1;   /* its mentions [m0, m1) */
    size_t x0, x1;   /* its temporal expressions [x0, x1) */
    size_t used_to;  /* tokens before this were words of a coded verb pattern */
    size_t words_to; /* tokens before this were words of a coded PETRARCH pattern: no verbs of their own */
    strmap *seen;    /* the document's event keys -> index in d->events, for deduplication */
    int subj[MAX_SUBJECTS], nsubj; /* the subjects of the sentence's last coded verb ("X a rejeté ... et a promis") */
    word_sig words;  /* the sentence's word keys: patterns needing a missing word are not tried */
    home_tally *home; /* the countries the document has named up to this sentence */
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

static bool inside_mention(const vigie_doc *d, const sent_ctx *c, size_t tok)
{
    for (size_t k = c->m0; k < c->m1; k++)
        if (d->mentions.v[k].t0 <= tok && tok < d->mentions.v[k].t1)
            return true;
    return false;
}

/* A plain lower-case word, no actor, auxiliary or function word: maybe an adjective or a noun. */
static bool plain_word(const vigie_doc *d, const sent_ctx *c, size_t k)
{
    const verb_analysis *va = verb_lookup(d, k);
    return d->tokens.v[k].kind == VIGIE_TOK_WORD && !(d->tinfo.v[k].flags & TF_CAP) && !d->tinfo.v[k].gram_mask &&
           !inside_mention(d, c, k) && !has_lemma(d, va, "be") && !has_lemma(d, va, "have") &&
           !has_lemma(d, va, "avoir") && !has_lemma(d, va, "etre");
}

static bool is_clause_break(const vigie_doc *d, size_t i, size_t hi)
{
    const char *k = tok_key(d, i);
    return !strcmp(k, ";") || !strcmp(k, ":") || opens_clause(d, i, hi);
}

/* Is token i a marker an infinitive follows: "to", "de" ("d'" keys as "de"), "à"? */
static bool infinitive_marker(const vigie_doc *d, size_t i)
{
    return gram_is(d, i, d->tokens.n, G_INFINITIVE); /* exact forms: "à" is not "a" */
}

/* An infinitive that ends the object of the verb before opens at i: "called on the Republic to
 * rejoin the Commonwealth" (grammar class object_end). */
static bool object_end_at(const vigie_doc *d, size_t i, size_t hi)
{
    return i + 1 < hi && gram_is(d, i, hi, G_OBJECT_END) && analysis_has_tag(verb_lookup(d, i + 1), 'W');
}

/* A coordinated infinitive opens at i ("et d'expulser", "and to impose"): after the first verb's own
 * object, that object ends there ("envahir et occuper l'Ukraine" share theirs). */
static bool coordinated_infinitive_at(const vigie_doc *d, size_t i, size_t hi)
{
    return gram_is(d, i, hi, G_COORD) && i + 2 < hi && infinitive_marker(d, i + 1) &&
           analysis_has_tag(verb_lookup(d, i + 2), 'W');
}

/* A coordinated verb group opens at i ("et a rompu", "et n'a pas", "et s'est"): the object of the
 * first verb ends there. */
static bool coordinated_verb(const vigie_doc *d, size_t i, size_t hi)
{
    if (!gram_is(d, i, hi, G_COORD))
        return false;
    size_t k = i + 1;
    while (k < hi && k < i + 3 && (gram_is(d, k, hi, G_NEG_PRE) || gram_is(d, k, hi, G_REFLEXIVE)))
        k++;
    return gram_is(d, k, hi, G_AUXILIARY);
}

/* ---- pattern matching after the trigger ---- */

/* The first bytes an item's alternatives can start with ("*" alone: any). */
static void note_firsts(pat_item *it)
{
    it->firsts = 0;
    for (int a = 0; a < it->alt_count; a++) {
        const char *alt = it->alts[a];
        it->firsts |= alt[0] == '*' && !alt[1] ? UINT64_MAX : 1ull << ((unsigned char)alt[0] & 63);
    }
}

/* The words a pattern cannot match without: its one-key word items (prefixes and choices may
 * match several keys, so they add nothing) up to a source slot, which a pair ("the two
 * leaders") fills together with all that follows (match_items). */
static void sign_items(pat_item *items, int n, word_sig *need)
{
    for (int k = 0; k < n && items[k].kind != PI_SOURCE; k++) {
        const char *w = items[k].alts ? items[k].alts[0] : NULL;
        size_t len = w ? strlen(w) : 0;
        if (items[k].kind == PI_WORD && items[k].alt_count == 1 && len && w[len - 1] != '*')
            sig_add(need, strmap_hash(w, len));
    }
}

void patterns_sign(lang_data *L)
{
    for (size_t i = 0; i < L->patterns.n; i++) {
        event_pattern *p = &L->patterns.v[i];
        memset(&p->needs, 0, sizeof p->needs);
        sign_items(p->items, p->item_count, &p->needs);
        sign_items(p->pre, p->pre_count, &p->needs);
        for (int k = 0; k < p->item_count; k++)
            note_firsts(&p->items[k]);
        for (int k = 0; k < p->pre_count; k++)
            note_firsts(&p->pre[k]);
    }
}

static void sign_sentence(const vigie_doc *d, sent_ctx *c)
{
    memset(&c->words, 0, sizeof c->words);
    for (size_t i = c->lo; i < c->hi; i++)
        sig_add(&c->words, d->tinfo.v[i].key_hash);
}

static bool item_matches(const pat_item *it, const char *key)
{
    if (!(it->firsts & (1ull << ((unsigned char)key[0] & 63))))
        return false;
    for (int a = 0; a < it->alt_count; a++) {
        const char *alt = it->alts[a];
        if (alt[0] != key[0] && !(alt[0] == '*' && !alt[1]))
            continue; /* the first letter rules most out */
        size_t n = strlen(alt);
        if (n && alt[n - 1] == '*' ? !strncmp(alt, key, n - 1) : !strcmp(alt, key))
            return true;
    }
    return false;
}

#define REPORTING_REACH 6 /* words from a comma to the verb of a reporting clause */
#define MAX_TARGETS 8

typedef struct {
    int weight;
    arg source, target;
    arg more[MAX_TARGETS - 1]; /* coordinated targets after the first ("l'Arabie saoudite et le Qatar") */
    int nmore;
    bool has_source, has_target;
    bool implicit;   /* an optional target slot found no actor: the document supplies it */
    size_t implicit_at; /* where its object starts ("l'attaque"): the deed it names */
    const char *avoid; /* the subject's code: "le soutien des Etats-Unis à l'Ukraine" is no target */
    arg relobj;      /* the antecedent of an object relative ("le Qatar, qu'ils accusent"): a target */
    bool has_relobj;
    bool objclitic;  /* an object pronoun before the verb ("Il l'a remercié"): its direct object is no
                      * actor named later but an unnamed one */
    size_t last;     /* last token used */
    size_t words_end; /* after the last word item the pattern matched (0: none) */
    size_t first;    /* first token of the words matched before the trigger (PETRARCH patterns) */
} match;

static arg arg_of(const vigie_doc *d, const sent_ctx *c, int k)
{
    k = head_of(d, c, k);
    const mention_info *m = &d->mentions.v[k];
    arg a = {k, m->place_only || m->adjective ? m->country : m->pub.code, m->pub.span};
    return a;
}

static bool self_dyad(const char *a, const char *b);
static bool no_dyad(const vigie_doc *d, const event_pattern *p, const char *a, const char *b);
static bool same_country(const char *a, const char *b);
static bool follows_noun_marker(const vigie_doc *d, const sent_ctx *c, size_t trig);
static bool agent_marker_next(const vigie_doc *d, const sent_ctx *c, const verb_analysis *va, size_t trig);
static bool clause_verb_at(const vigie_doc *d, const sent_ctx *c, size_t k);

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

/* Is code a country with this CAMEO sector ("RUSGOV" for "GOV")? */
static bool has_sector(const char *code, const char *sector)
{
    return code && strlen(code) == 6 && !strcmp(code + 3, sector);
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
static bool pair_from(const vigie_doc *d, size_t from, size_t upto, arg *a, arg *b)
{
    const char *codes[64];
    int counts[64], first[64], last[64], n = 0;
    for (size_t k = from; k < upto; k++) {
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

static bool pair_before(const vigie_doc *d, size_t upto, arg *a, arg *b)
{
    return pair_from(d, 0, upto, a, b);
}

/* The last of the first `upto` mentions naming country as a state (its code, or its government:
 * "Russie", "Moscou", not "les troupes russes"), or fallback. */
static int state_mention(const vigie_doc *d, size_t upto, const char *country, int fallback)
{
    for (size_t k = upto; k-- > 0;) {
        const char *code = d->mentions.v[k].pub.code;
        if (code && !strncmp(code, country, 3) && (!code[3] || has_sector(code, "GOV")))
            return (int)k;
    }
    return fallback;
}

/* The two countries of the document's latest reciprocal event before mention upto ("Saudi Arabia and
 * Iran agreed to restore relations"): what "the two rivals" names after it, before the countries named
 * most (a mediator is named often too). */
static bool event_pair(const vigie_doc *d, size_t upto, arg *a, arg *b)
{
    for (size_t k = d->events.n; k-- > 0;) {
        const vigie_event *e = &d->events.v[k].pub;
        if (!(e->flags & VIGIE_FLAG_SYMMETRIC) || !e->source.code || !e->target.code ||
            !is_iso3_like_prefix(e->source.code) || !is_iso3_like_prefix(e->target.code) ||
            same_country(e->source.code, e->target.code))
            continue;
        char ca[4], cb[4];
        snprintf(ca, sizeof ca, "%.3s", e->source.code);
        snprintf(cb, sizeof cb, "%.3s", e->target.code);
        int ma = state_mention(d, upto, ca, -1), mb = state_mention(d, upto, cb, -1);
        if (ma < 0 || mb < 0)
            return false;
        arg x = {ma, d->mentions.v[ma].pub.code, d->mentions.v[ma].pub.span};
        arg y = {mb, d->mentions.v[mb].pub.code, d->mentions.v[mb].pub.span};
        *a = x;
        *b = y;
        return true;
    }
    return false;
}

/* "les deux présidents", "the two leaders": the last two people (persons or roles) of two countries
 * among the document's first `upto` mentions, in text order; not further back than 40 mentions. */
static bool people_pair_before(const vigie_doc *d, size_t upto, arg *a, arg *b)
{
    int found[2] = {-1, -1}, n = 0;
    for (size_t k = upto; k-- > 0 && k + 40 >= upto && n < 2;) {
        const mention_info *m = &d->mentions.v[k];
        /* a person, or a role that a person holds in a government ("le président américain"), not
         * "les troupes russes" */
        bool person = m->pub.kind == VIGIE_ACTOR_PERSON ||
                      (m->pub.kind == VIGIE_ACTOR_ROLE && has_sector(m->pub.code, "GOV"));
        if (!person || !m->country || (n == 1 && !strcmp(m->country, d->mentions.v[found[0]].country)))
            continue;
        found[n++] = (int)k;
    }
    if (n < 2)
        return false;
    const mention_info *ma = &d->mentions.v[found[1]], *mb = &d->mentions.v[found[0]];
    arg x = {found[1], ma->pub.code, ma->pub.span}, y = {found[0], mb->pub.code, mb->pub.span};
    *a = x;
    *b = y;
    return true;
}

/* How far an item may be from the previous one: verbs take adverbs and objects in between
 * ("a déjà annexé en 2014 une partie du territoire"), nouns only an article. */
static size_t item_gap(const event_pattern *p, const pat_item *it)
{
    if (it->adjacent)
        return 0;
    if (p->noun)
        return it->kind == PI_WORD ? 0 : 2;
    (void)it;
    return 6;
}

/* A target after a specific word reaches further, over the word's complements: "a présenté deux
 * projets de traités visant à empêcher tout élargissement de l'Otan". */
static size_t target_gap(const event_pattern *p, int k)
{
    if (p->noun)
        return item_gap(p, &p->items[k]);
    return k > 0 && p->items[k - 1].kind == PI_WORD ? 12 : 10;
}

/* A head noun whose complement names the actor ("le chef du Mossad", "le directeur de la CIA"):
 * the complement's mention, or -1. */
static int head_complement(const vigie_doc *d, const sent_ctx *c, size_t t)
{
    if (t + 1 >= c->hi || !plain_word(d, c, t) || !gram_is(d, t + 1, c->hi, G_PREP))
        return -1;
    for (size_t k = t + 1; k < c->hi && k < t + 4; k++) {
        int m = mention_starting(d, c, k, false);
        if (m >= 0)
            return m;
        if (!gram_is(d, k, c->hi, G_PREP) && !gram_is(d, k, c->hi, G_DETERMINER))
            return -1;
    }
    return -1;
}

/* Coordinated actors after a target that ends at j: "A, B et C", "les ambassadeurs britannique,
 * français et allemand". A list joined only by commas is an apposition ("Lavrov, le ministre
 * russe"), not a coordination: it counts only when closed by a coordinator. Returns the end. */
static size_t more_targets(const vigie_doc *d, const sent_ctx *c, size_t j, match *out)
{
    int kept = out->nmore;
    while (out->nmore < MAX_TARGETS - 1 && j < c->hi) {
        bool coord = gram_is(d, j, c->hi, G_COORD);
        if (!coord && !tok_is(d, j, ","))
            break;
        if (!coord && j + 2 < c->hi && gram_is(d, j + 1, c->hi, G_COORD) && gram_is(d, j + 2, c->hi, G_PREP))
            coord = true, j++; /* "avec X, William Burns, et avec Y"; not ", et Joe Biden a annoncé" */
        size_t t = j + 1;
        while (t < c->hi && gram_is(d, t, c->hi, G_DETERMINER))
            t++;
        if (coord && t < c->hi && gram_is(d, t, c->hi, G_PREP) && !gram_is(d, t, c->hi, G_GENITIVE))
            t++; /* "avec X et avec Y", "à la Pologne et à la Bulgarie"; not "de X et de Y" */
        while (t < c->hi && gram_is(d, t, c->hi, G_DETERMINER))
            t++;
        int m = mention_starting(d, c, t, false);
        if (m < 0 && coord)
            m = head_complement(d, c, t);
        if (m < 0)
            break;
        out->more[out->nmore++] = arg_of(d, c, m);
        j = d->mentions.v[head_of(d, c, m)].t1;
        if (coord) {
            kept = out->nmore;
            break;
        }
    }
    out->nmore = kept;
    return j;
}

static bool inside_timex(const vigie_doc *d, const sent_ctx *c, size_t tok);

/* Only a date and determiners between the pattern's last word and t ("annexer la Crimée"), or a noun
 * of places with its preposition ("bombardé la ville de Gori", "frappé dimanche les sites de Fordo")? */
static bool opens_slot(const vigie_doc *d, const sent_ctx *c, size_t from, size_t t)
{
    size_t k = from;
    while (k < t && inside_timex(d, c, k)) /* "frappé dimanche les sites de Fordo" */
        k++;
    size_t det = k;
    while (k < t && gram_is(d, k, c->hi, G_DETERMINER))
        k++;
    if (k < t && k > det && gram_is(d, k, c->hi, G_PLACE_HEAD) && k + 1 < t && gram_is(d, k + 1, c->hi, G_PREP))
        for (k += 2; k < t && gram_is(d, k, c->hi, G_DETERMINER);)
            k++;
    return k == t;
}

/* A place after a locative ("a rappelé son ambassadrice à Damas", "frappé des cibles dans la bande
 * de Gaza"): the target when no actor is found in the slot. */
static int place_after_locative(const vigie_doc *d, const sent_ctx *c, size_t t)
{
    size_t p = t; /* "dans la bande de Gaza": the locative before the place's article */
    while (p > c->lo + 1 && p + 2 > t && gram_is(d, p - 1, c->hi, G_DETERMINER))
        p--;
    if (p <= c->lo || !gram_is(d, p - 1, c->hi, G_LOCATIVE))
        return -1;
    int m = mention_starting(d, c, t, true);
    return m >= 0 && d->mentions.v[m].place_only ? m : -1;
}

/* The locative a few words before token t opens ("in central Paris", "dans la capitale"), or -1. */
static long locative_before(const vigie_doc *d, const sent_ctx *c, size_t t)
{
    for (size_t k = t; k > c->lo && k + 3 > t; k--) {
        if (gram_is(d, k - 1, c->hi, G_LOCATIVE))
            return (long)(k - 1);
        if (d->tokens.v[k - 1].kind != VIGIE_TOK_WORD)
            return -1;
    }
    return -1;
}

/* The first place of a country named after a locative in the sentence ("ont défilé au Caire"): its
 * mention, or -1. */
static int located_place(const vigie_doc *d, const sent_ctx *c)
{
    for (size_t k = c->m0; k < c->m1; k++) {
        const mention_info *m = &d->mentions.v[k];
        size_t t = m->t0;
        if (t > c->lo && gram_is(d, t - 1, c->hi, G_DETERMINER))
            t--;
        if (m->country && is_iso3_like(m->country) && !m->adjective && t > c->lo &&
            gram_is(d, t - 1, c->hi, G_LOCATIVE))
            return (int)k;
    }
    return -1;
}

/* The country of a place named after a locative in the sentence, or NULL. */
static const char *place_country(const vigie_doc *d, const sent_ctx *c)
{
    int k = located_place(d, c);
    return k >= 0 ? d->mentions.v[k].country : NULL;
}

/* The document's main country: the one its mentions up to here name most (ties: the first). */
/* The country the mentions [0, upto) name most (the first named of equals), or NULL. */
static const char *home_country(const vigie_doc *d, home_tally *h, size_t upto)
{
    for (; h->counted < upto; h->counted++) {
        const char *x = d->mentions.v[h->counted].country;
        if (x && is_iso3_like(x))
            tally_country(&h->tally, x);
    }
    return h->tally.best >= 0 ? h->tally.v.v[h->tally.best].code : NULL;
}

/* Does the "de" at k introduce an infinitive ("accuse les rebelles d'avoir mené"), not a complement
 * of the noun before it? */
static bool de_infinitive(const vigie_doc *d, const sent_ctx *c, size_t k)
{
    return k + 1 < c->hi && (tok_is(d, k, "de") || tok_is(d, k, "d'")) &&
           analysis_has_tag(verb_lookup(d, k + 1), 'W');
}

/* English "of" before an -ing form, past a quotation mark: what someone is accused of ("accused
 * the minister of trying", "accuses the government of “giving"), not whose role it is. */
static bool of_gerund(const vigie_doc *d, const sent_ctx *c, size_t k)
{
    size_t g = k + 1;
    if (g < c->hi && d->tokens.v[g].kind == VIGIE_TOK_QUOTE)
        g++;
    size_t n = g < c->hi ? tok_key_len(d, g) : 0;
    return d->lang == LANG_EN && n > 4 && !strcmp(tok_key(d, g) + n - 3, "ing");
}

/* A role noun no country is attached to ("les militaires", "des manifestants", "la junte") within
 * [from, to): an actor of the country where the sentence happens, else of the document's. Not one
 * with a genitive complement, someone else's role ("inspecteurs de l'agence", "Leaders of the
 * movement denounced"). */
static bool bare_agent(vigie_doc *d, const sent_ctx *c, size_t from, size_t to, bool subject, arg *out)
{
    const lang_data *L = &d->engine->lang[d->lang];
    for (size_t i = from; i < to && i < c->hi; i++) {
        uint32_t payload;
        size_t n;
        if (tok_is(d, i, ",") || is_clause_break(d, i, c->hi))
            return false; /* "protested in Paris, police estimated": the police report it */
        /* a capital says a name ("General Motors", "Marine Le Pen"), except the one opening the
         * sentence before a lower-case word ("Protesters in Bulgaria have") */
        bool cap = d->tinfo.v[i].flags & TF_CAP;
        /* nor, in French, a word after a capitalised one inside the sentence: "des États généraux"
         * (English capitalises adjectives: "Protestant extremists", "Chechen refugees") */
        bool after_cap = d->lang == LANG_FR && i > c->lo + 1 && (d->tinfo.v[i - 1].flags & TF_CAP) &&
                         d->tokens.v[i - 1].kind == VIGIE_TOK_WORD;
        if (d->tokens.v[i].kind != VIGIE_TOK_WORD || inside_mention(d, c, i) || after_cap ||
            (cap && (i > c->lo || (i + 1 < c->hi && (d->tinfo.v[i + 1].flags & TF_CAP)))))
            continue;
        uint32_t len = phrase_match(&L->agents, d, i, c->hi, &payload, 1, &n);
        const agent_entry *ag = n ? &L->agents_v.v[payload] : NULL;
        if (!ag || !ag->sector[0] || !strcmp(ag->sector, "COUNTERPART") || ag->before)
            continue;
        size_t k = i + len; /* "pouvoir d'achat", "inspecteurs de l'agence", "leaders of the movement":
                             * someone else's role */
        bool someone_elses = k < c->hi && gram_is(d, k, c->hi, G_GENITIVE) && !de_infinitive(d, c, k) &&
                             !of_gerund(d, c, k);
        /* in English only a subject's complement that names no actor or place: "Leaders of the
         * movement", not "inhabitants of the Syrian Golan Heights", nor an object ("arrest the leaders
         * of both groups") */
        bool named = false; /* an actor or a place in the complement */
        for (size_t t = k + 1; t < c->hi && t < k + 4 && !named; t++)
            named = mention_starting(d, c, t, true) >= 0;
        if (someone_elses && (d->lang != LANG_EN || (subject && !named)))
            return false;
        const char *country = ag->scene ? scene_country(d, c->m0, c->m1) : place_country(d, c);
        if (!country)
            country = home_country(d, c->home, c->m1);
        if (!country)
            return false;
        vigie_span sp = {d->tokens.v[i].span.start, d->tokens.v[i + len - 1].span.end};
        arg a = {-1, joined_code(d, country, ag->sector), sp};
        *out = a;
        return true;
    }
    return false;
}

/* A verb pattern of conflict (quad classes 3, 4): its unnamed targets are often domestic
 * ("ont arrêté plus de 9 000 militaires"); a cooperation's seldom are worth an event. */
static bool conflict_code(const vigie_doc *d, const event_pattern *p)
{
    const cameo_code *cc = p->noun ? NULL : cameo_lookup(d->engine, p->code);
    return cc && cc->quad_class >= 3;
}

/* May a place after a locative be the target ("frappes à Kharkiv", "en visite à Kiev", "a promis
 * une aide à Kiev")? Not for a statement, a meeting (roots 01 and 04 but visits, 042 and 043), nor an
 * opinion, a demand, a rejection or a threat (roots 05, 10 to 13): one made "in Brussels" is not
 * aimed at it ("warned in Brussels", "a dénoncé la condamnation à New York"). */
static bool place_may_be_target(const event_pattern *p)
{
    static const char *const said_roots[] = {"01", "04", "05", "10", "11", "12", "13"};
    if (p->noun)
        return false;
    if (!strncmp(p->code, "042", 3) || !strncmp(p->code, "043", 3))
        return true;
    for (size_t k = 0; k < sizeof said_roots / sizeof *said_roots; k++)
        if (!strncmp(p->code, said_roots[k], 2))
            return false;
    return true;
}

/* Does the comma at t open a reporting clause (", Ukrainian officials said", ", a indiqué
 * l'Elysée")? Its speaker is who reports the event, not its target. */
static bool reporting_clause(const vigie_doc *d, const sent_ctx *c, size_t t)
{
    if (!tok_is(d, t, ","))
        return false;
    for (size_t k = t + 1; k < c->hi && k <= t + REPORTING_REACH; k++) {
        if (is_clause_break(d, k, c->hi) || tok_is(d, k, ","))
            return false;
        if (gram_is(d, k, c->hi, G_REPORTING))
            return true;
    }
    return false;
}

static bool in_prep_phrase(const vigie_doc *d, const sent_ctx *c, const mention_info *m);

/* The speaker a reporting clause opened by the comma at t names, or -1: its first actor that is
 * not whom it speaks to ("a déclaré aux agences de presse russes le vice-ministre"). */
static int reporting_speaker(const vigie_doc *d, const sent_ctx *c, size_t t)
{
    if (!reporting_clause(d, c, t))
        return -1;
    for (size_t k = c->m0; k < c->m1; k++) {
        const mention_info *m = &d->mentions.v[k];
        if (m->t0 > t && m->t0 <= t + 2 * REPORTING_REACH && is_actor(m) && !in_prep_phrase(d, c, m))
            return (int)k;
    }
    return -1;
}

/* The speaker of a first-person subject at p: named by the sentence's reporting clause after it
 * ("« Nous appelons ... », a déclaré l'ambassadeur de France"), else before it ("..., a assuré Joe
 * Biden. Et je veux remercier"); or -1. */
static int quote_speaker(const vigie_doc *d, const sent_ctx *c, size_t p)
{
    for (size_t t = p + 1; t < c->hi; t++)
        if (reporting_clause(d, c, t))
            return reporting_speaker(d, c, t);
    for (size_t t = p; t-- > c->lo;)
        if (reporting_clause(d, c, t))
            return reporting_speaker(d, c, t);
    return -1;
}

static bool actor_between(const vigie_doc *d, const sent_ctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (mention_starting(d, c, k, false) >= 0)
            return true;
    return false;
}

enum { CS_NONE = -1, CS_SELF = -2 };

/* The subject opening a que-clause at t ("a exigé que Téhéran ouvre"): its mention; CS_SELF for a
 * pronoun or a compatriot of the source ("a promis que les Etats-Unis défendraient", "qu'il
 * répondrait"), after which the slot looks on; CS_NONE for a subject that is no actor ("qu'une
 * intervention au Niger serait"), whose complements are no addressee. *end: after the subject. */
static int clause_subject(const vigie_doc *d, const sent_ctx *c, size_t t, const char *avoid, size_t *end)
{
    while (t < c->hi && gram_is(d, t, c->hi, G_DETERMINER))
        t++;
    *end = t + 1;
    int m = mention_starting(d, c, t, false);
    if (m < 0)
        return t < c->hi && gram_is(d, t, c->hi, G_PRONOUN) ? CS_SELF : CS_NONE;
    *end = d->mentions.v[head_of(d, c, m)].t1;
    return avoid && same_country(avoid, arg_of(d, c, m).code) ? CS_SELF : m;
}

/* A coordination or a comma opening another clause: its subject, an actor, and its verb
 * ("arrested a Huawei employee and the Czech Republic cited", "if parliament rejected the accord,
 * Mr Coveney thought"). The first verb's target is not there. */
static bool coordinated_clause(const vigie_doc *d, const sent_ctx *c, size_t t)
{
    if (!gram_is(d, t, c->hi, G_COORD) && !tok_is(d, t, ","))
        return false;
    for (size_t s = t + 1; s < t + 3 && s < c->hi; s++) {
        int m = mention_starting(d, c, s, false);
        if (m >= 0) {
            size_t e = d->mentions.v[head_of(d, c, m)].t1;
            return e < c->hi && clause_verb_at(d, c, e);
        }
    }
    /* a subject the dictionaries do not know: capitalised words ("and Foreign Secretary Perfecto
     * Yasay called on") */
    size_t s = t + 1;
    while (s < c->hi && s < t + 7 && d->tokens.v[s].kind == VIGIE_TOK_WORD && (d->tinfo.v[s].flags & TF_CAP))
        s++;
    return s > t + 1 && s < c->hi && clause_verb_at(d, c, s);
}

/* A comma opening the next verb of a series or a participle ("promised to fix Europe, fight
 * climate change, stand up to the US", "raided the centre, considered an outlet for Iran"): the
 * first verb's target is not there. */
static bool verb_series(const vigie_doc *d, const sent_ctx *c, size_t t)
{
    return tok_is(d, t, ",") && t + 1 < c->hi && (verb_lookup(d, t + 1) || simple_past(d, t + 1)) &&
           !inside_mention(d, c, t + 1) && !(d->tinfo.v[t + 1].flags & TF_CAP) && !follows_noun_marker(d, c, t + 1);
}

/* A comma opening a relative clause ("supported the strikes, which also targeted an al-Qaeda
 * cell"): what it names is the clause's, not the verb's target. */
static bool relative_after_comma(const vigie_doc *d, const sent_ctx *c, size_t t)
{
    if (!tok_is(d, t, ",") || t + 1 >= c->hi || !gram_is(d, t + 1, c->hi, G_RELATIVE))
        return false;
    /* a clause has a verb: "24 otages, dont 13 Israéliens, au premier jour" names part of the object */
    for (size_t k = t + 2; k < c->hi && k < t + 10 && !tok_is(d, k, ","); k++)
        if ((finite_form(verb_lookup(d, k)) || simple_past(d, k)) && !inside_mention(d, c, k))
            return true;
    return false;
}

/* May the document name the target an optional slot left empty ("a condamné l'attaque": whose
 * attack, the document says)? Not when the object is a name the dictionaries do not know: a
 * thing, not a deed ("denounced Nord Stream 2"). */
static bool unnamed_object(const vigie_doc *d, const sent_ctx *c, size_t j)
{
    size_t t = j;
    while (t < c->hi && (gram_is(d, t, c->hi, G_DETERMINER) || inside_timex(d, c, t)))
        t++;
    return !(t < c->hi && d->tokens.v[t].kind == VIGIE_TOK_WORD && (d->tinfo.v[t].flags & TF_CAP));
}

/* A present participle right after a message noun opens what the message does ("a statement
 * condemning the strikes on Syria"): the words of the verb before stop there. */
static bool message_act_at(const vigie_doc *d, const sent_ctx *c, size_t t)
{
    return t > c->lo && gram_is(d, t - 1, c->hi, G_VEHICLE) && analysis_has_tag(verb_lookup(d, t), 'G') &&
           !finite_form(verb_lookup(d, t));
}

/* Are the tokens [from, to) only dates and commas ("a signé lundi soir, ...")? */
static bool only_dates_between(const vigie_doc *d, const sent_ctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (!tok_is(d, k, ",") && !inside_timex(d, c, k))
            return false;
    return true;
}

/* A prepositional incise between commas opening at t (", sous l'égide de la Russie,", ", in Moscow,"):
 * the token after its closing comma; t when there is none. No verb inside, ten tokens at most; not
 * an article ("exige, quant à elle, des garanties"). The caller skips one only right after the verb
 * or its date, and keeps one that opens with the word it seeks (", à Kiev," for "se rendre à"). */
static size_t incise_end(const vigie_doc *d, const sent_ctx *c, size_t t)
{
    if (!tok_is(d, t, ",") || t + 2 >= c->hi || gram_is(d, t + 1, c->hi, G_DETERMINER) || /* ", des garanties" */
        !(gram_is(d, t + 1, c->hi, G_PREP) || gram_is(d, t + 1, c->hi, G_LOCATIVE) || gram_is(d, t + 1, c->hi, G_ACCORDING)))
        return t;
    for (size_t k = t + 2; k < c->hi && k < t + 12; k++) {
        if (tok_is(d, k, ","))
            return k + 1;
        if (is_clause_break(d, k, c->hi) || (verb_lookup(d, k) && !inside_mention(d, c, k) && !d->tinfo.v[k].gram_mask))
            return t;
    }
    return t;
}

/* A gerund ("en accusant", "by accusing") opening at t: an act of its own. */
static bool gerund_at(const vigie_doc *d, const sent_ctx *c, size_t t)
{
    return t + 1 < c->hi && gram_is(d, t, c->hi, G_GERUND) && analysis_has_tag(verb_lookup(d, t + 1), 'G') &&
           !finite_form(verb_lookup(d, t + 1));
}

static bool match_items(vigie_doc *d, const sent_ctx *c, const event_pattern *p, size_t from, match *out)
{
    size_t j = from;
    size_t word_at = (size_t)-1; /* the token the last word item matched */
    for (int k = 0; k < p->item_count; k++) {
        const pat_item *it = &p->items[k];
        bool found = false;
        size_t max_gap = it->kind == PI_TARGET ? target_gap(p, k) : item_gap(p, it);
        int place = -1;
        bool scan = true;
        /* the target may start with the pattern's last word: "convoquer ambassadeur* +T" on
         * "a convoqué l'ambassadeur birman" */
        int m0 = it->kind == PI_TARGET && word_at + 1 == j ? mention_starting(d, c, word_at, false) : -1;
        /* not one's own: "a exclu d'envoyer des soldats américains combattre en Ukraine" */
        if (m0 >= 0 && out->avoid && same_country(out->avoid, arg_of(d, c, m0).code))
            m0 = -1;
        if (m0 >= 0 && d->mentions.v[m0].t1 > j) {
            out->target = arg_of(d, c, m0);
            out->has_target = true;
            j = more_targets(d, c, d->mentions.v[head_of(d, c, m0)].t1, out);
            continue;
        }
        if (it->kind == PI_TARGET && k == 0 && j == from && !p->noun && out->objclitic) {
            if (!it->optional)
                return false;
            out->implicit = true; /* "l'ont condamnée": an unnamed object, which the document may name */
            out->implicit_at = j;
            continue;
        }
        /* a word right after the target may end the target's own mention: "storm +T embassy" on
         * "stormed the Saudi embassy", a role that names the embassy */
        if (it->kind == PI_WORD && k > 0 && p->items[k - 1].kind == PI_TARGET && out->has_target && j > from &&
            item_matches(it, tok_key(d, j - 1))) {
            word_at = j - 1;
            continue;
        }
        /* an object relative's antecedent, the verb followed by the pattern's next word or a
         * preposition: "Iran, which Riyadh accuses of arming the Houthis" is accused, not them */
        if (it->kind == PI_TARGET && out->has_relobj && j == from && j < c->hi &&
            ((k + 1 < p->item_count && p->items[k + 1].kind == PI_WORD && item_matches(&p->items[k + 1], tok_key(d, j))) ||
             (gram_is(d, j, c->hi, G_PREP) && !gram_is(d, j, c->hi, G_DETERMINER)))) {
            out->target = out->relobj;
            out->has_target = true;
            continue;
        }
        /* a final target right after "que": the clause's subject is whom a demand or a promise
         * is about */
        if (it->kind == PI_TARGET && !p->noun && k == p->item_count - 1 && word_at + 1 == j &&
            gram_is(d, word_at, c->hi, G_OBJECT_RELATIVE)) {
            size_t end;
            int s = clause_subject(d, c, j, out->avoid, &end);
            if (s >= 0) {
                out->target = arg_of(d, c, s);
                out->has_target = true;
                j = more_targets(d, c, end, out);
                continue;
            }
            /* a role noun with no country: "a exigé que les paramilitaires cessent" */
            if (s == CS_NONE && bare_agent(d, c, j, end, true, &out->target) &&
                !(out->avoid && no_dyad(d, p, out->avoid, out->target.code))) {
                out->has_target = true;
                j = end;
                continue;
            }
            scan = s == CS_SELF; /* else the document may supply it */
            j = scan ? end : j;
        }
        for (size_t g = 0; scan && g <= max_gap && j + g < c->hi; g++) {
            size_t t = j + g;
            bool object_ends = it->kind == PI_TARGET && k == 0 && !p->noun && object_end_at(d, t, c->hi);
            if ((g > 0 && (is_clause_break(d, t, c->hi) || coordinated_infinitive_at(d, t, c->hi) ||
                           gerund_at(d, c, t) || object_ends)) ||
                message_act_at(d, c, t) ||
                coordinated_verb(d, t, c->hi) ||
                (!p->noun && (coordinated_clause(d, c, t) || verb_series(d, c, t)))) /* not "talks between X and Y began" */
                break;
            /* a pronoun where the target opens is the target ("se concertait avec lui, avant de
             * joindre Poutine"): no actor further on; an optional one is left for the document */
            if (it->kind == PI_TARGET && !p->noun && g == 0 && gram_is(d, t, c->hi, G_OBJECT_PRONOUN)) {
                if (!it->optional)
                    return false;
                out->implicit = true;
                out->implicit_at = t;
                found = true;
                break;
            }
            /* no target inside "que ..." or after "sans", "malgré" ("sans l'aval des Nations unies"),
             * nor in a reporting clause */
            if (it->kind == PI_TARGET && !p->noun &&
                (gram_is(d, t, c->hi, G_OBJECT_RELATIVE) || gram_is(d, t, c->hi, G_TARGET_STOP) ||
                 reporting_clause(d, c, t) || relative_after_comma(d, c, t)))
                break;
            if (it->kind == PI_WORD && !p->noun && !(t + 1 < c->hi && item_matches(it, tok_key(d, t + 1))) &&
                only_dates_between(d, c, j, t)) {
                size_t past = incise_end(d, c, t); /* ", sous l'égide de la Russie," costs no gap */
                if (past > t) {
                    max_gap += past - t;
                    g += past - t - 1;
                    continue;
                }
            }
            if (it->kind == PI_WORD) {
                bool word = item_matches(it, tok_key(d, t));
                /* "a averti Donald Trump qu'ils": an object before que is the target, not the clause */
                if (word && gram_is(d, t, c->hi, G_OBJECT_RELATIVE) && actor_between(d, c, j, t))
                    break;
                if (word) {
                    word_at = t;
                    j = t + 1;
                    found = true;
                }
            } else {
                uint32_t plen = d->tinfo.v[t].gram_len;
                arg a, b;
                /* the pair named by earlier sentences, not by this one's subject */
                if (gram_is(d, t, c->hi, G_PAIR) && !p->noun && it->kind == PI_TARGET &&
                    pair_before(d, c->m0 ? c->m0 : mentions_before(d, c, t), &a, &b)) {
                    /* "X a appelé les deux parties à la retenue": two targets, X the source */
                    out->target = a;
                    out->more[0] = b;
                    out->nmore = 1;
                    out->has_target = true;
                    j = t + plen;
                    found = true;
                } else if (gram_is(d, t, c->hi, G_PAIR) && pair_before(d, mentions_before(d, c, t), &a, &b)) {
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
                    if (m < 0 && place < 0 && it->kind == PI_TARGET && place_may_be_target(p))
                        place = place_after_locative(d, c, t);
                    if (m >= 0 && it->kind == PI_TARGET && out->avoid && no_dyad(d, p, out->avoid, arg_of(d, c, m).code))
                        m = -1;
                    /* people named by their role before the place are whom the act reached: "fired
                     * tear gas at masked protesters in central Paris" */
                    long loc = m >= 0 && it->kind == PI_TARGET && g > 0 && conflict_code(d, p) ? locative_before(d, c, t) : -1;
                    arg agent;
                    if (loc > (long)j && bare_agent(d, c, j, (size_t)loc, false, &agent) &&
                        !(out->avoid && no_dyad(d, p, out->avoid, agent.code))) {
                        out->target = agent;
                        out->has_target = true;
                        found = true;
                        break;
                    }
                    if (m >= 0) {
                        arg a1 = arg_of(d, c, m);
                        j = d->mentions.v[head_of(d, c, m)].t1;
                        if (it->kind == PI_TARGET) {
                            out->target = a1;
                            out->has_target = true;
                            j = more_targets(d, c, j, out);
                        } else {
                            out->source = a1;
                            out->has_source = true;
                        }
                        found = true;
                    }
                }
            }
            if (found)
                break;
        }
        if (place >= 0 && out->avoid && no_dyad(d, p, out->avoid, arg_of(d, c, place).code))
            place = -1; /* "combattent des séparatistes dans le Donbass": one's own land is no target */
        if (!found && place >= 0) {
            out->target = arg_of(d, c, place);
            out->has_target = true;
            j = d->mentions.v[place].t1;
            found = true;
        }
        if (!found && it->kind == PI_TARGET && out->has_relobj) {
            out->target = out->relobj;
            out->has_target = true;
            found = true;
        }
        if (!found && it->kind == PI_TARGET && scan && conflict_code(d, p) &&
            bare_agent(d, c, j, j + 6, false, &out->target) &&
            !(out->avoid && no_dyad(d, p, out->avoid, out->target.code))) {
            out->has_target = true; /* "ont arrêté plus de 9 000 militaires" */
            found = true;
        }
        if (!found && it->optional && unnamed_object(d, c, j)) {
            out->implicit = true; /* "Moscou a condamné l'attaque": whose attack, the document says */
            out->implicit_at = j;
            found = true;
        }
        if (!found)
            return false;
    }
    out->last = j;
    out->words_end = word_at == (size_t)-1 ? 0 : word_at + 1;
    out->weight = p->weight;
    return true;
}

/* The actor mention ending right before token `end`, or -1. */
static int mention_ending(const vigie_doc *d, const sent_ctx *c, size_t end)
{
    for (size_t k = c->m0; k < c->m1; k++)
        if (d->mentions.v[k].t1 == end && is_actor(&d->mentions.v[k]))
            return (int)k;
    return -1;
}

/* A PETRARCH pattern's words before the verb, matched leftwards from it ("SAID WOULD *"). */
static bool match_pre(const vigie_doc *d, const sent_ctx *c, const event_pattern *p, size_t trig, match *out)
{
    size_t j = trig; /* the items matched so far start here */
    for (int k = p->pre_count; k-- > 0;) {
        const pat_item *it = &p->pre[k];
        size_t max_gap = item_gap(p, it);
        bool found = false;
        for (size_t g = 0; g <= max_gap && j > c->lo + g && !found; g++) {
            size_t t = j - 1 - g;
            if (g > 0 && is_clause_break(d, t, c->hi))
                break;
            if (it->kind == PI_WORD) {
                found = item_matches(it, tok_key(d, t));
                j = found ? t : j;
                continue;
            }
            int m = mention_ending(d, c, t + 1);
            if (m < 0)
                continue;
            arg a = arg_of(d, c, m);
            if (it->kind == PI_TARGET) {
                out->target = a;
                out->has_target = true;
            } else {
                out->source = a;
                out->has_source = true;
            }
            j = d->mentions.v[m].t0;
            found = true;
        }
        if (!found)
            return false;
    }
    out->first = j;
    return true;
}

/* ---- the subject ---- */

static bool in_prep_phrase(const vigie_doc *d, const sent_ctx *c, const mention_info *m)
{
    size_t p = m->t0;
    while (p > c->lo && gram_is(d, p - 1, c->hi, G_HONORIFIC)) /* "of Mr Correa": "Mr" may be two tokens */
        p--;
    if (p > c->lo && tok_is(d, p - 1, ".") && p - 1 > c->lo && gram_is(d, p - 2, c->hi, G_HONORIFIC))
        p -= 2; /* "de M. Poutine" */
    if (p > c->lo && (tok_is(d, p - 1, "la") || tok_is(d, p - 1, "l'") || tok_is(d, p - 1, "le") ||
                      tok_is(d, p - 1, "les") || tok_is(d, p - 1, "the")))
        p--;
    /* "Des soldats israéliens ont été": "des" opening a clause is an article, not "de les" */
    if (p > c->lo && tok_is(d, p - 1, "des") && (p - 1 == c->lo || tok_is(d, p - 2, ",") || is_clause_break(d, p - 2, c->hi)))
        return false;
    return p > c->lo && gram_is(d, p - 1, c->hi, G_PREP);
}

/* The role in apposition before person k, which opens its noun phrase: "le ministre iranien (des
 * Affaires étrangères) Zarif"; or -1. Only plain words lie between them. */
static int apposed_role(const vigie_doc *d, const sent_ctx *c, int k)
{
    const mention_info *m = &d->mentions.v[k];
    if (m->pub.kind != VIGIE_ACTOR_PERSON)
        return -1;
    for (size_t e = m->t0; e > c->lo && e + 5 > m->t0; e--) {
        int r = mention_ending(d, c, e);
        if (r >= 0)
            return head_of(d, c, r) == k || (d->mentions.v[r].pub.kind == VIGIE_ACTOR_ROLE &&
                                             same_country(d->mentions.v[r].pub.code, m->pub.code)) ? r : -1;
        if (d->tokens.v[e - 1].kind != VIGIE_TOK_WORD || gram_is(d, e - 1, c->hi, G_COORD) || inside_mention(d, c, e - 1))
            return -1;
    }
    return -1;
}

/* Coordinated actors ending at mention k ("Joe Biden et Vladimir Poutine"): returns count. */
static int coordination(const vigie_doc *d, const sent_ctx *c, int k, int *out, int max)
{
    int n = 0, cur = k; /* cur: the mention the next link is sought before */
    bool apposition = false;
    out[n++] = k;
    while (n < max) {
        const mention_info *m = &d->mentions.v[cur];
        int role = apposed_role(d, c, cur);
        if (role >= 0)
            m = &d->mentions.v[role];
        if (m->t0 == 0)
            break;
        size_t t = m->t0 - 1; /* the coordinator just before this mention */
        /* "Fornost and the evil Gondor" */
        for (int k = 0; k < 3 && t > c->lo && (gram_is(d, t, c->hi, G_DETERMINER) || plain_word(d, c, t)); k++)
            t--;
        bool coord = gram_is(d, t, c->hi, G_COORD);
        if (coord && t > c->lo && tok_is(d, t - 1, ","))
            t--; /* "Mordor, Fornost, and Gondor" */
        if (!coord && !tok_is(d, t, ","))
            break;
        /* after a bare comma, a possessor opens an apposition: "Bulgaria, the EU's poorest member" */
        if (!coord && m->t1 < c->hi && tok_is(d, m->t1, "'s"))
            break;
        /* the last link is a coordinator: a comma alone there makes an apposition, one actor ("Le
         * chef des FSR, le général Daglo"), before which a coordination may still come ("X et son
         * homologue russe, Vladimir Poutine, se sont parlé") */
        bool lone = tok_is(d, t, ",") && !(t + 1 < c->hi && gram_is(d, t + 1, c->hi, G_COORD));
        if (n == 1 && lone && apposition)
            break;
        bool appos = n == 1 && lone;
        int prev = -1;
        for (int j = cur - 1; j >= (int)c->m0; j--) {
            const mention_info *q = &d->mentions.v[j];
            if (q->t1 == t && is_actor(q))
                prev = j;
            if (q->t1 <= t)
                break;
        }
        if (prev < 0)
            break;
        /* an apposition restates its actor: "avec Moscou et Kiev, Ankara" apposes no two countries */
        const char *pc = d->mentions.v[prev].pub.code, *mc = m->pub.code;
        if (appos && pc && mc && !same_country(pc, mc))
            break;
        cur = prev;
        if (appos)
            apposition = true;
        else
            out[n++] = prev;
    }
    for (int a = 0, b = n - 1; a < b; a++, b--) {
        int tmp = out[a];
        out[a] = out[b];
        out[b] = tmp;
    }
    return n;
}

/* Actors coordinated after mention k ("with Gondor and Arnor"), k first: returns count. */
static int coordination_after(const vigie_doc *d, const sent_ctx *c, int k, int *out, int max)
{
    int n = 0;
    out[n++] = k;
    while (n < max) {
        size_t t = d->mentions.v[out[n - 1]].t1; /* the coordinator right after this mention */
        if (t + 1 >= c->hi || (!gram_is(d, t, c->hi, G_COORD) && !tok_is(d, t, ",")))
            break;
        int next = mention_starting(d, c, t + 1, false);
        if (next < 0 && gram_is(d, t + 1, c->hi, G_DETERMINER))
            next = mention_starting(d, c, t + 2, false);
        if (next < 0)
            break;
        out[n++] = next;
    }
    return n;
}

/* Is the prepositional phrase of mention m a "de" complement of a noun opening the clause
 * ("Les dirigeants du G7", "Deux avions de l'armée ivoirienne")? No other actor precedes it. */
static bool genitive_subject(const vigie_doc *d, const sent_ctx *c, const mention_info *m)
{
    size_t p = m->t0;
    while (p > c->lo && gram_is(d, p - 1, c->hi, G_DETERMINER) && !gram_is(d, p - 1, c->hi, G_PREP))
        p--;
    if (p <= c->lo || !(tok_is(d, p - 1, "de") || tok_is(d, p - 1, "d'") || tok_is(d, p - 1, "du") ||
                        tok_is(d, p - 1, "des") || tok_is(d, p - 1, "of")))
        return false;
    size_t head = p - 1; /* the noun phrase before "de": a few words from the clause's start */
    while (head > c->lo && !tok_is(d, head - 1, ",") && !is_clause_break(d, head - 1, c->hi))
        head--;
    return p - 1 - head >= 1 && p - 1 - head <= 4;
}

/* A demonym closing a short noun phrase that opens the clause names the subject: "Des avions
 * français ont ouvert le feu", "L'artillerie nord-coréenne a pilonné". */
static bool adjective_subject(const vigie_doc *d, const sent_ctx *c, const mention_info *m)
{
    size_t head = m->t0;
    while (head > c->lo && !tok_is(d, head - 1, ",") && !is_clause_break(d, head - 1, c->hi) &&
           !gram_is(d, head - 1, c->hi, G_RELATIVE))
        head--;
    return m->t0 - head >= 1 && m->t0 - head <= 5 && !in_prep_phrase(d, c, m);
}

/* Demonyms coordinated after the subject: "Les forces américaines et britanniques". */
static int coordinated_adjectives(const vigie_doc *d, const sent_ctx *c, int k, size_t start, int *out, int max)
{
    int n = 0;
    size_t j = d->mentions.v[k].t1;
    for (int q = k + 1; q < (int)c->m1 && n < max; q++) {
        const mention_info *m = &d->mentions.v[q];
        if (!m->adjective || m->t1 > start || m->t0 != j + 1 ||
            !(gram_is(d, j, c->hi, G_COORD) || tok_is(d, j, ",")))
            break;
        out[n++] = q;
        j = m->t1;
    }
    return n;
}

/* Does token i open a name the dictionaries do not know: two capitalised words, not the
 * sentence's first, outside any mention, not a place after a locative ("Guillaume Barazzone",
 * "Mehdi Nemmouche")? Mentions from m on start at or after i's sentence. */
static bool unknown_name_at(const vigie_doc *d, size_t i, size_t m)
{
    if (i + 1 >= d->tokens.n || i == 0 || d->tinfo.v[i - 1].sentence != d->tinfo.v[i].sentence)
        return false;
    for (size_t k = i; k < i + 2; k++) /* an honorific may open it: "Mme Venediktova" */
        if (d->tokens.v[k].kind != VIGIE_TOK_WORD || !(d->tinfo.v[k].flags & TF_CAP) ||
            (d->tinfo.v[k].flags & TF_ALLCAPS) || (d->tinfo.v[k].gram_mask & ~(1ull << G_HONORIFIC)))
            return false;
    if (gram_is(d, i - 1, d->tokens.n, G_LOCATIVE) || gram_is(d, i - 1, d->tokens.n, G_PREP))
        return false;
    for (; m < d->mentions.n && d->mentions.v[m].t0 <= i + 1; m++)
        if (d->mentions.v[m].t1 > i)
            return false;
    return true;
}

/* Is a person the dictionaries do not know named between mention k and token tok? A pronoun
 * after it speaks of that person more likely than of the actor before ("... a déclaré Guillaume
 * Barazzone. Il a ajouté"). */
static bool unknown_name_between(const vigie_doc *d, size_t k, size_t tok)
{
    if (!person_pronoun(d, tok))
        return false; /* "they" speaks of a group */
    for (size_t i = d->mentions.v[k].t1; i + 1 < tok; i++)
        if (unknown_name_at(d, i, k))
            return true;
    return false;
}

/* Is mention m a name a plural determiner opens ("les Etats-Unis", "les Occidentaux")? */
static bool plural_name(const vigie_doc *d, const mention_info *m)
{
    size_t det = m->t0; /* the determiner opening the mention, or the word before it */
    if (!gram_is(d, det, d->tokens.n, G_DETERMINER) && det > 0)
        det--;
    return gram_is(d, det, d->tokens.n, G_DET_PLURAL);
}

/* Is the pronoun at tok a feminine singular one? "elle" does not stand for a plural name ("les
 * Occidentaux ont promis des sanctions si elle attaquait"); "il" may, for the leader of "les Etats-Unis". */
static bool feminine_pronoun(const vigie_doc *d, size_t tok)
{
    return person_pronoun(d, tok) && pronoun_gender(d, tok) == 'f';
}

/* A pronoun subject ("il", "cette source", "he") the actor stage left unresolved: the closest actor
 * before it in its sentence, else the first of the nearest sentence before that has one, its
 * subject ("La Russie a prévenu l'Ukraine. Elle a menacé" is Russia). */
static int antecedent(const vigie_doc *d, const sent_ctx *c, size_t tok)
{
    uint32_t sentence = d->tinfo.v[tok].sentence;
    bool plural = !person_pronoun(d, tok); /* "ils", "they": a group, not one person */
    bool feminine = feminine_pronoun(d, tok); /* "elle": no plural name */
    int first = -1; /* the first actor of the nearest sentence before that has one: its subject */
    int oblique = -1; /* the closest in the pronoun's sentence after a preposition */
    for (size_t k = d->mentions.n; k-- > 0 && d->mentions.n - k <= RECENT_MENTIONS;) {
        const mention_info *m = &d->mentions.v[k];
        if (m->t1 > tok || !is_actor(m) || m->adjective || (plural && m->pub.kind == VIGIE_ACTOR_PERSON) ||
            (feminine && plural_name(d, m)))
            continue;
        if (tok_is(d, m->t1, "'s"))
            continue; /* "China, Pyongyang's closest ally, said it": a possessor is seldom the one spoken of */
        if (m->pub.sentence == sentence) {
            /* in the pronoun's sentence, the closest subject or object before one after a
             * preposition: "la Russie veut le retrait des troupes de Bulgarie, un traité qu'elle réclame" */
            if (in_prep_phrase(d, c, m)) {
                oblique = oblique < 0 ? (int)k : oblique;
                continue;
            }
            return unknown_name_between(d, k, tok) ? -1 : (int)k;
        }
        if (oblique >= 0 || (first >= 0 && d->mentions.v[first].pub.sentence != m->pub.sentence))
            break;
        first = (int)k;
    }
    int a = oblique >= 0 ? oblique : first;
    return a >= 0 && unknown_name_between(d, (size_t)a, tok) ? -1 : a;
}

/* Where a future or planned phrase ending right before token t starts ("about to", "set to"
 * before a verb: the infinitive's "to" is no preposition there), or t when there is none. */
static size_t marker_before(const vigie_doc *d, const sent_ctx *c, size_t t)
{
    const uint32_t classes = 1u << G_FUTURE | 1u << G_PLANNED;
    for (size_t p = t; p-- > c->lo && p + 3 >= t;)
        if ((d->tinfo.v[p].gram_mask & classes) && p + d->tinfo.v[p].gram_len == t && t - p > 1)
            return p;
    return t;
}

/* Where a grammar phrase of class cls ending at token p starts (an adverb: "par ailleurs", "en
 * revanche"), or p + 1 when none. */
static size_t phrase_ending(const vigie_doc *d, const sent_ctx *c, size_t p, enum gram_class cls)
{
    for (size_t q = p >= c->lo + 4 ? p - 4 : c->lo; q <= p; q++) /* the longest first */
        if (gram_is(d, q, c->hi, cls) && q + d->tinfo.v[q].gram_len == p + 1)
            return q;
    return p + 1;
}

/* A French adverb in -ment between an auxiliary and its participle ("a catégoriquement nié"). */
static bool ment_adverb(const vigie_doc *d, const sent_ctx *c, size_t p)
{
    size_t n = tok_key_len(d, p);
    const char *k = tok_key(d, p);
    return d->lang == LANG_FR && n > 6 && !strcmp(k + n - 4, "ment") && !(d->tinfo.v[p].flags & TF_CAP) &&
           p > c->lo && verb_lookup(d, p - 1) && !verb_lookup(d, p) && !inside_mention(d, c, p);
}

/* Is mention m the possessor of a subject no dictionary names: "The French government's road safety
 * association refused" (not "Russia's foreign ministry said", a role, nor "Russia's Gazprom")? */
static bool possessed_thing(const vigie_doc *d, const sent_ctx *c, const mention_info *m, size_t start)
{
    if (m->t1 + 1 >= start || !tok_is(d, m->t1, "'s") || d->tokens.v[m->t1 + 1].kind != VIGIE_TOK_WORD)
        return false;
    if (gram_is(d, start, c->hi, G_PASSIVE))
        return false; /* "if May's deal is rejected by MPs": rejecting her deal is rejecting her */
    const lang_data *L = &d->engine->lang[d->lang];
    for (size_t k = m->t1 + 1; k < start; k++) {
        uint32_t payload;
        size_t n;
        if (inside_mention(d, c, k) || phrase_match(&L->agents, d, k, c->hi, &payload, 1, &n))
            return false;
    }
    return true;
}

/* Does a role noun of agents.txt end at token p ("security forces", "troops")? */
static bool ends_role_noun(const vigie_doc *d, const sent_ctx *c, size_t p)
{
    const lang_data *L = &d->engine->lang[d->lang];
    for (size_t k = p + 1 > c->lo + 3 ? p - 2 : c->lo; k <= p; k++) {
        uint32_t payload;
        size_t n;
        if (phrase_match(&L->agents, d, k, c->hi, &payload, 1, &n) == p + 1 - k && n)
            return true;
    }
    return false;
}

/* Start of the verb group ending at the trigger: auxiliaries, negation, reflexive pronoun. */
static size_t group_start(const vigie_doc *d, const sent_ctx *c, size_t trig)
{
    size_t s = marker_before(d, c, trig);
    while (s > c->lo && s + 6 > trig) {
        size_t p = s - 1;
        const uint32_t glue_classes = 1u << G_NEG_PRE | 1u << G_NEG_POST | 1u << G_REFLEXIVE | 1u << G_FUTURE |
                                      1u << G_CONDITIONAL;
        size_t adv = phrase_ending(d, c, p, G_ADVERB);
        if (adv > p)
            adv = phrase_ending(d, c, p, G_NEG_PRE); /* "could no longer support" */
        if (adv <= p) {
            s = adv;
            continue;
        }
        /* a verb form inside a name is no auxiliary: "the Ministry of Silly Walks condemned"; nor
         * the last word of a role noun: "security forces used"; nor a noun after its determiner:
         * "a Turkish ship carrying" */
        bool grammar = (d->tinfo.v[p].gram_mask & glue_classes) || ment_adverb(d, c, p);
        bool verb = verb_lookup(d, p) != NULL;
        if ((!grammar && !verb) || inside_mention(d, c, p) || ends_role_noun(d, c, p) ||
            (!grammar && !gram_is(d, p, c->hi, G_AUXILIARY) && follows_noun_marker(d, c, p)))
            break;
        s = p;
    }
    return s;
}

/* Does an actor's possessive open the words at k ("Pyongyang's closest ally")? */
static bool possessor_at(const vigie_doc *d, const sent_ctx *c, size_t k)
{
    for (size_t m = c->m0; m < c->m1; m++)
        if (d->mentions.v[m].t0 == k)
            return d->mentions.v[m].t1 < c->hi && tok_is(d, d->mentions.v[m].t1, "'s");
    return false;
}

/* A restrictive relative clause, no commas, between an actor and the verb group at start ("Russian
 * lawmakers who visited Tallinn on Tuesday demanded", "les députés qui ont visité Tallinn ont exigé"):
 * where its pronoun stands, for the subject to be sought before it; else start. */
static size_t restrictive_relative_before(const vigie_doc *d, const sent_ctx *c, size_t start)
{
    bool verb = false;
    for (size_t k = start; k-- > c->lo + 1 && k + 12 > start;) {
        if (tok_is(d, k, ",") || is_clause_break(d, k, c->hi))
            return start;
        if (gram_is(d, k, c->hi, G_SUBJECT_RELATIVE))
            return verb && mention_ending(d, c, k) >= 0 ? k : start;
        verb |= finite_form(verb_lookup(d, k)) && !inside_mention(d, c, k);
    }
    return start;
}

/* A relative clause, a participle phrase or (English) a noun phrase in apposition between commas
 * ending right before the verb group at start: its first token (the comma), or start when there is
 * none ("Le chef de l'Etat, qui préside l'UE, s'est rendu", "Ces milices, armées par Khartoum, ont
 * incendié", "Protesters in Bulgaria, the EU's poorest member, have blocked"). */
static size_t relative_before(const vigie_doc *d, const sent_ctx *c, size_t start)
{
    if (start > c->lo + 2 && !tok_is(d, start - 1, ","))
        return restrictive_relative_before(d, c, start);
    if (start <= c->lo + 2)
        return start;
    bool verb = false;
    for (size_t k = start - 1; k-- > c->lo + 1;) {
        if (tok_is(d, k, ",") && d->lang == LANG_EN && !verb && k + 2 < start &&
            (gram_is(d, k + 1, c->hi, G_DETERMINER) || gram_is(d, k + 1, c->hi, G_INDEFINITE) || possessor_at(d, c, k + 1)))
            return k;
        if (tok_is(d, k, ",") || is_clause_break(d, k, c->hi))
            return start;
        verb |= finite_form(verb_lookup(d, k)) && !inside_mention(d, c, k);
        bool opens = gram_is(d, k, c->hi, G_RELATIVE) || (analysis_has_tag(verb_lookup(d, k), 'K') &&
                                                           !finite_form(verb_lookup(d, k)) && !inside_mention(d, c, k));
        if (opens && tok_is(d, k - 1, ","))
            return k - 1;
    }
    return start;
}

/* The subject relative pronoun opening the clause of the verb group at start: right before it, or
 * before an incise between commas ("l'Aquarius qui, après les avoir débarqués à Malte, pourra");
 * 0 when none (a relative pronoun never opens a sentence). */
static size_t subject_relative_before(const vigie_doc *d, const sent_ctx *c, size_t start)
{
    if (start <= c->lo + 1)
        return 0;
    if (gram_is(d, start - 1, c->hi, G_SUBJECT_RELATIVE))
        return start - 1;
    if (!tok_is(d, start - 1, ","))
        return 0;
    for (size_t k = start - 1; k-- > c->lo + 1 && k + 12 > start;) {
        if (is_clause_break(d, k, c->hi))
            return 0;
        if (tok_is(d, k, ","))
            return gram_is(d, k - 1, c->hi, G_SUBJECT_RELATIVE) ? k - 1 : 0;
    }
    return 0;
}

/* The antecedent of a subject relative opening the verb group's clause ("le Bélarus, qui a
 * autorisé", "le Tchad voisin, qui accueille"): the actor ending right before the relative pronoun or
 * its comma, or an adjective or two before them; else -1. */
static int relative_antecedent(const vigie_doc *d, const sent_ctx *c, size_t start)
{
    size_t q = subject_relative_before(d, c, start);
    if (!q)
        return -1;
    size_t end = q;
    if (tok_is(d, end - 1, ","))
        end--;
    for (int n = 0; n < 2 && end > c->lo + 1 && mention_ending(d, c, end) < 0 && plain_word(d, c, end - 1) &&
                    !verb_lookup(d, end - 1);
         n++)
        end--;
    for (size_t k = c->m0; k < c->m1; k++)
        if (d->mentions.v[k].t1 == end && is_actor(&d->mentions.v[k]))
            return head_of(d, c, (int)k) == (int)k || d->mentions.v[head_of(d, c, (int)k)].t1 == end ? (int)k : -1;
    return -1;
}

static bool inside_timex(const vigie_doc *d, const sent_ctx *c, size_t tok)
{
    for (size_t k = c->x0; k < c->x1; k++)
        if (d->timexes.v[k].t0 <= tok && tok < d->timexes.v[k].t1)
            return true;
    return false;
}

/* A noun phrase opening the clause right before the verb group heads its subject (", le Premier
 * ministre a pris"): a determiner after a comma or at the sentence start, a few words that are no
 * actor nor date, the verb. An actor further left is then not the subject. */
static bool noun_before(const vigie_doc *d, const sent_ctx *c, size_t start)
{
    if (start <= c->lo || !plain_word(d, c, start - 1) || inside_timex(d, c, start - 1))
        return false;
    for (size_t k = start - 1; k-- > c->lo && k + 5 > start;) {
        if (inside_mention(d, c, k) || inside_timex(d, c, k) || d->tokens.v[k].kind != VIGIE_TOK_WORD)
            return false;
        /* after que too ("ont supposé que le pont avait été détruit"), unless a possessive names the
         * main subject's own ("a annoncé que son pays rompait") */
        if (gram_is(d, k, c->hi, G_DETERMINER))
            return k == c->lo || tok_is(d, k - 1, ",") || is_clause_break(d, k - 1, c->hi) ||
                   (gram_is(d, k - 1, c->hi, G_OBJECT_RELATIVE) && !gram_is(d, k, c->hi, G_POSSESSIVE));
    }
    return false;
}

/* A finite verb form in [from, to) outside actor names: a clause of its own. */
static bool verb_between(const vigie_doc *d, const sent_ctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (finite_form(verb_lookup(d, k)) && !inside_mention(d, c, k) && !(d->tinfo.v[k].flags & TF_CAP))
            return true;
    return false;
}

/* A verb group whose subject comes after it: right after a quotation ("», a dénoncé X"), or
 * after a comma with no actor ending a few words before (", déplore la Fédération"; not an
 * apposition or an incise: "Le Kremlin, mardi, a", "Le président malien, Dioncounda Traoré, a"). */
static bool inverted_subject(const vigie_doc *d, const sent_ctx *c, size_t start)
{
    if (d->lang != LANG_FR || start <= c->lo || !(tok_is(d, start - 1, ",") || tok_is(d, start - 1, "\"")))
        return false;
    size_t from = start > c->lo + 8 ? start - 8 : c->lo;
    if (tok_is(d, start - 1, ",") && start > c->lo + 1 && tok_is(d, start - 2, "\""))
        return true; /* right after a quotation: "», a dénoncé X" */
    for (size_t k = c->m0; k < c->m1; k++) {
        const mention_info *m = &d->mentions.v[k];
        if (is_actor(m) && m->t1 < start && m->t1 >= from && !verb_between(d, c, m->t1, start - 1))
            return false;
    }
    return true;
}

/* The agent's marker after the word at trig, past an adverb or two ("backed (openly) by"). */
static bool agent_follows(const vigie_doc *d, const sent_ctx *c, size_t trig)
{
    size_t k = trig + 1;
    while (k < c->hi && k <= trig + 2 && gram_is(d, k, c->hi, G_ADVERB))
        k++;
    return k < c->hi && gram_is(d, k, c->hi, G_AGENT);
}

/* The verb of a clause at k: a finite form outside actor names, not capitalised, not a noun after
 * a determiner ("the party", "les forces"), not a participle before its agent ("backed by"). */
static bool clause_verb_at(const vigie_doc *d, const sent_ctx *c, size_t k)
{
    const verb_analysis *va = verb_lookup(d, k);
    if (!(finite_form(va) || (!va && simple_past(d, k))) || inside_mention(d, c, k) ||
        (d->tinfo.v[k].flags & TF_CAP) || follows_noun_marker(d, c, k))
        return false;
    /* "backed by": a participle; a past form outside the lexicon may be one too */
    return !((!va || analysis_has_tag(va, 'K')) && agent_follows(d, c, k));
}

static bool clause_verb_in(const vigie_doc *d, const sent_ctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (clause_verb_at(d, c, k))
            return true;
    return false;
}

static bool clause_break_in(const vigie_doc *d, const sent_ctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (is_clause_break(d, k, c->hi))
            return true;
    return false;
}

/* Is an actor ending at `from` outside the clause of the verb group at `to`? A verb of another
 * clause between them takes it as its subject or object ("Macron said protesters attacked",
 * "Paris saw unrest when protesters fought"), and so does a word opening a clause ("when",
 * "lorsque"). A verb group coordinated with the clause before it shares that clause's subject
 * ("X fired tear gas and arrested", "X impose des sanctions, fournit des armes"). An actor
 * opening a relative clause is not cut off by it ("le pays qui a condamné ... a appelé"), nor
 * by an incise: the words between the first and last comma ("Moscow, backed by Beijing, vetoed"). */
static bool other_clause_between(const vigie_doc *d, const sent_ctx *c, size_t from, size_t to)
{
    if (to <= from + 1 || gram_is(d, from, c->hi, G_RELATIVE))
        return false;
    size_t first_comma = to, last_comma = to;
    for (size_t k = from; k < to; k++)
        if (tok_is(d, k, ",")) {
            first_comma = first_comma == to ? k : first_comma;
            last_comma = k;
        }
    size_t tail = last_comma < to ? last_comma + 1 : to; /* after the incise */
    /* a clause opens between them: "Paris saw unrest when protesters fought ..., torched" */
    if (clause_break_in(d, c, from, first_comma) || clause_break_in(d, c, tail, to - 1))
        return true;
    if (gram_is(d, to - 1, c->hi, G_COORD) || tok_is(d, to - 1, ","))
        return false;
    return clause_verb_in(d, c, from, first_comma) || clause_verb_in(d, c, tail, to);
}

/* May the verb group at start have a plural subject? Not a French form that does not end in -nt
 * ("la Russie, qui a massé"; "qui ont", "qui négocient" may), nor an English third person singular
 * ("who has", "who was", "who says"); an English past says nothing. */
static bool plural_verb(const vigie_doc *d, size_t start)
{
    const char *k = tok_key(d, start);
    size_t n = strlen(k);
    if (d->lang == LANG_FR)
        return n >= 2 && !strcmp(k + n - 2, "nt");
    return strcmp(k, "has") && strcmp(k, "is") && strcmp(k, "was") && strcmp(k, "does") &&
           !(n > 2 && k[n - 1] == 's' && k[n - 2] != 's');
}

/* Only a short complement between tokens t and start ("Le Haut-Commissariat de l'ONU aux droits de
 * l'homme a exigé"): words, prepositions and articles, no date, comma or verb. */
static bool complement_tail(const vigie_doc *d, const sent_ctx *c, size_t t, size_t start)
{
    if (t == start)
        return true;
    if (start - t > 5 || !gram_is(d, t, c->hi, G_PREP))
        return false;
    for (size_t k = t + 1; k < start; k++)
        if (!(gram_is(d, k, c->hi, G_PREP) || gram_is(d, k, c->hi, G_DETERMINER) ||
              (plain_word(d, c, k) && !verb_lookup(d, k) && !inside_timex(d, c, k))))
            return false;
    return true;
}

static int subject_of(const vigie_doc *d, const sent_ctx *c, size_t start, int *coord, int *ncoord)
{
    *ncoord = 0;
    /* "Both countries have moved troops", "les deux présidents se sont entretenus": the pair named
     * before, two people of two countries for a pair of people */
    for (size_t k = start; k-- > c->lo && k + 4 >= start;) {
        if (!gram_is(d, k, c->hi, G_PAIR) || k + d->tinfo.v[k].gram_len != start)
            continue;
        arg a, b;
        size_t upto = mentions_before(d, c, k);
        bool people = gram_is(d, k, c->hi, G_PAIR_PEOPLE);
        /* the two countries of this sentence and the one before when it names two ("la Finlande avait
         * combattu la Russie, les deux pays avaient signé"), else of the document */
        size_t prev = c->lo > 0 ? d->sentences.v[d->tinfo.v[c->lo - 1].sentence].first_token : 0, recent = c->m0;
        while (recent > 0 && d->mentions.v[recent - 1].t0 >= prev)
            recent--;
        bool found = people ? people_pair_before(d, upto, &a, &b)
                            : pair_from(d, recent, upto, &a, &b) || event_pair(d, upto, &a, &b) ||
                                  pair_before(d, upto, &a, &b);
        if (found && a.m >= 0 && b.m >= 0) {
            coord[(*ncoord)++] = people ? a.m : state_mention(d, upto, a.code, a.m);
            coord[(*ncoord)++] = people ? b.m : state_mention(d, upto, b.code, b.m);
            return coord[0];
        }
        return -1;
    }
    int rel = relative_antecedent(d, c, start);
    if (rel >= 0) { /* each of a coordinated antecedent: "Alpha Condé and Mohamed Ould Abdel Aziz, who flew" */
        *ncoord = plural_verb(d, start) ? coordination(d, c, rel, coord, MAX_SUBJECTS) : 0;
        if (*ncoord == 0)
            coord[(*ncoord)++] = rel;
        return coord[*ncoord - 1];
    }
    if (subject_relative_before(d, c, start))
        return -1; /* "la frappe qui avait détruit": the subject is no actor */
    start = relative_before(d, c, start);
    if (inverted_subject(d, c, start))
        return -1;
    /* a pronoun right before the verb group: "il a ajouté", "a-t-il" is not handled here */
    if (start > c->lo) {
        size_t p = start - 1;
        /* "nous" opening its clause: "il nous a dit" has its subject before */
        bool opens = p == c->lo || d->tokens.v[p - 1].kind != VIGIE_TOK_WORD || gram_is(d, p - 1, c->hi, G_COORD);
        if (gram_is(d, p, c->hi, G_SPEAKER) && opens) {
            int a = quote_speaker(d, c, p);
            if (a >= 0)
                coord[(*ncoord)++] = a;
            return a;
        }
        if (gram_is(d, p, c->hi, G_PRONOUN)) {
            int a = mention_starting(d, c, p, false); /* resolved by the actor stage */
            /* "X et Y ont rompu avec Z, qu'ils accusent": the clause's subjects */
            if (a < 0 && c->nsubj > 0 && !(feminine_pronoun(d, p) && plural_name(d, &d->mentions.v[c->subj[0]]))) {
                memcpy(coord, c->subj, sizeof c->subj);
                *ncoord = c->nsubj;
                return coord[0];
            }
            if (a < 0 && !person_only_pronoun(d, p))
                a = antecedent(d, c, p); /* else the last actor ("il" may be a country, "he" is not) */
            if (a >= 0) {
                coord[(*ncoord)++] = a;
                return a;
            }
        }
    }
    for (size_t k = c->m1; k-- > c->m0;) {
        const mention_info *m = &d->mentions.v[k];
        if (m->t1 > start || !is_actor(m) || (m->adjective && !(m->t1 == start && adjective_subject(d, c, m))))
            continue;
        if (m->t1 < start && tok_is(d, m->t1, "'s") && m->t0 > c->lo && tok_is(d, m->t0 - 1, ","))
            continue; /* the possessor in an apposition: "China, Pyongyang's closest ally, said" */
        if (possessed_thing(d, c, m, start))
            return -1;
        if (m->t1 < start && (noun_before(d, c, start) || other_clause_between(d, c, m->t1, start)))
            return -1; /* "Si Macron est resté silencieux, le Premier ministre a pris": no actor subject */
        /* a complement right before the verb heads its phrase when no actor does: "Deux avions
         * de l'armée ivoirienne ont bombardé", "Des combattants de Boko Haram ont enlevé" */
        if (in_prep_phrase(d, c, m) && !(complement_tail(d, c, m->t1, start) && genitive_subject(d, c, m)))
            continue;
        /* the head of an apposition is its person: "Le porte-parole du Kremlin Dmitri Peskov";
         * a name that is no person after a role is apposed to it, and the role heads:
         * "Bree Prime Minister Romendacil" when the dictionary does not say Romendacil is a person */
        int r = mention_ending(d, c, m->t0);
        if (r >= 0 && m->pub.kind != VIGIE_ACTOR_PERSON && d->mentions.v[r].pub.kind == VIGIE_ACTOR_ROLE)
            k = (size_t)r;
        /* a singular verb after two actors joined by "et" has the second alone: "les djihadistes du
         * groupe Etat islamique et la Russie appuie les milices" is Russia's support (a longer list
         * is a collective's members: "une coalition entre les Etats-Unis, la France et la
         * Grande-Bretagne a frappé") */
        size_t v = start; /* the group's first verb form, past "se", "ne" and adverbs */
        while (v + 1 < c->hi && !verb_lookup(d, v))
            v++;
        *ncoord = coordination(d, c, (int)k, coord, MAX_SUBJECTS);
        if (*ncoord == 2 && !plural_verb(d, v)) {
            coord[0] = (int)k; /* coordination lists the mentions in text order */
            *ncoord = 1;
        }
        *ncoord += coordinated_adjectives(d, c, (int)k, start, coord + *ncoord, MAX_SUBJECTS - *ncoord);
        return (int)k;
    }
    return -1;
}

/* ---- modality ---- */

/* Does token k close the words that open a verb group's clause, looking left from the group: another
 * finite verb, a clause break, a relative pronoun? */
static bool closes_clause_opening(const vigie_doc *d, const sent_ctx *c, size_t k)
{
    bool verb = finite_form(verb_lookup(d, k)) && !inside_mention(d, c, k);
    return verb || is_clause_break(d, k, c->hi) || gram_is(d, k, c->hi, G_RELATIVE);
}

/* A negative word in the subject before the verb group ("Aucun pays n'a", "Ni Paris ni Berlin n'ont"). */
static bool negative_subject(const vigie_doc *d, const sent_ctx *c, size_t start)
{
    for (size_t k = start; k-- > c->lo && k + 12 > start;) {
        if (closes_clause_opening(d, c, k))
            return false;
        if (gram_is(d, k, c->hi, G_NEG_POST))
            return true;
    }
    return false;
}

static bool negated(const vigie_doc *d, const sent_ctx *c, size_t start, size_t trig)
{
    bool pre = false, post = false;
    for (size_t k = start; k <= trig + 2 && k < c->hi; k++) {
        pre |= gram_is(d, k, c->hi, G_NEG_PRE);
        post |= gram_is(d, k, c->hi, G_NEG_POST) && k > start;
    }
    if (start > c->lo && gram_is(d, start - 1, c->hi, G_NEG_PRE))
        pre = true;
    return d->lang == LANG_FR ? pre && (post || negative_subject(d, c, start)) : pre;
}

/* Does a grammar phrase starting before token i run over it ("même si" over "si")? */
static bool phrase_over(const vigie_doc *d, const sent_ctx *c, size_t i)
{
    for (size_t j = i; j-- > c->lo && j + 3 >= i;)
        if (j + d->tinfo.v[j].gram_len > i)
            return true;
    return false;
}

/* The class of a mood phrase ("pour que", "si", "avant que") ending right at token k and not inside
 * a longer phrase ("même si"), or G_COUNT when none. */
static enum gram_class mood_ending(const vigie_doc *d, const sent_ctx *c, size_t k)
{
    static const enum gram_class moods[] = {G_IRREALIS, G_CONDITION, G_REALIS};
    for (size_t i = k + 1; i-- > c->lo && i + 3 >= k;) {
        if (i + d->tinfo.v[i].gram_len != k + 1 || phrase_over(d, c, i))
            continue;
        for (size_t m = 0; m < sizeof moods / sizeof *moods; m++)
            if (gram_is(d, i, c->hi, moods[m]))
                return moods[m];
    }
    return G_COUNT;
}

/* A compound past with an indicative auxiliary ("a envahi"; not the subjunctive "ait envahi"). */
static bool indicative_past(const vigie_doc *d, size_t start, size_t trig)
{
    if (!analysis_has_tag(verb_lookup(d, trig), 'K'))
        return false;
    for (size_t k = start; k < trig; k++) {
        const verb_analysis *va = verb_lookup(d, k);
        if ((has_lemma(d, va, "avoir") || has_lemma(d, va, "etre")) && analysis_has_tag(va, 'P'))
            return true;
    }
    return false;
}

/* The mood phrase opening the clause of the verb group at start (G_IRREALIS, G_CONDITION,
 * G_REALIS), or G_COUNT when none. */
static enum gram_class clause_mood(const vigie_doc *d, const sent_ctx *c, size_t start)
{
    for (size_t k = start; k-- > c->lo && k + 12 > start;) {
        enum gram_class m = mood_ending(d, c, k);
        if (m != G_COUNT)
            return m;
        if (tok_is(d, k, ",") || closes_clause_opening(d, c, k))
            break;
    }
    return G_COUNT;
}

/* A future or conditional form or auxiliary ("will", "would") in the sentence outside [start, trig]
 * (the main clause of a condition). */
static bool future_elsewhere(const vigie_doc *d, const sent_ctx *c, size_t start, size_t trig)
{
    for (size_t k = c->lo; k < c->hi; k++) {
        const verb_analysis *va = verb_lookup(d, k);
        if ((k < start || k > trig) && (analysis_has_tag(va, 'F') || analysis_has_tag(va, 'C') ||
                                        gram_is(d, k, c->hi, G_FUTURE) || gram_is(d, k, c->hi, G_CONDITIONAL)))
            return true;
    }
    return false;
}

/* A form that is only a subjunctive ("prenne", "soutienne", "ait"): the verb group states a wish. */
static bool subjunctive_group(const vigie_doc *d, size_t start, size_t trig)
{
    for (size_t k = start; k <= trig; k++) {
        const verb_analysis *va = verb_lookup(d, k);
        bool subj = va != NULL;
        for (; va && va->lemma != UINT32_MAX; va++)
            subj &= strspn(va->tags, "ST") == strlen(va->tags);
        if (subj)
            return true;
    }
    return false;
}

static bool planned(const vigie_doc *d, const sent_ctx *c, size_t start, size_t trig)
{
    char tense = tense_near(d, trig, start, trig + 1);
    if (tense == 'F' || tense == 'C')
        return true;
    enum gram_class mood = clause_mood(d, c, start);
    if (mood == G_IRREALIS || mood == G_CONDITION) {
        if (indicative_past(d, start, trig))
            return false;
        /* an English past is no imperfect: "if Iran attacked" is hypothetical only before a "would" */
        bool past_hypothesis = tense != 'N' && d->lang != LANG_EN;
        if (mood == G_IRREALIS || past_hypothesis || future_elsewhere(d, c, start, trig))
            return true;
    }
    if (mood != G_REALIS && subjunctive_group(d, start, trig))
        return true;
    for (size_t k = start; k <= trig && k < c->hi; k++) {
        if (gram_is(d, k, c->hi, G_FUTURE) || gram_is(d, k, c->hi, G_CONDITIONAL) || gram_is(d, k, c->hi, G_PLANNED) ||
            gram_is(d, k, c->hi, G_PLANNED_MODAL) || gram_is(d, k, c->hi, G_FUTURE_AUX))
            return true;
    }
    return false;
}

/* Told by someone else: "selon le Kremlin", "according to officials" in the sentence. */
static bool reported(const vigie_doc *d, const sent_ctx *c)
{
    for (size_t k = c->lo; k < c->hi; k++)
        if (gram_is(d, k, c->hi, G_ACCORDING))
            return true;
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

/* A coordinator that is also a clause word, before a verb that shares the subject before it: ", mais
 * se prononce contre les sanctions et accuse" coordinates verbs of one clause. */
static bool coordinated_predicate(const vigie_doc *d, const sent_ctx *c, size_t k)
{
    if (!gram_is(d, k, c->hi, G_COORD))
        return false;
    size_t v = k + 1;
    while (v < c->hi && v < k + 3 && (gram_is(d, v, c->hi, G_NEG_PRE) || gram_is(d, v, c->hi, G_REFLEXIVE)))
        v++;
    bool reflexive = v > k + 1 && gram_is(d, v - 1, c->hi, G_REFLEXIVE); /* "mais se prononce": a verb */
    return v < c->hi && !inside_mention(d, c, v) && (reflexive || finite_form(verb_lookup(d, v)));
}

/* A relative or subordinate clause between two positions: "..., où les Occidentaux accusent".
 * With sequels_too false, a clause that only says what came before or after ("arrested Thursday
 * after protesters clashed") does not separate. */
static bool separated_by(const vigie_doc *d, const sent_ctx *c, size_t from, size_t to, bool sequels_too)
{
    for (size_t k = from; k < to; k++)
        if ((is_clause_break(d, k, c->hi) && (sequels_too || !gram_is(d, k, c->hi, G_SEQUEL)) &&
             !coordinated_predicate(d, c, k)) ||
            gram_is(d, k, c->hi, G_RELATIVE))
            return true;
    return false;
}

static bool separated(const vigie_doc *d, const sent_ctx *c, size_t from, size_t to)
{
    return separated_by(d, c, from, to, true);
}

/* Is the expression inside a comma-bounded piece that opens with a subordinate clause
 * ("Signe que les discussions du 10 janvier seront âpres, ...")? */
static bool in_subordinate(const vigie_doc *d, const sent_ctx *c, const timex_info *t)
{
    size_t a, b;
    clause_span(d, c, t->t0, &a, &b);
    return separated(d, c, a, t->t0);
}

/* Is the expression in a participle phrase between commas inside the predicate of a verb before it,
 * qualifying that verb's object ("refuse de renégocier le traité de retrait, conclu en novembre,
 * mais se dit ouverte"; "a justifié cette sortie de l'OTAN, réunie jeudi à Bruxelles")? Such a
 * phrase dates no other verb; one before the subject names the event's vehicle and dates it ("Dans
 * son rapport, publié en mars, le gouvernement désignait"). */
static bool in_object_participle(const vigie_doc *d, const sent_ctx *c, const timex_info *t)
{
    size_t a, b;
    clause_span(d, c, t->t0, &a, &b);
    const verb_analysis *va = a < t->t0 ? verb_lookup(d, a) : NULL;
    if (a <= c->lo || !tok_is(d, a - 1, ",") || !analysis_has_tag(va, 'K') || finite_form(va))
        return false;
    for (size_t k = c->lo; k + 1 < a; k++)
        if (finite_form(verb_lookup(d, k)) && !inside_mention(d, c, k))
            return true;
    return false;
}

static bool usable_date(const timex_info *t)
{
    return t->pub.type != VIGIE_TIMEX_DURATION && t->pub.type != VIGIE_TIMEX_SET && t->pub.value && !t->modifier &&
           strcmp(t->pub.value, "PAST_REF") && strcmp(t->pub.value, "PRESENT_REF") &&
           strcmp(t->pub.value, "FUTURE_REF") && strncmp(t->pub.value, "XXXX-W", 6); /* a weekday of no known week */
}

/* A coordinated verb group between the trigger and a later token: "a condamné l'attaque et a
 * annoncé des manœuvres à partir de dimanche" does not date the condemnation. */
static bool coordinated_after(const vigie_doc *d, const sent_ctx *c, size_t trig, size_t to)
{
    for (size_t k = trig + 1; k < to; k++)
        if (coordinated_verb(d, k, c->hi))
            return true;
    return false;
}

/* Days a duration before an `anterior` or `posterior` word shifts the main clause's date t for
 * the trigger in the clause it opens ("on Monday, two days after Colombian troops killed": -2),
 * or 0. */
static long sequel_shift(const vigie_doc *d, const sent_ctx *c, const timex_info *t, size_t trig)
{
    if (t->t0 > trig || t->date.gran != VIGIE_GRAN_DAY)
        return 0;
    for (size_t k = t->t1; k < trig; k++) {
        bool before = gram_is(d, k, c->hi, G_POSTERIOR);
        if (!before && !gram_is(d, k, c->hi, G_ANTERIOR))
            continue;
        long sign = before ? 1 : -1;
        for (size_t x = c->x0; x < c->x1; x++) {
            const timex_info *u = &d->timexes.v[x];
            char unit = 0;
            long n = 0;
            if (u->t1 == k && u->pub.type == VIGIE_TIMEX_DURATION && u->pub.value &&
                sscanf(u->pub.value, "P%ld%c", &n, &unit) == 2 && (unit == 'D' || unit == 'W'))
                return sign * n * (unit == 'W' ? 7 : 1);
        }
        /* "a day after", "a week before": an article, which the time lexicon does not count */
        if (k >= t->t1 + 2 && gram_is(d, k - 2, c->hi, G_INDEFINITE))
            return sign * time_unit_days(d, k - 1, k);
        return 0;
    }
    return 0;
}

/* The date of the clause that reports the trigger's completive clause ("a répliqué mercredi
 * qu'elle étudiait un plan", "said on Monday that it was ready"), unless the report tells the
 * event as anterior to it ("qu'il avait attaqué", "that it had attacked"); else NULL. */
static const timex_info *reporting_date(const vigie_doc *d, const sent_ctx *c, size_t trig)
{
    size_t q = trig;
    while (q > c->lo && !gram_is(d, q - 1, c->hi, G_RELATIVE))
        if (tok_is(d, --q, ",") || is_clause_break(d, q, c->hi))
            return NULL;
    if (q <= c->lo + 1)
        return NULL;
    size_t opener = q - 1, p = opener - 1;
    while (p > c->lo && inside_timex(d, c, p))
        p--;
    if (!verb_lookup(d, p) || inside_mention(d, c, p) || (p > c->lo && gram_is(d, p - 1, c->hi, G_DETERMINER)))
        return NULL; /* "le traité qu'elle réclame", "une attaque que": a relative after a noun */
    for (size_t k = q; k < trig; k++) {
        const verb_analysis *va = verb_lookup(d, k);
        if (gram_is(d, k, c->hi, G_AUXILIARY) && (analysis_has_tag(va, 'I') || (has_lemma(d, va, "have") && analysis_has_tag(va, 'J'))))
            return NULL; /* a pluperfect: before the report */
    }
    const timex_info *best = NULL;
    for (size_t k = c->x0; k < c->x1; k++) {
        const timex_info *t = &d->timexes.v[k];
        size_t a, b;
        clause_span(d, c, t->t0, &a, &b);
        bool subordinate = in_subordinate(d, c, t) || (a > c->lo && is_clause_break(d, a - 1, c->hi));
        if (usable_date(t) && t->t1 <= opener && !separated(d, c, t->t1, opener) && !subordinate)
            best = t; /* the last one before the opener, not in a clause of its own ("Lorsque ...") */
    }
    return best;
}

/* An English date between a determiner and its noun qualifies that noun ("to overturn a September
 * 2002 decision", "the March 2014 annexation"): it dates no other verb. */
static bool prenominal_date(const vigie_doc *d, const sent_ctx *c, const timex_info *t, size_t trig)
{
    if (d->lang != LANG_EN || t->t0 <= c->lo || t->t1 >= c->hi || t->t1 == trig ||
        !(gram_is(d, t->t0 - 1, c->hi, G_DETERMINER) || gram_is(d, t->t0 - 1, c->hi, G_POSSESSIVE)))
        return false;
    size_t n = t->t1; /* the word after the date: a noun, not a verb or a function word */
    return d->tokens.v[n].kind == VIGIE_TOK_WORD && !d->tinfo.v[n].gram_mask && !inside_mention(d, c, n) &&
           !finite_form(verb_lookup(d, n));
}

/* Does the expression, after the trigger, date a participle qualifying a noun of the trigger's
 * complement ("demande à l'Alliance de revenir sur son engagement pris lors du sommet de 2008")?
 * Before the trigger such a phrase names the vehicle of the event, and dates it: "Dans un rapport
 * publié dimanche, HRW documente". */
static bool dates_noun_participle(const vigie_doc *d, const sent_ctx *c, const timex_info *t, size_t trig)
{
    if (t->t0 < trig || d->lang != LANG_FR) /* an English past participle is a simple past too: "talks started in June" */
        return false;
    for (size_t k = t->t0; k-- > c->lo + 1 && k + 10 >= t->t0;) {
        if (k == trig || tok_is(d, k, ",") || is_clause_break(d, k, c->hi))
            return false;
        const verb_analysis *va = verb_lookup(d, k);
        if (!va)
            continue;
        /* a participle right after a noun (no auxiliary, no comma, no determiner before it), bare or
         * compound with a present participle ("les explosions ayant endommagé en septembre") */
        size_t h = k; /* where the participle group starts */
        const verb_analysis *prev = verb_lookup(d, k - 1);
        if (prev && analysis_has_tag(prev, 'G') && gram_is(d, k - 1, c->hi, G_AUXILIARY) && k - 1 > c->lo + 1) {
            h = k - 1;
            prev = verb_lookup(d, h - 1);
        }
        /* "pris" is a simple past too, "fait" a present: only the present makes it a verb of its own */
        if (!analysis_has_tag(va, 'K') || analysis_has_tag(va, 'P') || d->tokens.v[h - 1].kind != VIGIE_TOK_WORD || prev ||
            gram_is(d, h - 1, c->hi, G_DETERMINER) || gram_is(d, h - 1, c->hi, G_AUXILIARY) ||
            gram_is(d, h - 1, c->hi, G_PASSIVE) || gram_is(d, h - 1, c->hi, G_COPULA) || gram_is(d, h - 1, c->hi, G_COORD) ||
            (trig >= h - 1 && trig <= t->t0))
            return false;
        /* unless it qualifies the trigger's own noun: "des négociations prévues le 10 janvier" */
        if (trig < k && !finite_form(verb_lookup(d, trig))) {
            bool verb = false;
            for (size_t v = trig + 1; v < k && !verb; v++) /* a function word may be a verb form too: "entre" */
                verb = verb_lookup(d, v) != NULL && !d->tinfo.v[v].gram_mask;
            return verb;
        }
        return true;
    }
    return false;
}

/* The temporal expression governing the trigger: its clause first, then its sentence, then the
 * clause reporting it. */
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
            if ((pass == 0 && (t->t0 < a || t->t1 > b)) || (t->t0 > trig && coordinated_after(d, c, trig, t->t0)) ||
                dates_noun_participle(d, c, t, trig) || prenominal_date(d, c, t, trig))
                continue;
            /* a date of the main clause also dates its sequel ("arrested Thursday after protesters
             * clashed"); one inside the sequel does not date the main clause */
            size_t from = t->t0 < trig ? t->t1 : trig, to = t->t0 < trig ? trig : t->t0;
            if (pass == 1 && (separated_by(d, c, from, to, t->t0 > trig) || in_subordinate(d, c, t) ||
                              (verb_lookup(d, trig) && in_object_participle(d, c, t))))
                continue;
            size_t dist = t->t0 > trig ? t->t0 - trig : trig - t->t1 + 1;
            if (dist < best_dist) {
                best = t;
                best_dist = dist;
            }
        }
    }
    return best ? best : reporting_date(d, c, trig);
}

/* ---- emitting ---- */

static bool same_country(const char *a, const char *b)
{
    if (!strcmp(a, b))
        return true;
    return is_iso3_like_prefix(a) && is_iso3_like_prefix(b) && !strncmp(a, b, 3);
}

/* An actor acting on itself, or a government on its own country ("Moscou ... la Russie"), is no
 * dyad; two sectors of one country are one ("L'armée birmane a arrêté la dirigeante"). */
static bool self_dyad(const char *a, const char *b)
{
    return same_country(a, b) && (strlen(a) <= 3 || strlen(b) <= 3 || !strcmp(a, b));
}

/* A rebel, unidentified armed or radical group and its own country (a place of it) are two parties
 * of a conflict: "Le M23 s'est emparé de Goma" (CODREB on COD). */
static bool non_state_pair(const char *a, const char *b)
{
    static const char *const non_state[] = {"REB", "UAF", "RAD"};
    for (size_t k = 0; k < sizeof non_state / sizeof *non_state; k++)
        if (has_sector(a, non_state[k]) != has_sector(b, non_state[k]))
            return true;
    return false;
}

/* Is a dyad of these codes no event of pattern p: an actor on itself, unless a conflict between a
 * non-state group and its country? */
static bool no_dyad(const vigie_doc *d, const event_pattern *p, const char *a, const char *b)
{
    return self_dyad(a, b) && !(conflict_code(d, p) && non_state_pair(a, b));
}

static void set_actor(vigie_doc *d, vigie_event_actor *ea, const arg *a)
{
    ea->code = a->code;
    ea->span = a->span;
    ea->text = arena_strndup(&d->mem, d->orig + a->span.start, a->span.end - a->span.start);
}

/* A political actor: a government, party or parliament, or an opposition figure (not a protest
 * movement, which CAMEO also codes OPP: "les gilets jaunes ont attaqué le ministère" is force). */
static bool political_actor(const vigie_doc *d, const arg *a)
{
    if (has_sector(a->code, "GOV") || has_sector(a->code, "PTY") || has_sector(a->code, "LEG"))
        return true;
    return has_sector(a->code, "OPP") && a->m >= 0 && d->mentions.v[a->m].pub.kind == VIGIE_ACTOR_PERSON;
}

/* Two political actors of one country. */
static bool political_pair(const vigie_doc *d, const arg *a, const arg *b)
{
    return same_country(a->code, b->code) && political_actor(d, a) && political_actor(d, b);
}

/* A protest, strike or blockade whose text names no target is aimed at the state where it takes place,
 * as CAMEO and PLOVER read "thousands demonstrated in Belgrade": the government of the country a
 * place after a locative names (its span), else of the protesters' own (theirs). Only for a country's
 * people ("Algerians"), parties and groups: not its state organs ("the army blocked the road"), a
 * country named ("France boycotted the talks" is its state), nor an organisation. */
static bool implied_protest_target(vigie_doc *d, const sent_ctx *c, const arg *src, arg *out)
{
    static const char *const state_organs[] = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"};
    if (!src->code)
        return false;
    const char *resolved = src->m >= 0 ? d->mentions.v[src->m].pub.resolved : NULL;
    bool people = is_iso3_like(src->code) && resolved && !strcmp(resolved, "demonym"); /* "Algerians" */
    if (!people && (strlen(src->code) != 6 || !is_iso3_like_prefix(src->code)))
        return false;
    for (size_t k = 0; k < sizeof state_organs / sizeof *state_organs; k++)
        if (has_sector(src->code, state_organs[k]))
            return false;
    int place = located_place(d, c);
    char code[8];
    snprintf(code, sizeof code, "%.3sGOV", place >= 0 ? d->mentions.v[place].country : src->code);
    arg a = {-1, arena_strdup(&d->mem, code), place >= 0 ? d->mentions.v[place].pub.span : src->span};
    *out = a;
    return true;
}

static void emit_code(vigie_doc *d, const sent_ctx *c, const event_pattern *p, const char *code, size_t trig,
                      size_t trig_end, const arg *src, const arg *tgt, unsigned flags)
{
    if (!strcmp(code, "---"))
        return; /* PETRARCH's null code: the pattern says there is no event */
    arg implied;
    if (!tgt && src && !p->petrarch && !strncmp(code, "14", 2) && implied_protest_target(d, c, src, &implied)) {
        tgt = &implied;
        flags |= VIGIE_FLAG_IMPLIED;
    }
    /* an actor acting on itself, or a government on its own country, is no dyad; PETRARCH
     * codes domestic events ("Russian police arrested Russian students") */
    if (tgt && src && (p->petrarch ? !strcmp(src->code, tgt->code) : no_dyad(d, p, src->code, tgt->code)))
        return;
    if (tgt && src && !p->petrarch && !strcmp(code, "190") && political_pair(d, src, tgt))
        code = "111"; /* "Macron attaque Marine Le Pen": force between a country's politicians is words */
    const cameo_code *cc = cameo_lookup(d->engine, code); /* none for a user dictionary's own codes */
    event_info ev;
    memset(&ev, 0, sizeof ev);
    vigie_event *e = &ev.pub;
    e->sentence = c->sentence;
    e->sentence_span = d->sentences.v[c->sentence].span;
    set_actor(d, &e->source, src);
    if (tgt)
        set_actor(d, &e->target, tgt);
    snprintf(e->code, sizeof e->code, "%s", code);
    snprintf(e->root, sizeof e->root, "%.2s", code);
    e->quad_class = cc ? cc->quad_class : 0;
    e->goldstein = cc ? cc->goldstein : 0;
    e->verb_span.start = d->tokens.v[trig].span.start;
    e->verb_span.end = d->tokens.v[trig_end - 1].span.end;
    e->verb_text = arena_strndup(&d->mem, d->orig + e->verb_span.start, e->verb_span.end - e->verb_span.start);
    const timex_info *t = date_for(d, c, trig);
    if (t) {
        char day[16]; /* an event is dated by the day: "samedi soir" (2004-11-06TEV) dates it 2004-11-06 */
        long shift = sequel_shift(d, c, t, trig);
        vigie_date on = t->date;
        if (shift) {
            civil_from_days(days_from_civil(on.year, on.month, on.day) + shift, &on.year, &on.month, &on.day);
            flags &= ~VIGIE_FLAG_PLANNED; /* before the main clause's date: "a day after X forced" */
        }
        bool timed = (t->pub.type == VIGIE_TIMEX_TIME || shift) && t->date.gran == VIGIE_GRAN_DAY;
        e->date_value = timed ? arena_strdup(&d->mem, vigie_date_format(on, day)) : t->pub.value;
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

static void emit(vigie_doc *d, const sent_ctx *c, const event_pattern *p, size_t trig, size_t trig_end,
                 const arg *src, const arg *tgt, unsigned flags)
{
    emit_code(d, c, p, p->code, trig, trig_end, src, tgt, flags);
}

/* Does the key of word w (a noun of the object: "raid", "forced landing") start like event e's
 * trigger ("raided", "forced")? Five letters, or the whole of a shorter word of four or more. */
static bool names_deed(const char *w, size_t n, const vigie_event *e)
{
    size_t need = n < 5 ? n : 5;
    if (need < 4 || !e->verb_text || strlen(e->verb_text) < need)
        return false;
    for (size_t k = 0; k < need; k++)
        if ((w[k] | 32) != (e->verb_text[k] | 32))
            return false;
    return true;
}

/* The maker of the earlier deed by another country the object at `at` names by its trigger's word
 * ("called the forced landing outrageous" after "Belarus forced an airliner to land"), or false. */
static bool named_deed_maker(const vigie_doc *d, const sent_ctx *c, size_t at, const char *src, arg *out)
{
    for (size_t t = at; t < c->hi && t < at + 4; t++) {
        if (d->tokens.v[t].kind != VIGIE_TOK_WORD || (d->tinfo.v[t].flags & TF_CAP))
            continue;
        for (size_t k = 0; k < d->events.n; k++) {
            const vigie_event *e = &d->events.v[k].pub;
            if (!e->source.code || same_country(e->source.code, src) || e->quad_class < 3 ||
                !names_deed(tok_key(d, t), tok_key_len(d, t), e))
                continue;
            arg a = {-1, e->source.code, e->source.span};
            *out = a;
            return true;
        }
    }
    return false;
}

/* The target a reaction leaves unsaid ("Moscou a condamné l'attaque", "Séoul a riposté"): the
 * maker of the document's first conflict event done by another country; failing that, of its
 * first event by another country. Leads report the main event; reactions refer to it. */
static bool document_target(const vigie_doc *d, const char *src, arg *out)
{
    for (int pass = 0; pass < 3; pass++)
        for (size_t k = 0; k < d->events.n; k++) {
            const vigie_event *e = &d->events.v[k].pub;
            /* an accusation names the maker of the deed: "X accuse Y d'avoir utilisé des armes" */
            bool accused = pass == 1 && !strncmp(e->code, "112", 3) && e->target.code;
            const vigie_event_actor *maker = accused ? &e->target : &e->source;
            /* force first (roots 17-20: "condemned the raid" after a raid and a rupture of
             * relations), then any deed, then, failing a deed, an exchange with another party: a
             * protest at home is none */
            bool force = e->quad_class == 4 && strncmp(e->root, "17", 2) >= 0;
            if (same_country(maker->code, src) || (pass == 0 && !force) || (pass == 1 && e->quad_class != 4 && !accused) ||
                (pass == 2 && !e->target.code))
                continue;
            arg a = {-1, maker->code, maker->span};
            *out = a;
            return true;
        }
    return false;
}

/* The target of the sentence's last event by the same source, for a verb coordinated with it
 * that leaves its own unsaid: "recalled its ambassador to Israel and cancelled joint exercises". */
static bool coordinated_target(const vigie_doc *d, const sent_ctx *c, size_t trig, const char *src, arg *out)
{
    size_t k = trig;
    while (k > c->lo + 1 && gram_is(d, k - 1, c->hi, G_AUXILIARY))
        k--; /* "and has cancelled" */
    if (k <= c->lo + 1 || !gram_is(d, k - 1, c->hi, G_COORD) || !src)
        return false;
    /* an actor in its clause that it did not take (its own subject's compatriot: "craignent que la
     * Russie n'envahisse l'Ukraine et menacent Moscou") says the subject was misread */
    for (size_t t = trig + 1; t < c->hi && !is_clause_break(d, t, c->hi); t++)
        if (mention_starting(d, c, t, false) >= 0)
            return false;
    for (size_t e = d->events.n; e-- > 0;) {
        const vigie_event *ev = &d->events.v[e].pub;
        if (ev->sentence != c->sentence)
            return false;
        if (ev->target.code && ev->source.code && !strcmp(ev->source.code, src)) {
            arg a = {-1, ev->target.code, ev->target.span};
            *out = a;
            return true;
        }
    }
    return false;
}

/* A gerund a few words after a verb, in its clause: "a riposté mercredi en bombardant". */
static bool gerund_follows(const vigie_doc *d, const sent_ctx *c, size_t from)
{
    for (size_t t = from; t < c->hi && t < from + 6 && !is_clause_break(d, t, c->hi) && !tok_is(d, t, ","); t++)
        if (gerund_at(d, c, t))
            return true;
    return false;
}

static const u32vec *noun_patterns(const vigie_doc *d, size_t i);

/* Does the noun at t name an act of event e: a noun pattern of e's root ("the strikes" for an air
 * strike, "l'offensive"), or a word starting like e's trigger ("the raid" after "raided")? */
static bool noun_names_event(const vigie_doc *d, size_t t, const vigie_event *e)
{
    if (names_deed(tok_key(d, t), tok_key_len(d, t), e))
        return true;
    const u32vec *pl = noun_patterns(d, t);
    const lang_data *L = &d->engine->lang[d->lang];
    for (size_t k = 0; pl && k < pl->n; k++)
        if (!strncmp(L->patterns.v[pl->v[k]].code, e->root, 2))
            return true;
    return false;
}

/* The document's latest conflict deed by another country, with a target, that the object at `at` names: what
 * a "^" pattern's subject joins ("Jordan and Qatar took part in the strikes"); or NULL. */
static const vigie_event *joined_deed(const vigie_doc *d, const sent_ctx *c, size_t at, const char *src)
{
    for (size_t t = at; t < c->hi && t < at + 5; t++) {
        if (d->tokens.v[t].kind != VIGIE_TOK_WORD || (d->tinfo.v[t].flags & TF_CAP) || is_function_word(d, t) ||
            gram_is(d, t, c->hi, G_COORD))
            continue;
        if (t > at && gram_is(d, t - 1, c->hi, G_INDEFINITE))
            return NULL; /* "une réunion", "a meeting": another one than the document's */
        for (size_t k = d->events.n; k-- > 0;) {
            const vigie_event *e = &d->events.v[k].pub;
            /* conflict only: one joins strikes or sanctions; a meeting joined is another meeting */
            if (e->target.code && e->source.code && e->quad_class >= 3 && !same_country(e->source.code, src) &&
                !same_country(e->target.code, src) && noun_names_event(d, t, e))
                return e;
        }
        if (!verb_lookup(d, t))
            return NULL; /* the object's first noun names the deed, or nothing does */
    } /* a verb coordinated with the pattern's is passed: "took part in or supported the strikes" */
    return NULL;
}

/* Emits one event, or one per pair of coordinated subjects for reciprocal actions. */
static void emit_all(vigie_doc *d, const sent_ctx *c, const event_pattern *p, size_t trig, size_t trig_end,
                     const int *coord, int ncoord, const match *mt, unsigned flags)
{
    const arg *tgt = mt->has_target ? &mt->target : NULL;
    if (p->joins) { /* each subject does what the deed's maker did, to the same target */
        for (int a = 0; !tgt && mt->implicit && a < (ncoord ? ncoord : 1); a++) {
            arg s = ncoord ? arg_of(d, c, coord[a]) : mt->source;
            const vigie_event *e = s.code ? joined_deed(d, c, mt->implicit_at, s.code) : NULL;
            if (!e)
                continue;
            arg deed_target = {-1, e->target.code, e->target.span};
            emit_code(d, c, p, e->code, trig, trig_end, &s, &deed_target, flags);
        }
        return;
    }
    if (ncoord >= 2 && !tgt && !mt->implicit) { /* "X et Y se parleront": each with the other */
        for (int a = 0; a < ncoord; a++)
            for (int b = a + 1; b < ncoord; b++) {
                arg x = arg_of(d, c, coord[a]), y = arg_of(d, c, coord[b]);
                emit(d, c, p, trig, trig_end, &x, &y, flags | VIGIE_FLAG_SYMMETRIC);
            }
        return;
    }
    for (int a = 0; a < (ncoord ? ncoord : 1); a++) {
        arg s = ncoord ? arg_of(d, c, coord[a]) : mt->source;
        unsigned f = flags | (p->reciprocal ? VIGIE_FLAG_SYMMETRIC : 0);
        arg inferred;
        if (!tgt && mt->implicit) {
            if (gerund_follows(d, c, trig_end))
                continue; /* "a riposté en bombardant le Liban": the gerund says the act and whom */
            if (coordinated_target(d, c, trig, s.code, &inferred) ||
                named_deed_maker(d, c, mt->implicit_at, s.code, &inferred) || document_target(d, s.code, &inferred))
                emit(d, c, p, trig, trig_end, &s, &inferred, f);
            continue;
        }
        emit(d, c, p, trig, trig_end, &s, tgt, f);
        for (int t = 0; tgt && t < mt->nmore; t++)
            emit(d, c, p, trig, trig_end, &s, &mt->more[t], f);
    }
}

static bool reflexive_before(const vigie_doc *d, const sent_ctx *c, size_t start, size_t trig)
{
    for (size_t k = start; k < trig; k++)
        if (gram_is(d, k, c->hi, G_REFLEXIVE))
            return true;
    return start > c->lo && gram_is(d, start - 1, c->hi, G_REFLEXIVE);
}

/* An English base form right after a named person, with no auxiliary ("Macron, resign!", "should
 * Macron resign?"): a slogan or a question, for a person's own present takes -s. Not after a
 * coordination ("Biden and Macron meet"), nor for a form that is also a past ("Macron cut"). */
static bool person_base_form(const vigie_doc *d, const sent_ctx *c, const verb_analysis *va, size_t start,
                             size_t trig)
{
    if (d->lang != LANG_EN || start != trig || trig <= c->lo + 1 || !analysis_has_tag(va, 'W') ||
        analysis_has_tag(va, 'J'))
        return false;
    int m = mention_ending(d, c, tok_is(d, trig - 1, ",") ? trig - 1 : trig);
    if (m < 0 || d->mentions.v[m].pub.kind != VIGIE_ACTOR_PERSON)
        return false;
    /* "German chancellor Angela Merkel and French president Emmanuel Macron greet": titles between */
    for (size_t k = d->mentions.v[m].t0; k-- > c->lo && k + 4 >= d->mentions.v[m].t0;) {
        if (gram_is(d, k, c->hi, G_COORD))
            return false;
        if (tok_is(d, k, ",") || is_clause_break(d, k, c->hi))
            break;
    }
    return true;
}

/* Is the verb form at trig a finite use? Infinitives and participles without an auxiliary
 * are dependents of another verb ("pour discuter", "accusent Moscou de masser"). */
static bool finite_use(const vigie_doc *d, const sent_ctx *c, const verb_analysis *va, size_t start, size_t trig)
{
    if (person_base_form(d, c, va, start, trig))
        return false;
    /* a participle that is also a first or second person simple past ("accueillis", "pris"), right
     * after an actor, is a participle: "des Ukrainiens accueillis en France" */
    if (d->lang == LANG_FR && start == trig && analysis_has_tag(va, 'K') && analysis_has_tag(va, 'J') &&
        !analysis_has_tag(va, 'P') && mention_ending(d, c, trig) >= 0)
        return false;
    for (const verb_analysis *v = va; v->lemma != UINT32_MAX; v++)
        if (strpbrk(v->tags, "PIJFCS") && !(d->lang == LANG_EN && strchr(v->tags, 'W') && !strchr(v->tags, 'P')))
            return true;
    for (size_t k = start; analysis_has_tag(va, 'K') && k < trig; k++)
        if (finite_form(verb_lookup(d, k)))
            return true; /* "a annexé", "s'est entretenu", "has met"; not "d'avoir utilisé" */
    if ((analysis_has_tag(va, 'W') || analysis_has_tag(va, 'G')) && start < trig && d->lang == LANG_EN)
        return true; /* "will meet", "did not accuse", "is meeting" */
    for (size_t k = start; analysis_has_tag(va, 'W') && k < trig; k++)
        if (gram_is(d, k, c->hi, G_PLANNED_MODAL) || gram_is(d, k, c->hi, G_FUTURE_AUX))
            return true; /* "doit voter", "vont fournir" */
    return false;
}

/* A determiner or a preposition just before a form makes it a noun ("une rencontre",
 * "en cas d'attaque"); the pronoun "en" ("il en parle") is not a preposition there. */

static bool follows_noun_marker(const vigie_doc *d, const sent_ctx *c, size_t trig)
{
    if (trig <= c->lo || marker_before(d, c, trig) < trig)
        return false;
    size_t p = trig - 1;
    if (gram_is(d, p, c->hi, G_DETERMINER) || (gram_is(d, p, c->hi, G_PREP) && !tok_is(d, p, "en")))
        return true;
    /* "cette nouvelle attaque", "the latest attack": a determiner, adjectives that precede nouns */
    size_t q = p;
    while (q > c->lo && q + 2 > p && gram_is(d, q, c->hi, G_ADJECTIVE_PRE))
        q--;
    if (q < p && gram_is(d, q, c->hi, G_DETERMINER))
        return true;
    /* "a brief private visit": an indefinite article, a few adjectives, the noun */
    for (size_t k = p; k > c->lo && k + 3 > p && plain_word(d, c, k); k--)
        if (gram_is(d, k - 1, c->hi, G_INDEFINITE))
            return true;
    /* "an Israeli strike", "an anti-Gondor parade": an indefinite article, a name of the noun's
     * party (a named subject is seldom indefinite: "A US drone killed" keeps its verb; a role
     * often is: "A European Commission spokesman offered") */
    int m = mention_ending(d, c, trig);
    if (m < 0 || d->mentions.v[m].pub.kind == VIGIE_ACTOR_ROLE)
        return false;
    for (size_t k = d->mentions.v[m].t0; k > c->lo && k + 3 > d->mentions.v[m].t0; k--) {
        if (gram_is(d, k - 1, c->hi, G_INDEFINITE))
            return true;
        if (!plain_word(d, c, k - 1) && !tok_is(d, k - 1, "-"))
            break;
    }
    return false;
}

/* An English -s form that is also an event noun, after a plural group or role ("gilets jaunes
 * protests": a plural subject takes no -s) or after a determiner or preposition and one or two
 * modifiers ("the street protests", "from domestic street protests"): a plural noun. */
static bool plural_noun(const vigie_doc *d, const sent_ctx *c, const verb_analysis *va, size_t trig)
{
    size_t len = tok_key_len(d, trig);
    if (d->lang != LANG_EN || trig <= c->lo + 1 || !analysis_has_tag(va, 'P') || tok_key(d, trig)[len - 1] != 's')
        return false;
    size_t p = trig - 1;
    while (p > c->lo && gram_is(d, p, c->hi, G_ADVERB))
        p--;
    if (gram_is(d, p, c->hi, G_CLAUSE))
        return true; /* "after calls for a strike": a clause's verb comes after its subject */
    if (!noun_patterns(d, trig))
        return false;
    int m = mention_ending(d, c, trig);
    if (m >= 0) {
        const mention_info *mi = &d->mentions.v[m];
        size_t n = tok_key_len(d, trig - 1);
        if (mi->adjective)
            return true; /* "the violent French protests don't": a demonym before an -s form qualifies it */
        return (mi->pub.kind == VIGIE_ACTOR_GROUP || mi->pub.kind == VIGIE_ACTOR_ROLE) &&
               tok_key(d, trig - 1)[n - 1] == 's';
    }
    /* with no actor right before it, only a subject pronoun makes it a verb ("it protests"): news
     * says "the protests", "held talks", "demonstrations and protests" far more than "X protests" */
    return !gram_is(d, p, c->hi, G_PRONOUN) && mention_ending(d, c, p + 1) < 0;
}

/* An English verb form modifying the noun after it: the first word of a role ("riot police"), or
 * the subject of the auxiliary that follows ("the yellow vests protest movement has", "the strike
 * committee will"): a noun, not a verb. */
static bool noun_modifier_use(const vigie_doc *d, const sent_ctx *c, size_t trig)
{
    const uint64_t aux = 1ull << G_AUXILIARY | 1ull << G_PASSIVE | 1ull << G_FUTURE | 1ull << G_CONDITIONAL;
    size_t n = trig + 1, roles;
    uint32_t role;
    if (d->lang == LANG_EN && phrase_match(&d->engine->lang[d->lang].agents, d, trig, c->hi, &role, 1, &roles) > 1)
        return true;
    return d->lang == LANG_EN && n + 1 < c->hi && d->tokens.v[n].kind == VIGIE_TOK_WORD &&
           !(d->tinfo.v[n].flags & TF_CAP) && !d->tinfo.v[n].gram_mask && !verb_lookup(d, n) &&
           !inside_mention(d, c, n) && (d->tinfo.v[n + 1].gram_mask & aux);
}

/* A form that is no participle nor -ing form after a copula is an attribute ("est apparue
 * manifeste", "sont critiques envers"), an adjective. */
static bool copula_attribute(const vigie_doc *d, const sent_ctx *c, const verb_analysis *va, size_t trig)
{
    if (analysis_has_tag(va, 'K') || analysis_has_tag(va, 'G'))
        return false;
    size_t p = trig;
    while (p > c->lo && gram_is(d, p - 1, c->hi, G_ADVERB))
        p--;
    return p > c->lo && gram_is(d, p - 1, c->hi, G_COPULA);
}

/* An English past participle right after a verb other than an auxiliary ("visits detained US
 * citizen", "condemned armed attacks"): an adjective before its noun, not a verb of its own. */
static bool participle_adjective(const vigie_doc *d, const sent_ctx *c, const verb_analysis *va, size_t trig)
{
    if (d->lang != LANG_EN || trig <= c->lo || !analysis_has_tag(va, 'K') || gram_is(d, trig - 1, c->hi, G_AUXILIARY) ||
        gram_is(d, trig - 1, c->hi, G_PASSIVE))
        return false;
    if (inside_mention(d, c, trig - 1) || (d->tinfo.v[trig - 1].flags & TF_CAP) || ends_role_noun(d, c, trig - 1))
        return false; /* "the Ministry of Promises praised", "security forces used": a name's or a role's last word is no verb */
    const verb_analysis *prev = verb_lookup(d, trig - 1);
    return (prev && finite_form(prev)) || simple_past(d, trig - 1);
}

/* "Eriador was (fiercely) opposed (earlier) by Osgiliath": the actor after "by" when the verb is
 * a past participle after a form of "be"; or -1. */
static int petrarch_passive_agent(const vigie_doc *d, const sent_ctx *c, const verb_analysis *va, size_t trig)
{
    if (d->lang != LANG_EN || !analysis_has_tag(va, 'K'))
        return -1;
    bool be = false;
    for (size_t k = trig; k-- > c->lo && k + 3 >= trig && !be;)
        be = has_lemma(d, verb_lookup(d, k), "be");
    for (size_t k = trig + 1; be && k < c->hi && k <= trig + 3; k++) {
        if (!gram_is(d, k, c->hi, G_AGENT))
            continue;
        int m = mention_starting(d, c, k + 1, false);
        if (m < 0 && gram_is(d, k + 1, c->hi, G_DETERMINER))
            m = mention_starting(d, c, k + 2, false);
        return m;
    }
    return -1;
}

/* A plain word or an adjective before a noun that may stand in a noun phrase before its head; no
 * past form ("Ethiopia indicated it should"). */
static bool noun_phrase_word(const vigie_doc *d, const sent_ctx *c, size_t k)
{
    const verb_analysis *va = verb_lookup(d, k);
    if (analysis_has_tag(va, 'J') || analysis_has_tag(va, 'K'))
        return false;
    return (plain_word(d, c, k) && !gram_is(d, k, c->hi, G_PRONOUN)) || gram_is(d, k, c->hi, G_ADJECTIVE_PRE);
}

/* An actor modifying the noun that heads the subject right before the verb group at start, as
 * PETRARCH codes a noun phrase by the actors in it: "The KU basketball team is", "Caras
 * Galadhon's new mayor left". The phrase opens its clause; the actor is its mention, or -1. */
static int noun_modifier_subject(const vigie_doc *d, const sent_ctx *c, size_t start)
{
    size_t k = start;
    while (k > c->lo && k + 3 > start && noun_phrase_word(d, c, k - 1))
        k--;
    if (k == start || k <= c->lo)
        return -1;
    bool possessor = tok_is(d, k - 1, "'s") && k - 1 > c->lo;
    int m = mention_ending(d, c, possessor ? k - 1 : k);
    if (m < 0 || d->mentions.v[m].adjective)
        return -1;
    /* a noun phrase for sure: a possessor, or a determiner before the actor ("Ethiopia
     * indicated it should" is none) */
    size_t t0 = d->mentions.v[m].t0;
    bool det = false;
    while (t0 > c->lo && gram_is(d, t0 - 1, c->hi, G_DETERMINER))
        t0--, det = true;
    det |= gram_is(d, t0, c->hi, G_DETERMINER); /* "THE_KU" */
    bool opens = t0 == c->lo || tok_is(d, t0 - 1, ",") || is_clause_break(d, t0 - 1, c->hi);
    return opens && (possessor || det) ? m : -1;
}

/* The first actor after token t and those coordinated with it: returns count. A comma before
 * `words_end`, where the pattern's words end, lies inside the object ("restore complete, full
 * diplomatic ties with"). */
static int actors_after(const vigie_doc *d, const sent_ctx *c, size_t t, size_t words_end, int *out, int max)
{
    size_t k = mentions_before(d, c, t + 1);
    for (size_t i = t + 1; i < c->hi; i++) {
        if ((tok_is(d, i, ",") && i >= words_end) || is_clause_break(d, i, c->hi))
            return 0; /* "burned down its embassy, a senior official said": no object */
        for (; k < c->m1 && d->mentions.v[k].t0 <= i; k++)
            if (d->mentions.v[k].t0 == i && is_actor(&d->mentions.v[k]))
                return coordination_after(d, c, head_of(d, c, (int)k), out, max);
    }
    return 0;
}

enum { MAX_ARGS = 16 };

/* An actor a PETRARCH dictionary gives several codes ("THE_SHIRE [FRO/BIL/SAM]") stands for
 * each: its further codes are added to args[0, n) as actors of their own, up to MAX_ARGS; an
 * agent's extension ("the Shire government") keeps the one code. Returns the new count. */
static int more_codes(vigie_doc *d, arg *args, int n)
{
    int out = n;
    for (int i = 0; i < n; i++) {
        int a = args[i].m >= 0 ? d->mentions.v[args[i].m].actor : -1;
        const actor_entry *ae = a >= 0 ? &d->engine->actors.v[a] : NULL;
        if (!ae || !ae->more_codes || strcmp(args[i].code, ae->code))
            continue;
        for (const char *p = ae->more_codes; *p && out < MAX_ARGS;) {
            size_t len = strcspn(p, "/");
            args[out] = args[i];
            args[out++].code = arena_strndup(&d->mem, p, len);
            p += len + (p[len] == '/');
        }
    }
    return out;
}

/* A PETRARCH pattern's events, by TABARI's actor rules: the source is the pattern's `$` or the
 * subject (each of a coordination); the target the pattern's `+`, else the first actor after
 * the verb (each of a coordination); a passive swaps them. Every source acts on every target,
 * and "[A:B]" codes B back from the target. A '%' pattern's compound subject acts on each of
 * its members. No event without a target, as PETRARCH's require_dyad. */
static void petrarch_events(vigie_doc *d, sent_ctx *c, const event_pattern *p, const match *mt,
                            const verb_analysis *va, size_t trig, size_t start, bool shared, unsigned flags)
{
    arg src[MAX_ARGS], tgt[MAX_ARGS];
    int ns = 0, nt = 0, idx[8], n = 0, subject[MAX_SUBJECTS], nsub = 0;
    size_t from = mt->first < start ? mt->first : start;
    int premod = mt->has_source && mt->has_target ? -1 : noun_modifier_subject(d, c, from);
    if (shared && from == start) { /* "X condemned the attack and promised aid to Y": X's subjects */
        nsub = c->nsubj;
        memcpy(subject, c->subj, sizeof c->subj);
    } else if (premod >= 0) {
        subject[nsub++] = premod;
    } else if ((!mt->has_source || !mt->has_target) && !(from > c->lo && plain_word(d, c, from - 1) &&
                                                        !gram_is(d, from - 1, c->hi, G_PRONOUN))) {
        /* "a senior official said", "crowds burned": a subject that is no actor */
        int s = subject_of(d, c, from, subject, &nsub);
        if (s >= 0 && nsub == 0)
            subject[nsub++] = s;
    }
    int agent = mt->has_source || mt->has_target ? -1 : petrarch_passive_agent(d, c, va, trig);
    if (mt->has_source) {
        src[ns++] = mt->source;
    } else if (agent >= 0) {
        src[ns++] = arg_of(d, c, agent);
    } else {
        for (int i = 0; i < nsub; i++)
            src[ns++] = arg_of(d, c, subject[i]);
        c->nsubj = nsub; /* a verb coordinated after this one shares them */
        memcpy(c->subj, subject, sizeof c->subj);
    }
    ns = more_codes(d, src, ns);
    if (p->reciprocal && !mt->has_target) {
        for (int a = 0; a < ns; a++)
            for (int b = 0; b < ns; b++)
                if (a != b)
                    emit_code(d, c, p, p->code, trig, trig + 1, &src[a], &src[b], flags | VIGIE_FLAG_SYMMETRIC);
        return;
    }
    if (mt->has_target) {
        tgt[nt++] = mt->target;
    } else if (agent >= 0) {
        for (int i = 0; i < nsub; i++)
            tgt[nt++] = arg_of(d, c, subject[i]);
    } else {
        n = actors_after(d, c, trig, mt->last, idx, 8);
        for (int i = 0; i < n; i++)
            tgt[nt++] = arg_of(d, c, idx[i]);
    }
    nt = more_codes(d, tgt, nt);
    for (int a = 0; a < ns; a++)
        for (int b = 0; b < nt; b++) {
            emit_code(d, c, p, p->code, trig, trig + 1, &src[a], &tgt[b], flags);
            if (p->code2[0])
                emit_code(d, c, p, p->code2, trig, trig + 1, &tgt[b], &src[a], flags);
        }
}

/* A PETRARCH '%' pattern needs a compound subject ("Gondor and Osgiliath have delayed"). */
static bool compound_subject(const vigie_doc *d, const sent_ctx *c, size_t start)
{
    int coord[MAX_SUBJECTS], n = 0;
    return subject_of(d, c, start, coord, &n) >= 0 && n >= 2;
}

/* The actor after "par"/"by" within a few words after the participle at trig: its index, -2
 * when the agent phrase names no actor, -1 when there is no agent phrase. */
static int agent_after(const vigie_doc *d, const sent_ctx *c, size_t trig)
{
    for (size_t k = trig + 1; k < c->hi && k <= trig + 6; k++) {
        if (is_clause_break(d, k, c->hi) || tok_is(d, k, ","))
            break;
        if (!gram_is(d, k, c->hi, G_AGENT))
            continue;
        size_t t = k + 1;
        int agent = mention_starting(d, c, t, false); /* "par les gendarmes" may name one actor */
        while (agent < 0 && t < c->hi && gram_is(d, t, c->hi, G_DETERMINER))
            agent = mention_starting(d, c, ++t, false);
        if (agent < 0 && t + 1 < c->hi) /* "par la chasse pakistanaise": the demonym names the agent */
            agent = mention_starting(d, c, t + 1, false);
        if (agent < 0) /* "par les combattants du mouvement islamiste": the complement names it */
            agent = head_complement(d, c, t);
        return agent < 0 ? -2 : agent;
    }
    return -1;
}

/* The agent of a passive ("a été menacé par New Delhi", "n'est pas reconnu par Paris", "was
 * attacked by Russian forces"): -1 when the verb is not passive, -2 when no actor is its agent.
 * A form of "être" without "été" is a passive unless the verb takes être in its compound tenses
 * ("est allé" is no passive, "est accusé de" is one). */
static int passive_agent(const vigie_doc *d, const sent_ctx *c, const verb_analysis *va, size_t start,
                         size_t aux_end, size_t trig)
{
    bool aux = false, be = false;
    for (size_t k = start; k < aux_end; k++) {
        aux |= gram_is(d, k, c->hi, G_PASSIVE);
        be |= has_lemma(d, verb_lookup(d, k), "etre") || has_lemma(d, verb_lookup(d, k), "be");
    }
    if (!(aux || be) || !analysis_has_tag(va, 'K') || reflexive_before(d, c, start, aux_end))
        return -1; /* "s'est entretenu par téléphone" is no passive */
    int agent = agent_after(d, c, trig);
    if (!aux && (agent != -1 || takes_etre(d, va)))
        return agent; /* "devait être interpellé par les gendarmes": passive even if no actor */
    return agent == -1 ? -2 : agent; /* "a été arrêté à Paris": its maker is unknown */
}

/* A participle with an agent modifying the actor before it ("Ces milices, armées par Khartoum",
 * "les Rohingyas chassés de leurs terres par l'armée"): the agent, and that actor in *target. */
static int participle_agent(const vigie_doc *d, const sent_ctx *c, const verb_analysis *va, size_t trig,
                            int *target)
{
    if (!analysis_has_tag(va, 'K') || trig <= c->lo + 1)
        return -1;
    *target = mention_ending(d, c, tok_is(d, trig - 1, ",") ? trig - 1 : trig);
    if (*target >= 0 && in_prep_phrase(d, c, &d->mentions.v[*target]))
        return -1; /* "une médiation du Qatar, appuyée par": the participle qualifies the noun */
    int agent = *target >= 0 ? agent_after(d, c, trig) : -1;
    return agent >= 0 ? agent : -1;
}

/* Does the agent marker follow the participle at trig, past adverbs at most ("accused by", "attacked
 * again by")? A past form right before "by" is then a participle: "Russia, accused by Kyiv of". */
static bool agent_marker_next(const vigie_doc *d, const sent_ctx *c, const verb_analysis *va, size_t trig)
{
    return analysis_has_tag(va, 'K') && agent_follows(d, c, trig);
}

static bool bare_subject(vigie_doc *d, const sent_ctx *c, size_t start, arg *out);

/* A passive turned active: the agent is the source, the subjects the targets. */
static bool passive_roles(vigie_doc *d, const sent_ctx *c, size_t start, int agent, int subject, match *m)
{
    int coord[MAX_SUBJECTS], ncoord = 0;
    arg bare; /* "Des dizaines de civils ont été enlevés par": a role noun with no country */
    if (subject >= 0)
        ncoord = coordination(d, c, subject, coord, MAX_SUBJECTS);
    else if ((subject_of(d, c, start, coord, &ncoord) < 0 || ncoord == 0) && !bare_subject(d, c, start, &bare))
        return false;
    m->source = arg_of(d, c, agent);
    m->has_source = true;
    m->target = ncoord ? arg_of(d, c, coord[0]) : bare;
    m->has_target = true;
    m->implicit = false;
    m->nmore = 0;
    for (int k = 1; k < ncoord; k++)
        m->more[m->nmore++] = arg_of(d, c, coord[k]);
    return true;
}

/* Is there an object pronoun right before the verb group starting at start, or among the clitics
 * of an infinitive ("de les condamner")? The verb's direct object is then whom it stands for, which
 * the text says too seldom for a guess ("l'a dénoncé" is as often a treaty as a country). */
static bool object_clitic(const vigie_doc *d, const sent_ctx *c, size_t start, size_t trig)
{
    /* être takes no object: "les rebelles de l'est soutenus par Moscou" is the East */
    if (start > c->lo && gram_is(d, start - 1, c->hi, G_OBJECT_CLITIC) && !has_lemma(d, verb_lookup(d, start), "etre"))
        return true;
    for (size_t k = start; k < trig; k++)
        if (gram_is(d, k, c->hi, G_OBJECT_CLITIC) && gram_is(d, k, c->hi, G_CLITIC))
            return true;
    return false;
}

/* The antecedent of an object relative whose clause holds the verb group at start ("le Qatar,
 * qu'ils accusent de", "l'Iran, que Washington accuse"): the actor right before que/qu'. */
static bool object_relative(const vigie_doc *d, const sent_ctx *c, size_t start, arg *out)
{
    for (size_t k = start; k-- > c->lo + 1 && k + 6 > start;) {
        if (tok_is(d, k, ",") || is_clause_break(d, k, c->hi) || (k + 1 < start && verb_lookup(d, k)))
            return false;
        /* English "which", "that" with a subject of its own after it: "Iran, which Riyadh accuses" */
        bool own_subject = d->lang == LANG_EN && gram_is(d, k, c->hi, G_RELATIVE) && mention_starting(d, c, k + 1, false) >= 0;
        if (!gram_is(d, k, c->hi, G_OBJECT_RELATIVE) && !own_subject)
            continue;
        size_t end = tok_is(d, k - 1, ",") ? k - 1 : k;
        int m = mention_ending(d, c, end);
        if (m < 0)
            return false;
        *out = arg_of(d, c, m);
        return true;
    }
    return false;
}

/* Does a control pattern of the verb at g (">  décider de", ">  pouvoir") reach up to token end? */
static bool controls(vigie_doc *d, const sent_ctx *c, size_t g, size_t end, bool *planned)
{
    const verb_analysis *va = verb_lookup(d, g);
    const lang_data *L = &d->engine->lang[d->lang];
    bool refl = reflexive_before(d, c, group_start(d, c, g), g);
    for (const verb_analysis *v = va; v && v->lemma != UINT32_MAX; v++) {
        const u32vec *pl = &L->lemma_patterns.v[v->lemma];
        for (size_t k = 0; k < pl->n; k++) {
            const event_pattern *p = &L->patterns.v[pl->v[k]];
            match m;
            memset(&m, 0, sizeof m);
            if (p->control && p->pronominal == refl && match_items(d, c, p, g + 1, &m) && m.last == end) {
                *planned = p->control_planned;
                return true;
            }
        }
    }
    return false;
}

/* Where the group of the verb nearest before token p in its clause starts when it is finite
 * ("s'est réuni dimanche pour"); else SIZE_MAX. */
static size_t finite_before(const vigie_doc *d, const sent_ctx *c, size_t p)
{
    for (size_t k = p; k-- > c->lo && !is_clause_break(d, k, c->hi);) {
        const verb_analysis *va = verb_lookup(d, k);
        if (va && !inside_mention(d, c, k) && !(k > c->lo && gram_is(d, k - 1, c->hi, G_DETERMINER))) {
            size_t st = group_start(d, c, k);
            return finite_use(d, c, va, st, k) ? st : SIZE_MAX;
        }
    }
    return SIZE_MAX;
}

/* The subjects of the verb group before a coordination ending right before start, when no coded
 * verb gave them ("The White House expressed regret but did not condemn Israel", "Le Parlement a
 * qualifié la Russie d'Etat terroriste et a appelé"): those of the nearest finite verb, in the same
 * clause and active. Returns their count. */
static int coordinated_subjects(const vigie_doc *d, const sent_ctx *c, size_t start, int *out)
{
    if (start <= c->lo + 2 || !gram_is(d, start - 1, c->hi, G_COORD))
        return 0;
    size_t from = tok_is(d, start - 2, ",") ? start - 2 : start - 1; /* "met Y on Monday, and condemned" */
    size_t st = finite_before(d, c, from);
    if (st == SIZE_MAX || st <= c->lo || gram_is(d, st - 1, c->hi, G_RELATIVE))
        return 0; /* "des céréales qui ne parviennent plus et menacent": the relative's subject */
    for (size_t k = st; k < from; k++)
        if (tok_is(d, k, ",") || gram_is(d, k, c->hi, G_PASSIVE) || gram_is(d, k, c->hi, G_RELATIVE))
            return 0; /* another clause, or a passive ("were stopped by police and arrested") */
    int n = 0, s = subject_of(d, c, st, out, &n);
    if (s >= 0 && n == 0)
        out[n++] = s;
    return s >= 0 ? n : 0;
}

/* An infinitive coordinated with an earlier one under the same marker ("agreed to ban X and to impose
 * Y", "a décidé de fermer X et d'imposer Y", "to reopen X, to restore Y"), or right after the
 * coordinator with the marker left unsaid ("pledged to raise X and scrap Y"): that earlier
 * infinitive, or SIZE_MAX. end is where the later infinitive's group starts. */
static size_t coordinated_infinitive(const vigie_doc *d, const sent_ctx *c, size_t end)
{
    size_t coord = end - 1;
    const char *marker = NULL; /* the repeated marker, or any for an unsaid one */
    if (end >= c->lo + 4 && infinitive_marker(d, end - 1) &&
        (gram_is(d, end - 2, c->hi, G_COORD) || tok_is(d, end - 2, ","))) {
        coord = end - 2;
        marker = tok_key(d, end - 1);
    } else if (end < c->lo + 4 || !gram_is(d, end - 1, c->hi, G_COORD)) {
        return SIZE_MAX;
    }
    for (size_t k = coord; k-- > c->lo + 1 && !is_clause_break(d, k, c->hi) && !gram_is(d, k, c->hi, G_RELATIVE);)
        if ((marker ? !strcmp(tok_key(d, k - 1), marker) : infinitive_marker(d, k - 1)) &&
            analysis_has_tag(verb_lookup(d, k), 'W'))
            return k;
    return SIZE_MAX;
}

/* An infinitive after a superlative phrase ("became the first US secretary of state to visit Cuba", "est
 * le premier dirigeant européen à rencontrer Poutine") is done by the subject of the verb before the
 * phrase: its count of subjects in out, or 0. end: where the infinitive's group starts. */
static int superlative_subjects(const vigie_doc *d, const sent_ctx *c, size_t end, int *out, size_t *gstart)
{
    if (end < c->lo + 4 || !infinitive_marker(d, end - 1))
        return 0;
    for (size_t k = end - 1; k-- > c->lo + 1 && k + 9 > end;) {
        if (is_clause_break(d, k, c->hi) || tok_is(d, k, ","))
            return 0;
        if (!gram_is(d, k, c->hi, G_SUPERLATIVE))
            continue;
        size_t v = k - 1; /* the determiner, then the verb before it */
        if (!gram_is(d, v, c->hi, G_DETERMINER) || v == c->lo)
            return 0;
        const verb_analysis *va = verb_lookup(d, v - 1);
        size_t st = group_start(d, c, v - 1);
        bool finite = va ? finite_use(d, c, va, st, v - 1)
                         : simple_past(d, v - 1) || gram_is(d, v - 1, c->hi, G_COPULA);
        if (!finite)
            return 0;
        *gstart = st;
        int n = 0, s = subject_of(d, c, st, out, &n);
        return s < 0 ? 0 : n ? n : (out[0] = s, 1);
    }
    return 0;
}

/* The subjects of an infinitive governed by a control verb ("L'Otan a décidé de renforcer", "n'ont
 * pas pu retourner") or a control preposition ("avant de proclamer", "pour étudier"): the governor's
 * subjects. Returns their count (0: no control) and where the governing group starts. */
static int control_subjects(vigie_doc *d, sent_ctx *c, const verb_analysis *va, size_t trig, int *out,
                            size_t *gstart, size_t *clitics, bool *planned)
{
    *planned = false;
    if (!analysis_has_tag(va, 'W'))
        return 0;
    size_t end = trig; /* clitics before the infinitive: "d'y envoyer", "de s'en prendre" */
    while (end > c->lo && end + 2 > trig && gram_is(d, end - 1, c->hi, G_CLITIC))
        end--;
    *clitics = end;
    int sup = superlative_subjects(d, c, end, out, gstart);
    if (sup)
        return sup;
    size_t first = coordinated_infinitive(d, c, end);
    if (first != SIZE_MAX) {
        size_t first_clitics;
        return control_subjects(d, c, verb_lookup(d, first), first, out, gstart, &first_clitics, planned);
    }
    int n = 0;
    size_t dated = 0; /* words of a date between the governor and its infinitive: "agreed on Monday to" */
    for (size_t p = end; p-- > c->lo && p + 3 + dated >= end;) {
        if (inside_timex(d, c, p) && dated < 4) {
            dated++;
            continue;
        }
        bool prep = gram_is(d, p, c->hi, G_PURPOSE) || gram_is(d, p, c->hi, G_CONTROL);
        if (prep && p + d->tinfo.v[p].gram_len == end) {
            if (c->nsubj > 0 && gram_is(d, p, c->hi, G_CONTROL)) {
                *gstart = p;
                memcpy(out, c->subj, sizeof c->subj);
                return c->nsubj;
            }
            size_t st = c->nsubj > 0 ? SIZE_MAX : finite_before(d, c, p);
            if (st == SIZE_MAX)
                return 0; /* a purpose of a coded verb restates it ("se parleront pour discuter") */
            *gstart = st;
            int s = subject_of(d, c, st, out, &n);
            return s < 0 ? 0 : n ? n : (out[0] = s, 1);
        }
        const verb_analysis *gv = verb_lookup(d, p);
        if (!gv || !controls(d, c, p, end, planned))
            continue;
        size_t st = group_start(d, c, p);
        if (!finite_use(d, c, gv, st, p))
            return 0;
        *gstart = st;
        int s = subject_of(d, c, st, out, &n);
        return s < 0 ? 0 : n ? n : (out[0] = s, 1);
    }
    return 0;
}

/* A word quoted after a determiner is a noun: "une « attaque »", "a \"betrayal\"". */
static bool quoted_noun(const vigie_doc *d, const sent_ctx *c, size_t k)
{
    if (k < c->lo + 2)
        return false;
    vigie_token_kind kind = d->tokens.v[k - 1].kind;
    return (kind == VIGIE_TOK_QUOTE || kind == VIGIE_TOK_PUNCT) && !tok_is(d, k - 1, ",") &&
           gram_is(d, k - 2, c->hi, G_DETERMINER);
}

/* A simple past that no pattern names, after its subject: "Russia responded by". */
static bool unknown_past(const vigie_doc *d, const sent_ctx *c, size_t k)
{
    return k > c->lo && !(d->tinfo.v[k].flags & TF_CAP) && !d->tinfo.v[k].gram_mask && simple_past(d, k) &&
           !inside_mention(d, c, k) && !follows_noun_marker(d, c, k) && mention_ending(d, c, k) >= 0;
}

/* A participle k right after a noun, with its complement, qualifies the noun as a relative clause
 * would: "stormed a ship carrying aid to Gaza, killing", "a convoy sent by Ankara"; not one ending
 * its clause ("», a-t-il affirmé, remerciant"). */
static bool reduced_relative(const vigie_doc *d, const sent_ctx *c, const verb_analysis *v, size_t g, size_t k)
{
    return g > c->lo + 1 && k + 1 < c->hi && d->tokens.v[k + 1].kind == VIGIE_TOK_WORD &&
           (analysis_has_tag(v, 'G') || analysis_has_tag(v, 'K')) &&
           d->tokens.v[g - 1].kind == VIGIE_TOK_WORD && !is_function_word(d, g - 1) &&
           !gram_is(d, g - 1, c->hi, G_AUXILIARY) && !is_clause_break(d, g - 1, c->hi);
}

/* A present participle opening an adjunct after a comma (or a message: `vehicle`) shares the subjects of the clause before
 * ("Gazprom cut off deliveries on January 1, accusing Kiev of", "l'armée a bombardé la ville, tuant
 * dix civils"): those of the nearest finite verb before, past infinitives. Returns their count. */
static int adjunct_subjects(const vigie_doc *d, const sent_ctx *c, const verb_analysis *va, size_t trig, int *out,
                            size_t *gstart)
{
    /* or right after a message its author issued: "passed a resolution calling on", "a publié un
     * communiqué condamnant" */
    bool body = trig > c->lo + 2 && gram_is(d, trig - 1, c->hi, G_VEHICLE_BODY);
    bool opens = trig > c->lo + 2 && (tok_is(d, trig - 1, ",") || gram_is(d, trig - 1, c->hi, G_VEHICLE) || body ||
                                      gerund_at(d, c, trig - 1));
    if (!opens || !analysis_has_tag(va, 'G') || finite_form(va))
        return 0;
    size_t st = SIZE_MAX; /* the nearest finite group, past infinitives ("pour chercher des médiateurs,") */
    for (size_t k = trig - 1; st == SIZE_MAX && k-- > c->lo && !is_clause_break(d, k, c->hi);) {
        const verb_analysis *v = verb_lookup(d, k);
        if (!v && unknown_past(d, c, k)) { /* a verb no pattern names: "Russia responded by accusing" */
            st = group_start(d, c, k);
            break;
        }
        if (!v || inside_mention(d, c, k) || follows_noun_marker(d, c, k) || quoted_noun(d, c, k))
            continue;
        size_t g = group_start(d, c, k);
        bool relative = g > c->lo && gram_is(d, g - 1, c->hi, G_RELATIVE);
        if (finite_use(d, c, v, g, k) && !relative)
            st = g;
        else if (!relative && !analysis_has_tag(v, 'W') && !reduced_relative(d, c, v, g, k))
            break; /* a participle: "the ship, carrying aid," */
        k = relative ? g - 1 : g; /* a relative clause is passed: "stormed a ship which carried aid," */
    }
    if (st == SIZE_MAX)
        return 0; /* "the ship, which carried aid, killing": not the relative's subject */
    if (!tok_is(d, trig - 1, ",")) /* a message's negation and tense are its act's: "votera une résolution condamnant" */
        *gstart = st;
    int n = 0, s = subject_of(d, c, st, out, &n);
    if (s >= 0 && n == 0)
        out[n++] = s;
    /* a text voted on is its body's ("le Conseil de sécurité doit voter une résolution menaçant"), not
     * a state's that votes for or against it ("la Russie a mis son veto à une résolution dénonçant") */
    for (int k = 0; body && k < n; k++) {
        const char *code = arg_of(d, c, out[k]).code;
        if (!code || (is_iso3_like_prefix(code) && !has_sector(code, "LEG")))
            return 0;
    }
    return s >= 0 ? n : 0;
}

/* A bare participle right after a coordinator shares the auxiliary and the subject of the compound
 * verb group before it ("a présenté cette libération comme un geste de paix et proposé à Modi"):
 * where that group starts, or SIZE_MAX. A finite verb there keeps its own subject search: the
 * nearest group before may be a subordinate's ("leur a imputé l'attentat qui a fait six morts et
 * menace de"). */
static size_t coordinated_lead(const vigie_doc *d, const sent_ctx *c, const verb_analysis *va, size_t start,
                               size_t trig)
{
    if (d->lang != LANG_FR || start != trig || start <= c->lo + 1 || !gram_is(d, start - 1, c->hi, G_COORD) ||
        finite_form(va) || !analysis_has_tag(va, 'K'))
        return SIZE_MAX;
    size_t st = finite_before(d, c, start - 1);
    for (size_t k = st; st != SIZE_MAX && k < start - 1; k++)
        if (gram_is(d, k, c->hi, G_AUXILIARY))
            return st;
    return SIZE_MAX;
}

/* The participle of the group starting at st, whose auxiliaries a coordinated participle shares
 * ("a été attaquée et envahie par"): the group's auxiliaries end there; trig when st is its own. */
static size_t lead_verb(const vigie_doc *d, const sent_ctx *c, size_t st, size_t trig)
{
    for (size_t k = st; k < trig; k++)
        if (analysis_has_tag(verb_lookup(d, k), 'K') && !gram_is(d, k, c->hi, G_PASSIVE))
            return k;
    return trig;
}

/* A subject that is a role noun with no country ("Les militaires ont coupé", "Des milliers de
 * manifestants ont défilé au Caire"): in the few words opening the verb's clause. */
static bool bare_subject(vigie_doc *d, const sent_ctx *c, size_t start, arg *out)
{
    if (subject_relative_before(d, c, start))
        return false;
    size_t end = relative_before(d, c, start), a = end;
    /* back to the clause's start: a comma, a clause word, or a speech verb whose object the clause
     * is ("the ministry said protesters demonstrated": protesters) */
    while (a > c->lo && end - a < 8 && !tok_is(d, a - 1, ",") && !is_clause_break(d, a - 1, c->hi) &&
           !gram_is(d, a - 1, c->hi, G_RELATIVE) && !gram_is(d, a - 1, c->hi, G_REPORTING))
        a--;
    return bare_agent(d, c, a, end, true, out);
}

static const event_pattern *noun_match(vigie_doc *d, const sent_ctx *c, size_t trig, match *out);

/* Does a noun pattern at t name both its parties ("un cessez-le-feu entre Israël et l'Iran")? */
static bool noun_dyad(vigie_doc *d, const sent_ctx *c, size_t t)
{
    match m;
    return noun_match(d, c, t, &m) && m.has_source && m.has_target;
}

/* A noun naming both its parties between the verb at trig and its target at t, which is one of them. */
static bool dyad_noun_before(vigie_doc *d, const sent_ctx *c, size_t trig, size_t t)
{
    for (size_t k = t > trig + 4 ? t - 3 : trig + 1; k < t; k++)
        if (noun_dyad(d, c, k))
            return true;
    return false;
}

/* "avoir", "have" before a participle is its auxiliary, no verb of its own: "a arrangé une rencontre
 * avec" is no meeting "avoir une rencontre avec"; "a eu une rencontre" is, by "eu". ("être", "be"
 * before one may be what a pattern names: "is opposed to".) */
static bool auxiliary_use(const vigie_doc *d, const sent_ctx *c, const verb_analysis *va, size_t trig)
{
    if (!has_lemma(d, va, "avoir") && !has_lemma(d, va, "have"))
        return false;
    size_t k = trig + 1;
    while (k < c->hi && (gram_is(d, k, c->hi, G_ADVERB) || gram_is(d, k, c->hi, G_NEG_POST)))
        k++;
    /* the participle of a verb no pattern names is known from the lists of all participles (French)
     * or simple pasts (English: "has arranged") */
    return k < c->hi && !inside_mention(d, c, k) &&
           (past_participle(d, k) || (d->lang == LANG_EN && !verb_lookup(d, k) && simple_past(d, k)));
}

static int demonym_next_to(const vigie_doc *d, const sent_ctx *c, size_t noun);
static bool possessor_maker(const vigie_doc *d, const sent_ctx *c, size_t noun, arg *out);

/* Does a noun of force at token n ("invasion", "attaque": roots 17-20; not "sanctions", whose makers
 * are the sanctioning states) take its victim after the preposition `prep`, as one of its patterns
 * says ("n:invasion de +T", "n:attaque* contre +T"; not "l'attaque du Hamas", the maker's)? */
static bool force_noun_victim(const vigie_doc *d, size_t n, const char *prep)
{
    const u32vec *pl = noun_patterns(d, n);
    const lang_data *L = &d->engine->lang[d->lang];
    for (size_t k = 0; pl && k < pl->n; k++) {
        const event_pattern *p = &L->patterns.v[pl->v[k]];
        if (strncmp(p->code, "17", 2) >= 0 && strncmp(p->code, "21", 2) < 0 && p->item_count >= 2 &&
            p->items[0].kind == PI_WORD && item_matches(&p->items[0], prep) && p->items[1].kind == PI_TARGET)
            return true;
    }
    return false;
}

/* The maker of the document's latest conflict event against the victim's country, not src's. */
static bool deed_maker_against(const vigie_doc *d, const char *victim, const char *src, arg *out)
{
    for (size_t k = d->events.n; k-- > 0;) {
        const vigie_event *e = &d->events.v[k].pub;
        if (e->quad_class != 4 || !e->target.code || !e->source.code || !same_country(e->target.code, victim) ||
            same_country(e->source.code, victim) || (src && same_country(e->source.code, src)))
            continue;
        arg a = {-1, e->source.code, e->source.span};
        *out = a;
        return true;
    }
    return false;
}

/* "condamne l'invasion de l'Ukraine par la Russie", "condemned the invasion of Ukraine": the actor
 * after a noun of force opening the object is the deed's victim, and a disapproval is aimed at its
 * maker: the agent after "par"/"by", a demonym on the noun, its possessor, else the maker of the
 * document's latest conflict event against that victim. */
static void aim_at_deed_maker(const vigie_doc *d, const sent_ctx *c, size_t trig, const int *coord, int ncoord,
                              match *m)
{
    if (m->target.m < 0)
        return;
    const mention_info *victim = &d->mentions.v[m->target.m];
    size_t p = victim->t0;
    while (p > trig + 1 && gram_is(d, p - 1, c->hi, G_DETERMINER))
        p--;
    if (p <= trig + 2 || !gram_is(d, p - 1, c->hi, G_PREP) || gram_is(d, p - 1, c->hi, G_AGENT))
        return; /* "l'annexion par la Russie": the actor is the maker already */
    size_t noun = p - 2; /* back over adjectives after it: "l'invasion illégale de" */
    while (noun > trig + 1 && plain_word(d, c, noun) && !noun_patterns(d, noun))
        noun--;
    if (!force_noun_victim(d, noun, tok_key(d, p - 1)))
        return;
    const char *src = m->has_source ? m->source.code : ncoord > 0 ? arg_of(d, c, coord[0]).code : NULL;
    arg maker;
    size_t after = victim->t1 + 1; /* the agent, past its determiner: "par la Russie" */
    while (after < c->hi && gram_is(d, after, c->hi, G_DETERMINER))
        after++;
    int by = victim->t1 < c->hi && gram_is(d, victim->t1, c->hi, G_AGENT) ? mention_starting(d, c, after, false) : -1;
    int adj = demonym_next_to(d, c, noun);
    bool found = by >= 0 || adj >= 0;
    if (found)
        maker = arg_of(d, c, by >= 0 ? by : adj);
    else
        found = possessor_maker(d, c, noun, &maker) || deed_maker_against(d, m->target.code, src, &maker);
    if (found && !same_country(maker.code, m->target.code))
        m->target = maker; /* none known: the victim stays, as the text names no other */
}

static void verb_events(vigie_doc *d, sent_ctx *c, size_t trig)
{
    const verb_analysis *va = verb_lookup(d, trig);
    if (!va || inside_mention(d, c, trig) || trig < c->words_to || auxiliary_use(d, c, va, trig))
        return;
    int ctl[MAX_SUBJECTS];
    size_t ctl_start = trig, clitics = trig;
    bool ctl_planned; /* "a décidé d'envahir": not done yet */
    int nctl = control_subjects(d, c, va, trig, ctl, &ctl_start, &clitics, &ctl_planned);
    if (!nctl)
        nctl = adjunct_subjects(d, c, va, trig, ctl, &ctl_start);
    /* a form that is also a preposition, before a determiner, is the preposition: "la force armée
     * entre les Etats" */
    if (gram_is(d, trig, c->hi, G_PREP) && trig + 1 < c->hi && gram_is(d, trig + 1, c->hi, G_DETERMINER))
        return;
    bool noun = follows_noun_marker(d, c, trig) || plural_noun(d, c, va, trig) ||
                participle_adjective(d, c, va, trig) || noun_modifier_use(d, c, trig) || copula_attribute(d, c, va, trig);
    if (!nctl && noun)
        return; /* "une rencontre", "d'attaque", "Russian forces": nouns */
    /* "a décidé de s'en prendre": the infinitive's group is its clitics and itself */
    size_t start = nctl ? clitics : group_start(d, c, trig);
    /* a verb coordinated with the last coded one shares its subject and auxiliary: "a rejeté ces
     * accusations et dénoncé", "a appelé Israël à la retenue et a exigé du Hezbollah" */
    /* past an object pronoun: "et l'a condamné" */
    size_t cstart = start > c->lo && gram_is(d, start - 1, c->hi, G_OBJECT_CLITIC) ? start - 1 : start;
    bool shared = c->nsubj > 0 && cstart > c->lo && gram_is(d, cstart - 1, c->hi, G_COORD);
    if (!nctl && !shared && c->nsubj == 0 && finite_use(d, c, va, start, trig) &&
        (c->nsubj = coordinated_subjects(d, c, cstart, c->subj)) > 0)
        shared = true; /* a participle alone ("a été attaqué et envahi par") shares its auxiliary too: not here */
    int ptarget = -1, pagent = -1; /* a participle with an agent: "les civils, chassés par l'armée" */
    bool reduced = !nctl && start == trig && !shared && agent_marker_next(d, c, va, trig);
    size_t lead = nctl || shared || reduced ? SIZE_MAX : coordinated_lead(d, c, va, start, trig);
    size_t subj_at = lead != SIZE_MAX ? lead : start; /* where the subject and auxiliary are */
    if (!nctl && (reduced || !finite_use(d, c, va, start, trig)) && !((shared || lead != SIZE_MAX) && analysis_has_tag(va, 'K')) &&
        (pagent = participle_agent(d, c, va, trig, &ptarget)) < 0)
        return;
    if (!nctl)
        ctl_start = start;
    const lang_data *L = &d->engine->lang[d->lang];
    const event_pattern *best = NULL;
    match best_m;
    memset(&best_m, 0, sizeof best_m);
    bool refl = reflexive_before(d, c, start, trig);
    int pre[MAX_SUBJECTS], npre = 0;
    int pre_s = nctl ? ctl[0] : shared ? c->subj[0] : subject_of(d, c, subj_at, pre, &npre);
    const char *avoid = pre_s >= 0 ? arg_of(d, c, pre_s).code : NULL;
    int parties = nctl ? nctl : shared ? c->nsubj : npre; /* a reciprocal pattern needs two */
    bool objclitic = d->lang == LANG_FR && object_clitic(d, c, start, trig);
    for (const verb_analysis *v = va; v->lemma != UINT32_MAX; v++) {
        const u32vec *pl = &L->lemma_patterns.v[v->lemma];
        for (size_t k = 0; k < pl->n; k++) {
            const event_pattern *p = &L->patterns.v[pl->v[k]];
            if (p->pronominal != refl || p->control || !sig_covers(&c->words, &p->needs))
                continue;
            match m;
            memset(&m, 0, sizeof m);
            m.first = trig;
            m.avoid = avoid;
            m.has_relobj = !p->petrarch && object_relative(d, c, start, &m.relobj);
            m.objclitic = !p->petrarch && objclitic;
            if (match_items(d, c, p, trig + 1, &m) && (!p->pre_count || match_pre(d, c, p, trig, &m)) &&
                (p->petrarch || !p->reciprocal || m.has_target || parties >= 2) &&
                (!best || m.weight > best_m.weight) &&
                (!p->petrarch || !p->reciprocal || compound_subject(d, c, start))) {
                best = p;
                best_m = m;
            }
        }
    }
    if (!best)
        return;
    if (best->petrarch) {
        if (best_m.last > c->used_to)
            c->used_to = c->words_to = best_m.last; /* "promised raids to": no raid of its own */
        unsigned flags = (negated(d, c, start, trig) ? VIGIE_FLAG_NEGATED : 0) |
                         (planned(d, c, start, trig) ? VIGIE_FLAG_PLANNED : 0);
        petrarch_events(d, c, best, &best_m, va, trig, start, shared, flags);
        return;
    }
    int coord[MAX_SUBJECTS], ncoord = 0;
    size_t aux_end = lead != SIZE_MAX ? lead_verb(d, c, lead, trig) : trig;
    int agent = pagent >= 0 ? pagent : passive_agent(d, c, va, subj_at, aux_end, trig);
    if (agent == -2 || (agent >= 0 && !passive_roles(d, c, subj_at, agent, ptarget, &best_m)))
        return;
    if (!best_m.has_source && nctl) {
        ncoord = nctl;
        memcpy(coord, ctl, sizeof ctl);
    } else if (!best_m.has_source && shared) {
        ncoord = c->nsubj;
        memcpy(coord, c->subj, sizeof c->subj);
    } else if (!best_m.has_source) {
        int s = subject_of(d, c, subj_at, coord, &ncoord);
        if (s < 0 && !bare_subject(d, c, subj_at, &best_m.source))
            return;
        best_m.has_source = s < 0;
        if (s >= 0 && ncoord == 0) {
            coord[0] = s;
            ncoord = 1;
        }
    }
    if (best->reciprocal && !best_m.has_target && ncoord < 2)
        return; /* "X et Y se parleront" needs two parties: "make ends meet" has none */
    if (!best_m.has_target && !best_m.implicit && best_m.last > trig + 1 && noun_dyad(d, c, best_m.last - 1))
        return; /* "a annoncé un cessez-le-feu entre Israël et l'Iran": the noun names the parties */
    if (best_m.has_target && best_m.target.m >= 0 && dyad_noun_before(d, c, trig, d->mentions.v[best_m.target.m].t0))
        return; /* "a appelé à des discussions entre Moscou et Kiev": likewise, the target is one of them */
    if (best_m.last > c->used_to)
        c->used_to = best_m.last; /* "lifted sanctions on Iran" is one event, not a noun one too */
    if (best_m.words_end > c->words_to) /* a verb among the pattern's words is no trigger of its own: */
        c->words_to = best_m.words_end; /* "agreed to send tanks to Ukraine" (0332) is no sending (072) too */
    if (agent < 0 && !best_m.has_source) {
        c->nsubj = ncoord;
        memcpy(c->subj, coord, sizeof c->subj);
    }
    if (best_m.has_target && !strncmp(best->code, "11", 2))
        aim_at_deed_maker(d, c, trig, coord, ncoord, &best_m);
    unsigned flags = (negated(d, c, ctl_start, trig) ? VIGIE_FLAG_NEGATED : 0) |
                     (planned(d, c, ctl_start, trig) || (nctl && ctl_planned) ? VIGIE_FLAG_PLANNED : 0) |
                     (reported(d, c) ? VIGIE_FLAG_REPORTED : 0);
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
        if (!(L->noun_stem_lens & (1u << stem)) ||
            (stem == 3 && !(L->noun_stem3[stem3_bit(k) >> 6] & (1ull << (stem3_bit(k) & 63)))))
            continue;
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

/* The best noun pattern triggered at token trig, its match in *out (set only then); or NULL. */
static const event_pattern *noun_match(vigie_doc *d, const sent_ctx *c, size_t trig, match *out)
{
    const u32vec *pl = noun_patterns(d, trig);
    if (!pl)
        return NULL; /* most words: no match to clear */
    const lang_data *L = &d->engine->lang[d->lang];
    const event_pattern *best = NULL;
    memset(out, 0, sizeof *out);
    for (size_t k = 0; k < pl->n; k++) {
        const event_pattern *p = &L->patterns.v[pl->v[k]];
        if (!sig_covers(&c->words, &p->needs))
            continue;
        match m;
        memset(&m, 0, sizeof m);
        if (match_items(d, c, p, trig + 1, &m) && (!best || m.weight > out->weight)) {
            best = p;
            *out = m;
        }
    }
    return best;
}

/* The subject of the clause whose setting phrase holds an event noun ("in clashes with", "lors
 * d'une rencontre avec"): the noun's other party; *st gets where its verb group starts. */
static int setting_subject(const vigie_doc *d, const sent_ctx *c, size_t noun, size_t *k_out, size_t *st_out)
{
    size_t k = noun; /* back over determiners and a few adjectives: "in hand-to-hand fighting with" */
    while (k > c->lo && k + 3 > noun && (gram_is(d, k - 1, c->hi, G_DETERMINER) || plain_word(d, c, k - 1)))
        k--;
    size_t set = k > c->lo ? phrase_ending(d, c, k - 1, G_SETTING) : k; /* "dans", "lors d'" */
    if (set >= k)
        return -1;
    size_t st = finite_before(d, c, set);
    int coord[MAX_SUBJECTS], n = 0;
    *k_out = k;
    *st_out = st;
    return st == SIZE_MAX ? -1 : subject_of(d, c, st, coord, &n);
}

/* The other party of a fight noun set as the circumstance of its clause ("Twenty Indian soldiers were
 * killed in clashes with Chinese troops"): the clause's subject when it is armed (military, police,
 * rebels), not a speaker ("X condemned the deaths in clashes with Y"). */
static bool fight_party(const vigie_doc *d, const sent_ctx *c, size_t noun, arg *out, bool *victim)
{
    size_t k, st;
    int s = setting_subject(d, c, noun, &k, &st);
    if (s < 0)
        return false;
    arg a = arg_of(d, c, s);
    if (!a.code || !(has_sector(a.code, "MIL") || has_sector(a.code, "COP") || has_sector(a.code, "REB")))
        return false;
    *out = a;
    /* "were killed in clashes with X": the subject suffered the fight, X made it */
    *victim = false;
    for (size_t v = st; v + 1 < k; v++)
        *victim |= gram_is(d, v, c->hi, G_PASSIVE) && analysis_has_tag(verb_lookup(d, v + 1), 'K');
    return true;
}

/* The possessor of an event noun is its maker: "Russia's invasion of Ukraine" (the actor before
 * "'s"), "Israel mounted its invasion of Lebanon" (a possessive pronoun: the clause's subject); a
 * couple of modifiers may stand between ("its long-threatened invasion"). */
static bool possessor_maker(const vigie_doc *d, const sent_ctx *c, size_t noun, arg *out)
{
    size_t k = noun;
    while (k > c->lo && k + 2 > noun && plain_word(d, c, k - 1) && !verb_lookup(d, k - 1))
        k--;
    if (k <= c->lo)
        return false;
    int m = -1;
    if (d->lang == LANG_EN && tok_is(d, k - 1, "'s"))
        m = mention_ending(d, c, k - 1);
    else if (gram_is(d, k - 1, c->hi, G_POSSESSIVE)) {
        size_t st = finite_before(d, c, k - 1);
        int coord[MAX_SUBJECTS], n = 0;
        /* "Il l'a remercié pour son soutien": the possessive may be the object's */
        m = st == SIZE_MAX || object_clitic(d, c, st, st) ? -1 : subject_of(d, c, st, coord, &n);
        /* not when another actor stands between, whom it may name ("arracher une concession à
         * Poutine dans sa guerre"), nor a plural possessive for one country or person ("Moscou
         * menace ces pays pour leur soutien") */
        bool plural = gram_is(d, k - 1, c->hi, G_PLURAL_POSSESSIVE);
        const mention_info *mi = m >= 0 ? &d->mentions.v[m] : NULL;
        if (mi && (mention_ending(d, c, k - 1) >= 0 || actor_between(d, c, st, k - 1) ||
                   (plural && n < 2 && strcmp(mi->pub.resolved, "demonym") &&
                    (mi->pub.kind == VIGIE_ACTOR_COUNTRY || mi->pub.kind == VIGIE_ACTOR_PERSON))))
            m = -1;
    }
    if (m < 0)
        return false;
    *out = arg_of(d, c, m);
    return out->code != NULL;
}

/* Is the verb an event noun is the object of planned ("l'OTAN va renforcer son aide militaire",
 * "will boost its aid")? */
static bool governing_verb_planned(const vigie_doc *d, const sent_ctx *c, size_t noun)
{
    size_t st = finite_before(d, c, noun);
    if (st == SIZE_MAX)
        return false;
    size_t v = st; /* the group's last verb form before the noun: "va renforcer" */
    for (size_t k = st; k < noun; k++)
        if (verb_lookup(d, k) && !inside_mention(d, c, k))
            v = k;
    return planned(d, c, st, v);
}

/* "une réunion entre la Russie et l'Otan", "des sanctions contre Moscou". */
static void noun_events(vigie_doc *d, const sent_ctx *c, size_t trig)
{
    match best_m;
    const event_pattern *best = trig < c->used_to ? NULL : noun_match(d, c, trig, &best_m);
    if (!best || (!best_m.has_target && !best_m.has_source))
        return;
    for (size_t k = trig >= c->lo + 3 ? trig - 3 : c->lo; k < trig; k++)
        if (gram_is(d, k, c->hi, G_HYPOTHETICAL))
            return; /* "en cas d'invasion": nothing happened */
    bool symmetric = best->reciprocal && best_m.has_source && best_m.has_target; /* "talks between X and Y ~" */
    int adj = demonym_next_to(d, c, trig);
    if (!best_m.has_source && adj >= 0) { /* "une attaque russe", "Russian strikes": the maker */
        best_m.source = arg_of(d, c, adj);
        best_m.has_source = true;
    }
    if (!best_m.has_source)
        best_m.has_source = possessor_maker(d, c, trig, &best_m.source);
    if (!best_m.has_source && !strncmp(best->code, "04", 2)) { /* "a estimé, lors d'une rencontre avec Biden" */
        size_t k, st;
        int s = setting_subject(d, c, trig, &k, &st);
        if (s >= 0 && (best_m.source = arg_of(d, c, s)).code)
            best_m.has_source = true;
    }
    const cameo_code *cc = cameo_lookup(d->engine, best->code);
    bool victim = false;
    /* a fight; not an invasion, whose maker the setting's subject is not ("Ils ont fait de même avec
     * la Russie lors de l'invasion de l'Ukraine") */
    if (!best_m.has_source && cc && cc->quad_class == 4 && best_m.has_target && strncmp(best->code, "192", 3))
        best_m.has_source = fight_party(d, c, trig, &best_m.source, &victim);
    if (victim) {
        arg x = best_m.source;
        best_m.source = best_m.target;
        best_m.target = x;
    }
    if (!best_m.has_source)
        return; /* the clause's subject is seldom the maker of a noun's action ("X condamne l'invasion") */
    if (!best_m.has_target) { /* "l'intégrité de l'Ukraine face au renforcement militaire de la Russie" */
        for (size_t k = mentions_before(d, c, trig); k-- > c->m0;) {
            const mention_info *m = &d->mentions.v[k];
            arg a = arg_of(d, c, (int)k);
            if (is_actor(m) && a.code && !self_dyad(a.code, best_m.source.code)) {
                best_m.target = a;
                best_m.has_target = true;
                break;
            }
        }
    }
    emit(d, c, best, trig, trig + 1, &best_m.source, best_m.has_target ? &best_m.target : NULL,
         (symmetric ? VIGIE_FLAG_SYMMETRIC : 0) | (reported(d, c) ? VIGIE_FLAG_REPORTED : 0) |
             (governing_verb_planned(d, c, trig) ? VIGIE_FLAG_PLANNED : 0));
}

void events_doc(vigie_doc *d)
{
    strmap seen;
    strmap_init(&seen);
    home_tally home = {{{NULL, 0, 0}, -1}, 0};
    size_t m = 0, x = 0;
    for (size_t s = 0; s < d->sentences.n; s++) {
        sent_ctx c = {d->sentences.v[s].first_token, sentence_end(d, s), s, m, m, x, x, 0, 0, &seen, {0}, 0, {{0}}, &home};
        sign_sentence(d, &c);
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
    VEC_FREE(home.tally.v);
    strmap_free(&seen);
}
