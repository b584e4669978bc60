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
    char **sources;
    int source_count;
} cli_options;

/* Runs the analysis over every source (files, directories recursively, "-"); returns the
 * exit status: 0, or 1 when a document or file was rejected. */
int cli_run(const cli_options *opt);

#endif
