/* The vigie command line: thin argument handling around libvigie. */
#ifndef VIGIE_CLI_H
#define VIGIE_CLI_H

#include "vigie.h"

typedef enum { OUT_EVENTS, OUT_TIMEX, OUT_TIMEML, OUT_MENTIONS, OUT_SENTENCES } cli_output;

typedef struct {
    const char *command;
    cli_output output;
    vigie_out_format format;
    vigie_form form;
    vigie_date date;
    const char *lang;
    const char *data_dir;
    bool quiet;
    bool timing;        /* --timing: report the analysis loop's own time and throughput */
    const char *system; /* eval: score this output instead of vigie's own */
    const char *db;     /* ingest: the store */
    /* --petrarch-actors / --petrarch-agents / --petrarch-verbs, in the order given (point into argv) */
    const char *petrarch_actors[8], *petrarch_agents[8], *petrarch_verbs[8];
    size_t petrarch_actor_count, petrarch_agent_count, petrarch_verb_count;
    char **sources;
    int source_count;
} cli_options;

/* Runs the analysis over every source (files, directories recursively, "-"); returns the
 * exit status: 0, or 1 when a document or file was rejected. */
int cli_run(const cli_options *opt);

/* The same loop with another action per document: `each` gets the input and its analysis (its
 * result, when the output is events, is counted as events in the summary); `skip`, when set,
 * is asked first whether the document needs analysing at all. */
typedef struct {
    long (*each)(const cli_options *opt, const vigie_input *in, const vigie_doc *doc, void *ctx);
    bool (*skip)(const cli_options *opt, const vigie_input *in, void *ctx);
    void *ctx;
} cli_handler;
int cli_each_doc(const cli_options *opt, const cli_handler *handler);

/* Scoring against gold files (eval.c): opt->sources[0] is the gold, the rest the documents. */
int cli_eval(const cli_options *opt);

/* The store (store.c): ingest the sources into opt->db; the query commands parse their own
 * options (argv[1] is the command). */
int cli_ingest(const cli_options *opt);
int cli_query(int argc, char **argv);

#endif
