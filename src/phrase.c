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

static uint32_t match(const phrase_table *t, const vigie_doc *d, size_t i, size_t end, bool exact,
                      uint32_t *payloads, size_t max, size_t *npayloads)
{
    *npayloads = 0;
    size_t k0len;
    const char *k0 = key_of(d, i, exact, &k0len);
    const token_info *ti = &d->tinfo.v[i];
    const uint32_t *maxlen = strmap_get_hashed(&t->first, k0, k0len, exact ? ti->lower_hash : ti->key_hash);
    if (!maxlen)
        return 0;
    size_t longest = *maxlen;
    if (i + longest > end)
        longest = end - i;
    char buf[512];
    for (size_t len = longest; len >= 1; len--) {
        size_t o = 0;
        bool fits = true;
        for (size_t k = 0; k < len; k++) {
            size_t kl;
            const char *key = key_of(d, i + k, exact, &kl);
            if (o + kl + 2 >= sizeof buf) {
                fits = false;
                break;
            }
            if (k)
                buf[o++] = ' ';
            memcpy(buf + o, key, kl);
            o += kl;
        }
        if (!fits)
            continue;
        const uint32_t *head = strmap_get(&t->full, buf, o);
        if (!head)
            continue;
        for (uint32_t l = *head; l && *npayloads < max; l = t->links.v[l - 1].next)
            payloads[(*npayloads)++] = t->links.v[l - 1].payload;
        return (uint32_t)len;
    }
    return 0;
}

uint32_t phrase_match(const phrase_table *t, const vigie_doc *d, size_t i, size_t end, uint32_t *payloads,
                      size_t max, size_t *npayloads)
{
    return match(t, d, i, end, false, payloads, max, npayloads);
}

uint32_t phrase_match_exact(const phrase_table *t, const vigie_doc *d, size_t i, size_t end, uint32_t *payloads,
                            size_t max, size_t *npayloads)
{
    return match(t, d, i, end, true, payloads, max, npayloads);
}
