/* Result rows written for people (an aligned table on a terminal) or for programs (JSON Lines,
 * CSV, TSV). Tables are buffered to size their columns; the other forms stream. */
#include "rows.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Long texts are cut in tables, not in machine output. */
#define TABLE_CELL_MAX 60

static bool hidden_in_table(const row_writer *w, const char *name)
{
    static const char *const evidence_columns[] = {"sentence", "sentence_start", "sentence_end", "url", "Evidence",
                                                   "SOURCEURL"};
    for (size_t i = 0; i < sizeof evidence_columns / sizeof *evidence_columns; i++)
        if (!strcmp(name, evidence_columns[i]))
            return true;
    return w->hide && !strcmp(name, w->hide);
}

void rows_init(row_writer *w, row_format format, FILE *out)
{
    memset(w, 0, sizeof *w);
    w->format = format == ROWS_AUTO ? (isatty(fileno(out)) ? ROWS_TABLE : ROWS_JSONL) : format;
    w->out = out;
}

static void write_csv_cell(FILE *out, const char *v, char sep)
{
    if (!v)
        return;
    if (sep == '\t') { /* TSV has no quoting: tabs and line ends become spaces */
        for (const char *p = v; *p; p++)
            fputc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, out);
        return;
    }
    if (!strpbrk(v, ",\"\n\r")) {
        fputs(v, out);
        return;
    }
    fputc('"', out);
    for (const char *p = v; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

static void write_delimited(row_writer *w, int n, const char *const *names, const char *const *values, char sep)
{
    if (!w->header_done) {
        for (int i = 0; i < n; i++) {
            if (i)
                fputc(sep, w->out);
            write_csv_cell(w->out, names[i], sep);
        }
        fputc('\n', w->out);
        w->header_done = true;
    }
    for (int i = 0; i < n; i++) {
        if (i)
            fputc(sep, w->out);
        write_csv_cell(w->out, values[i], sep);
    }
    fputc('\n', w->out);
}

static void write_json(row_writer *w, int n, const char *const *names, const char *const *values,
                       const vigie_value_kind *kinds)
{
    json_t *o = json_object();
    for (int i = 0; i < n; i++) {
        json_t *v = !values[i]                       ? json_null()
                    : kinds[i] == VIGIE_VALUE_INT  ? json_integer(strtoll(values[i], NULL, 10))
                    : kinds[i] == VIGIE_VALUE_REAL ? json_real(strtod(values[i], NULL))
                                                   : json_string(values[i]);
        json_object_set_new(o, names[i], v ? v : json_null());
    }
    char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    if (s) {
        fputs(s, w->out);
        fputc('\n', w->out);
    }
    free(s);
    json_decref(o);
}

static char *dup_or_empty(const char *s) { return strdup(s ? s : ""); }

/* UTF-8 aware width: counts code points, not bytes, so accented names line up. */
static size_t display_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void table_add(row_writer *w, int n, const char *const *names, const char *const *values)
{
    if (!w->ncols) {
        w->ncols = n;
        w->names = calloc((size_t)n, sizeof *w->names);
        for (int i = 0; i < n; i++)
            w->names[i] = dup_or_empty(names[i]);
    }
    if (w->nrows == w->caprows) {
        w->caprows = w->caprows ? 2 * w->caprows : 64;
        w->cells = realloc(w->cells, w->caprows * sizeof *w->cells);
        w->notes = realloc(w->notes, w->caprows * sizeof *w->notes);
    }
    char **row = calloc((size_t)n, sizeof *row);
    w->notes[w->nrows] = NULL;
    for (int i = 0; i < n && i < w->ncols; i++) {
        row[i] = dup_or_empty(values[i]);
        if (w->evidence && !strcmp(names[i], "sentence") && values[i])
            w->notes[w->nrows] = dup_or_empty(values[i]);
    }
    w->cells[w->nrows++] = row;
}

int rows_write(row_writer *w, int n, const char *const *names, const char *const *values,
               const vigie_value_kind *kinds)
{
    w->count++;
    switch (w->format) {
    case ROWS_JSONL: write_json(w, n, names, values, kinds); break;
    case ROWS_CSV: write_delimited(w, n, names, values, ','); break;
    case ROWS_TSV: write_delimited(w, n, names, values, '\t'); break;
    case ROWS_TABLE:
    case ROWS_AUTO: table_add(w, n, names, values); break;
    }
    return 0;
}

int rows_callback(void *ctx, int n, const char *const *names, const char *const *values,
                  const vigie_value_kind *kinds)
{
    return rows_write(ctx, n, names, values, kinds);
}

/* Prints a cell padded to width, cutting what is longer than the table allows. */
static void print_cell(FILE *out, const char *s, size_t width, bool last)
{
    size_t w = display_width(s), printed = 0;
    for (const char *p = s; *p; p++) {
        bool lead = ((unsigned char)*p & 0xC0) != 0x80;
        if (lead && printed == width - (w > width ? 1 : 0) && w > width)
            break;
        printed += lead;
        fputc(*p, out);
    }
    if (w > width)
        fputs("…", out), printed++;
    if (!last)
        for (; printed < width + 2; printed++)
            fputc(' ', out);
}

void rows_finish(row_writer *w)
{
    if (w->format == ROWS_TABLE && w->ncols) {
        size_t *width = calloc((size_t)w->ncols, sizeof *width);
        int last = -1;
        for (int c = 0; c < w->ncols; c++) {
            width[c] = display_width(w->names[c]);
            for (size_t r = 0; r < w->nrows; r++)
                if (display_width(w->cells[r][c]) > width[c])
                    width[c] = display_width(w->cells[r][c]);
            if (width[c] > TABLE_CELL_MAX)
                width[c] = TABLE_CELL_MAX;
            if (!hidden_in_table(w, w->names[c]))
                last = c;
        }
        for (int c = 0; c < w->ncols; c++)
            if (!hidden_in_table(w, w->names[c]))
                print_cell(w->out, w->names[c], width[c], c == last);
        fputc('\n', w->out);
        for (size_t r = 0; r < w->nrows; r++) {
            for (int c = 0; c < w->ncols; c++)
                if (!hidden_in_table(w, w->names[c]))
                    print_cell(w->out, w->cells[r][c], width[c], c == last);
            fputc('\n', w->out);
            if (w->notes[r])
                fprintf(w->out, "    « %s »\n", w->notes[r]);
        }
        free(width);
    }
    for (size_t r = 0; r < w->nrows; r++) {
        for (int c = 0; c < w->ncols; c++)
            free(w->cells[r][c]);
        free(w->cells[r]);
        free(w->notes[r]);
    }
    for (int c = 0; c < w->ncols; c++)
        free(w->names[c]);
    free(w->cells);
    free(w->notes);
    free(w->names);
    w->cells = NULL, w->notes = NULL, w->names = NULL;
    w->nrows = w->caprows = 0;
    w->ncols = 0;
}
