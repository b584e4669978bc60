/* Store: analysed documents into SQLite — schema and its migrations, then ingest.
 * Cross-document grouping of events is kept by triggers, so that it stays right whatever
 * inserts or deletes rows (a replaced document, a rerun after a kill). */
#include "store.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Migrations: migrations[i] brings a store from user_version i to i + 1. Never edit a released
 * one; append. */
static const char *const migrations[] = {
    /* 1: documents, sentences (+ full text), mentions, temporal expressions, events and groups */
    "CREATE TABLE documents ("
    "  id INTEGER PRIMARY KEY, doc_key TEXT NOT NULL, part INTEGER NOT NULL DEFAULT 0,"
    "  hash TEXT NOT NULL, lang TEXT, published TEXT, title TEXT, url TEXT, source TEXT, origin TEXT,"
    "  base INTEGER NOT NULL DEFAULT 0, bytes INTEGER NOT NULL,"
    "  ingested TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  UNIQUE (doc_key, part));"
    "CREATE INDEX documents_hash ON documents (hash);"
    "CREATE TABLE sentences ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT, doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
    "  n INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL);"
    "CREATE INDEX sentences_doc ON sentences (doc);"
    /* the full-text index is fed once per batch (FTS5 is several times faster in bulk than row
     * by row); fts_state.indexed is the last sentence id it holds (ids only grow: AUTOINCREMENT) */
    "CREATE VIRTUAL TABLE sentences_fts USING fts5 (text, content = 'sentences', content_rowid = 'id',"
    "  tokenize = 'unicode61 remove_diacritics 2');"
    "CREATE TABLE fts_state (indexed INTEGER NOT NULL);"
    "INSERT INTO fts_state VALUES (0);"
    "CREATE TRIGGER sentences_ad AFTER DELETE ON sentences WHEN old.id <= (SELECT indexed FROM fts_state) BEGIN"
    "  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text); END;"
    "CREATE TABLE mentions ("
    "  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
    "  sentence INTEGER, start INTEGER, end INTEGER, surface TEXT, code TEXT, kind TEXT, name TEXT,"
    "  role TEXT, resolved TEXT);"
    "CREATE INDEX mentions_doc ON mentions (doc);"
    "CREATE INDEX mentions_code ON mentions (code);"
    "CREATE TABLE timexes ("
    "  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
    "  sentence INTEGER, start INTEGER, end INTEGER, surface TEXT, type TEXT, value TEXT, mod TEXT,"
    "  anchor TEXT);"
    "CREATE INDEX timexes_doc ON timexes (doc);"
    /* one row per event reported (any number of articles): GDELT's event */
    "CREATE TABLE event_groups ("
    "  id INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,"
    "  date TEXT NOT NULL, source_root TEXT, target_root TEXT, root TEXT, quad INTEGER, goldstein REAL,"
    "  day_lo TEXT, day_hi TEXT, num_mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL,"
    "  num_sources INTEGER NOT NULL DEFAULT 0, first_doc INTEGER,"
    "  UNIQUE (source, target, code, date));"
    "CREATE INDEX groups_source ON event_groups (source_root, target_root, day_lo);"
    "CREATE INDEX groups_target ON event_groups (target_root, day_lo);"
    "CREATE INDEX groups_day ON event_groups (day_lo);"
    "CREATE TABLE group_sources (grp INTEGER NOT NULL, source TEXT NOT NULL, n INTEGER NOT NULL,"
    "  PRIMARY KEY (grp, source)) WITHOUT ROWID;"
    /* one row per event per article, with its evidence */
    "CREATE TABLE events ("
    "  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
    "  sentence INTEGER, grp INTEGER, pub_source TEXT NOT NULL DEFAULT '',"
    "  source TEXT NOT NULL, source_root TEXT, source_text TEXT, source_start INTEGER, source_end INTEGER,"
    "  target TEXT NOT NULL DEFAULT '', target_root TEXT, target_text TEXT, target_start INTEGER,"
    "  target_end INTEGER, code TEXT NOT NULL, root TEXT, quad INTEGER, goldstein REAL,"
    "  date TEXT NOT NULL DEFAULT '', day_lo TEXT, day_hi TEXT, date_from TEXT, date_text TEXT,"
    "  date_start INTEGER, date_end INTEGER, verb TEXT, verb_start INTEGER, verb_end INTEGER,"
    "  flags TEXT, mentions INTEGER NOT NULL DEFAULT 1);"
    "CREATE INDEX events_doc ON events (doc);"
    "CREATE INDEX events_grp ON events (grp);"
    "CREATE INDEX events_sentence ON events (sentence);"
    "CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN"
    "  INSERT INTO event_groups (source, target, code, date, source_root, target_root, root, quad,"
    "    goldstein, day_lo, day_hi, num_mentions, num_articles, first_doc)"
    "  VALUES (new.source, new.target, new.code, new.date, new.source_root, new.target_root, new.root,"
    "    new.quad, new.goldstein, new.day_lo, new.day_hi, new.mentions, 1, new.doc)"
    "  ON CONFLICT (source, target, code, date) DO UPDATE SET"
    "    num_mentions = num_mentions + excluded.num_mentions, num_articles = num_articles + 1;"
    "  UPDATE events SET grp = (SELECT id FROM event_groups WHERE source = new.source"
    "    AND target = new.target AND code = new.code AND date = new.date) WHERE id = new.id;"
    "  INSERT INTO group_sources (grp, source, n)"
    "  VALUES ((SELECT grp FROM events WHERE id = new.id), new.pub_source, 1)"
    "  ON CONFLICT (grp, source) DO UPDATE SET n = n + 1;"
    "END;"
    "CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN"
    "  UPDATE group_sources SET n = n - 1 WHERE grp = old.grp AND source = old.pub_source;"
    "  DELETE FROM group_sources WHERE grp = old.grp AND source = old.pub_source AND n <= 0;"
    "  UPDATE event_groups SET num_mentions = num_mentions - old.mentions,"
    "    num_articles = num_articles - 1 WHERE id = old.grp;"
    "  DELETE FROM event_groups WHERE id = old.grp AND num_articles <= 0;"
    "END;"
    "CREATE TRIGGER group_sources_ai AFTER INSERT ON group_sources BEGIN"
    "  UPDATE event_groups SET num_sources = num_sources + 1 WHERE id = new.grp; END;"
    "CREATE TRIGGER group_sources_ad AFTER DELETE ON group_sources BEGIN"
    "  UPDATE event_groups SET num_sources = num_sources - 1 WHERE id = old.grp; END;",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof *migrations))

/* A batch is committed after this many documents or this many seconds, whichever first:
 * large enough for speed, small enough that a kill loses little. */
#define BATCH_DOCUMENTS 500
#define BATCH_SECONDS 2

enum stmt_id {
    ST_FIND_KEY, ST_FIND_HASH, ST_DELETE_DOC, ST_DELETE_TAIL, ST_INSERT_DOC, ST_INSERT_SENTENCE,
    ST_INSERT_MENTION, ST_INSERT_TIMEX, ST_INSERT_EVENT, ST_COUNT
};
static const char *const stmt_sql[ST_COUNT] = {
    [ST_FIND_KEY] = "SELECT hash FROM documents WHERE doc_key = ?1 AND part = ?2",
    [ST_FIND_HASH] = "SELECT doc_key FROM documents WHERE hash = ?1 AND part = ?2 LIMIT 1",
    [ST_DELETE_DOC] = "DELETE FROM documents WHERE doc_key = ?1 AND part = ?2",
    [ST_DELETE_TAIL] = "DELETE FROM documents WHERE doc_key = ?1 AND part > ?2",
    [ST_INSERT_DOC] = "INSERT INTO documents (doc_key, part, hash, lang, published, title, url, source, origin,"
                      " base, bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [ST_INSERT_SENTENCE] = "INSERT INTO sentences (doc, n, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    [ST_INSERT_MENTION] = "INSERT INTO mentions (doc, sentence, start, end, surface, code, kind, name, role,"
                          " resolved) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [ST_INSERT_TIMEX] = "INSERT INTO timexes (doc, sentence, start, end, surface, type, value, mod, anchor)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    [ST_INSERT_EVENT] =
        "INSERT INTO events (doc, sentence, pub_source, source, source_root, source_text, source_start,"
        " source_end, target, target_root, target_text, target_start, target_end, code, root, quad,"
        " goldstein, date, day_lo, day_hi, date_from, date_text, date_start, date_end, verb, verb_start,"
        " verb_end, flags, mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
        " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)",
};

struct vigie_store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *stmt[ST_COUNT];
    bool in_batch;
    int batch_docs;
    time_t batch_start;
    /* actor code -> its country or parent organisation, built from the first document's engine */
    const vigie_engine *roots_engine;
    strmap roots;
};

bool store_fail(vigie_store *s, char *err, size_t errlen, const char *what)
{
    snprintf(err, errlen, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
    return false;
}

sqlite3 *store_db(vigie_store *s) { return s->db; }

static bool exec(vigie_store *s, const char *sql, char *err, size_t errlen)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK)
        return true;
    snprintf(err, errlen, "%s: %s", s->path, msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    return false;
}

static int user_version(vigie_store *s)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Each migration runs in its own transaction with the version bump: all or nothing. */
static bool migrate(vigie_store *s, char *err, size_t errlen)
{
    int v = user_version(s);
    if (v < 0)
        return store_fail(s, err, errlen, "cannot read the schema version");
    if (v > SCHEMA_VERSION) {
        snprintf(err, errlen, "%s: schema version %d is newer than this vigie knows (%d)", s->path, v,
                 SCHEMA_VERSION);
        return false;
    }
    for (; v < SCHEMA_VERSION; v++) {
        char bump[64];
        snprintf(bump, sizeof bump, "PRAGMA user_version = %d;", v + 1);
        if (!exec(s, "BEGIN IMMEDIATE", err, errlen))
            return false;
        if (!exec(s, migrations[v], err, errlen) || !exec(s, bump, err, errlen)) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return false;
        }
        if (!exec(s, "COMMIT", err, errlen))
            return false;
    }
    return true;
}

vigie_store *vigie_store_open(const char *path, bool create, char *err, size_t errlen)
{
    vigie_store *s = xcalloc(1, sizeof *s);
    s->path = xstrndup(path, strlen(path));
    strmap_init(&s->roots);
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: cannot open the store: %s", path,
                 s->db ? sqlite3_errmsg(s->db) : "out of memory");
        vigie_store_close(s);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 10000);
    /* WAL: readers do not block the writer, and a killed writer leaves the last commit intact */
    /* a 64 MB page cache: index inserts into a store of millions of rows stay in memory */
    if (!exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                 "PRAGMA cache_size = -65536;", err, errlen) ||
        !migrate(s, err, errlen)) {
        vigie_store_close(s);
        return NULL;
    }
    for (int i = 0; i < ST_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[i], NULL) != SQLITE_OK) {
            store_fail(s, err, errlen, "cannot prepare a statement");
            vigie_store_close(s);
            return NULL;
        }
    return s;
}

void vigie_store_close(vigie_store *s)
{
    if (!s)
        return;
    char err[256];
    if (s->in_batch)
        vigie_store_commit(s, err, sizeof err);
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(s->stmt[i]);
    sqlite3_close(s->db);
    strmap_free(&s->roots);
    free(s->path);
    free(s);
}

/* ---- ingest ---------------------------------------------------------------------------- */

/* The content hash: what makes two records the same document for the store. */
static void content_hash(const vigie_input *in, char out[17])
{
    char date[16];
    vigie_date_format(in->published, date);
    uint64_t h = hash_bytes(in->text, in->len);
    h ^= hash_bytes(date, strlen(date)) * 31u;
    if (in->lang)
        h ^= hash_bytes(in->lang, strlen(in->lang)) * 131u;
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static sqlite3_stmt *stmt(vigie_store *s, enum stmt_id id)
{
    sqlite3_reset(s->stmt[id]);
    sqlite3_clear_bindings(s->stmt[id]);
    return s->stmt[id];
}

static void bind_text(sqlite3_stmt *st, int i, const char *s, size_t n)
{
    if (s)
        sqlite3_bind_text(st, i, s, (int)n, SQLITE_TRANSIENT);
}
static void bind_str(sqlite3_stmt *st, int i, const char *s) { bind_text(st, i, s, s ? strlen(s) : 0); }

vigie_store_status vigie_store_check(vigie_store *s, const vigie_input *in, char *err, size_t errlen)
{
    char hash[17];
    content_hash(in, hash);
    sqlite3_stmt *st = stmt(s, ST_FIND_KEY);
    bind_str(st, 1, in->id);
    sqlite3_bind_int(st, 2, in->part);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        return strcmp((const char *)sqlite3_column_text(st, 0), hash) ? VIGIE_STORE_CHANGED : VIGIE_STORE_UNCHANGED;
    if (rc != SQLITE_DONE)
        return store_fail(s, err, errlen, "cannot look a document up"), VIGIE_STORE_ERROR;
    st = stmt(s, ST_FIND_HASH);
    bind_str(st, 1, hash);
    sqlite3_bind_int(st, 2, in->part);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        return VIGIE_STORE_DUPLICATE;
    if (rc != SQLITE_DONE)
        return store_fail(s, err, errlen, "cannot look a document up"), VIGIE_STORE_ERROR;
    return VIGIE_STORE_NEW;
}

static bool step_done(vigie_store *s, sqlite3_stmt *st, char *err, size_t errlen, const char *what)
{
    return sqlite3_step(st) == SQLITE_DONE || store_fail(s, err, errlen, what);
}

static bool begin_batch(vigie_store *s, char *err, size_t errlen)
{
    if (s->in_batch)
        return true;
    if (!exec(s, "BEGIN IMMEDIATE", err, errlen))
        return false;
    s->in_batch = true;
    s->batch_docs = 0;
    s->batch_start = time(NULL);
    return true;
}

/* The batch's sentences go into the full-text index in the same transaction as they. */
static const char index_batch_sql[] =
    "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences"
    "  WHERE id > (SELECT indexed FROM fts_state) ORDER BY id;"
    "UPDATE fts_state SET indexed = coalesce((SELECT max(id) FROM sentences), indexed);";

bool vigie_store_commit(vigie_store *s, char *err, size_t errlen)
{
    if (!s->in_batch)
        return true;
    s->in_batch = false;
    if (exec(s, index_batch_sql, err, errlen) && exec(s, "COMMIT", err, errlen))
        return true;
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return false;
}

/* Every sector of a country has the country as root (RUSGOV -> RUS); an organisation's
 * sub-bodies have the parent (UNSC -> UN, EUCOM -> EU). */
static void load_roots(vigie_store *s, const vigie_engine *e)
{
    strmap_free(&s->roots);
    strmap_init(&s->roots);
    for (size_t i = 0; i < e->actors.n; i++) {
        const actor_entry *a = &e->actors.v[i];
        if (!a->code)
            continue;
        if (a->kind == VIGIE_ACTOR_COUNTRY && strlen(a->code) == 3)
            strmap_put(&s->roots, a->code, 3, 1, NULL);
        else if (a->kind == VIGIE_ACTOR_ORGANISATION || a->kind == VIGIE_ACTOR_GROUP)
            strmap_put(&s->roots, a->code, strlen(a->code), 2, NULL);
    }
    s->roots_engine = e;
}

static size_t root_length(const vigie_store *s, const char *code)
{
    size_t n = strlen(code);
    const uint32_t *v = n >= 3 ? strmap_get(&s->roots, code, 3) : NULL;
    if (v && *v == 1)
        return 3;
    for (size_t k = 2; k < n; k++) {
        v = strmap_get(&s->roots, code, k);
        if (v && *v == 2)
            return k;
    }
    return n;
}

static void bind_actor(vigie_store *s, sqlite3_stmt *st, int i, const vigie_event_actor *a, size_t base)
{
    const char *code = a->code ? a->code : "";
    sqlite3_bind_text(st, i, code, -1, SQLITE_TRANSIENT);
    if (!a->code)
        return;
    sqlite3_bind_text(st, i + 1, code, (int)root_length(s, code), SQLITE_TRANSIENT);
    bind_str(st, i + 2, a->text);
    sqlite3_bind_int64(st, i + 3, (sqlite3_int64)(base + a->span.start));
    sqlite3_bind_int64(st, i + 4, (sqlite3_int64)(base + a->span.end));
}

static bool put_document(vigie_store *s, const vigie_input *in, const vigie_doc *doc, char *err, size_t errlen,
                         sqlite3_int64 *row)
{
    char hash[17], date[16];
    content_hash(in, hash);
    sqlite3_stmt *st = stmt(s, ST_DELETE_DOC);
    bind_str(st, 1, in->id);
    sqlite3_bind_int(st, 2, in->part);
    if (!step_done(s, st, err, errlen, "cannot replace a document"))
        return false;
    st = stmt(s, ST_INSERT_DOC);
    bind_str(st, 1, in->id);
    sqlite3_bind_int(st, 2, in->part);
    bind_str(st, 3, hash);
    bind_str(st, 4, vigie_doc_lang(doc));
    if (in->published.gran != VIGIE_GRAN_NONE)
        bind_str(st, 5, vigie_date_format(in->published, date));
    bind_str(st, 6, in->title);
    bind_str(st, 7, in->url);
    bind_str(st, 8, in->source);
    bind_str(st, 9, in->origin);
    sqlite3_bind_int64(st, 10, (sqlite3_int64)in->base);
    sqlite3_bind_int64(st, 11, (sqlite3_int64)in->len);
    if (!step_done(s, st, err, errlen, "cannot insert a document"))
        return false;
    *row = sqlite3_last_insert_rowid(s->db);
    return true;
}

/* Sentence row ids, in document order: events and mentions refer to them. */
static bool put_sentences(vigie_store *s, const vigie_doc *doc, sqlite3_int64 row, sqlite3_int64 *first,
                          char *err, size_t errlen)
{
    const vigie_sentence *sents;
    size_t n = vigie_doc_sentences(doc, &sents), base = vigie_doc_base(doc);
    const char *text = vigie_doc_text(doc, NULL);
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = stmt(s, ST_INSERT_SENTENCE);
        sqlite3_bind_int64(st, 1, row);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)(base + sents[i].span.start));
        sqlite3_bind_int64(st, 4, (sqlite3_int64)(base + sents[i].span.end));
        bind_text(st, 5, text + sents[i].span.start, sents[i].span.end - sents[i].span.start);
        if (!step_done(s, st, err, errlen, "cannot insert a sentence"))
            return false;
        if (i == 0)
            *first = sqlite3_last_insert_rowid(s->db);
    }
    return true;
}

/* Parameters i..i+3: the sentence row, start and end in the whole document, and the words. */
static void bind_located(sqlite3_stmt *st, int i, sqlite3_int64 sentence, vigie_span span, const char *text,
                         size_t base)
{
    sqlite3_bind_int64(st, i, sentence);
    sqlite3_bind_int64(st, i + 1, (sqlite3_int64)(base + span.start));
    sqlite3_bind_int64(st, i + 2, (sqlite3_int64)(base + span.end));
    bind_text(st, i + 3, text + span.start, span.end - span.start);
}

static bool put_mentions(vigie_store *s, const vigie_doc *doc, sqlite3_int64 row, sqlite3_int64 sent0,
                         char *err, size_t errlen)
{
    const vigie_mention *m;
    size_t n = vigie_doc_mentions(doc, &m), base = vigie_doc_base(doc);
    const char *text = vigie_doc_text(doc, NULL);
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = stmt(s, ST_INSERT_MENTION);
        sqlite3_bind_int64(st, 1, row);
        bind_located(st, 2, sent0 + (sqlite3_int64)m[i].sentence, m[i].span, text, base);
        bind_str(st, 6, m[i].code);
        bind_str(st, 7, vigie_actor_kind_name(m[i].kind));
        bind_str(st, 8, m[i].name);
        bind_str(st, 9, m[i].role);
        bind_str(st, 10, m[i].resolved);
        if (!step_done(s, st, err, errlen, "cannot insert an actor mention"))
            return false;
    }
    return true;
}

static bool put_timexes(vigie_store *s, const vigie_doc *doc, sqlite3_int64 row, sqlite3_int64 sent0,
                        char *err, size_t errlen)
{
    const vigie_timex *t;
    size_t n = vigie_doc_timexes(doc, &t), base = vigie_doc_base(doc);
    const char *text = vigie_doc_text(doc, NULL);
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *st = stmt(s, ST_INSERT_TIMEX);
        sqlite3_bind_int64(st, 1, row);
        bind_located(st, 2, sent0 + (sqlite3_int64)t[i].sentence, t[i].span, text, base);
        bind_str(st, 6, vigie_timex_type_name(t[i].type));
        bind_str(st, 7, t[i].value);
        bind_str(st, 8, t[i].mod);
        bind_str(st, 9, t[i].anchor);
        if (!step_done(s, st, err, errlen, "cannot insert a temporal expression"))
            return false;
    }
    return true;
}

static bool put_event(vigie_store *s, const vigie_input *in, const vigie_doc *doc, const vigie_event *e,
                      sqlite3_int64 row, sqlite3_int64 sent0, char *err, size_t errlen)
{
    size_t base = vigie_doc_base(doc);
    const char *text = vigie_doc_text(doc, NULL);
    char lo[11], hi[11], flags[EVENT_FLAGS_TEXT];
    sqlite3_stmt *st = stmt(s, ST_INSERT_EVENT);
    sqlite3_bind_int64(st, 1, row);
    sqlite3_bind_int64(st, 2, sent0 + (sqlite3_int64)e->sentence);
    bind_str(st, 3, in->source ? in->source : "");
    bind_actor(s, st, 4, &e->source, base);
    bind_actor(s, st, 9, &e->target, base);
    bind_str(st, 14, e->code);
    bind_str(st, 15, e->root);
    sqlite3_bind_int(st, 16, e->quad_class);
    sqlite3_bind_double(st, 17, e->goldstein);
    bind_str(st, 18, e->date_value ? e->date_value : "");
    if (e->date_value && store_date_range(e->date_value, lo, hi)) {
        bind_str(st, 19, lo);
        bind_str(st, 20, hi);
    }
    bind_str(st, 21, e->date_from == VIGIE_DATE_TEXT ? "text" : e->date_from == VIGIE_DATE_PUBLISHED ? "published" : NULL);
    if (e->date_from == VIGIE_DATE_TEXT) {
        bind_text(st, 22, text + e->date_span.start, e->date_span.end - e->date_span.start);
        sqlite3_bind_int64(st, 23, (sqlite3_int64)(base + e->date_span.start));
        sqlite3_bind_int64(st, 24, (sqlite3_int64)(base + e->date_span.end));
    }
    bind_str(st, 25, e->verb_text);
    sqlite3_bind_int64(st, 26, (sqlite3_int64)(base + e->verb_span.start));
    sqlite3_bind_int64(st, 27, (sqlite3_int64)(base + e->verb_span.end));
    event_flags_text(e->flags, flags);
    bind_str(st, 28, flags);
    sqlite3_bind_int64(st, 29, (sqlite3_int64)(e->mention_count ? e->mention_count : 1));
    return step_done(s, st, err, errlen, "cannot insert an event");
}

bool vigie_store_put(vigie_store *s, const vigie_input *in, const vigie_doc *doc, char *err, size_t errlen)
{
    if (!doc->engine || doc->engine != s->roots_engine)
        load_roots(s, doc->engine);
    if (!begin_batch(s, err, errlen))
        return false;
    /* a savepoint per document: a failure undoes this document only, not the batch */
    if (!exec(s, "SAVEPOINT doc", err, errlen))
        return false;
    sqlite3_int64 row = 0, sent0 = 0;
    bool ok = put_document(s, in, doc, err, errlen, &row) && put_sentences(s, doc, row, &sent0, err, errlen) &&
              put_mentions(s, doc, row, sent0, err, errlen) && put_timexes(s, doc, row, sent0, err, errlen);
    const vigie_event *ev;
    size_t n = vigie_doc_events(doc, &ev);
    for (size_t i = 0; ok && i < n; i++)
        ok = put_event(s, in, doc, &ev[i], row, sent0, err, errlen);
    if (!ok) {
        char ignored[64];
        exec(s, "ROLLBACK TO doc; RELEASE doc", ignored, sizeof ignored);
        return false;
    }
    if (!exec(s, "RELEASE doc", err, errlen))
        return false;
    if (++s->batch_docs >= BATCH_DOCUMENTS || time(NULL) - s->batch_start >= BATCH_SECONDS)
        return vigie_store_commit(s, err, errlen);
    return true;
}

bool vigie_store_end_document(vigie_store *s, const char *id, int last_part, char *err, size_t errlen)
{
    if (!begin_batch(s, err, errlen))
        return false;
    sqlite3_stmt *st = stmt(s, ST_DELETE_TAIL);
    bind_str(st, 1, id);
    sqlite3_bind_int(st, 2, last_part);
    return step_done(s, st, err, errlen, "cannot remove the old parts of a document");
}
