/* vigie — command-line entry point: parses options, then hands over to cli_run. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct command {
    const char *name;
    cli_output output;
    bool eval;
    const char *summary;
    enum { STORE_NONE, STORE_INGEST, STORE_QUERY } store;
} commands[] = {
    {"code", OUT_EVENTS, false, "code events (CAMEO) as JSON Lines, or TSV with --format tsv", STORE_NONE},
    {"time", OUT_TIMEX, false, "print temporal expressions (JSON Lines, or --format timeml)", STORE_NONE},
    {"actors", OUT_MENTIONS, false, "print actor mentions with their codes (JSON Lines)", STORE_NONE},
    {"split", OUT_SENTENCES, false, "print sentences and tokens with byte offsets (JSON Lines)", STORE_NONE},
    {"eval", OUT_EVENTS, true, "score events against a gold file: P/R/F1 at three levels", STORE_NONE},
    {"eval-time", OUT_TIMEX, true, "score temporal expressions against a gold file (TempEval-3)", STORE_NONE},
    {"eval-actors", OUT_MENTIONS, true, "score actor mentions and codes against a gold file", STORE_NONE},
    {"ingest", OUT_EVENTS, false, "code documents into an event store (--db FILE, SQLite)", STORE_INGEST},
    {"events", OUT_EVENTS, false, "events in a store, filtered by actor, dyad, code, dates, text", STORE_QUERY},
    {"dyad", OUT_EVENTS, false, "a dyad's activity per day, week, month or year in a store", STORE_QUERY},
    {"export", OUT_EVENTS, false, "a store's events as GDELT-style CSV/TSV or JSON Lines", STORE_QUERY},
    {"watch", OUT_EVENTS, false, "escalation alerts for a dyad in a store", STORE_QUERY},
};

static void usage(FILE *out)
{
    fputs("usage: vigie COMMAND [OPTIONS] [FILE|DIR|-]...\n\ncommands:\n", out);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fputs("  (actors --db FILE: the most active actors in a store)\n"
          "\nRun 'vigie COMMAND --help' for a command's options; 'vigie --version'.\n", out);
}

static void command_help(const struct command *c)
{
    if (c->eval)
        printf("usage: vigie %s [OPTIONS] [--system OUTPUT.jsonl] GOLD.jsonl DOCUMENTS...\n\n%s.\n\n"
               "The gold file is JSON Lines in the form of ../shared/gold/README.md: each item names its\n"
               "document and locates itself by a verbatim context. The documents are analysed by vigie,\n"
               "or, with --system, only read, and the items scored are those of OUTPUT.jsonl (vigie's\n"
               "output form). Misses and false alarms follow the scores, with their sentences.\n"
               "Exit status: 0, or 1 when a gold item could not be placed in its document.\n\n",
               c->name, c->summary);
    else
        printf("usage: vigie %s [OPTIONS] [FILE|DIR|-]...\n\n%s.\n\n", c->name, c->summary);
    puts("Inputs are files, directories (read recursively) or '-' for standard input (the default).\n"
         "Each input is one of three forms, detected unless --input says:\n"
         "  seed   'date YYYY-MM[-DD]' then the article (the publication date)\n"
         "  text   a plain article; its publication date comes from --date\n"
         "  jsonl  JSON Lines, one article per line: id, date, text [, lang, title, url, source]\n\n"
         "options:\n"
         "  -d, --date DATE     publication date for plain text: YYYY, YYYY-MM or YYYY-MM-DD\n"
         "  -i, --input FORM    auto (default), seed, text or jsonl\n"
         "  -l, --lang LANG     fr or en (default: detected per document)\n"
         "  -f, --format FMT    jsonl (default), tsv (code), timeml (time)\n"
         "      --data DIR      dictionaries (default: $VIGIE_DATA or the built-in path)\n"
         "      --system FILE   (eval commands) score this output instead of vigie's own\n"
         "      --db FILE       (ingest) the store, created when absent\n"
         "      --petrarch-actors FILE  add a PETRARCH actor dictionary (English; repeatable)\n"
         "      --petrarch-agents FILE  add a PETRARCH agent dictionary (English; repeatable)\n"
         "      --petrarch-verbs FILE   code English events with a PETRARCH verb dictionary instead of\n"
         "                              vigie's own patterns (repeatable)\n"
         "  -q, --quiet         no summary on standard error\n"
         "      --timing        also report the analysis time alone (no start-up, reading or writing)\n"
         "                      and its throughput in MB of text per second, on standard error\n"
         "  -h, --help          this help\n\n"
         "Exit status: 0 all documents read, 1 some were rejected (reported on standard error),\n"
         "2 usage error.");
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("vigie: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'vigie --help'.\n", stderr);
    return 2;
}

/* `actors --db FILE` asks a store; `actors FILE` analyses documents. */
static bool uses_store(int argc, char **argv)
{
    for (int i = 2; i < argc; i++)
        if (!strcmp(argv[i], "--db") || !strncmp(argv[i], "--db=", 5))
            return true;
    return false;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
        printf("vigie %s\n", VIGIE_VERSION);
        return 0;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    const struct command *cmd = NULL;
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(argv[1], commands[i].name))
            cmd = &commands[i];
    if (!cmd)
        return usage_error("unknown command '%s'", argv[1]);
    if (cmd->store == STORE_QUERY || (cmd->output == OUT_MENTIONS && !cmd->eval && uses_store(argc, argv)))
        return cli_query(argc, argv);

    cli_options opt = {.command = cmd->name, .output = cmd->output, .format = VIGIE_OUT_JSONL,
                       .form = VIGIE_FORM_AUTO, .date = {0, 0, 0, VIGIE_GRAN_NONE}};
    static const struct option longopts[] = {
        {"date", required_argument, 0, 'd'}, {"input", required_argument, 0, 'i'},
        {"lang", required_argument, 0, 'l'}, {"format", required_argument, 0, 'f'},
        {"data", required_argument, 0, 'D'}, {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'},       {"system", required_argument, 0, 'S'},
        {"db", required_argument, 0, 'B'},
        {"petrarch-actors", required_argument, 0, 'A'}, {"petrarch-agents", required_argument, 0, 'G'},
        {"petrarch-verbs", required_argument, 0, 'V'}, {"timing", no_argument, 0, 'T'},
        {0, 0, 0, 0}};
    int c;
    optind = 2;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":d:i:l:f:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (!vigie_date_parse(optarg, strlen(optarg), &opt.date))
                return usage_error("invalid --date '%s' (expected YYYY, YYYY-MM or YYYY-MM-DD)", optarg);
            break;
        case 'i':
            if (!strcmp(optarg, "auto")) opt.form = VIGIE_FORM_AUTO;
            else if (!strcmp(optarg, "seed")) opt.form = VIGIE_FORM_SEED;
            else if (!strcmp(optarg, "text")) opt.form = VIGIE_FORM_TEXT;
            else if (!strcmp(optarg, "jsonl")) opt.form = VIGIE_FORM_JSONL;
            else return usage_error("invalid --input '%s' (auto, seed, text or jsonl)", optarg);
            break;
        case 'l':
            if (strcmp(optarg, "fr") && strcmp(optarg, "en"))
                return usage_error("invalid --lang '%s' (fr or en)", optarg);
            opt.lang = optarg;
            break;
        case 'f':
            if (!strcmp(optarg, "jsonl")) opt.format = VIGIE_OUT_JSONL;
            else if (!strcmp(optarg, "tsv") && cmd->output == OUT_EVENTS) opt.format = VIGIE_OUT_TSV;
            else if (!strcmp(optarg, "timeml") && cmd->output == OUT_TIMEX) opt.output = OUT_TIMEML;
            else return usage_error("invalid --format '%s' for this command", optarg);
            break;
        case 'D': opt.data_dir = optarg; break;
        case 'S':
            if (!cmd->eval)
                return usage_error("--system is for the eval commands", optarg);
            opt.system = optarg;
            break;
        case 'B':
            if (cmd->store != STORE_INGEST)
                return usage_error("--db is for ingest and the store queries", optarg);
            opt.db = optarg;
            break;
        case 'A':
        case 'G':
        case 'V': {
            const char **list = c == 'A' ? opt.petrarch_actors : c == 'G' ? opt.petrarch_agents : opt.petrarch_verbs;
            size_t *n = c == 'A'   ? &opt.petrarch_actor_count
                        : c == 'G' ? &opt.petrarch_agent_count
                                   : &opt.petrarch_verb_count;
            if (*n == sizeof opt.petrarch_actors / sizeof *opt.petrarch_actors)
                return usage_error("too many dictionaries ('%s')", optarg);
            list[(*n)++] = optarg;
            break;
        }
        case 'q': opt.quiet = true; break;
        case 'T': opt.timing = true; break;
        case 'h': command_help(cmd); return 0;
        case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    static char *stdin_only[] = {"-"};
    opt.sources = optind < argc ? argv + optind : stdin_only;
    opt.source_count = optind < argc ? argc - optind : 1;
    if (cmd->store == STORE_INGEST)
        return cli_ingest(&opt);
    return cmd->eval ? cli_eval(&opt) : cli_run(&opt);
}
