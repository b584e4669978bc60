/* Internal structures shared by the pipeline stages. Data flows one way:
 * read -> text -> segment -> time / actors -> events -> output. Each stage reads what earlier
 * stages attached to the document and adds its own layer. */
#ifndef VIGIE_INTERNAL_H
#define VIGIE_INTERNAL_H

#include "vigie.h"
#include "util.h"

#include <string.h>

enum { LANG_FR, LANG_EN, LANG_COUNT };
extern const char *const lang_codes[LANG_COUNT];

typedef struct { uint32_t payload, next; } phrase_link;

/* ---- phrase tables: multi-token dictionary entries matched longest first ---- */
#define PHRASE_PAIR_LOG 12
typedef struct {
    strmap first;  /* key of the first token -> longest phrase length (tokens) starting with it */
    strmap full;   /* space-joined keys -> head of payload chain + 1 */
    VEC(phrase_link) links;
    uint8_t vocab_slot; /* its column in the language's vocabulary + 1; 0: not indexed there */
    uint64_t pairs[(1u << PHRASE_PAIR_LOG) / 64]; /* indexed in the vocabulary: the phrase_pair_bit of each
                                                   * phrase's first two words (a bit set: maybe) */
} phrase_table;

/* A bit for two words (vocabulary indices) opening a phrase. */
static inline uint32_t phrase_pair_bit(uint32_t first, uint32_t second)
{
    return (first * 0x9E3779B1u ^ second * 0x85EBCA77u) >> (32 - PHRASE_PAIR_LOG);
}

/* The phrase tables of a language indexed in its vocabulary (vocab_entry.first). */
enum { PT_GRAMMAR, PT_TIME, PT_NAMES, PT_DEMONYMS, PT_AGENTS, PT_COREF, PT_COUNT };

/* What the dictionaries say of one word, gathered at load time: a token looks its word up
 * once instead of once per table, and most words are in no table at all. */
typedef struct {
    uint16_t first[PT_COUNT]; /* longest phrase starting with the word, per table (0: none) */
    uint32_t lone[PT_COUNT];  /* per table: the word's own entries, as phrase_table.full's head (0: none) */
    uint8_t inner;            /* bit per table: the word is a later word of one of its phrases */
    uint32_t verb;            /* as verbforms: first analysis + 1 (0: not a verb form) */
    uint32_t noun;            /* index into noun_pattern_lists + 1 (0: no noun trigger) */
} vocab_entry;

/* ---- tokens ---- */
enum {
    TF_CAP = 1 << 0,        /* starts with an upper-case letter */
    TF_ALLCAPS = 1 << 1,
    TF_ELIDED = 1 << 2,     /* elided prefix ending in an apostrophe: l' d' qu' */
    TF_SPACE_BEFORE = 1 << 3,
    TF_NEWLINE_BEFORE = 1 << 4,
    TF_PARA_BEFORE = 1 << 5, /* a blank line precedes */
    TF_TAGGED = 1 << 6,      /* lexicon_tag_token has filled gram_len, gram_mask and verb */
    TF_HYPHEN = 1 << 7,      /* the key holds a '-' ("mi-janvier", "2021-12-30", "-"): noted while keying */
    TF_SPACED = 1 << 8,      /* the key or the lower-case form holds a space (a folded sign: "¨" keys as " ") */
};

typedef struct verb_analysis verb_analysis;

typedef struct {
    uint32_t start, end; /* in the working (normalised) text */
    uint16_t flags;
    uint8_t gram_len;    /* tokens of the longest grammar phrase starting here */
    uint16_t key_len;    /* strlen of the token's key */
    uint16_t lower_len;
    uint32_t key_hash, lower_hash; /* strmap hashes of key and lower, computed once per token */
    uint32_t vocab_key, vocab_lower; /* vocabulary entries of key and lower + 1 (0: none) */
    const char *lower;   /* lower-cased with its accents: function words need them ("à" is not "a") */
    uint32_t sentence;
    uint64_t gram_mask;  /* classes (1 << enum gram_class) of grammar phrases starting here */
    const verb_analysis *verb; /* analyses of the verb form, or NULL */
} token_info;

/* ---- engine knowledge ---- */
/* Name payloads in phrase tables: actor index << 2 | the case the text must have. */
enum { CASE_INITIAL = 1, CASE_ALL = 2 };
typedef VEC(uint32_t) u32vec;

typedef struct {
    const char *code, *title;
    vigie_date from, to; /* gran NONE = open end */
    const char *more;    /* PETRARCH "[FRO/BIL/SAM]": the codes after the first ("BIL/SAM"), or NULL */
} actor_role;

typedef struct {
    const char *name;   /* canonical name */
    vigie_actor_kind kind;
    bool capital;       /* a capital: the government when it acts, a place after "à", "in" */
    const char *code, *export_code, *country;
    actor_role *roles;
    size_t role_count;
    bool user;          /* from a dictionary the user brought (PETRARCH): wins over data/ */
    const char *more_codes; /* PETRARCH: further codes of the same name ("BIL/SAM"), one event each */
    char gender;        /* persons: 'm', 'f' or 0 (unknown): for pronoun coreference */
    const char *scene;  /* a group of no country of its own (gilets jaunes): its sector, the country is
                         * the scene's (scene_country); code is kept when the text names no place */
} actor_entry;

typedef struct {
    const char *sector; /* "GOV", "MIL", "" (country only), "COUNTERPART" */
    const char *title;  /* NULL or "head_of_state"... */
    bool before;        /* the sector comes before the actor's code (PETRARCH "NGO~") */
    bool scene;         /* bound to where the story happens (police, protesters): scene_country */
} agent_entry;

/* data/LANG/coreference.txt: words that refer back to an actor named before. */
enum coref_class { CR_PRONOUN, CR_ANAPHOR, CR_IMPERSONAL, CR_INANIMATE };
enum coref_target { CT_PERSON, CT_HUMAN, CT_ACTOR, CT_TITLE, CT_ORGANISATION };
typedef struct {
    enum coref_class cls;
    enum coref_target target;
    char gender;        /* 'm', 'f' or 0 (either) */
    bool person_only;   /* CT_PERSON that never stands for a country or an organisation ("he") */
    const char *titles; /* CT_TITLE: "head_of_state|*_minister"; CT_ORGANISATION: codes ("*REB|IMG*") or NULL */
} coref_entry;

enum time_class {
    TC_MONTH, TC_WEEKDAY, TC_RELDAY, TC_PART, TC_DAYPART, TC_UNIT, TC_NUMBER, TC_ORDINAL,
    TC_DIRECTION, TC_AGO, TC_OFFSET, TC_VAGUE, TC_APPROX, TC_YEARWORD, TC_SEASON, TC_EVERY, TC_DET,
    TC_LINK, TC_CLOCK, TC_HOUR, TC_AT, TC_YEARPART, TC_ANAPHOR, TC_DECADE, TC_HOLIDAY, TC_LABEL, TC_NAME, TC_COUNT
};
/* What a time expression may start on (time.c): a token with an entry of a class, a number, a
 * hyphenated word, a Roman ordinal. */
#define TIME_STARTS (TC_COUNT + 3)
typedef struct {
    enum time_class cls;
    int num;           /* month, weekday, offset, number, direction... */
    const char *text;  /* mod, unit, vague value, daypart; or a tag after the number ("-1 NI") */
} time_entry;

/* A sentence's word signature: one bit per key hash, so that a pattern needing a word the
 * sentence lacks is skipped without matching (a cheap, exact "no": bits only say "maybe"). */
#define SIG_WORDS 4
typedef struct {
    uint64_t bits[SIG_WORDS];
} word_sig;
static inline void sig_add(word_sig *s, uint32_t hash) { s->bits[(hash >> 6) % SIG_WORDS] |= 1ull << (hash & 63); }
static inline bool sig_covers(const word_sig *s, const word_sig *need)
{
    uint64_t miss = 0;
    for (int w = 0; w < SIG_WORDS; w++)
        miss |= need->bits[w] & ~s->bits[w];
    return !miss;
}

/* Verb-pattern items. */
enum pat_item_kind { PI_WORD, PI_TARGET, PI_SOURCE };
typedef struct {
    enum pat_item_kind kind;
    const char **alts; /* keys; a trailing '*' is a prefix match */
    int alt_count;
    bool adjacent;     /* right next to the previous item (or the trigger), no gap */
    bool optional;     /* "+T?": without an actor here, the target comes from the document */
    uint64_t firsts;   /* bit (byte & 63) of each alternative's first byte: most keys are ruled out at once */
} pat_item;
typedef VEC(pat_item) pat_items;
typedef struct {
    char code[5];     /* "---": the pattern codes no event (PETRARCH's null code) */
    char code2[5];    /* PETRARCH "[A:B]": B is coded from the target back to the source; or "" */
    bool noun, pronominal, reciprocal;
    bool petrarch;    /* from a PETRARCH verb dictionary: TABARI's actor rules (events.c) */
    bool control;     /* code ">": codes nothing; the infinitive after it is coded with its subject */
    bool control_planned; /* code ">?": the same, and the infinitive has not happened (yet): planned */
    bool joins;       /* code "^": the subject joins the earlier deed its object names ("took part in the strikes") */
    pat_item *items;  /* after the trigger */
    int item_count;
    pat_item *pre;    /* before the trigger, in text order (PETRARCH patterns) */
    int pre_count;
    int weight;       /* specificity: longer patterns win */
    long line;
    word_sig needs;   /* the words its one-word items require, as sentence-signature bits */
} event_pattern;

struct verb_analysis {
    uint32_t lemma;   /* index into lang_data.lemmas */
    char tags[12];
    uint32_t tag_bits; /* verb_tag_bit of each capital letter in tags (verbform_add) */
};
/* A tag's bit in verb_analysis.tag_bits: the tags tested are capital letters. */
static inline uint32_t verb_tag_bit(char tag) { return tag >= 'A' && tag <= 'Z' ? 1u << (tag - 'A') : 0; }

/* Grammatical classes of function words (data/LANG/grammar.txt). */
enum gram_class {
    G_NEG_PRE, G_NEG_POST, G_RELATIVE, G_COORD, G_CLAUSE, G_REFLEXIVE, G_LOCATIVE, G_ACCORDING,
    G_POSSESSIVE, G_PAIR, G_AGENT, G_PRONOUN, G_FUTURE, G_CONDITIONAL, G_PLANNED,
    G_PLANNED_MODAL, G_FUTURE_AUX, G_PREP, G_ADVERB, G_DETERMINER, G_HYPOTHETICAL, G_INDEFINITE,
    G_AUXILIARY, G_LOCATIVE_AFTER, G_PASSIVE, G_SUBJECT_RELATIVE, G_OBJECT_RELATIVE, G_CLITIC, G_CONTROL, G_PURPOSE, G_TARGET_STOP,
    G_ADJECTIVE_PRE, G_REPORTING, G_PLACE_HEAD, G_IRREALIS, G_CONDITION, G_REALIS, G_SEQUEL,
    G_ANTERIOR, G_POSTERIOR, G_SPEAKER, G_COPULA, G_GENITIVE, G_HONORIFIC, G_PAIR_PEOPLE, G_VEHICLE, G_VEHICLE_BODY,
    G_GERUND, G_OBJECT_END, G_SUPERLATIVE, G_INFINITIVE, G_SETTING, G_OBJECT_CLITIC, G_OBJECT_PRONOUN,
    G_PLURAL_POSSESSIVE, G_DET_PLURAL,
    G_COUNT
};
_Static_assert(G_COUNT <= 64, "gram_mask has a bit per class");
extern const char *const gram_class_names[G_COUNT];

/* The grammar classes of a chain of grammar entries: those that count when written with a capital
 * initial only (GRAM_INITIAL), and the others. */
typedef struct {
    uint64_t any, initial;
} gram_masks;

typedef struct {
    phrase_table grammar; /* payload: enum gram_class */
    VEC(gram_masks) gram_chain_masks; /* per link of grammar: the chain's classes from there (lexicon_index) */
    strmap abbrev;       /* key (without final '.') -> 1 | 2 (may end a sentence) */
    strmap elision;      /* "l'" -> 1 ; "aujourd'hui" -> 2 (keep) ; "'s" -> 3 (suffix) */
    bool elision_bare;   /* some elision has no apostrophe: every word must be looked up */
    strmap elided_as;    /* "d'" -> index into elided_forms: the word it stands for ("de") */
    VEC(const char *) elided_forms;
    strmap stopwords;
    strmap clause_forms; /* past forms of every verb, loaded or not: a clause is there (clauseforms.txt) */
    strmap participles;  /* past participles of every verb, loaded or not: a compound past (participles.txt) */
    strmap etre_verbs;   /* lemmas whose compound tenses take être: "est arrivé" is no passive (etreverbs.txt) */
    phrase_table time;   /* payload: index into time_entries */
    VEC(time_entry) time_entries;
    VEC(uint32_t) time_chain_classes; /* per link of time: 1 << class of the chain's entries from there (time_index) */
    uint32_t time_starters[TIME_STARTS]; /* per kind of start: bit r for each time recogniser r that starts there */
    phrase_table names;  /* payload: index into engine actors */
    phrase_table demonyms; /* payload: index into engine actors (countries) */
    phrase_table agents; /* payload: index into agents */
    VEC(agent_entry) agents_v;
    phrase_table coref;  /* payload: index into coref_v */
    VEC(coref_entry) coref_v;
    strmap verbforms;    /* form key -> first analysis + 1 (analyses of a form are contiguous) */
    VEC(verb_analysis) analyses;
    strmap lemmas;       /* lemma key -> lemma id */
    VEC(const char *) lemma_names;
    VEC(u32vec) lemma_patterns; /* lemma id -> pattern indices */
    strmap noun_triggers; /* noun key (or prefix*) -> index into noun_pattern_lists */
    VEC(u32vec) noun_pattern_lists;
    VEC(const char *) noun_prefixes; /* trigger keys ending in '*' */
    VEC(uint32_t) noun_prefix_lists;
    strmap noun_prefix_stems;  /* first 3 bytes of a prefix -> index into noun_stem_lists */
    uint8_t noun_stem_pairs[256][32]; /* bit set of the first two bytes of stems (any second
                                       * byte for a one-byte stem): most words have no stem */
    uint8_t noun_stem_lens; /* 1 << the stem lengths (1..3) prefixes have: no lookup for the others */
    uint64_t noun_stem3[64];  /* bit per hashed three-byte stem: most words that pass the pairs fail here */
    VEC(u32vec) noun_stem_lists; /* indices into noun_prefixes */
    VEC(event_pattern) patterns;
    strmap vocab;        /* word (key or lower-case form) -> index into vocab_v */
    VEC(vocab_entry) vocab_v;
    bool loaded;
} lang_data;

typedef struct {
    char code[5];
    double goldstein;
    int quad_class;
    const char *name;
} cameo_code;

typedef struct { int32_t cp; const char *with; } fold_rule;

struct vigie_engine {
    char *data_dir;
    bool dates_only;         /* no actor knowledge loaded: documents stop at the time stage */
    arena mem;
    lang_data lang[LANG_COUNT];
    VEC(actor_entry) actors;
    strmap actor_ids;        /* "[id]" -> actor index, for merging blocks */
    VEC(cameo_code) cameo;
    strmap cameo_index;      /* code -> index */
    /* text folding: code point -> replacement */
    fold_rule *folds;
    size_t fold_count;
    uint64_t folded_2byte[0x800 / 64]; /* bit per code point below U+0800 (two UTF-8 bytes) with a fold rule */
    uint8_t ascii_kind[0x80]; /* vigie_token_kind of a token starting with each ASCII byte (segment_index) */
};

/* ---- document layers ---- */
typedef struct { uint32_t work; int64_t delta; } offset_point;
typedef struct {
    vigie_timex pub;
    uint32_t t0, t1;     /* token range [t0, t1) */
    vigie_date date;     /* resolved calendar value when it is a date */
    bool future_hint;
    uint8_t piece;       /* of one token holding a range of years ("2009-2013"): 1 before its dash, 2 after */
    bool modifier;       /* a year qualifying a noun ("l'édition 2022", "the 1979 revolution"): no event's date */
} timex_info;

typedef struct {
    vigie_mention pub;
    uint32_t t0, t1;
    int actor;           /* engine actor index or -1 */
    const char *person;  /* for roles/coreference: the person's canonical name */
    const char *country; /* ISO-3 of the actor */
    const char *title;
    bool place_only;     /* a location, not an actor */
    bool adjective;      /* a demonym adjective ("territoire ukrainien"): a country, no subject */
    bool counterpart;    /* "son homologue": resolved against the possessor */
    char gender;         /* of the person: 'm', 'f' or 0 */
    uint32_t nested;     /* token of a named complement inside this mention, or 0 */
} mention_info;

typedef struct {
    vigie_event pub;
    VEC(vigie_span) mentions;
} event_info;

/* Coreference looks back this many mentions at most: news names its actors again well before
 * that, and the bound keeps long documents linear. */
#define RECENT_MENTIONS 200

/* Bytes readable after the working text's end, its NUL among them, all zero: a token's first
 * eight bytes are read as one word (segment.c). */
#define WORK_TAIL 8

struct vigie_doc {
    const vigie_engine *engine;
    arena mem;
    char *id;
    char *orig; size_t orig_len;   /* original text (copy) */
    size_t base; int part;         /* a part of a long document: offset of orig in it */
    char *work; size_t work_len;   /* NFC + folded working text, WORK_TAIL zero bytes after it */
    /* work -> orig offset map as change points: from work offset w_i on, orig = w + delta_i */
    VEC(offset_point) offmap;
    int lang;
    vigie_date published;
    VEC(vigie_token) tokens;
    VEC(token_info) tinfo;
    VEC(vigie_sentence) sentences;
    VEC(timex_info) timexes;
    VEC(vigie_timex) timex_pub;
    VEC(mention_info) mentions;
    VEC(vigie_mention) mention_pub;
    VEC(event_info) events;
    VEC(vigie_event) event_pub;
    const char *main_scene; /* actors.c: the country the document's places name most, or NULL */
    void *stage_scratch; /* a stage's private per-document working memory, while it runs */
};

/* The vocabulary entry of token i's key (exact: its lower-case form), or NULL. */
static inline const vocab_entry *phrase_word(const vigie_doc *d, size_t i, bool exact)
{
    const lang_data *L = &d->engine->lang[d->lang];
    uint32_t v = exact ? d->tinfo.v[i].vocab_lower : d->tinfo.v[i].vocab_key;
    return v ? &L->vocab_v.v[v - 1] : NULL;
}

/* Can a phrase of t start at token i? The vocabulary answers no for most tokens without a call
 * to phrase_match (a table outside the vocabulary: maybe). */
static inline bool phrase_may_start(const phrase_table *t, const vigie_doc *d, size_t i, bool exact)
{
    if (!t->vocab_slot)
        return true;
    const vocab_entry *w = phrase_word(d, i, exact);
    return w && w->first[t->vocab_slot - 1];
}

/* ---- stages ---- */
/* A grammar entry that only counts when written with a capital initial ("A Paris," for "À Paris"). */
#define GRAM_INITIAL 0x100u

/* load.c */
/* Writes a message into err and returns false, for loaders' error paths. */
bool fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
bool engine_load_lang(vigie_engine *e, int lang, char *err, size_t errlen);
bool engine_load_actors(vigie_engine *e, char *err, size_t errlen);
bool engine_load_cameo(vigie_engine *e, char *err, size_t errlen);
bool engine_load_folds(vigie_engine *e, char *err, size_t errlen);
const cameo_code *cameo_lookup(const vigie_engine *e, const char *code);
/* The id of a verb lemma (created when new). */
uint32_t lemma_id(lang_data *L, arena *mem, const char *lemma);
/* Adds an analysis of a verb form (key: make_lower of the form) to the lexicon. */
void verbform_add(lang_data *L, const char *form_lower, size_t len, verb_analysis va);
/* Drops a language's verb and noun patterns (a user's verb dictionary replaces them). */
void patterns_clear(lang_data *L);

/* petrarch.c: PETRARCH actor and agent dictionaries (English), added after data/. With a
 * warnings stream, malformed lines are reported there and skipped; without, they are errors. */
bool petrarch_load_actors(vigie_engine *e, const char *path, FILE *warn, char *err, size_t errlen);
bool petrarch_load_agents(vigie_engine *e, const char *path, FILE *warn, char *err, size_t errlen);
/* Shared by the PETRARCH readers: the next line without comments; a malformed line reported
 * on warn (true: skip it) or not (false: an error); the regular plural of a phrase's last word. */
char *petrarch_line(datafile *f);
bool petrarch_tolerate(FILE *warn, const char *err);
void petrarch_plural(const char *phrase, char *out, size_t cap);
/* A PETRARCH verb dictionary. The first one replaces vigie's own English verb and noun patterns. */
bool petrarch_load_verbs(vigie_engine *e, const char *path, FILE *warn, char *err, size_t errlen);

/* phrase.c */
/* Indexes the language's phrase tables in its vocabulary (once, after every table is loaded). */
void vocab_build(lang_data *L);
void patterns_sign(lang_data *L); /* events.c: each pattern's needed words */
/* Vocabulary entry of a word + 1, or 0: for token_info.vocab_key / vocab_lower. The word is a
 * token's key or lower-case form: NUL-terminated, eight bytes readable (strmap_get_padded). */
uint32_t vocab_find(const lang_data *L, const char *word, size_t len, uint32_t hash);
void phrase_init(phrase_table *t);
void phrase_free(phrase_table *t);
void phrase_add(phrase_table *t, const char *joined_key, uint32_t ntok, uint32_t payload);
/* Bytes of a phrase's joined key, its NUL and one more: a longer key matches nothing. */
enum { PHRASE_KEY_CAP = 512 };
/* Can token i be a later word of a phrase of t? Not if the vocabulary says it is none (a key
 * holding a space is split differently in the table: it may be). */
static inline bool phrase_may_follow(const phrase_table *t, const vigie_doc *d, size_t i, bool exact)
{
    if (!t->vocab_slot)
        return true;
    const vocab_entry *w = phrase_word(d, i, exact);
    return (w && (w->inner & (1u << (t->vocab_slot - 1)))) || (d->tinfo.v[i].flags & TF_SPACED);
}
/* Can a phrase of t (in the vocabulary) go on past token i? Its next token may follow, and the
 * two words open a phrase (the table's pairs: most phrase starts that may go on do not). */
static inline bool phrase_may_go_on(const phrase_table *t, const vigie_doc *d, size_t i, bool exact)
{
    const token_info *ti = &d->tinfo.v[i], *next = ti + 1;
    if (next->flags & TF_SPACED)
        return true;
    if (!phrase_may_follow(t, d, i + 1, exact))
        return false;
    uint32_t bit = phrase_pair_bit((exact ? ti->vocab_lower : ti->vocab_key) - 1,
                                   (exact ? next->vocab_lower : next->vocab_key) - 1);
    return t->pairs[bit / 64] >> (bit % 64) & 1;
}
/* phrase_match_head's work with joined keys, for a phrase that may go on past token i. */
uint32_t phrase_match_joined(const phrase_table *t, const vigie_doc *d, size_t i, size_t end, bool exact,
                             uint32_t *head);
/* The longest phrase of t starting at token i (not beyond `end`): its token count (0: none) and
 * *head, the chain of its entries in t->links (payload, next; 0 ends it), read without a copy.
 * Inline for a table of the vocabulary: most tokens start no phrase, and most that do start only
 * their own word's (the next token goes on none), which the vocabulary entry gives. Always
 * inline, its table and `exact` constants there (GCC kept a shared copy: no faster than a call). */
__attribute__((always_inline)) static inline uint32_t phrase_match_head(const phrase_table *t, const vigie_doc *d,
                                                                        size_t i, size_t end, bool exact, uint32_t *head)
{
    if (!t->vocab_slot)
        return phrase_match_joined(t, d, i, end, exact, head);
    const token_info *ti = &d->tinfo.v[i];
    const vocab_entry *w = phrase_word(d, i, exact);
    size_t slot = t->vocab_slot - 1u;
    *head = 0;
    if (!w || !w->first[slot])
        return 0;
    if (w->first[slot] > 1 && i + 1 < end && phrase_may_go_on(t, d, i, exact))
        return phrase_match_joined(t, d, i, end, exact, head);
    if ((size_t)(exact ? ti->lower_len : ti->key_len) + 2 < PHRASE_KEY_CAP)
        *head = w->lone[slot];
    return *head != 0;
}
/* phrase_match's work once the vocabulary has not ruled token i out. */
uint32_t phrase_match_from(const phrase_table *t, const vigie_doc *d, size_t i, size_t end, bool exact,
                           uint32_t *payloads, size_t max, size_t *npayloads);
/* Longest phrase starting at token i (not beyond `end`); returns its token count (0: none)
 * and fills up to max payloads. t is a table of the document's language. Inline: most tokens
 * start no phrase, and the vocabulary says so without a call. */
static inline uint32_t phrase_match(const phrase_table *t, const vigie_doc *d, size_t i, size_t end,
                                    uint32_t *payloads, size_t max, size_t *npayloads)
{
    *npayloads = 0;
    return phrase_may_start(t, d, i, false) ? phrase_match_from(t, d, i, end, false, payloads, max, npayloads) : 0;
}

/* The same on the tokens' accented lower-case forms (tables keyed with phrase_key_exact). */
static inline uint32_t phrase_match_exact(const phrase_table *t, const vigie_doc *d, size_t i, size_t end,
                                          uint32_t *payloads, size_t max, size_t *npayloads)
{
    *npayloads = 0;
    return phrase_may_start(t, d, i, true) ? phrase_match_from(t, d, i, end, true, payloads, max, npayloads) : 0;
}

/* jsonrec.c: a JSON Lines record of string (null, true, false) fields, parsed in place of
 * jansson when it is that simple; strings are decoded into dec, NUL-terminated. */
enum jsonrec_type { JV_STRING, JV_NULL, JV_TRUE, JV_FALSE };
#define JSONREC_MAX 32
typedef struct {
    const char *key, *str;
    size_t key_len, len;
    enum jsonrec_type type;
} jsonrec_field;
typedef struct {
    jsonrec_field f[JSONREC_MAX];
    int n;
    char *dec;
    size_t dec_cap;
} jsonrec;
/* false: not such a record (invalid JSON or just not flat): ask a full parser. */
bool jsonrec_parse(jsonrec *r, const char *s, size_t n);
const jsonrec_field *jsonrec_get(const jsonrec *r, const char *key);
void jsonrec_free(jsonrec *r);

/* text.c */
bool text_validate(const char *s, size_t n, size_t *bad_offset, long *bad_line);
void text_normalize(vigie_doc *d);
uint32_t text_orig_offset(const vigie_doc *d, uint32_t work);

/* segment.c */
typedef struct { uint32_t start, end; uint16_t flags; } raw_token;
typedef VEC(raw_token) raw_tokens;
void tokenize_range(const lang_data *L, const char *s, size_t start, size_t end, raw_tokens *out);
/* Lookup key of a token: its key, or the full word an elided form stands for ("d'" -> "de"). */
size_t token_key(const lang_data *L, const char *s, size_t n, uint16_t flags, char *out, size_t cap);
/* Key of a dictionary phrase as the tokenizer would split it; returns token count (0: empty). */
uint32_t phrase_key(const lang_data *L, const char *phrase, char *out, size_t cap);
uint32_t phrase_key_exact(const lang_data *L, const char *phrase, char *out, size_t cap);
int detect_lang(const vigie_engine *e, const char *s, size_t n);
void segment_doc(vigie_doc *d);
/* Fills e->ascii_kind (once, at load). */
void segment_index(vigie_engine *e);

/* lexicon.c: lookups shared by the stages */
/* Notes the classes of each chain of the grammar table (once, after the table is loaded). */
void lexicon_index(lang_data *L);
/* Attaches grammar classes and verb analyses to every token (once per document). */
void lexicon_tag(vigie_doc *d);
/* The same for token i. */
void lexicon_tag_token(vigie_doc *d, size_t i);
/* Token i's info, its tags (gram_len, gram_mask, verb) filled if no one asked before: dating alone
 * tags only the tokens its tense questions read. The tags are a cache of what the lexicon says of
 * the token and those after it: whenever they are filled, they read the same. */
static inline const token_info *token_tags(const vigie_doc *d, size_t i)
{
    const token_info *t = &d->tinfo.v[i];
    if (!(t->flags & TF_TAGGED))
        lexicon_tag_token((vigie_doc *)d, i);
    return t;
}
/* A past form of a verb the lexicon did not load ("cited", "fought", "left"): clauseforms.txt
 * lists them (English). */
bool simple_past(const vigie_doc *d, size_t k);
/* Is one of the analyses a finite form (present, imperfect, simple past, future, conditional,
 * subjunctive)? */
bool finite_form(const verb_analysis *va);
bool past_participle(const vigie_doc *d, size_t k);
bool is_function_word(const vigie_doc *d, size_t i);
/* Does a clause open at token i: a `clause` word, but a `sequel` one only before a verb of its
 * own ("after protesters clashed", not "backed down before Kestran")? */
bool opens_clause(const vigie_doc *d, size_t i, size_t hi);
/* Analyses of the verb form at token i (a run ended by lemma == UINT32_MAX) or NULL, once
 * lexicon_tag has tagged the document (the actor and event stages). */
const verb_analysis *verb_lookup(const vigie_doc *d, size_t i);
/* Has one of the analyses that tag (a capital letter)? */
bool analysis_has_tag(const verb_analysis *va, char tag);
/* Does a grammar phrase of class cls start at token i? Once lexicon_tag has tagged the document. */
bool gram_is(const vigie_doc *d, size_t i, size_t end, enum gram_class cls);
/* verb_lookup and gram_is for the code that dating alone runs (time.c, tense.c, lexicon.c): token i
 * is tagged first if no one asked before. Not the event stage's: it asks everywhere, of tokens
 * tagged already. */
static inline const verb_analysis *lazy_verb_lookup(const vigie_doc *d, size_t i)
{
    return i < d->tinfo.n ? token_tags(d, i)->verb : NULL;
}
static inline bool lazy_gram_is(const vigie_doc *d, size_t i, size_t end, enum gram_class cls)
{
    return i < end && (token_tags(d, i)->gram_mask & ((uint64_t)1 << cls));
}
/* Is one of the analyses of a verb form that lemma? Lemma names are stored folded, without
 * accents ("etre"). */
bool has_lemma(const vigie_doc *d, const verb_analysis *va, const char *lemma);
/* Does one of the analyses take être in its compound tenses ("est arrivé": no passive)? */
bool takes_etre(const vigie_doc *d, const verb_analysis *va);
size_t sentence_end(const vigie_doc *d, size_t sentence);

/* tense.c: which way a verb group points around a temporal expression */
/* Tense around token i within [lo, hi): 'F' future, 'C' conditional, 'P' past, 'N' present, 0. */
char tense_near(const vigie_doc *d, size_t i, size_t lo, size_t hi);
/* avoir, être, have, be: their present says nothing of the time ("a débuté"). */
bool is_auxiliary(const vigie_doc *d, const verb_analysis *va);
/* A future, conditional or planned marker up to three words before token k ("will be held",
 * "a visit planned for Friday", "doit prendre"). */
bool future_marker_before(const vigie_doc *d, size_t k, size_t lo, size_t hi);
#define TENSE_PRESENT 2 /* clause_tense: a present, future for a weekday ("takes office on Sunday") */
/* Past (-1), future (+1), TENSE_PRESENT or unknown (0) from the verb group nearest before token
 * at in its clause; *found: whether the clause has a verb there. */
int clause_tense(const vigie_doc *d, size_t at, size_t lo, size_t hi, bool *found);
/* Does the expression at token at open its sentence, no verb before it? */
bool fronted(const vigie_doc *d, size_t at, size_t lo, size_t hi);
/* The tense of the first finite verb after a fronted expression at token at, as tense_near. */
char tense_after(vigie_doc *d, size_t at, size_t hi);
/* A form of avoir up to three words before token i, no determiner between: i is a participle. */
bool after_avoir(vigie_doc *d, size_t i, size_t lo);

/* time.c */
/* A time phrase's entries the recognisers read: the first ones of its chain. */
#define TIME_HIT_ENTRIES 8
/* Notes the classes of each chain of the time table, and the recognisers of each kind of start
 * (once, after the table is loaded). */
void time_index(lang_data *L);
void time_doc(vigie_doc *d);
/* Days in the calendar unit the time lexicon reads at token i ("day" 1, "weeks" 7), or 0. */
int time_unit_days(const vigie_doc *d, size_t i, size_t end);
/* actors.c */
/* How often each country is named, in order of first naming: the most named, the first of equals. */
typedef struct {
    VEC(struct country_count { const char *code; uint32_t n; }) v;
    int best; /* index in v, or -1 */
} country_tally;
void tally_country(country_tally *t, const char *code);
void actors_doc(vigie_doc *d);
const char *scene_country(const vigie_doc *d, size_t m0, size_t m1);
/* Is token i a pronoun that only a person can be ("he", "she"), whatever the actor stage found? */
bool person_only_pronoun(const vigie_doc *d, size_t i);
/* Is token i a pronoun of coreference.txt, one that may stand for a person ("il", "she"; not
 * "ils", "they")? */
bool person_pronoun(const vigie_doc *d, size_t i);
/* The gender coreference.txt gives the pronoun or anaphor at i: 'm', 'f', or 0. */
char pronoun_gender(const vigie_doc *d, size_t i);
/* An actor code made of two pieces ("FRA" + "COP"), kept in the document's memory. */
const char *joined_code(vigie_doc *d, const char *first, const char *second);
const char *actor_role_code(const actor_entry *a, vigie_date at, const char **title);
/* events.c */
void events_doc(vigie_doc *d);

/* output.c: an event's flags as the TSV output and the store write them ("planned,negated"), in a
 * buffer long enough for all of them */
enum { EVENT_FLAGS_TEXT = 64 };
_Static_assert(EVENT_FLAGS_TEXT > sizeof "planned,negated,reported,symmetric,implied", "room for every flag");
void event_flags_text(unsigned flags, char out[EVENT_FLAGS_TEXT]);

/* helpers on documents */
static inline const char *tok_key(const vigie_doc *d, size_t i) { return d->tokens.v[i].key; }
static inline size_t tok_key_len(const vigie_doc *d, size_t i) { return d->tinfo.v[i].key_len; }
static inline bool tok_is(const vigie_doc *d, size_t i, const char *key)
{
    return i < d->tokens.n && !strcmp(d->tokens.v[i].key, key);
}
vigie_span work_span_to_orig(const vigie_doc *d, uint32_t ws, uint32_t we);
/* text_orig_offset for offsets asked in increasing order (the tokens'): *cursor (0 at first)
 * walks the change points once instead of a search for each. Inline: twice per token, and an
 * ASCII text has no change point at all. */
static inline uint32_t text_orig_offset_next(const vigie_doc *d, size_t *cursor, uint32_t work)
{
    size_t c = *cursor;
    if (c > 0 && d->offmap.v[c - 1].work > work)
        return text_orig_offset(d, work); /* not in order after all */
    while (c < d->offmap.n && d->offmap.v[c].work <= work)
        c++;
    *cursor = c;
    int64_t o = (int64_t)work + (c ? d->offmap.v[c - 1].delta : 0);
    return (uint32_t)(o < 0 ? 0 : (uint64_t)o > d->orig_len ? (int64_t)d->orig_len : o);
}
int date_compare(vigie_date a, vigie_date b);
bool date_valid(int y, int m, int day);
int days_in_month(int y, int m);
long days_from_civil(int y, int m, int d);
void civil_from_days(long z, int *y, int *m, int *d);
int weekday_of(int y, int m, int d); /* Monday = 1 */

#endif
