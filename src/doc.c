/* A document through the pipeline: text -> segment -> time -> actors -> events. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static void publish_layers(vigie_doc *d)
{
    for (size_t i = 0; i < d->timexes.n; i++)
        VEC_PUSH(d->timex_pub, d->timexes.v[i].pub);
    for (size_t i = 0; i < d->mentions.n; i++)
        VEC_PUSH(d->mention_pub, d->mentions.v[i].pub);
    for (size_t i = 0; i < d->events.n; i++) {
        event_info *ev = &d->events.v[i];
        ev->pub.mention_count = ev->mentions.n;
        ev->pub.mention_spans = ev->mentions.v;
        VEC_PUSH(d->event_pub, ev->pub);
    }
}

vigie_doc *vigie_analyze(const vigie_engine *engine, const vigie_input *in, char *err, size_t errlen)
{
    return vigie_analyze_upto(engine, in, VIGIE_STAGE_EVENTS, err, errlen);
}

vigie_doc *vigie_analyze_upto(const vigie_engine *engine, const vigie_input *in, vigie_stage last, char *err,
                              size_t errlen)
{
    const char *origin = in->origin ? in->origin : "-";
    size_t bad;
    long bad_line;
    if (!text_validate(in->text, in->len, &bad, &bad_line)) {
        unsigned char byte = (unsigned char)in->text[bad];
        if (in->line > 0) /* a JSON Lines record: say the record's line and the offset in its text */
            snprintf(err, errlen, "%s:%ld: document '%s': %s 0x%02X at byte %zu of its text; document skipped",
                     origin, in->line, in->id ? in->id : "?", byte ? "invalid UTF-8 byte" : "NUL byte (binary data?)",
                     byte, bad);
        else
            snprintf(err, errlen, "%s:%ld: %s 0x%02X at byte offset %zu; document skipped", origin,
                     bad_line + (in->first_line > 1 ? in->first_line - 1 : 0),
                     byte ? "invalid UTF-8 byte" : "NUL byte (binary data?)", byte, in->base + bad);
        return NULL;
    }
    vigie_doc *d = xcalloc(1, sizeof *d);
    d->engine = engine;
    d->id = xstrndup(in->id ? in->id : "", in->id ? strlen(in->id) : 0);
    d->orig = xstrndup(in->text, in->len);
    d->orig_len = in->len;
    d->base = in->base;
    d->part = in->part;
    d->published = in->published;
    text_normalize(d);
    /* a prefix before the article (the seed form's "date 2021-12") is kept for the offsets
     * but blanked out of the analysis; it is ASCII, so working and original offsets agree */
    size_t skip = in->text_offset > 0 && (size_t)in->text_offset <= in->len ? (size_t)in->text_offset : 0;
    for (size_t k = 0; k < skip && k < d->work_len; k++)
        d->work[k] = ' ';
    if (in->lang && !strcmp(in->lang, "en"))
        d->lang = LANG_EN;
    else if (in->lang && !strcmp(in->lang, "fr"))
        d->lang = LANG_FR;
    else
        d->lang = detect_lang(engine, d->work, d->work_len);
    if (engine->dates_only && last > VIGIE_STAGE_TIME)
        last = VIGIE_STAGE_TIME;
    segment_doc(d);
    if (last > VIGIE_STAGE_TIME) /* the actor and event stages read every token's tags */
        lexicon_tag(d);
    if (last >= VIGIE_STAGE_TIME)
        time_doc(d);
    if (last >= VIGIE_STAGE_ACTORS)
        actors_doc(d);
    if (last >= VIGIE_STAGE_EVENTS)
        events_doc(d);
    publish_layers(d);
    return d;
}

void vigie_doc_free(vigie_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->events.n; i++)
        VEC_FREE(d->events.v[i].mentions);
    VEC_FREE(d->events);
    VEC_FREE(d->event_pub);
    VEC_FREE(d->mentions);
    VEC_FREE(d->mention_pub);
    VEC_FREE(d->timexes);
    VEC_FREE(d->timex_pub);
    VEC_FREE(d->sentences);
    VEC_FREE(d->tokens);
    VEC_FREE(d->tinfo);
    VEC_FREE(d->offmap);
    arena_free(&d->mem);
    free(d->work);
    free(d->orig);
    free(d->id);
    free(d);
}

const char *vigie_doc_id(const vigie_doc *d) { return d->id; }
const char *vigie_doc_lang(const vigie_doc *d) { return lang_codes[d->lang]; }
vigie_date vigie_doc_published(const vigie_doc *d) { return d->published; }

const char *vigie_doc_text(const vigie_doc *d, size_t *len)
{
    if (len)
        *len = d->orig_len;
    return d->orig;
}

size_t vigie_doc_base(const vigie_doc *d) { return d->base; }
int vigie_doc_part(const vigie_doc *d) { return d->part; }

size_t vigie_doc_sentences(const vigie_doc *d, const vigie_sentence **out)
{
    *out = d->sentences.v;
    return d->sentences.n;
}

size_t vigie_doc_tokens(const vigie_doc *d, const vigie_token **out)
{
    *out = d->tokens.v;
    return d->tokens.n;
}

size_t vigie_doc_timexes(const vigie_doc *d, const vigie_timex **out)
{
    *out = d->timex_pub.v;
    return d->timex_pub.n;
}

size_t vigie_doc_mentions(const vigie_doc *d, const vigie_mention **out)
{
    *out = d->mention_pub.v;
    return d->mention_pub.n;
}

size_t vigie_doc_events(const vigie_doc *d, const vigie_event **out)
{
    *out = d->event_pub.v;
    return d->event_pub.n;
}
