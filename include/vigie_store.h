/* vigie event store: analysed documents kept in SQLite, and the questions analysts ask of them
 * (timelines, dyads, most active actors, escalation), answered as rows.
 *
 * The schema is documented in docs/store.md. A store is one SQLite file in WAL mode; one
 * vigie_store handle belongs to one thread (open one per thread: SQLite serialises writers).
 */
#ifndef VIGIE_STORE_H
#define VIGIE_STORE_H

#include "vigie.h"

typedef struct vigie_store vigie_store;

/* Opens (create: creating when absent) and migrates the store at path.
 * NULL on failure, with the reason in err. */
vigie_store *vigie_store_open(const char *path, bool create, char *err, size_t errlen);
/* Commits what is pending and closes. */
void vigie_store_close(vigie_store *store);

/* ---- ingest ------------------------------------------------------------------------------ */

/* Documents are identified by the hash of their content (publication date, language, text):
 * one already stored is not analysed again. A document whose id is stored with another hash
 * has changed: its old rows are replaced in the same transaction as the new ones. */
typedef enum {
    VIGIE_STORE_NEW,       /* not there: analyse and put it */
    VIGIE_STORE_CHANGED,   /* its id is there with other content: analyse and put it */
    VIGIE_STORE_UNCHANGED, /* already there: nothing to do */
    VIGIE_STORE_DUPLICATE, /* the same content is there under another id: nothing to do */
    VIGIE_STORE_ERROR
} vigie_store_status;
vigie_store_status vigie_store_check(vigie_store *store, const vigie_input *in, char *err, size_t errlen);

/* Stores the document with its sentences, mentions, temporal expressions and events (input
 * gives the metadata, doc the analysis of it). Writes are batched: a transaction is committed
 * every few hundred documents and by vigie_store_commit, so a killed ingest loses at most the
 * open batch and never leaves half a document. Returns false with err on failure. */
bool vigie_store_put(vigie_store *store, const vigie_input *in, const vigie_doc *doc, char *err, size_t errlen);
/* After the last part of a long document: parts beyond it, from an older longer version, go. */
bool vigie_store_end_document(vigie_store *store, const char *id, int last_part, char *err, size_t errlen);
bool vigie_store_commit(vigie_store *store, char *err, size_t errlen);

/* ---- queries ----------------------------------------------------------------------------- */

/* Filters; NULL or 0 = no filter. Actor codes are a country or organisation ("RUS", "NATO",
 * matching every sector of it: RUSGOV, RUSMIL...) or a full code ("RUSGOV"). Dates are
 * YYYY, YYYY-MM or YYYY-MM-DD; an event matches when its date lies within [from, to]. */
typedef struct {
    const char *actor;
    const char *dyad[2];
    bool directed;    /* dyad: dyad[0] as source only */
    const char *code; /* a CAMEO code or its prefix: "13" = every threat */
    const char *from, *to;
    const char *text; /* words that the evidence sentence must contain (full-text search) */
    long limit;
} vigie_query;

/* Checks a query against the store: malformed or inverted dates, codes that the store has
 * never seen. False with a message in err. The query functions call it first. */
bool vigie_query_check(vigie_store *store, const vigie_query *q, char *err, size_t errlen);

typedef enum { VIGIE_VALUE_NULL, VIGIE_VALUE_INT, VIGIE_VALUE_REAL, VIGIE_VALUE_TEXT } vigie_value_kind;
/* One result row: n columns with their names, values (NULL for SQL NULL) and kinds. Return
 * non-zero to stop. */
typedef int (*vigie_row_fn)(void *ctx, int n, const char *const *names, const char *const *values,
                            const vigie_value_kind *kinds);

/* Events grouped across documents (same source, target, code and date): one row per event with
 * how many articles, sources and mentions report it, like GDELT's NumArticles... With raw, one
 * row per article's event instead, with its sentence. */
bool vigie_store_events(vigie_store *store, const vigie_query *q, bool raw, vigie_row_fn fn, void *ctx,
                        char *err, size_t errlen);
/* The same events as GDELT 2.0 event-table columns (docs/store.md lists them side by side). */
bool vigie_store_export(vigie_store *store, const vigie_query *q, vigie_row_fn fn, void *ctx, char *err,
                        size_t errlen);
/* Activity of a dyad (q->dyad) per period ("day", "week", "month", "year"): events per quad
 * class, mean and sum of Goldstein. Events dated more coarsely than the period are counted in
 * a row of their own (period "2021-12" among days). */
bool vigie_store_dyad(vigie_store *store, const vigie_query *q, const char *by, vigie_row_fn fn, void *ctx,
                      char *err, size_t errlen);
/* Most active actors: events as source and as target. */
bool vigie_store_actors(vigie_store *store, const vigie_query *q, vigie_row_fn fn, void *ctx, char *err,
                        size_t errlen);
/* The sentences that report an event group (a row's "event" column), at most max. */
bool vigie_store_evidence(vigie_store *store, long long event, int max, vigie_row_fn fn, void *ctx, char *err,
                          size_t errlen);

/* Escalation watch on a dyad: each day's conflict score (minus the sum of Goldstein of its
 * events, grouped across articles) against the mean and spread of the `window` days before it;
 * a day whose z-score reaches `threshold` (and that has at least `min_events` events) is an
 * alert. One row per alert, with the baseline; its driving events are the day's events. */
typedef struct {
    int window;       /* days of baseline (28) */
    double threshold; /* z-score (3.0) */
    int min_events;   /* (2) */
} vigie_watch_options;
bool vigie_store_watch(vigie_store *store, const vigie_query *q, const vigie_watch_options *opt,
                       vigie_row_fn fn, void *ctx, char *err, size_t errlen);

#endif
