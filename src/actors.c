/* Actors: names from data/actors/ matched longest first, role nouns combined with a country
 * (data/LANG/agents.txt), roles held at the document's date, and simple coreference
 * ("son homologue russe", a bare surname after a full name, pronouns and anaphoric phrases listed
 * in data/LANG/coreference.txt). */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static bool after_locative(const vigie_doc *d, size_t i);
static bool before_locative_word(const vigie_doc *d, size_t t);

static bool role_at(const actor_role *role, vigie_date at)
{
    bool open_from = role->from.gran == VIGIE_GRAN_NONE, open_to = role->to.gran == VIGIE_GRAN_NONE;
    if (at.gran == VIGIE_GRAN_NONE)
        return open_to && !open_from; /* undated: whoever holds the office now */
    return (open_from || date_compare(role->from, at) <= 0) && (open_to || date_compare(at, role->to) <= 0);
}

/* The role an actor holds at a date. Undated documents take the most recent role: news is
 * mostly about the present. */
const char *actor_role_code(const actor_entry *a, vigie_date at, const char **title)
{
    const actor_role *fallback = NULL, *latest = NULL;
    for (size_t r = 0; r < a->role_count; r++) {
        const actor_role *role = &a->roles[r];
        bool open_from = role->from.gran == VIGIE_GRAN_NONE, open_to = role->to.gran == VIGIE_GRAN_NONE;
        if (open_from && open_to) {
            if (!fallback)
                fallback = role;
            continue;
        }
        if (!latest || (!open_from && date_compare(role->from, latest->from) > 0))
            latest = role;
        if (at.gran == VIGIE_GRAN_NONE)
            continue;
        if ((open_from || date_compare(role->from, at) <= 0) && (open_to || date_compare(at, role->to) <= 0)) {
            if (title)
                *title = role->title;
            return role->code;
        }
    }
    const actor_role *pick = at.gran == VIGIE_GRAN_NONE && latest ? latest : fallback;
    if (title)
        *title = pick ? pick->title : NULL;
    return pick ? pick->code : a->code;
}

static const char *country_of_code(vigie_doc *d, const char *code)
{
    return arena_strndup(&d->mem, code, strlen(code) >= 3 ? 3 : strlen(code));
}

static bool is_iso3(const char *code)
{
    return code && strlen(code) >= 3 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z' &&
           code[2] >= 'A' && code[2] <= 'Z';
}

/* A person holding `title` for `country` at the date, e.g. the Russian head of state. */
static int person_with_title(const vigie_doc *d, const char *title, const char *country, const char **code)
{
    const vigie_engine *e = d->engine;
    for (size_t a = 0; a < e->actors.n; a++) {
        const actor_entry *p = &e->actors.v[a];
        if (p->kind != VIGIE_ACTOR_PERSON)
            continue;
        for (size_t r = 0; r < p->role_count; r++) { /* every office held then, not just the first */
            const actor_role *role = &p->roles[r];
            if (!role->title || strcmp(role->title, title) || strncmp(role->code, country, 3) ||
                !role_at(role, d->published))
                continue;
            *code = role->code;
            return (int)a;
        }
    }
    return -1;
}

static mention_info new_mention(vigie_doc *d, size_t t0, size_t t1, size_t sentence)
{
    mention_info m;
    memset(&m, 0, sizeof m);
    m.t0 = (uint32_t)t0;
    m.t1 = (uint32_t)t1;
    m.actor = -1;
    m.pub.sentence = sentence;
    m.pub.span.start = d->tokens.v[t0].span.start;
    m.pub.span.end = d->tokens.v[t1 - 1].span.end;
    return m;
}

/* Is a word beside token i in capitals too (a headline in capitals: "MACRON MEETS XI")? */
static bool capitals_beside(const vigie_doc *d, size_t i)
{
    for (size_t k = i > 0 ? i - 1 : i + 1; k <= i + 1 && k < d->tokens.n; k += 2)
        if (d->tokens.v[k].kind == VIGIE_TOK_WORD && (d->tinfo.v[k].flags & TF_ALLCAPS))
            return true;
    return false;
}

static bool case_fits(const vigie_doc *d, size_t i, uint32_t payload)
{
    uint16_t f = d->tinfo.v[i].flags;
    if ((payload & 3) == CASE_ALL)
        return (f & TF_ALLCAPS) || (d->tinfo.v[i].end - d->tinfo.v[i].start == 1 && (f & TF_CAP));
    /* a short word in capitals among others that are not is an acronym or a numeral, not the
     * name written with an initial ("Act XI" is not Xi, "NATO" is its own entry) */
    if ((payload & CASE_INITIAL) && (f & TF_ALLCAPS) && d->tinfo.v[i].end - d->tinfo.v[i].start <= 3 &&
        !capitals_beside(d, i))
        return false;
    return !(payload & CASE_INITIAL) || (f & TF_CAP);
}

/* Best dictionary entry among the payloads: the capitalisation must fit, persons first. */
static int pick_actor(const vigie_doc *d, size_t i, const uint32_t *payloads, size_t n)
{
    static const int rank[] = {[VIGIE_ACTOR_PERSON] = 0, [VIGIE_ACTOR_METONYM] = 1, [VIGIE_ACTOR_ORGANISATION] = 2,
                               [VIGIE_ACTOR_COUNTRY] = 3, [VIGIE_ACTOR_GROUP] = 4, [VIGIE_ACTOR_PLACE] = 5,
                               [VIGIE_ACTOR_ROLE] = 6, [VIGIE_ACTOR_COREFERENCE] = 7};
    int best = -1;
    for (size_t k = 0; k < n; k++) {
        if (!case_fits(d, i, payloads[k]))
            continue;
        int a = (int)(payloads[k] >> 2);
        const actor_entry *x = &d->engine->actors.v[a], *b = best >= 0 ? &d->engine->actors.v[best] : NULL;
        if (!b || x->user > b->user || (x->user == b->user && rank[x->kind] < rank[b->kind]))
            best = a;
    }
    return best;
}

static void fill_from_actor(vigie_doc *d, mention_info *m, int a, size_t i)
{
    const vigie_engine *e = d->engine;
    const actor_entry *ent = &e->actors.v[a];
    m->actor = a;
    m->pub.kind = ent->kind;
    m->pub.name = ent->name;
    m->pub.export_code = ent->export_code;
    m->pub.resolved = "dictionary";
    if (ent->kind == VIGIE_ACTOR_PERSON) {
        const char *title = NULL;
        m->pub.code = actor_role_code(ent, d->published, &title);
        m->pub.role = title;
        m->title = title;
        m->person = ent->name;
        m->gender = ent->gender;
        m->pub.resolved = ent->role_count ? "role at date" : "dictionary";
        m->pub.export_code = m->pub.code;
    } else if (ent->kind == VIGIE_ACTOR_PLACE) {
        m->pub.code = ent->country ? ent->country : ent->code;
        m->place_only = true;
        m->pub.resolved = "place";
    } else if (ent->kind == VIGIE_ACTOR_METONYM && (after_locative(d, i) || before_locative_word(d, m->t1))) {
        m->pub.kind = VIGIE_ACTOR_PLACE; /* "à Moscou", "à l'Elysée", "Moscow time": where, not who */
        m->pub.code = ent->country ? ent->country : country_of_code(d, ent->code);
        m->place_only = true;
        m->pub.resolved = "place";
    } else {
        m->pub.code = ent->code;
    }
    m->country = is_iso3(m->pub.code) ? country_of_code(d, m->pub.code) : m->pub.code;
}

/* A locative before token i, a determiner aside: a preposition ("à Moscou", "au Kremlin", "à l'Elysée",
 * "in the Oval Office") or a longer phrase ending there ("près de Moscou", "à l'heure de Moscou"). */
static bool after_locative(const vigie_doc *d, size_t i)
{
    size_t end = d->tokens.n;
    if (i > 0 && gram_is(d, i - 1, end, G_DETERMINER))
        i--;
    for (size_t k = i; k-- > 0 && i - k <= 3;)
        if (gram_is(d, k, end, G_LOCATIVE) && (k + 1 == i || d->tinfo.v[k].gram_len == i - k))
            return true;
    return false;
}

/* A place by what follows it: "Moscow time" (grammar class locative_after). */
static bool before_locative_word(const vigie_doc *d, size_t t)
{
    return t < d->tokens.n && gram_is(d, t, d->tokens.n, G_LOCATIVE_AFTER);
}

/* A demonym at token i ("russe", "américaine", "Russian"): the country actor or -1. */
static int demonym_at(const vigie_doc *d, size_t i, size_t end, uint32_t *len)
{
    if (i >= end)
        return -1;
    uint32_t payloads[8];
    size_t n;
    *len = phrase_match(&d->engine->lang[d->lang].demonyms, d, i, end, payloads, 8, &n);
    for (size_t k = 0; k < n; k++)
        if (case_fits(d, i, payloads[k]))
            return (int)(payloads[k] >> 2);
    return -1;
}

/* An English demonym in the plural whose singular is listed too ("Palestinians", "Iraqis") names a
 * people, a noun that can be a subject; English demonyms are otherwise adjectives, capitalised like
 * the nouns ("Palestinian officials", "Swiss", "Chinese"). */
static bool english_people(const vigie_doc *d, size_t i, uint32_t len, int actor)
{
    const phrase_table *t = &d->engine->lang[d->lang].demonyms;
    const char *k = tok_key(d, i);
    size_t n = tok_key_len(d, i);
    if (len != 1 || n < 3 || k[n - 1] != 's')
        return false;
    const uint32_t *head = strmap_get(&t->full, k, n - 1);
    for (uint32_t l = head ? *head : 0; l; l = t->links.v[l - 1].next)
        if ((int)(t->links.v[l - 1].payload >> 2) == actor)
            return true;
    return false;
}

/* A name known to be no actor (code "---": news media, a PETRARCH name outside its dates): no
 * role's country either ("ce journaliste de la RTBF"). */
static bool null_actor(const vigie_doc *d, int a)
{
    return !strcmp(d->engine->actors.v[a].code, "---");
}

/* "de", "du", "of", "from": the preposition of a noun's complement ("le porte-parole du Kremlin",
 * "soldiers from Chad"). */
static bool complement_prep(const vigie_doc *d, size_t k, size_t end)
{
    return gram_is(d, k, end, G_PREP) && (tok_is(d, k, "de") || tok_is(d, k, "du") || tok_is(d, k, "des") ||
                                          tok_is(d, k, "d'") || tok_is(d, k, "of") || tok_is(d, k, "from"));
}

static int name_at(const vigie_doc *d, size_t i, size_t end, uint32_t *len)
{
    uint32_t payloads[8];
    size_t n;
    *len = phrase_match(&d->engine->lang[d->lang].names, d, i, end, payloads, 8, &n);
    return n ? pick_actor(d, i, payloads, n) : -1;
}

/* A word that only qualifies a role noun, between it and its demonym ("le gouvernement populiste
 * italien", "the Italian populist government"): a lower-case word that is no function word (bar
 * adjectives), no verb form, and no role, name or demonym of its own. */
static bool plain_modifier(const vigie_doc *d, size_t k, size_t end)
{
    const lang_data *L = &d->engine->lang[d->lang];
    uint32_t len, payload;
    size_t n;
    return k < end && d->tokens.v[k].kind == VIGIE_TOK_WORD && !(d->tinfo.v[k].flags & TF_CAP) &&
           !(d->tinfo.v[k].gram_mask & ~(1ull << G_ADJECTIVE_PRE)) && !verb_lookup(d, k) &&
           !phrase_match(&L->agents, d, k, end, &payload, 1, &n) && demonym_at(d, k, end, &len) < 0 &&
           name_at(d, k, end, &len) < 0;
}

/* The country (or organisation) attached to a role noun: "russe", "du Kremlin", "de l'Otan",
 * a demonym after at most two modifiers ("populiste italien").
 * *named is the token where a named complement starts (it is also a mention of its own). */
static int attached_country(const vigie_doc *d, size_t j, size_t end, size_t *consumed, size_t *named)
{
    uint32_t len;
    *named = 0;
    /* a demonym after the noun is French; in English it qualifies the next noun ("guerrillas wounded
     * British soldiers") */
    for (size_t skip = 0; d->lang != LANG_EN && skip <= 2 && (skip == 0 || plain_modifier(d, j + skip - 1, end));
         skip++) {
        int a = demonym_at(d, j + skip, end, &len);
        uint32_t nl;
        if (a >= 0 && skip && name_at(d, j + skip + len, end, &nl) >= 0)
            break; /* "le groupe paramilitaire russe Wagner": the name is the actor */
        if (a >= 0) {
            *consumed = skip + len;
            return a;
        }
    }
    size_t k = j;
    while (k < end && k < j + 2 && complement_prep(d, k, end))
        k++;
    if (k == j)
        return -1;
    if (tok_is(d, k, "la") || tok_is(d, k, "l'") || tok_is(d, k, "the"))
        k++;
    int a = k < end ? name_at(d, k, end, &len) : -1;
    if (a >= 0 && d->engine->actors.v[a].kind != VIGIE_ACTOR_PERSON && !null_actor(d, a)) {
        *consumed = k + len - j;
        *named = k;
        return a;
    }
    return -1;
}

const char *joined_code(vigie_doc *d, const char *first, const char *second)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s%s", first, second);
    return arena_strdup(&d->mem, buf);
}

static const char *code_with_sector(vigie_doc *d, const actor_entry *c, const agent_entry *ag, const char *sector)
{
    const char *base = c->kind == VIGIE_ACTOR_COUNTRY ? c->code : c->country ? c->country : c->code;
    if (c->user && c->kind == VIGIE_ACTOR_COUNTRY) {
        /* a PETRARCH code is extended whatever its length (PSEREBHMS + GOV), but not by a code it
         * already holds, as PETRARCH mixes them: "White House [USAGOV] security officials [~GOV]" */
        if (strstr(base, sector))
            return base;
    } else if (!is_iso3(base) || strlen(base) != 3 || c->kind == VIGIE_ACTOR_ORGANISATION ||
             c->kind == VIGIE_ACTOR_GROUP)
        return c->code; /* organisations keep their own code: "le secrétaire général de l'Otan" */
    return ag->before ? joined_code(d, sector, base) : joined_code(d, base, sector);
}

/* The last token of what may name a role's country before token i: the word before it, or the
 * possessor before "'s" and at most three modifiers ("Ithilen's awful and evil minister",
 * "Dagolath's first Deputy Prime Minister"). */
static size_t possessor_end(const vigie_doc *d, size_t i, size_t lo)
{
    const uint64_t modifier = 1ull << G_COORD | 1ull << G_ADJECTIVE_PRE;
    for (size_t p = i; p-- > lo + 1 && p + 4 >= i;) {
        if (tok_is(d, p, "'s"))
            return p - 1;
        uint32_t len;
        /* no name ("France's Macron"), no function word ("France's response to migrants") */
        if (d->tokens.v[p].kind != VIGIE_TOK_WORD || (d->tinfo.v[p].gram_mask & ~modifier) ||
            name_at(d, p, i, &len) >= 0)
            break;
    }
    return i - 1;
}

/* Role noun at i, with its country before (English "Russian troops") or after it. */
static size_t match_agent(vigie_doc *d, size_t i, size_t lo, size_t end, size_t sentence, mention_info *out)
{
    const lang_data *L = &d->engine->lang[d->lang];
    uint32_t payload;
    size_t n;
    uint32_t len = phrase_match(&L->agents, d, i, end, &payload, 1, &n);
    if (!n)
        return 0;
    const agent_entry *ag = &L->agents_v.v[payload];
    size_t consumed = 0, start = i, named = 0;
    int country = attached_country(d, i + len, end, &consumed, &named);
    if (country < 0 && i > lo) { /* English: a demonym or country name just before */
        uint32_t dl;
        size_t b = possessor_end(d, i, lo);
        for (size_t m = 0; m < 2 && b == i - 1 && b > lo && plain_modifier(d, b, i); m++)
            b--; /* "Italian populist government" */
        for (size_t back = 1; back <= 3 && country < 0 && back <= b - lo + 1; back++) {
            size_t s0 = b + 1 - back;
            int a = demonym_at(d, s0, b + 1, &dl);
            if (a < 0) {
                a = name_at(d, s0, b + 1, &dl);
                if (a >= 0 && (d->engine->actors.v[a].kind == VIGIE_ACTOR_PERSON || null_actor(d, a)))
                    a = -1;
            }
            if (a >= 0 && s0 + dl == b + 1) {
                country = a;
                start = s0;
            }
        }
    }
    bool counterpart = !strcmp(ag->sector, "COUNTERPART");
    if (country < 0 && !counterpart)
        return 0;
    if (counterpart && start > lo && gram_is(d, start - 1, end, G_POSSESSIVE))
        start--; /* "son homologue" */
    *out = new_mention(d, start, i + len + consumed, sentence);
    out->nested = named;
    out->pub.kind = counterpart ? VIGIE_ACTOR_COREFERENCE : VIGIE_ACTOR_ROLE;
    out->counterpart = counterpart;
    out->title = ag->title;
    out->pub.role = ag->title;
    out->pub.resolved = "agent";
    if (country >= 0) {
        const actor_entry *c = &d->engine->actors.v[country];
        out->pub.code = code_with_sector(d, c, ag, counterpart ? "GOV" : ag->sector);
        out->country = is_iso3(out->pub.code) ? country_of_code(d, out->pub.code) : out->pub.code;
        const char *pcode;
        int person = ag->title && !counterpart && is_iso3(out->pub.code)
                         ? person_with_title(d, ag->title, out->country, &pcode) : -1;
        if (person >= 0) { /* "le président américain" at the date is a person */
            out->person = d->engine->actors.v[person].name;
            out->gender = d->engine->actors.v[person].gender;
            out->pub.name = out->person;
            out->pub.code = pcode;
            out->pub.resolved = "role at date";
        }
    }
    out->pub.export_code = out->pub.code;
    return start == i ? out->t1 - i : i + len + consumed - i;
}

/* "son homologue [russe]": the counterpart of the person just named. */
static void resolve_counterpart(vigie_doc *d, mention_info *m)
{
    const mention_info *possessor = NULL;
    for (size_t k = d->mentions.n; k-- > 0 && d->mentions.n - k <= RECENT_MENTIONS;) {
        const mention_info *p = &d->mentions.v[k];
        if (p->person && !p->counterpart) {
            possessor = p;
            break;
        }
    }
    const char *title = possessor && possessor->title ? possessor->title : "head_of_state";
    if (m->country && m->pub.code) { /* a demonym says the country: find who holds the title */
        const char *pcode;
        int person = person_with_title(d, title, m->country, &pcode);
        if (person >= 0) {
            m->person = d->engine->actors.v[person].name;
            m->gender = d->engine->actors.v[person].gender;
            m->pub.name = m->person;
            m->pub.code = pcode;
            m->title = title;
            m->pub.role = title;
        }
        m->pub.resolved = "coreference";
        return;
    }
    /* no country: the last person of another country, holding the same title if possible */
    const mention_info *best = NULL;
    for (size_t k = d->mentions.n; k-- > 0 && d->mentions.n - k <= RECENT_MENTIONS;) {
        const mention_info *p = &d->mentions.v[k];
        if (!p->person || p->counterpart || !possessor || !p->country || !possessor->country ||
            !strcmp(p->country, possessor->country))
            continue;
        if (!best || (p->title && !strcmp(p->title, title)))
            best = p;
        if (p->title && !strcmp(p->title, title))
            break;
    }
    if (best) {
        m->person = best->person;
        m->gender = best->gender;
        m->pub.name = best->person;
        m->pub.code = best->pub.code;
        m->country = best->country;
        m->title = best->title;
        m->pub.role = best->title;
    }
    m->pub.resolved = "coreference";
}

/* ---- pronouns and anaphoric phrases (data/LANG/coreference.txt) ---- */

/* Antecedents are looked for in the pronoun's sentence and the two before it: news names the
 * actor a pronoun stands for close by, and further back a wrong guess is likelier than a right one. */
#define COREF_SENTENCES 2
/* A description that only a kind of organisation fits ("le mouvement chiite": a rebel or militant
 * group) names the story's group further back. */
#define COREF_GROUP_SENTENCES 6

/* Does `title` fit "head_of_state|*_minister" ('*' first: any prefix)? */
static bool title_fits(const char *titles, const char *title)
{
    size_t tn = strlen(title);
    for (const char *p = titles; *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (p[0] == '*' ? n - 1 <= tn && !memcmp(p + 1, title + tn - (n - 1), n - 1) : n == tn && !memcmp(p, title, n))
            return true;
        p += bar ? n + 1 : n;
    }
    return false;
}

/* Does an actor code fit "*REB|IMG*" ('*' first: any prefix; last: any suffix)? */
static bool code_fits(const char *codes, const char *code)
{
    size_t cn = strlen(code);
    for (const char *p = codes; *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        bool lead = p[0] == '*', trail = !lead && n > 1 && p[n - 1] == '*';
        size_t core = n - lead - trail;
        if (core <= cn && (lead ? !memcmp(p + 1, code + cn - core, core)
                                : trail ? !memcmp(p, code, core) : core == cn && !memcmp(p, code, core)))
            return true;
        p += bar ? n + 1 : n;
    }
    return false;
}

static bool antecedent_fits(const vigie_doc *d, const coref_entry *c, const mention_info *m)
{
    if (m->place_only || m->adjective || !m->pub.code)
        return false;
    if (c->gender && m->gender && m->gender != c->gender)
        return false;
    switch (c->target) {
    case CT_PERSON: return m->person != NULL;
    case CT_HUMAN: return m->person != NULL || m->pub.kind == VIGIE_ACTOR_ROLE;
    case CT_ACTOR: return true;
    case CT_TITLE: return m->title && title_fits(c->titles, m->title);
    case CT_ORGANISATION:
        return m->actor >= 0 && d->engine->actors.v[m->actor].kind == VIGIE_ACTOR_ORGANISATION &&
               (!c->titles || code_fits(c->titles, m->pub.code));
    }
    return false;
}

/* Mention k is the agent of a passive ("reçu par le président israélien Shimon Peres"), an apposition
 * or a determiner aside: in a sentence before the pronoun it is not the topic. */
static bool passive_agent(const vigie_doc *d, size_t k)
{
    size_t p = d->mentions.v[k].t0;
    for (size_t j = k; j-- > 0 && d->mentions.v[j].t1 == p;)
        p = d->mentions.v[j].t0;
    if (p > 0 && gram_is(d, p - 1, d->tokens.n, G_DETERMINER))
        p--;
    return p > 0 && gram_is(d, p - 1, d->tokens.n, G_AGENT);
}

/* Can mention k be an antecedent at all? Not a place or an adjective, not a name inside a role ("le
 * porte-parole du Kremlin"), not the object of a relative after a comma ("le chef du gouvernement
 * israélien, qu'il a appelé « Bibi », Emmanuel Macron"), not the agent of a passive in an earlier
 * sentence ("Il était reçu par Shimon Peres. Il..."); nested_ok admits names inside a role. */
static bool eligible(const vigie_doc *d, size_t k, size_t object_end, size_t sentence, bool nested_ok)
{
    const mention_info *m = &d->mentions.v[k];
    if (m->place_only || m->adjective || !m->pub.code || m->t1 == object_end)
        return false;
    if (!nested_ok && k > 0 && d->mentions.v[k - 1].t0 <= m->t0 && m->t1 <= d->mentions.v[k - 1].t1)
        return false;
    return m->pub.sentence == sentence || !passive_agent(d, k);
}

/* The antecedent of the phrase at token i, mentions [0, n) coming before it. "ce dernier", "the latter"
 * (target actor) take the closest actor. Others take, in their own sentence, the closest fitting mention
 * ("Donald Trump a dit qu'il"); before it, the first fitting mention of the nearest sentence that has
 * one, as a sentence's subject usually comes first and stays the topic ("M. Macron a rencontré
 * M. Herzog. Le chef de l'Etat..." is Macron). A pronoun standing for a person finds none when the
 * sentence's first actor, which it would pass, is no person: "Téhéran a averti qu'il répondrait". */
static const mention_info *find_antecedent(const vigie_doc *d, const coref_entry *c, size_t i, size_t lo,
                                           size_t sentence)
{
    size_t end = d->tokens.n, n = d->mentions.n;
    size_t object_end = i >= lo + 2 && gram_is(d, i - 1, end, G_RELATIVE) && tok_is(d, i - 2, ",") ? i - 2 : SIZE_MAX;
    size_t floor = n > RECENT_MENTIONS ? n - RECENT_MENTIONS : 0;
    size_t window = c->target == CT_ORGANISATION && c->titles ? COREF_GROUP_SENTENCES : COREF_SENTENCES;
    for (size_t s = sentence, b = n; b > floor && s + window >= sentence; s--) {
        size_t a = b; /* mentions of sentence s: [a, b) */
        while (a > floor && d->mentions.v[a - 1].pub.sentence == s)
            a--;
        const mention_info *pick = NULL, *first = NULL;
        for (size_t k = b; k-- > a;) {
            /* an organisation inside a role stays one ("les dirigeants de la Cédéao") */
            if (!eligible(d, k, object_end, sentence, c->target == CT_ORGANISATION))
                continue;
            first = &d->mentions.v[k];
            if (antecedent_fits(d, c, first) && (!pick || (s != sentence && c->target != CT_ACTOR)))
                pick = first; /* the closest, or before this sentence the first */
        }
        if (first && c->target == CT_PERSON && !first->person && (s != sentence || !pick))
            return NULL;
        if (pick)
            return pick;
        b = a;
        if (s == 0)
            break;
    }
    return NULL;
}

static const coref_entry *coref_at(const vigie_doc *d, size_t i, size_t end, uint32_t *len)
{
    const lang_data *L = &d->engine->lang[d->lang];
    uint32_t payload;
    size_t n;
    *len = phrase_match(&L->coref, d, i, end, &payload, 1, &n);
    return n ? &L->coref_v.v[payload] : NULL;
}

bool person_only_pronoun(const vigie_doc *d, size_t i)
{
    uint32_t len;
    const coref_entry *c = coref_at(d, i, d->tokens.n, &len);
    return c && c->person_only;
}

bool person_pronoun(const vigie_doc *d, size_t i)
{
    uint32_t len;
    return coref_at(d, i, d->tokens.n, &len) != NULL && len == 1;
}

char pronoun_gender(const vigie_doc *d, size_t i)
{
    uint32_t len;
    const coref_entry *c = coref_at(d, i, d->tokens.n, &len);
    return c ? c->gender : 0;
}

/* A subject pronoun: "il", "he" always are, but not after a preposition ("avec elle"), nor when a
 * word of a thing follows closely ("il aura lieu"). */
static bool pronoun_is_subject(const vigie_doc *d, size_t i, size_t t, size_t lo, size_t end)
{
    if (i > lo && gram_is(d, i - 1, end, G_PREP))
        return false;
    for (size_t k = t; k < end && k < t + 5 && d->tokens.v[k].kind == VIGIE_TOK_WORD; k++) {
        uint32_t len;
        const coref_entry *c = coref_at(d, k, end, &len);
        if (c && c->cls == CR_INANIMATE)
            return false;
    }
    return true;
}

/* A verb form at k that is no noun: an auxiliary ("a", "est", "has"), a past, future or conditional
 * tense, or a participle after the anaphor's first word (t). A present form alone may be a noun
 * ("cette dernière attaque"). Only the verbs of event patterns are known: others go unseen. */
static bool sure_verb(const vigie_doc *d, size_t k, size_t t, size_t end)
{
    if (gram_is(d, k, end, G_AUXILIARY) || gram_is(d, k, end, G_NEG_PRE) || gram_is(d, k, end, G_REFLEXIVE))
        return true;
    const verb_analysis *va = verb_lookup(d, k);
    return va && (analysis_has_tag(va, 'I') || analysis_has_tag(va, 'J') || analysis_has_tag(va, 'F') ||
                  analysis_has_tag(va, 'C') || (k > t && analysis_has_tag(va, 'K')));
}

/* An anaphoric phrase ("le ministre") stands alone before punctuation or its verb; a name, a demonym or
 * a complement after it makes it a role of its own ("le président russe", "le président par intérim
 * Olexandre Tourtchinov", "le ministre de l'Intérieur"). */
static bool anaphor_is_bare(const vigie_doc *d, size_t t, size_t end)
{
    if (t >= end || d->tokens.v[t].kind != VIGIE_TOK_WORD)
        return true; /* "a précisé cette source." */
    uint32_t len;
    if (demonym_at(d, t, end, &len) >= 0 || complement_prep(d, t, end))
        return false;
    for (size_t k = t; k < end && k < t + 3 && d->tokens.v[k].kind == VIGIE_TOK_WORD; k++) {
        if (d->tinfo.v[k].flags & TF_CAP)
            return false;
        if (sure_verb(d, k, t, end))
            return true;
    }
    return false;
}

/* "il", "elle", "ce dernier", "le ministre": a mention of the last compatible actor, or nothing.
 * Returns the tokens consumed (an impersonal "il y a" is consumed without a mention). */
static size_t match_coref(vigie_doc *d, size_t i, size_t lo, size_t end, size_t s)
{
    uint32_t len;
    const coref_entry *c = coref_at(d, i, end, &len);
    if (!c || c->cls == CR_INANIMATE)
        return 0;
    if (c->cls == CR_IMPERSONAL)
        return len;
    size_t t = i + len;
    if (t < end && d->tokens.v[t].kind == VIGIE_TOK_WORD && (d->tinfo.v[t].flags & TF_CAP))
        return 0; /* a name follows: "He Lifeng", "le ministre Lavrov" */
    if (c->cls == CR_PRONOUN ? !pronoun_is_subject(d, i, t, lo, end) : !anaphor_is_bare(d, t, end))
        return 0;
    for (size_t k = i + 1; k <= t && k < end; k++) {
        uint32_t nlen;
        if (name_at(d, k, end, &nlen) >= 0)
            return 0; /* the words start a name: "la Cour pénale internationale" */
    }
    const mention_info *a = find_antecedent(d, c, i, lo, s);
    if (!a)
        return 0;
    mention_info m = *a;
    m.t0 = (uint32_t)i;
    m.t1 = (uint32_t)t;
    m.pub.sentence = s;
    m.pub.span.start = d->tokens.v[i].span.start;
    m.pub.span.end = d->tokens.v[t - 1].span.end;
    m.pub.kind = VIGIE_ACTOR_COREFERENCE;
    m.pub.resolved = "coreference";
    m.counterpart = false;
    m.nested = 0;
    VEC_PUSH(d->mentions, m);
    return len;
}

typedef struct {
    strmap surnames;   /* document-local: last name of a person named in full -> actor */
    strmap forenames;  /* the first word of such a name -> actor: a surname first ("Wang Yi"), after "Mr" */
} actor_ctx;

static void remember_surname(vigie_doc *d, actor_ctx *ctx, const mention_info *m)
{
    if (m->pub.kind != VIGIE_ACTOR_PERSON || m->t1 - m->t0 < 2)
        return;
    const char *last = tok_key(d, m->t1 - 1), *first = tok_key(d, m->t0);
    *strmap_put(&ctx->surnames, last, strlen(last), (uint32_t)m->actor, NULL) = (uint32_t)m->actor;
    *strmap_put(&ctx->forenames, first, strlen(first), (uint32_t)m->actor, NULL) = (uint32_t)m->actor;
}

/* Does an honorific end right before token i ("Mr Wang", "M. Xi", "Mme Merkel")? */
static bool after_honorific(const vigie_doc *d, size_t i, size_t lo)
{
    for (size_t k = i; k-- > lo && k + 3 >= i;)
        if (gram_is(d, k, d->tokens.n, G_HONORIFIC) && k + d->tinfo.v[k].gram_len == i)
            return true;
    return false;
}

/* Edit distance of two short keys, capped at 3 (enough to tell a misspelt first name from another). */
static int small_distance(const char *a, size_t n, const char *b, size_t m)
{
    if (n > 24 || m > 24 || (n > m ? n - m : m - n) > 2)
        return 3;
    int row[25];
    for (size_t j = 0; j <= m; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        int diag = row[0], best = row[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int up = row[j], v = diag + (a[i - 1] != b[j - 1]);
            v = v < up + 1 ? v : up + 1;
            v = v < row[j - 1] + 1 ? v : row[j - 1] + 1;
            row[j] = v;
            diag = up;
            best = best < v ? best : v;
        }
        if (best > 2)
            return 3;
    }
    return row[m];
}

/* Is the word at k word number `which` (0: the first) of the canonical name, give or take two letters
 * ("Vladmir" for "Vladimir Putin", "Mikola" for "Mykola Azarov", "Jiping" for "Xi Jinping")? */
static bool near_word(const vigie_doc *d, size_t k, const char *canonical, int which)
{
    const char *w = canonical;
    for (int n = 0; w && n < which; n++)
        w = strchr(w, ' ') ? strchr(w, ' ') + 1 : NULL;
    if (!w)
        return false;
    const char *sp = strchr(w, ' ');
    size_t wl = sp ? (size_t)(sp - w) : strlen(w);
    if (wl < 3 || (which == 0 && !sp))
        return false;
    char word[64];
    size_t n = make_key(w, wl, word, sizeof word);
    return small_distance(tok_key(d, k), tok_key_len(d, k), word, n) <= 2;
}

/* Is the one word at i part of a longer name the dictionaries do not know: a capitalised word right
 * after it ("Rama Yade", "Di Battista"), or one right before it that is no title nor honorific and opens
 * no mention ("Virginia Raggi", "Gaspard Estrada")? */
static bool within_other_name(const vigie_doc *d, size_t i, size_t lo, size_t end, int actor)
{
    if (i + 1 < end && d->tokens.v[i + 1].kind == VIGIE_TOK_WORD && (d->tinfo.v[i + 1].flags & TF_CAP) &&
        !d->tinfo.v[i + 1].gram_mask)
        return actor < 0 || !near_word(d, i + 1, d->engine->actors.v[actor].name, 1); /* not "Xi Jiping" */
    if (i < lo + 2 || d->tokens.v[i - 1].kind != VIGIE_TOK_WORD || !(d->tinfo.v[i - 1].flags & TF_CAP) ||
        d->tinfo.v[i - 1].gram_mask || (d->tinfo.v[i - 1].flags & TF_ALLCAPS))
        return false;
    /* the word before opens its clause after a quote or a dash ("“What Trump"), or is a function word
     * or a role ("le Président Macron") */
    if ((d->tokens.v[i - 2].kind != VIGIE_TOK_WORD && !tok_is(d, i - 2, ",")) || is_function_word(d, i - 1) ||
        phrase_may_start(&d->engine->lang[d->lang].agents, d, i - 1, false))
        return false;
    for (size_t k = d->mentions.n; k-- > 0 && d->mentions.v[k].t1 + 1 >= i;)
        if (d->mentions.v[k].t1 == i || d->mentions.v[k].t1 == i - 1)
            return false; /* "President Macron"; "le Premier ministre Ehoud Olmert": a role before it or its first name */
    /* the person's own first name misspelt or transliterated ("Vladmir Poutine", "Anthony Blinken") */
    return actor < 0 || !near_word(d, i - 1, d->engine->actors.v[actor].name, 0);
}

/* A person of the document named again by one word of the name: the last ("Jaishankar"), or after an
 * honorific any word of it ("Mr Wang" after "Wang Yi"). Returns the actor or -1. */
static int person_named_again(const vigie_doc *d, const actor_ctx *ctx, size_t i, size_t lo, size_t end)
{
    if (!(d->tinfo.v[i].flags & TF_CAP))
        return -1;
    const char *key = tok_key(d, i);
    size_t len = tok_key_len(d, i);
    uint32_t hash = d->tinfo.v[i].key_hash;
    const uint32_t *a = strmap_get_hashed(&ctx->surnames, key, len, hash);
    if (!a && after_honorific(d, i, lo))
        a = strmap_get_hashed(&ctx->forenames, key, len, hash);
    if (a && within_other_name(d, i, lo, end, (int)*a))
        return -1; /* "Mr Di Battista" after "Luigi Di Maio" */
    return a ? (int)*a : -1;
}

static size_t match_at(vigie_doc *d, actor_ctx *ctx, size_t i, size_t lo, size_t end, size_t s)
{
    uint32_t len;
    mention_info m;
    int a = name_at(d, i, end, &len);
    if (a >= 0 && len == 1 && d->engine->actors.v[a].kind == VIGIE_ACTOR_PERSON && within_other_name(d, i, lo, end, a))
        return 1; /* "Virginia Raggi", "Rama Yade", "Gaspard Estrada": another person's name */
    if (a >= 0) {
        m = new_mention(d, i, i + len, s);
        fill_from_actor(d, &m, a, i);
        if (!strcmp(m.pub.code, "---"))
            return len; /* a null code: a name known not to be an actor (then) */
        remember_surname(d, ctx, &m);
        VEC_PUSH(d->mentions, m);
        return len;
    }
    a = person_named_again(d, ctx, i, lo, end);
    if (a >= 0) {
        m = new_mention(d, i, i + 1, s);
        fill_from_actor(d, &m, a, i);
        m.pub.resolved = "coreference";
        VEC_PUSH(d->mentions, m);
        return 1;
    }
    size_t alen = match_agent(d, i, lo, end, s, &m);
    if (alen) {
        if (m.counterpart)
            resolve_counterpart(d, &m);
        if (m.pub.code)
            VEC_PUSH(d->mentions, m);
        if (m.nested) { /* "le porte-parole du Kremlin": the Kremlin is named too */
            uint32_t nlen;
            int na = name_at(d, m.nested, end, &nlen);
            if (na >= 0) {
                mention_info inner = new_mention(d, m.nested, m.nested + nlen, s);
                fill_from_actor(d, &inner, na, m.nested);
                VEC_PUSH(d->mentions, inner);
            }
        }
        return alen;
    }
    a = demonym_at(d, i, end, &len);
    if (a >= 0) { /* "les Russes" (a people) or an adjective "ukrainien" (a country, weakly) */
        m = new_mention(d, i, i + len, s);
        fill_from_actor(d, &m, a, i);
        m.adjective = !(d->tinfo.v[i].flags & TF_CAP) || (d->lang == LANG_EN && !english_people(d, i, len, a));
        m.pub.resolved = "demonym";
        VEC_PUSH(d->mentions, m);
        return len;
    }
    return match_coref(d, i, lo, end, s);
}

/* Does mention m say where the story happens: a place or a country after a locative ("à Liège", "en
 * Belgique", "in Paris")? A state acting ("la France a condamné") or a name holding a place ("The New
 * York Times") is no scene. */
static bool scene_mention(const vigie_doc *d, const mention_info *m)
{
    return m->country && strlen(m->country) == 3 && !m->adjective &&
           (m->place_only || m->pub.kind == VIGIE_ACTOR_COUNTRY) && after_locative(d, m->t0);
}

/* A mention that names a place, wherever it stands: a place, a capital, a country after a locative
 * ("central Paris" counts for a story's setting, though not as its sentence's scene). */
static bool setting_mention(const vigie_doc *d, const mention_info *m)
{
    return scene_mention(d, m) || (m->country && strlen(m->country) == 3 &&
                                   (m->place_only || (m->actor >= 0 && d->engine->actors.v[m->actor].capital)));
}

void tally_country(country_tally *t, const char *code)
{
    size_t j = 0;
    while (j < t->v.n && strcmp(t->v.v[j].code, code))
        j++;
    if (j == t->v.n) {
        struct country_count none = {code, 0};
        VEC_PUSH(t->v, none);
    }
    t->v.v[j].n++;
    if (t->best < 0 || t->v.v[j].n > t->v.v[t->best].n || (t->v.v[j].n == t->v.v[t->best].n && (int)j < t->best))
        t->best = (int)j;
}

/* The country the document's places name most (ties: the first named), or NULL; counted once, when
 * its mentions are all found (scene-bound groups placed after are no places). */
static const char *main_scene(const vigie_doc *d)
{
    country_tally t = {{NULL, 0, 0}, -1};
    for (size_t k = 0; k < d->mentions.n; k++)
        if (setting_mention(d, &d->mentions.v[k]))
            tally_country(&t, d->mentions.v[k].country);
    const char *best = t.best >= 0 ? t.v.v[t.best].code : NULL;
    VEC_FREE(t.v);
    return best;
}

/* The country where a sentence with mentions [m0, m1) happens: a place it names, else the one the
 * document's places name most (a story's aside, "Macron, at the G20 in Buenos Aires", does not move
 * it); NULL when it names none. Police, protesters and local groups belong there, not to the country
 * the document names most (a Belgian story of "gilets jaunes" in Liège). */
const char *scene_country(const vigie_doc *d, size_t m0, size_t m1)
{
    for (size_t k = m0; k < m1; k++)
        if (scene_mention(d, &d->mentions.v[k]))
            return d->mentions.v[k].country;
    for (size_t k = m0; k < m1; k++) /* "took to the streets of Paris" */
        if (setting_mention(d, &d->mentions.v[k]))
            return d->mentions.v[k].country;
    return d->main_scene;
}

/* Does a mention of [m0, m1) other than k name the country of code ("French authorities" beside the
 * gilets jaunes, whose code says France)? Then the group is at home wherever the scene is. */
static bool sentence_names(const vigie_doc *d, size_t m0, size_t m1, size_t k, const char *code)
{
    for (size_t j = m0; j < m1; j++)
        if (j != k && d->mentions.v[j].country && code && !strncmp(d->mentions.v[j].country, code, 3))
            return true;
    return false;
}

/* A demonym right next to mention k ("les gilets jaunes néerlandais", "French 'yellow vests'"), a
 * quote aside: its country, or NULL. */
static const char *demonym_beside(const vigie_doc *d, size_t k)
{
    const mention_info *m = &d->mentions.v[k];
    for (int side = -1; side <= 1; side += 2) {
        if ((side < 0 && k == 0) || (side > 0 && k + 1 >= d->mentions.n))
            continue;
        const mention_info *o = &d->mentions.v[k + side];
        size_t gap = side < 0 ? m->t0 - o->t1 : o->t0 - m->t1;
        size_t at = side < 0 ? o->t1 : m->t1;
        if (o->pub.sentence == m->pub.sentence && o->adjective && o->country &&
            (gap == 0 || (gap == 1 && d->tokens.v[at].kind != VIGIE_TOK_WORD)))
            return o->country;
    }
    return NULL;
}

/* Groups bound to the scene (data/actors "scene = SECTOR") take its country, unless a demonym says
 * theirs: done once the whole document's places are known. */
static void place_scene_groups(vigie_doc *d)
{
    size_t m0 = 0;
    for (size_t k = 0; k < d->mentions.n; k++) {
        mention_info *m = &d->mentions.v[k];
        if (k > 0 && m->pub.sentence != d->mentions.v[k - 1].pub.sentence)
            m0 = k;
        const char *sector = m->actor >= 0 ? d->engine->actors.v[m->actor].scene : NULL;
        if (!sector || m->pub.kind == VIGIE_ACTOR_PERSON)
            continue;
        size_t m1 = k;
        while (m1 < d->mentions.n && d->mentions.v[m1].pub.sentence == m->pub.sentence)
            m1++;
        const char *country = demonym_beside(d, k);
        if (!country && sentence_names(d, m0, m1, k, d->engine->actors.v[m->actor].code))
            continue;
        if (!country)
            country = scene_country(d, m0, m1);
        if (!country)
            continue;
        m->pub.code = m->pub.export_code = joined_code(d, country, sector);
        m->country = country;
    }
}

void actors_doc(vigie_doc *d)
{
    actor_ctx ctx;
    strmap_init(&ctx.surnames);
    strmap_init(&ctx.forenames);
    for (size_t s = 0; s < d->sentences.n; s++) {
        size_t lo = d->sentences.v[s].first_token, end = sentence_end(d, s);
        for (size_t i = lo; i < end;) {
            if (d->tokens.v[i].kind != VIGIE_TOK_WORD) {
                i++;
                continue;
            }
            size_t before = d->mentions.n;
            size_t len = match_at(d, &ctx, i, lo, end, s);
            /* an English agent may start before i ("Russian troops"): drop what it covers */
            while (d->mentions.n > before && before > 0 && d->mentions.v[before - 1].pub.sentence == s &&
                   d->mentions.v[before - 1].t1 > d->mentions.v[before].t0) {
                memmove(&d->mentions.v[before - 1], &d->mentions.v[before],
                        (d->mentions.n - before) * sizeof *d->mentions.v);
                d->mentions.n--;
                before--;
            }
            i += len ? len : 1;
        }
    }
    strmap_free(&ctx.surnames);
    strmap_free(&ctx.forenames);
    d->main_scene = main_scene(d);
    place_scene_groups(d);
}
