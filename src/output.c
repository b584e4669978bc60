/* Output: events, temporal expressions, mentions and sentences as JSON Lines (jansson) or
 * TSV. Texts are always cut from the original bytes, so spans and texts agree. */
#include "internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Spans are written as offsets into the whole document (a part's own offsets plus its base). */
static json_t *span_json(const vigie_doc *d, vigie_span s)
{
    return json_pack("[II]", (json_int_t)(s.start + d->base), (json_int_t)(s.end + d->base));
}

static json_t *text_json(const vigie_doc *d, vigie_span s)
{
    return json_stringn(d->orig + s.start, s.end - s.start);
}

static json_t *actor_json(const vigie_doc *d, const vigie_event_actor *a)
{
    if (!a->code)
        return json_null();
    return json_pack("{s:s, s:s, s:o}", "code", a->code, "text", a->text, "span", span_json(d, a->span));
}

const char *vigie_flag_name(unsigned b)
{
    static const char *const names[VIGIE_FLAG_BITS] = {"planned", "negated", "reported", "symmetric", "implied"};
    return b < VIGIE_FLAG_BITS ? names[b] : NULL;
}

void event_flags_text(unsigned flags, char out[EVENT_FLAGS_TEXT])
{
    out[0] = '\0';
    for (unsigned b = 0; b < VIGIE_FLAG_BITS; b++)
        if (flags & (1u << b)) {
            if (out[0])
                strcat(out, ",");
            strcat(out, vigie_flag_name(b));
        }
}

static json_t *flags_json(unsigned flags)
{
    json_t *arr = json_array();
    for (unsigned b = 0; b < VIGIE_FLAG_BITS; b++)
        if (flags & (1u << b))
            json_array_append_new(arr, json_string(vigie_flag_name(b)));
    return arr;
}

static const char *date_from_name(vigie_date_from f)
{
    return f == VIGIE_DATE_TEXT ? "text" : f == VIGIE_DATE_PUBLISHED ? "published" : "none";
}

static json_t *event_json(const vigie_doc *d, const vigie_event *e)
{
    char pub[16];
    vigie_date_format(d->published, pub);
    json_t *o = json_object();
    json_object_set_new(o, "doc", json_string(d->id));
    if (d->part > 0) /* sentence numbers count from the start of the part */
        json_object_set_new(o, "part", json_integer(d->part));
    json_object_set_new(o, "sentence", json_integer((json_int_t)e->sentence));
    json_object_set_new(o, "sentence_span", span_json(d, e->sentence_span));
    json_object_set_new(o, "published", pub[0] ? json_string(pub) : json_null());
    json_object_set_new(o, "lang", json_string(lang_codes[d->lang]));
    json_object_set_new(o, "source", actor_json(d, &e->source));
    json_object_set_new(o, "target", actor_json(d, &e->target));
    json_object_set_new(o, "code", json_string(e->code));
    json_object_set_new(o, "root", json_string(e->root));
    json_object_set_new(o, "quad_class", json_integer(e->quad_class));
    json_object_set_new(o, "goldstein", json_real(e->goldstein));
    const cameo_code *cc = cameo_lookup(d->engine, e->code);
    if (cc)
        json_object_set_new(o, "event_name", json_string(cc->name));
    if (e->date_value) {
        json_t *date = json_pack("{s:s, s:s}", "value", e->date_value, "from", date_from_name(e->date_from));
        if (e->date_from == VIGIE_DATE_TEXT) {
            json_object_set_new(date, "span", span_json(d, e->date_span));
            json_object_set_new(date, "text", text_json(d, e->date_span));
        }
        json_object_set_new(o, "date", date);
    } else {
        json_object_set_new(o, "date", json_null());
    }
    json_object_set_new(o, "verb", json_pack("{s:s, s:o}", "text", e->verb_text, "span", span_json(d, e->verb_span)));
    json_object_set_new(o, "flags", flags_json(e->flags));
    if (e->mention_count > 1) {
        json_t *m = json_array();
        for (size_t k = 0; k < e->mention_count; k++)
            json_array_append_new(m, json_pack("{s:o}", "sentence_span", span_json(d, e->mention_spans[k])));
        json_object_set_new(o, "mentions", m);
    }
    return o;
}

/* One object per line. Serialised into a buffer first: jansson's stream writer calls fwrite for
 * every piece, which costs more than the analysis. */
static int dump_line(json_t *o, FILE *out)
{
    const size_t flags = JSON_COMPACT | JSON_REAL_PRECISION(3);
    char buf[8192];
    size_t n = json_dumpb(o, buf, sizeof buf - 1, flags);
    int rc = 0;
    if (n == 0) {
        rc = -1;
    } else if (n < sizeof buf - 1) {
        buf[n++] = '\n';
        rc = fwrite(buf, 1, n, out) == n ? 0 : -1;
    } else { /* a long one (mentions of a much repeated event) */
        char *big = json_dumps(o, flags);
        rc = big && fputs(big, out) != EOF && fputc('\n', out) != EOF ? 0 : -1;
        free(big);
    }
    json_decref(o);
    return rc;
}

/* ---- JSON lines written directly: timexes and mentions are many, and building jansson
 * objects for each cost more than finding them. The bytes are jansson's compact form. ---- */

typedef struct {
    char *p;
    size_t n, cap;
    char local[4096];
} jline;

static void jl_init(jline *l)
{
    l->p = l->local;
    l->n = 0;
    l->cap = sizeof l->local;
}

/* Room for n more bytes. */
static inline void jl_reserve(jline *l, size_t n)
{
    if (l->n + n <= l->cap)
        return;
    size_t cap = l->cap;
    while (l->n + n > cap)
        cap *= 2;
    l->p = l->p == l->local ? memcpy(xmalloc(cap), l->local, l->n) : xrealloc(l->p, cap);
    l->cap = cap;
}

static inline void jl_put(jline *l, const char *s, size_t n)
{
    jl_reserve(l, n);
    memcpy(l->p + l->n, s, n);
    l->n += n;
}

static void jl_lit(jline *l, const char *s) { jl_put(l, s, strlen(s)); }

/* A JSON string as jansson escapes it: quote, backslash, and control characters only. Room for
 * the worst case (every byte a \uXXXX) is made first, so bytes are stored without checks. */
static void jl_str(jline *l, const char *s, size_t n)
{
    jl_reserve(l, 6 * n + 2);
    char *o = l->p + l->n;
    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            *o++ = (char)c;
            continue;
        }
        const char *short_esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\b' ? "\\b" : c == '\f' ? "\\f"
                              : c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
        if (short_esc) {
            memcpy(o, short_esc, 2);
            o += 2;
        } else {
            static const char hex[] = "0123456789ABCDEF";
            memcpy(o, "\\u00", 4);
            o[4] = hex[c >> 4];
            o[5] = hex[c & 15];
            o += 6;
        }
    }
    *o++ = '"';
    l->n = (size_t)(o - l->p);
}

/* ,"key": (no comma right after the opening brace); keys are plain ASCII, written as they are */
static inline void jl_key(jline *l, const char *key)
{
    size_t k = strlen(key);
    jl_reserve(l, k + 4);
    char *o = l->p + l->n;
    if (l->n > 1)
        *o++ = ',';
    *o++ = '"';
    memcpy(o, key, k);
    o += k;
    *o++ = '"';
    *o++ = ':';
    l->n = (size_t)(o - l->p);
}

static void jl_key_str(jline *l, const char *key, const char *value)
{
    jl_key(l, key);
    if (value)
        jl_str(l, value, strlen(value));
    else
        jl_lit(l, "null");
}

/* The decimal digits of v (as printf's %lld). */
static void jl_int(jline *l, long long v)
{
    char num[24], *end = num + sizeof num, *start = decimal_before(end, v);
    jl_put(l, start, (size_t)(end - start));
}

static void jl_key_int(jline *l, const char *key, long long v)
{
    jl_key(l, key);
    jl_int(l, v);
}

static void jl_key_span(jline *l, const vigie_doc *d, const char *key, vigie_span s)
{
    jl_key(l, key);
    jl_put(l, "[", 1);
    jl_int(l, (long long)(s.start + d->base));
    jl_put(l, ",", 1);
    jl_int(l, (long long)(s.end + d->base));
    jl_put(l, "]", 1);
}

static void jl_key_text(jline *l, const vigie_doc *d, const char *key, vigie_span s)
{
    jl_key(l, key);
    jl_str(l, d->orig + s.start, s.end - s.start);
}

/* Opens the record of a piece of text: its document, sentence, span and the text itself. */
static void jl_open_span(jline *l, const vigie_doc *d, size_t sentence, vigie_span span)
{
    jl_init(l);
    jl_put(l, "{", 1);
    jl_key_str(l, "doc", d->id);
    jl_key_int(l, "sentence", (long long)sentence);
    jl_key_span(l, d, "span", span);
    jl_key_text(l, d, "text", span);
}

/* Closes the object, writes the line and frees what it took. */
static int jl_write(jline *l, FILE *out)
{
    jl_put(l, "}\n", 2);
    int rc = fwrite(l->p, 1, l->n, out) == l->n ? 0 : -1;
    if (l->p != l->local)
        free(l->p);
    return rc;
}

/* TSV fields: TAB, newline, carriage return and backslash are escaped as \t \n \r \\. */
static void tsv_text(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\t')
            fputs("\\t", out);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\r')
            fputs("\\r", out);
        else if (c == '\\')
            fputs("\\\\", out);
        else
            fputc(c, out);
    }
}

static const char *const tsv_columns[] = {
    "doc", "sentence", "sentence_start", "sentence_end", "published", "source_code", "source_text",
    "source_start", "source_end", "target_code", "target_text", "target_start", "target_end", "code",
    "root", "quad_class", "goldstein", "date", "date_from", "date_start", "date_end", "verb",
    "verb_start", "verb_end", "flags", "mentions"};

void vigie_write_events_header(FILE *out, vigie_out_format format)
{
    if (format != VIGIE_OUT_TSV)
        return;
    for (size_t c = 0; c < sizeof tsv_columns / sizeof *tsv_columns; c++)
        fprintf(out, "%s%s", c ? "\t" : "", tsv_columns[c]);
    fputc('\n', out);
}

static void tsv_actor(const vigie_doc *d, FILE *out, const vigie_event_actor *a)
{
    if (!a->code) {
        fputs("\t\t\t\t", out);
        return;
    }
    fprintf(out, "\t%s\t", a->code);
    tsv_text(out, a->text, strlen(a->text));
    fprintf(out, "\t%zu\t%zu", a->span.start + d->base, a->span.end + d->base);
}

static void tsv_event(const vigie_doc *d, const vigie_event *e, FILE *out)
{
    char pub[16];
    tsv_text(out, d->id, strlen(d->id));
    fprintf(out, "\t%zu\t%zu\t%zu\t%s", e->sentence, e->sentence_span.start + d->base, e->sentence_span.end + d->base,
            vigie_date_format(d->published, pub));
    tsv_actor(d, out, &e->source);
    tsv_actor(d, out, &e->target);
    fprintf(out, "\t%s\t%s\t%d\t%.1f\t%s\t%s", e->code, e->root, e->quad_class, e->goldstein,
            e->date_value ? e->date_value : "", e->date_value ? date_from_name(e->date_from) : "");
    if (e->date_from == VIGIE_DATE_TEXT)
        fprintf(out, "\t%zu\t%zu\t", e->date_span.start + d->base, e->date_span.end + d->base);
    else
        fputs("\t\t\t", out);
    tsv_text(out, e->verb_text, strlen(e->verb_text));
    fprintf(out, "\t%zu\t%zu\t", e->verb_span.start + d->base, e->verb_span.end + d->base);
    char flags[EVENT_FLAGS_TEXT];
    event_flags_text(e->flags, flags);
    fprintf(out, "%s\t%zu\n", flags, e->mention_count);
}

long vigie_write_events(const vigie_doc *d, FILE *out, vigie_out_format format)
{
    const vigie_event *ev;
    size_t n = vigie_doc_events(d, &ev);
    for (size_t i = 0; i < n; i++) {
        if (format == VIGIE_OUT_TSV)
            tsv_event(d, &ev[i], out);
        else if (dump_line(event_json(d, &ev[i]), out) < 0)
            return -1;
    }
    return ferror(out) ? -1 : (long)n;
}

const char *vigie_timex_type_name(vigie_timex_type type)
{
    static const char *const names[] = {"DATE", "TIME", "DURATION", "SET"};
    return names[type];
}

long vigie_write_timexes(const vigie_doc *d, FILE *out)
{
    for (size_t i = 0; i < d->timex_pub.n; i++) {
        const vigie_timex *t = &d->timex_pub.v[i];
        jline l;
        jl_open_span(&l, d, t->sentence, t->span);
        jl_key_str(&l, "type", vigie_timex_type_name(t->type));
        jl_key_str(&l, "value", t->value);
        jl_key_str(&l, "anchor", t->anchor);
        jl_key_str(&l, "mod", t->mod);
        if (t->weekday)
            jl_key_int(&l, "weekday", t->weekday);
        if (jl_write(&l, out) < 0)
            return -1;
    }
    return (long)d->timex_pub.n;
}

static void xml_text(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '<')
            fputs("&lt;", out);
        else if (s[i] == '>')
            fputs("&gt;", out);
        else if (s[i] == '&')
            fputs("&amp;", out);
        else if (s[i] == '"')
            fputs("&quot;", out);
        else
            fputc(s[i], out);
    }
}

long vigie_write_timeml(const vigie_doc *d, FILE *out)
{
    char pub[16];
    fprintf(out, "<TimeML>\n<DOCID>");
    xml_text(out, d->id, strlen(d->id));
    fprintf(out, "</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"%s\" functionInDocument=\"CREATION_TIME\"/></DCT>\n<TEXT>",
            vigie_date_format(d->published, pub));
    size_t at = 0;
    for (size_t i = 0; i < d->timex_pub.n; i++) {
        const vigie_timex *t = &d->timex_pub.v[i];
        xml_text(out, d->orig + at, t->span.start - at);
        fprintf(out, "<TIMEX3 tid=\"t%zu\" type=\"%s\" value=\"", i + 1, vigie_timex_type_name(t->type));
        xml_text(out, t->value, strlen(t->value));
        fputc('"', out);
        if (t->mod)
            fprintf(out, " mod=\"%s\"", t->mod);
        fputc('>', out);
        xml_text(out, d->orig + t->span.start, t->span.end - t->span.start);
        fputs("</TIMEX3>", out);
        at = t->span.end;
    }
    xml_text(out, d->orig + at, d->orig_len - at);
    fputs("</TEXT>\n</TimeML>\n", out);
    return ferror(out) ? -1 : (long)d->timex_pub.n;
}

const char *vigie_actor_kind_name(vigie_actor_kind kind)
{
    static const char *const names[] = {"person", "country", "organisation", "group",
                                        "metonym", "role", "coreference", "place"};
    return names[kind];
}

long vigie_write_mentions(const vigie_doc *d, FILE *out)
{
    for (size_t i = 0; i < d->mentions.n; i++) {
        const mention_info *mi = &d->mentions.v[i];
        const vigie_mention *m = &mi->pub;
        jline l;
        jl_open_span(&l, d, m->sentence, m->span);
        jl_key_str(&l, "kind", mi->adjective ? "demonym" : vigie_actor_kind_name(m->kind));
        jl_key_str(&l, "code", m->code ? m->code : "");
        jl_key_str(&l, "export", m->export_code);
        jl_key_str(&l, "name", m->name);
        jl_key_str(&l, "role", m->role);
        jl_key_str(&l, "resolved", m->resolved ? m->resolved : "dictionary");
        if (jl_write(&l, out) < 0)
            return -1;
    }
    return (long)d->mentions.n;
}

static const char *const token_kinds[] = {"word", "number", "punct", "quote", "symbol"};

long vigie_write_sentences(const vigie_doc *d, FILE *out)
{
    for (size_t s = 0; s < d->sentences.n; s++) {
        const vigie_sentence *se = &d->sentences.v[s];
        json_t *toks = json_array();
        for (size_t k = se->first_token; k < se->first_token + se->token_count; k++) {
            const vigie_token *t = &d->tokens.v[k];
            json_array_append_new(toks, json_pack("{s:o, s:o, s:s}", "text", text_json(d, t->span), "span",
                                                  span_json(d, t->span), "kind", token_kinds[t->kind]));
        }
        json_t *o = json_pack("{s:s, s:s, s:I, s:o, s:o, s:o}", "doc", d->id, "lang", lang_codes[d->lang],
                              "sentence", (json_int_t)s, "span", span_json(d, se->span), "text",
                              text_json(d, se->span), "tokens", toks);
        if (dump_line(o, out) < 0)
            return -1;
    }
    return (long)d->sentences.n;
}
