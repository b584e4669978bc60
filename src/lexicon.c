/* Lookups in the per-language lexicons that several stages share: verb forms, function-word
 * classes, and the tense of the verb group around a position. */
#include "internal.h"

#include <string.h>

static const verb_analysis *lookup_form(const vigie_doc *d, size_t i)
{
    if (d->tokens.v[i].kind != VIGIE_TOK_WORD)
        return NULL;
    const lang_data *L = &d->engine->lang[d->lang];
    uint32_t v = d->tinfo.v[i].vocab_lower; /* verb forms are keyed by their lower-case form */
    uint32_t first = v ? L->vocab_v.v[v - 1].verb : 0;
    return first ? &L->analyses.v[first - 1] : NULL;
}

void lexicon_tag(vigie_doc *d) { lexicon_tag_range(d, 0, d->tokens.n); }

void lexicon_tag_range(vigie_doc *d, size_t lo, size_t hi)
{
    const phrase_table *g = &d->engine->lang[d->lang].grammar;
    for (size_t i = lo; i < hi && i < d->tokens.n; i++) {
        token_info *t = &d->tinfo.v[i];
        if (t->flags & TF_TAGGED)
            continue;
        t->flags |= TF_TAGGED;
        t->verb = lookup_form(d, i);
        uint32_t payloads[8];
        size_t np;
        uint32_t len = phrase_match_exact(g, d, i, d->tokens.n, payloads, 8, &np);
        t->gram_len = (uint8_t)(len > 255 ? 255 : len);
        t->gram_mask = 0;
        for (size_t k = 0; k < np; k++) {
            uint32_t cls = payloads[k] & ~GRAM_INITIAL;
            if ((payloads[k] & GRAM_INITIAL) && !(t->flags & TF_CAP))
                continue;
            t->gram_mask |= (uint64_t)1 << cls;
        }
    }
}

bool simple_past(const vigie_doc *d, size_t k)
{
    const token_info *ti = &d->tinfo.v[k];
    return strmap_get_hashed(&d->engine->lang[d->lang].clause_forms, tok_key(d, k), ti->key_len, ti->key_hash);
}

/* A past participle, of a loaded verb or of any (participles.txt): "débuté" in "a débuté". */
bool past_participle(const vigie_doc *d, size_t k)
{
    const verb_analysis *va = verb_lookup(d, k);
    if (va)
        return analysis_has_tag(va, 'K');
    const token_info *ti = &d->tinfo.v[k];
    return strmap_get_hashed(&d->engine->lang[d->lang].participles, ti->lower, ti->lower_len, ti->lower_hash);
}

bool finite_form(const verb_analysis *va)
{
    for (; va && va->lemma != UINT32_MAX; va++)
        if (strpbrk(va->tags, "PIJFCS"))
            return true;
    return false;
}

bool opens_clause(const vigie_doc *d, size_t i, size_t hi)
{
    if (!gram_is(d, i, hi, G_CLAUSE))
        return false;
    if (!gram_is(d, i, hi, G_SEQUEL))
        return true;
    /* a verb after a subject of at least one word: "after protesters clashed", "after talks with
     * Moscow ended"; "before the court", "after talks with Moscow", "after meeting Putin" are none */
    for (size_t k = i + 2; k < hi && k < i + 8; k++) {
        if (tok_is(d, k, ",") || tok_is(d, k, ";") || gram_is(d, k, hi, G_CLAUSE) || gram_is(d, k, hi, G_RELATIVE))
            return false;
        const token_info *ti = &d->tinfo.v[k];
        if ((ti->flags & TF_CAP) || gram_is(d, k - 1, hi, G_DETERMINER))
            continue;
        const verb_analysis *va = verb_lookup(d, k);
        if (va ? finite_form(va) : !ti->gram_mask && simple_past(d, k))
            return true;
    }
    return false;
}

const verb_analysis *verb_lookup(const vigie_doc *d, size_t i)
{
    return i < d->tinfo.n ? d->tinfo.v[i].verb : NULL;
}

bool analysis_has_tag(const verb_analysis *va, char tag)
{
    for (; va && va->lemma != UINT32_MAX; va++)
        if (strchr(va->tags, tag))
            return true;
    return false;
}

bool gram_is(const vigie_doc *d, size_t i, size_t end, enum gram_class cls)
{
    return i < end && (d->tinfo.v[i].gram_mask & ((uint64_t)1 << cls));
}

bool has_lemma(const vigie_doc *d, const verb_analysis *va, const char *lemma)
{
    const lang_data *L = &d->engine->lang[d->lang];
    for (; va && va->lemma != UINT32_MAX; va++)
        if (!strcmp(L->lemma_names.v[va->lemma], lemma))
            return true;
    return false;
}

bool takes_etre(const vigie_doc *d, const verb_analysis *va)
{
    const lang_data *L = &d->engine->lang[d->lang];
    for (; va && va->lemma != UINT32_MAX; va++) {
        const char *name = L->lemma_names.v[va->lemma];
        if (strmap_get(&L->etre_verbs, name, strlen(name)))
            return true;
    }
    return false;
}

/* Tense of the verb group nearest to i: future/conditional forms, auxiliaries with a past
 * participle, simple past and imperfect; English "will"/"would" and past forms. */
char tense_near(const vigie_doc *d, size_t i, size_t lo, size_t hi)
{
    for (size_t dist = 0; dist < 10; dist++) {
        for (int side = 0; side < 2; side++) {
            if (side == 0 && dist > i)
                continue;
            size_t k = side == 0 ? i - dist : i + dist;
            if (k < lo || k >= hi || (dist == 0 && side == 1))
                continue;
            if (gram_is(d, k, hi, G_FUTURE))
                return 'F';
            if (gram_is(d, k, hi, G_CONDITIONAL))
                return 'C';
            const verb_analysis *va = verb_lookup(d, k);
            if (!va || (k > 0 && tok_is(d, k - 1, "'s")))
                continue; /* after a possessive it is a noun: "Sunday's protest was" */
            if (k > lo && (gram_is(d, k - 1, hi, G_DETERMINER) || gram_is(d, k - 1, hi, G_PREP)) &&
                !analysis_has_tag(va, 'K') && !has_lemma(d, va, "avoir") && !has_lemma(d, va, "etre") &&
                !has_lemma(d, va, "have"))
                continue; /* a noun or an infinitive: "le service de presse", "to attack"; not "d'avoir fermé" */
            const verb_analysis *before = k > lo ? verb_lookup(d, k - 1) : NULL;
            if (analysis_has_tag(va, 'K') && (has_lemma(d, before, "avoir") || has_lemma(d, before, "etre")))
                continue; /* "a fait": the auxiliary says the tense, "fait" is no present here */
            if (analysis_has_tag(va, 'F'))
                return 'F';
            bool aux = has_lemma(d, va, "avoir") || has_lemma(d, va, "etre") || has_lemma(d, va, "have");
            /* the participle an auxiliary carries: "a débuté", "a déjà annexé", "has already met" */
            size_t part = 0;
            for (size_t p = k + 1; aux && !part && p < hi && p <= k + 3; p++) {
                if (past_participle(d, p))
                    part = p; /* "ont par ailleurs annoncé" */
                else if (verb_lookup(d, p) || d->tokens.v[p].kind != VIGIE_TOK_WORD)
                    break;
            }
            /* "est rendu public" is a passive, in the tense of être; "est parti", "s'est rendu", "s'en sont pris" are past */
            bool reflexive = k > lo && (gram_is(d, k - 1, hi, G_REFLEXIVE) ||
                                        (k > lo + 1 && gram_is(d, k - 1, hi, G_CLITIC) && gram_is(d, k - 2, hi, G_REFLEXIVE)));
            bool passive = part && has_lemma(d, va, "etre") && !takes_etre(d, verb_lookup(d, part)) && !reflexive;
            if (analysis_has_tag(va, 'C') && part && !passive)
                return 'P'; /* a conditional perfect tells of the past ("auraient été commis le 27 février");
                             * "seraient mobilisés samedi" is a passive */
            if (analysis_has_tag(va, 'C'))
                return 'C';
            if (analysis_has_tag(va, 'J') || analysis_has_tag(va, 'I'))
                return 'P';
            if (part && (!passive || analysis_has_tag(va, 'K')))
                return 'P'; /* "a été arrêté" */
            if (has_lemma(d, va, "aller") && k + 1 < hi && analysis_has_tag(verb_lookup(d, k + 1), 'W'))
                return 'F';
            if (analysis_has_tag(va, 'K') && d->lang == LANG_EN)
                return 'P';
            if (analysis_has_tag(va, 'P') || analysis_has_tag(va, 'S'))
                return 'N'; /* a present, or a present subjunctive: "avant que le bilan soit rendu public lundi" */
        }
    }
    return 0;
}

size_t sentence_end(const vigie_doc *d, size_t s)
{
    return d->sentences.v[s].first_token + d->sentences.v[s].token_count;
}
