#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("vigie: out of memory\n", stderr);
        abort();
    }
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) {
        fputs("vigie: out of memory\n", stderr);
        abort();
    }
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("vigie: out of memory\n", stderr);
        abort();
    }
    return p;
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

/* ---- arena ---- */

struct arena_block {
    arena_block *next;
    size_t used, cap;
    max_align_t data[];
};

void *arena_alloc(arena *a, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    arena_block *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > 16384 ? n : 16384;
        b = xmalloc(sizeof *b + cap);
        b->used = 0;
        b->cap = cap;
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *arena_strdup(arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

void arena_free(arena *a)
{
    for (arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    a->head = NULL;
}

size_t copy_bounded(char *out, size_t cap, const char *src)
{
    if (!cap)
        return 0;
    size_t n = strnlen(src, cap - 1);
    memcpy(out, src, n);
    out[n] = 0;
    return n;
}

char *decimal_before(char *end, long long v)
{
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do
        *--end = (char)('0' + u % 10);
    while ((u /= 10));
    if (v < 0)
        *--end = '-';
    return end;
}

/* ---- strmap ---- */

uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h ^ (h >> 29);
}

void strmap_init(strmap *m)
{
    memset(m, 0, sizeof *m);
}

void strmap_free(strmap *m)
{
    free(m->slots);
    arena_free(&m->strings);
    memset(m, 0, sizeof *m);
}

/* Is the stored (NUL-terminated) key k the len bytes of key? Keys are short: compared inline. */
static inline bool key_equals(const char *k, const char *key, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (k[i] != key[i] || !k[i])
            return false; /* a shorter k stops here, at its NUL */
    return k[len] == 0;
}

/* key_equals for a NUL-terminated key with eight readable bytes, as the map's keys have (the
 * arena rounds each up to max_align_t): a short key is compared as one word, without a loop
 * whose exit depends on it. */
_Static_assert(sizeof(max_align_t) >= 8, "arena strings have eight readable bytes");
static inline bool key_equals_padded(const char *k, const char *key, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ /* the key's first byte is the word's low one */
    if (len >= 8)
        return key_equals(k, key, len);
    uint64_t a, b;
    memcpy(&a, k, 8);
    memcpy(&b, key, 8);
    uint64_t mask = len == 7 ? ~0ull : (1ull << (8 * (len + 1))) - 1; /* the bytes and the NUL */
    return !((a ^ b) & mask);
#else
    return key_equals(k, key, len);
#endif
}

static inline size_t strmap_probe(const strmap_entry *slots, size_t cap, uint32_t h, const char *key, size_t len,
                                  bool padded)
{
    size_t i = h & (cap - 1);
    while (slots[i].key && !(slots[i].hash == h && (padded ? key_equals_padded(slots[i].key, key, len)
                                                            : key_equals(slots[i].key, key, len))))
        i = (i + 1) & (cap - 1);
    return i;
}

static size_t strmap_slot(const strmap_entry *slots, size_t cap, uint32_t h, const char *key, size_t len)
{
    return strmap_probe(slots, cap, h, key, len, false);
}

static void strmap_resize(strmap *m, size_t cap)
{
    strmap_entry *slots = xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        size_t j = m->slots[i].hash & (cap - 1);
        while (slots[j].key)
            j = (j + 1) & (cap - 1);
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

static void strmap_grow(strmap *m) { strmap_resize(m, m->cap ? m->cap * 2 : 64); }

/* The smallest table for n keys: at most half full, as strmap_put keeps it. */
static size_t cap_for(size_t n)
{
    size_t cap = 64;
    while ((n + 1) * 2 >= cap)
        cap *= 2;
    return cap;
}

void strmap_reserve(strmap *m, size_t n)
{
    if (cap_for(n) > m->cap)
        strmap_resize(m, cap_for(n));
}

void strmap_fit(strmap *m)
{
    if (m->cap && cap_for(m->count) < m->cap)
        strmap_resize(m, cap_for(m->count));
}

uint32_t *strmap_put(strmap *m, const char *key, size_t len, uint32_t init, bool *inserted)
{
    if ((m->count + 1) * 2 >= m->cap) /* at most half full: short probe runs */
        strmap_grow(m);
    uint32_t h = strmap_hash(key, len);
    size_t i = strmap_slot(m->slots, m->cap, h, key, len);
    strmap_entry *e = &m->slots[i];
    if (inserted)
        *inserted = !e->key;
    if (!e->key) {
        e->key = arena_strndup(&m->strings, key, len);
        e->hash = h;
        e->val = init;
        m->count++;
    }
    return &e->val;
}

/* The byte s[i] at its place in a little-endian number. */
static inline uint64_t byte_le(const char *s, size_t i) { return (uint64_t)(unsigned char)s[i] << (8 * i); }

/* The len (< 8) bytes at s as a little-endian number, the bytes above them NULs. Compilers make
 * each group of byte_le one load. */
static inline uint64_t tail_le(const char *s, size_t len)
{
    uint64_t w = 0;
    size_t i = 0;
    if (len >= 4) {
        w = byte_le(s, 0) | byte_le(s, 1) | byte_le(s, 2) | byte_le(s, 3);
        i = 4;
    }
    if (len - i >= 2) {
        w |= (byte_le(s + i, 0) | byte_le(s + i, 1)) << (8 * i);
        i += 2;
    }
    if (i < len)
        w |= byte_le(s, i);
    return w;
}

uint32_t strmap_hash(const char *key, size_t len)
{
    uint64_t h = HASH_START;
    for (; len >= 8; key += 8, len -= 8)
        h = hash_word(h, load_le64(key));
    if (len) /* the last one to seven bytes in at most three loads, not a loop whose exit depends on the key */
        h = hash_word(h, tail_le(key, len));
    return (uint32_t)h;
}

const uint32_t *strmap_get_hashed(const strmap *m, const char *key, size_t len, uint32_t hash)
{
    if (!m->cap)
        return NULL;
    const strmap_entry *e = &m->slots[strmap_slot(m->slots, m->cap, hash, key, len)];
    return e->key ? &e->val : NULL;
}

const uint32_t *strmap_get_padded(const strmap *m, const char *key, size_t len, uint32_t hash)
{
    if (!m->cap)
        return NULL;
    const strmap_entry *e = &m->slots[strmap_probe(m->slots, m->cap, hash, key, len, true)];
    return e->key ? &e->val : NULL;
}

const uint32_t *strmap_get(const strmap *m, const char *key, size_t len)
{
    return strmap_get_hashed(m, key, len, strmap_hash(key, len));
}

/* ---- files ---- */

char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    /* sized once from the file's length (the large lexicons would be copied as a buffer grows) */
    struct stat st;
    size_t cap = fstat(fileno(f), &st) == 0 && st.st_size > 0 ? (size_t)st.st_size + 2 : 65536, n = 0;
    char *buf = xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

bool map_file(const char *path, mapped_file *m)
{
    memset(m, 0, sizeof *m);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return false;
    struct stat st;
    if (fstat(fd, &st) == 0 && st.st_size > 0) {
#ifdef MAP_POPULATE
        int flags = MAP_PRIVATE | MAP_POPULATE; /* one call maps every page: no fault per page */
#else
        int flags = MAP_PRIVATE;
#endif
        void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, flags, fd, 0);
        if (p != MAP_FAILED) {
            m->map = p;
            m->data = p;
            m->len = (size_t)st.st_size;
            close(fd);
            return true;
        }
    }
    close(fd);
    m->owned = read_file(path, &m->len); /* not a regular file, or no mapping: read it */
    m->data = m->owned;
    return m->owned != NULL;
}

void unmap_file(mapped_file *m)
{
    if (m->map)
        munmap(m->map, m->len);
    free(m->owned);
    memset(m, 0, sizeof *m);
}

bool datafile_open(datafile *f, const char *path)
{
    memset(f, 0, sizeof *f);
    f->path = path;
    f->buf = read_file(path, &f->len);
    return f->buf != NULL;
}

char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        *--e = 0;
    return s;
}

/* Cuts a comment: '#' starts one unless escaped as "\#" (the backslash is removed). */
static void cut_comment(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == '#') {
            *w++ = '#';
            r++;
        } else if (*r == '#') {
            break;
        } else {
            *w++ = *r;
        }
    }
    *w = 0;
}

char *datafile_next(datafile *f)
{
    while (f->pos < f->len) {
        char *line = f->buf + f->pos;
        char *nl = memchr(line, '\n', f->len - f->pos);
        size_t n = nl ? (size_t)(nl - line) : f->len - f->pos;
        line[n] = 0;
        f->pos += n + 1;
        f->lineno++;
        if (memchr(line, '#', n)) { /* no '#', no comment: the large generated files have none */
            cut_comment(line);
            n = strlen(line);
        }
        /* leading TABs can be meaningful to no format: blanks are trimmed on both sides
         * (as trim() does, without measuring the line again) */
        char *t = line, *e = line + n;
        while (*t == ' ' || *t == '\t')
            t++;
        while (e > t && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
            *--e = 0;
        if (*t)
            return t;
    }
    return NULL;
}

void datafile_close(datafile *f)
{
    free(f->buf);
    f->buf = NULL;
}

int split_fields(char *line, char **fields, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        while (*p == '\t')
            p++;
        if (!*p)
            break;
        fields[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = 0;
        p = tab + 1;
    }
    for (int i = 0; i < n; i++)
        fields[i] = trim(fields[i]);
    return n;
}

int split_variants(char *s, char **vars, int max)
{
    int n = 0;
    while (s && n < max) {
        char *bar = strchr(s, '|');
        if (bar)
            *bar = 0;
        char *v = trim(s);
        if (*v)
            vars[n++] = v;
        s = bar ? bar + 1 : NULL;
    }
    return n;
}

/* ---- keys and UTF-8 ---- */

int utf8_decode_multi(const uint8_t *s, size_t n, int32_t *cp)
{
    utf8proc_ssize_t used = utf8proc_iterate(s, (utf8proc_ssize_t)n, cp);
    return used > 0 ? (int)used : -1;
}

/* Keys of U+00C0..U+017F (the accented Latin letters of French and most of Europe), as
 * utf8proc's fold below makes them: looked up, not computed, for the many words that have one. */
const char latin_keys[0x180 - 0xC0][6] = {
    "a", "a", "a", "a", "a", "a", "\xc3\xa6", "c",
    "e", "e", "e", "e", "i", "i", "i", "i",
    "\xc3\xb0", "n", "o", "o", "o", "o", "o", "\xc3\x97",
    "\xc3\xb8", "u", "u", "u", "u", "y", "\xc3\xbe", "ss",
    "a", "a", "a", "a", "a", "a", "\xc3\xa6", "c",
    "e", "e", "e", "e", "i", "i", "i", "i",
    "\xc3\xb0", "n", "o", "o", "o", "o", "o", "\xc3\xb7",
    "\xc3\xb8", "u", "u", "u", "u", "y", "\xc3\xbe", "y",
    "a", "a", "a", "a", "a", "a", "c", "c",
    "c", "c", "c", "c", "c", "c", "d", "d",
    "\xc4\x91", "\xc4\x91", "e", "e", "e", "e", "e", "e",
    "e", "e", "e", "e", "g", "g", "g", "g",
    "g", "g", "g", "g", "h", "h", "\xc4\xa7", "\xc4\xa7",
    "i", "i", "i", "i", "i", "i", "i", "i",
    "i", "\xc4\xb1", "ij", "ij", "j", "j", "k", "k",
    "\xc4\xb8", "l", "l", "l", "l", "l", "l", "l\xc2\xb7",
    "l\xc2\xb7", "\xc5\x82", "\xc5\x82", "n", "n", "n", "n", "n",
    "n", "\xca\xbcn", "\xc5\x8b", "\xc5\x8b", "o", "o", "o", "o",
    "o", "o", "\xc5\x93", "\xc5\x93", "r", "r", "r", "r",
    "r", "r", "s", "s", "s", "s", "s", "s",
    "s", "s", "t", "t", "t", "t", "\xc5\xa7", "\xc5\xa7",
    "u", "u", "u", "u", "u", "u", "u", "u",
    "u", "u", "u", "u", "w", "w", "y", "y",
    "y", "z", "z", "z", "z", "z", "z", "s",
};

/* The key of one code point: decomposed, case-folded, combining marks dropped ("É" -> "e"). */
static size_t key_of_cp(int32_t cp, char *out, size_t o, size_t cap)
{
    if (cp >= 0xC0 && cp < 0x180 && o + 16 < cap) {
        size_t k = strlen(latin_keys[cp - 0xC0]);
        memcpy(out + o, latin_keys[cp - 0xC0], k);
        return o + k;
    }
    utf8proc_int32_t buf[8];
    int last = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char(
        cp, buf, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT, &last);
    if (k < 0 || k > 8) {
        buf[0] = cp;
        k = 1;
    }
    for (utf8proc_ssize_t j = 0; j < k && o + 4 < cap; j++)
        o += (size_t)utf8proc_encode_char(buf[j], (utf8proc_uint8_t *)out + o);
    return o;
}

size_t make_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    size_t i = 0;
    while (i < n && o + 8 < cap) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        int32_t cp;
        int used = utf8_decode((const uint8_t *)s + i, n - i, &cp);
        if (used < 0) {
            i++;
            continue;
        }
        i += (size_t)used;
        o = key_of_cp(cp, out, o, cap);
    }
    out[o] = 0;
    return o;
}

size_t make_lower(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    while (i < n && o + 8 < cap) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        int32_t cp;
        int used = utf8_decode((const uint8_t *)s + i, n - i, &cp);
        if (used < 0) {
            i++;
            continue;
        }
        i += (size_t)used;
        o += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)out + o);
    }
    out[o] = 0;
    return o;
}

bool is_upper_initial(const char *s, size_t n)
{
    int32_t cp;
    if (n == 0 || utf8_decode((const uint8_t *)s, n, &cp) < 0)
        return false;
    return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : utf8proc_isupper(cp);
}

bool is_all_upper(const char *s, size_t n)
{
    size_t i = 0;
    bool letters = false;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* ASCII without the library: most words are */
            if (c >= 'a' && c <= 'z')
                return false;
            letters |= c >= 'A' && c <= 'Z';
            i++;
            continue;
        }
        int32_t cp;
        int used = utf8_decode((const uint8_t *)s + i, n - i, &cp);
        if (used < 0)
            return false;
        if (utf8proc_islower(cp))
            return false;
        if (utf8proc_isupper(cp))
            letters = true;
        i += (size_t)used;
    }
    return letters;
}
