/* A flat JSON object read without building a tree: the common JSON Lines record is a few
 * string fields, and a general parser spends more on it than the analysis of its text does.
 * Anything else is refused, and the caller hands the line to jansson, which then decides
 * what it is (a refusal is never an error by itself). What is accepted here, jansson accepts
 * with the same values. */
#include "internal.h"

#include <string.h>

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

/* Length of the well-formed UTF-8 sequence at s (Unicode table 3-7), or 0. */
static size_t utf8_wellformed(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!len || len > n)
        return 0;
    unsigned char lo = 0x80, hi = 0xBF; /* the second byte's range */
    if (c == 0xE0)
        lo = 0xA0;
    else if (c == 0xED)
        hi = 0x9F; /* no surrogates */
    else if (c == 0xF0)
        lo = 0x90;
    else if (c == 0xF4)
        hi = 0x8F; /* nothing past U+10FFFF */
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if (s[k] < 0x80 || s[k] > 0xBF)
            return 0;
    return len;
}

static int hex4(const char *p, const char *end)
{
    if (end - p < 4)
        return -1;
    int v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p[k];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

static size_t put_utf8(char *o, long cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A \u escape at p (after the backslash and 'u'), a surrogate pair taken whole; returns the
 * code point, or -1 for what jansson refuses (lone surrogates, U+0000). */
static long unicode_escape(const char **p, const char *end)
{
    long cp = hex4(*p, end);
    if (cp <= 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
        return -1;
    *p += 4;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (end - *p < 6 || (*p)[0] != '\\' || (*p)[1] != 'u')
            return -1;
        long lo = hex4(*p + 2, end);
        if (lo < 0xDC00 || lo > 0xDFFF)
            return -1;
        *p += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    return cp;
}

/* One escape after the backslash at *p, written to *o; false if refused. */
static bool escape(const char **p, const char *end, char **o)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    if (*p >= end)
        return false;
    char c = *(*p)++;
    const char *at = c ? strchr(from, c) : NULL;
    if (at) {
        *(*o)++ = to[at - from];
        return true;
    }
    if (c != 'u')
        return false;
    long cp = unicode_escape(p, end);
    if (cp < 0)
        return false;
    *o += put_utf8(*o, cp);
    return true;
}

/* Bytes a string copies as they are: printable ASCII but the quote (0x22) and the backslash (0x5C). */
#define ROW_1 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const unsigned char plain_byte[256] = {
    [0x20] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20-0x2F: not '"' */
    ROW_1, ROW_1,                                           /* 0x30-0x4F */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,          /* 0x50-0x5F: not '\\' */
    ROW_1, ROW_1,                                           /* 0x60-0x7F */
};
#undef ROW_1

/* A string from just after its opening quote; decoded into *o (NUL-terminated). */
static bool string_at(const char **pp, const char *end, char **o, bool *escaped)
{
    const char *p = *pp;
    *escaped = false;
    while (p < end) {
        const char *run = p; /* plain ASCII is copied a run at a time */
        while (p < end && plain_byte[(unsigned char)*p])
            p++;
        memcpy(*o, run, (size_t)(p - run));
        *o += p - run;
        if (p >= end)
            break;
        unsigned char c = (unsigned char)*p;
        if (c == '"') {
            *(*o)++ = 0;
            *pp = p + 1;
            return true;
        }
        if (c < 0x20)
            return false; /* raw control characters are not JSON */
        if (c == '\\') {
            p++;
            *escaped = true;
            if (!escape(&p, end, o))
                return false;
        } else if (c < 0x80) {
            *(*o)++ = *p++;
        } else {
            size_t len = utf8_wellformed((const unsigned char *)p, (size_t)(end - p));
            if (!len)
                return false;
            memcpy(*o, p, len);
            *o += len;
            p += len;
        }
    }
    return false;
}

static bool literal(const char **p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - *p) < n || memcmp(*p, word, n))
        return false;
    *p += n;
    return true;
}

static bool value_at(const char **p, const char *end, char **o, jsonrec_field *f)
{
    bool escaped;
    f->str = NULL;
    f->len = 0;
    if (*p >= end)
        return false;
    switch (**p) {
    case '"':
        (*p)++;
        f->type = JV_STRING;
        f->str = *o;
        if (!string_at(p, end, o, &escaped))
            return false;
        f->len = (size_t)(*o - f->str) - 1;
        return true;
    case 'n': f->type = JV_NULL; return literal(p, end, "null");
    case 't': f->type = JV_TRUE; return literal(p, end, "true");
    case 'f': f->type = JV_FALSE; return literal(p, end, "false");
    }
    return false; /* numbers, arrays, objects: jansson's */
}

/* A key without escapes, not seen before in this record. */
static bool key_at(const char **p, const char *end, char **o, jsonrec *r, jsonrec_field *f)
{
    bool escaped;
    if (*p >= end || **p != '"')
        return false;
    (*p)++;
    f->key = *o;
    if (!string_at(p, end, o, &escaped) || escaped)
        return false;
    f->key_len = (size_t)(*o - f->key) - 1;
    for (int k = 0; k < r->n; k++)
        if (r->f[k].key_len == f->key_len && !memcmp(r->f[k].key, f->key, f->key_len))
            return false; /* a duplicate: jansson says so */
    return true;
}

bool jsonrec_parse(jsonrec *r, const char *s, size_t n)
{
    if (r->dec_cap < n + 1) {
        r->dec_cap = n + 1 > 2 * r->dec_cap ? n + 1 : 2 * r->dec_cap;
        free(r->dec);
        r->dec = xmalloc(r->dec_cap);
    }
    char *o = r->dec; /* decoded text is never longer than its JSON */
    const char *p = skip_ws(s, s + n), *end = s + n;
    r->n = 0;
    if (p >= end || *p++ != '{')
        return false;
    p = skip_ws(p, end);
    if (p < end && *p == '}') {
        p++;
        return skip_ws(p, end) == end;
    }
    for (;;) {
        if (r->n == JSONREC_MAX)
            return false;
        jsonrec_field *f = &r->f[r->n];
        if (!key_at(&p, end, &o, r, f))
            return false;
        p = skip_ws(p, end);
        if (p >= end || *p++ != ':')
            return false;
        p = skip_ws(p, end);
        if (!value_at(&p, end, &o, f))
            return false;
        r->n++;
        p = skip_ws(p, end);
        if (p >= end)
            return false;
        char c = *p++;
        if (c == '}')
            return skip_ws(p, end) == end;
        if (c != ',')
            return false;
        p = skip_ws(p, end);
    }
}

const jsonrec_field *jsonrec_get(const jsonrec *r, const char *key)
{
    size_t n = strlen(key);
    for (int k = 0; k < r->n; k++)
        if (r->f[k].key_len == n && !memcmp(r->f[k].key, key, n))
            return &r->f[k];
    return NULL;
}

void jsonrec_free(jsonrec *r)
{
    free(r->dec);
    memset(r, 0, sizeof *r);
}
