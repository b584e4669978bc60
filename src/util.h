/* Small containers and helpers shared by every stage: growable arrays, a string arena,
 * a string-keyed hash map, data-file reading and lookup keys. */
#ifndef VIGIE_UTIL_H
#define VIGIE_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Aborts with a message on allocation failure: vigie has no sensible way to go on. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrndup(const char *s, size_t n);
/* Copies src into out (cap bytes), cut short if need be, always terminated; returns the length
 * copied. snprintf("%s") without its cost: keys and tags are copied per token and per form. */
size_t copy_bounded(char *out, size_t cap, const char *src);
/* Writes the decimal digits of v (as printf's %lld) backwards from end, which has 20 bytes before
 * it; returns where they start. printf costs more than the numbers written per document. */
char *decimal_before(char *end, long long v);

/* Growable array of T: struct { T *v; size_t n, cap; }. */
#define VEC(T) struct { T *v; size_t n, cap; }
#define VEC_PUSH(vec, item)                                                                  \
    do {                                                                                     \
        if ((vec).n == (vec).cap) {                                                          \
            (vec).cap = (vec).cap ? (vec).cap * 2 : 16;                                      \
            (vec).v = xrealloc((vec).v, (vec).cap * sizeof *(vec).v);                        \
        }                                                                                    \
        (vec).v[(vec).n++] = (item);                                                         \
    } while (0)
#define VEC_FREE(vec) (free((vec).v), (vec).v = NULL, (vec).n = (vec).cap = 0)

/* Bump allocator for strings and small records that live as long as their owner. */
typedef struct arena_block arena_block;
typedef struct {
    arena_block *head;
} arena;
void *arena_alloc(arena *a, size_t n);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
void arena_free(arena *a);

/* Open-addressing hash map from strings to uint32 values; keys are copied into its arena. */
typedef struct {
    const char *key;  /* NULL: a free slot */
    uint32_t hash;    /* compared before the key: most probes end there */
    uint32_t val;
} strmap_entry;       /* key, hash and value side by side: a probe touches one cache line */
typedef struct {
    strmap_entry *slots; /* cap slots; iterate over those with a key */
    size_t cap, count;
    arena strings;
} strmap;
void strmap_init(strmap *m);
void strmap_free(strmap *m);
/* Room for n keys without growing: a map filled at once is not rehashed on the way. */
void strmap_reserve(strmap *m, size_t n);
/* Shrinks the table to what its keys need, after a reserve larger than they turned out. */
void strmap_fit(strmap *m);
/* Returns a pointer to the value slot for key, inserting `init` if absent. */
uint32_t *strmap_put(strmap *m, const char *key, size_t len, uint32_t init, bool *inserted);
const uint32_t *strmap_get(const strmap *m, const char *key, size_t len);
/* The same with the key's hash already computed (strmap_hash): tokens are looked up in many maps. */
uint32_t strmap_hash(const char *key, size_t len);
const uint32_t *strmap_get_hashed(const strmap *m, const char *key, size_t len, uint32_t hash);
/* The same for a NUL-terminated key with eight readable bytes from its start (a token's key, in
 * an arena): faster for short keys. */
const uint32_t *strmap_get_padded(const strmap *m, const char *key, size_t len, uint32_t hash);
/* A bit number (0..4095) for the first three bytes of s: a filter of three-byte stems. */
static inline unsigned stem3_bit(const char *s)
{
    return ((unsigned char)s[0] * 961u + (unsigned char)s[1] * 31u + (unsigned char)s[2]) & 4095u;
}

/* Starts fetching the slot a later lookup of hash will probe first. */
static inline void strmap_prefetch(const strmap *m, uint32_t hash)
{
    if (m->cap)
        __builtin_prefetch(&m->slots[hash & (m->cap - 1)]);
}
/* FNV-1a of n bytes: a document's fingerprint in the store (kept as it is: stores hold its values). */
uint64_t hash_bytes(const char *s, size_t n);

/* strmap's hash takes a key eight bytes a step, each read as a little-endian number, the last one
 * padded with NULs (keys hold none, so the padding makes no two keys alike): one multiplication
 * a step, where a byte at a time made a chain of eight for most words.
 * strmap_hash(s, n) == (uint32_t)hash_word(...hash_word(HASH_START, word 0)..., last word). */
#define HASH_START 0x9E3779B97F4A7C15ull
static inline uint64_t hash_word(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 32); /* the high half, which every input bit reaches, into the bits a slot uses */
}
/* Eight bytes at s as a little-endian number. */
static inline uint64_t load_le64(const char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

/* Reads a whole file into memory (NUL-terminated). Returns NULL and sets errno on failure. */
char *read_file(const char *path, size_t *len);
/* A whole file, read-only, mapped when it can be (no copy, no page of it written): for large
 * files of which most is skipped. unmap_file releases it. */
typedef struct {
    const char *data;
    size_t len;
    void *map;   /* the mapping, or NULL */
    char *owned; /* the copy read instead, or NULL */
} mapped_file;
bool map_file(const char *path, mapped_file *m);
void unmap_file(mapped_file *m);

/* Data files: iterate over meaningful lines (comments and blank lines skipped, trailing
 * whitespace trimmed). Fields are TAB-separated; see docs/data-formats.md. */
typedef struct {
    char *buf;
    size_t len, pos;
    long lineno;
    const char *path;
} datafile;
bool datafile_open(datafile *f, const char *path);
/* Returns the next line (modifiable, NUL-terminated) or NULL at the end. */
char *datafile_next(datafile *f);
void datafile_close(datafile *f);
/* Splits line in place at TABs (runs of TABs count as one); returns the number of fields. */
int split_fields(char *line, char **fields, int max);
/* Splits s in place at '|' and trims each variant; returns the count. */
int split_variants(char *s, char **vars, int max);
char *trim(char *s);

/* Lookup key of a piece of text: case-folded and stripped of diacritics, typographic
 * apostrophes already folded. Writes at most cap-1 bytes + NUL; returns the length. */
size_t make_key(const char *s, size_t n, char *out, size_t cap);

/* The keys of U+00C0..U+017F, as make_key makes them ("É" -> "e"): for loops that key a
 * token's letters themselves. */
extern const char latin_keys[0x180 - 0xC0][6];

/* Lower-cased text keeping its diacritics (verb forms: "parlé" is not "parle"). */
size_t make_lower(const char *s, size_t n, char *out, size_t cap);

/* UTF-8 helpers. */
int utf8_decode_multi(const uint8_t *s, size_t n, int32_t *cp);
/* Bytes used by the code point at s, or -1 if invalid. Inline for ASCII, most text, and for
 * two-byte sequences, the accented letters of European languages. */
static inline int utf8_decode(const uint8_t *s, size_t n, int32_t *cp)
{
    if (n && s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (n >= 2 && s[0] >= 0xC2 && s[0] <= 0xDF && (s[1] & 0xC0) == 0x80) {
        *cp = (int32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
        return 2;
    }
    return utf8_decode_multi(s, n, cp);
}
bool is_upper_initial(const char *s, size_t n);
bool is_all_upper(const char *s, size_t n);

/* Text eight bytes at a time, read as a little-endian uint64_t (memcpy): the high bit of each
 * byte is its flag. */
#define BYTE_HIGH_BITS 0x8080808080808080ull
/* The bytes of w in lo..hi (1 <= lo <= hi <= 0x7F), for bytes below 0x80: the sums below carry
 * into no other byte. */
static inline uint64_t ascii_bytes_between(uint64_t w, unsigned lo, unsigned hi)
{
    const uint64_t ones = 0x0101010101010101ull;
    return (w + (0x80 - lo) * ones) & ~(w + (0x7F - hi) * ones) & BYTE_HIGH_BITS;
}
/* How many bytes of a word come before the first one flagged in mask (not 0): in text order. */
static inline size_t bytes_before(uint64_t mask)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (size_t)__builtin_ctzll(mask) / 8;
#else
    (void)mask;
    return 0; /* the byte loops go on from the word's first byte */
#endif
}

#endif
