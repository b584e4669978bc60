/* The engine: every dictionary, loaded once from the data directory and read-only after. */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef VIGIE_DATA_DIR
#define VIGIE_DATA_DIR "data"
#endif

/* ---- actor blocks ---- */

static const struct {
    const char *name;
    vigie_actor_kind kind;
    bool capital;
} actor_kinds[] = {
    {"person", VIGIE_ACTOR_PERSON, false},         {"country", VIGIE_ACTOR_COUNTRY, false},
    {"organisation", VIGIE_ACTOR_ORGANISATION, false}, {"organization", VIGIE_ACTOR_ORGANISATION, false},
    {"group", VIGIE_ACTOR_GROUP, false},           {"metonym", VIGIE_ACTOR_METONYM, false},
    {"capital", VIGIE_ACTOR_METONYM, true},        {"place", VIGIE_ACTOR_PLACE, false},
};

static bool parse_role_dates(const char *s, actor_role *r)
{
    const char *dots = strstr(s, "..");
    if (!dots)
        return false;
    r->from.gran = r->to.gran = VIGIE_GRAN_NONE;
    if (dots > s && !vigie_date_parse(s, (size_t)(dots - s), &r->from))
        return false;
    if (dots[2] && !vigie_date_parse(dots + 2, strlen(dots + 2), &r->to))
        return false;
    return true;
}

/* "role = CODE [FROM..TO] [title]" */
static bool parse_role(vigie_engine *e, char *value, actor_role *r)
{
    memset(r, 0, sizeof *r);
    char *tok[3];
    int n = 0;
    for (char *t = strtok(value, " \t"); t && n < 3; t = strtok(NULL, " \t"))
        tok[n++] = t;
    if (n == 0)
        return false;
    r->code = arena_strdup(&e->mem, tok[0]);
    int i = 1;
    if (i < n && strstr(tok[i], "..")) {
        if (!parse_role_dates(tok[i], r))
            return false;
        i++;
    }
    if (i < n)
        r->title = arena_strdup(&e->mem, tok[i]);
    return true;
}

typedef struct {
    VEC(actor_role) roles;
} role_buf;

static void add_names(vigie_engine *e, int actor, const char *langs, char *value, bool adjective)
{
    char *vars[128];
    int nv = split_variants(value, vars, 128);
    for (int l = 0; l < LANG_COUNT; l++) {
        if (strcmp(langs, "any") && strcmp(langs, lang_codes[l]))
            continue;
        lang_data *L = &e->lang[l];
        for (int v = 0; v < nv; v++) {
            char key[512];
            uint32_t ntok = phrase_key(L, vars[v], key, sizeof key);
            if (!ntok)
                continue;
            /* names written with a capital only match capitalised text ("Price" is not "price"),
             * acronyms only upper-case text ("WHO" is not "Who"); the first word decides, the one
             * whose case is checked ("EU Council" opens with an acronym) */
            size_t vl = strcspn(vars[v], " ");
            uint32_t caps = vl > 1 && is_all_upper(vars[v], vl) ? CASE_ALL : is_upper_initial(vars[v], vl) ? CASE_INITIAL : 0;
            uint32_t payload = (uint32_t)actor << 2 | caps;
            phrase_add(adjective ? &L->demonyms : &L->names, key, ntok, payload);
        }
    }
}

static bool finish_actor(vigie_engine *e, int idx, role_buf *rb, const char *path, long line, char *err, size_t errlen)
{
    if (idx < 0)
        return true;
    actor_entry *a = &e->actors.v[idx];
    if (rb->roles.n) {
        size_t total = a->role_count + rb->roles.n;
        actor_role *all = arena_alloc(&e->mem, total * sizeof *all);
        if (a->role_count)
            memcpy(all, a->roles, a->role_count * sizeof *all);
        memcpy(all + a->role_count, rb->roles.v, rb->roles.n * sizeof *all);
        a->roles = all;
        a->role_count = total;
    }
    rb->roles.n = 0;
    if (!a->code && a->kind == VIGIE_ACTOR_METONYM && a->capital && a->country) {
        char code[16];
        snprintf(code, sizeof code, "%sGOV", a->country);
        a->code = arena_strdup(&e->mem, code);
    }
    if (!a->code && a->country)
        a->code = a->country;
    if (!a->code && a->role_count)
        a->code = a->roles[a->role_count - 1].code;
    if (!a->code)
        return fail(err, errlen, "%s:%ld: actor [%s] has no code (give code, country or a role)", path, line, a->name);
    if (!a->export_code)
        a->export_code = a->code;
    return true;
}

static bool load_actor_file(vigie_engine *e, const char *path, char *err, size_t errlen)
{
    datafile f;
    if (!datafile_open(&f, path))
        return fail(err, errlen, "%s: cannot read: %s", path, strerror(errno));
    int cur = -1;
    long cur_line = 0;
    role_buf rb = {{0}};
    char *line;
    bool ok = true;
    while (ok && (line = datafile_next(&f))) {
        if (line[0] == '[') {
            char *close = strchr(line, ']');
            if (!close || close == line + 1) {
                ok = fail(err, errlen, "%s:%ld: expected [name]", path, f.lineno);
                break;
            }
            if (!(ok = finish_actor(e, cur, &rb, path, cur_line, err, errlen)))
                break;
            *close = 0;
            bool inserted;
            uint32_t *idx = strmap_put(&e->actor_ids, line + 1, strlen(line + 1), (uint32_t)e->actors.n, &inserted);
            if (inserted) {
                actor_entry a;
                memset(&a, 0, sizeof a);
                a.name = arena_strdup(&e->mem, line + 1);
                a.kind = VIGIE_ACTOR_COUNTRY;
                VEC_PUSH(e->actors, a);
            }
            cur = (int)*idx;
            cur_line = f.lineno;
            continue;
        }
        char *eq = strchr(line, '=');
        if (!eq || cur < 0) {
            ok = fail(err, errlen, "%s:%ld: expected 'key = value' inside an [actor] block", path, f.lineno);
            break;
        }
        *eq = 0;
        char *key = trim(line), *value = trim(eq + 1);
        actor_entry *a = &e->actors.v[cur];
        if (!strcmp(key, "kind")) {
            size_t k;
            for (k = 0; k < sizeof actor_kinds / sizeof *actor_kinds; k++)
                if (!strcmp(value, actor_kinds[k].name))
                    break;
            if (k == sizeof actor_kinds / sizeof *actor_kinds) {
                ok = fail(err, errlen, "%s:%ld: unknown kind '%s'", path, f.lineno, value);
                break;
            }
            a->kind = actor_kinds[k].kind;
            a->capital = actor_kinds[k].capital;
        } else if (!strcmp(key, "code")) {
            a->code = arena_strdup(&e->mem, value);
        } else if (!strcmp(key, "export")) {
            a->export_code = arena_strdup(&e->mem, value);
        } else if (!strcmp(key, "scene")) {
            a->scene = arena_strdup(&e->mem, value);
        } else if (!strcmp(key, "country")) {
            a->country = arena_strdup(&e->mem, value);
        } else if (!strcmp(key, "any") || !strcmp(key, "fr") || !strcmp(key, "en")) {
            add_names(e, cur, key, value, false);
        } else if (!strcmp(key, "adj.fr") || !strcmp(key, "adj.en") || !strcmp(key, "adj")) {
            add_names(e, cur, key[3] == '.' ? key + 4 : "any", value, true);
        } else if (!strcmp(key, "gender")) {
            if (strcmp(value, "m") && strcmp(value, "f")) {
                ok = fail(err, errlen, "%s:%ld: gender is 'm' or 'f'", path, f.lineno);
                break;
            }
            a->gender = value[0];
        } else if (!strcmp(key, "role")) {
            actor_role r;
            if (!parse_role(e, value, &r)) {
                ok = fail(err, errlen, "%s:%ld: expected 'role = CODE [YYYY-MM-DD..YYYY-MM-DD] [title]'", path, f.lineno);
                break;
            }
            VEC_PUSH(rb.roles, r);
        } else {
            ok = fail(err, errlen, "%s:%ld: unknown key '%s'", path, f.lineno, key);
        }
    }
    if (ok)
        ok = finish_actor(e, cur, &rb, path, cur_line, err, errlen);
    VEC_FREE(rb.roles);
    datafile_close(&f);
    return ok;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

bool engine_load_actors(vigie_engine *e, char *err, size_t errlen)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/actors", e->data_dir);
    DIR *dp = opendir(dir);
    if (!dp)
        return true; /* no actors: the engine still segments and dates */
    VEC(char *) files = {0};
    struct dirent *de;
    while ((de = readdir(dp))) {
        size_t n = strlen(de->d_name);
        if (n > 4 && !strcmp(de->d_name + n - 4, ".txt")) {
            char *p = xmalloc(strlen(dir) + n + 2);
            sprintf(p, "%s/%s", dir, de->d_name);
            VEC_PUSH(files, p);
        }
    }
    closedir(dp);
    qsort(files.v, files.n, sizeof *files.v, cmp_str); /* deterministic merge order */
    bool ok = true;
    for (size_t i = 0; i < files.n; i++) {
        if (ok)
            ok = load_actor_file(e, files.v[i], err, errlen);
        free(files.v[i]);
    }
    VEC_FREE(files);
    return ok;
}

/* ---- engine ---- */

vigie_engine *vigie_engine_open(const char *data_dir, char *err, size_t errlen)
{
    vigie_engine_options opt = {data_dir, NULL, 0, NULL, 0, NULL, NULL, 0, false};
    return vigie_engine_open_with(&opt, err, errlen);
}

vigie_engine *vigie_engine_open_with(const vigie_engine_options *opt, char *err, size_t errlen)
{
    const char *data_dir = opt->data_dir;
    if (!data_dir)
        data_dir = getenv("VIGIE_DATA");
    if (!data_dir || !*data_dir)
        data_dir = VIGIE_DATA_DIR;
    vigie_engine *e = xcalloc(1, sizeof *e);
    e->data_dir = xstrndup(data_dir, strlen(data_dir));
    char probe[1100];
    snprintf(probe, sizeof probe, "%s/cameo.tsv", data_dir);
    FILE *f = fopen(probe, "r");
    if (!f) {
        snprintf(err, errlen, "no vigie data in '%s' (cameo.tsv missing): build with make or set VIGIE_DATA", data_dir);
        vigie_engine_close(e);
        return NULL;
    }
    fclose(f);
    bool ok = engine_load_cameo(e, err, errlen) && engine_load_folds(e, err, errlen);
    segment_index(e);
    e->dates_only = opt->dates_only;
    for (int l = 0; ok && l < LANG_COUNT; l++)
        ok = engine_load_lang(e, l, err, errlen);
    ok = ok && (e->dates_only || engine_load_actors(e, err, errlen));
    for (size_t i = 0; ok && i < opt->petrarch_actor_count; i++)
        ok = petrarch_load_actors(e, opt->petrarch_actors[i], opt->warnings, err, errlen);
    for (size_t i = 0; ok && i < opt->petrarch_agent_count; i++)
        ok = petrarch_load_agents(e, opt->petrarch_agents[i], opt->warnings, err, errlen);
    if (opt->petrarch_verb_count)
        patterns_clear(&e->lang[LANG_EN]);
    for (size_t i = 0; ok && i < opt->petrarch_verb_count; i++)
        ok = petrarch_load_verbs(e, opt->petrarch_verbs[i], opt->warnings, err, errlen);
    for (int l = 0; ok && l < LANG_COUNT; l++) {
        vocab_build(&e->lang[l]);
        time_index(&e->lang[l]);
        lexicon_index(&e->lang[l]);
        patterns_sign(&e->lang[l]);
    }
    if (!ok) {
        vigie_engine_close(e);
        return NULL;
    }
    return e;
}

static void lang_free(lang_data *L)
{
    phrase_free(&L->grammar);
    VEC_FREE(L->gram_chain_masks);
    strmap_free(&L->abbrev);
    strmap_free(&L->elision);
    strmap_free(&L->stopwords);
    strmap_free(&L->clause_forms);
    strmap_free(&L->participles);
    strmap_free(&L->etre_verbs);
    strmap_free(&L->elided_as);
    VEC_FREE(L->elided_forms);
    phrase_free(&L->time);
    VEC_FREE(L->time_entries);
    VEC_FREE(L->time_chain_classes);
    phrase_free(&L->names);
    phrase_free(&L->demonyms);
    phrase_free(&L->agents);
    VEC_FREE(L->agents_v);
    phrase_free(&L->coref);
    VEC_FREE(L->coref_v);
    strmap_free(&L->verbforms);
    VEC_FREE(L->analyses);
    strmap_free(&L->lemmas);
    VEC_FREE(L->lemma_names);
    for (size_t i = 0; i < L->lemma_patterns.n; i++)
        VEC_FREE(L->lemma_patterns.v[i]);
    VEC_FREE(L->lemma_patterns);
    strmap_free(&L->noun_triggers);
    for (size_t i = 0; i < L->noun_pattern_lists.n; i++)
        VEC_FREE(L->noun_pattern_lists.v[i]);
    VEC_FREE(L->noun_pattern_lists);
    VEC_FREE(L->noun_prefixes);
    strmap_free(&L->noun_prefix_stems);
    for (size_t i = 0; i < L->noun_stem_lists.n; i++)
        VEC_FREE(L->noun_stem_lists.v[i]);
    VEC_FREE(L->noun_stem_lists);
    VEC_FREE(L->noun_prefix_lists);
    VEC_FREE(L->patterns);
    strmap_free(&L->vocab);
    VEC_FREE(L->vocab_v);
}

void vigie_engine_close(vigie_engine *e)
{
    if (!e)
        return;
    for (int l = 0; l < LANG_COUNT; l++)
        lang_free(&e->lang[l]);
    VEC_FREE(e->actors);
    strmap_free(&e->actor_ids);
    VEC_FREE(e->cameo);
    strmap_free(&e->cameo_index);
    free(e->folds);
    arena_free(&e->mem);
    free(e->data_dir);
    free(e);
}
