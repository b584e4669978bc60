/* Text: UTF-8 validation, NFC normalisation and folding of typographic characters into a
 * working text, with a map from working offsets back to the original bytes. */
#include "internal.h"

#include <string.h>
#include <utf8proc.h>

/* The bytes >= 0x80 or NUL of an 8-byte word (high bit of each; any above the first NUL may
 * be flagged too, but the first flagged one is one). */
static inline uint64_t stop_bytes(uint64_t w)
{
    return (w | ((w - 0x0101010101010101ull) & ~w)) & BYTE_HIGH_BITS;
}

bool text_validate(const char *s, size_t n, size_t *bad_offset, long *bad_line)
{
    size_t i = 0;
    while (i < n) {
        uint64_t w, stops;
        if (i + 8 <= n && (memcpy(&w, s + i, 8), !(stops = stop_bytes(w)))) {
            i += 8; /* eight ASCII bytes, no NUL: most text */
            continue;
        }
        if (i + 8 <= n)
            i += bytes_before(stops); /* straight to the accent or NUL: no branch per byte */
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c == 0)
                goto bad; /* NUL bytes mean binary data, not text */
            i++;
            continue;
        }
        int32_t cp;
        int used = utf8_decode((const uint8_t *)s + i, n - i, &cp);
        if (used < 0)
            goto bad;
        i += (size_t)used;
    }
    return true;
bad: /* lines are counted only to say where */
    *bad_offset = i;
    *bad_line = 1;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + i - p))); p++)
        ++*bad_line;
    return false;
}

static const char *fold_lookup(const vigie_engine *e, int32_t cp)
{
    size_t lo = 0, hi = e->fold_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (e->folds[mid].cp < cp)
            lo = mid + 1;
        else if (e->folds[mid].cp > cp)
            hi = mid;
        else
            return e->folds[mid].with;
    }
    return NULL;
}

typedef struct {
    char *out;
    size_t n, cap;
} outbuf;

static void out_put(outbuf *o, const char *s, size_t n)
{
    if (o->n + n + WORK_TAIL > o->cap) {
        while (o->n + n + WORK_TAIL > o->cap)
            o->cap *= 2;
        o->out = xrealloc(o->out, o->cap);
    }
    memcpy(o->out + o->n, s, n);
    o->n += n;
}

/* Records that from working offset `work` on, original = work + delta. */
static void note_delta(vigie_doc *d, size_t work, size_t orig)
{
    int64_t delta = (int64_t)orig - (int64_t)work;
    int64_t last = d->offmap.n ? d->offmap.v[d->offmap.n - 1].delta : 0;
    if (delta == last)
        return;
    offset_point p = {(uint32_t)work, delta};
    if (d->offmap.n && d->offmap.v[d->offmap.n - 1].work == work)
        d->offmap.v[d->offmap.n - 1] = p;
    else
        VEC_PUSH(d->offmap, p);
}

/* Normalises one cluster (a code point and its combining marks) to NFC. Output bytes that
 * differ from the input are mapped to the cluster's start. */
static void put_cluster(vigie_doc *d, outbuf *o, const char *s, size_t start, size_t end)
{
    utf8proc_int32_t buf[64];
    utf8proc_ssize_t k = utf8proc_decompose((const utf8proc_uint8_t *)s + start,
                                            (utf8proc_ssize_t)(end - start), buf, 64,
                                            UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (k < 0 || k > 64) { /* overlong cluster: keep as is rather than guess */
        note_delta(d, o->n, start);
        out_put(o, s + start, end - start);
        return;
    }
    k = utf8proc_normalize_utf32(buf, k, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    char enc[256];
    size_t n = 0;
    for (utf8proc_ssize_t j = 0; j < k && n + 4 < sizeof enc; j++)
        n += (size_t)utf8proc_encode_char(buf[j], (utf8proc_uint8_t *)enc + n);
    note_delta(d, o->n, start);
    out_put(o, enc, n);
    if (n != end - start)
        note_delta(d, o->n, end);
}

/* Is the two-byte character at s[i] kept as it is: U+0080..U+02FF (NFC, and ending its cluster
 * before ASCII or the end), with no fold rule? Most accented letters: no decoding, no lookup. */
static inline bool kept_2byte(const vigie_engine *e, const char *s, size_t i, size_t n)
{
    unsigned char lead = (unsigned char)s[i];
    if (lead < 0xC2 || lead > 0xCB || i + 1 >= n || ((unsigned char)s[i + 1] & 0xC0) != 0x80 ||
        (i + 2 < n && (unsigned char)s[i + 2] >= 0x80))
        return false;
    unsigned cp = (lead & 0x1Fu) << 6 | ((unsigned char)s[i + 1] & 0x3Fu);
    return !(e->folded_2byte[cp / 64] & (1ull << (cp % 64)));
}

/* End of the run from i of text kept as it is: ASCII (eight bytes at a time) and kept_2byte. */
static size_t kept_run(const vigie_engine *e, const char *s, size_t i, size_t n)
{
    while (i < n) {
        uint64_t w, high;
        if (i + 8 <= n && (memcpy(&w, s + i, 8), !(high = w & BYTE_HIGH_BITS)))
            i += 8;
        else if (i + 8 <= n && bytes_before(high))
            i += bytes_before(high);
        else if ((unsigned char)s[i] < 0x80)
            i++;
        else if (kept_2byte(e, s, i, n))
            i += 2;
        else
            break;
    }
    return i;
}

void text_normalize(vigie_doc *d)
{
    const vigie_engine *e = d->engine;
    const char *s = d->orig;
    size_t n = d->orig_len;
    outbuf o = {xmalloc(n + 16), 0, n + 16};
    size_t i = 0;
    while (i < n) {
        size_t j = kept_run(e, s, i, n);
        if (j > i) { /* ASCII and letters kept as they are: copy the whole run */
            note_delta(d, o.n, i);
            out_put(&o, s + i, j - i);
            i = j;
            continue;
        }
        int32_t cp;
        int used = utf8_decode((const uint8_t *)s + i, n - i, &cp);
        if (used < 0) { /* validated before; never here, but stay safe */
            i++;
            continue;
        }
        const char *with = fold_lookup(e, cp);
        if (with) {
            note_delta(d, o.n, i);
            out_put(&o, with, strlen(with));
            i += (size_t)used;
            note_delta(d, o.n, i);
            continue;
        }
        size_t end = i + (size_t)used;
        if (cp < 0x300 && (end == n || (unsigned char)s[end] < 0x80)) {
            /* U+0080..U+02FF are NFC and end their cluster before ASCII: kept as they are */
            note_delta(d, o.n, i);
            out_put(&o, s + i, (size_t)used);
            i = end;
            continue;
        }
        /* NFC never composes across a grapheme boundary: normalise one cluster at a time */
        int32_t prev = cp, state = 0;
        while (end < n) {
            int32_t next;
            int u = utf8_decode((const uint8_t *)s + end, n - end, &next);
            if (u < 0 || utf8proc_grapheme_break_stateful(prev, next, &state))
                break;
            end += (size_t)u;
            prev = next;
        }
        put_cluster(d, &o, s, i, end);
        i = end;
    }
    note_delta(d, o.n, n);
    memset(o.out + o.n, 0, WORK_TAIL);
    d->work = o.out;
    d->work_len = o.n;
}

/* The original offset given lo, the number of change points at or before work. */
static uint32_t orig_at(const vigie_doc *d, size_t lo, uint32_t work)
{
    int64_t delta = lo ? d->offmap.v[lo - 1].delta : 0;
    int64_t o = (int64_t)work + delta;
    if (o < 0)
        o = 0;
    if ((uint64_t)o > d->orig_len)
        o = (int64_t)d->orig_len;
    return (uint32_t)o;
}

uint32_t text_orig_offset(const vigie_doc *d, uint32_t work)
{
    size_t lo = 0, hi = d->offmap.n;
    while (lo < hi) { /* last point with .work <= work */
        size_t mid = (lo + hi) / 2;
        if (d->offmap.v[mid].work <= work)
            lo = mid + 1;
        else
            hi = mid;
    }
    return orig_at(d, lo, work);
}

vigie_span work_span_to_orig(const vigie_doc *d, uint32_t ws, uint32_t we)
{
    /* Replaced clusters get a change point at both ends, so both ends map exactly. */
    vigie_span s = {text_orig_offset(d, ws), text_orig_offset(d, we)};
    return s;
}
