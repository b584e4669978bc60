/* Data-driven tests: tests/cases/NAME.test hold cases — a text or a file, its publication date
 * and language, and what vigie must (or must not) produce. One small runner reads them all,
 * in the manner of jq's tests: each line of expectation is one real assertion.
 *
 *   === name                    starts a case
 *   date: 2021-12               publication date (optional)
 *   lang: fr                    language (optional: detected)
 *   text: ...                   the document (several text: lines are joined by newlines)
 *   file: ../shared/...         or a document read from disk (seed, text or JSON Lines form)
 *   event: k=v k=v              some event has all these fields (v* = prefix, - = none)
 *   no-event: k=v ...           no event has all these fields
 *   timex: / no-timex:          the same for temporal expressions
 *   mention: / no-mention:      the same for actor mentions
 *   sentences: N                number of sentences
 *   sentence: N text            sentence N is exactly this text
 *   events: N                   number of events
 *
 * Before its first case, a file may name PETRARCH dictionaries its cases are coded with, paths
 * relative to the file's directory: "petrarch-actors: F", "petrarch-agents: F", "petrarch-verbs: F".
 *
 * Event keys: source target code root date datetext from flags (all of a comma list) noflags verb.
 * Timex keys: text value type mod weekday. Mention keys: text code kind name role.
 * Every span of every case is also checked: cut from the original, it gives its text. */
#include "vigie.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;
static const char *case_name, *case_file;
static long case_line;

static void fail(const char *what, const char *detail)
{
    failed++;
    fprintf(stderr, "FAIL %s:%ld [%s] %s%s%s\n", case_file, case_line, case_name ? case_name : "?", what,
            detail ? ": " : "", detail ? detail : "");
}

static void pass(void) { passed++; }

/* ---- key=value constraints ---- */

typedef struct {
    char key[32];
    char val[256];
} kv;

static int parse_kvs(const char *s, kv *out, int max)
{
    int n = 0;
    while (*s && n < max) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        const char *eq = strchr(s, '=');
        if (!eq)
            break;
        snprintf(out[n].key, sizeof out[n].key, "%.*s", (int)(eq - s), s);
        s = eq + 1;
        size_t len;
        if (*s == '"') {
            const char *end = strchr(s + 1, '"');
            len = end ? (size_t)(end - s - 1) : strlen(s + 1);
            snprintf(out[n].val, sizeof out[n].val, "%.*s", (int)len, s + 1);
            s = end ? end + 1 : s + strlen(s);
        } else {
            len = strcspn(s, " ");
            snprintf(out[n].val, sizeof out[n].val, "%.*s", (int)len, s);
            s += len;
        }
        n++;
    }
    return n;
}

static bool value_ok(const char *want, const char *have)
{
    if (!strcmp(want, "-"))
        return have == NULL || !*have;
    if (!have)
        return false;
    size_t n = strlen(want);
    if (n && want[n - 1] == '*')
        return !strncmp(want, have, n - 1);
    return !strcmp(want, have);
}

static char *cut(const char *text, vigie_span s)
{
    char *c = malloc(s.end - s.start + 1);
    memcpy(c, text + s.start, s.end - s.start);
    c[s.end - s.start] = 0;
    return c;
}

static bool has_flags(unsigned flags, const char *list, bool all)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *f = strtok(buf, ","); f; f = strtok(NULL, ",")) {
        bool has = false;
        for (unsigned b = 0; b < VIGIE_FLAG_BITS; b++)
            if ((flags & (1u << b)) && !strcmp(vigie_flag_name(b), f))
                has = true;
        if (has != all)
            return false;
    }
    return true;
}

static bool event_matches(const vigie_doc *d, const vigie_event *e, const kv *c, int n)
{
    for (int i = 0; i < n; i++) {
        const char *k = c[i].key, *v = c[i].val;
        char *dt = e->date_from == VIGIE_DATE_TEXT ? cut(vigie_doc_text(d, NULL), e->date_span) : NULL;
        bool ok = !strcmp(k, "datetext") ? value_ok(v, dt)
                  : !strcmp(k, "source")   ? value_ok(v, e->source.code)
                  : !strcmp(k, "target") ? value_ok(v, e->target.code)
                  : !strcmp(k, "code")   ? value_ok(v, e->code)
                  : !strcmp(k, "root")   ? value_ok(v, e->root)
                  : !strcmp(k, "date")   ? value_ok(v, e->date_value)
                  : !strcmp(k, "from")   ? value_ok(v, e->date_from == VIGIE_DATE_TEXT ? "text"
                                                       : e->date_from == VIGIE_DATE_PUBLISHED ? "published" : "none")
                  : !strcmp(k, "flags")  ? has_flags(e->flags, v, true)
                  : !strcmp(k, "noflags") ? has_flags(e->flags, v, false)
                  : !strcmp(k, "verb")   ? value_ok(v, e->verb_text)
                                         : false;
        free(dt);
        if (!ok)
            return false;
    }
    return true;
}

static bool timex_matches(const vigie_doc *d, const vigie_timex *t, const kv *c, int n)
{
    const char *text = vigie_doc_text(d, NULL);
    for (int i = 0; i < n; i++) {
        const char *k = c[i].key, *v = c[i].val;
        static const char *const types[] = {"DATE", "TIME", "DURATION", "SET"};
        char wd[8];
        snprintf(wd, sizeof wd, "%d", t->weekday);
        char *s = cut(text, t->span);
        bool ok = !strcmp(k, "text")    ? value_ok(v, s)
                  : !strcmp(k, "value") ? value_ok(v, t->value)
                  : !strcmp(k, "type")  ? value_ok(v, types[t->type])
                  : !strcmp(k, "mod")   ? value_ok(v, t->mod)
                  : !strcmp(k, "weekday") ? value_ok(v, wd)
                                        : false;
        free(s);
        if (!ok)
            return false;
    }
    return true;
}

static bool mention_matches(const vigie_doc *d, const vigie_mention *m, const kv *c, int n)
{
    const char *text = vigie_doc_text(d, NULL);
    static const char *const kinds[] = {"person", "country", "organisation", "group",
                                        "metonym", "role", "coreference", "place"};
    for (int i = 0; i < n; i++) {
        const char *k = c[i].key, *v = c[i].val;
        char *s = cut(text, m->span);
        bool ok = !strcmp(k, "text")   ? value_ok(v, s)
                  : !strcmp(k, "code") ? value_ok(v, m->code)
                  : !strcmp(k, "kind") ? value_ok(v, kinds[m->kind])
                  : !strcmp(k, "name") ? value_ok(v, m->name)
                  : !strcmp(k, "role") ? value_ok(v, m->role)
                  : !strcmp(k, "export") ? value_ok(v, m->export_code)
                  : !strcmp(k, "resolved") ? value_ok(v, m->resolved)
                                       : false;
        free(s);
        if (!ok)
            return false;
    }
    return true;
}

/* ---- spans: every reported span gives exactly its text ---- */

static void check_spans(const vigie_doc *d)
{
    size_t len;
    const char *text = vigie_doc_text(d, &len);
    const vigie_event *ev;
    size_t n = vigie_doc_events(d, &ev);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const vigie_event *e = &ev[i];
        vigie_span spans[] = {e->sentence_span, e->source.span, e->verb_span};
        for (size_t k = 0; k < 3; k++)
            ok &= spans[k].start <= spans[k].end && spans[k].end <= len;
        char *s = cut(text, e->source.span);
        ok &= !strcmp(s, e->source.text);
        free(s);
        s = cut(text, e->verb_span);
        ok &= !strcmp(s, e->verb_text);
        free(s);
        if (e->target.code) {
            s = cut(text, e->target.span);
            ok &= !strcmp(s, e->target.text);
            free(s);
        }
        ok &= e->verb_span.start >= e->sentence_span.start && e->verb_span.end <= e->sentence_span.end;
    }
    const vigie_token *tok;
    size_t nt = vigie_doc_tokens(d, &tok);
    for (size_t i = 0; i < nt && ok; i++)
        ok &= tok[i].span.start < tok[i].span.end && tok[i].span.end <= len;
    ok ? pass() : fail("spans", "a span does not point at its text");
}

/* ---- cases ---- */

typedef struct {
    char *text;
    size_t len;
    char date[32], lang[8], file[512];
    char **expect; /* "kind\tconstraints" lines with their line numbers */
    long *lines;
    int nexpect;
} test_case;

static void run_expectations(const vigie_engine *eng, test_case *tc)
{
    vigie_input in;
    memset(&in, 0, sizeof in);
    vigie_reader *r = NULL;
    char err[1024];
    if (tc->file[0]) {
        vigie_date none = {0, 0, 0, VIGIE_GRAN_NONE};
        r = vigie_reader_open(tc->file, VIGIE_FORM_AUTO, none, err, sizeof err);
        if (!r || vigie_reader_next(r, &in, err, sizeof err) != 1) {
            fail("cannot read the case's file", err);
            vigie_reader_close(r);
            return;
        }
    } else {
        in.id = case_name;
        in.text = tc->text ? tc->text : "";
        in.len = tc->len;
        in.origin = case_file;
    }
    if (tc->date[0] && !vigie_date_parse(tc->date, strlen(tc->date), &in.published)) {
        fail("bad date in case", tc->date);
        vigie_reader_close(r);
        return;
    }
    if (tc->lang[0])
        in.lang = tc->lang;
    vigie_doc *d = vigie_analyze(eng, &in, err, sizeof err);
    if (!d) {
        fail("document rejected", err);
        vigie_reader_close(r);
        return;
    }
    check_spans(d);
    const vigie_event *ev;
    size_t nev = vigie_doc_events(d, &ev);
    const vigie_timex *tx;
    size_t ntx = vigie_doc_timexes(d, &tx);
    const vigie_mention *mn;
    size_t nmn = vigie_doc_mentions(d, &mn);
    const vigie_sentence *se;
    size_t nse = vigie_doc_sentences(d, &se);
    for (int x = 0; x < tc->nexpect; x++) {
        case_line = tc->lines[x];
        char *line = tc->expect[x];
        char *colon = strchr(line, ':');
        *colon = 0;
        const char *what = line, *rest = colon + 1;
        kv c[16];
        int nc = parse_kvs(rest, c, 16);
        bool neg = !strncmp(what, "no-", 3);
        const char *kind = neg ? what + 3 : what;
        bool found = false;
        char detail[512];
        snprintf(detail, sizeof detail, "%s", rest);
        if (!strcmp(kind, "event")) {
            for (size_t i = 0; i < nev && !found; i++)
                found = event_matches(d, &ev[i], c, nc);
        } else if (!strcmp(kind, "timex")) {
            for (size_t i = 0; i < ntx && !found; i++)
                found = timex_matches(d, &tx[i], c, nc);
        } else if (!strcmp(kind, "mention")) {
            for (size_t i = 0; i < nmn && !found; i++)
                found = mention_matches(d, &mn[i], c, nc);
        } else if (!strcmp(kind, "sentences") || !strcmp(kind, "events")) {
            long want = atol(rest);
            long have = (long)(kind[1] == 'e' ? nse : nev);
            snprintf(detail, sizeof detail, "want %ld, have %ld", want, have);
            found = want == have;
        } else if (!strcmp(kind, "sentence")) {
            char *p = (char *)rest;
            long idx = strtol(p, &p, 10);
            while (*p == ' ')
                p++;
            char *s = idx >= 0 && (size_t)idx < nse ? cut(vigie_doc_text(d, NULL), se[idx].span) : NULL;
            snprintf(detail, sizeof detail, "want '%s', have '%s'", p, s ? s : "(none)");
            found = s && !strcmp(s, p);
            free(s);
        } else {
            fail("unknown expectation", what);
            continue;
        }
        if (found != neg)
            pass();
        else
            fail(neg ? "unexpected" : "missing", detail);
        *colon = ':';
    }
    vigie_doc_free(d);
    vigie_reader_close(r);
}

static void free_case(test_case *tc)
{
    free(tc->text);
    for (int i = 0; i < tc->nexpect; i++)
        free(tc->expect[i]);
    free(tc->expect);
    free(tc->lines);
    memset(tc, 0, sizeof *tc);
}

static void add_text(test_case *tc, const char *s)
{
    size_t n = strlen(s);
    tc->text = realloc(tc->text, tc->len + n + 2);
    if (tc->len)
        tc->text[tc->len++] = '\n';
    memcpy(tc->text + tc->len, s, n + 1);
    tc->len += n;
}

/* The PETRARCH dictionaries a test file names before its first case. */
typedef struct {
    char paths[3][8][512]; /* actors, agents, verbs */
    size_t n[3];
} petrarch_dicts;

static bool petrarch_header(petrarch_dicts *pd, const char *file, const char *line)
{
    static const char *const keys[3] = {"petrarch-actors:", "petrarch-agents:", "petrarch-verbs:"};
    for (int k = 0; k < 3; k++) {
        size_t kl = strlen(keys[k]);
        if (strncmp(line, keys[k], kl) || pd->n[k] == 8)
            continue;
        const char *v = line + kl + strspn(line + kl, " ");
        const char *slash = strrchr(file, '/');
        snprintf(pd->paths[k][pd->n[k]++], 512, "%.*s%s", slash ? (int)(slash + 1 - file) : 0, file, v);
        return true;
    }
    return false;
}

static vigie_engine *petrarch_engine(const petrarch_dicts *pd)
{
    const char *lists[3][8];
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < pd->n[k]; i++)
            lists[k][i] = pd->paths[k][i];
    vigie_engine_options o;
    memset(&o, 0, sizeof o);
    o.petrarch_actors = lists[0];
    o.petrarch_actor_count = pd->n[0];
    o.petrarch_agents = lists[1];
    o.petrarch_agent_count = pd->n[1];
    o.petrarch_verbs = lists[2];
    o.petrarch_verb_count = pd->n[2];
    char err[1024];
    vigie_engine *e = vigie_engine_open_with(&o, err, sizeof err);
    if (!e)
        fail("cannot load the file's PETRARCH dictionaries", err);
    return e;
}

static void run_file(const vigie_engine *eng, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        case_file = path;
        fail("cannot open", path);
        return;
    }
    case_file = path;
    petrarch_dicts pd;
    memset(&pd, 0, sizeof pd);
    vigie_engine *own = NULL; /* the file's engine, when it names dictionaries */
    test_case tc;
    memset(&tc, 0, sizeof tc);
    char *line = NULL, *name = NULL;
    size_t cap = 0;
    long lineno = 0;
    ssize_t got;
    bool in_case = false;
    while ((got = getline(&line, &cap, f)) != -1 || in_case) {
        if (!in_case && got != -1 && (line[strcspn(line, "\n")] = 0, petrarch_header(&pd, path, line))) {
            lineno++;
            continue;
        }
        if (got == -1 || !strncmp(line, "=== ", 4)) {
            if (!in_case && (pd.n[0] || pd.n[1] || pd.n[2])) {
                own = petrarch_engine(&pd);
                if (!own)
                    break;
                eng = own;
            }
            if (in_case) {
                case_name = name;
                run_expectations(eng, &tc);
                free_case(&tc);
            }
            if (got == -1)
                break;
            free(name);
            line[strcspn(line, "\n")] = 0;
            name = strdup(line + 4);
            in_case = true;
            lineno++;
            continue;
        }
        lineno++;
        line[strcspn(line, "\n")] = 0;
        if (line[0] == '#' || !line[0])
            continue;
        char *colon = strchr(line, ':');
        if (!colon)
            continue;
        char *val = colon + 1;
        if (*val == ' ')
            val++;
        if (!strncmp(line, "text:", 5))
            add_text(&tc, val);
        else if (!strncmp(line, "date:", 5))
            snprintf(tc.date, sizeof tc.date, "%s", val);
        else if (!strncmp(line, "lang:", 5))
            snprintf(tc.lang, sizeof tc.lang, "%s", val);
        else if (!strncmp(line, "file:", 5))
            snprintf(tc.file, sizeof tc.file, "%s", val);
        else {
            tc.expect = realloc(tc.expect, (size_t)(tc.nexpect + 1) * sizeof *tc.expect);
            tc.lines = realloc(tc.lines, (size_t)(tc.nexpect + 1) * sizeof *tc.lines);
            tc.expect[tc.nexpect] = strdup(line);
            tc.lines[tc.nexpect++] = lineno;
        }
    }
    free(line);
    free(name);
    free_case(&tc);
    fclose(f);
    if (own)
        vigie_engine_close(own);
}

/* ---- API tests that are not about one document ---- */

static void test_dates(void)
{
    case_file = "check.c";
    case_name = "date parsing";
    struct {
        const char *s;
        bool ok;
        const char *out;
    } cases[] = {{"2021-12", true, "2021-12"},      {"2021-12-30", true, "2021-12-30"}, {"2021-13", false, ""},
                 {"2021-02-29", false, ""},         {"2020-02-29", true, "2020-02-29"}, {"99999", false, ""},
                 {"2019-02-10T08:00:00Z", true, "2019-02-10"}, {"", false, ""},     {"2021-1", false, ""}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        vigie_date d;
        bool ok = vigie_date_parse(cases[i].s, strlen(cases[i].s), &d);
        char buf[16] = "";
        if (ok)
            vigie_date_format(d, buf);
        (ok == cases[i].ok && (!ok || !strcmp(buf, cases[i].out))) ? pass() : fail("vigie_date_parse", cases[i].s);
    }
}

static void test_bad_utf8(const vigie_engine *eng)
{
    case_file = "check.c";
    case_name = "invalid UTF-8 is rejected with its offset";
    vigie_input in;
    memset(&in, 0, sizeof in);
    in.id = "bad";
    in.text = "Bonjour\n\xff\xfe la Russie";
    in.len = strlen(in.text);
    in.origin = "bad.txt";
    char err[512];
    vigie_doc *d = vigie_analyze(eng, &in, err, sizeof err);
    (!d && strstr(err, "bad.txt:2") && strstr(err, "byte offset 8") && strstr(err, "0xFF")) ? pass()
                                                                                          : fail("message", err);
    vigie_doc_free(d);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "tests/cases";
    char err[1024];
    vigie_engine *eng = vigie_engine_open(NULL, err, sizeof err);
    if (!eng) {
        fprintf(stderr, "cannot load the engine: %s\n", err);
        printf("0 passed, 1 failed\n");
        return 1;
    }
    test_dates();
    test_bad_utf8(eng);
    DIR *dp = opendir(dir);
    char *files[512];
    int nf = 0;
    struct dirent *de;
    while (dp && (de = readdir(dp)) && nf < 512) {
        size_t n = strlen(de->d_name);
        if (n > 5 && !strcmp(de->d_name + n - 5, ".test")) {
            files[nf] = malloc(strlen(dir) + n + 2);
            sprintf(files[nf++], "%s/%s", dir, de->d_name);
        }
    }
    if (dp)
        closedir(dp);
    qsort(files, (size_t)nf, sizeof *files, cmp_str);
    for (int i = 0; i < nf; i++) {
        run_file(eng, files[i]);
        free(files[i]);
    }
    vigie_engine_close(eng);
    printf("cases: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
