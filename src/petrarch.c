/* PETRARCH (and TABARI) actor and agent dictionaries, read into vigie's actors and English role
 * nouns so that PETRARCH users can bring their dictionaries as they are. The supported subset is
 * documented in docs/data-formats.md ("PETRARCH dictionaries"). Every malformed line is an error
 * naming its file and line. */
#include "internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A malformed line: fatal without a warnings stream, else reported there and skipped (the
 * dictionaries users bring are large and hand-edited: one typo should not refuse them all). */
bool petrarch_tolerate(FILE *warn, const char *err)
{
    if (!warn)
        return false;
    fprintf(warn, "vigie: warning: %s (skipped)\n", err);
    return true;
}

/* PETRARCH files also carry XML-like comment lines ("<!-- VERSION -->") and TABARI ';' comments. */
char *petrarch_line(datafile *f)
{
    char *line;
    while ((line = datafile_next(f))) {
        char *semi = strchr(line, ';');
        if (semi)
            *semi = 0;
        line = trim(line);
        if (*line && *line != '<')
            return line;
    }
    return NULL;
}

/* "ARNOR_", "PRESIDENT HOSNI MURBARAK", "MINAS_TIRITH": words joined by blanks or underscores. */
static void phrase_words(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    for (const char *p = in; *p && o + 1 < cap; p++) {
        char c = *p == '_' || *p == '\t' ? ' ' : *p;
        if (c == ' ' && (o == 0 || out[o - 1] == ' '))
            continue;
        out[o++] = c;
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = 0;
}

/* YYYYMMDD or YYMMDD (years 00-29 are 20YY, as in TABARI's two-digit dates). */
static bool petrarch_date(const char *s, vigie_date *d)
{
    size_t n = strspn(s, "0123456789");
    if (s[n] || (n != 6 && n != 8))
        return false;
    int year = n == 8 ? atoi((char[5]){s[0], s[1], s[2], s[3], 0}) : atoi((char[3]){s[0], s[1], 0});
    if (n == 6)
        year += year < 30 ? 2000 : 1900;
    const char *md = s + n - 4;
    int month = (md[0] - '0') * 10 + md[1] - '0', day = (md[2] - '0') * 10 + md[3] - '0';
    if (!date_valid(year, month, day))
        return false;
    *d = (vigie_date){year, month, day, VIGIE_GRAN_DAY};
    return true;
}

/* "[CODE]", "[CODE <date]", "[CODE >date]", "[CODE date-date]" (blanks allowed around the dates).
 * Codes are upper-cased; "ELR/GAL" is ELR with GAL in r->more (one event per code, as PETRARCH). */
static bool parse_restriction(vigie_engine *e, const char *in, actor_role *r)
{
    memset(r, 0, sizeof *r);
    char buf[256], dates[256];
    snprintf(buf, sizeof buf, "%s", in);
    char *code = trim(buf);
    size_t cl = strcspn(code, " \t");
    size_t o = 0;
    for (char *p = code + cl; *p && o + 1 < sizeof dates; p++)
        if (*p != ' ' && *p != '\t')
            dates[o++] = *p;
    dates[o] = 0;
    code[strcspn(code, " \t")] = 0;
    for (char *p = code; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    char *slash = strchr(code, '/');
    if (slash) { /* "ELR/GAL": one event per code in PETRARCH */
        *slash = 0;
        if (slash[1])
            r->more = arena_strdup(&e->mem, slash + 1);
    }
    if (!*code || (strspn(code, "0123456789<>-") == strlen(code) && strcmp(code, "---")))
        return false; /* a date where the code should be */
    r->code = arena_strdup(&e->mem, code);
    if (!*dates)
        return true;
    if (dates[0] == '<')
        return petrarch_date(dates + 1, &r->to);
    if (dates[0] == '>')
        return petrarch_date(dates + 1, &r->from);
    char *dash = strchr(dates, '-');
    if (!dash)
        return false;
    *dash = 0;
    return petrarch_date(dates, &r->from) && petrarch_date(dash + 1, &r->to);
}

enum { NO_RECORD = -1, SKIP_RECORD = -2 };
typedef struct {
    vigie_engine *e;
    int actor;            /* current record, NO_RECORD or SKIP_RECORD (a bad one) */
    VEC(actor_role) roles;
    const char *path;
    long line;
    FILE *warn;
} actor_reader;

static void add_actor_name(vigie_engine *e, int actor, const char *phrase)
{
    char words[512], key[512];
    phrase_words(phrase, words, sizeof words);
    lang_data *L = &e->lang[LANG_EN];
    uint32_t ntok = phrase_key(L, words, key, sizeof key);
    if (ntok) /* PETRARCH matches without regard to case */
        phrase_add(&L->names, key, ntok, (uint32_t)actor << 2);
}

/* Closes the current record: its default code, its dated codes as roles. */
static bool finish_record(actor_reader *ar, char *err, size_t errlen)
{
    if (ar->actor < 0)
        return true;
    actor_entry *a = &ar->e->actors.v[ar->actor];
    ar->actor = NO_RECORD;
    bool dated = false;
    for (size_t i = 0; i < ar->roles.n; i++) {
        const actor_role *r = &ar->roles.v[i];
        if (r->from.gran != VIGIE_GRAN_NONE || r->to.gran != VIGIE_GRAN_NONE)
            dated = true;
        else if (!a->code) {
            a->code = r->code; /* "\t[CODE]" is a default */
            a->more_codes = r->more;
        }
    }
    if (!a->code && !dated) {
        a->code = a->export_code = "---"; /* kept out of coding */
        ar->roles.n = 0;
        fail(err, errlen, "%s:%ld: actor '%s' has no [CODE]", ar->path, ar->line, a->name);
        return petrarch_tolerate(ar->warn, err);
    }
    if (!a->code)
        a->code = "---"; /* outside its dates the name is no actor */
    if (dated) { /* dated codes behave as a person's roles at the document's date */
        a->kind = VIGIE_ACTOR_PERSON;
        a->role_count = ar->roles.n;
        a->roles = arena_alloc(&ar->e->mem, ar->roles.n * sizeof *a->roles);
        memcpy(a->roles, ar->roles.v, ar->roles.n * sizeof *a->roles);
    }
    a->export_code = a->code;
    ar->roles.n = 0;
    return true;
}

/* A primary phrase: "NAME [CODE] ..." or "NAME" with its codes on the lines after. */
static bool start_record(actor_reader *ar, char *line, char *err, size_t errlen)
{
    vigie_engine *e = ar->e;
    if (!finish_record(ar, err, errlen))
        return false;
    char *open = strchr(line, '[');
    actor_role r;
    if (open) {
        char *close = strchr(open, ']');
        if (!close)
            return fail(err, errlen, "%s:%ld: '[' without ']'", ar->path, ar->line);
        *close = 0;
        if (!parse_restriction(e, open + 1, &r))
            return fail(err, errlen, "%s:%ld: expected [CODE] after the name", ar->path, ar->line);
        VEC_PUSH(ar->roles, r);
        *open = 0;
    }
    char words[512];
    phrase_words(line, words, sizeof words);
    if (!*words)
        return fail(err, errlen, "%s:%ld: a code without a name", ar->path, ar->line);
    actor_entry a;
    memset(&a, 0, sizeof a);
    a.name = arena_strdup(&e->mem, words);
    a.kind = VIGIE_ACTOR_COUNTRY;
    a.user = true;
    ar->actor = (int)e->actors.n;
    VEC_PUSH(e->actors, a);
    add_actor_name(e, ar->actor, words);
    return true;
}

bool petrarch_load_actors(vigie_engine *e, const char *path, FILE *warn, char *err, size_t errlen)
{
    datafile f;
    if (!datafile_open(&f, path))
        return fail(err, errlen, "%s: cannot read: %s", path, strerror(errno));
    actor_reader ar = {e, NO_RECORD, {0}, path, 0, warn};
    bool ok = true;
    char *line;
    while (ok && (line = petrarch_line(&f))) {
        ar.line = f.lineno;
        if (*line == '+' || *line == '[') {
            if (ar.actor == SKIP_RECORD) {
                continue;
            } else if (ar.actor < 0) {
                ok = fail(err, errlen, "%s:%ld: '%c' line before any actor", path, f.lineno, *line);
            } else if (*line == '+') {
                line[strcspn(line, "[")] = 0;
                add_actor_name(e, ar.actor, line + 1);
            } else {
                char *close = strchr(line, ']');
                actor_role r;
                if (close)
                    *close = 0;
                if (!close || !parse_restriction(e, line + 1, &r))
                    ok = fail(err, errlen, "%s:%ld: expected [CODE], [CODE <date], [CODE >date] or [CODE date-date]"
                              " (dates YYYYMMDD or YYMMDD)", path, f.lineno);
                else
                    VEC_PUSH(ar.roles, r);
            }
        } else {
            ok = start_record(&ar, line, err, errlen);
            if (!ok && petrarch_tolerate(warn, err)) {
                ok = true;
                ar.actor = SKIP_RECORD; /* its '+' and '[' lines go with it */
                ar.roles.n = 0;
            }
            continue;
        }
        ok = ok || petrarch_tolerate(warn, err);
    }
    ok = ok && finish_record(&ar, err, errlen);
    VEC_FREE(ar.roles);
    datafile_close(&f);
    return ok;
}

/* ---- agents ---- */

typedef struct {
    char name[64];
    char *items[32];
    int count;
} subst_set;

typedef VEC(subst_set) subst_sets;

/* "!PERSON! = MAN, MEN, WOMAN": a substitution set. */
static bool parse_subst(vigie_engine *e, char *line, subst_sets *sets)
{
    char *eq = strchr(line, '=');
    char *bang = strchr(line + 1, '!');
    if (!eq || !bang || bang > eq)
        return false;
    subst_set s;
    memset(&s, 0, sizeof s);
    snprintf(s.name, sizeof s.name, "%.*s", (int)(bang + 1 - line), line);
    for (char *it = strtok(eq + 1, ","); it && s.count < 32; it = strtok(NULL, ",")) {
        char *w = trim(it);
        if (*w)
            s.items[s.count++] = arena_strdup(&e->mem, w);
    }
    if (!s.count)
        return false;
    VEC_PUSH(*sets, s);
    return true;
}

/* Regular English plural of a phrase's last word: -s, -ies after a consonant + y, -es after s,
 * x, ch, sh. */
void petrarch_plural(const char *phrase, char *out, size_t cap)
{
    size_t n = strlen(phrase);
    char last = n ? (char)toupper((unsigned char)phrase[n - 1]) : 0;
    char prev = n > 1 ? (char)toupper((unsigned char)phrase[n - 2]) : 0;
    if (last == 'Y' && !strchr("AEIOU", prev))
        snprintf(out, cap, "%.*sIES", (int)(n - 1), phrase);
    else if (last == 'S' || last == 'X' || ((last == 'H') && (prev == 'C' || prev == 'S')))
        snprintf(out, cap, "%sES", phrase);
    else
        snprintf(out, cap, "%sS", phrase);
}

static void add_agent_phrase(vigie_engine *e, const char *phrase, uint32_t agent)
{
    char words[512], key[512];
    phrase_words(phrase, words, sizeof words);
    lang_data *L = &e->lang[LANG_EN];
    uint32_t ntok = phrase_key(L, words, key, sizeof key);
    if (ntok)
        phrase_add(&L->agents, key, ntok, agent);
}

/* The phrase with its plural, or every substitution of its !SET! marker (no plurals then). */
static bool add_agent_forms(vigie_engine *e, const subst_sets *sets, const char *phrase, const char *plural,
                            uint32_t agent)
{
    const char *mark = strchr(phrase, '!');
    if (mark) {
        const char *end = strchr(mark + 1, '!');
        if (!end)
            return false;
        size_t ml = (size_t)(end + 1 - mark);
        for (size_t s = 0; s < sets->n; s++) {
            if (strlen(sets->v[s].name) != ml || strncmp(sets->v[s].name, mark, ml))
                continue;
            for (int i = 0; i < sets->v[s].count; i++) {
                char buf[512];
                snprintf(buf, sizeof buf, "%.*s%s%s", (int)(mark - phrase), phrase, sets->v[s].items[i], end + 1);
                add_agent_phrase(e, buf, agent);
            }
            return true;
        }
        return false;
    }
    add_agent_phrase(e, phrase, agent);
    char buf[512];
    if (!plural)
        petrarch_plural(phrase, buf, sizeof buf);
    if (!plural || *plural)
        add_agent_phrase(e, plural ? plural : buf, agent);
    return true;
}

/* "PHRASE {PLURAL} [~CODE]" or "[CODE~]". */
static bool parse_agent(vigie_engine *e, char *line, const subst_sets *sets, const char *path, long lineno,
                        char *err, size_t errlen)
{
    char *open = strchr(line, '['), *close = open ? strchr(open, ']') : NULL;
    if (!close)
        return fail(err, errlen, "%s:%ld: expected PHRASE [{PLURAL}] [~CODE]", path, lineno);
    *close = 0;
    *open = 0;
    char code[64];
    size_t o = 0;
    for (char *p = open + 1; *p && o + 1 < sizeof code; p++)
        if (*p != ' ' && *p != '\t')
            code[o++] = (char)toupper((unsigned char)*p);
    code[o] = 0;
    bool before = o > 1 && code[o - 1] == '~';
    if (o < 2 || (code[0] != '~' && !before) || (before && code[0] == '~'))
        return fail(err, errlen, "%s:%ld: expected [~CODE] (after the actor's code) or [CODE~] (before it)", path,
                    lineno);
    if (before)
        code[o - 1] = 0;
    char *plural = NULL, *brace = strchr(line, '{');
    if (brace) {
        char *end = strchr(brace, '}');
        if (!end)
            return fail(err, errlen, "%s:%ld: '{' without '}'", path, lineno);
        *end = 0;
        *brace = 0;
        plural = trim(brace + 1);
    }
    lang_data *L = &e->lang[LANG_EN];
    agent_entry a = {arena_strdup(&e->mem, before ? code : code + 1), NULL, before, false};
    char *phrase = trim(line);
    if (!*phrase)
        return fail(err, errlen, "%s:%ld: a code without a phrase", path, lineno);
    if (!add_agent_forms(e, sets, phrase, plural, (uint32_t)L->agents_v.n))
        return fail(err, errlen, "%s:%ld: unknown substitution marker in '%s'", path, lineno, phrase);
    VEC_PUSH(L->agents_v, a);
    return true;
}

bool petrarch_load_agents(vigie_engine *e, const char *path, FILE *warn, char *err, size_t errlen)
{
    datafile f;
    if (!datafile_open(&f, path))
        return fail(err, errlen, "%s: cannot read: %s", path, strerror(errno));
    subst_sets sets = {0};
    bool ok = true;
    char *line;
    while (ok && (line = petrarch_line(&f))) {
        if (*line == '!' && strchr(line, '=') && !strchr(line, '['))
            ok = parse_subst(e, line, &sets) ||
                 fail(err, errlen, "%s:%ld: expected !NAME! = WORD, WORD...", path, f.lineno);
        else
            ok = parse_agent(e, line, &sets, path, f.lineno, err, errlen);
        ok = ok || petrarch_tolerate(warn, err);
    }
    VEC_FREE(sets);
    datafile_close(&f);
    return ok;
}
