/* The document loop shared by the analysis commands: sources -> reader -> analyze -> write. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef struct {
    const cli_options *opt;
    vigie_engine *engine;
    long documents, rejected, events;
    double analysis_s;   /* --timing: seconds inside vigie_analyze_upto */
    size_t analysed;     /* bytes of text analysed */
    const cli_handler *handler; /* what is done with each document */
} run_state;

/* ctx: whether the TSV header is written yet */
static long write_doc(const cli_options *opt, const vigie_input *in, const vigie_doc *doc, void *ctx)
{
    (void)in;
    bool *header_done = ctx;
    switch (opt->output) {
    case OUT_EVENTS:
        if (!*header_done) {
            vigie_write_events_header(stdout, opt->format);
            *header_done = true;
        }
        return vigie_write_events(doc, stdout, opt->format);
    case OUT_TIMEX: return vigie_write_timexes(doc, stdout);
    case OUT_TIMEML: return vigie_write_timeml(doc, stdout);
    case OUT_MENTIONS: return vigie_write_mentions(doc, stdout);
    case OUT_SENTENCES: return vigie_write_sentences(doc, stdout);
    }
    return 0;
}

/* Each command runs the pipeline as far as its output needs. */
static vigie_stage stage_for(cli_output out)
{
    switch (out) {
    case OUT_SENTENCES: return VIGIE_STAGE_SEGMENT;
    case OUT_TIMEX:
    case OUT_TIMEML: return VIGIE_STAGE_TIME;
    case OUT_MENTIONS: return VIGIE_STAGE_ACTORS;
    case OUT_EVENTS: break;
    }
    return VIGIE_STAGE_EVENTS;
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void run_file(run_state *st, const char *path)
{
    char err[1024];
    vigie_reader *r = vigie_reader_open(path, st->opt->form, st->opt->date, err, sizeof err);
    if (!r) {
        fprintf(stderr, "vigie: %s\n", err);
        st->rejected++;
        return;
    }
    vigie_input in;
    int rc;
    bool skip_parts = false; /* the rest of a long document whose earlier part was rejected */
    while ((rc = vigie_reader_next(r, &in, err, sizeof err)) != 0) {
        if (rc < 0) {
            fprintf(stderr, "vigie: %s\n", err);
            st->rejected++;
            continue;
        }
        if (in.part > 0 && skip_parts)
            continue;
        if (vigie_reader_warning(r) && !st->opt->quiet)
            fprintf(stderr, "vigie: warning: %s\n", vigie_reader_warning(r));
        if (st->opt->lang)
            in.lang = st->opt->lang;
        if (st->handler->skip && st->handler->skip(st->opt, &in, st->handler->ctx)) {
            st->documents += in.part == 0;
            continue;
        }
        double t0 = st->opt->timing ? seconds_now() : 0;
        vigie_doc *doc = vigie_analyze_upto(st->engine, &in, stage_for(st->opt->output), err, sizeof err);
        if (st->opt->timing) {
            st->analysis_s += seconds_now() - t0;
            st->analysed += in.len;
        }
        skip_parts = !doc;
        if (!doc) {
            fprintf(stderr, "vigie: %s\n", err);
            st->rejected++;
            continue;
        }
        st->documents += in.part == 0;
        long n = st->handler->each(st->opt, &in, doc, st->handler->ctx);
        if (st->opt->output == OUT_EVENTS && n > 0)
            st->events += n;
        vigie_doc_free(doc);
    }
    vigie_reader_close(r);
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Directories are read recursively, in name order, skipping hidden entries. */
static void run_source(run_state *st, const char *path)
{
    struct stat sb;
    if (strcmp(path, "-") && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        DIR *dp = opendir(path);
        if (!dp) {
            fprintf(stderr, "vigie: %s: cannot open directory: %s\n", path, strerror(errno));
            st->rejected++;
            return;
        }
        char **names = NULL;
        size_t n = 0, cap = 0;
        struct dirent *de;
        while ((de = readdir(dp))) {
            if (de->d_name[0] == '.')
                continue;
            if (n == cap)
                names = realloc(names, (cap = cap ? 2 * cap : 32) * sizeof *names);
            size_t len = strlen(path) + strlen(de->d_name) + 2;
            names[n] = malloc(len);
            snprintf(names[n++], len, "%s/%s", path, de->d_name);
        }
        closedir(dp);
        qsort(names, n, sizeof *names, cmp_names);
        for (size_t i = 0; i < n; i++) {
            run_source(st, names[i]);
            free(names[i]);
        }
        free(names);
        return;
    }
    run_file(st, path);
}

int cli_each_doc(const cli_options *opt, const cli_handler *handler)
{
    char err[1024];
    vigie_engine_options eo = {opt->data_dir, opt->petrarch_actors, opt->petrarch_actor_count, opt->petrarch_agents,
                               opt->petrarch_agent_count, stderr, opt->petrarch_verbs, opt->petrarch_verb_count,
                               stage_for(opt->output) <= VIGIE_STAGE_TIME};
    vigie_engine *engine = vigie_engine_open_with(&eo, err, sizeof err);
    if (!engine) {
        fprintf(stderr, "vigie: %s\n", err);
        return 2;
    }
    run_state st = {opt, engine, 0, 0, 0, 0, 0, handler};
    for (int i = 0; i < opt->source_count; i++)
        run_source(&st, opt->sources[i]);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "vigie: error writing output: %s\n", strerror(errno));
        vigie_engine_close(engine);
        return 1;
    }
    if (!opt->quiet) {
        fprintf(stderr, "vigie: %ld document%s", st.documents, st.documents == 1 ? "" : "s");
        if (opt->output == OUT_EVENTS)
            fprintf(stderr, ", %ld event%s", st.events, st.events == 1 ? "" : "s");
        fprintf(stderr, ", %ld rejected\n", st.rejected);
    }
    if (opt->timing) /* the counterpart of a library's own parse-loop figure */
        fprintf(stderr, "vigie: analysis: %.3f MB of text in %.3f s, %.2f MB/s\n", st.analysed / 1e6,
                st.analysis_s, st.analysis_s > 0 ? st.analysed / 1e6 / st.analysis_s : 0.0);
    vigie_engine_close(engine);
    return st.rejected ? 1 : 0;
}

int cli_run(const cli_options *opt)
{
    bool header_done = false;
    cli_handler h = {write_doc, NULL, &header_done};
    return cli_each_doc(opt, &h);
}
