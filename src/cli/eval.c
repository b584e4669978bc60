/* Scoring against gold annotations (the format of ../shared/gold/README.md): temporal
 * expressions (eval-time, TempEval-3 measures), actor mentions (eval-actors) and events (eval,
 * three levels). Gold items locate themselves by text: `context` or `locator` is a verbatim
 * substring of the document, `text` the expression inside it. The system's items are vigie's
 * own, or read from --system (JSON Lines in vigie's output form), so other tools can be scored
 * by the same code. */
#include "cli.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

typedef enum { EVAL_TIME, EVAL_ACTORS, EVAL_EVENTS } eval_kind;

/* One item, gold or system. Strings are owned by the JSON object kept in `json`. */
typedef struct {
    const char *doc, *id;
    long start, end;           /* byte span in the document; for events, the verb */
    long sent_start, sent_end; /* events: the sentence */
    json_t *json;
    bool required, taken;
    int level;                 /* events: best level reached (0 none, 1 root+dyad, 2 code, 3 date) */
} item;

typedef struct {
    item *v;
    size_t n, cap;
} items;

typedef struct {
    char *id, *text;
    size_t len;
} doc_text;

typedef struct {
    eval_kind kind;
    items gold, sys;
    doc_text *docs;
    size_t ndocs, capdocs;
    long gold_errors;
} eval_state;

static item *push(items *it)
{
    if (it->n == it->cap) {
        it->cap = it->cap ? 2 * it->cap : 64;
        it->v = realloc(it->v, it->cap * sizeof *it->v);
        if (!it->v) {
            fputs("vigie: out of memory\n", stderr);
            exit(2);
        }
    }
    item *x = &it->v[it->n++];
    memset(x, 0, sizeof *x);
    return x;
}

static const char *str(const item *x, const char *key)
{
    json_t *v = json_object_get(x->json, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static bool span_of(json_t *o, const char *key, long *start, long *end)
{
    json_t *s = json_object_get(o, key);
    if (!json_is_array(s) || json_array_size(s) != 2)
        return false;
    *start = (long)json_integer_value(json_array_get(s, 0));
    *end = (long)json_integer_value(json_array_get(s, 1));
    return true;
}

static const doc_text *find_doc(const eval_state *st, const char *id)
{
    for (size_t i = st->ndocs; i-- > 0;)
        if (!strcmp(st->docs[i].id, id))
            return &st->docs[i];
    return NULL;
}

/* ---- the system's items ---- */

static item *sys_item(eval_state *st, const char *doc, json_t *o)
{
    item *x = push(&st->sys);
    x->json = o;
    json_object_set_new(o, "doc", json_string(doc));
    x->doc = json_string_value(json_object_get(o, "doc"));
    return x;
}

/* Reads back what vigie writes (its JSON writers are the single definition of the form). */
static void add_system_json(eval_state *st, json_t *o)
{
    const char *doc = json_string_value(json_object_get(o, "doc"));
    if (!doc || !find_doc(st, doc)) { /* items of documents not given are not scored */
        json_decref(o);
        return;
    }
    item *x = sys_item(st, doc, o);
    if (st->kind == EVAL_EVENTS) {
        span_of(json_object_get(o, "verb"), "span", &x->start, &x->end);
        span_of(o, "sentence_span", &x->sent_start, &x->sent_end);
    } else {
        span_of(o, "span", &x->start, &x->end);
    }
}

static long collect_doc(const cli_options *opt, const vigie_input *in, const vigie_doc *doc, void *ctx)
{
    (void)in;
    eval_state *st = ctx;
    if (st->ndocs == st->capdocs) {
        st->capdocs = st->capdocs ? 2 * st->capdocs : 16;
        st->docs = realloc(st->docs, st->capdocs * sizeof *st->docs);
    }
    doc_text *t = &st->docs[st->ndocs++];
    size_t len;
    const char *text = vigie_doc_text(doc, &len);
    t->id = strdup(vigie_doc_id(doc));
    t->text = strndup(text, len);
    t->len = len;
    if (opt->system)
        return 0;
    /* vigie's own items, through its JSON writer into memory */
    char *buf = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&buf, &size);
    if (!mem)
        return 0;
    long n = st->kind == EVAL_TIME     ? vigie_write_timexes(doc, mem)
             : st->kind == EVAL_ACTORS ? vigie_write_mentions(doc, mem)
                                       : vigie_write_events(doc, mem, VIGIE_OUT_JSONL);
    fclose(mem);
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        json_t *o = json_loads(line, 0, NULL);
        if (o)
            add_system_json(st, o);
    }
    free(buf);
    return st->kind == EVAL_EVENTS ? n : 0;
}

/* ---- the gold ---- */

/* A gold item given by its byte span instead (the French TimeBank's form): the span must lie in the
 * document and hold the item's text. */
static bool locate_span(const doc_text *d, item *g, const char *text, const char **why)
{
    long a = -1, b = -1;
    if (!span_of(g->json, "span", &a, &b) || a < 0 || b < a || (size_t)b > d->len || (text && ((size_t)(b - a) != strlen(text) ||
                                                          memcmp(d->text + a, text, (size_t)(b - a))))) {
        *why = "\"span\" does not hold its text in the document";
        return false;
    }
    g->start = a;
    g->end = b;
    return true;
}

/* Places a gold item in its document: context (or locator) found once, text inside it; or its
 * "span" when it has no context. */
static bool locate(eval_state *st, item *g, const char *path, long line)
{
    const doc_text *d = find_doc(st, g->doc);
    const char *ctx = str(g, "context") ? str(g, "context") : str(g, "locator");
    const char *text = str(g, "text");
    const char *why = NULL;
    const char *at = d && ctx ? strstr(d->text, ctx) : NULL;
    if (d && !ctx && json_is_array(json_object_get(g->json, "span"))) {
        if (locate_span(d, g, text, &why))
            return true;
    } else if (!d)
        why = "its document is not among the inputs";
    else if (!ctx)
        why = "no \"context\", \"locator\" or \"span\"";
    else if (!at)
        why = "context not found in the document";
    const char *in = at && text ? strstr(at, text) : at;
    if (!why && (!in || in + (text ? strlen(text) : 0) > at + strlen(ctx)))
        why = "text not inside its context";
    if (why) {
        if (d) /* gold for documents not given is simply not scored */
            fprintf(stderr, "vigie: %s:%ld: gold item %s: %s\n", path, line, g->id ? g->id : "?", why);
        st->gold_errors += d != NULL;
        return false;
    }
    g->start = in - d->text;
    g->end = g->start + (long)strlen(text ? text : ctx);
    return true;
}

static bool load_jsonl(const char *path, eval_state *st, bool gold)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "vigie: %s: cannot open\n", path);
        return false;
    }
    char *line = NULL;
    size_t cap = 0;
    long no = 0;
    while (getline(&line, &cap, f) > 0) {
        no++;
        json_error_t je;
        json_t *o = json_loads(line, 0, &je);
        if (!json_is_object(o)) {
            if (strspn(line, " \t\r\n") != strlen(line))
                fprintf(stderr, "vigie: %s:%ld: invalid JSON: %s; line skipped\n", path, no, je.text);
            json_decref(o);
            continue;
        }
        if (!gold) {
            add_system_json(st, o);
            continue;
        }
        item *g = push(&st->gold);
        g->json = o;
        g->doc = str(g, "doc");
        g->id = str(g, "id");
        json_t *req = json_object_get(o, "required");
        g->required = !json_is_false(req);
        if (!g->doc || !locate(st, g, path, no)) {
            json_decref(o);
            st->gold.n--;
        }
    }
    free(line);
    fclose(f);
    return true;
}

/* ---- matching ---- */

static bool overlap(long a0, long a1, long b0, long b1) { return a0 < b1 && b0 < a1; }

static bool in_list(json_t *list, const char *s, bool prefix)
{
    if (!s)
        return false;
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) {
        const char *x = json_string_value(v);
        if (x && (prefix ? !strncmp(s, x, strlen(x)) : !strcmp(s, x)))
            return true;
    }
    return false;
}

/* A target list with null in it accepts an event without target. */
static bool lists_null(json_t *list)
{
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) if (json_is_null(v)) return true;
    return false;
}

static const char *actor_code(const item *s, const char *role)
{
    json_t *a = json_object_get(s->json, role);
    return json_is_object(a) ? json_string_value(json_object_get(a, "code")) : NULL;
}

static bool dyad_ok(const item *g, const char *src, const char *tgt)
{
    json_t *gt = json_object_get(g->json, "target");
    bool target_ok = json_is_null(gt) || !gt ? true : in_list(gt, tgt, true) || (!tgt && lists_null(gt));
    return in_list(json_object_get(g->json, "source"), src, true) && target_ok;
}

/* Is the gold's locator in one of the sentences that report the event? */
static bool said_at(const item *g, const item *s)
{
    if (overlap(g->start, g->end, s->start, s->end) || (s->sent_start <= g->start && g->end <= s->sent_end))
        return true;
    size_t i;
    json_t *m;
    json_array_foreach(json_object_get(s->json, "mentions"), i, m) {
        long a, b;
        if (span_of(m, "sentence_span", &a, &b) && a <= g->start && g->end <= b)
            return true;
    }
    return false;
}

/* A gold item's `intent_roots`: roots it also accepts from an event flagged planned, for golds that
 * code an announced act as an intent (CAMEO 03, 13) where vigie codes the act and its modality. */
static bool intent_ok(const item *g, const item *s)
{
    json_t *flags = json_object_get(s->json, "flags"), *f;
    size_t i;
    json_array_foreach(flags, i, f) if (json_is_string(f) && !strcmp(json_string_value(f), "planned"))
        return in_list(json_object_get(g->json, "intent_roots"), str(s, "root"), false);
    return false;
}

/* How far a system event agrees with a gold one: 0, 1 root+dyad, 2 full code, 3 date too. */
static int event_level(const item *g, const item *s)
{
    if (!said_at(g, s))
        return 0;
    const char *src = actor_code(s, "source"), *tgt = actor_code(s, "target");
    bool dyad = dyad_ok(g, src, tgt) ||
                (json_is_true(json_object_get(g->json, "symmetric")) && tgt && dyad_ok(g, tgt, src));
    if (!dyad || !(in_list(json_object_get(g->json, "roots"), str(s, "root"), false) || intent_ok(g, s)))
        return 0;
    json_t *codes = json_object_get(g->json, "codes");
    if (json_array_size(codes) && !in_list(codes, str(s, "code"), false))
        return 1;
    const char *gdate = str(g, "date");
    json_t *sd = json_object_get(s->json, "date");
    const char *sdate = json_is_object(sd) ? json_string_value(json_object_get(sd, "value")) : NULL;
    if (gdate && !(sdate && (!strcmp(gdate, sdate) || in_list(json_object_get(g->json, "date_partial"), sdate, false))))
        return 2;
    return 3;
}

static bool value_ok(const item *g, const item *s, bool partial)
{
    const char *gv = str(g, "value"), *sv = str(s, "value");
    if (!gv || !sv)
        return false;
    return !strcmp(gv, sv) || (partial && in_list(json_object_get(g->json, "partial"), sv, false));
}

static bool code_ok(const item *g, const item *s)
{
    const char *gc = str(g, "code"), *sc = str(s, "code");
    return gc && sc && !strcmp(gc, sc);
}

/* Pairs each gold item (required ones first) with the best free system item of its document. */
static void match_all(eval_state *st, bool strict, long *pairs)
{
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < st->gold.n; i++) {
            item *g = &st->gold.v[i];
            if (g->required != (pass == 0))
                continue;
            long best = -1;
            int best_score = 0;
            for (size_t k = 0; k < st->sys.n; k++) {
                item *s = &st->sys.v[k];
                if (s->taken || strcmp(s->doc, g->doc))
                    continue;
                int score;
                if (st->kind == EVAL_EVENTS)
                    score = event_level(g, s);
                else if (strict)
                    score = g->start == s->start && g->end == s->end ? 2 : 0;
                else
                    score = overlap(g->start, g->end, s->start, s->end)
                                ? 1 + (st->kind == EVAL_TIME ? value_ok(g, s, false) : code_ok(g, s))
                                : 0;
                if (score > best_score) {
                    best = (long)k;
                    best_score = score;
                }
            }
            pairs[i] = best;
            g->level = best_score;
            if (best >= 0)
                st->sys.v[best].taken = true;
        }
    }
}

static void reset(eval_state *st)
{
    for (size_t k = 0; k < st->sys.n; k++)
        st->sys.v[k].taken = false;
}

typedef struct {
    long required, found, sys, sys_true;
} counts;

static void prf(const char *label, counts c)
{
    double p = c.sys ? (double)c.sys_true / c.sys : 0, r = c.required ? (double)c.found / c.required : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("%-22s P %.3f  R %.3f  F1 %.3f   (%ld/%ld gold found, %ld/%ld system right)\n", label, p, r, f,
           c.found, c.required, c.sys_true, c.sys);
}

/* Gold pairs of level >= min: required found, and system items paired (with any gold). */
static counts tally(const eval_state *st, const long *pairs, int min)
{
    counts c = {0, 0, (long)st->sys.n, 0};
    for (size_t i = 0; i < st->gold.n; i++) {
        const item *g = &st->gold.v[i];
        bool hit = pairs[i] >= 0 && g->level >= min;
        c.required += g->required;
        c.found += g->required && hit;
        c.sys_true += hit;
    }
    return c;
}

static const char *sentence_of(const eval_state *st, const item *x, int *len)
{
    const doc_text *d = find_doc(st, x->doc);
    long a = x->start, b = x->end;
    while (a > 0 && d->text[a - 1] != '\n' && !(a > 1 && d->text[a - 2] == '.' && d->text[a - 1] == ' '))
        a--;
    while ((size_t)b < d->len && d->text[b] != '\n' && !(d->text[b] == '.' && b > a))
        b++;
    *len = (int)(b - a + ((size_t)b < d->len));
    return d->text + a;
}

static void list_errors(const eval_state *st, const long *pairs, int level, const char *what)
{
    for (size_t i = 0; i < st->gold.n; i++) {
        const item *g = &st->gold.v[i];
        if (!g->required || (pairs[i] >= 0 && g->level >= level))
            continue;
        int len;
        const char *s = sentence_of(st, g, &len);
        char *want = json_dumps(g->json, JSON_COMPACT);
        printf("miss %s %s/%s: %.*s\n     want %s\n", what, g->doc, g->id ? g->id : "?", len, s, want);
        if (pairs[i] >= 0) {
            char *got = json_dumps(st->sys.v[pairs[i]].json, JSON_COMPACT);
            printf("     got  %s\n", got);
            free(got);
        }
        free(want);
    }
    for (size_t k = 0; k < st->sys.n; k++) {
        const item *x = &st->sys.v[k];
        if (x->taken || !find_doc(st, x->doc))
            continue;
        int len;
        const char *s = sentence_of(st, x, &len);
        char *got = json_dumps(x->json, JSON_COMPACT);
        printf("false %s %s: %.*s\n      got %s\n", what, x->doc, len, s, got);
        free(got);
    }
}

/* ---- reports ---- */

static void report_time(eval_state *st, long *pairs)
{
    match_all(st, true, pairs);
    prf("strict span", tally(st, pairs, 1));
    reset(st);
    match_all(st, false, pairs);
    counts relaxed = tally(st, pairs, 1);
    prf("relaxed span", relaxed);
    long n = 0, exact = 0, partial = 0, typed = 0;
    for (size_t i = 0; i < st->gold.n; i++) {
        if (pairs[i] < 0 || !st->gold.v[i].required)
            continue;
        const item *g = &st->gold.v[i], *s = &st->sys.v[pairs[i]];
        n++;
        exact += value_ok(g, s, false);
        partial += value_ok(g, s, true);
        typed += str(g, "type") && str(s, "type") && !strcmp(str(g, "type"), str(s, "type"));
    }
    double acc = n ? (double)exact / n : 0;
    double p = relaxed.sys ? (double)relaxed.sys_true / relaxed.sys : 0;
    double r = relaxed.required ? (double)relaxed.found / relaxed.required : 0;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("value accuracy         %.3f   (%ld/%ld relaxed matches; %.3f with partial values)\n", acc, exact, n,
           n ? (double)partial / n : 0);
    printf("type accuracy          %.3f\n", n ? (double)typed / n : 0);
    printf("value F1               %.3f   (value accuracy x relaxed F1, as in TempEval-3)\n", acc * f1);
    list_errors(st, pairs, 2, "timex");
}

static void report_actors(eval_state *st, long *pairs)
{
    match_all(st, false, pairs);
    prf("mention span", tally(st, pairs, 1));
    prf("code", tally(st, pairs, 2));
    list_errors(st, pairs, 2, "mention");
}

static void report_events(eval_state *st, long *pairs)
{
    match_all(st, false, pairs);
    prf("root + dyad", tally(st, pairs, 1));
    prf("code + dyad", tally(st, pairs, 2));
    prf("code + dyad + date", tally(st, pairs, 3));
    long flagged = 0, agree = 0;
    for (size_t i = 0; i < st->gold.n; i++) {
        if (pairs[i] < 0 || !st->gold.v[i].required)
            continue;
        json_t *want = json_object_get(st->gold.v[i].json, "flags");
        json_t *got = json_object_get(st->sys.v[pairs[i]].json, "flags");
        flagged++;
        /* every flag the gold wants, and no modality it does not */
        static const char *const modal[] = {"planned", "negated", "reported"};
        bool same = true;
        for (size_t k = 0; k < 3; k++)
            same = same && in_list(want, modal[k], false) == in_list(got, modal[k], false);
        agree += same;
    }
    printf("flags agree            %.3f   (%ld/%ld matched events carry the gold's flags)\n",
           flagged ? (double)agree / flagged : 0, agree, flagged);
    list_errors(st, pairs, 1, "event");
}

int cli_eval(const cli_options *opt)
{
    eval_state st;
    memset(&st, 0, sizeof st);
    st.kind = opt->output == OUT_TIMEX ? EVAL_TIME : opt->output == OUT_MENTIONS ? EVAL_ACTORS : EVAL_EVENTS;
    if (opt->source_count < 2) {
        fprintf(stderr, "vigie: usage: vigie %s [--system FILE] GOLD.jsonl DOCUMENTS...\n", opt->command);
        return 2;
    }
    cli_options docs = *opt;
    docs.sources = opt->sources + 1;
    docs.source_count = opt->source_count - 1;
    docs.quiet = true;
    cli_handler h = {collect_doc, NULL, &st};
    int status = cli_each_doc(&docs, &h);
    if (opt->system && !load_jsonl(opt->system, &st, false))
        return 2;
    if (!load_jsonl(opt->sources[0], &st, true))
        return 2;
    long *pairs = calloc(st.gold.n + 1, sizeof *pairs);
    printf("%s: %zu documents, %zu gold items, %zu system items%s\n", opt->sources[0], st.ndocs, st.gold.n, st.sys.n,
           opt->system ? " (from --system)" : "");
    if (st.kind == EVAL_TIME)
        report_time(&st, pairs);
    else if (st.kind == EVAL_ACTORS)
        report_actors(&st, pairs);
    else
        report_events(&st, pairs);
    for (size_t i = 0; i < st.gold.n; i++)
        json_decref(st.gold.v[i].json);
    for (size_t i = 0; i < st.sys.n; i++)
        json_decref(st.sys.v[i].json);
    for (size_t i = 0; i < st.ndocs; i++) {
        free(st.docs[i].id);
        free(st.docs[i].text);
    }
    free(st.docs);
    free(st.gold.v);
    free(st.sys.v);
    free(pairs);
    return st.gold_errors ? 1 : status;
}
