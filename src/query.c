/* Store queries: filters turned into SQL with bound parameters (never pasted into the text),
 * results handed out row by row. */
#include "store.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- dates ----------------------------------------------------------------------------- */

static void format_day(long z, char out[11])
{
    int y, m, d;
    civil_from_days(z, &y, &m, &d);
    /* years are 1..9999 (vigie_date_parse); the casts bound the digits for the compiler */
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

/* ISO 8601 week w of year y: its Monday. Week 1 holds the year's first Thursday. */
static long iso_week_monday(int y, int w)
{
    long jan4 = days_from_civil(y, 1, 4);
    return jan4 - (weekday_of(y, 1, 4) - 1) + 7L * (w - 1);
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return n > 0;
}

bool store_date_range(const char *value, char lo[11], char hi[11])
{
    size_t n = strlen(value);
    long a, b;
    vigie_date d;
    if (n == 3 && all_digits(value, 3)) { /* a decade: "199" */
        int y = atoi(value) * 10;
        a = days_from_civil(y, 1, 1), b = days_from_civil(y + 9, 12, 31);
    } else if (n >= 8 && value[4] == '-' && value[5] == 'W' && all_digits(value, 4) && all_digits(value + 6, 2)) {
        int y = atoi(value), w = atoi(value + 6);
        if (w < 1 || w > 53)
            return false;
        a = iso_week_monday(y, w), b = a + 6;
    } else if (vigie_date_parse(value, n >= 10 ? 10 : n, &d) && (n <= 10 || value[10] == 'T')) {
        int m0 = d.gran >= VIGIE_GRAN_MONTH ? d.month : 1, m1 = d.gran >= VIGIE_GRAN_MONTH ? d.month : 12;
        a = days_from_civil(d.year, m0, d.gran == VIGIE_GRAN_DAY ? d.day : 1);
        b = days_from_civil(d.year, m1, d.gran == VIGIE_GRAN_DAY ? d.day : days_in_month(d.year, m1));
    } else {
        return false;
    }
    format_day(a, lo);
    format_day(b, hi);
    return true;
}

/* ---- query building -------------------------------------------------------------------- */

#define MAX_PARAMS 16
typedef struct {
    char sql[4096];
    size_t len;
    const char *params[MAX_PARAMS];
    int nparams;
    bool overflow;
} sql_buf;

static void sql_add(sql_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sql_add(sql_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->sql + b->len, sizeof b->sql - b->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof b->sql - b->len)
        b->overflow = true;
    else
        b->len += (size_t)n;
}

/* A parameter's number, for "?%d". */
static int sql_param(sql_buf *b, const char *value)
{
    if (b->nparams == MAX_PARAMS) {
        b->overflow = true;
        return 1;
    }
    b->params[b->nparams++] = value;
    return b->nparams;
}

/* How an actor code is matched: as a root (a country or organisation with all its sectors),
 * as an exact code, or not at all (never seen in the store). */
typedef enum { ACTOR_UNKNOWN, ACTOR_ROOT, ACTOR_EXACT, ACTOR_ERROR } actor_match;

static int exists(vigie_store *s, const char *sql, const char *value)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static actor_match match_of(vigie_store *s, const char *code)
{
    int r = exists(s, "SELECT 1 FROM event_groups WHERE source_root = ?1 UNION ALL "
                      "SELECT 1 FROM event_groups WHERE target_root = ?1 LIMIT 1", code);
    if (r)
        return r > 0 ? ACTOR_ROOT : ACTOR_ERROR;
    r = exists(s, "SELECT 1 FROM events WHERE source = ?1 UNION ALL SELECT 1 FROM events WHERE target = ?1 LIMIT 1",
               code);
    return r > 0 ? ACTOR_EXACT : r == 0 ? ACTOR_UNKNOWN : ACTOR_ERROR;
}

static bool valid_code_syntax(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > 16)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)s[i]) && !isdigit((unsigned char)s[i]))
            return false;
    return true;
}

static bool check_actor(vigie_store *s, const char *what, const char *code, char *err, size_t errlen)
{
    if (!valid_code_syntax(code))
        return fail(err, errlen, "invalid %s '%s': actor codes are 2 to 16 capital letters or digits (USA, RUSGOV, NATO)",
                    what, code);
    switch (match_of(s, code)) {
    case ACTOR_UNKNOWN:
        return fail(err, errlen, "unknown actor code '%s' (%s): no event in the store has it; 'vigie actors --db FILE' "
                    "lists the actors it knows", code, what);
    case ACTOR_ERROR: return store_fail(s, err, errlen, "cannot look an actor up");
    default: return true;
    }
}

/* A bound of a date filter: its first day (from) or last day (to). */
static bool bound_day(const char *value, bool last, char out[11])
{
    char lo[11], hi[11];
    vigie_date d;
    if (!vigie_date_parse(value, strlen(value), &d) || !store_date_range(value, lo, hi))
        return false;
    memcpy(out, last ? hi : lo, 11);
    return true;
}

bool vigie_query_check(vigie_store *s, const vigie_query *q, char *err, size_t errlen)
{
    char from[11], to[11];
    if (q->from && !bound_day(q->from, false, from))
        return fail(err, errlen, "invalid --from '%s': expected YYYY, YYYY-MM or YYYY-MM-DD, a real date", q->from);
    if (q->to && !bound_day(q->to, true, to))
        return fail(err, errlen, "invalid --to '%s': expected YYYY, YYYY-MM or YYYY-MM-DD, a real date", q->to);
    if (q->from && q->to && strcmp(from, to) > 0)
        return fail(err, errlen, "empty date range: --from %s is after --to %s", q->from, q->to);
    if (q->code && (!all_digits(q->code, strlen(q->code)) || strlen(q->code) < 2 || strlen(q->code) > 4))
        return fail(err, errlen, "invalid --code '%s': a CAMEO code or its prefix, 2 to 4 digits (13, 130, 1312)",
                    q->code);
    if (q->actor && !check_actor(s, "--actor", q->actor, err, errlen))
        return false;
    for (int i = 0; i < 2; i++)
        if (q->dyad[i] && !check_actor(s, "--dyad", q->dyad[i], err, errlen))
            return false;
    if (q->text && !*q->text)
        return fail(err, errlen, "empty --text");
    return true;
}

/* The column holding an actor as matched: "source_root" for RUS, "source" for RUSGOV. */
static const char *actor_column(vigie_store *s, const char *code, bool target)
{
    bool root = match_of(s, code) == ACTOR_ROOT;
    return target ? (root ? "target_root" : "target") : (root ? "source_root" : "source");
}

/* Free text becomes an FTS5 query of quoted words (all required), so that quotes, operators
 * and other metacharacters in what the user typed are only ever searched for, not obeyed. */
static char *fts_query(const char *text)
{
    size_t n = strlen(text), k = 0;
    char *out = xmalloc(3 * n + 8);
    bool in_word = false;
    for (size_t i = 0; i <= n; i++) {
        unsigned char c = (unsigned char)text[i];
        bool word_char = c && (isalnum(c) || c >= 0x80 || c == '\'' || c == '-');
        if (word_char && !in_word) {
            if (k)
                out[k++] = ' ';
            out[k++] = '"';
        } else if (!word_char && in_word) {
            out[k++] = '"';
        }
        if (word_char)
            out[k++] = (char)c;
        in_word = word_char;
    }
    out[k] = '\0';
    return out;
}

typedef struct {
    char from[11], to[11], code_like[8];
    char *fts;
} query_values;

/* WHERE clauses over event_groups (alias g) for every filter of q. */
static void add_filters(vigie_store *s, sql_buf *b, const vigie_query *q, query_values *v)
{
    if (q->actor) {
        int p = sql_param(b, q->actor);
        sql_add(b, " AND (g.%s = ?%d OR g.%s = ?%d)", actor_column(s, q->actor, false), p,
                actor_column(s, q->actor, true), p);
    }
    if (q->dyad[0] && q->dyad[1]) {
        int a = sql_param(b, q->dyad[0]), c = sql_param(b, q->dyad[1]);
        const char *as = actor_column(s, q->dyad[0], false), *at = actor_column(s, q->dyad[0], true);
        const char *bs = actor_column(s, q->dyad[1], false), *bt = actor_column(s, q->dyad[1], true);
        if (q->directed)
            sql_add(b, " AND g.%s = ?%d AND g.%s = ?%d", as, a, bt, c);
        else
            sql_add(b, " AND ((g.%s = ?%d AND g.%s = ?%d) OR (g.%s = ?%d AND g.%s = ?%d))", as, a, bt, c, bs, c, at, a);
    }
    if (q->code) {
        snprintf(v->code_like, sizeof v->code_like, "%s%%", q->code);
        sql_add(b, " AND g.code LIKE ?%d", sql_param(b, v->code_like));
    }
    if (q->from && bound_day(q->from, false, v->from))
        sql_add(b, " AND g.day_lo >= ?%d", sql_param(b, v->from));
    if (q->to && bound_day(q->to, true, v->to))
        sql_add(b, " AND g.day_hi <= ?%d", sql_param(b, v->to));
    if (q->text) {
        v->fts = fts_query(q->text);
        sql_add(b, " AND g.id IN (SELECT e.grp FROM sentences_fts f JOIN events e ON e.sentence = f.rowid"
                   " WHERE sentences_fts MATCH ?%d)", sql_param(b, v->fts));
    }
}

/* Runs b's SQL, handing each row to fn. */
static bool run_rows(vigie_store *s, sql_buf *b, vigie_row_fn fn, void *ctx, char *err, size_t errlen)
{
    if (b->overflow)
        return fail(err, errlen, "query too long");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(store_db(s), b->sql, -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, errlen, "cannot prepare the query");
    for (int i = 0; i < b->nparams; i++)
        sqlite3_bind_text(st, i + 1, b->params[i], -1, SQLITE_STATIC);
    int n = sqlite3_column_count(st), rc;
    const char *names[64], *values[64];
    vigie_value_kind kinds[64];
    if (n > 64)
        n = 64;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < n; i++) {
            names[i] = sqlite3_column_name(st, i); /* valid only since this step: it may re-prepare */
            int t = sqlite3_column_type(st, i);
            kinds[i] = t == SQLITE_INTEGER ? VIGIE_VALUE_INT : t == SQLITE_FLOAT ? VIGIE_VALUE_REAL
                       : t == SQLITE_NULL  ? VIGIE_VALUE_NULL : VIGIE_VALUE_TEXT;
            values[i] = (const char *)sqlite3_column_text(st, i);
        }
        if (fn(ctx, n, names, values, kinds))
            break;
    }
    bool ok = rc == SQLITE_ROW || rc == SQLITE_DONE || store_fail(s, err, errlen, "query failed");
    sqlite3_finalize(st);
    return ok;
}

static bool run_query(vigie_store *s, const vigie_query *q, sql_buf *b, const char *tail, vigie_row_fn fn,
                      void *ctx, char *err, size_t errlen)
{
    query_values v = {0};
    add_filters(s, b, q, &v);
    sql_add(b, "%s", tail);
    if (q->limit > 0)
        sql_add(b, " LIMIT %ld", q->limit);
    bool ok = run_rows(s, b, fn, ctx, err, errlen);
    free(v.fts);
    return ok;
}

/* ---- the questions ----------------------------------------------------------------------- */

#define FIRST_EVIDENCE(col)                                                                            \
    "(SELECT " col " FROM events e JOIN sentences se ON se.id = e.sentence JOIN documents d ON d.id = e.doc" \
    " WHERE e.grp = g.id ORDER BY e.id LIMIT 1)"

bool vigie_store_events(vigie_store *s, const vigie_query *q, bool raw, vigie_row_fn fn, void *ctx, char *err,
                        size_t errlen)
{
    if (!vigie_query_check(s, q, err, errlen))
        return false;
    sql_buf b = {0};
    if (raw)
        sql_add(&b, "SELECT ev.id AS mention, g.id AS event, d.doc_key AS doc, d.published, ev.date, ev.date_from,"
                    " ev.date_text, ev.source, ev.source_text, nullif(ev.target, '') AS target, ev.target_text,"
                    " ev.code, ev.quad, ev.goldstein, ev.verb, nullif(ev.flags, '') AS flags, d.url,"
                    " se.text AS sentence, se.start AS sentence_start, se.end AS sentence_end"
                    " FROM event_groups g JOIN events ev ON ev.grp = g.id JOIN documents d ON d.id = ev.doc"
                    " JOIN sentences se ON se.id = ev.sentence WHERE 1");
    else
        sql_add(&b, "SELECT g.id AS event, nullif(g.date, '') AS date, g.source, nullif(g.target, '') AS target,"
                    " g.code, g.quad, g.goldstein, g.num_articles AS articles, g.num_sources AS sources,"
                    " g.num_mentions AS mentions, " FIRST_EVIDENCE("se.text") " AS sentence,"
                    " " FIRST_EVIDENCE("d.doc_key") " AS doc FROM event_groups g WHERE 1");
    return run_query(s, q, &b, raw ? " ORDER BY g.day_lo, g.id, ev.id" : " ORDER BY g.day_lo, g.id", fn, ctx, err,
                     errlen);
}

/* GDELT 2.0 event-table columns, in GDELT's order, from what vigie knows (docs/store.md). */
bool vigie_store_export(vigie_store *s, const vigie_query *q, vigie_row_fn fn, void *ctx, char *err, size_t errlen)
{
    if (!vigie_query_check(s, q, err, errlen))
        return false;
    sql_buf b = {0};
    sql_add(&b, "SELECT g.id AS GLOBALEVENTID, replace(g.day_lo, '-', '') AS SQLDATE,"
                " substr(replace(g.day_lo, '-', ''), 1, 6) AS MonthYear, substr(g.day_lo, 1, 4) AS Year,"
                " round(substr(g.day_lo, 1, 4) + (strftime('%%j', g.day_lo) - 1) / 365.0, 4) AS FractionDate,"
                " g.source AS Actor1Code, " FIRST_EVIDENCE("e.source_text") " AS Actor1Name,"
                " CASE WHEN length(g.source_root) = 3 THEN g.source_root END AS Actor1CountryCode,"
                " nullif(g.target, '') AS Actor2Code, " FIRST_EVIDENCE("e.target_text") " AS Actor2Name,"
                " CASE WHEN length(g.target_root) = 3 THEN g.target_root END AS Actor2CountryCode,"
                " 1 AS IsRootEvent, g.code AS EventCode, substr(g.code, 1, 3) AS EventBaseCode,"
                " g.root AS EventRootCode, g.quad AS QuadClass, g.goldstein AS GoldsteinScale,"
                " g.num_mentions AS NumMentions, g.num_sources AS NumSources, g.num_articles AS NumArticles,"
                " nullif(g.date, '') AS DateValue, " FIRST_EVIDENCE("d.url") " AS SOURCEURL,"
                " " FIRST_EVIDENCE("d.doc_key") " AS DocId, " FIRST_EVIDENCE("se.text") " AS Evidence"
                " FROM event_groups g WHERE 1");
    return run_query(s, q, &b, " ORDER BY g.day_lo, g.id", fn, ctx, err, errlen);
}

/* The period an event falls in: its day/week/month/year when its dates lie within one, else its
 * own (coarser) date value, so that a month-dated event is not put on the 1st. */
static const char *period_sql(const char *by)
{
    if (!strcmp(by, "day"))
        return "CASE WHEN g.day_lo = g.day_hi THEN g.day_lo ELSE nullif(g.date, '') END";
    if (!strcmp(by, "week"))
        return "CASE WHEN date(g.day_lo, '-6 days', 'weekday 1') = date(g.day_hi, '-6 days', 'weekday 1')"
               " THEN date(g.day_lo, '-6 days', 'weekday 1') ELSE nullif(g.date, '') END";
    if (!strcmp(by, "month"))
        return "CASE WHEN substr(g.day_lo, 1, 7) = substr(g.day_hi, 1, 7) THEN substr(g.day_lo, 1, 7)"
               " ELSE nullif(g.date, '') END";
    if (!strcmp(by, "year"))
        return "CASE WHEN substr(g.day_lo, 1, 4) = substr(g.day_hi, 1, 4) THEN substr(g.day_lo, 1, 4)"
               " ELSE nullif(g.date, '') END";
    return NULL;
}

bool vigie_store_dyad(vigie_store *s, const vigie_query *q, const char *by, vigie_row_fn fn, void *ctx, char *err,
                      size_t errlen)
{
    const char *period = period_sql(by);
    if (!period)
        return fail(err, errlen, "invalid --by '%s': day, week, month or year", by);
    if (!q->dyad[0] || !q->dyad[1])
        return fail(err, errlen, "a dyad needs two actor codes");
    if (!vigie_query_check(s, q, err, errlen))
        return false;
    sql_buf b = {0};
    sql_add(&b, "SELECT coalesce(%s, 'undated') AS period, count(*) AS events,"
                " sum(g.quad = 1) AS verbal_coop, sum(g.quad = 2) AS material_coop,"
                " sum(g.quad = 3) AS verbal_conflict, sum(g.quad = 4) AS material_conflict,"
                " round(avg(g.goldstein), 2) AS goldstein_mean, round(sum(g.goldstein), 1) AS goldstein_sum,"
                " sum(g.num_articles) AS articles FROM event_groups g WHERE 1", period);
    return run_query(s, q, &b, " GROUP BY 1 ORDER BY 1", fn, ctx, err, errlen);
}

bool vigie_store_actors(vigie_store *s, const vigie_query *q, vigie_row_fn fn, void *ctx, char *err, size_t errlen)
{
    if (!vigie_query_check(s, q, err, errlen))
        return false;
    vigie_query qq = *q;
    qq.limit = 0; /* the limit applies to the actors, after grouping */
    sql_buf b = {0};
    sql_add(&b, "SELECT actor, sum(src) + sum(tgt) AS events, sum(src) AS as_source, sum(tgt) AS as_target,"
                " round(sum(src * goldstein) / nullif(sum(src), 0), 2) AS goldstein_as_source"
                " FROM (SELECT g.source_root AS actor, 1 AS src, 0 AS tgt, g.goldstein FROM event_groups g WHERE 1");
    query_values v1 = {0}, v2 = {0};
    add_filters(s, &b, &qq, &v1);
    sql_add(&b, " UNION ALL SELECT g.target_root, 0, 1, g.goldstein FROM event_groups g WHERE g.target <> ''");
    add_filters(s, &b, &qq, &v2);
    sql_add(&b, ") GROUP BY actor ORDER BY events DESC, actor LIMIT %ld", q->limit > 0 ? q->limit : 20);
    bool ok = run_rows(s, &b, fn, ctx, err, errlen);
    free(v1.fts);
    free(v2.fts);
    return ok;
}

bool vigie_store_evidence(vigie_store *s, long long event, int max, vigie_row_fn fn, void *ctx, char *err,
                          size_t errlen)
{
    char id[32], lim[32];
    snprintf(id, sizeof id, "%lld", event);
    snprintf(lim, sizeof lim, "%d", max > 0 ? max : 1000000);
    sql_buf b = {0};
    sql_add(&b, "SELECT d.doc_key AS doc, d.published, d.url, ev.source_text, ev.verb, ev.target_text,"
                " se.text AS sentence, se.start AS sentence_start, se.end AS sentence_end"
                " FROM events ev JOIN documents d ON d.id = ev.doc JOIN sentences se ON se.id = ev.sentence"
                " WHERE ev.grp = CAST(?%d AS INTEGER) ORDER BY ev.id LIMIT CAST(?%d AS INTEGER)",
            sql_param(&b, id), sql_param(&b, lim));
    return run_rows(s, &b, fn, ctx, err, errlen);
}

/* ---- escalation watch ---------------------------------------------------------------------- */

typedef struct {
    long first;       /* day number of slot 0 */
    size_t n;
    int *events;
    double *conflict; /* minus the Goldstein sum of the day's conflictual events */
} day_series;

static int collect_day(void *ctx, int n, const char *const *names, const char *const *values,
                       const vigie_value_kind *kinds)
{
    (void)names, (void)kinds;
    day_series *d = ctx;
    vigie_date date;
    if (n < 3 || !values[0] || !vigie_date_parse(values[0], strlen(values[0]), &date) || date.gran != VIGIE_GRAN_DAY)
        return 0;
    long z = days_from_civil(date.year, date.month, date.day);
    if (!d->n)
        d->first = z;
    size_t i = (size_t)(z - d->first);
    if (i >= d->n) {
        size_t m = i + 1;
        d->events = xrealloc(d->events, m * sizeof *d->events);
        d->conflict = xrealloc(d->conflict, m * sizeof *d->conflict);
        for (size_t k = d->n; k < m; k++)
            d->events[k] = 0, d->conflict[k] = 0;
        d->n = m;
    }
    d->events[i] = atoi(values[1]);
    d->conflict[i] = values[2] ? atof(values[2]) : 0;
    return 0;
}

/* Mean and standard deviation of the `window` days before day i (fewer at the start). */
static void baseline(const day_series *d, size_t i, int window, double *mean, double *sd, int *days)
{
    size_t from = i > (size_t)window ? i - (size_t)window : 0;
    double sum = 0, sq = 0;
    *days = (int)(i - from);
    for (size_t k = from; k < i; k++)
        sum += d->conflict[k], sq += d->conflict[k] * d->conflict[k];
    *mean = *days ? sum / *days : 0;
    double var = *days ? sq / *days - *mean * *mean : 0;
    *sd = var > 0 ? sqrt(var) : 0;
}

/* A baseline needs this many days of history; the spread has this floor (one Goldstein point),
 * so that a quiet dyad's first incident is measured against something. */
#define WATCH_MIN_HISTORY 7
#define WATCH_MIN_SPREAD 1.0

static int emit_alert(const day_series *d, size_t i, double mean, double sd, double z, vigie_row_fn fn, void *ctx)
{
    static const char *const names[] = {"day", "events", "conflict", "baseline_mean", "baseline_sd", "z"};
    static const vigie_value_kind kinds[] = {VIGIE_VALUE_TEXT, VIGIE_VALUE_INT, VIGIE_VALUE_REAL,
                                             VIGIE_VALUE_REAL, VIGIE_VALUE_REAL, VIGIE_VALUE_REAL};
    char day[11], ev[16], cf[32], mn[32], sdv[32], zz[32];
    format_day(d->first + (long)i, day);
    snprintf(ev, sizeof ev, "%d", d->events[i]);
    snprintf(cf, sizeof cf, "%.1f", d->conflict[i]);
    snprintf(mn, sizeof mn, "%.2f", mean);
    snprintf(sdv, sizeof sdv, "%.2f", sd);
    snprintf(zz, sizeof zz, "%.2f", z);
    const char *values[] = {day, ev, cf, mn, sdv, zz};
    return fn(ctx, 6, names, values, kinds);
}

bool vigie_store_watch(vigie_store *s, const vigie_query *q, const vigie_watch_options *opt, vigie_row_fn fn,
                       void *ctx, char *err, size_t errlen)
{
    if (!q->dyad[0] || !q->dyad[1])
        return fail(err, errlen, "watch needs a dyad (--dyad A,B)");
    if (opt->window < WATCH_MIN_HISTORY || opt->threshold <= 0)
        return fail(err, errlen, "watch needs a window of at least %d days and a positive threshold", WATCH_MIN_HISTORY);
    if (!vigie_query_check(s, q, err, errlen))
        return false;
    vigie_query all = *q;
    all.limit = 0;
    sql_buf b = {0};
    sql_add(&b, "SELECT g.day_lo, count(*), sum(CASE WHEN g.goldstein < 0 THEN -g.goldstein ELSE 0 END)"
                " FROM event_groups g WHERE g.day_lo = g.day_hi");
    day_series d = {0};
    bool ok = run_query(s, &all, &b, " GROUP BY g.day_lo ORDER BY g.day_lo", collect_day, &d, err, errlen);
    long alerts = 0;
    for (size_t i = 0; ok && i < d.n; i++) {
        double mean, sd;
        int days;
        baseline(&d, i, opt->window, &mean, &sd, &days);
        double z = (d.conflict[i] - mean) / (sd > WATCH_MIN_SPREAD ? sd : WATCH_MIN_SPREAD);
        if (days < WATCH_MIN_HISTORY || d.events[i] < opt->min_events || z < opt->threshold)
            continue;
        if (emit_alert(&d, i, mean, sd, z, fn, ctx) || (q->limit > 0 && ++alerts >= q->limit))
            break;
    }
    free(d.events);
    free(d.conflict);
    return ok;
}
