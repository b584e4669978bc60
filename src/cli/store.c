/* The store commands: `ingest` (the analysis loop writing into SQLite, with progress) and the
 * queries `events`, `dyad`, `actors --db`, `export`, `watch`. */
#include "cli.h"
#include "rows.h"

#include <dirent.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- ingest ---------------------------------------------------------------------------- */

typedef struct {
    vigie_store *store;
    long added, changed, unchanged, duplicates, failed, events;
    /* the document whose parts are being read: its old longer version may have more parts */
    char *doc_id;
    int doc_part;
    bool doc_rewritten;
    /* progress */
    bool tty;
    double total_bytes, bytes, start, last_draw;
} ingest_state;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Bytes of the sources, for the progress bar's share and ETA (0 when unknown: stdin). */
static double source_bytes(const char *path)
{
    struct stat sb;
    if (!strcmp(path, "-") || stat(path, &sb) != 0)
        return 0;
    if (!S_ISDIR(sb.st_mode))
        return (double)sb.st_size;
    double total = 0;
    DIR *dp = opendir(path);
    struct dirent *de;
    while (dp && (de = readdir(dp))) {
        if (de->d_name[0] == '.')
            continue;
        size_t len = strlen(path) + strlen(de->d_name) + 2;
        char *child = malloc(len);
        snprintf(child, len, "%s/%s", path, de->d_name);
        total += source_bytes(child);
        free(child);
    }
    if (dp)
        closedir(dp);
    return total;
}

static void draw_progress(ingest_state *st, bool final)
{
    double t = now_seconds();
    if (!st->tty || (!final && t - st->last_draw < 0.2))
        return;
    st->last_draw = t;
    double secs = t - st->start, rate = secs > 0 ? st->bytes / 1e6 / secs : 0;
    double share = st->total_bytes > 0 ? st->bytes / st->total_bytes : 0;
    if (share > 1)
        share = 1;
    char bar[21];
    for (int i = 0; i < 20; i++)
        bar[i] = i < (int)(share * 20) ? '#' : '.';
    bar[20] = '\0';
    long docs = st->added + st->changed + st->unchanged + st->duplicates;
    fprintf(stderr, "\r[%s] %3.0f%%  %ld documents  %ld events  %.2f MB/s", bar, share * 100, docs, st->events, rate);
    if (rate > 0 && st->total_bytes > 0 && !final) {
        long eta = (long)((st->total_bytes - st->bytes) / 1e6 / rate);
        fprintf(stderr, "  ETA %ld:%02ld  ", eta / 60, eta % 60);
    }
    if (final)
        fputs("          \n", stderr);
}

static void report_store_error(ingest_state *st, const vigie_input *in, const char *err)
{
    if (st->tty)
        fputc('\n', stderr);
    fprintf(stderr, "vigie: %s: %s\n", in->id, err);
}

/* After a document's last part: parts left from an older, longer version go. */
static void end_previous_document(ingest_state *st)
{
    char err[512];
    if (st->doc_id && st->doc_rewritten && !vigie_store_end_document(st->store, st->doc_id, st->doc_part, err, sizeof err))
        fprintf(stderr, "vigie: %s\n", err);
    free(st->doc_id);
    st->doc_id = NULL;
}

static bool ingest_skip(const cli_options *opt, const vigie_input *in, void *ctx)
{
    (void)opt;
    ingest_state *st = ctx;
    char err[512];
    if (in->part == 0) {
        end_previous_document(st);
        st->doc_id = strdup(in->id);
        st->doc_rewritten = false;
    }
    st->doc_part = in->part;
    st->bytes += (double)in->len;
    draw_progress(st, false);
    switch (vigie_store_check(st->store, in, err, sizeof err)) {
    case VIGIE_STORE_UNCHANGED: st->unchanged += in->part == 0; return true;
    case VIGIE_STORE_DUPLICATE: st->duplicates += in->part == 0; return true;
    case VIGIE_STORE_ERROR: report_store_error(st, in, err); st->failed++; return true;
    case VIGIE_STORE_CHANGED: st->changed += in->part == 0; break;
    case VIGIE_STORE_NEW: st->added += in->part == 0; break;
    }
    st->doc_rewritten = true;
    return false;
}

static long ingest_doc(const cli_options *opt, const vigie_input *in, const vigie_doc *doc, void *ctx)
{
    (void)opt;
    ingest_state *st = ctx;
    char err[512];
    if (!vigie_store_put(st->store, in, doc, err, sizeof err)) {
        report_store_error(st, in, err);
        st->failed++;
        return 0;
    }
    const vigie_event *ev;
    long n = (long)vigie_doc_events(doc, &ev);
    st->events += n;
    return n;
}

int cli_ingest(const cli_options *opt)
{
    char err[512];
    if (!opt->db) {
        fputs("vigie: ingest needs --db FILE\n", stderr);
        return 2;
    }
    ingest_state st = {0};
    st.store = vigie_store_open(opt->db, true, err, sizeof err);
    if (!st.store) {
        fprintf(stderr, "vigie: %s\n", err);
        return 1;
    }
    st.tty = !opt->quiet && isatty(STDERR_FILENO);
    for (int i = 0; i < opt->source_count; i++)
        st.total_bytes += source_bytes(opt->sources[i]);
    st.start = now_seconds();
    cli_options quiet = *opt;
    quiet.quiet = true; /* the summary below replaces the analysis loop's */
    cli_handler h = {ingest_doc, ingest_skip, &st};
    int status = cli_each_doc(&quiet, &h);
    end_previous_document(&st);
    if (!vigie_store_commit(st.store, err, sizeof err)) {
        fprintf(stderr, "vigie: %s\n", err);
        status = 1;
    }
    vigie_store_close(st.store);
    draw_progress(&st, true);
    double secs = now_seconds() - st.start;
    if (!opt->quiet)
        fprintf(stderr, "vigie: %s: %ld new, %ld changed, %ld unchanged, %ld duplicate document%s; %ld events; "
                        "%.1f MB in %.1f s (%.2f MB/s)%s\n",
                opt->db, st.added, st.changed, st.unchanged, st.duplicates, st.duplicates == 1 ? "" : "s", st.events,
                st.bytes / 1e6, secs, secs > 0 ? st.bytes / 1e6 / secs : 0, st.failed ? "; some failed" : "");
    return status ? status : st.failed ? 1 : 0;
}

/* ---- queries --------------------------------------------------------------------------- */

typedef enum { Q_EVENTS, Q_DYAD, Q_ACTORS, Q_EXPORT, Q_WATCH } query_command;

typedef struct {
    query_command command;
    const char *db, *by;
    vigie_query q;
    row_format format;
    bool evidence, raw;
    vigie_watch_options watch;
} query_options;

static int query_usage(const char *cmd)
{
    printf("usage: vigie %s --db FILE [OPTIONS]%s\n\n", cmd, !strcmp(cmd, "dyad") ? " ACTOR ACTOR" : "");
    puts("Questions to an event store made by 'vigie ingest' (schema: docs/store.md).\n"
         "  events   events, grouped across articles (--raw: one row per article's event)\n"
         "  dyad     activity of two actors per period: events per quad class, Goldstein mean and sum\n"
         "  actors   most active actors (with --db)\n"
         "  export   events as GDELT 2.0 event-table columns (CSV unless --format says)\n"
         "  watch    days where a dyad's conflict rises sharply above its own baseline\n\n"
         "options:\n"
         "      --db FILE         the store (required)\n"
         "      --actor CODE      a country or organisation (RUS: all its sectors) or a full code (RUSGOV)\n"
         "      --dyad A,B        events between A and B, either direction (--directed: A source only)\n"
         "      --code CODE       a CAMEO code or prefix (13: every threat)\n"
         "      --from DATE       YYYY, YYYY-MM or YYYY-MM-DD: events dated within [from, to]\n"
         "      --to DATE\n"
         "      --text WORDS      events whose sentence contains these words (full-text search)\n"
         "      --by PERIOD       dyad: day, week, month (default) or year\n"
         "      --evidence        show the sentences behind each result\n"
         "      --raw             events: one row per article's event\n"
         "      --limit N         at most N rows\n"
         "      --window DAYS     watch: days of baseline (28)\n"
         "      --threshold Z     watch: z-score of an alert (3)\n"
         "      --min-events N    watch: events a day needs to raise an alert (2)\n"
         "  -f, --format FMT      table (default on a terminal), jsonl (default otherwise), csv, tsv");
    return 0;
}

static int query_error(const char *fmt, const char *arg)
{
    fputs("vigie: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    return 2;
}

/* "A,B" into the dyad; the codes point into arg, cut at the comma. */
static bool parse_dyad(char *arg, vigie_query *q)
{
    char *comma = strchr(arg, ',');
    if (!comma || comma == arg || !comma[1] || strchr(comma + 1, ','))
        return false;
    *comma = '\0';
    q->dyad[0] = arg;
    q->dyad[1] = comma + 1;
    return true;
}

static bool parse_number(const char *s, double min, double max, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

static int parse_query_options(int argc, char **argv, query_options *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'D'},       {"actor", required_argument, 0, 'a'},
        {"dyad", required_argument, 0, 'y'},     {"code", required_argument, 0, 'c'},
        {"from", required_argument, 0, 'F'},     {"to", required_argument, 0, 'T'},
        {"text", required_argument, 0, 't'},     {"by", required_argument, 0, 'b'},
        {"limit", required_argument, 0, 'n'},    {"format", required_argument, 0, 'f'},
        {"evidence", no_argument, 0, 'e'},       {"raw", no_argument, 0, 'r'},
        {"directed", no_argument, 0, 'R'},       {"window", required_argument, 0, 'w'},
        {"threshold", required_argument, 0, 'z'}, {"min-events", required_argument, 0, 'm'},
        {"help", no_argument, 0, 'h'},           {0, 0, 0, 0}};
    int c;
    double v;
    optind = 2;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'D': o->db = optarg; break;
        case 'a': o->q.actor = optarg; break;
        case 'y':
            if (!parse_dyad(optarg, &o->q))
                return query_error("invalid --dyad '%s': two actor codes, A,B", optarg);
            break;
        case 'c': o->q.code = optarg; break;
        case 'F': o->q.from = optarg; break;
        case 'T': o->q.to = optarg; break;
        case 't': o->q.text = optarg; break;
        case 'b': o->by = optarg; break;
        case 'n':
            if (!parse_number(optarg, 1, 1e9, &v))
                return query_error("invalid --limit '%s': a positive number", optarg);
            o->q.limit = (long)v;
            break;
        case 'f':
            if (!strcmp(optarg, "table")) o->format = ROWS_TABLE;
            else if (!strcmp(optarg, "jsonl")) o->format = ROWS_JSONL;
            else if (!strcmp(optarg, "csv")) o->format = ROWS_CSV;
            else if (!strcmp(optarg, "tsv")) o->format = ROWS_TSV;
            else return query_error("invalid --format '%s': table, jsonl, csv or tsv", optarg);
            break;
        case 'e': o->evidence = true; break;
        case 'r': o->raw = true; break;
        case 'R': o->q.directed = true; break;
        case 'w':
            if (!parse_number(optarg, 7, 3650, &v))
                return query_error("invalid --window '%s': 7 to 3650 days", optarg);
            o->watch.window = (int)v;
            break;
        case 'z':
            if (!parse_number(optarg, 0.1, 100, &v))
                return query_error("invalid --threshold '%s': a z-score, e.g. 3", optarg);
            o->watch.threshold = v;
            break;
        case 'm':
            if (!parse_number(optarg, 1, 1e6, &v))
                return query_error("invalid --min-events '%s': a positive number", optarg);
            o->watch.min_events = (int)v;
            break;
        case 'h': return query_usage(argv[1]), -1;
        case ':': return query_error("option '%s' needs a value", argv[optind - 1]);
        default: return query_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    /* `vigie dyad --db F USA RUS`: the two actors may also be given as arguments */
    if (o->command == Q_DYAD && argc - optind == 2 && !o->q.dyad[0])
        o->q.dyad[0] = argv[optind], o->q.dyad[1] = argv[optind + 1], optind += 2;
    if (optind < argc)
        return query_error("unexpected argument '%s'", argv[optind]);
    if (!o->db)
        return query_error("%s needs --db FILE (a store made by 'vigie ingest')", argv[1]);
    if ((o->command == Q_DYAD || o->command == Q_WATCH) && !o->q.dyad[0])
        return query_error("%s needs a dyad: two actor codes (--dyad A,B)", argv[1]);
    return 0;
}

/* watch: alerts are written and their days kept, for a second query of the events behind each */
typedef struct {
    row_writer *w;
    char **days;
    size_t n;
} alert_list;

static int collect_alert(void *ctx, int n, const char *const *names, const char *const *values,
                         const vigie_value_kind *kinds)
{
    alert_list *a = ctx;
    a->days = realloc(a->days, (a->n + 1) * sizeof *a->days);
    a->days[a->n++] = strdup(values[0]);
    return rows_write(a->w, n, names, values, kinds);
}

static bool run_watch(vigie_store *store, const query_options *o, row_writer *w, char *err, size_t errlen)
{
    alert_list a = {w, NULL, 0};
    bool ok = vigie_store_watch(store, &o->q, &o->watch, collect_alert, &a, err, errlen);
    rows_finish(w);
    if (ok && !a.n && w->format == ROWS_TABLE)
        fputs("no alert\n", w->out);
    for (size_t i = 0; ok && i < a.n; i++) {
        vigie_query day = o->q;
        day.from = day.to = a.days[i];
        day.limit = 0;
        if (w->format == ROWS_TABLE)
            fprintf(w->out, "\n%s: the events behind the alert\n", a.days[i]);
        row_writer ev;
        rows_init(&ev, w->format, w->out);
        ev.evidence = true;
        ok = vigie_store_events(store, &day, false, rows_callback, &ev, err, errlen);
        rows_finish(&ev);
    }
    for (size_t i = 0; i < a.n; i++)
        free(a.days[i]);
    free(a.days);
    return ok;
}

static bool run_command(vigie_store *store, const query_options *o, row_writer *w, char *err, size_t errlen)
{
    switch (o->command) {
    case Q_EVENTS: return vigie_store_events(store, &o->q, o->raw, rows_callback, w, err, errlen);
    case Q_EXPORT: return vigie_store_export(store, &o->q, rows_callback, w, err, errlen);
    case Q_ACTORS: return vigie_store_actors(store, &o->q, rows_callback, w, err, errlen);
    case Q_WATCH: return run_watch(store, o, w, err, errlen);
    case Q_DYAD:
        if (!vigie_store_dyad(store, &o->q, o->by ? o->by : "month", rows_callback, w, err, errlen))
            return false;
        if (!o->evidence)
            return true;
        /* the events counted above, with their sentences */
        rows_finish(w);
        if (w->format == ROWS_TABLE)
            fputs("\nevents:\n", w->out);
        return vigie_store_events(store, &o->q, false, rows_callback, w, err, errlen);
    }
    return false;
}

int cli_query(int argc, char **argv)
{
    static const struct { const char *name; query_command command; } names[] = {
        {"events", Q_EVENTS}, {"dyad", Q_DYAD}, {"actors", Q_ACTORS}, {"export", Q_EXPORT}, {"watch", Q_WATCH}};
    query_options o = {0};
    o.watch = (vigie_watch_options){28, 3.0, 2};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(argv[1], names[i].name))
            o.command = names[i].command;
    int rc = parse_query_options(argc, argv, &o);
    if (rc)
        return rc < 0 ? 0 : rc;
    if (o.command == Q_EXPORT && o.format == ROWS_AUTO)
        o.format = ROWS_CSV;
    char err[512];
    vigie_store *store = vigie_store_open(o.db, false, err, sizeof err);
    if (!store) {
        fprintf(stderr, "vigie: %s\n", err);
        return 1;
    }
    row_writer w;
    rows_init(&w, o.format, stdout);
    w.evidence = o.evidence;
    bool ok = run_command(store, &o, &w, err, sizeof err);
    rows_finish(&w);
    vigie_store_close(store);
    if (!ok) {
        fprintf(stderr, "vigie: %s\n", err);
        return 1;
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
