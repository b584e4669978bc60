/* Store internals shared by ingest (store.c) and the queries (query.c). */
#ifndef VIGIE_STORE_INTERNAL_H
#define VIGIE_STORE_INTERNAL_H

#include "internal.h"
#include "vigie_store.h"

#include <sqlite3.h>

sqlite3 *store_db(vigie_store *s);
/* Writes "path: what: SQLite's message" into err; returns false. */
bool store_fail(vigie_store *s, char *err, size_t errlen, const char *what);
/* The days a TIMEX3 date value covers ("2021-12" -> 2021-12-01..2021-12-31, "2021-W52" -> its
 * Monday..Sunday, "199" -> the 1990s); false for values without a calendar range (PAST_REF). */
bool store_date_range(const char *value, char lo[11], char hi[11]);

#endif
