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

static const char *const flag_names[] = {"planned", "negated", "reported", "symmetric"};

static json_t *flags_json(unsigned flags)
{
    json_t *arr = json_array();
    for (unsigned b = 0; b < 4; b++)
        if (flags & (1u << b))
            json_array_append_new(arr, json_string(flag_names[b]));
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
    int nf = 0;
    for (unsigned b = 0; b < 4; b++)
        if (e->flags & (1u << b))
            fprintf(out, "%s%s", nf++ ? "," : "", flag_names[b]);
    fprintf(out, "\t%zu\n", e->mention_count);
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

static const char *const timex_types[] = {"DATE", "TIME", "DURATION", "SET"};

long vigie_write_timexes(const vigie_doc *d, FILE *out)
{
    for (size_t i = 0; i < d->timex_pub.n; i++) {
        const vigie_timex *t = &d->timex_pub.v[i];
        json_t *o = json_pack("{s:s, s:I, s:o, s:o, s:s, s:s, s:s}", "doc", d->id, "sentence",
                              (json_int_t)t->sentence, "span", span_json(d, t->span), "text", text_json(d, t->span),
                              "type", timex_types[t->type], "value", t->value, "anchor", t->anchor);
        json_object_set_new(o, "mod", t->mod ? json_string(t->mod) : json_null());
        if (t->weekday)
            json_object_set_new(o, "weekday", json_integer(t->weekday));
        if (dump_line(o, out) < 0)
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
        fprintf(out, "<TIMEX3 tid=\"t%zu\" type=\"%s\" value=\"", i + 1, timex_types[t->type]);
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

static const char *const kind_names[] = {"person", "country", "organisation", "group",
                                         "metonym", "role", "coreference", "place"};

long vigie_write_mentions(const vigie_doc *d, FILE *out)
{
    for (size_t i = 0; i < d->mentions.n; i++) {
        const mention_info *mi = &d->mentions.v[i];
        const vigie_mention *m = &mi->pub;
        json_t *o = json_pack("{s:s, s:I, s:o, s:o, s:s, s:s}", "doc", d->id, "sentence", (json_int_t)m->sentence,
                              "span", span_json(d, m->span), "text", text_json(d, m->span), "kind",
                              mi->adjective ? "demonym" : kind_names[m->kind], "code", m->code ? m->code : "");
        json_object_set_new(o, "export", m->export_code ? json_string(m->export_code) : json_null());
        json_object_set_new(o, "name", m->name ? json_string(m->name) : json_null());
        json_object_set_new(o, "role", m->role ? json_string(m->role) : json_null());
        json_object_set_new(o, "resolved", json_string(m->resolved ? m->resolved : "dictionary"));
        if (dump_line(o, out) < 0)
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
