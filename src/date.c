/* Calendar arithmetic on proleptic Gregorian dates (days_from_civil after H. Hinnant). */
#include "internal.h"

#include <stdio.h>
#include <string.h>

int days_in_month(int y, int m)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return dim[m - 1] + (m == 2 && leap);
}

bool date_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int weekday_of(int y, int m, int d)
{
    long z = days_from_civil(y, m, d); /* 1970-01-01 was a Thursday (4) */
    long w = (z + 3) % 7;
    if (w < 0)
        w += 7;
    return (int)w + 1;
}

/* Orders by the fields both dates know; a month and a day inside it compare equal. */
int date_compare(vigie_date a, vigie_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.gran < VIGIE_GRAN_MONTH || b.gran < VIGIE_GRAN_MONTH || a.month == b.month)
        return (a.gran < VIGIE_GRAN_DAY || b.gran < VIGIE_GRAN_DAY || a.month != b.month || a.day == b.day)
                   ? 0
                   : (a.day < b.day ? -1 : 1);
    return a.month < b.month ? -1 : 1;
}

static int digits(const char *s, size_t n, size_t at, size_t count)
{
    if (at + count > n)
        return -1;
    int v = 0;
    for (size_t i = at; i < at + count; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool vigie_date_parse(const char *s, size_t n, vigie_date *out)
{
    vigie_date d = {0, 0, 0, VIGIE_GRAN_NONE};
    int y = digits(s, n, 0, 4);
    if (y < 1)
        return false;
    d.year = y;
    d.gran = VIGIE_GRAN_YEAR;
    size_t used = 4;
    if (n > 4 && s[4] == '-') {
        int m = digits(s, n, 5, 2);
        if (m < 1 || m > 12)
            return false;
        d.month = m;
        d.gran = VIGIE_GRAN_MONTH;
        used = 7;
        if (n > 7 && s[7] == '-') {
            int day = digits(s, n, 8, 2);
            if (day < 1 || !date_valid(y, m, day))
                return false;
            d.day = day;
            d.gran = VIGIE_GRAN_DAY;
            used = 10;
        }
    }
    /* a time part may follow a full date ("2019-02-10T08:00:00Z", "2019-02-10 08:00") */
    if (used < n && !(d.gran == VIGIE_GRAN_DAY && (s[used] == 'T' || s[used] == ' ')))
        return false;
    *out = d;
    return true;
}

/* Writes v in w digits (w <= 4, 0 <= v < 10^w). */
static char *put_digits(char *o, int v, int w)
{
    for (int k = w - 1; k >= 0; k--, v /= 10)
        o[k] = (char)('0' + v % 10);
    return o + w;
}

/* Dates are formatted for every expression found: by hand, printf costs more than finding them. */
char *vigie_date_format(vigie_date d, char out[16])
{
    bool plain = d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 99 && d.day >= 0 && d.day <= 99;
    if (!plain && d.gran >= VIGIE_GRAN_YEAR && d.gran <= VIGIE_GRAN_DAY) {
        switch (d.gran) {
        case VIGIE_GRAN_DAY: snprintf(out, 16, "%04d-%02d-%02d", d.year, d.month, d.day); break;
        case VIGIE_GRAN_MONTH: snprintf(out, 16, "%04d-%02d", d.year, d.month); break;
        default: snprintf(out, 16, "%04d", d.year);
        }
        return out;
    }
    char *o = out;
    switch (d.gran) {
    case VIGIE_GRAN_DAY:
    case VIGIE_GRAN_MONTH:
    case VIGIE_GRAN_YEAR:
        o = put_digits(o, d.year, 4);
        if (d.gran == VIGIE_GRAN_YEAR)
            break;
        *o++ = '-';
        o = put_digits(o, d.month, 2);
        if (d.gran == VIGIE_GRAN_MONTH)
            break;
        *o++ = '-';
        o = put_digits(o, d.day, 2);
        break;
    default: break;
    }
    *o = 0;
    return out;
}
