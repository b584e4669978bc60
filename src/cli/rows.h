/* Writing query results: a table for people, JSON Lines / CSV / TSV for programs. */
#ifndef VIGIE_CLI_ROWS_H
#define VIGIE_CLI_ROWS_H

#include "vigie_store.h"

#include <stdio.h>

typedef enum { ROWS_AUTO, ROWS_TABLE, ROWS_JSONL, ROWS_CSV, ROWS_TSV } row_format;

typedef struct {
    row_format format; /* AUTO is resolved at init: a table on a terminal, JSON Lines otherwise */
    FILE *out;
    bool evidence;     /* tables: print each row's sentence under it */
    const char *hide;  /* tables: one more column not to show */
    long count;
    bool header_done;
    /* a table's rows, kept until rows_finish sizes the columns */
    int ncols;
    char **names;
    char ***cells;
    char **notes;
    size_t nrows, caprows;
} row_writer;

void rows_init(row_writer *w, row_format format, FILE *out);
int rows_write(row_writer *w, int n, const char *const *names, const char *const *values,
               const vigie_value_kind *kinds);
/* rows_write as a vigie_row_fn (ctx is the row_writer). */
int rows_callback(void *ctx, int n, const char *const *names, const char *const *values,
                  const vigie_value_kind *kinds);
/* Prints a buffered table and frees it; the writer can then take a new table. */
void rows_finish(row_writer *w);

#endif
