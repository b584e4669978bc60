/* Time: temporal expressions recognised from the language's temporal lexicon
 * (data/LANG/time.txt) and normalised to TIMEX3 values against the publication date. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the lexicon says of token i: the entries of the longest phrase starting there. */
typedef struct {
    uint32_t len;
    uint32_t classes; /* bit per class among the entries: most asks are answered by it */
    size_t n;
    const time_entry *e[8];
} time_hit;

/* The recognisers ask about the same tokens many times: each token's lexicon entries are
 * looked up once per document (phrases do not cross sentence ends). */
typedef struct {
    time_hit *hits;
    size_t n;
} time_cache;

static time_hit lex_lookup(const vigie_doc *d, size_t i, size_t end)
{
    time_hit h = {0, 0, 0, {0}};
    const lang_data *L = &d->engine->lang[d->lang];
    uint32_t payloads[8];
    h.len = phrase_match(&L->time, d, i, end, payloads, 8, &h.n);
    for (size_t k = 0; k < h.n; k++) {
        h.e[k] = &L->time_entries.v[payloads[k]];
        h.classes |= 1u << h.e[k]->cls;
    }
    return h;
}

/* The entries at token i: the cached ones (no copy: the recognisers ask often), or a fresh
 * lookup into *fresh when the cached phrase runs past `end`. */
static const time_hit *lex_at(const vigie_doc *d, size_t i, size_t end, time_hit *fresh)
{
    const time_cache *cache = d->stage_scratch;
    if (cache && i < cache->n && cache->hits[i].len <= end - i)
        return &cache->hits[i];
    *fresh = lex_lookup(d, i, end);
    return fresh;
}

static const time_entry *hit_class(const time_hit *h, enum time_class c)
{
    for (size_t k = 0; k < h->n; k++)
        if (h->e[k]->cls == c)
            return h->e[k];
    return NULL;
}

/* A lexicon entry of class c at token i; *len gets its length. English month names must be
 * capitalised ("may", "march" are verbs). */
static const time_entry *lex_class(const vigie_doc *d, size_t i, size_t end, enum time_class c, uint32_t *len)
{
    if (i >= end)
        return NULL;
    time_hit fresh;
    const time_hit *h = lex_at(d, i, end, &fresh);
    if (!(h->classes & (1u << c)))
        return NULL;
    const time_entry *e = hit_class(h, c);
    if (e && c == TC_MONTH && d->lang == LANG_EN && !(d->tinfo.v[i].flags & TF_CAP))
        return NULL;
    if (e && len)
        *len = h->len;
    return e;
}

static int number_value(const vigie_doc *d, size_t i, int max_digits)
{
    if (i >= d->tokens.n || d->tokens.v[i].kind != VIGIE_TOK_NUMBER)
        return -1;
    const char *k = tok_key(d, i);
    int v = 0, n = 0;
    while (k[n] >= '0' && k[n] <= '9') {
        if (n >= max_digits)
            return -1;
        v = v * 10 + (k[n] - '0');
        n++;
    }
    return n ? v : -1;
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

static int count_value(const vigie_doc *d, size_t i, size_t end, uint32_t *len)
{
    *len = 1;
    int v = number_value(d, i, 4);
    if (v >= 0 && !strchr(tok_key(d, i), '.') && !strchr(tok_key(d, i), ','))
        return v;
    const time_entry *e = lex_class(d, i, end, TC_NUMBER, len);
    return e ? e->num : -1;
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

static bool resolve_day_month(vigie_doc *d, timex_info *t, int day, int month, int year)
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
        t->pub.anchor = "published";
    } else {
        t->pub.anchor = "absolute";
    }
    if (!date_valid(year, month, day))
        return false;
    vigie_date v = {year, month, day, VIGIE_GRAN_DAY};
    value_of_date(d, t, v);
    return true;
}

static void resolve_month(vigie_doc *d, timex_info *t, int month, int year)
{
    char buf[32];
    if (year < 0 && d->published.gran == VIGIE_GRAN_NONE) {
        snprintf(buf, sizeof buf, "XXXX-%02d", month);
        set_value(d, t, buf);
        t->pub.anchor = "no reference date";
        return;
    }
    t->pub.anchor = year < 0 ? "published" : "absolute";
    vigie_date v = {year < 0 ? nearest_year(d->published, month) : year, month, 0, VIGIE_GRAN_MONTH};
    value_of_date(d, t, v);
}

static vigie_date add_days(vigie_date ref, long days)
{
    vigie_date v = ref;
    civil_from_days(days_from_civil(ref.year, ref.month, ref.day) + days, &v.year, &v.month, &v.day);
    return v;
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
    char tense = direction ? 0 : tense_near(d, at, lo, hi);
    if (direction == 0)
        direction = tense == 'F' || tense == 'C' ? +1 : tense == 'P' ? -1 : 0;
    if (ref.gran != VIGIE_GRAN_DAY) {
        resolve_offset(d, t, 0, "weekday");
        if (ref.gran == VIGIE_GRAN_MONTH)
            t->pub.anchor = "weekday in the published month; day unresolved";
        t->future_hint = direction > 0;
        return;
    }
    int today = weekday_of(ref.year, ref.month, ref.day);
    long fwd = (wd - today + 7) % 7, back = (today - wd + 7) % 7;
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
static size_t rec_numeric(vigie_doc *d, size_t i, timex_info *t)
{
    const char *k = tok_key(d, i);
    int a, b, c;
    char sep1, sep2;
    int consumed = 0;
    if (sscanf(k, "%4d-%2d-%2d%n", &a, &b, &c, &consumed) == 3 && (size_t)consumed == strlen(k) && strlen(k) == 10) {
        if (!date_valid(a, b, c))
            return 0;
        vigie_date v = {a, b, c, VIGIE_GRAN_DAY};
        value_of_date(d, t, v);
        t->pub.anchor = "absolute";
        return 1;
    }
    if (sscanf(k, "%2d%c%2d%c%4d%n", &a, &sep1, &b, &sep2, &c, &consumed) == 5 && (size_t)consumed == strlen(k) &&
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

/* [weekday] DAY MONTH [YEAR] — "10 janvier", "jeudi 30 décembre 2021", "10 January". */
static size_t rec_day_month(vigie_doc *d, size_t i, size_t end, timex_info *t)
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
    int year = year_value(d, j);
    if (year > 0)
        j++;
    if (!resolve_day_month(d, t, day, m->num, year))
        return (size_t)-1; /* an impossible date: consume it, produce nothing */
    return j - i;
}

/* MONTH DAY[,] [YEAR] — "January 10, 2022", "Jan. 10". */
static size_t rec_month_day(vigie_doc *d, size_t i, size_t end, timex_info *t)
{
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
    if (!resolve_day_month(d, t, day, m->num, year))
        return (size_t)-1;
    return j - i;
}

/* [part] MONTH [YEAR] and [part] YEAR — "début décembre", "en décembre 2021", "late 2021". */
static size_t rec_month_year(vigie_doc *d, size_t i, size_t end, timex_info *t)
{
    size_t j = i;
    uint32_t len;
    const time_entry *part = lex_class(d, j, end, TC_PART, &len);
    if (part) {
        j += len;
        if (tok_is(d, j, "-"))
            j++; /* "mi - janvier" when split */
        if (d->lang == LANG_FR && (tok_is(d, j, "de") || tok_is(d, j, "d'")))
            j++; /* "fin de l'année" is not handled; "début de 2022" is */
        if (tok_is(d, j, "of"))
            j++;
    }
    const time_entry *m = lex_class(d, j, end, TC_MONTH, &len);
    if (m) {
        j = skip_period(d, j + len, end);
        int year = year_value(d, j);
        if (year > 0)
            j++;
        resolve_month(d, t, m->num, year);
    } else {
        int year = year_value(d, j);
        bool introduced = part || (i > 0 && lex_class(d, i - 1, end, TC_YEARWORD, NULL));
        if (year < 0 || !introduced)
            return 0;
        vigie_date v = {year, 0, 0, VIGIE_GRAN_YEAR};
        value_of_date(d, t, v);
        t->pub.anchor = "absolute";
        j++;
    }
    if (part)
        t->pub.mod = part->text;
    return j - i;
}

/* Hyphenated "mi-janvier", "mid-December": one token split on its hyphen. */
static size_t rec_hyphen_part(vigie_doc *d, size_t i, timex_info *t)
{
    const char *k = tok_key(d, i);
    const char *dash = strchr(k, '-');
    if (!dash)
        return 0;
    const lang_data *L = &d->engine->lang[d->lang];
    char head[64];
    size_t hn = (size_t)(dash - k);
    if (hn >= sizeof head)
        return 0;
    memcpy(head, k, hn);
    head[hn] = 0;
    const uint32_t *mp = strmap_get(&L->time.full, dash + 1, strlen(dash + 1));
    const uint32_t *pp = strmap_get(&L->time.full, head, hn);
    if (!mp || !pp)
        return 0;
    const time_entry *month = NULL, *part = NULL;
    for (uint32_t l = *mp; l; l = L->time.links.v[l - 1].next)
        if (L->time_entries.v[L->time.links.v[l - 1].payload].cls == TC_MONTH)
            month = &L->time_entries.v[L->time.links.v[l - 1].payload];
    for (uint32_t l = *pp; l; l = L->time.links.v[l - 1].next)
        if (L->time_entries.v[L->time.links.v[l - 1].payload].cls == TC_PART)
            part = &L->time_entries.v[L->time.links.v[l - 1].payload];
    if (!month || !part)
        return 0;
    int year = year_value(d, i + 1);
    resolve_month(d, t, month->num, year);
    t->pub.mod = part->text;
    return year > 0 ? 2 : 1;
}

/* WEEKDAY [dernier|prochain] [daypart] and [last|next|this] WEEKDAY. */
static size_t rec_weekday(vigie_doc *d, size_t i, size_t end, size_t lo, timex_info *t)
{
    uint32_t len;
    int direction = 0;
    size_t j = i;
    const time_entry *dir = lex_class(d, j, end, TC_DIRECTION, &len);
    if (dir) {
        direction = dir->num;
        j += len;
    }
    const time_entry *wd = lex_class(d, j, end, TC_WEEKDAY, &len);
    if (!wd)
        return 0;
    j += len;
    if (!dir) { /* "jeudi 10 mars 2022", "Thursday, March 10": the date says it all */
        size_t k = skip_comma(d, j, end);
        size_t dl = rec_day_month(d, k, end, t);
        if (!dl || dl == (size_t)-1)
            dl = rec_month_day(d, k, end, t);
        if (dl == (size_t)-1)
            return dl;
        if (dl) {
            t->pub.weekday = wd->num;
            return k + dl - i;
        }
    }
    const time_entry *after = lex_class(d, j, end, TC_DIRECTION, &len);
    if (after && !dir) {
        direction = after->num;
        j += len;
    }
    const time_entry *part = lex_class(d, j, end, TC_DAYPART, &len);
    if (part)
        j += len;
    resolve_weekday(d, t, wd->num, direction, i, lo, end);
    if (part && t->date.gran == VIGIE_GRAN_DAY) {
        char buf[32];
        snprintf(buf, sizeof buf, "%sT%s", t->pub.value, part->text ? part->text : "");
        set_value(d, t, buf);
        t->pub.type = VIGIE_TIMEX_TIME;
    }
    return j - i;
}

/* hier, demain, aujourd'hui, yesterday, tonight. */
static size_t rec_relday(vigie_doc *d, size_t i, size_t end, timex_info *t)
{
    uint32_t len;
    const time_entry *r = lex_class(d, i, end, TC_RELDAY, &len);
    if (!r)
        return 0;
    resolve_offset(d, t, r->num, "published day");
    return len;
}

/* [il y a] [approx] N UNIT [ago|avant|plus tard] — durations and offsets. */
static size_t rec_duration(vigie_doc *d, size_t i, size_t end, timex_info *t)
{
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
    if (n < 0)
        return 0;
    j += len;
    const time_entry *unit = lex_class(d, j, end, TC_UNIT, &len);
    if (!unit || !unit->text)
        return 0;
    j += len;
    const time_entry *ago_after = lex_class(d, j, end, TC_AGO, &len);
    if (ago_after && !ago_before)
        j += len;
    char buf[48];
    const char *u = unit->text;
    bool timeunit = !strcmp(u, "H") || !strcmp(u, "MI");
    if (ago_before || ago_after) {
        long days = !strcmp(u, "D") ? n : !strcmp(u, "W") ? 7L * n : -1;
        if (days >= 0) {
            resolve_offset(d, t, -days, "published day");
        } else if ((!strcmp(u, "M") || !strcmp(u, "Y")) && d->published.gran >= VIGIE_GRAN_MONTH) {
            vigie_date v = d->published;
            long months = (long)v.year * 12 + (v.month - 1) - (!strcmp(u, "M") ? n : 12L * n);
            vigie_date r = {(int)(months / 12), (int)(months % 12) + 1, 0, !strcmp(u, "Y") ? VIGIE_GRAN_YEAR : VIGIE_GRAN_MONTH};
            value_of_date(d, t, r);
            t->pub.anchor = "published";
        } else {
            set_value(d, t, "PAST_REF");
        }
        return j - i;
    }
    t->pub.type = VIGIE_TIMEX_DURATION;
    snprintf(buf, sizeof buf, "P%s%d%s", timeunit ? "T" : "", n, !strcmp(u, "MI") ? "M" : u);
    set_value(d, t, buf);
    t->pub.anchor = "duration";
    if (approx)
        t->pub.mod = approx->text;
    if (approx) /* the span starts at the approximation, not at "il y a" */
        t->t0 = (uint32_t)i;
    return j - i;
}

static size_t rec_vague(vigie_doc *d, size_t i, size_t end, timex_info *t)
{
    uint32_t len;
    const time_entry *v = lex_class(d, i, end, TC_VAGUE, &len);
    if (!v || !v->text)
        return 0;
    set_value(d, t, v->text);
    t->pub.anchor = "vague";
    return len;
}

static void push_timex(vigie_doc *d, timex_info *t, size_t len, size_t sentence)
{
    t->t1 = t->t0 + (uint32_t)len;
    t->pub.sentence = sentence;
    t->pub.span.start = d->tokens.v[t->t0].span.start;
    t->pub.span.end = d->tokens.v[t->t1 - 1].span.end;
    if (!t->pub.anchor)
        t->pub.anchor = "absolute";
    VEC_PUSH(d->timexes, *t);
}

/* Days in a duration value "P2W" / "P3D" (0: not a count of days or weeks). */
static long duration_days(const char *v)
{
    char unit = 0;
    long n = 0;
    if (!v || sscanf(v, "P%ld%c", &n, &unit) != 2)
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

void time_doc(vigie_doc *d)
{
    time_cache cache = {xmalloc((d->tokens.n ? d->tokens.n : 1) * sizeof(time_hit)), d->tokens.n};
    for (size_t s = 0; s < d->sentences.n; s++)
        for (size_t i = d->sentences.v[s].first_token; i < sentence_end(d, s); i++)
            cache.hits[i] = lex_lookup(d, i, sentence_end(d, s));
    d->stage_scratch = &cache;
    for (size_t s = 0; s < d->sentences.n; s++) {
        size_t lo = d->sentences.v[s].first_token, end = sentence_end(d, s);
        for (size_t i = lo; i < end;) {
            timex_info t = new_timex(i);
            size_t len = 0;
            if (d->tokens.v[i].kind == VIGIE_TOK_NUMBER)
                len = rec_numeric(d, i, &t);
            if (!len)
                len = rec_day_month(d, i, end, &t);
            if (!len) {
                t = new_timex(i);
                len = rec_weekday(d, i, end, lo, &t);
            }
            if (!len)
                len = rec_month_day(d, i, end, &t);
            if (!len)
                len = rec_hyphen_part(d, i, &t);
            if (!len)
                len = rec_month_year(d, i, end, &t);
            if (!len)
                len = rec_relday(d, i, end, &t);
            if (!len) {
                t = new_timex(i);
                len = rec_duration(d, i, end, &t);
            }
            if (!len)
                len = rec_vague(d, i, end, &t);
            if (len == (size_t)-1) { /* impossible date: skip the day token */
                i++;
                continue;
            }
            if (len && t.pub.value) {
                push_timex(d, &t, len, s);
                i += len;
            } else {
                i++;
            }
        }
    }
    pin_weekdays(d);
    d->stage_scratch = NULL;
    free(cache.hits);
}
