/* Segmentation: tokens (words with their elisions split off, numbers, punctuation) and
 * sentences, on the working text. Abbreviations and elisions come from data/LANG/. */
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

const char *const lang_codes[LANG_COUNT] = {"fr", "en"};

/* ---- character classes ---- */

static inline bool is_ascii_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool is_word_cp(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO);
}

static bool is_space_cp(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           (cp > 0x7f && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS);
}

static int32_t cp_at(const char *s, size_t i, size_t end, int *len)
{
    int32_t cp = -1;
    *len = utf8_decode((const uint8_t *)s + i, end - i, &cp);
    if (*len < 0) {
        *len = 1;
        return -1;
    }
    return cp;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Length of a Latin-1 letter at s[i] (U+00C0..U+00FF but the signs U+00D7 and U+00F7, two bytes
 * C3 80..BF): most accented letters of French text, classed without the Unicode tables. */
static inline int latin1_letter_len(const char *s, size_t i, size_t end)
{
    if ((unsigned char)s[i] != 0xC3 || i + 1 >= end)
        return 0;
    unsigned char c = (unsigned char)s[i + 1];
    return c >= 0x80 && c <= 0xBF && c != 0x97 && c != 0xB7 ? 2 : 0;
}

/* What scan_word met inside a word: push_word looks for elisions only where there may be one. */
enum { SEEN_APOSTROPHE = 1, SEEN_EF = 2 /* lead byte of U+F000..U+FFFF: a fullwidth apostrophe? */ };

/* High bit of each byte of w that is an ASCII letter or digit. */
static inline uint64_t alnum_bytes(uint64_t w)
{
    uint64_t x = w & ~BYTE_HIGH_BITS;       /* 7 bits a byte */
    uint64_t l = x | 0x2020202020202020ull; /* letters lower-cased */
    uint64_t alnum = ascii_bytes_between(l, 'a', 'z') | ascii_bytes_between(x, '0', '9');
    return alnum & ~w; /* not the bytes >= 0x80 */
}

/* End of the run of ASCII letters and digits from i: eight bytes at a time, so that the end of
 * most words is found without a mispredicted branch per word. */
static inline size_t ascii_alnum_run(const char *s, size_t i, size_t end)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (i + 8 <= end) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t stop = ~alnum_bytes(w) & BYTE_HIGH_BITS;
        if (stop)
            return i + bytes_before(stop);
        i += 8;
    }
#endif
    while (i < end && is_ascii_alnum(s[i]))
        i++;
    return i;
}

/* Does the ASCII or lead byte c end a word? Any ASCII byte but a letter, a digit and the joiners
 * scan_word looks at (hyphen, apostrophe, period). */
static inline bool ends_word(char c)
{
    return (unsigned char)c < 0x80 && c != '-' && c != '\'' && c != '.';
}

/* End of a word starting at i: letters and digits, joined by inner hyphens, apostrophes and
 * the periods of dotted abbreviations ("U.S."). */
static size_t scan_word(const char *s, size_t i, size_t end, unsigned *seen)
{
    int len;
    bool dotted = false;
    while (i < end) {
        if (is_ascii_alnum(s[i])) { /* most letters: no decoding */
            i = ascii_alnum_run(s, i + 1, end);
            if (i < end && ends_word(s[i]))
                break; /* most words end at a space or a punctuation mark */
            continue;
        }
        if ((len = latin1_letter_len(s, i, end))) {
            i += (size_t)len;
            continue;
        }
        int32_t cp = cp_at(s, i, end, &len);
        if (is_word_cp(cp)) {
            *seen |= (unsigned char)s[i] == 0xEF ? SEEN_EF : 0;
            i += (size_t)len;
            continue;
        }
        if ((cp == '-' || cp == '\'') && i + 1 < end) {
            int l2;
            if (is_word_cp(cp_at(s, i + 1, end, &l2))) {
                *seen |= cp == '\'' ? SEEN_APOSTROPHE : 0;
                i++;
                continue;
            }
        }
        /* "U.S." / "a.m.": single letters separated by periods; the final period is the word's
         * also at the end of the input, so that a dictionary's "U.N." is keyed as the text's */
        if (cp == '.') {
            size_t start = i; /* of the ASCII letters and digits before it, counted up to two: one matters */
            while (start > 0 && i - start < 2 && is_ascii_alnum(s[start - 1]))
                start--;
            int l2;
            bool single_before = (i - start == 1) && (start == 0 || !is_word_cp(cp_at(s, start - 1, end, &l2)) || dotted || s[start - 1] == '.');
            bool letter_after = i + 1 < end && is_word_cp(cp_at(s, i + 1, end, &l2)) && l2 == 1 &&
                                !is_digit(s[i + 1]) && (i + 2 >= end || s[i + 2] == '.');
            if (single_before && letter_after) {
                dotted = true;
                i++;
                continue;
            }
            if (dotted && single_before) { /* the final period of "U.S." */
                i++;
            }
        }
        break;
    }
    return i;
}

/* End of a number starting at i: digits with inner separators ("10/01/2022", "1.5", "2021-12-30")
 * and an attached suffix ("1er", "10th"). */
static size_t scan_number(const char *s, size_t i, size_t end)
{
    while (i < end) {
        if (is_digit(s[i])) {
            i++;
        } else if ((s[i] == '.' || s[i] == ',' || s[i] == '/' || s[i] == ':' || s[i] == '-') &&
                   i + 1 < end && is_digit(s[i + 1]) && i > 0 && is_digit(s[i - 1])) {
            i++;
        } else {
            break;
        }
    }
    int len;
    size_t j = i;
    while (j < end && is_word_cp(cp_at(s, j, end, &len)) && !is_digit(s[j]) && j - i < 4)
        j += (size_t)len;
    if (j > i && (j >= end || !is_word_cp(cp_at(s, j, end, &len))))
        i = j; /* short alphabetic suffix: 1er, 2e, 10th */
    return i;
}

enum { EL_PREFIX = 1, EL_KEEP = 2, EL_SUFFIX = 3 };

/* Could the key of s hold an apostrophe? Only U+FF07 (fullwidth apostrophe, EF BC 87) folds
 * into one: no other code point's key (make_key) has it. */
static inline bool may_have_apostrophe(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) /* words are short: a loop costs less than calls */
        if (s[i] == '\'' || ((unsigned char)s[i] == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBC &&
                             (unsigned char)s[i + 2] == 0x87))
            return true;
    return false;
}

static uint32_t elision_of(const lang_data *L, const char *s, size_t n)
{
    char key[64];
    if (n >= sizeof key - 8 || (!L->elision_bare && !may_have_apostrophe(s, n)))
        return 0; /* most words: no lookup */
    size_t k = make_key(s, n, key, sizeof key);
    const uint32_t *v = strmap_get(&L->elision, key, k);
    return v ? *v : 0;
}

/* The first ASCII apostrophe of s[i, j), or NULL; *wide tells whether a fullwidth one (EF BC 87)
 * may be there. One pass: words are short, a loop costs less than two calls to memchr. */
static const char *apostrophe_in(const char *s, size_t i, size_t j, bool *wide)
{
    for (size_t k = i; k < j; k++) {
        if (s[k] == '\'')
            return s + k;
        *wide |= (unsigned char)s[k] == 0xEF;
    }
    return NULL;
}

/* Pushes a word, splitting elided prefixes ("l'", "qu'") and clitic suffixes ("'s"). seen: what
 * scan_word met in it, or SEEN_APOSTROPHE when unknown. */
static void push_word(const lang_data *L, const char *s, size_t i, size_t j, uint16_t flags, unsigned seen,
                      raw_tokens *out)
{
    bool wide = seen & SEEN_EF;
    const char *ap = L && (seen & SEEN_APOSTROPHE) ? apostrophe_in(s, i, j, &wide) : NULL;
    if (ap && elision_of(L, s + i, j - i) != EL_KEEP) {
        size_t pre = (size_t)(ap - s) + 1;
        if (pre < j && elision_of(L, s + i, pre - i) == EL_PREFIX) {
            raw_token t = {(uint32_t)i, (uint32_t)pre, (uint16_t)(flags | TF_ELIDED)};
            VEC_PUSH(*out, t);
            push_word(L, s, pre, j, 0, SEEN_APOSTROPHE, out);
            return;
        }
        const char *last = s + j - 1;
        while (last > s + i && *last != '\'')
            last--;
        size_t suf = (size_t)(last - s);
        if (suf > i && elision_of(L, s + suf, j - suf) == EL_SUFFIX) {
            raw_token t = {(uint32_t)i, (uint32_t)suf, flags};
            VEC_PUSH(*out, t);
            raw_token u = {(uint32_t)suf, (uint32_t)j, 0};
            VEC_PUSH(*out, u);
            return;
        }
    }
    /* "d'" standing alone; without an ASCII apostrophe only a fullwidth one (EF BC 87) or a
     * language's bare elisions can make one, and most words have neither */
    bool may_elide = ap || (L && (L->elision_bare || wide));
    if (may_elide && elision_of(L, s + i, j - i) == EL_PREFIX)
        flags |= TF_ELIDED;
    raw_token t = {(uint32_t)i, (uint32_t)j, flags};
    VEC_PUSH(*out, t);
}

/* Can push_word split or mark the word scan_word read (seen)? Not without an apostrophe, but
 * for a language's bare elisions or a fullwidth apostrophe: most words are pushed whole. */
static inline bool may_split(const lang_data *L, unsigned seen)
{
    return (seen & SEEN_APOSTROPHE) || (L && (L->elision_bare || (seen & SEEN_EF)));
}

static size_t key_with(const lang_data *L, const char *s, size_t n, uint16_t flags, char *out, size_t cap,
                       bool exact)
{
    size_t k = exact ? make_lower(s, n, out, cap) : make_key(s, n, out, cap);
    if (L && (flags & TF_ELIDED)) {
        const uint32_t *full = strmap_get(&L->elided_as, out, k);
        if (full)
            k = copy_bounded(out, cap, L->elided_forms.v[*full]);
    }
    return k;
}

size_t token_key(const lang_data *L, const char *s, size_t n, uint16_t flags, char *out, size_t cap)
{
    return key_with(L, s, n, flags, out, cap, false);
}

/* Does a word of ASCII letters and digits s[i, j) end at j, as scan_word would find? At a space
 * or a plain mark, and at a period after two or more of them (only a single letter makes "U.S."). */
static inline bool ascii_word_ends(const char *s, size_t i, size_t j, size_t end)
{
    return j == end || ends_word(s[j]) || (s[j] == '.' && j - i >= 2);
}

/* Pushes the word starting at i, whose bytes before `from` are ASCII letters and digits (read
 * already: scan_word goes on from there); returns its end. */
static size_t push_word_at(const lang_data *L, const char *s, size_t i, size_t from, size_t end, uint16_t pending,
                           raw_tokens *out)
{
    unsigned seen = 0;
    size_t j = scan_word(s, from, end, &seen);
    /* an elided word standing alone ("l' Ukraine" in scraped text, "s'" in data) */
    if (L && j < end && s[j] == '\'' && elision_of(L, s + i, j + 1 - i) == EL_PREFIX) {
        j++;
        seen |= SEEN_APOSTROPHE;
    }
    if (may_split(L, seen)) {
        push_word(L, s, i, j, pending, seen, out);
    } else { /* most words */
        raw_token t = {(uint32_t)i, (uint32_t)j, pending};
        VEC_PUSH(*out, t);
    }
    return j;
}

void tokenize_range(const lang_data *L, const char *s, size_t start, size_t end, raw_tokens *out)
{
    size_t i = start;
    uint16_t pending = 0;
    int newlines = 0;
    bool bare = L && L->elision_bare; /* elisions without an apostrophe: any word may split */
    while (i < end) {
        int len = 1;
        unsigned char b = (unsigned char)s[i];
        size_t j;
        if ((unsigned)((b | 32) - 'a') < 26u) { /* most tokens: ASCII letters, then a space or a mark */
            j = ascii_alnum_run(s, i + 1, end);
            if (bare || !ascii_word_ends(s, i, j, end)) {
                j = push_word_at(L, s, i, j, end, pending, out);
            } else {
                raw_token t = {(uint32_t)i, (uint32_t)j, pending};
                VEC_PUSH(*out, t);
            }
        } else {
            int32_t cp = b < 0x80 ? b : cp_at(s, i, end, &len);
            if (is_space_cp(cp)) {
                pending |= TF_SPACE_BEFORE;
                if (cp == '\n' && ++newlines >= 1)
                    pending |= newlines >= 2 ? TF_PARA_BEFORE | TF_NEWLINE_BEFORE : TF_NEWLINE_BEFORE;
                i += (size_t)len;
                continue;
            }
            if (cp >= '0' && cp <= '9') {
                j = scan_number(s, i, end);
                raw_token t = {(uint32_t)i, (uint32_t)j, pending};
                VEC_PUSH(*out, t);
            } else if (is_word_cp(cp)) {
                j = push_word_at(L, s, i, i, end, pending, out);
            } else {
                j = i + (size_t)len;
                if (cp == '.' && j + 1 < end && s[j] == '.' && s[j + 1] == '.')
                    j += 2; /* ellipsis */
                raw_token t = {(uint32_t)i, (uint32_t)j, pending};
                VEC_PUSH(*out, t);
            }
        }
        newlines = 0;
        pending = 0;
        if (j < end && s[j] == ' ') { /* the usual single space after a token: no turn of the loop */
            pending = TF_SPACE_BEFORE;
            j++;
        }
        i = j;
    }
}

static uint32_t phrase_key_with(const lang_data *L, const char *phrase, char *out, size_t cap, bool exact)
{
    size_t len = strlen(phrase);
    const uint32_t *elision = len < cap ? strmap_get(&L->elision, phrase, len) : NULL;
    if (elision && *elision == EL_SUFFIX) { /* a clitic suffix alone ("'s") is the token a text cuts off */
        memcpy(out, phrase, len + 1);
        return 1;
    }
    raw_tokens toks = {0};
    tokenize_range(L, phrase, 0, len, &toks);
    size_t o = 0;
    uint32_t n = 0;
    for (size_t k = 0; k < toks.n && o + 2 < cap; k++) {
        if (k)
            out[o++] = ' ';
        o += key_with(L, phrase + toks.v[k].start, toks.v[k].end - toks.v[k].start, toks.v[k].flags, out + o, cap - o,
                      exact);
        n++;
    }
    out[o] = 0;
    VEC_FREE(toks);
    return n;
}

uint32_t phrase_key(const lang_data *L, const char *phrase, char *out, size_t cap)
{
    return phrase_key_with(L, phrase, out, cap, false);
}

uint32_t phrase_key_exact(const lang_data *L, const char *phrase, char *out, size_t cap)
{
    return phrase_key_with(L, phrase, out, cap, true);
}

/* ---- language identification: share of each language's function words ---- */

int detect_lang(const vigie_engine *e, const char *s, size_t n)
{
    size_t limit = n < 20000 ? n : 20000;
    long hits[LANG_COUNT] = {0};
    size_t i = 0;
    char key[64];
    while (i < limit) {
        while (i < limit && !((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') && (unsigned char)s[i] < 0x80)
            i++;
        size_t j = i;
        while (j < limit && (((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z') || (unsigned char)s[j] >= 0x80))
            j++;
        if (j > i && j - i < 40) {
            size_t k = make_key(s + i, j - i, key, sizeof key);
            /* function words weigh most; verb forms, month and day names break ties
             * in short texts ("Russia invaded Ukraine on Thursday.") */
            for (int l = 0; l < LANG_COUNT; l++)
                hits[l] += 4 * (strmap_get(&e->lang[l].stopwords, key, k) != NULL) +
                           (strmap_get(&e->lang[l].verbforms, key, k) != NULL) +
                           (strmap_get(&e->lang[l].time.first, key, k) != NULL);
        }
        i = j + (j == i);
    }
    return hits[LANG_EN] > hits[LANG_FR] ? LANG_EN : LANG_FR;
}

/* ---- sentences ---- */

static inline bool is_terminal(const vigie_doc *d, size_t i)
{
    const char *k = tok_key(d, i);
    if (k[0] == '!' || k[0] == '?')
        return !k[1];
    return k[0] == '.' && (!k[1] || (k[1] == '.' && k[2] == '.' && !k[3]));
}

static bool is_closer(const vigie_doc *d, size_t i)
{
    const char *k = tok_key(d, i);
    return !strcmp(k, "\"") || !strcmp(k, ")") || !strcmp(k, "]") || !strcmp(k, "'");
}

/* Does the period at token i end a sentence, given the token before it? */
static bool period_ends(const vigie_doc *d, size_t i, size_t next)
{
    const lang_data *L = &d->engine->lang[d->lang];
    if (strcmp(tok_key(d, i), ".") || i == 0)
        return true;
    const vigie_token *prev = &d->tokens.v[i - 1];
    if (d->tinfo.v[i - 1].end != d->tinfo.v[i].start)
        return true; /* "word ." */
    const token_info *pi = &d->tinfo.v[i - 1];
    const char *ptext = d->work + pi->start;
    size_t pn = pi->end - pi->start;
    if (pn == 1 && is_upper_initial(ptext, pn))
        return false; /* an initial: "J. Smith" */
    const uint32_t *ab = strmap_get(&L->abbrev, prev->key, strlen(prev->key));
    if (!ab)
        return true;
    if (*ab == 2 && next < d->tokens.n && (d->tinfo.v[next].flags & TF_CAP))
        return true; /* "etc." may end a sentence */
    return false;
}

static void push_sentence(vigie_doc *d, size_t first, size_t end)
{
    if (end <= first)
        return;
    vigie_sentence s;
    s.first_token = first;
    s.token_count = end - first;
    s.span.start = d->tokens.v[first].span.start;
    s.span.end = d->tokens.v[end - 1].span.end;
    for (size_t k = first; k < end; k++)
        d->tinfo.v[k].sentence = (uint32_t)d->sentences.n;
    VEC_PUSH(d->sentences, s);
}

static bool starts_lower(const vigie_doc *d, size_t i)
{
    const token_info *t = &d->tinfo.v[i];
    int32_t cp;
    if (utf8_decode((const uint8_t *)d->work + t->start, t->end - t->start, &cp) < 0)
        return false;
    return utf8proc_islower(cp);
}

/* Is a quotation open after the quote mark at token i? Guillemets and curly quotes say which way
 * they face (the working text folds them all to '"'); a straight quote toggles. Facing marks keep
 * one unbalanced mark (scraped text that lost an opener) from gluing a whole paragraph into one
 * sentence. */
static bool quote_open_after(const vigie_doc *d, size_t i, bool open)
{
    const unsigned char *o = (const unsigned char *)d->orig + d->tokens.v[i].span.start;
    size_t n = d->tokens.v[i].span.end - d->tokens.v[i].span.start;
    if (n == 2 && o[0] == 0xC2 && (o[1] == 0xAB || o[1] == 0xBB))
        return o[1] == 0xAB; /* « » */
    if (n == 3 && o[0] == 0xE2 && o[1] == 0x80 && o[2] >= 0x9C && o[2] <= 0x9E)
        return o[2] != 0x9D; /* “ „ open, ” closes */
    return !open;
}

/* A period glued to a capitalised word ("Paris.Quelques", "said.The"): scraped text that lost a
 * paragraph break. It ends the sentence even inside a quotation, whose marks were likely lost too. */
static bool glued_break(const vigie_doc *d, size_t i, size_t next)
{
    return next == i + 1 && next < d->tokens.n && d->tinfo.v[i].end == d->tinfo.v[next].start &&
           (d->tinfo.v[next].flags & TF_CAP) && i > 0 && d->tinfo.v[i - 1].end == d->tinfo.v[i].start &&
           d->tinfo.v[i - 1].end - d->tinfo.v[i - 1].start > 1 && !strcmp(tok_key(d, i), ".");
}

static void split_sentences(vigie_doc *d)
{
    size_t n = d->tokens.n, first = 0;
    bool in_quote = false;
    for (size_t i = 0; i < n; i++) {
        uint16_t fl = d->tinfo.v[i].flags;
        if (!(fl & (TF_PARA_BEFORE | TF_NEWLINE_BEFORE)) && (unsigned char)tok_key(d, i)[0] > '?')
            continue; /* most tokens (words): on no new line, and keyed above the quote mark and . ! ? */
        if (i > first && ((fl & TF_PARA_BEFORE) || ((fl & TF_NEWLINE_BEFORE) && !starts_lower(d, i)))) {
            push_sentence(d, first, i); /* a line of its own: headline, paragraph */
            first = i;
            in_quote = false;
        }
        if (d->tokens.v[i].kind == VIGIE_TOK_QUOTE && !strcmp(tok_key(d, i), "\""))
            in_quote = quote_open_after(d, i, in_quote);
        if (!is_terminal(d, i))
            continue;
        size_t j = i + 1;
        bool open = in_quote; /* after the closers: the loop reads them again when no break is made */
        while (j < n && (is_terminal(d, j) || (is_closer(d, j) && !(d->tinfo.v[j].flags & TF_SPACE_BEFORE)))) {
            if (!strcmp(tok_key(d, j), "\""))
                open = quote_open_after(d, j, open);
            j++;
        }
        /* inside a quotation only its end ('populism was "spreading." Italian') or a glued capital
         * ends the sentence */
        if ((open && !glued_break(d, i, j)) || (j < n && starts_lower(d, j)) || !period_ends(d, i, j))
            continue;
        push_sentence(d, first, j);
        first = j;
        i = j - 1;
        in_quote = false;
    }
    push_sentence(d, first, n);
}

static vigie_token_kind kind_of(const char *s, size_t n)
{
    int32_t cp;
    if (utf8_decode((const uint8_t *)s, n, &cp) < 0)
        return VIGIE_TOK_SYMBOL;
    if (cp >= '0' && cp <= '9')
        return VIGIE_TOK_NUMBER;
    if (is_word_cp(cp))
        return VIGIE_TOK_WORD;
    if (cp == '"' || cp == '\'')
        return VIGIE_TOK_QUOTE;
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO) ? VIGIE_TOK_PUNCT : VIGIE_TOK_SYMBOL;
}

static bool is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

/* Room for n tokens at once: the arrays are large and would be copied as they grow. */
static void reserve_tokens(vigie_doc *d, size_t n)
{
    if (n <= d->tokens.cap)
        return;
    d->tokens.v = xrealloc(d->tokens.v, n * sizeof *d->tokens.v);
    d->tokens.cap = n;
    d->tinfo.v = xrealloc(d->tinfo.v, n * sizeof *d->tinfo.v);
    d->tinfo.cap = n;
}

/* The tokens' vocabulary entries, in a loop of their own: the table is larger than the cache,
 * and lookups a few tokens ahead are fetched while the current one is compared. */
static void find_in_vocabulary(vigie_doc *d, const lang_data *L)
{
    enum { AHEAD = 8 };
    size_t n = d->tokens.n;
    for (size_t k = 0; k < n; k++) {
        if (k + AHEAD < n)
            strmap_prefetch(&L->vocab, d->tinfo.v[k + AHEAD].key_hash);
        token_info *ti = &d->tinfo.v[k];
        ti->vocab_key = vocab_find(L, d->tokens.v[k].key, ti->key_len, ti->key_hash);
        ti->vocab_lower = ti->lower == d->tokens.v[k].key ? ti->vocab_key
                                                          : vocab_find(L, ti->lower, ti->lower_len, ti->lower_hash);
    }
}

void segment_index(vigie_engine *e)
{
    for (int c = 0; c < 0x80; c++)
        e->ascii_kind[c] = (uint8_t)kind_of((const char[]){(char)c}, 1);
}

/* The kind of a token from the table when its first byte is ASCII (most are): no decoding, and
 * no Unicode category for a punctuation mark. */
static inline vigie_token_kind token_kind(const vigie_engine *e, const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    return c < 0x80 ? (vigie_token_kind)e->ascii_kind[c] : kind_of(s, n);
}

/* Is s[i] the lead byte of a Latin-1 letter (U+00C0..U+00FF but the signs U+00D7, U+00F7:
 * C3 80..BF) within n bytes? Most accented letters of French text. */
static inline bool latin1_letter_at(const char *s, size_t i, size_t n)
{
    return latin1_letter_len(s, i, n) == 2;
}

/* Is the Latin-1 letter whose second byte is c upper-case (U+00C0..U+00DE)? Its lower-case
 * form is then 0x20 further, as utf8proc_tolower says. */
static inline bool latin1_upper(unsigned char c) { return c <= 0x9E; }

/* The accented lower-case form of a token of ASCII and Latin-1 letters, hashed, at low. */
static uint32_t latin_lower(const char *s, size_t n, char *low)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC3) { /* the lead byte stays; its letter is lowered below */
            low[i] = (char)c;
            c = (unsigned char)s[++i];
            c += latin1_upper(c) ? 0x20 : 0;
        } else if ((unsigned)(c - 'A') < 26u) {
            c += 32;
        }
        low[i] = (char)c;
    }
    low[n] = 0;
    return strmap_hash(low, n);
}

/* Does a token of ASCII and Latin-1 letters start with a capital? */
static bool latin_capital(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    return c == 0xC3 ? latin1_upper((unsigned char)s[1]) : (unsigned)(c - 'A') < 26u;
}

/* Replaces an elided ASCII key by the full word it stands for ("d'" -> "de") when that is no
 * longer (the room set aside); false when it would be. */
static bool unelide_key(const lang_data *L, char *key, size_t *kn, uint32_t *hash, size_t room)
{
    const uint32_t *full = strmap_get_hashed(&L->elided_as, key, *kn, *hash);
    if (!full)
        return true;
    const char *form = L->elided_forms.v[*full];
    size_t fl = strlen(form);
    if (fl > room)
        return false;
    memcpy(key, form, fl + 1);
    *kn = fl;
    *hash = strmap_hash(key, fl);
    return true;
}

/* The key of a token of one to eight ASCII bytes (most words are) made with word operations,
 * hashed into *hash (strmap_hash's, from the key as one word), its case noted: no loop whose exit
 * depends on the word (a mispredicted branch per token). Reads eight bytes at s (the working
 * text has WORK_TAIL bytes after its end), writes nine at key. False, writing nothing, when a
 * byte is not ASCII. */
static bool short_ascii_key(const char *s, size_t n, char *key, uint32_t *hash, bool *upper, bool *lower,
                            bool *hyphen)
{
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
    (void)s, (void)n, (void)key, (void)hash, (void)upper, (void)lower, (void)hyphen;
    return false; /* the byte loop keys it: the masks below take the text's first byte as the low one */
#endif
    uint64_t w;
    memcpy(&w, s, 8);
    w &= n == 8 ? ~0ull : (1ull << (8 * n)) - 1; /* the bytes after the token read as NULs */
    if (w & BYTE_HIGH_BITS)
        return false;
    uint64_t up = ascii_bytes_between(w, 'A', 'Z');
    uint64_t low = ascii_bytes_between(w, 'a', 'z');
    uint64_t dash = ascii_bytes_between(w, '-', '-');
    uint64_t k = w | up >> 2; /* 0x20 on capitals */
    memcpy(key, &k, 8);
    key[n] = 0;
    *hash = (uint32_t)hash_word(HASH_START, k);
    *upper = up != 0;
    *lower = low != 0;
    *hyphen = dash != 0;
    return true;
}

/* A token of ASCII and Latin-1 letters (most are) in one pass: its key (lower-cased, accents
 * dropped through latin_keys, as make_key does) written at *keys, hashed, its case noted; its
 * lower-case form after it when accents make it differ. *keys is room the document set aside
 * for all its tokens (twice their text: no key or form is longer than the text): no allocation
 * per token. False for other text, elided words with accents and words too long for the key
 * buffer of the general path. Both read t->kind, set before (token_kind). */
static bool latin_token(const lang_data *L, char **keys, const char *s, size_t n, vigie_token *t, token_info *ti)
{
    enum { LONGEST = 200 }; /* below the key buffer of the general path, which truncates */
    if (n > LONGEST)
        return false;
    char *key = *keys;
    uint32_t short_hash = 0;
    bool upper = false, lower = false, latin = false, hyphen = false;
    size_t kn = 0;
    bool short_key = n <= 8 && short_ascii_key(s, n, key, &short_hash, &upper, &lower, &hyphen);
    if (short_key)
        kn = n;
    for (size_t i = kn; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            if (!latin1_letter_at(s, i, n))
                return false; /* the bytes written are left: the next key overwrites them */
            bool up = latin1_upper((unsigned char)s[++i]);
            upper |= up;
            lower |= !up;
            latin = true;
            for (const char *k = latin_keys[(unsigned char)s[i] - 0x80]; *k; k++)
                key[kn++] = *k;
            continue;
        }
        bool up = (unsigned)(c - 'A') < 26u;
        upper |= up;
        lower |= (unsigned)(c - 'a') < 26u;
        hyphen |= c == '-';
        c |= (unsigned char)(up << 5);
        key[kn++] = (char)c;
    }
    key[kn] = 0;
    ti->key_hash = short_key ? short_hash : strmap_hash(key, kn);
    if (ti->flags & TF_ELIDED) {
        if (latin || !unelide_key(L, key, &kn, &ti->key_hash, n))
            return false;
        hyphen = memchr(key, '-', kn) != NULL;
        ti->flags |= memchr(key, ' ', kn) ? TF_SPACED : 0; /* the text has no space: the full word may */
    }
    ti->flags |= hyphen ? TF_HYPHEN : 0;
    t->key = ti->lower = key;
    ti->key_len = ti->lower_len = (uint16_t)kn;
    ti->lower_hash = ti->key_hash;
    *keys += kn + 1;
    if (latin) {
        uint32_t lh = latin_lower(s, n, *keys);
        if (kn != n || memcmp(key, *keys, n)) { /* "é" -> "e"; but "æ" is its own key */
            ti->lower = *keys;
            ti->lower_len = (uint16_t)n;
            ti->lower_hash = lh;
            *keys += n + 1;
        }
    }
    bool word = t->kind == VIGIE_TOK_WORD;
    if (word && latin_capital(s))
        ti->flags |= TF_CAP;
    if (word && n > 1 && upper && !lower)
        ti->flags |= TF_ALLCAPS;
    return true;
}

/* Any other token: its key (folded) and lower-case form (accents kept) may differ. */
static void general_token(vigie_doc *d, const lang_data *L, const char *s, size_t n, vigie_token *t,
                          token_info *ti)
{
    char keybuf[256], lowbuf[256];
    size_t kl = token_key(L, s, n, ti->flags, keybuf, sizeof keybuf);
    /* ASCII is lower-cased alike by both forms: the lower-case form is the key */
    bool ascii = is_ascii(s, n);
    size_t ll = ascii ? kl : key_with(L, s, n, ti->flags, lowbuf, sizeof lowbuf, true);
    t->key = arena_strndup(&d->mem, keybuf, kl);
    ti->flags |= memchr(keybuf, '-', kl) ? TF_HYPHEN : 0;
    ti->flags |= memchr(keybuf, ' ', kl) || (!ascii && memchr(lowbuf, ' ', ll)) ? TF_SPACED : 0;
    ti->key_len = (uint16_t)kl;
    ti->lower_len = (uint16_t)ll;
    bool same = ascii || (ll == kl && !memcmp(lowbuf, keybuf, kl));
    ti->lower = same ? t->key : arena_strndup(&d->mem, lowbuf, ll);
    ti->key_hash = strmap_hash(keybuf, kl);
    ti->lower_hash = same ? ti->key_hash : strmap_hash(lowbuf, ll);
    if (t->kind == VIGIE_TOK_WORD && is_upper_initial(s, n))
        ti->flags |= TF_CAP;
    if (t->kind == VIGIE_TOK_WORD && n > 1 && is_all_upper(s, n))
        ti->flags |= TF_ALLCAPS;
}

void segment_doc(vigie_doc *d)
{
    const lang_data *L = &d->engine->lang[d->lang];
    /* sized for the usual five or more bytes a token: grown by doubling, it was copied a dozen times */
    raw_tokens raw = {xmalloc((d->work_len / 4 + 16) * sizeof *raw.v), 0, d->work_len / 4 + 16};
    tokenize_range(L, d->work, 0, d->work_len, &raw);
    size_t cursor = 0; /* in the offset map */
    reserve_tokens(d, raw.n);
    char *keys = arena_alloc(&d->mem, 2 * (d->work_len + raw.n) + 8); /* see latin_token, short_ascii_key */
    for (size_t k = 0; k < raw.n; k++) {
        const raw_token *r = &raw.v[k];
        const char *s = d->work + r->start;
        size_t n = r->end - r->start;
        vigie_token *t = &d->tokens.v[k];
        token_info *ti = &d->tinfo.v[k];
        t->span.start = text_orig_offset_next(d, &cursor, r->start);
        t->span.end = text_orig_offset_next(d, &cursor, r->end);
        *ti = (token_info){r->start, r->end, r->flags, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, NULL};
        t->kind = token_kind(d->engine, s, n);
        if (!latin_token(L, &keys, s, n, t, ti))
            general_token(d, L, s, n, t, ti);
    }
    d->tokens.n = d->tinfo.n = raw.n;
    VEC_FREE(raw);
    find_in_vocabulary(d, L);
    split_sentences(d);
}
