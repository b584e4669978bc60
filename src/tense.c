/* Tense around a temporal expression: which way a verb group points (past, future, a present that
 * announces), read from the verb forms and function words lexicon.c tags. The time stage asks it
 * for weekdays, bare days and months, and seasons; the event stage for planned events. */
#include "internal.h"

#include <string.h>

/* Is the verb form va at k a noun or an infinitive, right after a determiner or a preposition ("le
 * service de presse", "de mettre", "to attack")? Not a participle or an auxiliary ("d'avoir fermé"
 * is a past). */
static bool nominal_use(const vigie_doc *d, size_t k, size_t lo, size_t hi, const verb_analysis *va)
{
    return k > lo && (lazy_gram_is(d, k - 1, hi, G_DETERMINER) || lazy_gram_is(d, k - 1, hi, G_PREP)) &&
           !analysis_has_tag(va, 'K') && !is_auxiliary(d, va);
}

/* Tense of the verb group nearest to i: future/conditional forms, auxiliaries with a past
 * participle, simple past and imperfect; English "will"/"would" and past forms. */
char tense_near(const vigie_doc *d, size_t i, size_t lo, size_t hi)
{
    for (size_t dist = 0; dist < 10; dist++) {
        for (int side = 0; side < 2; side++) {
            if (side == 0 && dist > i)
                continue;
            size_t k = side == 0 ? i - dist : i + dist;
            if (k < lo || k >= hi || (dist == 0 && side == 1))
                continue;
            if (lazy_gram_is(d, k, hi, G_FUTURE))
                return 'F';
            if (lazy_gram_is(d, k, hi, G_CONDITIONAL))
                return 'C';
            const verb_analysis *va = lazy_verb_lookup(d, k);
            if (!va || (k > 0 && tok_is(d, k - 1, "'s")))
                continue; /* after a possessive it is a noun: "Sunday's protest was" */
            if (nominal_use(d, k, lo, hi, va))
                continue;
            const verb_analysis *before = k > lo ? lazy_verb_lookup(d, k - 1) : NULL;
            if (analysis_has_tag(va, 'K') && (has_lemma(d, before, "avoir") || has_lemma(d, before, "etre")))
                continue; /* "a fait": the auxiliary says the tense, "fait" is no present here */
            if (analysis_has_tag(va, 'F'))
                return 'F';
            bool aux = has_lemma(d, va, "avoir") || has_lemma(d, va, "etre") || has_lemma(d, va, "have");
            /* the participle an auxiliary carries: "a débuté", "a déjà annexé", "has already met" */
            size_t part = 0;
            for (size_t p = k + 1; aux && !part && p < hi && p <= k + 3; p++) {
                if (past_participle(d, p))
                    part = p; /* "ont par ailleurs annoncé" */
                else if (lazy_verb_lookup(d, p) || d->tokens.v[p].kind != VIGIE_TOK_WORD)
                    break;
            }
            /* "est rendu public" is a passive, in the tense of être; "est parti", "s'est rendu", "s'en sont pris" are past */
            bool reflexive = k > lo && (lazy_gram_is(d, k - 1, hi, G_REFLEXIVE) ||
                                        (k > lo + 1 && lazy_gram_is(d, k - 1, hi, G_CLITIC) &&
                                         lazy_gram_is(d, k - 2, hi, G_REFLEXIVE)));
            bool passive = part && has_lemma(d, va, "etre") && !takes_etre(d, lazy_verb_lookup(d, part)) && !reflexive;
            if (analysis_has_tag(va, 'C') && part && !passive)
                return 'P'; /* a conditional perfect tells of the past ("auraient été commis le 27 février");
                             * "seraient mobilisés samedi" is a passive */
            if (analysis_has_tag(va, 'C'))
                return 'C';
            if (analysis_has_tag(va, 'J') || analysis_has_tag(va, 'I'))
                return 'P';
            if (part && (!passive || analysis_has_tag(va, 'K')))
                return 'P'; /* "a été arrêté" */
            if (has_lemma(d, va, "aller") && k + 1 < hi && analysis_has_tag(lazy_verb_lookup(d, k + 1), 'W'))
                return 'F';
            if (analysis_has_tag(va, 'K') && d->lang == LANG_EN)
                return 'P';
            if (analysis_has_tag(va, 'P') || analysis_has_tag(va, 'S'))
                return 'N'; /* a present, or a present subjunctive: "avant que le bilan soit rendu public lundi" */
        }
    }
    return 0;
}

/* avoir, être, have, be: their present tense says nothing of the time ("a débuté"), and the
 * participle after them may be missing from the verb lexicon. */
bool is_auxiliary(const vigie_doc *d, const verb_analysis *va)
{
    static const char *const aux[] = {"avoir", "etre", "have", "be"};
    const lang_data *L = &d->engine->lang[d->lang];
    for (; va && va->lemma != UINT32_MAX; va++)
        for (size_t k = 0; k < sizeof aux / sizeof *aux; k++)
            if (!strcmp(L->lemma_names.v[va->lemma], aux[k]))
                return true;
    return false;
}

/* A future, conditional or planned marker up to three words before the verb at k ("will be held", "could
 * meet"); a capitalised one inside the sentence is a name ("Theresa May secured"). */
bool future_marker_before(const vigie_doc *d, size_t k, size_t lo, size_t hi)
{
    for (size_t b = k + 1; b-- > lo && b + 4 > k;) {
        if (b > lo && (d->tinfo.v[b].flags & TF_CAP))
            continue;
        if (lazy_gram_is(d, b, hi, G_FUTURE) || lazy_gram_is(d, b, hi, G_CONDITIONAL) ||
            lazy_gram_is(d, b, hi, G_FUTURE_AUX) || lazy_gram_is(d, b, hi, G_PLANNED) ||
            lazy_gram_is(d, b, hi, G_PLANNED_MODAL))
            /* "a visit planned for Friday", "expected to arrive", "doit prendre ses fonctions dimanche" */
            return true;
    }
    return false;
}

/* Is the form at k a noun ending a prepositional phrase: a preposition and a determiner up to four
 * words before it, no function word or auxiliary between ("in a brief phone call", "par une
 * nouvelle attaque"; "The president takes" is a verb)? */
static bool in_prep_phrase(const vigie_doc *d, size_t k, size_t lo, size_t hi)
{
    for (size_t p = k; p-- > lo + 1 && p + 4 >= k;) {
        if (lazy_gram_is(d, p, hi, G_DETERMINER))
            return lazy_gram_is(d, p - 1, hi, G_PREP);
        if (token_tags(d, p)->gram_mask || d->tokens.v[p].kind != VIGIE_TOK_WORD ||
            is_auxiliary(d, lazy_verb_lookup(d, p)))
            return false;
    }
    return false;
}

/* Past (-1), future (+1) or unknown (0) from the verb group nearest before token at in its clause
 * ("will be held at noon on Thursday", "left it on Friday", "takes office on Sunday"): a future
 * or conditional marker up to three words before the verb makes it future; otherwise the verb's
 * own tense. *found: whether the clause has a verb before the expression. */
int clause_tense(const vigie_doc *d, size_t at, size_t lo, size_t hi, bool *found)
{
    bool present = false; /* a present form may be a noun ("new sanctions"): look further back */
    *found = false;
    for (size_t k = at; k-- > lo;) {
        if (tok_is(d, k, ",") || tok_is(d, k, ";") || opens_clause(d, k, hi) || lazy_gram_is(d, k, hi, G_RELATIVE))
            break;
        const verb_analysis *va = lazy_verb_lookup(d, k);
        /* a past form the lexicon has no analysis of ("left it on Friday"): not a participle after
         * an auxiliary ("are determined to march": the auxiliary says the tense), nor beyond a
         * nearer present */
        bool past_form = !va && !(d->tinfo.v[k].flags & TF_CAP) && !token_tags(d, k)->gram_mask && simple_past(d, k);
        bool after_aux = k > lo && (lazy_gram_is(d, k - 1, hi, G_AUXILIARY) || lazy_gram_is(d, k - 1, hi, G_PASSIVE));
        if (past_form && (present || after_aux))
            continue;
        if ((!va && !past_form) || (k > lo && lazy_gram_is(d, k - 1, hi, G_DETERMINER)) || nominal_use(d, k, lo, hi, va))
            continue; /* "the attack on Tuesday" is a noun, "de mettre en place" an infinitive and a noun */
        *found = true;
        if (future_marker_before(d, k, lo, hi))
            return +1;
        if (past_form)
            return -1;
        char tense = tense_near(d, k, lo, hi);
        if (tense == 'N' && !is_auxiliary(d, va) && !analysis_has_tag(va, 'W')) {
            /* "to resume", "speaking" are none; a passive ("est rendu public") or a progressive ("are
             * calling for") is in the present of its être or be */
            const verb_analysis *be = k > lo ? lazy_verb_lookup(d, k - 1) : NULL;
            bool be_present = (has_lemma(d, be, "etre") || has_lemma(d, be, "be")) && !analysis_has_tag(be, 'K') &&
                              ((analysis_has_tag(va, 'K') && !takes_etre(d, va)) || analysis_has_tag(va, 'G'));
            present |= (finite_form(va) || be_present) && !in_prep_phrase(d, k, lo, hi);
            continue;
        }
        if (tense == 'N' || !tense)
            continue;
        return tense == 'F' || tense == 'C' ? +1 : -1;
    }
    return present ? TENSE_PRESENT : 0;
}

/* Does the expression at token at open its sentence, no verb before it ("Mardi, le général...",
 * "Alors que l'hiver approche"; not "a déclaré, vendredi")? */
bool fronted(const vigie_doc *d, size_t at, size_t lo, size_t hi)
{
    for (size_t k = lo; k < at; k++)
        if ((lazy_verb_lookup(d, k) && !(k > lo && lazy_gram_is(d, k - 1, hi, G_DETERMINER))) || simple_past(d, k))
            return false;
    return true;
}

/* The tense of the first verb after a fronted expression at token at, in its clause ("Le 24
 * février, la Russie a lancé", "Mardi, le général Sourovikine, à la tête des forces, a reconnu",
 * "On the night of 4 April he had been"): 'P', 'F', 'C', 'N' as tense_near says, or 0. Commas of
 * the fronted phrase and of an apposition may lie between. */
char tense_after(vigie_doc *d, size_t at, size_t hi)
{
    int commas = 0;
    for (size_t k = at; k < hi && k < at + 24; k++) {
        if (tok_is(d, k, ",") && ++commas <= 3)
            continue;
        if (tok_is(d, k, ",") || tok_is(d, k, ";") || tok_is(d, k, ":") || d->tokens.v[k].kind == VIGIE_TOK_QUOTE ||
            opens_clause(d, k, hi) || lazy_gram_is(d, k, hi, G_RELATIVE))
            return 0;
        if (lazy_gram_is(d, k, hi, G_FUTURE) ||
            (lazy_gram_is(d, k, hi, G_FUTURE_AUX) && finite_form(lazy_verb_lookup(d, k))))
            return 'F'; /* "she will answer", "will have offered", "va signer"; not "sans aller jusqu'à" */
        if (lazy_gram_is(d, k, hi, G_CONDITIONAL))
            return 'C';
        const verb_analysis *va = lazy_verb_lookup(d, k);
        if (!finite_form(va) || (k > at && lazy_gram_is(d, k - 1, hi, G_DETERMINER)) || (d->tinfo.v[k].flags & TF_CAP))
            continue; /* "sans aller jusqu'à évoquer", "Interrogé par": no finite verb yet */
        char tense = tense_near(d, k, k > at ? k - 1 : k, hi); /* k - 1: a reflexive before it ("s'est fait") */
        if (tense)
            return tense;
    }
    return 0;
}

/* A form of avoir up to three words before token i, no determiner between ("a été", "a jusqu'ici
 * été"): i is a participle ("A l'automne" is a preposition). */
bool after_avoir(vigie_doc *d, size_t i, size_t lo)
{
    for (size_t k = i; k-- > lo && k + 3 >= i;) {
        if (lazy_gram_is(d, k, i + 1, G_DETERMINER))
            return false;
        if (has_lemma(d, lazy_verb_lookup(d, k), "avoir"))
            return true;
    }
    return false;
}
