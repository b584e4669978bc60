/* vigie — event data from news text.
 *
 * An engine holds the dictionaries (loaded once, read-only afterwards, shareable between threads).
 * A document is analysed by the engine into sentences, temporal expressions, actor mentions and
 * CAMEO-coded events. Every span is a byte range [start, end) into the document's original text.
 */
#ifndef VIGIE_H
#define VIGIE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define VIGIE_VERSION "0.1.0"

typedef struct vigie_engine vigie_engine;
typedef struct vigie_doc vigie_doc;
typedef struct vigie_reader vigie_reader;

typedef struct {
    uint32_t start, end;
} vigie_span;

/* A calendar date of known granularity: a month stays a month, it is not the 1st of it. */
typedef enum { VIGIE_GRAN_NONE, VIGIE_GRAN_YEAR, VIGIE_GRAN_MONTH, VIGIE_GRAN_DAY } vigie_granularity;
typedef struct {
    int year, month, day;
    vigie_granularity gran;
} vigie_date;

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (optionally followed by a time, ignored).
 * Returns false for anything else or an impossible date. */
bool vigie_date_parse(const char *s, size_t len, vigie_date *out);
/* Writes the TIMEX3 form of d ("2021-12", "2021-12-30"; "" when undated); returns out. */
char *vigie_date_format(vigie_date d, char out[16]);

/* ---- engine ---------------------------------------------------------------------------- */

/* Loads every dictionary under data_dir (NULL: $VIGIE_DATA, else the built-in path).
 * On failure returns NULL and writes a message to err. */
vigie_engine *vigie_engine_open(const char *data_dir, char *err, size_t errlen);

/* The same with dictionaries brought by the user: PETRARCH actor, agent and verb dictionaries
 * (docs/data-formats.md, "PETRARCH dictionaries"), read after data/ and applied to English text;
 * their names win over vigie's own. A malformed line is reported as "FILE:LINE: what": with
 * `warnings` set, written there and skipped (large hand-edited dictionaries have typos); without,
 * an error and the engine does not open. */
typedef struct {
    const char *data_dir;                     /* NULL: as vigie_engine_open */
    const char *const *petrarch_actors;       /* paths, or NULL */
    size_t petrarch_actor_count;
    const char *const *petrarch_agents;
    size_t petrarch_agent_count;
    FILE *warnings;                           /* or NULL: malformed lines are errors */
    /* PETRARCH verb dictionaries: given, they replace vigie's English event patterns (the
     * user's dictionary defines the coding, its codes kept even outside CAMEO) */
    const char *const *petrarch_verbs;
    size_t petrarch_verb_count;
    /* Documents go no further than the time stage (segmenting, dating): the actor, agent and
     * coreference dictionaries are not loaded, which halves the start-up; vigie_analyze_upto
     * then stops at VIGIE_STAGE_TIME whatever it is asked. */
    bool dates_only;
} vigie_engine_options;
vigie_engine *vigie_engine_open_with(const vigie_engine_options *opt, char *err, size_t errlen);
void vigie_engine_close(vigie_engine *engine);

/* ---- documents in ------------------------------------------------------------------------ */

typedef struct {
    const char *id;      /* document id (file name without extension, or the JSON "id") */
    const char *text;    /* the article, UTF-8 expected (validated by vigie_analyze) */
    size_t len;
    vigie_date published;
    const char *lang;    /* "fr", "en" or NULL to detect */
    const char *title, *url, *source; /* optional metadata, may be NULL */
    const char *origin;  /* file name for messages */
    long line;           /* line of the record in origin (JSON Lines), 0 otherwise */
    long text_offset;    /* where the article starts in text (after the seed form's date) */
    /* A very long document is read in parts cut at paragraph or line ends, so that memory does
     * not grow with its size: part counts from 0, base is the byte offset of text in the
     * document and first_line the line it starts on. */
    int part;
    size_t base;
    long first_line;
} vigie_input;

typedef enum { VIGIE_FORM_AUTO, VIGIE_FORM_SEED, VIGIE_FORM_TEXT, VIGIE_FORM_JSONL } vigie_form;

/* Streams documents from one file ("-" for standard input). Memory is bounded by the largest
 * document, not by the file. default_date applies to plain text (the --date option). */
vigie_reader *vigie_reader_open(const char *path, vigie_form form, vigie_date default_date,
                                char *err, size_t errlen);
/* 1: a document in *out (valid until the next call); 0: end; -1: a bad record was skipped and
 * err says which and why (call again to go on). */
int vigie_reader_next(vigie_reader *r, vigie_input *out, char *err, size_t errlen);
/* A warning about the document last returned (e.g. "no publication date"), or NULL. */
const char *vigie_reader_warning(const vigie_reader *r);
void vigie_reader_close(vigie_reader *r);

/* ---- analysis ----------------------------------------------------------------------------- */

/* Analyses one document. Returns NULL when the document is rejected (invalid UTF-8...),
 * with the reason in err (naming the origin, line and byte offset). */
vigie_doc *vigie_analyze(const vigie_engine *engine, const vigie_input *in, char *err, size_t errlen);
/* The same, running the pipeline only up to `last` (the later layers stay empty): what the
 * time or actors commands need, faster. */
typedef enum { VIGIE_STAGE_SEGMENT, VIGIE_STAGE_TIME, VIGIE_STAGE_ACTORS, VIGIE_STAGE_EVENTS } vigie_stage;
vigie_doc *vigie_analyze_upto(const vigie_engine *engine, const vigie_input *in, vigie_stage last, char *err,
                              size_t errlen);
void vigie_doc_free(vigie_doc *doc);

const char *vigie_doc_id(const vigie_doc *doc);
const char *vigie_doc_lang(const vigie_doc *doc);
vigie_date vigie_doc_published(const vigie_doc *doc);
/* The original text; every span indexes it. */
const char *vigie_doc_text(const vigie_doc *doc, size_t *len);
/* For a part of a long document (vigie_input.part > 0): where its text starts in the document.
 * The writers below add it, so that what they print are offsets into the whole document. */
size_t vigie_doc_base(const vigie_doc *doc);
int vigie_doc_part(const vigie_doc *doc);

typedef struct {
    vigie_span span;
    size_t first_token, token_count;
} vigie_sentence;

typedef enum {
    VIGIE_TOK_WORD, VIGIE_TOK_NUMBER, VIGIE_TOK_PUNCT, VIGIE_TOK_QUOTE, VIGIE_TOK_SYMBOL
} vigie_token_kind;

typedef struct {
    vigie_span span;
    vigie_token_kind kind;
    const char *key; /* lower-cased, accent-free form used for lookups */
} vigie_token;

typedef enum { VIGIE_TIMEX_DATE, VIGIE_TIMEX_TIME, VIGIE_TIMEX_DURATION, VIGIE_TIMEX_SET } vigie_timex_type;

typedef struct {
    vigie_span span;
    size_t sentence;
    vigie_timex_type type;
    const char *value;  /* TIMEX3 value: "2022-01-10", "2021-12", "P2W", "PAST_REF" */
    const char *mod;    /* "START", "END", "MID", "APPROX", "LESS_THAN"... or NULL */
    const char *anchor; /* how the value was obtained: "absolute", "published", "weekday"... */
    int weekday;        /* 1..7 when the expression names a weekday, else 0 */
} vigie_timex;

typedef enum {
    VIGIE_ACTOR_PERSON, VIGIE_ACTOR_COUNTRY, VIGIE_ACTOR_ORGANISATION, VIGIE_ACTOR_GROUP,
    VIGIE_ACTOR_METONYM, VIGIE_ACTOR_ROLE, VIGIE_ACTOR_COREFERENCE, VIGIE_ACTOR_PLACE
} vigie_actor_kind;

/* The names written in outputs and the store: "DATE"... and "person", "country"... */
const char *vigie_timex_type_name(vigie_timex_type type);
const char *vigie_actor_kind_name(vigie_actor_kind kind);

typedef struct {
    vigie_span span;
    size_t sentence;
    vigie_actor_kind kind;
    const char *code;     /* "USAGOV", "NATO"; for places, the country */
    const char *export_code;
    const char *name;     /* canonical name of the entry (person, organisation...) or NULL */
    const char *role;     /* title held at the date ("head_of_state") or NULL */
    const char *resolved; /* "dictionary", "role at date", "agent", "coreference", "place" */
} vigie_mention;

enum {
    VIGIE_FLAG_PLANNED = 1u << 0,
    VIGIE_FLAG_NEGATED = 1u << 1,
    VIGIE_FLAG_REPORTED = 1u << 2,
    VIGIE_FLAG_SYMMETRIC = 1u << 3,
    VIGIE_FLAG_IMPLIED = 1u << 4, /* the target is the text's unsaid one: a protest naming none is aimed at
                                   * the government of the country where it takes place */
};
enum { VIGIE_FLAG_BITS = 5 };
/* The name of flag bit b ("planned" for 0, as 1u << b), or NULL from VIGIE_FLAG_BITS on. */
const char *vigie_flag_name(unsigned b);

typedef enum { VIGIE_DATE_NONE, VIGIE_DATE_TEXT, VIGIE_DATE_PUBLISHED } vigie_date_from;

typedef struct {
    const char *code, *text; /* text: as written in the original */
    vigie_span span;
} vigie_event_actor;

typedef struct {
    size_t sentence;
    vigie_span sentence_span;
    vigie_event_actor source, target; /* target.code is NULL when there is none */
    char code[5], root[3];
    int quad_class;
    double goldstein;
    const char *date_value; /* NULL when undated */
    vigie_date_from date_from;
    vigie_span date_span;   /* the temporal expression when date_from is TEXT */
    vigie_span verb_span;
    const char *verb_text;
    unsigned flags;
    size_t mention_count;   /* >1 when the same event is said again in the document */
    const vigie_span *mention_spans; /* sentence spans of every mention */
} vigie_event;

size_t vigie_doc_sentences(const vigie_doc *doc, const vigie_sentence **out);
size_t vigie_doc_tokens(const vigie_doc *doc, const vigie_token **out);
size_t vigie_doc_timexes(const vigie_doc *doc, const vigie_timex **out);
size_t vigie_doc_mentions(const vigie_doc *doc, const vigie_mention **out);
size_t vigie_doc_events(const vigie_doc *doc, const vigie_event **out);

/* ---- output ------------------------------------------------------------------------------- */

typedef enum { VIGIE_OUT_JSONL, VIGIE_OUT_TSV } vigie_out_format;

/* Writes the document's events; returns the number written, -1 on a write error. */
long vigie_write_events(const vigie_doc *doc, FILE *out, vigie_out_format format);
void vigie_write_events_header(FILE *out, vigie_out_format format);
long vigie_write_timexes(const vigie_doc *doc, FILE *out);
long vigie_write_timeml(const vigie_doc *doc, FILE *out);
long vigie_write_mentions(const vigie_doc *doc, FILE *out);
long vigie_write_sentences(const vigie_doc *doc, FILE *out);

#endif
