/* Time: temporal expressions recognised from the language's temporal lexicon
 * (data/LANG/time.txt) and normalised to TIMEX3 values against the publication date. */
#include "internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the lexicon says of token i: the longest phrase starting there and its entries. */
typedef struct {
    uint32_t len;
    uint32_t classes; /* 1 << time_class of its entries (the first TIME_HIT_ENTRIES) */
    uint32_t head;    /* its chain of entries in the time table's links (0: none) */
} time_hit;

/* The recognisers ask about the same tokens many times: each token's lexicon entries are
 * looked up once per document (phrases do not cross sentence ends). */
typedef struct {
    time_hit *hits;
    size_t n;
} time_cache;

/* Fills *h for token i. Always inline: the cache asks it of every token. */
__attribute__((always_inline)) static inline const time_hit *lex_lookup(const vigie_doc *d, size_t i, size_t end,
                                                                        time_hit *h)
{
    const lang_data *L = &d->engine->lang[d->lang];
    h->len = phrase_match_head(&L->time, d, i, end, false, &h->head);
    h->classes = h->head ? L->time_chain_classes.v[h->head - 1] : 0;
    return h;
}

/* lex_lookup out of line, for the few hits the cache cannot give. */
__attribute__((noinline)) static const time_hit *lex_lookup_fresh(const vigie_doc *d, size_t i, size_t end,
                                                                  time_hit *h)
{
    return lex_lookup(d, i, end, h);
}

/* The entries at token i: the cached ones (no copy: the recognisers ask often), or a fresh
 * lookup into *fresh when the cached phrase runs past `end`. */
static const time_hit *lex_at(const vigie_doc *d, size_t i, size_t end, time_hit *fresh)
{
    static const time_hit none = {0, 0, 0};
    if (i >= end)
        return &none;
    const time_cache *cache = d->stage_scratch;
    if (cache && i < cache->n && cache->hits[i].len <= end - i)
        return &cache->hits[i];
    return lex_lookup_fresh(d, i, end, fresh);
}

static const time_entry *hit_class(const vigie_doc *d, const time_hit *h, enum time_class c)
{
    const lang_data *L = &d->engine->lang[d->lang];
    uint32_t n = 0;
    for (uint32_t l = h->head; l && n < TIME_HIT_ENTRIES; l = L->time.links.v[l - 1].next, n++) {
        const time_entry *e = &L->time_entries.v[L->time.links.v[l - 1].payload];
        if (e->cls == c)
            return e;
    }
    return NULL;
}

static const time_entry *lex_class(const vigie_doc *d, size_t i, size_t end, enum time_class c, uint32_t *len);

/* Is the entry's tag (the text after its number, or its text) this one? */
static bool tagged(const time_entry *e, const char *tag)
{
    return e && e->text && !strcmp(e->text, tag);
}

/* In English, a month or weekday right after a capitalised word the time lexicon does not know
 * is part of a name ("Theresa May", "Good Friday"); "In May", "Last May", "On Friday" are dates,
 * and so are they after a function word opening the sentence ("As Saturday wore on", "But
 * Tuesday's news"). */
static bool inside_name(const vigie_doc *d, size_t i, size_t end, bool also_name)
{
    if (d->lang != LANG_EN || i == 0 || !(d->tinfo.v[i - 1].flags & TF_CAP) ||
        d->tokens.v[i - 1].kind != VIGIE_TOK_WORD)
        return false;
    if (d->sentences.v[d->tinfo.v[i - 1].sentence].first_token == i - 1) {
        if (token_tags(d, i - 1)->gram_mask || lazy_verb_lookup(d, i - 1) || is_function_word(d, i - 1))
            return false;
    }
    /* a day number after it makes a date ("invaded Ukraine Feb. 24", "Ukraine March 1"), not after a
     * word that is also a name ("Jonny May 8", a player's mark) */
    size_t next = i + 1 < end && tok_is(d, i + 1, ".") ? i + 2 : i + 1;
    if (!also_name && next < end && d->tokens.v[next].kind == VIGIE_TOK_NUMBER)
        return false;
    /* a name right after a verb is its object, the weekday after it a date ("attacked Kyiv Monday");
     * after a determiner or a preposition it opens the name ("the Black Monday crash", "on Super Tuesday") */
    if (i >= 2 && d->tokens.v[i - 2].kind == VIGIE_TOK_WORD && !(d->tinfo.v[i - 2].flags & TF_CAP) &&
        (lazy_verb_lookup(d, i - 2) || simple_past(d, i - 2)))
        return false;
    time_hit buf; /* a holiday's first word is a name's too: "the Good Friday Agreement" */
    return (lex_at(d, i - 1, end, &buf)->classes & ~(1u << TC_HOLIDAY)) == 0;
}

/* lex_class once the hit h at token i has an entry of class c. */
__attribute__((noinline)) static const time_entry *lex_class_in(const vigie_doc *d, size_t i, size_t end,
                                                               enum time_class c, const time_hit *h, uint32_t *len)
{
    const time_entry *e = hit_class(d, h, c);
    if (e && c == TC_MONTH && d->lang == LANG_EN && !(d->tinfo.v[i].flags & TF_CAP))
        return NULL; /* "may", "march" are verbs */
    if (e && (c == TC_MONTH || c == TC_WEEKDAY) && inside_name(d, i, end, tagged(e, "NAME")))
        return NULL;
    if (e && len)
        *len = h->len;
    return e;
}

/* A lexicon entry of class c at token i; *len gets its length. English month names must be
 * capitalised. Inline: the recognisers ask often, and most tokens they ask of have no such entry. */
static inline const time_entry *lex_class(const vigie_doc *d, size_t i, size_t end, enum time_class c, uint32_t *len)
{
    time_hit fresh;
    const time_hit *h = lex_at(d, i, end, &fresh);
    return h->classes & (1u << c) ? lex_class_in(d, i, end, c, h, len) : NULL;
}

/* The entry of class c listed for one word given as a key (a piece of a token). */
static const time_entry *key_class(const vigie_doc *d, const char *key, size_t n, enum time_class c)
{
    const lang_data *L = &d->engine->lang[d->lang];
    const uint32_t *p = n ? strmap_get(&L->time.full, key, n) : NULL;
    for (uint32_t l = p ? *p : 0; l; l = L->time.links.v[l - 1].next)
        if (L->time_entries.v[L->time.links.v[l - 1].payload].cls == c)
            return &L->time_entries.v[L->time.links.v[l - 1].payload];
    return NULL;
}

/* The phrase ends before token j: a closing mark or the sentence's end ("en 2014.", "de 2020,"). */
static bool phrase_ends(const vigie_doc *d, size_t j, size_t end)
{
    if (j >= end)
        return true;
    const char *k = tok_key(d, j);
    return d->tokens.v[j].kind == VIGIE_TOK_PUNCT && k[0] && strchr(",.;:)!?", k[0]) && !k[1];
}

/* The leading digits of a token and where its suffix starts ("1990s", "6pm"): -1 when none. */
static int lead_digits(const char *k, int max_digits, const char **rest)
{
    int v = 0, n = 0;
    while (k[n] >= '0' && k[n] <= '9') {
        if (n >= max_digits)
            return -1;
        v = v * 10 + (k[n] - '0');
        n++;
    }
    *rest = k + n;
    return n ? v : -1;
}

static int number_value(const vigie_doc *d, size_t i, int max_digits)
{
    if (i >= d->tokens.n || d->tokens.v[i].kind != VIGIE_TOK_NUMBER)
        return -1;
    const char *rest;
    return lead_digits(tok_key(d, i), max_digits, &rest);
}

/* A compound number word the lexicon does not list: "quarante-deux", "soixante-dix-sept",
 * "forty-two" = a listed round ten (20, 30... 90) and a listed number below 20. */
static int compound_number(const vigie_doc *d, const char *k)
{
    for (const char *dash = strrchr(k, '-'); dash && dash > k; dash--) {
        if (*dash != '-')
            continue;
        const char *tail = dash + 1;
        if (!strncmp(tail, "et-", 3))
            tail += 3; /* "quarante-et-un" */
        const time_entry *h = key_class(d, k, (size_t)(dash - k), TC_NUMBER);
        const time_entry *u = key_class(d, tail, strlen(tail), TC_NUMBER);
        if (h && u && !h->text && !u->text && h->num >= 20 && h->num < 100 && h->num % 10 == 0 && u->num >= 1 &&
            u->num < 20)
            return h->num + u->num;
    }
    return -1;
}

/* A day of month: "10", "1er", "1st", or an ordinal word. */
static int day_value(const vigie_doc *d, size_t i, size_t end, uint32_t *len)
{
    *len = 1;
    int v = number_value(d, i, 2);
    if (v >= 1 && v <= 31)
        return v;
    const time_entry *o = lex_class(d, i, end, TC_ORDINAL, len);
    return o && o->num >= 1 && o->num <= 31 ? o->num : -1;
}

static int year_value(const vigie_doc *d, size_t i)
{
    const char *k = i < d->tokens.n ? tok_key(d, i) : "";
    if (strlen(k) != 4)
        return -1;
    int v = number_value(d, i, 4);
    return v >= 1000 && v <= 2999 ? v : -1;
}

/* The year right after a month (*len tokens): four digits, or two, maybe elided ("octobre 98", "le
 * 10 novembre 93", "May '68"), read in the century that puts it at most ten years after
 * publication, when no word of a count follows ("le 10 novembre 93 personnes", "en mars 20 ans
 * après" are no years; "May '68 revolution" is one). */
static int year_after_month(const vigie_doc *d, size_t i, size_t end, size_t *len)
{
    int year = year_value(d, i);
    *len = 1;
    bool elided = (tok_is(d, i, "'") || tok_is(d, i, "’")) && i + 1 < end; /* "May '68" */
    if (elided)
        i++;
    if (year > 0 || i >= end || d->tokens.v[i].kind != VIGIE_TOK_NUMBER || tok_key_len(d, i) != 2)
        return year;
    int yy = number_value(d, i, 2);
    if (yy < 0)
        return -1;
    if (!elided && i + 1 < end && d->tokens.v[i + 1].kind == VIGIE_TOK_WORD &&
        (tok_key_len(d, i + 1) > 3 || lex_class(d, i + 1, end, TC_UNIT, NULL)))
        return -1;
    *len = elided ? 2 : 1;
    int ref = d->published.gran >= VIGIE_GRAN_YEAR ? d->published.year : 2000;
    int full = ref / 100 * 100 + yy;
    return full > ref + 10 ? full - 100 : full;
}

#define COUNT_UNKNOWN (-2) /* "quelques", "several": TIMEX3 "X" */
#define COUNT_ARTICLE (-3) /* "a", "an": one, only before a unit and "ago" or an offset */

static int count_value(const vigie_doc *d, size_t i, size_t end, uint32_t *len)
{
    *len = 1;
    const char *rest = "";
    int v = i < d->tokens.n && d->tokens.v[i].kind == VIGIE_TOK_NUMBER ? lead_digits(tok_key(d, i), 4, &rest) : -1;
    if (v >= 0 && *rest)
        return -1; /* "1.5", "10,000", an ordinal "11th": no count of units ("the 11th hour") */
    if (v >= 0)
        return v;
    const time_entry *e = lex_class(d, i, end, TC_NUMBER, len);
    if (e)
        return tagged(e, "X") ? COUNT_UNKNOWN : tagged(e, "ART") ? COUNT_ARTICLE : e->num;
    *len = 1;
    bool before_unit = i + 1 < end && lex_class(d, i + 1, end, TC_UNIT, NULL);
    return before_unit && strchr(tok_key(d, i), '-') ? compound_number(d, tok_key(d, i)) : -1;
}

/* Is the unit code one of the clock's, hours or minutes ("H", "MI")? */
static bool clock_unit(const char *u)
{
    return !strcmp(u, "H") || !strcmp(u, "MI");
}

/* The TIMEX3 value of n units (COUNT_UNKNOWN: "X"): "P2W", "PXD", "PT3H", "PT5M". Written by
 * hand: every duration found is formatted, and snprintf cost more than finding it. */
static void duration_value(char *buf, size_t cap, int n, const char *u)
{
    char count[24];
    count[sizeof count - 1] = 0;
    const char *c = n == COUNT_UNKNOWN ? "X" : decimal_before(count + sizeof count - 1, n);
    size_t o = copy_bounded(buf, cap, clock_unit(u) ? "PT" : "P");
    o += copy_bounded(buf + o, cap - o, c);
    copy_bounded(buf + o, cap - o, !strcmp(u, "MI") ? "M" : u);
}

/* ---- resolution against the publication date ---- */

/* The year that puts month m closest to the reference: a January in a December article is
 * next January, a December in a January article is last December. */
static int nearest_year(vigie_date ref, int m)
{
    if (ref.gran < VIGIE_GRAN_MONTH)
        return ref.year;
    int diff = m - ref.month;
    if (diff > 6)
        return ref.year - 1;
    if (diff < -6)
        return ref.year + 1;
    return ref.year;
}

/* The year of month m told in a given direction: past (-1) is the latest m not after the reference
 * month, future (+1) the first not before it; strict (an explicit "juin dernier", "next June")
 * excludes the reference month itself. Without a direction, the nearest. */
static int year_for_month(vigie_date ref, int m, int direction, bool strict)
{
    if (ref.gran < VIGIE_GRAN_MONTH || direction == 0)
        return nearest_year(ref, m);
    if (direction < 0)
        return m > ref.month || (strict && m == ref.month) ? ref.year - 1 : ref.year;
    return m < ref.month || (strict && m == ref.month) ? ref.year + 1 : ref.year;
}

/* The direction the expression's own clause gives: a past participle right before it ("publiés
 * jeudi", "lancée le 24 février"; "prévu mercredi" plans), else the verb group before it in its
 * clause. *found: whether either was there. */
static int clause_direction(vigie_doc *d, size_t at, size_t lo, size_t hi, bool *found)
{
    if (at > lo + 1 && tagged(lex_class(d, at - 1, hi, TC_LINK, NULL), "OF") && lex_class(d, at - 2, hi, TC_DAYPART, NULL))
        at -= at > lo + 2 && lex_class(d, at - 3, hi, TC_DET, NULL) ? 3 : 2; /* "(the) night of 4 April" */
    *found = false;
    /* after a determiner it is a noun: "faire le point jeudi", "un fait divers" */
    bool participle = at > lo && past_participle(d, at - 1) && !lazy_gram_is(d, at - 1, hi, G_PLANNED) &&
                      !(at - 1 > lo && lazy_gram_is(d, at - 2, hi, G_DETERMINER));
    if (participle && !(at - 1 > lo && lazy_verb_lookup(d, at - 2))) {
        *found = true;
        return -1;
    }
    if (at > lo && tagged(lex_class(d, at - 1, hi, TC_LINK, NULL), "OF")) /* "l'émission de jeudi" */
        return 0;
    return clause_tense(d, at, lo, hi, found);
}

/* An expression with a possessive opening its clause ("and Sunday's summit will", "that Monday's
 * vote was") heads the clause's subject: the verb after it, not the clause before, says its tense. */
static bool possessive_subject(vigie_doc *d, size_t at, size_t lo, size_t hi)
{
    if (at + 1 >= hi || !tok_is(d, at + 1, "'s"))
        return false;
    /* not after a word that is also a preposition: "a poll taken after Saturday's protests" */
    return at == lo || tok_is(d, at - 1, ",") || lazy_gram_is(d, at - 1, hi, G_COORD) ||
           lazy_gram_is(d, at - 1, hi, G_RELATIVE);
}

/* Past (-1), future (+1) or unknown (0) for the expression at token at: a past participle right
 * before it ("publiés jeudi", "annoncé lundi") is past, unless an auxiliary carries it; then the
 * verb group before it in its clause, where a present tense announces ("takes office on Sunday");
 * else, past a comma, a planned marker, the first verb after a fronted expression, or the nearest
 * verb's tense. */
static int tense_direction(vigie_doc *d, size_t at, size_t lo, size_t hi, bool weekday)
{
    if (possessive_subject(d, at, lo, hi)) { /* "and that Sunday's summit will rubber-stamp it" */
        char tense = tense_after(d, at + 2, hi); /* past the "'s" */
        if (tense)
            return tense == 'F' || tense == 'C' ? +1 : tense == 'P' ? -1 : weekday ? +1 : 0;
    }
    bool found;
    int direction = clause_direction(d, at, lo, hi, &found);
    if (found)
        return direction != TENSE_PRESENT ? direction : weekday ? +1 : 0;
    if (at > lo && future_marker_before(d, at - 1, lo, hi))
        return +1; /* past a comma: "doit préciser, lundi, à Strasbourg" */
    char tense = fronted(d, at, lo, hi) ? tense_after(d, at, hi) : 0; /* "Mardi, le général a reconnu" */
    if (!tense || tense == 'N') /* a present may be an auxiliary whose participle lies further ("ont par ailleurs annoncé") */
        tense = tense_near(d, at, lo, hi);
    return tense == 'F' || tense == 'C' ? +1 : tense == 'P' ? -1 : 0;
}

/* For a day and month without a year, only a past tense of the expression's own clause counts (a
 * verb near it in another clause must not move the date by a year), and not for the end of a span
 * ("postponed until May 22nd", "prévus jusqu'au 1er avril" end after what started them). */
static int months_after(vigie_date ref, int y, int m);

/* Does an `UNTIL` link ("jusqu'au", "until") end right before token at: the end of a span? */
static bool until_before(const vigie_doc *d, size_t at, size_t lo, size_t hi)
{
    for (size_t k = at > lo + 2 ? at - 2 : lo; k < at; k++) {
        uint32_t len = 0;
        const time_entry *link = lex_class(d, k, hi, TC_LINK, &len);
        if (link && k + len == at && tagged(link, "UNTIL"))
            return true;
    }
    return false;
}

static int day_month_direction(vigie_doc *d, size_t at, size_t lo, size_t hi, int day, int month)
{
    for (size_t k = at > lo + 3 ? at - 3 : lo; k < at; k++)
        if (tok_is(d, k, "("))
            return 0; /* in parentheses it dates the noun before: "l'Euro cet été (6 au 31 juillet)" */
    if (until_before(d, at, lo, hi))
        return 0;
    bool found;
    int direction = clause_direction(d, at, lo, hi, &found);
    if (!found && tense_after(d, at, hi) == 'P') /* fronted: "Le 24 février, la Russie a lancé son invasion" */
        return -1;
    if (direction < 0 && found)
        return -1;
    /* news tell the past far more than the future: a date twelve weeks or more ahead in its nearest
     * reading is the past one unless a future says otherwise ("depuis le début de l'invasion, le 24
     * février" in November; "les élections du 10 avril auront lieu" in December, "The vote is on May
     * 3" in mid-February stay ahead); from a publication month alone, four months */
    vigie_date ref = d->published;
    int y = nearest_year(ref, month);
    bool far = ref.gran >= VIGIE_GRAN_DAY
                   ? days_from_civil(y, month, day) - days_from_civil(ref.year, ref.month, ref.day) >= 84
                   : ref.gran == VIGIE_GRAN_MONTH && months_after(ref, y, month) >= 4;
    if (!far)
        return 0;
    return tense_direction(d, at, lo, hi, false) > 0 ? 0 : -1;
}

static void set_value(vigie_doc *d, timex_info *t, const char *value)
{
    t->pub.value = arena_strdup(&d->mem, value);
}

static void value_of_date(vigie_doc *d, timex_info *t, vigie_date v)
{
    char buf[16];
    t->date = v;
    set_value(d, t, vigie_date_format(v, buf));
}

/* Months from the publication's month to month m of year y (negative before it). */
static int months_after(vigie_date ref, int y, int m)
{
    return (y - ref.year) * 12 + m - ref.month;
}

/* DAY MONTH without a year: the nearest such date, unless a past tense (direction < 0) tells of a
 * date that lies two months or more after publication ("a attaqué le 24 février" in November is
 * last February; "se rencontreront le 10 janvier" in December is next January, the nearest). */
static bool resolve_day_month(vigie_doc *d, timex_info *t, int day, int month, int year, int direction)
{
    vigie_date ref = d->published;
    char buf[32];
    if (year < 0 && ref.gran == VIGIE_GRAN_NONE) {
        if (!date_valid(2000, month, day)) /* 2000 is a leap year: 29 February is possible */
            return false;
        snprintf(buf, sizeof buf, "XXXX-%02d-%02d", month, day);
        set_value(d, t, buf);
        t->pub.anchor = "no reference date";
        return true;
    }
    if (year < 0) {
        year = nearest_year(ref, month);
        int ahead = months_after(ref, year, month);
        t->pub.anchor = "published";
        if (ref.gran >= VIGIE_GRAN_MONTH && direction < 0 && ahead >= 2) {
            year--;
            t->pub.anchor = "published, past tense";
        }
    } else {
        t->pub.anchor = "absolute";
    }
    if (!date_valid(year, month, day))
        return false;
    vigie_date v = {year, month, day, VIGIE_GRAN_DAY};
    value_of_date(d, t, v);
    return true;
}

static void resolve_month(vigie_doc *d, timex_info *t, int month, int year, int direction, bool strict)
{
    char buf[32];
    if (year < 0 && d->published.gran == VIGIE_GRAN_NONE) {
        snprintf(buf, sizeof buf, "XXXX-%02d", month);
        set_value(d, t, buf);
        t->pub.anchor = "no reference date";
        return;
    }
    t->pub.anchor = year < 0 ? "published" : "absolute";
    vigie_date v = {year < 0 ? year_for_month(d->published, month, direction, strict) : year, month, 0,
                    VIGIE_GRAN_MONTH};
    value_of_date(d, t, v);
}

static vigie_date add_days(vigie_date ref, long days)
{
    vigie_date v = ref;
    civil_from_days(days_from_civil(ref.year, ref.month, ref.day) + days, &v.year, &v.month, &v.day);
    return v;
}

/* Easter Sunday of year y: the Gregorian computus (the anonymous algorithm of Meeus). */
static vigie_date easter_sunday(int y)
{
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    vigie_date v = {y, month, day, VIGIE_GRAN_DAY};
    return v;
}

/* A holiday's day in year y: "D12-25" a fixed day, "E+49" days after Easter Sunday. */
static bool holiday_in(const time_entry *h, int y, vigie_date *out)
{
    int month, day, offset;
    if (h->text && sscanf(h->text, "D%d-%d", &month, &day) == 2 && date_valid(y, month, day)) {
        vigie_date v = {y, month, day, VIGIE_GRAN_DAY};
        *out = v;
        return true;
    }
    if (h->text && sscanf(h->text, "E%d", &offset) == 1) {
        *out = add_days(easter_sunday(y), offset);
        return true;
    }
    return false;
}

/* Relative to the publication day; when only the month is known the day stays unresolved. */
static void resolve_offset(vigie_doc *d, timex_info *t, long days, const char *why)
{
    vigie_date ref = d->published;
    t->pub.anchor = why;
    if (ref.gran == VIGIE_GRAN_DAY) {
        value_of_date(d, t, add_days(ref, days));
    } else if (ref.gran == VIGIE_GRAN_NONE) {
        set_value(d, t, days == 0 ? "PRESENT_REF" : days < 0 ? "PAST_REF" : "FUTURE_REF");
    } else {
        value_of_date(d, t, ref); /* the month (or year) is all the text and date say */
        t->pub.anchor = "published month; day unresolved";
    }
}

/* A weekday: past tense points back, future forward, otherwise the nearest one. */
static void resolve_weekday(vigie_doc *d, timex_info *t, int wd, int direction, size_t at, size_t lo, size_t hi)
{
    t->pub.weekday = wd;
    vigie_date ref = d->published;
    bool explicit = direction != 0; /* "lundi prochain" said on a Monday is in a week */
    if (direction == 0 && at > lo && tagged(lex_class(d, at - 1, hi, TC_LINK, NULL), "AHEAD"))
        direction = +1; /* "convoqué pour mercredi", "a meeting set for Friday" */
    if (direction == 0 && at > lo && tagged(lex_class(d, at - 1, hi, TC_YEARWORD, NULL), "SINCE"))
        direction = -1; /* "missing since Thursday", "depuis samedi" */
    if (direction == 0)
        direction = tense_direction(d, at, lo, hi, true);
    if (ref.gran == VIGIE_GRAN_NONE) { /* no date to count from: the weekday alone, as TIMEX3 writes it */
        char buf[16];
        snprintf(buf, sizeof buf, "XXXX-WXX-%d", wd);
        set_value(d, t, buf);
        t->pub.anchor = "no reference date";
        return;
    }
    if (ref.gran != VIGIE_GRAN_DAY) {
        resolve_offset(d, t, 0, "weekday");
        if (ref.gran == VIGIE_GRAN_MONTH)
            t->pub.anchor = "weekday in the published month; day unresolved";
        t->future_hint = direction > 0;
        return;
    }
    int today = weekday_of(ref.year, ref.month, ref.day);
    long fwd = (wd - today + 7) % 7, back = (today - wd + 7) % 7;
    if (explicit && fwd == 0)
        fwd = back = 7;
    long delta = direction > 0 ? fwd : direction < 0 ? -back : (fwd <= back ? fwd : -back);
    value_of_date(d, t, add_days(ref, delta));
    t->pub.anchor = direction > 0 ? "weekday, future tense" : direction < 0 ? "weekday, past tense" : "weekday, nearest";
}

/* ---- recognisers: each returns the length matched at i (0: none) ---- */

static timex_info new_timex(size_t i)
{
    timex_info t;
    memset(&t, 0, sizeof t);
    t.t0 = (uint32_t)i;
    t.pub.type = VIGIE_TIMEX_DATE;
    return t;
}

static vigie_date story_date(const vigie_doc *d, vigie_granularity gran, const char **why);

static size_t skip_comma(const vigie_doc *d, size_t j, size_t end)
{
    return j < end && tok_is(d, j, ",") ? j + 1 : j;
}

/* The period of an abbreviated month ("Jan. 10", "janv. 2022"), not a sentence's end. */
static size_t skip_period(const vigie_doc *d, size_t j, size_t end)
{
    if (j >= end || j == 0 || !tok_is(d, j, ".") || d->tinfo.v[j].start != d->tinfo.v[j - 1].end)
        return j;
    const char *prev = tok_key(d, j - 1);
    return strmap_get(&d->engine->lang[d->lang].abbrev, prev, strlen(prev)) ? j + 1 : j;
}

/* ISO 2021-12-30 and numeric 10/01/2022 (day first in French, month first in English). */
static size_t rec_numeric(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    (void)end, (void)lo;
    if (d->tokens.v[i].kind != VIGIE_TOK_NUMBER)
        return 0;
    const char *k = tok_key(d, i);
    int a, b, c;
    char sep1, sep2;
    int consumed = 0;
    size_t kl = strlen(k); /* the cheap tests first: sscanf costs more than all the rest */
    if (kl == 10 && sscanf(k, "%4d-%2d-%2d%n", &a, &b, &c, &consumed) == 3 && (size_t)consumed == kl) {
        if (!date_valid(a, b, c))
            return 0;
        vigie_date v = {a, b, c, VIGIE_GRAN_DAY};
        value_of_date(d, t, v);
        t->pub.anchor = "absolute";
        return 1;
    }
    if ((memchr(k, '/', kl) || memchr(k, '.', kl)) &&
        sscanf(k, "%2d%c%2d%c%4d%n", &a, &sep1, &b, &sep2, &c, &consumed) == 5 && (size_t)consumed == kl &&
        sep1 == sep2 && (sep1 == '/' || sep1 == '.') && c >= 1000) {
        int day = d->lang == LANG_EN && sep1 == '/' ? b : a, month = d->lang == LANG_EN && sep1 == '/' ? a : b;
        if (!date_valid(c, month, day))
            return 0;
        vigie_date v = {c, month, day, VIGIE_GRAN_DAY};
        value_of_date(d, t, v);
        t->pub.anchor = "absolute";
        return 1;
    }
    return 0;
}

static size_t rec_day_month(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t);

/* A day number alone that opens or closes a range of days ("du 3 au 5 mars", "les 9 et 10
 * décembre", "March 3 to 5"): its month and year are the other end's. */
static size_t rec_day_range(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    uint32_t len, dl;
    int day = d->tokens.v[i].kind == VIGIE_TOK_NUMBER ? day_value(d, i, end, &dl) : -1;
    if (day < 0)
        return 0;
    size_t k = i + dl;
    const time_entry *to = lex_class(d, k, end, TC_LINK, &len);
    if (tagged(to, "TO")) { /* the end after it: "du 3 au 5 mars" */
        k += len;
        if (lex_class(d, k, end, TC_DET, &len))
            k += len; /* "entre le 3 et le 5 mars" */
        timex_info other = new_timex(k);
        size_t n = k < end && d->tokens.v[k].kind == VIGIE_TOK_NUMBER ? rec_day_month(d, k, end, lo, &other) : 0;
        if (n && n != (size_t)-1 && other.date.gran == VIGIE_GRAN_DAY && day < other.date.day)
            return resolve_day_month(d, t, day, other.date.month, other.date.year, 0) ? dl : 0;
        return 0;
    }
    /* the start before it: "March 3 to 5" */
    const timex_info *prev = d->timexes.n ? &d->timexes.v[d->timexes.n - 1] : NULL;
    if (i < 2 || !prev || prev->t1 != i - 1 || prev->t0 < lo || prev->date.gran != VIGIE_GRAN_DAY || prev->pub.weekday ||
        !tagged(lex_class(d, i - 1, end, TC_LINK, NULL), "TO") || day <= prev->date.day)
        return 0;
    if (i + dl < end && lex_class(d, i + dl, end, TC_UNIT, NULL))
        return 0; /* "March 3 to 5 days later" */
    return resolve_day_month(d, t, day, prev->date.month, prev->date.year, 0) ? dl : 0;
}

/* [weekday] DAY MONTH [YEAR] — "10 janvier", "jeudi 30 décembre 2021", "10 January". */
static size_t rec_day_month(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    uint32_t dl, ml;
    int day = day_value(d, i, end, &dl);
    if (day < 0)
        return 0;
    size_t j = i + dl;
    if (d->lang == LANG_EN && tok_is(d, j, "of"))
        j++; /* "10th of January" */
    const time_entry *m = lex_class(d, j, end, TC_MONTH, &ml);
    if (!m)
        return 0;
    j = skip_period(d, j + ml, end);
    size_t yl;
    int year = year_after_month(d, j, end, &yl);
    uint32_t pl = 0;
    const time_entry *post = year > 0 ? NULL : lex_class(d, j, end, TC_DIRECTION, &pl);
    if (year > 0)
        j += yl;
    bool told = post && post->num && d->published.gran == VIGIE_GRAN_DAY;
    if (told) { /* "le 1er septembre prochain" */
        vigie_date ref = d->published;
        year = ref.year;
        int cmp = m->num != ref.month ? m->num - ref.month : day - ref.day;
        year += post->num > 0 && cmp <= 0 ? 1 : post->num < 0 && cmp >= 0 ? -1 : 0;
        j += pl;
    }
    if (!resolve_day_month(d, t, day, m->num, year, year > 0 ? 0 : day_month_direction(d, i, lo, end, day, m->num)))
        return (size_t)-1; /* an impossible date: consume it, produce nothing */
    if (told)
        t->pub.anchor = post->num > 0 ? "published, the next one" : "published, the last one";
    return j - i;
}

/* MONTH DAY[,] [YEAR] — "January 10, 2022", "Jan. 10". */
static size_t rec_month_day(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    (void)lo;
    uint32_t ml, dl;
    const time_entry *m = lex_class(d, i, end, TC_MONTH, &ml);
    if (!m)
        return 0;
    size_t j = skip_period(d, i + ml, end);
    int day = j < end ? day_value(d, j, end, &dl) : -1;
    if (day < 0 || year_value(d, j) > 0)
        return 0;
    j += dl;
    size_t k = skip_comma(d, j, end);
    int year = year_value(d, k);
    if (year > 0)
        j = k + 1;
    if (!resolve_day_month(d, t, day, m->num, year, year > 0 ? 0 : day_month_direction(d, i, lo, end, day, m->num)))
        return (size_t)-1;
    return j - i;
}

/* Function words: what they are is no verb and no noun. */
static const uint64_t FUNCTION_WORD = (uint64_t)1 << G_PREP | (uint64_t)1 << G_COORD | (uint64_t)1 << G_RELATIVE |
                                      (uint64_t)1 << G_CLAUSE | (uint64_t)1 << G_DETERMINER | (uint64_t)1 << G_ADVERB |
                                      (uint64_t)1 << G_PRONOUN;

static bool in_year_range(int v)
{
    return v >= 1900 && v <= 2099;
}

/* Does token j join the two ends of a range: "à", "to", "et", an en dash ("1981–1995")? */
static bool range_link(const vigie_doc *d, size_t j, size_t end)
{
    return j < end && (tagged(lex_class(d, j, end, TC_LINK, NULL), "TO") || tok_is(d, j, "–"));
}

/* Does what follows a four-digit number close it as a year? Punctuation, a function word or, in
 * French, a finite verb ("la crise de 2010 était", "le bilan 2001 de la délinquance", "2018 pose
 * problème") do; the noun of a count does not ("2000 soldats", "2000 blessés": participles, and
 * English -s forms, are nouns as often). A later year the number is coordinated with makes a range
 * ("entre 1986 et 1996 sur", "de 2012 à 2014"), another number a count ("entre 2000 et 5000"). */
static bool year_closed(vigie_doc *d, size_t i, size_t end)
{
    size_t j = i + 1;
    const time_entry *link = j < end ? lex_class(d, j, end, TC_LINK, NULL) : NULL;
    if (range_link(d, j, end) && j + 1 < end && d->tokens.v[j + 1].kind == VIGIE_TOK_NUMBER)
        return in_year_range(year_value(d, j + 1)) && year_value(d, j + 1) > year_value(d, i);
    if (phrase_ends(d, j, end))
        return true;
    int kind = d->tokens.v[j].kind;
    if (link || kind == VIGIE_TOK_QUOTE ||
        (kind == VIGIE_TOK_PUNCT && !tok_is(d, j, "(") && !tok_is(d, j, "%") && !tok_is(d, j, "‰")))
        return true; /* "« nécessaire dès 2024 »", "de 1993 jusqu'à sa mort"; "2000 %" is a count */
    uint64_t verb_group = (uint64_t)1 << G_AUXILIARY | (uint64_t)1 << G_COPULA | (uint64_t)1 << G_NEG_PRE;
    if (token_tags(d, j)->gram_mask & (FUNCTION_WORD | verb_group))
        return true;
    return d->lang == LANG_FR && finite_form(lazy_verb_lookup(d, j));
}

/* The entry of class cls, one to three words long, that ends right before token i ("plus de",
 * "à partir de"), or NULL. */
static const time_entry *entry_ending_at(const vigie_doc *d, size_t i, size_t end, size_t lo, enum time_class cls)
{
    uint32_t len;
    for (size_t back = 1; back <= 3 && i >= lo + back; back++) {
        const time_entry *w = lex_class(d, i - back, end, cls, &len);
        if (w && len == back)
            return w;
    }
    return NULL;
}

/* Is token i the count a word before it asks for: after a number, a symbol, an approximation
 * ("plus de 2000,"), a verb ("ils étaient 2000 à Paris") or a label ("la résolution 1973,")? */
static bool counted_after(vigie_doc *d, size_t i, size_t end, size_t lo)
{
    if (i == lo)
        return false;
    const token_info *prev = token_tags(d, i - 1);
    if (d->tokens.v[i - 1].kind == VIGIE_TOK_NUMBER || d->tokens.v[i - 1].kind == VIGIE_TOK_SYMBOL ||
        entry_ending_at(d, i, end, lo, TC_APPROX) || lex_class(d, i - 1, end, TC_LABEL, NULL))
        return true;
    if (prev->gram_mask & FUNCTION_WORD) /* "entre 1986 et 1996": "entre" is a verb form too */
        return false;
    return (prev->gram_mask & ((uint64_t)1 << G_COPULA | (uint64_t)1 << G_AUXILIARY)) ||
           finite_form(lazy_verb_lookup(d, i - 1));
}

/* Is the year at i an adverbial, when things happened ("pour 2019", "à partir de 1940", "de 2004 à
 * 2012"), rather than a noun's modifier ("le conflit de 2020", "le bilan 2001", "(2013-2017)")? */
static bool year_adverbial(vigie_doc *d, size_t i, size_t end, size_t lo)
{
    if (range_link(d, i + 1, end) && year_value(d, i + 2) > 0)
        return i > lo && !tok_is(d, i - 1, "(");
    return tagged(entry_ending_at(d, i, end, lo, TC_YEARWORD), "CLOSED");
}

/* A four-digit year no yearword introduces: one that no count word precedes and that is closed
 * as a year (year_closed), or the end of a range ("from 1996 to 2001", "entre 1986 et 1996").
 * *modifier: it qualifies a noun ("le bilan 2001", "la crise de 2010"), unless it is an adverbial
 * (year_adverbial: "à partir de 1940", "de 2004 à 2012"). */
static bool bare_year(vigie_doc *d, size_t i, size_t end, size_t lo, bool *modifier)
{
    int v = year_value(d, i);
    *modifier = false;
    if (!in_year_range(v))
        return false;
    if (i > lo + 1 && range_link(d, i - 1, end) && in_year_range(year_value(d, i - 2)) && year_value(d, i - 2) < v)
        return true;
    if (counted_after(d, i, end, lo) || !year_closed(d, i, end))
        return false;
    *modifier = !year_adverbial(d, i, end, lo);
    return true;
}

/* After a month: "last year", "l'an dernier", "this year" = the year's offset from the
 * publication; *len gets the phrase's length (0: none). */
static int year_offset_after(const vigie_doc *d, size_t j, size_t end, uint32_t *len)
{
    size_t k = j;
    uint32_t l;
    if (lex_class(d, k, end, TC_DET, &l))
        k += l;
    const time_entry *pre = lex_class(d, k, end, TC_DIRECTION, &l);
    if (pre)
        k += l;
    const time_entry *unit = lex_class(d, k, end, TC_UNIT, &l);
    *len = 0;
    if (!tagged(unit, "Y"))
        return 0;
    k += l;
    const time_entry *post = pre ? NULL : lex_class(d, k, end, TC_DIRECTION, &l);
    if (post)
        k += l;
    if (!pre && !post)
        return 0;
    *len = (uint32_t)(k - j);
    return pre ? pre->num : post->num;
}

/* Is the month at token i introduced as one: after a word that opens a year ("in", "since", "the"),
 * "of" or a word that opens a clock time ("by", "from")? */
static bool month_introduced(const vigie_doc *d, size_t i, size_t lo, size_t end)
{
    return i > lo && (lex_class(d, i - 1, end, TC_YEARWORD, NULL) || lex_class(d, i - 1, end, TC_DET, NULL) ||
                      lex_class(d, i - 1, end, TC_DIRECTION, NULL) || /* "this May" */
                      lex_class(d, i - 1, end, TC_AT, NULL) || tagged(lex_class(d, i - 1, end, TC_LINK, NULL), "OF"));
}

static size_t rec_decade(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t);

/* A past participle right before the expression at i, or before the place-or-time preposition
 * (and determiner) that opens it ("arrêtée en février", "elected in May"), told in the past: not planned ("prévu en
 * mai", "expected in May"), nor carried by a future ("sera prolongée en août")? */
static bool participle_before(vigie_doc *d, size_t i, size_t lo, size_t end)
{
    size_t p = i > lo && lazy_gram_is(d, i - 1, end, G_DETERMINER) ? i - 1 : i; /* "arrêté à la mi-avril" */
    p = p > lo && lazy_gram_is(d, p - 1, end, G_LOCATIVE) ? p - 1 : p;
    if (p == lo || !past_participle(d, p - 1) || lazy_gram_is(d, p - 1, end, G_PLANNED) ||
        (p - 1 > lo && lazy_gram_is(d, p - 2, end, G_DETERMINER)))
        return false;
    return p - 1 == lo || !lazy_verb_lookup(d, p - 2) || tense_near(d, p - 2, lo, end) == 'P';
}

/* A bare month six months from publication either way ("in May" in November) is as near in the
 * past as in the future: the tense decides, a present looking ahead ("faces an election in May"). */
static void six_months_tie(vigie_doc *d, timex_info *t, size_t i, size_t lo, size_t end)
{
    vigie_date ref = d->published, v = t->date;
    int ahead = months_after(ref, v.year, v.month);
    if (ref.gran < VIGIE_GRAN_MONTH || v.gran != VIGIE_GRAN_MONTH || (ahead != 6 && ahead != -6))
        return;
    int direction = tense_direction(d, i, lo, end, true);
    if (!direction || (direction > 0) == (ahead > 0))
        return;
    v.year += direction > 0 ? 1 : -1;
    value_of_date(d, t, v);
    t->pub.anchor = direction > 0 ? "published, future tense" : "published, past tense";
}

/* A bare month whose nearest reading lies four months or more ahead is last year's when a past tense
 * governs it ("avait qualifié, en mai, ces allégations" in December). Returns whether it moved it. */
static bool far_ahead_past(vigie_doc *d, timex_info *t, size_t i, size_t lo, size_t end)
{
    vigie_date ref = d->published, v = t->date;
    if (ref.gran < VIGIE_GRAN_MONTH || v.gran != VIGIE_GRAN_MONTH || months_after(ref, v.year, v.month) < 4)
        return false;
    /* a month qualifying a noun dates that noun, whatever the verb's tense: "announced a list for the May
     * election", "May's elections", "la présidentielle d'octobre" */
    size_t m = t->t1 > 0 ? t->t1 - 1 : i;
    if ((i > lo &&
         (lazy_gram_is(d, i - 1, end, G_DETERMINER) || tagged(lex_class(d, i - 1, end, TC_LINK, NULL), "OF"))) ||
        (m + 1 < end && tok_is(d, m + 1, "'s")))
        return false;
    /* the end of a span keeps the nearest: "préside l'UE jusqu'à fin décembre" */
    if (until_before(d, i, lo, end) || tense_direction(d, i, lo, end, false) >= 0)
        return false;
    v.year--;
    value_of_date(d, t, v);
    t->pub.anchor = "published, nearest past";
    return true;
}

/* A month told in the past that the nearest reading puts two months or more after publication is
 * last year's ("arrêtée en février" in October), as resolve_day_month does for days. */
static void past_if_ahead(vigie_doc *d, timex_info *t)
{
    vigie_date ref = d->published, v = t->date;
    if (ref.gran < VIGIE_GRAN_MONTH || v.gran != VIGIE_GRAN_MONTH || months_after(ref, v.year, v.month) < 2)
        return;
    v.year--;
    value_of_date(d, t, v);
    t->pub.anchor = "published, past tense";
}

/* [part] [direction] MONTH [direction] [YEAR | last year] and [part] YEAR — "début décembre",
 * "en décembre 2021", "late 2021", "juin dernier", "next March", "June last year". */
static size_t rec_month_year(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    size_t j = i;
    uint32_t len;
    const time_entry *part = lex_class(d, j, end, TC_PART, &len);
    if (part) {
        j += len;
        if (tok_is(d, j, "-"))
            j++; /* "mi - janvier" when split */
        const time_entry *of = lex_class(d, j, end, TC_LINK, &len);
        if (tagged(of, "OF"))
            j += len; /* "début de 2022", "the end of 2021" */
        size_t decade = rec_decade(d, j, end, lo, t);
        if (decade) { /* "au début des années 80", "the late 1990s" */
            t->pub.mod = part->text;
            return j - i + decade;
        }
    }
    size_t at_month = j;
    const time_entry *pre = lex_class(d, j, end, TC_DIRECTION, &len);
    if (tagged(pre, "STORY") && !(j > lo && lex_class(d, j - 1, end, TC_DET, NULL)))
        return 0; /* "following January's vote": a preposition */
    if (pre && pre->num)
        at_month += len; /* "last June" */
    else
        pre = NULL;
    const time_entry *m = lex_class(d, at_month, end, TC_MONTH, &len);
    if (m) {
        j = skip_period(d, at_month + len, end);
        size_t ylen;
        int year = year_after_month(d, j, end, &ylen);
        int direction = pre ? pre->num : 0;
        const time_entry *post;
        uint32_t yl = 0;
        int off = year > 0 || direction ? 0 : year_offset_after(d, j, end, &yl);
        if (year > 0) {
            j += ylen;
        } else if (yl) {
            if (d->published.gran >= VIGIE_GRAN_YEAR)
                year = d->published.year + off; /* "June last year" */
            j += yl;
        } else if (!direction && (post = lex_class(d, j, end, TC_DIRECTION, &len)) && post->num) {
            direction = post->num; /* "juin dernier" */
            j += len;
        }
        if (tagged(m, "NAME") && !part && !direction && year <= 0 && !yl && !month_introduced(d, at_month, lo, end))
            return 0; /* "to May, knowing that she": also a name, a month alone only after "in", "the"... */
        if (tagged(m, "ABBR") && year <= 0)
            return 0; /* "Dec", "oct" alone: style sheets and code more often than months */
        /* a bare month is the nearest: the tense of a report ("announced candidates for the
         * elections in May") says little of the month it names */
        bool since = !direction && tagged(entry_ending_at(d, i, end, lo, TC_YEARWORD), "SINCE");
        const char *why = NULL;
        if (tagged(pre, "STORY") && year <= 0) { /* "the following January": after the story's date */
            vigie_date story = story_date(d, VIGIE_GRAN_YEAR, &why);
            if (strcmp(why, "published day") && story.gran >= VIGIE_GRAN_YEAR)
                year = year_for_month(story.gran >= VIGIE_GRAN_MONTH ? story : (vigie_date){story.year, pre->num > 0 ? 12 : 1, 0, VIGIE_GRAN_MONTH},
                                      m->num, pre->num, true);
            else
                why = NULL;
        }
        resolve_month(d, t, m->num, year, since ? -1 : direction, direction != 0); /* "depuis janvier" */
        if (why)
            t->pub.anchor = why;
        if (year <= 0 && !direction && !since && participle_before(d, i, lo, end))
            past_if_ahead(d, t);
        else if (year <= 0 && !direction && !since && !why && !far_ahead_past(d, t, i, lo, end))
            six_months_tie(d, t, i, lo, end);
    } else {
        int year = year_value(d, j);
        const time_entry *yearword = entry_ending_at(d, j, end, lo, TC_YEARWORD);
        if (tagged(yearword, "CLOSED"))
            yearword = NULL; /* "pour 2019," but "pour 2000 euros": closed as a bare year */
        bool modifier = tagged(yearword, "MOD");
        if (year < 0 || !(part || yearword || bare_year(d, j, end, lo, &modifier)))
            return 0;
        t->modifier = modifier && !part;
        vigie_date v = {year, 0, 0, VIGIE_GRAN_YEAR};
        value_of_date(d, t, v);
        t->pub.anchor = "absolute";
        j++;
    }
    if (part)
        t->pub.mod = part->text;
    return j - i;
}

/* Is the holiday phrase [i, j) one: written with a capital ("l'ascension du totalitarisme" is none),
 * not a name's last word ("Mickaël Noël"), nor an English noun's modifier ("Christmas lights")? */
static bool holiday_named(vigie_doc *d, size_t i, size_t j, size_t lo, size_t end)
{
    size_t k = i;
    while (k + 1 < j && !(d->tinfo.v[k].flags & TF_CAP))
        k++; /* past "la", "l'", "the" */
    if (!(d->tinfo.v[k].flags & TF_CAP))
        return false;
    if (i > lo && d->tokens.v[i - 1].kind == VIGIE_TOK_WORD && (d->tinfo.v[i - 1].flags & TF_CAP))
        return false;
    time_hit none;
    return !(d->lang == LANG_EN && j < end && d->tokens.v[j].kind == VIGIE_TOK_WORD &&
             !(d->tinfo.v[j].flags & TF_CAP) && !token_tags(d, j)->gram_mask && !lazy_verb_lookup(d, j) &&
             !simple_past(d, j) && !lex_at(d, j, end, &none)->head);
}

/* HOLIDAY [YEAR] — "Noël", "la Pentecôte 2020", "Christmas", "Easter Monday": without a year, the
 * occurrence the tense points to, else the nearest to the publication. */
static size_t rec_holiday(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    uint32_t len;
    const time_entry *h = lex_class(d, i, end, TC_HOLIDAY, &len);
    vigie_date ref = d->published, v;
    size_t j = i + len;
    int year = year_value(d, j);
    if (!h || (year < 0 && ref.gran < VIGIE_GRAN_YEAR) || !holiday_named(d, i, j, lo, end))
        return 0;
    if (year > 0) {
        j++;
        t->pub.anchor = "absolute";
    } else {
        year = ref.year;
        t->pub.anchor = "published";
    }
    if (!holiday_in(h, year, &v))
        return 0;
    bool relative = !strcmp(t->pub.anchor, "published") && ref.gran >= VIGIE_GRAN_MONTH;
    long gap = relative ? days_from_civil(v.year, v.month, v.day) -
                              days_from_civil(ref.year, ref.month, ref.gran == VIGIE_GRAN_DAY ? ref.day : 15)
                        : 0;
    /* the tense says which side of the publication ("s'exprimera à Noël"), else the nearest */
    int direction = relative ? tense_direction(d, i, lo, end, false) : 0;
    if ((direction < 0 && gap > 0) || (!direction && gap > 183))
        holiday_in(h, year - 1, &v);
    else if ((direction > 0 && gap < 0) || (!direction && gap < -183))
        holiday_in(h, year + 1, &v);
    value_of_date(d, t, v);
    return j - i;
}

/* The two years of one token "2009-2013", "2011-12", "2002/2003" (*two_digits: the end written so,
 * read in the first's century, or the next when smaller: "1999-00"); false when it is none. */
static bool token_years(const vigie_doc *d, size_t i, int *from, int *to, bool *two_digits)
{
    const char *k = i < d->tokens.n ? tok_key(d, i) : "", *rest, *tail;
    *from = lead_digits(k, 4, &rest);
    if (*from < 1000 || rest != k + 4 || (*rest != '-' && *rest != '/'))
        return false;
    *to = lead_digits(rest + 1, 4, &tail);
    if (*to < 0)
        return false;
    size_t digits = (size_t)(tail - rest - 1);
    *two_digits = digits == 2;
    if (*tail || (digits != 2 && digits != 4))
        return false;
    if (*two_digits)
        *to += *from / 100 * 100 + (*to < *from % 100 ? 100 : 0);
    return true;
}

static void push_timex(vigie_doc *d, timex_info *t, size_t end, size_t sentence);

/* One token holding a range of years, "2009-2013", "2011-12", "(1976-83)", "la saison 2002/2003":
 * two dates, each spanning its own digits; a later end, in the same century when written with two
 * digits. After a count word ("de 2000-3000 soldats") or a label it is none. */
static size_t rec_year_range(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    int from, to;
    bool two_digits;
    if (!token_years(d, i, &from, &to, &two_digits) || (two_digits ? !in_year_range(from) : to > 2099))
        return 0; /* "(1882-1945)", but "1882-83" is too far from news to be years */
    if (to <= from || to - from > 100 || counted_after(d, i, end, lo))
        return 0;
    bool modifier = i > lo && tok_is(d, i - 1, "("); /* "le général Gomart (2013-2017)" */
    vigie_date y = {from, 0, 0, VIGIE_GRAN_YEAR};
    value_of_date(d, t, y);
    t->pub.anchor = "absolute";
    t->piece = 1;
    t->modifier = modifier;
    push_timex(d, t, i + 1, d->tinfo.v[i].sentence);
    *t = new_timex(i);
    y.year = to;
    value_of_date(d, t, y);
    t->pub.anchor = "absolute";
    t->piece = 2;
    t->modifier = modifier;
    return 1;
}

/* Two months joined by a hyphen, maybe a year after: "mars-avril 2020" = 2020-03 and 2020-04, each
 * spanning its own name (the year goes with the second, the year it ends). */
static size_t rec_month_range(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    (void)lo, (void)end;
    const char *k = tok_key(d, i);
    const char *dash = strchr(k, '-');
    const time_entry *from = dash ? key_class(d, k, (size_t)(dash - k), TC_MONTH) : NULL;
    const time_entry *to = from ? key_class(d, dash + 1, strlen(dash + 1), TC_MONTH) : NULL;
    if (!to || to->num == from->num || tagged(from, "NAME") || tagged(to, "NAME") || tagged(from, "ABBR") ||
        tagged(to, "ABBR"))
        return 0;
    int year = year_value(d, i + 1); /* the second month's: "décembre-janvier 2021" starts in 2020 */
    int second = year > 0 ? year : d->published.gran >= VIGIE_GRAN_MONTH ? nearest_year(d->published, to->num) : -1;
    const char *anchor = year > 0 ? "absolute" : "published";
    resolve_month(d, t, from->num, second > 0 && to->num < from->num ? second - 1 : second, 0, false);
    t->pub.anchor = second > 0 ? anchor : t->pub.anchor;
    t->piece = 1;
    push_timex(d, t, i + 1, d->tinfo.v[i].sentence);
    *t = new_timex(i);
    resolve_month(d, t, to->num, second, 0, false);
    t->pub.anchor = second > 0 ? anchor : t->pub.anchor;
    t->piece = 2;
    return year > 0 ? 2 : 1;
}

/* A year or a decade after a part's hyphen ("mid-2017", "mi-2019", "mid-1960s"): false when none. */
static bool hyphen_year(vigie_doc *d, timex_info *t, const char *rest)
{
    const char *suffix;
    int v = lead_digits(rest, 4, &suffix);
    if (v < 1000 || suffix != rest + 4)
        return false;
    if (*suffix) { /* a decade: "1960s" = 196 */
        if (v % 10 || !key_class(d, suffix, strlen(suffix), TC_DECADE))
            return false;
        char buf[16];
        snprintf(buf, sizeof buf, "%03d", v / 10);
        set_value(d, t, buf);
    } else {
        vigie_date y = {v, 0, 0, VIGIE_GRAN_YEAR};
        value_of_date(d, t, y);
    }
    t->pub.anchor = "absolute";
    return true;
}

/* Hyphenated "mi-janvier", "mid-December", "mid-2017": one token split on its hyphen. */
static size_t rec_hyphen_part(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    (void)end, (void)lo;
    const char *k = tok_key(d, i);
    const char *dash = strchr(k, '-');
    if (!dash)
        return 0;
    const time_entry *part = key_class(d, k, (size_t)(dash - k), TC_PART);
    const time_entry *month = part ? key_class(d, dash + 1, strlen(dash + 1), TC_MONTH) : NULL;
    if (part && !month && hyphen_year(d, t, dash + 1)) {
        t->pub.mod = part->text;
        return 1;
    }
    if (!month)
        return 0;
    int year = year_value(d, i + 1);
    resolve_month(d, t, month->num, year, 0, false);
    t->pub.mod = part->text;
    return year > 0 ? 2 : 1;
}

/* A resolved day with a part of the day becomes a TIME: "2021-12-30TEV". */
static void add_daypart(vigie_doc *d, timex_info *t, const char *part)
{
    if (!part || t->date.gran != VIGIE_GRAN_DAY)
        return;
    char buf[32];
    snprintf(buf, sizeof buf, "%sT%s", t->pub.value, part);
    set_value(d, t, buf);
    t->pub.type = VIGIE_TIMEX_TIME;
}

/* A weekday written with a day and month but no year picks the year: the nearest (the earlier on a
 * tie) to the one the publication, or else the text's last year, suggests where that day is that
 * weekday ("vendredi 12 mai" in a January 2018 article, or after "en 2017", is 2017-05-12). Not
 * within two months of publication: there a mismatch is a slip of the pen ("lundi 22 février" for
 * the Monday 21st) and the publication knows better. */
static void weekday_fixes_year(vigie_doc *d, timex_info *t, int wd)
{
    int year, month, day;
    vigie_date ref = d->published;
    if (t->date.gran == VIGIE_GRAN_DAY && t->pub.anchor && strcmp(t->pub.anchor, "absolute")) {
        year = t->date.year, month = t->date.month, day = t->date.day;
        long gap = days_from_civil(year, month, day) - days_from_civil(ref.year, ref.month, ref.gran == VIGIE_GRAN_DAY ? ref.day : 15);
        if (gap > -60 && gap < 60)
            return;
    } else if (t->date.gran == VIGIE_GRAN_NONE && t->pub.value && sscanf(t->pub.value, "XXXX-%d-%d", &month, &day) == 2) {
        const char *why;
        vigie_date story = story_date(d, VIGIE_GRAN_YEAR, &why);
        if (story.gran < VIGIE_GRAN_YEAR)
            return;
        year = story.year;
    } else {
        return;
    }
    for (int delta = 0; delta <= 6; delta++)
        for (int sign = -1; sign <= 1; sign += 2) {
            int y = year + sign * delta;
            if (date_valid(y, month, day) && weekday_of(y, month, day) == wd) {
                vigie_date v = {y, month, day, VIGIE_GRAN_DAY};
                if (delta || t->date.gran == VIGIE_GRAN_NONE)
                    t->pub.anchor = "the year its weekday fixes";
                value_of_date(d, t, v);
                return;
            }
        }
}

/* The weekday after (direction > 0) or before the story's day: "le samedi précédent", "the
 * following Tuesday"; false when the text has no day (the publication's direction then applies). */
static bool story_weekday(vigie_doc *d, timex_info *t, int wd, int direction)
{
    const char *why;
    vigie_date day = story_date(d, VIGIE_GRAN_DAY, &why);
    if (day.gran != VIGIE_GRAN_DAY || !strcmp(why, "published day"))
        return false;
    int today = weekday_of(day.year, day.month, day.day);
    long fwd = (wd - today + 7) % 7, back = (today - wd + 7) % 7;
    value_of_date(d, t, add_days(day, direction > 0 ? (fwd ? fwd : 7) : -(back ? back : 7)));
    t->pub.weekday = wd;
    t->pub.anchor = why;
    return true;
}

/* A weekday in apposition to the date just before it, "le 10 septembre, un samedi", "on March 3, a
 * Friday": that date, when it falls on that weekday. */
static bool apposed_weekday(vigie_doc *d, timex_info *t, int wd, size_t i, size_t lo, size_t end)
{
    const timex_info *prev = d->timexes.n ? &d->timexes.v[d->timexes.n - 1] : NULL;
    if (!prev || i < lo + 3 || prev->t1 != i - 2 || !tok_is(d, i - 2, ",") || prev->date.gran != VIGIE_GRAN_DAY ||
        count_value(d, i - 1, end, &(uint32_t){0}) != (d->lang == LANG_EN ? COUNT_ARTICLE : 1) ||
        weekday_of(prev->date.year, prev->date.month, prev->date.day) != wd)
        return false;
    value_of_date(d, t, prev->date);
    t->pub.weekday = wd;
    t->pub.anchor = "the date it stands in apposition to";
    return true;
}

/* WEEKDAY [dernier|prochain] [daypart] and [last|next|this] WEEKDAY; plural weekdays are sets. */
static size_t rec_weekday(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    uint32_t len;
    int direction = 0;
    size_t j = i;
    const time_entry *dir = lex_class(d, j, end, TC_DIRECTION, &len);
    if (tagged(dir, "STORY") && !(i > lo && lex_class(d, i - 1, end, TC_DET, NULL)))
        return 0; /* "died following Tuesday's attack": a preposition; "the following Tuesday" */
    if (dir) {
        direction = dir->num;
        j += len;
    }
    const time_entry *wd = lex_class(d, j, end, TC_WEEKDAY, &len);
    if (!wd)
        return 0;
    j += len;
    if (tagged(wd, "SET")) {
        char buf[32];
        snprintf(buf, sizeof buf, "XXXX-WXX-%d", wd->num);
        set_value(d, t, buf);
        t->pub.type = VIGIE_TIMEX_SET;
        t->t0 = (uint32_t)(j - len);
        return j - i;
    }
    if (!dir || !dir->num) { /* "jeudi 10 mars 2022", "Thursday, March 10", "ce dimanche 24 avril", "on
                               * Saturday (December 1)": the date says it all */
        bool paren = j < end && tok_is(d, j, "(");
        size_t k = paren ? j + 1 : skip_comma(d, j, end);
        size_t dl = rec_day_month(d, k, end, lo, t);
        if (!dl || dl == (size_t)-1)
            dl = rec_month_day(d, k, end, lo, t);
        if (dl == (size_t)-1)
            return dl;
        if (dl) {
            t->pub.weekday = wd->num;
            weekday_fixes_year(d, t, wd->num);
            size_t e = k + dl;
            return (paren && e < end && tok_is(d, e, ")") ? e + 1 : e) - i;
        }
    }
    const time_entry *after = lex_class(d, j, end, TC_DIRECTION, &len);
    if (after && !dir && after->num) {
        direction = after->num;
        j += len;
    }
    const time_entry *part = lex_class(d, j, end, TC_DAYPART, &len);
    if (part)
        j += len;
    if (!dir && !after && apposed_weekday(d, t, wd->num, i, lo, end))
        ; /* "le 10 septembre, un samedi": the date it names again */
    else if (!(tagged(dir ? dir : after, "STORY") && story_weekday(d, t, wd->num, direction)))
        resolve_weekday(d, t, wd->num, direction, i, lo, end);
    add_daypart(d, t, part ? part->text : NULL);
    return j - i;
}

/* The entry of class c at token *j, if any, and *j moved past it. */
static const time_entry *take_class(const vigie_doc *d, size_t *j, size_t end, enum time_class c)
{
    uint32_t len;
    const time_entry *e = lex_class(d, *j, end, c, &len);
    if (e)
        *j += len;
    return e;
}

/* The part of the day an expression names itself ("tonight"), else the one that follows it. */
static const char *daypart_after(const vigie_doc *d, size_t *j, size_t end, const char *own)
{
    const time_entry *dp = own ? NULL : take_class(d, j, end, TC_DAYPART);
    return dp ? dp->text : own;
}

/* [part] hier, demain, aujourd'hui, yesterday, tonight [daypart]. */
static size_t rec_relday(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    (void)lo;
    size_t j = i;
    const time_entry *part = take_class(d, &j, end, TC_PART);
    const time_entry *r = take_class(d, &j, end, TC_RELDAY);
    if (!r)
        return 0;
    const char *daypart = daypart_after(d, &j, end, r->text);
    if (part && !daypart)
        return 0; /* "late yesterday" is rare; "tard hier" no expression */
    resolve_offset(d, t, r->num, "published day");
    add_daypart(d, t, daypart);
    if (part)
        t->pub.mod = part->text;
    return j - i;
}

/* The last date the text resolved before this point to gran or finer (a day for "le lendemain",
 * a year for "huit ans plus tard" after "en 2002"), else the publication date. */
static vigie_date story_date(const vigie_doc *d, vigie_granularity gran, const char **why)
{
    for (size_t k = d->timexes.n; k-- > 0;) {
        const timex_info *x = &d->timexes.v[k];
        if (x->date.gran >= gran && x->pub.type != VIGIE_TIMEX_SET) {
            *why = "the last date in the text";
            return x->date;
        }
    }
    *why = "published day";
    return d->published;
}

static vigie_date story_day(const vigie_doc *d, const char **why) { return story_date(d, VIGIE_GRAN_DAY, why); }

/* A day offset from the story's last date: "le lendemain", "the following day". */
static void resolve_story_offset(vigie_doc *d, timex_info *t, long days)
{
    const char *why;
    vigie_date ref = story_day(d, &why);
    if (ref.gran == VIGIE_GRAN_DAY) {
        value_of_date(d, t, add_days(ref, days));
        t->pub.anchor = why;
    } else {
        resolve_offset(d, t, days, why);
    }
}

/* [part] le lendemain, la veille, the next day, dans la soirée [daypart]. */
static size_t rec_anaphor(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    (void)lo;
    size_t j = i;
    const time_entry *part = take_class(d, &j, end, TC_PART);
    const time_entry *a = take_class(d, &j, end, TC_ANAPHOR);
    if (!a)
        return 0;
    if (tagged(lex_class(d, j, end, TC_LINK, NULL), "OF") || (tagged(a, "CLOSE") && !phrase_ends(d, j, end)))
        return 0; /* its own anchor follows: "la veille du sommet", "the day after the vote" */
    const char *daypart = daypart_after(d, &j, end, tagged(a, "CLOSE") ? NULL : a->text);
    resolve_story_offset(d, t, a->num);
    add_daypart(d, t, daypart);
    if (part)
        t->pub.mod = part->text;
    return j - i;
}

/* [la] DAYPART de|of DATE [à|to DATE]: "la nuit de dimanche à lundi", "nuit du 7 au 8 août",
 * "the night of June 3": the first day's part of the day. */
static size_t rec_daypart_of(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    uint32_t len, dl;
    const time_entry *part = lex_class(d, i, end, TC_DAYPART, &len);
    if (!part)
        return 0;
    size_t j = i + len;
    const time_entry *of = lex_class(d, j, end, TC_LINK, &len);
    if (!tagged(of, "OF") && !tagged(of, "ON"))
        return 0;
    j += len;
    size_t n = rec_weekday(d, j, end, lo, t);
    if (!n || n == (size_t)-1)
        n = rec_day_month(d, j, end, lo, t);
    if (n == (size_t)-1)
        return n;
    int day = n ? -1 : day_value(d, j, end, &dl);
    if (day > 0) { /* "du 7 au 8 août": the first day takes the second's month */
        const time_entry *to = lex_class(d, j + dl, end, TC_LINK, &len);
        timex_info second = new_timex(j + dl + len);
        size_t n2 = tagged(to, "TO") ? rec_day_month(d, j + dl + len, end, lo, &second) : 0;
        if (!n2 || n2 == (size_t)-1 || second.date.gran != VIGIE_GRAN_DAY ||
            !date_valid(second.date.year, second.date.month, day))
            return 0;
        vigie_date v = {second.date.year, second.date.month, day, VIGIE_GRAN_DAY};
        value_of_date(d, t, v);
        t->pub.anchor = second.pub.anchor;
        n = dl + len + n2;
    } else if (n) {
        const time_entry *to = lex_class(d, j + n, end, TC_LINK, &len);
        timex_info second = new_timex(j + n + len);
        size_t n2 = tagged(to, "TO") ? rec_weekday(d, j + n + len, end, lo, &second) : 0;
        if (n2 && n2 != (size_t)-1)
            n += len + n2; /* "de dimanche à lundi" */
    }
    if (!n)
        return 0;
    add_daypart(d, t, part->text);
    return j + n - i;
}

/* The ISO week of a day: "2021-W52". */
static void iso_week(vigie_date day, char *buf, size_t cap)
{
    vigie_date th = add_days(day, 4 - weekday_of(day.year, day.month, day.day)); /* its Thursday */
    long doy = days_from_civil(th.year, th.month, th.day) - days_from_civil(th.year, 1, 1);
    snprintf(buf, cap, "%04d-W%02ld", th.year, doy / 7 + 1);
}

/* A calendar unit n steps from the publication: week, weekend, month, year. */
static bool resolve_unit(vigie_doc *d, timex_info *t, const char *unit, int n, bool explicit, size_t at, size_t lo,
                         size_t end)
{
    vigie_date ref = d->published;
    char buf[32];
    t->pub.anchor = "published";
    if (!strcmp(unit, "WE")) { /* the Saturday the direction or the tense points to */
        resolve_weekday(d, t, 6, explicit ? n : 0, at, lo, end);
        t->pub.weekday = 0;
        if (t->date.gran == VIGIE_GRAN_DAY) {
            iso_week(t->date, buf, sizeof buf - 3);
            strcat(buf, "-WE");
            set_value(d, t, buf);
        }
        return true;
    }
    if (!strcmp(unit, "W")) {
        if (ref.gran != VIGIE_GRAN_DAY) {
            resolve_offset(d, t, 7L * n, "published");
            return true;
        }
        vigie_date day = add_days(ref, 7L * n);
        iso_week(day, buf, sizeof buf);
        set_value(d, t, buf);
        vigie_date month = {day.year, day.month, 0, VIGIE_GRAN_MONTH};
        t->date = month;
        return true;
    }
    bool month = !strcmp(unit, "M");
    if (!month && strcmp(unit, "Y"))
        return false;
    if (ref.gran < (month ? VIGIE_GRAN_MONTH : VIGIE_GRAN_YEAR)) {
        set_value(d, t, n == 0 ? "PRESENT_REF" : n < 0 ? "PAST_REF" : "FUTURE_REF");
        return true;
    }
    long months = (long)ref.year * 12 + (ref.month ? ref.month - 1 : 0) + (month ? n : 12L * n);
    vigie_date v = {(int)(months / 12), (int)(months % 12) + 1, 0, month ? VIGIE_GRAN_MONTH : VIGIE_GRAN_YEAR};
    value_of_date(d, t, v);
    return true;
}

/* The year of a season (SP, SU, FA, WI: starting in March, June, September, December) told in a
 * direction: the last one over, the next one to come, or this year's. */
static int season_year(vigie_date ref, const char *season, int direction, bool strict)
{
    static const char *const names[] = {"SP", "SU", "FA", "WI"};
    int start = 3;
    for (int k = 0; k < 4; k++)
        if (!strcmp(season, names[k]))
            start = 3 + 3 * k;
    if (ref.gran < VIGIE_GRAN_MONTH || direction == 0)
        return ref.year;
    if (direction < 0)
        return (strict ? ref.month > start + 2 : ref.month >= start) ? ref.year : ref.year - 1;
    return (strict ? ref.month < start : ref.month <= start + 2) ? ref.year : ref.year + 1;
}

/* A season: "cet été", "l'automne dernier", "last summer", "au printemps 2022". A bare season
 * needs a word that makes it one ("en", "au", a determiner): "a été" is a verb. */
static void resolve_season(vigie_doc *d, timex_info *t, const char *season, const time_entry *dir, size_t at,
                           size_t lo, size_t end, int year)
{
    char buf[32];
    vigie_date ref = d->published;
    if (year < 0 && ref.gran == VIGIE_GRAN_NONE) {
        snprintf(buf, sizeof buf, "XXXX-%s", season);
        set_value(d, t, buf);
        t->pub.anchor = "no reference date";
        return;
    }
    if (year < 0) {
        int direction = dir ? dir->num : tense_direction(d, at, lo, end, false);
        year = season_year(ref, season, direction, dir != NULL);
        t->pub.anchor = "published";
    }
    snprintf(buf, sizeof buf, "%04d-%s", year, season);
    set_value(d, t, buf);
    vigie_date v = {year, 0, 0, VIGIE_GRAN_YEAR};
    t->date = v;
}

static bool resolve_story_shift(vigie_doc *d, timex_info *t, int n, const char *unit);
static void resolve_story_offset(vigie_doc *d, timex_info *t, long days);

/* The first year of a token "2013-2014" or "2013-14" whose years follow each other (a winter, a
 * season of sport), or -1. */
static int winter_years(const vigie_doc *d, size_t i)
{
    int from, to;
    bool two_digits;
    return token_years(d, i, &from, &to, &two_digits) && to == from + 1 ? from : -1;
}

/* The unit before or after the story's date ("l'année suivante", "the previous week"): a year or a
 * month as the story shifts them, a week or weekend of its day; false when the text has no date of
 * that precision (the publication's direction then applies). */
static bool resolve_story_unit(vigie_doc *d, timex_info *t, const char *unit, int n)
{
    bool week = !strcmp(unit, "W"), weekend = !strcmp(unit, "WE");
    if (!week && !weekend)
        return strcmp(unit, "D") ? resolve_story_shift(d, t, n, unit) : (resolve_story_offset(d, t, n), true);
    const char *why;
    vigie_date day = story_date(d, VIGIE_GRAN_DAY, &why);
    if (day.gran != VIGIE_GRAN_DAY)
        return false;
    char buf[32];
    day = add_days(day, 7L * n);
    iso_week(day, buf, sizeof buf - 3);
    if (weekend)
        strcat(buf, "-WE");
    set_value(d, t, buf);
    vigie_date month = {day.year, day.month, 0, VIGIE_GRAN_MONTH};
    t->date = month;
    t->pub.anchor = why;
    return true;
}

/* [part [de]] [det] [direction] UNIT|SEASON [direction] [YEAR]: "cette semaine", "l'an dernier",
 * "early next week", "the weekend", "fin de l'année", "l'automne dernier", "l'été 2014". */
static size_t rec_calendar(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    size_t j = i;
    uint32_t len;
    const time_entry *part = lex_class(d, j, end, TC_PART, &len);
    const time_entry *contracted = NULL; /* "fin du mois": "du" is "de le", a link and a determiner */
    bool part_of = false;                /* "en fin d'année", "en début de semaine": no determiner */
    if (part) {
        j += len;
        const time_entry *of = lex_class(d, j, end, TC_LINK, &len);
        if (tagged(of, "OF")) {
            contracted = lex_class(d, j, end, TC_DET, NULL);
            part_of = true;
            j += len;
        }
    }
    const time_entry *det = lex_class(d, j, end, TC_DET, &len);
    if (!det)
        det = contracted;
    else
        contracted = NULL;
    if (tagged(det, "PL"))
        return 0; /* plural: "les semaines prochaines" */
    if (det && !contracted)
        j += len;
    if (tagged(det, "PREP") && !part)
        t->t0 = (uint32_t)j; /* "au printemps": the preposition stays out of the span */
    const time_entry *pre = lex_class(d, j, end, TC_DIRECTION, &len);
    if (pre && det && !tagged(pre, "STORY"))
        return 0; /* "la dernière semaine", "the last year": not the calendar's; "the previous week" is */
    if (pre)
        j += len;
    const time_entry *unit = lex_class(d, j, end, TC_UNIT, &len);
    const time_entry *season = unit ? NULL : lex_class(d, j, end, TC_SEASON, &len);
    if ((!unit || !unit->text) && !season)
        return 0;
    size_t head = j;
    j += len;
    const time_entry *post = pre ? NULL : lex_class(d, j, end, TC_DIRECTION, &len);
    if (post && post->num)
        j += len;
    else
        post = NULL;
    const time_entry *dir = pre ? pre : post;
    if (tagged(dir, "STORY") && !det)
        return 0; /* "les six premiers mois suivant l'invasion", "in previous weeks": a preposition */
    if (season) {
        if (lazy_verb_lookup(d, head) && after_avoir(d, head, lo))
            return 0; /* "qui a jusqu'ici été marquée": être's participle, not the summer */
        bool capital = head > lo && (d->tinfo.v[head].flags & TF_CAP); /* "the Arab Spring" */
        bool introduced = det || dir || part || (head > lo && lex_class(d, head - 1, end, TC_YEARWORD, NULL));
        if (capital || !introduced)
            return 0;
        if (tagged(lex_class(d, j, end, TC_LINK, NULL), "OF") && (year_value(d, j + 1) > 0 || winter_years(d, j + 1) > 0))
            j++; /* "the summer of 2014", "the winter of 2013-14" */
        int year = dir ? -1 : year_value(d, j);
        if (year < 0 && !dir)
            year = winter_years(d, j); /* "l'hiver 2013-2014": the winter starting in 2013 */
        if (year > 0)
            j++;
        const char *why = "published";
        vigie_date story = tagged(dir, "STORY") ? story_date(d, VIGIE_GRAN_YEAR, &why) : d->published;
        if (tagged(dir, "STORY") && story.gran >= VIGIE_GRAN_YEAR) { /* "l'été suivant" */
            resolve_season(d, t, season->text, NULL, head, lo, end, story.year + dir->num);
            t->pub.anchor = why;
        } else {
            resolve_season(d, t, season->text, tagged(dir, "STORY") ? NULL : dir, head, lo, end, year);
        }
    } else {
        bool weekend = !strcmp(unit->text, "WE");
        bool calendar = !strcmp(unit->text, "Y") || !strcmp(unit->text, "M") || !strcmp(unit->text, "W");
        if (!dir && !(part && det) && !(weekend && det) && !(part_of && calendar))
            return 0;
        if (!dir && tagged(unit, "Y") && year_value(d, j) > 0)
            return 0; /* "fin de l'année 2022": the year's own recogniser reads it */
        bool story = tagged(dir, "STORY") && resolve_story_unit(d, t, unit->text, dir->num);
        if (!story && !resolve_unit(d, t, unit->text, dir ? dir->num : 0, dir && dir->num, head, lo, end))
            return 0;
    }
    if (part)
        t->pub.mod = part->text;
    return j - i;
}

/* [det] ORDINAL semestre|trimestre|quarter|half [de|of] YEAR: "premier semestre 2026" = 2026-H1. */
static size_t rec_yearpart(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    (void)lo;
    size_t j = i;
    uint32_t len;
    const time_entry *det = lex_class(d, j, end, TC_DET, &len);
    if (det && !tagged(det, "PL"))
        j += len;
    if (tagged(det, "PREP"))
        t->t0 = (uint32_t)j; /* "du premier semestre" */
    const time_entry *ord = lex_class(d, j, end, TC_ORDINAL, &len);
    if (!ord)
        return 0;
    j += len;
    const time_entry *yp = lex_class(d, j, end, TC_YEARPART, &len);
    if (!yp || !yp->text || ord->num < 1 || ord->num > (tagged(yp, "H") ? 2 : 4))
        return 0;
    j += len;
    const time_entry *of = lex_class(d, j, end, TC_LINK, &len);
    int year = tagged(of, "OF") ? year_value(d, j + len) : year_value(d, j);
    if (year < 0)
        return 0; /* "the second half" of a match; "au troisième trimestre" is left out with it */
    j += tagged(of, "OF") ? len + 1 : 1;
    t->pub.anchor = "absolute";
    char buf[32];
    snprintf(buf, sizeof buf, "%04d-%s%d", year, yp->text, ord->num);
    set_value(d, t, buf);
    vigie_date v = {year, 0, 0, VIGIE_GRAN_YEAR};
    t->date = v;
    return j - i;
}

/* Sets: "chaque lundi", "tous les deux ans", "every week", "each Monday morning". */
static size_t rec_every(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    (void)lo;
    uint32_t len;
    const time_entry *every = lex_class(d, i, end, TC_EVERY, &len);
    if (!every)
        return 0;
    size_t j = i + len;
    bool unit_only = tagged(every, "UNIT"); /* "par an", "per year" */
    bool weekday_only = tagged(every, "WEEKDAY"); /* "their weekly Saturday demonstrations" */
    int n = unit_only || weekday_only ? -1 : count_value(d, j, end, &len);
    if (n > 0 || n == COUNT_UNKNOWN)
        j += len;
    else
        n = 1;
    char buf[48];
    const time_entry *unit = lex_class(d, j, end, TC_UNIT, &len);
    if (unit_only && (!unit || !unit->text || clock_unit(unit->text)))
        return 0; /* not "par lundi", nor a speed, "80 kilometers per hour" */
    if (weekday_only && unit)
        return 0;
    const time_entry *wd = unit ? NULL : lex_class(d, j, end, TC_WEEKDAY, &len);
    if (unit && unit->text && strcmp(unit->text, "WE")) {
        duration_value(buf, sizeof buf, n, unit->text);
    } else if (unit && unit->text) {
        snprintf(buf, sizeof buf, "XXXX-WXX-WE");
    } else if (wd && n == 1) {
        snprintf(buf, sizeof buf, "XXXX-WXX-%d", wd->num);
    } else {
        return 0;
    }
    j += len;
    const time_entry *dp = wd ? lex_class(d, j, end, TC_DAYPART, &len) : NULL;
    if (dp && dp->text) {
        strcat(buf, "T");
        strcat(buf, dp->text);
        j += len;
    }
    set_value(d, t, buf);
    t->pub.type = VIGIE_TIMEX_SET;
    t->pub.anchor = "set";
    return j - i;
}

/* Decades: "les années 1990", "les années 90", "the 1990s" = 199. */
static size_t rec_decade(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    uint32_t len = 0;
    const char *rest = "";
    if (lex_class(d, i, end, TC_DECADE, &len)) {
        if (i + len >= end || d->tokens.v[i + len].kind != VIGIE_TOK_NUMBER)
            return 0;
    } else if (d->tokens.v[i].kind != VIGIE_TOK_NUMBER) {
        return 0;
    }
    int v = lead_digits(tok_key(d, i + len), 4, &rest);
    if (len ? *rest != 0 : !key_class(d, rest, strlen(rest), TC_DECADE))
        return 0;
    int decade = v >= 1000 && v <= 2990 && v % 10 == 0 ? v / 10 : v >= 20 && v <= 90 && v % 10 == 0 ? 190 + v / 10 : -1;
    if (decade < 0 || (v < 100 && !len && !(i > lo && lex_class(d, i - 1, end, TC_DET, NULL))))
        return 0; /* "the 90s", not "in their 20s" */
    char buf[16];
    snprintf(buf, sizeof buf, "%03d", decade);
    set_value(d, t, buf);
    t->pub.anchor = "absolute";
    return len + 1;
}

/* The hour and minutes written at token i: "18", "18:30", "6pm", "18h30" (split or not); *clock
 * gets the word after the hour, *j the token after the time. */
static int clock_hour(const vigie_doc *d, size_t i, size_t end, int *minutes, const time_entry **clock, size_t *j)
{
    const char *rest, *after;
    int h = lead_digits(tok_key(d, i), 2, &rest);
    *clock = NULL;
    *minutes = 0;
    *j = i + 1;
    if (h < 0)
        return -1;
    bool dotted = *rest == '.'; /* British "10.30am": a time only with its clock word */
    if (*rest == ':' || dotted) { /* "18:30", "2:33am" */
        *minutes = lead_digits(rest + 1, 2, &after);
        if (*minutes < 0 || after != rest + 3 || (*after && !isalpha((unsigned char)*after)))
            return -1;
        rest = after;
    }
    bool own = *rest != 0; /* "6pm", "18h30", "2:33am": the word is inside the token */
    const char *word = own ? rest : i + 1 < end ? tok_key(d, i + 1) : "";
    size_t alpha = strcspn(word, "0123456789");
    uint32_t len = 1;
    char bare[16] = ""; /* "p.m." is read as "pm" */
    size_t nb = 0;
    for (size_t k = 0; k < alpha && nb + 1 < sizeof bare; k++)
        if (word[k] != '.')
            bare[nb++] = word[k];
    *clock = key_class(d, bare, nb, TC_CLOCK);
    if (!*clock && !own && !word[alpha]) /* a phrase of several tokens: "o'clock" */
        *clock = lex_class(d, i + 1, end, TC_CLOCK, &len);
    if (!*clock)
        return own || dotted ? -1 : h;
    *j = own ? i + 1 : i + 1 + len;
    if (word[alpha] && !*minutes) { /* "h30" */
        *minutes = lead_digits(word + alpha, 2, &after);
        if (*minutes < 0 || *after)
            return -1;
    } else if (*j < end && strlen(tok_key(d, *j)) == 2 && number_value(d, *j, 2) >= 0) {
        *minutes = number_value(d, (*j)++, 2); /* "18 h 30" */
    }
    return h;
}

/* Clock times: "à 18 heures", "at 6 p.m.", "at 18:00", "à midi", "noon on Thursday". The day is
 * the date written just before ("ce soir à 20 heures", merged into it) or after, else the
 * publication day. */
static size_t rec_clock(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    bool at = i > lo && lex_class(d, i - 1, end, TC_AT, NULL);
    uint32_t len;
    const time_entry *hw = lex_class(d, i, end, TC_HOUR, &len), *clock = NULL;
    int h, minutes = 0;
    size_t j;
    if (hw) {
        h = hw->num;
        j = i + len;
    } else if (d->tokens.v[i].kind == VIGIE_TOK_NUMBER) {
        h = clock_hour(d, i, end, &minutes, &clock, &j);
        if (!clock && !(strchr(tok_key(d, i), ':') && at))
            return 0;
    } else {
        return 0;
    }
    /* an hour word after a preposition is one too: "depuis minuit", "autour de minuit", "before noon" */
    bool introduced = at || (hw && i > lo && !(d->tinfo.v[i].flags & TF_CAP) &&
                             !lazy_gram_is(d, i - 1, end, G_DETERMINER) &&
                             (lazy_gram_is(d, i - 1, end, G_PREP) || lex_class(d, i - 1, end, TC_YEARWORD, NULL)));
    /* not after a determiner: "la Ligue du midi" is the South */
    if (h < 0 || (!introduced && (hw || tagged(clock, "AT"))))
        return 0;
    if (clock && clock->num && h < 12)
        h += clock->num; /* p.m. */
    else if (tagged(clock, "AM") && h == 12)
        h = 0;
    if (h > 23 || minutes > 59)
        return 0;
    timex_info *prev = d->timexes.n ? &d->timexes.v[d->timexes.n - 1] : NULL;
    /* not into a clock time: "de 18 h à 23 h" is two times, the range's ends; "ce soir à 20 h" is one */
    bool merge = prev && prev->t1 > lo && prev->date.gran == VIGIE_GRAN_DAY && prev->pub.type != VIGIE_TIMEX_SET &&
                 !(prev->pub.value && strchr(prev->pub.value, ':')) && (prev->t1 == i || (at && prev->t1 == i - 1));
    timex_info *day = merge ? prev : t;
    if (!merge) {
        const time_entry *of = lex_class(d, j, end, TC_LINK, &len);
        size_t k = tagged(of, "OF") || tagged(of, "ON") ? j + len : j;
        timex_info x = new_timex(k);
        size_t n = rec_weekday(d, k, end, lo, &x);
        if (!n || n == (size_t)-1)
            n = rec_relday(d, k, end, lo, &x);
        if (n && n != (size_t)-1 && x.date.gran == VIGIE_GRAN_DAY) {
            *t = x;
            t->t0 = (uint32_t)i;
            j = k + n;
        } else { /* a clock time alone is on the day the story is at ("mardi vers 21 h 45 ... à 22 h") */
            resolve_story_offset(d, t, 0);
        }
    }
    char buf[48];
    if (day->date.gran == VIGIE_GRAN_DAY)
        snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", day->date.year, day->date.month, day->date.day, h, minutes);
    else
        snprintf(buf, sizeof buf, "XXXX-XX-XXT%02d:%02d", h, minutes);
    set_value(d, day, buf);
    day->pub.type = VIGIE_TIMEX_TIME;
    day->pub.weekday = 0;
    if (merge) { /* the clock completes the date before it; nothing new to push */
        day->t1 = (uint32_t)j;
        day->pub.span.end = d->tokens.v[j - 1].span.end;
        t->pub.value = NULL;
    }
    return j - i;
}

/* A date n units after (before, when negative) the story's last date: "trois semaines plus tard".
 * False for units that make no date (hours) or an unknown count. */
static bool resolve_story_shift(vigie_doc *d, timex_info *t, int n, const char *unit)
{
    long days = !strcmp(unit, "D") ? n : !strcmp(unit, "W") ? 7L * n : 0;
    if (days) {
        resolve_story_offset(d, t, days);
        return true;
    }
    bool month = !strcmp(unit, "M");
    if ((!month && strcmp(unit, "Y")) || n == 0)
        return false;
    const char *why;
    vigie_date ref = story_date(d, VIGIE_GRAN_YEAR, &why);
    if (ref.gran < VIGIE_GRAN_YEAR)
        return false;
    /* months from a year alone ("trois mois plus tôt" after "en 2008") give a year, counted from
     * its middle */
    bool by_month = month && ref.gran >= VIGIE_GRAN_MONTH;
    long base = ref.gran >= VIGIE_GRAN_MONTH ? ref.month - 1 : 5;
    long months = (long)ref.year * 12 + base + (month ? n : 12L * n);
    vigie_date v = {(int)(months / 12), (int)(months % 12) + 1, 0, by_month ? VIGIE_GRAN_MONTH : VIGIE_GRAN_YEAR};
    value_of_date(d, t, v);
    t->pub.anchor = why;
    return true;
}

/* The value of a Roman ordinal key ("xxe", "xixeme", "ier": 20, 19, 1), or -1. */
static int roman_ordinal(const char *k)
{
    static const char digits[] = "ivxl";
    static const int values[] = {1, 5, 10, 50};
    int total = 0, prev = 0;
    const char *p = k;
    for (const char *at; *p && (at = strchr(digits, *p)); p++) {
        int v = values[at - digits];
        total += v > prev ? v - 2 * prev : v; /* "ix": 1 then 10 - 2 */
        prev = v;
    }
    bool suffix = p > k && (!strcmp(p, "e") || !strcmp(p, "eme") || (total == 1 && !strcmp(p, "er")));
    return suffix && total < 40 ? total : -1;
}

/* An ordinal and the unit of centuries: "the 18th century", "le 19e siècle" is a date, the
 * century's first two digits (TIMEX3 "17"), not a count of centuries. */
static size_t rec_century(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    (void)lo;
    const char *rest = "";
    int n = d->tokens.v[i].kind == VIGIE_TOK_NUMBER ? lead_digits(tok_key(d, i), 2, &rest) : -1;
    if (n < 0 && (n = roman_ordinal(tok_key(d, i))) > 0)
        rest = "e"; /* "le XXe siècle", "au XIXe siècle" */
    uint32_t len;
    const time_entry *unit = n > 0 && *rest ? lex_class(d, i + 1, end, TC_UNIT, &len) : NULL;
    if (!unit || !unit->text || strcmp(unit->text, "CE"))
        return 0;
    char buf[16];
    snprintf(buf, sizeof buf, "%02d", n - 1);
    set_value(d, t, buf);
    t->pub.anchor = "absolute";
    return 1 + len;
}

/* Is the story's last date before (-1) or after (+1) the publication, or the same day or unknown (0)?
 * Vague shifts from it keep its side: "quelques mois plus tard" after an 1893 date is in the past. */
static int story_side(vigie_doc *d)
{
    const char *why;
    vigie_date a = story_date(d, VIGIE_GRAN_YEAR, &why), p = d->published;
    if (a.gran < VIGIE_GRAN_YEAR || p.gran < VIGIE_GRAN_YEAR)
        return 0;
    int fields[2][3] = {{a.year, a.month, a.day}, {p.year, p.month, p.day}};
    int depth = (int)(a.gran < p.gran ? a.gran : p.gran); /* YEAR 1, MONTH 2, DAY 3 */
    for (int k = 0; k < depth; k++)
        if (fields[0][k] != fields[1][k])
            return fields[0][k] < fields[1][k] ? -1 : 1;
    return 0;
}

/* A plural unit with no count before "ago" or an adverbial offset: "years ago", "Days later". */
static bool bare_plural_shift(const vigie_doc *d, size_t i, size_t end)
{
    uint32_t len;
    const time_entry *unit = lex_class(d, i, end, TC_UNIT, &len);
    const char *k = tok_key(d, i);
    if (!unit || !unit->text || len != 1 || k[strlen(k) - 1] != 's' || !strcmp(unit->text, "WE") || clock_unit(unit->text))
        return false; /* "hours earlier" is no date */
    const time_entry *off = lex_class(d, i + 1, end, TC_OFFSET, NULL);
    const time_entry *ago = lex_class(d, i + 1, end, TC_AGO, NULL);
    return tagged(off, "ADV") || (ago && !tagged(ago, "BEFORE"));
}

/* [il y a] [approx] N UNIT [ago|avant|plus tard] — durations and offsets. */
static size_t rec_duration(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    (void)lo;
    size_t j = i;
    uint32_t len;
    const time_entry *ago_before = lex_class(d, j, end, TC_AGO, &len);
    if (ago_before)
        j += len;
    const time_entry *approx = lex_class(d, j, end, TC_APPROX, &len);
    if (approx) {
        j += len;
        if (tok_is(d, j, "d'") || tok_is(d, j, "de") || tok_is(d, j, "than"))
            j++; /* "moins d'un mois", "more than" written without the lexicon's "de" */
    }
    int n = count_value(d, j, end, &len);
    bool article = n == COUNT_ARTICLE;
    if (article)
        n = 1;
    if (n == -1 && j == i && bare_plural_shift(d, j, end)) {
        n = COUNT_UNKNOWN; /* "Days later", "years ago": a count left unsaid */
        len = 0;
    }
    if (n < 0 && n != COUNT_UNKNOWN)
        return 0;
    j += len;
    const time_entry *unit = lex_class(d, j, end, TC_UNIT, &len);
    if (!unit || !unit->text || !strcmp(unit->text, "WE"))
        return 0;
    j += len;
    const time_entry *ago_after = lex_class(d, j, end, TC_AGO, &len);
    if (tagged(ago_after, "BEFORE"))
        ago_after = NULL; /* "dans" comes before its count: "trois semaines dans la ville" */
    if (ago_after && !ago_before)
        j += len;
    char buf[48];
    const char *u = unit->text;
    bool timeunit = clock_unit(u);
    const time_entry *ago = ago_before ? ago_before : ago_after;
    int sign = ago && ago->num > 0 ? 1 : -1; /* "il y a", "ago": before publication; "dans": after */
    if (n == COUNT_UNKNOWN && ago) {
        set_value(d, t, sign < 0 ? "PAST_REF" : "FUTURE_REF"); /* "il y a quelques jours" */
        t->pub.anchor = "vague";
        return j - i;
    }
    const time_entry *off = ago_before || ago_after || approx || timeunit ? NULL : lex_class(d, j, end, TC_OFFSET, &len);
    bool shift = off && (tagged(off, "ADV") || phrase_ends(d, j + len, end));
    if (article && !ago_after && !shift)
        return 0; /* "twice a week", "a day of talks" */
    if (shift && n == COUNT_UNKNOWN) { /* "quelques mois plus tard": from the story's date, by how much unsaid */
        /* with no publication date the text is a narrative of the past, most likely */
        int side = d->published.gran >= VIGIE_GRAN_YEAR ? story_side(d) : -1;
        set_value(d, t, (side ? side : off->num) < 0 ? "PAST_REF" : "FUTURE_REF");
        t->pub.anchor = "vague";
        return j + len - i;
    }
    if (shift && resolve_story_shift(d, t, off->num * n, u))
        return j + len - i; /* "dix jours plus tard", "three days later" */
    if (ago) {
        long days = !strcmp(u, "D") ? n : !strcmp(u, "W") ? 7L * n : -1;
        if (days >= 0) {
            resolve_offset(d, t, sign * days, "published day");
        } else if ((!strcmp(u, "M") || !strcmp(u, "Y") || !strcmp(u, "DE")) && d->published.gran >= VIGIE_GRAN_MONTH) {
            vigie_date v = d->published; /* "il y a deux mois", "a decade ago" (a year, ten before) */
            long years = !strcmp(u, "DE") ? 10L * n : !strcmp(u, "Y") ? n : 0;
            long months = (long)v.year * 12 + (v.month - 1) + sign * (!strcmp(u, "M") ? n : 12L * years);
            vigie_date r = {(int)(months / 12), (int)(months % 12) + 1, 0, years ? VIGIE_GRAN_YEAR : VIGIE_GRAN_MONTH};
            value_of_date(d, t, r);
            t->pub.anchor = "published";
        } else {
            set_value(d, t, sign < 0 ? "PAST_REF" : "FUTURE_REF");
        }
        return j - i;
    }
    t->pub.type = VIGIE_TIMEX_DURATION;
    duration_value(buf, sizeof buf, n, u);
    set_value(d, t, buf);
    t->pub.anchor = "duration";
    if (approx)
        t->pub.mod = approx->text;
    if (approx) /* the span starts at the approximation, not at "il y a" */
        t->t0 = (uint32_t)i;
    return j - i;
}

static size_t rec_vague(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    (void)lo;
    uint32_t len;
    const time_entry *v = lex_class(d, i, end, TC_VAGUE, &len);
    if (!v || !v->text)
        return 0;
    if (len == 1 && !strcmp(v->text, "FUTURE_REF") && lex_class(d, i + 1, end, TC_OFFSET, NULL))
        return 0; /* "shortly before noon", "soon after": the offset's anchor says when, not "soon" */
    set_value(d, t, v->text);
    t->pub.anchor = "vague";
    return len;
}

/* The expression ends at token end (its start t0 may lie after where the recogniser began). */
static void push_timex(vigie_doc *d, timex_info *t, size_t end, size_t sentence)
{
    t->t1 = (uint32_t)end;
    t->pub.sentence = sentence;
    t->pub.span.start = d->tokens.v[t->t0].span.start;
    t->pub.span.end = d->tokens.v[t->t1 - 1].span.end;
    if (t->piece) { /* the year before or after the range's dash, in the original bytes */
        const char *s = d->orig + t->pub.span.start, *e = d->orig + t->pub.span.end;
        const char *dash = s;
        while (dash < e && *dash != '-' && *dash != '/')
            dash++;
        if (dash < e && t->piece == 1)
            t->pub.span.end = (uint32_t)(dash - d->orig);
        else if (dash < e)
            t->pub.span.start = (uint32_t)(dash + 1 - d->orig);
    }
    if (!t->pub.anchor)
        t->pub.anchor = "absolute";
    VEC_PUSH(d->timexes, *t);
}

/* Days in a duration value "P2W" / "P3D" (0: not a count of days or weeks). */
static long duration_days(const char *v)
{
    char unit = 0;
    long n = 0;
    if (!v || v[0] != 'P' || sscanf(v, "P%ld%c", &n, &unit) != 2)
        return 0;
    return unit == 'D' ? n : unit == 'W' ? 7 * n : 0;
}

/* A day that an offset ties to a resolved date ("deux semaines avant ... le 10 janvier"):
 * false when the document has none near its publication month. */
static bool offset_anchor(const vigie_doc *d, vigie_date *out)
{
    for (size_t k = 0; k < d->timexes.n; k++) {
        const timex_info *t = &d->timexes.v[k];
        long days = t->pub.mod ? 0 : duration_days(t->pub.value);
        size_t end = sentence_end(d, t->pub.sentence);
        uint32_t len;
        const time_entry *dir = days && t->t1 < end ? lex_class(d, t->t1, end, TC_OFFSET, &len) : NULL;
        if (!dir)
            continue;
        for (size_t j = k + 1; j < d->timexes.n && d->timexes.v[j].pub.sentence == t->pub.sentence; j++) {
            const timex_info *x = &d->timexes.v[j];
            if (x->date.gran != VIGIE_GRAN_DAY || x->pub.weekday)
                continue;
            *out = add_days(x->date, dir->num * days);
            long from = days_from_civil(d->published.year, d->published.month, 1);
            long at = days_from_civil(out->year, out->month, out->day);
            return at >= from - 7 && at <= from + 38; /* the month, give or take a week */
        }
    }
    return false;
}

/* A month-dated article still fixes its days when an offset ties one of them to a resolved
 * date: its weekdays left unresolved are then the ones nearest that day. */
static void pin_weekdays(vigie_doc *d)
{
    vigie_date near;
    if (d->published.gran != VIGIE_GRAN_MONTH || !offset_anchor(d, &near))
        return;
    int wd_near = weekday_of(near.year, near.month, near.day);
    for (size_t k = 0; k < d->timexes.n; k++) {
        timex_info *t = &d->timexes.v[k];
        if (!t->pub.weekday || t->date.gran == VIGIE_GRAN_DAY)
            continue;
        long fwd = (t->pub.weekday - wd_near + 7) % 7, back = (wd_near - t->pub.weekday + 7) % 7;
        value_of_date(d, t, add_days(near, fwd <= back ? fwd : -back));
        t->pub.anchor = "weekday nearest the day an offset fixes";
    }
}

/* Classes found only inside an expression, never at its start ("de", "à", "in", "heures"). */
#define INNER_CLASSES                                                                                            \
    (1u << TC_OFFSET | 1u << TC_YEARWORD | 1u << TC_LINK | 1u << TC_CLOCK | 1u << TC_AT |      \
     1u << TC_YEARPART | 1u << TC_LABEL)

/* A Roman ordinal before a unit ("XXe siècle"): looked at only where a unit follows. */
static bool roman_century(const vigie_doc *d, const time_cache *cache, size_t i, size_t end)
{
    return i + 1 < end && (cache->hits[i + 1].classes & (1u << TC_UNIT)) && roman_ordinal(tok_key(d, i)) > 0;
}

/* Every recogniser starts on a lexicon phrase, a number, or a hyphenated word ("mi-janvier",
 * "quarante-deux"): other tokens, and frequent words that only link or introduce ("de", "in"),
 * are skipped without trying them all; a determiner must come before another lexicon word. */
static bool might_start(const vigie_doc *d, const time_cache *cache, size_t i, size_t end)
{
    uint32_t start = cache->hits[i].classes & ~INNER_CLASSES;
    if (start == 1u << TC_DET)
        return i + 1 < end && cache->hits[i + 1].head;
    return start || d->tokens.v[i].kind == VIGIE_TOK_NUMBER || (d->tinfo.v[i].flags & TF_HYPHEN) ||
           roman_century(d, cache, i, end);
}

typedef size_t (*recogniser)(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t);

/* What a token must be for a recogniser to start on it: bits 1 << time_class of its lexicon
 * entries, or a number, or a hyphenated word. A recogniser whose start the token is not is not
 * called: most starts are numbers and "un", "une", which only a few recognisers take. */
#define START_NUMBER (1u << TC_COUNT)
#define START_HYPHEN (1u << (TC_COUNT + 1))
#define START_ROMAN (1u << (TC_COUNT + 2))
#define C(c) (1u << TC_##c)
typedef struct {
    recogniser run;
    uint32_t starts;
} recogniser_entry;

/* Tried in this order at each token; the first that matches wins. */
static const recogniser_entry recognisers[] = {
    {rec_holiday, C(HOLIDAY)},
    {rec_numeric, START_NUMBER},
    {rec_clock, C(HOUR) | START_NUMBER},
    {rec_decade, C(DECADE) | START_NUMBER},
    {rec_day_month, C(ORDINAL) | START_NUMBER},
    {rec_day_range, START_NUMBER},
    {rec_daypart_of, C(DAYPART)},
    {rec_weekday, C(DIRECTION) | C(WEEKDAY)},
    {rec_month_day, C(MONTH)},
    {rec_year_range, START_NUMBER},
    {rec_month_range, START_HYPHEN},
    {rec_hyphen_part, START_HYPHEN},
    {rec_yearpart, C(DET) | C(ORDINAL)},
    {rec_every, C(EVERY)},
    {rec_calendar, C(PART) | C(DET) | C(DIRECTION) | C(UNIT) | C(SEASON)},
    {rec_month_year, C(PART) | C(DIRECTION) | C(MONTH) | START_NUMBER},
    {rec_anaphor, C(PART) | C(ANAPHOR)},
    {rec_relday, C(PART) | C(RELDAY)},
    {rec_century, START_NUMBER | START_ROMAN},
    {rec_duration, C(AGO) | C(APPROX) | C(NUMBER) | C(UNIT) | START_NUMBER | START_HYPHEN},
    {rec_vague, C(VAGUE)},
};
#undef C
#define RECOGNISERS (sizeof recognisers / sizeof *recognisers)
_Static_assert(RECOGNISERS <= 32, "time_starters has a bit per recogniser");
_Static_assert(START_ROMAN == 1u << (TIME_STARTS - 1), "time_starters has an entry per start bit");

void time_index(lang_data *L)
{
    const phrase_table *t = &L->time;
    for (size_t k = 0; k < t->links.n; k++) {
        uint32_t classes = 0, n = 0;
        for (uint32_t l = (uint32_t)k + 1; l && n < TIME_HIT_ENTRIES; l = t->links.v[l - 1].next, n++)
            classes |= 1u << L->time_entries.v[t->links.v[l - 1].payload].cls;
        VEC_PUSH(L->time_chain_classes, classes);
    }
    for (size_t r = 0; r < RECOGNISERS; r++)
        for (uint32_t starts = recognisers[r].starts; starts; starts &= starts - 1)
            L->time_starters[__builtin_ctz(starts)] |= 1u << r;
}

static uint32_t start_kind(const vigie_doc *d, const time_cache *cache, size_t i, size_t end)
{
    return cache->hits[i].classes | (d->tokens.v[i].kind == VIGIE_TOK_NUMBER ? START_NUMBER : 0) |
           (d->tinfo.v[i].flags & TF_HYPHEN ? START_HYPHEN : 0) | (roman_century(d, cache, i, end) ? START_ROMAN : 0);
}

int time_unit_days(const vigie_doc *d, size_t i, size_t end)
{
    const time_entry *unit = lex_class(d, i, end, TC_UNIT, NULL);
    if (!unit || !unit->text)
        return 0;
    return !strcmp(unit->text, "D") ? 1 : !strcmp(unit->text, "W") ? 7 : 0;
}

void time_doc(vigie_doc *d)
{
    const lang_data *L = &d->engine->lang[d->lang];
    time_cache cache = {xmalloc((d->tokens.n ? d->tokens.n : 1) * sizeof(time_hit)), d->tokens.n};
    for (size_t s = 0; s < d->sentences.n; s++) {
        size_t end = sentence_end(d, s);
        for (size_t i = d->sentences.v[s].first_token; i < end; i++)
            lex_lookup(d, i, end, &cache.hits[i]);
    }
    d->stage_scratch = &cache;
    for (size_t s = 0; s < d->sentences.n; s++) {
        size_t lo = d->sentences.v[s].first_token, end = sentence_end(d, s);
        for (size_t i = lo; i < end;) {
            if (!might_start(d, &cache, i, end)) {
                i++;
                continue;
            }
            if (cache.hits[i].classes & (1u << TC_NAME)) { /* "le Journal du dimanche", "the Sunday Times" */
                i += cache.hits[i].len ? cache.hits[i].len : 1;
                continue;
            }
            timex_info t;
            size_t len = 0;
            uint32_t tried = 0; /* the recognisers that start on this kind of token, in their order */
            for (uint32_t kind = start_kind(d, &cache, i, end); kind; kind &= kind - 1)
                tried |= L->time_starters[__builtin_ctz(kind)];
            for (; !len && tried; tried &= tried - 1) {
                t = new_timex(i);
                len = recognisers[__builtin_ctz(tried)].run(d, i, end, lo, &t);
            }
            if (len == (size_t)-1) { /* impossible date: skip the day token */
                i++;
                continue;
            }
            if (len && t.pub.value)
                push_timex(d, &t, i + len, s);
            i += len ? len : 1; /* a match without a value (a clock time merged into a date) */
        }
    }
    pin_weekdays(d);
    d->stage_scratch = NULL;
    free(cache.hits);
}
