/* Phrase tables: dictionary entries of one or more tokens, matched longest first. The first
 * token's key says how long a phrase can be, so most positions cost one hash lookup. */
#include "internal.h"

#include <string.h>

void phrase_init(phrase_table *t) { memset(t, 0, sizeof *t); }

void phrase_free(phrase_table *t)
{
    strmap_free(&t->first);
    strmap_free(&t->full);
    VEC_FREE(t->links);
}

void phrase_add(phrase_table *t, const char *joined_key, uint32_t ntok, uint32_t payload)
{
    const char *sp = strchr(joined_key, ' ');
    size_t first_len = sp ? (size_t)(sp - joined_key) : strlen(joined_key);
    uint32_t *maxlen = strmap_put(&t->first, joined_key, first_len, 0, NULL);
    if (ntok > *maxlen)
        *maxlen = ntok;
    uint32_t *head = strmap_put(&t->full, joined_key, strlen(joined_key), 0, NULL);
    for (uint32_t l = *head; l; l = t->links.v[l - 1].next)
        if (t->links.v[l - 1].payload == payload)
            return; /* same entry listed twice */
    phrase_link link = {payload, *head};
    VEC_PUSH(t->links, link);
    *head = (uint32_t)t->links.n;
}

static const char *key_of(const vigie_doc *d, size_t i, bool exact, size_t *len)
{
    if (exact) {
        *len = d->tinfo.v[i].lower_len;
        return d->tinfo.v[i].lower;
    }
    *len = tok_key_len(d, i);
    return tok_key(d, i);
}

/* ---- vocabulary ---- */

/* The index of the entry of word (len bytes), created empty if need be. */
static uint32_t vocab_index_of(lang_data *L, const char *word, size_t len)
{
    bool inserted;
    uint32_t idx = *strmap_put(&L->vocab, word, len, (uint32_t)L->vocab_v.n, &inserted);
    if (inserted) {
        vocab_entry none = {{0}, {0}, 0, 0, 0};
        VEC_PUSH(L->vocab_v, none);
    }
    return idx;
}

static vocab_entry *vocab_entry_of(lang_data *L, const char *word)
{
    uint32_t idx = vocab_index_of(L, word, strlen(word)); /* before reading vocab_v.v, which it may move */
    return &L->vocab_v.v[idx];
}

/* Notes the pair of a phrase's first two words (its key holds a space at sp). */
static void vocab_add_pair(lang_data *L, phrase_table *t, const char *key, const char *sp)
{
    const char *next = strchr(sp + 1, ' ');
    uint32_t first = vocab_index_of(L, key, (size_t)(sp - key));
    uint32_t second = vocab_index_of(L, sp + 1, next ? (size_t)(next - sp - 1) : strlen(sp + 1));
    uint32_t bit = phrase_pair_bit(first, second);
    t->pairs[bit / 64] |= 1ull << (bit % 64);
}

static void vocab_add_table(lang_data *L, phrase_table *t, int slot)
{
    t->vocab_slot = (uint8_t)(slot + 1);
    for (size_t s = 0; s < t->first.cap; s++) {
        const char *word = t->first.slots[s].key;
        if (!word)
            continue;
        uint32_t len = t->first.slots[s].val;
        vocab_entry_of(L, word)->first[slot] = (uint16_t)(len > UINT16_MAX ? UINT16_MAX : len);
    }
    for (size_t s = 0; s < t->full.cap; s++) {
        const char *sp = t->full.slots[s].key ? strchr(t->full.slots[s].key, ' ') : NULL;
        if (t->full.slots[s].key && !sp) /* a one-word entry: found through the word's vocabulary entry */
            vocab_entry_of(L, t->full.slots[s].key)->lone[slot] = t->full.slots[s].val;
        if (sp)
            vocab_add_pair(L, t, t->full.slots[s].key, sp);
        while (sp) { /* the phrase's later words */
            const char *next = strchr(sp + 1, ' ');
            size_t n = next ? (size_t)(next - sp - 1) : strlen(sp + 1);
            char word[512];
            if (n < sizeof word) {
                memcpy(word, sp + 1, n);
                word[n] = 0;
                vocab_entry_of(L, word)->inner |= (uint8_t)(1u << slot);
            }
            sp = next;
        }
    }
}

void vocab_build(lang_data *L)
{
    phrase_table *tables[PT_COUNT] = {[PT_GRAMMAR] = &L->grammar, [PT_TIME] = &L->time, [PT_NAMES] = &L->names,
                                      [PT_DEMONYMS] = &L->demonyms, [PT_AGENTS] = &L->agents, [PT_COREF] = &L->coref};
    size_t words = L->verbforms.count + L->noun_triggers.count; /* a bound: the words of every table */
    for (int k = 0; k < PT_COUNT; k++)
        words += tables[k]->first.count + tables[k]->full.count;
    strmap_reserve(&L->vocab, words);
    for (int k = 0; k < PT_COUNT; k++)
        vocab_add_table(L, tables[k], k);
    for (size_t s = 0; s < L->verbforms.cap; s++)
        if (L->verbforms.slots[s].key)
            vocab_entry_of(L, L->verbforms.slots[s].key)->verb = L->verbforms.slots[s].val;
    for (size_t s = 0; s < L->noun_triggers.cap; s++)
        if (L->noun_triggers.slots[s].key)
            vocab_entry_of(L, L->noun_triggers.slots[s].key)->noun = L->noun_triggers.slots[s].val + 1;
    strmap_fit(&L->vocab); /* looked up for every token: no larger than it must be */
}

uint32_t vocab_find(const lang_data *L, const char *word, size_t len, uint32_t hash)
{
    const uint32_t *idx = strmap_get_padded(&L->vocab, word, len, hash);
    return idx ? *idx + 1 : 0;
}

/* Longest phrase of t that can start at token i: one array read through the token's
 * vocabulary entry, or a lookup for a table not in the vocabulary. */
static size_t first_len(const phrase_table *t, const vigie_doc *d, size_t i, bool exact)
{
    if (t->vocab_slot) {
        const vocab_entry *w = phrase_word(d, i, exact);
        return w ? w->first[t->vocab_slot - 1] : 0;
    }
    const token_info *ti = &d->tinfo.v[i];
    size_t k0len;
    const char *k0 = key_of(d, i, exact, &k0len);
    const uint32_t *maxlen = strmap_get_hashed(&t->first, k0, k0len, exact ? ti->lower_hash : ti->key_hash);
    return maxlen ? *maxlen : 0;
}

/* The head of the chain of entries listed under one full key (phrase_table.full), or 0. */
static uint32_t chain_of(const phrase_table *t, const char *key, size_t len, uint32_t hash)
{
    const uint32_t *head = strmap_get_hashed(&t->full, key, len, hash);
    return head ? *head : 0;
}

/* The chain of token i's word alone in a table outside the vocabulary: a lookup of its key. */
__attribute__((noinline)) static uint32_t lookup_word_chain(const phrase_table *t, const vigie_doc *d, size_t i,
                                                            bool exact)
{
    const token_info *ti = &d->tinfo.v[i];
    size_t kl;
    const char *key = key_of(d, i, exact, &kl);
    return chain_of(t, key, kl, exact ? ti->lower_hash : ti->key_hash);
}

/* The chain of token i's word alone: read from its vocabulary entry, which the table's first
 * word was (a lookup in the large full-key table costs a cache miss or two). Inline: most
 * phrase starts are lone words. */
static inline uint32_t word_chain(const phrase_table *t, const vigie_doc *d, size_t i, bool exact)
{
    if (!t->vocab_slot)
        return lookup_word_chain(t, d, i, exact);
    const vocab_entry *w = phrase_word(d, i, exact);
    return w ? w->lone[t->vocab_slot - 1] : 0;
}

/* How many tokens from i could make one phrase of t: up to a token no phrase has after its
 * first word, within `longest` and the key buffer. */
static size_t phrase_reach(const phrase_table *t, const vigie_doc *d, size_t i, bool exact, size_t longest,
                           size_t cap)
{
    size_t total, kl;
    key_of(d, i, exact, &total);
    if (total + 2 >= cap)
        return 0;
    size_t fits = 1;
    for (; fits < longest; fits++) {
        key_of(d, i + fits, exact, &kl);
        if (total + 1 + kl + 2 >= cap || !phrase_may_follow(t, d, i + fits, exact))
            break;
        total += 1 + kl;
    }
    return fits;
}

enum { KEY_CAP = PHRASE_KEY_CAP, MAX_TOKENS = 512 /* more than a key of KEY_CAP bytes can hold */ };

/* The space-joined key of tokens [i, i + fits) is built once; the key of the first len tokens
 * is then a prefix of plen[len] bytes, tried longest first. */
__attribute__((noinline)) /* its large frame is for the few tokens whose next word may go on a phrase */
static uint32_t match_from(const phrase_table *t, const vigie_doc *d, size_t i, bool exact, size_t fits,
                           uint32_t *head)
{
    char buf[KEY_CAP];
    size_t plen[MAX_TOKENS + 1];
    size_t o = 0;
    for (size_t k = 0; k < fits; k++) {
        size_t kl;
        const char *key = key_of(d, i + k, exact, &kl);
        if (k)
            buf[o++] = ' ';
        memcpy(buf + o, key, kl);
        o += kl;
        plen[k + 1] = o;
    }
    for (size_t len = fits; len > 1; len--)
        if ((*head = chain_of(t, buf, plen[len], strmap_hash(buf, plen[len]))))
            return (uint32_t)len;
    *head = word_chain(t, d, i, exact);
    return *head != 0;
}

/* The general match (phrase_match_head answers inline the tokens of a vocabulary table that start
 * no phrase or only their own word's): joined keys only when the next tokens may go on a phrase. */
uint32_t phrase_match_joined(const phrase_table *t, const vigie_doc *d, size_t i, size_t end, bool exact,
                           uint32_t *head)
{
    *head = 0;
    size_t longest = first_len(t, d, i, exact);
    if (!longest)
        return 0;
    if (i + longest > end)
        longest = end - i;
    if (longest > MAX_TOKENS)
        longest = MAX_TOKENS;
    size_t fits = phrase_reach(t, d, i, exact, longest, KEY_CAP);
    if (fits > 1)
        return match_from(t, d, i, exact, fits, head);
    *head = fits ? word_chain(t, d, i, exact) : 0;
    return *head != 0;
}

uint32_t phrase_match_from(const phrase_table *t, const vigie_doc *d, size_t i, size_t end, bool exact,
                           uint32_t *payloads, size_t max, size_t *npayloads)
{
    uint32_t head;
    uint32_t len = phrase_match_head(t, d, i, end, exact, &head);
    *npayloads = 0;
    for (uint32_t l = head; l && *npayloads < max; l = t->links.v[l - 1].next)
        payloads[(*npayloads)++] = t->links.v[l - 1].payload;
    return len;
}
