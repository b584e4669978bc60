/* Reading: documents from a file or standard input, in three forms — the seed form
 * ("date YYYY-MM[-DD]" then the article), plain text (date from --date) and JSON Lines
 * (one article per line). JSON Lines are streamed: one line in memory at a time. */
#include "internal.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

struct vigie_reader {
    FILE *f;
    bool owns;
    char *path;
    vigie_form form;
    vigie_date default_date;
    long line;
    bool done;
    char *buf;       /* current line (JSON Lines) or the next part of the document */
    size_t cap;
    /* seed and text forms, read in parts: bytes buffered, part handed out last, and where the
     * next part starts in the document */
    size_t buffered, handed;
    int part;
    size_t base;
    long first_line;
    vigie_date published;
    json_t *record;  /* current JSON record when jansson read it (strings point into it) */
    jsonrec flat;    /* current JSON record when it is flat (strings point into it) */
    char *id;
    char warning[512];
    char peek[64];   /* bytes read to sniff the form, consumed before the stream */
    size_t peek_n, peek_at;
    char *chunk;     /* getdelim's buffer for JSON Lines */
    size_t chunk_cap;
};

static const char *basename_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* "dir/000_806b.txt" -> "000_806b" */
static char *doc_id_from_path(const char *path)
{
    const char *base = basename_of(path);
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return xstrndup(base, n);
}

/* JSON Lines by extension or by a first non-blank '{'; the seed form by its "date " prefix
 * (decided once the text is read); plain text otherwise. Nothing read is lost: the bytes
 * peeked at are replayed. */
static vigie_form sniff(vigie_reader *r, const char *path)
{
    size_t n = strlen(path);
    if ((n > 6 && !strcmp(path + n - 6, ".jsonl")) || (n > 5 && !strcmp(path + n - 5, ".json")))
        return VIGIE_FORM_JSONL;
    r->peek_n = fread(r->peek, 1, sizeof r->peek, r->f);
    size_t k = 0;
    while (k < r->peek_n && (r->peek[k] == ' ' || r->peek[k] == '\t' || r->peek[k] == '\n' || r->peek[k] == '\r'))
        k++;
    return k < r->peek_n && r->peek[k] == '{' ? VIGIE_FORM_JSONL : VIGIE_FORM_AUTO;
}

vigie_reader *vigie_reader_open(const char *path, vigie_form form, vigie_date default_date, char *err, size_t errlen)
{
    vigie_reader *r = xcalloc(1, sizeof *r);
    r->owns = strcmp(path, "-") != 0;
    r->f = r->owns ? fopen(path, "rb") : stdin;
    if (!r->f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        free(r);
        return NULL;
    }
    r->path = xstrndup(r->owns ? path : "<stdin>", strlen(r->owns ? path : "<stdin>"));
    r->default_date = default_date;
    if (form == VIGIE_FORM_AUTO)
        form = sniff(r, path);
    r->form = form;
    return r;
}

const char *vigie_reader_warning(const vigie_reader *r) { return r->warning[0] ? r->warning : NULL; }

static void release_record(vigie_reader *r)
{
    if (r->record)
        json_decref(r->record);
    r->record = NULL;
    if (r->form == VIGIE_FORM_JSONL) { /* a seed or text document keeps its id over its parts */
        free(r->id);
        r->id = NULL;
    }
    r->warning[0] = 0;
}

/* Long documents are analysed in parts of at most this many bytes. */
#define PART_BYTES ((size_t)1 << 20)

/* Tops the buffer up to PART_BYTES; false on a read error. */
static bool fill_part(vigie_reader *r)
{
    if (!r->buf) {
        r->cap = PART_BYTES + 1;
        r->buf = xmalloc(r->cap);
    }
    size_t from_peek = r->peek_n - r->peek_at;
    memcpy(r->buf + r->buffered, r->peek + r->peek_at, from_peek);
    r->buffered += from_peek;
    r->peek_at = r->peek_n;
    while (r->buffered < PART_BYTES) {
        size_t got = fread(r->buf + r->buffered, 1, PART_BYTES - r->buffered, r->f);
        r->buffered += got;
        if (got == 0)
            break;
    }
    r->buf[r->buffered] = 0;
    return !ferror(r->f);
}

/* Where to end a part of a full buffer: after a blank line, else a line end, else a space in
 * its second half; never inside a UTF-8 sequence. */
static size_t part_cut(const char *b, size_t n)
{
    static const char *const ends[] = {"\n\n", "\n", ". ", " "};
    for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
        size_t k = strlen(ends[e]);
        for (size_t at = n - k; at > n / 2; at--)
            if (!memcmp(b + at, ends[e], k))
                return at + k;
    }
    size_t at = n;
    while (at > n / 2 && ((unsigned char)b[at] & 0xC0) == 0x80)
        at--;
    return at;
}

static long count_lines(const char *s, size_t n)
{
    long lines = 0;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + n - p))); p++)
        lines++;
    return lines;
}

/* The seed form's first line: "date YYYY-MM[-DD]". Returns the offset after the date, 0 on error. */
static size_t seed_header(vigie_reader *r, size_t at, vigie_date *published, char *err, size_t errlen)
{
    if (strncmp(r->buf + at, "date ", 5)) {
        snprintf(err, errlen, "%s:1: expected 'date YYYY-MM' or 'date YYYY-MM-DD' at the start; document skipped", r->path);
        return 0;
    }
    at += 5;
    size_t end = at;
    while (end < r->buffered && r->buf[end] != ' ' && r->buf[end] != '\t' && r->buf[end] != '\n' && r->buf[end] != '\r')
        end++;
    if (!vigie_date_parse(r->buf + at, end - at, published) || published->gran < VIGIE_GRAN_MONTH) {
        snprintf(err, errlen, "%s:1: malformed publication date '%.*s' (expected YYYY-MM or YYYY-MM-DD, a real date); document skipped",
                 r->path, (int)(end - at > 40 ? 40 : end - at), r->buf + at);
        return 0;
    }
    return end;
}

/* The start of a seed or text document: its id, date and where the article begins. */
static int first_part(vigie_reader *r, vigie_input *in, char *err, size_t errlen)
{
    r->id = doc_id_from_path(r->path);
    r->published = r->default_date;
    r->first_line = 1;
    size_t at = 0;
    while (at < r->buffered && (r->buf[at] == ' ' || r->buf[at] == '\t' || r->buf[at] == '\n' || r->buf[at] == '\r'))
        at++;
    bool seed = r->form == VIGIE_FORM_SEED || (r->form == VIGIE_FORM_AUTO && !strncmp(r->buf + at, "date ", 5));
    if (seed) {
        at = seed_header(r, at, &r->published, err, errlen);
        if (!at) {
            r->done = true;
            return -1;
        }
    } else if (r->default_date.gran == VIGIE_GRAN_NONE) {
        snprintf(r->warning, sizeof r->warning,
                 "%s: no publication date (give --date): relative dates stay unresolved, events dated from the text only", r->path);
    }
    in->text_offset = (long)at; /* spans index the whole file; the article starts after the date */
    if (at == r->buffered)
        snprintf(r->warning, sizeof r->warning, "%s: empty document", r->path);
    return 1;
}

/* Seed and text forms: the document, in parts of at most PART_BYTES. */
static int next_part(vigie_reader *r, vigie_input *in, char *err, size_t errlen)
{
    if (r->handed) { /* drop the part handed out last */
        r->first_line += count_lines(r->buf, r->handed);
        r->base += r->handed;
        r->buffered -= r->handed;
        memmove(r->buf, r->buf + r->handed, r->buffered);
        r->handed = 0;
        r->part++;
    }
    if (!fill_part(r)) {
        snprintf(err, errlen, "%s: read error: %s", r->path, strerror(errno));
        r->done = true;
        return -1;
    }
    if (r->part > 0 && r->buffered == 0) {
        r->done = true;
        return 0;
    }
    if (r->part == 0) {
        int rc = first_part(r, in, err, errlen);
        if (rc <= 0)
            return rc;
    }
    bool full = r->buffered == PART_BYTES;
    r->handed = full ? part_cut(r->buf, r->buffered) : r->buffered;
    if (!full)
        r->done = true;
    in->id = r->id;
    in->origin = r->path;
    in->published = r->published;
    in->text = r->buf;
    in->len = r->handed;
    in->part = r->part;
    in->base = r->base;
    in->first_line = r->first_line;
    return 1;
}

/* A top-level string of the current record, or NULL; *other: the key holds something else
 * than a string or null. */
static const char *field_string(const vigie_reader *r, const char *key, size_t *len, bool *other)
{
    const char *s = NULL;
    *other = false;
    if (r->record) {
        json_t *v = json_object_get(r->record, key);
        if (json_is_string(v)) {
            s = json_string_value(v);
            *len = json_string_length(v);
        }
        *other = !s && v && !json_is_null(v);
        return s;
    }
    const jsonrec_field *f = jsonrec_get(&r->flat, key);
    if (f && f->type == JV_STRING) {
        s = f->str;
        *len = f->len;
    }
    *other = !s && f && f->type != JV_NULL;
    return s;
}

static const char *opt_string(const vigie_reader *r, const char *key)
{
    size_t len;
    bool other;
    return field_string(r, key, &len, &other);
}

/* Appends n bytes to the line buffer (NUL-terminated). */
static void line_put(vigie_reader *r, size_t *len, const char *s, size_t n)
{
    if (*len + n + 1 > r->cap) {
        while (*len + n + 1 > r->cap)
            r->cap *= 2;
        r->buf = xrealloc(r->buf, r->cap);
    }
    memcpy(r->buf + *len, s, n);
    *len += n;
    r->buf[*len] = 0;
}

/* One line without its newline, NUL bytes included; false at the end of the input. The bytes
 * peeked at come first, then the stream a line at a time (getdelim, not a call per byte). */
static bool read_line(vigie_reader *r, size_t *len)
{
    *len = 0;
    if (!r->buf) {
        r->cap = 1 << 16;
        r->buf = xmalloc(r->cap);
    }
    r->buf[0] = 0;
    while (r->peek_at < r->peek_n) {
        char c = r->peek[r->peek_at++];
        if (c == '\n')
            return true;
        line_put(r, len, &c, 1);
    }
    ssize_t got = getdelim(&r->chunk, &r->chunk_cap, '\n', r->f);
    if (got > 0)
        line_put(r, len, r->chunk, (size_t)got - (r->chunk[got - 1] == '\n'));
    return got > 0 || *len > 0;
}

static int next_jsonl(vigie_reader *r, vigie_input *in, char *err, size_t errlen)
{
    size_t len;
    for (;;) {
        if (!read_line(r, &len)) {
            r->done = true;
            return 0;
        }
        r->line++;
        size_t k = 0;
        while (k < len && (r->buf[k] == ' ' || r->buf[k] == '\t' || r->buf[k] == '\r'))
            k++;
        if (k < len)
            break; /* blank lines are not records */
    }
    if (!jsonrec_parse(&r->flat, r->buf, len)) { /* not a flat record: jansson reads it, or says why not */
        json_error_t je;
        r->record = json_loadb(r->buf, len, JSON_REJECT_DUPLICATES, &je);
        if (!r->record) {
            snprintf(err, errlen, "%s:%ld: invalid JSON at column %d: %s; record skipped", r->path, r->line, je.column, je.text);
            return -1;
        }
    }
    size_t text_len = 0, date_len;
    bool other, date_other;
    const char *text = field_string(r, "text", &text_len, &other);
    if ((r->record && !json_is_object(r->record)) || !text) {
        snprintf(err, errlen, "%s:%ld: record without a \"text\" string; record skipped", r->path, r->line);
        return -1;
    }
    const char *id = opt_string(r, "id");
    if (!id) {
        char buf[64];
        snprintf(buf, sizeof buf, "line-%ld", r->line);
        r->id = xstrndup(buf, strlen(buf));
        id = r->id;
    }
    in->id = id;
    in->text = text;
    in->len = text_len;
    in->lang = opt_string(r, "lang");
    in->title = opt_string(r, "title");
    in->url = opt_string(r, "url");
    in->source = opt_string(r, "source");
    in->origin = r->path;
    in->line = r->line;
    in->published = r->default_date;
    const char *ds = field_string(r, "date", &date_len, &date_other);
    if (ds) {
        if (!vigie_date_parse(ds, strlen(ds), &in->published)) {
            snprintf(err, errlen, "%s:%ld: document '%s': malformed date \"%.40s\" (expected YYYY-MM or YYYY-MM-DD); record skipped",
                     r->path, r->line, id, ds);
            return -1;
        }
    } else if (date_other) {
        snprintf(err, errlen, "%s:%ld: document '%s': \"date\" must be a string; record skipped", r->path, r->line, id);
        return -1;
    }
    if (in->lang && strcmp(in->lang, "fr") && strcmp(in->lang, "en"))
        in->lang = NULL; /* unknown languages are detected instead */
    return 1;
}

int vigie_reader_next(vigie_reader *r, vigie_input *in, char *err, size_t errlen)
{
    release_record(r);
    memset(in, 0, sizeof *in);
    if (r->done)
        return 0;
    if (r->form == VIGIE_FORM_JSONL)
        return next_jsonl(r, in, err, errlen);
    return next_part(r, in, err, errlen);
}

void vigie_reader_close(vigie_reader *r)
{
    if (!r)
        return;
    release_record(r);
    free(r->id);
    if (r->owns && r->f)
        fclose(r->f);
    free(r->buf);
    free(r->chunk);
    jsonrec_free(&r->flat);
    free(r->path);
    free(r);
}
