/* Lookups in the per-language lexicons that several stages share: verb forms and function-word
 * classes (the tense they make is read in tense.c). */
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

void lexicon_index(lang_data *L)
{
    const phrase_table *g = &L->grammar;
    for (size_t k = 0; k < g->links.n; k++) {
        gram_masks m = {0, 0};
        uint32_t n = 0; /* its first eight entries, as tagging always read */
        for (uint32_t l = (uint32_t)k + 1; l && n < 8; l = g->links.v[l - 1].next, n++) {
            uint32_t payload = g->links.v[l - 1].payload;
            uint64_t bit = (uint64_t)1 << (payload & ~GRAM_INITIAL);
            if (payload & GRAM_INITIAL)
                m.initial |= bit;
            else
                m.any |= bit;
        }
        VEC_PUSH(L->gram_chain_masks, m);
    }
}

void lexicon_tag_token(vigie_doc *d, size_t i)
{
    const lang_data *L = &d->engine->lang[d->lang];
    token_info *t = &d->tinfo.v[i];
    t->flags |= TF_TAGGED;
    t->verb = lookup_form(d, i);
    uint32_t head;
    uint32_t len = phrase_match_head(&L->grammar, d, i, d->tokens.n, true, &head);
    t->gram_len = (uint8_t)(len > 255 ? 255 : len);
    const gram_masks *m = head ? &L->gram_chain_masks.v[head - 1] : NULL;
    t->gram_mask = m ? m->any | (t->flags & TF_CAP ? m->initial : 0) : 0;
}

void lexicon_tag(vigie_doc *d)
{
    for (size_t i = 0; i < d->tokens.n; i++)
        token_tags(d, i);
}

bool simple_past(const vigie_doc *d, size_t k)
{
    const token_info *ti = &d->tinfo.v[k];
    return strmap_get_hashed(&d->engine->lang[d->lang].clause_forms, tok_key(d, k), ti->key_len, ti->key_hash);
}

/* A word of the language's stopword list (stopwords.txt): "what", "but", "le". */
bool is_function_word(const vigie_doc *d, size_t i)
{
    const strmap *stopwords = &d->engine->lang[d->lang].stopwords;
    return strmap_get_hashed(stopwords, tok_key(d, i), tok_key_len(d, i), d->tinfo.v[i].key_hash) != NULL;
}

/* A past participle, of a loaded verb or of any (participles.txt): "débuté" in "a débuté". */
bool past_participle(const vigie_doc *d, size_t k)
{
    const verb_analysis *va = lazy_verb_lookup(d, k);
    if (va)
        return analysis_has_tag(va, 'K');
    const token_info *ti = &d->tinfo.v[k];
    return strmap_get_hashed(&d->engine->lang[d->lang].participles, ti->lower, ti->lower_len, ti->lower_hash);
}

bool finite_form(const verb_analysis *va)
{
    uint32_t finite = verb_tag_bit('P') | verb_tag_bit('I') | verb_tag_bit('J') | verb_tag_bit('F') |
                      verb_tag_bit('C') | verb_tag_bit('S');
    for (; va && va->lemma != UINT32_MAX; va++)
        if (va->tag_bits & finite)
            return true;
    return false;
}

bool opens_clause(const vigie_doc *d, size_t i, size_t hi)
{
    if (!lazy_gram_is(d, i, hi, G_CLAUSE))
        return false;
    if (!lazy_gram_is(d, i, hi, G_SEQUEL))
        return true;
    /* a verb after a subject of at least one word: "after protesters clashed", "after talks with
     * Moscow ended"; "before the court", "after talks with Moscow", "after meeting Putin" are none */
    for (size_t k = i + 2; k < hi && k < i + 8; k++) {
        if (tok_is(d, k, ",") || tok_is(d, k, ";") || lazy_gram_is(d, k, hi, G_CLAUSE) ||
            lazy_gram_is(d, k, hi, G_RELATIVE))
            return false;
        const token_info *ti = &d->tinfo.v[k];
        if ((ti->flags & TF_CAP) || lazy_gram_is(d, k - 1, hi, G_DETERMINER))
            continue;
        const verb_analysis *va = lazy_verb_lookup(d, k);
        if (va ? finite_form(va) : !token_tags(d, k)->gram_mask && simple_past(d, k))
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
        if (va->tag_bits & verb_tag_bit(tag))
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

size_t sentence_end(const vigie_doc *d, size_t s)
{
    return d->sentences.v[s].first_token + d->sentences.v[s].token_count;
}
